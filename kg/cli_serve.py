"""``kg serve`` and ``kg push``: the graph over HTTP (registered on :data:`kg.cli.app`)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from kg.cli import StoreOption, app, err, fail, out, reported


@app.command("serve")
def serve_command(
    store: StoreOption = None,
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="TCP port (0 = any free port).")
    ] = 7878,
    bind: Annotated[
        str, typer.Option("--bind", help="Address to listen on (loopback unless told otherwise).")
    ] = "127.0.0.1",
    writable: Annotated[
        bool,
        typer.Option(
            "--writable",
            help="Allow SPARQL Update and Graph Store writes; they are published "
            "as a new store generation when the server stops.",
        ),
    ] = False,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow", help="Read-only: restart on each new generation a build publishes."
        ),
    ] = False,
    union: Annotated[
        bool,
        typer.Option(
            "--union-default-graph/--no-union-default-graph",
            help="The default graph is the union of the article graphs (as in kg query).",
        ),
    ] = True,
    timeout: Annotated[
        int | None, typer.Option("--timeout", min=1, help="Stop any query after this many seconds.")
    ] = None,
    cors: Annotated[bool, typer.Option("--cors", help="Allow cross-origin requests.")] = False,
    show_query: Annotated[
        str | None,
        typer.Option(
            "--show-query",
            metavar="NAME",
            help="Print the full SPARQL text of a canned query (with PREFIX lines) and exit.",
        ),
    ] = None,
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol and the Graph Store Protocol.

    Runs the Oxigraph server (from the `oxigraph` package) on the store's current
    generation: read-only unless --writable, on 127.0.0.1 unless --bind says otherwise.
    Ctrl-C (or SIGTERM) stops it.

    Examples: kg serve --store out/kg-store --port 7878;
    curl -H 'Accept: text/csv' --data-urlencode "query=$(kg serve --show-query officials)"
    http://127.0.0.1:7878/query
    """
    from kg import serve as kg_serve
    from kg.queries import QueryError

    if show_query is not None:
        with reported(QueryError):
            sys.stdout.write(kg_serve.canned_query_text(show_query))
        return
    if not kg_serve.is_loopback(bind):
        err.print(
            f"[yellow]warning:[/yellow] listening on {bind}: anyone who can reach it can "
            f"read{' and change' if writable else ''} the graph (the Oxigraph server has "
            f"no authentication; put a proxy in front of it)",
            highlight=False,
        )

    def ready(serving) -> None:
        for line in kg_serve.describe(serving):
            out.print(line, markup=False, highlight=False, soft_wrap=True)
        sys.stdout.flush()

    def switched(serving) -> None:
        out.print(f"Now serving generation {serving.generation}", markup=False, highlight=False)
        sys.stdout.flush()

    with reported(kg_serve.ServeError):
        published = kg_serve.serve(
            store,
            bind,
            port,
            writable=writable,
            follow=follow,
            union_default_graph=union,
            timeout_s=timeout,
            cors=cors,
            on_ready=ready,
            on_switch=switched,
        )
    if published:
        err.print(f"stopped; published the server's changes as {published}", highlight=False)
    else:
        err.print("stopped", highlight=False)


@app.command("push")
def push_command(
    endpoint: Annotated[
        str, typer.Option("--endpoint", help="The remote store's SPARQL endpoint (query URL).")
    ],
    graph_store: Annotated[
        str | None,
        typer.Option(
            "--graph-store",
            help="Its Graph Store Protocol URL (e.g. http://host:7878/store, "
            "Fuseki http://host:3030/ds/data); without it, SPARQL Update.",
        ),
    ] = None,
    update: Annotated[
        str | None,
        typer.Option(
            "--update", help="Its SPARQL Update URL (default: the endpoint, /query -> /update)."
        ),
    ] = None,
    bulk: Annotated[
        bool,
        typer.Option(
            "--bulk",
            help="Send N-Quads in bulk requests (1000 graphs each) instead of one "
            "request per article.",
        ),
    ] = False,
    graph: Annotated[
        list[str] | None,
        typer.Option("--graph", help="Only this article (id or graph IRI); repeatable."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Requests in parallel (one per graph).")
    ] = 4,
    verify: Annotated[
        bool,
        typer.Option("--verify", help="Then compare each graph's triple count there with here."),
    ] = False,
    store: StoreOption = None,
) -> None:
    """Send the graph, article by article as named graphs, to a SPARQL 1.1 store.

    Pushing again replaces each article's graph. Works with any store that speaks the Graph
    Store Protocol or SPARQL Update (Oxigraph server, Fuseki, QLever, GraphDB, Virtuoso,
    Neptune); credentials go in the URL (http://user:password@host/...).

    Examples: kg push --endpoint http://127.0.0.1:7878/query --graph-store
    http://127.0.0.1:7878/store;
    kg push --endpoint http://fuseki:3030/kg/query --graph-store http://fuseki:3030/kg/data --bulk
    """
    from kg.push import PushError, push

    if bulk and not graph_store:
        raise fail("--bulk needs --graph-store (the N-Quads are posted to it)")
    with reported(PushError):
        summary = push(
            store,
            endpoint,
            graph_store,
            update,
            bulk=bulk,
            graphs=graph,
            workers=workers,
            verify=verify,
        )
    out.print(
        f"pushed {summary.graphs} graphs ({summary.quads} triples, {summary.bytes} bytes) "
        f"to {endpoint} in {summary.requests} requests, {summary.seconds:.1f} s",
        markup=False,
        highlight=False,
    )
    for failure in summary.failures:
        err.print(f"failed: {failure}", markup=False, highlight=False)
    for mismatch in summary.mismatches:
        err.print(f"differs: {mismatch}", markup=False, highlight=False)
    if verify and not summary.mismatches:
        out.print(
            "verified: every graph has the same number of triples there",
            markup=False,
            highlight=False,
        )
    if not summary.ok:
        raise typer.Exit(1)
