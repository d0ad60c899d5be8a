"""Score extraction straight from ArticleFacts against the gold files (no store): a fast loop
for rule development. `kg eval` is the reference scorer; this mirrors its row format."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.evaluate import format_table, load_gold, score
from kg.extract import extract
from kg.reader import read_corpus


def rows_of(facts) -> dict[str, list[dict[str, str]]]:
    aid = facts.article.id
    rows: dict[str, list[dict[str, str]]] = {
        "localities": [],
        "officials": [],
        "attendance": [],
        "indicators": [],
    }
    for m in facts.localities:
        loc = m.locality
        rows["localities"].append(
            {
                "name": loc.name,
                "level": loc.level,
                "parent": loc.parent.name if loc.parent else "",
                "code": loc.code,
                "article": aid,
            }
        )
    for p in facts.posts:
        loc = p.body.locality if p.body else None
        rows["officials"].append(
            {
                "name": p.person.name,
                "role": p.role,
                "body": p.body.name if p.body else "",
                "locality": loc.name if loc else "",
                "article": aid,
                "date": facts.article.date,
            }
        )
    for e in facts.events:
        for part in e.participants:
            rows["attendance"].append(
                {
                    "name": part.person.name,
                    "role": part.role,
                    "event": "",
                    "date": e.date,
                    "organizer": e.organizer.name if e.organizer else "",
                    "article": aid,
                }
            )
    for i in facts.indicators:
        rows["indicators"].append(
            {
                "locality": i.locality.name if i.locality else "",
                "indicator": i.name,
                "value": repr(i.value),
                "unit": i.unit,
                "year": str(i.year or ""),
                "status": i.status,
                "text": i.evidence.sentence,
                "article": aid,
            }
        )
    return rows


def main(gold_dir: str, corpus: str, misses: str = "") -> None:
    gold = load_gold(Path(gold_dir))
    rows: dict[str, list[dict[str, str]]] = {}
    for article in read_corpus([corpus]):
        if getattr(article, "id", None) not in gold:
            continue
        for key, value in rows_of(extract(article)).items():
            rows.setdefault(key, []).extend(value)
    report = score(gold, rows)
    for row in format_table(report):
        print(*row, sep="\t")
    if misses:
        for m in report.misses:
            if m.category in misses.split(","):
                print(m.article, m.category, m.kind, m.item)


if __name__ == "__main__":
    main(*sys.argv[1:])
