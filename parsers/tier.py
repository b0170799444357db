"""Which format system (Party or state) and which tier a letter belongs to.

Signals, in order of trust (shared/docs/vietnamese-letters.md, A.3): the issuer lines, the issuer
code after "/", the date (district bodies end on 1 July 2025), then — for letters with no header —
the archive code in "Nơi nhận" ("Lưu VPHU") and the body that speaks in the preamble.
"""

import datetime as dt
import re

from models import Letter, System, Tier

DISTRICT_TIER_ENDS = dt.date(2025, 7, 1)
CENTRAL_CITIES = r"(?:HÀ\s+NỘI|HẢI\s+PHÒNG|HUẾ|ĐÀ\s+NẴNG|CẦN\s+THƠ|HỒ\s+CHÍ\s+MINH|TP\.?\s*HCM)"

# Issuer-line rules, most specific first; matched on the upper-cased, tone-canonical issuer text.
_ISSUER_RULES: tuple[tuple[str, Tier], ...] = (
    (r"BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG|BỘ\s+CHÍNH\s+TRỊ|BAN\s+BÍ\s+THƯ|CHÍNH\s+PHỦ|QUỐC\s+HỘI|"
     r"^BỘ\s|TRUNG\s+ƯƠNG|ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI", Tier.CENTRAL),
    (rf"THÀNH\s+ỦY\s+{CENTRAL_CITIES}|THÀNH\s+PHỐ\s+{CENTRAL_CITIES}", Tier.PROVINCE),
    (r"ĐẢNG\s+ỦY\s+(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)|(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)"
     r"\s+(?:XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)", Tier.COMMUNE),
    (r"HUYỆN\s+ỦY|QUẬN\s+ỦY|THỊ\s+ỦY|(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)\s+"
     r"(?:HUYỆN|QUẬN|THỊ\s+XÃ)|THÀNH\s+ỦY|(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND)\s+THÀNH\s+PHỐ|^PHÒNG\s", Tier.DISTRICT),
    (r"TỈNH\s+ỦY|(?:ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN)\s+TỈNH|^SỞ\s|ĐẢNG\s+BỘ\s+TỈNH",
     Tier.PROVINCE),
)
# Staff bodies take the tier of the committee they serve ("BAN TUYÊN GIÁO" under "TỈNH ỦY …").
_STAFF_BODY_RE = re.compile(r"^(?:BAN|VĂN\s+PHÒNG|ỦY\s+BAN\s+KIỂM\s+TRA|TRUNG\s+TÂM|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ)\b")

# Body-text speakers for letters with no header: "Ban Thường vụ Huyện ủy đề nghị …".
_SPEAKER_RULES: tuple[tuple[str, Tier], ...] = (
    (r"(?:Tỉnh|tỉnh)\s+ủy|UBND\s+tỉnh|Ủy\s+ban\s+nhân\s+dân\s+tỉnh", Tier.PROVINCE),
    (r"(?:Huyện|huyện|Quận|quận|Thị|thị)\s+ủy|UBND\s+(?:huyện|quận|thị\s+xã)|"
     r"Ủy\s+ban\s+nhân\s+dân\s+(?:huyện|quận|thị\s+xã)", Tier.DISTRICT),
    (r"Đảng\s+ủy\s+(?:xã|phường|thị\s+trấn|đặc\s+khu)|UBND\s+(?:xã|phường|thị\s+trấn)", Tier.COMMUNE),
)
_SPEAKER_RE = re.compile(r"(?P<who>[^,;.]{0,80}?)\s+(?:đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|ban\s+hành|chỉ\s+đạo)\b")


def tier_of_code(code: str | None) -> Tier:
    """Tier from a Party issuer code: TW central, TU province, HU/QU/ThU district.

    >>> tier_of_code("BTGTU"), tier_of_code("VPTW"), tier_of_code("HU"), tier_of_code("UBND")
    (<Tier.PROVINCE: 'province'>, <Tier.CENTRAL: 'central'>, <Tier.DISTRICT: 'district'>, <Tier.UNKNOWN: 'unknown'>)
    """
    if not code:
        return Tier.UNKNOWN
    code = code.split("-")[0]
    if code in ("ThU", "TXU", "TPU") or code.upper().endswith(("HU", "QU")):
        return Tier.DISTRICT
    if code.upper().endswith("TW") or code in ("CP", "TTg", "VPCP") or code.upper().endswith("TƯ"):
        return Tier.CENTRAL
    if code.upper().endswith("TU"):
        return Tier.PROVINCE
    return Tier.UNKNOWN


def tier_of_issuer(issuer: str | None) -> Tier:
    if not issuer:
        return Tier.UNKNOWN
    text = issuer.upper().replace("UỶ", "ỦY")
    for pattern, tier in _ISSUER_RULES:
        if re.search(pattern, text):
            return tier
    return Tier.UNKNOWN


def infer_tier(letter: Letter) -> tuple[Tier, list[str]]:
    """The tier and notes on how it was decided (or why it is uncertain)."""
    h = letter.header
    notes: list[str] = []
    tier = Tier.UNKNOWN
    if h.issuer:
        tier = tier_of_issuer(h.issuer)
        if (tier is Tier.UNKNOWN or _STAFF_BODY_RE.match(h.issuer.upper())) and h.parent_issuer:
            parent = tier_of_issuer(h.parent_issuer)
            if parent is not Tier.UNKNOWN and not (tier is Tier.CENTRAL and parent is not Tier.CENTRAL):
                tier = parent
    by_code = tier_of_code(h.issuer_code)
    if tier is Tier.UNKNOWN:
        tier = by_code
    elif by_code is not Tier.UNKNOWN and by_code is not tier:
        notes.append(f"issuer lines say {tier.value} but issuer code {h.issuer_code} says {by_code.value}")
    if tier is Tier.UNKNOWN:
        tier, how = _tier_from_body(letter)
        if tier is not Tier.UNKNOWN:
            notes.append(f"tier {tier.value} inferred from {how} (no issuer in the header)")
    if tier is Tier.DISTRICT and h.date and h.date >= DISTRICT_TIER_ENDS:
        notes.append(f"district-tier issuer dated {h.date.isoformat()}, after the district tier ended on 2025-07-01")
    return tier, notes


def _tier_from_body(letter: Letter) -> tuple[Tier, str]:
    for entry in letter.cc:
        m = re.match(r"^Lưu\s*:?\s*(?P<codes>.+)$", entry.text, re.I)
        if m:
            for code in re.findall(r"[A-ZĐ][A-ZĐa-zđ]+", m.group("codes")):
                t = tier_of_code(code)
                if t is not Tier.UNKNOWN:
                    return t, f"the archive code {code!r} in 'Nơi nhận'"
    for p in letter.preamble + letter.body:
        for m in _SPEAKER_RE.finditer(p.text):
            for pattern, tier in _SPEAKER_RULES:
                if re.search(pattern, m.group("who")):
                    return tier, f"the preamble speaker {m.group('who').strip()!r}"
    return Tier.UNKNOWN, ""


def infer_system(letter: Letter) -> System:
    """Party or state, by counting the format signals each system leaves."""
    h = letter.header
    party = state = 0
    for line in h.motto:
        if "ĐẢNG" in line.upper():
            party += 2
        else:
            state += 2
    if h.symbol:
        if re.match(r"^\d*-", h.symbol):
            party += 2
        elif "/" in h.symbol:
            state += 1
    if "*" in h.raw.split():
        party += 1
    sig = letter.signature
    if sig and sig.authority:
        if "/" in sig.authority:
            party += 1
        else:
            state += 1
    for entry in letter.cc:
        if re.match(r"^Lưu\s*:", entry.text):
            state += 1
        elif re.match(r"^Lưu\s+", entry.text):
            party += 1
    issuer = f"{h.parent_issuer or ''} {h.issuer or ''}".upper()
    if re.search(r"ỦY\b|ĐẢNG|BAN\s+TUYÊN\s+GIÁO|BAN\s+DÂN\s+VẬN|BAN\s+TỔ\s+CHỨC", issuer.replace("ỦY BAN", "")):
        party += 1
    if re.search(r"ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|^SỞ|\bBỘ\s|CHÍNH\s+PHỦ", issuer):
        state += 1
    if party == state == 0:
        return System.UNKNOWN
    return System.PARTY if party >= state else System.STATE
