"""Build: read articles, extract their facts, emit RDF, and load it into the store.

``build(paths, store_dir)`` is the whole of ``kg build`` as a library call. Every file or
article that cannot be read, extracted or emitted becomes a :class:`Failure` naming it and
saying why; the rest of the corpus is still built.
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from kg.extract import extract
from kg.model import Article
from kg.namespace import KG, ORG, RDF
from kg.rdf import article_quads, to_nquads
from kg.reader import READERS, ReadError, read_corpus
from kg.resolve import resolve_article
from kg.store import open_store, replace_graphs, store_path

# What the summary counts: label -> class whose instances are counted.
COUNTED = {
    "people": KG.Person,
    "bodies": ORG.Organization,
    "localities": KG.Locality,
    "events": KG.Event,
    "indicators": KG.IndicatorObservation,
}
BATCH_ARTICLES = 200  # articles per bulk load
BATCH_BYTES = 64_000_000
CHUNK_ARTICLES = 8  # articles per task sent to a worker process
WINDOW = 16  # chunks in flight per worker: enough to go on while a batch is loaded

Progress = Callable[[int, int | None, str], None]  # (done, total or None, what was done)


@dataclass(frozen=True)
class Failure:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


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
    failures: list[Failure] = field(default_factory=list)

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
        }


@dataclass
class _Result:
    """What the extraction of one article gives back (picklable, for worker processes)."""

    article_id: str
    source: str
    nquads: bytes = b""
    quads: int = 0
    instances: dict[str, set[int]] = field(default_factory=dict)  # digests, see _instances
    own: dict[str, int] = field(default_factory=dict)  # the article's own instances
    error: str = ""


_TYPE = str(RDF.type)
_COUNTED_BY_CLASS = {str(cls): label for label, cls in COUNTED.items()}


def process_article(article: Article) -> _Result:
    """Extract and emit one article; any exception becomes the result's ``error``."""
    result = _Result(article.id, article.source or article.id)
    try:
        facts = extract(article)
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the build
        result.error = f"extraction failed: {type(exc).__name__}: {exc}"
        return result
    try:
        quads = article_quads(facts)
    except Exception as exc:  # noqa: BLE001
        result.error = f"RDF emission failed: {type(exc).__name__}: {exc}"
        return result
    result.nquads = to_nquads(quads)
    result.quads = len(quads)
    result.instances, result.own = _instances(quads, resolve_article(article))
    return result


def _instances(quads: list[Quad], article_iri: str = "") -> tuple[dict[str, set[int]],
                                                                  dict[str, int]]:
    """Instances of the counted classes: shared nodes (people, bodies, localities) as 64-bit
    digests of their IRIs, to be told apart across articles in little memory; the article's
    own nodes (events, indicators: IRIs under the article's) only counted."""
    found: dict[str, set[int]] = {label: set() for label in COUNTED}
    own: dict[str, set[str]] = {label: set() for label in COUNTED}
    prefix = article_iri + "/" if article_iri else None
    for quad in quads:
        if quad.predicate.value == _TYPE and isinstance(quad.object, NamedNode):
            label = _COUNTED_BY_CLASS.get(quad.object.value)
            if label is not None:
                iri = quad.subject.value
                if prefix is not None and iri.startswith(prefix):
                    own[label].add(iri)
                else:
                    found[label].add(_digest(iri))
    return found, {label: len(iris) for label, iris in own.items()}


def _digest(iri: str) -> int:
    return int.from_bytes(hashlib.blake2b(iri.encode(), digest_size=8).digest(), "little")


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
        files = [path] if path.is_file() else (
            [p for p in path.rglob("*") if p.is_file() and p.suffix in READERS]
            if path.is_dir() else [])
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
) -> BuildSummary:
    """Read, extract and load ``paths`` (files or folders) into the store at ``store_dir``.

    ``store_dir`` defaults to ``$KG_STORE`` or ``./kg-store``. ``jobs`` > 1 extracts in that
    many worker processes (0 = one per core). ``progress(done, total, item)`` is called after
    each article or unreadable file.
    """
    paths = [Path(p) for p in paths]
    summary = BuildSummary(store_path(store_dir))
    summary.failures.extend(input_problems(paths))
    readable = [p for p in paths if p.exists()]
    total = count_files(readable)
    store = open_store(summary.store)
    seen: dict[str, str] = {}
    instances: dict[str, set[int]] = {label: set() for label in COUNTED}
    own: dict[str, int] = dict.fromkeys(COUNTED, 0)
    batch: list[tuple[str, bytes]] = []
    batch_bytes = 0
    done = 0

    def flush() -> None:
        nonlocal batch, batch_bytes
        if batch and store is not None:
            replace_graphs(store, batch)
            batch, batch_bytes = [], 0

    try:
        for item in _results(read_corpus(readable), jobs, summary.failures):
            done += 1
            if isinstance(item, Failure):
                if progress:
                    progress(done, total, item.path)
                continue
            if item.error:
                summary.failures.append(Failure(item.source, item.error))
            elif item.article_id in seen:
                summary.failures.append(Failure(
                    item.source, f"duplicate article id {item.article_id!r} "
                                 f"(already built from {seen[item.article_id]})"))
            else:
                seen[item.article_id] = item.source
                batch.append((item.article_id, item.nquads))
                batch_bytes += len(item.nquads)
                summary.articles += 1
                summary.triples += item.quads
                for label, iris in item.instances.items():
                    instances[label] |= iris
                for label, count in item.own.items():
                    own[label] += count
                if len(batch) >= BATCH_ARTICLES or batch_bytes >= BATCH_BYTES:
                    flush()
            if progress:
                progress(done, total, item.source)
        flush()
        store.flush()
    finally:
        store = None  # release the on-disk lock now, not at garbage collection
    for label, iris in instances.items():
        setattr(summary, label, len(iris) + own[label])
    return summary


def _results(items: Iterable[Article | ReadError], jobs: int,
             failures: list[Failure]) -> Iterator[_Result | Failure]:
    """Each read error (recorded in ``failures``) and each article's result, in corpus order."""
    if jobs == 1:
        for item in items:
            if isinstance(item, ReadError):
                failure = Failure(item.path, item.reason)
                failures.append(failure)
                yield failure
            else:
                yield process_article(item)
        return
    workers = jobs if jobs > 1 else (os.cpu_count() or 1)
    # Streaming: articles go to the workers in chunks, at most WINDOW chunks per worker in
    # flight, and results come back in corpus order; memory does not grow with the corpus.
    pending: deque[Future | Failure] = deque()
    chunk: list[Article] = []
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for item in items:
            if isinstance(item, ReadError):
                if chunk:
                    pending.append(pool.submit(process_articles, chunk))
                    chunk = []
                failure = Failure(item.path, item.reason)
                failures.append(failure)
                pending.append(failure)
            else:
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


def process_articles(articles: list[Article]) -> list[_Result]:
    return [process_article(article) for article in articles]


def _done(entry: Future | Failure) -> list[_Result] | list[Failure]:
    return [entry] if isinstance(entry, Failure) else entry.result()


def score_corpus(gold_dir: str | Path, articles: Iterable[str | Path],
                 progress: Progress | None = None):
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
        store = open_store(where, read_only=True)
        try:
            rows = contract_rows(store)
        finally:
            del store
    return score(gold, rows), summary
