"""Source lines and the paragraphs they make: soft breaks, page-break splits and hard wrapping undone,
and the noise PDF-to-text and Markdown transcriptions put between paragraphs (page numbers, form feeds,
running headers, footnotes, Markdown heading marks, bullets whose dash the conversion dropped).

Every zone of the segmenter works on these `Line`s; `UnitDraft` is a unit under construction.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from models import RawDocument, SourceSpan
from parsers import patterns as P
from parsers.normalise import clean_text
from parsers.runon import LIST_NUMBER_RE, rebreak

SEGMENT_SPLIT_RE = re.compile(r"\t+|\s{3,}")
LOWER_START_RE = re.compile(rf"^[\"“'‘(\[]?[{P.VN_LOWER}]")
_TERMINAL_RE = re.compile(r"[.:;!?…]\W*$")
_SINGLE_SPACE_RE = re.compile(r"^ (?=[^\s])")
_NOTE_NUMBER_RE = re.compile(r"^(\d{1,3})\s+\S")  # a note inside a run of notes may open with a URL
# Words that never end a sentence or a title: a line ending on one goes on, whatever case follows.
_DANGLING_RE = re.compile(
    r"(?<![^\W\d_])(?:của|và|các|về|cho|với|trong|theo|những|đến|từ|tại|bằng|để|do|hoặc|nhằm|thuộc|vào|giữa|"
    r"là|mà|cùng|qua)$"
)
_LETTER_RE = re.compile(r"[^\W\d_]")
# Two page-edge lines this alike are one running line read twice by OCR: the thuvienphapluat footers of
# bench/heldout_pairs 13 are 0.95 alike; different short lines (a title, a page's first sentence) far less.
_RUNNING_SIMILARITY = 0.85
# The line an OCR or PDF-to-text tool writes where a page ends ("--- PAGE BREAK ---", "=== Page 3 ===", "[New
# page]"; bench/heldout_pairs 13, 14): page furniture like a page number, never a bullet or item text.
_PAGE_SEPARATOR_RE = re.compile(
    r"^\s*[-=_*#<!\[({~]*\s*(?:page\s*break|new\s*page|(?:page|trang)\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*[-=_*#>\])}~]*\s*$",
    re.I,
)


# A Markdown conversion's front matter: "---", lines of "key: value" (title, category, source_folder,
# original_format…), "---" at the top of the file (bench/heldout_pairs 13, 14): the converter's metadata, not the
# letter's first lines (its title is no issuer or subject).
_FRONT_MATTER_KEY_RE = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_-]*\s*:(?:\s|$)")
_FRONT_MATTER_MAX_LINES = 40


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
    md_level: int | None = None  # "## I. MỤC TIÊU": a Markdown heading of this level (marks removed from text)
    noise: str | None = None  # page | running | rule | footnote | stray | meta: not letter text (text is then "")
    lost_bullet: bool = False  # " Nội dung …": the conversion dropped the "-" and left its space
    numeral: str | None = None  # "IL THỜI GIAN": the Roman label damage hid, read from its neighbours (numerals.py)
    arabic: int | None = None  # "§. Thực hiện" after "7.": the number damage hid, read from the list (numerals.py)
    point: str | None = None  # "ce)" between "b)" and "d)": the point letter a glyph too many hid (numerals.py)

    @property
    def blank(self) -> bool:
        return not self.text


def read_lines(raw: RawDocument) -> list[Line]:
    out: list[Line] = []
    for i, block in enumerate(raw.blocks):
        lines = block.text.split("\n") if "\n" in block.text else [block.text]
        # A letter printed as one line gets its lines back (parsers/runon.py); those are no soft breaks.
        parts = [(piece, k > 0 and j == 0) for k, line in enumerate(lines)
                 for j, piece in enumerate(rebreak(line) if block.table is None else [line])]
        for n, (part, soft) in enumerate(parts):
            first = n == 0
            text = clean_text(part)
            noise = "page" if first and len(parts) > len(lines) and LIST_NUMBER_RE.fullmatch(part) else None
            if noise:
                text = ""  # the site's number before a run-on letter: kept in raw, never an item
            md = P.MD_HEADING_RE.match(part.lstrip(" *_\\"))
            out.append(
                Line(
                    block=i, raw=part, text=text, label=block.label if first else None,
                    bullet=block.bullet if first else False, level=block.list_level if first else None,
                    table=block.table, cell=block.cell, soft=soft,
                    md_level=len(md.group(1)) if md else None, noise=noise,
                )
            )
    mark_noise(out)
    return out


# --- transcription noise ----------------------------------------------------------------------------


# A lower-case letter alone on its line is a mark a PDF text layer lost from its word (123doc's "ơ" above the
# issuer lines), never a line of the letter: an item label has its dot or bracket ("a)", "b."), a drop capital is
# upper case.
def _stray_glyph(text: str) -> bool:
    return len(text.strip()) == 1 and text.strip().islower()


def _quiet(line: Line, why: str) -> None:
    line.noise, line.text = why, ""


def mark_noise(lines: list[Line]) -> None:
    """Blank out what a PDF or Markdown conversion put between the paragraphs (the raw text is kept):
    page numbers and page-break lines, running headers and footers, footnote and endnote texts, a stray letter
    alone on its line; flag bullets whose dash the conversion dropped. Only plain-text lines are touched: a .docx
    table cell "2" is data."""
    plain = [ln for ln in lines if ln.table is None]
    _front_matter(plain)
    page_ends = []  # index in `plain` of the line that ends each page
    for k, ln in enumerate(plain):
        if "\f" in ln.raw and k:
            page_ends.append(k - 1)
        if ln.text and (P.PAGE_NUMBER_RE.match(ln.text) or _PAGE_SEPARATOR_RE.match(ln.text)):
            _quiet(ln, "page")
            page_ends.append(k)
        elif _stray_glyph(ln.text):
            _quiet(ln, "stray")
    # the document's end closes its last page: a footer may stand there too
    _running_lines(plain, [*page_ends, len(plain) - 1] if page_ends else page_ends)
    _footnotes(plain, set(page_ends))
    _lost_bullets(plain)


def _front_matter(plain: list[Line]) -> None:
    """Quiet a front matter block that opens the file; anything but "key: value" lines between the rules and it is
    a horizontal rule of the letter, left alone."""
    filled = [k for k, ln in enumerate(plain[: _FRONT_MATTER_MAX_LINES + 2]) if ln.text]
    if len(filled) < 3 or plain[filled[0]].text.strip() != "---":
        return
    for k in filled[1:]:
        text = plain[k].text.strip()
        if text == "---":
            if k == filled[1]:
                return  # "---" twice: two rules, no metadata
            for ln in plain[filled[0] : k + 1]:
                if ln.text:
                    _quiet(ln, "meta")
            return
        if not _FRONT_MATTER_KEY_RE.match(text):
            return


def _running_lines(plain: list[Line], page_ends: list[int]) -> None:
    """A short line repeated word for word at the top (or foot) of at least three pages and of half the
    pages is a running header (footer); a title or numbered line never is. OCR reads the same footer a
    little differently on each page ("THƯ VIEN PHAP LUAT* Tek" / "THU VIEN PHAP LUẬTT* Tet"): nearly the same
    line counts as the same."""
    if len(page_ends) < 3:
        return
    for step in (1, -1):
        seen: dict[str, list[Line]] = {}
        for end in page_ends:
            k = end + step if step == 1 else end
            while 0 <= k < len(plain) and not plain[k].text:
                k += step
            if 0 <= k < len(plain) and len(plain[k].text) <= 100:
                text = plain[k].text
                key = next((t for t in seen if SequenceMatcher(None, t, text).ratio() >= _RUNNING_SIMILARITY), text)
                seen.setdefault(key, []).append(plain[k])
        for text, found in seen.items():
            if len(found) >= max(3, len(page_ends) // 2) and not P.ANNEX_RE.match(text) \
                    and not P.ITEM_RE.match(text) and not P.ATTACHMENT_TITLE_RE.match(text):
                for ln in found:
                    _quiet(ln, "running")


def _footnotes(plain: list[Line], page_ends: set[int]) -> None:
    """Footnotes: endnotes exported with a back-link arrow ("1. … ↑"), and PDF footnotes numbered 1, 2, 3 …
    through the text at the foot of a page ("1 Quyết định số …" just before the page break)."""
    arrows = [k for k, ln in enumerate(plain) if P.BACKLINK_RE.search(ln.text)]
    if len(arrows) >= 2:
        for k in arrows:
            start = k
            for j in range(k, max(-1, k - 6), -1):
                if j != k and (P.BACKLINK_RE.search(plain[j].text) or plain[j].noise == "footnote"):
                    break
                if P.NOTE_START_RE.match(plain[j].text):
                    start = j
                    break
            for j in range(start, k + 1):
                if plain[j].text or plain[j].noise is None:
                    _quiet(plain[j], "footnote")
    expected = 1
    k = 0
    while k < len(plain):
        # the first note must look like one ("1 Quyết định …"); once notes are seen, "5 https://…" too
        m = P.PAGE_NOTE_RE.match(plain[k].text) or (_NOTE_NUMBER_RE.match(plain[k].text) if expected > 1 else None)
        end = _page_end_after(plain, k, page_ends, expected > 1) if m and int(m.group(1)) == expected else None
        if end is None:
            k += 1
            continue
        # the foot of the page, from this note to the page break, is notes: count the ones numbered on
        for j in range(k, end + 1):
            n = _NOTE_NUMBER_RE.match(plain[j].text)
            if n and int(n.group(1)) == expected:
                expected += 1
            if plain[j].text:
                _quiet(plain[j], "footnote")
        k = end + 1


def _page_end_after(plain: list[Line], k: int, page_ends: set[int], established: bool) -> int | None:
    """The page end that closes a run of footnotes starting at line k, within 40 lines (the body never goes
    on below its footnotes). Until the document has shown one run of notes, a numbered item or a bullet
    in between means line k was body text after all; after that, notes may hold lists of their own."""
    for j in range(k, min(len(plain), k + 40)):
        if j in page_ends:
            return j
        t = plain[j].text
        if not established and j > k and t \
                and (P.ITEM_RE.match(t) or P.BULLET_RE.match(t) or _SINGLE_SPACE_RE.match(plain[j].raw)):
            return None
    return len(plain) - 1 if len(plain) - k <= 40 else None


def _lost_bullets(plain: list[Line]) -> None:
    """PDF-to-text that drops the "-" of bullets leaves their space: " Nội dung …". Decided per document:
    at least three such lines, and no more real dash bullets than them."""
    single = [ln for ln in plain if ln.text and _SINGLE_SPACE_RE.match(ln.raw) and not LOWER_START_RE.match(ln.text)]
    dashes = sum(1 for ln in plain if ln.text and P.BULLET_RE.match(ln.text) and ln.text[0] in "-–—")
    if len(single) >= 3 and dashes <= len(single):
        for ln in single:
            ln.lost_bullet = True


def is_upper(text: str) -> bool:
    letters = _LETTER_RE.findall(text)
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


# --- units under construction ---------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    printed: str  # as printed, e.g. "1.2." or "a)"
    key: str  # style of numbering: siblings share it, a new style nests
    part: str  # id fragment: the label without trailing punctuation
    value: int | tuple[int, ...] = 0  # its place in its list (II → 2, b → 2, 1.2 → (1, 2)); 0 if unknown
    kind: str = "item"  # part | chapter | section | article | step | item (ItemKind of a heading word)
    rank: int | None = None  # legal rank, the one fixed order: Phần 0 > Chương 1 > Mục 2 > Điều 3
    alt: "Label | None" = None  # another reading of the same characters ("I." as the letter after "H.")


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
    part: int = 0  # index of the document part it belongs to

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
    if _DANGLING_RE.search(prev.lines[-1].text):
        return True  # "… chủ trương của" / "Đảng, chính sách …": no sentence or title ends on "của"
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
