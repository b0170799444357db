"""A pair as a Word file: the child letter, header to signature, written as tracked changes against
the parent. "Accept all" gives exactly the child's text; "Reject all" gives back the parent's.

- Zones outside the numbered items (header, "Kính gửi", preamble, closing, "Nơi nhận", signature)
  are paired paragraph by paragraph in order; the items follow the link result.
- Edits are contiguous runs (all the deleted words of a run, then all the inserted ones), not word
  by word; a short common word between two edits joins the run.
- Orthographic differences (tone placement, case, quotes, an abbreviation against its long form)
  are not edits: the child's spelling is written with a tracked formatting change only.
- A parent unit split over several child units gives each child unit its own contiguous part of the
  parent text, so rejecting never shows the parent's words twice; a child unit merging parent units
  keeps their paragraph breaks as deleted paragraph marks.
- A child unit drawn from a parent unit that sits elsewhere in the parent is a Word move (moveFrom at
  the parent's place, moveTo at the child's); a dropped parent unit is deleted in its own place.
- Each child paragraph of the items carries a comment naming its parent units with their verdicts.

The package is written directly as WordprocessingML (a handful of small parts) rather than through
python-docx's default template, whose 800 KB of styles made every pair cost ~30 ms to save.
"""

import datetime as dt
import io
import itertools
import re
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape as _xml_escape

from cascade.diff import diff_texts
from cascade.gc_pause import pausing_collector
from cascade.letter_text import TextParagraph, letter_paragraphs, unit_prefixes
from cascade.reports.labels import evidence_text, label
from cascade.reports.safe import xml_text
from cascade.tokens import defined_abbreviations
from cascade.units import Unit, letter_units
from cascade.verdicts import PairVerdicts, UnitVerdict, judge
from models import DiffSpan, Letter, Link, LinkResult, SpanKind
from parsers.normalise import matching_form

_WORD_RE = re.compile(r"[^\W_]+")
AUTHOR = "cascade"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
# Two paragraphs of a zone outside the items are the same paragraph above this word overlap.
ZONE_MATCH = 0.35


def _x(text: str) -> str:
    return _xml_escape(xml_text(text), {'"': "&quot;"})


@dataclass
class _Para:
    """One paragraph of the redline: what it holds of each letter decides its paragraph mark."""

    pieces: list[str]
    p_key: str | None  # the parent paragraph it holds text of (None: child-only)
    c_key: str | None  # the child paragraph it holds text of (None: parent-only)
    move: str | None = None  # "from" or "to" for a moved paragraph
    comment: str | None = None


@dataclass
class _Writer:
    """Run-level XML with unique revision ids, and the comments part."""

    date: str
    comments: list[str] = field(default_factory=list)
    next_id: int = 1
    moves: int = 0

    def attrs(self) -> str:
        self.next_id += 1
        return f'w:id="{self.next_id - 1}" w:author="{AUTHOR}" w:date="{self.date}"'

    @staticmethod
    def plain(text: str) -> str:
        return f'<w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r>' if text else ""

    def insert(self, text: str) -> str:
        return f'<w:ins {self.attrs()}><w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:ins>' if text else ""

    def delete(self, text: str) -> str:
        return (f'<w:del {self.attrs()}><w:r><w:delText xml:space="preserve">{_x(text)}</w:delText></w:r></w:del>'
                if text else "")

    def reformat(self, text: str) -> str:
        """The child's spelling, marked as a formatting change only (a dotted underline)."""
        if not text:
            return ""
        return (f'<w:r><w:rPr><w:u w:val="dotted"/><w:rPrChange {self.attrs()}><w:rPr/></w:rPrChange></w:rPr>'
                f'<w:t xml:space="preserve">{_x(text)}</w:t></w:r>')

    def moved(self, text: str, direction: str, name: str) -> str:
        tag = "moveFrom" if direction == "from" else "moveTo"
        rid = self.next_id
        self.next_id += 1
        return (f'<w:{tag}RangeStart w:id="{rid}" w:author="{AUTHOR}" w:date="{self.date}" w:name="{name}"/>'
                f'<w:{tag} {self.attrs()}><w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:{tag}>'
                f'<w:{tag}RangeEnd w:id="{rid}"/>')

    def comment(self, pieces: list[str], text: str) -> list[str]:
        """Anchor a comment on the first piece."""
        pieces = [p for p in pieces if p]
        if not pieces:
            return pieces
        cid = len(self.comments)
        pieces[0] = (f'<w:commentRangeStart w:id="{cid}"/>{pieces[0]}<w:commentRangeEnd w:id="{cid}"/>'
                     f'<w:r><w:commentReference w:id="{cid}"/></w:r>')
        self.comments.append(f'<w:comment w:id="{cid}" w:author="{AUTHOR}" w:date="{self.date}" w:initials="CC">'
                             f'<w:p><w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r></w:p></w:comment>')
        return pieces

    def runs(self, spans: list[DiffSpan]) -> list[str]:
        """Equal text plain; orthographic text as a formatting change; every edit run (trimmed, added,
        localised spans, with at most one common word between them) as one deletion then one insertion."""
        out: list[str] = []
        kinds = [_kind(s) for s in spans]
        k = 0
        while k < len(spans):
            if kinds[k] != "edit":
                span = spans[k]
                out.append(self.plain(span.child) if kinds[k] == "equal" else self.reformat(span.child))
                k += 1
                continue
            end = k
            j = k + 1
            while j < len(spans):
                if kinds[j] == "edit":
                    end = j
                    j += 1
                elif j + 1 < len(spans) and len(_WORD_RE.findall(spans[j].child)) <= 1 and kinds[j + 1] == "edit":
                    j += 1
                else:
                    break
            run = spans[k:end + 1]
            out += [self.delete("".join(s.parent for s in run)), self.insert("".join(s.child for s in run))]
            k = end + 1
        return [p for p in out if p]

    def mark(self, para: _Para, in_parent: bool, in_child: bool) -> str:
        """Paragraph properties: the mark is deleted (parent only), inserted (child only) or moved."""
        if in_parent and in_child:
            return ""
        if in_parent:
            tag = "moveFrom" if para.move == "from" else "del"
        elif in_child:
            tag = "moveTo" if para.move == "to" else "ins"
        else:
            return ""
        return f"<w:pPr><w:rPr><w:{tag} {self.attrs()}/></w:rPr></w:pPr>"


def _kind(span: DiffSpan) -> str:
    if span.kind is SpanKind.EQUAL:
        return "equal"
    if span.kind is SpanKind.ORTHOGRAPHIC:
        return "spelling"
    return "edit"


def _title_name(letter: Letter) -> str:
    """A letter's name in the page header: its symbol, else its file name (never a full path)."""
    return letter.header.symbol or Path(letter.source.path).name


@pausing_collector
def render_docx(result: LinkResult, lang: str = "vi", verdicts: PairVerdicts | None = None) -> bytes:
    """The .docx bytes of the pair's whole-letter redline."""
    verdicts = verdicts or judge(result)
    parent, child = result.parent, result.child
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    writer = _Writer(now.isoformat().replace("+00:00", "Z"))
    title = f"{label('redline_title', lang)}: {_title_name(parent)} → {_title_name(child)}"
    texts = [u.text for u in letter_units(parent)] + [u.text for u in letter_units(child)]
    abbreviations = defined_abbreviations(texts)
    p_paras, c_paras = letter_paragraphs(parent), letter_paragraphs(child)
    layout: list[_Para] = []
    for zone in ("header", "recipients"):
        layout += _zone(writer, [p for p in p_paras if p.zone == zone], [p for p in c_paras if p.zone == zone],
                        abbreviations)
    layout += _Items(writer, result, verdicts, abbreviations, lang).layout()
    for zone in ("cc", "signature", "unplaced"):
        layout += _zone(writer, [p for p in p_paras if p.zone == zone], [p for p in c_paras if p.zone == zone],
                        abbreviations)
    return _package(writer, _paragraph_xml(writer, layout), title, now)


def _paragraph_xml(writer: _Writer, layout: list[_Para]) -> list[str]:
    """Each paragraph's mark: present in a letter's version unless the next paragraph holding text of
    that letter continues the same paragraph of it."""
    out = []
    for k, para in enumerate(layout):
        next_p = next((q.p_key for q in layout[k + 1:] if q.p_key is not None), None)
        next_c = next((q.c_key for q in layout[k + 1:] if q.c_key is not None), None)
        in_parent = para.p_key is not None and next_p != para.p_key
        in_child = para.c_key is not None and next_c != para.c_key
        if not in_parent and not in_child:
            in_parent = in_child = True  # cannot happen for well-formed layouts; keep the mark
        pieces = writer.comment(para.pieces, para.comment) if para.comment else para.pieces
        out.append(f"<w:p>{writer.mark(para, in_parent, in_child)}{''.join(pieces)}</w:p>")
    return out


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    """Cached: a parent's header and signature paragraphs meet every one of its children."""
    return frozenset(_WORD_RE.findall(matching_form(text)))


def _zone(writer: _Writer, parents: list[TextParagraph], children: list[TextParagraph],
          abbreviations: dict[str, list[str]]) -> list[_Para]:
    """Pair a zone's paragraphs in order (most word overlap), diff the pairs, delete or insert the rest."""
    n, m = len(parents), len(children)
    if not n and not m:
        return []
    pw = [_words(p.text) for p in parents]
    cw = [_words(c.text) for c in children]

    def sim(i: int, j: int) -> float:
        if parents[i].text == children[j].text:
            return 2.0
        union = len(pw[i]) + len(cw[j])
        return 2 * len(pw[i] & cw[j]) / union if union else 0.0

    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            s = sim(i, j)
            best[i][j] = max(best[i + 1][j], best[i][j + 1], best[i + 1][j + 1] + s if s >= ZONE_MATCH else 0.0)
    out: list[_Para] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m:
            s = sim(i, j)
            if s >= ZONE_MATCH and best[i][j] == best[i + 1][j + 1] + s:
                spans = diff_texts(parents[i].text, children[j].text, abbreviations)
                out.append(_Para(writer.runs(spans), parents[i].key, children[j].key))
                i, j = i + 1, j + 1
                continue
            if best[i][j] == best[i + 1][j]:
                out.append(_Para([writer.delete(parents[i].text)], parents[i].key, None))
                i += 1
                continue
            out.append(_Para([writer.insert(children[j].text)], None, children[j].key))
            j += 1
        elif i < n:
            out.append(_Para([writer.delete(parents[i].text)], parents[i].key, None))
            i += 1
        else:
            out.append(_Para([writer.insert(children[j].text)], None, children[j].key))
            j += 1
    return out


def _kept_chars(link: Link) -> tuple[int, int]:
    """Offsets of the first parent and first child character this link carries (or -1)."""
    p_at = c_at = 0
    first_p = first_c = -1
    for span in link.diff:
        if span.kind is not SpanKind.TRIMMED and span.kind is not SpanKind.ADDED:
            if first_p < 0 and _WORD_RE.search(span.parent):
                first_p = p_at + _WORD_RE.search(span.parent).start()  # type: ignore[union-attr]
            if first_c < 0 and _WORD_RE.search(span.child):
                first_c = c_at + _WORD_RE.search(span.child).start()  # type: ignore[union-attr]
        p_at += len(span.parent)
        c_at += len(span.child)
    return first_p, first_c


def _cut(text: str, starts: list[int]) -> list[str]:
    """`text` cut before each start offset (the first part always begins at 0)."""
    bounds = [0, *sorted(max(0, min(len(text), s)) for s in starts[1:]), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds)]


class _Items:
    """The numbered items of the child in its order, with the parent's dropped and moved units put
    back where they sit in the parent."""

    def __init__(self, writer: _Writer, result: LinkResult, verdicts: PairVerdicts,
                 abbreviations: dict[str, list[str]], lang: str) -> None:
        self.w, self.result, self.verdicts, self.abbr, self.lang = writer, result, verdicts, abbreviations, lang
        self.p_units = letter_units(result.parent)
        self.c_units = letter_units(result.child)
        self.p_by_id = {u.id: u for u in self.p_units}
        self.p_prefix, self.c_prefix = unit_prefixes(result.parent), unit_prefixes(result.child)
        self.link_verdict = {(v.parent, v.child): v for v in verdicts.links}
        self.item_verdict = {v.item: v for v in verdicts.items}
        self.segments = self._segments()

    def _segments(self) -> dict[tuple[str, str], tuple[int, str]]:
        """(parent unit, child unit) → (part number, the contiguous part of the parent text it gets)."""
        by_parent: dict[str, list[Link]] = {}
        for link in self.result.links:
            by_parent.setdefault(link.parent, []).append(link)
        out: dict[tuple[str, str], tuple[int, str]] = {}
        for pid, links in by_parent.items():
            text = self.p_by_id[pid].text
            if len(links) == 1:
                out[(pid, links[0].child)] = (0, text)
                continue
            order = sorted(links, key=lambda ln: (_kept_chars(ln)[0] if _kept_chars(ln)[0] >= 0 else len(text),
                                                  ln.child))
            parts = _cut(text, [_kept_chars(ln)[0] for ln in order])
            for k, (link, part) in enumerate(zip(order, parts, strict=True)):
                out[(pid, link.child)] = (k, part)
        return out

    def _parent_text(self, pid: str, part: int, text: str) -> str:
        return (self.p_prefix.get(pid, "") if part == 0 else "") + text

    def _comment(self, links: list[Link], moved: bool, local: bool = True) -> str:
        if not links:
            return label("local_unit" if local else "frame_unit", self.lang)
        bits = []
        for link in links:
            v: UnitVerdict = self.link_verdict[(link.parent, link.child)]
            bits.append(f"{link.parent} ({label(v.relation.value, self.lang)}, {v.kept_share:.0%}, "
                        f"{evidence_text(link.strength.value, link.score, self.lang)})")
        text = f"{label('from_parent_unit', self.lang)} {', '.join(bits)}"
        if moved:
            text += f"; {label('moved_from_elsewhere', self.lang)}"
        for link in links:
            unit = self.p_by_id[link.parent]
            if unit.is_item and unit.id in self.item_verdict:
                iv = self.item_verdict[unit.id]
                where = ", ".join(iv.child_items) or "—"
                verdict = label(iv.relation.value, self.lang)
                text += (f"; {label('whole_item', self.lang)} {unit.id} → {where}: {verdict}"
                         f", {label('kept_word', self.lang)} {iv.kept_share:.0%}")
        return text

    def _pieces(self, unit: Unit, links: list[Link]) -> list[tuple[Link, int, str, list[DiffSpan]]]:
        """The child unit cut into one part per link, each diffed against its part of the parent."""
        firsts = [_kept_chars(ln)[1] for ln in links]
        order = sorted(range(len(links)), key=lambda k: (firsts[k] if firsts[k] >= 0 else len(unit.text), k))
        portions = _cut(unit.text, [firsts[k] for k in order])
        out = []
        for k, portion in zip(order, portions, strict=True):
            link = links[k]
            part, ptext = self.segments[(link.parent, unit.id)]
            if len(links) == 1 and part == 0 and ptext == self.p_by_id[link.parent].text:
                spans = list(link.diff)
            else:
                spans = diff_texts(ptext, portion, self.abbr)
            out.append((link, part, ptext, spans))
        return out

    def layout(self) -> list[_Para]:
        w = self.w
        p_order = {u.id: u.order for u in self.p_units}
        by_child: dict[str, list[Link]] = {}
        for link in self.result.links:
            by_child.setdefault(link.child, []).append(link)
        backbone: list[tuple[tuple[int, int], _Para]] = []  # (parent position, paragraph) in child order
        child_only: list[_Para] = []
        placed: list[tuple[tuple[int, int], _Para]] = []  # dropped and moved-from parent text
        sequence: list[_Para] = []
        local_ids = set(self.result.added)
        for unit in self.c_units:
            links = sorted(by_child.get(unit.id, []), key=lambda ln: p_order[ln.parent])
            new_prefix = self.c_prefix.get(unit.id, "")
            if not links:
                para = _Para([w.insert(new_prefix + unit.text)], None, unit.id,
                             comment=self._comment([], False, unit.id in local_ids))
                sequence.append(para)
                child_only.append(para)
                continue
            if any(ln.moved for ln in links):
                w.moves += 1
                name = f"move{w.moves}"
                para = _Para([w.moved(new_prefix + unit.text, "to", name)], None, unit.id, move="to",
                             comment=self._comment(links, True))
                sequence.append(para)
                for link in links:
                    part, ptext = self.segments[(link.parent, unit.id)]
                    source = _Para([w.moved(self._parent_text(link.parent, part, ptext), "from", name)],
                                   link.parent, None, move="from")
                    placed.append(((p_order[link.parent], part), source))
                continue
            pieces = self._pieces(unit, links)
            for n, (link, part, _ptext, spans) in enumerate(pieces):
                old_prefix = self.p_prefix.get(link.parent, "") if part == 0 else ""
                prefix = new_prefix if n == 0 else ""
                if old_prefix == prefix:
                    runs = [w.plain(prefix), *w.runs(spans)]
                else:  # a renumbered label joins the edit run that follows it
                    runs = w.runs([DiffSpan(kind=SpanKind.TRIMMED, parent=old_prefix),
                                   DiffSpan(kind=SpanKind.ADDED, child=prefix), *spans])
                para = _Para([r for r in runs if r], link.parent, unit.id,
                             comment=self._comment(links, False) if n == 0 else None)
                sequence.append(para)
                backbone.append(((p_order[link.parent], part), para))
        # Every parent unit no child unit took is deleted in its place, the frame (lead-in, citation)
        # included, so that "Reject all" gives the parent back.
        linked = {link.parent for link in self.result.links}
        for unit in (u for u in self.p_units if u.id not in linked):
            uid = unit.id
            placed.append(((unit.order, 0), _Para([w.delete(self.p_prefix.get(uid, "") + unit.text)], uid, None)))
        return _insert_in_place(sequence, backbone, placed)


def _insert_in_place(sequence: list[_Para], backbone: list[tuple[tuple[int, int], _Para]],
                     placed: list[tuple[tuple[int, int], _Para]]) -> list[_Para]:
    """Put each parent-only paragraph right after the in-place paragraph that precedes it in the
    parent (or first, if nothing does)."""
    after: dict[int, list[tuple[tuple[int, int], _Para]]] = {}
    position = {id(para): k for k, para in enumerate(sequence)}
    for key, para in placed:
        anchor = -1
        best: tuple[int, int] | None = None
        for bkey, bpara in backbone:
            if bkey < key and (best is None or bkey >= best):
                best, anchor = bkey, position[id(bpara)]
        after.setdefault(anchor, []).append((key, para))
    ordered = [p for _, p in sorted(after.get(-1, []), key=lambda kp: kp[0])]
    for k, para in enumerate(sequence):
        ordered.append(para)
        ordered += [p for _, p in sorted(after.get(k, []), key=lambda kp: kp[0])]
    out: list[_Para] = []
    for para in ordered:  # parts of one parent unit that land side by side are one paragraph again
        last = out[-1] if out else None
        if last is not None and para.c_key is None and last.c_key is None and para.p_key == last.p_key:
            last.pieces += para.pieces
            continue
        out.append(para)
    return out


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


def _package(writer: _Writer, paragraphs: list[str], title: str, now: dt.datetime) -> bytes:
    stamp = now.isoformat().replace("+00:00", "Z")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
        f"<w:body>{''.join(paragraphs)}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
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
