"""Events over HTTP: the filtered list, one event with its sources, the pages, and bad filters."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support import EXTERNAL, app_client, assert_problem

XI_PUTIN_2021 = "004_4b31d466614f82fc/meeting-1"
HTML = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def client(seeded_store_dir: Path, tmp_path: Path) -> Iterator[TestClient]:
    with app_client(seeded_store_dir, tmp_path) as client:
        yield client


def test_events_api_filters_and_pages(client: TestClient):
    body = client.get("/events", params={"participant": "person/vladimir-putin", "medium": "video"}).json()
    assert body["total"] == 2 and {e["medium"] for e in body["items"]} == {"video"}
    first = client.get("/events", params={"limit": 2}).json()
    second = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] >= 4 and len(first["items"]) == 2
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    dated = client.get("/events", params={"country": "country/RUS", "until": "2021-12-31"}).json()
    assert f"event/{XI_PUTIN_2021}" in {e["id"] for e in dated["items"]}
    assert all(e["dateStart"] <= "2021-12-31" for e in dated["items"])
    meetings = client.get("/events", params={"country": "country/RUS", "kind": "meeting"}).json()
    assert meetings["total"] >= 2 and {e["kind"] for e in meetings["items"]} == {"meeting"}
    assert client.get("/events", params={"participant": "person/nobody"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"medium": "telepathy"}, "in_person, phone, video"),
        ({"kind": "picnic"}, "meeting"),
        ({"topic": "nothing-at-all"}, "trade"),
        ({"since": "last week"}, "since"),
        ({"limit": "0"}, "limit"),
    ],
)
def test_events_api_bad_filters_are_problems_naming_the_valid_values(client: TestClient, params, named):
    assert named in assert_problem(client.get("/events", params=params), 422)["detail"]


def test_events_api_one_event_with_sources_and_offsets(client: TestClient):
    event = client.get(f"/events/{XI_PUTIN_2021}").json()
    assert client.get(f"/events/event/{XI_PUTIN_2021}").json() == event  # the id with its prefix works too
    assert (event["kind"], event["medium"], event["dateStart"]) == ("meeting", "video", "2021-12-15")
    assert [p["id"] for p in event["participant"]] == ["person/vladimir-putin", "person/xi-jinping"]
    medium = next(s for s in event["sources"] if s["aspect"] == "medium")
    article = client.get(f"/articles/{medium['article']}").json()
    assert article["text"][medium["start"] : medium["end"]] == medium["text"]
    assert medium["text"].startswith("virtual")
    sentence = medium["sentence_text"]
    assert sentence["text"][sentence["start"] : sentence["end"]] == medium["text"]
    assert all(s["kind"] == "statement" for s in event["statements"])
    assert {s["id"] for s in event["statements"]} <= {r["id"] for r in event["related"]}


def test_events_api_unknown_event_is_a_problem(client: TestClient):
    assert "event/ARTICLE/meeting-1" in assert_problem(client.get("/events/nope/meeting-9"), 404)["detail"]
    assert_problem(client.get('/events/a"b<c>'), 404)


def test_events_page_marks_the_evidence_and_links_participants(client: TestClient):
    page = client.get(f"/events/{XI_PUTIN_2021}", headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert re.search(r'<mark title="medium">virtual[^<]*</mark>', page.text)
    assert '<a href="/entities/person/xi-jinping">Xi Jinping</a>' in page.text
    assert '<a href="/articles/004_4b31d466614f82fc">' in page.text
    assert '<link rel="icon" href="data:,">' in page.text and not EXTERNAL.search(page.text)


def test_events_list_page_links_each_event(client: TestClient):
    page = client.get("/events", params={"participant": "person/xi-jinping", "limit": 1}, headers=HTML)
    newest = client.get("/events", params={"participant": "person/xi-jinping", "limit": 1}).json()["items"][0]
    assert page.status_code == 200 and f'href="/events/{newest["id"].removeprefix("event/")}"' in page.text
    assert 'rel="next"' in page.text and "participant=person%2Fxi-jinping" in page.text


def test_events_api_documents_its_models(client: TestClient):
    spec = client.get("/openapi.json").json()
    single = spec["paths"]["/events/{event_id}"]["get"]["responses"]["200"]["content"]
    assert (
        single["application/json"]["schema"]["$ref"].endswith("/EventDetailPublic") and "text/html" in single
    )
    listing = spec["paths"]["/events"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"participant", "medium", "since", "limit", "offset"}
    assert "sources" in spec["components"]["schemas"]["EventDetailPublic"]["properties"]
