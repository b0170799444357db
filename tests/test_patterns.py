"""Table-driven cases for the regular expressions of `parsers.patterns`, for the header facts they
feed (through `segment_letter`), and for `parsers.citations.find_citations`."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from models import RawBlock, RawDocument, Source
from parsers import patterns as P
from parsers.citations import find_citations
from parsers.normalise import clean_text
from parsers.segment import segment_letter
from parsers.symbols import SYMBOL_RE, Symbol, parse_symbol


def segment(lines: list[str]):
    raw = RawDocument(
        source=Source(path="x.txt", format="txt", sha256="0", size_bytes=0),
        blocks=[RawBlock(text=line) for line in lines],
    )
    return segment_letter(raw)


def groups(m) -> dict:
    return {k: v for k, v in m.groupdict().items() if v is not None}


# --- document symbols -------------------------------------------------------------------------------

PARTY_SYMBOLS = [
    ("Số 1383-CV/BTGTU", "1383", "CV", "BTGTU"),
    ("94- KH/BTGDVTW", "94", "KH", "BTGDVTW"),
    ("05-QC/BTCTU-BDVTU", "05", "QC", "BTCTU-BDVTU"),
    ("08-QĐi/TW", "08", "QĐi", "TW"),
    ("45–KH/ThU", "45", "KH", "ThU"),
    ("21 - KL / TW", "21", "KL", "TW"),
    ("36-HD/VPTW,", "36", "HD", "VPTW"),
]


def _symbol(text: str) -> Symbol | None:
    """The one symbol parser, as the header and the citation finder use it: find, then read."""
    m = SYMBOL_RE.search(text)
    return parse_symbol(m.group(0)) if m else None


@pytest.mark.parametrize(("text", "no", "doc_type", "issuer"), PARTY_SYMBOLS)
def test_party_symbol(text, no, doc_type, issuer):
    s = _symbol(text)
    assert s is not None and s.party
    assert (s.number, s.doc_type, s.issuer_code) == (no, doc_type, issuer)


STATE_SYMBOLS = [
    ("Số: 125/KH-UBND", "125", None, "KH", "UBND"),
    ("12/UBND-VX", "12", None, "CV", "UBND"),  # a state công văn has no type code
    ("30/2020/NĐ-CP", "30", 2020, "NĐ", "CP"),
    ("1206 /QĐ-HVTC", "1206", None, "QĐ", "HVTC"),
    ("700/QĐ-TTg", "700", None, "QĐ", "TTg"),
    ("02/2011/TTLT-VPCP-BNV", "02", 2011, "TTLT", "VPCP-BNV"),
    ("22/CT-TW", "22", None, "CT", "TW"),  # a Party directive cited the state way
    ("30c/NQ-CP", "30c", None, "NQ", "CP"),  # a number with a letter
    ("30a/2008/NĐ-CP", "30a", 2008, "NĐ", "CP"),
]


@pytest.mark.parametrize(("text", "no", "year", "doc_type", "issuer"), STATE_SYMBOLS)
def test_state_symbol(text, no, year, doc_type, issuer):
    s = _symbol(text)
    assert s is not None and not s.party
    assert (s.number, s.year, s.doc_type, s.issuer_code) == (no, year, doc_type, issuer)


@pytest.mark.parametrize(
    "text",
    ["1383-CV/BTGTU", "21-KL/TW", "08-QĐi/TW"],
)
def test_party_symbol_is_not_a_state_symbol(text):
    s = _symbol(text)
    assert s is not None and s.party


@pytest.mark.parametrize(("written", "text", "doc_type", "issuer_code"), [
    ("61/2018/NĐCP", "61/2018/NĐ-CP", "NĐ", "CP"), ("1961/QĐUBND", "1961/QĐ-UBND", "QĐ", "UBND"),
    ("01/2018/TTVPCP", "01/2018/TT-VPCP", "TT", "VPCP"), ("30c/NQCP", "30c/NQ-CP", "NQ", "CP"),
])
def test_state_symbol_that_lost_its_hyphen(written, text, doc_type, issuer_code):
    """Read after "số" (the finder's weak one-code form): a PDF dropped the type/issuer hyphen."""
    s = parse_symbol(written)
    assert s is not None and (s.text, s.doc_type, s.issuer_code) == (text, doc_type, issuer_code)


@pytest.mark.parametrize(("written", "issuer_code"), [("45/UBND", "UBND"), ("12/BCĐ", "BCĐ"), ("7/HĐND", "HĐND"),
                                                      ("3/SGDĐT", "SGDĐT")])
def test_one_code_is_never_split(written, issuer_code):
    """A công văn's one code stays whole: only a type code glued to an unmistakable issuer is split."""
    s = parse_symbol(written)
    assert s is not None and (s.text, s.doc_type, s.issuer_code) == (written, "CV", issuer_code)


@given(no=st.integers(1, 99999), year=st.sampled_from(["", "2018/"]),
       doc_type=st.sampled_from(["QĐ", "NĐ", "TT", "KH", "NQ", "CT", "TB", "BC", "HD", "TTr"]),
       issuer=st.sampled_from(["UBND", "HĐND", "CP", "TTg", "VPCP", "BGDĐT", "BLĐTBXH", "SYT", "STNMT"]))
def test_lost_hyphen_reads_as_the_real_symbol(no, year, doc_type, issuer):
    """A state symbol whose type/issuer hyphen a PDF lost reads as the symbol with the hyphen."""
    assert parse_symbol(f"{no}/{year}{doc_type}{issuer}") == parse_symbol(f"{no}/{year}{doc_type}-{issuer}")


@pytest.mark.parametrize("text", ["5/2024", "tỷ lệ 3/4", "25/10/2021", "I/2024", "2021 - 2025"])
def test_not_symbols(text):
    assert _symbol(text) is None


SO_LINES = [
    ("Số 1383-CV/BTGTU", {"no": "1383", "sep": "-", "tail": "CV/BTGTU"}),
    ("Số: 125/KH-UBND", {"no": "125", "sep": "/", "tail": "KH-UBND"}),
    ("Số: 12/UBND-VX", {"no": "12", "sep": "/", "tail": "UBND-VX"}),
    ("Số: 30/2020/NĐ-CP", {"no": "30", "sep": "/", "tail": "2020/NĐ-CP"}),
    ("Số 45–KH/ThU", {"no": "45", "sep": "–", "tail": "KH/ThU"}),
    ("Số: /KH-UBND", {"sep": "/", "tail": "KH-UBND"}),  # draft: number left blank
]


@pytest.mark.parametrize(("line", "expected"), SO_LINES)
def test_so_line(line, expected):
    m = P.SO_LINE_RE.match(line)
    assert m is not None
    assert groups(m) == expected


@pytest.mark.parametrize("line", ["Sở Nội vụ", "Số liệu 2024 tăng", "1383-CV/BTGTU"])
def test_not_so_lines(line):
    assert P.SO_LINE_RE.match(line) is None


# Header facts, through segment_letter on a minimal state letter.
HEADER_SYMBOLS = [
    ("Số 1383-CV/BTGTU", "1383-CV/BTGTU", "1383", "CV", "BTGTU"),
    ("Số 94- KH/BTGDVTW", "94-KH/BTGDVTW", "94", "KH", "BTGDVTW"),
    ("Số 05-QC/BTCTU-BDVTU", "05-QC/BTCTU-BDVTU", "05", "QC", "BTCTU-BDVTU"),
    ("Số 08-QĐi/TW", "08-QĐi/TW", "08", "QĐi", "TW"),
    ("Số 45–KH/ThU", "45-KH/ThU", "45", "KH", "ThU"),
    ("Số: 125/KH-UBND", "125/KH-UBND", "125", "KH", "UBND"),
    ("Số: 12/UBND-VX", "12/UBND-VX", "12", "CV", "UBND"),  # state công văn: no type code
    ("Số: 30/2020/NĐ-CP", "30/2020/NĐ-CP", "30", "NĐ", "CP"),
    ("Số: 1206 /QĐ-HVTC", "1206/QĐ-HVTC", "1206", "QĐ", "HVTC"),
    ("Số: 700/QĐ-TTg", "700/QĐ-TTg", "700", "QĐ", "TTg"),
    pytest.param(
        "Số: 02/2011/TTLT-VPCP-BNV", "02/2011/TTLT-VPCP-BNV", "02", "TTLT", "VPCP-BNV"
    ),
    pytest.param(
        "Số:      /KH-UBND", "/KH-UBND", None, "KH", "UBND"
    ),
]

STATE_LETTER = [
    "ỦY BAN NHÂN DÂN",
    "TỈNH BÌNH PHƯỚC",
    "{so}",
    "V/v tăng cường công tác tuyên truyền",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "{date}",
    "Kính gửi: Sở Nội vụ.",
    "1. Nội dung thứ nhất.",
    "2. Nội dung thứ hai.",
    "TM. ỦY BAN NHÂN DÂN",
    "CHỦ TỊCH",
    "Nguyễn Văn A",
]


def state_letter(so: str = "Số: 125/KH-UBND", date: str = "Bình Phước, ngày 5 tháng 6 năm 2024"):
    return segment([line.format(so=so, date=date) for line in STATE_LETTER])


@pytest.mark.parametrize(("so", "symbol", "number", "doc_type", "issuer_code"), HEADER_SYMBOLS)
def test_header_symbol(so, symbol, number, doc_type, issuer_code):
    h = state_letter(so=so).header
    assert (h.symbol, h.number, h.doc_type, h.issuer_code) == (symbol, number, doc_type, issuer_code)
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"


def test_state_letter_facts():
    letter = state_letter()
    h = letter.header
    assert h.place == "Bình Phước"
    assert h.date == dt.date(2024, 6, 5)
    assert h.subject == "tăng cường công tác tuyên truyền"
    assert h.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert letter.system.value == "state"
    assert letter.tier.value == "province"
    assert [r.text for r in letter.recipients] == ["Sở Nội vụ."]
    assert [i.id for i in letter.walk_items()] == ["1", "2"]
    sig = letter.signature
    assert sig is not None
    assert (sig.authority, sig.body, sig.position, sig.signer) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A")


# --- place and date lines ---------------------------------------------------------------------------

PLACE_DATES = [
    ("Bình Phước, ngày 22 tháng 5 năm 2024", "Bình Phước", "22", "5", "2024"),
    ("TP. Hồ Chí Minh, ngày 01 tháng 12 năm 2023", "TP. Hồ Chí Minh", "01", "12", "2023"),
    ("Đồng Xoài, ngày 9 tháng 02 năm 2025", "Đồng Xoài", "9", "02", "2025"),
    ("Hà Nội, ngày tháng 6 năm 2024", "Hà Nội", None, "6", "2024"),  # draft: day left blank
    ("Hà Nội, ngày    tháng   năm 2024", "Hà Nội", None, None, "2024"),  # draft: day and month blank
    ("Bình Phước, Ngày 22 Tháng 5 Năm 2024", "Bình Phước", "22", "5", "2024"),
]


@pytest.mark.parametrize(("line", "place", "d", "m", "y"), PLACE_DATES)
def test_place_date(line, place, d, m, y):
    match = P.PLACE_DATE_RE.search(clean_text(line))
    assert match is not None
    assert (match["place"].strip(), match["d"], match["m"], match["y"]) == (place, d, m, y)


@pytest.mark.parametrize("line", ["ngày 22 tháng 5 năm 2024", "Bình Phước, năm 2024", "Hà Nội, ngày 5/6/2024"])
def test_not_place_date(line):
    assert P.PLACE_DATE_RE.search(line) is None


@pytest.mark.parametrize(
    ("date_line", "place", "date", "warning"),
    [
        ("Bình Phước, ngày 5 tháng 6 năm 2024", "Bình Phước", dt.date(2024, 6, 5), None),
        ("Hà Nội, ngày 31 tháng 6 năm 2024", "Hà Nội", None, "bad-date"),
        ("Hà Nội, ngày tháng 6 năm 2024", "Hà Nội", None, "incomplete-date"),
        pytest.param(
            "Hà Nội, ngày      tháng 6 năm 2024", "Hà Nội", None, "incomplete-date"
        ),
    ],
)
def test_header_place_and_date(date_line, place, date, warning):
    letter = state_letter(date=date_line)
    assert (letter.header.place, letter.header.date) == (place, date)
    codes = {w.code for w in letter.warnings}
    if warning:
        assert warning in codes
    else:
        assert not codes & {"bad-date", "incomplete-date"}


DATES = [
    ("ngày 25/10/2021", ("25", "10", "2021")),
    ("25-10-2021", ("25", "10", "2021")),
    ("25.10.2021", ("25", "10", "2021")),
    ("1/2/2024", ("1", "2", "2024")),
    ("ngày 29 tháng 05 năm 2012", ("29", "05", "2012")),
]


@pytest.mark.parametrize(("text", "dmy"), DATES)
def test_date(text, dmy):
    m = P.DATE_RE.search(text)
    assert m is not None
    assert (m["d"] or m["d2"], m["m"] or m["m2"], m["y"] or m["y2"]) == dmy


@pytest.mark.parametrize("text", ["32/10/2021", "125/10/2021", "10/2021", "2021/10/25", "25/13/2021", "1/2/1850"])
def test_not_date(text):
    assert P.DATE_RE.search(text) is None


# --- header, recipient and signature lines ----------------------------------------------------------

@pytest.mark.parametrize(
    ("regex", "line", "matches"),
    [
        (P.NATIONAL_RE, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        (P.NATIONAL_RE, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", True),
        (P.NATIONAL_RE, "ĐẢNG CỘNG SẢN VIỆT NAM", False),
        (P.NATIONAL_RE, "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM", True),  # a PDF font mapped "XÃ " to one letter
        (P.NATIONAL_RE, "CONG HÒA XÃ HOI CHỦ NGHĨA VIỆT NAM", True),  # OCR lost some marks, kept others
        (P.NATIONAL_RE, "Cộng hòa xã hội chủ nghĩa Việt Nam", False),  # prose names the state, not the header
        (P.MOTTO_RE, "Độc lập - Tự do - Hạnh phúc", True),
        (P.MOTTO_RE, "Độc lập – Tự do – Hạnh phúc", True),
        (P.PARTY_HEADER_RE, "ĐẢNG CỘNG SẢN VIỆT NAM", True),
        (P.STAR_RE, "*", True),
        (P.STAR_RE, "   ***  ", True),
        (P.STAR_RE, "* x", False),
        (P.RULE_RE, "-------", True),
        (P.RULE_RE, "___", True),
        (P.RULE_RE, "--", False),
        (P.TITLE_RE, "KẾ HOẠCH", True),
        (P.TITLE_RE, "CHƯƠNG TRÌNH HÀNH ĐỘNG", True),
        (P.TITLE_RE, "KẾ HOẠCH SỐ 5", False),
        (P.POSITION_RE, "PHÓ BÍ THƯ", True),
        (P.POSITION_RE, "CHỦ TỊCH", True),
        (P.POSITION_RE, "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", True),
        (P.POSITION_RE, "BAN THƯỜNG VỤ", False),
        (P.END_MARK_RE, "Đề nghị các đơn vị thực hiện./.", True),
        (P.END_MARK_RE, "Đề nghị các đơn vị thực hiện.", False),
        (P.SIGNED_NOTE_RE, "(Đã ký)", True),
        (P.SIGNED_NOTE_RE, "Ký, ghi rõ họ tên", True),
    ],
)
def test_line_patterns(regex, line, matches):
    assert bool(regex.search(line)) is matches


@pytest.mark.parametrize(
    ("line", "subject"),
    [
        ("V/v tiếp tục đẩy mạnh công tác tuyên truyền", "tiếp tục đẩy mạnh công tác tuyên truyền"),
        ("V/V tăng cường công tác", "tăng cường công tác"),
        ("V/v: tổ chức hội nghị", "tổ chức hội nghị"),
        ("Về việc tổ chức hội nghị", "tổ chức hội nghị"),
        ("Việc tổ chức", None),
    ],
)
def test_vv(line, subject):
    m = P.VV_RE.match(line)
    assert (m["subject"] if m else None) == subject


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Kính gửi:", ""),
        ("Kính gửi: Sở Nội vụ.", "Sở Nội vụ."),
        ("- Kính gửi: Các huyện ủy", "Các huyện ủy"),
        ("Kính trình: Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy"),
        ("Kính gửi các đồng chí", "các đồng chí"),
        ("Kính chúc", None),
    ],
)
def test_kinh_gui(line, rest):
    m = P.KINH_GUI_RE.match(line)
    assert (m["rest"] if m else None) == rest


@pytest.mark.parametrize(
    ("line", "rest"),
    [("Nơi nhận:", ""), ("Nơi nhận: - Như trên,", "- Như trên,"), ("NƠI NHẬN", ""), ("Nơi ở", None)],
)
def test_noi_nhan(line, rest):
    m = P.NOI_NHAN_RE.match(line)
    assert (m["rest"] if m else None) == rest


@pytest.mark.parametrize(
    ("line", "auth", "rest"),
    [
        ("T/M BAN THƯỜNG VỤ", "T/M", "BAN THƯỜNG VỤ"),
        ("K/T TRƯỞNG BAN", "K/T", "TRƯỞNG BAN"),
        ("T/L BAN THƯỜNG VỤ", "T/L", "BAN THƯỜNG VỤ"),
        ("TM. ỦY BAN NHÂN DÂN", "TM", "ỦY BAN NHÂN DÂN"),
        ("KT. CHỦ TỊCH", "KT", "CHỦ TỊCH"),
        ("TL. BỘ TRƯỞNG", "TL", "BỘ TRƯỞNG"),
        ("TUQ. CHỦ TỊCH", "TUQ", "CHỦ TỊCH"),
        ("Q. GIÁM ĐỐC", "Q", "GIÁM ĐỐC"),
        ("Tm. ban", None, None),
        ("TM ban thường vụ", None, None),
    ],
)
def test_signature_authority(line, auth, rest):
    m = P.SIGN_AUTH_RE.match(line)
    assert ((m["auth"], m["rest"]) if m else (None, None)) == (auth, rest)


# --- numbered items and bullets ---------------------------------------------------------------------

ITEMS = [
    ("I. Mục tiêu", "roman", "I"),
    ("II- Nhiệm vụ", "roman", "II"),
    ("IV. Tổ chức thực hiện", "roman", "IV"),
    ("XII. Khác", "roman", "XII"),
    ("1. Nội dung", "num", "1"),
    ("12. Nội dung", "num", "12"),
    ("1- Nội dung", "num", "1"),
    ("1) Nội dung", "num", "1"),
    ("1.1. Nội dung", "dotted", "1.1"),
    ("1.2.3 Nội dung", "dotted", "1.2.3"),
    ("1.1) Nội dung", "dotted", "1.1"),
    ("a) Nội dung", "alpha", "a"),
    ("đ) Nội dung", "alpha", "đ"),
    ("b. Nội dung", "alpha", "b"),
    ("Điều 1. Phạm vi điều chỉnh", "heading", "Điều 1"),
    ("PHẦN I. MỞ ĐẦU", "heading", "PHẦN I"),
    ("Chương II: Tổ chức", "heading", "Chương II"),
    ("  1. indented", "num", "1"),
]


@pytest.mark.parametrize(("line", "kind", "label"), ITEMS)
def test_item_label(line, kind, label):
    m = P.ITEM_RE.match(line)
    assert m is not None
    assert m[kind] == label
    assert m["text"] == line.split(maxsplit=2 if kind == "heading" else 1)[-1]


@pytest.mark.parametrize(
    "line",
    ["- bullet", "+ bullet", "• bullet", "5 năm qua", "2024. x", "25.10.2021 x", "123. x", "A) x", "1.x", "I.x",
     "XL. x", "3.000 người", "Nội dung", "1.", ""],
)
def test_not_item(line):
    assert P.ITEM_RE.match(line) is None


@pytest.mark.parametrize(
    ("line", "marker", "text"),
    [("- x", "-", "x"), ("– x", "–", "x"), ("+ x", "+", "x"), ("• x", "•", "x"), ("-x", "-", "x"),
     ("   ➢ x", "➢", "x"), ("-", None, None), ("x - y", None, None)],
)
def test_bullet(line, marker, text):
    m = P.BULLET_RE.match(line)
    assert ((m["marker"], m["text"]) if m else (None, None)) == (marker, text)


@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("Trên đây là nội dung hướng dẫn", True),
        ("Nhận được Công văn này, đề nghị", True),
        ("Trong quá trình thực hiện, nếu có vướng mắc", True),
        ("Ban Thường vụ Huyện ủy yêu cầu các đơn vị", True),
        ("Tuyên truyền sâu rộng", False),
    ],
)
def test_closing_opener(line, closing):
    assert bool(P.CLOSING_OPENER_RE.match(line)) is closing


# --- citations --------------------------------------------------------------------------------------

CITATIONS = [
    # (text, symbol, number, doc_type, issuer_code, date, kind)
    ("Công văn số 8371-CV/BTGTW, ngày 10/5/2024", "8371-CV/BTGTW", "8371", "CV", "BTGTW", dt.date(2024, 5, 10),
     "Công văn"),
    ("Kết luận số 21-KL/TW, ngày 25/10/2021", "21-KL/TW", "21", "KL", "TW", dt.date(2021, 10, 25), "Kết luận"),
    ("Kế hoạch số 94- KH/BTGDVTW, ngày 25-10-2021", "94-KH/BTGDVTW", "94", "KH", "BTGDVTW", dt.date(2021, 10, 25),
     "Kế hoạch"),
    ("Quy chế 05-QC/BTCTU-BDVTU", "05-QC/BTCTU-BDVTU", "05", "QC", "BTCTU-BDVTU", None, "Quy chế"),
    ("Quy định 08-QĐi/TW", "08-QĐi/TW", "08", "QĐi", "TW", None, "Quy định"),
    ("Kế hoạch 45–KH/ThU", "45-KH/ThU", "45", "KH", "ThU", None, "Kế hoạch"),
    ("Kế hoạch số 125/KH-UBND ngày 1/2/2024", "125/KH-UBND", "125", "KH", "UBND", dt.date(2024, 2, 1), "Kế hoạch"),
    ("Công văn số 12/UBND-VX ngày 25-10-2021", "12/UBND-VX", "12", "CV", "UBND", dt.date(2021, 10, 25), "Công văn"),
    ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "30/2020/NĐ-CP", "30", "NĐ", "CP", dt.date(2020, 3, 5), "Nghị định"),
    ("Quyết định số 1206 /QĐ-HVTC, ngày 29 tháng 05 năm 2012", "1206/QĐ-HVTC", "1206", "QĐ", "HVTC",
     dt.date(2012, 5, 29), "Quyết định"),
    ("Quyết định 700/QĐ-TTg", "700/QĐ-TTg", "700", "QĐ", "TTg", None, "Quyết định"),
    ("Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV", "02/2011/TTLT-VPCP-BNV", "02", "TTLT", "VPCP-BNV", None,
     "Thông tư liên tịch"),
    ("Chỉ thị số 22/CT-TW", "22/CT-TW", "22", "CT", "TW", None, "Chỉ thị"),
    ("Kế hoạch số 125/KH-UBND ngày 31/2/2024", "125/KH-UBND", "125", "KH", "UBND", None, "Kế hoạch"),
    ("Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011", "30c/NQ-CP", "30c", "NQ", "CP", dt.date(2011, 11, 8),
     "Nghị quyết"),
    ("Thông tư số 01/2018/TTVPCP ngày 23/11/2018", "01/2018/TT-VPCP", "01", "TT", "VPCP", dt.date(2018, 11, 23),
     "Thông tư"),
]


@pytest.mark.parametrize(("text", "symbol", "number", "doc_type", "issuer_code", "date", "kind"), CITATIONS)
def test_numbered_citation(text, symbol, number, doc_type, issuer_code, date, kind):
    (c,) = find_citations(text)
    assert (c.symbol, c.number, c.doc_type, c.issuer_code, c.date, c.kind) == (
        symbol, number, doc_type, issuer_code, date, kind,
    )
    assert c.name is None
    assert text[c.start : c.end] == c.text
    assert c.year == (date.year if date else c.year)


def test_citation_year_from_symbol():
    (c,) = find_citations("Nghị định số 30/2020/NĐ-CP")
    assert c.year == 2020


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc tiếp tục",
         "Ban Tuyên giáo Trung ương"),
        ("Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương khóa XIII về đẩy mạnh",
         "Ban Chấp hành Trung ương khóa XIII"),
        ("Kết luận số 01-KL/TW của Bộ Chính trị về tiếp tục", "Bộ Chính trị"),
        ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư", "Chính phủ"),
        ("Kế hoạch số 125/KH-UBND ngày 1/2/2024 của UBND tỉnh về việc", "UBND tỉnh"),
        ("Công văn số 8371-CV/BTGTW", None),
    ],
)
def test_citation_issuing_body(text, body):
    (c,) = find_citations(text)
    assert c.issuing_body == body


@pytest.mark.parametrize(
    ("text", "kind", "name", "body"),
    [
        ("nhất là Nghị quyết Trung ương 4 khóa XII và", "Nghị quyết", "Trung ương 4 khóa XII", None),
        ("Nghị quyết Đại hội XIII của Đảng", "Nghị quyết", "Đại hội XIII", "Đảng"),
        ("Căn cứ Luật Tổ chức chính quyền địa phương", "Luật", "Tổ chức chính quyền địa phương", None),
        ("thực hiện Chỉ thị Ban Bí thư", "Chỉ thị", "Ban Bí thư", None),
    ],
)
def test_named_only_citation(text, kind, name, body):
    (c,) = find_citations(text)
    assert c.symbol is None
    assert c.number is None
    assert (c.kind, c.name, c.issuing_body) == (kind, name, body)


@pytest.mark.parametrize(
    "text",
    ["các nghị quyết, chỉ thị, kết luận của Đảng", "năm 2021 - 2025", "ngày 29 tháng 05 năm 2012", "tăng 5,66%",
     "quý I/2024", "Nghị quyết"],
)
def test_no_citation(text):
    assert find_citations(text) == []


def test_bare_unknown_state_symbol_is_too_weak():
    assert find_citations("theo 3/ABC-XY nọ") == []


def test_two_citations_in_order():
    found = find_citations(
        "nhất là Nghị quyết Trung ương 4 khóa XII và Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành "
        "Trung ương khóa XIII về đẩy mạnh"
    )
    assert [(c.symbol, c.name) for c in found] == [(None, "Trung ương 4 khóa XII"), ("21-KL/TW", None)]
    assert found[0].end <= found[1].start


# --- roles ------------------------------------------------------------------------------------------

ROLE_CASES = [
    # (text, symbols or names that implement, in order of the found citations)
    ("Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc tiếp tục",
     [True]),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;", [True]),
    ("Triển khai Kế hoạch số 94-KH/BTGDVTW, ngày 25-10-2021 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo",
     [True]),
    ("Triển khai thực hiện Chỉ thị số 05-CT/TW, Ban Thường vụ", [True]),
    ("Thực hiện Quyết định số 700/QĐ-TTg và Kế hoạch số 125/KH-UBND, Sở đề nghị", [True, True]),
    ("Thực hiện Công văn số 8371-CV/BTGTW của Ban Tuyên giáo Trung ương về việc tuyên truyền Kết luận số 21-KL/TW",
     [True, False]),
    ("Thực hiện Công văn số 1232-CV/BTGTU, ngày 23/5/2024 “về việc tiếp tục đẩy mạnh công tác tuyên truyền "
     "Nghị quyết Đại hội XIII của Đảng”", [True, False]),
    ("Trong năm qua, Tỉnh ủy đã ban hành Kế hoạch số 12-KH/TU. Thực hiện Chỉ thị số 05-CT/TW, Ban Thường vụ",
     [False, True]),
    ("Ban hành kèm theo Quyết định số 700/QĐ-TTg", [False]),
    ("Kết luận số 21-KL/TW của Ban Chấp hành Trung ương", [False]),
    pytest.param(
        "Thực hiện Công văn số 8371-CV/BTGTW về việc thực hiện Kết luận số 21-KL/TW", [True, False]
    ),
]


@pytest.mark.parametrize(("text", "implements"), ROLE_CASES)
def test_roles(text, implements):
    found = find_citations(text, with_roles=True)
    assert [c.implements for c in found] == implements


@pytest.mark.parametrize("text", [getattr(case, "values", case)[0] for case in ROLE_CASES])
def test_no_roles_without_with_roles(text):
    assert not any(c.implements for c in find_citations(text))


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Thực hiện Công văn", "Thực hiện"),
        ("Căn cứ Luật", "Căn cứ"),
        ("Triển khai thực hiện Chỉ thị", "Triển khai thực hiện"),
        ("Thực hiện chỉ đạo của Ban Thường vụ", "Thực hiện chỉ đạo của"),
        ("Theo hướng dẫn tại Công văn", "Theo hướng dẫn tại"),
        ("Thi hành Luật", "Thi hành"),
    ],
)
def test_implements_verb(text, verb):
    m = P.IMPLEMENTS_VERB_RE.search(text)
    assert m is not None
    assert m["verb"] == verb
