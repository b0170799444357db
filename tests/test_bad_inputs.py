"""Inputs that are not readable letters, through `parsers.parse_letter` and through `cascade parse`.

Every bad input must raise `models.InputError` whose message names the file and a reason; the CLI
prints one line "error: FILE: reason" on stderr and exits 1, and with several files the good ones
are still parsed (stdout holds them) and the failures are listed. No input file is ever changed.

Tests marked xfail(strict=True) document parser bugs; each reason says expected versus actual.
"""

import functools
import io
import json
import os
import random
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx_factory import LetterDocx, party_letter
from hostile_factory import LETTER_TXT
from typer.testing import CliRunner

from cli import app
from models import InputError
from parsers import ReadLimits, parse_letter

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, and every password-protected Office file
MB = 1024 * 1024


# --- building bad files ---------------------------------------------------------------------------


@functools.cache
def good_docx_bytes() -> bytes:
    with tempfile.TemporaryDirectory() as d:
        return party_letter(Path(d) / "good.docx").read_bytes()


def zip_bytes(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def rezip(drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None) -> bytes:
    """The good letter's package with parts dropped or replaced."""
    replace = replace or {}
    with zipfile.ZipFile(io.BytesIO(good_docx_bytes())) as zf:
        entries = {i.filename: replace.get(i.filename, zf.read(i)) for i in zf.infolist() if i.filename not in drop}
    return zip_bytes(entries)


def damaged_deflate() -> bytes:
    """A well-formed zip whose word/document.xml deflate stream is damaged (a bad disk sector, a
    download cut and patched): the central directory is fine, decompression is not."""
    data = bytearray(good_docx_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for k in range(start + 20, start + 60):
        data[k] ^= 0x5A
    return bytes(data)


@functools.cache
def zip_bomb(megabytes: int) -> bytes:
    """A .docx-shaped zip whose word/document.xml unpacks to `megabytes` MiB of zeros (~1 MB packed);
    streamed through zipfile at compression level 1, so building 210 MiB takes well under a second."""
    buf = io.BytesIO()
    chunk = b"\0" * MB
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            for _ in range(megabytes):
                f.write(chunk)
    return buf.getvalue()


def blank_word_document() -> bytes:
    with tempfile.TemporaryDirectory() as d:
        return LetterDocx().save(Path(d) / "blank.docx").read_bytes()


@dataclass(frozen=True)
class Case:
    filename: str
    content: Callable[[], bytes | None]  # None: make a folder; missing file: see `missing`
    reason: str  # expected in the message, case-insensitive
    missing: bool = False

    def make(self, folder: Path) -> Path:
        path = folder / self.filename
        if self.missing:
            return path
        data = self.content()
        if data is None:
            path.mkdir()
        else:
            path.write_bytes(data)
        return path


rnd = random.Random(1383)
RANDOM_4K = rnd.randbytes(4096)
CORRUPT_ZIP = b"PK\x03\x04" + rnd.randbytes(2000)
PROTECTED = OLE_MAGIC + rnd.randbytes(4000)

CASES = [
    Case("empty.docx", lambda: b"", "empty"),
    Case("empty.txt", lambda: b"", "empty"),
    Case("whitespace.txt", lambda: b"\n   \n\t\r\n", "not a letter"),
    Case("letter.doc", lambda: OLE_MAGIC + b"\0" * 512, ".doc"),
    Case("letter.pdf", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "pdf"),
    Case("damaged.rtf", lambda: b"\\ansi Kinh gui}" + RANDOM_4K[:200], "rtf"),
    Case("letter.odt", lambda: zip_bytes({"mimetype": b"application/vnd.oasis.opendocument.text"}), "opendocument"),
    Case("letter.xlsx", lambda: zip_bytes({"xl/workbook.xml": b"<workbook/>"}), "unsupported"),
    Case("pdf_named.docx", lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf"),
    Case("corrupt.docx", lambda: CORRUPT_ZIP, "corrupt"),
    Case("truncated.docx", lambda: good_docx_bytes()[: len(good_docx_bytes()) // 2], "corrupt"),
    Case("no_document.docx", lambda: zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
         "word/document.xml"),
    Case("no_content_types.docx", lambda: rezip(drop=("[Content_Types].xml",)), "corrupt"),
    Case("broken_xml.docx", lambda: rezip(replace={"word/document.xml": b"<w:document><w:body>"}), "corrupt"),
    Case("protected.docx", lambda: PROTECTED, "password"),
    Case("bomb.docx", lambda: zip_bomb(210), "zip bomb"),
    # 20 MiB of zeros: within the unpacked-size budget, so it is read (and is no XML)
    Case("zeros_part.docx", lambda: zip_bomb(20), "corrupt .docx (word/document.xml"),
    Case("text_named.docx", lambda: LETTER_TXT.encode(), "not a .docx"),
    Case("blank_document.docx", blank_word_document, "not a letter"),
    Case("garbage.txt", lambda: RANDOM_4K, "encoding"),
    Case("image.txt", lambda: b"\x89PNG\r\n\x1a\n" + RANDOM_4K, "image"),
    Case("archive.txt", lambda: good_docx_bytes(), "zip"),
    Case("bad_utf16.txt", lambda: b"\xff\xfe" + "Kính gửi".encode("utf-16-le") + b"\x00\xd8\x41", "utf-16"),
    Case("folder.docx", lambda: None, "folder"),
    Case("missing.docx", lambda: None, "no such file", missing=True),
    Case("damaged_deflate.docx", damaged_deflate, "corrupt"),
    Case("program.txt", lambda: b"import os\n\nfor name in os.listdir('.'):\n    print(name)\n", "not a letter"),
    Case("control_bytes.txt", lambda: bytes(random.Random(7).choice(
            [*range(1, 9), 11, 12, *range(14, 32)]) for _ in range(3000)), "binary"),
]


def case_id(case: Case) -> str:
    return case.filename


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Bytes and mtime of every file in `folder` (to prove the inputs were not touched)."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


# --- parse_letter ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_parse_letter_refuses(case: Case, tmp_path: Path) -> None:
    """The error names the file (message starts with its path) and says why, in words a clerk can act on."""
    path = case.make(tmp_path)
    before = snapshot(tmp_path)
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    err = caught.value
    assert err.path == str(path)
    assert str(err) == f"{path}: {err.reason}"
    assert case.reason.lower() in err.reason.lower()
    assert "\n" not in str(err)
    assert snapshot(tmp_path) == before


def test_size_limit_from_read_limits(tmp_path: Path) -> None:
    """`ReadLimits(max_file_bytes=…)` refuses a real letter that is too large, .docx and .txt alike,
    before reading it."""
    docx_path = party_letter(tmp_path / "letter.docx")
    txt_path = tmp_path / "letter.txt"
    txt_path.write_text(LETTER_TXT, encoding="utf-8")
    before = snapshot(tmp_path)
    for path in (docx_path, txt_path):
        parse_letter(path)  # fine with the default limits
        with pytest.raises(InputError) as caught:
            parse_letter(path, limits=ReadLimits(max_file_bytes=200))
        assert str(caught.value).startswith(f"{path}: ")
        assert "limit" in caught.value.reason
    assert snapshot(tmp_path) == before


def test_zip_bomb_against_small_read_limits(tmp_path: Path) -> None:
    """`ReadLimits(max_unzipped_bytes=…)` is checked on the declared sizes, before unpacking."""
    path = tmp_path / "bomb.docx"
    path.write_bytes(zip_bomb(3))
    with pytest.raises(InputError) as caught:
        parse_letter(path, limits=ReadLimits(max_unzipped_bytes=2 * MB))
    assert str(caught.value).startswith(f"{path}: ")
    assert "zip bomb" in caught.value.reason


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (the reader must refuse it by its size)."""
    with open(path, "wb") as f:
        f.truncate(size)
    return path


def test_file_over_the_default_limit(tmp_path: Path) -> None:
    """The default limit (README: 50 MB) refuses a larger file from its size alone, without reading it."""
    path = sparse_file(tmp_path / "huge.docx", 50 * MB + 1)
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "limit" in caught.value.reason


def test_size_message_states_the_documented_limit(tmp_path: Path) -> None:
    """The message should state the limit the README documents ("50 MB"), and a size that shows the
    file is over it."""
    path = sparse_file(tmp_path / "huge.docx", 50 * MB + 1)
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    assert "50.0 MiB limit" in caught.value.reason


# --- the CLI --------------------------------------------------------------------------------------

runner = CliRunner()


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_cli_refuses(case: Case, tmp_path: Path) -> None:
    """`cascade parse BAD`: exit code 1, exactly one line on stderr naming the file and the reason,
    nothing on stdout, no traceback."""
    path = case.make(tmp_path)
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["parse", str(path)])
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    assert str(path) in lines[0]
    assert case.reason.lower() in lines[0].lower()
    assert result.stdout == ""
    assert snapshot(tmp_path) == before


def test_cli_file_over_the_default_limit(tmp_path: Path) -> None:
    """`cascade parse` on a file over 50 MB: one error line, exit 1, the file not read."""
    path = sparse_file(tmp_path / "huge.txt", 50 * MB + 1)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert len(result.stderr.splitlines()) == 1
    assert str(path) in result.stderr and "limit" in result.stderr


def make_batch(folder: Path, bad: list[Case]) -> tuple[list[Path], list[Path]]:
    good = [party_letter(folder / "cv-1383.docx"), folder / "cv-1383.txt"]
    good[1].write_text(LETTER_TXT, encoding="utf-8")
    return good, [case.make(folder) for case in bad]


def by_name(*names: str) -> list[Case]:
    cases = [c.values[0] if hasattr(c, "values") else c for c in CASES]
    return [c for c in cases if c.filename in names]


def test_cli_several_files_good_ones_still_parsed(tmp_path: Path) -> None:
    """With several files, the good ones are parsed (stdout is a JSON list of them, in order), every
    bad one gets its own "error:" line, a summary lists the failures, and the exit code is 1."""
    bad_cases = by_name("empty.txt", "letter.pdf", "protected.docx", "corrupt.docx", "bomb.docx")
    good, bad = make_batch(tmp_path, bad_cases)
    before = snapshot(tmp_path)
    args = [str(good[0]), str(bad[0]), str(bad[1]), str(good[1]), *map(str, bad[2:])]
    result = runner.invoke(app, ["parse", *args])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1
    letters = json.loads(result.stdout)
    assert [letter["source"]["path"] for letter in letters] == [str(good[0]), str(good[1])]
    assert [letter["header"]["symbol"] for letter in letters] == ["1383-CV/BTGTU", "1383-CV/BTGTU"]
    errors = error_lines(result.stderr)
    assert len(errors) == len(bad)
    for path, case in zip(bad, bad_cases, strict=True):
        line = next(e for e in errors if f" {path}: " in e)
        assert case.reason.lower() in line.lower()
    assert f"{len(bad)} of {len(args)} files failed:" in result.stderr
    summary = result.stderr.split("files failed:", 1)[1]
    assert all(str(path) in summary for path in bad)
    assert snapshot(tmp_path) == before


def test_cli_damaged_docx_does_not_stop_the_batch(tmp_path: Path) -> None:
    """One damaged file among good ones must not cost the user the good files' output."""
    (good, [damaged]) = make_batch(tmp_path, [Case("damaged_deflate.docx", damaged_deflate, "corrupt")])
    result = runner.invoke(app, ["parse", str(good[0]), str(damaged), str(good[1])])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 1, result.exception
    assert [letter["source"]["path"] for letter in json.loads(result.stdout)] == [str(good[0]), str(good[1])]
    assert any(str(damaged) in line for line in error_lines(result.stderr))


def test_cli_error_names_a_file_with_square_brackets(tmp_path: Path) -> None:
    """File names such as "[dự thảo] công văn.pdf" are common; the error line must name the file exactly."""
    path = tmp_path / "[dự thảo] công văn.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 1
    assert f"error: {path}: " in result.stderr


def test_cli_good_file_alone_exits_zero(tmp_path: Path) -> None:
    """Control: the good files of the batch parse on their own with exit code 0 and empty stderr."""
    good, _ = make_batch(tmp_path, [])
    before = snapshot(tmp_path)
    result = runner.invoke(app, ["parse", *map(str, good)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert len(json.loads(result.stdout)) == 2
    assert snapshot(tmp_path) == before
    assert sorted(os.listdir(tmp_path)) == ["cv-1383.docx", "cv-1383.txt"]
