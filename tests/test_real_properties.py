"""Property: no real-looking document is refused. Documents are built from the pieces real copies are made
of — page titles and furniture, header blocks in their shapes, leads, implementing sentences, items — and
damaged the ways real copies are (marks stripped by OCR, letter spacing, glued "số", lost hyphens, Markdown,
flattened tables). Whatever the mix, `parse_letter` returns a Letter with a form and a reason."""

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import LetterForm, Tier
from parsers import parse_letter

ORGS = ["Ủy ban nhân dân tỉnh Bình Phước", "UBND huyện Kim Động", "Ban Thường vụ Tỉnh ủy", "Sở Tư pháp",
        "Phòng Giáo dục và Đào tạo quận 11", "Đảng ủy xã Đức Hợp", "Bộ Văn hóa, Thể thao và Du lịch",
        "Ban Tuyên giáo Trung ương", "Văn phòng UBND tỉnh", "Tỉnh đoàn"]
ISSUER_LINES = [["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG"], ["TỈNH ỦY BÌNH PHƯỚC", "BAN TUYÊN GIÁO", "*"],
                ["BỘ TƯ PHÁP"], ["HUYỆN ỦY KIM ĐỘNG"], ["ỦY BAN NHÂN DÂN", "XÃ ĐỨC HỢP"]]
KINDS = ["Công văn", "Kế hoạch", "Hướng dẫn", "Thông báo", "Chỉ thị", "Quyết định", "Nghị quyết", "văn bản"]
SUBJECTS = ["tuyên truyền các ngày lễ lớn", "tạm dừng tiếp công dân", "tổ chức Hội thi xe tuyên truyền",
            "phòng, chống dịch Covid-19", "treo cờ Tổ quốc"]

number = st.integers(1, 9999).map(str)
party_code = st.sampled_from(["CV", "KH", "HD", "TB", "CT"])
party_issuer = st.sampled_from(["TU", "HU", "BTGTU", "BTGTW", "TW", "ĐU", "TWĐTN-VP"])
state_code = st.sampled_from(["KH-UBND", "UBND-VX", "TB-UBND", "QĐ-UBND", "UBND-VX1", "SGDĐT-CTTT", "BVHTTDL-VP"])
symbol = st.one_of(
    st.builds(lambda n, t, i, sep: f"{n}{sep}{t}/{i}", number, party_code, party_issuer,
              st.sampled_from(["-", " -", " - ", "–", ""])),
    st.builds(lambda n, c, sp: f"{n}{sp}/{c}", number, state_code, st.sampled_from(["", " "])),
)
date = st.builds(lambda d, m, y: (d, m, y), st.integers(1, 28), st.integers(1, 12), st.integers(2005, 2025))


def date_text(d: tuple[int, int, int], words: bool) -> str:
    return f"ngày {d[0]} tháng {d[1]} năm {d[2]}" if words else f"ngày {d[0]}/{d[1]}/{d[2]}"


header_block = st.builds(
    lambda issuer, so, d, blank, subject: [
        *issuer, f"Số: {'' if blank else so}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        f"Hà Nội, {date_text(d, True)}", f"V/v {subject}",
    ],
    st.sampled_from(ISSUER_LINES), symbol, date, st.booleans(), st.sampled_from(SUBJECTS),
)
furniture = st.lists(st.sampled_from([
    "Ngày đăng 07/10/2023 | 08:01 | Lượt xem: 140", "Cập nhật lúc: 11:02 02/01/2021", "Ảnh minh họa",
    "Văn hóa - Xã hội", "Tải file đính kèm", "(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)",
]), max_size=3)
headline = st.builds(lambda k, s: f"{k} về việc {s}", st.sampled_from(KINDS[:6]), st.sampled_from(SUBJECTS))
lead = st.builds(lambda d, org, k, sym, s: f"Ngày {d[0]}/{d[1]}/{d[2]}, {org} đã ban hành {k} số {sym} về {s}.",
                 date, st.sampled_from(ORGS), st.sampled_from(KINDS), symbol, st.sampled_from(SUBJECTS))
implementing = st.builds(
    lambda verb, k, so, sym, d, words, org, speaker: f"{verb} {k} {so}{sym} {date_text(d, words)} của {org}, "
                                                     f"{speaker} đề nghị các đơn vị thực hiện tốt các nội dung sau:",
    st.sampled_from(["Thực hiện", "Căn cứ", "Triển khai", "nhận được"]), st.sampled_from(KINDS),
    st.sampled_from(["số ", "số", "sô ", ""]), symbol, date, st.booleans(), st.sampled_from(ORGS),
    st.sampled_from(ORGS),
)
items = st.lists(st.sampled_from(["1. Tuyên truyền sâu rộng các chủ trương.", "2. Báo cáo kết quả thực hiện.",
                                  "- Các phòng, ban chủ động triển khai.", "Đề nghị các đơn vị thực hiện./."]),
                 max_size=4)


def strip_marks(text: str) -> str:
    flat = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in flat if not unicodedata.combining(c))


def letter_space(line: str) -> str:
    return " ".join(line) if len(line) < 30 and line.isupper() else line


DAMAGE = {
    "none": lambda lines: lines,
    "ocr-stripped": lambda lines: [strip_marks(x) for x in lines],
    "letter-spaced": lambda lines: [letter_space(x) for x in lines],
    "markdown": lambda lines: [f"**{x}**" if x.isupper() else x for x in lines],
    "flattened": lambda lines: [f"| {x} |" if x.isupper() else x for x in lines],
    "no-hyphens": lambda lines: [x.replace("-", "") for x in lines],
}

document = st.builds(
    lambda title, furn, header, lead_, body, its, damage: DAMAGE[damage](
        [*title, *furn, *header, *lead_, *body, *its]),
    st.lists(headline, max_size=1), furniture, st.one_of(st.just([]), header_block), st.lists(lead, max_size=1),
    st.lists(implementing, min_size=1, max_size=2), items, st.sampled_from(sorted(DAMAGE)),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_no_real_looking_document_is_refused(lines):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        letter = parse_letter(path)  # raises InputError if refused
    assert isinstance(letter.form, LetterForm) and letter.form_reason
    assert all(c.symbol is None or "/" in c.symbol for c in letter.citations)


def _parse_lines(lines: list[str]):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letter.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return parse_letter(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document)
def test_every_tier_says_why(lines):
    """Known or unknown, the tier comes with its reason; an unknown one says whether no issuer was found or the
    issuer named no place or level."""
    letter = _parse_lines(lines)
    assert letter.tier_reason.startswith(f"tier {letter.tier.value}")
    if letter.tier is Tier.UNKNOWN:
        assert "no issuer found" in letter.tier_reason or "without a place or level" in letter.tier_reason


def test_unknown_tier_names_the_issuer_it_could_not_place():
    placeless = _parse_lines(["Ban Chỉ đạo thông báo lịch trực Tết.", "1. Các đơn vị bố trí lịch trực."])
    assert placeless.tier is Tier.UNKNOWN and "'Ban Chỉ đạo'" in placeless.tier_reason
    nobody = _parse_lines(["Thực hiện Công văn số 12/UBND-VX, đề nghị các đơn vị thực hiện.", "1. Báo cáo kết quả."])
    assert nobody.tier is Tier.UNKNOWN and "no issuer found" in nobody.tier_reason
