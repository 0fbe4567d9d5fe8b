"""Atomic ingest: a process killed mid-write leaves every article whole or absent."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from kg.store import ARTICLE_GRAPH_BASE, Store

WRITER = """
import sys
from rdflib import Graph, Literal, URIRef
from kg.store import Store, article_graph
store = Store(sys.argv[1])
print("ready", flush=True)
for n in range(100000):
    graph = Graph()
    for i in range(300):
        graph.add((URIRef(f"http://example.org/a{n}/s{i}"), URIRef("http://example.org/p"), Literal(i)))
    store.replace_graphs({article_graph(f"a{n}"): graph})
"""


def test_crash_mid_ingest_leaves_whole_articles_only(tmp_path: Path):
    path = tmp_path / "store"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    time.sleep(1.5)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    writer.stdout.close()
    with Store(path) as store:
        names = list(store.graph_names(ARTICLE_GRAPH_BASE))
        assert names, "the writer stored nothing before it was killed"
        sizes = {store.triples_count(name) for name in names}
    assert sizes == {300}
