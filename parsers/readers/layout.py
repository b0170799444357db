"""Words with positions (a PDF's text layer, or OCR) → the raw blocks a `.docx` reader would give.

A PDF has no paragraphs, tables or reading order, only glyphs at coordinates. This module rebuilds
them, the same way for a text layer and for OCR output:

- lines: words that share a baseline (two columns side by side are one line at first);
- segments: the parts of a line separated by a gap much wider than a word space (a column gutter);
- tables: a run of lines whose segments keep clear of the same gutters, e.g. the two-column header
  (issuer | national title, number | place and date) and the "Nơi nhận" | signature footer. They
  become blocks with `table`/`row`/`cell` set, as the borderless tables of a `.docx` letter do;
- paragraphs: a line break is a paragraph end if the next line's first word would have fitted on
  the line (the rule the `.txt` reader uses for hard-wrapped text, here measured in points), if the
  next line is indented, or if the lines are further apart than the line pitch. Paragraphs cut by a
  page break are joined by the same rule;
- running headers, footers and page numbers (a line that repeats at the top or bottom of pages, a
  bare number there) are dropped.

Coordinates are PDF points with y growing downwards (top of the page is 0).
"""

import functools
import itertools
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from models import RawBlock


@dataclass
class Word:
    """A word (no space inside) at its position; `conf` is the OCR confidence 0–1, None for a text layer."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    conf: float | None = None
    line: int | None = None  # the producer's own line id (OCR): words sharing one are on one line


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    words: list[Word]
    ink: bool = False  # word boxes are tight around the ink (OCR), not the glyphs' advance widths


class _Segment:
    """Words of one line between gutters. Built once and never changed, so its figures are cached."""

    def __init__(self, words: list[Word]) -> None:
        self.words = words
        self.x0 = words[0].x0
        self.x1 = words[-1].x1

    @functools.cached_property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


class _Line:
    """One line of a page (words sorted left to right), split into segments at gutters."""

    def __init__(self, page: int, words: list[Word], segments: list[_Segment] | None = None,
                 ink: bool = False) -> None:
        self.page = page
        self.words = words
        self.segments = segments or []
        self.ink = ink
        self.top = min(w.top for w in words)
        self.bottom = max(w.bottom for w in words)
        self.baseline = statistics.median(w.bottom for w in words)
        self.size = statistics.median(w.size for w in words)
        self.first_word = words[0].x1 - words[0].x0

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def x1(self) -> float:
        return self.segments[-1].x1

    @functools.cached_property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments)


# A column gutter is wider than this many font sizes; a word space, even justified, is narrower.
_GUTTER_EM = 2.0
# A page number alone at the top or bottom of a page: "2", "- 2 -", "(2)", "2/5".
_PAGE_NUMBER_RE = re.compile(r"^[-–—(\[\s]*\d{1,4}(?:\s*/\s*\d{1,4})?[-–—)\]\s]*$")
_DIGITS_RE = re.compile(r"\d+")
# A line that ends a sentence or a list entry, and a line that opens a numbered item or a bullet:
# between the two there is a paragraph break even if the next word would not have fitted.
_ENDS_RE = re.compile(r"[.:;!?…][\"”’)\]*]*$")
_LABEL_RE = re.compile(r"^(?:[-+•–—*▪◦➢✓❖□■]|\d+(?:\.\d+)*[.)]|[IVXLCDM]+[.)]|[^\W\d_][.)])$")
_OPENS_RE = re.compile(r"^(?:[-+•–—*▪◦➢]|\d+(?:\.\d+)*[.)]|[IVXLCDM]+[.)]|[^\W\d_][.)])(?:\s|$)")


def _group_by_overlap(words: Iterable[Word]) -> list[list[Word]]:
    groups: list[list[Word]] = []
    spans: list[list[float]] = []  # [top, bottom] of each group
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        height = max(word.bottom - word.top, 0.1)
        for k in range(len(groups) - 1, max(len(groups) - 5, -1), -1):
            top, bottom = spans[k]
            if min(bottom, word.bottom) - max(top, word.top) > 0.5 * min(height, bottom - top):
                groups[k].append(word)
                spans[k] = [min(top, word.top), max(bottom, word.bottom)]
                break
        else:
            groups.append([word])
            spans.append([word.top, word.bottom])
    return groups


def _lines(page: Page) -> list[_Line]:
    """Group words into lines, order them top to bottom and split them into segments at gutters.

    Words carrying a line id (OCR) are grouped by it: with Vietnamese stacked tone marks, the boxes of
    neighbouring lines overlap too much to tell them apart by position. Groups on the same baseline
    that do not overlap horizontally (two columns, which OCR reads as separate lines) are one line."""
    keyed: dict[int, list[Word]] = {}
    for w in page.words:
        if w.line is not None:
            keyed.setdefault(w.line, []).append(w)
    groups = list(keyed.values()) + _group_by_overlap(w for w in page.words if w.line is None)
    stats = sorted(((statistics.median(w.bottom for w in g), statistics.median(w.size for w in g), g) for g in groups),
                   key=lambda t: t[0])
    merged: list[tuple[float, float, list[Word]]] = []
    for base, size, group in stats:
        group.sort(key=lambda w: w.x0)
        for k in range(len(merged) - 1, max(len(merged) - 4, -1), -1):
            m_base, m_size, m_words = merged[k]
            if abs(m_base - base) < 0.35 * min(size, m_size) and all(
                    w.x1 <= group[0].x0 or w.x0 >= group[-1].x1 for w in m_words):
                merged[k] = (m_base, m_size, sorted(m_words + group, key=lambda w: w.x0))
                break
        else:
            merged.append((base, size, group))
    lines: list[_Line] = []
    for _, _, words in merged:
        segments = [_Segment([words[0]])]
        current = [words[0]]
        for prev, word in itertools.pairwise(words):
            # a list label ("1.1.", "-", "a)") and its text are one segment across the tab to the
            # text indent (a few ems; the star under a Party issuer is further from the next column)
            gap, size = word.x0 - prev.x1, max(prev.size, word.size)
            label = len(segments) == 1 and len(current) == 1 and gap <= 4 * size and _LABEL_RE.match(current[0].text)
            if gap > _GUTTER_EM * size and not label:
                segments[-1] = _Segment(current)
                current = [word]
                segments.append(_Segment(current))
            else:
                current.append(word)
        segments[-1] = _Segment(current)
        lines.append(_Line(page.number, words, segments, page.ink))
    lines.sort(key=lambda ln: ln.baseline)
    return lines


def _furniture_key(line: _Line) -> str:
    return _DIGITS_RE.sub("#", line.text.casefold()).strip()


def _drop_furniture(pages: list[list[_Line]]) -> int:
    """Remove page numbers and running headers/footers (the first or last line of a page that is a
    bare number, or that repeats, digits aside, at the same end of other pages); returns how many."""
    ends: list[tuple[int, str, _Line]] = []  # (page index, "top"/"bottom", line)
    for k, lines in enumerate(pages):
        if lines:
            ends.append((k, "top", lines[0]))
            if len(lines) > 1:
                ends.append((k, "bottom", lines[-1]))
    counts: dict[tuple[str, str], set[int]] = {}
    for k, where, line in ends:
        counts.setdefault((where, _furniture_key(line)), set()).add(k)
    dropped = 0
    for k, where, line in ends:
        repeated = len(pages) > 1 and len(counts[(where, _furniture_key(line))]) >= 2
        if _PAGE_NUMBER_RE.match(line.text) or repeated:
            pages[k].remove(line)
            dropped += 1
    return dropped


# --- tables -----------------------------------------------------------------------------------------


@dataclass
class _Table:
    lines: list[_Line]
    gutters: list[tuple[float, float]]

    def column(self, segment: _Segment) -> int:
        centre = (segment.x0 + segment.x1) / 2
        return sum(1 for g0, _ in self.gutters if centre > g0)


def _fit(line: _Line, gutters: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """The gutters narrowed to keep clear of `line`, or None if the line runs across one of them."""
    out = []
    for g0, g1 in gutters:
        for s in line.segments:
            if s.x1 <= g0 or s.x0 >= g1:
                continue
            if s.x0 <= g0 and s.x1 >= g1:
                return None
            if s.x0 <= g0:
                g0 = s.x1
            elif s.x1 >= g1:
                g1 = s.x0
            else:  # inside the gutter: keep the wider side
                g0, g1 = (g0, s.x0) if s.x0 - g0 >= g1 - s.x1 else (s.x1, g1)
        if g1 - g0 < line.size:
            return None
        out.append((g0, g1))
    return out


def _seed_gutters(line: _Line) -> list[tuple[float, float]]:
    return [(a.x1, b.x0) for a, b in itertools.pairwise(line.segments)]


def _row_goes_on(lines: Sequence[_Line], j: int, gutters: list[tuple[float, float]], pitch: float) -> bool:
    """The line after `lines[j]` is again one with several columns, close below: `lines[j]` is inside
    the table (a place and date under the national title, with the issuer's number beside the next line)."""
    if j + 1 >= len(lines):
        return False
    nxt = lines[j + 1]
    return len(nxt.segments) > 1 and nxt.baseline - lines[j].baseline <= 2.6 * pitch \
        and _fit(nxt, gutters) is not None


def _column_bottom(table: _Table, segment: _Segment) -> float:
    """Baseline of the last table line with text in `segment`'s column (the table's last line if none)."""
    column = table.column(segment)
    for line in reversed(table.lines):
        if any(table.column(s) == column for s in line.segments):
            return line.baseline
    return table.lines[-1].baseline


def _aligned(table: _Table, segment: _Segment, size: float) -> bool:
    """Does `segment` line up with the lines already in its column (same centre or same start)?"""
    column = table.column(segment)
    peers = [s for ln in table.lines for s in ln.segments if table.column(s) == column]
    if not peers:
        return True
    centre = statistics.median((s.x0 + s.x1) / 2 for s in peers)
    start = statistics.median(s.x0 for s in peers)
    return abs((segment.x0 + segment.x1) / 2 - centre) <= 1.5 * size or abs(segment.x0 - start) <= 0.5 * size


def _fits_to_page_end(lines: Sequence[_Line], gutters: list[tuple[float, float]]) -> bool:
    for line in lines:
        fitted = _fit(line, gutters)
        if fitted is None:
            return False
        gutters = fitted
    return True


def _tables(lines: list[_Line], pitch: float) -> list[_Line | _Table]:
    """The page's lines in reading order, runs of column-aligned lines gathered into tables.

    A table starts at a line with two or more segments and takes the following lines while they keep
    clear of its gutters, line up with the column they fall in (centred on it, as header cells are,
    or starting where its lines start) and stay close (within a few line pitches; up to the end of
    the page when every remaining line fits, which is how a signature block with its blank space for
    the seal ends). "Kính gửi:" at the margin under a centred header column is not part of the table."""
    out: list[_Line | _Table] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if len(line.segments) < 2:
            out.append(line)
            i += 1
            continue
        table = _Table([line], _seed_gutters(line))
        j = i + 1
        while j < len(lines):
            nxt = lines[j]
            narrowed = _fit(nxt, table.gutters)
            if narrowed is None:
                break
            # A new row may sit a few lines down; a line of one cell sits at the line pitch below the
            # last line of its own column (a title under a header table is further down).
            if len(nxt.segments) > 1:
                gap, limit = nxt.baseline - table.lines[-1].baseline, 2.6 * pitch
            else:
                gap, limit = nxt.baseline - _column_bottom(table, nxt.segments[0]), 1.7 * pitch
            if gap > limit and not _row_goes_on(lines, j, narrowed, pitch) \
                    and (gap > 8.0 * pitch or not _fits_to_page_end(lines[j:], table.gutters)):
                break
            if len(nxt.segments) == 1 and not _aligned(table, nxt.segments[0], nxt.size):
                break
            table.lines.append(nxt)
            table.gutters = narrowed
            j += 1
        out.append(table)
        i = j
    return out


# --- paragraphs ------------------------------------------------------------------------------------


@dataclass
class _Para:
    lines: list[_Line]

    @property
    def text(self) -> str:
        return " ".join(ln.text for ln in self.lines)


def _continues(prev: _Line, nxt: _Line, left: float, right: float, pitch: float, same_page: bool) -> bool:
    """Is `nxt` the next line of the paragraph that `prev` is in? (See the module docstring.)"""
    size = max(prev.size, nxt.size)
    if same_page and nxt.baseline - prev.baseline > 1.45 * pitch:
        return False
    if nxt.x0 > prev.x0 + size and nxt.x0 > left + size:
        return False  # the first line of an indented paragraph (or a centred line)
    space = 0.3 * size
    # Ink-tight OCR boxes make words and lines look narrower than the space they take: demand a
    # clear fit before calling a line ended on purpose.
    slack = 0.6 * size if prev.ink else -0.05 * size
    if prev.x1 + space + nxt.first_word <= right - slack:
        return False  # the next word would have fitted: the line was ended on purpose
    return not (_ENDS_RE.search(prev.text) and _OPENS_RE.match(nxt.text))


def _paragraphs(lines: Sequence[_Line], left: float, right: float, pitch: float) -> list[_Para]:
    paras: list[_Para] = []
    for line in lines:
        if paras and _continues(paras[-1].lines[-1], line, left, right, pitch, True):
            paras[-1].lines.append(line)
        else:
            paras.append(_Para([line]))
    return paras


def _style(lines: Iterable[_Line]) -> str | None:
    words = [w for ln in lines for w in ln.words]
    chars = sum(len(w.text) for w in words) or 1
    if sum(len(w.text) for w in words if w.bold) >= 0.9 * chars:
        return "bold"
    if sum(len(w.text) for w in words if w.italic) >= 0.9 * chars:
        return "italic"
    return None


def _confidence(lines: Iterable[_Line]) -> float | None:
    words = [w for ln in lines for w in ln.words if w.conf is not None]
    if not words:
        return None
    chars = sum(len(w.text) for w in words)
    return round(sum(w.conf * len(w.text) for w in words if w.conf is not None) / max(chars, 1), 3)


def _block(lines: list[_Line], **where: int | None) -> RawBlock:
    return RawBlock(text=" ".join(ln.text for ln in lines), style=_style(lines), page=lines[0].page,
                    confidence=_confidence(lines), **where)


def _pitch(pages: list[list[_Line]]) -> float:
    deltas = [b.baseline - a.baseline for lines in pages for a, b in itertools.pairwise(lines)
              if 0.8 * a.size < b.baseline - a.baseline < 2.0 * a.size]
    sizes = [ln.size for lines in pages for ln in lines]
    if deltas:
        return statistics.median(deltas)
    return 1.2 * (statistics.median(sizes) if sizes else 12.0)


def _edge(values: Sequence[float], tolerance: float, largest: bool) -> float:
    """The outermost edge that at least three lines reach (one line running into the margin does
    not move it); the outermost value when no edge is shared."""
    ordered = sorted(values, reverse=largest)
    for v in ordered:
        if sum(1 for u in ordered if abs(u - v) <= tolerance) >= 3:
            return v
    return ordered[0]


def _margins(lines: Sequence[_Line], fallback: tuple[float, float]) -> tuple[float, float]:
    if len(lines) < 6:
        return fallback
    tolerance = 0.15 * statistics.median(ln.size for ln in lines)
    return (_edge([ln.x0 for ln in lines], tolerance, largest=False),
            _edge([ln.x1 for ln in lines], tolerance, largest=True))


def blocks_from_pages(pages: Sequence[Page]) -> tuple[list[RawBlock], list[str]]:
    """Raw blocks in reading order from positioned words, and notes on what was dropped."""
    per_page = [_lines(p) for p in pages]
    dropped = _drop_furniture(per_page)
    pitch = _pitch(per_page)
    laid = _join_split_tables([_tables(lines, pitch) for lines in per_page])
    body = [ln for items in laid for ln in items if isinstance(ln, _Line)]
    doc_margins = _margins(body, (min((ln.x0 for ln in body), default=0.0), max((ln.x1 for ln in body), default=0.0)))
    blocks: list[RawBlock] = []
    table_index = -1
    para: list[_Line] = []
    margins = doc_margins

    def flush() -> None:
        if para:
            blocks.append(_block(list(para)))
            para.clear()

    for items in laid:
        page_margins = _margins([it for it in items if isinstance(it, _Line)], doc_margins)
        for k, item in enumerate(items):
            if isinstance(item, _Table):
                flush()
                table_index += 1
                blocks.extend(_table_blocks(item, table_index, pitch, page_margins[1]))
                continue
            if para:
                prev = para[-1]
                same_page = prev.page == item.page
                left, right = margins if not same_page else page_margins
                if _continues(prev, item, left, right, pitch, same_page):
                    para.append(item)
                    continue
                flush()
                if same_page and k and isinstance(items[k - 1], _Line) \
                        and item.baseline - prev.baseline > 1.8 * pitch:
                    blocks.append(RawBlock(text="", page=item.page))  # a blank line between paragraphs
            para.append(item)
        margins = page_margins
    flush()
    notes = [f"dropped {dropped} page numbers and running headers or footers"] if dropped else []
    return blocks, notes


def _join_split_tables(laid: list[list[_Line | _Table]]) -> list[list[_Line | _Table]]:
    """A table that ends one page and one with the same columns that starts the next are one table cut
    by the page break (a signature block pushed over): join them, as the .docx holds one table."""
    for k in range(1, len(laid)):
        before, here = laid[k - 1], laid[k]
        if not before or not here or not isinstance(before[-1], _Table) or not isinstance(here[0], _Table):
            continue
        a, b = before[-1], here[0]
        if len(a.gutters) == len(b.gutters) and all(
                min(g1, h1) > max(g0, h0) for (g0, g1), (h0, h1) in zip(a.gutters, b.gutters, strict=True)):
            a.lines.extend(b.lines)
            a.gutters = [(max(g0, h0), min(g1, h1)) for (g0, g1), (h0, h1) in zip(a.gutters, b.gutters, strict=True)]
            here.pop(0)
    return laid


def _table_blocks(table: _Table, index: int, pitch: float, page_right: float) -> list[RawBlock]:
    """One block per paragraph of each cell, row by row and cell by cell (as a .docx table reads)."""
    rows: list[list[_Line]] = [[table.lines[0]]]
    for prev, line in itertools.pairwise(table.lines):
        if len(line.segments) > 1 and line.baseline - prev.baseline > 1.6 * pitch:
            rows.append([line])
        else:
            rows[-1].append(line)
    columns = len(table.gutters) + 1
    blocks: list[RawBlock] = []
    for r, row in enumerate(rows):
        cells: list[list[_Line]] = [[] for _ in range(columns)]
        for line in row:
            parts: dict[int, list[_Segment]] = {}
            for seg in line.segments:
                parts.setdefault(table.column(seg), []).append(seg)
            for c, segs in parts.items():
                cells[c].append(_Line(line.page, [w for s in segs for w in s.words], segs, line.ink))
        for c, cell in enumerate(cells):
            if not cell:
                continue
            # A cell's lines wrap at the cell's edge, which is not drawn: take the next column's start
            # (the end of the gutter), or the page's right margin for the last column.
            left = min(ln.x0 for ln in cell)
            right = table.gutters[c][1] - 0.5 * cell[0].size if c < len(table.gutters) else page_right
            right = max(right, max(ln.x1 for ln in cell))
            for para in _paragraphs(cell, left, right, pitch):
                blocks.append(_block(para.lines, table=index, row=r, cell=c))
    return blocks
