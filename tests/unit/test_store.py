"""The store: named graphs per article, atomic replacement, persistence, read-only access, locks."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef

from kg.errors import QuerySyntaxError, StoreError, StoreLocked
from kg.store import Store, article_graph, from_ox, to_ox

EX = "http://example.org/"


def triples(n: int, tag: str = "") -> Graph:
    graph = Graph()
    for i in range(n):
        graph.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"value {tag}{i}")))
    return graph


@pytest.mark.parametrize(
    "term",
    [
        URIRef(EX + "a"),
        Literal("plain"),
        Literal("tagged", lang="en"),
        Literal(3),
        Literal('quote " and \n newline and } brace'),
    ],
)
def test_store_terms_round_trip(term):
    assert from_ox(to_ox(term)) == term


def test_store_replacing_a_graph_replaces_it_whole():
    store = Store()
    name = article_graph("a1")
    store.replace_graphs({name: triples(5, "old")})
    store.replace_graphs({name: triples(3, "new")})
    assert len(store) == 3
    assert {str(o) for o in store.graph(name).objects()} == {"value new0", "value new1", "value new2"}


def test_store_a_failed_write_leaves_the_previous_graph():
    store = Store()
    name = article_graph("a1")
    store.replace_graphs({name: triples(4)})
    bad = triples(2)
    bad.add((URIRef(EX + "x"), URIRef(EX + "p"), Literal("bad", datatype=URIRef("not an iri"))))
    with pytest.raises(ValueError):
        store.replace_graphs({article_graph("a0"): triples(1), name: bad})
    assert store.triples_count(name) == 4
    assert not store.has_graph(article_graph("a0"))


def test_store_remove_graph_leaves_nothing_behind():
    store = Store()
    store.replace_graphs({article_graph("a1"): triples(3), article_graph("a2"): triples(2, "b")})
    assert store.remove_graph(article_graph("a1")) is True
    assert store.remove_graph(article_graph("a1")) is False
    assert len(store) == 2
    assert list(store.graph_names()) == [article_graph("a2")]


def test_store_persists_on_disk_and_reopens(tmp_path: Path):
    with Store(tmp_path / "s") as store:
        store.replace_graphs({article_graph("a1"): triples(3)})
    with Store(tmp_path / "s", read_only=True) as store:
        assert len(store) == 3


def test_store_reader_beside_a_writer_and_a_second_writer_is_refused(tmp_path: Path):
    with Store(tmp_path / "s") as writer:
        writer.replace_graphs({article_graph("a1"): triples(1)})
        writer._ox.flush()
        with Store(tmp_path / "s", read_only=True) as reader:
            assert len(reader) == 1
        with pytest.raises(StoreLocked, match="another process"):
            Store(tmp_path / "s")


def test_store_read_only_refuses_writes_and_missing_directories(tmp_path: Path):
    with pytest.raises(StoreError, match="kg ingest"):
        Store(tmp_path / "nothing", read_only=True)
    with Store(tmp_path / "s") as store:
        store.replace_graphs({article_graph("a1"): triples(1)})
    with Store(tmp_path / "s", read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.replace_graphs({article_graph("a1"): triples(1)})


def test_store_query_binds_values_instead_of_splicing_text():
    store = Store()
    store.replace_graphs({article_graph("a1"): triples(3)})
    hostile = Literal('value 1" } UNION { ?s ?p ?o')
    rows = store.select("SELECT ?s ?v WHERE { ?s ?p ?v }", bindings={"v": hostile})
    assert rows == []
    rows = store.select("SELECT ?s ?v WHERE { ?s ?p ?v }", bindings={"v": Literal("value 1")})
    assert [row["s"] for row in rows] == [URIRef(EX + "s1")]


def test_store_select_values_are_the_strings_of_the_terms_select_gives():
    store = Store()
    terms = [
        URIRef(EX + "o"),
        BNode("b1"),
        Literal("tagged", lang="en"),
        Literal(3),
        Literal("2024-05-01", datatype=XSD.date),
    ]
    store.replace_graphs(
        {article_graph("a1"): [(URIRef(EX + "s"), URIRef(EX + "p"), term) for term in terms]}
    )
    query = "SELECT ?s ?o ?missing WHERE { ?s ?p ?o OPTIONAL { ?o ?p ?missing } } ORDER BY STR(?o)"
    terms_rows = store.select(query)
    assert store.select_values(query) == [
        {name: str(term) for name, term in row.items()} for row in terms_rows
    ]
    assert {row["o"] for row in store.select_values(query)} > {"3", "2024-05-01", "tagged", EX + "o"}


def test_store_query_sees_every_graph_by_default_and_reports_syntax_errors():
    store = Store()
    store.replace_graphs({article_graph("a1"): triples(2), article_graph("a2"): triples(2, "b")})
    assert len(store.select("SELECT * WHERE { ?s ?p ?o }")) == 4
    assert store.select("SELECT * WHERE { ?s ?p ?o }", union_default_graph=False) == []
    with pytest.raises(QuerySyntaxError):
        store.query("SELECT WHERE {")


def test_store_query_honours_its_own_from_clause():
    store = Store()
    store.replace_graphs({article_graph("a1"): triples(2), article_graph("a2"): triples(3, "b")})
    query = f"SELECT (COUNT(*) AS ?n) FROM <{article_graph('a2')}> WHERE {{ ?s ?p ?o }}"
    assert int(store.select(query)[0]["n"]) == 3


def test_store_compacts_on_disk_and_keeps_every_triple(tmp_path) -> None:
    from rdflib import Graph, Literal, URIRef

    graph = Graph()
    for i in range(50):
        graph.add((URIRef(f"https://example.org/s{i}"), URIRef("https://example.org/p"), Literal(i)))
    with Store(tmp_path / "store") as store:
        store.replace_graphs({URIRef("https://example.org/g"): graph})
        store.compact()
        assert len(store) == 50
    with Store(tmp_path / "store", read_only=True) as store:
        assert len(store) == 50
