"""`cascade analyse FOLDER` end to end through the CLI, on a cascade folder built in code
(tests/folder_factory.py): the tree it finds (citations, a near-miss citation, content, a sibling
copy), the failures it lists, every report file, and what it must never touch."""

import csv
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pytest
from folder_factory import (
    BROKEN,
    COMMUNES,
    DATES,
    PARENT_OF,
    PARSED,
    PATHS,
    SYMBOLS,
    TIERS,
    build_cascade_folder,
)
from typer.testing import CliRunner, Result

from cascade.reports.folder import pair_names
from cli import app

runner = CliRunner()
BOM = b"\xef\xbb\xbf"
LETTERS_COLUMNS = ["path", "status", "error", "symbol", "date", "issuer", "tier", "parents", "parent_evidence",
                   "confidence", "citation_status"]
LINKS_COLUMNS = ["parent_path", "parent_unit", "child_path", "child_unit", "relation", "similarity", "kept_share"]
REPORT_FILES = {"index.html", "report.md", "letters.csv", "items.csv", "links.csv", "matrix.csv", "cascade.xlsx",
                "cascade.db", "cascade.graphml", "cascade.json"}
ISSUERS = {"central": "BAN TUYÊN GIÁO", "province": "BAN TUYÊN GIÁO", "d1": "HUYỆN ỦY ĐỒNG PHÚ",
           "d2": "HUYỆN ỦY BÙ ĐĂNG", "d3": "HUYỆN ỦY LỘC NINH", "c1": "ĐẢNG ỦY XÃ TÂN PHÚ",
           "c2": "ĐẢNG ỦY XÃ THỌ SƠN", "unrelated": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"}


def analyse(*args: object):
    return runner.invoke(app, ["analyse", *(str(a) for a in args)])


def snapshot(root: Path) -> dict[str, tuple[bytes | None, int]]:
    """Every file (bytes, mtime) and folder (mtime) under root, by relative path."""
    out: dict[str, tuple[bytes | None, int]] = {".": (None, root.stat().st_mtime_ns)}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames:
            p = Path(dirpath, name)
            out[p.relative_to(root).as_posix() + "/"] = (None, p.stat().st_mtime_ns)
        for name in filenames:
            p = Path(dirpath, name)
            out[p.relative_to(root).as_posix()] = (p.read_bytes(), p.stat().st_mtime_ns)
    return out


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def visible_files(folder: Path) -> set[str]:
    """Report files, relative, without the hidden marker."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*")
            if p.is_file() and not p.name.startswith(".")}


@dataclass
class Run:
    root: Path
    roles: dict[str, str]
    out: Path
    result: Result
    before: dict
    after: dict

    @property
    def rows(self) -> dict[str, dict[str, str]]:
        return {r["path"]: r for r in read_csv(self.out / "letters.csv")}

    def row(self, role: str) -> dict[str, str]:
        return self.rows[self.roles[role]]


def _run(root: Path, roles: dict[str, str], out: Path, jobs: int) -> Run:
    before = snapshot(root)
    result = analyse(root, "-o", out, "--jobs", jobs)
    return Run(root, roles, out, result, before, snapshot(root))


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    tmp = tmp_path_factory.mktemp("analyse")
    root, roles = build_cascade_folder(tmp)
    return _run(root, roles, tmp / "report", 1)


@pytest.fixture(scope="module")
def run_pool(run: Run) -> Run:
    """The same folder analysed again with two worker processes (parsing and linking in a pool)."""
    return _run(run.root, run.roles, run.root.parent / "report-pool", 2)


def expected_pairs(roles: dict[str, str]) -> set[tuple[str, str]]:
    return {(roles[parent], roles[child]) for child, parent in PARENT_OF.items()}


# --- the run -------------------------------------------------------------------------------------


def test_exit_code_is_1_when_some_files_fail_and_every_report_is_still_written(run: Run):
    # One rule for parse, link and analyse (README): any failed file makes the exit code 1.
    assert run.result.exit_code == 1, run.result.output
    assert (run.out / "index.html").is_file()


def test_failures_are_listed_on_stderr(run: Run):
    err = run.result.stderr
    assert f"{len(BROKEN)} of {len(PATHS)} files failed:" in err
    for role in BROKEN:
        line = next((ln for ln in err.splitlines() if ln.strip().startswith(run.roles[role] + ":")), None)
        assert line is not None, f"{run.roles[role]} not listed on stderr:\n{err}"
    assert "8 letters parsed" in err
    assert "6 parent→child pairs linked" in err
    assert run.result.stdout == ""


def test_input_folder_is_never_written_to(run: Run):
    assert run.after == run.before
    assert not [p.name for p in run.root.parent.iterdir() if p.name.startswith(".")]  # no staging left


# --- the tree ------------------------------------------------------------------------------------


def test_letters_csv_has_every_file_once(run: Run):
    rows = read_csv(run.out / "letters.csv")
    assert list(rows[0])[: len(LETTERS_COLUMNS)] == LETTERS_COLUMNS
    assert sorted(r["path"] for r in rows) == sorted(run.roles.values())


@pytest.mark.parametrize("role", PARSED)
def test_header_fields(run: Run, role: str):
    row = run.row(role)
    assert row["status"] == "parsed"
    assert row["error"] == ""
    assert row["symbol"] == SYMBOLS[role]
    assert row["date"] == DATES[role]
    assert row["issuer"] == ISSUERS[role]


@pytest.mark.parametrize("role", list(TIERS))
def test_tiers(run: Run, role: str):
    assert run.row(role)["tier"] == TIERS[role]


def test_central_is_the_root(run: Run):
    row = run.row("central")
    assert row["parents"] == ""
    assert row["citation_status"] == "none"
    children = {p for p, r in run.rows.items() if run.roles["central"] in r["parents"].split(";")}
    assert children == {run.roles["province"]}


def test_province_cites_central_exactly(run: Run):
    row = run.row("province")
    assert row["parents"] == run.roles["central"]
    assert row["parent_evidence"] == "citation"
    assert row["citation_status"] == "exact"
    assert float(row["confidence"]) == 1.0
    assert "8371-CV/BTGTW" in row["cited"]


def test_d1_wrong_number_is_a_near_citation(run: Run):
    row = run.row("d1")
    assert row["parents"] == run.roles["province"]
    assert row["parent_evidence"] == "near-citation"
    assert row["citation_status"] == "near"
    assert row["cited"] == "1382-CV/BTGTU"
    assert 0.5 <= float(row["confidence"]) < 1.0
    assert "near-citation" in row["flags"]
    assert "copied-from-sibling" not in row["flags"]  # D1 is the earlier letter: D3 copied it


def test_d2_without_citation_is_found_by_content(run: Run):
    row = run.row("d2")
    assert row["parents"] == run.roles["province"]
    assert row["parent_evidence"] == "content"
    assert row["citation_status"] == "none"
    assert row["cited"] == ""
    assert 0.3 <= float(row["confidence"]) <= 1.0
    assert "copied-from-sibling" not in row["flags"]


def test_d3_is_flagged_as_copied_from_d1(run: Run):
    row = run.row("d3")
    assert row["parents"] == run.roles["province"]
    assert row["parent_evidence"] == "citation"
    assert row["citation_status"] == "exact"
    flags = [f for f in row["flags"].split(";") if f.startswith("copied-from-sibling")]
    assert len(flags) == 1, row["flags"]
    assert run.roles["d1"] in flags[0]
    assert run.roles["d2"] not in flags[0]


@pytest.mark.parametrize("role", COMMUNES)
def test_communes_hang_under_their_districts(run: Run, role: str):
    row = run.row(role)
    assert row["parents"] == run.roles[PARENT_OF[role]]
    assert row["parent_evidence"] == "citation"
    assert row["citation_status"] == "exact"


def test_unrelated_letter_stands_alone(run: Run):
    rows = run.rows
    me = run.roles["unrelated"]
    assert rows[me]["parents"] == ""
    assert rows[me]["flags"] == ""
    assert all(me not in r["parents"].split(";") for r in rows.values())
    links = read_csv(run.out / "links.csv")
    assert all(me not in (ln["parent_path"], ln["child_path"]) for ln in links)


def test_the_whole_tree(run: Run):
    found = {(p, r["path"]) for r in run.rows.values() for p in r["parents"].split(";") if p}
    assert found == expected_pairs(run.roles)


@pytest.mark.parametrize("role", BROKEN)
def test_broken_files_are_failed_with_a_reason(run: Run, role: str):
    row = run.row(role)
    assert row["status"] == "failed"
    reason = {"empty": "empty", "corrupt": "corrupt", "pdf": "PDF"}[role]
    assert reason in row["error"]
    assert row["parents"] == row["symbol"] == row["citation_status"] == ""


# --- the report files -----------------------------------------------------------------------------


def test_every_report_file_is_written(run: Run):
    files = visible_files(run.out)
    assert files >= REPORT_FILES
    pairs = {f for f in files if f.startswith("pairs/")}
    assert files == REPORT_FILES | pairs


def test_one_html_and_one_docx_per_pair(run: Run):
    names = pair_names(sorted(expected_pairs(run.roles)))
    htmls = {p.stem for p in (run.out / "pairs").glob("*.html")}
    docxs = {p.stem for p in (run.out / "pairs").glob("*.docx")}
    assert htmls == docxs == set(names.values())
    assert len(htmls) == len(PARENT_OF)
    for stem in htmls:
        assert (run.out / "pairs" / f"{stem}.html").read_text(encoding="utf-8").lstrip().startswith("<!DOCTYPE html>")
        assert (run.out / "pairs" / f"{stem}.docx").read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("name", ["letters.csv", "items.csv", "links.csv"])
def test_csvs_start_with_the_utf8_bom(run: Run, name: str):
    data = (run.out / name).read_bytes()
    assert data.startswith(BOM)
    assert not data[3:].startswith(BOM)
    data.decode("utf-8")


def test_links_csv(run: Run):
    links = read_csv(run.out / "links.csv")
    assert list(links[0])[: len(LINKS_COLUMNS)] == LINKS_COLUMNS
    assert {(ln["parent_path"], ln["child_path"]) for ln in links} == expected_pairs(run.roles)
    units = {(r["path"], r["unit"]) for r in read_csv(run.out / "items.csv")}
    for ln in links:
        assert (ln["parent_path"], ln["parent_unit"]) in units
        assert (ln["child_path"], ln["child_unit"]) in units
        assert ln["relation"] in {"kept", "localised", "trimmed", "expanded", "modified"}
        assert 0.0 <= float(ln["similarity"]) <= 1.0
        assert 0.0 <= float(ln["kept_share"]) <= 1.0


def test_links_csv_shows_what_each_tier_did(run: Run):
    links = read_csv(run.out / "links.csv")

    def rel(parent: str, child: str, unit: str) -> str:
        return next(ln["relation"] for ln in links if (ln["parent_path"], ln["child_path"], ln["child_unit"])
                    == (run.roles[parent], run.roles[child], unit))

    assert rel("central", "province", "2/1") == "trimmed"  # "nhất là cán bộ lãnh đạo …" left out
    assert rel("central", "province", "4") == "kept"
    assert rel("province", "d2", "1") == "localised"  # của tỉnh → của huyện
    province_6 = [ln for ln in links if ln["child_path"] == run.roles["province"] and ln["child_unit"] == "6"]
    assert province_6 == []  # the provincial letter's own item comes from nowhere


def test_items_csv_covers_every_parsed_letter(run: Run):
    items = read_csv(run.out / "items.csv")
    assert {r["path"] for r in items} == {run.roles[r] for r in PARSED}
    keys = [(r["path"], r["unit"]) for r in items]
    assert len(keys) == len(set(keys))
    central = [r["unit"] for r in items if r["path"] == run.roles["central"] and r["kind"] == "item"]
    assert central == ["1", "2", "3", "4", "5", "6"]


def _letter_graph(g: nx.DiGraph) -> tuple[set[str], set[tuple[str, str]]]:
    letters = {n for n, d in g.nodes(data=True) if d.get("kind") == "letter"}
    edges = {(c, p) for c, p, d in g.edges(data=True)
             if d.get("kind") == "derived_from" and c in letters and p in letters}
    return letters, edges


def test_graphml_reads_back(run: Run):
    g = nx.read_graphml(run.out / "cascade.graphml")
    letters, edges = _letter_graph(g)
    assert letters == {run.roles[r] for r in PARSED}
    assert edges == {(c, p) for p, c in expected_pairs(run.roles)}


def test_node_link_json_reads_back(run: Run):
    data = json.loads((run.out / "cascade.json").read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="links")
    letters, edges = _letter_graph(g)
    assert letters == {run.roles[r] for r in PARSED}
    assert edges == {(c, p) for p, c in expected_pairs(run.roles)}
    assert set(g.nodes) == set(nx.read_graphml(run.out / "cascade.graphml").nodes)


def test_report_md_names_every_letter_and_failure(run: Run):
    md = (run.out / "report.md").read_text(encoding="utf-8")
    assert md.startswith("# Phân tích truyền đạt văn bản")
    plain = md.replace("\\", "")  # Markdown escapes aside (see the next test)
    for role in (*PARSED, *BROKEN):
        assert run.roles[role] in plain, role
    assert "sao chép từ văn bản cùng cấp" in plain  # copied-from-sibling, in the report's language
    assert "trích dẫn gần đúng" in plain  # near-citation
    assert "copied-from-sibling" not in plain


def test_report_md_code_spans_render_the_paths_verbatim(run: Run):
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(
        (run.out / "report.md").read_text(encoding="utf-8"))
    for role in (*PARSED, *BROKEN):
        assert f"<code>{run.roles[role]}</code>" in html, role


def test_index_html_is_vietnamese_by_default(run: Run):
    html = (run.out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="vi">' in html
    for text in ("Phân tích truyền đạt văn bản", "Cây văn bản", "Tệp không đọc được"):
        assert text in html


# --- the process pool -----------------------------------------------------------------------------


def test_jobs_2_gives_the_same_reports(run: Run, run_pool: Run):
    assert run_pool.result.exit_code == 1, run_pool.result.output
    assert run_pool.after == run_pool.before
    assert visible_files(run_pool.out) == visible_files(run.out)
    for name in ("letters.csv", "links.csv", "items.csv", "matrix.csv", "report.md", "index.html", "cascade.json"):
        assert (run_pool.out / name).read_bytes() == (run.out / name).read_bytes(), name
    for page in (run.out / "pairs").glob("*.html"):
        assert (run_pool.out / "pairs" / page.name).read_bytes() == page.read_bytes(), page.name


# --- where the reports go -------------------------------------------------------------------------


@pytest.mark.parametrize("inside", [".", "report", "tinh/report", ".hidden-report"])
def test_output_inside_the_analysed_folder_is_refused(tmp_path: Path, inside: str):
    root, _ = build_cascade_folder(tmp_path)
    before = snapshot(root)
    result = analyse(root, "-o", root / inside, "--jobs", 1)
    assert result.exit_code == 1
    assert "inside the analysed folder" in result.stderr
    assert "never written to" in result.stderr
    assert snapshot(root) == before


def test_existing_folder_that_is_not_a_report_is_not_replaced(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.docx").write_bytes(b"precious")
    before = snapshot(mine)
    result = analyse(root, "-o", mine, "--jobs", 1)
    assert result.exit_code == 1
    assert "not a cascade report folder" in result.stderr
    assert snapshot(mine) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters", "my-documents"]  # no staging left


def test_existing_file_as_output_is_refused(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    target = tmp_path / "report"
    target.write_text("not a folder", encoding="utf-8")
    result = analyse(root, "-o", target, "--jobs", 1)
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "not a folder"


def test_rerun_into_an_existing_report_folder_replaces_it(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    out = tmp_path / "report"
    first = analyse(root, "-o", out, "--jobs", 1)
    assert first.exit_code == 1, first.output
    assert (out / "pairs").is_dir()
    second = analyse(root, "-o", out, "--jobs", 1, "--format", "csv")
    assert second.exit_code == 1, second.output
    assert visible_files(out) == {"letters.csv", "items.csv", "links.csv", "matrix.csv"}  # replaced as a whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters", "report"]  # no staging or old copy left


def test_empty_existing_folder_is_a_fine_destination(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    out = tmp_path / "empty"
    out.mkdir()
    result = analyse(root, "-o", out, "--jobs", 1, "-f", "md")
    assert result.exit_code == 1, result.output
    assert visible_files(out) == {"report.md"}


def test_report_folder_holding_the_analysed_folder_is_not_replaced(tmp_path: Path):
    out = tmp_path / "report"
    assert analyse("-o", out, "--jobs", 1).exit_code == 0  # a genuine report folder (of the samples)
    root, _ = build_cascade_folder(out)  # the letters are then kept inside it
    before = snapshot(root)
    result = analyse(root, "-o", out, "--jobs", 1)
    assert root.is_dir(), "the analysed letters were deleted"
    assert snapshot(root) == before
    assert result.exit_code == 1


def test_an_earlier_report_inside_the_tree_is_not_read_as_letters(tmp_path: Path):
    root, roles = build_cascade_folder(tmp_path)
    old = tmp_path / "old"
    assert analyse(root, "-o", old, "--jobs", 1).exit_code == 1
    shutil.copytree(old, root / "bao-cao-cu")  # someone filed last month's report with the letters
    out = tmp_path / "new"
    result = analyse(root, "-o", out, "--jobs", 1, "-f", "csv")
    assert result.exit_code == 1, result.output
    paths = {r["path"] for r in read_csv(out / "letters.csv")}
    assert paths == set(roles.values())


# --- options --------------------------------------------------------------------------------------


def test_format_subset_writes_only_those(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    out = tmp_path / "report"
    result = analyse(root, "-o", out, "--jobs", 1, "--format", "csv,md")
    assert result.exit_code == 1, result.output
    assert visible_files(out) == {"letters.csv", "items.csv", "links.csv", "matrix.csv", "report.md"}
    assert {p.name for p in out.iterdir()} - visible_files(out) == {".cascade-report"}


@pytest.mark.parametrize("bad", ["pdf", "csv,pdf", ","])
def test_unknown_format_is_a_usage_error(tmp_path: Path, bad: str):
    root, _ = build_cascade_folder(tmp_path)
    result = analyse(root, "-o", tmp_path / "report", "--format", bad)
    assert result.exit_code == 2
    assert "--format" in result.output
    assert not (tmp_path / "report").exists()


def test_lang_en_gives_english_labels(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    out = tmp_path / "report"
    result = analyse(root, "-o", out, "--jobs", 1, "--lang", "en", "-f", "html,md")
    assert result.exit_code == 1, result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    for text in ("Cascade analysis", "Cascade tree", "Files that failed", "Parent items × child letters",
                 "Local additions", "Province", "District", "Commune"):
        assert text in html, text
    for text in ("Cây văn bản", "Tệp không đọc được", "Nội dung bổ sung của địa phương"):
        assert text not in html, text
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# Cascade analysis")


def test_unknown_lang_is_a_usage_error(tmp_path: Path):
    root, _ = build_cascade_folder(tmp_path)
    result = analyse(root, "-o", tmp_path / "report", "--lang", "fr")
    assert result.exit_code == 2
    assert not (tmp_path / "report").exists()


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_pair_pages_follow_lang(tmp_path: Path, lang: str):
    root, _ = build_cascade_folder(tmp_path)
    out = tmp_path / "report"
    assert analyse(root, "-o", out, "--jobs", 1, "--lang", lang, "-f", "pairs").exit_code == 1
    page = next((out / "pairs").glob("*.html")).read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in page
    if lang == "vi":
        assert "Parent item" not in page
        assert "Local additions in the child" not in page


def test_no_folder_analyses_the_bundled_samples(tmp_path: Path, samples_dir: Path):
    before = snapshot(samples_dir)
    out = tmp_path / "out"
    result = analyse("-o", out, "--jobs", 1)
    assert result.exit_code == 0, result.output
    rows = {r["path"]: r for r in read_csv(out / "letters.csv")}
    assert set(rows) == {"province_1383-CV-BTGTU.txt", "district_implementing_1383.txt"}
    district = rows["district_implementing_1383.txt"]
    assert district["parents"] == "province_1383-CV-BTGTU.txt"
    assert district["parent_evidence"] == "near-citation"  # it cites 1232-CV/BTGTU of 23/5/2024
    assert len(list((out / "pairs").glob("*.docx"))) == 1
    assert snapshot(samples_dir) == before


def test_folder_with_no_letters_is_an_error(tmp_path: Path):
    folder = tmp_path / "media"
    (folder / "sub").mkdir(parents=True)
    (folder / "bai-hat.mp3").write_bytes(b"ID3\x04\x00")  # images are read now (scans); sound never
    (folder / "sub" / "bang-tinh.xlsx").write_bytes(b"PK\x03\x04")
    (folder / ".an.txt").write_text("hidden", encoding="utf-8")
    result = analyse(folder, "-o", tmp_path / "out", "--jobs", 1)
    assert result.exit_code == 1
    assert "no letters found (looked for .txt, .docx" in result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_folder_is_an_error(tmp_path: Path):
    result = analyse(tmp_path / "nowhere", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "not a folder" in result.stderr


def test_folder_where_nothing_parses_is_an_error(tmp_path: Path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "rong.txt").write_bytes(b"")
    (folder / "ban-scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    result = analyse(folder, "-o", tmp_path / "out", "--jobs", 1)
    assert "2 of 2 files failed" in result.stderr
    assert result.exit_code == 1
