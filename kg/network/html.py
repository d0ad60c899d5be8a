"""A self-contained interactive page: vis-network (the copy pyvis ships) inlined, no request
leaves the machine.

Labels and texts are Vietnamese; nodes are coloured and shaped by type and sized by degree;
hovering a node or link shows its details (posts, dates, evidence sentence); a search box
finds people, events and places by name (accents optional). The graph's data sits in the
page as JSON (``<script id="kg-data">``), and the page exposes ``window.kgNetwork`` (the vis
Network) and ``window.kgData``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
from markupsafe import Markup

from kg.network.data import vi_date
from kg.network.style import EDGE_COLOURS, EDGE_DASHED, SHAPES, node_colour, node_size
from kg.network.views import EDGE_KIND_VI, EVIDENCE_SEP, SEP, TYPE_VI, describe

VIS_VERSION = "9.1.2"
TEMPLATE = Path(__file__).with_name("page.html")
MAX_EVIDENCE = 3
MAX_SENTENCE = 320


def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS, from the pyvis package (nothing is fetched)."""
    lib = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return js, css


_CLOSING = re.compile(r"</(script|style)", re.IGNORECASE)


def _inline(text: str) -> Markup:
    """Text safe inside ``<script>``/``<style>``: no closing tag, no comment opener (only
    these are touched: vis-network's code has ``/</`` regular expressions)."""
    return Markup(_CLOSING.sub(r"<\\/\1", text).replace("<!--", "<\\!--"))


def _sentences(text: str) -> list[str]:
    out = []
    for sentence in [s for s in (text or "").split(EVIDENCE_SEP) if s][:MAX_EVIDENCE]:
        cut = sentence if len(sentence) <= MAX_SENTENCE else sentence[:MAX_SENTENCE] + "…"
        out.append(f"“{cut}”")
    return out


def _when(attrs: dict) -> str:
    start, end = attrs.get("start"), attrs.get("end")
    if not start:
        return ""
    return vi_date(start) if start == end else f"{vi_date(start)} – {vi_date(end)}"


def node_hover(graph: nx.Graph, node: str) -> str:
    a = graph.nodes[node]
    kind = a.get("type", "")
    lines = [a.get("title") or a.get("label", node) if kind == "event" else a.get("label", node)]
    lines.append(f"{TYPE_VI.get(kind, kind)} · {graph.degree(node)} liên kết")
    if kind == "person":
        if a.get("posts"):
            lines.append("Chức vụ:")
            lines.extend(f"  • {p}" for p in a["posts"].split(SEP))
        if a.get("events"):
            lines.append(f"Số sự kiện đã dự: {a['events']}")
        if _when(a):
            lines.append(f"Thời gian: {_when(a)}")
    elif kind == "event":
        lines.append(f"Ngày: {vi_date(a.get('date', '')) or 'không rõ'}")
        if a.get("organizer"):
            lines.append(f"Đơn vị tổ chức: {a['organizer']}")
        if a.get("locality"):
            where = a["locality"]
            if a.get("province") and a["province"] not in where:
                where += f" ({a['province']})"
            lines.append(f"Địa phương: {where}")
        if a.get("article"):
            lines.append(f"Bài báo: {a['article']}")
        lines.extend(_sentences(a.get("evidence", "")))
    elif kind == "locality":
        if a.get("province") and a.get("level") != "province":
            lines.append(f"Thuộc tỉnh {a['province']}")
    elif kind == "body":
        extra = [x for x in (a.get("class_vi"), a.get("locality")) if x]
        if extra:
            lines.append(" · ".join(extra))
    return "\n".join(lines)


def edge_hover(graph: nx.Graph, u: str, v: str) -> str:
    e = graph.edges[u, v]
    if graph.nodes[u].get("type") != "person" and graph.nodes[v].get("type") == "person":
        u, v = v, u
    left, right = graph.nodes[u].get("label", u), graph.nodes[v].get("label", v)
    kind = e.get("kind", "")
    lines = [f"{left} — {right}", EDGE_KIND_VI.get(kind, kind)]
    if e.get("roles_vi"):
        lines.append(f"Vai trò: {e['roles_vi'].replace(SEP, ', ')}")
    if e.get("roles"):
        if not e.get("roles_vi"):
            lines.append(f"Chức vụ: {e['roles'].replace(SEP, ', ')}")
    if e.get("via"):
        lines.append("Qua:")
        lines.extend(f"  • {x}" for x in e["via"].split(SEP))
    if e.get("shared_events"):
        lines.append(f"Cùng dự {e.get('weight', 0):g} sự kiện:")
        lines.extend(f"  • {x}" for x in e["shared_events"].split(SEP))
    if kind != "attended" and e.get("weight") is not None and kind != "part_of":
        lines.append(f"Trọng số: {e['weight']:g}")
    if _when(e):
        lines.append(f"Thời gian: {_when(e)}")
    lines.extend(_sentences(e.get("evidence", "")))
    return "\n".join(lines)


def page_data(graph: nx.Graph) -> dict:
    nodes = []
    for node, a in graph.nodes(data=True):
        kind = a.get("type", "")
        nodes.append(
            {
                "id": node,
                "label": a.get("label", node),
                "type": kind,
                "type_vi": TYPE_VI.get(kind, kind),
                "degree": graph.degree(node),
                "colour": node_colour(kind),
                "shape": SHAPES.get(kind, "dot"),
                "size": node_size(graph.degree(node)),
                "date": a.get("date", ""),
                "hover": node_hover(graph, node),
            }
        )
    edges = []
    for u, v, e in graph.edges(data=True):
        weight = float(e.get("weight", 1.0))
        kind = e.get("kind", "")
        edges.append(
            {
                "source": u,
                "target": v,
                "kind": kind,
                "weight": weight,
                "width": round(min(1 + 1.2 * (weight - 1), 8), 2),
                "colour": EDGE_COLOURS.get(kind, "#999999"),
                "dashed": kind in EDGE_DASHED,
                "hover": edge_hover(graph, u, v),
            }
        )
    return {
        "view": graph.graph.get("view", ""),
        "title": graph.graph.get("title", ""),
        "store": graph.graph.get("store", ""),
        "filters": graph.graph.get("filters", ""),
        "nodes": nodes,
        "edges": edges,
    }


def to_html(graph: nx.Graph) -> str:
    """The page, as one string with every script and style inlined."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    js, css = vis_assets()
    data = page_data(graph)
    types = Counter(n["type"] for n in data["nodes"])
    kinds = Counter(e["kind"] for e in data["edges"])
    return template.render(
        title=graph.graph.get("title") or "Mạng lưới",
        subtitle=describe(graph),
        vis_js=_inline(js),
        vis_css=_inline(css),
        data_json=_inline(json.dumps(data, ensure_ascii=False)),
        names=sorted({n["label"] for n in data["nodes"]}),
        node_legend=[
            {
                "name": TYPE_VI.get(t, t),
                "colour": node_colour(t),
                "shape": SHAPES.get(t, "dot"),
                "count": c,
            }
            for t, c in types.items()
        ],
        edge_legend=[
            {
                "name": EDGE_KIND_VI.get(k, k),
                "colour": EDGE_COLOURS.get(k, "#999"),
                "dashed": k in EDGE_DASHED,
                "count": c,
            }
            for k, c in kinds.items()
        ],
    )


__all__ = ["edge_hover", "node_hover", "page_data", "to_html", "vis_assets"]
