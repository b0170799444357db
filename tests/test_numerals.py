"""Roman section labels damaged by a broken font mapping or OCR ("IL" for II., "m." for III.) are read as
the sections they are where the intact labels around leave them the one reading (bench/damaged_pairs 07),
and never otherwise: ordinary text opening with "m." or "Il" stays text."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from letter_factory import build_letter, item, item_ids

from parsers.numerals import damaged_reading


def _sections(*heads: str) -> list[str]:
    lines: list[str] = []
    for head in heads:
        lines += [head, *item("1.", "Tổ chức tuyên truyền sâu rộng trong đoàn viên."),
                  *item("2.", "Báo cáo kết quả về Ban Thường vụ trước ngày 30/6.")]
    return lines


def test_damaged_labels_that_fill_the_gap_are_the_missing_sections(tmp_path):
    letter = build_letter(tmp_path, "l.txt", _sections("I. ĐỐI TƯỢNG, NỘI DUNG", "IL THỜI GIAN, HÌNH THỨC THI",
                                                        "m. co CƠ CẤU GIẢI THƯỞNG", "lV. CÁC QUY ĐỊNH KHÁC"))
    assert [i.id for i in letter.items] == ["I", "II", "III", "IV"]
    assert [i.label for i in letter.items] == ["I.", "IL", "m.", "lV."], "the printed label is kept"
    assert letter.items[2].text == "co CƠ CẤU GIẢI THƯỞNG"
    assert "III.2" in item_ids(letter)


def test_a_damaged_label_before_the_first_intact_one_and_after_the_last(tmp_path):
    letter = build_letter(tmp_path, "l.txt", _sections("l. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "Ill. TỔ CHỨC"))
    assert [i.id for i in letter.items] == ["I", "II", "III"]


def test_a_label_that_fills_no_gap_is_not_a_section(tmp_path):
    # "m." would be III, but II is missing: nothing says which section it is, so it stays a point
    letter = build_letter(tmp_path, "l.txt", _sections("I. MỤC ĐÍCH", "m. NỘI DUNG CHÍNH", "IV. TỔ CHỨC"))
    assert "III" not in [i.id for i in letter.items]
    # a damaged label where the intact ones already stand is left alone
    letter = build_letter(tmp_path, "l2.txt", _sections("I. MỤC ĐÍCH", "II. NỘI DUNG", "IL NỘI DUNG KHÁC"))
    assert [i.id for i in letter.items].count("II") == 1


def test_prose_opening_like_a_damaged_label_stays_prose(tmp_path):
    body = ["I. MỤC ĐÍCH", *item("1.", "Nâng cao nhận thức."),
            "m. Tổ chức các hoạt động tuyên truyền trong tháng cao điểm, báo cáo kết quả.",
            "Il y a des textes qui commencent ainsi.", "III. TỔ CHỨC THỰC HIỆN", *item("1.", "Các đơn vị.")]
    letter = build_letter(tmp_path, "p.txt", body)
    assert [i.id for i in letter.items] == ["I", "III"]


def test_readings():
    assert damaged_reading("IL THỜI GIAN")[1:] == ("II", "THỜI GIAN")
    assert damaged_reading("m. co CƠ CẤU")[:2] == ("m.", "III")
    assert damaged_reading("1V. KHÁC")[1] == "IV"
    assert damaged_reading("II. NỘI DUNG") is None, "an intact numeral is the ordinary parser's"
    assert damaged_reading("1. PHẦN THI") is None, "a printed number is read as printed"
    assert damaged_reading("mm. NỘI DUNG") is None, "IIIIII is no numeral"


WORDS = st.sampled_from(["tổ", "chức", "tuyên", "truyền", "đoàn", "viên", "thực", "hiện", "kế", "hoạch", "Ban",
                         "Thường", "vụ", "báo", "cáo", "kết", "quả", "UBND", "tỉnh", "Đoàn", "xã"])
OPENERS = st.sampled_from(["m.", "m", "Il", "IL", "l.", "ll", "1.", "11.", "lV.", "v.", "|", "Ill", "lll."])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(openers=st.lists(OPENERS, min_size=1, max_size=4),
       sentences=st.lists(st.lists(WORDS, min_size=6, max_size=20), min_size=1, max_size=4),
       end=st.sampled_from([".", "", ";", ":", ","]))
def test_ordinary_prose_lines_are_never_made_sections(openers, sentences, end):
    """Lines of ordinary prose (mostly lower case, ending as a sentence or not) that open with a
    damaged-looking token are never Roman sections, even where the intact ones leave a gap (II, IV)."""
    prose = [f"{o} {' '.join(ws)} tại địa phương{end}" for o, ws in zip(openers, sentences, strict=False)]
    body = ["I. MỤC ĐÍCH, YÊU CẦU", *item("1.", "Nâng cao nhận thức."), *prose,
            "III. NỘI DUNG", *prose, "V. TỔ CHỨC THỰC HIỆN", *item("1.", "Các đơn vị.")]
    with tempfile.TemporaryDirectory() as tmp:
        letter = build_letter(Path(tmp), "p.txt", body)
    romans = [i.id for i in letter.items if i.id.isalpha() and i.id.isupper()]
    assert romans == ["I", "III", "V"]
