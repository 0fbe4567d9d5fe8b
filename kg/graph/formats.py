"""The projection in other tools' formats: GraphML and GEXF (for Gephi) and node-link JSON.

GraphML and GEXF take only strings, numbers and booleans as attribute values, so :func:`flatten`
turns lists into ``"; "``-joined strings (a tenure, itself a list, into ``office|start|end``) and
count tables such as ``media`` into one numeric attribute per entry (``media_video``), and drops
missing values. Node-link JSON keeps the attributes as they are and round-trips exactly through
``nx.node_link_graph(data, edges="edges")``.
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.errors import BadRequest

FORMATS = ("graphml", "gexf", "json")


def _flat_value(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join("|".join(map(str, v)) if isinstance(v, list) else str(v) for v in value)
    return value


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in data.items():
        if value is None:
            continue
        if isinstance(value, dict):
            flat.update({f"{name}_{key}": count for key, count in value.items()})
        else:
            flat[name] = _flat_value(value)
    return flat


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of a graph whose attribute values GraphML and GEXF accept (str, int, float, bool)."""
    result = nx.MultiDiGraph(**_flat(graph.graph))
    result.add_nodes_from((node, _flat(data)) for node, data in graph.nodes(data=True))
    result.add_edges_from((u, v, key, _flat(data)) for u, v, key, data in graph.edges(keys=True, data=True))
    return result


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """GraphML (read it back with ``nx.read_graphml(path, force_multigraph=True)``)."""
    return ("\n".join(nx.generate_graphml(flatten(graph))) + "\n").encode("utf-8")


def to_gexf(graph: nx.MultiDiGraph) -> bytes:
    """GEXF 1.2 (Gephi's own format); GEXF stores edge weights as floats."""
    return ("\n".join(nx.generate_gexf(flatten(graph))) + "\n").encode("utf-8")


def to_node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Node-link data: ``{"directed", "multigraph", "graph", "nodes": [...], "edges": [...]}``."""
    return nx.node_link_data(graph, edges="edges")  # type: ignore[no-any-return]


def export_graph(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """A graph serialised in one of :data:`FORMATS`.

    Raises:
        BadRequest: an unknown format.
    """
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "gexf":
        return to_gexf(graph)
    if fmt == "json":
        return json.dumps(to_node_link(graph), ensure_ascii=False, indent=1).encode("utf-8")
    raise BadRequest(f"Unknown graph format '{fmt}'; use one of {', '.join(FORMATS)} or html.")
