"""A pair as a Word file: the child letter written as real tracked changes (w:ins / w:del) against the
parent, unit by unit, each paragraph carrying a Word comment that names its parent unit. "Accept all"
leaves exactly the child's items; "Reject all" gives back the parent's wording."""

import datetime as dt
import io
import re

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from cascade.reports.labels import label
from cascade.units import Unit, letter_units
from models import Block, Item, Letter, Link, LinkResult, SpanKind

_XML_ILLEGAL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
AUTHOR = "cascade"


def _prefixes(letter: Letter) -> dict[str, str]:
    """What precedes each unit's text in the letter: an item's label, a bullet's marker."""
    out: dict[str, str] = {}

    def blocks(bs: list[Block]) -> None:
        for b in bs:
            out[b.id] = f"{b.marker} " if b.marker else ""
            blocks(b.blocks)

    def items(its: list[Item]) -> None:
        for it in its:
            out[it.id] = f"{it.label} "
            blocks(it.blocks)
            items(it.items)

    items(letter.items)
    return out


class _Redline:
    def __init__(self, date: str) -> None:
        self.next_id = 1
        self.date = date

    def _change(self, tag: str, text: str) -> "BaseOxmlElement":
        el = OxmlElement(tag)
        el.set(qn("w:id"), str(self.next_id))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        self.next_id += 1
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = _XML_ILLEGAL_RE.sub("", text)
        r.append(t)
        el.append(r)
        return el

    def insert(self, p: Paragraph, text: str) -> None:
        if text:
            p._p.append(self._change("w:ins", text))

    def delete(self, p: Paragraph, text: str) -> None:
        if text:
            p._p.append(self._change("w:del", text))

    def delete_paragraph_mark(self, p: Paragraph) -> None:
        """Accepting the deletion then removes the paragraph itself, not only its text."""
        ppr = p._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        mark = OxmlElement("w:del")
        mark.set(qn("w:id"), str(self.next_id))
        mark.set(qn("w:author"), AUTHOR)
        mark.set(qn("w:date"), self.date)
        self.next_id += 1
        rpr.append(mark)
        ppr.append(rpr)


def _plain(p: Paragraph, text: str) -> Run | None:
    return p.add_run(_XML_ILLEGAL_RE.sub("", text)) if text else None


def render_docx(result: LinkResult, lang: str = "vi") -> bytes:
    """The .docx bytes of the pair's redline."""
    document = docx.Document()
    redline = _Redline(dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"))
    parent, child = result.parent, result.child
    header = document.sections[0].header.paragraphs[0]
    header.text = (f"{label('redline_title', lang)}: {parent.header.symbol or parent.source.path} → "
                   f"{child.header.symbol or child.source.path}")
    document.core_properties.title = header.text
    document.core_properties.author = AUTHOR
    p_prefix, c_prefix = _prefixes(parent), _prefixes(child)
    p_units = letter_units(parent)
    p_order = {u.id: u.order for u in p_units}
    by_child: dict[str, list[Link]] = {}
    for link in result.links:
        by_child.setdefault(link.child, []).append(link)
    dropped = [u for u in p_units if u.id in set(result.dropped)]
    entries: list[tuple[str, Unit]] = []
    for unit in letter_units(child):
        entries.append(("child", unit))
    # Dropped parent units go after the last child unit drawn from an earlier part of the parent.
    placed: dict[int, list[Unit]] = {}
    for d in dropped:
        at = -1
        for k, (_, unit) in enumerate(entries):
            links = by_child.get(unit.id, [])
            if links and min(p_order[ln.parent] for ln in links) < d.order:
                at = k
        placed.setdefault(at, []).append(d)
    for d in placed.get(-1, []):
        _dropped_paragraph(document, redline, d, p_prefix, lang)
    for k, (_, unit) in enumerate(entries):
        links = sorted(by_child.get(unit.id, []), key=lambda ln: p_order[ln.parent])
        _child_paragraph(document, redline, unit, links, p_prefix, c_prefix, lang)
        for d in placed.get(k, []):
            _dropped_paragraph(document, redline, d, p_prefix, lang)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _child_paragraph(document: "docx.document.Document", redline: _Redline, unit: Unit, links: list[Link],
                     p_prefix: dict[str, str], c_prefix: dict[str, str], lang: str) -> None:
    p = document.add_paragraph()
    new_prefix = c_prefix.get(unit.id, "")
    if not links:
        anchor = _plain(p, "")
        redline.insert(p, new_prefix + unit.text)
        _comment(document, p, anchor, label("local_unit", lang), lang)
        return
    primary = links[0]
    old_prefix = p_prefix.get(primary.parent, "")
    anchor = None
    if old_prefix == new_prefix:
        anchor = _plain(p, new_prefix)
    else:
        redline.delete(p, old_prefix)
        redline.insert(p, new_prefix)
    for span in primary.diff:
        if span.kind is SpanKind.EQUAL:
            run = _plain(p, span.child)
            anchor = anchor or run
        elif span.kind is SpanKind.TRIMMED:
            redline.delete(p, span.parent)
        elif span.kind is SpanKind.ADDED:
            redline.insert(p, span.child)
        else:  # localised or orthographic: show the swap so both wordings stay exact
            redline.delete(p, span.parent)
            redline.insert(p, span.child)
    sources = ", ".join(f"{ln.parent} ({label(ln.relation.value, lang)}, {ln.kept_share:.0%})" for ln in links)
    _comment(document, p, anchor, f"{label('from_parent_unit', lang)} {sources}", lang)


def _dropped_paragraph(document: "docx.document.Document", redline: _Redline, unit: Unit,
                       p_prefix: dict[str, str], lang: str) -> None:
    p = document.add_paragraph()
    redline.delete(p, p_prefix.get(unit.id, "") + unit.text)
    redline.delete_paragraph_mark(p)


def _comment(document: "docx.document.Document", p: Paragraph, anchor: Run | None, text: str, lang: str) -> None:
    """Anchor a Word comment on the paragraph's first plain run, or on its first tracked run."""
    run = anchor
    if run is None:
        first = p._p.find(f".//{qn('w:r')}")
        if first is None:
            return
        run = Run(first, p)
    document.add_comment(run, text=text, author=AUTHOR, initials="CC")
