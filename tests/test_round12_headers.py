"""Round 12's header classes, built in code: a portal page whose letter header comes after the page's own
metadata table (its cells glued: "Số hiệu:36/TANDTC-KHTCNgày đăng công báo:…") and behind a tab's bullet
("• TÒA ÁN NHÂN DÂN TỐI CAO" over its rule), and a page whose header stands after login prompts and upload
metadata repeated twice, past the page's usual top, its two columns interleaved line by line."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import System, Tier

CENTRAL = [("TÒA ÁN NHÂN DÂN TỐI CAO", "TANDTC", "KHTC"), ("BỘ TÀI CHÍNH", "BTC", "NSNN"),
           ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", "BGDĐT", "GDTH")]
GROUNDS = ["Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 ngày 25 tháng 6 năm 2015;",
           "Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ;"]


def _metadata(symbol: str, day: str, glue: str) -> list[str]:
    """A legal site's attribute table flattened to text, its cells glued or spaced."""
    return ["  • Thuộc tính văn bản", "", f"    Cơ quan ban hành:{glue}Số công báo:{glue}Đang cập nhật",
            f"    Số hiệu:{glue}{symbol}{glue}Ngày đăng công báo:{glue}Đang cập nhật",
            f"    Loại văn bản:{glue}Công văn{glue}Người ký:", f"    Ngày ban hành:{glue}{day}{glue}Hết hiệu lực:",
            f"    Lĩnh vực:{glue}Đang cập nhật"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(CENTRAL), st.integers(1, 9999), st.sampled_from(["", " "]),
       st.sampled_from(["•", "●", "▪"]), st.sampled_from(["  ", "    ", ""]))
def test_a_header_after_a_glued_metadata_table_and_a_tab_bullet(issuer, no, glue, bullet, indent):
    name, code, unit = issuer
    symbol = f"{no}/{code}-{unit}"
    lines = ["hieuluat", "", f"Công văn {symbol} hướng dẫn quản lý ngân sách năm 2020", "",
             *_metadata(symbol, "24/02/2020", glue),
             f"  {bullet} {name}", f"{indent}-------", "", f"{indent}Số: {symbol}",
             f"{indent}V/v: Hướng dẫn quản lý, sử dụng ngân sách năm 2020", "",
             f"{indent}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f"{indent}Độc lập - Tự do - Hạnh phúc", "",
             f"{indent}Hà Nội, ngày 24 tháng 2 năm 2020", "", *(f"{indent}{g}" for g in GROUNDS)]
    letter = parse_lines(lines)
    assert letter.header.symbol == symbol
    assert letter.header.date is not None and letter.header.date.isoformat() == "2020-02-24"
    assert letter.header.issuer == name
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["TANDTC-KHTC", "UBND-VX", "SGDĐT-KHTC"]))
def test_a_glued_symbol_label_is_never_the_header_number(no, tail):
    lines = ["Số hiệu:" + f"{no}/{tail}" + "Ngày đăng công báo:Đang cập nhật", "Loại văn bản:Công vănNgười ký:",
             "Ngày ban hành:24/02/2020Hết hiệu lực:Đang cập nhật", "",
             "Thực hiện chỉ đạo của cấp trên, đề nghị các đơn vị triển khai thực hiện."]
    letter = parse_lines(lines)
    assert "hiệu" not in (letter.header.symbol or "")
    assert "Ngày" not in (letter.header.symbol or "")


def test_a_bulleted_list_in_capitals_over_no_rule_stays_no_issuer():
    lines = ["Video truyền thông", "  • THÔNG ĐIỆP PHÒNG CHỐNG BỆNH SỞI", "  • TẠP CHÍ Y HỌC VÀ SỨC KHỎE",
             "ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU", "-------", "Số: 12/UBND-VX", "Cà Mau, ngày 02 tháng 3 năm 2025",
             "Kính gửi: Các sở, ban, ngành tỉnh.", "Đề nghị các đơn vị triển khai thực hiện."]
    letter = parse_lines(lines)
    assert "THÔNG ĐIỆP" not in (letter.header.issuer or "") + (letter.header.parent_issuer or "")
    assert letter.header.symbol == "12/UBND-VX"


SCHOOLS = [("UBND XÃ HÒA XÁ", "TRƯỜNG TH HỒNG QUANG", "TH", "Hòa Xá"),
           ("UBND XÃ KHÁNH TRUNG", "TRƯỜNG THCS KHÁNH THÀNH", "THCS", "Khánh Trung"),
           ("UBND PHƯỜNG BA ĐÌNH", "TRƯỜNG MẦM NON HOA SEN", "MNHS", "Ba Đình")]
PROMPTS = ["Chào mừng quý vị đến với website của PGD&ĐT Ứng Hoà",
           "Quý vị chưa đăng nhập hoặc chưa đăng ký làm thành viên, vì vậy chưa thể tải được các tài liệu của Thư "
           "viện về máy tính của mình.",
           "Nếu chưa đăng ký, hãy nhấn vào chữ ĐK thành viên ở phía bên trái, hoặc xem phim hướng dẫn tại đây",
           "Nếu đã đăng ký rồi, quý vị có thể đăng nhập ở ngay phía bên trái."]
UPLOAD = ["Nguồn:", "Người gửi: Nguyễn Xuân Trường (trang riêng)", "Ngày gửi: 16h:47' 13-10-2025",
          "Dung lượng: 718.5 KB", "Số lượt tải: 32"]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(SCHOOLS), st.integers(1, 999), st.integers(2, 4), st.booleans())
def test_a_header_after_login_prompts_and_repeated_upload_metadata(school, no, repeats, interleaved):
    parent, name, code, place = school
    symbol = f"{no}/KH-{code}"
    header = ([parent, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", name, "Độc lập - Tự do - Hạnh phúc"] if interleaved
              else [parent, name, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    lines = [PROMPTS[0], *PROMPTS[1:] * 2, "Kế hoạch thực hiện nhiệm vụ năm học 2025-2026", "", "- 0 / 0",
             "(Tài liệu chưa được thẩm định)", *UPLOAD * repeats, "Số lượt thích:", "0 người",
             *header, f"Số: {symbol}", f"{place}, ngày 08 tháng 9 năm 2025", "KẾ HOẠCH",
             "Thực hiện nhiệm vụ năm học 2025-2026",
             "Thực hiện Nghị quyết 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị về đột phá phát triển giáo dục và",
             "đào tạo; Quyết định số 2358/QĐ-BGDĐT ngày 20/8/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo (GDĐT) Ban",
             "hành Kế hoạch nhiệm vụ, giải pháp trọng tâm năm học 2025 - 2026 của ngành Giáo dục;"]
    letter = parse_lines(lines)
    assert letter.header.symbol == symbol
    assert letter.header.date is not None and letter.header.date.isoformat() == "2025-09-08"
    assert (letter.header.issuer, letter.header.parent_issuer) == (name, parent)
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.STATE)
    assert [c.symbol for c in letter.citations if c.symbol] == ["71-NQ/TW", "2358/QĐ-BGDĐT"]


@settings(max_examples=15, deadline=None)
@given(st.integers(21, 30), st.sampled_from(["items", "grounds"]))
def test_a_header_block_under_a_letters_own_body_is_no_page_top(n, kind):
    # A letter copied from its title on, its body long, then an attached plan with a header block of its own:
    # the body is the letter's, never page furniture, and the plan's number is not the letter's.
    body = ([f"{k}. Các đơn vị tổ chức tuyên truyền nội dung số {k} đến cán bộ, công chức." for k in range(1, n)]
            if kind == "items" else
            [f"Căn cứ Quyết định số {k}/QĐ-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh;" for k in range(1, n)])
    lines = ["KẾ HOẠCH", "Tuyên truyền phổ biến pháp luật năm 2025", *body,
             "ỦY BAN NHÂN DÂN", "TỈNH CÀ MAU", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Số: 777/KH-UBND", "Cà Mau, ngày 02 tháng 3 năm 2025", "KẾ HOẠCH", "Thực hiện nhiệm vụ năm 2025"]
    letter = parse_lines(lines)
    assert letter.header.symbol != "777/KH-UBND"
    assert not any("tuyên truyền nội dung" in p.text or "Căn cứ" in p.text for p in letter.furniture)


OTHER_NEWS = ["đồng chí Phạm Đại Dương, Bí thư Tỉnh ủy đã đến thăm, chúc mừng cán bộ chiến sĩ Bộ đội Biên phòng tỉnh.",
              "UBND tỉnh tổ chức hội nghị trực tuyến sơ kết công tác phòng, chống dịch COVID-19 trên địa bàn tỉnh.",
              "Thủ tướng Chính phủ có Công điện số 1102/CĐ-TTg về việc tăng cường các biện pháp phòng, chống dịch.",
              "Trung ương Hội Doanh nhân trẻ Việt Nam và Tỉnh Đoàn tổ chức chương trình trao tặng thiết bị y tế."]


@settings(max_examples=30, deadline=None)
@given(st.permutations(OTHER_NEWS), st.integers(2, 4), st.sampled_from(["Ngày", "Chiều", "Sáng", "Sáng ngày"]))
def test_a_list_pages_later_items_are_not_the_letters(news, shown, opener):
    # A tag page: the first item is the letter's, newest first; the items under it are other news of earlier days.
    items = [f"{opener} {25 - k}/8, {text}" for k, text in enumerate(news[:shown])]
    letter = parse_lines(["Ngày 26/8, Tỉnh ủy Phú Yên có Công văn số 148 gửi các ban đảng, các huyện, thị, thành ủy "
                          "về việc tiếp tục thực hiện quyết liệt các biện pháp phòng, chống dịch COVID-19.", *items])
    assert [c.symbol for c in letter.citations if c.symbol] == []
    assert letter.header.number == "148" and letter.header.issuer == "Tỉnh ủy Phú Yên"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.PARTY)


@settings(max_examples=20, deadline=None)
@given(st.integers(3, 5), st.sampled_from(["Ngày", "Sáng"]))
def test_a_chronicle_dated_forward_keeps_what_it_names(n, opener):
    # A report narrating its days forward names the documents it acts on: they stay its citations.
    lines = ["UBND huyện báo cáo kết quả công tác phòng, chống dịch như sau:"]
    lines += [f"{opener} {10 + k}/8, UBND huyện ban hành Kế hoạch số {100 + k}/KH-UBND về phòng, chống dịch "
              "COVID-19 trên địa bàn huyện." for k in range(n)]
    letter = parse_lines(lines)
    cited = {c.symbol for c in letter.citations}
    assert {f"{100 + k}/KH-UBND" for k in range(1, n)} <= cited  # the first may read as the report's own
    assert not any(p.text.startswith(opener) for p in letter.furniture)


@settings(max_examples=20, deadline=None)
@given(st.integers(2, 30), st.sampled_from(["------", "***", "_____"]))
def test_a_headline_that_opens_with_a_count_is_no_issuer(count, rule):
    letter = parse_lines([f"{count} NHIỆM VỤ TRỌNG TÂM CỦA NGÀNH GIÁO DỤC NĂM HỌC 2022-2023", rule,
                          "Bộ Giáo dục và Đào tạo yêu cầu toàn ngành tập trung thực hiện các nhiệm vụ trọng tâm."])
    assert not (letter.header.issuer or "").startswith(str(count))
    assert letter.tier is Tier.CENTRAL


@settings(max_examples=20, deadline=None)
@given(st.integers(1, 999), st.sampled_from([2006, 2014, 2021]), st.sampled_from(["QĐ-UBDT", "QĐ-UBND", "KH-UBND"]))
def test_the_letters_own_spelling_wins_over_the_year_a_portal_title_adds(no, year, tail):
    # A document-sharing page titles the letter "… số 291/2006/QĐ-UBDT"; the letter's text writes 291/QĐ-UBDT.
    lines = [f"Quyết định số {no}/{year}/{tail}", "lượt xem 4", "download",
             f"Nội dung Text: Quyết định số {no}/{year}/{tail}",
             f"QUYẾT ĐỊNH SỐ {no}/{tail} NGÀY 08 THÁNG 11 NĂM {year} BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO",
             "Căn cứ Nghị định số 51/2003/NĐ-CP ngày 16 tháng 5 năm 2003 của Chính phủ;",
             "Điều 1. Ban hành kèm theo Quyết định này Quy định về chế độ báo cáo.",
             "Điều 2. Quyết định này có hiệu lực từ ngày ký."]
    letter = parse_lines(lines)
    assert letter.header.symbol == f"{no}/{tail}"
    assert [c.symbol for c in letter.citations if c.symbol] == ["51/2003/NĐ-CP"]


@settings(max_examples=20, deadline=None)
@given(st.integers(10, 9999), st.sampled_from([("Quyết định", "QĐ"), ("Kế hoạch", "KH"), ("Thông báo", "TB")]))
def test_a_symbol_the_copy_cut_before_its_issuers_code_is_not_cited(no, kind):
    name, code = kind
    opening = ["UBND XÃ HÒA XÁ", "TRƯỜNG TH HỒNG QUANG", "Số: 278/KH-TH", "Hòa Xá, ngày 08 tháng 9 năm 2025",
               "KẾ HOẠCH", "Thực hiện nhiệm vụ năm học 2025-2026",
               "Thực hiện Quyết định số 2358/QĐ-BGDĐT ngày 20/8/2025 của Bộ trưởng Bộ Giáo dục và Đào tạo;"]
    cut = parse_lines([*opening, f"{name} số {no}/{code}"])
    assert [c.symbol for c in cut.citations if c.symbol] == ["2358/QĐ-BGDĐT"]
    # Whole, or not at the copy's end, the same number stays what the text names.
    whole = parse_lines([*opening, f"{name} số {no}/{code}-UBND"])
    assert f"{no}/{code}-UBND" in {c.symbol for c in whole.citations}
    inside = parse_lines([*opening, f"{name} số {no}/{code} ngày 02/9/2025 của UBND xã;", "Trường xây dựng kế hoạch."])
    assert any(c.symbol and c.symbol.startswith(f"{no}/") for c in inside.citations)
