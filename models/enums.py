"""Closed vocabularies as str enums, so JSON carries plain lower-case strings."""

from enum import StrEnum


class SourceFormat(StrEnum):
    TXT = "txt"
    DOCX = "docx"


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
