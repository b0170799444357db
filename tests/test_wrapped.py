"""Letters exported as hard-wrapped text (PDF or e-mail copies cut at a fixed width) parse into the
same units as the paragraph-per-line original.

A paragraph whose last line happens to be full cannot be told from a wrapped one by geometry alone,
so a cut may, rarely, join or split one paragraph boundary; the test allows that and no more."""

import textwrap
from pathlib import Path

import pytest

from parsers import parse_letter

WIDTHS = range(60, 101, 5)


def _ids(letter) -> list[str]:
    out: list[str] = []

    def blocks(bs) -> None:
        for b in bs:
            out.append(b.id)
            blocks(b.blocks)

    for item in letter.walk_items():
        out.append(item.id)
        blocks(item.blocks)
    return out


def _wrap(text: str, width: int) -> str:
    lines: list[str] = []
    for line in text.split("\n"):
        lines += textwrap.wrap(line, width) if len(line) > width else [line]
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["province_1383-CV-BTGTU.txt", "district_implementing_1383.txt"])
def test_hard_wrapped_letter_keeps_its_units(samples_dir: Path, tmp_path: Path, name: str) -> None:
    original = (samples_dir / name).read_text(encoding="utf-8")
    expected = _ids(parse_letter(samples_dir / name))
    exact = 0
    for width in WIDTHS:
        path = tmp_path / f"{width}-{name}"
        path.write_text(_wrap(original, width), encoding="utf-8")
        got = _ids(parse_letter(path))
        assert len(set(got) ^ set(expected)) <= 2, (width, sorted(set(got) ^ set(expected)))
        exact += got == expected
    assert exact >= len(WIDTHS) // 2  # most cuts give exactly the original units


def test_wrapped_continuation_is_joined_into_one_block(tmp_path: Path) -> None:
    """A wrapped bullet whose next line begins with a hyphen cut from "kinh tế - xã hội" stays one bullet."""
    text = "\n".join([
        "1. Tuyên truyền kết quả phát triển",
        "- Bám sát cơ sở, nắm chắc tình hình tư tưởng của các tầng lớp Nhân dân và tình hình kinh tế",
        "- xã hội trên địa bàn, kịp thời tham mưu cấp ủy những biện pháp ổn định tình hình tư tưởng.",
        "- Vận động cán bộ, đảng viên đăng tải, chia sẻ thông tin tích cực trên mạng xã hội, nhất là",
        "các trang của Đảng bộ và chính quyền địa phương, góp phần lan tỏa những điều tốt đẹp.",
    ] * 3)
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    letter = parse_letter(path)
    first = letter.items[0]
    assert first.blocks[0].text.endswith("ổn định tình hình tư tưởng.")
    assert "kinh tế - xã hội" in first.blocks[0].text
