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
from functools import cached_property, lru_cache

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


def _first_chars(items: list) -> set[str] | None:
    """The characters a match of parsed regex ``items`` can start with (None: can't tell)."""
    from re import _constants as c

    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: the first character comes after it
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            chars: set[str] = set()
            for o, a in av:
                if o is c.LITERAL:
                    chars.add(chr(a))
                elif o is c.RANGE and a[1] - a[0] < 4096:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return chars
        if op is c.BRANCH:
            found: set[str] = set()
            for branch in av[1]:
                first = _first_chars(branch)
                if first is None:
                    return None
                found |= first
            return found
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return _first_chars(av[3])
        return None
    return None


def prefiltered(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled with a look-ahead for the characters its matches start with.

    The matches are the same; the engine rejects most positions with one class test instead
    of trying every branch (and every look-behind) there. Patterns whose first character
    cannot be told (an optional start, a negated class) are compiled as they are.
    """
    try:
        from re import _parser

        first = _first_chars(list(_parser.parse(pattern, flags)))
    except Exception:  # noqa: BLE001 - a private module: fall back to the plain pattern
        first = None
    if not first:
        return re.compile(pattern, flags)
    chars = "".join(re.escape(ch) for ch in sorted(first))
    return re.compile(f"(?=[{chars}])(?:{pattern})", flags)


_LAST_WORD = re.compile(r"(\S+)$")


def last_word(text: str, window: int = 64) -> re.Match[str] | None:
    r"""``re.search(r"(\S+)$", text)``, without scanning all of a long ``text``.

    The search starts ``window`` characters before the end; a match found right at that
    start may be the tail of a longer word, and only then is the whole text searched.
    """
    start = max(0, len(text) - window)
    match = _LAST_WORD.search(text, start)
    if match is not None and start and match.start() == start:
        return _LAST_WORD.search(text)
    return match


def longest_match(pattern: re.Pattern[str]) -> int:
    """The most characters a match of ``pattern`` can span (ValueError when unbounded)."""
    from re import _parser

    width = _parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    if width >= _parser.MAXREPEAT:
        raise ValueError(f"matches of {pattern.pattern!r} have no bound")
    return width


def normalize(text: str) -> str:
    """NFC, unified line ends, non-breaking spaces as spaces."""
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


def fold(text: str) -> str:
    """Modern tone placement ("uỷ" → "ủy", "Hoá" → "Hóa"); same length as the input."""
    return _OLD_PLACEMENT.sub(_move_tone, text)


# Cached: extractors look up the same short names (gazetteer keys, people's names) over and
# over, and the key of a string never changes.
@lru_cache(maxsize=1 << 16)
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
# An abbreviation ends where the search ends, so the search starts no further back than the
# longest abbreviation, instead of at the start of the paragraph.
_ABBREVIATION_REACH = longest_match(_ABBREVIATION)


def split_sentences(text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        chunk, base = para.group(0), para.start()
        cursor = 0
        for boundary in _SENTENCE_END.finditer(chunk):
            dot = boundary.start(1) - 1
            if _ABBREVIATION.search(chunk, max(0, dot - _ABBREVIATION_REACH), dot):
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
