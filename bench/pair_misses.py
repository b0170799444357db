"""Per real pair (bench/heldout_pairs): the gold item links missed and the false ones made, with both
items' texts and the best evidence between them (word-run coverage, closest sentence cosine), to group
the linker's misses into classes before fixing one.

usage: python bench/pair_misses.py [PAIR_PREFIX ...]   (also runs the dev pairs of ../shared/eval/real/pairs
and the built pairs of tests/eval_pairs)
"""

from __future__ import annotations

import json
import math
import sys
from collections import defaultdict
from pathlib import Path

from cascade.align import SentenceIndex, weighted_shingles
from cascade.linking import link_letters, prepare
from parsers import parse_letter

PAIRS = Path(__file__).resolve().parent / "heldout_pairs"


def _short(text: str, n: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def pair_report(d: Path) -> dict:
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    gl = {tuple(x) for x in gold["item_links"]}
    parent, child = parse_letter(d / "parent.txt"), parse_letter(d / "child.txt")
    res = link_letters(parent, child)
    found = {(x.parent_item, x.child_item): x for x in res.item_links}
    prep = prepare(parent, child)
    pu, cu = prep.p_units, prep.c_units
    p_sh, c_sh, weight = weighted_shingles(prep.p_match, prep.c_match)
    index = SentenceIndex(pu, cu, prep.p_match, prep.c_match, prep.p_starts, prep.c_starts, 0)
    p_sent: dict[int, list[int]] = defaultdict(list)
    c_sent: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(index.parent):
        p_sent[s.unit].append(k)
    for k, s in enumerate(index.child):
        c_sent[s.unit].append(k)

    def cos(a: int, b: int) -> float:
        va, vb = index.parent[a].vector, index.child[b].vector
        return sum(w * vb.get(t, 0.0) for t, w in va.items())

    def members(units, item: str) -> list[int]:
        return [k for k, u in enumerate(units) if u.item == item or u.item.startswith(item + ".")]

    def evidence(p_item: str, c_item: str) -> dict:
        best_cov, best_cos, at = 0.0, 0.0, None
        for i in members(pu, p_item):
            for j in members(cu, c_item):
                w = math.fsum(weight[g] for g in c_sh[j] & p_sh[i])
                cm = math.fsum(weight[g] for g in c_sh[j]) or 1.0
                cov = w / cm
                c = max((cos(a, b) for a in p_sent[i] for b in c_sent[j]),
                        default=0.0)
                if cov + c > best_cov + best_cos:
                    best_cov, best_cos, at = cov, c, (pu[i].id, cu[j].id)
        return {"cov": round(best_cov, 3), "cos": round(best_cos, 3), "units": at}

    text_p = {u.item: u.text for u in pu if u.is_item}
    text_c = {u.item: u.text for u in cu if u.is_item}
    unit_links = defaultdict(set)
    for lk in res.links:
        unit_links[(next(u.item for u in pu if u.id == lk.parent), next(u.item for u in cu if u.id == lk.child))].add(
            (lk.parent, lk.child, lk.strength.value, lk.score))
    out = {"pair": d.name, "missed": [], "false": []}
    for p_item, c_item in sorted(gl - set(found)):
        row = {"parent": p_item, "child": c_item, "p_text": _short(text_p.get(p_item, "?")),
               "c_text": _short(text_c.get(c_item, "?")), **evidence(p_item, c_item),
               "unit_links": sorted(unit_links.get((p_item, c_item), ())),
               "child_linked_to": sorted(p for p, c in found if c == c_item),
               "parent_linked_to": sorted(c for p, c in found if p == p_item)}
        out["missed"].append(row)
    for (p_item, c_item), x in sorted(found.items()):
        if (p_item, c_item) in gl:
            continue
        out["false"].append({"parent": p_item, "child": c_item, "strength": x.strength.value, "score": x.score,
                             "p_text": _short(text_p.get(p_item, "?")), "c_text": _short(text_c.get(c_item, "?")),
                             "gold_child_of_parent": sorted(c for p, c in gl if p == p_item),
                             "gold_parent_of_child": sorted(p for p, c in gl if c == c_item)})
    return out


def main(prefixes: list[str]) -> None:
    roots = [PAIRS, Path(__file__).resolve().parents[2] / "shared" / "eval" / "real" / "pairs",
             Path(__file__).resolve().parents[1] / "tests" / "eval_pairs"]
    for d in sorted(x for r in roots if r.exists() for x in r.iterdir() if x.is_dir()):
        if not (d / "gold.json").exists() or (prefixes and not any(d.name.startswith(p) for p in prefixes)):
            continue
        rep = pair_report(d)
        print(f"=== {rep['pair']}: missed {len(rep['missed'])}, false {len(rep['false'])}")
        for r in rep["missed"]:
            print(f" MISS {r['parent']} -> {r['child']}  cov {r['cov']} cos {r['cos']} at {r['units']}"
                  f"  unit links {r['unit_links']}  child has {r['child_linked_to']}"
                  f"  parent has {r['parent_linked_to']}")
            print(f"    P: {r['p_text']}")
            print(f"    C: {r['c_text']}")
        for r in rep["false"]:
            print(f" FALSE {r['parent']} -> {r['child']}  {r['strength']} {r['score']}"
                  f"  gold: parent->{r['gold_child_of_parent']} child<-{r['gold_parent_of_child']}")
            print(f"    P: {r['p_text']}")
            print(f"    C: {r['c_text']}")


if __name__ == "__main__":
    main(sys.argv[1:])
