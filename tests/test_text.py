from kg.model import Article
from kg.text import Document, fold, match_key, split_sentences


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
