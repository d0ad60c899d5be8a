"""A tiny smoke run of the benchmark harness (no timings are asserted: see bench/run.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

SHARED = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/corpus to generate from")
def test_corpus_is_deterministic_and_readable(tmp_path) -> None:
    from bench.corpus import generate
    from kg.reader import read_corpus

    a = generate(5, tmp_path / "a", seed=3)
    b = generate(5, tmp_path / "b", seed=3)
    files = sorted(p.relative_to(a) for p in a.rglob("*.txt"))
    assert len(files) == 5
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files)
    articles = list(read_corpus([a]))
    assert all(hasattr(x, "body") and len(x.text) > 5000 for x in articles)


def test_generator_skips_without_the_shared_corpus(tmp_path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "bench/corpus.py",
            "3",
            str(tmp_path / "out"),
            "--source",
            str(tmp_path / "missing"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "no source corpus" in done.stderr


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared/corpus to generate from")
def test_harness_smoke_run(tmp_path) -> None:
    out = tmp_path / "results.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench.run", "--smoke", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")
    for heading in (
        "Extraction alone",
        "Load alone",
        "--jobs 1",
        "Whole `kg build",
        "Queries on the",
        "kg network",
        "Adding 5 articles to the",
    ):
        assert heading in text
    assert "not compacted" in text
