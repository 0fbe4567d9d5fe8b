"""The store as a networkx graph: entities and events as typed nodes, relationships as weighted edges.

:func:`to_networkx` reads the store with five SPARQL queries and returns one ``nx.MultiDiGraph``:

- **entity nodes**, keyed by our entity keys (``person/xi-jinping``, ``country/CHN``, ``org/SCO``):
  ``kind="entity"``, ``type`` (``Person``, ``Country``, ``Organisation``), ``label``, ``articles``
  (how many articles mention it);
- **event nodes** (``event/ARTICLE/meeting-1``): ``kind="event"``, ``type`` (``Meeting``, ``Statement``,
  ``Agreement``, ``OtherEvent``), ``label``, ``date_start``, ``date_end``, and ``medium``, ``stance``,
  ``status``, ``place``, ``article`` where known;
- **role edges** entity -> event, keyed by the role (``participant``, ``host``, ``visitor``, ``speaker``,
  ``target``, ``organisation``), so a path between entities can name the events behind each step;
- **relationship edges** entity -> entity, keyed by their kind (:data:`RELATION_KINDS`), summed over
  events: ``weight`` (how many events), ``first`` and ``last`` date, ``events`` (their keys), and
  ``media`` (meetings by medium) or ``stances`` (statements by stance). ``met_with``,
  ``agreement_with`` and ``otherevent_with`` are symmetric and stored once, from the smaller key;
  ``visited`` runs visitor -> host (read backwards it is "hosted"). ``member_of``, ``affiliated_with``
  and ``represents`` come from the reference data and have weight 1 and no date; ``holds_office_in``
  carries the ``tenures`` (office, start, end) that date it.

The graph is built once per store and rebuilt when the store changes: the cache is keyed on the
store object and its ``generation``. The cached graph is frozen; derive filtered graphs with
:func:`kg.graph.derived.in_range` and :func:`kg.graph.derived.entity_graph`, which are memoised on it.
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib.term import Node

from kg.lookup import PREFIXES
from kg.mapping import key_of
from kg.store import Store

logger = logging.getLogger(__name__)

ENTITY_TYPES = ("Person", "Country", "Organisation")
EVENT_TYPES = ("Meeting", "Statement", "Agreement", "OtherEvent")
ROLES = ("participant", "host", "visitor", "speaker", "target", "organisation")
EVENT_KINDS = ("met_with", "visited", "met_within", "statement_toward", "agreement_with", "otherevent_with")
STATIC_KINDS = ("member_of", "affiliated_with", "represents", "holds_office_in")
#: Every relationship kind between two entities.
RELATION_KINDS = EVENT_KINDS + STATIC_KINDS
#: Kinds that hold both ways; their edges are stored once, from the smaller key to the larger.
SYMMETRIC_KINDS = frozenset({"met_with", "agreement_with", "otherevent_with"})
#: Other names accepted where kinds are given: "hosted" is "visited" read from the host's side.
KIND_ALIASES = {"hosted": "visited"}

# Each article graph repeats the type and label of the new entities it mentions, and the union of
# graphs keeps the repeats: DISTINCT and GROUP BY in subqueries keep the joins small.
ENTITIES = """
SELECT ?entity ?class ?label WHERE {
  { SELECT DISTINCT ?entity ?class WHERE {
      ?entity a ?class . VALUES ?class { dipl:Person dipl:Country dipl:Organisation } } }
  { SELECT ?entity (MIN(STR(?name)) AS ?label) WHERE { ?entity rdfs:label ?name } GROUP BY ?entity }
}
"""
MENTIONS = """
SELECT ?entity (COUNT(DISTINCT ?article) AS ?articles) WHERE { ?article dipl:mentions ?entity }
GROUP BY ?entity
"""
EVENTS = """
SELECT DISTINCT ?event ?class ?classLabel ?start ?end ?medium ?mediumLabel ?stance ?status ?article ?place
WHERE {
  ?event a ?class .
  VALUES ?class { dipl:Meeting dipl:Statement dipl:Agreement dipl:OtherEvent }
  OPTIONAL { ?class rdfs:label ?classLabel }
  OPTIONAL { ?event dipl:dateStart ?start } OPTIONAL { ?event dipl:dateEnd ?end }
  OPTIONAL { ?event dipl:medium ?m . ?m skos:notation ?medium OPTIONAL { ?m rdfs:label ?mediumLabel } }
  OPTIONAL { ?event dipl:stance/skos:notation ?stance }
  OPTIONAL { ?event dipl:status/skos:notation ?status }
  OPTIONAL { ?event dipl:extractedFrom/dipl:articleId ?article }
  OPTIONAL { ?event dipl:place/rdfs:label ?place }
}
"""
EVENT_ROLES = """
SELECT DISTINCT ?event ?role ?entity WHERE {
  ?event ?role ?entity .
  VALUES ?role { dipl:participant dipl:host dipl:visitor dipl:speaker dipl:target dipl:organisation }
}
"""
STATIC = """
SELECT DISTINCT ?entity ?p ?other WHERE {
  ?entity ?p ?other . VALUES ?p { dipl:memberOf dipl:affiliatedWith dipl:represents }
}
"""
OFFICES = """
SELECT DISTINCT ?entity ?holding ?other ?officeLabel ?start ?end WHERE {
  ?entity dipl:holds ?holding . ?holding dipl:officeOf ?other .
  OPTIONAL { ?holding dipl:office/rdfs:label ?officeLabel }
  OPTIONAL { ?holding dipl:startDate ?start } OPTIONAL { ?holding dipl:endDate ?end }
}
"""
STATIC_PREDICATES = {"memberOf": "member_of", "affiliatedWith": "affiliated_with", "represents": "represents"}


def _local(node: Node) -> str:
    return str(node).rsplit("#", 1)[-1]


def _date(row: dict[str, Node], name: str) -> str | None:
    value = row.get(name)
    return None if value is None else str(value)[:10]


# -- building --------------------------------------------------------------------------------


def build_projection(store: Store) -> nx.MultiDiGraph:
    """Build the projection of a store, uncached (see :func:`to_networkx`)."""
    graph = nx.MultiDiGraph(name="dipkg")
    _add_entities(graph, store)
    roles = _add_events(graph, store)
    for event, by_role in roles.items():
        for role, entities in by_role.items():
            for entity in entities:
                _ensure_entity(graph, entity)
                graph.add_edge(entity, event, key=role, kind=role, weight=1)
    contributions: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for event, by_role in roles.items():
        for kind, source, target in _event_relations(graph.nodes[event]["type"], by_role):
            contributions[(kind, source, target)].append(event)
    for (kind, source, target), events in contributions.items():
        graph.add_edge(source, target, key=kind, **aggregate(kind, sorted(set(events)), graph.nodes))
    _add_static(graph, store)
    logger.info("graph projection: %d nodes, %d edges", graph.number_of_nodes(), graph.number_of_edges())
    return graph


def _add_entities(graph: nx.MultiDiGraph, store: Store) -> None:
    found: dict[str, tuple[str, str]] = {}
    for row in store.select(ENTITIES, prefixes=PREFIXES):
        key, candidate = key_of(row["entity"]), (_local(row["class"]), str(row["label"]))
        found[key] = min(found.get(key, candidate), candidate)  # one type and label, chosen stably
    mentions = {key_of(r["entity"]): int(r["articles"]) for r in store.select(MENTIONS, prefixes=PREFIXES)}  # type: ignore[call-overload]
    for key in sorted(found):
        entity_type, label = found[key]
        graph.add_node(key, kind="entity", type=entity_type, label=label, articles=mentions.get(key, 0))


def _ensure_entity(graph: nx.MultiDiGraph, key: str) -> None:
    """An event may name an actor the store gives no type or label; keep it, labelled by its key."""
    if key not in graph:
        graph.add_node(key, kind="entity", type="Actor", label=key, articles=0)


def _add_events(graph: nx.MultiDiGraph, store: Store) -> dict[str, dict[str, set[str]]]:
    for row in store.select(EVENTS, prefixes=PREFIXES):
        key = key_of(row["event"])
        if key in graph:  # a second value of an optional field: keep the first
            continue
        facts: dict[str, str | None] = {
            "date_start": _date(row, "start"),
            "date_end": _date(row, "end") or _date(row, "start"),
            **{
                name: str(row[name])
                for name in ("medium", "stance", "status", "article", "place")
                if name in row
            },
        }
        type_label = str(row.get("classLabel", _local(row["class"])))
        medium = f"({row['mediumLabel']})" if "mediumLabel" in row else None
        label = " ".join(filter(None, [type_label, facts["date_start"], medium]))
        graph.add_node(
            key,
            kind="event",
            type=_local(row["class"]),
            label=label,
            **{k: v for k, v in facts.items() if v is not None},
        )
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for row in store.select(EVENT_ROLES, prefixes=PREFIXES):
        event = key_of(row["event"])
        if event in graph:
            roles[event][_local(row["role"])].add(key_of(row["entity"]))
    return roles


def _event_relations(event_type: str, roles: dict[str, set[str]]) -> Iterable[tuple[str, str, str]]:
    """The relationships one event makes: (kind, source, target)."""
    participants = roles.get("participant", set()) | roles.get("host", set()) | roles.get("visitor", set())
    if event_type == "Meeting":
        for a, b in combinations(sorted(participants), 2):
            yield "met_with", a, b
        for visitor in roles.get("visitor", set()):
            for host in (roles.get("host", set()) | roles.get("participant", set())) - {visitor}:
                yield "visited", visitor, host
        for person in participants:
            for organisation in roles.get("organisation", set()) - {person}:
                yield "met_within", person, organisation
    elif event_type == "Statement":
        for speaker in roles.get("speaker", set()):
            for target in roles.get("target", set()) - {speaker}:
                yield "statement_toward", speaker, target
    elif event_type in {"Agreement", "OtherEvent"}:
        for a, b in combinations(sorted(roles.get("participant", set())), 2):
            yield event_type.lower() + "_with", a, b


def aggregate(kind: str, events: list[str], nodes: Any) -> dict[str, Any]:
    """The attributes of a relationship edge summed over its events (``nodes``: the event nodes)."""
    starts = [d for e in events if (d := nodes[e].get("date_start"))]
    ends = [d for e in events if (d := nodes[e].get("date_end") or nodes[e].get("date_start"))]
    attributes: dict[str, Any] = {
        "kind": kind,
        "weight": len(events),
        "first": min(starts) if starts else None,
        "last": max(ends) if ends else None,
        "events": events,
    }
    if kind == "met_with":
        attributes["media"] = dict(sorted(Counter(nodes[e].get("medium", "unknown") for e in events).items()))
    elif kind == "statement_toward":
        attributes["stances"] = dict(
            sorted(Counter(nodes[e].get("stance", "unspecified") for e in events).items())
        )
    return attributes


def _add_static(graph: nx.MultiDiGraph, store: Store) -> None:
    for row in store.select(STATIC, prefixes=PREFIXES):
        source, target = key_of(row["entity"]), key_of(row["other"])
        kind = STATIC_PREDICATES[_local(row["p"])]
        _ensure_entity(graph, source)
        _ensure_entity(graph, target)
        graph.add_edge(source, target, key=kind, kind=kind, weight=1, first=None, last=None, events=[])
    tenures: dict[tuple[str, str], set[tuple[str, str, str]]] = defaultdict(set)
    for row in store.select(OFFICES, prefixes=PREFIXES):
        office = str(row.get("officeLabel", "office"))
        tenures[(key_of(row["entity"]), key_of(row["other"]))].add(
            (office, _date(row, "start") or "", _date(row, "end") or "")
        )
    for (source, target), held in tenures.items():
        _ensure_entity(graph, source)
        _ensure_entity(graph, target)
        graph.add_edge(source, target, key="holds_office_in", **office_attributes(sorted(held)))


def office_attributes(tenures: list[tuple[str, str, str]]) -> dict[str, Any]:
    """``tenures`` as [office, start, end] with "" for an unknown or open date."""
    starts = [start for _, start, _ in tenures if start]
    open_ended = any(not end for _, _, end in tenures)
    return {
        "kind": "holds_office_in",
        "weight": 1,
        "first": min(starts) if starts else None,
        "last": None if open_ended else max(end for _, _, end in tenures),
        "events": [],
        "tenures": [list(t) for t in tenures],
    }


# -- the cache -------------------------------------------------------------------------------

_projections: weakref.WeakKeyDictionary[Store, tuple[int, nx.MultiDiGraph]] = weakref.WeakKeyDictionary()
_build_lock = threading.Lock()


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """The projection of ``store`` (see the module's docstring), built once per store generation.

    The graph is frozen: it is shared by every caller until the store changes.

    Examples:
        >>> from kg.store import Store
        >>> graph = to_networkx(Store())
        >>> graph.number_of_nodes(), nx.is_frozen(graph)
        (0, True)
    """
    with _build_lock:
        cached = _projections.get(store)
        if cached is not None and cached[0] == store.generation:
            return cached[1]
        graph = nx.freeze(build_projection(store))
        _projections[store] = (store.generation, graph)
        return graph
