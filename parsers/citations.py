"""Find references to other documents in a text: numbered ("Công văn số 8371-CV/BTGTW, ngày 10/5/2024")
and named only ("Nghị quyết Trung ương 4 khóa XII").

Pure functions over display text; `parsers.nlp` wraps them as spaCy components.
"""

import datetime as dt
import re
from dataclasses import dataclass

from parsers.lexicon import DOC_TYPE_CODES
from parsers.patterns import ABBR, DASH, DATE_NUM, DATE_WORDS, IMPLEMENTS_VERB_RE, SP, VN_UPPER, YEAR

DOC_KINDS = (
    "Nghị quyết", "Quyết định", "Chỉ thị", "Kết luận", "Quy chế", "Quy định", "Thông tri", "Thông cáo",
    "Thông báo", "Hướng dẫn", "Chương trình hành động", "Chương trình", "Kế hoạch", "Phương án", "Đề án",
    "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng", "Công điện", "Công văn", "Giấy mời", "Nghị định",
    "Thông tư liên tịch", "Thông tư", "Luật", "Pháp lệnh", "Văn bản", "Điện", "Hiến pháp",
)
_KIND = "|".join(k.replace(" ", r"\s+") for k in DOC_KINDS)
_SYMBOL = (
    rf"(?P<party>(?P<pno>\d{{1,5}}){SP}{DASH}{SP}(?P<ptype>{ABBR}){SP}/{SP}(?P<pissuer>{ABBR}(?:{DASH}{ABBR})*))"
    rf"|(?P<state>(?P<sno>\d{{1,5}}){SP}/{SP}(?:(?P<syear>{YEAR}){SP}/{SP})?"
    rf"(?P<scode>{ABBR}(?:{SP}{DASH}{SP}{ABBR})+))"
)
_BODY = r"(?:Ban|Bộ|Ủy|Uỷ|UBND|HĐND|Hội|Văn|Chính|Thủ|Quốc|Tỉnh|Huyện|Thành|Thị|Quận|Đảng|Sở|Phòng|Mặt|Trung|Liên|Đoàn)"
_BODY_TAIL = r"(?:(?!\s+(?:về|và|ngày|nhằm|để|đã|với|trong|theo|tại|số)\b)[^,;.:()“”\"\n])"
NUMBERED_CITATION_RE = re.compile(
    rf"(?:(?P<kind>{_KIND})\s+(?:(?:của\s+(?P<pre_body>{_BODY}{_BODY_TAIL}{{0,60}}?)\s+))?(?:số\s*:?\s*)?)?"
    rf"(?<![\w/\-])(?:{_SYMBOL})(?![\w/])"
    rf"(?:\s*,?\s*(?:ngày\s+)?(?:{DATE_NUM}|{DATE_WORDS}))?"
    rf"(?:\s*,?\s*của\s+(?P<body>{_BODY}{_BODY_TAIL}{{0,80}}))?",
)
# Named only: a capitalised kind followed by a capitalised name, e.g. "Nghị quyết Đại hội XIII".
_NAMED_KIND = "Nghị quyết|Chỉ thị|Kết luận|Quy định|Hướng dẫn|Chương trình hành động|Luật|Hiến pháp|Pháp lệnh"
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


def _date(y: str | None, m: str | None, d: str | None) -> dt.date | None:
    if not (y and m and d):
        return None
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", re.sub(DASH, "-", s))


def _kind_name(kind: str | None) -> str | None:
    return re.sub(r"\s+", " ", kind).capitalize() if kind else None


def find_numbered(text: str) -> list[CitationMatch]:
    out = []
    for m in NUMBERED_CITATION_RE.finditer(text):
        g = m.groupdict()
        typed = True
        if g["party"]:
            number, doc_type, issuer = g["pno"], g["ptype"], g["pissuer"]
            symbol = _squash(f"{number}-{doc_type}/{issuer}")
            year = None
        else:
            number, code = g["sno"], _squash(g["scode"])
            groups = code.split("-")
            year = int(g["syear"]) if g["syear"] else None
            typed = groups[0] in DOC_TYPE_CODES
            if typed or len(groups) > 2:
                doc_type, issuer = groups[0], "-".join(groups[1:])
            else:  # a state công văn: "12/UBND-VX" has no type code
                doc_type, issuer = "CV", groups[0]
            # Party symbols written the state way ("22/CT-TW") keep their Party issuer.
            symbol = _squash(f"{number}/{g['syear'] + '/' if g['syear'] else ''}{code}")
        kind = _kind_name(g["kind"]) or DOC_TYPE_CODES.get(doc_type)
        if not g["kind"] and not g["party"] and not typed:
            continue  # a bare "3/ABC-XY" with no kind word and no known type code is too weak
        date = _date(g["y"], g["m"], g["d"]) or _date(g["y2"], g["m2"], g["d2"])
        body = (g["body"] or g["pre_body"] or "").strip() or None
        out.append(
            CitationMatch(
                start=m.start(), end=m.end(), text=m.group(0), kind=kind, number=number, symbol=symbol,
                doc_type=doc_type, issuer_code=issuer, year=year or (date.year if date else None), date=date,
                issuing_body=body, name=None,
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
                name=m.group("name").strip(),
            )
        )
    return out


def find_citations(text: str, with_roles: bool = False) -> list[CitationMatch]:
    """All references in `text`, in order; with `with_roles`, mark the ones a verb says are carried out.

    >>> [c.symbol for c in find_citations("Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024")]
    ['8371-CV/BTGTW']
    """
    numbered = find_numbered(text)
    named = find_named(text, [(c.start, c.end) for c in numbered])
    found = sorted(numbered + named, key=lambda c: c.start)
    if with_roles:
        found = mark_implemented(text, found)
    return found


_SUBJECT_RE = re.compile(r"\bvề\s+việc\b|\bV/v\b|[“\"]", re.I)
_BREAK_RE = re.compile(r"\bvề\b|[“\"]|\bnhằm\b|\bđể\b|[.;](?:\s|$)|\bđề\s+nghị\b|\byêu\s+cầu\b", re.I)


def mark_implemented(text: str, found: list[CitationMatch]) -> list[CitationMatch]:
    """Mark the citations governed by "Thực hiện / Căn cứ / Triển khai …": the first one after the verb,
    and those chained to it by "và" or commas before the subject ("về việc …") begins."""
    marked = set()
    for verb in IMPLEMENTS_VERB_RE.finditer(text):
        sentence_start = max(text.rfind(".", 0, verb.start()), text.rfind(";", 0, verb.start())) + 1
        if _SUBJECT_RE.search(text[sentence_start : verb.start()]):
            continue  # "… về việc thực hiện Kết luận …": the verb belongs to a cited subject
        previous_end = verb.end()
        first = True
        for i, c in enumerate(found):
            if c.start < verb.end():
                continue
            gap = text[previous_end : c.start]
            limit = 60 if first else 140
            if len(gap) > limit or (_BREAK_RE.search(gap) and not first) or (first and re.search(r"[.;]", gap)):
                break
            marked.add(i)
            previous_end, first = c.end, False
    return [
        CitationMatch(**{**c.__dict__, "implements": True}) if i in marked else c for i, c in enumerate(found)
    ]
