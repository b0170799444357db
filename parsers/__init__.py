"""Readers and structure: a letter file in, a `models.Letter` out."""

from pathlib import Path

from models import InputError, Letter
from parsers.base import DEFAULT_LIMITS, PageProgress, Reader, ReadLimits
from parsers.docx_reader import read_docx
from parsers.form import refusal_reason
from parsers.readers import READERS, REFUSED, reader_for, suffix_list
from parsers.segment import segment_letter
from parsers.text_reader import read_txt


def parse_letter(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS, segmenter: str = "syllable",
                 on_page: PageProgress | None = None) -> Letter:
    """Read and segment one letter, with the reader its suffix names (see `parsers.readers`).

    `on_page(done, total)` is called as a paged source is read (OCR of a long scan takes a while).

    Raises:
        InputError: the file cannot be read as a letter; the message names the file and the reason.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in REFUSED:
        raise InputError(path, REFUSED[suffix])
    reader = reader_for(path)
    if reader is None:
        raise InputError(path, f"unsupported file type {suffix or '(none)'!r}; expected one of: {suffix_list()}")
    _refuse_misnamed(path, reader)
    missing = reader.missing()
    if missing and path.is_file():
        raise InputError(path, missing)  # the tool this format needs is not installed here
    raw = reader.read(path, limits, on_page)
    letter = segment_letter(raw, nlp_segmenter=segmenter)
    reason = refusal_reason(raw, letter)
    if reason:
        raise InputError(path, reason)
    return letter


def _refuse_misnamed(path: Path, reader: Reader) -> None:
    """A file whose content is another registered format than its suffix says (a PDF saved as
    .docx): name the real format and the suffix that reads it."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return  # the reader reports a missing or unreadable file in its own words
    if not head or reader.detect(head):
        return
    for other in READERS:
        if other is not reader and other.magic and other.detect(head):
            raise InputError(path, f"is a {other.name} file named {path.suffix}; rename it {other.suffixes[0]} "
                                   "to read it")


__all__ = ["DEFAULT_LIMITS", "READERS", "REFUSED", "ReadLimits", "parse_letter", "read_docx", "read_txt",
           "segment_letter"]
