"""The Vietnamese number grammar: separators, scale words, ranges, ratios."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.numbers import (
    format_number,
    is_year,
    number_tokens,
    parse_number,
    read_quantity,
    word_quantities,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2.365", 2365),
        ("8.850,26", 8850.26),
        ("49,09", 49.09),
        ("520", 520),
        ("17.460", 17460),
        ("99.776", 99776),
        ("57.198,8", 57198.8),
        ("1.000.000", 1_000_000),
        ("0,3", 0.3),
        ("100,550", 100.55),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_comma_before_three_digits_can_be_read_as_thousands() -> None:
    assert parse_number("100,550", comma_thousands=True) == 100550
    assert parse_number("8.850,260", comma_thousands=True) == pytest.approx(8850.26)


def test_parse_number_rejects_other_text() -> None:
    with pytest.raises(ValueError):
        parse_number("abc")


def _quantity(text: str):
    low = text.lower()
    return read_quantity(low, number_tokens(low)[0])


@pytest.mark.parametrize(
    ("text", "value", "maximum", "of"),
    [
        ("520 tỷ đồng", 520e9, None, None),
        ("8.850,26 tỷ đồng", 8850.26e9, None, None),
        ("49,09 triệu đồng", 49.09e6, None, None),
        ("10 vạn tấn", 1e5, None, None),
        ("5 nghìn", 5e3, None, None),
        ("3 ngàn", 3e3, None, None),
        ("2 trăm", 200, None, None),
        ("1- 1,5%", 1, 1.5, None),
        ("8,5-9%", 8.5, 9, None),
        ("3,8 – 3,86%", 3.8, 3.86, None),
        ("7-10%", 7, 10, None),
        ("23/25 chỉ tiêu", 23, None, 25),
        ("63 trên tổng số 68 đảng bộ", 63, None, 68),
        ("2,5 tỷ USD", 2.5e9, None, None),
        ("14 nghìn tỷ đồng", 14e12, None, None),  # real 072: scale words multiply
        ("1,2 ngàn tỷ đồng", 1.2e12, None, None),
    ],
)
def test_read_quantity(text: str, value: float, maximum: float | None, of: float | None) -> None:
    q = _quantity(text)
    assert q.value == pytest.approx(value)
    assert (q.max is None) == (maximum is None)
    if maximum is not None:
        assert q.max == pytest.approx(maximum * q.scale)
    assert q.of == of


def test_year_span_is_no_range_and_date_is_no_ratio() -> None:
    assert _quantity("2015-2020").max is None
    assert _quantity("18/02/2019").of is None


def test_tokens_skip_versions_and_codes() -> None:
    assert [m.group(0) for m in number_tokens("phần mềm 3.0 và 12 lớp")] == ["12"]


def test_word_numbers() -> None:
    found = word_quantities("hai bí thư dưới 40 tuổi; ba bí thư là nữ; năm 2015")
    assert [q.value for q in found] == [2, 3]
    # "ı" and "ſ" match "i" and "s" when case is ignored, but are no Vietnamese number word
    assert [q.value for q in word_quantities("haı bí thư, ſáu đảng viên, bốn xã")] == [4]


def test_is_year() -> None:
    assert is_year("2021") and not is_year("2.021") and not is_year("1200")


@pytest.mark.parametrize(
    ("value", "text"),
    [(2365, "2.365"), (8850.26, "8.850,26"), (49.09, "49,09"), (1_000_000, "1.000.000")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=99))
def test_round_trip(whole: int, cents: int) -> None:
    value = whole + cents / 100
    text = format_number(value, decimals=2)
    assert re.fullmatch(r"\d{1,3}(\.\d{3})*,\d\d", text)
    assert parse_number(text) == pytest.approx(value)
    assert parse_number(format_number(whole)) == whole
