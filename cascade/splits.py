"""A parent item's list split into the child's own points.

A parent point whose unlabelled bullets (or its lead and its bullets) the child restates one by one as
labelled points of one article — "b) Mức hỗ trợ … - dưới 12 tháng: 1.800.000 đồng; - từ đủ 12 tháng …"
become "Điều 2 … 2. Mức hỗ trợ a) … 1.800.000 đồng. b) …" — is carried by every one of those points, not
by the article alone: each point is the child's place for its own part of the parent item. The roll-up
that reports a section taking one parent item whole (`linking._lifts`) keeps its link at the article and
adds one at each such point. What tells a split from a section restating the item whole is that each
point takes a different part of the parent item: their best parent units are all distinct.

A legal article is never restated whole that way: its khoản and điểm are cited one by one ("điểm a khoản 2
Điều 2"), so each is the child's own place for what it carries (bench/heldout_pairs 13: the employers, the
1% → 0% and the 12 months of one point of the resolution, each in its own khoản of "Điều 5"). The points
of a child article keep their links as well as the article (`article_ids`)."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from cascade.align import UnitMatch
from cascade.units import Unit
from models import ItemKind, Letter


def article_ids(letter: Letter) -> frozenset[str]:
    """The ids of the letter's legal articles (Điều …)."""
    out: set[str] = set()
    stack = list(letter.items)
    while stack:
        it = stack.pop()
        if it.kind is ItemKind.ARTICLE:
            out.add(it.id)
        stack.extend(it.items)
    return frozenset(out)


def split_points(lift: Mapping[tuple[str, str], str | None], matches: Iterable[UnitMatch],
                 p_units: Sequence[Unit], c_units: Sequence[Unit], score: Callable[[UnitMatch], float],
                 min_points: int, articles: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """(parent item, child point) pairs the roll-up reported at an enclosing item that are a split list:
    at least `min_points` points of that item take the same parent item, each from a parent unit none of
    the others takes as its best; or the enclosing item is one of the child's `articles`."""
    points: dict[tuple[str, str], list[str]] = defaultdict(list)  # (parent item, section) → its points
    for (p_item, c_item), at in lift.items():
        if at is not None and at != c_item:
            points[(p_item, at)].append(c_item)
    if not points:
        return set()
    best: dict[tuple[str, str], tuple[float, int]] = {}  # (parent item, point) → (score, parent unit)
    for m in matches:
        key = (p_units[m.parent].item, c_units[m.child].item)
        s = score(m)
        if key in lift and (key not in best or s > best[key][0]):
            best[key] = (s, m.parent)
    out: set[tuple[str, str]] = set()
    for (p_item, section), below in points.items():
        keys = [(p_item, d) for d in below if (p_item, d) in best]
        if section in articles:
            out.update(keys)
            continue
        if len(keys) < min_points:
            continue
        if len({best[k][1] for k in keys}) == len(keys):
            out.update(keys)
    return out
