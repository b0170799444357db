"""The `cascade` command: wires options to library functions, prints, and sets exit codes."""

import functools
import json
import os
import signal
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from typer.exceptions import TyperException

from cascade.reports.safe import visible
from models import CascadeError, Letter, NodeStatus
from parsers.readers import suffix_list

# Every help text that lists formats comes from the reader registry.
FORMATS_HELP = suffix_list()

if TYPE_CHECKING:
    from cascade.cache import Cache
    from parsers.batch import ParseBudget, ParseOutcome

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: flags without a "<bool>" metavar, examples kept on their lines
    help="Trace how Vietnamese official letters carry a higher tier's items down to lower tiers.",
)
err = Console(stderr=True, highlight=False, emoji=False)


def _say(message: str) -> None:
    """One line on stderr: what came from a file or a file name cannot move the cursor, change
    colours or start a second line (controls are shown as escapes), nor be read as markup."""
    err.print(escape(visible(message)), soft_wrap=True)


def _error(message: str) -> None:
    err.print(f"[red]error:[/red] {escape(visible(message))}", soft_wrap=True)


def _warn(message: str) -> None:
    err.print(f"[yellow]warning:[/yellow] {escape(visible(message))}", soft_wrap=True)


Debug = Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error (a defect of "
                                                    "cascade, to report), not only its one-line summary.")]
ParseTimeout = Annotated[float, typer.Option("--parse-timeout", min=0.1, help="Seconds one file may take to "
                                             "parse before it is stopped and listed as a failure.")]
ParseMemory = Annotated[int, typer.Option("--parse-memory", min=64, help="MiB of memory one file may take to "
                                          "parse before it is stopped and listed as a failure.")]
_F = TypeVar("_F", bound=Callable[..., Any])
# parsers.batch.ParseBudget's defaults, repeated so `--help` need not import the parsers (and spaCy)
PARSE_SECONDS, PARSE_MIB = 60.0, 1536


def _guarded(command: _F) -> _F:
    """A defect of ours ends the command with one line naming it (and, with --debug, the
    traceback) instead of a page of traceback; a file's own fault never gets here."""
    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException):  # usage errors, exit codes: Typer's business
            raise
        except Exception as e:
            _error(f"internal error ({e.__class__.__name__}: {' '.join(str(e).split())}); this is a defect of "
                   "cascade, please report it" + ("" if kwargs.get("debug") else " (--debug shows the traceback)"))
            if kwargs.get("debug"):
                err.print(escape(traceback.format_exc()), soft_wrap=True, highlight=False)
            raise typer.Exit(1) from e
    return run  # type: ignore[return-value]


def _budget(seconds: float, mib: int) -> "ParseBudget":
    from parsers.batch import ParseBudget

    return ParseBudget(seconds=seconds, memory_mib=mib)


def _report_failure(outcome: "ParseOutcome", debug: bool) -> None:
    _error(outcome.error or f"{outcome.path}: unknown error")
    if debug and outcome.traceback:
        err.print(escape(outcome.traceback), soft_wrap=True, highlight=False)


def _version(value: bool) -> None:
    if value:
        from cascade import __version__

        sys.stdout.write(f"cascade {__version__}\n")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", callback=_version,
                                          is_eager=True)] = False,
) -> None:
    """Trace how Vietnamese official letters carry a higher tier's items down to lower tiers.

    Exit codes, for every command: 0 when every input file was read, 1 when any file failed (the
    others are still processed and reported) or nothing could be done, 2 for a usage error.
    """


def _reason(error: str, path: Path) -> str:
    """A failure's reason without the file name in front (the caller names the file once)."""
    for prefix in (f"{path}: ", f"{path.as_posix()}: "):
        if error.startswith(prefix):
            return error[len(prefix):]
    return error


class OutputFormat:
    JSON = "json"
    TEXT = "text"


def _progress(total: int) -> Progress | None:
    """A progress bar on stderr for runs long enough to want one."""
    if total < 5 or not err.is_terminal:
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


class _PageProgress:
    """Page by page progress for a paged source (a scan is OCR'd page by page), shown on stderr once
    the first page is read: a long scan does not look like a hang."""

    def __init__(self) -> None:
        self.progress: Progress | None = None
        self.tasks: dict[Path, TaskID] = {}

    def __call__(self, path: Path, done: int, total: int) -> None:
        if not err.is_terminal:
            return
        if self.progress is None:
            self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                     TimeElapsedColumn(), console=err, transient=True)
            self.progress.start()
        if path not in self.tasks:
            self.tasks[path] = self.progress.add_task(escape(f"pages of {visible(str(path))}"), total=total)
        self.progress.update(self.tasks[path], completed=done, total=total)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


class OutputError(CascadeError):
    """An output file cannot be written where asked."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(out: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output file that would replace one of the inputs (through a link too), a folder,
    or one whose folder does not exist: nothing the user gave is ever overwritten."""
    for path in inputs:
        if _same_file(out, path) or out.resolve() == path.resolve():
            raise OutputError(f"{out}: is one of the input files; refusing to overwrite it (choose another -o)")
    if out.is_dir():
        raise OutputError(f"{out}: is a folder; give a file name")
    parent = out.parent
    if not parent.is_dir():
        what = "is not a folder" if parent.exists() else "does not exist"
        raise OutputError(f"{out}: cannot be written, {parent} {what}")


def _write(text: str, out: Path | None) -> None:
    """stdout, or `out` replaced atomically (a temporary file beside it, then renamed over it)."""
    if out is None:
        sys.stdout.write(text)
        return
    target = out.resolve() if out.is_symlink() else out  # write where the link points, keep the link
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise OutputError(f"{out}: cannot be written ({e.strerror or e})") from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"{out}: cannot be written ({e.strerror or e})") from e
        raise


@app.command()
@_guarded
def parse(
    files: Annotated[list[Path], typer.Argument(help=f"Letters to parse ({FORMATS_HELP}).", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the model) or text (an outline).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    parse_timeout: ParseTimeout = PARSE_SECONDS,
    parse_memory: ParseMemory = PARSE_MIB,
    debug: Debug = False,
) -> None:
    """Parse letters into header, recipients, preamble, numbered items, cc and signature.

    With one file, JSON is the letter object; with several, a list of them. A file that cannot be
    read gets a one-line error on stderr and the others are still parsed; the exit code is 1 then.
    Each file is parsed in a worker process within --parse-timeout and --parse-memory.

    Example: cascade parse samples/province_1383-CV-BTGTU.txt --format text
    """
    from cascade.reports.outline import render_outline
    from parsers.batch import parse_many

    if fmt not in (OutputFormat.JSON, OutputFormat.TEXT):
        raise typer.BadParameter(f"must be one of ['json', 'text'], got {fmt!r}", param_hint="--format")
    if output is not None:
        try:
            check_output(output, files)
        except CascadeError as e:
            _error(str(e))
            raise typer.Exit(1) from e
    progress = _progress(len(files))
    task = progress.add_task("parsing", total=len(files)) if progress else None

    def done(outcome: "ParseOutcome") -> None:
        if outcome.letter is None:
            _report_failure(outcome, debug)
        if progress and task is not None:
            progress.advance(task)

    pages = _PageProgress() if progress is None and err.is_terminal else None  # a few files: show their pages
    if progress:
        progress.start()
    try:
        outcomes = parse_many(list(files), Path("."), jobs=1, on_done=done,
                              budget=_budget(parse_timeout, parse_memory), on_page=pages)
    finally:
        if progress:
            progress.stop()
        if pages:
            pages.stop()
    letters: list[Letter] = [o.letter for o in outcomes if o.letter is not None]
    failures = [o.error or str(o.path) for o in outcomes if o.letter is None]
    if fmt == OutputFormat.JSON:
        dumped = [letter.model_dump(mode="json") for letter in letters]
        payload: object = dumped[0] if len(files) == 1 and dumped else dumped
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n" if letters or len(files) > 1 else ""
    else:
        text = "\n".join(render_outline(letter) for letter in letters)
    try:
        _write(text, output)
    except CascadeError as e:
        _error(str(e))
        raise typer.Exit(1) from e
    if failures:
        if len(files) > 1:
            _say(f"{len(failures)} of {len(files)} files failed:")
            for f in failures:
                _say(f"  {f}")
        raise typer.Exit(1)


@app.command()
@_guarded
def link(
    parent: Annotated[Path, typer.Argument(help=f"The higher-tier letter ({FORMATS_HELP}).", show_default=False)],
    child: Annotated[Path, typer.Argument(help="The lower-tier letter that implements it.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the full result), md or html.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    graph: Annotated[
        Path | None,
        typer.Option("--graph", help="Also write the networkx graph: .graphml (Gephi) or .json (node-link)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Labels of md and html: vi (officials) or en (researchers).")
                    ] = "vi",
    parse_timeout: ParseTimeout = PARSE_SECONDS,
    parse_memory: ParseMemory = PARSE_MIB,
    debug: Debug = False,
) -> None:
    """Link a parent letter's units to the child letter's units and diff every link word by word.

    JSON holds `parent` and `child` (the parsed letters), `links` (parent, child, relation, strength,
    score, flags, similarity, kept_share, sentences, diff), `item_links`, `dropped`, `added`,
    `citation_check`, `summary` and `warnings` (a pair that looks unrelated or reversed, also on stderr).

    \b
    Example:
      cascade link province.txt district.txt -f html -o r.html
    """
    from cascade.linking import link_letters
    from cascade.reports.html import render_html
    from cascade.reports.labels import LABELS
    from cascade.reports.markdown import render_markdown
    from parsers.batch import parse_many

    renderers = {"json": lambda r: r.model_dump_json(indent=1) + "\n", "md": lambda r: render_markdown(r, lang),
                 "html": lambda r: render_html(r, lang=lang)}
    if fmt not in renderers:
        raise typer.BadParameter(f"must be one of {sorted(renderers)}, got {fmt!r}", param_hint="--format")
    if lang not in LABELS:
        raise typer.BadParameter(f"must be one of {sorted(LABELS)}, got {lang!r}", param_hint="--lang")
    if graph is not None and graph.suffix.lower() not in (".graphml", ".json"):
        raise typer.BadParameter(f"must end in .graphml or .json, got {graph.name!r}", param_hint="--graph")
    try:
        for out in (output, graph):
            if out is not None:
                check_output(out, (parent, child))
        if output is not None and graph is not None and output.resolve() == graph.resolve():
            raise OutputError(f"{graph}: is also the -o file; give --graph another name")
    except CascadeError as e:
        _error(str(e))
        raise typer.Exit(1) from e
    def done(outcome: "ParseOutcome") -> None:
        if outcome.letter is None:
            _report_failure(outcome, debug)

    folders = [p for p in (parent, child) if _is_dir(p)]
    for path in folders:
        _error(f"{path}: is a folder; `cascade link` takes two letter files (use `cascade analyse` for a folder)")
    if folders:
        raise typer.Exit(1)
    pages = _PageProgress() if err.is_terminal else None
    try:
        outcomes = parse_many([parent, child], Path("."), jobs=1, on_done=done,
                              budget=_budget(parse_timeout, parse_memory), on_page=pages)
    finally:
        if pages:
            pages.stop()
    letters = [o.letter for o in outcomes if o.letter is not None]
    if len(letters) < 2:
        raise typer.Exit(1)
    result = link_letters(letters[0], letters[1])
    for warning in result.warnings:  # the pair may not be a parent and its child
        _warn(f"{warning.message} ({warning.code})")
    try:
        _write(renderers[fmt](result), output)
        if graph is not None:
            from cascade.graph import build_graph, graph_to_graphml, graph_to_json

            g = build_graph(letters, [result])
            _write(graph_to_graphml(g) if graph.suffix.lower() == ".graphml" else graph_to_json(g) + "\n", graph)
    except CascadeError as e:
        _error(str(e))
        raise typer.Exit(1) from e
    if output is not None:
        s = result.summary
        _say(f"wrote {output}: {s.parent_items_carried} of {s.parent_items} parent items carried down "
             f"({s.parent_items_dropped} dropped), {s.child_items_local} local child items, retention "
             f"{s.retention:.0%}, citation {result.citation_check.status.value}")


@app.command()
@_guarded
def analyse(
    folder: Annotated[
        Path | None, typer.Argument(help=f"Folder of letters ({FORMATS_HELP}; nested). "
                                    "Default: the bundled samples/.")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Report folder (replaced as a whole).")] = Path(
        "cascade-report"
    ),
    formats: Annotated[
        str, typer.Option("--format", "-f",
                          help="Comma-separated subset of: html,pairs,docx,md,csv,xlsx,db,graph.")
    ] = "html,pairs,docx,md,csv,xlsx,db,graph",
    lang: Annotated[str, typer.Option("--lang", help="Report labels: vi (officials) or en (researchers).")] = "vi",
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).")] = None,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786) for the parse and link stages; "
                     "'local' starts a LocalCluster. Workers must see the same folder path."),
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache", help="Cache folder (default: ~/.cache/cascade).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse and link everything afresh.")] = False,
    parse_timeout: ParseTimeout = PARSE_SECONDS,
    parse_memory: ParseMemory = PARSE_MIB,
    debug: Debug = False,
) -> None:
    """Analyse a folder of letters as one cascade and write the reports.

    Works out which letter implements which (citations, near-miss citations, content), links every
    parent→child pair, and writes index.html (the explorer), pairs/*.html, pairs/*.docx (tracked
    changes), report.md, letters.csv, items.csv, links.csv, matrix.csv, cascade.xlsx, cascade.db
    (SQLite), cascade.graphml and cascade.json. Files that cannot be read are listed with their
    reason and the run goes on; the exit code is then 1, with every report written for the other
    files. Each file is parsed in a worker within --parse-timeout and --parse-memory; the analysed
    folder is never written to.

    \b
    Example:
      cascade analyse letters/ -o report --lang en
    """
    from cascade.pipeline import FolderOptions, NothingToAnalyse, analyse_folder
    from cascade.reports.folder import FORMATS
    from cascade.reports.labels import LABELS

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    bad = sorted(set(chosen) - set(FORMATS))
    if bad or not chosen:
        raise typer.BadParameter(f"must be a comma-separated subset of {list(FORMATS)}, got {formats!r}",
                                 param_hint="--format")
    if lang not in LABELS:
        raise typer.BadParameter(f"must be one of {sorted(LABELS)}, got {lang!r}", param_hint="--lang")
    if folder is None:  # the bundled samples: beside cli.py in a checkout, else ./samples
        bundled = Path(__file__).resolve().parent / "samples"
        root = bundled if bundled.is_dir() else Path("samples")
    else:
        root = folder
    if not _is_dir(root):
        _error(f"{root}: not a folder")
        raise typer.Exit(1)
    cache = _open_cache(root, cache_dir, no_cache)
    executor, closer = _executor(scheduler, jobs) if scheduler else (None, None)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    task = progress.add_task("parsing", total=None)

    def on_progress(stage: str, done: int, total: int | None) -> None:
        progress.update(task, description=escape(visible(stage)), completed=done, total=total)

    def on_parsed(outcome: "ParseOutcome") -> None:
        if debug and outcome.traceback:
            _report_failure(outcome, debug)

    options = FolderOptions(out_dir=output, formats=chosen, lang=lang, jobs=jobs,
                            budget=_budget(parse_timeout, parse_memory))
    try:
        with progress:
            run = analyse_folder(root, options, cache, executor, on_progress if err.is_terminal else None, on_parsed)
    except NothingToAnalyse as e:
        _error(str(e))
        if e.files:
            _list_failures(e.failures, e.files)
        else:  # no letter found: what was refused, and why
            for rel, reason in e.failures.items():
                _say(f"  {rel}: {reason}")
        raise typer.Exit(1) from e
    except CascadeError as e:
        _error(str(e))
        raise typer.Exit(1) from e
    finally:
        if cache is not None:
            cache.close()
        if closer is not None:
            closer()
    tiers: dict[str, int] = {}
    for node in run.analysis.nodes.values():
        if node.status is NodeStatus.PARSED:
            tiers[node.tier.value] = tiers.get(node.tier.value, 0) + 1
    _say(f"{len(run.analysis.letters)} letters parsed ({', '.join(f'{k} {v}' for k, v in sorted(tiers.items()))}), "
         f"{len(run.analysis.pairs)} parent→child pairs linked, {len(run.written)} files written to {output}")
    if run.failures:
        _list_failures(run.failures, run.files)
        raise typer.Exit(1)


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def _open_cache(root: Path, cache_dir: Path | None, no_cache: bool) -> "Cache | None":
    """The cache asked for (an error if it cannot be used or lies in the analysed folder, which is
    never written to); the default one, or none with a warning if that cannot be used."""
    from cascade.cache import Cache, default_cache_dir

    if no_cache:
        return None
    folder = cache_dir or default_cache_dir()
    if _inside(folder, root):
        if cache_dir is None:
            _warn(f"the default cache {folder} is inside the analysed folder, which is never written to; "
                  "going on without a cache")
            return None
        _error(f"{folder}: the cache folder is inside the analysed folder {root}, which is never written to; "
               "choose another --cache")
        raise typer.Exit(1)
    try:
        return Cache(folder, warn=_warn)
    except CascadeError as e:
        if cache_dir is None:
            _warn(f"{e}; going on without a cache")
            return None
        _error(str(e))
        raise typer.Exit(1) from e


def _executor(scheduler: str, jobs: int | None) -> tuple["Executor", Callable[[], None]]:
    """A concurrent.futures executor on a Dask cluster, and what closes it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        _error("--scheduler needs dask.distributed: pip install 'cascade-letters[dask]'")
        raise typer.Exit(1) from e
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs or None, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()
    else:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as e:
            _error(f"cannot reach the Dask scheduler at {scheduler}: {e}")
            raise typer.Exit(1) from e
        close = client.close
    return client.get_executor(pure=False), close  # pure=False: payloads are not hashed for task keys


def _list_failures(failures: dict[str, str], total: int) -> None:
    """The failures, one line each, and how many of the `total` files found they are."""
    _say(f"{len(failures)} of {total} files failed:")
    for rel, reason in failures.items():
        _say(f"  {rel}: {reason}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the letter model that `cascade parse --format json` emits."""
    sys.stdout.write(json.dumps(Letter.model_json_schema(), ensure_ascii=False, indent=1) + "\n")


def _terminate(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def main() -> None:
    # A `kill` ends the run like Ctrl-C does: staging folders are removed and workers stopped.
    signal.signal(signal.SIGTERM, _terminate)
    app()


if __name__ == "__main__":
    main()
