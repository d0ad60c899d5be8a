"""Vocabularies the graph is written in, as rdflib ``DefinedNamespace`` classes.

A misspelt term fails at import (``KG.Persn`` raises ``AttributeError``), and
``tests/test_ontology.py`` checks that every ``KG`` term here is declared in
``ontology/kg.ttl``. Resources (people, bodies, localities, articles) live under :data:`ID`.
"""

from __future__ import annotations

from pathlib import Path

from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    QB,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    Namespace,
)
from rdflib.term import URIRef

SCHEMA = SDO  # https://schema.org/

KG_IRI = "https://kg.example.org/ontology#"
ID_IRI = "https://kg.example.org/id/"
ID = Namespace(ID_IRI)

# The folders next to the package (the project is installed editable).
PROJECT_DIR = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PROJECT_DIR / "ontology"
QUERIES_DIR = PROJECT_DIR / "queries"


class KG(DefinedNamespace):
    """The project's own terms (ontology/kg.ttl)."""

    _NS = Namespace(KG_IRI)
    _fail = True

    # --- classes
    Article: URIRef
    Person: URIRef
    Locality: URIRef
    Province: URIRef
    District: URIRef
    Commune: URIRef
    PartyCommittee: URIRef
    StandingCommittee: URIRef
    PartyOrganization: URIRef
    PartyDepartment: URIRef
    GovernmentBody: URIRef
    Agency: URIRef
    MassOrganization: URIRef
    OtherOrganization: URIRef
    PostHolding: URIRef
    Event: URIRef
    Conference: URIRef
    Meeting: URIRef
    Congress: URIRef
    Visit: URIRef
    Dialogue: URIRef
    Ceremony: URIRef
    Participation: URIRef
    IndicatorObservation: URIRef
    Evidence: URIRef
    # --- concept schemes (individuals)
    RoleScheme: URIRef
    IndicatorScheme: URIRef
    # --- localities
    locality: URIRef
    partOf: URIRef
    gsoCode: URIRef
    level: URIRef
    unitWord: URIRef
    # --- people and posts
    rank: URIRef
    observedOn: URIRef
    former: URIRef
    # --- events and participation
    eventKind: URIRef
    subtype: URIRef
    eventDate: URIRef
    organizer: URIRef
    participatedIn: URIRef
    chaired: URIRef
    attended: URIRef
    spokeAt: URIRef
    reportedAt: URIRef
    directed: URIRef
    concluded: URIRef
    awardedAt: URIRef
    presentedWithAt: URIRef
    participant: URIRef
    event: URIRef
    participationRole: URIRef
    # --- indicators
    indicator: URIRef
    value: URIRef
    unit: URIRef
    refYear: URIRef
    status: URIRef
    percentOfPlan: URIRef
    changePct: URIRef
    comparedTo: URIRef
    ofTotal: URIRef
    maxValue: URIRef
    # --- provenance
    evidence: URIRef
    evidenceText: URIRef
    spanText: URIRef
    startOffset: URIRef
    endOffset: URIRef
    confidence: URIRef


# Prefixes written into Turtle/TriG/JSON-LD output and offered to SPARQL queries.
PREFIXES: dict[str, str] = {
    "kg": KG_IRI,
    "person": f"{ID_IRI}person/",
    "body": f"{ID_IRI}body/",
    "locality": f"{ID_IRI}locality/",
    "role": f"{ID_IRI}role/",
    "indicator": f"{ID_IRI}indicator/",
    "article": f"{ID_IRI}article/",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": str(OWL),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "dct": str(DCTERMS),
    "qb": str(QB),
    "foaf": str(FOAF),
}

# Namespaces whose terms the emitter may use besides KG; each is a DefinedNamespace (or, for
# schema.org, a namespace whose known terms are listed in its annotations).
REUSED = {
    "org": ORG,
    "prov": PROV,
    "schema": SCHEMA,
    "skos": SKOS,
    "dct": DCTERMS,
    "qb": QB,
    "foaf": FOAF,
    "rdf": RDF,
    "rdfs": RDFS,
}

__all__ = [
    "DCTERMS",
    "FOAF",
    "ID",
    "ID_IRI",
    "KG",
    "KG_IRI",
    "ONTOLOGY_DIR",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "QUERIES_DIR",
    "RDF",
    "RDFS",
    "REUSED",
    "SCHEMA",
    "SH",
    "SKOS",
    "XSD",
]
