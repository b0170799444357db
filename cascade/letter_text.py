"""A letter as the paragraphs a reader sees, header to signature: what the Word redline writes and
what "Accept all" must give back.

Zones in reading order: header lines, "Kính gửi" and its recipients, then the units of
cascade.units (preamble paragraphs, the numbered items with their label or bullet marker — or a
prose letter's body paragraphs — and closing paragraphs), "Nơi nhận" and its entries, the signature
lines, and any text no zone claimed. Every text is the display form (parsers.normalise.clean_text)."""

from dataclasses import dataclass

from cascade.memo import per_letter
from cascade.units import letter_units
from models import Block, Item, Letter
from parsers.normalise import clean_text

RECIPIENTS_LABEL = "Kính gửi:"
CC_LABEL = "Nơi nhận:"
ZONES = ("header", "recipients", "preamble", "items", "body", "closing", "cc", "signature", "unplaced")


@dataclass(frozen=True)
class TextParagraph:
    zone: str  # one of ZONES
    key: str  # the unit id inside "items"; "<zone>/<n>" (1-based) elsewhere
    text: str


@per_letter(dict)
def unit_prefixes(letter: Letter) -> dict[str, str]:
    """What precedes each unit's text in the letter: an item's label, a bullet's marker."""
    out: dict[str, str] = {}

    def blocks(bs: list[Block]) -> None:
        for b in bs:
            out[b.id] = f"{b.marker} " if b.marker else ""
            blocks(b.blocks)

    def items(its: list[Item]) -> None:
        for it in its:
            out[it.id] = f"{it.label} " if it.label else ""
            blocks(it.blocks)
            items(it.items)

    items(letter.items)
    return out


def _lines(raw: str) -> list[str]:
    return [line for line in (clean_text(part) for part in raw.splitlines()) if line]


@per_letter(list)
def letter_paragraphs(letter: Letter) -> list[TextParagraph]:
    """Every paragraph of the letter, zone by zone, in reading order (remembered per letter)."""
    out: list[TextParagraph] = []

    def zone(name: str, texts: list[str]) -> None:
        out.extend(TextParagraph(name, f"{name}/{n}", t) for n, t in enumerate(texts, 1) if t)

    zone("header", _lines(letter.header.raw))
    if letter.recipients:
        zone("recipients", [RECIPIENTS_LABEL, *(r.text for r in letter.recipients)])
    prefixes = unit_prefixes(letter)
    # the units alignment works on, in document order: preamble, items (or a prose letter's body), closing
    out.extend(TextParagraph("items" if u.zone == "item" else u.zone, u.id, prefixes.get(u.id, "") + u.text)
               for u in letter_units(letter))
    if letter.cc:
        zone("cc", [CC_LABEL, *(r.text for r in letter.cc)])
    if letter.signature is not None:
        s = letter.signature
        lines = _lines(s.raw) or [t for t in (f"{s.authority or ''} {s.body or ''}".strip(), s.position, s.signer)
                                  if t]
        zone("signature", lines)
    zone("unplaced", [p.text for p in letter.unplaced])
    return out


__all__ = ["CC_LABEL", "RECIPIENTS_LABEL", "ZONES", "TextParagraph", "letter_paragraphs", "unit_prefixes"]
