"""Roman section labels that a broken font mapping or OCR damaged ("IL THỜI GIAN" for II., "m. CƠ CẤU" for
III., "lV." for IV., "H. NỘI DUNG" for II., "Il. TỔ CHỨC" for III. after II., "1. TINH THẦN" for I.), read back
the way a reader does: only where the labels around make it the one reading.

A damaged label ("Il." or glued, "IlTO CHỨC"; H, Y, K and digits, also words and numbers, only with the label's
dot) is accepted when one of its readings (l, L, 1, |, ! → I, or two strokes fused into one, II; H → II;
m → III; v, Y → V; K → X) fills exactly the gap the undamaged Roman labels leave (I., [IL], [m.],
IV. → II and III), its line is shaped like a heading (short, mostly upper case, not ending a sentence), and it
sits where the other Roman labels do (the same Markdown heading level). A gap may also close one past the
next intact label when that number is printed nowhere ("I.", "H.", "II.", no "III.": the printed "II." is then
the repeat `parsers.numbering` reads as III). A label of digits only ("1. PHẦN THI" before "II.",
bench/heldout_pairs 05) is a number as printed unless the same document shows Roman damage of another kind that
its sequence reads (bench/heldout_pairs 14: "1.", "II.", "Il."). Ordinary text starting with "m." or "Il" is
never a heading: it is prose, or it fills no gap. Decided per document; the line itself keeps its printed label.
"""

import dataclasses
import re
from collections.abc import Sequence
from itertools import pairwise, product

from parsers import patterns as P
from parsers.lines import Label, Line
from parsers.numbering import to_roman as _to_roman

# What damage puts for I, V, X and III, and what each may stand for: a thin stroke is I, or two strokes the OCR
# fused into one (bench/heldout_pairs 14 prints "Il." after "II."); H is two strokes joined by the serifs.
_DAMAGE = {"l": ("I", "II"), "L": ("I", "II"), "1": ("I", "II"), "|": ("I", "II"), "!": ("I", "II"),
           "H": ("II",), "m": ("III",), "v": ("V",), "Y": ("V",), "K": ("X",)}
_TOKEN = r"[IVXlL1|!vmHYK]{1,4}"
DAMAGED_ROMAN_RE = re.compile(rf"^\s*(?P<tok>{_TOKEN})(?P<sep>\s*[.,:\-–]\s*|\s+)(?P<text>\S.*)$")
# Tokens that are also words or numbers ("Y TẾ", "H" an initial, "1 Quyết định" a footnote) stand for a numeral
# only with the label's punctuation after them ("H. NỘI DUNG", "1. TINH THẦN").
_WORDLIKE_RE = re.compile(r"[HYK]|\d+")
# "IlTO CHỨC", "mNỘI DUNG": a token with a lower-case damage glued to an upper-case word (two letters at least)
_GLUED_RE = re.compile(rf"^\s*(?P<tok>[IVXlL1|!vmHYK]{{0,3}}[lvm|!][IVXlL1|!vmHYK]{{0,2}})(?P<text>[{P.UP}]{{2}}.*)$")
_MAX_HEADING = 150
_MIN_UPPER_SHARE = 0.6  # "m. co CÁU GIÄI THUÖNG": 13 of 15 letters upper case; prose has a handful


def damaged_readings(text: str) -> tuple[str, tuple[str, ...], str] | None:
    """(printed label, the Roman numerals it may stand for, the text after it) when `text` opens with a token
    that is a Roman numeral only once damage is undone; None for an intact numeral or anything else. A token
    of digits ("1.") is returned too: only a sequence with other damage in it may read it (`read_damaged_numerals`)."""
    m = DAMAGED_ROMAN_RE.match(text) or _GLUED_RE.match(text)
    if not m:
        return None
    tok = m.group("tok")
    if re.fullmatch(P.ROMAN, tok):
        return None  # an intact numeral is the ordinary parser's
    if _WORDLIKE_RE.search(tok) and not (m.groupdict().get("sep") or "").strip():
        return None  # "Y TẾ CƠ SỞ" is health care, not section V
    readings = {"".join(parts) for parts in product(*(_DAMAGE.get(ch, (ch,)) for ch in tok))}
    romans = tuple(sorted((r for r in readings if re.fullmatch(P.ROMAN, r)), key=len))
    if not romans:
        return None
    return text[: m.start("text")].strip(), romans, m.group("text")


def damaged_reading(text: str) -> tuple[str, str, str] | None:
    """(printed label, the Roman numeral it most likely stands for, the text after it): the reading with one
    stroke for each damaged one. A label of digits is read as printed: alone, "1." is 1., whatever it stands for."""
    found = damaged_readings(text)
    if found is None or found[0].rstrip(".,:-– ").isdigit():
        return None
    printed, romans, rest = found
    return printed, romans[0], rest


def _heading_shaped(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if not letters or len(text) > _MAX_HEADING or re.search(r"[.;,:]\s*$", text):
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= _MIN_UPPER_SHARE


@dataclasses.dataclass(frozen=True)
class _Candidate:
    index: int
    values: dict[int, str]  # value → the Roman numeral read
    digits: bool  # printed as a number ("1.")


def read_damaged_numerals(lines: Sequence[Line]) -> list[Line]:
    """The lines with `numeral` set on every damaged Roman label the sequence of intact ones makes certain."""
    from parsers.items import _roman, classify_line  # items reads a damaged label with `damaged_readings`

    sure: list[tuple[int, int]] = []  # (line index, value) of the intact Roman labels
    candidates: list[_Candidate] = []
    levels: set[int | None] = set()
    # the label each line opens with, as the ordinary parser reads it (None for text, blank and noise lines)
    labels = [None if line.blank or line.noise else classify_line(line)[1] for line in lines]
    letters = {label.value for label in labels if label is not None and label.key == "upper"}
    for i, line in enumerate(lines):
        label = labels[i]
        if line.blank or line.noise:
            continue
        if label is not None and label.key == "roman":
            sure.append((i, int(label.value)))  # type: ignore[arg-type]
            levels.add(line.md_level)
            continue
        if label is not None and label.key == "upper" and int(label.value) - 1 in letters:  # type: ignore[arg-type]
            continue  # "H." after "G.": a lettered list goes on
        reading = damaged_readings(line.text)
        if reading and _heading_shaped(reading[2]):
            candidates.append(_Candidate(i, {_roman(r): r for r in reading[1]},
                                         reading[0].rstrip(".,:-– ").isdigit()))
    if not sure or not candidates:
        return list(lines)
    printed = {v for _, v in sure}
    accepted: dict[int, str] = {}
    bounds = [(-1, 0), *sure, (len(lines), 0)]  # 0: no intact label on that side
    for (a, va), (b, vb) in pairwise(bounds):
        run = [c for c in candidates if a < c.index < b and lines[c.index].md_level in levels]
        if not run:
            continue
        expected, chain = va + 1, []
        for c in run:
            if expected in c.values:
                chain.append((c.index, c.values[expected]))
                expected += 1
        # it fills the gap exactly; before the first intact label, from I. up to it; after the last (or before
        # a list that starts again), it runs on from the last; or one past the next intact label, whose number
        # then repeats into a number printed nowhere
        repeat = vb > va and expected == vb + 1 and vb + 1 not in printed
        closes = (expected == vb or repeat) if va == 0 else (vb <= va or expected == vb or repeat)
        if chain and closes:
            accepted.update(chain)
    if not any(not c.digits for c in candidates if c.index in accepted):
        return list(lines)  # "1." alone reads as a number: no other damage says the document's labels are damaged
    out = list(lines)
    for i, numeral in accepted.items():
        out[i] = dataclasses.replace(lines[i], numeral=numeral)
    return out


# --- Arabic labels ----------------------------------------------------------------------------------------
# What OCR puts for a digit of an item label (bench/heldout_pairs 17 prints "§." for 8. over "8.1."-"8.3."): the
# section sign, S, $ and B for 8; l, I and | for 1; O for 0. A label of digits with its dot repeated ("6..." for
# 6., the same pair) is damage of the separator.
_ARABIC_DAMAGE = {"§": "8", "S": "8", "$": "8", "B": "8", "l": "1", "I": "1", "|": "1", "O": "0"}
_ARABIC_TOKEN = "[0-9" + re.escape("".join(_ARABIC_DAMAGE)) + "]{1,2}"
# The label, its dot (or dots), a stray underscore the OCR left ("§. _ Thực hiện"), and an item's capital first word.
DAMAGED_ARABIC_RE = re.compile(
    rf"^\s*(?P<tok>{_ARABIC_TOKEN})(?P<sep>\.+|…)(?:\s+_)?\s+(?P<text>[{P.UP}][^\W\d_]*(?:\s.*)?)$")


def damaged_arabic(text: str) -> tuple[str, int, str] | None:
    """(printed label, the number it reads as, the text after it) when `text` opens with an Arabic item label only
    damage makes unreadable ("§. Thực hiện", "6... Trên cơ sở"); None for an intact label or anything else."""
    m = DAMAGED_ARABIC_RE.match(text)
    if not m:
        return None
    tok, sep = m.group("tok"), m.group("sep")
    if tok.isdigit() and sep == ".":
        return None  # "6. Trên cơ sở": intact, the ordinary parser's
    digits = "".join(_ARABIC_DAMAGE.get(ch, ch) for ch in tok)
    value = int(digits)
    if value < 1 or (len(digits) == 2 and digits[0] == "0"):
        return None
    return text[: m.start("text")].strip(), value, m.group("text")


def read_damaged_arabic(lines: Sequence[Line]) -> list[Line]:
    """The lines with `arabic` set on every damaged Arabic label its list makes certain: the item label before it
    ("N.") is one below the number read, and the next one is one above it, or starts a new list ("1."), or there
    is none; the number is then printed nowhere else in that stretch. A damaged 1 ("l.") needs "2." right after.
    A letter ("S.", "l.") that continues a lettered list ("R.", "k.") is that list's. Then the points OCR printed
    with a second glyph (`read_damaged_points`) and the labels it lost but for their dot (`read_lost_labels`)."""
    from parsers.items import classify_line  # items reads a damaged label with `damaged_arabic`

    labels = [None if line.blank or line.noise else classify_line(line)[1] for line in lines]
    letters = {(label.key, label.value) for label in labels if label is not None and label.key in ("upper", "alpha")}
    nums = [(i, label.value) for i, label in enumerate(labels) if label is not None and label.key == "num"]
    out = list(lines)
    for i, line in enumerate(lines):
        if line.blank or line.noise or line.numeral:
            continue
        label = labels[i]
        if label is not None and not (label.key in ("upper", "alpha") and len(label.part) == 1):
            continue  # an item as printed ("6.", "I.", "a)")
        if label is not None and (label.key, int(label.value) - 1) in letters:  # type: ignore[arg-type]
            continue  # "S." after "R.": a lettered list goes on
        found = damaged_arabic(line.text)
        if found is None:
            continue
        value = found[1]
        before = [v for j, v in nums if j < i]
        after = [v for j, v in nums if j > i]
        following = after[0] if after else None
        if value == 1:
            if following != 2 or (before and before[-1] == 1):
                continue  # "l. Tổ chức …" opens a list only where "2." follows it
        elif not before or before[-1] != value - 1:
            continue
        if following is not None and following not in (value + 1, 1):
            continue
        same_list = after[: after.index(1)] if 1 in after else after
        if value in same_list:
            continue  # the number is printed in the same list: no one reading
        out[i] = dataclasses.replace(line, arabic=value)
    return read_lost_labels(read_damaged_points(out))


# --- points with a glyph too many ------------------------------------------------------------------------
# "ce) Mẫu Bảng kê …" between "b)" and "d)" (bench/heldout_pairs 18): OCR read the point's letter and a speck beside it
# as two letters. Read as the one of the two its list needs there: the point before it is the letter before, the
# next label is the letter after (or of another style, or there is none).
DAMAGED_POINT_RE = re.compile(rf"^\s*(?P<tok>[{P.VN_LOWER}]{{2}})\)\s+(?P<text>[{P.UP}].*)$")


def damaged_point(text: str) -> tuple[str, str, str] | None:
    """(printed label, its two letters, the text after it) when `text` opens with a two-letter point label."""
    m = DAMAGED_POINT_RE.match(text)
    return (text[: m.start("text")].strip(), m.group("tok"), m.group("text")) if m else None


def _labels(lines: Sequence[Line]) -> list[Label | None]:
    """The label each line opens with as the item parser reads it; None for text, noise and quoted lines."""
    from parsers.items import classify_line, quoted_lines

    quoted = quoted_lines(lines)
    return [None if line.blank or line.noise or i in quoted else classify_line(line)[1] for i, line in enumerate(lines)]


def read_damaged_points(lines: Sequence[Line]) -> list[Line]:
    """The lines with `point` set on every two-letter point label whose list makes one of its letters certain."""
    if not any(DAMAGED_POINT_RE.match(line.text) for line in lines if not line.blank):
        return list(lines)
    labels = _labels(lines)
    marks = [k for k, label in enumerate(labels) if label is not None]
    out = list(lines)
    for i, line in enumerate(lines):
        found = None if labels[i] is not None or line.blank or line.noise else damaged_point(line.text)
        if found is None:
            continue
        before = next((labels[k] for k in reversed(marks) if k < i), None)
        after = next((labels[k] for k in marks if k > i), None)
        for letter in dict.fromkeys(found[1]):
            if letter not in P.VN_ALPHABET:
                continue
            value = P.VN_ALPHABET.index(letter) + 1
            if before is None or before.key != "alpha)" or before.value != value - 1:
                continue
            if after is not None and after.key == "alpha)" and after.value not in (value + 1, 1):
                continue
            out[i] = dataclasses.replace(line, point=letter)
            break
    return out


# --- labels lost but for their dot -----------------------------------------------------------------------
# ". Phổ biến, quán triệt …" before "II." and "|." before "a)", "b)", "2." (bench/heldout_pairs 19): the scan lost a
# section's label and left its dot. Such a line stands for the label a list leaves out just before the first label
# it prints ("II." with no I. before it, "2." opening a list): read so only when the lines of that shape in front
# of those lists are exactly as many as the labels missing there, the outer style (Roman) taking the first of them.
LOST_LABEL_RE = re.compile(rf"^\s*(?P<sep>[.)])\s+(?P<text>[{P.UP}].*)$")
_LOST_STYLES = ("roman", "num")  # outermost first


def lost_label(text: str) -> tuple[str, str] | None:
    """(printed separator, the text after it) when `text` opens with a label's separator and no label."""
    m = LOST_LABEL_RE.match(text)
    return (m.group("sep"), m.group("text")) if m else None


def read_lost_labels(lines: Sequence[Line]) -> list[Line]:
    """The lines with `numeral` or `arabic` set on every lost label the lists around make certain."""
    lost = [i for i, line in enumerate(lines) if not line.blank and not line.noise and LOST_LABEL_RE.match(line.text)]
    if not lost:
        return list(lines)
    labels = _labels(lines)
    gaps: list[tuple[str, int, int, int]] = []  # (style, value missing, window start, index of the label after it)
    for style in _LOST_STYLES:
        printed = [(k, int(label.value)) for k, label in enumerate(labels)
                   if label is not None and label.key == style and isinstance(label.value, int)]
        for n, (k, value) in enumerate(printed):
            prev = printed[n - 1] if n else None
            if value == 2 and (prev is None or prev[1] >= 2):
                gaps.append((style, 1, prev[0] if prev else -1, k))  # a list that starts at its second label
            elif value > 2 and prev is not None and prev[1] == value - 2:
                gaps.append((style, value - 1, prev[0], k))  # one label left out inside a list
    candidates = {i for i in lost if any(a < i < b for _, _, a, b in gaps) and labels[i] is None}
    if not gaps or len(candidates) != len(gaps):
        return list(lines)  # more lines of that shape than labels missing (a wrapped full stop), or fewer
    out, taken = list(lines), set[int]()
    for style, value, a, b in sorted(gaps, key=lambda g: _LOST_STYLES.index(g[0])):
        pick = next((i for i in sorted(candidates - taken) if a < i < b), None)
        if pick is None:
            return list(lines)
        taken.add(pick)
        out[pick] = dataclasses.replace(lines[pick], **({"numeral": _to_roman(value)} if style == "roman"
                                                         else {"arabic": value}))
    return out
