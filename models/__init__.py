"""The one vocabulary every part of cascade speaks: plain pydantic models, no I/O."""

from models.enums import BlockKind, CitationRole, SourceFormat, System, Tier
from models.errors import CascadeError, InputError, path_text
from models.letter import (
    SCHEMA_VERSION,
    Block,
    Citation,
    Header,
    Item,
    Letter,
    Paragraph,
    ParseWarning,
    Recipient,
    Signature,
    Source,
    SourceSpan,
)
from models.link import (
    CitationCheck,
    CitationStatus,
    DiffSpan,
    ItemLink,
    Link,
    LinkResult,
    LinkSummary,
    Relation,
    SpanKind,
)
from models.raw import RawBlock, RawDocument

__all__ = [
    "SCHEMA_VERSION",
    "Block",
    "BlockKind",
    "CascadeError",
    "Citation",
    "CitationCheck",
    "CitationRole",
    "CitationStatus",
    "DiffSpan",
    "Header",
    "InputError",
    "Item",
    "ItemLink",
    "Letter",
    "Link",
    "LinkResult",
    "LinkSummary",
    "Paragraph",
    "ParseWarning",
    "RawBlock",
    "RawDocument",
    "Recipient",
    "Relation",
    "Signature",
    "Source",
    "SourceFormat",
    "SourceSpan",
    "SpanKind",
    "System",
    "Tier",
    "path_text",
]
