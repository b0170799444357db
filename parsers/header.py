"""The header facts: issuer and its parent body, motto, number/symbol, place and date, title, subject.

Headers come in every shape real copies give them: two columns merged line by line ("ỦY BAN NHÂN DÂN CỘNG
HÒA XÃ HỘI …", "Số: 454/UBND-NCTH Vị Thanh, ngày …"), flattened tables ("| BỘ XÂY DỰNG | CỘNG HÒA … |"),
Markdown ("# CHÍNH PHỦ", "**KẾ HOẠCH**"), letter-spaced OCR ("U B ND", "T hành phố"), an issuer line that lost
its first letter ("Y BAN NHÂN DÂN"), a blank number or day. Each line is cut into pieces at its columns and
at the markers it holds, and each piece is read on its own.
"""

import datetime as dt
import re
from collections.abc import Sequence

from models import Header, ParseWarning, WarningCode
from parsers import patterns as P
from parsers.lines import Line, is_upper
from parsers.normalise import MD_HEADING_MARKS_RE, clean_text
from parsers.symbols import parse_symbol

# Columns of a two-column header flattened to text: tabs, runs of spaces, table pipes.
COLUMN_SPLIT_RE = re.compile(r"\t+|\s{3,}|\s*\|\s*")
# The gap a draft leaves for the number or the day, which must not read as a column gap.
_DRAFT_BLANK_RE = re.compile(
    r"(?P<a>\bSố\s*:?|\bngày|\btháng)[ \t\u00a0]{2,}(?=[-–/]|\d|(?-i:[A-ZĐ])[\wĐđ]*\s*/|tháng|năm)", re.I
)
_TRAILING_RULE_RE = re.compile(r"\s[-_=–—.…*]{3,}\s*$")
# Markers that may share a line with other header text (merged columns).
_INLINE_MARKER_RE = re.compile(
    rf"{P.NATIONAL_RE.pattern}|{P.MOTTO_RE.pattern}|{P.PARTY_HEADER_RE.pattern}|"
    rf"(?:^|(?<=\S\s)){P.YOUTH_HEADER}(?=\s|$)|"
    r"(?<=\S)\s+(?=Số\s*:?\s*\d|Số\s*:\s)"
)

# A document-type title that opens a line and goes on with its subject.
_TITLE_LINE_RE = re.compile(rf"^\s*(?P<title>{'|'.join(P.DOC_TYPE_TITLES)})\s+(?P<rest>\S.*)$")


def despace(text: str) -> str:
    """Undo letter-spaced OCR in a header piece: "U B ND" → "UBND", "T hành phố" → "Thành phố"."""
    up, low = P.VN_UPPER, P.VN_LOWER
    text = re.sub(rf"(?<![^\s(])((?:[{up}] ){{2,}}[{up}]{{1,3}})(?![^\s,)])",
                  lambda m: m.group(1).replace(" ", ""), text)
    # a lone capital consonant cut from its syllable (a vowel may be a word: "Y tế", "Ý kiến")
    return re.sub(rf"(?<![^\s(])([BCDĐGHKLMNPQRSTVX]) (?=[{low}]{{2,}})", r"\1", text)


# A portal's attribute table labels the symbol "Số hiệu:" / "Số ký hiệu:" ("Số hiệu:36/TANDTC-KHTCNgày đăng công
# báo:…", its cells glued): the page's metadata, never the header's "Số:" line, wherever it stands.
_SYMBOL_LABEL_RE = re.compile(r"^\s*Số\s*(?:\s*/\s*)?(?:ký\s*)?hiệu\b", re.I)


def so_line(text: str) -> re.Match[str] | None:
    """The header's "Số: 36/TANDTC-KHTC" line (not a metadata table's "Số hiệu:" cell)."""
    return None if _SYMBOL_LABEL_RE.match(text) else P.SO_LINE_RE.match(text)


def _pieces(text: str) -> list[str]:
    """Cut one column's text at the markers it holds: "TỈNH HẬU GIANG Độc Lập - Tự Do - Hạnh Phúc" →
    ["TỈNH HẬU GIANG", "Độc Lập - Tự Do - Hạnh Phúc"]."""
    text = text.strip()
    if not text:
        return []
    rule = _TRAILING_RULE_RE.search(text)
    if rule and rule.start() > 0:  # "BỘ XÂY DỰNG -------": the rule under the issuer, flattened beside it
        return [*_pieces(text[: rule.start()]), rule.group(0).strip()]
    so = so_line(text)
    if so:
        return [so.group(0).strip(), *_pieces(text[so.end():])]
    tl = _TITLE_LINE_RE.match(text)
    if tl and is_upper(text) and len(tl.group("rest").split()) >= 3 \
            and not (P.NATIONAL_RE.search(tl.group("rest")) or P.MOTTO_RE.search(tl.group("rest"))):
        # "KẾ HOẠCH TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – 3/2/2020) …": a title
        # with its subject in capitals on one line; the Party's name in it is the subject's, not the Party title.
        return [tl.group("title"), tl.group("rest").strip()]
    m = _INLINE_MARKER_RE.search(text)
    if m and (m.start() > 0 or m.end() < len(text)):
        return [*_pieces(text[: m.start()]), *([m.group(0).strip()] if m.group(0).strip() else []),
                *_pieces(text[m.end():])]
    pd = P.PLACE_DATE_RE.search(text)
    if pd:
        # The place is matched from the leftmost letter, so an issuer line merged before it ("TỈNH HẬU GIANG
        # Vị Thanh, ngày …") lands in it: cut where the capitals give way to the place's own capitalised words.
        cut = pd.start()
        words = list(re.finditer(r"\S+", text[: pd.end("place")]))
        for k in range(len(words) - 1, 1, -1):
            head = text[: words[k].start()]
            if is_upper(head) and len(re.findall(r"[^\W\d_]", head)) >= 8 and not is_upper(words[k].group()):
                cut = words[k].start()
                break
        if cut > 0 and text[:cut].strip() and is_upper(text[:cut]):
            return [*_pieces(text[:cut]), text[cut:].strip()]
    tv = P.TITLE_WITH_SUBJECT_RE.match(text)
    if tv:
        return [tv.group("title"), tv.group("rest")]
    return [text]


def split_header_segments(lines: Sequence[Line]) -> list[str]:
    segs = []
    for line in lines:
        raw = MD_HEADING_MARKS_RE.sub("", _DRAFT_BLANK_RE.sub(r"\g<a> ", line.raw)).replace("\\", " ")
        for column in COLUMN_SPLIT_RE.split(raw):
            for piece in _pieces(clean_text(column)):
                text = despace(clean_text(piece))
                if text:
                    segs.append(text)
    return _rejoin_titles(segs)


_TITLE_MARKS = (P.NATIONAL_RE, P.MOTTO_RE, P.PARTY_HEADER_RE)


def _rejoin_titles(segs: list[str]) -> list[str]:
    """A table cell's wrap cuts the national title, the motto or the Party title over lines ("CỘNG HOÀ XÃ HỘI" /
    "CHỦ NGHĨA VIỆT NAM", "Độc lập -" / "Tự do - Hạnh phúc"): pieces that make one only together are one, so
    no piece is read as the issuer."""
    out: list[str] = []
    i = 0
    while i < len(segs):
        for n in (2, 3):
            joined = " ".join(segs[i: i + n])
            if i + n <= len(segs) and not any(r.search(segs[i]) for r in _TITLE_MARKS) \
                    and any(r.fullmatch(joined.strip(" -–")) or r.fullmatch(joined) for r in _TITLE_MARKS):
                out.append(joined)
                i += n
                break
        else:
            out.append(segs[i])
            i += 1
    return out


def place_date(seg: str) -> re.Match[str] | None:
    """ "Bình Phước, ngày 22 tháng 5 năm 2024" standing alone in its piece (not a date inside a sentence)."""
    m = P.PLACE_DATE_RE.match(seg)
    return m if m and not seg[m.end():].strip(" .)*") else P.PLACE_NUMERIC_DATE_RE.match(seg)


def is_marker(seg: str) -> bool:
    """A piece only a header holds: national title, motto, Party or Youth Union title, "Số" line, place and
    date, the star or rule under the issuer."""
    return bool(P.NATIONAL_RE.search(seg) or P.MOTTO_RE.search(seg) or P.PARTY_HEADER_RE.search(seg)
                or P.YOUTH_HEADER_RE.match(seg) or P.STAR_RE.match(seg) or P.RULE_RE.match(seg)
                or so_line(seg) or place_date(seg) or P.HEADER_DATE_RE.match(seg))


def line_has_marker(line: Line) -> bool:
    return any(is_marker(seg) for seg in split_header_segments([line]))


def is_title(seg: str) -> bool:
    return bool(P.TITLE_RE.match(seg) or P.TITLE_WITH_SUBJECT_RE.match(seg) or
                (P.OTHER_TITLE_RE.match(seg) and is_upper(seg)))


# Unit words, and as OCR that lost every mark writes them.
_UNITS = (r"TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|"
          r"TINH|THANH PHO|HUYEN|QUAN|THI XA|XA|PHUONG|THI TRAN")
_ADMIN_START_RE = re.compile(rf"^(?:{_UNITS}|VÀ)\b")
_ADMIN_ANY_RE = re.compile(rf"\b(?:{_UNITS})\b")


# A list bullet opens an item of a list, never an issuer's line (a star stands between the Party's lines).
_LIST_BULLET_RE = re.compile(r"^\s*[-–—+•●○◦▪■□➢►❖·]\s*(?P<text>\S.*)$")


def _heads_block(segs: list[str], k: int) -> bool:
    """The bulleted piece k stands over the rule or star drawn under an issuer, or over the "Số" line: a portal
    put its tab's bullet before the letter's issuer ("• TÒA ÁN NHÂN DÂN TỐI CAO" / "-------" / "Số: 36/…"); a
    list's items stand over one another."""
    after = segs[k + 1] if k + 1 < len(segs) else ""
    return bool(P.RULE_RE.match(after) or P.STAR_RE.match(after) or so_line(after))


# An institution's name, which may run on to a line of its own ("TRƯỜNG CAO ĐẲNG CÔNG NGHỆ" / "THỦ ĐỨC"), and the
# words a body's line opens with (a line opening with none names no body of its own).
_INSTITUTION_RE = re.compile(r"^(?:TRƯỜNG|HỌC\s+VIỆN|VIỆN|BỆNH\s+VIỆN|TRUNG\s+TÂM)\s")
_BODY_OPENING_RE = re.compile(r"^(?:[ỦU]Y\s+BAN|UBND|HĐND|HỘI|SỞ|BAN|PHÒNG|BỘ|CỤC|CHI|TỔNG|ĐẢNG|ĐOÀN|CÔNG\s+AN|"
                              r"TRƯỜNG|KHOA|VIỆN|HỌC\s+VIỆN|BỆNH\s+VIỆN|TRUNG\s+TÂM|VĂN\s+PHÒNG|LIÊN|MẶT\s+TRẬN|"
                              r"(?:TỈNH|HUYỆN|THÀNH|THỊ|QUẬN)\s+(?:ỦY|ĐOÀN))\b")
# The words of a name's last line run on from the line above: a place, two syllables mostly (bench/heldout k02's
# "THỦ ĐỨC"), four at most, so a body's own line of more words is never joined.
_RUN_ON_WORDS = 4


def _runs_on(previous: str, line: str) -> bool:
    """The line ends the institution's name the line above began."""
    return bool(_INSTITUTION_RE.match(previous)) and len(line.split()) <= _RUN_ON_WORDS \
        and not _BODY_OPENING_RE.match(line) and not _ADMIN_START_RE.match(line)


def _issuer_lines(candidates: list[str]) -> list[str]:
    """Join organisation names broken over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH PHƯỚC", "TRƯỜNG CAO ĐẲNG CÔNG
    NGHỆ" / "THỦ ĐỨC")."""
    out: list[str] = []
    for c in candidates:
        if out and ((_ADMIN_START_RE.match(c) and not _ADMIN_ANY_RE.search(re.sub(r"[ỦU]Y BAN", "", out[-1])))
                    or out[-1].endswith((",", " VÀ")) or c.startswith("VÀ ") or _runs_on(out[-1], c)):
            out[-1] = f"{out[-1]} {c}"
        else:
            out.append(c)
    return out


def _read_symbol(header: Header, so: re.Match[str], warnings: list[ParseWarning]) -> None:
    written = f"{so.group('no') or ''}{so.group('sep') or ''}{so.group('tail')}"
    sym = parse_symbol(written)
    if sym is None:
        header.symbol = re.sub(r"\s+", "", written).rstrip(".,;")
        header.number = so.group("no")
        return
    header.symbol, header.number = sym.text, sym.number
    header.doc_type, header.issuer_code = sym.doc_type, sym.issuer_code
    if sym.number is None:
        warnings.append(ParseWarning(code=WarningCode.BLANK_NUMBER, message=f"number left blank: {so.group(0)!r}"))


def _read_date(header: Header, m: re.Match[str], seg: str, warnings: list[ParseWarning]) -> None:
    if m.group("d") and m.group("m"):
        try:
            header.date = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        except ValueError:
            warnings.append(ParseWarning(code=WarningCode.BAD_DATE, message=f"impossible date in {seg!r}"))
    else:
        warnings.append(ParseWarning(code=WarningCode.INCOMPLETE_DATE, message=f"date left blank: {seg!r}"))


# Titles of the acts that name their authority on the line under the subject (Nghị định 30/2020, Phụ lục III).
_DECIDING_TITLES = frozenset({"QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "CHỈ THỊ", "THÔNG TƯ", "LỆNH"})
# A subject line ending so goes on on the next line ("… QUY CHẾ LÀM VIỆC CỦA" / "ỦY BAN NHÂN DÂN TỈNH").
_SUBJECT_GOES_ON_RE = re.compile(r"\b(?:CỦA|CHO|VỚI|VÀ|TẠI|THUỘC|GIỮA|TRÊN|ĐỐI\s+VỚI|VỀ|CÁC|THEO)\s*$")


# A symbol's tail standing alone, its number blank or not: "/TTr-VPCP", "125/KH-UBND", "- CV/BTGTU".
_SYMBOL_ALONE_RE = re.compile(
    rf"^\s*(?:\d{{1,5}}\s*)?[-/–]\s*[{P.SYM_UP}][{P.SYM_UP}a-zđ0-9]*(?:\s*[-/–]\s*[{P.SYM_UP}][{P.SYM_UP}a-zđ0-9]*)*\s*$")
# No issuer's name opens with a figure (none among the held-out and dev gold issuers and parent bodies).
_COUNT_OPENING_RE = re.compile(r"^\W*\d")
_DRAFT_MARK_RE = re.compile(r"^\s*\(?\s*(?:DỰ\s+THẢO|Dự\s+thảo)(?:\s+(?:LẦN|lần)\s+\d+)?\s*\)?\s*$")


def _is_authority(header: Header, subject: list[str], seg: str, last: bool) -> bool:
    """The last header piece under a decision's subject, naming the body that decides, in capitals."""
    return (last and bool(subject) and header.title in _DECIDING_TITLES and is_upper(seg)
            and bool(P.AUTHORITY_LINE_RE.match(seg)) and not _SUBJECT_GOES_ON_RE.search(subject[-1]))


def read_header(lines: Sequence[Line], warnings: list[ParseWarning]) -> Header:
    header = Header(raw="\n".join(ln.raw for ln in lines).strip("\n"))
    segs = split_header_segments(lines)
    issuer_candidates: list[str] = []
    subject: list[str] = []
    in_subject = False
    seen_marker = False
    dated = False
    pending_so = False
    for k, seg in enumerate(segs):
        # A subject that names the Party ("… NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 …)") is no Party title.
        party_in_subject = in_subject and bool(P.PARTY_HEADER_RE.search(seg)) \
            and not P.PARTY_HEADER_RE.fullmatch(seg.strip(" *"))
        if (P.NATIONAL_RE.search(seg) or P.MOTTO_RE.search(seg) or P.PARTY_HEADER_RE.search(seg)
                or P.YOUTH_HEADER_RE.match(seg)) and not (party_in_subject and not P.NATIONAL_RE.search(seg)
                                                          and not P.MOTTO_RE.search(seg)):
            header.motto.append(seg)
            in_subject = False
            continue
        if P.STAR_RE.match(seg) or P.RULE_RE.match(seg):
            seen_marker = True
            in_subject = False
            continue
        if P.SO_ALONE_RE.match(seg):  # "Số:" whose symbol a PDF's text layer put lines below ("/TTr-VPCP")
            seen_marker, in_subject, pending_so = True, False, True
            continue
        so = so_line(seg) or (P.SO_LINE_RE.match(f"Số: {seg}") if pending_so and _SYMBOL_ALONE_RE.match(seg)
                                         else None)
        if so:
            pending_so = False
            if header.symbol is None:
                _read_symbol(header, so, warnings)
            seen_marker, in_subject = True, False
            continue
        pd = place_date(seg)
        hd = None if pd else P.HEADER_DATE_RE.match(seg)
        if (pd or hd) and not dated:
            dated = True
            if pd:
                header.place = pd.group("place").strip()
            _read_date(header, pd or hd, seg, warnings)  # type: ignore[arg-type]
            in_subject = False
            continue
        vv = P.VV_RE.match(seg)
        if vv:
            subject, in_subject, seen_marker = [vv.group("subject").strip()], True, True
            continue
        title = P.TITLE_RE.match(seg)
        if title and header.title is None:
            header.title, in_subject, seen_marker = title.group("title"), True, True
            subject = []
            continue
        if header.title is None and not subject and P.OTHER_TITLE_RE.match(seg) and is_upper(seg):
            subject, in_subject, seen_marker = [seg], True, True  # "ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 …"
            continue
        if in_subject and _is_authority(header, subject, seg, k == len(segs) - 1):
            header.authority, in_subject = seg, False
            continue
        if in_subject:
            subject.append(seg)
            continue
        if _DRAFT_MARK_RE.match(seg):
            continue  # "DỰ THẢO", "DỰ THẢO LẦN 2": the draft's mark, never its issuer
        bullet = _LIST_BULLET_RE.match(seg)
        if bullet:
            if not _heads_block(segs, k):
                continue  # "• THÔNG ĐIỆP PHÒNG CHỐNG BỆNH SỞI": a list's item (a page's video list), never an issuer
            seg = bullet.group("text")  # "• TÒA ÁN NHÂN DÂN TỐI CAO" over its rule: a tab's bullet, then the issuer
        if _COUNT_OPENING_RE.match(seg):
            continue  # "12 NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH GIÁO DỤC …" over a rule: a headline's count, never an issuer
        if (is_upper(seg) and not seen_marker) or (is_upper(seg) and not issuer_candidates):
            issuer_candidates.append(seg)
    if subject:
        header.subject = " ".join(subject)
    orgs = _issuer_lines(issuer_candidates)
    if orgs:
        header.issuer = orgs[-1]
        header.parent_issuer = orgs[-2] if len(orgs) > 1 else None
    if header.doc_type is None and header.title:
        header.doc_type = P.TITLE_CODES.get(header.title)
    return header
