"""Shared test helpers: the ../shared corpus and gold, skipped with a reason when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.model import Article, ArticleFacts
from kg.reader import parse_text_article

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"

needs_shared = pytest.mark.skipif(
    not (SHARED / "corpus").is_dir(), reason=f"the shared corpus is not at {SHARED}"
)


def sample(stem_prefix: str) -> Article:
    """A bundled seed article by the start of its file name ("000", "001", ...)."""
    path = next(SAMPLES.glob(f"{stem_prefix}*.txt"))
    return parse_text_article(path.stem, path.read_text(encoding="utf-8"), str(path))


def facts_of(text: str, date: str = "2022-01", title: str = "") -> ArticleFacts:
    return extract(Article("t", date, title, text))
