"""SPARQL latency: a fixed query mix run straight on the store, then through `kg serve`'s /sparql.

Run from the repository root::

    python bench/sparql_latency.py                        # 200,000 synthetic triples, about a minute
    python bench/sparql_latency.py --triples 1000000 --runs 7 --json bench/results/sparql.json
    python bench/sparql_latency.py --store .kg/store      # an existing store, with its own query mix

The synthetic data and the six queries are those of ``bench/store_load_query.py``. "Straight on
the store" is pyoxigraph in this process: the query and its SPARQL JSON serialisation (the work the
endpoint does too). "Through HTTP" is a keep-alive httpx client on loopback against a live
``kg serve`` (uvicorn, a worker process per query, the same JSON). Each query runs once to warm up,
then ``--runs`` times; medians are reported, with the HTTP / direct ratio. Target (issue 5): within
1.5x.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
STORE_QUERIES = {  # for --store: the seeds' and the corpus' shape
    "count": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "meetings_by_medium": """SELECT ?medium (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting ;
        dipl:medium/skos:notation ?medium } GROUP BY ?medium""",
    "top_participants": """SELECT ?p (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting ; dipl:participant ?p }
        GROUP BY ?p ORDER BY DESC(?n) LIMIT 10""",
    "person_meetings": """SELECT ?m ?start WHERE { ?m dipl:participant ?p ; dipl:dateStart ?start .
        ?p rdfs:label "Xi Jinping" } ORDER BY ?start""",
    "labels_100": "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 100",
}


def load_store_bench() -> object:
    spec = importlib.util.spec_from_file_location("store_load_query", ROOT / "bench" / "store_load_query.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def median_ms(run: Callable[[], object], runs: int) -> float:
    run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def direct(path: Path, queries: dict[str, str], prefixes: dict[str, str], runs: int) -> dict[str, float]:
    store = ox.Store.read_only(str(path))
    fmt = ox.QueryResultsFormat.JSON

    def one(text: str) -> Callable[[], object]:
        return lambda: store.query(text, prefixes=prefixes, use_default_graph_as_union=True).serialize(
            format=fmt
        )

    return {name: median_ms(one(text), runs) for name, text in queries.items()}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def over_http(path: Path, queries: dict[str, str], runs: int) -> dict[str, float]:
    port = free_port()
    env = {**os.environ, "KG_STORE": str(path), "KG_LOG_LEVEL": "WARNING", "KG_QUERY_MAX_ROWS": "10000000"}
    server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port)], env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=url, timeout=300) as client:
            for _ in range(600):  # until up, with its look-up indexes built (they take the CPU meanwhile)
                try:
                    health = client.get("/health")
                    if health.status_code == 200 and health.json().get("indexed"):
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
            headers = {"accept": "application/sparql-results+json"}

            def one(text: str) -> Callable[[], object]:
                def run() -> None:
                    response = client.get("/sparql", params={"query": text}, headers=headers)
                    response.raise_for_status()

                return run

            return {name: median_ms(one(text), runs) for name, text in queries.items()}
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=200_000, help="synthetic triples (without --store)")
    parser.add_argument("--store", type=Path, help="an existing store directory instead of synthetic data")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from kg.ontology import load_ontology

    prefixes = load_ontology(ROOT / "ontology").prefixes
    with tempfile.TemporaryDirectory() as tmp:
        if args.store:
            path, queries = args.store, STORE_QUERIES
        else:
            bench = load_store_bench()
            data, path = Path(tmp) / "data.nq", Path(tmp) / "store"
            info = bench.generate_dataset(data, triples=args.triples, seed=7)  # type: ignore[attr-defined]
            store = ox.Store(str(path))
            store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
            store.optimize()
            del store
            print(f"synthetic store: {info['triples']:,} triples in {info['articles']:,} article graphs")
            queries = {name: bench.PREFIXES + text for name, (_, text) in bench.QUERIES.items()}  # type: ignore[attr-defined]
        straight = direct(path, queries, prefixes, args.runs)
        http = over_http(path, queries, args.runs)

    print(f"\n{'query':<22} {'direct ms':>10} {'HTTP ms':>10} {'ratio':>7}")
    ratios = []
    for name in queries:
        ratio = http[name] / straight[name] if straight[name] else float("inf")
        ratios.append(ratio)
        print(f"{name:<22} {straight[name]:>10.2f} {http[name]:>10.2f} {ratio:>6.2f}x")
    total_direct, total_http = sum(straight.values()), sum(http.values())
    geometric = statistics.geometric_mean(ratios)
    print(f"{'whole mix':<22} {total_direct:>10.2f} {total_http:>10.2f} {total_http / total_direct:>6.2f}x")
    print(f"geometric mean of the ratios: {geometric:.2f}x (target: within 1.5x)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"direct_ms": straight, "http_ms": http, "runs": args.runs}, indent=2)
        )


if __name__ == "__main__":
    main()
