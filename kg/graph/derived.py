"""Graphs derived from the projection: a date range, or entities joined by chosen kinds; memoised.

Each derived graph is frozen and remembered on the frozen projection it came from (a few dozen
per projection, least recently used first out), so asking again for the same range or kinds
costs nothing until the store changes and the projection is rebuilt.
"""

from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from typing import Any, TypeVar

import networkx as nx

from kg.errors import BadRequest
from kg.graph.projection import (
    ENTITY_TYPES,
    KIND_ALIASES,
    RELATION_KINDS,
    ROLES,
    aggregate,
    office_attributes,
)

_memos: weakref.WeakKeyDictionary[nx.Graph, OrderedDict[Hashable, Any]] = weakref.WeakKeyDictionary()
_memo_lock = threading.Lock()
T = TypeVar("T")


def memoised(graph: nx.Graph, key: Hashable, compute: Callable[[], T], *, size: int = 32) -> T:
    """``compute()``, remembered per frozen graph under ``key`` (unfrozen graphs may change: no memo)."""
    if not nx.is_frozen(graph):
        return compute()
    with _memo_lock:
        memo = _memos.setdefault(graph, OrderedDict())
        if key in memo:
            memo.move_to_end(key)
            return memo[key]  # type: ignore[no-any-return]
    value = compute()
    with _memo_lock:
        memo[key] = value
        while len(memo) > size:
            memo.popitem(last=False)
    return value


def parse_kinds(
    kinds: str | Iterable[str] | None, *, default: Iterable[str] = RELATION_KINDS
) -> frozenset[str]:
    """Relationship kinds from a comma-separated string or a list; ``None`` or empty means ``default``.

    Raises:
        BadRequest: an unknown kind; the message lists the known ones.
    """
    names = kinds.split(",") if isinstance(kinds, str) else list(kinds or [])
    names = [KIND_ALIASES.get(n.strip(), n.strip()) for n in names if n.strip()]
    unknown = sorted(set(names) - set(RELATION_KINDS))
    if unknown:
        raise BadRequest(
            f"Unknown relationship kind(s) {', '.join(unknown)}; use any of {', '.join(RELATION_KINDS)} "
            "(or 'hosted', the reverse of 'visited')."
        )
    return frozenset(names or default)


def parse_types(types: str | Iterable[str] | None) -> frozenset[str] | None:
    """Entity types from a comma-separated string or a list; ``None`` means every type.

    Raises:
        BadRequest: an unknown type.
    """
    names = types.split(",") if isinstance(types, str) else list(types or [])
    names = [n.strip() for n in names if n.strip()]
    unknown = sorted(set(names) - set(ENTITY_TYPES))
    if unknown:
        raise BadRequest(
            f"Unknown entity type(s) {', '.join(unknown)}; use any of {', '.join(ENTITY_TYPES)}."
        )
    return frozenset(names) if names else None


def within(start: str | None, end: str | None, since: dt.date | None, until: dt.date | None) -> bool:
    """Whether a date window meets the range; with a range, an undated event is outside it."""
    if since is None and until is None:
        return True
    if not start:
        return False
    return not ((since and (end or start) < since.isoformat()) or (until and start > until.isoformat()))


def in_range(
    graph: nx.MultiDiGraph, *, since: dt.date | None = None, until: dt.date | None = None
) -> nx.MultiDiGraph:
    """The graph as it was between ``since`` and ``until`` (either may be open).

    Events whose date window misses the range (and undated events) are left out, relationship
    edges are summed again over the events that remain, office holdings are kept if a tenure meets
    the range, and undated memberships are always kept.
    """
    if since is None and until is None:
        return graph
    return memoised(graph, ("in_range", since, until), lambda: nx.freeze(_in_range(graph, since, until)))


def _in_range(graph: nx.MultiDiGraph, since: dt.date | None, until: dt.date | None) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph(**graph.graph)
    kept = set()
    for node, data in graph.nodes(data=True):
        if data["kind"] == "event" and not within(data.get("date_start"), data.get("date_end"), since, until):
            continue
        kept.add(node)
        result.add_node(node, **data)
    for source, target, key, data in graph.edges(keys=True, data=True):
        if key in ROLES:
            if target in kept:
                result.add_edge(source, target, key=key, **data)
        elif data.get("events"):
            events = [e for e in data["events"] if e in kept]
            if events:
                result.add_edge(source, target, key=key, **aggregate(key, events, graph.nodes))
        elif key == "holds_office_in":
            tenures = [t for t in data["tenures"] if within(t[1] or "0000", t[2] or "9999", since, until)]
            if tenures:
                result.add_edge(
                    source, target, key=key, **office_attributes([(o, s, e) for o, s, e in tenures])
                )
        else:
            result.add_edge(source, target, key=key, **data)
    return result


def entity_graph(
    graph: nx.MultiDiGraph, *, kinds: Iterable[str] = RELATION_KINDS, types: Iterable[str] | None = None
) -> nx.Graph:
    """Entities joined by the chosen kinds of relationship, as a simple undirected weighted graph.

    Each edge's ``weight`` is the sum of the weights of the relationships it stands for and
    ``kinds`` lists them. Only entities with at least one such relationship are nodes.
    """
    chosen, allowed = frozenset(kinds), None if types is None else frozenset(types)
    return memoised(
        graph, ("entity_graph", chosen, allowed), lambda: nx.freeze(_entity_graph(graph, chosen, allowed))
    )


def _entity_graph(graph: nx.MultiDiGraph, kinds: frozenset[str], types: frozenset[str] | None) -> nx.Graph:
    result = nx.Graph()
    nodes = graph.nodes
    for source, target, key, data in graph.edges(keys=True, data=True):
        if key not in kinds or source == target:
            continue
        if types is not None and (nodes[source]["type"] not in types or nodes[target]["type"] not in types):
            continue
        if result.has_edge(source, target):
            edge = result.edges[source, target]
            edge["weight"] += data["weight"]
            edge["kinds"] = sorted({*edge["kinds"], key})
        else:
            for node in (source, target):
                if node not in result:
                    result.add_node(node, label=nodes[node]["label"], type=nodes[node]["type"])
            result.add_edge(source, target, weight=data["weight"], kinds=[key])
    return result
