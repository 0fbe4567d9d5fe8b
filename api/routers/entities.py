"""Entities: search, one entity, its relationships; JSON, or an HTML page when a browser asks.

Every look-up runs a prepared query with bound values (:mod:`kg.lookup`, :mod:`kg.events`), and its
result is cached per store generation. Every string on a page is escaped: labels and aliases come
from untrusted article text.

An entity id has two parts, ``KIND/NAME`` (``person/xi-jinping``, ``country/CHN``, ``org/un``), and
so has its URL: ``/entities/{prefix}/{name}`` is the entity and ``/entities/{prefix}/{name}/relations``
its relationships. With the id as one ``{id:path}`` parameter, ``/entities/person/relations`` (the
entity ``person/relations``, which the extractor made from a name) read as the relationships of
``person``; two segments cannot be read two ways.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from api.cache import json_lookup
from api.deps import CacheDep, StoreDep
from api.models import EntitiesPublic, EntityPublic, RelationsPublic
from api.pages import HTML_RESPONSE, render, wants_html
from kg import event_index, events, lookup
from kg.errors import NotFound

router = APIRouter(tags=["entities"])

#: How many of an entity's meetings its page lists (the rest are a link away).
PAGE_MEETINGS = 200

Prefix = Annotated[str, Path(description="The first part of the id: person, country, org, ...")]
Name = Annotated[str, Path(description="The second part of the id.", examples=["xi-jinping"])]


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

    def page() -> dict[str, Any]:
        total, items = lookup.search_entities(store, q, type=type, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": items}

    key = ("search", q, type, limit, offset)
    if wants_html(request):
        return render("search.html", q=q, page=await cache.run(key, page))
    return await json_lookup(cache, key, page, EntitiesPublic)


@router.get(
    "/entities/{prefix}/{name}/relations",
    summary="Relationships of an entity, grouped by kind",
    response_model=RelationsPublic,
)
async def relations(
    store: StoreDep,
    cache: CacheDep,
    prefix: Prefix,
    name: Name,
    kind: Annotated[str | None, Query(description="One kind of relationship, such as met_with.")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> Any:
    """Every relationship of an entity with others: counts, first and last date, source articles."""
    entity_id = f"{prefix}/{name}"

    def grouped() -> dict[str, Any]:
        cache.compute(("entity", entity_id), lambda: lookup.entity(store, entity_id))  # 404 if unknown
        found = event_index.relations(store, entity_id, kind=kind, since=since, until=until)
        return {"id": entity_id, "relations": found}

    key = ("relations-of", entity_id, kind, since, until)
    return await json_lookup(cache, key, grouped, RelationsPublic)


@router.get(
    "/entities/{prefix}/{name}",
    summary="One entity: names, offices, memberships",
    response_model=EntityPublic,
    responses=HTML_RESPONSE,
)
async def entity(request: Request, store: StoreDep, cache: CacheDep, prefix: Prefix, name: Name) -> Any:
    """An entity with its offices and memberships; as a page with its relationships and meetings."""
    entity_id = f"{prefix}/{name}"
    if not wants_html(request):
        return await json_lookup(
            cache, ("entity", entity_id), lambda: lookup.entity(store, entity_id), EntityPublic
        )
    found = await cache.run(("entity", entity_id), lambda: lookup.entity(store, entity_id))
    grouped = await cache.run(
        ("relations", entity_id, None, None, None), lambda: event_index.relations(store, entity_id)
    )
    total, meetings = await cache.run(
        ("entity-meetings", entity_id),
        lambda: events.list_events(store, participant=entity_id, kind="meeting", limit=PAGE_MEETINGS),
    )
    return entity_page(found, grouped, meetings, total)


@router.get("/entities/{entity_id:path}", include_in_schema=False)
async def not_an_entity(entity_id: str) -> None:
    """Any other path under /entities: no id has that shape."""
    raise NotFound(
        f"No entity '{entity_id}'. Entity ids have two parts, KIND/NAME, such as 'person/xi-jinping' "
        "(its relationships are at /entities/person/xi-jinping/relations); see /entities?q=."
    )


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
