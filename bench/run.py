"""Scale benchmark: parse, link and analyse generated cascades of growing size on this machine, with
python-docx alone as the parsing floor and an all-against-all difflib baseline.

    .venv/bin/python bench/run.py                      # sizes 100 and 1000 (1 + 10 + 100 + 1000 letters)
    .venv/bin/python bench/run.py --sizes 100,1000,10000

Prints a table and writes bench/out/run.json. Corpora are generated once per size and seed under
bench/out/corpus-SIZE/ (deterministic), then reused.
"""

import argparse
import csv
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.scale_corpus import write_corpus  # noqa: E402
from cascade.linking import link_letters  # noqa: E402
from cascade.units import letter_units  # noqa: E402
from parsers import parse_letter  # noqa: E402

OUT = REPO / "bench" / "out"
SHAPES = {  # size → (provinces, districts per province, communes per district, unrelated)
    100: (3, 4, 7, 3),
    1000: (10, 10, 10, 0),  # 1 + 10 + 100 + 1000: the 30-second target
    10000: (10, 30, 33, 0),
}


def corpus(size: int, seed: int) -> Path:
    path = OUT / f"corpus-v2-{size}-seed{seed}"  # v2: the evidence mix of bench/corpus.py
    if not (path / "gold.json").exists():
        shutil.rmtree(path, ignore_errors=True)
        p, d, c, u = SHAPES[size]
        t = time.perf_counter()
        write_corpus(path, p, d, c, u, seed=seed)
        print(f"  generated {path.name} in {time.perf_counter() - t:.0f} s", flush=True)
    return path


def timed(fn, *args):
    t = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - t, value


def parse_rates(root: Path, limit: int) -> dict:
    """Letters/s and MB/s for .txt and .docx (one process), and python-docx alone on the same .docx."""
    import docx

    out = {}
    for suffix in (".txt", ".docx"):
        files = sorted(root.rglob(f"*{suffix}"))[:limit]
        if not files:
            continue
        size = sum(f.stat().st_size for f in files)
        seconds, _ = timed(lambda fs: [parse_letter(f) for f in fs], files)
        out[suffix] = {"files": len(files), "letters_per_s": len(files) / seconds, "mb_per_s": size / 1e6 / seconds}
        if suffix == ".docx":
            def floor(fs):
                for f in fs:
                    d = docx.Document(str(f))
                    for p in d.paragraphs:
                        _ = p.text
                    for t in d.tables:
                        for row in t.rows:
                            for cell in row.cells:
                                _ = cell.text
            seconds, _ = timed(floor, files)
            out["python-docx"] = {"files": len(files), "letters_per_s": len(files) / seconds,
                                  "mb_per_s": size / 1e6 / seconds}
    return out


def link_rate(root: Path, gold: dict, limit: int) -> dict:
    pairs = [(g["parent"], g["path"]) for g in gold["letters"] if g["parent"]][:limit]
    letters = {}
    for p in {x for pair in pairs for x in pair}:
        letters[p] = parse_letter(root / p)
    seconds, _ = timed(lambda ps: [link_letters(letters[a], letters[b]) for a, b in ps], pairs)
    return {"pairs": len(pairs), "pairs_per_s": len(pairs) / seconds}


def analyse(root: Path, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    cascade = str(REPO / ".venv" / "bin" / "cascade")
    cmd = ["/usr/bin/time", "-f", "%e %M", cascade, "analyse", str(root), "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
    wall, rss_kb = proc.stderr.strip().splitlines()[-1].split()
    return {"wall_s": float(wall), "peak_rss_mb": int(rss_kb) / 1024}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _links(report: Path) -> set[tuple[str, str, str, str]]:
    return {(r["parent_path"], r["parent_unit"], r["child_path"], r["child_unit"]) for r in _rows(report / "links.csv")}


def score(out: Path, gold: dict) -> dict:
    """Parent accuracy and unit-link F1 of an analyse run against the generator's gold."""
    rows = {r["path"]: r for r in _rows(out / "letters.csv")}
    right = sum(1 for g in gold["letters"] if (rows.get(g["path"], {}).get("parents") or None) == g["parent"])
    pred = _links(out)
    req = {(g["parent"], a, g["path"], b) for g in gold["letters"] if g["parent"] for a, b in g["links"]}
    return {"parent_accuracy": right / len(gold["letters"]), **_prf(pred, req)}


def _prf(pred: set, req: set) -> dict:
    tp = len(pred & req)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(req) if req else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def baseline(root: Path, gold: dict, n: int) -> dict:
    """The obvious approach on the first `n` letters: every letter against every letter, difflib's
    SequenceMatcher on every unit pair (with its cheap upper bounds first), each child unit linked to
    the best unit of the letter that explains most of it (ratio ≥ 0.6)."""
    entries = [g for g in gold["letters"]][:n]
    letters = {g["path"]: parse_letter(root / g["path"]) for g in entries}
    units = {p: [(u.id, u.text) for u in letter_units(letter)] for p, letter in letters.items()}
    t = time.perf_counter()
    pred = set()
    parents = {}
    for child in letters:
        best_total, best_links, best_parent = 0.0, [], None
        for parent in letters:
            if parent == child:
                continue
            total, links = 0.0, []
            for cid, ctext in units[child]:
                best = (0.0, None)
                for pid, ptext in units[parent]:
                    sm = SequenceMatcher(None, ptext, ctext, autojunk=False)
                    if sm.real_quick_ratio() <= best[0] or sm.quick_ratio() <= best[0]:
                        continue
                    r = sm.ratio()
                    if r > best[0]:
                        best = (r, pid)
                if best[0] >= 0.6:
                    total += best[0]
                    links.append((best[1], cid))
            if total > best_total:
                best_total, best_links, best_parent = total, links, parent
        parents[child] = best_parent
        pred |= {(best_parent, a, child, b) for a, b in best_links}
    seconds = time.perf_counter() - t
    # gold restricted to pairs inside the subset
    req = {(g["parent"], a, g["path"], b) for g in entries if g["parent"] in letters for a, b in g["links"]}
    pred = {x for x in pred if x[0] in letters}
    roots = {g["path"] for g in entries if not g["parent"] or g["parent"] not in letters}
    pred = {x for x in pred if x[2] not in roots}
    return {"letters": len(letters), "seconds": seconds, **_prf(pred, req)}


def ours_on_subset(root: Path, gold: dict, n: int) -> dict:
    entries = gold["letters"][:n]
    sub = OUT / f"subset-{root.name}-{n}"
    shutil.rmtree(sub, ignore_errors=True)
    for g in entries:
        target = sub / g["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(root / g["path"], target)
    report = OUT / f"subset-report-{n}"
    timing = analyse(sub, report)
    inside = {g["path"] for g in entries}
    req = {(g["parent"], a, g["path"], b) for g in entries if g["parent"] in inside for a, b in g["links"]}
    pred = _links(report)
    return {"letters": len(entries), "seconds": timing["wall_s"], **_prf(pred, req)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--baseline-sizes", default="20,40", help="letters for the all-against-all difflib baseline")
    ap.add_argument("--sample", type=int, default=300, help="letters parsed / pairs linked for the rates")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    machine = {"python": platform.python_version(), "cpus": os.cpu_count(), "machine": platform.machine(),
               "system": platform.platform()}
    results: dict = {"machine": machine, "sizes": {}, "baseline": []}
    for size in (int(s) for s in a.sizes.split(",")):
        print(f"size {size}:", flush=True)
        root = corpus(size, a.seed)
        gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
        row = {"letters": len(gold["letters"]), "megabytes": sum(f.stat().st_size for f in root.rglob("*.*")
                                                                 if f.suffix in (".txt", ".docx")) / 1e6}
        row["parse"] = parse_rates(root, a.sample)
        row["link"] = link_rate(root, gold, a.sample)
        row["analyse"] = analyse(root, OUT / f"report-{size}")
        row["accuracy"] = score(OUT / f"report-{size}", gold)
        results["sizes"][size] = row
        print(json.dumps(row, indent=1), flush=True)
    small = corpus(100, a.seed)
    gold = json.loads((small / "gold.json").read_text(encoding="utf-8"))
    for n in (int(s) for s in a.baseline_sizes.split(",") if s.strip()):
        b = baseline(small, gold, n)
        o = ours_on_subset(small, gold, n)
        results["baseline"].append({"letters": n, "baseline": b, "ours": o})
        print(f"baseline {n} letters: {b['seconds']:.1f} s F1 {b['f1']:.3f}; "
              f"ours {o['seconds']:.1f} s F1 {o['f1']:.3f}", flush=True)
    # quadratic fit of the baseline's time (it compares every letter with every other)
    pts = [(x["letters"], x["baseline"]["seconds"]) for x in results["baseline"]]
    if pts:
        k = statistics.median(s / (n * (n - 1)) for n, s in pts)
        results["baseline_extrapolated_s"] = {n: k * n * (n - 1) for n in (100, 1111, 10211)}
    name = "run.json" if a.baseline_sizes.strip() else f"run-{a.sizes.replace(',', '-')}.json"
    (OUT / name).write_text(json.dumps(results, indent=1), encoding="utf-8")
    _table(results)


def _table(r: dict) -> None:
    print("\n| letters | analyse wall (s) | peak RSS (MB) | parse .txt (letters/s) | parse .docx (letters/s) | "
          "python-docx alone (letters/s) | link (pairs/s) | parent accuracy | unit-link F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in r["sizes"].values():
        p = row["parse"]
        print(f"| {row['letters']} | {row['analyse']['wall_s']:.1f} | {row['analyse']['peak_rss_mb']:.0f} | "
              f"{p.get('.txt', {}).get('letters_per_s', math.nan):.0f} | "
              f"{p.get('.docx', {}).get('letters_per_s', math.nan):.0f} | "
              f"{p.get('python-docx', {}).get('letters_per_s', math.nan):.0f} | {row['link']['pairs_per_s']:.0f} | "
              f"{row['accuracy']['parent_accuracy']:.3f} | {row['accuracy']['f1']:.3f} |")
    for b in r["baseline"]:
        print(f"baseline on {b['letters']} letters: {b['baseline']['seconds']:.1f} s, unit-link F1 "
              f"{b['baseline']['f1']:.3f}; cascade {b['ours']['seconds']:.1f} s (whole analyse, every report), "
              f"F1 {b['ours']['f1']:.3f}")
    for n, s in r.get("baseline_extrapolated_s", {}).items():
        print(f"baseline extrapolated to {n} letters: {s:.0f} s")


if __name__ == "__main__":
    main()
