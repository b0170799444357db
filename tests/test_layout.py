"""Positioned words → raw blocks (`parsers.readers.layout`), on pages laid out in code.

Each page is built like a printed A4 letter in 13 pt type (left margin 85 pt, right margin 540 pt):
words are boxes whose width follows their letters, so the tests state the geometry they exercise —
a centred two-column header, justified paragraphs, an indented first line, a page number, a running
footer, a signature table pushed over a page break — without LibreOffice or Tesseract.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.readers.layout import Page, Word, blocks_from_pages

SIZE = 13.0
LEFT, RIGHT = 85.0, 540.0
PITCH = 16.0
EM = 0.5 * SIZE  # width of an average letter


def width(text: str) -> float:
    return len(text) * EM


def words_at(text: str, x: float, y: float, justify_to: float | None = None, **kw: object) -> list[Word]:
    """`text` set from x on the baseline y; with `justify_to`, spaces stretched so the line ends there."""
    parts = text.split()
    natural = sum(width(p) for p in parts) + EM * (len(parts) - 1)
    space = EM if justify_to is None or len(parts) < 2 else EM + (justify_to - x - natural) / (len(parts) - 1)
    out, cursor = [], x
    for p in parts:
        out.append(Word(p, cursor, cursor + width(p), y - SIZE * 0.8, y + SIZE * 0.2, SIZE, **kw))
        cursor += width(p) + space
    return out


def centred(text: str, centre: float, y: float) -> list[Word]:
    return words_at(text, centre - width(text) / 2, y)


def paragraph(text: str, y: float, indent: float = 0.0) -> tuple[list[Word], float]:
    """Wrap `text` between the margins (justified, last line ragged); returns words and the next baseline."""
    words, line, x0 = [], [], LEFT + indent
    for word in text.split():
        trial = " ".join([*line, word])
        if x0 + width(trial) > RIGHT and line:
            words += words_at(" ".join(line), x0, y, justify_to=RIGHT)
            y += PITCH
            line, x0 = [word], LEFT
        else:
            line.append(word)
    if line:
        words += words_at(" ".join(line), x0, y)
    return words, y + PITCH


LONG = ("Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng, chính sách, pháp luật Nhà nước trên các "
        "lĩnh vực; đề cao vai trò, trách nhiệm của cấp ủy đảng, chính quyền, đoàn thể các cấp.")


def header_page() -> Page:
    w: list[Word] = []
    w += centred("TỈNH ỦY BÌNH PHƯỚC", 160, 60) + centred("ĐẢNG CỘNG SẢN VIỆT NAM", 410, 60)
    w += centred("BAN TUYÊN GIÁO", 160, 76)
    w += centred("*", 160, 92) + centred("Bình Phước, ngày 22 tháng 5 năm 2024", 410, 92)
    w += centred("Số 1383-CV/BTGTU", 160, 108)
    w += centred("V/v tiếp tục đẩy mạnh", 160, 124) + centred("công tác tuyên truyền", 160, 140)
    w += centred("Kính gửi: Các ban xây dựng Đảng Tỉnh ủy", 297, 180)
    body, y = paragraph("1. " + LONG, 220)
    w += body
    body, y = paragraph("2. Bám sát cơ sở, nắm chắc tình hình tư tưởng của các tầng lớp Nhân dân.", y)
    w += body
    return Page(1, 595, 842, w)


def texts(blocks, **where):
    return [b.text for b in blocks if all(getattr(b, k) == v for k, v in where.items())]


def test_centred_header_columns_become_table_cells():
    blocks, _ = blocks_from_pages([header_page()])
    assert texts(blocks, table=0, cell=0) == ["TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "*", "Số 1383-CV/BTGTU",
                                             "V/v tiếp tục đẩy mạnh", "công tác tuyên truyền"]
    assert texts(blocks, table=0, cell=1) == ["ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Phước, ngày 22 tháng 5 năm 2024"]
    body = [t for t in texts(blocks, table=None) if t]
    assert body[0] == "Kính gửi: Các ban xây dựng Đảng Tỉnh ủy"  # centred under the table, not in it
    assert body[1] == "1. " + LONG  # the wrapped item is one paragraph
    assert body[2].startswith("2. Bám sát")


def test_indented_first_line_starts_a_paragraph_even_after_a_full_line():
    first, y = paragraph(LONG + " " + LONG, 100)
    second, _ = paragraph(LONG, y, indent=2 * SIZE)
    blocks, _ = blocks_from_pages([Page(1, 595, 842, first + second)])
    assert [b.text for b in blocks if b.text] == [LONG + " " + LONG, LONG]


def test_item_label_after_a_full_line_ending_a_sentence_starts_an_item():
    """The previous line runs to the margin (justified) and ends with ':'; the next opens '1.1.'."""
    words = words_at("Chỉ đạo tổ chức tốt công tác thông tin, tuyên truyền theo định hướng như sau:", LEFT, 100,
                     justify_to=RIGHT)
    words += words_at("1.1. Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng.", LEFT, 100 + PITCH)
    blocks, _ = blocks_from_pages([Page(1, 595, 842, words)])
    assert [b.text[:4] for b in blocks] == ["Chỉ ", "1.1."]


def test_page_break_joins_the_paragraph_and_drops_page_furniture():
    text = LONG + " " + LONG + " " + LONG
    words, _ = paragraph(text, 700)
    split = next(k for k, w in enumerate(words) if w.bottom > 760)  # lines below 760 go to page 2
    page1 = words[:split] + words_at("Trang thông tin Ban Tuyên giáo", LEFT, 820)
    moved = [Word(w.text, w.x0, w.x1, w.top - 700, w.bottom - 700, w.size) for w in words[split:]]
    page2 = centred("2", 297, 30) + moved + words_at("Trang thông tin Ban Tuyên giáo", LEFT, 820)
    more, _ = paragraph(LONG, 200)
    page2 += more
    blocks, notes = blocks_from_pages([Page(1, 595, 842, page1), Page(2, 595, 842, page2)])
    assert [b.text for b in blocks if b.text] == [text, LONG]
    assert notes == ["dropped 3 page numbers and running headers or footers"]


def test_signature_table_pushed_over_a_page_break_is_one_table():
    body, y = paragraph(LONG, 700)
    page1 = body + words_at("Nơi nhận:", LEFT, y + PITCH) + centred("T/M BAN THƯỜNG VỤ", 420, y + PITCH)
    page2 = words_at("- Như trên,", LEFT, 60) + centred("PHÓ BÍ THƯ", 420, 60)
    page2 += words_at("- Lưu VPTU.", LEFT, 76) + centred("Nguyễn Văn A", 420, 150)
    blocks, _ = blocks_from_pages([Page(1, 595, 842, page1), Page(2, 595, 842, page2)])
    assert texts(blocks, table=0, cell=0) == ["Nơi nhận:", "- Như trên,", "- Lưu VPTU."]
    assert texts(blocks, table=0, cell=1) == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"]
    assert [b.page for b in blocks if b.table == 0 and b.cell == 1] == [1, 2, 2]


def test_list_label_with_a_wide_tab_is_not_a_column():
    words = words_at("1.1.", LEFT, 100) + words_at("Tuyên truyền sâu rộng chủ trương của Đảng.", LEFT + 4 * SIZE, 100)
    blocks, _ = blocks_from_pages([Page(1, 595, 842, words)])
    assert [(b.table, b.text) for b in blocks] == [(None, "1.1. Tuyên truyền sâu rộng chủ trương của Đảng.")]


def test_bold_paragraph_keeps_its_style_and_ocr_confidence_is_averaged():
    words = words_at("CHƯƠNG TRÌNH HÀNH ĐỘNG", LEFT, 100, bold=True)
    words += [Word(w.text, w.x0, w.x1, w.top, w.bottom, w.size, conf=c)
              for w, c in zip(words_at("Tuyên truyền sâu rộng", LEFT, 140), (0.9, 0.5, 0.9, 0.9), strict=True)]
    blocks, _ = blocks_from_pages([Page(1, 595, 842, words)])
    assert [(b.style, b.confidence) for b in blocks if b.text] == [("bold", None), (None, round(
        (0.9 * 6 + 0.5 * 6 + 0.9 * 3 + 0.9 * 3) / 18, 3))]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["Tuyên", "truyền", "chủ", "trương", "Đảng", "1.", "-", "của", "tỉnh,"]),
                         min_size=1, max_size=30), min_size=1, max_size=6))
def test_no_word_is_lost_or_reordered(paragraphs: list[list[str]]):
    """Whatever the wrap, every word comes out once, in reading order."""
    words, y = [], 80.0
    for para in paragraphs:
        placed, y = paragraph(" ".join(para), y)
        words += placed
    blocks, _ = blocks_from_pages([Page(1, 595, 842, words)])
    assert " ".join(b.text for b in blocks if b.text).split() == [w for p in paragraphs for w in p]
