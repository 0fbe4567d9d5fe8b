"""End to end: `kg ingest` then `kg serve` as separate processes, queried over real HTTP."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from serving import KG, ingest_seeds, kg_server

from kg.settings import PROJECT_ROOT

pytestmark = pytest.mark.e2e


@dataclass(frozen=True)
class Server:
    url: str
    store: Path


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A live `kg serve` over a store holding the seeds (see serving.py)."""
    store = tmp_path_factory.mktemp("live") / "store"
    ingest_seeds(store)
    with kg_server(store) as url:
        yield Server(url, store)


@pytest.fixture
def server(live: Server) -> str:
    return live.url


def test_live_sparql_lists_the_xi_putin_meetings(server: str):
    query = """SELECT ?start ?medium WHERE {
      ?m a dipl:Meeting ; dipl:dateStart ?start ; dipl:medium/skos:notation ?medium ;
         dipl:participant <https://w3id.org/dipkg/id/person/xi-jinping> .
    } ORDER BY ?start"""
    response = httpx.post(server + "/sparql", data={"query": query}, timeout=10)
    assert response.status_code == 200
    rows = [(b["start"]["value"], b["medium"]["value"]) for b in response.json()["results"]["bindings"]]
    assert ("2021-12-15", "video") in rows
    assert any(start.startswith("2022-12") and medium == "video" for start, medium in rows)


def test_live_home_page_and_health(server: str):
    assert httpx.get(server + "/health", timeout=10).json()["status"] == "ok"
    page = httpx.get(server + "/", timeout=10)
    assert page.status_code == 200 and "Xi Jinping" in page.text


def test_live_readers_work_beside_the_server_and_writers_are_told_it_is_in_use(live: Server):
    env = {**os.environ, "KG_STORE": str(live.store)}
    stats = subprocess.run([*KG, "stats"], env=env, capture_output=True, text=True, timeout=60)
    assert stats.returncode == 0, stats.stderr
    assert "article_graphs" in stats.stdout
    ingest = subprocess.run(
        [*KG, "ingest", str(PROJECT_ROOT / "seeds")], env=env, capture_output=True, text=True, timeout=60
    )
    assert ingest.returncode == 2
    assert "in another process" in ingest.stderr
