"""Half H's classes, built in code: a clerk's urgency or secrecy mark between a document's kind and its number
("Kế hoạch (HOẢ TỐC) số 1141/KH-UBND"); a page's bulleted list in capitals (a video list) is never the issuer; an
office holder named with two offices joined by a dash speaks in the last ("Bí thư Ban Cán sự đảng - Chủ tịch Ủy ban
nhân dân tỉnh cũng vừa có văn bản …"); a committee whose task joins two tasks ("Ban Chỉ huy Phòng chống thiên tai và
Tìm kiếm cứu nạn tỉnh …") speaks after a purpose clause and is the state's; a page headline that opens with a body
as its subject; a department named only by its head's title ("Giám đốc Sở …"); a basis "ban hành theo" the decision
cited."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole, System, Tier
from parsers.citations import find_citations

LEVELS = [("tỉnh", Tier.PROVINCE), ("huyện", Tier.DISTRICT), ("xã", Tier.COMMUNE), ("phường", Tier.COMMUNE)]
MARKS = ["HOẢ TỐC", "HỎA TỐC", "hỏa tốc", "Khẩn", "THƯỢNG KHẨN", "MẬT", " hoả tốc "]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(MARKS), st.integers(10, 9999), st.sampled_from([("Kế hoạch", "KH"), ("Công văn", "CV"),
                                                                        ("Thông báo", "TB")]))
def test_an_urgency_mark_between_the_kind_and_its_number(mark, no, kind):
    name, code = kind
    symbol = f"{no}/UBND" if code == "CV" else f"{no}/{code}-UBND"
    letter = parse_lines([f"Ngày 03/9, UBND tỉnh ban hành {name} ({mark}) số {symbol} về việc Kiểm tra và làm việc "
                          "với UBND huyện Tam Đường.", "Theo kế hoạch:", "Ngày 06/9, Đoàn sẽ xuất phát từ thị xã."])
    assert letter.header.symbol == symbol
    assert symbol not in {c.symbol for c in letter.citations}
    # Cited the same way, the mark does not hide the document.
    cited = find_citations(f"Thực hiện {name} ({mark}) số {symbol} ngày 02/9/2013 của UBND tỉnh, UBND huyện …")
    assert [c.symbol for c in cited] == [symbol]


def test_a_bracket_that_is_no_mark_still_stops_the_number():
    cited = find_citations("Kế hoạch (kèm theo danh sách) số 12/KH-UBND")
    assert [c.kind_written for c in cited if c.symbol == "12/KH-UBND"] == [False]
    marked = find_citations("Kế hoạch (hỏa tốc) số 12/KH-UBND")
    assert [c.kind_written for c in marked if c.symbol == "12/KH-UBND"] == [True]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(["TẠP CHÍ YHSK 11.4.2025", "THÔNG ĐIỆP PHÒNG CHỐNG BỆNH SỞI",
                                 "CHƯƠNG TRÌNH KHÁM BỆNH, CẤP THUỐC MIỄN PHÍ VÀ TẶNG QUÀ CHO NGƯỜI DÂN",
                                 "KÊU GỌI CỘNG ĐỒNG HƯỞNG ỨNG"]), min_size=1, max_size=4),
       st.sampled_from(["•", "▪", "-", "+"]), st.sampled_from(["", "cũng "]))
def test_a_bulleted_list_in_capitals_is_furniture_and_the_speaker_with_two_offices_issues(videos, bullet, also):
    lines = ["image banner", "TĂNG CƯỜNG TỰ XÉT NGHIỆM COVID-19",
             "Thực hiện Công văn số 469 của Ban Thường vụ Tỉnh ủy về việc cán bộ, đảng viên tự xét nghiệm, Bí thư Ban "
             f"Cán sự đảng - Chủ tịch Ủy ban nhân dân tỉnh {also}vừa có văn bản yêu cầu tăng cường thực hiện tự lấy "
             "mẫu xét nghiệm.", "", "Chủ tịch UBND tỉnh giao Sở Y tế chủ trì, phối hợp với các sở, ban, ngành.",
             "Minh Khang", "Video truyền thông", *(f"  {bullet} {v}" for v in videos), "", "Thống kê truy cập",
             f"  {bullet} Đang online: 9"]
    letter = parse_lines(lines)
    assert not any(v in (letter.header.issuer or "") for v in videos)
    assert letter.header.issuer == "Ủy ban nhân dân tỉnh"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn",
                        "Ban Chỉ đạo phòng, chống tội phạm và tệ nạn xã hội", "Ban Chỉ huy Phòng thủ dân sự"]),
       st.sampled_from(LEVELS), st.sampled_from(["", " Quảng Ngãi"]))
def test_a_committee_whose_task_joins_two_tasks_speaks_after_a_purpose_clause(body, level, name):
    word, tier = level
    letter = parse_lines(["Công điện nêu rõ: Theo bản tin của Đài Khí tượng Thủy văn, bão sẽ đi vào Biển Đông.",
                          f"Để chủ động ứng phó với bão, mưa lớn kéo dài và nguy cơ lũ quét, {body} {word}{name} yêu "
                          "cầu: Bộ Chỉ huy Bộ đội Biên phòng, Cảng vụ Hàng hải quản lý chặt chẽ hoạt động của các "
                          "tàu, thuyền."])
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_a_body_joined_by_va_still_ends_the_committee():
    letter = parse_lines(["Ban Chỉ đạo phòng chống dịch và UBND huyện Mộ Đức yêu cầu các xã tổ chức thực hiện."])
    assert letter.tier is Tier.DISTRICT


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("Sở Giáo dục và Đào tạo tỉnh Đồng Tháp", Tier.PROVINCE), ("Sở Y tế", Tier.PROVINCE),
                        ("UBND huyện Châu Thành", Tier.DISTRICT), ("Bộ Tài chính", Tier.CENTRAL)]),
       st.sampled_from(["tuyển dụng viên chức năm học 2022-2023", "tổ chức kỳ thi nâng ngạch công chức"]))
def test_a_headline_that_opens_with_a_body_names_who_speaks(body, what):
    name, tier = body
    letter = parse_lines([f"{name} {what}", "27/09/2022",
                          "Căn cứ Luật Viên chức ngày 15 tháng 11 năm 2010;",
                          "Căn cứ Nghị định số 115/2020/NĐ-CP ngày 25 tháng 9 năm 2020 của Chính phủ quy định về "
                          "tuyển dụng, sử dụng và quản lý viên chức;"])
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_a_headline_about_a_body_does_not_outrank_the_body_that_speaks():
    letter = parse_lines(["UBND huyện Tuy Đức không tuân thủ quy định phòng chống dịch",
                          "Ngày 07 tháng 07 năm 2021, UBND tỉnh Đắk Nông đã có thông báo số 704/TB-VPUBND về kết luận "
                          "của Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng chống dịch Covid-19."])
    assert letter.tier is Tier.PROVINCE


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng Sở"]),
       st.sampled_from(["tiếp công dân định kỳ vào ngày 15 hằng tháng", "thực hiện việc tiếp công dân thường xuyên"]))
def test_a_department_named_only_by_its_heads_title(head, what):
    letter = parse_lines(["1. Địa điểm tiếp công dân: Tại phòng họp Tầng 6, phường Thục Phán, tỉnh Cao Bằng.",
                          "2. Lịch tiếp công dân:", f"2.1. {head} {what}.", "3. Thời gian tiếp công dân:",
                          "- Buổi sáng: Từ 7h30’ đến 11h30"])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_named_department_is_not_read_as_a_bare_one():
    from parsers.tier import _BARE_DEPARTMENT_RE

    assert _BARE_DEPARTMENT_RE.search("Giám đốc Sở Ngoại vụ Hà Nội tiếp công dân") is None
    assert _BARE_DEPARTMENT_RE.search("Giám đốc Sở tiếp công dân") is not None


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Quy chế phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính",
                        "Quy định về quản lý, sử dụng tài sản công trong các cơ quan",
                        "Chương trình hành động về phòng, chống tham nhũng"]),
       st.sampled_from(["ban hành theo", "được ban hành theo", "ban hành tại"]), st.integers(1, 99))
def test_a_basis_issued_by_the_decision_cited_is_carried_out(basis, by, no):
    text = f"Căn cứ {basis} {by} Quyết định số {no:02d}/2013/QĐ-UBND ngày 10/12/2013 của UBND thành phố Nha Trang."
    roles = {c.symbol: c.implements for c in find_citations(text, with_roles=True) if c.symbol}
    assert roles == {f"{no:02d}/2013/QĐ-UBND": True}


def test_a_standard_named_on_the_way_stays_a_mention():
    text = ("Căn cứ Kế hoạch công tác năm 2024 theo hướng dẫn của ngành, các trường ban hành theo Quyết định số "
            "12/QĐ-UBND ngày 10/12/2013.")
    roles = {c.symbol: c.implements for c in find_citations(text, with_roles=True) if c.symbol}
    assert roles == {"12/QĐ-UBND": False}


def test_the_roles_the_letter_keeps():
    letter = parse_lines(["Đề nghị UBND thành phố xem xét và ký ban hành Báo cáo quý III năm 2014",
                          "Căn cứ Quy chế phát ngôn và cung cấp thông tin cho báo chí của các cơ quan hành chính nhà "
                          "nước thành phố ban hành theo Quyết định số 02/2013/QĐ-UBND ngày 10/12/2013 của UBND thành "
                          "phố Nha Trang.", "Kính đề nghị UBND thành phố xem xét và ký ban hành./."])
    assert {c.symbol: c.role for c in letter.citations} == {"02/2013/QĐ-UBND": CitationRole.IMPLEMENTS}
