"""Time and memory of `cascade analyse` (every report) against the number of letters: does each grow
linearly? One generated cascade per size (bench/scale_corpus.py), each analysed once under GNU time.

    .venv/bin/python bench/scale_curve.py --sizes 100,1000,3000 [--scheduler local] [--code DIR]

`--code DIR` runs another checkout's code (e.g. `git archive main | tar -x -C DIR`) with this venv,
for a before/after in one session.

Prints a Markdown table (wall, CPU of the process and its workers, peak RSS of the largest single
process, and the growth per thousand letters from the previous size) and writes
bench/out/scale-curve.json. The machine is shared: read the load average printed with each row.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.scale_corpus import OUT, corpus  # noqa: E402


def measure(root: Path, scheduler: str | None, code: Path | None) -> dict:
    out = OUT / f"curve-report-{root.name}{'-' + code.name if code else ''}"
    cascade = str(REPO / ".venv" / "bin" / "cascade")
    cmd = ["/usr/bin/time", "-f", "%e %M %U %S", cascade, "analyse", str(root), "-o", str(out), "--no-cache"]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    load = os.getloadavg()[0]
    env = {**os.environ, "PYTHONPATH": str(code.resolve())} if code else None
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall, rss_kb, user, system = proc.stderr.strip().splitlines()[-1].split()
    letters = sum(1 for p in root.rglob("*") if p.suffix in (".txt", ".docx"))
    return {"letters": letters, "wall_s": float(wall), "peak_rss_mb": int(rss_kb) / 1024,
            "cpu_s": float(user) + float(system), "load_before": load, "load_after": os.getloadavg()[0]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000,3000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--scheduler", default=None)
    ap.add_argument("--code", type=Path, default=None, help="run the code of this folder instead")
    a = ap.parse_args()
    rows = []
    for size in (int(s) for s in a.sizes.split(",")):
        rows.append(measure(corpus(size, a.seed), a.scheduler, a.code))
        print(json.dumps(rows[-1]), flush=True)
    name = f"scale-curve{'-' + a.code.name if a.code else ''}.json"
    (OUT / name).write_text(json.dumps(rows, indent=1), encoding="utf-8")
    print("\n| letters | wall (s) | CPU (s) | peak RSS (MB) | per 1,000 more letters: wall / CPU / RSS | load |")
    print("|---|---|---|---|---|---|")
    prev = None
    for r in rows:
        step = "—"
        if prev is not None:
            k = (r["letters"] - prev["letters"]) / 1000
            step = (f"{(r['wall_s'] - prev['wall_s']) / k:.1f} s / {(r['cpu_s'] - prev['cpu_s']) / k:.1f} s / "
                    f"{(r['peak_rss_mb'] - prev['peak_rss_mb']) / k:.0f} MB")
        print(f"| {r['letters']:,} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_rss_mb']:.0f} | {step} | "
              f"{r['load_before']:.1f}–{r['load_after']:.1f} |")
        prev = r


if __name__ == "__main__":
    main()
