"""The year an undated article reports on, from the years its text names (kg.extract.dates)."""

from kg.extract.dates import Chronology, chronology, reference_years, year_votes, years_in
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


UNDATED = Article("t", "", "", "")


def bounds(sentences: list[str]) -> tuple:
    told = chronology(UNDATED, sentences)
    return told.after, told.before, told.near


def test_an_earlier_step_of_the_story_bounds_the_events_from_below() -> None:
    # Real 070, 095, 040: told as before the event, with "vừa qua", "Trước đó"
    assert bounds(
        ["đợt mưa lũ xảy ra trong tháng 8 và đầu tháng 9/2018 vừa qua đã gây thiệt hại."]
    ) == ((2018, 9, 0), None, ())
    assert bounds(["trước đó, cuối tháng 12/2017, đoàn công tác vào làm việc."]) == (
        (2017, 12, 0), None, ())
    assert bounds(["trước đó, vào cuối năm 2016, ông chánh xin nghỉ."]) == (
        (2016, 12, 0), None, ())
    # "thu hồi" (take back) is no "hồi" (back in)
    assert bounds(["dự án cần thu hồi đất từ đầu năm 2016."]) == (None, None, ())


def test_a_deadline_bounds_the_events_from_above() -> None:
    # Real 051, 066, 101: "chậm nhất là đến", "trước ngày", and "đến" in a sentence of plans
    assert bounds(
        ["dự án phải hoàn thành chậm nhất là đến tháng 6/2019.",
         "các đơn vị thống nhất số liệu trước ngày 20/5/2017."]
    ) == (None, (2017, 5, 20), ())
    assert bounds(["tương tự, đến 31/3/2020 sẽ có thêm 7 người nghỉ."]) == (
        None, (2020, 3, 31), ())


def test_career_birth_and_document_dates_bound_nothing() -> None:
    assert bounds(
        ["từ tháng 9/1986 đến tháng 5/2007, ông bình công tác tại trường.",
         "tháng 1/2013, ông được điều động làm bí thư thị uỷ tân châu.",
         "ông sinh ngày 27/2/1972.",
         "theo nghị định số 11/2018/nđ-cp, tỉnh đã sắp xếp.",
         "theo quyết định số 12/qđ-ubnd ngày 5/4/2015, tỉnh đã sắp xếp."]
    ) == (None, None, ())
    # a full date without a cue is kept to date an event that follows it shortly
    assert bounds(["ngày 1/4/2018, bà lệ được phân công."]) == (None, None, ((2018, 4, 1),))


def test_a_year_is_kept_within_its_bounds_and_moved_when_outside() -> None:
    after = Chronology(2018, after=(2018, 9, 0))
    assert after.year_of(7, 10) == 2019  # July comes after September the next year
    assert after.year_of(10, 5) == 2018
    assert Chronology(2020, after=(2018, 9, 0)).year_of(7, 10) == 2020  # later: kept
    assert Chronology(None, after=(2018, 9, 0)).year_of(7, 10) == 2019
    assert Chronology(2020, before=(2020, 3, 32)).year_of(7, 3) == 2019
    assert Chronology(2019, before=(2020, 3, 32)).year_of(7, 3) == 2019
    assert Chronology(None, before=(2020, 3, 32)).year_of(7, 3) is None  # a deadline alone
    contradiction = Chronology(2017, after=(2019, 5, 0), before=(2018, 1, 1))
    assert contradiction.year_of(7, 3) == 2017


def test_a_full_date_shortly_before_an_event_dates_it_unless_the_year_is_settled() -> None:
    # Real 078: one vote for 2016 (a term), "Ngày 1/4/2018" a week before the 8/4 session
    near = ((2018, 4, 1),)
    assert Chronology(2016, settled=False, near=near).year_of(4, 8) == 2018
    assert Chronology(2016, settled=False, near=near).year_of(9, 8) == 2016  # months later
    assert Chronology(2016, settled=False, near=((2017, 12, 20),)).year_of(1, 5) == 2018
    # Real 007: a congress year voted twice beats a career date a month before
    assert Chronology(2015, settled=True, near=((2014, 9, 20),)).year_of(10, 16) == 2015


def test_an_undated_article_dates_its_event_after_the_story_before_it() -> None:
    # Real 111: undated; "Trước đó, tháng 8/2016" puts the 20/2 meeting in 2017
    facts = facts_of(
        "Chiều 20/2, UBND tỉnh Kon Tum tổ chức cuộc họp về vụ phá rừng. Trước đó, tháng "
        "8/2016, Cục Cảnh sát môi trường đã phát hiện vụ việc.",
        "",
    )
    assert [e.date for e in facts.events] == ["2017-02-20"]
    # the same text in a dated article keeps the article's year
    dated = facts_of(
        "Chiều 20/2, UBND tỉnh Kon Tum tổ chức cuộc họp về vụ phá rừng. Trước đó, tháng "
        "8/2016, Cục Cảnh sát môi trường đã phát hiện vụ việc.",
        "2016-02",
    )
    assert [e.date for e in dated.events] == ["2016-02-20"]


def test_a_report_on_part_of_a_year_is_made_once_it_has_begun() -> None:
    # Real 045: "Báo cáo ... năm 2018 và quý I năm 2019" at a meeting of 16/3: 2019, though
    # 2018 is named more often; a quarter compared with, or planned, bounds nothing
    assert bounds(["báo cáo về tình hình kinh tế năm 2018 và quý i năm 2019, ông cho biết."]) == (
        (2019, 1, 0),
        None,
        (),
    )
    assert bounds(["thu 6 tháng đầu năm 2018 đạt 50%, quý iii/2018 đạt 70%."])[0] == (2018, 7, 0)
    assert bounds(["thu tăng 7% so với cùng kỳ quý i năm 2018."])[0] is None
    assert bounds(["quý ii năm 2019 sẽ hoàn thành dự án."])[0] is None
    told = chronology(
        UNDATED,
        ["năm 2018 tỉnh đạt 15/15 chỉ tiêu.", "năm 2018 thu ngân sách vượt dự toán.",
         "báo cáo năm 2018 và quý i năm 2019."],
    )
    assert (told.year, told.year_of(3, 16)) == (2018, 2019)


def test_a_deadline_is_set_for_soon() -> None:
    # Real 066: "Chiều 9/5" at a meeting that asks for figures "trước ngày 20/5/2017", in a
    # text that compares with 2010 again and again (votes for 2011): the meeting is of 2017
    told = chronology(
        UNDATED,
        [f"đất rừng giảm {n} ha so với năm 2010." for n in range(1, 5)]
        + ["sở cam kết thống nhất số liệu trước ngày 20/5/2017."],
    )
    assert (told.year, told.before) == (2011, (2017, 5, 20))
    assert told.year_of(5, 9) == 2017
    assert told.year_of(6, 1) == 2016


def test_electing_to_a_post_is_no_general_election() -> None:
    # Real 013: "tiến hành bầu cử chức vụ Chủ tịch HĐND tỉnh khóa XVIII, nhiệm kỳ 2016-2021"
    # at a session of 27/3 (electing to a post): the term's first year does not date it
    told = chronology(
        UNDATED,
        ["ngày 27/3, hđnd tỉnh khóa xviii, nhiệm kỳ 2016-2021 tổ chức kỳ họp bất thường.",
         "đồng thời, tiến hành bầu cử chức vụ chủ tịch hđnd tỉnh khóa xviii, nhiệm kỳ 2016-2021."],
    )
    assert told.year is None
    opening = chronology(UNDATED, ["cuộc bầu cử đại biểu hđnd nhiệm kỳ 2016-2021 diễn ra."])
    assert opening.year == 2016
