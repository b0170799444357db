"""What is remembered between letters and pairs for speed (cascade.memo, the Word style tables, the
collector pause) gives what a fresh computation gives, and never one letter's answer for another."""

import gc
from pathlib import Path

from docx_factory import LetterDocx, simple_letter

from cascade.linking import link_letters
from cascade.units import letter_units
from parsers import parse_letter

ROOT = Path(__file__).resolve().parents[1]
PARENT = ROOT / "samples" / "province_1383-CV-BTGTU.txt"
CHILD = ROOT / "samples" / "district_implementing_1383.txt"


def test_letter_units_are_each_callers_own() -> None:
    letter = parse_letter(PARENT)
    first = letter_units(letter)
    first.clear()  # a caller may change its list
    again = letter_units(letter)
    assert again and [u.id for u in again] == [u.id for u in letter_units(parse_letter(PARENT))]


def test_a_new_letter_gets_its_own_units() -> None:
    """Letters parsed one after the other (a dead letter's address may be reused) each get their own."""
    seen = []
    for path in (PARENT, CHILD, PARENT, CHILD):
        letter = parse_letter(path)
        seen.append([u.text for u in letter_units(letter)])
        del letter
    assert seen[0] == seen[2] and seen[1] == seen[3] and seen[0] != seen[1]


def test_linking_a_parent_again_gives_the_same_result() -> None:
    """The parent's tokens are remembered between its children: linking it to another child and back
    gives the first result exactly."""
    parent, child = parse_letter(PARENT), parse_letter(CHILD)
    first = link_letters(parent, child).model_dump_json()
    link_letters(parent, parse_letter(PARENT))  # another pair with the same parent in between
    assert link_letters(parent, child).model_dump_json() == first
    assert link_letters(parse_letter(PARENT), parse_letter(CHILD)).model_dump_json() == first


def test_the_collector_is_left_as_it_was() -> None:
    parent, child = parse_letter(PARENT), parse_letter(CHILD)
    assert gc.isenabled()
    link_letters(parent, child)
    assert gc.isenabled()
    gc.disable()
    try:
        link_letters(parent, child)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _styled(font: str | None) -> LetterDocx:
    def body(letter: LetterDocx) -> None:
        style = letter.paragraph_style("Van ban", font=font)
        letter.para("1.\tTuyªn truyÒn s©u réng chñ tr\u00ad¬ng cña §¶ng.", style=style)

    return simple_letter(body)


def test_word_style_tables_follow_each_files_own_styles(tmp_path: Path) -> None:
    """Two .docx files alike but for their styles part (a paragraph style's font is TCVN3 in one, Times New
    Roman in the other), read in turn: each is read with its own styles, as when read alone."""
    tcvn3 = _styled(".VnTime").save(tmp_path / "tcvn3.docx")
    unicode_ = _styled("Times New Roman").save(tmp_path / "unicode.docx")
    read = [parse_letter(p).items[0].text for p in (tcvn3, unicode_, tcvn3, unicode_)]
    assert read[0] == read[2] == "Tuyên truyền sâu rộng chủ trương của Đảng."
    assert read[1] == read[3] and read[1].startswith("Tuyªn truyÒn")  # not converted: not a TCVN3 font
