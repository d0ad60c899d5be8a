"""How node types and link kinds look, shared by the HTML page, the pictures and GEXF."""

from __future__ import annotations

import math

# Colour-blind-safe (Okabe-Ito) colours, one per node type.
COLOURS = {"person": "#0072B2", "event": "#E69F00", "locality": "#009E73", "body": "#CC79A7"}
OTHER = "#999999"
# vis-network shapes and matplotlib markers.
SHAPES = {"person": "dot", "event": "diamond", "locality": "square", "body": "triangle"}
MARKERS = {"person": "o", "event": "D", "locality": "s", "body": "^"}
EDGE_COLOURS = {
    "attended": "#7f7f7f",
    "co-attended": "#0072B2",
    "post": "#666666",
    "event": "#E69F00",
    "post+event": "#B2182B",
    "part_of": "#AA4499",
}
EDGE_DASHED = {"event", "part_of"}


def node_colour(kind: str, rgb: bool = False):
    colour = COLOURS.get(kind, OTHER)
    if not rgb:
        return colour
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def node_size(degree: int) -> float:
    """Grows with the square root of the degree, so hubs stand out without swamping."""
    return round(10 + 6 * math.sqrt(max(degree, 0)), 2)


__all__ = [
    "COLOURS",
    "EDGE_COLOURS",
    "EDGE_DASHED",
    "MARKERS",
    "SHAPES",
    "node_colour",
    "node_size",
]
