"""An OCR'd plan whose item labels the scan damaged ("§." for 8., "6..." for 6., "l." for 1., bench/heldout_pairs
17) reads them as the numbers its list needs there; a damaged-looking token that no list needs stays text."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import SENTENCES, item_ids, letter_text, parse_lines

# What OCR prints for a label, by the number it damaged (an 8's loops, a 1's stroke, a 0's ring, a dot repeated).
GLYPHS = {8: ("§.", "S.", "$.", "B."), 1: ("l.",), 10: ("1O.", "lO.")}  # "|." opens a Markdown table row


def _outline(n: int, damaged: int, printed: str) -> list[str]:
    return [f"{printed if k == damaged else f'{k}.'} {SENTENCES[(k - 1) % len(SENTENCES)]}." for k in range(1, n + 1)]


def _top_ids(lines: list[str]) -> list[str]:
    letter = parse_lines(letter_text(lines).splitlines())
    return [it.id for it in letter.items]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_one_damaged_label_in_an_outline_reads_as_the_number_its_list_needs(data):
    n = data.draw(st.integers(min_value=2, max_value=10), label="items")
    damaged = data.draw(st.integers(min_value=1, max_value=n), label="damaged")
    forms = [f"{damaged}...", f"{damaged}…", *GLYPHS.get(damaged, ())]
    printed = data.draw(st.sampled_from(forms), label="printed")
    assert _top_ids(_outline(n, damaged, printed)) == [str(k) for k in range(1, n + 1)]


def test_a_damaged_8_over_its_dotted_points_takes_them_back():
    lines = [*_outline(7, 0, ""), "§. _ Thực hiện báo cáo định kỳ như sau:", "8.1. Cung cấp thông tin đầu mối.",
             "8.2. Báo cáo kết quả hằng quý."]
    letter = parse_lines(letter_text(lines).splitlines())
    assert item_ids(letter)[-3:] == ["8", "8.1", "8.2"]
    assert letter.items[-1].label.startswith("§")  # the label is kept as printed; only the id reads it


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["§ 3 của Luật này quy định thời hạn nộp hồ sơ.", "6... Sau đó các đơn vị tổng hợp báo cáo.",
                        "S. Nguyễn Văn A đã nộp hồ sơ.", "§. Theo quy định tại khoản 2."]),
       st.integers(min_value=1, max_value=3))
def test_a_section_sign_or_an_ellipsis_no_list_needs_stays_text(line, after):
    lines = [*_outline(after, 0, ""), line]  # the line follows item `after`; no list needs its number there
    ids = _top_ids(lines)
    assert ids == [str(k) for k in range(1, after + 1)]


def test_a_prose_letter_with_a_dotted_ellipsis_has_no_items():
    letter = parse_lines(letter_text(["Các đơn vị rà soát hồ sơ, báo cáo kết quả trước ngày 15.",
                                      "6... Trên cơ sở đó, Sở tổng hợp và báo cáo UBND tỉnh."]).splitlines())
    assert not letter.items


def test_a_damaged_label_whose_number_the_list_prints_is_not_read():
    lines = [*_outline(5, 0, ""), "6... Trên cơ sở phân tích rủi ro.", "6. Tăng cường thanh tra.", "7. Báo cáo."]
    assert _top_ids(lines) == ["1", "2", "3", "4", "5", "6", "7"]  # "6..." is 5's text: 6 is printed after it
