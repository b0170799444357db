"""pairs/*.docx of `cascade analyse`: the whole child letter, header to signature, as Word tracked
changes against its parent.

Every redline is read back with python-docx and its XML walked as Word's "Accept all" and "Reject
all" would (insertions, deletions, moves and tracked paragraph marks): accepting must leave exactly
the child letter's paragraphs (cascade.letter_text), rejecting gives back the parent's paragraphs in
order, up to spelling (tone placement, case, abbreviations: shown as formatting only). Each child
paragraph of the items carries a comment naming the parent units it came from. LibreOffice opens and
prints (to PDF) every file.

The redlines come from the cascade of tests/folder_factory.py (with markup injected into one item, so
"<", "&" and quotes travel through the XML) and from the bundled samples (real letters: splits,
merges, moved items)."""

import csv
import datetime as dt
import itertools
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

from cascade.diff import diff_texts
from cascade.letter_text import letter_paragraphs
from cascade.reports.folder import pair_names
from cascade.units import letter_units
from cli import app
from models import SpanKind
from parsers import parse_letter

W_P, W_T, W_DEL_TEXT, W_INS, W_DEL = qn("w:p"), qn("w:t"), qn("w:delText"), qn("w:ins"), qn("w:del")
W_MOVE_FROM, W_MOVE_TO = qn("w:moveFrom"), qn("w:moveTo")
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
    assert result.exit_code == (1 if folder else 0), result.output  # the factory folder holds broken files
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


def _within(el, tags: set[str], paragraph) -> bool:
    node = el.getparent()
    while node is not None and node is not paragraph:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def _mark(p) -> str | None:
    """How the paragraph mark itself is tracked: del, ins, moveFrom, moveTo or None."""
    rpr = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
    if rpr is None:
        return None
    for tag in ("del", "ins", "moveFrom", "moveTo"):
        if rpr.find(qn(f"w:{tag}")) is not None:
            return tag
    return None


def body_paragraphs(document) -> list:
    return list(document.element.body.iter(W_P))


def _resolve(document, accept: bool) -> list[str]:
    """Paragraph texts once every change is accepted (or rejected): the other side's text dropped, and
    a paragraph whose mark the change removes joined to the next."""
    drop = {W_DEL, W_MOVE_FROM} if accept else {W_INS, W_MOVE_TO}
    joins = {"del", "moveFrom"} if accept else {"ins", "moveTo"}
    out, text = [], ""
    for p in body_paragraphs(document):
        text += "".join(t.text or "" for t in p.iter(W_T, W_DEL_TEXT) if not _within(t, drop, p))
        if _mark(p) in joins:
            continue
        out.append(text)
        text = ""
    if text:
        out.append(text)
    return [t for t in out if t]


def accept_all(document) -> list[str]:
    return _resolve(document, accept=True)


def reject_all(document) -> list[str]:
    return _resolve(document, accept=False)


def expected_paragraphs(path: Path) -> list[str]:
    return [p.text for p in letter_paragraphs(parse_letter(path))]


def same_up_to_spelling(a: str, b: str) -> bool:
    return all(s.kind in (SpanKind.EQUAL, SpanKind.ORTHOGRAPHIC) for s in diff_texts(a, b))


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
    assert accept_all(docx.Document(str(r.docx))) == expected_paragraphs(r.child)


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_reject_all_gives_back_the_parent_letter_in_order(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    parent = expected_paragraphs(r.parent)
    rejected = reject_all(docx.Document(str(r.docx)))
    assert len(rejected) == len(parent)
    assert [(a, b) for a, b in zip(rejected, parent, strict=True) if not same_up_to_spelling(b, a)] == []


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_the_redline_covers_the_whole_letter(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    child = parse_letter(r.child)
    accepted = accept_all(docx.Document(str(r.docx)))
    if child.recipients:
        assert "Kính gửi:" in accepted
    if child.cc:
        assert "Nơi nhận:" in accepted
    for p in child.preamble + child.closing:
        assert p.text in accepted


def test_sample_redline_moves_text_and_names_no_path(redlines: dict[str, Redline]):
    document = docx.Document(str(redlines["samples"].docx))
    body = document.element.body
    assert list(body.iter(W_MOVE_FROM)) and list(body.iter(W_MOVE_TO))  # the sample's item 3 moved to item 5
    names_from = {x.get(qn("w:name")) for x in body.iter(qn("w:moveFromRangeStart"))}
    names_to = {x.get(qn("w:name")) for x in body.iter(qn("w:moveToRangeStart"))}
    assert names_from == names_to and names_from
    header = document.sections[0].header.paragraphs[0].text
    assert "/" not in header.replace("1383-CV/BTGTU", "")  # the symbol or the file name, never a path


def test_edits_are_contiguous_runs(redlines: dict[str, Redline]):
    """No paragraph alternates insertion and deletion word by word: each edit run is one deletion
    then one insertion, and runs are apart by kept text."""
    for r in redlines.values():
        for p in body_paragraphs(docx.Document(str(r.docx))):
            tags = [child.tag for child in p]
            for a, b in itertools.pairwise(tags):
                assert not (a == W_INS and b == W_DEL), [t.text for t in p.iter(W_T)]


def test_spelling_differences_are_formatting_only(redlines: dict[str, Redline]):
    body = docx.Document(str(redlines["samples"].docx)).element.body
    changes = list(body.iter(qn("w:rPrChange")))
    assert changes  # the samples differ in tone placement and abbreviations here and there
    for change in changes:
        run = change.getparent().getparent()
        assert run.find(W_T) is not None  # the child's spelling, as text, with only its formatting tracked


@pytest.mark.parametrize("pair", PAIR_IDS)
def test_each_child_paragraph_has_a_comment_naming_its_sources(redlines: dict[str, Redline], pair: str):
    r = redlines[pair]
    document = docx.Document(str(r.docx))
    comments = {c.comment_id: c for c in document.comments}
    units = letter_units(parse_letter(r.child))
    paragraphs = [p for p in body_paragraphs(document) if list(p.iter(qn("w:commentReference")))]
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


# --- LibreOffice's own "Accept all" / "Reject all" --------------------------------------------------

UNO_PYTHON = "/usr/bin/python3"  # Debian's python3-uno lives in the system Python


def _uno_python() -> str:
    _soffice()
    ok = Path(UNO_PYTHON).is_file() and subprocess.run(
        [UNO_PYTHON, "-c", "import uno"], capture_output=True, timeout=30).returncode == 0
    if ok:
        return UNO_PYTHON
    if os.environ.get("CI"):
        pytest.fail("LibreOffice's Python bridge (Debian python3-uno) is missing (CI is set, so this test must run)")
    pytest.skip("LibreOffice's Python bridge (Debian python3-uno) is missing")


def _without_comments(src: Path, dst: Path) -> Path:
    """A copy with the comments removed: LibreOffice 7.4 headless crashes laying out comment anchors
    (a one-paragraph python-docx file with one comment crashes it too); comments hold no letter text."""
    import re
    import zipfile

    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = re.sub(r"<w:commentRange(?:Start|End)\b[^>]*/>", "", xml)
                xml = re.sub(r"<w:r>(?:<w:rPr>(?:(?!</w:r>).)*?</w:rPr>)?<w:commentReference\b[^>]*/></w:r>", "", xml)
                assert "commentReference" not in xml
                data = xml.encode("utf-8")
            zout.writestr(info, data)
    return dst


def _libreoffice_resolves(redline: Redline, mode: str, tmp_path: Path) -> list[str]:
    python = _uno_python()
    plain = _without_comments(redline.docx, tmp_path / f"{mode}.docx")
    out = tmp_path / f"{mode}.txt"
    script = Path(__file__).with_name("libreoffice_changes.py")
    proc = subprocess.run([python, str(script), mode, str(plain), str(out), str(tmp_path / "lo")],
                          capture_output=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, (proc.stdout + proc.stderr).decode(errors="replace")
    return [line.strip() for line in out.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def test_libreoffice_accept_all_gives_exactly_the_child_letter(redlines: dict[str, Redline], tmp_path: Path):
    r = redlines["samples"]
    assert _libreoffice_resolves(r, "accept", tmp_path) == [p.strip() for p in expected_paragraphs(r.child)]


def test_libreoffice_reject_all_gives_back_the_parent_letter(redlines: dict[str, Redline], tmp_path: Path):
    r = redlines["samples"]
    parent = [p.strip() for p in expected_paragraphs(r.parent)]
    rejected = _libreoffice_resolves(r, "reject", tmp_path)
    assert len(rejected) == len(parent)
    assert [(a, b) for a, b in zip(rejected, parent, strict=True) if not same_up_to_spelling(b, a)] == []
