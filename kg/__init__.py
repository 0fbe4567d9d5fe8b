"""Diplomatic-event knowledge graph: read articles, extract who met whom, store and serve it as RDF."""

from __future__ import annotations

__version__ = "0.1.0"
