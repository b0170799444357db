"""Half F's classes, built in code: a list of sources whose entries' subjects name other documents (those are
mentions, and the list goes on at the next ";"), an entry's quoted subject glued to the next entry's kind, an
entry opened by "số" alone, a legal basis stated in paragraphs under an item ("I. Căn cứ pháp lý"); the own
letter in a title ending "(3585/VP-KTN, ngày 23/10/2017).", in a description line under a page title
("Công văn số … ngày … của Sở … Về việc …."), and after a page copy's date stamp (" date 2021-09 Đêm 22/9, …")."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole
from parsers.citations import find_citations


def _roles(text: str) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for c in find_citations(text, with_roles=True):
        if c.symbol:
            out.setdefault(c.symbol, c.implements)
    return out


def test_a_list_whose_entry_subject_names_another_document_goes_on_after_it():
    text = ("Thực hiện các văn bản của UBND tỉnh Hưng Yên: Quyết định số 2899/QĐ-UBND ngày 12/12/2022 về việc giao "
            "chỉ tiêu kế hoạch nhà nước năm 2023; Kế hoạch số 168/KH-UBND ngày 08/11/2021 về việc phê duyệt kế hoạch "
            "trồng cây; Quyết định số 2668/QĐ-UBND ngày 16/11/2022 về việc điều chỉnh, bổ sung kế hoạch số "
            "171/KH-UBND ngày 08/11/2021 của UBND tỉnh về việc phê duyệt kế hoạch trồng cây; Quyết định số "
            "1227/QĐ-UBND ngày 02/6/2023 về việc phê duyệt điều chỉnh; số 1846/QĐ-UBND ngày 31/8/2023 về việc phê "
            "duyệt Dự toán. Đến nay các thủ tục cơ bản đã xong, theo Quyết định số 99/QĐ-UBND.")
    found = find_citations(text, with_roles=True)
    roles = {c.symbol: c.implements for c in found}
    assert [s for s, r in roles.items() if r] == ["2899/QĐ-UBND", "168/KH-UBND", "2668/QĐ-UBND", "1227/QĐ-UBND",
                                                   "1846/QĐ-UBND"]
    assert roles["171/KH-UBND"] is False  # named in an entry's subject
    assert roles["99/QĐ-UBND"] is False  # after the list's sentence ended


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(10, 9999), st.booleans()), min_size=2, max_size=6, unique_by=lambda t: t[0]))
def test_every_entry_of_a_list_is_carried_out_whatever_its_subject_names(entries):
    parts = []
    for k, (no, names_other) in enumerate(entries):
        subject = f"về việc điều chỉnh kế hoạch số {20000 + k}/KH-UBND của UBND tỉnh" if names_other \
            else "về việc giao chỉ tiêu năm 2023"
        parts.append(f"Quyết định số {no}/QĐ-UBND ngày 12/12/2022 {subject}")
    roles = _roles("Thực hiện các văn bản của UBND tỉnh: " + "; ".join(parts) + ". Sở đề nghị các huyện thực hiện.")
    assert all(roles[f"{no}/QĐ-UBND"] for no, _ in entries)
    assert not any(roles[f"{20000 + k}/KH-UBND"] for k, (_, other) in enumerate(entries) if other)


def test_a_quoted_subject_glued_to_the_next_entry():
    text = ("Thực hiện Kế hoạch số 92-KH/HU, ngày 18 tháng 9 năm 2018 của Ban Thường vụ Huyện ủy về việc tổ chức "
            "Cuộc thi viết; Công văn số 1471-CV/BTGTU, ngày 10/10/2018 của Ban Tuyên giáo Tỉnh ủy Lạng Sơn về triển "
            "khai Cuộc thi viết “Những tấm gương điển hình trên địa bàn tỉnh Lạng Sơn”Quyết định số 173-QĐ/BTC, "
            "ngày 09/10/2018 của Ban Tổ chức Cuộc thi về việc ban hành Thể lệ. Để Cuộc thi đạt kết quả tốt, Ban "
            "Tuyên giáo đề nghị:")
    assert _roles(text) == {"92-KH/HU": True, "1471-CV/BTGTU": True, "173-QĐ/BTC": True}


def test_a_basis_in_a_single_cau_can_cu_still_joins_by_va():
    text = ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương về một số vấn đề "
            "về tiếp tục đổi mới và Nghị quyết số 37-NQ/TW ngày 24 tháng 12 năm 2018 của Bộ Chính trị về việc sắp xếp;")
    assert _roles(text) == {"18-NQ/TW": True, "37-NQ/TW": True}


def test_a_basis_stated_in_paragraphs_under_an_item():
    letter = parse_lines([
        "ĐỀ CƯƠNG TUYÊN TRUYỀN SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ", "",
        "I. Căn cứ pháp lý", "",
        "Căn cứ Nghị quyết số 37-NQ/TW ngày 24/12/2018 của Bộ Chính trị về việc sắp xếp các đơn vị hành chính; "
        "Nghị quyết số 117/NQ-CP ngày 30/7/2023 của Chính phủ ban hành Kế hoạch;", "",
        "Căn cứ Chỉ thị số 36-CT/TU ngày 28/02/2024 của Ban Thường vụ Thành ủy về việc thực hiện sắp xếp;", "",
        "II. Nội dung tuyên truyền", "",
        "1. Tuyên truyền về chủ trương sắp xếp theo Nghị quyết số 35/2023/UBTVQH15 của Ủy ban Thường vụ Quốc hội.",
    ])
    roles = {c.symbol: c.role for c in letter.citations if c.symbol}
    assert roles["37-NQ/TW"] is roles["117/NQ-CP"] is roles["36-CT/TU"] is CitationRole.IMPLEMENTS
    assert roles["35/2023/UBTVQH15"] is CitationRole.MENTIONS  # a task's content, not a basis


def test_a_title_ending_with_its_symbol_in_brackets_and_a_full_stop():
    letter = parse_lines(["Skip to main content", "",
                          "Về việc báo cáo tình hình ô nhiễm môi trường tại khu vực nông thôn (3585/VP-KTN, ngày "
                          "23/10/2017).", "",
                          "Thực hiện Công văn số 11034/VPCP-KGVX ngày 17/10/2017 của Văn phòng Chính phủ, đồng chí Phó "
                          "Chủ tịch UBND tỉnh có ý kiến như sau:", "",
                          "Giao Sở Tài nguyên và Môi trường chủ trì thực hiện."])
    assert (letter.header.symbol, str(letter.header.date)) == ("3585/VP-KTN", "2017-10-23")


def _described(named_again: bool) -> list[str]:
    body = ("Thực hiện Công văn số 1639/SNN-CCKL, các huyện báo cáo kết quả." if named_again
            else "Thực hiện Kế hoạch số 168/KH-UBND ngày 08/11/2021 của UBND tỉnh, Sở đề nghị các huyện chỉ đạo.")
    return ["Về việc phối hợp triển khai công tác trồng cây nhân dân năm 2023", "",
            "Công văn số 1639/SNN-CCKL ngày 23/10/2023 của Sở Nông nghiệp và PTNT tỉnh Hưng Yên Về việc phối hợp "
            "triển khai công tác trồng cây nhân dân năm 2023.", "", body]


def test_a_description_line_under_a_page_title_names_the_letter():
    letter = parse_lines(_described(named_again=False))
    assert (letter.header.symbol, str(letter.header.date)) == ("1639/SNN-CCKL", "2023-10-23")
    assert {c.symbol: c.role for c in letter.citations}["168/KH-UBND"] is CitationRole.IMPLEMENTS


def test_a_description_line_of_a_document_the_text_takes_up_is_not_the_letter():
    assert parse_lines(_described(named_again=True)).header.symbol is None


def test_a_page_copys_date_stamp_before_a_dated_lead():
    letter = parse_lines([" date 2021-09 Đêm 22/9, UBND tỉnh ban hành Công văn số 13417/UBND-VP về việc tiếp tục "
                          "thực hiện một số biện pháp phòng, chống dịch COVID-19 trên địa bàn tỉnh. Theo đó, thực hiện "
                          "giãn cách xã hội theo Chỉ thị số 15/CT-TTg trên địa bàn tỉnh.", "",
                          "Người lao động được di chuyển bằng xe cá nhân."])
    assert letter.header.symbol == "13417/UBND-VP"
    assert letter.header.issuer == "UBND tỉnh"


def test_a_local_youth_union_that_speaks_places_the_text():
    from models import System, Tier

    letter = parse_lines(["Thực hiện Kế hoạch số 46-KH/ĐTN, ngày",
                          "25/02/2015 của BCH Huyện đoàn Thọ Xuân V/v “Tổ chức hoạt động Tháng Thanh niên năm 2015”. "
                          "Đoàn thanh niên thị trấn Sao Vàng đã xây dựng kế hoạch và triển khai tới đoàn viên.", "",
                          "Sáng ngày 15/3/2015 chi đoàn khu 1 đã tham gia trồng cây xanh tại nhà văn hoá khu."])
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.PARTY)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["đã", "được", "ở", "đều", "ủng"]),
       st.sampled_from([("tỉnh", "province"), ("huyện", "district"), ("xã", "commune")]))
def test_the_area_a_text_governs_before_a_word_with_a_marked_first_letter(word, unit):
    from models import Tier

    name, tier = unit
    letter = parse_lines([f"Trong thời gian qua, thực hiện Chỉ thị số 05-CT/TU, ngày 23/5/2021 về phong trào thi đua, "
                          f"các cấp uỷ, chính quyền và các tổ chức trong toàn {name} {word} triển khai sâu rộng phong "
                          "trào với nhiều nội dung, hình thức phong phú."])
    assert letter.tier is Tier(tier)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 9999), st.sampled_from(["-", "- ", " -", " - "]), st.sampled_from(["/", " /", "/ ", " / "]),
       st.sampled_from(["CV", "KH", "HD"]))
def test_a_party_symbol_spaced_around_its_type_code(no, dash, slash, code):
    from letter_factory import CHILD_RECIPIENTS

    letter = parse_lines(["HUYỆN UỶ BÌNH GIA", "BAN TUYÊN GIÁO", "*", f"Số {no}{dash}{code}{slash}BTGHU",
                          "ĐẢNG CỘNG SẢN VIỆT NAM", "Bình Gia, ngày 15 tháng 10 năm 2018", "", "Kính gửi:",
                          *(f"- {r}" for r in CHILD_RECIPIENTS), "",
                          "Thực hiện Kế hoạch số 92-KH/HU, Ban Tuyên giáo Huyện ủy đề nghị các chi bộ thực hiện."])
    assert letter.header.symbol == f"{no}-{code}/BTGHU"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["291/2006/QĐ-UBDT", "12-KH/TU", "4144/GDĐT-VP", "30/2020/NĐ-CP"]),
       st.sampled_from(["U BAN DÂN T C", "B  TRƯ NG", "Y BAN NHÂN DÂN"]), st.sampled_from([" - ", " – ", "- "]))
def test_a_broken_fonts_heading_after_a_dash_is_not_the_symbols_code(symbol, heading, dash):
    found = [c.symbol for c in find_citations(f"Quyết định số {symbol}{dash}{heading} Hà N i, ngày 08 tháng 11")]
    assert found == [symbol]


def test_the_ethnic_committees_code_is_central():
    from models import Tier
    from parsers.tier import tier_of_code

    assert tier_of_code("UBDT") is Tier.CENTRAL


def test_a_body_that_allows_speaks():
    from models import System

    letter = parse_lines(["(Website Văn phòng) – UBND TP đã cho phép cho Hội Chữ thập đỏ thành phố triển khai thực "
                          "hiện “Tháng Nhân đạo” trên địa bàn vào tháng 5 hàng năm, từ năm 2021.", "",
                          "Hội Chữ thập đỏ chịu trách nhiệm chủ trì, phối hợp với các cơ quan liên quan."])
    assert letter.system is System.STATE
