"""Issue 12 round 11 (bench/heldout_pairs 15, 16): a parent item's lead sentence that the child repeats as the
opening clause of a longer sentence of its own, with the point under it that names the same other letter; and a
follow-up of the same office that covers the earlier letter's other duties by naming it.
Built in code with invented wording, through `letter_factory.pair` and `link_letters`."""

import dataclasses

from letter_factory import LOCAL, PARENT_HEADER, A, B, C, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters

# A parent lead over two points; the child repeats the lead's opening clause inside its own longer sentence.
LEAD = ("2. Để bảo đảm quản lý nguồn vốn xây dựng nông thôn mới công khai, minh bạch; nâng cao vai trò giám sát "
        "của cộng đồng dân cư và của các tổ chức đoàn thể, đồng thời, phát huy quyền làm chủ của nhân dân, "
        "Ban Tuyên giáo Tỉnh ủy:")
POINT_A = ("a) Đề nghị các cấp ủy chủ trì, phối hợp với Mặt trận Tổ quốc và các đoàn thể thực hiện nghiêm "
           "Chỉ thị số 18-CT/TU ngày 05 tháng 3 năm 2024 của Ban Thường vụ Tỉnh ủy về tăng cường kiểm tra, giám sát.")
POINT_B = ("b) Định kỳ hằng quý, Ban Tuyên giáo Tỉnh ủy tổng hợp kết quả, báo cáo Thường trực Tỉnh ủy theo "
           "quy định hiện hành.")
PARENT = [
    "1. Tổ chức hội nghị học tập, quán triệt nghị quyết chuyên đề cho cán bộ chủ chốt các huyện trong quý III.",
    LEAD, POINT_A, POINT_B,
]
# the opening clause restated in other forms of the same words, then the child's own duty, naming Chỉ thị 18
RESTATED = ("2. Để bảo đảm việc quản lý nguồn kinh phí xây dựng nông thôn mới công khai, minh bạch, nâng cao vai "
            "trò giám sát của cộng đồng dân cư và các tổ chức đoàn thể, Ban Thường vụ Huyện ủy đề nghị các xã "
            "sớm lập bảng công khai các công trình trong đó ghi rõ chủ đầu tư, đơn vị thi công, tổng mức đầu tư, "
            "thời gian khởi công, hoàn thành và người phụ trách từng hạng mục, niêm yết tại nhà văn hóa thôn, "
            "trụ sở xã suốt thời gian thi công, tiếp nhận phản ánh của người dân qua hộp thư góp ý như chỉ đạo "
            "tại Chỉ thị số 18-CT/TU.")
CHILD = [f"1. {LOCAL}", RESTATED]


def _item_links(tmp_path, parent_body, child_body, settings=DEFAULT_SETTINGS):
    parent, child = pair(tmp_path, parent_body, child_body)
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child, settings).item_links}


def test_a_lead_restated_inside_a_longer_child_sentence_is_linked(tmp_path):
    assert ("2", "2") in _item_links(tmp_path, PARENT, CHILD)


def test_the_point_under_the_lead_naming_the_letter_the_child_names_goes_with_it(tmp_path):
    links = _item_links(tmp_path, PARENT, CHILD)
    assert ("2.a", "2") in links
    assert ("2.b", "2") not in links  # names no letter the child names


def test_without_the_lead_pass_neither_is_linked(tmp_path):
    links = _item_links(tmp_path, PARENT, CHILD, dataclasses.replace(DEFAULT_SETTINGS, lead_links=False))
    assert ("2", "2") not in links and ("2.a", "2") not in links


def test_a_lead_the_child_does_not_restate_stays_unlinked(tmp_path):
    child = [f"1. {LOCAL}",
             "2. Ban Thường vụ Huyện ủy đề nghị các xã sớm lập bảng công khai các công trình trong đó ghi rõ tiến "
             "độ thi công, như chỉ đạo tại Chỉ thị số 18-CT/TU."]
    links = _item_links(tmp_path, PARENT, child)
    assert ("2", "2") not in links


def test_a_lead_restated_in_two_child_sentences_alike_says_nothing_about_which(tmp_path):
    twice = [f"1. {LOCAL}", RESTATED,
             "3. Để bảo đảm việc quản lý nguồn kinh phí xây dựng nông thôn mới công khai, minh bạch, nâng cao vai "
             "trò giám sát của cộng đồng dân cư và các tổ chức đoàn thể, các chi bộ thôn tổ chức họp dân lấy ý "
             "kiến về danh mục công trình năm 2025, bầu ban giám sát đầu tư của cộng đồng ở mỗi thôn, khu phố, "
             "phân công đảng viên theo dõi từng công trình và báo cáo chi ủy hằng tháng về chất lượng thi công."]
    links = _item_links(tmp_path, PARENT, twice)
    assert ("2", "2") not in links and ("2", "3") not in links


def test_a_heading_over_points_is_no_lead_sentence(tmp_path):
    # a heading's few words ("2. Công khai nguồn vốn nông thôn mới") inside a long child duty are a mention
    parent = ["1. Tổ chức hội nghị học tập, quán triệt nghị quyết chuyên đề cho cán bộ chủ chốt các huyện.",
              "2. Công khai nguồn vốn nông thôn mới", POINT_A, POINT_B]
    links = _item_links(tmp_path, parent, CHILD)
    assert ("2", "2") not in links


def test_points_under_a_restated_lead_that_name_another_letter_do_not_go_with_it(tmp_path):
    # the child names Chỉ thị 18-CT/TU; a point naming only Chỉ thị 21-CT/TU is not what it carries out
    parent = [PARENT[0], LEAD, POINT_A.replace("18-CT/TU", "21-CT/TU"), POINT_B]
    links = _item_links(tmp_path, parent, CHILD)
    assert ("2", "2") in links and ("2.a", "2") not in links


# A follow-up of the same office (bench/heldout_pairs 16): the Ban Tuyên giáo reminds the same addressees of its
# earlier letter 12-CV/BTGTU, restates one duty and covers the rest by naming the letter.
FOLLOW_UP_HEADER = tuple("Số 31-CV/BTGTU" if line.startswith("Số ") else
                         "Bình Phước, ngày 20 tháng 8 năm 2024" if line.startswith("Bình Phước") else line
                         for line in PARENT_HEADER)
FOLLOW_UP_PREAMBLE = ("Qua theo dõi, một số cơ quan, đơn vị chưa triển khai đầy đủ các nội dung đã đề ra; Ban Tuyên "
                      "giáo Tỉnh ủy đề nghị các cơ quan, đơn vị tiếp tục chỉ đạo thực hiện một số nội dung sau:")
NAMING = ("2. Chỉ đạo các phòng, ban chuyên môn thực hiện nghiêm túc Công văn số 12-CV/BTGTU ngày 22/5/2024 "
          "của Ban Tuyên giáo Tỉnh ủy về việc tiếp tục đẩy mạnh công tác tuyên truyền.")
REMINDER = [f"1. {A}", NAMING, f"3. {LOCAL}"]


def _follow_up(tmp_path, child_body, header=FOLLOW_UP_HEADER, settings=DEFAULT_SETTINGS):
    parent, child = pair(tmp_path, [f"1. {A}", f"2. {B}", f"3. {C}"], child_body, child_preamble=FOLLOW_UP_PREAMBLE,
                         child_parts={"header": header})
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child, settings).item_links}


def test_a_follow_up_naming_the_earlier_letter_covers_the_duties_it_restates_nowhere_else(tmp_path):
    links = _follow_up(tmp_path, REMINDER)
    assert ("2", "2") in links and ("3", "2") in links
    assert ("1", "1") in links and ("1", "2") not in links  # restated in 1: not what the naming item covers


def test_without_the_reminder_rule_the_named_duties_go_unlinked(tmp_path):
    links = _follow_up(tmp_path, REMINDER, settings=dataclasses.replace(DEFAULT_SETTINGS, reminder_links=False))
    assert ("2", "2") not in links and ("3", "2") not in links


def test_a_letter_of_another_office_naming_the_parent_covers_nothing_by_the_name(tmp_path):
    other = tuple("Số 31-CV/HU" if line.startswith("Số ") else line for line in FOLLOW_UP_HEADER)
    links = _follow_up(tmp_path, REMINDER, header=other)
    assert ("2", "2") not in links and ("3", "2") not in links


def test_naming_another_letter_of_the_office_covers_nothing(tmp_path):
    child = [f"1. {A}", NAMING.replace("12-CV/BTGTU", "09-CV/BTGTU"), f"3. {LOCAL}"]
    links = _follow_up(tmp_path, child)
    assert ("2", "2") not in links and ("3", "2") not in links


def test_the_letter_named_in_two_items_says_nothing_about_which_covers_what(tmp_path):
    child = [f"1. {A}", NAMING,
             "3. Các chi bộ thực hiện Công văn số 12-CV/BTGTU, báo cáo kết quả trước ngày 30/9/2024."]
    links = _follow_up(tmp_path, child)
    assert not any(p in ("2", "3") for p, _ in links)


# Font damage (bench/heldout_pairs 07): each letter decoded with a wrong font table garbles the same marks in its
# own way ("khảo" → "khäo" in one, "khão" in the other); the pair's keys then fold the marks, as for OCR.
ITEMS = [
    "1. Tổ chức khảo sát việc học tập của học sinh, hiệu quả giảng dạy và kết quả thực hiện nhiệm vụ năm học "
    "ở các trường trong tỉnh.",
    "2. Chọn cử giảng viên trẻ tham gia lớp bồi dưỡng nghiệp vụ, tổng hợp kết quả học tập, báo cáo kịp thời.",
    "3. Biểu dương tập thể, cá nhân thực hiện tốt việc đổi mới phương pháp giảng dạy, học tập trong năm học.",
]


def _garbled(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)


ONE_TABLE = {"ả": "ä", "ệ": "Ç", "ọ": "Í", "ậ": "Ë"}  # how one letter came out
OTHER_TABLE = {"ả": "ã", "ệ": "ê", "ọ": "o", "ậ": "â"}  # and the other


def _garbled_pair(tmp_path, parent_table, child_table):
    parent, child = pair(tmp_path, [_garbled(t, parent_table) for t in ITEMS],
                         [_garbled(t, child_table) for t in ITEMS[:2]] + [f"3. {LOCAL}"])
    return {(lk.parent_item, lk.child_item) for lk in link_letters(parent, child).item_links}


def test_items_garbled_differently_on_each_side_are_linked(tmp_path):
    links = _garbled_pair(tmp_path, ONE_TABLE, OTHER_TABLE)
    assert ("1", "1") in links and ("2", "2") in links


def test_the_same_marks_changed_in_clean_letters_are_edits_not_damage(tmp_path):
    # no letter outside the Vietnamese alphabet ("ã", "ê", "o" are letters of words): nothing folds
    clean = {"ả": "ã", "ệ": "ê", "ọ": "o", "ậ": "â"}
    links = _garbled_pair(tmp_path, {}, clean)
    assert ("1", "1") not in links  # (2 keeps enough words unchanged to link on them)


def test_without_the_damage_fold_the_garbled_item_goes_unlinked(tmp_path, monkeypatch):
    monkeypatch.setattr("cascade.linking.DAMAGED_MIN_SHARE", 2.0)
    links = _garbled_pair(tmp_path, ONE_TABLE, OTHER_TABLE)
    assert ("1", "1") not in links
