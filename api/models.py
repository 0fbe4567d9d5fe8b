"""Response models of the REST look-ups: what ``/events``, ``/articles`` and ``/stats`` answer.

Field names follow the ontology's property names (``dateStart``, ``datePrecision``), so a field of
the JSON is the property of the same name in ``ontology/dipl.ttl``; enumerated values are the SKOS
notations of the ontology's schemes (``video``, ``bilateral``, ``CONSULT``).
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class EntityRef(BaseModel):
    """An entity (or a place) an event or article links to."""

    id: str = Field(description="Stable id, as in /entities/{id}.", examples=["person/xi-jinping"])
    label: str | None = Field(description="Its name, if the store knows one.")


class EventSummary(BaseModel):
    """An event without its sources: what it was, who took part, when and where."""

    id: str = Field(examples=["event/004_4b31d466614f82fc/meeting-1"])
    kind: str = Field(description="Notation of the event's class: meeting, statement, agreement, ...")
    category: str | None = Field(description="PLOVER category notation.")
    cameo: str | None = Field(description="CAMEO code.")
    medium: str | None = Field(description="Notation in the medium scheme: in_person, phone, video.")
    format: str | None = Field(description="Notation in the format scheme: bilateral, multilateral, ...")
    status: str | None
    date: str | None = Field(description="The day, when it is known to the day (ISO 8601).")
    dateStart: str | None = Field(description="First day of the window the event falls in.")
    dateEnd: str | None = Field(description="Last day of that window.")
    datePrecision: str | None
    stance: str | None = Field(description="A statement's stance notation.")
    participant: list[EntityRef]
    host: list[EntityRef]
    visitor: list[EntityRef]
    speaker: list[EntityRef]
    target: list[EntityRef]
    organisation: list[EntityRef]
    topics: list[str] = Field(description="Topic notations.")
    articles: list[str] = Field(description="Ids of the articles the event was read from.")
    place: EntityRef | None


class EventsPublic(BaseModel):
    """One page of events, newest first."""

    total: int = Field(description="How many events match, on all pages.")
    limit: int
    offset: int
    items: list[EventSummary]


class SentenceSpan(BaseModel):
    """The sentence that holds an evidence span, and the span's offsets inside the sentence."""

    text: str
    start: int
    end: int


class SourcePublic(BaseModel):
    """One piece of evidence: a span of an article's text and why it counts."""

    article: str = Field(description="Id of the article.")
    aspect: str = Field(description="What the span is evidence of: event, date, medium, place, ...")
    reason: str
    sentence: int = Field(description="Index of the sentence in the article (from 0).")
    start: int = Field(description="Character offset of the span in the article's text.")
    end: int = Field(description="Character offset just past the span.")
    text: str = Field(description="The span itself.")
    sentence_text: SentenceSpan
    extractor: str = Field(description="Versioned name of the extractor that found it.")
    confidence: float


class EventDetailPublic(EventSummary):
    """One event with its related events (statements made at a meeting, ...) and source sentences."""

    related: list[EventSummary] = Field(description="Events linked by dipl:relatedEvent, either way.")
    statements: list[EventSummary] = Field(description="The related events that are statements.")
    sources: list[SourcePublic]


class MentionPublic(BaseModel):
    """Where an article names an entity."""

    entity: str
    start: int = Field(description="Character offset in the article's text.")
    end: int


class ArticlePublic(BaseModel):
    """An article and what was extracted from it."""

    id: str
    title: str | None
    source: str | None
    published: str | None
    url: str | None
    dateline: str | None
    text: str | None
    entities: list[EntityRef] = Field(description="Every entity the article mentions.")
    mentions: list[MentionPublic] = Field(description="Each mention, with its character offsets.")
    topics: list[str]
    events: list[EventSummary]


class IngestedArticle(BaseModel):
    """What ingesting one article stored."""

    id: str
    href: str = Field(description="Where the article can be read back.")
    triples: int
    entities: int
    events: int


class IngestPublic(BaseModel):
    """What a POST /articles stored: every article of the request, in one transaction."""

    articles: list[IngestedArticle]
    seconds: float


class StatsPublic(BaseModel):
    """Counts of what the store holds."""

    articles: int
    triples: int
    graphs: int
    entities: dict[str, int] = Field(description="Entities that articles mention, by type.")
    events: dict[str, int] = Field(description="Events, by the notation of their kind.")
    generation: int = Field(description="Writes this service has made; the counts are as of this one.")


class EntityHit(BaseModel):
    """An entity found by a search."""

    id: str
    label: str
    type: str = Field(description="The entity's class: Person, Country or Organisation.")
    articles: int = Field(description="How many articles mention it.")
    score: int = Field(description="How well a name matched: exact > prefix > substring; label > alias.")


class EntitiesPublic(BaseModel):
    """One page of search results, best first."""

    total: int
    limit: int
    offset: int
    items: list[EntityHit]


class OfficePublic(BaseModel):
    """An office a person held, with its dates."""

    office: str
    of: str = Field(description="Id of the country or organisation the office is of.")
    of_label: str | None
    start: str | None
    end: str | None


class EntityPublic(BaseModel):
    """A person, country or organisation."""

    id: str
    label: str
    type: str
    aliases: list[str]
    wikidata: str | None
    iso_code: str | None
    offices: list[OfficePublic]
    member_of: list[str]
    affiliated_with: list[str]


class RelationPublic(BaseModel):
    """A relationship of an entity with another, summed over events."""

    kind: str
    other: str
    other_label: str | None
    count: int
    first: str | None
    last: str | None
    articles: list[str]
    events: list[str]


class RelationsPublic(BaseModel):
    """Every relationship of an entity, grouped by kind (met_with, phoned, visited, member_of, ...)."""

    id: str
    relations: dict[str, list[RelationPublic]]
