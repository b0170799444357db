"""Word (.docx) letters built in code (tests/docx_factory.py), parsed with `parsers.parse_letter`.

Each test guards one thing Word does that a reader of `document.xml` must get right: header and
signature tables, soft line breaks, automatic numbering from numbering.xml, legacy TCVN3 fonts,
NFD text, tracked changes, fields, content controls. Unit ids follow ../shared/eval/README.md.

Tests marked xfail(strict=True) document parser bugs found while writing them; each reason says
what is expected and what the parser gives instead.
"""

import hashlib
import unicodedata
from pathlib import Path

import pytest
from docx_factory import (
    CLOSING,
    OUTLINE,
    PARTY_LEFT,
    PARTY_RIGHT,
    PREAMBLE,
    STATE_RIGHT,
    LetterDocx,
    Lvl,
    R,
    field_runs,
    party_header,
    party_letter,
    signature_table,
    simple_letter,
    state_letter,
    sym_run,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from viparse.normalize.tables import convert
from viparse.normalize.tcvn3 import TCVN3

from models import Block, BlockKind, Item, Letter, SourceFormat, System, Tier
from parsers import parse_letter

# --- helpers --------------------------------------------------------------------------------------


def parse(letter: LetterDocx, tmp_path: Path, name: str = "letter.docx") -> Letter:
    return parse_letter(letter.save(tmp_path / name))


def items_by_id(letter: Letter) -> dict[str, Item]:
    return {item.id: item for item in letter.walk_items()}


def block_tree(blocks: list[Block]) -> list[tuple[str, str | None, str]]:
    """(id, marker, text) of every block, depth first."""
    out: list[tuple[str, str | None, str]] = []
    for b in blocks:
        out.append((b.id, b.marker, b.text))
        out.extend(block_tree(b.blocks))
    return out


def all_units(letter: Letter) -> list[tuple[str, str, str]]:
    """(where, text, norm) of every item, block, preamble and closing paragraph."""
    out = [(f"preamble/{k}", p.text, p.norm) for k, p in enumerate(letter.preamble, 1)]
    out += [(f"closing/{k}", p.text, p.norm) for k, p in enumerate(letter.closing, 1)]

    def blocks(bs: list[Block]) -> None:
        for b in bs:
            out.append((b.id, b.text, b.norm))
            blocks(b.blocks)

    for item in letter.walk_items():
        out.append((item.id, item.text, item.norm))
        blocks(item.blocks)
    return out


@pytest.fixture(scope="module")
def party(tmp_path_factory: pytest.TempPathFactory) -> Letter:
    return parse_letter(party_letter(tmp_path_factory.mktemp("party") / "1383-CV-BTGTU.docx"))


@pytest.fixture(scope="module")
def state(tmp_path_factory: pytest.TempPathFactory) -> Letter:
    return parse_letter(state_letter(tmp_path_factory.mktemp("state") / "125-KH-UBND.docx"))


# --- header table ---------------------------------------------------------------------------------


def test_party_header_table(party: Letter) -> None:
    """The Party header lives in a borderless two-column table (`Document.paragraphs` skips tables);
    "BAN TUYÊN GIÁO" / "*" and the two "V/v" lines are joined by soft line breaks (`w:br`)."""
    h = party.header
    assert h.parent_issuer == "TỈNH ỦY BÌNH PHƯỚC"
    assert h.issuer == "BAN TUYÊN GIÁO"
    assert h.motto == ["ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert (h.symbol, h.number, h.doc_type, h.issuer_code) == ("1383-CV/BTGTU", "1383", "CV", "BTGTU")
    assert h.place == "Bình Phước"
    assert h.date is not None and h.date.isoformat() == "2024-05-22"
    assert h.subject == "tiếp tục đẩy mạnh công tác tuyên truyền"
    assert h.title is None
    assert party.system is System.PARTY
    assert party.tier is Tier.PROVINCE
    assert not [w for w in party.warnings if w.code in ("no-header", "no-signature", "system")]


def test_party_recipients_and_preamble(party: Letter) -> None:
    """Body paragraphs between the two tables: "Kính gửi:" on its own line, "- " entries, then the
    preamble that names the implemented document."""
    assert [r.text for r in party.recipients] == ["Các ban xây dựng Đảng Tỉnh ủy,",
                                                  "Ban tuyên giáo các huyện, thị, thành ủy."]
    assert "Kính gửi:" in party.recipients[0].raw
    assert [p.text for p in party.preamble] == [PREAMBLE]
    implements = [c for c in party.citations if c.role.value == "implements"]
    assert [c.symbol for c in implements] == ["8371-CV/BTGTW"]


def test_state_header_table(state: Letter) -> None:
    """The state header: "ỦY BAN NHÂN DÂN" / "TỈNH BÌNH PHƯỚC" split by a soft line break in one cell,
    national name and motto in the other; the title "KẾ HOẠCH" and the subject follow the table as
    ordinary body paragraphs."""
    h = state.header
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC"
    assert h.parent_issuer is None
    assert h.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert (h.symbol, h.number, h.doc_type, h.issuer_code) == ("125/KH-UBND", "125", "KH", "UBND")
    assert (h.place, str(h.date)) == ("Bình Phước", "2024-05-22")
    assert h.title == "KẾ HOẠCH"
    assert h.subject == "Tuyên truyền kỷ niệm các ngày lễ lớn năm 2024"
    assert state.system is System.STATE
    assert state.tier is Tier.PROVINCE
    assert state.recipients == []
    assert [p.text[:6] for p in state.preamble] == ["Căn cứ"]


def test_state_subject_starting_with_preamble_verb(tmp_path: Path) -> None:
    """The subject under "KẾ HOẠCH" very often reads "Triển khai thực hiện …" or "Thực hiện …": it is
    still the trích yếu (it follows the title, before any "Căn cứ" paragraph)."""
    subject = "Triển khai thực hiện Công văn số 1383-CV/BTGTU của Ban Tuyên giáo Tỉnh ủy"
    letter = parse_letter(state_letter(tmp_path / "kh.docx", subject=subject))
    assert letter.header.subject == subject
    assert [p.text[:6] for p in letter.preamble] == ["Căn cứ"]


def test_header_table_two_rows_caps_field_and_nonbreaking_hyphen(tmp_path: Path) -> None:
    """A header table with two rows (issuer | party; number | date), where the issuer is typed in
    mixed case and shown upper case by the All Caps format (`w:caps`), the symbol holds a
    non-breaking hyphen (`w:noBreakHyphen`, Ctrl+Shift+-) and the day comes from a mail-merge field
    (only the field result `w:t` is text, not the `w:instrText` code)."""
    letter = LetterDocx()
    letter.table(
        [["TỈNH ỦY BÌNH PHƯỚC", R("Ban Tuyên giáo", caps=True), "*"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]],
        [["Số 1383\u2011CV/BTGTU", "V/v tiếp tục đẩy mạnh công tác tuyên truyền"],
         [["Bình Phước, ngày ", *field_runs(" MERGEFIELD NgayBanHanh ", "22"), " tháng 5 năm 2024"]]],
    )
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    signature_table(letter)
    h = parse(letter, tmp_path).header
    assert (h.parent_issuer, h.issuer) == ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO")
    assert h.symbol == "1383-CV/BTGTU"
    assert str(h.date) == "2024-05-22"
    assert "MERGEFIELD" not in h.raw


def test_header_laid_out_with_tabs_not_a_table(tmp_path: Path) -> None:
    """Older letters lay the header out with tab stops instead of a table: "TỈNH ỦY …<tab><tab>ĐẢNG
    CỘNG SẢN VIỆT NAM" in one paragraph; each side is a separate header line."""
    letter = LetterDocx()
    for text in ("TỈNH ỦY BÌNH PHƯỚC\t\tĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO", "*",
                 "Số 1383-CV/BTGTU\t\tBình Phước, ngày 22 tháng 5 năm 2024",
                 "V/v tiếp tục đẩy mạnh công tác tuyên truyền"):
        letter.para(text)
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    signature_table(letter)
    parsed = parse(letter, tmp_path)
    h = parsed.header
    assert (h.parent_issuer, h.issuer, h.motto) == ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO",
                                                    ["ĐẢNG CỘNG SẢN VIỆT NAM"])
    assert (h.symbol, h.place, str(h.date)) == ("1383-CV/BTGTU", "Bình Phước", "2024-05-22")
    assert h.subject == "tiếp tục đẩy mạnh công tác tuyên truyền"
    assert [i.id for i in parsed.walk_items()] == ["1"]


def test_header_cell_as_one_paragraph_of_soft_breaks(tmp_path: Path) -> None:
    """Every header line of a cell typed with Shift+Enter: one `w:p`, lines separated by `w:br`."""
    letter = LetterDocx()
    letter.table([["\n".join(("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "*", "Số 1383-CV/BTGTU",
                              "V/v tiếp tục đẩy mạnh", "công tác tuyên truyền"))],
                  ["ĐẢNG CỘNG SẢN VIỆT NAM\nBình Phước, ngày 22 tháng 5 năm 2024"]])
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    signature_table(letter)
    h = parse(letter, tmp_path).header
    assert (h.parent_issuer, h.issuer, h.symbol) == ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "1383-CV/BTGTU")
    assert h.subject == "tiếp tục đẩy mạnh công tác tuyên truyền"
    assert (h.place, str(h.date), h.motto) == ("Bình Phước", "2024-05-22", ["ĐẢNG CỘNG SẢN VIỆT NAM"])


def test_state_cong_van_symbol_without_type_code(tmp_path: Path) -> None:
    """A state công văn: "Số: 12/UBND-VX" has no type code (issuer, then drafting unit), a "V/v"
    over two soft-broken lines in the left cell, a district issuer and "KT." signature."""
    letter = LetterDocx()
    letter.table([["ỦY BAN NHÂN DÂN", "HUYỆN BÙ ĐĂNG", "Số: 12/UBND-VX",
                   "V/v triển khai thực hiện\nCông văn số 1383-CV/BTGTU"],
                  [*STATE_RIGHT[:2], R("Bù Đăng, ngày 02 tháng 6 năm 2024", italic=True)]])
    letter.para("Kính gửi:")
    letter.para("- Phòng Văn hóa và Thông tin huyện;")
    letter.para("- Ủy ban nhân dân các xã, thị trấn.")
    letter.para("Thực hiện Công văn số 1383-CV/BTGTU ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy, "
                "Ủy ban nhân dân huyện đề nghị:")
    letter.para("1. Phòng Văn hóa và Thông tin huyện chủ trì.")
    signature_table(letter, cc=("Như trên;", "Lưu: VT."), sign=("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Lê Văn C"))
    parsed = parse(letter, tmp_path)
    h = parsed.header
    assert (h.issuer, h.symbol, h.doc_type, h.issuer_code) == ("ỦY BAN NHÂN DÂN HUYỆN BÙ ĐĂNG", "12/UBND-VX",
                                                             "CV", "UBND")
    assert h.subject == "triển khai thực hiện Công văn số 1383-CV/BTGTU"
    assert (h.place, str(h.date)) == ("Bù Đăng", "2024-06-02")
    assert (parsed.system, parsed.tier) == (System.STATE, Tier.DISTRICT)
    assert [r.text for r in parsed.recipients] == ["Phòng Văn hóa và Thông tin huyện;",
                                                   "Ủy ban nhân dân các xã, thị trấn."]
    sig = parsed.signature
    assert sig is not None and (sig.authority, sig.position, sig.signer) == ("KT.", "PHÓ CHỦ TỊCH", "Lê Văn C")


# --- Word automatic numbering ---------------------------------------------------------------------


def test_auto_numbering_ids_and_labels(party: Letter) -> None:
    """Items numbered by Word (`w:numPr` → numbering.xml, lvl 0 "%1.", lvl 1 "%1.%2."): the labels
    are not in the text, they are rendered from numbering.xml and count as if typed; level 1
    restarts under each new level-0 item (2.1 after 1.2)."""
    items = party.walk_items()
    assert [i.id for i in items] == ["1", "1.1", "1.2", "2", "2.1"]
    assert [i.label for i in items] == ["1.", "1.1.", "1.2.", "2.", "2.1."]
    assert all(i.auto_numbered for i in items)
    assert [i.id for i in party.items] == ["1", "2"]
    assert [i.id for i in party.items[0].items] == ["1.1", "1.2"]
    by_id = items_by_id(party)
    assert by_id["1.1"].text == "Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng."
    assert by_id["1.1"].raw == by_id["1.1"].text  # no label in the source text
    assert by_id["2.1"].text.startswith("Tuyên truyền, vận động")


def test_auto_bullet_levels_nest_blocks(party: Letter) -> None:
    """Bullets from Word numbering (numFmt "bullet", lvl 2 "-" and lvl 3 "+") nest by their level
    (ilvl), not by a typed marker: ids 1.1/1, 1.1/1/1, 1.1/2."""
    item = items_by_id(party)["1.1"]
    assert block_tree(item.blocks) == [
        ("1.1/1", "-", "Kinh tế vĩ mô ổn định, lạm phát được kiểm soát."),
        ("1.1/1/1", "+", "GDP quý I/2024 ước tính tăng 5,66% so với cùng kỳ năm trước."),
        ("1.1/2", "-", "Các lĩnh vực văn hóa, xã hội được chú trọng."),
    ]
    assert all(b.kind is BlockKind.BULLET for b in item.blocks)
    assert items_by_id(party)["1.2"].blocks == []


def test_plain_paragraph_after_auto_item_is_a_block(party: Letter) -> None:
    """An un-numbered paragraph after an auto-numbered item belongs to it as a paragraph block."""
    blocks = items_by_id(party)["2"].blocks
    assert blocks[0].id == "2/1"
    assert blocks[0].kind is BlockKind.PARAGRAPH and blocks[0].marker is None
    assert blocks[0].text == "Bám sát cơ sở, nắm chắc tình hình tư tưởng của các tầng lớp Nhân dân."


def test_auto_numbering_roman_letters_and_symbol_bullets(tmp_path: Path) -> None:
    """A Word outline list with upperRoman "%1.", decimal "%2.", lowerLetter "%3)" and bullets drawn
    from Symbol (U+F0B7 → "•") and Courier New "o" (→ "◦"): labels render as "I.", "1.", "a)";
    ids get their parent's id prefixed (I.1, I.1.a) exactly as if typed."""
    def body(letter: LetterDocx) -> None:
        n = letter.define_list([Lvl("upperRoman", "%1."), Lvl("decimal", "%2."), Lvl("lowerLetter", "%3)"),
                                Lvl("bullet", "\uf0b7", font="Symbol"), Lvl("bullet", "o", font="Courier New")])
        for text, ilvl in (("MỤC ĐÍCH, YÊU CẦU", 0), ("Mục đích", 1), ("Nâng cao nhận thức", 2),
                           ("Cán bộ, đảng viên", 3), ("Trước hết là người đứng đầu", 4),
                           ("Nhân dân", 3), ("Yêu cầu", 1), ("NỘI DUNG", 0), ("Tuyên truyền", 1)):
            letter.numbered(text, n, ilvl)

    parsed = parse(simple_letter(body), tmp_path)
    items = parsed.walk_items()
    assert [(i.id, i.label) for i in items] == [("I", "I."), ("I.1", "1."), ("I.1.a", "a)"), ("I.2", "2."),
                                                ("II", "II."), ("II.1", "1.")]
    assert block_tree(items_by_id(parsed)["I.1.a"].blocks) == [
        ("I.1.a/1", "•", "Cán bộ, đảng viên"),
        ("I.1.a/1/1", "◦", "Trước hết là người đứng đầu"),
        ("I.1.a/2", "•", "Nhân dân"),
    ]


def test_typed_roman_sections_with_numbers_and_letters(state: Letter) -> None:
    """Labels typed in the text ("I. MỤC ĐÍCH, YÊU CẦU", "1. …", "a) …"): a label that does not
    contain its parent's label gets the parent's id and a dot (II.1, II.1.a)."""
    items = state.walk_items()
    assert [i.id for i in items] == ["I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "II.2", "III", "III.1"]
    by_id = items_by_id(state)
    assert [by_id[k].label for k in ("I", "II.1", "II.1.a", "III")] == ["I.", "1.", "a)", "III."]
    assert not any(i.auto_numbered for i in items)
    assert by_id["II"].text == "NỘI DUNG"
    assert by_id["II.1.a"].text == "Trên báo chí, đài phát thanh và truyền hình"
    assert by_id["II.1.a"].raw == "a) Trên báo chí, đài phát thanh và truyền hình"
    assert block_tree(by_id["I.1"].blocks) == [("I.1/1", "-", "Nâng cao nhận thức của cán bộ, công chức và Nhân dân.")]


def test_typed_bullets_nest_by_marker(state: Letter) -> None:
    """Typed "-" then "+" bullets: a new marker opens a deeper level (II.1.a/1/1)."""
    assert block_tree(items_by_id(state)["II.1.a"].blocks) == [
        ("II.1.a/1", "-", "Mở chuyên trang, chuyên mục."),
        ("II.1.a/1/1", "+", "Đăng tải tin, bài định kỳ."),
    ]


def test_lists_sharing_an_abstract_continue_unless_restarted(tmp_path: Path) -> None:
    """Two `w:num` on one abstractNum continue each other's count (Word shows "2." in section III);
    a num with `w:lvlOverride/w:startOverride` restarts it (section II starts again at "1.")."""
    def body(letter: LetterDocx) -> None:
        abstract = letter.add_abstract([Lvl("decimal", "%1.")])
        letter.para("I. MỤC ĐÍCH")
        first = letter.add_num(abstract)
        letter.numbered("Nâng cao nhận thức.", first)
        letter.numbered("Thống nhất hành động.", first)
        letter.para("II. NỘI DUNG")
        letter.numbered("Tuyên truyền trên báo chí.", letter.add_num(abstract, {0: 1}))
        letter.para("III. TỔ CHỨC THỰC HIỆN")
        letter.numbered("Các cơ quan phối hợp thực hiện.", letter.add_num(abstract))

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.label, i.auto_numbered) for i in parsed.walk_items()] == [
        ("I", "I.", False), ("I.1", "1.", True), ("I.2", "2.", True),
        ("II", "II.", False), ("II.1", "1.", True),
        ("III", "III.", False), ("III.2", "2.", True),
    ]


def test_start_value_and_start_override(tmp_path: Path) -> None:
    """`w:start` on a level and `w:startOverride` on a num: auto items continue typed ones ("3.")."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền sâu rộng.")
        letter.para("2. Phát huy vai trò của Nhân dân.")
        letter.numbered("Tăng cường kiểm tra.", letter.add_num(letter.add_abstract([Lvl("decimal", "%1.")]), {0: 3}))
        letter.numbered("Báo cáo kết quả.", letter.define_list([Lvl("decimal", "%1.", start=4)]))

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.auto_numbered) for i in parsed.items] == [("1", False), ("2", False), ("3", True), ("4", True)]
    assert not [w for w in parsed.warnings if w.code == "duplicate-item-id"]


def test_numbering_from_paragraph_style_and_numid_zero(tmp_path: Path) -> None:
    """Numbering inherited from a paragraph style (`w:style/w:pPr/w:numPr`, also through `basedOn`);
    a paragraph of that style with `w:numId w:val="0"` is explicitly not numbered."""
    def body(letter: LetterDocx) -> None:
        style = letter.paragraph_style("Muc so", num_id=letter.define_list(OUTLINE))
        child = letter.paragraph_style("Muc so con", based_on="Muc so")
        letter.para("Tuyên truyền sâu rộng chủ trương của Đảng.", style=style)
        letter.para("Đoạn giải thích không đánh số.", style=style, num=(0, 0))
        letter.para("Phát huy vai trò của Nhân dân.", style=child)

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.label, i.auto_numbered) for i in parsed.items] == [("1", "1.", True), ("2", "2.", True)]
    assert block_tree(parsed.items[0].blocks) == [("1/1", None, "Đoạn giải thích không đánh số.")]


def test_legal_numbering_renders_arabic(tmp_path: Path) -> None:
    """`w:isLgl` (legal style) renders every level of "%1.%2." as decimal, even under a Roman level 0:
    "1.1." under "I."; that label does not contain "I", so its id is "I.1.1"."""
    def body(letter: LetterDocx) -> None:
        n = letter.define_list([Lvl("upperRoman", "%1."), Lvl("decimal", "%1.%2.", legal=True)])
        letter.numbered("MỤC ĐÍCH, YÊU CẦU", n, 0)
        letter.numbered("Nâng cao nhận thức.", n, 1)

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.label) for i in parsed.walk_items()] == [("I", "I."), ("I.1.1", "1.1.")]


def test_numbering_through_list_style_link(tmp_path: Path) -> None:
    """Word's "Define New List Style": the paragraphs' abstractNum has only `w:numStyleLink`; the
    levels live in the abstractNum with the matching `w:styleLink`, reached through the style."""
    def body(letter: LetterDocx) -> None:
        n = letter.define_list_via_style(OUTLINE)
        letter.numbered("Tuyên truyền sâu rộng chủ trương của Đảng.", n, 0)
        letter.numbered("Quán triệt nghị quyết.", n, 1)
        letter.numbered("Phát huy vai trò của Nhân dân.", n, 0)

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.label, i.auto_numbered) for i in parsed.walk_items()] == [
        ("1", "1.", True), ("1.1", "1.1.", True), ("2", "2.", True)]


def test_deleted_numbered_paragraph_does_not_count(tmp_path: Path) -> None:
    """A numbered paragraph deleted with track changes on (runs in `w:del`, paragraph mark deleted)
    disappears once changes are accepted, so the next item is "2.", not "3."."""
    def body(letter: LetterDocx) -> None:
        n = letter.define_list(OUTLINE)
        letter.numbered("Tuyên truyền sâu rộng.", n)
        letter.para(R("Nội dung đã bị xóa.", track="del"), num=(n, 0), mark_deleted=True)
        letter.numbered("Phát huy vai trò của Nhân dân.", n)

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.text) for i in parsed.items] == [("1", "Tuyên truyền sâu rộng."),
                                                     ("2", "Phát huy vai trò của Nhân dân.")]


_LEVELS = (Lvl("decimal", "%1."), Lvl("decimal", "%1.%2."), Lvl("lowerLetter", "%3)"))


@st.composite
def _outlines(draw: st.DrawFn) -> list[int]:
    """Level sequences a writer can produce: start at 0, go at most one level deeper at a time."""
    levels = [0]
    for _ in range(draw(st.integers(0, 7))):
        levels.append(draw(st.integers(0, min(levels[-1] + 1, 2))))
    return levels


def _typed_labels(levels: list[int]) -> list[str]:
    counters = [0, 0, 0]
    out = []
    for lv in levels:
        counters[lv] += 1
        counters[lv + 1:] = [0] * (2 - lv)
        out.append([f"{counters[0]}.", f"{counters[0]}.{counters[1]}.", f"{'abcdefgh'[counters[2] - 1]})"][lv])
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(levels=_outlines())
def test_auto_numbering_counts_as_if_typed(tmp_path: Path, levels: list[int]) -> None:
    """Property (eval README): labels produced by Word's automatic numbering count exactly as if they
    were typed: the same outline built both ways gets the same ids and labels."""
    texts = [f"Nội dung số {k} của kế hoạch." for k in range(len(levels))]

    def auto(letter: LetterDocx) -> None:
        n = letter.define_list(_LEVELS)
        for text, lv in zip(texts, levels, strict=True):
            letter.numbered(text, n, lv)

    def typed(letter: LetterDocx) -> None:
        for text, label in zip(texts, _typed_labels(levels), strict=True):
            letter.para(f"{label} {text}")

    got_auto = parse(simple_letter(auto), tmp_path, "auto.docx").walk_items()
    got_typed = parse(simple_letter(typed), tmp_path, "typed.docx").walk_items()
    assert [(i.id, i.label, i.text) for i in got_auto] == [(i.id, i.label, i.text) for i in got_typed]
    assert all(i.auto_numbered for i in got_auto) and not any(i.auto_numbered for i in got_typed)


# --- legacy fonts and Unicode forms ---------------------------------------------------------------

TCVN3_CASES = [  # (as stored in a .VnTime run, with U+00AD for w:softHyphen) → Unicode
    ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ("Trung \u00ad¬ng", "Trung ương"),
    ("Thùc hiÖn C«ng v¨n sè 8371-CV/BTGTW", "Thực hiện Công văn số 8371-CV/BTGTW"),
    ("tØnh ñy b×nh ph\u00adíc", "tỉnh ủy bình phước"),
    ("ban th\u00adêng vô", "ban thường vụ"),
    ("s©u réng chñ tr\u00ad¬ng cña §¶ng", "sâu rộng chủ trương của Đảng"),
]


@pytest.mark.parametrize(("legacy", "unicode_text"), TCVN3_CASES)
def test_tcvn3_fixture_strings_are_what_viparse_says(legacy: str, unicode_text: str) -> None:
    """Sanity check of the test data itself: the TCVN3 strings used below mean what we expect."""
    assert convert(legacy, TCVN3, "NFC") == unicode_text


def test_tcvn3_runs_converted_by_font(tmp_path: Path) -> None:
    """Runs in a `.VnTime` font hold TCVN3 bytes as characters ("Uû ban nh©n d©n"); the letter "ư"
    is a `w:softHyphen` element, which python-docx's `Run.text` drops. Runs in Unicode fonts in the
    same paragraph stay as they are (decided per run, by font, never by guessing)."""
    def body(letter: LetterDocx) -> None:
        letter.para(R("1. ", font="Times New Roman"),
                    R("Uû ban nh©n d©n c¸c huyÖn phèi hîp víi Ban Tuyªn gi¸o Trung \u00ad¬ng.", font=".VnTime"))
        letter.para(R("2. Thùc hiÖn C«ng v¨n sè 8371-CV/BTGTW", font=".VnTime"),
                    R(" (bản chính)", font="Times New Roman"))

    parsed = parse(simple_letter(body), tmp_path)
    one, two = parsed.items
    assert (one.id, one.text) == ("1", "Uỷ ban nhân dân các huyện phối hợp với Ban Tuyên giáo Trung ương.")
    assert one.norm == "ủy ban nhân dân các huyện phối hợp với ban tuyên giáo trung ương."
    assert (two.id, two.text) == ("2", "Thực hiện Công văn số 8371-CV/BTGTW (bản chính)")
    assert any(w.code == "reader" and "legacy" in w.message for w in parsed.warnings)


def test_tcvn3_vntimeh_font_is_upper_case(tmp_path: Path) -> None:
    """TCVN3 has no tone-marked capitals: `.VnTimeH` draws lower-case codes as capitals, so text in
    that font must come out upper case (header issuer lines; "BAN THƯỜNG VỤ" in the body)."""
    letter = LetterDocx()
    party_header(letter, left=[R("tØnh ñy b×nh ph\u00adíc", font=".VnTimeH"), R("ban tuyªn gi¸o", font=".VnTimeH"),
                               "*", *PARTY_LEFT[2:]])
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. ", R("ban th\u00adêng vô", font=".VnTimeH"), " Huyện ủy chỉ đạo thực hiện.")
    signature_table(letter)
    parsed = parse(letter, tmp_path)
    assert (parsed.header.parent_issuer, parsed.header.issuer) == ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO")
    assert parsed.tier is Tier.PROVINCE
    assert parsed.items[0].text == "BAN THƯỜNG VỤ Huyện ủy chỉ đạo thực hiện."
    assert parsed.items[0].norm == "ban thường vụ huyện ủy chỉ đạo thực hiện."


def test_tcvn3_font_inherited_from_paragraph_style(tmp_path: Path) -> None:
    """The `.VnTime` font may be set on the paragraph style only; the runs have no `w:rFonts`."""
    def body(letter: LetterDocx) -> None:
        style = letter.paragraph_style("Van ban TCVN3", font=".VnTime")
        letter.para("1.\tTuyªn truyÒn s©u réng chñ tr\u00ad¬ng cña §¶ng.", style=style)

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.text) for i in parsed.items] == [("1", "Tuyên truyền sâu rộng chủ trương của Đảng.")]


def test_tcvn3_font_from_document_defaults(tmp_path: Path) -> None:
    """A whole document typed in `.VnTime` set as the default font (`w:docDefaults`); the header,
    retyped in Unicode, carries an explicit Unicode font and must not be converted."""
    letter = LetterDocx()
    letter.set_default_font(".VnTime")
    tnr = "Times New Roman"
    party_header(letter, left=[R(s, font=tnr) for s in PARTY_LEFT],
                 right=[R(s, font=tnr) if isinstance(s, str) else R(s.text, font=tnr) for s in PARTY_RIGHT])
    letter.para(R("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.", font=tnr))
    letter.para("Thùc hiÖn C«ng v¨n sè 8371-CV/BTGTW, Ban Tuyªn gi¸o TØnh ñy ®Ò nghÞ:")
    letter.para("1. Uû ban nh©n d©n c¸c huyÖn phèi hîp thùc hiÖn.")
    letter.table([[R("Nơi nhận:", font=tnr), R("- Lưu VPTU.", font=tnr)],
                   [R("T/M BAN THƯỜNG VỤ", font=tnr), R("Nguyễn Văn A", font=tnr)]])
    parsed = parse(letter, tmp_path)
    assert parsed.header.issuer == "BAN TUYÊN GIÁO"
    assert [p.text for p in parsed.preamble] == ["Thực hiện Công văn số 8371-CV/BTGTW, Ban Tuyên giáo Tỉnh ủy đề nghị:"]
    assert parsed.items[0].text == "Uỷ ban nhân dân các huyện phối hợp thực hiện."


def test_nfd_body_paragraph_comes_out_nfc(tmp_path: Path) -> None:
    """Word on macOS (and paste from some PDFs) stores text decomposed (NFD): base letter plus
    combining marks. `text` and `norm` are NFC; `raw` keeps the source exactly."""
    source = "2. Thực hiện tốt công tác hoà giải ở cơ sở và thuỷ lợi nội đồng."

    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
        letter.para(source, nfd=True)

    parsed = parse(simple_letter(body), tmp_path)
    item = items_by_id(parsed)["2"]
    assert item.label == "2."
    assert item.text == "Thực hiện tốt công tác hoà giải ở cơ sở và thuỷ lợi nội đồng."
    assert unicodedata.is_normalized("NFC", item.text)
    assert item.norm == "thực hiện tốt công tác hòa giải ở cơ sở và thủy lợi nội đồng."
    assert item.raw == unicodedata.normalize("NFD", source)


def test_nfd_header_and_signature(tmp_path: Path) -> None:
    """A whole letter saved decomposed: the header facts (issuer, place, date, symbol) and the
    signature are still recognised, and come out NFC."""
    nfd = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731
    letter = LetterDocx()
    letter.table([[nfd(s) for s in PARTY_LEFT],
                   [nfd("ĐẢNG CỘNG SẢN VIỆT NAM"), nfd("Bình Phước, ngày 22 tháng 5 năm 2024")]])
    letter.para(nfd("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy."))
    letter.para(nfd(PREAMBLE))
    letter.para(nfd("1. Tuyên truyền sâu rộng chủ trương của Đảng."))
    signature_table(letter, cc=[nfd("Như trên,"), nfd("Lưu VPTU.")],
                    sign=[nfd(s) for s in ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Văn A")])
    parsed = parse(letter, tmp_path)
    h = parsed.header
    assert (h.parent_issuer, h.issuer, h.place, str(h.date)) == ("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "Bình Phước",
                                                                 "2024-05-22")
    assert h.subject == "tiếp tục đẩy mạnh công tác tuyên truyền"
    assert [r.text for r in parsed.recipients] == ["Các ban xây dựng Đảng Tỉnh ủy."]
    assert [c.text for c in parsed.cc] == ["Như trên,", "Lưu VPTU."]
    sig = parsed.signature
    assert sig is not None and (sig.authority, sig.position, sig.signer) == ("T/M", "PHÓ BÍ THƯ", "Nguyễn Văn A")
    assert (parsed.system, parsed.tier) == (System.PARTY, Tier.PROVINCE)


def test_unicode_soft_hyphen_is_an_optional_hyphen(tmp_path: Path) -> None:
    """In a Unicode font `w:softHyphen` is only an optional hyphen: gone from `text`, kept in `raw`."""
    def body(letter: LetterDocx) -> None:
        letter.para(R("1. Đẩy mạnh chuyển đổi số, tuyên truy\u00adền trên không gian mạng.", font="Times New Roman"))

    item = parse(simple_letter(body), tmp_path).items[0]
    assert item.text == "Đẩy mạnh chuyển đổi số, tuyên truyền trên không gian mạng."
    assert "\u00ad" in item.raw


def test_text_is_nfc_and_norm_is_tone_canonical_lower_case(party: Letter, state: Letter, tmp_path: Path) -> None:
    """`norm` is the matching form: lower case, tone marks in the old position (hoà → hòa, thuỷ →
    thủy, uỷ → ủy), quotes and dashes made uniform; `text` keeps the writer's spelling."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Xây dựng “văn hoá” hoà nhập, Uỷ ban Thuỷ lợi – Khoẻ mạnh.")

    item = parse(simple_letter(body), tmp_path).items[0]
    assert item.text == "Xây dựng “văn hoá” hoà nhập, Uỷ ban Thuỷ lợi – Khoẻ mạnh."
    assert item.norm == 'xây dựng "văn hóa" hòa nhập, ủy ban thủy lợi - khỏe mạnh.'
    for letter in (party, state):
        for where, text, norm in all_units(letter):
            assert unicodedata.is_normalized("NFC", text), where
            assert norm == norm.lower() and unicodedata.is_normalized("NFC", norm), where
            assert not set(text) & {"\u00ad", "\u200b", "\ufeff"}, where


# --- tracked changes, fields, links, breaks, content controls -------------------------------------


def test_tracked_insertion_read_and_deletion_ignored(tmp_path: Path) -> None:
    """Track changes are read as accepted: a run inside `w:ins` is text, a run inside `w:del` (its
    text in `w:delText`) is not."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền ", R("sâu rộng ", track="ins"), R("qua loa ", track="del"),
                    "chủ trương của Đảng.")

    item = parse(simple_letter(body), tmp_path).items[0]
    assert item.text == "Tuyên truyền sâu rộng chủ trương của Đảng."
    assert "qua loa" not in item.raw


def test_tracked_move_read_once(tmp_path: Path) -> None:
    """Moved text appears twice in the XML (`w:moveFrom` at the old place, `w:moveTo` at the new);
    accepted, it is read once, at its new place."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền ", R("kết quả ", track="moveFrom"), "những ", R("kết quả ", track="moveTo"),
                    "nổi bật.")

    assert parse(simple_letter(body), tmp_path).items[0].text == "Tuyên truyền những kết quả nổi bật."


def test_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    """A tracked deletion of a paragraph mark (`w:pPr/w:rPr/w:del`) joins the paragraph to the next
    one once accepted: one item, not an item and a stray paragraph."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Đẩy mạnh công tác ", mark_deleted=True)
        letter.para("phòng, chống tham nhũng, tiêu cực.")
        letter.para("2. Tăng cường kiểm tra, giám sát.")

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.text, i.blocks) for i in parsed.items] == [
        ("1", "Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực.", []),
        ("2", "Tăng cường kiểm tra, giám sát.", [])]


def test_hyperlink_runs_are_text(tmp_path: Path) -> None:
    """Runs inside `w:hyperlink` belong to the paragraph text."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tăng cường tuyên truyền trên ", R("Cổng thông tin điện tử", link=True), " của tỉnh.")

    item = parse(simple_letter(body), tmp_path).items[0]
    assert item.text == "Tăng cường tuyên truyền trên Cổng thông tin điện tử của tỉnh."


def test_page_break_inside_paragraph_and_paragraph_split_across_pages(tmp_path: Path) -> None:
    """A manual page break inside a paragraph (`w:br w:type="page"`) does not end it; a paragraph
    the writer split at a page end (the next one goes on with a lower-case word) is one unit."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Phân tích bối cảnh tình hình trong nước\fvà thế giới năm 2025.")
        letter.para("2. Tuyên truyền mạnh mẽ các nhiệm vụ, giải pháp xây dựng, chỉnh đốn Đảng gắn với")
        letter.para("phòng, chống tham nhũng, tiêu cực.")
        letter.para("- Kinh tế vĩ mô ổn định, lạm phát")
        letter.para("được kiểm soát.")

    parsed = parse(simple_letter(body), tmp_path)
    one, two = parsed.items
    assert one.text == "Phân tích bối cảnh tình hình trong nước và thế giới năm 2025."
    assert two.text == ("Tuyên truyền mạnh mẽ các nhiệm vụ, giải pháp xây dựng, chỉnh đốn Đảng gắn với "
                        "phòng, chống tham nhũng, tiêu cực.")
    assert block_tree(two.blocks) == [("2/1", "-", "Kinh tế vĩ mô ổn định, lạm phát được kiểm soát.")]


def test_content_control_paragraphs_are_walked(tmp_path: Path) -> None:
    """Paragraphs inside a block content control (`w:sdt/w:sdtContent`, common in templates) are
    part of the body, in order."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
        letter.para("2. Phát huy vai trò của Nhân dân.")
        letter.para("- Bám sát cơ sở.")
        letter.wrap_last_in_sdt(2)
        letter.para("3. Tăng cường kiểm tra, giám sát.")

    parsed = parse(simple_letter(body), tmp_path)
    assert [i.id for i in parsed.items] == ["1", "2", "3"]
    assert block_tree(parsed.items[1].blocks) == [("2/1", "-", "Bám sát cơ sở.")]


def test_symbol_bullet_inserted_with_w_sym(tmp_path: Path) -> None:
    """A bullet typed with Insert > Symbol is a `w:sym` (Symbol font, char F0B7), not text: it is a
    "•" bullet block."""
    def body(letter: LetterDocx) -> None:
        letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
        letter.para(sym_run("F0B7", "Symbol"), "\tBám sát cơ sở.")

    assert block_tree(parse(simple_letter(body), tmp_path).items[0].blocks) == [("1/1", "•", "Bám sát cơ sở.")]


def test_tab_after_typed_label(tmp_path: Path) -> None:
    """Typed labels are often followed by a tab (`w:tab`), not a space: "1.<tab>…", "a)<tab>…"."""
    def body(letter: LetterDocx) -> None:
        letter.para("1.\tTuyên truyền sâu rộng.")
        letter.para("a)\tTrên báo chí.")

    parsed = parse(simple_letter(body), tmp_path)
    assert [(i.id, i.label, i.text) for i in parsed.walk_items()] == [
        ("1", "1.", "Tuyên truyền sâu rộng."), ("1.a", "a)", "Trên báo chí.")]


# --- "Kính gửi", "Nơi nhận", signature, closing ---------------------------------------------------


def test_signature_table(party: Letter) -> None:
    """Signature table: "Nơi nhận:" and "- " entries in the left cell, "T/M BAN THƯỜNG VỤ" /
    "PHÓ BÍ THƯ" / (blank line for the signature) / name in the right cell."""
    assert [c.text for c in party.cc] == ["Như trên,", "Lưu VPTU."]
    assert "Nơi nhận:" in party.cc[0].raw
    sig = party.signature
    assert sig is not None
    assert (sig.authority, sig.body, sig.position, sig.signer) == ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
                                                                   "Nguyễn Văn A")
    assert party.unplaced == []


def test_state_signature_table(state: Letter) -> None:
    """State signature ("TM." with a dot, Nghị định 30) and "Lưu: VT, VX." archive line."""
    assert [c.text for c in state.cc] == ["Ban Tuyên giáo Tỉnh ủy;", "Lưu: VT, VX."]
    sig = state.signature
    assert sig is not None
    assert (sig.authority, sig.body, sig.position, sig.signer) == ("TM.", "ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B")


def test_recipients_as_word_bullets(tmp_path: Path) -> None:
    """"Kính gửi:" entries formatted as a Word bullet list: the "-" is in numbering.xml, not the text."""
    letter = LetterDocx()
    party_header(letter)
    bullets = letter.define_list([Lvl("bullet", "-")])
    letter.para("Kính gửi:")
    letter.numbered("Các ban xây dựng Đảng Tỉnh ủy,", bullets)
    letter.numbered("Ban tuyên giáo các huyện, thị, thành ủy.", bullets)
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    signature_table(letter)
    parsed = parse(letter, tmp_path)
    assert [r.text for r in parsed.recipients] == ["Các ban xây dựng Đảng Tỉnh ủy,",
                                                   "Ban tuyên giáo các huyện, thị, thành ủy."]
    assert [p.text for p in parsed.preamble] == [PREAMBLE]


def test_cc_entries_as_word_bullets(tmp_path: Path) -> None:
    """"Nơi nhận:" entries formatted as a Word bullet list in the signature table's left cell: each
    bulleted paragraph is one entry, although no "-" is typed."""
    letter = LetterDocx()
    party_header(letter)
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    bullets = letter.define_list([Lvl("bullet", "-")])
    table = letter.table([[R("Nơi nhận:", bold=True)], ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "", "Nguyễn Văn A"]])
    left = table.rows[0].cells[0]
    for text in ("Như trên,", "Lưu VPTU."):
        letter.para(text, num=(bullets, 0), into=left.add_paragraph()._p)
    parsed = parse(letter, tmp_path)
    assert [c.text for c in parsed.cc] == ["Như trên,", "Lưu VPTU."]
    sig = parsed.signature
    assert sig is not None and (sig.authority, sig.position, sig.signer) == ("T/M", "PHÓ BÍ THƯ", "Nguyễn Văn A")


def test_closing_paragraph_after_last_item(party: Letter) -> None:
    """The closing paragraph ("Trên đây là …./.") follows the last item's content; it belongs to
    `closing`, not to the last item (eval README: text after the last item is not an item unit)."""
    assert [p.text for p in party.closing] == [CLOSING]
    assert items_by_id(party)["2.1"].blocks == []


def test_footer_laid_out_with_tabs(tmp_path: Path) -> None:
    """Footer without a table: "Nơi nhận:<tab><tab>T/M BAN THƯỜNG VỤ", "- Như trên,<tab><tab>PHÓ BÍ
    THƯ", "- Lưu VPTU.", "<tab><tab>Nguyễn Văn A": the left column is cc, the right the signature."""
    letter = LetterDocx()
    party_header(letter)
    letter.para("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy.")
    letter.para(PREAMBLE)
    letter.para("1. Tuyên truyền sâu rộng chủ trương của Đảng.")
    for text in ("Nơi nhận:\t\tT/M BAN THƯỜNG VỤ", "- Như trên,\t\tPHÓ BÍ THƯ", "- Lưu VPTU.", "",
                 "\t\tNguyễn Văn A"):
        letter.para(text)
    parsed = parse(letter, tmp_path)
    assert [c.text for c in parsed.cc] == ["Như trên,", "Lưu VPTU."]
    sig = parsed.signature
    assert sig is not None and (sig.authority, sig.position, sig.signer) == ("T/M", "PHÓ BÍ THƯ", "Nguyễn Văn A")
    sig = parsed.signature
    assert sig is not None
    assert (sig.authority, sig.body, sig.position, sig.signer) == ("T/M", "BAN THƯỜNG VỤ", "PHÓ BÍ THƯ",
                                                                   "Nguyễn Văn A")
    assert parsed.unplaced == []


# --- source ---------------------------------------------------------------------------------------


def test_source_fingerprint_and_file_untouched(tmp_path: Path) -> None:
    """`source` names the file, its format and sha256; parsing never writes to the input."""
    path = party_letter(tmp_path / "cv.docx")
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    letter = parse_letter(path)
    assert letter.source.format is SourceFormat.DOCX
    assert letter.source.path == str(path)
    assert letter.source.sha256 == hashlib.sha256(before[0]).hexdigest()
    assert letter.source.size_bytes == len(before[0])
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cv.docx"]

