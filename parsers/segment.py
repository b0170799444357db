"""RawDocument → Letter: find the zones (header, "Kính gửi", preamble, items, closing, "Nơi nhận",
signature), build the item tree with its unit ids, and read the header and signature facts.

The rules follow the format (Nghị định 30/2020, 36-HD/VPTW, their drift in real files), never the
wording of particular letters. Every raw line ends up in exactly one zone (or `unplaced`).
"""

import re

from models import (
    Block,
    Citation,
    CitationRole,
    Letter,
    Paragraph,
    ParseWarning,
    RawDocument,
    Recipient,
    SourceSpan,
    System,
)
from parsers import patterns as P
from parsers.header import read_header
from parsers.items import build_items, first_item, prose_preamble_end, to_items, to_paragraphs
from parsers.lines import UnitDraft, paragraphs, read_lines, wrap_width
from parsers.normalise import clean_text, matching_form
from parsers.signature import read_footer
from parsers.tier import infer_system, infer_tier
from parsers.zones import closing_start, footer_start, header_end, read_recipients


def segment_letter(raw: RawDocument, nlp_segmenter: str = "syllable") -> Letter:
    """Turn a raw document into a Letter. Never raises on odd text: problems become warnings."""
    warnings: list[ParseWarning] = [ParseWarning(code="reader", message=n) for n in raw.notes]
    lines = read_lines(raw)
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
        warnings.append(ParseWarning(code="no-items", message="no numbered items found in the body"))
    preamble_units = paragraphs(body[:first], wrap)
    closing_at = max(first, closing_start(body)) if first < len(body) else len(body)
    if closing_at == first:  # the only "items" are closing sentences: keep them as items
        closing_at = len(body)
    item_units = build_items(body[first:closing_at], wrap)
    closing_units = paragraphs(body[closing_at:], wrap)
    prose_units: list[UnitDraft] = []
    if first == len(body):  # a prose letter: preamble (lead-ins), body, closing
        cut = closing_start(body)
        lead, closing_units = paragraphs(body[:cut], wrap), paragraphs(body[cut:], wrap)
        at = prose_preamble_end(lead)
        preamble_units, prose_units = lead[:at], lead[at:]
        if not prose_units and closing_units:  # the body keeps at least one paragraph
            prose_units, closing_units = closing_units[:1], closing_units[1:]
        elif not prose_units:
            prose_units, preamble_units = preamble_units[-1:], preamble_units[:-1]
    seen: dict[str, int] = {}
    items = to_items(item_units, None, seen, warnings)
    if not h_end or not any((header.symbol, header.issuer, header.date)):
        warnings.append(ParseWarning(code="no-header", message="no header (issuer, number, date) found"))
    if signature is None:
        warnings.append(ParseWarning(code="no-signature", message="no signature block found"))
    letter = Letter(
        source=raw.source, header=header, recipients=recipients, preamble=to_paragraphs(preamble_units, "preamble"),
        body=to_paragraphs(prose_units, "body"), items=items, closing=to_paragraphs(closing_units, "closing"), cc=cc,
        signature=signature, warnings=warnings,
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
    out += [(p.id or "", p.text, True) for p in letter.preamble + letter.body]

    def blocks(bs: list[Block]) -> None:
        for b in bs:
            out.append((b.id, b.text, False))
            blocks(b.blocks)

    for item in letter.walk_items():
        out.append((item.id, item.text, False))
        blocks(item.blocks)
    out += [(p.id or "", p.text, False) for p in letter.closing]
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

