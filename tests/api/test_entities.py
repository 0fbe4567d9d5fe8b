"""Entity look-ups over HTTP: search, one entity as JSON or as an escaped page, relationships."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import assert_problem

from api.app import create_app
from kg.settings import Settings
from kg.store import Store

PROBE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    store = tmp_path / "store"
    shutil.copytree(seeded_store_dir, store)
    with Store(store) as writable:  # an entity named like an XSS probe, as article text could name one
        writable.update(
            "INSERT DATA { GRAPH <https://w3id.org/dipkg/graph/article/probe> { "
            "<https://w3id.org/dipkg/id/person/probe> a <https://w3id.org/dipkg/ontology#Person> ; "
            f'<http://www.w3.org/2000/01/rdf-schema#label> "{PROBE}" . '
            # an extractor made this id from a name; its page must not read as the relations of 'person'
            "<https://w3id.org/dipkg/id/person/relations> a <https://w3id.org/dipkg/ontology#Person> ; "
            '<http://www.w3.org/2000/01/rdf-schema#label> "Relations" } }'
        )
    with TestClient(create_app(Settings(store=str(store), query_workers=0))) as client:
        yield client


def test_entities_search_ranks_and_pages(client: TestClient):
    body = client.get("/entities", params={"q": "putin"}).json()
    assert body["total"] == 1 and body["items"][0]["id"] == "person/vladimir-putin"
    assert client.get("/entities", params={"q": ""}).status_code == 422


def test_entities_one_entity_as_json(client: TestClient):
    body = client.get("/entities/person/vladimir-putin").json()
    assert body["label"] == "Vladimir Putin" and body["wikidata"] == "Q7747"
    assert any(o["of"] == "country/RUS" for o in body["offices"])


def test_entities_page_for_a_browser_escapes_names(client: TestClient):
    page = client.get("/entities/person/probe", headers={"accept": "text/html"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert PROBE not in page.text and "&lt;img src=x onerror=alert(1)&gt;" in page.text
    putin = client.get("/entities/person/vladimir-putin", headers={"accept": "text/html,*/*"}).text
    assert "Xi Jinping" in putin and "/entities/person/xi-jinping" in putin
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", putin)


def test_entities_relations_and_unknown_ids(client: TestClient):
    body = client.get("/entities/person/vladimir-putin/relations", params={"kind": "met_with"}).json()
    assert body["relations"]["met_with"][0]["other"] == "person/xi-jinping"
    missing = client.get("/entities/person/nobody")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(
        "application/problem+json"
    )


def test_entities_an_id_named_relations_is_an_entity_not_its_relationships(client: TestClient):
    """An id is KIND/NAME and its URL has those two segments: `/entities/person/relations` is the
    entity `person/relations`, and its relationships are one segment further."""
    body = client.get("/entities/person/relations").json()
    assert body["id"] == "person/relations" and body["label"] == "Relations"
    relations = client.get("/entities/person/relations/relations").json()
    assert relations == {"id": "person/relations", "relations": {}}
    assert client.get("/entities/person/vladimir-putin/relations").json()["id"] == "person/vladimir-putin"
    detail = assert_problem(client.get("/entities/person"), 404)["detail"]
    assert "KIND/NAME" in detail
    assert_problem(client.get("/entities/person/vladimir-putin/relations/extra"), 404)
    assert_problem(client.get("/entities/person/nobody/relations"), 404)  # relationships of no entity
