"""The registry entries of the two formats read natively: plain text and Word .docx."""

from pathlib import Path

from models import RawDocument
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits
from parsers.docx_reader import read_docx
from parsers.text_reader import read_txt


def _txt(path: Path, limits: ReadLimits = DEFAULT_LIMITS, on_page: PageProgress | None = None) -> RawDocument:
    return read_txt(path, limits)


def _docx(path: Path, limits: ReadLimits = DEFAULT_LIMITS, on_page: PageProgress | None = None) -> RawDocument:
    return read_docx(path, limits)


TXT = Reader(
    name="Plain text",
    suffixes=(".txt",),
    read=_txt,
    what="UTF-8 (with or without BOM), UTF-16, Windows-1258; Markdown and Word-export leftovers; "
         "hard-wrapped copies rejoined",
)
DOCX = Reader(
    name="Word",
    suffixes=(".docx", ".dotx"),
    read=_docx,
    what="body in order with tables, Word numbering rendered, tracked changes accepted, TCVN3/VNI fonts converted",
    magic=(b"PK\x03\x04",),
)
