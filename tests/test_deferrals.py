"""A plan's item left to the rules issued with it ('Nội dung, hình thức thi: Theo Thể lệ ban hành kèm Kế
hoạch này') is linked to the rules' sections that settle it, headings made of its words with no sentence
in common (bench/heldout_pairs 05, 06); a rules document of another kind, or an item that only follows
the rules ('chấm giải theo thể lệ'), is not."""

from letter_factory import item, parent_text, write_letter

from cascade.deferrals import deferring_items
from cascade.linking import link_letters
from cascade.units import Unit
from parsers import parse_letter

TOPIC = ("Đối tượng dự thi: cán bộ, đảng viên, đoàn viên, thanh niên đang sinh sống, học tập và làm việc trên "
         "địa bàn tỉnh Bình Phước.")
LEFT = "Nội dung, hình thức thi: Theo Thể lệ ban hành kèm Kế hoạch này."
ISSUING = "(Ban hành kèm theo Công văn số 12-CV/BTGTU ngày 22/5/2024 của Ban Tuyên giáo Tỉnh ủy)"
CONTENT = ("Kiến thức về lịch sử Đảng bộ tỉnh qua các thời kỳ, những thành tựu phát triển kinh tế - xã hội của "
           "địa phương trong 40 năm đổi mới.")
ROUNDS = ("Thí sinh làm bài trắc nghiệm trực tuyến trên trang thông tin điện tử, mỗi tuần một lượt, mỗi lượt 20 "
          "câu hỏi trong 10 phút.")


def _pair(tmp_path, kind: str = "THỂ LỆ", left: str = LEFT):
    parent = write_letter(tmp_path, "parent.txt", parent_text([*item("1.", TOPIC), *item("2.", left)]))
    rules = "\n".join([kind, "Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh năm 2024", ISSUING, "",
                       *item("1.", "Nội dung thi"), CONTENT, *item("2.", "Hình thức thi"), ROUNDS,
                       *item("3.", "Giải thưởng của cuộc thi"), "Ban Tổ chức trao 01 giải nhất, 02 giải nhì.", ""])
    child = write_letter(tmp_path, "child.txt", rules)
    return parse_letter(parent), parse_letter(child)


def _item_links(result):
    return {(il.parent_item, il.child_item) for il in result.item_links}


def test_an_item_left_to_the_rules_is_linked_to_the_rules_sections_that_settle_it(tmp_path):
    result = link_letters(*_pair(tmp_path))
    assert {("2", "1"), ("2", "2")} <= _item_links(result)
    assert ("2", "3") not in _item_links(result)
    link = next(lk for lk in result.links if (lk.parent, lk.child) == ("2", "1"))
    # no words of the plan are carried: the link is shown as left to the rules, with the share of the
    # heading's words the item holds as its score, never as a copy or a paraphrase of full confidence
    assert link.strength.value == "deferred" and link.relation.value == "paraphrased"
    assert link.score == 1.0 and not link.sentences
    rolled = next(il for il in result.item_links if (il.parent_item, il.child_item) == ("2", "1"))
    assert rolled.strength.value == "deferred"


def test_reports_say_a_deferred_link_is_left_to_the_rules_and_what_its_score_measures(tmp_path):
    import io
    import zipfile

    from cascade.reports.docx_redline import render_docx
    from cascade.reports.html import render_html
    from cascade.reports.markdown import render_markdown

    result = link_letters(*_pair(tmp_path))
    md = render_markdown(result, lang="en")
    line = next(x for x in md.splitlines() if x.startswith("- `2` → `1`"))
    assert "left to the rules, share of the heading's words in the parent item 1.00" in line
    assert "copied" not in line and "kept," not in line
    html = render_html(result, lang="en")
    assert "strength left to the rules · share of the heading&#x27;s words in the parent item 1.00" in html
    with zipfile.ZipFile(io.BytesIO(render_docx(result, lang="en"))) as docx:
        comments = docx.read("word/comments.xml").decode()
    assert "left to the rules, share of the heading's words in the parent item 1.00" in comments


def test_rules_of_another_kind_or_an_item_that_only_follows_the_rules_are_not_linked_so(tmp_path):
    assert ("2", "1") not in _item_links(link_letters(*_pair(tmp_path, kind="HƯỚNG DẪN")))
    follows = "Hội đồng giám khảo chấm giải theo thể lệ cuộc thi, nội dung và hình thức thi."
    assert ("2", "1") not in _item_links(link_letters(*_pair(tmp_path, left=follows)))


def test_the_deferring_phrases():
    def unit(text):
        return Unit("1", "1", text, 0, True, None)
    said = ["Theo Thể lệ ban hành kèm theo Kế hoạch này.", "(chi tiết tại Thể lệ cuộc thi)",
            "được quy định cụ thể tại Quy chế danh hiệu “Học sinh 3 tốt” ban hành kèm theo Hướng dẫn này",
            "Nội dung, hình thức thi (có Thể lệ đính kèm).", "Cơ cấu giải thưởng: chi tiết trong Thể lệ cuộc thi.",
            "Hình thức tổ chức: Thể lệ cuộc thi kèm theo.",
            "(yêu cầu về clip dự thi được nêu trong Thể lệ ban hành kèm theo Kế hoạch)",
            "(Nội dung cụ thể được quy định trong Thể lệ của Cuộc thi)",
            "cách chấm điểm được quy định cụ thể trong Thể lệ ban hành kèm theo Kế hoạch"]
    for text in said:
        kind = "quy chế" if "Quy chế" in text else "thể lệ"
        assert deferring_items([unit(text)], kind) == {"1"}, text
    assert deferring_items([unit("Chấm giải theo thể lệ cuộc thi.")], "thể lệ") == set()
    assert deferring_items([unit("Việc giao ký thừa lệnh phải được quy định cụ thể trong quy chế làm việc.")],
                           "quy chế") == set()
    assert deferring_items([unit("Các đơn vị gửi thể lệ và bài dự thi kèm theo danh sách trước ngày 15/5.")],
                           "thể lệ") == set()
    assert deferring_items([unit(said[0])], "quy chế") == set()
    assert deferring_items([unit("Các đơn vị thực hiện theo nội dung được quy định trong quy chế làm việc.")],
                           "quy chế") == set()
    assert deferring_items([unit("Mọi thắc mắc về nội dung chi tiết xin liên hệ Ban Tổ chức.")], "thể lệ") == set()


def test_a_round_the_rules_head_twice_goes_under_the_heading_like_the_plans(tmp_path):
    """The plan's paragraph names a round and leaves it to the rules; the rules head the round's section
    with it and again a prize group (bench/heldout_pairs 04: 'Vòng thi Tuần' under the rounds, 'Vòng thi
    tuần' under the prizes): the same words, so the headings above them decide (cascade.repeats)."""
    rounds = ("Vòng thi Tuần (hình thức trực tuyến) được diễn ra trong 05 tuần, mỗi tuần một lượt thi "
              "(Theo Thể lệ ban hành kèm theo Công văn này).")
    parent = write_letter(tmp_path, "parent.txt", parent_text(
        [*item("1.", TOPIC), *item("2.", "Hình thức tổ chức các vòng thi"), f"- {rounds}"]))
    rules = "\n".join(["THỂ LỆ", "Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh năm 2024", ISSUING, "",
                       *item("I.", "Hình thức tổ chức các vòng thi"), *item("1.", "Vòng thi Tuần"), ROUNDS,
                       *item("II.", "Giải thưởng của cuộc thi"), *item("1.", "Vòng thi tuần"),
                       "Năm giải mỗi tuần, mỗi giải 2.000.000 đồng.", ""])
    child = write_letter(tmp_path, "child.txt", rules)
    items = _item_links(link_letters(parse_letter(parent), parse_letter(child)))
    assert ("2", "I.1") in items
    assert ("2", "II.1") not in items


def test_a_round_heading_said_in_other_words_is_linked_when_its_section_restates_the_rounds_date(tmp_path):
    """bench/heldout_pairs 04: the plan names the final 'Vòng thi Chung kết (hình thức đối kháng sân khấu):
    ngày 12/01/2020' and leaves it to the rules; the rules head it 'Vòng Chung kết toàn quốc' (half its
    words) and restate the date in its section. Without the date the heading is too far from the item."""
    rounds = ("Vòng thi Tuần (hình thức trực tuyến) diễn ra trong 05 tuần. Vòng thi Chung kết (hình thức đối "
              "kháng sân khấu): ngày 12/01/2020 (Theo Thể lệ ban hành kèm theo Kế hoạch này).")

    def rules(date: str):
        return "\n".join(["THỂ LỆ", "Cuộc thi tìm hiểu lịch sử Đảng bộ tỉnh năm 2024", ISSUING, "",
                          *item("1.", "Vòng thi Tuần"), ROUNDS, *item("2.", "Vòng Chung kết toàn quốc"),
                          f"15 thí sinh tham gia tại Thủ đô Hà Nội trong thời gian 01 ngày (ngày {date}).", ""])

    parent = write_letter(tmp_path, "parent.txt", parent_text([*item("1.", TOPIC), *item("2.", rounds)]))
    restated = link_letters(parse_letter(parent), parse_letter(write_letter(tmp_path, "child.txt",
                                                                            rules("12/01/2020"))))
    assert ("2", "2") in _item_links(restated)
    link = next(lk for lk in restated.links if (lk.parent, lk.child) == ("2", "2"))
    assert link.strength.value == "deferred" and 0.5 <= link.score < 0.8
    other = link_letters(parse_letter(parent), parse_letter(write_letter(tmp_path, "child.txt", rules("19/01/2020"))))
    assert ("2", "2") not in _item_links(other)
