"""Whole-article golden files: any change in what the samples yield shows up as a diff.

Regenerate after a deliberate change with ``.venv/bin/python -m kg.golden data/samples
tests/golden`` and review the diff before committing.
"""

import json

import pytest

from kg.extract import extract
from kg.golden import facts_to_dict
from kg.reader import read_corpus
from tests.conftest import ROOT, SAMPLES

GOLDEN = ROOT / "tests" / "golden"
ARTICLES = {a.id: a for a in read_corpus([SAMPLES])}


@pytest.mark.parametrize("article_id", sorted(ARTICLES))
def test_sample_matches_its_golden_file(article_id: str) -> None:
    expected = json.loads((GOLDEN / f"{article_id}.json").read_text(encoding="utf-8"))
    assert facts_to_dict(extract(ARTICLES[article_id])) == expected
