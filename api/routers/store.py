"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (only with ``KG_WRITE_TOKEN``).

A graph is named indirectly, ``/store?graph=IRI`` or ``/store?default``, or directly by a URL under
the endpoint, ``/store/any/path`` (the graph whose IRI is that URL). GET and HEAD read a graph
(``/store`` alone: the whole dataset, in N-Quads or TriG); PUT replaces it, POST adds to it
(``multipart/form-data`` of several documents included), DELETE drops it; POST to ``/store`` alone
creates a graph and answers 201 with its IRI in ``Location``. Writes answer 201 when they create a
graph and 204 otherwise; a graph that does not exist is a 404. Every write is one transaction.

Even reads need the write token: the protocol hands out whole graphs, with no row cap.
"""

from __future__ import annotations

import uuid
from email.parser import BytesParser
from email.policy import HTTP
from typing import NamedTuple

import pyoxigraph as ox
from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from rdflib import URIRef

from api import media
from api.deps import OntologyDep, StoreDep, WriterDep
from api.errors import NotAcceptable
from kg.errors import BadRequest, NotFound, UnsupportedMediaType
from kg.sparql_text import is_iri
from kg.store import RDF_FORMATS, Store

router = APIRouter(tags=["graph-store"], dependencies=[WriterDep])


class Target(NamedTuple):
    """What a request names: a named graph, the default graph, or (``kind == "dataset"``) everything."""

    kind: str
    name: URIRef | None = None


def _endpoint(request: Request) -> str:
    return str(request.url.replace(query="", fragment=""))


def _target(request: Request, path: str | None) -> Target:
    params = request.query_params
    if path:  # direct identification: the graph is the URL
        if "graph" in params or "default" in params:
            raise BadRequest("Name the graph by the URL or by ?graph= / ?default, not both.")
        return Target("graph", URIRef(_endpoint(request)))
    graphs = params.getlist("graph")
    if graphs and "default" in params or len(graphs) > 1:
        raise BadRequest("Name one graph: ?graph=IRI or ?default.")
    if "default" in params:
        return Target("default")
    if graphs:
        if not is_iri(graphs[0]):
            raise BadRequest(f"?graph= must be an absolute IRI; got {graphs[0]!r}.")
        return Target("graph", URIRef(graphs[0]))
    return Target("dataset")


def _missing(target: Target) -> NotFound:
    return NotFound(f"No graph <{target.name}> in the store. PUT or POST a document to create it.")


def _read(store: Store, target: Target, accept: str | None, prefixes: dict[str, str]) -> tuple[bytes, str]:
    table = media.DATASETS if target.kind == "dataset" else media.GRAPHS
    chosen = media.negotiate(accept, table)
    if chosen is None:
        raise NotAcceptable(f"No format matches 'Accept: {accept}'; offered: {', '.join(table)}.")
    if target.kind == "graph" and not store.has_graph(target.name):  # type: ignore[arg-type]
        raise _missing(target)
    fmt = media.FORMAT_NAMES[chosen]
    if target.kind == "dataset":
        return store.dump(fmt=fmt, prefixes=prefixes), chosen
    return store.dump_graph(target.name, fmt=fmt, prefixes=prefixes), chosen


def _documents(request: Request, body: bytes) -> bytes:
    """The request body as one N-Triples document (the parts of a multipart body merged)."""
    kind, _ = media.media_type(request.headers.get("content-type"))
    if kind == "multipart/form-data":
        header = f"Content-Type: {request.headers['content-type']}\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(header + body)
        parts = []
        for part in message.iter_parts():
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes):
                raise BadRequest("Each part of a multipart body must be one RDF document.")
            parts.append((part.get_content_type(), payload))
    else:
        parts = [(kind, body)]
    out = []
    for part_type, data in parts:
        chosen = media.canonical(part_type, media.GRAPHS)
        if chosen is None:
            raise UnsupportedMediaType(
                f"Unsupported content type '{part_type}'; send one of {', '.join(media.GRAPHS)}."
            )
        try:
            triples = ox.parse(
                data, format=RDF_FORMATS[media.FORMAT_NAMES[chosen]], base_iri=_endpoint(request)
            )
            out.append(bytes(ox.serialize(triples, format=ox.RdfFormat.N_QUADS)))
        except (SyntaxError, ValueError) as error:
            raise BadRequest(f"The {chosen} document does not parse: {error}") from error
    return b"".join(out)


def _write(store: Store, target: Target, data: bytes, *, replace: bool) -> bool:
    """Write triples to the target; return whether the graph was created."""
    created = target.kind == "graph" and not store.has_graph(target.name)  # type: ignore[arg-type]
    store.load_graph(data, fmt="nquads", name=target.name, replace=replace)
    return created


@router.get("/store", summary="Read a graph (Graph Store Protocol)")
@router.get("/store/{path:path}", include_in_schema=False)
async def graph_get(request: Request, store: StoreDep, ontology: OntologyDep, path: str = "") -> Response:
    """Return a graph (``?graph=IRI``, ``?default``, or a URL under ``/store/``), or the dataset."""
    target = _target(request, path)
    body, chosen = await run_in_threadpool(
        _read, store, target, request.headers.get("accept"), ontology.prefixes
    )
    return Response(body, media_type=chosen)


@router.head("/store", summary="Check a graph (Graph Store Protocol)")
@router.head("/store/{path:path}", include_in_schema=False)
async def graph_head(request: Request, store: StoreDep, ontology: OntologyDep, path: str = "") -> Response:
    """Answer as GET would, without the body."""
    target = _target(request, path)
    _, chosen = await run_in_threadpool(
        _read, store, target, request.headers.get("accept"), ontology.prefixes
    )
    return Response(media_type=chosen)


@router.put("/store", status_code=204, summary="Replace a graph (Graph Store Protocol)")
@router.put("/store/{path:path}", status_code=204, include_in_schema=False)
async def graph_put(request: Request, store: StoreDep, path: str = "") -> Response:
    """Replace a graph by the triples of the body: 201 if it is new, else 204."""
    target = _target(request, path)
    if target.kind == "dataset":
        raise BadRequest("Name the graph to replace: /store?graph=IRI or /store?default.")
    data = _documents(request, await request.body())
    created = await run_in_threadpool(lambda: _write(store, target, data, replace=True))
    return Response(status_code=201 if created else 204)


@router.post("/store", status_code=204, summary="Add to a graph, or create one (Graph Store Protocol)")
@router.post("/store/{path:path}", status_code=204, include_in_schema=False)
async def graph_post(request: Request, store: StoreDep, path: str = "") -> Response:
    """Add the body's triples to a graph (201 if it is new, else 204); to ``/store`` alone, create a
    new graph and answer 201 with its IRI in ``Location``."""
    target = _target(request, path)
    data = _documents(request, await request.body())
    if target.kind == "dataset":
        target = Target("graph", URIRef(f"{_endpoint(request).rstrip('/')}/{uuid.uuid4().hex}"))
        await run_in_threadpool(lambda: _write(store, target, data, replace=True))
        return Response(status_code=201, headers={"Location": str(target.name)})
    created = await run_in_threadpool(lambda: _write(store, target, data, replace=False))
    return Response(status_code=201 if created else 204)


@router.delete("/store", status_code=204, summary="Drop a graph (Graph Store Protocol)")
@router.delete("/store/{path:path}", status_code=204, include_in_schema=False)
async def graph_delete(request: Request, store: StoreDep, path: str = "") -> Response:
    """Drop a named graph (404 if there is none), or empty the default graph."""
    target = _target(request, path)
    if target.kind == "dataset":
        raise BadRequest("Name the graph to drop: /store?graph=IRI or /store?default.")
    if target.kind == "default":
        await run_in_threadpool(store.clear_default_graph)
    elif not await run_in_threadpool(store.remove_graph, target.name):  # type: ignore[arg-type]
        raise _missing(target)
    return Response(status_code=204)
