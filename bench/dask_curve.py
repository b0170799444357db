"""How time and memory per Dask worker grow with the letters and the workers: `cascade analyse
--scheduler local --jobs W` on generated cascades of growing size, each run's process tree sampled
(bench/process_tree.py), so the main process (client and in-process scheduler) and each worker are
measured apart.

    .venv/bin/python bench/dask_curve.py --sizes 1000,3000,10000 --workers 1,2
    .venv/bin/python bench/dask_curve.py --sizes 1000 --workers 1,2 --with-run bench/out/run-100000.json

Writes bench/out/dask-curve.json and prints one table; `--with-run` adds the rows of a bench/run.py JSON
(e.g. the 100k run) to the table. CPU seconds are the robust measure on a shared machine; wall time is
printed with the load average the run saw.
"""

import argparse
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.run import analyse  # noqa: E402
from bench.scale_corpus import corpus  # noqa: E402

OUT = REPO / "bench" / "out"


def row(letters: int, workers: int, run: dict, load: float | None) -> dict:
    tree = run["tree"]
    ws = tree["workers"]
    return {"letters": letters, "workers": workers, "wall_s": run["wall_s"], "cpu_s": tree["cpu_s"],
            "main_peak_mb": tree["main"]["peak_rss_mb"], "main_cpu_s": tree["main"]["cpu_s"],
            "worker_peak_mb": max((w["peak_rss_mb"] for w in ws), default=0.0),
            "worker_cpu_s": [round(w["cpu_s"], 1) for w in ws], "tree_peak_mb": tree["peak_tree_rss_mb"],
            "load": load}


def table(rows: list[dict]) -> None:
    print("\n| letters | workers | wall (s) | load | CPU all (s) | main: peak MB / CPU s | largest worker peak (MB) | "
          "CPU per worker (s) | whole tree peak (MB) | per 1,000 letters: CPU s / main MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    rows = sorted(rows, key=lambda r: (r["workers"], r["letters"]))
    prev: dict[int, dict] = {}
    for r in rows:
        p = prev.get(r["workers"])
        step = "—"
        if p and r["letters"] > p["letters"]:
            k = (r["letters"] - p["letters"]) / 1000
            step = f"{(r['cpu_s'] - p['cpu_s']) / k:.1f} / {(r['main_peak_mb'] - p['main_peak_mb']) / k:.0f}"
        load = f"{r['load']:.1f}" if r.get("load") is not None else "—"
        print(f"| {r['letters']:,} | {r['workers']} | {r['wall_s']:.1f} | {load} | {r['cpu_s']:.0f} | "
              f"{r['main_peak_mb']:.0f} / {r['main_cpu_s']:.0f} | {r['worker_peak_mb']:.0f} | "
              f"{', '.join(f'{c:.0f}' for c in r['worker_cpu_s'])} | {r['tree_peak_mb']:.0f} | {step} |")
        prev[r["workers"]] = r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,3000")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--with-run", type=Path, action="append", default=[],
                    help="a bench/run.py JSON whose --scheduler local rows join the table")
    a = ap.parse_args()
    rows = []
    for size in (int(s) for s in a.sizes.split(",") if s.strip()):
        root = corpus(size, a.seed)
        letters = len(json.loads((root / "gold.json").read_text(encoding="utf-8"))["letters"])
        for workers in (int(w) for w in a.workers.split(",") if w.strip()):
            print(f"{letters} letters, {workers} worker(s)…", flush=True)
            run = analyse(root, OUT / f"dask-curve-report-{size}-{workers}", "local", workers)
            rows.append(row(letters, workers, run, os.getloadavg()[0]))
            print(json.dumps({k: v for k, v in rows[-1].items()}), flush=True)
    for path in a.with_run:
        data = json.loads(path.read_text(encoding="utf-8"))
        for size_row in data["sizes"].values():
            if "tree" in size_row["analyse"]:
                workers = len(size_row["analyse"]["tree"]["workers"])
                rows.append(row(size_row["letters"], workers, size_row["analyse"], None))
    (OUT / "dask-curve.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    table(rows)


if __name__ == "__main__":
    main()
