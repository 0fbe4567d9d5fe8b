"""The SPARQL 1.1 Service Description of ``/sparql``: what a GET without a query returns.

The description names the endpoint by the URL it was asked at, lists the languages (Update only
when writes are on), the result formats, and the features: the default graph is the union of the
named graphs, and ``SERVICE`` is not offered.
"""

from __future__ import annotations

import pyoxigraph as ox

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
RESULT_FORMATS = (
    "SPARQL_Results_JSON",
    "SPARQL_Results_XML",
    "SPARQL_Results_CSV",
    "SPARQL_Results_TSV",
    "Turtle",
    "N-Triples",
    "RDF_XML",
    "JSON-LD",
)
PREFIXES = {"sd": SD, "formats": FORMATS}


def _sd(name: str) -> ox.NamedNode:
    return ox.NamedNode(SD + name)


def describe(endpoint: str, *, writable: bool, max_rows: int, timeout: float) -> list[ox.Triple]:
    """The triples of the description of the service at ``endpoint``."""
    service, dataset, graph = ox.BlankNode("service"), ox.BlankNode("dataset"), ox.BlankNode("default")
    languages = ["SPARQL11Query", *(["SPARQL11Update"] if writable else [])]
    triples = [
        ox.Triple(service, RDF_TYPE, _sd("Service")),
        ox.Triple(service, _sd("endpoint"), ox.NamedNode(endpoint)),
        *(ox.Triple(service, _sd("supportedLanguage"), _sd(lang)) for lang in languages),
        *(ox.Triple(service, _sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMATS),
        ox.Triple(service, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(service, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), graph),
        ox.Triple(graph, RDF_TYPE, _sd("Graph")),
        ox.Triple(
            service,
            RDFS_COMMENT,
            ox.Literal(
                f"Diplomatic-event knowledge graph. Queries stop after {timeout:g} s and may return "
                f"at most {max_rows:,} rows; SERVICE and LOAD are refused."
            ),
        ),
    ]
    return triples


def serialize(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """The description in one RDF format."""
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    return bytes(ox.serialize(triples, format=fmt, prefixes=prefixes))
