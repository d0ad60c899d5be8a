"""The year an undated article reports on, from the years its text names (kg.extract.dates)."""

from kg.extract.dates import reference_years, year_votes, years_in
from kg.model import Article
from tests.conftest import facts_of


def _kinds(text: str) -> list[tuple[int, str]]:
    return [(m.year, m.kind) for m in years_in(text.lower())]


def test_the_second_year_of_a_term_is_not_a_date() -> None:
    # "16-" before "2021" had read as the day and month of a date.
    assert _kinds("bầu Ủy viên UBND tỉnh Đồng Nai nhiệm kỳ 2016-2021.") == [
        (2016, "term"),
        (2021, "term_end"),
    ]
    assert _kinds("Sáng ngày 30/8/2019, kỳ họp khai mạc.") == [(2019, "date")]


def test_a_birth_date_is_no_evidence_of_the_year() -> None:
    # Real 018: "sinh ngày 27-2-1972" had made an undated article's events 1972's.
    assert _kinds("Ông Cao Tiến Dũng sinh ngày 27-2-1972, quê Hà Tĩnh.") == [(1972, "skip")]


def test_a_term_dates_only_what_opens_it() -> None:
    later = [
        "sáng ngày 30/8, kỳ họp thứ 11, hđnd tỉnh đồng nai khoá ix khai mạc.",
        "kỳ họp bầu uỷ viên ubnd tỉnh đồng nai nhiệm kỳ 2016-2021.",
    ]
    assert year_votes(later) == {}
    opening = ["sáng 27/6, hđnd tỉnh hà tĩnh tổ chức kỳ họp thứ nhất nhiệm kỳ 2016-2021."]
    assert year_votes(opening) == {2016: 1}


def test_a_deadline_in_a_target_does_not_close_its_year() -> None:
    # Real 118: "phấn đấu ... đến hết năm 2020" had voted for 2021 as the year reported on.
    assert year_votes(["tỉnh phấn đấu đến hết năm 2020 có 80% xã đạt chuẩn."]) == {}
    assert year_votes(["tính đến hết năm 2016, toàn tỉnh có 80 xã đạt chuẩn."]) == {2017: 2}


def test_an_undated_later_session_is_left_undated() -> None:
    # Real 002: the 11th session of the 2016-2021 council is not held in 2016; nothing else
    # in the text gives its year, so its date is "" (ANNOTATION: no year, no date).
    facts = facts_of(
        "Sáng ngày 30/8, Kỳ họp thứ 11, HĐND tỉnh Đồng Nai khoá IX khai mạc. Kỳ họp bầu Uỷ "
        "viên UBND tỉnh Đồng Nai nhiệm kỳ 2016-2021.",
        "",
    )
    assert [e.date for e in facts.events] == [""]


def test_one_career_date_does_not_date_an_undated_article() -> None:
    # Real 005: "Đến tháng 1-2013, ông Bình được điều động ..." had dated the session of
    # "Sáng nay 27-5" 2013. One date is half a vote; two, or a plain year, are enough.
    article = Article("t", "", "", "")
    career = ["đến tháng 1-2013, ông bình được điều động làm bí thư thị uỷ tân châu."]
    assert reference_years(article, career) == (None, None)
    reported = [*career, "sáng 27/5/2019, kỳ họp khai mạc.", "ngày 11/4/2019, ông được giao."]
    assert reference_years(article, reported) == (2019, 2019)
