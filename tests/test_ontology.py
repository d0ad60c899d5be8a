"""The ontology declares every term the code can emit, and the shapes are well formed."""

from __future__ import annotations

from functools import cache

import pytest
from conftest import SAMPLES, dung_facts, seed_facts
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from kg.extract import extract
from kg.namespace import KG, KG_IRI, ONTOLOGY_DIR, REUSED
from kg.rdf import article_quads
from kg.reader import Article, read_corpus

DECLARED_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme}


@cache
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl", format="turtle")


def declared(term: URIRef) -> bool:
    return any((term, RDF.type, t) in ontology() for t in DECLARED_TYPES)


def kg_terms() -> list[URIRef]:
    return [KG[name] for name in KG.__annotations__]


def test_every_kg_term_of_the_namespace_is_declared_with_labels_in_vietnamese_and_english():
    missing = [t for t in kg_terms() if not declared(t)]
    assert not missing, f"not declared in ontology/kg.ttl: {missing}"
    for term in kg_terms():
        langs = {o.language for o in ontology().objects(term, RDFS.label) if isinstance(o, Literal)}
        assert {"vi", "en"} <= langs, f"{term} lacks a vi or en label"


def test_every_kg_term_of_the_ontology_is_in_the_namespace():
    in_namespace = set(kg_terms())
    in_ontology = {s for s in ontology().subjects() if str(s).startswith(KG_IRI)}
    assert in_ontology <= in_namespace, in_ontology - in_namespace


def test_participation_properties_are_subproperties_of_participated_in():
    for prop in (
        KG.chaired,
        KG.attended,
        KG.spokeAt,
        KG.reportedAt,
        KG.directed,
        KG.concluded,
        KG.awardedAt,
        KG.presentedWithAt,
    ):
        assert (prop, RDFS.subPropertyOf, KG.participatedIn) in ontology()


def _emitted_terms(quads) -> set[str]:
    terms = set()
    for q in quads:
        terms.add(q.predicate.value)
        if q.predicate.value == str(RDF.type):
            terms.add(q.object.value)
    return terms


def _check_declared(terms: set[str]) -> list[str]:
    bad = []
    for term in sorted(terms):
        if term.startswith(KG_IRI):
            if not declared(URIRef(term)):
                bad.append(term)
            continue
        for ns in REUSED.values():
            base = str(ns)
            if term.startswith(base) and term[len(base) :] in ns.__annotations__:
                break
        else:
            bad.append(term)
    return bad


def test_every_term_emitted_on_the_seed_sample_is_declared():
    quads = []
    for item in read_corpus([SAMPLES]):
        assert isinstance(item, Article), item
        quads += article_quads(extract(item))
    quads += article_quads(seed_facts()) + article_quads(dung_facts("x", "2024-01"))
    terms = _emitted_terms(quads)
    assert str(KG.PostHolding) in terms  # the hand-built facts cover every fact kind
    assert _check_declared(terms) == []


def test_an_undeclared_term_is_caught():
    terms = {KG_IRI + "undeclared", "http://www.w3.org/ns/org#nope"}
    assert sorted(_check_declared(terms)) == sorted(terms)


def test_shapes_parse_and_use_only_declared_kg_terms():
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    assert len(list(shapes.subjects(RDF.type, SH.NodeShape))) >= 8
    used = {o for o in shapes.objects() if isinstance(o, URIRef) and str(o).startswith(KG_IRI)}
    assert used and all(declared(t) for t in used), [t for t in used if not declared(t)]


@pytest.mark.parametrize(
    "cls",
    [
        KG.PartyCommittee,
        KG.StandingCommittee,
        KG.PartyOrganization,
        KG.PartyDepartment,
        KG.GovernmentBody,
        KG.Agency,
        KG.MassOrganization,
        KG.OtherOrganization,
    ],
)
def test_bodies_are_organizations(cls):
    assert (cls, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")) in ontology()
