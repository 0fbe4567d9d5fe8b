"""The graph as one self-contained HTML page: pyvis's network model, our template, nothing fetched.

pyvis as shipped does not fit (issue 6): every resource mode loads Bootstrap from a CDN, the
heading goes in unescaped, and ``add_node``/``add_edge`` check for duplicates by scanning lists
(about 35 s for 10,000 nodes). So we fill a ``pyvis.network.Network``'s node and edge lists
directly (the projection's ids are unique already) and render them with ``kg/templates/graph.html``
in an autoescaping Jinja environment, inlining vis-network's JS and CSS from pyvis's bundled copy.
The colours, shapes and legend go by entity type; the legend's words are the ontology's labels.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network
from rdflib import URIRef

from kg.graph import RELATION_KINDS, STATIC_KINDS, SYMMETRIC_KINDS, neighbourhood, strongest, whole
from kg.ontology import DIPL_NS, Ontology

TEMPLATES = Path(__file__).with_name("templates")
#: Colour and shape of each class of node, by the class's local name in the ontology.
STYLES = {
    "Person": ("#4e79a7", "dot"),
    "Country": ("#f28e2b", "square"),
    "Organisation": ("#59a14f", "triangle"),
    "Meeting": ("#b07aa1", "diamond"),
    "Statement": ("#e15759", "diamond"),
    "Agreement": ("#76b7b2", "diamond"),
    "OtherEvent": ("#9c755f", "diamond"),
}
FALLBACK_STYLE = ("#9c9c9c", "dot")
#: Above this many edges the edge labels are left off the canvas (they stay in the tooltips).
EDGE_LABEL_LIMIT = 400
#: Above this many nodes the layout is computed more coarsely, to settle fast.
LARGE = 500
#: Up to this many entities, the page also lists them as links (for keyboards and screen readers).
LIST_LIMIT = 300

_environment = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
)


@cache
def vis_assets() -> tuple[Markup, Markup]:
    """vis-network's JS and CSS from pyvis's bundled copy (their licence header comes along)."""
    lib = Path(pyvis.__file__).parent / "lib"
    found = sorted(
        lib.glob("vis-*/vis-network.min.js"),
        key=lambda p: tuple(int(n) for n in re.findall(r"\d+", p.parent.name)),
    )
    if not found:
        raise RuntimeError(f"pyvis {pyvis.__version__} bundles no vis-network under {lib}; reinstall pyvis.")
    script = found[-1].read_text(encoding="utf-8").replace("</script", "<\\/script")
    style = found[-1].with_name("vis-network.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
    return Markup(script), Markup(style)


def kind_label(kind: str) -> str:
    """How a relationship kind reads: ``met_with`` -> ``met with``."""
    return kind.replace("_", " ")


def _edge_text(graph: nx.MultiDiGraph, source: str, target: str, data: dict[str, Any]) -> str:
    names = graph.nodes[source]["label"], graph.nodes[target]["label"]
    arrow = "—" if data["kind"] in SYMMETRIC_KINDS else "→"
    lines = [f"{names[0]} {arrow} {names[1]}", kind_label(data["kind"])]
    if data.get("events"):
        span = f"{data.get('first') or '?'} – {data.get('last') or '?'}"
        lines[1] += f": {data['weight']} event{'s' if data['weight'] != 1 else ''}, {span}"
    for name in ("media", "stances"):
        if data.get(name):
            lines.append(f"{name}: " + ", ".join(f"{k.replace('_', ' ')} {n}" for k, n in data[name].items()))
    for office, start, end in data.get("tenures", []):
        lines.append(f"{office}: {start or '?'} – {end or 'now'}")
    return "\n".join(lines)


def _node_text(graph: nx.MultiDiGraph, node: str, type_label: str) -> str:
    data = graph.nodes[node]
    lines = [data["label"], f"{type_label} · {node}"]
    if data.get("articles"):
        lines.append(f"mentioned in {data['articles']} article{'s' if data['articles'] != 1 else ''}")
    lines.append(f"{graph.degree(node)} relationship{'s' if graph.degree(node) != 1 else ''} shown")
    return "\n".join(lines)


def _options(nodes: int, edges: int) -> dict[str, Any]:
    """vis-network options: a bounded stabilisation, after which the page turns physics off.

    Above :data:`LARGE` nodes the simulation trades precision for time (a coarser Barnes-Hut, no
    overlap avoidance, fewer iterations), so 1,000 nodes settle in under 2 s in headless Chromium
    (``bench/graph_speed.py``).
    """
    large = nodes > LARGE
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": nodes <= 150},
        "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "scaling": {"min": 8, "max": 36}},
        "edges": {
            "smooth": False,
            "color": {"color": "#9aa5b1", "highlight": "#333333", "hover": "#555555"},
            "font": {"size": 10, "color": "#555555", "strokeWidth": 3, "align": "middle"},
            "arrows": {"to": {"scaleFactor": 0.5}, "from": {"scaleFactor": 0.5}},
        },
        "physics": {
            "solver": "barnesHut",
            "barnesHut": {
                "theta": 0.8 if large else 0.5,
                "gravitationalConstant": -6000,
                "springLength": 130,
                "springConstant": 0.04,
                "damping": 0.35,
                "avoidOverlap": 0 if large else 0.1,
            },
            "stabilization": {"enabled": True, "iterations": 100 if large else 200, "updateInterval": 50},
            "minVelocity": 1.5,
        },
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": edges > 1000},
    }


def to_html(
    graph: nx.MultiDiGraph,
    *,
    ontology: Ontology,
    heading: str,
    query: str = "",
    notes: Iterable[str] = (),
    focus: str | None = None,
    link_base: str = "/entities/",
) -> str:
    """A self-contained page drawing a graph of entities (and events, if it holds any).

    Args:
        graph: nodes with ``label`` and ``type``; edges with ``kind`` and ``weight``.
        ontology: where the legend's labels come from (each type's class ``rdfs:label``).
        heading, query, notes: text shown above the graph (escaped like everything else).
        focus: an entity drawn larger.
        link_base: a click on a node opens ``link_base`` + its id.
    """
    type_labels = {
        t: ontology.label(URIRef(DIPL_NS + t)) for t in {d["type"] for _, d in graph.nodes(data=True)}
    }
    strength = dict(graph.degree(weight="weight"))
    network = Network(height="100%", width="100%", directed=True, heading=heading, cdn_resources="in_line")
    # pyvis's add_node/add_edge scan their lists for duplicates (quadratic); our ids are unique already.
    network.nodes = [
        _node(graph, n, d, type_labels[d["type"]], strength[n], n == focus) for n, d in graph.nodes(data=True)
    ]
    labelled = graph.number_of_edges() <= EDGE_LABEL_LIMIT
    network.edges = _edges(graph, labelled)
    network.options = _options(len(network.nodes), len(network.edges))
    counts = Counter(d["type"] for _, d in graph.nodes(data=True))
    legend = [
        {
            "type": t,
            "label": type_labels[t],
            "color": STYLES.get(t, FALLBACK_STYLE)[0],
            "shape": STYLES.get(t, FALLBACK_STYLE)[1],
            "count": counts[t],
        }
        for t in sorted(counts, key=lambda t: (list(STYLES).index(t) if t in STYLES else len(STYLES), t))
    ]
    if not labelled:
        notes = [
            *notes,
            f"Edge labels are left off above {EDGE_LABEL_LIMIT} relationships; hover an edge to read it.",
        ]
    listed = [
        {"label": d["label"], "href": link_base + quote(n, safe="/")}
        for n, d in graph.nodes(data=True)
        if d.get("kind") == "entity"
    ]
    vis_js, vis_css = vis_assets()
    return _environment.get_template("graph.html").render(
        heading=network.heading,
        query=query,
        notes=list(notes),
        legend=legend,
        listed=listed if len(listed) <= LIST_LIMIT else [],
        data={
            "nodes": network.nodes,
            "edges": network.edges,
            "options": network.options,
            "link_base": link_base,
        },
        vis_js=vis_js,
        vis_css=vis_css,
    )


def _node(
    graph: nx.MultiDiGraph, node: str, data: dict[str, Any], type_label: str, strength: float, focus: bool
) -> dict[str, Any]:
    color, shape = STYLES.get(data["type"], FALLBACK_STYLE)
    item = {
        "id": node,
        "label": data["label"],
        "group": data["type"],
        "color": color,
        "shape": shape,
        "value": 1 + strength,
        "title": _node_text(graph, node, type_label),
    }
    if focus:
        item.update(
            borderWidth=4, font={"size": 18, "bold": True}, color={"background": color, "border": "#222222"}
        )
    return item


def _edges(graph: nx.MultiDiGraph, labelled: bool) -> list[dict[str, Any]]:
    """One drawn edge per pair of entities, standing for every relationship between them.

    Parallel straight edges would lie on top of each other; the drawn edge runs from the smaller id
    to the larger, with an arrow at each end that a directed relationship points to.
    """
    pairs: dict[tuple[str, str], list[tuple[str, str, dict[str, Any]]]] = {}
    for source, target, data in graph.edges(data=True):
        pairs.setdefault((min(source, target), max(source, target)), []).append((source, target, data))
    return [_edge(graph, pair, parts, labelled) for pair, parts in pairs.items()]


def _edge(
    graph: nx.MultiDiGraph,
    pair: tuple[str, str],
    parts: list[tuple[str, str, dict[str, Any]]],
    labelled: bool,
) -> dict[str, Any]:
    parts.sort(key=lambda p: (-p[2].get("weight", 1), p[2]["kind"]))
    weight = sum(d.get("weight", 1) for _, _, d in parts)
    directed = [(s, d["kind"]) for s, _, d in parts if d["kind"] not in SYMMETRIC_KINDS]
    arrows = [
        end for end, first in (("to", pair[0]), ("from", pair[1])) if any(s == first for s, _ in directed)
    ]
    item = {
        "from": pair[0],
        "to": pair[1],
        "width": round(1 + min(8.0, 1.5 * math.log2(max(weight, 1))), 2),
        "title": "\n\n".join(_edge_text(graph, s, t, d) for s, t, d in parts),
        "arrows": ",".join(arrows),
        "dashes": all(d["kind"] in STATIC_KINDS for _, _, d in parts),
    }
    if labelled:
        item["label"] = ", ".join(
            kind_label(d["kind"]) + (f" ×{d['weight']}" if d.get("weight", 1) > 1 else "")
            for _, _, d in parts
        )
    return item


def view(
    graph: nx.MultiDiGraph,
    *,
    ontology: Ontology,
    focus: str | None = None,
    depth: int = 1,
    kinds: Iterable[str] = RELATION_KINDS,
    types: Iterable[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    max_nodes: int | None = 150,
    max_edges: int | None = 400,
    link_base: str = "/entities/",
) -> str:
    """The page for a focus's neighbourhood (or the whole graph), cut to its strongest relationships.

    Raises:
        NotFound: the focus is not an entity of the graph.
    """
    chosen = frozenset(kinds)
    if focus is not None:
        found = neighbourhood(graph, focus, depth=depth, kinds=chosen, types=types, since=since, until=until)
        heading = f"{graph.nodes[focus]['label']}: relationships to depth {depth}"
    else:
        found = whole(graph, kinds=chosen, types=types, since=since, until=until)
        heading = "Relationships between entities"
    shown = strongest(found, focus=focus, max_nodes=max_nodes, max_edges=max_edges)
    return to_html(
        shown,
        ontology=ontology,
        heading=heading,
        query=describe(kinds=chosen, types=types, since=since, until=until),
        notes=_notes(shown),
        focus=focus,
        link_base=link_base,
    )


def _notes(shown: nx.MultiDiGraph) -> list[str]:
    if shown.number_of_nodes() == 0:
        return ["No entity has relationships that match these filters."]
    return [left_out_note(shown.graph["left_out"])] if shown.graph["left_out"] else []


def describe(
    *, kinds: frozenset[str], types: Iterable[str] | None, since: dt.date | None, until: dt.date | None
) -> str:
    """The filters of a view in words."""
    parts = []
    if since or until:
        parts.append(f"events from {since or 'the start'} to {until or 'now'}")
    if kinds != frozenset(RELATION_KINDS):
        parts.append("relationships: " + ", ".join(kind_label(k) for k in sorted(kinds)))
    if types:
        parts.append("types: " + ", ".join(sorted(types)))
    return "; ".join(parts).capitalize()


def left_out_note(left_out: dict[str, int]) -> str:
    """What a cut left out, in words."""
    nodes, edges = left_out["nodes_total"], left_out["edges_total"]
    return (
        f"Showing the strongest {nodes - left_out['nodes']:,} of {nodes:,} entities and "
        f"{edges - left_out['edges']:,} of {edges:,} relationships: {left_out['nodes']:,} entities and "
        f"{left_out['edges']:,} weaker relationships were left out. Raise max_nodes or max_edges to see more."
    )
