"""Meetings: calls, video calls, visits and talks between named people, dated and placed.

A first version (issue 2). Each sentence with a meeting cue is cut into clauses at its time
expressions ("met in mid-September and in February, when ..." is two meetings). A clause names
its participants directly or as "the two leaders"; it joins the first earlier meeting it is
compatible with (same people, overlapping dates, same medium and status where both say), or
starts a new one if it names at least two people or a relation ("meeting with X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, EventRecord, Evidence, Record, Sentence
from kg.extract.dates import When, find_times

MEDIUM_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("video", re.compile(r"\bvideo[- ]?(?:link|call|conference|summit|meeting|chat)|\bvia video\b|\bby video\b|"
                         r"\bvirtual(?:ly)?\b|\bvideoconference\b|\bonline (?:meeting|summit|talks)\b", re.I)),
    ("phone", re.compile(r"\b(?:tele)?phone(?: call| conversation| talks)?\b|\bspoke (?:by phone )?with\b|"
                         r"\bcall(?:ed)? with\b|\bcalled\b", re.I)),
    ("in_person", re.compile(r"\bface[- ]to[- ]face\b|\bin[- ]person\b|\bvisit(?:s|ed|ing)?\b|\battend(?:s|ed)?\b|"
                             r"\bhost(?:s|ed)?\b|\bstate visit\b", re.I)),
]  # fmt: skip
MEETING_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|summit|visit|visits|visited|call|called|video link|conversation)\b",
    re.I,
)
RELATION_CUE = re.compile(
    r"\b(?:met(?: with)?|meeting with|talks with|call with|spoke (?:by phone )?with|visit by)\b", re.I
)
ANAPHORIC_PAIR = re.compile(
    r"\b(?:the two (?:leaders|presidents|heads|sides|counterparts)|both (?:leaders|sides))\b", re.I
)
PLANNED = re.compile(r"\b(?:upcoming|will (?:meet|visit|hold|travel)|to visit|plans? to|is expected to|"
                     r"scheduled to|forthcoming)\b", re.I)  # fmt: skip
ACCOMPANIED = re.compile(r"\baccompanied by\b", re.I)
SIDELINES = re.compile(r"\bsidelines? of\b", re.I)
PLACE = re.compile(r"\bin ((?:[A-Z][a-z]+)(?: [A-Z][a-z]+)?)\b")
NOT_PLACES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "The", "This", "That", "Taiwan"}  # fmt: skip
CAMEO_BY_MEDIUM = {"phone": "041", "video": "040", "in_person": "040", None: "040"}
FORMAT_BY_COUNT = {2: "bilateral", 3: "trilateral"}


@dataclass
class _Mention:
    """What one clause says about a meeting."""

    start: int
    end: int
    sentence: Sentence
    participants: set[str]
    relational: bool
    medium: str | None = None
    when: When | None = None
    status: str | None = None
    place: str | None = None
    organisation: str | None = None
    cues: list[Evidence] = field(default_factory=list)


@dataclass
class _Meeting:
    key: str
    mentions: list[_Mention]


class MeetingExtractor:
    """Finds meetings between the people the actor extractor found."""

    name: ClassVar[str] = "dipl.meetings.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Meeting", "dipl:Evidence")

    def __call__(self, doc: Doc) -> list[Record]:
        people = [e for e in doc.entities if e.type == "Person"]
        organisations = [e for e in doc.entities if e.type == "Organisation"]
        meetings: list[_Meeting] = []
        for sentence in doc.sentences:
            for mention in self._mentions(doc, sentence, people, organisations, meetings):
                self._place_mention(meetings, mention)
        return [self._record(doc, m) for m in meetings if self._is_meeting(m)]

    # -- reading clauses ---------------------------------------------------------------------

    def _mentions(
        self,
        doc: Doc,
        sentence: Sentence,
        people: list[EntityRecord],
        organisations: list[EntityRecord],
        meetings: list[_Meeting],
    ) -> list[_Mention]:
        text = doc.normalised
        body = text[sentence.start : sentence.end]
        if not MEETING_CUE.search(body) and not any(p.search(body) for _, p in MEDIUM_CUES):
            return []
        pair = self._pair(meetings) if ANAPHORIC_PAIR.search(body) else set()
        times = [t for t in find_times(text, doc.anchor, start=sentence.start, end=sentence.end) if t.when]
        bounds = [sentence.start] + [t.start for t in times[1:]] + [sentence.end]
        sentence_medium = self._medium(body)
        mentions = []
        for i, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
            clause = text[start:end]
            mention = _Mention(
                start, end, sentence,
                participants=self._people_in(people, start, end, text) | pair,
                relational=bool(RELATION_CUE.search(clause)),
                medium=self._medium(clause) or sentence_medium,
                when=times[i].when if i < len(times) else None,
                status="planned" if PLANNED.search(clause) else None,
                place=self._place(clause),
                organisation=self._organisation(organisations, start, end, text),
            )  # fmt: skip
            mention.cues = self._cues(doc, mention, times[i] if i < len(times) else None, text)
            mentions.append(mention)
        return mentions

    def _people_in(self, people: list[EntityRecord], start: int, end: int, text: str) -> set[str]:
        accompanied = ACCOMPANIED.search(text, start, end)
        found = set()
        for person in people:
            for m in person.mentions:
                if start <= m.start < end and not (accompanied and m.start > accompanied.start()):
                    found.add(person.key)
        return found

    @staticmethod
    def _pair(meetings: list[_Meeting]) -> set[str]:
        for meeting in reversed(meetings):
            people = _participants(meeting)
            if len(people) == 2:
                return people
        return set()

    @staticmethod
    def _medium(text: str) -> str | None:
        return next((medium for medium, pattern in MEDIUM_CUES if pattern.search(text)), None)

    @staticmethod
    def _place(clause: str) -> str | None:
        for match in PLACE.finditer(clause):
            if match.group(1).split()[0] not in NOT_PLACES:
                return match.group(1)
        return None

    @staticmethod
    def _organisation(organisations: list[EntityRecord], start: int, end: int, text: str) -> str | None:
        for organisation in organisations:
            for m in organisation.mentions:
                tail = text[m.end : m.end + 12].lower()
                before = text[max(start, m.start - 16) : m.start]
                if start <= m.start < end and ("summit" in tail or SIDELINES.search(before)):
                    return organisation.key
        return None

    def _cues(self, doc: Doc, mention: _Mention, time: object, text: str) -> list[Evidence]:
        index = mention.sentence.index
        cues = [Evidence(mention.sentence.start, mention.sentence.end, index, "event", "meeting cue", 0.8)]
        for medium, pattern in MEDIUM_CUES:
            found = pattern.search(text, mention.start, mention.end)
            if found and medium == mention.medium:
                reason = f"'{found.group()}' in sentence {index + 1}"
                cues.append(Evidence(found.start(), found.end(), index, "medium", reason, 0.9))
                break
        if mention.when is not None and time is not None:
            reason = f"{mention.when.reason} in sentence {index + 1} ({mention.when.precision})"
            cues.append(Evidence(time.start, time.end, index, "date", reason, mention.when.confidence))  # type: ignore[attr-defined]
        return cues

    # -- grouping clauses into meetings ------------------------------------------------------

    def _place_mention(self, meetings: list[_Meeting], mention: _Mention) -> None:
        if mention.relational and len(mention.participants) >= 2:
            target = next((m for m in meetings if self._same(m, mention, strict=True)), None)
        else:
            target = next((m for m in meetings if self._same(m, mention, strict=False)), None)
        if target is not None:
            target.mentions.append(mention)
        elif len(mention.participants) >= 2:
            meetings.append(_Meeting(f"meeting-{len(meetings) + 1}", [mention]))

    @staticmethod
    def _same(meeting: _Meeting, mention: _Mention, *, strict: bool) -> bool:
        people = _participants(meeting)
        if strict and mention.participants != people:
            return False
        if mention.participants and not mention.participants <= people:
            return False
        when, medium, status = _when(meeting), _first(meeting, "medium"), _first(meeting, "status")
        if mention.when and when and (mention.when.end < when.start or when.end < mention.when.start):
            return False
        if mention.medium and medium and mention.medium != medium:
            return False
        return not (mention.status and (status or "occurred") != mention.status)

    @staticmethod
    def _is_meeting(meeting: _Meeting) -> bool:
        return len(_participants(meeting)) >= 2

    # -- records ---------------------------------------------------------------------------

    def _record(self, doc: Doc, meeting: _Meeting) -> EventRecord:
        when = _when(meeting)
        if when is None and doc.anchor is not None and not _first(meeting, "status"):
            when = replace(doc.anchor, reason=f"article date ({doc.anchor.reason})")
        status = _first(meeting, "status") or "occurred"
        place = _first(meeting, "place")
        medium = _first(meeting, "medium") or ("in_person" if place else None)
        people = sorted(_participants(meeting))
        evidence = tuple(dict.fromkeys(e for m in meeting.mentions for e in m.cues))
        return EventRecord(
            key=meeting.key,
            kind="meeting",
            category="AGREE" if status == "planned" else "CONSULT",
            cameo="036" if status == "planned" else CAMEO_BY_MEDIUM[medium],
            evidence=evidence,
            participants=tuple(people),
            medium=medium,
            format=FORMAT_BY_COUNT.get(len(people), "multilateral"),
            organisation=_first(meeting, "organisation"),
            place=place,
            date=when.day if when else None,
            date_start=when.start if when else None,
            date_end=when.end if when else None,
            precision=when.precision if when else None,
            status=status,
        )


def _participants(meeting: _Meeting) -> set[str]:
    return set().union(
        *(m.participants for m in meeting.mentions if m.relational or len(m.participants) >= 2)
    )


def _first(meeting: _Meeting, attribute: str) -> str | None:
    return next((getattr(m, attribute) for m in meeting.mentions if getattr(m, attribute)), None)


def _when(meeting: _Meeting) -> When | None:
    return next((m.when for m in meeting.mentions if m.when), None)
