"""Build: read articles, extract their facts, emit RDF, and load it into the store.

``build(paths, store_dir)`` is the whole of ``kg build`` as a library call. Every file or
article that cannot be read, extracted or emitted becomes a :class:`Failure` naming it and
saying why; the rest of the corpus is still built.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pyoxigraph import NamedNode

from kg.extract import extract
from kg.model import Article
from kg.namespace import KG, ORG, RDF
from kg.rdf import article_triples, triples_to_nquads
from kg.reader import READERS, Failure, read_corpus
from kg.store import Writer, open_snapshot, store_path
from kg.validate import refuse_broken_facts

# What the summary counts: label -> class whose instances are counted.
COUNTED = {
    "people": KG.Person,
    "bodies": ORG.Organization,
    "localities": KG.Locality,
    "events": KG.Event,
    "indicators": KG.IndicatorObservation,
}
# People, bodies and places recur across articles and are counted once each; events and
# indicator observations are minted in one article's namespace, so only their number is kept
# (keeping their digests grew the build by about 100 MB over 100,000 articles).
ACROSS_ARTICLES = ("people", "bodies", "localities")
# Articles per bulk load: each load is ingested by RocksDB as new files spanning the whole key
# range, which it then merges into what the store holds, so small loads into a large store
# cost more per quad (adding 1.5 M quads to a 76 M-quad store: 68 s in loads of 150k quads,
# 13 s in one). A batch grows with the store, 1/BATCH_SHARE of its articles, between
# BATCH_ARTICLES (small stores: loads overlap extraction) and BATCH_MAX_ARTICLES (about 750k
# quads, under the bulk loader's own chunk of 1 M; memory). See bench/results.md.
BATCH_ARTICLES = 200
BATCH_MAX_ARTICLES = 1000
BATCH_SHARE = 20
BATCH_BYTES = 256_000_000
CHUNK_ARTICLES = 8  # articles per task sent to a worker process
WINDOW = 16  # chunks in flight per worker: enough to go on while a batch is loaded
CHECKPOINT_ARTICLES = 2000  # articles per published generation during a long build

Progress = Callable[[int, int | None, str], None]  # (done, total or None, what was done)


@dataclass
class BuildSummary:
    store: Path
    articles: int = 0
    people: int = 0
    bodies: int = 0
    localities: int = 0
    events: int = 0
    indicators: int = 0
    triples: int = 0  # quads loaded (a triple repeated in two articles counts twice)
    unchanged: int = 0  # articles skipped: already in the store as they are now
    refused: int = 0  # facts refused for breaking a hard constraint of the shapes
    failures: list[Failure] = field(default_factory=list)
    aborted: bool = False  # --strict and something failed: nothing was written
    generation: str = ""  # the store generation the build published
    compacted: bool = False  # the build changed much of the store and compacted it
    # The whole store after the build (the counts above are of this run's articles only):
    stored_articles: int = 0
    stored_triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failures

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "people": self.people,
            "bodies": self.bodies,
            "localities": self.localities,
            "events": self.events,
            "indicators": self.indicators,
            "triples": self.triples,
            "unchanged": self.unchanged,
            "refused facts": self.refused,
        }


@dataclass
class _Result:
    """What the extraction of one article gives back (picklable, for worker processes)."""

    article_id: str
    source: str
    nquads: bytes = b""
    quads: int = 0
    instances: dict[str, set[int]] = field(default_factory=dict)  # digests, see _instances
    error: str = ""
    digest: str = ""
    refused: list[str] = field(default_factory=list)


_TYPE = str(RDF.type)
_COUNTED_BY_CLASS = {str(cls): label for label, cls in COUNTED.items()}


def process_article(article: Article) -> _Result:
    """Extract and emit one article; any exception becomes the result's ``error``."""
    result = _Result(article.id, article.source or article.id, digest=article_hash(article))
    try:
        facts = extract(article)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the build
        result.error = f"extraction failed: {type(exc).__name__}: {exc}"
        return result
    try:
        graph, statements = article_triples(facts)
    except Exception as exc:  # noqa: BLE001
        result.error = f"RDF emission failed: {type(exc).__name__}: {exc}"
        return result
    try:
        statements, refusals = refuse_broken_facts(statements)
    except Exception as exc:  # noqa: BLE001
        result.error = f"shape check failed: {type(exc).__name__}: {exc}"
        return result
    result.refused = [str(r) for r in refusals]
    result.nquads = triples_to_nquads(graph, statements)
    result.quads = len(statements)
    result.instances = _instances(statements)
    return result


def _instances(statements: list[tuple]) -> dict[str, set[int]]:
    """Instances of the counted classes as 64-bit digests of their IRIs: told apart across
    articles in a fraction of the memory the IRIs themselves would take."""
    found: dict[str, set[int]] = {label: set() for label in COUNTED}
    for subject, predicate, o in statements:
        if predicate == _TYPE and isinstance(o, NamedNode):
            label = _COUNTED_BY_CLASS.get(o.value)
            if label is not None:
                found[label].add(_digest(subject.value))
    return found


def _digest(iri: str) -> int:
    return int.from_bytes(hashlib.blake2b(iri.encode(), digest_size=8).digest(), "little")


@dataclass
class InstanceCount:
    """The distinct instances of the counted classes over the articles of a build."""

    across: dict[str, set[int]] = field(
        default_factory=lambda: {label: set() for label in ACROSS_ARTICLES}
    )
    within: dict[str, int] = field(
        default_factory=lambda: {label: 0 for label in COUNTED if label not in ACROSS_ARTICLES}
    )

    def add(self, instances: dict[str, set[int]]) -> None:
        """Count one article's instances (digests of their IRIs, see :func:`_instances`)."""
        for label, digests in instances.items():
            if label in self.across:
                self.across[label] |= digests
            else:
                self.within[label] += len(digests)

    def write_to(self, summary: BuildSummary) -> None:
        for label, digests in self.across.items():
            setattr(summary, label, len(digests))
        for label, number in self.within.items():
            setattr(summary, label, number)


def input_problems(paths: Iterable[str | Path]) -> list[Failure]:
    """Paths that do not exist, files of a type no reader knows, folders without articles."""
    problems = []
    known = ", ".join(sorted(READERS))
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            problems.append(Failure(str(path), "no such file or directory"))
        elif path.is_file() and path.suffix.lower() not in READERS:
            problems.append(Failure(str(path), f"unsupported file type (expected {known})"))
        elif path.is_dir() and not any(
            p.is_file() and p.suffix.lower() in READERS for p in path.rglob("*")
        ):
            problems.append(Failure(str(path), f"folder has no article files ({known})"))
    return problems


def count_files(paths: Iterable[str | Path]) -> int | None:
    """How many files will be read, or None when a JSON Lines file makes it unknowable."""
    total = 0
    for raw in paths:
        path = Path(raw)
        files = (
            [path]
            if path.is_file()
            else (
                [p for p in path.rglob("*") if p.is_file() and p.suffix in READERS]
                if path.is_dir()
                else []
            )
        )
        for f in files:
            if f.suffix.lower() == ".jsonl":
                return None
            if f.suffix.lower() in READERS:
                total += 1
    return total


def build(
    paths: Iterable[str | Path],
    store_dir: str | Path | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    strict: bool = False,
    full: bool = False,
    checkpoint: int = CHECKPOINT_ARTICLES,
    scheduler: str | None = None,
) -> BuildSummary:
    """Read, extract and load ``paths`` (files or folders) into the store at ``store_dir``.

    ``store_dir`` defaults to ``$KG_STORE`` or ``./kg-store``. ``jobs`` > 1 extracts in that
    many worker processes (0 = one per core). ``progress(done, total, item)`` is called after
    each article or unreadable file.

    The build is incremental: an article whose content (and the extraction code) is the same
    as when it was last built is skipped; a changed one replaces its graph. Changes are
    published as a new store generation every ``checkpoint`` articles (0 = only at the end),
    so a killed build loses at most that much work, and a reader never sees half an article.
    ``full`` rebuilds every article. ``strict`` makes any failure fatal: nothing is published
    and the store is left as it was. Raises :class:`kg.store.StoreBusy` when another process
    is writing the store. ``scheduler`` (``tcp://host:port``) extracts on that Dask cluster
    instead of here (see :mod:`kg.distributed`).
    """
    paths = [Path(p) for p in paths]
    summary = BuildSummary(store_path(store_dir))
    summary.failures.extend(input_problems(paths))
    if strict and summary.failures:
        summary.aborted = True
        return summary
    readable = [p for p in paths if p.exists()]
    total = count_files(readable)
    instances = InstanceCount()
    fingerprint = pipeline_fingerprint()
    with Writer(summary.store) as writer:
        if writer.index.get("fingerprint") != fingerprint:
            full = True  # the extraction code changed since the store was built
        writer.index["fingerprint"] = fingerprint
        known = writer.articles
        seen: dict[str, str] = {}
        batch: list[tuple[str, bytes, dict]] = []
        batch_bytes = 0
        since_publish = 0
        done = 0

        def flush() -> None:
            nonlocal batch, batch_bytes, since_publish
            if batch and not (strict and summary.failures):
                writer.replace_graphs((article_id, nquads) for article_id, nquads, _ in batch)
                for article_id, _, entry in batch:
                    known[article_id] = entry
                since_publish += len(batch)
            batch, batch_bytes = [], 0
            if checkpoint and not strict and since_publish >= checkpoint:
                writer.publish(final=False)
                since_publish = 0

        def wanted(article: Article) -> bool:
            """False for an article already in the store as it is now (counted unchanged)."""
            if article.id in seen:
                return True  # reported as a duplicate below
            entry = known.get(article.id)
            if full or entry is None or entry.get("hash") != article_hash(article):
                return True
            seen[article.id] = article.source or article.id
            summary.unchanged += 1
            return False

        for item in _results(read_corpus(readable), jobs, summary.failures, wanted, scheduler):
            done += 1
            if isinstance(item, Failure):
                if progress:
                    progress(done, total, item.path)
                continue
            if accept_result(item, seen, summary, instances):
                entry = {"hash": item.digest, "source": item.source, "quads": item.quads}
                batch.append((item.article_id, item.nquads, entry))
                batch_bytes += len(item.nquads)
                if (
                    len(batch) >= batch_articles(len(known))
                    or batch_bytes >= BATCH_BYTES
                    or (checkpoint and not strict and since_publish + len(batch) >= checkpoint)
                ):
                    flush()
            if progress:
                progress(done, total, item.source)
        if strict and summary.failures:
            summary.aborted = True
            writer.discard()
        else:
            flush()
            writer.publish()
        summary.generation = writer.head or ""
        summary.compacted = bool(writer.compacted)
        summary.stored_articles = len(writer.articles)
        summary.stored_triples = writer.stored_quads
    instances.write_to(summary)
    return summary


def batch_articles(stored_articles: int) -> int:
    """How many articles to load at once into a store that holds ``stored_articles``."""
    return min(BATCH_MAX_ARTICLES, max(BATCH_ARTICLES, stored_articles // BATCH_SHARE))


def accept_result(
    item: _Result, seen: dict[str, str], summary: BuildSummary, instances: InstanceCount
) -> bool:
    """Account for one extracted article in a build: its error, a duplicate id, its refused
    facts, its counts. True when its quads are to be loaded (into the store or a remote)."""
    if item.error:
        summary.failures.append(Failure(item.source, item.error))
        return False
    if item.article_id in seen:
        summary.failures.append(
            Failure(
                item.source,
                f"duplicate article id {item.article_id!r} "
                f"(already read from {seen[item.article_id]})",
            )
        )
        return False
    seen[item.article_id] = item.source
    for refusal in item.refused:
        summary.refused += 1
        summary.failures.append(Failure(item.source, f"refused fact: {refusal}"))
    summary.articles += 1
    summary.triples += item.quads
    instances.add(item.instances)
    return True


def remove_articles(article_ids: Iterable[str], store_dir: str | Path | None = None) -> list[str]:
    """Drop articles (their named graphs) from the store; returns the ids not in it."""
    missing = []
    with Writer(store_dir) as writer:
        with open_snapshot(writer.where) as snap:
            present = set(article_ids_in(snap))
        for article_id in article_ids:
            if article_id not in present and article_id not in writer.articles:
                missing.append(article_id)
                continue
            writer.remove_graph(article_id)
            writer.articles.pop(article_id, None)
        if writer.dirty:
            writer.publish()
    return missing


def article_ids_in(store) -> list[str]:
    from kg.store import article_ids

    return article_ids(store)


_FINGERPRINTED = (
    "extract",
    "patterns",
    "rdf.py",
    "resolve.py",
    "model.py",
    "text.py",
    "gazetteer.py",
    "namespace.py",
    "validate.py",
)


@lru_cache(maxsize=1)
def pipeline_fingerprint() -> str:
    """A hash of what turns an article into quads: the extraction code, its pattern tables,
    the emitter, the shapes and the gazetteer's version. A change rebuilds every article."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in _FINGERPRINTED:
        path = root / name
        files += (
            sorted(path.rglob("*.py")) + sorted(path.rglob("*.toml")) if path.is_dir() else [path]
        )
    files.append(root.parent / "ontology" / "shapes.ttl")
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    try:
        from importlib.metadata import version

        digest.update(version("vietnamadminunits").encode())
    except Exception:  # noqa: BLE001 - not installed as a distribution: the code is enough
        pass
    return digest.hexdigest()[:16]


def article_hash(article: Article) -> str:
    """A hash of everything of an article that reaches the graph."""
    fields = [
        article.id,
        article.date,
        article.title,
        article.body,
        article.source,
        article.url,
        article.creator,
    ]
    data = json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()[:32]


def _results(
    items: Iterable[Article | Failure],
    jobs: int,
    failures: list[Failure],
    wanted: Callable[[Article], bool] = lambda article: True,
    scheduler: str | None = None,
) -> Iterator[_Result | Failure]:
    """Each read error (recorded in ``failures``) and the result of each ``wanted`` article,
    in corpus order."""
    if scheduler:
        yield from _cluster_results(items, scheduler, failures, wanted)
        return
    if jobs == 1:
        for item in items:
            if isinstance(item, Failure):
                failures.append(item)
                yield item
            elif wanted(item):
                yield process_article(item)
        return
    workers = jobs if jobs > 1 else (os.cpu_count() or 1)
    # Streaming: articles go to the workers in chunks, at most WINDOW chunks per worker in
    # flight, and results come back in corpus order; memory does not grow with the corpus.
    pending: deque[Future | Failure] = deque()
    chunk: list[Article] = []
    with ProcessPoolExecutor(max_workers=workers, initializer=_die_with_parent) as pool:
        for item in items:
            if isinstance(item, Failure):
                if chunk:
                    pending.append(pool.submit(process_articles, chunk))
                    chunk = []
                failures.append(item)
                pending.append(item)
            elif wanted(item):
                chunk.append(item)
                if len(chunk) >= CHUNK_ARTICLES:
                    pending.append(pool.submit(process_articles, chunk))
                    chunk = []
            while len(pending) > workers * WINDOW:
                yield from _done(pending.popleft())
        if chunk:
            pending.append(pool.submit(process_articles, chunk))
        while pending:
            yield from _done(pending.popleft())


def _die_with_parent() -> None:
    """Worker start-up: end the worker when the build dies.

    A forked worker holds a copy of the pipe it waits on, so after a SIGKILL of the build it
    never sees end of file: it would live on, and keep the build's stdout open for whoever
    waits on it. Linux can send it SIGKILL when its parent dies.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: no such call
        return
    if os.getppid() == 1:  # the build died before the call above
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def process_articles(articles: list[Article]) -> list[_Result]:
    return [process_article(article) for article in articles]


def _done(entry: Future | Failure) -> list[_Result] | list[Failure]:
    return [entry] if isinstance(entry, Failure) else entry.result()


def _cluster_results(items, scheduler: str, failures: list[Failure], wanted):
    """:func:`_results` with the extraction on a ``dask.distributed`` cluster."""
    from kg.distributed import cluster_results

    return cluster_results(items, scheduler, failures, wanted)


def score_corpus(
    gold_dir: str | Path, articles: Iterable[str | Path], progress: Progress | None = None
):
    """Build ``articles`` into a throw-away store, run the contract queries, score them.

    Returns ``(EvalReport, BuildSummary)``; gold problems raise ``kg.evaluate.GoldError``.
    """
    import tempfile

    from kg.evaluate import load_gold, score
    from kg.queries import contract_rows

    gold = load_gold(Path(gold_dir))
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        where = Path(tmp) / "store"
        summary = build(articles, where, progress)
        with open_snapshot(where) as store:
            rows = contract_rows(store)
    return score(gold, rows), summary
