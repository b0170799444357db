"""A label printed twice in one list reads as the next number where that is free, as a clerk reads it
(../shared/eval/real/documents 071, 095, 097, 100); where it is not, the id keeps its `~2`."""

from letter_factory import build_letter, item, item_ids


def _labels(letter) -> dict[str, str]:
    out: dict[str, str] = {}
    stack = list(letter.items)
    while stack:
        it = stack.pop()
        out[it.id] = it.label
        stack.extend(it.items)
    return out


def _body(*labels: str) -> list[str]:
    lines = ["I. ĐÁNH GIÁ CHUNG"]
    for k, label in enumerate(labels):
        lines += item(label, f"Nội dung thứ {k + 1} của phần đánh giá chung", "- Các cơ sở Đoàn đã thực hiện tốt.")
    return lines


def test_a_label_repeated_at_the_end_of_its_list_is_the_next(tmp_path):
    letter = build_letter(tmp_path, "a.txt", _body("1.", "1."))
    assert item_ids(letter) == ["I", "I.1", "I.2"]
    assert _labels(letter)["I.2"] == "1.", "the printed label stays as printed"
    assert not [w for w in letter.warnings if "repeats id" in w.message]


def test_one_one_three_and_one_one_one_read_in_order(tmp_path):
    assert item_ids(build_letter(tmp_path, "b.txt", _body("1.", "1.", "3."))) == ["I", "I.1", "I.2", "I.3"]
    assert item_ids(build_letter(tmp_path, "c.txt", _body("1.", "1.", "1."))) == ["I", "I.1", "I.2", "I.3"]


def test_repeated_sections_and_points(tmp_path):
    body = ["I. KẾT QUẢ ĐẠT ĐƯỢC", *item("1.", "Tuyên truyền trong đoàn viên", "- Tổ chức tốt."),
            "I. ĐÁNH GIÁ CHUNG", *item("1.", "Ưu điểm"), *item("a)", "Đoàn viên tham gia", "- Đông đủ."),
            *item("a)", "Các cơ sở Đoàn hưởng ứng tích cực.")]
    ids = item_ids(build_letter(tmp_path, "d.txt", body))
    assert ids == ["I", "I.1", "II", "II.1", "II.1.a", "II.1.b"]


def test_no_single_reading_keeps_the_repeat(tmp_path):
    # 1, 1, 2: the number after the repeat is printed too
    letter = build_letter(tmp_path, "e.txt", _body("1.", "1.", "2."))
    assert item_ids(letter) == ["I", "I.1", "I.1~2", "I.2"]
    assert [w for w in letter.warnings if "repeats id" in w.message]
    # 2.1, 2.3, 2.3: either 2.3 may be the typo
    body = ["I. QUY TRÌNH", *item("2.", "Phê duyệt kết quả"), *item("2.1.", "Thẩm định hồ sơ cán bộ."),
            *item("2.3.", "Tham mưu văn bản."), *item("2.3.", "Quyết định phê duyệt.")]
    assert "I.2.3~2" in item_ids(build_letter(tmp_path, "f.txt", body))


def test_sub_items_that_print_the_number_confirm_it(tmp_path):
    body = ["I. NỘI DUNG", *item("1.", "Tuyên truyền"), *item("1.1.", "Tuyên truyền trên báo chí."),
            *item("1.", "Tổ chức hội thi"), *item("1.1.", "Hội thi cấp cơ sở")]
    assert "I.1~2" in item_ids(build_letter(tmp_path, "g.txt", body))


def test_a_repeat_inside_a_quotation_is_the_quoted_texts_numbering(tmp_path):
    body = ["Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 63/2010/NĐ-CP như sau:",
            *item("1.", "Sửa đổi Điều 5 như sau", "“Điều 5. Cơ quan, đơn vị kiểm soát thủ tục hành chính"),
            *item("1.", "Bộ Tư pháp giúp Chính phủ thống nhất quản lý nhà nước.”")]
    assert "Điều 1.2" not in item_ids(build_letter(tmp_path, "q.txt", body))
