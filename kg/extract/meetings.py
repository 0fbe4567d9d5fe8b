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

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import ClassVar

import kg
from kg.extract.base import Doc, EntityRecord, EventRecord, Evidence, Record, Sentence
from kg.extract.casing import case_blind, lowered, word_spans
from kg.extract.clauses import MEETING_CUE, PERFECT, clause_status, reading_anchor, split_clauses
from kg.extract.dates import MONTHS, WEEKDAYS, TimeExpression, When
from kg.extract.gazetteer import NOT_AN_ACTOR, Gazetteer
from kg.extract.occasions import OCCASIONS_FILE, Occasion, Occasions
from kg.extract.publishers import Publisher, Publishers, document_author
from kg.extract.text import scan
from kg.extract.topics import TopicMatcher

# Grammatical medium cues the ontology's altLabels cannot spell as fixed phrases.
VERB_MEDIUM_CUES: dict[str, str] = {
    "phone": r"\b(?:tele)?phone\b|\bspoke(?: \w+){0,2} (?:with|to)\b|\bcall(?:ed|s)? with\b|\bcalled (?!for\b|on\b|upon\b|off\b|it\b)"
             r"|\b(?:held|hold|holds|had|have|has|made|make|received|receive|took|take) an? (?:\w+ ){0,2}call\b"
             r"|\bcall between\b|\bcalls? from\b",
    "video": r"\bvia video\b|\bvideo[- ](?:link|call|conference|summit|meeting|chat)s?\b|\bvirtual(?:ly)?\b",
    "in_person": r"\bmet\b|\bmeet(?:s|ing|ings)?\b|\bvisit(?:s|ed|ing)?\b|\bhost(?:s|ed|ing)?\b|\bwelcome[ds]?\b|"
                 r"\breceived\b|\bsummit\b|\battend(?:s|ed|ing)?\b|\bluncheon\b|\bdinner\b|\btrip\b|\btour\b",
}  # fmt: skip
# Whom one welcomes or receives, as opposed to what ("welcomed the resumption of talks").
PERSON_NEXT = (
    r" (?:back )?(?:(?-i:[A-Z])|him\b|her\b|them\b|you\b|his\b|their\b|the (?:(?-i:[A-Z])|visiting\b|two\b))"
)
RELATION_CUE = re.compile(
    r"\b(?:met(?: with)?|meet(?:s|ing)? with|meeting with|meetings with|talks? with|talks between|call with|"
    r"discussions? with|visits? to both|(?:FM|PM|foreign minister|leaders?) talks|"
    r"call between|spoke(?: \w+){0,2} (?:with|to)|visit by|host(?:s|ed|ing)?|"
    rf"(?:welcome[ds]?|received)(?={PERSON_NEXT})|"
    r"conversation with|summit with|summit between|their (?:[\w,-]+ ){0,4}(?:call|meeting|talks|conversation)|luncheon meeting with|discuss(?:ed|es)? .{0,40}? with|"
    r"be met by|and .{0,60}? met|called|convened|(?:agreed|plan|plans|planned|hope|hopes|expect|expected) to meet|"
    r"(?:will|would|shall|to) meet|forward to (?:meeting|seeing|welcoming|hosting))\b",
    re.I,
)
# Who "the two leaders", "the Quad leaders", "they" and "their call" are: the people of the last meeting.
PAIR_ANAPHORA = re.compile(
    r"\b(?:the two (?:leaders|presidents|heads|sides|counterparts|prime ministers|ministers)|both (?:leaders|sides))\b",
    re.I,
)
GROUP_ANAPHORA = re.compile(
    # (not a summit's name: "the G20 leaders' summit in Antalya" is not the meeting before it)
    r"\bthe (?:[A-Z][\w-]* )?[Ll]eaders\b(?!['’]?\s*(?i:summit|meeting|retreat|week)\b)|\btheir (?:[\w,-]+ ){0,4}(?:call|meeting|talks|summit|conversation)\b|"
    r"^\W*They\b|\bthey (?:will |would |also |then |have |had )?(?:meet|met|agreed|spoke|talked|discussed|held)\b|"
    # the author and the guest just welcomed: "We will then join other leaders in Brisbane for the G20"
    r"^\W*We (?:will |would |shall )?(?:then |also |both )?(?:join|attend|travel|fly|go)\b",
)
# An unnamed other side: "talks with his Israeli counterpart", "met leaders in Baghdad".
COUNTERPART = re.compile(
    r"\b(?:with|met|meet|meeting)\s+(?:his|her|their|the|a|an)?\s*(?:[A-Za-z]+,?\s+){0,2}"
    r"(?:counterparts?|leaders|leadership|delegation|prime minister|president|premier|chancellor|king|"
    r"foreign minister|FM|officials)\b|\b[A-Z][a-z]+ (?:FM|foreign minister|leaders?) talks\b|"
    # an unnamed head as the subject of a headline: "S. African President in a phone conversation with"
    r"^\W*(?!(?:The|A|An|This|That|Our|His|Her|Their|Vice|Former)\b)(?:[A-Z][\w.]*\s+){1,2}(?:President|Prime Minister|PM|Premier|Chancellor|FM|Foreign Minister)\s+"
    r"(?:in|holds?|held|has|had)\b",
)
# After an organisation's name: "the G20 Leaders' Summit", "APEC (APEC) leaders' meeting", "SCO's summit".
GATHERING_AFTER = re.compile(
    r"(?:\s*\([A-Z][A-Za-z-]*\))?\s*(?:['’]s\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:virtual\s+|special\s+|informal\s+)?(?:economic\s+)?"
    r"(?:(?:leaders|ministers|heads of government)['’]?\s+)?"
    r"(?P<noun>summits?|leaders['’]? (?:meeting|summit)|meeting|meetings|conference|leaders week|session|retreat)\b",
    re.I,
)
# A summit named with the next in a list that shares its noun: "the G7 and NATO summits", "the
# October US-ASEAN and East Asia Summits" (the G7 and US-ASEAN summits are two of them).
SHARED_NOUN = re.compile(r",?\s+and\s+(?:the\s+)?(?:[A-Z][\w-]*+\s+){1,4}?(?i:summits|meetings)\b")
# Its host: "the APEC Virtual Leaders' Meeting hosted by Prime Minister Ardern" is no meeting of the two.
GATHERING_HOST = re.compile(
    r"\b(?:summit|meeting|conference|forum|leaders week|retreat),?\s+(?:\w+\s+){0,2}?(?:hosted|chaired|convened) by\b",
    re.I,
)
# Standing bodies of officials, advisers or members: their sessions are no leader-level meeting
# ("The U.S.-EU Task Force on Energy Security met", "the inaugural meeting of the ... Working
# Group", "the Prime Minister's Business Advisory Council Meeting").
STANDING_BODY = re.compile(
    r"\b(?:task ?force|working group|committee|advisory (?:council|board|group|panel)|business council|"
    r"council of advisors|expert group)\b",
    re.I,
)
SESSION_AFTER = re.compile(r"\s+(?:(?:has|had|will|to)\s+)?(?:met|meets|meet|convened|convenes)\b")
# The leaders of a summit, as a crowd: "discussions with world leaders at the East Asia Summit".
GENERIC_LEADERS = re.compile(r"\s*(?:the\s+)?(?:world|other|fellow|regional|many|several)\s+leaders\b", re.I)
# Before it: "a meeting of the G-7", "attend the 18th CHOGM", "for the APEC".
GATHERING_BEFORE = re.compile(r"\b(?:summit|meetings?|conference|session)s? of (?:the )?\(?$", re.I)
PRESENCE = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|at|for|join(?:s|ed)?|to|in|during|on the|ahead of)\s+(?:the\s+)?"
    r"(?:\d+(?:st|nd|rd|th)\s+|annual\s+)*$",
    re.I,
)
# Before a summit series' bare name, membership, not presence: "Finland and Sweden to join NATO",
# "our close Allies in NATO", "the AU's participation in the G20 as a permanent member".
MEMBERSHIP = re.compile(
    r"\b(?:join(?:s|ed|ing)?|allies in|members? (?:of|in)|membership (?:of|in)|participation in)\s+(?:the\s+)?$",
    re.I,
)
# ... or what it has (not "NATO's 2026 Ankara Summit"): "the G20's core objective".
POSSESSED = re.compile(
    r"['’]s (?!(?:(?:19|20)\d\d |[A-Z][\w-]* ){0,3}(?i:summit|meeting|conference|leaders))"
)
UNNAMED_GATHERING = re.compile(
    r"\b[A-Z][a-z]+ (?i:summit|conference)\b(?! (?:with|between)\b)|"
    r"\bsummit (?:of|in) (?:the )?[A-Z][a-z]+|\b(?:trade|foreign|finance|defen[cs]e) ministers['’]? meeting\b",
)
# Words before "summit" or "conference" that do not name a gathering: a time, or a press conference.
NOT_GATHERINGS = frozenset(WEEKDAYS) | {m for m in MONTHS if len(m) > 3} | {"press", "news"}
SUMMIT_IN_NAME = re.compile(r"\b(?:summit|meeting|conference)\b", re.I)
SINCE = re.compile(r"\b(?:since|after|following)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)*$")
SIDELINES = re.compile(r"\b(?:sidelines?|margins?) of\b|\bon the sidelines\b|\bduring the\b|\bat the\b", re.I)
# A journey whose purpose is the meeting: "departed for China on Sunday for summit talks with Xi".
TRAVEL_FOR = re.compile(
    r"\b(?:arriv(?:e|es|ed|ing)|depart(?:s|ed|ing)?|left|leaves?|leaving|head(?:s|ed|ing)? (?:to|for)|"
    r"fl(?:y|ies|ew|ying)|set (?:off|out)|travel(?:s|led|ed|ling|ing)?)\b[^.;]{0,80}?"
    r"\bfor (?:an? |the |his |her |their )?(?:[\w-]+ ){0,6}?(?P<talks>talks|meetings?|summit|consultations)\b",
    re.I,
)
# A summit named only by its noun, the one named last: "attend the Summit", "At the summit, leaders".
THE_SUMMIT = re.compile(r"\b(?:attend(?:s|ed|ing)?|at|to|for|during) the (?i:summit)\b(?! (?:of|on|for)\b)")
# A list of meetings of the same people, one place and time after another: "meetings between
# Sullivan and Wang Yi in Vienna in May 2023, Malta in September 2023, and Bangkok in January 2024".
SERIES_CUE = re.compile(r"\b(?:meetings|talks|met)\b")
SERIES_ITEM = re.compile(
    r"[\s,]*(?:and\s+)?(?:in\s+)?(?:(?P<place>[A-Z][\w-]*+(?:\s[A-Z][\w-]*+){0,2})\s+)?(?:(?:in|on)\s+)?"
)
SERIES_END = re.compile(r"[\s,.;]*(?:and)?\s*")
# A meeting named as a point in time of another report: "since their first meeting in August 2021",
# "follows their April 2 telephone call", "building on the Bali and Woodside meetings".
IN_PASSING = re.compile(
    r"\b(?:since|after|following|follows|followed|before|ahead of|building on)\s+"
    r"(?:the|their|our|his|her|its|a|an)\s+(?:[\w,-]+\s+){0,4}?"
    r"(?:meetings?|call|talks|summit|visit|conversation)\b",
    re.I,
)
# A list of who took part in the meeting just reported: "Participants in the call included ...".
PARTICIPANT_LIST = re.compile(
    r"\b(?:participants|attendees|those taking part|leaders taking part)\b.{0,40}?\b(?:included|include|were)\b",
    re.I,
)
# ", Kang Yu-jung said": the source of a report, not a participant (when two others remain).
REPORTER = re.compile(
    r"\s*(?:,\s*)?(?:said|says|told|added|noted|stated|explained)\b(?:[^.;,]{0,80})?[.;\"”]*\s*$"
)
# "Kremlin spokesman Dmitry Peskov said Putin will ...", "Chief of Staff Howard Baker noted Reagan's
# invitation ...": the source of a report as its subject (not "told", whose object may be the other side).
SAYER = re.compile(
    r"\s+(?:has\s+|had\s+|also\s+|earlier\s+)?(?:said|says|noted|notes|added|stated|recalled|stressed|"
    r"confirmed|insisted|argued)\b"
)
# A plan on a condition: "if he fails ..., he will seek talks with", "only if the Ukrainian leader were".
CONDITIONAL = re.compile(
    r"\b(?:if(?! I (?:could|may|might|can) (?:say|just|add|begin|start))|unless|provided that)\b", re.I
)
WHETHER = re.compile(r"\b(?:wonder(?:ed|s)?|ask(?:ed|s)?|know|see|check|unclear|doubt|question)\s+$", re.I)
# "Statement from White House Press Secretary Karine Jean-Pierre on ...": who issues a release.
RELEASE_VOICE = re.compile(
    r"(?<![Jj]oint )\b(?i:statement|message)s? (?i:from|by) (?:(?!(?i:on|about|regarding|with)\b)[\w.'’-]+,? ){0,8}$"
)
# "a luncheon meeting with A, ..., and meet with B": a second meeting in the same clause.
AND_MEET = re.compile(
    r"\band (?:to |later )?(?:meet|meets|met|hold talks|holds talks|held talks|have talks|has talks|had talks)(?: with)?\b"
)
# "meetings with A, B and C", "talks with A, B and C": one bilateral with each of them.
# ... and "a visit to both A and B": one visit to each.
SEPARATE_TALKS = re.compile(r"\b(?:meetings|talks|bilaterals) with\b|\bvisits? to both\b", re.I)
LIST_SUBJECT = re.compile(r"\s+(?:said|says|told|tells|added|urged|noted|was|is|has|had|will|would)\b")
# (a name may follow its office: "talks with his Israeli counterpart, Ariel Sharon, and the Palestinian
# leader, Mahmoud Abbas")
LIST_GAP = re.compile(
    r"[\s,]*(?:and\s+)?(?:(?:his|her|their|the)\s+(?:[A-Z][\w-]*\s+)?"
    r"(?:counterpart|leader|president|prime minister|premier|foreign minister|chancellor|king),?\s+)?"
    r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+)*"
)
# "I will have talks with him": the person named last before.
# A name used as an adjective: "the Reagan administration", "the Biden-Harris team": no one in person.
ATTRIBUTIVE = re.compile(
    r"(?:[-–][A-Z][\w-]*)?\s+(?:admini?stration|government|era|doctrine|camp|team|presidency)\b"
)
# A name in the possessive before anything but a meeting is no one in person: "Putin's war against
# Ukraine", "President Reagan's chief of staff", "President Trump and Prime Minister Modi's mutual
# commitment" (not "Xi's state visit", "Biden's call with", "Lee's participation in the summit").
POSSESSIVE = re.compile(
    r"(?:\s+and\s+(?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w-]*)?['’]s\s+"
    r"(?!(?i:(?:[\w-]+\s+){0,3}?(?:visits?|trips?|calls?|meetings?|talks|summits?|conversations?|participation|"
    r"arrival|tour|audience|discussions?|engagements?|stay|presence|departure|invitation)\b))"
)
OTHER_PRONOUN = re.compile(r"\b(?:you|your|he|his|she|her|him|they|their|them|its)\b", re.I)
# A sentence whose subject is "He" or "She", after a fronted phrase or not ("In Hobart, he will meet").
SUBJECT_PRONOUN = re.compile(
    r"\W*(?:(?:In|At|On|During|While|After|Later|Then)\b[^,.;]{0,60},\s*)?(?:He|She|he|she)\b"
)
# What puts the subject at a summit or a meeting of a body: "He attended the G20 summit", "He told
# an informal meeting of the General Agreement on Tariffs and Trade".
ATTENDING = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|address(?:es|ed|ing)|told|tells|chair(?:s|ed|ing)|"
    r"open(?:s|ed)|spoke at|speaks at|took part in|takes part in|participat(?:es|ed|ing) in)\b"
)  # verbs, in lower case: not "past Chair of the Conference Board"
PRONOUN_OBJECT = re.compile(r"\b(?:with|meet|meeting|welcome|host|visit|received|met) (?:him|her)\b")
ACCOMPANIED = re.compile(r"\baccompanied by\b|\bjoined by\b", re.I)
# Who only arranges it: "the meeting has been set up by the US special envoy, Anthony Zinni".
ARRANGED_BY = re.compile(r"\b(?:set up|arranged|organi[sz]ed) by\b", re.I)
PLACE = re.compile(r"\b(?:in|to) ((?:[A-Z][a-z]+)(?:[ -][A-Z][a-z]+){0,2})\b")
NOT_PLACES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December", "The", "This", "That", "Taiwan", "Parliament",
              "Congress", "Prime", "President", "Minister", "Mr", "Mrs", "Ms", "Dr", "His", "Her",
              "Your", "Government", "Ukraine", "Cabinet", "Asia", "Europe", "Africa", "English",
              "Joint", "Press", "News"}  # fmt: skip
VISITOR_CUE = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|travel(?:s|led|ed|ling)? to|trip to|arrive[sd]? in|be met by)\b", re.I
)
# A visit told before its subject: "During the visit to China, General Musharraf said".
FRONTED_VISIT = re.compile(
    r"\W*(?:During|On|After|Following|While on|In the course of) (?:his|her|their|the|a|an|this) "
    r"(?:[\w-]+ ){0,3}$"
)
# The place a visit goes to, named right after its verb: "will visit East Timor", "a visit to the
# Solomon Islands", "arrives in Seoul" (a country named only as a venue is no entity of the article).
DESTINATION = re.compile(
    r"(?: to)?(?: both)? (?:the )?((?-i:[A-Z][\w'.-]*+)(?: (?-i:[A-Z][\w'.-]*+))*+"
    r"(?:(?:,| and|, and) (?:the )?(?-i:[A-Z][\w'.-]*+)(?: (?-i:[A-Z][\w'.-]*+))*+)*+)"
)
PLACE_LIST = re.compile(r",? and (?:the )?|, (?:the )?")
# A country that owns the place, not the place, when another is named: "the visit to Pakistan's close
# ally China" (not "to Maliana in Timor-Leste's west").
OWNER = re.compile(r"[\w.-]++(?: [A-Z][\w.-]*+)*+['’]s\b")
TOPIC_PREPOSITION = re.compile(r"\b(?:on|about|of|regarding|for)\b", re.I)
HOST_CUE = re.compile(r"\b(?:host(?:s|ed|ing)?|welcome[ds]?|received)\b", re.I)
CAMEO_BY_MEDIUM = {"phone": "041", "video": "040", "in_person": "040", None: "040"}
FORMAT_BY_COUNT = {1: "bilateral", 2: "bilateral", 3: "trilateral"}
FORMAT_WORDS = re.compile(r"\b(bilateral|trilateral)\b", re.I)
# The case-blind patterns above are searched as lowercase twins on the lowercased text (the same
# matches, faster: kg.extract.casing.case_blind; a pattern it cannot twin stays as it is).
(
    PAIR_ANAPHORA, GATHERING_BEFORE, PRESENCE, SUMMIT_IN_NAME, SIDELINES, GATHERING_HOST,
    IN_PASSING, PARTICIPANT_LIST, SEPARATE_TALKS, VISITOR_CUE, HOST_CUE, FORMAT_WORDS, TRAVEL_FOR, CONDITIONAL,
) = map(case_blind, (
    PAIR_ANAPHORA, GATHERING_BEFORE, PRESENCE, SUMMIT_IN_NAME, SIDELINES, GATHERING_HOST,
    IN_PASSING, PARTICIPANT_LIST, SEPARATE_TALKS, VISITOR_CUE, HOST_CUE, FORMAT_WORDS, TRAVEL_FOR, CONDITIONAL,
))  # fmt: skip
SESSION = "session"  # the gathering key of a standing body's session (STANDING_BODY)
GUESS = 0.5  # below this confidence a meeting's time is a guess (an undated plan's months ahead)
RECENT = dt.timedelta(days=2)  # "has met" in a dated article: within the two days before it
PLAN_HORIZON = dt.timedelta(days=61)  # an undated plan: at least the two months after the article
NEARBY = 5  # sentences: how far a clause that names nobody may be from the meeting it speaks of


@dataclass
class _Mention:
    """What one clause says about a meeting."""

    start: int
    end: int
    sentence: Sentence
    participants: set[str]
    relational: bool
    named: int = 0  # how many participants the clause names (not "the two leaders")
    adds: bool = False  # the clause lists more participants of the meeting just reported
    counterpart: bool = False
    gatherings: list[str] = field(default_factory=list)  # keys of the summits the clause puts people at
    past: set[str] = field(default_factory=set)  # those of them it names as past ("since the G20 summit")
    medium: str | None = None
    remote: bool = False  # a remote cue (phone, video) in the clause itself says the medium
    explicit: bool = False  # ... or a remote or an explicit in-person cue ("face-to-face", "state visit")
    when: When | None = None
    time: TimeExpression | None = None
    status: str | None = None
    perfect: bool = False  # "has met": recently, when nothing else dates it
    passing: bool = False  # named as a point in time: "since their first meeting", "after the call"
    to: set[str] = field(default_factory=set)  # the countries of a visit: "Moon Jae-in visited China in 2019"
    sides: set[str] = field(default_factory=set)  # the states its participants speak for
    place: str | None = None
    organisation: str | None = None
    host: str | None = None
    visitor: str | None = None
    format: str | None = None
    cues: list[Evidence] = field(default_factory=list)

    @property
    def visits(self) -> bool:
        """Whether the clause sends someone to a country."""
        return bool(self.to)


@dataclass
class _Meeting:
    key: str
    mentions: list[_Mention]
    gathering: str | None = None
    people: set[str] = field(default_factory=set)  # a gathering's participants


class _Hits:
    """Where a lowercase pattern matches a text, case-blind, found in one pass and asked per span."""

    def __init__(self, pattern: re.Pattern[str], text: str):
        found = word_spans(pattern, lowered(text))
        self.starts = [start for start, _ in found]
        self.ends = [end for _, end in found]

    def within(self, start: int, end: int) -> bool:
        """Whether a match lies wholly inside ``text[start:end]``."""
        i = bisect_left(self.starts, start)
        return i < len(self.starts) and self.ends[i] <= end


@dataclass
class _Context:
    """What the clauses of one document are read against."""

    doc: Doc
    text: str
    anchor: When | None
    people: dict[str, EntityRecord]
    organisations: list[EntityRecord]
    author: str | None
    author_refs: re.Pattern[str] | None
    cues: _Hits  # where MEETING_CUE matches
    voices: list[tuple[int, int]]  # where a transcript gives the word to someone else than the author
    countries: list[tuple[int, str]]  # where countries are named, and which
    plans: list[tuple[int, set[str], When]] = field(default_factory=list)  # dated plans: sentence, who, when
    owners: dict[int, set[int]] = field(default_factory=dict)  # sentence -> ids of meetings it reports
    home: str | None = None  # the country its publisher speaks for
    last_gathering: tuple[int, str] | None = None  # the summit named last: sentence, key


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
        topics: TopicMatcher | None = None,
        occasions: Occasions | None = None,
    ):
        """Build the extractor.

        Args:
            media: surface forms per medium notation (the altLabels of the ontology's MediumScheme);
                the grammatical cues of ``VERB_MEDIUM_CUES`` are added to them.
            gazetteer: to find the author of first-person documents (with ``publishers``).
            publishers: the publisher table.
            topics: finds the topics discussed in the sentences that report a meeting.
            occasions: the summits of each series and other named events, with days and city.
        """
        self.media = {m: case_blind(p) for m, p in _medium_patterns(media or {}).items()}
        in_person = _phrases((media or {}).get("in_person", ()))
        self.in_person = case_blind(in_person) if in_person is not None else None
        self.gazetteer = gazetteer
        self.publishers = publishers
        self.topics = topics
        self.occasions = occasions

    def __call__(self, doc: Doc) -> list[Record]:
        context = self._context(doc)
        meetings: list[_Meeting] = []
        gatherings: list[_Meeting] = []
        for sentence in doc.sentences:
            for mention in self._mentions(context, sentence, meetings):
                for gathering in mention.gatherings:
                    self._place_in_gathering(gatherings, mention, gathering)
                if mention.relational or not mention.gatherings:
                    self._place_mention(meetings, mention)
        states = {e.key for e in doc.entities if e.type == "Country"} | {context.home}
        found = [
            m
            for m in meetings
            if self._is_meeting(m) and not _domestic(m, context.people, states, context.home)
        ]
        found += [g for g in gatherings if g.people]
        found = [m for m in found if not _reported_better(m, found)]
        found = [m for m in found if not _told_as_summit(m, found)]
        for meeting in found:  # the dated plans an itinerary's undated ones can take their time from
            when = _when(meeting)
            if when is not None and _first(meeting, "status") == "planned":
                people = _participants(meeting) | meeting.people
                context.plans += [(m.sentence.index, people, when) for m in meeting.mentions]
        context.owners = _sentence_owners(found)
        records: list[Record] = [self._record(context, m, n) for n, m in enumerate(found, start=1)]
        return records + self._implied_countries(doc, records, context.people)

    def _context(self, doc: Doc) -> _Context:
        publisher = self.publishers.of(doc.article) if self.publishers is not None else None
        author = None
        if publisher is not None and self.gazetteer is not None:
            author = document_author(doc, self.gazetteer, self.publishers)  # type: ignore[arg-type]
        return _Context(
            doc,
            doc.normalised,
            reading_anchor(doc, publisher),
            {e.key: e for e in doc.entities if e.type == "Person"},
            [e for e in doc.entities if e.type == "Organisation"],
            author,
            publisher.references if publisher is not None and author else None,
            _Hits(MEETING_CUE, doc.normalised),
            self._voices(doc, publisher, author),
            sorted((m.start, e.key) for e in doc.entities if e.type == "Country" for m in e.mentions),
            home=publisher.country if publisher is not None else None,
        )

    def _voices(self, doc: Doc, publisher: Publisher | None, author: str | None) -> list[tuple[int, int]]:
        if publisher is None or author is None or self.gazetteer is None:
            return []
        return publisher.other_voices(doc.normalised, self.gazetteer.entries[author].label)

    # -- reading clauses ---------------------------------------------------------------------

    def _mentions(self, context: _Context, sentence: Sentence, meetings: list[_Meeting]) -> list[_Mention]:
        text = context.text
        if not context.cues.within(sentence.start, sentence.end):
            return []
        body = text[sentence.start : sentence.end]
        if PAIR_ANAPHORA.search(body):
            earlier = self._earlier(meetings, size=2)
        elif GROUP_ANAPHORA.search(body):
            earlier = self._earlier(meetings)
        else:
            earlier = set()
        remote = self._remote(body)
        mentions = []
        headline = sentence.end <= len(context.doc.article.title or "")
        for start, end, time in split_clauses(text, sentence, context.anchor, headline=headline):
            if not context.cues.within(start, end):
                mentions += self._next_in_series(context, mentions, start, end, time)
                continue
            clause = text[start:end]
            participants = self._people_in(context, start, end)
            reporters = self._reporters(context, start, end)
            if len(participants - reporters) >= 2:
                participants -= reporters
            participants -= self._release_voices(context, start, end)
            if PRONOUN_OBJECT.search(clause):
                participants |= self._last_named(context, start, exclude=participants)
            participants |= self._title_subject(context, sentence, start, end)
            medium, clause_remote = self._medium(clause, remote)
            gatherings, organisation, framed, past = self._gatherings(context, start, end)
            if gatherings == [SESSION]:
                continue  # "the Working Group met": officials, not leaders
            gatherings = self._the_summit(context, sentence, start, end, gatherings)
            if (
                start == sentence.start
                and SUBJECT_PRONOUN.match(clause)
                and (RELATION_CUE.search(clause) or (gatherings and ATTENDING.search(clause)))
            ):  # "He met Xi", "He told an informal meeting of the GATT": who opened the sentence before
                participants |= self._previous_subject(context, sentence, exclude=participants)
            named = len(participants)
            if named < 2:  # "X held a call with Y, with both leaders hailing ...": the two it names
                participants |= earlier
            when = time.when if time else None
            status = clause_status(text, start, end, when, context.anchor, headline=headline)
            purpose = TRAVEL_FOR.search(text, start, end)
            if purpose is not None:  # "arrived on Tuesday for talks with ...": the talks are to come
                status = "planned"
                if time is not None and time.start < purpose.start("talks"):
                    time = None  # the time of the journey, not of the talks
            when = time.when if time else None
            mention = _Mention(
                start, end, sentence,
                participants=participants,
                relational=self._relational(clause, gatherings),
                named=named,
                adds=bool(PARTICIPANT_LIST.search(clause)) and bool(meetings),
                counterpart=bool(COUNTERPART.search(clause)),
                gatherings=gatherings,
                past=past,
                medium=medium,
                remote=clause_remote,
                explicit=clause_remote or bool(self.in_person and self.in_person.search(clause)),
                when=when,
                time=time,
                status=status,
                perfect=bool(PERFECT.search(clause)),
                passing=bool(IN_PASSING.search(clause)),
                to=self._visits_country(context, start, end),
                place=self._place(clause, context.people, start),
                organisation=organisation,
                format=(FORMAT_WORDS.search(clause) or [None, None])[1],
            )  # fmt: skip
            mention.sides = {
                p.represents
                for key in mention.participants
                if (p := context.people.get(key)) and p.represents
            }
            if mention.gatherings and not participants:
                # "I will travel to Busan on 16 November to attend the APEC leaders' meeting"
                mention.participants = self._people_in(context, sentence.start, sentence.end)
            if framed and mention.relational and len(mention.participants) >= 2:
                # "met on the sidelines of the SCO summit": the summit frames the meeting, which
                # is one event (the seeds' granularity, ../shared/eval/seeds.json), not two
                mention.gatherings = []
            if status == "planned" and _conditional(body):
                continue  # "if he fails, he will seek talks with X": a condition, not a plan
            mention.host, mention.visitor = self._roles(context, mention)
            mention.cues = self._cues(mention)
            mentions.extend(m for part in self._separate(context, mention) for m in _each_country(part))
        return mentions

    @staticmethod
    def _the_summit(
        context: _Context, sentence: Sentence, start: int, end: int, gatherings: list[str]
    ) -> list[str]:
        """The summits a clause puts people at; "the Summit" with no name is the one named last, a few
        sentences before ("... a NATO summit. The reason I am going to Bucharest to attend the Summit")."""
        if gatherings:
            context.last_gathering = (sentence.index, gatherings[0])
            return gatherings
        if context.last_gathering is None or sentence.index - context.last_gathering[0] > NEARBY:
            return gatherings
        if not THE_SUMMIT.search(context.text, start, end):
            return gatherings
        return [context.last_gathering[1]]

    @staticmethod
    def _next_in_series(
        context: _Context, mentions: list[_Mention], start: int, end: int, time: TimeExpression | None
    ) -> list[_Mention]:
        """A place and a time that go on a list of meetings of the clause before ("meetings between
        Sullivan and Wang Yi in Vienna in May 2023, Malta in September 2023, ..."): one more meeting
        of the same people there and then."""
        if time is None or not mentions or time.when is None:
            return []
        last = mentions[-1]
        if last.named < 2 or not SERIES_CUE.search(context.text, last.sentence.start, last.end):
            return []
        item = SERIES_ITEM.fullmatch(context.text, start, time.start)
        if item is None or not SERIES_END.fullmatch(context.text, time.end, end):
            return []
        return [replace(last, start=start, end=end, when=time.when, time=time, place=item.group("place"))]

    @staticmethod
    def _relational(clause: str, gatherings: list[str]) -> bool:
        """Whether a clause relates people to one another ("met with", "a call with"), not only
        a summit to its host ("attended the summit hosted by X") or its leaders ("discussions with
        world leaders at the East Asia Summit")."""
        found = RELATION_CUE.search(clause)
        if found is None or not gatherings:
            return found is not None
        if GENERIC_LEADERS.match(clause, found.end()):
            return False
        host = GATHERING_HOST.search(clause)
        if host is None:
            return True
        return bool(RELATION_CUE.search(clause[: host.start()]) or RELATION_CUE.search(clause, host.end()))

    @staticmethod
    def _separate(context: _Context, mention: _Mention) -> list[_Mention]:
        """A day of "meetings with A, B and C" is one bilateral with each, "a luncheon meeting with
        A ... and meet with B" one with each of the two; else the mention as it is."""
        second = AND_MEET.search(context.text, mention.start, mention.end)
        if second is not None:
            return MeetingExtractor._two_meetings(context, mention, second.start(), second.end())
        cue = SEPARATE_TALKS.search(context.text, mention.start, mention.end)
        if cue is None:
            return [mention]
        starts = sorted(
            (m.start, m.end, key) for key, p in context.people.items() for m in p.mentions
            if cue.end() <= m.start < mention.end and key in mention.participants
        )  # fmt: skip
        members: list[str] = []
        boundary, commas = cue.end(), 0
        for start, end, key in starts:
            gap = context.text[boundary:start]
            if not LIST_GAP.fullmatch(gap) or ("," in gap and LIST_SUBJECT.match(context.text, end)):
                break  # "meetings with A, B and C, Clark told ...": Clark is who met them
            commas += "," in gap and bool(members)
            if key not in members:
                members.append(key)
            boundary = end
        subject = mention.participants - set(members)
        both = cue.group().lower().endswith("both")  # "The Egyptian Foreign Minister made an emergency
        # visit to both Israeli Prime Minister Ariel Sharon and the Palestinian leader Yasser Arafat"
        if len(members) < 2 or not (commas or both) or not (subject or both):
            return [mention]
        return [
            replace(mention, participants=subject | {member}, named=len(subject) + 1, counterpart=not subject)
            for member in members
        ]

    @staticmethod
    def _two_meetings(context: _Context, mention: _Mention, start: int, end: int) -> list[_Mention]:
        """The clause cut at its second meeting verb (``text[start:end]``, "and meet with"): its
        subject meets those named before it, then those named after it."""
        first = RELATION_CUE.search(context.text, mention.start, start)
        if first is None:
            return [mention]
        named = [
            (m.start, key) for key in mention.participants if key in context.people
            for m in context.people[key].mentions if mention.start <= m.start < mention.end
        ]  # fmt: skip
        middle = {key for at, key in named if first.end() <= at < start}
        after = {key for at, key in named if at >= end}
        subject = mention.participants - middle - after
        if not (subject and middle and after) or middle & after:
            return [mention]
        return [
            replace(mention, participants=subject | middle, named=len(subject | middle)),
            replace(mention, participants=subject | after, named=len(subject | after)),
        ]

    def _people_in(self, context: _Context, start: int, end: int) -> set[str]:
        """The people a span names, without those who only accompany or arrange it; with the author it
        refers to."""
        accompanied = ACCOMPANIED.search(context.text, start, end) or ARRANGED_BY.search(
            context.text, start, end
        )
        found = set()
        for key, person in context.people.items():
            for m in person.mentions:
                if start <= m.start < end and not (accompanied and m.start > accompanied.start()):
                    if not ATTRIBUTIVE.match(context.text, m.end) and not POSSESSIVE.match(
                        context.text, m.end
                    ):
                        found.add(key)  # not "the Reagan administration", "Putin's war"
        if context.author and context.author_refs:
            for ref in context.author_refs.finditer(context.text, start, end):
                if not any(a <= ref.start() < b for a, b in context.voices):  # "I", not a guest's "I"
                    found.add(context.author)
                    break
        return found

    def _visits_country(self, context: _Context, start: int, end: int) -> set[str]:
        """The countries a clause sends someone to (none if it sends no one): "visited China", "will travel to Pakistan",
        "I will visit East Timor" (a country named only as the venue), "arrives in Seoul" (its capital)."""
        text = context.text
        for cue in VISITOR_CUE.finditer(text, start, end):
            if cue.group().lower().endswith(" by"):
                continue
            near = [(at, key) for at, key in context.countries if cue.end() <= at < min(end, cue.end() + 40)]
            to = {key for at, key in near if not OWNER.match(text, at)} or {key for _, key in near}
            venue = False
            if not to:
                to, venue = self._destination(context, cue.end(), end), True
            if not to:
                continue
            # ... and the traveller is the subject, just before: "Moon Jae-in visited China", "Lee will
            # make a state visit to China", "my official visit to Singapore"; not "a statement by Emily
            # Horne on official travel to India".
            subjects = [
                (key, text[m.end : cue.start()]) for key, p in context.people.items() for m in p.mentions
                if start <= m.end <= cue.start() and not (venue and p.represents in to)
            ]  # fmt: skip
            if context.author and context.author_refs and to - {context.home}:  # abroad
                subjects += [
                    (context.author, text[ref.end() : cue.start()])
                    for ref in context.author_refs.finditer(text, start, cue.start())
                    if not any(a <= ref.start() < b for a, b in context.voices)
                    and not OTHER_PRONOUN.search(text, ref.end(), cue.start())  # "I know your visit"
                ]
            if any(len(gap.split()) <= 6 and not TOPIC_PREPOSITION.search(gap) for _, gap in subjects):
                return to
            if FRONTED_VISIT.match(text, start, cue.start()) and self._named_after(context, cue.end(), end):
                return to  # "During the visit to Pakistan's close ally China, General Musharraf said"
        return set()

    @staticmethod
    def _named_after(context: _Context, at: int, end: int) -> bool:
        """Whether a person is the subject right after the fronted phrase that ends at the first
        comma after ``at``: "..., today, U.S. Vice President Kamala Harris announced"."""
        comma = context.text.find(",", at, end)
        if comma < 0:
            return False
        return any(
            comma < m.start < end and len(context.text[comma : m.start].split()) <= 6
            for p in context.people.values()
            for m in p.mentions
        )

    def _destination(self, context: _Context, at: int, end: int) -> set[str]:
        """The countries a visit's verb at ``at`` names right after it as venues ("visit East Timor",
        "arrives in Seoul", "a visit to both Japan and China"), known to the gazetteer; none for a city
        it does not know ("visited Seattle")."""
        found = DESTINATION.match(context.text, at, end)
        if found is None or self.gazetteer is None:
            return set()
        countries = set()
        for place in PLACE_LIST.split(found.group(1)):  # "visit Thailand and Indonesia": each
            match = next(self.gazetteer.names.find(scan(place)), None)
            if match is None or match.start != 0 or NOT_AN_ACTOR in match.values:
                continue
            day = context.anchor.end if context.anchor else None
            key = self.gazetteer.resolve(match.values, day)
            if self.gazetteer.entries[key].type == "Country":
                countries.add(key)
        return countries

    @staticmethod
    def _title_subject(context: _Context, sentence: Sentence, start: int, end: int) -> set[str]:
        """The author, for the title of a release that names only the other side: "Remarks at the
        bilateral meeting with the Prime Minister of Singapore" is the author's meeting."""
        if context.author is None or sentence.index != 0 or not context.doc.article.title:
            return set()
        cue = RELATION_CUE.search(context.text, start, end)
        if cue is None or not cue.group().lower().endswith("with"):
            return set()
        named_before = any(
            start <= m.start < cue.start() for person in context.people.values() for m in person.mentions
        )
        return set() if named_before else {context.author}

    @staticmethod
    def _reporters(context: _Context, start: int, end: int) -> set[str]:
        """People a clause names as the source of what it says (", X said"; "X noted that ...")."""
        return {
            key
            for key, person in context.people.items()
            for m in person.mentions
            if start <= m.start < end
            and (REPORTER.match(context.text, m.end, end) or SAYER.match(context.text, m.end, end))
        }

    @staticmethod
    def _release_voices(context: _Context, start: int, end: int) -> set[str]:
        """People who issue the release ("Statement from Press Secretary Karine Jean-Pierre on the
        visit of ..."): its voice, not a participant; a joint statement's signatories are not."""
        return {
            key
            for key, person in context.people.items()
            for m in person.mentions
            if start <= m.start < end
            and RELEASE_VOICE.search(context.text, max(start, m.start - 80), m.start)
        }

    @staticmethod
    def _previous_subject(context: _Context, sentence: Sentence, exclude: set[str]) -> set[str]:
        """Whom a sentence's "He" or "She" is: the first person named in the sentence before (or
        the one before that), read as its subject."""
        sentences = context.doc.sentences
        for back in (1, 2):
            if sentence.index - back < 0:
                break
            earlier = sentences[sentence.index - back]
            named = sorted(
                (m.start, key) for key, p in context.people.items() for m in p.mentions
                if earlier.start <= m.start < earlier.end
            )  # fmt: skip
            if named:
                return set() if named[0][1] in exclude else {named[0][1]}
        return set()

    @staticmethod
    def _last_named(context: _Context, before: int, exclude: set[str]) -> set[str]:
        """The person mentioned last before an offset (whom "him" or "her" means), if any."""
        last = max(
            ((m.start, key) for key, p in context.people.items() if key not in exclude for m in p.mentions
             if m.start < before),
            default=None,
        )  # fmt: skip
        return {last[1]} if last else set()

    @staticmethod
    def _earlier(meetings: list[_Meeting], size: int | None = None) -> set[str]:
        """The people of the last meeting (of ``size`` people), whom an anaphor refers back to."""
        for meeting in reversed(meetings):
            people = _participants(meeting)
            if len(people) >= 2 and (size is None or len(people) == size):
                return people
        return set()

    def _remote(self, text: str) -> str | None:
        return _remote_medium(self.media["video"], self.media["phone"], text)

    def _medium(self, clause: str, sentence_remote: str | None) -> tuple[str | None, bool]:
        """The clause's medium, and whether a remote cue in the clause itself says so."""
        own = self._remote(clause)
        if own:
            return own, True
        if self.media["in_person"].search(clause):
            return "in_person", False
        return sentence_remote, False

    @staticmethod
    def _place(clause: str, people: dict[str, EntityRecord], offset: int) -> str | None:
        for match in PLACE.finditer(clause):
            if match.group(1).split()[0] in NOT_PLACES:
                continue
            at = offset + match.start(1)
            if any(m.start <= at < m.end for p in people.values() for m in p.mentions):
                continue  # "in Prime Minister Abe" is a person
            return match.group(1)
        return None

    @staticmethod
    def _gatherings(context: _Context, start: int, end: int) -> tuple[list[str], str | None, bool, set[str]]:
        """The summits a clause names, the organisation that frames it, whether it is only a frame
        ("on the sidelines of the SCO summit"), and which summits it names as past ("after the G20")."""
        text = context.text
        found: list[str] = []
        past: set[str] = set()
        organisation, framed = None, False
        for entity in context.organisations:
            for m in entity.mentions:
                if not start <= m.start < end:
                    continue
                surface = text[m.start : m.end]
                before = text[max(start, m.start - 30) : m.start]
                after = None
                if m.end < end:
                    after = GATHERING_AFTER.match(text, m.end, min(end, m.end + 60)) or SHARED_NOUN.match(
                        text, m.end, min(end, m.end + 60)
                    )
                if STANDING_BODY.search(entity.label) and (
                    after or GATHERING_BEFORE.search(before) or SESSION_AFTER.match(text, m.end, end)
                ):
                    found.append(SESSION)
                elif (
                    after
                    or SUMMIT_IN_NAME.search(surface)
                    or GATHERING_BEFORE.search(before)
                    or (
                        PRESENCE.search(before)
                        and _is_summit_series(surface)
                        and not MEMBERSHIP.search(before)
                        and not POSSESSED.match(text, m.end)  # "security in NATO's Eastern Flank"
                    )
                ):
                    found.append(entity.key)
                    if SINCE.search(before):
                        past.add(entity.key)
                    organisation = organisation or entity.key
                    framed = framed or bool(SIDELINES.search(before))
                elif SIDELINES.search(before):
                    organisation, framed = organisation or entity.key, True
        for unnamed in UNNAMED_GATHERING.finditer(text, start, end) if not found else ():
            if unnamed.group().split()[0].lower() not in NOT_GATHERINGS:
                found.append(f"gathering/{unnamed.group().lower()}")
                break
        if SESSION in found:  # a standing body's session, and nothing else: no meeting at all
            return (
                ([SESSION] if set(found) == {SESSION} else [k for k in found if k != SESSION]),
                None,
                False,
                past,
            )
        return list(dict.fromkeys(found)), organisation, framed, past

    @staticmethod
    def _roles(context: _Context, mention: _Mention) -> tuple[str | None, str | None]:
        """Host and visitor, from a hosting verb ("X hosted Y") or a visiting one ("X visited", "a visit by X")."""
        text, people = context.text, context.people
        order = sorted(
            (m.start, key) for key in mention.participants if key in people for m in people[key].mentions
            if mention.start <= m.start < mention.end
        )  # fmt: skip
        if context.author in mention.participants and context.author_refs is not None:
            refs = context.author_refs.finditer(text, mention.start, mention.end)
            order = sorted(order + [(ref.start(), context.author) for ref in refs])  # type: ignore[misc]
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

    @staticmethod
    def _cues(mention: _Mention) -> list[Evidence]:
        index = mention.sentence.index
        cues = [Evidence(mention.sentence.start, mention.sentence.end, index, "event", "meeting cue", 0.8)]
        if mention.when is not None and mention.time is not None:
            reason = f"{mention.when.reason} in sentence {index + 1} ({mention.when.precision})"
            time = mention.time
            cues.append(Evidence(time.start, time.end, index, "date", reason, mention.when.confidence))
        return cues

    # -- grouping clauses into meetings ------------------------------------------------------

    def _place_mention(self, meetings: list[_Meeting], mention: _Mention) -> None:
        if mention.adds:
            meetings[-1].mentions.append(mention)
            return
        strict = mention.relational and len(mention.participants) >= 2
        target = next((m for m in meetings if self._same(m, mention, strict=strict)), None)
        if target is not None:
            target.mentions.append(mention)
        elif (
            mention.named >= 2
            or (mention.named == 1 and len(mention.participants) >= 2)
            or (mention.named == 1 and mention.counterpart and mention.relational)
            or (mention.named == 1 and len(mention.participants) == 1 and mention.visits)
            or (len(mention.participants) >= 2 and mention.relational and (mention.when or mention.explicit))
        ):
            meetings.append(_Meeting(f"meeting-{len(meetings) + 1}", [mention]))

    @staticmethod
    def _place_in_gathering(gatherings: list[_Meeting], mention: _Mention, key: str) -> None:
        """Add a clause to the summit it names, or start one if it puts someone there."""
        if key in mention.past and mention.status != "occurred":
            mention = replace(mention, status="occurred", when=None, time=None)
        for gathering in gatherings:
            if gathering.gathering == key and _compatible(gathering, mention):
                gathering.mentions.append(mention)
                gathering.people |= mention.participants
                return
        if mention.participants:  # "the East Asia Summit engages all regional powers" is no event
            gatherings.append(_Meeting("", [mention], key, set(mention.participants)))

    @staticmethod
    def _same(meeting: _Meeting, mention: _Mention, *, strict: bool) -> bool:
        people = _participants(meeting)
        if strict and mention.participants != people:
            return False
        if mention.participants and not mention.participants <= people:
            return False
        if not mention.participants and not mention.when:
            return False  # a clause that names nobody and no time adds nothing
        if not mention.participants and mention.sentence.index - meeting.mentions[-1].sentence.index > NEARBY:
            return False  # "the call took place on Friday" follows the report it dates, not pages later
        if mention.explicit and _medium_of(meeting) not in (None, mention.medium) and not strict:
            return False
        if mention.to:  # a trip elsewhere is another event: "Mr Blair held talks with Ariel Sharon ...
            # Mr Blair also made a surprise trip to Iraq this week", "visit Thailand and Indonesia"
            hosts = set().union(*(m.sides for m in meeting.mentions)) - mention.sides
            went = set().union(*(m.to for m in meeting.mentions)) - mention.sides
            if (hosts and not hosts & mention.to and not mention.relational) or (
                went and not went & mention.to
            ):
                return False
        return _compatible(meeting, mention)

    @staticmethod
    def _is_meeting(meeting: _Meeting) -> bool:
        people = _participants(meeting)
        return len(people) >= 2 or (
            len(people) == 1 and any(m.counterpart or m.visits for m in meeting.mentions)
        )

    # -- records ---------------------------------------------------------------------------

    def _record(self, context: _Context, meeting: _Meeting, number: int) -> EventRecord:
        doc, anchor = context.doc, context.anchor
        status = _first(meeting, "status") or "occurred"
        when = self._date(context, meeting, status)
        if when is not None and status == "occurred" and anchor is not None and when.start > anchor.end:
            status = "planned"
        when = _on_its_side(when, anchor, status)
        place = _first(meeting, "place")
        medium = self._medium_of(doc, meeting) or ("in_person" if place else None)
        organisation = _organisation_key(meeting.gathering) or _first(meeting, "organisation")
        occasion_cues: list[Evidence] = []
        at = self._occasion(context, meeting, when, status, medium, organisation)
        if at is not None and not self._held_elsewhere(place, at[0], context):
            occasion, names_city = at
            when, occasion_cues = _at_occasion(meeting, when, occasion)
            when = _on_its_side(when, anchor, status)  # a plan made during a summit: from that day
            if names_city and place is None:  # "the Beijing Winter Olympics"
                place, medium = occasion.city, medium or "in_person"
        participants = sorted(meeting.people if meeting.gathering else _participants(meeting))
        topics, topic_cues = self._topics(context, meeting)
        evidence = tuple(
            dict.fromkeys(
                [
                    *(e for m in meeting.mentions for e in m.cues),
                    *self._medium_cues(doc, meeting, medium),
                    *topic_cues,
                    *occasion_cues,
                ]
            )
        )
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
            format="multilateral"
            if meeting.gathering
            else self._format(meeting, participants, context.people),
            organisation=organisation,
            place=place,
            date=when.day if when else None,
            date_start=when.start if when else None,
            date_end=when.end if when else None,
            precision=when.precision if when else None,
            status=status,
            topics=topics,
        )

    def _occasion(
        self,
        context: _Context,
        meeting: _Meeting,
        when: When | None,
        status: str,
        medium: str | None,
        organisation: str | None,
    ) -> tuple[Occasion, bool] | None:
        """The summit or event a meeting was held at, and whether the text names its city: an
        event its clauses name ("the Beijing Winter Olympics"), else the summit of its
        organisation's series that its time or the article's date points to
        (:meth:`Occasions.of_series`). A call is held at none."""
        if self.occasions is None or medium in ("phone", "video"):
            return None
        low = lowered(context.text)
        for mention in meeting.mentions:
            named = self.occasions.named_in(low, mention.start, mention.end)
            if named is not None:
                occasion, name = named
                return occasion, bool(occasion.city and occasion.city.lower() in name)
        if organisation is None:
            return None
        window = (when.start, when.end) if when is not None else None
        article = context.anchor.end if context.anchor and context.anchor.precision == "day" else None
        found = self.occasions.of_series(organisation, window, article, planned=status == "planned")
        return (found, False) if found is not None else None

    def _held_elsewhere(self, place: str | None, occasion: Occasion, context: _Context) -> bool:
        """Whether the text places a meeting away from an occasion's city and country (a meeting
        "in Hanoi" is not at the East Asia Summit in Bali): then it was not that occasion."""
        if place is None or occasion.city is None or place.lower() == occasion.city.lower():
            return False
        if self.gazetteer is None:
            return True
        match = next(self.gazetteer.names.find(scan(place)), None)
        if match is None or match.start != 0:
            return True
        day = context.anchor.end if context.anchor else None
        return self.gazetteer.resolve(match.values, day) != occasion.country

    def _date(self, context: _Context, meeting: _Meeting, status: str) -> When | None:
        """The meeting's own time; else the article's date for its lead news, a few days before it
        for "has met", a window from the plans around an undated plan (:meth:`_plan_date`), or the
        whole window of an undated article."""
        doc, anchor = context.doc, context.anchor
        when = _when(meeting)
        if when is not None or anchor is None:
            return when
        if anchor.precision != "day":
            return replace(anchor, reason=f"undated; {anchor.reason}")
        if status != "occurred":
            return self._plan_date(context, meeting)
        if self._is_current(doc, meeting):
            return replace(anchor, reason=f"article date ({anchor.reason})")
        if any(m.perfect for m in meeting.mentions):
            reason = "'has met' in an article of that date"
            return When(anchor.start - RECENT, anchor.end, "window", reason, anchor.confidence * 0.8)
        return None

    @staticmethod
    def _plan_date(context: _Context, meeting: _Meeting) -> When | None:
        """The time of an undated plan: that of a dated plan of the same people just before it
        (an itinerary: "I will travel to Busan on 16 November ... I look forward to meeting"),
        else between the dated plans of theirs around it ("then travel to Pakistan ... Malta on
        25-27 November"), else the rest of the article's year (two months at least)."""
        first, people = meeting.mentions[0].sentence.index, _participants(meeting) | meeting.people
        theirs = sorted(((at, plan) for at, who, plan in context.plans if who & people), key=lambda p: p[0])
        before = [plan for at, plan in theirs if at < first]
        after = [plan for at, plan in theirs if at > first]
        if before and any(first - 3 <= at < first for at, _ in theirs):
            reason = f"the plan named before it ({before[-1].reason})"
            return replace(before[-1], reason=reason, confidence=before[-1].confidence * 0.6)
        if before and after and before[-1].start <= after[0].start:
            reason = f"between the plans named around it ({before[-1].reason}, {after[0].reason})"
            return When(before[-1].start, after[0].start, "window", reason, before[-1].confidence * 0.5)
        # "will visit", "the upcoming summit" with no time: from the article to the end of its year,
        # and at least two months (the gold reads "upcoming" so, and "forthcoming" as two months)
        anchor = context.anchor
        if anchor is None:
            return None
        end = max(anchor.end + PLAN_HORIZON, dt.date(anchor.end.year, 12, 31))
        reason = (
            f"undated plan: from the article to the end of its year, two months at least ({anchor.reason})"
        )
        return When(anchor.start, end, "window", reason, anchor.confidence * 0.3)

    def _medium_of(self, doc: Doc, meeting: _Meeting) -> str | None:
        """The clauses' medium; a readout's title says how its lead meeting was held ("Video Call")."""
        medium = _medium_of(meeting)
        explicit = any(m.explicit for m in meeting.mentions)
        if doc.article.title and not explicit and self._is_current(doc, meeting):
            return self._remote(doc.article.title) or medium
        return medium

    def _topics(self, context: _Context, meeting: _Meeting) -> tuple[tuple[str, ...], list[Evidence]]:
        """The topics of the sentences that report the meeting and of those after them, up to the
        next sentence about another meeting ("They discussed energy and trade."), each with where
        it was found."""
        if self.topics is None:
            return (), []
        doc, found = context.doc, {}
        for sentence in _segment(doc, meeting, context.owners):
            for hit in self.topics.find(doc.normalised, sentence.start, sentence.end):
                if hit.notation not in found:
                    reason = f"'{doc.text[hit.start : hit.end]}' in sentence {sentence.index + 1}"
                    found[hit.notation] = Evidence(hit.start, hit.end, sentence.index, "topic", reason, 0.7)
        return tuple(found), list(found.values())

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


def _each_country(mention: _Mention) -> list[_Mention]:
    """A lone traveller's visit to two countries or more is one visit to each ("Jack Straw is to
    visit Thailand and Indonesia this week", "a visit to both Japan and China"); not the countries
    of a meeting with people ("visited China to meet Xi"), nor the traveller's own."""
    abroad = mention.to - mention.sides
    if mention.named != 1 or len(mention.participants) != 1 or len(abroad) < 2 or mention.gatherings:
        return [mention]
    return [replace(mention, to={country}) for country in sorted(abroad)]


def _sentence_owners(meetings: list[_Meeting]) -> dict[int, set[int]]:
    """The sentences that report each meeting; a meeting named only in passing ("since their first
    meeting in August 2021") claims none, and the report around it goes on."""
    owners: dict[int, set[int]] = {}
    for meeting in meetings:
        if _in_passing(meeting):
            continue
        for mention in meeting.mentions:
            owners.setdefault(mention.sentence.index, set()).add(id(meeting))
    return owners


def _segment(doc: Doc, meeting: _Meeting, owners: dict[int, set[int]]) -> list[Sentence]:
    """The sentences a meeting's report runs over: each of its sentences, and those after it that
    no other meeting claims, up to one that does."""
    mine = sorted({m.sentence.index for m in meeting.mentions})
    sentences: dict[int, None] = {}
    for index in mine:
        sentences[index] = None
        if _in_passing(meeting):
            continue
        following = index + 1
        while following < len(doc.sentences) and following not in owners:
            sentences[following] = None
            following += 1
    return [doc.sentences[i] for i in sentences]


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


@lru_cache(maxsize=64)  # the same: the sentence's medium, then its one clause's
def _remote_medium(video: re.Pattern[str], phone: re.Pattern[str], text: str) -> str | None:
    """The remote medium a text names, video before phone."""
    if video.search(text):
        return "video"
    if phone.search(text):
        return "phone"
    return None


def _organisation_key(gathering: str | None) -> str | None:
    """The organisation of a gathering key (``org/G20``); an unnamed gathering has none."""
    return None if gathering is None or gathering.startswith("gathering/") else gathering


def _is_summit_series(surface: str) -> bool:
    """Whether a name is a summit series one attends (APEC, CHOGM, G20), not a body one joins."""
    return bool(
        re.fullmatch(r"(?:the )?(?:G-?\d+|APEC|CHOGM|EAS|Quad|BRICS|ASEAN|NATO|SCO|EU)", surface, re.I)
    )


def _reported_better(visit: _Meeting, found: list[_Meeting]) -> bool:
    """Whether a lone visitor's visit ("I will visit Pakistan") is also a meeting of theirs that
    names the other side ("I look forward to meeting President Musharraf"): then it is that one,
    and the visit's time dates it when it has none of its own."""
    people = _participants(visit)
    if visit.gathering or len(people) != 1 or not any(m.visits for m in visit.mentions):
        return False
    # (a title says no tense: "Premier of China's visit to Australia" is the visit the text plans)
    status, when = _first(visit, "status"), _when(visit)
    to = set().union(*(m.to for m in visit.mentions))
    for other in found:
        theirs_people = _participants(other) | other.people
        if other is visit or not people <= theirs_people or (len(theirs_people) < 2 and not other.gathering):
            continue  # (another lone visit, to another country, is not this one better told)
        hosts = set().union(*(m.sides for m in other.mentions)) - set().union(
            *(m.sides for m in visit.mentions)
        )
        if to and hosts and not hosts & to:
            continue  # a trip to Iraq is not the talks with Ariel Sharon
        theirs = _when(other)
        apart = when and theirs and (when.end < theirs.start or theirs.end < when.start)
        if status in (None, _first(other, "status") or "occurred") and not apart:
            if when is not None and theirs is None:  # "I will make an official visit to New Zealand from
                # February 15-17. The visit will be my first opportunity for a meeting with Mr Bolger."
                other.mentions.extend(m for m in visit.mentions if m.when is not None)
                other.mentions.sort(key=lambda m: m.start)
            return True
    return False


def _domestic(
    meeting: _Meeting, people: dict[str, EntityRecord], states: set[str | None], home: str | None
) -> bool:
    """Whether everyone at a meeting speaks for one and the same state ("This morning I met the
    Leader of the Opposition", a President and his adviser): a domestic session, not diplomacy;
    so too, in a text of a publisher of that state that names no other, a meeting with people who
    speak for none and whom the reference data does not know ("I met the President of the ACTU";
    not the UN Secretary-General)."""
    participants = _participants(meeting)
    sides = {people[p].represents if p in people else None for p in participants}
    if len(participants) < 2 or len(sides - {None}) != 1:
        return False
    if None not in sides:
        return True
    stateless = [people.get(p) for p in participants if p not in people or people[p].represents is None]
    return (
        home is not None
        and home in sides
        and states <= sides
        and not any(person is None or person.known for person in stateless)
    )


def _told_as_summit(gathering: _Meeting, found: list[_Meeting]) -> bool:
    """Whether an unnamed summit ("at Monday summit in Beijing", "meet at a summit in Beijing") is a
    meeting between its people reported as such ("summit talks between Lee and Xi on Monday"): then
    its clauses join that one. An unnamed conference or ministers' meeting in the same clause as a
    meeting frames it instead ("a meeting with X during a trade ministers' meeting")."""
    if gathering.gathering is None or _organisation_key(gathering.gathering) is not None:
        return False
    if len(gathering.people) < 2:
        return False  # "Biden will host a COVID summit": his other meetings are not it
    status, when = _first(gathering, "status") or "occurred", _when(gathering)
    clauses = {(m.start, m.end) for m in gathering.mentions}
    for other in found:
        if other.gathering or not gathering.people <= _participants(other):
            continue
        if "summit" not in gathering.gathering and any((m.start, m.end) in clauses for m in other.mentions):
            continue  # "a meeting with X during a trade ministers' meeting": the gathering frames it
        theirs = _when(other)
        apart = when and theirs and (when.end < theirs.start or theirs.end < when.start)
        if (_first(other, "status") or "occurred") == status and not apart:
            other.mentions.extend(m for m in gathering.mentions if m not in other.mentions)
            other.mentions.sort(key=lambda m: m.start)
            return True
    return False


def _conditional(sentence: str) -> bool:
    """Whether a sentence puts a condition ("if he fails", "only if", "unless"); not the "if" of a
    question ("asked if", "wondered if") nor of politeness ("If I could say to President Obama")."""
    return any(
        not WHETHER.search(sentence, max(0, found.start() - 12), found.start())
        for found in CONDITIONAL.finditer(sentence)
    )


def _in_passing(meeting: _Meeting) -> bool:
    """Whether every clause names the meeting only as a point in time of another report."""
    return all(m.passing for m in meeting.mentions)


def _compatible(meeting: _Meeting, mention: _Mention) -> bool:
    """Whether a clause can speak of a meeting: their dates overlap and their statuses agree, where known."""
    when, status = _when(meeting), _first(meeting, "status")
    if mention.when and when and (mention.when.end < when.start or when.end < mention.when.start):
        return False
    return not (mention.status and (status or "occurred") != mention.status)


def _participants(meeting: _Meeting) -> set[str]:
    return set().union(
        *(m.participants for m in meeting.mentions if m.relational or m.visits or len(m.participants) >= 2)
    )


def _first(meeting: _Meeting, attribute: str) -> str | None:
    return next((getattr(m, attribute) for m in meeting.mentions if getattr(m, attribute)), None)


def _medium_of(meeting: _Meeting) -> str | None:
    """A remote cue in any clause wins over presence words ("met via video link")."""
    remote = next((m.medium for m in meeting.mentions if m.remote), None)
    return remote or _first(meeting, "medium")


def _on_its_side(when: When | None, anchor: When | None, status: str) -> When | None:
    """A window cut at the article's day: what occurred is not after it ("This week, at the NATO
    summit, the President announced", published on a Wednesday: Monday to Wednesday), what is
    planned not before it ("will meet this month")."""
    if when is None or anchor is None or anchor.precision != "day":
        return when
    start, end = when.start, when.end
    if status == "occurred" and start <= anchor.end < end:
        end = anchor.end
    elif status == "planned" and start < anchor.start < end:
        start = anchor.start
    if (start, end) == (when.start, when.end):
        return when
    side = "up to" if status == "occurred" else "from"
    precision = "day" if start == end else "window"
    return replace(
        when, start=start, end=end, precision=precision, reason=f"{when.reason}, {side} the article's day"
    )


def _at_occasion(
    meeting: _Meeting, when: When | None, occasion: Occasion
) -> tuple[When | None, list[Evidence]]:
    """A meeting's time within an occasion's days (all of them, when its own time was only a
    guess), with the reason; unchanged if the two do not meet (the text dates it elsewhere).
    The occasion's city is not the meeting's place unless the text names it: the gold sets, like
    an analyst, place a meeting where the text does."""
    start, end = occasion.start, occasion.end
    if when is not None and when.confidence >= GUESS:
        start, end = max(start, when.start), min(end, when.end)
        if start > end:
            return when, []
    if when is not None and (start, end) == (when.start, when.end):
        return when, []
    first = meeting.mentions[0]
    reason = f"during {occasion} (seeds/reference/{OCCASIONS_FILE})"
    confidence = min(0.7, when.confidence) if when is not None else 0.7  # no surer than the year read
    cue = Evidence(first.start, first.end, first.sentence.index, "date", reason, confidence)
    precision = "day" if start == end else "window"
    return When(start, end, precision, reason, confidence), [cue]


def _when(meeting: _Meeting) -> When | None:
    """The most precise time the meeting's clauses give (they overlap: see :func:`_compatible`)."""
    return min((m.when for m in meeting.mentions if m.when), key=lambda w: w.end - w.start, default=None)
