"""A child heading over a list whose every item restates an item of one parent list stands for that list's heading,
whatever words the two headings share ("1. Ban hành kèm theo Thông tư này các mẫu sau:" / "a) … g)" → "1. Ban hành
mới các mẫu sau:" / "a) … g)", bench/heldout_pairs 18): the child works at that item. A plan's stock section
heading ("NHIỆM VỤ, GIẢI PHÁP") frames its own plan and is never linked so; a list only partly restated is not."""

import dataclasses

from letter_factory import A, B, C, D, item, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters

OTHER = ("Tổ chức hội nghị sơ kết công tác tuyên truyền sáu tháng đầu năm, biểu dương các tập thể, cá nhân có "
         "thành tích xuất sắc trong phong trào thi đua.")


def _links(tmp_path, parent_head: str, child_head: str, child_points: list[str], settings=DEFAULT_SETTINGS):
    parent = [*item("1.", OTHER), *item("2.", parent_head), f"a) {A}", f"b) {B}", f"c) {C}"]
    child = [*item("1.", OTHER), *item("2.", child_head), *(f"{'abcd'[k]}) {t}" for k, t in enumerate(child_points))]
    p, c = pair(tmp_path, parent, child)
    return {(il.parent_item, il.child_item) for il in link_letters(p, c, settings).item_links}


def test_a_heading_over_a_list_restating_the_parents_list_is_linked_to_its_heading(tmp_path):
    links = _links(tmp_path, "Đổi mới nội dung, phương thức tuyên truyền trong tình hình mới như sau:",
                   "Triển khai đồng bộ các biện pháp sau:", [A, B, C])
    assert {("2.a", "2.a"), ("2.b", "2.b"), ("2.c", "2.c")} <= links
    assert ("2", "2") in links


def test_it_is_switched_off_by_a_count_no_list_has(tmp_path):
    off = dataclasses.replace(DEFAULT_SETTINGS, list_heading_min_items=10**6)
    links = _links(tmp_path, "Đổi mới nội dung, phương thức tuyên truyền trong tình hình mới như sau:",
                   "Triển khai đồng bộ các biện pháp sau:", [A, B, C], off)
    assert ("2", "2") not in links


def test_a_list_only_partly_restated_leaves_the_headings_apart(tmp_path):
    links = _links(tmp_path, "Đổi mới nội dung, phương thức tuyên truyền trong tình hình mới như sau:",
                   "Triển khai đồng bộ các biện pháp sau:", [A, B, D])
    assert ("2", "2") not in links


def test_stock_section_headings_frame_their_own_plans(tmp_path):
    links = _links(tmp_path, "NHIỆM VỤ, GIẢI PHÁP", "NHIỆM VỤ CỤ THỂ", [A, B, C])
    assert ("2", "2") not in links
