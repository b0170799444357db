"""Labels an OCR damaged, read back from the sequence they stand in (bench/heldout_pairs 13, 14): Roman section
labels printed "H." (II), "Il." (III after II), "1." (I, where the document shows other damage), glued to their
heading ("I.MỤC"), a second "II." that is III; letters taken for their look-alikes ("đ)" for d, "e)" and "©)" for
c); OCR page-break lines and footers as page furniture. A real "1." list is never made Roman."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from letter_factory import build_letter, item, item_ids

TITLES = ("MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG CHÍNH SÁCH", "TỔ CHỨC THỰC HIỆN")
# How OCR prints each section label (a reader still reads I, II, III from the sequence)
DAMAGE = {
    0: ("l. {t}", "!. {t}", "I.{t}"),  # not "|.": a line opening with "|" is a flattened table row
    1: ("H. {t}", "IL {t}", "Il. {t}", "ll. {t}", "Il{t}"),
    2: ("m. {t}", "Il. {t}", "IIl. {t}", "lll. {t}", "II. {t}", "IIl{t}"),
}


def _section(head: str, k: int) -> list[str]:
    return [head, *item("1.", f"Các cơ quan, đơn vị triển khai nội dung thứ {k + 1} của kế hoạch."),
            *item("2.", f"Báo cáo kết quả thực hiện nội dung thứ {k + 1} trước ngày 30/6.")]


def _outline(heads: list[str]) -> list[str]:
    return [line for k, head in enumerate(heads) for line in _section(head, k)]


def _romans(letter) -> list[str]:
    return [i.id for i in letter.items]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damaged=st.sets(st.integers(0, 2), min_size=1, max_size=2), data=st.data())
def test_damaged_labels_in_an_outline_still_read_as_their_sequence(damaged, data):
    """One or two of the three labels damaged (one intact label at least, the anchor a reader needs)."""
    heads = [f"{r}. {t}" for r, t in zip(("I", "II", "III"), TITLES, strict=True)]
    for which in sorted(damaged):
        heads[which] = data.draw(st.sampled_from(DAMAGE[which])).format(t=TITLES[which])
    with tempfile.TemporaryDirectory() as tmp:
        letter = build_letter(Path(tmp), "o.txt", _outline(heads))
    assert _romans(letter) == ["I", "II", "III"], heads
    assert "III.2" in item_ids(letter)
    assert [i.text for i in letter.items] == list(TITLES)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(1, 2), data=st.data())
def test_a_one_for_the_first_section_reads_with_other_damage_beside_it(which, data):
    # a printed "II." for III is a repeat, not damage: it is left out here (alone, "1." stays a number)
    form = data.draw(st.sampled_from([f for f in DAMAGE[which] if f != "II. {t}"]))
    heads = [f"1. {TITLES[0]}", f"II. {TITLES[1]}", f"III. {TITLES[2]}"]
    heads[which] = form.format(t=TITLES[which])
    with tempfile.TemporaryDirectory() as tmp:
        letter = build_letter(Path(tmp), "o.txt", _outline(heads))
    assert _romans(letter) == ["I", "II", "III"], heads
    assert "I.2" in item_ids(letter)


def test_h_for_two_and_the_printed_second_as_three(tmp_path):
    # "I.MỤC", "H. NOI DUNG", "II. TO CHỨC": a reader reads I, II, III (pair 13's parent)
    letter = build_letter(tmp_path, "h.txt", _outline([f"I.{TITLES[0]}", f"H. {TITLES[1]}", f"II. {TITLES[2]}"]))
    assert _romans(letter) == ["I", "II", "III"]
    assert [i.label for i in letter.items] == ["I.", "H.", "II."], "the printed labels are kept"


def test_a_lone_one_is_a_section_only_where_other_damage_shows(tmp_path):
    # "1.", "II.", "Il.": the fused III shows the labels are damaged, so "1." is the lost I. (pair 14's parent)
    letter = build_letter(tmp_path, "a.txt", _outline([f"1. {TITLES[0]}", f"II. {TITLES[1]}", f"Il. {TITLES[2]}"]))
    assert _romans(letter) == ["I", "II", "III"]
    assert "I.2" in item_ids(letter)
    # "1.", "II.", "IV." with nothing else damaged: 1. as printed (pair 05's rules)
    letter = build_letter(tmp_path, "b.txt", _outline([f"1. {TITLES[0]}", f"II. {TITLES[1]}", f"IV. {TITLES[2]}"]))
    assert _romans(letter) == ["1", "II", "IV"]
    assert "1.1" in item_ids(letter)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(n=st.integers(2, 5), damaged=st.booleans(), titles=st.permutations(TITLES))
def test_a_real_numbered_list_is_never_made_roman(n, damaged, titles):
    """Upper-case "1.", "2.", … headings with their own lists, and prose opening "Il"/"m." among them: the
    numbers stay numbers, whatever damage-like text is around."""
    body: list[str] = []
    for k in range(n):
        body += [f"{k + 1}. {titles[k % 3]} {k + 1}", *item("a)", "Triển khai thực hiện các nội dung."),
                 *item("b)", "Báo cáo kết quả thực hiện.")]
        if damaged:
            body.append("Il cần tiếp tục tuyên truyền sâu rộng trong đoàn viên, thanh niên tại địa phương.")
    with tempfile.TemporaryDirectory() as tmp:
        letter = build_letter(Path(tmp), "n.txt", body)
    assert _romans(letter) == [str(k + 1) for k in range(n)]


def test_an_upper_case_h_in_a_lettered_list_stays_h(tmp_path):
    # "H." where II is missing between "I." and "III.", but after "G.": the lettered list goes on
    body = ["I. PHẦN CHUNG", *item("1.", "Nâng cao nhận thức.")]
    for letter_label in "ABCDEGH":
        body += [f"{letter_label}. NỘI DUNG CỦA PHẦN {letter_label}", *item("1.", "Triển khai thực hiện.")]
    body += ["III. TỔ CHỨC THỰC HIỆN", *item("1.", "Các đơn vị.")]
    letter = build_letter(tmp_path, "u.txt", body)
    assert "II" not in _romans(letter)
    assert [i for i in item_ids(letter) if i.endswith(".H") or i == "H"], item_ids(letter)


def test_a_heading_glued_to_prose_is_not_a_section(tmp_path):
    body = ["I. MỤC ĐÍCH", *item("1.", "Học tập tư tưởng của V.I.Lênin và Chủ tịch Hồ Chí Minh."),
            "V.I.Lênin đã chỉ rõ vai trò của thanh niên trong sự nghiệp cách mạng.", "II. NỘI DUNG",
            *item("1.", "Tuyên truyền.")]
    letter = build_letter(tmp_path, "v.txt", body)
    assert _romans(letter) == ["I", "II"]


def test_letters_taken_for_their_look_alikes(tmp_path):
    points = ["1. Mức hỗ trợ", "a) Dưới 12 tháng.", "b) Từ 12 đến 60 tháng.", "c) Từ 60 đến 84 tháng.",
              "đ) Từ 84 đến 108 tháng.", "đ) Từ 108 đến 132 tháng.", "e) Từ 132 tháng trở lên.",
              "2. Trình tự", "a) Lập danh sách.", "b) Thẩm định.", "e) Chi trả.",
              "3. Trách nhiệm", "a) Bộ Công Thương.", "b) Bộ Ngoại giao.", "©) Bộ Giao thông vận tải.",
              "đ) Bộ Tài chính.", "đ) Bộ Thông tin và Truyền thông."]
    ids = item_ids(build_letter(tmp_path, "p.txt", ["I. NỘI DUNG", *points]))
    assert [i for i in ids if i.startswith("I.1.")] == ["I.1.a", "I.1.b", "I.1.c", "I.1.d", "I.1.đ", "I.1.e"]
    assert [i for i in ids if i.startswith("I.2.")] == ["I.2.a", "I.2.b", "I.2.c"]
    assert [i for i in ids if i.startswith("I.3.")] == ["I.3.a", "I.3.b", "I.3.c", "I.3.d", "I.3.đ"]


def test_a_list_that_skips_a_letter_keeps_its_letters(tmp_path):
    # c, đ, e: the đ is followed by e, so it is printed right and d was skipped; a, b, d: no look-alike of c
    points = ["1. Nội dung", "a) Một.", "b) Hai.", "c) Ba.", "đ) Bốn.", "e) Năm.",
              "2. Khác", "a) Một.", "b) Hai.", "d) Ba."]
    ids = item_ids(build_letter(tmp_path, "s.txt", ["I. NỘI DUNG", *points]))
    assert [i for i in ids if i.startswith("I.1.")] == ["I.1.a", "I.1.b", "I.1.c", "I.1.đ", "I.1.e"]
    assert [i for i in ids if i.startswith("I.2.")] == ["I.2.a", "I.2.b", "I.2.d"]


def test_page_break_lines_and_ocr_footers_are_page_furniture(tmp_path):
    footer = ("THƯ VIEN PHAP LUAT* Tek +84-28-3930 3279 * www.ThuVienPhapLuat.vn",
              "THU VIEN PHAP LUẬTT* Tet +84-28-3930 3279 * www.ThuVienPhapLuat.vn",
              "THU VIEN PHAP LUẬT* Tel +84-28-3930 3279 * www.ThuVienPhapLuat.vn")
    body = ["I. MỤC ĐÍCH", *item("1.", "Nâng cao nhận thức của đoàn viên."), "", footer[0], "",
            "--- PAGE BREAK ---", "", *item("2.", "Tổ chức các hoạt động thiết thực."), "", footer[1], "",
            "--- PAGE BREAK ---", "", "II. NỘI DUNG", *item("1.", "Tuyên truyền sâu rộng."), "", footer[2], "",
            "--- PAGE BREAK ---", "", *item("2.", "Báo cáo kết quả thực hiện."), ""]
    letter = build_letter(tmp_path, "f.txt", body)
    assert item_ids(letter) == ["I", "I.1", "I.2", "II", "II.1", "II.2"]
    texts = [b.text for i in letter.items for sub in i.items for b in sub.blocks]
    assert not [t for t in texts if "PAGE BREAK" in t or "PhapLuat" in t], texts


def test_a_word_that_looks_like_a_damaged_label_needs_the_label_dot(tmp_path):
    heads = ["I. MỤC ĐÍCH", "II. NỘI DUNG", "III. THỜI GIAN", "IV. KINH PHÍ"]
    letter = build_letter(tmp_path, "y.txt", [*_outline(heads), "Y TẾ CƠ SỞ VÀ CỘNG ĐỒNG", *item("1.", "Khám bệnh.")])
    assert _romans(letter) == ["I", "II", "III", "IV"]
    letter = build_letter(tmp_path, "y2.txt", [*_outline(heads), "Y. TỔ CHỨC THỰC HIỆN", *item("1.", "Các đơn vị.")])
    assert _romans(letter) == ["I", "II", "III", "IV", "V"]
