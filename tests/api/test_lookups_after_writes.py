"""Look-ups answer from indexes and caches built per store generation: every way the service writes the
store (POST /articles, DELETE /articles/{id}, SPARQL Update, the Graph Store Protocol) must show in
the next look-up of an entity's relationships and events, and /health tells when the indexes are
built again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import app_client

TOKEN = "index-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
PUTIN = "person/vladimir-putin"
MODI = "person/narendra-modi"
ID = "https://w3id.org/dipkg/id/"
DIPL = "https://w3id.org/dipkg/ontology#"
MEETING = f"""
<{ID}event/gsp/meeting-1> a <{DIPL}Meeting> ;
  <{DIPL}participant> <{ID}{PUTIN}>, <{ID}person/emmanuel-macron> ;
  <{DIPL}dateStart> "2024-02-02"^^<http://www.w3.org/2001/XMLSchema#date> ;
  <{DIPL}dateEnd> "2024-02-02"^^<http://www.w3.org/2001/XMLSchema#date> ;
  <{DIPL}extractedFrom> <{ID}article/gsp> .
<{ID}article/gsp> <{DIPL}articleId> "gsp" .
"""


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    with app_client(seeded_store_dir, tmp_path, write_token=TOKEN) as client:
        yield client


def met(client: TestClient, key: str = PUTIN) -> set[str]:
    response = client.get(f"/entities/{key}/relations")
    assert response.status_code == 200, response.text
    return {r["other"] for r in response.json()["relations"].get("met_with", [])}


def events_of(client: TestClient, key: str) -> set[str]:
    return {e["id"] for e in client.get("/events", params={"participant": key}).json()["items"]}


def wait_indexed(client: TestClient) -> None:
    deadline = time.monotonic() + 30
    while not client.get("/health").json()["indexed"]:
        assert time.monotonic() < deadline, "the indexes were not rebuilt within 30 s"
        time.sleep(0.05)


def test_lookups_see_an_article_posted_then_deleted(client: TestClient):
    assert MODI not in met(client) and "event/modi-visit/meeting-1" not in events_of(client, PUTIN)
    article = {
        "id": "modi-visit",
        "published": "2024-07-09",
        "text": "Moscow, 9 July 2024: President Vladimir Putin met Prime Minister Narendra Modi of India "
        "in the Kremlin on Tuesday. They discussed trade.",
    }
    assert client.post("/articles", json=article, headers=AUTH).status_code == 201
    assert MODI in met(client)
    assert any(e.startswith("event/modi-visit/") for e in events_of(client, PUTIN))
    assert client.delete("/articles/modi-visit", headers=AUTH).status_code == 204
    assert MODI not in met(client)
    assert not any(e.startswith("event/modi-visit/") for e in events_of(client, PUTIN))


def test_lookups_see_a_sparql_update(client: TestClient):
    assert "person/emmanuel-macron" not in met(client)
    update = f"INSERT DATA {{ GRAPH <https://example.org/update> {{ {MEETING} }} }}"
    response = client.post("/sparql", data={"update": update}, headers=AUTH)
    assert response.status_code == 204, response.text
    assert "person/emmanuel-macron" in met(client)
    assert "event/gsp/meeting-1" in events_of(client, PUTIN)
    drop = client.post("/sparql", data={"update": "DROP GRAPH <https://example.org/update>"}, headers=AUTH)
    assert drop.status_code == 204
    assert "person/emmanuel-macron" not in met(client)


def test_lookups_see_the_graph_store_protocol(client: TestClient):
    graph = {"graph": "https://example.org/gsp"}
    put = client.put("/store", params=graph, content=MEETING, headers={**AUTH, "content-type": "text/turtle"})
    assert put.status_code in {201, 204}, put.text
    assert "person/emmanuel-macron" in met(client)
    assert client.delete("/store", params=graph, headers=AUTH).status_code == 204
    assert "person/emmanuel-macron" not in met(client)


def test_health_tells_when_the_indexes_are_built_again(client: TestClient):
    wait_indexed(client)
    generation = client.get("/health").json()["generation"]
    update = f"INSERT DATA {{ GRAPH <https://example.org/update> {{ {MEETING} }} }}"
    assert client.post("/sparql", data={"update": update}, headers=AUTH).status_code == 204
    assert client.get("/health").json()["generation"] == generation + 1
    wait_indexed(client)  # rebuilt in the background, with no look-up asking
    assert "person/emmanuel-macron" in met(client)
