"""Property-based tests: arbitrary Unicode, numbers and dates into the reader, the number and
date grammars and every extractor. Nothing may raise (other than the documented errors), and
numbers round-trip. ``KG_FUZZ_EXAMPLES`` scales the number of examples (default 400 each)."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.build import process_article
from kg.extract import extract
from kg.extract.dates import opening_year, reference_years, year_votes, years_in
from kg.extract.numbers import (
    format_number,
    number_tokens,
    parse_number,
    read_quantity,
    word_quantities,
)
from kg.model import Article
from kg.reader import (
    BadArticle,
    Failure,
    check_date,
    decode,
    parse_text_article,
    read_html,
    read_jsonl,
)
from kg.text import split_sentences

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "400"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words the extractors look for, so that generated text reaches their patterns.
VOCABULARY = [
    "Bí thư",
    "Phó Bí thư Thường trực",
    "Chủ tịch",
    "UBND",
    "HĐND",
    "Tỉnh ủy",
    "Huyện ủy",
    "Đảng ủy",
    "xã",
    "huyện",
    "tỉnh",
    "Hà Tĩnh",
    "Cẩm Xuyên",
    "Thanh Hóa",
    "Hoàng Trung Dũng",
    "đồng chí",
    "ông",
    "bà",
    "tham dự",
    "chủ trì",
    "phát biểu",
    "hội nghị",
    "tổng kết",
    "Sáng 5/1,",
    "Chiều 29-6,",
    "ngày 18/02/2019",
    "năm 2021",
    "năm 2022",
    "nhiệm kỳ 2015-2020",
    "so với năm 2014",
    "đạt",
    "tăng",
    "giảm",
    "thu ngân sách",
    "520 tỷ đồng",
    "8,5-9%",
    "2.365",
    "8.850,26",
    "49,09",
    "23/25",
    "63 trên tổng số 68",
    "gấp 2,14 lần",
    "kế hoạch",
    "phấn đấu",
    "mục tiêu",
    "hai",
    "mười",
    "triệu",
    "vạn",
    ".",
    ",",
    ";",
    "\n",
    "\n\n",
    "%",
    "-",
    "–",
    "(",
    ")",
    "“",
    "”",
    "0",
    "1999",
    "2100",
    "1e308",
    "９",
    "٣",
    "\u0301",
    "\u200b",
]
tokens = st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6))
vietnamese_text = st.lists(tokens, max_size=60).map(" ".join)
any_text = st.one_of(st.text(max_size=300), vietnamese_text)
dates = st.one_of(
    st.just(""),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.integers(0, 9999).map(lambda y: f"{y:04d}"),
    st.text(max_size=12),
)


@FUZZ
@given(st.binary(max_size=2000))
def test_decode_raises_only_bad_article(data: bytes) -> None:
    try:
        text = decode(data, Path("x.txt"))
    except BadArticle as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(text, str)
        text.encode("utf-8")  # no lone surrogates


@FUZZ
@given(st.one_of(any_text, st.tuples(dates, any_text).map(lambda p: f"date {p[0]} {p[1]}")))
def test_text_articles_parse_or_fail_cleanly(text: str) -> None:
    try:
        article = parse_text_article("fuzz", text, source="fuzz.txt")
    except BadArticle as exc:
        assert "\n" not in str(exc)
        return
    assert article.date == check_date(article.date)


@FUZZ
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.fixed_dictionaries(
                {
                    "id": st.one_of(st.text(max_size=20), st.integers(), st.none()),
                    "date": dates,
                    "title": any_text,
                    "body": any_text,
                },
                optional={
                    "url": st.text(max_size=20),
                    "source": st.one_of(st.text(max_size=10), st.lists(st.none())),
                },
            ).map(lambda r: json.dumps(r, ensure_ascii=False)),
        ),
        max_size=5,
    ).map("\n".join)
)
def test_jsonl_lines_give_articles_or_errors(text: str) -> None:
    for item in read_jsonl(Path("fuzz.jsonl"), text):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert "\n" not in item.reason


@FUZZ
@given(
    st.lists(
        st.one_of(
            any_text,
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<script>",
                    "</script>",
                    "<title>",
                    "</title>",
                    "<br>",
                    "&amp;",
                    "&#0;",
                    "<meta property='article:published_time' content='2023-13-45'>",
                    "<!--",
                    "-->",
                    "<",
                ]
            ),
        ),
        max_size=30,
    ).map("".join)
)
def test_html_pages_never_raise(page: str) -> None:
    for item in read_html(Path("fuzz.html"), page):
        assert isinstance(item, Article | Failure)


@FUZZ
@given(st.one_of(st.integers(0, 10**15), st.floats(0, 1e12, allow_nan=False, allow_infinity=False)))
def test_numbers_round_trip(value: float) -> None:
    written = format_number(value)
    parsed = parse_number(written)
    assert math.isclose(parsed, round(float(value), 6), rel_tol=1e-12, abs_tol=1e-6), written
    assert format_number(parsed) == written
    for decimals in (0, 2):
        fixed = format_number(value, decimals)
        assert math.isclose(
            parse_number(fixed), round(float(value), decimals), rel_tol=1e-12, abs_tol=10**-decimals
        )


@FUZZ
@given(any_text)
def test_number_grammar_never_raises(text: str) -> None:
    lowered = text.lower()
    for match in number_tokens(lowered):
        quantity = read_quantity(lowered, match)
        assert math.isfinite(quantity.value) or quantity.value == math.inf
        assert quantity.start <= quantity.end
    word_quantities(lowered)
    try:
        parse_number(text)
    except ValueError:
        pass


@FUZZ
@given(any_text, dates)
def test_year_grammar_never_raises(text: str, date: str) -> None:
    lowered = text.lower()
    for mention in years_in(lowered):
        assert 1950 <= mention.year <= 2099
    opening_year(lowered)
    sentences = [s.text.lower() for s in split_sentences(text)]
    year_votes(sentences)
    review, plan = reference_years(Article("fuzz", date, "", text), sentences)
    assert (review is None) == (plan is None)


@FUZZ
@given(any_text, any_text, dates)
def test_every_extractor_survives_any_article(title: str, body: str, date: str) -> None:
    article = Article("fuzz", date, title, body, source="fuzz.txt")
    facts = extract(article)
    assert facts.article is article
    result = process_article(article)  # extraction, RDF, shape check: errors are reported
    assert result.error == "", result.error
