"""Closed vocabularies as str enums, so JSON carries plain lower-case strings."""

from enum import StrEnum


class SourceFormat(StrEnum):
    """The file format a letter was read from (one value per reader in `parsers.readers`)."""

    TXT = "txt"
    DOCX = "docx"
    PDF = "pdf"
    DOC = "doc"
    DOCM = "docm"
    ODT = "odt"
    RTF = "rtf"
    HTML = "html"
    MHTML = "mhtml"
    IMAGE = "image"


class System(StrEnum):
    """Which format system a letter follows: Party (36-HD/VPTW) or state (Nghị định 30/2020)."""

    PARTY = "party"
    STATE = "state"
    UNKNOWN = "unknown"


class Tier(StrEnum):
    """Administrative tier of the issuer; the district tier ends on 1 July 2025."""

    CENTRAL = "central"
    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    UNKNOWN = "unknown"


class BlockKind(StrEnum):
    BULLET = "bullet"
    PARAGRAPH = "paragraph"


class CitationRole(StrEnum):
    """`implements`: the source a letter says it carries out ("Thực hiện / Căn cứ / Triển khai …")."""

    IMPLEMENTS = "implements"
    MENTIONS = "mentions"


class ItemKind(StrEnum):
    """What a numbered unit is in the hierarchy of Vietnamese administrative and legal texts.

    Legal forms: `part` (Phần), `chapter` (Chương), `section` (Mục) are containers; `article` (Điều),
    `clause` (khoản: `1.` under an Điều), `point` (điểm: `a)` under a khoản or Điều). Plan forms (`I.`,
    `1.`, `1.1.`, `a)`, `A.`) are `item`; step and phase headings ("BƯỚC MỘT", "Giai đoạn 1") are `step`.
    """

    PART = "part"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    CLAUSE = "clause"
    POINT = "point"
    STEP = "step"
    ITEM = "item"


class PartKind(StrEnum):
    """`document`: the letter itself; `attachment`: a document it issues or carries (Kế hoạch ban hành
    kèm theo, Phụ lục, Quy chế, Thể lệ, Đề cương, a draft report sent for comment …)."""

    DOCUMENT = "document"
    ATTACHMENT = "attachment"
