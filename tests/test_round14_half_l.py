"""Half L's classes, built in code with other bodies, places and numbers: roles of a list whose first entry has no
number, of a provision an entry of the basis follows, of a doubled 'số', of the documents a meeting studies
('quán triệt'); and the tiers, speakers and systems below."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole


def _roles(letter: object, symbol: str) -> set[CitationRole]:
    return {c.role for c in letter.citations if c.symbol == symbol}  # type: ignore[attr-defined]


# --- 1. roles --------------------------------------------------------------------------------------------------


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Kế hoạch", "Hướng dẫn", "Công văn"]),
       st.sampled_from(["Ủy ban nhân dân huyện Kim Sơn", "Ban Thường vụ Huyện ủy Yên Lạc"]))
def test_a_list_whose_first_entry_has_no_number_goes_on(kind, body):
    letter = parse_lines([f"Thực hiện {kind} của {body}; Kế hoạch số 215/KH-UBND ngày 02 tháng 4 năm 2024 "
                          "của UBND xã Tân Lập về việc tuyên truyền kỷ niệm Ngày Chiến thắng. Ủy ban nhân dân xã "
                          "thông báo như sau:",
                          "1. Các thôn treo cờ Tổ quốc từ ngày 28/4/2024."])
    assert _roles(letter, "215/KH-UBND") == {CitationRole.IMPLEMENTS}


def test_an_unnumbered_mention_before_a_list_breaks_it_still():
    letter = parse_lines(["Thực hiện nhiệm vụ năm 2024 theo Kế hoạch của huyện. Ngày 02/4/2024, xã nhận Kế hoạch số "
                          "215/KH-UBND của UBND huyện Kim Sơn về tuyên truyền."])
    assert _roles(letter, "215/KH-UBND") == {CitationRole.MENTIONS}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["khoản 4 điều 1", "điểm a khoản 2 Điều 3", "Điều 5"]))
def test_the_provision_a_basis_follows_is_a_ground(provision):
    letter = parse_lines([f"Căn cứ Thông tư số 14/2021/TT-BNV ngày 10/3/2021 của Bộ Nội vụ Hướng dẫn quy trình "
                          f"đánh giá theo quy định tại {provision} Quyết định số 58/2020/QĐ ngày 20/8/2020 của Thủ "
                          "tướng Chính phủ; Chỉ thị số số 05/CT-UBND của UBND tỉnh về đánh giá. Sở Nội vụ hướng dẫn "
                          "như sau:"])
    assert _roles(letter, "58/2020/QĐ") == {CitationRole.IMPLEMENTS}
    assert _roles(letter, "05/CT-UBND") == {CitationRole.IMPLEMENTS}
    assert next(c.kind for c in letter.citations if c.symbol == "05/CT-UBND") == "Chỉ thị"


def test_a_document_named_in_a_basis_subject_otherwise_is_a_mention():
    letter = parse_lines(["Căn cứ Quyết định số 2668/QĐ-UBND ngày 10/3/2021 của UBND tỉnh về việc điều chỉnh Kế hoạch "
                          "số 168/KH-UBND ngày 01/2/2021 của UBND tỉnh. Sở Nội vụ hướng dẫn như sau:"])
    assert _roles(letter, "168/KH-UBND") == {CitationRole.MENTIONS}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Hội nghị đã quán triệt các văn bản như:", "Tại hội nghị, các đại biểu được quán triệt nội "
                        "dung của", "Hội nghị học tập, quán triệt"]))
def test_what_a_meeting_studies_it_carries_out(opening):
    letter = parse_lines(["Ngày 20/10/2023, Ban Thường trực Ủy ban MTTQ Việt Nam huyện Kim Sơn tổ chức hội nghị.",
                          f"{opening} Kế hoạch số 12/KH-MTTQ-BTT, ngày 10/10/2023 của Ban Thường trực Ủy ban MTTQ Việt "
                          "Nam tỉnh; Kế hoạch số 9/KH-MTTQ-BTT, ngày 14/10/2023 của Ban Thường trực Ủy ban MTTQ Việt "
                          "Nam huyện."])
    assert _roles(letter, "12/KH-MTTQ-BTT") == {CitationRole.IMPLEMENTS}
    if opening.endswith(":"):
        assert _roles(letter, "9/KH-MTTQ-BTT") == {CitationRole.IMPLEMENTS}


def test_studying_under_a_standard_is_no_carrying_out():
    letter = parse_lines(["Ngày 20/10/2023, Ủy ban nhân dân huyện Kim Sơn tổ chức hội nghị.",
                          "Hội nghị quán triệt nhiệm vụ năm 2024 theo Công văn số 77/UBND-VX ngày 10/10/2023 của UBND "
                          "tỉnh."])
    assert _roles(letter, "77/UBND-VX") == {CitationRole.MENTIONS}
