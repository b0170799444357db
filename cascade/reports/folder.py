"""Write every report of a folder analysis: index.html, pairs/*.html, pairs/*.docx, report.md,
letters.csv, items.csv, links.csv, cascade.graphml, cascade.json.

Everything is written into a fresh folder beside the destination and moved into place at the end, so
a failed run never leaves a half-written report, and an existing folder that is not a cascade report
is never replaced."""

import csv
import io
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from cascade.analysis import FolderAnalysis, Pair
from cascade.graph import write_graph_json, write_graphml
from cascade.reports.docx_redline import render_docx
from cascade.reports.folder_html import render_index
from cascade.reports.folder_markdown import render_report_md
from cascade.reports.html import render_html
from cascade.reports.safe import safe_cell
from cascade.units import letter_units
from models import CascadeError, Letter, LinkResult
from models.corpus import REPORT_MARKER as MARKER

FORMATS = ("html", "pairs", "docx", "md", "csv", "graph")


class OutputError(CascadeError):
    """The report folder cannot be written where asked."""


def slug(text: str) -> str:
    """ASCII file-name fragment: diacritics dropped, đ→d, other characters to '_'."""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return re.sub(r"[^A-Za-z0-9.-]+", "_", plain).strip("_.")[:80] or "letter"


def pair_names(pairs: list[Pair]) -> dict[Pair, str]:
    """A unique, readable file stem per pair: CHILD__from__PARENT."""
    names: dict[Pair, str] = {}
    used: set[str] = set()
    for pair in pairs:
        child, parent = (slug(Path(p).with_suffix("").as_posix()) for p in (pair[1], pair[0]))
        base = f"{child}__from__{parent}"
        name, k = base, 2
        while name.lower() in used:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        names[pair] = name
    return names


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)  # no cell is ever a formula
    return "\ufeff" + buffer.getvalue()  # UTF-8 BOM: Excel then shows Vietnamese correctly


def letters_csv(analysis: FolderAnalysis) -> str:
    rows: list[list[object]] = [["path", "status", "error", "symbol", "date", "issuer", "tier", "parents",
                                 "parent_evidence", "confidence", "citation_status", "cited", "flags", "subject"]]
    for node in analysis.nodes.values():
        rows.append([
            node.path, node.status, node.error or "", node.symbol or "", node.date or "", node.issuer or "",
            node.tier.value, ";".join(p.parent for p in node.parents),
            ";".join(p.evidence.value for p in node.parents), ";".join(f"{p.confidence:.3f}" for p in node.parents),
            node.citation_status.value if node.status == "parsed" else "", ";".join(node.cited),
            ";".join(node.flags), node.subject or "",
        ])
    return _csv(rows)


def items_csv(analysis: FolderAnalysis) -> str:
    rows: list[list[object]] = [["path", "unit", "item", "kind", "text"]]
    for path, letter in analysis.letters.items():
        for unit in letter_units(letter):
            kind = unit.zone if unit.zone != "item" else ("item" if unit.is_item else "block")
            rows.append([path, unit.id, unit.item, kind, unit.text])
    return _csv(rows)


def links_csv(analysis: FolderAnalysis) -> str:
    rows: list[list[object]] = [["parent_path", "parent_unit", "child_path", "child_unit", "relation", "similarity",
                                 "kept_share", "added_share", "split", "merged", "moved", "strength", "score"]]
    for (parent, child), result in analysis.pairs.items():
        for link in result.links:
            rows.append([parent, link.parent, child, link.child, link.relation.value, f"{link.similarity:.4f}",
                         f"{link.kept_share:.4f}", f"{link.added_share:.4f}", int(link.split), int(link.merged),
                         int(link.moved), link.strength.value, f"{link.score:.4f}"])
    return _csv(rows)


def _prepare_destination(out_dir: Path, analysed: Path) -> None:
    out = out_dir.resolve()
    blocker = _blocking_file(out)
    if blocker is not None:
        raise OutputError(f"{out_dir}: cannot be written, {blocker} is a file, not a folder")
    root = analysed.resolve()
    if out == root or root in out.parents:
        raise OutputError(f"{out_dir}: the report folder is inside the analysed folder {analysed}, which is "
                          "never written to; choose another -o")
    if out in root.parents:
        raise OutputError(f"{out_dir}: the analysed folder {analysed} is inside this report folder, which would "
                          "be replaced; choose another -o")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise OutputError(f"{out_dir}: exists and is not a cascade report folder; refusing to replace it "
                          "(choose another -o or remove it)")


def _blocking_file(out: Path) -> Path | None:
    """The nearest existing ancestor of `out` if it is not a folder (then `out` cannot be made)."""
    for parent in out.parents:
        if parent.exists():
            return None if parent.is_dir() else parent
    return None


_STAGING = ".cascade-"  # staging folders: .NAME.cascade-PID-XXXX beside the report folder


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, another user's
    return True


def _sweep_leftovers(out_dir: Path) -> None:
    """Remove what a run killed while writing left beside `out_dir`: staging folders, and the old
    report it was about to delete, of runs whose process is gone. Only cascade report folders (with
    the marker file) are touched."""
    pattern = re.compile(rf"^\.{re.escape(out_dir.name)}\.(?:old-\.{re.escape(out_dir.name)}\.)?"
                         rf"{re.escape(_STAGING[1:])}(\d+)-")
    try:
        entries = list(out_dir.parent.iterdir())
    except OSError:
        return
    for entry in entries:
        m = pattern.match(entry.name)
        if m and not _pid_alive(int(m.group(1))) and entry.is_dir() and not entry.is_symlink() \
                and (entry / MARKER).is_file():
            shutil.rmtree(entry, ignore_errors=True)


@dataclass(frozen=True)
class PairPages:
    """What a worker needs to write one pair's page and Word file straight into the report folder being
    built, as soon as the pair is linked (so no link result with its diffs is held for the end)."""

    staging: str
    wanted: tuple[str, ...]  # among "pairs", "docx"
    lang: str

    def write(self, result: LinkResult, name: str, title: str) -> list[str]:
        written = []
        for rel, content in self.render(result, name, title):
            path = Path(self.staging) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            written.append(rel)
        return written

    def render(self, result: LinkResult, name: str, title: str) -> list[tuple[str, str | bytes]]:
        files: list[tuple[str, str | bytes]] = []
        if "pairs" in self.wanted:
            files.append((f"pairs/{name}.html", render_html(result, title=title, lang=self.lang)))
        if "docx" in self.wanted:
            files.append((f"pairs/{name}.docx", render_docx(result, self.lang)))
        return files


def pair_title(pair: Pair) -> str:
    return f"{pair[0]} → {pair[1]}"


class FolderReportWriter:
    """The report folder as an incremental sink: opened before linking (a staging folder beside the
    destination), each pair's files added as soon as the pair is linked (`pages` writes them from the
    link workers; `add_pair` from here), and `finish` writes the overview — index.html, report.md, the
    CSVs, the graph — from the letters, the nodes and the links without their diffs, then moves the
    folder into place. A failed run leaves nothing behind (`abort`)."""

    def __init__(self, out_dir: Path, analysed: Path, pairs: list[Pair], formats: tuple[str, ...] = FORMATS,
                 lang: str = "vi") -> None:
        unknown = sorted(set(formats) - set(FORMATS))
        if unknown:
            raise ValueError(f"formats must be among {list(FORMATS)}, got {unknown}")
        _prepare_destination(out_dir, analysed)
        if out_dir.is_symlink():  # replace the folder the link points to, and keep the link
            out_dir = out_dir.resolve()
        try:
            out_dir.parent.mkdir(parents=True, exist_ok=True)
            _sweep_leftovers(out_dir)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_STAGING}{os.getpid()}-",
                                                 dir=out_dir.parent))
            self.staging.chmod(0o755)
            (self.staging / MARKER).write_text("written by cascade analyse\n", encoding="utf-8")
        except OSError as e:
            raise OutputError(f"{out_dir}: cannot be written ({e.strerror or e})") from e
        self.out_dir, self.formats, self.lang = out_dir, formats, lang
        self.names = pair_names(pairs)
        wanted = tuple(f for f in ("pairs", "docx") if f in formats)
        self.pages = PairPages(str(self.staging), wanted, lang) if wanted else None
        self.written: list[Path] = []

    def added(self, rels: list[str]) -> None:
        """Files a worker wrote into the staging folder."""
        self.written += [self.out_dir / rel for rel in rels]

    def add_pair(self, pair: Pair, result: LinkResult) -> None:
        if self.pages is not None:
            self.added(self.pages.write(result, self.names[pair], pair_title(pair)))

    def put(self, rel: str, content: str | bytes) -> None:
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        self.written.append(self.out_dir / rel)

    def open_file(self, rel: str) -> TextIO:
        """A text file of the report to write as it goes."""
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        self.written.append(self.out_dir / rel)
        return open(path, "w", encoding="utf-8")

    def finish(self, analysis: FolderAnalysis) -> list[Path]:
        try:
            _write_overview(analysis, self.names, self.formats, self.lang, self.put, self.open_file)
            _swap_into_place(self.staging, self.out_dir)
        except OSError as e:
            self.abort()
            raise OutputError(f"{self.out_dir}: cannot be written ({e.strerror or e})") from e
        except BaseException:
            self.abort()
            raise
        return self.written

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def write_folder_reports(analysis: FolderAnalysis, out_dir: Path, analysed: Path, formats: tuple[str, ...] = FORMATS,
                         lang: str = "vi", on_file: Callable[[str], None] | None = None) -> list[Path]:
    """Write the chosen reports of an analysis whose link results are all at hand (with their diffs)
    into `out_dir` (replaced as a whole) and return their paths. A folder run streams instead
    (`FolderReportWriter` fed by `cascade.analysis.analyse_letters`)."""
    writer = FolderReportWriter(out_dir, analysed, list(analysis.pairs), formats, lang)
    try:
        for pair, result in analysis.pairs.items():
            writer.add_pair(pair, result)
            if on_file:
                on_file(writer.names[pair])
    except BaseException:
        writer.abort()
        raise
    return writer.finish(analysis)


def _write_overview(analysis: FolderAnalysis, names: dict[Pair, str], formats: tuple[str, ...], lang: str,
                    put: Callable[[str, str | bytes], None], open_file: Callable[[str], TextIO]) -> None:
    if "html" in formats:
        put("index.html", render_index(analysis, names, lang, with_pairs="pairs" in formats))
    if "md" in formats:
        put("report.md", render_report_md(analysis, lang))
    if "csv" in formats:
        put("letters.csv", letters_csv(analysis))
        put("items.csv", items_csv(analysis))
        put("links.csv", links_csv(analysis))
    if "graph" in formats:
        # streamed node by node: a province's graph has hundreds of thousands of unit nodes
        def letters() -> Iterable[tuple[str, Letter]]:
            return analysis.letters.items()

        def results() -> Iterable[tuple[str, str, LinkResult]]:
            return ((p, c, r) for (p, c), r in analysis.pairs.items())

        with open_file("cascade.graphml") as out:
            write_graphml(out, letters(), results())
        with open_file("cascade.json") as out:
            write_graph_json(out, letters, results)


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{staging.name}")
        out_dir.rename(old)
    staging.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
