"""The on-disk store: immutable generations of a pyoxigraph database, switched atomically.

A store folder looks like this::

    kg-store/
      HEAD              the name of the current generation ("gen-000007"), replaced atomically
      kg.lock           the writer lock (one ``kg build`` / ``kg remove`` at a time)
      gen-000007/       a pyoxigraph (RocksDB) database, never written after it is published
      gen-000007.json   its article index: content hash, source and quad count per article
      gen-000007.lock   readers hold a shared lock on it while they use the generation

A writer (:class:`Writer`) takes ``kg.lock``, makes the next generation as a copy of the current
one (``Store.backup``: hard links, cheap), changes the copy, flushes and closes it, writes its
index, and only then points ``HEAD`` at it (``os.replace``). A reader (:func:`open_snapshot`)
opens the generation ``HEAD`` names read-only, under a shared lock, so it always sees a whole
generation: never a half-written one, and never a database a writer has open (which RocksDB
does not allow). A process killed at any moment leaves ``HEAD`` naming a complete generation;
unpublished generations are deleted by the next writer, and old ones once no reader holds them.

Every article is one named graph; loading an article first drops its graph, so building an
article again replaces what was there. Queries see the union of the graphs as the default graph.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gc
import io
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode, Quad, RdfFormat, Store, Variable, serialize

from kg.namespace import PREFIXES
from kg.rdf import FORMATS, article_graph, jsonld

DEFAULT_STORE = "kg-store"
ENV_VAR = "KG_STORE"
HEAD = "HEAD"
WRITER_LOCK = "kg.lock"
INDEX_VERSION = 1
# A final publish compacts the database (Store.optimize) only when the writer changed at least
# this share of the quads the store holds. Compaction rewrites the whole database: 4 minutes
# for a 100,000-article store, to which adding 5 articles otherwise takes 3 s; after a small
# change RocksDB's own background compaction keeps queries as fast (measured at 100k).
COMPACT_SHARE = 0.25
_GENERATION = re.compile(r"^gen-(\d{6,})$")
_ROCKSDB_FILES = re.compile(
    r"^(CURRENT|IDENTITY|LOCK|LOG(\..*)?|MANIFEST-\d+|OPTIONS-\d+|"
    r"\d+\.(sst|log|blob))$"
)


class StoreError(RuntimeError):
    """A store that cannot be opened or used; the message says what to do."""


class StoreBusy(StoreError):
    """Another process is writing the store (or, for a first build, the store is not ready)."""


def store_path(path: str | Path | None = None) -> Path:
    """``path``, else ``$KG_STORE``, else ``./kg-store``."""
    return Path(path or os.environ.get(ENV_VAR) or DEFAULT_STORE)


# --------------------------------------------------------------------------- layout


def generation_name(number: int) -> str:
    return f"gen-{number:06d}"


def current_generation(where: Path, check: bool = True) -> str | None:
    """The generation ``HEAD`` names, or None when no generation was ever published.

    ``check=False`` for readers: the generation may be gone by the time they look (a writer
    switched ``HEAD`` and collected it), and they read ``HEAD`` again."""
    try:
        name = (where / HEAD).read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(f"{where / HEAD}: unreadable ({exc})") from exc
    if not _GENERATION.match(name) or (check and not (where / name).is_dir()):
        raise StoreError(
            f"{where / HEAD}: names {name!r}, which is not a generation of the "
            f"store; rebuild the store"
        )
    return name


def is_legacy(where: Path) -> bool:
    """A store made before generations: the RocksDB files directly in the folder."""
    return (where / "CURRENT").is_file() and not (where / HEAD).exists()


def generations(where: Path) -> list[str]:
    """Names of the generation folders under ``where``, oldest first."""
    try:
        names = [p.name for p in where.iterdir() if _GENERATION.match(p.name) and p.is_dir()]
    except FileNotFoundError:
        return []
    return sorted(names, key=lambda n: int(_GENERATION.match(n).group(1)))


def writer_pid(where: Path) -> str:
    try:
        return (where / WRITER_LOCK).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""


# Writer locks this process holds (POSIX locks are per process: a second lock in the same
# process would succeed, and closing any descriptor of the file would drop the lock).
_HELD: dict[str, int] = {}
_HELD_LOCK = threading.Lock()


def _key(where: Path) -> str:
    return os.path.realpath(where)


def writer_active(where: Path) -> bool:
    """True when some process (this one included) holds the writer lock."""
    if _key(where) in _HELD:
        return True
    try:
        fd = os.open(where / WRITER_LOCK, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing drops the probe lock too
    return False


def _busy(where: Path, doing: str) -> StoreBusy:
    pid = writer_pid(where)
    who = f"another kg process (pid {pid})" if pid else "another kg process"
    return StoreBusy(f"store {where} is busy: {who} is {doing}; try again when it ends")


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_atomically(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def read_index(where: Path, generation: str | None) -> dict:
    """The article index of a generation: ``{"fingerprint": ..., "articles": {id: {...}}}``."""
    empty = {"version": INDEX_VERSION, "fingerprint": "", "articles": {}}
    if generation is None:
        return empty
    try:
        data = json.loads((where / f"{generation}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return empty
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        return empty
    data.setdefault("articles", {})
    return data


# --------------------------------------------------------------------------- readers


class Snapshot:
    """A read-only view of one published generation, held (shared lock) until closed.

    It stands in for a pyoxigraph ``Store`` (``query``, ``quads_for_pattern``, ``dump``,
    ``len``...); ``.store`` is the Store itself.
    """

    def __init__(
        self, where: Path, generation: str | None, store: Store, lock_fd: int | None
    ) -> None:
        self.where = where
        self.generation = generation
        self.store: Store | None = store
        self._lock_fd = lock_fd

    def index(self) -> dict:
        return read_index(self.where, self.generation)

    def close(self) -> None:
        self.__dict__["store"] = None  # the last reference: RocksDB is closed here
        fd = self.__dict__.get("_lock_fd")
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)  # releases the shared lock
            self.__dict__["_lock_fd"] = None

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    def __getattr__(self, name: str):
        store = self.__dict__.get("store")
        if store is None:
            raise StoreError("the store snapshot is closed")
        return getattr(store, name)

    def __len__(self) -> int:
        return len(self.store)

    def __iter__(self):
        return iter(self.store)


def open_snapshot(path: str | Path | None = None, retries: int = 100) -> Snapshot:
    """Open the current generation of the store read-only (see the module docstring).

    Raises :class:`StoreError` when there is no store, :class:`StoreBusy` when the first build
    of the store is still running (there is nothing published to read yet).
    """
    where = store_path(path)
    if not where.is_dir():
        raise StoreError(
            f"no store at {where}: build one with `kg build PATH --store {where}` "
            f"(or point --store / {ENV_VAR} at an existing store)"
        )
    for _ in range(retries):
        name = current_generation(where, check=False)
        if name is None:
            if is_legacy(where):
                return _open_legacy(where)
            if writer_active(where):
                raise _busy(where, "making its first generation (nothing to read yet)")
            raise StoreError(
                f"no store at {where}: the folder holds no published generation; build one "
                f"with `kg build PATH --store {where}`"
            )
        lock_path = where / f"{name}.lock"
        try:
            fd = os.open(lock_path, os.O_RDONLY)
        except FileNotFoundError:
            time.sleep(0.01)  # a writer switched HEAD and collected this generation: reread
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)  # a writer is deleting this generation right now
            time.sleep(0.01)
            continue
        try:
            same = os.fstat(fd).st_ino == os.stat(lock_path).st_ino and (where / name).is_dir()
        except FileNotFoundError:
            same = False
        if not same:
            os.close(fd)
            time.sleep(0.01)
            continue
        try:
            store = Store.read_only(str(where / name))
        except OSError as exc:
            os.close(fd)
            raise StoreError(
                f"cannot open the store at {where} ({name}): {_one_line(exc)}"
            ) from None
        return Snapshot(where, name, store, fd)
    if current_generation(where) is None:  # pragma: no cover - HEAD vanished
        raise StoreError(f"no store at {where}")
    raise _busy(where, "switching generations faster than this reader can open one")


def _open_legacy(where: Path) -> Snapshot:
    if writer_active(where):
        raise _busy(where, "converting it to the generation layout")
    try:
        return Snapshot(where, None, Store.read_only(str(where)), None)
    except OSError as exc:
        message = _one_line(exc)
        if "lock" in message.lower() or "corruption" in message.lower():
            raise _busy(where, "writing it") from None
        raise StoreError(f"cannot open the store at {where}: {message}") from None


def open_store(path: str | Path | None = None, read_only: bool = True) -> Snapshot:
    """The current generation, read-only (a :class:`Snapshot`, usable as a ``Store``).

    Writing goes through :class:`Writer` (or :func:`kg.build.build`); there is no read-write
    handle on a published generation.
    """
    if not read_only:
        raise StoreError(
            "a store is written through kg.store.Writer (kg build / kg remove), "
            "not opened read-write"
        )
    return open_snapshot(path)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


# --------------------------------------------------------------------------- the writer


class Writer:
    """The one process that changes a store, one generation at a time.

    ``with Writer(path) as w: w.replace_graphs(...); w.remove_graph(...); w.publish()`` —
    changes go into a new, unpublished generation (made on the first change); ``publish()``
    makes it current. Leaving the ``with`` block without publishing discards the changes.
    ``articles`` is the article index, to be kept in step with the graphs by the caller.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.where = store_path(path)
        self._lock_fd: int | None = None
        self._created = False
        self.head: str | None = None
        self.index: dict = read_index(self.where, None)
        self.store: Store | None = None
        self.pending: str | None = None
        self.published: list[str] = []
        self.compacted: list[str] = []  # the published generations that were compacted
        self.changed_quads = 0  # quads loaded or removed by this writer, over all generations

    @property
    def articles(self) -> dict[str, dict]:
        return self.index["articles"]

    @property
    def stored_quads(self) -> int:
        """The quads of the articles in the index (what the store holds in article graphs)."""
        return sum(entry.get("quads", 0) for entry in self.articles.values())

    # -- the lock
    def __enter__(self) -> Writer:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def acquire(self) -> None:
        where = self.where
        if where.exists() and not where.is_dir():
            raise StoreError(f"{where} is a file, not a store folder")
        with _HELD_LOCK:
            if _key(where) in _HELD:
                raise _busy(where, "writing it (kg build or kg remove)")
            try:
                self._created = not where.exists()
                where.mkdir(parents=True, exist_ok=True)
                fd = os.open(where / WRITER_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StoreError(f"cannot open the store at {where} for writing: {exc}") from None
            try:
                # A POSIX lock: released when this process dies, and not inherited by forked
                # worker processes (which would keep a killed build's store locked).
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EACCES, errno.EAGAIN):
                    raise _busy(where, "writing it (kg build or kg remove)") from None
                raise StoreError(f"cannot lock the store at {where}: {exc}") from None
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
            self._lock_fd = fd
            self._key = _key(where)
            _HELD[self._key] = fd
        if is_legacy(where):
            self._convert_legacy()
        self.head = current_generation(where)
        self.index = read_index(where, self.head)
        self.collect_garbage()

    def release(self) -> None:
        self.discard()
        if self._lock_fd is not None:
            with _HELD_LOCK:
                _HELD.pop(self._key, None)
                os.close(self._lock_fd)
            self._lock_fd = None
        if self._created and self.head is None:
            # A first build that published nothing leaves no store behind.
            shutil.rmtree(self.where, ignore_errors=True)

    # -- generations
    def _next_name(self) -> str:
        numbers = [int(_GENERATION.match(n).group(1)) for n in generations(self.where)]
        return generation_name(max(numbers, default=0) + 1)

    def _open_pending(self) -> Store:
        if self.store is not None:
            return self.store
        name = self._next_name()
        target = self.where / name
        try:
            if self.head is None:
                store = Store(str(target))
            else:
                with open_snapshot(self.where) as snap:
                    if snap.generation != self.head:
                        raise StoreError(f"{self.where / HEAD} changed under the writer")
                    snap.store.backup(str(target))
                store = Store(str(target))
        except OSError as exc:
            raise StoreError(
                f"cannot make generation {name} in {self.where}: {_one_line(exc)}"
            ) from None
        self.store, self.pending = store, name
        return store

    def replace_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> None:
        graphs = list(graphs)
        self.changed_quads += sum(nquads.count(b"\n") for _, nquads in graphs)
        replace_graphs(self._open_pending(), graphs)

    def remove_graph(self, article_id: str) -> None:
        self.changed_quads += self.articles.get(article_id, {}).get("quads", 0)
        self._open_pending().remove_graph(article_graph(article_id))

    def update(self, sparql: str) -> None:
        """Run a SPARQL update on the pending generation."""
        self._open_pending().update(sparql, prefixes=PREFIXES)

    @property
    def dirty(self) -> bool:
        return self.store is not None

    def publish(self, final: bool = True) -> str | None:
        """Make the pending generation current (flush, close, index, switch HEAD).

        ``final`` also compacts the database (slower to publish, faster to read) when this
        writer changed a large part of it (see :data:`COMPACT_SHARE`)."""
        if self.store is None:
            if self.head is None:
                self._open_pending()  # an empty first build still makes an (empty) store
            else:
                return self.head
        name = self.pending
        store = self.store
        try:
            store.flush()
            compact = final and self._changed_much()
            if compact:
                store.optimize()
        except OSError as exc:
            raise StoreError(f"cannot flush generation {name}: {_one_line(exc)}") from None
        self.store = None
        del store
        gc.collect()  # the database must be closed before anyone may open it read-only
        self.index["version"] = INDEX_VERSION
        _write_atomically(
            self.where / f"{name}.json",
            json.dumps(self.index, ensure_ascii=False, sort_keys=True).encode(),
        )
        (self.where / f"{name}.lock").touch()
        _write_atomically(self.where / HEAD, f"{name}\n".encode("ascii"))
        self.head, self.pending = name, None
        self.published.append(name)
        if compact:
            self.compacted.append(name)
        self.collect_garbage()
        return name

    def _changed_much(self) -> bool:
        """True when this writer loaded or removed at least :data:`COMPACT_SHARE` of the quads
        the article index records (and when the index records none, as for a first build)."""
        return self.changed_quads >= COMPACT_SHARE * self.stored_quads

    def discard(self) -> None:
        """Drop the pending generation (nothing of it was ever visible)."""
        if self.store is None and self.pending is None:
            return
        self.store = None
        gc.collect()
        if self.pending is not None:
            shutil.rmtree(self.where / self.pending, ignore_errors=True)
            self.pending = None
        self.index = read_index(self.where, self.head)

    def collect_garbage(self) -> list[str]:
        """Delete generations other than HEAD that no reader holds, and stray files."""
        removed = []
        for name in generations(self.where):
            if name in (self.head, self.pending):
                continue
            lock_path = self.where / f"{name}.lock"
            fd = None
            if lock_path.exists():
                try:
                    fd = os.open(lock_path, os.O_RDONLY)
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    if fd is not None:
                        os.close(fd)
                    continue  # a reader still uses it
            try:
                shutil.rmtree(self.where / name, ignore_errors=True)
                for suffix in (".json", ".json.tmp"):
                    with contextlib.suppress(FileNotFoundError):
                        (self.where / f"{name}{suffix}").unlink()
                with contextlib.suppress(FileNotFoundError):
                    lock_path.unlink()
                removed.append(name)
            finally:
                if fd is not None:
                    os.close(fd)
        for stray in self.where.glob("*.tmp"):
            with contextlib.suppress(OSError):
                stray.unlink()
        for index in self.where.glob("gen-*.json"):
            if (
                index.stem not in (self.head, self.pending)
                and not (self.where / index.stem).exists()
            ):
                with contextlib.suppress(OSError):
                    index.unlink()
        return removed

    def _convert_legacy(self) -> None:
        """Turn a store of the old layout (RocksDB files in the folder) into generation 1."""
        name = generation_name(1)
        target = self.where / name
        shutil.rmtree(target, ignore_errors=True)
        try:
            Store.read_only(str(self.where)).backup(str(target))
        except OSError as exc:
            raise StoreError(
                f"cannot convert the old store at {self.where}: {_one_line(exc)}"
            ) from None
        gc.collect()
        (self.where / f"{name}.lock").touch()
        _write_atomically(
            self.where / f"{name}.json", json.dumps(read_index(self.where, None)).encode()
        )
        _write_atomically(self.where / HEAD, f"{name}\n".encode("ascii"))
        for path in self.where.iterdir():
            if path.is_file() and _ROCKSDB_FILES.match(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()


# --------------------------------------------------------------------------- graphs, queries


def replace_graphs(store: Store, graphs: Iterable[tuple[str, bytes]]) -> None:
    """Replace each article's named graph by the given N-Quads, with one bulk load.

    ``graphs`` is ``(article id, N-Quads bytes)``; the N-Quads must all be in that article's
    graph (as :func:`kg.rdf.article_quads` makes them).
    """
    graphs = list(graphs)
    for article_id, _ in graphs:
        graph = article_graph(article_id)
        # Removing a graph the store lacks still costs a write (0.3 ms, about a fifth of
        # loading an article); asking first costs 2 µs.
        if store.contains_named_graph(graph):
            store.remove_graph(graph)
    pieces = [nquads for _, nquads in graphs if nquads]
    if pieces:
        # lenient: the N-Quads come from pyoxigraph's own serializer, so checking every IRI
        # and language tag again is wasted (about 8 % of the load). Read as a stream, the
        # batch is not copied into one string (a batch is a few hundred MB).
        store.bulk_load(
            input=io.BufferedReader(_PiecesReader(pieces), buffer_size=1 << 20),
            format=RdfFormat.N_QUADS,
            lenient=True,
        )


class _PiecesReader(io.RawIOBase):
    """A binary stream over a list of byte strings, as if they were joined."""

    def __init__(self, pieces: list[bytes]) -> None:
        self._pieces = pieces
        self._next = 0  # the piece being read
        self._at = 0  # where in it

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        view = memoryview(buffer)
        filled = 0
        while filled < len(view) and self._next < len(self._pieces):
            piece = self._pieces[self._next]
            count = min(len(view) - filled, len(piece) - self._at)
            view[filled : filled + count] = memoryview(piece)[self._at : self._at + count]
            filled += count
            self._at += count
            if self._at == len(piece):
                self._next, self._at = self._next + 1, 0
        return filled


# A query marks where a parameter is best bound with ``VALUES ?name { UNDEF }`` (no value:
# the pattern is unconstrained). Oxigraph plans a query with a VALUES block's terms known,
# but applies substitutions only after planning: binding a person's name there took 4 s on
# a 10,000-article store, in the VALUES block 5 ms.
_PARAMETER_SLOT = re.compile(r"VALUES\s*\?(\w+)\s*\{\s*UNDEF\s*\}", re.IGNORECASE)


def bind_parameters(sparql: str, params: dict[str, object]) -> tuple[str, dict[str, object]]:
    """The query with each parameter that has a ``VALUES ?name { UNDEF }`` slot written into
    it, and the parameters left for substitution.

    A value goes in as the N-Triples text pyoxigraph makes of the RDF term (quotes and
    backslashes escaped), so no value can change what the query says. A list or tuple of
    terms fills the slot with all of them (rows for any); it needs a slot.
    """
    filled: set[str] = set()

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name not in params:
            return match.group(0)
        filled.add(name)
        value = params[name]
        terms = value if isinstance(value, list | tuple) else (value,)
        return f"VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"

    sparql = _PARAMETER_SLOT.sub(fill, sparql)
    rest = {name: term for name, term in params.items() if name not in filled}
    for name, value in rest.items():
        if isinstance(value, list | tuple):
            raise ValueError(
                f"parameter {name!r} has several values but the query has no "
                f"VALUES ?{name} {{ UNDEF }} slot for them"
            )
    return sparql, rest


def query(store: Store, sparql: str, params: dict[str, object] | None = None):
    """Run SPARQL over the union of the article graphs, the project's prefixes predeclared.

    ``params`` binds variables to RDF terms: in the query's ``VALUES ?name { UNDEF }`` slot
    when it has one (see :func:`bind_parameters`), else as pyoxigraph ``substitutions``.
    """
    sparql, rest = bind_parameters(sparql, params or {})
    substitutions = {Variable(name): term for name, term in rest.items()}
    return store.query(
        sparql,
        use_default_graph_as_union=True,
        prefixes=PREFIXES,
        substitutions=substitutions or None,
    )


def graph_node(graph: str) -> NamedNode:
    """A graph given as an IRI, or as an article id."""
    if "://" in graph:
        return NamedNode(graph)
    return article_graph(graph)


def union_triples(store: Store, graph: NamedNode | None = None) -> Iterator:
    """The distinct triples of one graph or of all of them."""
    seen: dict = {}
    for quad in store.quads_for_pattern(None, None, None, graph):
        seen.setdefault(quad.triple, None)
    return iter(seen)


def count_triples(store: Store) -> int:
    """Distinct triples over all graphs (what a Turtle export holds)."""
    return sum(1 for _ in union_triples(store))


def count_quads(store: Store) -> int:
    return len(store)


def export(store: Store, output: BinaryIO, fmt: str = "turtle", graph: str | None = None) -> None:
    """Write the store (or one article's graph) as Turtle, TriG, N-Quads or JSON-LD.

    Turtle has no graphs, so it holds the union of the graphs' triples.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    target = graph_node(graph) if graph else None
    if target is not None and not any(
        True for _ in store.quads_for_pattern(None, None, None, target)
    ):
        raise StoreError(f"no graph {target.value} in the store")
    if fmt == "turtle":
        serialize(union_triples(store, target), output, RdfFormat.TURTLE, prefixes=PREFIXES)
    elif fmt in ("trig", "nquads"):
        rdf_format = RdfFormat.TRIG if fmt == "trig" else RdfFormat.N_QUADS
        prefixes = PREFIXES if fmt == "trig" else None
        if target is None:
            store.dump(output, rdf_format, prefixes=prefixes)
        else:
            quads = store.quads_for_pattern(None, None, None, target)
            serialize(quads, output, rdf_format, prefixes=prefixes)
    else:
        buffer = io.BytesIO()
        if target is None:
            store.dump(buffer, RdfFormat.N_QUADS)
        else:
            serialize(store.quads_for_pattern(None, None, None, target), buffer, RdfFormat.N_QUADS)
        output.write(jsonld(buffer.getvalue()))


def article_ids(store: Store) -> list[str]:
    """Ids of the articles in the store."""
    rows = query(
        store,
        "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?g a kg:Article ; "
        "dct:identifier ?id } } ORDER BY ?id",
    )
    return [row["id"].value for row in rows]


__all__ = [
    "DEFAULT_STORE",
    "ENV_VAR",
    "Quad",
    "Snapshot",
    "StoreBusy",
    "StoreError",
    "Writer",
    "article_ids",
    "count_quads",
    "count_triples",
    "current_generation",
    "export",
    "graph_node",
    "open_snapshot",
    "open_store",
    "query",
    "replace_graphs",
    "store_path",
    "union_triples",
]
