"""People and posts from sentences of the seed and real articles."""

from tests.conftest import facts_of


def _posts(text: str, date: str = "2022-01") -> set[tuple[str, str, str, str]]:
    facts = facts_of(text, date)
    return {
        (
            p.person.name,
            p.role,
            p.body.name if p.body else "",
            p.body.locality.name if p.body and p.body.locality else "",
        )
        for p in facts.posts
    }


def test_place_glued_before_the_name_is_split_off() -> None:
    posts = _posts(
        "Huyện Cẩm Xuyên (Hà Tĩnh). Phó Bí thư Thường trực Huyện ủy Cẩm Xuyên Hà Thị Việt Ánh "
        "trình bày báo cáo."
    )
    assert ("Hà Thị Việt Ánh", "Phó Bí thư Thường trực", "Huyện ủy Cẩm Xuyên", "Cẩm Xuyên") in posts


def test_a_family_name_the_tables_lack_after_a_glued_province() -> None:
    # Real 046: "Hà Giang Chúng Thị Chiên" (Chúng, an upland family name; Thị, a middle name)
    assert _posts("Phó Chủ tịch HĐND tỉnh Hà Giang Chúng Thị Chiên phát biểu.") == {
        ("Chúng Thị Chiên", "Phó Chủ tịch", "HĐND tỉnh Hà Giang", "Hà Giang")
    }


def test_post_resolved_to_the_article_province() -> None:
    posts = _posts(
        "huyện Kỳ Anh (Hà Tĩnh). Chiều 6/1, Bí thư Tỉnh ủy Hoàng Trung Dũng tham dự.", "2024-01"
    )
    assert posts == {("Hoàng Trung Dũng", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh")}


def test_rank_is_kept_apart_and_joined_posts_are_split() -> None:
    facts = facts_of(
        "huyện Kỳ Anh (Hà Tĩnh). Bí thư Tỉnh ủy Hoàng Trung Dũng, Đại tá Nguyễn Hồng Phong - "
        "Ủy viên BTV Tỉnh ủy, Giám đốc Công an tỉnh; lãnh đạo các sở, ban, ngành tham dự.",
        "2024-01",
    )
    phong = next(p for p in facts.people if p.name == "Nguyễn Hồng Phong")
    assert phong.rank == "Đại tá"
    posts = {(p.role, p.body.name) for p in facts.posts if p.person.name == "Nguyễn Hồng Phong"}
    assert posts == {
        ("Ủy viên", "Ban Thường vụ Tỉnh ủy Hà Tĩnh"),
        ("Giám đốc", "Công an tỉnh Hà Tĩnh"),
    }


def test_two_posts_before_a_name_share_the_district() -> None:
    posts = _posts(
        "Chiều 29-6, Ban Chấp hành Đảng bộ huyện Hà Trung tổ chức hội nghị. Đồng chí Nguyễn Văn "
        "Tuấn, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện trình bày báo cáo.",
        "2023-06",
    )
    assert posts == {
        ("Nguyễn Văn Tuấn", "Phó Bí thư", "Huyện ủy Hà Trung", "Hà Trung"),
        ("Nguyễn Văn Tuấn", "Chủ tịch", "HĐND huyện Hà Trung", "Hà Trung"),
    }


def test_national_bodies_have_no_locality() -> None:
    posts = _posts("Ủy viên BCH Trung ương Đảng - Bí thư Tỉnh ủy Hà Tĩnh Hoàng Trung Dũng chủ trì.")
    assert ("Hoàng Trung Dũng", "Ủy viên", "Ban Chấp hành Trung ương Đảng", "") in posts
    assert ("Hoàng Trung Dũng", "Bí thư", "Tỉnh ủy Hà Tĩnh", "Hà Tĩnh") in posts


def test_appointment_verb_gives_the_post_to_every_name_of_the_list() -> None:
    posts = _posts(
        "Đại hội Đảng bộ tỉnh Phú Thọ. Các ông Bùi Minh Châu, Nguyễn Hữu Đông được bầu giữ chức "
        "Phó bí thư Tỉnh uỷ; ông Đinh Công Thực được bầu làm Chủ nhiệm Uỷ ban Kiểm tra Tỉnh uỷ.",
        "",
    )
    assert ("Bùi Minh Châu", "Phó Bí thư", "Tỉnh ủy Phú Thọ", "Phú Thọ") in posts
    assert ("Nguyễn Hữu Đông", "Phó Bí thư", "Tỉnh ủy Phú Thọ", "Phú Thọ") in posts
    assert ("Đinh Công Thực", "Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy Phú Thọ", "Phú Thọ") in posts


def test_former_posts_through_a_short_reference() -> None:
    facts = facts_of(
        "Ông Đoàn Hồng Phong được bầu làm Bí thư Tỉnh uỷ Nam Định. Ông Phong từng giữ các chức "
        "vụ: Phó giám đốc, Giám đốc Sở Tài chính Nam Định; Bí thư Huyện uỷ Ý Yên.",
        "",
    )
    former = {(p.role, p.body.name) for p in facts.posts if p.former}
    assert former == {
        ("Phó Giám đốc", "Sở Tài chính tỉnh Nam Định"),
        ("Giám đốc", "Sở Tài chính tỉnh Nam Định"),
        ("Bí thư", "Huyện ủy Ý Yên"),
    }
    assert [p.name for p in facts.people] == ["Đoàn Hồng Phong"]


def _former(text: str, date: str = "") -> set[tuple[str, str, str]]:
    facts = facts_of(text, date)
    return {(p.person.name, p.role, p.body.name if p.body else "") for p in facts.posts if p.former}


def test_a_career_list_goes_on_past_items_that_are_not_titles() -> None:
    # Real 024 and 014: "kinh qua nhiều chức vụ chủ chốt như" (went through key posts such
    # as) and a first item whose body the tables lack ("Kế toán trưởng Ban Quản lý dự án ...").
    assert _former(
        "Tỉnh Thanh Hóa. Ông Nguyễn Đình Xứng được bầu. Ông Xứng từng kinh qua nhiều chức vụ "
        "chủ chốt như Chánh văn phòng UBND huyện Triệu Sơn, Phó chánh văn phòng UBND tỉnh, "
        "Phó chủ tịch UBND tỉnh Thanh Hoá."
    ) == {
        ("Nguyễn Đình Xứng", "Chánh Văn phòng", "Văn phòng UBND huyện Triệu Sơn"),
        ("Nguyễn Đình Xứng", "Phó Chánh Văn phòng", "Văn phòng UBND tỉnh Thanh Hóa"),
        ("Nguyễn Đình Xứng", "Phó Chủ tịch", "UBND tỉnh Thanh Hóa"),
    }
    assert _former(
        "Tỉnh Nghệ An. Ông Hồ Đức Phớc được bầu. Trước đó, ông Phớc từng giữ các chức vụ: Kế "
        "toán trưởng Ban Quản lý dự án đầu tư xây dựng thị xã Cửa Lò, Chủ tịch thị xã Cửa Lò, "
        "Phó Bí thư Tỉnh uỷ."
    ) == {
        # "Chủ tịch thị xã" (chairman of the town) is its People's Committee's; Cửa Lò was
        # merged into Vinh in 2025 and is kept as a former unit.
        ("Hồ Đức Phớc", "Kế toán trưởng", "Ban Quản lý dự án đầu tư xây dựng thị xã Cửa Lò"),
        ("Hồ Đức Phớc", "Chủ tịch", "UBND thị xã Cửa Lò"),
        ("Hồ Đức Phớc", "Phó Bí thư", "Tỉnh ủy Nghệ An"),
    }


def test_a_sentence_about_he_or_she_gives_the_posts_to_the_person_named_before() -> None:
    # Real 007: "Ông từng đảm nhiệm các chức vụ: ..." (he once held the posts ...).
    assert _former(
        "Tỉnh Phú Yên. Ông Huỳnh Tấn Việt được bầu làm Bí thư Tỉnh ủy. Ông từng đảm nhiệm các "
        "chức vụ: Bí thư Huyện uỷ Tuy An, Trưởng ban Dân vận Tỉnh uỷ."
    ) == {
        ("Huỳnh Tấn Việt", "Bí thư", "Huyện ủy Tuy An"),
        ("Huỳnh Tấn Việt", "Trưởng ban", "Ban Dân vận Tỉnh ủy Phú Yên"),
    }
    # Not when another paragraph came between: "ông" may be someone else by then.
    assert _former(
        "Tỉnh Phú Yên. Ông Huỳnh Tấn Việt được bầu làm Bí thư Tỉnh ủy.\n\nKỳ họp bế mạc."
        "\n\nÔng từng giữ chức Bí thư Huyện uỷ Tuy An."
    ) == set()


def test_nguyen_before_a_title_after_the_name_makes_it_former() -> None:
    # Real 013: "ông Hoàng Dân Mạc - Nguyên Bí thư Tỉnh uỷ, nguyên Chủ tịch HĐND tỉnh".
    assert _former(
        "Tỉnh Phú Thọ. Đối với ông Hoàng Dân Mạc - Nguyên Bí thư Tỉnh uỷ, nguyên Chủ tịch HĐND "
        "tỉnh."
    ) == {
        ("Hoàng Dân Mạc", "Bí thư", "Tỉnh ủy Phú Thọ"),
        ("Hoàng Dân Mạc", "Chủ tịch", "HĐND tỉnh Phú Thọ"),
    }


def test_giu_chuc_vu_and_a_chairman_of_a_unit() -> None:
    # Real 011 "giữ chức vụ Bí thư" (holds the post of secretary); real 075 "Phó chủ tịch
    # tỉnh Hà Tĩnh" (vice chairman of the province: of its People's Committee).
    assert _posts(
        "Đại hội Đảng bộ tỉnh Đồng Tháp bầu ông Lê Minh Hoan giữ chức vụ Bí thư Tỉnh uỷ. "
        "Phó chủ tịch tỉnh Hà Tĩnh Nguyễn Thiện dự họp.",
        "2015-10",
    ) == {
        ("Lê Minh Hoan", "Bí thư", "Tỉnh ủy Đồng Tháp", "Đồng Tháp"),
        ("Nguyễn Thiện", "Phó Chủ tịch", "UBND tỉnh Hà Tĩnh", "Hà Tĩnh"),
    }


def test_a_unit_word_after_a_title_names_the_body_the_roles_table_says() -> None:
    # The roles table's unit_body: after "Bí thư" (secretary) a unit is its party committee,
    # after "Chủ tịch" (chairman) its People's Committee (UBND). "Phó Bí thư Thường trực"
    # (standing deputy secretary) reads a unit the way "Bí thư" does.
    assert _posts(
        "Bí thư tỉnh Quảng Nam Phan Việt Cường và Phó Bí thư Thường trực tỉnh Quảng Ngãi "
        "Đặng Văn Minh dự họp. Chủ tịch huyện Núi Thành Trần Văn Tân phát biểu.",
        "2022-01",
    ) == {
        ("Phan Việt Cường", "Bí thư", "Tỉnh ủy Quảng Nam", "Quảng Nam"),
        ("Đặng Văn Minh", "Phó Bí thư Thường trực", "Tỉnh ủy Quảng Ngãi", "Quảng Ngãi"),
        ("Trần Văn Tân", "Chủ tịch", "UBND huyện Núi Thành", "Núi Thành"),
    }


def test_a_name_glued_after_a_national_body_ending_in_viet_nam() -> None:
    # Real 019, 060: "Chủ tịch MTTQ Việt Nam Nguyễn Thiện Nhân", "Chủ tịch Hội Luật gia Việt
    # Nam Nguyễn Văn Quyền": the capitalized run holds the body's last words before the name.
    assert _posts(
        "Tỉnh Ninh Bình. Chủ tịch MTTQ Việt Nam Nguyễn Thiện Nhân và Chủ tịch Hội Luật gia Việt "
        "Nam Nguyễn Văn Quyền dự họp.",
        "2015-09",
    ) == {
        ("Nguyễn Thiện Nhân", "Chủ tịch", "Ủy ban Trung ương MTTQ Việt Nam", ""),
        ("Nguyễn Văn Quyền", "Chủ tịch", "Hội Luật gia Việt Nam", ""),
    }
    # With a unit after it, "MTTQ Việt Nam" is that unit's Fatherland Front committee.
    assert _posts(
        "Tỉnh Hà Giang. Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Hà Giang Vàng A Phủ dự họp.",
        "2015-09",
    ) == {("Vàng A Phủ", "Chủ tịch", "Ủy ban MTTQ tỉnh Hà Giang", "Hà Giang")}


def test_more_wordings_of_former_and_held_posts() -> None:
    # Real 038 "Ông đã đảm nhiệm các chức vụ A, B, C" (he has held the posts), 069 "thôi giữ
    # chức" (steps down from: a former post), 039 "tiếp tục kiêm nhiệm chức" (goes on holding
    # concurrently).
    assert _former(
        "Tỉnh Hà Nam. Ông Nguyễn Xuân Đông sinh ngày 5/3/1961. Ông đã đảm nhiệm các chức vụ "
        "Giám đốc Sở Nông nghiệp và Phát triển nông thôn Hà Nam, Bí thư Huyện uỷ Bình Lục, Phó "
        "chủ tịch UBND tỉnh Hà Nam. Ông Nguyễn Đình Khang thôi giữ chức Bí thư Tỉnh uỷ Hà Nam."
    ) >= {
        ("Nguyễn Xuân Đông", "Bí thư", "Huyện ủy Bình Lục"),
        ("Nguyễn Xuân Đông", "Phó Chủ tịch", "UBND tỉnh Hà Nam"),
        ("Nguyễn Đình Khang", "Bí thư", "Tỉnh ủy Hà Nam"),
    }
    # Real 006 "Cựu bí thư" (ex-secretary), like "nguyên" (former).
    assert _former("Tỉnh Kon Tum. Cựu Bí thư Tỉnh uỷ Kon Tum Mai Thế Trung dự họp.") == {
        ("Mai Thế Trung", "Bí thư", "Tỉnh ủy Kon Tum")
    }
    assert ("Lê Đình Sơn", "Chủ tịch", "HĐND tỉnh Hà Tĩnh", "Hà Tĩnh") in _posts(
        "Tỉnh Hà Tĩnh. Các đại biểu tín nhiệm bầu ông Lê Đình Sơn (Bí thư Tỉnh uỷ) tiếp tục "
        "kiêm nhiệm chức Chủ tịch HĐND tỉnh.",
        "2016-06",
    )


def test_a_title_introducing_a_list_of_names_is_each_ones() -> None:
    # Real 082 and 107: "6 Phó chủ tịch gồm các ông: A (...); B; C", "gồm: ông A, B, bà C";
    # a bare title of the list is of the body named before it in the sentence.
    assert _posts(
        "Hiện UBND thành phố Hà Nội có 6 Phó chủ tịch gồm các ông: Vũ Hồng Khanh (Phó chủ tịch "
        "thường trực); Lê Hồng Sơn; Nguyễn Văn Sửu và bà Nguyễn Mai Thuý.",
        "2016-07",
    ) >= {
        ("Vũ Hồng Khanh", "Phó Chủ tịch", "UBND thành phố Hà Nội", "Hà Nội"),
        ("Lê Hồng Sơn", "Phó Chủ tịch", "UBND thành phố Hà Nội", "Hà Nội"),
        ("Nguyễn Văn Sửu", "Phó Chủ tịch", "UBND thành phố Hà Nội", "Hà Nội"),
        ("Nguyễn Mai Thúy", "Phó Chủ tịch", "UBND thành phố Hà Nội", "Hà Nội"),
    }
    # "lần lượt là" (respectively) pairs names with what was listed before: no shared title.
    assert _posts(
        "Bình Phước và An Giang có tân Bí thư lần lượt là ông Nguyễn Văn Lợi và bà Võ Thị Ánh "
        "Xuân.",
        "2015-10",
    ) == set()


def test_party_caucus_and_party_group_posts_do_not_end_a_chain() -> None:
    # Real 103 and 060: "Bí thư Ban cán sự đảng" (the party caucus, of the People's
    # Committee) and "Bí thư Đảng đoàn" (the party group of the body named next) had become
    # "Bí thư Tỉnh ủy" and cut the chain short.
    assert _posts(
        "Tỉnh Khánh Hòa. Ông Lê Đức Vinh, Phó bí thư Tỉnh uỷ, Bí thư Ban cán sự đảng, Chủ tịch "
        "UBND tỉnh, phát biểu. Ông Nguyễn Văn Quyền, Bí thư Đảng đoàn, Chủ tịch Hội Luật gia "
        "Việt Nam, dự. Ông Đỗ Đức Duy, Ủy viên Ban cán sự Đảng, Thứ trưởng Bộ Xây dựng, dự.",
        "2018-05",
    ) == {
        ("Lê Đức Vinh", "Phó Bí thư", "Tỉnh ủy Khánh Hòa", "Khánh Hòa"),
        ("Lê Đức Vinh", "Bí thư", "Ban cán sự đảng UBND tỉnh Khánh Hòa", "Khánh Hòa"),
        ("Lê Đức Vinh", "Chủ tịch", "UBND tỉnh Khánh Hòa", "Khánh Hòa"),
        ("Nguyễn Văn Quyền", "Bí thư", "Đảng đoàn Hội Luật gia Việt Nam", ""),
        ("Nguyễn Văn Quyền", "Chủ tịch", "Hội Luật gia Việt Nam", ""),
        ("Đỗ Đức Duy", "Ủy viên", "Ban cán sự đảng Bộ Xây dựng", ""),
        ("Đỗ Đức Duy", "Thứ trưởng", "Bộ Xây dựng", ""),
    }


def test_a_vote_on_a_post_with_respect_to_a_person() -> None:
    # Real 002 and 015: "miễn nhiệm <post> ... đối với ông X" (dismissed X from the post: a
    # former post), "bầu bổ sung <post> nhiệm kỳ (...) đối với ông Y" (Y elected to it).
    assert _posts(
        "Tỉnh Đồng Nai. Kỳ họp tiến hành thủ tục miễn nhiệm Chủ tịch UBND tỉnh Đồng Nai, nhiệm "
        "kỳ 2016-2021 đối với ông Đinh Quốc Thái. Kỳ họp bầu bổ sung Uỷ viên UBND tỉnh nhiệm kỳ "
        "(2016-2021) đối với ông Nguyễn Văn Sạch.",
        "2016-08",
    ) == {
        ("Đinh Quốc Thái", "Chủ tịch", "UBND tỉnh Đồng Nai", "Đồng Nai"),
        ("Nguyễn Văn Sạch", "Ủy viên", "UBND tỉnh Đồng Nai", "Đồng Nai"),
    }
    assert _former(
        "Tỉnh Đồng Nai. Kỳ họp tiến hành thủ tục miễn nhiệm Chủ tịch UBND tỉnh Đồng Nai, nhiệm "
        "kỳ 2016-2021 đối với ông Đinh Quốc Thái."
    ) == {("Đinh Quốc Thái", "Chủ tịch", "UBND tỉnh Đồng Nai")}


def test_a_vote_with_respect_to_a_list_gives_the_post_to_each() -> None:
    # Real 063: "miễn nhiệm chức danh Uỷ viên UBND tỉnh đối với ông A, nguyên Giám đốc Sở Xây
    # dựng; bà B, nguyên Giám đốc Sở Tư pháp, và ông C, nguyên Chánh Thanh tra tỉnh"
    former = _former(
        "Tỉnh Sóc Trăng. HĐND tỉnh cũng miễn nhiệm chức danh Uỷ viên UBND tỉnh đối với ông Dương "
        "Quốc Việt, nguyên Giám đốc Sở Xây dựng; bà Nguyễn Thị Thu Vân, nguyên Giám đốc Sở Tư "
        "pháp, và ông Quách Hoàng Sáu, nguyên Chánh Thanh tra tỉnh."
    )
    assert {(name, body) for name, role, body in former if role == "Ủy viên"} == {
        ("Dương Quốc Việt", "UBND tỉnh Sóc Trăng"),
        ("Nguyễn Thị Thu Vân", "UBND tỉnh Sóc Trăng"),
        ("Quách Hoàng Sáu", "UBND tỉnh Sóc Trăng"),
    }
    assert ("Quách Hoàng Sáu", "Chánh Thanh tra", "Thanh tra tỉnh Sóc Trăng") in former


def test_he_is_the_man_named_last_and_two_posts_for_two_names_go_one_each() -> None:
    # Real 016: "Ông A và bà B được bầu giữ chức X và Y" (A is X, B is Y); "Ông Trung sinh
    # năm 1961. Ông từng giữ chức ..." is Trung's career, though Lê Thị Ái Nam was named
    # after him ("ông", he, is not a "Thị").
    text = (
        "Tỉnh Bạc Liêu. Ông Dương Thành Trung và bà Lê Thị Ái Nam được bầu giữ chức Chủ tịch tỉnh "
        "Bạc Liêu và Chủ tịch HĐND tỉnh. Ông Trung sinh năm 1961. Ông từng giữ chức Trưởng ban "
        "tổ chức Tỉnh uỷ, Bí thư Thành uỷ TP Bạc Liêu."
    )
    assert {(name, role, body) for name, role, body, _ in _posts(text, "2015-12")} == {
        ("Dương Thành Trung", "Chủ tịch", "UBND tỉnh Bạc Liêu"),
        ("Lê Thị Ái Nam", "Chủ tịch", "HĐND tỉnh Bạc Liêu"),
        ("Dương Thành Trung", "Trưởng ban", "Ban Tổ chức Tỉnh ủy Bạc Liêu"),
        ("Dương Thành Trung", "Bí thư", "Thành ủy Bạc Liêu"),
    }


def test_a_semicolon_ends_one_person_of_a_list() -> None:
    # Real 046: "ông A, Phó Bí thư Tỉnh uỷ, Chủ tịch UBND tỉnh; Phó Bí thư Tỉnh uỷ B": A's
    # posts end at the ";" (they had all gone to B).
    assert _posts(
        "Tỉnh Hà Giang. Dự hội nghị có ông Nguyễn Văn Sơn, Phó Bí thư Tỉnh uỷ, Chủ tịch UBND "
        "tỉnh Hà Giang; Phó Bí thư Tỉnh uỷ Hà Giang Nguyễn Mạnh Dũng.",
        "2017-05",
    ) == {
        ("Nguyễn Văn Sơn", "Phó Bí thư", "Tỉnh ủy Hà Giang", "Hà Giang"),
        ("Nguyễn Văn Sơn", "Chủ tịch", "UBND tỉnh Hà Giang", "Hà Giang"),
        ("Nguyễn Mạnh Dũng", "Phó Bí thư", "Tỉnh ủy Hà Giang", "Hà Giang"),
    }


def test_title_after_the_name_and_ministries() -> None:
    posts = _posts(
        "Theo thông tin từ ông Đặng Tất Thắng – Phó Tổng giám đốc Tập đoàn FLC. "
        "Thứ trưởng Bộ Tư pháp Đặng Hoàng Oanh kết luận.",
        "2020-10-01",
    )
    assert ("Đặng Tất Thắng", "Phó Tổng giám đốc", "Tập đoàn FLC", "") in posts
    assert ("Đặng Hoàng Oanh", "Thứ trưởng", "Bộ Tư pháp", "") in posts


def test_byline_and_historic_names_are_not_people() -> None:
    facts = facts_of("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.")
    assert facts.people == []


def test_ban_bi_thu_is_a_body_not_a_secretary() -> None:
    posts = _posts(
        "Theo quyết định của Ban Bí thư, Thứ trưởng Bộ Xây dựng Đỗ Đức Duy giữ chức Phó Bí thư "
        "Tỉnh ủy Yên Bái.",
        "2016-02",
    )
    assert posts == {
        ("Đỗ Đức Duy", "Thứ trưởng", "Bộ Xây dựng", ""),
        ("Đỗ Đức Duy", "Phó Bí thư", "Tỉnh ủy Yên Bái", "Yên Bái"),
    }


def test_lower_case_so_with_a_glued_province() -> None:
    posts = _posts("Giám đốc sở TN & MT Thanh Hoá Đào Trọng Quy trả lời chất vấn.", "2016-07")
    assert posts == {("Đào Trọng Quy", "Giám đốc", "Sở TN & MT tỉnh Thanh Hóa", "Thanh Hóa")}


def test_a_department_name_written_with_dashes_commas_or_lower_case_is_read_whole() -> None:
    # Real 002 and 044: "sở Giao thông - Vận tải" had become "Sở Giao", "Sở Kế hoạch Đầu tư"
    # "Sở Kế": the listed names are read whatever the separator between their words.
    posts = _posts(
        "Tỉnh Đồng Nai. Bầu ông Từ Nam Thành, Giám đốc sở Giao thông - Vận tải. "
        "Ông Lê Văn Hà, Giám đốc Sở Kế hoạch Đầu tư, phát biểu. "
        "Bà Trần Thị Hoa, Giám đốc Sở Lao động, Thương binh và Xã hội, dự họp.",
        "2016-08",
    )
    assert posts == {
        ("Từ Nam Thành", "Giám đốc", "Sở Giao thông - Vận tải tỉnh Đồng Nai", "Đồng Nai"),
        ("Lê Văn Hà", "Giám đốc", "Sở Kế hoạch Đầu tư tỉnh Đồng Nai", "Đồng Nai"),
        (
            "Trần Thị Hoa",
            "Giám đốc",
            "Sở Lao động, Thương binh và Xã hội tỉnh Đồng Nai",
            "Đồng Nai",
        ),
    }


def test_national_assembly_delegation_and_youth_union() -> None:
    posts = _posts(
        "Sáng 3/4, Trưởng Đoàn ĐBQH tỉnh Nghệ An Nguyễn Thanh Hiền và Bí thư Tỉnh đoàn "
        "Nguyễn Văn An dự hội nghị.",
        "2019-04",
    )
    assert posts == {
        ("Nguyễn Thanh Hiền", "Trưởng đoàn", "Đoàn ĐBQH tỉnh Nghệ An", "Nghệ An"),
        ("Nguyễn Văn An", "Bí thư", "Tỉnh đoàn Nghệ An", "Nghệ An"),
    }


def test_a_name_stops_before_a_word_that_starts_a_sentence() -> None:
    facts = facts_of(
        "Ông Nguyễn Văn Hưng, Chủ tịch UBND xã Chu Phan, huyện Mê Linh bị đình chỉ. Bản sao "
        "bằng của ông Hưng Sau khi nhận được báo cáo của đoàn kiểm tra đã được gửi đi.",
        "2017-07",
    )
    assert [p.name for p in facts.people] == ["Nguyễn Văn Hưng"]


def test_associations_and_a_title_said_after_the_previous_name() -> None:
    posts = _posts(
        "Mùng 8/8, Hội Luật gia tỉnh Quảng Ninh tổ chức đại hội. Tham dự đại hội có ông Lê "
        "Minh Tâm – Phó Chủ tịch Hội Luật gia Việt Nam, bà Nguyễn Thị Kim Nhung, Phó Chủ tịch "
        "Hội Luật gia tỉnh Bắc Ninh.",
        "2019-08",
    )
    assert posts == {
        ("Lê Minh Tâm", "Phó Chủ tịch", "Hội Luật gia Việt Nam", ""),
        ("Nguyễn Thị Kim Nhung", "Phó Chủ tịch", "Hội Luật gia tỉnh Bắc Ninh", "Bắc Ninh"),
    }


def test_the_person_replaced_held_the_post_filled() -> None:
    # Real 069, 016: "thay cho bà/ông X" after the post filled (a term may stand between)
    facts = facts_of(
        "Bà Lê Thị Thuỷ được bầu giữ chức Bí thư Tỉnh uỷ Hà Nam, nhiệm kỳ 2015-2020, thay cho "
        "ông Nguyễn Đình Khang. HĐND tỉnh Bình Dương bầu ông Trần Thanh Liêm - Phó chủ tịch "
        "thường trực UBND tỉnh - giữ chức vụ Chủ tịch UBND tỉnh Bình Dương thay ông Trần Văn Nam.",
        "",
    )
    posts = {(p.person.name, p.role, p.body.name, p.former) for p in facts.posts}
    assert ("Nguyễn Đình Khang", "Bí thư", "Tỉnh ủy Hà Nam", True) in posts
    assert ("Lê Thị Thủy", "Bí thư", "Tỉnh ủy Hà Nam", False) in posts
    assert ("Trần Văn Nam", "Chủ tịch", "UBND tỉnh Bình Dương", True) in posts
    # the replaced man gets the post filled, not the new holder's earlier one
    assert not any(p[0] == "Trần Văn Nam" and p[1] == "Phó Chủ tịch Thường trực" for p in posts)


def test_committee_names_in_lower_case_are_bodies() -> None:
    # Real 016, 039, 028: VietNews writes "Bí thư huyện uỷ Can Lộc" in lower case
    posts = _posts(
        "Ông Võ Hồng Hải (nguyên Bí thư huyện uỷ Can Lộc) phát biểu. Ông Trần Thanh Liêm từng "
        "giữ chức Bí thư thị uỷ Thuận An. Nguyên Bí thư tỉnh uỷ Thanh Hoá Mai Văn Ninh dự họp.",
        "",
    )
    assert ("Võ Hồng Hải", "Bí thư", "Huyện ủy Can Lộc", "Can Lộc") in posts
    assert ("Trần Thanh Liêm", "Bí thư", "Thị ủy Thuận An", "Thuận An") in posts
    assert ("Mai Văn Ninh", "Bí thư", "Tỉnh ủy Thanh Hóa", "Thanh Hóa") in posts


def test_a_nominee_does_not_hold_the_post() -> None:
    # Real 040, 090: "Giới thiệu ông X làm Bí thư", "3 người cho chức danh ... gồm: ông A, ..."
    posts = _posts(
        "Giới thiệu ông Lữ Văn Hùng làm Bí thư tỉnh uỷ Hậu Giang. Tỉnh uỷ Hậu Giang đã chọn 3 "
        "người cho chức danh bí thư tỉnh uỷ gồm: ông Huỳnh Thanh Tạo, phó bí thư thường trực "
        "tỉnh uỷ; ông Đồng Văn Thanh, phó chủ tịch thường trực UBND tỉnh. Ông Trần Văn Lâm được "
        "bầu làm Chủ tịch UBND tỉnh Hậu Giang.",
        "",
    )
    assert posts == {
        ("Huỳnh Thanh Tạo", "Phó Bí thư Thường trực", "Tỉnh ủy Hậu Giang", "Hậu Giang"),
        ("Đồng Văn Thanh", "Phó Chủ tịch Thường trực", "UBND tỉnh Hậu Giang", "Hậu Giang"),
        ("Trần Văn Lâm", "Chủ tịch", "UBND tỉnh Hậu Giang", "Hậu Giang"),
    }


def test_a_bare_title_in_a_round_up_of_provinces_is_of_the_province_told_of() -> None:
    # Real 014: a district of one province, named twice, had become the article's focus, and
    # every bare "Phó Bí thư" its Huyện ủy
    posts = _posts(
        "Sáng 14/10, Đại hội Đảng bộ tỉnh Quảng Ninh lần thứ 14 họp. Ông Nguyễn Văn Đọc tái đắc "
        "cử chức vụ Bí thư Tỉnh uỷ Quảng Ninh. Các ông Nguyễn Đức Long, Vũ Hồng Thanh được bầu "
        "giữ chức Phó Bí thư.\n\nChiều 13/10, Đại hội Đảng bộ tỉnh Bến Tre bầu ông Võ Thành Hạo "
        "giữ chức Bí thư Tỉnh uỷ Bến Tre. Các ông Cao Văn Trọng, Trần Ngọc Tam được bầu giữ "
        "chức Phó Bí thư. Ông Hạo sinh tại huyện Giồng Trôm, từng công tác ở huyện Giồng Trôm.",
        "",
    )
    assert ("Nguyễn Đức Long", "Phó Bí thư", "Tỉnh ủy Quảng Ninh", "Quảng Ninh") in posts
    assert ("Cao Văn Trọng", "Phó Bí thư", "Tỉnh ủy Bến Tre", "Bến Tre") in posts


def test_bodies_of_youth_unions_inspectorates_and_military_commands() -> None:
    # Real 006, 035, 063, 032, 084
    posts = _posts(
        "Tỉnh Sóc Trăng. Ông Trần Văn Nam, nguyên Bí thư Tỉnh Đoàn, phát biểu. Ông Lê Trọng "
        "Nguyên, Chánh Thanh tra tỉnh dự. Ông Trần Công Chánh từng giữ chức Chỉ huy trưởng Bộ "
        "chỉ huy Quân sự tỉnh Hậu Giang. Bà Trần Kim Yến, Chủ tịch LĐLĐ TP HCM dự.",
        "",
    )
    assert posts == {
        ("Trần Văn Nam", "Bí thư", "Tỉnh đoàn Sóc Trăng", "Sóc Trăng"),
        ("Lê Trọng Nguyên", "Chánh Thanh tra", "Thanh tra tỉnh Sóc Trăng", "Sóc Trăng"),
        ("Trần Công Chánh", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Hậu Giang"),
        ("Trần Kim Yến", "Chủ tịch", "LĐLĐ thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    }


def test_a_numbered_district_is_read_before_the_name() -> None:
    # Real 059: "Chủ tịch UBND quận 2 Nguyễn Phước Hưng" had lost the person
    posts = _posts(
        "Báo cáo với Bí thư Thăng, Chủ tịch UBND quận 2 Nguyễn Phước Hưng cho biết quận đã "
        "làm tốt. Ông Trần Vĩnh Tuyến từng làm Bí thư quận 1.",
        "",
    )
    assert ("Nguyễn Phước Hưng", "Chủ tịch", "UBND Quận 2", "Quận 2") in posts
    assert ("Trần Vĩnh Tuyến", "Bí thư", "Quận ủy Quận 1", "Quận 1") in posts


def test_title_chains_with_secretaries_general_central_abbreviations_and_unknown_bodies() -> None:
    # Real 046, 121, 111, 052, 041
    posts = _posts(
        "Tỉnh Hà Giang. Dự đại hội có ông Lê Minh Tâm, Phó Bí thư Đảng đoàn, Phó chủ tịch, Tổng "
        "thư ký Hội Luật gia Việt Nam. Ông Trần Văn Sơn, Ủy viên T.Ư Đảng, Bí thư Tỉnh ủy dự. "
        "Ông Mai Tiến Dũng, Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ dự. Bà Phạm Thị Thanh Trà - "
        "Ủy viên Ban Chấp hành Đảng, Bí thư Tỉnh ủy Yên Bái phát biểu. Phát biểu tại kỳ họp, Bí "
        "thư Tỉnh uỷ, Trưởng đoàn Đại biểu Quốc hội tỉnh Bình Dương; Trần Văn Nam đề nghị.",
        "",
    )
    assert {
        ("Lê Minh Tâm", "Phó Bí thư", "Đảng đoàn Hội Luật gia Việt Nam", ""),
        ("Lê Minh Tâm", "Phó Chủ tịch", "Hội Luật gia Việt Nam", ""),
        ("Lê Minh Tâm", "Tổng Thư ký", "Hội Luật gia Việt Nam", ""),
        ("Trần Văn Sơn", "Ủy viên", "Ban Chấp hành Trung ương Đảng", ""),
        ("Trần Văn Sơn", "Bí thư", "Tỉnh ủy Hà Giang", "Hà Giang"),
        ("Mai Tiến Dũng", "Bộ trưởng", "Văn phòng Chính phủ", ""),
        ("Mai Tiến Dũng", "Chủ nhiệm", "Văn phòng Chính phủ", ""),
        ("Phạm Thị Thanh Trà", "Ủy viên", "Ban Chấp hành Đảng", ""),
        ("Phạm Thị Thanh Trà", "Bí thư", "Tỉnh ủy Yên Bái", "Yên Bái"),
        ("Trần Văn Nam", "Bí thư", "Tỉnh ủy Bình Dương", "Bình Dương"),
        ("Trần Văn Nam", "Trưởng đoàn", "Đoàn ĐBQH tỉnh Bình Dương", "Bình Dương"),
    } <= posts


def test_a_short_name_between_titles_is_not_a_body() -> None:
    # Real 059: "Báo cáo với Bí thư Thăng, Chủ tịch UBND quận 2 ..."; real 003: a ";" before
    # "ông" starts the next person of a list
    posts = _posts(
        "Báo cáo với Bí thư Thăng, Chủ tịch UBND quận 2 Nguyễn Phước Hưng cho biết. Nhiều Bí thư "
        "tái đắc cử như ông Hoàng Dân Mạc Bí thư Tỉnh uỷ Phú Thọ; ông Triệu Tài Vinh, Bí thư Tỉnh "
        "uỷ Hà Giang.",
        "",
    )
    assert not any(p[0] == "Nguyễn Phước Hưng" and p[1] == "Bí thư" for p in posts)
    assert ("Triệu Tài Vinh", "Bí thư", "Tỉnh ủy Phú Thọ", "Phú Thọ") not in posts
    assert ("Triệu Tài Vinh", "Bí thư", "Tỉnh ủy Hà Giang", "Hà Giang") in posts


def test_age_and_birth_before_the_title_and_family_names_that_are_communes() -> None:
    # Real 031, 016: a bio between the name and its title; real 014, 036, 096: "Phan", "Vương",
    # "Phùng" are also communes' names, and had been cut off the name as a place
    posts = _posts(
        "Ông Trần Sỹ Thanh sinh năm 1971, quê Thanh Chương (Nghệ An) là Uỷ viên dự khuyết Trung "
        "ương Đảng, từng giữ chức Bí thư Tỉnh uỷ Bắc Giang. HĐND tỉnh Bạc Liêu bầu ông Vương "
        "Phương Nam (49 tuổi, Chủ tịch UBND TP Bạc Liêu). Các ông Phan Văn Mãi, Cao Văn Trọng "
        "được bầu giữ chức Phó Bí thư Tỉnh uỷ Bến Tre.",
        "",
    )
    assert {
        ("Trần Sỹ Thanh", "Ủy viên dự khuyết", "Ban Chấp hành Trung ương Đảng", ""),
        ("Trần Sỹ Thanh", "Bí thư", "Tỉnh ủy Bắc Giang", "Bắc Giang"),
        ("Vương Phương Nam", "Chủ tịch", "UBND thành phố Bạc Liêu", "Bạc Liêu"),
        ("Phan Văn Mãi", "Phó Bí thư", "Tỉnh ủy Bến Tre", "Bến Tre"),
    } <= posts


def test_a_copula_gives_the_post_and_later_verbs_of_the_clause_add_to_it() -> None:
    # Real 007, 032, 025
    posts = _posts("Hiện, ông Đào Tấn Lộc vẫn là Trưởng đoàn ĐBQH tỉnh Phú Yên.", "")
    assert ("Đào Tấn Lộc", "Trưởng đoàn", "Đoàn ĐBQH tỉnh Phú Yên", "Phú Yên") in posts
    posts = _posts(
        "Tỉnh Hậu Giang. Tiền nhiệm của ông là ông Huỳnh Minh Chắc cũng là Chỉ huy trưởng Bộ chỉ "
        "huy Quân sự tỉnh, sau đó được bầu giữ chức Chủ tịch UBND tỉnh rồi Bí thư tỉnh uỷ.",
        "",
    )
    assert {
        ("Huỳnh Minh Chắc", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Hậu Giang"),
        ("Huỳnh Minh Chắc", "Chủ tịch", "UBND tỉnh Hậu Giang", "Hậu Giang"),
        ("Huỳnh Minh Chắc", "Bí thư", "Tỉnh ủy Hậu Giang", "Hậu Giang"),
    } <= posts


def test_a_copula_does_not_give_the_next_persons_title_nor_a_future_post() -> None:
    # Real 023, 039, 042
    posts = _posts(
        "Tỉnh Thanh Hóa. Người có số phiếu tín nhiệm thấp nhiều sau ông Việt, bà Hằng là Phó chủ "
        "tịch UBND tỉnh Lê Thị Thìn. Ông Đặng Quốc Khánh trúng cử và sẽ là Trưởng đoàn đại biểu "
        "Quốc hội tỉnh Hà Tĩnh. Bí thư Lê Văn Sang (gọi ông Sơn bằng chú) là Trưởng phòng Tài "
        "chính.",
        "",
    )
    assert ("Lê Thị Thìn", "Phó Chủ tịch", "UBND tỉnh Thanh Hóa", "Thanh Hóa") in posts
    assert not any(p[0] in ("Hằng", "Đặng Quốc Khánh", "Sơn") for p in posts)


def test_a_sentence_opening_before_that_he_was_gives_former_posts() -> None:
    # Real 035: "Trước đây ông là Thành uỷ viên, Giám đốc Sở ..."; the Thành ủy is the city's
    # (Hồ Chí Minh), not the province named last (Bến Tre)
    facts = facts_of(
        "Ông Phong làm Bí thư Tỉnh uỷ Bến Tre. Ông Lê Thanh Liêm được bầu làm Phó Chủ tịch UBND "
        "TP HCM. Trước đây ông là Thành uỷ viên, Giám đốc Sở Nông nghiệp và Phát triển nông thôn.",
        "",
    )
    posts = {(p.person.name, p.role, p.body.name, p.former) for p in facts.posts}
    assert ("Lê Thanh Liêm", "Ủy viên", "Thành ủy Hồ Chí Minh", True) in posts
    assert (
        "Lê Thanh Liêm",
        "Giám đốc",
        "Sở Nông nghiệp và Phát triển nông thôn thành phố Hồ Chí Minh",
        True,
    ) in posts


def test_the_central_committee_and_the_youth_union_s() -> None:
    # Real 019 ("uỷ viên dự khuyết trung ương"), 035, 041 (the Youth Union's centre)
    posts = _posts(
        "Tỉnh Ninh Bình. Ông Nguyễn Văn An, uỷ viên dự khuyết trung ương, Bí thư Tỉnh ủy dự. "
        "Ông từng giữ các chức vụ Bí thư Thành Đoàn TP HCM; Bí thư Trung ương Đoàn Thanh niên "
        "Cộng sản Hồ Chí Minh. Bà Trần Thị Tâm, Uỷ viên Ban Chấp hành Trung ương Đoàn, Bí thư "
        "Tỉnh Đoàn Ninh Bình dự.",
        "",
    )
    assert posts == {
        ("Nguyễn Văn An", "Ủy viên dự khuyết", "Ban Chấp hành Trung ương Đảng", ""),
        ("Nguyễn Văn An", "Bí thư", "Tỉnh ủy Ninh Bình", "Ninh Bình"),
        ("Nguyễn Văn An", "Bí thư", "Thành đoàn Hồ Chí Minh", "Hồ Chí Minh"),
        ("Nguyễn Văn An", "Bí thư", "Trung ương Đoàn TNCS Hồ Chí Minh", ""),
        ("Trần Thị Tâm", "Ủy viên", "Ban Chấp hành Trung ương Đoàn", ""),
        ("Trần Thị Tâm", "Bí thư", "Tỉnh đoàn Ninh Bình", "Ninh Bình"),
    }


def test_a_title_with_the_other_ones_then_a_list() -> None:
    # Real 048, 044: "Hai phó bí thư Tỉnh uỷ khác là bà A (tái cử) và ông B"
    posts = _posts(
        "Tỉnh Kiên Giang. Hai phó bí thư Tỉnh uỷ khác là bà Đặng Tuyết Em (tái cử) và ông Phạm "
        "Vũ Hồng - Phó chủ tịch UBND tỉnh. Hai phó chủ tịch UBND tỉnh còn lại là bà Đinh Thị Lệ "
        "Thanh.",
        "",
    )
    assert posts == {
        ("Đặng Tuyết Em", "Phó Bí thư", "Tỉnh ủy Kiên Giang", "Kiên Giang"),
        ("Phạm Vũ Hồng", "Phó Bí thư", "Tỉnh ủy Kiên Giang", "Kiên Giang"),
        ("Phạm Vũ Hồng", "Phó Chủ tịch", "UBND tỉnh Kiên Giang", "Kiên Giang"),
        ("Đinh Thị Lệ Thanh", "Phó Chủ tịch", "UBND tỉnh Kiên Giang", "Kiên Giang"),
    }


def test_chairman_of_the_city_in_a_story_of_a_centrally_run_city() -> None:
    # Real 118: "Chủ tịch thành phố Nguyễn Đức Chung" in a Hà Nội article
    posts = _posts("Hà Nội. Chủ tịch thành phố Nguyễn Đức Chung cho biết.", "")
    assert posts == {("Nguyễn Đức Chung", "Chủ tịch", "UBND thành phố Hà Nội", "Hà Nội")}


def test_respective_appointments_and_deputy_chief_inspectors() -> None:
    # Real 090 ("lần lượt được bổ nhiệm vào chức", one post each), 069
    posts = _posts(
        "Tỉnh Nghệ An. Ông Nguyễn Văn An, ông Trần Văn Bình và ông Lê Văn Cường vừa lần lượt "
        "được bổ nhiệm vào chức Giám đốc Sở KH&ĐT, Giám đốc Sở Giao thông, Giám đốc Sở Xây dựng. "
        "Từ tháng 3/2001 đến tháng 7/2004, bà Lê Thị Thuỷ giữ chức Phó chánh Thanh tra tỉnh.",
        "",
    )
    assert posts == {
        ("Nguyễn Văn An", "Giám đốc", "Sở KH&ĐT tỉnh Nghệ An", "Nghệ An"),
        ("Trần Văn Bình", "Giám đốc", "Sở Giao thông tỉnh Nghệ An", "Nghệ An"),
        ("Lê Văn Cường", "Giám đốc", "Sở Xây dựng tỉnh Nghệ An", "Nghệ An"),
        ("Lê Thị Thủy", "Phó Chánh Thanh tra", "Thanh tra tỉnh Nghệ An", "Nghệ An"),
    }


def test_a_bare_title_again_is_the_post_written_out_before() -> None:
    # Real 037, 068: "Bí thư Nguyễn Thiện Nhân" in a story of a district of TP HCM is the
    # Thành ủy's secretary named before, not the district's; "Sở Xây dựng TP" is the city's
    posts = _posts(
        "Huyện Bình Chánh, TP HCM. Bí thư Thành ủy TP HCM Nguyễn Thiện Nhân làm việc với huyện "
        "Bình Chánh. Bí thư Nguyễn Thiện Nhân đánh giá cao huyện. Giám đốc Sở Xây dựng TP Lê Hoà "
        "Bình giải trình.",
        "",
    )
    assert posts == {
        ("Nguyễn Thiện Nhân", "Bí thư", "Thành ủy Hồ Chí Minh", "Hồ Chí Minh"),
        ("Lê Hòa Bình", "Giám đốc", "Sở Xây dựng thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    }


def test_moved_from_one_post_to_another_and_a_title_said_to_someone() -> None:
    # Real 015 ("điều động bổ nhiệm từ X sang giữ chức Y"), 084 ("Báo cáo với Bí thư Thành ủy,
    # bà Trần Kim Yến cho biết": the title is the listener's), 120 ("thay thế vị trí của")
    facts = facts_of(
        "Tỉnh Kiên Giang. Ông Nguyễn Văn Sạch được điều động bổ nhiệm từ Bí thư huyện uỷ Châu "
        "Thành sang giữ chức Giám đốc Sở Nội vụ tỉnh Kiên Giang. Báo cáo với Bí thư Thành ủy, bà "
        "Trần Kim Yến cho biết. Kỳ họp bầu bà Nguyễn Thị Lệ làm Chủ tịch HĐND tỉnh thay thế vị "
        "trí của bà Nguyễn Thị Quyết Tâm.",
        "",
    )
    posts = {(p.person.name, p.role, p.body.name, p.former) for p in facts.posts}
    assert posts == {
        ("Nguyễn Văn Sạch", "Bí thư", "Huyện ủy Châu Thành", True),
        ("Nguyễn Văn Sạch", "Giám đốc", "Sở Nội vụ tỉnh Kiên Giang", False),
        ("Nguyễn Thị Lệ", "Chủ tịch", "HĐND tỉnh Kiên Giang", False),
        ("Nguyễn Thị Quyết Tâm", "Chủ tịch", "HĐND tỉnh Kiên Giang", True),
    }


def test_a_unit_body_without_its_place_takes_its_neighbour_s() -> None:
    # Real 016, 015: "Chủ tịch UBND thị xã, Bí thư thị uỷ Thuận An", "Bí thư Thị uỷ, Chủ tịch
    # UBND thị xã Hà Tiên"
    posts = _posts(
        "Tỉnh Bình Dương. Ông Trần Văn Nam từng giữ các chức vụ Chủ tịch UBND thị xã, Bí thư thị "
        "uỷ Thuận An. Ông Mai Văn Huỳnh từng là Bí thư Thị uỷ, Chủ tịch UBND thị xã Hà Tiên.",
        "",
    )
    assert {(p[0], p[1], p[3]) for p in posts} == {
        ("Trần Văn Nam", "Chủ tịch", "Thuận An"),
        ("Trần Văn Nam", "Bí thư", "Thuận An"),
        ("Mai Văn Huỳnh", "Bí thư", "Hà Tiên"),
        ("Mai Văn Huỳnh", "Chủ tịch", "Hà Tiên"),
    }


def test_heads_of_a_district_s_sections() -> None:
    # Real 028, 042, 014: "Trưởng phòng Nông nghiệp" had become a "Trưởng" of no body
    posts = _posts(
        "Huyện Mỹ Đức, Hà Nội. Bà Lê Thị Vĩnh, Trưởng phòng Tài chính huyện dự. Ông Nguyễn Văn "
        "An, Phó trưởng phòng Nông nghiệp dự. Đại tá Trần Xuân Phong, Phó Trưởng Công an huyện "
        "dự.",
        "",
    )
    assert posts == {
        ("Lê Thị Vĩnh", "Trưởng phòng", "Phòng Tài chính", "Mỹ Đức"),
        ("Nguyễn Văn An", "Phó Trưởng phòng", "Phòng Nông nghiệp", "Mỹ Đức"),
        ("Trần Xuân Phong", "Phó Trưởng", "Công an huyện Mỹ Đức", "Mỹ Đức"),
    }


def test_an_incumbent_s_title_runs_on_to_the_name() -> None:
    # "đương nhiệm" (incumbent) between a title and the name (real 082's wording)
    posts = _posts("Tỉnh Nghệ An. Chủ tịch UBND tỉnh đương nhiệm Nguyễn Xuân Đường dự.", "")
    assert posts == {("Nguyễn Xuân Đường", "Chủ tịch", "UBND tỉnh Nghệ An", "Nghệ An")}


def test_kiem_after_a_comma_goes_on_with_the_same_persons_posts() -> None:
    # Real 107: "GS. A – Phó Chủ tịch, kiêm Tổng thư ký ..., bà B – Phó Chủ tịch UBND tỉnh"
    # (and also): both titles are A's; B was given the second one
    assert _posts(
        "Tỉnh Quảng Ninh. Tham dự có GS. Lê Minh Tâm – Phó Chủ tịch, kiêm Tổng thư ký Trung ương "
        "Hội Luật gia Việt Nam, bà Vũ Thị Thu Thuỷ – Phó Chủ tịch UBND tỉnh Quảng Ninh."
    ) == {
        ("Lê Minh Tâm", "Phó Chủ tịch", "Trung ương Hội Luật gia Việt Nam", ""),
        ("Lê Minh Tâm", "Tổng Thư ký", "Trung ương Hội Luật gia Việt Nam", ""),
        ("Vũ Thị Thu Thủy", "Phó Chủ tịch", "UBND tỉnh Quảng Ninh", "Quảng Ninh"),
    }
    assert ("Nguyễn Văn An", "Phó Chủ tịch", "UBND tỉnh Nghệ An", "Nghệ An") in _posts(
        "Tỉnh Nghệ An. Phó Chủ tịch UBND tỉnh, kiêm Giám đốc Sở Tài chính Nguyễn Văn An dự."
    )


def test_a_deputy_without_a_body_is_of_the_body_whose_head_was_named() -> None:
    # Real 107: the association's chairman, then "Các Phó Chủ tịch gồm: ông A, B" (the vice
    # chairmen), its term written "khoá VIII, nhiệm kỳ 2019 – 2024"
    text = (
        "Tỉnh Quảng Ninh. Chủ tịch Hội Luật gia tỉnh Quảng Ninh khoá VIII, nhiệm kỳ 2019 – 2024 "
        "là ông Ngô Đức.\n\nCác Phó Chủ tịch gồm: ông Lê Văn Xuân, Phạm Văn Hiều."
    )
    assert _posts(text) == {
        ("Ngô Đức", "Chủ tịch", "Hội Luật gia tỉnh Quảng Ninh", "Quảng Ninh"),
        ("Lê Văn Xuân", "Phó Chủ tịch", "Hội Luật gia tỉnh Quảng Ninh", "Quảng Ninh"),
        ("Phạm Văn Hiều", "Phó Chủ tịch", "Hội Luật gia tỉnh Quảng Ninh", "Quảng Ninh"),
    }
    # Not past another province (real 019), nor onto a body the tables do not read (084)
    assert ("Nguyễn Bắc Việt", "Phó Trưởng đoàn", "", "") in _posts(
        "Ông Lê Diễn - Trưởng đoàn Đại biểu Quốc hội tỉnh Đắk Nông được bầu. Tại Ninh Thuận, "
        "ông Nguyễn Đức Thanh tái đắc cử. Ông Nguyễn Bắc Việt, Phó trưởng đoàn đại biểu Quốc hội "
        "được bầu làm Phó bí thư Tỉnh uỷ."
    )
    assert ("Trần Văn Lý", "Phó Chủ tịch", "", "") in _posts(
        "Chủ tịch LĐLĐ TP Hồ Chí Minh Trần Kim Yến dự. Ông Trần Văn Lý, Phó Chủ tịch Tổng LĐLĐ "
        "Việt Nam, thông tin thêm."
    )


def test_more_verbs_of_posts_and_the_first_item_of_a_career() -> None:
    # Real 035 "trước khi trở thành" (before becoming), 006 "vẫn giữ vai trò" (still plays the
    # role of), 031 "thôi tham gia Uỷ viên ..., thôi giữ chức Thứ trưởng" (left both), 019 "giữ
    # các chức vụ chủ chốt tại Hưng Yên như A, B" (such as) and 035 "từng làm các chức vụ A, B"
    assert ("Lê Thành Long", "Bí thư", "Tỉnh ủy Bến Tre", "Bến Tre") in _posts(
        "Ông Lê Thành Long là Bí thư quận 2 trước khi trở thành Bí thư Tỉnh uỷ Bến Tre."
    )
    assert ("Mai Thế Trung", "Trưởng đoàn", "Đoàn ĐBQH tỉnh Bình Dương", "Bình Dương") in _posts(
        "Ông Mai Thế Trung vẫn giữ vai trò Trưởng Đoàn đại biểu Quốc hội tỉnh Bình Dương."
    )
    assert _former(
        "Ông Nguyễn Văn Thể thôi tham gia Uỷ viên Ban cán sự Đảng Bộ Giao thông, thôi giữ chức "
        "Thứ trưởng Giao thông; giữ chức Bí thư Tỉnh uỷ Sóc Trăng."
    ) == {
        ("Nguyễn Văn Thể", "Ủy viên", "Ban cán sự đảng"),
        ("Nguyễn Văn Thể", "Thứ trưởng", "Bộ Giao thông"),
    }
    assert _former(
        "Tỉnh Hưng Yên. Ông Nguyễn Văn Thông giữ các chức vụ chủ chốt tại Hưng Yên như Phó bí thư "
        "Tỉnh uỷ, Chủ tịch HĐND tỉnh."
    ) == {
        ("Nguyễn Văn Thông", "Phó Bí thư", "Tỉnh ủy Hưng Yên"),
        ("Nguyễn Văn Thông", "Chủ tịch", "HĐND tỉnh Hưng Yên"),
    }
    assert _former(
        "Bà Nguyễn Thị Thu từng làm các chức vụ Chủ tịch UBND quận 1, Bí thư quận 1."
    ) == {
        ("Nguyễn Thị Thu", "Chủ tịch", "UBND Quận 1"),
        ("Nguyễn Thị Thu", "Bí thư", "Quận ủy Quận 1"),
    }


def test_a_given_name_that_is_also_a_sentence_opener() -> None:
    # Real 006: "Nguyễn Hữu Từ được bầu" (Từ, also "from"); a sentence glued on without its
    # full stop still ends the name ("ông Trần Văn Hưng Sau khi ...")
    facts = facts_of(
        "Tỉnh Bình Dương. Ông Nguyễn Hữu Từ được bầu làm Phó bí thư Tỉnh uỷ. Ông Trần Văn Hưng "
        "Sau khi nhậm chức đã phát biểu.",
        "2015-10",
    )
    assert [p.name for p in facts.people] == ["Nguyễn Hữu Từ", "Trần Văn Hưng"]


def test_sub_department_heads_chief_accountants_and_the_standing_deputy_pm() -> None:
    # Real 050, 014, 120
    assert _posts("Tỉnh Yên Bái. Chi cục trưởng Kiểm lâm Đỗ Cường Minh có mặt.") == {
        ("Đỗ Cường Minh", "Chi cục trưởng", "Chi cục Kiểm lâm tỉnh Yên Bái", "Yên Bái")
    }
    assert ("Hồ Đức Phớc", "Kế toán trưởng") in {
        (name, role)
        for name, role, _ in _former(
            "Ông Hồ Đức Phớc từng giữ các chức vụ: Kế toán trưởng Ban Quản lý dự án, Trưởng phòng "
            "Tài chính vật giá."
        )
    }
    assert _posts("Theo chỉ đạo của Phó Thủ tướng Thường trực Trương Hoà Bình, TP làm.") == {
        ("Trương Hòa Bình", "Phó Thủ tướng Thường trực", "Chính phủ", "")
    }


def test_a_department_followed_by_its_unit_before_the_name() -> None:
    # Real 013: "Trưởng ban Tổ chức tỉnh Phú Thọ Nguyễn Văn Khoẻ cho biết" (the province's
    # organization department, no Tỉnh ủy written): the unit ends the title chain
    assert _posts("Trưởng ban Tổ chức tỉnh Phú Thọ Nguyễn Văn Khoẻ cho biết.") == {
        ("Nguyễn Văn Khỏe", "Trưởng ban", "Ban Tổ chức Tỉnh ủy Phú Thọ", "Phú Thọ")
    }
    assert _posts("Trưởng Ban Tuyên giáo huyện Cẩm Xuyên Nguyễn Văn An phát biểu.") == {
        ("Nguyễn Văn An", "Trưởng ban", "Ban Tuyên giáo Huyện ủy Cẩm Xuyên", "Cẩm Xuyên")
    }


def test_a_body_the_tables_lack_ends_at_its_unit_and_place() -> None:
    # Real 015 ("Liên đoàn Lao đông", misspelt), 039, 014 and 087 ("Ủy ban Nhân dân" written out)
    assert _posts(
        "Tỉnh Kiên Giang. Ông Trần Thanh Việt, Chủ tịch Liên đoàn Lao đông tỉnh Kiên Giang nói."
    ) == {("Trần Thanh Việt", "Chủ tịch", "Liên đoàn Lao đông tỉnh Kiên Giang", "Kiên Giang")}
    assert _posts(
        "Tỉnh Hà Tĩnh. Ông Lê Văn An, Chủ tịch Liên hiệp các Hội Khoa học và kỹ thuật tỉnh nói."
    ) == {("Lê Văn An", "Chủ tịch", "Liên hiệp các Hội Khoa học và kỹ thuật tỉnh", "Hà Tĩnh")}
    assert _posts("Ông Nguyễn Văn Hòa - Chủ tịch Ủy ban Nhân dân tỉnh Kon Tum.") == {
        ("Nguyễn Văn Hòa", "Chủ tịch", "UBND tỉnh Kon Tum", "Kon Tum")
    }


def test_a_title_given_by_the_verb_of_the_name_before() -> None:
    # Real 019: "bầu ông A tái giữ chức Bí thư Tỉnh uỷ Sơn La, ông B được bầu làm Chủ nhiệm"
    # (A re-takes the secretary's post, B is elected chairman): B is no secretary; real 023's
    # "bà Hằng là Phó chủ tịch UBND tỉnh Lê Thị Thìn" runs into Thìn's name, and is hers
    assert _posts(
        "Ban Chấp hành bầu ông Hoàng Văn Chất tái giữ chức Bí thư Tỉnh uỷ Sơn La, ông Hoàng Quốc "
        "Khánh được bầu làm Chủ nhiệm Uỷ ban Kiểm tra Tỉnh uỷ."
    ) == {
        ("Hoàng Văn Chất", "Bí thư", "Tỉnh ủy Sơn La", "Sơn La"),
        ("Hoàng Quốc Khánh", "Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy Sơn La", "Sơn La"),
    }


def test_the_verb_after_a_relative_is_the_first_persons() -> None:
    # Real 042: "ông Lê Văn Trang (32 tuổi) con trai ông Lê Văn Sang được bổ nhiệm Bí thư xã An
    # Phú" (Trang, son of Sang, is appointed): the post is the son's
    assert _posts(
        "Huyện Mỹ Đức (Hà Nội). Ông Lê Văn Trang (32 tuổi) con trai ông Lê Văn Sang được bổ nhiệm "
        "Bí thư xã An Phú."
    ) == {("Lê Văn Trang", "Bí thư", "Đảng ủy An Phú", "An Phú")}


def test_duties_between_a_title_and_its_name_and_standing_committee_members() -> None:
    # Real 080: "Chủ tịch Lữ Văn Hùng, Phó chủ tịch thường trực kiêm phụ trách lĩnh vực văn hoá -
    # xã hội Đồng Văn Thanh, Phó chủ tịch phụ trách nông nghiệp Trương Cảnh Tuyên" (in charge
    # of); 078 "Uỷ viên Thường vụ Thành uỷ TP. HCM" (the standing committee, no "Ban")
    posts = _posts(
        "Tỉnh Hậu Giang. Thường trực UBND tỉnh Hậu Giang có 3 người: Chủ tịch Lữ Văn Hùng, Phó chủ "
        "tịch thường trực kiêm phụ trách lĩnh vực văn hoá - xã hội Đồng Văn Thanh, Phó chủ tịch "
        "phụ trách nông nghiệp Trương Cảnh Tuyên."
    )
    assert {(name, role) for name, role, _, _ in posts} == {
        ("Lữ Văn Hùng", "Chủ tịch"),
        ("Đồng Văn Thanh", "Phó Chủ tịch Thường trực"),
        ("Trương Cảnh Tuyên", "Phó Chủ tịch"),
    }
    assert _posts("Bà Nguyễn Thị Lệ - Uỷ viên Thường vụ Thành uỷ TP. HCM được bầu.") == {
        ("Nguyễn Thị Lệ", "Ủy viên", "Ban Thường vụ Thành ủy Hồ Chí Minh", "Hồ Chí Minh")
    }


def test_a_chairman_named_without_a_body_is_of_the_units_peoples_committee() -> None:
    # Real 090: "Phó chủ tịch phụ trách lĩnh vực đô thị Lê Văn Khoa xin từ nhiệm"; not when a
    # body the tables lack follows the title (084: "Phó Chủ tịch Tổng LĐLĐ Việt Nam")
    assert _posts(
        "Thành phố Hồ Chí Minh. Phó chủ tịch phụ trách lĩnh vực đô thị Lê Văn Khoa xin từ nhiệm."
    ) == {("Lê Văn Khoa", "Phó Chủ tịch", "UBND thành phố Hồ Chí Minh", "Hồ Chí Minh")}
    assert _posts(
        "Thành phố Hồ Chí Minh. Ông Trần Văn Lý, Phó Chủ tịch Tổng LĐLĐ Việt Nam, thông tin thêm."
    ) == {("Trần Văn Lý", "Phó Chủ tịch", "", "")}


def test_a_verb_after_two_names_with_titles_between_dashes() -> None:
    # Real 007: "Ông A - Uỷ viên ... - và ông B - Phó bí thư ... - được bầu giữ chức Phó bí thư
    # Tỉnh uỷ" (both elected deputy secretaries)
    posts = _posts(
        "Tỉnh Phú Yên. Ông Lương Minh Sơn - Uỷ viên Ban Thường vụ Tỉnh uỷ - và ông Hoàng Văn Trà "
        "- Phó bí thư Tỉnh uỷ khoá XV - được bầu giữ chức Phó bí thư Tỉnh uỷ."
    )
    assert ("Lương Minh Sơn", "Phó Bí thư", "Tỉnh ủy Phú Yên", "Phú Yên") in posts
    assert ("Hoàng Văn Trà", "Phó Bí thư", "Tỉnh ủy Phú Yên", "Phú Yên") in posts


def test_a_rank_told_between_the_name_and_the_title() -> None:
    # Real 032: "ông Hùng với cấp hàm đại tá - Chỉ huy trưởng Bộ chỉ huy Quân sự Tỉnh Hậu Giang"
    posts = _posts(
        "Tỉnh Hậu Giang. Ông Lữ Văn Hùng với cấp hàm đại tá - Chỉ huy trưởng Bộ chỉ huy Quân sự "
        "Tỉnh Hậu Giang - được điều động."
    )
    commander = ("Lữ Văn Hùng", "Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Hậu Giang")
    assert commander in posts
    # Real 025: "nguyên là Tư lệnh ngành Giáo dục của tỉnh" (the education sector's "commander",
    # a figure of speech for its head) is no post
    text = "Ông Nguyễn Thanh Bình nguyên là Tư lệnh ngành Giáo dục của tỉnh An Giang."
    assert _former(text) == set()


def test_a_hometown_is_no_place_for_a_body() -> None:
    # Real 035: "(53 tuổi, quê Bến Tre) ... Giám đốc Sở Nông nghiệp" in a Hồ Chí Minh article
    posts = _posts(
        "Thành phố Hồ Chí Minh. Ông Lê Thanh Liêm (53 tuổi, quê Bến Tre) là Thành uỷ viên, Giám "
        "đốc Sở Nông nghiệp và Phát triển nông thôn."
    )
    assert {locality for _, role, _, locality in posts if role == "Giám đốc"} == {"Hồ Chí Minh"}


def test_a_vote_told_again_with_only_the_person() -> None:
    # Real 002: "miễn nhiệm Uỷ viên UBND tỉnh ... đối với ông A" and, in the next sentences,
    # "Miễn nhiệm ông B, nguyên Giám đốc ... và ông C, ..." (relieved of the same post)
    former = _former(
        "Tỉnh Đồng Nai. Cụ thể, kỳ họp đã tiến hành thủ tục miễn nhiệm Uỷ viên UBND tỉnh Đồng Nai "
        "nhiệm kỳ 2016-2021 đối với ông Huỳnh Thanh Bình, nguyên Giám đốc sở Tài chính. Miễn "
        "nhiệm ông Trịnh Tuấn Liêm, nguyên Giám đốc sở Giao thông - Vận tải và ông Điểu Bảo, "
        "nguyên Trưởng ban Dân tộc tỉnh. Bầu ông Nguyễn Văn An làm Chánh Văn phòng."
    )
    members = {name for name, role, body in former if role == "Ủy viên"}
    assert members == {"Huỳnh Thanh Bình", "Trịnh Tuấn Liêm", "Điểu Bảo"}


def test_a_counted_list_with_votes_between_its_names() -> None:
    # Real 044: "Hai phó chủ tịch UBND tỉnh còn lại là bà A được 50 phiếu ...; ông B được 53
    # phiếu" (the two other vice-chairmen): both hold the post
    posts = _posts(
        'Tỉnh Nghệ An. Hai phó chủ tịch UBND tỉnh còn lại là bà Đinh Thị Lệ Thanh được 50 phiếu '
        '"tín nhiệm cao", 22 phiếu "tín nhiệm"; ông Huỳnh Thanh Điền được 53 phiếu "tín nhiệm cao".'
    )
    assert posts == {
        ("Đinh Thị Lệ Thanh", "Phó Chủ tịch", "UBND tỉnh Nghệ An", "Nghệ An"),
        ("Huỳnh Thanh Điền", "Phó Chủ tịch", "UBND tỉnh Nghệ An", "Nghệ An"),
    }
