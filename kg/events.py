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
from kg.extract.text import Sentence, split_sentences
from kg.lookup import PREFIXES, labels_of, values_of
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
  {filters}
  ?event a ?class . VALUES ?class {{ dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }}
  OPTIONAL {{ ?event dipl:dateStart ?start }} OPTIONAL {{ ?event dipl:dateEnd ?end }}
  {dates}
}} ORDER BY DESC(?start) ?event
"""
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
    if not all(values_of([filters[n]]) for n in ("participant", "country", "organisation") if filters.get(n)):
        return 0, []  # an id that cannot be an IRI takes part in nothing
    values = _values(filters)
    patterns = [FILTERS[name] for name in values if name not in {"since", "until"}]
    dates = [FILTERS[name] for name in values if name in {"since", "until"}]
    query = EVENTS.format(
        bound=" ".join(f"?{name}" for name in values), filters="\n  ".join(patterns), dates="\n  ".join(dates)
    )
    rows = store.select(query, bindings=values, prefixes=PREFIXES)
    page = [key_of(row["event"]) for row in rows[offset : offset + limit]]
    return len(rows), summaries(store, page)


EVENTS_FACTS = """
SELECT DISTINCT ?event ?p ?o ?notation WHERE {{
  VALUES ?event {{ {values} }}
  ?event ?p ?o .
  OPTIONAL {{ ?o skos:notation ?notation }}
}}
"""
RELATED = """
SELECT ?event ?other WHERE {
  { ?event dipl:relatedEvent ?other } UNION { ?other dipl:relatedEvent ?event }
} ORDER BY ?other
"""


def summaries(store: Store, keys: list[str]) -> list[dict[str, Any]]:
    """Events by key, in the order given, without their sources, in two queries (facts, then labels).

    Keys with no event are left out.
    """
    terms = values_of(keys)
    if not terms:
        return []
    facts: dict[str, dict[str, list[str]]] = {key: defaultdict(list) for key in terms}
    rows = store.select(EVENTS_FACTS.format(values=" ".join(terms.values())), prefixes=PREFIXES)
    for row in rows:
        name = str(row["p"]).rsplit("#", 1)[-1]
        value = row.get("notation", row["o"])
        linked = name in _ENTITY_LINKS or name in {"place", "relatedEvent"}
        facts[key_of(row["event"])][name].append(key_of(value) if linked else str(value))
    found = {key: f for key, f in facts.items() if f.get("type")}
    linked = {k for f in found.values() for name in (*_ENTITY_LINKS, "place") for k in f.get(name, [])}
    labels = labels_of(store, linked)
    return [_summary(key, found[key], labels) for key in keys if key in found]


def _summary(key: str, facts: dict[str, list[str]], labels: dict[str, str]) -> dict[str, Any]:
    place = _one(facts, "place")
    return {
        "id": key,
        "kind": sorted(facts["type"])[0].rsplit("#", 1)[-1],
        **{name: _one(facts, name) for name in _SINGLE},
        **{
            name: [{"id": k, "label": labels.get(k)} for k in sorted(set(facts.get(name, [])))]
            for name in _ENTITY_LINKS
        },
        "topics": sorted(set(facts.get("topic", []))),
        "articles": sorted({key_of(a).removeprefix("article/") for a in facts.get("extractedFrom", [])}),
        "place": {"id": place, "label": labels.get(place)} if place else None,
    }


def event(store: Store, key: str, *, sources: bool = True) -> dict[str, Any]:
    """One event: kind, category, participants, date window, place, topics, related events (statements
    made at a meeting, the meeting of a statement) and its source sentences.

    Raises:
        NotFound: no event has this id.
    """
    found = summaries(store, [key])
    if not found:
        raise NotFound(f"No event '{key}'. Event ids look like 'event/ARTICLE/meeting-1'; see /events.")
    result = found[0]
    node = iri(key)
    others = [
        key_of(row["other"])
        for row in store.select(RELATED, bindings={"event": node}, prefixes=PREFIXES)
        if key_of(row["other"]) != key
    ]
    result["related"] = summaries(store, list(dict.fromkeys(others)))
    result["statements"] = [e for e in result["related"] if e["kind"] == "statement"]
    if sources:
        result["sources"] = event_sources(store, node)
    return result


def event_sources(store: Store, node: Any) -> list[dict[str, Any]]:
    """The evidence of an event: each span with its sentence, aspect and reason."""
    texts: dict[str, tuple[str, list[Sentence]]] = {}
    found = []
    for row in store.select(SOURCES, bindings={"event": node}, prefixes=PREFIXES):
        article = row["article"]
        if str(article) not in texts:
            text_rows = store.select(ARTICLE_TEXT, bindings={"article": article}, prefixes=PREFIXES)
            text = str(text_rows[0]["text"]) if text_rows else ""
            texts[str(article)] = (text, split_sentences(text))
        start, end = int(row["start"]), int(row["end"])  # type: ignore[call-overload]
        text, sentences = texts[str(article)]
        found.append(
            {
                "article": str(row["id"]),
                "aspect": str(row.get("aspect", "")),
                "reason": str(row.get("reason", "")),
                "sentence": int(row["sentence"]),  # type: ignore[call-overload]
                "start": start,
                "end": end,
                "text": text[start:end],
                "sentence_text": _sentence_around(text, sentences, start, end),
                "extractor": str(row["extractor"]),
                "confidence": float(row["confidence"]),  # type: ignore[arg-type]
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
