"""Scale benchmark: parse, link and analyse generated cascades of growing size on this machine, with
python-docx alone as the parsing floor, and peers measured in the same run: a MinHash-LSH parent finder
(datasketch) on the same letters, and, on small folders, the all-against-all unit matchers (difflib's
SequenceMatcher, rapidfuzz's ratio).

    .venv/bin/python bench/run.py                      # sizes 100 and 1000 (1 + 10 + 100 + 1000 letters)
    .venv/bin/python bench/run.py --sizes 10000 --baseline-sizes ""
    .venv/bin/python bench/run.py --sizes 100000 --baseline-sizes "" --scheduler local

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
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.parents import CLASSES, minhash_parents, ours, score_parents  # noqa: E402
from bench.process_tree import run_sampled  # noqa: E402
from bench.scale_corpus import corpus  # noqa: E402
from cascade.linking import link_letters  # noqa: E402
from cascade.units import letter_units  # noqa: E402
from parsers import parse_letter  # noqa: E402

OUT = REPO / "bench" / "out"
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


def analyse(root: Path, out: Path, scheduler: str | None = None, jobs: int | None = None) -> dict:
    """One `cascade analyse` run, its process tree sampled (bench/process_tree.py): the wall time, the
    peak of the largest process (as /usr/bin/time's %M reports it), and what the main process and
    each worker used."""
    shutil.rmtree(out, ignore_errors=True)
    cascade = str(REPO / ".venv" / "bin" / "cascade")
    cmd = [cascade, "analyse", str(root), "-o", str(out), "--no-cache"]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    stats = run_sampled(cmd)
    if stats.returncode != 0:
        raise SystemExit(f"cascade analyse failed ({stats.returncode}): {stats.stderr.strip()[-2000:]}")
    tree = stats.summary()
    return {"wall_s": stats.wall_s, "peak_rss_mb": max(p.peak_rss_mb for p in stats.processes),
            "main_peak_rss_mb": stats.main.peak_rss_mb, "tree": tree}


def _rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def _links(report: Path) -> set[tuple[str, str, str, str]]:
    return {(r["parent_path"], r["parent_unit"], r["child_path"], r["child_unit"]) for r in _rows(report / "links.csv")}


def score(out: Path, gold: dict) -> dict:
    """Parent accuracy (overall and per evidence class) and unit-link F1 of an analyse run against the
    generator's gold."""
    rows = {r["path"]: r for r in _rows(out / "letters.csv")}
    parents = score_parents({p: r["parents"] or None for p, r in rows.items()}, gold)
    pred = _links(out)
    req = {(g["parent"], a, g["path"], b) for g in gold["letters"] if g["parent"] for a, b in g["links"]}
    return {"parent_accuracy": parents["all"]["accuracy"], "parents": parents, **_prf(pred, req)}


def peers(root: Path, gold: dict) -> dict:
    """Parent detection alone (ours, from parsed letters) against the MinHash-LSH peer on the same
    letters: accuracy per evidence class, seconds, and our posting entries visited per letter."""
    from parsers.batch import discover, parse_many, relative_path

    letters = {relative_path(o.path, root): o.letter for o in parse_many(discover(root), root)
               if o.letter is not None}
    predicted, stats = ours(letters)
    mine = {"seconds": stats["seconds"], "index_mb": stats["index_mb"],
            "visits_per_letter": stats["visits_per_letter"], "voted": stats["voted"],
            "thin": len(stats["thin"]), "parents": score_parents(predicted, gold)}
    wrong = {g["path"] for g in gold["letters"] if (predicted.get(g["path"]) or None) != g["parent"]}
    mine["thin_wrong"] = len(wrong & set(stats["thin"]))
    del stats
    mpred, seconds = minhash_parents(letters, MINHASH_THRESHOLD, MINHASH_PERM)
    return {"ours": mine, "minhash": {"seconds": seconds, "parents": score_parents(mpred, gold),
                                      "threshold": MINHASH_THRESHOLD, "num_perm": MINHASH_PERM}}


# The peer's settings, the best of `bench/parents.py --tune-minhash` (seed 1, not the measured seed).
MINHASH_THRESHOLD = 0.1
MINHASH_PERM = 64


def _prf(pred: set, req: set) -> dict:
    tp = len(pred & req)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(req) if req else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _subset_score(entries: list[dict], inside: set[str], pred: set, seconds: float) -> dict:
    """A baseline's links scored against the gold restricted to pairs inside the subset: links from a parent
    outside it, and links of letters whose parent is outside it, are not counted."""
    req = {(g["parent"], a, g["path"], b) for g in entries if g["parent"] in inside for a, b in g["links"]}
    roots = {g["path"] for g in entries if not g["parent"] or g["parent"] not in inside}
    pred = {x for x in pred if x[0] in inside and x[2] not in roots}
    return {"letters": len(inside), "seconds": seconds, **_prf(pred, req)}


RAPIDFUZZ_CUTOFF = 0.6  # the best of 0.5-0.9 on seed 1 (bench/run.py --tune-rapidfuzz)


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
    return _subset_score(entries, set(letters), pred, time.perf_counter() - t)


def rapidfuzz_baseline(root: Path, gold: dict, n: int, cutoff: float = RAPIDFUZZ_CUTOFF) -> dict:
    """The all-pairs unit matcher with rapidfuzz: every letter against every letter, every child unit
    against every parent unit with `fuzz.ratio` (C++, one `cdist` matrix per letter pair), each child
    unit linked to its best unit of the letter that explains most of it (ratio ≥ `cutoff`)."""
    from rapidfuzz import fuzz, process

    entries = gold["letters"][:n]
    letters = {g["path"]: parse_letter(root / g["path"]) for g in entries}
    units = {p: [(u.id, u.text) for u in letter_units(letter)] for p, letter in letters.items()}
    t = time.perf_counter()
    pred = set()
    for child in letters:
        best_total, best_links, best_parent = 0.0, [], None
        c_texts = [x for _, x in units[child]]
        for parent in letters:
            if parent == child or not c_texts or not units[parent]:
                continue
            matrix = process.cdist(c_texts, [x for _, x in units[parent]], scorer=fuzz.ratio, workers=1)
            best = matrix.argmax(axis=1)
            total, links = 0.0, []
            for k, j in enumerate(best):
                r = float(matrix[k, j]) / 100
                if r >= cutoff:
                    total += r
                    links.append((units[parent][j][0], units[child][k][0]))
            if total > best_total:
                best_total, best_links, best_parent = total, links, parent
        pred |= {(best_parent, a, child, b) for a, b in best_links}
    return _subset_score(entries, set(letters), pred, time.perf_counter() - t)


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
    ap.add_argument("--baseline-sizes", default="20,40", help="letters for the all-against-all difflib and "
                                                               "rapidfuzz baselines")
    ap.add_argument("--sample", type=int, default=300, help="letters parsed / pairs linked for the rates")
    ap.add_argument("--scheduler", default=None, help="passed to cascade analyse (e.g. local: a Dask LocalCluster)")
    ap.add_argument("--jobs", type=int, default=None, help="passed to cascade analyse: worker processes")
    ap.add_argument("--no-peers", action="store_true", help="skip parent detection alone and the MinHash peer")
    ap.add_argument("--tune-rapidfuzz", action="store_true", help="the rapidfuzz matcher's cutoff grid, on seed 1")
    a = ap.parse_args()
    if a.tune_rapidfuzz:
        small = corpus(100, 1)
        gold = json.loads((small / "gold.json").read_text(encoding="utf-8"))
        for cutoff in (0.5, 0.6, 0.7, 0.8, 0.9):
            print(f"cutoff {cutoff}: unit-link F1 {rapidfuzz_baseline(small, gold, 20, cutoff)['f1']:.3f}", flush=True)
        return
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
        row["analyse"] = analyse(root, OUT / f"report-{size}", a.scheduler, a.jobs)
        row["accuracy"] = score(OUT / f"report-{size}", gold)
        if not a.no_peers:
            row["peers"] = peers(root, gold)
        results["sizes"][size] = row
        print(json.dumps(row, indent=1), flush=True)
    small = corpus(100, a.seed)
    gold = json.loads((small / "gold.json").read_text(encoding="utf-8"))
    for n in (int(s) for s in a.baseline_sizes.split(",") if s.strip()):
        b = baseline(small, gold, n)
        f = rapidfuzz_baseline(small, gold, n)
        o = ours_on_subset(small, gold, n)
        results["baseline"].append({"letters": n, "baseline": b, "rapidfuzz": f, "ours": o})
        print(f"baseline {n} letters: difflib {b['seconds']:.1f} s F1 {b['f1']:.3f}; rapidfuzz {f['seconds']:.1f} s "
              f"F1 {f['f1']:.3f}; ours {o['seconds']:.1f} s F1 {o['f1']:.3f}", flush=True)
    # quadratic fit of the baselines' time (they compare every letter with every other)
    for name in ("baseline", "rapidfuzz"):
        pts = [(x["letters"], x[name]["seconds"]) for x in results["baseline"]]
        if pts:
            k = statistics.median(s / (n * (n - 1)) for n, s in pts)
            results[f"{name}_extrapolated_s"] = {n: k * n * (n - 1) for n in (100, 1111, 10211)}
    name = "run.json" if a.baseline_sizes.strip() else f"run-{a.sizes.replace(',', '-')}.json"
    (OUT / name).write_text(json.dumps(results, indent=1), encoding="utf-8")
    _table(results)


def _table(r: dict) -> None:
    print("\n| letters | analyse wall (s) | peak RSS (MB) | parse .txt (letters/s) | parse .docx (letters/s) | "
          "python-docx alone (letters/s) | link (pairs/s) | parent found | unit-link F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in r["sizes"].values():
        p = row["parse"]
        print(f"| {row['letters']} | {row['analyse']['wall_s']:.1f} | {row['analyse']['peak_rss_mb']:.0f} | "
              f"{p.get('.txt', {}).get('letters_per_s', math.nan):.0f} | "
              f"{p.get('.docx', {}).get('letters_per_s', math.nan):.0f} | "
              f"{p.get('python-docx', {}).get('letters_per_s', math.nan):.0f} | {row['link']['pairs_per_s']:.0f} | "
              f"{row['accuracy']['parent_accuracy']:.3f} | {row['accuracy']['f1']:.3f} |")
    print("\n| letters | main process peak (MB) | whole tree peak (MB) | CPU, all processes (s) | workers | "
          "per worker: peak RSS (MB) | per worker: CPU (s) |")
    print("|---|---|---|---|---|---|---|")
    for row in r["sizes"].values():
        t = row["analyse"].get("tree")
        if not t:
            continue
        ws = t["workers"]
        peaks = ", ".join(f"{w['peak_rss_mb']:.0f}" for w in ws)
        cpus = ", ".join(f"{w['cpu_s']:.0f}" for w in ws)
        print(f"| {row['letters']} | {t['main']['peak_rss_mb']:.0f} | {t['peak_tree_rss_mb']:.0f} | {t['cpu_s']:.0f} | "
              f"{len(ws)} | {peaks} | {cpus} |")
    print("\nParent found, per evidence class (letters in the class):\n")
    print("| letters | finder | all | " + " | ".join(CLASSES) + " | seconds | time ratio to ours |")
    print("|---|---|---|" + "---|" * len(CLASSES) + "---|---|")

    def cells(scores: dict) -> str:
        return " | ".join(f"{scores[k]['accuracy']:.3f} ({scores[k]['letters']})" if k in scores else "—"
                          for k in ("all", *CLASSES))

    for row in r["sizes"].values():
        print(f"| {row['letters']} | cascade analyse | {cells(row['accuracy']['parents'])} | "
              f"{row['analyse']['wall_s']:.1f} (whole run) | |")
        if "peers" in row:
            o, m = row["peers"]["ours"], row["peers"]["minhash"]
            print(f"| {row['letters']} | cascade parent detection alone | {cells(o['parents'])} | "
                  f"{o['seconds']:.1f} | 1 |")
            print(f"| {row['letters']} | MinHash-LSH (datasketch, threshold {m['threshold']}, {m['num_perm']} perm) | "
                  f"{cells(m['parents'])} | {m['seconds']:.1f} | {m['seconds'] / o['seconds']:.2f} |")
    print("\n| letters | posting entries visited per letter | letters voted | index (MB) | thin-evidence "
          "(of them wrong) |")
    print("|---|---|---|---|---|")
    for row in r["sizes"].values():
        if "peers" in row:
            o = row["peers"]["ours"]
            print(f"| {row['letters']} | {o['visits_per_letter']:.0f} | {o['voted']} | {o['index_mb']:.1f} | "
                  f"{o['thin']} ({o['thin_wrong']}) |")
    for b in r["baseline"]:
        print(f"on {b['letters']} letters: difflib all pairs {b['baseline']['seconds']:.1f} s (unit-link F1 "
              f"{b['baseline']['f1']:.3f}), rapidfuzz all pairs {b['rapidfuzz']['seconds']:.1f} s (F1 "
              f"{b['rapidfuzz']['f1']:.3f}); cascade {b['ours']['seconds']:.1f} s (whole analyse, every report), "
              f"F1 {b['ours']['f1']:.3f}: time ratios {b['baseline']['seconds'] / b['ours']['seconds']:.0f} and "
              f"{b['rapidfuzz']['seconds'] / b['ours']['seconds']:.1f}")
    for name in ("baseline", "rapidfuzz"):
        for n, s in r.get(f"{name}_extrapolated_s", {}).items():
            print(f"{'difflib' if name == 'baseline' else name} extrapolated to {n} letters: {s:.0f} s")


if __name__ == "__main__":
    main()
