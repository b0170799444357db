#!/usr/bin/env python3
"""Measure `cascade.linking.link_letters` on generated cascades (bench/corpus.py) and print what is needed
to set its thresholds.

    .venv/bin/python bench/evaluate.py                 # 60 pairs, seeds 0..59, profiles light/heavy/reordered
    .venv/bin/python bench/evaluate.py -n 30 --baseline

For every pair: write parent + child + gold (bench/out/pairs/seed_NNN/), parse both letters, link them, score
with ../shared/eval/score_links.py. Printed:
- mean unit / item P, R, F1 and parent / child unit-structure F1, overall and per profile;
- the same alignment run on gold-parsed units (the generator's own segmentation), to separate parser
  errors from alignment errors;
- score distributions: for every child unit, child coverage / parent coverage / shingle count of its gold
  parent(s) and of its best wrong candidate, recomputed with the weighting of cascade/align.py
  (shingles over token keys, idf log(1 + n/df) over both letters), on gold-parsed units;
- the 5 worst pairs with their missed and spurious links and why;
- with --baseline: link each child unit to the parent unit holding most of its word trigrams (gold-parsed
  units), scored the same way.
A JSON summary goes to bench/out/eval.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import write_cascade  # noqa: E402
from cascade.align import DEFAULT_SETTINGS, AlignSettings, align_units, weighted_shingles  # noqa: E402
from cascade.linking import link_letters  # noqa: E402
from cascade.tokens import defined_abbreviations, tokenize  # noqa: E402
from cascade.units import Unit  # noqa: E402
from parsers import parse_letter  # noqa: E402
from parsers.normalise import matching_form  # noqa: E402

PROFILE_CYCLE = ("light", "heavy", "reordered")
SCORER_PATH = REPO.parent / "shared" / "eval" / "score_links.py"


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_links", SCORER_PATH)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {SCORER_PATH}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- gold-parsed units ----------------------------------------------------------------------------


def gold_units(texts: dict[str, str]) -> list[Unit]:
    """Units as a perfect parser would give them, in document order (what cascade.units.letter_units builds)."""
    out = []
    for order, (uid, text) in enumerate(texts.items()):
        is_item = "/" not in uid
        # an item sits in its parent item (or at the top); a block in its item or bullet
        container = (uid.rsplit(".", 1)[0] if "." in uid else None) if is_item else uid.rsplit("/", 1)[0]
        out.append(Unit(uid, uid.split("/")[0], text, order, is_item, container))
    return out


def tokens_for(gold: dict):
    p_units, c_units = gold_units(gold["parent"]["texts"]), gold_units(gold["child"]["texts"])
    texts = gold["parent"]["preamble"] + [u.text for u in p_units] + gold["child"]["preamble"] + \
        [u.text for u in c_units]
    abbreviations = defined_abbreviations(texts)
    p_tok = [tokenize(u.text, abbreviations) for u in p_units]
    c_tok = [tokenize(u.text, abbreviations) for u in c_units]
    return p_units, c_units, p_tok, c_tok


def coverage_table(p_tok, c_tok) -> tuple[list[dict[int, tuple[float, float, int]]], list[int]]:
    """Per child unit: {parent index: (child_cov, parent_cov, shared shingles)}, and the child's shingle count.
    The same weighting as cascade.align.align_units."""
    p_sh, c_sh, weight = weighted_shingles(p_tok, c_tok)
    p_mass = [sum(weight[g] for g in s) or 1.0 for s in p_sh]
    table = []
    for cs in c_sh:
        c_mass = sum(weight[g] for g in cs) or 1.0
        row = {}
        for i, ps in enumerate(p_sh):
            common = cs & ps
            if common:
                w = sum(weight[g] for g in common)
                row[i] = (w / c_mass, w / p_mass[i], len(common))
        table.append(row)
    return table, [len(s) for s in c_sh]


def accepts(cc: float, pc: float, shared: int, size: int, s: AlignSettings = DEFAULT_SETTINGS) -> bool:
    """The acceptance rule of cascade.align.align_units (for the first parent of a child unit)."""
    if shared < s.min_shared and size >= s.min_shared:
        return False
    if size < s.short_shingles:
        return cc >= s.short_child_min and pc >= s.short_parent_min
    return cc >= s.link_min or (cc >= s.mutual_min and pc >= s.mutual_min)


# --- baseline -------------------------------------------------------------------------------------


def _trigrams(text: str) -> set[tuple[str, str, str]]:
    words = re.findall(r"[^\W_]+", matching_form(text))
    return set(zip(words, words[1:], words[2:], strict=False))


BASELINE_MIN_SHARE = 0.2


def baseline_links(p_units: list[Unit], c_units: list[Unit], min_share: float = BASELINE_MIN_SHARE
                   ) -> list[tuple[str, str]]:
    """Each child unit → the parent unit containing most of its word trigrams (matching form: lower case,
    tone-canonical), if that parent holds at least `min_share` of them.

    On the sample pair with perfect parsing this gives unit F1 0.977 / item 0.957 for any min_share in
    0.1–0.3 (one spurious link, parent 1.7 → child heading 3); with min_share 0 (pure argmax) 0.933 / 0.917.
    """
    p_tri = [_trigrams(u.text) for u in p_units]
    out = []
    for c in c_units:
        ct = _trigrams(c.text)
        if not ct:
            continue
        best, hits = None, 0
        for i, pt in enumerate(p_tri):
            k = len(ct & pt)
            if k > hits:
                best, hits = i, k
        if best is not None and hits / len(ct) >= min_share and hits:
            out.append((p_units[best].id, c.id))
    return out


def result_of(links: list[tuple[str, str]], gold: dict) -> dict:
    """A result object score_links.score reads, with the gold units as the parsed structure."""
    return {"links": [{"parent": p, "child": c} for p, c in links],
            "parent": [{"id": u} for u in gold["parent"]["units"]],
            "child": [{"id": u} for u in gold["child"]["units"]]}


# --- statistics -----------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.3f}"


# --- one pair -------------------------------------------------------------------------------------


def evaluate_pair(seed: int, profile: str, out_dir: Path, scorer, baseline: bool) -> dict:
    pair = write_cascade(out_dir / f"seed_{seed:03d}", seed, 1, profile=profile)[0]
    gold = json.loads(Path(pair["gold"]).read_text(encoding="utf-8"))
    parent, child = parse_letter(pair["parent"]), parse_letter(pair["child"])
    result = link_letters(parent, child)
    rdict = result.model_dump(mode="json")
    score = scorer.score(gold, rdict)

    p_units, c_units, p_tok, c_tok = tokens_for(gold)
    gold_matches = align_units(p_units, c_units, p_tok, c_tok)
    ours_gold = scorer.score(gold, result_of([(p_units[m.parent].id, c_units[m.child].id) for m in gold_matches], gold))
    row = {
        "seed": seed, "profile": profile, "parent_kind": pair["parent_kind"], "files": pair,
        "unit": score["unit_links"], "item": score["item_links"],
        "parent_units": score["parent_units"], "child_units": score["child_units"],
        "missed": score["missed"], "spurious": score["spurious"],
        "structure_errors": {k: score[k] for k in ("parent_units_missing", "parent_units_extra",
                                                   "child_units_missing", "child_units_extra") if score[k]},
        "gold_units": {"unit": ours_gold["unit_links"], "item": ours_gold["item_links"]},
        "n_links": len(gold["links"]), "n_child_units": len(gold["child"]["units"]),
    }
    if baseline:
        b = scorer.score(gold, result_of(baseline_links(p_units, c_units), gold))
        row["baseline"] = {"unit": b["unit_links"], "item": b["item_links"]}
        b0 = scorer.score(gold, result_of(baseline_links(p_units, c_units, 0.0), gold))
        row["baseline_argmax"] = {"unit": b0["unit_links"], "item": b0["item_links"]}

    # distributions on gold-parsed units
    table, sizes = coverage_table(p_tok, c_tok)
    p_index = {u.id: k for k, u in enumerate(p_units)}
    required: dict[str, set[str]] = defaultdict(set)
    optional: dict[str, set[str]] = defaultdict(set)
    for p, c in gold["links"]:
        required[c].add(p)
    for p, c in gold.get("optional_links", []):
        optional[c].add(p)
    true_rows, wrong_rows = [], []
    for j, cu in enumerate(c_units):
        row_j = table[j]
        for p in sorted(required[cu.id]):
            cc, pc, shared = row_j.get(p_index[p], (0.0, 0.0, 0))
            true_rows.append({"child": cu.id, "parent": p, "cc": cc, "pc": pc, "shared": shared, "size": sizes[j],
                              "ops": gold["child"]["ops"].get(cu.id, [])})
        exclude = {p_index[p] for p in required[cu.id] | optional[cu.id]}
        wrong = [(v, i) for i, v in row_j.items() if i not in exclude]
        if wrong:
            (cc, pc, shared), i = max(wrong, key=lambda x: (x[0][0], x[0][1]))
            wp = p_units[i].id
        else:
            cc, pc, shared, wp = 0.0, 0.0, 0, None
        wrong_rows.append({"child": cu.id, "parent": wp, "cc": cc, "pc": pc, "shared": shared, "size": sizes[j],
                           "local": not required[cu.id], "ops": gold["child"]["ops"].get(cu.id, [])})
    row["true"] = true_rows
    row["wrong"] = wrong_rows
    row["gold"] = gold
    row["pred"] = sorted({(lk["parent"], lk["child"]) for lk in rdict["links"]})
    return row


# --- diagnosis of errors --------------------------------------------------------------------------


def diagnose(row: dict) -> list[str]:
    gold = row["gold"]
    p_units, c_units, p_tok, c_tok = tokens_for(gold)
    table, sizes = coverage_table(p_tok, c_tok)
    pi = {u.id: k for k, u in enumerate(p_units)}
    ci = {u.id: k for k, u in enumerate(c_units)}
    ops = gold["child"]["ops"]
    pred_by_child: dict[str, list[str]] = defaultdict(list)
    for p, c in row["pred"]:
        pred_by_child[c].append(p)
    gold_by_child: dict[str, list[str]] = defaultdict(list)
    for p, c in gold["links"]:
        gold_by_child[c].append(p)
    structure = row["structure_errors"]
    lines = []

    def cov(p: str, c: str) -> str:
        if p not in pi or c not in ci:
            return "unit not in gold structure"
        cc, pc, shared = table[ci[c]].get(pi[p], (0.0, 0.0, 0))
        size = sizes[ci[c]]
        kind = "short" if size < DEFAULT_SETTINGS.short_shingles else "long"
        return f"cc={cc:.2f} pc={pc:.2f} shared={shared} size={size} ({kind})"

    for p, c in row["missed"]:
        if structure and (c in structure.get("child_units_missing", [])
                          or p in structure.get("parent_units_missing", [])):
            why = "parser: unit not found"
        else:
            cc, pc, shared = table[ci[c]].get(pi[p], (0.0, 0.0, 0))
            if not accepts(cc, pc, shared, sizes[ci[c]]):
                why = "below threshold"
            elif pred_by_child.get(c):
                why = f"lost to {pred_by_child[c]}" + (" (merge: second source)" if len(gold_by_child[c]) > 1 else "")
            else:
                why = "passes accept() but not linked (not among top candidates?)"
        lines.append(f"  missed   {p:>9} -> {c:<9} {why}; {cov(p, c)}; child ops {ops.get(c, [])}")
    for p, c in row["spurious"]:
        g = gold_by_child.get(c, [])
        opt = [q for q, cc_ in gold.get("optional_links", []) if cc_ == c]
        if structure and c in structure.get("child_units_extra", []):
            why = "parser: extra child unit"
        elif not g:
            why = "local child unit linked" + (f" (optional gold: {opt})" if opt else "")
        else:
            why = f"wrong parent (gold {g}: {cov(g[0], c)})"
        lines.append(f"  spurious {p:>9} -> {c:<9} {why}; {cov(p, c)}; child ops {ops.get(c, [])}")
    return lines


def sample_pair(scorer) -> dict:
    """The real sample pair against its hand-made gold: ours end to end, and the baseline on its parsed units."""
    from cascade.units import letter_units

    gold = json.loads((SCORER_PATH.parent / "gold_samples.json").read_text(encoding="utf-8"))
    parent = parse_letter(REPO / "samples" / gold["parent"]["file"])
    child = parse_letter(REPO / "samples" / gold["child"]["file"])
    ours = scorer.score(gold, link_letters(parent, child).model_dump(mode="json"))
    base = scorer.score(gold, result_of(baseline_links(letter_units(parent), letter_units(child)), gold))
    return {"ours": {"unit": ours["unit_links"], "item": ours["item_links"]},
            f"baseline>={BASELINE_MIN_SHARE}": {"unit": base["unit_links"], "item": base["item_links"]}}


# --- report ---------------------------------------------------------------------------------------


def prf_mean(rows: list[dict], key: str, sub: str | None = None) -> tuple[float, float, float]:
    vals = [(r[key][sub] if sub else r[key]) for r in rows]
    return tuple(mean([v[k] for v in vals]) for k in range(3))  # type: ignore[return-value]


def dist_block(name: str, values: list[float], qs: tuple[int, ...]) -> dict:
    return {"n": len(values), **{f"p{q}": percentile(values, q) for q in qs},
            **({"max": max(values)} if values and "max" in name else {})}


def distributions(rows: list[dict]) -> dict:
    trues = [t for r in rows for t in r["true"]]
    wrongs = [w for r in rows for w in r["wrong"]]
    short = DEFAULT_SETTINGS.short_shingles
    out = {}
    for label, pred in (("short", lambda x: x["size"] < short), ("long", lambda x: x["size"] >= short),
                        ("all", lambda x: True)):
        t = [x for x in trues if pred(x)]
        w = [x for x in wrongs if pred(x)]
        wl = [x for x in w if x["local"]]
        out[label] = {
            "true_cc": {"n": len(t), **{f"p{q}": percentile([x["cc"] for x in t], q) for q in (5, 10, 25, 50)}},
            "true_pc": {"n": len(t), **{f"p{q}": percentile([x["pc"] for x in t], q) for q in (5, 10, 25, 50)}},
            "true_shared": {"n": len(t), **{f"p{q}": percentile([x["shared"] for x in t], q) for q in (5, 10, 25, 50)}},
            "wrong_cc": {"n": len(w), **{f"p{q}": percentile([x["cc"] for x in w], q) for q in (50, 90, 95, 99)},
                         "max": max((x["cc"] for x in w), default=None)},
            "wrong_pc": {"n": len(w), **{f"p{q}": percentile([x["pc"] for x in w], q) for q in (50, 90, 95, 99)},
                         "max": max((x["pc"] for x in w), default=None)},
            "wrong_cc_local_units": {"n": len(wl), **{f"p{q}": percentile([x["cc"] for x in wl], q)
                                                      for q in (50, 90, 95, 99)},
                                     "max": max((x["cc"] for x in wl), default=None)},
            "true_rejected_by_accept": sum(1 for x in t if not accepts(x["cc"], x["pc"], x["shared"], x["size"])),
            "true_rejected_by_op": _op_counts([x for x in t if not accepts(x["cc"], x["pc"], x["shared"], x["size"])]),
            "wrong_passing_accept": sum(1 for x in w if accepts(x["cc"], x["pc"], x["shared"], x["size"])),
            "wrong_passing_accept_local": sum(1 for x in wl if accepts(x["cc"], x["pc"], x["shared"], x["size"])),
        }
    return out


def _op_counts(rows: list[dict]) -> dict[str, int]:
    """How often each generator operation appears among these links' child units (trim(…) counted as trim)."""
    out: dict[str, int] = defaultdict(int)
    for x in rows:
        for op in {re.sub(r"\(.*", "", o) for o in x["ops"]}:
            out[op] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


def print_distributions(d: dict) -> None:
    print("\nScore distributions on gold-parsed units (weighting of cascade/align.py; short = < "
          f"{DEFAULT_SETTINGS.short_shingles} shingles)")
    for label in ("short", "long", "all"):
        x = d[label]
        t, w = x["true_cc"], x["wrong_cc"]
        print(f"  {label:5s} true links  n={t['n']:4d}  child_cov p5={fmt(t['p5'])} p10={fmt(t['p10'])} "
              f"p25={fmt(t['p25'])} p50={fmt(t['p50'])}")
        tp = x["true_pc"]
        ts = x["true_shared"]
        print(f"        {'':11s}         parent_cov p5={fmt(tp['p5'])} p10={fmt(tp['p10'])} p25={fmt(tp['p25'])} "
              f"p50={fmt(tp['p50'])};  shared p5={fmt(ts['p5'])} p50={fmt(ts['p50'])}")
        print(f"        best wrong  n={w['n']:4d}  child_cov p50={fmt(w['p50'])} p90={fmt(w['p90'])} "
              f"p95={fmt(w['p95'])} p99={fmt(w['p99'])} max={fmt(w['max'])}")
        wp = x["wrong_pc"]
        print(f"        {'':11s}         parent_cov p50={fmt(wp['p50'])} p90={fmt(wp['p90'])} p95={fmt(wp['p95'])} "
              f"p99={fmt(wp['p99'])} max={fmt(wp['max'])}")
        wl = x["wrong_cc_local_units"]
        print(f"        best wrong of local (unlinked) child units n={wl['n']}: child_cov p50={fmt(wl['p50'])} "
              f"p90={fmt(wl['p90'])} p95={fmt(wl['p95'])} p99={fmt(wl['p99'])} max={fmt(wl['max'])}")
        print(f"        true links rejected by the current accept() rule: {x['true_rejected_by_accept']}/{t['n']}; "
              f"best-wrong candidates it would accept: {x['wrong_passing_accept']}/{w['n']} (of local child units, "
              f"i.e. with no true parent to outrank them: {x['wrong_passing_accept_local']}/{wl['n']})")
        if x["true_rejected_by_op"]:
            print(f"        operations on the child units of those rejected true links: {x['true_rejected_by_op']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=60, help="number of pairs (seeds FIRST..FIRST+n-1)")
    ap.add_argument("--first-seed", type=int, default=0, help="first seed (hold out e.g. 1000.. for a final check)")
    ap.add_argument("--baseline", action="store_true", help="also score the word-trigram baseline")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out", help="output folder (git-ignored)")
    ap.add_argument("--worst", type=int, default=5)
    args = ap.parse_args(argv)

    t0 = time.time()
    scorer = load_scorer()
    pairs_dir = args.out / "pairs"
    rows = []
    for seed in range(args.first_seed, args.first_seed + args.n):
        rows.append(evaluate_pair(seed, PROFILE_CYCLE[seed % 3], pairs_dir, scorer, args.baseline))
    elapsed = time.time() - t0

    last_seed = args.first_seed + args.n - 1
    print(f"cascade.linking on {len(rows)} generated pairs (seeds {args.first_seed}..{last_seed}; profiles "
          f"{'/'.join(PROFILE_CYCLE)} by seed % 3; parents: "
          + ", ".join(f"{k} {sum(1 for r in rows if r['parent_kind'] == k)}" for k in ("province", "district",
                                                                                       "shuffled"))
          + f"); {elapsed:.1f}s\n")
    header = f"{'':28s} {'P':>6s} {'R':>6s} {'F1':>6s}"
    print(header)
    groups = [("all", rows)] + [(p, [r for r in rows if r["profile"] == p]) for p in PROFILE_CYCLE]
    summary: dict = {"pairs": len(rows), "seconds": round(elapsed, 1), "by_profile": {}}
    for name, rs in groups:
        if not rs:
            continue
        entry = {}
        for key, label in (("unit", "unit links"), ("item", "item links"), ("parent_units", "parent structure"),
                           ("child_units", "child structure")):
            p, r, f = prf_mean(rs, key)
            entry[key] = {"P": p, "R": r, "F1": f}
            print(f"{name + ' ' + label:28s} {p:6.3f} {r:6.3f} {f:6.3f}")
        for key, label in (("unit", "unit links, gold units"), ("item", "item links, gold units")):
            p, r, f = prf_mean(rs, "gold_units", key)
            entry["gold_units_" + key] = {"P": p, "R": r, "F1": f}
            print(f"{name + ' ' + label:28s} {p:6.3f} {r:6.3f} {f:6.3f}")
        if args.baseline:
            for base, tag in (("baseline", f"BASELINE>={BASELINE_MIN_SHARE}"), ("baseline_argmax", "BASELINE argmax")):
                for key in ("unit", "item"):
                    p, r, f = prf_mean(rs, base, key)
                    entry[f"{base}_{key}"] = {"P": p, "R": r, "F1": f}
                    print(f"{name + ' ' + tag + ' ' + key:28s} {p:6.3f} {r:6.3f} {f:6.3f}")
        summary["by_profile"][name] = entry
        print()

    sample = sample_pair(scorer)
    summary["sample_pair"] = sample
    print("sample pair (../shared/eval/gold_samples.json): "
          + "; ".join(f"{k} unit F1={v['unit'][2]:.3f} item F1={v['item'][2]:.3f}" for k, v in sample.items()) + "\n")

    dist = distributions(rows)
    summary["distributions"] = dist
    print_distributions(dist)

    worst = sorted(rows, key=lambda r: (r["unit"][2], r["item"][2], r["seed"]))[: args.worst]
    print(f"\nWorst {len(worst)} pairs (by unit-link F1)")
    summary["worst"] = []
    for r in worst:
        print(f"seed {r['seed']} ({r['profile']}, {r['parent_kind']} parent) unit F1={r['unit'][2]:.3f} "
              f"item F1={r['item'][2]:.3f} structure P/C F1={r['parent_units'][2]:.3f}/{r['child_units'][2]:.3f} "
              f"gold-units unit F1={r['gold_units']['unit'][2]:.3f}; {r['n_links']} gold links; "
              f"{r['files']['child']}")
        if r["structure_errors"]:
            print(f"  structure: {r['structure_errors']}")
        lines = diagnose(r)
        for line in lines:
            print(line)
        summary["worst"].append({"seed": r["seed"], "profile": r["profile"], "parent_kind": r["parent_kind"],
                                 "unit": r["unit"], "item": r["item"], "files": r["files"], "diagnosis": lines})
    summary["pairs_detail"] = [
        {k: r[k] for k in ("seed", "profile", "parent_kind", "unit", "item", "parent_units", "child_units", "missed",
                           "spurious", "structure_errors", "gold_units", "n_links", "n_child_units", *(
                               ("baseline", "baseline_argmax") if args.baseline else ()))}
        for r in rows
    ]
    summary["raw_scores"] = {"true": [t for r in rows for t in r["true"]],
                             "best_wrong": [w for r in rows for w in r["wrong"]]}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "eval.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nsummary: {args.out / 'eval.json'}  ({time.time() - t0:.1f}s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
