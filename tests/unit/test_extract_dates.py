"""Tests for kg.extract.dates: time expressions resolved against an article's anchor.

A dated article anchors every relative expression to one day; here that day is Wednesday
15 December 2021. An undated article anchors them to the window its text allows, here
22-31 December 2022 (what the first seed allows), so "on Friday" becomes the Fridays inside.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract.dates import _NEEDS, PATTERNS, When, article_anchor, find_times, infer_anchor
from kg.reader import read_articles

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = dt.date
DAY = article_anchor(D(2021, 12, 15), "")  # a Wednesday
WINDOW = When(D(2022, 12, 22), D(2022, 12, 31), "window", "inferred", 0.6)


def resolve(phrase: str, anchor: When | None) -> When | None:
    """The one time expression of a phrase, which must cover all of it."""
    (found,) = find_times(phrase, anchor)
    assert phrase[found.start : found.end] == phrase
    return found.when


def span(when: When | None) -> tuple[dt.date, dt.date, str] | None:
    return None if when is None else (when.start, when.end, when.precision)


# -- against a day ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("on Friday", D(2021, 12, 10), D(2021, 12, 10), "day"),  # the Friday before
        ("on Wednesday", D(2021, 12, 15), D(2021, 12, 15), "day"),  # the day itself
        ("last Monday", D(2021, 12, 13), D(2021, 12, 13), "day"),
        ("next Friday", D(2021, 12, 17), D(2021, 12, 17), "day"),
        ("next Wednesday", D(2021, 12, 22), D(2021, 12, 22), "day"),  # never the day itself
        ("today", D(2021, 12, 15), D(2021, 12, 15), "day"),
        ("earlier today", D(2021, 12, 15), D(2021, 12, 15), "day"),
        ("yesterday", D(2021, 12, 14), D(2021, 12, 14), "day"),
        ("tomorrow", D(2021, 12, 16), D(2021, 12, 16), "day"),
        ("last week", D(2021, 12, 6), D(2021, 12, 12), "week"),
        ("this week", D(2021, 12, 13), D(2021, 12, 19), "week"),
        ("next month", D(2022, 1, 1), D(2022, 1, 31), "month"),  # across the new year
        ("last month", D(2021, 11, 1), D(2021, 11, 30), "month"),
        ("this year", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("mid-September", D(2021, 9, 10), D(2021, 9, 20), "window"),
        ("early March", D(2021, 3, 1), D(2021, 3, 10), "window"),
        ("late December", D(2021, 12, 20), D(2021, 12, 31), "window"),
        ("December 21", D(2021, 12, 21), D(2021, 12, 21), "day"),
        ("21st December", D(2021, 12, 21), D(2021, 12, 21), "day"),
        ("Sept. 3", D(2021, 9, 3), D(2021, 9, 3), "day"),
        ("in February", D(2021, 2, 1), D(2021, 2, 28), "month"),  # the latest February not after
        ("15 December 2021", D(2021, 12, 15), D(2021, 12, 15), "day"),
        ("December 15, 2019", D(2019, 12, 15), D(2019, 12, 15), "day"),
        ("2020-02-29", D(2020, 2, 29), D(2020, 2, 29), "day"),
        ("in March 2020", D(2020, 3, 1), D(2020, 3, 31), "month"),
        ("mid-September 2020", D(2020, 9, 10), D(2020, 9, 20), "window"),
        ("the end of 2006", D(2006, 10, 1), D(2006, 12, 31), "window"),
        ("the first quarter of 2022", D(2022, 1, 1), D(2022, 3, 31), "window"),
        ("early next year", D(2022, 1, 1), D(2022, 4, 30), "window"),
        ("in coming weeks", D(2021, 12, 16), D(2022, 2, 14), "window"),
        ("3rd of December", D(2021, 12, 3), D(2021, 12, 3), "day"),
        ("from 15th to the 20th of February", D(2021, 2, 15), D(2021, 2, 20), "window"),
    ],
)
def test_dates_resolve_against_a_day(phrase: str, start: dt.date, end: dt.date, precision: str) -> None:
    when = resolve(phrase, DAY)
    assert span(when) == (start, end, precision)
    assert when is not None and when.confidence == 1.0
    assert phrase in when.reason


def test_dates_every_pattern_names_what_it_cannot_match_without() -> None:
    """find_times skips a pattern when its sentence lacks the pattern's trigger (a month, a year,
    a weekday ...); the phrases above check that each trigger lets its pattern through."""
    assert {kind for kind, _ in PATTERNS} <= set(_NEEDS)


# -- against a window (an undated article) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("on Friday", D(2022, 12, 23), D(2022, 12, 30), "window"),  # the two Fridays inside
        ("on Wednesday", D(2022, 12, 28), D(2022, 12, 28), "day"),  # the only Wednesday inside
        ("today", D(2022, 12, 22), D(2022, 12, 31), "window"),
        ("yesterday", D(2022, 12, 21), D(2022, 12, 30), "window"),
        ("next month", D(2023, 1, 1), D(2023, 1, 31), "month"),
        ("mid-September", D(2022, 9, 10), D(2022, 9, 20), "window"),
        ("in February", D(2022, 2, 1), D(2022, 2, 28), "month"),
        ("December 21", D(2022, 12, 21), D(2022, 12, 21), "day"),
    ],
)
def test_dates_resolve_against_a_window(phrase: str, start: dt.date, end: dt.date, precision: str) -> None:
    when = resolve(phrase, WINDOW)
    assert span(when) == (start, end, precision)
    assert when is not None and when.confidence == WINDOW.confidence  # no surer than the anchor


def test_dates_an_explicit_year_is_sure_whatever_the_anchor() -> None:
    assert resolve("15 December 2021", WINDOW) == resolve("15 December 2021", None)
    assert resolve("15 December 2021", WINDOW).confidence == 1.0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "phrase", ["on Friday", "today", "last week", "mid-September", "in February", "December 21"]
)
def test_dates_relative_expressions_need_an_anchor(phrase: str) -> None:
    assert resolve(phrase, None) is None


@pytest.mark.parametrize(
    "phrase", ["31 September 2021", "September 31", "February 30", "2021-02-29", "2021-13-01", "0 May 2021"]
)
def test_dates_impossible_dates_resolve_to_none(phrase: str) -> None:
    (found,) = find_times(phrase, DAY)
    assert found.when is None


def test_dates_when_day_is_set_only_for_a_single_day() -> None:
    assert resolve("today", DAY).day == D(2021, 12, 15)  # type: ignore[union-attr]
    assert resolve("last week", DAY).day is None  # type: ignore[union-attr]


# -- finding expressions in running text ------------------------------------------------------------


def test_dates_find_times_reports_offsets_in_the_text() -> None:
    text = "Xi met Putin on Friday and will visit Moscow in February."
    found = find_times(text, DAY)
    assert [(text[t.start : t.end], t.kind) for t in found] == [
        ("on Friday", "weekday"),
        ("in February", "in_month"),
    ]


def test_dates_a_full_date_is_found_once_not_also_as_its_parts() -> None:
    found = find_times("Beijing, 15 December 2021 (TDI): talks", DAY)
    assert [t.kind for t in found] == ["day_month_year"]


def test_dates_find_times_looks_only_inside_the_range() -> None:
    text = "On Monday they met. On Friday they spoke."
    found = find_times(text, DAY, start=20)
    assert [text[t.start : t.end] for t in found] == ["On Friday"]


def test_dates_find_times_ahead_carries_the_future_reading_too() -> None:
    friday = When(dt.date(2021, 11, 12), dt.date(2021, 11, 12), "day", "publication date")
    (monday,) = find_times("talks on Monday", friday, ahead=True)
    assert (monday.when.day, monday.ahead.day) == (dt.date(2021, 11, 8), dt.date(2021, 11, 15))
    (plain,) = find_times("talks on Monday", friday)
    assert plain.ahead is None


def test_dates_no_time_expression_finds_nothing() -> None:
    assert find_times("The two leaders discussed trade.", DAY) == []


# -- the anchor of an article ---------------------------------------------------------------------


def test_dates_anchor_of_the_undated_first_seed_is_late_december_2022() -> None:
    article = next(a for a in read_articles(SEEDS) if a.id.startswith("000_"))
    anchor = article_anchor(article.published, article.text)
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.precision) == (D(2022, 12, 22), D(2022, 12, 31), "window")
    assert "2022" in anchor.reason
    assert anchor.confidence < 1.0


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Both sides looked back on 2019 and 2021.", D(2021, 1, 1), D(2021, 12, 31)),  # the latest year
        ("In 2020 they agreed to meet at the end of this year.", D(2020, 12, 1), D(2020, 12, 31)),
        (
            "In 2020 at the end of the year it came after talks on December 21.",
            D(2020, 12, 22),
            D(2020, 12, 31),
        ),
    ],
)
def test_dates_infer_anchor_narrows_the_window(text: str, start: dt.date, end: dt.date) -> None:
    anchor = infer_anchor(text)
    assert anchor is not None and (anchor.start, anchor.end) == (start, end)


def test_dates_a_text_without_years_has_no_anchor() -> None:
    assert infer_anchor("Xi Jinping met Vladimir Putin on Friday at the end of this year.") is None
    assert article_anchor(None, "Xi met Putin on Friday.") is None


def test_dates_publication_date_beats_what_the_text_says() -> None:
    anchor = article_anchor(D(2021, 12, 15), "In 2030 they will meet again.")
    assert anchor == When(D(2021, 12, 15), D(2021, 12, 15), "day", "publication date", 1.0)


@pytest.mark.parametrize(
    ("dateline", "day"),
    [
        ("WASHINGTON, April 8", D(1987, 4, 8)),  # filed the day before it was published: "today" is the 8th
        ("TOKYO, April 9 (Reuters)", D(1987, 4, 9)),
        ("PARIS, March 2", D(1987, 4, 9)),  # more than a week before: not this story's filing day
        ("LONDON", D(1987, 4, 9)),
        (None, D(1987, 4, 9)),
    ],
)
def test_dates_a_wire_storys_dateline_is_its_today(dateline: str | None, day: dt.date) -> None:
    anchor = article_anchor(D(1987, 4, 9), "At a news conference after today's meeting.", dateline)
    assert anchor is not None and (anchor.start, anchor.end) == (day, day)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Zapatero welcomes Chirac to a summit meeting Monday.", D(2021, 12, 13)),  # the wire's bare weekday
        ("Monday's talks went well.", D(2021, 12, 13)),
        ("They met on Good Friday.", None),  # a holiday's name, not a weekday
        ("The visit was confirmed, the Blue House announced Tuesday.", None),  # when it was said
    ],
)
def test_dates_a_bare_weekday_is_on_that_day(text: str, day: dt.date | None) -> None:
    found = [t.when.day for t in find_times(text, DAY) if t.when]
    assert found == ([day] if day else [])


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("later this year", D(2021, 12, 15), D(2021, 12, 31)),  # from today, not from January
        ("earlier this month", D(2021, 12, 1), D(2021, 12, 15)),
        ("next weekend", D(2021, 12, 25), D(2021, 12, 26)),  # its Saturday and Sunday
        ("this weekend", D(2021, 12, 18), D(2021, 12, 19)),
    ],
)
def test_dates_part_of_a_period_around_today(text: str, start: dt.date, end: dt.date) -> None:
    (found,) = find_times(text, DAY)
    assert found.when is not None and (found.when.start, found.when.end) == (start, end)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("the July", D(2021, 7, 1), D(2021, 7, 31)),  # "the July summit": the last July
        ("last October's", D(2021, 10, 1), D(2021, 10, 31)),
        ("Lee's November", D(2021, 11, 1), D(2021, 11, 30)),  # "Lee's November summit with Xi"
        ("November, 1985", D(1985, 11, 1), D(1985, 11, 30)),  # a comma before the year
        ("weekend", D(2021, 12, 11), D(2021, 12, 12)),  # "a brief weekend visit": the last Saturday, Sunday
    ],
)
def test_dates_a_month_as_a_modifier_and_a_bare_weekend(phrase: str, start: dt.date, end: dt.date) -> None:
    assert span(resolve(phrase, DAY))[:2] == (start, end)  # type: ignore[index]


def test_dates_a_bare_weekend_ahead_is_the_next_one() -> None:
    (found,) = find_times("they will meet at the weekend", DAY, ahead=True)
    assert found.ahead is not None and (found.ahead.start, found.ahead.end) == (
        D(2021, 12, 18),
        D(2021, 12, 19),
    )


def test_dates_the_may_and_the_march_are_no_months() -> None:
    assert find_times("the march on the capital, as the may queen", DAY) == []


def test_dates_a_wire_dateline_at_the_head_of_a_line_is_no_event_time() -> None:
    text = "ABIDJAN, June 29 - The minister paid a visit on Friday."
    assert [found.kind for found in find_times(text, DAY)] == ["weekday"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("two days ago", (D(2021, 12, 13), D(2021, 12, 13))),
        ("a week ago", (D(2021, 12, 6), D(2021, 12, 12))),  # that week, Monday to Sunday
        ("three months ago", (D(2021, 9, 1), D(2021, 9, 30))),
        ("my visit to China a year ago", (D(2020, 11, 1), D(2021, 1, 31))),  # a month either side
        ("two years ago", (D(2019, 1, 1), D(2019, 12, 31))),
        ("A year ago today, I hosted the summit", (D(2020, 12, 15), D(2020, 12, 15))),
    ],
)
def test_dates_so_long_ago_counts_back_from_the_article(text: str, span: tuple[dt.date, dt.date]) -> None:
    (found,) = find_times(text, DAY)
    assert found.when is not None and (found.when.start, found.when.end) == span


@pytest.mark.parametrize("text", ["more than a year ago", "a little over 75 years ago", "30 years ago"])
def test_dates_long_or_open_ago_is_no_time_of_a_meeting(text: str) -> None:
    assert all(found.when is None for found in find_times(text, DAY))
