"""SHACL validation of the store (``kg validate``) against ``ontology/shapes.ttl``."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, Store, serialize

from kg.namespace import ONTOLOGY_DIR, RDF, SH
from kg.store import union_triples

SHAPES = ONTOLOGY_DIR / "shapes.ttl"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"


@dataclass
class Violation:
    shape: str
    focus: str
    path: str
    message: str
    severity: str


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def by_shape(self) -> dict[str, list[Violation]]:
        groups: dict[str, list[Violation]] = defaultdict(list)
        for v in self.violations:
            groups[v.shape].append(v)
        return dict(sorted(groups.items()))


def validate_graph(data, shapes: Path = SHAPES) -> ValidationReport:
    """Validate an rdflib graph against the shapes (no inference; the emitter materializes)."""
    import pyshacl
    from rdflib import Graph

    shapes_graph = Graph().parse(shapes, format="turtle")
    conforms, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", advanced=True, allow_warnings=True
    )
    violations = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        def one(pred, result=result):
            value = results.value(result, pred)
            return "" if value is None else str(value)

        shape = results.value(result, SH.sourceShape)
        label = _shape_label(shapes_graph, shape)
        violations.append(Violation(
            label, one(SH.focusNode), one(SH.resultPath), one(SH.resultMessage),
            one(SH.resultSeverity).rsplit("#", 1)[-1],
        ))
    violations.sort(key=lambda v: (v.shape, v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), violations)


def _shape_label(shapes_graph, shape) -> str:
    from rdflib import URIRef

    if shape is None:
        return "?"
    if isinstance(shape, URIRef):
        return _local(shape)
    # A property shape: name it by its node shape and path.
    for node_shape in shapes_graph.subjects(SH.property, shape):
        path = shapes_graph.value(shape, SH.path)
        return f"{_local(node_shape)} {_local(path)}"
    return _local(shape)


def _local(term) -> str:
    text = str(term)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[-1]
    return text or str(term)


def store_graph(store: Store):
    """The union of the store's graphs as an rdflib Graph."""
    from rdflib import Graph

    data = serialize(union_triples(store), format=RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def validate_store(store: Store, shapes: Path = SHAPES) -> ValidationReport:
    return validate_graph(store_graph(store), shapes)
