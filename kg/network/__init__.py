"""Network diagrams of the knowledge graph: who attended what, which officials work in which
localities, who holds posts in which bodies.

Graphs are built from SPARQL results on the store (``queries/network_*.rq``), filtered, summed
up (degree, betweenness, Louvain communities) and written as GEXF, GraphML, JSON, DOT, a
self-contained HTML page, or a PNG/SVG picture::

    from kg.network import Filters, NetworkData, build_view, write
    from kg.store import open_store
    data = NetworkData(open_store("out/kg-store", read_only=True), "out/kg-store")
    graph = build_view(data, "officials", Filters(province="Hà Tĩnh"))
    write(graph, "out/officials.png")
"""

from __future__ import annotations

from kg.network.data import Filters, NetworkData, NetworkError
from kg.network.export import FORMATS, write
from kg.network.summary import Summary, summarize
from kg.network.views import TITLES, VIEWS, build_view

__all__ = [
    "FORMATS",
    "TITLES",
    "VIEWS",
    "Filters",
    "NetworkData",
    "NetworkError",
    "Summary",
    "build_view",
    "summarize",
    "write",
]
