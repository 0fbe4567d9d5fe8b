"""Every event's facts and every entity's events in memory, built once per store generation.

A look-up of an entity's relationships or events joins its role triples with each event's kind, dates,
medium, stance and sources. On the White House corpus (11,257 events, 4.7 million triples) that join
took Oxigraph 0.3 s for an entity with no event and 1.9 s for Joe Biden (1,281 events), with the
entity bound by ``substitutions=`` or written into the text: the planner starts from the events, not
from the bound entity. The same facts read whole by seven linear queries take about a second, and
then any entity's relationships are a few milliseconds of Python. So the service reads them once per
store generation (the store's ``generation`` goes up on every write this process makes: ``POST
/articles``, ``DELETE``, SPARQL Update and the Graph Store Protocol alike) and answers from memory.

The queries are fixed text with no value from a request in them; the index holds plain strings
(entity and event keys, ISO dates, notations), a few megabytes for the whole corpus.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from kg.lookup import PREFIXES
from kg.mapping import key_of
from kg.store import Store

logger = logging.getLogger(__name__)

EVENT_CLASSES = "VALUES ?class { dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }"
ROLES = ("participant", "host", "visitor", "speaker", "target", "organisation")

# No DISTINCT: the union of the article graphs repeats a triple once per graph that holds it, and
# dropping the repeats in Python is cheaper than Oxigraph's DISTINCT over every row.
TYPES = f"SELECT ?event ?class WHERE {{ ?event a ?class . {EVENT_CLASSES} }}"
CLASS_NOTATIONS = f"SELECT ?class ?kind WHERE {{ ?class skos:notation ?kind . {EVENT_CLASSES} }}"
VALUES = """
SELECT ?event ?p ?value WHERE {
  ?event ?p ?value .
  VALUES ?p { dipl:dateStart dipl:dateEnd dipl:participant dipl:host dipl:visitor dipl:speaker
              dipl:target dipl:organisation dipl:medium dipl:stance dipl:topic dipl:extractedFrom
              dipl:date dipl:datePrecision dipl:category dipl:cameo dipl:format dipl:status dipl:place
              dipl:relatedEvent }
}
"""
NOTATIONS = "SELECT ?concept ?notation WHERE { ?concept skos:notation ?notation }"
ARTICLE_IDS = "SELECT ?article ?id WHERE { ?article dipl:articleId ?id }"
LABELS = "SELECT ?entity ?label WHERE { ?entity rdfs:label ?label }"
STATIC = """
SELECT ?entity ?p ?other WHERE {
  { ?entity ?p ?other . VALUES ?p { dipl:memberOf dipl:affiliatedWith dipl:represents } }
  UNION { ?entity dipl:holds/dipl:officeOf ?other . BIND(dipl:holds AS ?p) }
}
"""


_DATES = {"dateStart": "starts", "dateEnd": "ends"}
_CONCEPTS = {"medium": "media", "stance": "stances", "topic": "topics"}
#: Facts an event's summary shows as they are: a notation for a concept, else the lexical form or IRI.
SUMMARY_FIELDS = ("category", "cameo", "format", "status", "date", "datePrecision")


@dataclass(slots=True)
class EventFacts:
    """What the look-ups need of one event; dates are ``YYYY-MM-DD``, values are notations."""

    kind: str  # the class's local name: Meeting, Statement, Agreement, OtherEvent
    notation: str | None = None  # the class's skos:notation: meeting, statement, ...
    starts: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    media: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)  # the dipl:articleId of each source
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, entity key)
    sources: list[str] = field(default_factory=list)  # the keys of the source articles
    places: list[str] = field(default_factory=list)  # keys
    related: list[str] = field(default_factory=list)  # event keys, both directions of relatedEvent
    fields: dict[str, list[str]] = field(default_factory=dict)  # SUMMARY_FIELDS that have values

    @property
    def start(self) -> str | None:
        return min(self.starts)[:10] if self.starts else None

    @property
    def end(self) -> str | None:
        return max(self.ends)[:10] if self.ends else None


@dataclass
class EventIndex:
    """Events by key, the events of each entity by role, entity labels and the reference links.

    Build it with :meth:`build`; get the current one of a store with :func:`event_index`.
    """

    events: dict[str, EventFacts] = field(default_factory=dict)
    by_entity: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> (event, role)
    labels: dict[str, str] = field(default_factory=dict)  # the first label in code-point order
    static: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # key -> (predicate, other)
    representatives: dict[str, set[str]] = field(default_factory=dict)  # country -> its people
    generation: int = 0
    seconds: float = 0.0

    @classmethod
    def build(cls, store: Store) -> EventIndex:
        """Read every event of ``store`` (seven fixed queries over the whole store)."""
        started = time.perf_counter()
        index = cls(generation=store.generation)
        kinds = dict(_rows(store, CLASS_NOTATIONS))
        events = index.events
        for event, klass in _rows(store, TYPES):
            if event not in events:  # one class an event (the ontology says exactly one)
                events[event] = EventFacts(kind=klass.rsplit("#", 1)[-1], notation=kinds.get(klass))
        notations = dict(_rows(store, NOTATIONS))
        article_ids = dict(_rows(store, ARTICLE_IDS))
        found: dict[tuple[str, str], set[str]] = defaultdict(set)
        for event, predicate, value in _rows(store, VALUES):
            if event in events:
                found[(event, predicate.rsplit("#", 1)[-1])].add(value)
        shared: dict[str, str] = {}  # one string object for each key, however many events name it
        by_entity: dict[str, set[tuple[str, str]]] = defaultdict(set)
        related: dict[str, set[str]] = defaultdict(set)
        for (event, name), values in found.items():
            facts = events[event]
            keys = sorted({shared.setdefault(k, k) for k in map(key_of, values)})
            if name in ROLES:
                facts.roles.extend((name, key) for key in keys)
                for key in keys:
                    by_entity[key].add((key_of(event), name))
            elif name in _DATES:
                setattr(facts, _DATES[name], sorted(values))
            elif name in _CONCEPTS:
                setattr(facts, _CONCEPTS[name], sorted({notations[v] for v in values if v in notations}))
            elif name == "extractedFrom":
                facts.articles = sorted({article_ids[v] for v in values if v in article_ids})
                facts.sources = [key.removeprefix("article/") for key in keys]
            elif name == "place":
                facts.places = keys
            elif name == "relatedEvent":
                related[key_of(event)].update(keys)
                for key in keys:
                    related[key].add(key_of(event))
            else:
                facts.fields[name] = sorted({notations.get(v, v) for v in values})
        index.events = {key_of(event): facts for event, facts in events.items()}
        index.by_entity = {entity: sorted(links) for entity, links in by_entity.items()}
        for event, others in related.items():
            if event in index.events:
                index.events[event].related = sorted(others - {event})
        for entity, label in _rows(store, LABELS):
            key = key_of(entity)
            if key not in index.labels or label < index.labels[key]:
                index.labels[key] = label
        static: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for entity, predicate, other in _rows(store, STATIC):
            static[key_of(entity)].add((predicate.rsplit("#", 1)[-1], key_of(other)))
        index.static = {entity: sorted(links) for entity, links in static.items()}
        for entity, links in index.static.items():
            for predicate, other in links:
                if predicate == "represents":
                    index.representatives.setdefault(other, set()).add(entity)
        index.seconds = time.perf_counter() - started
        return index

    def events_of(self, entity: str, roles: tuple[str, ...] = ROLES) -> Iterator[tuple[str, str]]:
        """(event, role) for each event the entity takes one of ``roles`` in."""
        for event, role in self.by_entity.get(entity, []):
            if role in roles:
                yield event, role

    def size(self) -> dict[str, int]:
        """How much the index holds: events, role links, entities with events, labels."""
        return {
            "events": len(self.events),
            "roles": sum(len(f.roles) for f in self.events.values()),
            "entities": len(self.by_entity),
            "labels": len(self.labels),
        }


def _rows(store: Store, query: str) -> Iterator[tuple[str, ...]]:
    """The rows of a fixed query whose variables are all bound, as tuples of IRIs and lexical forms.

    Read straight from pyoxigraph: converting a hundred thousand terms to rdflib would double the time.
    """
    solutions = store.query(query, prefixes=PREFIXES)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        yield tuple(term.value for term in row)


_indexes: weakref.WeakKeyDictionary[Store, EventIndex] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


def event_index(store: Store) -> EventIndex:
    """The event index of ``store`` for its current generation, built on first use after each write.

    Concurrent callers wait for one build. A write made while the index is built bumps the
    generation, so the next call builds again.
    """
    with _lock:
        cached = _indexes.get(store)
        if cached is not None and cached.generation == store.generation:
            return cached
        index = EventIndex.build(store)
        _indexes[store] = index
        logger.info("event index: %s in %.2f s", index.size(), index.seconds)
        return index


# -- relationships ------------------------------------------------------------------------------

MEDIUM_KINDS = {"phone": "phoned", "video": "video_called", "in_person": "met_in_person"}
STATIC_KINDS = {"memberOf": "member_of", "affiliatedWith": "affiliated_with", "holds": "holds_office_in",
                "represents": "represents"}  # fmt: skip
#: The roles that make an entity's relationships (an organisation a meeting is held within has none).
OWN_ROLES = ("participant", "host", "visitor", "speaker", "target")


@dataclass
class Relation:
    """One relationship of an entity with another, summed over events."""

    kind: str
    other: str
    count: int = 0
    first: str | None = None
    last: str | None = None
    articles: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)

    def add(self, event: str, facts: EventFacts) -> None:
        if event not in self.events:
            self.events.add(event)
            self.count += 1
        start, end = facts.start, facts.end or facts.start
        if start and (self.first is None or start < self.first):
            self.first = start
        if end and (self.last is None or end > self.last):
            self.last = end
        self.articles.update(facts.articles)

    def as_dict(self, labels: dict[str, str]) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "other": self.other,
            "other_label": labels.get(self.other),
            "count": self.count,
            "first": self.first,
            "last": self.last,
            "articles": sorted(self.articles),
            "events": sorted(self.events),
        }


def event_kinds(kind: str, role: str, other_role: str, medium: str | None, stance: str | None) -> list[str]:
    """The relationship kinds one event of class ``kind`` gives the entity in ``role`` towards the
    entity in ``other_role``."""
    if other_role == "organisation":
        return ["met_within"] if kind == "Meeting" else []
    if kind == "Meeting":
        kinds = ["met_with"]
        if medium:
            kinds.append(MEDIUM_KINDS.get(medium, "met_with"))
        if role == "visitor" and other_role in {"host", "participant"}:
            kinds.append("visited")
        if role == "host" and other_role in {"visitor", "participant"}:
            kinds.append("hosted")
        return list(dict.fromkeys(kinds))
    if role == "speaker" and other_role == "target":
        return [f"statement_toward:{stance or 'unspecified'}"]
    if role == "target" and other_role == "speaker":
        return [f"statement_from:{stance or 'unspecified'}"]
    return [kind.lower() + "_with"] if role == other_role == "participant" else []


def within(facts: EventFacts, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether an event's date window meets the range; with a range, an undated event is outside it."""
    if since is None and until is None:
        return True
    start, end = facts.start, facts.end
    if start is None or end is None:
        return False
    return not ((since and end < since.isoformat()) or (until and start > until.isoformat()))


def relations(
    store: Store,
    key: str,
    *,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Every relationship of an entity grouped by kind, each with the other entity, counts, dates, sources.

    Events outside ``since``..``until`` (by their date window) and events with no source article are
    left out; memberships, offices and affiliations have no date and are always included. Answered
    from the store's :func:`event_index`.
    """
    index = event_index(store)
    found: dict[tuple[str, str], Relation] = {}
    for event, role in index.events_of(key, OWN_ROLES):
        facts = index.events[event]
        if not facts.articles or not within(facts, since, until):
            continue
        for other_role, other in facts.roles:
            if other == key:
                continue
            for medium in facts.media or [None]:
                for stance in facts.stances or [None]:
                    for relation_kind in event_kinds(facts.kind, role, other_role, medium, stance):
                        relation = found.setdefault((relation_kind, other), Relation(relation_kind, other))
                        relation.add(event, facts)
    for predicate, other in index.static.get(key, []):
        relation_kind = STATIC_KINDS[predicate]
        found.setdefault((relation_kind, other), Relation(relation_kind, other)).count = 1
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (relation_kind, _), relation in sorted(found.items()):
        if kind is None or relation_kind == kind or relation_kind.startswith(kind + ":"):
            grouped[relation_kind].append(relation.as_dict(index.labels))
    for items in grouped.values():
        items.sort(key=lambda r: (-r["count"], r["other"]))
    return dict(grouped)


# -- event lists ----------------------------------------------------------------------------------


def event_keys(
    store: Store,
    *,
    participant: str | None = None,
    country: str | None = None,
    organisation: str | None = None,
    medium: str | None = None,
    kind: str | None = None,
    topic: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[str]:
    """The events matching every filter given, newest first (undated last), ties by key.

    ``country`` matches an event the country takes part in, or one of its people (``dipl:represents``);
    ``since`` keeps events whose window ends on or after it, ``until`` those that start on or before
    it (an event without that date is left out). Answered from the store's :func:`event_index`.
    """
    index = event_index(store)
    candidates: set[str] | None = None

    def narrow(found: set[str]) -> None:
        nonlocal candidates
        candidates = found if candidates is None else candidates & found

    if participant is not None:
        narrow({event for event, _ in index.events_of(participant, ("participant",))})
    if organisation is not None:
        narrow({event for event, _ in index.events_of(organisation, ("organisation",))})
    if country is not None:
        people = {country} | index.representatives.get(country, set())
        narrow({event for entity in people for event, _ in index.events_of(entity, ("participant",))})
    selected = []
    for event in index.events if candidates is None else candidates:
        facts = index.events[event]
        if (
            (medium is None or medium in facts.media)
            and (kind is None or facts.notation == kind)
            and (topic is None or topic in facts.topics)
            and (since is None or (facts.end is not None and facts.end >= since.isoformat()))
            and (until is None or (facts.start is not None and facts.start <= until.isoformat()))
        ):
            selected.append(event)
    dated = sorted(e for e in selected if index.events[e].start)
    dated.sort(key=lambda e: index.events[e].start or "", reverse=True)  # stable: ties stay by key
    return dated + sorted(e for e in selected if not index.events[e].start)
