"""An article cited at a line's start ("Điều 22 Luật Bảo hiểm y tế:"), where a wrapped sentence of a plan item
broke, is the item's text, not an article heading (bench/heldout_pairs 15): the item keeps its points as 3.a, 3.b.
An article heading without a dot whose title is not a cited document's kind stays a heading."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import build_letter, item, item_ids

KINDS = ("Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Thông tư", "Quyết định", "Pháp lệnh")


@settings(max_examples=20, deadline=None)
@given(kind=st.sampled_from(KINDS), number=st.integers(1, 99), law=st.sampled_from(("Đất đai", "BHXH", "số 12")))
def test_a_cited_article_opening_a_wrapped_line_stays_in_its_item(tmp_path_factory, kind, number, law):
    body = [
        *item("1.", "Tổ chức quán triệt nội dung văn bản đến cán bộ, công chức."),
        "2. Thanh toán chi phí cho người tham gia trong các trường hợp theo quy định tại khoản 3",
        f"Điều {number} {kind} {law}:",
        "a) Trường hợp người tham gia tự đi khám tại tuyến huyện được chi trả theo mức hưởng;",
        "b) Trường hợp người tham gia tự đi khám tại tuyến tỉnh được chi trả chi phí điều trị nội trú;",
        *item("3.", "Các đơn vị báo cáo kết quả thực hiện trước ngày 30/6."),
    ]
    letter = build_letter(tmp_path_factory.mktemp("cited"), "cited.txt", body)
    assert item_ids(letter) == ["1", "2", "2.a", "2.b", "3"]
    carried = [letter.items[1].text, *(b.text for b in letter.items[1].blocks)]
    assert any(f"Điều {number} {kind} {law}:" in t for t in carried)


def test_an_article_heading_without_its_dot_is_still_a_heading(tmp_path):
    body = ["Điều 1 Phạm vi điều chỉnh", "Quy chế này quy định việc tiếp công dân tại trụ sở.",
            "Điều 2 Đối tượng áp dụng", "Quy chế này áp dụng đối với cán bộ, công chức của xã."]
    letter = build_letter(tmp_path, "rules.txt", body)
    assert item_ids(letter) == ["Điều 1", "Điều 2"]
