"""Clauses of a meeting sentence: where each begins, its time, and whether it is past or planned.

A sentence is cut into clauses at its time expressions ("met in mid-September and in February,
when ..." is two); each clause's time is resolved against the reading anchor (the article's date,
or its publisher's period), forward when the clause speaks of the future. A clause's *tense* is
"planned" when a future cue governs one of its meeting cues ("will hold talks"), "occurred" when a
perfect does ("has met").
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.base import Doc, Sentence
from kg.extract.casing import case_blind
from kg.extract.dates import TimeExpression, When, find_times
from kg.extract.publishers import Publisher

# Lowercase alternatives without re.I: found in one pass over the lowercased text (``_Hits``),
# which runs several times faster than a case-blind search of every sentence.
MEETING_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|talk|summit|summits|visit|visits|visited|visiting|call|called|calls|"
    r"spoke|conversation|host|hosts|hosted|hosting|welcome|welcomed|welcomes|welcoming|received|attend|attends|attended|conference|"
    r"travel|travels|travelled|traveled|trip|discuss|discussed|discusses|discussions|convened|convene|convenes)\b"
)
ANY_MEETING_CUE = re.compile(MEETING_CUE.pattern, re.I)  # the same, for a search of a span as written
FUTURE = re.compile(
    r"\b(?:upcoming|forthcoming|will|would|shall|['’]ll|to visit|to meet|to attend|to travel|to host|"
    r"plans? to|to (?:make|pay) (?:an? )?(?:[\w-]+ ){0,3}visit|to hold (?:\w+ )?talks|"
    r"planning|is expected to|are expected to|scheduled|is due to|are due to|is set to|are set to|"
    r"look(?:s|ing)? forward to|agreed to meet|later this|next (?:week|month|year)|in the coming|expects?)\b",
    re.I,
)
PAST_VERB = re.compile(r"\b(?:met|visited|held|hosted|attended|spoke|talked|was|were|had)\b", re.I)
PERFECT = re.compile(r"\b(?:has|have|had) (?:\w+ )?(?:met|visited|held|spoken|hosted|attended|had)\b", re.I)
# A headline's infinitive is its future tense: "Lee, Xi to discuss peace at Monday summit", "Modi to
# hold talks with Biden" (in a sentence of the body, "met to discuss" is a purpose, not a plan).
HEADLINE_FUTURE = re.compile(r"\bto (?:discuss|hold|talk|tour|join|sign|co-host|chair|call)\b", re.I)
# Where one clause ends and the next begins, between two time expressions of a sentence.
CLAUSE_BREAK = re.compile(r",|;|\band\b|\bbut\b|\bwhile\b|\bwhen\b|\bafter\b|\bbefore\b|\bthen\b")
# The case-blind patterns above are searched as lowercase twins on the lowercased text.
ANY_MEETING_CUE, FUTURE, PAST_VERB, HEADLINE_FUTURE = map(
    case_blind, (ANY_MEETING_CUE, FUTURE, PAST_VERB, HEADLINE_FUTURE)
)


def reading_anchor(doc: Doc, publisher: Publisher | None) -> When | None:
    """What relative dates resolve against: the article's date, else the window its text allows
    if that falls in its publisher's period, else that period."""
    period = publisher.anchor() if publisher is not None else None
    if doc.anchor is None or doc.anchor.precision == "day" or period is None:
        return doc.anchor or period
    inside = period.start <= doc.anchor.start and doc.anchor.end <= period.end
    return doc.anchor if inside else period


def split_clauses(
    text: str, sentence: Sentence, anchor: When | None, *, headline: bool = False
) -> list[tuple[int, int, TimeExpression | None]]:
    """A sentence cut into clauses, each with its time: "met in mid-September and in February,
    when ..." is two; "talks scheduled for Thursday and Friday" is one, from Thursday to Friday.
    A ``headline`` speaks of the future in the infinitive too ("to discuss ... at Monday summit")."""
    future = tense(text, sentence.start, sentence.end, headline=headline) == "planned"
    ahead = _future_cue(text, sentence.start, sentence.end, headline)
    found = find_times(text, anchor, start=sentence.start, end=sentence.end, ahead=ahead)
    times = [t for t in found if t.when]
    if times and ahead:
        times = [
            replace(t, when=t.ahead) if t.ahead and _reads_forward(text, sentence, t, future) else t
            for t in times
        ]
    clauses: list[list] = [[sentence.start, sentence.end, times[0] if times else None]]
    for previous, time in zip(times, times[1:], strict=False):
        gap = text[previous.end : time.start]
        breaks = list(CLAUSE_BREAK.finditer(gap))
        joined = not gap.strip(" ,") or (
            gap.strip(" ,") in ("and", "to", "-", "–") and _consecutive(previous, time)
        )
        if breaks and not joined:
            cut = previous.end + breaks[-1].start()
            clauses[-1][1] = cut
            clauses.append([cut, sentence.end, time])
        elif joined and clauses[-1][2] is not None:
            clauses[-1][2] = _span(clauses[-1][2], time)
    return [(start, end, time) for start, end, time in clauses]


def _reads_forward(text: str, sentence: Sentence, time: TimeExpression, future: bool) -> bool:
    """Whether a time expression is in the future: its clause says so ("This Sunday I will travel"),
    or says nothing and the sentence speaks of the future; "after they met ... in early November" is past."""
    start, end = sentence.start, sentence.end
    for found in CLAUSE_BREAK.finditer(text, sentence.start, time.start):
        start = found.end()
    after = CLAUSE_BREAK.search(text, time.end, sentence.end)
    if after:
        end = after.start()
    if FUTURE.search(text, start, end):
        return True
    return future and not PAST_VERB.search(text, start, end)


def _consecutive(first: TimeExpression, second: TimeExpression) -> bool:
    """Whether two days are a few days apart: "Thursday and Friday" is one span, "in September
    and in February" two times."""
    a, b = first.when, second.when
    return bool(a and b and a.day and b.day and abs((b.day - a.day).days) <= 7)


def _span(first: TimeExpression, second: TimeExpression) -> TimeExpression:
    """Two adjacent time expressions as one: "on Friday November 14", "Thursday and Friday"."""
    a, b = first.when, second.when
    if a is None or b is None:
        return first if b is None else second
    if a.start == b.start and a.end == b.end:
        return TimeExpression(first.start, second.end, first.kind, a)
    if a.start <= b.start and b.end <= a.end or b.start <= a.start and a.end <= b.end:
        narrow = a if a.end - a.start <= b.end - b.start else b  # "in June this year": June
        return TimeExpression(first.start, second.end, first.kind, narrow)
    if a.day and b.day and "weekday" in (first.kind, second.kind) and first.kind != second.kind:
        explicit = second if first.kind == "weekday" else first  # "on Friday November 14": the date
        return TimeExpression(first.start, second.end, explicit.kind, explicit.when)
    start, end = min(a.start, b.start), max(a.end, b.end)
    reason = f"{a.reason} to {b.reason}"
    when = When(start, end, "day" if start == end else "window", reason, min(a.confidence, b.confidence))
    return TimeExpression(first.start, second.end, first.kind, when)


def clause_status(
    text: str, start: int, end: int, when: When | None, anchor: When | None, *, headline: bool = False
) -> str | None:
    """Planned or occurred, from the date against the article's (when it is a day) or the tense."""
    if when is not None and anchor is not None and anchor.precision == "day":
        if when.start > anchor.end:
            return "planned"
        if when.end < anchor.start:
            return "occurred"
    return tense(text, start, end, headline=headline)


@lru_cache(maxsize=64)  # a sentence of one clause is read as the sentence and as the clause
def tense(text: str, start: int, end: int, *, headline: bool = False) -> str | None:
    """ "planned" if a future cue governs a meeting cue of ``text[start:end]`` ("will hold talks",
    "the upcoming visit", "is scheduled to have a luncheon meeting"; in a ``headline``, "to
    discuss"), "occurred" if a perfect does ("has met"), else ``None``."""
    for cue in ANY_MEETING_CUE.finditer(text, start, end):
        window = text[max(start, cue.start() - 60) : min(end, cue.end() + 30)]
        if PERFECT.search(window):
            return "occurred"
        if FUTURE.search(window) or (headline and HEADLINE_FUTURE.search(window)):
            return "planned"
    return None


def _future_cue(text: str, start: int, end: int, headline: bool) -> bool:
    """Whether ``text[start:end]`` says anything of the future (a headline in its own way)."""
    if FUTURE.search(text, start, end) is not None:
        return True
    return headline and HEADLINE_FUTURE.search(text, start, end) is not None
