"""An amending text quotes the new wording of what it amends ("1. Sửa đổi khoản 2 Điều 5 như sau:" / "“2. Hồ sơ
gồm: a) … b) …”", bench/heldout_pairs 18): the quoted labels are the quotation's own, so its lines are content of
the khoản or điểm that quotes them, never khoản or điểm of the amending document. A quotation whose closing mark
was lost ends where the document's next amendment starts; a stray mark that never closes quotes nothing."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import item_ids, letter_text, parse_lines

from cascade.units import letter_units

HEADER = ("BỘ Y TẾ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số: 12/2021/TT-BYT\t\tHà Nội, ngày 10 tháng 5 năm 2021", "THÔNG TƯ",
          "Sửa đổi, bổ sung một số điều của Thông tư số 30/2018/TT-BYT")
PREAMBLE = "Căn cứ Luật Khám bệnh, chữa bệnh ngày 23 tháng 11 năm 2009;"
SIGNATURE = ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Minh")


def _parse(body: list[str]):
    return parse_lines(letter_text(body, header=HEADER, recipients=None, preamble=PREAMBLE, cc=None,
                                   signature=SIGNATURE).splitlines())


# The quoted new wording of a khoản: its own khoản number and points, as the amended text prints them
QUOTED_CLAUSE = ["“2. Hồ sơ đề nghị cấp giấy phép gồm:",
                 "a) Đơn đề nghị theo mẫu số 01 ban hành kèm theo Thông tư này;",
                 "b) Bản sao hợp lệ quyết định thành lập cơ sở;",
                 "c) Danh sách người hành nghề tại cơ sở.”"]


def _amending(quoted: list[str]) -> list[str]:
    return ["Điều 1. Sửa đổi, bổ sung một số điều của Thông tư số 30/2018/TT-BYT như sau:",
            "1. Sửa đổi khoản 2 Điều 5 như sau:", *quoted,
            "2. Bãi bỏ điểm c khoản 1 Điều 7.",
            "3. Bổ sung điểm d khoản 3 Điều 9 như sau:",
            "“d) Cơ sở khám bệnh, chữa bệnh công bố công khai giá dịch vụ tại nơi tiếp đón người bệnh.”",
            "Điều 2. Hiệu lực thi hành",
            "1. Thông tư này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021.",
            "2. Bãi bỏ Điều 12 Thông tư số 30/2018/TT-BYT."]


OWN_IDS = ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 1.3", "Điều 2", "Điều 2.1", "Điều 2.2"]


def test_a_quoted_clause_with_its_points_is_content_of_the_clause_that_quotes_it():
    letter = _parse(_amending(QUOTED_CLAUSE))
    assert item_ids(letter) == OWN_IDS
    quoting = letter.items[0].items[0]
    assert [b.text for b in quoting.blocks][:1] == [QUOTED_CLAUSE[0]]
    assert any(b.text.startswith("b) Bản sao") for b in quoting.blocks), "the quoted point is kept, as a block"
    units = {u.id: u for u in letter_units(letter)}
    assert all(units[b.id].item == "Điều 1.1" for b in quoting.blocks)


def test_a_quotation_whose_closing_mark_was_lost_ends_at_the_next_amendment():
    lost = [*QUOTED_CLAUSE[:-1], QUOTED_CLAUSE[-1].rstrip("”")]
    assert item_ids(_parse(_amending(lost))) == OWN_IDS


def test_a_stray_opening_mark_that_never_closes_quotes_nothing():
    body = ["1. Các cơ quan tuyên truyền chủ đề “Tuổi trẻ Việt Nam vững bước", "2. Tổ chức hội thi tìm hiểu.",
            "a) Cấp huyện tổ chức vòng sơ khảo.", "b) Cấp tỉnh tổ chức vòng chung khảo.", "3. Báo cáo kết quả."]
    assert item_ids(parse_lines(letter_text(body).splitlines())) == ["1", "2", "2.a", "2.b", "3"]


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_whatever_the_quotation_numbers_the_document_keeps_its_own_ids(data):
    """Quoted text numbered in any style (a khoản, points, a whole Điều, bullets), in curly or straight quotes,
    its closing mark kept or lost: the amending document's ids are the same."""
    styles = data.draw(st.lists(st.sampled_from(["num", "alpha", "article", "bullet"]), min_size=1, max_size=4))
    lines: list[str] = []
    for k, style in enumerate(styles, start=1):
        text = f"nội dung thứ {k} của quy định được sửa đổi theo Thông tư này"
        lines.append({"num": f"{k + 1}. Quy định {text}.", "alpha": f"{'abcd'[k - 1]}) Trường hợp {text};",
                      "article": f"Điều {k + 4}. Quy định {text}", "bullet": f"- Hồ sơ {text};"}[style])
    open_mark, close_mark = data.draw(st.sampled_from([("“", "”"), ('"', '"')]))
    closed = data.draw(st.booleans())
    quoted = [f"{open_mark}Khoản này được sửa đổi như sau:", *lines]
    quoted[-1] += close_mark if closed else ""
    assert item_ids(_parse(_amending(quoted))) == OWN_IDS
