"""Every regular expression of the parser, in one place, each with the form it is for.

All patterns expect the display form of `parsers.normalise.clean_text` (NFC, Ð→Đ, spaces folded).
They follow Nghị định 30/2020 (state) and Hướng dẫn 36-HD/VPTW / 05-HD/VPTW (Party), and the drift
seen in real letters (shared/docs/vietnamese-letters.md, A.4–A.5).
"""

import re
import unicodedata

from parsers.kinds import OTHER_TITLES, code_of_kind, title_kinds

# Every upper-case (and lower-case) letter Vietnamese uses; "À-Ỹ" ranges would mix both cases.
VN_UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isalpha() and c.isupper())
VN_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.isalpha() and c.islower())
UP = VN_UPPER
# The capitals a symbol's codes are written in: every Vietnamese capital, the Latin letters, Đ, and the vowels with
# the letter marks and tones Vietnamese gives them ("TĂCN" in "452/CN-TĂCN", "TƯ" in "KL/TƯ"); no other script's.
_TONES = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
SYM_UP = "".join(dict.fromkeys(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZĐ" + "".join(unicodedata.normalize("NFC", v + t) for v in "AĂÂEÊIOÔƠUƯY"
                                             for t in _TONES)))
# Issuer and type abbreviations; some mix case (TTg, QĐi, CTr, ThU), so never upper-case only; unit codes
# may end in digits ("VX1", "ĐĐQH15").
ABBR = rf"[{SYM_UP}][{SYM_UP}a-zđ0-9]*"  # "TƯ" (trung ương) in a Party code: "KH/TƯH", "KL/TƯ"
DASH = r"[-\u2010-\u2015\u2212]"
SP = r"[ \t]*"
_END = rf"(?![{SYM_UP}a-zđ0-9])"

DAYS = r"(?:0?[1-9]|[12]\d|3[01])"
MONTHS = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19|20)\d{2}"

def _base(ch: str) -> str:
    return "d" if ch in "đĐ" else unicodedata.normalize("NFD", ch)[0].lower()


_BY_BASE: dict[str, str] = {}
for _ch in VN_LOWER:
    _BY_BASE.setdefault(_base(_ch), "")
    _BY_BASE[_base(_ch)] += _ch


def loose(word: str) -> str:
    """A regex for `word` that OCR may have stripped of its marks: every marked letter may be any letter of
    its base, or be missing ("ngày" matches "ngày", "ngay", "ngy"; "số" matches "so", "s"). Use with re.I.

    >>> bool(re.fullmatch(loose("Quyết định"), "Quyet dinh", re.I)), bool(re.fullmatch(loose("ngày"), "ngy"))
    (True, True)
    """
    out = []
    for ch in word.lower():
        if ch == " ":
            out.append(r"\s+")
        elif ch.isascii():
            out.append(re.escape(ch))
        else:
            out.append(f"[{_BY_BASE.get(_base(ch), ch)}]?")
    return "".join(out)


# Header "Số" line; the number may be blank in drafts ("Số:      /KH-UBND"), the hyphen lost in PDF-to-text
# ("Số:  337KH/TWĐTNMTTN", "Số: 92 BC/TWĐTNCNĐT"), the unit code spaced ("Số : 4144 /GDĐT – VP").
# The Quốc hội's acts name their kind before "số:" ("Luật số: 57/2014/QH13", "Nghị quyết số: 653/2019/UBTVQH14").
SO_LINE_RE = re.compile(
    rf"^\s*(?:Số\s*:?|S[ôóòo6]\s*:|(?:Luật|Bộ\s+luật|Pháp\s+lệnh|Nghị\s+quyết|Lệnh)\s+số\s*:)"
    rf"\s*(?P<no>\d{{1,5}})?{SP}(?P<sep>{DASH}|/)?{SP}"
    rf"(?P<tail>(?(sep)|(?=[^\s,;/]*/[{SYM_UP}]))[^\s,;]+(?:(?<=/){SP}[{SYM_UP}][^\s,;]*|(?<=[{SYM_UP}]){SP}/{SP}"
    rf"[{SYM_UP}][^\s,;]*)?(?:{SP}{DASH}{SP}[{SYM_UP}][^\s,;]*)*)"
)  # the type code spaced from its slash too: "Số 188- CV /BTGHU", "Số 1-CV/ BTGHU"
# "Số:" alone: a PDF's text layer put the symbol lines below ("/TTr-VPCP" under the national title).
SO_ALONE_RE = re.compile(r"^\s*Số\s*:?\s*$")

# A day, month or year a draft left for the signing date: spaces, dots, ellipses ("ngày ….. tháng 12").
_BLANK = r"[\s.…_]*"
# "Bình Phước, ngày 22 tháng 5 năm 2024"; day or month may be blank in drafts.
PLACE_DATE_RE = re.compile(
    rf"(?P<place>[^\W\d_][\w .'’\-]{{0,60}}?)\s*,\s*{loose('ngày')}{_BLANK}(?P<d>{DAYS})?{_BLANK}"
    rf"{loose('tháng')}{_BLANK}(?P<m>{MONTHS})?{_BLANK}{loose('năm')}\s*(?P<y>{YEAR})",
    re.I,
)
# A portal's copy of the place and date with the date in figures: "Hà Nội, ngày 22/5/2024", alone in its piece.
PLACE_NUMERIC_DATE_RE = re.compile(
    rf"^(?P<place>[^\W\d_][\w .'’\-]{{0,60}}?)\s*,\s*{loose('ngày')}\s*(?P<d>{DAYS})\s*[/.\-]\s*(?P<m>{MONTHS})"
    rf"\s*[/.\-]\s*(?P<y>{YEAR})\s*$",
    re.I,
)
# A header date line with no place (a table cell of its own): "Ngày 08 tháng 01 năm 2019".
HEADER_DATE_RE = re.compile(
    rf"^\s*{loose('ngày')}{_BLANK}(?P<d>{DAYS})?{_BLANK}{loose('tháng')}{_BLANK}(?P<m>{MONTHS})?{_BLANK}"
    rf"{loose('năm')}\s*(?P<y>{YEAR})\s*$",
    re.I,
)

DATE_NUM = rf"(?P<d>{DAYS})\s*[/.\-]\s*(?P<m>{MONTHS})\s*[/.\-]\s*(?P<y>{YEAR})"
DATE_WORDS = rf"ngày\s+(?P<d2>{DAYS})\s+tháng\s+(?P<m2>{MONTHS})\s+năm\s+(?P<y2>{YEAR})"
DATE_RE = re.compile(rf"(?<![\d/])(?:{DATE_NUM}|{DATE_WORDS})(?![\d/])", re.I)

# Case-sensitive on purpose: a subject such as "… thành lập Đảng Cộng sản Việt Nam" is not the header.
# The "XÃ" may come out of a PDF's font mapping as one wrong letter glued to "HỘI" ("XàHỘI"); the second
# forms are OCR that lost marks ("CONG HOA XA HOI CHU NGHIA VIET NAM").
NATIONAL_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+X(?:Ã\s+|[^\sA-ZĐ]\s*)HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|"
    # OCR that lost some marks and kept others, word by word ("CONG HÒA XÃ HOI CHỦ NGHĨA VIỆT NAM", pair 13)
    r"C[OỘ]NG\s+H(?:ÒA|OÀ|OA)\s+X[AÃ]\s+H[OỘ]I\s+CH[UỦ]\s+NGH[IĨ]A\s+VI[EỆ]T\s+NAM"
)
# Any case ("Độc Lập - Tự Do - Hạnh Phúc"); the dashes may be lost in PDF-to-text ("Độc lập  Tự do  Hạnh phúc").
MOTTO_RE = re.compile(
    rf"(?i:Độc\s+lập\s*(?:{DASH}\s*)?Tự\s+do\s*(?:{DASH}\s*)?Hạnh\s+phúc)|ĐỘC\s+LẬP\s*{DASH}\s*TỰ\s+DO|"
    rf"(?i:Doc\s+lap\s*(?:{DASH}\s*)?Tu\s+do\s*(?:{DASH}\s*)?Hanh\s+phuc)"
)
PARTY_HEADER_RE = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|DANG\s+CONG\s+SAN\s+VIET\s+NAM")
# The Youth Union's title line stands where the Party's does (Hướng dẫn of the Central Committee of the Đoàn).
YOUTH_HEADER = r"ĐOÀN\s+(?:TNCS|THANH\s+NIÊN\s+CỘNG\s+SẢN)\s+HỒ\s+CHÍ\s+MINH"
YOUTH_HEADER_RE = re.compile(rf"^\s*{YOUTH_HEADER}\s*$")
STAR_RE = re.compile(r"^\s*\*+\s*$")
RULE_RE = re.compile(r"^\s*[-_=–—.…*]{3,}\s*$")
VV_RE = re.compile(r"^\s*(?:V\s*/\s*v|V\s*/\s*V|Về\s+vi[eệ]c)\s*[:.]?\s*(?P<subject>.+)$")

# "Kính gửi:" (also "- Kính gửi:" and "Kính trình:" under HD05); the rest may carry the recipient.
KINH_GUI_RE = re.compile(r"^\s*[-–•]?\s*(?:Kính|Kinh)\s+(?:gửi|trình|gui|gưi|trinh)\s*:?\s*(?P<rest>.*)$", re.I)
NOI_NHAN_RE = re.compile(r"^\s*(?:Nơi|Noi)\s+(?:nhận|nhan)\s*:?\s*(?P<rest>.*)$", re.I)
# Signature authority: state "TM." "KT." "TL." "TUQ." "Q."; Party "T/M" "K/T" "T/L".
SIGN_AUTH_RE = re.compile(
    rf"^\s*(?P<auth>T\s*/\s*M|K\s*/\s*T|T\s*/\s*L|T\s*/\s*UQ|TM|KT|TL|TUQ|Q)\s*\.?\s+(?P<rest>[{UP}].*)$"
)
# Position lines a signer holds (bare title when the head signs).
POSITION_RE = re.compile(
    r"^\s*(?:PHÓ\s+)?(?:BÍ\s+THƯ|TRƯỞNG\s+BAN|CHỦ\s+TỊCH|CHỦ\s+NHIỆM|GIÁM\s+ĐỐC|CHÁNH\s+VĂN\s+PHÒNG|"
    r"BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|THỦ\s+TƯỚNG|TRƯỞNG\s+PHÒNG|VỤ\s+TRƯỞNG|CỤC\s+TRƯỞNG|TỔNG\s+CỤC\s+TRƯỞNG|"
    r"TRƯỞNG\s+ĐOÀN|THƯỜNG\s+TRỰC|HIỆU\s+TRƯỞNG|TỔNG\s+BÍ\s+THƯ|CHÁNH\s+THANH\s+TRA|THỦ\s+TRƯỞNG)\b.*$"
)
# A decision's or resolution's authority line under its title (Nghị định 30/2020, Phụ lục III): the body that
# decides, or its head ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "BỘ TRƯỞNG BỘ Y TẾ", "CHÍNH PHỦ"). A bare
# department or board ("SỞ …", "BAN …") is left out: a subject's last line may name one.
AUTHORITY_HEAD_RE = re.compile(
    r"^\s*(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC|TỔNG\s+CỤC\s+TRƯỞNG|CỤC\s+TRƯỞNG|TRƯỞNG\s+BAN|"
    r"CHÁNH\s+VĂN\s+PHÒNG|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG)\s+"
)
AUTHORITY_LINE_RE = re.compile(
    rf"{AUTHORITY_HEAD_RE.pattern}\S|^\s*(?:Ủ|U[ỶỸ]?)Y?\s*BAN\s+(?:NHÂN\s+DÂN|THƯỜNG\s+VỤ)|"
    r"^\s*(?:HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|QUỐC\s+HỘI|BAN\s+THƯỜNG\s+VỤ|"
    r"BAN\s+CHẤP\s+HÀNH|(?:TỈNH|THÀNH|HUYỆN|QUẬN|THỊ)\s+ỦY|ĐẢNG\s+ỦY)\b"
)
SIGNED_NOTE_RE = re.compile(r"^\s*[(\[]?\s*(?:đã\s+ký|ký\s+bởi|ký\s+tên|đóng\s+dấu|ký,\s*ghi\s+rõ).*$", re.I)
END_MARK_RE = re.compile(r"\./\.\s*$")

# Title lines of the kinds table (parsers/kinds.py), longest first.
DOC_TYPE_TITLES = tuple(sorted((k.title_text for k in title_kinds()), key=len, reverse=True))
TITLE_RE = re.compile(rf"^\s*(?P<title>{'|'.join(DOC_TYPE_TITLES)})\s*$")
# A title with its subject on the same line: "CÔNG VĂN Về việc …", "THÔNG BÁO V/v …".
TITLE_WITH_SUBJECT_RE = re.compile(
    rf"^\s*(?P<title>{'|'.join(DOC_TYPE_TITLES)})\s+(?P<rest>(?:V\s*/\s*[vV]|Về\s+vi[eệ]c)\b.*)$"
)
# Type codes of the titles above, for letters whose symbol line is missing.
TITLE_CODES = {t: code_of_kind(t) for t in DOC_TYPE_TITLES if code_of_kind(t)}
OTHER_TITLE_RE = re.compile(rf"^\s*(?:{'|'.join(OTHER_TITLES)})\b")

# --- numbered items and bullets -----------------------------------------------------------------
# Roman numerals I–XXXIX only: a lone "V." or "X." beyond that is more often a typo than a section.
ROMAN = r"(?=[IVX])(?:X{0,3})(?:IX|IV|V?I{0,3})"
# Letters of Vietnamese lists, in order (no f, j, w, z; đ after d). Latin order is accepted too.
VN_ALPHABET = "abcdđeghiklmnopqrstuvxy"
# Heading words: the legal hierarchy (Phần > Chương > Mục > Điều) and step / phase headings.
LEGAL_WORDS = {"phần": ("part", 0), "chương": ("chapter", 1), "mục": ("section", 2), "điều": ("article", 3)}
STEP_WORDS = ("bước", "giai đoạn", "đợt", "chặng")
NUMBER_WORDS = {
    "một": 1, "nhất": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
    "tám": 8, "chín": 9, "mười": 10,
}
_HEADING_WORD = r"PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục|ĐIỀU|Điều|BƯỚC|Bước|GIAI\s+ĐOẠN|Giai\s+đoạn|ĐỢT|Đợt|CHẶNG|Chặng"
_UNITS = r"(?:một|hai|ba|bốn|tư|lăm|năm|sáu|bảy|bẩy|tám|chín)"
_NUMBER_WORD = rf"(?i:(?:thứ\s+)?(?:nhất|một|hai|ba|bốn|tư|năm|sáu|bảy|bẩy|tám|chín|mười)(?:\s+{_UNITS})?)"
HEADING = (
    rf"(?P<heading>(?P<hword>{_HEADING_WORD})\s+"
    rf"(?P<hnum>(?:{ROMAN}|\d{{1,3}}[a-z]?|{_NUMBER_WORD})(?![^\W_]))"
    r")"
)
# "Điều 22 Luật BHYT:" at a line's start is a wrapped sentence citing an article of a law, not an article heading:
# a heading's title never opens with the kind of the document cited (heldout pair 15's lead).
_CITED_KIND = (r"(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Thông\s+tư|Quyết\s+định|Pháp\s+lệnh|Hiến\s+pháp|"
               r"Chỉ\s+thị)(?![^\W_])")
ITEM_RE = re.compile(
    r"""^\s*(?:
        """ + HEADING + r"""
            (?:\s*[.:\-–]\s*|\s+(?!""" + _CITED_KIND + r""")(?=[""" + UP + r"""0-9"“])) # Điều 1.  Chương II:  Phần I MỞ
      | (?P<roman>""" + ROMAN + r""")(?:\s*[.\-–/)]\s+|\s+(?=[""" + UP + r"""]))  # I.  II-  III/  I QUY ĐỊNH
      | (?P<dotted>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[.\-–)/]?\s+   # 1.1.  1.2.3  1.1)
      | (?P<num>\d{1,2})\s*(?P<numsep>[.\-–)/])\s+             # 1.  1-  1)  1/
      | (?P<alpha>[a-zđ])\s*(?P<alphasep>[).\-–/])\s+          # a)  b.  c-
      | (?P<upper>[A-ZĐ])\s*[.\-–/]\s+(?=[""" + UP + r"""0-9("“])   # A. B- (sections above I., II.)
    )(?P<text>\S.*)$""",
    re.X,
)
# A heading alone on its line, its title on the next ("Chương I" / "ĐOÀN VIÊN", "Điều 1:", "I." / "MỤC TIÊU").
HEADING_ONLY_RE = re.compile(rf"^\s*(?:{HEADING}\s*[.:\-–]?|(?P<roman>{ROMAN})\s*[.\-–/)])\s*$")
# A Markdown list mark before a point's label ("- a) Văn bản …"): the converter's, not a bullet.
MD_LIST_POINT_RE = re.compile(r"^\s*[-*+]\s+(?=[a-zđ]\)\s+\S)")
BULLET_RE = re.compile(r"^\s*(?P<marker>[-–—+•●○◦▪■□➢►❖*·])\s*(?P<text>\S.*)$")

# Where the body stops: openers of the paragraphs that follow the last item ("Trân trọng cảm ơn./.", a courtesy close
# on its own line, is no part of the last item: heldout pair 16 matched it as a duty).
CLOSING_OPENER_RE = re.compile(
    r"^\s*(?:Trên\s+đây|Nhận\s+được|Trong\s+quá\s+trình|Quá\s+trình\s+thực\s+hiện|Đề\s+nghị\s+các|"
    r"Yêu\s+cầu\s+các|Ban\s+Thường\s+vụ\s+[^,.]{0,40}\s+(?:yêu\s+cầu|đề\s+nghị)|Đề\s+nghị\s+(?:các\s+)?đồng\s+chí|"
    r"Mọi\s+vướng\s+mắc|Nơi\s+nhận|Với\s+nội\s+dung\s+(?:trên|như\s+trên)|Trân\s+trọng(?![^\W_])|"
    r"(?:Mọi\s+)?[Tt]hông\s+tin\s+(?:chi\s+tiết\s+)?(?:xin\s+)?liên\s+hệ|"
    # the contact line: "Mọi ý kiến thắc mắc xin liên hệ …" (heldout pair 17), "Đầu mối liên hệ: …"
    r"Mọi\s+(?:ý\s+kiến\s+)?(?:thắc\s+mắc|khó\s+khăn)|(?:Đầu\s+mối|Chi\s+tiết(?:\s+xin)?)\s+liên\s+hệ|"
    r"Nếu\s+có\s+(?:khó\s+khăn|vướng\s+mắc|thắc\s+mắc))",
    re.I,
)
# Preamble verbs that name the source a letter carries out. "Theo đề nghị của … tại Tờ trình số …" is not one: a
# proposal comes from below, the body that decides does not carry it out. "Xét báo cáo số …, Phó Thủ tướng có ý
# kiến như sau" answers the document, as "nhận được" does.
IMPLEMENTS_VERB_RE = re.compile(
    # "thực hiện theo (đúng) hướng dẫn của Chỉ thị số …", "theo tinh thần, nội dung của Chỉ thị 02-CT/TU": the act
    # the text carries out, as a clerk says it.
    r"(?:^|[.;]\s*|\s)(?P<verb>Thực\s+hiện\s+theo\s+(?:đúng\s+)?(?:hướng\s+dẫn|chỉ\s+đạo|tinh\s+thần)(?:\s+(?:của|tại))?|"
    r"Theo\s+tinh\s+thần(?:\s*,\s*nội\s+dung)?(?:\s+(?:của|tại))?|"
    r"Thực\s+hiện(?:\s+(?:chỉ\s+đạo|ý\s+kiến\s+chỉ\s+đạo)\s+(?:của|tại))?|Căn\s+cứ|"
    r"Triển\s+khai(?:\s+thực\s+hiện)?|Thi\s+hành|Theo\s+(?:chỉ\s+đạo|hướng\s+dẫn)\s+(?:của|tại)|"
    r"Nhận\s+được|Xét(?=\s+(?:báo\s+cáo|công\s+văn|văn\s+bản)\s+số)|Thuc\s+hien|Can\s+cu|Trien\s+khai(?:\s+thuc\s+hien)?|Nhan\s+duoc)\b",
    re.I,
)
PREAMBLE_OPENER_RE = re.compile(
    r"^\s*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Thi\s+hành|Theo|Để|Nhằm|Năm\s+\d{4}|Ngày\s+\d|Qua|Trong|Hiện\s+nay)",
    re.I,
)

# --- transcription noise and attachments --------------------------------------------------------------
# "## I. MỤC TIÊU": Markdown heading marks (the text keeps the heading, the level is remembered).
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(?=\S)")
# A page number alone on its line: "2", "- 2 -", "Trang 2", "2/10".
PAGE_NUMBER_RE = re.compile(r"^(?:[-–—]\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?$")
# Endnotes exported with a back-link arrow; the number that opens a note.
BACKLINK_RE = re.compile(r"↑\s*$")
NOTE_START_RE = re.compile(r"^\s*(?:\[\^?\w+\]:?|\(?\d{1,3}[.)]?)\s")
# A PDF footnote at the foot of a page: its number, a space, its text (no "." or ")" after the number).
PAGE_NOTE_RE = re.compile(rf"^(?P<n>\d{{1,3}})\s+(?P<text>[{UP}\"“(].*)$")
# "(Ban hành kèm theo Quyết định số …)", "(Kèm theo Kế hoạch số …)": an attachment's issuing line.
ISSUED_WITH_RE = re.compile(
    r"^\s*[(\[]?\s*(?:[Bb]an\s+hành\s+)?[Kk]èm\s+theo\s+(?P<doc>(?i:quyết\s+định|nghị\s+quyết|kế\s+hoạch|"
    r"công\s+văn|văn\s+bản|thông\s+báo|hướng\s+dẫn|chỉ\s+thị|tờ\s+trình|thông\s+tư|nghị\s+định|chương\s+trình|"
    r"quy\s+định|báo\s+cáo|đề\s+án|thông\s+tri|kết\s+luận))\b"
)
# "PHỤ LỤC", "Phụ lục 1: DANH MỤC …", "PHỤ LỤC II", "PHỤ LỤC 1A", "Phụ lục số 02".
ANNEX_RE = re.compile(
    r"^\s*(?P<word>PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:[Ss]ố\s+)?(?P<no>[IVX]{1,5}|\d{1,2}[A-Za-z]?))?"
    r"\s*(?:[:.\-–]\s*(?P<title>.*))?$"
)
# Titles that open an attached document when they stand alone, upper case, on a line of their own.
ATTACHMENT_TITLE_RE = re.compile(
    r"^(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH|QUY\s+CHẾ|QUY\s+ĐỊNH|THỂ\s+LỆ|ĐỀ\s+CƯƠNG|ĐỀ\s+ÁN|HƯỚNG\s+DẪN|"
    r"PHƯƠNG\s+ÁN|DỰ\s+THẢO|DANH\s+MỤC|DANH\s+SÁCH|BÁO\s+CÁO|ĐIỀU\s+LỆ|NỘI\s+QUY|KHUNG|MẪU|BIỂU|"
    r"TỜ\s+TRÌNH|THÔNG\s+BÁO|QUYẾT\s+ĐỊNH|NGHỊ\s+QUYẾT|CÔNG\s+VĂN|TÀI\s+LIỆU|PHỤ\s+LỤC)\b"
)
