"""Parse and link timings on this machine (a benchmark, not a test): medians over repeated runs.

    .venv/bin/python bench/speed.py [--repeat 30]

Prints a table and writes bench/out/speed.json.
"""

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARENT = ROOT / "samples" / "province_1383-CV-BTGTU.txt"
CHILD = ROOT / "samples" / "district_implementing_1383.txt"


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=30)
    args = ap.parse_args()

    t0 = time.perf_counter()
    from cascade.linking import link_letters
    from parsers import parse_letter

    parent = parse_letter(PARENT)  # first call loads spaCy once for the process
    cold_ms = (time.perf_counter() - t0) * 1000
    child = parse_letter(CHILD)
    with tempfile.TemporaryDirectory() as tmp:
        # A 40-unit x 40-unit pair: the provincial letter (40 units) against a localised copy of itself.
        local = Path(tmp) / "local.txt"
        local.write_text(PARENT.read_text(encoding="utf-8").replace("tỉnh", "huyện").replace("Tỉnh", "Huyện"),
                         encoding="utf-8")
        local_letter = parse_letter(local)
        rows = {
            "import + first parse (cold, ms)": cold_ms,
            "parse provincial letter (25 KB, ms)": _median_ms(lambda: parse_letter(PARENT), args.repeat),
            "parse district letter (13 KB, ms)": _median_ms(lambda: parse_letter(CHILD), args.repeat),
            "link sample pair (40 x 26 units, ms)": _median_ms(lambda: link_letters(parent, child), args.repeat),
            "link 40 x 40 units (ms)": _median_ms(lambda: link_letters(parent, local_letter), args.repeat),
        }
    width = max(map(len, rows))
    for name, value in rows.items():
        print(f"{name:<{width}}  {value:8.1f}")
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "speed.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
