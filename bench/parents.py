"""Parent detection on a generated folder, on its own: accuracy per evidence class (citation, near
citation, header only, neither), posting entries visited per letter, index memory, and the MinHash-LSH
peer (datasketch) measured on the same letters.

    .venv/bin/python bench/parents.py --sizes 100,1000          # parse (cached under bench/out), detect, score
    .venv/bin/python bench/parents.py --sizes 100 --tune-minhash  # the peer's grid, on seed 1
    .venv/bin/python bench/parents.py --sizes 1000 --missing 0.2   # a fifth of the district letters left out
    .venv/bin/python bench/parents.py --sizes 1000 --no-minhash --settings "{'adjacent_content_min': 0.3}" "{}"
    .venv/bin/python bench/parents.py --sizes 1000 --no-minhash --flips  # near ties that lost the right parent

With `--missing`, that share of the district letters (drawn with a fixed seed) is taken out of the folder, as
an analyst's folder lacks letters: their communes have no parent there, and the table says where they went
(nowhere, the province above, which is arguable, or another letter: wrong); the other letters are scored as usual.

bench/run.py calls `score_parents` and `minhash_parents` for its table.
"""

import argparse
import ast
import dataclasses
import json
import pickle
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import cascade.corpus as corpus_module  # noqa: E402
from cascade.corpus import DEFAULT_CORPUS_SETTINGS, TIER_RANK, CorpusSettings, build_index, detect_parents  # noqa: E402
from cascade.trigram_index import TrigramIndex, letter_trigrams  # noqa: E402
from models import Letter, Tier  # noqa: E402

OUT = REPO / "bench" / "out"
CLASSES = ("citation", "near-citation", "header-only", "neither")


def score_parents(predicted: dict[str, str | None], gold: dict) -> dict:
    """Share of letters given the generator's parent (a root: no parent), overall and per evidence class."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold["letters"]:
        ok = int((predicted.get(g["path"]) or None) == g["parent"])
        for key in ("all", g.get("evidence") or "root"):
            per[key][0] += ok
            per[key][1] += 1
    return {k: {"right": r, "letters": n, "accuracy": r / n} for k, (r, n) in per.items()}


def load_letters(root: Path, gold: dict) -> dict[str, Letter]:
    """The folder's letters, parsed once and kept in bench/out (pickle: bench data we wrote ourselves)."""
    from parsers.batch import discover, parse_many, relative_path

    cache = OUT / f"letters-{root.name}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    outcomes = parse_many(discover(root), root)
    letters = {relative_path(o.path, root): o.letter for o in outcomes if o.letter is not None}
    cache.write_bytes(pickle.dumps(letters, protocol=pickle.HIGHEST_PROTOCOL))
    return letters


def ours(letters: dict[str, Letter], settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
         index: TrigramIndex | None = None) -> tuple[dict[str, str | None], dict]:
    """Our detection's parents and its cost; with `index` (built for an earlier run of the same letters)
    the index build is not timed again."""
    t = time.perf_counter()
    index = index or build_index(letters)
    built = time.perf_counter() - t
    nodes = detect_parents(letters, settings, index)
    seconds = time.perf_counter() - t
    predicted = {p: (n.parents[0].parent if n.parents else None) for p, n in nodes.items()}
    thin = [p for p, n in nodes.items() if any(f.startswith("thin-evidence") for f in n.flags)]
    return predicted, {"seconds": seconds, "index_seconds": built, "index_mb": index.nbytes / 1e6,
                       "visits_per_letter": index.visits / max(1, index.voted), "voted": index.voted,
                       "thin": thin, "nodes": nodes, "index": index}


def record_flips() -> tuple[list[tuple[str, list, list]], Callable[[], None]]:
    """Wrap `_rerank_near_ties` to keep, per child, the first candidates before and after it reorders them
    (score, candidate) whenever the first one changes: where a near tie decided the parent. Returns the
    list it fills and what puts the function back."""
    flips: list[tuple[str, list, list]] = []
    rerank = corpus_module._rerank_near_ties

    def restore() -> None:
        corpus_module._rerank_near_ties = rerank

    def wrapped(path: str, scored: list, index: TrigramIndex, settings: CorpusSettings, graph: object,
                letters: object) -> list:
        out = rerank(path, scored, index, settings, graph, letters)
        if scored and out and out[0][2] != scored[0][2]:
            # each candidate's known parents when the tie was decided (the lineage signal reads them)
            flips.append((path, [(round(x[0], 3), x[2], list(graph.predecessors(x[2]))) for x in scored[:4]],
                          [(round(x[0], 3), x[2]) for x in out[:4]]))
        return out

    corpus_module._rerank_near_ties = wrapped
    return flips, restore


def print_flips(flips: list[tuple[str, list, list]], gold: dict, pred: dict[str, str | None], index: TrigramIndex,
                letters: dict[str, Letter]) -> None:
    """The near ties that turned the best-scored candidate, counted by outcome; the ones that turned a right
    parent into a wrong one printed with the signals `_rerank_near_ties` weighs."""
    parent = {g["path"]: g["parent"] for g in gold["letters"]}
    evidence = {g["path"]: g.get("evidence") for g in gold["letters"]}
    outcome: dict[str, int] = defaultdict(int)
    lost = []
    for path, before, after in flips:
        right_before, right_after = before[0][1] == parent.get(path), pred.get(path) == parent.get(path)
        outcome[f"{'right' if right_before else 'wrong'} → {'right' if right_after else 'wrong'}"] += 1
        if right_before and not right_after:
            lost.append((path, before, after))
    print(f"  near ties that changed the first candidate: {len(flips)}; {dict(outcome)}")
    for path, before, after in lost:
        day = letters[path].header.date
        print(f"    {path} [{evidence.get(path)}] tier {letters[path].tier.value} {day} "
              f"header above: {letters[path].header.parent_issuer}")
        for score, cand, above in before:
            c = letters[cand]
            print(f"      {'GOLD' if cand == parent.get(path) else '    '} {score:.3f} {cand} "
                  f"({c.tier.value}, {c.header.date}) share {index.containment(path, cand):.3f} "
                  f"back {index.containment(cand, path):.3f} family {index.family_containment(path, cand):.3f} "
                  f"own {index.own_share(cand, [path, *(o for _, o, _ in before if o != cand)]):.3f} "
                  f"known parents {[(q, round(index.containment(path, q), 3)) for q in above]}")
        print(f"      after: {[c for _, c in after]}; taken {pred.get(path)}")


def _tier_date_ok(parent: Letter, child: Letter) -> bool:
    p, c = TIER_RANK.get(parent.tier), TIER_RANK.get(child.tier)
    if p is not None and c is not None and p > c:
        return False
    pd, cd = parent.header.date, child.header.date
    return pd is None or cd is None or pd <= cd


def minhash_parents(letters: dict[str, Letter], threshold: float = 0.1, num_perm: int = 64
                    ) -> tuple[dict[str, str | None], float]:
    """The MinHash-LSH peer: each letter's word-trigram set (the same trigrams as ours) as a MinHash,
    an LSH query for letters above a Jaccard threshold, and the parent = the candidate of highest
    estimated Jaccard that the same tier and date rules allow (a tier known above first)."""
    from datasketch import MinHash, MinHashLSH

    t = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    hashes = {}
    for path, letter in letters.items():
        m = MinHash(num_perm=num_perm, seed=1)
        grams = letter_trigrams(letter)
        if len(grams):
            m.update_batch([int(g).to_bytes(8, "little") for g in grams])
        hashes[path] = m
        lsh.insert(path, m)
    out: dict[str, str | None] = {}
    for path, m in hashes.items():
        child = letters[path]
        best = None
        for other in lsh.query(m):
            if other == path or not _tier_date_ok(letters[other], child):
                continue
            above = (child.tier is not Tier.UNKNOWN and letters[other].tier is not Tier.UNKNOWN
                     and TIER_RANK.get(letters[other].tier, 9) < TIER_RANK.get(child.tier, 9))
            key = (above, m.jaccard(hashes[other]), other)
            if best is None or key > best:
                best = key
        out[path] = best[2] if best else None
    return out, time.perf_counter() - t


def _corpus(size: int, seed: int) -> tuple[Path, dict]:
    from bench.scale_corpus import corpus

    root = corpus(size, seed)
    return root, json.loads((root / "gold.json").read_text(encoding="utf-8"))


def _leave_out(letters: dict[str, Letter], gold: dict, share: float
               ) -> tuple[dict[str, Letter], dict, dict[str, str | None]]:
    """The folder without `share` of its district letters: the letters kept, the gold of the letters whose
    parent is still there, and each orphan with the parent of its missing parent."""
    import random

    parent_of = {g["path"]: g["parent"] for g in gold["letters"]}
    districts = sorted(g["path"] for g in gold["letters"] if g["tier"] == "district")
    gone = set(random.Random(7).sample(districts, int(len(districts) * share)))
    orphans = {g["path"]: parent_of[g["parent"]] for g in gold["letters"] if g["parent"] in gone}
    kept = {p: letter for p, letter in letters.items() if p not in gone}
    rest = [g for g in gold["letters"] if g["path"] not in gone and g["path"] not in orphans]
    return kept, {**gold, "letters": rest}, orphans


def _table(name: str, scores: dict) -> str:
    cells = [f"{scores[k]['accuracy']:.3f} ({scores[k]['letters']})" if k in scores else "—"
             for k in ("all", *CLASSES)]
    # the letters with no usable citation: header only and neither together
    bare = [scores[k] for k in ("header-only", "neither") if k in scores]
    right, total = sum(x["right"] for x in bare), sum(x["letters"] for x in bare)
    cells.append(f"{right / total:.3f} ({total})" if total else "—")
    return f"| {name} | " + " | ".join(cells) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100,1000")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tune-minhash", action="store_true", help="grid of the peer's settings on seed 1")
    ap.add_argument("--no-minhash", action="store_true")
    ap.add_argument("--missing", type=float, default=0.0, help="share of district letters left out of the folder")
    ap.add_argument("--settings", nargs="*", default=["{}"],
                    help="CorpusSettings overrides, as Python dicts: one run each, on one index")
    ap.add_argument("--flips", action="store_true", help="print the near ties that lost a right parent")
    a = ap.parse_args()
    if a.tune_minhash:
        root, gold = _corpus(100, 1)
        letters = load_letters(root, gold)
        for num_perm in (32, 64, 128, 256):
            for threshold in (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
                pred, _ = minhash_parents(letters, threshold, num_perm)
                print(f"num_perm {num_perm} threshold {threshold}: {score_parents(pred, gold)['all']['accuracy']:.3f}")
        return
    print("| folder | all | " + " | ".join(CLASSES) + " | no citation |")
    print("|---|---|---|---|---|---|---|")
    for size in (int(s) for s in a.sizes.split(",")):
        root, gold = _corpus(size, a.seed)
        letters = load_letters(root, gold)
        orphans: dict[str, str | None] = {}
        if a.missing:
            letters, gold, orphans = _leave_out(letters, gold, a.missing)
        index = None
        for overrides in a.settings:
            settings = dataclasses.replace(DEFAULT_CORPUS_SETTINGS, **ast.literal_eval(overrides))
            flips, restore = record_flips() if a.flips else ([], lambda: None)
            pred, stats = ours(letters, settings, index)
            restore()
            index = stats["index"]
            label = "" if overrides == "{}" else f" {overrides}"
            print(_table(f"cascade, {len(letters)} letters{label}", score_parents(pred, gold)), flush=True)
            wrong = [g for g in gold["letters"] if (pred.get(g["path"]) or None) != g["parent"]]
            thin = set(stats["thin"])
            print(f"  detect {stats['seconds']:.1f} s (index {stats['index_seconds']:.1f} s, "
                  f"{stats['index_mb']:.0f} MB), "
                  f"visits/letter {stats['visits_per_letter']:.0f} over {stats['voted']} letters; thin-evidence "
                  f"{len(thin)} letters, of which wrong {sum(1 for g in wrong if g['path'] in thin)}; wrong "
                  f"{len(wrong)}", flush=True)
            for g in wrong[:12]:
                n = stats["nodes"].get(g["path"])
                print(f"    {g['path']} [{g.get('evidence')}] gold {g['parent']} got {pred.get(g['path'])} "
                      f"{[r for p in n.parents for r in p.reasons][:3] if n else 'not parsed'}")
            if a.flips:
                print_flips(flips, gold, pred, index, letters)
            if orphans:
                nowhere = sum(1 for o in orphans if pred.get(o) is None)
                above = sum(1 for o, grand in orphans.items() if pred.get(o) is not None and pred.get(o) == grand)
                print(f"  parent not in the folder: {len(orphans)} letters; placed nowhere {nowhere}, under the "
                      f"letter above the missing one {above}, under another letter {len(orphans) - nowhere - above}")
        if not a.no_minhash:
            mpred, seconds = minhash_parents(letters)
            print(_table(f"MinHash-LSH, {len(letters)} letters ({seconds:.1f} s, "
                         f"{seconds / stats['seconds']:.2f}× ours)", score_parents(mpred, gold)))


if __name__ == "__main__":
    main()
