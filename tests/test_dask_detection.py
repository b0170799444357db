"""Parent detection's votes run on the shards of the index (one per Dask worker) and give the
candidates, parents and confidences of the whole index voting in one process."""

from pathlib import Path

import numpy as np
import pytest

from cascade.corpus import DEFAULT_CORPUS_SETTINGS, build_index, detect_parents
from cascade.trigram_index import ShardVoters
from parsers.batch import discover, parse_many
from tests.folder_factory import build_cascade_folder


def _letters(tmp_path: Path) -> dict:
    folder, _ = build_cascade_folder(tmp_path / "in")
    return {o.relative: o.letter for o in parse_many(discover(folder), folder, jobs=1) if o.letter is not None}


@pytest.mark.parametrize("shards", [1, 2, 3, 7])
def test_shard_tops_merged_are_the_whole_index_candidates(tmp_path: Path, shards: int) -> None:
    letters = _letters(tmp_path)
    index = build_index(letters, DEFAULT_CORPUS_SETTINGS, jobs=1)
    paths = list(index.paths)
    eligible = np.arange(len(paths)) % 2 == 0
    for k, rare, mask in ((3, 0, None), (2, 2, eligible), (48, 16, None)):
        whole = {p: index.candidates(p, k, rare, mask) for p in paths}
        index.vote_on(paths, k, rare, mask, ShardVoters(index, count=shards))
        before = index.voted
        assert {p: index.candidates(p, k, rare, mask) for p in paths} == whole
        assert index.voted == before  # answered from the shards' tops, not voted again here
    assert not index.voted_elsewhere


def test_dask_detection_votes_on_the_workers_and_finds_the_local_parents(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    letters = _letters(tmp_path)
    alone = build_index(letters, DEFAULT_CORPUS_SETTINGS, jobs=1)
    expected = detect_parents(letters, DEFAULT_CORPUS_SETTINGS, index=alone)
    index = build_index(letters, DEFAULT_CORPUS_SETTINGS, jobs=1)
    options = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    with distributed.LocalCluster(**options) as cluster, distributed.Client(cluster) as client:
        got = detect_parents(letters, DEFAULT_CORPUS_SETTINGS, index=index, executor=client.get_executor())
    assert got == expected
    assert any(n.parents for n in got.values())
    # the content votes ran on the workers' shards (what stays here: a citation's pool of same-kind letters)
    assert index.voted < alone.voted // 2 and not index.voted_elsewhere
