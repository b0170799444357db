"""Readers and structure: a letter file in, a `models.Letter` out."""

from pathlib import Path

from models import InputError, Letter
from parsers.base import DEFAULT_LIMITS, ReadLimits
from parsers.docx_reader import read_docx
from parsers.form import refusal_reason
from parsers.segment import segment_letter
from parsers.text_reader import read_txt

READERS = {".txt": read_txt, ".docx": read_docx}
_UNSUPPORTED = {
    ".doc": "legacy Word .doc is not supported; save it as .docx (or run: soffice --headless --convert-to docx)",
    ".pdf": "PDF is not supported; export the letter to .docx or .txt",
    ".rtf": "RTF is not supported; save it as .docx",
    ".odt": "OpenDocument is not supported; save it as .docx",
}


def parse_letter(path: str | Path, limits: ReadLimits = DEFAULT_LIMITS, segmenter: str = "syllable") -> Letter:
    """Read and segment one letter.

    Raises:
        InputError: the file cannot be read as a letter; the message names the file and the reason.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _UNSUPPORTED:
        raise InputError(path, _UNSUPPORTED[suffix])
    reader = READERS.get(suffix)
    if reader is None:
        raise InputError(path, f"unsupported file type {suffix or '(none)'!r}; expected one of {sorted(READERS)}")
    raw = reader(path, limits)
    letter = segment_letter(raw, nlp_segmenter=segmenter)
    reason = refusal_reason(raw, letter)
    if reason:
        raise InputError(path, reason)
    return letter


__all__ = ["DEFAULT_LIMITS", "READERS", "ReadLimits", "parse_letter", "read_docx", "read_txt", "segment_letter"]
