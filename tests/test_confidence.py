"""Confidence on every fact, in the graph, usable as a query filter."""

import csv
import io
from pathlib import Path

from tests.conftest import run_cli


def _rows(store: Path, *params: str) -> list[dict[str, str]]:
    args = ["query", "facts_by_confidence", "--store", str(store), "--format", "csv"]
    for p in params:
        args += ["--param", p]
    result = run_cli(*args)
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_every_fact_has_a_confidence_between_0_and_1(built_store: Path) -> None:
    rows = _rows(built_store)
    assert {r["kind"] for r in rows} == {"post", "participation", "event", "indicator"}
    assert all(0 < float(r["confidence"]) <= 1 for r in rows)
    # The post read straight from "Bí thư Tỉnh ủy Hoàng Trung Dũng" is among the sure ones.
    assert any(
        r["fact"] == "Hoàng Trung Dũng: Bí thư" and float(r["confidence"]) >= 0.9 for r in rows
    )


def test_min_confidence_parameter_filters(built_store: Path) -> None:
    everything = _rows(built_store)
    sure = _rows(built_store, "min_confidence=0.85")
    assert 0 < len(sure) < len(everything)
    assert all(float(r["confidence"]) >= 0.85 for r in sure)
    assert min(float(r["confidence"]) for r in everything) < 0.85
