"""Crash safety and concurrency on real processes.

The kill loop runs real ``kg build`` processes and SIGKILLs them after seeded random delays;
after every kill the store must open, answer queries, and hold of every article either its
old or its new graph, whole. Meanwhile other processes query and export it.
``KG_KILL_POINTS`` sets how many kills (default 18).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import SAMPLES

from kg.build import build
from kg.store import open_snapshot

KILL_POINTS = int(os.environ.get("KG_KILL_POINTS", "18"))
SEED = int(os.environ.get("KG_KILL_SEED", "20240607"))
KG = [sys.executable, "-m", "kg.cli"]


def graphs(store: Path) -> dict[str, frozenset[str]]:
    with open_snapshot(store) as snap:
        return {
            g.value: frozenset(str(q) for q in snap.quads_for_pattern(None, None, None, g))
            for g in snap.named_graphs()
        }


def nquads_by_graph(text: str) -> dict[str, frozenset[str]]:
    from pyoxigraph import RdfFormat, parse

    found: dict[str, set[str]] = defaultdict(set)
    for quad in parse(text.encode("utf-8"), RdfFormat.N_QUADS):
        found[quad.graph_name.value].add(str(quad))
    return {g: frozenset(quads) for g, quads in found.items()}


def make_corpora(root: Path) -> tuple[Path, Path]:
    """A: 40 articles (the 5 samples, 8 variants each); B: 12 of them changed, 8 new."""
    a, b = root / "A", root / "B"
    a.mkdir()
    b.mkdir()
    samples = sorted(SAMPLES.glob("*.txt"))
    n = 0
    for variant in range(8):
        for path in samples:
            text = path.read_text(encoding="utf-8")
            name = f"{path.stem}_v{variant}.txt"
            (a / name).write_text(text, encoding="utf-8")
            changed = (
                text + f"\n\nNăm 2021, thu ngân sách đạt {100 + n} tỷ đồng." if n % 3 == 0 else text
            )
            (b / name).write_text(changed, encoding="utf-8")
            n += 1
    for extra in range(8):
        path = samples[extra % len(samples)]
        (b / f"new_{extra}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return a, b


@pytest.fixture(scope="module")
def corpora(tmp_path_factory):
    root = tmp_path_factory.mktemp("kill")
    a, b = make_corpora(root)
    build([a], root / "refA")
    build([b], root / "refB")
    return root, a, b, graphs(root / "refA"), graphs(root / "refB")


def check_whole(state: dict[str, frozenset[str]], old: dict, new: dict) -> tuple[int, int]:
    """Every article graph is its old or its new version; returns (old, new) counts."""
    olds = news = 0
    for graph, quads in state.items():
        if quads == new.get(graph) and quads == old.get(graph):
            continue
        if quads == new.get(graph):
            news += 1
        elif quads == old.get(graph):
            olds += 1
        else:
            raise AssertionError(
                f"{graph}: neither its old nor its new graph "
                f"({len(quads)} quads; old {len(old.get(graph, ()))}, "
                f"new {len(new.get(graph, ()))})"
            )
    return olds, news


def test_builds_killed_at_random_points_leave_whole_articles(corpora, tmp_path):
    root, a, b, ref_a, ref_b = corpora
    store = tmp_path / "store"
    build([a], store)
    rng = random.Random(SEED)
    deadline = time.monotonic() + 150
    kills = mixed = 0
    for point in range(KILL_POINTS):
        if time.monotonic() > deadline:
            break
        target = b if point % 2 == 0 else a
        process = subprocess.Popen(
            [*KG, "build", str(target), "--store", str(store), "--checkpoint", "3"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        delay = rng.uniform(0.3, 4.0)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            kills += 1
        stderr = process.stderr.read().decode()
        process.stderr.close()
        assert "Traceback" not in stderr and "Corruption" not in stderr, stderr
        state = graphs(store)  # opens, reads
        olds, news = check_whole(state, ref_a, ref_b)
        if olds and news:
            mixed += 1  # killed half-way through a build: some articles moved on, none broke
        assert set(ref_a) <= set(state)
        query = subprocess.run(
            [*KG, "query", "ASK { ?a a kg:Article }", "--store", str(store)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert query.returncode == 0 and query.stdout.strip() == "true", query.stderr
    print(
        f"\nkill loop: {point + 1} runs, {kills} killed, {mixed} left the store between "
        f"old and new (all articles whole)"
    )
    assert kills >= min(KILL_POINTS, 5) // 2
    done = subprocess.run(
        [*KG, "build", str(b), "--store", str(store)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert graphs(store) == ref_b


def test_readers_during_a_build_see_a_snapshot_or_busy(corpora, tmp_path):
    root, a, b, ref_a, ref_b = corpora
    store = tmp_path / "store"
    writer = subprocess.Popen(
        [*KG, "build", str(b), "--store", str(store), "--checkpoint", "6"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    outcomes: dict[str, int] = defaultdict(int)
    # Until the writer has made the store folder there is no store to be busy: on a loaded
    # machine its start-up takes long enough for a reader to get there first.
    while not store.exists() and writer.poll() is None:
        time.sleep(0.01)
    try:
        while writer.poll() is None:
            # A second writer (harmless if it gets the store: no such article to remove).
            second = subprocess.run(
                [*KG, "remove", "no_such_article", "--store", str(store)],
                capture_output=True,
                text=True,
                timeout=60,
            )
            if second.returncode == 75:
                assert "busy" in second.stderr
                outcomes["second writer refused"] += 1
            for command in (
                [
                    "query",
                    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                    "--format",
                    "csv",
                ],
                ["export", "--format", "nquads"],
            ):
                run = subprocess.run(
                    [*KG, *command, "--store", str(store)],
                    capture_output=True,
                    text=True,
                    timeout=60,
                )
                assert "Corruption" not in run.stderr and "Traceback" not in run.stderr, run.stderr
                if run.returncode == 75:
                    assert "busy" in run.stderr and "\n" not in run.stderr.strip()
                    outcomes["busy"] += 1
                    continue
                assert run.returncode == 0, run.stderr
                if command[0] == "export":
                    state = nquads_by_graph(run.stdout)
                    assert all(state[g] == ref_b[g] for g in state)  # whole articles only
                    assert "Corruption" not in run.stderr
                    outcomes[f"export of {len(state)} articles"] += 1
                else:
                    counts = {
                        line.split(",")[0]: int(line.split(",")[1])
                        for line in run.stdout.splitlines()[1:]
                    }
                    wrong = {g: (n, len(ref_b[g])) for g, n in counts.items() if n != len(ref_b[g])}
                    assert not wrong, wrong
                    outcomes["query"] += 1
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait()
    print(f"\nreaders during a build: {dict(outcomes)}")
    assert writer.returncode == 0
    assert graphs(store) == ref_b
    assert outcomes["query"] + outcomes["busy"] > 0
