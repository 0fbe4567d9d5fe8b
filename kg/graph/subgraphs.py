"""Parts of the projection to look at: a neighbourhood, everything in a range, the strongest ties.

All three return a ``MultiDiGraph`` of entity nodes and relationship edges, ready for the view
(:mod:`kg.graph_view`) and the exports (:mod:`kg.graph.formats`).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.errors import BadRequest
from kg.graph.analytics import require_entity
from kg.graph.derived import entity_graph, in_range
from kg.graph.projection import RELATION_KINDS


def neighbourhood(
    graph: nx.MultiDiGraph,
    focus: str,
    *,
    depth: int = 1,
    kinds: Iterable[str] = RELATION_KINDS,
    types: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> nx.MultiDiGraph:
    """The entities within ``depth`` steps of ``focus`` and the relationships between them.

    Args:
        graph: the projection.
        focus: an entity id.
        depth: how many steps out (1: the focus and its direct partners).
        kinds: the relationship kinds that make a step (and that are kept).
        types: the entity types kept (the focus is kept whatever its type); ``None``: all.
        since, until: the date range (see :func:`kg.graph.derived.in_range`).

    Returns:
        A ``MultiDiGraph`` of entity nodes, each with its ``distance`` from the focus, and
        relationship edges; ``graph.graph`` records the query.

    Raises:
        NotFound: the focus is not an entity of the graph.
        BadRequest: a depth below 1.
    """
    require_entity(graph, focus)
    if depth < 1:
        raise BadRequest(f"depth must be 1 or more, not {depth}.")
    ranged, chosen = in_range(graph, since=since, until=until), frozenset(kinds)
    allowed = None if types is None else frozenset(types) | {graph.nodes[focus]["type"]}
    steps = entity_graph(ranged, kinds=chosen, types=allowed)
    distances = (
        nx.single_source_shortest_path_length(steps, focus, cutoff=depth) if focus in steps else {focus: 0}
    )
    return _subgraph(ranged, distances, chosen, focus=focus, depth=depth, since=since, until=until)


def _subgraph(
    graph: nx.MultiDiGraph, distances: dict[str, int], kinds: frozenset[str], **query: Any
) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph(
        **{k: v.isoformat() if isinstance(v, dt.date) else v for k, v in query.items()},
        kinds=sorted(kinds),
    )
    for node, distance in sorted(distances.items(), key=lambda item: (item[1], item[0])):
        result.add_node(node, **graph.nodes[node], distance=distance)
    for node in result:
        for _, target, key, data in graph.out_edges(node, keys=True, data=True):
            if key in kinds and target in distances:
                result.add_edge(node, target, key=key, **data)
    return result


def whole(
    graph: nx.MultiDiGraph,
    *,
    kinds: Iterable[str] = RELATION_KINDS,
    types: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> nx.MultiDiGraph:
    """Every entity that has one of the chosen relationships in the range, with those relationships."""
    ranged, chosen = in_range(graph, since=since, until=until), frozenset(kinds)
    steps = entity_graph(ranged, kinds=chosen, types=None if types is None else frozenset(types))
    return _subgraph(ranged, dict.fromkeys(steps, 0), chosen, focus=None, since=since, until=until)


def strongest(
    graph: nx.MultiDiGraph,
    *,
    focus: str | None = None,
    max_nodes: int | None = None,
    max_edges: int | None = None,
) -> nx.MultiDiGraph:
    """Cut a graph down to its strongest relationships: at most ``max_nodes`` and ``max_edges``.

    Entities are taken strongest tie first, growing out from the focus (or from the strongest
    entity, then the next component's), so every entity kept stays joined to the others by the
    edge that brought it in; the remaining edges among them are then added heaviest first. What
    was left out is recorded in ``graph.graph["left_out"]`` (``None`` when nothing was).
    """
    nodes_total, edges_total = graph.number_of_nodes(), graph.number_of_edges()
    node_cap = nodes_total if max_nodes is None else max(1, min(max_nodes, nodes_total))
    edge_cap = edges_total if max_edges is None else max(0, max_edges)
    if node_cap >= nodes_total and edge_cap >= edges_total:
        result = graph.copy()
        result.graph["left_out"] = None
        return result
    kept, tree = _grow(graph, focus, min(node_cap, edge_cap + 1))
    edges = [(u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in kept and v in kept]
    edges.sort(
        key=lambda e: (
            (e[0], e[1]) not in tree and (e[1], e[0]) not in tree,
            -e[3]["weight"],
            e[2],
            e[0],
            e[1],
        )
    )
    result = nx.MultiDiGraph(**graph.graph)
    result.add_nodes_from((n, graph.nodes[n]) for n in graph if n in kept)
    result.add_edges_from((u, v, k, d) for u, v, k, d in edges[:edge_cap])
    result.graph["left_out"] = {
        "nodes": nodes_total - result.number_of_nodes(),
        "edges": edges_total - result.number_of_edges(),
        "nodes_total": nodes_total,
        "edges_total": edges_total,
    }
    return result


def _grow(graph: nx.MultiDiGraph, focus: str | None, cap: int) -> tuple[set[str], set[tuple[str, str]]]:
    """Prim's algorithm on tie strength: the ``cap`` entities reached by the heaviest ties."""
    ties: dict[str, dict[str, float]] = {n: {} for n in graph}
    for u, v, data in graph.edges(data=True):
        if u != v:
            ties[u][v] = ties[v][u] = ties[u].get(v, 0) + data["weight"]
    strength = {n: sum(t.values()) for n, t in ties.items()}
    seeds = sorted(graph, key=lambda n: (n != focus, -strength[n], n))
    kept: set[str] = set()
    tree: set[tuple[str, str]] = set()
    frontier: list[tuple[float, str, str, str]] = []
    for seed in seeds:
        if len(kept) >= cap:
            break
        if seed in kept:
            continue
        kept.add(seed)
        frontier.extend((-w, v, seed, v) for v, w in ties[seed].items())
        heapq.heapify(frontier)
        while frontier and len(kept) < cap:
            _, _, source, target = heapq.heappop(frontier)
            if target in kept:
                continue
            kept.add(target)
            tree.add((source, target))
            for other, weight in ties[target].items():
                if other not in kept:
                    heapq.heappush(frontier, (-weight, other, target, other))
    return kept, tree
