"""Real cascades of bench/heldout_pairs 11-12 (a joint circular → a city's decision and Quy chế; a Prime
Minister's decision → his follow-up letter): the child pointing at the parent's articles by number, each
layout built in code after the real example. The letter_factory header's symbol 12-CV/BTGTU (a Công văn)
stands for the parent's."""

import pytest
from letter_factory import pair
from test_cross_tier import DECISION as CROSS_TIER_DECISION

from cascade.linking import link_letters

DECISION = [
    *CROSS_TIER_DECISION[:5],
    "Điều 3. Mức hỗ trợ",
    "Mức hỗ trợ xây mới là 40 triệu đồng/hộ, sửa chữa nhà ở là 20 triệu đồng/hộ.",
    *CROSS_TIER_DECISION[5:],
    "Điều 5. Hiệu lực thi hành",
    "Quyết định này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2025.",
]


def _links(tmp_path, child_body, parent_body=DECISION):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}


@pytest.mark.parametrize("pointer, named", [
    # the city's Quy chế: "… theo quy định tại Điều 3, Điều 4 và Điều 6 Thông tư liên tịch số 47/2009/TTLT-…"
    ("Điều 2, Điều 3 và Điều 4 Công văn số 12-CV/BTGTU", {"Điều 2", "Điều 3", "Điều 4"}),
    ("các Điều 2, 3 và 4 của Công văn số 12-CV/BTGTU", {"Điều 2", "Điều 3", "Điều 4"}),
    ("Khoản 1, 2 Điều 4 Công văn số 12-CV/BTGTU", {"Điều 4.1", "Điều 4.2"}),
    # the parent by its number alone, or its kind said again once the child has cited it
    ("Điều 3 Công văn số 12", {"Điều 3"}),
    ("Điều 3 Công văn nêu trên", {"Điều 3"}),
])
def test_a_child_item_naming_several_articles_of_the_parent_restates_each(tmp_path, pointer, named):
    links = _links(tmp_path, [
        "1. Phạm vi áp dụng: việc cấp phát và quyết toán nguồn vốn của chương trình trên địa bàn huyện.",
        f"2. Nội dung và mức chi được thực hiện theo quy định tại {pointer} và các quy định hiện hành.",
    ])
    assert {p for p, c in links if c == "2"} == named


@pytest.mark.parametrize("pointer", ["Điều 3, 4 và 5 Công văn này", "Điều 3 Thông tư nêu trên",
                                     "Điều 3 Công văn số 120", "Điều 3 và Điều 4 Công văn số 98-CV/BTGTU"])
def test_the_childs_own_articles_another_kind_or_another_number_are_no_pointer(tmp_path, pointer):
    links = _links(tmp_path, [f"1. Việc cấp phát kinh phí cho các hộ thực hiện theo quy định tại {pointer}."])
    assert not links


def test_the_sub_items_of_an_item_pointing_at_a_khoan_say_their_part_of_it_and_nothing_else(tmp_path):
    # the Prime Minister's letter: "1. Điều chỉnh mức trợ cấp … quy định tại Khoản 1 Điều 2 Quyết định số
    # 142/2008/QĐ-TTg …, như sau:" / "a) Từ ngày 01 tháng 01 năm 2009, điều chỉnh tăng thêm 15% …" — not the
    # decision's scope for the title phrase both repeat, nor its entry into force for the date they share
    links = _links(tmp_path, [
        "1. Điều chỉnh kinh phí quản lý đối với các tỉnh sử dụng ngân sách địa phương quy định tại Khoản 1 Điều 4 "
        "Công văn số 12-CV/BTGTU về hỗ trợ trực tiếp cho hộ gia đình đang ở và có hộ khẩu thường trú, như sau:",
        "a) Từ ngày 01 tháng 01 năm 2025, điều chỉnh tăng thêm 15% mức kinh phí quản lý.",
        "b) Từ ngày 01 tháng 05 năm 2025, điều chỉnh tăng thêm 05% mức kinh phí quản lý.",
    ])
    assert links == {("Điều 4.1", "1"), ("Điều 4.1", "1.a"), ("Điều 4.1", "1.b")}


def test_an_item_not_opening_a_list_hands_its_pointer_to_no_sub_item(tmp_path):
    links = _links(tmp_path, [
        "1. Bố trí kinh phí quản lý theo quy định tại Khoản 1 Điều 4 Công văn số 12-CV/BTGTU.",
        "a) Phổ biến rộng rãi chủ trương tới cán bộ, đảng viên và nhân dân trên địa bàn.",
    ])
    assert ("Điều 4.1", "1") in links
    assert not any(c == "1.a" for _, c in links)


def test_the_heading_over_a_pointer_is_not_linked_to_the_parents_section_above_the_named_articles(tmp_path):
    # the Quy chế's "Điều 3. Nội dung và mức chi" / "… theo quy định tại Điều 3, Điều 4 và Điều 6 …" — not the
    # circular's "MỤC II. NỘI DUNG VÀ MỨC CHI" that holds those articles
    parent = ["I. NỘI DUNG VÀ MỨC CHI HỖ TRỢ", *DECISION[4:10], "II. HIỆU LỰC", *DECISION[10:]]
    links = _links(tmp_path, [
        "Điều 1. Nội dung và mức chi hỗ trợ",
        "Nội dung và mức chi được thực hiện theo quy định tại Điều 3 và Điều 4 Công văn số 12-CV/BTGTU.",
    ], parent)
    assert links == {("Điều 3", "Điều 1"), ("Điều 4", "Điều 1")}


RULES_PARENT = [
    "MỤC I. NHỮNG QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh",
    "Thông tư này quy định việc cấp phát, quản lý và sử dụng kinh phí thực hiện chính sách ưu đãi người có công.",
    "MỤC II. QUẢN LÝ KINH PHÍ",
    "Điều 2. Lập dự toán",
    "1. Phòng Lao động - Thương binh và Xã hội quận, huyện, thị xã và cơ sở nuôi dưỡng người có công lập dự toán "
    "kinh phí thực hiện chính sách ưu đãi người có công của năm kế hoạch gửi Sở Lao động - Thương binh và Xã hội.",
    "2. Sở Lao động - Thương binh và Xã hội xem xét, tổng hợp dự toán gửi Bộ trước ngày 20 tháng 7.",
]


def test_a_mucs_heading_is_no_source_of_a_chuongs_heading_that_says_the_same(tmp_path):
    # the circular's "MỤC I. NHỮNG QUY ĐỊNH CHUNG" and the Quy chế's "Chương I / QUY ĐỊNH CHUNG": the legal
    # form's words, not what either says; their articles carry the links
    parent, child = pair(tmp_path, RULES_PARENT, [
        "Chương I", "", "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định việc cấp phát, quản lý và sử dụng kinh phí thực hiện chính sách ưu đãi người có công "
        "trên địa bàn Thành phố.",
        "Chương II", "", "TRÁCH NHIỆM CỦA CÁC NGÀNH",
        "Điều 2. Phòng Lao động - Thương binh và Xã hội quận - huyện có nhiệm vụ",
        "1. Lập dự toán kinh phí thực hiện chính sách ưu đãi người có công gửi Sở Lao động - Thương binh và Xã hội.",
    ])
    result = link_letters(parent, child)
    links = {(lk.parent_item, lk.child_item) for lk in result.item_links}
    assert ("Điều 1", "Điều 1") in links
    assert not any(p.startswith("Mục") or c.startswith("Chương") for p, c in links)
    assert not any(x.startswith("Mục") for x in result.dropped)
    # a body's heading "Điều 2. Phòng … có nhiệm vụ" names the body whose duties follow: the duty it restates
    # is its khoản's source, not the heading's
    assert ("Điều 2.1", "Điều 2") not in links


# The circular's flow as printed (heldout 11, TTLT 47/2009 Điều 7.2 and 13.4): each step of the money going up,
# the Sở's estimate (7.2.b) and its settlement (13.4.b) sent to the Bộ by the same date.
FLOW_PARENT = [
    "Điều 7. Lập dự toán kinh phí",
    "1. Dự toán kinh phí thực hiện các chính sách ưu đãi người có công với cách mạng phải chi tiết theo từng loại"
    " trợ cấp hàng tháng, trợ cấp một lần và thể hiện đầy đủ nội dung chi nêu tại mục II Thông tư này.",
    "2. Lập dự toán kinh phí hàng năm được thực hiện theo quy định của Luật Ngân sách nhà nước và các văn bản "
    "hướng dẫn Luật. Ngoài ra, Thông tư này hướng dẫn cụ thể quy trình và trình tự thời gian lập dự toán như sau:",
    "a) Phòng Lao động – Thương binh và Xã hội quận, huyện, thị xã, thành phố thuộc tỉnh và cơ sở nuôi dưỡng, "
    "điều dưỡng người có công với cách mạng trực thuộc Sở Lao động – Thương binh và Xã hội, lập dự toán kinh phí "
    "thực hiện chính sách ưu đãi người có công với cách mạng của năm kế hoạch gửi Sở Lao động – Thương binh và Xã"
    " hội trước ngày 20 tháng 6 hàng năm.",
    "b) Sở Lao động – Thương binh và Xã hội xem xét dự toán của các Phòng Lao động – Thương binh và Xã hội, cơ sở"
    " nuôi dưỡng, điều dưỡng người có công với cách mạng và dự toán chi tại Sở, tổng hợp dự toán kinh phí chi ưu "
    "đãi người có công cách mạng của tỉnh, thành phố trực thuộc Trung ương gửi Bộ Lao động – Thương binh và Xã "
    "hội trước ngày 5 tháng 7 hàng năm.",
    "c) Bộ Lao động – Thương binh và Xã hội xem xét dự toán kinh phí trợ cấp người có công với cách mạng của các "
    "Sở Lao động – Thương binh và Xã hội; tổng hợp dự toán kinh phí thực hiện chính sách ưu đãi người có công với"
    " cách mạng gửi Bộ Tài chính trước ngày 20 tháng 7 hàng năm.",
    "d) Bộ Tài chính xem xét và tổng hợp dự toán kinh phí chi ưu đãi người có công với cách mạng vào dự toán chi "
    "ngân sách nhà nước, báo cáo Chính phủ trình Quốc hội phê duyệt và giao dự toán cho Bộ Lao động – Thương binh"
    " và Xã hội trước ngày 20/11 hàng năm.",
    "Điều 13. Hạch toán, quyết toán kinh phí",
    "4. Quy trình, thủ tục, nội dung xét duyệt, thẩm định và thông báo kết quả xét duyệt, thẩm định quyết toán "
    "thực hiện theo các quy định hiện hành của Bộ Tài chính về hướng dẫn xét duyệt, thẩm định và thông báo quyết "
    "toán năm đối với các cơ quan hành chính, đơn vị sự nghiệp, tổ chức được ngân sách nhà nước hỗ trợ và ngân "
    "sách các cấp, cụ thể như sau:",
    "a) Phòng Lao động – Thương binh và Xã hội và cơ sở nuôi dưỡng, điều dưỡng người có công với cách mạng lập "
    "báo cáo quyết toán theo quy định gửi Sở Lao động – Thương binh và Xã hội trước ngày 30/4 hàng năm.",
    "b) Sở Lao động – Thương binh và Xã hội xét duyệt và thông báo kết quả xét duyệt quyết toán kinh phí cho "
    "Phòng Lao động – Thương binh và Xã hội, cơ sở nuôi dưỡng, điều dưỡng người có công với cách mạng và phần "
    "kinh phí chi tại Sở; tổng hợp báo cáo quyết toán kinh phí thực hiện chính sách ưu đãi người có công với cách"
    " mạng của tỉnh, thành phố trực thuộc Trung ương (kèm theo thông báo xét duyệt quyết toán cho phòng Lao động "
    "– Thương binh và Xã hội, cơ sở nuôi dưỡng, điều dưỡng người có công cách mạng, bảng xác nhận số dư, giấy nộp"
    " tiền vào ngân sách nhà nước (nếu có) gửi Bộ Lao động – Thương binh và Xã hội trước ngày 5/7 hàng năm.",
    "c) Bộ Lao động – Thương binh và Xã hội thẩm định và thông báo kết quả thẩm định quyết toán cho các Sở Lao "
    "động – Thương binh và Xã hội; tổng hợp quyết toán theo kết quả thẩm định gửi Bộ Tài chính trước ngày 1/10 "
    "hàng năm.",
    "d) Bộ Tài chính thẩm định và thông báo kết quả thẩm định quyết toán kinh phí thực hiện chi ưu đãi người có "
    "công với cách mạng cho Bộ Lao động – Thương binh và Xã hội và tổng hợp vào quyết toán ngân sách nhà nước "
    "theo chế độ quy định.",
]
ESTIMATE = ("Thẩm tra dự toán kinh phí hàng năm thực hiện chính sách ưu đãi người có công với cách mạng và người "
            "trực tiếp tham gia kháng chiến của Phòng Lao động - Thương binh và Xã hội các quận - huyện, các đơn "
            "vị thuộc Sở Lao động - Thương binh và Xã hội có sử dụng kinh phí thực hiện chính sách ưu đãi người "
            "có công với cách mạng và người trực tiếp tham gia kháng chiến gồm: Ban Quản trang thành phố, Sở Lao "
            "động - Thương binh và Xã hội (phần chi tại Sở, gọi chung là các đơn vị thuộc Sở), tổng hợp thành dự "
            "toán kinh phí của Thành phố báo cáo Bộ Lao động - Thương binh và Xã hội trước ngày {date} hàng năm.")


@pytest.mark.parametrize("duty, source", [
    # the Quy chế's 4.1 "Thẩm tra dự toán … báo cáo Bộ … trước ngày 05 tháng 7 hàng năm" ← the circular's 7.2.b,
    # not its 13.4.b that sets the same date for the settlement; and 4.6's settlement ← 13.4.b
    (ESTIMATE.format(date="05 tháng 7"), "Điều 7.2.b"),
    ("Tổng hợp báo cáo quyết toán kinh phí thực hiện chính sách ưu đãi người có công với cách mạng và người trực "
     "tiếp tham gia kháng chiến của Thành phố gửi về Bộ Lao động - Thương binh và Xã hội trước ngày 05 tháng 7 hàng "
     "năm.", "Điều 13.4.b"),
])
def test_a_duty_restated_around_the_parents_deadline_comes_from_the_step_closest_to_it(tmp_path, duty, source):
    links = _links(tmp_path, ["Điều 1. Sở Lao động - Thương binh và Xã hội có nhiệm vụ", f"1. {duty}"], FLOW_PARENT)
    assert {p for p, c in links if c == "Điều 1.1"} == {source}


@pytest.mark.parametrize("duty", [
    ESTIMATE.format(date="15 tháng 8"),  # a date the parent does not set
    # the parent's date and bodies, another duty
    "Hoàn thành việc sửa chữa trụ sở và bàn giao trang thiết bị cho Sở Lao động - Thương binh và Xã hội trước ngày "
    "5 tháng 7 hàng năm.",
    "Gửi Bộ Lao động - Thương binh và Xã hội báo cáo tình hình tổ chức đoàn thanh niên trước ngày 05 tháng 7 hàng "
    "năm.",
    "Tổ chức hội nghị tổng kết công tác thi đua khen thưởng của ngành, mời đại diện Bộ Lao động - Thương binh và Xã "
    "hội dự, trước ngày 5/7 hàng năm.",
])
def test_a_deadline_the_parent_does_not_set_or_shared_with_another_duty_is_no_source(tmp_path, duty):
    links = _links(tmp_path, ["Điều 1. Sở Lao động - Thương binh và Xã hội có nhiệm vụ", f"1. {duty}"], FLOW_PARENT)
    assert not any(c == "Điều 1.1" for _, c in links)


# A resolution numbers the points of a khoản "1.1.", "1.2." and letters their tiết ("a)"), as NQ 43/2022/QH15 does
# (bench/heldout_pairs 19): the child cites "tiết a, điểm 1.1, khoản 1 Điều 3", OCR'd "tiét" as often as not.
RESOLUTION = [
    "Điều 3. Chính sách hỗ trợ",
    "1. Chính sách tài khóa:",
    "1.1. Miễn, giảm thuế:",
    "a) Giảm 2% thuế suất thuế giá trị gia tăng trong năm 2022 đối với hàng hóa, dịch vụ đang áp dụng thuế suất 10%;",
    "b) Cho phép tính vào chi phí được trừ khoản chi ủng hộ, tài trợ cho hoạt động phòng, chống dịch Covid-19;",
    "1.2. Tăng chi đầu tư phát triển:",
    "a) Đầu tư hạ tầng y tế cơ sở, y tế dự phòng và nâng cao năng lực phòng, chống dịch bệnh;",
    "2. Chính sách tiền tệ:",
    "a) Hỗ trợ lãi suất 2%/năm cho các khoản vay thương mại của doanh nghiệp, hợp tác xã, hộ kinh doanh.",
    "Điều 4. Hiệu lực thi hành",
    "Nghị quyết này có hiệu lực thi hành từ ngày 11 tháng 01 năm 2022.",
]


@pytest.mark.parametrize("word", ["tiết", "tiét", "tiet"])
def test_a_tiet_of_a_numbered_point_is_the_point_the_pointer_names(tmp_path, word):
    links = _links(tmp_path, [
        "1. Các đơn vị phổ biến nội dung chính sách tới công chức, người khai hải quan trên địa bàn.",
        f"2. Việc áp dụng mức thuế suất 8% đối với hàng hóa nhập khẩu thực hiện theo quy định tại {word} a, điểm 1.1, "
        "khoản 1 Điều 3 Công văn số 12-CV/BTGTU.",
    ], RESOLUTION)
    assert {p for p, c in links if c == "2"} == {"Điều 3.1.1.a"}
