"""Half J's classes, built in code with other bodies, places and numbers: bodies not yet placed as speakers (a
ministry's Cục named in full with a lower-case last syllable or abbreviated, the Front's central committee and its
relief board, a Party cadre committee or delegation inside a state body's name, a bare mass organisation at its
level, a ward Party committee's standing board, a body that publishes, appeals, sets tasks or briefs, 'là chỉ đạo
của X', an office holder's title); roles (entries under a grounds heading, the document a text reports issuing and
what it carries out, a document renamed inside another entry's subject, an item that goes on with earlier
measures); a space inside a National Assembly act's symbol; an own number after 'Vào ngày …' and after the signer's
titles."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines, roles_of

from models import CitationRole, System, Tier
from parsers.citations import find_citations
from parsers.tier import tier_of_issuer

LOCAL = [("tỉnh", Tier.PROVINCE), ("huyện", Tier.DISTRICT), ("xã", Tier.COMMUNE), ("phường", Tier.COMMUNE),
         ("thị trấn", Tier.COMMUNE)]
PLACES = ["", " Tân Lập", " Hòa Bình", " Đông Hải"]



# --- 1. bodies, tier and system --------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Cục Văn hóa Cơ sở", "Cục Quản lý Thị trường", "Cục Di sản văn hóa", "Tổng cục QLTT",
                        "Tổng cục Thể dục thể thao", "Cục Y tế dự phòng"]),
       st.sampled_from(["", " ( Bộ VHTTDL)", " (Bộ Công Thương)", " (thuộc Bộ Y tế)"]),
       st.sampled_from(["đã có văn bản gửi", "vừa có công văn gửi", "đề nghị"]))
def test_a_ministrys_department_speaks_for_the_centre(body, ministry, verb):
    letter = parse_lines(["Tăng cường công tác tuyên truyền năm 2023",
                          f"{body}{ministry} {verb} Sở Văn hóa, Thể thao và Du lịch các tỉnh, thành phố trực thuộc "
                          "Trung ương về việc tăng cường công tác tuyên truyền."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Tổng cục QLTT", "Cục Quản lý dược", "Tổng cục Hải quan"]),
       st.sampled_from(["chỉ đạo", "yêu cầu", "ý kiến chỉ đạo"]))
def test_the_body_whose_instruction_the_text_says_it_reports(body, noun):
    letter = parse_lines(["Ngày phát hành 19:0 | 21/4/2024",
                          f"“Kiểm tra, giám sát chặt chẽ thị trường hàng hoá dịp nghỉ lễ”- là {noun} của {body} tới "
                          "các đơn vị trong suốt dịp nghỉ lễ kéo dài sắp tới."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_the_body_obeyed_is_no_speaker():
    """'Thực hiện chỉ đạo của Tổng cục …' names whom the text obeys; only 'là chỉ đạo của' names its speaker."""
    letter = parse_lines(["Thực hiện chỉ đạo của Tổng cục QLTT, các đội tăng cường kiểm tra trên địa bàn xã."])
    assert letter.tier is not Tier.CENTRAL


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["kêu gọi", "tiếp tục kêu gọi", "đã công bố"]),
       st.sampled_from(["Ủy ban Trung ương Mặt trận Tổ quốc (MTTQ) Việt Nam", "Ủy ban Trung ương MTTQ Việt Nam",
                        "Ban Vận động cứu trợ Trung ương", "Ban Cứu trợ Trung ương"]))
def test_the_fronts_central_committees_are_central_and_the_states(verb, body):
    letter = parse_lines([f"Đoàn Chủ tịch {body} {verb} các cơ quan, tổ chức chung tay ủng hộ đồng bào bị thiệt hại "
                          "do mưa lũ gây ra."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Ban cán sự đảng", "Ban cán sự Đảng", "Đảng đoàn"]),
       st.sampled_from([("Viện kiểm sát nhân dân tỉnh Bến Tre", Tier.PROVINCE),
                        ("Tòa án nhân dân tối cao", Tier.CENTRAL), ("Ủy ban nhân dân tỉnh Sơn La", Tier.PROVINCE),
                        ("Bộ Tư pháp", Tier.CENTRAL), ("Mặt trận Tổ quốc tỉnh", Tier.PROVINCE)]))
def test_a_party_cell_inside_a_state_body_is_the_partys_at_that_bodys_tier(cell, body):
    name, tier = body
    letter = parse_lines([f"Trong năm qua, {cell} {name} chỉ đạo triển khai công tác phòng, chống tham nhũng trong "
                          "toàn ngành."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Hội Nông dân", "Hội Cựu chiến binh", "Hội LHPN", "Hội Liên hiệp Phụ nữ", "Hội Khuyến học"]),
       st.sampled_from(LOCAL), st.sampled_from(PLACES),
       st.sampled_from(["đã chủ động triển khai thực hiện", "đề ra 11 nội dung", "tổ chức hội nghị sơ kết"]))
def test_a_mass_organisation_at_its_level(org, level, place, verb):
    word, tier = level
    letter = parse_lines([f"Trong quý, {org} {word}{place} {verb} các nhiệm vụ đến các chi hội, hội viên."])
    assert (letter.tier, letter.system) == (tier, System.STATE)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["xã", "phường", "thị trấn"]), st.sampled_from([" Tĩnh Gia", " Hương An", " Đồng Tâm"]),
       st.sampled_from(["tổ chức Hội nghị học tập, quán triệt", "quán triệt", "đã tổ chức hội nghị triển khai"]))
def test_a_commune_party_standing_board_speaks(unit, place, verb):
    letter = parse_lines([f"Chiều 24/11, Ban Thường vụ Đảng ủy {unit}{place} {verb} nghị quyết Đại hội Đảng bộ "
                          f"{unit} lần thứ I, nhiệm kỳ 2025 - 2030."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("Ban Thường vụ Tỉnh ủy", Tier.PROVINCE), ("Ban Thường vụ Huyện ủy", Tier.DISTRICT),
                        ("Ban Thường vụ Đảng ủy xã", Tier.COMMUNE)]),
       st.sampled_from(["công bố toàn văn dự thảo Báo cáo chính trị", "quán triệt Chỉ thị của Ban Bí thư"]))
def test_a_board_that_publishes_or_briefs_speaks(body, verb):
    name, tier = body
    letter = parse_lines(["Góp ý dự thảo văn kiện Đại hội", f"Đài PT-TH - Nhằm lấy ý kiến Nhân dân, {name} {verb}."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Bí thư", "Phó Bí thư"]), st.sampled_from(["xã", "phường"]),
       st.sampled_from(["Hương An", "Yên Nghĩa", "Phú Hội"]), st.sampled_from(["quán triệt", "nhấn mạnh:"]))
def test_an_office_holder_speaks_for_the_committee_the_title_names(title, unit, place, verb):
    letter = parse_lines([f"Ông Nguyễn Văn Hùng, {title} Đảng ủy {unit} {place} {verb} nội dung cốt lõi của nghị "
                          "quyết tới toàn thể cán bộ, đảng viên."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


def test_bodies_without_a_level_stay_unknown():
    assert tier_of_issuer("Hội Nông dân") is Tier.UNKNOWN
    assert tier_of_issuer("Ban cán sự đảng") is Tier.UNKNOWN


# --- 2. roles --------------------------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["1. CĂN CỨ XÂY DỰNG KẾ HOẠCH:", "I. CĂN CỨ PHÁP LÝ", "1. Căn cứ xây dựng kế hoạch",
                        "I. CƠ SỞ PHÁP LÝ"]),
       st.sampled_from(["–", "-", "+"]), st.integers(10, 9999), st.integers(10, 999))
def test_entries_under_a_grounds_heading_are_implemented(heading, bullet, a, b):
    lines = ["UBND XÃ TÂN LẬP", "TRƯỜNG TIỂU HỌC TÂN LẬP", f"Số: {b}/KH-TH", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
             "Độc lập – Tự do – Hạnh phúc", "Tân Lập, ngày 28 tháng 8 năm 2025", "KẾ HOẠCH GIÁO DỤC", "", heading,
             f"{bullet} Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ GD&ĐT ban hành Điều lệ trường tiểu học;",
             f"{bullet} Công văn số {a}/BGDĐT-GDTH ngày 07/6/2021 của Bộ GD&ĐT về việc hướng dẫn xây dựng kế hoạch; "
             f"Quyết định số {a + 1} /QĐ-BGDĐT ngày 30/12/2022 của Bộ GD&ĐT;",
             "2. MỤC TIÊU", f"{bullet} Nâng cao chất lượng giáo dục toàn diện theo Công văn số {a + 2}/SGDĐT-GDTH."]
    letter = parse_lines(lines)
    for symbol in ("28/2020/TT-BGDĐT", f"{a}/BGDĐT-GDTH", f"{a + 1}/QĐ-BGDĐT"):
        assert roles_of(letter, symbol) == {CitationRole.IMPLEMENTS}, symbol
    assert roles_of(letter, f"{a + 2}/SGDĐT-GDTH") == {CitationRole.MENTIONS}  # a task's standard, not a ground


def test_a_heading_that_is_no_grounds_heading_does_not_govern():
    letter = parse_lines(["I. MỤC ĐÍCH, YÊU CẦU", "- Thông tư số 28/2020/TT-BGDĐT ngày 04/9/2020 của Bộ GD&ĐT."])
    assert roles_of(letter, "28/2020/TT-BGDĐT") == {CitationRole.MENTIONS}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["ban hành", "đã ban hành", "xây dựng và ban hành", "vừa ký ban hành"]),
       st.sampled_from([("Chỉ thị", "17-CT/TU"), ("Nghị quyết", "05-NQ/TW"), ("Kế hoạch", "112/KH-UBND")]),
       st.integers(2, 99))
def test_what_the_reported_document_carries_out_is_implemented(verb, cited, no):
    kind, symbol = cited
    text = (f"Vào ngày 01/8/2014 Ban cán sự Đảng Viện kiểm sát nhân dân tỉnh Trà Vinh {verb} Kế hoạch số "
            f"{no}-KH/BCSĐ thực hiện {kind} {symbol} ngày 07/7/2014 của Tỉnh ủy, về lãnh đạo công tác kiểm sát.")
    found = {c.symbol: c.implements for c in find_citations(text, with_roles=True)}
    assert found[symbol] is True


def test_a_cited_plans_title_still_names_a_mention():
    text = "Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy thực hiện Nghị quyết số 05-NQ/TW, UBND huyện ban hành …"
    found = {c.symbol: c.implements for c in find_citations(text, with_roles=True)}
    assert found == {"12-KH/TU": True, "05-NQ/TW": False}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(["35-CT/TW", "18-NQ/TW", "1520/QĐ-TTg"]),
       st.sampled_from(["về thực hiện", "về việc triển khai"]))
def test_a_document_renamed_in_another_entrys_subject_keeps_its_role(symbol, subject):
    text = (f"Thực hiện Chỉ thị số {symbol}, ngày 30/5/2019 của Bộ Chính trị về Đại hội Đảng bộ các cấp; Kế hoạch số "
            f"79-KH/TU, ngày 14/8/2019 của Ban Thường vụ Tỉnh ủy {subject} Chỉ thị số {symbol}, ngày 30/5/2019 của Bộ "
            "Chính trị; Kế hoạch số 86-KH/TU, ngày 02/10/2019 của Ban Thường vụ Tỉnh ủy.")
    found = [(c.symbol, c.implements) for c in find_citations(text, with_roles=True)]
    assert found == [(symbol, True), ("79-KH/TU", True), (symbol, True), ("86-KH/TU", True)]


def test_a_document_first_mentioned_stays_a_mention_in_a_subject():
    text = ("Theo Quyết định số 12/QĐ-UBND; thực hiện Kế hoạch số 79-KH/TU của Tỉnh ủy về thực hiện Quyết định số "
            "12/QĐ-UBND.")
    found = [(c.symbol, c.implements) for c in find_citations(text, with_roles=True)]
    assert ("12/QĐ-UBND", True) not in found


@settings(max_examples=20, deadline=None)
@given(st.integers(10, 9999), st.sampled_from(["hướng dẫn", "chỉ đạo"]),
       st.sampled_from(["Tiếp tục thực hiện", "Tiếp tục triển khai thực hiện"]))
def test_an_item_going_on_with_earlier_measures_implements_them(no, noun, opener):
    lines = ["Sở Y tế vừa ban hành công văn chỉ đạo các đơn vị thực hiện các nội dung sau:",
             "1. Thông báo cho người dân về lịch tiêm chủng.",
             f"2. {opener} công tác phòng, chống dịch bệnh; thông tin tuyên truyền theo {noun} tại Công văn số "
             f"{no}/SYT-NVY ngày 07/02/2020 của Sở trong thời gian tới.",
             f"3. Đăng ký tài khoản theo {noun} tại Công văn số {no + 1}/SYT-NVY ngày 08/02/2020 của Sở."]
    letter = parse_lines(lines)
    assert roles_of(letter, f"{no}/SYT-NVY") == {CitationRole.IMPLEMENTS}
    assert roles_of(letter, f"{no + 1}/SYT-NVY") == {CitationRole.MENTIONS}  # a task's how-to, as before


# --- 2b. symbols ------------------------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None)
@given(st.integers(1, 200), st.integers(2005, 2024), st.integers(11, 15), st.sampled_from([" ", "\t"]))
def test_a_space_inside_a_national_assembly_acts_symbol(no, year, term, space):
    text = f"Căn cứ Luật Ngân sách nhà nước số {no}/{year}/QH{space}{term} ngày 25 tháng 6 năm {year};"
    assert [c.symbol for c in find_citations(text) if c.symbol] == [f"{no}/{year}/QH{term}"]


def test_a_number_after_qh_that_is_no_term_is_left_out():
    assert [c.symbol for c in find_citations("Luật số 83/2015/QH 2016 ngày 25/6/2015") if c.symbol] == ["83/2015/QH"]


# --- 3. own number in prose -------------------------------------------------------------------------------------

@settings(max_examples=25, deadline=None)
@given(st.integers(2, 99), st.sampled_from(["Vào ngày 01/8/2014", "Vào ngày 15 tháng 3 năm 2021", "Ngày 02.7"]),
       st.sampled_from([("Ban cán sự Đảng Viện kiểm sát nhân dân tỉnh Trà Vinh", "BCSĐ"),
                        ("Đảng đoàn Hội Nông dân tỉnh Cà Mau", "ĐĐ")]))
def test_an_own_number_after_an_opening_date(no, date, body):
    name, code = body
    letter = parse_lines(["Tất cả vì mục tiêu dân giàu, nước mạnh",
                          f"{date} {name} ban hành Kế hoạch số {no}-KH/{code} về lãnh đạo nâng cao chất lượng "
                          "công tác trên địa bàn tỉnh.",
                          "Nội dung Kế hoạch đã nêu 08 vấn đề mà toàn ngành phải thực hiện."])
    assert letter.header.symbol == f"{no}-KH/{code}"
    assert letter.system is System.PARTY


@settings(max_examples=25, deadline=None)
@given(st.integers(2, 999), st.sampled_from(["- ", " - ", "-"]),
       st.sampled_from(["bà Hà Thị Nga, Phó chủ tịch Ủy ban Trung ương MTTQ Việt Nam, Trưởng ban Vận động cứu trợ "
                        "Trung ương,", "ông Lê Văn Minh, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam,"]),
       st.sampled_from(["Ngày 31.10, trước những thiệt hại nặng nề do bão số 11 gây ra, ", "Ngày 31/10/2025, "]))
def test_an_own_number_after_the_signers_titles(no, hyphen, signer, opening):
    symbol = f"{no}/TB-MTTW{hyphen}BVĐCTTW"
    letter = parse_lines(["Tiếp tục ủng hộ đồng bào bị thiệt hại do mưa lũ", "",
                          f"{opening}{signer} đã ký ban hành Thông báo số {symbol} về việc tiếp tục vận động, ủng hộ "
                          "đồng bào bị thiệt hại do mưa lũ."])
    assert letter.header.symbol == f"{no}/TB-MTTW-BVĐCTTW"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)
