from kg.extract.localities import LocalityIndex, extract_localities, focus_locality
from kg.gazetteer import gazetteer
from kg.model import Article
from kg.text import Document


def _names(text: str, date: str = "2022-01") -> set[tuple[str, str, str]]:
    mentions = extract_localities(Document(Article("t", date, "", text)))
    return {
        (m.locality.name, m.locality.level, m.locality.parent.name if m.locality.parent else "")
        for m in mentions
    }


def test_gazetteer_has_pre_2025_units_with_codes() -> None:
    (ky_anh_huyen, ky_anh_thi_xa) = sorted(
        gazetteer().lookup("Kỳ Anh", "district"), key=lambda x: x.unit
    )
    assert (ky_anh_huyen.unit, ky_anh_huyen.code, ky_anh_huyen.parent.name) == (
        "huyện",
        "447",
        "Hà Tĩnh",
    )
    assert ky_anh_thi_xa.unit == "thị xã"
    assert gazetteer().province("Thanh Hoá").code == "38"  # old tone placement


def test_district_with_province_in_brackets() -> None:
    found = _names("huyện Cẩm Xuyên (Hà Tĩnh) đã giành nhiều kết quả toàn diện.")
    assert found == {("Cẩm Xuyên", "district", "Hà Tĩnh"), ("Hà Tĩnh", "province", "")}


def test_unit_word_resolves_kỳ_anh_huyện_not_thị_xã() -> None:
    mentions = extract_localities(
        Document(
            Article(
                "t",
                "2024-01",
                "",
                "Đến nay, huyện Kỳ Anh đã có 20/20 xã đạt chuẩn NTM; "
                "xã Kỳ Châu đạt chuẩn NTM kiểu mẫu.",
            )
        )
    )
    ky_anh = next(m.locality for m in mentions if m.locality.name == "Kỳ Anh")
    assert (ky_anh.unit, ky_anh.code) == ("huyện", "447")
    ky_chau = next(m.locality for m in mentions if m.locality.name == "Kỳ Châu")
    assert (ky_chau.level, ky_chau.parent.name) == ("commune", "Kỳ Anh")


def test_district_implies_its_province_when_the_article_never_names_it() -> None:
    found = _names("Chiều 29-6, Ban Chấp hành Đảng bộ huyện Hà Trung tổ chức hội nghị sơ kết.")
    assert found == {("Hà Trung", "district", "Thanh Hóa"), ("Thanh Hóa", "province", "")}


def test_list_after_one_unit_word_and_upgraded_commune() -> None:
    found = _names("tại hai xã Nghi Tiến, Nghi Yên, huyện Nghi Lộc, tỉnh Nghệ An")
    assert ("Nghi Yên", "commune", "Nghi Lộc") in found
    assert ("Nghi Tiến", "commune", "Nghi Lộc") in found
    # Kỳ Đồng has been a thị trấn since 2020; the article still says "xã".
    assert ("Kỳ Đồng", "commune", "Kỳ Anh") in _names(
        "huyện Kỳ Anh; xã Kỳ Đồng đã hoàn thành các tiêu chí"
    )


def test_hcm_abbreviations_and_numbered_districts() -> None:
    found = _names("sáp nhập 3 quận (quận 2, quận 9 và quận Thủ Đức) của TPHCM")
    assert {
        ("Hồ Chí Minh", "province", ""),
        ("Quận 2", "district", "Hồ Chí Minh"),
        ("Quận 9", "district", "Hồ Chí Minh"),
        ("Thủ Đức", "district", "Hồ Chí Minh"),
    } <= found


def test_person_and_thought_are_not_places() -> None:
    found = _names("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại Hà Tĩnh")
    assert found == {("Hà Tĩnh", "province", "")}


def test_focus_and_nearest_unit_for_unnamed_bodies() -> None:
    doc = Document(
        Article(
            "t", "2022-01", "", "Sáng 5/1, Huyện ủy Cẩm Xuyên tổ chức hội nghị. Tỉnh ủy chỉ đạo."
        )
    )
    mentions = extract_localities(doc)
    assert focus_locality(mentions).name == "Cẩm Xuyên"
    index = LocalityIndex(mentions, doc.sentences)
    second = doc.sentences[1].start
    assert index.nearest("province", second).name == "Hà Tĩnh"
    assert index.nearest("district", second).name == "Cẩm Xuyên"


def test_a_bare_province_name_is_the_province_not_its_city() -> None:
    found = _names("Ông Duy sinh năm 1970, quê huyện Thái Thụy, Thái Bình.", "")
    assert found == {("Thái Thụy", "district", "Thái Bình"), ("Thái Bình", "province", "")}


def test_last_word_before_a_match_is_the_regex_one() -> None:
    from kg.extract.localities import _last_word
    from kg.text import last_word

    for text in ("", " ", "Hà", "ông Nguyễn", "a\tVăn", "x (Lâm", "ab\n", "y" * 90, "z  Kỳ"):
        match = last_word(text)
        assert _last_word(text) == (match.group(1) if match else None)


def test_thua_thien_hue_is_the_province_its_articles_name() -> None:
    # The package names it Huế (a city from January 2025); real 011 writes "Thừa - Thiên Huế"
    province = gazetteer().province("Thừa - Thiên Huế")
    assert (province.name, province.unit, province.code) == ("Thừa Thiên Huế", "tỉnh", "46")
    assert _names("Bí thư Tỉnh uỷ Thừa Thiên - Huế và lãnh đạo thành phố Huế dự.") == {
        ("Thừa Thiên Huế", "province", ""),
        ("Huế", "district", "Thừa Thiên Huế"),
    }


def test_a_lower_case_word_after_a_unit_word_is_no_name() -> None:
    # Real 021's title: "the chairman of a commune used a fake degree"; Dùng is also a commune
    assert _names("Chủ tịch UBND xã dùng bằng đại học giả ở Chu Phan") == set()
    # Headlines in capitals still name units
    assert ("Yên Định", "district", "Thanh Hóa") in _names("HUYỆN YÊN ĐỊNH TỔNG KẾT NĂM")


def test_a_city_named_like_its_province_is_the_provincial_city() -> None:
    # Real 046 and 016: "tại thành phố Hà Giang", "Bí thư Thành uỷ TP Bạc Liêu": the province
    # is a tỉnh, so "thành phố X" is its city, a district-level unit
    assert ("Hà Giang", "district", "Hà Giang") in _names("Hội nghị tại thành phố Hà Giang.")
    assert ("Bạc Liêu", "district", "Bạc Liêu") in _names("Bí thư Thành uỷ TP Bạc Liêu dự.")
    assert _names("Thành phố Hà Nội tổ chức hội nghị.") == {("Hà Nội", "province", "")}


def test_a_list_after_one_unit_word_goes_on_from_the_unit_read() -> None:
    # Real 037 and 109: the name after a unit word is read ignoring case (headlines), so it ran
    # on into "và" and the list's next item was lost
    assert ("Vĩnh Lộc B", "commune", "Bình Chánh") in _names(
        "Hai xã Vĩnh Lộc A và Vĩnh Lộc B của huyện Bình Chánh."
    )
    assert ("Quận 2", "district", "Hồ Chí Minh") in _names("Đường nối quận 1 và 2 của TP HCM.")


def test_an_upgraded_unit_under_its_old_type_in_its_own_province() -> None:
    # Real 006: "Bí thư Huyện uỷ Tân Uyên" in a Bình Dương article is Bình Dương's Tân Uyên (a
    # thị xã since 2013), not Lai Châu's huyện Tân Uyên; alone, the huyện is still read
    found = _names(
        "Ông Trần Văn Nam (quê Tân Uyên, Bình Dương) từng là Bí thư Huyện uỷ Tân Uyên, Phó chủ "
        "tịch UBND tỉnh Bình Dương."
    )
    assert found == {("Tân Uyên", "district", "Bình Dương"), ("Bình Dương", "province", "")}
    assert _names("Bí thư Huyện uỷ Tân Uyên dự.") == {
        ("Tân Uyên", "district", "Lai Châu"),
        ("Lai Châu", "province", ""),
    }
