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
    style: str | None = None


class RawDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    source: Source
    blocks: list[RawBlock]
    notes: list[str] = Field(default_factory=list, description="What the reader had to repair or skip.")
