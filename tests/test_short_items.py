"""Short parent points carried inside one longer child duty (bench/heldout_pairs 11: a joint circular's
"Điều 4. Các khoản chi ưu đãi khác" listing "2. Bảo hiểm y tế.", "16. Trợ cấp ưu đãi trong giáo dục, đào tạo."
… and a city's Quy chế folding them into a district office's duties: "Phối hợp với Bảo hiểm xã hội … để mua,
cấp và báo giảm thẻ bảo hiểm y tế …"). Built in code with invented wording."""

import dataclasses

from letter_factory import LOCAL, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters
from models import Strength

PARENT = [
    "1. Các khoản chi hỗ trợ khác",
    "a) Bảo hiểm tai nạn lao động.",
    "b) Hỗ trợ học nghề, đào tạo nghề.",
    "c) Tham quan, nghỉ dưỡng cuối năm cho cán bộ hưu trí.",
    "2. Lập dự toán kinh phí hằng năm gửi cơ quan tài chính cùng cấp trước ngày 20 tháng 6 để tổng hợp.",
]
CHILD = [
    "1. Phối hợp với cơ quan bảo hiểm để mua, cấp và thu hồi thẻ bảo hiểm tai nạn lao động cho người lao "
    "động kịp thời, đúng đối tượng.",
    "2. Quản lý việc chi trả kinh phí hỗ trợ học nghề cho con em hộ nghèo theo danh sách đã được phê duyệt; "
    "lập danh sách trích ngang gửi về cấp trên.",
    f"3. {LOCAL}",
]


def _item_links(tmp_path, parent_body, child_body, settings=DEFAULT_SETTINGS):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item): lk for lk in link_letters(parent, child, settings).item_links}


def test_a_short_point_inside_one_longer_child_duty_is_linked_to_it_as_adapted(tmp_path):
    links = _item_links(tmp_path, PARENT, CHILD)
    assert ("1.a", "1") in links and ("1.b", "2") in links
    assert links[("1.a", "1")].strength is Strength.ADAPTED
    assert links[("1.b", "2")].strength is Strength.ADAPTED


def test_without_the_containment_pass_the_short_points_go_unlinked(tmp_path):
    off = dataclasses.replace(DEFAULT_SETTINGS, contained_min=1.01)
    links = _item_links(tmp_path, PARENT, CHILD, off)
    assert ("1.a", "1") not in links and ("1.b", "2") not in links


def test_a_short_point_the_child_does_not_carry_stays_unlinked(tmp_path):
    # "c) Tham quan, nghỉ dưỡng cuối năm …": none of its word runs is in the child
    links = _item_links(tmp_path, PARENT, CHILD)
    assert not any(p == "1.c" for p, _ in links)


def test_a_short_point_found_in_two_child_duties_says_nothing_about_which(tmp_path):
    # the point's words in two duties alike: a stock phrase of the letter, no source of either
    child = [
        "1. Quản lý việc chi trả kinh phí hỗ trợ học nghề cho con em hộ nghèo theo danh sách đã được phê duyệt.",
        "2. Kiểm tra định kỳ việc sử dụng kinh phí hỗ trợ học nghề tại các xã, thị trấn, báo cáo kết quả.",
        f"3. {LOCAL}",
    ]
    links = _item_links(tmp_path, PARENT, child)
    assert not any(p == "1.b" for p, _ in links)


def test_a_point_whose_words_are_scattered_through_a_duty_is_not_contained(tmp_path):
    # the point's syllables here and there ("học", "nghề", "tạo"), never two of its own side by side
    child = [
        "1. Kiểm tra việc học tập của học sinh, tổ chức ngày hội nghề truyền thống và trao giải sáng tạo trẻ.",
        f"2. {LOCAL}",
    ]
    links = _item_links(tmp_path, PARENT, child)
    assert not any(p == "1.b" for p, _ in links)
