"""Pages in-process: the SPARQL editor and its example queries, the home page, search, the assets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import EXTERNAL, app_client

from api.pages import ASSETS, examples

BROWSER = {"accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    with app_client(seeded_store_dir, tmp_path) as client:
        yield client


def test_pages_sparql_editor_for_a_browser_description_for_others(client: TestClient):
    page = client.get("/sparql", headers=BROWSER)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<textarea name="query"' in page.text and '<script src="/assets/sparql.js" defer>' in page.text
    assert "connect-src 'self'" in page.headers["content-security-policy"] and not EXTERNAL.search(page.text)
    assert len(re.findall(r"<button type=\"button\" data-query=", page.text)) == len(examples()) >= 5
    described = client.get("/sparql", headers={"accept": "text/turtle"})
    assert described.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize("example", examples(), ids=lambda e: e["name"])
def test_pages_every_example_query_runs(client: TestClient, example: dict[str, str]):
    response = client.post(
        "/sparql", data={"query": example["query"]}, headers={"accept": "application/sparql-results+json"}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert "boolean" in body or body["results"]["bindings"], f"{example['name']} found nothing in the seeds"


def test_pages_home_links_events_sparql_and_search(client: TestClient):
    page = client.get("/", headers=BROWSER).text
    for link in ('href="/events"', 'href="/sparql"', 'action="/entities"', 'href="/events/'):
        assert link in page
    found = client.get("/entities", params={"q": "xi"}, headers=BROWSER)
    assert found.status_code == 200 and 'href="/entities/person/xi-jinping"' in found.text


def test_pages_assets_ship_with_the_package_and_nothing_else_is_served(client: TestClient):
    for path in ASSETS.iterdir():
        response = client.get(f"/assets/{path.name}")
        assert response.status_code == 200 and response.content == path.read_bytes()
        assert not re.search(r"https?://(?!w3id\.org/dipkg/)", response.text), (
            f"{path.name} names a remote URL"
        )
    for name in ("../app.py", "..%2Fapp.py", "nope.js", "page.css.map"):
        assert client.get(f"/assets/{name}").status_code == 404
    script = (ASSETS / "sparql.js").read_text()
    assert "innerHTML" not in script and "textContent" in script
