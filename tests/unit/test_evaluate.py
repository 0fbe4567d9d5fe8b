"""Scoring: names fold before comparing, entities pair one to one, and the table adds up."""

from __future__ import annotations

import pytest

from kg.evaluate import Score, fold, match_entities
from kg.extract.base import EntityRecord


@pytest.mark.parametrize(
    ("a", "b"),
    [("the United Nations", "United Nations"), ("U.S.", "US"), ("China’s", "china"), ("G20", "g20")],
)
def test_evaluate_fold_makes_variants_equal(a: str, b: str):
    assert fold(a) == fold(b)


def test_evaluate_score_measures():
    score = Score(gold=10, predicted=8, matched=6)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score().f1 == 1.0  # nothing to find and nothing found is not an error


def entity(key: str, type_: str, label: str, *aliases: str) -> EntityRecord:
    return EntityRecord(key=key, type=type_, label=label, mentions=(), aliases=aliases)


def test_evaluate_matches_by_label_then_alias_and_type_must_agree():
    gold = [
        {"label": "South Korea", "type": "Country", "aliases": ["Republic of Korea", "Seoul"]},
        {"label": "Joe Biden", "type": "Person", "aliases": ["President Biden"]},
        {"label": "Georgia", "type": "Country", "aliases": ["Georgia"]},
    ]
    predicted = [
        entity("person/joe-biden", "Person", "Joe Biden", "Biden"),
        entity("country/KOR", "Country", "Korea, Republic of", "Republic of Korea"),
        entity("org/georgia", "Organisation", "Georgia"),
    ]
    assert sorted(match_entities(gold, predicted)) == [(0, 1), (1, 0)]


def test_evaluate_each_prediction_matches_once():
    gold = [{"label": "China", "type": "Country"}, {"label": "PRC", "type": "Country"}]
    predicted = [entity("country/CHN", "Country", "China", "PRC")]
    assert match_entities(gold, predicted) == [(0, 0)]
