"""Look-ups of events and articles: filtered lists, one event with its sources, one article.

Filters are matched in the store's event index (:mod:`kg.event_index`), never put into a query; the
events of a page, an event and an article are read by prepared queries with bound values (see
:mod:`kg.lookup`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from rdflib import URIRef

from kg.errors import NotFound
from kg.event_index import EventFacts, event_index, event_keys
from kg.extract.text import Sentence, split_sentences
from kg.lookup import PREFIXES, labels_of, values_of
from kg.mapping import article_iri, iri, key_of
from kg.store import Store

FILTERS = ("participant", "country", "organisation", "medium", "kind", "topic", "since", "until")
EVENT = """
SELECT ?event ?p ?o ?notation WHERE {
  ?event ?p ?o .
  OPTIONAL { ?o skos:notation ?notation }
}
"""
SOURCES = """
SELECT DISTINCT ?event ?evidence ?aspect ?reason ?sentence ?start ?end ?extractor ?confidence ?article ?id
WHERE {
  ?event dipl:evidence ?evidence .
  ?evidence dipl:article ?article ; dipl:startOffset ?start ; dipl:endOffset ?end ; dipl:sentence ?sentence ;
            dipl:extractor ?extractor ; dipl:confidence ?confidence .
  ?article dipl:articleId ?id .
  OPTIONAL { ?evidence dipl:aspect ?aspect } OPTIONAL { ?evidence dipl:reason ?reason }
} ORDER BY ?start
"""
ARTICLE_TEXT = "SELECT ?article ?text WHERE { ?article dipl:text ?text }"


_ENTITY_LINKS = ("participant", "host", "visitor", "speaker", "target", "organisation")
_SINGLE = ("category", "cameo", "format", "status", "date", "datePrecision")


def _one(facts: dict[str, list[str]], name: str) -> str | None:
    values = facts.get(name)
    return sorted(values)[0] if values else None


def list_events(
    store: Store, *, limit: int = 50, offset: int = 0, **filters: Any
) -> tuple[int, list[dict[str, Any]]]:
    """Events matching every given filter, newest first, and how many match in all.

    Filters: ``participant``, ``country``, ``organisation`` (entity ids), ``medium``, ``kind``,
    ``topic`` (notations), ``since``, ``until`` (dates; an event matches if its window meets them).
    Which events match comes from the store's event index (:mod:`kg.event_index`); the page of
    them is read from the store.
    """
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown event filters {sorted(unknown)}")
    given = {name: value for name, value in filters.items() if value is not None}
    for name in ("since", "until"):
        if isinstance(given.get(name), str):
            given[name] = dt.date.fromisoformat(given[name])
    keys = event_keys(store, **given)
    return len(keys), summaries(store, keys[offset : offset + limit])


def summaries(store: Store, keys: list[str]) -> list[dict[str, Any]]:
    """Events by key, in the order given, without their sources, from the store's event index.

    Keys with no event are left out.
    """
    index = event_index(store)
    return [_summary(key, index.events[key], index.labels) for key in keys if key in index.events]


def _summary(key: str, facts: EventFacts, labels: dict[str, str]) -> dict[str, Any]:
    first = {name: values[0] for name, values in facts.fields.items() if values}
    roles: dict[str, list[str]] = defaultdict(list)
    for role, entity in facts.roles:
        roles[role].append(entity)
    place = facts.places[0] if facts.places else None
    return {
        "id": key,
        "kind": facts.notation or facts.kind,
        **{name: first.get(name) for name in _SINGLE},
        "medium": facts.media[0] if facts.media else None,
        "stance": facts.stances[0] if facts.stances else None,
        "dateStart": min(facts.starts) if facts.starts else None,
        "dateEnd": min(facts.ends) if facts.ends else None,
        **{
            name: [{"id": k, "label": labels.get(k)} for k in sorted(set(roles.get(name, [])))]
            for name in _ENTITY_LINKS
        },
        "topics": facts.topics,
        "articles": sorted(facts.sources),
        "place": {"id": place, "label": labels.get(place)} if place else None,
    }


def event(store: Store, key: str, *, sources: bool = True) -> dict[str, Any]:
    """One event: kind, category, participants, date window, place, topics, related events (statements
    made at a meeting, the meeting of a statement) and its source sentences.

    Raises:
        NotFound: no event has this id.
    """
    index = event_index(store)
    facts = index.events.get(key)
    if facts is None:
        raise NotFound(f"No event '{key}'. Event ids look like 'event/ARTICLE/meeting-1'; see /events.")
    result = _summary(key, facts, index.labels)
    node = iri(key)
    related = [k for k in facts.related if k in index.events]
    result["related"] = [_summary(k, index.events[k], index.labels) for k in related]
    result["statements"] = [e for e in result["related"] if e["kind"] == "statement"]
    if sources:
        result["sources"] = event_sources(store, node)
    return result


def event_sources(store: Store, node: Any) -> list[dict[str, Any]]:
    """The evidence of an event: each span with its sentence, aspect and reason."""
    texts: dict[str, tuple[str, list[Sentence]]] = {}
    found = []
    for row in store.select_values(SOURCES, bindings={"event": node}, prefixes=PREFIXES):
        article = row["article"]
        if article not in texts:
            text_rows = store.select_values(
                ARTICLE_TEXT, bindings={"article": URIRef(article)}, prefixes=PREFIXES
            )
            text = text_rows[0]["text"] if text_rows else ""
            texts[article] = (text, split_sentences(text))
        start, end = int(row["start"]), int(row["end"])
        text, sentences = texts[article]
        found.append(
            {
                "article": row["id"],
                "aspect": row.get("aspect", ""),
                "reason": row.get("reason", ""),
                "sentence": int(row["sentence"]),
                "start": start,
                "end": end,
                "text": text[start:end],
                "sentence_text": _sentence_around(text, sentences, start, end),
                "extractor": row["extractor"],
                "confidence": float(row["confidence"]),
            }
        )
    return found


def _sentence_around(text: str, sentences: list[Sentence], start: int, end: int) -> dict[str, Any]:
    """The sentence holding a span, with the span's offsets inside it (for highlighting)."""
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return {
                "text": text[sentence.start : sentence.end],
                "start": start - sentence.start,
                "end": min(end, sentence.end) - sentence.start,
            }
    return {"text": text[start:end], "start": 0, "end": end - start}


ARTICLE = """
SELECT ?article ?p ?o ?notation WHERE {
  ?article ?p ?o .
  VALUES ?p { dipl:articleId dipl:title dipl:source dipl:published dipl:url dipl:dateline dipl:text
              dipl:mentions dipl:topic }
  OPTIONAL { ?o skos:notation ?notation }
}
"""
ARTICLE_EVENTS = "SELECT ?article ?event WHERE { ?event dipl:extractedFrom ?article } ORDER BY ?event"
MENTIONS = """
SELECT ?article ?entity ?start ?end WHERE {
  ?mention a dipl:Mention ; dipl:article ?article ; dipl:mentionOf ?entity ;
           dipl:startOffset ?start ; dipl:endOffset ?end .
} ORDER BY ?start ?end
"""


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article and what was extracted from it: entities mentioned (with the character offsets of
    each mention in ``text``), topics and events.

    Raises:
        NotFound: the article is not stored.
    """
    missing = NotFound(
        f"No article '{article_id}'; list articles with SPARQL: SELECT ?id {{ ?a dipl:articleId ?id }}."
    )
    node = article_iri(article_id)
    if not values_of([key_of(node)]):
        raise missing
    facts: dict[str, list[str]] = defaultdict(list)
    for row in store.select(ARTICLE, bindings={"article": node}, prefixes=PREFIXES):
        facts[str(row["p"]).rsplit("#", 1)[-1]].append(str(row.get("notation", row["o"])))
    if not facts:
        raise missing
    mentioned = sorted({key_of(m) for m in facts.get("mentions", [])})
    labels = labels_of(store, mentioned)
    mentions = [
        {"entity": key_of(r["entity"]), "start": int(r["start"]), "end": int(r["end"])}  # type: ignore[call-overload]
        for r in store.select(MENTIONS, bindings={"article": node}, prefixes=PREFIXES)
    ]
    events = [
        key_of(r["event"])
        for r in store.select(ARTICLE_EVENTS, bindings={"article": node}, prefixes=PREFIXES)
    ]
    return {
        "id": article_id,
        **{name: _one(facts, name) for name in ("title", "source", "published", "url", "dateline", "text")},
        "entities": [{"id": k, "label": labels.get(k)} for k in mentioned],
        "mentions": mentions,
        "topics": sorted(set(facts.get("topic", []))),
        "events": summaries(store, events),
    }
