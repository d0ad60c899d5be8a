"""Bad input: every bad file is one clear line naming it, and the rest of the corpus is read."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLES, run_cli

from kg.reader import (
    MAX_FILE_BYTES,
    Failure,
    decode,
    decode_legacy,
    decode_tcvn3,
    read_corpus,
)

GOOD = (SAMPLES / "000_d5453f38d9d606eb.txt").read_text(encoding="utf-8")
VIETNAMESE = (
    "date 2022-01 Hội nghị tổng kết công tác xây dựng Đảng năm 2021\n\n"
    "Sáng 5/1, Huyện ủy Cẩm Xuyên tổ chức hội nghị tổng kết công tác xây dựng Đảng "
    "và thực hiện nhiệm vụ chính trị năm 2021; triển khai nhiệm vụ năm 2022."
)


def iconv(text: str, encoding: str) -> bytes:
    """Reference encoder (glibc iconv); the tests that need it skip without it."""
    try:
        done = subprocess.run(
            ["iconv", "-f", "UTF-8", "-t", encoding],
            input=text.encode(),
            capture_output=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip(f"iconv cannot encode {encoding}")
    return done.stdout


def by_name(items) -> dict[str, object]:
    found = {}
    for item in items:
        where = item.path if isinstance(item, Failure) else item.source
        found[Path(where.split(":")[0]).name] = item
    return found


def test_windows_1258_is_detected_and_decoded() -> None:
    data = iconv(VIETNAMESE, "CP1258")
    assert decode_legacy(data)[0] == "Windows-1258"
    assert decode(data) == VIETNAMESE


def test_tcvn3_is_detected_and_decoded() -> None:
    data = iconv(VIETNAMESE, "TCVN5712-1")
    assert decode_legacy(data)[0] == "TCVN3"
    assert decode(data) == VIETNAMESE
    # The examples every TCVN3 converter shows.
    legacy = "B¶o Th¾ng, M\xad\xeang Kh\xad¬ng".encode("latin-1")
    assert decode_tcvn3(legacy) == "Bảo Thắng, Mường Khương"


def test_utf16_with_bom_and_utf8_with_bom() -> None:
    assert decode("\ufeff".encode("utf-8") + VIETNAMESE.encode("utf-8")) == VIETNAMESE
    assert decode(VIETNAMESE.encode("utf-16")) == VIETNAMESE
    assert decode(VIETNAMESE.encode("utf-16-be").join([b"\xfe\xff", b""])) == VIETNAMESE


def test_latin1_is_not_taken_for_vietnamese() -> None:
    with pytest.raises(ValueError, match=r"not UTF-8: undecodable byte 0xe9 at offset \d+"):
        decode("date 2022-01 Quét\n\nbài café".encode("latin-1"))


def test_a_corpus_of_bad_files_gives_one_line_each_and_the_rest(tmp_path: Path) -> None:
    c = tmp_path / "corpus"
    c.mkdir()
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    (c / "cp1258.txt").write_bytes(iconv(VIETNAMESE, "CP1258"))
    (c / "empty.txt").write_bytes(b"")
    (c / "blank.txt").write_bytes(b"  \n\n \t")
    (c / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (c / "pdf.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    (c / "nul.txt").write_bytes(b"date 2022-01 x\n\x00\x00\x00")
    (c / "random.txt").write_bytes(bytes(1 + (i * 151 + 7) % 255 for i in range(3000)))
    (c / "page.txt").write_text(
        "<!DOCTYPE html><html><head><title>Hội nghị</title></head>"
        "<body><p>Chiều 29-6, Huyện ủy Hà Trung tổ chức hội nghị.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    (c / "empty-page.html").write_text("<html><body><script>x()</script></body></html>")
    (c / "nodate.txt").write_text("Tiêu đề\n\nNội dung", encoding="utf-8")
    (c / "baddate.txt").write_text("date 2022-02-30 T\n\nNội dung", encoding="utf-8")
    (c / "oldyear.txt").write_text("date 0999-01 T\n\nNội dung", encoding="utf-8")
    (c / "words.txt").write_text("date hôm-qua T\n\nNội dung", encoding="utf-8")
    (c / "onlydate.txt").write_text("date 2022-01\n\n\n", encoding="utf-8")
    (c / "batch.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "date": "2023-06-29", "title": "T", "body": "Nội dung."}),
                "{not json",
                "[1, 2]",
                json.dumps({"id": "j2", "date": "2023-13-01", "body": "x"}),
                json.dumps({"title": "no id", "body": "x"}),
                json.dumps({"id": {"nested": 1}, "body": "x"}),
                json.dumps({"id": "j3", "body": "\ud800 lone surrogate and \u0000 NUL"}),
                "[" * 100_000,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = list(read_corpus([c]))
    errors = [x for x in out if isinstance(x, Failure)]
    articles = {x.id: x for x in out if not isinstance(x, Failure)}
    assert set(articles) == {"good", "cp1258", "page", "j1", "j3"}
    assert articles["page"].title == "Hội nghị" and "<" not in articles["page"].body
    assert "\x00" not in articles["j3"].body and "\ufffd" in articles["j3"].body
    for e in errors:
        assert "\n" not in str(e) and str(e).startswith(str(c)), e
    reasons = {Path(e.path).name: e.reason for e in errors}
    assert "empty" in reasons["empty.txt"] and "empty" in reasons["blank.txt"]
    assert "PNG image" in reasons["png.txt"] and "PDF" in reasons["pdf.txt"]
    assert "binary" in reasons["nul.txt"]
    assert "not UTF-8" in reasons["random.txt"]
    assert "no text" in reasons["empty-page.html"]
    assert "no date line" in reasons["nodate.txt"]
    assert "day 30 is not in month 2" in reasons["baddate.txt"]
    assert "year 999" in reasons["oldyear.txt"]
    assert "malformed date 'hôm-qua'" in reasons["words.txt"]
    assert "no text" in reasons["onlydate.txt"]
    assert "not JSON" in reasons["batch.jsonl:2"] and "column" in reasons["batch.jsonl:2"]
    assert "not an object" in reasons["batch.jsonl:3"]
    assert "month 13" in reasons["batch.jsonl:4"]
    assert "no 'id'" in reasons["batch.jsonl:5"]
    assert "not a string" in reasons["batch.jsonl:6"]
    assert "batch.jsonl:8" in reasons  # nesting too deep for the JSON parser: reported


def test_a_100_mb_one_line_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 100 MB of NULs cost no disk and no time
        handle.truncate(100_000_000)
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    out = by_name(read_corpus([tmp_path]))
    assert "100 MB, larger than any article" in out["big.txt"].reason
    assert out["small.txt"].id == "small"
    assert MAX_FILE_BYTES < 100_000_000


def test_a_long_one_line_article_and_a_huge_jsonl_line(tmp_path: Path, monkeypatch) -> None:
    import kg.reader

    monkeypatch.setattr(kg.reader, "MAX_JSONL_LINE_BYTES", 10_000)
    monkeypatch.setattr(kg.reader, "MAX_ARTICLE_CHARS", 50_000)
    (tmp_path / "line.txt").write_text("date 2022-01 T " + "chữ " * 20_000, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        json.dumps({"id": "long", "body": "x" * 20_000})
        + "\n"
        + json.dumps({"id": "ok", "body": "Nội dung."})
        + "\n",
        encoding="utf-8",
    )
    out = by_name(read_corpus([tmp_path]))
    assert "larger than any article" in out["line.txt"].reason
    assert "longer than" in next(
        e.reason for e in read_corpus([tmp_path / "b.jsonl"]) if isinstance(e, Failure)
    )
    assert [a.id for a in read_corpus([tmp_path / "b.jsonl"]) if not isinstance(a, Failure)] == [
        "ok"
    ]


def test_build_lists_each_failed_file_and_exit_code_says_so(tmp_path: Path) -> None:
    c = tmp_path / "c"
    c.mkdir()
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    (c / "copy.txt").write_text(GOOD, encoding="utf-8")
    (c / "dupe.jsonl").write_text(
        json.dumps({"id": "good", "date": "2022-01", "body": "Nội dung khác."}) + "\n",
        encoding="utf-8",
    )
    (c / "empty.txt").write_bytes(b"")
    result = run_cli("build", c, "--store", tmp_path / "s")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    dupe = next(line for line in lines if "duplicate article id 'good'" in line)
    assert "dupe.jsonl:1" in dupe and "good.txt" in dupe
    assert any("empty.txt: file is empty" in line for line in lines)
    assert re.search(r"│ articles\s+│\s+2 │", result.stdout)
    ok = run_cli("build", c / "good.txt", "--store", tmp_path / "s2")
    assert ok.exit_code == 0


def test_strict_build_writes_nothing(tmp_path: Path) -> None:
    c = tmp_path / "c"
    c.mkdir()
    (c / "good.txt").write_text(GOOD, encoding="utf-8")
    (c / "nodate.txt").write_text("Tiêu đề\n\nNội dung", encoding="utf-8")
    store = tmp_path / "s"
    result = run_cli("build", c, "--store", store, "--strict")
    assert result.exit_code == 1
    assert "nothing was written" in result.stderr
    assert not store.exists()  # a new store: not even the folder
    assert run_cli("build", c / "good.txt", "--store", store).exit_code == 0
    before = run_cli("export", "--format", "nquads", "--store", store).stdout
    (c / "good.txt").write_text(GOOD.replace("Cẩm Xuyên", "Kỳ Anh"), encoding="utf-8")
    assert run_cli("build", c, "--store", store, "--strict").exit_code == 1
    assert run_cli("export", "--format", "nquads", "--store", store).stdout == before
    missing = run_cli("build", c / "good.txt", tmp_path / "nope", "--store", store, "--strict")
    assert missing.exit_code == 1 and "no such file" in missing.stdout
