"""Word (.docx) letters: the body in document order, tables included, numbering rendered.

The package is opened with zipfile and lxml directly (the parts a letter needs: the main document,
its styles and numbering, found through the relationships), which costs a third of opening it with
python-docx. Like docling's msword backend, the body is walked child by child (`w:p`, `w:tbl`, `w:sdt`), because
`Document.paragraphs` skips tables and the header and signature of a letter usually live in
two-column tables. Run text is read from the XML ourselves: python-docx drops `w:softHyphen`, which
in TCVN3 fonts is the letter "ư".
"""

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

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


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_w(attr))


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
        ilvl = _val(numpr.find(_w("ilvl"))) if numpr is not None else None
        ctx.styles[sid] = _Style(
            based_on=_val(st.find(_w("basedOn"))),
            font=_run_font(rpr),
            caps=_on(rpr.find(_w("caps"))) if rpr is not None else None,
            num_id=_val(numpr.find(_w("numId"))) if numpr is not None else None,
            ilvl=int(ilvl) if ilvl and ilvl.isdigit() else None,
            name=_val(st.find(_w("name"))),
        )
        if st.get(_w("type")) == "paragraph" and st.get(_w("default")) in ("1", "true"):
            ctx.default_para_style = sid


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
            ilvl = int(lvl.get(_w("ilvl"), "0"))
            start = _val(lvl.find(_w("start")))
            levels[ilvl] = _Level(
                start=int(start) if start and start.lstrip("-").isdigit() else 1,
                fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
                text=_val(lvl.find(_w("lvlText"))) or "",
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
            so = _val(ov.find(_w("startOverride")))
            if so and so.isdigit():
                overrides[int(ov.get(_w("ilvl"), "0"))] = int(so)
        ctx.nums[num.get(_w("numId"), "")] = (_val(num.find(_w("abstractNumId"))) or "", overrides)


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerRoman", "upperRoman"):
        out, k = "", max(n, 1)
        for value, sym in _ROMAN:
            while k >= value:
                out, k = out + sym, k - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("lowerLetter", "upperLetter"):
        k = max(n, 1) - 1
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
    if not levels or ilvl not in levels:
        return None
    level = levels[ilvl]
    if level.fmt == "bullet":
        glyph = level.text.strip() or "•"
        return _SYMBOL_BULLETS.get(glyph, glyph), True
    # Lists that share an abstract definition continue each other unless a num restarts them.
    counters = ctx.counters.setdefault(abstract_id, [None] * 9)
    if num_id not in ctx.overrides_applied:
        ctx.overrides_applied.add(num_id)
        for ov_lvl, ov_start in overrides.items():
            if 0 <= ov_lvl < 9:
                counters[ov_lvl] = ov_start - 1
                for deeper in range(ov_lvl + 1, 9):
                    counters[deeper] = None
    current = counters[ilvl]
    counters[ilvl] = level.start if current is None else current + 1
    for deeper in range(ilvl + 1, 9):
        counters[deeper] = None
    for higher in range(ilvl):
        if counters[higher] is None:
            counters[higher] = levels.get(higher, _Level()).start
    text = level.text
    for k in range(9, 0, -1):
        placeholder = f"%{k}"
        if placeholder in text:
            lvl = levels.get(k - 1, _Level())
            value = counters[k - 1] or lvl.start
            fmt = "decimal" if level.legal and lvl.fmt not in ("decimalZero",) else lvl.fmt
            text = text.replace(placeholder, _format_number(value, fmt))
    return text.strip(), False


def _run_text(run: etree._Element) -> str:
    out: list[str] = []
    for child in run.iterchildren():
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _w("tab") or tag == _w("ptab"):
            out.append("\t")
        elif tag == _w("br"):
            # A page or column break inside a paragraph does not end the paragraph.
            out.append(" " if child.get(_w("type")) in ("page", "column") else "\n")
        elif tag == _w("cr"):
            out.append("\n")
        elif tag == _w("noBreakHyphen"):
            out.append("-")
        elif tag == _w("softHyphen"):
            out.append("\u00ad")
        elif tag == _w("sym"):
            code = child.get(_w("char")) or ""
            try:
                glyph = chr(int(code, 16))
            except ValueError:
                continue
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
    para_styles = list(_style_chain(ctx, style_id or ctx.default_para_style))
    para_font = next((s.font for s in para_styles if s.font), None) or ctx.default_font
    para_caps = next((s.caps for s in para_styles if s.caps is not None), False)
    parts: list[str] = []
    for run in p.iter(_R):
        if _skipped(run, p):
            continue
        rpr = run.find(_w("rPr"))
        char_style = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
        char_styles = list(_style_chain(ctx, char_style))
        font = _run_font(rpr) or next((s.font for s in char_styles if s.font), None) or para_font
        caps = _on(rpr.find(_w("caps"))) if rpr is not None else None
        if caps is None:
            caps = next((s.caps for s in char_styles if s.caps is not None), para_caps)
        text = _convert_legacy(_run_text(run), font, ctx)
        parts.append(text.upper() if caps else text)
    num_id: str | None = None
    ilvl: int | None = None
    numpr = ppr.find(_w("numPr")) if ppr is not None else None
    if numpr is not None:
        num_id = _val(numpr.find(_w("numId")))
        lv = _val(numpr.find(_w("ilvl")))
        ilvl = int(lv) if lv and lv.isdigit() else 0
    else:
        for st in para_styles:
            if st.num_id:
                num_id, ilvl = st.num_id, st.ilvl or 0
                break
    mark_deleted = ppr is not None and ppr.find(f"{_w('rPr')}/{_w('del')}") is not None
    return "".join(parts), num_id, ilvl, style_id, mark_deleted


def _walk(node: etree._Element) -> Iterator[tuple[etree._Element, int | None, int | None]]:
    """Yield (w:p, row, cell) in document order, descending into content controls and cells."""
    tag = node.tag
    if tag == _P:
        yield node, None, None
    elif tag == _TBL:
        for r, tr in enumerate(node.iterchildren(_TR)):
            for c, tc in enumerate(tr.iterchildren(_TC)):
                for inner in tc.iterchildren():
                    for p, _, _ in _walk(inner):
                        yield p, r, c
    elif tag in (_SDT, _w("customXml")):
        content = node.find(_w("sdtContent")) if tag == _SDT else node
        if content is not None:
            for inner in content.iterchildren():
                yield from _walk(inner)


def _check_zip(path: Path, data: bytes, limits: ReadLimits) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            names = {i.filename for i in infos}
            if "word/document.xml" not in names:
                raise InputError(path, "is a zip file but not a Word document (no word/document.xml)")
            if "[Content_Types].xml" not in names:
                raise InputError(path, "corrupt .docx (the package has no [Content_Types].xml; Word cannot open it)")
            total = sum(i.file_size for i in infos)
            packed = sum(i.compress_size for i in infos) or 1
            if total > limits.max_unzipped_bytes:
                raise InputError(path, f"unpacks to {human_size(total)}, over the "
                                       f"{human_size(limits.max_unzipped_bytes)} limit (zip bomb?)")
            if total / packed > limits.max_compression_ratio and total > 10 * 1024 * 1024:
                raise InputError(path, f"compression ratio {total / packed:.0f}:1 is implausible (zip bomb?)")
    except zipfile.BadZipFile as e:
        raise InputError(path, "corrupt .docx (not a valid zip archive)") from e


def read_docx(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS) -> RawDocument:
    """Read a .docx letter into raw blocks in body order (paragraphs and table cells)."""
    path = Path(path)
    data = read_bytes(path, limits)
    refuse_foreign_format(path, data, expect_zip=True)
    if not data.startswith(b"PK"):
        raise InputError(path, "is not a .docx (no zip signature); if it is text, rename it .txt")
    _check_zip(path, data, limits)
    try:
        document, styles, numbering = _open_package(data)
        return _read_body(path, data, document, styles, numbering)
    except _CORRUPT as e:
        raise InputError(path, f"corrupt .docx ({e.__class__.__name__}: {e})") from e


# What a damaged package raises from zipfile, zlib or lxml.
_CORRUPT = (KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error,
            EOFError, NotImplementedError, OSError, AttributeError, TypeError, IndexError)
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_blank_text=False)


def _targets(z: zipfile.ZipFile, rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (its last path segment) → part name, from one .rels part."""
    if rels_name not in z.namelist():
        return {}
    out: dict[str, str] = {}
    for rel in etree.fromstring(z.read(rels_name), _PARSER).iter(_PKG_REL):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], name)
    return out


def _open_package(data: bytes) -> tuple[etree._Element, etree._Element | None, etree._Element | None]:
    """The main document, styles and numbering roots of a .docx, found through its relationships."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        main = _targets(z, "_rels/.rels", "").get(_OFFICE_DOCUMENT.lstrip("/"), "word/document.xml")
        folder = posixpath.dirname(main)
        parts = _targets(z, posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels"), folder)
        document = etree.fromstring(z.read(main), _PARSER)
        names = set(z.namelist())
        styles = etree.fromstring(z.read(parts["styles"]), _PARSER) if parts.get("styles") in names else None
        numbering = (etree.fromstring(z.read(parts["numbering"]), _PARSER)
                     if parts.get("numbering") in names else None)
    if document.find(_w("body")) is None:
        raise ValueError("the main document part has no w:body")
    return document, styles, numbering


def _read_body(path: Path, data: bytes, document: etree._Element, styles: etree._Element | None,
               numbering: etree._Element | None) -> RawDocument:
    ctx = _Context()
    _load_styles(styles, ctx)
    _load_numbering(numbering, ctx)
    blocks: list[RawBlock] = []
    table_index = -1
    carried = ""
    for child in document.find(_w("body")).iterchildren():
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
