"""Tests for kg.mapping: the one place where records become triples, in ontology terms only.

Each test runs the whole extraction of one article (``Pipeline.extract``, in memory, without SHACL)
and reads the graph back: the article, its meetings with their evidence, the entities it mentions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.mapping import Triples, article_iri, iri, key_of, slug
from kg.pipeline import Pipeline
from kg.reader import Article, article_from_record, read_articles
from kg.settings import Settings
from kg.vocab import DIPL

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ARTICLES = {a.id[:3]: a for a in read_articles(SEEDS)}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(store="memory", validate_articles=False))


@pytest.fixture(scope="module")
def graph_004(pipeline: Pipeline) -> Graph:
    return pipeline.extract(ARTICLES["004"])[1].graph()


def offsets(graph: Graph, node: URIRef) -> tuple[int, int]:
    start, end = graph.value(node, DIPL.startOffset), graph.value(node, DIPL.endOffset)
    return start.toPython(), end.toPython()  # type: ignore[union-attr]


def inline(text: str) -> Article:
    return article_from_record({"id": "t1", "text": text, "published": "2021-12-15"}, origin="test")


# -- the article ------------------------------------------------------------------------------------


def test_mapping_article_is_one_node_with_its_id_text_and_date(graph_004: Graph) -> None:
    article = ARTICLES["004"]
    (node,) = graph_004.subjects(RDF.type, DIPL.Article)
    assert node == article_iri(article.id)
    assert graph_004.value(node, DIPL.articleId) == Literal(article.id)
    assert graph_004.value(node, DIPL.text) == Literal(article.text)  # no title: the text is the body
    assert graph_004.value(node, DIPL.published) == Literal(article.published)
    assert graph_004.value(graph_004.value(node, DIPL.datelinePlace), RDFS.label) == Literal("Beijing")


# -- meetings and their evidence ---------------------------------------------------------------------


def test_mapping_each_meeting_has_category_status_source_and_evidence(
    pipeline: Pipeline, graph_004: Graph
) -> None:
    article = article_iri(ARTICLES["004"].id)
    meetings = sorted(graph_004.subjects(RDF.type, DIPL.Meeting))
    assert [key_of(m) for m in meetings] == [f"event/{ARTICLES['004'].id}/meeting-{n}" for n in (1, 2)]
    for meeting in meetings:
        assert graph_004.value(meeting, DIPL.extractedFrom) == article
        assert graph_004.value(meeting, DIPL.category) is not None
        assert graph_004.value(meeting, DIPL.status) is not None
        assert len(list(graph_004.objects(meeting, DIPL.evidence))) >= 1
    notation = pipeline.ontology.notation
    assert [notation(graph_004.value(m, DIPL.status)) for m in meetings] == ["occurred", "planned"]  # type: ignore[arg-type]
    assert [notation(graph_004.value(m, DIPL.category)) for m in meetings] == ["CONSULT", "AGREE"]  # type: ignore[arg-type]


def test_mapping_evidence_offsets_slice_the_text_to_the_surface(graph_004: Graph) -> None:
    text = ARTICLES["004"].text
    evidence = set(graph_004.objects(None, DIPL.evidence))
    assert evidence
    for node in evidence | set(graph_004.subjects(RDF.type, DIPL.Mention)):
        start, end = offsets(graph_004, node)
        assert 0 <= start < end <= len(text)
        assert graph_004.value(node, DIPL.surface) == Literal(text[start:end])
        assert graph_004.value(node, DIPL.article) == article_iri(ARTICLES["004"].id)
        assert graph_004.value(node, DIPL.extractor) is not None


def test_mapping_dated_meeting_has_typed_dates_and_participants(graph_004: Graph) -> None:
    meeting = iri(f"event/{ARTICLES['004'].id}/meeting-1")
    for predicate in (DIPL.date, DIPL.dateStart, DIPL.dateEnd):
        assert graph_004.value(meeting, predicate) == Literal("2021-12-15", datatype=XSD.date)
    participants = {iri("person/xi-jinping"), iri("person/vladimir-putin")}
    assert set(graph_004.objects(meeting, DIPL.participant)) == participants
    assert graph_004.value(meeting, DIPL.medium) == DIPL.Video


# -- entities -------------------------------------------------------------------------------------


def test_mapping_only_unknown_entities_are_described_in_the_article_graph(pipeline: Pipeline) -> None:
    graph = pipeline.extract(inline("Foreign Minister Ana Lopez met Foreign Minister Wang Yi on Monday."))[
        1
    ].graph()
    lopez, wang = iri("person/ana-lopez"), iri("person/wang-yi")
    assert {lopez, wang} <= set(graph.objects(article_iri("t1"), DIPL.mentions))
    assert graph.value(lopez, RDF.type) == DIPL.Person
    assert graph.value(lopez, RDFS.label) == Literal("Ana Lopez")
    assert graph.value(wang, RDF.type) is None  # described once, in the reference graph
    assert graph.value(wang, DIPL.represents) == iri("country/CHN")


def test_mapping_each_mention_points_at_its_entity(graph_004: Graph) -> None:
    mentioned = set(graph_004.objects(None, DIPL.mentionOf))
    assert iri("person/xi-jinping") in mentioned
    assert mentioned == set(graph_004.objects(article_iri(ARTICLES["004"].id), DIPL.mentions))


# -- only ontology terms, always the same graph --------------------------------------------------


@pytest.mark.parametrize("seed", ["000", "004"])
def test_mapping_uses_only_declared_predicates_and_classes(pipeline: Pipeline, seed: str) -> None:
    graph = pipeline.extract(ARTICLES[seed])[1].graph()
    undeclared = {p for p in graph.predicates() if not pipeline.ontology.is_declared(p)}  # type: ignore[arg-type]
    assert undeclared <= {RDF.type, RDFS.label}
    assert all(pipeline.ontology.is_declared(c) for c in graph.objects(None, RDF.type))  # type: ignore[arg-type]


@pytest.mark.parametrize("seed", ["000", "004"])
def test_mapping_is_deterministic(pipeline: Pipeline, seed: str) -> None:
    first, second = pipeline.extract(ARTICLES[seed])[1], pipeline.extract(ARTICLES[seed])[1]
    assert len(first) > 100
    assert list(first) == list(second)  # the same triples in the same order


def test_mapping_same_text_under_another_id_is_another_graph(pipeline: Pipeline) -> None:
    text = "Xi Jinping met Vladimir Putin today."
    one = pipeline.extract(inline(text))[1].graph()
    other = pipeline.extract(article_from_record({"id": "t2", "text": text}, origin="test"))[1].graph()
    assert not isomorphic(one, other)


# -- IRIs -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Xi Jinping", "xi-jinping"), ("  São Paulo!  ", "são-paulo"), ("U.S.-China", "u-s-china")],
)
def test_mapping_slug_is_lowercase_and_hyphenated(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_mapping_slug_of_punctuation_only_is_a_stable_hash() -> None:
    assert slug("!!!") == slug("!!!") != slug("???")
    assert len(slug("!!!")) == 12


def test_mapping_key_of_inverts_iri() -> None:
    assert key_of(iri("person/xi-jinping")) == "person/xi-jinping"
    assert key_of(URIRef("http://example.org/x")) == "http://example.org/x"


def test_mapping_writes_affiliations_of_people_introduced_by_apposition(pipeline: Pipeline) -> None:
    _, graph = pipeline.extract(ARTICLES["000"])
    assert (
        iri("person/li-haidong"),
        DIPL.affiliatedWith,
        iri("org/china-foreign-affairs-university"),
    ) in graph


def test_mapping_two_statements_of_one_sentence_conform_to_the_shapes() -> None:
    """Both cite the sentence as their evidence, each for its own cue: two evidence records."""
    strict = Pipeline(Settings(store="memory", validate_articles=True))
    text = "President Biden condemned the attack on Ukraine and praised the courage of President Zelensky."
    doc, graph = strict.extract(inline(text))  # raises ShapeViolation if an evidence has two reasons
    assert sorted(e.stance for e in doc.events if e.kind == "statement") == ["criticize", "praise"]
    reasons = [r for _, _, r in graph.graph().triples((None, DIPL.reason, None)) if " in sentence 1" in r]
    assert len(reasons) == 2


def test_mapping_triples_described_at_once_are_the_triples_added_one_by_one() -> None:
    a, b, c = URIRef("urn:a"), URIRef("urn:b"), URIRef("urn:c")
    p, q = DIPL.surface, DIPL.aspect
    steps = [
        ("describe", a, [(a, p, Literal("x")), (a, q, Literal(1))]),  # a fresh subject: one block
        ("add", (b, p, a)),
        ("describe", a, [(a, q, Literal(1)), (a, p, Literal("y"))]),  # said before: (a, q, 1) once
        ("add", (a, p, Literal("x"))),  # inside the first block: kept once
        ("describe", b, [(b, q, Literal("z"))]),  # a subject added one by one before
        ("describe", c, [(c, p, Literal("w")), (c, p, Literal("w"))]),  # a repeated pair
        ("describe", URIRef("urn:d"), [(c, q, Literal("v"))]),  # another subject among them
    ]
    described, added = Triples(), Triples()
    for step in steps:
        if step[0] == "add":
            described.add(step[1])
            added.add(step[1])
        else:
            described.describe(step[1], step[2])
            added.update(step[2])
    expected = [
        (a, p, Literal("x")),
        (a, q, Literal(1)),
        (b, p, a),
        (a, p, Literal("y")),
        (b, q, Literal("z")),
        (c, p, Literal("w")),
        (c, q, Literal("v")),
    ]
    assert list(described) == list(added) == expected
    assert len(described) == 7 and all(t in described for t in expected)
    assert (a, q, Literal(2)) not in described and "not a triple" not in described
    assert isomorphic(described.graph(), added.graph())
