"""Scoring extraction output against hand-made gold files (``kg eval``).

Gold files follow ANNOTATION.md ("Format"); predictions are the rows of the contract queries
(DESIGN.md, "Contract queries"), one dict column -> string per row, ``""`` for unbound.
Each category is scored per article as sets of keys (ANNOTATION.md, "How a gold file is
scored"), and the counts are summed over articles (micro-averaged P/R/F1).

All string parts of a key are compared through :func:`kg.text.match_key`. Posts (fuzzy
role) and indicators (value tolerance) use a one-to-one maximum matching; the other
categories reduce to set intersection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from kg.text import match_key

CATEGORIES = ("localities", "people", "posts", "attendance", "roles", "indicators")
LEVELS = ("province", "district", "commune")
STATUSES = ("actual", "target", "estimate")
ROLES = (
    "chaired",
    "attended",
    "spoke",
    "reported",
    "directed",
    "concluded",
    "awarded",
    "presented_with",
)
BODY_KINDS = (
    "party_committee",
    "standing_committee",
    "party_organization",
    "party_department",
    "government",
    "agency",
    "mass_organization",
    "other",
)
VALUE_TOLERANCE = 0.005  # relative to the gold value
TABLE_HEADER = ("category", "tp", "fp", "fn", "P", "R", "F1")

# --------------------------------------------------------------------------- results


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self._ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return self._ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        if self.tp == self.fp == self.fn == 0:
            return 1.0
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def _ratio(self, num: int, den: int) -> float:
        if self.tp == self.fp == self.fn == 0:
            return 1.0  # nothing to find and nothing found
        return num / den if den else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_json(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Miss:
    article: str
    category: str
    kind: str  # "missed" (gold item not found) | "spurious" (predicted item not in gold)
    item: tuple[Any, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "category": self.category,
            "kind": self.kind,
            "item": list(self.item),
        }


@dataclass
class EvalReport:
    scores: dict[str, Score]
    misses: list[Miss] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "scores": {name: s.to_json() for name, s in self.scores.items()},
            "misses": [m.to_json() for m in self.misses],
        }


def format_table(report: EvalReport) -> list[tuple[str, str, str, str, str, str, str]]:
    """One row per category (see :data:`TABLE_HEADER`), numbers as strings for printing."""
    return [
        (
            name,
            str(s.tp),
            str(s.fp),
            str(s.fn),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
        )
        for name, s in report.scores.items()
    ]


# --------------------------------------------------------------------------- loading gold


class GoldError(ValueError):
    """A gold file that cannot be scored; the message names the file and the JSON path."""


_DATE = re.compile(r"(\d{4}(-\d{2}(-\d{2})?)?)?")
_Validator = Callable[[Any, str], None]


class _Check:
    """Validates one gold file; every failure raises GoldError naming the file and path."""

    def __init__(self, label: str) -> None:
        self.label = label

    def fail(self, path: str, problem: str) -> NoReturn:
        raise GoldError(f"{self.label}: {path}: {problem}" if path else f"{self.label}: {problem}")

    def obj(
        self,
        value: Any,
        path: str,
        required: dict[str, _Validator],
        optional: dict[str, _Validator] | None = None,
    ) -> None:
        if not isinstance(value, dict):
            self.fail(path, f"expected an object, got {_type_name(value)}")
        for key, check in required.items():
            if key not in value:
                self.fail(path, f"missing {key!r}")
            check(value[key], _join(path, key))
        for key, check in (optional or {}).items():
            if key in value:
                check(value[key], _join(path, key))

    def items(self, each: _Validator) -> _Validator:
        def check(value: Any, path: str) -> None:
            if not isinstance(value, list):
                self.fail(path, f"expected a list, got {_type_name(value)}")
            for i, item in enumerate(value):
                each(item, f"{path}[{i}]")

        return check

    def string(self, value: Any, path: str) -> None:
        if not isinstance(value, str):
            self.fail(path, f"expected a string, got {_type_name(value)}")

    def number(self, value: Any, path: str) -> None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, f"expected a number, got {_type_name(value)}")

    def year(self, value: Any, path: str) -> None:
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            self.fail(path, f"expected an integer year or null, got {_type_name(value)}")

    def boolean(self, value: Any, path: str) -> None:
        if not isinstance(value, bool):
            self.fail(path, f"expected true or false, got {_type_name(value)}")

    def date(self, value: Any, path: str) -> None:
        self.string(value, path)
        if not _DATE.fullmatch(value):
            self.fail(path, f'{value!r} is not YYYY-MM-DD, YYYY-MM, YYYY or ""')

    def one_of(self, allowed: tuple[str, ...]) -> _Validator:
        def check(value: Any, path: str) -> None:
            self.string(value, path)
            if value not in allowed:
                self.fail(path, f"{value!r} is not one of {', '.join(allowed)}")

        return check


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _type_name(value: Any) -> str:
    return "null" if value is None else type(value).__name__


def validate_gold(data: Any, label: str) -> None:
    """Raise GoldError unless ``data`` is a well-formed gold dict (ANNOTATION.md "Format")."""
    c = _Check(label)
    s, n = c.string, c.number
    post = {"role": s, "body": s, "locality": s}
    person = {"name": s, "posts": c.items(lambda v, p: c.obj(v, p, post, {"former": c.boolean}))}
    participant = {"name": s, "roles": c.items(c.one_of(ROLES))}
    event = {
        "kind": s,
        "subtype": s,
        "date": c.date,
        "organizer": s,
        "locality": s,
        "participants": c.items(lambda v, p: c.obj(v, p, participant)),
    }
    indicator = {
        "locality": s,
        "name": s,
        "value": n,
        "unit": s,
        "year": c.year,
        "status": c.one_of(STATUSES),
        "text": s,
    }
    indicator_extra = {
        "of": n,
        "max": n,
        "percent_of_plan": n,
        "change_pct": n,
        "compared_to": c.year,
    }
    c.obj(
        data,
        "",
        {
            "article": s,
            "date": c.date,
            "localities": c.items(
                lambda v, p: c.obj(v, p, {"name": s, "level": c.one_of(LEVELS)}, {"parent": s})
            ),
            "bodies": c.items(
                lambda v, p: c.obj(v, p, {"name": s, "kind": c.one_of(BODY_KINDS), "locality": s})
            ),
            "people": c.items(lambda v, p: c.obj(v, p, person, {"rank": s})),
            "events": c.items(lambda v, p: c.obj(v, p, event)),
            "indicators": c.items(lambda v, p: c.obj(v, p, indicator, indicator_extra)),
        },
    )


def _read_gold_file(path: Path, label: str) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise GoldError(
            f"{label}: not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise GoldError(f"{label}: cannot read: {e}") from e
    validate_gold(data, label)
    if data["article"] != path.stem:
        raise GoldError(f"{label}: article: {data['article']!r} differs from the file name")
    return data


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Article id -> gold dict for every ``*.json`` under ``gold_dir`` (recursively).

    Every file is validated first; the first problem raises :class:`GoldError`, whose message
    names the file relative to ``gold_dir``'s parent ("gold/real/003.json: people[2]...").
    """
    gold_dir = Path(gold_dir)
    files = sorted(gold_dir.rglob("*.json"))
    if not files:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    gold: dict[str, dict[str, Any]] = {}
    seen: dict[str, str] = {}
    for path in files:
        label = path.relative_to(gold_dir.parent).as_posix()
        data = _read_gold_file(path, label)
        article = data["article"]
        if article in seen:
            raise GoldError(f"{label}: article: {article!r} is also in {seen[article]}")
        seen[article] = label
        gold[article] = data
    return gold


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class _Item:
    key: tuple[Any, ...]  # what is compared (match_key'd strings, numbers)
    shown: tuple[Any, ...]  # the same in the original spelling, for Miss.item
    bodies: frozenset[str] = frozenset()  # posts only: match_key'd body names


def _dedupe(items: Iterable[_Item]) -> list[_Item]:
    """One item per key (first spelling wins); posts keep every body seen with the key."""
    out: dict[tuple[Any, ...], _Item] = {}
    for item in items:
        old = out.get(item.key)
        out[item.key] = item if old is None else _Item(old.key, old.shown, old.bodies | item.bodies)
    return list(out.values())


def _col(row: dict[str, str], name: str) -> str:
    return (row.get(name) or "").strip()


def _date(value: str) -> str:
    """Event date as compared: an xsd:dateTime's time part is dropped."""
    return match_key(value.split("T", 1)[0])


def _year(value: str) -> int | str | None:
    """Predicted year: "" -> None (gold null), "2021" -> 2021; anything else stays a string."""
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return match_key(text)
    return int(number) if number.is_integer() else match_key(text)


def _value(value: str) -> float | None:
    try:
        number = float(value.strip())
    except ValueError:
        return None
    return number if number == number else None  # NaN compares unequal to everything


def _shown_number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _people_item(name: str) -> _Item:
    return _Item((match_key(name),), (name,))


def _attendance_item(name: str, date: str) -> _Item:
    return _Item((match_key(name), _date(date)), (name, date))


def _role_item(name: str, date: str, role: str) -> _Item:
    return _Item((match_key(name), _date(date), match_key(role)), (name, date, role))


def _post_item(name: str, role: str, body: str, locality: str) -> _Item:
    key = (match_key(name), match_key(role), match_key(locality))
    return _Item(key, (name, role, locality, body), frozenset({match_key(body)} - {""}))


def _indicator_item(
    locality: str, year: int | str | None, status: str, value: float | None, unit: str, name: str
) -> _Item:
    key = (match_key(locality), year, match_key(status), value, match_key(unit))
    return _Item(key, (locality, year, status, _shown_number(value), unit, name))


# "attended" is implied by every other role, so the roles category scores only the others
# (gold/seeds/NOTES.md: "The scorer drops `attended` from the role set").
IMPLIED_ROLE = "attended"


# gold side ----------------------------------------------------------------


def _gold_participations(gold: dict[str, Any]) -> Iterable[tuple[str, str, list[str]]]:
    for event in gold["events"]:
        for p in event["participants"]:
            yield p["name"], event["date"], p["roles"]


def _gold_items(gold: dict[str, Any]) -> dict[str, list[_Item]]:
    parts = list(_gold_participations(gold))
    roles = [_role_item(n, d, r) for n, d, rs in parts for r in rs if r != IMPLIED_ROLE]
    return {
        "localities": [
            _Item((match_key(x["name"]), match_key(x["level"])), (x["name"], x["level"]))
            for x in gold["localities"]
        ],
        "people": [_people_item(p["name"]) for p in gold["people"]]
        + [_people_item(n) for n, _, _ in parts],
        "posts": [
            _post_item(p["name"], post["role"], post["body"], post["locality"])
            for p in gold["people"]
            for post in p["posts"]
        ],
        "attendance": [_attendance_item(n, d) for n, d, _ in parts],
        "roles": roles,
        "indicators": [
            _indicator_item(
                x["locality"], x["year"], x["status"], float(x["value"]), x["unit"], x["name"]
            )
            for x in gold["indicators"]
        ],
    }


# predicted side -------------------------------------------------------------


def _named(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if _col(r, "name")]


def _predicted_items(rows: dict[str, list[dict[str, str]]]) -> dict[str, list[_Item]]:
    """Items from the contract-query rows of one article."""
    officials = _named(rows.get("officials", []))
    attendance = _named(rows.get("attendance", []))
    roles = [
        _role_item(_col(r, "name"), _col(r, "date"), _col(r, "role"))
        for r in attendance
        if _col(r, "role") not in ("", IMPLIED_ROLE)
    ]
    return {
        "localities": [
            _Item(
                (match_key(_col(r, "name")), match_key(_col(r, "level"))),
                (_col(r, "name"), _col(r, "level")),
            )
            for r in _named(rows.get("localities", []))
        ],
        "people": [_people_item(_col(r, "name")) for r in officials + attendance],
        "posts": [
            _post_item(_col(r, "name"), _col(r, "role"), _col(r, "body"), _col(r, "locality"))
            for r in officials
            if _col(r, "role")
        ],
        "attendance": [_attendance_item(_col(r, "name"), _col(r, "date")) for r in attendance],
        "roles": roles,
        "indicators": [
            _indicator_item(
                _col(r, "locality"),
                _year(_col(r, "year")),
                _col(r, "status"),
                _value(_col(r, "value")),
                _col(r, "unit"),
                _col(r, "indicator"),
            )
            for r in rows.get("indicators", [])
        ],
    }


def _rows_by_article(
    rows: dict[str, list[dict[str, str]]], articles: Iterable[str]
) -> dict[str, dict[str, list[dict[str, str]]]]:
    """Query name -> rows, per gold article; rows of other articles are dropped."""
    grouped: dict[str, dict[str, list[dict[str, str]]]] = {a: {} for a in articles}
    for query, query_rows in rows.items():
        for row in query_rows:
            per_article = grouped.get(_col(row, "article"))
            if per_article is not None:
                per_article.setdefault(query, []).append(row)
    return grouped


# --------------------------------------------------------------------------- matching


def roles_match(gold_role: str, predicted_role: str, bodies: Iterable[str]) -> bool:
    """Equal roles, or one is the other plus a space and (a prefix or suffix of) a body name.

    "Bí thư" ~ "Bí thư Tỉnh ủy" when a body is "Tỉnh ủy Hà Tĩnh". All arguments are compared
    through match_key; prefixes and suffixes are whole words.
    """
    a, b = match_key(gold_role), match_key(predicted_role)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if not short or not long.startswith(short + " "):
        return False
    rest = long[len(short) + 1 :]
    return any(
        body == rest or body.startswith(rest + " ") or body.endswith(" " + rest)
        for body in map(match_key, bodies)
    )


def _same_key(gold: _Item, predicted: _Item) -> bool:
    return gold.key == predicted.key


def _posts_compatible(gold: _Item, predicted: _Item) -> bool:
    (g_name, g_role, g_loc), (p_name, p_role, p_loc) = gold.key, predicted.key
    return (
        g_name == p_name
        and g_loc == p_loc
        and roles_match(g_role, p_role, gold.bodies | predicted.bodies)
    )


def values_close(gold: float, predicted: float | None) -> bool:
    """Within VALUE_TOLERANCE of the gold value (exact when the gold value is 0)."""
    if predicted is None:
        return False
    return abs(predicted - gold) <= VALUE_TOLERANCE * abs(gold)


def _indicators_compatible(gold: _Item, predicted: _Item) -> bool:
    g, p = gold.key, predicted.key
    return g[:3] == p[:3] and g[4] == p[4] and values_close(g[3], p[3])


_COMPATIBLE: dict[str, Callable[[_Item, _Item], bool]] = {
    "posts": _posts_compatible,
    "indicators": _indicators_compatible,
}


def _match(
    gold: list[_Item], predicted: list[_Item], compatible: Callable[[_Item, _Item], bool]
) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths): gold index -> predicted index."""
    edges = [[j for j, p in enumerate(predicted) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


# --------------------------------------------------------------------------- scoring


def _score_category(
    article: str, category: str, gold: list[_Item], predicted: list[_Item]
) -> tuple[Score, list[Miss]]:
    gold, predicted = _dedupe(gold), _dedupe(predicted)
    pairs = _match(gold, predicted, _COMPATIBLE.get(category, _same_key))
    matched = set(pairs.values())
    misses = [
        Miss(article, category, "missed", g.shown) for i, g in enumerate(gold) if i not in pairs
    ]
    misses += [
        Miss(article, category, "spurious", p.shown)
        for j, p in enumerate(predicted)
        if j not in matched
    ]
    tp = len(pairs)
    return Score(tp, len(predicted) - tp, len(gold) - tp), misses


def score(gold: dict[str, dict[str, Any]], rows: dict[str, list[dict[str, str]]]) -> EvalReport:
    """Score the contract-query ``rows`` against ``gold`` (article id -> gold dict).

    Only articles with a gold file are scored; rows of other articles are ignored.
    """
    report = EvalReport({name: Score() for name in CATEGORIES})
    by_article = _rows_by_article(rows, gold)
    for article in sorted(gold):
        gold_items = _gold_items(gold[article])
        predicted_items = _predicted_items(by_article[article])
        for category in CATEGORIES:
            s, misses = _score_category(
                article, category, gold_items[category], predicted_items[category]
            )
            report.scores[category].add(s)
            report.misses.extend(misses)
    return report
