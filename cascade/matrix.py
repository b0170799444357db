"""What a parent letter's children did with each of its items: the item × child matrix, the items
every child or no child carried down, each child's local additions and the deepest chain per item."""

from dataclasses import dataclass

from cascade.analysis import FolderAnalysis
from cascade.units import letter_units
from models import Relation


@dataclass(frozen=True)
class Cell:
    relation: str  # a Relation value, or "dropped"
    kept_share: float
    child_items: tuple[str, ...]


@dataclass(frozen=True)
class ParentMatrix:
    parent: str
    items: list[tuple[str, str]]  # (item id, text)
    children: list[str]
    cells: dict[tuple[str, str], Cell]  # (item id, child path)
    carried_by_all: list[str]
    carried_by_none: list[str]
    local_additions: dict[str, list[tuple[str, str]]]  # child → [(unit id, text)]


_RANK = {Relation.KEPT.value: 0, Relation.LOCALISED.value: 1, Relation.EXPANDED.value: 2,
         Relation.TRIMMED.value: 3, Relation.MODIFIED.value: 4, Relation.PARAPHRASED.value: 5}


def parent_matrix(analysis: FolderAnalysis, parent: str) -> ParentMatrix:
    letter = analysis.letters[parent]
    # numbered items, or the body paragraphs of a prose letter
    items = [(u.id, u.text) for u in letter_units(letter, frame=False) if u.is_item]
    children = [c for c in analysis.nodes[parent].children if (parent, c) in analysis.pairs]
    cells: dict[tuple[str, str], Cell] = {}
    local: dict[str, list[tuple[str, str]]] = {}
    for child in children:
        result = analysis.pairs[(parent, child)]
        by_item: dict[str, list] = {}
        for il in result.item_links:
            by_item.setdefault(il.parent_item, []).append(il)
        for item_id, _ in items:
            links = by_item.get(item_id)
            if not links:
                cells[(item_id, child)] = Cell("dropped", 0.0, ())
                continue
            best = max(links, key=lambda il: (il.kept_share, -_RANK.get(il.relation.value, 9)))
            cells[(item_id, child)] = Cell(best.relation.value, min(1.0, max(il.kept_share for il in links)),
                                           tuple(il.child_item for il in links))
        texts = {u.id: u.text for u in letter_units(result.child)}
        local[child] = [(uid, texts.get(uid, "")) for uid in result.added]
    carried_all = [i for i, _ in items if children and all(cells[(i, c)].relation != "dropped" for c in children)]
    carried_none = [i for i, _ in items if children and all(cells[(i, c)].relation == "dropped" for c in children)]
    return ParentMatrix(parent, items, children, cells, carried_all, carried_none, local)


def deepest_chains(analysis: FolderAnalysis, top: str) -> dict[str, list[tuple[str, str, str]]]:
    """For each item of `top`, the longest path of unit links down the tree: [(letter, unit, text)]."""
    texts = {path: {u.id: u.text for u in letter_units(letter)} for path, letter in analysis.letters.items()}
    memo: dict[tuple[str, str], list[tuple[str, str, str]]] = {}

    def down(letter: str, unit: str, seen: frozenset[str]) -> list[tuple[str, str, str]]:
        key = (letter, unit)
        if key in memo:
            return memo[key]
        best: list[tuple[str, str, str]] = []
        for child in analysis.nodes[letter].children:
            result = analysis.pairs.get((letter, child))
            if result is None or child in seen:
                continue
            for link in result.links:
                if link.parent == unit:
                    path = down(child, link.child, seen | {child})
                    if len(path) > len(best):
                        best = path
        memo[key] = [(letter, unit, texts[letter].get(unit, "")), *best]
        return memo[key]

    out = {}
    for unit in letter_units(analysis.letters[top], frame=False):
        if unit.is_item:
            out[unit.id] = down(top, unit.id, frozenset({top}))
    return out
