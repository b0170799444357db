"""Line breaks back into a letter that lost them: a portal or a document-sharing site that printed the whole
letter as one line ("BAN CHẤP HÀNH TRUNG ƯƠNG***Số: 367 - QĐ/TWĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Hà Nội, ngày 29
tháng 10 năm 2013 QUYẾT ĐỊNHVề việc …", "UBND TỈNH NINH THUẬN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM SỞ GIÁO DỤC VÀ
ĐÀO TẠO Độc lập - Tự do - Hạnh phúc Số : 2917 /SGDĐT-VP Phan Rang-Tháp Chàm, ngày 05 tháng11 năm 2010 V/v …").

A line is run on when a header's landmarks (national title, motto, Party or Youth Union title, "Số" line,
place and date) stand in its first stretch together with more text than a header line holds. It is broken only
where a letter's own lines begin: before and after those landmarks, before the subject ("V/v", "Về việc"), a
rule, "Kính gửi", a recipient or basis after ";", a numbered item or "Điều" after a sentence end, "Nơi nhận".
Only breaks are added: every character stays, in order.
"""

import re

from parsers import patterns as P

_HEAD = 700  # where a run-on header's landmarks stand
_MIN = 400  # a line shorter than this is a header line, whatever it holds
_UP = P.VN_UPPER
_LANDMARK_RES = (P.NATIONAL_RE, P.MOTTO_RE, P.PARTY_HEADER_RE, re.compile(P.YOUTH_HEADER))
_NUMBER_RE = re.compile(rf"(?<![^\W\d_])Số\s*:?\s*\d{{1,5}}\s*(?:{P.DASH}|/)?\s*[A-ZĐ]")
_DATE_RE = re.compile(
    rf",\s*{P.loose('ngày')}[\s.…_]*(?:{P.DAYS})?[\s.…_]*{P.loose('tháng')}[\s.…_]*(?:{P.MONTHS})?[\s.…_]*"
    rf"{P.loose('năm')}\s*{P.YEAR}",
    re.I,
)
_WS = r"[\s\u0300-\u036f]"  # a space, or a tone mark a PDF's font left floating ("hai ̀ ̣ ̣")
_TITLES = "|".join(t.replace(" ", r"\s+") for t in (*P.DOC_TYPE_TITLES, "QUYẾT NGHỊ"))
_BASIS_OPENER = r"(?:Căn\s+cứ|Thực\s+hiện)\s"  # a basis, in its own case
# Where a line of the letter begins, inside a run-on text (zero-width: a break is inserted there).
_BREAK_RE = re.compile(
    rf"(?<!\*)(?=\*+)|(?<=\*)(?=[^*])"  # the stars under a Party issuer
    rf"|(?=(?<![{_UP}/])V\s*/\s*[vV]\s*[:.]?\s+\S|Về\s+việc\s*[:.]?\s+\S)"  # the subject
    rf"|(?<!-)(?=-{{4,}})|(?<=-{{4}})(?=[^-])"  # a rule
    rf"|(?=(?:Kính|Kinh)\s+gửi\s*:)|(?<=gửi:){_WS}*(?=[-–]\s)"  # Kính gửi, then its list
    rf"|(?<=[;:]){_WS}+(?=[-–+]\s+[{_UP}])"  # the next recipient, basis or bullet: "; - Bộ Giáo dục"
    rf"|(?<=[.:;]){_WS}+(?=[-–]\s*(?:Căn\s+cứ|Thực\s+hiện|Xét|Để)\s)"
    rf"|(?<=[^\s-])(?=[-–]\s*Căn\s+cứ\s)"  # "… HỒ CHÍ MINH- Căn cứ" glued
    rf"|(?<=[{_UP}\d]{{2}}){_WS}+(?={_BASIS_OPENER})"  # "… NĂM 2014 Căn cứ": the title, then the basis
    rf"|(?<=;){_WS}+(?=(?:{_BASIS_OPENER}|Theo\s+(?:văn\s+bản|công\s+văn|chỉ\s+đạo|hướng\s+dẫn)\b))"  # the next basis
    rf"|(?<=[.:;,]){_WS}+(?=(?:[IVX]{{1,5}}\.|\d{{1,2}}\.|[a-zđ]\)|Điều\s+\d{{1,3}}\.)\s+[{_UP}])"  # an item
    rf"|(?<=[.;,]){_WS}+(?=(?:{_TITLES}){_WS}*:?{_WS}+(?:Điều\s+1\.|[IVX]+\.|1\.))"  # "…, QUYẾT ĐỊNH Điều 1."
    rf"|(?<=[{_UP}]{{2}}):?{_WS}+(?=Điều\s+1\.\s)"
    rf"|(?<=[.;]){_WS}*(?=(?:Nơi|Noi)\s+nhận\s*:)"
    rf"|(?<=[.;]){_WS}+(?=(?:TM|KT|TL|Q)\.\s+[{_UP}]{{2,}})"  # the signature's authority
)


# A document-sharing site numbers its pages' texts: "  1. UBND TỈNH NINH THUẬN CỘNG HÒA …". Not the letter's.
LIST_NUMBER_RE = re.compile(r"\s*\d{1,3}\.\s*")
_LIST_NUMBER_START_RE = re.compile(rf"^{LIST_NUMBER_RE.pattern}(?=[{_UP}]{{2,}}\s+[{_UP}]{{2,}})")


def _landmark_spans(head: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for r in _LANDMARK_RES for m in r.finditer(head)]
    return sorted(spans)


# A header with neither number nor date, its title in capitals run on into the basis: "… Hạnh phúc KẾ HOẠCH PHÒNG
# CHỐNG THIÊN TAI NĂM 2014 Căn cứ Luật …".
_TITLED_BASIS_RE = re.compile(rf"(?-i:{_TITLES})(?:\s+[{_UP}\d][{_UP}\d,\-–]*)*{_WS}+(?={_BASIS_OPENER})")


def is_run_on(text: str) -> bool:
    """A whole letter, or its header and body, printed as one line."""
    if len(text) < _MIN:
        return False
    head = text[:_HEAD]
    return bool(_landmark_spans(head)) and bool(_NUMBER_RE.search(head) or _DATE_RE.search(head)
                                                or _TITLED_BASIS_RE.search(head))


def _place_start(text: str, comma: int) -> int:
    """Where the place before ", ngày …" begins: the capitalised words right before it ("Phan Rang-Tháp Chàm",
    "Hà Nội"), at most five, stopping at a word in capitals (the symbol or the issuer before it)."""
    window = max(0, comma - 60)
    words = list(re.finditer(r"\S+", text[window:comma]))
    start = comma
    for m in reversed(words[-5:]):
        word = m.group(0)
        if not word[:1].isupper() or (len(word) > 1 and word.replace("-", "").isupper()):
            break
        start = window + m.start()
    return start


_RECIPIENT_END_RE = re.compile(rf"\.{_WS}+(?=[{_UP}])")


def _end_of_recipients(text: str) -> list[int]:
    """Where the text goes on after "Kính gửi: - A; - B.": at the first full stop after the last recipient."""
    m = re.search(r"(?:Kính|Kinh)\s+gửi\s*:", text[:_HEAD + 300])
    if m is None:
        return []
    last = None
    for dash in re.finditer(rf"(?:^|[;:]){_WS}*[-–+]\s", text[m.end(): m.end() + 600]):
        last = m.end() + dash.end()
    end = _RECIPIENT_END_RE.search(text, last if last is not None else m.end())
    return [end.end()] if end else []


# A legal portal's page title run on into the issuer line under it: "Công văn 296/BHXH-CSYT năm 2021 hướng dẫn … do
# Bảo hiểm xã hội Việt Nam ban hành. BẢO HIỂM XÃ HỘI VIỆT NAM --------" (thuvienphapluat copies, bench/heldout_pairs
# 15, 16): the title's sentence ends, then capitals of two words or more and the issuer's rule end the line.
_TITLE_THEN_ISSUER_RE = re.compile(rf"(?<=[.!?])\s+(?=[{_UP}][{_UP}\d,]*(?:\s+[{_UP}\d][{_UP}\d,]*)+\s*-{{3,}}\s*$)")


def rebreak(text: str) -> list[str]:
    """The lines of a run-on text; any other text is one line, as it was."""
    if not is_run_on(text):
        title = _TITLE_THEN_ISSUER_RE.search(text)
        return [text[: title.start()], text[title.start() :]] if title else [text]
    cuts: set[int] = set()
    landmarks = _landmark_spans(text)  # the letter's header, and an attachment's further on
    for start, end in landmarks:
        cuts.update((start, end))
    for m in _NUMBER_RE.finditer(text):
        if m.start() < _HEAD or any(0 <= m.start() - end < 120 for _, end in landmarks):
            cuts.add(m.start())
    for m in _DATE_RE.finditer(text):  # a place and date in a header, never a citation's date in the text
        if m.start() < _HEAD or any(0 <= m.start() - end < 120 for _, end in landmarks):
            cuts.update((_place_start(text, m.start()), m.end()))
    cuts.update(m.end() for m in _BREAK_RE.finditer(text))
    number = _LIST_NUMBER_START_RE.match(text)
    if number:
        cuts.add(number.end())
    cuts.update(_end_of_recipients(text))
    out: list[str] = []
    last = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        if text[last:cut].strip():  # blank space between two cuts goes on with the next line
            out.append(text[last:cut])
            last = cut
    if text[last:].strip() or not out:
        out.append(text[last:])
    else:
        out[-1] += text[last:]
    return out
