"""A folder's letters as one cascade: parent detection, then every parent→child pair linked."""

import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

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


def _link(pair: Pair) -> tuple[Pair, dict[str, object]]:
    """Link in a worker; the letters stay behind (the caller has them), only the findings travel."""
    parent, child = pair
    result = link_letters(_WORKER_LETTERS[parent], _WORKER_LETTERS[child])
    return pair, {name: getattr(result, name) for name in _SHIPPED}


def _rebuild(letters: Mapping[str, Letter], pair: Pair, fields: dict[str, object]) -> LinkResult:
    return LinkResult.model_construct(parent=letters[pair[0]], child=letters[pair[1]], **fields)


def link_pairs(letters: Mapping[str, Letter], pairs: list[Pair], jobs: int | None = None,
               on_done: Callable[[Pair], None] | None = None) -> dict[Pair, LinkResult]:
    """Link every pair, in `jobs` processes (default one per core)."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(pairs)))
    out: dict[Pair, LinkResult] = {}
    if jobs == 1 or len(pairs) < 4:
        _init_worker(letters)
        for pair, fields in map(_link, pairs):
            out[pair] = _rebuild(letters, pair, fields)
            if on_done:
                on_done(pair)
        return out
    needed = {p for pair in pairs for p in pair}
    subset = {p: letters[p] for p in needed}
    chunk = max(1, min(16, len(pairs) // (jobs * 4)))
    # With fork, workers inherit the letters from this process for free; otherwise they are sent once.
    _init_worker(subset)
    inherit = multiprocessing.get_start_method() == "fork"
    pool_args = {} if inherit else {"initializer": _init_worker, "initargs": (subset,)}
    with ProcessPoolExecutor(max_workers=jobs, **pool_args) as pool:
        for pair, fields in pool.map(_link, pairs, chunksize=chunk):
            out[pair] = _rebuild(letters, pair, fields)
            if on_done:
                on_done(pair)
    return out


def analyse_letters(root: str, letters: dict[str, Letter], failures: dict[str, str], jobs: int | None = None,
                    settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
                    on_link: Callable[[Pair], None] | None = None) -> FolderAnalysis:
    """Detect the cascade among parsed letters and link every parent→child pair."""
    nodes = detect_parents(letters, settings)
    for path, error in failures.items():
        nodes[path] = LetterNode(path=path, status="failed", error=error)
    pairs = [(link.parent, child) for child, node in sorted(nodes.items()) for link in node.parents]
    analysis = FolderAnalysis(root=root, letters=letters, nodes=dict(sorted(nodes.items())))
    analysis.pairs = link_pairs(letters, pairs, jobs, on_link)
    return analysis
