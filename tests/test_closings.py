"""A closing sentence both letters glue to their last item is frame, not a link (cascade/closings.py): the class of
bench/heldout_pairs 16 as found ('Trân trọng cảm ơn.' kept in the last item on both sides linked 3 → 3), where the
parser leaves such a sentence in the item. Built in code with invented wording."""

import dataclasses

import pytest
from letter_factory import LOCAL, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters

PARENT = [
    "1. Tổ chức quán triệt nội dung Chỉ thị đến toàn thể cán bộ, đảng viên trong các chi bộ trực thuộc.",
    "2. Báo cáo kết quả thực hiện về Ban Tuyên giáo Tỉnh ủy trước ngày 30 tháng 6 năm 2024 để tổng hợp.",
]
CHILD = [
    "1. Mở hội nghị học tập, nghiên cứu chuyên đề về xây dựng nông thôn mới kiểu mẫu tại các xã trên địa bàn huyện.",
    f"2. {LOCAL}",
]
CLOSINGS = (
    "Đề nghị các đơn vị quan tâm, phối hợp thực hiện. Trân trọng cảm ơn.",
    "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị các đơn vị phản ánh kịp thời để được hướng dẫn.",
)
OFF = dataclasses.replace(DEFAULT_SETTINGS, closing_same_min=2.0)


def _glued(body: list[str], close: str) -> list[str]:
    return [*body[:-1], f"{body[-1]} {close}"]


def _links(tmp_path, parent_body, child_body, settings=DEFAULT_SETTINGS):
    parent, child = pair(tmp_path, parent_body, child_body)
    result = link_letters(parent, child, settings)
    return {(lk.parent_item, lk.child_item) for lk in result.item_links}, {(lk.parent, lk.child) for lk in result.links}


@pytest.mark.parametrize("close", CLOSINGS)
def test_a_closing_both_letters_glue_to_their_last_item_links_nothing(tmp_path, close):
    items, units = _links(tmp_path, _glued(PARENT, close), _glued(CHILD, close))
    assert items == set() and units == set()


@pytest.mark.parametrize("close", CLOSINGS)
def test_without_the_rule_the_shared_closing_links_the_last_items(tmp_path, close):
    items, _ = _links(tmp_path, _glued(PARENT, close), _glued(CHILD, close), OFF)
    assert ("2", "2") in items


def test_a_copied_last_item_keeps_its_link_with_the_closing_in_it(tmp_path):
    """The child copies the parent's last duty and its closing: the duty's words agree too, so nothing is masked."""
    close = CLOSINGS[1]
    child = [CHILD[0], PARENT[1]]
    items, _ = _links(tmp_path, _glued(PARENT, close), _glued(child, close))
    assert items == {("2", "2")}


def test_a_long_last_paragraph_both_letters_end_with_is_a_copied_duty(tmp_path):
    """A paragraph of its own (not glued, not short) that ends both last items is a duty the child copied."""
    duty = ("- Định kỳ hằng quý tổng hợp tình hình, kết quả thực hiện, những khó khăn, vướng mắc và đề xuất, kiến "
            "nghị các giải pháp tháo gỡ, gửi về cơ quan thường trực để theo dõi, tổng hợp, báo cáo cấp trên.")
    items, _ = _links(tmp_path, [*PARENT, duty], [*CHILD, duty])
    assert ("2", "2") in items
