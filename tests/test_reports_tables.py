"""cascade.xlsx and cascade.db read back (openpyxl, sqlite-utils), and one verdict everywhere: over
the bundled samples, every unit link shows the same relation in links.csv, the workbook, the
database, index.html's data, report.md and the .docx comments, and every parent item the same
verdict in matrix.csv, the workbook, the database, index.html's data and report.md."""

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from cascade.reports.explorer import unpack
from cascade.reports.labels import label
from cli import app

openpyxl = pytest.importorskip("openpyxl")
sqlite_utils = pytest.importorskip("sqlite_utils")
PARENT, CHILD = "province_1383-CV-BTGTU.txt", "district_implementing_1383.txt"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = tmp_path_factory.mktemp("tables") / "report"
    result = CliRunner().invoke(app, ["analyse", "-o", str(report), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return report


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _sheet(book, name: str) -> list[dict[str, object]]:
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_workbook_has_its_sheets_frozen_and_filtered(out: Path):
    book = openpyxl.load_workbook(out / "cascade.xlsx")
    assert book.sheetnames[:4] == ["letters", "items", "links", "matrix"]
    assert len(book.sheetnames) == 5  # and one matrix per parent letter
    for ws in book.worksheets:
        assert ws.freeze_panes is not None, ws.title
        assert ws.auto_filter.ref, ws.title
    links = _sheet(book, "links")
    assert links and all(r["parent_text"] and r["child_text"] for r in links)
    matrix = book[book.sheetnames[4]]
    assert matrix.freeze_panes == "C2"
    assert matrix.cell(1, 3).value.endswith(CHILD)


def test_libreoffice_opens_the_workbook(out: Path, tmp_path: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed")
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to",
           "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir",
           str(tmp_path), str(out / "cascade.xlsx")]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")
    sheets = sorted(p.name for p in tmp_path.glob("cascade*.csv"))
    assert len(sheets) == 5, sheets  # every sheet exported: LibreOffice read them all
    links = next(p for p in tmp_path.glob("cascade*.csv") if "links" in p.name)
    assert links.read_text(encoding="utf-8").startswith("parent_path,parent_unit,child_path")


def test_database_lists_its_tables_and_reads_back(out: Path):
    db = sqlite_utils.Database(out / "cascade.db")
    tables = set(db.table_names())
    assert {"runs", "letters", "units", "citations", "parents", "pairs", "links", "items", "units_fts"} <= tables
    assert db["letters"].count == 2
    assert db["pairs"].count == 1
    assert {fk.other_table for fk in db["links"].foreign_keys} == {"pairs", "units"}
    assert db["units"].detect_fts() == "units_fts"
    hits = list(db["units"].search("tuyên truyền"))
    assert hits
    pair = next(db["pairs"].rows)
    assert pair["page"].startswith("pairs/") and pair["redline"].endswith(".docx")
    run = next(db["runs"].rows)
    assert run["letters"] == 2 and run["failed"] == 0


def _index_data(out: Path) -> list:
    html = (out / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<script type="[^"]*" id="d-pairs">(.*?)</script>', html, re.S)
    assert block
    return [json.loads(line) for line in unpack(block.group(1)) if line]


def test_one_relation_per_link_in_every_report(out: Path):
    links = {(r["parent_unit"], r["child_unit"]): r["relation"] for r in _csv(out / "links.csv")}
    assert links
    book = openpyxl.load_workbook(out / "cascade.xlsx", read_only=True)
    assert {(r["parent_unit"], r["child_unit"]): r["relation"] for r in _sheet(book, "links")} == links
    db = sqlite_utils.Database(out / "cascade.db")
    assert {(r["parent_unit_id"], r["child_unit_id"]): r["relation"] for r in db["links"].rows} == links
    (pair,) = _index_data(out)
    in_index = {(u[0], u[1]): u[2] for item in pair[4] for u in item[5] if u[1] is not None}
    assert in_index == links
    md = (out / "report.md").read_text(encoding="utf-8")
    for (p, c), relation in links.items():
        assert f"{p} → {c} {label(relation, 'vi')}" in md, (p, c, relation)
    document = docx.Document(str(next((out / "pairs").glob("*.docx"))))
    comments = " | ".join(c.text for c in document.comments)
    for (p, c), relation in links.items():
        assert f" {p} ({label(relation, 'vi')}, " in comments or f", {p} ({label(relation, 'vi')}, " in comments, \
            (p, c, relation)
    page = next((out / "pairs").glob("*.html")).read_text(encoding="utf-8")
    for relation in set(links.values()):
        assert f'class="v r-{relation}">{label(relation, "vi")}<' in page


def test_one_verdict_per_item_in_every_report(out: Path):
    matrix = {r["parent_item"]: (r["relation"], r["child_items"]) for r in _csv(out / "matrix.csv") if r["parent_item"]}
    assert matrix and any(rel == "dropped" for rel, _ in matrix.values())
    book = openpyxl.load_workbook(out / "cascade.xlsx", read_only=True)
    in_book = {r["parent_item"]: (r["relation"], r["child_items"] or "") for r in _sheet(book, "matrix")
               if r["parent_item"]}
    assert in_book == matrix
    db = sqlite_utils.Database(out / "cascade.db")
    assert {r["parent_item"]: (r["relation"], r["child_items"]) for r in db["items"].rows} == matrix
    (pair,) = _index_data(out)
    assert {item[0]: (item[1], ";".join(item[4])) for item in pair[4]} == matrix
    md = (out / "report.md").read_text(encoding="utf-8")
    for item, (relation, _) in matrix.items():
        assert re.search(rf"^\| `{re.escape(item)}` \| {re.escape(label(relation, 'vi'))}", md, re.M), item


def test_a_table_longer_than_a_worksheet_goes_on_in_the_next_sheet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Excel holds 1,048,576 rows a sheet and XlsxWriter drops the rest without a word: a 100k-letter
    folder's items and links run past it. Shrunk here to 7 rows, every row of items.csv must still be
    in the workbook, over `items`, `items 2`, … each with its header."""
    from cascade.reports import workbook

    monkeypatch.setattr(workbook, "EXCEL_ROWS", 7)
    report = tmp_path / "report"
    result = CliRunner().invoke(app, ["analyse", "-o", str(report), "--jobs", "1", "--format", "csv,xlsx"])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(report / "cascade.xlsx", read_only=True)
    for table in ("items", "links"):
        sheets = [n for n in book.sheetnames if n == table or re.fullmatch(rf"{table} \d+", n)]
        assert len(sheets) > 1, book.sheetnames
        rows = [r for name in sheets for r in _sheet(book, name)]
        assert all(book[name].max_row <= 7 for name in sheets)
        expected = _csv(report / f"{table}.csv")
        assert len(rows) == len(expected)
        assert [str(r[next(iter(r))]) for r in rows] == [r[next(iter(r))] for r in expected]
