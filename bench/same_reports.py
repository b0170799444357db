"""Are two report folders the same, file by file, but for the times a run stamps into them?

    .venv/bin/python bench/same_reports.py bench/out/report-a bench/out/report-b

Compares every file of both folders: text and binary files byte for byte; Word and Excel files
member by member, with the created/modified times of docProps/core.xml and the tracked changes'
dates (w:date) blanked; the SQLite
database table by table, with the run's `created` time blanked. Prints each difference and exits
1 if there is any (so a change meant to keep the outputs can be checked on a whole folder).
"""

import argparse
import re
import sqlite3
import sys
import zipfile
from pathlib import Path

_STAMP = re.compile(rb"<dcterms:(created|modified)[^>]*>[^<]*</dcterms:\1>|w:date=\"[^\"]*\"")


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: _STAMP.sub(b"", z.read(n)) for n in z.namelist()}


def _tables(path: Path) -> dict[str, list[tuple]]:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {}
        for name in names:
            cols = [r[1] for r in db.execute(f"PRAGMA table_info([{name}])")]
            picked = ", ".join("NULL" if (name, c) == ("runs", "created") else f"[{c}]" for c in cols)
            try:
                out[name] = list(db.execute(f"SELECT {picked} FROM [{name}] ORDER BY rowid"))
            except sqlite3.OperationalError:  # a WITHOUT ROWID table (the full-text index's own)
                out[name] = sorted(db.execute(f"SELECT {picked} FROM [{name}]"), key=repr)
        return out
    finally:
        db.close()


def differences(a: Path, b: Path) -> list[str]:
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    out = [f"only in {a}: {n}" for n in sorted(files_a - files_b)]
    out += [f"only in {b}: {n}" for n in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        pa, pb = a / name, b / name
        if pa.suffix in (".docx", ".xlsx"):
            same = _zip_members(pa) == _zip_members(pb)
        elif pa.suffix == ".db":
            same = _tables(pa) == _tables(pb)
        else:
            same = pa.read_bytes() == pb.read_bytes()
        if not same:
            out.append(f"differs: {name}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    args = ap.parse_args()
    found = differences(args.a, args.b)
    for line in found:
        print(line)
    n = sum(1 for p in args.a.rglob("*") if p.is_file())
    print(f"{n} files in {args.a}: {'identical' if not found else f'{len(found)} differences'}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
