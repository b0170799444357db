"""Half E's classes of a summary's own letter, built in code: a lead under a portal's headline, posting time and
menu words; news of the day ("… vừa có Công văn số …") below a first paragraph; the number a lead gives later in
brackets; a sentence that opens on the letter ("Theo thông báo (số 34/TB-UBND …), Chủ tịch UBND tỉnh …"); an
office holder with two offices; a plan's signer ("Kế hoạch do Phó Chủ tịch UBND tỉnh … ký ban hành"); a
reported act another body now carries out; a title naming its letter's kind and issuer; quoted subjects in a
list of sources."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import System, Tier
from parsers.citations import find_numbered

PAGE_TOP = ["Thành phố Huế: Chỉ đạo nghiêm túc triển khai công tác phòng, chống dịch bệnh Covid-19",
            "26/07/2021 4:42:34 CH", "Xem cỡ chữ:", "Đọc bài viết:"]


def test_a_lead_under_a_headline_posting_time_and_menu_words():
    letter = parse_lines([*PAGE_TOP, "Ngày 26/7/2021, UBND thành phố Huế có Công văn 4424 gửi Chủ tịch UBND 36 "
                          "phường, xã về việc nghiêm túc triển khai công tác phòng, chống dịch bệnh Covid-19.",
                          "Theo đó, yêu cầu:", "1. Chủ tịch UBND các phường, xã khẩn trương triển khai."])
    h = letter.header
    assert (h.number, str(h.date), h.issuer) == ("4424", "2021-07-26", "UBND thành phố Huế")
    assert letter.tier is Tier.DISTRICT


@pytest.mark.parametrize("when", ["vừa", "mới"])
def test_news_of_the_day_below_a_first_paragraph(when):
    letter = parse_lines(["Xử lý tình trạng rác tràn lòng đường", "",
                          "Báo Đà Nẵng số ra ngày 10-6-2021 đăng thông tin phản ánh tình trạng rác tràn lòng đường "
                          "tại tuyến đường chưa có tên.", "",
                          f"Văn phòng UBND thành phố Đà Nẵng {when} có Công văn số 1817/VP-ĐTĐT đề nghị UBND quận "
                          "Liên Chiểu kiểm tra, xử lý và trả lời nội dung phản ánh."])
    if when == "vừa":
        assert letter.header.symbol == "1817/VP-ĐTĐT"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_the_number_a_lead_gives_in_brackets():
    letter = parse_lines(["Skip to main content", "Tăng cường công tác tuyên truyền chào mừng Lễ Kỷ niệm", "",
                          "Sở Văn hóa, Thể thao và Du lịch vừa có Công văn đề nghị các huyện, thành phố tăng cường "
                          "công tác tuyên truyền (Công văn số 1236/SVHTTDL-QLVH, ngày 30/10/2019)."])
    h = letter.header
    assert (h.symbol, str(h.date)) == ("1236/SVHTTDL-QLVH", "2019-10-30")
    assert letter.tier is Tier.PROVINCE
    assert not letter.citations


@pytest.mark.parametrize(("sentence", "symbol", "tier"), [
    ("Theo thông báo (số 34/TB-UBND ngày 19/4/2017), Chủ tịch UBND tỉnh đã điều chỉnh thời gian treo cờ như sau: "
     "treo cờ từ ngày 26/4 đến hết ngày 2/5/2017.", "34/TB-UBND", Tier.PROVINCE),
    ("Trong nội dung Công văn số 4913/VP-KT, ban hành ngày 15/6, UBND thành phố Hà Nội yêu cầu các sở, ngành, "
     "UBND các quận, huyện chủ động phòng, chống bệnh dịch tả lợn châu Phi.", "4913/VP-KT", Tier.PROVINCE),
    ("Theo Kế hoạch số 42/KH-UBND ngày 13/5/2011, UBND huyện Thủy Nguyên yêu cầu các phòng chuyên môn xây dựng kế "
     "hoạch thực hiện tại đơn vị mình.", "42/KH-UBND", Tier.DISTRICT),
])
def test_a_sentence_opening_on_its_letter_names_it(sentence, symbol, tier):
    letter = parse_lines(["Điều chỉnh thời gian treo cờ Tổ quốc", "", sentence, "", "PV"])
    assert letter.header.symbol == symbol
    assert letter.tier is tier and letter.system is System.STATE
    assert symbol not in [c.symbol for c in letter.citations]


def test_another_bodys_letter_opening_the_sentence_is_the_source():
    letter = parse_lines(["Theo Công văn số 2598/BYT-DP ngày 28/4/2021 của Bộ Y tế, UBND tỉnh yêu cầu các sở, "
                          "ngành tăng cường công tác phòng, chống dịch dịp nghỉ lễ."])
    assert letter.header.symbol is None
    assert "2598/BYT-DP" in [c.symbol for c in letter.citations]


def test_an_office_holder_with_two_offices_speaks_in_the_last():
    letter = parse_lines(["Ngày 24/4, Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà, Phó Trưởng ban Thường trực Ban Chỉ "
                          "đạo sắp xếp đơn vị hành chính các cấp của Chính phủ đã ban hành Công văn số 05/CV-BCĐ gửi "
                          "Bí thư tỉnh ủy, thành ủy về việc xây dựng các Đề án.",
                          "Thực hiện Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương Đảng, Ban "
                          "Chỉ đạo đề nghị các địa phương rà soát số liệu."])
    assert letter.header.symbol == "05/CV-BCĐ"
    assert letter.header.issuer.startswith("Ban Chỉ đạo")
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_a_plan_named_by_its_signer():
    letter = parse_lines(["Kế hoạch do Phó Chủ tịch UBND tỉnh Lê Trường Sơn ký ban hành, yêu cầu Thủ trưởng các cơ "
                          "quan, đơn vị căn cứ Kế hoạch này triển khai thực hiện nghiêm túc, hiệu quả.",
                          "Với mục đích thực hiện đầy đủ các nhiệm vụ của Nghị quyết số 424/NQ-CP."])
    assert letter.header.issuer == "UBND tỉnh"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_reported_act_another_body_now_carries_out_is_the_source():
    letter = parse_lines(["Ngày 5/8/2020, Bộ Chính trị khóa XII đã ban hành Nghị quyết số 58-NQ/TW về xây dựng và "
                          "phát triển tỉnh Thanh Hóa đến năm 2030.", "",
                          "Để Nghị quyết thấm sâu và nhanh chóng đi vào cuộc sống, Ban Thường vụ Tỉnh ủy xây dựng và "
                          "ban hành Kế hoạch tổ chức học tập, quán triệt và triển khai thực hiện."])
    assert letter.header.symbol is None
    assert [(c.symbol, c.role.value) for c in letter.citations if c.symbol] == [("58-NQ/TW", "implements")]
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.PARTY)


def test_a_reported_act_the_same_body_goes_on_with_stays_the_letter():
    letter = parse_lines(["Ngày 02/11/2021, Sở Văn hóa, Thể thao và Du lịch đã ban hành Kế hoạch số 67/KH-SVHTTDL tổ "
                          "chức Ngày hội.", "", "Theo Kế hoạch, Sở Văn hóa, Thể thao và Du lịch ban hành Thể lệ kèm "
                          "theo."])
    assert letter.header.symbol == "67/KH-SVHTTDL"


def test_a_title_naming_its_letters_kind_and_issuer():
    letter = parse_lines(["Chỉ thị của Chủ tịch Uỷ ban nhân dân tỉnh về việc tiếp tục thực hiện và đổi mới công tác "
                          "dân vận trong cơ quan hành chính nhà nước."])
    assert letter.header.doc_type == "CT"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_title_naming_the_body_the_text_obeys_is_not_the_issuer():
    letter = parse_lines(["Kế hoạch của UBND tỉnh về tổ chức Ngày hội văn hóa", "",
                          "Thực hiện chỉ đạo của UBND tỉnh, Phòng Văn hóa và Thông tin huyện hướng dẫn các xã tổ "
                          "chức Ngày hội."])
    assert letter.header.issuer != "UBND tỉnh"
    assert letter.tier is Tier.DISTRICT


def test_quoted_subjects_in_a_list_of_sources():
    letter = parse_lines(["Căn cứ Điều lệ Hội; thực hiện Kế hoạch số 49- KH/TƯH ngày 02/3/2008 của Đoàn Chủ tịch Uỷ "
                          "ban Trung ương Hội \"Về việc tổ chức Đại hội Hội các cấp\" và Hướng dẫn số 148 HD/TWH ngày "
                          "16/9/2008 của Trung ương hội \"V/v Thực hiện Kế hoạch tổ chức Đại hội\". Ban thư ký Uỷ ban "
                          "Hội LHTN Việt Nam tỉnh Hưng Yên hướng dẫn như sau:", "I. VỀ TÊN GỌI"])
    assert {c.symbol: c.role.value for c in letter.citations if c.symbol} == \
        {"49-KH/TƯH": "implements", "148-HD/TWH": "implements"}


def test_a_page_listing_one_document_is_that_document():
    """e10: a document list's header row, then one row with its cells glued."""
    letter = parse_lines(["Số hiệu Ngày BH Đơn vị BH Trích yếu  ",
                          "19/2018/TT-BGDĐT10/10/2018BỘ GIÁO DỤCTHÔNG TƯ 19 Tải về"])
    h = letter.header
    assert (h.symbol, str(h.date)) == ("19/2018/TT-BGDĐT", "2018-10-10")
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_a_page_listing_several_documents_names_none():
    letter = parse_lines(["Số hiệu Ngày BH Đơn vị BH Trích yếu",
                          "19/2018/TT-BGDĐT10/10/2018BỘ GIÁO DỤCTHÔNG TƯ 19 Tải về",
                          "20/2018/TT-BGDĐT22/08/2018BỘ GIÁO DỤCTHÔNG TƯ 20 Tải về"])
    assert letter.header.symbol is None
    assert [c.symbol for c in letter.citations] == ["19/2018/TT-BGDĐT", "20/2018/TT-BGDĐT"]


@given(st.integers(1, 9999), st.sampled_from(["TT-BGDĐT", "QĐ-UBND", "UBND-VX1", "NĐ-CP"]),
       st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)), st.booleans())
@settings(max_examples=60, deadline=None)
def test_a_date_glued_to_a_symbol_is_cut_from_it(number, code, date, padded):
    """Whatever the code (one ending in a digit too), a date glued after it is the date, not the code's tail."""
    padded = padded or code[-1].isdigit()  # "VX1" + "1/1/2000" is "VX11/1/2000": no reader can tell
    day = f"{date.day:02d}/{date.month:02d}" if padded else f"{date.day}/{date.month}"
    found = find_numbered(f"Văn bản số {number}/2018/{code}{day}/{date.year} Tải về")
    assert [(c.symbol, c.date) for c in found] == [(f"{number}/2018/{code}", date)]


_MARKS = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


@given(st.lists(st.sampled_from(["", *_MARKS]), min_size=8, max_size=8))
@settings(max_examples=40, deadline=None)
def test_a_title_whose_kind_has_scrambled_marks_names_its_letter(marks):
    """a13's class: a site that scrambles tone marks against copying ("KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ …") keeps
    the kind's base letters, so the title still names its letter."""
    kind = "".join(ch + (m if ch.isalpha() else "") for ch, m in zip("KET LUAN", marks, strict=True))
    letter = parse_lines([f"{kind} 127-KL/TW CỦÀ BỘ CHÍNH TRỊ, BẠN BÍ THƯ VỀ TRỈỂN KHÀÌ NGHĨÊN CỨƯ",
                          "Tạĩ phĩên họp ngàỷ 28/2/2025, Bộ Chính trị, Bạn Bí thư có ý kỉến như sạú:"])
    assert letter.header.symbol == "127-KL/TW"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.PARTY)


def test_a_title_with_other_words_before_its_symbol_still_names_none():
    letter = parse_lines(["Triển khai 127-KL/TW của Bộ Chính trị", "",
                          "Ban Tuyên giáo Tỉnh ủy hướng dẫn các huyện ủy tuyên truyền."])
    assert letter.header.symbol != "127-KL/TW"


@pytest.mark.parametrize("later", ["UBND tỉnh giao Sở Y tế ban hành Hướng dẫn chi tiết.",
                                   "Sở Y tế đã ban hành Hướng dẫn chi tiết."])
def test_a_body_tasked_or_reported_to_issue_leaves_the_lead_the_letter(later):
    letter = parse_lines(["Ngày 12/3/2021, UBND tỉnh đã ban hành Kế hoạch số 45/KH-UBND về tiêm chủng vắc xin.",
                          "", f"Theo Kế hoạch, các đơn vị triển khai thực hiện. {later}"])
    assert letter.header.symbol == "45/KH-UBND"
