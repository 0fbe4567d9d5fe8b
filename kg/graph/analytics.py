"""Questions asked of the projection: paths, rankings, blocs and timelines.

Every function takes the projection (:func:`kg.graph.to_networkx`) and returns plain data (dicts
and lists of JSON types) that the CLI prints and the API returns as they are. Date ranges select
events by their date window (:func:`kg.graph.derived.in_range`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from itertools import islice
from typing import Any

import networkx as nx

from kg.errors import BadRequest, NotFound
from kg.graph.derived import entity_graph, in_range, memoised
from kg.graph.projection import EVENT_KINDS, RELATION_KINDS, ROLES, SYMMETRIC_KINDS

MEASURES = ("degree", "betweenness", "pagerank")
COMMUNITY_METHODS = ("louvain", "greedy")
#: Above this many entities, betweenness is estimated from this many sampled sources (seeded).
BETWEENNESS_SAMPLE = 500
#: Events named per step of a path; the step says how many there are in all.
EVENTS_PER_STEP = 10


def require_entity(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """The attributes of an entity node.

    Raises:
        NotFound: no entity has this id; the message suggests close ids.
    """
    data = graph.nodes.get(key)
    if data is not None and data["kind"] == "entity":
        return data  # type: ignore[no-any-return]
    prefix = key.split("/", 1)[0] + "/"
    candidates = [n for n, d in graph.nodes(data=True) if d["kind"] == "entity" and n.startswith(prefix)]
    close = difflib.get_close_matches(key, candidates or list(graph), n=3)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise NotFound(
        f"No entity '{key}' in the graph.{hint} Ids look like 'person/xi-jinping', 'country/CHN' or "
        "'org/SCO'; find one with `kg query` or GET /sparql."
    )


def _node(graph: nx.Graph, key: str) -> dict[str, Any]:
    data = graph.nodes[key]
    return {"id": key, "label": data["label"], "type": data["type"]}


def event_summary(graph: nx.MultiDiGraph, key: str) -> dict[str, Any]:
    """An event node as plain data: id, type, label, dates and what else is known."""
    data = graph.nodes[key]
    fields = ("date_start", "date_end", "medium", "stance", "status", "place", "article")
    return {"id": key, "type": data["type"], "label": data["label"], **{f: data.get(f) for f in fields}}


# -- paths -----------------------------------------------------------------------------------


def shortest_paths(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    kinds: Iterable[str] = RELATION_KINDS,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 5,
) -> list[list[dict[str, Any]]]:
    """Up to ``limit`` shortest paths from one entity to another, each a list of steps.

    Each step names the two entities and every relationship between them, with the events that
    make it (the first :data:`EVENTS_PER_STEP`, and how many there are). No path: an empty list.

    Raises:
        NotFound: either id is not an entity of the graph.
    """
    require_entity(graph, source)
    require_entity(graph, target)
    ranged, chosen = in_range(graph, since=since, until=until), frozenset(kinds)
    steps = entity_graph(ranged, kinds=chosen)
    if source not in steps or target not in steps or not nx.has_path(steps, source, target):
        return []
    paths = islice(nx.all_shortest_paths(steps, source, target), max(1, limit))
    return [[_step(ranged, a, b, chosen) for a, b in zip(path, path[1:], strict=False)] for path in paths]


def _step(graph: nx.MultiDiGraph, a: str, b: str, kinds: frozenset[str]) -> dict[str, Any]:
    relations = []
    for source, target in ((a, b), (b, a)):
        for key, data in graph.get_edge_data(source, target, default={}).items():
            if key not in kinds:
                continue
            events = data.get("events", [])
            relations.append(
                {
                    "kind": key,
                    "direction": "both"
                    if key in SYMMETRIC_KINDS
                    else ("forward" if source == a else "backward"),
                    "weight": data["weight"],
                    "first": data.get("first"),
                    "last": data.get("last"),
                    "event_count": len(events),
                    "events": [event_summary(graph, e) for e in _latest(graph, events)[:EVENTS_PER_STEP]],
                }
            )
    relations.sort(key=lambda r: (-r["weight"], r["kind"]))
    return {"from": _node(graph, a), "to": _node(graph, b), "relations": relations}


def _latest(graph: nx.MultiDiGraph, events: list[str]) -> list[str]:
    return sorted(events, key=lambda e: (graph.nodes[e].get("date_start") or "", e), reverse=True)


# -- rankings and communities ----------------------------------------------------------------


def rank(
    graph: nx.MultiDiGraph,
    *,
    measure: str = "pagerank",
    kinds: Iterable[str] = EVENT_KINDS,
    types: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """The entities ranked by a centrality measure over the range, best first.

    Measures: ``degree`` (distinct partners), ``betweenness`` (share of shortest paths through an
    entity; estimated from :data:`BETWEENNESS_SAMPLE` seeded sources on larger graphs) and
    ``pagerank`` (weighted by how many events join two entities). Rankings default to the kinds
    that come from events, since memberships and offices are not contacts.

    Raises:
        BadRequest: an unknown measure.
    """
    if measure not in MEASURES:
        raise BadRequest(f"Unknown measure '{measure}'; use one of {', '.join(MEASURES)}.")
    steps = entity_graph(in_range(graph, since=since, until=until), kinds=kinds, types=types)
    scores = memoised(steps, ("rank", measure), lambda: _scores(steps, measure))
    rows = [
        {
            **_node(steps, n),
            "score": score,
            "degree": steps.degree(n),
            "strength": steps.degree(n, weight="weight"),
        }
        for n, score in scores.items()
    ]
    rows.sort(key=lambda r: (-r["score"], -r["strength"], r["id"]))
    return rows[:limit]


def _scores(steps: nx.Graph, measure: str) -> dict[str, float]:
    if steps.number_of_nodes() == 0:
        return {}
    if measure == "degree":
        return dict(steps.degree())
    if measure == "betweenness":
        sample = BETWEENNESS_SAMPLE if steps.number_of_nodes() > BETWEENNESS_SAMPLE else None
        return nx.betweenness_centrality(steps, k=sample, seed=0)  # type: ignore[no-any-return]
    return nx.pagerank(steps, weight="weight")  # type: ignore[no-any-return]


def communities(
    graph: nx.MultiDiGraph,
    *,
    method: str = "louvain",
    kinds: Iterable[str] = EVENT_KINDS,
    types: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    resolution: float = 1.0,
    seed: int = 0,
) -> dict[str, Any]:
    """Blocs: groups of entities more tied to each other than to the rest, over the range.

    ``louvain`` (seeded, so the same input gives the same blocs) or ``greedy`` modularity, on
    relationship weights. Communities come largest first; members strongest first.

    Raises:
        BadRequest: an unknown method.
    """
    if method not in COMMUNITY_METHODS:
        raise BadRequest(f"Unknown method '{method}'; use one of {', '.join(COMMUNITY_METHODS)}.")
    steps = entity_graph(in_range(graph, since=since, until=until), kinds=kinds, types=types)
    if method == "louvain":
        found = nx.community.louvain_communities(steps, weight="weight", resolution=resolution, seed=seed)
    else:
        found = nx.community.greedy_modularity_communities(steps, weight="weight", resolution=resolution)
    strength = dict(steps.degree(weight="weight"))
    groups = [sorted(c, key=lambda n: (-strength[n], n)) for c in found]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return {
        "method": method,
        "seed": seed if method == "louvain" else None,
        "resolution": resolution,
        "modularity": nx.community.modularity(steps, found, weight="weight") if groups else None,
        "communities": [
            {"size": len(g), "members": [{**_node(steps, n), "strength": strength[n]} for n in g]}
            for g in groups
        ],
    }


# -- timeline --------------------------------------------------------------------------------


def timeline(
    graph: nx.MultiDiGraph, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None
) -> list[dict[str, Any]]:
    """Every event in which two actors took part together (meetings, calls, statements), oldest first.

    A country or organisation takes part through itself, the people who represent it, and the
    people who held an office in it on the event's date. Each row says who stood for each side
    and in which role. Undated events come last.

    Raises:
        NotFound: either id is not an entity of the graph.
    """
    require_entity(graph, a)
    require_entity(graph, b)
    if a == b:
        raise BadRequest(f"A timeline needs two different actors; both are '{a}'.")
    ranged = in_range(graph, since=since, until=until)
    side_a, side_b = _side(ranged, a), _side(ranged, b)
    rows = []
    for event in sorted(side_a.keys() & side_b.keys()):
        members_a, members_b = side_a[event], side_b[event]
        if not any(ma != mb for ma, _ in members_a for mb, _ in members_b):
            continue  # one person standing for both sides is no contact
        rows.append(
            {
                **event_summary(ranged, event),
                "a": [{"id": m, "label": ranged.nodes[m]["label"], "role": r} for m, r in sorted(members_a)],
                "b": [{"id": m, "label": ranged.nodes[m]["label"], "role": r} for m, r in sorted(members_b)],
            }
        )
    rows.sort(key=lambda r: (r["date_start"] is None, r["date_start"] or "", r["id"]))
    return rows


def _side(graph: nx.MultiDiGraph, actor: str) -> dict[str, set[tuple[str, str]]]:
    """The events an actor took part in, each with the (member, role) pairs that stood for it."""
    members: list[tuple[str, list[list[str]] | None]] = [(actor, None)]
    if graph.nodes[actor]["type"] in {"Country", "Organisation"}:
        for person, _, key, data in graph.in_edges(actor, keys=True, data=True):
            if key == "represents":
                members.append((person, None))
            elif key == "holds_office_in":
                members.append((person, data["tenures"]))
    events: dict[str, set[tuple[str, str]]] = {}
    for member, tenures in members:
        for _, event, role in graph.out_edges(member, keys=True):
            if role in ROLES and (
                tenures is None or _in_office(graph.nodes[event].get("date_start"), tenures)
            ):
                events.setdefault(event, set()).add((member, role))
    return events


def _in_office(date: str | None, tenures: list[list[str]]) -> bool:
    return date is not None and any((start or "0000") <= date <= (end or "9999") for _, start, end in tenures)
