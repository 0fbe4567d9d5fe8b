"""Graph speed on the White House corpus: projection, path, neighbourhood, HTML, and layout in Chromium.

Run: ``python bench/graph_speed.py [--store DIR] [--corpus ../shared/corpus/whitehouse.jsonl.gz]
[--runs 3] [--no-browser] [--pyvis-sizes 1000,10000] [--json FILE]``.

Without ``--store`` it ingests the corpus into a temporary store first (``kg ingest --no-validate``,
a few minutes); give ``--store DIR`` to reuse one (it is created there if missing). It prints: the
time to build the projection (cold, and from the cache); a shortest path between the best-connected
entity and the one farthest from it, and that entity's depth-2 neighbourhood (first call, which
builds the memoised entity graph, and the median of later calls); the time to render the HTML view
for 1,000 and 10,000 nodes (synthetic graphs shaped like ours when the corpus has fewer entities
with relationships; the script says which), beside pyvis's own ``add_node``/``add_edge`` for the
sizes in ``--pyvis-sizes``; and the time until a 1,000-node view has stabilised in headless
Chromium (Debian's ``/usr/bin/chromium``; the page's ``stabilizationIterationsDone``, measured from
navigation start). Targets (issue 6): HTML for 10,000 nodes under 2 s; stabilised under 3 s.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from kg import graph_view
from kg.graph import (
    build_projection,
    entity_graph,
    neighbourhood,
    shortest_paths,
    strongest,
    to_networkx,
    whole,
)
from kg.ontology import load_ontology
from kg.settings import PROJECT_ROOT, Settings
from kg.store import Store

DEFAULT_CORPUS = PROJECT_ROOT.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
figures: dict[str, Any] = {}


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def median_time(fn: Callable[[], Any], runs: int) -> float:
    return statistics.median(timed(fn)[0] for _ in range(runs))


def report(name: str, seconds: float, note: str = "") -> None:
    figures[name] = round(seconds, 4)
    print(f"  {name:<44} {seconds * 1000:>10,.1f} ms  {note}")


def ensure_store(store: Path | None, corpus: Path) -> Path:
    if store is not None and (store / "CURRENT").exists():
        print(f"store: {store} (reused)")
        return store
    target = store or Path(tempfile.mkdtemp(prefix="graph-bench-")) / "store"
    print(f"store: ingesting {corpus} into {target} (validation off) ...", flush=True)
    seconds, _ = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "kg", "ingest", str(corpus), "--no-validate", "--store", str(target)],
            check=True,
            capture_output=True,
        )
    )
    report("ingest (kg ingest --no-validate)", seconds)
    return target


def synthetic(nodes: int) -> nx.MultiDiGraph:
    """A scale-free graph (about two edges a node) with our node and edge attributes."""
    shape = nx.barabasi_albert_graph(nodes, 2, seed=0)
    types = ("Person", "Person", "Country", "Organisation")
    graph = nx.MultiDiGraph()
    for n in shape:
        graph.add_node(f"person/p{n}", kind="entity", type=types[n % 4], label=f"Entity {n}", articles=n % 7)
    for u, v in shape.edges():
        weight = 1 + (u * v) % 5
        graph.add_edge(
            f"person/p{u}",
            f"person/p{v}",
            key="met_with",
            kind="met_with",
            weight=weight,
            first="2021-01-01",
            last="2022-12-31",
            events=[f"event/x/{u}-{v}"] * weight,
            media={"in_person": weight},
        )
    return graph


def pyvis_baseline(graph: nx.MultiDiGraph) -> float:
    """pyvis as shipped: add_node and add_edge one by one, then generate_html.

    ``Network()`` is undirected by default, and then each ``add_edge`` scans every edge so far.
    """
    from pyvis.network import Network

    def build() -> None:
        network = Network(cdn_resources="in_line")
        for node, data in graph.nodes(data=True):
            network.add_node(node, label=data["label"], title=data["label"], group=data["type"])
        for u, v, data in graph.edges(data=True):
            network.add_edge(u, v, value=data["weight"], title=data["kind"])
        network.generate_html()

    return timed(build)[0]


def browser_stabilisation(html: str, runs: int) -> list[float]:
    """Seconds from navigation start to the page's stabilizationIterationsDone, per run."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "view.html"
        page_file.write_text(html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            seconds = []
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(page_file.as_uri())
                page.wait_for_function("document.body.dataset.stabilised === 'true'", timeout=60_000)
                seconds.append(page.evaluate("window.stabilisedAt") / 1000)
                page.close()
            browser.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a store of the corpus to reuse (made there if missing)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="runs per warm figure (median)")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figure")
    parser.add_argument(
        "--pyvis-sizes", default="1000,10000", help="sizes to time pyvis's add_node at ('' skips)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    store_dir = ensure_store(args.store, args.corpus)
    ontology = load_ontology(Settings().ontology_dir)
    with Store(store_dir, read_only=True) as store:
        print("projection:")
        report("build_projection (cold)", median_time(lambda: build_projection(store), args.runs))
        seconds, graph = timed(lambda: to_networkx(store))
        report("to_networkx, first call", seconds, str(graph))
        report("to_networkx, cached", median_time(lambda: to_networkx(store), args.runs))

    steps = entity_graph(graph)
    source = max(steps, key=lambda n: (steps.degree(n), n))
    distances = nx.single_source_shortest_path_length(steps, source)
    target = max(distances, key=lambda n: (distances[n], n))
    print(
        f"analytics: from {source} (degree {steps.degree(source)}) to {target} ({distances[target]} steps):"
    )
    fresh = build_projection(store := Store(store_dir, read_only=True))  # a graph nothing is memoised on yet
    store.close()
    fresh = nx.freeze(fresh)
    report(
        "shortest path, first call",
        timed(lambda: shortest_paths(fresh, source, target))[0],
        "(builds the entity graph)",
    )
    report("shortest path, warm", median_time(lambda: shortest_paths(graph, source, target), args.runs))
    seconds, around = timed(lambda: neighbourhood(fresh, source, depth=2))
    report(
        "depth-2 neighbourhood, first call",
        seconds,
        f"({around.number_of_nodes():,} entities, {around.number_of_edges():,} edges)",
    )
    report(
        "depth-2 neighbourhood, warm", median_time(lambda: neighbourhood(graph, source, depth=2), args.runs)
    )

    corpus_entities = whole(graph)
    print(f"html (the corpus has {corpus_entities.number_of_nodes():,} entities with relationships):")
    pyvis_sizes = {int(s) for s in args.pyvis_sizes.split(",") if s}
    pages = {}
    for size in (1_000, 10_000):
        if corpus_entities.number_of_nodes() >= size:
            sample, origin = strongest(corpus_entities, max_nodes=size, max_edges=3 * size), "corpus"
        else:
            sample, origin = synthetic(size), "synthetic"
        note = f"({origin}: {sample.number_of_nodes():,} nodes, {sample.number_of_edges():,} edges)"
        seconds = median_time(
            lambda s=sample: graph_view.to_html(s, ontology=ontology, heading="bench"), args.runs
        )
        report(f"html for {size:,} nodes, ours", seconds, note)
        pages[size] = graph_view.to_html(sample, ontology=ontology, heading="bench")
        if size in pyvis_sizes:
            report(
                f"html for {size:,} nodes, pyvis add_node/add_edge",
                pyvis_baseline(sample),
                "(for comparison)",
            )

    if not args.no_browser:
        print("browser (headless Chromium, 1,000 nodes):")
        runs = browser_stabilisation(pages[1_000], args.runs)
        report(
            "stabilised after navigation start (median)",
            statistics.median(runs),
            "runs: " + ", ".join(f"{s:.2f} s" for s in runs),
        )

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
