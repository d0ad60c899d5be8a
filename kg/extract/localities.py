"""Localities: provinces, districts and communes named in an article, through the gazetteer.

Three ways a unit is named, in order of how much they say:
1. with its unit word: "huyện Cẩm Xuyên", "thị xã Kỳ Anh", "xã Kỳ Châu", "TP HCM";
2. inside a party committee's name: "Huyện ủy Cẩm Xuyên" (the committee word says the unit);
3. bare: "Hà Tĩnh", "(Hà Tĩnh)"; provinces always, districts only inside a province the
   article names, so a person called "Nguyễn Văn Lâm" does not become the district Văn Lâm.
Same-named units are told apart by the unit word and by the provinces the article names
(Kỳ Anh is both a huyện and a thị xã of Hà Tĩnh).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from kg.extract import component
from kg.gazetteer import Gazetteer, gazetteer, load_patterns
from kg.model import ArticleFacts, Locality, LocalityMention
from kg.text import TITLE_WORD, Document, Sentence, alternation, last_word, needles

_TABLE = load_patterns("localities")
# unit word (lower case, modern spelling) -> (levels it can name, gazetteer unit types)
UNIT_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    word: (tuple(spec["levels"]), tuple(spec["units"]))
    for word, spec in _TABLE["unit_words"].items()
}
COMMITTEE_WORDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    word: (tuple(spec["levels"]), tuple(spec["units"]))
    for word, spec in _TABLE["committee_words"].items()
}

# A proper-name syllable: capitalized ("Xuyên", "Đắk") or a number ("Quận 2" in HCM).
_SYLLABLE = rf"(?:{TITLE_WORD}|\d{{1,2}}(?![\d/]|[.,]\d))"
_NAME = rf"{_SYLLABLE}(?:[ \-]+{_SYLLABLE}){{0,4}}"


def _longest_first(words: list[str]) -> list[str]:
    return [re.escape(w) for w in sorted(words, key=len, reverse=True)]


_NOT_AFTER_WORD = r"[\wđ]"
# (?<![\wđ])(?P<unit>WORD|...)\.?\s+(?P<name>NAME), ignoring case
_UNIT_MENTION = re.compile(
    f"(?P<unit>{alternation(_longest_first(list(UNIT_WORDS)), re.I, behind=_NOT_AFTER_WORD)})"
    rf"(?i:\.?\s+(?P<name>{_NAME}))"
)
# (?<![\wđ])(?P<unit>WORD|...)\s+(?P<name>NAME), ignoring case
_COMMITTEE_MENTION = re.compile(
    f"(?P<unit>{alternation(_longest_first(list(COMMITTEE_WORDS)), re.I, behind=_NOT_AFTER_WORD)})"
    rf"(?i:\s+(?P<name>{_NAME}))"
)
_TITLE_WORD = re.compile(TITLE_WORD)


@dataclass
class _Candidate:
    """A span that names a unit, with the units it could be."""

    sentence: Sentence
    start: int  # offsets in Article.text
    end: int
    options: list[Locality]
    strength: float  # 1.0 with a unit word, 0.9 in a committee name, 0.7 bare
    # the first ``typed`` options are of the unit word's type; the others are of its level
    # only, and win when they are the ones in the article's provinces
    typed: int = 0


def extract_localities(doc: Document) -> list[LocalityMention]:
    gaz = gazetteer()
    candidates = _typed_candidates(doc, gaz) + _bare_candidates(doc, gaz)
    provinces = _context_provinces(candidates)
    candidates = _drop_overlaps(candidates + _bare_districts(doc, gaz, set(provinces)))
    mentions: list[LocalityMention] = []
    for cand in candidates:
        chosen = _choose(cand.options, provinces, mentions, cand.typed)
        if chosen is None:
            continue
        evidence = cand.sentence.evidence(
            cand.start - cand.sentence.start, cand.end - cand.sentence.start
        )
        mentions.append(LocalityMention(chosen, evidence, cand.strength))
    return _with_implied_provinces(mentions)


# Strings one of which every committee word holds, lower-cased: most sentences hold none and
# need no scan for committee names.
_COMMITTEE_NEEDLES = needles(list(COMMITTEE_WORDS))


def _typed_candidates(doc: Document, gaz: Gazetteer) -> list[_Candidate]:
    found: list[_Candidate] = []
    for sentence, folded, low in zip(
        doc.sentences, doc.folded_sentences, doc.lowered_sentences, strict=True
    ):
        for match in _UNIT_MENTION.finditer(folded):
            _add_named_units(found, sentence, folded, match, UNIT_WORDS, 1.0, gaz)
        if not _COMMITTEE_NEEDLES.may_hold(low, folded):
            continue
        for match in _COMMITTEE_MENTION.finditer(folded):
            _add_named_units(found, sentence, folded, match, COMMITTEE_WORDS, 0.9, gaz)
    return found


def _add_named_units(
    found: list[_Candidate],
    sentence: Sentence,
    folded: str,
    match: re.Match[str],
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]],
    strength: float,
    gaz: Gazetteer,
) -> None:
    """The units a unit (or committee) word names: the name after it, then, when that is a
    unit, the names listed after it ("hai xã Nghi Tiến, Nghi Yên"; the list stops at the
    first that is not)."""
    if match.group("name")[0].islower():
        return  # "xã dùng bằng giả" (a commune used a fake degree): names are capitalized
    unit = match.group("unit").lower().rstrip(".")
    levels, units = table[unit]
    hit = _longest_known(match.group("name"), unit, levels, units)
    if hit is None:
        return  # most matches: the words after a unit word name no unit
    start = sentence.start + match.start("name")
    found.append(_Candidate(sentence, start, start + hit[0], hit[1], strength, hit[2]))
    for item in _list_tail(folded, match.start("name") + hit[0]):
        name = item.group("name")
        if gaz.lookup(name, "province"):
            break  # "huyện Thái Thụy, Thái Bình": the list ends at the province
        hit = _longest_known(name, unit, levels, units)
        if hit is None:
            break
        start = sentence.start + item.start("name")
        found.append(_Candidate(sentence, start, start + hit[0], hit[1], strength, hit[2]))


_LIST_ITEM = re.compile(rf"\s*(?:,|và)\s*(?P<name>{_NAME})")


def _list_tail(text: str, pos: int) -> list[re.Match[str]]:
    items = []
    while (match := _LIST_ITEM.match(text, pos)) is not None:
        items.append(match)
        pos = match.end()
    return items


_SYLLABLES = re.compile(r"[^ \-]+")


# Cached: a pure function of the (fixed) gazetteer, and the same unit names come back in
# article after article. Callers must not change the list it returns.
@lru_cache(maxsize=1 << 14)
def _longest_known(
    name: str, unit: str, levels: tuple[str, ...], units: tuple[str, ...]
) -> tuple[int, list[Locality], int] | None:
    """The longest leading run of syllables of ``name`` that the gazetteer knows: its length,
    the units it may be, and how many of them (the first) are of the unit word's type.

    Units of the right level but another type come after: articles keep the old type of a
    unit that was upgraded ("xã Kỳ Đồng", a thị trấn since 2020; "Huyện uỷ Tân Uyên" of
    Bình Dương, a thị xã since 2013, beside Lai Châu's huyện Tân Uyên).
    """
    gaz = gazetteer()
    syllables = list(_SYLLABLES.finditer(name))
    for count in range(len(syllables), 0, -1):
        end = syllables[count - 1].end()
        key = name[:end]
        if key.isdigit():  # "quận 2" is the unit named "Quận 2"
            key = f"{unit} {key}"
        same_level = [loc for level in levels for loc in gaz.lookup(key, level)]
        # "thành phố Hà Giang" is the provincial city, the province being a tỉnh
        typed = [loc for loc in same_level if not units or loc.unit in units]
        if typed or same_level:
            levels_typed = {loc.level for loc in typed}
            others = [
                loc
                for loc in same_level
                if loc not in typed and (not typed or loc.level in levels_typed)
            ]
            return end, typed + others, len(typed)
    return None


def _bare_candidates(doc: Document, gaz: Gazetteer) -> list[_Candidate]:
    """Province names (and aliases) written without a unit word, as whole proper names."""
    found: list[_Candidate] = []
    pattern = _bare_pattern()
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        for match in pattern.finditer(folded):
            if _inside_longer_name(folded, match.start()):
                continue
            if match.group(0) in _TABLE["bare_names"]["not_places"]:
                continue
            options = gaz.lookup(match.group(0), "province")
            start = sentence.start + match.start()
            found.append(_Candidate(sentence, start, start + len(match.group(0)), options, 0.7))
    return found


_WORD_CHARS = re.compile(r"\w*")


def _head(name: str) -> str:
    """The first character of a name, and the word characters after it if it is one itself."""
    if not (name[0].isalnum() or name[0] == "_"):
        return name[0]
    return name[0] + _WORD_CHARS.match(name, 1).group()


@lru_cache(maxsize=128)
def _heads_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Where one of ``names`` may start: its first word, whole (the whole run of word
    characters there), not after a letter, digit or dot."""
    heads = sorted({_head(name) for name in names})
    branches = [
        re.escape(head) + (r"(?!\w)" if head[0].isalnum() or head[0] == "_" else "")
        for head in heads
    ]
    try:
        return re.compile(alternation(branches, behind=r"[\w.]"))
    except ValueError:  # a name that starts with a sign: the plain pattern
        return re.compile(r"(?<![\w.])(?:" + "|".join(branches) + ")")


class _NameScanner:
    """Finds the names of a set, as ``(?<![\\w.])(?:longest|...|shortest)(?![\\w])`` would
    (leftmost, then longest, not overlapping), without compiling a pattern per set.

    Names are filed under their first word: a name can only match where the text's word
    is that word (its first word ends where the name goes on with a non-word character, or
    at its end, where the match needs a non-word character after it). Those places are
    found with a pattern of the first words of a larger set (``universe``: every district,
    compiled once), and only there are the set's names tried, longest first.
    """

    def __init__(self, by_first: dict[str, list[str]], universe: frozenset[str]) -> None:
        """``by_first``: the names under their first word, longest first (then in order)."""
        self.by_first = by_first
        self._start = _heads_pattern(universe)

    def finditer(self, text: str) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        end = 0
        by_first, size = self.by_first, len(text)
        for head in self._start.finditer(text):
            pos = head.start()
            bucket = by_first.get(head.group())
            if bucket is None or pos < end:
                continue
            for name in bucket:
                stop = pos + len(name)
                if text.startswith(name, pos) and (
                    stop == size or not (text[stop].isalnum() or text[stop] == "_")
                ):
                    found.append((pos, stop, name))
                    end = stop
                    break
        return found


@cache
def _districts_by_province() -> dict[str, frozenset[str]]:
    names: dict[str, set[str]] = {}
    for bucket in gazetteer().by_name["district"].values():
        for loc in bucket:
            if not loc.name[-1].isdigit() and not gazetteer().lookup(loc.name, "province"):
                # bare "Thái Bình" is the province
                names.setdefault(loc.province.name, set()).add(loc.name)
    return {province: frozenset(found) for province, found in names.items()}


@lru_cache(maxsize=1024)
def _district_pattern(provinces: frozenset[str]) -> _NameScanner | None:
    # The provinces' districts under their first words, merged (a name of two provinces once).
    merged: dict[str, set[str]] = {}
    for province in provinces:
        for head, names in _districts_by_head(province).items():
            merged.setdefault(head, set()).update(names)
    if not merged:
        return None
    by_first = {head: sorted(names, key=lambda n: (-len(n), n)) for head, names in merged.items()}
    return _NameScanner(by_first, _all_districts())


@cache
def _districts_by_head(province: str) -> dict[str, frozenset[str]]:
    """A province's district names (as ``_districts_by_province``) under their first word."""
    heads: dict[str, set[str]] = {}
    for name in _districts_by_province().get(province, ()):
        heads.setdefault(_head(name), set()).add(name)
    return {head: frozenset(names) for head, names in heads.items()}


@cache
def _all_districts() -> frozenset[str]:
    """Every district name (one start pattern for every set)."""
    return frozenset().union(*_districts_by_province().values())


def _bare_districts(doc: Document, gaz: Gazetteer, provinces: set[str]) -> list[_Candidate]:
    """District names without a unit word, looked for only in the provinces the article names."""
    pattern = _district_pattern(frozenset(provinces))
    if pattern is None:
        return []
    found: list[_Candidate] = []
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        for start, end, name in pattern.finditer(folded):
            if _inside_longer_name(folded, start):
                continue
            options = [
                loc for loc in gaz.lookup(name, "district") if loc.province.name in provinces
            ]
            found.append(
                _Candidate(sentence, sentence.start + start, sentence.start + end, options, 0.7)
            )
    return found


_BARE: list[re.Pattern[str]] = []


def _bare_pattern() -> re.Pattern[str]:
    if not _BARE:
        gaz = gazetteer()
        names = {loc.name for bucket in gaz.by_name["province"].values() for loc in bucket}
        names |= set(_TABLE["province_aliases"])
        # (?<![\w.])(?:NAME|...)(?![\w])
        branches = [rf"{name}(?![\w])" for name in _longest_first(sorted(names))]
        _BARE.append(re.compile(alternation(branches, behind=r"[\w.]")))
    return _BARE[0]


_NEIGHBOURS = frozenset(_TABLE["bare_names"]["neighbours"])


def _inside_longer_name(text: str, start: int) -> bool:
    """True when the match is glued to a capitalized word before it (part of a person's
    name): a space, then a capitalized word that is not one of the neighbour words.

    (A capitalized word glued after the match counts only together with one before it, so
    the word after never changes the answer.)
    """
    if not start or text[start - 1] != " ":
        return False  # nothing glued before: no space stripped
    prev_word = _last_word(text[:start].rstrip(" "))
    return (
        prev_word is not None
        and _TITLE_WORD.fullmatch(prev_word) is not None
        and prev_word.lower() not in _NEIGHBOURS
    )


def _last_word(text: str) -> str | None:
    """``last_word(text).group(1)`` (None: no match), for a text that mostly ends in a word:
    the run of non-space characters at its end, cut off at the last space by ``rfind`` and
    ``split`` instead of a regex search back from the end."""
    if not text or text[-1].isspace():
        match = last_word(text)  # no word at the very end ("$" may stand before a "\n")
        return match.group(1) if match else None
    return text[text.rfind(" ") + 1 :].split()[-1]


def _drop_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Where spans overlap keep the strongest, then the longest."""
    ordered = sorted(candidates, key=lambda c: (-c.strength, -(c.end - c.start), c.start))
    # The spans kept never overlap (and none is empty), so sorted by start they are sorted by
    # end too: a candidate overlaps one of them iff it overlaps the last that starts before
    # the candidate ends.
    starts: list[int] = []
    kept: list[_Candidate] = []
    for cand in ordered:
        i = bisect_left(starts, cand.end)
        if i == 0 or kept[i - 1].end <= cand.start:
            starts.insert(i, cand.start)
            kept.insert(i, cand)
    return kept


def _context_provinces(candidates: list[_Candidate]) -> Counter[str]:
    """How often each province is named or is the only possible province of a mention."""
    counts: Counter[str] = Counter()
    for cand in candidates:
        provinces = {loc.province.name for loc in cand.options[: cand.typed] or cand.options}
        if len(provinces) == 1:
            counts[provinces.pop()] += 1
    return counts


def _choose(
    options: list[Locality],
    provinces: Counter[str],
    earlier: list[LocalityMention],
    typed: int = 0,
) -> Locality | None:
    if len(options) == 1:
        return options[0]
    # A unit already resolved in this article wins (same name, same article, same unit).
    for mention in earlier:
        if mention.locality in options:
            return mention.locality
    in_context = [loc for loc in options if provinces[loc.province.name]]
    if in_context:
        best = max(provinces[loc.province.name] for loc in in_context)
        top = [loc for loc in in_context if provinces[loc.province.name] == best]
        # Two units of one name in one province (Kỳ Anh): prefer the huyện, the older unit.
        return sorted(top, key=lambda loc: (loc.unit != "huyện", loc.code))[0]
    if typed == 1:
        return options[0]  # the one unit of the word's type, no province to tell otherwise
    return None


def _with_implied_provinces(mentions: list[LocalityMention]) -> list[LocalityMention]:
    """A district names its province: add the province where the article does not."""
    named = {m.locality for m in mentions}
    implied: list[LocalityMention] = []
    for mention in mentions:
        if mention.locality.level == "district":
            province = mention.locality.province
            if province not in named:
                named.add(province)
                implied.append(LocalityMention(province, mention.evidence, 0.6))
    return mentions + implied


# Cached: a pure function of the (fixed) gazetteer; callers must not change the list.
@lru_cache(maxsize=1 << 14)
def _named_units(name: str, levels: tuple[str, ...], units: tuple[str, ...]) -> list[Locality]:
    """The units ``name`` can be at ``levels``: those of ``units`` (and provinces) if any."""
    gaz = gazetteer()
    options = [loc for level in levels for loc in gaz.lookup(name, level)]
    typed = [loc for loc in options if loc.level == "province" or not units or loc.unit in units]
    return typed or options


def focus_locality(mentions: list[LocalityMention]) -> Locality | None:
    """The unit the article is about: the most-named district, unless its province is named
    more than twice as often (a provincial story that mentions a district in passing) or
    another province is named most (a round-up of provinces that names a district of one)."""
    named = [m.locality for m in mentions if m.confidence > 0.6]
    districts = Counter(loc for loc in named if loc.level == "district").most_common(1)
    provinces = Counter(loc for loc in named if loc.level == "province").most_common(1)
    if districts and (
        not provinces
        or (districts[0][1] * 2 >= provinces[0][1] and districts[0][0].province == provinces[0][0])
    ):
        return districts[0][0]
    return provinces[0][0] if provinces else (districts[0][0] if districts else None)


@component("localities")
def localities_component(doc: Document, facts: ArticleFacts) -> None:
    facts.localities.extend(extract_localities(doc))


def locality_index(doc: Document, localities: list[LocalityMention]) -> LocalityIndex:
    """The :class:`LocalityIndex` of the article's localities, made once per document (people,
    events and indicators all read it, and it keeps what it has looked up)."""
    mentions = tuple(localities)
    made = doc.memo.get("locality_index")
    if made is None or made[0] != mentions:
        made = (mentions, LocalityIndex(list(mentions), doc.sentences))
        doc.memo["locality_index"] = made
    return made[1]


# Before a place someone comes from: "quê Bến Tre", "quê quán ở", "sinh ra tại" (hometown)
_HOMETOWN = re.compile(r"(?<!\w)(?:quê(?: quán| hương)?|sinh ra)(?: ở| tại)?\s+$", re.IGNORECASE)


class LocalityIndex:
    """The localities of one article, for resolving "Tỉnh ủy" or "UBND huyện" in context."""

    def __init__(self, mentions: list[LocalityMention], sentences: list[Sentence] = ()) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.evidence.start)
        self.focus = focus_locality(mentions)
        self.province = self.focus.province if self.focus else None
        self._bounds = [(s.start, s.end) for s in sentences]
        self._starts = [start for start, _ in self._bounds]
        # (level, units) -> the offsets and units of the mentions that can stand for it
        self._named: dict[tuple[str, tuple[str, ...]], tuple[list[int], list[Locality]]] = {}

    @cached_property
    def _known(self) -> set[Locality]:
        return {m.locality for m in self.mentions}

    def _sentence_of(self, offset: int) -> tuple[int, int]:
        # The sentences are in text order and do not overlap: the one that starts last at
        # or before ``offset`` is the only one that can hold it.
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._bounds[i][1]:
            return self._bounds[i]
        return offset, offset

    def _hometown(self, mention: LocalityMention) -> bool:
        """Whether the mention tells where someone comes from ("quê Bến Tre")."""
        start, _ = self._sentence_of(mention.evidence.start)
        at = mention.evidence.start - start
        return _HOMETOWN.search(mention.evidence.sentence, max(0, at - 16), max(0, at)) is not None

    def nearest(self, level: str, offset: int, units: tuple[str, ...] = ()) -> Locality | None:
        """The unit a body without a place name ("Tỉnh ủy", "UBND huyện") belongs to.

        First a unit of that level named in the same sentence (before the body, else after),
        then for a district or commune the article's own unit, then the last one named before;
        a province is also read off a district or commune named nearby.
        """

        offsets, named = self._candidates(level, units)
        start, end = self._sentence_of(offset)
        split = bisect_right(offsets, offset)  # named[:split] are named at or before offset
        if split and offsets[split - 1] >= start:
            return named[split - 1]  # the last one before, in the same sentence
        if split < len(offsets) and offsets[split] < end:
            return named[split]  # the first one after, in the same sentence
        if level == "province":
            if split:
                return named[split - 1]
            if units and self.province is not None and self.province.unit not in units:
                return None
            return self.province
        if (
            self.focus is not None
            and self.focus.level == level
            and (not units or self.focus.unit in units)
        ):
            return self.focus
        if split:
            return named[split - 1]
        return named[split] if split < len(named) else None

    def nearest_of(
        self, levels: tuple[str, ...], offset: int, units: tuple[str, ...] = ()
    ) -> Locality | None:
        """:meth:`nearest` at the first of ``levels`` that has one: "thành phố" without a
        name is the centrally run city the story names, else a provincial city."""
        for level in levels:
            if (found := self.nearest(level, offset, units)) is not None:
                return found
        return None

    def _candidates(self, level: str, units: tuple[str, ...]) -> tuple[list[int], list[Locality]]:
        """Where the article names a unit that can stand for ``level`` (and ``units``), in
        text order: a unit of that level and type, or for a province any unit's province."""
        key = (level, units)
        if key not in self._named:
            offsets: list[int] = []
            named: list[Locality] = []
            for mention in self.mentions:
                if self._hometown(mention):
                    continue  # "(53 tuổi, quê Bến Tre) ... Giám đốc Sở": no body of his
                loc = mention.locality
                if level == "province":
                    found: Locality | None = loc.province
                    if units and found is not None and found.unit not in units:
                        found = None
                elif loc.level == level and (not units or loc.unit in units):
                    found = loc
                else:
                    found = None
                if found is not None:
                    offsets.append(mention.evidence.start)
                    named.append(found)
            self._named[key] = (offsets, named)
        return self._named[key]

    def resolve(
        self, name: str, levels: tuple[str, ...], units: tuple[str, ...] = ()
    ) -> Locality | None:
        """A unit named in a body phrase, preferring units the article already mentions."""
        options = _named_units(name, levels, units)
        if not options:
            return None
        known = self._known
        for loc in options:
            if loc in known:
                return loc
        if self.province is not None:
            for loc in options:
                if loc.province == self.province:
                    return loc
        return options[0] if len(options) == 1 else None
