"""The knowledge graph as a network: the networkx projection of the store and what is asked of it.

- :mod:`kg.graph.projection`: :func:`to_networkx` (cached per store generation) and the
  relationship kinds;
- :mod:`kg.graph.derived`: :func:`in_range` and :func:`entity_graph` (memoised), and the parsing
  of kinds and types;
- :mod:`kg.graph.subgraphs`: :func:`neighbourhood`, :func:`whole`, and :func:`strongest` to cut a
  large graph down;
- :mod:`kg.graph.analytics`: :func:`shortest_paths`, :func:`rank`, :func:`communities`,
  :func:`timeline`;
- :mod:`kg.graph.formats`: GraphML, GEXF and node-link JSON;
- the HTML view is :mod:`kg.graph_view`.
"""

from __future__ import annotations

from kg.graph.analytics import (
    COMMUNITY_METHODS,
    MEASURES,
    communities,
    event_summary,
    rank,
    require_entity,
    shortest_paths,
    timeline,
)
from kg.graph.derived import entity_graph, in_range, parse_kinds, parse_types
from kg.graph.formats import FORMATS, export_graph, flatten, to_gexf, to_graphml, to_node_link
from kg.graph.projection import (
    ENTITY_TYPES,
    EVENT_KINDS,
    EVENT_TYPES,
    RELATION_KINDS,
    ROLES,
    STATIC_KINDS,
    SYMMETRIC_KINDS,
    build_projection,
    to_networkx,
)
from kg.graph.subgraphs import neighbourhood, strongest, whole

__all__ = [
    "COMMUNITY_METHODS",
    "ENTITY_TYPES",
    "EVENT_KINDS",
    "EVENT_TYPES",
    "FORMATS",
    "MEASURES",
    "RELATION_KINDS",
    "ROLES",
    "STATIC_KINDS",
    "SYMMETRIC_KINDS",
    "build_projection",
    "communities",
    "entity_graph",
    "event_summary",
    "export_graph",
    "flatten",
    "in_range",
    "neighbourhood",
    "parse_kinds",
    "parse_types",
    "rank",
    "require_entity",
    "shortest_paths",
    "strongest",
    "timeline",
    "to_gexf",
    "to_graphml",
    "to_networkx",
    "to_node_link",
    "whole",
]
