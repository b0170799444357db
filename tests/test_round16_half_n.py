"""Half N's classes, built in code with other bodies, places and numbers: page furniture (a 'Nội dung chi tiết'
pointer, a reporter's name and the related items under it); own numbers in prose after an occasion clause, after two
joined acts, after a city's 'TP.'; speakers by a department named in lower case or with a tense word after it, a
passive 'được giao', a body named with a bare place the gazetteer knows, an officer who chairs, a report's source,
a schedule's holder, a headline's unit, a sector's national units; roles of a list whose first entries have no
number and of a document's short name."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines, roles_of

from models import CitationRole, System, Tier
from parsers.tier import tier_of_issuer, tier_of_place_name

# --- 1. page furniture -----------------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Nội dung chi tiết", "Chi tiết"]), st.sampled_from(["Công văn", "Kế hoạch"]))
def test_a_pointer_to_the_attached_letter_is_furniture(label, kind):
    letter = parse_lines([f"Cục Chăn nuôi vừa có {kind.lower()} số 452/CN-TACN ngày 12/4/2022 gửi các Sở Nông nghiệp "
                          "và PTNT về việc quản lý thức ăn chăn nuôi. Theo đó, Cục Chăn nuôi đề nghị các Sở triển khai "
                          "một số nội dung:", f"{label}: {kind} số 452/CN-TACN"])
    assert letter.header.symbol == "452/CN-TACN"
    assert letter.tier is Tier.CENTRAL


def test_the_items_under_a_reporters_name_are_the_pages_not_the_letters():
    letter = parse_lines(["Đoàn kiểm tra UBND huyện Tiên Lãng vừa kiểm tra công tác vệ sinh môi trường tại xã Quyết "
                          "Tiến.", "Đoàn kiểm tra đề nghị xã tăng cường tuyên truyền.", "TRẦN MINH", "08:15 03/02/2024",
                          "Chuyên mục Nghị định 144/CP: Xử phạt vi phạm hành chính về trật tự"])
    assert [c.symbol for c in letter.citations] == []
    assert letter.tier is Tier.DISTRICT


def test_a_capitalised_name_that_is_no_family_name_keeps_what_follows():
    letter = parse_lines(["Đoàn kiểm tra UBND huyện Tiên Lãng vừa kiểm tra tại xã Quyết Tiến.", "NỘI DUNG KIỂM TRA",
                          "Thực hiện Nghị định 144/CP về xử phạt vi phạm hành chính"])
    assert "144/CP" in {c.symbol for c in letter.citations}


# --- 2. own numbers in prose -----------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Hướng tới kỷ niệm", "Hưởng ứng", "Chào mừng"]))
def test_an_own_number_after_a_long_occasion_clause(opener):
    letter = parse_lines([f"{opener} 190 năm thành lập, 25 năm ngày tái lập tỉnh Bắc Ninh nhằm tuyên truyền sâu rộng "
                          "truyền thống lịch sử, văn hóa, con người Kinh Bắc, quá trình hình thành và phát triển của "
                          "tỉnh trong 190 năm qua và những thành tựu sau 25 năm tái lập tỉnh, Ban Dân vận Tỉnh ủy Bắc "
                          "Ninh đã ban hành Hướng dẫn  số 31-HD/BDVTU, ngày 05/9/2021 về các hoạt động kỷ niệm.",
                          "Theo đó, Sở Nội vụ được giao nhiệm vụ chủ trì tổ chức các hoạt động."])
    assert letter.header.symbol == "31-HD/BDVTU"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.PARTY)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["phát động và ban hành", "thông qua và ban hành"]), st.sampled_from(["TP.", "thành phố"]))
def test_an_own_number_after_two_joined_acts_and_a_citys_abbreviation(acts, city):
    letter = parse_lines(["Đà Nẵng: Xây dựng đô thị văn minh", "",
                          f"UBND {city} Đà Nẵng vừa {acts} Kế hoạch 214/KH-UBND triển khai phong trào thi đua “Đô thị "
                          "văn minh” năm 2023 nhằm nâng cao ý thức của người dân."])
    assert letter.header.symbol == "214/KH-UBND"
    assert letter.tier is Tier.PROVINCE


# --- 3. speakers -----------------------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["cũng chỉ đạo", "đã chỉ đạo", "cũng đã yêu cầu"]),
       st.sampled_from(["Chi cục QLTT Nghệ An", "Chi cục Kiểm lâm Nghệ An", "Chi cục Thủy sản Nghệ An",
                        "Chi cục Quản lý thị trường Nghệ An", "Cục Quản lý thị trường Nghệ An"]))
def test_a_tense_word_ends_a_departments_name(verb, body):
    letter = parse_lines([f"Để bảo đảm thị trường dịp Tết, {body} {verb} các đội tăng cường kiểm tra hàng hóa."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_passive_body_is_tasked_not_the_speaker():
    letter = parse_lines(["Theo đó, Sở Giáo dục và Đào tạo được giao chủ trì; Ban Tuyên giáo Huyện ủy Yên Thế đã "
                          "chỉ đạo các chi bộ triển khai."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([("Chi cục Thủy lợi Quảng Ninh", Tier.PROVINCE), ("Công an Hà Tĩnh", Tier.PROVINCE),
                        ("Trung tâm Y tế Văn Yên", Tier.DISTRICT), ("Cục Hải quan Cao Bằng", Tier.PROVINCE),
                        ("Hội Chữ thập đỏ Thái Bình", Tier.PROVINCE)]))
def test_a_body_with_a_bare_place_is_placed_by_the_gazetteer(case):
    name, tier = case
    assert tier_of_issuer(name) is tier
    assert tier_of_place_name(name) is tier


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Cục Văn hóa Cơ sở", "Bộ Giao thông Vận tải", "Tổng cục Hải quan", "Cục Bảo vệ thực vật"]))
def test_a_central_bodys_own_name_is_no_place(name):
    assert tier_of_issuer(name) is Tier.CENTRAL


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Trường Tiểu học Kim Đồng", "TRƯỜNG THPT CHI LĂNG", "Công ty Cổ phần Tây Sơn"]))
def test_a_school_or_firm_named_after_a_person_or_battle_is_not_placed_by_it(name):
    assert tier_of_issuer(name) is Tier.UNKNOWN


def test_a_place_name_is_no_capitalised_verb():
    letter = parse_lines(["Địa điểm tiếp xúc cử tri |", "Hội trường Huyện ủy - HĐND - UBND huyện Giao Thủy |",
                          "Nhà văn hóa xã Hồng Thuận |"])
    assert letter.tier is not Tier.DISTRICT


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Ông", "Bà", "đồng chí"]))
def test_a_body_whose_officer_chairs_its_meeting(who):
    letter = parse_lines([f"Sáng ngày 05/3/2018, Thường trực HĐND huyện do {who} Lò Văn Phương - UV Ban Thường vụ "
                          "Huyện ủy - Phó chủ tịch HĐND huyện chủ trì tổ chức họp với Lãnh đạo UBND huyện để thống "
                          "nhất nội dung kỳ họp thứ năm."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Theo số liệu báo cáo của", "Theo báo cáo của", "Theo thông tin từ"]))
def test_a_news_reports_source_speaks(source):
    letter = parse_lines(["Văn Chấn: 15 đơn vị hoàn thành huấn luyện", "",
                          f"{source} Ban chỉ huy quân sự huyện Văn Chấn, đến nay đã có 15/31 đơn vị dân quân hoàn "
                          "thành huấn luyện năm 2016."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


def test_a_schedule_is_its_holders():
    letter = parse_lines(["LTS: Thực hiện Kế hoạch số 41/KH-HĐND ngày 02-6-2023 của Thường trực HĐND tỉnh, Báo Hà Nam "
                          "đăng lịch tiếp xúc cử tri của đại biểu HĐND tỉnh tại các địa phương như sau:", "STT |",
                          "Thời gian |", "Hội trường UBND huyện Thanh Liêm |"])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Quỳnh Lưu quán triệt", "Thanh Chương triển khai"]))
def test_a_headline_that_opens_with_a_units_bare_name(headline):
    letter = parse_lines([f"{headline} Nghị quyết số 39 của Bộ Chính trị về Nghệ An",
                          "Tại hội nghị, các đại biểu được nghe giới thiệu nội dung Nghị quyết số 39-NQ/TW của Bộ "
                          "Chính trị và chương trình hành động của Tỉnh ủy."])
    assert letter.tier is Tier.DISTRICT


def test_a_headline_that_says_only_where_places_nothing():
    letter = parse_lines(["Quỳnh Lưu: Mưa lớn kéo dài",
                          "Mưa lớn kéo dài làm ngập nhiều tuyến đường, người dân được khuyến cáo hạn chế đi lại."])
    assert letter.tier is Tier.UNKNOWN


def test_a_sectors_national_units_speak_at_the_centre():
    letter = parse_lines(["Tổng điều tra kinh tế bắt đầu từ ngày 01/3/2026",
                          "Thực hiện Quyết định số 712/QĐ-TCTK ngày 20/11/2025 của Tổng cục trưởng, ngành Thống kê cả "
                          "nước đồng loạt tiến hành tổng điều tra kinh tế."])
    assert letter.tier is Tier.CENTRAL


# --- 4. roles --------------------------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["có hiệu quả ", "tốt ", ""]))
def test_a_list_whose_first_entries_have_no_number_is_carried_out(manner):
    letter = parse_lines([f"Mô hình của Hội Phụ nữ phường đã góp phần thực hiện {manner}Chương trình “Chung tay vì môi "
                          "trường” của Trung ương Hội; chỉ đạo của Ban Thường vụ Quận ủy về việc giảm rác thải nhựa; "
                          "Kế hoạch bảo vệ môi trường của UBND quận Lê Chân; Nghị quyết số 07/NQ-HĐND của HĐND quận "
                          "Lê Chân về vệ sinh môi trường./."])
    assert roles_of(letter, "07/NQ-HĐND") == {CitationRole.IMPLEMENTS}


def test_a_document_after_a_list_of_descriptions_is_a_mention():
    letter = parse_lines(["Mô hình của Hội Phụ nữ phường đã góp phần nâng cao ý thức người dân; giảm rác thải nhựa; "
                          "Nghị quyết số 07/NQ-HĐND của HĐND quận Lê Chân được nhắc đến tại hội nghị."])
    assert roles_of(letter, "07/NQ-HĐND") == {CitationRole.MENTIONS}


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["sau đây được viết tắt là", "sau đây gọi tắt là", "sau đây gọi là"]))
def test_a_documents_short_name_keeps_its_role(alias):
    letter = parse_lines(["THÔNG TƯ", "HƯỚNG DẪN THỰC HIỆN MỘT SỐ ĐIỀU VỀ TUYỂN DỤNG",
                          "Căn cứ Nghị định số 115/2020/NĐ-CP ngày 25 tháng 9 năm 2020 của Chính phủ quy định về tuyển "
                          f"dụng, sử dụng và quản lý viên chức ({alias} Nghị định số 115/2020/NĐ-CP);",
                          "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn."])
    assert roles_of(letter, "115/2020/NĐ-CP") == {CitationRole.IMPLEMENTS}


def test_a_signatures_title_and_signer_are_no_reporters_byline():
    letter = parse_lines(["UBND tỉnh đề nghị các sở triển khai.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                          "CHU TỊCH", "Trần Văn Bình"])
    assert letter.furniture == []


# --- 5. mass organisations at every level ----------------------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("Hội Luật gia tỉnh Hà Nam", Tier.PROVINCE), ("Hội Người mù huyện Hưng Hà", Tier.DISTRICT),
                        ("Hội Cựu thanh niên xung phong xã Nghi Phong", Tier.COMMUNE),
                        ("Liên minh Hợp tác xã tỉnh Lào Cai", Tier.PROVINCE),
                        ("Hội Nạn nhân chất độc da cam huyện Quỳnh Phụ", Tier.DISTRICT)]),
       st.sampled_from(["đã phối hợp tổ chức", "vừa tổ chức", "đề nghị"]))
def test_any_association_at_its_level_speaks_for_the_state(case, verb):
    body, tier = case
    letter = parse_lines([f"{body} {verb} hội nghị tuyên truyền cho hội viên năm 2024."])
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_a_cooperative_is_no_commune_and_a_national_alliance_is_central():
    assert tier_of_issuer("Liên minh Hợp tác xã tỉnh Lào Cai") is Tier.PROVINCE
    assert tier_of_issuer("Liên minh Hợp tác xã Việt Nam") is Tier.CENTRAL


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["Ban Thường vụ Trung ương Hội", "Ban Bí thư Trung ương Đoàn", "Ban Thường vụ Trung ương Đoàn"]),
       st.sampled_from(["hướng dẫn", "đề nghị"]))
def test_a_central_standing_body_speaks_though_trung_uong_keeps_its_lower_case(body, verb):
    # "Trung ương" between the body's type and its organisation: only the second syllable is lower case, and the
    # round-16 gap (real capitals only between a body and its verb) must still let it through.
    letter = parse_lines([f"Căn cứ Điều lệ Hội do Đại hội thông qua ngày 12/12/2017, {body} {verb} các cấp Hội thực "
                          "hiện thống nhất Điều lệ theo hướng dẫn số 15-HD/TWH ngày 20/3/2018."])
    assert letter.tier is Tier.CENTRAL
