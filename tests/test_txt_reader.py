"""One small letter saved the ways .txt letters arrive (encodings, line endings, tabs, Markdown and
Word-export leftovers): every variant parses to the same letter, with NFC display text."""

import codecs
import unicodedata
from pathlib import Path

import pytest

from models import Letter
from parsers import parse_letter, read_txt

LETTER = [
    "TỈNH ỦY BÌNH PHƯỚC",
    "BAN TUYÊN GIÁO",
    "*",
    "Số 1383-CV/BTGTU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bình Phước, ngày 22 tháng 5 năm 2024",
    "V/v tiếp tục đẩy mạnh công tác tuyên truyền",
    "Kính gửi:",
    "- Các ban xây dựng Đảng Tỉnh ủy,",
    "- Ban tuyên giáo các huyện, thị, thành ủy.",
    "Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương về việc tiếp tục đẩy mạnh "
    "công tác tuyên truyền, Ban Tuyên giáo Tỉnh ủy đề nghị thực hiện tốt một số nội dung sau:",
    "1. Chỉ đạo tổ chức tốt công tác thông tin, tuyên truyền theo định hướng như sau:",
    "1.1. Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng về hoà bình, thuỷ lợi.",
    "1.2. Tuyên truyền những kết quả nổi bật của đất nước, cụ thể:",
    "- Kinh tế vĩ mô ổn định, lạm phát được kiểm soát.",
    "+ Tăng cường quản lý giá cả, thị trường.",
    "+ Khẩn trương sắp xếp lại các đơn vị hành chính.",
    "- Các lĩnh vực văn hóa, xã hội được chú trọng.",
    "1.3. Gắn với việc thực hiện “Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”.",
    "2. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
    "- Tiếp tục tuyên truyền, quán triệt các chủ trương của Đảng.",
    "- Phối hợp tổ chức các lớp bồi dưỡng kỹ năng.",
    "Nơi nhận:",
    "- Như trên,",
    "- Lưu VT.",
    "T/M BAN THƯỜNG VỤ",
    "PHÓ BÍ THƯ",
    "Nguyễn Văn Khoẻ",
]
EXPECTED_IDS = ["1", "1.1", "1.2", "1.2/1", "1.2/1/1", "1.2/1/2", "1.2/2", "1.3", "2", "2/1", "2/2"]

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 writes Vietnamese: base letters (ă, â, ê, ô, ơ, ư, đ are single bytes)
    followed by a combining tone mark. Plain NFD cannot be encoded: cp1258 has no combining breve,
    circumflex or horn."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tone = "".join(p for p in parts if p in TONES)
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
        out.append(base + tone)
    return "".join(out).encode("cp1258")


def markdown(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if line in ("T/M BAN THƯỜNG VỤ",):
            line = f"**{line}"
        elif line == "PHÓ BÍ THƯ":
            line = f"{line}**"
        elif line.startswith("V/v"):
            line = f"*{line}*"
        elif line.startswith("Bình Phước"):
            line = f"[bookmark: _GoBack]{line}"
        out.append(line.replace("“Học tập", "“*Học tập").replace("Minh”", "Minh*”").replace("- ", "\\- ", 1)
                   if line.startswith("1.3.") or line.startswith("- Như") else line)
    return [*out[:8], "", "[bookmark: _GoBack]", *out[8:]]


def tabs(lines: list[str]) -> list[str]:
    """Indentation by tabs, as Word exports a centred header and indented paragraphs."""
    return [f"\t{line}" if k < 8 or line.startswith(("-", "+")) else f"\t\t{line}" if k > 21 else line
            for k, line in enumerate(lines)]


def text_of(lines: list[str], newline: str = "\n") -> str:
    return newline.join(lines) + newline


VARIANTS: dict[str, bytes] = {
    "utf-8": text_of(LETTER).encode("utf-8"),
    "utf-8-bom": codecs.BOM_UTF8 + text_of(LETTER).encode("utf-8"),
    "utf-8-nfd": unicodedata.normalize("NFD", text_of(LETTER)).encode("utf-8"),
    "utf-16": text_of(LETTER).encode("utf-16"),
    "utf-16-be-bom": codecs.BOM_UTF16_BE + text_of(LETTER).encode("utf-16-be"),
    "utf-16-le-no-bom": text_of(LETTER).encode("utf-16-le"),
    "cp1258": windows_1258(text_of(LETTER)),
    "cp1258-crlf": windows_1258(text_of(LETTER, "\r\n")),
    "crlf": text_of(LETTER, "\r\n").encode("utf-8"),
    "cr": text_of(LETTER, "\r").encode("utf-8"),
    "tabs": text_of(tabs(LETTER)).encode("utf-8"),
    "markdown": text_of(markdown(LETTER)).encode("utf-8"),
    "markdown-crlf-bom": codecs.BOM_UTF8 + text_of(markdown(LETTER), "\r\n").encode("utf-8"),
    "blank-lines": text_of([x for line in LETTER for x in (line, "")]).encode("utf-8"),
}


def facts(letter: Letter) -> dict:
    """What every variant must agree on."""
    h = letter.header
    sig = letter.signature
    return {
        "ids": _ids(letter),
        "header": {k: v for k, v in h.model_dump().items() if k != "raw"},
        "signature": sig and {k: v for k, v in sig.model_dump().items() if k != "raw"},
        "recipients": [r.text for r in letter.recipients],
        "cc": [r.text for r in letter.cc],
        "preamble": [p.text for p in letter.preamble],
        "items": [(i.id, i.label, i.text) for i in letter.walk_items()],
        "citations": [(c.symbol, c.name, c.role, c.where, c.date) for c in letter.citations],
        "system": letter.system,
        "tier": letter.tier,
    }


def _ids(letter: Letter) -> list[str]:
    out = []

    def blocks(bs):
        for b in bs:
            out.append(b.id)
            blocks(b.blocks)

    def items(its):
        for i in its:
            out.append(i.id)
            blocks(i.blocks)
            items(i.items)

    items(letter.items)
    return out


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Letter:
    path = tmp_path_factory.mktemp("ref") / "letter.txt"
    path.write_bytes(VARIANTS["utf-8"])
    return parse_letter(path)


def test_reference_letter(reference):
    assert _ids(reference) == EXPECTED_IDS
    h = reference.header
    assert (h.symbol, h.issuer, h.parent_issuer, h.place, str(h.date)) == (
        "1383-CV/BTGTU", "BAN TUYÊN GIÁO", "TỈNH ỦY BÌNH PHƯỚC", "Bình Phước", "2024-05-22",
    )
    assert h.subject == "tiếp tục đẩy mạnh công tác tuyên truyền"
    sig = reference.signature
    assert sig is not None
    assert (sig.authority, sig.body, sig.position, sig.signer) == (
        "T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn Khoẻ",
    )
    assert [r.text for r in reference.recipients] == [
        "Các ban xây dựng Đảng Tỉnh ủy,", "Ban tuyên giáo các huyện, thị, thành ủy.",
    ]
    assert [r.text for r in reference.cc] == ["Như trên,", "Lưu VT."]
    assert [c.symbol for c in reference.citations if c.role == "implements"] == ["8371-CV/BTGTW"]
    assert reference.tier.value == "province"
    assert reference.system.value == "party"


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_parses_like_the_reference(tmp_path, reference, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(VARIANTS[name])
    letter = parse_letter(path)
    assert _ids(letter) == EXPECTED_IDS
    assert facts(letter) == facts(reference)


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_text_is_nfc(tmp_path, name):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(VARIANTS[name])
    dumped = parse_letter(path).model_dump()
    strings: list[tuple[str, str]] = []

    def visit(o, key=""):
        if isinstance(o, dict):
            for k, v in o.items():
                visit(v, k)
        elif isinstance(o, list):
            for v in o:
                visit(v, key)
        elif isinstance(o, str) and key != "raw":
            strings.append((key, o))

    visit(dumped)
    bad = [(k, s) for k, s in strings if not unicodedata.is_normalized("NFC", s)]
    assert not bad
    assert not [(k, s) for k, s in strings if k in ("text", "norm") and ("\t" in s or "\ufeff" in s)]


@pytest.mark.parametrize(
    ("name", "encoding_note"),
    [
        ("utf-8", None),
        ("utf-8-bom", None),
        ("utf-16", "decoded as utf-16"),
        ("utf-16-le-no-bom", "decoded as utf-16-le"),
        ("cp1258", "decoded as cp1258"),
    ],
)
def test_reader_notes_the_encoding(tmp_path, name, encoding_note):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(VARIANTS[name])
    raw = read_txt(path)
    assert raw.notes == ([encoding_note] if encoding_note else [])
    assert len([b for b in raw.blocks if b.text.strip()]) == len(LETTER)
    assert not raw.blocks[0].text.startswith("\ufeff")


def test_reader_keeps_the_source_text(tmp_path):
    """Blocks are the decoded lines, nothing normalised: NFD stays NFD, tabs and Markdown stay."""
    path = tmp_path / "x.txt"
    path.write_bytes(VARIANTS["utf-8-nfd"])
    assert [b.text for b in read_txt(path).blocks][:2] == [unicodedata.normalize("NFD", s) for s in LETTER[:2]]
    path.write_bytes(VARIANTS["markdown"])
    assert "**T/M BAN THƯỜNG VỤ" in [b.text for b in read_txt(path).blocks]


def test_raw_keeps_markdown_and_nfd(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(VARIANTS["markdown"])
    letter = parse_letter(path)
    assert letter.signature is not None
    assert "**T/M BAN THƯỜNG VỤ" in letter.signature.raw
    (item,) = [i for i in letter.walk_items() if i.id == "1.3"]
    assert "*Học tập" in item.raw
    assert "*" not in item.text
    path.write_bytes(VARIANTS["cp1258"])
    (item,) = [i for i in parse_letter(path).walk_items() if i.id == "1.1"]
    assert not unicodedata.is_normalized("NFC", item.raw)
    assert unicodedata.normalize("NFC", item.raw) == "1.1. " + item.text


# A two-column layout: a Word table (or tab-aligned text) exported to .txt puts both columns on one
# line, separated by tabs: issuer | motto, star | place and date, cc | signature.
TWO_COLUMNS = [
    "TỈNH ỦY BÌNH PHƯỚC\t\t\tĐẢNG CỘNG SẢN VIỆT NAM",
    "BAN TUYÊN GIÁO",
    "*\t\t\tBình Phước, ngày 22 tháng 5 năm 2024",
    "Số 1383-CV/BTGTU",
    *LETTER[6:22],
    "Nơi nhận:\t\t\tT/M BAN THƯỜNG VỤ",
    "- Như trên,\t\t\tPHÓ BÍ THƯ",
    "- Lưu VT.",
    "",
    "\t\t\tNguyễn Văn Khoẻ",
]


def test_two_column_layout(tmp_path, reference):
    path = tmp_path / "cols.txt"
    path.write_text(text_of(TWO_COLUMNS), encoding="utf-8")
    letter = parse_letter(path)
    assert _ids(letter) == EXPECTED_IDS
    assert facts(letter) == facts(reference)


def test_path_may_be_a_string(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes(VARIANTS["utf-8"])
    assert _ids(parse_letter(str(path))) == EXPECTED_IDS
    assert Path(parse_letter(path).source.path) == path


def test_literal_line_break_escapes_are_the_letters_breaks(tmp_path):
    """A scraper saved the page's breaks as the four characters '\\r\\n' (half B's b06): the header and the
    items are read as from the letter with its lines, and the reader says what it did."""
    lines = ["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Số: 54/KH-UBND", "Lạng Sơn, ngày 27 tháng 3 năm 2020", "KẾ HOẠCH",
             "Thực hiện Quyết định số 1896/QĐ-TTg ngày 25/12/2019 của Thủ tướng Chính phủ, UBND tỉnh xây dựng "
             "Kế hoạch như sau:", "1. Mục tiêu chung", "Cải thiện tình trạng dinh dưỡng.", "2. Mục tiêu cụ thể",
             "a) Giảm tỷ lệ suy dinh dưỡng."]
    escaped, plain = tmp_path / "escaped.txt", tmp_path / "plain.txt"
    escaped.write_text("\\r\\n".join(lines) + "\n", encoding="utf-8")
    plain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a, b = parse_letter(escaped), parse_letter(plain)
    assert (a.header.symbol, a.header.date, a.tier) == (b.header.symbol, b.header.date, b.tier)
    assert [i.label for i in a.items] == [i.label for i in b.items] == ["1.", "2."]
    assert [i.label for i in a.items[1].items] == ["a)"]
    assert any("escapes" in w.message for w in a.warnings)


def test_a_backslash_in_a_letter_is_not_an_escape(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_text("Kính gửi: Các đơn vị.\nĐường dẫn C:\\new\\tai-lieu, mục \\r\\n một lần.\n", encoding="utf-8")
    assert len(read_txt(path).blocks) == 3
