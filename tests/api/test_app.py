"""The service in-process: /health, the read-only SPARQL endpoint, the home page and problem details."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import app_client, assert_problem

COUNT_MEETINGS = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting }"


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app over a copy of the seeded store (the app opens it for writing)."""
    with app_client(seeded_store_dir, tmp_path) as client:
        yield client


def meetings_count(response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_app_health(client: TestClient):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["has_articles"] is True and body["read_only"] is False


def test_app_sparql_get_and_both_posts_agree(client: TestClient):
    by_get = meetings_count(client.get("/sparql", params={"query": COUNT_MEETINGS}))
    by_form = meetings_count(client.post("/sparql", data={"query": COUNT_MEETINGS}))
    by_body = meetings_count(
        client.post("/sparql", content=COUNT_MEETINGS, headers={"content-type": "application/sparql-query"})
    )
    assert by_get == by_form == by_body >= 4


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, */*;q=0.1", "application/sparql-results+json"),
    ],
)
def test_app_sparql_negotiates_result_formats(client: TestClient, accept: str, media: str):
    response = client.get("/sparql", params={"query": COUNT_MEETINGS}, headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(media)


def test_app_sparql_construct_returns_turtle(client: TestClient):
    query = "CONSTRUCT { ?m a dipl:Meeting } WHERE { ?m a dipl:Meeting }"
    response = client.get("/sparql", params={"query": query})
    assert response.headers["content-type"].startswith("text/turtle")
    assert "Meeting" in response.text


def test_app_sparql_named_graphs_restrict_the_dataset(client: TestClient):
    graph = "https://w3id.org/dipkg/graph/article/004_4b31d466614f82fc"
    response = client.get("/sparql", params={"query": COUNT_MEETINGS, "default-graph-uri": graph})
    assert meetings_count(response) == 2


def test_app_sparql_errors_are_problems(client: TestClient):
    body = assert_problem(client.get("/sparql", params={"query": "SELECT WHERE {"}), 400)
    assert "error" in body["detail"].lower()
    assert_problem(client.get("/sparql", headers={"accept": "application/json"}), 400)  # no query
    assert_problem(client.post("/sparql", data={"update": "DROP ALL"}), 403)
    assert_problem(
        client.post("/sparql", content="DROP ALL", headers={"content-type": "application/sparql-update"}), 403
    )
    assert_problem(client.post("/sparql", content="x", headers={"content-type": "text/plain"}), 415)
    assert_problem(client.get("/no-such-page"), 404)
    assert meetings_count(client.get("/sparql", params={"query": COUNT_MEETINGS})) >= 4  # nothing was dropped


def test_app_home_page_shows_counts_and_meetings_escaped(client: TestClient):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "Xi Jinping" in response.text and "Vladimir Putin" in response.text
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", response.text), "an external asset"


def test_app_openapi_documents_the_routes(client: TestClient):
    spec = client.get("/openapi.json").json()
    assert {"/sparql", "/health", "/"} <= set(spec["paths"])
    operation_ids = [op["operationId"] for path in spec["paths"].values() for op in path.values()]
    assert len(operation_ids) == len(set(operation_ids))
    json.dumps(spec)
