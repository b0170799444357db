"""link_letters: align two letters, diff every link, judge relations and roll them up."""

from collections import defaultdict

from cascade.align import DEFAULT_SETTINGS, AlignSettings, align_units, moved_links
from cascade.citecheck import check_citation
from cascade.diff import diff_tokens, word_counts
from cascade.tokens import Token, defined_abbreviations, tokenize
from cascade.units import Unit, letter_units
from models import ItemLink, Letter, Link, LinkResult, LinkSummary, Relation, SpanKind
from models.link import DiffSpan


def _letter_texts(letter: Letter) -> list[str]:
    return [p.text for p in letter.preamble] + [u.text for u in letter_units(letter)]


def relation_of(counts: dict[SpanKind, tuple[int, int]]) -> Relation:
    trimmed = counts.get(SpanKind.TRIMMED, (0, 0))[0]
    added = counts.get(SpanKind.ADDED, (0, 0))[1]
    localised = sum(counts.get(SpanKind.LOCALISED, (0, 0)))
    if trimmed and added:
        return Relation.MODIFIED
    if trimmed:
        return Relation.TRIMMED
    if added:
        return Relation.EXPANDED
    return Relation.LOCALISED if localised else Relation.KEPT


def _kept_parent_words(counts: dict[SpanKind, tuple[int, int]]) -> int:
    return sum(counts.get(k, (0, 0))[0] for k in (SpanKind.EQUAL, SpanKind.ORTHOGRAPHIC, SpanKind.LOCALISED))


def _words(tokens: list[Token]) -> int:
    return sum(1 for t in tokens if t.word)


def link_letters(parent: Letter, child: Letter, settings: AlignSettings = DEFAULT_SETTINGS) -> LinkResult:
    """Which child units came from which parent units, and what happened to their words."""
    abbreviations = defined_abbreviations(_letter_texts(parent) + _letter_texts(child))
    p_units, c_units = letter_units(parent), letter_units(child)
    p_tokens = [tokenize(u.text, abbreviations) for u in p_units]
    c_tokens = [tokenize(u.text, abbreviations) for u in c_units]
    matches = align_units(p_units, c_units, p_tokens, c_tokens, settings)
    per_parent: dict[int, int] = defaultdict(int)
    per_child: dict[int, int] = defaultdict(int)
    for m in matches:
        per_parent[m.parent] += 1
        per_child[m.child] += 1
    moved = moved_links([(m.parent, m.child) for m in matches])
    links: list[Link] = []
    counts_of: dict[tuple[int, int], dict[SpanKind, tuple[int, int]]] = {}
    for m in sorted(matches, key=lambda m: (m.parent, m.child)):
        spans = diff_tokens(p_tokens[m.parent], c_tokens[m.child])
        counts = word_counts(spans)
        counts_of[(m.parent, m.child)] = counts
        p_words = max(1, _words(p_tokens[m.parent]))
        c_words = max(1, _words(c_tokens[m.child]))
        links.append(
            Link(
                parent=p_units[m.parent].id, child=c_units[m.child].id, relation=relation_of(counts),
                split=per_parent[m.parent] > 1, merged=per_child[m.child] > 1,
                moved=(m.parent, m.child) in moved, similarity=round(m.child_cov, 4),
                kept_share=round(min(1.0, _kept_parent_words(counts) / p_words), 4),
                added_share=round(min(1.0, counts.get(SpanKind.ADDED, (0, 0))[1] / c_words), 4),
                diff=spans,
            )
        )
    dropped = [u.id for k, u in enumerate(p_units) if k not in per_parent]
    added = [u.id for k, u in enumerate(c_units) if k not in per_child]
    item_links = _item_links(p_units, c_units, p_tokens, c_tokens, matches, counts_of)
    summary = _summary(p_units, c_units, p_tokens, matches, counts_of, links, item_links, dropped, added)
    return LinkResult(parent=parent, child=child, links=links, item_links=item_links, dropped=dropped,
                      added=added, citation_check=check_citation(parent, child), summary=summary)


def _item_links(p_units: list[Unit], c_units: list[Unit], p_tokens: list[list[Token]], c_tokens: list[list[Token]],
                matches: list, counts_of: dict) -> list[ItemLink]:
    item_words: dict[str, int] = defaultdict(int)
    for u, t in zip(p_units, p_tokens, strict=True):
        item_words[u.item] += _words(t)
    grouped: dict[tuple[str, str], list] = defaultdict(list)
    for m in matches:
        grouped[(p_units[m.parent].item, c_units[m.child].item)].append(m)
    out = []
    for (p_item, c_item), ms in grouped.items():
        kept_by_unit: dict[int, int] = defaultdict(int)
        totals: dict[SpanKind, tuple[int, int]] = {}
        for m in ms:
            counts = counts_of[(m.parent, m.child)]
            kept_by_unit[m.parent] = max(kept_by_unit[m.parent], _kept_parent_words(counts))
            for k, (a, b) in counts.items():
                x, y = totals.get(k, (0, 0))
                totals[k] = (x + a, y + b)
        carried_units = {m.parent for m in ms}
        untouched = sum(_words(p_tokens[k]) for k, u in enumerate(p_units) if u.item == p_item
                        and k not in carried_units)
        if untouched:
            x, y = totals.get(SpanKind.TRIMMED, (0, 0))
            totals[SpanKind.TRIMMED] = (x + untouched, y)
        kept = sum(kept_by_unit.values()) / max(1, item_words[p_item])
        out.append(ItemLink(parent_item=p_item, child_item=c_item, units=len(ms), kept_share=round(min(1.0, kept), 4),
                            relation=relation_of(totals)))
    order_p = {u.id: u.order for u in p_units}
    order_c = {u.id: u.order for u in c_units}
    return sorted(out, key=lambda x: (order_p.get(x.parent_item, 0), order_c.get(x.child_item, 0)))


def _summary(p_units: list[Unit], c_units: list[Unit], p_tokens: list[list[Token]], matches: list,
             counts_of: dict, links: list[Link], item_links: list[ItemLink], dropped: list[str],
             added: list[str]) -> LinkSummary:
    p_items = [u.id for u in p_units if u.is_item]
    c_items = [u.id for u in c_units if u.is_item]
    carried_items = {il.parent_item for il in item_links}
    kept_items = {il.parent_item for il in item_links if il.relation in (Relation.KEPT, Relation.LOCALISED)}
    trimmed_items = {il.parent_item for il in item_links if il.relation in (Relation.TRIMMED, Relation.MODIFIED)}
    local_items = [c for c in c_items if c not in {il.child_item for il in item_links}]
    kept_words: dict[int, int] = defaultdict(int)
    for m in matches:
        kept_words[m.parent] = max(kept_words[m.parent], _kept_parent_words(counts_of[(m.parent, m.child)]))
    total_words = sum(_words(t) for t in p_tokens)
    relations: dict[str, int] = defaultdict(int)
    for link in links:
        relations[link.relation.value] += 1
    return LinkSummary(
        parent_items=len(p_items), parent_items_carried=len(carried_items),
        parent_items_kept=len(kept_items - trimmed_items), parent_items_trimmed=len(trimmed_items),
        parent_items_dropped=len([i for i in p_items if i not in carried_items]), child_items=len(c_items),
        child_items_local=len(local_items), parent_units=len(p_units), parent_units_dropped=len(dropped),
        child_units=len(c_units), child_units_added=len(added),
        retention=round(sum(kept_words.values()) / max(1, total_words), 4), relations=dict(relations),
    )


__all__ = ["DiffSpan", "link_letters", "relation_of"]
