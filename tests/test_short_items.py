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


# A duty handed one tier down (heldout 11: the circular's "Bộ Lao động – Thương binh và Xã hội tổng hợp … dự toán
# … đã phân bổ và giao …" and the city's "Điều 4. Sở Lao động - Thương binh và Xã hội có nhiệm vụ" / "2. Căn cứ vào
# Quyết định giao dự toán …"), invented wording.
DUTIES = [
    "Điều 1. Trách nhiệm thực hiện",
    "1. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương xây dựng kế hoạch thu gom rác thải nhựa, tổng "
    "hợp kết quả thực hiện hằng năm của cả nước.",
    "2. Bộ Tài chính bảo đảm kinh phí thường xuyên cho các nhiệm vụ bảo vệ môi trường theo phân cấp ngân sách.",
]


def _handed_child(heading: str) -> list[str]:
    return [
        f"Điều 1. {heading} có nhiệm vụ",
        "1. Hằng quý chủ động rà soát các chợ, bến xe, khu dân cư đông người; lập kế hoạch thu gom rác thải nhựa "
        "theo từng địa bàn, trình Ủy ban nhân dân phê duyệt và tổ chức kiểm tra việc thực hiện của các đơn vị.",
        f"2. {LOCAL}",
        "Điều 2. Điều khoản thi hành",
        "Quyết định này có hiệu lực kể từ ngày ký.",
    ]


def test_a_duty_given_to_the_body_a_tier_below_sharing_a_distinctive_phrase_is_linked(tmp_path):
    links = _item_links(tmp_path, DUTIES, _handed_child("Sở Nông nghiệp và Môi trường"))
    assert ("Điều 1.1", "Điều 1.1") in links
    assert links[("Điều 1.1", "Điều 1.1")].strength is Strength.PARAPHRASED


def test_without_the_tier_pass_the_handed_down_duty_goes_unlinked(tmp_path):
    off = dataclasses.replace(DEFAULT_SETTINGS, handed_run_min=99)
    links = _item_links(tmp_path, DUTIES, _handed_child("Sở Nông nghiệp và Môi trường"), off)
    assert ("Điều 1.1", "Điều 1.1") not in links


def test_the_same_phrase_in_another_bodys_duties_is_no_link(tmp_path):
    # the child's heading names another body: the parent's duty is not handed to it
    links = _item_links(tmp_path, DUTIES, _handed_child("Sở Xây dựng"))
    assert ("Điều 1.1", "Điều 1.1") not in links


def test_a_phrase_two_parent_duties_share_is_no_link(tmp_path):
    parent = [*DUTIES, "3. Bộ Nông nghiệp và Môi trường kiểm tra việc lập kế hoạch thu gom rác thải nhựa tại các "
                       "tỉnh, thành phố và báo cáo Thủ tướng Chính phủ."]
    links = _item_links(tmp_path, parent, _handed_child("Sở Nông nghiệp và Môi trường"))
    assert ("Điều 1.1", "Điều 1.1") not in links
