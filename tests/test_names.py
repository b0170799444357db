"""A line that only names a body links to the same body's heading, never to a longer unit that mentions it
(bench/heldout_pairs 01: 'Trung ương Đoàn TNCS Hồ Chí Minh' inside a prize line; 06: a signature line
'BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN' inside the parent's closing request)."""

import pytest
from letter_factory import A, B, item, pair

from cascade.linking import link_letters
from cascade.names import is_name_line

TASK = ("Chỉ đạo các cơ sở đoàn tổ chức cho đoàn viên, thanh niên tham gia cuộc thi, bảo đảm tiến độ và chất "
        "lượng các bài dự thi gửi về Ban Tổ chức.")
PRIZE = "Giải khuyến khích: Bằng khen của Trung ương Đoàn TNCS Hồ Chí Minh cho các dự án."


@pytest.mark.parametrize(("text", "name"), [
    ("Trung ương Đoàn TNCS Hồ Chí Minh", True),
    ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", True),
    ("Ban Tuyên giáo Tỉnh ủy", True),
    ("Hà Nội", True),
    ("TỔ CHỨC THỰC HIỆN", False),
    ("GIẢI THƯỞNG", False),
    ("Phần thi cá nhân", False),
    ("Tuần 1: 24/11/2019 30/11/2019", False),
    ("Vòng thi Tuần", False),
    ("Danh hiệu “Học sinh 3 tốt” cấp Trung ương", False),
    (PRIZE, False),
])
def test_name_lines(text, name):
    assert is_name_line(text) is name


def test_a_bodys_name_heading_is_not_linked_to_a_paragraph_that_mentions_the_body(tmp_path):
    parent_lines = [*item("1.", A), *item("2.", "Trung ương Đoàn TNCS Hồ Chí Minh"), f"- {TASK}"]
    child_lines = [*item("1.", A), *item("2.", B), *item("3.", PRIZE)]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    links = {(lk.parent, lk.child) for lk in link_letters(parent, child).links}
    assert ("1", "1") in links
    assert ("2", "3") not in links


def test_a_bodys_name_heading_still_links_to_the_same_bodys_heading(tmp_path):
    parent_lines = [*item("1.", A), *item("2.", "Ban Tuyên giáo Tỉnh ủy"), f"- {TASK}"]
    child_lines = [*item("1.", A), *item("2.", "Ban Tuyên giáo Huyện ủy"), f"- {TASK}"]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    links = {(lk.parent, lk.child) for lk in link_letters(parent, child).links}
    assert {("2", "2"), ("2/1", "2/1")} <= links
