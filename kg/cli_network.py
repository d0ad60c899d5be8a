"""``kg network VIEW``: network diagrams of the store (registered on :data:`kg.cli.app`)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from kg.cli import StoreOption, _open, app, err, fail, out, reported
from kg.network import Filters, NetworkData, NetworkError, build_view, summarize
from kg.network.export import BINARY, infer_format, render
from kg.store import store_path


class View(StrEnum):
    attendance = "attendance"
    co_attendance = "co-attendance"
    officials = "officials"
    bodies = "bodies"


class NetworkFormat(StrEnum):
    html = "html"
    png = "png"
    svg = "svg"
    graphml = "graphml"
    gexf = "gexf"
    dot = "dot"
    json = "json"


@app.command("network")
def network_command(
    view: Annotated[
        View,
        typer.Argument(
            help="attendance (person ↔ event), co-attendance (person – person, weight = shared "
            "events), officials (person ↔ locality), bodies (person ↔ body, body → parent).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        NetworkFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the -o suffix, else html).",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="Write to FILE (default: stdout; with --summary, nothing).",
            show_default=False,
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(help="Only facts placed in this province (or in a unit inside it)."),
    ] = None,
    locality: Annotated[
        str | None,
        typer.Option(help="Only facts placed in this locality (or in a unit inside it)."),
    ] = None,
    person: Annotated[
        list[str] | None,
        typer.Option(help="Only this person and their neighbourhood (repeatable)."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only facts dated on or after YYYY[-MM[-DD]].")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only facts dated on or before YYYY[-MM[-DD]].")
    ] = None,
    min_weight: Annotated[
        float | None, typer.Option("--min-weight", help="Only links at least this heavy.")
    ] = None,
    top: Annotated[int | None, typer.Option(help="Only the N nodes of largest degree.")] = None,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Print the top people by degree and betweenness, and the communities (Louvain).",
        ),
    ] = False,
    store: StoreOption = None,
) -> None:
    """Draw who attended what, which officials work where, who sits in which body.

    The graph is built from SPARQL on the store (queries/network_*.rq). Formats: html (one
    self-contained page), png and svg (pictures for reports), graphml and gexf (Gephi,
    Cytoscape; GEXF has dates as time intervals), dot (Graphviz), json (node-link).

    Examples: kg network attendance -o out/attendance.html;
    kg network officials --province "Hà Tĩnh" -o out/officials.png;
    kg network co-attendance --min-weight 2 --summary
    """
    with reported(ValueError):
        chosen = infer_format(output, fmt.value if fmt else None)
    filters = Filters(
        province=province,
        locality=locality,
        persons=tuple(person or ()),
        since=since,
        until=until,
        min_weight=min_weight,
        top=top,
    )
    kg = _open(store)
    try:
        with reported(NetworkError):
            graph = build_view(NetworkData(kg, str(store_path(store))), view.value, filters)
    finally:
        del kg
    if graph.number_of_nodes() == 0:
        err.print(
            "[yellow]warning:[/yellow] the graph is empty (nothing in the store matches "
            "the view and filters)",
            highlight=False,
        )
    if summary:
        print_summary(graph)
        if output is None:
            return
    payload = render(graph, chosen)
    if output is None:
        if chosen in BINARY and sys.stdout.isatty():
            raise fail(f"{chosen} is binary: give -o FILE")
        sys.stdout.buffer.write(payload)
        sys.stdout.flush()
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(payload)
    err.print(
        f"wrote {output} ({chosen}: {graph.number_of_nodes()} nodes, "
        f"{graph.number_of_edges()} edges)",
        highlight=False,
    )


def print_summary(graph) -> None:
    result = summarize(graph)
    title = graph.graph.get("title", "")
    people = Table(title=f"Top people by degree — {title}", title_justify="left")
    for name, justify in (
        ("#", "right"),
        ("name", "left"),
        ("degree", "right"),
        ("weighted degree", "right"),
        ("betweenness", "right"),
    ):
        people.add_column(name, justify=justify)
    for i, r in enumerate(result.people, 1):
        people.add_row(
            str(i), escape(r.label), str(r.degree), f"{r.weighted_degree:g}", f"{r.betweenness:.3f}"
        )
    out.print(people)
    groups = Table(title=f"Communities (Louvain): {len(result.communities)}", title_justify="left")
    for name, justify in (
        ("#", "right"),
        ("size", "right"),
        ("people", "right"),
        ("members", "left"),
    ):
        groups.add_column(name, justify=justify, overflow="fold")
    for c in result.communities:
        shown = escape(", ".join(c.members[:12])) + (
            f", … (+{len(c.members) - 12})" if len(c.members) > 12 else ""
        )
        groups.add_row(str(c.number), str(len(c.members)), str(c.people), shown)
    out.print(groups)
    err.print(f"{result.nodes} nodes, {result.edges} edges", style="dim")
