"""Profile the stages of `cascade analyse` on a generated corpus with cProfile (one process, so the
profile sees everything), and print each stage's time and its top functions.

    .venv/bin/python bench/profile_stages.py bench/out/corpus-1000-seed0 [--top 12]
"""

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from cascade.analysis import FolderAnalysis, link_pairs  # noqa: E402
from cascade.corpus import detect_parents  # noqa: E402
from cascade.reports.folder import write_folder_reports  # noqa: E402
from parsers.batch import discover, parse_many  # noqa: E402


def stage(name: str, top: int, fn, *args):
    profiler = cProfile.Profile()
    t = time.perf_counter()
    profiler.enable()
    value = fn(*args)
    profiler.disable()
    elapsed = time.perf_counter() - t
    buffer = io.StringIO()
    pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(top)
    lines = [ln for ln in buffer.getvalue().splitlines() if ln.strip()[:1].isdigit()]
    print(f"\n== {name}: {elapsed:.1f} s (profiled, one process)")
    print("\n".join(lines[1 : top + 1]))
    return value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--top", type=int, default=10)
    a = ap.parse_args()
    paths = discover(a.corpus)
    outcomes = stage("parse", a.top, lambda: parse_many(paths, a.corpus, 1, budget=None))  # here, to be profiled
    letters = {o.relative: o.letter for o in outcomes if o.letter is not None}
    nodes = stage("parent detection", a.top, detect_parents, letters)
    pairs = [(p.parent, c) for c, n in nodes.items() for p in n.parents]
    results = stage("linking", a.top, link_pairs, letters, pairs, 1)
    analysis = FolderAnalysis(root=str(a.corpus), letters=letters, nodes=nodes, pairs=results)
    out = Path(tempfile.mkdtemp()) / "report"
    stage("reports", a.top, write_folder_reports, analysis, out, a.corpus, ("html", "pairs", "docx", "md", "csv",
                                                                            "graph"), "vi")
    shutil.rmtree(out.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
