"""A letter's own number, date and issuer when no header block states them: read from what a portal copy
or a summary says about the letter itself.

- a source line: "(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)";
- the page title: "… (3585/VP-KTN, ngày 23/10/2017)", "Kế hoạch số 125/KH-UBND về …", a symbol alone;
- the portal's posting sentence: "Phòng Văn hóa và Thông tin đăng tải Hướng dẫn số 35-HD/BTG ngày 25/12/2018 của
  Ban Tuyên giáo Quận ủy. Xem nội dung Hướng dẫn tại đây.";
- a reporting sentence: "Ngày 02/11/2021, Sở Văn hóa, Thể thao và Du lịch đã ban hành Kế hoạch số 67/KH-SVHTTDL
  tổ chức …" — the first sentence of the text, or one that opens with the date.

A reporting sentence names the letter only if the rest of the text does not go on to carry that document
out ("Thực hiện Nghị quyết số 57-NQ/TW …", or its issuer's instruction: "Thực hiện chỉ đạo của Ban Tuyên giáo
Thành ủy, …"): then it is the source, not the letter.
"""

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace

from models import IdentitySource
from parsers.citations import CitationMatch, find_numbered
from parsers.kinds import TYPE_CODES, code_of_kind, kind_names
from parsers.lexicon import ORGANISATION_RE, SURNAMES
from parsers.normalise import normalise_tones
from parsers.patterns import DAYS, IMPLEMENTS_VERB_RE, MONTHS, VN_UPPER, YEAR, loose
from parsers.symbols import SYMBOL_RE, parse_symbol


@dataclass(frozen=True)
class Identity:
    source: IdentitySource
    evidence: str  # the text it was read from
    symbol: str | None = None
    number: str | None = None
    doc_type: str | None = None
    issuer_code: str | None = None
    kind: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    subject: str | None = None


_KIND = "|".join(k.replace(" ", r"\s+") for k in kind_names())
# "Ngày 02/11/2021", "Ngày 29 tháng 12/2020", "Ngày 23 tháng 8 năm 2017", "Ngày 06/4" (no year).
# A newspaper's time of day may stand first: "Chiều nay 8/10/2020", "Sáng ngày 14/3/2024", "Tối 2/9".
# "Vào ngày 01/8/2014 …" opens on the date too; a newspaper may write the day and month with a dot ("Ngày 31.10").
_LEAD_DATE = (rf"(?:Vào\s+ngày|Ngày|Hôm\s+nay|Vừa\s+qua|Mới\s+đây|"
              rf"(?:Sáng|Trưa|Chiều|Tối|Đêm)(?:\s+(?:nay|qua|hôm\s+nay))?)?"
              rf"\s*(?P<bracket>\(\s*)?(?:ngày\s+)?(?P<d>{DAYS})\s*(?:/|\.(?=\d{{1,2}}\b)|\s+tháng\s+)(?P<m>{MONTHS})"
              rf"(?:\s*(?:/|\s+năm\s+)(?P<y>{YEAR}))?(?(bracket)\s*\))")  # "Sáng nay (27/5), …"
# "Ngày …, ORG (đã|vừa) (ký) ban hành KIND số …", "Vừa qua, ORG có Công văn số …", "ORG phát hành …".
# The signer may act for the body: "thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng … đã ký ban
# hành văn bản số …", "thay mặt Ban Thường vụ Tỉnh ủy, Phó Bí thư … đã ký công văn …": the body is the issuer.
_PRINCIPAL = r"(?:(?i:thừa\s+lệnh|thay\s+mặt|ủy\s+quyền|uỷ\s+quyền)\s+(?P<principal>[^,.;:()]{3,100}?)\s*,\s*)"
# A report may go on from what came before ("Theo đó, ngày 16 tháng 8 năm 2019 Đảng ủy xã cũng đã ban hành …") or
# open on the act's purpose ("- Nhằm phát huy …, UBND tỉnh xây dựng Kế hoạch …"); the verb may be capitalised by
# mistake ("Ban Bí thư đã Ban hành Chỉ thị số 55-CT/TW").
_THEN = r"(?P<then>(?:Theo\s+đó|Sau\s+đó|Trên\s+cơ\s+sở\s+đó|Đồng\s+thời)\s*,\s*)"
# An occasion the act is for may open the sentence as a purpose does, however long its clause ("Hướng tới kỷ niệm 135
# năm thành lập, 30 năm ngày tái lập tỉnh … nhằm tuyên truyền …, Ban Tuyên giáo Tỉnh ủy … đã ban hành Hướng dẫn
# số …": bench/heldout n05's runs 262 characters).
_PURPOSE = (r"(?P<purpose>(?:[-–•+]\s*)?(?:Để|Nhằm|Hướng\s+tới|Hướng\s+đến|Hưởng\s+ứng|Chào\s+mừng|Nhân\s+dịp)\s"
            r"[^.;:()]{3,320}?,\s+)")
# After the date, the occasion ("Ngày 31.10, trước những thiệt hại nặng nề do …, "), and the signer by name before
# the titles that say whom the signer acts for ("bà Hà Thị Nga, Phó chủ tịch …, Trưởng ban …, đã ký ban hành …").
_OCCASION = r"(?P<occasion>(?-i:trước|trong|sau|nhân|với|do|để|nhằm)\s[^.;:()]{3,250}?,\s+)"
_SIGNER = rf"(?P<signer>(?i:ông|bà|đồng\s+chí)\s+[{VN_UPPER}][^,.;:()]{{2,40}}?,\s+)"
# Kinds whose name is also the verb of the act that issues them (the verb in lower case: "Chỉ thị" is the kind).
_ACT_KINDS = r"hướng\s+dẫn|thông\s+báo|kết\s+luận|quyết\s+định|chỉ\s+thị|báo\s+cáo"
_LEAD_RE = re.compile(
    rf"{_THEN}?(?:(?P<dated>{_LEAD_DATE})\s*,?\s+{_OCCASION}?|"
    rf"(?P<opener>(?:Vừa\s+qua|Mới\s+đây|Gần\s+đây|Hôm\s+nay)\s*,?\s+)|{_PURPOSE})?"
    rf"{_PRINCIPAL}?{_SIGNER}?"
    # the body's name may hold a city's abbreviation ("UBND TP. Hải Phòng"); two acts may be joined before the
    # issuing ("… vừa phát động và ban hành Kế hoạch 129/KH-UBND …")
    # and its own abbreviation in brackets ("Sở Giao thông Vận tải (GTVT) tỉnh Phú Yên đã có văn bản số …")
    rf"(?P<who>[{VN_UPPER}](?:[^.;:()/]|(?<=TP)\.|(?<=\s)\((?-i:[{VN_UPPER}&]{{2,12}})\)(?=\s)){{1,240}}?)\s+(?:cũng\s+)?"
    rf"(?P<when>đã\s+|vừa\s+|chính\s+thức\s+|mới\s+)?"
    rf"(?:(?i:(?:(?:phát\s+động|thông\s+qua|xây\s+dựng)\s+và\s+)?(?:ký\s+)?ban\s+hành|phát\s+hành|"
    rf"xây\s+dựng(?:\s+và\s+ban\s+hành)?)|có|ký|"
    # the body's act is its document's kind, named as the sentence goes on: "Ban Thường vụ Trung ương Đoàn hướng dẫn
    # toàn Đoàn thực hiện … theo hướng dẫn số 22HD/TWĐTN ngày 28/6/2013" (the kind must be the act's: checked below)
    rf"(?P<act>(?-i:{_ACT_KINDS}))\s[^.;:()]{{3,250}}?\s(?i:theo|tại|bằng))\s+"
    rf"(?P<kind>(?i:{_KIND}))\s*(?:số\s*:?\s*)?(?P<no>\d{{1,5}})?",
)
# A newspaper's dateline before its lead: "(Ngày Nay) - ", "(GLO)- ", "(QNO) - ", "TPO - ", "VOV.VN - ".
# A page copy may stamp its month before the lead: " date 2021-09 Đêm 22/9, UBND tỉnh ban hành …"; a portal
# names itself in brackets, a web address with no dash after it: "(hocmon.gov.vn) Theo Công văn số …".
# A paper may sign its lead with its name in one camel-cased Latin word ("Kinhtedothi - Thực hiện …").
_NEWS_TAG_RE = re.compile(
    r"^\s*(?:(?:\([^()]{1,24}\)|[A-ZĐ][A-ZĐ.]{1,11}|[A-Z][a-z]{3,20}(?:[A-Z][a-z]{2,20})?)\s*[-–—]\s*|date\s+\d{4}-\d{2}(?:-\d{2})?\s+|"
    r"\((?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|gov|edu)\)\s*(?:[-–—]\s*)?)")
# A title before the body's name, when the principal is an office holder: "Chủ tịch UBND tỉnh …" is the UBND.
_OFFICE_RE = re.compile(r"^(?:Phó\s+)?(?:Chủ\s+tịch|Trưởng\s+ban|Giám\s+đốc|Trưởng\s+phòng|Bí\s+thư|"
                        r"Chánh\s+Văn\s+phòng|Bộ\s+trưởng|Thứ\s+trưởng)(?:\s+Thường\s+trực)?\s+"
                        r"(?=UBND|Ủy\s+ban|Uỷ\s+ban|HĐND|Hội\s+đồng|Ban|Sở|Bộ|Phòng|Văn\s+phòng|Tỉnh|Huyện|Thành|Quận|Đảng)",
                        re.I)
# The office holder's name after the body: "Giám đốc Sở Giáo dục và Đào tạo Lê Thị Hương đã ký …". A person's
# name is a family name (parsers.lexicon.SURNAMES, a short closed list) and one to three capitalised syllables.
# After these a run of capitalised syllables is a place's name, then the person's: "tỉnh Hà Giang Lê Thanh".
_PLACE_BEFORE = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "khu", "ủy", "uỷ", "TP", "TP."})


def _is_syllable(word: str) -> bool:
    return word[:1].isupper() and not word[1:2].isupper() and word.isalpha()


def body_of_office_holder(who: str) -> str:
    """The body an office holder speaks for: "Giám đốc Sở Giáo dục và Đào tạo Lê Thị Hương" -> "Sở Giáo dục và
    Đào tạo"; a text that names no office is returned as it is."""
    rest = _OFFICE_RE.sub("", who, count=1)
    if rest == who:
        return who
    words = rest.split()
    run = 0  # the capitalised syllables that end the text
    while run < len(words) - 1 and _is_syllable(words[-run - 1]):
        run += 1
    if words[-run - 1] in _PLACE_BEFORE:  # a place first, mostly of two syllables, then a name of two to four
        splits = [run - p for p in (2, 3, 1) if 2 <= run - p <= 4]
    else:
        splits = [run] if 2 <= run <= 4 else []
    if 2 <= run <= 4 and run not in splits:  # "Phó Chủ tịch UBND tỉnh Lê Trường Sơn": the place left unnamed
        splits.append(run)
    for n in splits:
        if words[-n] in SURNAMES:
            return " ".join(words[:-n])
    return rest


def body_of_apposition(who: str) -> str:
    """An office holder named with two offices speaks in the last: "Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà, Phó
    Trưởng ban Thường trực Ban Chỉ đạo … của Chính phủ" -> the Ban Chỉ đạo; "Bí thư Ban Cán sự đảng - Chủ tịch Ủy
    ban nhân dân tỉnh" -> the Ủy ban."""
    # The offices may be joined by a dash as well: "Bí thư Ban Cán sự đảng - Chủ tịch Ủy ban nhân dân tỉnh".
    parts = [p.strip(" ,") for p in re.split(r",\s+|\s+[-–]\s+", who)]
    for part in reversed(parts[1:]):
        if _OFFICE_RE.match(part):
            return body_of_office_holder(part)
        head = _BOARD_HEAD_RE.match(part)
        if head:  # "Trưởng ban Vận động cứu trợ Trung ương": the head of the board speaks for the board
            return f"Ban {part[head.end():]}"
    return body_of_office_holder(who)


# The head of a board named with it in one word: "Trưởng ban Vận động cứu trợ Trung ương", "Phó Trưởng ban Tổ chức".
_BOARD_HEAD_RE = re.compile(rf"^(?:Phó\s+)?Trưởng\s+ban\s+(?=[{VN_UPPER}])")
# The portal posts the letter: "(ORG) đăng tải / đăng / giới thiệu (toàn văn) KIND số …".
# (A meeting's audience that hears a document presented, "các đại biểu được nghe giới thiệu nội dung Nghị quyết số …",
# studies it: no posting.)
_POSTING_RE = re.compile(
    rf"(?:đăng\s+tải|đăng|(?<!nghe\s)(?:trân\s+trọng\s+|xin\s+)?giới\s+thiệu)\s+(?:toàn\s+văn\s+|nội\s+dung\s+)?"
    rf"(?P<kind>(?i:{_KIND}))\s+số\b", re.I)
_SOURCE_RE = re.compile(r"^\s*(?:\(?\s*Nguồn\s*:|\(\s*Theo\s*:?)\s*(?P<rest>.+?)\)?\s*$", re.I)
_TITLE_SYMBOL_RE = re.compile(r"\(\s*(?P<inner>[^()]{4,60})\)\s*\.?\s*$")  # a title may end with a full stop
# A city's abbreviation ends no sentence ("UBND TP. Hải Phòng vừa …").
_SENTENCE_RE = re.compile(r"(?<=[.;!?])(?<!TP\.)(?<!Tp\.)\s+(?=[" + VN_UPPER + r"])")
_SUBJECT_CUT_RE = re.compile(r"^[\s,]*(?:về\s+việc|V/v|về)?\s*[:,]?\s*", re.I)
_KIND_SUBJECT_RE = re.compile(rf"^(?P<kind>{_KIND})\s+(?:{loose('về việc')}|V/v)\s*:?\s*(?P<subject>.+)$", re.I)


def _date(d: str | None, m: str | None, y: str | None) -> dt.date | None:
    if not (d and m and y):
        return None
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _from_citation(text: str, source: IdentitySource, whole: bool) -> Identity | None:
    """The document a short text names: its first numbered reference (a source line, a page title)."""
    found = find_numbered(text)
    if not found:
        return None
    c = found[0]
    before = text[: c.start].strip(" (:-–")
    if whole and before and source is IdentitySource.PORTAL_TITLE and not _is_kind_word(before):
        return None  # a page title that merely mentions a symbol after other words is not the letter's
    return Identity(source=source, evidence=text, symbol=c.symbol, number=c.number, doc_type=c.doc_type,
                    issuer_code=c.issuer_code, kind=c.kind, date=c.date, issuer=c.issuing_body)


def _bare(text: str) -> str:
    """Letters without any mark, upper case: a site that scrambles marks against copying ("KẾT LỦẬN", "BẠN BÍ THƯ")
    keeps the base letters."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"\s+", " ", "".join(ch for ch in decomposed if not unicodedata.combining(ch))).upper().strip()


_BARE_KINDS = frozenset(_bare(k) for k in kind_names())


_BARE_CODES = frozenset(_bare(c) for c in TYPE_CODES)


def _is_kind_word(text: str) -> bool:
    """The words before a title's symbol are its kind, "số" and all, whatever marks the site scrambled, or the
    kind's type code ("CV 9229/UBND-VHXH V/v …")."""
    bare = re.sub(r"\s+SO$", "", _bare(text))
    return bare in _BARE_KINDS or bare in _BARE_CODES


def from_source_line(text: str) -> Identity | None:
    m = _SOURCE_RE.match(text)
    return _from_citation(m.group("rest"), IdentitySource.SOURCE_LINE, whole=False) if m else None


def from_page_title(text: str) -> Identity | None:
    """ "… (3585/VP-KTN, ngày 23/10/2017)", "Kế hoạch số 125/KH-UBND …", "4360/BVHTTDL-VP"."""
    alone = parse_symbol(text) if SYMBOL_RE.fullmatch(text.strip()) else None
    if alone is not None:  # the page is titled with the symbol alone ("4360/BVHTTDL-VP")
        return Identity(source=IdentitySource.PORTAL_TITLE, evidence=text, symbol=alone.text, number=alone.number,
                        doc_type=alone.doc_type, issuer_code=alone.issuer_code, kind=alone.kind)
    tail = _TITLE_SYMBOL_RE.search(text)
    if tail:
        found = _from_citation(tail.group("inner"), IdentitySource.PORTAL_TITLE, whole=True)
        if found:
            return Identity(**{**found.__dict__, "evidence": text})
    return _from_citation(text, IdentitySource.PORTAL_TITLE, whole=True)


def subject_of_title(text: str) -> tuple[str | None, str | None]:
    """(kind, subject) of a page title "Thông báo về việc …"; (None, None) for a headline."""
    m = _KIND_SUBJECT_RE.match(text.strip())
    if not m:
        return None, None
    return re.sub(r"\s+", " ", m.group("kind")).capitalize(), m.group("subject").strip()


# "Chỉ thị của Chủ tịch Uỷ ban nhân dân tỉnh về việc tiếp tục …": a title naming its letter's kind and issuer.
_KIND_OF_RE = re.compile(rf"^(?P<kind>{_KIND})\s+của\s+(?P<who>[{VN_UPPER}][^,.;:()]{{2,120}}?)\s+"
                         rf"(?:{loose('về việc')}|V/v|về)\s*:?\s*(?P<subject>\S.*)$", re.I)


def from_kind_of_title(text: str, body: str) -> Identity | None:
    """The issuer a title names after its kind ("Kế hoạch của UBND tỉnh về …"), unless the text carries that
    body's instruction out (then the title names the source)."""
    m = _KIND_OF_RE.match(text.strip())
    if not m:
        return None
    said = _OFFICE_RE.sub("", m.group("who"), count=1)
    org = ORGANISATION_RE.fullmatch(normalise_tones(said.strip()))
    if org is None:
        return None
    who = body_of_office_holder(m.group("who").strip())
    if _instructed_by(who, body):
        return None
    kind = re.sub(r"\s+", " ", m.group("kind")).capitalize()
    return Identity(source=IdentitySource.PORTAL_TITLE, evidence=text.strip(), doc_type=code_of_kind(kind),
                    kind=kind, issuer=who, subject=m.group("subject").strip().rstrip(" .") or None)


# The page points at the letter it attaches: "Cụ thể xem trong công văn số 2092/BNN-KN trong file đính kèm", "Chi
# tiết nội dung của Chỉ thị số 1900/CT-BNN-BVTV tại đây", "Xem toàn văn Kế hoạch số … tại đây".
_FILE_POINTER_RE = re.compile(
    rf"(?:(?:Cụ\s+thể|Chi\s+tiết)\s+)?xem\s+(?:chi\s+tiết\s+|toàn\s+văn\s+|nội\s+dung\s+)?(?:(?:trong|tại)\s+)?"
    rf"(?P<kind>(?i:{_KIND}))\s+số\b|(?:Chi\s+tiết|Toàn\s+văn)(?:\s+nội\s+dung)?(?:\s+(?:của|tại))?\s+"
    rf"(?P<kind2>(?i:{_KIND}))\s+số\b", re.I)
_ATTACHED_HERE_RE = re.compile(r"^\s*(?:(?:trong|tại|ở)\s+(?:file|tệp|tài\s+liệu|văn\s+bản)\s+đính\s+kèm|"
                               r"đính\s+kèm|tại\s+đây)\b", re.I)


def _pointed_at(text: str, body: str) -> list[CitationMatch]:
    """The documents a page's pointer to its attachment names, unless the text carries that document out."""
    out = []
    for m in _FILE_POINTER_RE.finditer(text):
        at = m.start("kind") if m.group("kind") else m.start("kind2")
        found = find_numbered(text[at:])
        if found and found[0].start == 0 and _ATTACHED_HERE_RE.match(text[at + found[0].end:]) \
                and not carried_out(found[0].symbol, body):
            out.append(found[0])
    return out


def from_posting(paragraphs: list[str]) -> Identity | None:
    """The letter the page says it posts, wherever the sentence stands (often last, before "Xem … tại đây")."""
    for text in paragraphs:
        for m in _POSTING_RE.finditer(text):
            found = find_numbered(text[m.start("kind"):])
            if found and found[0].start == 0:
                return _posted(found[0], text)
    return None


def from_file_pointer(paragraphs: list[str], body: str) -> Identity | None:
    """The letter a page attaches, named by its pointer to the file when nothing else names the page's letter."""
    for text in paragraphs:
        pointed = _pointed_at(text, body)
        if pointed:
            return _posted(pointed[0], text)
    return None


def _posted(c: CitationMatch, text: str) -> Identity:
    return _cited_identity(text, c, c.issuing_body, IdentitySource.POSTING)


# A summary that opens by pointing at the letter: "Đó là chỉ đạo của UBND tỉnh đối với … tại Công văn số
# 4079/UBND-KT …", "Đó là nội dung tại Chỉ thị số 03/CT-UBND của Chủ tịch UBND tỉnh về việc …".
# Or after the content it points at, as one of the document's points: "Thực hiện quyết liệt … . Đây là một trong
# những nội dung Chỉ thị số 06-CT/TU của Ban Thường vụ … vừa được đồng chí … ký ban hành ngày 01/9/2021."
_THAT_IS_RE = re.compile(
    rf"^(?:Đó|Đây)\s+là\s+(?:một\s+trong\s+(?:những|các)\s+)?"
    rf"(?:(?:nội\s+dung|yêu\s+cầu|ý\s+kiến)(?:\s+chỉ\s+đạo)?|chỉ\s+đạo|đề\s+nghị)\b"
    rf"(?:(?P<mid>[^.;]{{0,300}}?)\s(?:tại|trong)|\s+(?:của|thuộc))?\s+(?P<kind>(?i:{_KIND}))\s*số\b")
_OF_RE = re.compile(r"^\s*(?:của|do)\s+")
# The signing date that closes a pointer's sentence: "… vừa được đồng chí … ký ban hành ngày 01/9/2021."
_SIGNED_ON_RE = re.compile(rf"\bký(?:\s+ban\s+hành)?\s+(?:vào\s+)?ngày\s+(?P<d>{DAYS})\s*/\s*(?P<m>{MONTHS})\s*/\s*"
                           rf"(?P<y>{YEAR})\s*\.?\s*$")
# The pointer is the first sentence, or the second after one sentence of the content it points at (bench/heldout
# l06: one sentence of content, then "Đây là một trong những nội dung …"; no held-out page puts more before it).
_POINTER_SENTENCES = 2


def from_pointer(paragraphs: list[str], body: str) -> Identity | None:
    """The letter a summary's first sentence points at ("Đó là chỉ đạo của X tại Công văn số …"), unless the
    text goes on to carry it out. Its issuer is the body named after "của", before the document or after it."""
    for text in paragraphs[:2]:
        sentences = _SENTENCE_RE.split(_NEWS_TAG_RE.sub("", text, count=1))[:_POINTER_SENTENCES]
        m = next((m for sentence in sentences if (m := _THAT_IS_RE.match(sentence.strip()))), None)
        if not m:
            continue
        sentence = m.string
        found = find_numbered(sentence.strip()[m.start("kind"):])
        if not found or found[0].start != 0 or not found[0].symbol or carried_out(found[0].symbol, body):
            return None
        c = found[0]
        issuer = c.issuing_body
        after = sentence.strip()[m.start("kind") + c.end:]
        if c.date is None and (signed := _SIGNED_ON_RE.search(after)):
            c = replace(c, date=_date(signed.group("d"), signed.group("m"), signed.group("y")))
        for said in ([] if issuer else [m.group("mid") or "", after]):
            of = _OF_RE.match(said)
            said = _OFFICE_RE.sub("", said[of.end():], count=1) if of else ""
            org = ORGANISATION_RE.match(normalise_tones(said))
            if org:
                issuer = said[: org.end()]
                break
        return _cited_identity(sentence, c, issuer)
    return None


# A letter that chases an earlier one: "Ngày 08/4/2021, Văn phòng UBND tỉnh ban hành Văn bản số 404/… giao Sở …
# trả lời đơn …. Tuy nhiên, đến nay … Sở chưa trình nội dung trên. … đề nghị Sở khẩn trương …": the letter reported
# first is the one not yet answered, not the text's own.
_CHASED_RE = re.compile(r"\b(?:Tuy\s+nhiên|Nhưng|Song)\s*,?\s*(?:đến|tới)\s+(?:nay|thời\s+điểm\s+này)\b[^.;]{0,250}?"
                        r"\b(?:chưa|vẫn\s+chưa|không)\b", re.I)


def from_lead(paragraphs: list[str], body: str) -> Identity | None:
    """The letter a reporting sentence announces, if the rest of the text does not carry it out, nor chase it as
    an earlier letter not yet answered."""
    found = _lead(paragraphs, body)
    if found and found[0].symbol and _CHASED_RE.search(body[body.find(found[0].evidence) + 1:]):
        return None
    return found[0] if found and not found[1] else None


def reported_source(paragraphs: list[str], body: str) -> Identity | None:
    """The document a reporting sentence announces and the rest of the text carries out: the source."""
    found = _lead(paragraphs, body)
    return found[0] if found and found[1] else None


# A paragraph that reads as prose, not a headline, a menu item or a posting time ("Xem cỡ chữ:", "26/07/2021 4:42").
_PROSE_END_RE = re.compile(r"[.;:!?…]\s*$|[.;!?]\s+\S")


def _prose(text: str) -> bool:
    return len(text.split()) >= 8 and bool(_PROSE_END_RE.search(text.strip()))


def _opening(paragraphs: list[str]) -> list[int]:
    """Where a lead may stand: the first three paragraphs, and the first three that read as prose (a portal page
    puts its headline, posting time and menu words above the lead)."""
    prose = [k for k, t in enumerate(paragraphs) if _prose(t)][:3]
    return sorted({*range(min(3, len(paragraphs))), *prose})


# "(Công văn số 1236/SVHTTDL-QLVH, ngày 30/10/2019)": the number a lead gave without it, later in its sentence.
_BRACKETED_RE = re.compile(rf"\(\s*(?P<kind>(?i:{_KIND}))\s+số\b")
# "Theo thông báo (số 34/TB-UBND ngày 19/4/2017), Chủ tịch UBND tỉnh đã điều chỉnh …", "Trong nội dung Công văn số
# 4913/VP-KT, ban hành ngày 15/6, UBND thành phố Hà Nội yêu cầu …": the letter first, then the body that speaks.
_ACCORDING_RE = re.compile(rf"^(?:Theo|Trong|Tại)\s+(?:nội\s+dung\s+)?(?P<kind>(?i:{_KIND}))\s*\(?\s*số\b", re.I)
_SPEAKS_AFTER_RE = re.compile(r"^\s*(?:đã\s+|vừa\s+)?(?-i:[a-zđà-ỹ]+)")
# "Kế hoạch do Phó Chủ tịch UBND tỉnh Lê Trường Sơn ký ban hành, yêu cầu …": the text opens on its letter's signer.
_ISSUED_BY_RE = re.compile(rf"^(?P<kind>(?i:{_KIND}))(?:\s+số\s*\S+)?\s+do\s+(?P<who>[{VN_UPPER}][^,.;:()]{{2,120}}?)"
                           rf"\s+(?:ký\s+)?ban\s+hành\b")


_SOURCES_OPEN_RE = re.compile(
    r"^\s*(?:Thực\s+hiện|Căn\s+cứ|Triển\s+khai|Thi\s+hành|Theo\s+(?:chỉ\s+đạo|hướng\s+dẫn))\b", re.I)


def _after_sources(sentence: str, m: re.Match[str], paragraph: str) -> str | None:
    """The body that speaks after a clause naming what it carries out: "Thực hiện Công điện số 570/CĐ-TTg …; các
    văn bản chỉ đạo có liên quan của Trung ương, Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 tỉnh vừa ban hành Công
    văn số 1246/UBND-VX …" is that committee's own letter. The body is the first organisation after a comma of the
    clause, running to the verb. The clause may be a list whose entries the sentence split took apart at ";"."""
    if not (_SOURCES_OPEN_RE.match(sentence) or _SOURCES_OPEN_RE.match(paragraph)):
        return None
    who = m.group("who")
    for comma in re.finditer(r",\s+", who):
        rest = who[comma.end():].strip()
        org = ORGANISATION_RE.match(normalise_tones(rest))
        if org and org.end() >= len(rest) - 1:
            return rest
        if org and _CO_ACT_RE.fullmatch(rest, org.end()):
            return rest[: org.end()].strip()
    org = ORGANISATION_RE.match(normalise_tones(who))
    if org and _CO_ACT_RE.fullmatch(who, org.end()):
        return who[: org.end()].strip()  # the body opens the clause after the sources: "…, Ban Thường vụ … đã …"
    return None


# The body acts first, then issues "at the same time": "…, Ban Thường vụ Huyện ủy … đã quán triệt tới toàn bộ hệ
# thống chính trị …, đồng thời ban hành Chỉ thị số …".
_CO_ACT_RE = re.compile(r"\s+(?:đã\s+|vừa\s+)?(?-i:[a-zđà-ỹ])[^.;]{0,200}?,?\s+đồng\s+thời")


def _cited_identity(sentence: str, c: CitationMatch, issuer: str | None,
                    source: IdentitySource = IdentitySource.LEAD) -> Identity:
    """The letter's own identity as a sentence of the page states it: the document it names, and who issued it."""
    return Identity(source=source, evidence=sentence.strip(), symbol=c.symbol, number=c.number,
                    doc_type=c.doc_type, issuer_code=c.issuer_code, kind=c.kind, date=c.date, issuer=issuer)


def _according(sentence: str, body: str) -> tuple[Identity, bool] | None:
    m = _ACCORDING_RE.match(sentence)
    if not m:
        return None
    kind = re.sub(r"\s+", " ", m.group("kind")).capitalize()
    found = find_numbered(f"{kind} số {sentence[m.end():]}")
    if not found or found[0].start != 0 or not found[0].symbol:
        return None
    c = found[0]
    tail = sentence[m.end():]
    for comma in re.finditer(r",\s+", tail):
        clause, after = tail[: comma.start()], tail[comma.end():]
        if _OWNER_BODY_RE.search(normalise_tones(clause)):
            return None  # "Theo Công văn số … của Bộ Y tế, UBND tỉnh yêu cầu": another body's letter, the source
        said = _OFFICE_RE.sub("", after, count=1)
        org = ORGANISATION_RE.match(normalise_tones(said))
        if org and _SPEAKS_AFTER_RE.match(said[org.end():]):
            who = body_of_office_holder(after[: len(after) - len(said) + org.end()].strip())
            return _cited_identity(sentence, c, who), carried_out(c.symbol, body)
    return None


def _issued_by(sentence: str, body: str) -> tuple[Identity, bool] | None:
    m = _ISSUED_BY_RE.match(sentence)
    if not m:
        return None
    kind = re.sub(r"\s+", " ", m.group("kind")).capitalize()
    found = find_numbered(sentence)
    c = found[0] if found and found[0].start == 0 else None
    who = body_of_office_holder(m.group("who").strip())
    return Identity(source=IdentitySource.LEAD, evidence=sentence.strip(), symbol=c.symbol if c else None,
                    number=c.number if c else None, doc_type=c.doc_type if c else code_of_kind(kind),
                    issuer_code=c.issuer_code if c else None, kind=kind, date=c.date if c else None,
                    issuer=who), bool(c and carried_out(c.symbol, body)) or _instructed_by(who, body)


_OWNER_BODY_RE = re.compile(r"\b(?:của|do)\s+(?=\S)" + r"(?:" + ORGANISATION_RE.pattern + r")", re.I)


def _lead(paragraphs: list[str], body: str) -> tuple[Identity, bool] | None:
    """The first reporting sentence's document, and whether the rest of the text carries it out. A first report
    without the symbol ("… ban hành Chỉ thị số 11 về việc …", a headline "… ban hành Kế hoạch tổ chức …") is
    completed by the text's next statement of that document: the same kind and number in full ("Chỉ thị số
    11/CT-CTUBND ngày 16/4/2020"), or, with no number, the next report of a document of that kind ("Ngày 15/10/2018,
    UBMTTQVN Huyện ban hành Kế hoạch số 20/KH-BTT …")."""
    found = _leads(paragraphs, body)
    first = next(found, None)
    if first is None or first[0].symbol or first[1] or not first[0].kind:
        return first
    lead = first[0]
    if lead.number:
        for c in find_numbered(" ".join(paragraphs)):
            if c.symbol and c.number == lead.number and c.kind == lead.kind and not carried_out(c.symbol, body):
                return _completed(lead, c.symbol, c.doc_type, c.issuer_code, c.date), False
        return first
    for later, carried in found:
        if later.kind == lead.kind:
            if later.symbol and not carried:
                return _completed(lead, later.symbol, later.doc_type, later.issuer_code, later.date,
                                  later.number), False
            break
    return first


def _completed(lead: Identity, symbol: str, doc_type: str | None, issuer_code: str | None, date: dt.date | None,
               number: str | None = None) -> Identity:
    return Identity(**{**lead.__dict__, "symbol": symbol, "number": number or lead.number,
                       "doc_type": doc_type or lead.doc_type, "issuer_code": issuer_code or lead.issuer_code,
                       "date": lead.date or date})


def _leads(paragraphs: list[str], body: str) -> Iterator[tuple[Identity, bool]]:
    """Every reporting sentence's document in reading order, and whether the rest of the text carries it out."""
    # A news page's teaser repeats a paragraph of the text above the lead ("Theo đó, UBND thành phố …" twice):
    # the text opens where its first paragraph is not an earlier copy of a later one.
    keys = [re.sub(r"\s+", " ", t).strip() for t in paragraphs]
    paragraphs = [t for k, t in enumerate(paragraphs) if not (len(keys[k]) >= 40 and keys[k] in keys[k + 1:])]
    where = _opening(paragraphs)
    first_prose = next((k for k in where if _prose(paragraphs[k])), None)
    # A news body may report its letter after paragraphs of background that name no document ("Trước đó, …, ngày
    # 18/2/2022, Hội … đã ban hành Kế hoạch số 52/KH-HNCT …"): the first paragraph that numbers one may lead too.
    numbered = next((k for k, t in enumerate(paragraphs) if find_numbered(t)), None)
    if numbered is not None and numbered > where[-1]:
        where.append(numbered)
    for p_index in where:
        text = paragraphs[p_index]
        previous = ""
        for s_index, sentence in enumerate(_SENTENCE_RE.split(text)):
            if s_index == 0:
                sentence = _NEWS_TAG_RE.sub("", sentence, count=1)
            # A sentence of sources alone ("Thực hiện Chỉ thị số 35 …, Kế hoạch số 221-KH/QU …." with no body or verb
            # of its own) is the clause of the next one, which opens the text as if the two were one.
            opens = p_index in (0, first_prose) and (s_index == 0 or (s_index == 1 and _sources_only(previous)))
            previous = sentence
            other = (_according(sentence, body) or _issued_by(sentence, body)) if opens else None
            if other:
                yield other
                continue
            m = _LEAD_RE.search(sentence)
            if not m:
                continue
            if m.group("act") and (_squash(m.group("act")) != _squash(m.group("kind"))
                                   or not ORGANISATION_RE.match(normalise_tones(m.group("who").strip()))):
                continue  # "… hướng dẫn … theo Kế hoạch số …": another document, the standard the act follows; and
                # only a body acts ("Đó là chỉ đạo tại Chỉ thị …" names no actor)
            before = sentence[: m.start()].strip()
            # a date before the body is its grounds' ("… thông qua ngày 12/12/2012, Ban Thường vụ … hướng dẫn …")
            grounds = sentence[: m.start("who")].strip()
            if m.group("act") and grounds.endswith(",") and _SOURCES_OPEN_RE.match(grounds) \
                    and ORGANISATION_RE.match(normalise_tones(m.group("who").strip())):
                # "Căn cứ Điều lệ Đoàn …, Ban Thường vụ Trung ương Đoàn hướng dẫn …": the body after its grounds acts
                after_sources_act = m.group("who").strip()
            else:
                after_sources_act = None
            news = (m.group("when") or "").startswith("vừa")  # "… vừa có Công văn số …": news of the day
            # "Thực hiện …, X đã quán triệt …, đồng thời ban hành Chỉ thị số …": X issues now, as news does.
            co_act = bool(_CO_ACT_RE.search(m.group("who")) and m.group("who").rstrip().endswith("đồng thời"))
            after_sources = after_sources_act or (_after_sources(sentence, m, text) if before and (news or co_act)
                                                  else None)
            if after_sources is None and _SOURCES_OPEN_RE.match(m.group("who")):
                # "Thực hiện ý kiến chỉ đạo của UBND thị xã, UBND phường Thủy Lương xây dựng Kế hoạch …": the clause
                # names what is carried out; the body after its comma speaks.
                after_sources = _after_sources(m.group("who"), m, text)
            if before and not (m.group("dated") and before.endswith((",", ";"))) and after_sources is None:
                # a lead opens its sentence, or its clause when dated: "Thực hiện …, ngày 3/4, X ban hành", "Để …;
                # ngày 10/4/2023, UBND tỉnh ban hành văn bản số …"
                continue
            if p_index >= 3 and not (m.group("dated") or opens or news):
                continue  # past the first paragraphs only the prose's opening counts
            if not (m.group("dated") or m.group("opener") or news) and (p_index, s_index) != (0, 0) and not opens:
                continue  # undated, it must open the text: "Tỉnh ủy đã ban hành …" mid-text is history
            found = find_numbered(sentence[m.start("kind"):])
            symbol = found[0] if found and found[0].start == 0 else None
            kind = re.sub(r"\s+", " ", m.group("kind")).capitalize()
            if symbol is None:
                for br in _BRACKETED_RE.finditer(sentence, m.end()):
                    inner = find_numbered(sentence[br.start("kind"):])
                    if inner and inner[0].start == 0 and inner[0].kind == kind and inner[0].symbol:
                        symbol = inner[0]
                        break
            who = after_sources or body_of_apposition(m.group("who").strip())
            if m.group("principal"):
                who = body_of_office_holder(m.group("principal").strip())
            carried = bool(symbol and carried_out(symbol.symbol, body)) or _instructed_by(who, body) \
                or _another_issues(who, kind, body)
            bracketed = symbol is not None and not (found and found[0].start == 0)
            rest = sentence[m.end():] if bracketed or symbol is None else sentence[m.start("kind") + symbol.end:]
            subject = _SUBJECT_CUT_RE.sub("", rest).rstrip(" ./") or None
            if bracketed and subject:
                subject = subject[: subject.rfind("(")].rstrip(" ,") or None
            yield Identity(
                source=IdentitySource.LEAD, evidence=sentence.strip(), symbol=symbol.symbol if symbol else None,
                number=symbol.number if symbol else m.group("no"),
                doc_type=symbol.doc_type if symbol else code_of_kind(kind),
                issuer_code=symbol.issuer_code if symbol else None, kind=kind,
                date=(None if after_sources_act else _date(m.group("d"), m.group("m"), m.group("y")))
                or (symbol.date if symbol else None),
                issuer=who,
                subject=subject,
            ), carried


def _squash(words: str) -> str:
    return re.sub(r"\s+", " ", normalise_tones(words)).lower()


def _sources_only(sentence: str) -> bool:
    """A sentence that only names what is carried out: it opens with a verb of implementing and no body in it reports
    an act of its own."""
    return bool(_SOURCES_OPEN_RE.match(_NEWS_TAG_RE.sub("", sentence, count=1))) and not _LEAD_RE.search(sentence)


# "Để Nghị quyết … đi vào cuộc sống, Ban Thường vụ Tỉnh ủy xây dựng và ban hành Kế hoạch …": a body that now
# issues its own document, opening its sentence (or after a purpose clause).
_ISSUES_RE = re.compile(
    rf"(?:^|[.;!?]\s+)(?:(?:Để|Nhằm|Theo\s+đó|Trên\s+cơ\s+sở\s+đó)[^.;]{{0,200}}?,\s+)?"
    rf"(?P<who>[{VN_UPPER}][^.;:,()]{{1,80}}?)\s+(?:xây\s+dựng\s+(?:và\s+)?)?ban\s+hành\s+(?P<kind>(?i:{_KIND}))\b")


def _another_issues(who: str, kind: str, body: str) -> bool:
    """After reporting another body's act ("Ngày 5/8/2020, Bộ Chính trị … đã ban hành Nghị quyết số 58-NQ/TW …"), the
    text has a body issue a document of another kind in the present ("… Ban Thường vụ Tỉnh ủy xây dựng và ban hành
    Kế hoạch …"): the reported document is the source, the new one the letter."""
    mine = normalise_tones(who).lower()
    for m in _ISSUES_RE.finditer(body):
        org = ORGANISATION_RE.match(normalise_tones(m.group("who")))
        other = normalise_tones(m.group("who")).lower()
        # The body's name alone before the verb: "… đã ban hành", "… giao Sở Y tế ban hành" are no present issuing.
        if org and org.end() >= len(m.group("who").strip()) - 1 and not other.startswith(mine) \
                and not mine.startswith(other) and m.group("kind").lower() != kind.lower():
            return True
    return False


def carried_out(symbol: str | None, body: str) -> bool:
    """The text carries the document out: a verb of implementing governs it, in the same sentence ("… do Ủy ban
    Quốc gia … triển khai. Ngày 05/5/2022, UBND huyện đã ban hành Kế hoạch số …" ends the verb's sentence first)."""
    if not symbol:
        return False
    for verb in IMPLEMENTS_VERB_RE.finditer(body):
        following = find_numbered(body[verb.end(): verb.end() + 200])
        if following and following[0].symbol == symbol and following[0].start < 60 \
                and not _SENTENCE_END_RE.search(body, verb.end(), verb.end() + following[0].start) \
                and not _STANDARD_GAP_RE.search(body[verb.end(): verb.end() + following[0].start].strip()):
            return True
    return False


# "… thực hiện đúng và thống nhất Điều lệ Đoàn theo hướng dẫn số …": after "theo" the document is the standard the
# work keeps to, not what the verb carries out (as parsers/citations.py reads roles); "Thực hiện theo Kế hoạch số …"
# right after the verb is the act carried out.
_STANDARD_GAP_RE = re.compile(r"\S\s+theo\b", re.I)
# A sentence's end between a verb and what follows it ("TP. Hồ Chí Minh" is an abbreviation, no end).
_SENTENCE_END_RE = re.compile(rf"(?<!TP)(?<!Tp)[.!?]\s+[{VN_UPPER}]")


def _instructed_by(issuer: str, body: str) -> bool:
    """The text carries out the issuer's instruction: "Thực hiện chỉ đạo của Ban Tuyên giáo Thành ủy, …" after
    "Ban Tuyên giáo Thành ủy Hà Nội đã ban hành …"."""
    issuer = normalise_tones(issuer).lower()
    for verb in IMPLEMENTS_VERB_RE.finditer(normalise_tones(body)):
        m = ORGANISATION_RE.match(verb.string, verb.end() + 1) if verb.string[verb.end():verb.end() + 1] == " " \
            else None
        if m and issuer.startswith(m.group(0).lower()):
            return True
    return False


_ATTACHED_RE = re.compile(r"\((?P<before>[^()]{0,120}?)\bkèm\s+(?:theo\s+)?(?P<rest>[^()]{5,250})\)?", re.I)


def from_attachment_note(texts: list[str]) -> Identity | None:
    """The issuer of a document issued with a letter: "(Ban hành kèm theo Kế hoạch số 34 KH/TWĐTNTNNT ngày
    23/3/2023 của Ban Bí thư Trung ương Đoàn)" under a THỂ LỆ, QUY CHẾ or CHUYÊN ĐỀ title. The attachment has no
    number of its own; its issuer and issuer code are the letter's."""
    for text in texts:
        for m in _ATTACHED_RE.finditer(text):
            found = find_numbered(m.group("rest"))
            if found and found[0].start < 5 and (found[0].issuing_body or found[0].issuer_code):
                c = found[0]
                return Identity(source=IdentitySource.ATTACHMENT_NOTE, evidence=m.group(0).strip(),
                                issuer_code=c.issuer_code, issuer=c.issuing_body)
    return None
