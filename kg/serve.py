"""Serve the store over HTTP with the real Oxigraph server (SPARQL 1.1 Protocol, Graph Store).

The PyPI package ``oxigraph`` ships the server binary (``oxigraph serve-read-only --location
DIR --bind HOST:PORT``); kg only starts it on the right folder and stops it.

A kg store is a series of generations (see :mod:`kg.store`). The Oxigraph server opens a RocksDB
folder itself, so :func:`serve` points it at a generation folder:

* read-only (the default): the current generation, which is never written again, opened with
  ``serve-read-only``. kg holds the generation's shared reader lock while serving, so a
  concurrent ``kg build`` can publish new generations but never deletes the one being served.
  The server shows that snapshot; with ``follow`` it is restarted on each new generation.
* ``writable``: kg takes the store's writer lock (``kg build`` waits its turn: it exits busy),
  makes the next generation as a copy of the current one and serves it with ``serve``
  (SPARQL Update and Graph Store writes allowed); when the server stops, that generation is
  published. Readers (``kg query``) see the previous generation until then.
"""

from __future__ import annotations

import contextlib
import gc
import ipaddress
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kg.namespace import PREFIXES
from kg.store import (
    StoreError,
    Writer,
    current_generation,
    open_snapshot,
    store_path,
)

DEFAULT_PORT = 7878
DEFAULT_BIND = "127.0.0.1"
BINARY_ENV = "KG_OXIGRAPH"  # path of the oxigraph binary, when it is not beside python
START_TIMEOUT = 30.0


class ServeError(RuntimeError):
    """The server cannot be found, started or reached; the message says what to do."""


# --------------------------------------------------------------------------- the binary


def oxigraph_binary() -> str:
    """The ``oxigraph`` server binary: ``$KG_OXIGRAPH``, else beside this Python (the
    ``oxigraph`` package installs it into the environment's scripts folder), else on PATH."""
    explicit = os.environ.get(BINARY_ENV)
    if explicit:
        if not os.access(explicit, os.X_OK):
            raise ServeError(f"{BINARY_ENV}={explicit} is not an executable file")
        return explicit
    folders = [sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]
    search = os.pathsep.join([*folders, os.environ.get("PATH", "")])
    found = shutil.which("oxigraph", path=search)
    if found is None:
        raise ServeError(
            "the Oxigraph server is not installed: pip install 'oxigraph>=0.5,<0.6' "
            f"(or set {BINARY_ENV} to its binary)"
        )
    return found


def full_query_text(sparql: str) -> str:
    """A query with the project's prefixes declared (``kg query`` declares them itself; an
    HTTP endpoint needs the PREFIX lines in the text)."""
    prologue = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in sorted(PREFIXES.items()))
    return prologue + sparql


def canned_queries() -> dict[str, str]:
    """Name -> first line of description, for the queries in ``queries/``."""
    from kg.queries import available

    return available()


def canned_query_text(name: str) -> str:
    """The full SPARQL text (with PREFIX lines) of a query of ``queries/``, to send over HTTP."""
    from kg.queries import load

    _, text = load(name)
    return full_query_text(text)


# --------------------------------------------------------------------------- one server


def free_port(host: str = DEFAULT_BIND) -> int:
    """A TCP port nobody listens on right now (the server may still lose a race for it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


@dataclass
class OxigraphServer:
    """One ``oxigraph serve`` / ``serve-read-only`` process on ``host:port``.

    ``location`` None serves an in-memory store (``serve`` only). ``port`` 0 picks a free port.
    Use as a context manager, or ``start()`` / ``stop()``; ``stop`` always ends the process.
    """

    location: Path | None = None
    host: str = DEFAULT_BIND
    port: int = DEFAULT_PORT
    read_only: bool = True
    union_default_graph: bool = True
    timeout_s: int | None = None
    cors: bool = False
    process: subprocess.Popen | None = field(default=None, init=False, repr=False)
    _log: object = field(default=None, init=False, repr=False)

    @property
    def url(self) -> str:
        return f"http://{_url_host(self.host)}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.url}/query"

    @property
    def update_url(self) -> str:
        return f"{self.url}/update"

    @property
    def store_url(self) -> str:
        return f"{self.url}/store"

    def command(self) -> list[str]:
        if self.read_only and self.location is None:
            raise ServeError("a read-only server needs a store folder")
        args = [oxigraph_binary(), "serve-read-only" if self.read_only else "serve"]
        if self.location is not None:
            args += ["--location", str(self.location)]
        args += ["--bind", f"{_url_host(self.host)}:{self.port}"]
        if self.union_default_graph:
            args.append("--union-default-graph")
        if self.timeout_s:
            args += ["--timeout-s", str(self.timeout_s)]
        if self.cors:
            args.append("--cors")
        return args

    def start(self, timeout: float = START_TIMEOUT) -> OxigraphServer:
        """Start the server and wait until it answers a query."""
        pick = self.port == 0
        for _attempt in range(5 if pick else 1):
            if pick:
                self.port = free_port(self.host)
            self._log = tempfile.TemporaryFile()
            self.process = subprocess.Popen(
                self.command(),
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                self._wait_ready(timeout)
                return self
            except ServeError as exc:
                log = self.log()
                self.stop()
                if pick and "in use" in log.lower():
                    continue
                raise ServeError(f"{exc}: {' '.join(log.split())[-500:]}") from None
        raise ServeError(f"could not find a free port on {self.host}")

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        probe = f"{self.query_url}?{urllib.parse.urlencode({'query': 'ASK {}'})}"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServeError(f"the Oxigraph server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.05)
        raise ServeError(f"the Oxigraph server did not answer on {self.url} within {timeout:g} s")

    def log(self) -> str:
        if self._log is None:
            return ""
        with contextlib.suppress(OSError, ValueError):
            self._log.seek(0)
            return self._log.read().decode("utf-8", "replace")
        return ""

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def wait(self) -> int:
        return self.process.wait() if self.process is not None else 0

    def stop(self, grace: float = 10.0) -> None:
        """Stop the server (SIGTERM, then SIGKILL after ``grace`` seconds)."""
        process, self.process = self.process, None
        if process is not None:
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(grace)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if self._log is not None:
            with contextlib.suppress(OSError):
                self._log.close()
            self._log = None

    def __enter__(self) -> OxigraphServer:
        return self.start() if not self.running() else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.stop(grace=2)


# --------------------------------------------------------------------------- serving a store


@dataclass
class Serving:
    """What :func:`serve` tells its caller once the server answers."""

    server: OxigraphServer
    store: Path
    generation: str
    writable: bool


class _Stop(Exception):
    pass


def _hold_generation(where: Path):
    """The current generation's name and a snapshot holding its reader lock (the database
    handle itself is released: the Oxigraph server opens the folder on its own)."""
    snap = open_snapshot(where)
    if snap.generation is None:
        snap.close()
        raise StoreError(
            f"{where} is a store of the old layout; run `kg build` on it once "
            f"to convert it before serving it"
        )
    snap.store = None  # keep the shared lock, close RocksDB
    gc.collect()
    return snap.generation, snap


def serve(
    store: str | Path | None = None,
    host: str = DEFAULT_BIND,
    port: int = DEFAULT_PORT,
    writable: bool = False,
    follow: bool = False,
    union_default_graph: bool = True,
    timeout_s: int | None = None,
    cors: bool = False,
    on_ready: Callable[[Serving], None] | None = None,
    on_switch: Callable[[Serving], None] | None = None,
    poll: float = 2.0,
    should_stop: Callable[[], bool] | None = None,
) -> str | None:
    """Serve the store until SIGINT / SIGTERM (or ``should_stop()``); see the module docstring.

    Returns the generation published by a writable server, else None.
    """
    where = store_path(store)
    published: list[str] = []
    with _StopOnSignals():
        if writable:
            _serve_writable(
                where,
                host,
                port,
                union_default_graph,
                timeout_s,
                cors,
                on_ready,
                should_stop,
                poll,
                published,
            )
        else:
            _serve_read_only(
                where,
                host,
                port,
                follow,
                union_default_graph,
                timeout_s,
                cors,
                on_ready,
                on_switch,
                should_stop,
                poll,
            )
    return published[0] if published else None


class _StopOnSignals:
    """SIGTERM (and SIGINT) end serving cleanly: the server is stopped, locks released."""

    def __init__(self) -> None:
        self.stopped = False
        self._old: dict[int, object] = {}

    def _handler(self, signum, frame) -> None:
        if self.stopped:
            return  # already stopping: let the clean-up finish
        self.stopped = True
        raise _Stop()

    def __enter__(self) -> _StopOnSignals:
        if threading_main():
            for sig in (signal.SIGTERM, signal.SIGINT):
                self._old[sig] = signal.signal(sig, self._handler)
        return self

    def __exit__(self, *exc: object) -> bool:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        return exc[0] is _Stop  # a stop by signal is a normal end


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _serve_read_only(
    where, host, port, follow, union, timeout_s, cors, on_ready, on_switch, should_stop, poll
) -> None:
    generation, held = _hold_generation(where)
    server = OxigraphServer(where / generation, host, port, True, union, timeout_s, cors)
    try:
        server.start()
        if on_ready:
            on_ready(Serving(server, where, generation, False))
        while True:
            time.sleep(poll)
            if should_stop and should_stop():
                return
            if not server.running():
                raise ServeError(
                    f"the Oxigraph server stopped (exit code "
                    f"{server.process.returncode if server.process else '?'}): "
                    f"{' '.join(server.log().split())[-300:]}"
                )
            if follow:
                try:
                    head = current_generation(where)
                except StoreError:
                    continue
                if head and head != generation:
                    new_generation, new_held = _hold_generation(where)
                    server.stop()
                    held.close()
                    generation, held = new_generation, new_held
                    server = OxigraphServer(
                        where / generation, host, server.port, True, union, timeout_s, cors
                    )
                    server.start()
                    if on_switch:
                        on_switch(Serving(server, where, generation, False))
    finally:
        server.stop()
        held.close()


def _serve_writable(
    where, host, port, union, timeout_s, cors, on_ready, should_stop, poll, published: list[str]
) -> None:
    from pyoxigraph import Store

    with Writer(where) as writer:
        writer.replace_graphs([])  # makes the next generation: a copy of the current one
        pending = writer.pending
        writer.store = None  # close it: the server opens the folder
        gc.collect()
        server = OxigraphServer(where / pending, host, port, False, union, timeout_s, cors)
        try:
            server.start()
        except BaseException:
            writer.discard()  # nothing was served: no new generation
            raise
        try:
            if on_ready:
                on_ready(Serving(server, where, pending, True))
            while server.running() and not (should_stop and should_stop()):
                time.sleep(poll)
        finally:
            server.stop()
            # Publish what the server wrote (it flushed on SIGTERM; RocksDB's log replays).
            try:
                writer.store = Store(str(where / pending))
            except OSError as exc:
                raise StoreError(f"cannot reopen {pending} after serving: {exc}") from None
            _forget_removed_articles(writer)
            published.append(writer.publish())


def _forget_removed_articles(writer: Writer) -> None:
    """Articles whose graph was dropped over HTTP leave the article index (a later build of
    them loads them again); graphs added over HTTP are not indexed (a build replaces them)."""
    from kg.rdf import article_graph

    graphs = {g.value for g in writer.store.named_graphs() if hasattr(g, "value")}
    for article_id in list(writer.articles):
        if article_graph(article_id).value not in graphs:
            writer.articles.pop(article_id)


def describe(serving: Serving) -> list[str]:
    """The lines ``kg serve`` prints at start: endpoints, the generation, the canned queries."""
    server = serving.server
    mode = "read-write" if serving.writable else "read-only"
    lines = [
        f"Listening for requests at {server.url}",
        f"Serving {serving.store} ({mode}), generation {serving.generation}",
    ]
    if serving.writable:
        lines.append(
            "  writes go into this new generation; it is published when the server "
            "stops (kg build waits until then)"
        )
    else:
        lines.append(
            "  a snapshot: builds published after this are not seen unless --follow "
            "is given (or kg serve is restarted)"
        )
    lines += [f"  SPARQL query    {server.query_url}   (GET or POST, SPARQL 1.1 Protocol)"]
    if serving.writable:
        lines.append(f"  SPARQL update   {server.update_url}")
    lines += [
        f"  Graph Store     {server.store_url}?graph=IRI   (Graph Store Protocol"
        f"{'' if serving.writable else ', read'})"
    ]
    if server.union_default_graph:
        lines.append("  the default graph is the union of the article graphs (as in kg query)")
    lines.append("Canned queries (`kg serve --show-query NAME` prints one with its PREFIX lines):")
    names = canned_queries()
    width = max((len(n) for n in names), default=0)
    lines += [f"  {name:<{width}}  {what}" for name, what in names.items()]
    lines.append(
        f"Example: curl -H 'Accept: text/csv' --data-urlencode "
        f'"query=$(kg serve --show-query officials)" {server.query_url}'
    )
    return lines
