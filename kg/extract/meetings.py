"""Meetings: calls, video calls, visits, talks and summits between named people, dated and placed.

Each sentence with a meeting cue is cut into clauses at its time expressions ("met in
mid-September and in February, when ..." is two meetings). A clause says who took part (the
people it names, the author of a first-person release, "the two leaders"), how (the medium
cues of the ontology's MediumScheme), when, where, whether it happened or is planned, and in
whose frame (an organisation's summit, or "on the sidelines of" one).

Clauses become two kinds of event:

- a *gathering* (a summit, a leaders' meeting, a conference: "the G20 Leaders' Summit",
  "attend the East Asia Summit"), one multilateral meeting with every named person the text
  puts there, however many sentences mention it;
- a *meeting between people* ("met with", "held talks with", "a call with", "will host",
  "welcome ... to Canberra"): it joins the first earlier meeting it is compatible with (same
  people, overlapping dates, same medium and status where both say), or starts a new one if
  it names two people, or one and an unnamed counterpart ("talks with his Israeli counterpart").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, EventRecord, Evidence, Record, Sentence
from kg.extract.dates import When, find_times
from kg.extract.gazetteer import Gazetteer
from kg.extract.publishers import Publishers, document_author

# Grammatical medium cues the ontology's altLabels cannot spell as fixed phrases.
VERB_MEDIUM_CUES: dict[str, str] = {
    "phone": r"\bspoke(?: \w+){0,2} (?:with|to)\b|\bcall(?:ed|s)? with\b|\bcalled (?!for\b|on\b|upon\b|off\b|it\b)"
             r"|\b(?:held|hold|holds|had|have|has|made|make|received|receive|took|take) an? (?:\w+ ){0,2}call\b"
             r"|\bcall between\b|\bcalls? from\b",
    "video": r"\bvia video\b|\bvideo[- ](?:link|call|conference|summit|meeting|chat)s?\b|\bvirtual(?:ly)?\b",
    "in_person": r"\bmet\b|\bmeet(?:s|ing|ings)?\b|\bvisit(?:s|ed|ing)?\b|\bhost(?:s|ed|ing)?\b|\bwelcome[ds]?\b|"
                 r"\breceived\b|\bsummit\b|\battend(?:s|ed|ing)?\b|\bluncheon\b|\bdinner\b|\btrip\b|\btour\b",
}  # fmt: skip
MEETING_CUE = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|talk|summit|visit|visits|visited|visiting|call|called|calls|"
    r"spoke|conversation|host|hosts|hosted|welcome|welcomed|received|attend|attends|attended|conference|"
    r"travel|travels|travelled|traveled|trip|discuss|discussed|discusses)\b",
    re.I,
)
RELATION_CUE = re.compile(
    r"\b(?:met(?: with)?|meet(?:s|ing)? with|meeting with|meetings with|talks? with|talks between|call with|"
    r"call between|spoke(?: \w+){0,2} (?:with|to)|visit by|host(?:s|ed|ing)?|welcome[ds]?|received|"
    r"conversation with|summit with|summit between|luncheon meeting with|discuss(?:ed|es)? .{0,40}? with|"
    r"be met by|and .{0,60}? met|called)\b",
    re.I,
)
ANAPHORIC_PAIR = re.compile(
    r"\b(?:the two (?:leaders|presidents|heads|sides|counterparts|prime ministers|ministers)|both (?:leaders|sides))\b",
    re.I,
)
# An unnamed other side: "talks with his Israeli counterpart", "met leaders in Baghdad".
COUNTERPART = re.compile(
    r"\b(?:with|met|meet|meeting)\s+(?:his|her|their|the|a|an)?\s*(?:[A-Z][a-z]+,?\s+){0,2}"
    r"(?:counterparts?|leaders|leadership|delegation|prime minister|president|premier|chancellor|king|"
    r"foreign minister|FM|officials)\b|\b[A-Z][a-z]+ (?:FM|foreign minister|leaders?) talks\b",
)
GATHERING_NOUN = re.compile(
    r"(?:\s*\([A-Z][A-Za-z-]*\))?\s*(?:['’]s\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:economic\s+)?(?:(?:leaders|ministers|heads of government)['’]?\s+)?"
    r"(?P<noun>summit|leaders['’]? (?:meeting|summit)|meeting|meetings|conference|leaders week|session|talks)\b",
    re.I,
)
UNNAMED_GATHERING = re.compile(
    r"\b[A-Z][a-z]+ (?:summit|conference)\b(?! (?:with|between)\b)|"
    r"\bsummit (?:of|in) [A-Z][a-z]+|\b(?:trade|foreign|finance|defen[cs]e) ministers['’]? meeting\b",
)
SUMMIT_IN_NAME = re.compile(r"\b(?:summit|meeting|conference)\b", re.I)
PRESENCE = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|at|for|join(?:s|ed)?|to|in|during|on the|ahead of)\s+(?:the\s+)?$", re.I
)
FUTURE = re.compile(
    r"\b(?:upcoming|forthcoming|will|would|shall|to visit|to meet|to attend|to travel|to host|plans? to|"
    r"planning|is expected to|are expected to|scheduled|is due to|are due to|is set to|are set to|"
    r"look(?:s|ing)? forward to|agreed to meet|later this|next (?:week|month|year)|in the coming)\b",
    re.I,
)
PAST_OVERRIDE = re.compile(r"\b(?:has|have|had) (?:\w+ )?(?:met|visited|held|spoken|hosted|attended)\b", re.I)
ACCOMPANIED = re.compile(r"\baccompanied by\b|\bjoined by\b", re.I)
SIDELINES = re.compile(r"\b(?:sidelines?|margins?) of\b|\bon the sidelines\b|\bduring the\b|\bat the\b", re.I)
FIRST_PERSON = re.compile(r"\b(?:I|I'll|I'm|I've|me|my|we|We|We'll|we'll|us|our)\b")
PLACE = re.compile(r"\b(?:in|to) ((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){0,2})\b")
NOT_PLACES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "The", "This", "That", "Taiwan", "Parliament",
              "Congress", "Prime", "President", "Minister", "Mr", "Mrs", "Ms", "Dr", "His", "Her",
              "Your", "Government", "Ukraine", "Cabinet", "Asia", "Europe", "Africa", "English"}  # fmt: skip
VISITOR_CUE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|travel(?:s|led|ed|ling)? to|trip to|arrive[sd]? in|be met by)\b", re.I
)
HOST_CUE = re.compile(r"\b(?:host(?:s|ed|ing)?|welcome[ds]?|received)\b", re.I)
CAMEO_BY_MEDIUM = {"phone": "041", "video": "040", "in_person": "040", None: "040"}
FORMAT_BY_COUNT = {1: "bilateral", 2: "bilateral", 3: "trilateral"}
FORMAT_WORDS = re.compile(r"\b(bilateral|trilateral)\b", re.I)


@dataclass
class _Mention:
    """What one clause says about a meeting."""

    start: int
    end: int
    sentence: Sentence
    participants: set[str]
    relational: bool
    counterpart: bool = False
    gathering: str | None = None  # key of the summit or gathering the clause names
    medium: str | None = None
    remote: bool = False  # the medium comes from a remote cue (phone, video) in the clause itself
    explicit: bool = (
        False  # ... or from a remote or an explicit in-person cue ("face-to-face", "state visit")
    )
    named: int = 0  # how many participants the clause names (not "the two leaders")
    when: When | None = None
    status: str | None = None
    place: str | None = None
    organisation: str | None = None
    host: str | None = None
    visitor: str | None = None
    format: str | None = None
    cues: list[Evidence] = field(default_factory=list)


@dataclass
class _Meeting:
    key: str
    mentions: list[_Mention]
    gathering: str | None = None
    people: set[str] = field(default_factory=set)  # a gathering's participants


class MeetingExtractor:
    """Finds meetings and summits of the people the actor extractor found."""

    name: ClassVar[str] = "dipl.meetings.v2"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Meeting", "dipl:Evidence")

    def __init__(
        self,
        media: dict[str, list[str]] | None = None,
        *,
        gazetteer: Gazetteer | None = None,
        publishers: Publishers | None = None,
    ):
        """Build the extractor.

        Args:
            media: surface forms per medium notation (the altLabels of the ontology's MediumScheme);
                the grammatical cues of ``VERB_MEDIUM_CUES`` are added to them.
            gazetteer: to find the author of first-person documents (with ``publishers``).
            publishers: the publisher table.
        """
        self.media = _medium_patterns(media or {})
        self.in_person = _phrases((media or {}).get("in_person", ()))
        self.gazetteer = gazetteer
        self.publishers = publishers

    def __call__(self, doc: Doc) -> list[Record]:
        people = {e.key: e for e in doc.entities if e.type == "Person"}
        anchor = doc.anchor or self._publisher_anchor(doc)
        organisations = [e for e in doc.entities if e.type == "Organisation"]
        author = None
        if self.gazetteer is not None and self.publishers is not None:
            author = document_author(doc, self.gazetteer, self.publishers)
        meetings: list[_Meeting] = []
        gatherings: list[_Meeting] = []
        for sentence in doc.sentences:
            for mention in self._mentions(doc, anchor, sentence, people, organisations, meetings, author):
                if mention.gathering:
                    self._place_in_gathering(gatherings, mention)
                if mention.relational or not mention.gathering:
                    self._place_mention(meetings, mention)
        found = [m for m in meetings if self._is_meeting(m)]
        found += [g for g in gatherings if g.people]
        records: list[Record] = [
            self._record(doc, anchor, m, people, n) for n, m in enumerate(found, start=1)
        ]
        return records + self._implied_countries(doc, records, people)

    # -- reading clauses ---------------------------------------------------------------------

    def _publisher_anchor(self, doc: Doc) -> When | None:
        publisher = self.publishers.of(doc.article) if self.publishers is not None else None
        return publisher.anchor() if publisher is not None else None

    def _mentions(
        self,
        doc: Doc,
        anchor: When | None,
        sentence: Sentence,
        people: dict[str, EntityRecord],
        organisations: list[EntityRecord],
        meetings: list[_Meeting],
        author: str | None,
    ) -> list[_Mention]:
        text = doc.normalised
        body = text[sentence.start : sentence.end]
        if not MEETING_CUE.search(body):
            return []
        pair = self._pair(meetings) if ANAPHORIC_PAIR.search(body) else set()
        future_sentence = _tense(text, sentence.start, sentence.end) == "planned"
        times = [
            t
            for t in find_times(text, anchor, start=sentence.start, end=sentence.end, future=future_sentence)
            if t.when
        ]
        bounds = [sentence.start] + [t.start for t in times[1:]] + [sentence.end]
        remote = self._remote(body)
        mentions = []
        for i, (start, end) in enumerate(zip(bounds, bounds[1:], strict=False)):
            clause = text[start:end]
            if not MEETING_CUE.search(clause) and not (i and times):
                continue
            participants = self._people_in(people, start, end, text)
            if author and FIRST_PERSON.search(clause):
                participants.add(author)
            named = len(participants)
            participants |= pair
            medium, clause_remote = self._medium(clause, remote)
            gathering, organisation = self._gathering(organisations, start, end, text)
            mention = _Mention(
                start, end, sentence,
                participants=participants,
                relational=bool(RELATION_CUE.search(clause)),
                counterpart=bool(COUNTERPART.search(clause)),
                gathering=gathering,
                medium=medium,
                remote=clause_remote,
                explicit=clause_remote or bool(self.in_person and self.in_person.search(clause)),
                named=named,
                when=times[i].when if i < len(times) else None,
                status=self._status(text, start, end, times[i].when if i < len(times) else None, anchor),
                place=self._place(clause, people, text, start),
                organisation=organisation,
                format=(FORMAT_WORDS.search(clause) or [None, None])[1],
            )  # fmt: skip
            if mention.gathering and mention.relational and len(participants) >= 2:
                # "met on the sidelines of the SCO summit": the summit is the frame of the meeting
                mention.organisation = mention.organisation or _organisation_key(mention.gathering)
                mention.gathering = None
            mention.host, mention.visitor = self._roles(people, mention, text)
            mention.cues = self._cues(mention, times[i] if i < len(times) else None, text)
            mentions.append(mention)
        return mentions

    def _people_in(self, people: dict[str, EntityRecord], start: int, end: int, text: str) -> set[str]:
        accompanied = ACCOMPANIED.search(text, start, end)
        found = set()
        for key, person in people.items():
            for m in person.mentions:
                if start <= m.start < end and not (accompanied and m.start > accompanied.start()):
                    found.add(key)
        return found

    @staticmethod
    def _pair(meetings: list[_Meeting]) -> set[str]:
        for meeting in reversed(meetings):
            people = _participants(meeting)
            if len(people) == 2:
                return people
        return set()

    def _remote(self, text: str) -> str | None:
        for medium in ("video", "phone"):
            if self.media[medium].search(text):
                return medium
        return None

    def _medium(self, clause: str, sentence_remote: str | None) -> tuple[str | None, bool]:
        """The clause's medium, and whether a remote cue in the clause itself says so."""
        own = self._remote(clause)
        if own:
            return own, True
        if self.media["in_person"].search(clause):
            return "in_person", False
        return sentence_remote, False

    @staticmethod
    def _status(text: str, start: int, end: int, when: When | None, anchor: When | None) -> str | None:
        if when is not None and anchor is not None and anchor.precision == "day":
            if when.start > anchor.end:
                return "planned"
            if when.end < anchor.start:
                return "occurred"
        return _tense(text, start, end)

    @staticmethod
    def _place(clause: str, people: dict[str, EntityRecord], text: str, offset: int) -> str | None:
        for match in PLACE.finditer(clause):
            words = match.group(1).split()
            if words[0] in NOT_PLACES:
                continue
            at = offset + match.start(1)
            if any(m.start <= at < m.end for p in people.values() for m in p.mentions):
                continue  # "in Prime Minister Abe" is a person
            return match.group(1)
        return None

    @staticmethod
    def _gathering(
        organisations: list[EntityRecord], start: int, end: int, text: str
    ) -> tuple[str | None, str | None]:
        """The gathering the clause names (its key) and the organisation of its frame."""
        for organisation in organisations:
            for m in organisation.mentions:
                if not start <= m.start < end:
                    continue
                surface = text[m.start : m.end]
                tail = GATHERING_NOUN.match(text, m.end, min(end, m.end + 60)) if m.end < end else None
                before = text[max(start, m.start - 24) : m.start]
                if tail and tail.group("noun").lower() != "talks":
                    return organisation.key, organisation.key
                if (
                    tail
                    or SUMMIT_IN_NAME.search(surface)
                    or (PRESENCE.search(before) and _is_summit_series(surface))
                ):
                    return organisation.key, organisation.key
                if SIDELINES.search(before):
                    return None, organisation.key
        unnamed = UNNAMED_GATHERING.search(text, start, end)
        if unnamed:
            return f"gathering/{unnamed.group().lower()}", None
        return None, None

    @staticmethod
    def _roles(
        people: dict[str, EntityRecord], mention: _Mention, text: str
    ) -> tuple[str | None, str | None]:
        """Host and visitor, from a hosting verb ("X hosted Y") or a visiting one ("X visited", "a visit by X")."""
        order = sorted(
            (m.start, key) for key in mention.participants if key in people for m in people[key].mentions
            if mention.start <= m.start < mention.end
        )  # fmt: skip
        if len({key for _, key in order}) != 2:
            return None, None
        for pattern, role in ((HOST_CUE, "host"), (VISITOR_CUE, "visitor")):
            verb = pattern.search(text, mention.start, mention.end)
            if verb is None:
                continue
            before = [key for at, key in order if at < verb.start()]
            after = [key for at, key in order if at >= verb.end()]
            passive = text.startswith(" by", verb.end()) or verb.group().endswith(" by")
            subject, other = (after[:1], before[-1:]) if passive else (before[-1:], after[:1])
            if subject and other and subject != other:
                if role == "host":
                    return subject[0], other[0]
                if "met by" in verb.group():
                    return subject[0], other[0]  # "he will be met by the Prime Minister": she hosts
                return other[0], subject[0]
        return None, None

    def _cues(self, mention: _Mention, time: object, text: str) -> list[Evidence]:
        index = mention.sentence.index
        cues = [Evidence(mention.sentence.start, mention.sentence.end, index, "event", "meeting cue", 0.8)]
        if mention.when is not None and time is not None:
            reason = f"{mention.when.reason} in sentence {index + 1} ({mention.when.precision})"
            cues.append(Evidence(time.start, time.end, index, "date", reason, mention.when.confidence))  # type: ignore[attr-defined]
        return cues

    # -- grouping clauses into meetings ------------------------------------------------------

    def _place_mention(self, meetings: list[_Meeting], mention: _Mention) -> None:
        strict = mention.relational and len(mention.participants) >= 2
        target = next((m for m in meetings if self._same(m, mention, strict=strict)), None)
        if target is not None:
            target.mentions.append(mention)
        elif (
            mention.named >= 2
            or (mention.named == 1 and len(mention.participants) >= 2)
            or (mention.named == 1 and mention.counterpart and mention.relational)
            or (len(mention.participants) >= 2 and mention.relational and (mention.when or mention.explicit))
        ):
            meetings.append(_Meeting(f"meeting-{len(meetings) + 1}", [mention]))

    def _place_in_gathering(self, gatherings: list[_Meeting], mention: _Mention) -> None:
        for gathering in gatherings:
            if gathering.gathering == mention.gathering and _compatible(gathering, mention):
                gathering.mentions.append(mention)
                gathering.people |= mention.participants
                return
        gatherings.append(_Meeting("", [mention], mention.gathering, set(mention.participants)))

    @staticmethod
    def _same(meeting: _Meeting, mention: _Mention, *, strict: bool) -> bool:
        people = _participants(meeting)
        if strict and mention.participants != people:
            return False
        if mention.participants and not mention.participants <= people:
            return False
        if not mention.participants and not mention.when:
            return False  # a clause that names nobody and no time adds nothing
        if mention.explicit and _medium_of(meeting) not in (None, mention.medium) and not strict:
            return False
        return _compatible(meeting, mention)

    @staticmethod
    def _is_meeting(meeting: _Meeting) -> bool:
        people = _participants(meeting)
        return len(people) >= 2 or (len(people) == 1 and any(m.counterpart for m in meeting.mentions))

    # -- records ---------------------------------------------------------------------------

    def _record(
        self, doc: Doc, anchor: When | None, meeting: _Meeting, people: dict[str, EntityRecord], number: int
    ) -> EventRecord:
        status = _first(meeting, "status") or "occurred"
        when = _when(meeting)
        if when is None and anchor is not None and status == "occurred" and self._is_current(doc, meeting):
            when = replace(anchor, reason=f"article date ({anchor.reason})")
        if when is not None and status == "occurred" and anchor is not None and when.start > anchor.end:
            status = "planned"
        place = _first(meeting, "place")
        medium = _medium_of(meeting) or ("in_person" if place else None)
        participants = sorted(meeting.people if meeting.gathering else _participants(meeting))
        evidence = tuple(
            dict.fromkeys(
                [*(e for m in meeting.mentions for e in m.cues), *self._medium_cues(doc, meeting, medium)]
            )
        )
        organisation = _organisation_key(meeting.gathering)
        return EventRecord(
            key=f"meeting-{number}",
            kind="meeting",
            category="AGREE" if status == "planned" else "CONSULT",
            cameo="036" if status == "planned" else CAMEO_BY_MEDIUM[medium],
            evidence=evidence,
            participants=tuple(participants),
            host=_first(meeting, "host"),
            visitor=_first(meeting, "visitor"),
            medium=medium,
            format="multilateral" if meeting.gathering else self._format(meeting, participants, people),
            organisation=organisation or _first(meeting, "organisation"),
            place=place,
            date=when.day if when else None,
            date_start=when.start if when else None,
            date_end=when.end if when else None,
            precision=when.precision if when else None,
            status=status,
        )

    def _medium_cues(self, doc: Doc, meeting: _Meeting, medium: str | None) -> list[Evidence]:
        """The words that say how the participants met, in each clause that says it."""
        if medium is None:
            return []
        cues = []
        for mention in meeting.mentions:
            found = self.media[medium].search(doc.normalised, mention.start, mention.end)
            if found:
                index = mention.sentence.index
                reason = f"'{found.group()}' in sentence {index + 1}"
                cues.append(Evidence(found.start(), found.end(), index, "medium", reason, 0.9))
        return cues

    @staticmethod
    def _is_current(doc: Doc, meeting: _Meeting) -> bool:
        """Whether an undated meeting is the article's own news: in its title or its first sentences."""
        first = meeting.mentions[0].sentence.index
        title_sentences = 1 if doc.article.title else 0
        return first <= title_sentences + 1

    @staticmethod
    def _format(meeting: _Meeting, participants: list[str], people: dict[str, EntityRecord]) -> str:
        said = _first(meeting, "format")
        if said:
            return said.lower()
        sides = {people[p].represents or p if p in people else p for p in participants}
        return FORMAT_BY_COUNT.get(min(len(sides), len(participants)) or 1, "multilateral")

    def _implied_countries(
        self, doc: Doc, records: list[Record], people: dict[str, EntityRecord]
    ) -> list[Record]:
        """The states that meeting participants speak for, when the text never names them."""
        if self.gazetteer is None:
            return []
        named = {e.key for e in doc.entities}
        implied: dict[str, None] = {}
        for record in records:
            for key in record.participants if isinstance(record, EventRecord) else ():
                country = people[key].represents if key in people else None
                if country and country not in named:
                    implied[country] = None
        return [
            EntityRecord(country, "Country", self.gazetteer.entries[country].label, (), known=True)
            for country in implied
            if country in self.gazetteer.entries
        ]


def _medium_patterns(media: dict[str, list[str]]) -> dict[str, re.Pattern[str]]:
    patterns = {}
    for medium, verbs in VERB_MEDIUM_CUES.items():
        labels = sorted(media.get(medium, ()), key=len, reverse=True)
        phrases = [r"\b" + re.escape(label).replace(r"\ ", r"[\s-]+") + r"\b" for label in labels]
        patterns[medium] = re.compile("|".join([*phrases, verbs]), re.I)
    return patterns


def _phrases(labels: object) -> re.Pattern[str] | None:
    """One pattern for a list of phrases, longest first, on word boundaries, any spacing or hyphen."""
    ordered = sorted((str(label) for label in labels), key=len, reverse=True)  # type: ignore[attr-defined]
    if not ordered:
        return None
    return re.compile("|".join(r"\b" + re.escape(p).replace(r"\ ", r"[\s-]+") + r"\b" for p in ordered), re.I)


def _tense(text: str, start: int, end: int) -> str | None:
    """ "planned" if a future cue governs a meeting cue of ``text[start:end]`` ("will hold talks",
    "the upcoming visit", "is scheduled to have a luncheon meeting"), "occurred" if a perfect
    does ("has met"), else ``None``."""
    for cue in MEETING_CUE.finditer(text, start, end):
        window = text[max(start, cue.start() - 60) : cue.end()]
        if PAST_OVERRIDE.search(window):
            return "occurred"
        if FUTURE.search(window):
            return "planned"
    return None


def _organisation_key(gathering: str | None) -> str | None:
    """The organisation of a gathering key (``org/G20``); an unnamed gathering has none."""
    return None if gathering is None or gathering.startswith("gathering/") else gathering


def _is_summit_series(surface: str) -> bool:
    """Whether a name is a summit series one attends (APEC, CHOGM, G20), not a body one joins."""
    return bool(
        re.fullmatch(r"(?:the )?(?:G-?\d+|APEC|CHOGM|EAS|Quad|BRICS|ASEAN|NATO|SCO|EU)", surface, re.I)
    )


def _compatible(meeting: _Meeting, mention: _Mention) -> bool:
    when, status = _when(meeting), _first(meeting, "status")
    if mention.when and when and (mention.when.end < when.start or when.end < mention.when.start):
        return False
    return not (mention.status and (status or "occurred") != mention.status)


def _participants(meeting: _Meeting) -> set[str]:
    return set().union(
        *(m.participants for m in meeting.mentions if m.relational or len(m.participants) >= 2)
    )


def _first(meeting: _Meeting, attribute: str) -> str | None:
    return next((getattr(m, attribute) for m in meeting.mentions if getattr(m, attribute)), None)


def _medium_of(meeting: _Meeting) -> str | None:
    """A remote cue in any clause wins over presence words ("met via video link")."""
    remote = next((m.medium for m in meeting.mentions if m.remote), None)
    return remote or _first(meeting, "medium")


def _when(meeting: _Meeting) -> When | None:
    return next((m.when for m in meeting.mentions if m.when), None)
