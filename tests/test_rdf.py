"""The RDF emitter on hand-built facts from seed sentences (kg.rdf)."""

from __future__ import annotations

import dataclasses
import json

import pyshacl
import pytest
from conftest import SEED_IDS, dung_facts, seed_article, seed_facts
from pyoxigraph import Literal, NamedNode
from rdflib import Graph

from kg.namespace import DCTERMS, KG, ONTOLOGY_DIR, ORG, PROV, RDF, SKOS, XSD
from kg.rdf import (
    article_quads,
    article_triples,
    date_literal,
    decimal_literal,
    serialize_quads,
    to_nquads,
    to_rdflib,
    triples_to_nquads,
)
from kg.resolve import resolve_article


def objects(quads, s, p) -> list:
    return [q.object for q in quads if q.subject.value == str(s) and q.predicate.value == str(p)]


def subjects(quads, p, o) -> list[str]:
    return [q.subject.value for q in quads if q.predicate.value == str(p) and q.object == o]


def typed(quads, cls) -> list[str]:
    return subjects(quads, RDF.type, NamedNode(str(cls)))


@pytest.fixture()
def quads():
    return article_quads(seed_facts())


def test_every_quad_is_in_the_article_graph(quads):
    graph = resolve_article(SEED_IDS[0])
    assert quads and all(q.graph_name.value == graph for q in quads)
    assert len(quads) == len(set(quads))


def test_article_node(quads):
    article = resolve_article(SEED_IDS[0])
    assert objects(quads, article, RDF.type) == [NamedNode(str(KG.Article))]
    assert objects(quads, article, DCTERMS.identifier) == [Literal(SEED_IDS[0])]
    assert objects(quads, article, DCTERMS.date) == [
        Literal("2022-01", datatype=NamedNode(str(XSD.gYearMonth)))
    ]
    assert objects(quads, article, DCTERMS.creator) == [Literal("Phan Trâm")]


def test_post_holdings_link_person_role_body_and_evidence(quads):
    posts = typed(quads, KG.PostHolding)
    assert len(posts) == 2
    anh = next(
        p
        for p in posts
        if objects(quads, p, ORG.member)[0].value.endswith("ha-thi-viet-anh-ha-tinh")
    )
    role = objects(quads, anh, ORG.role)[0]
    assert objects(quads, role.value, SKOS.prefLabel) == [
        Literal("Phó Bí thư Thường trực", language="vi")
    ]
    assert objects(quads, role.value, SKOS.inScheme) == [NamedNode(str(KG.RoleScheme))]
    body = objects(quads, anh, ORG.organization)[0]
    assert body.value.endswith("/body/huyen-uy-cam-xuyen")
    assert NamedNode(str(ORG.Membership)) in objects(quads, anh, RDF.type)
    assert objects(quads, anh, PROV.wasDerivedFrom) == [NamedNode(resolve_article(SEED_IDS[0]))]
    span = objects(quads, anh, KG.spanText)[0].value
    assert span.startswith("Phó Bí thư Thường trực")
    assert objects(quads, anh, KG.confidence)[0].value == "1"
    # The evidence is the sentence: its text and its offsets in the article text.
    evidence = objects(quads, anh, KG.evidence)[0].value
    sentence = objects(quads, evidence, KG.evidenceText)[0].value
    start = int(objects(quads, evidence, KG.startOffset)[0].value)
    end = int(objects(quads, evidence, KG.endOffset)[0].value)
    assert seed_article().text[start:end] == sentence
    assert span in sentence


def test_facts_of_one_sentence_share_its_evidence_node(quads):
    evidence_nodes = typed(quads, KG.Evidence)
    texts = [objects(quads, e, KG.evidenceText)[0].value for e in evidence_nodes]
    assert len(texts) == len(set(texts))  # one node per sentence
    # The district is named twice in the article but linked to one sentence only.
    district = next(s for s in typed(quads, KG.District) if s.endswith("district-446"))
    assert len(objects(quads, district, KG.evidence)) == 1


def test_bodies_and_localities_carry_their_hierarchy(quads):
    huyen_uy = next(s for s in typed(quads, KG.PartyCommittee) if s.endswith("huyen-uy-cam-xuyen"))
    assert NamedNode(str(ORG.Organization)) in objects(quads, huyen_uy, RDF.type)
    parent = objects(quads, huyen_uy, ORG.subOrganizationOf)[0].value
    assert parent.endswith("/body/tinh-uy-ha-tinh")
    district = objects(quads, huyen_uy, KG.locality)[0].value
    assert district.endswith("/locality/district-446")
    assert objects(quads, district, KG.gsoCode) == [Literal("446")]
    province = objects(quads, district, KG.partOf)[0].value
    assert NamedNode(str(KG.Province)) in objects(quads, province, RDF.type)
    assert NamedNode(str(KG.Locality)) in objects(quads, province, RDF.type)


def test_participations_materialize_participated_in_and_attended(quads):
    event = typed(quads, KG.Event)
    assert len(event) == 1
    e = NamedNode(event[0])
    anh = next(s for s in typed(quads, KG.Person) if s.endswith("ha-thi-viet-anh-ha-tinh"))
    props = {q.predicate.value for q in quads if q.subject.value == anh and q.object == e}
    assert props == {str(KG.reportedAt), str(KG.attended), str(KG.participatedIn)}
    assert objects(quads, event[0], KG.eventDate) == [
        Literal("2022-01-05", datatype=NamedNode(str(XSD.date)))
    ]
    assert NamedNode(str(KG.Conference)) in objects(quads, event[0], RDF.type)
    assert len(typed(quads, KG.Participation)) == 2


def test_indicator_value_is_a_plain_decimal_in_base_units(quads):
    budget = next(
        s
        for s in typed(quads, KG.IndicatorObservation)
        if objects(quads, s, KG.unit) == [Literal("VND")]
    )
    assert objects(quads, budget, KG.value) == [
        Literal("520000000000", datatype=NamedNode(str(XSD.decimal)))
    ]
    assert objects(quads, budget, KG.refYear) == [
        Literal("2021", datatype=NamedNode(str(XSD.gYear)))
    ]
    assert objects(quads, budget, KG.percentOfPlan)[0].value == "214"
    assert objects(quads, budget, KG.status) == [Literal("actual")]
    assert NamedNode(str(PROV.wasDerivedFrom)) in [
        q.predicate for q in quads if q.subject.value == budget
    ]


@pytest.mark.parametrize(
    "value, text",
    [
        (520_000_000_000.0, "520000000000"),
        (2_365_000_000_000, "2365000000000"),
        (8_850_260_000_000.0, "8850260000000"),
        (49.09, "49.09"),
        (7.0, "7"),
        (0.0, "0"),
        (-1.25, "-1.25"),
        (1e-7, "0.0000001"),
    ],
)
def test_decimal_literal(value, text):
    assert decimal_literal(value).value == text


def test_decimal_literal_refuses_nan():
    with pytest.raises(ValueError):
        decimal_literal(float("nan"))


@pytest.mark.parametrize(
    "value, datatype",
    [
        ("2022-01-05", XSD.date),
        ("2022-01", XSD.gYearMonth),
        ("2022", XSD.gYear),
    ],
)
def test_date_literal(value, datatype):
    assert date_literal(value) == Literal(value, datatype=NamedNode(str(datatype)))
    assert date_literal("") is None


def test_emission_is_deterministic():
    assert article_quads(seed_facts()) == article_quads(seed_facts())


def test_one_person_is_one_node_across_articles():
    a = article_quads(dung_facts("001_a", "2024-01"))
    b = article_quads(dung_facts("002_b", "2022-01"))
    assert (
        set(typed(a, KG.Person))
        == set(typed(b, KG.Person))
        == {"https://kg.example.org/id/person/hoang-trung-dung-ha-tinh"}
    )
    assert {q.graph_name for q in a}.isdisjoint({q.graph_name for q in b})


@pytest.mark.parametrize(
    "fmt, rdflib_format",
    [("turtle", "turtle"), ("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")],
)
def test_serializations_parse_back(quads, fmt, rdflib_format):
    data = serialize_quads(quads, fmt)
    if fmt in ("turtle", "trig"):
        assert b"@prefix kg: <https://kg.example.org/ontology#>" in data
    if fmt == "jsonld":
        assert json.loads(data)["@context"]["kg"] == "https://kg.example.org/ontology#"
    from rdflib import Dataset

    parsed = Dataset() if fmt != "turtle" else Graph()
    parsed.parse(data=data.decode("utf-8"), format=rdflib_format)
    assert len(parsed) == len(quads)


def test_hand_built_facts_conform_to_the_shapes(quads):
    data = Graph()
    for triple in to_rdflib(quads).triples((None, None, None)):
        data.add(triple)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_shapes_catch_an_indicator_without_unit():
    facts = seed_facts()
    from dataclasses import replace

    facts.indicators = [replace(facts.indicators[0], unit="")]
    data = Graph()
    for triple in to_rdflib(article_quads(facts)).triples((None, None, None)):
        data.add(triple)
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "exactly one unit" in text


def test_n_quads_written_from_statements_are_pyoxigraph_s_own():
    # The build writes N-Quads text itself; it must be byte for byte what the serializer
    # writes, escapes included (quotes, backslashes, line breaks in evidence sentences).
    facts = seed_facts()
    facts.article = dataclasses.replace(
        facts.article, title=facts.article.title + ' "trích" \\ dòng\nmới'
    )
    graph, statements = article_triples(facts)
    assert triples_to_nquads(graph, statements) == to_nquads(article_quads(facts))
    assert b'\\"tr\xc3\xadch\\"' in triples_to_nquads(graph, statements)
