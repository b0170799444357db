"""A pair as a Word file: the child letter written as real tracked changes (w:ins / w:del) against the
parent, unit by unit, each paragraph carrying a Word comment that names its parent unit. "Accept all"
leaves exactly the child's items; "Reject all" gives back the parent's wording.

The package is written directly as WordprocessingML (a handful of small parts) rather than through
python-docx's default template, whose 800 KB of styles made every pair cost ~30 ms to save; the
files are re-read with python-docx and converted by LibreOffice in the tests.
"""

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape as _xml_escape

from cascade.reports.labels import label
from cascade.reports.safe import xml_text
from cascade.units import Unit, letter_units
from models import Block, Item, Letter, Link, LinkResult, SpanKind

AUTHOR = "cascade"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def _x(text: str) -> str:
    return _xml_escape(xml_text(text), {'"': "&quot;"})


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


@dataclass
class _Writer:
    """Builds document.xml paragraphs and comments.xml entries with unique change and comment ids."""

    date: str
    paragraphs: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    next_change: int = 1

    def _attrs(self) -> str:
        self.next_change += 1
        return f'w:id="{self.next_change - 1}" w:author="{AUTHOR}" w:date="{self.date}"'

    @staticmethod
    def plain(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r>' if text else ""

    def insert(self, text: str) -> str:
        return f'<w:ins {self._attrs()}><w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:ins>' if text else ""

    def delete(self, text: str) -> str:
        return (f'<w:del {self._attrs()}><w:r><w:delText xml:space="preserve">{_x(text)}</w:delText></w:r></w:del>'
                if text else "")

    def paragraph(self, pieces: list[str], comment: str | None = None, mark_deleted: bool = False) -> None:
        """A paragraph of run-level pieces; the comment is anchored on the first piece."""
        pieces = [p for p in pieces if p]
        ppr = f"<w:pPr><w:rPr><w:del {self._attrs()}/></w:rPr></w:pPr>" if mark_deleted else ""
        if comment is not None and pieces:
            cid = len(self.comments)
            pieces[0] = (f'<w:commentRangeStart w:id="{cid}"/>{pieces[0]}<w:commentRangeEnd w:id="{cid}"/>'
                         f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
            self.comments.append(
                f'<w:comment w:id="{cid}" w:author="{AUTHOR}" w:date="{self.date}" w:initials="CC"><w:p><w:r>'
                f'<w:t xml:space="preserve">{_x(comment)}</w:t></w:r></w:p></w:comment>'
            )
        self.paragraphs.append(f"<w:p>{ppr}{''.join(pieces)}</w:p>")


def render_docx(result: LinkResult, lang: str = "vi") -> bytes:
    """The .docx bytes of the pair's redline."""
    parent, child = result.parent, result.child
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    writer = _Writer(now.isoformat().replace("+00:00", "Z"))
    title = (f"{label('redline_title', lang)}: {parent.header.symbol or parent.source.path} → "
             f"{child.header.symbol or child.source.path}")
    p_prefix, c_prefix = _prefixes(parent), _prefixes(child)
    p_units = letter_units(parent)
    p_order = {u.id: u.order for u in p_units}
    by_child: dict[str, list[Link]] = {}
    for link in result.links:
        by_child.setdefault(link.child, []).append(link)
    c_units = letter_units(child)
    # Every parent unit no child unit took is deleted, the frame (lead-in, citation) included, so that
    # "Reject all" gives the parent back and "Accept all" the child.
    linked = {link.parent for link in result.links}
    dropped_ids = {u.id for u in p_units if u.id not in linked}
    local_ids = set(result.added)
    # Dropped parent units go after the last child unit drawn from an earlier part of the parent.
    placed: dict[int, list[Unit]] = {}
    for d in (u for u in p_units if u.id in dropped_ids):
        at = -1
        for k, unit in enumerate(c_units):
            links = by_child.get(unit.id, [])
            if links and min(p_order[ln.parent] for ln in links) < d.order:
                at = k
        placed.setdefault(at, []).append(d)
    for d in placed.get(-1, []):
        writer.paragraph([writer.delete(p_prefix.get(d.id, "") + d.text)], mark_deleted=True)
    for k, unit in enumerate(c_units):
        links = sorted(by_child.get(unit.id, []), key=lambda ln: p_order[ln.parent])
        _child_paragraph(writer, unit, links, p_prefix, c_prefix, lang, unit.id in local_ids)
        for d in placed.get(k, []):
            writer.paragraph([writer.delete(p_prefix.get(d.id, "") + d.text)], mark_deleted=True)
    return _package(writer, title, now)


def _child_paragraph(writer: _Writer, unit: Unit, links: list[Link], p_prefix: dict[str, str],
                     c_prefix: dict[str, str], lang: str, local: bool = True) -> None:
    new_prefix = c_prefix.get(unit.id, "")
    if not links:
        writer.paragraph([writer.insert(new_prefix + unit.text)],
                         comment=label("local_unit" if local else "frame_unit", lang))
        return
    primary = links[0]
    old_prefix = p_prefix.get(primary.parent, "")
    pieces = [writer.plain(new_prefix)] if old_prefix == new_prefix else [writer.delete(old_prefix),
                                                                          writer.insert(new_prefix)]
    for span in primary.diff:
        if span.kind is SpanKind.EQUAL:
            pieces.append(writer.plain(span.child))
        elif span.kind is SpanKind.TRIMMED:
            pieces.append(writer.delete(span.parent))
        elif span.kind is SpanKind.ADDED:
            pieces.append(writer.insert(span.child))
        else:  # localised or orthographic: show the swap so both wordings stay exact
            pieces += [writer.delete(span.parent), writer.insert(span.child)]
    sources = ", ".join(f"{ln.parent} ({label(ln.relation.value, lang)}, {label(ln.strength.value, lang)} "
                        f"{ln.score:.2f}, {ln.kept_share:.0%})" for ln in links)
    writer.paragraph(pieces, comment=f"{label('from_parent_unit', lang)} {sources}")


_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>
<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>
</w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>
<w:rPr><w:i/><w:sz w:val="20"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>
<w:rPr><w:sz w:val="20"/></w:rPr></w:style>
</w:styles>"""
_SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W_NS}"><w:trackRevisions/><w:defaultTabStop w:val="720"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
</w:compat></w:settings>"""
_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_CT}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_CT}.styles+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_CT}.settings+xml"/>
<Override PartName="/word/comments.xml" ContentType="{_CT}.comments+xml"/>
<Override PartName="/word/header1.xml" ContentType="{_CT}.header+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
 Target="docProps/core.xml"/>
</Relationships>"""
_DOC_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_REL}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{_REL}/settings" Target="settings.xml"/>
<Relationship Id="rId3" Type="{_REL}/comments" Target="comments.xml"/>
<Relationship Id="rId4" Type="{_REL}/header" Target="header1.xml"/>
</Relationships>"""


def _package(writer: _Writer, title: str, now: dt.datetime) -> bytes:
    stamp = now.isoformat().replace("+00:00", "Z")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{''.join(writer.paragraphs)}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
        '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
        'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
                f"{''.join(writer.comments)}</w:comments>")
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W_NS}"><w:p><w:pPr>'
              f'<w:pStyle w:val="Header"/></w:pPr>{_Writer.plain(title)}</w:p></w:hdr>')
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_x(title)}</dc:title><dc:creator>{AUTHOR}</dc:creator>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created></cp:coreProperties>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, content in (("[Content_Types].xml", _CONTENT_TYPES), ("_rels/.rels", _ROOT_RELS),
                              ("word/document.xml", document), ("word/_rels/document.xml.rels", _DOC_RELS),
                              ("word/styles.xml", _STYLES), ("word/settings.xml", _SETTINGS),
                              ("word/comments.xml", comments), ("word/header1.xml", header),
                              ("docProps/core.xml", core)):
            z.writestr(name, content)
    return buffer.getvalue()
