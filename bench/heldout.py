"""Score the parser on the held-out real documents of bench/heldout with the shared scorers, in one table.

The held-out set (see bench/heldout/SOURCES.md) holds real letters and long/legal documents from portals and
repositories that development never used, with gold written by hand before the parser saw them. It is split in
four: half A (files `a*`, `la*`) was studied in round 2; half B (`b*`, `lb*`) was only scored in round 2 and
studied in round 3; half C (`c*`, from yet other portals) was scored as found in round 3 and studied in round 4, so
it is fitted too. Half D (`d*`, collected after round 4 from sites no earlier half or dev source used, gold written
before any parser run) was scored once as found, the last unseen estimate, and studied in round 5: all four
halves are fitted now. Half E (`e*`, 25 documents collected after round 5 from sites no earlier half, dev source or
../shared/eval/real used, gold written by reading before any parser run) was scored once as found, the last unseen
estimate, and studied in round 6. Half F (`f*`, 23 documents collected the same way after round 6) was scored
once as found, the latest unseen estimate, and studied in round 7. Half G (`g*`, 25 documents collected the same way
after round 7, gold committed before any parser run) was scored once as found, the latest unseen estimate, and
studied in round 8. Half H (`h*`, 25 documents collected the same way after round 8 from 25 hosts no earlier half
used, gold committed before any parser run) was scored once as found, the latest unseen estimate, and studied in
round 9. Half I (`i*`, 25 documents collected the same way after round 9 from 25 more hosts, gold committed before
any parser run) was scored once as found and studied in round 10. Half J (`j*`, 25 documents collected the same
way after round 10 from 25 more hosts, gold committed before any parser run) was scored once as found and studied in
round 11; halves K-M the same in rounds 13-15. Halves N and O (`n*`, `o*`, collected at once from disjoint regions
after round 15) were scored as found; N was studied in round 16, O kept unseen through it (the latest unseen
estimate, scored on round 16's parser) and then studied in round 17. Halves P and Q (`p*`, `q*`, collected after
round 17 from new hosts, gold committed before any parser run) were scored once as found, both unseen, the latest
estimate. README 'Held-out real documents' has the tables.

Letters are scored by ../shared/eval/score_letters.py (identity, citations, tier, system) on each half and on
both; documents whose gold lists item labels are scored by ../shared/eval/score_real_pairs.py (label coverage),
each posed as a pair whose parent is the document and whose gold lists the labels as `dropped`; real
parent->child pairs under bench/heldout/pairs/ (if any) are linked with `cascade link` and scored the same way.
The scorers are called, never copied.

    .venv/bin/python -m bench.heldout                  # the table
    .venv/bin/python -m bench.heldout --half A         # only half A's column, while fixing
    .venv/bin/python -m bench.heldout --misses C       # plus what half C missed (never for an unseen half)
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "bench" / "heldout"
SCORERS = REPO.parent / "shared" / "eval"
HALVES = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q")


def parse_all(gold: list[dict], out: Path) -> dict[str, str]:
    """Write <file>.json per document as `cascade parse --format json` would; return the refusals."""
    from models import CascadeError
    from parsers import parse_letter

    refused: dict[str, str] = {}
    for g in gold:
        try:
            letter = parse_letter(HELDOUT / g["file"])
        except CascadeError as e:
            refused[g["file"]] = str(e)
            continue
        (out / f"{g['file']}.json").write_text(json.dumps(letter.model_dump(mode="json"), ensure_ascii=False),
                                              encoding="utf-8")
    return refused


def run_scorer(script: str, *args: Path) -> dict:
    done = subprocess.run([sys.executable, str(SCORERS / script), *map(str, args)], capture_output=True,
                          text=True, check=True)
    return json.loads(done.stdout)


def score_letters(gold: list[dict], out: Path, work: Path, name: str) -> dict:
    path = work / f"gold_{name}.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return run_scorer("score_letters.py", path, out)


def score_labels(gold: list[dict], out: Path, work: Path, name: str) -> dict:
    """Label coverage of the documents with gold labels, through score_real_pairs (labels as `dropped`)."""
    pairs, results = work / f"labels_{name}", work / f"labels_{name}_out"
    pairs.mkdir()
    results.mkdir()
    for g in gold:
        if not g.get("labels"):
            continue
        stem = Path(g["file"]).stem
        (pairs / stem).mkdir()
        (pairs / stem / "gold.json").write_text(json.dumps({"item_links": [], "dropped": g["labels"], "local": []},
                                                           ensure_ascii=False), encoding="utf-8")
        parsed = out / f"{g['file']}.json"
        letter = json.loads(parsed.read_text(encoding="utf-8")) if parsed.exists() else {}
        (results / f"{stem}.json").write_text(json.dumps({"parent": letter, "child": {}, "item_links": []},
                                                         ensure_ascii=False), encoding="utf-8")
    if not any(pairs.iterdir()):
        return {"pairs": []}
    return run_scorer("score_real_pairs.py", pairs, results)


def score_pairs(work: Path) -> dict | None:
    """Real parent->child pairs under bench/heldout/pairs/<name>/ (parent.txt, child.txt, gold.json)."""
    root = HELDOUT / "pairs"
    if not root.is_dir() or not any(root.glob("*/gold.json")):
        return None
    results = work / "pairs_out"
    results.mkdir()
    for gold in sorted(root.glob("*/gold.json")):
        d = gold.parent
        done = subprocess.run([sys.executable, "-m", "cli", "link", str(d / "parent.txt"), str(d / "child.txt"),
                               "--format", "json"], capture_output=True, text=True, cwd=REPO)
        (results / f"{d.name}.json").write_text(done.stdout or "{}", encoding="utf-8")
    return run_scorer("score_real_pairs.py", root, results)


def _sym(s: str | None) -> str | None:
    return s.upper().replace("–", "-").replace("—", "-").replace(" ", "").replace("Ð", "Đ") if s else None


def file_misses(gold: list[dict], out: Path) -> list[str]:
    """Per file, what differs from the gold: own symbol, tier, system, citations missed, extra or in the wrong
    role (compared the way score_letters.py compares them)."""
    lines = []
    for g in gold:
        parsed = out / f"{g['file']}.json"
        d = json.loads(parsed.read_text(encoding="utf-8")) if parsed.exists() else {}
        h, gh = d.get("header") or {}, g.get("header") or {}
        wrong = []
        if gh.get("symbol") and _sym(h.get("symbol")) != _sym(gh["symbol"]):
            wrong.append(f"own {h.get('symbol')!r} != {gh['symbol']!r}")
        if g.get("tier") in ("central", "province", "district", "commune") and d.get("tier") != g["tier"]:
            wrong.append(f"tier {d.get('tier')} != {g['tier']} ({d.get('tier_reason') or ''})")
        if d.get("system") != g.get("sector"):
            wrong.append(f"system {d.get('system')} != {g.get('sector')}")
        got = {_sym(c["symbol"]): c for c in d.get("citations") or [] if c.get("symbol")}
        want = {_sym(c["symbol"]): c for c in g.get("citations", []) if c.get("symbol")}
        if missed := [k for k in want if k not in got]:
            wrong.append(f"missed {missed}")
        if extra := [k for k in got if k not in want and k != _sym(gh.get("symbol"))]:
            wrong.append(f"extra {extra}")
        if roles := [f"{k}:{got[k].get('role')}" for k in want if k in got and got[k].get("role") != want[k]["role"]]:
            wrong.append(f"role {roles}")
        if wrong:
            lines.append(f"{g['file']}: " + "; ".join(wrong))
    return lines


def share(pair: list[int]) -> str:
    ok, n = pair
    return f"{ok}/{n}" if n else "-"


def table(rows: list[tuple[str, list[str]]], heads: list[str]) -> str:
    width = max(len(r[0]) for r in rows)
    lines = [f"{'':<{width}}  " + "  ".join(f"{h:>12}" for h in heads)]
    lines += [f"{label:<{width}}  " + "  ".join(f"{v:>12}" for v in values) for label, values in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES, help="show only this half's column (keeps the other unseen)")
    ap.add_argument("--misses", choices=HALVES, help="also list, per file, what this half got wrong")
    args = ap.parse_args(argv)
    gold = json.loads((HELDOUT / "gold.json").read_text(encoding="utf-8"))
    groups = {k: [g for g in gold if g["half"] == k] for k in HALVES} | {"all": gold}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = work / "parsed"
        out.mkdir()
        refused = parse_all(gold, out)
        letters = {k: score_letters(v, out, work, k) for k, v in groups.items()}
        labels = {k: score_labels(v, out, work, k) for k, v in groups.items()}
        pairs = score_pairs(work)
        wrong = file_misses(groups[args.misses], out) if args.misses else []
    keys = [args.half] if args.half else [*HALVES, "all"]
    heads = [f"half {k}" if k in HALVES else k for k in keys]

    def coverage(k: str) -> str:
        rows = labels[k]["pairs"]
        return f"{sum(r['parent_labels'] for r in rows) / len(rows):.3f} ({len(rows)})" if rows else "-"

    rows = [
        ("documents", [str(len(groups[k])) for k in keys]),
        ("parsed (not refused)", [f"{letters[k]['parsed']}/{letters[k]['letters']}" for k in keys]),
        ("citation recall", [f"{letters[k]['citation_recall']:.3f}" for k in keys]),
        ("citation precision", [f"{letters[k]['citation_precision']:.3f}" for k in keys]),
        ("implements/mentions role", [f"{letters[k]['role_accuracy'] or 0:.3f}" for k in keys]),
        ("own symbol (any layout)", [share(letters[k]["own_symbol_any_layout"]) for k in keys]),
        ("header symbol (header block)", [share(letters[k]["header_symbol"]) for k in keys]),
        ("header date (header block)", [share(letters[k]["header_date"]) for k in keys]),
        ("tier", [share(letters[k]["tier"]) for k in keys]),
        ("system (party/state)", [share(letters[k]["system"]) for k in keys]),
        ("item labels exact (docs)", [coverage(k) for k in keys]),
    ]
    print(table(rows, heads))
    if pairs is not None:
        print(f"\nreal pairs: mean label coverage {pairs['mean_label_coverage']}, "
              f"mean item-link F1 {pairs['mean_item_f1']}")
        for p in pairs["pairs"]:
            print(f"  {p['pair']}: labels {p['parent_labels']}/{p['child_labels']}, links P/R/F1 {p['item_links']}")
    if refused:
        print("\nrefused: " + "; ".join(f"{f}: {e}" for f, e in refused.items()))
    if args.misses:
        k = args.misses
        print(f"\nhalf {k}: missed citations {letters[k]['missed']}")
        for r in labels[k]["pairs"]:
            print(f"  labels {r['pair']}: {r['parent_labels']}")
        for line in wrong:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
