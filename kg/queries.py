"""SPARQL over the store: named queries from ``queries/*.rq``, files, or literal text.

``kg query officials`` runs ``queries/officials.rq``; ``kg query my.rq`` a file; anything
else is taken as SPARQL text. Parameters (``--param name=value``) are bound as literals
through pyoxigraph's substitutions, never pasted into the query text.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Store,
    serialize,
)

from kg import store as kg_store
from kg.namespace import PREFIXES, QUERIES_DIR

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
CONTRACT_QUERIES = ("officials", "attendance", "indicators", "localities")
_SPARQL_START = re.compile(
    r"^\s*(?:#[^\n]*\n\s*)*(?:PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|"
    r"INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.IGNORECASE,
)
UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_KEYWORD = re.compile(r"\s*([A-Za-z]+)")
_NAME = re.compile(r"^[A-Za-z_][\w-]*$")


class QueryError(ValueError):
    """A query that cannot be found, parsed or run; the message is one line."""


class QueryTimeout(QueryError):
    """A query that ran longer than its time limit (and was stopped)."""


def strip_comments(sparql: str) -> str:
    """SPARQL without its ``#`` comments (a ``#`` in an IRI or a string is kept)."""
    out, i, n = [], 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            end = sparql.find("\n", i)
            i = n if end < 0 else end
            continue
        if c == "<":  # an IRI (or a less-than: then it ends at the next space)
            m = re.match(r"<[^<>\"{}|^`\\\s]*>", sparql[i:])
            if m:
                out.append(m.group(0))
                i += m.end()
                continue
        if c in "\"'":
            long = sparql.startswith(c * 3, i)
            quote = c * 3 if long else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                if not long and sparql[j] == "\n":
                    break
                j += 2 if sparql[j] == "\\" else 1
            j = min(n, j + len(quote))
            out.append(sparql[i:j])
            i = j
            continue
        out.append(c)
        i += 1
    return "".join(out)


def query_kind(sparql: str) -> str:
    """``select``, ``ask``, ``construct``, ``describe`` or ``update`` (``""`` if unknown),
    from the first keyword after the prologue (PREFIX / BASE) and comments."""
    text = strip_comments(sparql)
    pos = 0
    while (m := _PROLOGUE.match(text, pos)) is not None:
        pos = m.end()
    m = _KEYWORD.match(text, pos)
    if not m:
        return ""
    word = m.group(1).upper()
    if word in UPDATE_KEYWORDS:
        return "update"
    return word.lower() if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE") else ""


@dataclass
class QueryResult:
    kind: str  # select | ask | construct
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)  # column -> term or None
    boolean: bool | None = None
    triples: list = field(default_factory=list)

    def string_rows(self) -> list[dict[str, str]]:
        """SELECT rows with every value as its lexical form, ``""`` for unbound."""
        return [{v: term_text(row.get(v)) for v in self.variables} for row in self.rows]


def available() -> dict[str, str]:
    """Name -> first line of the comment that opens each ``queries/*.rq``."""
    found = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        found[path.stem] = first.lstrip("# ").strip()
    return found


def load(query: str) -> tuple[str, str]:
    """``(label, SPARQL text)`` for a query name, a ``.rq`` path, or SPARQL text."""
    if _NAME.match(query) and (QUERIES_DIR / f"{query}.rq").is_file():
        path = QUERIES_DIR / f"{query}.rq"
        return query, path.read_text(encoding="utf-8")
    if _SPARQL_START.match(query):
        return "query", query
    path = Path(query)
    if path.is_file():
        try:
            return str(path), path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read {path}: {exc}") from exc
    if query.endswith(".rq"):
        raise QueryError(f"no such query file: {query}")
    known = ", ".join(available())
    raise QueryError(
        f"unknown query {query!r}: not a name in queries/ ({known}), a .rq file, or SPARQL text"
    )


def parse_params(pairs: list[str] | None) -> dict[str, Literal | NamedNode]:
    """``["name=Hoàng Trung Dũng"]`` -> ``{"name": Literal("Hoàng Trung Dũng")}`` (NFC).

    A value written ``<...>`` is an IRI (``article=<https://kg.example.org/id/article/x>``).
    Values become RDF terms bound through pyoxigraph's substitutions, so no value can change
    what the query says.
    """
    params: dict[str, Literal | NamedNode] = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _NAME.match(name):
            raise QueryError(f"bad parameter {pair!r}: expected NAME=VALUE")
        value = unicodedata.normalize("NFC", value)
        if value.startswith("<") and value.endswith(">") and len(value) > 2:
            try:
                params[name] = NamedNode(value[1:-1])
            except ValueError as exc:
                raise QueryError(f"bad parameter {name}: {value} is not an IRI ({exc})") from None
        else:
            params[name] = Literal(value)
    return params


def run(
    store: Store, sparql: str, params: dict[str, object] | None = None, label: str = "query"
) -> QueryResult:
    """Run SELECT, ASK or CONSTRUCT/DESCRIBE over the union of the article graphs.

    Updates are refused here (they go through :func:`run_update`)."""
    if query_kind(sparql) == "update":
        raise QueryError(
            f"{label}: this is a SPARQL update, and queries only read the store "
            f"(kg query --allow-update runs updates)"
        )
    try:
        result = kg_store.query(store, sparql, params)
    except SyntaxError as exc:
        message = " ".join(str(exc).split())
        raise QueryError(f"{label}: SPARQL syntax {message}") from None
    except RuntimeError as exc:
        message = " ".join(str(exc).split())
        if params and "SELECT projection" in message:
            raise QueryError(
                f"{label}: a parameter is not a column of the query ({message})"
            ) from None
        raise QueryError(f"{label}: {message}") from None
    except OSError as exc:
        raise QueryError(f"{label}: cannot read the store: {exc}") from None
    if isinstance(result, QueryBoolean):
        return QueryResult("ask", boolean=bool(result))
    if isinstance(result, QuerySolutions):
        variables = [v.value for v in result.variables]
        rows = [{v: solution[v] for v in variables} for solution in result]
        return QueryResult("select", variables, rows)
    return QueryResult("construct", triples=list(result))


def run_with_timeout(
    store_dir,
    sparql: str,
    params: dict[str, object] | None = None,
    label: str = "query",
    timeout: float | None = None,
) -> QueryResult:
    """:func:`run` on the store at ``store_dir`` in a child process, stopped after ``timeout``
    seconds (pyoxigraph cannot interrupt a running query, a process can be killed).

    Raises :class:`QueryTimeout`, :class:`QueryError`, or :class:`kg.store.StoreError`.
    """
    import multiprocessing

    if timeout is None:
        with kg_store.open_snapshot(store_dir) as snap:
            return run(snap, sparql, params, label)
    if timeout <= 0:
        raise QueryError(f"--timeout must be positive, not {timeout:g}")
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(
        target=_run_in_child, args=(sender, store_dir, sparql, params, label), daemon=True
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise QueryTimeout(
                f"{label}: stopped after {timeout:g} s (--timeout); "
                f"narrow the query or give it more time"
            )
        try:
            status, payload = receiver.recv()
        except EOFError:
            child.join(5)
            raise QueryError(
                f"{label}: the query process died (exit code {child.exitcode})"
            ) from None
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "ok":
        return payload
    kind, message = payload
    if kind == "busy":
        raise kg_store.StoreBusy(message)
    if kind == "store":
        raise kg_store.StoreError(message)
    raise QueryError(message)


def _run_in_child(sender, store_dir, sparql, params, label) -> None:
    try:
        with kg_store.open_snapshot(store_dir) as snap:
            result = run(snap, sparql, params, label)
        sender.send(("ok", result))
    except kg_store.StoreBusy as exc:
        sender.send(("error", ("busy", str(exc))))
    except kg_store.StoreError as exc:
        sender.send(("error", ("store", str(exc))))
    except QueryError as exc:
        sender.send(("error", ("query", str(exc))))
    except Exception as exc:  # noqa: BLE001 - reported by the parent, one line
        sender.send(("error", ("query", f"{label}: {type(exc).__name__}: {exc}")))
    finally:
        sender.close()


def run_update(store_dir, sparql: str, label: str = "update") -> str:
    """Run a SPARQL update as a new store generation; returns the generation's name.

    Articles whose graph the update removed leave the article index (a later build rebuilds
    them if they are given again).
    """
    with kg_store.Writer(store_dir) as writer:
        if writer.head is None:
            raise kg_store.StoreError(f"no store at {writer.where}: build one first")
        try:
            writer.update(sparql)
        except SyntaxError as exc:
            raise QueryError(f"{label}: SPARQL syntax {' '.join(str(exc).split())}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise QueryError(f"{label}: {' '.join(str(exc).split())}") from None
        graphs = {g.value for g in writer.store.named_graphs() if hasattr(g, "value")}
        from kg.rdf import article_graph

        for article_id in list(writer.articles):
            if article_graph(article_id).value not in graphs:
                writer.articles.pop(article_id)
        return writer.publish()


def run_named(store: Store, query: str, params: dict[str, object] | None = None) -> QueryResult:
    label, text = load(query)
    return run(store, text, params, label)


# --------------------------------------------------------------------------- formatting


def term_text(term: object) -> str:
    """A term's lexical form (IRI, literal value, ``_:id``), ``""`` when unbound."""
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, NamedNode | Literal):
        return term.value
    return str(term)


def compact(term: object) -> str:
    """For display: IRIs with a known prefix as ``prefix:local``."""
    if isinstance(term, NamedNode):
        for prefix, iri in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(iri):
                return f"{prefix}:{term.value[len(iri) :]}"
    return term_text(term)


def to_delimited(result: QueryResult, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    if result.kind == "select":
        writer.writerow(result.variables)
        for row in result.string_rows():
            writer.writerow([row[v] for v in result.variables])
    elif result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(["subject", "predicate", "object"])
        for t in result.triples:
            writer.writerow([term_text(t.subject), term_text(t.predicate), term_text(t.object)])
    return out.getvalue()


def to_json(result: QueryResult) -> str:
    if result.kind == "select":
        data: object = [
            {v: (None if row.get(v) is None else term_text(row.get(v))) for v in result.variables}
            for row in result.rows
        ]
    elif result.kind == "ask":
        data = {"boolean": result.boolean}
    else:
        from kg.rdf import jsonld

        nt = serialize(result.triples, format=RdfFormat.N_TRIPLES)
        return jsonld(nt).decode("utf-8")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def to_turtle(result: QueryResult) -> str:
    return serialize(result.triples, format=RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def format_result(result: QueryResult, fmt: str) -> str:
    """``csv``, ``tsv`` or ``json`` text (``table`` is drawn by the CLI with rich)."""
    if fmt == "csv":
        return to_delimited(result, ",")
    if fmt == "tsv":
        return to_delimited(result, "\t")
    if fmt == "json":
        return to_json(result)
    raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}")


def contract_rows(store: Store) -> dict[str, list[dict[str, str]]]:
    """The rows of the four contract queries (what ``kg eval`` scores)."""
    return {name: run_named(store, name).string_rows() for name in CONTRACT_QUERIES}
