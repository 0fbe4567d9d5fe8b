"""Entities: search, one entity, its relationships; JSON, or an HTML page when a browser asks.

Every look-up runs a prepared query with bound values (:mod:`kg.lookup`, :mod:`kg.events`), and its
result is cached per store generation. Every string on a page is escaped: labels and aliases come
from untrusted article text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from api.cache import json_response
from api.deps import CacheDep, StoreDep
from api.models import EntitiesPublic, EntityPublic, RelationsPublic
from api.pages import HTML_RESPONSE, render, wants_html
from kg import event_index, events, lookup

router = APIRouter(tags=["entities"])

#: How many of an entity's meetings its page lists (the rest are a link away).
PAGE_MEETINGS = 200


@router.get(
    "/entities",
    summary="Search entities by name or alias",
    response_model=EntitiesPublic,
    responses=HTML_RESPONSE,
)
async def search(
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text in a name or alias.")],
    type: Annotated[str | None, Query(pattern="^(Person|Country|Organisation)$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    """Entities whose name contains ``q``, best first, with the total for paging."""
    key = ("search", q, type, limit, offset)
    total, items = await cache.run(
        key, lambda: lookup.search_entities(store, q, type=type, limit=limit, offset=offset)
    )
    page = {"total": total, "limit": limit, "offset": offset, "items": items}
    if wants_html(request):
        return render("search.html", q=q, page=page)
    return await json_response(cache, key, page, EntitiesPublic)


@router.get(
    "/entities/{entity_id:path}/relations",
    summary="Relationships of an entity, grouped by kind",
    response_model=RelationsPublic,
)
async def relations(
    store: StoreDep,
    cache: CacheDep,
    entity_id: str,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Any:
    """Every relationship of an entity with others: counts, first and last date, source articles."""
    await cache.run(("entity", entity_id), lambda: lookup.entity(store, entity_id))  # 404 for an unknown id
    key = ("relations", entity_id, kind, since, until)
    grouped = await cache.run(
        key, lambda: event_index.relations(store, entity_id, kind=kind, since=since, until=until)
    )
    return await json_response(cache, key, {"id": entity_id, "relations": grouped}, RelationsPublic)


@router.get(
    "/entities/{entity_id:path}",
    summary="One entity: names, offices, memberships",
    response_model=EntityPublic,
    responses=HTML_RESPONSE,
)
async def entity(request: Request, store: StoreDep, cache: CacheDep, entity_id: str) -> Any:
    """An entity with its offices and memberships; as a page with its relationships and meetings."""
    found = await cache.run(("entity", entity_id), lambda: lookup.entity(store, entity_id))
    if not wants_html(request):
        return await json_response(cache, ("entity", entity_id), found, EntityPublic)
    grouped = await cache.run(
        ("relations", entity_id, None, None, None), lambda: event_index.relations(store, entity_id)
    )
    total, meetings = await cache.run(
        ("entity-meetings", entity_id),
        lambda: events.list_events(store, participant=entity_id, kind="meeting", limit=PAGE_MEETINGS),
    )
    return entity_page(found, grouped, meetings, total)


def entity_page(
    found: dict[str, Any],
    grouped: dict[str, list[dict[str, Any]]],
    meetings: list[dict[str, Any]],
    total: int,
) -> HTMLResponse:
    """The page of an entity: offices, a timeline of its meetings (oldest first, undated last), its
    relationships."""
    timeline = sorted(meetings, key=lambda m: (m.get("dateStart") is None, m.get("dateStart") or ""))
    return render("entity.html", entity=found, relations=grouped, meetings=timeline, meetings_total=total)
