"""Real cross-tier cascades (bench/heldout_pairs 08-10: a Prime Minister's decision, a city's plan, a
ministry's follow-up letter, a ministry's circular): the layouts and link classes they showed, each built
in code after the real example."""

import dataclasses

import pytest
from letter_factory import build_letter, item, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters, prepare
from cascade.mandate import assignment_units, issuer_names
from cascade.tokens import keys_of, tokenize
from cascade.units import letter_units


def test_a_point_printed_with_its_khoans_path_is_that_khoans_point(tmp_path):
    # the city's plan: "2.1. Bước 1:" / "2.1.a. Thành lập Ban Chỉ đạo …:" / "2.1.b. Hướng dẫn …:" / "2.2. Bước 2: …"
    body = [
        "1. Trình tự lập và phê duyệt danh sách",
        "1.1. Bước 1:",
        "1.1.a. Thành lập tổ công tác ở từng xã, phường:",
        "Ủy ban nhân dân xã thành lập tổ công tác gồm cán bộ địa chính, lao động và đại diện các đoàn thể.",
        "1.1.b. Hướng dẫn và tiếp nhận hồ sơ:",
        "Các thôn, tổ dân phố phổ biến tiêu chuẩn và nhận đơn của các hộ gia đình.",
        "1.2. Bước 2: Kiểm tra hiện trạng nhà ở của từng hộ có đơn.",
        "2. Yêu cầu kỹ thuật",
        "2.1. Yêu cầu về chất lượng:",
        "2.1.a) Sở Xây dựng thiết kế tối thiểu 03 mẫu nhà ở điển hình.",
        "2.1.b) Nhà ở sau khi xây dựng phải bảo đảm diện tích tối thiểu 30 m2.",
    ]
    letter = build_letter(tmp_path, "plan.txt", body)
    ids = [u.id for u in letter_units(letter) if u.is_item]
    assert ids == ["1", "1.1", "1.1.a", "1.1.b", "1.2", "2", "2.1", "2.1.a", "2.1.b"]
    point = next(u for u in letter_units(letter) if u.id == "1.1.a")
    assert point.text.startswith("Thành lập tổ công tác")


# A decision in articles (the Prime Minister's Quyết định 22/2013/QĐ-TTg: Điều 2 who is supported, Điều 4 the
# management cost), with the letter_factory header's symbol 12-CV/BTGTU standing for the decision's.
DECISION = [
    "Điều 1. Nguyên tắc hỗ trợ",
    "1. Hỗ trợ trực tiếp cho hộ gia đình đang ở và có hộ khẩu thường trú tại nhà ở đó.",
    "Điều 2. Đối tượng được hỗ trợ",
    "1. Hộ gia đình có thương binh, bệnh binh, thân nhân liệt sỹ đã được cơ quan có thẩm quyền công nhận.",
    "2. Hộ đang ở nhà tạm hoặc nhà ở bị hư hỏng nặng phải phá dỡ để xây mới.",
    "Điều 4. Chi phí quản lý",
    "1. Các tỉnh sử dụng ngân sách địa phương bố trí kinh phí quản lý tối đa không quá 0,5% tổng kinh phí.",
    "2. Bộ Xây dựng lập dự toán kinh phí hàng năm cho công tác chỉ đạo, kiểm tra, tổng kết.",
]


def _links(tmp_path, child_body):
    parent, child = pair(tmp_path, DECISION, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}


def test_a_child_item_naming_an_article_of_the_parent_by_its_symbol_restates_that_article(tmp_path):
    # the ministry's circular: "4.1. Đối tượng hỗ trợ … quy định tại Điều 2 Quyết định số 22/2013/QĐ-TTg."
    links = _links(tmp_path, [
        "1. Phạm vi áp dụng: việc cấp phát và quyết toán nguồn vốn của chương trình trên địa bàn huyện.",
        "2. Đối tượng được xét duyệt trong năm theo quy định tại Điều 2 Công văn số 12-CV/BTGTU.",
        "3. Bố trí kinh phí triển khai theo quy định tại Khoản 1 Điều 4 của Công văn số 12-CV/BTGTU.",
    ])
    assert ("Điều 2", "2") in links
    assert ("Điều 4.1", "3") in links
    assert not any(c == "1" for _, c in links)


@pytest.mark.parametrize("pointer", ["Điều 2 Công văn này", "Điều 2 Công văn số 98-CV/BTGTU", "Điều 7 Công văn số "
                                     "12-CV/BTGTU"])
def test_an_article_named_in_the_childs_own_text_or_of_another_letter_or_not_in_the_parent_is_no_source(
        tmp_path, pointer):
    links = _links(tmp_path, [f"1. Đối tượng được xét duyệt trong năm theo quy định tại {pointer}."])
    assert not links


PROCEDURE = ("Ủy ban nhân dân cấp xã đối chiếu, lập danh sách các hộ được hỗ trợ báo cáo Ủy ban nhân dân cấp huyện; "
             "Ủy ban nhân dân cấp huyện tổng hợp, kiểm tra và phê duyệt danh sách số hộ thuộc diện được hỗ trợ.")


@pytest.mark.parametrize("leads, at", [
    # the city's plan: "1. Đối với Ủy ban nhân dân các cấp" / "1.1. Ủy ban nhân dân Thành phố:" / "1.2. … quận,
    # huyện:" / "1.3. … xã, phường, thị trấn:", each taking its share of the decision's procedure
    (("Ủy ban nhân dân huyện:", "Ủy ban nhân dân xã, thị trấn:"), {"1.1", "1.2"}),
    # the same sub-items under headings of what is done: the section restates the item as a whole
    (("Lập và gửi danh sách các hộ:", "Kiểm tra và phê duyệt danh sách:"), {"1"}),
])
def test_a_parent_item_handed_out_body_by_body_is_linked_to_each_body(tmp_path, leads, at):
    first, second = PROCEDURE.split("; ")
    parent, child = pair(tmp_path, item("1.", "Thực hiện hỗ trợ nhà ở cho hộ gia đình.") + item("2.", PROCEDURE),
                         ["1. Đối với các cơ quan có liên quan", f"1.1. {leads[0]}", f"- {second}.",
                          f"1.2. {leads[1]}", f"- {first}."])
    links = {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}
    assert {c for p, c in links if p == "2"} == at


# A district decision listing the communes' duties, and the district office's follow-up letter to the
# communes passing them on in its own words (after the Bộ Xây dựng's Công văn 2428/BXD-QLN on Quyết định
# 22/2013/QĐ-TTg, 'Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương').
DUTIES = [
    "1. Huyện ủy Bù Đăng chủ trì hướng dẫn các xã triển khai thực hiện chính sách; đôn đốc, kiểm tra và định kỳ "
    "tổng hợp tình hình thực hiện báo cáo Tỉnh ủy.",
    "2. Trách nhiệm của Ủy ban nhân dân các xã, thị trấn",
    "a) Công bố công khai về đối tượng, tiêu chuẩn được hỗ trợ, lập danh sách hộ được hỗ trợ về nhà ở trên địa bàn.",
    "b) Hàng tháng có báo cáo nhanh, 3 tháng một lần có báo cáo định kỳ kết quả thực hiện chính sách gửi về "
    "Phòng Lao động và Phòng Tài chính để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
]
RELAYED = [
    "1. Thường xuyên báo cáo tình hình thực hiện chính sách tại địa phương bằng văn bản về Phòng Lao động, "
    "Phòng Nội vụ trước ngày 25 hàng tháng để tổng hợp.",
    "2. Các xã chưa niêm yết thì khẩn trương dán thông báo tại nhà văn hóa thôn, ấp trong tháng này.",
]


@pytest.mark.parametrize("addressed, linked", [
    (("Ủy ban nhân dân các xã, thị trấn",), {("2.b", "1")}),
    # addressed to others: nothing is relayed, and the issuer's own task goes to the closest child sentence
    (("Các tổ chức đảng trực thuộc Huyện ủy",), {("1", "1")}),
])
def test_a_letter_relays_to_its_addressees_the_duties_the_parent_lists_for_them(tmp_path, addressed, linked):
    parent, child = pair(tmp_path, DUTIES, RELAYED, child_parts={"recipients": addressed})
    links = {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}
    # … and when it relays them, its issuer's own task (1: guide, urge, report) is what it does by being written
    assert links == linked


def test_an_amounts_words_in_brackets_say_the_figure_again_and_carry_no_keys():
    # Thông tư 98/2013/TT-BTC: "40 (Bốn mươi) triệu đồng/hộ" for the decision's "Hỗ trợ 40 triệu đồng/hộ"
    tokens = tokenize("Mức 40 (Bốn mươi) triệu đồng/hộ và 20 (hai mươi) triệu đồng/hộ.")
    assert keys_of(tokens) == ["mức", "40", "triệu", "đồng", "hộ", "và", "20", "triệu", "đồng", "hộ"]
    assert "".join(t.surface for t in tokens) == "Mức 40 (Bốn mươi) triệu đồng/hộ và 20 (hai mươi) triệu đồng/hộ."
    # words in brackets that are not a spelled figure keep their keys
    assert keys_of(tokenize("Điều 2 (một số quy định)")) == ["điều", "2", "một", "số", "quy", "định"]


# The decision's amounts, one per case, each in a clause of its own (QĐ 22/2013/QĐ-TTg Điều 3), and a circular
# restating them case by case in its own words (TT 98/2013/TT-BTC Điều 4.2).
AMOUNTS = [
    "1. Mức hỗ trợ",
    "a) Hỗ trợ 40 triệu đồng/hộ đối với trường hợp nêu tại Điểm a Khoản 2 Điều 2 Quyết định này;",
    "b) Hỗ trợ 20 triệu đồng/hộ đối với trường hợp nêu tại Điểm b Khoản 2 Điều 2 Quyết định này.",
    "2. Tiêu chuẩn nhà ở",
    "Nhà ở sau khi xây dựng phải bảo đảm diện tích sử dụng tối thiểu 30 m2 và tiêu chuẩn 3 cứng.",
]


@pytest.mark.parametrize("figure, source", [("40", "1.a"), ("20", "1.b"), ("35", None)])
def test_a_child_line_restating_an_amount_the_parent_states_once_comes_from_that_line(tmp_path, figure, source):
    child = [f"1. Mức {figure} ({'Bốn' if figure == '40' else 'Hai'} mươi) triệu đồng/hộ đối với trường hợp nhà ở "
             "hiện có phải phá dỡ, xây dựng lại toàn bộ trên nền cũ."]
    parent, child_letter = pair(tmp_path, AMOUNTS, child)
    links = {lk.parent_item for lk in link_letters(parent, child_letter).item_links if lk.child_item == "1"}
    assert links == ({source} if source else set())


SPREAD = ("Tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của chính sách hỗ trợ nhà ở "
          "cho người có công với cách mạng.")


@pytest.mark.parametrize(("lines", "named"), [
    # QĐ 22 8.1.b: "Chủ trì, phối hợp với Bộ Tài chính, Bộ Xây dựng, Bộ Lao động - … cân đối, bố trí vốn …"
    (["2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Huyện ủy Bù Đăng, Huyện ủy Lộc Ninh rà soát."], set()),
    (["2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Huyện ủy Lộc Ninh, Huyện ủy Bù Đăng, Huyện ủy Đồng Phú rà "
      "soát."], set()),
    (["2. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Huyện ủy Bù Đăng rà soát."], {"2"}),  # the one partner
    (["2. Giao Huyện ủy Bù Đăng, Huyện ủy Lộc Ninh chủ trì rà soát danh sách."], {"2"}),  # assigned jointly
    # QĐ 22 8.1.c: "c) Bộ Tài chính:" / "Phối hợp với Bộ Xây dựng bố trí vốn …": the heading gives it what follows
    (["2. Huyện ủy Bù Đăng:", "a) Rà soát danh sách các hộ.", "- Báo cáo Ban Thường vụ Tỉnh ủy trước ngày 15."],
     {"2", "2.a", "2.a/1"}),
    (["2. Trách nhiệm của các huyện:", "a) Rà soát danh sách các hộ."], set()),
])
def test_the_childs_issuer_acts_alone_or_under_a_heading_that_names_it_not_in_a_list_of_partners(
        tmp_path, lines, named):
    parent, child = pair(tmp_path, item("1.", SPREAD) + lines, item("1.", SPREAD))
    prep = prepare(parent, child)
    found = {prep.p_units[k].id for k in assignment_units(prep.p_units, prep.p_tokens, issuer_names(child))}
    assert found == named


def test_the_childs_own_task_goes_where_the_child_names_itself_as_the_one_who_acts(tmp_path):
    # TT 98 5.3 "Căn cứ đề nghị … của UBND các tỉnh …, Bộ Tài chính … bổ sung có mục tiêu" carries QĐ 22 8.1.c
    # "Bộ Tài chính: Phối hợp với Bộ Xây dựng bố trí vốn từ ngân sách trung ương hỗ trợ tỉnh …", though
    # another child item ("Nguồn vốn ngân sách trung ương hỗ trợ …") shares more of its words
    parent_lines = [*item("1.", SPREAD), "2. Huyện ủy Bù Đăng:",
                    "Phối hợp với Ban Tổ chức bố trí vốn từ ngân sách tỉnh hỗ trợ các xã để hỗ trợ cho các hộ thuộc "
                    "diện được hỗ trợ."]
    child_lines = [*item("1.", SPREAD),
        "2. Nguồn vốn ngân sách tỉnh bố trí hỗ trợ theo tỷ lệ quy định cho từng nhóm xã trong năm.",
        "3. Căn cứ đề nghị của các xã kèm danh sách đã phê duyệt, Huyện ủy Bù Đăng tổng hợp và đề nghị tạm cấp "
        "kinh phí cho từng xã trong quý.",
    ]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    links = {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}
    assert ("2", "3") in links and ("2", "2") not in links


# A decision saying one thing twice in other words, as procedure and as a body's duty (QĐ 22 6.2.c "Việc quản lý,
# cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ thực hiện theo hướng dẫn của Bộ Tài chính" and 8.2.c "Chỉ đạo
# công tác lập dự toán, quản lý, cấp phát, … theo hướng dẫn của Bộ Tài chính"), and a circular's scope restating it.
TWICE = [
    "1. Phương thức thực hiện",
    "a) Ủy ban nhân dân cấp xã lập danh sách các hộ được hỗ trợ, báo cáo Ủy ban nhân dân cấp huyện phê duyệt.",
    "b) Việc quản lý, cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ thực hiện theo hướng dẫn của Sở Tài chính.",
    "2. Trách nhiệm của Ủy ban nhân dân cấp huyện",
    "a) Công bố công khai đối tượng, tiêu chuẩn được hỗ trợ trên địa bàn và lập danh sách hộ được hỗ trợ.",
    "b) Chỉ đạo việc lập dự toán, quản lý, cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ theo hướng dẫn của Sở "
    "Tài chính.",
]
SCOPE = ("1. Hướng dẫn việc lập dự toán, quản lý, cấp phát, thanh toán và quyết toán nguồn vốn hỗ trợ thực hiện cho hộ "
         "nghèo về nhà ở.")


def test_a_sentence_restating_what_the_parent_says_twice_in_other_words_comes_from_both(tmp_path):
    parent, child = pair(tmp_path, TWICE, [SCOPE])
    links = {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}
    assert links == {("1.b", "1"), ("2.b", "1")}
    # the two closest units are as close, so without the rule only the word runs' source is found
    off = dataclasses.replace(DEFAULT_SETTINGS, twin_min=1.0)
    assert {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child, off).item_links} == {("2.b", "1")}


# A province decision giving duties to every district's People's Committee, and one district's plan carrying
# its share out in its own words (after QĐ 22 8.2 "Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực
# thuộc Trung ương" and the Ho Chi Minh City plan, bench/heldout_pairs 08).
DISTRICT_HEADER = ("ỦY BAN NHÂN DÂN", "HUYỆN BÙ ĐĂNG", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "Bù Đăng, ngày 30 tháng 5 năm 2024")
EVERY_DISTRICT = [
    "1. Trách nhiệm của Sở Xây dựng",
    "a) Hướng dẫn các huyện thiết kế mẫu nhà ở phù hợp với từng vùng.",
    "2. Trách nhiệm của Ủy ban nhân dân cấp huyện",
    "a) Công bố công khai về đối tượng, tiêu chuẩn được hỗ trợ, lập danh sách hộ được hỗ trợ về nhà ở trên địa bàn.",
    "b) Hàng tháng có báo cáo nhanh, 3 tháng một lần có báo cáo định kỳ kết quả thực hiện chính sách gửi về Sở Xây "
    "dựng và Sở Tài chính để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.",
]
DISTRICT_PLAN = [
    "1. Thường xuyên báo cáo tình hình thực hiện chính sách trên địa bàn bằng văn bản về Sở Xây dựng, Sở Nội vụ "
    "trước ngày 25 hàng tháng để tổng hợp.",
    "2. Các xã chưa niêm yết thì khẩn trương dán thông báo tại nhà văn hóa thôn, ấp trong tháng này.",
]


@pytest.mark.parametrize("code, linked", [("UBND", {("2.b", "1")}), ("BQL", set())])
def test_the_duties_a_parent_gives_every_body_of_the_childs_kind_and_tier_are_the_childs_own(tmp_path, code, linked):
    header = tuple(line.replace("UBND", code) for line in DISTRICT_HEADER)
    signature = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")
    parent, child = pair(tmp_path, EVERY_DISTRICT, DISTRICT_PLAN,
                         child_parts={"header": header, "recipients": None, "signature": signature})
    assert {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links} == linked


def test_a_sentence_closer_to_the_parents_procedure_than_to_a_duty_is_not_relayed(tmp_path):
    # the city's plan: a step closer to the decision's procedure (6.1) than to the province's duty (8.2.a)
    procedure = ["3. Phương thức thực hiện", "a) Các xã thường xuyên báo cáo tình hình thực hiện chính sách bằng văn "
                 "bản về Ủy ban nhân dân huyện để tổng hợp."]
    signature = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình")
    parent, child = pair(tmp_path, EVERY_DISTRICT + procedure, DISTRICT_PLAN,
                         child_parts={"header": DISTRICT_HEADER, "recipients": None, "signature": signature})
    assert {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links} == {("3.a", "1")}
