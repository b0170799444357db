"""Letters printed as one line (a portal or document-sharing site that lost every line break): the header, the
recipients and the items are read as from the letter with its lines, and no character is lost."""

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from models import System, Tier
from parsers import parse_letter
from parsers.runon import rebreak

_STATE_HEADER = [
    "UBND TỈNH NINH THUẬN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "Độc lập - Tự do - Hạnh phúc", "Số : {n} /SGDĐT-VP", "Phan Rang-Tháp Chàm, ngày 05 tháng 11 năm 2010",
    "V/v báo cáo nhanh tình hình thiệt hại do lũ lụt.", "Kính gửi:", "- Ủy ban nhân dân tỉnh Ninh Thuận;",
    "- Bộ Giáo dục và Đào tạo.",
]
_PARTY_HEADER = [
    "BAN CHẤP HÀNH TRUNG ƯƠNG", "***", "Số: {n} - QĐ/TWĐTN-VP", "ĐOÀN TNCS HỒ CHÍ MINH",
    "Hà Nội, ngày 29 tháng 10 năm 2013", "QUYẾT ĐỊNH", "Về việc ban hành Quy định về văn bản của Đoàn",
    "---------", "BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;",
    "- Căn cứ Quyết định số 84-QĐ/TWĐTN ngày 22/02/2013 của Ban Chấp hành Trung ương Đoàn;", "QUYẾT ĐỊNH",
]
_STATE_BODY = [
    "Sở Giáo dục và Đào tạo báo cáo như sau:", "I. TÌNH HÌNH THIỆT HẠI:",
    "1. Đối với thành phố Phan Rang-Tháp Chàm: tổng ước tính thiệt hại khoảng 6.050 triệu đồng.",
    "a) Trường Mẫu giáo Phước Mỹ: ước tính thiệt hại 150 triệu đồng, cụ thể:", "- Nước ngập khoảng 1 m;",
    "- Hư hỏng vật dụng: 01 bộ máy vi tính.", "2. Đối với huyện Ninh Hải: chưa có thiệt hại.",
]
_PARTY_BODY = [
    "Điều 1. Ban hành kèm theo quyết định này Quy định về ban hành văn bản của Đoàn.",
    "Điều 2. Quyết định này có hiệu lực từ ngày ký.", "Điều 3. Văn phòng Trung ương Đoàn hướng dẫn thực hiện.",
]


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "letter.txt"
    path.write_text(text, encoding="utf-8")
    return parse_letter(path)


def _letter(party: bool, n: int) -> list[str]:
    header = [line.replace("{n}", str(n)) for line in (_PARTY_HEADER if party else _STATE_HEADER)]
    return header + (_PARTY_BODY if party else _STATE_BODY)


@given(party=st.booleans(), n=st.integers(1, 9999), gap=st.sampled_from([" ", "  ", " ̀ ̣ "]),
       numbered=st.booleans())
@settings(max_examples=30, deadline=None)
def test_a_letter_on_one_line_reads_as_with_its_lines(tmp_path_factory, party, n, gap, numbered):
    lines = _letter(party, n)
    one_line = ("  1. " if numbered else "") + gap.join(lines)
    with_lines = _parse(tmp_path_factory.mktemp("lines"), "\n".join(lines) + "\n")
    run_on = _parse(tmp_path_factory.mktemp("runon"), "Xem mẫu\n\n" + one_line + "\n")
    symbol = f"{n}-QĐ/TWĐTN-VP" if party else f"{n}/SGDĐT-VP"
    for letter in (with_lines, run_on):
        h = letter.header
        assert (h.symbol, h.date) == (symbol, dt.date(2013, 10, 29) if party else dt.date(2010, 11, 5))
        assert (letter.tier, letter.system) == ((Tier.CENTRAL, System.PARTY) if party else
                                                (Tier.PROVINCE, System.STATE))
    assert [i.label for i in run_on.items] == [i.label for i in with_lines.items]
    assert len(run_on.recipients) == len(with_lines.recipients)


@given(st.text(alphabet="ABCĐỘNGHÒAXÃỘICHỦNGHĨAVIỆTNAMSố:0123456789/-*,. ngàythángnămKínhgửi;V/v", max_size=900))
@settings(max_examples=60, deadline=None)
def test_breaking_a_line_never_loses_a_character(text):
    assert "".join(rebreak(text)) == text


def test_a_long_line_with_no_header_is_left_as_it_is():
    prose = "Thực hiện Công văn số 12/UBND-VX ngày 3/4/2024 của UBND tỉnh; - Các đơn vị báo cáo. " * 10
    assert rebreak(prose) == [prose]
