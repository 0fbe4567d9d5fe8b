"""Tests for kg.extract.topics: topic labels from the ontology found in text, and an article's topics.

The matcher reads every prefLabel and altLabel of ``dipl:TopicScheme`` (ontology/topics.ttl); these
tests name concepts by notation only, so they hold whatever labels the scheme gains.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.extract.base import Doc, TopicRecord
from kg.extract.topics import TopicExtractor, TopicHit, TopicMatcher, topic_matcher
from kg.mapping import Mapper, article_iri
from kg.ontology import load_ontology
from kg.reader import article_from_record
from kg.vocab import DIPL

ONTOLOGY = load_ontology(Path(__file__).resolve().parents[2] / "ontology")
MATCHER = topic_matcher(ONTOLOGY)


def topics_in(text: str) -> list[tuple[str, str]]:
    """(notation, surface) of every hit in a text."""
    return [(hit.notation, text[hit.start : hit.end]) for hit in MATCHER.find(text)]


def doc_of(text: str, title: str = "") -> Doc:
    record = {"id": "t1", "title": title, "text": text, "published": "2022-01-01"}
    return Doc.of(article_from_record(record, origin="test"))


# -- the matcher ----------------------------------------------------------------------------------


def test_topics_matcher_reads_every_concept_of_the_scheme() -> None:
    notations = set(ONTOLOGY.concepts(DIPL.TopicScheme))
    found = set(TopicMatcher.from_ontology(ONTOLOGY)._by_form.values())
    assert found == notations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia supports China's position on the Taiwan question.", [("taiwan", "Taiwan question")]),
        ("They discussed the COVID-19 pandemic.", [("covid-19", "COVID-19 pandemic")]),  # not 'pandemic'
        ("Climate change, CLIMATE CHANGE", [("climate-change", "Climate change"),
                                            ("climate-change", "CLIMATE CHANGE")]),
        ("a trademark dispute in the tradewinds", []),  # word boundaries
        ("cross-border travel resumes", [("travel", "cross-border travel")]),
        ("a comprehensive strategic partnership",
         [("bilateral-relations", "comprehensive strategic partnership")]),
    ],
)  # fmt: skip
def test_topics_matcher_longest_label_case_insensitive_on_word_boundaries(text: str, expected: list) -> None:
    assert topics_in(text) == expected


def test_topics_acronyms_match_only_in_capitals() -> None:
    assert topics_in("WTO rules") == [("trade", "WTO")]
    assert topics_in("wto rules") == []


@pytest.mark.parametrize(
    "text",
    ["the UN Security Council met", "National Security Advisor Jake Sullivan", "the Department of Energy",
     "Finance Minister Ana Lopez"],
)  # fmt: skip
def test_topics_common_label_inside_a_proper_name_is_no_topic(text: str) -> None:
    assert topics_in(text) == []


def test_topics_capitalised_label_opening_a_sentence_is_a_topic() -> None:
    assert topics_in("Security was discussed. Trade, too.") == [("security", "Security"), ("trade", "Trade")]


def test_topics_a_label_two_concepts_share_goes_to_the_more_specific() -> None:
    matcher = TopicMatcher({"nuclear": "security", "Nuclear": "nuclear"}, depth={"security": 0, "nuclear": 1})
    assert [h.notation for h in matcher.find("a nuclear deal")] == ["nuclear"]


def test_topics_find_within_a_span_and_distinct_notations() -> None:
    text = "Trade. Energy and national security. Trade."
    assert MATCHER.find(text, 7, 36) == [TopicHit("energy", 7, 13), TopicHit("security", 18, 35)]
    assert MATCHER.notations(text) == ("trade", "energy", "security")


def test_topics_a_span_reads_as_if_alone_though_the_whole_text_was_read_once() -> None:
    matcher = TopicMatcher({"free trade": "trade", "free trade agreement": "fta", "energy": "energy"})
    text = "They signed a free trade agreement on energy."
    assert [h.notation for h in matcher.find(text)] == ["fta", "energy"]
    cut = text.index(" agreement")  # a span that ends inside the longer label
    assert matcher.find(text, 0, cut) == [TopicHit("trade", 14, cut)]
    assert matcher.find(text, cut) == [TopicHit("energy", 38, 44)]
    assert matcher.find("Energy first.") == [TopicHit("energy", 0, 6)]  # another text: read anew


# -- the article's topics ------------------------------------------------------------------------


def test_topics_article_topic_from_its_title() -> None:
    doc = doc_of("The leaders met on Friday.", title="Xi and Putin discuss energy")
    records = TopicExtractor(MATCHER)(doc)
    assert [r.notation for r in records] == ["energy"]
    assert records[0].evidence[0].aspect == "topic"
    assert "in the title" in records[0].evidence[0].reason


def test_topics_a_passing_mention_is_not_what_the_article_is_about() -> None:
    body = "The leaders met. They talked at length. " * 5 + "They also mentioned tourism once."
    assert TopicExtractor(MATCHER)(doc_of(body)) == []


def test_topics_repeated_in_the_lead_or_often_in_the_body() -> None:
    lead = "Trade dominated the talks. Both sides want more trade. "
    body = "Nothing else. " * 10 + "Climate change came up. Climate change again. The climate crisis, too."
    notations = [r.notation for r in TopicExtractor(MATCHER)(doc_of(lead + body))]
    assert notations == ["trade", "climate-change"] or notations == ["climate-change", "trade"]


def test_topics_at_most_a_few_per_article() -> None:
    text = " ".join(
        f"{label} {label} {label}."
        for label in ["trade", "energy", "health", "migration", "travel", "sanctions", "climate"]
    )
    assert len(TopicExtractor(MATCHER)(doc_of(text))) == TopicExtractor.MAX_TOPICS


def test_topics_record_maps_to_article_topic_with_evidence() -> None:
    doc = doc_of("Trade and trade.", title="Trade talks")
    records = TopicExtractor(MATCHER)(doc)
    graph: Graph = Mapper(ONTOLOGY).to_graph(doc, [(TopicExtractor(MATCHER), records)])
    article = article_iri("t1")
    assert (article, DIPL.topic, ONTOLOGY.concept(DIPL.TopicScheme, "trade")) in graph
    evidence = list(graph.objects(article, DIPL.evidence))
    assert evidence and all(str(graph.value(e, DIPL.aspect)) == "topic" for e in evidence)
    ONTOLOGY.validate(graph)
    assert isinstance(records[0], TopicRecord)
