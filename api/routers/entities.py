"""Entities: search, one entity, its relationships; JSON, or an HTML page when a browser asks.

Every look-up runs a prepared query with bound values (:mod:`kg.lookup`, :mod:`kg.events`).
Every string on the page is escaped: labels and aliases come from untrusted article text.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from api.deps import StoreDep
from kg import events, lookup

router = APIRouter(tags=["entities"])


def wants_html(request: Request) -> bool:
    """Whether the client prefers HTML (a browser) to JSON."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept.split(",")[0]


@router.get("/entities", summary="Search entities by name or alias")
async def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Text in a name or alias.")],
    type: Annotated[str | None, Query(pattern="^(Person|Country|Organisation)$")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> dict[str, Any]:
    """Entities whose name contains ``q``, best first, with the total for paging."""
    total, items = await run_in_threadpool(
        lookup.search_entities, store, q, type=type, limit=limit, offset=offset
    )
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/entities/{entity_id:path}/relations", summary="Relationships of an entity, grouped by kind")
async def relations(
    store: StoreDep,
    entity_id: str,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[str, Any]:
    """Every relationship of an entity with others: counts, first and last date, source articles."""
    await run_in_threadpool(lookup.entity, store, entity_id)  # 404 for an unknown id
    grouped = await run_in_threadpool(lookup.relations, store, entity_id, kind=kind, since=since, until=until)
    return {"id": entity_id, "relations": grouped}


@router.get(
    "/entities/{entity_id:path}", summary="One entity: names, offices, memberships", response_model=None
)
async def entity(request: Request, store: StoreDep, entity_id: str) -> JSONResponse | HTMLResponse:
    """An entity with its offices and memberships; as a page with its relationships and meetings."""
    found = await run_in_threadpool(lookup.entity, store, entity_id)
    if not wants_html(request):
        return JSONResponse(found)
    grouped = await run_in_threadpool(lookup.relations, store, entity_id)
    _, meetings = await run_in_threadpool(
        lambda: events.list_events(store, participant=entity_id, kind="meeting", limit=200)
    )
    return HTMLResponse(entity_page(found, grouped, meetings))


def _link(key: str, label: str | None) -> str:
    return f'<a href="/entities/{quote(key)}">{escape(label or key)}</a>'


def _span(first: str | None, last: str | None) -> str:
    return f" ({escape(first)} – {escape(last or first)})" if first else ""


def _relations_html(grouped: dict[str, list[dict[str, Any]]]) -> str:
    sections = []
    for kind, items in grouped.items():
        rows = "".join(
            f"<li>{_link(r['other'], r['other_label'])} ×{r['count']}{_span(r['first'], r['last'])}</li>"
            for r in items
        )
        sections.append(f"<h3>{escape(kind.replace('_', ' '))}</h3><ul>{rows}</ul>")
    return "".join(sections)


def _timeline_html(meetings: list[dict[str, Any]]) -> str:
    return "".join(
        f"<tr><td>{escape(m.get('dateStart') or '?')}</td><td>{escape(m.get('medium') or '')}</td>"
        f"<td>{', '.join(_link(p['id'], p['label']) for p in m['participant'])}</td></tr>"
        for m in sorted(meetings, key=lambda m: m.get("dateStart") or "")
    )


def entity_page(
    found: dict[str, Any], grouped: dict[str, list[dict[str, Any]]], meetings: list[dict[str, Any]]
) -> str:
    """The HTML page of an entity (no external assets; every value escaped)."""
    offices = "".join(
        f"<li>{escape(o['office'])}, {_link(o['of'], o['of_label'])}: "
        f"{escape(o['start'] or '?')} – {escape(o['end'] or 'now')}</li>"
        for o in found["offices"]
    )
    rels, timeline = _relations_html(grouped), _timeline_html(meetings)
    title = escape(found["label"])
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" href="data:,">
<style>body {{ font: 15px/1.45 system-ui, sans-serif; max-width: 62rem; margin: 2rem auto; padding: 0 1rem }}
td {{ padding: .2rem .6rem; border-bottom: 1px solid #ddd }}</style></head><body>
<p><a href="/">Home</a> · <a href="/graph/view?focus={quote(found["id"])}">Graph</a></p>
<h1>{title}</h1>
<p>{escape(found["type"])}{" · Wikidata " + escape(found["wikidata"]) if found["wikidata"] else ""}</p>
<p>Also called: {escape("; ".join(found["aliases"])) or "—"}</p>
<h2>Offices</h2><ul>{offices or "<li>none known</li>"}</ul>
<h2>Meetings</h2><table><tr><th>When</th><th>How</th><th>Who</th></tr>{timeline}</table>
<h2>Relationships</h2>{rels or "<p>none yet</p>"}
</body></html>"""
