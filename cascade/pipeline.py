"""One folder analysed end to end: find the letters, take what the cache holds, parse the rest (each
file within its budget, in local workers or on a Dask cluster), detect the cascade, link every pair
with its pages written as it is linked, and write the overview. The CLI only calls `analyse_folder`
and prints; the files are read by `parsers` (cascade never reads input files itself)."""

import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from cascade.analysis import FolderAnalysis, analyse_letters
from cascade.cache import Cache
from cascade.gc_pause import collecting_less
from cascade.letter_facts import LetterFacts, letter_facts
from cascade.letter_store import LetterStore
from cascade.reports.folder import FORMATS, FolderReportWriter, overview_files
from cascade.trigram_index import letter_features
from models import CascadeError, Letter
from parsers.batch import (
    DEFAULT_BUDGET,
    FilePageProgress,
    ParseBudget,
    ParseOutcome,
    cached_letters,
    find_letters,
    iter_parsed,
    relative_path,
)
from parsers.readers import suffix_list

PARSE_BATCH = 256  # files looked up in the cache at a time (the cached letters open at once, at most)


class NothingToAnalyse(CascadeError):
    """The folder holds no letter, or none could be read; `failures` says why for each file."""

    def __init__(self, message: str, failures: dict[str, str], files: int = 0) -> None:
        super().__init__(message)
        self.failures = failures
        self.files = files


@dataclass(frozen=True)
class FolderOptions:
    out_dir: Path = Path("cascade-report")
    formats: tuple[str, ...] = FORMATS
    lang: str = "vi"
    jobs: int | None = None  # local worker processes (default one per core)
    budget: ParseBudget | None = DEFAULT_BUDGET  # per file, in the parse workers


@dataclass
class FolderRun:
    """What a run produced: the analysis (links without their diffs), the files written, and every
    file that could not be read with its reason."""

    analysis: FolderAnalysis
    written: list[Path]
    failures: dict[str, str] = field(default_factory=dict)
    files: int = 0  # letter files found (parsed, failed or refused)


Progress = Callable[[str, int, int | None], None]  # (stage, done, total or None)


def analyse_folder(root: Path, options: FolderOptions = FolderOptions(), cache: Cache | None = None,
                   executor: Executor | None = None, on_progress: Progress | None = None,
                   on_parsed: Callable[..., None] | None = None) -> FolderRun:
    """Analyse the folder `root` into `options.out_dir`. `on_progress(stage, done, total)` is told of
    each file parsed and each pair linked; `on_parsed(outcome)` sees each parse outcome (e.g. to print
    a traceback under --debug).

    Raises:
        NothingToAnalyse: no letter file in `root`, or none could be read (with each file's reason).
        CascadeError: the report folder cannot be written where asked.
    """
    with collecting_less():  # a run allocates millions of short-lived rows and findings
        return _analyse_folder(root, options, cache, executor, on_progress, on_parsed)


def _analyse_folder(root: Path, options: FolderOptions, cache: Cache | None, executor: Executor | None,
                    on_progress: Progress | None, on_parsed: Callable[..., None] | None) -> FolderRun:
    report = on_progress or (lambda stage, done, total: None)
    found = find_letters(root, exclude=options.out_dir)
    refused = {relative_path(p, root): reason for p, reason in found.refused.items()}
    paths = found.paths
    if not paths:
        raise NothingToAnalyse(f"{root}: no letters found (looked for {suffix_list()})", refused)
    total = len(paths)
    parsed = 0

    def done(outcome: object) -> None:
        nonlocal parsed
        parsed += 1
        report("parsing", parsed, total)
        if on_parsed is not None:
            on_parsed(outcome)

    def on_page(path: Path, done: int, pages: int) -> None:  # a long scan: say which page it is on
        report(f"parsing ({relative_path(path, root)}: page {done} of {pages})", parsed, total)

    def cached(n: int) -> None:
        nonlocal parsed
        parsed += n
        report("parsing", parsed, total)

    report("parsing", parsed, total)
    letters, failures = parse_into_store(paths, root, cache, options.jobs, executor, options.budget, on_parsed=done,
                                         on_page=on_page if on_progress else None, on_cached=cached)
    failures = dict(sorted({**failures, **refused}.items()))
    if not letters:
        raise NothingToAnalyse(f"{root}: no file could be read as a letter; no report written", failures,
                               total + len(refused))
    linked, pairs = 0, 0

    def on_pairs(n: int) -> None:
        nonlocal pairs
        pairs = n
        report("linking", 0, n)

    def on_link(_: object) -> None:
        nonlocal linked
        linked += 1
        report("linking", linked, pairs)

    report("finding parents", 0, None)
    analysis = analyse_letters(str(root), letters, failures, options.jobs, on_link=on_link, executor=executor,
                               cache=cache, on_pairs=on_pairs, writer_for=lambda pairs, nodes: FolderReportWriter(
                                   options.out_dir, root, pairs, nodes, letters, options.formats, options.lang))
    if cache is not None:
        cache.commit()
    report("writing reports", 0, len(overview_files(options.formats)))
    assert analysis.writer is not None
    written = analysis.writer.finish(analysis)
    return FolderRun(analysis, written, failures, total + len(refused))


def parse_into_store(paths: list[Path], root: Path, cache: Cache | None = None, jobs: int | None = None,
                     executor: Executor | None = None, budget: ParseBudget | None = DEFAULT_BUDGET,
                     on_parsed: Callable[[ParseOutcome], None] | None = None,
                     on_page: FilePageProgress | None = None,
                     on_cached: Callable[[int], None] | None = None) -> tuple[LetterStore, dict[str, str]]:
    """Every letter of `paths` (from `cache` when it holds the same bytes, else parsed as `parse_many`
    does), packed into a `LetterStore` as it comes back, in the order of the paths; and each file that
    could not be read, with its reason. The files stream through one pool of workers (`iter_parsed`)
    and each letter is packed away as it comes back, so only the letters of a cache batch are ever
    open in this process: `on_cached(n)` hears of each batch's letters found in the cache, `on_parsed`
    of each file parsed."""
    letters = LetterStore()
    failures: dict[str, str] = {}

    def keep(o: ParseOutcome) -> None:
        if o.letter is not None:
            letters.add(o.relative, o.letter, o.packed, o.extra[0] if o.extra else None)
        elif o.packed is not None and o.extra is not None:  # left packed: the worker read what the store keeps
            features, facts, sha256 = o.extra
            letters.add_packed(o.relative, o.packed, sha256, facts, features)
        else:
            failures[o.relative] = _reason(o.error or "unknown error", o.path)

    def fresh() -> Iterator[Path]:
        """The files the cache does not hold, a batch looked up at a time as the parse workers ask for
        more (the letters the cache holds are kept on the way)."""
        for start in range(0, len(paths), PARSE_BATCH):
            known, todo = cached_letters(paths[start:start + PARSE_BATCH], root, cache)
            if known and on_cached is not None:
                on_cached(len(known))
            for o in known:
                keep(o)
            del known
            yield from todo

    # One pool for the whole folder, each letter packed away as it comes back (none is held longer), with
    # its trigrams and their units (cascade.corpus.build_index) and its facts, read by the worker that
    # parsed it; without a cache to fill, a letter a worker packed is never opened here at all.
    for o in iter_parsed(fresh(), root, min(jobs or os.cpu_count() or 1, len(paths)), on_done=on_parsed,
                         executor=executor, budget=budget, on_page=on_page, extra=worker_facts,
                         open_letters=cache is not None):
        if cache is not None and o.letter is not None:
            cache.put_letter(o.letter)
        keep(o)
        del o
    if cache is not None:
        cache.commit()
    letters.sort()
    return letters, dict(sorted(failures.items()))


def worker_facts(letter: Letter) -> tuple[tuple[np.ndarray, np.ndarray], LetterFacts, str]:
    """What a folder run keeps of a letter besides the letter packed, read where it was parsed: its
    trigram features (`letter_features`), its facts (`letter_facts`) and its file's hash."""
    return letter_features(letter), letter_facts(letter), letter.source.sha256


def _reason(error: str, path: Path) -> str:
    """A failure's reason without the file name in front (the report names the file once)."""
    for prefix in (f"{path}: ", f"{path.as_posix()}: "):
        if error.startswith(prefix):
            return error[len(prefix):]
    return error


__all__ = ["FolderOptions", "FolderRun", "NothingToAnalyse", "analyse_folder", "parse_into_store"]
