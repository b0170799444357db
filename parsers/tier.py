"""Which format system (Party or state) and which tier a letter belongs to.

Signals, in order of trust (shared/docs/vietnamese-letters.md, A.3): the issuer lines, the issuer named by
a portal copy or a summary, the issuer code after "/", the body that speaks in the text ("Ủy ban nhân dân
phường Nam Đồng thông báo", "Phòng Giáo dục và Đào tạo Quận 11 đề nghị"), the archive code in "Nơi nhận"
("Lưu VPHU"), the signature. A body is placed by its type (Bộ, Sở, Phòng, Tỉnh ủy, Huyện ủy, Đảng ủy xã …)
and by the unit it names, which the gazetteer (parsers/gazetteer.py) places for "thành phố X".
"""

import datetime as dt
import re
from collections.abc import Callable

from models import Letter, System, Tier
from parsers.gazetteer import DISTRICT_TIER_ENDS, lookup, tier_of_place, tier_of_unit
from parsers.header import despace
from parsers.kinds import kind_names
from parsers.lexicon import ORGANISATION_RE, SURNAMES
from parsers.normalise import normalise_tones
from parsers.patterns import AUTHORITY_HEAD_RE, VN_LOWER, VN_UPPER
from parsers.symbols import parse_symbol

__all__ = ["DISTRICT_TIER_ENDS", "infer_system", "infer_tier", "tier_of_code", "tier_of_issuer", "titled_speakers"]

_UP = "A-ZĐÀ-Ỹ"  # upper-case text after .upper(): Vietnamese capitals fall in these ranges
# Bodies of the centre, whatever unit follows.
_CENTRAL_RE = re.compile(
    r"TRUNG\s+ƯƠNG|\bTW\b|CHÍNH\s+PHỦ|\sCẢ\s+NƯỚC$|\sTOÀN\s+QUỐC$|QUỐC\s+HỘI|BỘ\s+CHÍNH\s+TRỊ|BAN\s+BÍ\s+THƯ(?!\s+(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+ĐOÀN)|"
    r"THỦ\s+TƯỚNG|TỐI\s+CAO|KIỂM\s+TOÁN\s+NHÀ\s+NƯỚC|NGÂN\s+HÀNG\s+NHÀ\s+NƯỚC|TỔNG\s+LIÊN\s+ĐOÀN"
)
# The first unit a body names: its own ("ỦY BAN NHÂN DÂN PHƯỜNG NAM ĐỒNG QUẬN ĐỐNG ĐA" is a ward's).
_UNIT_RE = re.compile(
    rf"(?:^|[\s(,-])(?P<committee>TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+(?:ỦY|ĐOÀN)\b(?P<cname>(?:\s+[{_UP}0-9][^\s,;()]*){{0,6}})"
    rf"|(?:^|[\s(,-])ĐẢNG\s+ỦY\s+(?P<party_unit>XÃ|PHƯỜNG|THỊ\s+TRẤN|ĐẶC\s+KHU)\b"
    rf"|(?:^|[\s(,-])(?P<kind>TỈNH|THÀNH\s+PHỐ|TP\.?|HUYỆN|QUẬN|THỊ\s+XÃ|(?<!TÁC\s)XÃ(?!\s+HỘI)|PHƯỜNG|THỊ\s+TRẤN|"
    rf"ĐẶC\s+KHU)"  # ("HỢP TÁC XÃ", a cooperative, and "XÃ HỘI", society, are no commune)
    rf"(?P<name>(?:\s*[{_UP}0-9][^\s,;()]*){{0,4}})"
)
_COMMITTEE_UNIT = {"TỈNH": "tỉnh", "HUYỆN": "huyện", "QUẬN": "quận", "THỊ": "thị xã", "THÀNH": "thành phố"}
_BODY_TYPE_RULES: tuple[tuple[str, Tier], ...] = (
    (r"^SỞ\s", Tier.PROVINCE),  # a Sở is a department of the province, whatever city it names
    (r"^(?:BỘ\s(?!CHỈ\s+HUY|ĐỘI)|TỔNG\s+CỤC\s|CỤC\s|VỤ\s)", Tier.CENTRAL),
    (r"^PHÒNG\s", Tier.DISTRICT),
    # A mass organisation or the Front named by its national name, no unit after it, is the national one: "Hội
    # Người cao tuổi Việt Nam", "Hội Chữ thập đỏ Việt Nam" (a unit after the name is read above: "… Việt Nam tỉnh X").
    (r"^(?:HỘI|LIÊN\s+MINH|MẶT\s+TRẬN|ỦY\s+BAN\s+(?:MẶT\s+TRẬN|MTTQ))\s.*\sVIỆT\s+NAM$", Tier.CENTRAL),
    # A bloc's or agencies' Party committee that names no unit stands under a province's committee (the Centre's
    # say TRUNG ƯƠNG): "ĐẢNG ỦY KHỐI CÁC TRƯỜNG ĐẠI HỌC, CAO ĐẲNG HÀ NỘI".
    (r"^(?:BAN\s+THƯỜNG\s+VỤ\s+)?ĐẢNG\s+ỦY\s+(?:KHỐI|CÁC\s+CƠ\s+QUAN)\b", Tier.PROVINCE),
)
# Issuer codes of national agencies that are neither a ministry (B…) nor the Party's (…TW): Tổng cục Thuế,
# Tổng cục Hải quan, Tổng cục Thống kê, Kho bạc Nhà nước, Ngân hàng Nhà nước, Kiểm toán Nhà nước, Thanh tra Chính
# phủ, Văn phòng Quốc hội, Ủy ban Thường vụ Quốc hội.
_CENTRAL_CODES = frozenset({"CP", "TTg", "VPCP", "QH", "TCT", "TCHQ", "TCTK", "KBNN", "NHNN", "KTNN", "TTCP",
                            "VPQH", "UBTVQH", "UBDT"})  # UBDT: Ủy ban Dân tộc, a ministry-level committee
# A university's code: "TĐH…" (Trường Đại học …), "ĐH…" ("ĐHQG", "ĐHSPHN"); a college or school says nothing.
_UNIVERSITY_CODES = ("TĐH", "ĐH")
# Staff bodies take the tier of the committee they serve ("BAN TUYÊN GIÁO" under "TỈNH ỦY …").
# The Party's cadre committee or delegation inside a state body's name (parsers.lexicon.PARTY_CELL).
_PARTY_CELL_RE = re.compile(r"^(?:BAN\s+CÁN\s+SỰ\s+ĐẢNG|ĐẢNG\s+ĐOÀN)\s")
# The Party committee of one body's agencies stands at that body's tier: "Đảng ủy cơ quan Bộ Y tế", "Đảng ủy cơ quan
# Sở Nội vụ", "Đảng ủy cơ quan UBND tỉnh".
_AGENCIES_COMMITTEE_RE = re.compile(r"^(?:BAN\s+THƯỜNG\s+VỤ\s+)?ĐẢNG\s+ỦY\s+(?:CÁC\s+)?CƠ\s+QUAN\s+"
                                    r"(?=(?:BỘ|SỞ|TỔNG\s+CỤC|CỤC|VĂN\s+PHÒNG|ỦY\s+BAN|UBND|HĐND)\s)")
_STAFF_BODY_RE = re.compile(r"^(?:BAN|VĂN\s+PHÒNG|ỦY\s+BAN\s+KIỂM\s+TRA|TRUNG\s+TÂM|ĐẢNG\s+ĐOÀN|BAN\s+CÁN\s+SỰ)\b")


# Words of bodies and units as OCR leaves them with every mark lost, and their marked form.
_REMARK = {
    "UY BAN NHAN DAN": "ỦY BAN NHÂN DÂN", "HOI DONG NHAN DAN": "HỘI ĐỒNG NHÂN DÂN", "TRUNG UONG": "TRUNG ƯƠNG",
    "CHINH PHU": "CHÍNH PHỦ", "QUOC HOI": "QUỐC HỘI", "BAN CHAP HANH": "BAN CHẤP HÀNH", "VAN PHONG": "VĂN PHÒNG",
    "BAN THUONG VU": "BAN THƯỜNG VỤ", "BAN TUYEN GIAO": "BAN TUYÊN GIÁO", "THANH PHO": "THÀNH PHỐ",
    "THI XA": "THỊ XÃ", "THI TRAN": "THỊ TRẤN", "DAC KHU": "ĐẶC KHU", "TINH": "TỈNH", "HUYEN": "HUYỆN",
    "QUAN": "QUẬN", "PHUONG": "PHƯỜNG", "XA": "XÃ", "UY": "ỦY", "DANG": "ĐẢNG", "DOAN": "ĐOÀN", "SO": "SỞ",
    "BO": "BỘ", "PHONG": "PHÒNG", "CUC": "CỤC", "VU": "VỤ",
}
_REMARK_RE = re.compile(r"\b(?:" + "|".join(sorted(_REMARK, key=len, reverse=True)) + r")\b")


def _upper(text: str) -> str:
    text = normalise_tones(text).upper()
    if text.isascii():  # every mark lost: give the body words theirs back ("UY BAN NHAN DAN TINH QUANG NAM")
        text = _REMARK_RE.sub(lambda m: _REMARK[m.group(0)], text)
    # "Y BAN NHÂN DÂN": OCR lost the first letter of ỦY; "U B ND" letter-spaced
    return re.sub(r"^Y\s+BAN\b", "ỦY BAN", text.replace("UỶ", "ỦY"))


def tier_of_code(code: str | None) -> Tier:
    """Tier from an issuer code: TW central, TU province, HU/QU/ThU district; a state code by its body
    (B… a ministry, S… a Sở, P… a Phòng); UBND says nothing.

    >>> tier_of_code("BTGTU"), tier_of_code("VPTW"), tier_of_code("HU"), tier_of_code("UBND")
    (<Tier.PROVINCE: 'province'>, <Tier.CENTRAL: 'central'>, <Tier.DISTRICT: 'district'>, <Tier.UNKNOWN: 'unknown'>)
    >>> tier_of_code("TWĐTNMTTN"), tier_of_code("SGDĐT"), tier_of_code("BGDĐT")
    (<Tier.CENTRAL: 'central'>, <Tier.PROVINCE: 'province'>, <Tier.CENTRAL: 'central'>)
    """
    if not code:
        return Tier.UNKNOWN
    code = code.split("-")[0]
    up = code.upper()
    if code in ("ThU", "TXU", "TPU") or up.endswith(("HU", "QU")):
        return Tier.DISTRICT
    if up.endswith(("TW", "TƯ")) or up.startswith(("TW", "TƯ")) or code in _CENTRAL_CODES:
        return Tier.CENTRAL
    if up.endswith("TU"):
        return Tier.PROVINCE
    if up.startswith(_UNIVERSITY_CODES):
        return Tier.CENTRAL  # a university named by its code alone answers to a ministry, as most public ones do
    # Codes of boards and committees, Party or state, which any tier has (BTG, BDV: Party staff boards).
    boards = ("UB", "HĐ", "BCĐ", "BQL", "BTC", "BCH", "BTG", "BDV", "BNC")
    if len(code) >= 3 and code.isupper() and not up.startswith(boards):
        if code.startswith("B"):
            return Tier.CENTRAL  # BGDĐT, BVHTTDL, BNN: a ministry
        if code.startswith("S"):
            return Tier.PROVINCE  # SGDĐT, SVHTTDL: a Sở
    return Tier.UNKNOWN


def _by_body_type(issuer: str) -> bool:
    """The issuer names no unit and no central body: its tier would come from its type (Phòng, Sở, Cục) alone."""
    text = _upper(issuer)
    return not (_CENTRAL_RE.search(text) or _UNIT_RE.search(text))


def tier_of_issuer(issuer: str | None, on: dt.date | None = None) -> Tier:
    """Tier of a body as a letter names it, in any case ("BAN TUYÊN GIÁO TỈNH ỦY", "UBND xã Đức Hợp").

    >>> tier_of_issuer("Phòng Giáo dục và Đào tạo quận 11"), tier_of_issuer("Y BAN NHÂN DÂN TỈNH KON TUM")
    (<Tier.DISTRICT: 'district'>, <Tier.PROVINCE: 'province'>)
    >>> tier_of_issuer("THÀNH ỦY HUẾ", dt.date(2019, 5, 1)), tier_of_issuer("THÀNH ỦY HUẾ", dt.date(2025, 2, 1))
    (<Tier.DISTRICT: 'district'>, <Tier.PROVINCE: 'province'>)
    """
    if not issuer:
        return Tier.UNKNOWN
    text = _PARTY_CELL_RE.sub("", _upper(issuer))  # "Ban cán sự đảng Bộ Tư pháp" stands at the ministry's tier
    text = _AGENCIES_COMMITTEE_RE.sub("", text)  # "Đảng ủy cơ quan Sở Y tế" at the department's
    if re.match(r"^SỞ\s", text):
        return Tier.PROVINCE
    if _CENTRAL_RE.search(text):
        return Tier.CENTRAL
    m = _UNIT_RE.search(text)
    if m:
        if m.group("committee"):
            kind = _COMMITTEE_UNIT[m.group("committee")]
            # "Thành ủy TP. Hồ Chí Minh": the city's abbreviation before its name is no part of the name
            return tier_of_unit(kind, re.sub(r"^TP\.\s*(?=\S)", "", m.group("cname").strip()), on)
        if m.group("party_unit"):
            return Tier.COMMUNE
        return tier_of_unit(m.group("kind").lower().rstrip("."), m.group("name").strip(), on)
    if not _UNPLACED_BY_NAME_RE.match(text):
        placed = tier_of_place_name(issuer)
        if placed is not Tier.UNKNOWN:
            return placed
    for pattern, tier in _BODY_TYPE_RULES:
        if re.search(pattern, text):
            return tier
    return Tier.UNKNOWN


# A ministry, department or office names its unit by its word; a school or a firm is often named after a person or a
# battle that a district shares ("Trường Tiểu học Kim Đồng", "Trường THPT Chi Lăng"): none is placed by its name.
_UNPLACED_BY_NAME_RE = re.compile(r"^(?:BỘ|SỞ|PHÒNG|TRƯỜNG|CÔNG\s+TY|TỔNG\s+CÔNG\s+TY|DOANH\s+NGHIỆP|HỢP\s+TÁC\s+XÃ)\s")
# A body named by its type and a bare place after it, with no unit word: "Chi cục QLTT Thanh Hóa", "Cục Hải quan Lạng
# Sơn", "Công an Hà Tĩnh", "Trung tâm Y tế Ba Bể". The place is the run of capitalised words that ends the name.
_PLACE_TAIL_RE = re.compile(rf"(?P<run>(?:\s+[{VN_UPPER}][^\s,;.:()]*){{2,4}})\s*$")
_PLACE_WORDS_MIN = 2  # a one-syllable tail ("… Cơ sở", "… Huế") is too often a word of the name itself


def tier_of_place_name(name: str) -> Tier:
    """The tier the gazetteer gives the bare place that ends a body's name, its longest known tail of two or more
    words: a province's name that is also its seat city's ("Thanh Hóa") is the province's (a body of the city
    names it "thành phố"); a district's name alone is a district's.

    >>> tier_of_place_name("Chi cục QLTT Thanh Hóa"), tier_of_place_name("Trung tâm Y tế Ba Bể")
    (<Tier.PROVINCE: 'province'>, <Tier.DISTRICT: 'district'>)
    >>> tier_of_place_name("Cục Văn hóa Cơ sở"), tier_of_place_name("Hội Nông dân Việt Nam")
    (<Tier.UNKNOWN: 'unknown'>, <Tier.UNKNOWN: 'unknown'>)
    """
    m = _PLACE_TAIL_RE.search(normalise_tones(name))
    if not m:
        return Tier.UNKNOWN
    words = m.group("run").split()
    for n in range(len(words), _PLACE_WORDS_MIN - 1, -1):
        tiers = {u.tier for u in lookup(" ".join(words[-n:]))}
        if tiers:
            return Tier.PROVINCE if Tier.PROVINCE in tiers else tiers.pop()
    return Tier.UNKNOWN


# A body of a city named without the city's name ("UBND thành phố", "Thành ủy"): a province's or a district's.
_BARE_CITY_RE = re.compile(r"(?:THÀNH\s+PHỐ|\bTP\.?|^THÀNH\s+ỦY)\s*$")
# A people's committee or council with its unit lost (a flattened table kept only its first line).
_BARE_COUNCIL_RE = re.compile(r"^(?:ỦY\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|UBND|HĐND)\s*$")


def authority_body(line: str) -> str:
    """The body an authority line names, without its head: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X" -> "ỦY BAN …"."""
    return AUTHORITY_HEAD_RE.sub("", line)


def infer_tier(letter: Letter) -> tuple[Tier, list[str]]:
    """The tier and notes on how it was decided (or why it is uncertain); the first note is the reason, and
    an unknown tier always has one (the issue asks for "unknown with the reason")."""
    h = letter.header
    notes: list[str] = []
    tier = Tier.UNKNOWN
    if h.issuer:
        tier = tier_of_issuer(h.issuer, h.date)
        # A staff body, or a body placed by its type alone ("PHÒNG THAM MƯU" under "CÔNG AN TỈNH …"), takes the
        # tier of the body above it.
        if (tier is Tier.UNKNOWN or _STAFF_BODY_RE.match(_upper(h.issuer)) or _by_body_type(h.issuer)) \
                and h.parent_issuer:
            parent = tier_of_issuer(h.parent_issuer, h.date)
            if parent is not Tier.UNKNOWN and not (tier is Tier.CENTRAL and parent is not Tier.CENTRAL):
                tier = parent
        if tier is not Tier.UNKNOWN:
            where = "the text names" if h.identity_from and h.identity_from.value != "header" else "lines"
            notes.append(f"tier {tier.value} from the issuer {where}: {h.issuer!r}")
    # A decision's authority line names in full the body an issuer line left bare ("ỦY BAN NHÂN DÂN" above,
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH" under the subject).
    if h.authority and (tier is Tier.UNKNOWN or not h.issuer or _by_body_type(h.issuer)):
        deciding = tier_of_issuer(authority_body(h.authority), h.date)
        if deciding is not Tier.UNKNOWN and not (tier is Tier.CENTRAL and deciding is not Tier.CENTRAL):
            if deciding is not tier:
                notes.append(f"tier {deciding.value} from the authority line {h.authority!r}")
            tier = deciding
    if tier is Tier.DISTRICT and h.issuer and _BARE_CITY_RE.search(_upper(h.issuer)):
        # "UBND thành phố" with no name: a centrally-run city's committee when it tasks districts or departments
        above, how = tier_from_addressees(_all_texts(letter), h.date, chain_only=True)
        if above is Tier.PROVINCE:
            tier = above
            notes.append(f"tier province from the city the issuer names without its name ({h.issuer!r}), which tasks "
                         f"departments or districts as only a centrally-run city does: {how.split(', ', 1)[-1]}")
    if tier is Tier.UNKNOWN and h.place and h.issuer and _BARE_COUNCIL_RE.match(_upper(h.issuer)):
        tier = tier_of_place(h.place, h.date)
        if tier is not Tier.UNKNOWN:
            notes.append(f"tier {tier.value} from the place line {h.place!r} under an issuer that names no unit")
        else:  # a province that shares its name with a town ("Phú Thọ"): the unit the text gives the name
            named = re.search(rf"\b(tỉnh|thành\s+phố|thị\s+xã|huyện|quận)\s+{re.escape(normalise_tones(h.place))}\b",
                              normalise_tones(" ".join(_all_texts(letter))), re.I)
            if named:
                tier = tier_of_unit(named.group(1).lower(), h.place, h.date)
                if tier is not Tier.UNKNOWN:
                    notes.append(f"tier {tier.value} from the place line {h.place!r}, named in the text as "
                                 f"{named.group(0)!r}")
    by_code = tier_of_code(h.issuer_code)
    if tier is Tier.UNKNOWN:
        tier = by_code
        if tier is not Tier.UNKNOWN:
            notes.append(f"tier {tier.value} from the issuer code {h.issuer_code!r}")
    elif by_code is not Tier.UNKNOWN and by_code is not tier:
        notes.append(f"issuer lines say {tier.value} but issuer code {h.issuer_code} says {by_code.value}")
    if tier is Tier.UNKNOWN:
        tier, how = _tier_from_body(letter)
        if tier is Tier.UNKNOWN:  # an office holder names the body he speaks for: more than the units it tasks
            tier, how = _tier_from_titled(letter)
        if tier is Tier.UNKNOWN:
            tier, how = tier_from_addressees(_all_texts(letter), h.date)
        if tier is Tier.UNKNOWN:
            tier, how = tier_from_area(_all_texts(letter))
        if tier is Tier.UNKNOWN:
            tier, how = _tier_from_subjects(letter)
        if tier is Tier.UNKNOWN:
            tier, how = _tier_from_item_speakers(letter)
        if tier is Tier.UNKNOWN:
            tier, how = _tier_from_named(letter)
        if tier is not Tier.UNKNOWN:
            notes.append(f"tier {tier.value} inferred from {how} (no issuer in the header)")
        else:
            notes.insert(0, _unknown_reason(letter))
    if tier is Tier.DISTRICT and h.date and h.date >= DISTRICT_TIER_ENDS:
        notes.append(f"district-tier issuer dated {h.date.isoformat()}, after the district tier ended on 2025-07-01")
    return tier, notes


# The last evidence of who speaks, when the text names no issuer: a page's headline that opens with a body as
# its subject ("Sở Giáo dục và Đào tạo tỉnh Đồng Tháp tuyển dụng viên chức …": a predicate in lower case follows),
# or a department named only by its head's or its office's title ("Giám đốc Sở tiếp công dân …", "Chánh Văn
# phòng Sở …": a Sở is a province's department).
_HEADLINE_PREDICATE_RE = re.compile(rf"(?:\s+[{VN_UPPER}][^\s,;.:()]*){{0,3}}\s+[a-zđà-ỹ]")
_BARE_DEPARTMENT_RE = re.compile(rf"\b(?:(?:Phó\s+)?Giám\s+đốc|Chánh\s+Văn\s+phòng|Chánh\s+Thanh\s+tra|Văn\s+phòng)\s+"
                                 rf"Sở(?!\s+[{VN_UPPER}])(?![^\W\d_])")


def headline_bodies(letter: Letter) -> list[str]:
    """Bodies that open a page headline set aside as furniture, as its subject."""
    out = []
    for p in letter.furniture:
        text = normalise_tones(despace(p.text))
        m = ORGANISATION_RE.match(text)
        if m and len(text) <= 200 and not text.rstrip().endswith(".") and _HEADLINE_PREDICATE_RE.match(text, m.end()):
            out.append(p.text[: m.end()].strip())
    return out


def _tier_from_item_speakers(letter: Letter) -> tuple[Tier, str]:
    """A body that speaks inside a lone item, when the text outside it names none: a page whose font-size bar ("A-
    A A+") was read as an item label holds its whole summary under that item. Items of their own task bodies ("2.
    Huyện ủy giao Văn phòng …" in a commune's copy of its district's letter): they say nothing of the speaker."""
    if len(letter.items) != 1:
        return Tier.UNKNOWN, ""
    for who in speaking_bodies(_all_texts(letter)):
        t = tier_of_issuer(who, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body that speaks in its items, {who!r}"
    return Tier.UNKNOWN, ""


# A headline may open with the unit that acts, by its bare name, then its predicate: "Nam Đàn quán triệt Nghị quyết
# số 26 …" (its authorities; "Hải Phòng: …" only says where).
_HEADLINE_PLACE_RE = re.compile(rf"^(?P<place>[{VN_UPPER}][^\s,;:()]*(?:\s+[{VN_UPPER}][^\s,;:()]*){{1,3}})"
                                rf"\s+(?=[{VN_LOWER}])")


def _headline_place(letter: Letter) -> tuple[Tier, str]:
    for p in letter.furniture:
        text = normalise_tones(despace(p.text))
        m = _HEADLINE_PLACE_RE.match(text)
        if m and len(text) <= 200 and not text.rstrip().endswith("."):
            tiers = {u.tier for u in lookup(m.group("place"))}
            if tiers:
                return (Tier.PROVINCE if Tier.PROVINCE in tiers else tiers.pop()), \
                    f"the unit a headline opens with, {m.group('place')!r}"
    return Tier.UNKNOWN, ""


def _tier_from_named(letter: Letter) -> tuple[Tier, str]:
    for who in headline_bodies(letter):
        t = tier_of_issuer(who, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body a headline opens with, {who!r}"
    for text in _all_texts(letter):
        m = _BARE_DEPARTMENT_RE.search(text)
        if m:
            return Tier.PROVINCE, f"a department named by its head's title, {m.group(0)!r}"
    titled = _tier_from_titled(letter)
    return titled if titled[0] is not Tier.UNKNOWN else _headline_place(letter)


# A body that opens a sentence as its subject, whatever its verb: "Hội Nông dân tỉnh Hà Nam tích cực tuyên truyền …",
# "Chiều 12/3, UBND huyện Lý Nhân tiếp tục …". The sentence may open on its time or a short clause and a comma; the
# predicate is a lower-case word that neither links the body to another ("của", "và", "tại" …) nor makes it the one
# acted on ("được", "bị"). Read after every body named with a verb of speaking, and after what the text tasks.
_SUBJECT_OPEN_RE = re.compile(rf"(?:^|(?<=[.!?;])\s+)(?:(?:Sáng|Trưa|Chiều|Tối|Ngày|Hôm\s+nay|Vừa\s+qua|Mới\s+đây|"
                              rf"Gần\s+đây|Thời\s+gian\s+qua|Những\s+năm|Năm|Tháng|Trong|Hằng\s+năm|Hàng\s+năm|Qua|"
                              rf"Bên\s+cạnh\s+đó|Theo\s+đó|Sau\s+đó|Đồng\s+thời)\b[^.!?;,]{{0,50}},\s*)?(?=[{VN_UPPER}])")
# (A report of an act, "… đã / vừa ban hành …", is the speakers' business: that may be another body's earlier act.)
_PREDICATE_RE = re.compile(rf"\s+(?!(?:của|và|về|tại|ở|các|trong|với|cho|theo|là|được|bị|do|thuộc|nằm|cùng|hoặc|đã|vừa|"
                           rf"hay|trên|dưới|gồm|có\s+(?:trụ\s+sở|địa\s+chỉ)|tỉnh|huyện|quận|xã|phường|thị|thành\s+phố|khóa|nhiệm\s+kỳ)\b)"
                           rf"(?-i:[{VN_LOWER}])")  # (a unit word or a term goes on with the body's name)


def subject_bodies(texts: list[str]) -> list[str]:
    """Bodies that open a sentence as its subject, in order."""
    out = []
    for text in texts:
        text = despace(text)
        canonical = normalise_tones(text)
        for opening in _SUBJECT_OPEN_RE.finditer(canonical):
            m = ORGANISATION_RE.match(canonical, opening.end())
            if m and _PREDICATE_RE.match(canonical, m.end()):
                out.append(text[m.start(): m.end()].strip())
    return out


def _prose_texts(letter: Letter) -> list[str]:
    """The text outside the items (an item's own bodies are tasked, not the speaker: "2. Huyện ủy giao …")."""
    return [p.text for p in letter.preamble + letter.body + letter.closing]


def _tier_from_subjects(letter: Letter) -> tuple[Tier, str]:
    for who in subject_bodies(_prose_texts(letter)):
        t = tier_of_issuer(who, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body a sentence opens with as its subject, {who!r}"
    return Tier.UNKNOWN, ""


def _tier_from_titled(letter: Letter) -> tuple[Tier, str]:
    for who in titled_speakers(_all_texts(letter) + [p.text for p in letter.furniture]):
        t = tier_of_issuer(who, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body an office holder speaks for, {who!r}"
    return Tier.UNKNOWN, ""


def _unknown_reason(letter: Letter) -> str:
    """Why no tier: a body was named but without a place or level, or no body was found at all."""
    h = letter.header
    named = [n for n in (h.issuer, h.parent_issuer, authority_body(h.authority) if h.authority else None,
                         letter.signature.body if letter.signature else None) if n]
    named += speaking_bodies([p.text for p in letter.preamble + letter.body + letter.closing])
    if named:
        return (f"tier unknown: the issuer is named ({named[0]!r}) but without a place or level a body type "
                "or the gazetteer knows")
    if h.issuer_code:
        return f"tier unknown: no issuer found, and the issuer code {h.issuer_code!r} names no level"
    return "tier unknown: no issuer found (no header, issuer code, speaking body, archive code or signature names one)"


_KINDS = "|".join(k.replace(" ", r"\s+") for k in kind_names())
_SPEECH_RE = re.compile(
    r"(?:(?<=\s)|^)(?:(?:cũng\s+)?(?:đã|vừa|mới)\s+(?:khẩn\s+trương\s+|kịp\s+thời\s+|chủ\s+động\s+|trực\s+tiếp\s+|"
    r"tập\s+trung\s+)?|"
    r"kính\s+|trân\s+trọng\s+|tiếp\s+tục\s+|không\s+|sẽ\s+|cũng\s+|đồng\s+loạt\s+)?"
    r"(?:ra\s+(?=thông\s+báo|chỉ\s+đạo|kết\s+luận))?"  # "Văn phòng Chính phủ vừa ra thông báo …"
    r"(?:đề\s+nghị|yêu\s+cầu|hướng\s+dẫn|ban\s+hành|chỉ\s+đạo|thông\s+báo|xây\s+dựng|nhận\s+được|có\s+ý\s+kiến|"
    r"giao|báo\s+cáo|triển\s+khai|tổ\s+chức|mời|phối\s+hợp(?=\s+(?:với|cùng|tổ\s+chức|triển\s+khai))|điều\s+chỉnh|kết\s+luận|phát\s+động|cho\s+phép|"
    # a body that makes its text public, appeals, sets its tasks or briefs its members: "Ban Thường vụ Tỉnh ủy công
    # bố toàn văn dự thảo …", "Đoàn Chủ tịch … kêu gọi …", "Hội Nông dân xã đề ra 11 nội dung …"
    r"công\s+bố|kêu\s+gọi|đề\s+ra|quán\s+triệt|"
    # a Party committee that leads its units ("Đảng ủy Quân sự tỉnh lãnh đạo, chỉ đạo lực lượng vũ trang …")
    r"lãnh\s+đạo(?=,?\s+(?:và\s+)?chỉ\s+đạo)|"
    # or manages and leads them ("LĐLĐ huyện quản lý và chỉ đạo 108 công đoàn cơ sở"), completes its preparation
    # ("Đảng bộ phường … đã khẩn trương hoàn tất công tác chuẩn bị …"), or picks a unit below for a pilot ("Ban
    # Thường trực Ủy ban MTTQ huyện chọn Ủy ban MTTQ xã … làm điểm")
    r"quản\s+lý(?=,?\s+(?:và\s+)?chỉ\s+đạo)|hoàn\s+tất|chọn(?=[^.;]{1,80}\blàm\s+điểm)|"
    # a body that sets its targets, tells the press or mobilises the people ("Ban Thường vụ Tỉnh Đoàn xác định 10
    # chỉ tiêu …", "Hội đồng Nghĩa vụ quân sự tỉnh cho biết, …", "MTTQ xã đã vận động nhân dân …")
    r"xác\s+định|cho\s+biết|vận\s+động|"
    # a Youth Union or a Front that launches a campaign ("Đoàn xã Tam Lộc ra quân dọn vệ sinh …")
    r"ra\s+quân|"
    # a sector's units that act together: "ngành Thống kê cả nước đồng loạt tiến hành điều tra …"
    r"(?<=loạt\s)tiến\s+hành|"
    # "UBND thành phố Huế có Công văn 4424 gửi …", "Chủ tịch UBND tỉnh … đã có kết luận": issuing by having one.
    rf"(?:ký\s+)?(?:có|gửi)\s+(?:{_KINDS}|văn\s+bản|kết\s+luận|ý\s+kiến\s+chỉ\s+đạo)|"
    # "Thủ tướng vừa ký quyết định …", "Sở … đã ký ban hành …", "… phát hành Hướng dẫn …"
    rf"ký\s+(?:ban\s+hành\s+)?(?:{_KINDS}|văn\s+bản)|phát\s+hành)\b",
    re.I,
)
# Between the body and its verb: the unit's name or the council's term ("Quận 11", "(khóa XV)", "khóa XIX,
# nhiệm kỳ 2016-2021"), never a clause.
_SPEAKER_GAP_RE = re.compile(
    # "Trung ương" keeps its second syllable in lower case ("Ban Thường vụ Trung ương Đoàn hướng dẫn …")
    rf"^(?:\s+(?:\d{{1,3}}|\([^()]{{1,40}}\)|Trung\s+ương|[{VN_UPPER}][^\s,;.:()]*)){{0,4}}"
    r"(?:,?\s+kh(?:óa|oá)\s+[IVXLC]+)?(?:,?\s+nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?"
    # the bodies it acts with, by type only ("UBND tỉnh và các ngành, địa phương đã chỉ đạo …")
    r"(?:\s+(?:và|cùng)\s+các\s+(?:sở|ngành|cấp|địa\s+phương|đơn\s+vị)(?:\s*,\s*(?:sở|ngành|cấp|địa\s+phương|đơn\s+vị))*)?"
    r",?\s*$"
)


# Whose document it is ("… của Thủ tướng Chính phủ ban hành …"), or to whom it goes ("… có công văn gửi đến Sở Y tế
# TPHCM đề nghị …"): a body after these is not the one that speaks.
_OWNER_RE = re.compile(r"\b(?:của|do|gửi(?:\s+(?:đến|tới|cho|về))?)\s+$", re.I)
# The text says whose instruction it reports: "“…” - là chỉ đạo của Tổng cục QLTT tới Cục QLTT các địa phương",
# "Đây là yêu cầu của Sở Y tế …" (after "Thực hiện chỉ đạo của …" the body is the one obeyed, not the speaker).
_PREDICATE_OWNER_RE = re.compile(
    r"\blà\s+(?:(?:nội\s+dung\s+)?(?:ý\s+kiến\s+)?chỉ\s+đạo|yêu\s+cầu|đề\s+nghị|hướng\s+dẫn|thông\s+báo)\s+của\s+",
    re.I)
# An office holder who speaks for the body the title names: "Ông …, Bí thư Đảng ủy phường Hương An quán triệt Nghị
# quyết …", "Chủ tịch UBND xã … nhấn mạnh:". Read only when no body speaks in its own name.
_TITLE_RE = re.compile(r"(?<![^\W\d_])(?:Phó\s+)?(?:Bí\s+thư|Chủ\s+tịch|Giám\s+đốc|Trưởng\s+ban|Trưởng\s+phòng|"
                       r"Chủ\s+nhiệm|Viện\s+trưởng|Chánh\s+án)\s+(?:Thường\s+trực\s+)?$")
_TITLED_VERB_RE = re.compile(r"\s*(?:đã\s+|cũng\s+)?(?:trực\s+tiếp\s+)?(?:quán\s+triệt|nhấn\s+mạnh|phát\s+biểu|"
                             r"chủ\s+trì|khẳng\s+định|đánh\s+giá|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|ký\b|thông\s+báo|"
                             r"động\s+viên|giao\s+nhiệm\s+vụ)", re.I)


# The office holder's name between the body and the verb: "Bí thư Thành ủy TP.HCM Nguyễn Văn Nên nhấn mạnh, …" (a
# family name the lexicon knows, then one to three capitalised syllables, perhaps a comma).
_HOLDER_NAME_RE = re.compile(rf"\s+(?:{'|'.join(sorted(SURNAMES))})(?:\s+[{VN_UPPER}][{VN_LOWER}]+){{1,3}}\s*,?")


def titled_speakers(texts: list[str]) -> list[str]:
    """Bodies an office holder speaks for, by the title before the body and a verb of speaking after it. One who
    holds several offices names them first to last ("Bí thư Đảng ủy, Chủ tịch HĐND xã đã đánh giá …"): the first
    office comes first, then the others up to the verb."""
    out = []
    for text in texts:
        canonical = normalise_tones(despace(text))
        orgs = list(ORGANISATION_RE.finditer(canonical))
        for i, m in enumerate(orgs):
            title = _TITLE_RE.search(canonical, max(0, m.start() - 40), m.start())
            end = _before_holder(canonical, m) or (m.end() if _TITLED_VERB_RE.match(canonical, m.end()) else None)
            if not (title and end):
                continue
            chain = [m]
            while i > 0 and _OFFICE_JOIN_RE.fullmatch(canonical, orgs[i - 1].end(), title.start()):
                title = _TITLE_RE.search(canonical, max(0, orgs[i - 1].start() - 40), orgs[i - 1].start())
                if title is None:
                    break
                i -= 1
                chain.insert(0, orgs[i])
            out += [canonical[o.start(): o.end()].strip() for o in chain[:-1]] + [canonical[m.start(): end].strip()]
    return out


def _before_holder(canonical: str, m: re.Match[str]) -> int | None:
    """Where a body's name ends before its office holder's name and a verb of speaking ("Thành ủy TP.HCM | Nguyễn Văn
    Nên nhấn mạnh"): the name may have run into the person's capitalised syllables."""
    cuts = []
    for word in _WORD_AFTER_SPACE_RE.finditer(canonical, m.start(), m.end() + 1):
        if word.group("w") not in SURNAMES:
            continue
        at = word.start() - 1
        named = _HOLDER_NAME_RE.match(canonical, at)
        if named and _TITLED_VERB_RE.match(canonical, named.end()) \
                and not lookup(canonical[at: named.end()].strip(" ,")):  # "Thành ủy Hà Nội chỉ đạo": a place
            cuts.append(at)
    return _first_cut_after_a_place(canonical, m.start(), cuts)


def _first_cut_after_a_place(canonical: str, start: int, cuts: list[int]) -> int | None:
    """Of the places an office holder's name may begin, the first after the unit word or a place the gazetteer knows
    ("Tỉnh ủy Hà Giang | Nguyễn Văn Sơn", "UBND tỉnh Quảng Ngãi | Trần Hoàng Tuấn"), else the last."""
    for at in cuts:
        run = _CAPITALISED_RUN_RE.search(canonical, start, at)
        if run is None or lookup(run.group(0).strip()):
            return at
    return cuts[-1] if cuts else None


_WORD_AFTER_SPACE_RE = re.compile(r"(?<=\s)(?P<w>[^\s,]+)")
def _holder_cut(canonical: str, start: int, end: int) -> int | None:
    """Where an office holder's name begins in a body's name that runs up to its verb, when a title stands before the
    body: "Bí thư Thành ủy TP.HCM | Lê Thanh Hải chỉ đạo" (a place the gazetteer knows is the body's own)."""
    if not _TITLE_RE.search(canonical, max(0, start - 40), start):
        return None
    cuts = []
    for word in _WORD_AFTER_SPACE_RE.finditer(canonical, start, end):
        if word.group("w") in SURNAMES:
            named = _HOLDER_NAME_RE.match(canonical, word.start() - 1)
            if named and named.end() >= end - 1 and not lookup(canonical[word.start(): named.end()].strip(" ,")):
                cuts.append(word.start() - 1)
    return _first_cut_after_a_place(canonical, start, cuts)


# The capitalised words that end a body's name before a cut.
_CAPITALISED_RUN_RE = re.compile(rf"(?:\s+[{VN_UPPER}][^\s,;:()]*)+$")


# Between one office and the next an office holder holds: "Bí thư Đảng ủy, Chủ tịch …", "Bí thư … - Chủ tịch …".
_OFFICE_JOIN_RE = re.compile(r"\s*(?:,|[-–])\s*")


# A sentence that tasks the bodies it names: "Chỉ đạo các địa phương …; UBND thành phố xây dựng kế hoạch …", "Đề nghị
# UBND xã báo cáo …" (the tasked units are below the speaker, never the speaker).
_TASKING_OPEN_RE = re.compile(r"(?:^|[.!?]\s+)(?:Chỉ\s+đạo|Giao|Yêu\s+cầu|Đề\s+nghị)\s[^.!?]*$")
# A visiting delegation speaks for the body it is of: "Đoàn công tác Ban Thường vụ Huyện ủy làm việc với …", "Đoàn
# giám sát của HĐND tỉnh …".
_DELEGATION_RE = re.compile(r"(?<![^\W\d_])(?-i:Đoàn)\s+(?:công\s+tác|kiểm\s+tra|giám\s+sát)\s+(?:của\s+)?", re.I)


# A body whose officer chairs or leads what it holds: "Thường trực HĐND huyện do Bà … - Phó chủ tịch HĐND huyện chủ
# trì tổ chức họp …", "Đoàn công tác của Tỉnh ủy do đồng chí … làm trưởng đoàn" (a person after "do", not a body).
_CHAIRED_RE = re.compile(r"\s+do\s+(?:[Ôô]ng|[Bb]à|[Đđ]ồng\s+chí|[Đđ]/c)\s[^.;]{2,200}?"
                         r"\s(?:chủ\s+trì|làm\s+trưởng\s+đoàn)\b")
# The source a news report gives for what it tells: "Theo số liệu báo cáo của Ban chỉ huy quân sự huyện Ba Bể, …",
# "Theo thông tin từ Sở Y tế, …". Read after the bodies that speak (a body inspected may report to the speaker).
_REPORTED_BY_RE = re.compile(r"(?:^|[.;]\s+)Theo\s+(?:số\s+liệu\s+)?(?:báo\s+cáo|thông\s+tin|số\s+liệu|thống\s+kê)"
                             r"(?:\s+(?:nhanh|tổng\s+hợp))?\s+(?:của|từ)\s+")


# A schedule is its holder's: "… đăng lịch tiếp xúc cử tri của đại biểu HĐND tỉnh …", "Lịch tiếp công dân của Chủ
# tịch UBND huyện" (a paper that publishes it only reposts).
_SCHEDULE_OF_RE = re.compile(r"\blịch\s+(?:làm\s+việc|công\s+tác|tiếp\s+(?:xúc\s+cử\s+tri|công\s+dân|dân))"
                             r"(?:\s+định\s+kỳ)?\s+của\s+(?:(?:các\s+)?(?:đại\s+biểu|(?:Phó\s+)?Chủ\s+tịch|lãnh\s+đạo|"
                             r"Thường\s+trực)\s+)?", re.I)


def _speaker_before(canonical: str, orgs: list[re.Match[str]], at: int) -> int | None:
    """Where the body right before a verb at `at` starts; a capitalised verb a body's name ran into ("Đảng ủy …
    phường Tổ chức Hội nghị") ends the name where the verb begins, unless the rest of the name is a place the
    gazetteer knows ("UBND huyện Giao Thủy": "Giao" is no verb there)."""
    before = [m for m in orgs if m.end() <= at and at - m.end() <= 40
              and _SPEAKER_GAP_RE.match(canonical[m.end(): at])]
    inside = [m for m in orgs if m.start() < at < m.end()]
    if inside and not (before and before[-1].start() > inside[-1].start()) and canonical[at - 1].isspace() \
            and ORGANISATION_RE.fullmatch(canonical, inside[-1].start(), at - 1) \
            and not lookup(canonical[at: inside[-1].end()]):
        return inside[-1].start()
    return before[-1].start() if before else None


def speaking_bodies(texts: list[str]) -> list[str]:
    """Bodies that speak in the text, in order: an organisation right before a verb of issuing or asking
    ("Ủy ban nhân dân phường Nam Đồng thông báo", "Phòng Giáo dục và Đào tạo Quận 11 đề nghị")."""
    out: list[tuple[bool, str]] = []
    for text in texts:
        text = despace(text)  # "U B ND tỉnh thông báo"
        canonical = normalise_tones(text)  # same length: only tone marks move
        orgs = list(ORGANISATION_RE.finditer(canonical))
        for delegation in _DELEGATION_RE.finditer(canonical):
            m = ORGANISATION_RE.match(canonical, delegation.end())
            if m:
                out.append((False, text[m.start(): m.end()].strip()))
        for verb in _SPEECH_RE.finditer(canonical):
            start = _speaker_before(canonical, orgs, verb.start())
            # "… Quyết định số 1896/QĐ-TTg của Thủ tướng Chính phủ ban hành Chương trình …": the cited document's
            # issuer, after "của", is not the body that speaks; nor is a body a sentence tasks.
            if start is not None and not _OWNER_RE.search(canonical, 0, start) \
                    and not _TASKING_OPEN_RE.search(canonical, 0, start):
                reported = bool(re.match(r"(?:đã|vừa)\s", canonical[verb.start():]))
                end = _holder_cut(canonical, start, verb.start()) or verb.start()
                out.append((reported, text[start: end].strip()))
        for owner in _PREDICATE_OWNER_RE.finditer(canonical):
            m = ORGANISATION_RE.match(canonical, owner.end())
            if m:
                out.append((False, text[m.start(): m.end()].strip()))
        for m in orgs:  # "Thường trực HĐND huyện do Bà … chủ trì tổ chức họp …": the body its officer chairs for
            if _CHAIRED_RE.match(canonical, m.end()):
                out.append((False, text[m.start(): m.end()].strip()))
        for source in (*_REPORTED_BY_RE.finditer(canonical), *_SCHEDULE_OF_RE.finditer(canonical)):
            m = ORGANISATION_RE.match(canonical, source.end())  # after the bodies that speak
            if m:
                out.append((True, text[m.start(): m.end()].strip()))
        out += [(True, who) for who in _congress_holders(text, canonical)]  # the last evidence of who speaks
    # "Bộ Chính trị đã ban hành …" reports another body's act; the body that asks or informs now speaks.
    return [who for reported, who in sorted(out, key=lambda x: x[0])]


# A body that holds its own congress, as the text reports it opening: "Đại hội Đảng bộ xã … lần thứ XV … khai mạc",
# "Đại hội đại biểu khối các cơ quan tỉnh lần thứ VII, nhiệm kỳ 2015 – 2020 chính thức khai mạc". A bloc of agencies
# or enterprises holds its congress as the bloc's Party organisation (the bloc's only congress of delegates).
_CONGRESS_RE = re.compile(r"(?<![^\W\d_])Đại\s+hội\s+(?:đại\s+biểu\s+)?", re.I)
_BLOC_RE = re.compile(rf"(?:Đảng\s+bộ\s+)?(?-i:[Kk]hối)\s+(?:các\s+)?(?:cơ\s+quan|doanh\s+nghiệp)\b[^,.;()]{{0,30}}?\s"
                      rf"(?:tỉnh|thành\s+phố|huyện|quận)\b(?:\s+(?-i:[{VN_UPPER}])[^\s,;.:()]*){{0,3}}", re.I)
_CONGRESS_OPENS_RE = re.compile(r"\s+lần\s+thứ\s+[IVXLC]+\b[^.;]{0,80}?\b(?:khai\s+mạc|bế\s+mạc|diễn\s+ra)\b", re.I)


def _congress_holders(text: str, canonical: str) -> list[str]:
    out = []
    for congress in _CONGRESS_RE.finditer(canonical):
        bloc = _BLOC_RE.match(canonical, congress.end())
        org = bloc or ORGANISATION_RE.match(canonical, congress.end())
        if org and _CONGRESS_OPENS_RE.match(canonical, org.end()):
            name = text[org.start(): org.end()].strip()
            out.append(name if not bloc or name.lower().startswith("đảng") else f"Đảng bộ {name}")
    return out


def _tier_from_body(letter: Letter) -> tuple[Tier, str]:
    for entry in letter.cc:
        m = re.match(r"^Lưu\s*:?\s*(?P<codes>.+)$", entry.text, re.I)
        if m:
            for code in re.findall(r"[A-ZĐ][A-ZĐa-zđ]+", m.group("codes")):
                t = tier_of_code(code)
                if t is not Tier.UNKNOWN:
                    return t, f"the archive code {code!r} in 'Nơi nhận'"
    texts = [p.text for p in letter.preamble + letter.body + letter.closing]
    for who in speaking_bodies(texts):
        t = tier_of_issuer(who, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body that speaks in the text, {who!r}"
    if letter.signature and letter.signature.body:
        t = tier_of_issuer(letter.signature.body, letter.header.date)
        if t is not Tier.UNKNOWN:
            return t, f"the body the signature signs for, {letter.signature.body!r}"
    return tier_from_own_level_recipients([e.text for e in letter.cc])


# "Nơi nhận" names the bodies of the issuer's own unit by the unit word alone ("Thường trực Đảng ủy, HĐND, UBND
# phường;", "MTTQ, các đoàn thể phường;"), those above by theirs too ("UBND tỉnh (b/c);"), and the units below as a
# set ("UBND các xã, thị trấn"), by name ("UBND xã Tân Lập") or as hamlets: the lowest unit word that ends a
# recipient is the issuer's. ("thành phố" is a province or a district: it says nothing.)
_UNIT_WORD = r"(?:tỉnh|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)"
_UNIT_SET_RE = re.compile(rf"\bcác\s+(?:(?:{_UNIT_WORD}|thành\s+phố)(?:\s*,\s*|\s+và\s+|\s*)?)+", re.I)
_OWN_UNIT_RE = re.compile(rf"(?<![^\W\d_])(?P<unit>{_UNIT_WORD})\s*(?=[;,.()]|$)", re.I)
_UNIT_LEVEL = {"tỉnh": Tier.PROVINCE, "huyện": Tier.DISTRICT, "quận": Tier.DISTRICT, "thị xã": Tier.DISTRICT,
               "xã": Tier.COMMUNE, "phường": Tier.COMMUNE, "thị trấn": Tier.COMMUNE}
_ORDER = (Tier.COMMUNE, Tier.DISTRICT, Tier.PROVINCE)


def tier_from_own_level_recipients(entries: list[str]) -> tuple[Tier, str]:
    """The issuer's tier from the lowest unit word a "Nơi nhận" entry ends with, unnamed (a ward's notice: "-
    Thường trực Đảng ủy, HĐND, UBND phường;")."""
    found: dict[Tier, str] = {}
    for entry in entries:
        if re.match(r"^\s*(?:Lưu|Như\s+trên)\b", entry, re.I):
            continue
        text = _UNIT_SET_RE.sub(" ", normalise_tones(entry))
        for m in _OWN_UNIT_RE.finditer(text):
            found.setdefault(_UNIT_LEVEL[re.sub(r"\s+", " ", m.group("unit").lower())], entry.strip())
    for tier in _ORDER:
        if tier in found:
            return tier, f"the recipients of its own unit in 'Nơi nhận', {found[tier]!r}"
    return Tier.UNKNOWN, ""


# "ỦY" as a word: a Party committee, never the end of a place's name ("PHƯỜNG THỦY LƯƠNG", "HƯƠNG THỦY").
def _all_texts(letter: Letter) -> list[str]:
    h = letter.header
    # A header zone that gave no issuer, number or date holds prose (d15's one-paragraph lead): read it too.
    texts = [] if any((h.issuer, h.symbol, h.number, h.date)) else [h.raw]
    texts += [p.text for p in letter.preamble + letter.body]
    for item in letter.walk_items():
        texts.append(item.text)
        stack = list(item.blocks)
        while stack:
            b = stack.pop()
            texts.append(b.text)
            stack.extend(b.blocks)
    return texts + [p.text for p in letter.closing]


# The units a letter tasks as a set, by their type: its speaker stands one tier above them. "UBND các tỉnh, thành
# phố trực thuộc Trung ương" are asked by the centre; "các sở, ban, ngành", "UBND các huyện, thị xã" by a province;
# "UBND các xã, thị trấn", "Chủ tịch UBND 36 phường, xã" by a district (by a province after July 2025, or when
# "thuộc tỉnh"); "các khu phố", "các thôn", "tổ dân phố" by a commune.
_TASKED: tuple[tuple[Tier, re.Pattern[str]], ...] = (
    (Tier.CENTRAL, re.compile(r"\b(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+các\s+tỉnh,\s+thành\s+phố(?:\s+trực\s+thuộc\s+"
                              r"Trung\s+ương)?|\bcác\s+Bộ,\s+(?:cơ\s+quan\s+ngang\s+Bộ|ngành)", re.I)),
    # A set of districts by one unit word ("UBND các quận Ngũ Hành Sơn, Hải Châu và huyện Hòa Vang"), or a department
    # given a task ("… giao Sở Giáo dục và Đào tạo …"): a province's, as a district has no districts nor departments.
    (Tier.PROVINCE, re.compile(r"\b(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:các\s+)?(?:quận,\s+huyện|huyện,\s+(?:thị\s+xã|"
                               r"thành\s+phố|quận))|\bcác\s+sở,\s+ban,\s+ngành|\bcác\s+xã,\s+phường\s+thuộc\s+tỉnh|"
                               r"\b(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+các\s+(?:quận|huyện|thị\s+xã)\b|"
                               r"\bgiao\s+(?:các\s+)?(?-i:Sở)\s", re.I)),
    (Tier.DISTRICT, re.compile(r"\b(?:UBND|Ủy\s+ban\s+nhân\s+dân)\s+(?:các\s+|\d+\s+)(?:xã,\s+(?:thị\s+trấn|phường)|"
                               r"phường,\s+(?:xã|thị\s+trấn))|\bcác\s+phòng\s+chuyên\s+môn\s+(?:thuộc\s+)?huyện",
                               re.I)),
    # The heads of a counted set of them are tasked as a set too ("Đề nghị Tổ trưởng 08 Tổ dân phố thông báo …"); a
    # count alone describes ("300 thôn, bản khó khăn", "19 ấp, sóc trên địa bàn xã").
    (Tier.COMMUNE, re.compile(r"\b(?:các|(?:Tổ\s+trưởng|Trưởng)\s+\d{1,3})\s+"
                              r"(?:khu\s+phố|tổ\s+dân\s+phố|thôn|ấp|bản|xóm|khu\s+dân\s+cư)\b", re.I)),
)


# The units of a district's Party or mass organisation, named by their unit words, which either system has: "Các đơn vị
# xã, phường, các Đoàn trường …" (a Youth Union's). They place the speaker, not its system.
_TASKED_UNITS: tuple[tuple[Tier, re.Pattern[str]], ...] = (
    (Tier.DISTRICT, re.compile(r"\bcác\s+đơn\s+vị\s+(?:xã,\s+(?:thị\s+trấn|phường)|phường,\s+(?:xã|thị\s+trấn))\b",
                               re.I)),
)


def tier_from_addressees(texts: list[str], on: dt.date | None = None, chain_only: bool = False) -> tuple[Tier, str]:
    """The tier one above the highest units the text tasks by type, when nothing names the speaker (d19: "Yêu cầu
    UBND các xã, thị trấn phối hợp …"; d15: "… chỉ đạo UBND các quận, huyện …"). With `chain_only`, only the
    units of the state's chain of command (People's Committees, departments, hamlets)."""
    text = normalise_tones(" ".join(texts))
    for tier, pattern in _TASKED if chain_only else _TASKED + _TASKED_UNITS:
        m = pattern.search(text)
        if m:
            if tier is Tier.DISTRICT and on is not None and on >= DISTRICT_TIER_ENDS:
                tier = Tier.PROVINCE  # no district tier after July 2025: the province tasks the communes
            return tier, f"the units it tasks, {m.group(0)!r}"
    return Tier.UNKNOWN, ""


# The area a letter governs, named by its unit word alone: "các hộ gia đình trong tỉnh", "trên địa bàn huyện",
# "toàn xã" (a unit with its name after it may be any unit the letter speaks of; "toàn xã hội", "an toàn xã hội" are
# society and safety, no commune).
_AREA_RE = re.compile(rf"\b(?:[Tt]rong|[Tt]oàn|[Tt]rên\s+địa\s+bàn)\s+"
                      rf"(?P<unit>tỉnh|huyện|thị\s+xã|quận|xã(?!\s+hội\b)|phường|thị\s+trấn)\b(?!\s+[{VN_UPPER}0-9])")
# (Only capitals: the range À-Ỹ of _UP also holds lower-case "đ", "ư", "ở", so "toàn tỉnh đã …" read as named.)
_AREA_TIER = {"tỉnh": Tier.PROVINCE, "huyện": Tier.DISTRICT, "thị xã": Tier.DISTRICT, "quận": Tier.DISTRICT,
              "xã": Tier.COMMUNE, "phường": Tier.COMMUNE, "thị trấn": Tier.COMMUNE}


def tier_from_area(texts: list[str]) -> tuple[Tier, str]:
    """The tier of the one area the text governs by its unit word ("trong tỉnh"), when nothing else placed it;
    two kinds of area named so say nothing."""
    found = {re.sub(r"\s+", " ", m.group("unit")) for m in _AREA_RE.finditer(normalise_tones(" ".join(texts)))}
    tiers = {_AREA_TIER[u] for u in found}
    if len(tiers) != 1:
        return Tier.UNKNOWN, ""
    return tiers.pop(), f"the area it governs, {'/'.join(sorted(found))!r} named by its unit word alone"


# The Party's central organs are named without "Đảng" or "ủy": "Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung
# ương".
_PARTY_BODY_RE = re.compile(rf"(?<![{_UP}])ỦY\b|ĐẢNG|BAN\s+TUYÊN\s+GIÁO|BAN\s+DÂN\s+VẬN|BAN\s+TỔ\s+CHỨC|"
                            r"BAN\s+NỘI\s+CHÍNH|CHI\s+BỘ|BAN\s+BÍ\s+THƯ|BỘ\s+CHÍNH\s+TRỊ|BAN\s+CHẤP\s+HÀNH\s+TRUNG\s+ƯƠNG|"
                            r"ĐUQS|ĐOÀN\s+TNCS|ĐOÀN\s+THANH\s+NIÊN|(?:TỈNH|HUYỆN|THÀNH|QUẬN|THỊ)\s+ĐOÀN|TRUNG\s+ƯƠNG\s+ĐOÀN|"
                            r"ĐOÀN\s+(?:XÃ|PHƯỜNG|THỊ\s+TRẤN)\s")
# The Front and the mass organisations of it write in the state format (the gold's convention: c13's LĐLĐ, lb4;
# e04's Youth Federation numbers its plans 05/KH-UBH).
# A public service centre ("Trung tâm Dịch vụ tổng hợp xã", "Trung tâm Y tế huyện") is the state's; a political
# training centre is the Party committee's.
_STATE_BODY_RE = re.compile(r"ỦY\s+BAN\s+NHÂN\s+DÂN|UBND|HĐND|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|^SỞ\s|^BỘ\s(?!CHÍNH\s+TRỊ)|"
                            r"CHÍNH\s+PHỦ|^PHÒNG\s|^TRUNG\s+TÂM\s(?!(?:BỒI\s+DƯỠNG\s+)?CHÍNH\s+TRỊ)|"
                            r"^(?:PHÓ\s+)?THỦ\s+TƯỚNG|^CÔNG\s+AN|^BẢO\s+HIỂM\s+XÃ\s+HỘI|^VIỆN\s+KIỂM\s+SÁT|^T(?:ÒA|OÀ)\s+ÁN|"
                            r"^THANH\s+TRA|^HỘI\s+ĐỒNG\s|^KHO\s+BẠC|^CHI\s+CỤC|^TỔNG\s+CỤC|^BAN\s+CHỈ\s+HUY\b|^BAN\s+CHỈ\s+ĐẠO\b(?!\s+TRUNG\s+ƯƠNG)|"
                            r"^CỤC\s|^VỤ\s|^TỔNG\s+CỤC|QUỐC\s+HỘI|MẶT\s+TRẬN|MTTQ|UBMT|LIÊN\s+ĐOÀN\s+LAO\s+ĐỘNG|LĐLĐ|"
                            r"HỘI\s+(?:LHTN|LHPN|LIÊN\s+HIỆP\s+(?:THANH\s+NIÊN|PHỤ\s+NỮ)|NÔNG\s+DÂN|CỰU\s+CHIẾN\s+BINH|CCB|"
                            r"KHUYẾN\s+HỌC|NGƯỜI\s+CAO\s+TUỔI|CHỮ\s+THẬP\s+ĐỎ)|^BAN\s+(?:VẬN\s+ĐỘNG\s+)?CỨU\s+TRỢ|"
                            # any other association or the cooperatives' alliance, by its name's start
                            r"^(?:TRUNG\s+ƯƠNG\s+)?(?:HỘI\s(?!ĐỒNG\s+NHÂN|NGHỊ|THI\b)|LIÊN\s+MINH\s+HỢP\s+TÁC\s+XÃ)")
# The Front's codes end like a Party committee's ("57/TB-MTTW-BVĐCTTW": Mặt trận Trung ương) but are the Front's.
_FRONT_CODE_RE = re.compile(r"^(?:UB)?MT")
_PARTY_CODE_RE = re.compile(r"(?:TU|HU|QU|TW|TƯ|ĐU|ThU|BTG|BDV|BTC|UBKT|VPTU|VPHU|TWĐTN)", re.I)


def _body_votes(name: str | None) -> tuple[int, int]:
    if not name:
        return 0, 0
    text = _upper(name)
    if _PARTY_CELL_RE.match(text):
        return 1, 0  # the Party's cadre committee or delegation in a state body is the Party's
    party = bool(_PARTY_BODY_RE.search(text.replace("ỦY BAN", "")))
    state = bool(_STATE_BODY_RE.search(text))
    return int(party), int(state)


# An organisation that writes of its own levels names them as a whole: "nhiệm vụ trọng tâm của các cấp Hội Nông dân
# tỉnh", "các cấp Hội đã làm tốt …"; no other body is named that way.
_OWN_LEVELS_RE = re.compile(r"(?<![^\W\d_])các\s+cấp\s+$", re.I)


def own_level_bodies(texts: list[str]) -> list[str]:
    """Organisations named through their own levels ("các cấp Hội Nông dân tỉnh"), in order."""
    out = []
    for text in texts:
        canonical = normalise_tones(despace(text))
        for m in ORGANISATION_RE.finditer(canonical):
            if _OWN_LEVELS_RE.search(canonical, max(0, m.start() - 12), m.start()):
                out.append(canonical[m.start(): m.end()].strip())
    return out


def _first_body_votes(sources: tuple[Callable[[], list[str]], ...]) -> tuple[int, int]:
    """Party and state votes of the first body that is of one system, reading each source only if the ones before
    it named none."""
    for source in sources:
        for who in source():
            party, state = _body_votes(who)
            if party or state:
                return party, state
    return 0, 0


def infer_system(letter: Letter) -> System:
    """Party or state, by counting the format signals each system leaves."""
    h = letter.header
    party = state = 0
    for line in h.motto:
        if "ĐẢNG" in line.upper() or "ĐOÀN" in line.upper():
            party += 2
        else:
            state += 2
    sym = parse_symbol(h.symbol) if h.symbol else None
    if sym is not None:
        code = (sym.issuer_code or "").split("-")[0]
        # A year in the number ("15/2024/TT-BTC") is the state's legal-document form, whatever the issuer code
        # spells: the Party never writes it, and "BTC" is the Ministry of Finance there, not a Ban Tổ chức.
        # The Front's codes (MTTW…) are not the Party's either.
        if sym.party or (not sym.year and not _FRONT_CODE_RE.match(code)
                         and (_PARTY_CODE_RE.fullmatch(code) or code.upper().endswith(("TU", "HU", "TW", "ĐU")))):
            party += 2
        else:
            state += 1
    elif h.issuer_code and tier_of_code(h.issuer_code) is not Tier.UNKNOWN:  # no number; the code alone
        party += int(bool(_PARTY_CODE_RE.fullmatch(h.issuer_code.split("-")[0])
                          or h.issuer_code.upper().startswith(("TW", "TƯ"))
                          or h.issuer_code.upper().endswith(("TU", "HU", "TW", "ĐU"))))
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
    issuer = f"{h.parent_issuer or ''} {h.issuer or ''}".strip()
    p, s = _body_votes(issuer)
    if h.authority and p == s == 0:
        p, s = _body_votes(authority_body(h.authority))
    party, state = party + p, state + s
    if party == state == 0:
        # the first body of one system ("Ủy ban … Mặt trận" is of neither), from the likeliest speakers down
        party, state = _first_body_votes((
            lambda: speaking_bodies(_all_texts(letter)),
            lambda: headline_bodies(letter),
            lambda: titled_speakers(_all_texts(letter) + [p.text for p in letter.furniture]),
            lambda: subject_bodies(_prose_texts(letter)),
            lambda: own_level_bodies(_all_texts(letter)),
        ))
    if party == state == 0 and any(_BARE_DEPARTMENT_RE.search(t) for t in _all_texts(letter)):
        state += 1  # a Sở is the state's
    if party == state == 0 and tier_from_addressees(_all_texts(letter), chain_only=True)[0] is not Tier.UNKNOWN:
        state += 1  # it tasks People's Committees, departments or hamlets by type: the state's chain of command
    if party == state == 0:
        # Last resort: the documents it carries out. A body implements mostly its own system's letters.
        for c in letter.citations:
            if c.role.value == "implements" and c.symbol:
                cited = parse_symbol(c.symbol)
                if cited is not None:
                    party, state = party + int(cited.party), state + int(not cited.party)
    if party == state == 0:
        return System.UNKNOWN
    return System.PARTY if party >= state else System.STATE
