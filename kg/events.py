"""Look-ups of events and articles: filtered lists, one event with its sources, one article.

Filters add fixed query fragments chosen by which filters are given, never text from the request;
the filter values are bound at call time (see :mod:`kg.lookup`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from rdflib import XSD, Literal

from kg.errors import NotFound
from kg.lookup import PREFIXES, labels_of
from kg.mapping import article_iri, iri, key_of
from kg.store import Store

FILTERS = {
    "participant": "?event dipl:participant ?participant .",
    "country": "{ ?event dipl:participant ?country } UNION "
    "{ ?event dipl:participant/dipl:represents ?country }",
    "organisation": "?event dipl:organisation ?organisation .",
    "medium": "?event dipl:medium/skos:notation ?medium .",
    "kind": "?class skos:notation ?kind .",
    "topic": "?event dipl:topic/skos:notation ?topic .",
    "since": "FILTER(?end >= ?since)",
    "until": "FILTER(?start <= ?until)",
}
EVENTS = """
SELECT DISTINCT ?event ?start ?end {bound} WHERE {{
  ?event a ?class . VALUES ?class {{ dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }}
  OPTIONAL {{ ?event dipl:dateStart ?start }} OPTIONAL {{ ?event dipl:dateEnd ?end }}
  {filters}
}} ORDER BY DESC(?start) ?event
"""
EVENT = """
SELECT ?event ?p ?o ?notation WHERE {
  ?event ?p ?o .
  OPTIONAL { ?o skos:notation ?notation }
}
"""
SOURCES = """
SELECT ?event ?evidence ?aspect ?reason ?sentence ?start ?end ?extractor ?confidence ?article ?id WHERE {
  ?event dipl:evidence ?evidence .
  ?evidence dipl:article ?article ; dipl:startOffset ?start ; dipl:endOffset ?end ; dipl:sentence ?sentence ;
            dipl:extractor ?extractor ; dipl:confidence ?confidence .
  ?article dipl:articleId ?id .
  OPTIONAL { ?evidence dipl:aspect ?aspect } OPTIONAL { ?evidence dipl:reason ?reason }
} ORDER BY ?start
"""
ARTICLE_TEXT = "SELECT ?article ?text WHERE { ?article dipl:text ?text }"


def _values(filters: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None:
            continue
        if name in {"participant", "country", "organisation"}:
            values[name] = iri(value)
        elif name in {"since", "until"}:
            values[name] = Literal(
                value.isoformat() if isinstance(value, dt.date) else value, datatype=XSD.date
            )
        else:
            values[name] = Literal(value)
    return values


def list_events(
    store: Store, *, limit: int = 50, offset: int = 0, **filters: Any
) -> tuple[int, list[dict[str, Any]]]:
    """Events matching every given filter, newest first, and how many match in all.

    Filters: ``participant``, ``country``, ``organisation`` (entity ids), ``medium``, ``kind``,
    ``topic`` (notations), ``since``, ``until`` (dates; an event matches if its window meets them).
    """
    unknown = set(filters) - set(FILTERS)
    if unknown:
        raise ValueError(f"unknown event filters {sorted(unknown)}")
    values = _values(filters)
    query = EVENTS.format(
        bound=" ".join(f"?{name}" for name in values), filters="\n  ".join(FILTERS[name] for name in values)
    )
    rows = store.select(query, bindings=values, prefixes=PREFIXES)
    page = [key_of(row["event"]) for row in rows[offset : offset + limit]]
    return len(rows), [event(store, key, sources=False) for key in page]


def event(store: Store, key: str, *, sources: bool = True) -> dict[str, Any]:
    """One event: kind, category, participants, date window, place, topics, and its source sentences.

    Raises:
        NotFound: no event has this id.
    """
    node = iri(key)
    facts: dict[str, list[str]] = defaultdict(list)
    for row in store.select(EVENT, bindings={"event": node}, prefixes=PREFIXES):
        name = str(row["p"]).rsplit("#", 1)[-1]
        value = row.get("notation", row["o"])
        facts[name].append(key_of(value) if name in _ENTITY_LINKS or name == "place" else str(value))
    kinds = [t.rsplit("#", 1)[-1] for t in facts.get("type", [])]
    if not kinds:
        raise NotFound(f"No event '{key}'. Event ids look like 'event/ARTICLE/meeting-1'; see /events.")
    people = {k for name in _ENTITY_LINKS for k in facts.get(name, [])}
    labels = labels_of(store, people | set(facts.get("place", [])))
    result = {
        "id": key,
        "kind": kinds[0],
        **{name: _one(facts, name) for name in _SINGLE},
        **{
            name: [{"id": k, "label": labels.get(k)} for k in sorted(set(facts.get(name, [])))]
            for name in _ENTITY_LINKS
        },
        "topics": sorted(set(facts.get("topic", []))),
        "articles": sorted({key_of(a).removeprefix("article/") for a in facts.get("extractedFrom", [])}),
    }
    place = _one(facts, "place")
    result["place"] = {"id": place, "label": labels.get(place)} if place else None
    if sources:
        result["sources"] = event_sources(store, node)
    return result


_ENTITY_LINKS = ("participant", "host", "visitor", "speaker", "target", "organisation")
_SINGLE = (
    "category",
    "cameo",
    "medium",
    "format",
    "status",
    "date",
    "dateStart",
    "dateEnd",
    "datePrecision",
    "stance",
)


def _one(facts: dict[str, list[str]], name: str) -> str | None:
    values = facts.get(name)
    return sorted(values)[0] if values else None


def event_sources(store: Store, node: Any) -> list[dict[str, Any]]:
    """The evidence of an event: each span with its sentence, aspect and reason."""
    texts: dict[str, str] = {}
    found = []
    for row in store.select(SOURCES, bindings={"event": node}, prefixes=PREFIXES):
        article = row["article"]
        if str(article) not in texts:
            text_rows = store.select(ARTICLE_TEXT, bindings={"article": article}, prefixes=PREFIXES)
            texts[str(article)] = str(text_rows[0]["text"]) if text_rows else ""
        start, end = int(row["start"]), int(row["end"])  # type: ignore[call-overload]
        text = texts[str(article)]
        found.append(
            {
                "article": str(row["id"]),
                "aspect": str(row.get("aspect", "")),
                "reason": str(row.get("reason", "")),
                "sentence": int(row["sentence"]),  # type: ignore[call-overload]
                "start": start,
                "end": end,
                "text": text[start:end],
                "sentence_text": _sentence_around(text, start, end),
                "extractor": str(row["extractor"]),
                "confidence": float(row["confidence"]),  # type: ignore[arg-type]
            }
        )
    return found


def _sentence_around(text: str, start: int, end: int) -> dict[str, Any]:
    """The sentence holding a span, with the span's offsets inside it (for highlighting)."""
    from kg.extract.text import split_sentences

    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            return {
                "text": text[sentence.start : sentence.end],
                "start": start - sentence.start,
                "end": min(end, sentence.end) - sentence.start,
            }
    return {"text": text[start:end], "start": 0, "end": end - start}


ARTICLE = """
SELECT ?article ?p ?o WHERE {
  ?article ?p ?o .
  VALUES ?p { dipl:articleId dipl:title dipl:source dipl:published dipl:url dipl:dateline dipl:text
              dipl:mentions }
}
"""
ARTICLE_EVENTS = "SELECT ?article ?event WHERE { ?event dipl:extractedFrom ?article } ORDER BY ?event"


def article(store: Store, article_id: str) -> dict[str, Any]:
    """One article and what was extracted from it: entities mentioned and events.

    Raises:
        NotFound: the article is not stored.
    """
    node = article_iri(article_id)
    facts: dict[str, list[str]] = defaultdict(list)
    for row in store.select(ARTICLE, bindings={"article": node}, prefixes=PREFIXES):
        facts[str(row["p"]).rsplit("#", 1)[-1]].append(str(row["o"]))
    if not facts:
        raise NotFound(
            f"No article '{article_id}'; list articles with SPARQL: SELECT ?id {{ ?a dipl:articleId ?id }}."
        )
    mentioned = sorted(key_of(m) for m in facts.get("mentions", []))
    labels = labels_of(store, set(mentioned))
    events = [
        key_of(r["event"])
        for r in store.select(ARTICLE_EVENTS, bindings={"article": node}, prefixes=PREFIXES)
    ]
    return {
        "id": article_id,
        **{name: _one(facts, name) for name in ("title", "source", "published", "url", "dateline", "text")},
        "entities": [{"id": k, "label": labels.get(k)} for k in mentioned],
        "events": [event(store, key, sources=False) for key in events],
    }
