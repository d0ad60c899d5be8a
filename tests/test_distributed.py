"""Extraction on a real ``dask.distributed.LocalCluster`` of 2 worker processes gives the same
graph as a local build; ``kg extract --format nquads PATH...`` streams the same quads."""

from __future__ import annotations

import pytest
from conftest import SAMPLES, SEED_IDS, run_cli
from pyoxigraph import RdfFormat, parse

from kg import distributed
from kg.build import build
from kg.distributed import ClusterError
from kg.store import open_snapshot


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None, host="127.0.0.1"
    ) as local:
        yield local
    assert local.status.name == "closed"


def store_quads(store) -> set:
    with open_snapshot(store) as snap:
        return set(snap.quads_for_pattern(None, None, None, None))


def test_a_build_on_the_cluster_gives_the_same_graph(cluster, built_store, tmp_path):
    summary = build([SAMPLES], tmp_path / "s", scheduler=cluster.scheduler_address)
    assert summary.ok and summary.articles == len(SEED_IDS)
    assert store_quads(tmp_path / "s") == store_quads(built_store)


def test_kg_build_scheduler_cli(cluster, built_store, tmp_path):
    result = run_cli(
        "build", SAMPLES, "--store", tmp_path / "s", "--scheduler", cluster.scheduler_address
    )
    assert result.exit_code == 0, result.output
    assert store_quads(tmp_path / "s") == store_quads(built_store)


def test_results_stream_back_in_corpus_order_in_small_partitions(cluster, tmp_path):
    from distributed import Client

    from kg.reader import read_corpus

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"no date line here\n")
    failures: list = []
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        items = list(
            distributed.cluster_results(
                read_corpus([SAMPLES, bad]), client, failures, partition_size=2, in_flight=1
            )
        )
    ids = [getattr(item, "article_id", None) for item in items]
    assert [i for i in ids if i] == SEED_IDS
    assert len(failures) == 1 and failures[0].path == str(bad)
    assert all(item.nquads for item in items if getattr(item, "article_id", None))


def test_workers_with_other_extraction_code_are_refused(cluster, monkeypatch):
    import kg.build

    monkeypatch.setattr(kg.build, "pipeline_fingerprint", lambda: "another version")
    with pytest.raises(ClusterError, match="different kg extraction code"):
        distributed.connect(cluster.scheduler_address)


def test_an_unreachable_scheduler_is_a_clean_error(tmp_path, monkeypatch):
    from kg.serve import free_port

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 2)
    result = run_cli(
        "build", SAMPLES, "--store", tmp_path / "s", "--scheduler", f"tcp://127.0.0.1:{free_port()}"
    )
    assert result.exit_code == 1
    assert "cannot reach the Dask scheduler" in result.stderr
    assert not (tmp_path / "s").exists()


def test_extract_streams_nquads_for_several_paths(built_store):
    first = sorted(SAMPLES.glob("*.txt"))[0]
    result = run_cli("extract", first, SAMPLES, "--format", "nquads")
    assert result.exit_code == 0, result.stderr
    quads = list(parse(result.stdout_bytes, format=RdfFormat.N_QUADS))
    assert set(quads) == store_quads(built_store)  # what kg build loads, article by article
    graphs = [q.graph_name.value.rsplit("/", 1)[1] for q in quads]
    assert list(dict.fromkeys(graphs)) == SEED_IDS  # streamed article by article, in order
    once = sum(1 for q in store_quads(built_store) if q.graph_name.value.endswith(SEED_IDS[0]))
    assert graphs.count(SEED_IDS[0]) == 2 * once  # the first file, and again in the folder


def test_extract_reports_bad_input_and_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"no date line here\n")
    result = run_cli("extract", bad, sorted(SAMPLES.glob("*.txt"))[0], "--format", "nquads")
    assert result.exit_code == 1
    assert "bad.txt" in result.stderr and result.stdout_bytes.count(b"\n") > 100
