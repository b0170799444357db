"""Half D's classes, built in code: bodies whose tier and system the parser did not know (bloc and agencies'
Party committees, the Front's committee of a ward, offices of the National Assembly, national agencies' codes),
and a summary's own letter named in its prose (a pointer sentence, a source attribution, a one-line title)."""


import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import System, Tier


@pytest.mark.parametrize(("speaker", "tier", "system"), [
    ("Đảng ủy Khối các trường Đại học, Cao đẳng Hà Nội xây dựng", Tier.PROVINCE, System.PARTY),
    ("Đảng ủy Khối các cơ quan tỉnh Lào Cai ban hành", Tier.PROVINCE, System.PARTY),
    ("Ban Thường vụ Đảng ủy các cơ quan Đảng Trung ương đã khẩn trương ban hành", Tier.CENTRAL, System.PARTY),
    ("Đảng ủy Khối Doanh nghiệp Trung ương hướng dẫn", Tier.CENTRAL, System.PARTY),
    ("TT UBMTTQVN phường đã xây dựng", Tier.COMMUNE, System.STATE),
    ("Ban Thường trực Ủy ban MTTQ xã Tân Lập thông báo", Tier.COMMUNE, System.STATE),
    ("Văn phòng Quốc hội thông báo", Tier.CENTRAL, System.STATE),
])
def test_the_body_that_speaks_is_placed(speaker, tier, system):
    letter = parse_lines([f"Thực hiện Chỉ thị số 45-CT/TW ngày 14/4/2025 của Bộ Chính trị, {speaker} Kế hoạch "
                          "tổ chức đại hội như sau:", "1. Các đơn vị chuẩn bị nhân sự."])
    assert (letter.tier, letter.system) == (tier, system), letter.tier_reason


def test_a_front_committee_named_as_organiser_does_not_speak():
    """'Giải do Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tổ chức' names who organises, not
    who writes: the Party board that asks keeps the letter Party."""
    letter = parse_lines(["Ban Tuyên giáo Quận ủy đề nghị các chi bộ hưởng ứng Giải báo chí. Giải do Ban Thường "
                          "trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tổ chức."])
    assert letter.system is System.PARTY


@pytest.mark.parametrize("code", ["TCT-CS", "TCHQ-GSQL", "KBNN-KT", "NHNN-TD"])
def test_a_one_line_title_gives_the_letter_and_its_agency(code):
    letter = parse_lines([f"Công văn 3997/{code} ngày 24/09/2020 chính sách thuế nhà thầu"])
    assert letter.header.symbol == f"3997/{code}"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_a_title_the_text_takes_up_is_not_the_letter():
    letter = parse_lines(["Công văn 3997/TCT-CS ngày 24/09/2020 chính sách thuế nhà thầu",
                          "Thực hiện Công văn 3997/TCT-CS của Tổng cục Thuế, Cục Thuế tỉnh hướng dẫn các doanh "
                          "nghiệp kê khai."])
    assert letter.header.symbol != "3997/TCT-CS"
    assert any(c.symbol == "3997/TCT-CS" for c in letter.citations)


def test_a_source_attribution_names_the_letter():
    letter = parse_lines(["V/v Chuyển đổi mục đích sử dụng rừng", "UBND tỉnh có ý kiến như sau:",
                          "Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, tham mưu UBND tỉnh giải quyết.",
                          "(Theo Công văn số 6012/UBND-KT, ngày 14/11/2023)"])
    assert letter.header.symbol == "6012/UBND-KT"
    assert letter.header.date is not None and letter.header.date.year == 2023


def test_theo_inside_a_sentence_is_a_citation():
    letter = parse_lines(["UBND huyện đề nghị các xã thực hiện (theo Công văn số 12/UBND-VX ngày 3/4/2023 của "
                          "UBND tỉnh) và báo cáo kết quả."])
    assert letter.header.symbol != "12/UBND-VX"


KINDS = ["Công văn", "Chỉ thị", "Kế hoạch", "Thông báo"]
NOUNS = ["chỉ đạo", "nội dung", "yêu cầu"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(KINDS), st.integers(1, 9999), st.sampled_from(NOUNS), st.booleans(), st.booleans())
def test_a_pointer_sentence_names_the_letter(kind, number, noun, issuer_first, carried):
    """'Đó là chỉ đạo của UBND tỉnh … tại Công văn số 4079/UBND-KT …' names the page's letter; a document
    cited on the way (16/CT-TTg) stays a citation, and one the text then carries out is not the letter."""
    symbol = f"{number}/UBND-KT"
    who = "của UBND tỉnh đối với các Sở, ban, ngành " if issuer_first else ""
    after = "" if issuer_first else " của Chủ tịch UBND tỉnh"
    lines = ["Kiểm tra, xử lý nghiêm các trường hợp vi phạm",
             f"Đó là {noun} {who}tại {kind} số {symbol}{after} về việc thực hiện các biện pháp cấp bách theo "
             "Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ."]
    if carried:
        lines.append(f"Thực hiện {kind} số {symbol}, UBND huyện yêu cầu các xã triển khai ngay.")
    letter = parse_lines(lines)
    if carried:
        assert letter.header.symbol != symbol
    else:
        assert letter.header.symbol == symbol
        assert letter.tier is Tier.PROVINCE
    assert any(c.symbol == "16/CT-TTg" for c in letter.citations)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(KINDS), st.integers(1, 4999), st.integers(5000, 9999), st.sampled_from(["", "và "]))
def test_a_comma_list_of_documents_with_their_subjects_is_carried_out_whole(kind, first, second, joiner):
    """'… tổ chức thực hiện Công văn số 4847/BYT-DP … về việc …, Công văn số 4992/BYT-DP …': both are carried
    out; a document of another kind named in a subject is not an entry."""
    text = (f"UBND tỉnh yêu cầu các sở, ngành tổ chức thực hiện {kind} số {first}/BYT-DP ngày 19/8/2024 về việc "
            f"chủ động phòng, chống dịch mùa tựu trường, {joiner}{kind} số {second}/BYT-DP ngày 23/8/2024 về việc "
            "tiêm chủng vắc xin phòng bệnh sởi.")
    roles = {c.symbol: c.role.value for c in parse_lines([text]).citations}
    assert roles == {f"{first}/BYT-DP": "implements", f"{second}/BYT-DP": "implements"}


def test_a_document_named_in_a_subject_is_not_a_list_entry():
    text = ("UBND huyện tổ chức thực hiện Công văn số 12/UBND-VX ngày 3/4/2023 về việc triển khai, hướng dẫn các "
            "xã, Quyết định số 45/QĐ-TTg của Thủ tướng Chính phủ được nêu tại đó.")
    roles = {c.symbol: c.role.value for c in parse_lines([text]).citations}
    assert roles["12/UBND-VX"] == "implements" and roles["45/QĐ-TTg"] == "mentions"


def test_a_plans_line_that_leaves_an_item_to_its_own_rules_is_content_not_a_source_line():
    """'(Theo Thể lệ ban hành kèm theo Kế hoạch này)' under a plan's item names a document of the plan itself
    (bench/heldout_pairs 04): it stays in the item, where the linker reads it (cascade.deferrals)."""
    letter = parse_lines(["KẾ HOẠCH", "Tổ chức cuộc thi trực tuyến tìm hiểu lịch sử Đảng bộ tỉnh",
                          "1. Hình thức, thời gian tổ chức cuộc thi",
                          "- Vòng thi tuần: trực tuyến, từ ngày 24/11/2019 đến ngày 28/12/2019.",
                          "(Theo Thể lệ ban hành kèm theo Kế hoạch này)",
                          "2. Website chính thức của cuộc thi: timhieuvedang.vn"])
    assert not letter.furniture
    assert any("Theo Thể lệ" in b.text for it in letter.items for b in it.blocks)
