"""Idempotent and incremental builds, kg remove, refused facts, one writer, readers' snapshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLES, SEED_IDS, run_cli

import kg.build
from kg.build import build, remove_articles
from kg.store import (
    HEAD,
    StoreBusy,
    StoreError,
    Writer,
    current_generation,
    generations,
    open_snapshot,
    open_store,
)


def graphs(store: Path) -> dict[str, frozenset[str]]:
    """Article graph IRI -> its quads (as N-Quads text), from the store's current generation."""
    with open_snapshot(store) as snap:
        return {
            g.value: frozenset(str(q) for q in snap.quads_for_pattern(None, None, None, g))
            for g in snap.named_graphs()
        }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(SAMPLES, target)
    return target


def test_building_twice_gives_the_same_graph_and_skips_unchanged(corpus, tmp_path):
    store = tmp_path / "s"
    first = build([corpus], store)
    assert first.ok and first.articles == 5 and first.unchanged == 0
    before = graphs(store)
    second = build([corpus], store)
    assert second.ok and second.articles == 0 and second.unchanged == 5
    assert graphs(store) == before
    full = build([corpus], store, full=True)
    assert full.articles == 5 and graphs(store) == before
    fresh = tmp_path / "fresh"
    build([corpus], fresh)
    assert graphs(fresh) == before  # same triples, same IRIs, from scratch


def test_the_summary_counts_what_the_store_holds(corpus, tmp_path):
    store = tmp_path / "s"
    summary = build([corpus], store, jobs=2)
    with open_snapshot(store) as snap:
        for label, cls in kg.build.COUNTED.items():
            (row,) = snap.query(
                f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a <{cls}> }} }}"
            )
            assert getattr(summary, label) == int(row["n"].value), label
    # Hoàng Trung Dũng is named in two seed articles and counted once
    assert (summary.people, summary.events) == (21, 5)


def test_changing_one_article_replaces_exactly_its_graph(corpus, tmp_path):
    store = tmp_path / "s"
    build([corpus], store)
    before = graphs(store)
    path = corpus / f"{SEED_IDS[0]}.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("520 tỷ đồng", "530 tỷ đồng"), encoding="utf-8")
    summary = build([corpus], store)
    assert (summary.articles, summary.unchanged) == (1, 4)
    after = graphs(store)
    changed = {g for g in before if before[g] != after.get(g)}
    assert changed == {f"https://kg.example.org/id/article/{SEED_IDS[0]}"}
    reference = tmp_path / "reference"
    build([corpus], reference)
    assert after == graphs(reference)
    # Only new files given: the others stay.
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new_article.txt").write_text(text.replace("Cẩm Xuyên", "Kỳ Anh"), encoding="utf-8")
    assert build([extra], store).articles == 1
    assert set(graphs(store)) == set(after) | {"https://kg.example.org/id/article/new_article"}


def test_only_a_build_that_changes_much_of_the_store_compacts_it(corpus, tmp_path):
    # Compaction rewrites the whole database (minutes for a large store): worth it after a
    # first build, not after adding one article to many.
    store = tmp_path / "s"
    assert build([corpus], store).compacted
    extra = tmp_path / "extra"
    extra.mkdir()
    text = (corpus / f"{SEED_IDS[0]}.txt").read_text(encoding="utf-8")
    (extra / "new_article.txt").write_text(text.replace("Cẩm Xuyên", "Kỳ Anh"), encoding="utf-8")
    added = build([extra], store)
    assert added.articles == 1 and not added.compacted
    with open_snapshot(store) as snap:
        assert len(snap.index()["articles"]) == 6
    # Removing most of the store is a large change again.
    with Writer(store) as writer:
        for article_id in SEED_IDS[:4]:
            writer.remove_graph(article_id)
            writer.articles.pop(article_id)
        writer.publish()
        assert writer.compacted == writer.published


def test_a_change_of_the_extraction_code_rebuilds_everything(corpus, tmp_path, monkeypatch):
    store = tmp_path / "s"
    build([corpus], store)
    monkeypatch.setattr(kg.build, "pipeline_fingerprint", lambda: "something-else")
    assert build([corpus], store).articles == 5


def test_kg_remove_drops_one_article(corpus, tmp_path):
    store = tmp_path / "s"
    build([corpus], store)
    before = graphs(store)
    gone = f"https://kg.example.org/id/article/{SEED_IDS[1]}"
    result = run_cli("remove", SEED_IDS[1], "--store", store)
    assert result.exit_code == 0 and f"removed {SEED_IDS[1]}" in result.stdout
    after = graphs(store)
    assert set(after) == set(before) - {gone}
    assert all(after[g] == before[g] for g in after)
    with open_snapshot(store) as snap:
        assert SEED_IDS[1] not in snap.index()["articles"]
    missing = run_cli("remove", "no_such_article", "--store", store)
    assert missing.exit_code == 1 and "not in the store: no_such_article" in missing.stderr
    assert remove_articles([SEED_IDS[1]], store) == [SEED_IDS[1]]
    # Building it again brings it back (the index forgot it).
    assert build([corpus], store).articles == 1
    assert graphs(store) == before


def test_the_build_refuses_facts_that_break_hard_constraints(corpus, tmp_path, monkeypatch):
    from kg.rdf import article_triples as real_triples

    def without_values(facts):  # an emitter bug: indicators lose their value
        graph, statements = real_triples(facts)
        return graph, [t for t in statements if not t[1].endswith("#value")]

    monkeypatch.setattr(kg.build, "article_triples", without_values)
    store = tmp_path / "s"
    result = run_cli("build", corpus, "--store", store)
    assert result.exit_code == 1
    refused = [line for line in result.stdout.splitlines() if "refused fact:" in line]
    assert refused and all("IndicatorObservationShape value" in line for line in refused)
    assert all("needs at least 1" in line and ".txt: " in line for line in refused)
    assert run_cli("validate", "--store", store).exit_code == 0
    rows = run_cli("query", "indicators", "--format", "csv", "--store", store).stdout
    assert rows.strip() == "locality,indicator,value,unit,year,status,text,article"
    assert (
        run_cli("query", "officials", "--format", "csv", "--store", store).stdout.count("\n") > 5
    )  # the rest of each article is there


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_validate_reports_violations_grouped_by_shape(tmp_path, built_store):
    from kg.validate import hard_violations, validate_graph

    # pyshacl and the build's own check agree: on the seeds (nothing) and on a broken graph.
    with open_snapshot(built_store) as snap:
        quads = list(snap.quads_for_pattern(None, None, None, None))
    assert hard_violations(quads) == []
    broken = [q for q in quads if not q.predicate.value.endswith("#unit")]
    mine = {(r.focus, r.shape) for r in hard_violations(broken)}
    from kg.rdf import to_rdflib

    report = validate_graph(to_rdflib(broken))
    assert not report.conforms
    theirs = {(v.focus, v.shape.split(" ")[0]) for v in report.violations}
    assert mine == theirs and mine


def test_one_writer_at_a_time_and_readers_keep_their_snapshot(corpus, tmp_path):
    store = tmp_path / "s"
    build([corpus / f"{SEED_IDS[0]}.txt"], store)
    with Writer(store) as writer:
        busy = run_cli("build", corpus, "--store", store)
        assert busy.exit_code == 75
        assert "is busy" in busy.stderr and "try again" in busy.stderr
        with pytest.raises(StoreBusy):
            build([corpus], store)
        writer.remove_graph(SEED_IDS[0])  # unpublished: readers still see the article
        reader = run_cli("query", "ASK { ?a a kg:Article }", "--store", store)
        assert reader.exit_code == 0 and reader.stdout.strip() == "true"
    # Leaving without publishing discarded the change.
    assert len(graphs(store)) == 1
    assert len(generations(store)) == 1


def test_a_first_build_in_progress_makes_readers_wait(tmp_path):
    store = tmp_path / "new"
    with Writer(store):
        result = run_cli("query", "officials", "--store", store)
        assert result.exit_code == 75 and "busy" in result.stderr
        assert "Corruption" not in result.stderr
    assert not store.exists()  # nothing was published: no store left behind
    with pytest.raises(StoreError, match="kg build"):
        open_store(store)


def test_old_generations_go_once_no_reader_holds_them(corpus, tmp_path):
    store = tmp_path / "s"
    build([corpus], store, checkpoint=2)
    assert generations(store) == [current_generation(store)]  # the rest collected
    snap = open_snapshot(store)
    held = snap.generation
    remove_articles([SEED_IDS[0]], store)
    assert held in generations(store)  # still read: kept
    assert len(list(snap.named_graphs())) == 5  # and still whole
    snap.close()
    remove_articles([SEED_IDS[1]], store)
    assert generations(store) == [current_generation(store)]
    assert (store / HEAD).read_text().strip() == current_generation(store)


def test_a_store_of_the_old_layout_is_read_and_converted(corpus, tmp_path):
    from pyoxigraph import Store

    from kg.extract import extract
    from kg.rdf import article_quads, to_nquads
    from kg.reader import read_corpus
    from kg.store import replace_graphs

    old = tmp_path / "old"
    raw = Store(str(old))
    article = next(read_corpus([corpus / f"{SEED_IDS[0]}.txt"]))
    replace_graphs(raw, [(article.id, to_nquads(article_quads(extract(article))))])
    raw.flush()
    del raw
    assert run_cli("query", "ASK { ?a a kg:Article }", "--store", old).stdout.strip() == "true"
    assert build([corpus], old).articles == 5
    assert (old / HEAD).exists() and not (old / "CURRENT").exists()
    assert len(graphs(old)) == 5


def test_loads_grow_with_the_store_up_to_a_bound():
    # Small stores load in small batches (the load overlaps extraction); a large store in
    # batches of a twentieth of its articles, at most 1,000 (RocksDB merges each load into
    # the whole store, so many small loads into a large one cost more per quad).
    assert kg.build.batch_articles(0) == 200
    assert kg.build.batch_articles(4_000) == 200
    assert kg.build.batch_articles(10_000) == 500
    assert kg.build.batch_articles(20_000) == 1_000
    assert kg.build.batch_articles(100_000) == 1_000
