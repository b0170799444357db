"""Incremental runs (the cache keyed by file hash) and the Dask path give the same results as a plain
local run; the Dask test starts a real LocalCluster."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cascade.analysis import analyse_letters
from cascade.cache import Cache
from cli import app
from parsers.batch import cached_letters, discover, parse_many
from tests.folder_factory import build_cascade_folder

runner = CliRunner()
COMPARED = ("letters.csv", "links.csv", "items.csv", "report.md", "index.html", "cascade.json")


def _run(folder: Path, out: Path, *extra: str) -> None:
    result = runner.invoke(app, ["analyse", str(folder), "-o", str(out), "--jobs", "1", *extra])
    assert result.exit_code == 1, result.stderr  # the factory folder holds broken files


def _same(a: Path, b: Path) -> None:
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_second_run_reuses_the_cache_and_writes_the_same_reports(tmp_path: Path) -> None:
    folder, _ = build_cascade_folder(tmp_path / "in")
    cache = tmp_path / "cache"
    _run(folder, tmp_path / "first", "--cache", str(cache))
    _run(folder, tmp_path / "second", "--cache", str(cache))
    _run(folder, tmp_path / "fresh", "--no-cache")
    _same(tmp_path / "first", tmp_path / "second")
    _same(tmp_path / "first", tmp_path / "fresh")


def test_only_changed_letters_are_parsed_again(tmp_path: Path) -> None:
    folder, roles = build_cascade_folder(tmp_path / "in")
    store = Cache(tmp_path / "cache")
    paths = discover(folder)
    for outcome in parse_many(paths, folder, jobs=1):
        if outcome.letter is not None:
            store.put_letter(outcome.letter)
    store.commit()
    changed = folder / roles["d2"]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n- Một đoạn mới thêm vào.\n", encoding="utf-8")
    known, fresh = cached_letters(paths, folder, store)
    parsed_before = {o.relative for o in known}
    assert changed in fresh
    assert roles["d2"] not in parsed_before
    assert all(p in fresh for p in paths if p.suffix in (".pdf",) or p.stat().st_size == 0)
    assert len(known) >= len(paths) - 4  # everything else comes from the cache
    store.close()


def test_cache_ignores_entries_of_another_code_version(tmp_path: Path) -> None:
    folder, _ = build_cascade_folder(tmp_path / "in")
    store = Cache(tmp_path / "cache")
    outcome = next(o for o in parse_many(discover(folder), folder, jobs=1) if o.letter is not None)
    assert outcome.letter is not None
    store.put_letter(outcome.letter)
    store.version = "another-version"
    assert store.letter(outcome.letter.source.sha256, outcome.letter.source.path) is None
    store.close()


def test_dask_local_cluster_gives_the_local_results(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    folder, _ = build_cascade_folder(tmp_path / "in")
    paths = discover(folder)
    local = parse_many(paths, folder, jobs=1)
    letters = {o.relative: o.letter for o in local if o.letter is not None}
    failures = {o.relative: o.error or "" for o in local if o.letter is None}
    expected = analyse_letters(str(folder), letters, failures, jobs=1)
    cluster_options = {"n_workers": 2, "threads_per_worker": 1, "processes": True, "dashboard_address": None}
    with distributed.LocalCluster(**cluster_options) as cluster, distributed.Client(cluster) as client:
        executor = client.get_executor()
        remote = parse_many(paths, folder, executor=executor)
        assert [(o.relative, o.letter, o.error) for o in remote] == [(o.relative, o.letter, o.error) for o in local]
        got = analyse_letters(str(folder), letters, failures, executor=executor)
        assert got.nodes == expected.nodes
        dumped = {k: v.model_dump() for k, v in got.pairs.items()}
        assert dumped == {k: v.model_dump() for k, v in expected.pairs.items()}
        # the same through the CLI, pointed at the cluster's scheduler
        _run(folder, tmp_path / "dask", "--no-cache", "--scheduler", cluster.scheduler_address)
    _run(folder, tmp_path / "plain", "--no-cache")
    _same(tmp_path / "dask", tmp_path / "plain")


def test_district_header_naming_its_province_breaks_a_content_tie(tmp_path: Path) -> None:
    """Two provinces send the same text; a district letter with no citation whose header says
    "ĐẢNG BỘ TỈNH ĐỒNG NAI" is paired with the Đồng Nai letter, not the other one."""
    from cascade.corpus import detect_parents
    from parsers import parse_letter

    body = [
        "1. Tuyên truyền sâu rộng kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội sáu tháng đầu năm.",
        "- Phản ánh kịp thời những cách làm hay, mô hình mới trong phong trào thi đua yêu nước.",
        "- Đấu tranh, phản bác các quan điểm sai trái, thù địch trên không gian mạng.",
        "2. Tổ chức hội nghị báo cáo viên định kỳ, cung cấp thông tin định hướng cho cán bộ, đảng viên.",
    ]

    def province(name: str, number: int) -> str:
        return "\n".join([f"TỈNH ỦY {name.upper()}\t\tĐẢNG CỘNG SẢN VIỆT NAM", "BAN TUYÊN GIÁO", "*",
                          f"Số {number}-CV/BTGTU\t\t{name}, ngày 10 tháng 6 năm 2024", "V/v tuyên truyền",
                          "Kính gửi: Các huyện ủy.", "Ban Tuyên giáo Tỉnh ủy đề nghị thực hiện:", *body])

    (tmp_path / "binh-phuoc.txt").write_text(province("Bình Phước", 120), encoding="utf-8")
    (tmp_path / "dong-nai.txt").write_text(province("Đồng Nai", 121), encoding="utf-8")
    district = "\n".join(["ĐẢNG BỘ TỈNH ĐỒNG NAI\t\tĐẢNG CỘNG SẢN VIỆT NAM", "HUYỆN ỦY ĐỊNH QUÁN", "*",
                          "Số 33-CV/HU\t\tĐịnh Quán, ngày 15 tháng 6 năm 2024", "V/v tuyên truyền",
                          "Kính gửi: Các chi, đảng bộ cơ sở.", "Ban Thường vụ Huyện ủy đề nghị thực hiện:", *body])
    (tmp_path / "dinh-quan.txt").write_text(district, encoding="utf-8")
    letters = {p.name: parse_letter(p) for p in sorted(tmp_path.glob("*.txt"))}
    nodes = detect_parents(letters)
    assert [p.parent for p in nodes["dinh-quan.txt"].parents] == ["dong-nai.txt"]


def test_public_api_analyses_a_folder(tmp_path: Path) -> None:
    """`from cascade import …`: the folder pipeline the CLI calls, and the single-pair verbs."""
    from cascade import analyse_folder, link_letters, parse_letter
    from cascade.pipeline import FolderOptions, NothingToAnalyse

    folder, _ = build_cascade_folder(tmp_path / "in")
    stages: list[str] = []
    run = analyse_folder(folder, FolderOptions(out_dir=tmp_path / "out", jobs=1),
                         on_progress=lambda stage, done, total: stages.append(stage))
    assert {"parsing", "linking", "writing reports"} <= set(stages)
    assert (tmp_path / "out" / "index.html").exists() and run.written
    assert run.analysis.pairs and run.failures  # the factory folder holds unreadable files too
    parent, child = next(iter(run.analysis.pairs))
    result = link_letters(parse_letter(folder / parent), parse_letter(folder / child))
    assert result.links
    (tmp_path / "empty").mkdir()
    with pytest.raises(NothingToAnalyse):
        analyse_folder(tmp_path / "empty", FolderOptions(out_dir=tmp_path / "out2", jobs=1))


def test_letter_store_opens_packed_letters_as_they_were(tmp_path: Path) -> None:
    """Parse workers pack each letter; the store keeps it packed (never the letter it was given) with
    the facts parent detection reads, gives back equal letters, and carries only the packed bytes when
    pickled (to a Dask or a spawned worker)."""
    import gc
    import pickle
    import weakref

    from cascade.letter_facts import letter_facts
    from cascade.letter_store import LetterStore
    from models.packed import pack, unpack

    folder, _ = build_cascade_folder(tmp_path / "in")
    outcomes = [o for o in parse_many(discover(folder), folder, jobs=1) if o.letter is not None]
    assert all(o.packed is not None and unpack(o.packed) == o.letter for o in outcomes)
    store = LetterStore()
    for o in reversed(outcomes):
        store.add(o.relative, o.letter, o.packed)
    first = outcomes[0]
    assert store.facts(first.relative) == letter_facts(first.letter)
    assert store.sha256(first.relative) == first.letter.source.sha256
    given = first.letter.model_copy()
    gone = weakref.ref(given)
    store.add("given.txt", given)
    del given
    gc.collect()
    assert gone() is None  # packed, not held
    store.sort()  # in the order of the paths, however they came in
    again = store[first.relative]
    assert again == first.letter and again is not first.letter
    assert store[first.relative] is again  # a recently opened letter stays open
    store.release()
    assert store[first.relative] is not again
    assert list(store) == sorted([o.relative for o in outcomes] + ["given.txt"]) and len(store) == len(outcomes) + 1
    shipped = pickle.loads(pickle.dumps(store))
    assert {p: shipped[p] for p in shipped} == {**{o.relative: o.letter for o in outcomes}, "given.txt": first.letter}
    assert shipped.facts(first.relative) == letter_facts(first.letter)  # opened to tell: pickles carry no facts
    assert len(pickle.dumps(store)) < sum(len(pickle.dumps(o.letter)) for o in outcomes) / 2
    assert store.subset({first.relative})[first.relative] == first.letter
    with pytest.raises(KeyError):
        store["missing.txt"]
    assert len(pack(first.letter)) < len(pickle.dumps(first.letter))


def test_streamed_folder_run_writes_what_the_one_shot_writer_writes(tmp_path: Path) -> None:
    """`cascade analyse` hands each letter and pair to the reports as they come and keeps only the
    pairs' summaries; the reports are those written at once from the full results."""
    from cascade.pipeline import FolderOptions, analyse_folder
    from cascade.reports.folder import write_folder_reports
    from models import LinkSummary

    folder, _ = build_cascade_folder(tmp_path / "in")
    run = analyse_folder(folder, FolderOptions(out_dir=tmp_path / "streamed", jobs=1))
    assert run.analysis.pairs and all(isinstance(s, LinkSummary) for s in run.analysis.pairs.values())
    local = parse_many(discover(folder), folder, jobs=1)
    letters = {o.relative: o.letter for o in local if o.letter is not None}
    failures = {o.relative: run.failures[o.relative] for o in local if o.letter is None}
    full = analyse_letters(str(folder), letters, {**run.failures, **failures}, jobs=1)
    write_folder_reports(full, tmp_path / "whole", folder, jobs=1)
    for name in (*COMPARED, "items.csv", "matrix.csv", "cascade.graphml"):
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    streamed = sorted(p.name for p in (tmp_path / "streamed" / "pairs").iterdir())
    assert streamed == sorted(p.name for p in (tmp_path / "whole" / "pairs").iterdir())
    with pytest.raises(ValueError, match="summary"):
        write_folder_reports(run.analysis, tmp_path / "again", folder)


def test_parsing_in_small_batches_writes_the_same_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Letters are packed a batch at a time as they come back from parsing: batches of two files (and
    a cache filled by half of them) give the same letters, order, failures and reports as one batch."""
    import cascade.pipeline as pipeline
    from cascade.pipeline import FolderOptions, analyse_folder

    folder, _ = build_cascade_folder(tmp_path / "in")
    whole = analyse_folder(folder, FolderOptions(out_dir=tmp_path / "whole", jobs=1))
    cache = Cache(tmp_path / "cache")
    for outcome in parse_many(discover(folder)[1::2], folder, jobs=1):  # each batch: cached first
        if outcome.letter is not None:
            cache.put_letter(outcome.letter)
    cache.commit()
    monkeypatch.setattr(pipeline, "PARSE_BATCH", 2)
    small = analyse_folder(folder, FolderOptions(out_dir=tmp_path / "small", jobs=1), cache=cache)
    assert cache.hits
    cache.close()
    assert list(small.analysis.letters) == list(whole.analysis.letters)
    assert small.failures == whole.failures and small.files == whole.files
    assert small.analysis.nodes == whole.analysis.nodes
    _same(tmp_path / "whole", tmp_path / "small")


def test_parents_found_from_a_store_open_each_letter_once(tmp_path: Path) -> None:
    """Detection reads each letter's facts and the trigram index, never the letters: from a store it
    opens each letter once (to index it) and finds what it finds from the letters themselves."""
    from cascade.corpus import detect_parents
    from cascade.letter_store import LetterStore

    folder, _ = build_cascade_folder(tmp_path / "in")
    letters = {o.relative: o.letter for o in parse_many(discover(folder), folder, jobs=1) if o.letter is not None}
    opened: list[str] = []

    class Counted(LetterStore):
        def __getitem__(self, path: str):  # type: ignore[override]
            opened.append(path)
            return super().__getitem__(path)

    store = Counted()
    for path, letter in letters.items():
        store.add(path, letter)
    assert detect_parents(store, jobs=1) == detect_parents(letters, jobs=1)
    assert sorted(opened) == sorted(letters)


def test_the_index_from_the_parse_workers_features_is_the_index_of_the_letters(tmp_path: Path) -> None:
    """A folder run's parse workers compute each letter's trigrams and their units (`letter_features`) and
    the store hands them to the index, which opens no letter for them: the index is the one built from
    the letters themselves, and the store lets go of the features once it is built."""
    import numpy as np

    from cascade.corpus import build_index
    from cascade.pipeline import parse_into_store

    folder, _ = build_cascade_folder(tmp_path / "in")
    store, _ = parse_into_store(discover(folder), folder, jobs=2)
    assert all(store.features(p) is not None for p in store)
    letters = {p: store[p] for p in store}
    store.release()
    opened: list[str] = []
    getitem = type(store).__getitem__
    type(store).__getitem__ = lambda self, path: opened.append(path) or getitem(self, path)  # type: ignore[method-assign]
    try:
        from_features = build_index(store, jobs=1)
    finally:
        type(store).__getitem__ = getitem  # type: ignore[method-assign]
    assert not opened
    assert all(store.features(p) is None for p in store)
    from_letters = build_index(letters, jobs=1)
    assert from_features.paths == from_letters.paths
    for k in range(len(from_letters.paths)):
        assert np.array_equal(from_features.grams[k], from_letters.grams[k])
        assert np.array_equal(from_features.labels[k], from_letters.labels[k])


def test_link_workers_started_before_detection_link_what_one_process_links(tmp_path: Path) -> None:
    """The link workers a folder run starts while parents are detected (`start_link_pool`: fresh processes
    given the whole store, the pages with each job) give the pairs one process gives."""
    from cascade.analysis import PRESTART_MIN_LETTERS, start_link_pool
    from cascade.pipeline import parse_into_store

    folder, _ = build_cascade_folder(tmp_path / "in")
    store, failures = parse_into_store(discover(folder), folder, jobs=1)
    assert len(store) >= PRESTART_MIN_LETTERS
    pool = start_link_pool(store, 2)
    assert pool is not None
    pool.shutdown()
    assert start_link_pool(store, 1) is None
    one = analyse_letters(str(folder), store, failures, jobs=1)
    two = analyse_letters(str(folder), store, failures, jobs=2)
    assert one.nodes == two.nodes and one.pairs
    assert {k: v.model_dump() for k, v in two.pairs.items()} == {k: v.model_dump() for k, v in one.pairs.items()}
