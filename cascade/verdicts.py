"""One judgement per unit link and per parent item, computed once from a LinkResult, so that every
report (index.html, pair pages, report.md, CSV, .xlsx, SQLite, .docx) says the same thing.

Two levels, never mixed:
- a *unit verdict* judges one link (a parent unit → a child unit), or one dropped parent unit, or one
  local child unit;
- an *item verdict* judges a whole parent item (its lead paragraph and its blocks) against the child
  letter: which child items received it, the share of its words carried down (a split counted once),
  the share of local words in the child items that received it, and one relation.

Relations: kept (every word, up to spelling), localised (only tier/place/organisation words swapped),
trimmed (parent words left out), expanded (local words added), modified (both), paraphrased (the
content carried in other words: the linker's paraphrase relation or strength),
added (a local child unit or item, no parent) and dropped (nothing carried down).
"""

import re
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from cascade.units import Unit, letter_units
from models import Link, LinkResult, Relation, SpanKind, Strength


class Verdict(StrEnum):
    KEPT = "kept"
    LOCALISED = "localised"
    EXPANDED = "expanded"
    TRIMMED = "trimmed"
    PARAPHRASED = "paraphrased"
    MODIFIED = "modified"
    ADDED = "added"
    DROPPED = "dropped"


# Legend and sort order: from least to most changed, then what has no counterpart.
VERDICT_ORDER = tuple(Verdict)
_WORD_RE = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class UnitVerdict:
    parent: str | None  # parent unit id; None for a local child unit
    child: str | None  # child unit id; None for a dropped parent unit
    relation: Verdict
    kept_share: float = 0.0
    added_share: float = 0.0
    similarity: float = 0.0
    split: bool = False
    merged: bool = False
    moved: bool = False


@dataclass(frozen=True)
class ItemVerdict:
    item: str  # parent item id
    relation: Verdict
    kept_share: float  # share of the parent item's words carried into the child letter
    added_share: float  # share of the receiving child items' words that are local
    child_items: tuple[str, ...]  # child items that received some of it, in the child's order
    units: tuple[UnitVerdict, ...]  # the links and drops of the item's units, in the parent's order


@dataclass(frozen=True)
class PairVerdicts:
    links: tuple[UnitVerdict, ...]  # one per LinkResult.links, same order
    dropped: tuple[UnitVerdict, ...]
    added: tuple[UnitVerdict, ...]
    items: tuple[ItemVerdict, ...]  # every parent item, in the parent's order
    local_items: tuple[str, ...]  # child items none of whose units came from the parent
    retention: float  # share of the words of the parent's items (or body paragraphs) carried down

    def item(self, item_id: str) -> ItemVerdict:
        for verdict in self.items:
            if verdict.item == item_id:
                return verdict
        raise KeyError(item_id)

    def item_counts(self) -> dict[str, int]:
        """Parent items per relation, plus the child's local items as `added`."""
        counts = Counter(v.relation.value for v in self.items)
        if self.local_items:
            counts[Verdict.ADDED.value] += len(self.local_items)
        return {v.value: counts[v.value] for v in VERDICT_ORDER if counts[v.value]}


def link_verdict(link: Link) -> Verdict:
    """The relation of one unit link."""
    if link.relation is Relation.PARAPHRASED or link.strength in (Strength.PARAPHRASED, Strength.DEFERRED):
        return Verdict.PARAPHRASED
    return Verdict(link.relation.value)


def _word_masks(link: Link) -> tuple[int, set[int], int, set[int], bool]:
    """(parent words, indices carried down, child words, indices from the parent, any localisation)."""
    p_n = c_n = 0
    kept: set[int] = set()
    matched: set[int] = set()
    localised = False
    for span in link.diff:
        p_words = len(_WORD_RE.findall(span.parent))
        c_words = len(_WORD_RE.findall(span.child))
        if span.kind is not SpanKind.TRIMMED and span.kind is not SpanKind.ADDED:
            kept.update(range(p_n, p_n + p_words))
            matched.update(range(c_n, c_n + c_words))
        localised = localised or span.kind is SpanKind.LOCALISED
        p_n += p_words
        c_n += c_words
    return p_n, kept, c_n, matched, localised


def _words(unit: Unit) -> int:
    return len(_WORD_RE.findall(unit.text))


def judge(result: LinkResult) -> PairVerdicts:
    """Every verdict of one parent→child pair."""
    p_units, c_units = letter_units(result.parent), letter_units(result.child)
    p_total = {u.id: _words(u) for u in p_units}
    c_total = {u.id: _words(u) for u in c_units}
    p_kept: dict[str, set[int]] = {}
    c_matched: dict[str, set[int]] = {}
    localised_units: set[str] = set()
    links: list[UnitVerdict] = []
    by_parent: dict[str, list[UnitVerdict]] = {}
    for link in result.links:
        p_n, kept, c_n, matched, localised = _word_masks(link)
        p_total[link.parent], c_total[link.child] = p_n, c_n
        p_kept.setdefault(link.parent, set()).update(kept)
        c_matched.setdefault(link.child, set()).update(matched)
        if localised:
            localised_units.add(link.parent)
        verdict = UnitVerdict(link.parent, link.child, link_verdict(link), link.kept_share, link.added_share,
                              link.similarity, link.split, link.merged, link.moved)
        links.append(verdict)
        by_parent.setdefault(link.parent, []).append(verdict)
    dropped = tuple(UnitVerdict(uid, None, Verdict.DROPPED) for uid in result.dropped)
    added = tuple(UnitVerdict(None, uid, Verdict.ADDED, added_share=1.0) for uid in result.added)
    drop_of = {v.parent: v for v in dropped}

    c_order = {u.id: u.order for u in c_units}
    receivers: dict[str, list[str]] = {}
    for il in result.item_links:
        receivers.setdefault(il.parent_item, []).append(il.child_item)
    c_by_item: dict[str, list[Unit]] = {}
    for u in c_units:
        c_by_item.setdefault(u.item, []).append(u)
    p_by_item: dict[str, list[Unit]] = {}
    for u in p_units:
        p_by_item.setdefault(u.item, []).append(u)

    items: list[ItemVerdict] = []
    for item_id in (u.id for u in p_units if u.is_item):
        members = p_by_item.get(item_id, [])
        total = sum(p_total[u.id] for u in members)
        carried = sum(len(p_kept.get(u.id, ())) for u in members)
        # a unit neither linked nor dropped only frames the letter (lead-in, citation): no verdict
        unit_verdicts = tuple(v for u in members for v in (by_parent.get(u.id) or
                                                          ([drop_of[u.id]] if u.id in drop_of else [])))
        targets = tuple(sorted(set(receivers.get(item_id, [])), key=lambda c: c_order.get(c, 0)))
        child_members = [u for c in targets for u in c_by_item.get(c, [])]
        c_words = sum(c_total[u.id] for u in child_members)
        c_local = sum(c_total[u.id] - len(c_matched.get(u.id, ())) for u in child_members)
        linked = [v for v in unit_verdicts if v.child is not None]
        if not linked:
            relation = Verdict.DROPPED
        elif all(v.relation is Verdict.PARAPHRASED for v in linked):
            relation = Verdict.PARAPHRASED
        elif carried < total and c_local:
            relation = Verdict.MODIFIED
        elif carried < total:
            relation = Verdict.TRIMMED
        elif c_local:
            relation = Verdict.EXPANDED
        elif any(u.id in localised_units for u in members):
            relation = Verdict.LOCALISED
        else:
            relation = Verdict.KEPT
        items.append(ItemVerdict(item_id, relation, round(carried / total, 4) if total else float(bool(linked)),
                                 round(c_local / c_words, 4) if c_words else 0.0, targets, unit_verdicts))
    received = {c for targets in receivers.values() for c in targets}
    local_items = tuple(u.id for u in c_units if u.is_item and u.id not in received)
    content = [u.id for u in p_units if not u.frame]  # preamble and closing frame the letter: not its content
    all_total = sum(p_total[uid] for uid in content)
    all_kept = sum(len(p_kept.get(uid, ())) for uid in content)
    return PairVerdicts(tuple(links), dropped, added, tuple(items), local_items,
                        round(all_kept / all_total, 4) if all_total else 0.0)


__all__ = ["VERDICT_ORDER", "ItemVerdict", "PairVerdicts", "UnitVerdict", "Verdict", "judge",
           "link_verdict"]
