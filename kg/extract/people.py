"""People and their posts: "Phó Bí thư Thường trực Huyện ủy Cẩm Xuyên Hà Thị Việt Ánh".

A person's name is a run of capitalized syllables that starts with a family name (or follows
ông/bà/đồng chí); a place name glued before it ("Huyện ủy Cẩm Xuyên Hà Thị Việt Ánh") is
split off through the gazetteer. Posts come from three places around a name:
- the title chain right before it ("Ủy viên BCH Trung ương Đảng - Bí thư Tỉnh ủy Hoàng Trung
  Dũng"),
- the title chain right after it ("Nguyễn Hồng Phong - Ủy viên BTV Tỉnh ủy, Giám đốc Công an
  tỉnh", "ông Trần Văn Tư (Phó bí thư thường trực Tỉnh uỷ, Chủ tịch HĐND tỉnh)"),
- a verb of appointment in the clause after it ("được bầu làm Bí thư Tỉnh uỷ", "từng giữ
  chức Giám đốc Sở Tài chính" for former posts), shared by a list of names before the verb.
Joined posts are split; a post without its own body borrows the next one's ("Phó giám đốc,
Giám đốc Sở Tài chính").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.extract import component
from kg.extract.bodies import (
    GROUPS_OF_NEXT,
    chair_body,
    last_body_before,
    local_name,
    parse_body,
    peoples_committee,
    secretary_body,
    unit_at,
)
from kg.extract.localities import LocalityIndex, locality_index
from kg.extract.numbers import NUMBER_WORDS
from kg.gazetteer import gazetteer, load_patterns
from kg.model import (
    ArticleFacts,
    Body,
    BodyMention,
    Locality,
    Person,
    PersonMention,
    PostHolding,
)
from kg.text import (
    LOWER,
    UPPER,
    WORD_END,
    WORD_START,
    Document,
    Sentence,
    alternation,
    branch_name,
    fold,
    longest_match,
    match_key,
    split_alternatives,
    word_alternation,
)

_TABLE = load_patterns("people")


@dataclass(frozen=True)
class RoleEntry:
    pattern: re.Pattern[str]
    role: str
    body_prefix: str = ""
    default_body: str = ""
    party: bool = False
    unit_body: str = ""


# A roles table's unit_body -> how the body is read from a unit word after the title.
_UNIT_BODY_READERS = {"party_committee": secretary_body, "government": chair_body}
_END = WORD_END
ROLES = [
    RoleEntry(
        # Titles are often written in lower case mid-sentence ("bí thư Huyện uỷ", "phó
        # chủ tịch UBND huyện"): the first letter's case says nothing.
        re.compile(rf"(?:{spec['pattern']}){_END}", re.IGNORECASE),
        spec["role"],
        spec.get("body_prefix", ""),
        spec.get("default_body", ""),
        spec.get("party", False),
        spec.get("unit_body", ""),
    )
    for spec in _TABLE["roles"]
]
for _entry in ROLES:
    if _entry.unit_body and _entry.unit_body not in _UNIT_BODY_READERS:
        raise ValueError(
            f"people.toml, role {_entry.role!r}: unit_body {_entry.unit_body!r} is not one of "
            f"{sorted(_UNIT_BODY_READERS)}"
        )
_ANY_ROLE = re.compile(
    alternation(
        [
            f"{branch}{_END}"
            for spec in _TABLE["roles"]
            for branch in split_alternatives(spec["pattern"])
        ],
        re.IGNORECASE,
    )
)
# The roles again, each branch in a group named after its role's place in ROLES: one match
# at a position finds the first role of the table that matches there (the alternation keeps
# the order of the branches that start with one letter; see ``text.alternation``).
_ROLE_BRANCHES = [
    (f"r{i}", f"{branch}{_END}")
    for i, spec in enumerate(_TABLE["roles"])
    for branch in split_alternatives(spec["pattern"])
]
_ROLE_AT = re.compile(
    alternation(
        [branch for _, branch in _ROLE_BRANCHES],
        re.IGNORECASE,
        names=[name for name, _ in _ROLE_BRANCHES],
    )
)
SURNAMES = frozenset(_TABLE["surnames"]["names"])
NAME_STOPS = frozenset(_TABLE["name_stops"]["words"])
GLUED_BEFORE_NAMES = frozenset(_TABLE["glued_before_names"]["words"])
NOT_PEOPLE = frozenset(match_key(n) for n in _TABLE["not_people"]["names"])
_RANK = re.compile(rf"(?:{word_alternation(_TABLE['ranks']['words'])}){_END}")
# A rank, or ông/bà, at the end of the words before a name (and how long such a word is).
_RANK_BEFORE = re.compile(rf"(?:{_RANK.pattern})\s*$")
_ADDRESS_BEFORE = re.compile(rf"(?:(?:{_RANK.pattern})|ông|bà|đồng chí)\s*$")
_ADDRESS_REACH = max(map(len, [*_TABLE["ranks"]["words"], "đồng chí"])) + 2
_HONORIFIC_BEFORE = re.compile(
    rf"{WORD_START}(?:{word_alternation(_TABLE['honorifics']['words'])}) $"
)
_DELEGATE_BEFORE = re.compile(rf"{WORD_START}(?<![Đđ]oàn )[Đđ]ại biểu $")
# Its matches end where the search ends: only that many characters before need a look.
_HONORIFIC_REACH = longest_match(_HONORIFIC_BEFORE)
_HONORIFIC_ENDS = frozenset(word[-1] for word in _TABLE["honorifics"]["words"])
_CAPITAL_HONORIFICS = {"Ông", "Bà", "Các", "Anh", "Chị"}
# A sentence about the person named before: "Ông từng ...", "Trước đó, bà đã ..." (he, she).
_PRONOUN_SUBJECT = re.compile(
    rf"(?:(?P<earlier>{word_alternation(_TABLE['former']['openers'])}),? |[^,.;:]{{1,30}}, )?"
    rf"(?P<pronoun>Ông|Bà|ông|bà)(?= [{LOWER}\d])"
)
# pronoun -> middle names that rule a person out (a woman's "Thị" for "ông")
_PRONOUNS: dict[str, frozenset[str]] = {
    word: frozenset(middles) for word, middles in _TABLE["pronouns"].items()
}
_FORMER = word_alternation(_TABLE["former"]["words"])  # nguyên, cựu (former, ex-)
_FORMER_WORD = re.compile(rf"(?:{_FORMER}) $", re.IGNORECASE)
# "nguyên" (former) starting a title of a chain: "ông X - Nguyên Bí thư Tỉnh uỷ, nguyên ..."
_FORMER_LEAD = re.compile(rf"(?:{_FORMER}) ", re.IGNORECASE)
# The items of a career ("từng giữ các chức vụ: A, B; sau đó là C rồi D"): where one ends, and
# the words that may start one before its title.
_CAREER_SEPARATOR = re.compile(r"\s*[,;:]\s*|\s+rồi\s+")
# ... and "các chức vụ" (the posts of), "... chủ chốt tại Hưng Yên như" (such as) before the
# first item, "thôi giữ chức" (left the post of) before another.
_CAREER_LEAD = re.compile(
    r"(?:(?:và|rồi|sau đó|sau đó là|là|làm|các chức vụ|nhiều chức vụ|các vị trí"
    r"|thôi giữ chức vụ|thôi giữ chức)\s+"
    r"|[^,;:.()]{0,40}?\snhư\s+)+"
)
# Verbs of appointment: "\s*(?:VERB|...)(?: chức)?( vụ| danh)?:?\s+" ("giữ chức vụ Bí thư"),
# and of former posts "\s*(?:VERB|...)( chủ chốt)?( như)?:?\s+". Written without the leading
# spaces, which ``_verbs`` puts back, so that the patterns start with the verbs' first letters
# (see ``text.alternation``).
_APPOINTMENT = re.compile(
    alternation(
        [
            rf"{verb}(?: chức)?(?:(?<=chức) (?:vụ|danh))?:?\s+"
            for verb in split_alternatives(word_alternation(_TABLE["appointments"]["verbs"]))
        ]
    )
)
_FORMER_APPOINTMENT = re.compile(
    alternation(
        [
            rf"{verb}(?: chủ chốt| quan trọng)?(?: như)?:?\s+"
            for verb in split_alternatives(word_alternation(_TABLE["appointments"]["former_verbs"]))
        ]
    )
)
if any(
    verb[:1].isspace() for key in ("verbs", "former_verbs") for verb in _TABLE["appointments"][key]
):
    raise ValueError("a verb of appointment starts with a space")  # _verbs relies on it

_WORD = rf"[{UPPER}][{LOWER}]*"
_ENDS = "".join(re.escape(ch) for ch in sorted(_HONORIFIC_ENDS))
# A run of capitalized words: (?<![LETTER\d])(WORD(?: WORD)*)END, written to start with the
# capital (the look-behind after it), so that the regex engine skips to capitals. Runs of one
# word are only wanted after ông/bà (``find_names``): the test right after the capital keeps
# those whose two characters before may end an honorific (see ``_honorific_before``), and
# every run whose first word has another after it; the other one-word runs (most runs: the
# sentence's first word, a place) are never matched.
_RUN = re.compile(
    rf"([{UPPER}](?<![{LOWER}{UPPER}\d](?s:.))"
    rf"(?:(?<=[{_ENDS}] (?s:.))|(?<=\n(?s:.))|(?=[{LOWER}]* [{UPPER}]))"
    rf"[{LOWER}]*(?: {_WORD})*){_END}"
)
# Between posts of one chain: ", ", " - ", " kiêm ", ", kiêm " (and also), "; ", " rồi ".
_CHAIN_SEP = re.compile(r"\s*(?:,?\s*(?:kiêm|rồi|và)|,|-|–|—|;)\s*|\s+")
# A body kg does not know, written after a title and before the next title of the chain: a
# head word of [unknown_bodies], up to the comma ("Ủy viên Ban Chấp hành Đảng, Bí thư Tỉnh ủy").
_UNKNOWN_BODY = re.compile(
    rf" ?(?:{word_alternation(_TABLE['unknown_bodies']['heads'])}) [^,;.()]{{1,40}}?(?=, )"
)
# A body kg does not know, written after a title up to its unit and place: "Chủ tịch Liên hiệp
# các Hội Khoa học và kỹ thuật tỉnh", "Chủ tịch Liên đoàn Lao đông tỉnh Kiên Giang".
_UNKNOWN_HEAD = re.compile(rf"(?:{word_alternation(_TABLE['unknown_bodies']['heads'])}) ")
_UNKNOWN_UNIT = re.compile(r"[^,;.()\-–]{1,50}?(?= (?:tỉnh|thành phố|TP|huyện|quận|thị xã)(?!\w))")
_UNKNOWN_KINDS = {"Hội": "mass_organization", "Liên đoàn": "mass_organization",
                  "Liên hiệp": "mass_organization", "Đoàn": "mass_organization"}
# A verb of appointment right before a title: the title is given to the name before the verb
_GIVEN_BEFORE = re.compile(
    rf"(?<!\w)(?:{word_alternation(_TABLE['appointments']['verbs'])})"
    r"(?: chức)?(?:(?<=chức) (?:vụ|danh))?:?\s+$"
)
_GIVEN_REACH = 40
# What a title may say of its duties before the name it is of: "Phó chủ tịch thường trực
# kiêm phụ trách lĩnh vực văn hoá - xã hội Đồng Văn Thanh" (in charge of culture)
_DUTIES = re.compile(r"\s*(?:kiêm\s+)?phụ trách\s+[^,;()\"“”A-ZĐ]{1,60}\s*")
# Between a name and the title chain after it.
_AFTER_NAME = re.compile(r"\s*(?:,|-|–|—|\(|:)?\s*")
# What a name's own clause may tell before the title: age and birth, where from, rank ("(39 tuổi,
# Giám đốc Sở Tài chính)", "sinh năm 1971, quê Thanh Chương (Nghệ An) là Uỷ viên ...").
_BIO = re.compile(
    r"(?:\d{2} tuổi\s*[,;]\s*"
    # "với cấp hàm đại tá - Chỉ huy trưởng ..." (with the rank of colonel)
    rf"|(?:với )?(?:cấp hàm|quân hàm) (?i:{word_alternation(_TABLE['ranks']['words'])})\s*[-–,]\s*"
    r"|sinh (?:năm |ngày |tháng )?[\d/.\- ]{2,12}"
    r"(?:,? (?:tại|quê(?: quán)?(?: ở| tại)?) [^,;.()]{1,40}?(?: \([^()]*\))?)?,?\s+là\s+)"
)
# A title's term, and commas, before the words that link it to a person
_TERM_THEN = r"\s*,?\s*(?:nhiệm kỳ\s*\(?[\d\s–-]+\)?)?\s*,?\s*"
# Between a title and the person a vote gives it to or takes it from: "bầu bổ sung Ủy viên
# UBND tỉnh nhiệm kỳ (2016-2021) đối với ông X" (with respect to).
_FOR_PERSON = re.compile(rf"{_TERM_THEN}đối với\s*")
# Between a title and the person it was taken from: "giữ chức Bí thư Tỉnh uỷ Hà Nam, nhiệm
# kỳ 2015-2020, thay cho ông X" (replacing X). X held the post before.
_REPLACED = re.compile(rf"{_TERM_THEN}(?:{word_alternation(_TABLE['replacing']['words'])})\s*")
# "Báo cáo với Bí thư Thành ủy, bà X": a title after "với" (to, with) is the listener's
_TO_SOMEONE = re.compile(r"(?<!\w)với\s+$")
# A name inside brackets: the verb after the closing one is of the name before them.
_CLOSES_ASIDE = re.compile(r"^[^(]*\)")
# A nomination ("giới thiệu ông X làm", "cho chức danh Bí thư gồm: A, B") gives no post.
_NOMINATION = re.compile(
    rf"{WORD_START}(?:{word_alternation(_TABLE['nomination']['words'])}){_END}",
    re.IGNORECASE,
)
_NOMINATED_TITLE = re.compile(
    rf"(?:{word_alternation(_TABLE['nomination']['before_title'])})\s*$", re.IGNORECASE
)
_NOMINATION_REACH = 30
# Verbs that take a post away: dismiss, relieve of.
_DISMISSAL = re.compile(
    r"(?:miễn nhiệm|bãi nhiệm|cho thôi giữ|cho thôi|thôi giữ)(?: chức vụ| chức danh| chức)?\s*$"
)
_DISMISSAL_REACH = 30
# Between a title and the list of names that hold it: "gồm" (made up of), "là" (are), with
# "các ông/bà" and a colon: "Các Phó Chủ tịch gồm các ông: A, B", "Hai phó bí thư Tỉnh uỷ
# khác là bà A và ông B" (the other two). Not "lần lượt là"
# (respectively): "Bình Phước và An Giang có tân Bí thư lần lượt là A và B" pairs them.
_LIST_INTRO = re.compile(
    r"\s*(?:(?:còn lại|khác|mới)\s+)?(?<!lần lượt )(?:gồm có|gồm|là)\s*:?\s*"
    r"(?:(?:các )?(?:ông|bà|đồng chí)\s*)?:?\s*$"
)
# Between two names of such a list: a comma, a semicolon or "và", "ông/bà", a bracket.
_IN_LIST = re.compile(
    r"\s*\)?\s*(?:\([^()]*\))?\s*(?:[,;]|và|,\s*và)?\s*(?:(?:các )?(?:ông|bà|đồng chí) )?"
)
_SEPARATOR_ONLY = re.compile(r"^\s*[,\-–—(]\s*$")
_SEPARATED = re.compile(r"[,;]|(?<![\w])(?:ông|bà|đồng chí)(?![\w])")
_INSIDE_BODY = re.compile(r"(?:Ban|ban) $")
_ASIDE = re.compile(r"\s*\([^()]*\)")
# What may stand between names of one list: ", ", " và ", "ông", a bracketed title, the dash
# that closes a title between dashes ("ông A - Uỷ viên ... - và ông B - ... - được bầu").
_LIST_GAP = re.compile(
    r"^\s*\)?\s*(?:\([^()]*\))?\s*[-–]?\s*(?:,|và|cùng)?\s*(?:(?:các )?(?:ông|bà|đồng chí) )?$"
)
# Ranks of a committee term glued to a title: "Bí thư Tỉnh uỷ khoá 15", "Chủ tịch Hội X khoá
# VIII, nhiệm kỳ 2019 – 2024".
_TERM = re.compile(
    r"(?:,?\s+(?:khóa|khoá|nhiệm kỳ)\s+[\dIVXL]+(?:\s*[-–]\s*\d{4})?)+|\s+đương nhiệm(?!\w)"
)


@dataclass
class NameSpan:
    """A person's name in a sentence (offsets are sentence-relative)."""

    name: str  # modern spelling
    start: int
    end: int
    honorific: bool = False
    short: bool = False  # "ông Cường": the given name of someone named in full before


@dataclass
class ParsedPost:
    role: RoleEntry
    body: Body | None
    start: int
    end: int
    former: bool = False
    inferred: bool = False  # the body is not written: the article's own committee by default


@dataclass
class PersonFacts:
    """What one article says of one person."""

    name: str
    rank: str = ""
    posts: list[tuple[ParsedPost, Sentence]] = field(default_factory=list)
    mentions: list[tuple[Sentence, NameSpan]] = field(default_factory=list)
    supported: bool = False  # named with a post or with ông/bà/đồng chí somewhere


# --- names --------------------------------------------------------------------------------


# What may follow a name and not a sentence's first word: a comma, a bracket, a dash, a verb.
_NAME_GOES_ON = re.compile(
    r"\s*(?:[,(–-]|(?:được|là|đã|cho biết|phát biểu|nói|tái|trúng|sinh|làm|giữ)(?!\w))"
)


def find_names(folded: str) -> list[NameSpan]:
    """People's names in one (tone-folded) sentence, including short ones ("ông Cường")."""
    names: list[NameSpan] = []
    for run in _RUN.finditer(folded):
        text, at = run.group(1), run.start(1)
        if " " not in text:
            # One word (most runs: the sentence's first word, a place): only a short name
            # after ông/bà ("ông Cường"), and never an honorific itself ("Ông").
            if text not in _CAPITAL_HONORIFICS and _honorific_before(folded, at):
                names.append(NameSpan(text, at, at + len(text), True, True))
            continue
        words = text.split(" ")
        if SURNAMES.isdisjoint(words) and words[0] not in _CAPITAL_HONORIFICS:
            # No family name (most runs: places, bodies): only a name after ông/bà can start
            # here (``_name_start``).
            if not _honorific_before(folded, at):
                continue
            honorific = True
        else:
            honorific = _honorific_before(folded, at)
        skip = 0
        while skip < len(words) and words[skip] in _CAPITAL_HONORIFICS:
            skip += 1
        if skip:  # "Ông Nguyễn Văn A": the name starts after the honorifics and their spaces
            at += len(" ".join(words[:skip])) + 1
            words, honorific = words[skip:], True
        if not NAME_STOPS.isdisjoint(words[1:]):  # rarely: a stop word after the first
            stop = next(i for i, w in enumerate(words) if i and w in NAME_STOPS)
            # ... that ends the name when a verb follows: "Nguyễn Hữu Từ được bầu" (Từ, also
            # "from", is his given name); "ông Hưng Sau khi ..." is a sentence glued on
            if stop < len(words) - 1 or not _NAME_GOES_ON.match(folded, run.end(1)):
                words = words[:stop]
        if honorific and len(words) == 1:
            names.append(NameSpan(words[0], at, at + len(words[0]), True, True))
            continue
        start = _name_start(words, honorific)
        if start is None:
            continue  # most runs: no family name where a name could start
        offsets = _word_offsets(at, words)
        length = min(len(words) - start, 5 if honorific and start == 0 else 4)
        length = _before_title(folded, offsets, start, length)
        if length < 2:
            continue
        name = " ".join(words[start : start + length])
        if match_key(name) in NOT_PEOPLE or _is_place(name):
            continue
        begin = offsets[start]
        names.append(NameSpan(name, begin, begin + len(name), honorific and start == 0))
    return names


def _honorific_before(folded: str, at: int) -> bool:
    """ông/bà/đồng chí right before ``at`` (the match ends there: no need to look further).

    The match ends with an honorific's last letter and a space: the two characters before
    ``at`` rule out most places without a search (a line end, which "$" may stand before,
    is left to the search).
    """
    before = folded[max(0, at - 2) : at]
    if before == "u ":
        # "Đại biểu Trần Trọng Dũng cho rằng" (delegate), not "đoàn đại biểu" (delegation)
        return _DELEGATE_BEFORE.search(folded, max(0, at - 16), at) is not None
    if before[-1:] != "\n" and (
        len(before) < 2 or before[1] != " " or before[0] not in _HONORIFIC_ENDS
    ):
        return False
    return _HONORIFIC_BEFORE.search(folded, max(0, at - _HONORIFIC_REACH), at) is not None


def _before_title(folded: str, offsets: list[int], start: int, length: int) -> int:
    """Cut a name where a title begins ("ông Hoàng Dân Mạc Bí thư Tỉnh uỷ")."""
    for i in range(start, start + length):
        if _ANY_ROLE.match(folded, offsets[i]):
            return i - start
    return length


def _word_offsets(start: int, words: list[str]) -> list[int]:
    offsets, pos = [], start
    for word in words:
        offsets.append(pos)
        pos += len(word) + 1
    return offsets


_MIDDLE_NAMES = frozenset({"Thị", "Văn"})


def _name_start(words: list[str], honorific: bool) -> int | None:
    """Where the name starts in a run of capitalized words, after any glued place name."""
    for start in range(1, len(words) - 1):
        # a family name, or one the tables lack before a middle name: "Hà Giang Chúng Thị
        # Chiên" (Chúng, a family name of the uplands)
        if (words[start] in SURNAMES or words[start + 1] in _MIDDLE_NAMES) and (
            _is_glued_place(words[:start]) or _ends_a_body_name(words[:start])
        ):
            return start
    if len(words) < 2:
        return None
    if (honorific and not _is_body_word(words[0])) or words[0] in SURNAMES:
        return 0  # "đại biểu Hội Luật gia" (delegates of the Lawyers' Association): no one
    for start in range(1, len(words) - 1):
        if words[start] in SURNAMES and _is_body_word(words[0]):
            return start
    return None


def _is_glued_place(words: list[str]) -> bool:
    """True when ``words`` name a place glued before a name ("... huyện Cẩm Xuyên Hà Thị Việt
    Ánh"). A family name alone is a commune's name too often ("Vương", "Đoàn"): as one word it
    must name a district or a province."""
    name = " ".join(words)
    if len(words) == 1 and words[0] in SURNAMES:
        return _is_district_or_province(name)
    return _is_place(name)


@lru_cache(maxsize=1 << 12)
def _is_district_or_province(name: str) -> bool:
    gaz = gazetteer()
    return any(gaz.lookup(name, level) for level in ("province", "district"))


def _ends_a_body_name(words: list[str]) -> bool:
    """True when the words end with one that closes a body's name ("MTTQ Việt Nam")."""
    return any(" ".join(words[k:]) in GLUED_BEFORE_NAMES for k in range(len(words)))


# Cached: a pure function of the (fixed) gazetteer, asked of the same names over and over.
@lru_cache(maxsize=1 << 14)
def _is_place(name: str) -> bool:
    gaz = gazetteer()
    return any(gaz.lookup(name, level) for level in ("province", "district", "commune"))


def _is_body_word(word: str) -> bool:
    # "Trường THPT Cẩm Bình Nguyễn Văn Quang": a run that starts with a body word holds the
    # body's own name before the person's.
    return word in {"Trường", "Sở", "Bộ", "Cục", "Tập", "Ban", "Hội", "Công", "Tổng", "Viện"}


# --- title chains -------------------------------------------------------------------------


def names_a_title(text: str) -> bool:
    """Whether ``text`` (folded) holds a title of the roles table."""
    return _ANY_ROLE.search(text) is not None


def without_titles(text: str, index: LocalityIndex, at: int) -> str:
    """``text`` (folded) with every chain of titles and their bodies cut out: "Ông X, Bí thư
    Tỉnh uỷ Quảng Ninh" -> "Ông X, "."""
    kept: list[str] = []
    pos = 0
    for role in _ANY_ROLE.finditer(text):
        if role.start() < pos:
            continue
        _, end = parse_chain(text, role.start(), len(text), index, at + role.start())
        kept.append(text[pos : role.start()])
        pos = max(end, role.end())
    kept.append(text[pos:])
    return "".join(kept)


def _role_at(text: str, pos: int, limit: int) -> tuple[RoleEntry, re.Match[str]] | None:
    """The first role of the table that matches at ``pos``, and its match."""
    match = _ROLE_AT.match(text, pos, limit)
    if match is None:
        return None
    return ROLES[int(branch_name(match)[1:])], match


def _body_after_role(
    text: str, entry: RoleEntry, pos: int, limit: int, index: LocalityIndex, at: int
) -> tuple[Body | None, int]:
    """The body written after a title at ``pos`` (just past the title's space).

    A title that shares words with its body ("Trưởng ban Tuyên giáo Tỉnh ủy", "Chánh Văn
    phòng Tỉnh ủy") is read as its head plus the rest, unless the body is written in full.
    """
    prefix = entry.body_prefix
    if prefix and not text[pos:limit].lower().startswith(prefix.strip().lower()):
        synthetic = prefix + text[pos:limit]
        phrase = parse_body(synthetic, 0, index, at)
        if phrase is not None and phrase.end > len(prefix):
            return phrase.body, pos + phrase.end - len(prefix)
    phrase = parse_body(text, pos, index, at, limit)
    if phrase is not None:
        return phrase.body, phrase.end
    if entry.unit_body:
        # "Bí thư tỉnh Quảng Nam", "Phó chủ tịch huyện"
        body, end = _UNIT_BODY_READERS[entry.unit_body](text, pos, index, at, limit)
        if body is not None:
            return body, end
    return _unknown_body_of_unit(text, pos, limit, index, at)


def _unknown_body_of_unit(
    text: str, pos: int, limit: int, index: LocalityIndex, at: int
) -> tuple[Body | None, int]:
    """A body the tables do not know, as written up to the unit and place that end it."""
    head = _UNKNOWN_HEAD.match(text, pos, limit)
    words = head and _UNKNOWN_UNIT.match(text, head.end(), limit)
    placed = words and unit_at(text, words.end(), index, at + words.end() - pos)
    if not placed:
        return None, pos
    locality, end = placed
    name = text[pos:end]
    return Body(name, _UNKNOWN_KINDS.get(head.group().strip(), "other"), locality), end


def parse_chain(
    text: str, pos: int, limit: int, index: LocalityIndex, at: int, former: bool = False
) -> tuple[list[ParsedPost], int]:
    """Posts joined in a chain starting at ``pos``: each a title and, optionally, its body."""
    posts: list[ParsedPost] = []
    cursor = pos
    while cursor < limit:
        lead = _FORMER_LEAD.match(text, cursor, limit)
        rank = _RANK.match(text, lead.end() if lead else cursor, limit)
        start = rank.end() + 1 if rank else (lead.end() if lead else cursor)
        found = _role_at(text, start, limit)
        if found is None:
            break
        entry, role_match = found
        is_former = (
            former
            or lead is not None
            or _FORMER_WORD.search(text, max(0, start - 8), start) is not None
        )
        end = role_match.end()
        body = None
        if end < limit and text[end] == " ":
            body, body_end = _body_after_role(text, entry, end + 1, limit, index, at)
            end = max(end, body_end)
        if body is None and (unknown := _UNKNOWN_BODY.match(text, end, limit)):
            following = unknown.end() + len(_CHAIN_SEP.match(text, unknown.end(), limit).group())
            if _role_at(text, following, limit) is not None:
                # "Ủy viên Ban Chấp hành Đảng, Bí thư Tỉnh ủy Yên Bái": the body as written
                body, end = Body(unknown.group().strip(), "other"), unknown.end()
        default = entry.default_body or (_focus_committee(index) if entry.party else "")
        inferred = body is None and bool(default) and not entry.default_body
        if body is None and default:
            phrase = parse_body(default, 0, index, at)
            body = phrase.body if phrase else Body(default, "government")
        term = _TERM.match(text, end, limit)
        if term:
            end = term.end()
        posts.append(ParsedPost(entry, body, start, end, is_former, inferred))
        sep = _CHAIN_SEP.match(text, end, limit)
        if sep is None or sep.end() == end:
            break
        nxt = sep.end()
        if (
            _role_at(text, nxt, limit) is None
            and not _RANK.match(text, nxt, limit)
            and not _FORMER_LEAD.match(text, nxt, limit)
        ):
            break
        cursor = nxt
    _borrow_bodies(posts)
    return posts, (posts[-1].end if posts else pos)


def _focus_government(index: LocalityIndex) -> Body | None:
    """The People's Committee of the unit the article is about, if it is about one."""
    return peoples_committee(index.focus) if index.focus is not None else None


def _focus_committee(index: LocalityIndex) -> str:
    """The party committee of the unit the article is about, by its committee word."""
    focus = index.focus
    if focus is None or focus.level == "province":
        return "Tỉnh ủy" if focus is None or focus.unit == "tỉnh" else "Thành ủy"
    return {
        "huyện": "Huyện ủy",
        "thị xã": "Thị ủy",
        "quận": "Quận ủy",
        "thành phố": "Thành ủy",
    }.get(focus.unit, "Huyện ủy")


def _borrow_bodies(posts: list[ParsedPost]) -> None:
    """ "Phó giám đốc, Giám đốc Sở Tài chính": a bare title takes the next title's body;
    "Bí thư Đảng đoàn, Chủ tịch Hội Luật gia Việt Nam": a party group is of the next body."""
    for i in range(len(posts) - 2, -1, -1):
        body, following = posts[i].body, posts[i + 1].body
        if following is None:
            continue
        if body is None:
            posts[i] = replace(posts[i], body=following)
        elif body.name in GROUPS_OF_NEXT:
            joined = Body(f"{body.name} {following.name}", body.kind, following.locality, following)
            posts[i] = replace(posts[i], body=joined)
    # "Chủ tịch UBND thị xã, Bí thư thị uỷ Thuận An", "Bí thư Thị uỷ, Chủ tịch UBND thị xã Hà
    # Tiên": a unit's body without its place is of the place its neighbour in the chain names
    for i, post in enumerate(posts):
        neighbours = [posts[j].body for j in (i + 1, i - 1) if 0 <= j < len(posts)]
        placed = next((b for b in neighbours if b is not None and b.locality is not None), None)
        if _placeless_unit_body(post.body) and placed and placed.locality.level == "district":
            posts[i] = replace(post, body=_placed(post.body, placed.locality))


# A district-level unit's committee or council, as a body without its place is named
_UNIT_BODIES = frozenset({"UBND", "HĐND", "Huyện ủy", "Thị ủy", "Quận ủy", "Thành ủy"})


def _placeless_unit_body(body: Body | None) -> bool:
    return body is not None and body.locality is None and body.name in _UNIT_BODIES


def _placed(body: Body, locality: Locality) -> Body:
    """``body`` (a unit's committee or council, its place not written) of ``locality``."""
    if body.name.endswith("ủy"):
        return Body(f"{body.name} {locality.name}", body.kind, locality)
    return Body(local_name(body.name, locality), body.kind, locality)


def _left_chain(
    folded: str, name: NameSpan, floor: int, index: LocalityIndex, at: int
) -> list[ParsedPost]:
    """The title chain ending right before ``name`` (a rank or ông/bà may stand between)."""
    # A ";" ends the person before in a list: the title after it is this one's. Right before
    # a bare name it stands for a comma ("Bí thư Tỉnh uỷ, Trưởng đoàn ĐBQH tỉnh; Trần Văn Nam");
    # before "ông"/"bà" it starts the next item ("Bí thư Tỉnh uỷ Phú Thọ; ông Triệu Tài Vinh").
    semicolon = folded.rfind(";", floor, name.start)
    if semicolon >= 0 and folded[semicolon + 1 : name.start].strip():
        floor = semicolon + 1
    tail = _strip_address(folded[floor : name.start].rstrip()).rstrip(" ,;-–")
    tail_end = floor + len(tail)
    for role_start in _ANY_ROLE.finditer(folded, floor, tail_end):
        if role_start.start() > floor and folded[role_start.start() - 1] not in ' (,;:-–"“':
            continue
        if _INSIDE_BODY.search(folded, max(0, role_start.start() - 8), role_start.start()):
            continue  # "Ban Bí thư" is a body, not a secretary
        if _NOMINATED_TITLE.search(
            folded, max(0, role_start.start() - _NOMINATION_REACH), role_start.start()
        ):
            return []  # "3 người cho chức danh Bí thư Tỉnh uỷ gồm: ông A": candidates
        posts, end = parse_chain(folded, role_start.start(), tail_end, index, at)
        if posts and _FOR_PERSON.fullmatch(folded, end, tail_end):
            # "miễn nhiệm Chủ tịch UBND tỉnh, nhiệm kỳ 2016-2021 đối với ông X": the post of X,
            # a former one when X is dismissed from it
            before = folded[max(0, role_start.start() - _DISMISSAL_REACH) : role_start.start()]
            if _DISMISSAL.search(before):
                return [replace(post, former=True) for post in posts]
            return posts
        if posts and _REPLACED.fullmatch(folded, end, tail_end):
            return [replace(post, former=True) for post in posts]
        if posts and _LIST_INTRO.fullmatch(folded, end, tail_end):
            # "Các Phó Chủ tịch gồm: ông A, B, bà C": A's, and the list's; a bare title of the
            # list is of the body the sentence named before it ("UBND có 6 Phó chủ tịch gồm")
            offset = at - name.start
            return [
                post
                if post.body is not None
                else replace(post, body=last_body_before(folded, post.start, index, offset))
                for post in posts
            ]
        if posts and "," in folded[end : name.start] and _TO_SOMEONE.search(
            folded, max(0, role_start.start() - 16), role_start.start()
        ):
            continue  # "Báo cáo với Bí thư Thành ủy, bà X cho biết": said to him, by her
        if posts and (
            folded[end:tail_end].strip(" ,-–") == "" or _DUTIES.fullmatch(folded, end, tail_end)
        ):
            if (
                floor
                and _SEPARATOR_ONLY.match(folded[floor : role_start.start()])
                and (_SEPARATED.search(folded[end : name.start]))
            ):
                # "ông A – Phó Chủ tịch Hội X, bà B": the title is A's, said after A's name.
                return []
            if (
                floor
                and _SEPARATED.search(folded[end : name.start])
                and _GIVEN_BEFORE.search(
                    folded, max(floor, role_start.start() - _GIVEN_REACH), role_start.start()
                )
            ):
                # "bầu ông A tái giữ chức Bí thư Tỉnh uỷ Sơn La, ông B được bầu làm ...": what
                # the verb gives the name before it (not "bà Hằng là Phó chủ tịch Lê Thị Thìn")
                return []
            return posts
    return []


def _strip_address(text: str) -> str:
    """``text`` (ending in a non-space) without a rank or ông/bà at its end.

    Such a match ends at the end of ``text`` and is a word long: the search need not start
    further back than that.
    """
    match = _ADDRESS_BEFORE.search(text, max(0, len(text) - _ADDRESS_REACH))
    return text if match is None else text[: match.start()] + text[match.end() :]


def _right_chain(
    folded: str, name: NameSpan, ceiling: int, index: LocalityIndex, at: int
) -> tuple[list[ParsedPost], int]:
    pos = name.end
    aside = _ASIDE.match(folded, pos)
    if aside and _ANY_ROLE.search(aside.group(0)) is None:
        pos = aside.end()  # "Ông Lê Xuân Huy (người đứng phát biểu) - Tỉnh ủy viên"
    sep = _AFTER_NAME.match(folded, pos)
    pos = sep.end() if sep else pos
    bio = _BIO.match(folded, pos, ceiling)
    pos = bio.end() if bio else pos
    posts, end = parse_chain(folded, pos, ceiling, index, at)
    if (
        posts
        and ceiling < len(folded)
        and (
            folded[end:ceiling].strip(" ,-–") == ""
            or _DUTIES.fullmatch(folded, end, ceiling) is not None
        )
    ):
        # The chain runs into the next name: it is that person's title, from the last ";"
        # on ("ông A, Phó Bí thư, Chủ tịch UBND tỉnh; Phó Bí thư Tỉnh uỷ B": A's are before).
        semicolon = folded.rfind(";", pos, ceiling)
        own = [post for post in posts if post.end <= semicolon]
        return own, (own[-1].end if own else name.end)
    return posts, end


def _appointed_posts(
    folded: str, pos: int, ceiling: int, index: LocalityIndex, at: int
) -> list[ParsedPost]:
    """Posts given by verbs of appointment after a name: "được bầu làm Bí thư Tỉnh uỷ", "cũng
    là Chỉ huy trưởng ..., sau đó được bầu giữ chức Chủ tịch UBND tỉnh rồi Bí thư tỉnh uỷ"."""
    found: list[ParsedPost] = []
    for pattern, former in ((_FORMER_APPOINTMENT, True), (_APPOINTMENT, False)):
        # A list of former posts runs on past semicolons: "từng giữ các chức vụ: A; B; C".
        clause_end = ceiling if former else _clause_end(folded, pos, ceiling)
        reach = pos + 60
        for start, end in _verbs(pattern, folded, pos, clause_end):
            between = folded[pos:start]
            if start > reach or _NOMINATION.search(between) or _CLOSES_ASIDE.search(between):
                # too far; "được giới thiệu để bầu làm": nominated; "Sang (gọi ông Sơn bằng
                # chú) là Trưởng phòng": the verb is not of the name inside the brackets
                break
            if former:
                posts = _career(folded, end, clause_end, index, at)
                if posts:
                    # "từ Bí thư huyện uỷ X sang giữ chức Giám đốc Sở Y": the posts held
                    # before, then any the clause gives after them
                    found += posts
                    pos = max(pos, posts[-1].end)
                    break
                continue
            posts, chain_end = parse_chain(folded, end, clause_end, index, at)
            if posts and ceiling < len(folded) and not folded[chain_end:ceiling].strip(" ,-–"):
                break  # "sau ông Việt, bà Hằng là Phó chủ tịch UBND tỉnh Lê Thị Thìn"
            if posts and not any(p.start == posts[0].start for p in found):
                found += posts
                reach = chain_end + 60
    return found


def _career(folded: str, pos: int, ceiling: int, index: LocalityIndex, at: int) -> list[ParsedPost]:
    """The title chains that start the items of a career after a verb of former posts, up to
    ``ceiling``. Not every item is a title ("từng giữ các chức vụ: Kế toán trưởng Ban Quản lý
    dự án, Trưởng phòng Tài chính, Chủ tịch thị xã Cửa Lò, ..."), so an item that is not does
    not end the list. A chain that runs into the next name is that person's title."""
    posts: list[ParsedPost] = []
    item = pos
    while item < ceiling:
        lead = _CAREER_LEAD.match(folded, item, ceiling)
        start = lead.end() if lead else item
        chain, end = parse_chain(folded, start, ceiling, index, at, former=True)
        if chain:
            if ceiling < len(folded) and folded[end:ceiling].strip(" ,-–") == "":
                break
            posts += chain
        separator = _CAREER_SEPARATOR.search(folded, max(end, item), ceiling)
        if separator is None:
            break
        item = separator.end()
    return posts


_CLAUSE_STOP = re.compile(r"[.;]\s|\. |$")


def _verbs(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> Iterator[tuple[int, int]]:
    """Where ``\\s*`` and ``pattern`` match in ``text[pos:endpos]``, as ``finditer`` would find
    them: a match found at a verb starts with the spaces before it (back to where the search
    began), as the leading ``\\s*`` would take them; no verb starts with a space."""
    while (match := pattern.search(text, pos, endpos)) is not None:
        start = match.start()
        while start > pos and text[start - 1].isspace():
            start -= 1
        yield start, match.end()
        pos = match.end()


def _clause_end(folded: str, pos: int, ceiling: int) -> int:
    match = _CLAUSE_STOP.search(folded, pos, ceiling)
    return match.start() if match and match.start() > pos else ceiling


# --- article ------------------------------------------------------------------------------


def _body_from_heading(
    doc: Document, post: ParsedPost, sentence: Sentence, paragraph_start: int, index: LocalityIndex
) -> Body | None:
    """ "Ban Pháp chế: Trưởng ban A ... Phó ban B": a bare title takes the body the paragraph
    named last with the title's own head word ("Ban ...")."""
    prefix = post.role.body_prefix
    if not prefix or post.body is not None:
        return None
    before = doc.folded[paragraph_start : sentence.start + post.start]
    heads = list(re.finditer(rf"{WORD_START}{re.escape(prefix)}(?=[{UPPER}])", before))
    for head in reversed(heads):
        phrase = parse_body(before, head.start(), index, paragraph_start + head.start())
        if phrase is not None:
            return phrase.body
    return None


def extract_people(
    doc: Document, index: LocalityIndex
) -> tuple[dict[str, PersonFacts], list[BodyMention]]:
    people: dict[str, PersonFacts] = {}
    bodies: list[BodyMention] = []
    last_full: list[str] = []  # keys of people named in full, most recent last
    last_named: list[str] = []  # keys of people named, in full or not, most recent last
    last_paragraph = -1  # the paragraph of the last name
    heads: dict[str, tuple[int, Body]] = {}  # head title -> (paragraph, body) of its last post
    # the posts last voted on "đối với" (for) someone, and the paragraph: "Miễn nhiệm ông B"
    # in the next sentences takes the same ones
    voted: tuple[int, list[ParsedPost]] | None = None
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        names = find_names(folded)
        if last_named and sentence.paragraph - last_paragraph <= 1:
            _pronoun_posts(folded, names, people, last_named, sentence, index)
        if names:
            last_paragraph = sentence.paragraph
        chains: list[list[ParsedPost]] = []
        listed: list[bool] = []  # the name belongs to a list introduced by its title
        counted: tuple[int, list[ParsedPost]] | None = None  # names a counted list still has
        for i, name in enumerate(names):
            floor = names[i - 1].end if i else 0
            ceiling = names[i + 1].start if i + 1 < len(names) else len(folded)
            at = sentence.start + name.start
            left = _left_chain(folded, name, floor, index, at)
            if left and _FOR_PERSON.search(folded, left[-1].end, name.start):
                voted = (sentence.paragraph, left)
            again = []
            if not left and voted and sentence.paragraph - voted[0] <= 1:
                left = again = _voted_again(folded, floor, name, voted[1])
            right, right_end = _right_chain(folded, name, ceiling, index, at)
            # A title before a list, or voted on "đối với" (for) a list: "miễn nhiệm Ủy viên
            # UBND tỉnh đối với ông A, nguyên Giám đốc Sở X; bà B, ...; và ông C" is each one's
            in_list = bool(again) or (
                bool(left)
                and bool(
                    _LIST_INTRO.search(folded, left[-1].end, name.start)
                    or _FOR_PERSON.search(folded, left[-1].end, name.start)
                )
            )
            shared = [p for p in chains[i - 1] if p.start < names[i - 1].start] if i else []
            if (
                not left
                and i
                and listed[i - 1]
                and _IN_LIST.fullmatch(_gap(folded, names, chains, i - 1))
            ):
                # "Các Phó Chủ tịch gồm: ông A (tái cử); B; bà C": each has the list's title
                left, in_list = shared, True
            elif not left and not right and i and _joined_by_and(folded, names[i - 1], name):
                left = shared
            elif (
                not left
                and counted
                and counted[0] > 0
                and _NEXT_ITEM.search(folded, floor, name.start)
            ):
                # "Hai phó chủ tịch UBND tỉnh còn lại là bà A được 50 phiếu ...; ông B được 53
                # phiếu": the list said how many it names, and the next item starts so
                left = counted[1]
                counted = (counted[0] - 1, counted[1])
            if in_list and left and (count := _LIST_COUNT.search(folded, 0, left[0].start)):
                counted = (_count_value(count.group(1)) - 1, left)
            chains.append(left + right)
            listed.append(in_list)
        named_here: dict[int, PersonFacts] = {}  # the people of this sentence, by name index
        place = _Place(doc, sentence, folded, names, heads, index, bodies)
        for i, name in enumerate(names):
            key = _person_key(name, people, last_full)
            if key is None:
                continue
            person = people.setdefault(key, PersonFacts(fold(name.name)))
            named_here[i] = person
            if not name.short:
                last_full.append(key)
            last_named.append(key)
            person.mentions.append((sentence, name))
            floor = names[i - 1].end if i else 0
            rank = _rank_before(folded[floor : name.start])
            if rank and not person.rank:
                person.rank = rank.group(0).strip()
            appointed = _list_appointments(folded, names, chains, i, index, sentence)
            if appointed and i - 1 in named_here and _KINSHIP.search(folded, floor, name.start):
                # "ông Lê Văn Trang (32 tuổi) con trai ông Lê Văn Sang được bổ nhiệm Bí thư xã":
                # the verb is the son's, the father is named only to say whose son he is
                named_here[i - 1].supported = True
                _record(named_here[i - 1], appointed, place)
                appointed = []
            posts = chains[i] + appointed
            if posts or (name.honorific and not name.short):
                person.supported = True
            _record(person, posts, place)
    return {key: p for key, p in people.items() if p.supported}, bodies


@dataclass
class _Place:
    """Where posts are read: what recording one needs besides the post."""

    doc: Document
    sentence: Sentence
    folded: str
    names: list[NameSpan]
    heads: dict[str, tuple[int, Body]]
    index: LocalityIndex
    bodies: list[BodyMention]


def _record(person: PersonFacts, posts: list[ParsedPost], at: _Place) -> None:
    """Give ``posts`` to ``person``: a bare title takes its body from a heading or from its
    head's post; each body is a mention."""
    sentence = at.sentence
    paragraph_start = at.doc.paragraph_starts[sentence.paragraph]
    for post in posts:
        heading = _body_from_heading(at.doc, post, sentence, paragraph_start, at.index)
        if heading is not None:
            post = replace(post, body=heading)
        post = _deputy_of_head(post, at)
        if (
            post.body is None
            and post.role.unit_body == "government"
            and not _unread_body_after(at.folded, post.end, at.names)
        ):
            # "Phó chủ tịch phụ trách lĩnh vực đô thị Lê Văn Khoa": a chairman the article
            # names without a body is of its unit's People's Committee (dropped if the same
            # title is written with its body for him)
            post = replace(post, body=_focus_government(at.index), inferred=True)
        person.posts.append((post, sentence))
        if post.body is not None:
            at.bodies.append(BodyMention(post.body, sentence.evidence(post.start, post.end)))


# Between a person and the relative named to say who they are: "con trai (của) ông" (son of)
_KINSHIP = re.compile(
    r"(?<!\w)(?:con trai|con gái|con dâu|con rể|con|vợ|chồng|em trai|em gái|anh trai|chị gái"
    r"|cháu)(?: ruột)?(?: của)?\s+(?:(?:ông|bà|đồng chí)\s+)?(?:[^\W\d]+\s+){0,4}$"
)


# A vote told again with only the person: "Miễn nhiệm ông Trịnh Tuấn Liêm, nguyên Giám đốc ..."
# after "miễn nhiệm Uỷ viên UBND tỉnh ... đối với ông Huỳnh Thanh Bình" (relieved of the same)
_VOTED_AGAIN = re.compile(
    r"(?<!\w)(?P<verb>[Mm]iễn nhiệm|[Bb]ãi nhiệm|[Bb]ầu bổ sung|[Bb]ầu)\s+(?:(?:ông|bà)\s+)?$"
)


def _voted_again(
    folded: str, floor: int, name: NameSpan, voted: list[ParsedPost]
) -> list[ParsedPost]:
    """The posts of the last vote for ``name``, when a verb of the same vote stands right
    before it (a dismissal gives former posts, an election current ones)."""
    verb = _VOTED_AGAIN.search(folded, max(floor, name.start - 20), name.start)
    if verb is None:
        return []
    dismissed = _DISMISSAL.fullmatch(verb.group("verb").lower()) is not None
    if any(post.former != dismissed for post in voted):
        return []
    return [replace(post, start=verb.start(), end=verb.end()) for post in voted]


# A list's title with how many it names: "Hai phó chủ tịch ... là" (two vice-chairmen); "năm"
# (five, also "year") is safe right before a title
_COUNT_WORDS = {word: n for word, n in NUMBER_WORDS.items() if n <= 7} | {"năm": 5}
_LIST_COUNT = re.compile(
    rf"(?<!\w)(?i:({'|'.join(_COUNT_WORDS)}|[2-7]))\s+(?:(?:vị|người|đồng chí)\s+)?$"
)
# ... and where its next item starts, past what was told of the one before
_NEXT_ITEM = re.compile(r"[;,]\s*(?:và\s+)?(?:ông|bà|đồng chí)\s+$")


def _count_value(word: str) -> int:
    return int(word) if word.isdigit() else _COUNT_WORDS[word.lower()]


_DEPUTY = "Phó "
_STANDING = " Thường trực"


def _deputy_of_head(post: ParsedPost, at: _Place) -> ParsedPost:
    """A deputy's title without its body is of the body whose head (or another deputy) was
    named last, in this paragraph or the one before: "Chủ tịch Hội Luật gia tỉnh Quảng Ninh
    ... là ông Ngô Đức. Các Phó Chủ tịch gồm: ông A, B" (the vice-chairs of that association).
    Not when the title runs into a body the tables do not know ("Phó Chủ tịch Tổng LĐLĐ Việt
    Nam"), nor past another province ("Tại Ninh Thuận, ..."). Records the post's own body for
    the deputies named after it."""
    title = post.role.role
    head = title.removeprefix(_DEPUTY).removesuffix(_STANDING)  # "Phó Chủ tịch Thường trực"
    paragraph = at.sentence.paragraph
    if post.body is not None:
        at.heads[head] = (paragraph, post.body)
        return post
    named = at.heads.get(head)
    if (
        not title.startswith(_DEPUTY)
        or named is None
        or paragraph - named[0] > 1
        or _unread_body_after(at.folded, post.end, at.names)
    ):
        return post
    place = named[1].locality
    if place is not None and place.province != at.index.nearest(
        "province", at.sentence.start + post.start
    ):
        return post
    return replace(post, body=named[1])


def _unread_body_after(folded: str, end: int, names: list[NameSpan]) -> bool:
    """A capitalized word right after a title that starts no person's name: a body's name
    that was not read."""
    start = end + len(folded[end:]) - len(folded[end:].lstrip(" "))
    return (
        start < len(folded)
        and folded[start].isupper()
        and all(name.start != start for name in names)
    )


def _pronoun_posts(
    folded: str,
    names: list[NameSpan],
    people: dict[str, PersonFacts],
    last_named: list[str],
    sentence: Sentence,
    index: LocalityIndex,
) -> None:
    """ "Ông từng giữ các chức vụ: ...": a sentence whose subject is "ông" or "bà" (he, she)
    speaks of the person named last that the pronoun fits; its verb of appointment gives
    them posts."""
    subject = _PRONOUN_SUBJECT.match(folded)
    if subject is None or (names and names[0].start < subject.end()):
        return
    ruled_out = _PRONOUNS[subject.group("pronoun").lower()]
    person = next(
        (
            people[key]
            for key in reversed(last_named)
            if not ruled_out.intersection(people[key].name.split()[1:-1])
        ),
        None,
    )
    if person is None:
        return
    ceiling = names[0].start if names else len(folded)
    for post in _appointed_posts(
        folded, subject.end(), ceiling, index, sentence.start + subject.start()
    ):
        if subject.group("earlier"):
            post = replace(post, former=True)  # "Trước đây ông là Giám đốc Sở ..."
        person.posts.append((post, sentence))


def _rank_before(text: str) -> re.Match[str] | None:
    """``_RANK_BEFORE.search(text)``, looking only at the last word and the spaces after it."""
    spaces = len(text) - len(text.rstrip())
    return _RANK_BEFORE.search(text, max(0, len(text) - spaces - _ADDRESS_REACH))


def _joined_by_and(folded: str, first: NameSpan, second: NameSpan) -> bool:
    return folded[first.end : second.start].strip() in ("và", ",")


def _person_key(name: NameSpan, people: dict[str, PersonFacts], last_full: list[str]) -> str | None:
    key = match_key(name.name)
    if not name.short:
        # "bà Ái Nam" after "Lê Thị Ái Nam": the end of a full name seen before.
        for earlier in reversed(last_full):
            if earlier != key and earlier.endswith(" " + key) and len(key.split()) < 3:
                return earlier
        return key
    given = key
    for key in reversed(last_full):
        if key.split(" ")[-1] == given:
            return key
    return None


def _list_appointments(
    folded: str,
    names: list[NameSpan],
    chains: list[list[ParsedPost]],
    i: int,
    index: LocalityIndex,
    sentence: Sentence,
) -> list[ParsedPost]:
    """The appointment verb after the last name of the list that ``names[i]`` belongs to.

    As many posts as names are given one each, in order: "Ông A và bà B được bầu giữ chức
    Chủ tịch UBND tỉnh và Chủ tịch HĐND tỉnh" (A the first, B the second)."""
    first = last = i
    while last + 1 < len(names) and _LIST_GAP.match(_gap(folded, names, chains, last)):
        last += 1
    while first > 0 and _LIST_GAP.match(_gap(folded, names, chains, first - 1)):
        first -= 1
    named_at = names[first].start
    if _NOMINATION.search(folded, max(0, named_at - _NOMINATION_REACH), named_at):
        return []  # "giới thiệu ông X làm Bí thư": a nominee
    after = max([names[last].end] + [p.end for p in chains[last] if p.start > names[last].start])
    ceiling = names[last + 1].start if last + 1 < len(names) else len(folded)
    after = _skip_bracket(folded, after, ceiling)
    posts = _appointed_posts(folded, after, ceiling, index, sentence.start + names[i].start)
    if last > first and len(posts) == last - first + 1:
        return [posts[i - first]]
    return posts


def _gap(folded: str, names: list[NameSpan], chains: list[list[ParsedPost]], i: int) -> str:
    end = max([names[i].end] + [p.end for p in chains[i] if p.start > names[i].start])
    return folded[end : names[i + 1].start]


def _skip_bracket(folded: str, pos: int, ceiling: int) -> int:
    rest = folded[pos:ceiling]
    stripped = rest.lstrip(" )-–,")
    if stripped.startswith("("):
        close = stripped.find(")")
        if close != -1:
            return pos + (len(rest) - len(stripped)) + close + 1
    return pos + (len(rest) - len(rest.lstrip(" )-–")))


def _home(person: PersonFacts, index: LocalityIndex) -> str:
    """The province that anchors a person's identity across articles."""
    for post, _ in person.posts:
        if post.body is not None and post.body.locality is not None:
            return post.body.locality.province.name
    if any(post.body is not None for post, _ in person.posts):
        return ""  # national posts only (Tổng Bí thư, Thứ trưởng): no province
    return index.province.name if index.province else ""


@component("people")
def people_component(doc: Document, facts: ArticleFacts) -> None:
    index = locality_index(doc, facts.localities)
    found, bodies = extract_people(doc, index)
    facts.bodies.extend(bodies)
    for info in found.values():
        person = Person(info.name, info.rank, _home(info, index))
        facts.people.append(person)
        seen: set[tuple[str, str, bool]] = set()
        with_body = {post.role.role for post, _ in info.posts if post.body is not None}
        written = {post.role.role for post, _ in info.posts if post.body and not post.inferred}
        for post, sentence in info.posts:
            key = (post.role.role, post.body.name if post.body else "", post.former)
            if key in seen or (post.body is None and post.role.role in with_body):
                continue
            if post.inferred and post.role.role in written:
                continue  # "Bí thư Nguyễn Thiện Nhân" after "Bí thư Thành uỷ ... Nguyễn Thiện Nhân"
            seen.add(key)
            facts.posts.append(
                PostHolding(
                    person,
                    post.role.role,
                    post.body,
                    sentence.evidence(post.start, post.end),
                    former=post.former,
                    confidence=_post_confidence(post),
                )
            )
        facts.mentions.extend(
            PersonMention(person, sentence.evidence(span.start, span.end))
            for sentence, span in info.mentions
        )


def _post_confidence(post: ParsedPost) -> float:
    if post.body is None:
        return 0.5
    if post.body.locality is None and post.body.kind not in ("other",):
        return 0.8
    return 0.9
