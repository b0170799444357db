"""Labels an OCR damaged past the look-alikes of test_ocr_labels (bench/heldout_pairs 18, 19): a point printed with a
glyph too many ("ce)" between "b)" and "d)"), the cent sign for c ("¢)"), and section labels lost but for their dot
(". Phổ biến …" before "II.", "|." cleaned to "." before "a)", "b)", "2."). Each is read as the label its list needs
there, and only there: text of the same shape that no list needs stays text."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import SENTENCES, item_ids, letter_text, parse_lines

POINTS = ["Lập danh sách đối tượng được hỗ trợ.", "Thẩm định hồ sơ đề nghị hỗ trợ.", "Phê duyệt kinh phí hỗ trợ.",
          "Chi trả cho người được hỗ trợ.", "Công khai kết quả thực hiện.", "Báo cáo cơ quan cấp trên."]
LETTERS = "abcdđe"


def _ids(body: list[str]) -> list[str]:
    return item_ids(parse_lines(letter_text(body).splitlines()))


def _points(printed: dict[int, str]) -> list[str]:
    """Khoản 1. with points a)-e), the k-th printed as `printed[k]` where given."""
    return ["1. Trình tự thực hiện như sau:",
            *(f"{printed.get(k, LETTERS[k] + ')')} {p}" for k, p in enumerate(POINTS)),
            "2. Các đơn vị báo cáo kết quả trước ngày 30/6."]


EXPECTED = ["1", *(f"1.{c}" for c in LETTERS), "2"]
# A point label and a speck OCR read beside it: the right letter first or second
SPECKS = {1: ("be)", "bl)", "hb)"), 2: ("ce)", "cc)", "ec)"), 4: ("đe)", "dđ)"), 5: ("ee)", "el)")}


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_a_point_printed_with_a_glyph_too_many_reads_as_the_letter_its_list_needs(data):
    k = data.draw(st.sampled_from(sorted(SPECKS)), label="point")
    printed = data.draw(st.sampled_from(SPECKS[k]), label="printed")
    assert _ids(_points({k: printed})) == EXPECTED


def test_the_cent_sign_is_a_c():
    assert _ids(_points({2: "¢)"})) == EXPECTED


def test_two_letters_no_list_needs_stay_text():
    # "ce)" after "a)": the list needs b there, neither letter of "ce"; the line is the text of a)
    body = ["1. Trình tự:", "a) Lập danh sách.", "ce) Thẩm định hồ sơ.", "d) Chi trả.", "2. Báo cáo."]
    assert _ids(body) == ["1", "1.a", "1.d", "2"]


SECTIONS = ["Tuyên truyền, phổ biến nội dung chính sách tới cán bộ, công chức", "Hướng dẫn người dân thực hiện"]


def _outline(first: str, first_sub: str) -> list[str]:
    return [f"{first} {SECTIONS[0]}:", f"{first_sub} Về chính sách giảm thuế giá trị gia tăng:",
            f"a) {SENTENCES[0]}.", f"b) {SENTENCES[1]}.", "2. Về danh mục hàng hóa:", f"a) {SENTENCES[2]}.",
            f"b) {SENTENCES[3]}.", f"II. {SECTIONS[1]}:", f"1. {SENTENCES[4]}.", f"2. {SENTENCES[5]}."]


OUTLINE = ["I", "I.1", "I.1.a", "I.1.b", "I.2", "I.2.a", "I.2.b", "II", "II.1", "II.2"]


@settings(max_examples=20, deadline=None)
@given(first=st.sampled_from([".", "I.", ")"]), first_sub=st.sampled_from([".", "1.", ")"]))
def test_labels_lost_but_for_their_separator_read_as_the_labels_the_lists_leave_out(first, first_sub):
    assert _ids(_outline(first, first_sub)) == OUTLINE


def test_a_line_that_opens_with_a_full_stop_no_list_needs_stays_text():
    # the full stop of the line before, wrapped onto its own line: both lists print their first label
    body = ["I. Tuyên truyền:", "1. Về chính sách:", f"a) {SENTENCES[0]}", ". Đồng thời báo cáo kết quả.",
            "2. Về danh mục:", "II. Tổ chức thực hiện:", "1. Các đơn vị."]
    assert _ids(body) == ["I", "I.1", "I.1.a", "I.2", "II", "II.1"]


def test_more_lines_of_that_shape_than_labels_missing_reads_none():
    # ". Phổ biến" and a wrapped ". Đồng thời": two lines for the one missing I. — nothing says which
    body = [f". {SECTIONS[0]}:", ". Đồng thời báo cáo kết quả.", "1. Về chính sách:", f"a) {SENTENCES[0]}.",
            f"II. {SECTIONS[1]}:", "1. Các đơn vị."]
    assert "I" not in _ids(body)
