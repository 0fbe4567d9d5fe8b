"""The HTTP service: SPARQL endpoint, look-ups and pages over the knowledge graph."""
