"""Exports and figures: the store as RDF in the common formats, and counts of what it holds."""

from __future__ import annotations

import csv
import io
import json

from rdflib import OWL, RDFS, SKOS

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


EVENT_COLUMNS = (
    "event_id", "kind", "category", "cameo", "medium", "format", "date", "date_start", "date_end",
    "location", "status", "participants", "countries", "organisation", "topics", "articles",
)  # fmt: skip
# One query for the single-valued attributes, one per multi-valued column: joining them all in
# one pattern would multiply rows (participants x topics x articles) before grouping.
EVENTS_QUERY = """
SELECT ?event ?kind ?category ?cameo ?medium ?format ?date ?date_start ?date_end ?location ?status
WHERE {
  ?event dipl:extractedFrom ?article ; a ?class ; dipl:category ?c ; dipl:status ?s .
  ?class a owl:Class ; skos:notation ?kind .
  ?c skos:notation ?category . ?s skos:notation ?status .
  OPTIONAL { ?event dipl:cameo/skos:notation ?cameo }
  OPTIONAL { ?event dipl:medium/skos:notation ?medium }
  OPTIONAL { ?event dipl:format/skos:notation ?format }
  OPTIONAL { ?event dipl:date ?date }
  OPTIONAL { ?event dipl:dateStart ?date_start }
  OPTIONAL { ?event dipl:dateEnd ?date_end }
  OPTIONAL { ?event dipl:place/rdfs:label ?location }
} ORDER BY ?event
"""
_ACTOR = "?event dipl:participant|dipl:speaker|dipl:target ?who ."
EVENT_LISTS = {
    "participants": f"{_ACTOR} ?who a dipl:Person ; rdfs:label ?value .",
    "countries": f"{_ACTOR} {{ ?who dipl:represents/rdfs:label ?value }}"
                 " UNION { ?who a dipl:Country ; rdfs:label ?value }",
    "organisation": "?event dipl:organisation/rdfs:label ?value .",
    "topics": "?event dipl:topic/skos:notation ?value .",
    "articles": "?event dipl:extractedFrom/dipl:articleId ?value .",
}  # fmt: skip
LIST_QUERY = """
SELECT ?event (GROUP_CONCAT(DISTINCT ?value; separator="\u0000") AS ?values)
WHERE { %s } GROUP BY ?event
"""


def event_rows(store: Store) -> list[dict[str, str]]:
    """One row per event (meeting, statement, agreement, other) with the columns of :data:`EVENT_COLUMNS`.

    ``kind``, ``category``, ``cameo``, ``medium``, ``format``, ``status`` and ``topics`` are the
    SKOS notations of the ontology; ``participants`` are person labels and ``countries`` the
    states they represent (or that take part themselves); multi-valued cells are joined with "; ".
    """
    prefixes = {"dipl": DIPL_NS, "rdfs": str(RDFS), "skos": str(SKOS), "owl": str(OWL)}
    rows: dict[str, dict[str, str]] = {}
    for row in store.select(EVENTS_QUERY, prefixes=prefixes):
        key = key_of(row["event"])
        if key in rows:  # an event with two classes or statuses keeps its first row
            continue
        rows[key] = {"event_id": key} | {column: str(row.get(column, "")) for column in EVENT_COLUMNS[1:11]}
    for column, pattern in EVENT_LISTS.items():
        for row in store.select(LIST_QUERY % pattern, prefixes=prefixes):
            key = key_of(row["event"])
            if key in rows:
                rows[key][column] = _joined(row.get("values"))
    return [{column: row.get(column, "") for column in EVENT_COLUMNS} for row in rows.values()]


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
