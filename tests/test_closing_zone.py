"""What follows the last item is the closing and the signature, not the last item's text (bench/heldout_pairs
01, 04, 06): the issuer's request that the letter be carried out, the contact line, and a signing body printed
without its "TM." after the last paragraph."""

from letter_factory import build_letter, item

ITEMS = [*item("1.", "Trung ương Đoàn", " Chỉ đạo, hướng dẫn triển khai cuộc thi."),
         *item("2.", "Các tỉnh, thành đoàn", " Tổ chức cho đoàn viên tham gia cuộc thi.")]


def _last(letter):
    it = letter.items[-1]
    while it.items:
        it = it.items[-1]
    return it


def test_the_issuers_request_after_the_last_item_is_the_closing(tmp_path):
    request = ("Cuộc thi là hoạt động quan trọng của tuổi trẻ cả nước. Ban Bí thư Trung ương Đoàn đề nghị "
               "Ban Thường vụ các tỉnh, thành đoàn thực hiện nghiêm túc, hiệu quả.")
    contact = "Thông tin chi tiết liên hệ: đồng chí Hoàng Đức Nam, điện thoại: 08866 08999."
    letter = build_letter(tmp_path, "a.txt", [*ITEMS, "", request, "", contact])
    assert [p.text for p in letter.closing] == [request, contact]
    assert all(request not in b.text and contact not in b.text for b in _last(letter).blocks)


def test_a_hard_wrapped_request_is_read_as_one_paragraph(tmp_path):
    lines = ["Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh đề nghị Ban Thường",
             "vụ các tỉnh, thành đoàn tổ chức cuộc thi ở cấp tỉnh và triển khai các nội dung theo kế hoạch."]
    letter = build_letter(tmp_path, "b.txt", [*ITEMS, "", *lines])
    assert len(letter.closing) == 1 and letter.closing[0].text.startswith("Ban Bí thư")


def test_a_task_of_the_last_item_stays_in_it(tmp_path):
    task = "Phối hợp với Sở Giáo dục tổ chức các hoạt động hỗ trợ học sinh."
    letter = build_letter(tmp_path, "c.txt", [*ITEMS, task])
    assert not letter.closing
    assert task in [b.text for b in _last(letter).blocks]


def test_a_request_in_a_prose_letter_is_its_body(tmp_path):
    body = ["UBND tỉnh đề nghị các sở, ban, ngành triển khai thực hiện nghiêm túc nội dung Công văn."]
    letter = build_letter(tmp_path, "d.txt", body, preamble=None)
    assert [p.text for p in letter.body] == body


def test_a_signing_body_without_its_tm_closes_the_letter(tmp_path):
    letter = build_letter(tmp_path, "e.txt", [*ITEMS, "", "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN"], cc=None, signature=None)
    assert all("BAN BÍ THƯ" not in b.text for b in _last(letter).blocks)
    assert letter.signature is not None and letter.signature.body == "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN"
    letter = build_letter(tmp_path, "f.txt", [*ITEMS, "", "Trên đây là Thể lệ cuộc thi.", "", "BAN TỔ CHỨC GIẢI",
                                              "(đã ký)", "Nguyễn Văn An"], cc=None, signature=None)
    assert [p.text for p in letter.closing] == ["Trên đây là Thể lệ cuộc thi."]
    assert letter.signature is not None and letter.signature.signer == "Nguyễn Văn An"


def test_an_upper_case_heading_over_items_is_no_signature(tmp_path):
    letter = build_letter(tmp_path, "g.txt", [*ITEMS, "III. TỔ CHỨC THỰC HIỆN"], cc=None, signature=None)
    assert letter.signature is None


def test_a_courtesy_close_after_the_last_item_is_the_closing(tmp_path):
    """"Trân trọng cảm ơn./." on its own line (bench/heldout_pairs 16) is no part of the last duty."""
    for close in ("Trân trọng cảm ơn./.", "Trân trọng!", "Trân trọng./."):
        letter = build_letter(tmp_path, "c.txt", [*ITEMS, close])
        assert [p.text for p in letter.closing] == [close]
        last = _last(letter)
        assert close not in last.text and all(close not in b.text for b in last.blocks)


def test_a_contact_line_after_the_last_item_is_the_closing(tmp_path):
    """The contact line (bench/heldout_pairs 17 copies it word for word into the child) is no part of the last duty,
    and neither is the notice's "… được biết và thực hiện./." after it."""
    for contact in ("Mọi ý kiến thắc mắc xin liên hệ Phòng Tổng hợp (ông Nguyễn Văn A, số điện thoại: 0988.771.292).",
                    "Đầu mối liên hệ: đồng chí Trần Thị B, Văn phòng Sở, điện thoại 0243.822.111.",
                    "Trong quá trình thực hiện, nếu có vướng mắc, liên hệ Văn phòng Sở để được hướng dẫn."):
        notice = "Sở Tài chính thông báo để các đơn vị được biết và thực hiện./."
        letter = build_letter(tmp_path, "h.txt", [*ITEMS, "", contact, "", notice])
        assert [p.text for p in letter.closing] == [contact, notice]
        assert all(contact not in b.text for b in _last(letter).blocks)


def test_an_ocr_cc_list_the_footer_missed_stays_out_of_the_last_item(tmp_path):
    """"Noi nhận:" / "- Như trên;" before the notice's last line, as an OCR leaves them when pages of table noise
    push them out of the footer's reach: they close the letter, not the last item."""
    notice = "Tổng cục Thuế thông báo để Cục Thuế được biết và thực hiện./,<"
    tail = ["", "Not nhận:", "- Như trên;", "- Phó Tổng cục trưởng (để báo", "cáo);", "- Lưu: VT, TTKT.", "", notice]
    letter = build_letter(tmp_path, "i.txt", [*ITEMS, *tail], cc=None, signature=None)
    last = _last(letter)
    assert all("Như trên" not in b.text and notice not in b.text for b in last.blocks)
    assert letter.closing and letter.closing[-1].text == notice


def test_bullets_of_the_last_item_are_no_cc_list(tmp_path):
    bullets = ["- Rà soát hồ sơ của các đơn vị;", "- Báo cáo kết quả trước ngày 15."]
    letter = build_letter(tmp_path, "j.txt", [*ITEMS, *bullets])
    assert not letter.closing
    assert [b.text for b in _last(letter).blocks][-2:] == [b[2:] for b in bullets]
