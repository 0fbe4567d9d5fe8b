"""The ontology as code reads it: terms, SKOS enumerations, labels and SHACL validation.

``ontology/*.ttl`` is the single source of truth. This module loads it once, answers questions
about it (which concept has notation ``video`` in the medium scheme? what is the label of
``dipl:Meeting``?) and validates graphs against ``ontology/shapes.ttl``. ``kg/vocab.py``, the
closed namespace the code uses, is generated from it by :func:`generate_vocab`.
"""

from __future__ import annotations

import logging
from functools import cache, cached_property
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.term import Node

from kg.errors import OntologyError, ShapeViolation

logger = logging.getLogger(__name__)

DIPL_NS = "https://w3id.org/dipkg/ontology#"
DIPL = Namespace(DIPL_NS)
SH = Namespace("http://www.w3.org/ns/shacl#")
SHAPES_FILE = "shapes.ttl"
PREFIXES_FILE = "prefixes.ttl"

#: The kinds of declaration that make a term "declared" by the ontology.
DECLARING_TYPES = (
    OWL.Class,
    RDFS.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
    SKOS.Concept,
    SKOS.ConceptScheme,
    OWL.NamedIndividual,
    OWL.Ontology,
)


class Ontology:
    """The loaded ontology: the term graph, the SHACL shapes and the prefixes.

    Args:
        directory: the folder of Turtle files (``ontology/`` of the project).
    """

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.graph = Graph()
        self.shapes = Graph()
        self.prefix_graph = Graph(bind_namespaces="none")
        files = sorted(self.directory.glob("*.ttl"))
        if not files:
            raise OntologyError(f"No ontology files (*.ttl) in {self.directory}; check KG_ONTOLOGY_DIR.")
        for path in files:
            target = {SHAPES_FILE: self.shapes, PREFIXES_FILE: self.prefix_graph}.get(path.name, self.graph)
            try:
                target.parse(path, format="turtle")
            except Exception as error:  # rdflib raises several parser-specific types
                raise OntologyError(f"{path} does not parse as Turtle: {error}") from error
        self.prefixes = self._read_prefixes()
        for prefix, namespace in self.prefixes.items():
            self.graph.bind(prefix, namespace, replace=True)
        self._notations = self._index_notations()

    def _read_prefixes(self) -> dict[str, str]:
        found = {str(p): str(ns) for p, ns in self.prefix_graph.namespaces() if p}
        for declaration in self.prefix_graph.objects(None, SH.declare):
            prefix = self.prefix_graph.value(declaration, SH.prefix)
            namespace = self.prefix_graph.value(declaration, SH.namespace)
            if prefix is not None and namespace is not None:
                found[str(prefix)] = str(namespace)
        found.setdefault("dipl", DIPL_NS)
        return found

    def _index_notations(self) -> dict[tuple[Node | None, str], URIRef]:
        index: dict[tuple[Node | None, str], URIRef] = {}
        for term, notation in self.graph.subject_objects(SKOS.notation):
            if not isinstance(term, URIRef):
                continue
            schemes = list(self.graph.objects(term, SKOS.inScheme)) or [None]
            for scheme in schemes:
                index[(scheme, str(notation))] = term
        return index

    # -- terms -----------------------------------------------------------------------------

    def declared_terms(self, namespace: str = DIPL_NS) -> set[URIRef]:
        """Every term in ``namespace`` that the ontology declares (as class, property, concept...)."""
        terms = set()
        for kind in DECLARING_TYPES:
            for term in self.graph.subjects(RDF.type, kind):
                if isinstance(term, URIRef) and str(term).startswith(namespace):
                    terms.add(term)
        return terms

    def is_declared(self, term: URIRef) -> bool:
        """Whether the ontology declares a term."""
        return any((term, RDF.type, kind) in self.graph for kind in DECLARING_TYPES)

    def label(self, term: Node, lang: str = "en") -> str:
        """The English label of a term (``skos:prefLabel`` or ``rdfs:label``), else its local name."""
        for predicate in (SKOS.prefLabel, RDFS.label):
            for value in self.graph.objects(term, predicate):
                if getattr(value, "language", None) in (lang, None):
                    return str(value)
        return str(term).rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    def comment(self, term: Node) -> str:
        """The documentation of a term (``rdfs:comment`` or ``skos:definition``)."""
        for predicate in (RDFS.comment, SKOS.definition):
            value = self.graph.value(term, predicate)
            if value is not None:
                return str(value)
        return ""

    # -- enumerations ------------------------------------------------------------------------

    def concepts(self, scheme: URIRef) -> dict[str, URIRef]:
        """The concepts of a SKOS scheme, keyed by notation, in notation order."""
        return dict(sorted((n, t) for (s, n), t in self._notations.items() if s == scheme))

    def concept(self, scheme: URIRef, notation: str) -> URIRef:
        """The concept of ``scheme`` whose ``skos:notation`` is ``notation``.

        Raises:
            OntologyError: no such concept; the message lists the valid notations.
        """
        term = self._notations.get((scheme, notation))
        if term is None:
            valid = ", ".join(self.concepts(scheme)) or "none"
            raise OntologyError(f"'{notation}' is not a notation in {scheme}; valid: {valid}.")
        return term

    def surface_forms(self, scheme: URIRef) -> dict[str, list[str]]:
        """How text names each concept of a scheme: its ``skos:altLabel`` values, by notation."""
        return {
            notation: sorted(str(label) for label in self.graph.objects(term, SKOS.altLabel))
            for notation, term in self.concepts(scheme).items()
        }

    def notation(self, term: Node) -> str | None:
        """The ``skos:notation`` of a term, if it has one."""
        value = self.graph.value(term, SKOS.notation)
        return None if value is None else str(value)

    def class_for_notation(self, notation: str) -> URIRef:
        """The ``owl:Class`` whose notation is ``notation`` (event kinds: meeting, statement...)."""
        term = self._classes_by_notation.get(notation)
        if term is None:
            raise OntologyError(f"No ontology class has the notation '{notation}'.")
        return term

    @cached_property
    def _classes_by_notation(self) -> dict[str, URIRef]:
        return {
            str(value): term  # type: ignore[misc]
            for term, value in self.graph.subject_objects(SKOS.notation)
            if (term, RDF.type, OWL.Class) in self.graph
        }

    # -- validation --------------------------------------------------------------------------

    def validate(self, data: Graph) -> None:
        """Check a graph against the SHACL shapes.

        Raises:
            ShapeViolation: with the report text and one dict per result.
        """
        import pyshacl  # imported here: it is slow to import and only validation needs it

        conforms, report_graph, report_text = pyshacl.validate(
            data, shacl_graph=self.shapes, ont_graph=self.graph, inference="none", advanced=True
        )
        if not conforms:
            results = [
                {
                    "focus": str(report_graph.value(r, SH.focusNode)),
                    "path": str(report_graph.value(r, SH.resultPath)),
                    "message": str(report_graph.value(r, SH.resultMessage)),
                }
                for r in report_graph.subjects(RDF.type, SH.ValidationResult)
            ]
            raise ShapeViolation(
                f"{len(results)} shape violation(s): " + "; ".join(r["message"] for r in results[:3]),
                report=report_text,
                results=results,
            )


@cache
def load_ontology(directory: Path) -> Ontology:
    """The ontology in ``directory``, loaded once per process."""
    return Ontology(directory)


def generate_vocab(ontology: Ontology) -> str:
    """The Python source of ``kg/vocab.py``: a closed namespace of every declared ``dipl:`` term."""
    names = sorted(str(t)[len(DIPL_NS) :] for t in ontology.declared_terms())
    identifiers = [n for n in names if n.isidentifier()]
    extras = [n for n in names if not n.isidentifier()]
    lines = [
        '"""The ontology\'s terms as a closed rdflib namespace.',
        "",
        "GENERATED from ontology/*.ttl by `kg ontology codegen`; do not edit.",
        "",
        "A term the ontology does not declare raises ``AttributeError`` at first use.",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        "",
        "class DIPL(DefinedNamespace):",
        '    """Terms of the diplomatic-event ontology (``ontology/*.ttl``)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{DIPL_NS}")',
        f"    _extras = {extras!r}",
        "",
    ]
    # Values as well as annotations: a class attribute is read without the namespace's checks,
    # which the mapping's hot loop would otherwise pay on every triple.
    lines += [f'    {name}: URIRef = _NS["{name}"]' for name in identifiers]
    return "\n".join(lines) + "\n"
