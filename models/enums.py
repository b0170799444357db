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


class LetterForm(StrEnum):
    """What the analyst's file is: the letter itself, or a copy or account of it made on the way."""

    LETTER = "letter"  # the letter as issued: its header block, body and footer
    PORTAL_COPY = "portal-copy"  # the letter's text as a web page shows it, with page furniture around it
    PORTAL_SUMMARY = "portal-summary"  # prose that reports the letter ("Ngày …, X đã ban hành Kế hoạch số …")
    TRANSCRIPTION = "transcription"  # the letter re-typed or converted (Markdown, PDF-to-text, OCR)


class IdentitySource(StrEnum):
    """Where the letter's own number, date and issuer were read."""

    HEADER = "header"  # the header block ("Số: …", place and date, issuer lines)
    PORTAL_TITLE = "portal-title"  # the page title ("… (3585/VP-KTN, ngày 23/10/2017)", "Kế hoạch số …")
    LEAD = "lead"  # a reporting sentence ("Ngày 02/11/2021, Sở … đã ban hành Kế hoạch số …")
    SOURCE_LINE = "source-line"  # "(Nguồn: Thông báo số 81/TB-UBND ngày 08/6/2021)"
    POSTING = "posting"  # "Phòng Văn hóa và Thông tin đăng tải Hướng dẫn số 35-HD/BTG … của Ban Tuyên giáo Quận ủy"
    ATTACHMENT_NOTE = "attachment-note"  # "(Ban hành kèm theo Kế hoạch số 34-KH/TWĐTN … của Ban Bí thư …)": the issuer


class WarningCode(StrEnum):
    """What a parse warning is about; the message says the particulars."""

    READER = "reader"  # the reader repaired or skipped something
    NO_HEADER = "no-header"
    NO_ITEMS = "no-items"
    NO_SIGNATURE = "no-signature"
    BAD_DATE = "bad-date"  # a date that cannot exist (31 tháng 2)
    INCOMPLETE_DATE = "incomplete-date"  # a date left blank in a draft ("ngày ….. tháng 12 năm 2021")
    BLANK_NUMBER = "blank-number"  # "Số:      /TB-UBND": the number was never filled in
    DUPLICATE_ITEM_ID = "duplicate-item-id"
    IDENTITY_FROM_PROSE = "identity-from-prose"  # own number/date/issuer read outside a header block
    PAGE_FURNITURE = "page-furniture"  # web-page lines set aside (title, posting time, captions, source)
    TIER = "tier"
    SYSTEM = "system"


class PairWarningCode(StrEnum):
    """Why a pair may not be a parent and its child."""

    UNRELATED = "unrelated"  # the child cites something else and little of its text is the parent's
    REVERSED = "reversed"  # the child is of a higher tier, or dated before the parent


class NodeStatus(StrEnum):
    """Whether a letter of an analysed folder could be parsed."""

    PARSED = "parsed"
    FAILED = "failed"


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
