"""One IRI per real person across articles; namesakes in two provinces stay two."""

import csv
import io
from pathlib import Path

from tests.conftest import run_cli


def _write(folder: Path, name: str, date: str, body: str) -> None:
    (folder / f"{name}.txt").write_text(f"date {date} Tin {name}\n\n{body}\n", encoding="utf-8")


def _csv(*args: str) -> list[dict[str, str]]:
    result = run_cli(*args, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_namesakes_in_two_provinces_are_two_people_and_posts_are_dated(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(
        corpus, "a", "2021-03", "Sáng 5/3, Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Văn An chủ trì hội nghị."
    )
    _write(corpus, "b", "2023-05", "Sáng 9/5, Bí thư Tỉnh ủy Hà Tĩnh Nguyễn Văn An dự hội nghị.")
    _write(corpus, "c", "2022-07", "Sáng 2/7, Chủ tịch UBND tỉnh Nghệ An Nguyễn Văn An phát biểu.")
    store = tmp_path / "store"
    assert run_cli("build", str(corpus), "--store", str(store)).exit_code == 0

    people = _csv(
        "query",
        "SELECT DISTINCT ?person WHERE { ?person a kg:Person ; foaf:name 'Nguyễn Văn An' }",
        "--store",
        str(store),
    )
    assert len(people) == 2  # one in Hà Tĩnh (articles a and b), one in Nghệ An (c)

    posts = _csv("query", "posts_of_person", "--param", "name=Nguyễn Văn An", "--store", str(store))
    held = sorted((r["role"], r["locality"], r["date"]) for r in posts)
    assert held == [
        ("Bí thư", "Hà Tĩnh", "2021-03"),
        ("Bí thư", "Hà Tĩnh", "2023-05"),
        ("Chủ tịch", "Nghệ An", "2022-07"),
    ]
