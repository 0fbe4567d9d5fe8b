"""The ontology is the contract: code uses only declared terms, and the generated vocab is current."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, SKOS, URIRef

from kg.ontology import DIPL_NS, SH, generate_vocab
from kg.settings import PROJECT_ROOT
from kg.vocab import DIPL


def test_ontology_vocab_is_generated_from_the_ttl(ontology):
    current = (PROJECT_ROOT / "kg" / "vocab.py").read_text(encoding="utf-8")
    assert current == generate_vocab(ontology), "kg/vocab.py is stale: run `kg ontology codegen`"


def test_ontology_vocab_refuses_undeclared_terms():
    assert str(DIPL.Meeting) == DIPL_NS + "Meeting"
    try:
        DIPL.Meetng  # noqa: B018 - a typo must fail loudly
    except AttributeError:
        return
    raise AssertionError("an undeclared term was accepted")


def test_ontology_every_term_has_a_label_and_a_comment(ontology):
    undocumented = [
        t for t in ontology.declared_terms()
        if (t, RDF.type, SKOS.Concept) not in ontology.graph
        and (not ontology.graph.value(t, RDFS.label) or not ontology.comment(t))
    ]  # fmt: skip
    assert undocumented == []


def test_ontology_shapes_only_use_declared_terms(ontology):
    used = set(ontology.shapes.objects(None, SH.targetClass)) | set(ontology.shapes.objects(None, SH.path))
    known_external = {RDF.type, RDFS.label, SKOS.inScheme, SKOS.notation, SKOS.prefLabel}
    undeclared = {
        t for t in used
        if isinstance(t, URIRef) and t not in known_external and not ontology.is_declared(t)
    }  # fmt: skip
    assert undeclared == set()


def test_ontology_enumerations_come_from_skos_schemes(ontology):
    assert set(ontology.concepts(DIPL.MediumScheme)) == {"in_person", "phone", "video"}
    assert set(ontology.concepts(DIPL.StatusScheme)) == {"occurred", "planned"}
    assert {"CONSULT", "AGREE", "SUPPORT"} <= set(ontology.concepts(DIPL.PloverScheme))
    assert ontology.class_for_notation("meeting") == DIPL.Meeting
    assert (DIPL.Meeting, RDF.type, OWL.Class) in ontology.graph
