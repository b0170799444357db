"""What a reader returns: the letter's paragraphs in body order, before any structure is known."""

from pydantic import BaseModel, ConfigDict, Field

from models.letter import Source


class RawBlock(BaseModel):
    """One paragraph of the source (one line of a .txt; one w:p of a .docx, table cells included).

    `text` is the source text after decoding (and, for legacy-font runs, conversion to Unicode) and
    nothing else: no normalisation, so no character of the source is lost. Soft line breaks stay
    as "\\n".
    """

    model_config = ConfigDict(extra="forbid")

    text: str
    label: str | None = Field(default=None, description="Word automatic numbering, rendered (e.g. '1.2.').")
    bullet: bool = Field(default=False, description="The automatic numbering is a bullet, not a number.")
    list_level: int | None = Field(default=None, description="Word numbering level (ilvl), 0-based.")
    table: int | None = Field(default=None, description="Index of the top-level table holding the block.")
    row: int | None = None
    cell: int | None = None
    style: str | None = Field(default=None, description="Paragraph style; for a PDF or a scan 'bold' / 'italic' "
                              "when the whole paragraph is set so (a heading, a signature), nothing for inline "
                              "emphasis.")
    page: int | None = Field(default=None, description="1-based page the paragraph starts on (paged sources).")
    confidence: float | None = Field(default=None, description="OCR confidence 0–1 of the paragraph's words "
                                     "(mean); None when the text came from a text layer.")


class RawDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: Source
    blocks: list[RawBlock]
    notes: list[str] = Field(default_factory=list, description="What the reader had to repair or skip.")
