import re

from kg.model import Article, Evidence
from kg.text import (
    Document,
    alternation,
    branch_name,
    case_variants,
    fold,
    last_word,
    match_key,
    needles,
    prefiltered,
    split_alternatives,
    split_sentences,
)


def test_fold_moves_old_tone_placement_and_keeps_length() -> None:
    assert fold("Tỉnh uỷ Thanh Hoá") == "Tỉnh ủy Thanh Hóa"
    assert fold("UỶ BAN") == "ỦY BAN"
    assert len(fold("hoà thuỷ khoẻ")) == len("hoà thuỷ khoẻ")


def test_fold_leaves_closed_syllables_and_qu_alone() -> None:
    assert fold("khoáng sản") == "khoáng sản"
    assert fold("quý") == "quý"


def test_match_key_collapses_case_space_and_placement() -> None:
    assert match_key("  Tỉnh  Uỷ Hà Tĩnh ") == match_key("tỉnh ủy hà tĩnh")


def test_sentences_keep_offsets_and_numbers_whole() -> None:
    text = "Thu 8.850,26 tỷ đồng. Sáng 5/1, Huyện ủy tổ chức hội nghị.\nToàn cảnh hội nghị"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Thu 8.850,26 tỷ đồng.",
        "Sáng 5/1, Huyện ủy tổ chức hội nghị.",
        "Toàn cảnh hội nghị",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_abbreviation_dot_does_not_end_a_sentence() -> None:
    sentences = split_sentences("Hội nghị của Thành uỷ TP. HCM ngày 6-3. Ông Nhân phát biểu.")
    assert len(sentences) == 2


def test_document_folded_text_shares_offsets() -> None:
    doc = Document(Article("a", "2022-01", "", "Bí thư Tỉnh uỷ dự."))
    start = doc.folded.index("Tỉnh ủy")
    assert doc.text[start : start + 7] == "Tỉnh uỷ"


# --- patterns written for speed: the same matches as the plain ones ----------------------------

_SAMPLES = [
    "Sáng 5/1, Huyện ủy Cẩm Xuyên tổ chức HỘI NGHỊ tổng kết; hội thảo và kỳ họp thứ 3.",
    "Tham dự có ông A. Đại hội, đại hội đại biểu, Đại Hội; Kì họp, KỲ HỌP, kỳhọp.",
    "hộı nghị, HỘİ NGHỊ, ſáu, ſÁU, haı, K Kelvin; tọa đàm-tọa đàm tọa đàmx",
    "",
]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_alternation_matches_as_the_plain_pattern() -> None:
    words = [
        "hội nghị",
        "hội thảo",
        "đại hội",
        "kỳ họp|kì họp",
        "tọa đàm",
        "sáu",
        "hai",
        "[Kk]elvin",
    ]
    branches = [b for w in words for b in split_alternatives(w)]
    plain = re.compile(rf"(?<![a-zà-ỹ])(?:{'|'.join(words)})(?![a-zà-ỹ])", re.IGNORECASE)
    fast = re.compile(
        alternation([f"{b}(?![a-zà-ỹ])" for b in branches], re.IGNORECASE, behind="[a-zà-ỹ]")
    )
    for text in _SAMPLES:
        for pos in range(len(text) + 1):
            expected, found = plain.match(text, pos), fast.match(text, pos)
            assert (expected and expected.span()) == (found and found.span())
        assert _spans(plain, text) == _spans(fast, text)


def test_alternation_names_the_branch_that_matched() -> None:
    fast = re.compile(alternation(["tổ chức", "tổng kết", "hội nghị"], re.I, names=["a", "b", "c"]))
    # in the text: "tổ chức", "HỘI NGHỊ", "tổng kết"
    assert [branch_name(m) for m in fast.finditer(_SAMPLES[0])] == ["a", "c", "b"]


def test_alternation_keeps_branch_order() -> None:
    plain = re.compile("thị xã|thị|xã")
    fast = re.compile(alternation(["thị xã", "thị", "xã"]))
    for text in ("thị xã", "thị trấn", "xã hội thị"):
        assert _spans(plain, text) == _spans(fast, text)


def test_case_variants_are_what_ignorecase_matches() -> None:
    assert set(case_variants("i")) == {"i", "I", "İ", "ı"}
    assert set(case_variants("s")) == {"s", "S", "ſ"}
    assert set(case_variants("k")) == {"k", "K", "\u212a"}
    assert set(case_variants("ộ")) == {"ộ", "Ộ"}


def test_prefiltered_reads_past_optional_items() -> None:
    pattern = "(?:Trung ương )?(?:Hội|Liên đoàn) [A-Z]"
    fast = prefiltered(pattern)
    assert fast.pattern.startswith("(?=[")
    for text in ("Trung ương Hội X", "Hội Y, Liên đoàn Z", "trung ương Hội X"):
        assert _spans(re.compile(pattern), text) == _spans(fast, text)


def test_last_word() -> None:
    long = "x" * 100 + " " + "y" * 80
    for text in ("", " ", "ab", "ab cd", "ab  ", long, "z" * 200):
        expected = re.search(r"(\S+)$", text)
        found = last_word(text)
        assert (expected and expected.span()) == (found and found.span())


def test_needles_let_through_every_text_a_word_pattern_matches() -> None:
    words = ["hội nghị", "đại hội", "kỳ họp", "sáu", "hai", "tỉnh ủy", "đảng bộ tỉnh"]
    quick = needles(words)
    pattern = re.compile(alternation(words, re.IGNORECASE))
    samples = [*_SAMPLES, "HỘI NGHỊ", "Tỉnh Ủy", "haİ", "ĐẢNG BỘ TỈNH", "hội", "sau"]
    for text in samples:
        if pattern.search(text):
            assert quick.may_hold(text.lower(), text), text
    assert not quick.may_hold("huyện ủy", "huyện ủy")  # none of the words, no odd letter
    # the run that the most words share (the longest on a tie) first
    shared = needles(["tỉnh ủy", "thị ủy", "huyện ủy", "đảng bộ tỉnh"])
    assert shared.strings == ("ủy", "đảng bộ tỉnh")
    assert needles(["tỉnh ủy", "huyện ủy", "đảng bộ tỉnh", "đảng bộ huyện"]).strings == (
        "đảng bộ",
        "ủy",
    )
    assert needles(["hai", "sáu"]).odd == ("İ", "ı", "ſ")[:0] + tuple(sorted("ıẛ"[:0] + "İıſ"))


def test_evidence_of_a_sentence_is_a_plain_evidence() -> None:
    sentence = split_sentences("Tiêu đề.\n\nCâu một. Câu hai.")[1]
    made = sentence.evidence(1, 3)
    assert made == Evidence(sentence.text, sentence.start + 1, sentence.start + 3)
    assert vars(made) == vars(Evidence(sentence.text, sentence.start + 1, sentence.start + 3))
    assert hash(made) == hash(Evidence(sentence.text, sentence.start + 1, sentence.start + 3))
