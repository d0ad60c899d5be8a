"""`kg network`: graphs from SPARQL on the real store built from the seed articles, written
by the real CLI and read back with networkx."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import networkx as nx
import pydot
import pytest
from conftest import SHARED, needs_shared, run_cli

from kg.network import Filters, NetworkData, NetworkError, build_view
from kg.network import data as network_data
from kg.network.draw import draw
from kg.network.export import to_gexf
from kg.network.views import BUILDERS, apply_filters
from kg.store import open_store

# pydot's DOT parser uses pyparsing names that pyparsing now deprecates
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated.*:DeprecationWarning")

DUNG = "Hoàng Trung Dũng"
VIEWS = ("attendance", "co-attendance", "officials", "bodies")


# --------------------------------------------------------------------------- helpers


def rows(store: Path, query: str) -> list[dict[str, str]]:
    result = run_cli("query", query, "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def network(store: Path, view: str, out: Path, *options: str) -> Path:
    result = run_cli("network", view, "--store", store, "-o", out, *options)
    assert result.exit_code == 0, result.output
    assert out.is_file() and out.stat().st_size > 0
    return out


def by_name(graph: nx.Graph, name: str) -> str:
    found = [n for n, a in graph.nodes(data=True) if a.get("name") == name]
    assert len(found) == 1, (name, found)
    return found[0]


def event_key(attrs: dict) -> tuple[str, str, str]:
    return attrs.get("date", ""), attrs.get("organizer", ""), attrs["article"]


@pytest.fixture(scope="module")
def data(built_store: Path):
    store = open_store(built_store, read_only=True)
    yield NetworkData(store, str(built_store))
    del store


# --------------------------------------------------------------------------- attendance


def test_attendance_gexf_and_graphml_match_the_attendance_query(built_store, tmp_path):
    expected = rows(built_store, "attendance")
    gexf = nx.read_gexf(network(built_store, "attendance", tmp_path / "a.gexf"))
    graphml = nx.read_graphml(network(built_store, "attendance", tmp_path / "a.graphml"))
    want_edges: dict[tuple, set[str]] = defaultdict(set)
    for r in expected:
        want_edges[(r["name"], (r["date"], r["organizer"], r["article"]))].add(r["role"])
    for graph in (gexf, graphml):
        people = {a["name"] for _, a in graph.nodes(data=True) if a["type"] == "person"}
        events = {event_key(a) for _, a in graph.nodes(data=True) if a["type"] == "event"}
        assert people == {r["name"] for r in expected}
        assert events == {(r["date"], r["organizer"], r["article"]) for r in expected}
        assert {a["bipartite"] for _, a in graph.nodes(data=True) if a["type"] == "person"} == {0}
        assert {a["bipartite"] for _, a in graph.nodes(data=True) if a["type"] == "event"} == {1}
        assert nx.is_bipartite(graph)
        got: dict[tuple, set[str]] = {}
        for u, v, e in graph.edges(data=True):
            person, event = (u, v) if graph.nodes[u]["type"] == "person" else (v, u)
            got[(graph.nodes[person]["name"], event_key(graph.nodes[event]))] = set(
                e["roles"].split("; ")
            )
            assert e["role"] in got[(graph.nodes[person]["name"], event_key(graph.nodes[event]))]
        assert got == want_edges


def test_attendance_gexf_has_dates_as_gephi_time_intervals(built_store, tmp_path):
    path = network(built_store, "attendance", tmp_path / "a.gexf")
    text = path.read_text(encoding="utf-8")
    assert re.search(r'<graph[^>]*mode="dynamic"', text)
    assert re.search(r'<graph[^>]*timeformat="date"', text)
    graph = nx.read_gexf(path)
    ky_anh = [
        n
        for n, a in graph.nodes(data=True)
        if a["type"] == "event" and a["organizer"] == "Huyện ủy Kỳ Anh"
    ]
    assert len(ky_anh) == 1
    node = graph.nodes[ky_anh[0]]
    assert (node["start"], node["end"]) == ("2024-01-06", "2024-01-06")
    assert node["date"] == "2024-01-06"
    # an event dated only by its year (004's dialogue, "2022") spans the year
    yearly = [a for _, a in graph.nodes(data=True) if a.get("date") == "2022"]
    assert [a["kind"] for a in yearly] == ["dialogue"]
    assert (yearly[0]["start"], yearly[0]["end"]) == ("2022-01-01", "2022-12-31")
    # people span the events they attended; links carry their event's date
    dung = graph.nodes[by_name(graph, DUNG)]
    assert (dung["start"], dung["end"]) == ("2022-01-19", "2024-01-06")
    for _, _, e in graph.edges(by_name(graph, DUNG), data=True):
        assert e["start"] == e["date"]


@pytest.mark.parametrize("view", VIEWS)
def test_gexf_and_graphml_read_back_with_the_same_nodes_edges_and_attributes(
    data, built_store, tmp_path, view
):
    graph = build_view(data, view)
    assert graph.number_of_nodes() > 5 and graph.number_of_edges() > 5
    ext = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}
    for suffix, read in ext.items():
        back = read(network(built_store, view, tmp_path / f"{view}.{suffix}"))
        assert set(back.nodes) == set(graph.nodes), suffix
        assert {frozenset(e) for e in back.edges} == {frozenset(e) for e in graph.edges}
        for node, attrs in graph.nodes(data=True):
            got = {k: v for k, v in back.nodes[node].items() if k != "viz"}
            assert got == attrs, (suffix, node)
        for u, v, attrs in graph.edges(data=True):
            got = {k: x for k, x in back.edges[u, v].items() if k != "id"}
            assert got == attrs, (suffix, u, v)


def test_gexf_colours_nodes_by_type_for_gephi(data):
    back = nx.read_gexf(io.BytesIO(to_gexf(build_view(data, "attendance"))))
    colours = {
        a["type"]: (a["viz"]["color"]["r"], a["viz"]["color"]["g"], a["viz"]["color"]["b"])
        for _, a in back.nodes(data=True)
    }
    assert colours["person"] != colours["event"]


# --------------------------------------------------------------------------- other views


def test_co_attendance_weight_is_the_number_of_shared_events(built_store, tmp_path):
    events: dict[str, set] = defaultdict(set)
    for r in rows(built_store, "attendance"):
        events[r["name"]].add((r["date"], r["organizer"], r["article"]))
    want = {}
    for a, b in combinations(sorted(events), 2):
        if shared := len(events[a] & events[b]):
            want[frozenset((a, b))] = shared
    graph = nx.read_graphml(network(built_store, "co-attendance", tmp_path / "c.graphml"))
    got = {
        frozenset((graph.nodes[u]["name"], graph.nodes[v]["name"])): w
        for u, v, w in graph.edges(data="weight")
    }
    assert got == want
    assert {a["type"] for _, a in graph.nodes(data=True)} == {"person"}


def test_officials_links_people_to_localities_through_posts_and_events(built_store, tmp_path):
    graph = nx.read_graphml(network(built_store, "officials", tmp_path / "o.graphml"))
    labels = {n: a["label"] for n, a in graph.nodes(data=True)}
    links = {
        (labels[u], labels[v]) if graph.nodes[u]["type"] == "person" else (labels[v], labels[u]): e
        for u, v, e in graph.edges(data=True)
    }
    # every post of officials.rq whose body has a locality is a "post" link
    for r in rows(built_store, "officials"):
        if r["locality"]:
            place = [
                labels[n]
                for n, a in graph.nodes(data=True)
                if a["type"] == "locality" and a["name"] == r["locality"]
            ]
            assert any("post" in links[(r["name"], p)]["kind"] for p in place), r
    dung = by_name(graph, DUNG)
    assert "Bí thư Tỉnh ủy Hà Tĩnh" in graph.nodes[dung]["posts"]
    around = {graph.nodes[n]["name"]: graph.edges[dung, n] for n in graph[dung]}
    assert set(around) == {"Hà Tĩnh", "Kỳ Anh"}
    assert around["Kỳ Anh"]["kind"] == "event" and around["Kỳ Anh"]["events"] == 1
    assert around["Hà Tĩnh"]["kind"] == "post+event"
    assert around["Hà Tĩnh"]["weight"] == around["Hà Tĩnh"]["posts"] + around["Hà Tĩnh"]["events"]
    assert "Kỳ Anh" in around["Kỳ Anh"]["evidence"]


def test_bodies_links_people_to_bodies_and_bodies_to_their_parents(built_store, tmp_path):
    graph = nx.read_graphml(network(built_store, "bodies", tmp_path / "b.graphml"))
    names = {n: a["label"] for n, a in graph.nodes(data=True)}
    pairs = {frozenset((names[u], names[v])): e for u, v, e in graph.edges(data=True)}
    for r in rows(built_store, "officials"):
        if r["body"]:
            edge = pairs[frozenset((r["name"], r["body"]))]
            assert edge["kind"] == "post" and r["role"] in edge["roles"]
    parent = pairs[frozenset(("Ban Thường vụ Tỉnh ủy Hà Tĩnh", "Tỉnh ủy Hà Tĩnh"))]
    assert parent["kind"] == "part_of"
    body = graph.nodes[by_name(graph, "Huyện ủy Kỳ Anh")]
    assert (body["type"], body["body_class"], body["province"]) == (
        "body",
        "PartyCommittee",
        "Hà Tĩnh",
    )


# --------------------------------------------------------------------------- filters


def test_province_and_locality_filters(data):
    thanh_hoa = build_view(data, "officials", Filters(province="Thanh Hóa"))
    places = [a for _, a in thanh_hoa.nodes(data=True) if a["type"] == "locality"]
    assert places and all(a["province"] == "Thanh Hóa" for a in places)
    assert DUNG not in {a["label"] for _, a in thanh_hoa.nodes(data=True)}
    ky_anh = build_view(data, "attendance", Filters(locality="Kỳ Anh"))
    events = [a for _, a in ky_anh.nodes(data=True) if a["type"] == "event"]
    assert [e["organizer"] for e in events] == ["Huyện ủy Kỳ Anh"]


def test_date_filters_keep_what_overlaps_the_range(data):
    graph = build_view(data, "attendance", Filters(since="2022-01-10", until="2023-12"))
    dates = sorted(a["date"] for _, a in graph.nodes(data=True) if a["type"] == "event")
    assert dates == ["2022", "2022-01-19", "2023-06-29"]


def test_person_min_weight_and_top(data, built_store):
    ego = build_view(data, "co-attendance", Filters(persons=("hoàng trung dũng",)))
    dung = by_name(ego, DUNG)
    assert set(ego) == {dung, *ego[dung]} and len(ego) > 5
    heavy = build_view(data, "officials", Filters(min_weight=2))
    assert heavy.number_of_edges() and all(w >= 2 for _, _, w in heavy.edges(data="weight"))
    assert not list(nx.isolates(heavy))
    top = build_view(data, "attendance", Filters(top=4))
    assert top.number_of_nodes() == 4
    full = build_view(data, "attendance")
    assert min(full.degree(n) for n in top) >= sorted((d for _, d in full.degree), reverse=True)[3]
    result = run_cli("network", "officials", "--person", "Không Có Ai", "--store", built_store)
    assert result.exit_code == 1 and "no person named" in result.stderr
    result = run_cli("network", "officials", "--since", "tháng 1", "--store", built_store)
    assert result.exit_code == 1 and "--since" in result.stderr
    result = run_cli("network", "officials", "--province", "Nowhere", "--store", built_store)
    assert result.exit_code == 1 and "no province" in result.stderr


# --------------------------------------------------------------------------- views of one unit


def whole_store_view(data: NetworkData, view: str, filters: Filters) -> nx.Graph:
    """The view drawn from every row of the store, filtered in Python (the path a view took
    before the *_within queries)."""
    data.check(filters)
    return apply_filters(BUILDERS[view](data, filters), view, filters)


def drawn(graph: nx.Graph) -> tuple[dict, dict]:
    return (
        dict(graph.nodes(data=True)),
        {tuple(sorted((u, v))): attrs for u, v, attrs in graph.edges(data=True)},
    )


@pytest.fixture(scope="module")
def real_data(tmp_path_factory: pytest.TempPathFactory, samples: Path):
    if not (SHARED / "corpus" / "real").is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED}")
    store = tmp_path_factory.mktemp("real") / "kg-store"
    result = run_cli("build", str(SHARED / "corpus" / "real"), str(samples), "--store", str(store))
    assert result.exit_code == 0, result.output
    kg = open_store(store, read_only=True)
    yield NetworkData(kg, str(store))
    del kg


@needs_shared
@pytest.mark.parametrize(
    ("filters", "empty"),
    [
        (Filters(province="Hà Tĩnh"), False),
        (Filters(province="thanh hoá"), False),  # another case and the old tone placement
        (Filters(province="Nghệ An", since="2017"), False),
        (Filters(locality="Kỳ Anh"), False),
        (Filters(province="Hà Tĩnh", locality="Cẩm Xuyên"), False),
        (Filters(province="Hà Nội", persons=("Hoàng Trung Hải",)), False),
        (Filters(province="Thanh Hóa", locality="Can Lộc"), True),  # Can Lộc is in Hà Tĩnh
    ],
    ids=repr,
)
def test_a_view_of_one_unit_reads_only_its_rows_and_draws_the_same(real_data, filters, empty):
    scoped = real_data.for_filters(filters)
    assert scoped.scope is not None and scoped is not real_data
    assert len(scoped.attendance) < len(real_data.attendance)
    drawn_nodes = 0
    for view in VIEWS:
        try:
            whole = whole_store_view(real_data, view, filters)
        except NetworkError as exc:  # the same error, from both paths
            with pytest.raises(NetworkError, match=re.escape(str(exc))):
                build_view(real_data, view, filters)
            continue
        graph = build_view(real_data, view, filters)
        assert drawn(graph) == drawn(whole), view
        drawn_nodes += graph.number_of_nodes()
    assert (drawn_nodes == 0) == empty


@needs_shared
def test_posts_of_people_are_read_in_chunks_with_every_post(real_data, monkeypatch):
    monkeypatch.setattr(network_data, "PEOPLE_PER_QUERY", 3)  # several queries for 8 people
    scoped = real_data.for_filters(Filters(province="Hà Tĩnh"))
    son = "https://kg.example.org/id/person/le-dinh-son-ha-tinh"
    people = {son, *sorted({row["person"] for row in scoped.attendance})[:7]}
    assert len(people) == 8
    rows = scoped.posts_of(people)
    assert sorted(map(sorted_items, rows)) == sorted(map(sorted_items, real_data.posts_of(people)))
    son_posts = {f"{r['role']} {r['body_name']}" for r in rows if r["person"] == son}
    assert {"Bí thư Tỉnh ủy Hà Tĩnh", "Chủ tịch UBND tỉnh Hà Tĩnh"} <= son_posts


def sorted_items(row: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(row.items())


def test_a_unit_the_store_lacks_reads_the_whole_store_and_says_so(data):
    assert data.for_filters(Filters(province="Nowhere")) is data
    with pytest.raises(NetworkError, match="no province named 'Nowhere'"):
        build_view(data, "bodies", Filters(province="Nowhere"))


# --------------------------------------------------------------------------- summary


def test_summary_prints_top_people_and_communities(built_store):
    result = run_cli("network", "officials", "--summary", "--store", built_store)
    assert result.exit_code == 0, result.output
    assert "betweenness" in result.stdout and "Communities (Louvain)" in result.stdout
    table = result.stdout.split("Communities")[0]
    assert DUNG in table
    assert re.search(r"│\s+1 │ .+│\s+\d+ │", table)
    # deterministic
    again = run_cli("network", "officials", "--summary", "--store", built_store)
    assert again.stdout == result.stdout


# --------------------------------------------------------------------------- other formats


def test_json_and_dot(built_store, tmp_path):
    path = network(built_store, "officials", tmp_path / "o.json")
    graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    assert DUNG in {a["label"] for _, a in graph.nodes(data=True)}
    dot = network(built_store, "officials", tmp_path / "o.dot")
    parsed = pydot.graph_from_dot_data(dot.read_text(encoding="utf-8"))[0]
    labels = {n.get("label").strip('"') for n in parsed.get_nodes() if n.get("label")}
    assert DUNG in labels
    assert len(parsed.get_edges()) == graph.number_of_edges()


def test_stdout_output_and_format_from_suffix(built_store):
    result = run_cli("network", "attendance", "-f", "graphml", "--store", built_store)
    assert result.exit_code == 0
    assert nx.read_graphml(io.BytesIO(result.stdout_bytes)).number_of_nodes() > 10


# --------------------------------------------------------------------------- pictures


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_officials_png_shows_dung_linked_to_both_ha_tinh_localities(data, built_store, tmp_path):
    # what the sample says: the localities of Hà Tĩnh he holds a post in or visits
    visited = {r["place"] for r in data.attendance if r["name"] == DUNG}
    posted = {r["place"] for r in data.posts if r["name"] == DUNG and r["place"]}
    expected = {
        data.places.name[p]
        for p in visited | posted
        if data.places.within(p, "Hà Tĩnh", "province")
    }
    assert expected == {"Kỳ Anh", "Hà Tĩnh"}
    drawn = draw(build_view(data, "officials"), tmp_path / "officials.png")
    dung = by_name(drawn, DUNG)
    assert {drawn.nodes[n]["name"] for n in drawn[dung]} == expected
    # the two modes are apart: people in one column, localities in the other
    assert {a["x"] for _, a in drawn.nodes(data=True) if a["type"] == "person"} == {0.0}
    assert {a["x"] for _, a in drawn.nodes(data=True) if a["type"] == "locality"} == {1.0}
    width, height = png_size(tmp_path / "officials.png")
    assert 1200 <= width <= 4000 and 900 <= height <= 12000
    # and through the CLI
    cli = network(built_store, "officials", tmp_path / "cli.png")
    assert png_size(cli)[0] >= 1200


def test_svg_keeps_text_title_and_legend(built_store, tmp_path):
    svg = network(built_store, "officials", tmp_path / "o.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for text in (
        DUNG,
        "huyện Kỳ Anh",
        "Cán bộ và địa phương",
        str(built_store),
        "Người (",
        "Địa phương (",
    ):
        assert text in svg, text


def test_co_attendance_picture(data, tmp_path):
    drawn = draw(build_view(data, "co-attendance"), tmp_path / "c.png")
    assert set(drawn) == set(build_view(data, "co-attendance"))
    assert png_size(tmp_path / "c.png")[0] > 1000


# --------------------------------------------------------------------------- html


def page_data(html: str) -> dict:
    found = re.search(
        r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.DOTALL
    )
    assert found
    return json.loads(found.group(1))


def test_html_is_self_contained(built_store, tmp_path):
    html = network(built_store, "attendance", tmp_path / "a.html").read_text(encoding="utf-8")
    assert not re.search(
        r"<(script|link|img|iframe|source|embed)\b[^>]*\b(src|href)\s*=", html, re.IGNORECASE
    )
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", html, re.IGNORECASE)
    assert "vis.Network" in html and "vis-network" in html
    assert '<html lang="vi">' in html
    data = page_data(html)
    labels = {n["label"] for n in data["nodes"]}
    assert DUNG in labels and "Hội nghị 06/01/2024 – Huyện ủy Kỳ Anh" in labels
    dung = next(n for n in data["nodes"] if n["label"] == DUNG)
    assert "Bí thư Tỉnh ủy Hà Tĩnh" in dung["hover"]
    assert dung["size"] > min(n["size"] for n in data["nodes"])
    ky_anh = next(n for n in data["nodes"] if n["label"].endswith("Kỳ Anh"))
    assert "06/01/2024" in ky_anh["hover"] and "Chiều 6/1" in ky_anh["hover"]
    for legend in ("Chú giải", "Người (", "Sự kiện (", "Tìm theo tên"):
        assert legend in html
