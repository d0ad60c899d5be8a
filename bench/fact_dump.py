"""Dump the extracted facts of every article, one repr per article, for regression checks.

    python bench/fact_dump.py OUT.txt PATH [PATH ...] [--limit N]

Two dumps made before and after a change must be byte-identical if no fact changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH

from bench.run import read_articles  # noqa: E402
from kg.extract import extract  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as handle:
        for path in args.paths:
            for article in read_articles(Path(path), args.limit):
                handle.write(f"{article.id}\t{extract(article)!r}\n")


if __name__ == "__main__":
    main()
