"""RawDocument → Letter: set page furniture aside, find the parts (the letter, then what it issues or
carries), and in each part the zones (header, "Kính gửi", preamble, items, closing, "Nơi nhận", signature);
build every part's item tree with its unit ids, read the header and signature facts, the letter's own
identity where no header states it, its citations, tier, system and form.

The rules follow the format (Nghị định 30/2020, 36-HD/VPTW, their drift in real files), never the
wording of particular letters. Every raw line ends up in exactly one zone (or `unplaced`).
"""

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from models import (
    Block,
    Citation,
    CitationRole,
    Header,
    IdentitySource,
    Letter,
    Paragraph,
    ParseWarning,
    Part,
    PartKind,
    RawDocument,
    Recipient,
    Signature,
    SourceSpan,
    System,
    WarningCode,
)
from parsers import patterns as P
from parsers.citations import BASIS_ENTRY_RE, GROUNDS_HEADING_RE, find_citations, find_numbered
from parsers.form import classify_form
from parsers.header import read_header
from parsers.identity import (
    Identity,
    carried_out,
    from_attachment_note,
    from_file_pointer,
    from_kind_of_title,
    from_lead,
    from_page_title,
    from_pointer,
    from_posting,
    from_source_line,
    reported_source,
    subject_of_title,
)
from parsers.items import (
    bare_ids,
    build_items,
    first_item,
    prose_preamble_end,
    to_items,
    to_paragraphs,
    unnumbered_headings,
    walk,
)
from parsers.kinds import named_kinds
from parsers.lines import Line, UnitDraft, paragraphs, read_lines, wrap_width
from parsers.normalise import clean_text, matching_form
from parsers.parts import PartRange, find_parts
from parsers.signature import read_footer
from parsers.symbols import parse_symbol
from parsers.tier import infer_system, infer_tier
from parsers.zones import (
    OTHER_ITEM,
    RELATED_HEADLINE,
    closing_start,
    footer_start,
    header_end,
    page_furniture,
    prepare_lines,
    read_recipients,
)


@dataclass
class _Zones:
    """One part's zones before they become models."""

    recipients: list[Recipient] = field(default_factory=list)
    preamble: list[UnitDraft] = field(default_factory=list)
    roots: list[UnitDraft] = field(default_factory=list)
    body: list[UnitDraft] = field(default_factory=list)  # a part with no numbered items: its prose body
    closing: list[UnitDraft] = field(default_factory=list)
    cc: list[Recipient] = field(default_factory=list)
    signature: Signature | None = None
    leftovers: list[Paragraph] = field(default_factory=list)


def _kinh_gui(lines: Sequence[Line], start: int, stop: int) -> int | None:
    """The "Kính gửi" line of a part, unless it sits inside the body (after the first item)."""
    kg = next((i for i in range(start, stop) if lines[i].text and P.KINH_GUI_RE.match(lines[i].text)), None)
    probe = first_item(lines, start, stop)
    if kg is not None and probe is not None and kg > probe:
        return None
    return kg


def _zones(lines: Sequence[Line], body_start: int, stop: int, wrap: int | None) -> _Zones:
    z = _Zones()
    f_start = footer_start(lines[:stop], body_start)
    footer = [ln for ln in lines[f_start:stop] if ln.noise is None]
    z.cc, z.signature, leftovers = read_footer(footer)
    if footer:
        span = SourceSpan(first=footer[0].block, last=footer[-1].block)
        z.leftovers = [Paragraph(text=clean_text(r), norm=matching_form(r), raw=r, span=span) for r in leftovers]
    body = lines[body_start:f_start]
    first = first_item(body, 0, len(body))
    if first is None:
        first = len(body)
    heads = unnumbered_headings(body) if first < len(body) else {}
    if heads and min(heads) < first:
        first = min(heads)  # the first unnumbered heading opens the items
    z.preamble = paragraphs(body[:first], wrap)
    closing_at = max(first, closing_start(body)) if first < len(body) else len(body)
    if closing_at == first:  # the only "items" are closing sentences: keep them as items
        closing_at = len(body)
    z.roots = build_items(body[first:closing_at], wrap, {i - first: k for i, k in heads.items() if i < closing_at})
    z.closing = paragraphs(body[closing_at:], wrap)
    if first == len(body):  # a prose letter: preamble (lead-ins), body, closing
        cut = closing_start(body)
        lead, z.closing = paragraphs(body[:cut], wrap), paragraphs(body[cut:], wrap)
        at = prose_preamble_end(lead)
        z.preamble, z.body = lead[:at], lead[at:]
        if not z.body and z.closing:  # the body keeps at least one paragraph
            z.body, z.closing = z.closing[:1], z.closing[1:]
        elif not z.body:
            z.body, z.preamble = z.preamble[-1:], z.preamble[:-1]
    return z


def _letter_zones(lines: Sequence[Line], stop: int, warnings: list[ParseWarning], wrap: int | None,
                  ) -> tuple[int, Header, _Zones]:
    """Header end, header and zones of the letter itself (part 0, lines [0, stop))."""
    kg = _kinh_gui(lines, 0, stop)
    probe_item = first_item(lines, 0, stop)
    h_end = kg if kg is not None else header_end(lines, probe_item if probe_item is not None else stop)
    header = read_header([ln for ln in lines[:h_end] if ln.noise is None], warnings)
    recipients: list[Recipient] = []
    body_start = h_end
    if kg is not None:
        recipients, body_start = read_recipients(lines, kg, footer_start(lines[:stop], kg + 1))
    z = _zones(lines, body_start, stop, wrap)
    z.recipients = recipients
    return h_end, header, z


def _attachment_zones(lines: Sequence[Line], r: PartRange, wrap: int | None) -> tuple[Header, _Zones]:
    kg = _kinh_gui(lines, r.start, r.end)
    heading_end = r.heading_end if kg is None else kg
    header = read_header([ln for ln in lines[r.start:heading_end] if ln.noise is None], [])
    if header.title is None:
        header.title = r.label
    body_start = heading_end
    recipients: list[Recipient] = []
    if kg is not None:
        recipients, body_start = read_recipients(lines, kg, footer_start(lines[: r.end], kg + 1))
        if body_start == kg:  # a bare "Kính gửi:" left to the body
            body_start = kg
    z = _zones(lines, body_start, r.end, wrap)
    z.recipients = recipients
    return header, z


def _footnotes(lines: Sequence[Line]) -> list[Paragraph]:
    """Footnote lines gathered into one paragraph per note (a note opens with its number)."""
    notes: list[list[Line]] = []
    prev = -2
    for k, ln in enumerate(lines):
        if ln.noise != "footnote" or not ln.raw.strip():
            continue
        text = clean_text(ln.raw)
        opens = bool(P.NOTE_START_RE.match(text) or P.PAGE_NOTE_RE.match(text))
        if notes and ((k - prev <= 2 and not opens) or text.strip() == "↑"):
            notes[-1].append(ln)
        else:
            notes.append([ln])
        prev = k
    out = []
    for group in notes:
        raw = "\n".join(ln.raw for ln in group)
        text = clean_text(" ".join(ln.raw for ln in group)).rstrip("↑ ").strip()
        out.append(Paragraph(text=text, norm=matching_form(text), raw=raw,
                             span=SourceSpan(first=group[0].block, last=group[-1].block)))
    return out


def _prefixes(labels: list[str], trees: list[list[UnitDraft]]) -> list[str | None]:
    """Which parts' ids take their label as a prefix: none when the parts' ids are apart; otherwise every
    part whose ids meet another part's, except the principal part (the one with most items), which keeps
    the ids the eval scheme gives it (`I.1`, `II.2.1.a`, `Điều 1`)."""
    ids = [bare_ids(t) for t in trees]
    sizes = [sum(1 for _ in walk(t)) for t in trees]
    principal = max(range(len(trees)), key=lambda k: (sizes[k], -k))
    out: list[str | None] = []
    used: dict[str, int] = {}
    for k, own in enumerate(ids):
        others = set().union(*(ids[j] for j in range(len(ids)) if j != k))
        if k == principal or not own & others:
            out.append(None)
            continue
        label = labels[k]
        used[label] = used.get(label, 0) + 1
        out.append(label if used[label] == 1 else f"{label} ({used[label]})")
    return out


def segment_letter(raw: RawDocument, nlp_segmenter: str = "syllable") -> Letter:
    """Turn a raw document into a Letter. Never raises on odd text: problems become warnings."""
    warnings: list[ParseWarning] = [ParseWarning(code=WarningCode.READER, message=n) for n in raw.notes]
    lines = prepare_lines(read_lines(raw))
    furniture_at = page_furniture(lines)
    furniture = [(furniture_at[i], lines[i]) for i in sorted(furniture_at)]
    lines = [dataclasses.replace(ln, text="", raw="") if i in furniture_at else ln for i, ln in enumerate(lines)]
    n = len(lines)
    probe_kg = _kinh_gui(lines, 0, n)
    probe_item = first_item(lines, 0, n)
    probe_end = probe_kg if probe_kg is not None else header_end(lines, probe_item if probe_item is not None else n)
    ranges = find_parts(lines, probe_end)
    wrap = wrap_width(lines[probe_end:])
    h_end, header, main = _letter_zones(lines, ranges[0].end, warnings, wrap)
    attached = [_attachment_zones(lines, r, wrap) for r in ranges[1:]]
    zones = [main] + [z for _, z in attached]
    if main.signature is None and len(zones) > 1 and zones[-1].signature is not None:
        # the file is signed once, at its end: that signature is the letter's
        main.signature, main.cc = zones[-1].signature, main.cc or zones[-1].cc
        zones[-1].signature = None
        if main.cc is zones[-1].cc:
            zones[-1].cc = []
    labels = [header.title or _title_line(lines, ranges[0].end) or "VĂN BẢN"] + [r.label for r in ranges[1:]]
    prefixes = _prefixes(labels, [z.roots for z in zones])
    seen: dict[str, int] = {}
    items = []
    for k, z in enumerate(zones):
        for u in walk(z.roots):
            u.part = k
        items += to_items(z.roots, seen, warnings, part=k, prefix=prefixes[k])
    if not items:
        warnings.append(ParseWarning(code=WarningCode.NO_ITEMS, message="no numbered items found in the body"))
    if any((header.symbol, header.issuer, header.date)):
        header.identity_from = IdentitySource.HEADER
    if main.signature is None:
        warnings.append(ParseWarning(code=WarningCode.NO_SIGNATURE, message="no signature block found"))
    parts = [Part(index=0, kind=PartKind.DOCUMENT, label=labels[0], id_prefix=prefixes[0],
                  span=_span(lines, 0, ranges[0].end))]
    for k, (r, (part_header, z)) in enumerate(zip(ranges[1:], attached, strict=True), start=1):
        issued = clean_text(lines[r.issued_with].raw).strip("()*_ ") if r.issued_with is not None else None
        parts.append(Part(
            index=k, kind=PartKind.ATTACHMENT, label=labels[k], id_prefix=prefixes[k], issued_with=issued,
            # an attachment has no body field: the prose body of an unnumbered attachment stays in its preamble
            header=part_header, recipients=z.recipients,
            preamble=to_paragraphs(z.preamble + z.body, f"parts/{k}/preamble"),
            closing=to_paragraphs(z.closing, f"parts/{k}/closing"), cc=z.cc, signature=z.signature,
            span=_span(lines, r.start, r.end),
        ))
    letter = Letter(
        source=raw.source, header=header, recipients=main.recipients, preamble=to_paragraphs(main.preamble, "preamble"),
        body=to_paragraphs(main.body, "body"), items=items, closing=to_paragraphs(main.closing, "closing"),
        cc=main.cc, signature=main.signature, warnings=warnings,
        parts=parts, footnotes=_footnotes(lines),
        unplaced=[p for z in zones for p in z.leftovers],
    )
    letter.unplaced += _emptied(lines, h_end, ranges)
    letter.furniture = [Paragraph(text=ln.text, norm=matching_form(ln.text), raw=ln.raw,
                                  span=SourceSpan(first=ln.block, last=ln.block)) for _, ln in furniture]
    if furniture:
        letter.warnings.append(ParseWarning(
            code=WarningCode.PAGE_FURNITURE,
            message="set aside as page furniture: " + "; ".join(f"{k} {_short(ln.text)!r}" for k, ln in furniture)))
    _own_identity(letter, furniture)
    if not any((letter.header.symbol, letter.header.number, letter.header.issuer, letter.header.date)):
        letter.warnings.append(ParseWarning(code=WarningCode.NO_HEADER,
                                            message="no header (issuer, number, date) found"))
    related = {f"furniture/{k}" for k, (kind, _) in enumerate(furniture, 1) if kind in (RELATED_HEADLINE, OTHER_ITEM)}
    cited = _cut_at_end(_citations(letter, nlp_segmenter), lines)
    _own_spelling(letter.header, cited)
    letter.citations = [c for c in cited if not _names_itself(letter.header, c) and c.where not in related]
    _mark_reported_source(letter, furniture)
    letter.system = infer_system(letter)
    letter.tier, tier_notes = infer_tier(letter)
    letter.tier_reason = next((n for n in tier_notes if n.startswith(f"tier {letter.tier.value} ")),
                              tier_notes[0] if tier_notes else "")
    letter.warnings.extend(ParseWarning(code=WarningCode.TIER, message=m) for m in tier_notes)
    if letter.system is System.UNKNOWN:
        letter.warnings.append(ParseWarning(code=WarningCode.SYSTEM,
                                            message="neither Party nor state format recognised"))
    letter.form, letter.form_reason = classify_form(raw, letter, [k for k, _ in furniture], wrapped=bool(wrap))
    return letter


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _names_itself(header: Header, citation: Citation) -> bool:
    """The letter's own symbol, in a portal title, a source line or the text: no citation."""
    return _is_own(header, citation.symbol, citation.date)


def _is_own(header: Header, symbol: str | None, date: dt.date | None) -> bool:
    """`symbol` (dated `date`) is the letter's own. Portals add the year to a symbol that has none ("Quyết định số
    1961/2019/QĐ-UBND" for 1961/QĐ-UBND of 2019), so the year counts only where both sides give one."""
    own = parse_symbol(header.symbol) if header.symbol else None
    cited = parse_symbol(symbol) if symbol else None
    if own is None or cited is None:
        return False
    if own.number is None:  # a draft's blank number: only the same spelling is the same letter
        return own.text.upper() == cited.text.upper()
    if (own.number, own.doc_type, (own.issuer_code or "").upper()) != \
            (cited.number, cited.doc_type, (cited.issuer_code or "").upper()):
        return False
    own_year = own.year or (header.date.year if header.date else None)
    cited_year = cited.year or (date.year if date else None)
    return own_year is None or cited_year is None or own_year == cited_year


_TYPE_CODES = frozenset(P.TITLE_CODES.values())


def _cut_at_end(cited: list[Citation], lines: Sequence[Line]) -> list[Citation]:
    """The citations less the one a truncated copy cut before its issuer's code ("… Quyết định số 4400/QĐ" as the
    text's last characters, read as a công văn of a body "QĐ"): a document type's code is no issuer, so that
    symbol is unfinished and names no document."""
    last = next((ln.text.rstrip() for ln in reversed(lines) if ln.text.strip()), "")
    return [c for c in cited if not (c.symbol and c.issuer_code in _TYPE_CODES and c.text
                                     and last.endswith(c.text.rstrip()))]


def _own_spelling(header: Header, cited: list[Citation]) -> None:
    """A portal's title adds the year to a symbol that has none ("Quyết định số 291/2006/QĐ-UBDT" for 291/QĐ-UBDT
    of 2006): where the letter's own text writes its symbol without the year, that spelling is the letter's."""
    own = parse_symbol(header.symbol) if header.identity_from is IdentitySource.PORTAL_TITLE and header.symbol \
        else None
    if own is None or own.year is None:
        return
    written = next((c.symbol for c in cited if c.symbol and not c.where.startswith("furniture/")
                    and (s := parse_symbol(c.symbol)) is not None and s.year is None
                    and _is_own(header, c.symbol, c.date)), None)
    if written:
        header.symbol = written


def _leads_and_body(letter: Letter, furniture: list[tuple[str, Line]]) -> tuple[list[str], str]:
    leads = [ln.text for k, ln in furniture if k == "lead"] + [p.text for p in letter.preamble + letter.body]
    return leads, " ".join(p.text for p in [*letter.preamble, *letter.body, *letter.closing])


def _mark_reported_source(letter: Letter, furniture: list[tuple[str, Line]]) -> None:
    """A summary that reports a higher body's letter and then carries it out ("Ngày 16/7/2021, Ban Tuyên giáo
    Thành ủy đã ban hành Công văn số 451-CV/BTGTU …. Thực hiện chỉ đạo của Ban Tuyên giáo Thành ủy, …"): that
    letter is the one implemented, dated by the lead."""
    source = reported_source(*_leads_and_body(letter, furniture)) if letter.header.identity_from is None else None
    if source is None or not source.symbol:
        return
    for c in letter.citations:
        if c.symbol == source.symbol:
            c.role = CitationRole.IMPLEMENTS
            c.date = c.date or source.date


def _own_identity(letter: Letter, furniture: list[tuple[str, Line]]) -> None:
    """Fill the header from what the text says about the letter itself, when no header block said it."""
    h = letter.header
    titles = [ln.text for k, ln in furniture if k == "page title"]
    for title in titles:
        kind, subject = subject_of_title(title)
        if subject and not h.subject:
            h.subject = subject
        if kind and not h.doc_type and not h.symbol:
            h.doc_type = P.TITLE_CODES.get(kind.upper())
    if h.symbol or h.number:
        return
    found: Identity | None = None
    for k, ln in furniture:
        if k == "source line":
            found = from_source_line(ln.text)
            if found:
                break
    if found is None:  # a page title, or a subject line, that ends "(3585/VP-KTN, ngày 23/10/2017)"
        body = _leads_and_body(letter, furniture)[1]
        for title in [*titles, *([h.subject] if h.subject else [])]:
            found = from_page_title(title)
            if found and carried_out(found.symbol, body):
                found = None  # the page is titled with the document its text carries out: the source
            if found:
                break
    if found is None:
        found = from_posting([p.text for p in [*letter.preamble, *letter.body, *letter.closing]])
    if found is None:
        found = from_lead(*_leads_and_body(letter, furniture))
    if found is None:
        found = from_pointer(*_leads_and_body(letter, furniture))
    if found is None:
        links = [ln.text for k, ln in furniture if k == "download link"]  # "Xem toàn văn Công văn số … tại đây"
        found = from_file_pointer([p.text for p in [*letter.preamble, *letter.body, *letter.closing]] + links,
                                  _leads_and_body(letter, furniture)[1])
    if found is None:
        found = _untitled_title(letter, titled=bool(titles))
    if found is None and not h.issuer:
        units = [p.text for p in letter.preamble + letter.body]
        for title in [*titles, *units[:1]]:
            found = from_kind_of_title(title, _leads_and_body(letter, furniture)[1])
            if found:
                break
    if found is None and not h.issuer:
        found = from_attachment_note([h.subject or "", " ".join(p.text for p in (letter.preamble + letter.body)[:3])])
    if found is None:
        return
    if found.source is IdentitySource.PORTAL_TITLE and not (found.issuer or h.issuer):
        # the title gives the number, the lead the body that issued it ("UBND Tỉnh Long An có công văn CV 9229/…")
        said = from_lead(*_leads_and_body(letter, furniture))
        if said and said.issuer and said.symbol in (None, found.symbol):
            found = Identity(**{**found.__dict__, "issuer": said.issuer})
    h.symbol, h.number = found.symbol, found.number
    h.doc_type = found.doc_type or h.doc_type
    h.issuer_code = found.issuer_code or h.issuer_code
    h.date = h.date or found.date
    h.issuer = h.issuer or found.issuer
    h.subject = h.subject or found.subject
    h.identity_from = found.source
    what = ", ".join(f"{k} {v}" for k, v in (("number", found.symbol or found.number), ("date", found.date),
                                                ("issuer", found.issuer or found.issuer_code)) if v)
    letter.warnings.append(ParseWarning(code=WarningCode.IDENTITY_FROM_PROSE,
                                        message=f"{what} read from the {found.source.value}: {found.evidence!r}"))


# "Số hiệu Ngày BH Đơn vị BH Trích yếu", "STT Số/Ký hiệu Ngày ban hành Trích yếu": a document list's header row.
_LIST_HEADER_RE = re.compile(r"^\s*(?:STT\s+)?(?:Số\s+hiệu|Số\s*/\s*Ký\s+hiệu|Số,?\s+ký\s+hiệu|Ký\s+hiệu)\b"
                             r".{0,60}\b(?:Trích\s+yếu|Ngày\s+(?:BH|ban\s+hành))", re.I)


# A description line names the document's number, then its subject: "… số 1639/SNN-CCKL ngày … Về việc …".
_DESCRIBED_RE = re.compile(r"^\S+(?:\s+\S+){0,3}?\s+(?i:số)\s*:?\s*\d[^.;:]*?\s(?i:về\s+việc|V/v)\s+\S")


def _untitled_title(letter: Letter, titled: bool = False) -> Identity | None:
    """A page that is its title alone, or whose title the zones took for text: a first line that opens with the
    document it names and is not a sentence ("Công văn 3997/TCT-CS ngày 24/09/2020 chính sách thuế nhà thầu"),
    unless the text names that document again (then it is one the text takes up). Under a page title the first
    line must describe the document whole, by its number and its subject, and may end with a full stop
    ("Công văn số 1639/SNN-CCKL ngày 23/10/2023 của Sở … Về việc phối hợp …")."""
    units = letter.preamble + letter.body
    if units and _LIST_HEADER_RE.match(units[0].text):
        # A document list's header row, then its rows ("19/2018/TT-BGDĐT10/10/2018BỘ GIÁO DỤCTHÔNG TƯ 19 Tải về"):
        # a page listing one document is that document's; a list of several names none.
        rows = [u for u in units[1:] if from_page_title(u.text.strip())]
        if len(rows) != 1 or rows[0] is not units[1] or len(find_numbered(rows[0].text)) != 1:
            return None
        units = units[1:]
    if not units:
        return None
    first = units[0].text.strip()
    described = bool(_DESCRIBED_RE.search(first))
    if titled and not described:
        return None
    if len(first) > (240 if described else 160) or re.search(r"[.;:!?]\s", first) \
            or first.endswith((";", ":")) or (first.endswith(".") and not described):
        return None
    found = from_page_title(first)
    if found is None or not found.symbol:
        return None
    rest = " ".join(p.text for p in [*units[1:], *letter.closing])
    return None if found.symbol in rest else found  # named again below: a document the text takes up


def _title_line(lines: Sequence[Line], stop: int) -> str | None:
    """The document-type title ("QUYẾT ĐỊNH", "KẾ HOẠCH") above the first item, when the header missed it."""
    first = first_item(lines, 0, stop)
    for ln in lines[: first if first is not None else stop]:
        m = P.TITLE_RE.match(ln.text)
        if m:
            return m.group("title")
    return None


def _span(lines: Sequence[Line], start: int, end: int) -> SourceSpan:
    if not lines:
        return SourceSpan(first=0, last=0)
    return SourceSpan(first=lines[min(start, len(lines) - 1)].block, last=lines[max(start, end - 1)].block)


def _emptied(lines: Sequence[Line], h_end: int, ranges: list[PartRange]) -> list[Paragraph]:
    """Source text no unit holds: export artefacts and noise (page numbers, rules, running headers) alone
    on a line, outside the headings (whose raw keeps them). Kept, not parsed."""
    headings = [(0, h_end)] + [(r.start, r.heading_end) for r in ranges[1:]]
    out = []
    for i, ln in enumerate(lines):
        if not ln.raw.strip() or ln.text or ln.noise == "footnote":
            continue
        if ln.noise is None and any(a <= i < b for a, b in headings):
            continue
        out.append(Paragraph(text="", norm="", raw=ln.raw, span=SourceSpan(first=ln.block, last=ln.block)))
    return out


# The flag of an entry under a grounds heading (parsers.citations.GROUNDS_HEADING_RE): it may implement, read as its
# heading's "Căn cứ" governs it. An item or a paragraph under one may implement when it opens on a basis or on the
# measures the letter goes on with (parsers.citations.BASIS_ENTRY_RE).
GROUNDS = "grounds"


def _unit_texts(letter: Letter) -> list[tuple[str, str, bool | str]]:
    """(where, display text, may implement) for every unit a citation can sit in."""
    out: list[tuple[str, str, bool | str]] = []
    if letter.header.subject:
        out.append(("header", letter.header.subject, True))
    out += [(p.id or "", p.text, True) for p in letter.preamble + letter.body]

    def blocks(bs: list[Block], under_grounds: bool) -> None:
        stack = list(reversed(bs))
        while stack:
            b = stack.pop()
            # a paragraph under an item may state a basis too ("I. Căn cứ pháp lý" / "Căn cứ Nghị quyết số …"), or
            # be one entry of the grounds its item's heading lists ("1. CĂN CỨ XÂY DỰNG KẾ HOẠCH:" / "– Thông tư …")
            out.append((b.id, b.text, GROUNDS if under_grounds else bool(BASIS_ENTRY_RE.match(b.text))))
            stack.extend(reversed(b.blocks))

    for item in letter.walk_items():  # an item may state a basis: "5. Căn cứ Quyết định số 932/QĐ-UBND …"
        out.append((item.id, item.text, bool(BASIS_ENTRY_RE.match(item.text))))
        blocks(item.blocks, bool(GROUNDS_HEADING_RE.match(item.text)))
    out += [(p.id or "", p.text, False) for p in letter.closing]
    for part in letter.parts[1:]:
        where = f"parts/{part.index}"
        if part.header and part.header.subject:
            out.append((f"{where}/header", part.header.subject, True))
        out += [(f"{where}/preamble/{k}", p.text, True) for k, p in enumerate(part.preamble, 1)]
        out += [(f"{where}/closing/{k}", p.text, False) for k, p in enumerate(part.closing, 1)]
    # Page furniture in reading order: a page title and a lead come before the letter, a source line after.
    spans = [u.span.first for u in letter.preamble + letter.body + letter.closing] + \
        [u.span.first for u in letter.items]
    body_start = min(spans, default=0)
    above = [(f"furniture/{k}", p.text, False) for k, p in enumerate(letter.furniture, 1)
             if p.span.first < body_start]
    below = [(f"furniture/{k}", p.text, False) for k, p in enumerate(letter.furniture, 1)
             if p.span.first >= body_start]
    return above + out + below


# A numbered reference holds a digit, a named one a capitalised kind word (parsers/kinds.py).
_MAY_CITE_RE = re.compile(r"\d|" + "|".join(named_kinds()))
_OPEN_END_RE = re.compile(r"[^.;:!?…\"”)]\s*$")
_PROSE = ("preamble/", "body/")


def _runs(units: list[tuple[str, str, bool | str]]) -> list[tuple[str, list[tuple[str, int]], bool | str]]:
    """Join preamble paragraphs a line break cut mid-sentence (the previous one has no closing mark), so a
    citation broken over lines ("… ngày 08 tháng 01 năm" / "2020 của …") is read whole. Each run keeps
    (where, offset) of the paragraphs it joins."""
    runs: list[tuple[str, list[tuple[str, int]], bool | str]] = []
    for where, text, may_implement in units:
        if runs and where.startswith(_PROSE) and runs[-1][1][-1][0].startswith(_PROSE) \
                and _OPEN_END_RE.search(runs[-1][0]):
            joined, parts, flag = runs[-1]
            runs[-1] = (f"{joined} {text}", [*parts, (where, len(joined) + 1)], flag)
        else:
            runs.append((text, [(where, 0)], may_implement))
    return runs


SEGMENTERS = ("syllable", "pyvi")


# A legal database's note on the letter's own status: "Thông tư liên tịch số 02/2011/TTLT-VPCP-BNV … bị bãi bỏ, thay
# thế bởi Thông tư liên tịch số 01/2015/TTLT-VPCP-BNV", "Quyết định 119/QĐ-UBND … đã được thay thế bởi Quyết định
# 366/QĐ-UBND": the later act is the site's news, not a document the letter names.
_REPLACED_BY_RE = re.compile(r"\b(?:bị|được)\s+(?:[^.;]{0,30}?\s)?(?:thay\s+thế|bãi\s+bỏ|hủy\s+bỏ|huỷ\s+bỏ|"
                             r"sửa\s+đổi(?:,\s*bổ\s+sung)?)\s+bởi\s*$", re.I)


def _status_note(header: Header, text: str, start: int) -> bool:
    """The reference at `start` is what replaced the letter itself, in a sentence that names the letter."""
    before = text[:start]
    sentence = before[max(before.rfind(". "), before.rfind("; "), before.rfind("\n")) + 1:]
    return bool(header.symbol and _REPLACED_BY_RE.search(sentence)
                and any(_is_own(header, m.symbol, m.date) for m in find_numbered(sentence)))


def _citations(letter: Letter, segmenter: str) -> list[Citation]:
    """The letter's references, from the matcher spaCy's `cascade_citations` component runs
    (`parsers.nlp`): that component reads the text alone, so building a `Doc` of every paragraph (a
    third of the citation pass, and spaCy's import in every process) is skipped; the pipeline stays
    for callers who want `doc.ents`."""
    if segmenter not in SEGMENTERS:
        raise ValueError(f"segmenter must be one of {list(SEGMENTERS)}, got {segmenter!r}")
    # Only texts that could hold a reference are searched: a numbered one has a digit, a named one a
    # capitalised kind word. The result is the same; parsing is about twice as fast.
    runs = [r for r in _runs(_unit_texts(letter)) if _MAY_CITE_RE.search(r[0])]
    out: list[Citation] = []
    for text, parts, may_implement in runs:
        found = find_citations(text, with_roles=True, grounds=may_implement == GROUNDS)
        for c in found:
            if _status_note(letter.header, text, c.start):
                continue
            where, offset = next((w, o) for w, o in reversed(parts) if o <= c.start)
            out.append(
                Citation(
                    kind=c.kind, number=c.number, symbol=c.symbol, doc_type=c.doc_type, issuer_code=c.issuer_code,
                    year=c.year, date=c.date, issuing_body=c.issuing_body, name=c.name,
                    role=CitationRole.IMPLEMENTS if (c.implements and may_implement) else CitationRole.MENTIONS,
                    text=c.text, where=where, start=c.start - offset, end=c.end - offset,
                )
            )
    return out
