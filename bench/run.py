"""Benchmark harness: extraction, load, whole builds, queries and network views, on this machine.

    .venv/bin/python -m bench.run                       # 1k, 10k and 100k articles (long)
    .venv/bin/python -m bench.run --sizes 1000,10000    # without the 100k build
    .venv/bin/python -m bench.run --smoke               # seconds: keeps the harness working

Reports medians of several runs, measured side by side in one run, to ``bench/results.md``
(with the machine, the commit and the date). Corpora come from ``bench/corpus.py`` (recombined
real articles from ``../shared/corpus``) and live under ``bench/data/`` (not committed).

- extraction alone: one process (one core), articles/s and MB/s of article text, for
  ``extract`` and for ``extract`` + RDF emission + N-Quads (what a build worker does);
- load alone: quads/s into an on-disk store through ``kg.store.Writer`` in build-sized
  batches (then ``publish``), beside pyoxigraph's own ``Store.bulk_load`` of the same quads
  from one N-Quads file;
- whole ``kg build``: wall time and peak RSS (the build and its workers, summed, sampled from
  /proc) at each size, ``--jobs 1`` against ``--jobs 2`` at the smallest size;
- the contract queries (``queries/*.rq``) and ``kg network`` views on the largest store.

Timings are never assertions: ``make test`` only runs ``--smoke``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data"
# The `kg` entry point (kg.cli:app), as a user runs it: `python -m kg.cli` would load kg.cli
# twice (as __main__ and as kg.cli), and the commands other modules register on kg.cli's app
# (kg network, kg serve) would be missing.
KG = [sys.executable, "-c", "from kg.cli import app; app()"]
TARGETS = {
    "extract": 300.0,  # articles/s per core
    "jobs": 1.7,  # --jobs 2 over --jobs 1
    "load": 0.70,  # of raw bulk_load
    "build_100k_s": 600.0,
    "rss_mb": 2048.0,
    "query_s": 1.0,
    "network_s": 5.0,
}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, str]:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    import pyoxigraph

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    dirty = " (uncommitted changes)" if git("status", "--porcelain", "--untracked-files=no") \
        else ""
    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "commit": git("rev-parse", "--short", "HEAD") + dirty,
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": mem,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyoxigraph": getattr(pyoxigraph, "__version__", "?"),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


# --------------------------------------------------------------------------- corpora


def corpus(count: int, seed: int = 1) -> Path:
    from bench.corpus import generate

    label = f"{count // 1000}k" if count >= 1000 and count % 1000 == 0 else str(count)
    return generate(count, DATA / f"corpus-{label}", seed=seed)


def read_articles(path: Path, limit: int | None = None) -> list:
    from kg.reader import read_corpus

    out = []
    for item in read_corpus([path]):
        if hasattr(item, "body"):
            out.append(item)
            if limit is not None and len(out) >= limit:
                break
    return out


# --------------------------------------------------------------------------- extraction


def cpu_times(func: Callable, articles: list, runs: int) -> list[float]:
    """CPU seconds of ``runs`` passes of ``func`` over ``articles`` (time.process_time)."""
    times = []
    for _ in range(runs):
        started = time.process_time()
        for article in articles:
            func(article)
        times.append(time.process_time() - started)
    return times


def bench_extraction(articles: list, runs: int) -> dict[str, float]:
    """One core: ``extract`` alone, and ``extract`` + emission + N-Quads (a build worker)."""
    from kg.build import process_article
    from kg.extract import extract

    extract(articles[0])  # the gazetteer and the pattern tables load once, outside the timing
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    result: dict[str, float] = {"articles": len(articles), "kb_per_article": size / len(
        articles) / 1000}
    for label, func in (("extract", extract), ("extract+emit", process_article)):
        t = median(cpu_times(func, articles, runs))
        result[f"{label} articles/s"] = len(articles) / t
        result[f"{label} MB/s"] = size / t / 1e6
    return result


# --------------------------------------------------------------------------- load


def kg_load(where: Path, graphs: list[tuple[str, bytes]], batch: int) -> None:
    """Load as ``kg build`` does: batches through the store's writer, then publish."""
    import kg.store

    if hasattr(kg.store, "Writer"):
        with kg.store.Writer(where) as writer:
            for i in range(0, len(graphs), batch):
                writer.replace_graphs(graphs[i:i + batch])
            writer.publish()
    else:  # the store before generations
        store = kg.store.open_store(where, read_only=False)
        for i in range(0, len(graphs), batch):
            kg.store.replace_graphs(store, graphs[i:i + batch])
        store.flush()
        del store


def bench_load(articles: list, runs: int) -> dict[str, float]:
    """kg's loader (build-sized batches) beside one raw ``Store.bulk_load`` of the same file."""
    from pyoxigraph import RdfFormat, Store

    from kg.build import BATCH_ARTICLES, process_article

    graphs = []
    quads = 0
    for article in articles:
        r = process_article(article)
        if not r.error:
            graphs.append((r.article_id, r.nquads))
            quads += r.quads
    kg_times, raw_times = [], []
    with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
        nq = Path(tmp) / "all.nq"
        nq.write_bytes(b"".join(data for _, data in graphs))
        for run in range(runs):
            for which in (("kg", "raw") if run % 2 == 0 else ("raw", "kg")):
                where = Path(tmp) / f"{which}-{run}"
                started = time.perf_counter()
                if which == "kg":
                    kg_load(where, graphs, BATCH_ARTICLES)
                    kg_times.append(time.perf_counter() - started)
                else:
                    store = Store(str(where))
                    store.bulk_load(path=str(nq), format=RdfFormat.N_QUADS)
                    store.flush()
                    del store
                    raw_times.append(time.perf_counter() - started)
                shutil.rmtree(where, ignore_errors=True)
    kg_rate, raw_rate = quads / median(kg_times), quads / median(raw_times)
    return {"articles": len(graphs), "quads": quads, "kg quads/s": kg_rate,
            "raw quads/s": raw_rate, "ratio": kg_rate / raw_rate}


# --------------------------------------------------------------------------- whole builds


class RssSampler(threading.Thread):
    """Peak summed RSS of a process and its descendants, from /proc, every ``period`` s."""

    def __init__(self, pid: int, period: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.period = pid, period
        self.peak = 0
        self.samples: list[tuple[float, int]] = []
        self.stop = threading.Event()

    def tree_rss(self) -> int:
        children: dict[int, list[int]] = {}
        rss: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            pid = int(entry.name)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            total += rss.get(pid, 0)
            todo.extend(children.get(pid, []))
        return total

    def run(self) -> None:
        started = time.perf_counter()
        while not self.stop.is_set():
            value = self.tree_rss()
            self.peak = max(self.peak, value)
            self.samples.append((time.perf_counter() - started, value))
            self.stop.wait(self.period)


def run_build(paths: list[Path], store: Path, jobs: int) -> dict[str, float]:
    shutil.rmtree(store, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.Popen([*KG, "build", *map(str, paths), "--store", str(store),
                             "--jobs", str(jobs)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "120"})
    sampler = RssSampler(proc.pid)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"kg build failed ({proc.returncode}): {err.decode()[-2000:]}")
    samples = sampler.samples
    quarters = [max((v for t, v in samples if t <= wall * q / 4), default=0) for q in (1, 2, 3, 4)]
    return {"wall_s": wall, "peak_rss_mb": sampler.peak / 2**20,
            "rss_quarters_mb": [q / 2**20 for q in quarters],
            "summary": out.decode(errors="replace")}


def run_increment(paths: list[Path], store: Path) -> tuple[float, bool]:
    """Wall seconds of adding ``paths`` to the built ``store``, and whether it compacted."""
    started = time.perf_counter()
    done = subprocess.run([*KG, "build", *map(str, paths), "--store", str(store), "--jobs", "1"],
                          cwd=ROOT, capture_output=True, env={**os.environ, "COLUMNS": "120"})
    wall = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise RuntimeError(f"kg build failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return wall, b", compacted." in done.stdout


# --------------------------------------------------------------------------- queries, network


def query_params(store) -> dict[str, dict[str, str]]:
    from kg.store import query

    def first(sparql: str) -> str:
        for row in query(store, sparql):
            return row[0].value
        return ""

    person = first("SELECT ?n WHERE { ?m a kg:PostHolding ; org:member/foaf:name ?n } LIMIT 1")
    province = first("SELECT ?n WHERE { ?e a kg:Event ; kg:locality/kg:partOf* ?p . "
                     "?p a kg:Province ; rdfs:label ?n } LIMIT 1")
    locality = first("SELECT ?n WHERE { ?o a kg:IndicatorObservation ; kg:locality/rdfs:label "
                     "?n } LIMIT 1")
    return {"posts_of_person": {"name": person}, "events_in_province": {"province": province},
            "indicators_of_locality": {"locality": locality}}


_QUERY_ONE = """
import json, sys, time
from pyoxigraph import Literal
from kg.store import open_store, query
store = open_store(sys.argv[1], read_only=True)
params = json.loads(sys.argv[3])
started = time.perf_counter()
result = query(store, open(sys.argv[2], encoding="utf-8").read(),
               {k: Literal(v) for k, v in params.items()})
rows = 1 if isinstance(result, bool) else sum(1 for _ in result)
print(json.dumps([time.perf_counter() - started, rows]))
"""


def bench_queries(store_dir: Path, runs: int,
                  timeout: float = 120.0) -> list[tuple[str, str, float, int | None]]:
    """(query, parameters, median seconds, rows) for each query in ``queries/``; each run in
    its own process (opening the store is not timed), stopped after ``timeout`` s; a query
    slower than 10 s is not run again."""
    import json

    from kg.store import open_store

    store = open_store(store_dir, read_only=True)
    params = query_params(store)
    del store
    out = []
    for path in sorted((ROOT / "queries").glob("*.rq")):
        if path.stem.startswith("network"):
            continue
        bound = params.get(path.stem, {})
        times: list[float] = []
        rows: int | None = None
        for _ in range(runs):
            try:
                done = subprocess.run([sys.executable, "-c", _QUERY_ONE, str(store_dir),
                                       str(path), json.dumps(bound)], cwd=ROOT,
                                      capture_output=True, text=True, timeout=timeout)
                elapsed, rows = json.loads(done.stdout.strip().splitlines()[-1])
            except subprocess.TimeoutExpired:
                elapsed = float("inf")
            except (ValueError, IndexError):
                elapsed = float("nan")
            times.append(elapsed)
            if not elapsed < 10:
                break
        label = ", ".join(f"{k}={v}" for k, v in bound.items())
        out.append((path.stem, label, median(times), rows))
    return out


def network_available() -> bool:
    probe = subprocess.run([*KG, "network", "--help"], cwd=ROOT, capture_output=True)
    return probe.returncode == 0


def bench_network(store_dir: Path, runs: int, province: str,
                  timeout: float = 300.0) -> list[tuple[str, str, float]]:
    """(view, what, median seconds) for each ``kg network`` view: the whole store as GraphML,
    and one province as HTML; stopped after ``timeout`` s (inf), run once if slower than
    30 s."""
    views = ("attendance", "co-attendance", "officials", "bodies")
    out = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-net-") as tmp:
        for view in views:
            for what, extra, suffix in (("whole store, graphml", [], "graphml"),
                                        (f"--province {province}, html",
                                         ["--province", province], "html")):
                times = []
                for _ in range(runs):
                    started = time.perf_counter()
                    try:
                        done = subprocess.run(
                            [*KG, "network", view, "--store", str(store_dir), *extra,
                             "-o", str(Path(tmp) / f"{view}.{suffix}")],
                            cwd=ROOT, capture_output=True, timeout=timeout)
                        elapsed = time.perf_counter() - started
                        if done.returncode != 0:
                            elapsed = float("nan")
                    except subprocess.TimeoutExpired:
                        elapsed = float("inf")
                    times.append(elapsed)
                    if not elapsed < 30:
                        break
                out.append((view, what, median(times)))
    return out


# --------------------------------------------------------------------------- report


def ok(passed: bool) -> str:
    return "met" if passed else "**not met**"


def report(info: dict, sections: list[str]) -> str:
    lines = ["# Benchmark results", "",
             "Made by `bench/run.py` (see README, \"Performance\"). Medians of several runs, "
             "measured side by side in one run.", "", "| machine | |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in info.items()]
    return "\n".join(lines + [""] + sections) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000",
                        help="corpus sizes for whole builds (comma-separated)")
    parser.add_argument("--runs", type=int, default=3, help="runs per micro-benchmark")
    parser.add_argument("--jobs-runs", type=int, default=3,
                        help="runs of --jobs 1 and --jobs 2 at the smallest size")
    parser.add_argument("--extract-articles", type=int, default=300)
    parser.add_argument("--load-articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.md")
    parser.add_argument("--query-timeout", type=float, default=120.0,
                        help="seconds before a query run is stopped (reported as inf)")
    parser.add_argument("--network-timeout", type=float, default=300.0,
                        help="seconds before a kg network run is stopped (reported as inf)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep the largest store here (for queries by hand afterwards)")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny sizes, one run, results to a temp file: checks the harness")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.runs, args.jobs_runs = "20,40", 1, 1
        args.extract_articles, args.load_articles = 10, 20
        if args.out == ROOT / "bench" / "results.md":
            args.out = Path(tempfile.mkdtemp(prefix="kg-bench-")) / "results.md"
    sizes = sorted(int(s) for s in args.sizes.split(","))
    from bench.corpus import SourceMissing

    log: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    info = machine()
    sections: list[str] = []
    try:
        small = corpus(max(sizes[0], args.extract_articles, args.load_articles))
    except SourceMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 2

    log("extraction ...")
    ex = bench_extraction(read_articles(small, args.extract_articles), args.runs)
    sections += [
        "## Extraction alone (one process, one core)", "",
        f"{ex['articles']:.0f} generated articles, {ex['kb_per_article']:.1f} kB each on "
        f"average (CPU time, median of {args.runs} runs).", "",
        "| work | articles/s per core | MB/s per core | target |", "|---|---:|---:|---|",
        f"| `extract` | {ex['extract articles/s']:.0f} | {ex['extract MB/s']:.2f} | "
        f"≥ {TARGETS['extract']:.0f}/s: {ok(ex['extract articles/s'] >= TARGETS['extract'])} |",
        f"| `extract` + RDF + N-Quads | {ex['extract+emit articles/s']:.0f} | "
        f"{ex['extract+emit MB/s']:.2f} | |", ""]
    log(f"  {ex}")

    log("load ...")
    ld = bench_load(read_articles(small, args.load_articles), args.runs)
    sections += [
        "## Load alone (on-disk store)", "",
        f"{ld['articles']:.0f} articles, {ld['quads']:,.0f} quads; wall time, median of "
        f"{args.runs} runs, alternating.", "",
        "| loader | quads/s |", "|---|---:|",
        f"| kg (`Writer.replace_graphs` in build batches, then `publish`) | "
        f"{ld['kg quads/s']:,.0f} |",
        f"| pyoxigraph `Store.bulk_load` of one N-Quads file | {ld['raw quads/s']:,.0f} |",
        f"| ratio | {ld['ratio']:.0%} (target ≥ 70 %: {ok(ld['ratio'] >= TARGETS['load'])}) |",
        ""]
    log(f"  {ld}")

    with tempfile.TemporaryDirectory(prefix="kg-bench-build-") as tmp:
        log("jobs ...")
        jobs_paths = [corpus(sizes[0])]
        rows: dict[int, list[float]] = {1: [], 2: []}
        for run in range(args.jobs_runs):
            for jobs in ((1, 2) if run % 2 == 0 else (2, 1)):
                rows[jobs].append(run_build(jobs_paths, Path(tmp) / "jobs", jobs)["wall_s"])
        speedup = median(rows[1]) / median(rows[2])
        sections += [
            f"## `kg build --jobs 1` against `--jobs 2` ({sizes[0]:,} articles)", "",
            "| jobs | wall s (median) | articles/s |", "|---|---:|---:|",
            *(f"| {j} | {median(rows[j]):.1f} | {sizes[0] / median(rows[j]):.0f} |"
              for j in (1, 2)),
            f"| speed-up | {speedup:.2f} × (target ≥ 1.7 ×: {ok(speedup >= TARGETS['jobs'])})"
            " | |", ""]
        log(f"  {rows}")

        log("builds ...")
        table = ["## Whole `kg build --jobs 2`", "",
                 "Peak RSS is the build and its worker processes together (sampled every "
                 "0.2 s); the quarters are the peak up to each quarter of the wall time, so a "
                 "flat row means memory does not grow with the articles.", "",
                 "| articles | wall s | articles/s | peak RSS MB | RSS by quarter MB |",
                 "|---:|---:|---:|---:|---|"]
        largest = None
        for size in sizes:
            path = corpus(size)
            store = Path(tmp) / f"store-{size}"
            result = run_build([path], store, 2)
            log(f"  {size}: {result['wall_s']:.1f} s, {result['peak_rss_mb']:.0f} MB")
            table.append(
                f"| {size:,} | {result['wall_s']:.1f} | {size / result['wall_s']:.0f} | "
                f"{result['peak_rss_mb']:.0f} | "
                f"{' / '.join(f'{q:.0f}' for q in result['rss_quarters_mb'])} |")
            if largest is not None:
                shutil.rmtree(largest[1], ignore_errors=True)
            largest = (size, store, result)
        size, store, result = largest
        table += ["", f"Targets: 100k articles in under 10 minutes, peak RSS under 2 GB"
                      f"{'' if size >= 100_000 else ' (not measured: no 100k build in this run)'}"
                      + (f": {ok(result['wall_s'] < TARGETS['build_100k_s'])} / "
                         f"{ok(result['peak_rss_mb'] < TARGETS['rss_mb'])}."
                         if size >= 100_000 else "."), ""]
        sections += table

        log("queries ...")
        queries = bench_queries(store, args.runs, args.query_timeout)
        sections += [f"## Queries on the {size:,}-article store", "",
                     "Each run in a fresh process (opening the store not timed), stopped after "
                     f"{args.query_timeout:.0f} s (shown as inf); a query slower than 10 s is "
                     "run once.", "",
                     "| query | parameters | median s | rows | under 1 s |",
                     "|---|---|---:|---:|---|",
                     *(f"| `{name}` | {params} | {t:.3f} | "
                       f"{'?' if n is None else format(n, ',')} | {ok(t < TARGETS['query_s'])} |"
                       for name, params, t, n in queries), ""]
        if network_available():
            log("network ...")
            from kg.store import open_store

            st = open_store(store, read_only=True)
            province = query_params(st)["events_in_province"]["province"]
            del st
            views = bench_network(store, max(1, min(args.runs, 2)), province,
                                  args.network_timeout)
            sections += [f"## `kg network` views on the {size:,}-article store", "",
                         f"Stopped after {args.network_timeout:.0f} s (shown as inf).", "",
                         "| view | what | median s | under 5 s |", "|---|---|---:|---|",
                         *(f"| {v} | {w} | {t:.2f} | {ok(t < TARGETS['network_s'])} |"
                           for v, w, t in views), ""]
        else:
            sections += ["## `kg network` views", "",
                         "Not available: this build of `kg` has no `kg network` command.", ""]
        log("increment ...")
        samples = sorted((ROOT / "data" / "samples").glob("*.txt"))
        wall, compacted = run_increment(samples, store)
        sections += [f"## Adding {len(samples)} articles to the {size:,}-article store", "",
                     f"`kg build data/samples --jobs 1` into the store built above: {wall:.1f} s "
                     f"({'compacted' if compacted else 'not compacted'}: a build compacts the "
                     "database only when it changed a quarter of it or more).", ""]
        log(f"  {wall:.1f} s, compacted: {compacted}")
        if args.keep is not None:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.move(str(store), str(args.keep))
    args.out.write_text(report(info, sections), encoding="utf-8")
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
