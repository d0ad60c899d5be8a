"""``kg serve``: the real Oxigraph server on a store generation, queried by a real SPARQL client
over HTTP on loopback. Every server a test starts is stopped by the test (bounded waits)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from conftest import SAMPLES, run_cli
from SPARQLWrapper import JSON, SPARQLWrapper

from kg import serve as kg_serve
from kg.queries import CONTRACT_QUERIES
from kg.store import current_generation, generations

KG = str(Path(sys.executable).parent / "kg")
COMPARED = (*CONTRACT_QUERIES, "stats")


def csv_rows(text: str) -> list[tuple[str, ...]]:
    return [tuple(row) for row in csv.reader(io.StringIO(text))]


def kg_query_rows(store: Path, name: str) -> list[tuple[str, ...]]:
    result = run_cli("query", name, "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    return csv_rows(result.stdout)


def http_rows(url: str, name: str) -> list[tuple[str, ...]]:
    """A canned query sent with SPARQLWrapper (a real SPARQL 1.1 Protocol client)."""
    client = SPARQLWrapper(url)
    client.setQuery(kg_serve.canned_query_text(name))
    client.setReturnFormat(JSON)
    client.setMethod("POST")
    client.setTimeout(30)
    data = client.queryAndConvert()
    variables = data["head"]["vars"]
    rows = [tuple(variables)]
    for binding in data["results"]["bindings"]:
        rows.append(tuple(binding[v]["value"] if v in binding else "" for v in variables))
    return rows


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def count(url: str) -> int:
    response = requests.post(
        url,
        data={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    response.raise_for_status()
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


class ServeProcess:
    """``kg serve ARGS`` as a real process; the lines it printed; stopped by SIGTERM."""

    def __init__(self, *args: str) -> None:
        self.port = kg_serve.free_port()
        env = {**os.environ, "COLUMNS": "250"}
        self.process = subprocess.Popen(
            [KG, "serve", "--port", str(self.port), *map(str, args)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(text in line for line in self.lines):
                return
            if self.process.poll() is not None:
                self._reader.join(2)
                raise AssertionError(
                    f"kg serve exited {self.process.returncode}: "
                    f"{self.lines} {self.process.stderr.read()}"
                )
            time.sleep(0.05)
        raise AssertionError(f"kg serve did not print {text!r} in {timeout} s: {self.lines}")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)  # its own session: it and its server
                self.process.wait(5)
        self._reader.join(5)
        return self.process.returncode


@pytest.fixture
def serving(built_store):
    started: list[ServeProcess] = []

    def start(*args: str, store: Path = built_store) -> ServeProcess:
        proc = ServeProcess("--store", store, *args)
        started.append(proc)
        proc.wait_for("Listening for requests at")
        return proc

    yield start
    for proc in started:
        proc.stop()


def test_contract_queries_over_http_give_the_rows_of_kg_query(serving, built_store):
    proc = serving()
    for name in COMPARED:
        local = kg_query_rows(built_store, name)
        remote = http_rows(f"{proc.url}/query", name)
        assert remote[0] == local[0], name  # the same columns, in the same order
        assert sorted(remote[1:]) == sorted(local[1:]), name
        assert len(local) > 1, name
    assert proc.stop() == 0
    assert not port_open(proc.port), "the Oxigraph server outlived kg serve"


def test_serve_lists_the_canned_queries_and_the_endpoints(serving):
    proc = serving()
    text = "\n".join(proc.lines)
    for name in (*COMPARED, "posts_of_person", "events_in_province"):
        assert f"  {name} " in text
    assert f"{proc.url}/query" in text and f"{proc.url}/store" in text
    assert "read-only" in text and "generation gen-" in text
    assert "/update" not in text  # no update endpoint when read-only


def test_rdflib_sparqlstore_reads_the_served_graph(serving, built_store):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    proc = serving()
    remote = SPARQLStore(f"{proc.url}/query", returnFormat="json")
    rows = list(remote.query(kg_serve.canned_query_text("localities")))
    local = kg_query_rows(built_store, "localities")
    assert sorted(tuple("" if v is None else str(v) for v in row) for row in rows) == sorted(
        local[1:]
    )
    remote.close()


def test_graph_store_protocol_reads_an_article_graph(serving, built_store):
    proc = serving()
    graph = f"https://kg.example.org/id/article/{SAMPLES.glob('000_*').__next__().stem}"
    response = requests.get(
        f"{proc.url}/store",
        params={"graph": graph},
        headers={"Accept": "application/n-triples"},
        timeout=30,
    )
    assert response.status_code == 200
    local = run_cli("export", "--format", "nquads", "--graph", graph, "--store", built_store)
    assert response.text.count("\n") == local.stdout.count("\n") > 100


def test_read_only_refuses_writes(serving):
    proc = serving()
    put = requests.put(
        f"{proc.url}/store",
        params={"graph": "http://example.org/g"},
        data=b"<http://a> <http://b> <http://c> .\n",
        headers={"Content-Type": "application/n-triples"},
        timeout=30,
    )
    assert put.status_code >= 400
    update = requests.post(
        f"{proc.url}/update",
        data="INSERT DATA { <http://a> <http://b> 1 }",
        headers={"Content-Type": "application/sparql-update"},
        timeout=30,
    )
    assert update.status_code >= 400


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("kg.lock"))
    return target


def test_a_build_while_serving_publishes_and_the_served_generation_stays(
    serving, built_store, tmp_path
):
    store = copy_store(built_store, tmp_path / "s")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in sorted(SAMPLES.glob("*.txt"))[:2]:
        shutil.copy(path, corpus / path.name)
    proc = serving(store=store)
    served = current_generation(store)
    before = count(f"{proc.url}/query")
    result = run_cli("build", corpus, "--store", store, "--full")
    assert result.exit_code == 0, result.output
    assert current_generation(store) != served  # the build published a new generation
    assert served in generations(store)  # ... and left the served one alone
    assert count(f"{proc.url}/query") == before  # the server still shows its snapshot
    assert proc.stop() == 0
    result = run_cli("build", corpus, "--store", store, "--full")  # the next writer collects it
    assert served not in generations(store)


def test_follow_switches_to_a_new_generation(built_store, tmp_path):
    store = copy_store(built_store, tmp_path / "s")
    switched: list[str] = []
    ready: list[kg_serve.Serving] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=kg_serve.serve,
        kwargs=dict(
            store=store,
            port=0,
            follow=True,
            poll=0.1,
            on_ready=ready.append,
            on_switch=lambda s: switched.append(s.generation),
            should_stop=stop.is_set,
        ),
    )
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not ready and time.monotonic() < deadline and thread.is_alive():
            time.sleep(0.05)
        url = ready[0].server.query_url
        before = count(url)
        result = run_cli("remove", SAMPLES.glob("000_*").__next__().stem, "--store", store)
        assert result.exit_code == 0, result.output
        while not switched and time.monotonic() < deadline:
            time.sleep(0.05)
        assert switched == [current_generation(store)]
        assert count(url) < before
    finally:
        stop.set()
        thread.join(30)
    assert not thread.is_alive()


def test_writable_server_publishes_its_changes_when_it_stops(serving, built_store, tmp_path):
    store = copy_store(built_store, tmp_path / "s")
    before = current_generation(store)
    proc = serving("--writable", store=store)
    assert "read-write" in "\n".join(proc.lines)
    graph = "http://example.org/extra"
    put = requests.put(
        f"{proc.url}/store",
        params={"graph": graph},
        data=b'<http://example.org/a> <http://example.org/b> "x" .\n',
        headers={"Content-Type": "application/n-triples"},
        timeout=30,
    )
    assert put.status_code in (200, 201, 204)
    busy = run_cli("build", SAMPLES, "--store", store)
    assert busy.exit_code == 75  # the server holds the writer lock: kg build waits its turn
    seen = run_cli(
        "query", "ASK { GRAPH <http://example.org/extra> { ?s ?p ?o } }", "--store", store
    )
    assert seen.stdout.strip() == "false"  # readers see the previous generation meanwhile
    assert proc.stop() == 0
    assert current_generation(store) != before
    seen = run_cli(
        "query", "ASK { GRAPH <http://example.org/extra> { ?s ?p ?o } }", "--store", store
    )
    assert seen.stdout.strip() == "true"
    assert kg_query_rows(store, "officials") == kg_query_rows(built_store, "officials")


def test_serve_without_a_store_fails_cleanly(tmp_path):
    result = run_cli("serve", "--store", tmp_path / "none", "--port", "0")
    assert result.exit_code == 1
    assert "no store" in result.stderr


def test_show_query_prints_a_query_with_its_prefixes():
    result = run_cli("serve", "--show-query", "officials")
    assert result.exit_code == 0
    assert result.stdout.startswith("PREFIX ")
    assert "PREFIX kg: <" in result.stdout and "SELECT DISTINCT ?name" in result.stdout
    assert run_cli("serve", "--show-query", "nonesuch").exit_code == 1


def test_loopback_addresses():
    assert kg_serve.is_loopback("127.0.0.1") and kg_serve.is_loopback("::1")
    assert kg_serve.is_loopback("localhost")
    assert not kg_serve.is_loopback("0.0.0.0") and not kg_serve.is_loopback("10.1.2.3")


def test_the_server_binary_is_installed():
    binary = kg_serve.oxigraph_binary()
    version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
    assert version.stdout.startswith("oxigraph 0.5")
