"""Dates: explicit and relative time expressions resolved against the article's date.

An article's *anchor* is its publication date, or, when it has none, the window its text allows
(explicit years, "the end of this year", "came after ... on December 21"), with a confidence.
Expressions resolve to a :class:`When`: a day, or a window with its precision.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kg.extract.casing import lowered

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# The wire's bare weekday, "met Monday" (not after the words of NOT_A_WEEKDAY, checked in find_times).
BARE_WEEKDAY = re.compile(r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# Written in lowercase and run on the lowercased text (``casing.lowered``): case-blind, and fast.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day_range", re.compile(rf"\b(?:from\s+)?(?:the\s+)?{_DAY}\s*(?:-|–|to|and)\s*(?:the\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("month_day_range", re.compile(rf"\b{_MONTH}\s+{_DAY}\s*(?:-|–|to|and)\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("month_day_year", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*(?:19|20)\d\d)")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s*(?:19|20)\d\d)")),
    ("part_month", re.compile(rf"\b(?P<part>early|mid|late|end of|beginning of)[- ]{_MONTH}(?:\s+{_YEAR})?\b")),
    ("month_year", re.compile(rf"\b(?:in\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("in_month", re.compile(rf"\bin\s+{_MONTH}\b(?!\s+[0-3]?\d)")),
    # A month named before what happened in it: "the July APEC meeting", "last October's summit",
    # "Lee's November summit" (not the ambiguous "the may", "the march", nor abbreviations).
    ("month_modifier", re.compile(r"\b(?:the|last|this|[a-z]++['’]s)\s+(?P<month>january|february|april|june|july|august|september|october|november|december)(?:['’]s)?\b(?!\s+[0-3]?\d)(?!,?\s*(?:19|20)\d\d)")),
    ("part_year", re.compile(rf"\b(?:the\s+)?(?P<yearpart>early|mid|late|end of|beginning of|start of|first half of|second half of|(?:first|second|third|fourth) quarter of)[- ](?:the year\s+)?{_YEAR}\b")),
    ("part_this_year", re.compile(r"\b(?:the\s+)?(?P<yearpart>early|mid|late|end of|beginning of|start of|first half of|second half of|(?:first|second|third|fourth) quarter of)[- ](?P<relyear>this|next|last) year\b")),
    ("coming", re.compile(r"\bin (?:the )?(?:coming|next few) (?P<coming>weeks|months|year)\b")),
    ("year", re.compile(r"\b(?:in|during) (?P<year>(?:19|20)\d\d)\b(?!\s*[-–/])")),
    # "my visit to China a year ago", "two weeks ago": that day, week or month before the anchor
    # ("more than a year ago" is any time before it: no window; "a year ago today" is that day)
    ("ago", re.compile(r"\b(?P<more>(?:a little )?(?:more than|over|at least) )?(?P<count>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (?P<ago>day|week|month|year)s? ago(?P<today> today)?\b")),
    ("weekday", re.compile(r"\b(?:on|last|this|next|for|and)\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")),
    ("weekday", BARE_WEEKDAY),
    ("relative_day", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|tonight|earlier today|this morning|this afternoon|this evening)\b")),
    ("relative_period", re.compile(r"\b(?P<rel>last|next|this|earlier this|later this)\s+(?P<unit>weekend|week|month|year)\b")),
    # "paid a brief weekend visit", "met over the weekend": the last weekend (the next, ahead)
    ("weekend", re.compile(r"\b(?P<weekend>weekend)\b(?!s)")),
]  # fmt: skip

# What each pattern cannot match without (in its span of lowercased text): one quick search of a
# sentence for each of these saves running the patterns that cannot match there, most of them.
# A pattern not listed is always run.
_MONTH_WORD = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")
_WEEKDAY_WORD = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_PERIOD_WORD = re.compile(r"week|month|year")
_DAY_WORD = re.compile(r"today|yesterday|tomorrow|tonight|morning|afternoon|evening")
_AGO_WORD = re.compile(r" ago\b")
_NEEDS: dict[str, re.Pattern[str]] = {
    **dict.fromkeys(("iso", "part_year", "year"), _YEAR_DIGITS),
    **dict.fromkeys(
        (
            "day_range",
            "month_day_range",
            "day_month_year",
            "month_day_year",
            "month_day",
            "day_month",
            "part_month",
            "month_year",
            "in_month",
            "month_modifier",
        ),
        _MONTH_WORD,
    ),
    "weekday": _WEEKDAY_WORD,
    "ago": _AGO_WORD,
    "relative_day": _DAY_WORD,
    **dict.fromkeys(("relative_period", "weekend", "part_this_year", "coming"), _PERIOD_WORD),
}

# Words before a bare weekday that make it a name or the time of a report, not of an event.
NOT_A_WEEKDAY = re.compile(
    r"\b(?:good|black|super|cyber|holy|ash|easter|bloody|said|says|announced|added|stated|reported|confirmed) $"
)
# What follows the date of a dateline that runs into the text: "SEOUL, Jan. 2 (Yonhap) -- President ...".
DATELINE_TAIL = re.compile(r"\s*\([a-z][\w .&'-]{0,30}\)\s*(?:--|-|–|—)")
# A wire dateline at the head of a line: "ABIDJAN, June 29 - IMF Managing Director ..." (the place in
# capitals before it, a dash after it): when the story was filed, not when its events happened.
DATELINE_HEAD = re.compile(r"(?:^|\n)[A-Z][A-Z .'-]*,\s*$")
DATELINE_DASH = re.compile(r"\s*(?:--|-|–|—)\s")


@dataclass(frozen=True, slots=True)
class When:
    """A resolved time: ``start == end`` for a known day; a window otherwise."""

    start: dt.date
    end: dt.date
    precision: str  # notation in the ontology's DatePrecisionScheme: day, week, month, year, window
    reason: str
    confidence: float = 1.0

    @property
    def day(self) -> dt.date | None:
        """The day, if known."""
        return self.start if self.start == self.end else None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in text, and what it resolves to."""

    start: int
    end: int
    kind: str
    when: When | None
    ahead: When | None = None  # what it resolves to read as the future (``find_times(ahead=True)``)


def month_window(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def find_times(
    text: str,
    anchor: When | None,
    *,
    start: int = 0,
    end: int | None = None,
    future: bool = False,
    ahead: bool = False,
) -> list[TimeExpression]:
    """Time expressions in ``text[start:end]``, resolved against ``anchor``; overlapping ones dropped.

    With ``future`` (the text speaks of what will happen), a weekday or a month named without a
    year is the next one on or after the anchor rather than the last one before it. With
    ``ahead``, each expression also carries that future reading (``TimeExpression.ahead``), for a
    caller that decides clause by clause which reading holds.
    """
    end = len(text) if end is None else end
    low = lowered(text)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    present: dict[re.Pattern[str], bool] = {}
    for kind, pattern in PATTERNS:
        need = _NEEDS.get(kind)
        if need is not None:
            if need not in present:
                present[need] = need.search(low, start, end) is not None
            if not present[need]:
                continue
        for match in pattern.finditer(low, start, end):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            if pattern is BARE_WEEKDAY and NOT_A_WEEKDAY.search(
                low, max(0, match.start() - 12), match.start()
            ):
                continue  # "Good Friday", "Super Tuesday"; "announced Tuesday" is when it was said
            if DATELINE_TAIL.match(low, match.end()) or (
                DATELINE_DASH.match(low, match.end())
                and DATELINE_HEAD.search(text, max(0, match.start() - 40), match.start())
            ):
                continue  # "SEOUL, Jan. 2 (Yonhap) --" inside the text: when it was filed, not an event
            written = text[match.start() : match.end()]
            when = _resolve(kind, match, written, anchor, future)
            later = _resolve(kind, match, written, anchor, True) if ahead else None
            found.append(TimeExpression(match.start(), match.end(), kind, when, later))
    return sorted(found, key=lambda t: t.start)


def _resolve(
    kind: str, match: re.Match[str], written: str, anchor: When | None, future: bool = False
) -> When | None:
    """What a match (on the lowercased text) means; ``written`` is its text as written, for the reason."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    quoted = f"'{written}'"
    try:
        if "weekend" in groups:
            return _weekend(anchor, quoted, future)
        if "ago" in groups:
            return (
                None
                if "more" in groups
                else _ago(groups["count"], groups["ago"], anchor, quoted, "today" in groups)
            )
        if "coming" in groups:
            return _coming(groups["coming"].lower(), anchor, quoted)
        if "yearpart" in groups:
            if "relyear" in groups and anchor is None:
                return None
            if "relyear" in groups:
                year = anchor.end.year + {"next": 1, "last": -1}.get(groups["relyear"], 0)  # type: ignore[union-attr]
            else:
                year = int(groups["year"])
            first, last = _part_of_year(groups["yearpart"], year)
            confidence = anchor.confidence if "relyear" in groups and anchor else 1.0
            return When(first, last, "window", quoted, confidence)
        if "weekday" in groups or "rel" in groups:
            return _relative(groups, match.group().lower(), anchor, quoted, future)
        if "month" not in groups:  # a year alone
            year = int(groups["year"])
            return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", quoted)
        month = (
            int(groups["month"]) if groups["month"].isdigit() else MONTHS[groups["month"].lower().rstrip(".")]
        )
        year = int(groups["year"]) if "year" in groups else _year_for(month, anchor, future)
        if year is None:
            return None
        if "day2" in groups:
            first_day, last_day = (
                dt.date(year, month, int(groups["day"])),
                dt.date(year, month, int(groups["day2"])),
            )
            if last_day < first_day:
                return None
            return When(
                first_day, last_day, "window", quoted, 1.0 if "year" in groups else _confidence(anchor)
            )
        if "day" in groups:
            day = dt.date(year, month, int(groups["day"]))
            return When(day, day, "day", quoted, 1.0 if "year" in groups else _confidence(anchor))
        first, last = month_window(year, month)
        if "part" in groups:
            first, last = _part_of_month(groups["part"].lower(), first, last)
            return When(first, last, "window", quoted, _confidence(anchor) if "year" not in groups else 1.0)
        return When(first, last, "month", quoted, 1.0 if "year" in groups else _confidence(anchor))
    except ValueError:  # a day that does not exist, e.g. 31 September
        return None


_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip


def _ago(count: str, unit: str, anchor: When | None, reason: str, today: bool = False) -> When | None:
    """ "Two days ago" is that day; "a week ago" that week (Monday to Sunday); "three months ago"
    that month; "a year ago" that month and the ones either side; "five years ago" that year;
    "a year ago today" that day: counted back from a dated article, no surer than the words."""
    if anchor is None or anchor.precision != "day":
        return None
    n, day = int(count) if count.isdigit() else _COUNTS[count], anchor.end
    if unit == "year" and n > 5:
        return None  # "75 years ago, President Truman said": history, not the time of a meeting
    if today and unit in ("year", "month"):  # "a year ago today": that very day
        months = day.year * 12 + day.month - 1 - (12 * n if unit == "year" else n)
        try:
            then = day.replace(year=months // 12, month=months % 12 + 1)
        except ValueError:  # 29 February, 31 March: no such day then
            return None
        return When(then, then, "day", reason, anchor.confidence)
    if unit == "day":
        then = day - dt.timedelta(days=n)
        return When(then, then, "day", reason, anchor.confidence)
    if unit == "week":
        monday = day - dt.timedelta(days=7 * n + day.weekday())
        return When(monday, monday + dt.timedelta(days=6), "week", reason, anchor.confidence)
    if unit == "year" and n > 1:
        year = day.year - n
        return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", reason, anchor.confidence)
    back = 12 if unit == "year" else n
    months = day.year * 12 + day.month - 1 - back
    first, last = month_window(months // 12, months % 12 + 1)
    if unit == "year":  # about a year: a month either side
        first = month_window((months - 1) // 12, (months - 1) % 12 + 1)[0]
        last = month_window((months + 1) // 12, (months + 1) % 12 + 1)[1]
        return When(first, last, "window", reason, anchor.confidence)
    return When(first, last, "month", reason, anchor.confidence)


def _coming(unit: str, anchor: When | None, reason: str) -> When | None:
    """ "In the coming weeks" is the two months after the anchor; "in the coming months", six;
    "in the coming year", twelve."""
    if anchor is None:
        return None
    days = {"weeks": 61, "months": 183}.get(unit, 366)
    start = anchor.end + dt.timedelta(days=1)
    return When(start, anchor.end + dt.timedelta(days=days), "window", reason, anchor.confidence)


# Months of each part of a year: "early 2006" is January to April, "the third quarter of 2022" July
# to September.
_YEAR_PARTS = {
    "early": (1, 4), "beginning of": (1, 3), "start of": (1, 3), "mid": (5, 8), "late": (9, 12),
    "end of": (10, 12), "first half of": (1, 6), "second half of": (7, 12), "first quarter of": (1, 3),
    "second quarter of": (4, 6), "third quarter of": (7, 9), "fourth quarter of": (10, 12),
}  # fmt: skip


def _part_of_year(part: str, year: int) -> tuple[dt.date, dt.date]:
    first, last = _YEAR_PARTS[part]
    return month_window(year, first)[0], month_window(year, last)[1]


def _part_of_month(part: str, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
    if part == "early" or part == "beginning of":
        return first, first.replace(day=10)
    if part == "mid":
        return first.replace(day=10), first.replace(day=20)
    return first.replace(day=20), last


def _year_for(month: int, anchor: When | None, future: bool = False) -> int | None:
    """The year of a month named without one: the latest not after the anchor (the next in the future)."""
    if anchor is None:
        return None
    if future:
        return anchor.start.year if month >= anchor.start.month else anchor.start.year + 1
    return anchor.end.year if month <= anchor.end.month else anchor.end.year - 1


def _confidence(anchor: When | None) -> float:
    return 1.0 if anchor is None else anchor.confidence


def _relative(
    groups: dict[str, str], text: str, anchor: When | None, quoted: str, future: bool = False
) -> When | None:
    if anchor is None:
        return None
    if "weekday" in groups:
        word = text.split()[0]
        if word in WEEKDAYS:  # "met Monday" reads as "on Monday"
            word = "on"
        if future and word in ("on", "this", "for", "and"):
            word = "coming"
        return _weekday(WEEKDAYS[groups["weekday"].lower()], word, anchor, quoted)
    rel, unit = groups["rel"].lower(), groups.get("unit")
    if unit is None:
        offset = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
        return _shift(anchor, dt.timedelta(days=offset), quoted, "day")
    step = {"last": -1, "next": 1}.get(rel, 0)
    period = _period(unit, step, anchor, quoted)
    if anchor.precision == "day" and rel in (
        "later this",
        "earlier this",
    ):  # the part after, or before, today
        start, end = (anchor.start, period.end) if rel == "later this" else (period.start, anchor.end)
        return When(start, end, "window", quoted, anchor.confidence)
    return period


def _weekend(anchor: When | None, reason: str, future: bool) -> When | None:
    """The Saturday and Sunday of a bare "weekend": the last one up to the anchor, or the next one."""
    if anchor is None:
        return None
    if future:
        saturday = anchor.start + dt.timedelta(days=(5 - anchor.start.weekday()) % 7)
    else:
        saturday = anchor.end - dt.timedelta(days=(anchor.end.weekday() - 5) % 7)
    return When(saturday, saturday + dt.timedelta(days=1), "window", reason, anchor.confidence)


def _shift(anchor: When, delta: dt.timedelta, reason: str, precision: str) -> When:
    start, end = anchor.start + delta, anchor.end + delta
    return When(start, end, precision if start == end else "window", reason, anchor.confidence)


def _weekday(weekday: int, word: str, anchor: When, reason: str) -> When:
    """The weekday nearest the anchor: on or before it for 'on'/'last', after it for 'next' and 'coming'."""
    if word in ("for", "and"):
        word = "on"
    if word in ("coming", "next"):  # the first such day after the anchor
        start = anchor.start + dt.timedelta(days=(weekday - anchor.start.weekday() - 1) % 7 + 1)
        end = anchor.end + dt.timedelta(days=(weekday - anchor.end.weekday() - 1) % 7 + 1)
    else:
        start = anchor.start - dt.timedelta(days=(anchor.start.weekday() - weekday) % 7)
        end = anchor.end - dt.timedelta(days=(anchor.end.weekday() - weekday) % 7)
        if start < anchor.start:  # with a window anchor, keep the weekday inside the window
            start += dt.timedelta(days=7)
    if start > end:
        start = end
    return When(start, end, "day" if start == end else "window", reason, anchor.confidence)


def _period(unit: str, step: int, anchor: When, reason: str) -> When:
    day = anchor.end
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=step)
        if unit == "weekend":  # its Saturday and Sunday
            return When(
                monday + dt.timedelta(days=5),
                monday + dt.timedelta(days=6),
                "window",
                reason,
                anchor.confidence,
            )
        return When(monday, monday + dt.timedelta(days=6), "week", reason, anchor.confidence)
    if unit == "month":
        month_index = day.year * 12 + day.month - 1 + step
        first, last = month_window(month_index // 12, month_index % 12 + 1)
        return When(first, last, "month", reason, anchor.confidence)
    year = day.year + step
    return When(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", reason, anchor.confidence)


# -- the anchor of an article without a publication date ---------------------------------------

# A year the text is written in, not a target ("by 2030", "until 2035") or a span's end.
_YEAR_MENTION = re.compile(r"(?<!\bby )(?<!\buntil )(?<!\bthrough )(?<!\bbefore )(?<!-)\b((?:19|20)\d\d)\b")
_END_OF_YEAR = re.compile(r"\b(?:the )?end of (?:this|the) year\b", re.I)
_AFTER = re.compile(r"\b(?:came|comes|took place|was held|follows|followed)\s+(?:\w+\s+){0,2}after\b", re.I)


def infer_anchor(text: str) -> When | None:
    """The window an undated text was most likely written in, or ``None`` if it gives no year.

    The latest explicit year bounds it; "the end of this year" narrows it to December; a
    "came after ... <day>" clause puts its start after that day.

    >>> infer_anchor("in the 2022 Winter Olympics ... at the end of this year").end
    datetime.date(2022, 12, 31)
    """
    years = [int(y) for y in _YEAR_MENTION.findall(text)]
    if not years:
        return None
    year = max(years)
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    reasons = [f"latest year named in the text is {year}"]
    if _END_OF_YEAR.search(text):
        start = dt.date(year, 12, 1)
        reasons.append("'the end of this year'")
    for match in _AFTER.finditer(text):
        sentence_end = text.find(".", match.end())
        window = When(start, end, "window", "", 0.5)
        for found in find_times(
            text, window, start=match.end(), end=sentence_end if sentence_end > 0 else None
        ):
            if found.when and found.when.day and start <= found.when.day < end:
                start = found.when.day + dt.timedelta(days=1)
                reasons.append(f"came after {found.when.day.isoformat()}")
    return When(start, end, "window", "; ".join(reasons), 0.6)


DATELINE_LAG = dt.timedelta(days=7)  # how long before its publication a wire story may be filed


def article_anchor(published: dt.date | None, text: str, dateline: str | None = None) -> When | None:
    """The anchor of an article: the day of its dateline ("WASHINGTON, April 8 -") when that falls
    in the week up to its publication, for "today" in the story is the day it was filed; else its
    publication day; else the window inferred from its text.

    >>> article_anchor(dt.date(1987, 4, 9), "", "WASHINGTON, April 8").start
    datetime.date(1987, 4, 8)
    """
    if published is None:
        return infer_anchor(text)
    day = When(published, published, "day", "publication date")
    if not dateline:
        return day
    for found in find_times(dateline, day):
        filed = found.when.day if found.when else None
        if filed is not None and published - DATELINE_LAG <= filed <= published:
            return When(filed, filed, "day", f"dateline '{dateline}'")
    return day
