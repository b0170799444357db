"""pairs/*.docx of `cascade analyse`: the child letter as Word tracked changes against its parent.

Every redline is read back with python-docx and its XML walked as Word's "Accept all" and "Reject
all" would: accepting must leave exactly the child letter's units (labels and bullet markers
included) in order, rejecting gives back the parent's units. Each child paragraph carries a comment
naming the parent units it came from. LibreOffice opens and prints (to PDF) every file.

The redlines come from the cascade of tests/folder_factory.py (with markup injected into one item, so
"<", "&" and quotes travel through the XML) and from the bundled samples (real letters: splits,
merges, moved items)."""

import csv
import datetime as dt
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from folder_factory import HOSTILE, PARENT_OF, build_cascade_folder
from typer.testing import CliRunner

from cascade.reports.docx_redline import _prefixes
from cascade.reports.folder import pair_names
from cascade.units import letter_units
from cli import app
from parsers import parse_letter

W_P, W_T, W_DEL_TEXT, W_INS, W_DEL = qn("w:p"), qn("w:t"), qn("w:delText"), qn("w:ins"), qn("w:del")
PAIR_IDS = [*PARENT_OF, "samples"]


@dataclass
class Redline:
    docx: Path
    parent: Path
    child: Path
    links: list[dict[str, str]]  # rows of links.csv for this pair


def _analyse(folder: Path | None, out: Path) -> list[dict[str, str]]:
    args = ["analyse", *([str(folder)] if folder else []), "-o", str(out), "--jobs", "1", "-f", "docx,csv"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with (out / "links.csv").open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def redlines(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> dict[str, Redline]:
    tmp = tmp_path_factory.mktemp("redlines")
    root, roles = build_cascade_folder(tmp, inject=HOSTILE)
    out = tmp / "cascade-report"
    links = _analyse(root, out)
    pairs = {child: (roles[parent], roles[child]) for child, parent in PARENT_OF.items()}
    names = pair_names(sorted(pairs.values()))
    found = {}
    for role, (parent, child) in pairs.items():
        rows = [r for r in links if (r["parent_path"], r["child_path"]) == (parent, child)]
        found[role] = Redline(out / "pairs" / f"{names[(parent, child)]}.docx", root / parent, root / child, rows)
    sample_out = tmp / "samples-report"
    sample_links = _analyse(None, sample_out)
    parent, child = "province_1383-CV-BTGTU.txt", "district_implementing_1383.txt"
    found["samples"] = Redline(sample_out / "pairs" / f"{pair_names([(parent, child)])[(parent, child)]}.docx",
                               samples_dir / parent, samples_dir / child, sample_links)
    assert len(list(out.glob("pairs/*.docx"))) == len(PARENT_OF)
    return found


# --- reading the XML as Word would ----------------------------------------------------------------


def _within(el, tag: str, paragraph) -> bool:
    node = el.getparent()
    while node is not None and node is not paragraph:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def _mark_deleted(p) -> bool:
    """The paragraph mark itself is a tracked deletion (w:pPr/w:rPr/w:del)."""
    ppr = p.find(qn("w:pPr"))
    return ppr is not None and ppr.find(f"{qn('w:rPr')}/{W_DEL}") is not None


def body_paragraphs(document) -> list:
    return list(document.element.body.iter(W_P))


def accept_all(document) -> list[str]:
    """Paragraph texts after "Accept all changes": w:ins kept, w:del dropped, deleted marks joined away."""
    out = []
    for p in body_paragraphs(document):
        if _mark_deleted(p):
            continue
        out.append("".join(t.text or "" for t in p.iter(W_T) if not _within(t, W_DEL, p)))
    return out


def reject_all(document) -> list[str]:
    """Paragraph texts after "Reject all changes": w:del text back, w:ins dropped."""
    out = []
    for p in body_paragraphs(document):
        out.append("".join(t.text or "" for t in p.iter(W_T, W_DEL_TEXT)
                           if not (t.tag == W_T and _within(t, W_INS, p))))
    return out


def expected_units(path: Path) -> list[str]:
    letter = parse_letter(path)
    prefixes = _prefixes(letter)
    return [prefixes.get(u.id, "") + u.text for u in letter_units(letter)]


# --- the tests ------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_redline_reads_back_with_tracked_changes(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    document = docx.Document(str(r.docx))
    body = document.element.body
    ins, dels = list(body.iter(W_INS)), list(body.iter(W_DEL))
    assert ins, "no w:ins"
    assert dels, "no w:del"
    for change in ins + dels:
        assert change.get(qn("w:author")) == "cascade"
        dt.datetime.fromisoformat(change.get(qn("w:date")).replace("Z", "+00:00"))
    ids = [c.get(qn("w:id")) for c in ins + dels]
    assert len(ids) == len(set(ids)), "tracked-change ids repeat"
    assert list(body.iter(W_DEL_TEXT)), "deleted text must be w:delText"
    assert not [t for d in dels for t in d.iter(W_T)], "deleted text written as w:t"
    header = document.sections[0].header.paragraphs[0].text
    assert header.startswith("So sánh văn bản: ")
    assert " → " in header


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_accept_all_gives_exactly_the_child_letter(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    assert accept_all(docx.Document(str(r.docx))) == expected_units(r.child)


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_reject_all_gives_back_the_parent_units(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    parent_units = expected_units(r.parent)
    rejected = [t for t in reject_all(docx.Document(str(r.docx))) if t]
    assert [t for t in rejected if t not in parent_units] == []
    assert [t for t in parent_units if t not in rejected] == []


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_deleted_paragraph_marks_only_on_wholly_deleted_paragraphs(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    document = docx.Document(str(r.docx))
    marked = [p for p in body_paragraphs(document) if _mark_deleted(p)]
    linked = {row["parent_unit"] for row in r.links}
    dropped = [u.id for u in letter_units(parse_letter(r.parent)) if u.id not in linked]
    assert len(marked) == len(dropped)
    for p in marked:
        assert [t for t in p.iter(W_T) if not _within(t, W_DEL, p)] == []


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_each_child_paragraph_has_a_comment_naming_its_sources(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    document = docx.Document(str(r.docx))
    comments = {c.comment_id: c for c in document.comments}
    units = letter_units(parse_letter(r.child))
    paragraphs = [p for p in body_paragraphs(document) if not _mark_deleted(p)]
    assert len(paragraphs) == len(units)
    assert len(comments) == len(units)
    sources: dict[str, list[str]] = {}
    for row in r.links:
        sources.setdefault(row["child_unit"], []).append(row["parent_unit"])
    for unit, p in zip(units, paragraphs, strict=True):
        refs = [int(x.get(qn("w:id"))) for x in p.iter(qn("w:commentReference"))]
        assert len(refs) == 1, unit.id
        comment = comments[refs[0]]
        assert comment.author == "cascade"
        if unit.id in sources:
            assert comment.text.startswith("Từ mục của văn bản cấp trên:"), (unit.id, comment.text)
            for parent_unit in sources[unit.id]:
                assert f" {parent_unit} (" in comment.text, (unit.id, parent_unit, comment.text)
        elif unit.frame:  # a lead-in or citing paragraph the child frames itself with
            assert comment.text in ("Nội dung địa phương (không có trong văn bản cấp trên)",
                                    "Phần mở đầu, kết thúc của văn bản (trích dẫn, câu dẫn)"), unit.id
        else:
            assert comment.text == "Nội dung địa phương (không có trong văn bản cấp trên)", unit.id


def test_markup_travels_through_the_xml_as_text(redlines: dict[str, Redline]):
    accepted = accept_all(docx.Document(str(redlines["d1"].docx)))
    assert f"- {HOSTILE}" in accepted


# --- LibreOffice ----------------------------------------------------------------------------------


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is not installed (CI is set, so this test must run)")
    pytest.skip("LibreOffice (soffice) is not installed")


def test_libreoffice_prints_every_redline_to_pdf(redlines: dict[str, Redline], tmp_path: Path):
    soffice = _soffice()
    files = [r.docx for r in redlines.values()]
    pdf_dir = tmp_path / "pdf"
    cmd = [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless", "--convert-to", "pdf",
           "--outdir", str(pdf_dir), *map(str, files)]
    proc = subprocess.run(cmd, capture_output=True, timeout=120, cwd=tmp_path)
    log = (proc.stdout + proc.stderr).decode(errors="replace")
    assert proc.returncode == 0, log
    assert "Error" not in proc.stdout.decode(errors="replace"), log
    for f in files:
        pdf = pdf_dir / f"{f.stem}.pdf"
        assert pdf.is_file(), f"{pdf.name} missing\n{log}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF-")
        assert len(data) > 5_000
        assert b"%%EOF" in data[-1024:]
