"""What every reader shares: size limits, magic-number checks and the source fingerprint."""

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from models import InputError, RawDocument, Source, SourceFormat, path_text


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a hostile or mistaken input from exhausting the machine."""

    max_file_bytes: int = 50 * 1024 * 1024
    max_unzipped_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: int = 200


DEFAULT_LIMITS = ReadLimits()

_MAGIC = (
    (b"%PDF", "a PDF file under another name; rename it .pdf"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Word (.doc) or password-protected Office file; "
     "a .doc under another name reads once renamed .doc; a protected file must be saved unprotected"),
    (b"{\\rtf", "an RTF file under another name; rename it .rtf"),
    (b"\x89PNG", "an image (PNG); rename it .png to read it by OCR"),
    (b"\xff\xd8\xff", "an image (JPEG); rename it .jpg to read it by OCR"),
)


def human_size(n: int) -> str:
    """Human size in binary units, exact enough to compare with the limit."""
    if n < 1024:
        return f"{n} bytes"
    if n < 1024**2:
        return f"{n / 1024:.1f} KiB"
    return f"{n / 1024**2:.1f} MiB"


_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def check_regular(path: Path, st: os.stat_result, limits: ReadLimits) -> None:
    """Refuse what is not a regular file of a readable size, from its stat alone."""
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, f"is {file_kind(st.st_mode)}, not a regular file; not read")
    if st.st_size == 0:
        raise InputError(path, "empty file")
    if st.st_size > limits.max_file_bytes:
        raise InputError(path, f"file is {human_size(st.st_size)}, over the {human_size(limits.max_file_bytes)} limit")


def _os_reason(e: OSError) -> str:
    return e.strerror or e.__class__.__name__


def read_bytes(path: Path, limits: ReadLimits) -> bytes:
    """Read a whole input file, refusing what is missing, empty, too large, a folder, or no regular
    file (a FIFO would block, a device never ends): stat first, then open without blocking, check
    the open file again and read at most the limit."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as e:  # an unsearchable folder on the way, a name too long, a link loop…
        raise InputError(path, f"cannot be read ({_os_reason(e)})") from e
    check_regular(path, before, limits)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        raise InputError(path, f"cannot be read ({_os_reason(e)})") from e
    with os.fdopen(fd, "rb") as f:
        opened = os.fstat(f.fileno())
        check_regular(path, opened, limits)  # the same file, not one swapped in since
        try:
            data = f.read(opened.st_size + 1)  # the size it has: a read of the limit would allocate the limit
            while len(data) <= limits.max_file_bytes and (more := f.read(1024 * 1024)):
                data += more
        except OSError as e:
            raise InputError(path, f"cannot be read ({_os_reason(e)})") from e
    if len(data) > limits.max_file_bytes:
        raise InputError(path, f"file grew past the {human_size(limits.max_file_bytes)} limit while being read")
    if not data:
        raise InputError(path, "empty file")
    return data


def refuse_foreign_format(path: Path, data: bytes, expect_zip: bool) -> None:
    """Name the real format of a file whose extension lies (a .pdf renamed .docx, a .doc, …)."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"is {what}")
    if not expect_zip and data.startswith(b"PK\x03\x04"):
        raise InputError(path, "is a zip or Office file, not plain text")


def make_source(path: Path, data: bytes, fmt: SourceFormat) -> Source:
    return Source(path=path_text(path), format=fmt, sha256=hashlib.sha256(data).hexdigest(), size_bytes=len(data))


PageProgress = Callable[[int, int], None]
"""Called as (pages done, pages in all) while a long paged source is read (OCR runs page by page)."""

ReadFunction = Callable[[Path, ReadLimits, PageProgress | None], RawDocument]


@dataclass(frozen=True)
class Reader:
    """One input format, like a docling backend: which files it takes, how it reads them, what it needs.

    The registry in `parsers.readers` lists every reader; file discovery, the refusal list, the CLI
    help and the README's formats table are all derived from it, so a new format is one new module.
    """

    name: str
    suffixes: tuple[str, ...]
    read: ReadFunction
    what: str = field(default="", metadata={"doc": "What is read and how (README table, CLI help)."})
    needs: str = field(default="", metadata={"doc": "System packages or Python libraries it needs."})
    magic: tuple[bytes, ...] = ()
    budget_factor: float = field(default=1.0, metadata={"doc": "Times the per-file parse time budget it may take."})
    missing: Callable[[], str | None] = field(default=lambda: None,
                                              metadata={"doc": "Why it cannot run here (a tool absent), or None."})

    def detect(self, head: bytes) -> bool:
        """Does the file start like this format? Readers of signature-less formats (text) say yes."""
        return not self.magic or head.startswith(self.magic)
