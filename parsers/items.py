"""The tree of numbered items and the blocks under them, with the unit ids of shared/eval/README.md."""

import re
from collections.abc import Sequence

from models import Block, BlockKind, Item, Paragraph, ParseWarning
from parsers import patterns as P
from parsers.lines import LOWER_START_RE, Label, Line, UnitDraft, continues
from parsers.normalise import matching_form


def _label_from_match(m: re.Match[str], printed: str) -> Label:
    g = m.groupdict()
    if g.get("heading"):
        word = g["heading"].split()[0].lower()
        return Label(printed, f"heading:{word}", re.sub(r"\s+", " ", g["heading"]).strip())
    if g.get("roman"):
        return Label(printed, "roman", g["roman"])
    if g.get("dotted"):
        return Label(printed, f"dotted:{g['dotted'].count('.')}", g["dotted"])
    if g.get("num"):
        return Label(printed, "num)" if g["numsep"] == ")" else "num", g["num"])
    return Label(printed, "alpha)" if g["alphasep"] == ")" else "alpha", g["alpha"])


def classify_line(line: Line) -> tuple[str, Label | None, str, str | None]:
    """(kind, label, text without label, bullet marker) where kind is item | bullet | para | blank."""
    if line.blank:
        return "blank", None, "", None
    if line.label and not line.bullet:
        m = P.ITEM_RE.match(f"{line.label} x")
        if m:
            return "item", _label_from_match(m, line.label), line.text, None
        return "para", None, line.text, None
    if line.label and line.bullet:
        return "bullet", None, line.text, f"{line.label}@{line.level or 0}"
    if P.RULE_RE.match(line.text):
        return "para", None, line.text, None
    m = P.ITEM_RE.match(line.text)
    if m:
        printed = line.text[: m.start("text")].strip()
        return "item", _label_from_match(m, printed), m.group("text"), None
    b = P.BULLET_RE.match(line.text)
    if b:
        marker = {"–": "-", "—": "-"}.get(b.group("marker"), b.group("marker"))
        return "bullet", None, b.group("text"), marker
    return "para", None, line.text, None


def build_items(lines: Sequence[Line], wrap: int | None) -> list[UnitDraft]:
    """Item tree from the body lines: numbering styles nest, bullets nest by marker or Word level."""
    roots: list[UnitDraft] = []
    item_stack: list[UnitDraft] = []  # open items, outermost first
    block_stack: list[UnitDraft] = []  # open bullets of the current item
    last: UnitDraft | None = None
    for line in lines:
        kind, label, text, marker = classify_line(line)
        if kind == "blank":
            continue
        if kind == "para" and last is not None and continues(last, line, wrap):
            last.extend(line, text)
            continue
        if kind == "bullet" and last is not None and wrap and LOWER_START_RE.match(text) \
                and continues(last, line, wrap):
            # "kinh tế -" / "- xã hội …": a hyphen that the cut put at the start of a line
            last.extend(line, line.text)
            continue
        if kind == "item":
            assert label is not None
            keys = [u.label.key for u in item_stack if u.label]
            if label.key in keys:
                del item_stack[keys.index(label.key) :]
            unit = UnitDraft([line], [text], "item", label=label, auto=bool(line.label))
            (item_stack[-1].subitems if item_stack else roots).append(unit)
            item_stack.append(unit)
            block_stack.clear()
            last = unit
            continue
        if not item_stack:  # text before the first item is the caller's business
            continue
        owner = item_stack[-1]
        unit = UnitDraft([line], [text], kind, marker=marker)
        if kind == "para":
            block_stack.clear()
            owner.children.append(unit)
        else:
            _place_bullet(owner, block_stack, unit, line)
        last = unit
    return roots


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
    (stack[-1].children if stack else owner.children).append(unit)
    stack.append(unit)


def to_blocks(units: list[UnitDraft], prefix: str) -> list[Block]:
    blocks = []
    for k, u in enumerate(units, start=1):
        bid = f"{prefix}/{k}"
        blocks.append(
            Block(
                id=bid, kind=BlockKind.BULLET if u.kind == "bullet" else BlockKind.PARAGRAPH,
                marker=u.marker.split("@")[0] if u.marker else None, text=u.text, norm=matching_form(u.text),
                raw=u.raw, span=u.span, blocks=to_blocks(u.children, bid),
            )
        )
    return blocks


def to_items(units: list[UnitDraft], parent: tuple[str, str] | None, seen: dict[str, int],
              warnings: list[ParseWarning]) -> list[Item]:
    items = []
    for u in units:
        assert u.label is not None
        part = u.label.part
        # A label that does not already contain its parent's label is prefixed with the parent's id.
        uid = part if parent is None or part.startswith(parent[1] + ".") else f"{parent[0]}.{part}"
        if uid in seen:
            seen[uid] += 1
            warnings.append(ParseWarning(code="duplicate-item-id",
                                         message=f"item label {u.label.printed!r} repeats id {uid!r}; "
                                                 f"kept as {uid}~{seen[uid]}"))
            uid = f"{uid}~{seen[uid]}"
        else:
            seen[uid] = 1
        items.append(
            Item(
                id=uid, label=u.label.printed, auto_numbered=u.auto, text=u.text, norm=matching_form(u.text),
                raw=u.raw, span=u.span, blocks=to_blocks(u.children, uid),
                items=to_items(u.subitems, (uid, part), seen, warnings),
            )
        )
    return items


def to_paragraphs(units: list[UnitDraft], zone: str) -> list[Paragraph]:
    """Paragraphs of one zone (preamble, body, closing) with their ids `zone/1`, `zone/2`, …"""
    return [Paragraph(id=f"{zone}/{k}", text=u.text, norm=matching_form(u.text), raw=u.raw, span=u.span)
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
