"""Long and legal documents built in code: a decree with Chương / Mục / Điều / khoản / điểm, a plan in steps,
a decision that issues a plan "ban hành kèm theo", a resolution whose sections hold `1.` items and lettered
tasks, and the PDF / Markdown noise around them. Asserted: the item tree, its ids (../shared/eval/README.md,
"Long and legal documents"), the parts, and that the linker sees every part."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cascade.linking import link_letters
from cascade.units import letter_units
from models import Item, ItemKind, Letter, PartKind, RawBlock, RawDocument, Source
from parsers import parse_letter
from parsers.normalise import clean_text
from parsers.segment import segment_letter

SOURCE = Source(path="x.txt", format="txt", sha256="0", size_bytes=0)


def parse(tmp_path: Path, lines: list[str], name: str = "doc.txt") -> Letter:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return parse_letter(path)


def tree(items: list[Item]) -> list:
    """(id, kind, children) of every item, for comparing whole trees."""
    return [(it.id, it.kind.value, tree(it.items)) if it.items else (it.id, it.kind.value) for it in items]


def ids(letter: Letter) -> list[str]:
    return [it.id for it in letter.walk_items()]


STATE_HEADER = [
    "CHÍNH PHỦ",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 15/2025/NĐ-CP",
    "Hà Nội, ngày 10 tháng 3 năm 2025",
    "NGHỊ ĐỊNH",
    "Quy định chi tiết một số điều của Luật Thanh niên",
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
    "Chính phủ ban hành Nghị định quy định chi tiết một số điều của Luật Thanh niên.",
]
STATE_FOOTER = ["Nơi nhận:", "- Các bộ, cơ quan ngang bộ;", "- Lưu: VT.", "TM. CHÍNH PHỦ", "THỦ TƯỚNG",
                "Nguyễn Văn An"]


def test_decree_with_chapters_sections_articles_clauses_points(tmp_path):
    letter = parse(tmp_path, [
        *STATE_HEADER,
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Nghị định này quy định chi tiết về chính sách đối với thanh niên.",
        "Điều 2. Đối tượng áp dụng",
        "1. Thanh niên Việt Nam.",
        "2. Cơ quan, tổ chức có liên quan.",
        "Chương II",
        "CHÍNH SÁCH ĐỐI VỚI THANH NIÊN",
        "Mục 1. CHÍNH SÁCH VỀ HỌC TẬP",
        "Điều 3. Hỗ trợ học tập",
        "1. Thanh niên được hỗ trợ học phí khi:",
        "a) Thuộc hộ nghèo;",
        "b) Có hoàn cảnh khó khăn.",
        "2. Mức hỗ trợ do Bộ Tài chính quy định.",
        "Mục 2. CHÍNH SÁCH VỀ VIỆC LÀM",
        "Điều 4. Hỗ trợ việc làm",
        "a) Tư vấn nghề nghiệp;",
        "b) Giới thiệu việc làm.",
        "Chương III",
        "ĐIỀU KHOẢN THI HÀNH",
        "Điều 5. Hiệu lực thi hành",
        "Nghị định này có hiệu lực từ ngày ký.",
        *STATE_FOOTER,
    ])
    assert tree(letter.items) == [
        ("Chương I", "chapter", [("Điều 1", "article"),
                                 ("Điều 2", "article", [("Điều 2.1", "clause"), ("Điều 2.2", "clause")])]),
        ("Chương II", "chapter", [
            ("Mục 1", "section", [("Điều 3", "article", [
                ("Điều 3.1", "clause", [("Điều 3.1.a", "point"), ("Điều 3.1.b", "point")]),
                ("Điều 3.2", "clause")])]),
            ("Mục 2", "section", [("Điều 4", "article", [("Điều 4.a", "point"), ("Điều 4.b", "point")])]),
        ]),
        ("Chương III", "chapter", [("Điều 5", "article")]),
    ]
    by_id = {it.id: it for it in letter.walk_items()}
    assert by_id["Chương II"].text == "CHÍNH SÁCH ĐỐI VỚI THANH NIÊN"  # the title on the line after "Chương II"
    assert by_id["Chương II"].heading and by_id["Mục 1"].heading
    assert by_id["Điều 3"].text == "Hỗ trợ học tập" and by_id["Điều 3"].label == "Điều 3."
    assert [b.text for b in by_id["Điều 1"].blocks] == [
        "Nghị định này quy định chi tiết về chính sách đối với thanh niên."]
    assert letter.signature is not None and letter.signature.signer == "Nguyễn Văn An"
    assert not [w for w in letter.warnings if w.code == "duplicate-item-id"]


def test_chapter_never_nests_under_an_article(tmp_path):
    """The first Chương unrecognised (a damaged line), the next one still closes the open Điều."""
    letter = parse(tmp_path, [
        *STATE_HEADER,
        "Điều 1. Phạm vi",
        "1. Khoản một.",
        "2. Khoản hai.",
        "Chương II. TỔ CHỨC THỰC HIỆN",
        "Điều 2. Trách nhiệm",
        "1. Các bộ thực hiện.",
        *STATE_FOOTER,
    ])
    assert tree(letter.items) == [
        ("Điều 1", "article", [("Điều 1.1", "clause"), ("Điều 1.2", "clause")]),
        ("Chương II", "chapter", [("Điều 2", "article", [("Điều 2.1", "clause")])]),
    ]


def test_containers_enter_the_ids_when_the_numbering_restarts_under_each(tmp_path):
    letter = parse(tmp_path, [
        "TÀI LIỆU SINH HOẠT CHUYÊN ĐỀ",
        "Phần thứ nhất",
        "TƯ TƯỞNG HỒ CHÍ MINH VỀ ĐẠO ĐỨC",
        "1. Những quan điểm cơ bản.",
        "2. Tấm gương đạo đức.",
        "Phần thứ hai",
        "THANH NIÊN HỌC TẬP VÀ LÀM THEO",
        "1. Xác định nội dung tu dưỡng.",
        "2. Gắn với thực tiễn.",
    ])
    assert ids(letter) == ["Phần thứ nhất", "Phần thứ nhất.1", "Phần thứ nhất.2",
                           "Phần thứ hai", "Phần thứ hai.1", "Phần thứ hai.2"]
    assert [it.kind for it in letter.items] == [ItemKind.PART, ItemKind.PART]


PARTY_HEADER = [
    "TỈNH ỦY BÌNH PHƯỚC",
    "BAN TUYÊN GIÁO",
    "*",
    "Số 30-HD/BTGTU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Bình Phước, ngày 5 tháng 6 năm 2024",
    "HƯỚNG DẪN",
    "tổ chức đại hội chi đoàn",
]


def test_plan_in_steps(tmp_path):
    letter = parse(tmp_path, [
        *PARTY_HEADER,
        "BƯỚC MỘT: CÔNG TÁC CHUẨN BỊ",
        "A. CHUẨN BỊ NỘI DUNG",
        "I. BÁO CÁO CHÍNH TRỊ",
        "1. Đánh giá kết quả nhiệm kỳ.",
        "2. Phương hướng nhiệm kỳ tới.",
        "B. CHUẨN BỊ NHÂN SỰ",
        "I. CƠ CẤU",
        "1. Số lượng ủy viên.",
        "BƯỚC HAI: TỔ CHỨC ĐẠI HỘI",
        "A. PHIÊN THỨ NHẤT",
        "I. KHAI MẠC",
        "1. Chào cờ.",
        "BƯỚC BA: SAU ĐẠI HỘI",
        "A. HOÀN THIỆN HỒ SƠ",
        "B. BÁO CÁO KẾT QUẢ",
        "I. BÁO CÁO CẤP TRÊN",
        "II. LƯU TRỮ",
        "1. Biên bản.",
        "2. Nghị quyết.",
        "3. Danh sách.",
        "4. Phiếu bầu cử được niêm phong.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ TRƯỞNG BAN",
        "Nguyễn Văn Bình",
    ])
    got = ids(letter)
    assert got[:5] == ["BƯỚC MỘT", "BƯỚC MỘT.A", "BƯỚC MỘT.A.I", "BƯỚC MỘT.A.I.1", "BƯỚC MỘT.A.I.2"]
    assert "BƯỚC BA.B.II.4" in got  # item 4. under II. under B. under the heading "BƯỚC BA: …"
    assert len(got) == len(set(got))
    step = letter.items[2]
    assert (step.id, step.kind, step.label, step.text) == ("BƯỚC BA", ItemKind.STEP, "BƯỚC BA:", "SAU ĐẠI HỘI")
    assert [it.id for it in letter.items] == ["BƯỚC MỘT", "BƯỚC HAI", "BƯỚC BA"]


DECISION = [
    "BAN CHẤP HÀNH TRUNG ƯƠNG",
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "Số: 120-QĐ/TWĐTN",
    "ĐOÀN TNCS HỒ CHÍ MINH",
    "Hà Nội, ngày 3 tháng 3 năm 2025",
    "QUYẾT ĐỊNH",
    "Ban hành Kế hoạch tổ chức Tháng Thanh niên năm 2025",
    "Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Tháng Thanh niên năm 2025.",
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký.",
    "Điều 3. Các ban, đơn vị chịu trách nhiệm thi hành Quyết định này.",
    "Nơi nhận:",
    "- Như Điều 3;",
    "- Lưu VP.",
    "TM. BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN",
    "BÍ THƯ",
    "Nguyễn Văn Cường",
]
ANNEXED_PLAN = [
    "KẾ HOẠCH",
    "Tổ chức Tháng Thanh niên năm 2025",
    "(Ban hành kèm theo Quyết định số 120-QĐ/TWĐTN ngày 03/3/2025",
    "của Ban Bí thư Trung ương Đoàn)",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Phát huy vai trò xung kích của đoàn viên, thanh niên trong phát triển kinh tế - xã hội.",
    "2. Các hoạt động thiết thực, hiệu quả, tránh hình thức.",
    "II. NỘI DUNG",
    "1. Tổ chức các hoạt động tình nguyện",
    "a) Ra quân đồng loạt trong toàn quốc vào ngày 2 tháng 3.",
    "b) Xây dựng công trình thanh niên tại các địa bàn khó khăn.",
    "2. Tuyên truyền trên mạng xã hội về Tháng Thanh niên.",
    "III. TỔ CHỨC THỰC HIỆN",
    "1. Các tỉnh, thành đoàn xây dựng kế hoạch cụ thể.",
    "2. Báo cáo kết quả trước ngày 31 tháng 3.",
]


def test_decision_with_an_annexed_plan(tmp_path):
    letter = parse(tmp_path, DECISION + ANNEXED_PLAN)
    assert [(p.index, p.kind, p.label, p.id_prefix) for p in letter.parts] == [
        (0, PartKind.DOCUMENT, "QUYẾT ĐỊNH", None), (1, PartKind.ATTACHMENT, "KẾ HOẠCH", None)]
    assert ids(letter) == ["Điều 1", "Điều 2", "Điều 3", "I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b",
                           "II.2", "III", "III.1", "III.2"]  # the plan's items from its own root
    assert [it.part for it in letter.items] == [0, 0, 0, 1, 1, 1]
    assert all(sub.part == 1 for it in letter.part_items(1) for sub in it.items)
    plan = letter.parts[1]
    assert plan.issued_with is not None and plan.issued_with.startswith("Ban hành kèm theo Quyết định số 120")
    assert plan.header is not None and plan.header.subject is not None
    assert "Tháng Thanh niên" in plan.header.subject
    assert letter.signature is not None and letter.signature.signer == "Nguyễn Văn Cường"  # the decision's
    assert [r.text for r in letter.cc] == ["Như Điều 3;", "Lưu VP."]
    units = letter_units(letter)
    assert {u.part for u in units} == {0, 1}
    assert next(u for u in units if u.id == "II.1.a").part == 1


def test_plan_after_a_decision_with_no_footer_and_no_issuing_line(tmp_path):
    """A transcription that kept neither the decision's signature nor the "(Ban hành kèm theo …)" line: the
    title "KẾ HOẠCH" alone on its line still opens the plan; the decision's own "QUYẾT ĐỊNH" does not."""
    decision = [line for line in DECISION[:12] if line != "QUYẾT ĐỊNH:"]
    decision.insert(decision.index("Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;") + 1, "QUYẾT ĐỊNH")
    letter = parse(tmp_path, [*decision, ANNEXED_PLAN[0], ANNEXED_PLAN[1], *ANNEXED_PLAN[4:]])
    assert [p.label for p in letter.parts] == ["QUYẾT ĐỊNH", "KẾ HOẠCH"]
    assert [it.id for it in letter.items] == ["Điều 1", "Điều 2", "Điều 3", "I", "II", "III"]


def test_attached_rules_keep_their_article_ids_and_the_decision_is_prefixed(tmp_path):
    """A Quyết định (Điều 1–3) issuing a Quy chế (Điều 1–4): the Quy chế, the part with most items, keeps
    `Điều 1` …; the decision's colliding articles take its title as a prefix."""
    rules = [
        "QUY CHẾ",
        "Thi đua, khen thưởng",
        "(Ban hành kèm theo Quyết định số 120-QĐ/TWĐTN ngày 03/3/2025)",
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "Điều 2. Nguyên tắc",
        "1. Chính xác, công khai.",
        "2. Kịp thời.",
        "Chương II",
        "HÌNH THỨC KHEN THƯỞNG",
        "Điều 3. Bằng khen",
        "Điều 4. Giấy khen",
    ]
    letter = parse(tmp_path, DECISION + rules)
    assert [(p.label, p.id_prefix) for p in letter.parts] == [("QUYẾT ĐỊNH", "QUYẾT ĐỊNH"), ("QUY CHẾ", None)]
    assert ids(letter) == ["QUYẾT ĐỊNH.Điều 1", "QUYẾT ĐỊNH.Điều 2", "QUYẾT ĐỊNH.Điều 3",
                           "Chương I", "Điều 1", "Điều 2", "Điều 2.1", "Điều 2.2", "Chương II", "Điều 3", "Điều 4"]


def test_two_annexes_numbered_alike_are_kept_apart(tmp_path):
    plan = [*PARTY_HEADER[:6], "KẾ HOẠCH", "tuyên truyền kỷ niệm ngày thành lập Đoàn",
            "I. MỤC ĐÍCH", "1. Giáo dục truyền thống.", "2. Lan tỏa điển hình.", "II. NỘI DUNG",
            "1. Tuyên truyền trên báo chí.", "2. Tổ chức hội thi.", "3. Tổ chức triển lãm.",
            "T/M BAN THƯỜNG VỤ", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Bình"]
    annexes = ["PHỤ LỤC 1", "ĐỀ CƯƠNG TUYÊN TRUYỀN", "1. Lịch sử Đoàn.", "2. Thành tựu.",
               "PHỤ LỤC 2", "KHẨU HIỆU TUYÊN TRUYỀN", "1. Tuổi trẻ Việt Nam tiến bước dưới cờ Đảng.",
               "2. Đoàn TNCS Hồ Chí Minh vững mạnh."]
    letter = parse(tmp_path, plan + annexes)
    assert [(p.label, p.id_prefix) for p in letter.parts] == [
        ("KẾ HOẠCH", None), ("PHỤ LỤC 1", "PHỤ LỤC 1"), ("PHỤ LỤC 2", "PHỤ LỤC 2")]
    assert ids(letter)[-4:] == ["PHỤ LỤC 1.1", "PHỤ LỤC 1.2", "PHỤ LỤC 2.1", "PHỤ LỤC 2.2"]
    assert ids(letter)[:3] == ["I", "I.1", "I.2"]


def test_draft_report_sent_after_the_covering_letter_is_its_own_part(tmp_path):
    covering = [*PARTY_HEADER[:6], "V/v xin ý kiến dự thảo báo cáo", "Kính gửi: Các đồng chí Ủy viên Ban Thường vụ.",
                "Ban Tuyên giáo gửi dự thảo báo cáo, đề nghị các đồng chí cho ý kiến trước ngày 10/6/2024.",
                "Nơi nhận:", "- Như trên,", "- Lưu VP.", "K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Bình",
                "---"]
    draft = ["DỰ THẢO BÁO CÁO", "Kết quả công tác tuyên giáo 6 tháng đầu năm 2024",
             "Kính gửi: Ban Tuyên giáo Trung ương", "I. KẾT QUẢ", "1. Công tác tuyên truyền.",
             "2. Công tác giáo dục lý luận.", "II. PHƯƠNG HƯỚNG", "1. Tiếp tục đổi mới."]
    letter = parse(tmp_path, covering + draft)
    assert len(letter.parts) == 2
    assert [r.text for r in letter.recipients] == ["Các đồng chí Ủy viên Ban Thường vụ."]
    assert [r.text for r in letter.parts[1].recipients] == ["Ban Tuyên giáo Trung ương"]
    assert ids(letter) == ["I", "I.1", "I.2", "II", "II.1"]
    assert letter.signature is not None and letter.signature.signer == "Nguyễn Văn Bình"


def test_resolution_with_numbered_items_and_lettered_tasks_from_markdown(tmp_path):
    """A Nghị quyết transcribed from PDF to Markdown: bold marks, escaped dots, "I-" sections, a page
    number and a sentence split by a page break, lettered tasks under `1.`."""
    letter = parse(tmp_path, [
        "**BAN CHẤP HÀNH TRUNG ƯƠNG**",
        "**ĐẢNG CỘNG SẢN VIỆT NAM**",
        "Số 57\\-NQ/TW",
        "*Hà Nội*, *ngày 22 tháng 12 năm 2024*",
        "**NGHỊ QUYẾT**",
        "CỦA BỘ CHÍNH TRỊ",
        "Phát triển khoa học, công nghệ là đột phá quan trọng hàng đầu.",
        "**I- QUAN ĐIỂM CHỈ ĐẠO**",
        "**1\\.** Phát triển khoa học, công nghệ là động lực chính để phát triển lực lượng sản xuất hiện đại,",
        "",
        "2",
        "",
        "hoàn thiện quan hệ sản xuất, đổi mới phương thức quản trị quốc gia.",
        "**2\\.** Tăng cường sự lãnh đạo toàn diện của Đảng.",
        "## II- NHIỆM VỤ, GIẢI PHÁP",
        "### 1\\. Nâng cao nhận thức",
        "a) Quán triệt sâu sắc các quan điểm của Đảng.",
        "b) Có chương trình tuyên truyền hiệu quả.",
        "### 2\\. Hoàn thiện thể chế",
        "a) Sửa đổi, bổ sung các quy định pháp luật.",
    ])
    assert ids(letter) == ["I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b", "II.2", "II.2.a"]
    one = letter.items[0].items[0]
    assert one.text == ("Phát triển khoa học, công nghệ là động lực chính để phát triển lực lượng sản xuất hiện "
                        "đại, hoàn thiện quan hệ sản xuất, đổi mới phương thức quản trị quốc gia.")
    assert one.blocks == []  # the page number is not a paragraph
    assert any(p.raw == "2" for p in letter.unplaced)  # … and it is kept
    assert letter.items[1].text == "NHIỆM VỤ, GIẢI PHÁP" and letter.items[1].heading


def test_heading_over_tasks_numbered_through_the_text(tmp_path):
    letter = parse(tmp_path, [
        *PARTY_HEADER,
        "I. NỘI DUNG VÀ GIẢI PHÁP",
        "1. Công tác tuyên truyền, giáo dục",
        "1. Tổ chức sinh hoạt chính trị trong toàn Đoàn.",
        "2. Tổ chức học tập chuyên đề hằng năm.",
        "2. Các phong trào hành động cách mạng",
        "2.1. Phong trào thanh niên tình nguyện",
        "3. Tổ chức các chiến dịch tình nguyện hè.",
        "4. Xây dựng công trình thanh niên.",
        "2.2. Phong trào tuổi trẻ sáng tạo",
        "5. Tổ chức giải thưởng sáng tạo trẻ.",
        "3. Các chương trình đồng hành",
        "6. Hỗ trợ thanh niên khởi nghiệp.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Các ban Trung ương Đoàn tham mưu.",
    ])
    assert tree(letter.items) == [
        ("I", "item", [
            ("I.1", "item", [("I.1.1", "item"), ("I.1.2", "item")]),
            ("I.2", "item", [("I.2.1", "item", [("I.2.1.3", "item"), ("I.2.1.4", "item")]),
                             ("I.2.2", "item", [("I.2.2.5", "item")])]),
            ("I.3", "item", [("I.3.6", "item")]),
        ]),
        ("II", "item", [("II.1", "item")]),
    ]


def test_dotted_labels_under_a_section_take_its_id(tmp_path):
    letter = parse(tmp_path, [*PARTY_HEADER, "III. NỘI DUNG", "1. Thời gian", "1.1. Từ tháng 3.",
                              "IV. TỔ CHỨC THỰC HIỆN", "1. Trung ương Đoàn", "1.1. Ban Tuyên giáo."])
    assert ids(letter) == ["III", "III.1", "III.1.1", "IV", "IV.1", "IV.1.1"]


def test_unnumbered_upper_case_sections_when_the_numbering_restarts(tmp_path):
    preamble = "Thực hiện Kế hoạch số 12-KH/TU, Ban Tuyên giáo hướng dẫn như sau:"
    letter = parse(tmp_path, [*PARTY_HEADER, preamble, "MỤC ĐÍCH, YÊU CẦU", "1. Tuyên truyền sâu rộng.",
                              "2. Thiết thực.", "NỘI DUNG THỰC HIỆN", "1. Tổ chức hội nghị.", "a) Cấp tỉnh.",
                              "2. Tổ chức hội thi."])
    assert ids(letter) == ["MỤC ĐÍCH, YÊU CẦU", "MỤC ĐÍCH, YÊU CẦU.1", "MỤC ĐÍCH, YÊU CẦU.2", "NỘI DUNG THỰC HIỆN",
                           "NỘI DUNG THỰC HIỆN.1", "NỘI DUNG THỰC HIỆN.1.a", "NỘI DUNG THỰC HIỆN.2"]
    # …and an upper-case line over a list that does not restart stays a paragraph
    plain = parse(tmp_path, [*PARTY_HEADER, preamble, "1. Tuyên truyền", "KHẨU HIỆU HÀNH ĐỘNG", "2. Thi đua."],
                  "b.txt")
    assert ids(plain) == ["1", "2"]


def test_pdf_noise_footnotes_form_feeds_and_dropped_dashes(tmp_path):
    letter = parse(tmp_path, [
        *PARTY_HEADER,
        "I. KẾT QUẢ",
        " Tổ chức 05 hội nghị quán triệt cho cán bộ chủ chốt1.",
        " Triển khai chương trình tuyên truyền trên báo chí.",
        " Tổ chức cuộc thi trực tuyến thu hút đông đảo thanh niên.",
        "1 Kế hoạch số 46-KH/BTGTU ngày 14/4/2024 của Ban Tuyên giáo Tỉnh ủy về",
        "tổ chức hội nghị quán triệt.",
        "\f2",
        "II. PHƯƠNG HƯỚNG",
        "1. Tiếp tục tuyên truyền trên báo chí2.",
        "2 https://thanhnien.vn/bai-viet",
        "3 Gồm các đơn vị:",
        "- Tỉnh đoàn Bình Phước;",
        "\f3",
        "2. Tổng kết vào tháng 12.",
    ])
    assert ids(letter) == ["I", "II", "II.1", "II.2"]
    assert letter.items[1].items[0].blocks == []
    assert [(b.kind.value, b.marker, b.text[:20]) for b in letter.items[0].blocks] == [
        ("bullet", None, "Tổ chức 05 hội nghị "), ("bullet", None, "Triển khai chương tr"),
        ("bullet", None, "Tổ chức cuộc thi trự")]
    assert [f.text for f in letter.footnotes] == [
        "1 Kế hoạch số 46-KH/BTGTU ngày 14/4/2024 của Ban Tuyên giáo Tỉnh ủy về tổ chức hội nghị quán triệt.",
        "2 https://thanhnien.vn/bai-viet", "3 Gồm các đơn vị: - Tỉnh đoàn Bình Phước;"]


def test_endnotes_with_back_links_are_footnotes_not_items(tmp_path):
    letter = parse(tmp_path, [*PARTY_HEADER, "I. KẾT QUẢ", "1. Hội thi thu hút 101.246 thí sinh.",
                              "2. Trao 300 giải thưởng.", "1. Số liệu của Ban Tổ chức. ↑", "2. Tính đến 16/6. ↑"])
    assert ids(letter) == ["I", "I.1", "I.2"]
    assert [f.text for f in letter.footnotes] == ["1. Số liệu của Ban Tổ chức.", "2. Tính đến 16/6."]


def test_link_reaches_the_annexed_plan(tmp_path):
    """A province's plan is usually the annex of its decision: the central plan links into it."""
    central = parse(tmp_path, [*PARTY_HEADER[:6], "KẾ HOẠCH", "Tổ chức Tháng Thanh niên năm 2025",
                               *ANNEXED_PLAN[4:]], "central.txt")
    province = parse(tmp_path, DECISION + ANNEXED_PLAN, "province.txt")
    result = link_letters(central, province)
    linked_children = {link.child for link in result.links}
    assert {"II.1.a", "II.1.b", "III.1"} <= linked_children
    assert all(link.child.split("/")[0] in ids(province) for link in result.links)


# --- properties ---------------------------------------------------------------------------------------

LABELS = ["I. ", "II. ", "III. ", "1. ", "2. ", "3. ", "1.1. ", "1.2. ", "a) ", "b) ", "A. ", "B. ", "Điều 1. ",
          "Điều 2. ", "Chương I", "Chương II", "Mục 1. ", "Phần thứ nhất", "BƯỚC MỘT: ", "BƯỚC HAI: ", "- ", "+ ",
          " ", "", "", "PHỤ LỤC ", "(Ban hành kèm theo Quyết định số 1/QĐ-UBND)", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN",
          "KẾ HOẠCH", "\f3", "1 ", "↑"]
TEXT = st.sampled_from(["Tuyên truyền sâu rộng.", "NỘI DUNG THỰC HIỆN", "tổ chức hội nghị", "Nguyễn Văn An",
                        "Các huyện thực hiện;", "", "x"])
DOC = st.lists(st.builds(lambda a, b: a + b, st.sampled_from(LABELS), TEXT), max_size=40)
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _segment(lines: list[str]) -> Letter:
    return segment_letter(RawDocument(source=SOURCE, blocks=[RawBlock(text=t) for t in lines]))


def _raws(letter: Letter) -> list[str]:
    out: list[str] = []

    def visit(o: object) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "raw" and isinstance(v, str):
                    out.extend(v.split("\n"))
                else:
                    visit(v)
        elif isinstance(o, list):
            for v in o:
                visit(v)

    visit(letter.model_dump())
    return out


@PROPS
@given(DOC)
def test_every_line_lands_in_exactly_one_unit(lines):
    """Each source line with text is kept in exactly one unit's raw (a header or footer keeps its lines once)."""
    letter = _segment(lines)
    kept = _raws(letter)
    for line in lines:
        if clean_text(line) and "\t" not in line:
            assert line in kept or line.strip() in [k.strip() for k in kept], line
    assert len([k for k in kept if k.strip()]) <= len([t for t in lines if t.strip()])


@PROPS
@given(DOC)
def test_ids_are_unique_and_every_item_says_its_part(lines):
    letter = _segment(lines)
    got = [it.id for it in letter.walk_items()]
    assert len(got) == len(set(got))
    assert all("/" not in i for i in got)
    assert all(0 <= it.part < max(1, len(letter.parts)) for it in letter.walk_items())
    assert [p.index for p in letter.parts] == list(range(len(letter.parts)))


@pytest.mark.parametrize("depth", [20, 1000])
def test_deep_nesting_does_not_exhaust_the_stack(depth):
    """Word bullets a thousand levels deep (a hostile file): kept at Word's ninth level, built and dumped
    without recursion limits."""
    blocks = [RawBlock(text="1. Mục một")] + [RawBlock(text=f"mức {k}", label="•", bullet=True, list_level=k)
                                              for k in range(depth)]
    letter = segment_letter(RawDocument(source=SOURCE, blocks=blocks))
    assert letter.items[0].id == "1"
    deepest, level = letter.items[0].blocks, 0
    while deepest:
        level, deepest = level + 1, deepest[-1].blocks
    assert level == 9
    assert len(letter_units(letter)) == depth + 1
    Letter.model_validate_json(letter.model_dump_json())
