"""Events: a filtered, paged list and one event with its sources; JSON, or a page for a browser.

Filter values are bound into prepared queries (:mod:`kg.events`); enumerated filters (``medium``,
``kind``, ``topic``) are checked against the ontology's notations first, so a typo is a 422 that
lists the valid values rather than an empty page. Results are cached per store generation.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from rdflib import RDFS

from api.cache import json_lookup
from api.deps import CacheDep, OntologyDep, StoreDep
from api.models import EventDetailPublic, EventsPublic
from api.pages import HTML_RESPONSE, highlight, render, wants_html
from kg import events
from kg.errors import BadRequest, KGError
from kg.ontology import Ontology
from kg.vocab import DIPL

router = APIRouter(tags=["events"])

Id = Annotated[str, Query(max_length=300, description="An entity id, as in /entities/{id}.")]


class InvalidFilter(BadRequest):
    """A filter value the ontology does not know."""

    status = 422
    slug = "invalid-filter"
    title = "Unknown filter value"


def notations(ontology: Ontology) -> dict[str, list[str]]:
    """The values the enumerated filters take, read from the ontology."""
    kinds = (ontology.notation(c) for c in ontology.graph.subjects(RDFS.subClassOf, DIPL.Event))
    return {
        "medium": list(ontology.concepts(DIPL.MediumScheme)),
        "kind": sorted(k for k in kinds if k),
        "topic": list(ontology.concepts(DIPL.TopicScheme)),
    }


def check_filters(ontology: Ontology, filters: dict[str, Any]) -> None:
    """Refuse a medium, kind or topic that is no notation of the ontology (422, listing the valid ones)."""
    if all(filters.get(name) is None for name in ("medium", "kind", "topic")):
        return  # reading the notations walks the ontology graph: not for every request
    for name, valid in notations(ontology).items():
        value = filters.get(name)
        if value is not None and value not in valid:
            raise InvalidFilter(f"{name}={value!r} is not known; use one of: {', '.join(valid)}.")


@router.get(
    "/events", summary="Events, filtered and paged", response_model=EventsPublic, responses=HTML_RESPONSE
)
async def list_events(
    request: Request,
    store: StoreDep,
    ontology: OntologyDep,
    cache: CacheDep,
    participant: Id | None = None,
    country: Annotated[
        str | None, Query(max_length=300, description="A country id: its people count.")
    ] = None,
    organisation: Id | None = None,
    medium: Annotated[str | None, Query(description="in_person, phone or video (the ontology's).")] = None,
    kind: Annotated[str | None, Query(description="meeting, statement, agreement or other.")] = None,
    topic: Annotated[str | None, Query(description="A topic notation, such as trade.")] = None,
    since: Annotated[dt.date | None, Query(description="Events whose window ends on or after.")] = None,
    until: Annotated[dt.date | None, Query(description="Events whose window starts on or before.")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Events that match every filter given, newest first, with the total for paging."""
    filters = {
        "participant": participant,
        "country": country,
        "organisation": organisation,
        "medium": medium,
        "kind": kind,
        "topic": topic,
        "since": since,
        "until": until,
    }
    check_filters(ontology, filters)
    given = {name: value for name, value in filters.items() if value is not None}

    def page() -> dict[str, Any]:
        total, items = events.list_events(store, limit=limit, offset=offset, **given)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    key = ("events", tuple(sorted((k, str(v)) for k, v in given.items())), limit, offset)
    if wants_html(request):
        return events_page(await cache.run(key, page), given)
    return await json_lookup(cache, key, page, EventsPublic)


def _page_url(given: dict[str, Any], limit: int, offset: int) -> str:
    return "/events?" + urlencode({**{k: str(v) for k, v in given.items()}, "limit": limit, "offset": offset})


def events_page(page: dict[str, Any], given: dict[str, Any]) -> HTMLResponse:
    """The list of events as a page, with links to the previous and next pages."""
    limit, offset, total = page["limit"], page["offset"], page["total"]
    previous = _page_url(given, limit, max(0, offset - limit)) if offset > 0 else None
    following = _page_url(given, limit, offset + limit) if offset + limit < total else None
    filters = [(name, str(value)) for name, value in given.items()]
    return render("events.html", page=page, filters=filters, previous=previous, next=following)


@router.get(
    "/events/{event_id:path}",
    summary="One event with its participants, related events and source sentences",
    response_model=EventDetailPublic,
    responses=HTML_RESPONSE,
)
async def event(
    request: Request, store: StoreDep, ontology: OntologyDep, cache: CacheDep, event_id: str
) -> Any:
    """An event: kind, date window, participants, place, topics, related events (such as the
    statements made at a meeting) and the sentences it was read from, with character offsets.

    The id is the event's id with or without its ``event/`` prefix.
    """
    key = event_id if event_id.startswith("event/") else f"event/{event_id}"
    if wants_html(request):
        return event_page(await cache.run(("event", key), lambda: events.event(store, key)), ontology)
    return await json_lookup(cache, ("event", key), lambda: events.event(store, key), EventDetailPublic)


ROLES = (
    ("Participants", "participant"),
    ("Host", "host"),
    ("Visitor", "visitor"),
    ("Speaker", "speaker"),
    ("Target", "target"),
    ("Within", "organisation"),
)


def event_title(found: dict[str, Any], kind_label: str) -> str:
    """A heading for an event: its kind, its date and who took part."""
    people = found["participant"] or found["speaker"] or found["organisation"]
    names = ", ".join(p["label"] or p["id"] for p in people[:4]) + (" …" if len(people) > 4 else "")
    when = found["dateStart"] or "undated"
    return f"{kind_label}, {when}" + (f": {names}" if names else "")


def kind_label_of(ontology: Ontology, kind: str) -> str:
    """The ontology's label of an event kind (``meeting`` -> ``Meeting``)."""
    try:
        return ontology.label(ontology.class_for_notation(kind))
    except KGError:
        return kind


def event_page(found: dict[str, Any], ontology: Ontology) -> HTMLResponse:
    """An event as a page: its facts, and each source sentence with the evidence marked."""
    kind_label = kind_label_of(ontology, found["kind"])
    sources = []
    for source in found["sources"]:
        sentence = source["sentence_text"]
        before, span, after = highlight(sentence["text"], sentence["start"], sentence["end"])
        sources.append({**source, "before": before, "span": span, "after": after})
    roles = [(title, found[name]) for title, name in ROLES if found[name]]
    title = event_title(found, kind_label)
    return render("event.html", event=found, title=title, kind_label=kind_label, sources=sources, roles=roles)
