"""End to end: standard SPARQL clients (SPARQLWrapper, rdflib's SPARQLStore) against a live `kg serve`
get the same rows as `kg query --format json` run on the same store."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from serving import KG, ingest_seeds, kg_server

pytestmark = pytest.mark.e2e
sparqlwrapper = pytest.importorskip("SPARQLWrapper")

PREFIXES = """PREFIX dipl: <https://w3id.org/dipkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
QUERIES = {
    "xi-putin-meetings": """SELECT ?meeting ?start ?end ?medium WHERE {
      ?meeting a dipl:Meeting ;
               dipl:participant <https://w3id.org/dipkg/id/person/xi-jinping>,
                                <https://w3id.org/dipkg/id/person/vladimir-putin> ;
               dipl:dateStart ?start ; dipl:dateEnd ?end .
      OPTIONAL { ?meeting dipl:medium/skos:notation ?medium }
    } ORDER BY ?start""",
    "who-meets-whom": """SELECT ?a ?b (COUNT(DISTINCT ?m) AS ?meetings) WHERE {
      ?m a dipl:Meeting ; dipl:participant ?x, ?y .
      ?x rdfs:label ?a . ?y rdfs:label ?b . FILTER(STR(?a) < STR(?b))
    } GROUP BY ?a ?b ORDER BY DESC(?meetings) ?a ?b""",
    "medium-evidence": """SELECT ?meeting ?reason ?surface ?start ?end ?article WHERE {
      ?meeting a dipl:Meeting ; dipl:evidence ?e .
      ?e dipl:aspect "medium" ; dipl:reason ?reason ; dipl:surface ?surface ;
         dipl:startOffset ?start ; dipl:endOffset ?end ; dipl:article ?article .
    }""",
}

Row = tuple[tuple[str, str], ...]


@pytest.fixture(scope="module")
def clients_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    store = tmp_path_factory.mktemp("clients") / "store"
    ingest_seeds(store)
    with kg_server(store) as url:
        yield url, store


def _json_rows(document: dict) -> list[Row]:
    return sorted(
        tuple(sorted((name, value["value"]) for name, value in binding.items()))
        for binding in document["results"]["bindings"]
    )


def cli_rows(store: Path, query: str) -> list[Row]:
    env = {**os.environ, "KG_STORE": str(store)}
    done = subprocess.run(
        [*KG, "query", query, "--format", "json"], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return _json_rows(json.loads(done.stdout))


@pytest.mark.parametrize("name", list(QUERIES))
def test_clients_sparqlwrapper_matches_kg_query(clients_server: tuple[str, Path], name: str):
    url, store = clients_server
    expected = cli_rows(store, QUERIES[name])
    assert expected, "the seeds answer every query"
    by_get = sparqlwrapper.SPARQLWrapper(url + "/sparql")
    by_get.setQuery(PREFIXES + QUERIES[name])
    by_get.setReturnFormat(sparqlwrapper.JSON)
    assert _json_rows(by_get.queryAndConvert()) == expected  # type: ignore[arg-type]
    by_post = sparqlwrapper.SPARQLWrapper(url + "/sparql")
    by_post.setQuery(PREFIXES + QUERIES[name])
    by_post.setMethod(sparqlwrapper.POST)
    by_post.setReturnFormat(sparqlwrapper.XML)
    document = by_post.queryAndConvert()  # an xml.dom.minidom Document
    rows = []
    for result in document.getElementsByTagName("result"):  # type: ignore[union-attr]
        cells = []
        for binding in result.getElementsByTagName("binding"):
            value = binding.firstChild
            while value is not None and value.nodeType != value.ELEMENT_NODE:
                value = value.nextSibling
            cells.append((binding.getAttribute("name"), value.firstChild.data if value.firstChild else ""))
        rows.append(tuple(sorted(cells)))
    assert sorted(rows) == expected


@pytest.mark.parametrize("name", list(QUERIES))
def test_clients_rdflib_sparqlstore_matches_kg_query(clients_server: tuple[str, Path], name: str):
    url, store = clients_server
    expected = cli_rows(store, QUERIES[name])
    graph = Graph(store=SPARQLStore(url + "/sparql"))
    result = graph.query(PREFIXES + QUERIES[name])
    names = [str(v) for v in result.vars or []]
    got = sorted(
        tuple(sorted((n, str(row[i])) for i, n in enumerate(names) if row[i] is not None))
        for row in result  # type: ignore[union-attr]
    )
    assert got == expected


def test_clients_construct_through_both(clients_server: tuple[str, Path]):
    url, _ = clients_server
    query = PREFIXES + "CONSTRUCT { ?m a dipl:Meeting } WHERE { ?m a dipl:Meeting }"
    wrapper = sparqlwrapper.SPARQLWrapper(url + "/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(sparqlwrapper.TURTLE)
    raw = wrapper.query().response.read()
    by_wrapper = Graph().parse(data=raw, format="turtle")
    by_store = Graph(store=SPARQLStore(url + "/sparql")).query(query).graph
    assert by_store is not None and len(by_wrapper) == len(by_store) >= 4
    assert set(by_wrapper) == set(by_store)
