"""cascade.citecheck.check_citation: does the child cite the parent it is linked to?

The parent built by letter_factory is 12-CV/BTGTU of 22/5/2024 (Ban Tuyên giáo Tỉnh ủy), subject
"tiếp tục đẩy mạnh công tác tuyên truyền"; each test writes the child's preamble.
"""

import pytest
from letter_factory import PARENT_HEADER, item, pair

from cascade.citecheck import check_citation
from cascade.linking import link_letters
from models import CitationRole, CitationStatus

BODY = item("1.", "Tuyên truyền, quán triệt sâu sắc chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước "
                  "trên các lĩnh vực.")
SAME_SUBJECT = "tiếp tục đẩy mạnh công tác tuyên truyền"
OTHER_SUBJECT = "tổ chức hội nghị báo cáo viên tháng 6"
BTGTU = "của Ban Tuyên giáo Tỉnh ủy"
NO_CITATION = "Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:"


def preamble(citation: str, subject: str = SAME_SUBJECT) -> str:
    return (f"Thực hiện {citation} về việc {subject}, Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị thực hiện "
            "tốt một số nội dung sau:")


def check(tmp_path, child_preamble, parent_header=PARENT_HEADER):
    parent, child = pair(tmp_path, BODY, BODY, child_preamble=child_preamble, parent_parts={"header": parent_header})
    return parent, child, check_citation(parent, child)


def header_with_symbol(symbol: str | None) -> list[str]:
    lines = [line for line in PARENT_HEADER if not line.startswith("Số ")]
    if symbol:
        lines.insert(3, f"Số {symbol}")
    return lines


def test_parent_header_as_built(tmp_path):
    parent, child, _ = check(tmp_path, preamble(f"Công văn số 12-CV/BTGTU, ngày 22/5/2024 {BTGTU}"))
    h = parent.header
    assert (h.symbol, h.number, h.doc_type, h.issuer_code, h.date.isoformat()) == (
        "12-CV/BTGTU", "12", "CV", "BTGTU", "2024-05-22")
    assert h.subject == SAME_SUBJECT
    assert child.header.symbol == "45-CV/HU"  # the child's own symbol is not a citation
    assert [c.symbol for c in child.citations] == ["12-CV/BTGTU"]
    assert child.citations[0].role is CitationRole.IMPLEMENTS


# --- exact ---------------------------------------------------------------------------------------------


def test_exact_symbol_and_date(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 12-CV/BTGTU, ngày 22/5/2024 {BTGTU}"))
    assert cc.status is CitationStatus.EXACT
    assert (cc.cited_symbol, cc.cited_date) == ("12-CV/BTGTU", "2024-05-22")
    assert (cc.parent_symbol, cc.parent_date) == ("12-CV/BTGTU", "2024-05-22")
    assert cc.cited and cc.cited.startswith("Công văn số 12-CV/BTGTU")
    assert cc.reasons == ["cites 12-CV/BTGTU of 2024-05-22"]


def test_exact_symbol_without_a_date(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 12-CV/BTGTU {BTGTU}"))
    assert cc.status is CitationStatus.EXACT
    assert cc.cited_date is None


def test_exact_with_leading_zero_and_padded_date(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 012-CV/BTGTU, ngày 22/05/2024 {BTGTU}"))
    assert cc.status is CitationStatus.EXACT


@pytest.mark.parametrize("verb", ["Thực hiện", "Căn cứ"])
def test_exact_through_either_implementing_verb(tmp_path, verb):
    text = f"{verb} Công văn số 12-CV/BTGTU, ngày 22/5/2024 {BTGTU}, Ban Thường vụ Huyện ủy đề nghị thực hiện tốt:"
    _, _, cc = check(tmp_path, text)
    assert cc.status is CitationStatus.EXACT


def test_best_of_several_cited_documents_wins(tmp_path):
    text = ("Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương và Công văn số "
            f"12-CV/BTGTU, ngày 22/5/2024 {BTGTU}, Ban Thường vụ Huyện ủy đề nghị thực hiện tốt một số nội dung sau:")
    _, child, cc = check(tmp_path, text)
    assert [c.symbol for c in child.citations] == ["8371-CV/BTGTW", "12-CV/BTGTU"]
    assert cc.status is CitationStatus.EXACT and cc.cited_symbol == "12-CV/BTGTU"


# --- near ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["13", "112", "2"], ids=["digit changed", "digit inserted", "digit lost"])
def test_near_number_one_digit_off(tmp_path, number):
    """Date far off and another subject, so only the one-character number distance makes it near."""
    _, _, cc = check(tmp_path, preamble(f"Công văn số {number}-CV/BTGTU, ngày 1/1/2024 {BTGTU}", OTHER_SUBJECT))
    assert cc.status is CitationStatus.NEAR
    assert "same issuer code BTGTU" in cc.reasons and "same kind CV" in cc.reasons
    assert f"number {number} ≠ 12 (one character off)" in cc.reasons


def test_near_date_a_day_off(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 12-CV/BTGTU, ngày 23/5/2024 {BTGTU}"))
    assert cc.status is CitationStatus.NEAR
    assert cc.cited_date == "2024-05-23"
    assert len(cc.reasons) == 1 and "1 day(s)" in cc.reasons[0] and "12-CV/BTGTU" in cc.reasons[0]


def test_near_sibling_letter_days_apart(tmp_path):
    """Another number of the same issuer and kind, dated within a month: a typo or a sibling letter."""
    _, _, cc = check(tmp_path, preamble(f"Công văn số 650-CV/BTGTU, ngày 30/5/2024 {BTGTU}", OTHER_SUBJECT))
    assert cc.status is CitationStatus.NEAR
    assert "number 650 ≠ 12" in cc.reasons


def test_near_through_the_cited_subject(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 650-CV/BTGTU, ngày 1/1/2024 {BTGTU}", SAME_SUBJECT))
    assert cc.status is CitationStatus.NEAR
    assert any("subject" in r for r in cc.reasons)


# --- unrelated -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "citation",
    [
        "Công văn số 12-CV/TU, ngày 22/5/2024 của Tỉnh ủy",
        "Công văn số 8371-CV/BTGTW, ngày 10/5/2024 của Ban Tuyên giáo Trung ương",
    ],
    ids=["same number, issuer TU", "BTGTW"],
)
def test_unrelated_other_issuer(tmp_path, citation):
    _, _, cc = check(tmp_path, preamble(citation))
    assert cc.status is CitationStatus.UNRELATED
    assert not any(r.startswith("same issuer") for r in cc.reasons)


def test_unrelated_other_kind_of_document(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Kế hoạch số 12-KH/BTGTU, ngày 22/5/2024 {BTGTU}"))
    assert cc.status is CitationStatus.UNRELATED
    assert cc.cited_symbol == "12-KH/BTGTU"


def test_unrelated_same_issuer_far_number_far_date_other_subject(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 650-CV/BTGTU, ngày 1/1/2024 {BTGTU}", OTHER_SUBJECT))
    assert cc.status is CitationStatus.UNRELATED
    assert "number 650 ≠ 12" in cc.reasons


# --- none ----------------------------------------------------------------------------------------------


def test_none_child_cites_nothing(tmp_path):
    _, child, cc = check(tmp_path, NO_CITATION)
    assert child.citations == []
    assert cc.status is CitationStatus.NONE
    assert cc.cited is None and cc.cited_symbol is None
    assert cc.parent_symbol == "12-CV/BTGTU"
    assert cc.reasons == ["the child letter cites no numbered document it implements"]


def test_none_without_preamble(tmp_path):
    _, _, cc = check(tmp_path, None)
    assert cc.status is CitationStatus.NONE


def test_none_a_mention_inside_an_item_is_not_the_source(tmp_path):
    body = item("1.", "Tuyên truyền kết quả thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung "
                      "ương về đẩy mạnh xây dựng, chỉnh đốn Đảng.")
    parent, child = pair(tmp_path, BODY, body, child_preamble=NO_CITATION)
    assert [c.symbol for c in child.citations] == ["21-KL/TW"]
    assert check_citation(parent, child).status is CitationStatus.NONE


def test_none_parent_has_no_symbol(tmp_path):
    parent, _, cc = check(tmp_path, preamble(f"Công văn số 12-CV/BTGTU, ngày 22/5/2024 {BTGTU}"),
                          parent_header=header_with_symbol(None))
    assert parent.header.symbol is None
    assert cc.status is CitationStatus.NONE
    assert cc.parent_symbol is None and cc.parent_date == "2024-05-22"
    assert cc.cited_symbol == "12-CV/BTGTU"  # what the child says is still reported
    assert cc.reasons == ["the parent letter has no number/symbol in its header"]


# --- a Party symbol written state-style ("12/CV-BTGTU") --------------------------------------------------


def test_party_symbol_written_state_style_in_the_child(tmp_path):
    """The parser keeps the symbol as written but splits number, type and issuer the same way, so the
    check compares the parts and still finds the exact citation."""
    _, child, cc = check(tmp_path, preamble(f"Công văn số 12/CV-BTGTU, ngày 22/5/2024 {BTGTU}"))
    c = child.citations[0]
    assert (c.number, c.doc_type, c.issuer_code) == ("12", "CV", "BTGTU")
    assert c.symbol == "12/CV-BTGTU"
    assert cc.status is CitationStatus.EXACT
    assert cc.cited_symbol == "12/CV-BTGTU" and cc.parent_symbol == "12-CV/BTGTU"


@pytest.mark.parametrize("child_symbol", ["12-CV/BTGTU", "12/CV-BTGTU"])
def test_party_symbol_written_state_style_in_the_parent(tmp_path, child_symbol):
    parent, _, cc = check(tmp_path, preamble(f"Công văn số {child_symbol}, ngày 22/5/2024 {BTGTU}"),
                          parent_header=header_with_symbol("12/CV-BTGTU"))
    h = parent.header
    assert (h.number, h.doc_type, h.issuer_code) == ("12", "CV", "BTGTU")
    assert cc.status is CitationStatus.EXACT


def test_state_style_symbol_one_digit_off_is_near(tmp_path):
    _, _, cc = check(tmp_path, preamble(f"Công văn số 13/CV-BTGTU, ngày 1/1/2024 {BTGTU}", OTHER_SUBJECT))
    assert cc.status is CitationStatus.NEAR


# --- through link_letters ------------------------------------------------------------------------------


def test_link_result_carries_the_citation_check(tmp_path):
    parent, child = pair(tmp_path, BODY, BODY,
                         child_preamble=preamble(f"Công văn số 13-CV/BTGTU, ngày 22/5/2024 {BTGTU}"))
    result = link_letters(parent, child)
    assert result.citation_check == check_citation(parent, child)
    assert result.citation_check.status is CitationStatus.NEAR


def test_annex_naming_the_parent_beside_its_issuing_decision(tmp_path):
    """A Quy chế carries out the decision that issues it and names the guidance it details in passing: the
    mention of the parent's own symbol says the child cites the parent (exact), with the issuing act kept in
    the reasons; without the mention the pair stays unrelated."""
    issuing = "Quyết định số 142-QĐ/HU ngày 19/11/2024 của Ban Thường vụ Huyện ủy"
    named = (f"Thực hiện {issuing} về việc ban hành Quy chế; nội dung Quy chế cụ thể hóa Công văn số 12-CV/BTGTU, "
             f"ngày 22/5/2024 {BTGTU}, các cơ quan, đơn vị thực hiện tốt một số nội dung sau:")
    _, child, cc = check(tmp_path, named)
    roles = {c.symbol: c.role for c in child.citations}
    assert roles["142-QĐ/HU"] is CitationRole.IMPLEMENTS and roles["12-CV/BTGTU"] is not CitationRole.IMPLEMENTS
    assert cc.status is CitationStatus.EXACT and cc.cited_symbol == "12-CV/BTGTU"
    assert any("142-QĐ/HU" in r for r in cc.reasons)
    _, _, alone = check(tmp_path, f"Thực hiện {issuing} về việc ban hành Quy chế, các cơ quan, đơn vị thực hiện "
                                  "tốt một số nội dung sau:")
    assert alone.status is CitationStatus.UNRELATED


def test_a_parent_named_only_inside_a_duty_is_still_cited(tmp_path):
    """A follow-up that names its source only in an item ("thực hiện nghiêm túc Công văn số …", heldout pair 16)."""
    duty = item("1.", f"Chỉ đạo các cơ quan thực hiện nghiêm túc Công văn số 12-CV/BTGTU, ngày 22/5/2024 {BTGTU}.")
    parent, child = pair(tmp_path, BODY, duty, child_preamble=NO_CITATION)
    cc = check_citation(parent, child)
    assert cc.status is CitationStatus.EXACT and cc.cited_symbol == "12-CV/BTGTU"
    assert any("named in item 1" in r for r in cc.reasons)


def test_another_letter_named_inside_a_duty_is_no_citation_of_the_parent(tmp_path):
    duty = item("1.", "Chỉ đạo các cơ quan thực hiện nghiêm túc Công văn số 77-CV/BTGTU, ngày 02/3/2024 của Ban.")
    parent, child = pair(tmp_path, BODY, duty, child_preamble=NO_CITATION)
    assert check_citation(parent, child).status is CitationStatus.NONE
