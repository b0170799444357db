"""RawDocument → Letter: set page furniture aside, find the zones (header, "Kính gửi", preamble, items,
closing, "Nơi nhận", signature), build the item tree with its unit ids, read the header and signature facts,
the letter's own identity where no header states it, its citations, tier, system and form.

The rules follow the format (Nghị định 30/2020, 36-HD/VPTW, their drift in real files), never the
wording of particular letters. Every raw line ends up in exactly one zone (or `unplaced`).
"""

import dataclasses
import re

from models import (
    Block,
    Citation,
    CitationRole,
    IdentitySource,
    Letter,
    Paragraph,
    ParseWarning,
    RawDocument,
    Recipient,
    SourceSpan,
    System,
    WarningCode,
)
from parsers import patterns as P
from parsers.form import classify_form
from parsers.header import read_header
from parsers.identity import (
    Identity,
    from_attachment_note,
    from_lead,
    from_page_title,
    from_source_line,
    subject_of_title,
)
from parsers.items import build_items, first_item, to_items, to_paragraphs
from parsers.kinds import named_kinds
from parsers.lines import Line, paragraphs, read_lines, wrap_width
from parsers.normalise import clean_text, matching_form
from parsers.signature import read_footer
from parsers.tier import infer_system, infer_tier
from parsers.zones import closing_start, footer_start, header_end, page_furniture, prepare_lines, read_recipients


def segment_letter(raw: RawDocument, nlp_segmenter: str = "syllable") -> Letter:
    """Turn a raw document into a Letter. Never raises on odd text: problems become warnings."""
    warnings: list[ParseWarning] = [ParseWarning(code=WarningCode.READER, message=n) for n in raw.notes]
    lines = prepare_lines(read_lines(raw))
    furniture_at = page_furniture(lines)
    furniture = [(furniture_at[i], lines[i]) for i in sorted(furniture_at)]
    lines = [dataclasses.replace(ln, text="", raw="") if i in furniture_at else ln for i, ln in enumerate(lines)]
    n = len(lines)
    kg = next((i for i, ln in enumerate(lines) if ln.text and P.KINH_GUI_RE.match(ln.text)), None)
    probe_item = first_item(lines, 0, n)
    if kg is not None and probe_item is not None and kg > probe_item:
        kg = None  # a "Kính gửi" inside the body is not the recipients block
    h_end = kg if kg is not None else header_end(lines, probe_item if probe_item is not None else n)
    header = read_header(lines[:h_end], warnings)
    recipients: list[Recipient] = []
    body_start = h_end
    if kg is not None:
        f_guess = footer_start(lines, kg + 1)
        recipients, body_start = read_recipients(lines, kg, f_guess)
    f_start = footer_start(lines, body_start)
    cc, signature, footer_leftovers = read_footer(lines[f_start:])
    body = lines[body_start:f_start]
    wrap = wrap_width(body)
    first = first_item(body, 0, len(body))
    if first is None:
        first = len(body)
        warnings.append(ParseWarning(code=WarningCode.NO_ITEMS, message="no numbered items found in the body"))
    preamble_units = paragraphs(body[:first], wrap)
    closing_at = max(first, closing_start(body)) if first < len(body) else len(body)
    if closing_at == first:  # the only "items" are closing sentences: keep them as items
        closing_at = len(body)
    item_units = build_items(body[first:closing_at], wrap)
    closing_units = paragraphs(body[closing_at:], wrap)
    seen: dict[str, int] = {}
    items = to_items(item_units, None, seen, warnings)
    if any((header.symbol, header.issuer, header.date)):
        header.identity_from = IdentitySource.HEADER
    if signature is None:
        warnings.append(ParseWarning(code=WarningCode.NO_SIGNATURE, message="no signature block found"))
    letter = Letter(
        source=raw.source, header=header, recipients=recipients, preamble=to_paragraphs(preamble_units),
        items=items, closing=to_paragraphs(closing_units), cc=cc, signature=signature, warnings=warnings,
        unplaced=[Paragraph(text=clean_text(r), norm=matching_form(r), raw=r,
                            span=SourceSpan(first=lines[f_start].block, last=lines[-1].block))
                  for r in footer_leftovers],
    )
    emptied = [ln for ln in lines[h_end:f_start] if ln.raw.strip() and not ln.text]
    letter.unplaced += [Paragraph(text="", norm="", raw=ln.raw, span=SourceSpan(first=ln.block, last=ln.block))
                        for ln in emptied]  # export artefacts alone on a line: kept, not parsed
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
    own = _symbol_key(letter.header.symbol)
    letter.citations = [c for c in _citations(letter, nlp_segmenter) if not own or _symbol_key(c.symbol) != own]
    letter.system = infer_system(letter)
    letter.tier, tier_notes = infer_tier(letter)
    letter.warnings.extend(ParseWarning(code=WarningCode.TIER, message=m) for m in tier_notes)
    if letter.system is System.UNKNOWN:
        letter.warnings.append(ParseWarning(code=WarningCode.SYSTEM,
                                            message="neither Party nor state format recognised"))
    letter.form, letter.form_reason = classify_form(raw, letter, [k for k, _ in furniture], wrapped=bool(wrap))
    return letter


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _symbol_key(symbol: str | None) -> str | None:
    return re.sub(r"[\s\-–—]", "", symbol).upper() if symbol else None


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
        for title in [*titles, *([h.subject] if h.subject else [])]:
            found = from_page_title(title)
            if found:
                break
    if found is None:
        leads = [ln.text for k, ln in furniture if k == "lead"] + [p.text for p in letter.preamble]
        body = " ".join(p.text for p in [*letter.preamble, *letter.closing])
        found = from_lead(leads, body)
    if found is None and not h.issuer:
        found = from_attachment_note([h.subject or "", " ".join(p.text for p in letter.preamble[:3])])
    if found is None:
        return
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
    # Page furniture in reading order: a page title and a lead come before the letter, a source line after.
    spans = [u.span.first for u in letter.preamble] + [u.span.first for u in letter.items] + \
        [u.span.first for u in letter.closing]
    body_start = min(spans, default=0)
    above = [(f"furniture/{k}", p.text, False) for k, p in enumerate(letter.furniture, 1)
             if p.span.first < body_start]
    below = [(f"furniture/{k}", p.text, False) for k, p in enumerate(letter.furniture, 1)
             if p.span.first >= body_start]
    return above + out + below


# A numbered reference holds a digit, a named one a capitalised kind word (parsers/kinds.py).
_MAY_CITE_RE = re.compile(r"\d|" + "|".join(named_kinds()))


_OPEN_END_RE = re.compile(r"[^.;:!?…\"”)]\s*$")


def _runs(units: list[tuple[str, str, bool]]) -> list[tuple[str, list[tuple[str, int]], bool]]:
    """Join preamble paragraphs a line break cut mid-sentence (the previous one has no closing mark), so a
    citation broken over lines ("… ngày 08 tháng 01 năm" / "2020 của …") is read whole. Each run keeps
    (where, offset) of the paragraphs it joins."""
    runs: list[tuple[str, list[tuple[str, int]], bool]] = []
    for where, text, may_implement in units:
        if runs and where.startswith("preamble/") and runs[-1][1][-1][0].startswith("preamble/") \
                and _OPEN_END_RE.search(runs[-1][0]):
            joined, parts, flag = runs[-1]
            runs[-1] = (f"{joined} {text}", [*parts, (where, len(joined) + 1)], flag)
        else:
            runs.append((text, [(where, 0)], may_implement))
    return runs


def _citations(letter: Letter, segmenter: str) -> list[Citation]:
    from parsers.nlp import load_pipeline  # spaCy loads once per process, on first use

    nlp = load_pipeline(segmenter)
    # Only texts that could hold a reference go through the pipeline: a numbered one has a digit, a
    # named one a capitalised kind word. The result is the same; parsing is about twice as fast.
    runs = [r for r in _runs(_unit_texts(letter)) if _MAY_CITE_RE.search(r[0])]
    out: list[Citation] = []
    for (_, parts, may_implement), doc in zip(runs, nlp.pipe(t for t, _, _ in runs), strict=True):
        for c in doc._.citations:
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
