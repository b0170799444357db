"""Word (.docx) letters: the body in document order, tables included, numbering rendered.

The package is opened with zipfile and lxml directly (the parts a letter needs: the main document,
its styles and numbering, found through the relationships), which costs a third of opening it with
python-docx. Like docling's msword backend, the body is walked child by child (`w:p`, `w:tbl`, `w:sdt`), because
`Document.paragraphs` skips tables and the header and signature of a letter usually live in
two-column tables. Run text is read from the XML ourselves: python-docx drops `w:softHyphen`, which
in TCVN3 fonts is the letter "ư".
"""

import io
import lzma
import posixpath
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from lxml import etree
from viparse.normalize.tables import convert
from viparse.normalize.tcvn3 import TCVN3
from viparse.normalize.vni import VNI

from models import InputError, RawBlock, RawDocument, SourceFormat
from parsers.base import DEFAULT_LIMITS, ReadLimits, human_size, make_source, read_bytes, refuse_foreign_format

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


_P, _R, _T, _TBL, _TR, _TC, _SDT = _w("p"), _w("r"), _w("t"), _w("tbl"), _w("tr"), _w("tc"), _w("sdt")
_RPR, _RSTYLE, _CAPS = _w("rPr"), _w("rStyle"), _w("caps")
_SKIPPED_CONTAINERS = {_w("del"), _w("moveFrom"), f"{{{MC_NS}}}Fallback"}
# Bullet glyphs from Symbol/Wingdings private-use code points, shown as the bullet they draw.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf0a8": "□",
                   "\uf02d": "-", "\uf0e8": "➔", "\uf06e": "■", "\uf071": "❑", "o": "◦"}


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    legal: bool = False


@dataclass
class _Style:
    based_on: str | None = None
    font: str | None = None
    caps: bool | None = None
    num_id: str | None = None
    ilvl: int | None = None
    name: str | None = None


@dataclass
class _Context:
    styles: dict[str, _Style] = field(default_factory=dict)
    default_para_style: str | None = None
    default_font: str | None = None
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    overrides_applied: set[str] = field(default_factory=set)
    style_links: dict[str, str] = field(default_factory=dict)  # abstractNum → list style (w:numStyleLink)
    converted_runs: int = 0
    chains: dict[str | None, tuple["_Style", ...]] = field(default_factory=dict)


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_w(attr))


# Word's own bounds: list levels 0-8, and a list starts at most at 32767 (its "Set numbering value"
# limit). A file may say anything; values are clamped to these, so a label stays a few characters.
MAX_LEVEL = 8
MAX_START = 32767
_MAX_LEVEL_TEXT = 255  # characters of a level's lvlText kept


def _int(text: str | None, default: int | None, low: int, high: int) -> int | None:
    """A decimal attribute clamped to [low, high]; `default` when absent or not a number (a
    thousand-digit number is clamped without being converted)."""
    if not text:
        return default
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if not digits.isdigit() or not digits.isascii():
        return default
    if len(digits) > 12:
        return high if sign > 0 else low
    return max(low, min(high, sign * int(digits)))


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off")


def _run_font(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(_w("rFonts"))
    if fonts is None:
        return None
    return fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")) or fonts.get(_w("cs"))


def _load_styles(root: etree._Element | None, ctx: _Context) -> None:
    if root is None:
        return
    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    ctx.default_font = _run_font(defaults)
    for st in root.iter(_w("style")):
        sid = st.get(_w("styleId"))
        if not sid:
            continue
        rpr = st.find(_w("rPr"))
        numpr = st.find(f"{_w('pPr')}/{_w('numPr')}")
        ilvl = _int(_val(numpr.find(_w("ilvl"))), None, 0, MAX_LEVEL) if numpr is not None else None
        ctx.styles[sid] = _Style(
            based_on=_val(st.find(_w("basedOn"))),
            font=_run_font(rpr),
            caps=_on(rpr.find(_w("caps"))) if rpr is not None else None,
            num_id=_val(numpr.find(_w("numId"))) if numpr is not None else None,
            ilvl=ilvl,
            name=_val(st.find(_w("name"))),
        )
        if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
            ctx.default_para_style = sid


@dataclass(frozen=True)
class _StyleTable:
    """What a styles part gives every paragraph: its styles by id, the default font and paragraph style."""

    styles: dict[str, _Style]
    default_font: str | None
    default_para_style: str | None

    @classmethod
    def read(cls, root: etree._Element) -> "_StyleTable":
        ctx = _Context()
        _load_styles(root, ctx)
        return cls(ctx.styles, ctx.default_font, ctx.default_para_style)

    def apply(self, ctx: _Context) -> None:
        ctx.styles = dict(self.styles)  # the _Style values are only read
        ctx.default_font, ctx.default_para_style = self.default_font, self.default_para_style


# Style tables by the exact bytes of their part: the letters of one office are written from one template,
# and a styles part is often most of a letter's package (Word's and python-docx's default templates:
# 30-350 KB, parsed and walked in several ms, more than the letter's own text). Keyed by the bytes
# themselves, so a hit is the same part, never a look-alike.
_STYLE_TABLES: dict[bytes, _StyleTable] = {}
_STYLE_TABLES_MAX = 8


def _chain(ctx: _Context, sid: str | None) -> tuple[_Style, ...]:
    """The style and those it is based on, computed once per style."""
    if sid not in ctx.chains:
        ctx.chains[sid] = tuple(_style_chain(ctx, sid))
    return ctx.chains[sid]


def _style_chain(ctx: _Context, sid: str | None) -> Iterator[_Style]:
    seen: set[str] = set()
    while sid and sid in ctx.styles and sid not in seen:
        seen.add(sid)
        style = ctx.styles[sid]
        yield style
        sid = style.based_on


def _load_numbering(root: etree._Element | None, ctx: _Context) -> None:
    if root is None:
        return
    for an in root.iter(_w("abstractNum")):
        levels: dict[int, _Level] = {}
        for lvl in an.iter(_w("lvl")):
            ilvl = _int(lvl.get(_w("ilvl")), 0, -1, MAX_LEVEL + 1)
            if ilvl is None or not 0 <= ilvl <= MAX_LEVEL:
                continue  # Word has nine levels; a tenth is never shown
            levels[ilvl] = _Level(
                start=_int(_val(lvl.find(_w("start"))), 1, 0, MAX_START) or 0,
                fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
                text=(_val(lvl.find(_w("lvlText"))) or "")[:_MAX_LEVEL_TEXT],
                legal=bool(_on(lvl.find(_w("isLgl")))),
            )
        abstract_id = an.get(_w("abstractNumId"), "")
        ctx.abstract[abstract_id] = levels
        link = _val(an.find(_w("numStyleLink")))
        if link:
            ctx.style_links[abstract_id] = link
    for num in root.iter(_w("num")):
        overrides: dict[int, int] = {}
        for ov in num.iter(_w("lvlOverride")):
            so = _int(_val(ov.find(_w("startOverride"))), None, 0, MAX_START)
            ilvl = _int(ov.get(_w("ilvl")), 0, -1, MAX_LEVEL + 1)
            if so is not None and ilvl is not None and 0 <= ilvl <= MAX_LEVEL:
                overrides[ilvl] = so
        ctx.nums[num.get(_w("numId"), "")] = (_val(num.find(_w("abstractNumId"))) or "", overrides)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(n: int, fmt: str) -> str:
    """Word's rendering of a counter; past what a letter can hold (Roman numerals beyond 3999,
    letters repeated more than four times) the number is written in digits, so a label stays short."""
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        out, k = [], n
        for value, sym in _ROMAN:
            count, k = divmod(k, value)
            out.append(sym * count)
        roman = "".join(out)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("lowerLetter", "upperLetter") and 0 < n <= 26 * 4:
        k = n - 1
        letter = chr(ord("a") + k % 26) * (k // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _resolve_style_link(ctx: _Context, abstract_id: str) -> str:
    """A list defined through a list style holds only w:numStyleLink; its levels live in the
    definition that the style's own numbering points to."""
    seen = set()
    while abstract_id in ctx.style_links and abstract_id not in seen:
        seen.add(abstract_id)
        style = ctx.styles.get(ctx.style_links[abstract_id])
        if style is None or not style.num_id or style.num_id not in ctx.nums:
            break
        abstract_id = ctx.nums[style.num_id][0]
    return abstract_id


def _numbering_label(ctx: _Context, num_id: str, ilvl: int) -> tuple[str, bool] | None:
    """Advance Word's counters for (numId, ilvl) and render the label; (text, is_bullet)."""
    if num_id in ("", "0") or num_id not in ctx.nums:
        return None
    abstract_id, overrides = ctx.nums[num_id]
    abstract_id = _resolve_style_link(ctx, abstract_id)
    levels = ctx.abstract.get(abstract_id)
    if not levels or ilvl not in levels:  # also every ilvl outside 0-8: levels holds only those
        return None
    level = levels[ilvl]
    if level.fmt == "bullet":
        glyph = level.text.strip() or "•"
        return _SYMBOL_BULLETS.get(glyph, glyph), True
    # Lists that share an abstract definition continue each other unless a num restarts them.
    counters = ctx.counters.setdefault(abstract_id, [None] * (MAX_LEVEL + 1))
    if num_id not in ctx.overrides_applied:
        ctx.overrides_applied.add(num_id)
        for ov_lvl, ov_start in overrides.items():
            counters[ov_lvl] = ov_start - 1
            for deeper in range(ov_lvl + 1, MAX_LEVEL + 1):
                counters[deeper] = None
    current = counters[ilvl]
    counters[ilvl] = level.start if current is None else current + 1
    for deeper in range(ilvl + 1, MAX_LEVEL + 1):
        counters[deeper] = None
    for higher in range(ilvl):
        if counters[higher] is None:
            counters[higher] = levels.get(higher, _Level()).start
    text = level.text
    for k in range(MAX_LEVEL + 1, 0, -1):
        placeholder = f"%{k}"
        if placeholder in text:
            lvl = levels.get(k - 1, _Level())
            value = counters[k - 1] or lvl.start
            fmt = "decimal" if level.legal and lvl.fmt not in ("decimalZero",) else lvl.fmt
            text = text.replace(placeholder, _format_number(value, fmt))
    return text.strip(), False


_FIXED_TEXT = {_w("tab"): "\t", _w("ptab"): "\t", _w("cr"): "\n", _w("noBreakHyphen"): "-",
               _w("softHyphen"): "\u00ad"}
_BR, _SYM, _TYPE, _CHAR = _w("br"), _w("sym"), _w("type"), _w("char")


def _run_text(run: etree._Element) -> str:
    out: list[str] = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _FIXED_TEXT:
            out.append(_FIXED_TEXT[tag])
        elif tag == _BR:
            # A page or column break inside a paragraph does not end the paragraph.
            out.append(" " if child.get(_TYPE) in ("page", "column") else "\n")
        elif tag == _SYM:
            code = (child.get(_CHAR) or "").strip()
            if not code or len(code) > 8 or any(c not in "0123456789abcdefABCDEF" for c in code):
                continue
            value = int(code, 16)
            if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
                continue  # beyond Unicode, or a surrogate half: no character
            glyph = chr(value)
            out.append(_SYMBOL_BULLETS.get(glyph, glyph if glyph.isprintable() else ""))
    return "".join(out)


def _convert_legacy(text: str, font: str | None, ctx: _Context) -> str:
    """Convert a TCVN3 (.Vn*) or VNI run to Unicode, chosen by its font, never by guessing."""
    if not font or not text:
        return text
    name = font.strip().upper()
    if name.startswith(".VN"):
        ctx.converted_runs += 1
        out = convert(text, TCVN3, "NFC")
        # TCVN3 has no capitals with tone marks: the ...H fonts draw lower-case codes as capitals.
        return out.upper() if name.replace(" ", "").endswith("H") else out
    if name.startswith("VNI"):
        ctx.converted_runs += 1
        return convert(text, VNI, "NFC")
    return text


def _skipped(run: etree._Element, paragraph: etree._Element) -> bool:
    node = run.getparent()
    while node is not None and node is not paragraph:
        if node.tag in _SKIPPED_CONTAINERS:
            return True
        node = node.getparent()
    return False


def _paragraph(p: etree._Element, ctx: _Context) -> tuple[str, str | None, int | None, str | None, bool]:
    """Text (tracked changes accepted), numbering (numId, ilvl), style id, mark-deleted flag."""
    ppr = p.find(_w("pPr"))
    style_id = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
    para_styles = _chain(ctx, style_id or ctx.default_para_style)
    para_font = next((s.font for s in para_styles if s.font), None) or ctx.default_font
    para_caps = next((s.caps for s in para_styles if s.caps is not None), False)
    parts: list[str] = []
    for run in p.iter(_R):
        if _skipped(run, p):
            continue
        rpr = run.find(_RPR)
        if rpr is None:  # most runs: the paragraph's font and case
            font, caps = para_font, para_caps
        else:
            char_styles = _chain(ctx, _val(rpr.find(_RSTYLE)))
            font = _run_font(rpr) or next((s.font for s in char_styles if s.font), None) or para_font
            own_caps = _on(rpr.find(_CAPS))
            caps = own_caps if own_caps is not None else next(
                (bool(s.caps) for s in char_styles if s.caps is not None), para_caps)
        text = _convert_legacy(_run_text(run), font, ctx)
        parts.append(text.upper() if caps else text)
    num_id: str | None = None
    ilvl: int | None = None
    numpr = ppr.find(_w("numPr")) if ppr is not None else None
    if numpr is not None:
        num_id = _val(numpr.find(_w("numId")))
        # Word shows levels 0-8; a deeper level (a generator's or a hostile file's) is shown as the deepest.
        ilvl = _int(_val(numpr.find(_w("ilvl"))), 0, 0, MAX_LEVEL)
    else:
        for st in para_styles:
            if st.num_id:
                num_id, ilvl = st.num_id, st.ilvl or 0
                break
    mark_deleted = ppr is not None and ppr.find(f"{_w('rPr')}/{_w('del')}") is not None
    return "".join(parts), num_id, ilvl, style_id, mark_deleted


_Placed = tuple[etree._Element, int | None, int | None]


def _walk(node: etree._Element) -> Iterator[_Placed]:
    """Yield (w:p, row, cell) in document order, descending into content controls and cells; row
    and cell are those of the top-level table. An explicit stack, not recursion: a hostile file
    nests containers thousands deep."""
    stack: list[Iterator[_Placed]] = [iter([(node, None, None)])]
    while stack:
        step = next(stack[-1], None)
        if step is None:
            stack.pop()
            continue
        el, row, cell = step
        tag = el.tag
        if tag == _P:
            yield step
        elif tag == _TBL:
            stack.append(_cells(el, row, cell))
        elif tag in (_SDT, _CUSTOM_XML):
            content = el.find(_w("sdtContent")) if tag == _SDT else el
            if content is not None:
                stack.append((inner, row, cell) for inner in content.iterchildren())


def _cells(table: etree._Element, row: int | None, cell: int | None) -> Iterator[_Placed]:
    for r, tr in enumerate(table.iterchildren(_TR)):
        for c, tc in enumerate(tr.iterchildren(_TC)):
            for inner in tc.iterchildren():
                yield (inner, r, c) if row is None else (inner, row, cell)


_CUSTOM_XML = _w("customXml")
_BODY = _w("body")
_BLOCKS = (_P, _TBL, _SDT, _CUSTOM_XML)
# Parts other than the main document are small in every real file (styles a few hundred KiB).
_PART_LIMIT = 8 * 1024 * 1024
_CHUNK = 64 * 1024
# A central directory this large lists tens of thousands of parts; a letter has a few dozen.
_MAX_DIRECTORY_BYTES = 4 * 1024 * 1024
_EOCD = b"PK\x05\x06"


class _Budget:
    """What may still be unpacked: a zip header may lie about sizes, so bytes are counted as they
    come out of the decompressor, never taken from the header."""

    def __init__(self, path: Path, limit: int) -> None:
        self.path = path
        self.limit = limit
        self.left = limit

    def take(self, n: int, part: str) -> None:
        self.left -= n
        if self.left < 0:
            raise InputError(self.path, f"{part} unpacks to more than the {human_size(self.limit)} limit (zip bomb?)")


class _Stream(io.RawIOBase):
    """A zip member read in bounded chunks against the budget (a whole-member read inflates
    everything the compressed data holds in one call, whatever the header says)."""

    def __init__(self, member: IO[bytes], budget: _Budget, part: str, limit: int | None = None) -> None:
        self.member = member
        self.budget = budget
        self.part = part
        self.limit = limit
        self.seen = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.member.read(_CHUNK if n is None or n < 0 else min(n, _CHUNK))
        self.seen += len(data)
        if self.limit is not None and self.seen > self.limit:
            raise InputError(self.budget.path, f"corrupt .docx ({self.part} unpacks to more than "
                                               f"{human_size(self.limit)}; Word writes a few hundred KiB)")
        self.budget.take(len(data), self.part)
        return data

    def readinto(self, buffer: "bytearray | memoryview") -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _one_line(e: BaseException) -> str:
    text = " ".join(str(e).split()).removesuffix(" (<string>, line 1)")
    return f"{e.__class__.__name__}: {text}"[:300] if text else e.__class__.__name__


def _directory_size(data: bytes) -> int | None:
    """Size of the zip's central directory from its end record (None if there is none to read:
    zipfile then says why)."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    (size,) = struct.unpack_from("<I", data, at + 12)
    if size == 0xFFFFFFFF and at >= 20 and data[at - 20 : at - 16] == b"PK\x06\x07":  # zip64
        (offset,) = struct.unpack_from("<Q", data, at - 12)
        if offset + 56 <= len(data) and data[offset : offset + 4] == b"PK\x06\x06":
            (size,) = struct.unpack_from("<Q", data, offset + 40)
    return size


def _check_zip(path: Path, zf: zipfile.ZipFile, limits: ReadLimits) -> None:
    infos = zf.infolist()
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and not any(n.lower().endswith("document.xml") for n in names):
        raise InputError(path, "is a zip file but not a Word document (no word/document.xml)")
    if "[Content_Types].xml" not in names:
        raise InputError(path, "corrupt .docx (the package has no [Content_Types].xml; Word cannot open it)")
    if any(i.flag_bits & 0x1 for i in infos):
        raise InputError(path, "is password-protected (its parts are encrypted); save an unprotected copy as .docx")
    total = sum(i.file_size for i in infos)
    if total > limits.max_unzipped_bytes:
        raise InputError(path, f"unpacks to {human_size(total)}, over the "
                               f"{human_size(limits.max_unzipped_bytes)} limit (zip bomb?)")


def read_docx(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a .docx letter into raw blocks in body order (paragraphs and table cells)."""
    path = Path(path)
    data = read_bytes(path, limits)
    refuse_foreign_format(path, data, expect_zip=True)
    if not data.startswith(b"PK"):
        raise InputError(path, "is not a .docx (no zip signature); if it is text, rename it .txt")
    directory = _directory_size(data)
    if directory is not None and directory > _MAX_DIRECTORY_BYTES:
        raise InputError(path, f"corrupt .docx (its zip directory is {human_size(directory)}: tens of thousands "
                               "of parts, where a letter has a few dozen)")
    budget = _Budget(path, limits.max_unzipped_bytes)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _READER_ERRORS as e:
        raise InputError(path, f"corrupt .docx (not a valid zip archive: {_one_line(e)})") from e
    with zf:
        _check_zip(path, zf, limits)
        package = _Package(path, zf, budget)
        styles, numbering = package.styles_and_numbering()
        return _read_body(path, data, package.body_children(), styles, numbering)


# What a damaged package raises from zipfile, zlib, lzma, bz2 (OSError) or lxml while it is read;
# anything else raised while reading a letter is a defect of ours and is reported as one.
_READER_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, OSError,
                  NotImplementedError, UnicodeDecodeError, struct.error, KeyError, ValueError,
                  etree.XMLSyntaxError, etree.ParseError)
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"


def _parser() -> etree.XMLParser:
    # No entities, no network, no DTD: a part can only hold elements and text.
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False,
                           load_dtd=False)


class _Package:
    """The parts a letter needs, found through the relationships, each read against the budget."""

    def __init__(self, path: Path, zf: zipfile.ZipFile, budget: _Budget) -> None:
        self.path = path
        self.zf = zf
        self.budget = budget
        self.names = set(zf.namelist())
        self.main = self._targets("_rels/.rels", "").get(_OFFICE_DOCUMENT.lstrip("/"), "word/document.xml")
        if self.main not in self.names:
            self.main = "word/document.xml"
        folder = posixpath.dirname(self.main)
        self.parts = self._targets(posixpath.join(folder, "_rels", posixpath.basename(self.main) + ".rels"), folder)

    def _corrupt(self, part: str, e: BaseException) -> InputError:
        return InputError(self.path, f"corrupt .docx ({part}: {_one_line(e)})")

    def _small_part(self, name: str) -> etree._Element:
        try:
            with self.zf.open(name) as member:
                stream = _Stream(member, self.budget, name, _PART_LIMIT)
                parser = _parser()
                while chunk := stream.read(_CHUNK):
                    parser.feed(chunk)
                return parser.close()
        except _READER_ERRORS as e:
            raise self._corrupt(name, e) from e

    def _small_part_bytes(self, name: str) -> bytes:
        try:
            with self.zf.open(name) as member:
                stream = _Stream(member, self.budget, name, _PART_LIMIT)
                chunks = []
                while chunk := stream.read(_CHUNK):
                    chunks.append(chunk)
                return b"".join(chunks)
        except _READER_ERRORS as e:
            raise self._corrupt(name, e) from e

    def _style_table(self, name: str) -> _StyleTable:
        """The styles part read against the budget, parsed and walked once per distinct content."""
        data = self._small_part_bytes(name)
        table = _STYLE_TABLES.get(data)
        if table is None:
            try:
                parser = _parser()
                for at in range(0, len(data), _CHUNK):  # fed as the part was read, so errors read the same
                    parser.feed(data[at : at + _CHUNK])
                root = parser.close()
            except _READER_ERRORS as e:
                raise self._corrupt(name, e) from e
            table = _StyleTable.read(root)
            if len(_STYLE_TABLES) >= _STYLE_TABLES_MAX:
                _STYLE_TABLES.clear()
            _STYLE_TABLES[data] = table
        return table

    def _targets(self, rels_name: str, base: str) -> dict[str, str]:
        """Relationship type (its last path segment) → part name, from one .rels part."""
        if rels_name not in self.names:
            return {}
        out: dict[str, str] = {}
        for rel in self._small_part(rels_name).iter(_PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            out.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], name)
        return out

    def styles_and_numbering(self) -> tuple[_StyleTable | None, etree._Element | None]:
        styles, numbering = self.parts.get("styles"), self.parts.get("numbering")
        table = self._style_table(styles) if styles is not None and styles in self.names else None
        return table, self._small_part(numbering) if numbering in self.names else None

    def body_children(self) -> Iterator[etree._Element]:
        """Each direct child of w:body once it is complete, freed after use: memory holds one
        paragraph or table at a time, not the whole document."""
        part = self.main
        try:
            member = self.zf.open(part)
        except _READER_ERRORS as e:
            raise self._corrupt(part, e) from e
        with member:
            # Events only for the body and its paragraphs and tables (not for every run), so a
            # part of a million runs costs one Python step per paragraph.
            events = etree.iterparse(_Stream(member, self.budget, part), events=("start", "end"),
                                     tag=(_BODY, *_BLOCKS), resolve_entities=False, no_network=True,
                                     huge_tree=True, load_dtd=False, remove_blank_text=False)
            body: etree._Element | None = None
            while True:
                try:
                    event, el = next(events)
                except StopIteration:
                    break
                except _READER_ERRORS as e:
                    raise self._corrupt(part, e) from e
                if event == "start":
                    if body is None and el.tag == _BODY and el.getparent() is not None \
                            and el.getparent().getparent() is None:
                        body = el
                    continue
                if body is not None and el.getparent() is body:
                    yield el
                    el.clear()
                    while body[0] is not el:  # and whatever else came before it (bookmarks, junk)
                        del body[0]
                    del body[0]
        if body is None:
            raise InputError(self.path, f"corrupt .docx ({part}: the main document part has no w:body)")


def _read_body(path: Path, data: bytes, children: Iterator[etree._Element], styles: _StyleTable | None,
               numbering: etree._Element | None) -> RawDocument:
    ctx = _Context()
    if styles is not None:
        styles.apply(ctx)
    _load_numbering(numbering, ctx)
    blocks: list[RawBlock] = []
    table_index = -1
    carried = ""
    for child in children:
        if child.tag == _TBL:
            table_index += 1
        for p, row, cell in _walk(child):
            text, num_id, ilvl, style_id, mark_deleted = _paragraph(p, ctx)
            if mark_deleted:
                # A deleted paragraph mark joins this paragraph to the next once changes are accepted.
                carried += text
                continue
            text, carried = carried + text, ""
            label, bullet = None, False
            if num_id is not None and ilvl is not None:
                rendered = _numbering_label(ctx, num_id, ilvl)
                if rendered is not None:
                    label, bullet = rendered
            blocks.append(
                RawBlock(
                    text=text,
                    label=label or None,
                    bullet=bullet,
                    list_level=ilvl if label else None,
                    table=table_index if child.tag == _TBL else None,
                    row=row,
                    cell=cell,
                    style=ctx.styles[style_id].name if style_id in ctx.styles else style_id,
                )
            )
    if carried:
        blocks.append(RawBlock(text=carried))
    notes = [f"converted {ctx.converted_runs} legacy-font (TCVN3/VNI) runs"] if ctx.converted_runs else []
    return RawDocument(source=make_source(path, data, SourceFormat.DOCX), blocks=blocks, notes=notes)
