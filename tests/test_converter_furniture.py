"""What a converter or a legal portal puts before the letter. A Markdown conversion's front matter ("---",
"title: …", "category: …", "---", bench/heldout_pairs 13, 14) is the converter's metadata: the letter read after
it is the letter read without it. A "---" rule the letter itself prints, with letter text under it, is left
alone. A portal's page title run on into the issuer line ("… do Bộ Y tế ban hành. BỘ Y TẾ -------",
bench/heldout_pairs 15, 16) leaves the issuer to the header."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import item, letter_text, parse_lines

BODY = [*item("1.", "Tuyên truyền sâu rộng kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội."),
        *item("2.", "Tổ chức hội nghị báo cáo viên định kỳ, cung cấp thông tin định hướng.")]
KEYS = st.sampled_from(("title", "category", "subcategory", "source_folder", "conversion_date", "original_format"))
VALUES = st.sampled_from(('"Doc Undated Chi thi 11 2019"', '"Tax"', '"."', '"2025-11-21"', '"pdf"', ""))


def _facts(letter):
    h = letter.header
    return (h.issuer, h.symbol, h.date, h.subject, [i.id for i in letter.items], [c.symbol for c in letter.citations])


@settings(max_examples=25, deadline=None)
@given(meta=st.lists(st.tuples(KEYS, VALUES), min_size=1, max_size=6))
def test_front_matter_is_no_part_of_the_letter(meta):
    text = letter_text(BODY).split("\n")
    front = ["---", *(f"{k}: {v}".rstrip() for k, v in meta), "---", ""]
    plain, converted = parse_lines(text), parse_lines([*front, *text])
    assert _facts(converted) == _facts(plain)
    assert all("title:" not in p.text and p.text != "---" for p in converted.preamble)


def test_rules_around_letter_text_are_no_front_matter():
    """A "key: value" line beside a line of prose between two rules: the letter's own text, kept in its header."""
    front = ["---", "Ghi chú: bản sao", "Bộ phận một cửa tiếp nhận hồ sơ từ thứ Hai đến thứ Sáu.", "---"]
    letter = parse_lines([*front, *letter_text(BODY).split("\n")])
    assert letter.header.raw.startswith("---\nGhi chú: bản sao\nBộ phận một cửa")


def test_front_matter_leaves_the_header_block():
    letter = parse_lines(["---", 'title: "Doc"', 'category: "Tax"', "---", *letter_text(BODY).split("\n")])
    assert letter.header.raw.startswith("TỈNH ỦY BÌNH PHƯỚC")


@settings(max_examples=20, deadline=None)
@given(issuer=st.sampled_from(("BỘ Y TẾ", "BẢO HIỂM XÃ HỘI VIỆT NAM", "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")),
       rule=st.sampled_from(("---", "-------", "--------")))
def test_a_page_title_run_on_into_the_issuer_line_leaves_the_issuer(issuer, rule):
    title = f"Công văn 45/UBND-VX năm 2021 hướng dẫn thực hiện chính sách bảo hiểm y tế do {issuer.title()} ban hành."
    lines = [f"{title} {issuer} {rule}", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
             "Số: 45/UBND-VX V/v hướng dẫn thực hiện chính sách bảo hiểm y tế",
             "Hà Nội, ngày 02 tháng 02 năm 2021", "Kính gửi: Sở Y tế các tỉnh", *BODY]
    letter = parse_lines(lines)
    assert letter.header.issuer == issuer
    assert letter.header.symbol == "45/UBND-VX"

