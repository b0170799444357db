"""Linking cost of long documents: the largest real documents of ../shared/eval/real/documents as parents,
each with a child derived by the generator (bench/corpus.py, light profile), linked with the per-unit
candidate pruning of cascade/unit_candidates.py and without it (every parent unit scored for every
child unit), with the agreement of the two and their unit-link precision/recall against the
generator's gold.

    .venv/bin/python bench/long_pair.py [--repeat 3]
"""

import argparse
import dataclasses
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import PROFILES, derive  # noqa: E402
from cascade.align import DEFAULT_SETTINGS  # noqa: E402
from cascade.linking import link_letters  # noqa: E402
from cascade.units import letter_units  # noqa: E402
from parsers import parse_letter  # noqa: E402

DOCS = REPO.parent / "shared" / "eval" / "real" / "documents"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--largest", type=int, default=3)
    a = ap.parse_args()
    files = sorted(DOCS.rglob("*.txt"), key=lambda p: -p.stat().st_size)[: a.largest]
    full = dataclasses.replace(DEFAULT_SETTINGS, prune_above_units=10**9)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            parent = parse_letter(path)
            derived = derive(parent, random.Random(3), PROFILES["light"])
            child_path = Path(tmp) / "child.txt"
            child_path.write_text(derived.text, encoding="utf-8")
            child = parse_letter(child_path)
            gold = set(map(tuple, derived.links))
            row = {"parent": path.name, "parent_kb": path.stat().st_size / 1e3,
                   "child_kb": len(derived.text.encode()) / 1e3, "parent_units": len(letter_units(parent)),
                   "child_units": len(letter_units(child))}
            found = {}
            for name, settings in (("pruned", DEFAULT_SETTINGS), ("every unit pair", full)):
                times = []
                for _ in range(a.repeat):
                    t = time.perf_counter()
                    result = link_letters(parent, child, settings)
                    times.append(time.perf_counter() - t)
                links = {(x.parent, x.child) for x in result.links}
                found[name] = links
                tp = len(links & gold)
                row[name] = {"seconds": min(times), "precision": tp / max(1, len(links)),
                             "recall": tp / max(1, len(gold))}
            row["agreement"] = len(found["pruned"] & found["every unit pair"]) / max(
                1, len(found["pruned"] | found["every unit pair"]))
            rows.append(row)
            print(json.dumps(row), flush=True)
    print("\n| parent | parent KB | child KB | units (parent × child) | link, pruned (s) | link, every unit pair (s) "
          "| agreement | P / R pruned | P / R every pair |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        p, f = r["pruned"], r["every unit pair"]
        print(f"| {r['parent']} | {r['parent_kb']:.0f} | {r['child_kb']:.0f} | "
              f"{r['parent_units']} × {r['child_units']} "
              f"| {p['seconds']:.2f} | {f['seconds']:.2f} | {r['agreement']:.3f} | {p['precision']:.3f} / "
              f"{p['recall']:.3f} | {f['precision']:.3f} / {f['recall']:.3f} |")
    (REPO / "bench" / "out" / "long_pair.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
