"""A readable, diffable outline of a parsed letter (what `cascade parse --format text` prints)."""

from models import Block, Item, Letter


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_outline(letter: Letter, width: int = 100) -> str:
    """Indented tree of the letter: header facts, zones, every unit with its id."""
    h = letter.header
    out = [f"{letter.source.path}  [{letter.form.value} · {letter.system.value} · {letter.tier.value}]"]
    if letter.form_reason:
        out.append(f"  form: {letter.form_reason}")
    if letter.tier_reason:
        out.append(f"  tier: {letter.tier_reason}")

    def fact(name: str, value: object) -> None:
        if value not in (None, "", []):
            out.append(f"  {name}: {value}")

    issuer = h.issuer + (f" ({h.parent_issuer})" if h.parent_issuer else "") if h.issuer else None
    fact("issuer", issuer)
    fact("symbol", h.symbol)
    fact("date", h.date.isoformat() if h.date else None)
    fact("place", h.place)
    fact("title", h.title)
    fact("subject", h.subject)
    if h.identity_from and h.identity_from.value != "header":
        fact("identity from", h.identity_from.value)
    if letter.furniture:
        out.append(f"  page furniture ({len(letter.furniture)}):")
        out += [f"    ~ {_short(p.text, width)}" for p in letter.furniture]
    if letter.recipients:
        out.append(f"  recipients ({len(letter.recipients)}):")
        out += [f"    - {_short(r.text, width)}" for r in letter.recipients]
    if letter.preamble:
        out.append(f"  preamble ({len(letter.preamble)}):")
        out += [f"    ¶ {_short(p.text, width)}" for p in letter.preamble]
    out.append(f"  items ({len(letter.walk_items())}):" if len(letter.parts) <= 1 else
               f"  items ({len(letter.walk_items())}, in {len(letter.parts)} parts):")

    def blocks(bs: list[Block], depth: int) -> None:
        for b in bs:
            mark = b.marker or "¶"
            out.append(f"{'  ' * depth}{b.id:<10} {mark} {_short(b.text, width)}")
            blocks(b.blocks, depth + 1)

    def items(its: list[Item], depth: int) -> None:
        for it in its:
            out.append(f"{'  ' * depth}{it.id:<10} {it.label} {_short(it.text, width)}")
            blocks(it.blocks, depth + 1)
            items(it.items, depth + 1)

    if len(letter.parts) <= 1:
        items(letter.items, 2)
    for part in letter.parts if len(letter.parts) > 1 else []:
        prefix = f", ids prefixed {part.id_prefix!r}" if part.id_prefix else ""
        out.append(f"    [part {part.index}] {part.kind.value}: {part.label}{prefix}")
        if part.issued_with:
            out.append(f"      ({_short(part.issued_with, width)})")
        if part.header and part.header.subject:
            out.append(f"      subject: {_short(part.header.subject, width)}")
        out += [f"      ¶ {_short(p.text, width)}" for p in part.preamble]
        items(letter.part_items(part.index), 3)
        out += [f"      ¶ {_short(p.text, width)}" for p in part.closing]
        if part.signature:
            s = part.signature
            who = [p for p in (f"{s.authority or ''} {s.body or ''}".strip(), s.position, s.signer) if p]
            out.append(f"      signature: {' / '.join(who)}")
    if letter.closing:
        out.append(f"  closing ({len(letter.closing)}):")
        out += [f"    ¶ {_short(p.text, width)}" for p in letter.closing]
    if letter.cc:
        out.append(f"  cc ({len(letter.cc)}):")
        out += [f"    - {_short(r.text, width)}" for r in letter.cc]
    if letter.signature:
        s = letter.signature
        parts = [p for p in (f"{s.authority or ''} {s.body or ''}".strip(), s.position, s.signer) if p]
        out.append(f"  signature: {' / '.join(parts)}")
    if letter.footnotes:
        out.append(f"  footnotes ({len(letter.footnotes)}):")
        out += [f"    * {_short(p.text, width)}" for p in letter.footnotes]
    if letter.citations:
        out.append(f"  citations ({len(letter.citations)}):")
        for c in letter.citations:
            what = c.symbol or f"{c.kind} {c.name}"
            when = f" of {c.date.isoformat()}" if c.date else ""
            out.append(f"    {c.role.value:<10} {what}{when}  @{c.where}")
    if letter.warnings:
        out.append("  warnings:")
        out += [f"    ! {w.code}: {w.message}" for w in letter.warnings]
    return "\n".join(out) + "\n"
