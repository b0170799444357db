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


def _citations(tmp_path, issuing_line: str, name: str = "rules.txt"):
    path = write_letter(tmp_path, name, _rules([], issuing_line))
    return [(c.symbol, c.role.value) for c in parse_letter(path).citations]


def test_the_issuing_line_is_read_as_carried_out_in_every_way_it_is_printed(tmp_path):
    """A PDF's lost hyphen ("245 KH/…"), a colon after "số", "theo" left out, and the line run into the
    title above it (no closing mark): each time the rules carry out the plan they are issued with."""
    for line, symbol in (
        ("(Ban hành kèm theo Kế hoạch số 245 KH/TWĐTNBTG ngày 08/11/2019)", "245-KH/TWĐTNBTG"),
        ("(Ban hành kèm Kế hoạch số 574 KH/TWĐTNBTG, ngày 14 tháng 10 năm 2022)", "574-KH/TWĐTNBTG"),
        ("(Ban hành Kèm theo Kế hoạch số: 318-KHPH/BSGGPTWĐTN ngày 27 tháng 6 năm 2023)", "318-KHPH/BSGGPTWĐTN"),
        ("(Kèm theo Kế hoạch số 45/KH-UBND ngày 01/02/2021 của UBND huyện)", "45/KH-UBND"),
    ):
        assert (symbol, "implements") in _citations(tmp_path, line), line


def test_an_enclosure_named_in_a_sentence_is_only_a_mention(tmp_path):
    line = "Các đơn vị gửi danh sách tác giả (kèm theo Công văn số 123/SGDĐT-VP ngày 02/3/2024) về Ban Tổ chức."
    assert _citations(tmp_path, line) == [("123/SGDĐT-VP", "mentions")]


PLAN_ITEMS = [*item("1.", TOPIC), *item("2.", WORKS),
              *item("3.", "Các cơ sở đoàn tổ chức phát động cuộc thi, tổng hợp tác phẩm gửi về Ban Tổ chức trước ngày "
                          "30/6/2024 để chấm sơ khảo và công bố kết quả.")]
RULES_MORE = [*item("4.", "Mỗi tác giả được gửi tối đa ba tác phẩm; tác phẩm đã đạt giải ở cuộc thi khác không được "
                          "tham gia dự thi."),
              *item("5.", "Cơ cấu giải thưởng gồm một giải Nhất, hai giải Nhì, ba giải Ba và năm giải Khuyến khích, "
                          "kèm theo giấy chứng nhận của Ban Tổ chức."),
              *item("6.", "Ban Giám khảo chấm theo thang điểm 100, trong đó nội dung chiếm 60 điểm, hình thức thể "
                          "hiện chiếm 40 điểm.")]
# The rules' header: the plan's body and date, no number of their own (as the central Youth Union prints them).
RULES_HEADER = ["TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "*", "ĐẢNG CỘNG SẢN VIỆT NAM",
                "Bình Phước, ngày 22 tháng 5 năm 2024", ""]


def _folder_of(tmp_path, other: list[str]) -> dict:
    from cascade.corpus import detect_parents

    folder = tmp_path / "folder"
    folder.mkdir()
    write_letter(folder, "ke-hoach.txt", parent_text(PLAN_ITEMS, preamble=None))
    write_letter(folder, "other.txt", "\n".join([*RULES_HEADER, *other, "", *PLAN_ITEMS, *RULES_MORE, ""]))
    letters = {p.name: parse_letter(p) for p in sorted(folder.iterdir())}
    return letters, detect_parents(letters)


def test_a_folder_puts_the_rules_under_the_plan_they_are_issued_with(tmp_path):
    """Rules of the plan's body and date hold all of its text and more: without their issuing line read
    as carried out, a folder run took the plan for the child of its own rules."""
    _, nodes = _folder_of(tmp_path, ["THỂ LỆ", "Cuộc thi tìm hiểu công tác tuyên truyền năm 2024",
                                     "(Ban hành kèm theo Kế hoạch số 12 CV/BTGTU ngày 22/5/2024)"])
    assert [p.parent for p in nodes["other.txt"].parents] == ["ke-hoach.txt"]
    assert nodes["ke-hoach.txt"].parents == []


def test_a_letter_is_never_placed_under_a_letter_that_names_it(tmp_path):
    """A report that names the plan in passing and repeats its text is written after the plan: content
    alone must not make it the plan's parent."""
    letters, nodes = _folder_of(tmp_path, [
        "BÁO CÁO", "Kết quả cuộc thi tìm hiểu công tác tuyên truyền năm 2024",
        "Ban Tổ chức báo cáo kết quả các nội dung nêu tại Kế hoạch số 12-CV/BTGTU ngày 22/5/2024 như sau:"])
    assert all(c.role.value == "mentions" for c in letters["other.txt"].citations)
    assert all(p.parent != "other.txt" for p in nodes["ke-hoach.txt"].parents)


def test_a_content_parent_that_carries_out_another_act_is_flagged_and_trusted_less(tmp_path):
    """This year's rules carry out this year's plan, which the folder lacks; last year's rules, which
    carry out last year's plan, hold most of their text: paired by content, but flagged, at half the
    confidence."""
    from cascade.corpus import detect_parents

    folder = tmp_path / "folder"
    folder.mkdir()
    for name, note in (("2023.txt", "(Ban hành kèm theo Kế hoạch số 263-KH/TWĐTN-BTG ngày 22/5/2023)"),
                       ("2024.txt", "(Ban hành kèm theo Kế hoạch số 380-KH/TWĐTN-BTG ngày 20/5/2024)")):
        write_letter(folder, name, "\n".join(["THỂ LỆ", "Giải báo chí viết về công tác Đoàn", note, "",
                                              *PLAN_ITEMS, *RULES_MORE, ""]))
    letters = {p.name: parse_letter(p) for p in sorted(folder.iterdir())}
    nodes = detect_parents(letters)
    placed = [n for n in nodes.values() if n.parents]
    assert len(placed) == 1
    node = placed[0]
    assert any(f.startswith("other-source: carries out") for f in node.flags), node.flags
    assert node.parents[0].confidence <= 0.5
