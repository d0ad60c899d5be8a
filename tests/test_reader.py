import json
from pathlib import Path

from kg.reader import Failure, parse_text_article, read_corpus
from tests.conftest import SAMPLES


def test_seed_format_with_date_and_title_on_line_one() -> None:
    articles = [a for a in read_corpus([SAMPLES]) if not isinstance(a, Failure)]
    first = next(a for a in articles if a.id.startswith("000"))
    assert first.date == "2022-01"
    assert first.title.startswith("Cẩm Xuyên cần phát huy vai trò nêu gương")
    assert first.creator == "Phan Trâm"
    assert "Phan Trâm" not in first.body


def test_dated_line_gives_the_date_and_page_furniture_is_dropped() -> None:
    article = next(a for a in read_corpus([SAMPLES]) if a.id.startswith("004"))
    assert article.date == "2022-10-23"
    assert article.title.startswith("Bình Lục không ngừng nâng cao")
    assert "Xin chờ trong giây lát" not in article.body
    assert article.creator == "Minh Phú"


def test_real_format_date_line_then_title() -> None:
    article = parse_text_article("x", "date\nTân Chủ tịch UBND tỉnh Đồng Nai là ai?\n\nÔng A.")
    assert (article.date, article.title, article.body) == (
        "",
        "Tân Chủ tịch UBND tỉnh Đồng Nai là ai?",
        "Ông A.",
    )


def test_jsonl_one_article_a_line_and_bad_lines_reported(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {
        "id": "a1",
        "date": "2023-06-29",
        "title": "T",
        "body": "Chiều 29-6, hội nghị.",
        "source": "s",
        "url": "u",
    }
    path.write_text(json.dumps(good, ensure_ascii=False) + "\n{not json\n", encoding="utf-8")
    out = list(read_corpus([path]))
    assert out[0].id == "a1" and out[0].date == "2023-06-29"
    assert isinstance(out[1], Failure) and out[1].path.endswith("batch.jsonl:2")


def test_bad_files_are_reported_by_name_and_reading_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin.txt").write_bytes("date 2022-01 T\n\ncaf\xe9".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02date")
    (tmp_path / "nodate.txt").write_text("Tiêu đề\n\nNội dung", encoding="utf-8")
    (tmp_path / "baddate.txt").write_text("date 2022-13 T\n\nNội dung", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("date 2022-01 Tiêu đề\n\nNội dung.", encoding="utf-8")
    out = {Path(getattr(x, "path", "") or x.source).name: x for x in read_corpus([tmp_path])}
    assert "empty" in out["empty.txt"].reason
    assert "not UTF-8" in out["latin.txt"].reason
    assert "binary" in out["binary.txt"].reason
    assert "no date line" in out["nodate.txt"].reason
    assert "month 13" in out["baddate.txt"].reason
    assert out["ok.txt"].title == "Tiêu đề"


def test_mostly_control_characters_is_binary_and_a_few_are_cleaned(tmp_path: Path) -> None:
    # No NUL byte (which is caught first): the share of other control characters decides.
    header = "date 2022-01 Hội nghị\n\n"
    (tmp_path / "controls.txt").write_text(header + "\x01\x02\x1b" * 40, encoding="utf-8")
    (tmp_path / "few.txt").write_text(header + "Chiều 29-6,\x0b hội nghị.\t" + "x" * 200,
                                      encoding="utf-8")
    out = {Path(getattr(x, "path", "") or x.source).name: x for x in read_corpus([tmp_path])}
    assert out["controls.txt"].reason == "file is binary (mostly control characters)"
    assert out["few.txt"].body.startswith("Chiều 29-6, hội nghị.\t")


def test_html_page_is_stripped_to_text(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Hội nghị</title><meta property='article:published_time' "
        "content='2023-06-29T10:00'><script>x=1</script></head><body><p>Chiều 29-6, Huyện ủy "
        "Hà Trung tổ chức hội nghị.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = list(read_corpus([page]))
    assert (article.date, article.title) == ("2023-06-29", "Hội nghị")
    assert article.body == "Chiều 29-6, Huyện ủy Hà Trung tổ chức hội nghị."
