"""Half M's classes, built in code with other bodies, places and numbers: roles of an 'on the basis of' list, of a
basis entry glued to its list mark, of 'thực hiện theo', of an item that studies and carries out, of tasks assigned
in a plan; speakers placed by their congress, their steering committee, a secretary, a pilot chosen below, the
bodies they act with; mass organisations' systems; a spaced legislature in a symbol; an own number issued
'đồng thời' after a sources clause."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines, roles_of

from models import CitationRole, System, Tier

# --- 1. roles --------------------------------------------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["nhất là", "đặc biệt là", "trong đó là"]),
       st.sampled_from(["Hội Nông dân tỉnh Nam Định", "Ủy ban nhân dân huyện Kim Sơn"]))
def test_an_on_the_basis_list_closed_by_a_full_stop_is_carried_out(singled, body):
    letter = parse_lines([f"Trên cơ sở các văn bản chỉ đạo của Trung ương, của tỉnh về phát triển du lịch nông thôn; "
                          f"{singled} Nghị quyết số 11-NQ/TU ngày 02/3/2022 của Ban Chấp hành Đảng bộ tỉnh về du lịch; "
                          "Kế hoạch số 417/KH-UBND ngày 05/5/2022 của UBND tỉnh về việc thực hiện Nghị quyết “Du lịch "
                          "xanh” và Kế hoạch số 520/KH-UBND ngày 09/6/2022 về phong trào thi đua. "
                          f"{body} đã kịp thời chỉ đạo các cấp triển khai."])
    for symbol in ("11-NQ/TU", "417/KH-UBND", "520/KH-UBND"):
        assert roles_of(letter, symbol) == {CitationRole.IMPLEMENTS}


def test_a_basis_glued_to_its_list_mark_joins_two_documents_by_va():
    letter = parse_lines(["KẾ HOẠCH", "Tổ chức Đại hội Mặt trận Tổ quốc Việt Nam xã Tân Lập", "",
                          "-Căn cứ Chỉ thị số 21-CT/TW, ngày 10/01/2023 của Ban Bí thư Trung ương Đảng và Thông tri số "
                          "14/TT-MTTW-BTT, ngày 20/02/2023 của Ban Thường trực", "",
                          "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam về hướng dẫn Đại hội MTTQ các cấp", "",
                          "- Căn cứ Chỉ thị số 30-CT/TU, ngày 17/4/2023 của Ban Thường vụ Tỉnh ủy"])
    assert roles_of(letter, "21-CT/TW") == {CitationRole.IMPLEMENTS}
    assert roles_of(letter, "14/TT-MTTW-BTT") == {CitationRole.IMPLEMENTS}


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Đề án", "Kế hoạch", "Chỉ thị"]))
def test_what_a_text_acts_by_it_carries_out(kind):
    letter = parse_lines([f"Thực hiện theo {kind} số 09-ĐA/TU của Thành ủy Hải Phòng về việc sắp xếp tổ dân phố, "
                          "các chi bộ đã tổ chức sinh hoạt."])
    assert roles_of(letter, "09-ĐA/TU") == {CitationRole.IMPLEMENTS}


def test_an_item_that_studies_and_carries_out_a_directive():
    letter = parse_lines(["HƯỚNG DẪN", "Công tác phòng, chống ma túy năm 2024", "",
                          "Hội Cựu chiến binh tỉnh Nam Định hướng dẫn như sau:", "",
                          "1. Công tác phòng, chống ma túy.", "",
                          "Tiếp tục quán triệt thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 về tăng cường phòng, "
                          "chống ma túy trong hội viên."])
    assert roles_of(letter, "36-CT/TW") == {CitationRole.IMPLEMENTS}


def test_the_tasks_assigned_in_a_plan_are_carried_out():
    letter = parse_lines(["KẾ HOẠCH", "Hoạt động của Ban Chỉ đạo năm 2024", "", "I. MỤC TIÊU", "",
                          "Ngoài công tác điều hành để thực hiện hoàn thành các chỉ tiêu, nhiệm vụ đã được phân công "
                          "tại Kế hoạch số 125/KH-UBND ngày 10/01/2024 của UBND huyện về cải cách hành chính, các "
                          "thành viên Ban Chỉ đạo tập trung thực hiện các mục tiêu sau."])
    assert roles_of(letter, "125/KH-UBND") == {CitationRole.IMPLEMENTS}


def test_a_task_named_in_a_plan_otherwise_is_a_mention():
    letter = parse_lines(["KẾ HOẠCH", "Hoạt động năm 2024", "", "I. MỤC TIÊU", "",
                          "Các thành viên tổng kết Kế hoạch số 125/KH-UBND ngày 10/01/2024 của UBND huyện."])
    assert roles_of(letter, "125/KH-UBND") == {CitationRole.MENTIONS}


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Nghị quyết", "Quyết định"]))
def test_an_act_announced_at_a_ceremony_is_carried_out(kind):
    letter = parse_lines([f"Sáng 02/01/2024, Ban Chấp hành Đảng bộ huyện Kim Sơn tổ chức lễ công bố {kind} số "
                          "1022/NQ-UBTVQH15 về sắp xếp đơn vị hành chính cấp xã."])
    assert roles_of(letter, "1022/NQ-UBTVQH15") == {CitationRole.IMPLEMENTS}


def test_an_act_received_is_no_ceremony():
    letter = parse_lines(["Sáng 02/01/2024, huyện Kim Sơn nhận Nghị quyết số 1022/NQ-UBTVQH15 về sắp xếp đơn vị hành "
                          "chính cấp xã."])
    assert roles_of(letter, "1022/NQ-UBTVQH15") == {CitationRole.MENTIONS}


# --- 2. speakers placed ----------------------------------------------------------------------------------------


def test_a_ward_party_organisation_that_completes_its_preparation():
    letter = parse_lines(["Tin Đại hội", "Trong những ngày qua, Đảng bộ phường Tân An đã khẩn trương hoàn tất công "
                          "tác chuẩn bị tổ chức Đại hội Đảng bộ phường lần thứ I, nhiệm kỳ 2025–2030."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


def test_a_central_associations_steering_committee_by_its_letters():
    letter = parse_lines(["HƯỚNG DẪN: Công tác phòng, chống tội phạm năm 2024", "",
                          "Căn cứ Chương trình công tác năm 2024; Ban Chỉ đạo phong trào BVANTQ Trung ương Hội CCB "
                          "Việt Nam hướng dẫn kế hoạch tổ chức hoạt động năm 2024 như sau:"])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["đã động viên và giao nhiệm vụ cho", "đã giao nhiệm vụ cho"]))
def test_a_ward_secretary_who_encourages_and_tasks(verb):
    letter = parse_lines(["Chi bộ mới sinh hoạt lần đầu", "Tham gia buổi sinh hoạt, đồng chí Trần Thị Lan, Bí thư Đảng "
                          f"ủy phường {verb} cấp ủy chi bộ 5 phải nhanh chóng ổn định tổ chức."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


def test_a_district_front_that_chooses_a_commune_front_for_a_pilot():
    letter = parse_lines(["Chuẩn bị Đại hội MTTQ các cấp", "Theo kế hoạch, Ban Thường trực Ủy ban MTTQ huyện chọn Ủy "
                          "ban MTTQ xã Bình An làm điểm chỉ đạo Đại hội cấp xã vào tháng 12/2023."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["và các ngành, địa phương", "cùng các sở, ngành", "và các cấp, ngành"]))
def test_a_committee_named_with_the_bodies_it_acts_with(partners):
    letter = parse_lines(["- Đã xem: 12", f"Trong năm 2023, UBND tỉnh {partners} đã chỉ đạo triển khai các cuộc "
                          "thanh tra năm 2023 bảo đảm có trọng tâm."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


# --- 3. systems of mass organisations --------------------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["quản lý và chỉ đạo", "lãnh đạo và chỉ đạo"]))
def test_a_trade_union_by_its_letters_is_the_states(verb):
    letter = parse_lines([f"Hiện LĐLĐ huyện {verb} 95 đơn vị Công đoàn cơ sở với 2.500 đoàn viên."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


def test_an_association_named_through_its_own_levels_is_the_states():
    letter = parse_lines(["Nông thôn mới", "Phong trào thi đua là một trong những nhiệm vụ trọng tâm của các cấp Hội "
                          "Cựu chiến binh tỉnh. Từ đó, các cấp Hội đã làm tốt công tác tuyên truyền trong tỉnh."])
    assert letter.system is System.STATE


# --- 4. symbols and own numbers --------------------------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["–", "-"]), st.sampled_from(["14", "15"]))
def test_a_spaced_legislature_after_a_spaced_dash(dash, term):
    letter = parse_lines([f"Ngày 01/01/2024, Ban Chấp hành Đảng bộ huyện tổ chức lễ công bố Nghị quyết số "
                          f"905/NQ {dash} UBTVQH {term}, và các Quyết định của Huyện ủy."])
    assert [c.symbol for c in letter.citations] == [f"905/NQ-UBTVQH{term}"]


def test_an_own_number_issued_at_the_same_time_after_a_sources_clause():
    letter = parse_lines(["Huyện tăng cường phòng chống dịch", "",
                          "Kinhtedothi - Thực hiện Chỉ thị 07 của Thành ủy Hải Phòng về tăng cường trách nhiệm của "
                          "hệ thống chính trị và người đứng đầu cấp ủy, chính quyền các cấp trong thực hiện các biện "
                          "pháp cấp bách phòng, chống dịch bệnh truyền nhiễm, Ban Thường vụ Huyện ủy An Lão đã "
                          "quán triệt tới toàn bộ hệ thống chính trị từ huyện đến cơ sở, đồng thời ban hành Chỉ thị "
                          "số 11/CT-HU về tăng cường trách nhiệm của người đứng đầu."])
    assert letter.header.symbol == "11/CT-HU"
