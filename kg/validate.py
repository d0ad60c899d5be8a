"""SHACL validation of the store (``kg validate``) against ``ontology/shapes.ttl``."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode as OxNamedNode
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
        violations.append(
            Violation(
                label,
                one(SH.focusNode),
                one(SH.resultPath),
                one(SH.resultMessage),
                one(SH.resultSeverity).rsplit("#", 1)[-1],
            )
        )
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


# --------------------------------------------------------------------------- build-time checks
# The build checks each article's quads against the hard constraints of the shapes (severity
# sh:Violation, the default) before loading them, and refuses the facts that break one: a
# fact's quads are dropped (those about it and those pointing at it), repeatedly, until what
# is left conforms. Only the constraints the shapes use are implemented (counts, datatypes,
# sh:in, sh:class, sh:nodeKind, sh:or of datatypes, numeric bounds) on predicate paths; a
# test checks that this agrees with pyshacl on the seed articles and on broken facts.

_XSD = "http://www.w3.org/2001/XMLSchema#"
_LEXICAL = {
    f"{_XSD}decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    f"{_XSD}integer": re.compile(r"^[+-]?\d+$"),
    f"{_XSD}boolean": re.compile(r"^(true|false|0|1)$"),
    f"{_XSD}date": re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
    f"{_XSD}gYearMonth": re.compile(r"^-?\d{4,}-(0[1-9]|1[0-2])$"),
    f"{_XSD}gYear": re.compile(r"^-?\d{4,}$"),
}
_TYPE_IRI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@dataclass(frozen=True)
class PropertyRule:
    path: str
    min_count: int | None = None
    max_count: int | None = None
    datatypes: tuple[str, ...] = ()  # any of (sh:datatype, or sh:or of sh:datatype)
    values: frozenset | None = None  # sh:in, as N-Triples strings of the terms
    cls: str | None = None
    iri_only: bool = False
    min_inclusive: float | None = None
    max_inclusive: float | None = None
    message: str = ""

    @property
    def checks_values(self) -> bool:
        """False for a rule that only counts values (each value need not be looked at)."""
        return bool(
            self.iri_only
            or self.datatypes
            or self.values is not None
            or self.cls is not None
            or self.min_inclusive is not None
            or self.max_inclusive is not None
        )


@dataclass(frozen=True)
class NodeRule:
    name: str
    target_classes: tuple[str, ...] = ()
    target_subjects_of: tuple[str, ...] = ()
    target_objects_of: tuple[str, ...] = ()
    iri_only: bool = False
    cls: str | None = None
    properties: tuple[PropertyRule, ...] = ()


@dataclass(frozen=True)
class Refusal:
    """A fact the build refused: the node, the shape and constraint it breaks, and why."""

    focus: str
    shape: str
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.shape} {self.path}".strip()
        return f"{self.focus} breaks {where}: {self.message}"


def _nt(term) -> str:
    """An rdflib or pyoxigraph term as comparable text."""
    from rdflib import Literal as RdfLiteral
    from rdflib import URIRef

    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, RdfLiteral):
        datatype = str(term.datatype) if term.datatype else f"{_XSD}string"
        return f"{str(term)!r}^^{datatype}"
    value = getattr(term, "value", str(term))
    if hasattr(term, "datatype"):
        return f"{value!r}^^{term.datatype.value}"
    return f"<{value}>"


@lru_cache(maxsize=4)
def hard_rules(shapes: Path = SHAPES) -> tuple[NodeRule, ...]:
    """The node shapes of ``shapes`` as rules, only their sh:Violation constraints."""
    from rdflib import Graph
    from rdflib.collection import Collection

    g = Graph().parse(shapes, format="turtle")

    def violation(node) -> bool:
        severity = g.value(node, SH.severity)
        return severity is None or severity == SH.Violation

    def number(node, pred):
        value = g.value(node, pred)
        return None if value is None else float(value)

    def prop_rule(p) -> PropertyRule | None:
        path = g.value(p, SH.path)
        if path is None or not violation(p) or not str(path).startswith("http"):
            return None
        datatypes = [str(d) for d in g.objects(p, SH.datatype)]
        for alternatives in g.objects(p, getattr(SH, "or")):
            for alt in Collection(g, alternatives):
                datatypes += [str(d) for d in g.objects(alt, SH.datatype)]
        values = None
        for listed in g.objects(p, getattr(SH, "in")):
            values = frozenset(_nt(v) for v in Collection(g, listed))
        count = g.value(p, SH.minCount)
        most = g.value(p, SH.maxCount)
        cls = g.value(p, SH["class"])
        return PropertyRule(
            str(path),
            None if count is None else int(count),
            None if most is None else int(most),
            tuple(datatypes),
            values,
            None if cls is None else str(cls),
            g.value(p, SH.nodeKind) == SH.IRI,
            number(p, SH.minInclusive),
            number(p, SH.maxInclusive),
            str(g.value(p, SH.message) or ""),
        )

    rules = []
    for shape in sorted(set(g.subjects(RDF.type, SH.NodeShape)), key=str):
        if not violation(shape):
            continue
        props = tuple(r for p in g.objects(shape, SH.property) if (r := prop_rule(p)))
        cls = g.value(shape, SH["class"])
        rules.append(
            NodeRule(
                _local(shape),
                tuple(str(c) for c in g.objects(shape, SH.targetClass)),
                tuple(str(c) for c in g.objects(shape, SH.targetSubjectsOf)),
                tuple(str(c) for c in g.objects(shape, SH.targetObjectsOf)),
                g.value(shape, SH.nodeKind) == SH.IRI,
                None if cls is None else str(cls),
                props,
            )
        )
    return tuple(rules)


def _value_problem(rule: PropertyRule, value, types: dict[str, set[str]]) -> str:
    if rule.iri_only and not isinstance(value, OxNamedNode):
        return "value is not an IRI"
    if rule.datatypes:
        if not isinstance(value, OxLiteral) or value.language:
            return f"value is not a literal of {', '.join(map(_local, rule.datatypes))}"
        datatype = value.datatype.value
        if datatype not in rule.datatypes:
            wanted = ", ".join(map(_local, rule.datatypes))
            return f"value has datatype {_local(datatype)}, not {wanted}"
        lexical = _LEXICAL.get(datatype)
        if lexical is not None and not lexical.match(value.value):
            return f"{value.value!r} is not a valid {_local(datatype)}"
    if rule.values is not None and _nt(value) not in rule.values:
        return f"{getattr(value, 'value', value)!r} is not an allowed value"
    if rule.cls is not None and rule.cls not in types.get(getattr(value, "value", ""), ()):
        return f"value is not a {_local(rule.cls)}"
    if rule.min_inclusive is not None or rule.max_inclusive is not None:
        try:
            number = float(value.value)
        except (AttributeError, ValueError):
            return "value is not a number"
        if rule.min_inclusive is not None and number < rule.min_inclusive:
            return f"{value.value} is below {rule.min_inclusive:g}"
        if rule.max_inclusive is not None and number > rule.max_inclusive:
            return f"{value.value} is above {rule.max_inclusive:g}"
    return ""


def hard_violations(quads: Iterable, rules: tuple[NodeRule, ...] | None = None) -> list[Refusal]:
    """Every node of ``quads`` (one article's graph) that breaks a hard constraint."""
    return statement_violations(((q.subject, q.predicate.value, q.object) for q in quads), rules)


def statement_violations(
    statements: Iterable[tuple], rules: tuple[NodeRule, ...] | None = None
) -> list[Refusal]:
    """:func:`hard_violations` of ``(subject, predicate IRI, object)`` statements."""
    rules = hard_rules() if rules is None else rules
    types: dict[str, set[str]] = defaultdict(set)
    values: dict[tuple[str, str], list] = defaultdict(list)
    subjects_of: dict[str, set[str]] = defaultdict(set)
    objects_of: dict[str, set[str]] = defaultdict(set)
    nodes: dict[str, object] = {}
    seen: set[tuple] = set()
    for subject, p, o in statements:
        s = subject.value
        if (s, p, o) in seen:  # the same triple in two graphs counts once
            continue
        seen.add((s, p, o))
        nodes.setdefault(s, subject)
        values[(s, p)].append(o)
        subjects_of[p].add(s)
        if isinstance(o, OxNamedNode):
            objects_of[p].add(o.value)
            nodes.setdefault(o.value, o)
            if p == _TYPE_IRI:
                types[s].add(o.value)
    by_class: dict[str, set[str]] = defaultdict(set)
    for s, classes in types.items():
        for c in classes:
            by_class[c].add(s)
    found: list[Refusal] = []
    for rule in rules:
        focus: set[str] = set()
        for c in rule.target_classes:
            focus |= by_class.get(c, set())
        for p in rule.target_subjects_of:
            focus |= subjects_of.get(p, set())
        for p in rule.target_objects_of:
            focus |= objects_of.get(p, set())
        for f in sorted(focus):
            if rule.iri_only and not isinstance(nodes.get(f), OxNamedNode):
                found.append(Refusal(f, rule.name, "", "is not an IRI"))
            if rule.cls is not None and rule.cls not in types.get(f, ()):
                found.append(Refusal(f, rule.name, "", f"is not a {_local(rule.cls)}"))
            for prop in rule.properties:
                objs = values.get((f, prop.path), [])
                problem = ""
                if prop.min_count is not None and len(objs) < prop.min_count:
                    problem = (
                        f"has {len(objs)} {_local(prop.path)}, needs at least {prop.min_count}"
                    )
                elif prop.max_count is not None and len(objs) > prop.max_count:
                    problem = f"has {len(objs)} {_local(prop.path)}, at most {prop.max_count}"
                elif prop.checks_values:
                    problem = next((m for o in objs if (m := _value_problem(prop, o, types))), "")
                if problem:
                    why = f"{problem} ({prop.message})" if prop.message else problem
                    found.append(Refusal(f, rule.name, _local(prop.path), why))
    return found


def refuse_broken_facts(
    statements: list[tuple], rules: tuple[NodeRule, ...] | None = None, rounds: int = 10
) -> tuple[list[tuple], list[Refusal]]:
    """``statements`` (subject, predicate IRI, object) of one article without the facts that
    break a hard constraint, and those refusals.

    Dropping a node can break another (a participation whose event was refused), so this
    repeats until nothing breaks.
    """
    refused: list[Refusal] = []
    for _ in range(rounds):
        broken = statement_violations(statements, rules)
        if not broken:
            return statements, refused
        refused.extend(broken)
        drop = {r.focus for r in broken}
        statements = [
            (s, p, o)
            for s, p, o in statements
            if s.value not in drop and getattr(o, "value", None) not in drop
        ]
    return statements, refused
