"""Load and query benchmark: pyoxigraph on disk beside rdflib's in-memory Dataset on ~1M synthetic quads.

Run from the repository root::

    python bench/store_load_query.py                      # 1,000,000 triples, several minutes
    python bench/store_load_query.py --triples 50000      # smoke test, seconds
    python bench/store_load_query.py --json bench/results/store.json

One run generates a deterministic N-Quads file shaped like our data (one named graph per article,
meetings with participants, media, dates and evidence nodes, plus a reference graph of person
labels), then measures each backend in a fresh subprocess of this script (``--backend NAME``) so
that peak RSS belongs to that backend alone:

* ``oxigraph``: ``pyoxigraph.Store(path)`` on disk, ``bulk_load`` of the file, the query mix,
  then the per-article transactional ingest path re-run into the loaded store;
* ``oxigraph-tx``: the per-article transactional ingest path into an empty on-disk store;
* ``rdflib``: ``rdflib.Dataset(default_union=True)`` in memory, parsing the file;
* ``oxrdflib``: ``rdflib.Dataset(store="Oxigraph")`` with plain-string queries (optional).

Every query runs over the union of the named graphs, once to warm up and then ``--runs`` times;
the median is reported. A run that passes ``--timeout`` seconds is reported as ``>120 s`` and the
remaining runs of that query are skipped. Query results are fingerprinted so the report can say
whether the backends agree.
"""

from __future__ import annotations

# ruff: noqa: T201  (a benchmark script reports on stdout)
import argparse
import bisect
import contextlib
import hashlib
import itertools
import json
import os
import platform
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

DIPL = "https://w3id.org/dipkg/ontology#"
ID = "https://w3id.org/dipkg/id/"
GRAPH = "https://w3id.org/dipkg/graph/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
REFERENCE_GRAPH = f"<{GRAPH}reference>"

PERSONS = 2_000
ZIPF_EXPONENT = 1.0
MEDIA = ("InPerson", "Phone", "Video")
MEDIA_WEIGHTS = (0.5, 0.35, 0.15)
SOURCES = 25
FIRST_DAY = date(2020, 1, 1)
DAYS = 5 * 365

Row = tuple[str, ...]
Result = dict[str, Any]

PREFIXES = f"PREFIX dipl: <{DIPL}>\nPREFIX xsd: <{XSD}>\nPREFIX person: <{ID}person/>\n"
# name -> (label, SPARQL). Persons are fixed IRIs so both engines get identical query text.
QUERIES: dict[str, tuple[str, str]] = {
    "q1_count": ("Q1 count all triples", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"),
    "q2_top_participants": (
        "Q2 GROUP BY participant top 10",
        """SELECT ?person (COUNT(?m) AS ?meetings) WHERE { ?m a dipl:Meeting ; dipl:participant ?person }
           GROUP BY ?person ORDER BY DESC(?meetings) ?person LIMIT 10""",
    ),
    "q3_person_meetings": (
        "Q3 one person's meetings + dates",
        """SELECT ?m ?date WHERE { ?m dipl:participant person:p100 ; a dipl:Meeting ; dipl:date ?date }
           ORDER BY ?date ?m""",
    ),
    "q4_pair_meetings": (
        "Q4 meetings between two persons",
        """SELECT ?m ?date WHERE { ?m dipl:participant person:p3, person:p8 ; a dipl:Meeting ;
           dipl:date ?date } ORDER BY ?date ?m""",
    ),
    "q5_date_medium": (
        "Q5 FILTER date range + medium",
        """SELECT (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting ; dipl:medium dipl:Video ; dipl:date ?d .
           FILTER(?d >= "2022-01-01"^^xsd:date && ?d < "2022-07-01"^^xsd:date) }""",
    ),
    "q6_two_hop": (
        "Q6 2-hop met-someone-who-met X",
        """SELECT DISTINCT ?z WHERE {
             ?m1 dipl:participant person:p500, ?y . FILTER(?y != person:p500)
             ?m2 dipl:participant ?y, ?z . FILTER(?z != ?y && ?z != person:p500) } LIMIT 100""",
    ),
}
# LIMIT without ORDER BY may pick different rows on each engine; compare only the row count.
COUNT_ONLY = {"q6_two_hop"}

BACKENDS: dict[str, str] = {
    "oxigraph": "pyoxigraph (disk)",
    "rdflib": "rdflib Dataset (mem)",
    "oxrdflib": "rdflib+oxrdflib (mem)",
}


# --- synthetic data -------------------------------------------------------------------------


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def dipl(name: str) -> str:
    return f"<{DIPL}{name}>"


def typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{XSD}{datatype}>'


class PersonSampler:
    """Draws person indexes with Zipf-like popularity: p0 is the most frequent participant."""

    def __init__(self, rng: random.Random, *, count: int = PERSONS, exponent: float = ZIPF_EXPONENT) -> None:
        self._rng = rng
        weights = [1.0 / (rank + 1) ** exponent for rank in range(count)]
        self._cumulative = list(itertools.accumulate(weights))
        self._total = self._cumulative[-1]

    def one(self) -> int:
        return bisect.bisect(self._cumulative, self._rng.random() * self._total)

    def distinct(self, k: int) -> list[int]:
        chosen: list[int] = []
        while len(chosen) < k:
            if (person := self.one()) not in chosen:
                chosen.append(person)
        return chosen


def reference_triples() -> list[str]:
    """Person labels, as the reference graph holds them."""
    lines = []
    for i in range(PERSONS):
        lines.append(f"{iri(f'person/p{i}')} {RDF_TYPE} {dipl('Person')}")
        lines.append(f'{iri(f"person/p{i}")} {RDFS_LABEL} "Person {i}"@en')
    return lines


def article_triples(rng: random.Random, people: PersonSampler, index: int) -> list[str]:
    """One article's triples: the article node, 2-4 meetings with evidence, and mentions."""
    key = f"a{index:07d}"
    article = iri(f"article/{key}")
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    lines = [
        f'{article} {dipl("articleId")} "{key}"',
        f'{article} {dipl("title")} "Talks between delegations, report {index}"',
        f"{article} {dipl('published')} {typed(day + timedelta(days=rng.randrange(3)), 'date')}",
        f"{article} {dipl('source')} {iri(f'source/s{rng.randrange(SOURCES)}')}",
    ]
    mentioned: set[int] = set()
    for k in range(rng.randint(2, 4)):
        pair = people.distinct(2)
        mentioned.update(pair)
        lines += meeting_triples(rng, article, f"{key}-{k}", day, pair)
    lines += [f"{article} {dipl('mentions')} {iri(f'person/p{p}')}" for p in sorted(mentioned)[:3]]
    return lines


def meeting_triples(rng: random.Random, article: str, key: str, day: date, pair: list[int]) -> list[str]:
    """A dipl:Meeting between two persons and its evidence node."""
    event, evidence = iri(f"event/{key}"), iri(f"evidence/{key}")
    medium = rng.choices(MEDIA, MEDIA_WEIGHTS)[0]
    when = day - timedelta(days=rng.randrange(3))
    sentence = f"Person {pair[0]} met Person {pair[1]} ({medium}) on {when.isoformat()}."
    start = rng.randrange(2_000)
    return [
        f"{event} {RDF_TYPE} {dipl('Meeting')}",
        *(f"{event} {dipl('participant')} {iri(f'person/p{p}')}" for p in pair),
        f"{event} {dipl('medium')} {dipl(medium)}",
        f"{event} {dipl('date')} {typed(when.isoformat(), 'date')}",
        f"{event} {dipl('category')} {dipl('plover-CONSULT')}",
        f"{event} {dipl('extractedFrom')} {article}",
        f"{event} {dipl('evidence')} {evidence}",
        f'{evidence} {dipl("sentence")} "{sentence}"',
        f"{evidence} {dipl('startOffset')} {typed(start, 'integer')}",
        f"{evidence} {dipl('endOffset')} {typed(start + len(sentence), 'integer')}",
        f'{evidence} {dipl("extractor")} "dipl.meetings.v1"',
        f"{evidence} {dipl('confidence')} {typed(f'0.{rng.randrange(50, 100)}', 'decimal')}",
    ]


def write_quads(out: TextIO, graph: str, triples: list[str]) -> int:
    out.write("".join(f"{triple} {graph} .\n" for triple in triples))
    return len(triples)


def generate_dataset(path: Path, *, triples: int, seed: int) -> Result:
    """Write about ``triples`` quads to ``path``; returns counts and the time taken."""
    started = time.perf_counter()
    rng = random.Random(seed)
    people = PersonSampler(rng)
    articles = 0
    with path.open("w", encoding="utf-8") as out:
        written = write_quads(out, REFERENCE_GRAPH, reference_triples())
        while written < triples:
            graph = f"<{GRAPH}article/a{articles:07d}>"
            written += write_quads(out, graph, article_triples(rng, people, articles))
            articles += 1
    return {
        "triples": written,
        "articles": articles,
        "persons": PERSONS,
        "seed": seed,
        "file_mb": round(path.stat().st_size / 2**20, 1),
        "generate_s": round(time.perf_counter() - started, 2),
    }


def article_updates(path: Path, limit: int) -> list[tuple[str, int]]:
    """The first ``limit`` article graphs of the file as ingest updates, with their triple counts."""
    groups: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            triple, graph, _ = line.rstrip("\n").rsplit(" ", 2)
            if graph == REFERENCE_GRAPH:
                continue
            if graph not in groups and len(groups) == limit:
                break
            groups.setdefault(graph, []).append(triple)
    return [(ingest_update(graph, body), len(body)) for graph, body in groups.items()]


def ingest_update(graph: str, triples: list[str]) -> str:
    """The update our ingest runs per article: replace the article's graph in one transaction."""
    body = " .\n".join(triples)
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body} .\n}} }}"


# --- measuring ------------------------------------------------------------------------------


class QueryTimeout(BaseException):
    """Raised by SIGALRM; a BaseException so library code catching Exception cannot swallow it."""


def _on_alarm(signum: int, frame: object) -> None:
    raise QueryTimeout


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (pure-Python code such as rdflib's evaluator)."""
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def memory_mb(field: str) -> float:
    """A ``Vm*`` field of /proc/self/status (VmRSS now, VmHWM peak), in MiB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    raise KeyError(field)


def fingerprint(name: str, rows: list[Row]) -> str:
    if name in COUNT_ONLY:
        return f"{len(rows)} rows"
    digest = hashlib.sha1(repr(sorted(rows)).encode()).hexdigest()[:10]
    return f"{len(rows)} rows {digest}"


def time_query(run: Callable[[], list[Row]], name: str, *, runs: int, timeout: float) -> Result:
    """Warm up once, then time ``runs`` runs; stop at the first run that passes ``timeout``."""
    timings: list[float] = []
    rows: list[Row] = []
    for attempt in range(runs + 1):
        started = time.perf_counter()
        try:
            with deadline(timeout):
                rows = run()
        except QueryTimeout:
            return {"median_ms": None, "timed_out": True, "runs_ms": timings, "rows": None, "check": None}
        if attempt:  # the first attempt is the warm-up
            timings.append((time.perf_counter() - started) * 1000)
    median = round(statistics.median(timings), 2)
    return {
        "median_ms": median,
        "timed_out": False,
        "runs_ms": [round(t, 2) for t in timings],
        "rows": len(rows),
        "check": fingerprint(name, rows),
    }


def run_query_mix(query: Callable[[str], list[Row]], *, runs: int, timeout: float) -> dict[str, Result]:
    results = {}
    for name, (label, sparql) in QUERIES.items():
        results[name] = time_query(lambda s=PREFIXES + sparql: query(s), name, runs=runs, timeout=timeout)
        unit = "" if results[name]["timed_out"] else " ms"
        log(f"  {label}: {describe_ms(results[name], timeout)}{unit}")
    return results


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def directory_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)


# --- backends (each runs in its own subprocess) ---------------------------------------------


def oxigraph_rows(store: Any, sparql: str) -> list[Row]:
    return [
        tuple("" if t is None else t.value for t in solution)
        for solution in store.query(sparql, use_default_graph_as_union=True)
    ]


def rdflib_rows(dataset: Any, sparql: str) -> list[Row]:
    return [tuple("" if t is None else str(t) for t in row) for row in dataset.query(sparql)]


def transactional_ingest(store: Any, updates: list[tuple[str, int]]) -> Result:
    """Run one update per article, as ``kg ingest`` will; report articles/s and per-article latency."""
    latencies = []
    started = time.perf_counter()
    for update, _ in updates:
        before = time.perf_counter()
        store.update(update)
        latencies.append(time.perf_counter() - before)
    seconds = time.perf_counter() - started
    triples = sum(count for _, count in updates)
    return {
        "articles": len(updates),
        "triples": triples,
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(updates) / seconds, 1),
        "triples_per_s": round(triples / seconds),
        "median_ms": round(statistics.median(latencies) * 1000, 3),
    }


def bench_oxigraph(args: argparse.Namespace) -> Result:
    import pyoxigraph

    baseline = memory_mb("VmRSS")
    store_dir = Path(args.workdir) / "oxigraph-bulk"
    started = time.perf_counter()
    store = pyoxigraph.Store(str(store_dir))
    store.bulk_load(path=args.data, format=pyoxigraph.RdfFormat.N_QUADS)
    load_s = time.perf_counter() - started
    log(f"  bulk_load: {load_s:.2f} s")
    result = {
        "load_s": round(load_s, 3),
        "rss_after_load_mb": round(memory_mb("VmRSS") - baseline, 1),
        "disk_mb": directory_mb(store_dir),
        "version": pyoxigraph.__version__,
    }
    result["queries"] = run_query_mix(lambda q: oxigraph_rows(store, q), runs=args.runs, timeout=args.timeout)
    result["peak_rss_mb"] = round(memory_mb("VmHWM") - baseline, 1)
    result.update(optimize_and_requery(store, args))
    result["tx_reingest"] = transactional_ingest(store, article_updates(Path(args.data), args.tx_articles))
    log(f"  re-ingest into loaded store: {result['tx_reingest']['articles_per_s']} articles/s")
    return result


def optimize_and_requery(store: Any, args: argparse.Namespace) -> Result:
    """Compact the freshly bulk-loaded store, then run the query mix again."""
    started = time.perf_counter()
    store.optimize()
    optimize_s = time.perf_counter() - started
    log(f"  optimize: {optimize_s:.2f} s")
    queries = run_query_mix(lambda q: oxigraph_rows(store, q), runs=args.runs, timeout=args.timeout)
    return {"optimize_s": round(optimize_s, 3), "queries_optimized": queries}


def bench_oxigraph_tx(args: argparse.Namespace) -> Result:
    import pyoxigraph

    updates = article_updates(Path(args.data), args.tx_articles)
    store = pyoxigraph.Store(str(Path(args.workdir) / "oxigraph-tx"))
    result = transactional_ingest(store, updates)
    log(f"  ingest into empty store: {result['articles_per_s']} articles/s")
    return result


def bench_rdflib(args: argparse.Namespace) -> Result:
    import rdflib

    baseline = memory_mb("VmRSS")
    started = time.perf_counter()
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(args.data, format="nquads")
    load_s = time.perf_counter() - started
    log(f"  parse: {load_s:.2f} s")
    result = {
        "load_s": round(load_s, 3),
        "rss_after_load_mb": round(memory_mb("VmRSS") - baseline, 1),
        "version": rdflib.__version__,
    }
    result["queries"] = run_query_mix(lambda q: rdflib_rows(dataset, q), runs=args.runs, timeout=args.timeout)
    result["peak_rss_mb"] = round(memory_mb("VmHWM") - baseline, 1)
    return result


def bench_oxrdflib(args: argparse.Namespace) -> Result:
    try:
        import oxrdflib  # noqa: F401  (registers the "Oxigraph" store and "ox-*" parsers)
        import rdflib
    except ImportError as error:
        return {"skipped": f"oxrdflib not importable ({error})"}
    baseline = memory_mb("VmRSS")
    started = time.perf_counter()
    dataset = rdflib.Dataset(store="Oxigraph", default_union=True)
    try:
        dataset.parse(args.data, format="ox-nquads")
    except Exception as error:  # an optional backend: report why, keep the other figures
        return {"skipped": f"oxrdflib load failed: {error!r}"}
    load_s = time.perf_counter() - started
    log(f"  parse (ox-nquads): {load_s:.2f} s")
    result = {
        "load_s": round(load_s, 3),
        "rss_after_load_mb": round(memory_mb("VmRSS") - baseline, 1),
        "version": metadata.version("oxrdflib"),
    }
    result["queries"] = run_query_mix(lambda q: rdflib_rows(dataset, q), runs=args.runs, timeout=args.timeout)
    result["peak_rss_mb"] = round(memory_mb("VmHWM") - baseline, 1)
    return result


BACKEND_RUNNERS: dict[str, Callable[[argparse.Namespace], Result]] = {
    "oxigraph": bench_oxigraph,
    "oxigraph-tx": bench_oxigraph_tx,
    "rdflib": bench_rdflib,
    "oxrdflib": bench_oxrdflib,
}


def run_backend(args: argparse.Namespace) -> int:
    """Child-process entry point: measure one backend and write its figures to ``--result``."""
    result = BACKEND_RUNNERS[args.backend](args)
    Path(args.result).write_text(json.dumps(result), encoding="utf-8")
    return 0


def spawn_backend(name: str, args: argparse.Namespace, *, data: Path, workdir: Path) -> Result:
    """Run one backend in a fresh interpreter so its memory figures are its own."""
    log(f"[{name}]")
    result_path = workdir / f"{name}.json"
    command = [
        sys.executable,
        __file__,
        "--backend",
        name,
        "--data",
        str(data),
        "--workdir",
        str(workdir),
        "--result",
        str(result_path),
        "--runs",
        str(args.runs),
        "--timeout",
        str(args.timeout),
        "--tx-articles",
        str(args.tx_articles),
    ]
    completed = subprocess.run(command, check=False)
    if completed.returncode != 0 or not result_path.exists():
        return {"error": f"subprocess exited with status {completed.returncode}"}
    loaded: Result = json.loads(result_path.read_text(encoding="utf-8"))
    return loaded


# --- report ---------------------------------------------------------------------------------


def describe_ms(timing: Result, timeout: float) -> str:
    if timing["timed_out"]:
        return f">{timeout:g} s"
    return f"{timing['median_ms']:,.1f}"


def ratio(slow: float | None, fast: float | None, *, lower_bound: bool = False) -> str:
    if not slow or not fast:
        return ""
    return f"{'>' if lower_bound else ''}{slow / fast:,.1f}x"


def measured(result: Result) -> bool:
    return "load_s" in result


def table_rows(results: dict[str, Result], info: Result, timeout: float) -> list[list[str]]:
    """One row per metric; a column per backend, then the oxigraph-over-rdflib speed-up."""
    ox, rd = results.get("oxigraph", {}), results.get("rdflib", {})
    both = measured(ox) and measured(rd)
    rows = [
        [
            "load (s)",
            *(f"{r['load_s']:,.2f}" for r in results.values()),
            ratio(rd.get("load_s"), ox.get("load_s")) if both else "",
        ],
        [
            "load (triples/s)",
            *(f"{info['triples'] / r['load_s']:,.0f}" for r in results.values()),
            ratio(rd.get("load_s"), ox.get("load_s")) if both else "",
        ],
        [
            "RSS after load, delta (MB)",
            *(f"{r['rss_after_load_mb']:,.0f}" for r in results.values()),
            ratio(rd.get("rss_after_load_mb"), ox.get("rss_after_load_mb")) if both else "",
        ],
        [
            "peak RSS, delta (MB)",
            *(f"{r['peak_rss_mb']:,.0f}" for r in results.values()),
            ratio(rd.get("peak_rss_mb"), ox.get("peak_rss_mb")) if both else "",
        ],
    ]
    for name, (label, _) in QUERIES.items():
        cells = [describe_ms(r["queries"][name], timeout) for r in results.values()]
        rows.append([f"{label} (ms)", *cells, query_speedup(ox, rd, name, timeout) if both else ""])
    return rows


def query_speedup(ox: Result, rd: Result, name: str, timeout: float) -> str:
    fast, slow = ox["queries"][name], rd["queries"][name]
    if slow["timed_out"]:
        return ratio(timeout * 1000, fast["median_ms"], lower_bound=True)
    return ratio(slow["median_ms"], fast["median_ms"])


def format_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def agreement(results: dict[str, Result]) -> list[str]:
    """Say, per query, whether every measured backend returned the same rows."""
    lines = []
    for name, (label, _) in QUERIES.items():
        checks = {b: r["queries"][name]["check"] for b, r in results.items() if r["queries"][name]["check"]}
        verdict = "agree" if len(set(checks.values())) <= 1 else "DIFFER"
        lines.append(f"  {label}: {verdict} ({'; '.join(f'{b}: {c}' for b, c in checks.items())})")
    return lines


def optimize_lines(oxigraph: Result, timeout: float) -> list[str]:
    header = ["query (pyoxigraph on disk)", "after bulk_load (ms)", "after optimize() (ms)"]
    rows = [
        [
            label,
            describe_ms(oxigraph["queries"][name], timeout),
            describe_ms(oxigraph["queries_optimized"][name], timeout),
        ]
        for name, (label, _) in QUERIES.items()
    ]
    took = f"Store.optimize() after bulk_load took {oxigraph['optimize_s']:.2f} s"
    return [f"{took}; the same queries before and after it:", format_table(header, rows)]


def ingest_lines(results: dict[str, Result]) -> list[str]:
    lines = []
    reingest = results.get("oxigraph", {}).get("tx_reingest", {})
    for label, tx in (
        ("into an empty store", results.get("oxigraph-tx", {})),
        ("re-ingest into the loaded store", reingest),
    ):
        if "articles_per_s" in tx:
            lines.append(
                f"  {label}: {tx['articles']:,} articles ({tx['triples']:,} triples) in "
                f"{tx['seconds']:.2f} s = {tx['articles_per_s']:,.0f} articles/s "
                f"({tx['triples_per_s']:,} triples/s), median {tx['median_ms']:.2f} ms/article"
            )
    return lines


def print_report(info: Result, results: dict[str, Result], args: argparse.Namespace) -> None:
    measured_results = {name: r for name, r in results.items() if name in BACKENDS and measured(r)}
    print(
        f"\nDataset: {info['triples']:,} triples in {info['articles']:,} article graphs + reference graph, "
        f"{info['persons']:,} persons, {info['file_mb']} MB N-Quads, seed {info['seed']}, "
        f"generated in {info['generate_s']} s"
    )
    print(
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs; "
        + ", ".join(f"{BACKENDS[n]} {r['version']}" for n, r in measured_results.items())
    )
    print(
        f"Queries over the union of named graphs; 1 warm-up + median of {args.runs} runs; "
        f"timeout {args.timeout:g} s per run.\n"
    )
    header = ["metric", *(BACKENDS[n] for n in measured_results), "rdflib / oxigraph"]
    print(format_table(header, table_rows(measured_results, info, args.timeout)))
    if "disk_mb" in results.get("oxigraph", {}):
        print(f"\npyoxigraph store on disk after bulk_load: {results['oxigraph']['disk_mb']:,} MB")
    if "queries_optimized" in results.get("oxigraph", {}):
        print("\n" + "\n".join(optimize_lines(results["oxigraph"], args.timeout)))
    print(
        "\nPer-article transactional ingest, pyoxigraph on disk "
        "(one `DROP SILENT GRAPH; INSERT DATA` update per article):"
    )
    print("\n".join(ingest_lines(results)))
    print("\nResult check across backends:")
    print("\n".join(agreement(measured_results)))
    for name, result in results.items():
        if not measured(result) and "articles_per_s" not in result:
            print(f"\n{name}: {result.get('skipped') or result.get('error')}")


# --- command line ---------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate dataset size")
    parser.add_argument("--json", type=Path, help="also write all figures to this JSON file")
    parser.add_argument("--seed", type=int, default=42, help="seed of the synthetic dataset")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per query after one warm-up")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a query run stops")
    parser.add_argument("--tx-articles", type=int, default=2_000, help="articles for the transactional path")
    parser.add_argument("--skip-rdflib", action="store_true", help="do not measure rdflib's memory store")
    parser.add_argument("--skip-oxrdflib", action="store_true", help="do not measure rdflib + oxrdflib")
    parser.add_argument("--workdir", type=Path, help="parent of the temporary directory (default: /tmp)")
    for internal in ("--backend", "--data", "--result"):  # used when the script re-runs itself per backend
        parser.add_argument(internal, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def selected_backends(args: argparse.Namespace) -> list[str]:
    names = ["oxigraph", "oxigraph-tx", "rdflib", "oxrdflib"]
    skipped = {"rdflib": args.skip_rdflib, "oxrdflib": args.skip_oxrdflib}
    return [name for name in names if not skipped.get(name)]


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.backend:
        return run_backend(args)
    with tempfile.TemporaryDirectory(prefix="dipkg-bench-", dir=args.workdir) as tmp:
        workdir = Path(tmp)
        data = workdir / "dataset.nq"
        log(f"Generating ~{args.triples:,} triples into {data} ...")
        info = generate_dataset(data, triples=args.triples, seed=args.seed)
        log(f"  {info['triples']:,} triples, {info['articles']:,} articles in {info['generate_s']} s")
        results = {
            name: spawn_backend(name, args, data=data, workdir=workdir) for name in selected_backends(args)
        }
    print_report(info, results, args)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        figures = {"dataset": info, "runs": args.runs, "timeout_s": args.timeout, "backends": results}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
