#!/usr/bin/env python3
"""Precision/recall of the key-term similarity (cascade/align.py) on generated and real pairs, the score
distributions its thresholds come from, and the cost per pair.

    .venv/bin/python bench/curves.py                                # seeds 0..29 and ../shared/eval/real/pairs
    .venv/bin/python bench/curves.py -n 30 --first-seed 1000        # held-out seeds
    .venv/bin/python bench/curves.py --sweep paraphrase_min=0.2,0.3,0.4,0.5
    .venv/bin/python bench/curves.py --sweep distinct_margin=0,0.05,0.1,0.15     # or assignment_links=false,true

Printed:
- sentence level: for every child sentence (of a content unit, with enough distinct words) the cosine
  of its closest parent sentence, labelled true when that parent sentence lies in a gold source (real
  pairs: a gold item link of the child item or of an item above it; generated pairs: a gold unit link),
  wrong otherwise; percentiles of both, and precision/recall of "take the closest parent sentence" at
  each cosine cut;
- distinct closest units: the same, for the child sentences whose closest parent unit beats every
  other parent unit by `distinct_margin` (what `distinct_min` cuts), and the margins of the wrong closest
  sentences at or above `distinct_min` (what `distinct_margin` cuts);
- assignments: per real and built pair, the parent units found naming the child's issuer
  (cascade/mandate.py) and the links the assignment rule made;
- link level: the whole linker run with one AlignSettings field swept (default `sentence_min`; `off`
  turns the key-term evidence off, i.e. word runs only), scored as the project's scorers score it:
  generated pairs with ../shared/eval/score_links.py (unit and item links), real pairs with the
  item-link P/R/F1 of ../shared/eval/score_real_pairs.py;
- cost: wall time of `link_letters` per pair (parse excluded), by pair size, and for a 100 KB pair
  (the real parent with both real children as one letter).
Real pairs are the dev pairs of ../shared/eval/real/pairs; built pairs (tests/eval_pairs: a real parent,
a child written by hand the way a province would) and held-out real pairs (bench/heldout_pairs: real
Kế hoạch → Thể lệ pairs, see its SOURCES.md) are scored the same way and reported apart.
A JSON summary goes to bench/out/curves.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import math
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.corpus import write_cascade  # noqa: E402
from cascade.align import DEFAULT_SETTINGS, AlignSettings, SentenceIndex  # noqa: E402
from cascade.citecheck import check_citation  # noqa: E402
from cascade.linking import link_letters, prepare  # noqa: E402
from cascade.mandate import assignment_units, issuer_names  # noqa: E402
from models import Letter, LinkResult  # noqa: E402
from parsers import parse_letter  # noqa: E402

SHARED = REPO.parent / "shared" / "eval"
PROFILE_CYCLE = ("light", "heavy", "reordered")


@dataclasses.dataclass
class Pair:
    name: str
    kind: str  # generated | sample | real | built | heldout
    parent: Letter
    child: Letter
    gold: dict
    size_kb: float


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_links", SHARED / "score_links.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILT = REPO / "tests" / "eval_pairs"
HELDOUT = REPO / "bench" / "heldout_pairs"


def real_pairs(folder: Path, kind: str = "real") -> list[Pair]:
    out = []
    for gold_path in sorted(folder.glob("*/gold.json")):
        d = gold_path.parent
        parent, child = parse_letter(d / "parent.txt"), parse_letter(d / "child.txt")
        size = (parent.source.size_bytes + child.source.size_bytes) / 1024
        out.append(Pair(d.name, kind, parent, child, json.loads(gold_path.read_text(encoding="utf-8")), size))
    return out


def big_pair(folder: Path, out_dir: Path) -> Pair | None:
    """About 100 KB: the real pairs' parent against their children written one after the other as one letter."""
    dirs = sorted(p.parent for p in folder.glob("*/gold.json"))
    if not dirs:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    child_path = out_dir / "children_as_one.txt"
    child_path.write_text("\n\n".join((d / "child.txt").read_text(encoding="utf-8") for d in dirs), encoding="utf-8")
    parent, child = parse_letter(dirs[0] / "parent.txt"), parse_letter(child_path)
    return Pair("100 KB", "big", parent, child, {}, (parent.source.size_bytes + child.source.size_bytes) / 1024)


def sample_pair() -> Pair:
    """The sample pair with its hand-made gold (../shared/eval/gold_samples.json), scored like a generated pair."""
    gold = json.loads((SHARED / "gold_samples.json").read_text(encoding="utf-8"))
    parent = parse_letter(REPO / "samples" / gold["parent"]["file"])
    child = parse_letter(REPO / "samples" / gold["child"]["file"])
    return Pair("sample", "sample", parent, child, gold, (parent.source.size_bytes + child.source.size_bytes) / 1024)


def generated_pairs(first: int, n: int, out_dir: Path) -> list[Pair]:
    out = []
    for seed in range(first, first + n):
        info = write_cascade(out_dir / f"seed_{seed:03d}", seed, 1, profile=PROFILE_CYCLE[seed % 3])[0]
        parent, child = parse_letter(info["parent"]), parse_letter(info["child"])
        size = (parent.source.size_bytes + child.source.size_bytes) / 1024
        out.append(Pair(f"seed {seed}", "generated", parent, child,
                        json.loads(Path(info["gold"]).read_text(encoding="utf-8")), size))
    return out


# --- scoring ------------------------------------------------------------------------------------------


def real_item_prf(result: LinkResult, gold: dict) -> tuple[float, float, float]:
    """The item-link score of ../shared/eval/score_real_pairs.py."""
    gl = {tuple(x) for x in gold["item_links"]}
    tl = {(x.parent_item, x.child_item) for x in result.item_links}
    tp = len(tl & gl)
    p = tp / len(tl) if tl else 0.0
    r = tp / len(gl) if gl else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pair: Pair, result: LinkResult, scorer) -> dict:
    if pair.kind in ("real", "built", "heldout"):
        return {"item": real_item_prf(result, pair.gold)}
    # generated and sample pairs: ../shared/eval/score_links.py
    s = scorer.score(pair.gold, result.model_dump(mode="json"))
    return {"unit": s["unit_links"], "item": s["item_links"]}


# --- sentence-level distribution ------------------------------------------------------------------------


def _ancestors(item: str, containers: dict[str, str | None]) -> list[str]:
    out = [item]
    while containers.get(out[-1]):
        out.append(containers[out[-1]])  # type: ignore[arg-type]
    return out


Row = tuple[float, bool, bool, float]


def sentence_rows(pair: Pair, settings: AlignSettings) -> list[Row]:
    """(cosine of the closest parent sentence, it lies in a gold source, the child unit has a gold source,
    how far it beats the closest sentence of any other parent unit) for every child sentence of a content
    unit with at least `sentence_min_terms` distinct words."""
    prep = prepare(pair.parent, pair.child)
    index = SentenceIndex(prep.p_units, prep.c_units, prep.p_match, prep.c_match, prep.p_starts, prep.c_starts,
                          settings.sentence_min_terms)
    if pair.kind in ("real", "built", "heldout"):
        gold = {tuple(x) for x in pair.gold["item_links"]}
        containers = {u.id: u.container for u in prep.c_units if u.is_item}
        with_source = {c for _, c in gold}

        def truth(p_unit, c_unit) -> tuple[bool, bool]:
            up = _ancestors(c_unit.item, containers)
            return any((p_unit.item, c) in gold for c in up), any(c in with_source for c in up)
    else:  # generated and sample: unit-level gold
        gold = {tuple(x) for x in pair.gold["links"]} | {tuple(x) for x in pair.gold.get("optional_links", [])}
        with_source = {c for _, c in gold}

        def truth(p_unit, c_unit) -> tuple[bool, bool]:
            return (p_unit.id, c_unit.id) in gold, c_unit.id in with_source

    rows = []
    for k, s in enumerate(index.child):
        c_unit = prep.c_units[s.unit]
        if c_unit.frame or s.terms < settings.sentence_min_terms:
            continue
        best = index.closest(k)
        if best is None:
            rows.append((0.0, False, truth(prep.p_units[0], c_unit)[1] if prep.p_units else False, 0.0))
            continue
        p_unit = prep.p_units[index.parent[best[0]].unit]
        if p_unit.frame:
            continue
        ok, has = truth(p_unit, c_unit)
        rows.append((best[1], ok, has, best[1] - best[2]))
    return rows


def percentile(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    xs = sorted(xs)
    pos = (len(xs) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def print_distribution(label: str, rows: list[Row]) -> dict:
    true = [c for c, ok, _, _ in rows if ok]
    wrong = [c for c, ok, _, _ in rows if not ok]
    local = [c for c, ok, has, _ in rows if not has]
    print(f"{label}: {len(rows)} child sentences; closest parent sentence in a gold source: {len(true)}")
    print(f"  true   cosine p10={fmt(percentile(true, 10))} p25={fmt(percentile(true, 25))} "
          f"p50={fmt(percentile(true, 50))}")
    print(f"  wrong  cosine p50={fmt(percentile(wrong, 50))} p90={fmt(percentile(wrong, 90))} "
          f"p95={fmt(percentile(wrong, 95))} p99={fmt(percentile(wrong, 99))} (n={len(wrong)})")
    print(f"  of child units with no gold source: p90={fmt(percentile(local, 90))} p95={fmt(percentile(local, 95))} "
          f"max={fmt(max(local, default=None))} (n={len(local)})")
    curve = []
    print("  cut    P      R   (take the closest parent sentence when its cosine ≥ cut)")
    for cut in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        taken = [ok for c, ok, _, _ in rows if c >= cut]
        p = sum(taken) / len(taken) if taken else 1.0
        r = sum(1 for c in true if c >= cut) / len(true) if true else 1.0
        curve.append({"cut": cut, "P": p, "R": r})
        print(f"  {cut:.1f}  {p:.3f}  {r:.3f}")
    return {"true": {q: percentile(true, q) for q in (10, 25, 50)},
            "wrong": {q: percentile(wrong, q) for q in (50, 90, 95, 99)},
            "local_max": max(local, default=None), "curve": curve}


def band_count(cosines: list[float], settings: AlignSettings) -> int:
    return sum(1 for c in cosines if settings.distinct_min <= c < settings.sentence_min)


def print_distinct(label: str, rows: list[Row], settings: AlignSettings) -> dict:
    """What `distinct_min` and `distinct_margin` cut: closest sentences standing out by the margin, and
    the margins of wrong closest sentences at or above the cut."""
    standing = [(c, ok) for c, ok, _, m in rows if m >= settings.distinct_margin]
    wrong = sorted(c for c, ok in standing if not ok)
    true = [c for c, ok in standing if ok]
    margins = sorted(m for c, ok, _, m in rows if not ok and c >= settings.distinct_min)
    print(f"{label}: {len(standing)} closest sentences stand out by ≥ {settings.distinct_margin}; "
          f"wrong n={len(wrong)} p95={fmt(percentile(wrong, 95))} top={', '.join(f'{c:.2f}' for c in wrong[-4:])}; "
          f"true in [distinct_min, sentence_min): {band_count(true, settings)} "
          f"(of {sum(1 for c in true if c < settings.sentence_min)} true under sentence_min)")
    print(f"  margins of wrong closest sentences ≥ {settings.distinct_min}: "
          f"{', '.join(f'{m:.2f}' for m in margins[:12]) or '-'}{' …' if len(margins) > 12 else ''}")
    band = sorted(c for c in true if settings.distinct_min <= c < settings.sentence_min)
    return {"wrong": wrong, "true_in_band": band, "wrong_margins": margins}


def print_assignments(pair: Pair) -> dict:
    """The parent units naming the child's issuer, and the links the assignment rule made."""
    prep = prepare(pair.parent, pair.child)
    names = issuer_names(pair.child)
    found = sorted(assignment_units(prep.p_units, prep.p_tokens, names))
    ids = [prep.p_units[k].id for k in found]
    result = link_letters(pair.parent, pair.child)
    gold = {tuple(x) for x in pair.gold.get("item_links", [])}
    made = [(il.parent_item, il.child_item, il.score, (il.parent_item, il.child_item) in gold)
            for il in result.item_links if il.parent_item in {prep.p_units[k].item for k in found}]
    status = check_citation(pair.parent, pair.child).status.value
    print(f"{pair.kind} {pair.name}: names {[' '.join(n) for n in names]}, citation {status}; assignments {ids}; "
          f"item links from them: " + (", ".join(f"{p}→{c} {sc:.2f}{' gold' if g else ''}" for p, c, sc, g in made)
                                       or "-"))
    return {"names": [" ".join(n) for n in names], "assignments": ids, "links": made}


# --- link-level curve -----------------------------------------------------------------------------------


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def run_curve(pairs: list[Pair], field: str, values: list[str], scorer) -> list[dict]:
    rows = []
    for value in values:
        if value == "off":
            # no sentence is ever close enough, no unit share large enough: word runs only
            settings = dataclasses.replace(DEFAULT_SETTINGS, sentence_min=2.0, paraphrase_min=2.0, distinct_min=2.0,
                                           assignment_links=False)
        else:
            kind = type(getattr(DEFAULT_SETTINGS, field))
            parsed = value.lower() in ("1", "true", "on", "yes") if kind is bool else kind(value)
            settings = dataclasses.replace(DEFAULT_SETTINGS, **{field: parsed})
        scores: dict[str, list[dict]] = {"generated": [], "real": [], "sample": [], "built": [], "heldout": []}
        per_real = {}
        per_built = {}
        per_heldout = {}
        for pair in pairs:
            s = score(pair, link_letters(pair.parent, pair.child, settings), scorer)
            scores[pair.kind].append(s)
            if pair.kind == "real":
                per_real[pair.name] = s["item"]
            elif pair.kind == "built":
                per_built[pair.name] = s["item"]
            elif pair.kind == "heldout":
                per_heldout[pair.name] = s["item"]
        row: dict = {"value": value}
        gen = scores["generated"]
        if gen:
            row["generated_unit"] = [mean([s["unit"][k] for s in gen]) for k in range(3)]
            row["generated_item"] = [mean([s["item"][k] for s in gen]) for k in range(3)]
        if scores["sample"]:
            row["sample"] = scores["sample"][0]
        if per_real:
            row["real_item"] = per_real
            row["real_mean_item_f1"] = mean([v[2] for v in per_real.values()])
        if per_built:
            row["built_item"] = per_built
        if per_heldout:
            row["heldout_item"] = per_heldout
            row["heldout_mean_item_f1"] = mean([v[2] for v in per_heldout.values()])
        rows.append(row)
        bits = [f"{field}={value:>5}"]
        if gen:
            bits.append("generated unit P/R/F1 " + "/".join(f"{x:.3f}" for x in row["generated_unit"]))
            bits.append("item " + "/".join(f"{x:.3f}" for x in row["generated_item"]))
        if scores["sample"]:
            bits.append("sample unit/item F1 {:.3f}/{:.3f}".format(row["sample"]["unit"][2], row["sample"]["item"][2]))
        if per_real:
            bits.append("real item F1 " + " ".join(f"{v[2]:.3f}" for v in per_real.values())
                        + f" (mean {row['real_mean_item_f1']:.3f})")
        if per_built:
            bits.append("built " + " ".join(f"{v[2]:.3f}" for v in per_built.values()))
        if per_heldout:
            bits.append("held-out " + " ".join(f"{v[2]:.3f}" for v in per_heldout.values())
                        + f" (mean {row['heldout_mean_item_f1']:.3f})")
        print("  " + "; ".join(bits))
    return rows


def cost(pairs: list[Pair], repeat: int = 3) -> list[dict]:
    out = []
    for pair in pairs:
        link_letters(pair.parent, pair.child)  # warm the token cache as a folder run would for a parent's children
        t0 = time.perf_counter()
        for _ in range(repeat):
            link_letters(pair.parent, pair.child)
        out.append({"pair": pair.name, "kind": pair.kind, "kb": round(pair.size_kb, 1),
                    "ms": round((time.perf_counter() - t0) / repeat * 1000, 1)})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=30, help="generated pairs (seeds FIRST..FIRST+n-1); 0 for none")
    ap.add_argument("--first-seed", type=int, default=0)
    ap.add_argument("--pairs", type=Path, default=SHARED / "real" / "pairs", help="folder of real pairs with gold")
    ap.add_argument("--sweep", default="sentence_min=off,0.3,0.4,0.5,0.6,0.7,0.8",
                    help="FIELD=v1,v2,… of AlignSettings ('off': no key-term evidence)")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = ap.parse_args(argv)
    field, _, values = args.sweep.partition("=")
    if not hasattr(DEFAULT_SETTINGS, field):
        raise SystemExit(f"AlignSettings has no field {field!r}")

    scorer = load_scorer()
    generated = generated_pairs(args.first_seed, args.n, args.out / "pairs") if args.n else []
    real = real_pairs(args.pairs) if args.pairs.is_dir() else []
    built = real_pairs(BUILT, "built") if BUILT.is_dir() else []
    heldout = real_pairs(HELDOUT, "heldout") if HELDOUT.is_dir() else []
    sample = [sample_pair()]
    pairs = generated + sample + real + built + heldout
    summary: dict = {"settings": dataclasses.asdict(DEFAULT_SETTINGS), "generated": len(generated), "real": len(real),
                     "built": len(built), "heldout": len(heldout)}

    print(f"Sentence level (settings as shipped: sentence_min_terms={DEFAULT_SETTINGS.sentence_min_terms})")
    summary["sentences"] = {}
    summary["distinct"] = {}
    groups: list[tuple[str, list[Row]]] = []
    if generated:
        groups.append((f"generated (seeds {args.first_seed}..{args.first_seed + args.n - 1})",
                       [r for p in generated for r in sentence_rows(p, DEFAULT_SETTINGS)]))
    groups += [(f"{pair.kind} {pair.name}", sentence_rows(pair, DEFAULT_SETTINGS))
               for pair in sample + real + built + heldout]
    for label, rows in groups:
        summary["sentences"][label] = print_distribution(label, rows)
    print(f"\nDistinct closest units (distinct_min={DEFAULT_SETTINGS.distinct_min}, "
          f"distinct_margin={DEFAULT_SETTINGS.distinct_margin})")
    for label, rows in groups:
        summary["distinct"][label] = print_distinct(label, rows, DEFAULT_SETTINGS)

    print("\nAssignments (parent units naming the child's issuer)")
    summary["assignments"] = {pair.name: print_assignments(pair) for pair in real + built + heldout}

    print(f"\nLink level, {field} swept")
    summary["curve"] = run_curve(pairs, field, values.split(","), scorer)

    big = big_pair(args.pairs, args.out / "big") if args.pairs.is_dir() else None
    costs = cost(pairs + ([big] if big else []))
    summary["cost"] = costs
    print("\nCost of link_letters per pair (parse excluded, token cache warm)")
    for kind in ("generated", "sample", "real", "built", "heldout"):
        cs = [c for c in costs if c["kind"] == kind]
        if cs:
            ms = sorted(c["ms"] for c in cs)
            kb = sum(c["kb"] for c in cs) / len(cs)
            print(f"  {kind}: {len(cs)} pairs, mean {mean(ms):.0f} ms (p90 {percentile(ms, 90):.0f} ms, "
                  f"max {ms[-1]:.0f} ms), mean size {kb:.0f} KB, {mean([c['ms'] / c['kb'] for c in cs]):.1f} ms per KB")
    for c in costs:
        if c["kind"] in ("real", "big"):
            print(f"  {c['pair']}: {c['kb']} KB, {c['ms']} ms")
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "curves.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nsummary: {args.out / 'curves.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
