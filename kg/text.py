"""The text layer: NFC, tone-placement folding, sentences with character offsets.

Vietnamese has two tone placements in the open syllables oa, oe, uy: the old one marks the
second vowel ("hoá", "uỷ"), the modern one the first ("hóa", "ủy"). :func:`fold` rewrites the
old placement to the modern one *without changing the string's length*, so a match found in
the folded text has the same offsets in the original text, and evidence keeps the original.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from kg.model import Article, Evidence

# Tone marks as combining characters (NFD): grave, acute, hook, tilde, dot below.
_TONES = "\u0300\u0301\u0309\u0303\u0323"


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    tone = next((c for c in decomposed if c in _TONES), "")
    bare = unicodedata.normalize("NFC", decomposed.replace(tone, ""))
    return unicodedata.normalize("NFC", first + tone) + bare


# o/u followed by a tone-marked a/e/y that ends the syllable, not after "q" ("quý" is
# correct in both placements) and not before another letter ("khoáng" has a final consonant).
_VOWEL_WITH_TONE = "áàảãạÁÀẢÃẠéèẻẽẹÉÈẺẼẸýỳỷỹỵÝỲỶỸỴ"
_OLD_PLACEMENT = re.compile(rf"(?<![qQ])([oOuU])([{_VOWEL_WITH_TONE}])(?!\w)")


def _letters(predicate) -> str:
    return "".join(
        c
        for c in map(chr, range(0x41, 0x1EFA))
        if predicate(c) and unicodedata.name(c, "").startswith("LATIN")
    )


# Character classes of Vietnamese letters ("[A-ZÀ-Ỹ]" would also take the lower-case letters
# that Unicode interleaves with the upper-case ones in that range).
UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
TITLE_WORD = rf"[{UPPER}][{LOWER}]*"


def normalize(text: str) -> str:
    """NFC, unified line ends, non-breaking spaces as spaces."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def fold(text: str) -> str:
    """Modern tone placement ("uỷ" → "ủy", "Hoá" → "Hóa"); same length as the input."""
    return _OLD_PLACEMENT.sub(_move_tone, text)


def match_key(text: str) -> str:
    """The form strings are compared in: folded, lower-cased, white space collapsed."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).lower().split())


@dataclass(frozen=True)
class Sentence:
    text: str  # original text
    start: int  # offset in Article.text
    end: int
    paragraph: int  # index of the paragraph it belongs to

    def evidence(self, start: int | None = None, end: int | None = None) -> Evidence:
        """Evidence for a span given in sentence-relative offsets (whole sentence by default)."""
        s = self.start + (0 if start is None else start)
        e = self.start + (len(self.text) if end is None else end)
        return Evidence(self.text, s, e)


# A sentence ends at . ! ? … (or a run of them) followed by space and a capital, quote or
# dash; "8.850,26" and "TP.HCM" have no space after the dot and stay whole.
_SENTENCE_END = re.compile(rf"[.!?…]+[\"”’)]?(\s+)(?=[\"“‘(\-–*]?\s*[{UPPER}0-9])")
_PARAGRAPH = re.compile(r"[^\n]+")
# Abbreviations that end in a dot without ending the sentence: "TP. HCM", "PGS. TS. Lê".
_ABBREVIATION = re.compile(r"(?<![\w])(?:TP|Tp|TS|PGS|GS|ThS|BS|KS|Th\.S|NXB|St|TT|P|Q|X|H)$")


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        chunk, base = para.group(0), para.start()
        cursor = 0
        for boundary in _SENTENCE_END.finditer(chunk):
            if _ABBREVIATION.search(chunk, 0, boundary.start(1) - 1):
                continue
            piece = chunk[cursor : boundary.start(1)]
            _append(sentences, piece, base + cursor, index)
            cursor = boundary.end(1)
        _append(sentences, chunk[cursor:], base + cursor, index)
    return sentences


def _append(out: list[Sentence], piece: str, start: int, paragraph: int) -> None:
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    out.append(Sentence(stripped, start + lead, start + lead + len(stripped), paragraph))


class Document:
    """An article prepared for extraction: original text, folded text and sentences."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.folded = fold(self.text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    def folded_sentence(self, sentence: Sentence) -> str:
        return self.folded[sentence.start : sentence.end]

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        raise ValueError(f"offset {offset} is outside every sentence of {self.article.id}")
