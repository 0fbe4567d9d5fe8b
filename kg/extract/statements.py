"""Statements and agreements: who took which position toward whom, and which agreements were made.

A first version (issue 4). Cues come from ``seeds/reference/statement_cues.tsv`` (verbs of saying,
stance verbs and nouns, intentions, joint subjects, agreement phrases); stances, PLOVER categories
and CAMEO codes from the ontology. In each sentence with a stance cue:

- the **speaker** is the person a verb of saying names ("Putin said Russia firmly supports ...",
  "..., Xi said."), else the actor just before the cue ("President Biden condemned"), a pronoun
  resolved to the last person a sentence opened with ("He expressed deep concern"), the author of a
  first-person document ("I reject", "The Prime Minister congratulated" in the Prime Minister's
  release), or, for a joint subject ("the two leaders agreed"), the meeting's principal: the
  holder of the publisher's office if they took part, else its first-named participant, as the
  gold conventions attribute readouts' joint positions. A country spoken for by the person whose
  words the previous sentence reported is that person ("Xi stressed ... China is ready to ...");
- the **target** is the first other actor after the cue ("condemned the deployment of DPRK
  troops"), or, after an anaphoric object ("China commends that"), the last one before it;
- the **topic** is the first topic label after the cue (:mod:`kg.extract.topics`).

Only the most salient statements are kept (at most :attr:`StatementExtractor.MAX_STATEMENTS` per
article, as in the gold): precision matters more than recall. A statement made in the sentences
of a meeting is linked to it (``related``) and dated as it; otherwise it has the article's date.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rdflib import SKOS

import kg
from kg.extract.base import Doc, EntityRecord, EventRecord, Evidence, Record, Sentence
from kg.extract.casing import lowered
from kg.extract.dates import When
from kg.extract.gazetteer import Gazetteer
from kg.extract.publishers import Publisher, Publishers, document_author, label_names
from kg.extract.topics import TopicMatcher, topic_matcher, trie_pattern

if TYPE_CHECKING:
    from kg.ontology import Ontology

CUES_FILE = "statement_cues.tsv"
FRAMES = ("report", "verb", "bare", "noun", "intent", "joint", "agreement", "planned")
#: Cues tried first where two start at the same place: agreements before "agreed to", nouns before verbs.
_FRAME_ORDER = {
    "agreement": 0,
    "planned": 0,
    "noun": 1,
    "intent": 2,
    "verb": 3,
    "bare": 3,
    "report": 4,
    "joint": 5,
}
ACTOR_TYPES = ("Person", "Country", "Organisation")
#: Salience: an explicit stance verb ("condemned") tells more than a noun or an intention.
_FRAME_WEIGHT = {"verb": 0.1, "bare": 0.1, "noun": 0.05}

#: What may stand between a subject and its verb: "Italy and Germany also favour", "Washington has
#: also voiced", "The Russian President on his part assured", "Chinese officials said".
_GAP_WORDS = frozenset(
    "has have had am is are was were be been will would shall should can could may might also again very "
    "further then today yesterday now still himself herself itself themselves jointly both all "
    "on his her their its part in turn once more officials official government side authorities "
    "delegation leaders leader administration ministry spokesman spokeswoman spokesperson president "
    "prime minister foreign".split()
)
_PRONOUN = re.compile(r"(?<![\w-])(?:he|she)\s*$", re.IGNORECASE)
_NEGATION = re.compile(r"(?:\bnot|n't|\bnever|\bno longer|\bnor)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_ANAPHORIC_OBJECT = re.compile(r"\s+(?:that|this|it|them|these|those)\s*(?:[.,;]|$)", re.IGNORECASE)
_AND_VERB = re.compile(r"(?<![\w-])and\s+(?:(?:has|have|had|also)\s+)*$", re.IGNORECASE)
# A sentence's opening phrase, before its subject: "In his audience with Pope Francis today, ...".
_OPENING_PHRASE = re.compile(
    r"(?:in|at|on|during|after|before|with|following|ahead of|while|when|since|upon)\b[^,.;]{0,80},",
    re.IGNORECASE,
)
# An aside between a sentence's subject and its verb: " of Saudi Arabia, in an interview with Reuters, ".
_ASIDE = re.compile(
    r"(?: of (?:the )?[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3})?, [^,;:\"]{3,90}, "
    r"(?:(?:has|had|also|later|earlier) )*"
)
# What a state or a body said of itself: "The US has said it is committed to", "said they would".
_ITSELF = re.compile(
    r"(?<![\w-])(?:it|they)\s+(?:(?:is|are|was|were|has|have|had|would|will|also|remained|remains|stays)\s+)*$",
    re.IGNORECASE,
)
_COORDINATED = re.compile(r"[^;]*?\s+and\s+(?:[\w.]+\s+){0,2}", re.IGNORECASE)
#: Where a clause ends, for the search of a target: "..., but there is scepticism in France".
_CLAUSE_END = re.compile(
    r"[;:]|\s+-\s+|\s+in\s+(?:talks?|a\s+call|a\s+meeting)\s+with\b|,?\s+(?:including|during)\b"
    r"|,\s+(?:but|while|although|though|despite|whereas|which|who|as|after|before|when)\b"
    r"|,\s+and\s+(?:he|she|they|it|the\s+\w+\s+(?:said|added))\b",
    re.IGNORECASE,
)
#: A cue in a question, a condition or a subordinate clause of time: "asked whether", "after Iran refused".
_HEDGE = re.compile(
    r"\b(?:asked (?:why|whether|if|about)|whether|why|if|unless|after|before|when|because|although)\b"
    r"[^.;,]*$",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"\b(?:in|of|for|with|to|from|by|at|on|against|about|between|into|toward|towards|than)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WITH = re.compile(r"^[^.;]{0,80}?\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_TARGET_WINDOW = 160


@dataclass(frozen=True, slots=True)
class Cue:
    """One line of the cue lexicon."""

    pattern: str
    stance: str | None
    frame: str


@dataclass(frozen=True, slots=True)
class CueHit:
    """A cue found in text, with its character offsets."""

    cue: Cue
    start: int
    end: int


class CueLexicon:
    """The cues of ``statement_cues.tsv`` compiled into one regular expression.

    >>> lexicon = CueLexicon([Cue("condemned", "criticize", "verb"), Cue("said", None, "report")])
    >>> [(h.cue.frame, h.start) for h in lexicon.find("Biden said he condemned it.")]
    [('report', 6), ('verb', 17)]
    """

    def __init__(self, cues: list[Cue]):
        self.cues = sorted(cues, key=lambda c: _FRAME_ORDER[c.frame])
        # Two steps, because one alternation of every cue costs ~10 ms a document: a trie of the
        # words cues can start with finds the few places worth trying, and there only the cues
        # that start with that word are tried, in the order of ``self.cues``.
        by_word: dict[str, list[Cue]] = {}
        for cue in self.cues:
            for word in sorted(_first_words(_lowercase(cue.pattern))):
                by_word.setdefault(word, []).append(cue)
        self._first = re.compile(rf"(?<![\w-])(?:{trie_pattern(by_word)})(?!\w)")
        self._by_word = {
            word: (
                re.compile(
                    "(?:"
                    + "|".join(f"({_lowercase(_plain_groups(c.pattern))})" for c in word_cues)
                    + r")(?!\w)"
                ),
                word_cues,
            )
            for word, word_cues in by_word.items()
        }

    @classmethod
    def from_file(cls, path: Path) -> CueLexicon:
        """Read a cue file (three tab-separated columns; ``#`` starts a comment line).

        Raises:
            ValueError: a line with a wrong number of columns, an unknown frame or a bad pattern.
        """
        cues = []
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[2] not in FRAMES:
                raise ValueError(
                    f"{path}:{number}: expected 'cue<TAB>stance<TAB>frame' with a frame in {FRAMES}."
                )
            try:
                re.compile(parts[0])
            except re.error as error:
                raise ValueError(f"{path}:{number}: bad cue pattern {parts[0]!r}: {error}") from error
            cues.append(Cue(parts[0], None if parts[1] == "-" else parts[1], parts[2]))
        return cls(cues)

    def stances(self) -> set[str]:
        """The stance notations the lexicon uses."""
        return {c.stance for c in self.cues if c.stance}

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[CueHit]:
        """Non-overlapping cues in ``text[start:end]``, left to right."""
        end = len(text) if end is None else end
        lower = lowered(text)
        hits: list[CueHit] = []
        for first in self._first.finditer(lower, start, end):
            if hits and first.start() < hits[-1].end:
                continue
            pattern, cues = self._by_word[first.group()]
            found = pattern.match(lower, first.start(), end)
            if found is not None:
                hits.append(CueHit(cues[found.lastindex - 1], found.start(), found.end()))  # type: ignore[operator]
        return hits


def _labelled(doc: Doc, label: str) -> EntityRecord | None:
    """The person a transcript's speaker label names ("PRIME MINISTER ABE", "PRESIDENT TRAN DAI
    QUANG"): the one person of the document whose surname is a word of the label."""
    people = [e for e in doc.entities if e.type == "Person" and label_names(label, e.label)]
    return people[0] if len(people) == 1 else None


def _lowercase(pattern: str) -> str:
    """A pattern with its letters lowercased, escapes (``\\w``, ``\\s``) untouched."""
    return re.sub(r"\\.|[A-Z]", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern)


def _first_words(pattern: str) -> set[str]:
    """The words a cue pattern can start with, spelt out ("favou?rs?" is four words).

    The cue file's syntax: words with ``[...]`` classes and ``?``, and groups of alternatives,
    optional (``?``, ``{0,n}``) or not.

    Raises:
        ValueError: a pattern that starts otherwise (with ``\\w``, say).
    """
    pattern = pattern.lstrip(" ")
    if pattern.startswith("("):
        inner, rest = _group(pattern)
        words = set().union(*(_first_words(alternative) for alternative in _top_level_split(inner)))
        optional = re.match(r"\?|\{0,\d*\}", rest)
        return words | _first_words(rest[optional.end() :]) if optional else words
    fragment = re.match(r"[^ (]*", pattern).group()  # type: ignore[union-attr]
    words = _spelt_out(fragment)
    rest = pattern[len(fragment) :]
    if rest.startswith("("):  # a group glued to the word: "reject(s|ed)"
        inner, after = _group(rest)
        endings = set().union(*(_spelt_out(a) if a else {""} for a in _top_level_split(inner)))
        if after.startswith("?"):
            endings.add("")
        words = {w + e for w in words for e in endings}
    return words


def _group(pattern: str) -> tuple[str, str]:
    """The inside of the group a pattern opens with, and what follows it."""
    depth = 0
    for end, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return pattern[1:end], pattern[end + 1 :]
    raise ValueError(f"Unbalanced group in {pattern!r}.")


def _spelt_out(fragment: str) -> set[str]:
    words = [""]
    i = 0
    while i < len(fragment):
        if fragment[i] == "[":
            close = fragment.index("]", i)
            options, i = list(fragment[i + 1 : close]), close + 1
        elif fragment[i].isalnum() or fragment[i] in "'-":
            options, i = [fragment[i]], i + 1
        else:
            raise ValueError(f"A cue must start with a word or a group of words, not {fragment!r}.")
        if fragment[i : i + 1] == "?":
            options, i = [*options, ""], i + 1
        words = [w + o for w in words for o in options]
    if not all(words):
        raise ValueError(f"A cue must start with a word, not {fragment!r}.")
    return set(words)


def _top_level_split(pattern: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


def _plain_groups(pattern: str) -> str:
    """A cue pattern with its groups made non-capturing and its spaces matching any spaces."""
    pattern = re.sub(r"(?<!\\)\((?!\?)", "(?:", pattern)
    return pattern.replace(" ", r"\s+")


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity: EntityRecord
    first_person: bool = False  # "I", "we", "our": the author, but no antecedent of a later "he"


@dataclass
class _Speaker:
    key: str
    start: int
    end: int
    reason: str
    confidence: float
    joint: bool = False  # a joint subject ("the two leaders") attributed to the meeting's principal


@dataclass
class _Candidate:
    sentence: Sentence
    cue: CueHit
    speaker: _Speaker
    target: _Mention | None = None
    topics: tuple[str, ...] = ()
    quoted: bool = False
    score: float = 0.0


class StatementExtractor:
    """Finds statements by named speakers, and agreements, in a document the actor and meeting
    extractors have read."""

    name: ClassVar[str] = "dipl.statements.v1"
    version: ClassVar[str] = kg.__version__
    assigns: ClassVar[tuple[str, ...]] = ("dipl:Statement", "dipl:Agreement", "dipl:Evidence")

    MAX_STATEMENTS: ClassVar[int] = 6
    MAX_AGREEMENTS: ClassVar[int] = 3

    def __init__(
        self,
        lexicon: CueLexicon,
        topics: TopicMatcher,
        codes: dict[str, tuple[str, str]],
        *,
        gazetteer: Gazetteer | None = None,
        publishers: Publishers | None = None,
    ):
        """Args:
        lexicon: the cues.
        topics: the topic matcher.
        codes: stance notation, and ``"agreement"``, -> (PLOVER category, CAMEO code).
        gazetteer, publishers: to know the author of a first-person document, whose "I", "we"
            and bare title ("The Prime Minister congratulated ...") are mentions of the author.
        """
        missing = lexicon.stances() - set(codes)
        if missing or "agreement" not in codes:
            raise ValueError(f"No PLOVER category or CAMEO code in the ontology for {sorted(missing)}.")
        self.lexicon = lexicon
        self.topics = topics
        self.codes = codes
        self.gazetteer = gazetteer
        self.publishers = publishers

    @classmethod
    def from_ontology(
        cls,
        ontology: Ontology,
        seeds_dir: Path,
        *,
        gazetteer: Gazetteer | None = None,
        publishers: Publishers | None = None,
    ) -> StatementExtractor:
        """The extractor with the cues of ``seeds_dir/reference`` and the ontology's codes."""
        return cls(
            CueLexicon.from_file(Path(seeds_dir) / "reference" / CUES_FILE),
            topic_matcher(ontology),
            default_codes(ontology),
            gazetteer=gazetteer,
            publishers=publishers,
        )

    def __call__(self, doc: Doc) -> list[Record]:
        text = doc.normalised
        hits = self.lexicon.find(text)
        if not any(h.cue.frame not in ("report", "joint") for h in hits):
            return []
        publisher = self.publishers.of(doc.article) if self.publishers else None
        cued = [h.start for h in hits if h.cue.frame not in ("report", "joint")]
        author = self._author_references(doc, publisher, [doc.sentence_at(start) for start in cued])
        reading = _Reading(doc, text, _mentions(doc, author), hits, self.topics)
        if publisher is not None and self.gazetteer is not None:  # whom its readouts speak for
            reading.principal = publisher.author(self.gazetteer, doc.article.published)
        candidates, agreements = [], []
        pending = [h for h in hits if h.cue.frame != "joint"]  # joint subjects are looked up, not read
        read: set[str] = set()  # a sentence said again (a headline as the first line) says nothing new
        for sentence in doc.sentences:
            found = []
            while pending and pending[0].start < sentence.end:
                hit = pending.pop(0)
                if hit.start >= sentence.start:
                    found.append(hit)
            if found and (words := text[sentence.start : sentence.end]) not in read:
                read.add(words)
                said, agreement = reading.sentence(sentence, found)
                candidates += [self._describe(reading, candidate) for candidate in said]
                if agreement is not None:
                    agreements.append(agreement)
            reading.advance(sentence)
        kept = sorted(candidates, key=lambda c: -c.score)[: self.MAX_STATEMENTS]
        kept.sort(key=lambda c: c.cue.start)
        records: list[Record] = [self._statement(doc, c, n) for n, c in enumerate(kept, 1)]
        records += [
            self._agreement(doc, reading, a, n) for n, a in enumerate(agreements[: self.MAX_AGREEMENTS], 1)
        ]
        return records

    def _author_references(
        self, doc: Doc, publisher: Publisher | None, sentences: list[Sentence]
    ) -> list[_Mention]:
        """Where a first-person document refers to its author ("I have decided", "The Prime
        Minister congratulated") in the sentences given (those with a cue), outside the parts of a
        transcript where others have the word."""
        if publisher is None or self.gazetteer is None or self.publishers is None:
            return []
        author = document_author(doc, self.gazetteer, self.publishers)
        entity = next((e for e in doc.entities if e.key == author), None)
        if entity is None:
            return []
        text = doc.normalised
        voices = [
            (start, end, _labelled(doc, label)) for start, end, label in publisher.voices(text, entity.label)
        ]
        found = []
        for sentence in dict.fromkeys(sentences):  # each once, in order
            for m in publisher.references.finditer(text, sentence.start, sentence.end):
                first_person = not m.group().lower().startswith("the")
                voice = next((v for v in voices if v[0] <= m.start() < v[1]), None)
                if voice is None:
                    found.append(_Mention(m.start(), m.end(), entity, first_person=first_person))
                elif first_person and voice[2] is not None:  # "I" of "PRIME MINISTER ABE:": Abe
                    found.append(_Mention(m.start(), m.end(), voice[2], first_person=True))
        return found

    # -- statements ---------------------------------------------------------------------------

    def _describe(self, reading: _Reading, candidate: _Candidate) -> _Candidate:
        text, sentence, cue = reading.text, candidate.sentence, candidate.cue
        clause_end = min(sentence.end, cue.end + _TARGET_WINDOW)
        candidate.topics = (
            self.topics.notations(text, cue.end, clause_end)[:2]
            or self.topics.notations(text, sentence.start, sentence.end)[:1]
        )
        candidate.quoted = text.count('"', sentence.start, cue.start) % 2 == 1
        candidate.score = (
            candidate.speaker.confidence
            + _FRAME_WEIGHT.get(cue.cue.frame, 0.0)
            + 0.15 * (candidate.target is not None)
            + 0.05 * bool(candidate.topics)
        )
        return candidate

    def _statement(self, doc: Doc, candidate: _Candidate, number: int) -> EventRecord:
        cue, sentence, speaker = candidate.cue, candidate.sentence, candidate.speaker
        stance = cue.cue.stance or "support"
        category, cameo = self.codes[stance]
        index = sentence.index
        surface = doc.text[cue.start : cue.end]
        evidence = [
            Evidence(
                sentence.start, sentence.end, index, "event", f"'{surface}' in sentence {index + 1}", 0.8
            ),
            Evidence(cue.start, cue.end, index, "stance", f"'{surface}': {stance}", speaker.confidence),
            Evidence(
                speaker.start,
                speaker.end,
                index_of(doc, speaker.start),
                "speaker",
                speaker.reason,
                speaker.confidence,
            ),
        ]
        if candidate.target is not None:
            t = candidate.target
            evidence.append(Evidence(t.start, t.end, index, "target", f"first actor after '{surface}'", 0.7))
        meeting, when = _context(doc, sentence)
        if when is not None:
            evidence.append(
                Evidence(sentence.start, sentence.end, index, "date", when.reason, when.confidence)
            )
        return EventRecord(
            key=f"statement-{number}",
            kind="statement",
            category=category,
            cameo=cameo,
            evidence=tuple(evidence),
            speaker=speaker.key,
            stance=stance,
            target=candidate.target.entity.key if candidate.target else None,
            quoted=candidate.quoted,
            topics=candidate.topics,
            related=(meeting.key,) if meeting else (),
            **_dates(when),
        )

    # -- agreements ---------------------------------------------------------------------------

    def _agreement(self, doc: Doc, reading: _Reading, found: _Agreement, number: int) -> EventRecord:
        cue, sentence = found.cue, found.sentence
        # an intention ("agreed to establish", "will sign") is coded as the stance 'agree' is
        intent = cue.cue.frame == "planned" or cue.cue.pattern.startswith("agreed to")
        category, cameo = self.codes["agree" if intent else "agreement"]
        surface = doc.text[cue.start : cue.end]
        index = sentence.index
        meeting, when = _context(doc, sentence)
        evidence = [
            Evidence(
                sentence.start, sentence.end, index, "event", f"'{surface}' in sentence {index + 1}", 0.8
            ),
            Evidence(cue.start, cue.end, index, "status", f"'{surface}'", 0.8),
        ]
        status = "planned" if cue.cue.frame == "planned" else "occurred"
        if status == "planned":
            when = None
        elif when is not None:
            evidence.append(
                Evidence(sentence.start, sentence.end, index, "date", when.reason, when.confidence)
            )
        object_end = min(sentence.end, cue.end + 120)
        return EventRecord(
            key=f"agreement-{number}",
            kind="agreement",
            category=category,
            cameo=cameo,
            evidence=tuple(evidence),
            participants=tuple(found.parties),
            status=status,
            topics=self.topics.notations(reading.text, cue.start, object_end)[:3],
            related=(meeting.key,) if meeting else (),
            **_dates(when),
        )


@dataclass
class _Agreement:
    sentence: Sentence
    cue: CueHit
    parties: list[str]


class _Reading:
    """What the extractor knows while it reads a document sentence by sentence."""

    def __init__(
        self, doc: Doc, text: str, mentions: list[_Mention], hits: list[CueHit], topics: TopicMatcher
    ):
        self.doc = doc
        self.topics = topics
        self.text = text
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.hits = hits
        self.entities = {e.key: e for e in doc.entities}
        self.last_subject: _Mention | None = None  # the last person a sentence opened with
        self.reporter: tuple[str, int] | None = None  # (person key, sentence index) whose words were reported
        self.principal: str | None = None  # the holder of the publisher's office ("the President")

    def sentence(self, sentence: Sentence, hits: list[CueHit]) -> tuple[list[_Candidate], _Agreement | None]:
        """The statements (at most two, with different stances) and the agreement of a sentence."""
        if self.text[sentence.end - 1 : sentence.end] == "?":
            return [], None
        reports = [(h, self._subject(h, sentence)) for h in hits if h.cue.frame == "report"]
        reports = [(h, s) for h, s in reports if s is not None and s.key.startswith("person/")]
        if reports:
            self.reporter = (reports[-1][1].key, sentence.index)
        agreement = None
        for hit in hits:
            if hit.cue.frame in ("agreement", "planned") and agreement is None:
                agreement = self._agreement(sentence, hit)
        found: list[_Candidate] = []
        for hit in hits:
            if hit.cue.stance is None or self._hedged(sentence, hit):
                continue
            if any(c.cue.cue.stance == hit.cue.stance for c in found):
                continue
            if hit.cue.frame == "bare" and self._subject(hit, sentence) is None:
                continue  # "increase mutual support", "thanks to": a noun, not the verb
            speaker = self._speaker(sentence, hit, reports)
            if found and _COORDINATED.fullmatch(self.text, found[-1].cue.end, hit.start):
                # "expressed their concern about ... and reaffirmed their support"; "underscored ...,
                # and U.S. opposition to": the first speaker's, if the second is none or his country
                previous = found[-1].speaker
                if speaker is None or self._speaks_for(previous.key, speaker.key):
                    speaker = previous
            if speaker is None:
                continue
            for key in self._conjoined(sentence, speaker) if speaker.key.startswith("country/") else []:
                found.append(_Candidate(sentence, hit, replace(speaker, key=key), None))
            found.append(_Candidate(sentence, hit, speaker, self._target(sentence, hit, speaker, reports)))
            if len({c.cue for c in found}) == 2:
                break
        return found, agreement

    def _hedged(self, sentence: Sentence, hit: CueHit) -> bool:
        """A negated cue ("did not support") or one in a question or condition ("asked whether")."""
        start = max(sentence.start, hit.start - 60)
        return bool(
            _NEGATION.search(self.text, max(sentence.start, hit.start - 30), hit.start)
            or _HEDGE.search(self.text, start, hit.start)
        )

    def advance(self, sentence: Sentence) -> None:
        """Remember who opened the sentence (its subject, after any opening phrase: "In his audience
        with Pope Francis today, President Biden thanked"), and whose words it reported."""
        opening = _OPENING_PHRASE.match(self.text, sentence.start, sentence.end)
        start = opening.end() if opening else sentence.start
        people = (m for m in self._in(start, sentence.end) if m.entity.type == "Person")
        first = next((m for m in people if not m.first_person), None)
        if first is not None and first.start - start <= 60:
            self.last_subject = first
        if self.reporter is not None and self.reporter[1] < sentence.index - 1:
            self.reporter = None

    # -- speakers --------------------------------------------------------------------------

    def _speaker(
        self, sentence: Sentence, hit: CueHit, reports: list[tuple[CueHit, _Speaker]]
    ) -> _Speaker | None:
        subject = self._subject(hit, sentence)
        reporter = self._reporter(hit, reports)
        if reporter is not None:
            # "Putin said Russia firmly supports ...": the reported words are the reporter's, unless
            # they are another person's ("he argued that Mr Sharon was committed"): then no one's.
            if subject is not None and subject.key.startswith("person/") and subject.key != reporter.key:
                return None
            return reporter
        if subject is None:
            return self._subject_of_said(sentence, hit)
        carried = self.reporter
        if carried and carried[1] == sentence.index - 1 and self._speaks_for(carried[0], subject.key):
            if self._same_paragraph(sentence):
                reason = f"'{self._surface(subject)}' in the reported words of the previous sentence"
                return _Speaker(carried[0], subject.start, subject.end, reason, 0.6)
        return subject

    def _reporter(self, hit: CueHit, reports: list[tuple[CueHit, _Speaker]]) -> _Speaker | None:
        before = [s for h, s in reports if h.end <= hit.start]
        if before:
            return before[-1]
        after = [s for h, s in reports if h.start >= hit.end]
        return after[0] if after else None

    def _subject(self, hit: CueHit, sentence: Sentence) -> _Speaker | None:
        """The actor, pronoun or joint subject just before a cue (or, for 'said', just after)."""
        text = self.text
        word = text[hit.start : hit.end]
        for mention in reversed(self._in(sentence.start, hit.start)):
            gap = text[mention.end : hit.start]
            if (
                gap.startswith("'")
                or not _is_gap(gap)
                or _PREPOSITION.search(text, sentence.start, mention.start)
            ):
                break  # "Russia's statement", "a TV station in the US has refused": not subjects
            if not self._may_speak(mention.entity):
                break
            reason = f"'{text[mention.start : mention.end]}' just before '{word}'"
            return _Speaker(mention.entity.key, mention.start, mention.end, reason, 0.8)
        head = text[max(sentence.start, hit.start - 20) : hit.start]
        pronoun = _PRONOUN.search(head)
        if pronoun and self.last_subject is not None:
            start = hit.start - len(head) + pronoun.start()
            person = self.last_subject.entity
            reason = f"'{pronoun.group().strip()}': {person.label}, who opened an earlier sentence"
            return _Speaker(person.key, start, start + len(pronoun.group().strip()), reason, 0.7)
        joint = next(
            (
                h
                for h in self.hits
                if h.cue.frame == "joint"
                and sentence.start <= h.start
                and h.end <= hit.start
                and _is_gap(text[h.end : hit.start])
            ),
            None,
        )
        if joint is not None:
            return self._principal(joint)
        if hit.cue.frame == "noun":
            return self._possessor(hit, sentence)
        if hit.cue.frame == "report":
            after = self._in(hit.end, min(sentence.end, hit.end + 40))
            if after and _is_gap(text[hit.end : after[0].start]) and after[0].entity.type == "Person":
                m = after[0]
                return _Speaker(m.entity.key, m.start, m.end, f"'{word} {text[m.start : m.end]}'", 0.8)
            return self._set_off_subject(sentence, hit)
        return None

    def _set_off_subject(self, sentence: Sentence, hit: CueHit) -> _Speaker | None:
        """The person who opens a sentence and says something after an aside set off by commas:
        "King Fahd of Saudi Arabia, in an interview with Reuters on March 11, said"."""
        opening = (m for m in self._in(sentence.start, hit.start) if m.start - sentence.start <= 12)
        person = next((m for m in opening if m.entity.type == "Person" and not m.first_person), None)
        if person is None or not self._may_speak(person.entity):
            return None
        if not _ASIDE.fullmatch(self.text, person.end, hit.start):
            return None
        reason = (
            f"'{self.text[person.start : person.end]}', before an aside, '{self.text[hit.start : hit.end]}'"
        )
        return _Speaker(person.entity.key, person.start, person.end, reason, 0.7)

    def _subject_of_said(self, sentence: Sentence, hit: CueHit) -> _Speaker | None:
        """The actor that said something and, in the same breath, took a stance: "Ukraine has said
        the front should be frozen and rejects any pullback", "Moscow said ... and has accused"; a
        state or a body that said it of itself: "The US has said it is committed to a strong dollar"."""
        head = max(sentence.start, hit.start - 30)
        itself = _ITSELF.search(self.text, head, hit.start)
        if not itself and not _AND_VERB.search(self.text, head, hit.start):
            return None
        for said in self.hits:
            if said.start >= hit.start:
                break
            if said.start >= sentence.start and said.cue.frame == "report":
                subject = self._subject(said, sentence)
                if subject is not None and not (itself and subject.key.startswith("person/")):
                    surface, word = self._surface(subject), self.text[hit.start : hit.end]
                    said_of = f"'{itself.group().strip()} {word}'" if itself else f"it and '{word}'"
                    reason = f"'{surface}', who said {said_of}"
                    return _Speaker(subject.key, subject.start, subject.end, reason, 0.6)
        return None

    def _possessor(self, hit: CueHit, sentence: Sentence) -> _Speaker | None:
        """Whose stance a noun cue names, when no subject does: "to express my appreciation",
        "Australia's support for", "the Administration's commitment to"; a state's, voiced by
        the person who speaks for it earlier in the sentence ("President Biden ... reaffirmed the
        United States' commitment to")."""
        text = self.text
        for mention in self._in(hit.start, hit.end):
            surface = text[mention.start : mention.end]
            owns = (
                surface.lower() in ("my", "our")
                if mention.first_person
                else text[mention.end : mention.end + 1] == "'"
            )
            if not owns or not self._may_speak(mention.entity):
                continue
            cue = text[hit.start : hit.end]
            for voice in self._in(sentence.start, hit.start):
                if self._speaks_for(voice.entity.key, mention.entity.key):
                    reason = f"'{text[voice.start : voice.end]}', for '{surface}' in '{cue}'"
                    return _Speaker(voice.entity.key, voice.start, voice.end, reason, 0.7)
            return _Speaker(mention.entity.key, mention.start, mention.end, f"'{surface}' in '{cue}'", 0.7)
        return None

    def _principal(self, joint: CueHit) -> _Speaker | None:
        """The principal of the meeting a joint subject stands for: the holder of the publisher's
        office if they took part ("The leaders agreed" in the Prime Minister's release, "They
        agreed" in the White House's readout of a trilateral), else its first-named participant."""
        meeting = _meeting_before(self.doc, joint.start, held=True)
        if meeting is None or not meeting.participants:
            return None
        first = min(
            (m for m in self.mentions if m.entity.key in meeting.participants),
            key=lambda m: (m.entity.key != self.principal, m.start),
            default=None,
        )
        if first is None:
            return None
        surface = self.text[joint.start : joint.end]
        principal = first.entity.key == self.principal
        whom = "the publisher's office holder" if principal else "its first-named participant"
        reason = f"'{surface}' ({meeting.key}): attributed to {whom}, {first.entity.label}"
        return _Speaker(first.entity.key, joint.start, joint.end, reason, 0.6, joint=True)

    @staticmethod
    def _may_speak(entity: EntityRecord) -> bool:
        """A state, a body, or a person known to hold office or to speak for a state or a body (not
        "Academy president Frank Pierson", whom the actor extractor knows only by his title)."""
        return entity.type != "Person" or entity.known or bool(entity.represents or entity.affiliations)

    def _speaks_for(self, person: str, actor: str) -> bool:
        entity = self.entities.get(person)
        return entity is not None and entity.represents == actor

    # -- targets ---------------------------------------------------------------------------

    def _target(
        self, sentence: Sentence, hit: CueHit, speaker: _Speaker, reports: list[tuple[CueHit, _Speaker]]
    ) -> _Mention | None:
        own = {speaker.key, getattr(self.entities.get(speaker.key), "represents", None)}
        subject = self._subject(hit, sentence)
        if subject is not None:
            own.add(subject.key)
        end = min(sentence.end, hit.end + _TARGET_WINDOW)
        clause = _CLAUSE_END.search(self.text, hit.end, end)
        end = clause.start() if clause else end
        topics = self.topics.find(self.text, hit.end, end)
        for mention in self._in(hit.end, end):
            inside_topic = any(
                t.start <= mention.start
                and mention.end <= t.end
                and (t.start, t.end) != (mention.start, mention.end)
                for t in topics
            )
            if mention.entity.key not in own and not inside_topic:  # "the Ukraine crisis" is a topic
                return mention
        if _ANAPHORIC_OBJECT.match(self.text, hit.end, sentence.end):
            floor = max((h.end for h, _ in reports if h.end <= hit.start), default=sentence.start)
            for mention in reversed(self._in(floor, hit.start)):
                if mention.entity.key not in own:
                    return mention
        return None

    # -- agreements ------------------------------------------------------------------------

    def _agreement(self, sentence: Sentence, hit: CueHit) -> _Agreement | None:
        parties: list[str] = []
        subject = self._subject(hit, sentence)
        if subject is not None and subject.joint:
            meeting = _meeting_before(self.doc, hit.start)
            people = list(meeting.participants) if meeting else []
            countries = [self.entities[p].represents for p in people if p in self.entities]
            parties = [c for c in countries if c] if all(countries) and countries else people
        elif subject is not None:
            parties.append(subject.key)
            parties += self._conjoined(sentence, subject)
        for mention in self._in(hit.end, min(sentence.end, hit.end + 100)):
            if _WITH.match(self.text[hit.end : mention.start]):
                parties.append(mention.entity.key)
                break
        parties = list(dict.fromkeys(parties))
        return _Agreement(sentence, hit, parties) if parties else None

    def _conjoined(self, sentence: Sentence, subject: _Speaker) -> list[str]:
        """'China and Russia signed': the actors joined to the subject by 'and' or commas."""
        found = []
        end = subject.start
        for mention in reversed(self._in(sentence.start, subject.start)):
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", self.text[mention.end : end]):
                break
            found.append(mention.entity.key)
            end = mention.start
        return found

    # -- plumbing --------------------------------------------------------------------------

    def _in(self, start: int, end: int) -> list[_Mention]:
        """The mentions within a character range (mentions are sorted and do not overlap)."""
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end, lo=first)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def _surface(self, speaker: _Speaker) -> str:
        return self.text[speaker.start : speaker.end]

    def _same_paragraph(self, sentence: Sentence) -> bool:
        if sentence.index == 0:
            return False
        previous = self.doc.sentences[sentence.index - 1]
        return "\n\n" not in self.text[previous.end : sentence.start]


def _is_gap(gap: str) -> bool:
    """Whether only auxiliaries, adverbs and the like stand between a subject and its verb."""
    gap = re.sub(r"\([^()]{1,12}\)", " ", gap)  # "(PRC)", "(G-7)"
    words = gap.split()
    if len(words) > 4 or any(c in gap for c in ',;:".'):
        return False
    return all(w.lower() in _GAP_WORDS or (w.endswith("ly") and w.islower()) for w in words)


def _mentions(doc: Doc, author: list[_Mention]) -> list[_Mention]:
    found = [
        _Mention(m.start, m.end, entity)
        for entity in doc.entities
        if entity.type in ACTOR_TYPES
        for m in entity.mentions
    ] + author
    found.sort(key=lambda m: (m.start, -m.end))
    outer: list[_Mention] = []
    for mention in found:  # "Russian" inside "Russian President" is not a mention of its own here
        if not outer or mention.start >= outer[-1].end:
            outer.append(mention)
    return outer


def index_of(doc: Doc, offset: int) -> int:
    """The index of the sentence holding a character offset."""
    return doc.sentence_at(offset).index


def _meeting_before(doc: Doc, offset: int, *, held: bool = False) -> EventRecord | None:
    """The meeting an article is narrating at an offset: one mentioned in the same sentence, else the
    latest recent meeting mentioned before it that occurred. Recent: not more than a week before the
    article's date, so that "since the Woodside Summit in November 2023" is not what a readout of
    2024 narrates. ``held``: only meetings that occurred ("Both sides welcomed ... planning for a
    call between ..." is said in the meeting narrated, not in the planned call)."""
    sentence = doc.sentence_at(offset).index
    best: tuple[int, EventRecord] | None = None
    for event in doc.events:
        if event.kind != "meeting" or (held and event.status != "occurred"):
            continue
        sentences = [e.sentence for e in event.evidence if e.aspect != "topic"]  # topics: its report
        if sentence in sentences:
            return event
        before = [s for s in sentences if s < sentence]
        if (
            before
            and event.status == "occurred"
            and _recent(doc, event)
            and (best is None or max(before) > best[0])
        ):
            best = (max(before), event)
    return best[1] if best else None


def _recent(doc: Doc, meeting: EventRecord) -> bool:
    if doc.anchor is None or meeting.date_end is None:
        return True
    return (doc.anchor.start - meeting.date_end).days <= 7


def _context(doc: Doc, sentence: Sentence) -> tuple[EventRecord | None, When | None]:
    """The meeting a sentence belongs to and the date a statement in it gets."""
    meeting = _meeting_before(doc, sentence.start)
    held = meeting if meeting is not None and meeting.status == "occurred" else None  # not a plan's day
    if held is not None and held.date_start is not None and held.date_end is not None:
        return held, When(held.date_start, held.date_end, held.precision or "day", f"dated as {held.key}")
    if doc.anchor is not None:
        return meeting, replace(doc.anchor, reason=f"article date ({doc.anchor.reason})")
    return meeting, None


def _dates(when: When | None) -> dict[str, object]:
    if when is None:
        return {}
    return {"date": when.day, "date_start": when.start, "date_end": when.end, "precision": when.precision}


def default_codes(ontology: Ontology) -> dict[str, tuple[str, str]]:
    """Stance notation (and ``"agreement"``) -> (PLOVER category, CAMEO code), read from the
    ontology's ``dipl:defaultCategory`` and ``dipl:defaultCameo`` links."""
    from kg.vocab import DIPL

    subjects = dict(ontology.concepts(DIPL.StanceScheme))
    subjects["agreement"] = ontology.class_for_notation("agreement")
    codes = {}
    for notation, term in subjects.items():
        category = ontology.graph.value(term, DIPL.defaultCategory)
        cameo = ontology.graph.value(term, DIPL.defaultCameo)
        if category is not None and cameo is not None:
            codes[notation] = (
                str(ontology.graph.value(category, SKOS.notation)),
                str(ontology.graph.value(cameo, SKOS.notation)),
            )
    return codes
