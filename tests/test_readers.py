"""Every format a folder holds, through the reader registry (`parsers.readers`).

- the registry is the one list: discovery, refusals, CLI help and the README's table come from it;
- the sample letters exported by LibreOffice as .pdf, .doc and .odt give exactly the units of
  ../shared/eval/gold_samples.json, and `cascade link` on each converted pair scores as the .txt pair;
- the docx_factory letters printed to PDF (header and signature tables, Word numbering) read like the
  .docx itself: same header, recipients, "Nơi nhận", signature and units;
- a scan (the PDF's pages as images) gives the same item ids, and `cascade link sample.txt
  sample-scan.pdf` links every unit to itself as `kept`;
- saved portal pages (.html, .mhtml) give the article's units;
- every reader's bad inputs give the one-line error while the other files are still read.

LibreOffice and Tesseract are slow, so the exports are made once per session (conftest `exports`)
and only one letter (4 pages) is OCR'd as a PDF, plus the header of another as an image.
"""

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from docx_factory import party_letter
from exports import SAMPLES, header_image, scan
from html_factory import menu_only_page, mhtml, portal_page
from test_samples import collect_ids
from typer.testing import CliRunner

from cascade.tokens import fold
from cli import app
from models import InputError, SourceFormat
from parsers import parse_letter, segment_letter
from parsers.batch import discover
from parsers.readers import READERS, REFUSED, formats_table, suffixes
from parsers.readers.pdf import read_pdf

runner = CliRunner()
ROLE_OF = {"province_1383-CV-BTGTU": "parent", "district_implementing_1383": "child"}
PARENT, CHILD = SAMPLES
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def unit_ids(letter: object) -> list[str]:
    """The ids of the numbered body (what the gold lists); the prose around it carries zone ids."""
    return [i for i in collect_ids(letter) if i and not i.startswith(("preamble/", "body/", "closing/"))]


def _score(shared_dir: Path, gold: dict, result: dict) -> dict:
    sys.path.insert(0, str(shared_dir / "eval"))
    try:
        from score_links import score
    finally:
        sys.path.pop(0)
    return score(gold, result)


def _link(parent: Path, child: Path, out: Path) -> dict:
    result = runner.invoke(app, ["link", str(parent), str(child), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return json.loads(out.read_text(encoding="utf-8"))


# --- the registry ----------------------------------------------------------------------------------


def test_every_suffix_has_one_reader():
    all_suffixes = suffixes()
    assert len(all_suffixes) == len(set(all_suffixes))
    assert not set(all_suffixes) & set(REFUSED)
    assert {r.suffixes[0] for r in READERS} >= {".txt", ".docx", ".pdf", ".doc", ".html", ".png"}


def test_discovery_takes_every_registered_and_refused_suffix(tmp_path: Path):
    """A folder run sees every file a reader takes, and the refused ones (to list them as failures)."""
    names = [f"a{k}{s.upper() if k % 2 else s}" for k, s in enumerate([*suffixes(), *REFUSED])]
    for name in [*names, "notes.xlsx", "song.mp3", "~$lock.docx", ".hidden.pdf"]:
        (tmp_path / name).write_bytes(b"x")
    assert sorted(p.name for p in discover(tmp_path)) == sorted(names)


def test_refused_suffix_gives_its_reason(tmp_path: Path):
    path = tmp_path / "letter.pages"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError) as caught:
        parse_letter(path)
    assert caught.value.reason == REFUSED[".pages"]


def test_readme_formats_table_is_the_registry(repo_dir: Path):
    """The README's formats table is generated from the registry; regenerate it with
    `python -c "from parsers.readers import formats_table; print(formats_table())"`."""
    assert formats_table() in (repo_dir / "README.md").read_text(encoding="utf-8")


def test_cli_help_lists_the_formats():
    result = runner.invoke(app, ["analyse", "--help"], terminal_width=400)
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    for suffix in (".pdf", ".doc", ".odt", ".rtf", ".html", ".mhtml", ".png", ".tif"):
        assert suffix in text


# --- LibreOffice exports of the sample letters -------------------------------------------------------


@pytest.fixture(scope="module")
def txt_score(gold: dict, shared_dir: Path, samples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    out = tmp_path_factory.mktemp("txt") / "link.json"
    return _score(shared_dir, gold, _link(samples_dir / f"{PARENT}.txt", samples_dir / f"{CHILD}.txt", out))


@pytest.fixture(scope="module")
def exported_links(exports: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    """`cascade link PARENT.fmt CHILD.fmt --format json` for each export format (each file converted once)."""
    folder = tmp_path_factory.mktemp("links")
    return {fmt: _link(exports / f"{PARENT}.{fmt}", exports / f"{CHILD}.{fmt}", folder / f"{fmt}.json")
            for fmt in ("pdf", "doc", "odt")}


@pytest.mark.parametrize("fmt", ["pdf", "doc", "odt"])
@pytest.mark.parametrize("role", ["parent", "child"])
def test_exported_sample_gives_the_gold_units(exported_links: dict, gold: dict, fmt: str, role: str):
    letter = exported_links[fmt][role]
    assert unit_ids(letter) == gold[role]["units"]
    assert letter["source"]["format"] == fmt
    for key, expected in gold[role]["header"].items():
        assert letter["header"][key] == expected, key
    assert len(letter["recipients"]) == gold[role]["recipients_count"]
    assert len(letter["cc"]) == gold[role]["cc_count"]


@pytest.mark.parametrize("fmt", ["pdf", "doc", "odt"])
def test_exported_pair_links_as_the_txt_pair(exported_links: dict, gold: dict, shared_dir: Path, txt_score: dict,
                                             fmt: str):
    """score_links.py on `cascade link` of the converted pair: every gold unit, no other, and the same
    link scores as the .txt pair."""
    got = _score(shared_dir, gold, exported_links[fmt])
    assert got["parent_units"][2] == 1.0 and got["child_units"][2] == 1.0
    assert got["unit_links"] == txt_score["unit_links"]
    assert got["item_links"] == txt_score["item_links"]


def test_pdf_drops_nothing_and_adds_nothing(exports: Path, samples_dir: Path):
    """Word for word, the PDF's text is the .txt's: no syllable split or glued, no page furniture."""
    for name in SAMPLES:
        raw = read_pdf(exports / f"{name}.pdf")
        words = " ".join(b.text for b in raw.blocks).split()
        assert words == (samples_dir / f"{name}.txt").read_text(encoding="utf-8").split()
        assert raw.source.pages and raw.source.ocr_pages == 0


def _facts(letter) -> dict:
    d = letter.model_dump(exclude={"source", "warnings", "unplaced"})
    header = {k: v for k, v in d["header"].items() if k != "raw"}
    signature = {k: v for k, v in (d["signature"] or {}).items() if k != "raw"}
    return {"header": header, "recipients": [r["text"] for r in d["recipients"]], "cc": [r["text"] for r in d["cc"]],
            "signature": signature, "units": collect_ids(d), "tier": d["tier"], "system": d["system"]}


@pytest.mark.parametrize("name", ["party", "state"])
def test_docx_letter_printed_to_pdf_reads_like_the_docx(exports: Path, name: str):
    """The two-column header table (issuer | national title, number | place and date) and the
    "Nơi nhận" | signature table come back as table cells, so the letter parses as its .docx does."""
    assert _facts(parse_letter(exports / f"{name}.pdf")) == _facts(parse_letter(exports / f"{name}.docx"))
    raw = read_pdf(exports / f"{name}.pdf")
    header = [b for b in raw.blocks if b.table == 0]
    assert {b.cell for b in header} == {0, 1}
    assert any("CỘNG" in b.text or "ĐẢNG CỘNG SẢN" in b.text for b in header if b.cell == 1)
    footer = [b for b in raw.blocks if b.table is not None and b.table > 0]
    assert any(b.text.startswith("Nơi nhận") and b.cell == 0 for b in footer)
    assert any(b.cell == 1 and b.text.startswith(("T/M", "TM.")) for b in footer)


def test_rtf_reads_like_the_docx(exports: Path):
    """Word's RTF of the state plan (numbered sections, "a)" points, tables) converts to the same letter."""
    assert _facts(parse_letter(exports / "state.rtf")) == _facts(parse_letter(exports / "state.docx"))


# --- a scan ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scanned(exports: Path, tesseract: str, tmp_path_factory: pytest.TempPathFactory,
            samples_dir: Path) -> dict:
    """`cascade link sample.txt sample-scan.pdf --format json`, run once: the scan is OCR'd once."""
    folder = tmp_path_factory.mktemp("scan")
    pdf = scan(exports / f"{PARENT}.pdf", folder / f"{PARENT}-scan.pdf")
    result = _link(samples_dir / f"{PARENT}.txt", pdf, folder / "link.json")
    result["itself"] = _link(samples_dir / f"{PARENT}.txt", samples_dir / f"{PARENT}.txt", folder / "self.json")
    return result


def test_scan_gives_the_same_item_ids(scanned: dict, gold: dict):
    assert unit_ids(scanned["child"]) == gold["parent"]["units"]
    assert collect_ids(scanned["child"]) == collect_ids(scanned["parent"])  # the prose units too
    assert scanned["child"]["source"]["ocr_pages"] == scanned["child"]["source"]["pages"] >= 2
    assert any(w["message"].startswith("OCR (Tesseract)") for w in scanned["child"]["warnings"])


def test_scan_links_every_unit_to_itself_as_kept(scanned: dict, gold: dict):
    """OCR slips (a lost tone mark, a case or punctuation change) come out as orthographic spans."""
    pairs = sorted((link["parent"], link["child"]) for link in scanned["links"])
    assert pairs == sorted((link["parent"], link["child"]) for link in scanned["itself"]["links"])  # as the .txt
    assert all(p == c for p, c in pairs) and set(gold["parent"]["units"]) <= {p for p, _ in pairs}
    assert {link["relation"] for link in scanned["links"]} == {"kept"}
    assert not scanned["dropped"] and not scanned["added"]


def test_scanned_header_image_is_read_as_table_cells(exports: Path, tesseract: str, tmp_path: Path):
    """A photo of a letter's head (.png): OCR'd, and the two columns come back as cells."""
    from parsers.readers.image import read_image

    image = header_image(exports / "party.pdf", tmp_path / "party-header.png")
    raw = read_image(image)
    assert raw.source.format is SourceFormat.IMAGE and raw.source.ocr_pages == 1
    cells = {(b.cell, fold(b.text)) for b in raw.blocks if b.table == 0}  # up to tone-mark slips
    assert (0, fold("TỈNH ỦY BÌNH PHƯỚC")) in cells and any(c == 1 and "VIET NAM" in t for c, t in cells)
    assert all(b.confidence is not None and 0 < b.confidence <= 1 for b in raw.blocks if b.text)
    letter = segment_letter(raw)
    assert letter.header.symbol == "1383-CV/BTGTU"
    assert fold(letter.header.issuer or "") == fold("BAN TUYÊN GIÁO")
    assert fold(letter.header.parent_issuer or "") == fold("TỈNH ỦY BÌNH PHƯỚC")


def test_page_progress_is_reported(exports: Path):
    seen: list[tuple[int, int]] = []
    read_pdf(exports / f"{PARENT}.pdf", on_page=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] == len(seen)


@pytest.mark.parametrize("in_workers", [True, False])
def test_page_progress_comes_back_from_the_parse_workers(exports: Path, in_workers: bool):
    """`cascade parse/link/analyse` parse in budgeted worker processes: the pages a worker reads must
    reach this process, so a long scan shows its pages instead of looking like a hang."""
    from parsers.batch import DEFAULT_BUDGET, parse_many

    pdf = exports / f"{PARENT}.pdf"
    seen: list[tuple[Path, int, int]] = []
    outcomes = parse_many([pdf], exports, jobs=1, budget=DEFAULT_BUDGET if in_workers else None,
                          on_page=lambda path, done, total: seen.append((path, done, total)))
    assert outcomes[0].letter is not None
    assert seen and {path for path, _, _ in seen} == {pdf}
    assert [done for _, done, _ in seen] == list(range(1, len(seen) + 1))
    assert seen[-1][1] == seen[-1][2]


def test_analyse_says_which_page_of_a_scan_it_is_on(exports: Path, tmp_path: Path):
    import shutil

    from cascade.pipeline import FolderOptions, analyse_folder

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(exports / f"{PARENT}.pdf", folder)
    shutil.copy(exports / f"{CHILD}.pdf", folder)
    stages: list[str] = []
    analyse_folder(folder, FolderOptions(out_dir=tmp_path / "out", formats=("csv",), jobs=1), None, None,
                   lambda stage, done, total: stages.append(stage))
    assert any(s.startswith(f"parsing ({PARENT}.pdf: page 1 of ") for s in stages), stages


def test_garbage_text_layer_is_detected():
    from parsers.readers.pdf import text_layer_problem

    good = Path(__file__).resolve().parents[1].joinpath("samples", f"{PARENT}.txt").read_text(encoding="utf-8")
    assert text_layer_problem(good[:3000]) is None
    assert text_layer_problem("") == "no text layer"
    assert "unmapped" in (text_layer_problem("\ufffd" * 40 + good[:200]) or "")
    assert "tone marks" in (text_layer_problem("Tuyen truyen, quan triet sau sac chu truong cua Dang " * 10) or "")
    assert "Vietnamese" in (text_layer_problem("".join(chr(0x2500 + k % 120) for k in range(600))) or "")


# --- saved web pages ------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["html", "mhtml"])
@pytest.mark.parametrize("name", SAMPLES)
def test_portal_page_gives_the_article_units(samples_dir: Path, gold: dict, tmp_path: Path, kind: str, name: str):
    page = portal_page((samples_dir / f"{name}.txt").read_text(encoding="utf-8").splitlines())
    path = tmp_path / f"{name}.{kind}"
    if kind == "html":
        path.write_text(page, encoding="utf-8")
    else:
        path.write_bytes(mhtml(page))
    letter = parse_letter(path)
    assert unit_ids(letter.model_dump()) == gold[ROLE_OF[name]]["units"]
    everything = json.dumps(letter.model_dump(mode="json"), ensure_ascii=False)
    for boilerplate in ("Thống kê truy cập", "Tin cùng chuyên mục", "Bản quyền thuộc", "Trang chủ"):
        assert boilerplate not in everything


# --- bad inputs, one per reader -------------------------------------------------------------------


def _bad_files(folder: Path) -> dict[str, str]:
    """File name → what its one-line error must say."""
    from pdf_factory import encrypted_pdf, pdf_without_pages

    (folder / "encrypted.pdf").write_bytes(encrypted_pdf())
    (folder / "no-pages.pdf").write_bytes(pdf_without_pages())
    (folder / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (folder / "corrupt.doc").write_bytes(OLE + b"\0" * 64 + "WordDocument".encode("utf-16-le") + bytes(range(256)) * 16)
    (folder / "no-article.html").write_text(menu_only_page(), encoding="utf-8")
    (folder / "not-an-odt.odt").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    (folder / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    return {"encrypted.pdf": "encrypted with a password", "no-pages.pdf": "no pages", "corrupt.pdf": "corrupt PDF",
            "corrupt.doc": "", "no-article.html": "no article", "not-an-odt.odt": "corrupt .odt",
            "corrupt.png": "corrupt"}


def test_bad_inputs_give_one_line_each_and_the_good_file_is_read(tmp_path: Path, soffice: str):
    bad = _bad_files(tmp_path)
    good = party_letter(tmp_path / "good.docx")
    paths = [str(tmp_path / name) for name in bad]
    result = runner.invoke(app, ["parse", paths[0], str(good), *paths[1:]])
    assert result.exit_code == 1
    assert [letter["source"]["path"] for letter in json.loads(result.stdout)] == [str(good)]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad), result.stderr
    for name, reason in bad.items():
        line = next(e for e in errors if e.startswith(f"error: {tmp_path / name}: "))
        assert reason.lower() in line.lower(), line


def test_missing_tesseract_names_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import parsers.readers.image as image_reader
    import parsers.readers.pdf as pdf_reader

    message = "OCR needs Tesseract, which is not installed (Debian: apt-get install tesseract-ocr tesseract-ocr-vie)"
    monkeypatch.setattr(pdf_reader, "tesseract_missing", lambda: message)
    monkeypatch.setattr(image_reader, "tesseract_missing", lambda: message)
    from PIL import Image

    Image.new("L", (200, 100), 255).save(tmp_path / "scan.png")
    Image.new("L", (200, 100), 255).save(tmp_path / "scan.pdf")
    for name in ("scan.png", "scan.pdf"):
        with pytest.raises(InputError) as caught:
            parse_letter(tmp_path / name)
        assert "tesseract-ocr tesseract-ocr-vie" in caught.value.reason


def test_missing_libreoffice_names_the_package(exports: Path, monkeypatch: pytest.MonkeyPatch):
    import parsers.readers.office as office

    monkeypatch.setattr(office, "soffice", lambda: None)
    with pytest.raises(InputError) as caught:
        parse_letter(exports / f"{CHILD}.doc")
    assert "libreoffice-writer-nogui" in caught.value.reason


# --- a folder mixing every format -----------------------------------------------------------------


def test_analyse_a_folder_of_every_format(exports: Path, tesseract: str, tmp_path: Path):
    """A central letter saved from its portal (.html) → the province letter as .pdf → the district
    letter as .doc, among a .docx, an .rtf, a .txt, a saved .mhtml page, a photographed letter head
    (.png, OCR'd in a parse worker) and bad files: every letter is read, with its format in
    letters.csv, the cascade is found across formats, and the bad files are listed."""
    from folder_factory import central_text, d2_text, unrelated_text

    folder = tmp_path / "ho-so"
    folder.mkdir()
    for name in (f"{PARENT}.pdf", f"{CHILD}.doc", "party.docx", "state.rtf"):
        (folder / name).write_bytes((exports / name).read_bytes())
    (folder / "trung-uong.html").write_text(portal_page(central_text().splitlines()), encoding="utf-8")
    (folder / "so-tnmt.mhtml").write_bytes(mhtml(portal_page(unrelated_text().splitlines())))
    (folder / "huyen-bu-dang.txt").write_text(d2_text(), encoding="utf-8")
    header_image(exports / "party.pdf", folder / "anh-chup.png")
    bad = {k: v for k, v in _bad_files(folder).items() if k in ("encrypted.pdf", "no-article.html", "corrupt.png")}
    for name in ("no-pages.pdf", "corrupt.pdf", "corrupt.doc", "not-an-odt.odt"):
        (folder / name).unlink()
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    out = tmp_path / "report"
    result = runner.invoke(app, ["analyse", str(folder), "-o", str(out), "--no-cache", "--format", "csv",
                                 "--jobs", "2"])
    assert result.exit_code == 1, result.stderr  # some files failed; every report is written all the same
    # nothing converted or OCR'd leaves a trace: no file changed, no lock or output file beside them
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()} == before
    text = (out / "letters.csv").read_text(encoding="utf-8-sig")
    rows = {r["path"]: r for r in csv.DictReader(io.StringIO(text))}
    expected = {f"{PARENT}.pdf": "pdf", f"{CHILD}.doc": "doc", "party.docx": "docx", "state.rtf": "rtf",
                "trung-uong.html": "html", "so-tnmt.mhtml": "mhtml", "anh-chup.png": "image+ocr",
                "huyen-bu-dang.txt": "txt"}
    for path, fmt in expected.items():
        assert (rows[path]["status"], rows[path]["format"]) == ("parsed", fmt), rows[path]
    for name, reason in bad.items():
        assert rows[name]["status"] == "failed" and reason.lower() in rows[name]["error"].lower(), rows[name]
        assert rows[name]["format"] == name.rsplit(".", 1)[1]
    assert rows[f"{PARENT}.pdf"]["parents"].split(";") == ["trung-uong.html"]
    assert rows[f"{CHILD}.doc"]["parents"].split(";") == [f"{PARENT}.pdf"]
    assert f"{len(bad)} of {len(rows)} files failed:" in result.stderr
