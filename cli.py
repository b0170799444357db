"""The `cascade` command: wires options to library functions, prints, and sets exit codes."""

import json
import sys
from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from models import CascadeError, Letter

if TYPE_CHECKING:
    from cascade.cache import Cache

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Trace how Vietnamese official letters carry a higher tier's items down to lower tiers.",
)
err = Console(stderr=True, highlight=False)


class OutputFormat:
    JSON = "json"
    TEXT = "text"


def _progress(total: int) -> Progress | None:
    """A progress bar on stderr for runs long enough to want one."""
    if total < 5 or not err.is_terminal:
        return None
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=True)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="Letters to parse (.txt, .docx).", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the model) or text (an outline).")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
) -> None:
    """Parse letters into header, recipients, preamble, numbered items, cc and signature.

    With one file, JSON is the letter object; with several, a list of them. A file that cannot be
    read gets a one-line error on stderr and the others are still parsed; the exit code is 1 then.

    Example: cascade parse samples/province_1383-CV-BTGTU.txt --format text
    """
    from cascade.reports.outline import render_outline
    from parsers import parse_letter

    if fmt not in (OutputFormat.JSON, OutputFormat.TEXT):
        raise typer.BadParameter(f"must be one of ['json', 'text'], got {fmt!r}", param_hint="--format")
    letters: list[Letter] = []
    failures: list[str] = []
    progress = _progress(len(files))
    task = progress.add_task("parsing", total=len(files)) if progress else None
    if progress:
        progress.start()
    try:
        for path in files:
            try:
                letters.append(parse_letter(path))
            except CascadeError as e:
                failures.append(str(e))
                err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
            if progress and task is not None:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if fmt == OutputFormat.JSON:
        dumped = [letter.model_dump(mode="json") for letter in letters]
        payload: object = dumped[0] if len(files) == 1 and dumped else dumped
        text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n" if letters or len(files) > 1 else ""
    else:
        text = "\n".join(render_outline(letter) for letter in letters)
    _write(text, output)
    if failures:
        if len(files) > 1:
            err.print(f"{len(failures)} of {len(files)} files failed:", soft_wrap=True)
            for f in failures:
                err.print(f"  {escape(f)}", soft_wrap=True)
        raise typer.Exit(1)


@app.command()
def link(
    parent: Annotated[Path, typer.Argument(help="The higher-tier letter (.txt, .docx).", show_default=False)],
    child: Annotated[Path, typer.Argument(help="The lower-tier letter that implements it.", show_default=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (the full result), md or html.")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    graph: Annotated[
        Path | None,
        typer.Option("--graph", help="Also write the networkx graph: .graphml (Gephi) or .json (node-link)."),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="HTML labels: vi (officials) or en (researchers).")] = "vi",
) -> None:
    """Link a parent letter's units to the child letter's units and diff every link word by word.

    JSON holds `parent` and `child` (the parsed letters), `links` (parent, child, relation, flags,
    similarity, kept_share, diff), `item_links`, `dropped`, `added`, `citation_check` and `summary`.

    Example:
        cascade link samples/province_1383-CV-BTGTU.txt samples/district_implementing_1383.txt -f html -o r.html
    """
    from cascade.linking import link_letters
    from cascade.reports.html import render_html
    from cascade.reports.labels import LABELS
    from cascade.reports.markdown import render_markdown
    from parsers import parse_letter

    renderers = {"json": lambda r: r.model_dump_json(indent=1) + "\n", "md": render_markdown,
                 "html": lambda r: render_html(r, lang=lang)}
    if fmt not in renderers:
        raise typer.BadParameter(f"must be one of {sorted(renderers)}, got {fmt!r}", param_hint="--format")
    if lang not in LABELS:
        raise typer.BadParameter(f"must be one of {sorted(LABELS)}, got {lang!r}", param_hint="--lang")
    if graph is not None and graph.suffix.lower() not in (".graphml", ".json"):
        raise typer.BadParameter(f"must end in .graphml or .json, got {graph.name!r}", param_hint="--graph")
    letters = []
    for path in (parent, child):
        try:
            letters.append(parse_letter(path))
        except CascadeError as e:
            err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
    if len(letters) < 2:
        raise typer.Exit(1)
    result = link_letters(letters[0], letters[1])
    _write(renderers[fmt](result), output)
    if graph is not None:
        from cascade.graph import build_graph, graph_to_graphml, graph_to_json

        g = build_graph(letters, [result])
        _write(graph_to_graphml(g) if graph.suffix.lower() == ".graphml" else graph_to_json(g) + "\n", graph)
    if output is not None:
        s = result.summary
        err.print(
            f"wrote {escape(str(output))}: {s.parent_items_carried} of {s.parent_items} parent items carried down "
            f"({s.parent_items_dropped} dropped), {s.child_items_local} local child items, retention "
            f"{s.retention:.0%}, citation {result.citation_check.status.value}",
            soft_wrap=True,
        )


@app.command()
def analyse(
    folder: Annotated[
        Path | None, typer.Argument(help="Folder of letters (.txt, .docx; nested). Default: the bundled samples/.")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Report folder (replaced as a whole).")] = Path(
        "cascade-report"
    ),
    formats: Annotated[
        str, typer.Option("--format", "-f", help="Comma-separated subset of: html,pairs,docx,md,csv,graph.")
    ] = "html,pairs,docx,md,csv,graph",
    lang: Annotated[str, typer.Option("--lang", help="Report labels: vi (officials) or en (researchers).")] = "vi",
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: one per core).")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Exit with code 1 if any file failed to parse.")] = False,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786) for the parse and link stages; "
                     "'local' starts a LocalCluster. Workers must see the same folder path."),
    ] = None,
    cache_dir: Annotated[
        Path | None, typer.Option("--cache", help="Cache folder (default: ~/.cache/cascade).")
    ] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Parse and link everything afresh.")] = False,
) -> None:
    """Analyse a folder of letters as one cascade and write the reports.

    Works out which letter implements which (citations, near-miss citations, content), links every
    parent→child pair, and writes index.html, pairs/*.html, pairs/*.docx (tracked changes), report.md,
    letters.csv, items.csv, links.csv, cascade.graphml and cascade.json. Files that cannot be read are
    listed with their reason and the run goes on (exit code 0, or 1 with --strict); the analysed
    folder is never written to.

    Example: cascade analyse letters/ -o report --lang en
    """
    from cascade.reports.folder import FORMATS
    from cascade.reports.labels import LABELS
    from parsers.batch import discover, parse_many

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
    if not root.is_dir():
        err.print(f"[red]error:[/red] {escape(str(root))}: not a folder", soft_wrap=True)
        raise typer.Exit(1)
    paths = discover(root, exclude=output)
    if not paths:
        err.print(f"[red]error:[/red] {escape(str(root))}: no .txt or .docx letters found", soft_wrap=True)
        raise typer.Exit(1)
    from cascade.cache import Cache, default_cache_dir
    from parsers.batch import cached_letters

    cache = None if no_cache else Cache(cache_dir or default_cache_dir())
    executor, closer = _executor(scheduler, jobs) if scheduler else (None, None)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("parsing", total=len(paths))
            known, fresh = cached_letters(paths, root, cache)
            progress.advance(task, len(known))
            outcomes = parse_many(fresh, root, jobs, on_done=lambda _: progress.advance(task), executor=executor)
            if cache is not None:
                for o in outcomes:
                    if o.letter is not None:
                        cache.put_letter(o.letter)
                cache.commit()
            outcomes = sorted([*known, *outcomes], key=lambda o: o.relative)
            letters = {o.relative: o.letter for o in outcomes if o.letter is not None}
            failures = {o.relative: o.error or "unknown error" for o in outcomes if o.letter is None}
            _analyse_rest(root, output, chosen, lang, jobs, strict, letters, failures, paths, progress, task,
                          executor, cache)
    finally:
        if cache is not None:
            cache.close()
        if closer is not None:
            closer()


def _executor(scheduler: str, jobs: int | None) -> tuple["Executor", Callable[[], None]]:
    """A concurrent.futures executor on a Dask cluster, and what closes it."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        err.print("[red]error:[/red] --scheduler needs dask.distributed: pip install 'cascade-letters[dask]'",
                  soft_wrap=True)
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
            err.print(f"[red]error:[/red] cannot reach the Dask scheduler at {escape(scheduler)}: {e}", soft_wrap=True)
            raise typer.Exit(1) from e
        close = client.close
    return client.get_executor(), close


def _analyse_rest(root: Path, output: Path, chosen: tuple[str, ...], lang: str, jobs: int | None, strict: bool,
                  letters: dict[str, Letter], failures: dict[str, str], paths: list[Path], progress: Progress,
                  task: TaskID, executor: "Executor | None", cache: "Cache | None") -> None:
    from cascade.analysis import analyse_letters
    from cascade.reports.folder import FolderReportWriter

    if not letters:
        progress.stop()
        err.print(f"[red]error:[/red] {escape(str(root))}: no file could be read as a letter; no report written",
                  soft_wrap=True)
        err.print(f"{len(failures)} of {len(paths)} files failed:", soft_wrap=True)
        for rel, reason in failures.items():
            err.print(f"  {escape(rel)}: {escape(reason)}", soft_wrap=True)
        raise typer.Exit(1)
    progress.update(task, description="linking and writing pair reports", completed=0, total=None)
    try:
        analysis = analyse_letters(str(root), letters, failures, jobs,
                                   on_link=lambda _: progress.advance(task), executor=executor, cache=cache,
                                   writer_for=lambda pairs: FolderReportWriter(output, root, pairs, chosen, lang))
        if cache is not None:
            cache.commit()
        progress.update(task, description="writing reports", completed=0, total=None)
        assert analysis.writer is not None
        written = analysis.writer.finish(analysis)
    except CascadeError as e:
        err.print(f"[red]error:[/red] {escape(str(e))}", soft_wrap=True)
        raise typer.Exit(1) from e
    tiers: dict[str, int] = {}
    for node in analysis.nodes.values():
        if node.status == "parsed":
            tiers[node.tier.value] = tiers.get(node.tier.value, 0) + 1
    err.print(f"{len(letters)} letters parsed ({', '.join(f'{k} {v}' for k, v in sorted(tiers.items()))}), "
              f"{len(analysis.pairs)} parent→child pairs linked, {len(written)} files written to "
              f"{escape(str(output))}", soft_wrap=True)
    if failures:
        err.print(f"{len(failures)} of {len(paths)} files failed:", soft_wrap=True)
        for rel, reason in failures.items():
            err.print(f"  {escape(rel)}: {escape(reason)}", soft_wrap=True)
        if strict:
            raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the letter model that `cascade parse --format json` emits."""
    sys.stdout.write(json.dumps(Letter.model_json_schema(), ensure_ascii=False, indent=1) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
