"""Write a view: GEXF, GraphML, JSON (node-link), DOT, HTML, PNG or SVG.

GEXF and GraphML keep every node and edge attribute (strings and numbers); GEXF also gets
Gephi's time intervals (``start``/``end``) and ``viz`` colour and size, so a graph opens
coloured by type. Both read back with :func:`networkx.read_gexf` / :func:`read_graphml`.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from kg.network.style import node_colour, node_size

FORMATS = ("html", "png", "svg", "graphml", "gexf", "dot", "json")
BINARY = ("png",)


def infer_format(path: str | Path | None, fmt: str | None = None) -> str:
    """``fmt``, else the output file's suffix, else ``html``."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    if suffix == "htm":
        suffix = "html"
    return suffix if suffix in FORMATS else "html"


def _clean(graph: nx.Graph) -> nx.Graph:
    """A copy without empty or ``None`` values (GraphML and GEXF have no null)."""
    out = graph.__class__()
    out.graph.update({k: v for k, v in graph.graph.items() if v not in (None, "")})
    for node, attrs in graph.nodes(data=True):
        out.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
    for u, v, attrs in graph.edges(data=True):
        out.add_edge(u, v, **{k: v for k, v in attrs.items() if v is not None})
    return out


def to_graphml(graph: nx.Graph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(_clean(graph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def to_gexf(graph: nx.Graph) -> bytes:
    clean = _clean(graph)
    for node, attrs in clean.nodes(data=True):
        red, green, blue = node_colour(attrs.get("type", ""), rgb=True)
        attrs["viz"] = {
            "color": {"r": red, "g": green, "b": blue, "a": 1.0},
            "size": float(node_size(clean.degree(node))),
        }
    buffer = io.BytesIO()
    nx.write_gexf(clean, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def to_json(graph: nx.Graph) -> bytes:
    data = nx.node_link_data(_clean(graph), edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_dot(graph: nx.Graph) -> bytes:
    """Graphviz DOT (through pydot); node names are the IRIs' paths (``person/...``)."""
    clean = _clean(graph)
    names = {n: str(n).split("/id/", 1)[-1] for n in clean}
    relabelled = nx.relabel_nodes(clean, names)
    for node, attrs in relabelled.nodes(data=True):
        attrs.pop("name", None)  # pydot's own argument; the label holds the name
        attrs["iri"] = next(k for k, v in names.items() if v == node)
        attrs["color"] = node_colour(attrs.get("type", ""))
    dot = nx.nx_pydot.to_pydot(relabelled)
    dot.set_name("kg")
    return dot.to_string().encode("utf-8")


def render(graph: nx.Graph, fmt: str) -> bytes:
    """The view in ``fmt`` as bytes."""
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "gexf":
        return to_gexf(graph)
    if fmt == "json":
        return to_json(graph)
    if fmt == "dot":
        return to_dot(graph)
    if fmt == "html":
        from kg.network.html import to_html

        return to_html(graph).encode("utf-8")
    if fmt in ("png", "svg"):
        from kg.network.draw import draw

        buffer = io.BytesIO()
        draw(graph, buffer, fmt)
        return buffer.getvalue()
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write(graph: nx.Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the view to ``path`` (format from ``fmt`` or the suffix); returns the path."""
    path = Path(path)
    data = render(graph, infer_format(path, fmt))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


__all__ = [
    "BINARY",
    "FORMATS",
    "infer_format",
    "render",
    "to_dot",
    "to_gexf",
    "to_graphml",
    "to_json",
    "write",
]
