"""What extractors return: frozen records with provenance, and the protocol every extractor follows.

An extractor reads a :class:`Doc` (the article, its sentences and the records of the extractors
before it) and returns new records. It never builds RDF: ``kg.mapping`` is the one place that turns
records into triples. Names are versioned (``dipl.meetings.v1``) so that every triple can say
which implementation produced it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar, Protocol, runtime_checkable

from kg.extract.dates import When, article_anchor
from kg.reader import Article


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the document text: its index and character offsets into ``Doc.text``."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: a span of the article text and why the extractor believed it."""

    start: int
    end: int
    sentence: int
    aspect: str = "event"  # what the span supports: event, participant, medium, date, place, ...
    reason: str = ""
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """An actor the article mentions, resolved to a canonical entity where one is known.

    ``key`` is the entity's stable local id (``person/xi-jinping``, ``country/CHN``); the mapping
    turns it into an IRI. ``known`` says it comes from the reference data; an unknown entity's
    description (type, label) lives in the article's own graph.
    """

    key: str
    type: str  # an ontology class local name: Person, Country, Organisation
    label: str
    mentions: tuple[Evidence, ...]
    known: bool = False
    aliases: tuple[str, ...] = ()
    represents: str | None = None  # the country key a person speaks for in this article
    affiliations: tuple[str, ...] = ()  # organisation keys the article ties a person to


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event: a meeting, statement, agreement or other act, with everything said about it.

    Enumerated values (``medium``, ``format``, ``status``, ``stance``, ``category``, ``topics``,
    ``precision``) are SKOS notations from the ontology's schemes; ``kg.mapping`` resolves them.
    """

    key: str  # unique within the article
    kind: str  # notation of an event class: meeting, statement, agreement, other
    category: str  # PLOVER category notation: CONSULT, SUPPORT, ...
    evidence: tuple[Evidence, ...]
    cameo: str | None = None
    participants: tuple[str, ...] = ()
    host: str | None = None
    visitor: str | None = None
    medium: str | None = None
    format: str | None = None
    organisation: str | None = None
    place: str | None = None
    date: dt.date | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: str | None = None
    status: str = "occurred"
    topics: tuple[str, ...] = ()
    speaker: str | None = None
    stance: str | None = None
    target: str | None = None
    quoted: bool | None = None
    related: tuple[str, ...] = ()  # keys of other events of this article (a statement's meeting)


@dataclass(frozen=True, slots=True)
class TopicRecord:
    """A topic the article as a whole is about: a notation of the ontology's TopicScheme.

    ``evidence`` holds spans where the topic is named (aspect ``"topic"``); topics of single
    events are on the :class:`EventRecord` instead.
    """

    notation: str
    evidence: tuple[Evidence, ...]


Record = EntityRecord | EventRecord | TopicRecord


@dataclass
class Doc:
    """An article on its way through the extractors: text, sentences and the records so far."""

    article: Article
    sentences: Sequence[Sentence]
    anchor: When | None = None  # the article's date, or the window its text allows
    records: list[Record] = field(default_factory=list)
    #: What several extractors derive from the article alike, worked out once (the author).
    shared: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, article: Article) -> Doc:
        """A document ready for the extractors: its text split into sentences, its date anchored."""
        from kg.extract.text import split_sentences  # text.py imports this module

        text = document_text(article)
        return cls(article, split_sentences(text), article_anchor(article.published, text, article.dateline))

    @cached_property
    def text(self) -> str:
        """What the extractors read and every offset refers to: the title, a blank line, the body."""
        return document_text(self.article)

    @cached_property
    def normalised(self) -> str:
        """The article text with typographic characters replaced one for one (offsets unchanged)."""
        from kg.extract.text import normalise  # text.py imports this module

        return normalise(self.text)

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence that contains a character offset (the last one for an offset in none)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return self.sentences[-1]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [sentence.start for sentence in self.sentences]

    def sentence_text(self, sentence: Sentence) -> str:
        """The text of one sentence."""
        return self.text[sentence.start : sentence.end]

    @property
    def entities(self) -> list[EntityRecord]:
        """The entity records so far."""
        return [r for r in self.records if isinstance(r, EntityRecord)]

    @property
    def events(self) -> list[EventRecord]:
        """The event records so far."""
        return [r for r in self.records if isinstance(r, EventRecord)]


def document_text(article: Article) -> str:
    """The title (when there is one) and the body, as one text: readout titles name who met how."""
    return f"{article.title}\n\n{article.text}" if article.title else article.text


@runtime_checkable
class Extractor(Protocol):
    """A pipeline component: a versioned name, the classes it assigns, and a call on a ``Doc``."""

    name: ClassVar[str]
    version: ClassVar[str]
    assigns: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> list[Record]: ...
