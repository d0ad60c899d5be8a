"""The real CLI on the real store, with the five bundled seed articles."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyshacl
import pytest
from conftest import SAMPLES, SEED_IDS, run_cli
from rdflib import Dataset, Graph

from kg.namespace import ONTOLOGY_DIR

OFFICIALS = ["name", "role", "body", "locality", "article", "date"]
ATTENDANCE = ["name", "role", "event", "date", "organizer", "article"]
INDICATORS = ["locality", "indicator", "value", "unit", "year", "status", "text", "article"]
LOCALITIES = ["name", "level", "parent", "code", "article"]


def query_csv(store: Path, name: str, *extra: str) -> tuple[list[str], list[dict[str, str]]]:
    result = run_cli("query", name, "--format", "csv", "--store", str(store), *extra)
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def test_build_reports_counts_and_stats_counts_by_class(built_store):
    result = run_cli("stats", "--store", built_store)
    assert result.exit_code == 0, result.output
    counts = dict(re.findall(r"│ (\S+)\s+│\s+(\d+) │", result.stdout))
    assert int(counts["kg:Article"]) == 5
    assert int(counts["graphs"]) == 5
    assert int(counts["triples"]) > 100
    for cls in (
        "kg:Locality",
        "kg:Person",
        "org:Organization",
        "kg:PostHolding",
        "kg:Event",
        "kg:IndicatorObservation",
    ):
        assert int(counts.get(cls, 0)) > 0, (cls, counts)


def test_build_prints_the_summary_table(tmp_path):
    result = run_cli("build", SAMPLES / "000_d5453f38d9d606eb.txt", "--store", tmp_path / "s")
    assert result.exit_code == 0, result.output
    for label in ("articles", "people", "bodies", "localities", "events", "indicators", "triples"):
        assert re.search(rf"│ {label}\s+│\s+\d+ │", result.stdout), (label, result.stdout)
    assert re.search(r"│ articles\s+│\s+1 │", result.stdout)
    assert "The store now holds 1 article (700 triples in their graphs)" in result.stdout
    again = run_cli("build", SAMPLES, "--store", tmp_path / "s")
    assert re.search(r"│ articles\s+│\s+4 │", again.stdout)  # this run's: the new ones
    assert "The store now holds 5 articles (3,376 triples in their graphs)" in again.stdout


def test_officials_columns_and_seed_posts(built_store):
    columns, rows = query_csv(built_store, "officials")
    assert columns == OFFICIALS
    got = {(r["name"], r["role"], r["body"]) for r in rows}
    assert ("Hoàng Trung Dũng", "Bí thư", "Tỉnh ủy Hà Tĩnh") in got
    assert ("Hà Thị Việt Ánh", "Phó Bí thư Thường trực", "Huyện ủy Cẩm Xuyên") in got
    assert ("Nguyễn Văn Thi", "Phó Chủ tịch Thường trực", "UBND tỉnh Thanh Hóa") in got
    anh = next(r for r in rows if r["name"] == "Hà Thị Việt Ánh" and r["role"])
    assert (anh["locality"], anh["article"], anh["date"]) == (
        "Cẩm Xuyên",
        "000_d5453f38d9d606eb",
        "2022-01",
    )


def test_hoang_trung_dung_is_one_node_in_every_article_naming_him(built_store):
    # The issue says three seed articles; the bundled samples name him in two (001, 002).
    naming = [
        p for p in SAMPLES.glob("*.txt") if "Hoàng Trung Dũng" in p.read_text(encoding="utf-8")
    ]
    assert len(naming) >= 2
    sparql = (
        "SELECT (COUNT(DISTINCT ?p) AS ?people) (COUNT(DISTINCT ?g) AS ?articles) "
        'WHERE { GRAPH ?g { ?p a kg:Person ; foaf:name "Hoàng Trung Dũng" } }'
    )
    result = run_cli("query", sparql, "--format", "json", "--store", built_store)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"people": "1", "articles": str(len(naming))}]


def test_attendance_columns_and_seed_event(built_store):
    columns, rows = query_csv(built_store, "attendance")
    assert columns == ATTENDANCE
    assert {r["role"] for r in rows} <= {
        "chaired",
        "attended",
        "spoke",
        "reported",
        "directed",
        "concluded",
        "awarded",
        "presented_with",
    }
    dung = {(r["date"], r["role"]) for r in rows if r["name"] == "Hoàng Trung Dũng"}
    assert ("2024-01-06", "attended") in dung


def test_indicators_columns_and_seed_budget(built_store):
    columns, rows = query_csv(built_store, "indicators")
    assert columns == INDICATORS
    budget = [
        r
        for r in rows
        if r["locality"] == "Cẩm Xuyên"
        and r["year"] == "2021"
        and r["indicator"] == "thu ngân sách"
    ]
    assert budget, rows
    assert (budget[0]["value"], budget[0]["unit"], budget[0]["status"]) == (
        "520000000000",
        "VND",
        "actual",
    )
    assert budget[0]["article"] == "000_d5453f38d9d606eb"


def test_localities_columns_and_seed_district(built_store):
    columns, rows = query_csv(built_store, "localities")
    assert columns == LOCALITIES
    assert {
        "name": "Cẩm Xuyên",
        "level": "district",
        "parent": "Hà Tĩnh",
        "code": "446",
        "article": "000_d5453f38d9d606eb",
    } in rows
    assert {r["article"] for r in rows} <= set(SEED_IDS)


def test_parameterised_queries(built_store):
    _, rows = query_csv(built_store, "posts_of_person", "--param", "name=Hoàng Trung Dũng")
    assert rows and {r["name"] for r in rows} == {"Hoàng Trung Dũng"}
    _, rows = query_csv(built_store, "events_in_province", "--param", "province=Hà Tĩnh")
    assert rows and {r["province"] for r in rows} == {"Hà Tĩnh"}
    _, rows = query_csv(built_store, "indicators_of_locality", "--param", "locality=Cẩm Xuyên")
    assert rows and {r["locality"] for r in rows} == {"Cẩm Xuyên"}
    # A value that would break a pasted query is just a name that matches nothing.
    _, rows = query_csv(built_store, "posts_of_person", "--param", 'name=" } DROP ALL #')
    assert rows == []


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_query_formats(built_store, fmt):
    result = run_cli("query", "localities", "--format", fmt, "--store", built_store)
    assert result.exit_code == 0, result.output
    assert "Cẩm Xuyên" in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert set(rows[0]) == set(LOCALITIES)
    if fmt == "tsv":
        assert result.stdout.splitlines()[0] == "\t".join(LOCALITIES)


def test_query_from_a_file_ask_and_construct(built_store, tmp_path):
    rq = tmp_path / "people.rq"
    rq.write_text("# names\nSELECT DISTINCT ?n WHERE { ?p a kg:Person ; foaf:name ?n }\n")
    assert (
        "Hoàng Trung Dũng" in run_cli("query", rq, "--store", built_store, "--format", "csv").stdout
    )
    ask = run_cli("query", "ASK { ?a a kg:Article }", "--store", built_store)
    assert ask.exit_code == 0 and ask.stdout.strip() == "true"
    construct = run_cli(
        "query",
        "CONSTRUCT { ?l rdfs:label ?n } WHERE { ?l a kg:Province ; rdfs:label ?n }",
        "--store",
        built_store,
    )
    assert construct.exit_code == 0
    assert len(Graph().parse(data=construct.stdout, format="turtle")) >= 1


def test_broken_query_gives_one_line_error_with_position(built_store):
    result = run_cli("query", "SELECT ?s WHERE { ?s ?p }", "--store", built_store)
    assert result.exit_code == 1
    message = result.stderr.strip()
    assert "\n" not in message
    assert re.search(r"syntax error at 1:\d+", message), message


def test_unknown_query_and_missing_store(tmp_path):
    result = run_cli("query", "no_such_query", "--store", tmp_path)
    assert result.exit_code == 1 and "unknown query" in result.stderr
    result = run_cli("query", "officials", "--store", tmp_path / "absent")
    assert result.exit_code == 1 and "kg build" in result.stderr


def test_store_from_environment(built_store):
    result = run_cli("query", "ASK { ?a a kg:Article }", env={"KG_STORE": str(built_store)})
    assert result.exit_code == 0 and result.stdout.strip() == "true"


def test_export_turtle_round_trips_and_is_valid(built_store, tmp_path):
    out = tmp_path / "graph.ttl"
    assert run_cli("export", "--format", "turtle", "-o", out, "--store", built_store).exit_code == 0
    graph = Graph().parse(out, format="turtle")
    stats = run_cli("stats", "--store", built_store).stdout
    triples = int(re.search(r"│ triples\s+│\s+(\d+) │", stats).group(1))
    assert len(graph) == triples
    assert out.read_text(encoding="utf-8").startswith("@prefix")
    shapes = Graph().parse(ONTOLOGY_DIR / "shapes.ttl", format="turtle")
    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes, inference="none")
    assert conforms, text


def test_validate_command(built_store):
    result = run_cli("validate", "--store", built_store)
    assert result.exit_code == 0, result.output
    assert "valid" in result.stdout


@pytest.mark.parametrize(
    "fmt, rdflib_format", [("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_export_dataset_formats(built_store, fmt, rdflib_format):
    result = run_cli("export", "--format", fmt, "--store", built_store)
    assert result.exit_code == 0, result.output
    data = Dataset()
    data.parse(data=result.stdout, format=rdflib_format)
    assert len({g.identifier for g in data.graphs()} - {data.default_graph.identifier}) == 5


def test_export_one_graph(built_store):
    result = run_cli("export", "--format", "nquads", "--graph", SEED_IDS[0], "--store", built_store)
    assert result.exit_code == 0
    assert all(
        line.endswith(f"<https://kg.example.org/id/article/{SEED_IDS[0]}> .")
        for line in result.stdout.splitlines()
    )


def test_building_twice_gives_identical_triples(built_store, tmp_path):
    store = tmp_path / "twice"
    for _ in range(2):
        assert run_cli("build", SAMPLES, "--store", store).exit_code == 0
    dumps = [
        run_cli("export", "--format", "nquads", "--store", s).stdout for s in (built_store, store)
    ]
    assert sorted(dumps[0].splitlines()) == sorted(dumps[1].splitlines())


def test_bad_input_is_reported_by_name_and_the_rest_is_built(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(
        (SAMPLES / "000_d5453f38d9d606eb.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (corpus / "latin1.txt").write_bytes("date 2022-01 Quét\n\nbài".encode("latin-1"))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (corpus / "nodate.txt").write_text("Một tiêu đề\n\nMột bài không có ngày.\n", encoding="utf-8")
    store = tmp_path / "s"
    result = run_cli("build", corpus, tmp_path / "missing.txt", "--store", store)
    assert result.exit_code == 1
    out = result.stdout
    for name, reason in (
        ("latin1.txt", "not UTF-8"),
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("nodate.txt", "no date line"),
        ("missing.txt", "no such file"),
    ):
        line = next((line for line in out.splitlines() if name in line), "")
        assert reason in line, (name, out)
    assert re.search(r"│ articles\s+│\s+1 │", out)
    ids = run_cli(
        "query",
        "SELECT ?id WHERE { ?a a kg:Article ; dct:identifier ?id }",
        "--format",
        "csv",
        "--store",
        store,
    ).stdout.split()
    assert ids == ["id", "good"]


def test_an_article_whose_extraction_raises_is_a_failure(tmp_path, monkeypatch):
    import kg.build
    from kg.extract import extract as real_extract

    def flaky(article):
        if article.id.startswith("002"):
            raise RuntimeError("extractor exploded")
        return real_extract(article)

    monkeypatch.setattr(kg.build, "extract", flaky)
    result = run_cli("build", SAMPLES, "--store", tmp_path / "s")
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "002_6f0c2117b7fe85f6" in line)
    assert "extractor exploded" in line
    assert re.search(r"│ articles\s+│\s+4 │", result.stdout)


@pytest.mark.parametrize(
    "fmt, rdflib_format", [("turtle", "turtle"), ("nquads", "nquads"), ("jsonld", "json-ld")]
)
def test_extract_prints_one_article_without_a_store(fmt, rdflib_format, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("extract", SAMPLES / "000_d5453f38d9d606eb.txt", "--format", fmt)
    assert result.exit_code == 0, result.output
    data = Dataset()
    data.parse(data=result.stdout, format=rdflib_format)
    assert len(data) > 10
    assert not (tmp_path / "kg-store").exists()


def test_extract_reports_a_bad_file(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = run_cli("extract", bad)
    assert result.exit_code == 1 and "empty" in result.stderr


def test_eval_scores_the_contract_queries_against_gold(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "000_d5453f38d9d606eb.json").write_text(
        json.dumps(
            {
                "article": "000_d5453f38d9d606eb",
                "date": "2022-01",
                "localities": [
                    {"name": "Cẩm Xuyên", "level": "district", "parent": "Hà Tĩnh"},
                    {"name": "Hà Tĩnh", "level": "province"},
                ],
                "bodies": [],
                "events": [],
                "people": [
                    {
                        "name": "Hà Thị Việt Ánh",
                        "posts": [
                            {
                                "role": "Phó Bí thư Thường trực",
                                "body": "Huyện ủy Cẩm Xuyên",
                                "locality": "Cẩm Xuyên",
                            }
                        ],
                    }
                ],
                "indicators": [
                    {
                        "locality": "Cẩm Xuyên",
                        "name": "thu ngân sách",
                        "value": 520000000000,
                        "unit": "VND",
                        "year": 2021,
                        "status": "actual",
                        "text": "thu ngân sách đạt 520 tỷ đồng",
                    }
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    result = run_cli("eval", gold, SAMPLES, "--json", "--misses")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["scores"]) == {
        "localities",
        "people",
        "posts",
        "attendance",
        "roles",
        "indicators",
    }
    assert report["scores"]["localities"]["tp"] == 2
    assert report["scores"]["posts"]["tp"] == 1
    assert report["scores"]["indicators"]["tp"] == 1
    assert isinstance(report["misses"], list)
    table = run_cli("eval", gold, SAMPLES, "--misses")
    assert table.exit_code == 0 and "localities" in table.stdout
    assert "000_d5453f38d9d606eb" in table.stdout


def test_every_command_has_help_with_an_example():
    top = run_cli("--help")
    assert top.exit_code == 0
    for command in ("build", "extract", "query", "export", "stats", "validate", "eval"):
        assert command in top.stdout
        result = run_cli(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout and f"kg {command}" in result.stdout, command
