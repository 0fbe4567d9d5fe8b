"""Ingest: read articles, run the extractors, map to RDF, validate, and store each article atomically.

Each article's triples replace its named graph in one transaction, so re-ingesting an article
replaces it and a failure leaves what was stored before untouched. Per-article failures go
through an error handler (raise in tests, count and go on in ``kg ingest``), and the counts come
back in an :class:`IngestReport`.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from kg.errors import KGError
from kg.extract import make_pipeline
from kg.extract.base import Doc, Extractor, Record
from kg.extract.gazetteer import reference_files
from kg.mapping import Mapper, Triples
from kg.ontology import Ontology, load_ontology
from kg.reader import Article
from kg.settings import Settings
from kg.store import ONTOLOGY_GRAPH, REFERENCE_GRAPH, Store, article_graph
from kg.vocab import DIPL

logger = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """What an ingest run did."""

    articles: int = 0
    triples: int = 0
    entities: int = 0
    events: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        """The report as plain data (for JSON output)."""
        return {
            "articles": self.articles,
            "triples": self.triples,
            "entities": self.entities,
            "events": self.events,
            "skipped": len(self.skipped),
            "seconds": round(self.seconds, 3),
            "errors": [{"origin": o, "reason": r} for o, r in self.skipped],
        }


class Pipeline:
    """Reads, extracts, maps, validates and stores articles."""

    def __init__(self, settings: Settings, *, extractors: Sequence[Extractor] | None = None):
        self.settings = settings
        self.ontology: Ontology = load_ontology(settings.ontology_dir)
        self.extractors = (
            list(extractors)
            if extractors is not None
            else make_pipeline(settings.seeds_dir, settings.ontology_dir)
        )
        self.mapper = Mapper(self.ontology)

    def extract(self, article: Article) -> tuple[Doc, Triples]:
        """Run the extractors on one article and map their records to its triples (checked
        against the shapes when the settings ask for it)."""
        doc = Doc.of(article)
        produced: list[tuple[Extractor, list[Record]]] = []
        for extractor in self.extractors:
            records = extractor(doc)
            doc.records.extend(records)
            produced.append((extractor, records))
        triples = self.mapper.to_triples(doc, produced)
        if self.settings.validate_articles:
            self.ontology.validate(triples.graph())
        return doc, triples

    def ingest(
        self,
        store: Store,
        articles: Iterable[Article],
        *,
        on_error: Callable[[KGError, str], None] | None = None,
        report: IngestReport | None = None,
        progress: Callable[[Article], None] | None = None,
    ) -> IngestReport:
        """Store each article's graph, replacing an earlier version of the same article.

        Args:
            store: where to write.
            articles: the articles to ingest.
            on_error: called with the error and the article's origin when one article fails;
                if ``None`` the error is raised.
            report: a report to add to (the reader's skipped items may already be in it).
            progress: called after each article.
        """
        report = report or IngestReport()
        started = time.perf_counter()
        ensure_static_graphs(store, self.settings, self.ontology)
        for article in articles:
            try:
                doc, graph = self.extract(article)
                store.replace_graphs({article_graph(article.id): graph})
            except KGError as error:
                if on_error is None:
                    raise
                on_error(error, article.origin)
                report.skipped.append((article.origin, str(error)))
                continue
            report.articles += 1
            report.triples += len(graph)
            report.entities += len(doc.entities)
            report.events += len(doc.events)
            if progress is not None:
                progress(article)
        report.seconds += time.perf_counter() - started
        return report


def remove_article(store: Store, article_id: str) -> bool:
    """Remove an article and everything extracted from it; return whether it was stored."""
    return store.remove_graph(article_graph(article_id))


def static_graphs(settings: Settings, ontology: Ontology) -> dict[URIRef, tuple[list[Path], Graph | None]]:
    """The graphs that come from files: the ontology and the reference data."""
    ontology_files = sorted(p for p in settings.ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")
    return {
        ONTOLOGY_GRAPH: (ontology_files, ontology.graph),
        REFERENCE_GRAPH: (reference_files(settings.seeds_dir), None),
    }


def ensure_static_graphs(store: Store, settings: Settings, ontology: Ontology) -> None:
    """Load the ontology and reference data into their graphs if the files changed since last time."""
    if store.read_only:
        return
    for name, (files, parsed) in static_graphs(settings, ontology).items():
        digest = hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()
        marker = store.select(
            "SELECT ?g ?p ?d WHERE { GRAPH ?g { ?g ?p ?d } }",
            bindings={"g": name, "p": DIPL.sourceDigest},
            union_default_graph=False,
        )
        if marker and str(marker[0]["d"]) == digest:
            continue
        graph = parsed if parsed is not None else _parse(files)
        content = Graph()
        for triple in graph:
            content.add(triple)
        content.add((name, DIPL.sourceDigest, Literal(digest)))
        store.replace_graphs({name: content})
        logger.info("loaded %s (%d triples)", name, len(content))


def _parse(files: list[Path]) -> Graph:
    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    return graph
