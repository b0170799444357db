"""Which parent item a child item comes from, for the roll-up of unit links to items.

A child item's lead (its heading or first paragraph) says which parent item it restates; failing that,
the parent item its words come from most. Two things go wrong without it on real letters:
- a line the parent repeats in several items ("02 Giải ba: 25 triệu đồng/giải …" under each prize
  group) is found in each of them, so every child item that copies it seems to take all of them;
- a parent item that lends a sentence or two to several sub-items of a child section looks like the
  source of the whole section (see `linking._lifts`) and hides the sub-items' own sources;
- a parent line the child carries whole into one place is found again, adapted or by key terms, wherever
  the child reuses its wording ("Các tỉnh, thành đoàn gửi bài thi về:" copied under the first round and
  echoed in the entry rules; a prize line copied under its prize group and echoed in the timetable; a
  contest topic copied under "Nội dung thi" and echoed in a final's theme): the reuse is not a source.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence

from cascade.align import UnitMatch
from cascade.units import Unit


def main_sources(c_units: Sequence[Unit], p_units: Sequence[Unit], matches: Sequence[UnitMatch],
                 score: Callable[[UnitMatch], float], words: Callable[[int], int]) -> dict[str, set[str]]:
    """Child item → the parent item(s) it restates: those of its lead's best match by word runs, else
    those its units take the most words from (each child unit's words weighted by its best match into
    that parent item). Ties keep every tied item."""
    lead_best: dict[str, tuple[float, set[str]]] = {}
    weight: dict[str, dict[str, dict[int, float]]] = defaultdict(lambda: defaultdict(dict))
    for m in matches:
        c, p_item = c_units[m.child], p_units[m.parent].item
        s = score(m)
        per_unit = weight[c.item][p_item]
        per_unit[m.child] = max(per_unit.get(m.child, 0.0), s)
        if c.is_item and m.by_runs:
            best, items = lead_best.get(c.item, (0.0, set()))
            if s > best:
                lead_best[c.item] = (s, {p_item})
            elif s == best:
                items.add(p_item)
    out: dict[str, set[str]] = {}
    for item, by_parent in weight.items():
        if item in lead_best:
            out[item] = lead_best[item][1]
            continue
        totals = {p: sum(s * words(k) for k, s in units.items()) for p, units in by_parent.items()}
        top = max(totals.values())
        out[item] = {p for p, t in totals.items() if t == top}
    return out


def without_echoes(c_units: Sequence[Unit], p_units: Sequence[Unit], matches: Sequence[UnitMatch],
                   main: dict[str, set[str]], score: Callable[[UnitMatch], float], copied_min: float
                   ) -> list[UnitMatch]:
    """The matches less those of a child unit to a line the parent repeats: when a child unit is copied
    (score ≥ `copied_min`) by word runs from a unit of its item's own source and as closely or less from a
    unit of another parent item (by word runs or key terms), the parent says the same line twice and the
    child took it from the item it restates."""
    by_child: dict[int, list[UnitMatch]] = defaultdict(list)
    for m in matches:
        by_child[m.child].append(m)
    echoes: set[tuple[int, int]] = set()
    for child, ms in by_child.items():
        own = main.get(c_units[child].item, set())
        at_home = [score(m) for m in ms if m.by_runs and p_units[m.parent].item in own]
        if not at_home or max(at_home) < copied_min:
            continue
        for m in ms:
            if p_units[m.parent].item not in own and copied_min <= score(m) <= max(at_home):
                echoes.add((m.parent, m.child))
    return [m for m in matches if (m.parent, m.child) not in echoes]



def reused_phrases(matches: Sequence[UnitMatch], kept: Callable[[UnitMatch], float],
                   copied: Callable[[UnitMatch], bool], whole_min: float) -> list[UnitMatch]:
    """The matches less a parent unit's reuses: when the child carries a parent unit whole into one child
    unit (a copy keeping a share `whole_min` of its words), that unit's further matches that are not
    copies (adapted, or by key terms) are the child reusing its wording elsewhere, not carrying it twice.
    Copies stay (a line the child really says twice), and so do rules headings that carry out an item
    left to the rules (`UnitMatch.deferred`)."""
    whole: dict[int, set[int]] = defaultdict(set)
    for m in matches:
        if copied(m) and kept(m) >= whole_min:
            whole[m.parent].add(m.child)
    return [m for m in matches
            if m.deferred or copied(m) or m.child in whole[m.parent] or not whole[m.parent]]
