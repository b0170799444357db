"""Half K's classes, built in code with other bodies, places and numbers: central mass organisations named by
their national name, 'xã hội' read as no commune, an office holder with several titles, and the speakers and
issuers below (Party organisations by 'Đảng bộ', the military Party committee, the Front's commune committee, a
centrally-run city as 'TP.', a Cục before its addressee, verbs of setting and telling)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole, System, Tier

# --- 1. central mass organisations ----------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Hội Nông dân Việt Nam", "Hội Cựu chiến binh Việt Nam", "Hội Khuyến học Việt Nam",
                        "Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "Trung ương Hội Nông dân Việt Nam"]),
       st.sampled_from(["đã tổ chức Hội nghị sơ kết", "vừa ban hành Hướng dẫn", "đã tổ chức Hội thảo"]))
def test_a_mass_organisation_named_nationally_speaks_for_the_centre(body, verb):
    letter = parse_lines([f"Sáng 12/5, tại Hà Nội, {body} {verb} về công tác hội năm 2024.",
                          "Hội nghị nhằm giữ vững trật tự an toàn xã hội và huy động toàn xã hội tham gia."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("tỉnh Quảng Nam", Tier.PROVINCE), ("xã Tân Lập", Tier.COMMUNE),
                        ("huyện Kim Sơn", Tier.DISTRICT)]))
def test_a_mass_organisation_with_its_unit_stays_at_that_unit(unit):
    where, tier = unit
    letter = parse_lines([f"Ngày 12/5/2024, Hội Cựu chiến binh Việt Nam {where} đã tổ chức Hội nghị sơ kết."])
    assert letter.tier is tier


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["an toàn xã hội", "toàn xã hội"]))
def test_society_is_no_commune_area(words):
    letter = parse_lines(["Tăng cường công tác tuyên truyền",
                          f"Thực hiện chỉ đạo của cấp trên, đề nghị các đơn vị bảo đảm trật tự {words} trong dịp Tết."])
    assert letter.tier is Tier.UNKNOWN


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Tân Lập", "Hòa Bình"]), st.sampled_from(["đánh giá", "nhấn mạnh"]))
def test_an_office_holder_with_two_offices_speaks_first_for_the_first(place, verb):
    letter = parse_lines([f"Tại hội nghị, đồng chí Nguyễn Văn An, Bí thư Đảng ủy, Chủ tịch HĐND xã {place} đã {verb} "
                          "kết quả năm 2024."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


# --- 2. Party organisations by 'Đảng bộ' and the military Party committee ------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("xã Tân Lập", Tier.COMMUNE), ("phường Đông Hải", Tier.COMMUNE),
                        ("huyện Kim Sơn", Tier.DISTRICT), ("tỉnh Quảng Nam", Tier.PROVINCE)]),
       st.sampled_from(["tổ chức Đại hội Đại biểu lần thứ I, nhiệm kỳ 2025 - 2030", "đã tổ chức Hội nghị tổng kết"]))
def test_a_units_party_organisation_speaks_at_its_unit(unit, act):
    where, tier = unit
    letter = parse_lines([f"Ngày 20/7, Đảng bộ {where} {act}. Dự và chỉ đạo Đại hội có đồng chí Trần Văn Bình, "
                          "Phó Chủ tịch UBND tỉnh."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("ĐUQS tỉnh", Tier.PROVINCE), ("Đảng ủy Quân sự tỉnh", Tier.PROVINCE),
                        ("ĐUQS huyện", Tier.DISTRICT), ("Đảng ủy Quân sự huyện Kim Sơn", Tier.DISTRICT)]))
def test_a_military_party_committee_leads_at_its_unit(body):
    name, tier = body
    letter = parse_lines([f"Năm 2023, {name} lãnh đạo, chỉ đạo lực lượng vũ trang hoàn thành tốt nhiệm vụ quân sự "
                          "- quốc phòng, giữ vững an ninh chính trị, trật tự an toàn xã hội."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


# --- 3. verbs of setting, telling and mobilising; the Youth Union's board; the Front by 'MTTQ' alone ----------


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("Ban Thường vụ Tỉnh Đoàn", Tier.PROVINCE, System.PARTY),
                        ("Ban Thường vụ Huyện Đoàn", Tier.DISTRICT, System.PARTY),
                        ("Hội đồng Nghĩa vụ quân sự tỉnh", Tier.PROVINCE, System.STATE),
                        ("Hội đồng Nghĩa vụ quân sự huyện", Tier.DISTRICT, System.STATE),
                        ("MTTQ xã", Tier.COMMUNE, System.STATE), ("MTTQ phường Đông Hải", Tier.COMMUNE, System.STATE)]),
       st.sampled_from(["xác định 8 chỉ tiêu cơ bản", "cho biết, năm 2023 đã hoàn thành các chỉ tiêu",
                        "đã vận động nhân dân hiến đất làm đường"]))
def test_a_body_that_sets_tells_or_mobilises_speaks(body, act):
    name, tier, system = body
    letter = parse_lines([f"Trong năm 2023, {name} {act}, bảo đảm đúng kế hoạch đề ra."])
    assert (letter.tier, letter.system) == (tier, system)


# --- 4. the letter's own number in prose -----------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.integers(100, 9999), st.sampled_from(["UBND-VX", "UBND-NC", "SYT-NVY"]),
       st.sampled_from(["văn bản", "Công văn"]))
def test_an_own_number_after_a_purpose_clause_ending_with_a_semicolon(no, code, kind):
    symbol = f"{no}/{code}"
    letter = parse_lines(["Tuyên truyền phòng, chống tác hại của thuốc lá",
                          f"Để tuyên truyền, phổ biến pháp luật đến các cấp, các ngành và nhân dân; ngày 12/5/2023, "
                          f"UBND tỉnh ban hành {kind} số {symbol} chỉ đạo các sở, ban, ngành tổ chức thực hiện."])
    assert letter.header.symbol == symbol


@settings(max_examples=30, deadline=None)
@given(st.integers(10, 999), st.sampled_from(["Hội Nông dân Việt Nam", "Ủy ban nhân dân huyện"]))
def test_an_own_number_after_a_sentence_ending_in_a_verb_of_implementing(no, body):
    symbol = f"{no}/KH-UBND"
    letter = parse_lines(["Hưởng ứng Tháng hành động vì trẻ em năm 2023 với chủ đề “Chung tay vì trẻ em” do Ủy ban "
                          f"Quốc gia triển khai. Ngày 05/5/2023, {body} đã ban hành Kế hoạch số {symbol} để triển khai "
                          "thực hiện.", "Theo đó, các đơn vị tổ chức các hoạt động tuyên truyền trong tháng."])
    assert letter.header.symbol == symbol


@settings(max_examples=20, deadline=None)
@given(st.integers(10, 999), st.sampled_from(["HND", "HCCB"]))
def test_an_own_number_reported_after_background_paragraphs(no, code):
    symbol = f"{no}/KH-{code}"
    letter = parse_lines(["Hội đã thu hút đông đảo hội viên tham gia, với số hội viên lên tới 9 triệu người.",
                          "Quang cảnh buổi gặp mặt.",
                          "Thời gian qua, công tác xây dựng tổ chức Hội được chú trọng. Tổng số hội viên tăng nhanh.",
                          "Đây là thông tin được chia sẻ tại buổi gặp mặt báo chí diễn ra ngày 1/4.",
                          "Trước đó, để đưa nghị quyết đại hội vào cuộc sống, ngày 18/2/2023, Hội Nông dân Việt Nam "
                          f"đã ban hành Kế hoạch số {symbol} về tổ chức Hội nghị quán triệt nghị quyết."])
    assert letter.header.symbol == symbol


# --- 5. a city as 'TP.', a Cục before its addressee, the Central Organisation Commission, speakers in items ----


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Hà Nội", "Đà Nẵng", "Cần Thơ", "Hải Phòng"]),
       st.sampled_from(["Ủy ban nhân dân (UBND) TP.", "UBND TP.", "UBND TP"]))
def test_a_centrally_run_city_abbreviated_tp_is_a_province(city, body):
    letter = parse_lines([f"Thành phố {city} sắp xếp đơn vị hành chính",
                          f"(ABC) - {body} {city} vừa ban hành Kế hoạch sắp xếp đơn vị hành chính cấp xã trên địa bàn "
                          "Thành phố giai đoạn 2023-2025."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Cục Quản lý Dược (Bộ Y tế)", "Cục An toàn thực phẩm (Bộ Y tế)",
                        "Cục Quản lý Thị trường (Bộ Công Thương)"]),
       st.sampled_from(["gửi đến Sở Y tế TPHCM", "gửi Sở NN&PTNT", "gửi tới Sở Y tế ĐN"]))
def test_the_addressee_of_a_letter_is_no_speaker(body, to):
    letter = parse_lines([f"Ngày 16/3, {body} đã có công văn khẩn {to} đề nghị làm rõ thông tin và báo cáo trước "
                          "ngày 24/3."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["Ban Tổ chức Ban Chấp hành Trung ương", "Ban Tuyên giáo Ban Chấp hành Trung ương"]))
def test_a_central_commission_named_in_full_under_a_font_size_bar(body):
    letter = parse_lines(["A- A A+ | Tăng tương phản Giảm tương phản", "",
                          "Biên chế các cơ quan tham mưu của đảng ủy cấp xã", "",
                          f"{body} vừa ban hành Hướng dẫn về việc sắp xếp tổ chức bộ máy cấp tỉnh, cấp xã."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.PARTY)


# --- 6. roles: a plan an activity is deployed by, a document the work keeps close to -------------------------


@settings(max_examples=20, deadline=None)
@given(st.integers(10, 999), st.sampled_from(["BCA-C04", "UBND", "BTP-PBGDPL"]),
       st.sampled_from(["Kế hoạch", "Chương trình"]))
def test_an_activity_deployed_by_a_plan_carries_it_out(no, code, kind):
    code_kind = "KH" if kind == "Kế hoạch" else "CTr"
    symbol = f"{no}/{code_kind}-{code}"
    letter = parse_lines([f"Ngày 10/4/2023, UBND tỉnh ban hành văn bản số 1234/UBND-NC chỉ đạo các sở, ban, ngành "
                          f"phối hợp triển khai cuộc thi tìm hiểu pháp luật về phòng cháy theo {kind} số {symbol} ngày "
                          "09/3/2023 của Bộ Công an."])
    assert {c.role for c in letter.citations if c.symbol == symbol} == {CitationRole.IMPLEMENTS}


def test_a_standard_after_theo_is_still_a_mention():
    letter = parse_lines(["Ngày 10/4/2023, UBND tỉnh ban hành văn bản số 1234/UBND-NC chỉ đạo các đơn vị triển khai "
                          "nhiệm vụ năm học theo Công văn số 4099/BGDĐT-GDTrH ngày 05/8/2022 của Bộ Giáo dục."])
    assert {c.role for c in letter.citations if c.symbol == "4099/BGDĐT-GDTrH"} == {CitationRole.MENTIONS}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["05-CT/TW", "12-NQ/TW", "257/2025/QH15"]), st.sampled_from(["tại", "của"]))
def test_a_requirement_to_keep_close_to_a_document_carries_it_out(symbol, link):
    kind = "Nghị quyết" if "NQ" in symbol or "QH" in symbol else "Chỉ thị"
    letter = parse_lines(["KẾ HOẠCH", "Tổ chức cuộc thi tìm hiểu pháp luật năm 2023", "", "I. MỤC ĐÍCH, YÊU CẦU",
                          "1. Mục đích", "– Nâng cao nhận thức của cán bộ, đảng viên và nhân dân.", "2. Yêu cầu",
                          f"– Việc tổ chức Cuộc thi bám sát định hướng tuyên truyền của Đảng, nhất là mục tiêu, "
                          f"nhiệm vụ và giải pháp {link} {kind} số {symbol} ngày 16/8/2019.",
                          "II. NỘI DUNG", "1. Đối tượng dự thi", "– Cán bộ, công chức, viên chức trong tỉnh."])
    assert {c.role for c in letter.citations if c.symbol == symbol} == {CitationRole.IMPLEMENTS}


# --- 7. a header block behind a page title and a posting date's digits; an institution's name over two lines --


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("UBND TỈNH BÌNH DƯƠNG", "TRƯỜNG CAO ĐẲNG Y TẾ", "BÌNH DƯƠNG", "CĐYT", Tier.PROVINCE),
                        ("SỞ Y TẾ HÀ NỘI", "BỆNH VIỆN ĐA KHOA", "ĐỨC GIANG", "BVĐG", Tier.PROVINCE),
                        ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "TRƯỜNG ĐẠI HỌC SƯ PHẠM", "HÀ NỘI", "ĐHSPHN", Tier.CENTRAL)]),
       st.integers(1, 999), st.sampled_from([["15", "06", "'18"], ["03", "11", "2019"], ["'20"]]),
       st.integers(0, 8))
def test_a_header_block_behind_a_title_and_posting_digits(body, no, digits, blanks):
    parent, first, second, code, tier = body
    symbol = f"{no}/QĐ-{code}-ĐT"
    lines = ["Quyết định ban hành Quy chế tuyển sinh trình độ cao đẳng năm 2018", "", *digits, "", "",
             parent, "", first, second, "", f"Số: {symbol}", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "",
             "Độc lập – Tự do – Hạnh phúc", *([" ", ""] * blanks), "Hà Nội, ngày 09 tháng 02 năm 2018", "", "",
             "QUYẾT ĐỊNH", "", "Ban hành Quy chế tuyển sinh trình độ cao đẳng", "", f"HIỆU TRƯỞNG {first} {second}",
             "", "Căn cứ Quyết định số 6426/QĐ-BGD&ĐT ngày 24/09/2008 của Bộ trưởng Bộ Giáo dục và Đào tạo;", "",
             "Xét đề nghị của Trưởng phòng Quản lý Đào tạo,", "", "QUYẾT ĐỊNH:", "",
             "Điều 1. Ban hành Quy chế tuyển sinh trình độ cao đẳng.", "",
             "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]
    letter = parse_lines(lines)
    assert letter.header.symbol == symbol
    assert letter.header.date is not None and letter.header.date.isoformat() == "2018-02-09"
    assert (letter.header.issuer, letter.header.parent_issuer) == (f"{first} {second}", parent)
    assert (letter.tier, letter.system) == (tier, System.STATE)
    assert "6426/QĐ-BGD&ĐT" in {c.symbol for c in letter.citations}


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["SGD&ĐT-VP", "QĐ-BNN&PTNT", "KH-SKH&ĐT", "PGD&ĐT-THCS"]))
def test_a_symbol_keeps_its_ampersand(no, code):
    symbol = f"{no}/{code}"
    letter = parse_lines([f"Thực hiện Công văn số {symbol} ngày 12/3/2021 về việc triển khai nhiệm vụ năm học, "
                          "đề nghị các đơn vị tổ chức thực hiện."])
    assert symbol in {c.symbol for c in letter.citations}


# --- 8. a university named by its code alone -------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["TĐHKTHN", "ĐHSPHN", "ĐHQGHN", "TĐHYD"]))
def test_a_universitys_code_alone_answers_to_a_ministry(no, code):
    letter = parse_lines([f"Quyết định {no}/QĐ-{code} ngày 08 tháng 8 năm 2017 ban hành Quy chế đào tạo đại học hệ "
                          "chính quy theo hệ thống tín chỉ"])
    assert letter.tier is Tier.CENTRAL


@settings(max_examples=10, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["CĐYT", "THCS"]))
def test_a_college_or_schools_code_alone_says_nothing(no, code):
    letter = parse_lines([f"Quyết định {no}/QĐ-{code} ngày 08 tháng 8 năm 2017 ban hành Quy chế tuyển sinh"])
    assert letter.tier is Tier.UNKNOWN


def test_bodies_tasked_in_several_items_say_nothing_of_the_speaker():
    letter = parse_lines(["Thực hiện chỉ đạo của cấp trên, đề nghị các đơn vị thực hiện tốt các nội dung sau:",
                          "1. Huyện ủy giao Văn phòng tổng hợp kết quả học tập nghị quyết.",
                          "2. Các chi bộ tổ chức học tập nghị quyết đến toàn thể đảng viên.",
                          "3. Chi bộ thôn Bàu Ké họp bàn việc sửa chữa nhà văn hóa thôn."])
    assert letter.tier is Tier.UNKNOWN
