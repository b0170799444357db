"""What parent detection reads of a letter, kept apart from the letter: its header identity, tier,
format and the citations it says it implements — a few hundred bytes where the live `Letter` takes
≈ 100 KB. A folder run keeps one per letter (cascade.letter_store) and the letters themselves packed,
so the main process's memory during detection grows with these facts, not with the letters."""

import datetime as dt
from dataclasses import dataclass

from models import CitationRole, Letter, Tier


@dataclass(frozen=True, slots=True)
class HeaderFacts:
    """The header fields detection reads (named as on `models.Header`)."""

    issuer: str | None
    parent_issuer: str | None
    symbol: str | None
    number: str | None
    doc_type: str | None
    issuer_code: str | None
    date: dt.date | None
    subject: str | None


@dataclass(frozen=True, slots=True)
class CitedFacts:
    """A citation the letter implements (named as on `models.Citation`)."""

    symbol: str
    number: str | None
    doc_type: str | None
    issuer_code: str | None
    date: dt.date | None


@dataclass(frozen=True, slots=True)
class LetterFacts:
    header: HeaderFacts
    tier: Tier
    format: str  # source format, '+ocr' when pages were read by OCR (as a LetterNode shows it)
    implemented: tuple[CitedFacts, ...]  # each symbol once, in the order cited
    mentioned: tuple[CitedFacts, ...] = ()  # the other cited symbols, once each: who names whom


def letter_facts(letter: Letter) -> LetterFacts:
    h = letter.header
    seen: set[str] = set()
    cited = []
    for c in letter.citations:
        if c.role is CitationRole.IMPLEMENTS and c.symbol and c.symbol not in seen:
            seen.add(c.symbol)
            cited.append(CitedFacts(c.symbol, c.number, c.doc_type, c.issuer_code, c.date))
    mentioned = []
    for c in letter.citations:
        if c.symbol and c.symbol not in seen:
            seen.add(c.symbol)
            mentioned.append(CitedFacts(c.symbol, c.number, c.doc_type, c.issuer_code, c.date))
    fmt = letter.source.format.value + ("+ocr" if letter.source.ocr_pages else "")
    return LetterFacts(HeaderFacts(h.issuer, h.parent_issuer, h.symbol, h.number, h.doc_type, h.issuer_code, h.date,
                                   h.subject), letter.tier, fmt, tuple(cited), tuple(mentioned))
