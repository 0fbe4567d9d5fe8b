"""The graph over HTTP: ``/graph/view`` (an HTML page) and JSON analytics under ``/graph/...``.

Every route reads the projection of the app's store (:func:`kg.graph.to_networkx`), which is built
once and rebuilt only when the store changes. Entity ids contain a slash (``person/xi-jinping``),
so they travel as query parameters. Unknown ids are 404 problems; unknown kinds, types, measures
and methods are 400 problems.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, ConfigDict, Field

from api.deps import OntologyDep, StoreDep
from kg import graph_view
from kg.graph import (
    EVENT_KINDS,
    RELATION_KINDS,
    communities,
    neighbourhood,
    parse_kinds,
    parse_types,
    rank,
    shortest_paths,
    strongest,
    timeline,
    to_networkx,
    to_node_link,
)

router = APIRouter(prefix="/graph", tags=["graph"])

Since = Annotated[
    dt.date | None, Query(description="Only events whose date window ends on or after this date.")
]
Until = Annotated[
    dt.date | None, Query(description="Only events whose date window starts on or before this date.")
]
Kinds = Annotated[
    str | None,
    Query(
        description="Comma-separated relationship kinds: "
        + ", ".join(RELATION_KINDS)
        + " ('hosted' = 'visited')."
    ),
]
Types = Annotated[
    str | None, Query(description="Comma-separated entity types: Person, Country, Organisation.")
]
Focus = Annotated[str, Query(description="An entity id, e.g. person/vladimir-putin.")]
Depth = Annotated[int, Query(ge=1, le=6, description="Steps out from the focus.")]


# -- response models --------------------------------------------------------------------------


class EntityRef(BaseModel):
    id: str
    label: str
    type: str


class GraphNode(EntityRef):
    kind: str = Field(description="'entity' (or 'event' in full exports).")
    articles: int | None = Field(default=None, description="How many articles mention the entity.")
    distance: int | None = Field(default=None, description="Steps from the focus.")


class GraphEdge(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    source: str
    target: str
    kind: str = Field(description="The relationship kind.")
    weight: int = Field(description="How many events make the relationship (1 for reference data).")
    first: str | None = None
    last: str | None = None
    events: list[str] = Field(default_factory=list)
    media: dict[str, int] | None = Field(default=None, description="met_with: meetings by medium.")
    stances: dict[str, int] | None = Field(
        default=None, description="statement_toward: statements by stance."
    )
    tenures: list[list[str]] | None = Field(
        default=None, description="holds_office_in: [office, start, end]."
    )


class LeftOut(BaseModel):
    nodes: int
    edges: int
    nodes_total: int
    edges_total: int


class NeighbourhoodPublic(BaseModel):
    focus: str
    depth: int
    since: str | None
    until: str | None
    kinds: list[str]
    left_out: LeftOut | None = Field(description="What max_nodes/max_edges cut away, if anything.")
    nodes: list[GraphNode]
    edges: list[GraphEdge]


class EventPublic(BaseModel):
    id: str
    type: str
    label: str
    date_start: str | None
    date_end: str | None
    medium: str | None
    stance: str | None
    status: str | None
    place: str | None
    article: str | None


class RelationPublic(BaseModel):
    kind: str
    direction: str = Field(description="'forward' (from -> to), 'backward', or 'both' for symmetric kinds.")
    weight: int
    first: str | None
    last: str | None
    event_count: int
    events: list[EventPublic] = Field(description="The latest events of the relationship.")


class StepPublic(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: EntityRef = Field(alias="from")
    to: EntityRef
    relations: list[RelationPublic]


class PathsPublic(BaseModel):
    source: str
    target: str
    paths: list[list[StepPublic]]


class RankedPublic(EntityRef):
    score: float
    degree: int
    strength: float


class RankingPublic(BaseModel):
    measure: str
    since: dt.date | None
    until: dt.date | None
    ranking: list[RankedPublic]


class MemberPublic(EntityRef):
    strength: float


class CommunityPublic(BaseModel):
    size: int
    members: list[MemberPublic]


class CommunitiesPublic(BaseModel):
    method: str
    seed: int | None
    resolution: float
    modularity: float | None
    communities: list[CommunityPublic]


class SidePublic(BaseModel):
    id: str
    label: str
    role: str


class ContactPublic(EventPublic):
    a: list[SidePublic] = Field(description="Who stood for the first actor, and in which role.")
    b: list[SidePublic]


class TimelinePublic(BaseModel):
    a: str
    b: str
    events: list[ContactPublic]


# -- routes -----------------------------------------------------------------------------------


@router.get("/view", response_class=HTMLResponse)
def view(
    store: StoreDep,
    ontology: OntologyDep,
    focus: Annotated[str | None, Query(description="An entity id; without one, the whole graph.")] = None,
    depth: Depth = 1,
    since: Since = None,
    until: Until = None,
    kinds: Kinds = None,
    types: Types = None,
    max_nodes: Annotated[int, Query(ge=1, le=5000)] = 150,
    max_edges: Annotated[int, Query(ge=0, le=20000)] = 400,
) -> HTMLResponse:
    """An interactive, self-contained page of an entity's neighbourhood."""
    page = graph_view.view(
        to_networkx(store),
        ontology=ontology,
        focus=focus,
        depth=depth,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        since=since,
        until=until,
        max_nodes=max_nodes,
        max_edges=max_edges,
    )
    return HTMLResponse(page)


@router.get("/neighbourhood", response_model=NeighbourhoodPublic)
def get_neighbourhood(
    store: StoreDep,
    focus: Focus,
    depth: Depth = 1,
    since: Since = None,
    until: Until = None,
    kinds: Kinds = None,
    types: Types = None,
    max_nodes: Annotated[int | None, Query(ge=1)] = None,
    max_edges: Annotated[int | None, Query(ge=0)] = None,
) -> dict[str, Any]:
    """The entities within ``depth`` steps of an entity and the relationships between them."""
    found = neighbourhood(
        to_networkx(store),
        focus,
        depth=depth,
        kinds=parse_kinds(kinds),
        types=parse_types(types),
        since=since,
        until=until,
    )
    data = to_node_link(strongest(found, focus=focus, max_nodes=max_nodes, max_edges=max_edges))
    return {**data["graph"], "nodes": data["nodes"], "edges": data["edges"]}


@router.get("/path", response_model=PathsPublic, response_model_by_alias=True)
def get_path(
    store: StoreDep,
    source: Annotated[str, Query(description="The entity to start from.")],
    target: Annotated[str, Query(description="The entity to reach.")],
    since: Since = None,
    until: Until = None,
    kinds: Kinds = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    """The shortest paths between two entities, with the events behind each step (none: an empty list)."""
    paths = shortest_paths(
        to_networkx(store), source, target, kinds=parse_kinds(kinds), since=since, until=until, limit=limit
    )
    return {"source": source, "target": target, "paths": paths}


@router.get("/rank", response_model=RankingPublic)
def get_rank(
    store: StoreDep,
    measure: Annotated[str, Query(description="degree, betweenness or pagerank.")] = "pagerank",
    since: Since = None,
    until: Until = None,
    kinds: Annotated[
        str | None, Query(description="Relationship kinds (default: those that come from events).")
    ] = None,
    types: Types = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
) -> dict[str, Any]:
    """Entities ranked by degree, betweenness or PageRank over a date range."""
    rows = rank(
        to_networkx(store),
        measure=measure,
        kinds=parse_kinds(kinds, default=EVENT_KINDS),
        types=parse_types(types),
        since=since,
        until=until,
        limit=limit,
    )
    return {"measure": measure, "since": since, "until": until, "ranking": rows}


@router.get("/communities", response_model=CommunitiesPublic)
def get_communities(
    store: StoreDep,
    method: Annotated[str, Query(description="louvain or greedy (modularity).")] = "louvain",
    since: Since = None,
    until: Until = None,
    kinds: Annotated[
        str | None, Query(description="Relationship kinds (default: those that come from events).")
    ] = None,
    types: Types = None,
    resolution: Annotated[float, Query(gt=0)] = 1.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Blocs of entities over a date range (seeded, so the same request gives the same blocs)."""
    return communities(
        to_networkx(store),
        method=method,
        kinds=parse_kinds(kinds, default=EVENT_KINDS),
        types=parse_types(types),
        since=since,
        until=until,
        resolution=resolution,
        seed=seed,
    )


@router.get("/timeline", response_model=TimelinePublic)
def get_timeline(
    store: StoreDep,
    a: Annotated[str, Query(description="One actor: a person, country or organisation id.")],
    b: Annotated[str, Query(description="The other actor.")],
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    """The contacts between two actors (meetings, calls, statements), oldest first."""
    return {"a": a, "b": b, "events": timeline(to_networkx(store), a, b, since=since, until=until)}
