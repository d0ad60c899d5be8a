"""Vietnamese number grammar: digits, separators, ranges, ratios and scale words.

In Vietnamese numbers "." groups thousands and "," is the decimal mark: "2.365" is 2365,
"8.850,26" is 8850.26, "49,09" is 49.09. A scale word multiplies ("520 tỷ" is 520e9,
"10 vạn" is 1e5). Two numbers joined by a dash are a range ("8,5-9%", "1- 1,5%"), joined by a
slash or by "trên (tổng số)" a ratio ("23/25", "63 trên tổng số 68").

The functions here read one number, or one quantity at a given offset of a (lower-cased)
text; what the quantity measures is the indicator grammar's business (``indicators.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.text import alternation

# A number as articles write it. Not glued to letters or other digits, and not the head of a
# longer dotted or slashed token ("3.0", "18/02/2019" are read by the callers that want them).
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
# (?<![\w.,])(?:NUMBER)(?![\d]|[.,]\d), written to start with its first digit (the regex
# engine then skips to digits instead of trying every position): NUMBER is
# "\d{1,3}(...)|\d+(...)", the first digit taken out of both branches.
_NUMBER_TOKEN = re.compile(
    r"\d(?<![\w.,](?s:.))(?:\d{0,2}(?:\.\d{3})+(?:,\d+)?|\d*(?:,\d+)?)(?![\d]|[.,]\d)"
)
_FULL_NUMBER = re.compile(rf"(?:{NUMBER})")

# Scale words: they multiply the number before them.
SCALES: dict[str, float] = {
    "tỷ": 1e9,
    "tỉ": 1e9,
    "triệu": 1e6,
    "nghìn": 1e3,
    "ngàn": 1e3,
    "vạn": 1e4,
    "trăm": 1e2,
}
_SCALE = re.compile(
    r"\s*(" + "|".join(sorted(SCALES, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE
)

# Numbers written as words; "một" and "năm" are left out on purpose ("một số" = "some",
# "năm" = "year"), so only unambiguous words count.
NUMBER_WORDS: dict[str, int] = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
# (?<![\w])(hai|ba|...)(?!\w), ignoring case
_WORD_NUMBER = re.compile(
    "(" + alternation(list(NUMBER_WORDS), re.IGNORECASE, behind=r"\w") + r")(?!\w)"
)

# Joiners between two numbers.
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|đến|tới)\s*")
_RATIO_JOIN = re.compile(r"/|\s+trên\s+(?:tổng\s+số\s+)?", re.IGNORECASE)
_COMMA_THOUSANDS = re.compile(r"\d{1,3},\d{3}")
_PERCENT_SIGN = re.compile(r"\s*%")
_DATE_SLASH = re.compile(r"/\d")


def parse_number(token: str, comma_thousands: bool = False) -> float:
    """The value of one number token: "2.365" → 2365, "8.850,26" → 8850.26, "49,09" → 49.09.

    With ``comma_thousands`` a comma followed by exactly three digits and no dot elsewhere
    ("100,550") is read as a thousands separator, the English habit some articles slip into.
    """
    token = token.strip()
    if not _FULL_NUMBER.fullmatch(token):
        raise ValueError(f"not a Vietnamese number: {token!r}")
    if comma_thousands and "." not in token and _COMMA_THOUSANDS.fullmatch(token):
        return float(token.replace(",", ""))
    return float(token.replace(".", "").replace(",", "."))


def format_number(value: float, decimals: int | None = None) -> str:
    """A value written the Vietnamese way: 2365 → "2.365", 8850.26 → "8.850,26"."""
    if decimals is None:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:.{decimals}f}"
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = sign + ".".join(groups)
    return f"{out},{frac}" if frac else out


# Not frozen (treat it as immutable; ``dataclasses.replace`` makes a changed copy): a sentence
# makes one per number, and a frozen dataclass sets every field through object.__setattr__.
@dataclass(slots=True)
class Quantity:
    """A number as written, before its unit is known.

    ``start``/``end`` are offsets in the text searched; ``value`` and ``max``/``of`` are the
    bare numbers times ``scale`` (the scale word, 1 when there is none).
    """

    start: int
    end: int
    value: float
    max: float | None = None  # upper bound of a range
    of: float | None = None  # denominator of a ratio
    scale: float = 1.0
    scale_word: str = ""
    raw: str = ""  # the first number token as written
    ambiguous_comma: bool = False  # "100,550": a comma before exactly three digits
    spelled: bool = False  # written as a word ("hai")


def number_tokens(text: str) -> list[re.Match[str]]:
    """Every number token in ``text``."""
    return list(_NUMBER_TOKEN.finditer(text))


def _token_value(token: str) -> float:
    """``parse_number(token)`` for a token ``_NUMBER_TOKEN`` matched: one of NUMBER already."""
    return float(token.replace(".", "").replace(",", "."))


# Where any of the joiners and scale words that ``read_quantity`` looks for may follow a
# number: a "%", a dash, a slash or one of the words, after optional space (ignoring case, as
# the scale and ratio patterns do). Most numbers have none after them: one test instead of four.
_MAYBE_MORE = re.compile(
    r"\s*(?:[%/\-–—]|đến|tới|trên|" + "|".join(sorted(SCALES, key=len, reverse=True)) + ")",
    re.IGNORECASE,
)


def read_quantity(text: str, match: re.Match[str]) -> Quantity:
    """The quantity that starts with the number token ``match``: range, ratio and scale.

    ``text`` should be lower-cased (the caller's folded sentence); offsets are kept.
    """
    raw = match.group(0)
    value = _token_value(raw)
    ambiguous = "," in raw and "." not in raw and _COMMA_THOUSANDS.fullmatch(raw) is not None
    pos = match.end()
    if _MAYBE_MORE.match(text, pos) is None:
        return Quantity(match.start(), pos, value, raw=raw, ambiguous_comma=ambiguous)
    upper: float | None = None
    of: float | None = None
    # "1- 1,5%", "8,5-9%", "7-10%", "3,8 – 3,86%": a range (a "%" may sit on both ends).
    after_pct = _PERCENT_SIGN.match(text, pos)
    probe = after_pct.end() if after_pct else pos
    joint = _RANGE_JOIN.match(text, probe)
    if joint:
        second = _NUMBER_TOKEN.match(text, joint.end())
        if second and not _is_year_pair(raw, second.group(0)):
            upper = _token_value(second.group(0))
            if upper > value:
                pos = second.end()
            else:
                upper = None
    if upper is None:
        joint = _RATIO_JOIN.match(text, pos)
        if joint:
            second = _NUMBER_TOKEN.match(text, joint.end())
            # "18/02/2019" is a date, not a ratio.
            if second and not _DATE_SLASH.match(text, second.end(), second.end() + 2):
                of = _token_value(second.group(0))
                pos = second.end()
    scale, words = 1.0, []
    # "14 nghìn tỷ đồng": scale words multiply one another (14 × 10³ × 10⁹)
    while found := _SCALE.match(text, pos):
        words.append(found.group(1).lower())
        scale *= SCALES[words[-1]]
        pos = found.end()
    word = " ".join(words)
    return Quantity(
        start=match.start(),
        end=pos,
        value=value * scale,
        max=None if upper is None else upper * scale,
        of=of,
        scale=scale,
        scale_word=word,
        raw=raw,
        ambiguous_comma=ambiguous,
    )


def word_quantities(text: str) -> list[Quantity]:
    """Numbers written as words ("hai bí thư"): value only, no range or scale."""
    return [
        Quantity(m.start(), m.end(), float(NUMBER_WORDS[word]), raw=m.group(1), spelled=True)
        for m in _WORD_NUMBER.finditer(text)
        # Ignoring case, the pattern also matches "haı" and "ſáu" ("ı" and "ſ" fold to "i"
        # and "s"), which lower-case to no number word: not Vietnamese, so not a number.
        if (word := m.group(1).lower()) in NUMBER_WORDS
    ]


def has_number_word(text: str) -> bool:
    """Whether ``word_quantities(text)`` finds anything."""
    return _WORD_NUMBER.search(text) is not None


def _is_year_pair(first: str, second: str) -> bool:
    """ "2015-2020", "2021- 2026": a span of years, not a range of values."""
    return (
        len(first) == 4
        and len(second) == 4
        and first.isdigit()
        and second.isdigit()
        and 1900 <= int(first) <= 2100
    )


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100
