"""The on-disk pyoxigraph store: one named graph per article, bulk loaded.

Loading an article first drops its named graph, so building an article again replaces what
was there (builds are idempotent). Queries see the union of all graphs as the default graph.
Commands that only read open the store read-only.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Variable, serialize

from kg.namespace import PREFIXES
from kg.rdf import FORMATS, article_graph, jsonld

DEFAULT_STORE = "kg-store"
ENV_VAR = "KG_STORE"


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message says what to do."""


def store_path(path: str | Path | None = None) -> Path:
    """``path``, else ``$KG_STORE``, else ``./kg-store``."""
    return Path(path or os.environ.get(ENV_VAR) or DEFAULT_STORE)


def open_store(path: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (or, unless ``read_only``, create) the store at :func:`store_path` ``(path)``."""
    where = store_path(path)
    if read_only:
        if not where.is_dir():
            raise StoreError(
                f"no store at {where}: build one with `kg build PATH --store {where}` "
                f"(or point --store / {ENV_VAR} at an existing store)"
            )
        try:
            return Store.read_only(str(where))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {where}: {exc}") from exc
    try:
        where.mkdir(parents=True, exist_ok=True)
        return Store(str(where))
    except OSError as exc:
        raise StoreError(f"cannot open the store at {where} for writing: {exc}") from exc


def replace_graphs(store: Store, graphs: Iterable[tuple[str, bytes]]) -> None:
    """Replace each article's named graph by the given N-Quads, with one bulk load.

    ``graphs`` is ``(article id, N-Quads bytes)``; the N-Quads must all be in that article's
    graph (as :func:`kg.rdf.article_quads` makes them).
    """
    graphs = list(graphs)
    for article_id, _ in graphs:
        store.remove_graph(article_graph(article_id))
    data = b"".join(nquads for _, nquads in graphs)
    if data:
        store.bulk_load(input=data, format=RdfFormat.N_QUADS)


def query(store: Store, sparql: str, params: dict[str, object] | None = None):
    """Run SPARQL over the union of the article graphs, the project's prefixes predeclared.

    ``params`` binds variables to RDF terms (pyoxigraph ``substitutions``), never by pasting
    text into the query.
    """
    substitutions = {Variable(name): term for name, term in (params or {}).items()}
    return store.query(
        sparql,
        use_default_graph_as_union=True,
        prefixes=PREFIXES,
        substitutions=substitutions or None,
    )


def graph_node(graph: str) -> NamedNode:
    """A graph given as an IRI, or as an article id."""
    if "://" in graph:
        return NamedNode(graph)
    return article_graph(graph)


def union_triples(store: Store, graph: NamedNode | None = None) -> Iterator:
    """The distinct triples of one graph or of all of them."""
    seen: dict = {}
    for quad in store.quads_for_pattern(None, None, None, graph):
        seen.setdefault(quad.triple, None)
    return iter(seen)


def count_triples(store: Store) -> int:
    """Distinct triples over all graphs (what a Turtle export holds)."""
    return sum(1 for _ in union_triples(store))


def count_quads(store: Store) -> int:
    return len(store)


def export(store: Store, output: BinaryIO, fmt: str = "turtle", graph: str | None = None) -> None:
    """Write the store (or one article's graph) as Turtle, TriG, N-Quads or JSON-LD.

    Turtle has no graphs, so it holds the union of the graphs' triples.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = graph_node(graph) if graph else None
    if target is not None and not any(True for _ in store.quads_for_pattern(None, None, None,
                                                                            target)):
        raise StoreError(f"no graph {target.value} in the store")
    if fmt == "turtle":
        serialize(union_triples(store, target), output, RdfFormat.TURTLE, prefixes=PREFIXES)
    elif fmt in ("trig", "nquads"):
        rdf_format = RdfFormat.TRIG if fmt == "trig" else RdfFormat.N_QUADS
        prefixes = PREFIXES if fmt == "trig" else None
        if target is None:
            store.dump(output, rdf_format, prefixes=prefixes)
        else:
            quads = store.quads_for_pattern(None, None, None, target)
            serialize(quads, output, rdf_format, prefixes=prefixes)
    else:
        buffer = io.BytesIO()
        if target is None:
            store.dump(buffer, RdfFormat.N_QUADS)
        else:
            serialize(store.quads_for_pattern(None, None, None, target), buffer,
                      RdfFormat.N_QUADS)
        output.write(jsonld(buffer.getvalue()))


def article_ids(store: Store) -> list[str]:
    """Ids of the articles in the store."""
    rows = query(store, "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?g a kg:Article ; "
                        "dct:identifier ?id } } ORDER BY ?id")
    return [row["id"].value for row in rows]


__all__ = [
    "DEFAULT_STORE", "ENV_VAR", "Quad", "StoreError", "article_ids", "count_quads",
    "count_triples", "export", "graph_node", "open_store", "query", "replace_graphs",
    "store_path", "union_triples",
]
