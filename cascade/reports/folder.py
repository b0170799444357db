"""Write every report of a folder analysis: index.html, pairs/*.html, pairs/*.docx, report.md,
letters.csv, items.csv, links.csv, matrix.csv, cascade.xlsx, cascade.db, cascade.graphml, cascade.json.

The verdicts of each pair are judged once (cascade.verdicts) and handed to every writer. The
overview writers are incremental sinks (add_letter, add_pair, finish) that keep only small figures.

Everything is written into a fresh folder beside the destination and moved into place at the end, so
a failed run never leaves a half-written report, and an existing folder that is not a cascade report
is never replaced."""

import multiprocessing
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cascade import __version__
from cascade.analysis import FolderAnalysis, Pair
from cascade.graph import GraphWriter, write_graph_json, write_graphml
from cascade.letter_store import LetterStore
from cascade.reports.database import Database
from cascade.reports.docx_redline import render_docx
from cascade.reports.explorer import Explorer
from cascade.reports.folder_markdown import MarkdownReport
from cascade.reports.html import PairNav, render_html
from cascade.reports.sink import ReportSink, RunInfo
from cascade.reports.tables import CsvTables, SharedRows
from cascade.reports.workbook import Workbook
from cascade.verdicts import PairVerdicts, judge
from models import CascadeError, Letter, LinkResult
from models.corpus import REPORT_MARKER as MARKER
from models.corpus import LetterNode

FORMATS = ("html", "pairs", "docx", "md", "csv", "xlsx", "db", "graph")


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


_Job = tuple[LinkResult, PairVerdicts, str, str, tuple[str, ...], str, PairNav]


def _render_pair(job: _Job) -> list[tuple[str, str | bytes]]:
    result, verdicts, name, title, wanted, lang, nav = job
    files: list[tuple[str, str | bytes]] = []
    if "pairs" in wanted:
        files.append((f"pairs/{name}.html", render_html(result, title=title, lang=lang, verdicts=verdicts, nav=nav)))
    if "docx" in wanted:
        files.append((f"pairs/{name}.docx", render_docx(result, lang, verdicts)))
    return files


_RENDER_JOBS: list = []


def _render_nth(k: int) -> list[tuple[str, str | bytes]]:
    return _render_pair(_RENDER_JOBS[k])


class _PairRenderer:
    """Pair pages and Word files rendered in worker processes while this process writes the other
    reports; with fork the workers inherit the link results instead of receiving them pickled."""

    def __init__(self, jobs_list: list, jobs: int | None) -> None:
        self.jobs_list = jobs_list
        self.jobs = max(1, min(jobs or os.cpu_count() or 1, len(jobs_list) or 1))
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Iterator[list[tuple[str, str | bytes]]]:
        global _RENDER_JOBS
        if self.jobs == 1 or len(self.jobs_list) < 8:
            return map(_render_pair, self.jobs_list)
        chunk = max(1, min(16, len(self.jobs_list) // (self.jobs * 4)))
        self.pool = ProcessPoolExecutor(max_workers=self.jobs)
        if multiprocessing.get_start_method() == "fork":
            _RENDER_JOBS = self.jobs_list
            return self.pool.map(_render_nth, range(len(self.jobs_list)), chunksize=chunk)
        return self.pool.map(_render_pair, self.jobs_list, chunksize=chunk)

    def __exit__(self, *exc: object) -> None:
        global _RENDER_JOBS
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        _RENDER_JOBS = []


def write_folder_reports(analysis: FolderAnalysis, out_dir: Path, analysed: Path, formats: tuple[str, ...] = FORMATS,
                         lang: str = "vi", on_file: Callable[[str], None] | None = None,
                         jobs: int | None = None) -> list[Path]:
    """Write the chosen reports into `out_dir` (replaced as a whole) and return their paths."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"formats must be among {list(FORMATS)}, got {unknown}")
    results = _results(analysis)
    _prepare_destination(out_dir, analysed)
    if out_dir.is_symlink():  # replace the folder the link points to, and keep the link
        out_dir = out_dir.resolve()
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        _sweep_leftovers(out_dir)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}{_STAGING}{os.getpid()}-", dir=out_dir.parent))
        staging.chmod(0o755)
    except OSError as e:
        raise OutputError(f"{out_dir}: cannot be written ({e.strerror or e})") from e
    try:
        names = pair_names(list(results))
        verdicts = {pair: judge(result) for pair, result in results.items()}
        written: list[Path] = []

        def put(rel: str, content: str | bytes | None) -> None:
            """Write a file (None: a writer already wrote it) and count it."""
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            elif content is not None:
                path.write_text(content, encoding="utf-8")
            written.append(out_dir / rel)
            if on_file:
                on_file(rel)

        (staging / MARKER).write_text("written by cascade analyse\n", encoding="utf-8")
        wanted = tuple(f for f in ("pairs", "docx") if f in formats)
        ids = {path: k for k, path in enumerate(analysis.nodes)}
        jobs_list = [(result, verdicts[pair], names[pair], f"{pair[0]} → {pair[1]}", wanted, lang,
                      _nav(analysis, pair, names, ids, formats))
                     for pair, result in results.items()] if wanted else []
        with _PairRenderer(jobs_list, jobs) as rendered:
            _write_overview(analysis, results, staging, names, verdicts, formats, lang, put)
            for files in rendered:
                for rel, content in files:
                    put(rel, content)
        _swap_into_place(staging, out_dir)
        return written
    except OSError as e:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"{out_dir}: cannot be written ({e.strerror or e})") from e
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise



@dataclass(frozen=True)
class PairPages:
    """What a worker needs to write one pair's page and Word file straight into the report folder being
    built, as soon as the pair is linked (so no link result with its diffs is held for the end)."""

    staging: str
    wanted: tuple[str, ...]  # among "pairs", "docx"
    lang: str

    def write(self, result: LinkResult, verdicts: PairVerdicts, name: str, title: str, nav: PairNav) -> list[str]:
        written = []
        for rel, content in _render_pair((result, verdicts, name, title, self.wanted, self.lang, nav)):
            path = Path(self.staging) / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
            written.append(rel)
        return written


@dataclass
class FolderReportWriter:
    """The report folder as an incremental sink of a folder run, so the main process never holds the
    link results: opened once the parents are found (a staging folder beside the destination, the
    overview sinks — explorer, Markdown, CSVs, workbook, database — and the graph files), every
    letter's rows written when the first pair comes back (`write_letters`); each pair's page and
    Word file written by the worker that linked it (`pages`, with the pair's verdicts judged there,
    where the diffs are), and the pair's rows handed to the sinks as it comes back (`linked`, in the
    order of `pairs`); `finish` closes the sinks and moves the folder into place. A failed run
    leaves nothing behind (`abort`)."""

    out_dir: Path
    analysed: Path
    pairs: list[Pair]
    nodes: dict[str, LetterNode]
    letters: Mapping[str, Letter]  # the parsed letters, by relative path
    formats: tuple[str, ...] = FORMATS
    lang: str = "vi"
    on_file: Callable[[str], None] | None = None
    names: dict[Pair, str] = field(default_factory=dict)
    navs: dict[Pair, PairNav] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    pages: PairPages | None = None

    def __post_init__(self) -> None:
        unknown = sorted(set(self.formats) - set(FORMATS))
        if unknown:
            raise ValueError(f"formats must be among {list(FORMATS)}, got {unknown}")
        _prepare_destination(self.out_dir, self.analysed)
        if self.out_dir.is_symlink():  # replace the folder the link points to, and keep the link
            self.out_dir = self.out_dir.resolve()
        try:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            _sweep_leftovers(self.out_dir)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}{_STAGING}{os.getpid()}-",
                                                 dir=self.out_dir.parent))
            self.staging.chmod(0o755)
            (self.staging / MARKER).write_text("written by cascade analyse\n", encoding="utf-8")
        except OSError as e:
            raise OutputError(f"{self.out_dir}: cannot be written ({e.strerror or e})") from e
        self.names = pair_names(self.pairs)
        probe = FolderAnalysis(root=str(self.analysed), letters={}, nodes=self.nodes)
        ids = {path: k for k, path in enumerate(self.nodes)}
        self.navs = {pair: _nav(probe, pair, self.names, ids, self.formats) for pair in self.pairs}
        wanted = tuple(f for f in ("pairs", "docx") if f in self.formats)
        self.pages = PairPages(str(self.staging), wanted, self.lang)
        self.graph: GraphWriter | None = None
        self.letters_written = False
        with self._aborting():
            self.sinks = _open_sinks(self.staging, self.formats, self.lang)

    def write_letters(self) -> None:
        """Every letter's rows to the overview sinks and the graph, once, before the first pair's
        rows. Called when the first pair comes back rather than when the folder opens, so the link
        workers are already at work while this process writes them; the letters are released after
        (linking opens each from its packed form)."""
        if self.letters_written:
            return
        self.letters_written = True
        with self._aborting():
            in_order = [p for p in self.nodes if p in self.letters] == list(self.letters)
            self.graph = _open_graph(self.staging, self.formats, self.letters if not in_order else None)
            for path, node in self.nodes.items():
                letter = self.letters.get(path)
                for sink in self.sinks:
                    sink.add_letter(node, letter)
                if in_order and letter is not None and self.graph is not None:
                    self.graph.add_letter(path, letter)  # each letter opened once, for the sinks and the graph
            if self.graph is not None:
                self.graph.end_letters()
        if isinstance(self.letters, LetterStore):
            self.letters.release()

    def linked(self, pair: Pair, result: LinkResult, verdicts: PairVerdicts, files: list[str]) -> None:
        """A pair is linked: the files its worker wrote into the staging folder are counted, and its
        rows go to the overview sinks and the graph, so `result` need not be kept."""
        self.write_letters()
        self.added(files)
        for sink in self.sinks:
            sink.add_pair(pair, result, verdicts)
        if self.graph is not None:
            self.graph.add_pair(pair[0], pair[1], result)

    def added(self, rels: list[str]) -> None:
        """Files a worker wrote into the staging folder."""
        for rel in rels:
            self.written.append(self.out_dir / rel)
            if self.on_file:
                self.on_file(rel)

    def put(self, rel: str, content: str | bytes | None) -> None:
        """Write a file (None: a writer already wrote it) and count it."""
        path = self.staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif content is not None:
            path.write_text(content, encoding="utf-8")
        self.added([rel])

    def finish(self, analysis: FolderAnalysis) -> list[Path]:
        """Close the overview sinks and the graph (every pair has been handed over by `linked`) and
        move the folder into place."""
        self.write_letters()
        with self._aborting():
            run = RunInfo(root=analysis.root, nodes=self.nodes, names=self.names, formats=self.formats,
                          lang=self.lang, version=__version__, files=overview_files(self.formats))
            for sink in self.sinks:
                for rel in sink.finish(run):
                    self.put(rel, None)
            if self.graph is not None:
                self.graph.close()
                self.graph = None
                self.put("cascade.graphml", None)
                self.put("cascade.json", None)
            _swap_into_place(self.staging, self.out_dir)
        return self.written

    @contextmanager
    def _aborting(self) -> Iterator[None]:
        """A failed write leaves no half-written folder: the staging folder is removed and the
        user's folder is left as it was."""
        try:
            yield
        except OSError as e:
            self.abort()
            raise OutputError(f"{self.out_dir}: cannot be written ({e.strerror or e})") from e
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        graph = getattr(self, "graph", None)
        if graph is not None:
            graph.close_files()
            self.graph = None
        for sink in getattr(self, "sinks", []):
            if isinstance(sink, Database):
                sink.db.close()
        shutil.rmtree(self.staging, ignore_errors=True)


class _GraphFiles(GraphWriter):
    """The graph writer with the two files it owns."""

    def __init__(self, staging: Path, letters: Mapping[str, Letter] | None) -> None:
        """With `letters`, every letter is written now; without, one at a time (`add_letter`)."""
        self.files = [(staging / name).open("w", encoding="utf-8") for name in ("cascade.graphml", "cascade.json")]
        super().__init__(self.files[0], self.files[1], letters.items if letters is not None else None)

    def close(self) -> None:
        super().close()
        self.close_files()

    def close_files(self) -> None:
        for f in self.files:
            f.close()
        if self._contains is not None:
            self._contains.close()
            self._contains = None


def _open_graph(staging: Path, formats: tuple[str, ...], letters: Mapping[str, Letter] | None
                ) -> _GraphFiles | None:
    return _GraphFiles(staging, letters) if "graph" in formats else None


def _open_sinks(staging: Path, formats: tuple[str, ...], lang: str) -> list[ReportSink]:
    sinks: list[ReportSink] = []
    shared = SharedRows()  # the CSV files and the workbook write the same rows
    if "html" in formats:
        sinks.append(Explorer(staging, lang))
    if "md" in formats:
        sinks.append(MarkdownReport(staging, lang))
    if "csv" in formats:
        sinks.append(CsvTables(staging, shared))
    if "xlsx" in formats:
        sinks.append(Workbook(staging, lang, shared))
    if "db" in formats:
        sinks.append(Database(staging))
    return sinks


def overview_files(formats: tuple[str, ...]) -> list[str]:
    """The overview files a run with these formats writes, in the order the index lists them."""
    out = []
    if "html" in formats:
        out.append(Explorer.NAME)
    if "md" in formats:
        out.append(MarkdownReport.NAME)
    if "xlsx" in formats:
        out.append(Workbook.NAME)
    if "db" in formats:
        out.append(Database.NAME)
    if "csv" in formats:
        out += list(CsvTables.NAMES)
    if "graph" in formats:
        out += ["cascade.graphml", "cascade.json"]
    return out


def _nav(analysis: FolderAnalysis, pair: Pair, names: dict[Pair, str], ids: dict[str, int],
         formats: tuple[str, ...]) -> PairNav:
    parent, child = pair
    index = f"../index.html#m-{ids[parent]}" if "html" in formats else None
    up = [(f"{g} → {parent}", f"{names[(g, parent)]}.html") for g in (p.parent for p in analysis.nodes[parent].parents)
          if (g, parent) in names]
    down = [(f"{child} → {c}", f"{names[(child, c)]}.html") for c in analysis.nodes[child].children
            if (child, c) in names]
    return PairNav(index=index, docx=f"{names[pair]}.docx" if "docx" in formats else None, parents=up, children=down)


def _results(analysis: FolderAnalysis) -> dict[Pair, LinkResult]:
    """The analysis's full link results (an analysis whose reports were written while linking keeps
    only each pair's summary: its reports are already written)."""
    if not all(isinstance(r, LinkResult) for r in analysis.pairs.values()):
        raise ValueError("this analysis wrote its reports while linking and keeps only each pair's summary")
    return {pair: r for pair, r in analysis.pairs.items() if isinstance(r, LinkResult)}


def _write_overview(analysis: FolderAnalysis, results: dict[Pair, LinkResult], staging: Path, names: dict[Pair, str],
                    verdicts: dict[Pair, PairVerdicts], formats: tuple[str, ...], lang: str,
                    put: Callable[[str, str | bytes | None], None]) -> None:
    sinks = _open_sinks(staging, formats, lang)
    for path, node in analysis.nodes.items():
        letter = analysis.letters.get(path)
        for sink in sinks:
            sink.add_letter(node, letter)
    for pair, result in results.items():
        for sink in sinks:
            sink.add_pair(pair, result, verdicts[pair])
    run = RunInfo(root=analysis.root, nodes=analysis.nodes, names=names, formats=formats, lang=lang,
                  version=__version__, files=overview_files(formats))
    for sink in sinks:
        for rel in sink.finish(run):
            put(rel, None)
    if "graph" in formats:
        # streamed node by node: a province's graph has hundreds of thousands of unit nodes
        def letters() -> Iterable[tuple[str, Letter]]:
            return analysis.letters.items()

        def linked() -> Iterable[tuple[str, str, LinkResult]]:
            return ((p, c, r) for (p, c), r in results.items())

        with open(staging / "cascade.graphml", "w", encoding="utf-8") as out:
            write_graphml(out, letters(), linked())
        put("cascade.graphml", None)
        with open(staging / "cascade.json", "w", encoding="utf-8") as out:
            write_graph_json(out, letters, linked)
        put("cascade.json", None)


def _swap_into_place(staging: Path, out_dir: Path) -> None:
    old = None
    if out_dir.exists():
        old = out_dir.with_name(f".{out_dir.name}.old-{staging.name}")
        out_dir.rename(old)
    staging.rename(out_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def report_file_count(pairs: int, formats: tuple[str, ...]) -> int:
    """How many files a run writes (for progress totals)."""
    return len(overview_files(formats)) + pairs * sum(f in formats for f in ("pairs", "docx"))
