"""Item links follow the parent item a child item restates (its lead's source), not lines it shares with
other parent items: found on real Kế hoạch → Thể lệ pairs (bench/heldout_pairs), where prize lines repeat
under each prize group and an organising item lends a bullet to several sections of the rules."""

from letter_factory import item, pair

from cascade.linking import link_letters

THIRD = "02 giải Ba: mỗi giải 25 triệu đồng và một máy ảnh kỹ thuật số trị giá 15 triệu đồng."
FOURTH = "20 giải Khuyến khích: mỗi giải 10 triệu đồng và một máy in văn phòng trị giá 3 triệu đồng."


def _prize_group(label: str, lead: str, first: str, second: str) -> list[str]:
    return item(label, lead, f"- {first}", f"- {second}", f"- {THIRD}", f"- {FOURTH}")


ARTICLES = ("Giải bài viết trên báo in của Cuộc thi:",
            "01 giải Nhất dành cho bài viết: 50 triệu đồng và một máy ảnh chuyên nghiệp trị giá 30 triệu đồng.",
            "01 giải Nhì dành cho bài viết: 30 triệu đồng và một máy ảnh chuyên nghiệp trị giá 20 triệu đồng.")
CLIPS = ("Giải phóng sự video trên báo điện tử của Cuộc thi:",
         "01 giải Nhất dành cho video: 50 triệu đồng và một máy quay chuyên dụng trị giá 30 triệu đồng.",
         "01 giải Nhì dành cho video: 30 triệu đồng và một máy quay chuyên dụng trị giá 20 triệu đồng.")
FINAL = "Giải thưởng Chung kết của Cuộc thi có tổng giá trị 940 triệu đồng, chia theo hai nhóm tác phẩm"


def test_a_line_the_parent_repeats_under_two_items_goes_with_the_item_the_child_restates(tmp_path):
    parent_lines = [*item("1.", FINAL), *_prize_group("1.1.", *ARTICLES), *_prize_group("1.2.", *CLIPS)]
    child_lines = [*item("3.", FINAL), *_prize_group("3.1.", *ARTICLES), *_prize_group("3.2.", *CLIPS)]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    result = link_letters(parent, child)
    # The repeated prize lines are found under both parent groups …
    assert {("1.1/3", "3.2/3"), ("1.2/3", "3.2/3")} <= {(lk.parent, lk.child) for lk in result.links}
    # … but each child group restates one of them, and is reported with it, not lifted to the whole.
    assert {(il.parent_item, il.child_item) for il in result.item_links} == {("1", "3"), ("1.1", "3.1"),
                                                                             ("1.2", "3.2")}


PRIZES = "Cơ cấu giải thưởng của Cuộc thi gồm giải cá nhân và giải tập thể"
PRIZE_LINE = ("Ban Tổ chức trao 01 giải Nhất, 02 giải Nhì, 03 giải Ba, 03 giải Khuyến khích và các giải phụ cho "
              "các dự án xuất sắc nhất.")
PRESS = ("Phối hợp với các cơ quan báo chí tuyên truyền sâu rộng về Cuộc thi trên các phương tiện thông tin "
         "đại chúng của Trung ương và địa phương.")
EVENT = ("Tổ chức Lễ trao giải và hội chợ giới thiệu sản phẩm của các thí sinh vào tháng 9 năm 2023 tại thành "
         "phố Hà Nội.")


def test_an_item_that_lends_a_line_to_several_sub_items_does_not_hide_their_own_source(tmp_path):
    parent_lines = [*item("1.", PRIZES, f"- {PRIZE_LINE}"), *item("2.", "Tổ chức thực hiện", f"- {PRESS}",
                                                                   f"- {EVENT}")]
    child_lines = [*item("V.", "GIẢI THƯỞNG"),
                   *item("1.", PRIZES, f"- {PRIZE_LINE}", f"- {PRESS}"),
                   *item("2.", "Trách nhiệm của thí sinh và quyền của Ban Tổ chức đối với bài dự thi", f"- {EVENT}")]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    result = link_letters(parent, child)
    item_links = {(il.parent_item, il.child_item) for il in result.item_links}
    # V.1 restates 1 (its heading and its line copied) and borrows a line from 2; V.2 borrows one too:
    # two sub-items touched by 2 do not make 2 the source of section V.
    assert item_links == {("1", "V.1"), ("2", "V.1"), ("2", "V.2")}


TOPIC = ("Những thành tựu về kinh tế, chính trị, văn hóa, xã hội, an ninh, quốc phòng của đất nước dưới sự lãnh "
         "đạo của Đảng trong 90 năm qua.")
FINAL_ROUND = ("Vòng Chung kết toàn quốc gồm 05 đội thi, mỗi đội 03 thành viên, thi đấu trên sân khấu tại Thủ đô "
               "Hà Nội trong 01 ngày.")
THEME = ("Mỗi đội thi bốc thăm một chủ đề xoay quanh những thành tựu về kinh tế, chính trị, văn hóa, xã hội "
         "của đất nước dưới sự lãnh đạo của Đảng Cộng sản Việt Nam.")


def test_a_line_carried_whole_into_one_place_is_not_the_source_of_the_places_that_reuse_its_words(tmp_path):
    """bench/heldout_pairs 04: the plan's contest topic is copied under the rules' 'Nội dung thi' and its
    words come back in a final's theme; held-out 01, 03: a line copied under its round or prize group is
    echoed in the entry rules or the timetable. The copy carries the line; the reuse does not."""
    parent_lines = [*item("1.", "Nội dung thi", f"- {TOPIC}"), *item("2.", "Vòng Chung kết", f"- {FINAL_ROUND}")]
    copied = [*item("I.", "Nội dung thi", f"- {TOPIC}"), *item("II.", "Vòng Chung kết", f"- {FINAL_ROUND}",
                                                             f"- {THEME}")]
    result = link_letters(*pair(tmp_path, parent_lines, copied))
    units = {(lk.parent, lk.child): lk for lk in result.links}
    assert units[("1/1", "II/2")].strength.value != "copied", "the reuse is still shown as a unit link"
    assert {(il.parent_item, il.child_item) for il in result.item_links} == {("1", "I"), ("2", "II")}
    # With no copy of the topic anywhere, the adapted line is how the child carries it: a source.
    reused_only = [*item("I.", "Vòng Chung kết", f"- {FINAL_ROUND}", f"- {THEME}")]
    result = link_letters(*pair(tmp_path, parent_lines, reused_only))
    assert ("1", "I") in {(il.parent_item, il.child_item) for il in result.item_links}
