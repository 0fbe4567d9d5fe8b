"""Scoring: names fold before comparing, entities pair one to one, and the table adds up."""

from __future__ import annotations

import pytest

from kg.evaluate import Score, _date_correct, fold, match_entities, match_meetings
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


def meeting(participants: list[str], window: list[str], **extra: object) -> dict[str, object]:
    return {"participants": participants, "date_window": window, "status": "occurred", **extra}


def test_evaluate_meetings_pair_by_shared_people_and_compatible_dates():
    gold = [
        meeting(["Xi Jinping", "Vladimir Putin"], ["2022-12-22", "2022-12-31"]),
        meeting(["Xi Jinping", "Vladimir Putin"], ["2022-09-10", "2022-09-20"]),
    ]
    predicted = [
        meeting(["Vladimir Putin", "Xi Jinping"], ["2022-09-12", "2022-09-15"]),
        meeting(["Xi Jinping", "Dmitry Medvedev"], ["2022-12-21", "2022-12-21"]),
    ]
    assert match_meetings(gold, predicted) == [(1, 0)]


def test_evaluate_meetings_of_the_same_people_pair_by_organisation_then_date():
    visit = meeting(["Barack Obama", "Julia Gillard"], ["2011-11-01", "2011-11-17"])
    summit = meeting(["Barack Obama", "Julia Gillard"], ["2011-11-17", "2011-11-30"], organisation="EAS")
    predicted = [
        meeting(["Barack Obama", "Julia Gillard"], ["2011-11-17", "2011-11-17"], organisation="EAS"),
        meeting(["Barack Obama", "Julia Gillard"], ["2011-11-10", "2011-11-10"]),
    ]
    assert sorted(match_meetings([visit, summit], predicted)) == [(0, 1), (1, 0)]


@pytest.mark.parametrize(
    ("gold", "ours", "correct"),
    [
        ({"date": "2021-12-15"}, {"date": "2021-12-15"}, True),
        ({"date": "2021-12-15"}, {"date": None, "date_window": ["2021-12-13", "2021-12-17"]}, False),
        (
            {"date": None, "date_window": ["2022-12-22", "2022-12-31"]},
            {"date_window": ["2022-12-23", "2022-12-30"]},
            True,
        ),
        (
            {"date": None, "date_window": ["2022-09-10", "2022-09-20"]},
            {"date_window": ["2022-09-01", "2022-09-30"]},
            False,
        ),
    ],
)
def test_evaluate_a_date_is_right_when_the_day_agrees_or_the_window_fits(gold, ours, correct):
    assert _date_correct(gold, ours) is correct
