"""The RDF store: a pyoxigraph dataset on disk (RocksDB) or in memory, one named graph per article.

rdflib stays the modelling layer: mapping builds ``rdflib.Graph`` objects and this module turns
them into pyoxigraph quads. Queries run on Oxigraph's engine, which on this machine answers the
benchmark mix 16-150x faster than rdflib's (``bench/store_load_query.py``).

Writing a graph is one SPARQL update (``DROP GRAPH; INSERT DATA``), which Oxigraph applies in a
single transaction: after a crash an article is in the store whole or not at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QuerySyntaxError, StoreError, StoreLocked
from kg.sparql_text import has_dataset_clause

logger = logging.getLogger(__name__)

BASE = "https://w3id.org/dipkg/"
GRAPH_BASE = BASE + "graph/"
ID_BASE = BASE + "id/"
ONTOLOGY_GRAPH = URIRef(GRAPH_BASE + "ontology")
REFERENCE_GRAPH = URIRef(GRAPH_BASE + "reference")
ENTITIES_GRAPH = URIRef(GRAPH_BASE + "entities")
ARTICLE_GRAPH_BASE = GRAPH_BASE + "article/"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

#: Export formats: name -> (pyoxigraph format, file suffix).
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def article_graph(article_id: str) -> URIRef:
    """The IRI of the named graph that holds one article's triples."""
    return URIRef(ARTICLE_GRAPH_BASE + article_id)


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to the pyoxigraph term with the same meaning."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}: only IRIs, blank nodes and literals are RDF terms")


def from_ox(term: Any) -> Node:
    """Convert a pyoxigraph term back to rdflib."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:  # RDF 1.1: a plain literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise TypeError(f"unexpected term {term!r}")


class Store:
    """An RDF dataset of named graphs, persistent in a directory or held in memory.

    Args:
        path: the store directory (created on first use), or ``None`` for memory.
        read_only: open an existing directory for reading only; several readers may share a
            store with one writer (each reader sees the store as it was when it opened).

    Raises:
        StoreLocked: another process holds the directory open for writing.
        StoreError: the directory cannot be opened (missing for a reader, or not a store).
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False):
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.generation = 0  # bumped on every write in this process; caches key on it
        self._listeners: list[Callable[[int], None]] = []
        self._ox = self._open()

    @classmethod
    def open(cls, location: str, *, read_only: bool = False) -> Store:
        """Open the store named by a setting: ``memory`` or a directory path."""
        return cls(None if location == "memory" else location, read_only=read_only)

    def _open(self) -> ox.Store:
        if self.path is None:
            return ox.Store()
        if self.read_only:
            if not (self.path / "CURRENT").exists():
                raise StoreError(
                    f"No store at {self.path}. Run `kg ingest PATH --store {self.path}` to create one."
                )
            return self._open_reader()
        self.path.mkdir(parents=True, exist_ok=True)
        return self._wrap_os_error(ox.Store, str(self.path))

    def _open_reader(self, attempts: int = 5) -> ox.Store:
        """Open read-only. Beside an active writer, RocksDB may compact away a file the reader is
        about to open ("Corruption: ... No such file"); opening again sees the new file set."""
        for attempt in range(attempts):
            try:
                return self._wrap_os_error(ox.Store.read_only, str(self.path))
            except RuntimeError as error:
                if attempt == attempts - 1:
                    raise StoreError(
                        f"Cannot open the store at {self.path} for reading while another process "
                        f"writes it ({error}). Try again, or query the running service over HTTP."
                    ) from error
                time.sleep(0.05 * (attempt + 1))
        raise AssertionError("unreachable")

    def _wrap_os_error(self, opener: Any, path: str) -> ox.Store:
        try:
            return opener(path)
        except OSError as error:
            if "LOCK" in str(error):
                raise StoreLocked(
                    f"The store at {path} is open for writing in another process (a running "
                    "`kg serve` or `kg ingest`?). Stop it, or read through its HTTP endpoint."
                ) from error
            raise StoreError(f"Cannot open the store at {path}: {error}") from error

    def __len__(self) -> int:
        return len(self._ox)

    def close(self) -> None:
        """Flush to disk and release the store (and its lock)."""
        if self.path is not None and not self.read_only:
            self._ox.flush()
        del self._ox

    def compact(self) -> None:
        """Compact the files on disk after a bulk load (the write-ahead log can triple their size,
        and look-ups run about twice as fast on a compacted store)."""
        self._check_writable()
        if self.path is not None:
            self._ox.optimize()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def replace_graphs(self, graphs: Mapping[URIRef, Iterable[tuple[Node, Node, Node]]]) -> None:
        """Replace each named graph by the given triples (an rdflib ``Graph`` or any iterable of
        triples), all in one transaction."""
        self._check_writable()
        parts = []
        for name, graph in graphs.items():
            iri = str(to_ox(name))
            body = " .\n".join(" ".join(str(to_ox(t)) for t in triple) for triple in graph)
            parts.append(f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{body} }} }}")
        self._ox.update(" ;\n".join(parts))
        self._written()

    def remove_graph(self, name: URIRef) -> bool:
        """Remove a named graph and every triple in it; return whether it existed."""
        self._check_writable()
        node = ox.NamedNode(str(name))
        if not self._ox.contains_named_graph(node):
            return False
        self._ox.remove_graph(node)
        self._written()
        return True

    def update(
        self, sparql: str, *, base_iri: str | None = None, prefixes: Mapping[str, str] | None = None
    ) -> None:
        """Run a SPARQL 1.1 Update in one transaction.

        Args:
            sparql: the update text.
            base_iri: the IRI that relative IRIs in the update resolve against.
            prefixes: prefixes available to the update without ``PREFIX`` lines.

        Raises:
            QuerySyntaxError: the update does not parse.
        """
        self._check_writable()
        try:
            self._ox.update(sparql, base_iri=base_iri, prefixes=dict(prefixes or {}))
        except SyntaxError as error:
            raise QuerySyntaxError(str(error)) from error
        self._written()

    def load_graph(
        self,
        data: bytes,
        *,
        fmt: str,
        name: URIRef | None = None,
        base_iri: str | None = None,
        replace: bool = False,
    ) -> None:
        """Add the triples of an RDF document to one graph in one transaction (Graph Store Protocol).

        Args:
            data: the document.
            fmt: its format, one of :data:`RDF_FORMATS` that holds triples.
            name: the named graph, or ``None`` for the default graph.
            base_iri: the IRI that relative IRIs in the document resolve against.
            replace: drop what the graph held first, in the same transaction (``PUT``).

        Raises:
            QuerySyntaxError: the document does not parse.
        """
        self._check_writable()
        try:
            quads = ox.parse(data, format=RDF_FORMATS[fmt], base_iri=base_iri, without_named_graphs=True)
            body = " .\n".join(f"{q.subject} {q.predicate} {q.object}" for q in quads)
        except SyntaxError as error:
            raise QuerySyntaxError(f"The {fmt} document does not parse: {error}") from error
        iri = str(ox.NamedNode(str(name))) if name is not None else ""  # checked: no IRI can break out
        parts = []
        if replace:
            parts.append(f"DROP SILENT GRAPH {iri}" if name is not None else "CLEAR SILENT DEFAULT")
        if name is not None:
            parts.append(f"CREATE SILENT GRAPH {iri}")
        triples = f"GRAPH {iri} {{\n{body} }}" if name is not None else body
        parts.append(f"INSERT DATA {{ {triples} }}")
        self._ox.update(" ;\n".join(parts))
        self._written()

    def load_dataset(self, data: bytes, *, fmt: str = "nquads") -> None:
        """Add every quad of a dataset document, such as :meth:`dump` output (a copy of a memory store)."""
        self._check_writable()
        self._ox.load(data, format=RDF_FORMATS[fmt])
        self._written()

    def clear_default_graph(self) -> None:
        """Remove every triple of the default graph (the graph outside all named graphs)."""
        self._check_writable()
        self._ox.clear_graph(ox.DefaultGraph())
        self._written()

    def on_write(self, listener: Callable[[int], None]) -> None:
        """Call ``listener(generation)`` after each write this process makes, in the writing thread
        (so it must be quick: the service uses it to rebuild its look-up indexes in the background)."""
        self._listeners.append(listener)

    def _written(self) -> None:
        self.generation += 1
        for listener in self._listeners:
            listener(self.generation)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"The store at {self.path} is open read-only; writes go through `kg ingest`.")

    # -- reading ---------------------------------------------------------------------------

    def has_graph(self, name: URIRef) -> bool:
        """Whether a named graph exists."""
        return bool(self._ox.contains_named_graph(ox.NamedNode(str(name))))

    def graph_names(self, prefix: str = "") -> Iterator[URIRef]:
        """The named graphs whose IRI starts with ``prefix``."""
        for node in self._ox.named_graphs():
            if isinstance(node, ox.NamedNode) and node.value.startswith(prefix):
                yield URIRef(node.value)

    def graph(self, name: URIRef) -> Graph:
        """A copy of one named graph as an rdflib ``Graph`` (empty if it does not exist)."""
        result = Graph(identifier=name)
        for quad in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            result.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
        return result

    def triples_count(self, name: URIRef) -> int:
        """How many triples one named graph holds."""
        return sum(1 for _ in self._ox.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))

    def query(
        self,
        sparql: str,
        *,
        bindings: Mapping[str, Node] | None = None,
        prefixes: Mapping[str, str] | None = None,
        union_default_graph: bool = True,
        default_graph: Iterable[URIRef] | None = None,
        named_graphs: Iterable[URIRef] | None = None,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryTriples | ox.QueryBoolean:
        """Run a SPARQL 1.1 query on Oxigraph's engine.

        Args:
            sparql: the query text.
            bindings: values for variables, bound before evaluation (never string-interpolated).
            prefixes: prefixes available to the query without ``PREFIX`` lines.
            union_default_graph: let triple patterns outside ``GRAPH`` match every named graph.
            default_graph: the graphs that make the default graph (SPARQL ``FROM``).
            named_graphs: the graphs visible to ``GRAPH`` (SPARQL ``FROM NAMED``).
            base_iri: the IRI that relative IRIs in the query resolve against.

        Raises:
            QuerySyntaxError: the query does not parse.
        """
        options: dict[str, Any] = {"prefixes": dict(prefixes or {}), "base_iri": base_iri}
        if bindings:  # Oxigraph substitutes only variables the query projects
            options["substitutions"] = {ox.Variable(k): to_ox(v) for k, v in bindings.items()}
        if default_graph is not None:
            options["default_graph"] = [ox.NamedNode(str(g)) for g in default_graph]
        elif union_default_graph and not has_dataset_clause(sparql):
            # Oxigraph's union flag would override the query's own FROM / FROM NAMED.
            options["use_default_graph_as_union"] = True
        if named_graphs is not None:
            options["named_graphs"] = [ox.NamedNode(str(g)) for g in named_graphs]
        try:
            return self._ox.query(sparql, **options)
        except SyntaxError as error:
            raise QuerySyntaxError(str(error)) from error

    def select(self, sparql: str, **options: Any) -> list[dict[str, Node]]:
        """Run a SELECT query and return its rows as dicts of rdflib terms (unbound omitted)."""
        solutions = self.query(sparql, **options)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QuerySyntaxError("Expected a SELECT query.")
        names = [v.value for v in solutions.variables]
        return [{name: from_ox(row[name]) for name in names if row[name] is not None} for row in solutions]

    def select_values(self, sparql: str, **options: Any) -> list[dict[str, str]]:
        """As :meth:`select`, but each value as a plain string: an IRI, a blank node's id or a
        literal's lexical form, which is what ``str()`` of the rdflib term gives.

        The look-ups of the service read only those strings, and making rdflib terms cost them more
        than the query: an event's sources took 3.2 ms with terms and 1.1 ms without (issue 5).
        """
        solutions = self.query(sparql, **options)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QuerySyntaxError("Expected a SELECT query.")
        names = [v.value for v in solutions.variables]
        return [{name: row[name].value for name in names if row[name] is not None} for row in solutions]

    def dump(
        self, *, fmt: str = "nquads", graph: URIRef | None = None, prefixes: Mapping[str, str] | None = None
    ) -> bytes:
        """Serialise the whole dataset (or one graph) in one of :data:`RDF_FORMATS`."""
        options: dict[str, Any] = {"format": RDF_FORMATS[fmt]}
        if graph is not None:
            options["from_graph"] = ox.NamedNode(str(graph))
        if prefixes and fmt not in {"nquads", "ntriples"}:
            options["prefixes"] = dict(prefixes)
        return bytes(self._ox.dump(**options))

    def dump_graph(
        self, name: URIRef | None, *, fmt: str = "turtle", prefixes: Mapping[str, str] | None = None
    ) -> bytes:
        """Serialise one graph (``None``: the default graph) in a triple format of :data:`RDF_FORMATS`."""
        options: dict[str, Any] = {"format": RDF_FORMATS[fmt]}
        options["from_graph"] = ox.NamedNode(str(name)) if name is not None else ox.DefaultGraph()
        if prefixes and fmt in {"turtle", "trig"}:
            options["prefixes"] = dict(prefixes)
        return bytes(self._ox.dump(**options))
