"""Half I's classes that round 10 fixed, built in code: a first lead that names the letter by its number only, or
not at all, completed by the text's later full statement of the same document ("Chỉ thị số 11 …", then "Chỉ thị số
11/CT-CTUBND ngày 16/4/2020"); a kind abbreviated before the number ("có công văn CV 9229/UBND-VHXH"); the symbol in a
closing parenthesis after a purpose clause ("- Nhằm …, UBND tỉnh xây dựng Kế hoạch … (Kế hoạch số 08/KH-UBND)"); a
capitalised verb ("đã Ban hành"); a lead after "Theo đó, ngày …"; the Party's central organs (Ban Bí thư, Bộ Chính
trị, Ban Chấp hành Trung ương) and a commune Đảng ủy as the Party's, a unit's public service centre as the state's;
"thực hiện theo (đúng) hướng dẫn của", "theo tinh thần, nội dung của" and a list of documents joined by "và" after
an entry's subject as carried out; the body that speaks after a "Thực hiện ý kiến chỉ đạo của …," clause. Then
what round 10 left: a stray lower-case letter a PDF text layer left above the issuer lines (i02), and a web page
saved as .txt, markup and entities and all (i12)."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole, System, Tier
from parsers.citations import find_citations

PROVINCES = ["Nam Định", "Hưng Yên", "Bến Tre", "Long An", "Kon Tum", "Điện Biên"]
SUBJECTS = ["tăng cường công tác phòng cháy, chữa cháy rừng trên địa bàn tỉnh",
            "tiếp tục thực hiện quyết liệt công tác phòng, chống dịch bệnh",
            "chấn chỉnh kỷ luật, kỷ cương hành chính trong các cơ quan nhà nước"]


def _roles(text: str) -> dict[str, bool]:
    return {c.symbol: c.implements for c in find_citations(text, with_roles=True) if c.symbol}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1, 99), st.sampled_from(SUBJECTS),
       st.sampled_from([("Chỉ thị", "CT-CTUBND", "CT"), ("Công điện", "CĐ-CTUBND", "CĐ")]))
def test_a_lead_with_the_number_only_is_completed_by_the_later_full_statement(province, no, subject, kind):
    name, code, doc_type = kind
    letter = parse_lines([f"Chủ tịch Ủy ban nhân dân tỉnh {province} ban hành {name} số {no} về việc {subject}", "",
                          f"Trước tình hình trên, Chủ tịch Ủy ban nhân dân tỉnh {province} ban hành {name} số "
                          f"{no}/{code} ngày 02/3/2021 về việc {subject}.", "", "Nguyễn Văn Hùng"])
    assert (letter.header.symbol, letter.header.doc_type) == (f"{no}/{code}", doc_type)
    assert letter.header.date is not None and letter.header.date.year == 2021
    assert f"{no}/{code}" not in {c.symbol for c in letter.citations}
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


def test_a_later_statement_of_another_number_does_not_complete_the_lead():
    letter = parse_lines(["Chủ tịch Ủy ban nhân dân tỉnh Nam Định ban hành Chỉ thị số 07 về việc phòng cháy rừng", "",
                          "Thực hiện Chỉ thị số 12/CT-CTUBND ngày 02/3/2020 của Chủ tịch UBND tỉnh, các sở rà soát."])
    assert letter.header.symbol is None
    assert letter.header.number == "07"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("Kế hoạch", "KH"), ("Hướng dẫn", "HD"), ("Thông báo", "TB")]), st.integers(2, 199),
       st.sampled_from(["Quảng Điền", "Phong Điền", "Hương Trà"]))
def test_a_headline_without_a_number_is_completed_by_the_next_report_of_that_kind(kind, no, district):
    name, code = kind
    letter = parse_lines(["Tìm kiếm", f"Ban Thường trực UBMTTQ Việt Nam huyện {district} ban hành {name} tổ chức Hội "
                          "thi dân vận khéo năm 2019", "Ngày cập nhật 02/05/2019", "",
                          f"Ngày 20/4/2019, UBMTTQVN Huyện ban hành {name} số {no}/{code}-BTT về việc tổ chức Hội "
                          "thi dân vận khéo năm 2019.", "", "Theo đó, cuộc thi nhằm phát huy vai trò của Mặt trận."])
    assert letter.header.symbol == f"{no}/{code}-BTT"
    assert f"{no}/{code}-BTT" not in {c.symbol for c in letter.citations}
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


def test_the_next_report_of_another_kind_does_not_complete_the_headline():
    letter = parse_lines(["Ban Thường trực UBMTTQ Việt Nam huyện Quảng Điền ban hành Kế hoạch tổ chức Hội thi năm "
                          "2019", "", "Ngày 20/4/2019, UBMTTQVN Huyện ban hành Thông báo số 14/TB-BTT về việc tổ chức "
                          "Hội thi năm 2019."])
    assert letter.header.symbol != "14/TB-BTT"


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(100, 9999), st.sampled_from(["VHXH", "KGVX", "NC", "KT"]),
       st.sampled_from([" .", ".", " ,"]))
def test_a_kind_abbreviated_before_the_number_names_the_letter(province, no, unit, stop):
    symbol = f"{no}/UBND-{unit}"
    letter = parse_lines([f"CV {symbol} V/v Tăng cường phòng chống sốt xuất huyết trên địa bàn tỉnh", "",
                          f"UBND Tỉnh {province} có công văn CV {symbol}{stop} V/v Tăng cường phòng chống sốt xuất "
                          "huyết trên địa bàn tỉnh.", "", "Trước tình hình trên, UBND tỉnh chỉ đạo thực hiện như sau:"])
    assert (letter.header.symbol, letter.header.doc_type) == (symbol, "CV")
    assert letter.header.issuer == f"UBND Tỉnh {province}"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("CV", "{n}/UBND-VX", "Công văn"), ("QĐ", "{n}/QĐ-UBND", "Quyết định"),
                        ("KH", "{n}/KH-UBND", "Kế hoạch"), ("TB", "{n}/TB-UBND", "Thông báo")]),
       st.integers(10, 9999))
def test_a_cited_abbreviated_kind_is_found_and_carried_out(abbr, no):
    code, pattern, kind = abbr
    symbol = pattern.format(n=no)
    cited = find_citations(f"Thực hiện {code} {symbol} ngày 12/5/2021 của UBND tỉnh, UBND huyện đề nghị các xã thực "
                           "hiện.", with_roles=True)
    assert [(c.symbol, c.kind, c.implements) for c in cited] == [(symbol, kind, True)]


def test_a_lower_case_abbreviation_is_no_kind():
    cited = find_citations("Thực hiện cv 120/UBND-VX của UBND tỉnh, UBND huyện đề nghị các xã thực hiện.")
    assert all(c.kind != "Công văn" or not c.kind_written for c in cited)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("UBND tỉnh", Tier.PROVINCE), ("UBND huyện", Tier.DISTRICT), ("UBND xã", Tier.COMMUNE)]),
       st.sampled_from(["- Nhằm", "Nhằm", "• Để", "Để"]), st.integers(1, 300),
       st.sampled_from(["xây dựng", "ban hành"]))
def test_the_symbol_in_a_closing_parenthesis_after_a_purpose_clause(body, opener, no, verb):
    name, tier = body
    letter = parse_lines(["Phát động Tết trồng cây năm 2024",
                          f"{opener} phát huy truyền thống tốt đẹp của dân tộc và hưởng ứng phong trào thi đua, {name} "
                          f"{verb} Kế hoạch tổ chức Lễ phát động Tết trồng cây Xuân Giáp Thìn năm 2024 (Kế hoạch số "
                          f"{no}/KH-UBND)."])
    assert letter.header.symbol == f"{no}/KH-UBND"
    assert f"{no}/KH-UBND" not in {c.symbol for c in letter.citations}
    assert letter.tier is tier


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Ban Bí thư", "Bộ Chính trị", "Ban Chấp hành Trung ương"]),
       st.sampled_from(["đã Ban hành", "Ban hành", "đã ban hành", "vừa Ban hành"]), st.integers(1, 99),
       st.sampled_from([("Chỉ thị", "CT"), ("Kết luận", "KL"), ("Quy định", "QĐi")]))
def test_the_partys_central_organs_issue_with_a_capitalised_verb(organ, verb, no, kind):
    name, code = kind
    letter = parse_lines([f"Ngày 25/12, {organ} {verb} {name} số {no}-{code}/TW về việc tổ chức Tết năm 2026. Theo "
                          f"đó, {organ} yêu cầu cấp uỷ, tổ chức đảng các cấp tập trung lãnh đạo, chỉ đạo."])
    assert letter.header.symbol == f"{no}-{code}/TW"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Thường trực Ban Bí thư", "Ban Bí thư", "Bộ Chính trị"]), st.integers(1, 99))
def test_a_central_party_organ_with_the_number_only_is_the_partys(organ, no):
    letter = parse_lines([f"{organ} vừa ký Chỉ thị số {no} về việc tổ chức Tết Quý Mão năm 2023.", "",
                          "Theo đó, các cấp ủy, tổ chức đảng thực hiện nghiêm các quy định."])
    assert letter.header.number == str(no)
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.PARTY)


def test_a_ministry_with_a_capitalised_verb_stays_the_states():
    letter = parse_lines(["Ngày 02/3, Bộ Y tế đã Ban hành Thông tư số 15/2024/TT-BYT về việc hướng dẫn quản lý."])
    assert letter.header.symbol == "15/2024/TT-BYT"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Theo đó", "Sau đó", "Trên cơ sở đó", "Đồng thời"]), st.integers(2, 400),
       st.sampled_from([("Đảng ủy xã", "ĐU", Tier.COMMUNE), ("Ban Thường vụ Huyện ủy", "HU", Tier.DISTRICT)]),
       st.sampled_from(["cũng đã ", "đã ", ""]))
def test_a_lead_that_goes_on_from_what_came_before(then, no, body, when):
    name, code, tier = body
    letter = parse_lines(["Công tác chuẩn bị Đại hội Đảng bộ xã Yên Bình", "",
                          "Đảng bộ xã hiện có 120 đảng viên với 9 chi bộ, được chọn làm đại hội điểm.", "",
                          f"{then}, ngày 16 tháng 8 năm 2024 {name} {when}ban hành Kế hoạch số {no}-KH/{code} về tổ "
                          "chức Đại hội các chi bộ."])
    assert letter.header.symbol == f"{no}-KH/{code}"
    assert (letter.tier, letter.system) == (tier, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Trần Văn Nam", "Lê Thị Hoa"]), st.sampled_from(["02-CT/TU", "15-CT/TU", "05-CT/HU"]))
def test_a_commune_party_committee_speaking_through_its_secretary_is_the_partys(name, directive):
    letter = parse_lines(["Tại hội nghị, các đồng chí Ủy viên Ban Chấp hành Đảng bộ đã thông qua Chương trình làm "
                          "việc của Đảng ủy năm 2022.",
                          f"Đồng chí {name}, Bí thư Đảng ủy, Chủ tịch HĐND xã đã đánh giá kết quả đạt được, đồng thời "
                          "yêu cầu triển khai trên địa bàn xã một số nội dung sau:",
                          f"Tiếp tục tuyên truyền chào mừng Đại hội theo tinh thần, nội dung của Chỉ thị {directive}, "
                          "ngày 10/12/2021 của Tỉnh ủy. Yêu cầu Ban Văn hóa thông tin xã xây dựng kế hoạch, "
                          "thường xuyên cập nhật thông tin, tuyên truyền trên hệ thống Đài truyền thanh.",
                          "HĐND, UBND, Ủy ban Mặt trận Tổ quốc Việt Nam xã chuẩn bị các nội dung, điều kiện để tiến "
                          "hành bầu cử."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)
    assert {c.symbol: c.role for c in letter.citations} == {directive: CitationRole.IMPLEMENTS}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Dịch vụ tổng hợp", "Văn hóa thể thao", "Dịch vụ nông nghiệp", "Y tế"]),
       st.sampled_from([("xã", Tier.COMMUNE), ("phường", Tier.COMMUNE), ("huyện", Tier.DISTRICT)]),
       st.sampled_from(["Phú Lộc", "Minh Đức", "Tân Hòa"]))
def test_a_units_public_service_centre_is_the_states(task, level, name):
    word, tier = level
    letter = parse_lines(["THÔNG BÁO", f"Về việc thu gom rác thải sinh hoạt trên địa bàn {word} {name}",
                          f"Trung tâm {task} {word} {name} thông báo lịch thu gom rác thải sinh hoạt như sau:",
                          "+ Thời gian thu gom: Từ ngày 05 tháng 08 năm 2025",
                          "+ Địa điểm thu gom: Tại các tuyến đường chính và khu dân cư."])
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_a_political_training_centre_is_not_the_states():
    letter = parse_lines(["Trung tâm Chính trị huyện Yên Sơn thông báo lịch mở lớp bồi dưỡng lý luận chính trị:",
                          "+ Thời gian: Từ ngày 05 tháng 08 năm 2025"])
    assert letter.system is not System.STATE


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["thực hiện theo đúng hướng dẫn của", "thực hiện theo hướng dẫn của",
                        "thực hiện theo chỉ đạo của", "thực hiện theo đúng tinh thần của",
                        "theo tinh thần, nội dung của", "theo tinh thần của", "theo tinh thần, nội dung"]),
       st.sampled_from(["Chỉ thị số 45-CT/TW", "Kế hoạch số 120-KH/TU", "Chỉ thị 09-CT/HU", "Công văn số 77/UBND-VX"]))
def test_a_clerks_ways_of_saying_the_text_carries_a_document_out(verb, cited):
    symbol = cited.rsplit(" ", 1)[1]
    text = f"Xã đã {verb} {cited}, ngày 20 tháng 4 năm 2024 của cấp trên về tổ chức Đại hội các chi bộ."
    assert _roles(text) == {symbol: True}


def test_following_a_standard_by_theo_alone_is_still_a_mention():
    assert _roles("Các xã thực hiện biện pháp giãn cách theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ.") == {
        "16/CT-TTg": False}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Văn bản", "Công văn", "Kế hoạch"]), st.integers(100, 2999), st.integers(100, 2999),
       st.sampled_from(["phổ biến, giáo dục pháp luật; hòa giải ở cơ sở năm 2021",
                        "tổ chức Tết năm 2021", "hướng dẫn công tác thi đua, khen thưởng"]))
def test_documents_joined_by_va_after_an_entrys_subject_are_all_carried_out(kind, first, second, subject):
    text = (f"Thực hiện {kind} số {first}/BTP-PBGDPL ngày 02/4/2021 của Bộ Tư pháp về việc {subject} và {kind} số "
            f"{second}/UBND-NC ngày 08/4/2021 của UBND tỉnh về việc triển khai, Sở Tư pháp hướng dẫn như sau:")
    assert _roles(text) == {f"{first}/BTP-PBGDPL": True, f"{second}/UBND-NC": True}


def test_a_document_named_after_a_sentence_ends_is_not_joined_to_the_entry():
    text = ("Thực hiện Văn bản số 979/BTP-PBGDPL ngày 19/3/2020 của Bộ Tư pháp về việc hướng dẫn năm 2020. Sở đã báo "
            "cáo kết quả và Văn bản số 1445/UBND-NCPC ngày 23/3/2020 của UBND tỉnh nêu rõ số liệu.")
    assert _roles(text)["1445/UBND-NCPC"] is False


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("UBND thị xã", "UBND phường Thủy Lương", Tier.COMMUNE),
                        ("UBND huyện", "UBND xã Hương Sơ", Tier.COMMUNE),
                        ("UBND tỉnh", "UBND huyện Tân Uyên", Tier.DISTRICT)]),
       st.sampled_from(["xây dựng Kế hoạch", "ban hành Kế hoạch", "xây dựng và ban hành Kế hoạch"]))
def test_the_body_after_a_clause_naming_the_instruction_it_carries_out(bodies, verb):
    above, body, tier = bodies
    letter = parse_lines(["Thực hiện Kế hoạch Ngày chủ nhật xanh", "Ngày cập nhật 15/07/2019", "",
                          f"Thực hiện ý kiến chỉ đạo của {above}, {body} {verb} tổ chức Lễ phát động “Ngày Chủ nhật "
                          "xanh” năm 2019 trên địa bàn.", "", "- Tổ chức cuộc họp để quán triệt, triển khai kế hoạch."])
    assert letter.header.issuer == body
    assert letter.tier is tier


# --- round 11: what round 10 left --------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["ơ", "x", "đ", "ư", "a"]),
       st.sampled_from([("BCĐ XÂY DỰNG NÔNG THÔN MỚI", "XÃ NHÂN KHANG", "BCĐ"),
                        ("BAN CHỈ ĐẠO PHÒNG CHỐNG DỊCH", "XÃ YÊN BÌNH", "BCĐ"), ("ĐẢNG ỦY", "XÃ TÂN HÒA", "ĐU")]),
       st.integers(1, 99), st.sampled_from([" -", "-", " - "]), st.booleans())
def test_a_stray_letter_above_the_header_under_the_party_motto(stray, issuer, no, dash, blanks):
    body, unit, code = issuer
    gap = [""] if blanks else []
    letter = parse_lines(["Tải bản đầy đủ", *gap, "ke hoach giai doan 2016-2020", *gap, stray, *gap, body, *gap,
                          "ĐẢNG CỘNG SẢN VIỆT NAM", *gap, unit, f"Số: {no:02d}{dash}KH/{code}", *gap,
                          f"{unit.title()[3:]}, ngày", *gap, "tháng", *gap, "năm 2016", *gap, "KẾ HOẠCH",
                          "XÂY DỰNG NÔNG THÔN MỚI GIAI ĐOẠN 2016-2020",
                          "- Căn cứ Quyết định 491/QĐ-TTg, Quyết định 242/QĐ-TTg của Thủ tướng Chính phủ;",
                          "- Căn cứ hướng dẫn số 44/HD-SNN ngày 09/10/2015 của Sở NN & PTNT tỉnh Hà Nam;",
                          "A. MỤC ĐÍCH YÊU CẦU:", "1. Mục đích:", "Xây dựng xã đạt chuẩn nông thôn mới năm 2020."])
    assert letter.header.symbol == f"{no:02d}-KH/{code}"
    assert unit in (letter.header.issuer or "")
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


def test_a_lone_letter_inside_the_text_is_not_read_as_a_line_of_it():
    letter = parse_lines(["UBND XÃ TÂN HÒA", "Số: 12/TB-UBND", "THÔNG BÁO", "Về việc thu gom rác thải",
                          "1. Thời gian thu gom từ ngày 05/8/2025.", "ơ", "2. Địa điểm thu gom tại các tuyến đường."])
    assert letter.header.symbol == "12/TB-UBND"
    assert all(u.text.strip() != "ơ" for u in letter.items)


_HEAD = ('<!DOCTYPE html>\n\t<html lang="vi" xmlns="http://www.w3.org/1999/xhtml">\n\t<head>\n'
         "<title>{title}</title>\n"
         '<meta name="description" content="{title} - Savefile - Tin Tức -...">\n'
         '<meta name="author" content="HỆ THỐNG LUẬT - DỊCH VỤ LUẬT - TÀI CHÍNH KẾ TOÁN - THUẾ">\n'
         '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
         '<link rel="canonical" href="https://example.vn/van-ban-moi/cong-van-{no}.html">')


@settings(max_examples=30, deadline=None)
@given(st.integers(100, 9999), st.sampled_from([("SGDĐT-QLT", Tier.PROVINCE), ("STP-PBGDPL", Tier.PROVINCE),
                                                ("BGDĐT-GDTrH", Tier.CENTRAL)]),
       st.sampled_from(["&#x002F;", "&#47;", "&#x2f;", "/"]), st.sampled_from(["<!DOCTYPE html>", "<html>"]))
def test_a_web_page_saved_as_text_cut_inside_its_head(no, code, slash, opening):
    unit, tier = code
    title = (f"Công văn {no}{slash}{unit} ngày 25{slash}03{slash}2026 hướng dẫn tuyển sinh vào các trường mầm non, "
             "lớp 1 và lớp 6 năm học 2026-2027")
    page = _HEAD.format(title=title, no=no).replace("<!DOCTYPE html>", opening, 1)
    letter = parse_lines(page[: len(page) - 20].split("\n"))  # the copy stops inside the head
    assert letter.header.symbol == f"{no}/{unit}"
    assert letter.header.date is not None and (letter.header.date.month, letter.header.date.day) == (3, 25)
    assert (letter.tier, letter.system) == (tier, System.STATE)
    assert not any("&#" in c.text or "<" in c.text for c in [*letter.preamble, *letter.body])


def test_a_web_page_saved_as_text_with_its_article_reads_the_article():
    article = ("<p>Ngày 12/3/2024, UBND tỉnh Kon Tum ban hành Công văn số 845/UBND-KGVX về việc tăng cường "
               "phòng, chống dịch bệnh sốt xuất huyết trên địa bàn tỉnh.</p>"
               "<p>Theo đó, UBND tỉnh yêu cầu Sở Y tế chủ trì, phối hợp với UBND các huyện triển khai ngay các biện "
               "pháp phòng, chống dịch.</p>") * 2
    page = ["<!DOCTYPE html>", "<html><head><title>Kon Tum tăng cường phòng chống sốt xuất huyết</title>"
            "<script>var x = '<p>Công văn số 1/ABC</p>';</script></head>",
            f"<body><nav><a href='/'>Trang chủ</a></nav><article>{article}</article></body></html>"]
    letter = parse_lines(page)
    assert letter.header.symbol == "845/UBND-KGVX"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)
    assert "1/ABC" not in {c.symbol for c in letter.citations}


def test_a_letter_that_quotes_markup_later_is_still_read_as_text():
    letter = parse_lines(["UBND TỈNH KON TUM", "Số: 845/UBND-KGVX", "V/v cập nhật trang <html> của Sở",
                          "Kính gửi: Sở Thông tin và Truyền thông.", "Đề nghị cập nhật thẻ &lt;title&gt; của trang."])
    assert letter.header.symbol == "845/UBND-KGVX"
    assert any("&lt;title&gt;" in p.text for p in [*letter.preamble, *letter.body])


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Tổ trưởng {n} Tổ dân phố", "Trưởng {n} thôn", "Trưởng {n} ấp", "Tổ trưởng {n} khu phố"]),
       st.integers(2, 40), st.sampled_from(["thông báo cho", "phổ biến đến", "vận động"]))
def test_a_text_that_tasks_the_heads_of_its_counted_hamlets_is_a_communes(heads, n, verb):
    letter = parse_lines(["- Giờ thu gom rác vào mùa hè được thực hiện từ ngày 01/4 đến ngày 30/9.",
                          "(Đính kèm lịch thu gom rác thải sinh hoạt theo giờ mùa hè)",
                          f"Đề nghị {heads.format(n=f'{n:02d}')} {verb} các cơ sở kinh doanh, các hộ gia đình được "
                          "biết và thực hiện đúng thời gian quy định.",
                          "Nhận được thông báo này, đề nghị các hộ gia đình nghiêm túc thực hiện"])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.STATE)


def test_a_count_of_hamlets_alone_describes_and_tasks_no_one():
    letter = parse_lines(["Toàn quốc phấn đấu có 300 thôn, bản khó khăn được đoàn viên, thanh niên hỗ trợ xây dựng "
                          "nông thôn mới; mỗi tỉnh lựa chọn ít nhất 01 thôn để hỗ trợ."])
    assert letter.tier is not Tier.COMMUNE


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([("Thông tư", "TT"), ("Quyết định", "QĐ")]), st.integers(1, 300), st.integers(2005, 2026),
       st.sampled_from(["đã Ban hành", "vừa ban hành"]))
def test_a_symbol_with_its_year_is_the_states_whatever_the_issuer_code_spells(kind, no, year, verb):
    name, code = kind
    letter = parse_lines([f"Ngày 02/3, Bộ Tài chính {verb} {name} số {no}/{year}/{code}-BTC về việc hướng dẫn quản "
                          "lý, sử dụng kinh phí."])
    assert letter.header.symbol == f"{no}/{year}/{code}-BTC"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_a_party_organising_boards_symbol_stays_the_partys():
    letter = parse_lines(["Ngày 02/3, Ban Tổ chức Tỉnh ủy đã ban hành Hướng dẫn số 15-HD/BTCTU về việc kiểm điểm."])
    assert (letter.header.symbol, letter.system) == ("15-HD/BTCTU", System.PARTY)


@settings(max_examples=30, deadline=None)
@given(st.integers(100, 9999), st.sampled_from(["&#x002F;", "&#47;", "&#X2F;"]),
       st.sampled_from(["<br />", "<br>", "<BR/>", "</p><p>"]))
def test_a_scrapers_break_tags_and_character_references_in_plain_text(no, slash, br):
    letter = parse_lines([f"NHN Online - Qua thời gian theo dõi, kỷ cương hành chính còn chậm chuyển biến...{br}Ngày "
                          f"12/3/2024, Chủ tịch UBND tỉnh Gia Lai vừa ký Công văn số {no}{slash}UBND-NC về việc chấn "
                          "chỉnh kỷ luật, kỷ cương hành chính."])
    assert letter.header.symbol == f"{no}/UBND-NC"
    assert not any("<" in p.text or "&#" in p.text for p in [*letter.preamble, *letter.body])
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["<!DOCTYPE html>", "<html>", "  <HTML lang='vi'>", "<!-- saved -->\n<!doctype html>"]),
       st.text(alphabet=st.sampled_from(list("<>/&#;=\"' \nabcxyzđơ0123456789")), max_size=300))
def test_any_page_saved_as_text_is_read_or_refused_never_crashes(opening, rest):
    from models import InputError

    try:
        letter = parse_lines([opening + rest])
    except InputError:
        return
    assert letter.header is not None
