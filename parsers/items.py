"""The tree of numbered items and the blocks under them, with the unit ids of shared/eval/README.md.

Which marker is a level is decided per document from the labels it uses, the way a reader does:
- a label that continues an open list (II. after I., b) after a), Điều 5 after Điều 4) closes back to it;
- a list that starts (1., a), I.) right under a heading opens a deeper level, even in the heading's own
  style ("1. Công tác tuyên truyền" / "1. Triển khai …": a heading over tasks numbered through the text);
- a list numbered through the text picks up where it stopped, under the next heading;
- any other new style opens a deeper level, except in the legal hierarchy (Phần > Chương > Mục > Điều),
  the one fixed order: a Chương never nests under a Điều.

Ids: a label that does not contain its parent's label is prefixed with the parent's id (`II.1`, `2.a`);
one that does (`2.2.` under `2.`) takes the parent's id in place of the parent's label (`II.2.2`). Phần,
Chương and Mục are containers left out of the ids below them (an Điều is numbered through the text:
`Điều 8.2.b`) unless leaving them out makes ids collide (each Phần numbering its items from 1.), which is
decided per document. Step headings ("BƯỚC BA") take their printed words and stay in the ids below them.

Every walk here is iterative, so a pathological nesting depth cannot exhaust the stack.
"""

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import combinations

from models import Block, BlockKind, Item, ItemKind, Paragraph, ParseWarning, WarningCode
from parsers import patterns as P
from parsers.lines import LOWER_START_RE, Label, Line, UnitDraft, continues, is_upper
from parsers.normalise import display_to_matching
from parsers.numbering import read_repeated_labels
from parsers.numerals import damaged_arabic, damaged_point, damaged_readings, lost_label

CONTAINERS = ("part", "chapter", "section")  # outermost first
CAPS_KEY = "heading:caps"  # an unnumbered upper-case section heading
MAX_BLOCK_DEPTH = 9
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_SAME_STYLE_DEPTH = 2  # a style nests under itself once at most (a heading over tasks in its style)
_BELOW_ROMAN = ("num", "num)", "alpha", "alpha)", "dotted:1", "dotted:2", "dotted:3")
# A point printed with the path of its khoản ("2.1.a. Thành lập Ban Chỉ đạo …", "4.1.b. Việc hỗ trợ …" under
# "2.1." and "4.1.", a city's plan, bench/heldout_pairs 08): the point a) of that item, as a reader reads it.
_DOTTED_POINT_RE = re.compile(r"^\s*(?P<path>\d{1,2}(?:\.\d{1,2}){1,3})\.(?P<alpha>[a-zđ])\s*[.)]\s+(?P<text>\S.*)$")
# "I.MỤC ĐÍCH, NGUYÊN TẮC": an OCR that lost the space after a Roman section label's dot (bench/heldout_pairs 13);
# read as "I. MỤC …" only before an upper-case word, so "V.I. Lênin" and "X.quang" stay text.
_GLUED_ROMAN_RE = re.compile(rf"^(?P<label>\s*{P.ROMAN}\.)(?=[{P.UP}]{{2}})")
# "©) Bộ Giao thông vận tải …" between "b)" and "đ)": OCR's reading of a c) (bench/heldout_pairs 14); "¢) Bãi bỏ …"
# after "b)", the cent sign for the same c (bench/heldout_pairs 18).
_OCR_LETTER_RE = re.compile(r"^(?P<pad>\s*)[©¢](?=\s*[).]\s)")


def _roman(s: str) -> int:
    total = 0
    for a, b in zip(s, [*s[1:], ""], strict=True):
        v = _ROMAN_VALUES[a]
        total += -v if b and _ROMAN_VALUES[b] > v else v
    return total


def _letter_value(ch: str) -> int:
    ch = ch.lower()
    return P.VN_ALPHABET.index(ch) + 1 if ch in P.VN_ALPHABET else 100 + ord(ch)


def _number(hnum: str) -> tuple[str, int]:
    """(canonical form, value) of a heading number: "II" → ("II", 2), "01" → ("1", 1), "THỨ HAI" → ("thứ hai", 2)."""
    h = re.sub(r"\s+", " ", hnum).strip()
    if re.fullmatch(P.ROMAN, h):
        return h, _roman(h)
    m = re.fullmatch(r"(\d+)([a-z]?)", h)
    if m:
        return f"{int(m.group(1))}{m.group(2)}", int(m.group(1))
    words = h.lower().split()
    if words and words[0] == "thứ":
        words = words[1:]
    value = 0
    for w in words:
        n = P.NUMBER_WORDS.get(w, 5 if w == "lăm" else 0)
        value = value + n if value >= 10 else (value * 10 if n == 10 and value else value + n)
    return h.lower(), value


def _label_from_match(m: re.Match[str], printed: str) -> Label:
    g = m.groupdict()
    if g.get("heading"):
        word = re.sub(r"\s+", " ", g["hword"]).lower()
        canon, value = _number(g["hnum"])
        if word in P.LEGAL_WORDS:
            kind, rank = P.LEGAL_WORDS[word]
            return Label(printed, f"heading:{word}", f"{word.capitalize()} {canon}", value, kind, rank)
        words = re.sub(r"\s+", " ", g["heading"]).strip().replace("/", "-")
        return Label(printed, f"heading:{word}", words, value, "step")
    if g.get("roman"):
        r = g["roman"]
        alt = Label(printed, "upper", r, _letter_value(r)) if len(r) == 1 else None
        return Label(printed, "roman", r, _roman(r), alt=alt)
    if g.get("dotted"):
        d = g["dotted"]
        return Label(printed, f"dotted:{d.count('.')}", d, tuple(int(x) for x in d.split(".")))
    if g.get("num"):
        return Label(printed, "num)" if g["numsep"] == ")" else "num", g["num"], int(g["num"]))
    if g.get("upper"):
        return Label(printed, "upper", g["upper"], _letter_value(g["upper"]))
    return Label(printed, "alpha)" if g["alphasep"] == ")" else "alpha", g["alpha"], _letter_value(g["alpha"]))


def _item_match(text: str) -> re.Match[str] | None:
    m = P.ITEM_RE.match(text)
    if m is None and (g := _GLUED_ROMAN_RE.match(text)) and is_upper(text[g.end():]):
        m = P.ITEM_RE.match(f"{g.group('label')} {text[g.end():]}")
    if m is None and (o := _OCR_LETTER_RE.match(text)):
        m = P.ITEM_RE.match(f"{o.group('pad')}c{text[o.end():]}")
    if m and m.group("upper") and P.SIGN_AUTH_RE.match(text):
        return None  # "Q. GIÁM ĐỐC" is a signature, not section Q
    if m and m.group("roman") and not re.match(rf"\s*{P.ROMAN}\s*[.\-–/)]", text) and len(text) > 200:
        return None  # "I" + title without its dash: a heading line, never a long paragraph
    return m


def classify_line(line: Line) -> tuple[str, Label | None, str, str | None]:
    """(kind, label, text without label, bullet marker) where kind is item | bullet | para | blank."""
    if line.blank:
        return "blank", None, "", None
    if line.numeral:
        reading = damaged_readings(line.text)
        if reading:
            return "item", Label(reading[0], "roman", line.numeral, _roman(line.numeral)), reading[2], None
        if lost := lost_label(line.text):
            return "item", Label(lost[0], "roman", line.numeral, _roman(line.numeral)), lost[1], None
    if line.arabic:
        found = damaged_arabic(line.text)
        if found:
            return "item", Label(found[0], "num", str(line.arabic), line.arabic), found[2], None
        if lost := lost_label(line.text):
            return "item", Label(lost[0], "num", str(line.arabic), line.arabic), lost[1], None
    if line.point and (point := damaged_point(line.text)):
        return "item", Label(point[0], "alpha)", line.point, _letter_value(line.point)), point[2], None
    if line.label and not line.bullet:
        m = P.ITEM_RE.match(f"{line.label} X")
        if m:
            return "item", _label_from_match(m, line.label), line.text, None
        return "para", None, line.text, None
    if line.label and line.bullet:
        return "bullet", None, line.text, f"{line.label}@{line.level or 0}"
    if P.RULE_RE.match(line.text):
        return "para", None, line.text, None
    d = _DOTTED_POINT_RE.match(line.text)
    if d:
        printed = line.text[: d.start("text")].strip()
        return "item", Label(printed, "alpha", d.group("alpha"), _letter_value(d.group("alpha"))), d.group("text"), None
    src = P.MD_LIST_POINT_RE.sub("", line.text)
    m = _item_match(src)
    if m and line.lost_bullet and m.group("heading") and m.group("hword").lower() not in P.LEGAL_WORDS:
        m = None  # "- Bước 1. …" whose dash the conversion dropped: a bullet, as printed
    if m:
        rest = m.group("text")
        printed = src[: len(src) - len(rest)].strip()  # as printed, where the match read a repaired label
        return "item", _label_from_match(m, printed), rest, None
    h = P.HEADING_ONLY_RE.match(line.text)
    if h:
        return "item", _label_from_match(h, line.text.strip()), "", None
    b = P.BULLET_RE.match(line.text)
    if b:
        marker = {"–": "-", "—": "-"}.get(b.group("marker"), b.group("marker"))
        return "bullet", None, b.group("text"), marker
    if line.lost_bullet:
        return "bullet", None, line.text, "lost"
    return "para", None, line.text, None


# --- quoted text ----------------------------------------------------------------------------------------
# An amending text quotes the new wording of what it amends ("2. Sửa đổi khoản 3 Điều 12 như sau:" / "“3. Cơ sở kinh
# doanh … a) … đ) …”"), in curly or straight quotes (bench/heldout_pairs 18). The labels inside a quotation are the
# quoted text's own numbering: its lines are content of the item that quotes them, never items of the document.
# A quotation whose closing mark OCR lost ends where the document goes on with its next amendment: a labelled line
# that opens with an amending verb and names what it amends; one that never closes quotes nothing (as printed).
_AMENDING_RE = re.compile(
    "^(?:" + "|".join(P.loose(w) for w in ("sửa đổi", "bổ sung", "bãi bỏ", "thay thế", "hủy bỏ", "huỷ bỏ",
                                              "đính chính")) + r")(?![^\W\d_])", re.I)
_AMENDED_RE = re.compile(r"\b(?:Điều|[Kk]hoản|[Đđ]iểm|[Cc]hương|[Mm]ục)\s+[0-9IVXa-zđ]|" + P.loose("như sau"), re.I)


def _quote_effect(text: str) -> tuple[int, int, bool]:
    """What a line does to the open quotations: the curly depth after it is max(depth + net, floor) for the
    depth before it (a closing mark with nothing open closes nothing); and whether it toggles a straight one."""
    net = floor = 0
    if "“" not in text and "”" not in text:  # most lines: no curly mark, so no walk over the characters
        return net, floor, text.count('"') % 2 == 1
    for ch in text:
        if ch == "“":
            net, floor = net + 1, floor + 1
        elif ch == "”":
            net, floor = net - 1, max(0, floor - 1)
    return net, floor, text.count('"') % 2 == 1


def _amends(line: Line) -> bool:
    """A labelled line of the amending document itself: "4. Sửa đổi khoản 1 Điều 13 … như sau:"."""
    kind, _, text, _ = classify_line(line)
    return kind == "item" and bool(_AMENDING_RE.match(text)) and bool(_AMENDED_RE.search(text))


def quoted_lines(lines: Sequence[Line]) -> set[int]:
    """Indexes of the lines that stand inside a quotation opened on an earlier line and closed on this one or
    a later one (or cut off where the document's next amendment starts)."""
    effects = [_quote_effect(line.text) for line in lines]
    amends: dict[int, bool] = {}
    out: set[int] = set()
    i = 0
    while i < len(lines):
        net, floor, toggle = effects[i]
        depth, straight = max(net, floor), toggle
        if not depth and not straight:
            i += 1
            continue
        inside: list[int] = []
        end = None  # the line the quotation ends on, or the line before the amendment that cuts it off
        for j in range(i + 1, len(lines)):
            if lines[j].blank:
                continue
            if j not in amends:
                amends[j] = _amends(lines[j])
            if amends[j]:
                end = j - 1
                break
            inside.append(j)
            net, floor, toggle = effects[j]
            depth, straight = max(depth + net, floor), straight != toggle
            if not depth and not straight:
                end = j
                break
        if end is None:
            i += 1  # never closed: a stray mark, not a quotation
            continue
        out.update(inside)
        i = end + 1
    return out


# --- the tree -------------------------------------------------------------------------------------------


def _successor(prev: Label, cur: Label) -> bool:
    if prev.key != cur.key:
        return False
    if isinstance(prev.value, tuple) and isinstance(cur.value, tuple):
        return prev.value[:-1] == cur.value[:-1] and cur.value[-1] == prev.value[-1] + 1
    if prev.key in ("upper", "alpha", "alpha)"):
        a, b = prev.part.lower(), cur.part.lower()
        vn = P.VN_ALPHABET
        if a in vn and b in vn and vn.index(b) == vn.index(a) + 1:
            return True
        return a.isascii() and b.isascii() and ord(b) == ord(a) + 1
    return isinstance(prev.value, int) and isinstance(cur.value, int) and cur.value == prev.value + 1 > 1


def _initial(label: Label) -> bool:
    v = label.value
    return (v[-1] == 1) if isinstance(v, tuple) else v == 1


def _fresh(unit: UnitDraft) -> bool:
    """An item whose list has not started yet: nothing under it, or its lead announces what follows."""
    return not unit.subitems and (not unit.children or unit.text.rstrip().endswith(":"))


class _Tree:
    """The open items while the body is read, outermost first, and where each list stopped."""

    def __init__(self) -> None:
        self.roots: list[UnitDraft] = []
        self.stack: list[UnitDraft] = []
        # A list that starts under a heading of its own style ("1." tasks under "1." headings) may be numbered
        # through the text: `through` holds its items, `tails` the label each such list stopped at.
        self.through: set[int] = set()
        self.tails: dict[str, list[Label]] = {}

    def _pop_to(self, depth: int, sibling: bool = False) -> None:
        """Close the items from `depth` on; with `sibling`, the item at `depth` is followed by the next of its
        list, so only the deeper lists end there."""
        for k, u in enumerate(self.stack[depth:]):
            if id(u) in self.through and u.label is not None and not (sibling and k == 0):
                self.tails.setdefault(u.label.key, []).append(u.label)
        del self.stack[depth:]

    def _attach(self, unit: UnitDraft) -> None:
        (self.stack[-1].subitems if self.stack else self.roots).append(unit)
        self.stack.append(unit)

    def _continues_a_list(self, label: Label, take: bool = True) -> bool:
        for tail in self.tails.get(label.key, []):
            if _successor(tail, label):
                if take:
                    self.tails[label.key].remove(tail)
                return True
        return False

    def choose(self, label: Label) -> Label:
        """The reading of an ambiguous label ("I." after "H.") that continues an open list."""
        if label.alt is not None and any(u.label and _successor(u.label, label.alt) for u in self.stack):
            return label.alt
        return label

    def place_above(self, unit: UnitDraft, key: str) -> None:
        """An unnumbered heading: beside the previous one, above the list of style `key` it opens."""
        above = [i for i, u in enumerate(self.stack) if u.label and u.label.key in (key, CAPS_KEY)]
        if above:
            self._pop_to(above[0])
        self._attach(unit)

    def place(self, unit: UnitDraft) -> None:
        label = unit.label
        assert label is not None
        same = [i for i, u in enumerate(self.stack) if u.label and u.label.key == label.key]
        if same:
            follows = [i for i in same if _successor(self.stack[i].label, label)]  # type: ignore[arg-type]
            if follows and follows[-1] != len(self.stack) - 1 and _fresh(self.stack[-1]) \
                    and self._continues_a_list(label, take=False):
                # "2." heading, "2.1." sub-heading, then "3.": the task list numbered through the text goes
                # on under the sub-heading just opened, rather than a third heading with nothing under "2.1."
                follows = []
            if follows:
                if id(self.stack[follows[-1]]) in self.through:
                    self.through.add(id(unit))
                self._pop_to(follows[-1], sibling=True)
            elif _initial(label) and self.stack[-1].label and self.stack[-1].label.key == label.key \
                    and _fresh(self.stack[-1]) and len(same) < _SAME_STYLE_DEPTH:
                self.through.add(id(unit))  # a list in the heading's own style starts under it
            elif not _initial(label) and self._continues_a_list(label):
                self.through.add(id(unit))  # a list numbered through the text goes on under this heading
            else:
                self._pop_to(same[-1])  # a repeated or skipped number: a sibling all the same
            self._attach(unit)
            return
        if label.rank is not None:
            deeper = [i for i, u in enumerate(self.stack) if u.label and u.label.rank is not None
                      and u.label.rank >= label.rank]
            if deeper:
                self._pop_to(deeper[0])
        elif label.key == "roman" and not _initial(label):
            # "III." met first under "1.": its "I." was lost (OCR, a typo); Roman sections stand above the
            # Arabic and lettered lists, so it closes them
            lower = [i for i, u in enumerate(self.stack) if u.label and u.label.key in _BELOW_ROMAN]
            if lower:
                self._pop_to(lower[0])
        self._attach(unit)


def _caps_title(text: str) -> bool:
    words = text.split()
    return is_upper(text) and 2 <= len(words) <= 20 and len(text) <= 160 and not re.search(r"[.;,|]$", text) \
        and not text.startswith("|") and not P.RULE_RE.match(text)


def unnumbered_headings(lines: Sequence[Line]) -> dict[int, str]:
    """Upper-case lines standing alone over a list that starts again ("MỤC ĐÍCH, YÊU CẦU" / "1." … "NỘI DUNG" /
    "1."): section headings without a number. Decided per document: only when the outermost list restarts
    after one, so without them the ids would repeat. Index of the line → the style it stands above."""
    found: list[tuple[int, str, bool]] = []
    seen: set[str] = set()
    top: str | None = None
    quoted = quoted_lines(lines)
    kinds = [("para", None, "", None) if i in quoted else classify_line(line) for i, line in enumerate(lines)]
    for i, (kind, label, _, _) in enumerate(kinds):
        if kind == "item":
            assert label is not None
            top = top or label.key
            seen.add(label.key)
            continue
        if kind != "para" or not _caps_title(lines[i].text):
            continue
        j = next((j for j in range(i + 1, min(len(lines), i + 4)) if kinds[j][0] != "blank"), None)
        nxt = kinds[j][1] if j is not None and kinds[j][0] == "item" else None
        if nxt is not None and _initial(nxt):
            found.append((i, nxt.key, nxt.key in seen))
    restarts = {key for _, key, again in found if again and key == top}
    return {i: key for i, key, _ in found if key in restarts}


def build_items(lines: Sequence[Line], wrap: int | None, headings: dict[int, str] | None = None,
                ) -> list[UnitDraft]:
    """Item tree from the body lines: numbering styles nest as above, bullets nest by marker or Word level; a
    label printed twice by mistake reads as the next number where that is free (`parsers.numbering`).
    `headings` are the unnumbered headings among the lines (`unnumbered_headings`)."""
    tree = _Tree()
    block_stack: list[UnitDraft] = []  # open bullets of the current item
    last: UnitDraft | None = None
    pending: Line | None = None  # a bullet marker alone on its line; its text is on the next
    quoted = quoted_lines(lines)  # quoted text: its labels are the quotation's, never the document's items

    def flush() -> None:
        """A marker alone that no text followed stays a block of its own (nothing is dropped)."""
        nonlocal pending, last
        if pending is not None and tree.stack:
            unit = UnitDraft([pending], [pending.text], "para")
            tree.stack[-1].children.append(unit)
            block_stack.clear()
            last = unit
        pending = None

    for idx, line in enumerate(lines):
        if headings and idx in headings and idx not in quoted:
            flush()
            words = re.sub(r"\s+", " ", line.text.replace("/", "-").replace(".", " ")).strip()
            unit = UnitDraft([line], [line.text], "item", label=Label(line.text, CAPS_KEY, words, 0, "step"))
            tree.place_above(unit, headings[idx])
            block_stack.clear()
            last = unit
            continue
        kind, label, text, marker = classify_line(line)
        quoted_label = kind == "item" and idx in quoted
        if quoted_label:  # a quoted label opens a paragraph of the quotation, as it opens an item where it stood
            kind, label, text = "para", None, line.text
        if kind == "blank":
            continue
        if kind == "para" and P.BULLET_RE.match(f"{line.text} x") and len(line.text) == 1:
            flush()
            pending = line
            continue
        if pending is not None and kind == "para":
            kind, marker = "bullet", {"–": "-", "—": "-"}.get(pending.text, pending.text)
        elif pending is not None:
            flush()
        if kind == "para" and last is not None and (line.soft if quoted_label else continues(last, line, wrap)):
            last.extend(line, text)
            continue
        if kind == "bullet" and pending is None and last is not None and wrap and LOWER_START_RE.match(text) \
                and continues(last, line, wrap):
            # "kinh tế -" / "- xã hội …": a hyphen that the cut put at the start of a line
            last.extend(line, line.text)
            continue
        if kind == "para" and last is not None and last.kind == "item" and _takes_title(last, text):
            last.extend(line, text)
            continue
        if kind == "item":
            assert label is not None
            unit = UnitDraft([line], [text], "item", label=tree.choose(label), auto=bool(line.label))
            tree.place(unit)
            block_stack.clear()
            last = unit
            continue
        if not tree.stack:  # text before the first item is the caller's business
            pending = None
            continue
        owner = tree.stack[-1]
        unit = UnitDraft([pending, line] if pending else [line], [text], kind, marker=marker)
        pending = None
        if kind == "para":
            block_stack.clear()
            owner.children.append(unit)
        else:
            _place_bullet(owner, block_stack, unit, line)
        last = unit
    flush()
    return read_repeated_labels(tree.roots)


def _takes_title(item: UnitDraft, text: str) -> bool:
    """A heading alone on its line takes the next line as its title ("Chương I" / "ĐOÀN VIÊN"); an upper-case
    title goes on over the next upper-case line."""
    if item.children or item.subitems:
        return False
    if not item.text:
        return True
    return is_upper(item.text) and is_upper(text) and len(text.split()) >= 3 and len(item.text) + len(text) <= 200 \
        and not re.search(r"[.:;!?]$", item.text)


def _place_bullet(owner: UnitDraft, stack: list[UnitDraft], unit: UnitDraft, line: Line) -> None:
    """Nest a bullet: a marker seen before closes back to it; a new marker opens a deeper level.
    Word bullets carry their level (ilvl), which decides instead."""
    if line.level is not None and line.label:
        while stack and (stack[-1].lines[0].level or 0) >= line.level:
            stack.pop()
    else:
        markers = [b.marker for b in stack]
        if unit.marker in markers:
            del stack[markers.index(unit.marker) :]
    del stack[MAX_BLOCK_DEPTH - 1 :]  # Word itself has nine list levels; deeper is noise, kept at the ninth
    (stack[-1].children if stack else owner.children).append(unit)
    stack.append(unit)


def walk(units: Sequence[UnitDraft]) -> Iterator[UnitDraft]:
    """Items depth first, in document order."""
    stack = list(reversed(units))
    while stack:
        u = stack.pop()
        yield u
        stack.extend(reversed(u.subitems))


# --- ids ------------------------------------------------------------------------------------------------


def _join(parent: tuple[str, str] | None, part: str) -> str:
    if parent is None:
        return part
    pid, ppart = parent
    return pid + part[len(ppart) :] if part.startswith(ppart + ".") else f"{pid}.{part}"


def _articles_absolute(roots: Sequence[UnitDraft]) -> bool:
    """An Điều is cited by its number alone ("Điều 8"), whatever it sits under, when the part numbers its
    Điều through the text; a part that restarts them (an annex quoting Điều 1 twice) keeps the prefixes."""
    parts = [u.label.part for u in walk(roots) if u.label and u.label.kind == "article"]
    return len(parts) == len(set(parts))


def _bare_ids(roots: Sequence[UnitDraft], visible: frozenset[str]) -> list[tuple[UnitDraft, str, str]]:
    """(unit, id, id its children join to) for every item, before duplicates are told apart."""
    out: list[tuple[UnitDraft, str, str]] = []
    absolute = _articles_absolute(roots)
    stack: list[tuple[UnitDraft, tuple[str, str] | None]] = [(u, None) for u in reversed(roots)]
    while stack:
        u, parent = stack.pop()
        assert u.label is not None
        uid = _join(None if absolute and u.label.kind == "article" else parent, u.label.part)
        out.append((u, uid, u.label.part))
        hidden = u.label.kind in CONTAINERS and u.label.kind not in visible
        below = parent if hidden else (uid, u.label.part)
        stack.extend((c, below) for c in reversed(u.subitems))
    return out


def visible_containers(roots: Sequence[UnitDraft]) -> frozenset[str]:
    """The container kinds (Phần, Chương, Mục) that must stay in the ids for them to be unique: none when
    the numbering below runs through the text, as Điều do; the fewest, outermost first, otherwise."""
    present = [k for k in CONTAINERS if any(u.label and u.label.kind == k for u in walk(roots))]
    best: tuple[int, frozenset[str]] | None = None
    for r in range(len(present) + 1):
        for subset in combinations(present, r):
            ids = Counter(uid for _, uid, _ in _bare_ids(roots, frozenset(subset)))
            dups = sum(n - 1 for n in ids.values())
            if best is None or dups < best[0]:
                best = (dups, frozenset(subset))
        if best is not None and best[0] == 0:
            break
    return best[1] if best else frozenset()


def bare_ids(roots: Sequence[UnitDraft]) -> set[str]:
    """The ids a part's items take when nothing is prefixed (for keeping parts apart)."""
    return {uid for _, uid, _ in _bare_ids(roots, visible_containers(roots))}


def _item_kind(u: UnitDraft, parent_kind: ItemKind | None) -> ItemKind:
    assert u.label is not None
    if u.label.kind != "item":
        return ItemKind(u.label.kind)
    if parent_kind is ItemKind.ARTICLE and u.label.key in ("num", "num)"):
        return ItemKind.CLAUSE
    if parent_kind in (ItemKind.ARTICLE, ItemKind.CLAUSE) and u.label.key in ("alpha", "alpha)"):
        return ItemKind.POINT
    return ItemKind.ITEM


def _is_heading(u: UnitDraft, kind: ItemKind) -> bool:
    text = u.text
    if kind in (ItemKind.PART, ItemKind.CHAPTER, ItemKind.SECTION):
        return True
    if kind is ItemKind.STEP and (is_upper(text) or len(text) <= 120) and not re.search(r"[.;]\W*$", text):
        return True
    if not u.subitems or len(text) > 250:
        return False
    return is_upper(text) or not re.search(r"[.;]\W*$", text) or kind is ItemKind.ARTICLE


def to_blocks(units: list[UnitDraft], prefix: str) -> list[Block]:
    """Blocks of one item with their ids (`ITEM/k`, `ITEM/k/j`), built without recursion."""
    out: list[Block] = []
    stack: list[tuple[list[UnitDraft], str, list[Block]]] = [(units, prefix, out)]
    while stack:
        group, pid, into = stack.pop()
        for k, u in enumerate(group, start=1):
            bid = f"{pid}/{k}"
            marker = u.marker.split("@")[0] if u.marker else None
            block = Block(id=bid, kind=BlockKind.BULLET if u.kind == "bullet" else BlockKind.PARAGRAPH,
                          marker=None if marker == "lost" else marker, text=u.text,
                          norm=display_to_matching(u.text), raw=u.raw, span=u.span)
            into.append(block)
            if u.children:
                stack.append((u.children, bid, block.blocks))
    return out


def to_items(roots: list[UnitDraft], seen: dict[str, int], warnings: list[ParseWarning], part: int = 0,
             prefix: str | None = None) -> list[Item]:
    """Item models with their ids; a repeated id (the document repeats a label) becomes `id~2`, `id~3`."""
    visible = visible_containers(roots)
    absolute = _articles_absolute(roots)
    root = (prefix, prefix) if prefix else None
    out: list[Item] = []
    built: dict[int, Item] = {}
    # (unit, parent unit, the id its children join to); parents are visited before their children
    stack: list[tuple[UnitDraft, UnitDraft | None, tuple[str, str] | None]] = [
        (u, None, root) for u in reversed(roots)
    ]
    kinds: dict[int, ItemKind] = {}
    while stack:
        u, parent, join_to = stack.pop()
        assert u.label is not None
        uid = _join(root if absolute and u.label.kind == "article" else join_to, u.label.part)
        if uid in seen:
            seen[uid] += 1
            warnings.append(ParseWarning(code=WarningCode.DUPLICATE_ITEM_ID,
                                         message=f"item label {u.label.printed!r} repeats id {uid!r}; "
                                                 f"kept as {uid}~{seen[uid]}"))
            uid = f"{uid}~{seen[uid]}"
        else:
            seen[uid] = 1
        kind = _item_kind(u, kinds.get(id(parent)) if parent is not None else None)
        kinds[id(u)] = kind
        item = Item(id=uid, label=u.label.printed, auto_numbered=u.auto, kind=kind, heading=_is_heading(u, kind),
                    part=part, text=u.text, norm=display_to_matching(u.text), raw=u.raw, span=u.span,
                    blocks=to_blocks(u.children, uid))
        built[id(u)] = item
        (built[id(parent)].items if parent is not None else out).append(item)
        hidden = u.label.kind in CONTAINERS and u.label.kind not in visible
        below = join_to if hidden else (uid, u.label.part)
        stack.extend((c, u, below) for c in reversed(u.subitems))
    return out


def to_paragraphs(units: list[UnitDraft], zone: str) -> list[Paragraph]:
    """Paragraphs of one zone (preamble, body, closing) with their ids `zone/1`, `zone/2`, …"""
    return [Paragraph(id=f"{zone}/{k}", text=u.text, norm=display_to_matching(u.text), raw=u.raw, span=u.span)
            for k, u in enumerate(units, start=1)]


def prose_preamble_end(units: list[UnitDraft]) -> int:
    """In a letter with no numbered items, how many leading paragraphs are its preamble: legal bases
    ("Căn cứ …;") and lead-ins ("Thực hiện …, UBND tỉnh có ý kiến như sau:"); what they introduce is the body."""
    k = 0
    while k < len(units):
        text = units[k].text.rstrip()
        if not (text.endswith(":") or (P.PREAMBLE_OPENER_RE.match(text) and text.endswith(";"))):
            break
        k += 1
    return k


def first_item(lines: Sequence[Line], start: int, stop: int) -> int | None:
    for i in range(start, stop):
        if classify_line(lines[i])[0] == "item":
            return i
    return None
