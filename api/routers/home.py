"""The home page (counts, a search box, the latest meetings), ``/stats`` and ``/health``.

Counting the store walks all of it (a third of a second a million triples), so the counts are cached
per store generation: they are recomputed after a write, not on every request.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from api.deps import CacheDep, OntologyDep, StoreDep
from api.models import StatsPublic
from api.pages import render
from kg.export import store_stats
from kg.lookup import PREFIXES
from kg.mapping import key_of
from kg.ontology import Ontology
from kg.store import ARTICLE_GRAPH_BASE, Store

router = APIRouter(tags=["pages"])

MEETINGS_QUERY = """
SELECT ?meeting ?start ?end ?medium (GROUP_CONCAT(DISTINCT ?name; separator=" · ") AS ?people) WHERE {
  ?meeting a dipl:Meeting ; dipl:participant ?p .
  ?p rdfs:label ?name .
  OPTIONAL { ?meeting dipl:dateStart ?start ; dipl:dateEnd ?end }
  OPTIONAL { ?meeting dipl:medium/skos:prefLabel ?medium }
} GROUP BY ?meeting ?start ?end ?medium ORDER BY DESC(?start) LIMIT 20
"""
EVENT_KINDS = """
SELECT ?class (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?event a ?class . ?class rdfs:subClassOf dipl:Event .
} GROUP BY ?class
"""
#: The entity counts of :func:`kg.export.store_stats`, by the ontology class they count.
ENTITY_FIGURES = {"Person": "persons", "Country": "countries", "Organisation": "organisations"}


def stats(store: Store, ontology: Ontology) -> dict[str, Any]:
    """Counts: articles, triples, graphs, entities by type, events by kind (blocking; walks the store)."""
    figures = store_stats(store)
    kinds = {
        ontology.notation(row["class"]) or key_of(row["class"]).rsplit("#", 1)[-1]: int(row["n"])  # type: ignore[call-overload]
        for row in store.select(EVENT_KINDS, prefixes=PREFIXES)
    }
    return {
        "articles": int(figures["articles"]),
        "triples": int(figures["triples"]),
        "graphs": int(figures["graphs"]),
        "entities": {kind: int(figures[name]) for kind, name in ENTITY_FIGURES.items()},
        "events": dict(sorted(kinds.items())),
        "generation": store.generation,
    }


def latest_meetings(store: Store) -> list[dict[str, str]]:
    """The twenty latest meetings: when, who, how."""
    found = []
    for row in store.select(MEETINGS_QUERY, prefixes=PREFIXES):
        start, end = str(row.get("start", "")), str(row.get("end", ""))
        found.append(
            {
                "id": key_of(row["meeting"]),
                "when": (start if start == end else f"{start} – {end}") or "undated",
                "people": str(row.get("people", "")),
                "medium": str(row.get("medium", "")),
            }
        )
    return found


@router.get("/", response_class=HTMLResponse, summary="Home page")
async def home(store: StoreDep, ontology: OntologyDep, cache: CacheDep) -> HTMLResponse:
    """The home page: counts, a search box, the latest meetings, links to events and SPARQL."""
    figures = await cache.run(("stats",), lambda: stats(store, ontology))
    meetings = await cache.run(("latest-meetings",), lambda: latest_meetings(store))
    counts = [
        ("articles", figures["articles"]),
        ("meetings", figures["events"].get("meeting", 0)),
        ("persons", figures["entities"]["Person"]),
        ("countries", figures["entities"]["Country"]),
        ("organisations", figures["entities"]["Organisation"]),
        ("triples", figures["triples"]),
    ]
    return render("home.html", counts=counts, meetings=meetings)


@router.get("/stats", tags=["stats"], summary="Counts of what the store holds", response_model=StatsPublic)
async def get_stats(store: StoreDep, ontology: OntologyDep, cache: CacheDep) -> dict[str, Any]:
    """Articles, triples and graphs; entities that articles mention, by type; events by kind.

    Counted once per store generation (after each write), then served from memory.
    """
    return await cache.run(("stats",), lambda: stats(store, ontology))  # type: ignore[no-any-return]


@router.get("/health", tags=["health"], summary="Liveness and store check")
async def health(request: Request, store: StoreDep) -> dict[str, object]:
    """Whether the service is up and its store answers (cheaply: no count of the whole store), and
    whether the look-up indexes are built for the store as it is (``indexed``; until they are, the
    first look-ups wait for them)."""
    articles = await run_in_threadpool(lambda: next(store.graph_names(ARTICLE_GRAPH_BASE), None) is not None)
    return {
        "status": "ok",
        "has_articles": articles,
        "read_only": store.read_only,
        "generation": store.generation,
        "indexed": request.app.state.warmer.ready,
    }
