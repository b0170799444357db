"""Real cascades of bench/heldout_pairs 13-14 (a Government resolution → the Prime Minister's decision carrying
it out; a Prime Minister's directive → a ministry department's letter): a parent point carried by the khoản
and điểm of one child article, each layout built in code after the real example. The
letter_factory header's symbol 12-CV/BTGTU (a Công văn) stands for the parent's."""

from letter_factory import pair

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


def _links(tmp_path, child_body, parent_body=PARENT):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}


def test_each_point_of_a_child_article_splitting_a_parent_point_restates_it(tmp_path):
    links = _links(tmp_path, SPLIT)
    assert {c for p, c in links if p == "1.b"} >= {"Điều 2", "Điều 2.1", "Điều 2.2", "Điều 2.2.a", "Điều 2.2.b",
                                                   "Điều 2.2.c", "Điều 2.2.d"}
    assert ("1.a", "Điều 1") in links


def test_a_section_whose_points_take_the_same_part_of_the_parent_point_is_reported_whole(tmp_path):
    # the points repeat one amount line each in other contexts: no point has a part of its own
    same = [
        "II. KINH PHÍ CHI TRẢ CHO TỪNG NGƯỜI",
        "1. Tại thành phố: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
        "2. Tại các huyện: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
        "3. Tại các xã: Thời gian đóng bảo hiểm thất nghiệp dưới 12 tháng: hỗ trợ 1.800.000 đồng/người.",
    ]
    links = _links(tmp_path, same)
    assert ("1.b", "II") in links
    assert not {c for p, c in links if p == "1.b"} & {"II.1", "II.2", "II.3"}


# the resolution's "b) Mức giảm đóng" and "c) Thời gian thực hiện" (Nghị quyết 116/NQ-CP, II.2)
REDUCTION = [
    "1. Giảm mức đóng vào Quỹ bảo hiểm thất nghiệp cho người sử dụng lao động",
    "a) Mức giảm đóng: người sử dụng lao động được giảm mức đóng từ 1% xuống bằng 0% quỹ tiền lương tháng của "
    "những người lao động thuộc đối tượng tham gia bảo hiểm thất nghiệp trong 12 tháng, kể từ ngày 01 tháng 10 "
    "năm 2025 đến hết ngày 30 tháng 9 năm 2026.",
    "2. Bộ Thông tin và Truyền thông tổ chức phổ biến, tuyên truyền rộng rãi chính sách này.",
]


def test_each_khoan_of_a_child_article_carrying_one_parent_point_restates_it(tmp_path):
    # the decision's "Điều 5. Giảm mức đóng và thời gian thực hiện / 1. … 1% xuống bằng 0% … / 2. … 12 tháng …":
    # both khoản take the same sentence of the point, and each is cited on its own
    links = _links(tmp_path, [
        "Điều 5. Giảm mức đóng và thời gian thực hiện",
        "1. Giảm mức đóng từ 1% xuống bằng 0% quỹ tiền lương tháng của những người lao động thuộc đối tượng "
        "đang tham gia bảo hiểm thất nghiệp.",
        "2. Thời gian thực hiện giảm mức đóng: 12 tháng, kể từ ngày 01 tháng 10 năm 2025 đến hết ngày 30 tháng 9 "
        "năm 2026.",
    ], REDUCTION)
    assert {c for p, c in links if p == "1.a"} == {"Điều 5", "Điều 5.1", "Điều 5.2"}


def test_the_points_of_a_plan_section_carrying_one_parent_point_are_reported_at_the_section(tmp_path):
    links = _links(tmp_path, [
        "II. GIẢM MỨC ĐÓNG VÀ THỜI GIAN THỰC HIỆN",
        "1. Giảm mức đóng từ 1% xuống bằng 0% quỹ tiền lương tháng của những người lao động thuộc đối tượng "
        "đang tham gia bảo hiểm thất nghiệp.",
        "2. Thời gian thực hiện giảm mức đóng: 12 tháng, kể từ ngày 01 tháng 10 năm 2025 đến hết ngày 30 tháng 9 "
        "năm 2026.",
    ], REDUCTION)
    assert {c for p, c in links if p == "1.a"} == {"II"}
