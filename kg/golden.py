"""Whole-article golden files: the facts of each bundled sample as stable, reviewable JSON.

After a deliberate change to extraction, regenerate them and review the diff:

    .venv/bin/python -m kg.golden data/samples tests/golden
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kg.extract import extract
from kg.model import ArticleFacts, Body, Locality
from kg.reader import Failure, read_corpus


def _locality(loc: Locality | None) -> str:
    return f"{loc.name} ({loc.level})" if loc else ""


def _body(body: Body | None) -> str:
    return body.name if body else ""


def facts_to_dict(facts: ArticleFacts) -> dict:
    """The facts of one article, reduced to what a reviewer reads, in a stable order."""
    return {
        "article": facts.article.id,
        "date": facts.article.date,
        "localities": sorted({_locality(m.locality) for m in facts.localities}),
        "people": sorted(
            f"{p.name}" + (f" [{p.rank}]" if p.rank else "") + f" @{p.home}" for p in facts.people
        ),
        "posts": sorted(
            f"{p.person.name} | {p.role} | {_body(p.body)}" + (" | former" if p.former else "")
            for p in facts.posts
        ),
        "events": [
            {
                "kind": e.kind,
                "subtype": e.subtype,
                "date": e.date,
                "organizer": _body(e.organizer),
                "locality": _locality(e.locality),
                "participants": sorted(f"{p.person.name} | {p.role}" for p in e.participants),
            }
            for e in facts.events
        ],
        "indicators": sorted(
            f"{_locality(i.locality)} | {i.name} | {i.value:g} {i.unit} | {i.year} | {i.status}"
            for i in facts.indicators
        ),
    }


def write_golden(corpus: Path, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for article in read_corpus([corpus]):
        if isinstance(article, Failure):
            raise SystemExit(f"cannot read {article}")
        path = out_dir / f"{article.id}.json"
        text = json.dumps(facts_to_dict(extract(article)), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    corpus, out = (Path(a) for a in sys.argv[1:3])
    for path in write_golden(corpus, out):
        print(path)
