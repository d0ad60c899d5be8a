"""Dev scorer for indicators: P/R/F1 against the gold files, seeds and real separately.

Usage: python bench/indicator_dev.py [-v] [SHARED_DIR]
Keys: (match_key(locality), year, status, value within 0.5 %, unit), matched one-to-one.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from kg.extract.indicators import extract_indicators
from kg.extract.localities import extract_localities
from kg.reader import read_corpus
from kg.text import Document, match_key

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _key(locality: str, year, status: str, value: float, unit: str) -> tuple:
    return (match_key(locality or ""), year, status, float(value), match_key(unit))


def _same(a: tuple, b: tuple) -> bool:
    if a[0] != b[0] or a[1] != b[1] or a[2] != b[2] or a[4] != b[4]:
        return False
    return abs(a[3] - b[3]) <= 0.005 * max(abs(b[3]), 1e-9)


def match(pred: list[tuple], gold: list[tuple]) -> tuple[int, list[tuple], list[tuple]]:
    pred, gold = list(dict.fromkeys(pred)), list(dict.fromkeys(gold))
    free = list(gold)
    tp, fps = 0, []
    for p in pred:
        hit = next((g for g in free if _same(p, g)), None)
        if hit is None:
            fps.append(p)
        else:
            free.remove(hit)
            tp += 1
    return tp, fps, free


def score(split: str, shared: Path = SHARED, verbose: bool = False) -> dict:
    gold_dir = shared / "gold" / split
    corpus = shared / "corpus" / split
    tp = fp = fn = 0
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        paths = sorted(corpus.glob(gold_file.stem + "*.txt"))
        article = next(a for a in read_corpus(paths) if not hasattr(a, "reason"))
        doc = Document(article)
        found = extract_indicators(doc, extract_localities(doc))
        pred = [
            _key(o.locality.name if o.locality else "", o.year, o.status, o.value, o.unit)
            for o in found
        ]
        gold_keys = [
            _key(i["locality"], i["year"], i["status"], i["value"], i["unit"])
            for i in gold["indicators"]
        ]
        t, fps, fns = match(pred, gold_keys)
        tp, fp, fn = tp + t, fp + len(fps), fn + len(fns)
        if verbose and (fps or fns):
            print(f"--- {split}/{gold_file.stem}: tp={t} fp={len(fps)} fn={len(fns)}")
            for p in fps:
                o = next(o for o in found if _key(o.locality.name if o.locality else "", o.year,
                                                  o.status, o.value, o.unit) == p)
                print(f"  FP {p}  | {o.name} | {doc.text[o.evidence.start:o.evidence.end]}")
            for g in fns:
                text = next(
                    i["text"]
                    for i in gold["indicators"]
                    if _key(i["locality"], i["year"], i["status"], i["value"], i["unit"]) == g
                )
                print(f"  FN {g}  | {text}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f}


def speed(shared: Path = SHARED) -> float:
    articles = [a for a in read_corpus([shared / "corpus"]) if not hasattr(a, "reason")]
    started = time.perf_counter()
    for article in articles:
        doc = Document(article)
        extract_indicators(doc, extract_localities(doc))
    return len(articles) / (time.perf_counter() - started)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    shared = Path(args[0]) if args else SHARED
    for split in ("seeds", "real"):
        s = score(split, shared, verbose="-v" in sys.argv)
        print(f"{split}: P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
              f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    print(f"speed (localities + indicators): {speed(shared):.0f} articles/s")
