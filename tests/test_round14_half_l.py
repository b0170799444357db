"""Half L's classes, built in code with other bodies, places and numbers: roles of a list whose first entry has no
number, of a provision an entry of the basis follows, of a doubled 'số', of the documents a meeting studies
('quán triệt'); and the tiers, speakers and systems below."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines, roles_of

from models import CitationRole, System, Tier

# --- 1. roles --------------------------------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Kế hoạch", "Hướng dẫn", "Công văn"]),
       st.sampled_from(["Ủy ban nhân dân huyện Kim Sơn", "Ban Thường vụ Huyện ủy Yên Lạc"]))
def test_a_list_whose_first_entry_has_no_number_goes_on(kind, body):
    letter = parse_lines([f"Thực hiện {kind} của {body}; Kế hoạch số 215/KH-UBND ngày 02 tháng 4 năm 2024 "
                          "của UBND xã Tân Lập về việc tuyên truyền kỷ niệm Ngày Chiến thắng. Ủy ban nhân dân xã "
                          "thông báo như sau:",
                          "1. Các thôn treo cờ Tổ quốc từ ngày 28/4/2024."])
    assert roles_of(letter, "215/KH-UBND") == {CitationRole.IMPLEMENTS}


def test_an_unnumbered_mention_before_a_list_breaks_it_still():
    letter = parse_lines(["Thực hiện nhiệm vụ năm 2024 theo Kế hoạch của huyện. Ngày 02/4/2024, xã nhận Kế hoạch số "
                          "215/KH-UBND của UBND huyện Kim Sơn về tuyên truyền."])
    assert roles_of(letter, "215/KH-UBND") == {CitationRole.MENTIONS}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["khoản 4 điều 1", "điểm a khoản 2 Điều 3", "Điều 5"]))
def test_the_provision_a_basis_follows_is_a_ground(provision):
    letter = parse_lines([f"Căn cứ Thông tư số 14/2021/TT-BNV ngày 10/3/2021 của Bộ Nội vụ Hướng dẫn quy trình "
                          f"đánh giá theo quy định tại {provision} Quyết định số 58/2020/QĐ ngày 20/8/2020 của Thủ "
                          "tướng Chính phủ; Chỉ thị số số 05/CT-UBND của UBND tỉnh về đánh giá. Sở Nội vụ hướng dẫn "
                          "như sau:"])
    assert roles_of(letter, "58/2020/QĐ") == {CitationRole.IMPLEMENTS}
    assert roles_of(letter, "05/CT-UBND") == {CitationRole.IMPLEMENTS}
    assert next(c.kind for c in letter.citations if c.symbol == "05/CT-UBND") == "Chỉ thị"


def test_a_document_named_in_a_basis_subject_otherwise_is_a_mention():
    letter = parse_lines(["Căn cứ Quyết định số 2668/QĐ-UBND ngày 10/3/2021 của UBND tỉnh về việc điều chỉnh Kế hoạch "
                          "số 168/KH-UBND ngày 01/2/2021 của UBND tỉnh. Sở Nội vụ hướng dẫn như sau:"])
    assert roles_of(letter, "168/KH-UBND") == {CitationRole.MENTIONS}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Hội nghị đã quán triệt các văn bản như:", "Tại hội nghị, các đại biểu được quán triệt nội "
                        "dung của", "Hội nghị học tập, quán triệt"]))
def test_what_a_meeting_studies_it_carries_out(opening):
    letter = parse_lines(["Ngày 20/10/2023, Ban Thường trực Ủy ban MTTQ Việt Nam huyện Kim Sơn tổ chức hội nghị.",
                          f"{opening} Kế hoạch số 12/KH-MTTQ-BTT, ngày 10/10/2023 của Ban Thường trực Ủy ban MTTQ Việt "
                          "Nam tỉnh; Kế hoạch số 9/KH-MTTQ-BTT, ngày 14/10/2023 của Ban Thường trực Ủy ban MTTQ Việt "
                          "Nam huyện."])
    assert roles_of(letter, "12/KH-MTTQ-BTT") == {CitationRole.IMPLEMENTS}
    if opening.endswith(":"):
        assert roles_of(letter, "9/KH-MTTQ-BTT") == {CitationRole.IMPLEMENTS}


def test_studying_under_a_standard_is_no_carrying_out():
    letter = parse_lines(["Ngày 20/10/2023, Ủy ban nhân dân huyện Kim Sơn tổ chức hội nghị.",
                          "Hội nghị quán triệt nhiệm vụ năm 2024 theo Công văn số 77/UBND-VX ngày 10/10/2023 của UBND "
                          "tỉnh."])
    assert roles_of(letter, "77/UBND-VX") == {CitationRole.MENTIONS}


# --- 2. tiers: a centrally-run city's committee, a ward's bloc committee, a district's Front ---------------------


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("Hải Phòng", Tier.PROVINCE), ("Cần Thơ", Tier.PROVINCE), ("Vinh", Tier.DISTRICT),
                        ("Thanh Hóa", Tier.DISTRICT)]))
def test_a_city_standing_board_is_placed_by_the_gazetteer(city):
    name, tier = city
    letter = parse_lines([f"Ban Thường vụ Thành ủy {name} chỉ đạo 5 nội dung trọng tâm trong phòng, chống dịch",
                          "",
                          "Thực hiện nghiêm việc giãn cách xã hội theo chỉ đạo của Trung ương trong dịp nghỉ lễ 2-9 "
                          "năm 2021."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["xã Tân Lập", "phường Hòa Bình", "phường"]), st.sampled_from(["tổ chức", "Tổ chức"]))
def test_a_commune_bloc_committee_stands_at_its_commune(unit, verb):
    letter = parse_lines([f"Sáng ngày 10/01/2026, tại Hội trường, Đảng ủy các cơ quan Đảng {unit} {verb} Hội nghị "
                          "tổng kết công tác năm 2025."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["huyện", "huyện Kim Sơn", "thị xã Ba Đồn"]), st.sampled_from(["các ấp", "các thôn"]))
def test_a_district_front_is_not_placed_by_the_units_it_tasks(unit, hamlets):
    letter = parse_lines([f"Sáng ngày 20/10/2019, Ban Thường trực Ủy ban MTTQ Việt Nam {unit} tổ chức Hội nghị triển "
                          "khai Ngày hội Đại đoàn kết toàn dân tộc năm 2019.",
                          f"Theo đó, {hamlets} còn lại sẽ đồng loạt tổ chức Ngày hội từ ngày 10/11/2019."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


# --- 3. speakers: a delegation, a town's and a commune's Youth Union, a standing board's month -------------------


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Đoàn công tác Ban Thường vụ Huyện ủy", "Đoàn kiểm tra của Ban Thường vụ Huyện ủy Kim Sơn"]))
def test_a_delegation_speaks_for_its_body(delegation):
    letter = parse_lines([f"Ngày 23/02/2022, {delegation} làm việc với Đảng ủy xã Tân Lập về thực hiện chương trình "
                          "hành động năm 2022.",
                          "Trong buổi làm việc, các thành viên đoàn chỉ ra những ưu điểm, hạn chế của địa phương."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


def test_a_town_youth_union_places_itself_by_its_units():
    letter = parse_lines(["Kim Sơn: Ra mắt các Đội hình thanh niên tình nguyện hè 2019",
                          "",
                          "Căn cứ vào kế hoạch số 31-KH/ĐTN ngày 30 tháng 5 năm 2019 của Ban Thường vụ Thị đoàn Kim "
                          "Sơn về việc tổ chức Chiến dịch thanh niên tình nguyện hè năm 2019.",
                          "Các đơn vị xã, phường các Đoàn trường đều tích cực triển khai các kế hoạch."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["xã Tam Lộc", "phường Hòa Bình", "thị trấn Phú Thịnh"]))
def test_a_commune_youth_union_by_doan_and_its_unit(unit):
    letter = parse_lines([f"Đoàn {unit} ra quân dọn vệ sinh nhà văn hóa thôn Đông.",
                          "Tham gia có hơn 30 đoàn viên thanh niên."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


def test_a_family_name_doan_is_no_youth_union():
    letter = parse_lines(["Sáng ngày 12/5/2024, ông Đoàn Văn Hùng ra quân cùng bà con dọn vệ sinh nhà văn hóa.",
                          "Tham gia có hơn 30 hộ gia đình."])
    assert letter.tier is Tier.UNKNOWN


def test_the_bodies_a_sentence_tasks_do_not_speak():
    letter = parse_lines(["Trong tháng, Thường trực, Ban Thường vụ Thành ủy đã tập trung lãnh đạo, chỉ đạo các địa "
                          "phương triển khai nhiệm vụ năm 2018.",
                          "Chỉ đạo các địa phương, đơn vị chăm lo tết cho các đối tượng; UBND thành phố xây dựng kế "
                          "hoạch tổ chức tết trồng cây."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("Sở Tài chính Đà Nẵng", "đề nghị"), ("Sở Y tế Cần Thơ", "hướng dẫn"),
                        ("Sở Nội vụ Hà Nam", "thông báo")]))
def test_a_department_name_keeps_the_verb_out(speaker):
    body, verb = speaker
    letter = parse_lines([f"{body} {verb} các đơn vị báo cáo kết quả thực hiện trước ngày 20/12/2023."])
    assert letter.tier is Tier.PROVINCE
    assert f"{body!r}" in letter.tier_reason


# --- 4. own number: a pointer after the content it points at ------------------------------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Tỉnh ủy Nam Định", "Thành ủy Hải Phòng"]))
def test_a_pointer_after_its_content_names_the_letter(body):
    letter = parse_lines([f"Ban Thường vụ {body} chỉ đạo 5 nội dung trọng tâm",
                          "",
                          "Thực hiện nghiêm việc giãn cách xã hội theo chỉ đạo của Trung ương. Đây là một trong những "
                          f"nội dung Chỉ thị số 09-CT/TU của Ban Thường vụ {body} về “Tăng cường phòng, chống dịch” "
                          "vừa được đồng chí Trần Văn An, Bí thư ký ban hành ngày 05/3/2022."])
    assert (letter.header.symbol, letter.header.date) == ("09-CT/TU", dt.date(2022, 3, 5))


# --- 5. a page flattened to one line, with neither number nor date in its header ----------------------------------


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Theo văn bản chỉ đạo số", "Theo công văn hướng dẫn số"]))
def test_a_titled_header_run_on_into_its_basis_is_broken(opener):
    line = ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM XÃ TÂN LẬP Độc lập – Tự do – Hạnh phúc KẾ HOẠCH "
            "PHÒNG CHỐNG LỤT BÃO NĂM 2016 Căn cứ Luật Phòng, chống thiên tai được Quốc hội thông qua ngày 19 tháng 6 "
            f"năm 2013; {opener} 1450/UBND-NN ngày 12 tháng 4 năm 2016 của UBND Tỉnh về việc triển khai tập huấn. "
            "Nhằm chủ động trong công tác phòng, chống thiên tai, ứng phó kịp thời, Ủy ban nhân dân xã xây dựng Kế "
            "hoạch như sau: A. Mục đích yêu cầu: 1. Nhằm tuyên truyền, giáo dục về phòng, chống thiên tai cho nhân "
            "dân trên địa bàn xã. 2. Nâng cao năng lực xử lý tình huống tại chỗ để ứng phó thiên tai có hiệu quả.")
    letter = parse_lines([line])
    assert (letter.header.title, letter.header.subject) == ("KẾ HOẠCH", "PHÒNG CHỐNG LỤT BÃO NĂM 2016")
    assert roles_of(letter, "1450/UBND-NN") == {CitationRole.IMPLEMENTS}


def test_a_bare_theo_cong_van_reports_without_carrying_out():
    letter = parse_lines(["Ủy ban nhân dân huyện Kim Sơn thông báo kết quả kiểm tra.",
                          "Theo Công văn số 77/UBND-VX ngày 10/10/2023 của UBND tỉnh, nhiều xã chưa báo cáo đúng hạn."])
    assert roles_of(letter, "77/UBND-VX") == {CitationRole.MENTIONS}
