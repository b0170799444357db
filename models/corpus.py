"""A folder analysed as one cascade: which letter implements which, how sure we are, and what was
flagged. Letters are referred to by their path relative to the analysed folder."""

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from models.enums import NodeStatus, Tier

# A file cascade writes into each report folder; folders holding it are never read as letters.
REPORT_MARKER = ".cascade-report"


class ParentEvidence(StrEnum):
    CITATION = "citation"  # the child cites the parent's symbol
    NEAR_CITATION = "near-citation"  # the child cites a symbol one typo or a few days off the parent's
    CONTENT = "content"  # no usable citation: the child's text is mostly the parent's


class FolderCitationStatus(StrEnum):
    EXACT = "exact"
    NEAR = "near"
    MISSING_IN_FOLDER = "missing-in-folder"  # cites a document that is not in the folder
    NONE = "none"  # cites nothing it implements


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ParentLink(_Model):
    parent: str
    evidence: ParentEvidence
    confidence: float = Field(description="0–1: how sure the pairing is.")
    reasons: list[str] = Field(default_factory=list)


class LetterNode(_Model):
    path: str
    format: str | None = Field(default=None, description="Source format (txt, docx, pdf, doc…; 'pdf+ocr' when "
                               "pages were read by OCR).")
    status: NodeStatus
    error: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    tier: Tier = Tier.UNKNOWN
    subject: str | None = None
    parents: list[ParentLink] = Field(default_factory=list)
    children: list[str] = Field(default_factory=list)
    citation_status: FolderCitationStatus = FolderCitationStatus.NONE
    cited: list[str] = Field(default_factory=list, description="Symbols the letter says it implements.")
    flags: list[str] = Field(default_factory=list, description="missing-in-folder, near-citation, copied-from-sibling…")
