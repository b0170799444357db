"""A folder's letters as one cascade: parent detection, then every parent→child pair linked."""

import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from cascade.cache import Cache
from cascade.corpus import DEFAULT_CORPUS_SETTINGS, CorpusSettings, detect_parents
from cascade.linking import link_letters
from models import Letter, LinkResult
from models.corpus import LetterNode

Pair = tuple[str, str]  # (parent path, child path)


@dataclass
class FolderAnalysis:
    """Everything the folder reports are written from."""

    root: str
    letters: dict[str, Letter]
    nodes: dict[str, LetterNode]  # parsed and failed letters, by relative path
    pairs: dict[Pair, LinkResult] = field(default_factory=dict)

    @property
    def failures(self) -> list[LetterNode]:
        return [n for n in self.nodes.values() if n.status == "failed"]

    def roots(self) -> list[str]:
        """Parsed letters with no parent in the folder, highest tier first."""
        from cascade.corpus import TIER_RANK

        tops = [p for p, n in self.nodes.items() if n.status == "parsed" and not n.parents]
        return sorted(tops, key=lambda p: (TIER_RANK.get(self.nodes[p].tier, 9), p))


_WORKER_LETTERS: Mapping[str, Letter] = {}


def _init_worker(letters: Mapping[str, Letter]) -> None:
    global _WORKER_LETTERS
    _WORKER_LETTERS = letters


_SHIPPED = ("links", "item_links", "dropped", "added", "citation_check", "summary")


def _link(pair: Pair) -> tuple[Pair, dict[str, Any]]:
    """Link in a worker; the letters stay behind (the caller has them), only the findings travel."""
    parent, child = pair
    result = link_letters(_WORKER_LETTERS[parent], _WORKER_LETTERS[child])
    return pair, {name: getattr(result, name) for name in _SHIPPED}


def _rebuild(letters: Mapping[str, Letter], pair: Pair, fields: dict[str, Any]) -> LinkResult:
    return LinkResult.model_construct(parent=letters[pair[0]], child=letters[pair[1]], **fields)


def _link_payload(job: tuple[Pair, Letter, Letter]) -> tuple[Pair, dict[str, Any]]:
    """Link with the letters shipped along (for executors that share no memory, e.g. Dask)."""
    pair, parent, child = job
    result = link_letters(parent, child)
    return pair, {name: getattr(result, name) for name in _SHIPPED}


def link_pairs(letters: Mapping[str, Letter], pairs: list[Pair], jobs: int | None = None,
               on_done: Callable[[Pair], None] | None = None, executor: Executor | None = None,
               cache: Cache | None = None) -> dict[Pair, LinkResult]:
    """Link every pair, in `jobs` processes (default one per core) or on `executor`; pairs whose two
    files are unchanged since a cached run are taken from `cache`."""
    out: dict[Pair, LinkResult] = {}
    todo = []
    for pair in pairs:
        fields = cache.link(letters[pair[0]].source.sha256, letters[pair[1]].source.sha256) if cache else None
        if fields is None:
            todo.append(pair)
            continue
        out[pair] = _rebuild(letters, pair, fields)
        if on_done:
            on_done(pair)

    def done(pair: Pair, fields: dict[str, Any]) -> None:
        out[pair] = _rebuild(letters, pair, fields)
        if cache:
            cache.put_link(letters[pair[0]].source.sha256, letters[pair[1]].source.sha256, fields)
        if on_done:
            on_done(pair)

    if executor is not None:
        for pair, fields in executor.map(_link_payload, [(p, letters[p[0]], letters[p[1]]) for p in todo]):
            done(pair, fields)
        return {pair: out[pair] for pair in pairs}
    _link_locally(letters, todo, jobs, done)
    return {pair: out[pair] for pair in pairs}


def _link_locally(letters: Mapping[str, Letter], pairs: list[Pair], jobs: int | None,
                  done: Callable[[Pair, dict[str, Any]], None]) -> None:
    if not pairs:
        return
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    if jobs == 1 or len(pairs) < 4:
        _init_worker(letters)
        for pair, fields in map(_link, pairs):
            done(pair, fields)
        return
    needed = {p for pair in pairs for p in pair}
    subset = {p: letters[p] for p in needed}
    chunk = max(1, min(16, len(pairs) // (jobs * 4)))
    # With fork, workers inherit the letters from this process for free; otherwise they are sent once.
    _init_worker(subset)
    if multiprocessing.get_start_method() == "fork":
        pool = ProcessPoolExecutor(max_workers=jobs)
    else:
        pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(subset,))
    with pool:
        for pair, fields in pool.map(_link, pairs, chunksize=chunk):
            done(pair, fields)


def analyse_letters(root: str, letters: dict[str, Letter], failures: dict[str, str], jobs: int | None = None,
                    settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
                    on_link: Callable[[Pair], None] | None = None, executor: Executor | None = None,
                    cache: Cache | None = None, on_pairs: Callable[[int], None] | None = None) -> FolderAnalysis:
    """Detect the cascade among parsed letters and link every parent→child pair (`on_pairs` hears how
    many there are before linking starts, `on_link` each one linked)."""
    nodes = detect_parents(letters, settings)
    for path, error in failures.items():
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else None
        nodes[path] = LetterNode(path=path, format=suffix, status="failed", error=error)
    pairs = [(link.parent, child) for child, node in sorted(nodes.items()) for link in node.parents]
    analysis = FolderAnalysis(root=root, letters=letters, nodes=dict(sorted(nodes.items())))
    if on_pairs:
        on_pairs(len(pairs))
    analysis.pairs = link_pairs(letters, pairs, jobs, on_link, executor, cache)
    return analysis
