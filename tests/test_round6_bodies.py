"""Half E's classes, built in code: bodies a summary names the way newspapers do (a ministry's full name with its
lower-case tail, a People's Committee's office with its city, the Youth Federation's secretariat), the verbs they
issue with ("có Công văn 4424", "đã có kết luận", "đã điều chỉnh"), and a place whose name ends in "thủy", which
is no Party committee."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import System, Tier
from parsers.tier import tier_from_addressees, tier_from_area


@pytest.mark.parametrize(("speaker", "tier"), [
    ("Bộ Nông nghiệp và Phát triển nông thôn yêu cầu", Tier.CENTRAL),
    ("Bộ Lao động - Thương binh và Xã hội đề nghị", Tier.CENTRAL),
    ("Văn phòng UBND thành phố Đà Nẵng vừa có Công văn đề nghị", Tier.PROVINCE),
    ("UBND thành phố Huế có văn bản gửi", Tier.DISTRICT),
    ("Chủ tịch UBND tỉnh Vũ Hồng Bắc đã có kết luận về cuộc họp, yêu cầu", Tier.PROVINCE),
    ("Chủ tịch UBND tỉnh đã điều chỉnh thời gian treo cờ, đề nghị", Tier.PROVINCE),
    ("Ban thư ký Uỷ ban Hội LHTN Việt Nam tỉnh Hưng Yên hướng dẫn", Tier.PROVINCE),
    ("Sở Văn hóa, Thể thao và Du lịch vừa có Công điện gửi", Tier.PROVINCE),
])
def test_a_summary_speaker_is_placed(speaker, tier):
    """Dated 2021, so 'thành phố Huế' is a city of Thừa Thiên Huế province (district tier)."""
    letter = parse_lines(["Ngày 26/7/2021, trước tình hình dịch bệnh trên địa bàn, "
                          f"{speaker} các đơn vị khẩn trương triển khai thực hiện."])
    assert letter.tier is tier, letter.tier_reason
    assert letter.system is System.STATE


@given(st.sampled_from(["Thủy Lương", "Hương Thủy", "Thủy Nguyên", "Phú Thủy", "Thuỷ Xuân"]),
       st.sampled_from(["phường", "xã", "thị trấn"]))
@settings(max_examples=15, deadline=None)
def test_a_place_ending_in_thuy_is_no_party_committee(name, unit):
    letter = parse_lines([f"Thực hiện ý kiến chỉ đạo của UBND thị xã, UBND {unit} {name} xây dựng Kế hoạch tổ "
                          "chức Ngày Chủ nhật xanh như sau:", "- Huy động lực lượng ra quân làm vệ sinh."])
    assert letter.system is System.STATE
    assert letter.tier is Tier.COMMUNE


@pytest.mark.parametrize("title", ["KẾ HOẠCH", "THÔNG BÁO", "HƯỚNG DẪN"])
def test_a_capital_title_naming_the_party_is_no_party_header(title):
    """'KẾ HOẠCH TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM …' is a title with its subject: not
    an issuer, and the Party's name in it is no Party title."""
    letter = parse_lines([f"{title} TỔ CHỨC KỶ NIỆM 90 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM (3/2/1930 – "
                          "3/2/2020), 70 NĂM NGÀY THÀNH LẬP TỈNH VĨNH PHÚC (12/2/1950 – 12/2/2020)", "",
                          "Căn cứ Kế hoạch số 103/KH-UBND, ngày 18/6/2019 của UBND tỉnh về việc tổ chức các hoạt "
                          "động kỷ niệm;", "",
                          "Uỷ ban nhân dân tỉnh xây dựng Kế hoạch tổ chức kỷ niệm như sau:", "",
                          "1. MỤC ĐÍCH YÊU CẦU"])
    assert letter.header.issuer is None and not letter.header.motto
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)
    assert letter.header.title == title


@pytest.mark.parametrize(("written", "symbol"), [
    ("Kế hoạch số 49- KH/TƯH ngày 02/3/2008", "49-KH/TƯH"),
    ("Kết luận số 445-KL/TƯ ngày 13/5/2022", "445-KL/TƯ"),
    ("Nghị quyết 13-NQ/TƯ của Tỉnh ủy", "13-NQ/TƯ"),
])
def test_a_party_code_spelling_trung_uong_tu_is_read(written, symbol):
    """'TƯ' (trung ương) in a code: the Ư is a capital of the code, not its end."""
    letter = parse_lines([f"Thực hiện {written}, Ban Tuyên giáo Tỉnh ủy hướng dẫn các huyện ủy như sau:",
                          "1. Tổ chức tuyên truyền."])
    assert [c.symbol for c in letter.citations if c.symbol] == [symbol]
    assert letter.citations[0].role.value == "implements"


@pytest.mark.parametrize(("tasking", "tier"), [
    ("Yêu cầu UBND các xã, thị trấn phối hợp và tổ chức thực hiện.", Tier.DISTRICT),
    ("Đề nghị UBND các quận, huyện xây dựng kế hoạch thực hiện.", Tier.PROVINCE),
    ("Đề nghị các sở, ban, ngành triển khai thực hiện.", Tier.PROVINCE),
    ("Đề nghị các khu phố vận động các hộ dân treo cờ Tổ quốc.", Tier.COMMUNE),
    ("Đề nghị UBND các tỉnh, thành phố trực thuộc Trung ương chỉ đạo thực hiện.", Tier.CENTRAL),
])
def test_a_letter_that_names_no_speaker_is_placed_by_the_units_it_tasks(tasking, tier):
    """d19's class: the closing part of a letter that never names its issuer, only the units it tasks by type."""
    letter = parse_lines(["Thực hiện Công văn số 506/UBND về việc treo cờ Tổ quốc.",
                          f"Văn phòng có trách nhiệm đôn đốc, tổng hợp. {tasking}"])
    assert letter.tier is tier, letter.tier_reason
    assert letter.system is System.STATE


def test_the_units_tasked_yield_to_a_named_speaker():
    letter = parse_lines(["Ban Tuyên giáo Tỉnh ủy đề nghị Ban Tuyên giáo các huyện ủy và UBND các xã, thị trấn "
                          "phối hợp tuyên truyền."])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.PARTY)


def test_communes_tasked_after_the_district_tier_ended_are_the_provinces():
    texts = ["Yêu cầu UBND các xã, phường phối hợp và tổ chức thực hiện."]
    assert tier_from_addressees(texts, dt.date(2021, 3, 1))[0] is Tier.DISTRICT
    assert tier_from_addressees(texts, dt.date(2025, 8, 20))[0] is Tier.PROVINCE


@pytest.mark.parametrize(("written", "symbol"), [
    ("Thông tư số 01/2016/TT-BGD ĐT ngày 15/01/2016", "01/2016/TT-BGDĐT"),
    ("Thông tư liên tịch số 23/2015/TTLT-BGD ĐT-BNV ngày 16/9/2015", "23/2015/TTLT-BGDĐT-BNV"),
    ("Công văn số 1160/SGD ĐT-CTTT ngày 12/5/2020", "1160/SGDĐT-CTTT"),
])
def test_an_education_code_with_a_space_before_dt_is_one_symbol(written, symbol):
    letter = parse_lines([f"Căn cứ {written};", "Phòng Giáo dục và Đào tạo huyện hướng dẫn các trường như sau:",
                          "1. Tổ chức dạy học."])
    assert [c.symbol for c in letter.citations if c.symbol] == [symbol]


@pytest.mark.parametrize(("named", "tier"), [("tỉnh Phú Thọ", Tier.PROVINCE), ("thị xã Phú Thọ", Tier.DISTRICT)])
def test_a_place_line_shared_by_a_province_and_its_town_is_read_as_the_text_names_it(named, tier):
    letter = parse_lines(["ỦY BAN NHÂN DÂN |", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |", "Số: 335/KH-UBND |",
                          "Phú Thọ, ngày 10 tháng 02 năm 2023 |",
                          f"Căn cứ Quyết định số 932/QĐ-UBND ngày 22/4/2016 của UBND {named} về việc tuyển sinh;",
                          "1. Tổ chức tuyển sinh."])
    assert letter.tier is tier, letter.tier_reason


_AREAS = {"tỉnh": Tier.PROVINCE, "huyện": Tier.DISTRICT, "thị xã": Tier.DISTRICT, "xã": Tier.COMMUNE,
          "phường": Tier.COMMUNE}


@given(st.sampled_from(sorted(_AREAS)), st.sampled_from(["trong", "Trong", "toàn", "trên địa bàn"]),
       st.sampled_from(["", " Bình Minh", " 5"]))
@settings(max_examples=40, deadline=None)
def test_the_area_a_letter_governs_by_its_unit_word_alone(unit, preposition, name):
    """e08's class: a notice naming no issuer, only its area ("các hộ gia đình trong tỉnh"); a named unit may be
    any the letter speaks of, so it says nothing."""
    tier, _ = tier_from_area([f"Tất cả các cơ quan và các hộ gia đình {preposition} {unit}{name} treo cờ Tổ quốc."])
    assert tier is (Tier.UNKNOWN if name else _AREAS[unit])


def test_two_kinds_of_area_say_nothing():
    assert tier_from_area(["Các xã trong huyện và các hộ trong tỉnh treo cờ."])[0] is Tier.UNKNOWN
