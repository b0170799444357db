"""A short parent line the child says in several places: which of them carries it.

A heading-sized parent line ("Phần thi cá nhân", "Vòng Chung kết xếp hạng toàn quốc: dự kiến …",
"Hình thức, thời gian tổ chức cuộc thi") is found word for word wherever the child names the same thing:
in the section that restates it and again under the prizes, or in the individual and the team rounds
(bench/heldout_pairs 04, 05). Its words cannot tell the places apart; the headings above them can. The
copy whose section headings share most with the parent line's own headings, added to its coverage,
carries the line; the other short copies are mentions. Ties keep every copy, so a line the child
really repeats under equal headings stays linked to each.
"""

import math
from collections import defaultdict
from collections.abc import Sequence

from cascade.tokens import keys_of_text
from cascade.units import Unit


def context_keys(units: Sequence[Unit]) -> list[frozenset[str]]:
    """Each unit's context: the matching keys of the units it sits in (its item's lead for a block,
    the enclosing items' leads for an item), itself left out. Read from the whole text: a stock
    heading ("HÌNH THỨC THI") is masked out of the evidence, but it still says where a line sits."""
    at = {u.id: k for k, u in enumerate(units)}
    out: list[frozenset[str]] = []
    for u in units:
        keys: set[str] = set()
        up = u.container
        seen = 0
        while up is not None and up in at and seen < 16:
            k = at[up]
            keys.update(keys_of_text(units[k].text))
            up = units[k].container
            seen += 1
        out.append(frozenset(keys))
    return out


def _idf(*sides: Sequence[frozenset[str]]) -> dict[str, float]:
    df: dict[str, int] = defaultdict(int)
    n = 0
    for side in sides:
        for keys in side:
            n += 1
            for k in keys:
                df[k] += 1
    return {k: math.log(1 + n / d) for k, d in df.items()}


def context_similarity(a: frozenset[str], b: frozenset[str], idf: dict[str, float]) -> float:
    """Cosine of two contexts as idf-weighted sets of words (0 if either is empty)."""
    if not a or not b:
        return 0.0
    common = math.fsum(idf.get(k, 0.0) ** 2 for k in a & b)
    na = math.sqrt(math.fsum(idf.get(k, 0.0) ** 2 for k in a))
    nb = math.sqrt(math.fsum(idf.get(k, 0.0) ** 2 for k in b))
    return common / (na * nb) if na and nb else 0.0


def mentions_of_short_lines(parent: Sequence[Unit], child: Sequence[Unit], links: Sequence[tuple[int, int, float]],
                            p_size: Sequence[int], c_size: Sequence[int], short: int) -> set[tuple[int, int]]:
    """(parent unit, child unit) links to drop: for a parent unit of fewer than `short` word pairs
    (`p_size`) linked to several child units of fewer than `short` word pairs each (`c_size`) — or, for a
    longer parent unit, to several such child units with the same words — every link but those whose
    coverage plus context similarity is highest. `links` are (parent unit, child unit, coverage of the
    child)."""
    # a short parent line: every short child line it is found in competes; a longer parent unit: the short
    # child lines that say the same words ("Vòng thi Tuần" under the rounds, "Vòng thi tuần" under the prizes)
    groups: dict[tuple[int, frozenset[str]], list[tuple[int, float]]] = defaultdict(list)
    for i, j, cov in links:
        if child[j].frame or parent[i].frame or c_size[j] >= short:
            continue
        groups[(i, frozenset() if p_size[i] < short else frozenset(keys_of_text(child[j].text)))].append((j, cov))
    ambiguous = {key: js for key, js in groups.items() if len(js) >= 2}
    if not ambiguous:
        return set()
    p_ctx, c_ctx = context_keys(parent), context_keys(child)
    idf = _idf(p_ctx, c_ctx)
    out: set[tuple[int, int]] = set()
    for (i, _), js in ambiguous.items():
        scored = [(round(cov + context_similarity(p_ctx[i], c_ctx[j], idf), 6), j) for j, cov in js]
        top = max(s for s, _ in scored)
        out |= {(i, j) for s, j in scored if s < top}
    return out


__all__ = ["context_keys", "context_similarity", "mentions_of_short_lines"]
