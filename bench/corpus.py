"""Benchmark corpus generator: N articles made by recombining the paragraphs of the real
articles in ``../shared/corpus``, with people's names, localities and numbers substituted.

Each generated article keeps the lead of one real article (its title, date and first
paragraphs, so the events extractor finds its anchor) and is topped up with paragraphs of other
articles until it is seed-sized (7-15 kB, about 10 kB on average). Every person the extractor
finds in a paragraph gets a new name (a family name from ``kg/patterns/people.toml``, middle and
given names harvested from the corpus), consistently within one article; the localities are
moved to one province drawn from the gazetteer (districts and communes of that province); the
numbers keep their shape with new digits (dates and years stay). So the extractors do the
work they do on real news, on names and places they have not seen.

Deterministic: the same ``--seed`` and N give the same files, byte for byte.

    python bench/corpus.py 10000 bench/data/corpus-10k [--seed 1] [--source ../shared/corpus]

Files go to ``OUT/NNN/gen-NNNNNNN.txt`` (1,000 per folder), in the ``date ...`` text format
that ``kg build`` reads.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus"
PER_FOLDER = 1000
MIN_BYTES, MAX_BYTES = 7_000, 15_000

# Numbers to renumber: digit runs with their thousands / decimal separators, not part of a
# date ("5/1", "29-6", "18/9/2017") and not a year.
_NUMBER = re.compile(r"(?<![\d/\-.,])\d+(?:[.,]\d+)*(?![\d/\-]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")


class SourceMissing(RuntimeError):
    """The shared corpus is not there."""


@dataclass(frozen=True)
class Slot:
    kind: str  # "person", "short" (a given name alone), "province", "district", "commune",
    # "number"
    key: str  # the original text


Piece = str | Slot


@dataclass
class Source:
    id: str
    date: str
    title: list[Piece]
    paragraphs: list[list[Piece]]


def source_articles(source: Path) -> list[Source]:
    """The real articles as templates: text with slots where names, places and numbers are."""
    if not source.is_dir() or not any(source.rglob("*.txt")):
        raise SourceMissing(
            f"no source corpus at {source}: the generator recombines the real articles of "
            f"../shared/corpus (beside the repository); pass --source DIR to use another"
        )
    from kg.extract import extract
    from kg.reader import read_corpus

    out: list[Source] = []
    for article in read_corpus([source]):
        if not hasattr(article, "body") or not article.date:
            continue
        facts = extract(article)
        spans: list[tuple[int, int, Slot]] = []
        for m in facts.mentions:
            text = article.text[m.evidence.start:m.evidence.end]
            kind = "short" if " " not in text else "person"
            spans.append((m.evidence.start, m.evidence.end, Slot(kind, text)))
        for m in facts.localities:
            text = article.text[m.evidence.start:m.evidence.end]
            if m.locality.level in ("province", "district", "commune") and text:
                spans.append((m.evidence.start, m.evidence.end, Slot(m.locality.level, text)))
        for m in _NUMBER.finditer(article.text):
            if not _YEAR.fullmatch(m.group(0)):
                spans.append((m.start(), m.end(), Slot("number", m.group(0))))
        spans = _disjoint(spans)
        body_start = len(article.title) + 2 if article.title else 0
        title = _template(article.text, 0, len(article.title), spans) if article.title else []
        paragraphs = []
        for para in re.finditer(r"[^\n]+", article.body):
            start = body_start + para.start()
            paragraphs.append(_template(article.text, start, start + len(para.group(0)), spans))
        if paragraphs:
            out.append(Source(article.id, article.date, title, paragraphs))
    out.sort(key=lambda s: s.id)
    return out


def _disjoint(spans: list[tuple[int, int, Slot]]) -> list[tuple[int, int, Slot]]:
    kept: list[tuple[int, int, Slot]] = []
    for span in sorted(set(spans), key=lambda s: (s[0], -s[1], s[2].kind)):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _template(text: str, start: int, end: int,
              spans: list[tuple[int, int, Slot]]) -> list[Piece]:
    pieces: list[Piece] = []
    pos = start
    for s, e, slot in spans:
        if s < start or e > end:
            continue
        if s > pos:
            pieces.append(text[pos:s])
        pieces.append(slot)
        pos = e
    if pos < end:
        pieces.append(text[pos:end])
    return pieces


@dataclass
class Tables:
    surnames: list[str]
    middles: list[str]
    givens: list[str]
    provinces: list[str]
    districts: dict[str, list[str]]  # province -> district names
    communes: dict[str, list[str]]  # province -> commune names


def name_tables(sources: list[Source]) -> Tables:
    from kg.extract.people import SURNAMES
    from kg.gazetteer import gazetteer

    middles: set[str] = set()
    givens: set[str] = set()
    for src in sources:
        for para in [src.title, *src.paragraphs]:
            for piece in para:
                if isinstance(piece, Slot) and piece.kind == "person":
                    words = piece.key.split()
                    givens.add(words[-1])
                    middles.update(words[1:-1])
    gaz = gazetteer()
    provinces: set[str] = set()
    districts: dict[str, set[str]] = {}
    communes: dict[str, set[str]] = {}
    clean = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")
    for level, target in (("district", districts), ("commune", communes)):
        for bucket in gaz.by_name[level].values():
            for loc in bucket:
                if clean.fullmatch(loc.name):
                    target.setdefault(loc.province.name, set()).add(loc.name)
    for bucket in gaz.by_name["province"].values():
        provinces.update(loc.name for loc in bucket)
    return Tables(
        sorted(SURNAMES - {"Y", "H", "Văn", "Ông"}),
        sorted(middles) or ["Văn", "Thị"],
        sorted(givens) or ["Hùng"],
        sorted(p for p in provinces if p in districts and p in communes),
        {p: sorted(v) for p, v in districts.items()},
        {p: sorted(v) for p, v in communes.items()},
    )


class _Article:
    """The substitutions of one generated article, made consistently as slots come."""

    def __init__(self, rng: random.Random, tables: Tables) -> None:
        self.rng = rng
        self.t = tables
        self.province = rng.choice(tables.provinces)
        self.people: dict[str, str] = {}
        self.places: dict[tuple[str, str], str] = {}

    def fill(self, pieces: list[Piece]) -> str:
        return "".join(p if isinstance(p, str) else self.value(p) for p in pieces)

    def value(self, slot: Slot) -> str:
        rng, t = self.rng, self.t
        if slot.kind == "number":
            digits = [str(rng.randrange(10)) if c.isdigit() else c for c in slot.key]
            if len(slot.key) > 1 and slot.key[0] != "0":
                digits[0] = str(rng.randrange(1, 10))
            return "".join(digits)
        if slot.kind == "person":
            if slot.key not in self.people:
                middle = " ".join(rng.choice(t.middles)
                                  for _ in range(max(1, len(slot.key.split()) - 2)))
                self.people[slot.key] = (f"{rng.choice(t.surnames)} {middle} "
                                         f"{rng.choice(t.givens)}")
            return self.people[slot.key]
        if slot.kind == "short":
            for old, new in self.people.items():
                if old.rsplit(" ", 1)[-1] == slot.key:
                    return new.rsplit(" ", 1)[-1]
            return self.places.setdefault(("short", slot.key), rng.choice(t.givens))
        key = (slot.kind, slot.key)
        if key not in self.places:
            if slot.kind == "province":
                first = not any(k[0] == "province" for k in self.places)
                self.places[key] = self.province if first else rng.choice(t.provinces)
            elif slot.kind == "district":
                self.places[key] = rng.choice(t.districts[self.province])
            else:
                self.places[key] = rng.choice(t.communes[self.province])
        return self.places[key]


def generate_article(number: int, seed: int, sources: list[Source], tables: Tables,
                     pool: list[list[Piece]]) -> tuple[str, str]:
    """Article ``number`` of the corpus made with ``seed``: (id, file text)."""
    rng = random.Random(f"kg-bench:{seed}:{number}")
    frame = rng.choice(sources)
    target = rng.randrange(MIN_BYTES, MAX_BYTES)
    state = _Article(rng, tables)
    title = state.fill(frame.title)
    paragraphs: list[str] = []
    size = len(title.encode())
    lead = frame.paragraphs[: max(1, min(len(frame.paragraphs), rng.randrange(2, 6)))]
    for pieces in lead:
        paragraphs.append(state.fill(pieces))
        size += len(paragraphs[-1].encode()) + 2
    while size < target:
        paragraphs.append(state.fill(rng.choice(pool)))
        size += len(paragraphs[-1].encode()) + 2
    article_id = f"gen-{seed}-{number:07d}"
    body = "\n\n".join(paragraphs)
    return article_id, f"date {frame.date}\n{title}\n\n{body}\n"


def generate(count: int, out: str | Path, seed: int = 1,
             source: str | Path = DEFAULT_SOURCE, quiet: bool = True) -> Path:
    """Write ``count`` articles under ``out``; skips the work if ``out`` already holds them."""
    out = Path(out)
    stamp = out / ".complete"
    wanted = f"{count} {seed} {Path(source).resolve()}\n"
    if stamp.is_file() and stamp.read_text() == wanted:
        return out
    sources = source_articles(Path(source))
    stamp.unlink(missing_ok=True)
    for old in out.glob("*/gen-*.txt"):  # an earlier corpus of another size or seed
        old.unlink()
    tables = name_tables(sources)
    pool = [p for src in sources for p in src.paragraphs if len(p) > 1 or len(p[0]) > 40]
    started = time.perf_counter()
    for number in range(count):
        article_id, text = generate_article(number, seed, sources, tables, pool)
        folder = out / f"{number // PER_FOLDER:04d}"
        if number % PER_FOLDER == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        if not quiet and (number + 1) % 10_000 == 0:
            rate = (number + 1) / (time.perf_counter() - started)
            print(f"  {number + 1} articles ({rate:.0f}/s)", file=sys.stderr)
    stamp.write_text(wanted)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of articles (1000, 10000, 100000)")
    parser.add_argument("out", type=Path, help="output folder (e.g. bench/data/corpus-10k)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="folder of real articles (default: ../shared/corpus)")
    args = parser.parse_args(argv)
    try:
        generate(args.count, args.out, args.seed, args.source, quiet=False)
    except SourceMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 2
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
