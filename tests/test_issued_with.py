"""A document issued with the letter it carries out (a Thể lệ, Quy chế or Kế hoạch "ban hành kèm theo")
names it on its issuing line, not in a preamble: that line is its citation of the parent, and a child that
cites its parent settles the pair's direction whatever tiers its header reads as (bench/heldout_pairs:
the rules of a joint contest of a city newspaper and the central Youth Union)."""

from letter_factory import item, parent_text, write_letter

from cascade.linking import link_letters
from models import CitationStatus
from parsers import parse_letter

TOPIC = ("Đối tượng dự thi: cán bộ, đảng viên, đoàn viên, thanh niên đang sinh sống, học tập và làm việc trên "
         "địa bàn tỉnh Bình Phước.")
WORKS = ("Tác phẩm dự thi là bài viết hoặc video clip phản ánh kết quả công tác tuyên truyền tại cơ sở, có độ dài "
         "tối đa 1.600 chữ hoặc 4 phút.")


def _rules(header: list[str], issuing_line: str) -> str:
    return "\n".join([*header, "THỂ LỆ", "Cuộc thi tìm hiểu công tác tuyên truyền năm 2024", issuing_line, "",
                      *item("1.", TOPIC), *item("2.", WORKS),
                      *item("3.", "Ban Tổ chức không hoàn trả tác phẩm dự thi và được quyền sử dụng các tác phẩm "
                                  "đạt giải để tuyên truyền."), ""])


def _pair(tmp_path, header: list[str], issuing_line: str):
    parent = write_letter(tmp_path, "parent.txt", parent_text([*item("1.", TOPIC), *item("2.", WORKS)]))
    child = write_letter(tmp_path, "child.txt", _rules(header, issuing_line))
    return parse_letter(parent), parse_letter(child)


def test_the_issuing_line_of_an_attachment_cites_the_letter_it_is_issued_with(tmp_path):
    for line in ("(Ban hành kèm theo Công văn số 12-CV/BTGTU ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy)",
                 "(Kèm theo Công văn số: 12-CV/BTGTU ngày 22 tháng 5 năm 2024)"):
        parent, child = _pair(tmp_path, [], line)
        check = link_letters(parent, child).citation_check
        assert check.status is CitationStatus.EXACT, (line, check)
    # the same citation in a sentence of the title that is not an issuing line says nothing of the kind
    parent, child = _pair(tmp_path, [], "Tìm hiểu Công văn số 12-CV/BTGTU ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy")
    assert link_letters(parent, child).citation_check.status is CitationStatus.NONE


def test_a_child_that_cites_its_parent_is_not_called_reversed_by_its_header_tier(tmp_path):
    central = ["BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐOÀN TNCS HỒ CHÍ MINH", ""]
    parent, child = _pair(tmp_path, central, "(Ban hành kèm theo Công văn số 12-CV/BTGTU ngày 22/5/2024)")
    assert (parent.tier.value, child.tier.value) == ("province", "central")
    result = link_letters(parent, child)
    assert result.citation_check.status is CitationStatus.EXACT
    assert [w.code for w in result.warnings] == []
    # a central child that cites something else is still told it reads as the higher tier
    parent, child = _pair(tmp_path, central, "(Ban hành kèm theo Công văn số 98-CV/TWĐTN ngày 02/4/2024)")
    result = link_letters(parent, child)
    assert result.citation_check.status is CitationStatus.UNRELATED
    assert any(w.code == "reversed" and "higher tier (central)" in w.message for w in result.warnings)
