"""Source lines and the paragraphs they make: soft breaks, page-break splits and hard wrapping undone.

Every zone of the segmenter works on these `Line`s; `UnitDraft` is a unit under construction.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models import RawDocument, SourceSpan
from parsers import patterns as P
from parsers.normalise import clean_text

SEGMENT_SPLIT_RE = re.compile(r"\t+|\s{3,}")
LOWER_START_RE = re.compile(rf"^[\"“'‘(\[]?[{P.VN_LOWER}]")
_TERMINAL_RE = re.compile(r"[.:;!?…]\W*$")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass
class Line:
    """One line of the source: a .txt line, or one soft-broken part of a .docx paragraph."""

    block: int
    raw: str
    text: str
    label: str | None = None
    bullet: bool = False
    level: int | None = None
    table: int | None = None
    cell: int | None = None
    soft: bool = False  # continues the previous line of the same paragraph (Shift+Enter)

    @property
    def blank(self) -> bool:
        return not self.text


def read_lines(raw: RawDocument) -> list[Line]:
    out: list[Line] = []
    for i, block in enumerate(raw.blocks):
        parts = block.text.split("\n") if "\n" in block.text else [block.text]
        for k, part in enumerate(parts):
            first = k == 0
            out.append(
                Line(
                    block=i, raw=part, text=clean_text(part), label=block.label if first else None,
                    bullet=block.bullet if first else False, level=block.list_level if first else None,
                    table=block.table, cell=block.cell, soft=not first,
                )
            )
    return out


def is_upper(text: str) -> bool:
    letters = _LETTER_RE.findall(text)
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


# --- units under construction ---------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    printed: str  # as printed, e.g. "1.2." or "a)"
    key: str  # style of numbering: siblings share it, a new style nests
    part: str  # id fragment: the label without trailing punctuation


@dataclass
class UnitDraft:
    lines: list[Line]
    text_parts: list[str]
    kind: str  # item | bullet | para
    label: Label | None = None
    marker: str | None = None
    auto: bool = False
    children: list["UnitDraft"] = field(default_factory=list)  # blocks
    subitems: list["UnitDraft"] = field(default_factory=list)

    def extend(self, line: Line, text: str) -> None:
        self.lines.append(line)
        self.text_parts.append(text)

    @property
    def text(self) -> str:
        return " ".join(t for t in self.text_parts if t)

    @property
    def raw(self) -> str:
        return "\n".join(line.raw for line in self.lines)

    @property
    def span(self) -> SourceSpan:
        return SourceSpan(first=self.lines[0].block, last=self.lines[-1].block)


def wrap_width(lines: Sequence[Line]) -> int | None:
    """Width of a hard-wrapped .txt (lines cut at a fixed width), or None if lines are paragraphs."""
    lengths = sorted(len(line.raw.strip()) for line in lines if line.text and line.table is None)
    if len(lengths) < 12:
        return None
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    if not 40 <= p90 <= 100:
        return None
    long_lines = [ln for ln in lines if ln.text and len(ln.raw.strip()) >= 0.8 * p90]
    open_ended = sum(1 for ln in long_lines if not _TERMINAL_RE.search(ln.text))
    if len(long_lines) >= 0.4 * len(lengths) and open_ended >= 0.5 * len(long_lines):
        return lengths[-1]  # the width the text was cut at: its longest line
    return None


def continues(prev: UnitDraft | None, line: Line, wrap: int | None) -> bool:
    """Is `line` the rest of the previous paragraph (soft break, page-break split, hard wrap)?"""
    if prev is None:
        return False
    if line.soft:
        return True
    if LOWER_START_RE.match(line.text):
        # "A paragraph split by a page break (the text goes on with a lower-case word) is one block."
        return True
    last = prev.lines[-1].raw.strip()  # the width is that of the source lines, markup included
    if not wrap:
        return False
    # Hard-wrapped text breaks a line only when the next word would not fit: if it would have fit,
    # the break is the end of a paragraph (whatever punctuation ends the line).
    first_word = line.raw.strip().split(" ", 1)[0]
    return len(last) + 1 + len(first_word) > wrap


def paragraphs(lines: Sequence[Line], wrap: int | None) -> list[UnitDraft]:
    units: list[UnitDraft] = []
    for line in lines:
        if line.blank:
            continue
        if units and continues(units[-1], line, wrap):
            units[-1].extend(line, line.text)
        else:
            units.append(UnitDraft([line], [line.text], "para"))
    return units
