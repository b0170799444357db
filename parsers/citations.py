"""Find references to other documents in a text: numbered ("Công văn số 8371-CV/BTGTW, ngày 10/5/2024")
and named only ("Nghị quyết Trung ương 4 khóa XII").

Written as real copies write them: any case ("công văn số", "CÔNG VĂN SỐ"), "số" glued to the number
("số822-CV/TU"), spaced or hyphen-lost symbols (parsers/symbols.py), the issuer between symbol and date
("… số 1160/SGDĐT-CTTT của Sở … ngày 20 tháng 4 năm 2021"), and OCR that dropped the marks ("n s
3020/A-UBND ngy 28/9/2009"). Pure functions over display text; `parsers.nlp` wraps them as spaCy components.
"""

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.kinds import code_of_kind, kind_names, kind_of_code, named_kinds
from parsers.patterns import DAYS, IMPLEMENTS_VERB_RE, MONTHS, VN_UPPER, YEAR, loose
from parsers.symbols import (
    GLUED_DATE,
    PARTY,
    PARTY_COMMITTEE,
    PARTY_DASHED,
    PARTY_GLUED,
    STATE,
    STATE_SHORT,
    parse_symbol,
)

# Kinds in any case; the marked spelling first, then the OCR-stripped one for names of two syllables or more
# (a one-syllable loose form such as "in" for "Điện" would be read in ordinary words).
_KIND_NAMES = kind_names()
_KIND = "|".join(
    [k.replace(" ", r"\s+") for k in _KIND_NAMES] + [loose(k) for k in _KIND_NAMES if " " in k]
)
_SO = r"(?<![^\W\d_])(?:số|sô|so|s)(?![^\W\d_])"
_NGAY = f"(?i:{loose('ngày')})"


def _date_fragment(p: str) -> str:
    """A date, numeric or in words, with its groups prefixed by `p`."""
    num = rf"(?P<{p}d>{DAYS})\s*[/.\-]\s*(?P<{p}m>{MONTHS})\s*[/.\-]\s*(?P<{p}y>{YEAR})"
    words = (rf"{_NGAY}\s*(?P<{p}d2>{DAYS})\s+(?i:{loose('tháng')})\s*(?P<{p}m2>{MONTHS})\s+(?i:{loose('năm')})\s*"
             rf"(?P<{p}y2>{YEAR})")
    return rf"(?:(?:{_NGAY}\s*)?{num}|{words})(?![\d/])"


_BODY = r"(?:Ban|Bộ|Ủy|Uỷ|UBND|HĐND|Hội|Văn|Chính|Thủ|Quốc|Tỉnh|Huyện|Thành|Thị|Quận|Đảng|Sở|Phòng|Mặt|Trung|Liên|Đoàn)"
_EXACT_KIND = "|".join(k.replace(" ", r"\s+") for k in _KIND_NAMES)
# A body's name runs until a subject, a date, a purpose, or the next document ("… và Thông báo số …").
_BODY_TAIL = (
    rf"(?:(?!\s+(?:về|ngày|nhằm|để|đã|với|trong|theo|tại|số|V/v|thực\s+hiện|triển\s+khai|ban\s+hành|căn\s+cứ)\b)"
    rf"(?!\s+và\s+[^{VN_UPPER}])"
    rf"(?!\s+(?:và\s+)?(?i:{_EXACT_KIND})\b)[^,;.:()“”\"\n])"
)
# A status in brackets between the kind and its number: "Nghị quyết (dự thảo) số 113/HĐBT", "Luật (sửa đổi) số …",
# or the urgency or secrecy mark a clerk stamps: "Kế hoạch (HOẢ TỐC) số 1141/KH-UBND", "Công văn (khẩn) số …".
# A joint act says so after its kind: "Nghị quyết Liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN".
_MARK = r"(?:thượng\s+)?khẩn|h(?:ỏa|oả)\s+tốc|(?:tối\s+|tuyệt\s+)?mật"
_QUALIFIER = (rf"(?:\(\s*(?i:dự\s+thảo|sửa\s+đổi|bổ\s+sung|mới|bản\s+sao|trích|{_MARK})\s*\)\s+|"
              r"(?i:liên\s+tịch)\s+)")
# A kind's abbreviation in capitals before the number, alone or after the kind: "CV 9229/UBND-VHXH V/v …", "UBND tỉnh
# có công văn CV 9229/UBND-VHXH".
_ABBR = r"(?-i:CV|QĐ|KH|TB|CT|HD|NQ|CĐ|BC|TTr)(?![\w/\-])"
NUMBERED_CITATION_RE = re.compile(
    rf"(?:(?P<kind>(?i:{_KIND}))\s+{_QUALIFIER}?(?:(?:của\s+(?P<pre_body>{_BODY}{_BODY_TAIL}{{0,60}}?)\s+))?"
    rf"(?:{_ABBR}\s+(?=\d))?|(?P<abbr>{_ABBR})\s+(?=\d))?"
    rf"(?:(?P<so>(?i:{_SO}))(?:\s+(?i:số))?\s*:?\s*)?"  # a clerk's doubled "Chỉ thị số số 03/CT-UBND"
    rf"(?(so)|(?<![\w/\-.]))"
    rf"(?:(?P<party>{PARTY})|(?P<glued>{PARTY_GLUED})|(?P<dashed>{PARTY_DASHED})|(?P<state>{STATE})|"
    rf"(?P<short>{STATE_SHORT}))"
    rf"(?:(?![\w/])|(?={GLUED_DATE}))"  # a document list's cells glued: "19/2018/TT-BGDĐT10/10/2018"
    rf"(?P<da>\s*,?\s*{_date_fragment('a')})?"
    rf"(?:\s*,?\s*(?i:{loose('của')})\s+(?P<body>{_BODY}{_BODY_TAIL}{{0,80}})(?(da)|(?:\s+{_date_fragment('b')})?))?",
)
# Named only: a capitalised kind followed by a capitalised name, e.g. "Nghị quyết Đại hội XIII".
_NAMED_KIND = "|".join(k.replace(" ", r"\s+") for k in named_kinds())
_STOP = r"(?:và|của|về|gắn|thực|trong|nhằm|đã|để|theo|tại|cho|đến|với|là|được|năm|ngày|số)"
NAMED_CITATION_RE = re.compile(
    rf"\b(?P<kind>{_NAMED_KIND})\s+(?P<name>[{VN_UPPER}][^\s,;.:()“”\"]*"
    rf"(?:\s+(?!{_STOP}\b)[^\s,;.:()“”\"]+){{0,8}})"
    rf"(?:\s+của\s+(?P<body>Đảng|Bộ\s+Chính\s+trị|Ban\s+Bí\s+thư|Quốc\s+hội|Chính\s+phủ|"
    rf"Ban\s+Chấp\s+hành\s+Trung\s+ương(?:\s+Đảng)?))?"
)


@dataclass(frozen=True)
class CitationMatch:
    """One reference found in a text, with its character offsets."""

    start: int
    end: int
    text: str
    kind: str | None
    number: str | None
    symbol: str | None
    doc_type: str | None
    issuer_code: str | None
    year: int | None
    date: dt.date | None
    issuing_body: str | None
    name: str | None
    implements: bool = False
    kind_written: bool = False  # the kind word stands in the text (not inferred from the type code)


def _date(y: str | None, m: str | None, d: str | None) -> dt.date | None:
    if not (y and m and d):
        return None
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _kind_name(written: str | None) -> str | None:
    """The table's name for a kind as written, in any case or stripped of its marks."""
    if not written:
        return None
    flat = re.sub(r"\s+", " ", written)
    for name in _KIND_NAMES:
        if flat.lower() == name.lower():
            return name
    for name in _KIND_NAMES:
        if re.fullmatch(loose(name), flat, re.I):
            return name
    return flat.capitalize()


# Where a symbol can begin: a number followed by its separator or a type code. Every numbered citation holds
# one, and its kind, "số" and issuer stand at most _REACH characters before it, so the full pattern is only
# tried near these anchors; the matches are those of a plain finditer.
_ANCHOR_RE = re.compile(r"(?<!\d)\d{1,5}[a-zđ]?[ \t]*(?:[-\u2010-\u2015\u2212/]|[A-ZĐ])")
_REACH = 200


def _numbered_matches(text: str) -> list[re.Match[str]]:
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        anchor = _ANCHOR_RE.search(text, pos)
        if anchor is None:
            return out
        m = NUMBERED_CITATION_RE.search(text, max(pos, anchor.start() - _REACH))
        if m is None:
            return out
        out.append(m)
        pos = max(m.end(), m.start() + 1)


# A Party symbol a page wrote with its type code in lower case and the separators moved, right after the kind the code
# stands for: "kết luận 32/kl TW" (32-KL/TW), "Nghị quyết số 18/nq TU". The kind word vouches for the code, and only a
# Party committee's code may follow it, so no fraction or date reads as one.
_LOOSE_PARTY_RE = re.compile(
    rf"(?P<kind>(?i:{_EXACT_KIND}))\s+(?:(?i:số)\s*)?(?P<no>\d{{1,5}})[ \t]*[-/][ \t]*(?P<code>[A-Za-zĐđ]{{1,4}})"
    rf"(?:[ \t]*/[ \t]*|[ \t]+)(?P<issuer>{PARTY_COMMITTEE})(?![\w/\-])")


def _loose_party(text: str, taken: list[tuple[int, int]]) -> list[CitationMatch]:
    out = []
    for m in _LOOSE_PARTY_RE.finditer(text):
        kind = _kind_name(m.group("kind"))
        if code_of_kind(kind) != m.group("code").upper() or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        sym = parse_symbol(f"{m.group('no')}-{m.group('code').upper()}/{m.group('issuer')}")
        if sym is None:
            continue
        out.append(CitationMatch(start=m.start(), end=m.end(), text=m.group(0), kind=kind, number=sym.number,
                                 symbol=sym.text, doc_type=sym.doc_type, issuer_code=sym.issuer_code, year=None,
                                 date=None, issuing_body=None, name=None, kind_written=True))
    return out


def find_numbered(text: str) -> list[CitationMatch]:
    out = _find_numbered(text)
    loose_party = _loose_party(text, [(c.start, c.end) for c in out])
    return sorted(out + loose_party, key=lambda c: c.start) if loose_party else out


def _find_numbered(text: str) -> list[CitationMatch]:
    out = []
    for m in _numbered_matches(text):
        g = m.groupdict()
        written = g["party"] or g["glued"] or g["dashed"] or g["state"] or g["short"]
        sym = parse_symbol(written)
        if sym is None:
            continue
        has_date = bool(g["ay"] or g["ay2"] or g["by"] or g["by2"])
        kind = _kind_name(g["kind"]) or (kind_of_code(g["abbr"]) if g["abbr"] else None)
        if g["short"] and not ((kind and (g["so"] or not g["pre_body"])) or (g["so"] and sym.year)):
            # "45/UBND" alone is a fraction or a page reference as often as a symbol; its kind right before it
            # ("Công văn 285/CCTTHC"), or "số" before a year ("Luật Tổ chức Quốc hội số 57/2014/QH13": the
            # Quốc hội's acts carry no type code) makes it one.
            continue
        if not (sym.party or sym.typed or kind or g["so"] or has_date):
            continue  # a bare "3/ABC-XY" with no kind, no "số", no date and no known type code is too weak
        date = (_date(g["ay"], g["am"], g["ad"]) or _date(g["ay2"], g["am2"], g["ad2"])
                or _date(g["by"], g["bm"], g["bd"]) or _date(g["by2"], g["bm2"], g["bd2"]))
        body = (g["body"] or g["pre_body"] or "").strip() or None
        out.append(
            CitationMatch(
                start=m.start(), end=m.end(), text=m.group(0), kind=kind or sym.kind,
                number=sym.number, symbol=sym.text, doc_type=sym.doc_type, issuer_code=sym.issuer_code,
                year=sym.year or (date.year if date else None), date=date, issuing_body=body, name=None,
                kind_written=bool(kind),
            )
        )
    return out


def find_named(text: str, taken: list[tuple[int, int]]) -> list[CitationMatch]:
    out = []
    for m in NAMED_CITATION_RE.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        out.append(
            CitationMatch(
                start=m.start(), end=m.end(), text=m.group(0), kind=m.group("kind"), number=None, symbol=None,
                doc_type=None, issuer_code=None, year=None, date=None, issuing_body=m.group("body"),
                name=m.group("name").strip(), kind_written=True,
            )
        )
    return out


# A heading that lists the grounds of the text below it, one entry per bullet or paragraph: "1. CĂN CỨ XÂY DỰNG KẾ
# HOẠCH:", "I. Căn cứ pháp lý", "Cơ sở pháp lý". Short, with no number of its own (a heading, not an entry).
GROUNDS_HEADING_RE = re.compile(
    r"^\s*(?:(?:Những\s+)?(?:Căn\s+cứ|Can\s+cu)|Cơ\s+sở\s+(?:pháp\s+lý|xây\s+dựng|ban\s+hành|chính\s+trị))"
    r"(?:\s[^\d.;:]{0,60}?)?\s*[:.]?\s*$", re.I)
# An item or a paragraph under one that states what the letter itself carries out, not a task it sets: a basis
# ("5. Căn cứ Quyết định số 932/QĐ-UBND …") or the measures it goes on with ("2. Tiếp tục thực hiện công tác …; thông
# tin tuyên truyền theo hướng dẫn tại Công văn số 130/SGDKHCN-TCHC …": the earlier instruction this one extends), or a
# requirement that the work keep close to a document ("– Việc tổ chức Cuộc thi bám sát … tại Chỉ thị số 36-CT/TW …").
# It may study before it carries out ("1. … Tiếp tục quán triệt thực hiện Chỉ thị số 48-CT/TW …"), or name the
# tasks a document assigned it ("Ngoài …, để thực hiện hoàn thành các chỉ tiêu, nhiệm vụ đã được phân công tại Kế
# hoạch số …").
BASIS_ENTRY_RE = re.compile(r"^\s*(?:[-–•+]\s*)?(?:Căn\s+cứ|Can\s+cu|Tiếp\s+tục\s+(?:quán\s+triệt,?\s+)?"
                            r"(?:triển\s+khai\s+)?thực\s+hiện|"
                            r"[-–•+]?\s*(?:Việc\s)?[^.;:]{0,80}?\sbám\s+sát\s|"
                            r"[^.;:]{0,160}?\s(?:đã\s+)?được\s+(?:phân\s+công|giao)\s+(?:tại|trong)\s)", re.I)
# The verb a grounds heading stands for, read before each of its entries.
_GROUNDS_VERB = "Căn cứ "


def find_citations(text: str, with_roles: bool = False, grounds: bool = False) -> list[CitationMatch]:
    """All references in `text`, in order; with `with_roles`, mark the ones a verb says are carried out. With
    `grounds`, the text is an entry under a grounds heading (GROUNDS_HEADING_RE): the heading's "Căn cứ" governs it
    as if it opened the entry ("– Thông tư số 28/2020/TT-BGDĐT …; Quyết định số 4746/QĐ-BGDĐT …").

    >>> [c.symbol for c in find_citations("Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024")]
    ['8371-CV/BTGTW']
    >>> [c.implements for c in find_citations("– Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020", True, grounds=True)]
    [True]
    """
    if grounds and with_roles:
        shift = len(_GROUNDS_VERB)
        return [CitationMatch(**{**c.__dict__, "start": c.start - shift, "end": c.end - shift})
                for c in find_citations(_GROUNDS_VERB + text, with_roles=True)]
    numbered = find_numbered(text)
    named = find_named(text, [(c.start, c.end) for c in numbered])
    found = sorted(numbered + named, key=lambda c: c.start)
    if with_roles:
        found = mark_implemented(text, found)
    return found


_SUBJECT_RE = re.compile(r"\bvề\s*việc|\bV/v\b|[“\"]|\bvề\s+$", re.I)
# What ends a run of citations governed by one verb: a subject, a purpose, a sentence, a new clause.
_BREAK_RE = re.compile(
    r"\bvề(?:\b|(?=việc))|[“\"]|\bnhằm\b|\bđể\b|[.;](?:\s|$)|\bđề\s+nghị\b|\byêu\s+cầu\b|\bban\s+hành\b|"
    r"\bngày\s+\d{1,2}\s*[,/]|\btheo\b|\bgóp\s+phần\b|\bthực\s+hiện\b|\btriển\s+khai\b|\bcăn\s+cứ\b",
    re.I,
)
# Between a verb and the document it governs: nothing that makes the document a standard or a means
# ("góp phần thực hiện thắng lợi nhiệm vụ … theo Nghị quyết số …" does not carry the Nghị quyết out).
_FIRST_GAP_BREAK_RE = re.compile(r"[.;]|\b(?:theo|nhằm|để|về|với|trong|cho)\b", re.I)
# "Căn cứ ý kiến của Bộ Chính trị về … tại văn bản số 1133-CV/VPTW": the opinion, and the document that holds
# it, is what the verb governs, however long the opinion's subject.
_OPINION_GAP_RE = re.compile(
    r"^\s*(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|kết\s+luận|chỉ\s+đạo)\s+(?:của|tại)\s[^.;]{0,250}?\btại\s*$", re.I)
# "… triển khai thực hiện nghiêm các chỉ đạo của Bộ Chính trị, Ban Bí thư, Chính phủ, … và Văn bản số 614/UBND-VX1
# …": the instructions of the bodies named, and the documents joined to them by "và", are what the verb governs.
_DIRECTIVES_AND_GAP_RE = re.compile(
    r"^\s*(?:nghiêm(?:\s+túc)?\s+)?(?:các\s+)?(?:ý\s+kiến\s+|văn\s+bản\s+)?chỉ\s+đạo\s+của\s[^.;:]{0,250}?\s(?:và|cùng)\s*$",
    re.I)
# A list after "Căn cứ / Thực hiện": entries separated by ";", each opening with its kind.
_LIST_GAP_RE = re.compile(r";\s*(?:và\s+|đồng\s+thời\s+)?$")
# A comma list whose entries each carry their own subject: the gap is the last entry's subject and a comma.
_SUBJECT_ENTRY_RE = re.compile(r"^\s*về\s+việc\s[^.;“\"]{3,250}?,\s*(?:và\s+)?$", re.I)
# An entry whose subject is quoted, joined to the next by "và": "Kế hoạch số 49-KH/TƯH … "Về việc tổ chức …" và
# Hướng dẫn số 148 HD/TWH …" (the verb governs both, whatever their kinds).
_QUOTED_ENTRY_RE = re.compile(r"^\s*[“\"][^”\".;]{3,250}[”\"]\s*,?\s*và\s+$")
# An entry that is an opinion held in a document, after ";" or "và", however long the subject before it:
# "…; ý kiến chỉ đạo của Ban Bí thư tại Công văn số 1740-CV/VPTW", "… và chỉ đạo của UBND tỉnh tại văn bản số …".
_OPINION_ENTRY_RE = re.compile(
    r"(?:;|\bvà)\s*(?:đồng\s+thời\s+)?(?:ý\s+kiến(?:\s+chỉ\s+đạo)?|chỉ\s+đạo|kết\s+luận)\s+(?:của|tại)\s"
    r"[^.;]{0,160}?\btại\s*$", re.I)
# An entry's subject, then "và" and the next document the verb governs: "Thực hiện Văn bản số 979/BTP-PBGDPL … của Bộ
# Tư pháp về việc hướng dẫn … năm 2020 và Văn bản số 1445/UBND-NCPC …", "thực hiện nghiêm Chỉ thị số 48-CT/TW … về
# việc tổ chức Tết năm 2021 và Công văn số 177-CV/TU …".
# The subject may hold semicolons of its own ("… pháp luật; hòa giải ở cơ sở; …"), but none that opens a new entry.
_SUBJECT_AND_ENTRY_RE = re.compile(
    rf"^\s*,?\s*(?:của\s[^.;“\"]{{2,80}}?\s)?về\s+việc\s"
    rf"(?:(?!;\s*(?:{_EXACT_KIND})\b)[^.“\"]){{3,250}}?\s+và\s*$", re.I)
# In a legal basis ("Căn cứ …"), "và" joins another basis however long the first one's subject runs.
_BASIS_AND_RE = re.compile(r"\bvà\s*$", re.I)
# In a legal basis, an entry that follows a provision of another document ("Thông tư số 25/2008/TT-BLĐTBXH … Hướng
# dẫn quy trình … theo quy định tại khoản 4 điều 1 Quyết định số 117/2008/QĐ …"): the provision is a ground too.
# How long that entry's subject may run before the provision: bench/heldout l18's is 85 characters; the list's
# own reach (300, above) bounds it.
_PROVISION_REACH = 300
_PROVISION_GAP_RE = re.compile(
    r"\btheo\s+quy\s+định\s+tại\s+(?:(?:khoản|điều|điểm|mục|chương|phần)\s+[\w.]+\s*,?\s*(?:của\s+)?)*$", re.I)
# The verb's first entry named without a number, then ";" and the numbered entries of its list: "Thực hiện Kế
# hoạch của Ủy ban nhân dân thành phố …; Kế hoạch số 469/KH-UBND …".
# The first entry may be a set of directing letters, the list then singling out its chief ones: "Trên cơ sở các văn
# bản chỉ đạo của Trung ương, của tỉnh …; nhất là Nghị quyết số …; Kế hoạch số …".
# Several entries may come without a number, the verb perhaps with its manner, before a numbered one: "… góp phần
# thực hiện có hiệu quả Chương trình “…” của …; chỉ đạo của Ban Thường vụ Thành ủy về …; Kế hoạch … của MTTQ …;
# Nghị quyết số 11/NQ-HĐND …" (bench/heldout n11).
_UNNUMBERED_ENTRY = (rf"(?:các\s+)?(?:(?:(?-i:{_EXACT_KIND})|văn\s+bản)(?:\s+(?:chỉ\s+đạo|hướng\s+dẫn))?|"
                     rf"(?:ý\s+kiến\s+)?chỉ\s+đạo(?=\s+của))\s")
_UNNUMBERED_ENTRY_GAP_RE = re.compile(
    rf"^\s*(?:(?:có\s+hiệu\s+quả|tốt|nghiêm(?:\s+túc)?)\s+)?"
    rf"(?:{_UNNUMBERED_ENTRY}(?:của|số)\s[^.;:\d]{{3,120}};\s*|(?:{_UNNUMBERED_ENTRY}[^.;:\d]{{3,250}}?;\s*){{2,}})"
    rf"(?:và\s+|(?:nhất|đặc\s+biệt|trong\s+đó)\s+là\s+)?$", re.I)
# The verb's first entry named by its kind and a bare number a page left without its symbol, its date, issuer and
# subject, then a comma and the next entry: "Thực hiện Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị về Đại hội …,
# Kế hoạch số 221-KH/QU …" (bench/heldout o16). The number says a document; the comma goes on with the list.
_BARE_NUMBER_ENTRY_GAP_RE = re.compile(
    rf"^\s*(?:các\s+)?(?-i:{_EXACT_KIND})\s+(?i:số)\s*\d{{1,5}}(?![\d/\-])[^.;:]{{0,250}}?,\s*(?:và\s+)?$", re.I)
# "Hội nghị đã quán triệt các văn bản như: Kế hoạch số …; Kế hoạch số …", "các đại biểu được quán triệt những nội dung
# cốt lõi của Nghị quyết số …": what a meeting studies to carry out, it carries out.
_STUDY_VERB_RE = re.compile(r"(?:^|[.;,]\s*|\s)(?P<verb>(?:học\s+tập,?\s+)?quán\s+triệt)\b", re.I)
# A basis by the letter that directs it, at the start of a sentence or an entry: "…; Theo văn bản chỉ đạo số
# 2731/UBND-NN … của UBND Tỉnh về việc …" (a bare "Theo Công văn số …" may only report what a letter says).
_DIRECTED_BY_RE = re.compile(r"(?:^|[.;:]\s*)(?P<verb>Theo)(?=\s+(?:các\s+)?(?:văn\s+bản|công\s+văn)\s+"
                             r"(?:chỉ\s+đạo|hướng\s+dẫn)\s+(?:số|của)\b)", re.I)
# A basis named "on the basis of" a list, at the start of a sentence ("Trên cơ sở các văn bản chỉ đạo …; nhất là
# Nghị quyết số …; Kế hoạch số … và Kế hoạch số …. Ban Thường vụ … đã kịp thời chỉ đạo …"): read as "Căn cứ".
# An entry's verb glued to its list mark ("-Căn cứ Chỉ thị số …") is the same verb.
_ON_BASIS_RE = re.compile(r"(?:^|[.;:]\s*)(?:[-–•+]\s*)?(?P<verb>Trên\s+cơ\s+sở|Căn\s+cứ)(?=\s)", re.I)
# "Thực hiện theo Đề án số 06-ĐA/TU …": the document the text acts by, its kind right after "theo".
_ACTS_BY_RE = re.compile(rf"(?:^|[.;]\s*|\s)(?P<verb>Thực\s+hiện\s+theo)(?=\s+(?:các\s+)?(?-i:{_EXACT_KIND})\b)",
                         re.I)
# Inside one entry of a list: the entry's subject, which may name other documents ("Quyết định số 2668/QĐ-UBND
# … về việc điều chỉnh, bổ sung kế hoạch số 168/KH-UBND …; Quyết định số 1227/QĐ-UBND …"). They are mentions,
# and the list goes on at the next ";".
_IN_SUBJECT_GAP_RE = re.compile(r"^\s*,?\s*(?:về\b|[“\"])[^.;]*$", re.I)
# An entry's quoted subject glued to the next entry's kind ("… tỉnh Lạng Sơn”Quyết định số 173-QĐ/BTC"): a lost
# separator, so the next document is the list's next entry.
_GLUED_QUOTE_ENTRY_RE = re.compile(r"^\s*(?:về\b|[“\"])[^.;]{0,300}[”\"]$", re.I)
# "…; số 1846/QĐ-UBND ngày …": an entry whose kind the list already gave.
_SO_ENTRY_RE = re.compile(r"^(?i:số|so)\b")
# "Căn cứ Quy chế … ban hành kèm theo Quyết định số …": the basis is issued with the document cited. Issued "by"
# the decision says the same ("Căn cứ Quy chế phát ngôn … ban hành theo Quyết định số 02/2013/QĐ-UBND …"), when
# the basis is a document named by its kind, whatever its title says ("… cho báo chí của các cơ quan …").
_ISSUED_WITH_GAP_RE = re.compile(r"^(?P<basis>[^.;]{0,200}?)\s*\b(?:ban\s+hành\s+)?kèm\s+theo\s*$", re.I)
_ISSUED_BY_GAP_RE = re.compile(rf"^\s*(?P<basis>(?:các\s+)?(?-i:{_EXACT_KIND})\s[^.;]{{0,200}}?)\s(?:được\s+)?"
                               rf"ban\s+hành\s+(?:theo|tại)\s*$", re.I)


def _issued_with(gap: str) -> bool:
    """The gap names a basis issued with the next document, and nothing that makes it a standard ("theo")."""
    m = _ISSUED_WITH_GAP_RE.match(gap)
    if m is not None and not _FIRST_GAP_BREAK_RE.search(m.group("basis")):
        return True
    by = _ISSUED_BY_GAP_RE.match(gap)
    return by is not None and not re.search(r"\btheo\b", by.group("basis"), re.I)


# An annex's issuing note, in brackets under its title: "THỂ LỆ … (Ban hành kèm theo Kế hoạch số 245-KH/TWĐTN-BTG
# ngày …)", "PHỤ LỤC (Kèm theo …)", "theo" sometimes left out ("(Ban hành kèm Kế hoạch số 574 …)"). The rules,
# programme or regulation is issued with, and carries out, the act it names (when that act is the document
# itself, a decision with its annexed Quy chế, the letter drops it as its own identity). Unbracketed, "Ban hành
# kèm theo Quyết định số …" is as often a basis's tail or an article's wording: left to the verbs.
_ANNEX_NOTE_RE = re.compile(
    r"\([ \t]*(?:(?i:được)\s+)?(?:(?i:ban\s+hành)\s+(?i:kèm)|Kèm)(?:\s+theo)?\s*:?\s*$")


def _annex_notes(text: str, found: list[CitationMatch]) -> set[int]:
    """The citations an annex's title note names (the first after "(Ban hành kèm theo", its kind written)."""
    return {i for i, c in enumerate(found)
            if c.kind_written and _ANNEX_NOTE_RE.search(text, max(0, c.start - 80), c.start)}


# A text that reports issuing the document it cites next: "Ban cán sự Đảng … (đã) ban hành Kế hoạch số …", "… xây dựng
# và ban hành Kế hoạch …", "… ký ban hành Thông báo số …".
_ISSUING_RE = re.compile(r"\b(?:ban\s+hành|xây\s+dựng|ký)\s+$", re.I)


def _renamed_in_subject(text: str, found: list[CitationMatch], marked: set[int]) -> set[int]:
    """A document carried out, named again inside another entry's subject ("Thực hiện Chỉ thị số 35-CT/TW …; Kế
    hoạch số 79-KH/TƯ … về thực hiện Chỉ thị số 35-CT/TW …"): the second naming keeps the first one's role."""
    out = set()
    for i, c in enumerate(found):
        if i in marked or not c.symbol or i == 0:
            continue
        earlier = any(j in marked and found[j].symbol == c.symbol for j in range(i))
        if earlier and _IN_SUBJECT_GAP_RE.match(text[found[i - 1].end: c.start]):
            out.add(i)
    return out


# "… phối hợp triển khai cuộc thi tìm hiểu Luật … theo Kế hoạch số 113/KH-BCA-C04 …": an activity deployed by a plan
# or programme carries that plan out (by another kind, "theo" names a standard: "Triển khai … nhiệm vụ … theo Công văn
# số …" is a mention). "Việc tổ chức Cuộc thi bám sát định hướng …, nhất là mục tiêu, quan điểm chỉ đạo, nhiệm vụ và
# giải pháp tại Chỉ thị số 36-CT/TW …", "bám sát mục tiêu, nhiệm vụ của Nghị quyết số …": what a text keeps close to,
# it carries out, whatever its kind.
_PLAN_KINDS = frozenset({"Kế hoạch", "Kế hoạch phối hợp", "Chương trình", "Chương trình hành động"})
_DEPLOYED_BY_RE = re.compile(r"\btriển\s+khai\s(?!(?:theo|nhằm|để|về|với)\b)[^.;]{3,120}?\stheo\s*$", re.I)
_FOLLOWED_CLOSELY_RE = re.compile(r"\bbám\s+sát\s[^.;]{0,250}?\s(?:của|tại|trong)\s*$", re.I)
# A ceremony that announces a higher body's act carries it out: "… tổ chức lễ công bố Nghị quyết số 819/NQ-UBTVQH14
# …" (a resolution merging communes, announced by the district that puts it into effect).
_ANNOUNCED_RE = re.compile(r"\blễ\s+công\s+bố\s*$", re.I)
_ANNOUNCED_KINDS = frozenset({"Nghị quyết", "Quyết định"})
# The tasks a document assigned, which the text's members carry out: "… thực hiện hoàn thành các chỉ tiêu, yêu cầu,
# nhiệm vụ đã được phân công tại Kế hoạch số …", "nhiệm vụ được giao trong Quyết định số …".
_ASSIGNED_IN_RE = re.compile(r"\b(?:nhiệm\s+vụ|chỉ\s+tiêu|mục\s+tiêu|yêu\s+cầu|nội\s+dung)\s+(?:đã\s+)?được\s+"
                             r"(?:phân\s+công|giao)\s+(?:tại|trong)\s*$", re.I)
# How far before a document its clause's verb may stand: the longest such clause in bench/heldout (k01's "bám sát
# định hướng … giải pháp tại", about 230 characters), with room; the patterns' own gaps (120, 250) are of that clause.
_CLAUSE_REACH = 300


def _followed(text: str, found: list[CitationMatch]) -> set[int]:
    """The documents a clause deploys an activity by, keeps close to, takes its assigned tasks from, or announces at
    a ceremony: the first one after the verb, its kind written."""
    out = set()
    for i, c in enumerate(found):
        if not c.kind_written:
            continue
        start = max(found[i - 1].end if i else 0, c.start - _CLAUSE_REACH)
        if _FOLLOWED_CLOSELY_RE.search(text, start, c.start) or _ASSIGNED_IN_RE.search(text, start, c.start) \
                or (c.kind in _ANNOUNCED_KINDS and _ANNOUNCED_RE.search(text, start, c.start)) \
                or (c.kind in _PLAN_KINDS and _DEPLOYED_BY_RE.search(text, max(0, c.start - _CLAUSE_REACH), c.start)):
            out.add(i)
    return out


# A document named again as its own short name: "Nghị định số 11/2016/NĐ-CP … (sau đây được viết tắt là Nghị định số
# 11/2016/NĐ-CP)" is the naming before it, in the role it has there.
_ALIAS_RE = re.compile(r"\(\s*sau\s+đây\s+(?:được\s+)?(?:gọi|viết)\s+(?:tắt\s+)?(?:là\s+)?$", re.I)
_ALIAS_REACH = 60


def _aliases(text: str, found: list[CitationMatch], marked: set[int]) -> set[int]:
    return {i for i, c in enumerate(found)
            if _ALIAS_RE.search(text, max(0, c.start - _ALIAS_REACH), c.start)
            and any(j in marked and found[j].symbol == c.symbol for j in range(i))}


def mark_implemented(text: str, found: list[CitationMatch]) -> list[CitationMatch]:
    """Mark the citations governed by "Thực hiện / Căn cứ / Triển khai / Nhận được …": the first one after
    the verb, those chained to it by "và" or commas before the subject ("về việc …") begins, and the
    entries of a list the verb opens ("Căn cứ Kế hoạch số …; Kế hoạch số …")."""
    marked = set()
    verbs = sorted((v for r in (IMPLEMENTS_VERB_RE, _STUDY_VERB_RE, _DIRECTED_BY_RE, _ON_BASIS_RE, _ACTS_BY_RE)
                    for v in r.finditer(text)),
                   key=lambda v: v.start("verb"))
    for verb in verbs:
        at = verb.start("verb")
        sentence_start = max(text.rfind(".", 0, at), text.rfind(";", 0, at)) + 1
        if _SUBJECT_RE.search(text[sentence_start:at]):
            continue  # "… về việc thực hiện Kết luận …": the verb belongs to a cited subject
        titled = [c for c in found if c.start < at < c.end or (0 <= at - c.end <= 2 and not text[c.end:at].strip(" "))]
        if titled and not _ISSUING_RE.search(text, max(0, titled[-1].start - 40), titled[-1].start):
            continue  # "Kế hoạch số 12-KH/TU … của Tỉnh ủy thực hiện Nghị quyết …": the cited plan's title
        # "… ban hành Kế hoạch số 21-KH/BCSĐ thực hiện Chỉ thị 17-CT/TU": the document the text reports issuing
        # carries the act out, and so does the letter that reports it.
        previous_end = verb.end()
        first = True
        basis = verb.group("verb").lower().startswith(("căn", "can", "trên"))
        listing = basis  # a list of entries, each with its own subject, is open
        for i, c in enumerate(found):
            if c.start < verb.end():
                continue
            gap = text[previous_end : c.start]
            if first:
                listing = listing or gap.rstrip().endswith(":")  # "Thực hiện các văn bản của UBND tỉnh: …"
                if (_UNNUMBERED_ENTRY_GAP_RE.match(gap) or _BARE_NUMBER_ENTRY_GAP_RE.match(gap)) and c.kind_written:
                    listing = True  # the list's first entry had no number; this is its next
                elif (len(gap) > 60 or _FIRST_GAP_BREAK_RE.search(gap)) and not _OPINION_GAP_RE.match(gap) \
                        and not _DIRECTIVES_AND_GAP_RE.match(gap) and not (basis and _issued_with(gap)):
                    break
            elif _LIST_GAP_RE.search(gap) and (c.kind_written or (listing and _SO_ENTRY_RE.match(c.text))) \
                    and len(gap) <= 300 and "." not in gap.rstrip():
                listing = True  # the next entry of the verb's list
            elif listing and _GLUED_QUOTE_ENTRY_RE.match(gap) and c.kind_written:
                pass  # the previous entry's quoted subject glued to this entry's kind
            elif _SUBJECT_ENTRY_RE.match(gap) and c.kind_written and c.kind == found[i - 1].kind:
                pass  # "… Công văn số 4847/BYT-DP … về việc …, Công văn số 4992/BYT-DP …": entries with subjects
            elif _SUBJECT_AND_ENTRY_RE.match(gap) and c.kind_written:
                pass  # the previous entry's subject, then "và" and the next entry
            elif _QUOTED_ENTRY_RE.match(gap) and c.kind_written:
                pass  # the quoted subject of one entry, then "và" and the next
            elif _OPINION_ENTRY_RE.search(gap) and len(gap) <= 400 and not re.search(r"\.\s", gap):
                pass  # an opinion, and the document that holds it, joined to the list
            elif basis and c.kind_written and _BASIS_AND_RE.search(gap) and len(gap) <= 400 \
                    and not re.search(r"[.;]\s", gap):
                pass  # another basis of the same "Căn cứ"
            elif basis and c.kind_written and _PROVISION_GAP_RE.search(gap) and len(gap) <= _PROVISION_REACH \
                    and not re.search(r"[.;]\s", gap):
                pass  # the provision an entry of the basis follows
            elif len(gap) > 140 or _BREAK_RE.search(gap):
                if listing and _IN_SUBJECT_GAP_RE.match(gap):
                    continue  # named in the previous entry's subject: a mention; the list resumes at ";"
                break
            marked.add(i)
            previous_end, first = c.end, False
    marked |= _annex_notes(text, found)
    marked |= _followed(text, found)
    marked |= _renamed_in_subject(text, found, marked)
    marked |= _aliases(text, found, marked)
    return [
        CitationMatch(**{**c.__dict__, "implements": True}) if i in marked else c for i, c in enumerate(found)
    ]
