"""The ``kg`` command line: a thin layer over the library (build, extract, query, export, ...)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pyoxigraph import NamedNode
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from kg import queries as kg_queries
from kg.build import CHECKPOINT_ARTICLES, BuildSummary, build, remove_articles, score_corpus
from kg.store import ENV_VAR, StoreBusy, StoreError, export, open_snapshot

app = typer.Typer(
    name="kg",
    help=(
        "Turn Vietnamese party and local-government news into a queryable knowledge graph.\n\n"
        "Two commands get you started:\n\n"
        "  kg build data/samples        # read, extract and load into ./kg-store\n\n"
        "  kg query officials           # who held which post, per article"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)


class _Lazy:
    """A rich Console made when first used in a command, so it sees that command's
    environment (COLUMNS, NO_COLOR) and streams."""

    def __init__(self, **options: object) -> None:
        self.options = options
        self.key: tuple[int, int, str | None] | None = None
        self.console: Console | None = None

    def get(self) -> Console:
        key = (id(sys.stdout), id(sys.stderr), os.environ.get("COLUMNS"))
        if self.console is None or key != self.key:
            self.console, self.key = Console(soft_wrap=True, **self.options), key
        return self.console

    def __getattr__(self, name: str):
        return getattr(self.get(), name)


out = _Lazy()
err = _Lazy(stderr=True)

StoreOption = Annotated[
    Path | None,
    typer.Option(
        "--store", envvar=ENV_VAR, show_envvar=True, help="Store folder (default: ./kg-store)."
    ),
]


class ExtractFormat(StrEnum):
    turtle = "turtle"
    nquads = "nquads"
    jsonld = "jsonld"


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    jsonld = "jsonld"


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


BUSY_EXIT = 75  # EX_TEMPFAIL: another process is writing the store; try again later


def fail(message: str, code: int = 1) -> typer.Exit:
    message = " ".join(str(message).split())  # one line, whatever the exception said
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    return typer.Exit(code)


def store_failure(exc: StoreError) -> typer.Exit:
    return fail(str(exc), BUSY_EXIT if isinstance(exc, StoreBusy) else 1)


@contextmanager
def reported(*errors: type[Exception]) -> Iterator[None]:
    """Turn a store error, or one of ``errors``, into a one-line error and exit status (a
    busy store exits with BUSY_EXIT); anything else is a bug and keeps its traceback."""
    try:
        yield
    except StoreError as exc:
        raise store_failure(exc) from None
    except errors as exc:
        raise fail(str(exc)) from None


def _open(store: Path | None):
    """The store's current generation, read-only (a consistent snapshot while a build runs)."""
    with reported():
        return open_snapshot(store)


# --------------------------------------------------------------------------- build


class _RateColumn(ProgressColumn):
    """Articles per second, over the last half minute."""

    def render(self, task) -> Text:
        return Text(f"{task.speed or 0:,.0f} articles/s", style="progress.data.speed")


@app.command("build")
def build_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .jsonl, .html).")
    ],
    store: StoreOption = None,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", help="Worker processes for extraction (0 = one per core)."),
    ] = 0,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Any failure is fatal: nothing is written to the store."),
    ] = False,
    full: Annotated[
        bool, typer.Option("--full", help="Rebuild every article, also those that did not change.")
    ] = False,
    checkpoint: Annotated[
        int,
        typer.Option(
            "--checkpoint",
            min=0,
            help="Publish the work done every N articles (0 = only at the end).",
        ),
    ] = CHECKPOINT_ARTICLES,
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint", help="Build into this SPARQL 1.1 store instead of --store (see kg push)."
        ),
    ] = None,
    graph_store: Annotated[
        str | None,
        typer.Option("--graph-store", help="With --endpoint: its Graph Store Protocol URL."),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler", help="Extract on this dask.distributed cluster (tcp://HOST:PORT)."
        ),
    ] = None,
) -> None:
    """Read articles, extract their facts and load them into the store.

    Each article becomes one named graph; building an article again replaces its graph, and
    articles that did not change since the last build are skipped. Files that cannot be read
    or extracted are listed with the reason, and the exit code is 1. Readers see the store as
    it was before the build until it publishes; a killed build can simply be run again.

    Example: kg build data/samples --store out/kg-store
    """
    from kg.distributed import ClusterError
    from kg.push import PushError

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        console=err.get(),
        transient=True,
    ) as bar:
        task = bar.add_task("building", total=None)

        def progress(done: int, total: int | None, item: str) -> None:
            bar.update(task, completed=done, total=total, description=Path(item).name[:40])

        with reported(PushError, ClusterError):
            if endpoint:
                summary = _build_remote(
                    paths, endpoint, graph_store, jobs, scheduler, strict, progress
                )
            else:
                summary = build(
                    paths,
                    store,
                    progress=progress,
                    jobs=jobs,
                    strict=strict,
                    full=full,
                    checkpoint=checkpoint,
                    scheduler=scheduler,
                )
    print_summary(summary)
    if summary.aborted:
        raise fail(
            f"--strict: {len(summary.failures)} failed, nothing was written to {summary.store}"
        )
    if summary.failures:
        raise typer.Exit(1)


def _build_remote(paths, endpoint, graph_store, jobs, scheduler, strict, progress):
    """kg build --endpoint: straight into a remote SPARQL store (kg.push)."""
    from kg.push import build_to_endpoint

    return build_to_endpoint(
        paths,
        endpoint,
        graph_store,
        jobs=jobs,
        scheduler=scheduler,
        strict=strict,
        progress=progress,
    )


def print_summary(summary: BuildSummary) -> None:
    table = Table(title=f"Built into {summary.store}", title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    for what, count in summary.counts().items():
        table.add_row(what, str(count))
    out.print(table)
    if summary.generation:
        articles = summary.stored_articles
        out.print(
            f"The store now holds {articles:,} article{'' if articles == 1 else 's'} "
            f"({summary.stored_triples:,} triples in their graphs), generation "
            f"{summary.generation}{', compacted' if summary.compacted else ''}.",
            highlight=False,
        )
    if summary.failures:
        # One line per failure, "file: reason", whatever the width of the terminal.
        out.print(f"{len(summary.failures)} failed:", style="red", highlight=False)
        for f in summary.failures:
            out.print(
                f"  {f.path}: {' '.join(f.reason.split())}",
                markup=False,
                highlight=False,
                soft_wrap=True,
            )


# --------------------------------------------------------------------------- extract


@app.command("extract")
def extract_command(
    files: Annotated[
        list[Path], typer.Argument(help="Article files or folders (.txt, .jsonl, .html).")
    ],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExtractFormat.turtle
    ),
) -> None:
    """Print articles' triples without touching the store.

    With --format nquads the output is streamed, article by article, exactly as kg build
    loads it (each article in its named graph): a map step for any engine.

    Examples: kg extract data/samples/000_d5453f38d9d606eb.txt --format turtle;
    kg extract corpus/part-0007/ --format nquads > part-0007.nq
    """
    from kg.extract import extract
    from kg.rdf import article_quads, serialize_quads
    from kg.reader import Failure, read_corpus

    for file in files:
        if not file.exists():
            raise fail(f"{file}: no such file or directory")
    if fmt is ExtractFormat.nquads:
        _stream_nquads(files)
        return
    quads = []
    failed = False
    for item in read_corpus(files):
        if isinstance(item, Failure):
            err.print(f"{item.path}: {item.reason}", highlight=False)
            failed = True
            continue
        try:
            quads.extend(article_quads(extract(item)))
        except Exception as exc:  # noqa: BLE001 - report and go on with the other articles
            err.print(
                f"{item.source or item.id}: extraction failed: {type(exc).__name__}: {exc}",
                highlight=False,
            )
            failed = True
    if quads:
        sys.stdout.buffer.write(serialize_quads(quads, fmt.value))
        sys.stdout.flush()
    if failed or not quads:
        raise typer.Exit(1)


def _stream_nquads(paths: list[Path]) -> None:
    """kg extract --format nquads: each article's N-Quads as soon as it is extracted."""
    from kg.build import process_article
    from kg.reader import Failure, read_corpus

    failed = written = 0
    for item in read_corpus(paths):
        if isinstance(item, Failure):
            err.print(f"{item.path}: {item.reason}", highlight=False)
            failed += 1
            continue
        result = process_article(item)
        if result.error:
            err.print(f"{result.source}: {result.error}", highlight=False)
            failed += 1
            continue
        for refusal in result.refused:
            err.print(f"{result.source}: refused fact: {refusal}", highlight=False)
        sys.stdout.buffer.write(result.nquads)
        sys.stdout.flush()
        written += 1
    if failed or not written:
        raise typer.Exit(1)


# --------------------------------------------------------------------------- query


@app.command("query")
def query_command(
    query: Annotated[
        str,
        typer.Argument(
            help="A query name from queries/ (officials, attendance, ...), a .rq file, or SPARQL."
        ),
    ],
    fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = (
        QueryFormat.table
    ),
    param: Annotated[
        list[str] | None,
        typer.Option(
            "--param",
            "-p",
            help="Bind a query variable to a value: NAME=VALUE (repeatable); "
            "NAME=<IRI> binds an IRI.",
        ),
    ] = None,
    timeout: Annotated[
        float | None, typer.Option("--timeout", help="Stop the query after this many seconds.")
    ] = None,
    allow_update: Annotated[
        bool,
        typer.Option(
            "--allow-update",
            help="Allow a SPARQL update (INSERT, DELETE, ...) to change the store.",
        ),
    ] = False,
    store: StoreOption = None,
) -> None:
    """Run a SPARQL query (SELECT, ASK or CONSTRUCT) over all articles.

    Values given with --param are bound as RDF terms, never pasted into the query. Updates
    are refused unless --allow-update is given.

    Examples: kg query officials --format csv;
    kg query posts_of_person --param "name=Hoàng Trung Dũng";
    kg query "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }" --timeout 10
    """
    with reported(kg_queries.QueryError):
        label, text = kg_queries.load(query)
        params = kg_queries.parse_params(param)
    if kg_queries.query_kind(text) == "update":
        if not allow_update:
            raise fail(
                f"{label} is a SPARQL update and would change the store; kg query "
                f"only reads unless --allow-update is given"
            )
        if params:
            raise fail("--param binds values of queries only, not of updates")
        with reported(kg_queries.QueryError):
            generation = kg_queries.run_update(store, text, label)
        err.print(f"updated: the store is now {generation}", highlight=False)
        return
    with reported(kg_queries.QueryError):
        result = kg_queries.run_with_timeout(store, text, params, label, timeout)
    if fmt is QueryFormat.table:
        print_result(result)
    else:
        sys.stdout.write(kg_queries.format_result(result, fmt.value))
        sys.stdout.flush()


def print_result(result: kg_queries.QueryResult) -> None:
    if result.kind == "ask":
        out.print("true" if result.boolean else "false")
        return
    if result.kind == "construct":
        sys.stdout.write(kg_queries.to_turtle(result))
        return
    table = Table(show_lines=False)
    for v in result.variables:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(kg_queries.compact(row.get(v)) for v in result.variables))
    out.print(table)
    err.print(f"{len(result.rows)} rows", style="dim")


# --------------------------------------------------------------------------- export


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.turtle
    ),
    graph: Annotated[
        str | None,
        typer.Option("--graph", help="Only this article's graph (its IRI or its article id)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")
    ] = None,
    store: StoreOption = None,
) -> None:
    """Dump the store, with prefixes (Turtle holds the union of all article graphs).

    Example: kg export --format turtle -o out/graph.ttl
    """
    kg = _open(store)
    try:
        if output is None:
            export(kg, sys.stdout.buffer, fmt.value, graph)
            sys.stdout.flush()
        else:
            # Written next to the target and renamed: a failed export leaves no half file.
            output.parent.mkdir(parents=True, exist_ok=True)
            partial = output.with_name(f".{output.name}.partial")
            try:
                with partial.open("wb") as handle:
                    export(kg, handle, fmt.value, graph)
                os.replace(partial, output)
            finally:
                partial.unlink(missing_ok=True)
            err.print(f"wrote {output}", highlight=False)
    except (StoreError, ValueError, OSError) as exc:
        raise fail(str(exc)) from None
    finally:
        kg.close()


# --------------------------------------------------------------------------- stats


@app.command("stats")
def stats_command(store: StoreOption = None) -> None:
    """Count the store's instances by class, its article graphs and its distinct triples.

    Example: kg stats --store out/kg-store
    """
    kg = _open(store)
    try:
        result = kg_queries.run_named(kg, "stats")
    finally:
        kg.close()
    table = Table()
    table.add_column("what")
    table.add_column("count", justify="right")
    for row in result.rows:
        what = kg_queries.term_text(row["what"])
        name = kg_queries.compact(NamedNode(what)) if "://" in what else what
        table.add_row(name, kg_queries.term_text(row["count"]))
    out.print(table)


# --------------------------------------------------------------------------- validate


@app.command("validate")
def validate_command(store: StoreOption = None) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl (exit 1 if invalid).

    Example: kg validate --store out/kg-store
    """
    from kg.validate import validate_store

    kg = _open(store)
    try:
        report = validate_store(kg)
    finally:
        kg.close()
    if report.conforms:
        out.print("[green]valid[/green]: the store conforms to ontology/shapes.ttl")
        return
    for shape, violations in report.by_shape().items():
        table = Table(title=f"{shape}: {len(violations)} violations", title_justify="left")
        table.add_column("focus node", overflow="fold")
        table.add_column("path", overflow="fold")
        table.add_column("message", overflow="fold")
        for v in violations[:50]:
            table.add_row(v.focus, v.path, v.message)
        out.print(table)
    raise typer.Exit(1)


# --------------------------------------------------------------------------- remove


@app.command("remove")
def remove_command(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of the articles to drop.")],
    store: StoreOption = None,
) -> None:
    """Drop articles (their named graphs and every fact read from them) from the store.

    Example: kg remove 000_d5453f38d9d606eb --store out/kg-store
    """
    with reported():
        missing = remove_articles(article_ids, store)
    for article_id in article_ids:
        if article_id not in missing:
            out.print(f"removed {article_id}", highlight=False, markup=False)
    if missing:
        raise fail(f"not in the store: {', '.join(missing)}")


# --------------------------------------------------------------------------- eval


@app.command("eval")
def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold files (*.json).")],
    articles_dir: Annotated[Path, typer.Argument(help="Folder of the articles they annotate.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="List missed and spurious items per article.")
    ] = False,
) -> None:
    """Score extraction against hand-made gold files (P/R/F1 per category).

    Builds a throw-away store from ARTICLES_DIR, runs the contract queries and compares
    their rows with the gold files.

    Example: kg eval gold/seeds corpus/seeds --misses
    """
    from kg.evaluate import TABLE_HEADER, GoldError, format_table

    if not articles_dir.exists():
        raise fail(f"{articles_dir}: no such file or directory")
    with reported(GoldError):
        report, summary = score_corpus(gold_dir, [articles_dir])
    for f in summary.failures:
        err.print(f"[yellow]not built:[/yellow] {f.path}: {f.reason}", highlight=False)
    if as_json:
        data = report.to_json()
        if not misses:
            data.pop("misses", None)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    table = Table(title="Extraction against gold", title_justify="left")
    for i, name in enumerate(TABLE_HEADER):
        table.add_column(name, justify="left" if i == 0 else "right")
    for row in format_table(report):
        table.add_row(*row)
    out.print(table)
    if misses:
        current = None
        for m in sorted(report.misses, key=lambda m: (m.article, m.category, m.kind)):
            if m.article != current:
                current = m.article
                out.print(f"\n[bold]{m.article}[/bold]")
            item = " | ".join("" if x is None else str(x) for x in m.item)
            out.print(f"  {m.category:<11} {m.kind:<8} {item}", highlight=False, markup=False)


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
import kg.cli_serve  # noqa: E402,F401  registers "kg serve" and "kg push"
from kg import cli_network  # noqa: E402,F401  registers "kg network"
