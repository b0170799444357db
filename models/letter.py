"""The parsed letter: header, recipients, preamble, the tree of items, closing, cc and signature.

Every text-bearing unit keeps three forms side by side:
- `raw`: the source exactly as read (NFD, soft hyphens and export artefacts included), so nothing
  the user gave is lost;
- `text`: the display form (NFC, artefacts and structure markers removed, page-break splits joined);
- `norm`: the matching form (case, tone placement, quotes and dashes made uniform).

Numbered items and the blocks under them carry an `id` (the scheme of shared/eval/README.md); so do the
paragraphs outside them: `preamble/K`, `body/K` (the body of a letter with no numbered items) and
`closing/K`, K counted from 1 in each zone.

A file may hold several documents (`parts`): the letter itself and what it issues or carries
("KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)", Phụ lục, Quy chế, Thể lệ, Đề cương). `items` holds
the item trees of every part in document order; each item says which part it is in.
"""

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from models.enums import (
    BlockKind,
    CitationRole,
    IdentitySource,
    ItemKind,
    LetterForm,
    PartKind,
    SourceFormat,
    System,
    Tier,
    WarningCode,
)

SCHEMA_VERSION = "1.1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(_Model):
    path: str
    format: SourceFormat
    sha256: str
    size_bytes: int
    pages: int | None = Field(default=None, description="Pages of a paged source (PDF, multi-page TIFF).")
    ocr_pages: int = Field(default=0, description="Pages read by OCR (no usable text layer).")


class SourceSpan(_Model):
    """Which raw blocks (paragraphs / lines, 0-based, inclusive) a unit was built from."""

    first: int
    last: int


class Paragraph(_Model):
    """A paragraph outside the numbered items (preamble, body of a prose letter, closing)."""

    id: str | None = Field(default=None, description="preamble/K, body/K or closing/K; null for unplaced text.")
    text: str
    norm: str
    raw: str
    span: SourceSpan


class Block(_Model):
    """A bullet (`-`, `+`, `•`) or plain paragraph after an item's lead paragraph."""

    id: str
    kind: BlockKind
    marker: str | None = Field(default=None, description="The bullet character as written; null for paragraphs.")
    text: str
    norm: str
    raw: str
    span: SourceSpan
    blocks: list["Block"] = Field(default_factory=list)


class Item(_Model):
    """A numbered item (`I.`, `1.`, `1.1.`, `a)`, Word auto-numbering), a legal unit (Phần, Chương, Mục,
    Điều, khoản, điểm) or a step heading ("BƯỚC MỘT"), and everything under it."""

    id: str
    label: str = Field(description="The label as printed, e.g. '1.2.', 'a)', 'Điều 5.', 'BƯỚC MỘT:'.")
    auto_numbered: bool = Field(default=False, description="The label came from Word's automatic numbering.")
    kind: ItemKind = Field(default=ItemKind.ITEM, description="Its place in the legal or plan hierarchy.")
    heading: bool = Field(
        default=False, description="Its lead is a heading (a Chương title, 'I. MỤC ĐÍCH, YÊU CẦU') over sub-items."
    )
    part: int = Field(default=0, description="Index in `Letter.parts` of the document the item belongs to.")
    text: str = Field(description="The lead paragraph without its label (a heading's title).")
    norm: str
    raw: str
    span: SourceSpan
    blocks: list[Block] = Field(default_factory=list)
    items: list["Item"] = Field(default_factory=list)


class Header(_Model):
    issuer: str | None = None
    parent_issuer: str | None = None
    motto: list[str] = Field(default_factory=list)
    symbol: str | None = None
    number: str | None = None
    doc_type: str | None = None
    issuer_code: str | None = None
    place: str | None = None
    date: dt.date | None = None
    title: str | None = Field(default=None, description="Document-type name line, e.g. 'KẾ HOẠCH'.")
    subject: str | None = Field(default=None, description="Trích yếu: the 'V/v' text or the title's summary.")
    authority: str | None = Field(
        default=None, description="A decision's or resolution's authority line under its title, e.g. 'CHỦ TỊCH ỦY "
        "BAN NHÂN DÂN TỈNH NINH BÌNH': the body that decides, named in full when the issuer lines are not.")
    identity_from: IdentitySource | None = Field(
        default=None, description="Where the own number, date or issuer were read; null when none was found."
    )
    raw: str = ""


class Recipient(_Model):
    """One entry of "Kính gửi" or of "Nơi nhận" (cc)."""

    text: str
    raw: str


class Signature(_Model):
    authority: str | None = Field(default=None, description="T/M, K/T, T/L, TM., KT., TL., TUQ., Q.")
    body: str | None = Field(default=None, description="The collective signed for, e.g. 'BAN THƯỜNG VỤ'.")
    position: str | None = None
    signer: str | None = None
    raw: str = ""


class Citation(_Model):
    """A reference to another document, numbered ("Công văn số 8371-CV/BTGTW") or named only."""

    kind: str | None = Field(default=None, description="Công văn, Kế hoạch, Kết luận, Nghị quyết, …")
    number: str | None = None
    symbol: str | None = Field(default=None, description="Canonical symbol; null for named-only references.")
    doc_type: str | None = None
    issuer_code: str | None = None
    year: int | None = None
    date: dt.date | None = None
    issuing_body: str | None = None
    name: str | None = Field(default=None, description="Name of a named-only reference.")
    role: CitationRole = CitationRole.MENTIONS
    text: str = Field(description="The citation as written (display form).")
    where: str = Field(description="Unit id, or header / preamble/N / closing/N.")
    start: int = Field(description="Character offset in the unit's display text.")
    end: int


class Part(_Model):
    """One document inside the file. Part 0 is the letter itself, whose header, recipients, preamble,
    closing, cc and signature are the `Letter`'s own fields; an attachment carries its own here."""

    index: int
    kind: PartKind
    label: str = Field(description="Printed words naming the part: its title ('KẾ HOẠCH', 'PHỤ LỤC 1A', "
                                   "'THỂ LỆ'); for the letter itself its title or 'VĂN BẢN'.")
    id_prefix: str | None = Field(
        default=None, description="Set when the part's item ids start with `label.` to stay apart from "
                                  "another part's ids (two annexes both numbered 1., 2.); null when bare.")
    issued_with: str | None = Field(
        default=None, description="The attachment's '(Ban hành kèm theo Quyết định số …)' line, display form."
    )
    header: Header | None = Field(default=None, description="An attachment's heading; null for part 0.")
    recipients: list[Recipient] = Field(default_factory=list)
    preamble: list[Paragraph] = Field(default_factory=list)
    closing: list[Paragraph] = Field(default_factory=list)
    cc: list[Recipient] = Field(default_factory=list)
    signature: Signature | None = None
    span: SourceSpan


class ParseWarning(_Model):
    code: WarningCode
    message: str


class Letter(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source
    header: Header = Field(default_factory=Header)
    form: LetterForm = LetterForm.LETTER
    form_reason: str = Field(default="", description="Why the letter was given its form, in a phrase.")
    system: System = System.UNKNOWN
    tier: Tier = Tier.UNKNOWN
    tier_reason: str = Field(default="", description="How the tier was decided, or why it is unknown, in a phrase.")
    recipients: list[Recipient] = Field(default_factory=list)
    preamble: list[Paragraph] = Field(default_factory=list)
    body: list[Paragraph] = Field(
        default_factory=list, description="A letter with no numbered items: its paragraphs between preamble, closing."
    )
    items: list[Item] = Field(default_factory=list, description="The item trees of every part, in document order.")
    closing: list[Paragraph] = Field(default_factory=list)
    cc: list[Recipient] = Field(default_factory=list)
    signature: Signature | None = None
    parts: list[Part] = Field(
        default_factory=list, description="The documents in the file: [0] the letter, then its attachments."
    )
    footnotes: list[Paragraph] = Field(
        default_factory=list, description="Footnote and endnote texts found between or after the paragraphs."
    )
    citations: list[Citation] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)
    furniture: list[Paragraph] = Field(
        default_factory=list,
        description="Web-page lines around the letter (page title, posting time, captions, source, bylines): "
        "kept, never read as issuer, subject or items.",
    )
    unplaced: list[Paragraph] = Field(
        default_factory=list, description="Source text no zone claimed; kept so nothing is lost."
    )

    def walk_items(self) -> list[Item]:
        """All items, depth first, in document order (iterative: trees may be deep)."""
        out: list[Item] = []
        stack = list(reversed(self.items))
        while stack:
            item = stack.pop()
            out.append(item)
            stack.extend(reversed(item.items))
        return out

    def part_items(self, index: int) -> list[Item]:
        """The top-level items of one part."""
        return [it for it in self.items if it.part == index]
