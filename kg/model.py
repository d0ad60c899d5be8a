"""Facts that flow through the pipeline: articles in, extracted facts out.

Every fact carries an :class:`Evidence` (the sentence it came from and the character
offsets of the supporting span in :attr:`Article.text`) and a rule-based confidence in
[0, 1] saying how direct that evidence was.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One news article as read from disk.

    ``date`` is what the source gives: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``""``.
    ``text`` is what extractors read: the title, a blank line, then the body, NFC-normalized.
    """

    id: str
    date: str
    title: str
    body: str
    source: str = ""
    url: str = ""
    creator: str = ""

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.title else self.body

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date[:4].isdigit() else None


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: the sentence, and the span's offsets in ``Article.text``."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Locality:
    """An administrative unit as it stood before the 2025 reform."""

    name: str  # without the unit word: "Cẩm Xuyên"
    level: str  # province | district | commune
    unit: str = ""  # the unit word: "huyện", "thị xã", "xã", ...
    code: str = ""  # GSO code
    parent: Locality | None = None

    @property
    def province(self) -> Locality:
        node = self
        while node.parent is not None:
            node = node.parent
        return node

    @property
    def key(self) -> str:
        """A stable identity: the GSO code where known, else the names up the tree."""
        if self.code:
            return f"{self.level}-{self.code}"
        chain = [self.name]
        node = self.parent
        while node is not None:
            chain.append(node.name)
            node = node.parent
        return f"{self.level}-" + "-".join(chain)


@dataclass(frozen=True)
class LocalityMention:
    locality: Locality
    evidence: Evidence
    confidence: float = 1.0


@dataclass(frozen=True)
class Body:
    """A party, state or mass body: "Tỉnh ủy Hà Tĩnh", "UBND huyện Cẩm Xuyên"."""

    name: str  # canonical name with its locality
    kind: str  # party_committee | standing_committee | party_organization | ...
    locality: Locality | None = None
    parent: Body | None = None


@dataclass(frozen=True)
class BodyMention:
    body: Body
    evidence: Evidence
    confidence: float = 1.0


@dataclass(frozen=True)
class Person:
    name: str
    rank: str = ""
    # The province that anchors identity: same name in two provinces is two people.
    home: str = ""


@dataclass(frozen=True)
class PersonMention:
    """One place an article names a person."""

    person: Person
    evidence: Evidence


@dataclass(frozen=True)
class PostHolding:
    """A person observed holding (or having held) a post in a body on the article's date."""

    person: Person
    role: str  # "Bí thư", "Phó Bí thư Thường trực", "Chủ tịch", ...
    body: Body | None
    evidence: Evidence
    former: bool = False
    confidence: float = 1.0


@dataclass(frozen=True)
class Participation:
    person: Person
    role: str  # chaired | attended | spoke | reported | directed | concluded | awarded | ...
    evidence: Evidence
    confidence: float = 1.0


@dataclass
class Event:
    kind: str  # conference | meeting | congress | visit | ...
    subtype: str  # Vietnamese kind words: "tổng kết, triển khai"
    date: str  # ISO date, year-month, year or ""
    evidence: Evidence
    organizer: Body | None = None
    locality: Locality | None = None
    participants: list[Participation] = field(default_factory=list)
    confidence: float = 1.0


@dataclass(frozen=True)
class IndicatorObservation:
    name: str  # short Vietnamese label: "thu ngân sách"
    value: float
    unit: str  # VND | USD | % | count | tấn | ...
    year: int | None
    status: str  # actual | target | estimate
    evidence: Evidence
    locality: Locality | None = None
    of: float | None = None  # "23/25": value 23 of 25
    max: float | None = None  # "8,5-9%": upper bound
    percent_of_plan: float | None = None
    change_pct: float | None = None
    compared_to: int | None = None
    confidence: float = 1.0


@dataclass
class ArticleFacts:
    """Everything extracted from one article."""

    article: Article
    localities: list[LocalityMention] = field(default_factory=list)
    bodies: list[BodyMention] = field(default_factory=list)
    posts: list[PostHolding] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    mentions: list[PersonMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    indicators: list[IndicatorObservation] = field(default_factory=list)
