"""The on-disk store: replacing article graphs, parameters, export (kg.store, kg.queries)."""

from __future__ import annotations

import io

import pytest
from conftest import dung_facts, seed_facts
from pyoxigraph import Literal, NamedNode, RdfFormat, Store
from rdflib import Graph

from kg import queries
from kg.rdf import article_quads, to_nquads
from kg.store import (
    StoreError,
    _PiecesReader,
    bind_parameters,
    count_triples,
    export,
    open_store,
    query,
    replace_graphs,
    store_path,
)


def load(store, *facts):
    replace_graphs(store, [(f.article.id, to_nquads(article_quads(f))) for f in facts])


def test_loading_an_article_again_replaces_its_graph(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    facts = seed_facts()
    load(store, facts)
    first = count_triples(store)
    load(store, facts)
    assert count_triples(store) == first
    facts.indicators = []
    load(store, facts)
    assert count_triples(store) < first
    rows = queries.run_named(store, "indicators").rows
    assert rows == []


def test_people_merge_across_article_graphs(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    load(
        store,
        dung_facts("001_a", "2024-01"),
        dung_facts("002_b", "2022-01"),
        dung_facts("003_c", "2023-06"),
    )
    rows = list(
        query(
            store,
            "SELECT DISTINCT ?p ?n WHERE { ?p a kg:Person ; foaf:name ?n }",
            {"n": Literal("Hoàng Trung Dũng")},
        )
    )
    assert len(rows) == 1
    posts = queries.run_named(
        store, "posts_of_person", queries.parse_params(["name=Hoàng Trung Dũng"])
    ).string_rows()
    assert [r["date"] for r in posts] == ["2022-01", "2023-06", "2024-01"]
    assert {r["body"] for r in posts} == {"Tỉnh ủy Hà Tĩnh"}


def test_parameters_are_bound_not_pasted(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    load(store, dung_facts("001_a", "2024-01"))
    evil = queries.parse_params(['name=x" } ; DROP ALL ; SELECT * { "'])
    assert queries.run_named(store, "posts_of_person", evil).rows == []
    with pytest.raises(queries.QueryError, match="parameter"):
        queries.run_named(store, "officials", queries.parse_params(["nope=1"]))
    with pytest.raises(queries.QueryError, match="NAME=VALUE"):
        queries.parse_params(["no-equals-sign"])


def test_a_parameter_with_a_values_slot_is_written_there_as_an_rdf_term():
    sparql = "SELECT ?n WHERE { VALUES ?n { UNDEF } ?p foaf:name ?n }"
    bound, rest = bind_parameters(sparql, {"n": Literal('Lò " } Thế'), "x": Literal("1")})
    assert bound == 'SELECT ?n WHERE { VALUES ?n { "Lò \\" } Thế" } ?p foaf:name ?n }'
    assert rest == {"x": Literal("1")}  # no slot: left to pyoxigraph's substitutions
    assert bind_parameters(sparql, {}) == (sparql, {})  # no value: the slot stays open
    several = bind_parameters(sparql, {"n": (Literal("A"), NamedNode("http://x/b"))})
    assert several == (sparql.replace("UNDEF", '"A" <http://x/b>'), {})
    with pytest.raises(ValueError, match="'x' has several values"):
        bind_parameters(sparql, {"x": (Literal("1"), Literal("2"))})


def test_export_turtle_round_trips(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    load(store, seed_facts(), dung_facts("001_a", "2024-01"))
    out = io.BytesIO()
    export(store, out, "turtle")
    assert out.getvalue().startswith(b"@prefix")
    graph = Graph().parse(data=out.getvalue().decode("utf-8"), format="turtle")
    assert len(graph) == count_triples(store)


def test_export_one_graph_by_article_id(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    load(store, seed_facts(), dung_facts("001_a", "2024-01"))
    out = io.BytesIO()
    export(store, out, "nquads", graph="001_a")
    lines = out.getvalue().decode().splitlines()
    assert lines and all(
        line.endswith("<https://kg.example.org/id/article/001_a> .") for line in lines
    )
    with pytest.raises(StoreError, match="no graph"):
        export(store, io.BytesIO(), "nquads", graph="missing")


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="kg build"):
        open_store(tmp_path / "nowhere", read_only=True)


def test_store_path_default_and_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("KG_STORE", raising=False)
    assert str(store_path()) == "kg-store"
    monkeypatch.setenv("KG_STORE", str(tmp_path))
    assert store_path() == tmp_path
    assert store_path("explicit") == store_path("explicit")


def test_query_kinds(tmp_path):
    store = Store()  # in memory: these test the graph functions, not the folder
    load(store, seed_facts())
    ask = queries.run(store, "ASK { ?p a kg:Person }")
    assert ask.kind == "ask" and ask.boolean is True
    construct = queries.run(store, "CONSTRUCT { ?p foaf:name ?n } WHERE { ?p foaf:name ?n }")
    assert construct.kind == "construct" and len(construct.triples) == 2
    assert "foaf:name" in queries.to_turtle(construct)
    with pytest.raises(queries.QueryError) as broken:
        queries.run(store, "SELECT ?s WHERE {\n  ?s ?p \n}", label="broken.rq")
    assert "\n" not in str(broken.value) and " at 3:" in str(broken.value)


def test_a_batch_of_graphs_loads_as_its_joined_n_quads(tmp_path):
    # The batch is streamed to the bulk loader piece by piece (no joined copy): the store
    # must hold exactly what loading the joined text holds, whatever the read sizes.
    graphs = [
        (f.article.id, to_nquads(article_quads(f)))
        for f in (seed_facts(), dung_facts("001_a", "2024-01"), dung_facts("002_b", "2022-01"))
    ]
    streamed, joined = Store(), Store()
    replace_graphs(streamed, graphs)
    joined.bulk_load(input=b"".join(q for _, q in graphs), format=RdfFormat.N_QUADS)
    assert set(streamed) == set(joined)
    assert len(streamed) == sum(q.count(b"\n") for _, q in graphs)
    reader = _PiecesReader([b"ab", b"", b"cde", b"f"])
    assert [reader.read(4), reader.read(4), reader.read(4)] == [b"abcd", b"ef", b""]
