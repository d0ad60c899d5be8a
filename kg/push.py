"""Send the graph to a SPARQL 1.1 store over HTTP: Oxigraph server, Apache Jena Fuseki, QLever,
GraphDB, Virtuoso, Amazon Neptune, ...

Every article is one named graph (its IRI is the article's), and every push *replaces* each
article's graph, so pushing again gives the same store:

* Graph Store Protocol (``graph_store`` URL given): one ``PUT {graph_store}?graph=IRI`` of
  N-Triples per article (PUT replaces the graph);
* bulk (``bulk=True``, with a ``graph_store`` URL): the article graphs are dropped with one
  SPARQL Update per thousand graphs, then all the N-Quads go in one streamed
  ``POST {graph_store}`` (``Content-Type: application/n-quads``) — fewer requests, for stores
  that load large files faster than many small graphs;
* SPARQL Update only (no ``graph_store``): ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g>
  {...} }`` per article, to the update URL (for stores without the Graph Store Protocol).

The update URL is ``update`` if given, else the endpoint with a final ``/query`` replaced by
``/update`` (Oxigraph, Fuseki), else the endpoint itself (Virtuoso, Neptune, QLever).
Credentials go in the URLs (``http://user:password@host/...``, HTTP basic authentication).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, parse, serialize

DROP_BATCH = 1000  # graphs per DROP update in bulk mode
TIMEOUT = 120.0  # seconds per HTTP request
NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"
SPARQL_UPDATE = "application/sparql-update"
SPARQL_JSON = "application/sparql-results+json"


class PushError(RuntimeError):
    """A request the remote store refused or did not answer; the message says which."""


@dataclass
class PushSummary:
    endpoint: str
    graphs: int = 0
    quads: int = 0
    bytes: int = 0
    requests: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)  # after verify: graphs that differ

    @property
    def ok(self) -> bool:
        return not self.failures and not self.mismatches


def update_url_for(endpoint: str) -> str:
    if endpoint.rstrip("/").endswith("/query"):
        return endpoint.rstrip("/")[: -len("/query")] + "/update"
    return endpoint


def _short(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "..."


class Remote:
    """A remote SPARQL 1.1 store: the query endpoint, its update URL, its Graph Store URL."""

    def __init__(
        self,
        endpoint: str,
        graph_store: str | None = None,
        update: str | None = None,
        timeout: float = TIMEOUT,
        session=None,
    ) -> None:
        import requests

        self.endpoint = endpoint
        self.graph_store = graph_store
        self.update_url = update or update_url_for(endpoint)
        self.timeout = timeout
        self.session = session or requests.Session()
        self.requests = 0

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Remote:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(self, method: str, url: str, what: str, **kwargs):
        import requests

        self.requests += 1
        try:
            response = self.session.request(method, url, timeout=self.timeout, **kwargs)
        except requests.RequestException as exc:
            raise PushError(f"{what}: {method} {url}: {_short(str(exc))}") from None
        if response.status_code >= 400:
            raise PushError(
                f"{what}: {method} {url} answered {response.status_code} "
                f"{response.reason}: {_short(response.text)}"
            )
        return response

    # -- writing
    def put_graph(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph (Graph Store Protocol PUT)."""
        self._send(
            "PUT",
            self.graph_store,
            f"graph {graph}",
            params={"graph": graph},
            data=ntriples,
            headers={"Content-Type": NTRIPLES},
        )

    def update(self, sparql: str, what: str = "update") -> None:
        self._send(
            "POST",
            self.update_url,
            what,
            data=sparql.encode("utf-8"),
            headers={"Content-Type": f"{SPARQL_UPDATE}; charset=utf-8"},
        )

    def replace_graph_by_update(self, graph: str, ntriples: bytes) -> None:
        """Replace one named graph with SPARQL Update (for stores without the GSP)."""
        body = ntriples.decode("utf-8")
        self.update(
            f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{body}}} }}",
            f"graph {graph}",
        )

    def drop_graphs(self, graphs: Iterable[str]) -> None:
        graphs = list(graphs)
        for start in range(0, len(graphs), DROP_BATCH):
            chunk = graphs[start : start + DROP_BATCH]
            self.update(
                " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in chunk),
                f"dropping {len(chunk)} graphs",
            )

    def post_nquads(self, chunks: Iterable[bytes]) -> None:
        """Add N-Quads to the dataset (Graph Store Protocol POST, streamed)."""
        if not self.graph_store:
            raise PushError(
                "bulk loading needs the store's Graph Store Protocol URL (--graph-store)"
            )
        self._send(
            "POST",
            self.graph_store,
            "bulk N-Quads",
            data=iter(chunks),
            headers={"Content-Type": NQUADS},
        )

    # -- reading
    def select(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT's rows as ``{variable: lexical value}`` (unbound variables left out)."""
        response = self._send(
            "POST", self.endpoint, "query", data={"query": sparql}, headers={"Accept": SPARQL_JSON}
        )
        data = response.json()
        return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]

    def graph_sizes(self, graphs: Iterable[str] | None = None) -> dict[str, int]:
        """Triples per named graph (all graphs, or only the given ones)."""
        if graphs is None:
            rows = self.select(
                "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
            )
            return {r["g"]: int(r["n"]) for r in rows}
        sizes: dict[str, int] = {}
        graphs = list(graphs)
        for start in range(0, len(graphs), 500):
            values = " ".join(f"<{g}>" for g in graphs[start : start + 500])
            rows = self.select(
                f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
            )
            sizes.update({r["g"]: int(r["n"]) for r in rows})
        return sizes


def nquads_to_ntriples(nquads: bytes) -> bytes:
    """The triples of N-Quads (graph names dropped), as N-Triples."""
    quads = parse(nquads, format=RdfFormat.N_QUADS)
    return serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES) or b""


def send_graphs(
    remote: Remote,
    graphs: Iterable[tuple[str, bytes]],
    bulk: bool = False,
    workers: int = 4,
    summary: PushSummary | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> PushSummary:
    """Replace each ``(graph IRI, N-Triples)`` in the remote store (see the module docstring).

    In bulk mode the graphs are sent together; otherwise one request per graph, ``workers``
    at a time. Failed graphs are listed in the summary, the others are still sent.
    """
    summary = summary or PushSummary(remote.endpoint)
    started = time.monotonic()
    if bulk:
        for chunk in _chunked(graphs, DROP_BATCH):
            _send_bulk(remote, chunk, summary, progress)
    else:
        send = remote.put_graph if remote.graph_store else remote.replace_graph_by_update

        def one(graph: str, ntriples: bytes) -> tuple[str, int, int, str]:
            try:
                send(graph, ntriples)
            except PushError as exc:
                return graph, 0, 0, str(exc)
            return graph, ntriples.count(b"\n"), len(ntriples), ""

        def record(future) -> None:
            graph, quads, size, error = future.result()
            if error:
                summary.failures.append(error)
            else:
                summary.graphs += 1
                summary.quads += quads
                summary.bytes += size
            if progress:
                progress(summary.graphs + len(summary.failures), graph)

        workers = max(1, workers)
        pending: deque = deque()
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for graph, ntriples in graphs:  # at most 2 x workers graphs in memory
                pending.append(pool.submit(one, graph, ntriples))
                while len(pending) >= 2 * workers:
                    record(pending.popleft())
            while pending:
                record(pending.popleft())
    summary.requests = remote.requests
    summary.seconds += time.monotonic() - started
    return summary


def _chunked(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _send_bulk(
    remote: Remote, graphs: list[tuple[str, bytes]], summary: PushSummary, progress
) -> None:
    """Drop the graphs, then post them all as one N-Quads body (streamed)."""
    remote.drop_graphs(g for g, _ in graphs)

    def body() -> Iterator[bytes]:
        for graph, ntriples in graphs:
            data = _as_nquads(graph, ntriples)
            summary.bytes += len(data)
            yield data

    remote.post_nquads(body())
    for graph, ntriples in graphs:
        summary.graphs += 1
        summary.quads += ntriples.count(b"\n")
        if progress:
            progress(summary.graphs, graph)


def _as_nquads(graph: str, ntriples: bytes) -> bytes:
    triples = parse(ntriples, format=RdfFormat.N_TRIPLES)
    from pyoxigraph import Quad

    node = NamedNode(graph)
    return (
        serialize(
            (Quad(t.subject, t.predicate, t.object, node) for t in triples),
            format=RdfFormat.N_QUADS,
        )
        or b""
    )


def store_graphs(snapshot, only: Iterable[str] | None = None) -> Iterator[tuple[str, bytes]]:
    """``(graph IRI, N-Triples)`` of each named graph of a local store (or of ``only``)."""
    from kg.store import graph_node

    if only is not None:
        names = [graph_node(g) for g in only]
    else:
        names = sorted(
            (g for g in snapshot.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value
        )
    for name in names:
        triples = (q.triple for q in snapshot.quads_for_pattern(None, None, None, name))
        data = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
        if not data and only is not None:
            raise PushError(f"no graph {name.value} in the store")
        yield name.value, data


def push(
    store: str | Path | None,
    endpoint: str,
    graph_store: str | None = None,
    update: str | None = None,
    bulk: bool = False,
    graphs: Iterable[str] | None = None,
    workers: int = 4,
    verify: bool = False,
    timeout: float = TIMEOUT,
    progress: Callable[[int, str], None] | None = None,
) -> PushSummary:
    """Send the local store's article graphs (or ``graphs``) to a remote SPARQL store.

    ``verify`` then counts the triples of each pushed graph in the remote store and lists
    the graphs whose count differs from the local one.
    """
    from kg.store import open_snapshot

    summary = PushSummary(endpoint)
    sizes: dict[str, int] = {}
    with open_snapshot(store) as snapshot, Remote(endpoint, graph_store, update, timeout) as remote:

        def counted() -> Iterator[tuple[str, bytes]]:
            for graph, data in store_graphs(snapshot, graphs):
                sizes[graph] = data.count(b"\n")
                yield graph, data

        send_graphs(
            remote, counted(), bulk=bulk, workers=workers, summary=summary, progress=progress
        )
        if verify:
            remote_sizes = remote.graph_sizes(sizes)
            for graph, size in sizes.items():
                if remote_sizes.get(graph, 0) != size:
                    summary.mismatches.append(
                        f"{graph}: {size} triples here, {remote_sizes.get(graph, 0)} there"
                    )
        summary.requests = remote.requests
    return summary


# --------------------------------------------------------------------------- kg build --endpoint


def build_to_endpoint(
    paths: Iterable[str | Path],
    endpoint: str,
    graph_store: str | None = None,
    update: str | None = None,
    bulk: bool = False,
    jobs: int = 1,
    scheduler: str | None = None,
    strict: bool = False,
    progress=None,
    batch_articles: int | None = None,
):
    """``kg build --endpoint``: read, extract and send each article straight to a remote store
    as its named graph (replacing it), in batches; returns a :class:`kg.build.BuildSummary`
    whose ``store`` is the endpoint. There is no local article index, so every article is
    sent. ``strict`` sends nothing unless every article succeeds (holding all in memory)."""
    from kg import build as kg_build
    from kg.reader import read_corpus

    paths = [Path(p) for p in paths]
    summary = kg_build.BuildSummary(endpoint)  # type: ignore[arg-type]
    summary.failures.extend(kg_build.input_problems(paths))
    if strict and summary.failures:
        summary.aborted = True
        return summary
    readable = [p for p in paths if p.exists()]
    total = kg_build.count_files(readable)
    limit = batch_articles or kg_build.BATCH_ARTICLES
    instances = kg_build.InstanceCount()
    seen: dict[str, str] = {}
    batch: list[tuple[str, bytes]] = []
    held: list[tuple[str, bytes]] = []
    done = 0
    with Remote(endpoint, graph_store, update) as remote:

        def flush() -> None:
            if strict:
                held.extend(batch)
            elif batch:
                pushed = send_graphs(remote, batch, bulk=bulk)
                summary.failures.extend(kg_build.Failure(endpoint, f) for f in pushed.failures)
            batch.clear()

        for item in _extracted(read_corpus(readable), jobs, scheduler, summary.failures):
            done += 1
            if isinstance(item, kg_build.Failure):
                if progress:
                    progress(done, total, item.path)
                continue
            if kg_build.accept_result(item, seen, summary, instances):
                graph = _graph_of(item.article_id)
                batch.append((graph, nquads_to_ntriples(item.nquads)))
                if len(batch) >= limit:
                    flush()
            if progress:
                progress(done, total, item.source)
        flush()
        if strict:
            if summary.failures:
                summary.aborted = True
            else:
                for start in range(0, len(held), limit):
                    pushed = send_graphs(remote, held[start : start + limit], bulk=bulk)
                    summary.failures.extend(kg_build.Failure(endpoint, f) for f in pushed.failures)
    instances.write_to(summary)
    return summary


def _graph_of(article_id: str) -> str:
    from kg.rdf import article_graph

    return article_graph(article_id).value


def _extracted(items, jobs: int, scheduler: str | None, failures: list):
    from kg import build as kg_build

    if scheduler:
        from kg.distributed import cluster_results

        return cluster_results(items, scheduler, failures)
    return kg_build._results(items, jobs, failures)
