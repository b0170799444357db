"""Link parent units to child units, many-to-many, with order as a hint and never a rule.

Method (chosen on the sample pair and on generated cascades, see bench/evaluate.py): each unit becomes a set of
word-pair shingles over matching keys (tone-canonical syllables, tier words merged, abbreviations
expanded), weighted by inverse document frequency over both letters so boilerplate pairs
("tuyên truyền") count little. For each child unit the parent unit covering the largest weighted
share of its shingles is its source if the evidence clears the thresholds; further parent units are
added while each explains enough of what is still uncovered (merges). Several child units may take
the same parent unit (splits). Like passim/BLAST local alignment this finds moved and reordered
text; unlike monotonic aligners (bertalign, vecalign) it allows crossing links.
"""

import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise

from cascade.tokens import Token, keys_of
from cascade.unit_candidates import ParentUnitIndex
from cascade.units import Unit


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds on weighted shingle coverage, set from the score distributions that
    `bench/evaluate.py` measures on generated cascades (60 pairs, seeds 0–59): for long child units
    the gold source covers ≥ 0.63 of the child in 95% of cases (median 1.0), while the best wrong
    parent unit covers ≤ 0.31 in 90% and ≤ 0.39 in 95%; units with no source at all peak at 0.54.
    Short units (< 6 word pairs) match anywhere, hence the mutual and uniqueness rules."""

    link_min: float = 0.45  # child coverage that makes a link on its own
    mutual_min: float = 0.30  # … or child and parent coverage both at least this
    short_shingles: int = 6  # a child unit with fewer word pairs is short: it needs mutual evidence
    short_child_min: float = 0.6
    short_parent_min: float = 0.3
    merge_gain: float = 0.25  # a further parent unit must explain this share of the child anew
    merge_parent_min: float = 0.5  # … or half that, if most of the further parent unit is in the child
    unique_margin: float = 0.3  # a short unit found in one parent unit only, by this coverage margin
    min_shared: int = 2  # fewer shared word pairs are never evidence
    item_prior: float = 0.03  # ranking bonus for a parent unit inside the item the child's item maps to
    # Long parents (cascade.unit_candidates): each child unit is scored against its best-voted parent
    # units only, so a pair's cost grows with its size, not with the product of its units.
    prune_above_units: int = 150
    unit_candidates: int = 32
    unit_max_postings: int = 32


DEFAULT_SETTINGS = AlignSettings()


@dataclass(frozen=True)
class UnitMatch:
    parent: int  # index into the parent units
    child: int
    child_cov: float  # weighted share of the child's shingles found in the parent unit
    parent_cov: float  # weighted share of the parent's shingles found in the child unit


def shingles(keys: list[str]) -> frozenset[tuple[str, ...]]:
    if len(keys) < 2:
        return frozenset({tuple(keys)}) if keys else frozenset()
    return frozenset(pairwise(keys))


Shingle = tuple[str, ...]


def weighted_shingles(parent_tokens: list[list[Token]], child_tokens: list[list[Token]]
                      ) -> tuple[list[frozenset[Shingle]], list[frozenset[Shingle]], dict[Shingle, float]]:
    """Each unit's word-pair shingles and every shingle's weight, log(1 + n / df) over both letters'
    units: what the coverage scores of `align_units` are computed from."""
    p_sh = [shingles(keys_of(t)) for t in parent_tokens]
    c_sh = [shingles(keys_of(t)) for t in child_tokens]
    df: dict[Shingle, int] = defaultdict(int)
    for s in (*p_sh, *c_sh):
        for g in s:
            df[g] += 1
    n = len(p_sh) + len(c_sh)
    return p_sh, c_sh, {g: math.log(1 + n / d) for g, d in df.items()}


def align_units(parent: list[Unit], child: list[Unit], parent_tokens: list[list[Token]],
                child_tokens: list[list[Token]], settings: AlignSettings = DEFAULT_SETTINGS) -> list[UnitMatch]:
    """Unit matches, each child unit with zero or more parent units."""
    p_sh, c_sh, weight = weighted_shingles(parent_tokens, child_tokens)
    p_mass = [sum(weight[g] for g in s) or 1.0 for s in p_sh]
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(p_sh):
        for g in s:
            index[g].append(i)

    unit_index = ParentUnitIndex(p_sh, settings.unit_max_postings) if len(parent) > settings.prune_above_units \
        else None

    def scores(cs: frozenset[tuple[str, ...]]) -> dict[int, tuple[float, int]]:
        if unit_index is not None and len(cs) >= 2 * settings.short_shingles:
            # a short unit is scored against every parent unit: it has few word pairs, and its
            # uniqueness margin needs all of them
            out = {}
            for i in unit_index.candidates(cs, weight, settings.unit_candidates):
                common = cs & p_sh[i]
                out[i] = (sum(weight[g] for g in common), len(common))
            return out
        acc: dict[int, list[float]] = defaultdict(lambda: [0.0, 0])
        for g in cs:
            for i in index.get(g, ()):
                acc[i][0] += weight[g]
                acc[i][1] += 1
        return {i: (v[0], int(v[1])) for i, v in acc.items()}

    def accept(shared: int, cc: float, pc: float, size: int, margin: float, heading: bool) -> bool:
        """`margin`: how far this candidate's child coverage stands above the next parent unit's;
        `heading`: the child unit is an item's lead line (an addressee or a title)."""
        if shared < settings.min_shared and size >= settings.min_shared:
            return False
        if heading and size < 2 * settings.short_shingles and pc < settings.short_parent_min:
            return False  # a heading-sized line contained in a long paragraph is a mention, not a source
        if size < settings.short_shingles:
            # A short unit matches many places; it needs mutual evidence or one unambiguous source
            # (the short half of a split parent unit is found in that unit only). A short heading
            # ("Ban Tuyên giáo huyện ủy") names an office that any paragraph may mention: mutual only.
            unique = not heading and margin >= settings.unique_margin and shared >= 3
            return cc >= settings.short_child_min and (pc >= settings.short_parent_min or unique)
        return cc >= settings.link_min or (cc >= settings.mutual_min and pc >= settings.mutual_min)

    child_has_blocks = [
        k + 1 < len(child) and child[k + 1].container == u.id for k, u in enumerate(child)
    ]

    raw_scores = [scores(cs) if cs else {} for cs in c_sh]  # the same in both passes

    def run(prior: dict[str, str]) -> list[UnitMatch]:
        found: list[UnitMatch] = []
        for j, cs in enumerate(c_sh):
            if not cs:
                continue
            c_mass = sum(weight[g] for g in cs)
            raw = raw_scores[j]
            mapped = prior.get(child[j].item)

            def rank(i: int, raw: dict[int, tuple[float, int]] = raw, mapped: str | None = mapped,
                     c_mass: float = c_mass) -> float:
                bonus = settings.item_prior if mapped is not None and parent[i].item == mapped else 0.0
                return raw[i][0] / c_mass + bonus + 1e-6 * raw[i][0] / p_mass[i]

            heading = child[j].is_item and child_has_blocks[j]
            chosen: list[int] = []
            covered: set[tuple[str, ...]] = set()
            ranked = sorted(raw, key=rank, reverse=True)[:8]
            for i in ranked:
                w, shared = raw[i]
                cc, pc = w / c_mass, w / p_mass[i]
                if not chosen:
                    margin = cc - max((raw[k][0] / c_mass for k in raw if k != i), default=0.0)
                    if accept(shared, cc, pc, len(cs), margin, heading):
                        chosen.append(i)
                        covered |= cs & p_sh[i]
                        found.append(UnitMatch(i, j, cc, pc))
                    continue
                fresh = (cs & p_sh[i]) - covered
                gain = sum(weight[g] for g in fresh) / c_mass
                if len(fresh) < 2 * settings.min_shared:
                    continue
                # A further source of a merged unit: it explains a good share of what is still
                # uncovered and is itself mostly found in the child.
                if (gain >= settings.merge_gain and accept(shared, cc, pc, len(cs), 0.0, heading)) or (
                    gain >= settings.merge_gain / 2 and pc >= settings.merge_parent_min
                ):
                    chosen.append(i)
                    covered |= fresh
                    found.append(UnitMatch(i, j, cc, pc))
        return found

    first = run({})
    # Order is a hint: a second pass prefers, among near-equal candidates, the parent item that the
    # rest of the child item already came from.
    votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for m in first:
        votes[child[m.child].item][parent[m.parent].item] += m.child_cov
    prior = {c: max(v, key=lambda k: v[k]) for c, v in votes.items()}
    return run(prior)


def moved_links(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """Links outside the longest run that keeps both letters' order (the rest were moved)."""
    ordered = sorted(set(pairs))
    if not ordered:
        return set()
    # longest non-decreasing subsequence of child positions, O(n log n) with back-pointers
    import bisect

    tails: list[int] = []
    tails_idx: list[int] = []
    back = [-1] * len(ordered)
    for k, (_, c) in enumerate(ordered):
        pos = bisect.bisect_right(tails, c)
        if pos == len(tails):
            tails.append(c)
            tails_idx.append(k)
        else:
            tails[pos] = c
            tails_idx[pos] = k
        back[k] = tails_idx[pos - 1] if pos > 0 else -1
    keep: set[int] = set()
    k = tails_idx[-1] if tails_idx else -1
    while k != -1:
        keep.add(k)
        k = back[k]
    return {ordered[k] for k in range(len(ordered)) if k not in keep}
