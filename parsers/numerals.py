"""Roman section labels that a broken font mapping or OCR damaged ("IL THỜI GIAN" for II., "m. CƠ CẤU" for
III., "lV." for IV.), read back the way a reader does: only where the labels around make it the one reading.

A damaged label is accepted when, after the damage is undone (l, L, 1, |, ! → I; v → V; m → III), it fills
exactly the gap the undamaged Roman labels leave (I., [IL], [m.], IV. → II and III), its line is shaped like
a heading (short, mostly upper case, not ending a sentence), and it sits where the other Roman labels do (the
same Markdown heading level). A label of digits only ("1. PHẦN THI" before "II.", bench/heldout_pairs 05) is
a number as printed, and is read as printed. Ordinary text starting with "m." or "Il" is never a heading: it
is prose, or it fills no gap. Decided per document; the line itself keeps its printed label.
"""

import dataclasses
import re
from collections.abc import Sequence
from itertools import pairwise

from parsers import patterns as P
from parsers.lines import Line

# The characters damage puts for I, V and III; a token made of these and the real ones only.
_UNDAMAGE = {"l": "I", "L": "I", "1": "I", "|": "I", "!": "I", "v": "V", "m": "III"}
DAMAGED_ROMAN_RE = re.compile(r"^\s*(?P<tok>[IVXlL1|!vm]{1,4})(?:\s*[.,:\-–]\s*|\s+)(?P<text>\S.*)$")
_MAX_HEADING = 150
_MIN_UPPER_SHARE = 0.6  # "m. co CÁU GIÄI THUÖNG": 13 of 15 letters upper case; prose has a handful


def damaged_reading(text: str) -> tuple[str, str, str] | None:
    """(printed label, the Roman numeral it stands for, the text after it) when `text` opens with a token
    that is a Roman numeral only once damage is undone; None for an intact numeral or anything else."""
    m = DAMAGED_ROMAN_RE.match(text)
    if not m:
        return None
    tok = m.group("tok")
    roman = "".join(_UNDAMAGE.get(ch, ch) for ch in tok)
    if roman == tok or tok.isdigit() or not re.fullmatch(P.ROMAN, roman):
        return None  # an intact numeral is the ordinary parser's; "1." is printed 1., whatever it stands for
    return text[: m.start("text")].strip(), roman, m.group("text")


def _heading_shaped(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text) > _MAX_HEADING or re.search(r"[.;,:]\s*$", text):
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= _MIN_UPPER_SHARE


def read_damaged_numerals(lines: Sequence[Line]) -> list[Line]:
    """The lines with `numeral` set on every damaged Roman label the sequence of intact ones makes certain."""
    from parsers.items import _roman, classify_line  # items reads a damaged label with `damaged_reading`

    sure: list[tuple[int, int]] = []  # (line index, value) of the intact Roman labels
    candidates: list[tuple[int, int]] = []
    levels: set[int | None] = set()
    for i, line in enumerate(lines):
        if line.blank or line.noise:
            continue
        kind, label, _, _ = classify_line(line)
        if kind == "item" and label is not None and label.key == "roman":
            sure.append((i, int(label.value)))  # type: ignore[arg-type]
            levels.add(line.md_level)
            continue
        reading = damaged_reading(line.text)
        if reading and _heading_shaped(reading[2]):
            candidates.append((i, _roman(reading[1])))
    if not sure or not candidates:
        return list(lines)
    accepted: set[int] = set()
    bounds = [(-1, 0), *sure, (len(lines), 0)]  # 0: no intact label on that side
    for (a, va), (b, vb) in pairwise(bounds):
        run = [(i, v) for i, v in candidates if a < i < b and lines[i].md_level in levels]
        if not run:
            continue
        expected, chain = va + 1, []
        for i, v in run:
            if v == expected:
                chain.append(i)
                expected += 1
        # it fills the gap exactly; before the first intact label, from I. up to it; after the last (or before
        # a list that starts again), it runs on from the last
        closes = expected == vb if va == 0 else (vb <= va or expected == vb)
        if chain and closes:
            accepted.update(chain)
    out = list(lines)
    for i in accepted:
        reading = damaged_reading(lines[i].text)
        assert reading is not None
        out[i] = dataclasses.replace(lines[i], numeral=reading[1])
    return out
