"""Exports and figures: the store as RDF in the common formats, and counts of what it holds."""

from __future__ import annotations

import csv
import io
import json

from rdflib import RDFS

from kg.errors import BadRequest, NotFound
from kg.mapping import key_of
from kg.ontology import DIPL_NS
from kg.store import ARTICLE_GRAPH_BASE, RDF_FORMATS, Store, article_graph

#: Formats that keep named graphs; the others hold triples only.
DATASET_FORMATS = ("nquads", "trig", "jsonld")
GRAPH_FORMATS = ("turtle", "ntriples", "rdfxml")
MERGE_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def export_rdf(store: Store, *, fmt: str, prefixes: dict[str, str], article_id: str | None = None) -> bytes:
    """Serialise the whole store, or one article's graph.

    A whole-store export in a triples-only format (turtle, ntriples, rdfxml) merges every graph.

    Raises:
        BadRequest: unknown format.
        NotFound: the article is not in the store.
    """
    if fmt not in DATASET_FORMATS + GRAPH_FORMATS:
        raise BadRequest(
            f"Unknown RDF format '{fmt}'; use one of {', '.join(DATASET_FORMATS + GRAPH_FORMATS)}."
        )
    if article_id is not None:
        name = article_graph(article_id)
        if not store.has_graph(name):
            raise NotFound(f"No article '{article_id}' in the store; `kg query` can list article ids.")
        return store.dump(fmt=fmt, graph=name, prefixes=prefixes)
    if fmt in DATASET_FORMATS:
        return store.dump(fmt=fmt, prefixes=prefixes)
    merged = store.query(MERGE_QUERY, union_default_graph=False)
    return merged.serialize(format=RDF_FORMATS[fmt])  # type: ignore[union-attr]


ENTITY_COLUMNS = ("entity_id", "label", "type", "aliases", "wikidata", "articles")
ENTITIES_QUERY = """
SELECT ?entity (SAMPLE(?name) AS ?label) (SAMPLE(?class) AS ?type) (SAMPLE(?qid) AS ?wikidata)
       (GROUP_CONCAT(DISTINCT ?alias; separator="\u0000") AS ?aliases)
       (GROUP_CONCAT(DISTINCT ?id; separator="\u0000") AS ?articles)
WHERE {
  ?article dipl:mentions ?entity ; dipl:articleId ?id .
  ?entity a ?class ; rdfs:label ?name .
  VALUES ?class { dipl:Person dipl:Country dipl:Organisation }
  OPTIONAL { ?entity dipl:alias ?alias }
  OPTIONAL { ?entity dipl:wikidata ?qid }
} GROUP BY ?entity ORDER BY ?entity
"""


def entity_rows(store: Store) -> list[dict[str, str]]:
    """One row per entity that an article mentions, with the columns of :data:`ENTITY_COLUMNS`.

    Multi-valued cells (aliases, articles) are joined with "; ", sorted.
    """
    rows = []
    for row in store.select(ENTITIES_QUERY, prefixes={"dipl": DIPL_NS, "rdfs": str(RDFS)}):
        rows.append(
            {
                "entity_id": key_of(row["entity"]),
                "label": str(row["label"]),
                "type": str(row["type"]).rsplit("#", 1)[-1],
                "aliases": _joined(row.get("aliases")),
                "wikidata": str(row.get("wikidata", "")),
                "articles": _joined(row.get("articles")),
            }
        )
    return rows


def _joined(value: object) -> str:
    return "; ".join(sorted(v for v in str(value or "").split("\u0000") if v))


def export_table(rows: list[dict[str, str]], columns: tuple[str, ...], *, fmt: str) -> bytes:
    """Rows as CSV (header first) or as a JSON list of objects."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False).encode("utf-8")
    if fmt != "csv":
        raise BadRequest(f"Unknown table format '{fmt}'; use csv or json.")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


STATS_QUERY = """
SELECT
  (COUNT(DISTINCT ?article) AS ?articles)
  (COUNT(DISTINCT ?person) AS ?persons)
  (COUNT(DISTINCT ?country) AS ?countries)
  (COUNT(DISTINCT ?organisation) AS ?organisations)
  (COUNT(DISTINCT ?meeting) AS ?meetings)
  (COUNT(DISTINCT ?statement) AS ?statements)
WHERE {
  { ?article a dipl:Article } UNION
  { ?article dipl:mentions ?person . ?person a dipl:Person } UNION
  { ?article dipl:mentions ?country . ?country a dipl:Country } UNION
  { ?article dipl:mentions ?organisation . ?organisation a dipl:Organisation } UNION
  { ?meeting a dipl:Meeting } UNION
  { ?statement a dipl:Statement }
}
"""


def store_stats(store: Store) -> dict[str, int | str]:
    """Counts of triples, graphs, articles, and the entities and events articles mention."""
    row = store.select(STATS_QUERY, prefixes={"dipl": DIPL_NS})[0]
    figures: dict[str, int | str] = {
        "triples": len(store),
        "graphs": sum(1 for _ in store.graph_names()),
        "article_graphs": sum(1 for _ in store.graph_names(ARTICLE_GRAPH_BASE)),
    }
    figures.update({name: int(value) for name, value in row.items()})  # type: ignore[call-overload]
    figures["store"] = str(store.path) if store.path else "memory"
    return figures
