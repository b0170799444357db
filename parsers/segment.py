"""RawDocument → Letter: find the zones (header, "Kính gửi", preamble, items, closing, "Nơi nhận",
signature), build the item tree with its unit ids, and read the header and signature facts.

The rules follow the format (Nghị định 30/2020, 36-HD/VPTW, their drift in real files), never the
wording of particular letters. Every raw line ends up in exactly one zone (or `unplaced`).
"""

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models import (
    Block,
    BlockKind,
    Citation,
    CitationRole,
    Header,
    Item,
    Letter,
    Paragraph,
    ParseWarning,
    RawDocument,
    Recipient,
    Signature,
    SourceSpan,
    System,
)
from parsers import patterns as P
from parsers.lexicon import DOC_TYPE_CODES
from parsers.normalise import clean_text, matching_form
from parsers.tier import infer_system, infer_tier

_SEGMENT_SPLIT_RE = re.compile(r"\t+|\s{3,}")
_LOWER_START_RE = re.compile(rf"^[\"“'‘(\[]?[{P.VN_LOWER}]")
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


def _lines(raw: RawDocument) -> list[Line]:
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


def _is_upper(text: str) -> bool:
    letters = _LETTER_RE.findall(text)
    return len(letters) >= 2 and all(not ch.islower() for ch in letters)


# --- item labels ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Label:
    printed: str  # as printed, e.g. "1.2." or "a)"
    key: str  # style of numbering: siblings share it, a new style nests
    part: str  # id fragment: the label without trailing punctuation


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


def _classify(line: Line) -> tuple[str, Label | None, str, str | None]:
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


# --- units under construction ---------------------------------------------------------------------


@dataclass
class _Unit:
    lines: list[Line]
    text_parts: list[str]
    kind: str  # item | bullet | para
    label: Label | None = None
    marker: str | None = None
    auto: bool = False
    children: list["_Unit"] = field(default_factory=list)  # blocks
    subitems: list["_Unit"] = field(default_factory=list)

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


def _wrap_width(lines: Sequence[Line]) -> int | None:
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


def _continues(prev: _Unit | None, line: Line, wrap: int | None) -> bool:
    """Is `line` the rest of the previous paragraph (soft break, page-break split, hard wrap)?"""
    if prev is None:
        return False
    if line.soft:
        return True
    if _LOWER_START_RE.match(line.text):
        # "A paragraph split by a page break (the text goes on with a lower-case word) is one block."
        return True
    last = prev.lines[-1].raw.strip()  # the width is that of the source lines, markup included
    if not wrap:
        return False
    # Hard-wrapped text breaks a line only when the next word would not fit: if it would have fit,
    # the break is the end of a paragraph (whatever punctuation ends the line).
    first_word = line.raw.strip().split(" ", 1)[0]
    return len(last) + 1 + len(first_word) > wrap


def _paragraphs(lines: Sequence[Line], wrap: int | None) -> list[_Unit]:
    units: list[_Unit] = []
    for line in lines:
        if line.blank:
            continue
        if units and _continues(units[-1], line, wrap):
            units[-1].extend(line, line.text)
        else:
            units.append(_Unit([line], [line.text], "para"))
    return units


def _build_items(lines: Sequence[Line], wrap: int | None) -> list[_Unit]:
    """Item tree from the body lines: numbering styles nest, bullets nest by marker or Word level."""
    roots: list[_Unit] = []
    item_stack: list[_Unit] = []  # open items, outermost first
    block_stack: list[_Unit] = []  # open bullets of the current item
    last: _Unit | None = None
    for line in lines:
        kind, label, text, marker = _classify(line)
        if kind == "blank":
            continue
        if kind == "para" and last is not None and _continues(last, line, wrap):
            last.extend(line, text)
            continue
        if kind == "bullet" and last is not None and wrap and _LOWER_START_RE.match(text) \
                and _continues(last, line, wrap):
            # "kinh tế -" / "- xã hội …": a hyphen that the cut put at the start of a line
            last.extend(line, line.text)
            continue
        if kind == "item":
            assert label is not None
            keys = [u.label.key for u in item_stack if u.label]
            if label.key in keys:
                del item_stack[keys.index(label.key) :]
            unit = _Unit([line], [text], "item", label=label, auto=bool(line.label))
            (item_stack[-1].subitems if item_stack else roots).append(unit)
            item_stack.append(unit)
            block_stack.clear()
            last = unit
            continue
        if not item_stack:  # text before the first item is the caller's business
            continue
        owner = item_stack[-1]
        unit = _Unit([line], [text], kind, marker=marker)
        if kind == "para":
            block_stack.clear()
            owner.children.append(unit)
        else:
            _place_bullet(owner, block_stack, unit, line)
        last = unit
    return roots


def _place_bullet(owner: _Unit, stack: list[_Unit], unit: _Unit, line: Line) -> None:
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


def _to_blocks(units: list[_Unit], prefix: str) -> list[Block]:
    blocks = []
    for k, u in enumerate(units, start=1):
        bid = f"{prefix}/{k}"
        blocks.append(
            Block(
                id=bid, kind=BlockKind.BULLET if u.kind == "bullet" else BlockKind.PARAGRAPH,
                marker=u.marker.split("@")[0] if u.marker else None, text=u.text, norm=matching_form(u.text),
                raw=u.raw, span=u.span, blocks=_to_blocks(u.children, bid),
            )
        )
    return blocks


def _to_items(units: list[_Unit], parent: tuple[str, str] | None, seen: dict[str, int],
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
                raw=u.raw, span=u.span, blocks=_to_blocks(u.children, uid),
                items=_to_items(u.subitems, (uid, part), seen, warnings),
            )
        )
    return items


def _to_paragraphs(units: list[_Unit]) -> list[Paragraph]:
    return [Paragraph(text=u.text, norm=matching_form(u.text), raw=u.raw, span=u.span) for u in units]


# --- zones ----------------------------------------------------------------------------------------


def _first_item(lines: Sequence[Line], start: int, stop: int) -> int | None:
    for i in range(start, stop):
        if _classify(lines[i])[0] == "item":
            return i
    return None


def _header_end(lines: Sequence[Line], stop: int) -> int:
    """Index after the last header line, scanning the letter's opening lines (no "Kính gửi")."""
    end = 0
    in_subject = False
    subject_lines = 0
    first_table = next((ln.table for ln in lines[:stop] if ln.text), None)
    for i in range(stop):
        line = lines[i]
        t = line.text
        if not t:
            in_subject = in_subject and subject_lines == 0
            continue
        if first_table is not None and line.table == first_table:
            end = i + 1
            continue
        if any(r.search(t) for r in (P.NATIONAL_RE, P.MOTTO_RE, P.PARTY_HEADER_RE)) or P.STAR_RE.match(t) \
                or P.RULE_RE.match(t) or P.SO_LINE_RE.match(t) or P.PLACE_DATE_RE.search(t):
            end = i + 1
            continue
        if P.VV_RE.match(t):
            in_subject, subject_lines, end = True, 1, i + 1  # the V/v line carries its own text
            continue
        if P.TITLE_RE.match(t):
            in_subject, subject_lines, end = True, 0, i + 1
            continue
        if in_subject and subject_lines == 0 and len(t) <= 250 and _classify(line)[0] != "item":
            subject_lines += 1  # the first line after a title is its summary, whatever verb opens it
            end = i + 1
            continue
        if _classify(line)[0] == "item" or P.PREAMBLE_OPENER_RE.match(t) or P.KINH_GUI_RE.match(t):
            break
        if in_subject and len(t) <= 250 and subject_lines < 3:
            subject_lines += 1
            end = i + 1
            continue
        if _is_upper(t) and len(t) <= 120:
            end = i + 1
            continue
        break
    return end


def _recipients(lines: Sequence[Line], kg: int, stop: int) -> tuple[list[Recipient], int]:
    """Entries of "Kính gửi": inline, or one per following line until the one ending in "."."""
    out: list[Recipient] = []
    m = P.KINH_GUI_RE.match(lines[kg].text)
    rest = (m.group("rest") if m else "").strip(" *:")
    done = False
    heading_raw = lines[kg].raw  # kept with the first entry so no source text is lost
    if rest:
        out.append(Recipient(text=rest.lstrip("-–• ").strip(), raw=heading_raw))
        heading_raw, done = "", rest.endswith(".")
    j = kg + 1
    while j < stop and not done:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        kind = _classify(line)[0]
        if kind == "item" or P.PREAMBLE_OPENER_RE.match(line.text):
            break
        is_entry = kind == "bullet" or (len(line.text) <= 150 and not (out and out[-1].text.endswith(".")))
        if not is_entry or (kind != "bullet" and not out and len(line.text) > 150):
            break
        b = P.BULLET_RE.match(line.text)
        raw = f"{heading_raw}\n{line.raw}" if heading_raw else line.raw
        out.append(Recipient(text=(b.group("text") if b else line.text).strip(), raw=raw))
        heading_raw = ""
        j += 1
        done = line.text.rstrip("*").endswith(".")
    if heading_raw:
        return out, kg  # a bare "Kính gửi:" with no entries: leave it to the body
    return out, j


def _footer_start(lines: Sequence[Line], body_start: int) -> int:
    """Where "Nơi nhận" or the signature block begins, searched in the last lines only."""
    content = [i for i in range(body_start, len(lines)) if lines[i].text]
    window = content[-30:]
    starts = []
    for i in window:
        for seg in _SEGMENT_SPLIT_RE.split(lines[i].text):
            seg = seg.strip()
            if P.NOI_NHAN_RE.match(seg) or (P.SIGN_AUTH_RE.match(seg) and _is_upper(seg)) \
                    or (P.POSITION_RE.match(seg) and _is_upper(seg) and len(seg) <= 60):
                starts.append(i)
                break
    return min(starts) if starts else len(lines)


def _footer(lines: Sequence[Line]) -> tuple[list[Recipient], Signature | None, list[str]]:
    """cc entries, the signature, and footer text that is neither (kept so nothing is lost)."""
    cc: list[Recipient] = []
    heading_raw = ""
    sig_lines: list[tuple[str, str]] = []
    mode = "sig"
    cc_cell = None
    for line in lines:
        for seg in _SEGMENT_SPLIT_RE.split(line.raw) if line.table is None else [line.raw]:
            text = clean_text(seg)
            if not text:
                if mode == "sig" and sig_lines:
                    sig_lines.append(("", seg))
                continue
            nn = P.NOI_NHAN_RE.match(text)
            if nn:
                mode, cc_cell = "cc", (line.table, line.cell)
                if nn.group("rest").strip():
                    cc.append(Recipient(text=nn.group("rest").strip().lstrip("-– "), raw=seg))
                else:
                    heading_raw = f"{heading_raw}\n{seg}" if heading_raw else seg
                continue
            other_cell = line.table is not None and cc_cell is not None and (line.table, line.cell) != cc_cell
            starts_sig = (P.SIGN_AUTH_RE.match(text) or P.POSITION_RE.match(text)) and _is_upper(text)
            # In a two-column layout flattened to text, cc entries and signature lines alternate;
            # a "- …" entry never belongs to a signature.
            word_bullet = line.bullet and seg is line.raw
            if cc_cell is not None and not other_cell and not starts_sig and (P.BULLET_RE.match(text) or word_bullet):
                mode = "cc"
            if mode == "cc" and not other_cell and not starts_sig:
                b = P.BULLET_RE.match(text) or (text if word_bullet else None)
                archived = bool(cc) and re.match(r"^Lưu\b", cc[-1].text) is not None
                if b or not cc:
                    raw = f"{heading_raw}\n{seg}" if heading_raw else seg
                    entry = b.group("text") if isinstance(b, re.Match) else text
                    cc.append(Recipient(text=entry.strip(), raw=raw))
                    heading_raw = ""
                    continue
                if _LOWER_START_RE.match(text) and not archived:  # an entry wrapped onto a second line
                    cc[-1] = Recipient(text=f"{cc[-1].text} {text}", raw=f"{cc[-1].raw}\n{seg}")
                    continue
                # "- Lưu …" closes the list; anything else is the signature column
                mode = "sig"
            mode = "sig" if (starts_sig or other_cell or mode == "sig") else mode
            sig_lines.append((text, seg))
    signature = _signature(sig_lines)
    leftovers = [heading_raw] if heading_raw else []
    if signature is None:
        leftovers += [raw for text, raw in sig_lines if text]
    return cc, signature, leftovers


def _authority(m: re.Match[str]) -> str:
    auth = re.sub(r"\s+", "", m.group("auth"))
    return auth if "/" in auth else f"{auth}."


def _signature(lines: list[tuple[str, str]]) -> Signature | None:
    texts = [t for t, _ in lines if t and not P.SIGNED_NOTE_RE.match(t)]
    if not texts:
        return None
    authority = body = position = signer = None
    rest = texts
    m = P.SIGN_AUTH_RE.match(texts[0])
    if m:
        authority, body = _authority(m), m.group("rest").strip()
        rest = texts[1:]
        second = P.SIGN_AUTH_RE.match(rest[0]) if rest and _is_upper(rest[0]) else None
        if second:
            # "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH": the deputy signs (KT.) for the
            # head, on behalf of the collective named on the first line; `raw` keeps both lines.
            authority = _authority(second)
            rest = rest[1:]
    uppers = []
    while rest and _is_upper(rest[0]) and not P.END_MARK_RE.search(rest[0]):
        uppers.append(rest.pop(0))
    if uppers:
        position = " ".join(uppers)
    elif authority and body and P.POSITION_RE.match(body):
        position, body = body, None
    names = [t for t in rest if not _is_upper(t) or len(t.split()) <= 5]
    if names:
        signer = names[-1]
    if authority is None and position is None and signer is None:
        return None
    return Signature(authority=authority, body=body, position=position, signer=signer,
                     raw="\n".join(raw for _, raw in lines).strip("\n"))


# Blanks left in drafts ("Số:      /KH-UBND", "ngày      tháng 6") are not column gaps.
_DRAFT_BLANK_RE = re.compile(r"(?P<a>\bSố\s*:?|\bngày|\btháng)[ \t\u00a0]{2,}(?=[-–/]|tháng|năm)", re.I)


def _split_header_segments(lines: Sequence[Line]) -> list[str]:
    segs = []
    for line in lines:
        for seg in _SEGMENT_SPLIT_RE.split(_DRAFT_BLANK_RE.sub(r"\g<a> ", line.raw)):
            text = clean_text(seg)
            if text:
                segs.append(text)
    return segs


_ADMIN_START_RE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|VÀ)\b")
_ADMIN_ANY_RE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")


def _issuer_lines(candidates: list[str]) -> list[str]:
    """Join organisation names broken over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH PHƯỚC")."""
    out: list[str] = []
    for c in candidates:
        if out and ((_ADMIN_START_RE.match(c) and not _ADMIN_ANY_RE.search(out[-1].replace("ỦY BAN", "")))
                    or out[-1].endswith((",", " VÀ")) or c.startswith("VÀ ")):
            out[-1] = f"{out[-1]} {c}"
        else:
            out.append(c)
    return out


def _parse_symbol(header: Header, so: re.Match[str]) -> None:
    no, sep, tail = so.group("no"), so.group("sep"), so.group("tail").rstrip(".,;")
    written = f"{no or ''}{'-' if sep != '/' else '/'}{tail}"
    header.symbol = re.sub(r"\s+", "", written)
    header.number = no
    if sep != "/":
        m = re.match(rf"(?P<type>{P.ABBR}){P.SP}/{P.SP}(?P<issuer>.+)$", tail)
        if m:
            header.doc_type, header.issuer_code = m.group("type"), m.group("issuer")
        return
    groups = [g for g in re.split(rf"{P.DASH}|/", tail) if g]
    groups = [g for g in groups if not re.fullmatch(P.YEAR, g)]
    if not groups:
        return
    if groups[0] in DOC_TYPE_CODES and len(groups) > 1:
        # joint issuers stay together: "02/2011/TTLT-VPCP-BNV" → VPCP-BNV
        header.doc_type, header.issuer_code = groups[0], "-".join(groups[1:])
    else:  # state công văn: "12/UBND-VX" — issuer, then drafting unit; no type code
        header.doc_type, header.issuer_code = "CV", groups[0]


def _header(lines: Sequence[Line], warnings: list[ParseWarning]) -> Header:
    header = Header(raw="\n".join(ln.raw for ln in lines).strip("\n"))
    segs = _split_header_segments(lines)
    issuer_candidates: list[str] = []
    subject: list[str] = []
    in_subject = False
    seen_marker = False
    for seg in segs:
        if P.NATIONAL_RE.search(seg) or P.MOTTO_RE.search(seg) or P.PARTY_HEADER_RE.search(seg):
            header.motto.append(seg)
            in_subject = False
            continue
        if P.STAR_RE.match(seg) or P.RULE_RE.match(seg):
            seen_marker = True
            in_subject = False
            continue
        so = P.SO_LINE_RE.match(seg)
        if so and header.symbol is None:
            _parse_symbol(header, so)
            seen_marker, in_subject = True, False
            continue
        pd = P.PLACE_DATE_RE.search(seg)
        if pd and header.place is None:
            header.place = pd.group("place").strip()
            if pd.group("d") and pd.group("m"):
                try:
                    header.date = dt.date(int(pd.group("y")), int(pd.group("m")), int(pd.group("d")))
                except ValueError:
                    warnings.append(ParseWarning(code="bad-date", message=f"impossible date in {seg!r}"))
            else:
                warnings.append(ParseWarning(code="incomplete-date", message=f"date left blank: {seg!r}"))
            in_subject = False
            continue
        vv = P.VV_RE.match(seg)
        if vv:
            subject, in_subject, seen_marker = [vv.group("subject").strip()], True, True
            continue
        title = P.TITLE_RE.match(seg)
        if title and header.title is None:
            header.title, in_subject, seen_marker = title.group("title"), True, True
            subject = []
            continue
        if in_subject:
            subject.append(seg)
            continue
        if (_is_upper(seg) and not seen_marker) or (_is_upper(seg) and not issuer_candidates):
            issuer_candidates.append(seg)
    if subject:
        header.subject = " ".join(subject)
    orgs = _issuer_lines(issuer_candidates)
    if orgs:
        header.issuer = orgs[-1]
        header.parent_issuer = orgs[-2] if len(orgs) > 1 else None
    if header.doc_type is None and header.title:
        header.doc_type = P.TITLE_CODES.get(header.title)
    return header


# --- the whole letter -----------------------------------------------------------------------------


_CLOSING_VERB_RE = re.compile(r"\b(?:đề\s+nghị|yêu\s+cầu|trên\s+đây|triển\s+khai\s+thực\s+hiện)\b", re.I)


def _closing_start(body: Sequence[Line]) -> int:
    """First line of the closing paragraphs that follow the last item ("Trên đây là …", "… thực hiện./."),
    or len(body) when there are none. Only a run of plain paragraphs at the very end qualifies."""
    trailing: list[int] = []
    for i in range(len(body) - 1, -1, -1):
        if body[i].blank:
            continue
        if _classify(body[i])[0] != "para":
            break
        trailing.insert(0, i)
    for pos, i in enumerate(trailing):
        text = body[i].text
        opener = P.CLOSING_OPENER_RE.match(text)
        end_marked = P.END_MARK_RE.search(text) and _CLOSING_VERB_RE.search(text)
        if (opener or end_marked) and len(trailing) - pos <= 6:
            return i
    return len(body)


def segment_letter(raw: RawDocument, nlp_segmenter: str = "syllable") -> Letter:
    """Turn a raw document into a Letter. Never raises on odd text: problems become warnings."""
    warnings: list[ParseWarning] = [ParseWarning(code="reader", message=n) for n in raw.notes]
    lines = _lines(raw)
    n = len(lines)
    kg = next((i for i, ln in enumerate(lines) if ln.text and P.KINH_GUI_RE.match(ln.text)), None)
    probe_item = _first_item(lines, 0, n)
    if kg is not None and probe_item is not None and kg > probe_item:
        kg = None  # a "Kính gửi" inside the body is not the recipients block
    h_end = kg if kg is not None else _header_end(lines, probe_item if probe_item is not None else n)
    header = _header(lines[:h_end], warnings)
    recipients: list[Recipient] = []
    body_start = h_end
    if kg is not None:
        f_guess = _footer_start(lines, kg + 1)
        recipients, body_start = _recipients(lines, kg, f_guess)
    f_start = _footer_start(lines, body_start)
    cc, signature, footer_leftovers = _footer(lines[f_start:])
    body = lines[body_start:f_start]
    wrap = _wrap_width(body)
    first = _first_item(body, 0, len(body))
    if first is None:
        first = len(body)
        warnings.append(ParseWarning(code="no-items", message="no numbered items found in the body"))
    preamble_units = _paragraphs(body[:first], wrap)
    closing_at = max(first, _closing_start(body)) if first < len(body) else len(body)
    if closing_at == first:  # the only "items" are closing sentences: keep them as items
        closing_at = len(body)
    item_units = _build_items(body[first:closing_at], wrap)
    closing_units = _paragraphs(body[closing_at:], wrap)
    seen: dict[str, int] = {}
    items = _to_items(item_units, None, seen, warnings)
    if not h_end or not any((header.symbol, header.issuer, header.date)):
        warnings.append(ParseWarning(code="no-header", message="no header (issuer, number, date) found"))
    if signature is None:
        warnings.append(ParseWarning(code="no-signature", message="no signature block found"))
    letter = Letter(
        source=raw.source, header=header, recipients=recipients, preamble=_to_paragraphs(preamble_units),
        items=items, closing=_to_paragraphs(closing_units), cc=cc, signature=signature, warnings=warnings,
        unplaced=[Paragraph(text=clean_text(r), norm=matching_form(r), raw=r,
                            span=SourceSpan(first=lines[f_start].block, last=lines[-1].block))
                  for r in footer_leftovers],
    )
    emptied = [ln for ln in lines[h_end:f_start] if ln.raw.strip() and not ln.text]
    letter.unplaced += [Paragraph(text="", norm="", raw=ln.raw, span=SourceSpan(first=ln.block, last=ln.block))
                        for ln in emptied]  # export artefacts alone on a line: kept, not parsed
    letter.citations = _citations(letter, nlp_segmenter)
    letter.system = infer_system(letter)
    letter.tier, tier_notes = infer_tier(letter)
    letter.warnings.extend(ParseWarning(code="tier", message=m) for m in tier_notes)
    if letter.system is System.UNKNOWN:
        letter.warnings.append(ParseWarning(code="system", message="neither Party nor state format recognised"))
    return letter


def _unit_texts(letter: Letter) -> list[tuple[str, str, bool]]:
    """(where, display text, may implement) for every unit a citation can sit in."""
    out: list[tuple[str, str, bool]] = []
    if letter.header.subject:
        out.append(("header", letter.header.subject, True))
    out += [(f"preamble/{k}", p.text, True) for k, p in enumerate(letter.preamble, 1)]

    def blocks(bs: list[Block]) -> None:
        for b in bs:
            out.append((b.id, b.text, False))
            blocks(b.blocks)

    for item in letter.walk_items():
        out.append((item.id, item.text, False))
        blocks(item.blocks)
    out += [(f"closing/{k}", p.text, False) for k, p in enumerate(letter.closing, 1)]
    return out


_MAY_CITE_RE = re.compile(r"\d|Nghị quyết|Chỉ thị|Kết luận|Quy định|Hướng dẫn|Chương trình|Luật|Hiến pháp|Pháp lệnh")


def _citations(letter: Letter, segmenter: str) -> list[Citation]:
    from parsers.nlp import load_pipeline  # spaCy loads once per process, on first use

    nlp = load_pipeline(segmenter)
    # Only texts that could hold a reference go through the pipeline: a numbered one has a digit, a
    # named one a capitalised kind word. The result is the same; parsing is about twice as fast.
    units = [u for u in _unit_texts(letter) if _MAY_CITE_RE.search(u[1])]
    out: list[Citation] = []
    for (where, _, may_implement), doc in zip(units, nlp.pipe(t for _, t, _ in units), strict=True):
        for c in doc._.citations:
            out.append(
                Citation(
                    kind=c.kind, number=c.number, symbol=c.symbol, doc_type=c.doc_type, issuer_code=c.issuer_code,
                    year=c.year, date=c.date, issuing_body=c.issuing_body, name=c.name,
                    role=CitationRole.IMPLEMENTS if (c.implements and may_implement) else CitationRole.MENTIONS,
                    text=c.text, where=where, start=c.start, end=c.end,
                )
            )
    return out
