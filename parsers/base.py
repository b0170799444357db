"""What every reader shares: size limits, magic-number checks and the source fingerprint."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from models import InputError, Source, SourceFormat


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a hostile or mistaken input from exhausting the machine."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200


DEFAULT_LIMITS = ReadLimits()

_MAGIC = (
    (b"%PDF", "a PDF file; convert it to .docx or .txt first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word (.doc) or password-protected Office file; "
     "save it as an unprotected .docx first"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt first"),
    (b"\x89PNG", "an image, not a letter"),
    (b"\xff\xd8\xff", "an image, not a letter"),
)


def human_size(n: int) -> str:
    """Human size in binary units, exact enough to compare with the limit."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024**2:
        return f"{n / 1024:.1f} KiB"
    return f"{n / 1024**2:.1f} MiB"


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """Read a whole input file, refusing what is missing, empty, too large or a folder."""
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder, not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputError(path, "empty file")
    if size > limits.max_file_bytes:
        raise InputError(path, f"file is {human_size(size)}, over the {human_size(limits.max_file_bytes)} limit")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from e


def refuse_foreign_format(path: Path, data: bytes, expect_zip: bool) -> None:
    """Name the real format of a file whose extension lies (a .pdf renamed .docx, a .doc, …)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"is {what}")
    if not expect_zip and data.startswith(b"PK\x03\x04"):
        raise InputError(path, "is a zip or Office file, not plain text")


def make_source(path: Path, data: bytes, fmt: SourceFormat) -> Source:
    return Source(path=str(path), format=fmt, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))
