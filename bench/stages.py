"""Time and memory of each stage of a folder analysis, in one process as `cascade analyse` runs them
(parse in worker processes, each letter packed as it comes back with its trigrams and their unit labels
→ trigram index → the link workers started (they start up while detection runs) → parent detection
from each letter's facts → the report folder opened →
linking, every letter's rows written when the first pair comes back, each pair's pages written by
the worker that linked it and its rows handed to the overview → the overview closed), measured after
each stage: the main process's resident memory now and at its peak, and the peak of the worker
processes.

    .venv/bin/python bench/stages.py bench/out/corpus-v2-1000-seed0 [--jobs 2] [--scheduler local]

Prints a table and writes bench/out/stages-<folder>.json.
"""

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cascade.analysis import FolderAnalysis, link_pairs, start_link_pool  # noqa: E402
from cascade.corpus import DEFAULT_CORPUS_SETTINGS, build_index, detect_parents  # noqa: E402
from cascade.pipeline import parse_into_store  # noqa: E402
from cascade.reports.folder import FolderReportWriter  # noqa: E402
from models.corpus import LetterNode  # noqa: E402
from parsers.batch import discover  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 1e6


def cpu_s() -> float:
    """User + system CPU of this process and of its workers that have ended (each pool is joined at its
    stage's end): on a shared machine the CPU is what compares, the wall is the neighbours' too."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=None)
    ap.add_argument("--scheduler", default=None, help="local: run parse and link on a Dask LocalCluster")
    a = ap.parse_args()
    rows = []
    t0 = time.perf_counter()
    last = t0

    def mark(stage: str, **extra: object) -> None:
        nonlocal last
        now = time.perf_counter()
        cpu = cpu_s()
        rows.append({"stage": stage, "seconds": now - last, "cpu_s": cpu - (rows[-1]["cpu_total_s"] if rows else 0.0),
                     "cpu_total_s": cpu, "load": os.getloadavg()[0], "rss_mb": rss_mb(),
                     "peak_mb": peak_mb(resource.RUSAGE_SELF), "workers_peak_mb": peak_mb(resource.RUSAGE_CHILDREN),
                     **extra})
        last = now
        print(json.dumps(rows[-1]), flush=True)

    executor = client = cluster = None
    if a.scheduler == "local":
        from distributed import Client, LocalCluster

        cluster = LocalCluster(n_workers=a.jobs or 2, threads_per_worker=1, dashboard_address=None)
        client = Client(cluster)
        executor = client.get_executor()
    mark("start")
    letters, failures = parse_into_store(discover(a.folder), a.folder, jobs=a.jobs, executor=executor)
    mark("parse (each letter packed as it comes back)", letters=len(letters))
    index = build_index(letters)
    mark("trigram index", index_mb=index.nbytes / 1e6)
    pool = start_link_pool(letters, a.jobs) if executor is None else None
    nodes = detect_parents(letters, DEFAULT_CORPUS_SETTINGS, index)
    visits = index.visits / max(1, index.voted)
    del index
    for path, error in failures.items():
        nodes[path] = LetterNode(path=path, status="failed", error=error)
    mark("parent detection", visits_per_letter=visits)
    nodes = dict(sorted(nodes.items()))
    pairs = [(p.parent, c) for c, n in nodes.items() for p in n.parents]
    out = Path(tempfile.mkdtemp()) / "report"
    writer = FolderReportWriter(out, a.folder, pairs, nodes, letters)
    mark("report folder opened")
    results = link_pairs(letters, pairs, a.jobs, executor=executor, writer=writer, pool=pool)
    if pool is not None:
        pool.shutdown()  # joined, so its workers' CPU (their start-up included) counts here
    per_worker = {}
    if client is not None:
        import psutil

        per_worker = {w: m / 1e6 for w, m in client.run(lambda: psutil.Process().memory_info().rss).items()}
    mark("link + pair pages", pairs=len(results), dask_worker_rss_mb=per_worker)
    analysis = FolderAnalysis(root=str(a.folder), letters=letters, nodes=nodes, pairs=results)
    written = writer.finish(analysis)
    mark("overview closed (index.html assembled, workbook, database index)", files=len(written))
    shutil.rmtree(out.parent, ignore_errors=True)
    if client is not None:
        client.close()
        cluster.close()
    total = time.perf_counter() - t0
    print(f"\n{len(letters)} letters, {total:.1f} s\n")
    print(f"CPU {rows[-1]['cpu_total_s']:.1f} s (this process and its workers)\n")
    print("| stage | seconds | CPU s | load | main RSS after (MB) | main peak (MB) | worker peak (MB) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows[1:]:
        print(f"| {r['stage']} | {r['seconds']:.1f} | {r['cpu_s']:.1f} | {r['load']:.1f} | {r['rss_mb']:.0f} | "
              f"{r['peak_mb']:.0f} | {r['workers_peak_mb']:.0f} |")
    (REPO / "bench" / "out" / f"stages-{a.folder.name}.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
