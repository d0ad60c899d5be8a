"""Year grammar: which years a text names, and which year an article reports on.

A figure's year is the year it is *for*: results reported in January 2022 are for 2021. An
article's "review year" is read from its date (January to March: the year before, the
tổng kết season), else from how its text uses years: "so với năm 2014" and "đến hết năm
2016" point to the year after, "năm 2016 tăng 8,05%" is a closed year, a term "nhiệm kỳ
2015-2020" starts at its first year. Cue words live in ``patterns/indicators.toml`` [years].

When an undated article's events happened is its :class:`Chronology`: that year, kept after
the dates the text tells as earlier steps and before its deadlines (cue words in
``patterns/events.toml`` [chronology]).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from kg.gazetteer import load_patterns
from kg.model import Article
from kg.text import WORD_END, WORD_START, alternation, word_alternation

_TABLE = load_patterns("indicators")["years"]
_CHRONOLOGY = load_patterns("events")["chronology"]


# (?<![\d.,])(19[5-9]\d|20\d\d)(?![\d]|[.,]\d)
YEAR = re.compile(
    "(" + alternation([r"19[5-9]\d", r"20\d\d"], behind=r"[\d.,]") + r")(?![\d]|[.,]\d)"
)
# "18/9/2017", "tháng 6/2017": \d{1,2}\s*[/\-.]\s*$, written to start with a digit
_DATE_BEFORE = re.compile(r"(?<!\d)\d\d?\s*[/\-.]\s*$")  # not the end of "2016-"
# "sinh ngày 27-2-1972", "sinh tháng 5/1960": a birth date says nothing of the article's year
_BORN = re.compile(r"sinh (?:ngày |tháng )?[\d\s/\-.]*$")
_RANGE_AFTER = re.compile(r"\s*[-–]\s*(19[5-9]\d|20\d\d)(?!\d)")
_RANGE_BEFORE = re.compile(r"(19[5-9]\d|20\d\d)\s*[-–]\s*$")
_TERM = re.compile(r"nhiệm kỳ\s*\(?\s*$")
_PERIOD = re.compile(r"giai đoạn\s*\(?\s*$")
_SKIP = re.compile(rf"(?:{word_alternation(_TABLE['skip_before'])})\s*$")
_LAW = re.compile(r"luật\b[^.;,]{0,30}$")
_COMPARED = re.compile(rf"(?:{word_alternation(_TABLE['compared'])})\s*$")
_CLOSED = re.compile(rf"(?:{word_alternation(_TABLE['closed'])})\s*$")
_FUTURE = re.compile(rf"(?:{word_alternation(_TABLE['future'])})\s*$")
_RESULT_AFTER = re.compile(r"\s*(?:tăng|giảm|là|đạt|qua|vừa qua)(?!\w)")
_OPENING = re.compile(
    rf"^\W*(?:(?:{'|'.join(_TABLE['opening_lead'])})\s*,\s*)?"
    rf"(?:{word_alternation(_TABLE['opening'])})\s+(19[5-9]\d|20\d\d)(?!\d)"
)
_TERM_OPENING = re.compile(rf"(?:{word_alternation(_TABLE['term_opening'])})(?!\w)")
# "phấn đấu|mục tiêu|(?<!\w)sẽ(?!\w)|dự kiến|kế hoạch năm", the look-behind after the "s" so
# that every branch starts with a literal (the regex engine skips to those characters).
_TARGET_CUES = re.compile(r"phấn đấu|mục tiêu|s(?<!\w(?s:.))ẽ(?!\w)|dự kiến|kế hoạch năm")


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    year: int
    kind: str  # plain | date | term | period_end | compared | closed | future | skip


def years_in(text: str) -> list[YearMention]:
    """Every year in a lower-cased text, with how it is used."""
    if "19" not in text and "20" not in text:
        return []  # every YEAR starts so (two substring tests, much faster than the scan)
    found: list[YearMention] = []
    for match in YEAR.finditer(text):
        year = int(match.group(1))
        before = text[max(0, match.start() - 30) : match.start()]
        found.append(YearMention(match.start(), match.end(), year, _kind(text, match, before)))
    return found


def _kind(text: str, match: re.Match[str], before: str) -> str:
    if _DATE_BEFORE.search(before):
        return "skip" if _BORN.search(before) else "date"
    if _RANGE_BEFORE.search(before):
        # the second year of "2015-2020": a term ends there, a period too
        head = before[: _RANGE_BEFORE.search(before).start()]
        if _PERIOD.search(head):
            return "period_end"
        return "term_end" if _TERM.search(head) else "skip"
    if _RANGE_AFTER.match(text, match.end()):
        if _TERM.search(before):
            return "term"
        return "period" if _PERIOD.search(before) else "skip"
    if _COMPARED.search(before):
        return "compared"
    if _CLOSED.search(before):
        return "closed"
    if _SKIP.search(before) or _LAW.search(before):
        return "skip"
    if _FUTURE.search(before):
        return "future"
    return "plain"


def opening_year(text: str) -> int | None:
    """The year of a sentence that opens with a time phrase: "Năm 2022, ...", "Tính đến hết
    năm 2016, ..." (lower-cased text)."""
    match = _OPENING.match(text)
    return int(match.group(1)) if match else None


def article_month(article: Article) -> int | None:
    parts = article.date.split("-")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def year_votes(sentences: list[str]) -> Counter[int]:
    """How strongly the text says each year is the one it reports on."""
    votes: Counter[int] = Counter()
    for sentence in sentences:
        mentions = years_in(sentence)
        if not mentions:
            continue
        future_sentence = _TARGET_CUES.search(sentence) is not None
        for mention in mentions:
            year = mention.year
            if mention.kind in ("compared", "closed"):
                if not future_sentence:  # "phấn đấu đến hết năm 2020": a deadline
                    votes[year + 1] += 2
            elif mention.kind == "term":
                if _TERM_OPENING.search(sentence):  # see term_opening in indicators.toml
                    votes[year] += 1
            elif mention.kind == "date":
                votes[year] += 0.5
            elif mention.kind == "plain" and not future_sentence:
                closed = _RESULT_AFTER.match(sentence, mention.end) is not None
                votes[year + 1 if closed else year] += 1
    return votes


def earliest_plan_year(sentences: list[str]) -> int | None:
    """The first year the text plans for ("các mục tiêu ... năm 2016", "Trong năm 2017 ...
    sẽ"): when nothing else dates an article, its plans are for its own year or later."""
    years = [
        mention.year
        for sentence in sentences
        if _TARGET_CUES.search(sentence)
        for mention in years_in(sentence)
        if mention.kind == "plain"
    ]
    return min(years) if years else None


_LEAST_VOTES = 1  # what an undated article's year needs: two dates, or one plain year


def reference_years(article: Article, sentences: list[str]) -> tuple[int | None, int | None]:
    """(review year, plan year) of an article: the year its results are for, and the year
    its targets are for when the text does not say. ``sentences`` are lower-cased."""
    year, month = article.year, article_month(article)
    if year is not None:
        if month is not None and month <= 3:
            return year - 1, year
        votes = year_votes(sentences)
        if votes[year - 1] >= 2 and votes[year - 1] > votes[year]:
            return year - 1, year
        return year, year
    votes = year_votes(sentences)
    if not votes:
        return None, None
    best, strength = max(votes.items(), key=lambda item: (item[1], item[0]))
    if strength < _LEAST_VOTES:
        # one date alone ("Đến tháng 1-2013, ông được điều động ...") is more likely a
        # career's than the year of what the article reports
        return None, None
    return best, best


# --- when an article's events happened ----------------------------------------------------

Day = tuple[int, int, int]  # (year, month, day); day 0 or 32 when only the month is known


@dataclass(frozen=True)
class Chronology:
    """What an article says about when its events happened.

    A dated article's events are in its year. An undated one's are in the year its text
    reports on, moved to keep after the last date the text tells as an earlier step of the
    story and before its first deadline; when only one mention voted for that year, a full
    date told shortly before an event's day gives the event's year instead.
    """

    year: int | None = None
    settled: bool = True  # the year is the article's, or more than one mention's
    after: Day | None = None
    before: Day | None = None
    near: tuple[Day, ...] = ()  # full dates told without a cue: "Ngày 1/4/2018, bà Lệ ..."

    def year_of(self, month: int, day: int) -> int | None:
        """The year of the event on ``day``/``month``."""
        year, after, before = self.year, self.after, self.before
        if after is not None and before is not None and after > before:
            return year  # the text contradicts itself: no bound is trusted
        if not self.settled:
            year = _near_year(month, day, self.near) or year
        if year is not None and before is not None and year < before[0] - _DEADLINE_YEARS:
            # a deadline is set for soon: a meeting of 9/5 that asks for figures "trước ngày
            # 20/5/2017" is of 2017, however often the text compares with 2010
            year = before[0] if (before[0], month, day) <= before else before[0] - 1
        if year is not None and (after is None or (year, month, day) >= after) and (
            before is None or (year, month, day) <= before
        ):
            return year
        if after is not None:
            first = after[0] if (after[0], month, day) >= after else after[0] + 1
            return first if before is None or (first, month, day) <= before else year
        if before is not None and year is not None:
            return before[0] if (before[0], month, day) <= before else before[0] - 1
        return year


# "11/4/2019", "12-13/12/2017" (its last day), "tháng 9/2018" (a month), not "số 11/2018/NĐ-CP"
_DATED = re.compile(
    r"(?<![\w/.,])(?:(?P<day>\d{1,2})\s*[/.-]\s*)?(?P<month>\d{1,2})\s*[/.-]\s*"
    r"(?P<year>19\d\d|20\d\d)(?![\d/])"
)
# "Trước đó, vào cuối năm 2016": a year told as an earlier step, from the month it names
_EARLIER_YEAR = re.compile(r"(?:(?P<part>cuối|đầu|giữa)\s+)?năm\s+(?P<year>19\d\d|20\d\d)(?!\d)")
_PART_MONTH = {"cuối": 12, "giữa": 6, "đầu": 1, None: 1}
_EARLIER = re.compile(rf"{WORD_START}(?:{word_alternation(_CHRONOLOGY['earlier'])}){WORD_END}")
_EARLIER_AFTER = re.compile(rf"\s*(?:{word_alternation(_CHRONOLOGY['earlier_after'])}){WORD_END}")
_DATE_WORDS = r"(?:\s+(?:là|đến|ngày|tháng|hết|cuối|đầu))*\s*$"
_DEADLINE = re.compile(
    rf"{WORD_START}(?:{word_alternation(_CHRONOLOGY['deadline'])}){_DATE_WORDS}"
)
_PLAN = re.compile(rf"{WORD_START}(?:{word_alternation(_CHRONOLOGY['plan_words'])}){WORD_END}")
_PLAN_DEADLINE = re.compile(
    rf"{WORD_START}(?:{word_alternation(_CHRONOLOGY['plan_deadline'])}){_DATE_WORDS}"
)
# "quý I năm 2019", "6 tháng đầu năm 2019", "quý I/2019": a part of a year reported on
_PERIOD_PARTS = {
    **{f"quý {n}": m for n, m in [("i", 1), ("ii", 4), ("iii", 7), ("iv", 10)]},
    **{f"quý {n}": 1 + 3 * (n - 1) for n in range(1, 5)},
}
_REPORTED_PERIOD = re.compile(
    rf"{WORD_START}(?P<part>{word_alternation(_CHRONOLOGY['reported_periods'])})"
    r"\s*(?:năm\s+|/\s*)(?P<year>19\d\d|20\d\d)(?!\d)"
)
_COMPARED_PERIOD = re.compile(
    rf"{WORD_START}(?:{word_alternation(_CHRONOLOGY['compared_periods'])})\s+(?:\w+\s+){{0,2}}$"
)
_NOT_EVENT = load_patterns("events")["not_event_dates"]
# "Quyết định số 12/QĐ-UBND ngày 5/4/2015": the date of a document, however recent
_DOCUMENT = re.compile(
    alternation(
        [rf"{re.escape(w.lower())}\b[^,;.]{{0,40}}$" for w in _NOT_EVENT["documents"]]
        + _NOT_EVENT["cited"]
    )
)
_REACH = 60  # how far before a date its cue may stand, in characters of the same sentence
_YEAR_REACH = 25  # and before a year: "Trước đó, vào cuối năm 2016"
_NEAR_DAYS = 60  # how long before an event a full date still gives its year
_DEADLINE_YEARS = 1  # how many years before its deadline an event may be
_SETTLED_VOTES = 2  # two mentions, or one that compares with or closes the year before


def chronology(article: Article, sentences: list[str]) -> Chronology:
    """When the events of ``article`` happened, read from its lower-cased ``sentences``."""
    if article.year is not None:
        return Chronology(article.year)
    votes = year_votes(sentences)
    review, _ = reference_years(article, sentences)
    year = review if review is not None else earliest_plan_year(sentences)
    settled = review is not None and votes[review] >= _SETTLED_VOTES
    after: Day | None = None
    before: Day | None = None
    near: list[Day] = []
    for sentence in sentences:
        if "19" not in sentence and "20" not in sentence:
            continue
        plans = _PLAN.search(sentence) is not None
        for match in _DATED.finditer(sentence):
            month, year_told = int(match.group("month")), int(match.group("year"))
            day = int(match.group("day")) if match.group("day") else 0
            if not (1 <= month <= 12 and day <= 31):
                continue
            head = sentence[max(0, match.start() - _REACH) : match.start()]
            if _BORN.search(head):
                continue
            if _DEADLINE.search(head) or (plans and _PLAN_DEADLINE.search(head)):
                end = (year_told, month, day or 32)
                before = end if before is None else min(before, end)
            elif _EARLIER.search(head) or _EARLIER_AFTER.match(sentence, match.end()):
                start = (year_told, month, day)
                after = start if after is None else max(after, start)
            elif day and not _DOCUMENT.search(head):
                near.append((year_told, month, day))
        if not plans:
            for match in _REPORTED_PERIOD.finditer(sentence):
                if _COMPARED_PERIOD.search(sentence, max(0, match.start() - 20), match.start()):
                    continue
                month = _PERIOD_PARTS.get(match.group("part"), 1)
                start = (int(match.group("year")), month, 0)
                after = start if after is None else max(after, start)
        for match in _EARLIER_YEAR.finditer(sentence):
            if _EARLIER.search(sentence, max(0, match.start() - _YEAR_REACH), match.start()):
                start = (int(match.group("year")), _PART_MONTH[match.group("part")], 0)
                after = start if after is None else max(after, start)
    return Chronology(year, settled, after, before, tuple(near))


def _near_year(month: int, day: int, dates: tuple[Day, ...]) -> int | None:
    """The year of the event on ``day``/``month`` that follows one of ``dates`` within
    ``_NEAR_DAYS`` (the latest such date decides)."""
    found = None
    for told in sorted(dates):
        year = told[0] if (told[0], month, day) >= told else told[0] + 1
        try:
            gap = (date(year, month, day) - date(*told)).days
        except ValueError:  # "31/2"
            continue
        if gap <= _NEAR_DAYS:
            found = year
    return found
