"""Round 10 of issue 12 (bench/heldout_pairs 08, 10, 13): classes of real cross-tier misses, each layout built in
code with invented wording after the real examples. The letter_factory header's symbol 12-CV/BTGTU stands for
the parent's."""

from letter_factory import pair

from cascade.linking import link_letters


def _links(tmp_path, parent_body, child_body):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}


# --- a legal article headed by a stock heading carries the parent's section of that heading ------------------
# (a resolution's "III. TỔ CHỨC THỰC HIỆN" → the decision's "Điều 6. Tổ chức thực hiện", whose khoản restate the
# section's duties body by body; a decision's "Điều 8. Tổ chức thực hiện" → a plan's "III. TỔ CHỨC THỰC HIỆN")

PLAN_PARENT = [
    "I. NỘI DUNG CHÍNH SÁCH",
    "1. Hỗ trợ một lần cho hộ nuôi trồng thủy sản bị thiệt hại do bão lũ với mức 3.000.000 đồng mỗi hộ, chi từ "
    "nguồn dự phòng ngân sách trung ương năm 2025.",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương rà soát, lập danh sách hộ nuôi trồng thủy sản bị "
    "thiệt hại, tổng hợp nhu cầu kinh phí gửi Bộ Tài chính trước ngày 15 tháng 11.",
    "2. Ngân hàng Chính sách xã hội chi trả tiền hỗ trợ qua tài khoản của hộ trong thời hạn 10 ngày làm việc kể "
    "từ ngày nhận được danh sách đã được phê duyệt.",
]

ARTICLE_CHILD = [
    "Điều 1. Mức hỗ trợ",
    "Hỗ trợ một lần cho hộ nuôi trồng thủy sản bị thiệt hại do bão lũ với mức 3.000.000 đồng mỗi hộ, chi từ nguồn "
    "dự phòng ngân sách trung ương năm 2025.",
    "Điều 2. Tổ chức thực hiện",
    "1. Bộ Nông nghiệp và Môi trường hướng dẫn các địa phương rà soát, lập danh sách hộ nuôi trồng thủy sản bị "
    "thiệt hại, tổng hợp nhu cầu kinh phí gửi Bộ Tài chính trước ngày 15 tháng 11.",
    "2. Ngân hàng Chính sách xã hội chi trả tiền hỗ trợ qua tài khoản của hộ trong thời hạn 10 ngày làm việc kể từ "
    "ngày nhận được danh sách đã được phê duyệt.",
]


def test_an_article_headed_by_the_stock_heading_carries_the_parent_section(tmp_path):
    links = _links(tmp_path, PLAN_PARENT, ARTICLE_CHILD)
    assert ("II", "Điều 2") in links
    assert {("II.1", "Điều 2.1"), ("II.2", "Điều 2.2")} <= links  # its khoản keep their own links
    assert ("I.1", "Điều 1") in links


def test_the_heading_read_by_ocr_without_its_marks_is_the_same_heading(tmp_path):
    damaged = ["II. TO CHUC THUC HIEN" if line == "II. TỔ CHỨC THỰC HIỆN" else line for line in PLAN_PARENT]
    assert ("II", "Điều 2") in _links(tmp_path, damaged, ARTICLE_CHILD)


def test_a_parent_article_headed_by_the_stock_heading_goes_to_the_plan_section(tmp_path):
    decision = ["Điều 1. Mức hỗ trợ", PLAN_PARENT[1], "Điều 2. Tổ chức thực hiện", *PLAN_PARENT[3:]]
    plan = ["I. MỨC HỖ TRỢ", "1. " + PLAN_PARENT[1][3:], "II. TỔ CHỨC THỰC HIỆN", *PLAN_PARENT[3:]]
    assert ("Điều 2", "II") in _links(tmp_path, decision, plan)


def test_plan_sections_of_the_stock_heading_stay_each_plans_frame(tmp_path):
    # no article on either side: each plan frames itself (the dev and built pairs' gold links neither heading)
    plan = ["I. NỘI DUNG", "1. " + PLAN_PARENT[1][3:], "II. TỔ CHỨC THỰC HIỆN", *PLAN_PARENT[3:]]
    links = _links(tmp_path, PLAN_PARENT, plan)
    assert ("II", "II") not in links
    assert {("II.1", "II.1"), ("II.2", "II.2")} <= links


def test_an_article_of_another_stock_heading_is_not_the_section(tmp_path):
    other = [line.replace("Điều 2. Tổ chức thực hiện", "Điều 2. Trách nhiệm thi hành") for line in ARTICLE_CHILD]
    assert ("II", "Điều 2") not in _links(tmp_path, PLAN_PARENT, other)
