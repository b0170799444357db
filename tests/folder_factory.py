"""A realistic cascade folder built in code for the `cascade analyse` tests (no binary fixtures).

    <root>/
      trung-uong/8371-CV-BTGTW.txt                     central: Ban Tuyên giáo Trung ương, 10/5/2024
      tinh/1383-CV-BTGTU.txt                           province: cites 8371-CV/BTGTW exactly
      tinh/huyen/dong-phu/45-CV-HU.txt                 district D1: cites 1382-CV/BTGTU (wrong number)
      tinh/huyen/Bù Đăng/CV 112-HU.txt                 district D2: no citation, carries the text
      tinh/huyen/loc-ninh/78-CV-HU.txt                 district D3: cites 1383 exactly, copied from D1
      tinh/huyen/dong-phu/xa/tan-phu_15-CV-ĐU.txt      commune C1: cites D1 (45-CV/HU)
      tinh/huyen/Bù Đăng/xa/tho-son_21-CV-ĐU.docx      commune C2 (.docx): cites D2 (112-CV/HU)
      khac/so-tnmt_1520-STNMT.txt                      unrelated state letter of a Sở
      loi/rong.txt, loi/hong.docx, loi/ban-scan.pdf    empty, corrupt zip, refused PDF

`build_cascade_folder(tmp_path)` writes it and returns `(root, roles)`, roles mapping a role name
(see `ROLES`) to the file's path relative to the root, with "/" separators. Letters are Party
công văn in the layout of the samples: issuer lines, "*", "Số …", the party name, place and date,
"V/v …", "Kính gửi:", a preamble, numbered items with "-" bullets, "Nơi nhận:" and a signature.

Each tier carries its parent's items down the way offices do: tier words swapped (Trung ương →
Tỉnh ủy → Huyện ủy → Đảng ủy xã, cả nước → tỉnh → huyện → xã), some items or clauses trimmed and a
few local items added. `inject` adds one more local item to the provincial letter and one more
local bullet to D1 (the escaping tests put markup there).
"""

from pathlib import Path

from docx_factory import LetterDocx, R, party_header, signature_table
from letter_factory import letter_text

ROLES = ("central", "province", "d1", "d2", "d3", "c1", "c2", "unrelated", "empty", "corrupt", "pdf")
COMMUNES = ("c1", "c2")
BROKEN = ("empty", "corrupt", "pdf")
PARSED = ("central", "province", "d1", "d2", "d3", "c1", "c2", "unrelated")

PATHS = {
    "central": "trung-uong/8371-CV-BTGTW.txt",
    "province": "tinh/1383-CV-BTGTU.txt",
    "d1": "tinh/huyen/dong-phu/45-CV-HU.txt",
    "d2": "tinh/huyen/Bù Đăng/CV 112-HU.txt",
    "d3": "tinh/huyen/loc-ninh/78-CV-HU.txt",
    "c1": "tinh/huyen/dong-phu/xa/tan-phu_15-CV-ĐU.txt",
    "c2": "tinh/huyen/Bù Đăng/xa/tho-son_21-CV-ĐU.docx",
    "unrelated": "khac/so-tnmt_1520-STNMT.txt",
    "empty": "loi/rong.txt",
    "corrupt": "loi/hong.docx",
    "pdf": "loi/ban-scan.pdf",
}
SYMBOLS = {
    "central": "8371-CV/BTGTW", "province": "1383-CV/BTGTU", "d1": "45-CV/HU", "d2": "112-CV/HU",
    "d3": "78-CV/HU", "c1": "15-CV/ĐU", "c2": "21-CV/ĐU", "unrelated": "1520/STNMT-CCBVMT",
}
DATES = {
    "central": "2024-05-10", "province": "2024-05-22", "d1": "2024-05-27", "d2": "2024-05-29",
    "d3": "2024-05-31", "c1": "2024-06-03", "c2": "2024-06-04", "unrelated": "2024-05-24",
}
TIERS = {"central": "central", "province": "province", "d1": "district", "d2": "district", "d3": "district",
         "c1": "commune", "c2": "commune"}
# The parent each letter implements, by role.
PARENT_OF = {"province": "central", "d1": "province", "d2": "province", "d3": "province", "c1": "d1", "c2": "d2"}

# Letter text with markup in it, for `inject`: a script, an event handler, a literal "&amp;", a bare "&".
HOSTILE = ('Tuyên truyền chuyên mục Hỏi &amp; Đáp <script>alert(1)</script> về "chính sách" '
           "<img src=x onerror=alert(2)> trên Cổng thông tin điện tử của tỉnh Bình Phước & các huyện.")

SUBJECT = "V/v tiếp tục đẩy mạnh công tác tuyên truyền kết quả thực hiện Nghị quyết Đại hội XIII của Đảng"


# --- the items, per tier ---------------------------------------------------------------------------
# Each central item is distinct (its own topic and wording), so content pairing is meaningful.

def _central_items() -> list[str]:
    return [
        "1. Tuyên truyền sâu rộng những kết quả nổi bật của đất nước sau hơn nửa nhiệm kỳ thực hiện Nghị quyết "
        "Đại hội XIII của Đảng; làm rõ những thành tựu về tăng trưởng kinh tế, kiểm soát lạm phát và bảo đảm "
        "các cân đối lớn của nền kinh tế.",
        "- Phản ánh khách quan, toàn diện kết quả thực hiện các chương trình mục tiêu quốc gia trên phạm vi cả "
        "nước, nhất là giảm nghèo bền vững, xây dựng nông thôn mới và phát triển vùng đồng bào dân tộc thiểu số.",
        "2. Đẩy mạnh tuyên truyền công tác phòng, chống tham nhũng, tiêu cực; khẳng định việc xử lý nghiêm minh "
        "cán bộ sai phạm là vì sự nghiệp chung, vì sự trong sạch, vững mạnh của Đảng và Nhà nước, đúng với ý "
        "nguyện của Nhân dân.",
        "- Chấn chỉnh, đấu tranh với bệnh sợ trách nhiệm, tư tưởng làm việc cầm chừng, né tránh, đùn đẩy, sợ sai "
        "không dám làm trong một bộ phận cán bộ, đảng viên, nhất là cán bộ lãnh đạo, quản lý các cấp.",
        "3. Tuyên truyền công tác chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030 tiến tới Đại hội đại "
        "biểu toàn quốc lần thứ XIV của Đảng; định hướng việc tổ chức lấy ý kiến góp ý của cán bộ, đảng viên và "
        "Nhân dân vào dự thảo các văn kiện trình đại hội.",
        "4. Chỉ đạo, quản lý chặt chẽ hoạt động thông tin trên báo chí, Internet, mạng xã hội; chủ động đấu "
        "tranh, phản bác các quan điểm sai trái, thù địch, xuyên tạc chủ trương, đường lối của Đảng, chính sách, "
        "pháp luật của Nhà nước.",
        "- Vận động cán bộ, đảng viên, đội ngũ báo cáo viên, tuyên truyền viên đăng tải, chia sẻ thông tin tích "
        "cực, gương người tốt, việc tốt trên không gian mạng.",
        "5. Nắm chắc tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và các tầng lớp Nhân dân trước những tác "
        "động của tình hình kinh tế, chính trị thế giới; kịp thời tham mưu Ban Bí thư giải pháp định hướng, không "
        "để hình thành điểm nóng.",
        "6. Tổ chức tuyên truyền kỷ niệm 70 năm Chiến thắng Điện Biên Phủ và 134 năm Ngày sinh Chủ tịch Hồ Chí "
        "Minh bằng nhiều hình thức phong phú, thiết thực, tiết kiệm, hướng mạnh về cơ sở.",
    ]


def _carried_items(level: str, place: str) -> list[str]:
    """The provincial items as a tier below carries them: level is "tỉnh", "huyện" or "xã"."""
    cap = {"tỉnh": "Tỉnh ủy", "huyện": "Huyện ủy", "xã": "Đảng ủy xã"}[level]
    return [
        f"1. Tuyên truyền sâu rộng những kết quả nổi bật của {level} sau hơn nửa nhiệm kỳ thực hiện Nghị quyết "
        "Đại hội XIII của Đảng; làm rõ những thành tựu về tăng trưởng kinh tế, kiểm soát lạm phát và bảo đảm "
        "các cân đối lớn của nền kinh tế.",
        f"- Phản ánh khách quan, toàn diện kết quả thực hiện các chương trình mục tiêu quốc gia trên địa bàn "
        f"{level}, nhất là giảm nghèo bền vững, xây dựng nông thôn mới và phát triển vùng đồng bào dân tộc "
        "thiểu số.",
        "2. Đẩy mạnh tuyên truyền công tác phòng, chống tham nhũng, tiêu cực; khẳng định việc xử lý nghiêm minh "
        "cán bộ sai phạm là vì sự nghiệp chung, vì sự trong sạch, vững mạnh của Đảng và Nhà nước, đúng với ý "
        "nguyện của Nhân dân.",
        # trimmed: "nhất là cán bộ lãnh đạo, quản lý các cấp" left out
        "- Chấn chỉnh, đấu tranh với bệnh sợ trách nhiệm, tư tưởng làm việc cầm chừng, né tránh, đùn đẩy, sợ sai "
        "không dám làm trong một bộ phận cán bộ, đảng viên.",
        f"3. Tuyên truyền công tác chuẩn bị đại hội đảng bộ các cấp nhiệm kỳ 2025 - 2030 tiến tới Đại hội đại "
        f"biểu Đảng bộ {place}; định hướng việc tổ chức lấy ý kiến góp ý của cán bộ, đảng viên và Nhân dân vào dự "
        "thảo các văn kiện trình đại hội.",
        "4. Chỉ đạo, quản lý chặt chẽ hoạt động thông tin trên báo chí, Internet, mạng xã hội; chủ động đấu "
        "tranh, phản bác các quan điểm sai trái, thù địch, xuyên tạc chủ trương, đường lối của Đảng, chính sách, "
        "pháp luật của Nhà nước.",
        "- Vận động cán bộ, đảng viên, đội ngũ báo cáo viên, tuyên truyền viên đăng tải, chia sẻ thông tin tích "
        "cực, gương người tốt, việc tốt trên không gian mạng.",
        "5. Nắm chắc tình hình tư tưởng, tâm trạng của cán bộ, đảng viên và các tầng lớp Nhân dân trước những tác "
        f"động của tình hình kinh tế, chính trị thế giới; kịp thời tham mưu Ban Thường vụ {cap} giải pháp định "
        "hướng, không để hình thành điểm nóng.",
        # the provincial letter's own item (central item 6 was dropped there)
        "6. Tuyên truyền công tác chuẩn bị và tổ chức thành công Đại hội đại biểu Mặt trận Tổ quốc Việt Nam tỉnh "
        "Bình Phước lần thứ X, nhiệm kỳ 2024 - 2029; biểu dương những tập thể, cá nhân điển hình trong phong "
        "trào thi đua yêu nước.",
    ]


# D1's long local bullets about the district, which D3 repeats word for word.
D1_LOCAL = [
    "7. Ban Tuyên giáo Huyện ủy, Trung tâm Văn hóa, Thông tin và Thể thao huyện",
    "- Tổ chức các hoạt động tuyên truyền kỷ niệm 47 năm Ngày giải phóng huyện và 20 năm thành lập các khu "
    "công nghiệp trên địa bàn, gắn với phong trào thi đua lập thành tích chào mừng đại hội đảng bộ các cấp.",
    "- Tăng cường tuyên truyền công tác bồi thường, hỗ trợ, tái định cư phục vụ dự án đường cao tốc Thành phố "
    "Hồ Chí Minh - Thủ Dầu Một - Chơn Thành đoạn qua địa bàn, tạo sự đồng thuận của Nhân dân vùng dự án.",
    "- Phối hợp với các xã, thị trấn rà soát, sửa chữa hệ thống loa truyền thanh cơ sở bị hư hỏng, bảo đảm "
    "thông tin thông suốt đến từng khu dân cư, nhất là các ấp vùng sâu, vùng đồng bào dân tộc thiểu số.",
]
D2_LOCAL = [
    "7. Tuyên truyền, vận động đồng bào dân tộc thiểu số tại chỗ tham gia bảo vệ rừng phòng hộ Bù Đăng, "
    "không phát rừng làm rẫy trái phép, không mua bán, chuyển nhượng đất rừng; kịp thời phát hiện và tố giác "
    "các hành vi khai thác lâm sản trái phép với lực lượng kiểm lâm địa bàn.",
]
C1_LOCAL = [
    "- Ban Văn hóa - Xã hội xã phối hợp với các ấp treo băng rôn, khẩu hiệu tại trụ sở, nhà văn hóa ấp và "
    "các tuyến đường chính trên địa bàn trước ngày 15 tháng 6 năm 2024.",
]


def _preamble(cite: str | None, issuer: str, speaker: str) -> str:
    if cite is None:
        return (f"Nhằm tạo sự thống nhất nhận thức và đồng thuận trong xã hội, {speaker} đề nghị các cơ quan, "
                "đơn vị triển khai thực hiện một số nội dung sau:")
    return (f"Thực hiện Công văn số {cite} của {issuer} về việc tiếp tục đẩy mạnh công tác tuyên truyền kết quả "
            f"thực hiện Nghị quyết Đại hội XIII của Đảng, {speaker} đề nghị các cơ quan, đơn vị triển khai thực "
            "hiện một số nội dung sau:")


def _header(issuer: tuple[str, ...], symbol: str, place_date: str) -> tuple[str, ...]:
    return (*issuer, "*", f"Số {symbol}", "ĐẢNG CỘNG SẢN VIỆT NAM", place_date, SUBJECT)


CLOSING = "Trên đây là một số nội dung tuyên truyền, đề nghị các cơ quan, đơn vị triển khai thực hiện./."


def central_text() -> str:
    return letter_text(
        [*_central_items(), CLOSING],
        header=_header(("BAN CHẤP HÀNH TRUNG ƯƠNG", "BAN TUYÊN GIÁO"), SYMBOLS["central"],
                       "Hà Nội, ngày 10 tháng 5 năm 2024"),
        recipients=("Ban tuyên giáo các tỉnh ủy, thành ủy,", "Ban tuyên giáo các đảng ủy trực thuộc Trung ương,",
                    "Các cơ quan báo chí Trung ương."),
        preamble=("Năm 2024 là năm có ý nghĩa đặc biệt quan trọng, năm bứt phá để hoàn thành Kế hoạch phát "
                  "triển kinh tế - xã hội 5 năm 2021 - 2025. Để tạo sự thống nhất nhận thức trong Đảng, sự đồng "
                  "thuận trong xã hội, Ban Tuyên giáo Trung ương đề nghị các cơ quan, đơn vị thực hiện tốt một số "
                  "nội dung sau:"),
        cc=("Như kính gửi,", "Các đồng chí Lãnh đạo Ban,", "Lưu VT, Vụ TTCĐ."),
        signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Phan Xuân Thủy"),
    )


def province_text(inject: str | None = None) -> str:
    items = _carried_items("tỉnh", "tỉnh Bình Phước lần thứ XII")
    if inject:
        items.append(f"7. {inject}")
    return letter_text(
        [*items, CLOSING],
        header=_header(("TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO"), SYMBOLS["province"],
                       "Bình Phước, ngày 22 tháng 5 năm 2024"),
        recipients=("Các ban xây dựng Đảng Tỉnh ủy,", "Ban tuyên giáo các huyện, thị, thành ủy,",
                    "Các cơ quan báo chí của tỉnh."),
        preamble=_preamble("8371-CV/BTGTW, ngày 10/5/2024", "Ban Tuyên giáo Trung ương", "Ban Tuyên giáo Tỉnh ủy"),
        cc=("Ban Tuyên giáo Trung ương (b/c),", "Thường trực Tỉnh ủy (b/c),", "Lưu VP."),
        signature=("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Nguyễn Văn Trăm"),
    )


def _district_text(name: str, symbol: str, date: str, cite: str | None, body: list[str], signer: str) -> str:
    return letter_text(
        [*body, CLOSING],
        header=_header((f"HUYỆN ỦY {name}",), symbol, date),
        recipients=("Các tổ chức đảng trực thuộc Huyện ủy,", "Ban Tuyên giáo Huyện ủy,",
                    "Trung tâm Văn hóa, Thông tin và Thể thao huyện."),
        preamble=_preamble(cite, "Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Huyện ủy"),
        cc=("Ban Tuyên giáo Tỉnh ủy (b/c),", "Thường trực Huyện ủy,", "Lưu VPHU."),
        signature=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", signer),
    )


def _district_body(place: str) -> list[str]:
    return _carried_items("huyện", f"huyện {place} lần thứ XII")


def d1_text(inject: str | None = None) -> str:
    body = [*_district_body("Đồng Phú"), *D1_LOCAL]
    if inject:
        body.append(f"- {inject}")
    return _district_text("ĐỒNG PHÚ", SYMBOLS["d1"], "Đồng Phú, ngày 27 tháng 5 năm 2024",
                          "1382-CV/BTGTU, ngày 22/5/2024", body, "Lê Văn Hòa")


def d2_text() -> str:
    body = _district_body("Bù Đăng")
    del body[6]  # the bullet of item 4 is left out
    return _district_text("BÙ ĐĂNG", SYMBOLS["d2"], "Bù Đăng, ngày 29 tháng 5 năm 2024", None,
                          [*body, *D2_LOCAL], "Điểu Lên")


def d3_text() -> str:
    body = _district_body("Lộc Ninh")
    del body[4]  # item 3 (the congress) is left out
    return _district_text("LỘC NINH", SYMBOLS["d3"], "Lộc Ninh, ngày 31 tháng 5 năm 2024",
                          "1383-CV/BTGTU, ngày 22/5/2024", [*body, *D1_LOCAL], "Trần Văn Bé")


def _commune_body(d_local: list[str]) -> list[str]:
    body = _carried_items("xã", "xã lần thứ XIII")
    del body[8]  # the provincial Mặt trận item is not the commune's business
    return body + d_local[:2]


def c1_text() -> str:
    body = [*_commune_body(D1_LOCAL), *C1_LOCAL]
    return letter_text(
        [*body, CLOSING],
        header=_header(("ĐẢNG BỘ HUYỆN ĐỒNG PHÚ", "ĐẢNG ỦY XÃ TÂN PHÚ"), SYMBOLS["c1"],
                       "Tân Phú, ngày 03 tháng 6 năm 2024"),
        recipients=("Các chi bộ trực thuộc Đảng ủy,", "Ủy ban Mặt trận Tổ quốc Việt Nam xã."),
        preamble=_preamble("45-CV/HU, ngày 27/5/2024", "Ban Thường vụ Huyện ủy Đồng Phú",
                           "Ban Thường vụ Đảng ủy xã"),
        cc=("Ban Tuyên giáo Huyện ủy (b/c),", "Lưu VPĐU."),
        signature=("T/M ĐẢNG ỦY", "BÍ THƯ", "Nguyễn Thị Lan"),
    )


def write_c2_docx(path: Path) -> Path:
    """Commune C2 as a Word letter: header table, typed labels, signature table."""
    letter = LetterDocx()
    party_header(letter,
                 left=("ĐẢNG BỘ HUYỆN BÙ ĐĂNG", "ĐẢNG ỦY XÃ THỌ SƠN\n*", f"Số {SYMBOLS['c2']}",
                       "V/v tiếp tục đẩy mạnh công tác\ntuyên truyền"),
                 right=("ĐẢNG CỘNG SẢN VIỆT NAM", "", R("Thọ Sơn, ngày 04 tháng 6 năm 2024", italic=True)))
    letter.para("Kính gửi:")
    letter.para("- Các chi bộ trực thuộc Đảng ủy,")
    letter.para("- Ủy ban Mặt trận Tổ quốc Việt Nam xã.")
    letter.para(_preamble("112-CV/HU, ngày 29/5/2024", "Ban Thường vụ Huyện ủy Bù Đăng",
                          "Ban Thường vụ Đảng ủy xã"))
    body = _carried_items("xã", "xã lần thứ XIII")
    del body[6]
    for line in [*body, *D2_LOCAL]:
        letter.para(line)
    letter.para(CLOSING)
    signature_table(letter, cc=("Ban Tuyên giáo Huyện ủy (b/c),", "Lưu VPĐU."),
                    sign=("T/M ĐẢNG ỦY", "PHÓ BÍ THƯ", "", "Điểu Thị Mai"))
    return letter.save(path)


def unrelated_text() -> str:
    """A state letter of a Sở about something else entirely."""
    return letter_text(
        [
            "1. Rà soát, thống kê các cơ sở sản xuất, kinh doanh có phát sinh chất thải nguy hại trên địa bàn; "
            "báo cáo khối lượng, chủng loại và phương án thu gom, vận chuyển, xử lý trước ngày 30 tháng 6.",
            "2. Hướng dẫn các hộ chăn nuôi heo quy mô trang trại lắp đặt hệ thống biogas, hồ lắng và đệm lót "
            "sinh học; kiểm tra việc xả nước thải chưa qua xử lý ra suối, kênh mương thủy lợi.",
            "3. Phối hợp với Công an huyện kiểm tra hoạt động khai thác cát, sỏi lòng sông Bé; lập biên bản "
            "các trường hợp vi phạm và đề xuất hình thức xử phạt theo quy định.",
            "Trên đây là đề nghị của Sở Tài nguyên và Môi trường, kính đề nghị Ủy ban nhân dân các huyện, thị "
            "xã, thành phố quan tâm phối hợp thực hiện./.",
        ],
        header=("ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC", "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", f"Số: {SYMBOLS['unrelated']}",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                "Bình Phước, ngày 24 tháng 5 năm 2024",
                "V/v tăng cường kiểm soát ô nhiễm môi trường mùa mưa năm 2024"),
        recipients=("Ủy ban nhân dân các huyện, thị xã, thành phố;", "Phòng Tài nguyên và Môi trường các huyện."),
        preamble=("Để chủ động kiểm soát ô nhiễm môi trường trong mùa mưa năm 2024, Sở Tài nguyên và Môi "
                  "trường đề nghị Ủy ban nhân dân các huyện, thị xã, thành phố thực hiện một số nội dung sau:"),
        cc=("Như trên;", "UBND tỉnh (b/c);", "Lưu: VT, CCBVMT."),
        signature=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Văn Minh"),
    )


def build_cascade_folder(tmp_path: Path, inject: str | None = None,
                         name: str = "letters") -> tuple[Path, dict[str, str]]:
    """Write the cascade folder under `tmp_path / name`; return its root and role → relative path."""
    root = tmp_path / name
    texts = {
        "central": central_text(), "province": province_text(inject), "d1": d1_text(inject), "d2": d2_text(),
        "d3": d3_text(), "c1": c1_text(), "unrelated": unrelated_text(),
    }
    for role, text in texts.items():
        path = root / PATHS[role]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    c2 = root / PATHS["c2"]
    c2.parent.mkdir(parents=True, exist_ok=True)
    write_c2_docx(c2)
    (root / "loi").mkdir(parents=True, exist_ok=True)
    (root / PATHS["empty"]).write_bytes(b"")
    # a zip signature, then noise: neither a zip nor a Word file
    (root / PATHS["corrupt"]).write_bytes(b"PK\x03\x04" + bytes((i * 37 + 11) % 256 for i in range(2048)))
    (root / PATHS["pdf"]).write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    return root, dict(PATHS)
