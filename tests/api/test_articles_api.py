"""Articles over HTTP: one article as JSON or a page, ingest by POST and retraction by DELETE, /stats."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import app_client, assert_problem

TOKEN = "s3cret-token"
AUTH = {"authorization": f"Bearer {TOKEN}"}
HTML = {"accept": "text/html"}
SEED = "004_4b31d466614f82fc"
XSS = "<img src=x onerror=alert(1)>"
PROBE = {
    "id": "xss-probe",
    "title": f"<script>alert('title')</script> {XSS}",
    "source": XSS,
    "published": "2023-06-22",
    "text": "Washington, 22 June 2023: President Joe Biden met Prime Minister Narendra Modi of India "
    f"at the White House on Thursday. {XSS} The two leaders discussed trade and defence.",
}


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    with app_client(seeded_store_dir, tmp_path, write_token=TOKEN) as client:
        yield client


def test_articles_api_one_article_with_mentions_and_events(client: TestClient):
    article = client.get(f"/articles/{SEED}").json()
    assert article["published"] == "2021-12-15" and article["source"] == "TDI"
    assert {"person/xi-jinping", "person/vladimir-putin"} <= {e["id"] for e in article["entities"]}
    for mention in article["mentions"]:
        assert 0 <= mention["start"] < mention["end"] <= len(article["text"])
    xi = [m for m in article["mentions"] if m["entity"] == "person/xi-jinping"]
    assert any("Xi Jinping" in article["text"][m["start"] : m["end"]] for m in xi)
    assert f"event/{SEED}/meeting-1" in {e["id"] for e in article["events"]}
    assert_problem(client.get("/articles/no-such-article"), 404)
    assert_problem(client.get("/articles/bad%20id"), 404)


def test_articles_page_links_mentions_and_events(client: TestClient):
    page = client.get(f"/articles/{SEED}", headers=HTML)
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert '<a href="/entities/person/xi-jinping">' in page.text
    assert f'href="/events/{SEED}/meeting-1"' in page.text


def test_articles_post_needs_the_token(client: TestClient, seeded_store_dir: Path, tmp_path: Path):
    assert_problem(client.post("/articles", json=PROBE), 401)
    assert_problem(client.post("/articles", json=PROBE, headers={"authorization": "Bearer wrong"}), 401)
    with app_client(seeded_store_dir, tmp_path / "read-only") as read_only:
        assert (
            "KG_WRITE_TOKEN"
            in assert_problem(read_only.post("/articles", json=PROBE, headers=AUTH), 403)["detail"]
        )
        assert_problem(read_only.delete(f"/articles/{SEED}", headers=AUTH), 403)
    assert client.get(f"/articles/{PROBE['id']}").status_code == 404


def test_articles_post_stores_and_delete_retracts(client: TestClient):
    before = client.get("/stats").json()
    response = client.post("/articles", json=PROBE, headers=AUTH)
    assert response.status_code == 201, response.text
    [stored] = response.json()["articles"]
    assert stored["id"] == "xss-probe" and stored["triples"] > 0 and stored["events"] >= 1
    assert response.headers["location"] == "/articles/xss-probe"
    after = client.get("/stats").json()
    assert after["articles"] == before["articles"] + 1 and after["generation"] > before["generation"]
    article = client.get("/articles/xss-probe").json()
    assert article["title"] == PROBE["title"] and article["text"].endswith(PROBE["text"])
    assert {"person/joe-biden", "person/narendra-modi"} <= {e["id"] for e in article["entities"]}
    met = client.get("/events", params={"participant": "person/narendra-modi"}).json()
    assert any(e["articles"] == ["xss-probe"] for e in met["items"])

    assert client.delete("/articles/xss-probe", headers=AUTH).status_code == 204
    assert_problem(client.get("/articles/xss-probe"), 404)
    assert client.get("/stats").json()["articles"] == before["articles"]
    assert_problem(client.delete("/articles/xss-probe", headers=AUTH), 404)


def test_articles_post_many_replaces_by_id(client: TestClient):
    records = [{**PROBE, "id": "one"}, {"id": 2, "text": "Xi Jinping phoned Emmanuel Macron on Monday."}]
    response = client.post("/articles", json=records, headers=AUTH)
    assert response.status_code == 201 and [a["id"] for a in response.json()["articles"]] == ["one", "2"]
    again = client.post("/articles", json={"id": "2", "text": "Nothing happened."}, headers=AUTH)
    assert again.status_code == 201 and client.get("/articles/2").json()["text"].endswith("Nothing happened.")


@pytest.mark.parametrize(
    ("body", "headers", "status", "named"),
    [
        (b"{not json", {}, 400, "not JSON"),
        (b"\xff\xfe", {}, 400, "UTF-8"),
        (b'{"text": "x"}', {"content-type": "text/plain"}, 415, "application/json"),
        (b"[]", {}, 422, "1 to 1000"),
        (b'[{"id": "fine", "text": "ok"}, {"id": "a b", "text": "x"}]', {}, 422, "record 1"),
        (b'[{"id": "x", "text": "a"}, {"id": "x", "text": "b"}]', {}, 422, "also record 0"),
        (b'{"id": "x", "text": 5}', {}, 422, "'text' must be a string"),
        (b'{"id": "x", "title": "no text"}', {}, 422, "missing 'text'"),
        (b'"just a string"', {}, 422, "JSON object"),
        (b'{"text": "x", "published": "soon"}', {}, 422, "not an ISO date"),
    ],
)
def test_articles_post_bad_input_is_named_and_stores_nothing(
    client: TestClient, body, headers, status, named
):
    before = client.get("/stats").json()
    response = client.post(
        "/articles", content=body, headers={**AUTH, "content-type": "application/json", **headers}
    )
    problem = assert_problem(response, status)
    assert named in problem["detail"] or any(named in str(e) for e in problem.get("errors", []))
    assert client.get("/stats").json() == before  # nothing stored, nothing damaged
    assert client.get("/articles/fine").status_code == 404


def test_articles_page_shows_the_probe_as_text(client: TestClient):
    assert client.post("/articles", json=PROBE, headers=AUTH).status_code == 201
    page = client.get("/articles/xss-probe", headers=HTML).text
    assert XSS not in page and "<script>alert" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(&#39;title&#39;)" in page
    event = client.get("/events", params={"participant": "person/narendra-modi"}).json()["items"][0]
    event_page = client.get(f"/events/{event['id'].removeprefix('event/')}", headers=HTML).text
    assert XSS not in event_page


def test_stats_counts_by_type_and_kind(client: TestClient):
    stats = client.get("/stats").json()
    assert stats["articles"] == 2 and stats["triples"] > 1000 and stats["graphs"] >= 4
    assert (
        set(stats["entities"]) == {"Person", "Country", "Organisation"} and stats["entities"]["Person"] >= 2
    )
    assert stats["events"]["meeting"] >= 4
    assert client.get("/stats").json() == stats  # from the cache: the same until a write
