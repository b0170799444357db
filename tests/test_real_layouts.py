"""Letters as analysts have them, built in code: flattened tables, merged columns, Markdown, OCR spacing and
damage, portal furniture, portal summaries, glued and diacritic-stripped citations; what each letter is, and
that only what is not Vietnamese text is refused. Through `parse_letter`, `segment_letter` and the CLI."""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from models import IdentitySource, InputError, LetterForm, RawBlock, RawDocument, Source, System, Tier, WarningCode
from parsers import parse_letter
from parsers.citations import find_citations
from parsers.segment import segment_letter
from parsers.tier import tier_of_issuer


def parse_text(tmp_path: Path, text: str, name: str = "letter.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_letter(path)


def codes(letter) -> set[str]:
    return {w.code for w in letter.warnings}


def roles(letter) -> dict[str, str]:
    return {c.symbol: c.role.value for c in letter.citations if c.symbol}


BODY = (
    "Thực hiện Công văn số 1232-CV/BTGTU, ngày 23/5/2024 của Ban Tuyên giáo Tỉnh ủy về việc tuyên truyền, "
    "Ban Thường vụ đề nghị các cơ quan thực hiện một số nội dung sau:\n"
    "1. Tuyên truyền sâu rộng các chủ trương.\n"
    "2. Báo cáo kết quả trước ngày 30/6/2024.\n"
)


# --- headers in every shape ---------------------------------------------------------------------------

def test_flattened_table_header(tmp_path):
    letter = parse_text(tmp_path, (
        "| BỘ XÂY DỰNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
        "| Số: 123/BXD-VP | Hà Nội, ngày 5 tháng 6 năm 2023 |\n"
        "Kính gửi: | - Sở Xây dựng các tỉnh, thành phố. |\n" + BODY
    ))
    h = letter.header
    assert (h.issuer, h.symbol, h.date) == ("BỘ XÂY DỰNG", "123/BXD-VP", dt.date(2023, 6, 5))
    assert [r.text for r in letter.recipients] == ["Sở Xây dựng các tỉnh, thành phố."]
    assert (letter.tier, letter.system, letter.form) == (Tier.CENTRAL, System.STATE, LetterForm.LETTER)


def test_two_columns_merged_line_by_line(tmp_path):
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "HUYỆN KIM ĐỘNG Độc Lập - Tự Do - Hạnh Phúc\n"
        "Số: 45/UBND-VP Kim Động, ngày 3 tháng 4 năm 2019\n"
        "V/v tăng cường công tác tuyên truyền\n"
        "Kính gửi: UBND các xã, thị trấn.\n" + BODY
    ))
    h = letter.header
    assert (h.issuer, h.symbol, h.place, h.date) == (
        "ỦY BAN NHÂN DÂN HUYỆN KIM ĐỘNG", "45/UBND-VP", "Kim Động", dt.date(2019, 4, 3))
    assert h.motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc Lập - Tự Do - Hạnh Phúc"]
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.STATE)


def test_markdown_transcription(tmp_path):
    letter = parse_text(tmp_path, (
        "**BAN CHẤP HÀNH TRUNG ƯƠNG**\n**ĐẢNG CỘNG SẢN VIỆT NAM**\n\nSố 57\\-NQ/TW\n"
        "*Hà Nội*, *ngày 22 tháng 12 năm 2024*\n\n# NGHỊ QUYẾT\n## về đột phá phát triển khoa học\n\n"
        "Phát triển khoa học là yếu tố quyết định.\n\n**I. MỤC TIÊU**\n\n**1. Mục tiêu chung**\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.title, h.issuer) == ("57-NQ/TW", dt.date(2024, 12, 22), "NGHỊ QUYẾT",
                                                      "BAN CHẤP HÀNH TRUNG ƯƠNG")
    assert (letter.tier, letter.system, letter.form) == (Tier.CENTRAL, System.PARTY, LetterForm.TRANSCRIPTION)
    assert "Markdown" in letter.form_reason


def test_ocr_letter_spacing_and_a_lost_first_letter(tmp_path):
    spaced = parse_text(tmp_path, (
        "U B ND TỈNH QUẢNG NAM\nSố: 12/UBND-VX\nQuảng Nam, ngày 2 tháng 3 năm 2020\n"
        "Kính gửi: Các sở, ngành.\n" + BODY
    ), "spaced.txt")
    assert (spaced.header.issuer, spaced.tier) == ("UBND TỈNH QUẢNG NAM", Tier.PROVINCE)
    lost = parse_text(tmp_path, (
        "Y BAN NHÂN DÂN\nTỈNH KON TUM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 2516/KH-UBND\nKon Tum, ngày 03 tháng 10 năm 2014\nKẾ HOẠCH\nTriển khai thực hiện\n" + BODY
    ), "lost.txt")
    assert (lost.header.issuer, lost.tier, lost.system) == ("Y BAN NHÂN DÂN TỈNH KON TUM", Tier.PROVINCE, System.STATE)


def test_blank_number_and_blank_day(tmp_path):
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN\nXÃ ĐỨC HỢP\n––––––––\nSố:         / TB-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
        "Đức Hợp, ngày ….. tháng 12 năm 2021\n THÔNG BÁO\nVề viêc tạm dừng tiếp công dân\n" + BODY
    ))
    h = letter.header
    assert (h.symbol, h.number, h.doc_type, h.date, h.place) == ("/TB-UBND", None, "TB", None, "Đức Hợp")
    assert {WarningCode.BLANK_NUMBER, WarningCode.INCOMPLETE_DATE} <= codes(letter)
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.STATE)


def test_pdf_number_that_lost_its_hyphen(tmp_path):
    letter = parse_text(tmp_path, (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố:  337KH/TWĐTNMTTN\n\nĐOÀN TNCS HỒ CHÍ MINH\n\n"
        "Hà Nội, ngày   16  tháng 5 năm 2025\n\nKẾ HOẠCH\nTriển khai các hoạt động\n\n" + BODY
    ))
    assert (letter.header.symbol, letter.header.doc_type) == ("337-KH/TWĐTNMTTN", "KH")
    assert (letter.tier, letter.system, letter.form) == (Tier.CENTRAL, System.PARTY, LetterForm.TRANSCRIPTION)


# --- page furniture, portal copies and summaries --------------------------------------------------------

PORTAL_COPY = (
    "Thông báo về việc treo cờ Tổ quốc chào mừng ngày giải phóng Thủ đô\n"
    "Ngày đăng 07/10/2023 | 08:01  | Lượt xem: 140\n"
    "Văn hóa - Xã hội\n"
    "Ảnh minh họa\n"
    "THÔNG BÁO\n"
    "Về việc treo cờ Tổ quốc trên địa bàn phường\n"
    "Thực hiện Thông báo số 491/TB-UBND ngày 06 tháng 10 năm 2023 của UBND quận Đống Đa về việc treo cờ\n"
    "Uỷ ban nhân dân phường Nam Đồng thông báo và đề nghị các tổ chức treo cờ Tổ quốc.\n"
    "(Nguồn: Thông báo số 81/TB-UBND ngày 08/10/2023)\n"
    "Tải file đính kèm\n"
)


def test_portal_furniture_is_set_aside(tmp_path):
    letter = parse_text(tmp_path, PORTAL_COPY)
    h = letter.header
    furniture = [p.text for p in letter.furniture]
    assert furniture[:4] == [" ".join(line.split()) for line in PORTAL_COPY.splitlines()[:4]]
    assert "Tải file đính kèm" in furniture and any(t.startswith("(Nguồn:") for t in furniture)
    assert h.issuer is None and h.title == "THÔNG BÁO"
    assert h.subject == "treo cờ Tổ quốc trên địa bàn phường"
    # the posting time is never the letter's date: the source line gives it
    assert (h.symbol, h.date, h.identity_from) == ("81/TB-UBND", dt.date(2023, 10, 8), IdentitySource.SOURCE_LINE)
    assert roles(letter) == {"491/TB-UBND": "implements"}  # its own symbol is not a citation
    assert (letter.form, letter.tier, letter.system) == (LetterForm.PORTAL_COPY, Tier.COMMUNE, System.STATE)
    assert "page title" in letter.form_reason and "posting time" in letter.form_reason
    assert not [i for i in letter.walk_items() if "Lượt xem" in i.text]


def test_page_title_with_the_symbol_and_date(tmp_path):
    letter = parse_text(tmp_path, (
        "Về việc triển khai phòng chống bão số 9 (3585/VP-KTN, ngày 23/10/2017)\n"
        "Văn phòng UBND tỉnh thông báo ý kiến chỉ đạo của Chủ tịch UBND tỉnh như sau:\n"
        "1. Các sở, ngành khẩn trương triển khai.\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.identity_from) == ("3585/VP-KTN", dt.date(2017, 10, 23), IdentitySource.PORTAL_TITLE)
    assert letter.tier is Tier.PROVINCE  # the body that speaks: Văn phòng UBND tỉnh
    assert letter.form is LetterForm.PORTAL_COPY


def test_portal_summary(tmp_path):
    letter = parse_text(tmp_path, (
        "Kế hoạch tổ chức Hội thi xe tuyên truyền lưu động\n\n"
        "Căn cứ Kế hoạch số 01/KH-BTCKN ngày 05/7/2021 của Ban Tổ chức kỷ niệm; Kế hoạch số 24/KH-BTGTU "
        "ngày 13/8/2021 của Ban Tuyên giáo Tỉnh ủy. Ngày 02/11/2021, Sở Văn hóa, Thể thao và Du lịch đã ban hành "
        "Kế hoạch số 67/KH-SVHTTDL tổ chức Hội thi xe tuyên truyền lưu động./.\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.issuer, h.identity_from) == (
        "67/KH-SVHTTDL", dt.date(2021, 11, 2), "Sở Văn hóa, Thể thao và Du lịch", IdentitySource.LEAD)
    assert roles(letter) == {"01/KH-BTCKN": "implements", "24/KH-BTGTU": "implements"}
    assert (letter.form, letter.tier, letter.system) == (LetterForm.PORTAL_SUMMARY, Tier.PROVINCE, System.STATE)
    assert WarningCode.IDENTITY_FROM_PROSE in codes(letter)


def test_summary_with_number_only_and_a_mixed_date(tmp_path):
    letter = parse_text(tmp_path, (
        "Ngày 29 tháng 12/2020  Ban Thường vụ Tỉnh ủy Đắk Lắk đã ban hành Chỉ thị số 04 -CT/TU về việc tổ chức "
        "đón Tết. Theo đó Chỉ thị được ban hành trên cơ sở thực hiện Chỉ thị số 48 -CT/TW, ngày 09/12/2020 của Ban "
        "Bí thư, góp phần thực hiện thắng lợi nhiệm vụ năm 2021 theo Nghị quyết số 02-NQ/TU, ngày 04/12/2020.\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.issuer) == ("04-CT/TU", dt.date(2020, 12, 29), "Ban Thường vụ Tỉnh ủy Đắk Lắk")
    assert roles(letter) == {"48-CT/TW": "implements", "02-NQ/TU": "mentions"}
    assert (letter.tier, letter.system, letter.form) == (Tier.PROVINCE, System.PARTY, LetterForm.PORTAL_SUMMARY)


def test_a_reporting_sentence_about_the_source_is_not_the_letter(tmp_path):
    letter = parse_text(tmp_path, (
        "Ngày 22/12/2024, Bộ Chính trị đã ban hành Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học.\n"
        "Thực hiện Nghị quyết số 57-NQ/TW, Ban Thường vụ Huyện ủy đề nghị các chi bộ thực hiện nội dung sau:\n"
        "1. Quán triệt Nghị quyết.\n"
    ))
    assert letter.header.symbol is None
    assert roles(letter) == {"57-NQ/TW": "implements"}
    assert letter.tier is Tier.DISTRICT


# --- citations as written -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "symbol", "date"),
    [
        ("Thực hiện công văn số822-CV/TU ngày 22/4/2010 của Tỉnh ủy", "822-CV/TU", dt.date(2010, 4, 22)),
        ("căn cứ Chỉ thị số 04 -CT/TW", "04-CT/TW", None),
        ("theo Công văn số 369 - CV/BTGTU ngày 3/3/2021", "369-CV/BTGTU", dt.date(2021, 3, 3)),
        ("Kế hoạch số 66KH/TWĐTNĐKTHTN của Ban Bí thư", "66-KH/TWĐTNĐKTHTN", None),
        ("nhận được Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011", "847/UBND-VX1", dt.date(2011, 3, 22)),
        ("Thực hiện văn bản số 8224/VPUBND-TH, ngày 17/12/2019", "8224/VPUBND-TH", dt.date(2019, 12, 17)),
        ("tại Công văn số 4144 /GDĐT – VP ngày 25/11/2018", "4144/GDĐT-VP", dt.date(2018, 11, 25)),
        ("QUYẾT ĐỊNH SỐ 34/2014/QĐ-TTG NGÀY 30/5/2014", "34/2014/QĐ-TTG", dt.date(2014, 5, 30)),
        ("Căn cứ công văn số 1160/SGDĐT-CTTT của Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh ngày 20 tháng 4 "
         "năm 2021 về phối hợp", "1160/SGDĐT-CTTT", dt.date(2021, 4, 20)),
        # OCR that dropped every marked letter, or left the marks off
        ("n s 3020/A-UBND ngy 28/9/2009 cua UBND", "3020/A-UBND", dt.date(2009, 9, 28)),
        ("Thuc hien Quyet dinh so 12/QD-UBND ngay 5/6/2020", "12/QD-UBND", dt.date(2020, 6, 5)),
        ("Ke hoach so 45-KH/HU ngay 01 thang 3 nam 2022", "45-KH/HU", dt.date(2022, 3, 1)),
    ],
)
def test_citation_as_written(text, symbol, date):
    (c,) = [c for c in find_citations(text) if c.symbol]
    assert (c.symbol, c.date) == (symbol, date)


def test_citation_broken_over_lines(tmp_path):
    letter = parse_text(tmp_path, (
        "ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 NĂM 2020\n\n"
        "Thực hiện Kế hoạch số 172-KH/TU, ngày 21/01/2020 của Ban Thường vụ\n"
        "Tỉnh ủy về “công tác tuyên giáo năm 2020”; Kế hoạch số 157-KH/TU,\n"
        "ngày 17/9/2019 của Ban Thường vụ Tỉnh ủy; căn cứ Hướng dẫn số 115- HD/BTGTW, ngày 08 tháng 01 năm\n"
        "2020 của Ban Tuyên giáo Trung ương, Ban Tuyên giáo Tỉnh ủy đề nghị các địa phương tuyên truyền.\n"
    ))
    dates = {c.symbol: c.date for c in letter.citations}
    assert dates == {"172-KH/TU": dt.date(2020, 1, 21), "157-KH/TU": dt.date(2019, 9, 17),
                     "115-HD/BTGTW": dt.date(2020, 1, 8)}
    assert set(roles(letter).values()) == {"implements"}
    assert letter.header.subject == "ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7 NĂM 2020"
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.PARTY)


@pytest.mark.parametrize(
    ("text", "implements"),
    [
        ("Ủy ban nhân dân tỉnh nhận được Công văn số 847/UBND-VX1 ngày 22/3/2011 của UBND tỉnh Quảng Ninh", [True]),
        ("Căn cứ Kế hoạch số 01/KH-BTCKN của Ban Tổ chức; Kế hoạch số 24/KH-BTGTU của Ban Tuyên giáo", [True, True]),
        ("Thực hiện Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 vềviệc triển khai Quyết định 34/2014/QĐ-TTg",
         [True, False]),
        ("góp phần thực hiện thắng lợi nhiệm vụ năm 2021 theo Nghị quyết số 02-NQ/TU, ngày 04/12/2020", [False]),
        ("(Đính kèm Công văn số 847/UBND-VX1 ngày 22/3/2011)", [False]),
        ("thực hiện Quyết định số 1518-QĐ/TW, ngày 25/3/2019 của Ban Thường vụ Tỉnh ủy, ngày 12/4/2022, Ban Nội "
         "chính Tỉnh ủy ban hành Thông báo số 38-TB/BNCTU mời tiếp dân", [True, False]),
        ("Thực hiện Thông báo số 444/TB-UBND của UBND tỉnh Hưng Yên và Thông báo sô 1481/TB-UBND của UBND huyện",
         [True, True]),
        ("Thực hiện Kế hoạch số 12-KH/TU, ngày 5/1/2023 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 05-NQ/TW "
         "của Bộ Chính trị, Huyện ủy đề nghị", [True, False]),
        ("Căn cứ ý kiến của Bộ Chính trị về một số chính sách hỗ trợ người lao động và người sử dụng lao động gặp "
         "khó khăn do đại dịch COVID-19 tại văn bản số 1133-CV/VPTW ngày 25 tháng 6 năm 2021 của Văn phòng Trung "
         "ương Đảng;", [True]),
        ("Theo đề nghị của Bộ trưởng Bộ Lao động - Thương binh và Xã hội tại Tờ trình số 34/TTr-LĐTBXH ngày 02 "
         "tháng 6 năm 2021 và Tờ trình số 45/TTr-LĐTBXH ngày 28 tháng 6 năm 2021.", [False, False]),
        ("Xét báo cáo số 15/BC-VPTWH ngày 21 tháng 01 năm 2011 của Hội Nạn nhân chất độc da cam/dioxin Việt Nam, "
         "Phó Thủ tướng có ý kiến chỉ đạo như sau:", [True]),
        ("Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV ngày 3/4/2020,", [False]),
        # an opinion held in a document, joined to the list however long the subject before it
        ("Thực hiện Chỉ thị số 22/CT-TW ngày 23/01/2018 của Ban Bí thư về đẩy mạnh các phong trào thi đua yêu nước "
         "hướng tới kỷ niệm 70 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi Thi đua ái quốc (11/6/1948 - 11/6/2018) "
         "và chỉ đạo của UBND tỉnh tại văn bản số 238/UBND-KGVX ngày 19/3/2018 về tổ chức kỷ niệm", [True, True]),
        ("Căn cứ Kết luận số 88-KL/TW ngày 18/02/2014 của Bộ Chính trị về tổ chức kỷ niệm ngày sinh; xây dựng khu "
         "lưu niệm; ý kiến chỉ đạo của Ban Bí thư tại Công văn số 1740-CV/VPTW ngày 07/9/2021 về việc tổ chức",
         [True, True]),
        # another basis of one "Căn cứ", after the first one's long subject
        ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng khóa XII về một "
         "số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, "
         "hiệu quả và Nghị quyết số 37-NQ/TW ngày 24 tháng 12 năm 2018 của Bộ Chính trị về việc sắp xếp;",
         [True, True]),
        ("Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017 về tinh gọn bộ máy; Báo cáo tình hình và Công văn số "
         "5/UBND-VX của Sở.", [True, False]),
        # a basis issued with the document cited; a standard "theo" a regulation so issued is no source
        ("- Căn cứ Quy chế hoạt động của Ban Chấp hành Trung ương Đoàn khoá X, nhiệm kỳ 2012 - 2017 ban hành kèm "
         "theo Quyết định số 84 QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn;", [True]),
        ("Kỳ thi được thực hiện theo Quy chế thi tốt nghiệp trung học phổ thông ban hành kèm theo Thông tư số "
         "15/2020/TT-BGDĐT ngày 26/5/2020 của Bộ trưởng", [False]),
    ],
)
def test_roles_as_a_clerk_reads_them(text, implements):
    assert [c.implements for c in find_citations(text, with_roles=True) if c.symbol] == implements


# --- tier and system from whatever names the issuer ------------------------------------------------------

@pytest.mark.parametrize(
    ("issuer", "on", "tier"),
    [
        ("Bộ Tư pháp", None, Tier.CENTRAL),
        ("VĂN PHÒNG CHÍNH PHỦ", None, Tier.CENTRAL),
        ("BAN TUYÊN GIÁO TRUNG ƯƠNG", None, Tier.CENTRAL),
        ("UBND xã Đức Hợp", None, Tier.COMMUNE),
        ("ĐẢNG ỦY PHƯỜNG NAM ĐỒNG", None, Tier.COMMUNE),
        ("Phòng Giáo dục và Đào tạo quận 11", None, Tier.DISTRICT),
        ("Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh", None, Tier.PROVINCE),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", None, Tier.PROVINCE),
        ("UBND thành phố Huế", dt.date(2018, 9, 25), Tier.DISTRICT),  # a city of Thừa Thiên Huế until 2025
        ("UBND thành phố Huế", dt.date(2025, 8, 1), Tier.PROVINCE),
        ("THÀNH ỦY VINH", dt.date(2020, 1, 1), Tier.DISTRICT),
        ("HUYỆN ỦY TỊNH BIÊN", None, Tier.DISTRICT),
        ("Đảng ủy Khối các cơ quan tỉnh", None, Tier.PROVINCE),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam huyện Kim Động", None, Tier.DISTRICT),
        ("Tỉnh đoàn Bình Phước", None, Tier.PROVINCE),
        ("Y BAN NHÂN DÂN TỈNH KON TUM", None, Tier.PROVINCE),
        ("Bộ Chỉ huy Quân sự tỉnh", None, Tier.PROVINCE),
        ("Đài Phát thanh - Truyền hình", None, Tier.UNKNOWN),
    ],
)
def test_tier_of_issuer(issuer, on, tier):
    assert tier_of_issuer(issuer, on) is tier


@pytest.mark.parametrize(
    ("speaker", "tier"),
    [
        ("Phòng Giáo dục và Đào tạo Quận 11 đề nghị Hiệu trưởng các trường", Tier.DISTRICT),
        ("Uỷ ban nhân dân phường Nam Đồng thông báo và đề nghị các tổ chức", Tier.COMMUNE),
        ("Văn phòng UBND tỉnh thông báo ý kiến chỉ đạo", Tier.PROVINCE),
        ("UBND huyện Tịnh Biên yêu cầu các phòng, ban", Tier.DISTRICT),
        ("Chủ tịch HĐND huyện Ngân Sơn khóa XIX, nhiệm kỳ 2016-2021 thông báo lịch tiếp công dân", Tier.DISTRICT),
        ("Thường trực HĐND tỉnh Gia Lai khoá XI thông báo", Tier.PROVINCE),
        ("Thường trực HĐND tỉnh không tổ chức tiếp công dân; vì vậy", Tier.PROVINCE),
        ("Phòng GD&ĐT yêu cầu các trường", Tier.DISTRICT),
        ("Sở NN&PTNT đề nghị các huyện", Tier.PROVINCE),
    ],
)
def test_tier_from_the_body_that_speaks(tmp_path, speaker, tier):
    letter = parse_text(tmp_path, f"Căn cứ tình hình thực tế, {speaker} thực hiện tốt các nội dung sau:\n1. Một.\n")
    assert letter.tier is tier
    assert any(w.code is WarningCode.TIER and "speaks" in w.message for w in letter.warnings)


def test_unknown_tier_says_why(tmp_path):
    letter = parse_text(tmp_path, "Kính gửi: Các đơn vị.\nĐề nghị các đơn vị thực hiện tốt các nội dung sau.\n")
    assert letter.tier is Tier.UNKNOWN
    assert any(w.code is WarningCode.TIER and "unknown" in w.message for w in letter.warnings)


# --- what is refused, and what each letter is ------------------------------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        "Dear colleagues,\nPlease find attached the minutes of the meeting held on Monday.\nBest regards,\nJohn\n",
        "import os\n\nfor name in os.listdir('.'):\n    print(name)\n",
        "12 34 56\n78 90\n",
    ],
)
def test_not_vietnamese_text_is_refused(tmp_path, text):
    with pytest.raises(InputError, match="not a letter"):
        parse_text(tmp_path, text)


def test_ocr_without_marks_is_accepted(tmp_path):
    letter = parse_text(tmp_path, (
        "UY BAN NHAN DAN TINH QUANG NAM\nThuc hien cong van so 3020/A-UBND ngay 28/9/2009 cua UBND tinh, "
        "So Noi vu de nghi cac don vi bao cao ket qua thuc hien.\n"
    ))
    assert [c.symbol for c in letter.citations] == ["3020/A-UBND"]


def test_outline_says_what_each_letter_is_and_why(tmp_path):
    (tmp_path / "copy.txt").write_text(PORTAL_COPY, encoding="utf-8")
    (tmp_path / "summary.txt").write_text(
        "Ngày 10/8/2022, Ban Nội chính Tỉnh ủy ban hành Thông báo số 50 mời tiếp dân định kỳ.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["parse", str(tmp_path / "copy.txt"), str(tmp_path / "summary.txt"),
                                      "--format", "text"])
    assert result.exit_code == 0, result.output
    copy, summary = result.stdout.split("\n\n", 1)[0], result.stdout.split("\n\n", 1)[1]
    assert "[portal-copy · state · commune]" in copy and "form: portal copy: page title" in copy
    assert "page furniture (" in copy and "identity from: source-line" in copy
    assert "[portal-summary · party · province]" in summary and "form: portal summary" in summary


def test_summary_under_a_headline_and_a_bare_time_stamp(tmp_path):
    letter = parse_text(tmp_path, (
        "UBND huyện Châu Thành triển khai Kế hoạch phòng chống thiên tai\n14/06/2023 09:15\n"
        "Ngày 12/6/2023, UBND huyện Châu Thành ban hành Kế hoạch số 215/KH-UBND về phòng, chống thiên tai.\n"
        "Theo đó, các xã phải xây dựng phương án.\n"
    ))
    assert next(w for w in letter.warnings if w.code is WarningCode.PAGE_FURNITURE).message.count("posting time") == 1
    assert (letter.header.symbol, letter.header.date) == ("215/KH-UBND", dt.date(2023, 6, 12))
    assert (letter.form, letter.tier) == (LetterForm.PORTAL_SUMMARY, Tier.DISTRICT)


def test_dated_lead_in_a_clause(tmp_path):
    letter = parse_text(tmp_path, (
        "Thực hiện Kế hoạch số 45-KH/TU của Tỉnh ủy, ngày 3/4/2023, Huyện ủy Núi Thành đã ban hành Kế hoạch số "
        "78-KH/HU về học tập Nghị quyết.\nKế hoạch yêu cầu các chi bộ tổ chức học tập.\n"
    ))
    assert (letter.header.symbol, letter.header.issuer) == ("78-KH/HU", "Huyện ủy Núi Thành")
    assert roles(letter) == {"45-KH/TU": "implements"}
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


def test_a_division_takes_the_tier_of_the_body_above_it(tmp_path):
    letter = parse_text(tmp_path, (
        "CÔNG AN TỈNH QUẢNG NINH\nPHÒNG THAM MƯU\nSố: 12/TM-PV\nQuảng Ninh, ngày 2 tháng 3 năm 2021\n"
        "Kính gửi: Các đơn vị.\nĐề nghị các đơn vị thực hiện.\n"
    ))
    assert (letter.header.issuer, letter.header.parent_issuer) == ("PHÒNG THAM MƯU", "CÔNG AN TỈNH QUẢNG NINH")
    assert letter.tier is Tier.PROVINCE


def test_a_letter_that_lost_every_mark(tmp_path):
    letter = parse_text(tmp_path, (
        "UY BAN NHAN DAN\nTINH QUANG NAM\nSo: 123/UBND-VP\nCONG HOA XA HOI CHU NGHIA VIET NAM\n"
        "Doc lap - Tu do - Hanh phuc\nQuang Nam, ngay 5 thang 6 nam 2020\nV/v tang cuong phong chong dich\n"
        "Kinh gui: Cac so, ban, nganh.\nThuc hien Cong van so 456/BYT-DP ngay 1/6/2020 cua Bo Y te, UBND tinh de "
        "nghi cac don vi thuc hien:\n1. Tuyen truyen.\nNoi nhan:\n- Nhu tren;\n- Luu: VT.\nTM. UY BAN NHAN DAN\n"
        "CHU TICH\nNguyen Van A\n"
    ))
    h = letter.header
    assert (h.issuer, h.symbol, h.date) == ("UY BAN NHAN DAN TINH QUANG NAM", "123/UBND-VP", dt.date(2020, 6, 5))
    assert [r.text for r in letter.recipients] == ["Cac so, ban, nganh."]
    assert roles(letter) == {"456/BYT-DP": "implements"}
    assert (letter.tier, letter.system, letter.form) == (Tier.PROVINCE, System.STATE, LetterForm.LETTER)
    assert letter.signature is not None and letter.signature.signer == "Nguyen Van A"


@pytest.mark.parametrize(
    "lines", [["Nơi nhận:", "[bookmark: _GoBack]\t:"], ["1. ", "TL A", "\x08", "NOI NHAN", "1. 0"]]
)
def test_footer_and_attachment_text_is_never_lost(lines):
    """Found by the never-drops-source-text property: an artefact alone in a footer column, and the prose of
    an unnumbered part after a footer."""
    source = Source(path="x.txt", format="txt", sha256="0", size_bytes=0)
    letter = segment_letter(RawDocument(source=source, blocks=[RawBlock(text=t) for t in lines]))
    dump = letter.model_dump_json()
    for line in lines:
        for column in line.split("\t"):
            if column.strip():
                assert json.dumps(column.strip(), ensure_ascii=False)[1:-1] in dump


def test_decision_cut_after_its_authority_line(tmp_path):
    """A portal copy of a decision cut short leaves its authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …")
    among the last lines: it is followed by the legal bases, so it is no signature and the bases stay read."""
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐUBND\n"
        "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập  Tự do  Hạnh phúc\n"
        "Kiên Giang, ngày 28 tháng 8 năm 2019\n"
        "QUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Căn cứ Nghị quyết số 30c/NQCP ngày 08 tháng 11 năm 2011 của Chính phủ;\n"
        "Căn cứ Nghị định số 61/2018/NĐCP ngày 23 tháng 4 năm 2018 của Chính phủ;\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.motto[0]) == ("1961/QĐ-UBND", dt.date(2019, 8, 28), "CỘNG HÒA XàHỘI CHỦ NGHĨA VIỆT NAM")
    assert letter.signature is None
    assert roles(letter) == {"30c/NQ-CP": "implements", "61/2018/NĐ-CP": "implements"}
    assert (letter.tier, letter.system) == (Tier.PROVINCE, System.STATE)


@pytest.mark.parametrize(("authority", "tier"), [
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", Tier.PROVINCE),
    ("ỦY BAN NHÂN DÂN HUYỆN KIM ĐỘNG", Tier.DISTRICT),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ĐỨC HỢP", Tier.COMMUNE),
])
def test_decision_authority_line_places_a_bare_issuer(tmp_path, authority, tier):
    """The issuer line lost its unit ("ỦY BAN NHÂN DÂN" alone); the authority line under the subject names it."""
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 232/QĐ-UBND | Ninh Bình, ngày 12 tháng 4 năm 2019 |\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC\n"
        f"{authority}\n"
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\n"
        "Căn cứ Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ;\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Công bố Danh mục thủ tục hành chính.\nĐiều 2. Quyết định này có hiệu lực từ ngày ký.\n"
    ))
    h = letter.header
    assert (h.authority, h.subject) == (
        authority, "VỀ VIỆC CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA SỞ GIÁO DỤC")
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_a_subject_that_goes_on_is_no_authority_line(tmp_path):
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 15/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Bắc Ninh, ngày 3 tháng 2 năm 2020\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ LÀM VIỆC CỦA\nỦY BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n"
    ))
    assert (letter.header.authority, letter.header.subject) == (
        None, "BAN HÀNH QUY CHẾ LÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH")
    assert letter.tier is Tier.PROVINCE


@pytest.mark.parametrize(("title", "kept"), [
    ("Quyết định số 1961/2019/QĐ-UBND tỉnh Kiên Giang", False),  # the portal adds the year: the letter itself
    ("Quyết định số 1961/QĐ-UBND tỉnh Kiên Giang", False),
    ("Quyết định số 1961/2018/QĐ-UBND tỉnh Kiên Giang", True),  # same number, another year: another decision
])
def test_the_letter_never_cites_itself(tmp_path, title, kept):
    letter = parse_text(tmp_path, (
        f"{title}\n\nỦY BAN NHÂN DÂN\nTỈNH KIÊN GIANG\nSố: 1961/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Kiên Giang, ngày 28 tháng 8 năm 2019\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ PHỐI HỢP\n"
        "Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Quy chế.\n"
    ))
    assert letter.header.symbol == "1961/QĐ-UBND"
    assert ("1961/2018/QĐ-UBND" in roles(letter)) is kept
    assert "61/2018/NĐ-CP" in roles(letter)


@pytest.mark.parametrize("closing", [
    "Với nội dung trên, HĐND huyện thông báo để các đơn vị, nhân dân biết và thực hiện./.",
    "HĐND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.",
])
def test_a_notice_closes_with_its_formula(tmp_path, closing):
    """The notice's closing formula is no part of its last item, and its speaker places the notice."""
    letter = parse_text(tmp_path, (
        "Thông báo lịch tiếp công dân\n\nLịch tiếp công dân như sau:\n"
        "1. Thời gian: ngày 20 hằng tháng.\n2. Địa điểm: Phòng Tiếp công dân.\n" + closing + "\n"
    ))
    assert [p.text for p in letter.closing] == [closing]
    assert closing not in " ".join(it.text for it in letter.walk_items())
    assert letter.tier is Tier.DISTRICT


@pytest.mark.parametrize(("place", "tier"), [
    ("Kiên Giang", Tier.PROVINCE),  # only a province bears the name
    ("Kim Động", Tier.DISTRICT),
    ("Ninh Bình", Tier.UNKNOWN),  # a province and its seat city: the place line says nothing
])
def test_place_line_under_a_bare_committee(tmp_path, place, tier):
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        f"Số: 335/KH-UBND | {place}, ngày 10 tháng 02 năm 2023 |\n"
        "KẾ HOẠCH\nTuyển sinh vào lớp 6 năm học 2023-2024\n"
        "1. Mục đích.\n2. Yêu cầu.\n"
    ))
    assert (letter.header.issuer, letter.header.place) == ("ỦY BAN NHÂN DÂN", place)
    assert letter.tier is tier


def test_the_page_says_which_letter_it_posts(tmp_path):
    letter = parse_text(tmp_path, (
        "CÔNG TÁC ĐẢNG\n\nHướng dẫn tuyên truyền các ngày lễ lớn trong năm 2019\n"
        "Ngày đăng 07/01/2019 | 14:09  | View count: 695\n\n"
        "Thực hiện Hướng dẫn số 70- HD/BTGTU ngày 14/12/2018 của Ban Tuyên giáo Thành uỷ về việc tuyên truyền,\n\n"
        "Ban Tuyên giáo Quận ủy ban hành Hướng dẫn công tác tuyên truyền trong năm 2019.\n\n"
        "Phòng Văn hóa và Thông tin đăng tải Hướng dẫn số 35-HD/BTG ngày 25/12/2018 của Ban Tuyên giáo Quận ủy. "
        "Xem nội dung Hướng dẫn tại đây.\n"
    ))
    h = letter.header
    assert (h.symbol, h.date, h.issuer, h.identity_from) == (
        "35-HD/BTG", dt.date(2018, 12, 25), "Ban Tuyên giáo Quận ủy", IdentitySource.POSTING)
    assert roles(letter) == {"70-HD/BTGTU": "implements"}
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)
    assert not any("issuer code" in w.message for w in letter.warnings)  # BTG is a board any tier has


def test_a_summary_that_carries_out_the_letter_it_reports(tmp_path):
    """The lead reports the city board's letter; the district board then carries out that board's instruction:
    the reported letter is the source, not the page's own letter."""
    letter = parse_text(tmp_path, (
        "Thông tin tuyên truyền\n\nHưởng ứng Giải báo chí lần thứ XV, năm 2021-2022\n21/07/2021 | 09:58\n\n"
        "Ngày 16/7/2021, Ban Tuyên giáo Thành ủy Hà Nội đã ban hành Công văn số 451-CV/BTGTU về hưởng ứng Giải "
        "báo chí lần thứ XV. Giải do Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam tổ chức.\n\n"
        "Thực hiện chỉ đạo của Ban Tuyên giáo Thành ủy, Thường trực Quận ủy, Ban Tuyên giáo Quận ủy đề nghị các "
        "tổ chức cơ sở đảng triển khai hưởng ứng và tuyên truyền Giải báo chí.\n"
    ))
    assert (letter.header.symbol, letter.header.identity_from) == (None, None)
    (c,) = letter.citations
    assert (c.symbol, c.role.value, c.date) == ("451-CV/BTGTU", "implements", dt.date(2021, 7, 16))
    assert (letter.tier, letter.system) == (Tier.DISTRICT, System.PARTY)


def test_a_basis_stated_as_an_item(tmp_path):
    """A plan's bases listed as items: one that opens "Căn cứ" is carried out; others only named."""
    letter = parse_text(tmp_path, (
        "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 335/KH-UBND\nPhú Thọ, ngày 10 tháng 02 năm 2023\nKẾ HOẠCH\n"
        "Tuyển sinh vào lớp 6 năm học 2023-2024\n"
        "1. Quy chế tuyển sinh ban hành kèm theo Thông tư số 11/2014/TT-BGDĐT ngày 18/4/2014 của Bộ GD&ĐT;\n"
        "2. Căn cứ Quyết định số 932/QĐ-UBND ngày 22/4/2016 của UBND tỉnh Phú Thọ về việc quy định cụ thể "
        "hóa Điều 18 của Thông tư số 01/2016/TT-BGDĐT ngày 15/01/2016;\n"
        "3. Tình hình thực tế của địa phương.\n"
    ))
    assert roles(letter) == {"11/2014/TT-BGDĐT": "mentions", "932/QĐ-UBND": "implements",
                             "01/2016/TT-BGDĐT": "mentions"}


def _item_ids(letter) -> list[str]:
    return [it.id for it in letter.walk_items()]


@given(points=st.integers(1, 8), mark=st.sampled_from(["- ", "* ", "+ "]))
@settings(max_examples=20, deadline=None)
def test_markdown_list_marks_before_points(tmp_path_factory, points, mark):
    """A Markdown conversion writes a decree's points as list entries ("- a) …"): the same items as without."""
    letters = "abcdđeghik"[:points]
    text = ("CHÍNH PHỦ\nNGHỊ ĐỊNH\nVề công tác văn thư\nChương I\nQUY ĐỊNH CHUNG\nĐiều 4. Nguyên tắc\n"
            "1. Nguyên tắc, yêu cầu quản lý như sau:\n{}2. Văn bản phải được theo dõi.\n")
    plain = text.format("".join(f"{x}) Văn bản thứ {x} phải được đăng ký.\n" for x in letters))
    marked = text.format("".join(f"{mark}{x}) Văn bản thứ {x} phải được đăng ký.\n" for x in letters))
    tmp = tmp_path_factory.mktemp("md")
    want = _item_ids(parse_text(tmp, plain, "plain.txt"))
    assert _item_ids(parse_text(tmp, marked, "marked.txt")) == want
    assert f"Điều 4.1.{letters[-1]}" in want


def test_a_section_numeral_alone_on_its_line(tmp_path):
    letter = parse_text(tmp_path, (
        "CHÍNH PHỦ\nNGHỊ QUYẾT\nVề một số chính sách hỗ trợ\nCăn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
        "QUYẾT NGHỊ:\nI.\nMỤC TIÊU, NGUYÊN TẮC\n1. Mục tiêu\nHỗ trợ người lao động.\n2. Nguyên tắc\nBảo đảm kịp thời.\n"
        "II.\nCÁC CHÍNH SÁCH\n1. Giảm mức đóng bảo hiểm.\n"
    ))
    tops = [(it.id, it.text) for it in letter.items]
    assert tops == [("I", "MỤC TIÊU, NGUYÊN TẮC"), ("II", "CÁC CHÍNH SÁCH")]
    assert _item_ids(letter) == ["I", "I.1", "I.2", "II", "II.1"]


def test_number_line_split_by_a_pdf_text_layer(tmp_path):
    """A two-column header read column by column: "Số:" on one line, its symbol (number blank, a draft) lines
    below under the national title; the draft's mark is no issuer."""
    letter = parse_text(tmp_path, (
        "Tải bản đầy đủ (.doc) (7 trang)\n\nVĂN PHÒNG CHÍNH PHỦ\nSố:\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\n/TTr-VPCP\n\nHà Nội, ngày\n\ntháng\n\nnăm 2016\n\nDỰ THẢO\n\nTỜ TRÌNH\n"
        "Về dự thảo Nghị định ban hành Quy chế làm việc của Chính phủ\nKính gửi: Chính phủ\n"
        "Thực hiện Nghị quyết số 01/NQ-CP ngày 07 tháng 01 năm 2016 của Chính phủ, Văn phòng Chính phủ trình:\n"
        "I. SỰ CẦN THIẾT\nQuy chế hiện hành cần sửa đổi.\n"
    ))
    h = letter.header
    assert (h.issuer, h.symbol, h.number, h.doc_type) == ("VĂN PHÒNG CHÍNH PHỦ", "/TTr-VPCP", None, "TTr")
    assert WarningCode.BLANK_NUMBER in codes(letter)
    assert roles(letter) == {"01/NQ-CP": "implements"}
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


# --- numbered references without a type code, or without "số" -------------------------------------------

@pytest.mark.parametrize(
    ("text", "symbols"),
    [
        ("Căn cứ Công văn 285/CCTTHC ngày 08 tháng 9 năm 2009 của Tổ công tác chuyên trách;", ["285/CCTTHC"]),
        ("UBND tỉnh vừa ban hành Công văn 5582/UBND-KGVX về phối hợp tuyên truyền.", ["5582/UBND-KGVX"]),
        ("Căn cứ Luật Tổ chức Quốc hội số 57/2014/QH13; Luật Tổ chức chính quyền địa phương số 77/2015/QH13;",
         ["57/2014/QH13", "77/2015/QH13"]),
        ("Pháp lệnh số 02/2011/UBTVQH12 quy định", ["02/2011/UBTVQH12"]),
        ("xem trang 45/UBND của tập hồ sơ", []),
        ("tỷ lệ 12/KTX trong tổng số", []),
    ],
)
def test_symbols_with_one_code_group(text, symbols):
    assert [c.symbol for c in find_citations(text) if c.symbol] == symbols


@pytest.mark.parametrize(("kind", "symbol"), [("Nghị quyết", "653/2019/UBTVQH14"), ("Luật", "57/2014/QH13")])
def test_an_act_of_the_national_assembly_names_its_kind_on_the_number_line(tmp_path, kind, symbol):
    letter = parse_text(tmp_path, (
        "ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"{kind} số: {symbol}\nHà Nội, ngày 12 tháng 3 năm 2019\n{kind.upper()}\n"
        "VỀ VIỆC SẮP XẾP CÁC ĐƠN VỊ HÀNH CHÍNH\n"
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQUYẾT NGHỊ:\nĐiều 1. Phạm vi điều chỉnh\n"
    ))
    assert (letter.header.symbol, letter.header.date) == (symbol, dt.date(2019, 3, 12))
    assert symbol not in roles(letter)
    assert letter.tier is Tier.CENTRAL


# --- a newspaper's lead: its dateline, and a signer acting for the body ---------------------------------

_TAGS = st.one_of(
    st.text(alphabet="ABCDĐGHKLMNOQTVY ", min_size=2, max_size=10).map(lambda t: f"({t.strip() or 'TTXVN'})"),
    st.text(alphabet="ABCDĐGHKLMNOTV", min_size=2, max_size=6).map(lambda t: t + ".VN"),
)


@given(tag=_TAGS, gap=st.sampled_from([" - ", "- ", " – ", " -"]), number=st.integers(1, 9999),
       body=st.sampled_from(["Bộ Y tế", "Văn phòng Chính phủ", "UBND tỉnh Gia Lai"]))
@settings(max_examples=25, deadline=None)
def test_a_news_lead_after_its_dateline_names_the_letter(tmp_path_factory, tag, gap, number, body):
    code = {"Bộ Y tế": "BYT-DP", "Văn phòng Chính phủ": "VPCP-KTTH", "UBND tỉnh Gia Lai": "UBND-KGVX"}[body]
    letter = parse_text(tmp_path_factory.mktemp("lead"), (
        "Tăng cường phòng, chống dịch dịp nghỉ lễ\n"
        f"{tag}{gap}Ngày 28/4/2021, {body} vừa có Công văn số {number}/{code} gửi các địa phương về việc tăng "
        "cường phòng, chống dịch.\n"
    ))
    assert (letter.header.symbol, letter.header.issuer) == (f"{number}/{code}", body)
    assert letter.header.date == dt.date(2021, 4, 28)
    assert letter.tier is (Tier.PROVINCE if "tỉnh" in body else Tier.CENTRAL)


@pytest.mark.parametrize(("principal", "signer", "issuer", "tier", "system"), [
    ("thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang", "Phó Chánh Văn phòng UBND tỉnh Nguyễn Thanh",
     "UBND tỉnh Tuyên Quang", Tier.PROVINCE, System.STATE),
    ("thay mặt Ban Thường vụ Huyện ủy", "Phó Bí thư Thường trực Huyện ủy Lê Văn A", "Ban Thường vụ Huyện ủy",
     Tier.DISTRICT, System.PARTY),
])
def test_a_signer_acting_for_the_body(tmp_path, principal, signer, issuer, tier, system):
    symbol = "3653/UBND-TNMT" if system is System.STATE else "215-CV/HU"
    letter = parse_text(tmp_path, (
        f"Ngày 23/11/2018, {principal}, {signer} đã ký ban hành văn bản số {symbol}, V/v đề xuất của Sở. "
        "Toàn văn như sau:\n"
    ))
    assert (letter.header.symbol, letter.header.issuer, letter.header.date) == (symbol, issuer, dt.date(2018, 11, 23))
    assert (letter.tier, letter.system) == (tier, system)


_NATIONAL_WORDS = ["CỘNG", "HÒA", "XÃ", "HỘI", "CHỦ", "NGHĨA", "VIỆT", "NAM"]


@given(cut=st.integers(1, len(_NATIONAL_WORDS) - 1), bar=st.sampled_from(["|\n", "", "| "]))
@settings(max_examples=20, deadline=None)
def test_a_national_title_wrapped_in_its_cell_is_never_the_issuer(tmp_path_factory, cut, bar):
    """A flattened table whose cell wrapped the national title over two lines, with no rule under the issuer."""
    first, second = " ".join(_NATIONAL_WORDS[:cut]), " ".join(_NATIONAL_WORDS[cut:])
    letter = parse_text(tmp_path_factory.mktemp("wrap"), (
        f"ỦY BAN NHÂN DÂN\nXÃ XUÂN PHÚ\n|\n{bar}{first}\n{second}\nĐộc lập -\nTự do - Hạnh phúc\n|\n"
        "QUY CHẾ LÀM VIỆC\nCỦA ỦY BAN NHÂN DÂN XÃ XUÂN PHÚ\nChương I\nNHỮNG QUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\n1. Quy chế này quy định về nguyên tắc làm việc.\n"
    ))
    named = f"{letter.header.parent_issuer or ''} {letter.header.issuer}"
    assert "XÃ XUÂN PHÚ" in named and "CHỦ NGHĨA" not in named and "CỘNG" not in named
    assert (letter.tier, letter.system) == (Tier.COMMUNE, System.STATE)


# --- half C's classes: a qualifier before the number, a coordinating body, an office holder by name, a teaser ---

@pytest.mark.parametrize("qualifier", ["(dự thảo)", "(sửa đổi)", "(bổ sung)"])
@pytest.mark.parametrize(("kind", "symbol"), [("Nghị quyết", "113/HĐBT"), ("Quyết định", "12/QĐ-UBND"),
                                              ("Luật", "57/2014/QH13")])
def test_a_status_in_brackets_between_kind_and_number(kind, symbol, qualifier):
    text = f"Để thi hành thống nhất {kind} {qualifier} số {symbol} ngày 15-7-1987 của Hội đồng Bộ trưởng, Bộ hướng dẫn"
    found = [c for c in find_citations(text) if c.symbol]
    assert [c.symbol for c in found] == [symbol]
    assert found[0].date == dt.date(1987, 7, 15)


@pytest.mark.parametrize(("body", "tier"), [
    ("Phòng Văn hóa và Thông tin huyện", Tier.DISTRICT),
    ("Sở Y tế", Tier.PROVINCE),
    ("UBND xã Tịnh Hà", Tier.COMMUNE),
])
def test_a_body_that_coordinates_speaks(tmp_path, body, tier):
    letter = parse_text(tmp_path, (
        "Tuyên truyền lưu động phòng chống dịch\n"
        f"Thực hiện chỉ đạo của cấp trên, {body} phối hợp với Trung tâm Văn hóa tỉnh tổ chức đợt tuyên truyền "
        "lưu động phòng chống dịch Covid-19.\n"
    ))
    assert (letter.tier, letter.system) == (tier, System.STATE)


_GIVEN = st.sampled_from(["Thị Hương", "Văn Sơn", "Minh Cảnh", "Thanh", "Ngọc Kim Ngân"])
_FAMILY = st.sampled_from(["Lê", "Nguyễn", "Trần", "Hà", "Phạm"])


@given(office=st.sampled_from(["Giám đốc", "Phó Giám đốc"]), family=_FAMILY, given_name=_GIVEN,
       when=st.sampled_from(["Chiều nay 8/10/2020", "Sáng ngày 8/10/2020", "Ngày 8/10/2020", "Tối 8/10/2020"]),
       body=st.sampled_from(["Sở Giáo dục và Đào tạo", "UBND tỉnh Hà Giang", "UBND huyện Sơn Tịnh"]))
@settings(max_examples=25, deadline=None)
def test_an_office_holder_named_in_a_lead_speaks_for_the_body(tmp_path_factory, office, family, given_name,
                                                              when, body):
    office = "Chủ tịch" if body.startswith("UBND") else office
    letter = parse_text(tmp_path_factory.mktemp("holder"), (
        "(09/10/2020)\n"
        f"(QTO) - {when}, {office} {body} {family} {given_name} đã ký văn bản hỏa tốc đề nghị các đơn vị "
        "tiếp tục cho học sinh nghỉ học đến ngày 10/10/2020.\n"
    ))
    assert letter.header.issuer == body
    assert letter.tier is (Tier.DISTRICT if "huyện" in body else Tier.PROVINCE)
    assert letter.system is System.STATE


def test_a_teaser_and_an_image_above_the_lead_do_not_hide_it(tmp_path):
    teaser = ("Theo đó, UBND thành phố Hà Nội đề nghị các cơ quan, đơn vị và nhân dân trên địa bàn thành phố treo "
              "cờ Tổ quốc từ ngày 30/8/2021 đến hết ngày 2/9/2021.")
    letter = parse_text(tmp_path, (
        "Thành phố Hà Nội thông báo treo cờ Tổ quốc\n\nÁnh Minh|18/08/2022 19:00\n\n"
        f"{teaser}\n\nhn.jpg\nHà Nội thông báo về việc treo cờ Tổ quốc chào mừng Quốc khánh 2/9.\n\n"
        "UBND thành phố Hà Nội đã ban hành Thông báo số 71/TB-UBND về việc treo cờ Tổ quốc chào mừng Quốc khánh.\n\n"
        f"{teaser}\n"
    ))
    assert (letter.header.symbol, letter.header.issuer) == ("71/TB-UBND", "UBND thành phố Hà Nội")
    assert letter.form is LetterForm.PORTAL_SUMMARY
    kept = {f.text for f in letter.furniture}
    assert {"hn.jpg", "Hà Nội thông báo về việc treo cờ Tổ quốc chào mừng Quốc khánh 2/9."} <= kept


@pytest.mark.parametrize(("written", "symbol"), [
    ("Nghị quyết Liên tịch số 19/2008/NQLT/CP-UBTUMTTQVN", "19/2008/NQLT/CP-UBTUMTTQVN"),
    ("Thông tư liên tịch số 02/2011/TTLT/VPCP-BNV", "02/2011/TTLT/VPCP-BNV"),
    ("Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV", "02/2011/TTLT-VPCP-BNV"),
])
def test_a_joint_act_with_its_type_before_a_second_slash(written, symbol):
    found = [c for c in find_citations(f"Căn cứ {written} ngày 22/8/2008 của Chính phủ và Ủy ban;") if c.symbol]
    assert [(c.symbol, c.date) for c in found] == [(symbol, dt.date(2008, 8, 22))]


@pytest.mark.parametrize("cited_by", ["của Thủ tướng Chính phủ", "do Bộ Y tế"])
def test_the_issuer_of_a_cited_document_is_not_the_body_that_speaks(tmp_path, cited_by):
    letter = parse_text(tmp_path, (
        f"Thực hiện Quyết định số 1896/QĐ-TTg ngày 25/12/2019 {cited_by} ban hành Chương trình chăm sóc dinh "
        "dưỡng, UBND tỉnh xây dựng Kế hoạch như sau:\n1. Mục tiêu chung.\n"
    ))
    assert letter.tier is Tier.PROVINCE


@given(headlines=st.lists(st.sampled_from([
    "Chỉ thị của Ban Bí thư về việc tổ chức Tết Ất Tỵ năm 2025",
    "Đoàn khảo sát của Ban Chỉ đạo Tổng kết Nghị quyết số 23-NQ/TW của Ban Chấp hành Trung ương Đảng khóa IX "
    "làm việc với Đảng đoàn MTTQ Việt Nam ngày 1/12/2022",
    "Kết luận số 21-KL/TW về tiếp tục đẩy mạnh xây dựng, chỉnh đốn Đảng",
]), min_size=1, max_size=3, unique=True))
@settings(max_examples=15, deadline=None)
def test_related_headlines_under_the_lead_are_not_the_letters_citations(tmp_path_factory, headlines):
    letter = parse_text(tmp_path_factory.mktemp("related"), (
        "Quy định số 97-QĐ/TW của Bộ Chính trị về Đảng đoàn MTTQ Việt Nam\n\n"
        "(Mặt trận) - Tại Quy định số 97-QĐ/TW ngày 7/2/2023 của Bộ Chính trị về chức năng, nhiệm vụ của Đảng đoàn, "
        "so với Quy định số 172-QĐ/TW có nhiều điểm mới.\n\n" + "\n\n".join(headlines) + "\n\n"
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n-------\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố: 97-QĐ/TW\n"
        "Hà Nội, ngày 7 tháng 2 năm 2023\nQUY ĐỊNH\nvề chức năng, nhiệm vụ của Đảng đoàn\n"
        "Căn cứ Điều lệ Đảng và Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương;\n"
        "Điều 1. Vị trí, chức năng.\n"
    ))
    assert set(roles(letter)) == {"172-QĐ/TW", "24-QĐ/TW"}
    assert {h for h in headlines} <= {f.text for f in letter.furniture}
