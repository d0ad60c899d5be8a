"""Party, state and mass bodies: "Tỉnh ủy Hà Tĩnh", "Ban Tuyên giáo Tỉnh ủy", "UBND tỉnh".

A body phrase is read as HEAD [PARENT] [LOCALITY] with the tables of
``patterns/bodies.toml``; a body written without its locality ("Bí thư Tỉnh ủy" in a Hà Tĩnh
article) is resolved to the unit the article is talking about at that point.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.localities import UNIT_WORDS, LocalityIndex
from kg.gazetteer import load_patterns
from kg.model import Body, BodyMention, Locality
from kg.text import LOWER, TITLE_WORD, UPPER, Document, Sentence, prefiltered, word_alternation

_TABLE = load_patterns("bodies")

# Levels a committee word implies, and the gazetteer unit types it admits.
_LEVELS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "province": (("province",), ()),
    "city": (("province", "district"), ("thành phố",)),
    "district": (("district",), ()),
}


@dataclass(frozen=True)
class _Entry:
    pattern: re.Pattern[str]
    canonical: str
    kind: str
    level: str = ""
    unit: str = ""
    scope: str = ""
    parent: str = ""  # NEXT_BODY: written alone, the department is of the body named next


NEXT_BODY = "next"  # a department's ``parent`` when it is the body named after it


def _entries(table: dict, flags: int = 0) -> list[_Entry]:
    return [
        _Entry(
            re.compile(rf"(?:{key})(?![{LOWER}{UPPER}])", flags),
            spec.get("canonical", ""),
            spec["kind"],
            spec.get("level", ""),
            spec.get("unit", ""),
            spec.get("scope", ""),
            spec.get("parent", ""),
        )
        for key, spec in sorted(table.items(), key=lambda kv: -len(kv[0]))
    ]


NATIONAL = _entries(_TABLE["national"], re.IGNORECASE)
DEPARTMENTS = _entries(_TABLE["departments"], re.IGNORECASE)
# Departments that, written alone, are of the body the next title names (parse_chain joins them)
GROUPS_OF_NEXT = frozenset(e.canonical for e in DEPARTMENTS if e.parent == NEXT_BODY)
COMMITTEES = _entries(_TABLE["committees"])
NAMED = _entries(_TABLE["named"])


class _Table:
    """The entries of one table in one pattern, each in a group named after its place: one
    match at a position finds the first entry that matches there (the alternation tries
    them in order), as trying them one by one would."""

    def __init__(self, entries: list[_Entry], flags: int = 0) -> None:
        self.entries = entries
        self.pattern = re.compile(
            "|".join(f"(?P<e{i}>{entry.pattern.pattern})" for i, entry in enumerate(entries)),
            flags,
        )

    def match(self, text: str, pos: int) -> tuple[_Entry, re.Match[str]] | None:
        found = self.pattern.match(text, pos)
        if found is None:
            return None
        return self.entries[int(found.lastgroup[1:])], found


_NATIONAL = _Table(NATIONAL, re.IGNORECASE)
_DEPARTMENTS = _Table(DEPARTMENTS, re.IGNORECASE)
_COMMITTEES = _Table(COMMITTEES)
_NAMED = _Table(NAMED)
# An abbreviated own name: "GTVT", "KH&ĐT", "TN & MT", "LĐ-TB&XH".
_ABBREVIATION = rf"[{UPPER}][{UPPER}&\-]+(?: ?& ?[{UPPER}]+)*"
_DEPARTMENT_NAMES = sorted(_TABLE["department_names"]["names"], key=len, reverse=True)
# Between the words of a listed name: a space, a dash, a comma, "&" or "và" (and), as papers
# write "Giao thông vận tải", "Giao thông - Vận tải" and "Giao thông và Vận tải" alike.
_NAME_SEPARATOR = r"(?: ?[-–,&] ?| và | )"
_NAME_JOINER = re.compile(r" ?[-–,&] ?| và | ")


def _listed_name(name: str) -> str:
    """A listed own name as a pattern: any separator between its words, either case for the
    first letter of each word ("Lao động - Thương binh và Xã hội", "lao động, thương binh")."""
    words = [w for w in _NAME_JOINER.split(name) if w]
    return _NAME_SEPARATOR.join(
        f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words
    )


_OWN_NAME = re.compile(
    "|".join(_listed_name(n) for n in _DEPARTMENT_NAMES)
    + rf"|(?:{_ABBREVIATION}|{TITLE_WORD})(?:(?: và| -)? (?:{_ABBREVIATION}|{TITLE_WORD}))*"
)
_UNIT = re.compile(
    r" (?P<unit>"
    + word_alternation(UNIT_WORDS)
    + r")\.?(?![\w])",
    re.IGNORECASE,
)
# A place name: capitalized words, an all-capitals alias ("HCM", "TPHCM") or a number.
_PLACE_WORD = rf"(?:{TITLE_WORD}|[{UPPER}]{{2,}}|\d{{1,2}})(?![{LOWER}{UPPER}\d])"
_PLACE = re.compile(rf" (?P<name>{_PLACE_WORD}(?: {_PLACE_WORD}){{0,4}})")
# Words a committee keeps for its own unit: "Ban Chấp hành Đảng bộ tỉnh" is the Tỉnh ủy.
_COMMITTEE_OF_UNIT = {
    "tỉnh": "Tỉnh ủy",
    "thành phố": "Thành ủy",
    "tp": "Thành ủy",
    "huyện": "Huyện ủy",
    "thị xã": "Thị ủy",
    "quận": "Quận ủy",
    "xã": "Đảng ủy",
    "phường": "Đảng ủy",
    "thị trấn": "Đảng ủy",
}
_UNIT_SPELLING = {"tp": "thành phố"}


@dataclass(frozen=True)
class BodyPhrase:
    start: int  # offsets in the string parsed
    end: int
    body: Body


def parse_body(
    text: str, pos: int, index: LocalityIndex, at: int, limit: int | None = None
) -> BodyPhrase | None:
    """The body phrase starting at ``text[pos]`` (folded text), if there is one.

    ``at`` is the phrase's offset in the article (for resolving the locality by context);
    ``limit`` stops the phrase before a known person's name.
    """
    limit = len(text) if limit is None else limit
    window = text[:limit]
    if found := _NATIONAL.match(window, pos):
        entry, match = found
        name = entry.canonical or window[match.start() : match.end()]
        return BodyPhrase(pos, match.end(), Body(name, entry.kind))
    if found := _DEPARTMENTS.match(window, pos):
        return _department(window, found[1], found[0], index, at)
    if found := _COMMITTEES.match(window, pos):
        return _committee(window, found[1], found[0], index, at)
    if found := _NAMED.match(window, pos):
        return _named(window, found[1], found[0], index, at)
    return None


def _department(
    text: str, match: re.Match[str], entry: _Entry, index: LocalityIndex, at: int
) -> BodyPhrase:
    parent_pos = match.end() + 1 if text[match.end() : match.end() + 1] == " " else None
    parent = None
    if parent_pos is not None and (found := _COMMITTEES.match(text, parent_pos)):
        parent = _committee(text, found[1], found[0], index, at)
    if parent is None and entry.parent == NEXT_BODY:
        # "Bí thư Đảng đoàn, Chủ tịch Hội Luật gia Việt Nam": of the body named next (the
        # title chain joins them, see people.parse_chain)
        return BodyPhrase(match.start(), match.end(), Body(entry.canonical, entry.kind, None))
    if parent is None:
        # "Ban Thường vụ" alone in a provincial story: the province's committee; "Ban Tổ chức
        # tỉnh Phú Thọ", "Ban Tuyên giáo huyện X": of the unit named after it
        party = entry.kind in ("party_department", "standing_committee")
        end, unit_word = match.end(), "tỉnh"
        province: Locality | None = None
        if unit_match := _UNIT.match(text, end):
            province, place_end = _place_of_unit(text, unit_match, index)
            if province is not None:
                end, unit_word = place_end, unit_match.group("unit").lower()
        if province is None:
            province = index.nearest("province", at)
        committee = _COMMITTEE_OF_UNIT.get(unit_word, "Tỉnh ủy")
        head = committee if party else f"HĐND {_UNIT_SPELLING.get(unit_word, unit_word)}"
        name = f"{entry.canonical} {head}" + (f" {province.name}" if province else "")
        parent_body = Body(
            f"{head} {province.name}" if province else head,
            "party_committee" if party else "government",
            province,
        )
        return BodyPhrase(match.start(), end, Body(name, entry.kind, province, parent_body))
    body = Body(
        f"{entry.canonical} {parent.body.name}", entry.kind, parent.body.locality, parent.body
    )
    return BodyPhrase(match.start(), parent.end, body)


def unit_at(text: str, pos: int, index: LocalityIndex, at: int) -> tuple[Locality, int] | None:
    """The unit a phrase names at ``text[pos]`` (a space, a unit word, its place): " tỉnh Kiên
    Giang", or " tỉnh" alone for the unit of the article; and where it ends."""
    unit_match = _UNIT.match(text, pos)
    if unit_match is None:
        return None
    locality, end = _place_of_unit(text, unit_match, index)
    if locality is None:
        locality = _unit_of_article(unit_match.group("unit").lower(), index, at)
    return (locality, end) if locality is not None else None


def _place_of_unit(
    text: str, unit_match: re.Match[str], index: LocalityIndex
) -> tuple[Locality | None, int]:
    """The unit named after a unit word (a match of ``_UNIT``: " tỉnh Kiên Giang"), and where
    the phrase ends: after the unit word alone when it names none."""
    levels, units = UNIT_WORDS[unit_match.group("unit").lower()]
    return _place_after(text, unit_match.end(), levels, units, index, unit_match.end())


def _unit_of_article(unit_word: str, index: LocalityIndex, at: int) -> Locality | None:
    """A unit word without a name ("tỉnh", "huyện"): the nearest unit of its level; "thành
    phố" alone, a city of province level."""
    levels, units = UNIT_WORDS[unit_word]
    level = levels[-1] if unit_word not in ("thành phố", "tp") else "province"
    return index.nearest(level, at, units if level != "province" else ())


def _committee(
    text: str, match: re.Match[str], entry: _Entry, index: LocalityIndex, at: int
) -> BodyPhrase:
    end = match.end()
    unit_word = entry.unit
    locality: Locality | None = None
    unit_match = _UNIT.match(text, end)
    if entry.level == "unit" and unit_match is None:
        # "UBND Hà Tĩnh": a place right after the head, without its unit word.
        locality, end = _place_after(text, end, ("province", "district"), (), index, end)
        if locality is None:
            locality = index.nearest("province", at)
    elif entry.level == "unit" or (unit_match and entry.level in _LEVELS):
        unit_word = unit_match.group("unit").lower()
        locality, end = _place_of_unit(text, unit_match, index)
        if locality is None:
            locality = _unit_of_article(unit_word, index, at)
    else:
        levels, units = _LEVELS[entry.level]
        if entry.unit:
            units = (entry.unit,)
        locality, end = _place_after(text, end, levels, units, index, end)
        if locality is None and entry.level == "city":
            # "Thành ủy" is a city's: one run by the centre, else a provincial city
            locality = index.nearest_of(("province", "district"), at, ("thành phố",))
        if locality is None:
            level = "province" if entry.level in ("province", "city") else "district"
            locality = index.nearest(level, at, units if level == "district" else ())
    canonical = entry.canonical or text[match.start() : match.end()]
    if canonical == "committee":
        canonical = _COMMITTEE_OF_UNIT.get(unit_word, "Tỉnh ủy")
        kind = "party_committee"
    else:
        kind = entry.kind
    return BodyPhrase(
        match.start(), end, Body(_body_name(canonical, entry, unit_word, locality), kind, locality)
    )


def _body_name(canonical: str, entry: _Entry, unit_word: str, locality: Locality | None) -> str:
    if locality is None:
        return canonical
    if (
        entry.level in ("province", "city", "district")
        or canonical.endswith("ủy")
        or locality.name[-1].isdigit()  # "UBND Quận 2", not "UBND quận Quận 2"
    ):
        return f"{canonical} {locality.name}"
    unit = _UNIT_SPELLING.get(unit_word, unit_word) or locality.unit
    return f"{canonical} {unit} {locality.name}"


def _place_after(
    text: str,
    pos: int,
    levels: tuple[str, ...],
    units: tuple[str, ...],
    index: LocalityIndex,
    default_end: int,
) -> tuple[Locality | None, int]:
    """The longest run of capitalized words after ``pos`` that names a unit of ``levels``; a
    number after a unit word is the unit so numbered ("quận 2" is Quận 2)."""
    match = _PLACE.match(text, pos)
    if match is None:
        return None, default_end
    words = match.group("name").split(" ")
    if words[0].isdigit():
        unit_word = text[:pos].rstrip().rsplit(" ", 1)[-1]
        found = index.resolve(f"{unit_word.capitalize()} {words[0]}", levels, units)
        return (found, match.start("name") + len(words[0])) if found else (None, default_end)
    for count in range(len(words), 0, -1):
        name = " ".join(words[:count])
        found = index.resolve(name, levels, units)
        if found is not None:
            return found, match.start("name") + len(name)
    return None, default_end


def _named(
    text: str, match: re.Match[str], entry: _Entry, index: LocalityIndex, at: int
) -> BodyPhrase | None:
    name_match = _OWN_NAME.match(text, match.end() + 1)
    if name_match is None or text[match.end() : match.end() + 1] != " ":
        return None
    end = _before_place(text, name_match.start(), name_match.end(), index)
    # The head word as a name is written: "sở Tài chính" is the body "Sở Tài chính".
    own = text[match.start() : end]
    own = own[0].upper() + own[1:]
    locality: Locality | None = None
    unit_match = _UNIT.match(text, end)
    if unit_match is not None:
        locality, end = _place_of_unit(text, unit_match, index)
        if locality is None:
            # "Sở Xây dựng TP" in a story of TP HCM: the city, not a district named nearby
            levels, units = UNIT_WORDS[unit_match.group("unit").lower()]
            locality = index.nearest_of(levels, at, units)
    elif entry.scope in ("local", "national"):
        # "Sở Tài chính Nam Định": a place may follow the own name without its unit word.
        locality, end = _place_after(text, end, ("province",), (), index, end)
        if locality is None and entry.scope == "local":
            locality = index.nearest("province", at)
    elif entry.scope == "focus":
        locality = index.focus
    name = own if locality is None or entry.scope == "focus" else local_name(own, locality)
    return BodyPhrase(match.start(), end, Body(name, entry.kind, locality))


def _before_place(text: str, start: int, end: int, index: LocalityIndex) -> int:
    """Where a body's own name stops when a place name is glued to it ("Sở TN & MT Thanh
    Hoá"): the place is the body's locality, not part of its name."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for i in range(1, len(words)):
        place = text[start + words[i].start() : end]
        if index.resolve(place, ("province",)) is not None:
            return start + words[i - 1].end()
    return end


def local_name(own: str, locality: Locality) -> str:
    unit = locality.unit if locality.level != "province" or locality.unit == "tỉnh" else "thành phố"
    return f"{own} {unit} {locality.name}"


_ANY_HEAD = prefiltered(
    "|".join(f"(?:{e.pattern.pattern})" for e in NATIONAL + DEPARTMENTS + COMMITTEES + NAMED)
)


def extract_bodies(doc: Document, index: LocalityIndex) -> list[BodyMention]:
    """Every body phrase in the article, resolved to its canonical body."""
    return [m for sentence in doc.sentences for m in bodies_in_sentence(doc, sentence, index)]


def _body_phrases(
    text: str, index: LocalityIndex, offset: int, end: int | None = None
) -> Iterator[BodyPhrase]:
    """The body phrases of ``text`` (up to ``end``) from left to right, none overlapping;
    ``offset`` is where ``text`` starts in the article."""
    pos = 0
    while (head := _ANY_HEAD.search(text, pos, len(text) if end is None else end)) is not None:
        phrase = parse_body(text, head.start(), index, offset + head.start(), end)
        if phrase is None:
            pos = head.end()
            continue
        yield phrase
        pos = max(phrase.end, head.end())


def bodies_in_sentence(
    doc: Document, sentence: Sentence, index: LocalityIndex
) -> list[BodyMention]:
    return [
        BodyMention(phrase.body, sentence.evidence(phrase.start, phrase.end))
        for phrase in _body_phrases(doc.folded_sentence(sentence), index, sentence.start)
    ]


def last_body_before(text: str, end: int, index: LocalityIndex, offset: int) -> Body | None:
    """The last body named in ``text`` before ``end`` ("UBND thành phố có 6 Phó chủ tịch":
    the People's Committee); ``offset`` is where ``text`` starts in the article."""
    last: Body | None = None
    for phrase in _body_phrases(text, index, offset, end):
        last = phrase.body
    return last


def secretary_body(
    text: str, pos: int, index: LocalityIndex, at: int, limit: int | None = None
) -> tuple[Body | None, int]:
    """ "Bí thư tỉnh Quảng Nam", "Phó bí thư quận Tân Phú": the unit's party committee."""
    found = _unit_after_title(text, pos, index, at, limit, named_only=True)
    if found is None:
        return None, pos
    unit_word, locality, end = found
    head = _COMMITTEE_OF_UNIT[unit_word]
    return Body(f"{head} {locality.name}", "party_committee", locality), end


def chair_body(
    text: str, pos: int, index: LocalityIndex, at: int, limit: int | None = None
) -> tuple[Body | None, int]:
    """ "Chủ tịch tỉnh Quảng Nam", "Phó chủ tịch huyện": the unit's People's Committee (UBND),
    as "Chủ tịch tỉnh" is said for its chairman; a unit without its name is the nearest one."""
    found = _unit_after_title(text, pos, index, at, limit, named_only=False)
    if found is None:
        return None, pos
    _, locality, end = found
    return peoples_committee(locality), end


def peoples_committee(locality: Locality) -> Body:
    """The People's Committee (UBND) of ``locality``."""
    return Body(local_name("UBND", locality), "government", locality)


def _unit_after_title(
    text: str, pos: int, index: LocalityIndex, at: int, limit: int | None, named_only: bool
) -> tuple[str, Locality, int] | None:
    """The unit word at ``pos``, the unit it names (or, unless ``named_only``, the nearest unit
    of that level) and where its words end."""
    window = text[: len(text) if limit is None else limit]
    shifted = " " + window[pos:]
    unit_match = _UNIT.match(shifted)
    if unit_match is None:
        return None
    unit_word = unit_match.group("unit").lower()
    levels, units = UNIT_WORDS[unit_word]
    locality, end = _place_of_unit(shifted, unit_match, index)
    if locality is None and not named_only:
        # "Chủ tịch thành phố" in a story of Hà Nội: the centrally run city, else a district's
        locality = index.nearest_of(levels, at, units)
    if locality is None:
        return None
    return unit_word, locality, pos + end - 1
