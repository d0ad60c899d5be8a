"""Tests for kg.evaluate: gold loading/validation and P/R/F1 scoring."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kg.evaluate import (
    CATEGORIES,
    EvalReport,
    GoldError,
    Miss,
    Score,
    format_table,
    load_gold,
    roles_match,
    score,
    validate_gold,
    values_close,
)

GOLD_DIR = Path(__file__).parents[1].parent / "shared" / "gold"
SEED = "000_d5453f38d9d606eb"

needs_gold = pytest.mark.skipif(
    not GOLD_DIR.is_dir(), reason=f"shared gold files not found at {GOLD_DIR}"
)

Rows = dict[str, list[dict[str, str]]]


def _gold_files() -> list[Path]:
    return sorted(GOLD_DIR.rglob("*.json")) if GOLD_DIR.is_dir() else []


def _num(value: float | int | None) -> str:
    return "" if value is None else str(value)


def perfect_rows(gold: dict[str, Any]) -> Rows:
    """The contract-query rows a perfect extractor would return for one gold article."""
    a = gold["article"]
    rows: Rows = {"localities": [], "officials": [], "attendance": [], "indicators": []}
    for loc in gold["localities"]:
        rows["localities"].append(
            {
                "name": loc["name"],
                "level": loc["level"],
                "parent": loc.get("parent", ""),
                "code": "",
                "article": a,
            }
        )
    for person in gold["people"]:
        for post in person["posts"]:
            rows["officials"].append(
                {
                    "name": person["name"],
                    "role": post["role"],
                    "body": post["body"],
                    "locality": post["locality"],
                    "article": a,
                    "date": gold["date"],
                }
            )
    for i, event in enumerate(gold["events"]):
        for p in event["participants"]:
            for role in p["roles"]:
                rows["attendance"].append(
                    {
                        "name": p["name"],
                        "role": role,
                        "event": f"e{i}",
                        "date": event["date"],
                        "organizer": event["organizer"],
                        "article": a,
                    }
                )
    for x in gold["indicators"]:
        rows["indicators"].append(
            {
                "locality": x["locality"],
                "indicator": x["name"],
                "value": _num(x["value"]),
                "unit": x["unit"],
                "year": _num(x["year"]),
                "status": x["status"],
                "text": x["text"],
                "article": a,
            }
        )
    return rows


def minimal_gold(article: str = "a1", **parts: list[dict[str, Any]]) -> dict[str, Any]:
    gold: dict[str, Any] = {
        "article": article,
        "date": "2022-01",
        "localities": [],
        "bodies": [],
        "people": [],
        "events": [],
        "indicators": [],
    }
    gold.update(parts)
    validate_gold(gold, f"{article}.json")
    return gold


def indicator(value: float, year: int | None = 2021, unit: str = "VND") -> dict[str, Any]:
    return {
        "locality": "Cẩm Xuyên",
        "name": "thu ngân sách",
        "value": value,
        "unit": unit,
        "year": year,
        "status": "actual",
        "text": "thu ngân sách đạt 520 tỷ đồng",
    }


def indicator_row(
    value: str, year: str = "2021", unit: str = "VND", article: str = "a1"
) -> dict[str, str]:
    return {
        "locality": "Cẩm Xuyên",
        "indicator": "thu ngân sách",
        "value": value,
        "unit": unit,
        "year": year,
        "status": "actual",
        "text": "",
        "article": article,
    }


def person(name: str, role: str, body: str, locality: str) -> dict[str, Any]:
    return {"name": name, "posts": [{"role": role, "body": body, "locality": locality}]}


def official_row(
    name: str, role: str, body: str, locality: str, article: str = "a1"
) -> dict[str, str]:
    return {
        "name": name,
        "role": role,
        "body": body,
        "locality": locality,
        "article": article,
        "date": "",
    }


def counts(report: EvalReport, category: str) -> tuple[int, int, int]:
    s = report.scores[category]
    return s.tp, s.fp, s.fn


# --------------------------------------------------------------------------- real gold


@needs_gold
def test_load_gold_reads_seeds_and_real() -> None:
    gold = load_gold(GOLD_DIR)
    assert len(gold) == len(_gold_files()) == 15
    assert {SEED, "003", "124"} <= gold.keys()
    assert gold[SEED]["people"][0]["name"] == "Hà Văn Hùng"


@needs_gold
@pytest.mark.parametrize("path", _gold_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_perfect_rows_score_one(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    report = score({gold["article"]: gold}, perfect_rows(gold))
    for category in CATEGORIES:
        s = report.scores[category]
        assert (s.fp, s.fn) == (0, 0), category
        assert s.f1 == 1.0, category
    assert report.misses == []


@needs_gold
def test_one_removed_post_is_one_miss() -> None:
    gold = load_gold(GOLD_DIR)[SEED]
    rows = perfect_rows(gold)
    rows["officials"] = [r for r in rows["officials"] if r["name"] != "Trần Xuân Phong"]
    report = score({SEED: gold}, rows)
    assert counts(report, "posts") == (4, 0, 1)
    assert report.scores["posts"].recall == pytest.approx(0.8)
    assert report.scores["posts"].precision == 1.0
    # He is still a participant of the conference, so "people" is untouched.
    assert counts(report, "people") == (5, 0, 0)
    assert report.misses == [
        Miss(
            SEED,
            "posts",
            "missed",
            ("Trần Xuân Phong", "Phó Trưởng", "Cẩm Xuyên", "Công an huyện Cẩm Xuyên"),
        )
    ]


@needs_gold
def test_whole_gold_perfect_and_foreign_rows_ignored() -> None:
    gold = load_gold(GOLD_DIR)
    rows: Rows = {}
    for g in gold.values():
        for query, query_rows in perfect_rows(g).items():
            rows.setdefault(query, []).extend(query_rows)
    rows["localities"].append(
        {
            "name": "Hà Nội",
            "level": "province",
            "parent": "",
            "code": "01",
            "article": "not_in_gold",
        }
    )
    report = score(gold, rows)
    assert counts(report, "indicators") == (188, 0, 0)  # 198 gold figures, 10 repeat a key
    assert all(s.f1 == 1.0 for s in report.scores.values())


@needs_gold
def test_micro_average_over_articles() -> None:
    gold = load_gold(GOLD_DIR)
    pair = {SEED: gold[SEED], "124": gold["124"]}
    report = score(pair, perfect_rows(gold[SEED]))  # nothing predicted for 124
    n_seed = len(gold[SEED]["localities"])
    n_124 = len(gold["124"]["localities"])
    assert counts(report, "localities") == (n_seed, 0, n_124)
    expected = n_seed / (n_seed + n_124)
    assert report.scores["localities"].recall == pytest.approx(expected)


# --------------------------------------------------------------------------- posts


def test_role_with_body_matches_bare_role() -> None:
    gold = minimal_gold(people=[person("Hoàng Trung Dũng", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")])
    rows = {
        "officials": [
            official_row("Hoàng Trung Dũng", "Bí thư Tỉnh ủy", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")
        ]
    }
    report = score({"a1": gold}, rows)
    assert counts(report, "posts") == (1, 0, 0)
    assert counts(report, "people") == (1, 0, 0)


def test_role_with_other_body_does_not_match() -> None:
    gold = minimal_gold(people=[person("Hoàng Trung Dũng", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")])
    rows = {
        "officials": [
            official_row("Hoàng Trung Dũng", "Bí thư Huyện ủy", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")
        ]
    }
    assert counts(score({"a1": gold}, rows), "posts") == (0, 1, 1)


def test_same_role_wrong_locality_does_not_match() -> None:
    gold = minimal_gold(people=[person("Lê Văn A", "Chủ tịch", "UBND huyện Kỳ Anh", "Kỳ Anh")])
    rows = {"officials": [official_row("Lê Văn A", "Chủ tịch", "UBND huyện Kỳ Anh", "Hà Tĩnh")]}
    assert counts(score({"a1": gold}, rows), "posts") == (0, 1, 1)


def test_fuzzy_posts_match_one_to_one() -> None:
    gold = minimal_gold(people=[person("Lê Văn A", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")])
    rows = {
        "officials": [
            official_row("Lê Văn A", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh"),
            official_row("Lê Văn A", "Bí thư Tỉnh ủy", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh"),
        ]
    }
    assert counts(score({"a1": gold}, rows), "posts") == (1, 1, 0)


@pytest.mark.parametrize(
    ("gold_role", "predicted_role", "body", "expected"),
    [
        ("Bí thư", "Bí thư", "", True),
        ("Bí thư", "Bí thư Tỉnh ủy", "Tỉnh ủy Hà Tĩnh", True),
        ("Bí thư Tỉnh ủy", "Bí thư", "Tỉnh ủy Hà Tĩnh", True),
        ("Bí thư", "Bí thư Tỉnh ủy Hà Tĩnh", "Tỉnh ủy Hà Tĩnh", True),
        ("Giám đốc", "Giám đốc Công an tỉnh", "Công an tỉnh Hà Tĩnh", True),
        ("Chủ tịch", "Chủ tịch Hà Tĩnh", "UBND tỉnh Hà Tĩnh", True),  # suffix of the body
        ("Bí thư", "Bí thư Huyện ủy", "Tỉnh ủy Hà Tĩnh", False),
        ("Bí thư", "Phó Bí thư", "Tỉnh ủy Hà Tĩnh", False),
        ("Bí thư", "Bí thư Tỉnh", "Tỉnh ủy Hà Tĩnh", True),  # whole-word prefix "tỉnh"
        ("Bí thư", "Bí thư Tỉ", "Tỉnh ủy Hà Tĩnh", False),  # not a whole word
        ("Bí thư", "Bí thư Tỉnh ủy", "", False),
        ("Ủy viên", "Uỷ viên", "", True),
        ("Bí thư", "bí  thư tỉnh uỷ", "Tỉnh ủy Hà Tĩnh", True),
    ],
)
def test_roles_match(gold_role: str, predicted_role: str, body: str, expected: bool) -> None:
    assert roles_match(gold_role, predicted_role, [body]) is expected


def test_tone_placement_is_folded() -> None:
    gold = minimal_gold(
        localities=[{"name": "Thanh Hóa", "level": "province"}],
        people=[person("Lê Thị Hòa", "Ủy viên", "Ban Thường vụ Tỉnh ủy Thanh Hóa", "Thanh Hóa")],
    )
    rows = {
        "localities": [
            {"name": "Thanh Hoá", "level": "province", "parent": "", "code": "", "article": "a1"}
        ],
        "officials": [
            official_row(
                "Lê Thị Hoà",
                "Uỷ viên Ban Thường vụ Tỉnh uỷ",
                "Ban Thường vụ Tỉnh uỷ Thanh Hoá",
                "Thanh Hoá",
            )
        ],
    }
    report = score({"a1": gold}, rows)
    assert counts(report, "localities") == (1, 0, 0)
    assert counts(report, "people") == (1, 0, 0)
    assert counts(report, "posts") == (1, 0, 0)


# --------------------------------------------------------------------------- events


def _event(date: str, *participants: tuple[str, list[str]]) -> dict[str, Any]:
    return {
        "kind": "conference",
        "subtype": "tổng kết",
        "date": date,
        "organizer": "",
        "locality": "",
        "participants": [{"name": n, "roles": r} for n, r in participants],
    }


def _attendance_row(name: str, role: str, date: str) -> dict[str, str]:
    return {
        "name": name,
        "role": role,
        "event": "e",
        "date": date,
        "organizer": "",
        "article": "a1",
    }


def test_roles_score_only_roles_beyond_attended() -> None:
    gold = minimal_gold(
        events=[
            _event("2022-01-05", ("Lê Văn A", ["spoke"]), ("Lê Văn B", ["attended", "chaired"]))
        ]
    )
    rows = {
        "attendance": [
            _attendance_row("Lê Văn A", "attended", "2022-01-05"),
            _attendance_row("Lê Văn A", "spoke", "2022-01-05"),
            _attendance_row("Lê Văn B", "chaired", "2022-01-05"),
        ]
    }
    report = score({"a1": gold}, rows)
    assert counts(report, "attendance") == (2, 0, 0)
    # spoke (A) and chaired (B); "attended" is implied and not scored.
    assert counts(report, "roles") == (2, 0, 0)
    assert counts(report, "people") == (2, 0, 0)


def test_wrong_role_and_wrong_date() -> None:
    gold = minimal_gold(
        events=[
            _event("2022-01-05", ("Lê Văn A", ["attended", "spoke"])),
            _event("2022-01", ("Lê Văn B", ["attended"])),
        ]
    )
    rows = {
        "attendance": [
            _attendance_row("Lê Văn A", "chaired", "2022-01-05"),
            _attendance_row("Lê Văn B", "attended", "2022-01-06"),
        ]
    }
    report = score({"a1": gold}, rows)
    assert counts(report, "attendance") == (1, 1, 1)
    # A: chaired spurious, spoke missed; B has only "attended", which is not scored.
    assert counts(report, "roles") == (0, 1, 1)
    spurious = {m.item for m in report.misses if m.kind == "spurious"}
    assert ("Lê Văn A", "2022-01-05", "chaired") in spurious


# --------------------------------------------------------------------------- indicators


@pytest.mark.parametrize(
    ("gold_value", "predicted", "expected"),
    [
        (520000000000, "520000000000", True),
        (520000000000, "5.2E11", True),
        (520000000000, "522000000000", True),  # 0.38 %
        (520000000000, "522600000000", True),  # 0.5 %
        (520000000000, "525200000000", False),  # 1 %
        (520000000000, "514800000000", False),  # -1 %
        (54.5, "54.5", True),
        (500, "5.0E2", True),
        (0, "0", True),
        (0, "0.001", False),
        (7, "", False),
        (7, "bảy", False),
    ],
)
def test_indicator_value_tolerance(gold_value: float, predicted: str, expected: bool) -> None:
    gold = minimal_gold(indicators=[indicator(gold_value)])
    report = score({"a1": gold}, {"indicators": [indicator_row(predicted)]})
    assert counts(report, "indicators") == ((1, 0, 0) if expected else (0, 1, 1))


def test_values_close_is_relative_to_gold() -> None:
    assert values_close(1000.0, 1005.0)
    assert not values_close(1000.0, 1010.0)
    assert not values_close(1000.0, None)


@pytest.mark.parametrize(
    ("gold_year", "row_year", "unit", "expected"),
    [
        (None, "", "VND", True),
        (None, "2021", "VND", False),
        (2021, "", "VND", False),
        (2021, "2021", "vnd", True),
        (2021, "2022", "VND", False),
        (2021, "2021", "USD", False),
    ],
)
def test_indicator_year_and_unit(
    gold_year: int | None, row_year: str, unit: str, expected: bool
) -> None:
    gold = minimal_gold(indicators=[indicator(520000000000, year=gold_year)])
    rows = {"indicators": [indicator_row("520000000000", year=row_year, unit=unit)]}
    assert counts(score({"a1": gold}, rows), "indicators") == ((1, 0, 0) if expected else (0, 1, 1))


def test_indicators_match_one_to_one_and_duplicates_count_once() -> None:
    gold = minimal_gold(indicators=[indicator(1000), indicator(1000), indicator(1008)])
    rows = {"indicators": [indicator_row("1004"), indicator_row("1004.0"), indicator_row("1001")]}
    # Gold keys: 1000, 1008 (the duplicate counts once); predicted keys 1004, 1001.
    # 1004 fits both gold values, 1001 only 1000: a greedy pass would leave 1008 unmatched.
    assert counts(score({"a1": gold}, rows), "indicators") == (2, 0, 0)


# --------------------------------------------------------------------------- scores


def test_score_ratios() -> None:
    assert (Score(0, 0, 0).precision, Score(0, 0, 0).recall, Score(0, 0, 0).f1) == (1, 1, 1)
    assert (Score(0, 2, 0).precision, Score(0, 2, 0).recall, Score(0, 2, 0).f1) == (0, 0, 0)
    assert (Score(0, 0, 3).precision, Score(0, 0, 3).recall, Score(0, 0, 3).f1) == (0, 0, 0)
    s = Score(1, 1, 0)
    assert (s.precision, s.recall) == (0.5, 1.0)
    assert s.f1 == pytest.approx(2 / 3)


def test_empty_gold_and_rows_score_one() -> None:
    report = score({"a1": minimal_gold()}, {})
    assert list(report.scores) == list(CATEGORIES)
    assert all(s.f1 == 1.0 for s in report.scores.values())


def test_duplicate_rows_count_once_and_report_json() -> None:
    gold = minimal_gold(
        localities=[
            {"name": "Hà Tĩnh", "level": "province"},
            {"name": "Kỳ Anh", "level": "district"},
        ]
    )
    loc = {"name": "Hà Tĩnh", "level": "province", "parent": "", "code": "42", "article": "a1"}
    rows = {"localities": [loc, dict(loc), {**loc, "name": "Hà  tĩnh"}, {**loc, "name": "Kỳ Anh"}]}
    report = score({"a1": gold}, rows)
    assert counts(report, "localities") == (1, 1, 1)
    data = report.to_json()
    assert data["scores"]["localities"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert data["misses"] == [
        {
            "article": "a1",
            "category": "localities",
            "kind": "missed",
            "item": ["Kỳ Anh", "district"],
        },
        {
            "article": "a1",
            "category": "localities",
            "kind": "spurious",
            "item": ["Kỳ Anh", "province"],
        },
    ]
    json.dumps(data)  # serializable
    table = format_table(report)
    assert table[0] == ("localities", "1", "1", "1", "0.500", "0.500", "0.500")
    assert [row[0] for row in table] == list(CATEGORIES)


# --------------------------------------------------------------------------- gold errors


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    gold_dir = tmp_path / "gold"
    (gold_dir / "real").mkdir(parents=True, exist_ok=True)
    path = gold_dir / "real" / name
    path.write_text(
        data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8"
    )
    return gold_dir


def _valid(article: str = "003") -> dict[str, Any]:
    return minimal_gold(
        article,
        localities=[{"name": "Hà Tĩnh", "level": "province"}],
        people=[person("Lê Văn A", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")],
        events=[_event("2022-01-05", ("Lê Văn A", ["chaired"]))],
        indicators=[indicator(7, unit="%")],
    )


def test_load_gold_valid_file(tmp_path: Path) -> None:
    assert load_gold(_write(tmp_path, "003.json", _valid())) == {"003": _valid()}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["people"][0]["posts"][0].pop("role"),
            "gold/real/003.json: people[0].posts[0]: missing 'role'",
        ),
        (lambda d: d.pop("indicators"), "gold/real/003.json: missing 'indicators'"),
        (
            lambda d: d["localities"][0].update(level="city"),
            "gold/real/003.json: localities[0].level: 'city' is not one of province, district,"
            " commune",
        ),
        (
            lambda d: d["indicators"][0].update(status="planned"),
            "gold/real/003.json: indicators[0].status: 'planned' is not one of actual, target,"
            " estimate",
        ),
        (
            lambda d: d["events"][0]["participants"][0].update(roles=["chủ trì"]),
            "gold/real/003.json: events[0].participants[0].roles[0]: 'chủ trì' is not one of"
            " chaired, attended, spoke, reported, directed, concluded, awarded, presented_with",
        ),
        (
            lambda d: d["indicators"][0].update(value="7"),
            "gold/real/003.json: indicators[0].value: expected a number, got str",
        ),
        (
            lambda d: d["indicators"][0].update(year="2021"),
            "gold/real/003.json: indicators[0].year: expected an integer year or null, got str",
        ),
        (lambda d: d.update(people={}), "gold/real/003.json: people: expected a list, got dict"),
        (
            lambda d: d["events"][0].update(date="5/1/2022"),
            "gold/real/003.json: events[0].date: '5/1/2022' is not YYYY-MM-DD, YYYY-MM, YYYY"
            ' or ""',
        ),
        (
            lambda d: d.update(article="004"),
            "gold/real/003.json: article: '004' differs from the file name",
        ),
    ],
)
def test_gold_errors_name_file_and_path(tmp_path: Path, change: Any, message: str) -> None:
    data = copy.deepcopy(_valid())
    change(data)
    with pytest.raises(GoldError) as excinfo:
        load_gold(_write(tmp_path, "003.json", data))
    assert str(excinfo.value) == message


def test_gold_error_bad_json(tmp_path: Path) -> None:
    gold_dir = _write(tmp_path, "003.json", '{"article": "003",}')
    with pytest.raises(GoldError, match=r"^gold/real/003\.json: not valid JSON: .*line 1"):
        load_gold(gold_dir)


def test_gold_error_not_an_object(tmp_path: Path) -> None:
    with pytest.raises(GoldError) as excinfo:
        load_gold(_write(tmp_path, "003.json", "[]"))
    assert str(excinfo.value) == "gold/real/003.json: expected an object, got list"


def test_gold_error_duplicate_article(tmp_path: Path) -> None:
    gold_dir = _write(tmp_path, "003.json", _valid())
    (gold_dir / "seeds").mkdir()
    (gold_dir / "seeds" / "003.json").write_text(json.dumps(_valid()), encoding="utf-8")
    with pytest.raises(GoldError) as excinfo:
        load_gold(gold_dir)
    assert str(excinfo.value) == "gold/seeds/003.json: article: '003' is also in gold/real/003.json"


def test_gold_error_no_files(tmp_path: Path) -> None:
    with pytest.raises(GoldError, match="no gold files"):
        load_gold(tmp_path)
