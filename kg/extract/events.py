"""Events and who took part: "Sáng 5/1, Huyện ủy Cẩm Xuyên tổ chức hội nghị tổng kết ...".

An event is anchored on a sentence that names a meeting (hội nghị, kỳ họp, đại hội, buổi làm
việc, ...) together with when it happened ("Sáng 5/1", "Chiều 29-6", "ngày 15/10/2018"), or
that says a body held one ("tổ chức hội nghị"). Its date is resolved from the article's date
and the text; the organizer is the body that holds it.

People take part through role verbs in their own clause: "X chủ trì", "X và Y trao bằng khen"
(a list shares its verb), "Phát biểu tại hội nghị, X ..." (a fronted verb takes the first name
after it). Words after a colon or inside quotes are the person's speech, not their acts; a
caption or a quote still places the person at the event ("attended").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from kg.extract import component
from kg.extract.bodies import bodies_in_sentence
from kg.extract.dates import Chronology, chronology
from kg.extract.localities import LocalityIndex, locality_index
from kg.extract.people import names_a_title, without_titles
from kg.gazetteer import load_patterns
from kg.model import Article, ArticleFacts, Body, Event, Participation, Person, PersonMention
from kg.text import (
    LOWER,
    UPPER,
    WORD_END,
    WORD_START,
    Document,
    Sentence,
    alternation,
    branch_name,
    needles,
    prefiltered,
    split_alternatives,
    word_alternation,
)

_TABLE = load_patterns("events")
_END = WORD_END
_START = WORD_START
_LETTER = rf"[{LOWER}{UPPER}]"


@dataclass(frozen=True)
class KindEntry:
    pattern: re.Pattern[str]
    kind: str
    subtype: str


KINDS = [
    KindEntry(
        prefiltered(rf"{_START}(?:{k['pattern']}){_END}", re.IGNORECASE),
        k["kind"],
        k.get("subtype", ""),
    )
    for k in _TABLE["kinds"]
]
# All kinds in one pattern, in table order: the leftmost match, and at one position the first
# kind, is the kind ``min`` over every kind's matches would choose. Each branch is named after
# its kind (``branch_name``).
_KIND_BRANCHES = [
    (f"k{i}", f"{branch}{_END}")
    for i, k in enumerate(_TABLE["kinds"])
    for branch in split_alternatives(k["pattern"])
]


def _named_alternation(branches: list[tuple[str, str]]) -> re.Pattern[str]:
    """One case-insensitive pattern of (name, branch) pairs, each branch in a group named
    after it (``branch_name`` reads it back), after no letter."""
    return re.compile(
        alternation(
            [branch for _, branch in branches],
            re.IGNORECASE,
            behind=_LETTER,
            names=[name for name, _ in branches],
        )
    )


_ANY_KIND = _named_alternation(_KIND_BRANCHES)
# _START WORD _END, ignoring case (written to start with the word's first letter)
SUBTYPES = [
    (w, re.compile(alternation([f"{re.escape(w)}{_END}"], re.IGNORECASE, behind=_LETTER)))
    for w in _TABLE["subtypes"]["words"]
]
_DAY_PARTS = "|".join(
    re.escape(w) for w in sorted(_TABLE["time"]["day_parts"], key=len, reverse=True)
)
# "Sáng 5/1", "Chiều 29-6", "Sáng nay (19/1)", "Sáng ngày 18/9/2017", "ngày 4 đến 6-7",
# "mùng 7 và mùng 8/8" (a meeting of several days is dated by its first).
_WHEN = re.compile(
    alternation(split_alternatives(_DAY_PARTS), re.IGNORECASE, behind=_LETTER)
    + r"(?i:(?: ngày)?\s*\(?\s*(?P<day>\d{1,2})"
    + r"(?: (?:đến|và|-) (?:mùng |ngày )?\d{1,2})?"
    # "5/1", "29-6", "25.5" (a dot too: "Ngày 25.5, tại Văn phòng Tỉnh ủy")
    + r"[/.-](?P<month>\d{1,2})(?:[/.-](?P<year>\d{4}))?(?![\d/-]|\.\d))"
)
_HELD_WORDS = (
    "tổ chức|khai mạc|diễn ra|đã họp|tiến hành họp|họp bàn|bế mạc|có buổi|đến thăm và làm việc"
)
_HELD = re.compile(
    alternation(
        [f"{w}{_END}" for w in split_alternatives(_HELD_WORDS)], re.IGNORECASE, behind=_LETTER
    )
)
_HOST_AFTER = re.compile(r"làm việc (?:với|tại)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class RoleCue:
    role: str
    pattern: re.Pattern[str]


_CUE_TEXTS = [(role, cue) for role, cues in _TABLE["roles"].items() for cue in cues]
CUES = [
    RoleCue(role, re.compile(rf"{_START}(?:{cue}){_END}", re.IGNORECASE))
    for role, cue in _CUE_TEXTS
]
# All cues in one pattern, longest first, each named after its position in CUES
# (``branch_name``).
_CUE_BRANCHES = [
    (f"c{i}", f"{branch}{_END}")
    for i, (_, cue) in sorted(
        enumerate(_CUE_TEXTS), key=lambda ic: -len(CUES[ic[0]].pattern.pattern)
    )
    for branch in split_alternatives(cue)
]
_ALL_CUES = _named_alternation(_CUE_BRANCHES)
_PRESS_WORDS = word_alternation(_TABLE["press"]["press"])
_PRESS = re.compile(
    alternation(
        [
            rf"{re.escape(verb)}\s+(?:(?:với|cho)\s+)?(?:{_PRESS_WORDS}){_END}"
            for verb in _TABLE["press"]["verbs"]
        ],
        re.IGNORECASE,
    )
)
_EARLIER = re.compile(
    rf"\W*(?:{word_alternation(_TABLE['earlier']['openers'])}){_END}",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]")
_PROSE_OPENER = re.compile(
    rf"(?:{word_alternation(_TABLE['captions']['prose_openers'])}){_END}",
    re.IGNORECASE,
)
_TODAY = re.compile(
    rf"{_START}(?:{word_alternation(_TABLE['time']['today'])}){_END}", re.IGNORECASE
)
_CAPTION_OPENER = re.compile(
    rf"\W*(?:{word_alternation(_TABLE['captions']['openers'])}){_END}", re.IGNORECASE
)
_PORTRAIT_LEFTOVER = re.compile(r"[\W\d_]*(?:(?:ông|bà|đồng chí)[\W\d_]*)*", re.IGNORECASE)
_PORTRAIT_WORDS = re.compile(
    rf"{_START}(?:{word_alternation(_TABLE['captions']['portrait'])}){_END}", re.IGNORECASE
)
_PHOTO_CREDIT = re.compile(r"\s*[-–]?\s*ảnh\s*:.*$", re.IGNORECASE)
_DECISION_ABOUT = word_alternation(_TABLE["not_participants"]["before"])
_NOT_PARTICIPANT = re.compile(
    rf"{_START}(?:{_DECISION_ABOUT})\s+(?:(?:các )?(?:ông|bà|đồng chí)\s+)?$",
    re.IGNORECASE,
)
_ELECTED = re.compile(rf"{_START}(?:{word_alternation(_TABLE['elected']['words'])})(?!\w)")
_AT_EVENT = "tại "
_LISTING = re.compile(word_alternation(_TABLE["listing"]["attended"]), re.IGNORECASE)
SUBSUMES: dict[str, list[str]] = _TABLE["subsumes"]
_NOT_VERBS = _TABLE["not_verbs"]
_NOT_VERB_WORDS = _NOT_VERBS["before"] + _NOT_VERBS["future"] + _NOT_VERBS["negation"]
# A number right before a role word makes it a noun counted: "cho ý kiến 54 báo cáo, tờ trình"
_COUNTED = re.compile(r"\d\s+$")
_NOUN_BEFORE = re.compile(
    rf"{_START}(?:{word_alternation(_NOT_VERB_WORDS)}) $",
    re.IGNORECASE,
)


# --- dates --------------------------------------------------------------------------------


def resolve_date(match: re.Match[str], article: Article, when: Chronology) -> str:
    """ "Sáng 5/1" in an article of 2022-01 is 2022-01-05; without a year, only "" is known."""
    day, month = int(match.group("day")), int(match.group("month"))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return str(when.year) if when.year else ""
    if match.group("year"):
        return f"{int(match.group('year')):04d}-{month:02d}-{day:02d}"
    year = when.year_of(month, day)
    if year is None:
        return ""
    if article.year == year and len(article.date) >= 7:
        published = int(article.date[5:7])
        if month > published + 1:  # "29/12" reported in January is last year's
            year -= 1
    return f"{year:04d}-{month:02d}-{day:02d}"


# --- anchors ------------------------------------------------------------------------------


@dataclass
class Anchor:
    sentence: Sentence
    kind: str
    subtype: str
    date: str
    organizer: Body | None


def find_anchors(doc: Document, index: LocalityIndex, when_told: Chronology) -> list[Anchor]:
    anchors: list[Anchor] = []
    year = when_told.year
    for sentence, folded, low in zip(
        doc.sentences, doc.folded_sentences, doc.lowered_sentences, strict=True
    ):
        if anchors and not _may_hold_date(folded):
            continue  # after the first event only a dated sentence starts another
        first = _meeting_noun(folded)
        if first is None:
            continue
        entry = KINDS[int(branch_name(first)[1:])]
        when = _event_date(folded)
        if when is None and (anchors or _HELD.search(folded) is None):
            continue
        if _PLANNED.search(folded):
            continue  # a plan, not a report (asked last: most sentences are out already)
        if when is not None:
            date = resolve_date(when, doc.article, when_told)
        else:
            date = str(year) if year else ""
        if anchors and anchors[-1].date == date:
            continue  # the same event told again
        subtype = _subtype(folded, low, entry)
        anchor = Anchor(sentence, entry.kind, subtype, date, _organizer(doc, sentence, index))
        if anchors and _vaguer(anchors[-1], anchor) and _in_lead(doc, anchors[-1].sentence):
            # The lead names the session, the next paragraph dates it: one event, keeping the
            # earlier place in the text so that the lead's people belong to it.
            anchors[-1] = replace(anchor, sentence=anchors[-1].sentence)
            continue
        anchors.append(anchor)
    return anchors


def _word_just_before(words: list[str]) -> re.Pattern[str]:
    """``_START(?:WORD|...)\\s+$``, ignoring case: text that ends with one of ``words``."""
    return re.compile(
        alternation([rf"{re.escape(w)}\s+$" for w in words], re.IGNORECASE, behind=_LETTER)
    )


_DOCUMENT_OF = _word_just_before(_TABLE["document_of"]["before"])
# How far back from a meeting noun to look for them: the longest word and some spaces.
_DOCUMENT_OF_REACH = max(len(w) for w in _TABLE["document_of"]["before"]) + 10


def _meeting_noun(folded: str) -> re.Match[str] | None:
    """The first word of the sentence that names a meeting, skipping those that name where a
    document comes from ("Nghị quyết Đại hội ...")."""
    for match in _ANY_KIND.finditer(folded):
        start = match.start()
        if not _DOCUMENT_OF.search(folded, max(0, start - _DOCUMENT_OF_REACH), start):
            return match
    return None


_PLANNED = re.compile(
    alternation(
        [f"{re.escape(w)}{_END}" for w in _TABLE["plans"]["words"]], re.IGNORECASE, behind=_LETTER
    )
)
_NOT_EVENT = _TABLE["not_event_dates"]
_DEADLINE_BEFORE = _word_just_before(_NOT_EVENT["before"])
# _START(?:WORD\b[^,;.]{0,40}$|...|CITED|...)
_DOCUMENT_BEFORE = re.compile(
    alternation(
        [rf"{re.escape(w)}\b[^,;.]{{0,40}}$" for w in _NOT_EVENT["documents"]]
        + _NOT_EVENT["cited"],
        behind=_LETTER,
    )
)


# A digit, "/" or "-", a digit: every match of _WHEN has one between its day and month.
_DAY_MONTH = re.compile(r"\d[/-]\d|\d\.\d\d?(?!\d)")  # not "1.000", a thousands dot


def _may_hold_date(folded: str) -> bool:
    """Whether ``_WHEN`` can match: each of its matches has a day, a "/", "-" or "." and a
    month (a scan that stops only at digits, much faster than the scan for the day parts)."""
    return _DAY_MONTH.search(folded) is not None


def _event_date(folded: str) -> re.Match[str] | None:
    """The first time expression that dates an event, not a deadline or a document."""
    if not _may_hold_date(folded):
        return None
    for match in _WHEN.finditer(folded):
        head = folded[max(0, match.start() - 60) : match.start()]
        if _DEADLINE_BEFORE.search(head) or _DOCUMENT_BEFORE.search(head):
            continue
        return match
    return None


def _in_lead(doc: Document, sentence: Sentence) -> bool:
    """In the title or the lead paragraph (the sapo) of the article."""
    return sentence.paragraph <= (1 if doc.article.title else 0)


def _vaguer(earlier: Anchor, later: Anchor) -> bool:
    """True when ``earlier`` is ``later`` with a less precise date ("2015" of "2015-12-08")."""
    return (
        earlier.kind == later.kind
        and len(earlier.date) < len(later.date)
        and later.date.startswith(earlier.date)
    )


# Each subtype word's quick test: a sentence that fails it cannot match the word's pattern.
_SUBTYPE_NEEDLES = [needles([w]) for w, _ in SUBTYPES]


def _subtype(folded: str, low: str, entry: KindEntry) -> str:
    words = [
        w
        for (w, pattern), quick in zip(SUBTYPES, _SUBTYPE_NEEDLES, strict=True)
        if quick.may_hold(low, folded) and pattern.search(folded)
    ]
    if entry.subtype and entry.subtype not in words:
        words.insert(0, entry.subtype) if entry.kind != "conference" else words.append(
            entry.subtype
        )
    return ", ".join(words)


def _organizer(doc: Document, sentence: Sentence, index: LocalityIndex) -> Body | None:
    """The body that holds the event: the host after "làm việc với", else the subject."""
    folded = doc.folded_sentence(sentence)
    mentions = bodies_in_sentence(doc, sentence, index)
    if not mentions:
        return None
    host = _HOST_AFTER.search(folded)
    if host is not None:
        after = [m for m in mentions if m.evidence.start >= sentence.start + host.end()]
        if after:
            return after[0].body
    held = _HELD.search(folded)
    if held is not None:
        before = [m for m in mentions if m.evidence.start < sentence.start + held.start()]
        if before:
            return before[-1].body
    return mentions[0].body


# --- participation ------------------------------------------------------------------------


def participant_roles(
    doc: Document, mentions: list[PersonMention], index: LocalityIndex
) -> list[tuple[Person, str, Sentence]]:
    """(person, role, sentence) for every role the text gives a person, in text order."""
    found: list[tuple[Person, str, Sentence]] = []
    # In text order once (a stable sort: mentions at one offset keep their order), then each
    # sentence takes its slice.
    ordered = sorted(mentions, key=lambda m: m.evidence.start)
    starts = [m.evidence.start for m in ordered]
    press_paragraph = -1  # the paragraph of the last sentence told to the press
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        inside = ordered[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if not inside:
            continue  # (a sentence told to the press names whom it quotes)
        if _PRESS.search(folded):
            press_paragraph = sentence.paragraph
            continue  # told the press, not said at the event
        if sentence.paragraph == press_paragraph:
            if _meeting_noun(folded) is None:
                continue  # the interview goes on: "..., ông Thuận nói"
            press_paragraph = -1
        found += _roles_in_sentence(doc, sentence, inside, index)
    return found


def _roles_in_sentence(
    doc: Document, sentence: Sentence, mentions: list[PersonMention], index: LocalityIndex
) -> list[tuple[Person, str, Sentence]]:
    folded = doc.folded_sentence(sentence)
    offsets = [
        (m.evidence.start - sentence.start, m.evidence.end - sentence.start, m.person)
        for m in mentions
    ]
    # "miễn nhiệm ... đối với ông X", "thay ông Y": what a decision is about, not who was there
    offsets = [
        o for o in offsets if not _NOT_PARTICIPANT.search(folded, max(0, o[0] - 30), o[0])
    ]
    speech = _speech_start(folded, offsets)
    cues = [
        (m.start(), m.end(), CUES[int(branch_name(m)[1:])].role)
        for m in _ALL_CUES.finditer(folded, 0, speech)
        if not _NOUN_BEFORE.search(folded, max(0, m.start() - 12), m.start())
        and not _COUNTED.search(folded, max(0, m.start() - 4), m.start())
    ]
    found: list[tuple[Person, str, Sentence]] = []
    subject: list[Person] = []  # who the verbs of this clause belong to
    boundary = 0
    for number, (start, end, role) in enumerate(cues):
        before = [p for s, e, p in offsets if boundary <= s and e <= start]
        after = [(s, p) for s, _, p in offsets if s >= end]
        listing = _LISTING.fullmatch(folded, start, end) is not None
        if folded.startswith(_AT_EVENT, start) and _ELECTED.search(folded, boundary, start):
            continue  # "X vừa được bầu tại kỳ họp": elected there, not placed there
        if before:
            subject = before
        elif subject and names_a_title(folded[boundary:start]):
            # "Bà Lệ nhấn mạnh ... đón tiếp Bí thư Thành uỷ TP đến dự và phát biểu chỉ đạo":
            # the verbs after a title no one is named with are that office-holder's
            subject = []
        elif not subject and after and listing:
            # "Tham dự buổi làm việc có ông A ...; ông B ...": everyone listed after.
            subject = [p for _, p in after]
        elif (
            not subject
            and after
            and number == 0
            and not _WORD.search(folded, 0, start)  # not "Người đứng đầu Ban cho rằng, X"
            and (role != "attended" or listing)
            and "," in folded[end : after[0][0]]
        ):
            # "Phát biểu tại hội nghị, X ...". Not "Tại kỳ họp, ...": the name after it is as
            # often what the session decided about ("Tại phiên họp, Ban Chấp hành bầu ông X")
            subject = [after[0][1]]
        # Otherwise the verb shares the clause's subject: "X trao quyết định và tặng hoa".
        found += [(p, role, sentence) for p in subject]
        if role == "awarded":
            found += _recipients(
                folded,
                end,
                cues[number + 1][0] if number + 1 < len(cues) else speech,
                offsets,
                sentence,
            )
        boundary = end
    caption = _is_caption(doc, sentence) and not _is_portrait(folded, offsets, index, sentence)
    if caption or speech < len(folded):
        found += [(p, "attended", sentence) for _, _, p in offsets]
    found += _quoted_by_theo(folded, offsets, sentence)
    return found


# "tặng hoa chúc mừng cho ông X", "trao hoa chúc mừng ông X (trái) ... và ông Y", "tặng hoa
# chúc mừng tân chủ tịch UBND tỉnh Cao Tiến Dũng": who receives is named after "cho" (to) or
# "chúc mừng" (congratulating), a title between
_TO = re.compile(
    r"(?:\bcho|chúc mừng)\s+(?:[^,;:.()]{0,60}\s)?(?:(?:các )?(?:ông|bà|đồng chí|đ/c)\s+)?$"
)
_AND_THEN = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:[^,;.()]{0,25})?\s*(?:và|,)\s*(?:ông|bà)?\s*$")


def _recipients(
    folded: str, start: int, end: int, offsets: list[tuple[int, int, Person]], sentence: Sentence
) -> list[tuple[Person, str, Sentence]]:
    """ "tặng hoa chúc mừng cho ông Đỗ Đức Duy": the one who receives."""
    found: list[tuple[Person, str, Sentence]] = []
    last_end = -1
    for s, e, p in offsets:
        if not start <= s < end:
            continue
        if _TO.search(folded, max(start, s - 80), s) or (
            found and _AND_THEN.match(folded[last_end:s])
        ):
            found.append((p, "presented_with", sentence))
            last_end = e
    return found


_QUOTE_OPEN = re.compile(r"[:“\"]")


def _speech_start(folded: str, offsets: list[tuple[int, int, Person]]) -> int:
    """Where a person's own words begin: a colon or an opening quote right after their name
    and title ("Bí thư Huyện ủy Cẩm Xuyên Phạm Đăng Nhật: Đề nghị ...")."""
    for _, end, _ in offsets:
        mark = _QUOTE_OPEN.search(folded, end)
        if mark is not None and mark.start() - end <= 3:
            return mark.start()
    return len(folded)


def _is_caption(doc: Document, sentence: Sentence) -> bool:
    """A photo caption: a short paragraph of its own (not the title, not the lead, not one
    that opens like prose)."""
    if _in_lead(doc, sentence) or doc.paragraph_sizes[sentence.paragraph] != 1:
        return False
    if _CAPTION_OPENER.match(sentence.text):
        return True  # "Từ trái qua: A, B, C và D."
    return len(sentence.text) < 160 and not _PROSE_OPENER.match(sentence.text)


def _is_portrait(
    folded: str, offsets: list[tuple[int, int, Person]], index: LocalityIndex, sentence: Sentence
) -> bool:
    """A caption that is only a name ("Ông Lê Thành Trí."), or one person's name with titles
    and the words of a portrait ("Ông Dũng giữ chức Chủ tịch UBND tỉnh Đồng Nai."): a
    portrait, not the event."""
    rest = folded
    for start, end, _ in sorted(offsets, reverse=True):
        rest = rest[:start] + " " + rest[end:]
    if _PORTRAIT_LEFTOVER.fullmatch(rest) is not None:
        return True
    if len({person for _, _, person in offsets}) != 1:
        return False
    # Name and titles alone may be a picture of the event (a session's photo report captions
    # "Chủ tịch UBND TP. HCM Nguyễn Thành Phong."): a portrait says what the post is to them.
    rest = _PHOTO_CREDIT.sub("", rest)
    bare = _PORTRAIT_WORDS.sub(" ", rest)
    if bare == rest:
        return False
    return _PORTRAIT_LEFTOVER.fullmatch(without_titles(bare, index, sentence.start)) is not None


_THEO = re.compile(r"(?:^|\s)[Tt]heo (?:ông|bà|đồng chí)?\s*$")
# "Theo Thứ trưởng Nội vụ Trần Anh Tuấn, ...": the sentence opens with "Theo", a title, the name
_THEO_TITLE = re.compile(r"^\W*[Tt]heo [^,;.()]{1,60}$")


def _quoted_by_theo(
    folded: str, offsets: list[tuple[int, int, Person]], sentence: Sentence
) -> list[tuple[Person, str, Sentence]]:
    """ "Theo ông X, ...": quoted, so present."""
    found = []
    for number, (start, _, person) in enumerate(offsets):
        if _THEO.search(folded[max(0, start - 40) : start]) or (
            number == 0 and _THEO_TITLE.match(folded[:start]) and names_a_title(folded[:start])
        ):
            found.append((person, "attended", sentence))
    return found


# --- component ----------------------------------------------------------------------------


def _told_when(doc: Document) -> Chronology:
    """The article's :class:`Chronology`, worked out once (events and indicators ask)."""
    told = doc.memo.get("chronology")
    if told is None:
        told = doc.memo["chronology"] = chronology(doc.article, doc.lowered_sentences)
    return told


def extract_events(doc: Document, facts: ArticleFacts, index: LocalityIndex) -> list[Event]:
    when_told = _told_when(doc)
    anchors = find_anchors(doc, index, when_told)
    if not anchors:
        return []
    events = [
        Event(
            a.kind,
            a.subtype,
            a.date,
            a.sentence.evidence(),
            a.organizer,
            a.organizer.locality if a.organizer and a.organizer.locality else index.focus,
            confidence=0.9 if a.date.count("-") == 2 else 0.6,
        )
        for a in anchors
    ]
    seen: set[tuple[int, str, str]] = set()
    anchored = {a.sentence.start for a in anchors}  # the sentences that date a meeting
    roles = participant_roles(doc, facts.mentions, index)
    said = {sentence.start for _, _, sentence in roles} - anchored
    other_days = _other_days(doc, anchors, said, when_told)
    for person, role, sentence in roles:
        if sentence.start not in anchored and _EARLIER.match(sentence.text):
            continue  # "Trước đó, ...": another, earlier occasion
        if sentence.start in other_days:
            continue  # "Chiều 27/11, bà X cho biết" after a session of 1/10: another day
        number = _event_of(anchors, sentence)
        if (number, person.name, role) in seen:
            continue
        seen.add((number, person.name, role))
        events[number].participants.append(
            Participation(person, role, sentence.evidence(), 0.9 if role != "attended" else 0.7)
        )
    for event in events:
        _complete_roles(event)
    return events


def lead_event_day(doc: Document) -> tuple[int, int, int | None] | None:
    """(month, day, year) of the meeting the article's lead dates ("Sáng 7/2, Bí thư Thành ủy
    ... làm việc với quận 9"), if it does; the year as the text gives it or tells it."""
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        if sentence.paragraph > _LEAD_PARAGRAPHS:
            break
        if _may_hold_date(folded) and _meeting_noun(folded) and (when := _event_date(folded)):
            month, day = int(when.group("month")), int(when.group("day"))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                return None
            if when.group("year"):
                return month, day, int(when.group("year"))
            return month, day, _told_when(doc).year_of(month, day)
    return None


_LEAD_PARAGRAPHS = 2  # the title, the sapo and the first paragraph


def _other_days(
    doc: Document, anchors: list[Anchor], starts: set[int], when_told: Chronology
) -> set[int]:
    """The sentences starting at ``starts`` (none dating a meeting) that tell of a day other
    than their event's."""
    found = set()
    for sentence, folded in zip(doc.sentences, doc.folded_sentences, strict=True):
        if sentence.start not in starts or not _may_hold_date(folded):
            continue
        when = _event_date(folded)
        if when is None:
            continue
        day = resolve_date(when, doc.article, when_told)
        event_day = anchors[_event_of(anchors, sentence)].date
        if day.count("-") == 2 and event_day.count("-") == 2 and day != event_day:
            found.add(sentence.start)
    return found


def _event_of(anchors: list[Anchor], sentence: Sentence) -> int:
    if _TODAY.search(sentence.text):
        return 0  # "Ông Võ Văn Hoan sáng nay." (this morning): the day the article reports
    number = 0
    for i, anchor in enumerate(anchors):
        if anchor.sentence.start <= sentence.start:
            number = i
    return number


def _complete_roles(event: Event) -> None:
    """Every participant attended; a conclusion or a direction already covers a speech."""
    roles: dict[str, set[str]] = {}
    first: dict[str, Participation] = {}
    for p in event.participants:
        roles.setdefault(p.person.name, set()).add(p.role)
        first.setdefault(p.person.name, p)
    kept: list[Participation] = []
    for p in event.participants:
        covered = {r for strong in roles[p.person.name] for r in SUBSUMES.get(strong, [])}
        if p.role not in covered:
            kept.append(p)
    for name, p in first.items():
        if "attended" not in roles[name]:
            kept.append(Participation(p.person, "attended", p.evidence, 0.7))
    event.participants = kept


@component("events")
def events_component(doc: Document, facts: ArticleFacts) -> None:
    index = locality_index(doc, facts.localities)
    facts.events.extend(extract_events(doc, facts, index))
