"""Centrality and communities of a view: who is most connected, who bridges, which groups."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

# Exact betweenness is cubic-ish; past this many nodes it is estimated from a sample.
EXACT_BETWEENNESS = 2000
SEED = 42


@dataclass
class Ranked:
    node: str
    label: str
    degree: int
    weighted_degree: float
    betweenness: float


@dataclass
class Community:
    number: int
    members: list[str]  # labels, people first, most connected first
    people: int


@dataclass
class Summary:
    nodes: int
    edges: int
    people: list[Ranked] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)


def summarize(graph: nx.Graph, top: int = 10) -> Summary:
    """The ``top`` people by degree (ties by betweenness) and the Louvain communities.

    Betweenness is normalized and computed over the whole graph (both modes of a two-mode
    view); communities come from :func:`networkx.community.louvain_communities` on the
    ``weight`` of the links, with a fixed seed so runs agree.
    """
    summary = Summary(graph.number_of_nodes(), graph.number_of_edges())
    if graph.number_of_nodes() == 0:
        return summary
    k = None if graph.number_of_nodes() <= EXACT_BETWEENNESS else EXACT_BETWEENNESS // 4
    between = nx.betweenness_centrality(graph, k=k, seed=SEED if k else None)
    strength = dict(graph.degree(weight="weight"))
    people = [n for n, t in graph.nodes(data="type") if t == "person"]
    ranked = sorted(
        people, key=lambda n: (-graph.degree(n), -between[n], graph.nodes[n].get("label", n))
    )
    summary.people = [
        Ranked(n, graph.nodes[n].get("label", n), graph.degree(n), float(strength[n]), between[n])
        for n in ranked[:top]
    ]
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    found = sorted(found, key=lambda c: (-len(c), min(graph.nodes[n].get("label", n) for n in c)))
    for number, members in enumerate(found, 1):
        order = sorted(
            members,
            key=lambda n: (
                graph.nodes[n].get("type") != "person",
                -graph.degree(n),
                graph.nodes[n].get("label", n),
            ),
        )
        summary.communities.append(
            Community(
                number,
                [graph.nodes[n].get("label", n) for n in order],
                sum(1 for n in members if graph.nodes[n].get("type") == "person"),
            )
        )
    return summary


__all__ = ["Community", "Ranked", "Summary", "summarize"]
