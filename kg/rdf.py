"""RDF emitter: one article's facts as quads in the article's named graph.

The graph name is the article's IRI, so every triple's provenance is its graph, and
rebuilding an article replaces exactly its graph. Shared nodes (people, bodies, localities,
role and indicator concepts) are described again in every graph that uses them; their IRIs
come from :mod:`kg.resolve`, so the descriptions merge in the store.

Oxigraph does no inference, so the emitter writes what queries need directly: every body is
also an ``org:Organization``, every locality a ``kg:Locality``, every event a ``kg:Event``,
and every participation also ``kg:participatedIn`` and ``kg:attended``.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize

from kg import namespace as _ns
from kg.model import (
    Article,
    ArticleFacts,
    Body,
    Event,
    Evidence,
    IndicatorObservation,
    Locality,
    Person,
    PostHolding,
)
from kg.namespace import PREFIXES
from kg.resolve import (
    resolve_article,
    resolve_body,
    resolve_in_article,
    resolve_indicator,
    resolve_locality,
    resolve_person,
    resolve_role,
)

log = logging.getLogger(__name__)

# A statement of one article's graph: subject, predicate IRI, object.
Statement = tuple[NamedNode, str, NamedNode | Literal]


class _Terms:
    """A namespace whose terms are looked up once (rdflib's ``DefinedNamespace`` checks every
    attribute access against the ontology; the emitter makes hundreds per article)."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        # A plain str: rdflib's URIRef never equals a str, and the emitted statements are
        # compared with the shapes' IRIs (kg.validate) and the counted classes (kg.build).
        term = str(getattr(self._namespace, name))
        setattr(self, name, term)
        return term


DCTERMS, FOAF, KG, ORG, PROV, QB, RDF, RDFS, SCHEMA, SKOS, XSD = (
    _Terms(getattr(_ns, name))
    for name in (
        "DCTERMS",
        "FOAF",
        "KG",
        "ORG",
        "PROV",
        "QB",
        "RDF",
        "RDFS",
        "SCHEMA",
        "SKOS",
        "XSD",
    )
)

LEVEL_CLASS = {"province": KG.Province, "district": KG.District, "commune": KG.Commune}
BODY_CLASS = {
    "party_committee": KG.PartyCommittee,
    "standing_committee": KG.StandingCommittee,
    "party_organization": KG.PartyOrganization,
    "party_department": KG.PartyDepartment,
    "government": KG.GovernmentBody,
    "agency": KG.Agency,
    "mass_organization": KG.MassOrganization,
    "other": KG.OtherOrganization,
}
EVENT_CLASS = {
    "conference": KG.Conference,
    "meeting": KG.Meeting,
    "congress": KG.Congress,
    "visit": KG.Visit,
    "dialogue": KG.Dialogue,
    "ceremony": KG.Ceremony,
}
# Participation role (model / gold vocabulary) -> property linking the person to the event.
ROLE_PROPERTY = {
    "chaired": KG.chaired,
    "attended": KG.attended,
    "spoke": KG.spokeAt,
    "reported": KG.reportedAt,
    "directed": KG.directed,
    "concluded": KG.concluded,
    "awarded": KG.awardedAt,
    "presented_with": KG.presentedWithAt,
}


@lru_cache(maxsize=4096)
def node(iri: str) -> NamedNode:
    return NamedNode(str(iri))


_XSD_DATE = node(XSD.date)
_XSD_GYEARMONTH = node(XSD.gYearMonth)
_XSD_GYEAR = node(XSD.gYear)
_XSD_DECIMAL = node(XSD.decimal)
_XSD_INTEGER = node(XSD.integer)
_XSD_BOOLEAN = node(XSD.boolean)
_A = node(RDF.type)


def date_literal(value: str) -> Literal | None:
    """``YYYY-MM-DD`` -> xsd:date, ``YYYY-MM`` -> xsd:gYearMonth, ``YYYY`` -> xsd:gYear."""
    value = value.strip()
    datatype = {10: _XSD_DATE, 7: _XSD_GYEARMONTH, 4: _XSD_GYEAR}.get(len(value))
    if not value or datatype is None:
        return None
    return Literal(value, datatype=datatype)


def decimal_literal(value: float | int) -> Literal:
    """A plain xsd:decimal (no exponent): 5.2e11 -> "520000000000", 49.09 -> "49.09"."""
    if isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    text = format(Decimal(repr(value)) if isinstance(value, float) else Decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return Literal(text, datatype=_XSD_DECIMAL)


def year_literal(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=_XSD_GYEAR)


class _Emitter:
    """Collects the quads of one article, each once, in emission order."""

    def __init__(self, facts: ArticleFacts) -> None:
        self.facts = facts
        self.article = facts.article
        self.article_text = facts.article.text  # a property that joins title and body
        self.article_iri = resolve_article(self.article)
        self.graph = node(self.article_iri)
        # (subject, predicate IRI, object), each once, in emission order: Quad objects are
        # made only for callers that want them (a build writes N-Quads text straight away).
        self.triples: dict[Statement, None] = {}
        self.described: set[str] = set()
        self.evidenced: set[str] = set()  # shared nodes already linked to a sentence

    # -- primitives
    def add(self, s: NamedNode, p: str, o: NamedNode | Literal) -> None:
        self.triples[(s, p, o)] = None

    def text(self, s: NamedNode, p: str, value: str, lang: str | None = None) -> None:
        if value:
            self.add(s, p, Literal(value, language=lang) if lang else Literal(value))

    def once(self, iri: str) -> bool:
        """True the first time a shared node is described in this graph."""
        if iri in self.described:
            return False
        self.described.add(iri)
        return True

    # -- article
    def emit_article(self) -> None:
        a, s = self.article, self.graph
        self.add(s, RDF.type, node(KG.Article))
        self.add(s, DCTERMS.identifier, Literal(a.id))
        self.text(s, DCTERMS.title, a.title)
        date = date_literal(a.date)
        if date is not None:
            self.add(s, DCTERMS.date, date)
        self.text(s, DCTERMS.creator, a.creator)
        self.text(s, DCTERMS.source, a.source)
        if a.url:
            self.add(s, SCHEMA.url, Literal(a.url))

    def mention(self, iri: str) -> None:
        self.add(self.graph, SCHEMA.mentions, node(iri))

    def fact(self, s: NamedNode, evidence: Evidence, confidence: float) -> None:
        """A fact node's provenance: its article, its sentence, the span and the confidence."""
        self.add(s, PROV.wasDerivedFrom, self.graph)
        self.add(s, KG.evidence, self.sentence(evidence))
        self.add(s, KG.confidence, decimal_literal(round(min(max(confidence, 0.0), 1.0), 4)))
        self.text(s, KG.spanText, self.span(evidence))

    def span(self, ev: Evidence) -> str:
        return self.article_text[ev.start : ev.end] if 0 <= ev.start <= ev.end else ""

    def sentence(self, ev: Evidence) -> NamedNode:
        """The evidence node of the sentence ``ev`` was read from, described once per graph.

        Every fact read from one sentence shares its node: the sentence text is the bulk of
        the evidence, and a graph holds it once however many facts the sentence gives.
        """
        start = self.sentence_start(ev)
        end = start + len(ev.sentence)
        s = node(resolve_in_article(self.article, "sentence", f"{start}-{end}"))
        if self.once(s.value):
            self.add(s, RDF.type, node(KG.Evidence))
            self.add(s, KG.evidenceText, Literal(ev.sentence))
            self.add(s, KG.startOffset, Literal(str(start), datatype=_XSD_INTEGER))
            self.add(s, KG.endOffset, Literal(str(end), datatype=_XSD_INTEGER))
        return s

    def sentence_start(self, ev: Evidence) -> int:
        """Where the sentence holding the span starts in the article text (the span's start
        when the sentence is not found verbatim around it)."""
        text, sentence = self.article_text, ev.sentence
        at = text.rfind(sentence, 0, max(ev.start, 0) + len(sentence))
        if at < 0 or at + len(sentence) < ev.end:
            return max(ev.start, 0)
        return at

    def mentioned_in(self, iri: str, ev: Evidence) -> None:
        """Link a shared node (place, body, person) to the first sentence of this article
        that names it: one link per node and article, however often it is named."""
        if iri not in self.evidenced:
            self.evidenced.add(iri)
            self.add(node(iri), KG.evidence, self.sentence(ev))

    # -- shared nodes
    def locality(self, loc: Locality) -> str:
        iri = resolve_locality(loc)
        if self.once(iri):
            s = node(iri)
            self.add(s, RDF.type, node(KG.Locality))
            cls = LEVEL_CLASS.get(loc.level)
            if cls is not None:
                self.add(s, RDF.type, node(cls))
            self.text(s, RDFS.label, loc.name)
            self.text(s, KG.level, loc.level)
            self.text(s, KG.unitWord, loc.unit)
            self.text(s, KG.gsoCode, loc.code)
            if loc.parent is not None:
                self.add(s, KG.partOf, node(self.locality(loc.parent)))
        return iri

    def body(self, body: Body) -> str:
        iri = resolve_body(body)
        if self.once(iri):
            s = node(iri)
            self.add(s, RDF.type, node(ORG.Organization))
            self.add(s, RDF.type, node(BODY_CLASS.get(body.kind, KG.OtherOrganization)))
            self.text(s, RDFS.label, body.name)
            if body.locality is not None:
                self.add(s, KG.locality, node(self.locality(body.locality)))
            if body.parent is not None:
                self.add(s, ORG.subOrganizationOf, node(self.body(body.parent)))
        return iri

    def person(self, person: Person) -> str:
        iri = resolve_person(person)
        if self.once(iri):
            s = node(iri)
            self.add(s, RDF.type, node(KG.Person))
            self.text(s, FOAF.name, person.name)
            self.text(s, RDFS.label, person.name)
            self.text(s, KG.rank, person.rank)
            self.mention(iri)
        return iri

    def concept(self, iri: str, label: str, scheme: str) -> str:
        if self.once(iri):
            s = node(iri)
            self.add(s, RDF.type, node(SKOS.Concept))
            self.text(s, SKOS.prefLabel, label, "vi")
            self.add(s, SKOS.inScheme, node(scheme))
        return iri

    # -- facts
    def emit_localities(self) -> None:
        for m in self.facts.localities:
            iri = self.locality(m.locality)
            self.mention(iri)
            self.mentioned_in(iri, m.evidence)

    def emit_bodies(self) -> None:
        for m in self.facts.bodies:
            iri = self.body(m.body)
            self.mention(iri)
            self.mentioned_in(iri, m.evidence)

    def emit_people(self) -> None:
        for person in self.facts.people:
            if person.name.strip():
                self.person(person)
        # Where the extractor records where each person is named (PersonMention).
        for m in getattr(self.facts, "mentions", None) or []:
            if m.person.name.strip():
                self.mentioned_in(self.person(m.person), m.evidence)

    def emit_post(self, number: int, post: PostHolding) -> None:
        if not post.person.name.strip() or not post.role.strip():
            log.warning("%s: post without a name or role skipped: %r", self.article.id, post)
            return
        s = node(resolve_in_article(self.article, "post", number))
        self.add(s, RDF.type, node(KG.PostHolding))
        self.add(s, RDF.type, node(ORG.Membership))
        self.add(s, ORG.member, node(self.person(post.person)))
        role = self.concept(resolve_role(post.role), post.role, KG.RoleScheme)
        self.add(s, ORG.role, node(role))
        if post.body is not None:
            body = self.body(post.body)
            self.mention(body)
            self.add(s, ORG.organization, node(body))
        date = date_literal(self.article.date)
        if date is not None:
            self.add(s, KG.observedOn, date)
        self.add(s, KG.former, Literal("true" if post.former else "false", datatype=_XSD_BOOLEAN))
        self.fact(s, post.evidence, post.confidence)

    def emit_event(self, number: int, event: Event) -> None:
        s = node(resolve_in_article(self.article, "event", number))
        self.add(s, RDF.type, node(KG.Event))
        cls = EVENT_CLASS.get(event.kind)
        if cls is not None:
            self.add(s, RDF.type, node(cls))
        self.text(s, RDFS.label, f"{event.kind}: {event.subtype}" if event.subtype else event.kind)
        self.text(s, KG.eventKind, event.kind)
        self.text(s, KG.subtype, event.subtype)
        date = date_literal(event.date)
        if date is not None:
            self.add(s, KG.eventDate, date)
        if event.organizer is not None:
            organizer = self.body(event.organizer)
            self.mention(organizer)
            self.add(s, KG.organizer, node(organizer))
        if event.locality is not None:
            self.add(s, KG.locality, node(self.locality(event.locality)))
        self.fact(s, event.evidence, event.confidence)
        for i, part in enumerate(event.participants, start=1):
            if not part.person.name.strip():
                continue
            person = node(self.person(part.person))
            prop = ROLE_PROPERTY.get(part.role)
            if prop is None:
                log.warning("%s: unknown participation role %r", self.article.id, part.role)
            else:
                self.add(person, prop, s)
            self.add(person, KG.attended, s)
            self.add(person, KG.participatedIn, s)
            p = node(f"{s.value}/participation/{i}")
            self.add(p, RDF.type, node(KG.Participation))
            self.add(p, KG.participant, person)
            self.add(p, KG.event, s)
            self.text(p, KG.participationRole, part.role)
            self.fact(p, part.evidence, part.confidence)

    def emit_indicator(self, number: int, obs: IndicatorObservation) -> None:
        try:
            value = decimal_literal(obs.value)
        except (TypeError, ValueError):
            log.warning("%s: indicator %r has no usable value", self.article.id, obs.name)
            return
        s = node(resolve_in_article(self.article, "indicator", number))
        self.add(s, RDF.type, node(KG.IndicatorObservation))
        self.add(s, RDF.type, node(QB.Observation))
        concept = self.concept(resolve_indicator(obs.name), obs.name, KG.IndicatorScheme)
        self.add(s, KG.indicator, node(concept))
        if obs.locality is not None:
            self.add(s, KG.locality, node(self.locality(obs.locality)))
        self.add(s, KG.value, value)
        self.text(s, KG.unit, obs.unit)
        if obs.year is not None:
            self.add(s, KG.refYear, year_literal(obs.year))
        self.text(s, KG.status, obs.status)
        for prop, extra in (
            (KG.percentOfPlan, obs.percent_of_plan),
            (KG.changePct, obs.change_pct),
            (KG.ofTotal, obs.of),
            (KG.maxValue, obs.max),
        ):
            if extra is not None and math.isfinite(extra):
                self.add(s, prop, decimal_literal(extra))
        if obs.compared_to is not None:
            self.add(s, KG.comparedTo, year_literal(obs.compared_to))
        self.fact(s, obs.evidence, obs.confidence)

    def emit(self) -> list[Statement]:
        self.emit_article()
        self.emit_localities()
        self.emit_bodies()
        self.emit_people()
        for i, post in enumerate(self.facts.posts, start=1):
            self.emit_post(i, post)
        for i, event in enumerate(self.facts.events, start=1):
            self.emit_event(i, event)
        for i, obs in enumerate(self.facts.indicators, start=1):
            self.emit_indicator(i, obs)
        return list(self.triples)


def article_triples(facts: ArticleFacts) -> tuple[NamedNode, list[Statement]]:
    """One article's graph name (its IRI) and its statements, each once."""
    emitter = _Emitter(facts)
    return emitter.graph, emitter.emit()


def article_quads(facts: ArticleFacts) -> list[Quad]:
    """All quads of one article, in its named graph (graph IRI = article IRI)."""
    graph, triples = article_triples(facts)
    return [Quad(s, node(p), o, graph) for s, p, o in triples]


def triples_to_nquads(graph: NamedNode, triples: Iterable[Statement]) -> bytes:
    """N-Quads of statements in ``graph``: the same bytes pyoxigraph's serializer writes (a
    term's ``str`` is its N-Triples form), without making a Quad of each."""
    g = str(graph)
    text = "".join(f"{s} <{p}> {o} {g} .\n" for s, p, o in triples)
    return text.encode("utf-8")


def article_graph(article: Article | str) -> NamedNode:
    return node(resolve_article(article))


# --------------------------------------------------------------------------- serialization

FORMATS = ("turtle", "nquads", "trig", "jsonld")
_OXI_FORMATS = {"turtle": RdfFormat.TURTLE, "nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}


def to_nquads(quads: Iterable[Quad]) -> bytes:
    return serialize(list(quads), format=RdfFormat.N_QUADS)


def to_rdflib(quads: Iterable[Quad]):
    """The quads as an rdflib ``Dataset`` whose default graph is the union of the graphs
    (for JSON-LD and SHACL checks; not for querying, rdflib's SPARQL is slow)."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(data=to_nquads(quads).decode("utf-8"), format="nquads")
    return dataset


def serialize_quads(quads: Iterable[Quad], fmt: str) -> bytes:
    """Quads as ``turtle`` (triples, graph names dropped), ``trig``, ``nquads`` or ``jsonld``.

    Turtle, TriG and JSON-LD carry the project's prefixes.
    """
    quads = list(quads)
    if fmt == "turtle":
        triples = list(dict.fromkeys(q.triple for q in quads))
        return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    if fmt in ("trig", "nquads"):
        prefixes = PREFIXES if fmt == "trig" else None
        return serialize(quads, format=_OXI_FORMATS[fmt], prefixes=prefixes)
    if fmt == "jsonld":
        return jsonld(to_nquads(quads))
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def jsonld(nquads: bytes) -> bytes:
    """N-Quads to JSON-LD (one ``@graph`` per named graph) with the project's context."""
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(data=nquads.decode("utf-8"), format="nquads")
    out = io.BytesIO()
    out.write(dataset.serialize(format="json-ld", context=dict(PREFIXES), indent=2).encode("utf-8"))
    return out.getvalue()
