"""Static pictures for reports (PNG, SVG) with matplotlib's Agg backend.

Two-mode views (attendance, officials, bodies) are drawn in two columns, people on the left
and events, places or bodies on the right, each column ordered to keep links short
(barycentre sweeps); co-attendance gets a force-directed layout. Nodes are coloured and
shaped by type and sized by degree; the title says what is drawn and from which store, and a
legend names the types and link kinds.
"""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path
from typing import BinaryIO

import matplotlib

matplotlib.use("Agg")

import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

from kg.network.style import (  # noqa: E402
    EDGE_COLOURS,
    EDGE_DASHED,
    MARKERS,
    node_colour,
    node_size,
)
from kg.network.views import EDGE_KIND_VI, TYPE_VI, describe  # noqa: E402

FONT = "DejaVu Sans"  # matplotlib's own font; it has every Vietnamese letter
MAX_LABELS = 160  # per column at least; past what fits, only the most connected
SWEEPS = 6
DPI = 150


def _bipartite(graph: nx.Graph) -> bool:
    kinds = {t for _, t in graph.nodes(data="type")}
    return graph.graph.get("view") != "co-attendance" and "person" in kinds and len(kinds) > 1


def _start_key(graph: nx.Graph, node: str) -> tuple:
    a = graph.nodes[node]
    level = {"province": 0, "district": 1, "commune": 2}.get(a.get("level", ""), 3)
    return (a.get("province", ""), a.get("date", ""), level, a.get("label", node))


def _sweep(order: list[str], other: dict[str, float], graph: nx.Graph) -> list[str]:
    """Reorder ``order`` by the mean position of each node's neighbours in ``other``."""
    index = {n: i / max(len(order) - 1, 1) for i, n in enumerate(order)}

    def centre(node: str) -> float:
        around = [other[m] for m in graph[node] if m in other]
        return sum(around) / len(around) if around else index[node]

    return sorted(order, key=lambda n: (centre(n), index[n]))


def two_columns(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """People at x=0, the other mode at x=1, both columns spread over y in [0, 1]."""
    left = sorted(
        (n for n, t in graph.nodes(data="type") if t == "person"),
        key=lambda n: graph.nodes[n].get("label", n),
    )
    right = sorted(
        (n for n, t in graph.nodes(data="type") if t != "person"),
        key=lambda n: _start_key(graph, n),
    )

    def spread(order: list[str]) -> dict[str, float]:
        return {n: i / max(len(order) - 1, 1) for i, n in enumerate(order)}

    for _ in range(SWEEPS):
        left = _sweep(left, spread(right), graph)
        right = _sweep(right, spread(left), graph)
    pos = {n: (0.0, 1.0 - y) for n, y in spread(left).items()}
    pos.update({n: (1.0, 1.0 - y) for n, y in spread(right).items()})
    return pos


def layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    if graph.number_of_nodes() == 0:
        return {}
    if _bipartite(graph):
        return two_columns(graph)
    return packed(graph)


def packed(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Each connected group laid out on its own (spring layout on damped weights), scaled
    to the square root of its size, and the groups set in rows, largest first."""
    groups = sorted(
        nx.connected_components(graph),
        key=lambda c: (-len(c), min(graph.nodes[n].get("label", n) for n in c)),
    )
    width = max(math.sqrt(graph.number_of_nodes()) * 2.2, 4.0)
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for group in groups:
        sub = nx.Graph()
        sub.add_nodes_from(sorted(group))
        sub.add_edges_from(
            (u, v, {"w": 1 + math.log(float(w))})
            for u, v, w in graph.subgraph(group).edges(data="weight", default=1.0)
        )
        side = 1.2 * math.sqrt(len(group)) if len(group) > 1 else 0.6
        if len(group) == 1:
            local = {next(iter(group)): (0.0, 0.0)}
        else:
            local = nx.spring_layout(
                sub,
                k=1.6 / math.sqrt(len(group)),
                weight="w",
                seed=7,
                iterations=300,
                scale=side / 2,
            )
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - 0.8, 0.0
        for node, (px, py) in local.items():
            pos[node] = (float(x + side / 2 + px), float(y - side / 2 + py))
        x += side + 0.8
        row_height = max(row_height, side)
    return pos


def _labelled(graph: nx.Graph, nodes: list[str], limit: int) -> set[str]:
    if len(nodes) <= limit:
        return set(nodes)
    return set(sorted(nodes, key=lambda n: -graph.degree(n))[:limit])


def draw(graph: nx.Graph, output: str | Path | BinaryIO, fmt: str = "png") -> nx.Graph:
    """Draw ``graph`` to ``output`` as PNG or SVG; returns the drawn graph (a copy whose
    nodes carry their ``x``, ``y`` position)."""
    if fmt not in ("png", "svg"):
        raise ValueError(f"cannot draw {fmt!r}: png or svg")
    drawn = graph.copy()
    pos = layout(drawn)
    for node, (x, y) in pos.items():
        drawn.nodes[node]["x"], drawn.nodes[node]["y"] = x, y
    two_mode = _bipartite(drawn)
    columns = Counter(x for x, _ in pos.values())
    tallest = max(columns.values(), default=1)
    if two_mode:
        height = min(max(0.3 * tallest + 2.5, 7.0), 90.0)
        width = 12.5
    else:
        side = min(max(math.sqrt(drawn.number_of_nodes()) * 2.4, 9.0), 40.0)
        width, height = side + 3, side
    with matplotlib.rc_context({"font.family": FONT, "svg.fonttype": "none"}):
        fig = Figure(figsize=(width, height), layout="constrained")
        ax = fig.add_subplot()
        ax.set_axis_off()
        _edges(ax, drawn, pos)
        _nodes(ax, drawn, pos)
        # as many labels as the height holds (about 11 points a line)
        _labels(ax, drawn, pos, two_mode, max(MAX_LABELS, int(height * 72 / 11)))
        if two_mode:
            ax.set_xlim(-0.75, 1.75)
            pad = 0.6 / max(tallest - 1, 1)  # about half a row
            ax.set_ylim(-pad, 1 + pad)
            heads = Counter(drawn.nodes[n].get("type") for n in drawn if pos[n][0] == 1.0)
            other = TYPE_VI.get(heads.most_common(1)[0][0], "") if heads else ""
            for x, text in ((0.0, TYPE_VI["person"]), (1.0, other)):
                ax.annotate(
                    text,
                    xy=(x, 1.0),
                    xycoords=("data", "axes fraction"),
                    xytext=(0, 6),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=12,
                    weight="bold",
                    color="#333",
                )
        else:
            ax.margins(0.12)
        fig.suptitle(drawn.graph.get("title") or "Mạng lưới", fontsize=15, weight="bold")
        # room under the subtitle for the column headings of a two-column drawing
        ax.set_title(describe(drawn), fontsize=10.5, color="#444", pad=26 if two_mode else 6)
        _legend(fig, ax, drawn)
        fig.savefig(output, format=fmt, dpi=DPI, facecolor="white")
    return drawn


def _edges(ax, graph: nx.Graph, pos) -> None:
    for u, v, e in graph.edges(data=True):
        kind = e.get("kind", "")
        weight = float(e.get("weight", 1.0))
        style = dict(
            color=EDGE_COLOURS.get(kind, "#999999"),
            linewidth=min(0.8 + 0.9 * (weight - 1), 6.0),
            linestyle="--" if kind in EDGE_DASHED else "-",
            alpha=0.7,
            zorder=1,
        )
        (x1, y1), (x2, y2) = pos[u], pos[v]
        if x1 == x2 and _bipartite(graph):  # two bodies in one column: an arc beside it
            if y1 > y2:
                (x1, y1), (x2, y2) = (x2, y2), (x1, y1)
            ax.add_patch(
                FancyArrowPatch(
                    (x1, y1), (x2, y2), arrowstyle="-", connectionstyle="arc3,rad=-0.35", **style
                )
            )
        else:
            ax.plot([x1, x2], [y1, y2], **style)


def _nodes(ax, graph: nx.Graph, pos) -> None:
    by_type: dict[str, list[str]] = {}
    for node, kind in graph.nodes(data="type"):
        by_type.setdefault(kind or "", []).append(node)
    for kind, nodes in by_type.items():
        ax.scatter(
            [pos[n][0] for n in nodes],
            [pos[n][1] for n in nodes],
            s=[node_size(graph.degree(n)) ** 2 * 0.45 for n in nodes],
            c=node_colour(kind),
            marker=MARKERS.get(kind, "o"),
            edgecolors="#333333",
            linewidths=0.6,
            zorder=3,
        )


def _labels(ax, graph: nx.Graph, pos, two_mode: bool, limit: int) -> None:
    shown = _labelled(
        graph, [n for n in graph if pos[n][0] == 0.0] if two_mode else list(graph), limit
    )
    if two_mode:
        shown |= _labelled(graph, [n for n in graph if pos[n][0] == 1.0], limit)
    for node in shown:
        x, y = pos[node]
        label = graph.nodes[node].get("label", node)
        size = 9.5 if graph.nodes[node].get("type") == "person" else 9
        if two_mode:
            left = x == 0.0
            ax.text(
                x - 0.035 if left else x + 0.035,
                y,
                label,
                ha="right" if left else "left",
                va="center",
                fontsize=size,
                zorder=4,
            )
        else:
            ax.annotate(
                label,
                (x, y),
                xytext=(0, 9),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=size,
                zorder=4,
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.7),
            )


def _legend(fig, ax, graph: nx.Graph) -> None:
    types = Counter(t for _, t in graph.nodes(data="type"))
    kinds = Counter(k for _, _, k in graph.edges(data="kind"))
    handles = [
        Line2D(
            [],
            [],
            linestyle="",
            marker=MARKERS.get(t, "o"),
            markersize=10,
            markerfacecolor=node_colour(t),
            markeredgecolor="#333333",
            label=f"{TYPE_VI.get(t, t)} ({n})",
        )
        for t, n in types.items()
    ]
    handles += [
        Line2D(
            [],
            [],
            color=EDGE_COLOURS.get(k, "#999999"),
            linewidth=2,
            linestyle="--" if k in EDGE_DASHED else "-",
            label=f"{EDGE_KIND_VI.get(k, k)} ({n})",
        )
        for k, n in kinds.items()
    ]
    handles.append(Line2D([], [], linestyle="", label="cỡ nút: theo số liên kết"))
    if handles:
        fig.legend(
            handles=handles,
            loc="outside lower center",
            ncol=min(len(handles), 4),
            fontsize=10,
            frameon=False,
        )


__all__ = ["draw", "layout", "two_columns"]
