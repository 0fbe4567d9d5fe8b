"""Running one SPARQL query and serialising its results, row cap included; and the worker process.

:func:`execute` is the whole job: it evaluates a :class:`QueryJob` on a store and returns an
:class:`Outcome` (bytes and a media type, or what went wrong). The service runs it in worker
processes (:func:`worker_main`, driven by ``api/query_pool.py``) because a query inside Oxigraph
cannot be interrupted from Python: a process can be killed.

The row cap is counted while Oxigraph serialises, so a query with too many rows stops at the first
row over the cap instead of being read whole: the serialiser writes into :class:`_CappedSink`,
which counts the markers that start a row in each format and raises past the cap.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import sys
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from api.media import FORMAT_NAMES
from kg.errors import KGError, QuerySyntaxError
from kg.store import RDF_FORMATS, Store

logger = logging.getLogger(__name__)

RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: What starts a row, per format, and how many such markers there are besides the rows: JSON
#: separates solutions with ``},{"``, or ``,{}`` before an empty one (a JSON string escapes every
#: quote, so ``},{"`` cannot occur inside one; ``,{}`` only in a literal that spells it), XML opens
#: each with ``<result>`` (``<`` is escaped in text), TSV ends each line, the header's included.
_ROW_MARKERS: dict[ox.QueryResultsFormat, tuple[tuple[bytes, ...], int]] = {
    ox.QueryResultsFormat.JSON: ((b'},{"', b",{}"), -1),
    ox.QueryResultsFormat.XML: ((b"<result>", b"<result/>"), 0),
    ox.QueryResultsFormat.TSV: ((b"\n",), 1),
}


@dataclass(frozen=True)
class QueryJob:
    """A query and everything that decides how it runs and how its results are written."""

    text: str
    max_rows: int
    results_media: str | None  # chosen for SELECT; None: the client accepts no results format
    boolean_media: str | None  # for ASK
    graph_media: str | None  # for CONSTRUCT and DESCRIBE
    prefixes: dict[str, str] = field(default_factory=dict)
    base_iri: str | None = None
    default_graph: list[str] | None = None  # the protocol's default-graph-uri; None: not given
    named_graphs: list[str] | None = None  # the protocol's named-graph-uri; None: not given
    union_default_graph: bool = True
    generation: int = 0  # of the parent's store, set by the pool; a worker reopens when it changes


@dataclass(frozen=True)
class Outcome:
    """What a query gave: ``status`` is ``ok`` or one of the failures the service maps to problems."""

    status: str  # ok | syntax | not-acceptable | too-many-rows | failed
    body: bytes = b""
    media_type: str = ""
    detail: str = ""
    rows: int = 0


class TooManyRows(Exception):
    """Raised from inside the serialiser when a result passes the row cap."""


class _CappedSink:
    """A file-like object for Oxigraph's serialisers that keeps the bytes and stops past a row cap."""

    def __init__(self, fmt: ox.QueryResultsFormat, max_rows: int):
        self.markers, extra = _ROW_MARKERS[fmt]
        self.limit = max_rows + extra
        self.keep = max(len(m) for m in self.markers) - 1
        self.chunks: list[bytes] = []
        self.tail = b""
        self.count = 0

    def write(self, chunk: bytes) -> int:
        data = bytes(chunk)
        window = self.tail + data  # a marker may straddle two chunks; tail is shorter than any
        self.count += sum(window.count(marker) for marker in self.markers)
        if self.count > self.limit:
            raise TooManyRows
        self.tail = window[-self.keep :] if self.keep else b""
        self.chunks.append(data)
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.chunks)


def _run(store: Store, job: QueryJob) -> Any:
    options: dict[str, Any] = {"prefixes": job.prefixes, "base_iri": job.base_iri}
    if job.default_graph is not None or job.named_graphs is not None:  # the protocol's dataset wins
        options["default_graph"] = [URIRef(g) for g in job.default_graph or []]
        options["named_graphs"] = [URIRef(g) for g in job.named_graphs or []]
    else:
        options["union_default_graph"] = job.union_default_graph
    return store.query(job.text, **options)


def _solutions(result: ox.QuerySolutions, job: QueryJob) -> Outcome:
    if job.results_media is None:
        return Outcome("not-acceptable", detail="SELECT results come as " + ", ".join(RESULT_FORMATS))
    fmt = RESULT_FORMATS[job.results_media]
    counted = fmt if fmt in _ROW_MARKERS else ox.QueryResultsFormat.JSON  # CSV: count JSON, convert
    sink = _CappedSink(counted, job.max_rows)
    result.serialize(sink, format=counted)
    body = sink.getvalue()
    if counted != fmt:
        body = bytes(ox.parse_query_results(body, format=counted).serialize(format=fmt))
    return Outcome("ok", body, job.results_media)


def _triples(result: ox.QueryTriples, job: QueryJob) -> Outcome:
    if job.graph_media is None:
        return Outcome("not-acceptable", detail="CONSTRUCT and DESCRIBE results come as RDF graphs")
    triples = []
    for triple in result:
        triples.append(triple)
        if len(triples) > job.max_rows:
            raise TooManyRows
    fmt = RDF_FORMATS[FORMAT_NAMES[job.graph_media]]
    prefixes = job.prefixes if fmt == ox.RdfFormat.TURTLE else None
    body = bytes(ox.serialize(triples, format=fmt, prefixes=prefixes))
    return Outcome("ok", body, job.graph_media, rows=len(triples))


def execute(store: Store, job: QueryJob) -> Outcome:
    """Run a query and serialise its results as the job asks; never raises for a bad query."""
    try:
        result = _run(store, job)
        if isinstance(result, ox.QueryBoolean):
            if job.boolean_media is None:
                return Outcome("not-acceptable", detail="ASK results come as SPARQL JSON or XML")
            body = bytes(result.serialize(format=RESULT_FORMATS[job.boolean_media]))
            return Outcome("ok", body, job.boolean_media)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        return _triples(result, job)
    except QuerySyntaxError as error:
        return Outcome("syntax", detail=str(error))
    except TooManyRows:
        return Outcome("too-many-rows", detail=f"The query returns more than {job.max_rows:,} rows.")
    except (OSError, RuntimeError, ValueError, TypeError, KGError) as error:
        return Outcome("failed", detail=f"The query failed while running: {error}")


# -- the worker process --------------------------------------------------------------------------

_CLONE_NEWUSER, _CLONE_NEWNET, _PR_SET_PDEATHSIG = 0x10000000, 0x40000000, 1


def _isolate() -> bool:
    """Best effort, Linux only: leave the network (a new, empty network namespace) so that no query
    can reach another host even if one slipped past the SERVICE check; and die with the parent.
    Returns whether the worker is off the network."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if libc.unshare(_CLONE_NEWNET) == 0 or libc.unshare(_CLONE_NEWUSER | _CLONE_NEWNET) == 0:
        return True
    logger.debug("worker %d keeps the network: %s", os.getpid(), os.strerror(ctypes.get_errno()))
    return False


def _open(location: str, snapshot: bytes | None) -> Store:
    if snapshot is not None or location == "memory":  # a copy of the parent's memory store
        store = Store(None)
        if snapshot:
            store.load_dataset(snapshot)
        return store
    return Store(location, read_only=True)


def worker_main(conn: Connection, location: str) -> None:
    """Serve jobs from the parent until it sends ``None`` or goes away.

    Each message is ``(job, snapshot)``; the worker (re)opens the store when the job's generation
    differs from the one it opened, from ``snapshot`` (N-Quads) for a memory store.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server; it stops the workers
    isolated = _isolate()
    store: Store | None = None
    generation: int | None = None
    conn.send(("ready", isolated))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        job, snapshot = message
        try:
            if store is None or generation != job.generation:
                if store is not None:
                    store.close()
                store = _open(location, snapshot)
                generation = job.generation
            outcome = execute(store, job)
        except KGError as error:
            outcome = Outcome("failed", detail=str(error))
        conn.send(outcome)


def main(argv: list[str]) -> None:
    """``python -m api.sparql_worker FD LOCATION``: serve jobs on the socket ``FD``."""
    worker_main(Connection(int(argv[1])), argv[2])


if __name__ == "__main__":
    # Run the imported module, not this __main__ copy, so that pickled outcomes name
    # api.sparql_worker.Outcome, the class the parent knows.
    from api.sparql_worker import main as _main

    _main(sys.argv)
