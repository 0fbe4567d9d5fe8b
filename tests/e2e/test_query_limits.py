"""End to end: a live `kg serve` under hostile queries and writes.

A query that would run for minutes is stopped at the deadline (``KG_QUERY_TIMEOUT=2``) with a clear
problem while ``/health``, the home page and every kind of REST look-up keep answering (how fast:
``bench/rest_load.py`` measures look-ups during a runaway query); ``SERVICE`` makes
no request to the address it names; the row cap gives an error, never a truncated 200; writes need
the token and are seen by the next query.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serving import ingest_seeds, kg_server

pytestmark = pytest.mark.e2e

TOKEN = "limits-token"
TIMEOUT_S = 2
MAX_ROWS = 100
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT_MEETINGS = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting }"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("limits") / "store"
    ingest_seeds(store)
    return store


@pytest.fixture(scope="module")
def server(seeded: Path) -> Iterator[str]:
    with kg_server(
        seeded, query_timeout=str(TIMEOUT_S), query_max_rows=str(MAX_ROWS), write_token=TOKEN
    ) as url:
        yield url


def assert_problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    return response.json()  # type: ignore[no-any-return]


def count_meetings(server: str) -> int:
    response = httpx.get(server + "/sparql", params={"query": COUNT_MEETINGS}, timeout=10)
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


LOOKUPS = (
    "/health",
    "/",
    "/entities?q=putin",
    "/entities/person/xi-jinping",
    "/entities/person/xi-jinping/relations",
    "/events?participant=person/vladimir-putin",
    "/events/004_4b31d466614f82fc/meeting-1",
)


def test_limits_runaway_query_is_stopped_while_lookups_answer(server: str):
    """The runaway is stopped with a query-timeout problem; while it runs, every kind of look-up is
    answered, each before the runaway ends (no timing is asserted here: how fast they answer during
    a runaway is measured by bench/rest_load.py)."""
    outcome: dict[str, httpx.Response] = {}
    thread = threading.Thread(
        target=lambda: outcome.setdefault(
            "response", httpx.get(server + "/sparql", params={"query": RUNAWAY}, timeout=60)
        )
    )
    thread.start()
    answered_during = []
    with httpx.Client(base_url=server, timeout=30) as client:
        while thread.is_alive():
            for path in LOOKUPS:
                response = client.get(path, headers={"accept": "application/json"})
                assert response.status_code == 200, (path, response.text)
                if thread.is_alive():  # answered while the runaway still ran
                    answered_during.append(path)
    thread.join()
    body = assert_problem(outcome["response"], 503)
    assert body["type"].endswith("/query-timeout") and f"{TIMEOUT_S} s" in body["detail"]
    assert set(answered_during) == set(LOOKUPS), answered_during
    assert count_meetings(server) >= 4  # a fresh worker took the killed one's place


def test_limits_two_runaways_occupy_the_pool_but_not_the_server(server: str):
    threads = [
        threading.Thread(
            target=httpx.get, args=(server + "/sparql",), kwargs={"params": {"query": RUNAWAY}, "timeout": 60}
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    for path in LOOKUPS:
        assert httpx.get(server + path, timeout=30).status_code == 200
    assert any(thread.is_alive() for thread in threads)  # the look-ups did not wait for the runaways
    for thread in threads:
        thread.join()
    assert count_meetings(server) >= 4


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "PREFIX ex: <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICEex:sparql {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ SERVICE SILENT ?e {{ ?s ?p ?o }} VALUES ?e {{ <http://127.0.0.1:{port}/> }} }}",
    ],
)
def test_limits_service_makes_no_outbound_request(server: str, template: str):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.settimeout(1.0)
        query = template.format(port=listener.getsockname()[1])
        response = httpx.post(server + "/sparql", data={"query": query}, timeout=10)
        body = assert_problem(response, 403)
        assert "SERVICE" in body["detail"]
        with pytest.raises(TimeoutError):
            listener.accept()


def test_limits_load_makes_no_outbound_request(server: str):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.settimeout(1.0)
        update = f"LOAD <http://127.0.0.1:{listener.getsockname()[1]}/data.ttl>"
        headers = {"authorization": f"Bearer {TOKEN}", "content-type": "application/sparql-update"}
        assert_problem(httpx.post(server + "/sparql", content=update, headers=headers, timeout=10), 403)
        with pytest.raises(TimeoutError):
            listener.accept()


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv", "text/turtle"])
def test_limits_row_cap_is_an_error_not_a_truncated_result(server: str, accept: str):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    if accept == "text/turtle":
        query = "CONSTRUCT WHERE { ?s ?p ?o }"
    response = httpx.get(server + "/sparql", params={"query": query}, headers={"accept": accept}, timeout=10)
    body = assert_problem(response, 422)
    assert body["type"].endswith("/too-many-rows") and f"{MAX_ROWS}" in body["detail"]
    capped = httpx.get(
        server + "/sparql",
        params={"query": query + f" LIMIT {MAX_ROWS}"},
        headers={"accept": accept},
        timeout=10,
    )
    assert capped.status_code == 200


def test_limits_writes_need_the_token_and_are_seen_next(server: str):
    update = "INSERT DATA { GRAPH <http://example.org/limits> { <http://example.org/s> <http://p> 42 } }"
    check = "ASK { GRAPH <http://example.org/limits> { ?s ?p 42 } }"
    headers = {"content-type": "application/sparql-update"}
    missing = httpx.post(server + "/sparql", content=update, headers=headers, timeout=10)
    assert_problem(missing, 401)
    assert missing.headers["www-authenticate"].startswith("Bearer")
    wrong = httpx.post(
        server + "/sparql", content=update, headers={**headers, "authorization": "Bearer x"}, timeout=10
    )
    assert_problem(wrong, 401)
    assert not httpx.get(server + "/sparql", params={"query": check}, timeout=10).json()["boolean"]
    right = httpx.post(
        server + "/sparql",
        content=update,
        headers={**headers, "authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )
    assert right.status_code == 204, right.text
    assert httpx.get(server + "/sparql", params={"query": check}, timeout=10).json()["boolean"]


def test_limits_writes_are_refused_without_a_write_token(seeded: Path, tmp_path: Path):
    store = tmp_path / "store"
    shutil.copytree(seeded, store, ignore=shutil.ignore_patterns("LOCK"))
    with kg_server(store) as url:
        update = {"update": "CLEAR ALL"}
        body = assert_problem(
            httpx.post(url + "/sparql", data=update, headers={"authorization": f"Bearer {TOKEN}"}), 403
        )
        assert "KG_WRITE_TOKEN" in body["detail"]
        assert_problem(
            httpx.put(url + "/store?default", content=b"", headers={"content-type": "text/turtle"}), 403
        )
        assert count_meetings(url) >= 4
