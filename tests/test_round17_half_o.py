"""Half O's classes, built in code with other bodies, places and numbers: a Party symbol with its type code in lower
case after its kind; a list's first entry with a bare number; own numbers after a sentence of sources alone, where
the body's act is its document's kind, with a bracketed date and a body's bracketed abbreviation; speakers named
wholly in lower case, by an office holder with his name, by a congress they hold, by their standing body, or as a
sentence's subject whatever the verb; a city's committee named without the city's name. Also round 16's two gaps:
symbol codes in every Vietnamese capital, and short Vietnamese prose accepted, not refused."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines, roles_of

from models import CitationRole, LetterForm, System, Tier
from parsers import InputError
from parsers.citations import find_citations
from parsers.identity import carried_out
from parsers.patterns import SYM_UP
from parsers.symbols import parse_symbol
from parsers.tier import speaking_bodies, subject_bodies, tier_of_issuer, titled_speakers

# --- 1. symbols and citations ----------------------------------------------------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 9999), st.text(alphabet=SYM_UP, min_size=2, max_size=6))
def test_a_symbols_code_may_hold_any_vietnamese_capital(number, code):
    written = f"{number}/SNN-{code}"
    assert parse_symbol(written).text == written
    found = find_citations(f"Thực hiện Công văn số {written} ngày 12/5/2023 của Sở Nông nghiệp, Phòng đề nghị")
    assert [c.symbol for c in found] == [written]


@pytest.mark.parametrize("code", ["QLĂN", "ĐĂK", "TƯH", "KTẾ"])
def test_a_header_symbol_keeps_its_marked_capitals(code):
    letter = parse_lines(["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", f"Số: 318/SNN-{code}", "V/v kiểm tra vật tư",
                          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Đắk Nông, ngày 9 tháng 3 năm 2022", "Kính gửi: UBND các huyện.",
                          "Sở đề nghị UBND các huyện thực hiện."])
    assert letter.header.symbol == f"318/SNN-{code}"


@settings(max_examples=12, deadline=None)
@given(st.sampled_from([("nghị quyết", "NQ"), ("kết luận", "KL"), ("chỉ thị", "CT")]),
       st.sampled_from(["TW", "TU", "HU"]), st.integers(1, 999), st.sampled_from(["/", " / ", "-"]))
def test_a_party_symbol_with_a_lower_case_type_code_after_its_kind(kind, issuer, number, sep):
    word, code = kind
    letter = parse_lines([f"Chiều 14/7/2019, chi đoàn thôn tổ chức sinh hoạt, quán triệt {word} {number}{sep}"
                          f"{code.lower()} {issuer}, thu hút 40 đoàn viên tham gia."])
    assert roles_of(letter, f"{number}-{code}/{issuer}") == {CitationRole.IMPLEMENTS}


@pytest.mark.parametrize("text", ["quán triệt nghị quyết 12/kl TW cho đoàn viên",  # the code is not the kind's
                                  "quán triệt kết luận 12/kl ABC cho đoàn viên",  # no Party committee's code
                                  "tỷ lệ đạt 12/kl TW"])  # no kind before it
def test_a_lower_case_code_needs_its_kind_and_a_party_committee(text):
    assert [c.symbol for c in find_citations(text)] == []


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Chỉ thị", "Kết luận", "Nghị quyết"]), st.integers(2, 99))
def test_a_lists_first_entry_with_a_bare_number_goes_on_at_a_comma(kind, number):
    letter = parse_lines([f"Thực hiện {kind} số {number} ngày 14/6/2019 của Bộ Chính trị về đại hội đảng bộ các cấp "
                          "nhiệm kỳ 2020 – 2025, Kế hoạch số 145-KH/HU ngày 02 tháng 10 năm 2019 của Ban Thường vụ "
                          "Huyện ủy Kim Sơn về tổ chức đại hội đảng bộ cơ sở."])
    assert roles_of(letter, "145-KH/HU") == {CitationRole.IMPLEMENTS}


def test_a_clause_with_no_document_before_the_comma_still_breaks():
    letter = parse_lines(["Thực hiện nhiệm vụ năm 2019 của huyện về đại hội đảng bộ các cấp, Kế hoạch số 145-KH/HU "
                          "ngày 02 tháng 10 năm 2019 của Ban Thường vụ Huyện ủy Kim Sơn được nhắc đến."])
    assert roles_of(letter, "145-KH/HU") == {CitationRole.MENTIONS}


# --- 2. own numbers in prose -----------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["đã xây dựng", "xây dựng", "đã ban hành"]))
def test_the_sentence_after_a_sentence_of_sources_alone_opens_the_text(verb):
    letter = parse_lines(["Hoạt động Đảng", "14/02/2020 08:30",
                          "Thực hiện Chỉ thị số 35 ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp, Kế "
                          "hoạch số 145-KH/HU ngày 02 tháng 10 năm 2019 của Ban Thường vụ Huyện ủy Kim Sơn về đại hội "
                          f"đảng bộ cơ sở. Đảng ủy cơ quan chính quyền huyện Kim Sơn {verb} Kế hoạch số 30-KH/ĐU ngày "
                          "06 tháng 01 năm 2020 tổ chức Đại hội Đảng bộ cơ quan lần thứ V."])
    assert letter.header.symbol == "30-KH/ĐU"
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)
    assert roles_of(letter, "145-KH/HU") == {CitationRole.IMPLEMENTS}


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([("hướng dẫn", "HD"), ("thông báo", "TB"), ("kết luận", "KL")]),
       st.sampled_from([("Ban Thường vụ Tỉnh đoàn Nam Định", "TĐTN", Tier.PROVINCE),
                        ("Ban Thường vụ Huyện ủy Giao Thủy", "HU", Tier.DISTRICT)]), st.sampled_from(["", "-", " "]))
def test_a_bodys_act_that_is_its_own_documents_kind(act, body, glue):
    verb, code = act
    name, issuer, tier = body
    letter = parse_lines([f"Căn cứ Điều lệ do Đại hội thông qua ngày 09/12/2017, {name} {verb} các cơ sở thực hiện "
                          f"thống nhất nội dung theo {verb} số 41{glue}{code}/{issuer} ngày 15/3/2019."])
    assert letter.header.symbol == f"41-{code}/{issuer}"
    assert str(letter.header.date) == "2019-03-15"  # the document's date, not the grounds'
    assert letter.tier is tier


def test_an_act_followed_by_another_kind_names_the_standard_not_the_letter():
    letter = parse_lines(["Căn cứ Điều lệ do Đại hội thông qua ngày 09/12/2017, Ban Thường vụ Tỉnh đoàn Nam Định hướng "
                          "dẫn các cơ sở thực hiện thống nhất nội dung theo Kế hoạch số 41-KH/TĐTN ngày 15/3/2019."])
    assert letter.header.symbol is None


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Chiều nay (12/6)", "Sáng nay (3/11)", "Ngày 12/6"]),
       st.sampled_from([("Sở Tài nguyên và Môi trường (TNMT) tỉnh Bình Định", "412/BC-STNMT"),
                        ("Sở Nội vụ (SNV) tỉnh Gia Lai", "1077/SNV-TCBC")]))
def test_an_own_number_after_a_bracketed_date_and_a_bodys_bracketed_abbreviation(when, body):
    name, symbol = body
    letter = parse_lines([f"{when}, {name} đã có văn bản số {symbol} gửi Bộ Nội vụ, UBND tỉnh..."])
    assert letter.header.symbol == symbol
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


# --- 3. speakers -----------------------------------------------------------------------------------------------


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["sở tư pháp tỉnh Bến Tre", "sở giáo dục và đào tạo tỉnh Kon Tum",
                        "sở lao động - thương binh và xã hội thành phố Cần Thơ"]),
       st.sampled_from(["tổ chức", "đã tổ chức", "triển khai"]))
def test_a_department_named_wholly_in_lower_case_speaks(body, verb):
    letter = parse_lines([f"Do yêu cầu công tác, ngày 19 tháng 12 năm 2021 {body} {verb} thi tuyển viên chức, có 90 "
                          "thí sinh tham gia."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@pytest.mark.parametrize("text", ["Các cơ sở y tế tỉnh Bến Tre tổ chức khám bệnh cho người dân.",
                                  "Trụ sở làm việc tỉnh Bến Tre tổ chức lại khu tiếp dân.",
                                  "Quyền sở hữu trí tuệ tỉnh Bến Tre tổ chức bảo hộ cho nông sản."])
def test_a_base_a_seat_or_ownership_is_no_department(text):
    assert parse_lines([text]).tier is Tier.UNKNOWN


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([("Bí thư Tỉnh ủy Hà Giang Nguyễn Văn Sơn", Tier.PROVINCE, System.PARTY),
                        ("Chủ tịch UBND tỉnh Quảng Ngãi Trần Hoàng Tuấn", Tier.PROVINCE, System.STATE),
                        ("Bí thư Thành ủy TP.HCM Lê Thanh Hải", Tier.PROVINCE, System.PARTY),
                        ("Bí thư Huyện ủy Ba Vì Đỗ Mạnh Hiến", Tier.DISTRICT, System.PARTY)]),
       st.sampled_from(["nhấn mạnh,", "chỉ đạo", "yêu cầu"]))
def test_an_office_holder_named_between_his_body_and_the_verb(holder, verb):
    who, tier, system = holder
    letter = parse_lines([f"{who} {verb} tiếp tục phát huy vai trò nhân dân tự quản tại các thôn, tổ dân phố."])
    assert (letter.tier, letter.system) == (tier, system)


def test_a_place_after_the_body_is_no_office_holders_name():
    assert titled_speakers(["Bí thư Thành ủy Hà Nội chỉ đạo các quận."]) == ["Thành ủy Hà Nội"]
    said = "Chủ tịch UBND tỉnh Quảng Ngãi Trần Hoàng Tuấn chỉ đạo các sở."
    assert speaking_bodies([said]) == ["UBND tỉnh Quảng Ngãi"]
    assert speaking_bodies(["Bí thư Thành ủy TP.HCM Lê Thanh Hải chỉ đạo các quận."]) == ["Thành ủy TP.HCM"]
    assert titled_speakers(["Bí thư Tỉnh ủy Hà Giang Nguyễn Văn Sơn chỉ đạo."]) == ["Tỉnh ủy Hà Giang"]
    assert tier_of_issuer("Thành ủy TP. Hồ Chí Minh") is Tier.PROVINCE


@settings(max_examples=8, deadline=None)
@given(st.sampled_from(["Sở Y tế", "Sở Giáo dục và Đào tạo, Sở Tài chính"]),
       st.sampled_from(["UBND các quận Sơn Trà, Liên Chiểu", "UBND các huyện Hòa Vang, Hoàng Sa"]))
def test_a_citys_committee_named_without_its_name_tasks_as_a_province(department, districts):
    letter = parse_lines(["Công nhận xã đạt chuẩn nông thôn mới", "Đăng ngày 12-05-2019 10:12", "",
                          "UBND thành phố vừa ban hành văn bản công nhận 3 xã đạt chuẩn nông thôn mới năm 2018.", "",
                          f"UBND thành phố giao {department} và {districts} chỉ đạo duy trì các tiêu chí đã đạt."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_citys_committee_that_tasks_its_wards_stays_a_districts():
    letter = parse_lines(["UBND thành phố vừa ban hành văn bản về chỉnh trang đô thị năm 2019.",
                          "UBND thành phố giao UBND các phường, xã tổ chức thực hiện."])
    assert letter.tier is Tier.DISTRICT


@settings(max_examples=8, deadline=None)
@given(st.sampled_from([("Đại hội đại biểu khối doanh nghiệp tỉnh", Tier.PROVINCE),
                        ("Đại hội đại biểu Đảng bộ Khối các cơ quan tỉnh", Tier.PROVINCE),
                        ("Đại hội Đảng bộ xã Tân Lập", Tier.COMMUNE)]),
       st.sampled_from(["chính thức khai mạc", "đã diễn ra"]))
def test_a_body_that_holds_its_congress_speaks(congress, opens):
    name, tier = congress
    letter = parse_lines(["Lịch sử Đảng bộ", f"Hôm nay, {name} lần thứ VI, nhiệm kỳ 2020 – 2025 {opens}."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=16, deadline=None)
@given(st.sampled_from(["Thường trực", "Ban Thường vụ", "Ban Thường trực", "BTV"]),
       st.sampled_from([("Hội Nông dân", System.STATE), ("Hội Liên hiệp Phụ nữ", System.STATE),
                        ("Liên đoàn Lao động", System.STATE), ("Huyện ủy", System.PARTY), ("Huyện đoàn", System.PARTY),
                        ("HĐND", System.STATE), ("Ủy ban MTTQ", System.STATE)]))
def test_every_standing_body_of_every_organisation_is_named_with_it(standing, organisation):
    org, system = organisation
    unit = "" if org.endswith(("ủy", "đoàn")) else " huyện"
    name = f"{standing} {org}{unit} Lý Nhân"
    assert speaking_bodies([f"{name} đã ban hành kế hoạch triển khai."]) == [name]
    letter = parse_lines([f"{name} đề nghị các cơ sở triển khai thực hiện."])
    assert (letter.tier, letter.system) == (Tier.DISTRICT, system)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("Hội Cựu chiến binh huyện Lý Nhân", Tier.DISTRICT, System.STATE),
                        ("Đảng ủy xã Yên Lạc", Tier.COMMUNE, System.PARTY),
                        ("Sở Công Thương tỉnh Nam Định", Tier.PROVINCE, System.STATE)]),
       st.sampled_from(["luôn quan tâm chăm lo", "thường xuyên thăm hỏi", "tích cực hỗ trợ"]),
       st.sampled_from(["", "Những năm qua, "]))
def test_a_body_that_opens_a_sentence_speaks_whatever_its_verb(body, predicate, opener):
    who, tier, system = body
    letter = parse_lines([f"{opener}{who} {predicate} đời sống hội viên và người lao động trên địa bàn."])
    assert (letter.tier, letter.system) == (tier, system)


@pytest.mark.parametrize("text", ["Sở Y tế được giao chủ trì thực hiện.", "UBND xã Tân Lập và các ngành cùng họp.",
                                  "Ban Thường vụ Tỉnh ủy tỉnh Sơn La đã ban hành Kết luận số 12-KL/TU."])
def test_a_body_acted_on_joined_or_reporting_an_act_is_no_subject_speaker(text):
    assert subject_bodies([text]) == []


# --- 4. short Vietnamese prose is accepted ---------------------------------------------------------------------


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(["Hội nghị", "Lễ hội truyền thống", "Buổi giao lưu văn nghệ"]),
       st.sampled_from(["tỉnh Hà Nam", "huyện Kim Sơn", "thị trấn Phố Ràng"]),
       st.sampled_from(["đã tổ chức tại hội trường.", "diễn ra trong hai ngày.", "thu hút đông đảo người dân."]))
def test_short_vietnamese_prose_is_a_letter_with_a_warning(event, place, rest):
    letter = parse_lines([f"{event} {place} {rest}"])
    assert letter.form is LetterForm.PORTAL_COPY
    assert "Vietnamese prose" in letter.form_reason
    assert any("plain Vietnamese prose" in w.message for w in letter.warnings)


@pytest.mark.parametrize("text", ["Do so.", "Xin chào", "Please see the attached file.", "42 17 9"])
def test_a_word_or_two_or_another_language_is_still_refused(text):
    with pytest.raises(InputError, match="not a letter"):
        parse_lines([text])


def test_a_document_after_theo_is_a_standard_unless_theo_follows_the_verb():
    assert carried_out("12/KH-UBND", "Thực hiện theo Kế hoạch số 12/KH-UBND của UBND tỉnh, xã triển khai.")
    assert not carried_out("22-HD/TWĐTN", "các cấp thực hiện đúng Điều lệ theo hướng dẫn số 22-HD/TWĐTN.")


@settings(max_examples=10, deadline=None)
@given(st.sampled_from([("Đảng ủy cơ quan chính quyền Quận 5", Tier.DISTRICT),
                        ("Đảng ủy cơ quan chính quyền huyện Kim Sơn", Tier.DISTRICT),
                        ("Đảng ủy cơ quan Sở Nội vụ", Tier.PROVINCE), ("Đảng ủy cơ quan Bộ Tư pháp", Tier.CENTRAL)]),
       st.sampled_from(["đề nghị", "yêu cầu"]))
def test_the_party_committee_of_one_units_or_bodys_agencies_speaks_at_its_tier(body, verb):
    name, tier = body
    assert speaking_bodies([f"{name} {verb} các chi bộ trực thuộc triển khai."]) == [name]
    letter = parse_lines([f"{name} {verb} các chi bộ trực thuộc triển khai học tập nghị quyết."])
    assert (letter.tier, letter.system) == (tier, System.PARTY)
