"""Indicators: quantitative results, estimates and targets of a locality.

A figure is a number (``numbers.py``) followed by a unit word ("tỷ đồng", "%", "tấn") or a
count noun ("doanh nghiệp", "đảng viên"). Around it the sentence says:
- whether it is an indicator at all: award counts, event sizes, ranks, vote shares, dates,
  ordinals and durations are not (cue tables in ``patterns/indicators.toml``);
- whether it only qualifies the figure before it: "đạt 107,79% kế hoạch" (percent_of_plan),
  "tăng 14,62% so với năm 2022" (change_pct, compared_to), "(tỷ lệ 94%)" after a ratio;
- its status, from the nearest strong cue before it ("ước đạt" estimate; "phấn đấu",
  "mục tiêu", "dự kiến" target; otherwise actual);
- its year (``dates.py``): a year in its clause, a time phrase opening the sentence, else
  the article's review year (targets: its plan year);
- its locality: a unit named in its clause, a national cue (None), a unit named earlier in
  the sentence, else the article's focus.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract import component
from kg.extract.dates import opening_year, reference_years, years_in
from kg.extract.events import lead_event_day
from kg.extract.localities import locality_index
from kg.extract.numbers import (
    Quantity,
    has_number_word,
    is_year,
    number_tokens,
    read_quantity,
    word_quantities,
)
from kg.gazetteer import load_patterns
from kg.model import ArticleFacts, IndicatorObservation, Locality, LocalityMention
from kg.text import (
    LOWER,
    UPPER,
    Document,
    Sentence,
    alternation,
    split_alternatives,
    word_alternation,
)

_T = load_patterns("indicators")


def _whole_words(alternatives: str) -> re.Pattern[str]:
    """``(?<!\\w)(?:ALTERNATIVES)(?!\\w)``, written to start with the words' first letters (the
    regex engine then skips to those letters; see ``text.alternation``)."""
    branches = [rf"{word}(?!\w)" for word in split_alternatives(alternatives)]
    return re.compile(alternation(branches, behind=r"\w"))


UNITS: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in _T["units"].items()}
COUNT_NOUNS: list[str] = _T["count_nouns"]["words"]
ADMIN_NOUNS: list[str] = _T["admin_count_nouns"]["words"]
PERSON_NOUNS: list[str] = _T["person_count_nouns"]["words"]
NOT_NOUNS: list[str] = _T["not_indicator_nouns"]["words"]

_UNIT = re.compile(rf"\s*({word_alternation(list(UNITS))})(?![\w/])")
_NOUN = re.compile(
    rf"\s*({word_alternation(COUNT_NOUNS + ADMIN_NOUNS + PERSON_NOUNS + NOT_NOUNS)})(?!\w)"
)
_NOUN_KIND = {w: "count" for w in COUNT_NOUNS} | {w: "admin" for w in ADMIN_NOUNS}
_NOUN_KIND |= {w: "person" for w in PERSON_NOUNS}
_NEGATION_WORDS = "không|chưa"  # not, not yet
_PERSON_QUALIFIER = _whole_words(word_alternation(_T["person_count_nouns"]["qualifiers"]))
_NOT_AFTER_PEOPLE = re.compile(rf"\s+(?:{_NEGATION_WORDS})(?!\w)")
_SPELLED_OK_BEFORE = re.compile(r"(?:^|[,;:(]|(?<!\w)(?:có|và|với))\s*$")
_NOUN_KIND |= {w: "not" for w in NOT_NOUNS}
_NOT_AFTER_PERCENT = re.compile(
    rf"\s*(?:{word_alternation(_T['not_after_percent']['words'])})(?!\w)"
)
_QUALIFIER = _whole_words(word_alternation(_T["admin_count_nouns"]["qualifiers"]))
# (?<!\w)(?:WORD|...)\s*$
_NOT_AFTER = re.compile(
    alternation(
        [rf"{word}\s*$" for word in split_alternatives(word_alternation(_T["not_after"]["words"]))],
        behind=r"\w",
    )
)
# Every match of _NOT_AFTER is one of these words and the space after it, at the end.
_NOT_AFTER_WORDS = tuple(_T["not_after"]["words"])
_CODE_BEFORE = re.compile(r"[a-zđà-ỹ]-\s*$|[/\\]$")  # "COVID-19", "QĐ/19"
_CODE_AFTER = re.compile(r"-\s*[a-zđ]|/\d")  # "03-NQ/TU", "5/1/2022"

_ESTIMATE = _whole_words(word_alternation(_T["status"]["estimate"]))
_TARGET = _whole_words(word_alternation(_T["status"]["target"]))
_NOT_TARGET = re.compile(word_alternation(_T["status"]["not_target"]))
_NOT_EST_BEFORE = re.compile(
    rf"(?<!\w)(?:{word_alternation(_T['status']['not_estimate_before'])})\s$"
)
_NOT_EST_AFTER = re.compile(rf"\s(?:{word_alternation(_T['status']['not_estimate_after'])})(?!\w)")
_PLAN_AFTER = re.compile(
    rf"\s*%?\s*(?:so với\s+)?(?:{word_alternation(_T['plan']['words'])})(?!\w)"
)

_OPENERS = word_alternation(_T["attribute"]["openers"])
_MODIFIERS = word_alternation(_T["attribute"]["modifiers"])
_ATTRIBUTE_CLAUSE = re.compile(
    rf"^\s*(?:và\s+)?(?:(?:{_OPENERS})\s+)+(?:(?:{_MODIFIERS})\s+)*$|^\s*so với"
)
_ATTRIBUTE_GAP = re.compile(rf"^[\s,(]*(?:và\s+)?(?:(?:{_OPENERS})\s+)+(?:(?:{_MODIFIERS})\s+)*$")
_MODS_ONLY = re.compile(rf"^(?:\s*(?:{_MODIFIERS}|%))*\s*$")
_COMPARE = re.compile(
    r"\s*(?:so\s+với\s+)?(?:(?:cùng\s+kỳ\s+)?(?:năm\s+)?(\d{4})|cùng\s+kỳ|năm\s+trước|năm\s+ngoái)"
)
_COMPARE_STRICT = re.compile(r"\s*so\s+với\s+(?:cùng\s+kỳ\s+)?(?:năm\s+)?(\d{4})?")

_AWARDS = re.compile(word_alternation(_T["exclude"]["awards"]))
_EXCLUDE_CLAUSE = re.compile(
    word_alternation(_T["exclude"]["event"] + _T["exclude"]["ranking"] + _T["exclude"]["project"])
)
_DONATION = re.compile(word_alternation(_T["exclude"]["donations"]))
_HYPOTHETICAL = _whole_words(word_alternation(_T["exclude"]["hypothetical"]))
_REQUEST = _whole_words(word_alternation(_T["exclude"]["requests"]))
# "..., hỗ trợ 62 tỷ đồng": the money asked for, right before its number
_REQUESTED = re.compile(
    rf"(?<!\w)(?:{word_alternation(_T['exclude']['request_objects'])})(?: thêm| khoảng)?\s*$"
)
# a project named alone, not counted ("55 dự án") or taken together ("các dự án")
_PROJECT = _whole_words(word_alternation(_T["exclude"]["single_project"]))
_COUNTED_BEFORE = re.compile(
    rf"(?:\d|(?<!\w)(?:{word_alternation(_T['exclude']['many_before'])}))\s+$"
)

# Between a unit's name and its parent's: ", huyện ", " (", ", tỉnh "
_UNIT_THEN_PARENT = re.compile(r"\s*[,(-]?\s*(?:[^\W\d]+\s+){0,2}", re.IGNORECASE)
# Before the date a target is to be met by: "đến tháng 3/2020", "trước ngày", "chậm nhất"
_BY_DATE = re.compile(
    r"(?:đến|tới|trước|chậm nhất(?: là)?)\s+(?:hết\s+)?(?:ngày\s+|tháng\s+)?"
    r"(?:\d{1,2}\s*[/.-]\s*){1,2}$"
)
_TERM_START = re.compile(rf"(?:{word_alternation(_T['years']['term_start'])})\s*$")
_ABSOLUTE_CHANGE = re.compile(
    rf"(?<!\w)(?:{word_alternation(_T['exclude']['change_before'])})\s*$"
)
_COMPARED_AFTER = re.compile(r"(?:[^,;.]|[.,]\d){0,25}?\s*so\s+với")  # "vụ/10.000 dân so với"
_COMPARED_WITH = re.compile(r"so\s+với|hơn|bằng")
_MET_WITH = _whole_words(word_alternation(_T["exclude"]["met_with"]))
_SUPPLEMENTARY = _whole_words(word_alternation(_T["person_count_nouns"]["not_qualifiers"]))
_MEMBERS = frozenset(PERSON_NOUNS + _T["person_count_nouns"]["members"])
_PROJECT_NOUNS = frozenset(_T["exclude"]["single_project"])
_AGENDA = _whole_words(word_alternation(_T["exclude"]["agenda_verbs"]))
_AGENDA_NOUNS = frozenset(_T["exclude"]["agenda_nouns"])
_FIRST_PERSON = "tôi"  # what every word of [exclude] personal holds (a cheap first test)
_PERSONAL = _whole_words(word_alternation(_T["exclude"]["personal"]))
_VOTES = re.compile(word_alternation(_T["exclude"]["votes"]))
_ELECTION = _whole_words(word_alternation(_T["exclude"]["election"]))
_AGREED = re.compile(rf"\s*(?:{word_alternation(_T['exclude']['agreed'])})(?!\w)")
# (?<!\w)(?:WORD|...)(?:\s+(?:MODIFIER|...))*\s*$
_NEAR = re.compile(
    alternation(
        [
            rf"{word}(?:\s+(?:{_MODIFIERS}))*\s*$"
            for word in split_alternatives(word_alternation(_T["exclude"]["near"]))
        ],
        behind=r"\w",
    )
)
_NEGATION = _whole_words(_NEGATION_WORDS)
_NATIONAL = _whole_words(word_alternation(_T["national"]["words"]))
_COMPARISON_BEFORE = re.compile(rf"(?:{word_alternation(_T['national']['comparison'])})\s*$")
_WHOLE_PROVINCE = re.compile(word_alternation(_T["whole_unit"]["province"]))
_PER_HEAD = re.compile(word_alternation(_T["per_head"]["words"]))
_THIS_YEAR = _whole_words(word_alternation(_T["years"]["this_year"]))
_NEXT_YEAR = _whole_words(word_alternation(_T["years"]["next_year"]))
_TERM_RANGE = re.compile(r"nhiệm kỳ\s*\(?\s*(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)")
_FROM_BEFORE = re.compile(r"(?<!\w)từ\s*$")
_TO_AFTER = re.compile(rf"[^.;]*?(?<!\w)(?:còn|xuống|lên)\s+(?:(?:{_MODIFIERS})\s+)*\d")
_TOTAL_IS = re.compile(r"(?:tổng số|số lượng)[^,;]*?(?:là|đạt|có)\s*$")
_BASE_TO = re.compile(r"(?<!\w)(?:còn|xuống còn|lên)\s*$")
_TIMES_BEFORE = re.compile(r"gấp\s*$")
_WORD_AFTER = re.compile(r"\s*\w")
_STOP_AFTER = re.compile(r"\s*[.;,]")
_CHANGE = _whole_words("tăng|giảm")
_COMPARE_HEAD = re.compile(r"\s*(?:so với|cùng kỳ|năm)")
_YEAR_AFTER = re.compile(r"\s*(?:trong\s+)?năm\s+((?:19|20)\d\d)(?!\d)")

# Clause boundaries: ", " ; : ( ) " - " " và " "…".
# ",\s|;|:|\(|\)|\s[-–]\s|(?<=\s)và\s|…|\.\.\.", written to start with the first character
# of every branch (the regex engine skips to those), the branch then told by that character.
_CLAUSE_BOUNDARY = re.compile(
    r"[,;:()…v.\s](?:(?<=,)\s|(?<=[;:()…])|(?<=\s)[-–]\s|(?<=v)(?<=\s(?s:.))à\s|(?<=\.)\.\.)"
)
# Phrase boundaries for the subject of a figure: as above, but "và" and brackets join.
# ",\s|;|:|\s[-–]\s|…|\.\.\.", written the same way.
_PHRASE_BOUNDARY = re.compile(r"[,;:….\s](?:(?<=,)\s|(?<=[;:…])|(?<=\s)[-–]\s|(?<=\.)\.\.)")
# The same two, the " - " branch started at its dash (a look-behind for the space before):
# the engine then skips from one punctuation mark to the next instead of stopping at every
# space. Their matches end where the boundaries end once ``_boundary_ends`` drops the dashes
# whose space the boundary before has taken (see there).
_CLAUSE_ENDS = re.compile(
    r"[,;:()…v.\-–](?:(?<=,)\s|(?<=[;:()…])|(?<=\s[-–])\s|(?<=v)(?<=\s(?s:.))à\s|(?<=\.)\.\.)"
)
_PHRASE_ENDS = re.compile(r"[,;:….\-–](?:(?<=,)\s|(?<=[;:…])|(?<=\s[-–])\s|(?<=\.)\.\.)")
# A hard break inside a splitter's sentence: "…" before a capital letter.
_HARD_BREAK = re.compile(r"(?:…|\.\.\.)\s*(?=[A-ZĐÀ-Ỹ])")
_NAMES = _T["names"]
_LEADING = re.compile(rf"^(?:\W|năm \d{{4}}|{word_alternation(_NAMES['leading'])})+")
_TRAILING = re.compile(rf"(?:\s|\W|{word_alternation(_NAMES['trailing'])})+$")
# The most one step of _TRAILING takes (a trailing word, or one character), and how far back
# from the end of a label ``_strip_trailing`` first looks.
_TRAILING_STEP = max([1, *map(len, _NAMES["trailing"])])
_TRAILING_WINDOW = 4 * _TRAILING_STEP
# The last lead-in cue, or a locality named with its unit word ("huyện Cẩm Xuyên").
# (The unit words each take the place name, so that every branch starts with a letter: the
# regex engine skips to those.)
_LEAD_IN = re.compile(
    rf"(?:{word_alternation(_NAMES['lead_in'])}|"
    + "|".join(
        rf"{unit}(?: [{UPPER}][{LOWER}]*)+"
        for unit in ("huyện", "tỉnh", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")
    )
    + r")\s"
)


@dataclass
class _Figure:
    quantity: Quantity
    value: float
    unit: str
    end: int  # end of the unit or count noun (sentence-relative)
    noun: str = ""
    attribute: bool = False
    baseline: bool = False
    percent_of_plan: float | None = None
    change_pct: float | None = None
    compared_to: int | None = None
    compared_prev: bool = False  # compared with the year before (resolved with the year)
    attributes: list[_Figure] = field(default_factory=list)


@dataclass
class _Context:
    """What one article gives every figure: reference years, focus, locality mentions."""

    review: int | None
    plan: int | None
    focus: Locality | None
    mentions: list[LocalityMention]  # in text order
    title_end: int
    paragraph_starts: dict[int, int] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)  # where each of the mentions starts

    def __post_init__(self) -> None:
        self.starts = [m.evidence.start for m in self.mentions]

    def named_between(self, start: int, end: int) -> list[LocalityMention]:
        """The mentions that start in [start, end) of the article, in text order."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def extract_indicators(
    doc: Document, localities: list[LocalityMention]
) -> list[IndicatorObservation]:
    lowered = doc.lowered_sentences
    review, plan = reference_years(doc.article, lowered)
    if doc.article.year is None and review == plan:
        # as in a dated article: the year of the meeting the lead dates, and a meeting of
        # February reviews the year before it
        lead = lead_event_day(doc)
        if lead is not None and lead[2] is not None:
            month, _, year = lead
            review, plan = (year - 1, year) if month <= 3 else (year, year)
    title_end = len(doc.article.title) if doc.article.title else 0
    # an implied province shares its district's evidence: the district is the one named
    named: dict[tuple[int, int], LocalityMention] = {}
    for mention in localities:
        named.setdefault((mention.evidence.start, mention.evidence.end), mention)
    mentions = sorted(named.values(), key=lambda m: m.evidence.start)
    # (the article's focus, as the shared LocalityIndex worked it out)
    ctx = _Context(
        review,
        plan,
        locality_index(doc, localities).focus,
        mentions,
        title_end,
        doc.paragraph_starts,
    )
    found: list[IndicatorObservation] = []
    seen: set[tuple] = set()
    headed: list[IndicatorObservation] = []  # read in a subheading
    for sentence, low in zip(doc.sentences, lowered, strict=True):
        if sentence.start < ctx.title_end:
            continue
        heading = _is_heading(doc, sentence)
        for obs in _sentence_indicators(sentence, low, ctx):
            if heading:
                headed.append(obs)
                continue
            key = (
                obs.locality.key if obs.locality else None,
                obs.year,
                obs.status,
                round(obs.value, 6),
                obs.unit,
            )
            if key not in seen:
                seen.add(key)
                found.append(obs)
    # A subheading sums up the paragraph under it ("Kinh tế tăng trưởng 8,3%" over "GRDP ...
    # ước tăng 8,3%"): its figure counts only when the text does not give it again
    told = {(round(obs.value, 6), obs.unit) for obs in found}
    return found + [obs for obs in headed if (round(obs.value, 6), obs.unit) not in told]


def _is_heading(doc: Document, sentence: Sentence) -> bool:
    """A paragraph of one short sentence that does not end like prose: a subheading."""
    text = sentence.text.rstrip()
    return (
        doc.paragraph_sizes[sentence.paragraph] == 1
        and len(text) <= _HEADING_LENGTH
        and not text.endswith((".", "!", "?", ":", "…", '"', "”", ")"))
    )


_HEADING_LENGTH = 100


# --- one sentence ---------------------------------------------------------------------------


def _sentence_indicators(sentence: Sentence, low: str, ctx: _Context) -> list[IndicatorObservation]:
    figures = _figures(low)
    if not figures:
        return []
    breaks = [m.end() for m in _HARD_BREAK.finditer(sentence.text)]
    _mark_attributes(low, figures)
    out: list[IndicatorObservation] = []
    previous: _Figure | None = None
    previous_locality: tuple[Locality | None, bool] | None = None
    for fig in figures:
        if fig.attribute or fig.baseline:
            continue
        piece_start = max((b for b in breaks if b <= fig.quantity.start), default=0)
        inherited = None
        if previous is not None and previous_locality is not None:
            # "908 HTX ..., chiếm tỷ lệ 38%": a clause joined by a comma keeps the subject,
            # unless another unit is named before this figure ("Quận Thủ Đức, năm 2018 có 47
            # trường hợp ...; huyện Bình Chánh, năm 2018 có 73 trường hợp")
            clause = max(previous.end, low.rfind(";", 0, fig.quantity.start) + 1)
            named = _named_outside_brackets(sentence, ctx, clause, fig.quantity.start)
            inherited = (named[-1].locality, True) if named else previous_locality
        obs = _observation(sentence, low, fig, figures, piece_start, ctx, inherited)
        previous = fig
        if obs is not None:
            out.append(obs)
            previous_locality = (obs.locality, obs.confidence > 0)
    return out


_NUMBER_WORDS_BEFORE_SPACE = ("hai ", "ba ", "bốn ", "sáu ", "bảy ", "tám ", "chín ", "mười ")
# ``any(word in low for word in _NUMBER_WORDS_BEFORE_SPACE)`` in one pass
_NUMBER_WORD_BEFORE_SPACE = re.compile("|".join(map(re.escape, _NUMBER_WORDS_BEFORE_SPACE)))
_DIGIT = re.compile(r"\d")


def _may_hold_figures(low: str) -> bool:
    """Whether a sentence is worth reading: it has a digit or a number word before a space.

    Decided as ``any(map(str.isdigit, low)) or any(word in low ...)`` would be, scanning for a
    digit in Python only when it could matter: a digit of \\d is also a digit for isdigit, and
    without one there is no number token, so a sentence without a number word either (of
    ``word_quantities``) has no figure whatever the answer.
    """
    if _DIGIT.search(low) or _NUMBER_WORD_BEFORE_SPACE.search(low):
        return True
    return has_number_word(low) and any(map(str.isdigit, low))


def _figures(low: str) -> list[_Figure]:
    """Every number in the sentence that carries a unit or a count noun (none in a sentence
    that ``_may_hold_figures`` rules out)."""
    figures: list[_Figure] = []
    consumed = 0
    tokens = number_tokens(low)
    if tokens:  # a digit: the sentence may hold figures
        quantities = [read_quantity(low, m) for m in tokens]
        quantities += word_quantities(low)
    else:
        # Only words can be numbers here; whether the sentence may hold figures is asked
        # only when there are some (most sentences have neither, and need no further scan).
        if not has_number_word(low) or not _may_hold_figures(low):
            return []
        quantities = word_quantities(low)
    if len(quantities) > len(tokens):  # word numbers were added after the tokens (in order)
        quantities.sort(key=lambda q: q.start)
    for q in quantities:
        if q.start < consumed:
            continue
        fig = _figure(low, q)
        if fig is not None:
            figures.append(fig)
            consumed = fig.end
        elif not q.spelled:
            consumed = q.end
    return figures


def _figure(low: str, q: Quantity) -> _Figure | None:
    near = low[max(0, q.start - 25) : q.start]  # the words right before the number
    # (most numbers follow no label word: one ``endswith`` rules the search out)
    label = _NOT_AFTER.search(near) if near.rstrip().endswith(_NOT_AFTER_WORDS) else None
    if label and not (label.group(0).startswith("số") and near.endswith("tổng số ")):
        return None
    if _CODE_BEFORE.search(near[-3:]):
        return None
    if _CODE_AFTER.match(low, q.end):
        return None
    unit_match = _UNIT.match(low, q.end)
    noun_match = _NOUN.match(low, q.end)
    if unit_match and noun_match and noun_match.end() > unit_match.end():
        unit_match = None  # "10.875 đồng chí" is a count of comrades, not of dong
    if unit_match is not None and not q.spelled:
        word = unit_match.group(1)
        unit, mult = UNITS[word]
        if word == "lần" and not _TIMES_BEFORE.search(near[-8:]):
            return None
        value = q.value
        if q.ambiguous_comma and q.scale == 1.0 and unit != "%":
            value = float(q.raw.replace(",", "")) * q.scale
        if _NOT_AFTER_PERCENT.match(low, unit_match.end()):
            return None  # "100% lãi suất", "96% phiếu bầu"
        fig = _Figure(q, _clean(value * mult), unit, unit_match.end())
        if q.max is not None:
            fig.quantity = replace(q, max=_clean(q.max * mult))
        return fig
    if is_year(q.raw) and q.scale == 1.0:
        return None
    if noun_match is None:
        if q.spelled or q.scale != 1.0:
            return None
        # "Tổng số ủy viên ... là 905", "từ 59 giảm xuống còn 46": a bare count.
        if _TOTAL_IS.search(low[max(0, q.start - 80) : q.start]) or _BASE_TO.search(near[-15:]):
            if not _WORD_AFTER.match(low, q.end) or _STOP_AFTER.match(low, q.end):
                return _Figure(q, q.value, "count", q.end)
        if _FROM_BEFORE.search(near[-6:]) and _TO_AFTER.match(low, q.end):
            return _Figure(q, q.value, "count", q.end, baseline=True)
        return None
    noun = noun_match.group(1)
    kind = _NOUN_KIND[noun]
    if kind == "not" or q.scale != 1.0:
        return None
    if q.spelled and not _SPELLED_OK_BEFORE.search(near[-6:]):
        return None  # "đạt cả hai tiêu chí": a word number inside a phrase, no count
    if kind == "person":
        clause = low[_clause_start(low, q.start) : _clause_end(low, noun_match.end())]
        if not _PERSON_QUALIFIER.search(clause) or _NOT_AFTER_PEOPLE.match(low, noun_match.end()):
            return None  # "có 8 người không tham gia Ban chấp hành": who did not
    if kind == "admin" and q.of is None:
        clause_end = _clause_end(low, noun_match.end())
        if not _QUALIFIER.search(low[noun_match.end() : clause_end]):
            if not _QUALIFIER.search(low[_clause_start(low, q.start) : q.start]):
                return None
    value = q.value
    if q.ambiguous_comma:
        value = float(q.raw.replace(",", ""))
    return _Figure(q, value, "count", noun_match.end(), noun=noun)


def _clean(value: float) -> float:
    """Drop float noise: 4360.4 * 1e9 is 4360400000000, not 4360399999999.9995."""
    return float(f"{value:.12g}")


def _clause_start(low: str, pos: int) -> int:
    """The end of the last clause boundary before ``pos`` (0: none)."""
    ends = _boundary_ends(low, _CLAUSE_ENDS)
    return ends[bisect_right(ends, pos) - 1]


def _phrase_start(low: str, pos: int) -> int:
    ends = _boundary_ends(low, _PHRASE_ENDS)
    return ends[bisect_right(ends, pos) - 1]


@lru_cache(maxsize=16)
def _boundary_ends(low: str, pattern: re.Pattern[str]) -> list[int]:
    """0, then where each boundary of the sentence ends (of _CLAUSE_BOUNDARY for
    _CLAUSE_ENDS, of _PHRASE_BOUNDARY for _PHRASE_ENDS), found once per sentence.

    The boundaries found before ``pos`` by ``pattern.finditer(low, 0, pos)`` are exactly those
    of the whole sentence that end by ``pos``: each branch of the patterns has a fixed length
    and a first character no other branch starts with, so a boundary cut by ``pos`` hides
    none that would fit before it.

    The boundary patterns read " - " from its space, and never where a boundary before took
    that space (", - ", "và - ", " - - "); the *_ENDS patterns read it from its dash, so such
    a dash is dropped here. No other branch starts with a space or a dash, so the others are
    the same matches.
    """
    ends = [0]
    for match in pattern.finditer(low):
        start = match.start()
        if low[start] in "-–" and start - 1 < ends[-1]:
            continue  # the space before the dash ends the boundary before
        ends.append(match.end())
    return ends


def _clause_end(low: str, pos: int) -> int:
    m = _CLAUSE_BOUNDARY.search(low, pos)
    return m.start() if m else len(low)


# --- attributes: the figures that only qualify the figure before them -----------------------


def _mark_attributes(low: str, figures: list[_Figure]) -> None:
    primary: _Figure | None = None
    previous_end = -1
    for fig in figures:
        q = fig.quantity
        # "từ 75 địa điểm ... còn 59 điểm": the start of a change is no figure of its own.
        if _FROM_BEFORE.search(low[max(0, q.start - 6) : q.start]) and q.max is None:
            if _TO_AFTER.match(low, fig.end):
                fig.baseline = True
                continue
        if primary is not None and _is_attribute(low, fig, primary, previous_end):
            fig.attribute = True
            _apply_attribute(low, fig, primary)
            previous_end = fig.end
            continue
        primary = fig
        previous_end = fig.end


def _is_attribute(low: str, fig: _Figure, primary: _Figure, previous_end: int) -> bool:
    q = fig.quantity
    start = _clause_start(low, q.start)
    head = low[start : q.start]
    separator = low[start - 1] if start > 0 else ""
    if separator == ";" or start <= primary.quantity.start:
        # a new item of a list, or the same clause: an attribute only when glued to the figure
        gap = low[previous_end : q.start]
        return _ATTRIBUTE_GAP.match(gap) is not None and bool(gap.strip())
    if fig.unit == "%" and _PLAN_AFTER.match(low, fig.end):
        return True
    if separator == "(" and fig.unit == "%" and _MODS_ONLY.match(head):
        return True  # "(tỷ lệ 94%)", "(2%)": a restatement in brackets
    if not _ATTRIBUTE_CLAUSE.match(head):
        return False
    opener = head.strip()
    if opener.startswith(("chiếm", "tỷ lệ", "tỉ lệ", "đạt")) and fig.unit == "%":
        # "chiếm tỷ lệ 38%" is a figure of its own unless it restates a ratio
        return primary.quantity.of is not None or opener.startswith("đạt")
    return True


def _apply_attribute(low: str, fig: _Figure, primary: _Figure) -> None:
    q = fig.quantity
    head = low[_clause_start(low, q.start) : q.start]
    after = low[fig.end :]
    value = fig.value
    if fig.unit == "%" and _PLAN_AFTER.match(low, fig.end):
        if primary.percent_of_plan is None:
            primary.percent_of_plan = 100 + value if "vượt" in head else value
        return
    if fig.unit == "lần":
        if _PLAN_AFTER.match(low, fig.end):
            if primary.percent_of_plan is None:
                primary.percent_of_plan = round(value * 100, 4)
            return
        if primary.change_pct is None:
            primary.change_pct = round((value - 1) * 100, 4)
            _set_compared(primary, after)
        return
    if fig.unit == "%" and _CHANGE.search(head):
        if primary.change_pct is None:
            primary.change_pct = -value if "giảm" in head else value
            _set_compared(primary, after)


def _set_compared(primary: _Figure, after: str) -> None:
    strict = _COMPARE_STRICT.match(after)
    if strict and strict.group(1):
        primary.compared_to = int(strict.group(1))
        return
    loose = _COMPARE.match(after)
    if loose and loose.group(1) and _COMPARE_HEAD.match(after):
        primary.compared_to = int(loose.group(1))
    else:
        primary.compared_prev = True


# --- one observation --------------------------------------------------------------------------


def _observation(
    sentence: Sentence,
    low: str,
    fig: _Figure,
    figures: list[_Figure],
    piece_start: int,
    ctx: _Context,
    inherited: tuple[Locality | None, bool] | None = None,
) -> IndicatorObservation | None:
    q = fig.quantity
    before = low[piece_start : q.start]
    clause_start = max(_clause_start(low, q.start), piece_start)
    clause = low[clause_start : q.start]
    if _AWARDS.search(before) or _EXCLUDE_CLAUSE.search(clause):
        return None
    if _votes_after(low, piece_start):
        return None
    if fig.unit == "%" and (
        _ELECTION.search(clause)
        or _AGREED.match(low, fig.end)
        or _after_name(sentence, low, q.start)
    ):
        return None
    if fig.unit in ("VND", "USD") and (
        _DONATION.search(before) or (_REQUESTED.search(before[-24:]) and _REQUEST.search(before))
    ):
        return None
    if _HYPOTHETICAL.search(before) or (_FIRST_PERSON in before and _PERSONAL.search(before)):
        return None
    if fig.unit == "count" and _MET_WITH.search(before):
        return None  # "làm việc với ... 6 tổ chức Đảng": whom the meeting met
    if fig.noun in _AGENDA_NOUNS and _AGENDA.search(before):
        return None
    if fig.noun in _MEMBERS and _SUPPLEMENTARY.search(before):
        return None  # "bầu bổ sung ... 3 Uỷ viên": vacancies filled, not a body's size
    if (
        fig.unit != "%"
        and ("tăng" in before[-16:] or "giảm" in before[-16:])
        and _ABSOLUTE_CHANGE.search(before[-16:])
        and _COMPARED_AFTER.match(low, fig.end)
    ):
        return None  # "thực giảm 2.708 ha so với năm 2010": a difference, not a level
    if fig.noun not in _PROJECT_NOUNS and _single_project(before):
        return None  # "Dự án X có diện tích 332 ha"; "chấm dứt dự án, ... 58 dự án" counts
    if _NEAR.search(before[-30:]) or _NEGATION.search(clause):
        return None
    masked = _mask_attributes(low, figures, piece_start, q.start)
    status, status_cued = _status(masked)
    year, year_known = _year(sentence, low, fig, clause_start, status, ctx)
    if (
        status == "estimate"
        and year_known
        and ctx.review is not None
        and year is not None
        and year < ctx.review
        and not _ESTIMATE.search(clause)
    ):
        status = "actual"  # "GDP năm 2012 tăng 9,2%" beside this year's estimate
    if status == "actual" and year is not None and ctx.review is not None and year > ctx.review:
        status = "target"
    locality, locality_known = _locality(
        sentence, low, fig, clause_start, piece_start, ctx, inherited
    )
    unit = fig.unit
    name = _name(sentence, low, max(_phrase_start(low, q.start), piece_start), fig)
    if unit == "VND" and _PER_HEAD.search(low[clause_start : fig.end]):
        unit = "VND/person/year"
    compared = fig.compared_to
    if compared is None and fig.compared_prev and year is not None:
        compared = year - 1
    confidence = (
        0.9 - 0.1 * (not status_cued) - 0.15 * (not year_known) - 0.1 * (not locality_known)
    )
    return IndicatorObservation(
        name=name,
        value=fig.value,
        unit=unit,
        year=year,
        status=status,
        evidence=sentence.evidence(_evidence_start(low, clause_start, q.start), fig.end),
        locality=locality,
        of=q.of,
        max=q.max,
        percent_of_plan=fig.percent_of_plan,
        change_pct=fig.change_pct,
        compared_to=compared if fig.change_pct is not None else None,
        confidence=round(max(confidence, 0.3), 2),
    )


def _single_project(before: str) -> bool:
    """Whether ``before`` names one project: "Dự án Khu đô thị ... có diện tích"."""
    if "dự án" not in before and "công trình" not in before:
        return False  # most figures: no project named (a substring test is cheap)
    return any(
        not _COUNTED_BEFORE.search(before, max(0, m.start() - 12), m.start())
        for m in _PROJECT.finditer(before)
    )


# Per sentence, asked again for each of its figures: a few sentences' worth of cache.
@lru_cache(maxsize=8)
def _votes_after(low: str, start: int) -> bool:
    return _VOTES.search(low, start) is not None


@lru_cache(maxsize=8)
def _opening_year(low: str) -> int | None:
    return opening_year(low)


def _mask_attributes(low: str, figures: list[_Figure], start: int, end: int) -> str:
    """The text before a figure with the clauses of attribute figures blanked out, so that
    "dự toán huyện phấn đấu" in a share-of-plan clause sets no target."""
    inside = [fig for fig in figures if fig.attribute and start <= fig.quantity.start < end]
    if not inside:
        return low[start:end]  # most figures: nothing to blank
    text = list(low[start:end])
    for fig in inside:
        a = max(_clause_start(low, fig.quantity.start), start)
        b = min(_clause_end(low, fig.end), end)
        text[a - start : b - start] = " " * (b - a)
    return "".join(text)


def _status(text: str) -> tuple[str, bool]:
    """The nearest strong cue before the figure; "actual" when there is none."""
    best: tuple[int, str] | None = None
    for match in _ESTIMATE.finditer(text):
        if _NOT_EST_BEFORE.search(text[max(0, match.start() - 6) : match.start()]):
            continue
        if _NOT_EST_AFTER.match(text, match.end()):
            continue
        best = max(best or (-1, ""), (match.start(), "estimate"))
    targets = list(_TARGET.finditer(text))
    # The phrases that hold a target word without setting a target, looked for only when
    # there is a target word (most figures have none).
    blocked = [(m.start(), m.end()) for m in _NOT_TARGET.finditer(text)] if targets else []
    for match in targets:
        if any(a <= match.start() < b for a, b in blocked):
            continue
        best = max(best or (-1, ""), (match.start(), "target"))
    if best is None:
        return "actual", False
    return best[1], True


def _year(
    sentence: Sentence, low: str, fig: _Figure, clause_start: int, status: str, ctx: _Context
) -> tuple[int | None, bool]:
    q = fig.quantity
    clause = low[clause_start : q.start]
    for mention in reversed(years_in(clause)):
        if mention.kind in ("plain", "period_end", "future"):
            return mention.year, True
        if mention.kind == "term" and _TERM_START.search(clause, 0, mention.start):
            return mention.year, True
        if mention.kind == "term_end" and status == "target":
            return mention.year, True
    if status == "target":
        # "Từ nay đến tháng 3/2020, Đà Nẵng sẽ ... để đủ 52 người": the date it is due by
        for mention in reversed(years_in(low[: q.start])):
            if mention.kind == "date" and _BY_DATE.search(
                low, max(0, mention.start - 24), mention.start
            ):
                return mention.year, True
    after = _YEAR_AFTER.match(low, fig.end)
    if after:
        return int(after.group(1)), True
    # "..., Bí thư cho biết: Năm 2018, toàn tỉnh hoàn thành 15/15 chỉ tiêu": what is said
    # after a colon opens with its own year
    colon = low.rfind(":", 0, q.start)
    opening = _opening_year(low[colon + 1 :]) if colon >= 0 else None
    if opening is None:
        opening = _opening_year(low)
    if opening is not None:
        return opening, True
    if ctx.review is not None and _NEXT_YEAR.search(low, 0, q.start):
        return ctx.review + 1, True
    if status == "target":
        term = _TERM_RANGE.search(low)
        if term:
            return int(term.group(1)), True
        return ctx.plan, False
    if _THIS_YEAR.search(low, 0, q.start):
        return ctx.review, True
    return ctx.review, False


def _locality(
    sentence: Sentence,
    low: str,
    fig: _Figure,
    clause_start: int,
    piece_start: int,
    ctx: _Context,
    inherited: tuple[Locality | None, bool] | None = None,
) -> tuple[Locality | None, bool]:
    q = fig.quantity
    clause_start = max(_phrase_start(low, q.start), piece_start)
    phrase_end = _PHRASE_BOUNDARY.search(low, fig.end)
    clause_end = phrase_end.start() if phrase_end else len(low)
    if _national(low, clause_start, clause_end):
        return None, True
    mentions = _named_outside_brackets(sentence, ctx, piece_start, q.start)
    in_clause = [m for m in mentions if m.evidence.start >= sentence.start + clause_start]
    if in_clause:
        # "xã Lượng Minh, huyện Tương Dương có 65 hộ": a unit, then where it lies
        last = in_clause[-1]
        place, start = last.locality, last.evidence.start
        for mention in reversed(mentions[: mentions.index(last)]):
            gap = sentence.text[mention.evidence.end - sentence.start : start - sentence.start]
            if not _within(mention.locality, place) or not _UNIT_THEN_PARENT.fullmatch(gap):
                break
            place, start = mention.locality, mention.evidence.start
        return place, True
    if _WHOLE_PROVINCE.search(low[clause_start : q.start]) and ctx.focus is not None:
        return ctx.focus.province, True
    # "Đại hội đã bầu 55 người vào Ban Chấp hành Đảng bộ tỉnh Hải Dương": named after the
    # figure in its phrase
    after = _named_outside_brackets(sentence, ctx, fig.end, clause_end)
    if after and not _COMPARED_WITH.search(low, fig.end, after[0].evidence.start - sentence.start):
        return after[0].locality, True  # (not "gấp 20 lần so với xã Vĩnh Lộc A": compared)
    if inherited is not None:
        return inherited
    for mention in reversed(mentions):
        # a unit named in another clause: the subject unless it is the focus's own parent
        # or one of its parts, named in passing ("xã Kỳ Châu đạt chuẩn ...; 118/153 thôn")
        if _apart_from_focus(mention.locality, ctx.focus):
            return mention.locality, True
    # the unit the paragraph named last, when it is not the focus or part of it: in a round-up
    # of provinces, "Hội nghị cũng bầu ra 53 nhân sự" after "Đại hội ... tỉnh Lạng Sơn"
    paragraph = ctx.named_between(
        ctx.paragraph_starts.get(sentence.paragraph, sentence.start), sentence.start
    )
    # (one such unit only: a paragraph listing provinces' figures names no subject)
    others = {m.locality for m in paragraph if _apart_from_focus(m.locality, ctx.focus)}
    if len(others) == 1:
        return others.pop(), False
    return ctx.focus, False


def _apart_from_focus(loc: Locality, focus: Locality | None) -> bool:
    """Whether ``loc`` is neither a part of the article's focus nor above it."""
    return focus is None or not (_within(loc, focus) or _within(focus, loc))


def _named_outside_brackets(
    sentence: Sentence, ctx: _Context, start: int, end: int
) -> list[LocalityMention]:
    """The units named in ``sentence`` between ``start`` and ``end`` (sentence offsets), not
    inside brackets ("(Hà Tĩnh)" tells where a place is, not what the figure is of)."""
    return [
        m
        for m in ctx.named_between(sentence.start + start, sentence.start + end)
        if not _in_brackets(sentence.text, m.evidence.start - sentence.start)
    ]


def _national(low: str, start: int, end: int) -> bool:
    for match in _NATIONAL.finditer(low, start, end):
        if not _COMPARISON_BEFORE.search(low[max(0, match.start() - 20) : match.start()]):
            return True
    return False


def _after_name(sentence: Sentence, low: str, pos: int) -> bool:
    """ "Triệu Đỗ Hồng Phước (96,19%)": a percentage in brackets after a person's name."""
    head = sentence.text[:pos].rstrip()
    if not head.endswith("("):
        return False
    words = head[:-1].split()[-2:]
    return len(words) == 2 and all(w[:1].isupper() for w in words)


def _in_brackets(text: str, offset: int) -> bool:
    return text[:offset].rstrip().endswith("(")


def _within(loc: Locality, ancestor: Locality) -> bool:
    node = loc.parent
    while node is not None:
        if node == ancestor:
            return True
        node = node.parent
    return False


def _evidence_start(low: str, clause_start: int, number_start: int) -> int:
    head = low[clause_start:number_start]
    return clause_start + (len(head) - len(head.lstrip()))


def _name(sentence: Sentence, low: str, clause_start: int, fig: _Figure) -> str:
    """A short label: the noun phrase before the number, else the count noun after it."""
    lead_in = [m.end() for m in _LEAD_IN.finditer(sentence.text, clause_start, fig.quantity.start)]
    clause_start = max([clause_start, *lead_in])
    head_low = low[clause_start : fig.quantity.start]
    cut = _LEADING.match(head_low)
    start = clause_start + (cut.end() if cut else 0)
    head = sentence.text[start : fig.quantity.start]
    head = _strip_trailing(head).strip()
    words = head.split()
    if len(words) > 10:
        words = words[-10:]
    name = " ".join(words)
    if fig.unit == "count" and fig.noun:
        noun = sentence.text[fig.end - len(fig.noun) : fig.end]
        name = f"{name} ({noun})" if name else noun
    return name or fig.unit


def _strip_trailing(head: str) -> str:
    """``_TRAILING.sub("", head)``, searching only the end of a long ``head`` first.

    _TRAILING matches only up to the end, so the substitution cuts ``head`` where its
    leftmost match starts. A match that starts before the window goes on in steps of at most
    _TRAILING_STEP characters, so a match starts in the window's first step too: the one
    found in the window is the leftmost unless it starts in that first step, and only then is
    the whole of ``head`` searched.
    """
    start = max(0, len(head) - _TRAILING_WINDOW)
    match = _TRAILING.search(head, start)
    if match is not None and start and match.start() < start + _TRAILING_STEP:
        match = _TRAILING.search(head)
    return head if match is None else head[: match.start()] + head[match.end() :]


@component("indicators")
def indicators_component(doc: Document, facts: ArticleFacts) -> None:
    facts.indicators.extend(extract_indicators(doc, facts.localities))
