"""Records to RDF: the one place where extraction output becomes triples.

Every predicate and class comes from :mod:`kg.vocab` (generated from the ontology, closed), and
every enumerated value is looked up by its SKOS notation in the ontology, so a term the ontology
does not declare fails here rather than landing in the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.term import Node

from kg.extract.base import Doc, EntityRecord, EventRecord, Evidence, Extractor, Record, TopicRecord
from kg.ontology import Ontology
from kg.store import ID_BASE
from kg.vocab import DIPL


def iri(key: str) -> URIRef:
    """The IRI of an entity, article, event or place from its local key (``person/xi-jinping``)."""
    return URIRef(ID_BASE + key)


def key_of(node: object) -> str:
    """The local key of one of our IRIs (inverse of :func:`iri`)."""
    text = str(node)
    return text[len(ID_BASE) :] if text.startswith(ID_BASE) else text


def slug(text: str) -> str:
    """A lowercase, hyphenated, IRI-safe form of a name: ``Xi Jinping`` -> ``xi-jinping``."""
    value = re.sub(r"[^\w]+", "-", text.casefold(), flags=re.UNICODE).strip("-")
    return value or hashlib.sha256(text.encode()).hexdigest()[:12]


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article."""
    return iri(f"article/{article_id}")


Triple = tuple[Node, Node, Node]


class Triples:
    """One article's triples, each once, in the order the mapping made them.

    A plain collection rather than an ``rdflib.Graph``: indexing ~450 triples an article in
    rdflib's memory store cost four times as much as extracting them. :meth:`graph` builds the
    indexed graph for whoever needs to query it (SHACL validation, tests).

    Most triples describe evidence nodes that nothing was said about before: :meth:`describe`
    adds those as a block, without the duplicate check (hashing a literal is a Python call, and
    it was a fifth of the mapping's time); the result is the same as adding them one by one.
    """

    __slots__ = ("_graph", "_order", "_index", "_subjects", "_blocks")

    def __init__(self) -> None:
        self._order: list[Triple] = []  # every triple once, first added first
        self._index: set[Triple] = set()  # the triples added one by one
        self._subjects: set[Node] = set()  # their subjects
        self._blocks: dict[Node, tuple[int, int]] = {}  # subject -> its block's slice of _order
        self._graph: Graph | None = None

    def add(self, triple: Triple) -> None:
        """Add a triple (a triple already present is kept once)."""
        if triple in self._index or (triple[0] in self._blocks and self._in_block(triple)):
            return
        self._order.append(triple)
        self._index.add(triple)
        self._subjects.add(triple[0])
        self._graph = None

    def update(self, triples: Iterable[Triple]) -> None:
        """Add several triples."""
        for triple in triples:
            self.add(triple)

    def describe(self, subject: Node, triples: list[Triple]) -> None:
        """Add triples about ``subject``, as :meth:`update` would."""
        predicates = {predicate for node, predicate, _ in triples if node is subject}
        if len(predicates) < len(triples) or subject in self._subjects or subject in self._blocks:
            self.update(triples)  # another subject among them, a repeated predicate, or said before
            return
        # Nothing is said about the subject yet and no two of these are alike: none is present.
        start = len(self._order)
        self._order.extend(triples)
        self._blocks[subject] = (start, len(self._order))
        self._graph = None

    def _in_block(self, triple: Triple) -> bool:
        start, end = self._blocks[triple[0]]
        return triple in self._order[start:end]

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, triple: object) -> bool:
        if triple in self._index:
            return True
        if not isinstance(triple, tuple) or not triple:
            return False
        return triple[0] in self._blocks and self._in_block(triple)

    def graph(self) -> Graph:
        """The triples as an rdflib graph (built once, on first use)."""
        if self._graph is None:
            self._graph = Graph(bind_namespaces="none")  # prefixes are bound where graphs are serialised
            for triple in self._order:
                self._graph.add(triple)
        return self._graph


class Mapper:
    """Builds the triples of one article from its records, using only ontology terms."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology

    def to_triples(self, doc: Doc, produced: Sequence[tuple[Extractor, Sequence[Record]]]) -> Triples:
        """The article's named-graph content: the article, its mentions, events and provenance."""
        graph = Triples()
        article = article_iri(doc.article.id)
        self._add_article(graph, article, doc)
        for extractor, records in produced:
            for number, record in enumerate(records):
                if isinstance(record, EntityRecord):
                    self._add_entity(graph, article, doc, record, extractor)
                elif isinstance(record, TopicRecord):
                    self._add_topic(graph, article, doc, record, extractor)
                else:
                    self._add_event(graph, article, doc, record, extractor, number)
        return graph

    def to_graph(self, doc: Doc, produced: Sequence[tuple[Extractor, Sequence[Record]]]) -> Graph:
        """The same as an rdflib graph."""
        return self.to_triples(doc, produced).graph()

    # -- article ---------------------------------------------------------------------------

    def _add_article(self, graph: Triples, node: URIRef, doc: Doc) -> None:
        article = doc.article
        graph.add((node, RDF.type, DIPL.Article))
        graph.add((node, DIPL.articleId, Literal(article.id)))
        graph.add((node, DIPL.text, Literal(doc.text)))  # offsets of evidence refer to this text
        optional = {
            DIPL.title: article.title,
            DIPL.source: article.source,
            DIPL.dateline: article.dateline,
            DIPL.published: article.published,
            DIPL.url: Literal(article.url, datatype=XSD.anyURI) if article.url else None,
        }
        for predicate, value in optional.items():
            if value is not None:
                graph.add((node, predicate, value if isinstance(value, Literal) else Literal(value)))
        if article.dateline_place:
            place = self._place(graph, article.dateline_place)
            graph.add((node, DIPL.datelinePlace, place))

    def _place(self, graph: Triples, name: str) -> URIRef:
        node = iri(f"place/{slug(name)}")
        graph.add((node, RDF.type, DIPL.Place))
        graph.add((node, RDFS.label, Literal(name)))
        return node

    # -- entities --------------------------------------------------------------------------

    def _add_entity(
        self, graph: Triples, article: URIRef, doc: Doc, record: EntityRecord, extractor: Extractor
    ) -> None:
        node = _entity_iri(record.key)
        graph.add((article, DIPL.mentions, node))
        if not record.known:  # known entities are described in the reference graph
            graph.add((node, RDF.type, DIPL[record.type]))
            graph.add((node, RDFS.label, _string(record.label)))
        for alias in record.aliases:
            graph.add((node, DIPL.alias, _string(alias)))
        if record.represents:
            graph.add((node, DIPL.represents, _entity_iri(record.represents)))
        for organisation in record.affiliations:
            graph.add((node, DIPL.affiliatedWith, _entity_iri(organisation)))
        for evidence in record.mentions:
            self._evidence(graph, article, doc, evidence, extractor, DIPL.Mention, mention_of=node)

    # -- article topics ----------------------------------------------------------------------

    def _add_topic(
        self, graph: Triples, article: URIRef, doc: Doc, record: TopicRecord, extractor: Extractor
    ) -> None:
        """``article dipl:topic concept``, with the spans that name it as the article's evidence."""
        graph.add((article, DIPL.topic, self._concept(DIPL.TopicScheme, record.notation)))
        for evidence in record.evidence:
            graph.add((article, DIPL.evidence, self._evidence(graph, article, doc, evidence, extractor)))

    # -- events ----------------------------------------------------------------------------

    def _add_event(
        self,
        graph: Triples,
        article: URIRef,
        doc: Doc,
        record: EventRecord,
        extractor: Extractor,
        number: int,
    ) -> None:
        node = iri(f"event/{doc.article.id}/{record.key}")
        graph.add((node, RDF.type, self.ontology.class_for_notation(record.kind)))
        graph.add((node, DIPL.extractedFrom, article))
        graph.add((node, DIPL.category, self._concept(DIPL.PloverScheme, record.category)))
        graph.add((node, DIPL.status, self._concept(DIPL.StatusScheme, record.status)))
        if record.cameo:
            graph.add((node, DIPL.cameo, self._concept(DIPL.CameoScheme, record.cameo)))
        self._add_actors(graph, node, record)
        self._add_enums(graph, node, record)
        self._add_dates(graph, node, record)
        if record.place:
            graph.add((node, DIPL.place, self._place(graph, record.place)))
        if record.quoted is not None:
            graph.add((node, DIPL.quoted, Literal(record.quoted)))
        for other in record.related:
            graph.add((node, DIPL.relatedEvent, iri(f"event/{doc.article.id}/{other}")))
        for evidence in record.evidence:
            graph.add((node, DIPL.evidence, self._evidence(graph, article, doc, evidence, extractor)))
        # An event's topics stay on the event; the article's are the topic extractor's to judge.

    def _add_actors(self, graph: Triples, node: URIRef, record: EventRecord) -> None:
        links: Iterable[tuple[URIRef, str | None]] = [
            *((DIPL.participant, p) for p in record.participants),
            (DIPL.host, record.host),
            (DIPL.visitor, record.visitor),
            (DIPL.organisation, record.organisation),
            (DIPL.speaker, record.speaker),
            (DIPL.target, record.target),
        ]
        for predicate, key in links:
            if key:
                graph.add((node, predicate, _entity_iri(key)))

    def _add_enums(self, graph: Triples, node: URIRef, record: EventRecord) -> None:
        enums = [
            (DIPL.medium, DIPL.MediumScheme, record.medium),
            (DIPL.format, DIPL.FormatScheme, record.format),
            (DIPL.stance, DIPL.StanceScheme, record.stance),
            (DIPL.datePrecision, DIPL.DatePrecisionScheme, record.precision),
        ]
        for predicate, scheme, notation in enums:
            if notation:
                graph.add((node, predicate, self._concept(scheme, notation)))
        for topic in record.topics:
            graph.add((node, DIPL.topic, self._concept(DIPL.TopicScheme, topic)))

    def _add_dates(self, graph: Triples, node: URIRef, record: EventRecord) -> None:
        dates: list[tuple[URIRef, dt.date | None]] = [
            (DIPL.date, record.date),
            (DIPL.dateStart, record.date_start or record.date),
            (DIPL.dateEnd, record.date_end or record.date),
        ]
        for predicate, value in dates:
            if value is not None:
                graph.add((node, predicate, _date(value)))

    def _concept(self, scheme: URIRef, notation: str) -> URIRef:
        return self.ontology.concept(scheme, notation)

    # -- provenance --------------------------------------------------------------------------

    def _evidence(
        self,
        graph: Triples,
        article: URIRef,
        doc: Doc,
        evidence: Evidence,
        extractor: Extractor,
        kind: URIRef = DIPL.Evidence,
        *,
        mention_of: URIRef | None = None,
    ) -> URIRef:
        # The reason and confidence are part of what is said, so that two records that cite one
        # span for one aspect for different reasons ("'urged' in sentence 8", "'support' in
        # sentence 8") get two evidence nodes rather than one node with two reasons.
        identity = (
            f"{extractor.name}|{evidence.start}|{evidence.end}|{evidence.aspect}|{kind}"
            f"|{evidence.reason}|{evidence.confidence:.3f}"
        )
        digest = hashlib.sha256(identity.encode()).hexdigest()[:16]
        node = iri(f"evidence/{doc.article.id}/{digest}")
        # About 40 evidence records an article, 11 triples each: the hot loop of mapping.
        triples = [
            (node, _TYPE, kind),
            (node, _ARTICLE, article),
            (node, _SENTENCE, _integer(evidence.sentence)),
            (node, _START, _integer(evidence.start)),
            (node, _END, _integer(evidence.end)),
            (node, _SURFACE, _string(doc.text[evidence.start : evidence.end])),
            (node, _ASPECT, _string(evidence.aspect)),
            (node, _EXTRACTOR, _string(extractor.name)),
            (node, _VERSION, _string(extractor.version)),
            (node, _CONFIDENCE, _decimal(round(evidence.confidence, 3))),
        ]
        if evidence.reason:
            triples.append((node, _REASON, _string(evidence.reason)))
        if mention_of is not None:  # a mention: what it mentions
            triples.append((node, _MENTION_OF, mention_of))
        graph.describe(node, triples)
        return node


# Evidence predicates, looked up once (closed-namespace attribute access is slow in a hot loop).
_ARTICLE, _SENTENCE, _START, _END = DIPL.article, DIPL.sentence, DIPL.startOffset, DIPL.endOffset
_SURFACE, _ASPECT, _REASON, _CONFIDENCE = DIPL.surface, DIPL.aspect, DIPL.reason, DIPL.confidence
_EXTRACTOR, _VERSION = DIPL.extractor, DIPL.extractorVersion
_TYPE = RDF.type  # rdflib's RDF namespace resolves each attribute through __getattr__
_MENTION_OF = DIPL.mentionOf


# Small caches of the terms that repeat from article to article (entity keys, offsets, surfaces,
# reasons): creating an rdflib term is the costliest step of mapping, and memory stays flat.
_entity_iri = lru_cache(maxsize=4096)(iri)


# Offsets run to the length of the longest articles: with room for 4,096 of them two offsets in
# five missed and creating their literals was a third of the mapping's time; 16,384 (about 6 MB)
# miss one in eight.
@lru_cache(maxsize=16384)
def _integer(value: int) -> Literal:
    return Literal(value)


@lru_cache(maxsize=4096)  # surfaces, reasons, labels and aliases repeat ("Biden", "'met' in sentence 1")
def _string(value: str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1024)  # events of the same days
def _date(value: dt.date) -> Literal:
    return Literal(value, datatype=XSD.date)


@lru_cache(maxsize=1024)
def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(value)))
