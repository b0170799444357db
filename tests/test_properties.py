"""Properties of `parsers.segment.segment_letter` on generated documents: it never raises, never
drops source text, and gives unique, well-formed unit ids."""

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from models import Letter, RawBlock, RawDocument, Source
from parsers.normalise import clean_text
from parsers.segment import segment_letter

# Realistic line openings: numbering, bullets, zone markers, header and signature lines.
STARTS = [
    "", "", "", "1. ", "2. ", "3- ", "1) ", "1.1. ", "1.2. ", "2.1. ", "1.1.1 ", "- ", "– ", "+ ", "• ", "* ",
    "a) ", "b) ", "đ) ", "I. ", "II. ", "III- ", "Điều 1. ", "Kính gửi:", "Kính gửi: ", "- Kính gửi:",
    "Nơi nhận:", "Nơi nhận: ", "T/M BAN THƯỜNG VỤ", "K/T TRƯỞNG BAN", "TM. ỦY BAN NHÂN DÂN", "PHÓ BÍ THƯ",
    "CHỦ TỊCH", "Số 12-CV/HU", "Số: 125/KH-UBND", "Số:     /KH-UBND", "V/v ", "ĐẢNG CỘNG SẢN VIỆT NAM",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "*", "Hà Nội, ngày 5 tháng 6 năm 2024",
    "Bình Phước, ngày    tháng   năm 2025", "Thực hiện Công văn số 8371-CV/BTGTW, ngày 10/5/2024 ",
    "Căn cứ Nghị quyết Trung ương 4 khóa XII ", "Trên đây là ", "Lưu VT", "- Lưu: VT, ", "KẾ HOẠCH",
    "[bookmark: _GoBack]", "**", "\t", "   ", "\t\t\t",
]
VN = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYĐỦÝ"
)
PUNCT = "0123456789 .,;:-–+()/“”\"'*_\t\u00a0\u00ad\u200b…"
words = st.text(alphabet=VN + PUNCT, max_size=60)
line = st.one_of(
    st.builds(lambda start, rest: start + rest, st.sampled_from(STARTS), words),
    st.builds(lambda start, rest: start + rest, st.sampled_from(STARTS), st.text(max_size=30)),
    st.text(max_size=40),
    st.sampled_from(STARTS),
)
lines = st.lists(line, max_size=30)

# Word numbering and tables, as the .docx reader fills them in.
_block = st.builds(
    lambda text, label, level, cell: RawBlock(
        text=text,
        label=label[0] if label else None,
        bullet=label[1] if label else False,
        list_level=level if label else None,
        table=0 if cell is not None else None,
        cell=cell,
    ),
    st.one_of(line, st.builds(lambda a, b: f"{a}\n{b}", line, line)),
    st.one_of(st.none(), st.sampled_from([("1.", False), ("1.1.", False), ("a)", False), ("II.", False),
                                          ("•", True), ("-", True), ("x", False)])),
    st.integers(0, 3),
    st.one_of(st.none(), st.integers(0, 1)),
)
blocks = st.lists(st.one_of(_block, st.builds(RawBlock, text=line)), max_size=30)

SOURCE = Source(path="x.txt", format="txt", sha256="0", size_bytes=0)
PROPS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# How a two-column layout flattened to text separates its columns (parsers/segment.py).
COLUMNS_RE = re.compile(r"\t+|\s{3,}")


def segment(raw_lines: list[str]) -> Letter:
    return segment_letter(RawDocument(source=SOURCE, blocks=[RawBlock(text=t) for t in raw_lines]))


def values(obj: object, key: str) -> list[str]:
    """Every string value stored under `key` anywhere in a model dump, in document order."""
    out: list[str] = []

    def visit(o: object) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k == key and isinstance(v, str):
                    out.append(v)
                visit(v)
        elif isinstance(o, list):
            for v in o:
                visit(v)

    visit(obj)
    return out


def dropped(raw_lines: list[str], letter: Letter) -> list[str]:
    """Source text that no unit's `raw` holds.

    A line counts when it has something to display (`clean_text` is not empty). A line with no column
    gap must occur whole; a line holding two columns (cc | signature, issuer | motto) is split between
    two units by design, so each of its columns must occur.
    """
    kept = "\n".join(values(letter.model_dump(), "raw"))
    missing = []
    for text in raw_lines:
        for part in text.split("\n"):
            if not clean_text(part):
                continue
            pieces = [part.strip()] if not COLUMNS_RE.search(part.strip()) else COLUMNS_RE.split(part)
            missing += [p.strip() for p in pieces if p.strip() and p.strip() not in kept]
    return missing


@PROPS
@given(lines)
def test_never_raises_on_text_lines(raw_lines):
    letter = segment(raw_lines)
    assert isinstance(letter, Letter)
    Letter.model_validate_json(letter.model_dump_json())


@PROPS
@given(blocks)
def test_never_raises_on_word_blocks(raw_blocks):
    letter = segment_letter(RawDocument(source=SOURCE, blocks=raw_blocks))
    ids = values(letter.model_dump(), "id")
    assert len(ids) == len(set(ids))


@PROPS
@given(lines)
@example(["1. Một", "- hai", "Nơi nhận:\t\t\tT/M BAN THƯỜNG VỤ", "- Như trên,\t\t\tPHÓ BÍ THƯ", "", "Nguyễn Văn A"])
@example(["Kính gửi:", "- Các huyện ủy,", "Thực hiện", "1. x", "tiếp theo", "+ y"])
def test_never_drops_source_text(raw_lines):
    letter = segment(raw_lines)
    assert dropped(raw_lines, letter) == []


@PROPS
@given(lines)
def test_ids_are_unique(raw_lines):
    ids = values(segment(raw_lines).model_dump(), "id")
    assert len(ids) == len(set(ids))


@PROPS
@given(lines)
@example(["1. a", "- b", "+ c", "- d", "1.1. e", "+ f", "a) g", "- h"])
def test_block_ids_extend_their_item_id(raw_lines):
    letter = segment(raw_lines)

    def check(block, item_id: str, parent_id: str) -> None:
        assert block.id.startswith(item_id + "/")
        assert block.id.startswith(parent_id + "/")
        assert "/" not in block.id[len(parent_id) + 1 :]
        for child in block.blocks:
            check(child, item_id, block.id)

    for item in letter.walk_items():
        assert "/" not in item.id
        for block in item.blocks:
            check(block, item.id, item.id)


@PROPS
@given(lines)
def test_display_text_is_clean(raw_lines):
    letter = segment(raw_lines)
    dump = letter.model_dump()
    for text in values(dump, "text"):
        assert text == text.strip()
        assert "\n" not in text and "\t" not in text and "\u200b" not in text


def test_block_ids_follow_the_scheme():
    letter = segment(["1. a", "- b", "+ c", "+ d", "- e", "Text after.", "1.1. f", "2. g", "a) h", "- i"])
    assert values(letter.model_dump(), "id") == ["1", "1/1", "1/1/1", "1/1/2", "1/2", "1/3", "1.1", "2", "2.a",
                                                 "2.a/1"]


@pytest.mark.parametrize("artefact", ["[bookmark: _GoBack]", "**"])
def test_artefact_only_line_is_kept_in_raw(artefact):
    letter = segment(["1. Một", artefact, "- hai"])
    assert artefact in "\n".join(values(letter.model_dump(), "raw"))
