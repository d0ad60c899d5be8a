"""``kg push`` and ``kg build --endpoint`` against a real Oxigraph server that each test starts
on loopback (and stops), with the triple counts compared graph by graph."""

from __future__ import annotations

import pytest
import requests
from conftest import SAMPLES, SEED_IDS, run_cli

from kg.push import PushError, Remote, push
from kg.rdf import article_graph
from kg.serve import OxigraphServer, free_port
from kg.store import open_snapshot


@pytest.fixture
def server(tmp_path):
    """An empty, writable Oxigraph server (on disk, in the test's folder) on a free port."""
    with OxigraphServer(tmp_path / "remote", port=0, read_only=False) as srv:
        yield srv
    assert not srv.running()


def local_sizes(store) -> dict[str, int]:
    with open_snapshot(store) as snap:
        sizes: dict[str, int] = {}
        for quad in snap.quads_for_pattern(None, None, None, None):
            sizes[quad.graph_name.value] = sizes.get(quad.graph_name.value, 0) + 1
    return sizes


def remote_sizes(srv: OxigraphServer) -> dict[str, int]:
    with Remote(srv.query_url) as remote:
        return remote.graph_sizes()


def test_push_by_graph_store_protocol_gives_the_same_graphs(server, built_store):
    summary = push(built_store, server.query_url, server.store_url)
    expected = local_sizes(built_store)
    assert summary.ok and summary.graphs == len(expected) == len(SEED_IDS)
    assert summary.quads == sum(expected.values())
    assert summary.requests == len(SEED_IDS)  # one PUT per article
    assert remote_sizes(server) == expected


def test_pushing_again_replaces_each_graph(server, built_store):
    push(built_store, server.query_url, server.store_url)
    graph = article_graph(SEED_IDS[0]).value
    stray = requests.post(
        server.update_url,
        timeout=30,
        data=(
            f"INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> "
            f'"left over" }} }}'
        ).encode(),
        headers={"Content-Type": "application/sparql-update"},
    )
    assert stray.status_code in (200, 204)
    assert remote_sizes(server)[graph] == local_sizes(built_store)[graph] + 1
    push(built_store, server.query_url, server.store_url)
    assert remote_sizes(server) == local_sizes(built_store)


@pytest.mark.parametrize("mode", ["bulk", "update"])
def test_bulk_and_sparql_update_modes_are_idempotent_too(server, built_store, mode):
    graph_store = server.store_url if mode == "bulk" else None
    for _ in range(2):
        summary = push(built_store, server.query_url, graph_store, bulk=mode == "bulk")
        assert summary.ok and summary.graphs == len(SEED_IDS)
        assert remote_sizes(server) == local_sizes(built_store)
    if mode == "bulk":
        assert summary.requests == 2  # one DROP update, one POST of all the N-Quads


def test_other_graphs_of_the_remote_store_are_left_alone(server, built_store):
    other = "http://example.org/someone-elses-graph"
    put = requests.put(
        server.store_url,
        params={"graph": other},
        timeout=30,
        data=b'<http://example.org/a> <http://example.org/b> "c" .\n',
        headers={"Content-Type": "application/n-triples"},
    )
    assert put.status_code in (200, 201, 204)
    push(built_store, server.query_url, server.store_url, bulk=True)
    assert remote_sizes(server)[other] == 1


def test_push_cli_with_verify_and_one_graph(server, built_store):
    result = run_cli(
        "push",
        "--endpoint",
        server.query_url,
        "--graph-store",
        server.store_url,
        "--graph",
        SEED_IDS[1],
        "--verify",
        "--store",
        built_store,
    )
    assert result.exit_code == 0, result.output
    assert "pushed 1 graphs" in result.stdout and "verified" in result.stdout
    graph = article_graph(SEED_IDS[1]).value
    assert remote_sizes(server) == {graph: local_sizes(built_store)[graph]}


def test_contract_queries_on_the_pushed_store_match_kg_query(server, built_store):
    from test_serve import http_rows, kg_query_rows

    push(built_store, server.query_url, server.store_url)
    for name in ("officials", "indicators"):
        local = kg_query_rows(built_store, name)
        remote = http_rows(server.query_url, name)  # the server's default graph is the union
        assert sorted(remote[1:]) == sorted(local[1:]) and len(local) > 1


def test_build_straight_into_an_endpoint(server, built_store):
    result = run_cli(
        "build", SAMPLES, "--endpoint", server.query_url, "--graph-store", server.store_url
    )
    assert result.exit_code == 0, result.output
    assert f"Built into {server.query_url}" in result.stdout
    assert remote_sizes(server) == local_sizes(built_store)
    again = run_cli("build", SAMPLES, "--endpoint", server.query_url)  # SPARQL Update this time
    assert again.exit_code == 0, again.output
    assert remote_sizes(server) == local_sizes(built_store)


def test_an_unreachable_endpoint_is_a_clean_error(built_store):
    url = f"http://127.0.0.1:{free_port()}/query"  # nobody listens there
    result = run_cli(
        "push",
        "--endpoint",
        url,
        "--graph-store",
        url.replace("query", "store"),
        "--bulk",
        "--store",
        built_store,
    )
    assert result.exit_code == 1
    assert "Connection refused" in result.stderr or "connect" in result.stderr.lower()
    per_graph = run_cli("push", "--endpoint", url, "--store", built_store)
    assert per_graph.exit_code == 1
    assert per_graph.stderr.count("failed:") == len(SEED_IDS)


def test_a_refused_request_says_what_the_store_answered(server):
    with (
        Remote(server.query_url, server.url + "/nonesuch") as remote,
        pytest.raises(PushError, match="404|400|405"),
    ):
        remote.put_graph("http://example.org/g", b"")
