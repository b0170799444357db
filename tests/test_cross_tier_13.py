"""Real cascades of bench/heldout_pairs 13-14 (a Government resolution → the Prime Minister's decision carrying
it out; a Prime Minister's directive → a ministry department's letter): a parent point whose unlabelled list
the child splits into its own labelled points, each layout built in code after the real example. The
letter_factory header's symbol 12-CV/BTGTU (a Công văn) stands for the parent's."""

from dataclasses import replace

from letter_factory import pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters

# the resolution's "b) Mức hỗ trợ" with its six unlabelled amounts (Nghị quyết 116/NQ-CP, II.1.b)
PARENT = [
    "Thực hiện chính sách hỗ trợ người lao động như sau:",
    "1. Hỗ trợ bằng tiền cho người lao động từ kết dư Quỹ bảo hiểm thất nghiệp",
    "a) Đối tượng áp dụng",
    "- Người lao động đang tham gia bảo hiểm thất nghiệp tại thời điểm ngày 30 tháng 9 năm 2025.",
    "b) Mức hỗ trợ",
    "Mức hỗ trợ trên cơ sở thời gian đóng bảo hiểm thất nghiệp chưa hưởng trợ cấp thất nghiệp của người "
    "lao động, cụ thể như sau:",
    "- Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
    "- Thời gian đóng bảo hiểm thất nghiệp từ đủ 12 tháng đến dưới 60 tháng: hỗ trợ 2.100.000 đồng/người.",
    "- Thời gian đóng bảo hiểm thất nghiệp từ đủ 60 tháng đến dưới 84 tháng: hỗ trợ 2.400.000 đồng/người.",
    "- Thời gian đóng bảo hiểm thất nghiệp từ đủ 84 tháng trở lên: hỗ trợ 2.650.000 đồng/người.",
    "2. Bộ Thông tin và Truyền thông tổ chức phổ biến, tuyên truyền rộng rãi chính sách này.",
]

# the decision's "Điều 2 … 2. Mức hỗ trợ a) … b) …" (Quyết định 28/2021/QĐ-TTg)
SPLIT = [
    "Điều 1. Đối tượng được hỗ trợ",
    "Người lao động đang tham gia bảo hiểm thất nghiệp tại thời điểm ngày 30 tháng 9 năm 2025, có tên trong "
    "danh sách của cơ quan bảo hiểm xã hội.",
    "Điều 2. Thời gian đóng bảo hiểm thất nghiệp làm căn cứ tính và mức hỗ trợ",
    "1. Căn cứ tính mức hỗ trợ: trên cơ sở thời gian đã đóng bảo hiểm thất nghiệp của người lao động nhưng "
    "chưa được tính hưởng trợ cấp thất nghiệp.",
    "2. Mức hỗ trợ",
    "a) Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: Hỗ trợ 1.800.000 đồng/người.",
    "b) Thời gian đóng bảo hiểm thất nghiệp từ đủ 12 tháng đến dưới 60 tháng: Hỗ trợ 2.100.000 đồng/người.",
    "c) Thời gian đóng bảo hiểm thất nghiệp từ đủ 60 tháng đến dưới 84 tháng: Hỗ trợ 2.400.000 đồng/người.",
    "d) Thời gian đóng bảo hiểm thất nghiệp từ đủ 84 tháng trở lên: Hỗ trợ 2.650.000 đồng/người.",
]


def _links(tmp_path, child_body, parent_body=PARENT, settings=DEFAULT_SETTINGS):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child, settings).item_links}


def test_each_point_of_a_list_the_child_split_out_of_a_parent_point_restates_it(tmp_path):
    links = _links(tmp_path, SPLIT)
    assert {c for p, c in links if p == "1.b"} >= {"Điều 2", "Điều 2.1", "Điều 2.2", "Điều 2.2.a", "Điều 2.2.b",
                                                   "Điều 2.2.c", "Điều 2.2.d"}
    assert ("1.a", "Điều 1") in links


def test_a_section_whose_points_take_the_same_part_of_the_parent_point_is_reported_whole(tmp_path):
    # the points repeat one amount line each in other contexts: no point has a part of its own
    same = [
        "Điều 2. Mức hỗ trợ",
        "1. Tại thành phố: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
        "2. Tại các huyện: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
        "3. Tại các xã: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
    ]
    links = _links(tmp_path, same)
    assert ("1.b", "Điều 2") in links
    assert not {c for p, c in links if p == "1.b"} & {"Điều 2.1", "Điều 2.2", "Điều 2.3"}


def test_fewer_points_than_split_min_stay_reported_at_their_section(tmp_path):
    links = _links(tmp_path, SPLIT, settings=replace(DEFAULT_SETTINGS, split_min=99))
    assert ("1.b", "Điều 2") in links
    assert not {c for p, c in links if p == "1.b"} & {"Điều 2.2.a", "Điều 2.2.b", "Điều 2.2.c"}
