"""Vietnamese administrative units, read from the maintained `vietnamadminunits` package.

Its "legacy" table is the state just before the 2025 reform (63 provinces, 696 district-level
units, 10,035 communes) with GSO codes. Spelling variants the table lacks ("TP HCM",
"Đắc Lắc"), units dissolved before that state ("Quận 2") and provinces renamed shortly before
it (Thừa Thiên Huế, the city of Huế from January 2025) come from ``patterns/localities.toml``.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from vietnamadminunits.database.main import query

from kg.model import Locality
from kg.text import match_key

LEVELS = ("province", "district", "commune")

# "Kỳ Anh (Huyện)": the table disambiguates same-named units of one province this way.
_QUALIFIER = re.compile(r"\s*\([^)]*\)\s*$")


def load_patterns(name: str) -> dict:
    """A pattern table from ``kg/patterns/NAME.toml``."""
    with resources.files("kg.patterns").joinpath(f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@dataclass
class Gazetteer:
    """Units indexed by the match key of their short name, per level."""

    by_name: dict[str, dict[str, list[Locality]]] = field(
        default_factory=lambda: {level: defaultdict(list) for level in LEVELS}
    )
    aliases: dict[str, str] = field(default_factory=dict)  # alias key -> province name

    def add(self, locality: Locality, *names: str) -> None:
        for name in (locality.name, *names):
            bucket = self.by_name[locality.level][match_key(name)]
            if locality not in bucket:
                bucket.append(locality)

    def lookup(self, name: str, level: str) -> list[Locality]:
        return list(self.by_name[level].get(match_key(name), ()))

    def province(self, name: str) -> Locality | None:
        found = self.lookup(name, "province")
        return found[0] if found else None

    def names(self, level: str) -> list[str]:
        return list(self.by_name[level])


@cache
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    rows = query(
        "SELECT DISTINCT province, provinceShort, provinceCode, district, districtShort, "
        "districtType, districtCode, ward, wardShort, wardType, wardCode FROM admin_units_legacy"
    )
    table = load_patterns("localities")
    renamed = table.get("renamed_provinces", {})
    provinces: dict[str, Locality] = {}
    districts: dict[str, Locality] = {}
    for row in rows:
        pcode = row["provinceCode"]
        if pcode not in provinces:
            unit = "thành phố" if row["province"].startswith("Thành phố") else "tỉnh"
            name = row["provinceShort"]
            if name in renamed:
                name, unit = renamed[name]["name"], renamed[name]["unit"]
            provinces[pcode] = Locality(name, "province", unit, pcode)
            gaz.add(provinces[pcode])
        dcode = row["districtCode"]
        if dcode and dcode not in districts:
            districts[dcode] = Locality(
                _QUALIFIER.sub("", row["districtShort"]),
                "district",
                row["districtType"].lower(),
                dcode,
                provinces[pcode],
            )
            gaz.add(districts[dcode])
        if row["wardCode"] and row["wardShort"] and dcode:
            gaz.add(
                Locality(
                    _QUALIFIER.sub("", row["wardShort"]),
                    "commune",
                    (row["wardType"] or "xã").lower(),
                    row["wardCode"],
                    districts[dcode],
                )
            )
    for alias, province in table["province_aliases"].items():
        target = gaz.province(province)
        if target is not None:
            gaz.add(target, alias)
            gaz.aliases[match_key(alias)] = target.name
    for extra in table.get("former_units", []):
        parent = _find(gaz, extra["parent"], extra["parent_level"], extra.get("province", ""))
        if parent is not None:
            gaz.add(Locality(extra["name"], extra["level"], extra["unit"], "", parent))
    return gaz


def _find(gaz: Gazetteer, name: str, level: str, province: str) -> Locality | None:
    for candidate in gaz.lookup(name, level):
        if not province or candidate.province.name == province:
            return candidate
    return None
