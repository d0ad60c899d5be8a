"""CPU time of ``kg.extract.extract`` as bench/run.py measures it, and a profile of it.

    python bench/speed.py [--articles N] [--runs R] [--profile [SORT]] [CORPUS]

Articles/s per core is the median of R timed passes (time.process_time) over the first N
articles of CORPUS, after one call that loads the gazetteer and the pattern tables.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path
from statistics import median

sys.path.append(str(Path(__file__).resolve().parent.parent))  # after PYTHONPATH

from bench.run import DATA, cpu_times, read_articles  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", default=str(DATA / "corpus-1k"))
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", nargs="?", const="tottime", default=None)
    args = parser.parse_args()

    from kg.extract import extract

    articles = read_articles(Path(args.corpus), args.articles)
    extract(articles[0])
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for article in articles:
            extract(article)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.profile).print_stats(40)
        return
    times = cpu_times(extract, articles, args.runs)
    rate = len(articles) / median(times)
    print(
        f"{rate:.1f} articles/s (CPU, median of {args.runs}; runs: "
        + ", ".join(f"{t:.2f}s" for t in times)
        + ")"
    )


if __name__ == "__main__":
    main()
