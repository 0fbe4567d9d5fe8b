"""The SPARQL Protocol in-process: datasets, negotiation, the service description, limits, writes, the
Graph Store Protocol, and the lexical check that keeps SERVICE and LOAD from reaching out."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from support import app_client, assert_problem

from api import media
from api.app import create_app
from api.query_pool import QueryPool
from api.sparql_worker import QueryJob
from kg.settings import Settings
from kg.sparql_text import add_using, has_dataset_clause, has_update_dataset, outbound_keywords
from kg.store import Store

TOKEN = "s3cret"
WRITER = {"authorization": f"Bearer {TOKEN}"}
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
COUNT_MEETINGS = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a dipl:Meeting }"
ARTICLE = "https://w3id.org/dipkg/graph/article/004_4b31d466614f82fc"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MAX_ROWS = 50


@pytest.fixture(scope="module")
def client(seeded_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """One app for the module over a copy of the seeded store: writes on, a short deadline, a small cap."""
    directory = tmp_path_factory.mktemp("protocol")
    settings = {"write_token": TOKEN, "query_timeout": 2, "query_max_rows": MAX_ROWS, "query_workers": 2}
    with app_client(seeded_store_dir, directory, **settings) as client:
        yield client


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["results"]["bindings"]


def ask(client: TestClient, query: str, **params: str) -> bool:
    response = client.get("/sparql", params={"query": query, **params})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


# -- the lexical check -----------------------------------------------------------------------------

REFUSED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:9/> { ?s ?p ?o } }",
    "SELECT * WHERE {SERVICE<http://127.0.0.1:9/>{?s ?p ?o}}",
    "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://127.0.0.1:9/> } }",
    "PREFIX : <http://127.0.0.1:9/> SELECT * WHERE { SERVICE:x { ?s ?p ?o } }",
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICEex:x { ?s ?p ?o } }",
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { SERVICESILENT ex:x { ?s ?p ?o } }",
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { ?s ?p 1SERVICE ex:x { ?s ?p ?o } }",
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { ?s ?p ?o .SERVICE ex:x { ?s ?p ?o } }",
    'SELECT * WHERE { ?s ?p "x"SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }',
    "SELECT * WHERE { ?s ex:p\\# SERVICE <http://127.0.0.1:9/> { } }",
    "SELECT * WHERE { FILTER(?a<?b) SERVICE <http://127.0.0.1:9/> { } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "PREFIX ex: <http://127.0.0.1:9/> CLEAR ALL ; LOADex:data",
    "load silent <http://127.0.0.1:9/data.ttl> into graph <http://g>",
]
ALLOWED = [
    'SELECT * WHERE { ?s ?p "SERVICE <http://127.0.0.1:9/> { }" }',
    "SELECT * WHERE { ?s ?p '''\nLOAD <http://127.0.0.1:9/>''' }",
    "SELECT * WHERE { ?s ?p <http://127.0.0.1:9/SERVICE> } # SERVICE <http://127.0.0.1:9/> { }",
    "SELECT ?service ?load WHERE { ?service ?p ?load }",
    "PREFIX ex: <http://127.0.0.1:9/> SELECT * WHERE { ?s ex:serviceType ex:o.SERVICE }",
]


@pytest.mark.parametrize("text", REFUSED)
def test_sparql_text_finds_every_spelling_that_reaches_out(text: str):
    assert outbound_keywords(text)


@pytest.mark.parametrize("text", ALLOWED)
def test_sparql_text_lets_the_word_appear_where_it_is_no_keyword(text: str):
    assert not outbound_keywords(text)


def test_sparql_text_allowed_spellings_make_no_request_from_oxigraph():
    """What the check lets through must not reach out when Oxigraph runs it (a listening socket)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.settimeout(0.3)
        port = server.getsockname()[1]
        store = ox.Store()
        for text in ALLOWED:
            try:
                list(store.query(text.replace(":9/", f":{port}/")))
            except SyntaxError:
                pass
        with pytest.raises(TimeoutError):
            server.accept()


def test_sparql_text_dataset_clauses():
    assert has_dataset_clause("SELECT * FROM <http://g> WHERE { ?s ?p ?o }")
    assert has_dataset_clause("SELECT*FROM:g WHERE { ?s ?p ?o }")
    assert not has_dataset_clause("SELECT ?from WHERE { ?s <http://p/from> 'FROM' }")
    assert has_update_dataset("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert not has_update_dataset("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    update = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ; DELETE WHERE { ?a ?b ?c }"
    assert add_using(update, ["http://a"], ["http://b"]) == (
        "DELETE { ?s ?p ?o } USING <http://a> USING NAMED <http://b> WHERE { ?s ?p ?o } ; "
        "DELETE WHERE { ?a ?b ?c }"
    )


def test_media_negotiation():
    assert media.negotiate("application/json", media.RESULTS) == "application/sparql-results+json"
    assert media.negotiate("text/*;q=0.5, application/xml;q=0.4", media.RESULTS) == "text/csv"
    assert media.negotiate("application/turtle,text/turtle", media.GRAPHS) == "text/turtle"
    assert media.negotiate("text/csv;q=0, */*;q=0.1", media.RESULTS) == "application/sparql-results+json"
    assert media.negotiate("image/png", media.GRAPHS) is None


# -- queries ---------------------------------------------------------------------------------------


def test_protocol_service_description_names_the_endpoint(client: TestClient):
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert (None, SD.endpoint, URIRef("http://testserver/sparql")) in graph
    assert (None, SD.supportedLanguage, SD.SPARQL11Update) in graph  # writes are on in this app
    as_xml = client.get("/sparql", headers={"accept": "application/rdf+xml"})
    assert isomorphic(Graph().parse(data=as_xml.text, format="xml"), graph)
    assert_problem(client.get("/sparql", headers={"accept": "application/json"}), 400)


def test_protocol_from_is_kept_and_the_protocol_dataset_replaces_it(client: TestClient):
    with_from = f"ASK FROM <{ARTICLE}> {{ ?m a dipl:Meeting }}"
    assert ask(client, with_from)
    assert not ask(client, "ASK FROM <http://example.org/none> { ?m a dipl:Meeting }")  # no union over FROM
    assert not ask(client, with_from, **{"named-graph-uri": ARTICLE})  # the protocol's dataset wins
    assert ask(client, "ASK { GRAPH ?g { ?m a dipl:Meeting } }", **{"named-graph-uri": ARTICLE})


def test_protocol_results_in_every_format_agree(client: TestClient):
    query = "SELECT ?m ?start WHERE { ?m a dipl:Meeting ; dipl:dateStart ?start } ORDER BY ?m"
    found = {}
    for accept, fmt in [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ]:
        response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
        assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
        parsed = ox.parse_query_results(response.content, format=fmt)
        found[accept] = [(r["m"].value, r["start"].value) for r in parsed]
    csv = client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    found["text/csv"] = [tuple(line.split(",")) for line in csv.text.splitlines()[1:]]
    assert len({tuple(v) for v in found.values()}) == 1 and len(found["text/csv"]) >= 4


def test_protocol_graph_results_negotiate(client: TestClient):
    query = "CONSTRUCT { ?m a dipl:Meeting } WHERE { ?m a dipl:Meeting }"
    graphs = []
    for accept, fmt in [
        ("application/ld+json", ox.RdfFormat.JSON_LD),
        ("application/n-triples", ox.RdfFormat.N_TRIPLES),
        ("text/turtle", ox.RdfFormat.TURTLE),
        ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ]:
        response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
        assert response.headers["content-type"].startswith(accept)
        graphs.append({str(t) for t in ox.parse(response.content, format=fmt)})
    assert len(graphs[0]) >= 4 and all(g == graphs[0] for g in graphs)
    assert_problem(client.get("/sparql", params={"query": query}, headers={"accept": "text/csv"}), 406)
    assert_problem(
        client.get("/sparql", params={"query": COUNT_MEETINGS}, headers={"accept": "image/png"}), 406
    )


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "GET", "url": "/sparql?query=ASK%7B%7D&query=ASK%7B%7D"}, 400),
        ({"method": "GET", "url": "/sparql?update=CLEAR%20ALL"}, 400),
        ({"method": "GET", "url": "/sparql?query=ASK%7B"}, 400),
        ({"method": "PUT", "url": "/sparql?query=ASK%7B%7D"}, 405),
        ({"method": "POST", "url": "/sparql", "content": b"ASK {}"}, 415),
        (
            {
                "method": "POST",
                "url": "/sparql",
                "content": b"ASK {}",
                "headers": {"content-type": "text/plain"},
            },
            415,
        ),
        (
            {
                "method": "POST",
                "url": "/sparql",
                "content": "ASK {}".encode("utf-16"),
                "headers": {"content-type": "application/sparql-query; charset=UTF-16"},
            },
            415,
        ),
        (
            {
                "method": "POST",
                "url": "/sparql",
                "content": b"ASK { ?s ?p '\xff' }",
                "headers": {"content-type": "application/sparql-query"},
            },
            400,
        ),
        ({"method": "POST", "url": "/sparql", "data": {"query": "ASK {}", "update": "CLEAR ALL"}}, 400),
        ({"method": "POST", "url": "/sparql", "data": {"other": "x"}}, 400),
        ({"method": "GET", "url": "/sparql?query=ASK%7B%7D&default-graph-uri=not%20an%20iri"}, 400),
    ],
)
def test_protocol_bad_requests_are_problems(client: TestClient, request_kwargs: dict, status: int):
    assert_problem(client.request(**request_kwargs), status)


def test_protocol_syntax_error_carries_the_parser_message(client: TestClient):
    body = assert_problem(client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"}), 400)
    assert "error at 1:" in body["detail"] and body["type"].endswith("/query-syntax")


def test_protocol_service_and_load_are_refused(client: TestClient):
    body = assert_problem(client.get("/sparql", params={"query": REFUSED[4]}), 403)
    assert "SERVICE" in body["detail"]
    load = client.post("/sparql", data={"update": REFUSED[12]}, headers=WRITER)
    assert "LOAD" in assert_problem(load, 403)["detail"]


@pytest.mark.parametrize("accept", list(media.RESULTS))
def test_protocol_row_cap_gives_an_error_in_every_format(client: TestClient, accept: str):
    query = f"SELECT ?s WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS + 1}"
    body = assert_problem(client.get("/sparql", params={"query": query}, headers={"accept": accept}), 422)
    assert body["type"].endswith("/too-many-rows") and f"{MAX_ROWS}" in body["detail"]
    exactly = client.get("/sparql", params={"query": query.replace(f"{MAX_ROWS + 1}", f"{MAX_ROWS}")})
    assert len(rows(exactly)) == MAX_ROWS


def test_protocol_row_cap_counts_empty_solutions_and_triples(client: TestClient):
    unbound = f"SELECT ?nothing WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS + 1}"
    assert_problem(client.get("/sparql", params={"query": unbound}), 422)
    construct = f"CONSTRUCT WHERE {{ ?s ?p ?o }} LIMIT {MAX_ROWS + 1}"
    assert_problem(client.get("/sparql", params={"query": construct}), 422)


def test_protocol_runaway_query_is_stopped_and_the_pool_recovers(client: TestClient):
    body = assert_problem(client.get("/sparql", params={"query": RUNAWAY}), 503)
    assert body["type"].endswith("/query-timeout") and "2 s" in body["detail"]
    assert int(rows(client.get("/sparql", params={"query": COUNT_MEETINGS}))[0]["n"]["value"]) >= 4


# -- writes ----------------------------------------------------------------------------------------


def test_writes_need_the_token(client: TestClient):
    update = (
        "INSERT DATA { GRAPH <http://example.org/w> { <http://example.org/a> <http://example.org/p> 1 } }"
    )
    headers = {"content-type": "application/sparql-update"}
    missing = client.post("/sparql", content=update, headers=headers)
    assert assert_problem(missing, 401) and missing.headers["www-authenticate"].startswith("Bearer")
    wrong = client.post("/sparql", content=update, headers={**headers, "authorization": "Bearer nope"})
    assert_problem(wrong, 401)
    assert 'error="invalid_token"' in wrong.headers["www-authenticate"]
    assert_problem(client.get("/store", params={"graph": "http://example.org/w"}), 401)
    before = ask(client, "ASK { GRAPH <http://example.org/w> { ?s ?p 1 } }")
    assert client.post("/sparql", content=update, headers={**headers, **WRITER}).status_code == 204
    assert not before and ask(client, "ASK { GRAPH <http://example.org/w> { ?s ?p 1 } }")


def test_writes_are_refused_when_the_service_has_no_token(seeded_store_dir: Path, tmp_path: Path):
    with app_client(seeded_store_dir, tmp_path) as client:
        body = assert_problem(client.post("/sparql", data={"update": "CLEAR ALL"}, headers=WRITER), 403)
        assert "KG_WRITE_TOKEN" in body["detail"]
        assert_problem(client.put("/store?default", content=b"", headers=WRITER), 403)
        assert int(rows(client.get("/sparql", params={"query": COUNT_MEETINGS}))[0]["n"]["value"]) >= 4


def test_update_protocol_dataset(client: TestClient):
    source, target = "http://example.org/u-source", "http://example.org/u-target"
    data = b"<http://example.org/x> a <http://example.org/T> ."
    put = client.put(
        "/store", params={"graph": source}, content=data, headers={**WRITER, "content-type": "text/turtle"}
    )
    assert put.status_code == 201, put.text
    copy = f"INSERT {{ GRAPH <{target}> {{ ?s a ?t }} }} WHERE {{ ?s a ?t }}"
    response = client.post(f"/sparql?using-graph-uri={source}", data={"update": copy}, headers=WRITER)
    assert response.status_code == 204, response.text
    assert ask(client, f"ASK {{ GRAPH <{target}> {{ <http://example.org/x> a <http://example.org/T> }} }}")
    with_clause = f"WITH <{source}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"
    conflict = client.post(f"/sparql?using-graph-uri={source}", data={"update": with_clause}, headers=WRITER)
    assert_problem(conflict, 400)
    failed = client.post("/sparql", data={"update": "DROP GRAPH <http://example.org/none>"}, headers=WRITER)
    assert assert_problem(failed, 400)["type"].endswith("/update-failed")


def test_graph_store_protocol_round_trip(client: TestClient):
    iri = "http://example.org/gsp/one"
    turtle = {"content-type": "text/turtle", **WRITER}
    first = b"@prefix ex: <http://example.org/> . ex:a ex:p ex:b ; ex:q [ ex:r 'x' ] ."
    assert client.put("/store", params={"graph": iri}, content=first, headers=turtle).status_code == 201
    assert client.put("/store", params={"graph": iri}, content=first, headers=turtle).status_code == 204
    got = client.get("/store", params={"graph": iri}, headers={"accept": "application/n-triples", **WRITER})
    assert isomorphic(Graph().parse(data=got.text, format="nt"), Graph().parse(data=first, format="turtle"))
    more = b'<http://example.org/c> <http://example.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .'
    post = client.post(
        "/store",
        params={"graph": iri},
        content=more,
        headers={**WRITER, "content-type": "application/n-triples"},
    )
    assert post.status_code == 204
    assert ask(
        client, f"ASK {{ GRAPH <{iri}> {{ <http://example.org/a> ?p ?o . <http://example.org/c> ?q 2 }} }}"
    )
    head = client.head("/store", params={"graph": iri}, headers=WRITER)
    assert head.status_code == 200 and head.headers["content-type"].startswith("text/turtle")
    assert client.delete("/store", params={"graph": iri}, headers=WRITER).status_code == 204
    assert_problem(client.get("/store", params={"graph": iri}, headers=WRITER), 404)
    assert_problem(client.delete("/store", params={"graph": iri}, headers=WRITER), 404)
    assert not ask(client, f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")


def test_graph_store_protocol_creates_graphs_and_rejects_bad_bodies(client: TestClient):
    triple = b"<http://example.org/n> <http://example.org/p> <http://example.org/o> ."
    created = client.post(
        "/store", content=triple, headers={**WRITER, "content-type": "application/n-triples"}
    )
    assert created.status_code == 201
    location = created.headers["location"]
    assert location.startswith("http://testserver/store/")
    assert client.get(location.removeprefix("http://testserver"), headers=WRITER).status_code == 200
    bad = client.put(
        "/store?graph=http://example.org/bad",
        content=b"<oops",
        headers={**WRITER, "content-type": "text/turtle"},
    )
    assert_problem(bad, 400)
    odd = client.put(
        "/store?graph=http://example.org/bad", content=b"x", headers={**WRITER, "content-type": "image/png"}
    )
    assert_problem(odd, 415)
    assert_problem(client.put("/store", content=b"", headers={**WRITER, "content-type": "text/turtle"}), 400)
    assert_problem(
        client.get("/store?graph=http://example.org/x", headers={**WRITER, "accept": "image/png"}), 406
    )


def test_memory_store_workers_see_every_write():
    settings = Settings(store="memory", write_token=TOKEN, query_workers=1)
    with TestClient(create_app(settings)) as client:
        assert not ask(client, "ASK { GRAPH <http://example.org/m> { ?s ?p ?o } }")
        data = Graph()
        data.add((URIRef("http://example.org/s"), URIRef("http://example.org/p"), Literal("snapshot")))
        headers = {**WRITER, "content-type": "application/n-triples"}
        put = client.put(
            "/store?graph=http://example.org/m", content=data.serialize(format="nt"), headers=headers
        )
        assert put.status_code == 201
        assert ask(client, 'ASK { GRAPH <http://example.org/m> { ?s ?p "snapshot" } }')


def test_concurrent_queries_share_the_pool(client: TestClient):
    results: list[int] = []

    def one() -> None:
        results.append(client.get("/sparql", params={"query": COUNT_MEETINGS}).status_code)

    threads = [threading.Thread(target=one) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [200] * 6


def test_query_workers_are_off_the_network(settings: Settings):
    """Defence in depth: a SERVICE that got past the lexical check still reaches nothing."""

    async def run_service(port: int) -> tuple[bool, str]:
        pool = QueryPool(Store(None), location="memory", workers=1, timeout=10)
        await pool.start()
        try:
            job = QueryJob(
                text=f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                max_rows=10,
                results_media="application/sparql-results+json",
                boolean_media=None,
                graph_media=None,
            )
            outcome = await pool.run(job)
            return pool.isolated, outcome.status
        finally:
            await pool.close()

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        listener.settimeout(0.5)
        isolated, status = asyncio.run(run_service(listener.getsockname()[1]))
        if not isolated:
            pytest.skip("this machine allows no network namespace for the workers")
        assert status == "failed"
        with pytest.raises(TimeoutError):
            listener.accept()
