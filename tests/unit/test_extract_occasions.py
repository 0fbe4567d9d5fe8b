"""Tests for kg.extract.occasions: which summit of a series, or which named event, a meeting was at.

The table ships in seeds/reference/occasions.tsv; the tests that choose an occasion use a small
table of their own, so that they read as the rule they check.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.extract.gazetteer import load_gazetteer
from kg.extract.occasions import Occasion, Occasions, load_occasions

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_extract_meetings import meetings  # noqa: E402  (the meeting extractor as the pipeline builds it)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = dt.date
BALI = Occasion(("org/G20",), D(2022, 11, 15), D(2022, 11, 16), "Bali", "country/IDN")
DELHI = Occasion(("org/G20",), D(2023, 9, 9), D(2023, 9, 10), "New Delhi", "country/IND")
GAMES = Occasion(
    ("winter-olympics",),
    D(2022, 2, 4),
    D(2022, 2, 20),
    "Beijing",
    "country/CHN",
    ("Beijing Winter Olympics",),
)
TABLE = Occasions([DELHI, BALI, GAMES])


# -- the table ----------------------------------------------------------------------------------


def test_occasions_the_shipped_table_names_known_organisations_and_countries() -> None:
    gazetteer, occasions = load_gazetteer(SEEDS), load_occasions(SEEDS)
    assert len(occasions) > 0
    for occasion in occasions:
        assert occasion.start <= occasion.end
        for series in occasion.series:
            assert series.islower() or series in gazetteer.entries, series
        assert occasion.country is None or occasion.country in gazetteer.entries, occasion


def test_occasions_a_malformed_line_is_refused_with_its_place(tmp_path: Path) -> None:
    table = tmp_path / "occasions.tsv"
    table.write_text("# series\tstart\tend\tcity\tcountry\nG20\t2022-11-16\t2022-11-15\tBali\tIDN\n")
    with pytest.raises(KGError, match=r"occasions.tsv:2: the end"):
        Occasions.load(table)
    table.write_text("G20\t15 November 2022\t2022-11-16\tBali\tIDN\n")
    with pytest.raises(KGError, match=r"occasions.tsv:1: dates are YYYY-MM-DD"):
        Occasions.load(table)


# -- which summit of a series --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "article", "planned", "expected"),
    [
        ((D(2022, 11, 1), D(2022, 11, 30)), None, False, BALI),  # the one inside the meeting's time
        ((D(2022, 1, 1), D(2023, 12, 31)), None, False, None),  # two inside: none is sure
        (None, D(2022, 11, 17), False, BALI),  # under way or just over on the article's day
        (None, D(2023, 3, 1), True, DELHI),  # a plan: the next one
        (None, D(2023, 3, 1), False, BALI),  # what occurred: the last one
        (None, D(2026, 3, 1), False, None),  # more than a year ago: not that one
    ],
)
def test_occasions_the_summit_a_meeting_was_at(
    when: tuple[dt.date, dt.date] | None, article: dt.date | None, planned: bool, expected: Occasion | None
) -> None:
    assert TABLE.of_series("org/G20", when, article, planned) == expected


def test_occasions_an_event_is_found_by_its_name() -> None:
    text = "the opening ceremony of the beijing winter olympics"
    assert TABLE.named_in(text, 0, len(text)) == (GAMES, "beijing winter olympics")
    assert TABLE.named_in("the winter games", 0, 16) is None


# -- in the meeting extractor --------------------------------------------------------------------


def test_occasions_a_plan_at_a_summit_takes_its_days_but_not_its_city() -> None:
    # the city is outside knowledge: a meeting is placed where the text places it
    (plan,) = meetings("Joe Biden will meet Xi Jinping at the G20 summit.", "2022-10-01")
    assert (plan.status, plan.date_start, plan.date_end, plan.place) == (
        "planned", D(2022, 11, 15), D(2022, 11, 16), None,
    )  # fmt: skip
    assert any("G20 2022-11-15 to 2022-11-16, Bali" in e.reason for e in plan.evidence if e.aspect == "date")


def test_occasions_a_meeting_placed_elsewhere_was_not_at_the_summit() -> None:
    (plan,) = meetings("Joe Biden will meet Xi Jinping in Hanoi at the G20 summit.", "2022-10-01")
    assert (plan.date_start, plan.date_end, plan.place) == (D(2022, 10, 1), D(2022, 12, 31), "Hanoi")


def test_occasions_a_call_is_held_at_no_summit() -> None:
    (call,) = meetings("Joe Biden will call Xi Jinping by phone ahead of the G20 summit.", "2022-10-01")
    assert call.date_start == D(2022, 10, 1)
