"""A label printed twice in one list, read as a clerk reads it: the next number, when that number is free.

Real documents repeat a label by mistake (a Word list whose numbering was lost and retyped, a copied line):
"1. Ưu điểm" / "1. Tồn tại, hạn chế" (../shared/eval/real/documents 071), "II. KẾT QUẢ" / "II. ĐÁNH GIÁ
CHUNG" (095), "IV. GIẢI THƯỞNG" / "IV. TỔ CHỨC THỰC HIỆN" after "IV.3" / "3." (100), "V.1. Trung ương Đoàn" /
"1. Các tỉnh, thành đoàn" (097, bench/heldout_pairs 06). A reader takes the second for the number after the
first (1, 1, 3 → 1, 2, 3; 1, 1, 1 → 1, 2, 3). When that number is printed elsewhere in the same list
(1, 1, 2), or the list skipped one just before (2.1, 2.3, 2.3: either 2.3 may be the typo), nothing says which
is meant; a repeat inside a quotation the item before opened is the quoted text's own numbering (an
amending decree quoting "Điều 5. …" with its "1."). Then the label keeps its printed number and its id the `~2` of
`parsers.items.to_items`. OCR also takes a letter for its look-alike ("đ)" for d, "e)" for c): where the list
needs the other one and prints it nowhere, that is the one read (`_read_confused`), before repeats are read.
Roman sections read back from damage (`parsers.numerals`) then repeat like typed ones: "I.", "H." (II), "II."
→ I, II, III. The printed label (`Item.label`) is never changed; only the id reads it.
"""

import dataclasses
from collections.abc import Sequence

from parsers import patterns as P
from parsers.lines import Label, UnitDraft

_RENUMBERED = ("roman", "num", "num)", "alpha", "alpha)", "upper")  # and dotted:N
_ROMAN_DIGITS = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LETTERS = ("alpha", "alpha)", "upper")
# Letters an OCR reads for one another: the bar of đ lost or added, the c closed into an e (bench/heldout_pairs 13
# prints "đ)" after "c)" and a, b, "e)"; 14 prints a, b, c, "đ)", "đ)").
_LOOK_ALIKE = {"d": "đ", "đ": "d", "c": "e", "e": "c"}


def to_roman(n: int) -> str:
    out = ""
    for v, s in _ROMAN_DIGITS:
        while n >= v:
            out, n = out + s, n - v
    return out


def _next(label: Label, after: int | tuple[int, ...]) -> Label | None:
    """The label that follows `after` in `label`'s style, or None where the style has no such label."""
    if isinstance(after, tuple):
        dotted = (*after[:-1], after[-1] + 1)
        return dataclasses.replace(label, part=".".join(map(str, dotted)), value=dotted)
    value = after + 1
    if label.key == "roman":
        part = to_roman(value) if value < 40 else ""
    elif label.key in ("num", "num)"):
        part = str(value)
    elif value <= len(P.VN_ALPHABET):
        part = P.VN_ALPHABET[value - 1]
        part = part.upper() if label.key == "upper" else part
    else:
        part = ""
    return dataclasses.replace(label, part=part, value=value, alt=None) if part else None


def _follows(before: int | tuple[int, ...] | None, value: int | tuple[int, ...]) -> bool:
    """`value` comes right after `before` (or starts its list when nothing is before it)."""
    if isinstance(value, tuple):
        last = value[-1]
        return last == 1 if before is None else isinstance(before, tuple) and before[-1] + 1 == last
    return value == 1 if before is None else before == value - 1


def _opens_a_quotation(unit: UnitDraft) -> bool:
    """The item leaves a quotation open (an amending text quoting the new article), so what follows is quoted."""
    texts, stack = [unit.text], list(unit.children)
    while stack:
        u = stack.pop()
        texts.append(u.text)
        stack.extend(u.children)
    text = " ".join(texts)
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _read_confused(units: Sequence[UnitDraft], printed: list[int | tuple[int, ...]],
                   read: list[int | tuple[int, ...]]) -> None:
    """A letter OCR took for its look-alike ("đ)" for d, "e)" for c) where the list needs the other: the one
    after the label before it, printed nowhere in the list, and the label after does not follow the printed one
    (a, b, c, đ, đ, e → d; a, b, e → c; but a, b, c, đ, e is a list that skipped d)."""
    for k in range(1, len(units)):
        label = units[k].label
        assert label is not None
        if label.key not in _LETTERS or _follows(read[k - 1], read[k]):
            continue
        nxt = _next(label, read[k - 1])
        if nxt is None or nxt.part.lower() != _LOOK_ALIKE.get(label.part.lower()) or nxt.value in printed:
            continue
        if k + 1 < len(units) and _follows(printed[k], printed[k + 1]):
            continue  # c, đ, e: the đ is printed right, d was skipped
        units[k].label, read[k] = nxt, nxt.value


def _read_list(siblings: Sequence[UnitDraft]) -> None:
    by_key: dict[str, list[UnitDraft]] = {}
    for u in siblings:
        if u.label is not None and (u.label.key in _RENUMBERED or u.label.key.startswith("dotted:")):
            by_key.setdefault(u.label.key, []).append(u)
    for units in by_key.values():
        printed = [u.label.value for u in units if u.label is not None]
        read = list(printed)
        _read_confused(units, printed, read)  # first: "đ, đ" after "c" is d, đ, not a repeat
        for k in range(1, len(units)):
            if printed[k] != printed[k - 1]:
                continue
            label = units[k].label
            assert label is not None
            if any(c.label and c.label.part.startswith(f"{label.part}.") for c in units[k].subitems):
                continue  # "1." over "1.1.", "1.2.": its own sub-items confirm the number it prints
            if _opens_a_quotation(units[k - 1]):
                continue  # "1. Sửa đổi Điều 5:" / "“Điều 5. …" / "1. …": the quoted article's own numbering
            before = read[k - 2] if k >= 2 else None
            if not _follows(before, read[k - 1]):
                continue  # 2.1, 2.3, 2.3: the typo is the first 2.3 or the second, one as likely as the other
            nxt = _next(label, read[k - 1])
            if nxt is None or nxt.value in printed:
                continue  # 1, 1, 2: the number after is taken, so there is no one reading
            units[k].label, read[k] = nxt, nxt.value


def read_repeated_labels(roots: list[UnitDraft]) -> list[UnitDraft]:
    """The tree with every repeated label that has one reading read as it (in place); returns `roots`."""
    stack: list[Sequence[UnitDraft]] = [roots]
    while stack:
        siblings = stack.pop()
        _read_list(siblings)
        stack.extend(u.subitems for u in siblings if u.subitems)
    return roots
