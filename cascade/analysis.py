"""A folder's letters as one cascade: parent detection, then every parent→child pair linked."""

import contextlib
import multiprocessing
import os
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cascade.cache import Cache
from cascade.corpus import DEFAULT_CORPUS_SETTINGS, CorpusSettings, build_index, detect_parents
from cascade.gc_pause import collector_paused, settle_worker
from cascade.letter_store import LetterStore
from cascade.linking import link_letters
from models import Letter, LinkResult, LinkSummary, NodeStatus
from models.corpus import LetterNode
from models.packed import unpack
from parsers.workers import map_bounded

Pair = tuple[str, str]  # (parent path, child path)


class PairSink(Protocol):
    """A report folder written while the pairs are linked (cascade.reports.folder.FolderReportWriter):
    what linking hands it, so analysis does not depend on the reports that depend on it."""

    @property
    def pages(self) -> Any: ...  # picklable; in a worker: .write(result, verdicts, name, title, nav) -> files

    @property
    def names(self) -> Mapping[Pair, str]: ...

    @property
    def navs(self) -> Mapping[Pair, Any]: ...

    def linked(self, pair: Pair, result: LinkResult, verdicts: Any, files: list[str]) -> None:
        """A pair's findings (without diffs), its verdicts and the files its worker wrote, in the order
        of the pairs; the writer takes its rows and keeps none of `result`."""

    def finish(self, analysis: "FolderAnalysis") -> list[Path]: ...

    def abort(self) -> None: ...


@dataclass
class FolderAnalysis:
    """Everything the folder reports are written from."""

    root: str
    letters: Mapping[str, Letter]  # a LetterStore in a folder run (the letters packed)
    nodes: dict[str, LetterNode]  # parsed and failed letters, by relative path
    # every pair's link result; when the reports were streamed (`writer`), only each pair's summary (the
    # links went into the reports, and a result would hold its two letters open)
    pairs: dict[Pair, LinkResult | LinkSummary] = field(default_factory=dict)
    writer: PairSink | None = None  # the report folder being written, when streaming

    @property
    def failures(self) -> list[LetterNode]:
        return [n for n in self.nodes.values() if n.status is NodeStatus.FAILED]

    def roots(self) -> list[str]:
        """Parsed letters with no parent in the folder, highest tier first."""
        from cascade.corpus import TIER_RANK

        tops = [p for p, n in self.nodes.items() if n.status is NodeStatus.PARSED and not n.parents]
        return sorted(tops, key=lambda p: (TIER_RANK.get(self.nodes[p].tier, 9), p))


_WORKER_LETTERS: Mapping[str, Letter] = {}
_WORKER_PAGES: Any = None


def _init_worker(letters: Mapping[str, Letter], pages: Any = None) -> None:
    global _WORKER_LETTERS, _WORKER_PAGES
    _WORKER_LETTERS, _WORKER_PAGES = letters, pages


def _start_worker(letters: Mapping[str, Letter], pages: Any = None) -> None:
    """A fresh link worker: its letters and pages, then its start-up heap out of the collector's way."""
    _init_worker(letters, pages)
    settle_worker()


_SHIPPED = ("links", "item_links", "dropped", "added", "citation_check", "summary")
# (pair, file stem of its pages or None, cached findings or None, whether the full findings come back,
#  the pair page's navigation or None)
Job = tuple[Pair, str | None, dict[str, Any] | None, bool, Any]


def _slim(fields: dict[str, Any]) -> dict[str, Any]:
    """The findings without the word diffs, which only the pair's own pages need: what the overview,
    the CSVs and the graph are written from."""
    if not any(link.diff for link in fields["links"]):  # slimmed already (by the worker)
        return fields
    return {**fields, "links": [link.model_copy(update={"diff": []}) for link in fields["links"]]}


def _process(job: Job, parent: Letter, child: Letter, pages: Any) -> tuple[Pair, dict[str, Any], list[str], bool, Any]:
    """Link (unless cached); with pages to write, judge the pair here, where the diffs are (verdicts
    need them), and write its page and Word file."""
    pair, name, fields, full, nav = job
    linked = fields is None
    if fields is None:
        result = link_letters(parent, child)
        fields = {name_: getattr(result, name_) for name_ in _SHIPPED}
    else:
        result = _construct(parent, child, fields)
    verdicts, files = None, []
    if pages is not None:
        from cascade.verdicts import judge

        verdicts = judge(result)
        if name:
            files = pages.write(result, verdicts, name, f"{pair[0]} → {pair[1]}", nav)
    return pair, fields if full else _slim(fields), files, linked, verdicts


def _work(job: Job) -> tuple[Pair, dict[str, Any], list[str], bool, Any]:
    """Link (unless cached) and write the pair's pages in a worker; the letters stay behind (inherited),
    only the findings travel."""
    pair = job[0]
    with collector_paused():  # back on once the pair's own objects (its diffs, its pages) are freed
        return _process(job, _WORKER_LETTERS[pair[0]], _WORKER_LETTERS[pair[1]], _WORKER_PAGES)


def _work_paged(item: tuple[Job, Any]) -> tuple[Pair, dict[str, Any], list[str], bool, Any]:
    """As `_work`, in a pool started before the report folder was open: the pages come with the job."""
    job, pages = item
    pair = job[0]
    with collector_paused():
        return _process(job, _WORKER_LETTERS[pair[0]], _WORKER_LETTERS[pair[1]], pages)


def _ready() -> None:
    """A no-op task: submitting one per worker makes the pool start them all now."""


# Letters from which a folder run starts its link workers while parent detection runs (a smaller folder
# may have too few pairs to send to workers at all, see `_run_locally`).
PRESTART_MIN_LETTERS = 8


def start_link_pool(letters: Mapping[str, Letter], jobs: int | None = None) -> ProcessPoolExecutor | None:
    """The link workers of a folder run, started now (for `link_pairs(pool=...)`), so their start-up
    (a fresh interpreter importing cascade, the store unpickled, the heap settled) runs on the core that
    parent detection, single-threaded, leaves idle. Fresh (spawned) workers, as `_run_locally` starts
    them for a `LetterStore`: each is given the whole store (the spool's name and each letter's place)
    and opens the letters of its pairs from the spool. None when there would be one worker, the
    letters are not in a store, or there are too few of them to be worth it."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    if jobs == 1 or not isinstance(letters, LetterStore) or len(letters) < PRESTART_MIN_LETTERS:
        return None
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker, initargs=(letters, None))
    # Started from a thread: handing a fresh worker its store blocks until the worker has imported the
    # main module and reads it (a pipe holds 64 KB; the store of 1,111 letters pickles to ~120 KB), which
    # would hold this thread ~1 s per worker instead of letting it detect parents meanwhile.
    threading.Thread(target=_spawn_workers, args=(pool, jobs), name="cascade-link-workers", daemon=True).start()
    return pool


def _spawn_workers(pool: ProcessPoolExecutor, jobs: int) -> None:
    with contextlib.suppress(RuntimeError):  # shut down before its workers were all started
        for _ in range(jobs):  # each submit with no worker idle spawns one
            pool.submit(_ready)


def _work_shipped(payload: tuple[Job, Letter | bytes, Letter | bytes, Any]
                  ) -> tuple[Pair, dict[str, Any], list[str], bool, Any]:
    """The same with the letters shipped along, live or packed (for executors that share no memory,
    e.g. Dask)."""
    job, parent, child, pages = payload
    return _process(job, unpack(parent) if isinstance(parent, bytes) else parent,
                    unpack(child) if isinstance(child, bytes) else child, pages)


def _sha256(letters: Mapping[str, Letter], path: str) -> str:
    return letters.sha256(path) if isinstance(letters, LetterStore) else letters[path].source.sha256


def _shipped(letters: Mapping[str, Letter], path: str) -> Letter | bytes:
    return letters.packed(path) if isinstance(letters, LetterStore) else letters[path]


def _rebuild(letters: Mapping[str, Letter], pair: Pair, fields: dict[str, Any]) -> LinkResult:
    return _construct(letters[pair[0]], letters[pair[1]], fields)


def _construct(parent: Letter, child: Letter, fields: dict[str, Any]) -> LinkResult:
    """A link result from its shipped findings, unvalidated. The warnings are not shipped; given
    here as the empty list their default would be, because pydantic inspects a default factory's
    signature on every `model_construct` (25 times the cost of the rest of it)."""
    return LinkResult.model_construct(parent=parent, child=child, **{"warnings": [], **fields})



def link_pairs(letters: Mapping[str, Letter], pairs: list[Pair], jobs: int | None = None,
               on_done: Callable[[Pair], None] | None = None, executor: Executor | None = None,
               cache: Cache | None = None, writer: PairSink | None = None,
               pool: ProcessPoolExecutor | None = None) -> dict[Pair, LinkResult | LinkSummary]:
    """Link every pair, in `jobs` processes (default one per core), in `pool` (from `start_link_pool`,
    left running for its owner to shut down) or on `executor`; pairs whose two
    files are unchanged since a cached run are taken from `cache`. With a report `writer`, each pair's
    pages are written by the worker that linked it, its rows handed to the writer as it comes back
    (`writer.linked`), and only each pair's summary is kept (memory stays bounded by the letters,
    packed when they come in a `LetterStore`); without one, the full results are returned."""
    pages = writer.pages if writer is not None else None
    names = writer.names if writer is not None else {}
    todo: list[Job] = []
    for pair in pairs:
        fields = cache.link(_sha256(letters, pair[0]), _sha256(letters, pair[1])) if cache else None
        todo.append((pair, names.get(pair), fields, writer is None or (cache is not None and fields is None),
                     writer.navs.get(pair) if writer is not None else None))
    out: dict[Pair, LinkResult | LinkSummary] = {}

    def done(pair: Pair, fields: dict[str, Any], files: list[str], linked: bool, verdicts: Any) -> None:
        if cache is not None and linked:
            cache.put_link(_sha256(letters, pair[0]), _sha256(letters, pair[1]), fields)
        if writer is None:
            out[pair] = _rebuild(letters, pair, fields)
        else:
            writer.linked(pair, _rebuild(letters, pair, _slim(fields)), verdicts, files)
            out[pair] = fields["summary"]
        if on_done:
            on_done(pair)

    if executor is not None:
        payloads = ((job, _shipped(letters, job[0][0]), _shipped(letters, job[0][1]), pages) for job in todo)
        for result in map_bounded(executor, _work_shipped, payloads):
            done(*result)
    elif pool is not None:
        if todo:
            jobs = max(1, getattr(pool, "_max_workers", 1))
            chunk = max(1, min(16, len(todo) // (jobs * 4)))
            for result in pool.map(_work_paged, ((job, pages) for job in todo), chunksize=chunk):
                done(*result)
    else:
        _run_locally(letters, todo, jobs, pages, done)
    return {pair: out[pair] for pair in pairs}


def _run_locally(letters: Mapping[str, Letter], todo: list[Job], jobs: int | None, pages: Any,
                 done: Callable[..., None]) -> None:
    if not todo:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo)))
    if jobs == 1 or len(todo) < 4:
        _init_worker(letters, pages)  # one store, so the letters a pair opened serve its rows too
        try:
            for result in map(_work, todo):
                done(*result)
        finally:
            _init_worker({}, None)
        return
    needed = {p for job in todo for p in job[0]}
    chunk = max(1, min(16, len(todo) // (jobs * 4)))
    if isinstance(letters, LetterStore):
        # The store (the spool's name and each letter's place) is sent once to fresh workers, which
        # open each letter from the spool: a forked one would inherit this process's heap at its
        # high-water mark (the trigram index of parent detection).
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(letters.subset(needed), pages))
        _run_pool(pool, todo, chunk, done)
        return
    subset = {p: letters[p] for p in needed}
    # With fork, workers inherit the letters from this process for free; otherwise they are sent once.
    _init_worker(subset, pages)
    if multiprocessing.get_start_method() == "fork":
        pool = ProcessPoolExecutor(max_workers=jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(subset, pages))
    try:
        _run_pool(pool, todo, chunk, done)
    finally:
        _init_worker({}, None)


def _run_pool(pool: ProcessPoolExecutor, todo: list[Job], chunk: int, done: Callable[..., None]) -> None:
    with pool:
        for result in pool.map(_work, todo, chunksize=chunk):
            done(*result)


def analyse_letters(root: str, letters: Mapping[str, Letter], failures: dict[str, str], jobs: int | None = None,
                    settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
                    on_link: Callable[[Pair], None] | None = None, executor: Executor | None = None,
                    cache: Cache | None = None, on_pairs: Callable[[int], None] | None = None,
                    writer_for: Callable[[list[Pair], dict[str, LetterNode]], PairSink] | None = None
                    ) -> FolderAnalysis:
    """Detect the cascade among parsed letters and link every parent→child pair (`on_pairs` hears how
    many there are before linking starts, `on_link` each one linked). With `writer_for` (given the
    pairs and the nodes, it opens the report folder), each pair's pages and rows are written as it is
    linked and the analysis keeps only each pair's summary; `analysis.writer` then finishes the reports."""
    pool = None
    try:
        index = build_index(letters, settings, executor=executor, jobs=jobs)
        # the link workers start on the core that detection leaves idle
        pool = start_link_pool(letters, jobs) if executor is None else None
        nodes = detect_parents(letters, settings, index, executor=executor, jobs=jobs)
        del index
        return _link_folder(root, letters, failures, nodes, jobs, on_link, executor, cache, on_pairs, writer_for,
                            pool)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _link_folder(root: str, letters: Mapping[str, Letter], failures: dict[str, str], nodes: dict[str, LetterNode],
                 jobs: int | None, on_link: Callable[[Pair], None] | None, executor: Executor | None,
                 cache: Cache | None, on_pairs: Callable[[int], None] | None,
                 writer_for: Callable[[list[Pair], dict[str, LetterNode]], PairSink] | None,
                 pool: ProcessPoolExecutor | None) -> FolderAnalysis:
    for path, error in failures.items():
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else None
        nodes[path] = LetterNode(path=path, format=suffix, status=NodeStatus.FAILED, error=error)
    pairs = [(link.parent, child) for child, node in sorted(nodes.items()) for link in node.parents]
    analysis = FolderAnalysis(root=root, letters=letters, nodes=dict(sorted(nodes.items())))
    if on_pairs:
        on_pairs(len(pairs))
    analysis.writer = writer_for(pairs, analysis.nodes) if writer_for is not None else None
    try:
        analysis.pairs = link_pairs(letters, pairs, jobs, on_link, executor, cache, analysis.writer, pool)
    except BaseException:
        if analysis.writer is not None:
            analysis.writer.abort()
        raise
    return analysis
