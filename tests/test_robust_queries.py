"""Safe queries: bound parameters, positions of syntax errors, time limits, no hidden updates."""

from __future__ import annotations

import re
import time

import pytest
from conftest import SEED_IDS, run_cli
from pyoxigraph import Literal, NamedNode

from kg import queries
from kg.store import open_snapshot

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_params_are_terms_never_text(built_store):
    params = queries.parse_params(["name=Hoàng Trung Dũng", "g=<https://kg.example.org/x>"])
    assert params == {
        "name": Literal("Hoàng Trung Dũng"),
        "g": NamedNode("https://kg.example.org/x"),
    }
    with pytest.raises(queries.QueryError, match="not an IRI"):
        queries.parse_params(["g=<not an iri>"])
    hostile = [
        '" } ; DROP ALL ; SELECT * { "',
        'x" . ?s ?p ?o . FILTER("1"="1',
        "<https://kg.example.org/id/article/x> } ",
        "\\\" ' \n # } }",
    ]
    for value in hostile:
        result = run_cli(
            "query",
            "posts_of_person",
            "--param",
            f"name={value}",
            "--format",
            "csv",
            "--store",
            built_store,
        )
        assert result.exit_code == 0, result.output
        assert result.stdout.strip() == "name,role,body,locality,date,former,article"
    article = f"<https://kg.example.org/id/article/{SEED_IDS[0]}>"
    one = run_cli(
        "query",
        "SELECT ?g ?id WHERE { GRAPH ?g { ?g dct:identifier ?id } }",
        "--param",
        f"g={article}",
        "--format",
        "csv",
        "--store",
        built_store,
    )
    assert one.exit_code == 0, one.output
    assert one.stdout.split() == ["g,id", f"{article[1:-1]},{SEED_IDS[0]}"]


def test_a_malformed_query_is_reported_with_line_and_column(built_store):
    result = run_cli("query", "SELECT ?s\nWHERE {\n  ?s ?p \n}", "--store", built_store)
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert "\n" not in message and re.search(r"syntax error at 4:\d+", message), message
    rq = built_store.parent / "broken.rq"
    rq.write_text("# broken\nSELECT * WHERE { ?s ?p ?o ", encoding="utf-8")
    result = run_cli("query", rq, "--store", built_store)
    assert result.exit_code == 1 and str(rq) in result.stderr
    assert re.search(r"at 2:\d+", result.stderr)


def test_updates_are_refused_unless_allowed(built_store, tmp_path):
    import shutil

    store = tmp_path / "copy"
    shutil.copytree(built_store, store)
    for update in (
        "DROP ALL",
        "CLEAR DEFAULT",
        "# comment\nPREFIX x: <http://x/>\nINSERT DATA { x:a x:b x:c }",
        "DELETE WHERE { ?s ?p ?o }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE {}",
    ):
        result = run_cli("query", update, "--store", store)
        assert result.exit_code == 1, update
        assert "--allow-update" in result.stderr and "update" in result.stderr
    with open_snapshot(store) as snap:
        assert len(snap) > 0
        with pytest.raises(queries.QueryError, match="update"):
            queries.run(snap, "DELETE WHERE { ?s ?p ?o }")
    params = run_cli("query", "DROP ALL", "--allow-update", "--param", "a=b", "--store", store)
    assert params.exit_code == 1 and "--param" in params.stderr
    drop = f"DROP GRAPH <https://kg.example.org/id/article/{SEED_IDS[0]}>"
    result = run_cli("query", drop, "--allow-update", "--store", store)
    assert result.exit_code == 0, result.output
    ids = run_cli(
        "query",
        "SELECT ?id WHERE { ?a a kg:Article ; dct:identifier ?id }",
        "--format",
        "csv",
        "--store",
        store,
    ).stdout.split()[1:]
    assert sorted(ids) == SEED_IDS[1:]
    with open_snapshot(store) as snap:
        assert SEED_IDS[0] not in snap.index()["articles"]
    bad = run_cli("query", "DELETE WHERE { ?s ", "--allow-update", "--store", store)
    assert bad.exit_code == 1 and re.search(r"at 1:\d+", bad.stderr)


def test_timeout_stops_a_runaway_query(built_store):
    started = time.monotonic()
    result = run_cli("query", SLOW, "--timeout", "1", "--store", built_store)
    elapsed = time.monotonic() - started
    assert result.exit_code == 1
    assert "stopped after 1 s (--timeout)" in result.stderr
    assert elapsed < 10
    quick = run_cli("query", "ASK { ?a a kg:Article }", "--timeout", "20", "--store", built_store)
    assert quick.exit_code == 0 and quick.stdout.strip() == "true"
    params = run_cli(
        "query",
        "posts_of_person",
        "--param",
        "name=Hoàng Trung Dũng",
        "--timeout",
        "20",
        "--format",
        "csv",
        "--store",
        built_store,
    )
    assert params.exit_code == 0 and "Hoàng Trung Dũng" in params.stdout
    broken = run_cli("query", "SELECT ?s WHERE {", "--timeout", "20", "--store", built_store)
    assert broken.exit_code == 1 and "syntax error" in broken.stderr
    missing = run_cli(
        "query", "officials", "--timeout", "5", "--store", built_store.parent / "absent"
    )
    assert missing.exit_code == 1 and "kg build" in missing.stderr
