"""What the network views are built from: the rows of ``queries/network_*.rq`` on a store.

Everything a graph shows comes from these SPARQL results (plain strings, ``""`` for unbound),
so a store built elsewhere draws the same way. Dates are ISO prefixes (``YYYY-MM-DD``,
``YYYY-MM`` or ``YYYY``) and are compared as the intervals they stand for.

A view limited to a province or locality reads the ``network_*_within.rq`` variants, which
start from that unit's articles instead of reading every row of the store (a province of a
10,000-article store: seconds instead of two minutes). They return a superset of the rows the
view keeps, and the view filters them exactly as it filters the whole store's rows.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Store

from kg import queries as kg_queries
from kg.namespace import KG
from kg.text import fold, match_key, normalize

QUERIES = ("network_attendance", "network_posts", "network_bodies", "network_localities")
PEOPLE_PER_QUERY = 500  # network_posts_of.rq: Oxigraph 0.5 plans ~1,000 values 30x slower

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class NetworkError(ValueError):
    """A request that cannot be drawn (bad filter value, unknown person); one line."""


# --------------------------------------------------------------------------- dates


def interval(date: str) -> tuple[str, str] | None:
    """The days a date stands for: ``"2024-01"`` -> ``("2024-01-01", "2024-01-31")``.

    ``None`` for an empty or unreadable date (no time is known).
    """
    found = _DATE.match((date or "").strip()[:10])
    if not found:
        return None
    year, month, day = found.groups()
    if day:
        return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def span(dates: list[str]) -> tuple[str, str] | None:
    """The smallest interval holding all the known ``dates``."""
    known = [iv for iv in (interval(d) for d in dates) if iv]
    if not known:
        return None
    return min(iv[0] for iv in known), max(iv[1] for iv in known)


def bound(text: str | None, option: str, end: bool) -> str | None:
    """``--since``/``--until`` as a day: the first (or, for ``end``, last) day it names."""
    if text is None or text == "":
        return None
    iv = interval(text)
    if iv is None:
        raise NetworkError(f"{option} {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    return iv[1] if end else iv[0]


def vi_date(date: str) -> str:
    """``2024-01-06`` -> ``06/01/2024``, ``2024-01`` -> ``01/2024``, ``2024`` -> ``2024``."""
    found = _DATE.match((date or "").strip()[:10])
    if not found:
        return date or ""
    year, month, day = found.groups()
    return "/".join(x for x in (day, month, year) if x)


def name_key(text: str) -> str:
    """How names are compared: NFC, modern tone placement, case and spaces folded."""
    return match_key(fold(normalize(text)))


# --------------------------------------------------------------------------- localities


@dataclass
class Places:
    """Localities with the units they lie in, from ``network_localities.rq``."""

    name: dict[str, str] = field(default_factory=dict)
    level: dict[str, str] = field(default_factory=dict)
    unit: dict[str, str] = field(default_factory=dict)
    ancestors: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: list[dict[str, str]]) -> Places:
        """From ``place, name, level, unit, parent`` rows: each place's chain of units, itself
        first, followed upwards through ``parent`` (cycles and unknown parents stop it)."""
        places = cls()
        parents: dict[str, list[str]] = {}
        for row in rows:
            iri = row["place"]
            places.name.setdefault(iri, row["name"])
            if row["level"]:
                places.level.setdefault(iri, row["level"])
            if row["unit"]:
                places.unit.setdefault(iri, row["unit"])
            up = parents.setdefault(iri, [])
            if row["parent"] and row["parent"] not in up:
                up.append(row["parent"])
        for iri in places.name:
            chain, todo = [], [iri]
            while todo:
                here = todo.pop(0)
                if here in chain or here not in places.name:
                    continue
                chain.append(here)
                todo.extend(parents.get(here, []))
            places.ancestors[iri] = [(a, places.name[a], places.level.get(a, "")) for a in chain]
        return places

    def label(self, iri: str) -> str:
        """``huyện Kỳ Anh``: the unit word and the name."""
        name = self.name.get(iri, "")
        unit = self.unit.get(iri, "")
        return f"{unit} {name}".strip() if name else ""

    def province(self, iri: str) -> str:
        for _, name, level in self.ancestors.get(iri, []):
            if level == "province":
                return name
        return ""

    def within(self, iri: str, name: str, level: str | None = None) -> bool:
        """Whether the place ``iri`` is the unit called ``name`` or lies inside it."""
        key = name_key(name)
        for _, ancestor, ancestor_level in self.ancestors.get(iri, []):
            if name_key(ancestor) == key and (level is None or ancestor_level == level):
                return True
        return False

    def known(self, name: str, level: str | None = None) -> bool:
        key = name_key(name)
        return any(
            name_key(n) == key and (level is None or self.level.get(iri) == level)
            for iri, n in self.name.items()
        )


# --------------------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """What part of the graph to draw.

    ``province``/``locality``: facts placed in that unit or inside it; ``persons``: these
    people and their neighbourhood; ``since``/``until``: facts whose date overlaps the range
    (facts without a date are left out when either is given); ``min_weight``: links at least
    this heavy; ``top``: the N nodes of largest degree.
    """

    province: str | None = None
    locality: str | None = None
    persons: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    min_weight: float | None = None
    top: int | None = None

    def check(self) -> None:
        bound(self.since, "--since", end=False)
        bound(self.until, "--until", end=True)
        if self.top is not None and self.top < 1:
            raise NetworkError(f"--top {self.top}: expected a positive number")
        since, until = bound(self.since, "", False), bound(self.until, "", True)
        if since and until and since > until:
            raise NetworkError(f"--since {self.since} is after --until {self.until}")

    def in_time(self, date: str) -> bool:
        """Whether a fact dated ``date`` overlaps ``since``..``until``."""
        since = bound(self.since, "--since", end=False)
        until = bound(self.until, "--until", end=True)
        if since is None and until is None:
            return True
        iv = interval(date)
        if iv is None:
            return False
        return (since is None or iv[1] >= since) and (until is None or iv[0] <= until)

    def in_place(self, places: Places, iri: str) -> bool:
        """Whether a fact placed at ``iri`` (``""``: no place) is inside the wanted units."""
        if self.province and not places.within(iri, self.province, "province"):
            return False
        return not (self.locality and not places.within(iri, self.locality))

    def describe(self) -> str:
        """The filters in a few Vietnamese words, for titles (``""`` when none)."""
        parts = []
        if self.province:
            parts.append(f"tỉnh {self.province}")
        if self.locality:
            parts.append(f"địa phương {self.locality}")
        if self.persons:
            parts.append("người " + ", ".join(self.persons))
        if self.since:
            parts.append(f"từ {vi_date(self.since)}")
        if self.until:
            parts.append(f"đến {vi_date(self.until)}")
        if self.min_weight is not None:
            parts.append(f"trọng số ≥ {self.min_weight:g}")
        if self.top is not None:
            parts.append(f"{self.top} nút bậc cao nhất")
        return "; ".join(parts)


# --------------------------------------------------------------------------- the rows


@dataclass(frozen=True)
class Scope:
    """The unit the rows are read for: the spellings its label may have in the store, and
    ``kg:Province`` (for ``--province``) or ``kg:Locality`` (for ``--locality``, any level)."""

    names: tuple[str, ...]
    unit_class: str

    @classmethod
    def of(cls, filters: Filters) -> Scope | None:
        """The narrowest unit the filters name (the locality, else the province), or None."""
        if filters.locality:
            return cls(_spellings(filters.locality), str(KG.Locality))
        if filters.province:
            return cls(_spellings(filters.province, "province"), str(KG.Province))
        return None

    def params(self) -> dict[str, object]:
        return {
            "unitName": tuple(Literal(name) for name in self.names),
            "unitClass": NamedNode(self.unit_class),
        }


def _spellings(name: str, level: str | None = None) -> tuple[str, ...]:
    """The name as given, and as the gazetteer writes the units of that name at ``level``
    (any level if None), since the store's labels come from it:
    ``"bắc ninh"`` -> ``("bắc ninh", "Bắc Ninh")``."""
    from kg.gazetteer import LEVELS, gazetteer  # loads the administrative units: when needed

    found = {" ".join(normalize(name).split()): None}
    for each in (level,) if level else LEVELS:
        for unit in gazetteer().lookup(name, each):
            found.setdefault(unit.name, None)
    return tuple(found)


@dataclass
class NetworkData:
    """The rows of the network queries on one store (run once each, when first needed).

    With a ``scope`` the rows are those of the ``*_within`` queries for that unit (see the
    module's docstring); :meth:`for_filters` gives the data a view with filters should use.
    """

    store: Store
    source: str = ""  # where the store is, for titles
    scope: Scope | None = None
    _rows: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    _places: Places | None = None

    def for_filters(self, filters: Filters) -> NetworkData:
        """This data, or the data of the unit the filters limit the view to.

        The whole store's rows are kept when the unit is not found under any of its
        spellings: they match names folded (case, tone placement), which finds it if the
        store has it at all, and otherwise say so."""
        scope = Scope.of(filters)
        if scope is None or scope == self.scope:
            return self
        scoped = NetworkData(self.store, self.source, scope)
        return scoped if scoped.places.name else self

    def rows(self, name: str) -> list[dict[str, str]]:
        if name not in self._rows:
            if self.scope is None:
                result = kg_queries.run_named(self.store, name)
            else:
                result = kg_queries.run_named(self.store, f"{name}_within", self.scope.params())
            self._rows[name] = result.string_rows()
        return self._rows[name]

    @property
    def attendance(self) -> list[dict[str, str]]:
        return self.rows("network_attendance")

    @property
    def posts(self) -> list[dict[str, str]]:
        return self.rows("network_posts")

    @property
    def bodies(self) -> list[dict[str, str]]:
        return self.rows("network_bodies")

    @property
    def places(self) -> Places:
        if self._places is None:
            self._places = Places.from_rows(self.rows("network_localities"))
        return self._places

    def posts_of(self, people: set[str]) -> list[dict[str, str]]:
        """The ``network_posts`` rows of these people (IRIs), wherever the posts were held."""
        if self.scope is None:
            return [row for row in self.posts if row["person"] in people]
        rows: list[dict[str, str]] = []
        wanted = sorted(people)
        for start in range(0, len(wanted), PEOPLE_PER_QUERY):
            chunk = tuple(NamedNode(iri) for iri in wanted[start : start + PEOPLE_PER_QUERY])
            result = kg_queries.run_named(self.store, "network_posts_of", {"person": chunk})
            rows.extend(result.string_rows())
        return rows

    def check(self, filters: Filters) -> None:
        """Reject filters naming a province or locality the store does not know."""
        filters.check()
        # Data read for a locality holds the units above it, not every province: the province
        # is then only checked by whether the locality lies in it (else the view is empty).
        by_locality = self.scope is not None and filters.locality
        if (
            filters.province
            and not by_locality
            and not self.places.known(filters.province, "province")
        ):
            raise NetworkError(f"no province named {filters.province!r} in the store")
        if filters.locality and not self.places.known(filters.locality):
            raise NetworkError(f"no locality named {filters.locality!r} in the store")


__all__ = [
    "Filters",
    "NetworkData",
    "NetworkError",
    "Places",
    "Scope",
    "bound",
    "interval",
    "name_key",
    "span",
    "vi_date",
]
