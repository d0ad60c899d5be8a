"""Extraction on an existing ``dask.distributed`` cluster (``kg build --scheduler tcp://...``).

The client (``kg build``) reads the corpus and sends the articles to the cluster in partitions
of ``partition_size`` articles; each worker extracts a partition with the same code as a local
build (:func:`kg.build.process_article`) and sends back N-Quads, one batch per partition. The
client takes the batches in corpus order, with a bounded number of partitions in flight, and
loads them as a local build does. The workers need the same ``kg`` installed (checked: the
pipeline fingerprint of every worker must equal the client's); they need no access to the
corpus or the store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

PARTITION_ARTICLES = 50
CONNECT_TIMEOUT = 30  # seconds to reach the scheduler and see a worker


class ClusterError(RuntimeError):
    """The cluster cannot be reached, has no workers, or runs different kg code."""


def extract_partition(articles: list) -> list:
    """Run on a worker: each article's :class:`kg.build._Result` (N-Quads and counts)."""
    from kg.build import process_article

    return [process_article(article) for article in articles]


def worker_fingerprint() -> str:
    from kg.build import pipeline_fingerprint

    return pipeline_fingerprint()


def connect(scheduler: str, timeout: float | None = None):
    """A ``dask.distributed.Client`` on the scheduler, checked to have workers running the
    same extraction code as this process."""
    try:
        from distributed import Client
    except ImportError:  # pragma: no cover - a dependency of kg
        raise ClusterError(
            "dask.distributed is not installed: pip install 'dask[distributed]'"
        ) from None
    from kg.build import pipeline_fingerprint

    timeout = timeout or CONNECT_TIMEOUT
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(
            f"cannot reach the Dask scheduler at {scheduler}: {' '.join(str(exc).split())}"
        ) from None
    try:
        client.wait_for_workers(1, timeout=timeout)
        fingerprints = client.run(worker_fingerprint)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise ClusterError(
            f"the Dask cluster at {scheduler} has no worker ready: {' '.join(str(exc).split())}"
        ) from None
    mine = pipeline_fingerprint()
    other = sorted(w for w, f in fingerprints.items() if f != mine)
    if other:
        client.close()
        raise ClusterError(
            f"Dask workers {', '.join(other)} run different kg extraction code "
            f"than this client; install the same kg version on every worker"
        )
    return client


def partitions(articles: Iterable, size: int) -> Iterator[list]:
    part: list = []
    for article in articles:
        part.append(article)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def cluster_results(
    items: Iterable,
    scheduler,
    failures: list,
    wanted=lambda article: True,
    partition_size: int = PARTITION_ARTICLES,
    in_flight: int | None = None,
) -> Iterator:
    """Like :func:`kg.build._results` on a cluster: each read error (recorded in ``failures``)
    as a :class:`kg.reader.Failure`, and the result of each ``wanted`` article, in corpus order.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    from kg.reader import Failure

    client = connect(scheduler) if isinstance(scheduler, str) else scheduler
    own = isinstance(scheduler, str)
    pending: deque = deque()
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = in_flight or 2 * workers

        def articles() -> Iterator:
            for item in items:
                if isinstance(item, Failure):
                    failures.append(item)
                    read_failures.append(item)
                elif wanted(item):
                    yield item

        read_failures: list = []
        for part in partitions(articles(), partition_size):
            yield from _drain(read_failures)
            pending.append(client.submit(extract_partition, part, pure=False, retries=2))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        yield from _drain(read_failures)
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        if own:
            client.close()


def _drain(queue: list) -> Iterator:
    while queue:
        yield queue.pop(0)
