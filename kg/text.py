"""The text layer: NFC, tone-placement folding, sentences with character offsets.

Vietnamese has two tone placements in the open syllables oa, oe, uy: the old one marks the
second vowel ("hoá", "uỷ"), the modern one the first ("hóa", "ủy"). :func:`fold` rewrites the
old placement to the modern one *without changing the string's length*, so a match found in
the folded text has the same offsets in the original text, and evidence keeps the original.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from functools import cache, cached_property, lru_cache
from typing import Any

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
# (The look-behind for "q" comes after the "o"/"u": a pattern that starts with a character
# class lets the regex engine skip to those characters.)
_OLD_PLACEMENT = re.compile(rf"([oOuU])(?<![qQ](?s:.))([{_VOWEL_WITH_TONE}])(?!\w)")


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
# Where a word starts and ends: no letter just before, no letter just after.
WORD_START = rf"(?<![{LOWER}{UPPER}])"
WORD_END = rf"(?![{LOWER}{UPPER}])"


def _first_chars(items: list) -> set[str] | None:
    """The characters a match of parsed regex ``items`` can start with (None: can't tell)."""
    from re import _constants as c

    optional: set[str] = set()  # first characters of optional items before this one
    for op, av in items:
        if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
            continue  # zero-width: the first character comes after it
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _, body = av
            first = _first_chars(list(body))
            if first is None:
                return None
            if low and body.getwidth()[0]:
                return optional | first
            optional |= first  # it may match nothing: the next item may start the match
            continue
        found = _first_one(op, av, c)
        return None if found is None else optional | found
    return None


def _first_one(op: Any, av: Any, c: Any) -> set[str] | None:
    """The characters a match of one parsed item that consumes some starts with."""
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
        return _first_chars(list(av[3]))
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


# --- word lists the regex engine can skip to --------------------------------------------------
#
# The regex engine tries a pattern at every position of the text, unless the pattern starts
# with a case-sensitive literal or character class: then it skips, in C, to the next position
# holding one of those characters, and an alternation whose branches all start with a literal
# tries only the branches of that character. A word list matched case-insensitively after a
# look-behind ("(?<![a-z])(?:hội nghị|kỳ họp|...)", re.IGNORECASE) gets neither, and costs a
# try of every branch at every position. :func:`alternation` writes the same pattern starting
# with the first character of each branch, in each of its case variants, with the look-behind
# moved after it: the same matches, found several times faster.

_SPECIAL = frozenset("\\.^$*+?{}[]|()")


def word_alternation(words: Iterable[str]) -> str:
    """Literal words as the branches of a regular expression, escaped, longest first (so that
    a word is tried before its own prefix): ``["dự", "dự và chỉ đạo"]``: ``dự và chỉ đạo|dự``."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def split_alternatives(pattern: str) -> list[str]:
    """The top-level branches of a regular expression: "a|b(?:c|d)" gives "a", "b(?:c|d)"."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _class_end(pattern: str, i: int) -> int:
    """Just past the character class that opens at ``pattern[i]``."""
    j = i + 1
    if pattern[j : j + 1] == "^":
        j += 1
    if pattern[j : j + 1] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1


def _first_element(branch: str) -> tuple[str, str]:
    """The characters a branch starts with (one literal, or a class of plain literals) and the
    rest of it; ValueError for any other start."""
    if branch[:1] == "[":
        end = _class_end(branch, 0)
        chars, rest = branch[1 : end - 1], branch[end:]
        if not chars or any(ch in _SPECIAL or ch in "-^" for ch in chars):
            raise ValueError(f"not a class of plain characters: {branch!r}")
    elif branch and branch[0] not in _SPECIAL:
        chars, rest = branch[0], branch[1:]
    else:
        raise ValueError(f"does not start with a literal: {branch!r}")
    if rest[:1] in ("*", "+", "?", "{"):
        raise ValueError(f"the first character is repeated: {branch!r}")
    return chars, rest


@cache
def _upper_cases() -> dict[str, str]:
    """Lower case -> the other characters that lower-case to it (by its first character for
    the one that lower-cases to two, "İ")."""
    found: dict[str, str] = {}
    for ch in map(chr, range(sys.maxunicode + 1)):
        low = ch.lower()
        if low != ch:
            found[low[0]] = found.get(low[0], "") + ch
    return found


@cache
def case_variants(ch: str) -> str:
    """Every character that ``ch`` matches under re.IGNORECASE: those whose (simple) lower
    case is ``ch``'s, or one the engine counts as the same letter ("ı" for "i")."""
    from re._casefix import _EXTRA_CASES

    low = ch.lower()
    if len(low) != 1:
        raise ValueError(f"no single lower case: {ch!r}")
    same = [low, *map(chr, _EXTRA_CASES.get(ord(low), ()))]
    candidates = {ch, *same} | {c for x in same for c in _upper_cases().get(x, "")}
    test = re.compile(re.escape(ch), re.IGNORECASE)
    return "".join(sorted(c for c in candidates if test.fullmatch(c)))


def alternation(
    branches: list[str],
    flags: int = 0,
    *,
    behind: str = "",
    names: list[str] | None = None,
    depth: int = 3,
) -> str:
    """A pattern that matches as ``(?<!BEHIND)(?:BRANCH|BRANCH|...)`` compiled with ``flags``
    would, written to start with the branches' first characters (see above).

    Compile it *without* ``flags``: they are set inside. Each branch must start with a
    literal or a class of plain literals. ``behind`` is a look-behind pattern one character
    wide. With ``names``, each branch is in a group named after its name: ``name_N`` (one
    per copy of the branch); :func:`branch_name` reads it back off a match. Up to ``depth``
    characters deep, branches that go on with a literal are told apart by it the same way
    (a character class the engine tests without trying the branch).

    The branches that start with one character keep their order, and branches that start
    with different ones never match at the same position (no character matches both), so
    at every position the same branch matches.
    """
    ignorecase = bool(flags & re.IGNORECASE)
    if flags & ~re.IGNORECASE:
        raise ValueError("only re.IGNORECASE is supported")
    groups = _by_first(list(enumerate(branches)), ignorecase)
    if groups is None:
        raise ValueError(f"not every branch starts with a literal: {branches!r}")
    copies = iter(range(1 << 30))  # group names must be unique: each copy gets a number
    out: list[str] = []
    for variants, entries in groups:
        for variant in variants:
            inner = _dispatch(entries, ignorecase, names, copies, depth - 1, behind, 1)
            out.append(f"{re.escape(variant)}{'(?i:' if ignorecase else '(?:'}{inner})")
    return "(?:" + "|".join(out) + ")"


def _by_first(
    entries: list[tuple[int, str]], ignorecase: bool
) -> list[tuple[str, list[tuple[int, str]]]] | None:
    """Branches (numbered, in order) grouped by their first character: (its variants, the
    rests in order); None when a branch does not start with a literal."""
    groups: dict[str, tuple[str, list[tuple[int, str]]]] = {}
    for number, branch in entries:
        try:
            chars, rest = _first_element(branch)
        except ValueError:
            return None
        for ch in chars:
            key = ch.lower() if ignorecase else ch
            variants = case_variants(ch) if ignorecase else ch
            rests = groups.setdefault(key, (variants, []))[1]
            if (number, rest) not in rests:
                rests.append((number, rest))
    seen: set[str] = set()
    for variants, _ in groups.values():
        if seen & set(variants):
            raise ValueError(f"first characters match each other: {sorted(groups)}")
        seen |= set(variants)
    return list(groups.values())


def _dispatch(
    entries: list[tuple[int, str]],
    ignorecase: bool,
    names: list[str] | None,
    copies: Iterator[int],
    depth: int,
    behind: str,
    consumed: int,
) -> str:
    """The rests of the branches after a common start of ``consumed`` characters, as an
    alternation (see above). The look-behind for ``behind`` comes once the characters that
    tell branches apart are read (it is the slower test), looking back past them."""
    groups = _by_first(entries, ignorecase) if depth > 0 else None
    if groups is None or len(entries) == 1:
        look = f"(?<!{behind}(?s:.{{{consumed}}}))" if behind else ""
        if names is None:
            rests = [f"(?:{rest})" for _, rest in entries]
        else:
            rests = [f"(?P<{names[n]}_{next(copies)}>{rest})" for n, rest in entries]
        return look + "(?:" + "|".join(rests) + ")"
    out = []
    for variants, rests in groups:
        chars = "".join(re.escape(ch) for ch in variants)
        inner = _dispatch(rests, ignorecase, names, copies, depth - 1, behind, consumed + 1)
        out.append(f"(?-i:[{chars}]){inner}")
    return "(?:" + "|".join(out) + ")"


@dataclass(frozen=True)
class Needles:
    """A quick test for whether a text may hold one of some words, written in any case: a
    text that holds one holds one of ``strings`` once lower-cased, or one of ``odd``.

    A prefilter for patterns that need one of the words (compiled with re.IGNORECASE):
    ``in`` runs many times faster than the regex engine scans a text. ``odd`` are the
    characters that match a letter of the strings under re.IGNORECASE but lower-case to
    another ("İ" and "ı" match "i", "ſ" matches "s"): a text with one is always let through.
    """

    strings: tuple[str, ...]
    odd: tuple[str, ...]

    def may_hold(self, low: str, text: str) -> bool:
        """Whether ``text`` (lower-cased: ``low``) may hold one of the words."""
        return any(n in low for n in self.strings) or any(c in text for c in self.odd)


def needles(words: list[str]) -> Needles:
    """The :class:`Needles` of ``words``: runs of whole words shared by as many of them as
    possible (the longest of those), chosen greedily until every word holds one."""
    left = {word.lower() for word in words}
    chosen: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for word in left:
            tokens = word.split(" ")
            runs = {
                " ".join(tokens[i:j])
                for i in range(len(tokens))
                for j in range(i + 1, len(tokens) + 1)
            } - {""}
            for run in runs:
                counts[run] = counts.get(run, 0) + 1
        best = max(counts, key=lambda run: (counts[run], len(run), run))
        chosen.append(best)
        left = {word for word in left if best not in word}
    odd = {v for needle in chosen for ch in needle for v in case_variants(ch) if v.lower() != ch}
    return Needles(tuple(chosen), tuple(sorted(odd)))


def branch_name(match: re.Match[str]) -> str:
    """The name of the branch of an :func:`alternation` (with names) that matched."""
    return match.lastgroup.rsplit("_", 1)[0]


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
        return _evidence(self.text, s, e)


def _new_evidence(sentence: str, start: int, end: int) -> Evidence:
    """``Evidence(sentence, start, end)`` without the frozen dataclass's ``__init__``, which
    sets each field through ``object.__setattr__``: the same instance (the same ``__dict__``)
    at less than half the cost, and every fact has one."""
    evidence = object.__new__(Evidence)
    values = evidence.__dict__
    values["sentence"] = sentence
    values["start"] = start
    values["end"] = end
    return evidence


# Only while Evidence is a plain frozen dataclass of those three fields (no __post_init__, no
# slots) are the two the same; otherwise Evidence's own constructor.
_evidence = (
    _new_evidence
    if [f.name for f in fields(Evidence)] == ["sentence", "start", "end"]
    and not hasattr(Evidence, "__post_init__")
    and not hasattr(Evidence, "__slots__")
    and _new_evidence("", 0, 0).__dict__ == Evidence("", 0, 0).__dict__
    else Evidence
)


# A sentence ends at . ! ? … (or a run of them) followed by space and a capital, quote or
# dash; "8.850,26" and "TP.HCM" have no space after the dot and stay whole.
# ("[.!?…][.!?…]*" is "[.!?…]+" written to start with a class: the engine skips to those.)
_SENTENCE_END = re.compile(rf"[.!?…][.!?…]*[\"”’)]?(\s+)(?=[\"“‘(\-–*]?\s*[{UPPER}0-9])")
_PARAGRAPH = re.compile(r"[^\n]+")
# Abbreviations that end in a dot without ending the sentence: "TP. HCM", "PGS. TS. Lê".
_ABBREVIATIONS = ["TP", "Tp", "TS", "PGS", "GS", "ThS", "BS", "KS", "Th.S", "NXB", "St", "TT"]
_ABBREVIATIONS += ["P", "Q", "X", "H"]
_ABBREVIATION = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + ")$")
# The letters abbreviations end with: a dot after any other character ends no abbreviation.
_ABBREVIATION_ENDS = frozenset(a[-1] for a in _ABBREVIATIONS)
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
            if (
                dot
                and chunk[dot - 1] in _ABBREVIATION_ENDS
                and _ABBREVIATION.search(chunk, max(0, dot - _ABBREVIATION_REACH), dot)
            ):
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
        # What extractors work out once per article and share (they name their own keys).
        self.memo: dict[str, Any] = {}

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def folded_sentences(self) -> list[str]:
        """The folded text of each sentence, in the order of :attr:`sentences` (cut once: every
        extractor reads them)."""
        return [self.folded[s.start : s.end] for s in self.sentences]

    @cached_property
    def lowered_sentences(self) -> list[str]:
        """The folded sentences lower-cased (the indicator grammar reads them, and prefilters
        test them for words written in any case)."""
        return [folded.lower() for folded in self.folded_sentences]

    @cached_property
    def paragraph_starts(self) -> dict[int, int]:
        """Where each paragraph's first sentence starts in the text."""
        starts: dict[int, int] = {}
        for sentence in self.sentences:
            starts.setdefault(sentence.paragraph, sentence.start)
        return starts

    @cached_property
    def paragraph_sizes(self) -> dict[int, int]:
        """How many sentences each paragraph has."""
        sizes: dict[int, int] = {}
        for sentence in self.sentences:
            sizes[sentence.paragraph] = sizes.get(sentence.paragraph, 0) + 1
        return sizes

    def folded_sentence(self, sentence: Sentence) -> str:
        return self.folded[sentence.start : sentence.end]

    def sentence_at(self, offset: int) -> Sentence:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        raise ValueError(f"offset {offset} is outside every sentence of {self.article.id}")
