"""link_letters: align two letters, diff every link, judge relations and roll them up."""

from collections import defaultdict
from dataclasses import dataclass

from cascade.align import DEFAULT_SETTINGS, AlignSettings, UnitMatch, align_units, moved_links
from cascade.citecheck import check_citation
from cascade.diff import EditScript, edit_script, word_counts
from cascade.tokens import Token, defined_abbreviations, tokenize
from cascade.units import Unit, letter_units
from models import ItemLink, Letter, Link, LinkResult, LinkSummary, Relation, SpanKind


def _letter_texts(letter: Letter) -> list[str]:
    return [p.text for p in letter.preamble] + [u.text for u in letter_units(letter)]


def relation_of(trimmed: int, added: int, localised: int) -> Relation:
    """Relation from word counts: parent words left out, child words added, words localised."""
    if trimmed and added:
        return Relation.MODIFIED
    if trimmed:
        return Relation.TRIMMED
    if added:
        return Relation.EXPANDED
    return Relation.LOCALISED if localised else Relation.KEPT


def _words(tokens: list[Token], among: frozenset[int] | set[int] | None = None) -> int:
    if among is None:
        return sum(1 for t in tokens if t.word)
    return sum(1 for k in among if k < len(tokens) and tokens[k].word)


@dataclass
class _Pair:
    """Everything known about the two letters while they are being linked."""

    p_units: list[Unit]
    c_units: list[Unit]
    p_tokens: list[list[Token]]
    c_tokens: list[list[Token]]
    matches: list[UnitMatch]
    scripts: dict[tuple[int, int], EditScript]

    def _scripts(self, parents: set[int], children: set[int] | None) -> list[tuple[int, int, EditScript]]:
        return [(p, c, s) for (p, c), s in self.scripts.items() if p in parents and (children is None or c in children)]

    def kept(self, parents: set[int], children: set[int] | None = None) -> dict[int, set[int]]:
        """Parent token indices carried down, per parent unit, over all links (into `children`)."""
        out: dict[int, set[int]] = defaultdict(set)
        for p, _, script in self._scripts(parents, children):
            out[p] |= script.kept_parent
        return out

    def matched(self, children: set[int], parents: set[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for _, c, script in self._scripts(parents, children):
            out[c] |= script.matched_child
        return out

    def localised(self, parents: set[int], children: set[int]) -> bool:
        return any(s.kind is SpanKind.LOCALISED for _, _, script in self._scripts(parents, children)
                   for s in script.spans)


def link_letters(parent: Letter, child: Letter, settings: AlignSettings = DEFAULT_SETTINGS) -> LinkResult:
    """Which child units came from which parent units, and what happened to their words."""
    abbreviations = defined_abbreviations(_letter_texts(parent) + _letter_texts(child))
    p_units, c_units = letter_units(parent), letter_units(child)
    p_tokens = [tokenize(u.text, abbreviations) for u in p_units]
    c_tokens = [tokenize(u.text, abbreviations) for u in c_units]
    matches = sorted(align_units(p_units, c_units, p_tokens, c_tokens, settings), key=lambda m: (m.parent, m.child))
    scripts = {(m.parent, m.child): edit_script(p_tokens[m.parent], c_tokens[m.child]) for m in matches}
    pair = _Pair(p_units, c_units, p_tokens, c_tokens, matches, scripts)
    per_parent: dict[int, int] = defaultdict(int)
    per_child: dict[int, int] = defaultdict(int)
    for m in matches:
        per_parent[m.parent] += 1
        per_child[m.child] += 1
    moved = moved_links([(m.parent, m.child) for m in matches])
    links: list[Link] = []
    for m in matches:
        script = scripts[(m.parent, m.child)]
        counts = word_counts(script.spans)
        p_words = max(1, _words(p_tokens[m.parent]))
        c_words = max(1, _words(c_tokens[m.child]))
        links.append(
            Link(
                parent=p_units[m.parent].id, child=c_units[m.child].id,
                relation=relation_of(counts.get(SpanKind.TRIMMED, (0, 0))[0], counts.get(SpanKind.ADDED, (0, 0))[1],
                                     sum(counts.get(SpanKind.LOCALISED, (0, 0)))),
                split=per_parent[m.parent] > 1, merged=per_child[m.child] > 1,
                moved=(m.parent, m.child) in moved, similarity=round(m.child_cov, 4),
                kept_share=round(min(1.0, _words(p_tokens[m.parent], script.kept_parent) / p_words), 4),
                added_share=round(min(1.0, counts.get(SpanKind.ADDED, (0, 0))[1] / c_words), 4),
                diff=script.spans,
            )
        )
    dropped = [u.id for k, u in enumerate(p_units) if k not in per_parent]
    added = [u.id for k, u in enumerate(c_units) if k not in per_child]
    item_links = _item_links(pair)
    summary = _summary(pair, links, item_links, dropped, added)
    return LinkResult(parent=parent, child=child, links=links, item_links=item_links, dropped=dropped,
                      added=added, citation_check=check_citation(parent, child), summary=summary)


def _item_links(pair: _Pair) -> list[ItemLink]:
    """Roll unit links up to items; words are counted once however many links carry them."""
    grouped: dict[tuple[str, str], list[UnitMatch]] = defaultdict(list)
    for m in pair.matches:
        grouped[(pair.p_units[m.parent].item, pair.c_units[m.child].item)].append(m)
    out = []
    for (p_item, c_item), ms in grouped.items():
        p_members = {k for k, u in enumerate(pair.p_units) if u.item == p_item}
        c_members = {k for k, u in enumerate(pair.c_units) if u.item == c_item}
        kept = pair.kept(p_members, c_members)
        matched = pair.matched(c_members, p_members)
        p_total = sum(_words(pair.p_tokens[k]) for k in p_members)
        p_kept = sum(_words(pair.p_tokens[k], kept.get(k, set())) for k in p_members)
        c_total = sum(_words(pair.c_tokens[k]) for k in c_members)
        c_matched = sum(_words(pair.c_tokens[k], matched.get(k, set())) for k in c_members)
        relation = relation_of(p_total - p_kept, c_total - c_matched, int(pair.localised(p_members, c_members)))
        out.append(ItemLink(parent_item=p_item, child_item=c_item, units=len(ms),
                            kept_share=round(p_kept / max(1, p_total), 4), relation=relation))
    order_p = {u.id: u.order for u in pair.p_units}
    order_c = {u.id: u.order for u in pair.c_units}
    return sorted(out, key=lambda x: (order_p.get(x.parent_item, 0), order_c.get(x.child_item, 0)))


def _summary(pair: _Pair, links: list[Link], item_links: list[ItemLink], dropped: list[str],
             added: list[str]) -> LinkSummary:
    p_items = [u.id for u in pair.p_units if u.is_item]
    c_items = [u.id for u in pair.c_units if u.is_item]
    carried_items = {il.parent_item for il in item_links}
    # An item is kept whole if all its words went down, whichever child items they went to.
    kept = pair.kept(set(range(len(pair.p_units))))
    item_total: dict[str, int] = defaultdict(int)
    item_kept: dict[str, int] = defaultdict(int)
    for k, u in enumerate(pair.p_units):
        item_total[u.item] += _words(pair.p_tokens[k])
        item_kept[u.item] += _words(pair.p_tokens[k], kept.get(k, set()))
    kept_items = {i for i in carried_items if item_kept[i] >= item_total[i]}
    local_items = [c for c in c_items if c not in {il.child_item for il in item_links}]
    relations: dict[str, int] = defaultdict(int)
    for link in links:
        relations[link.relation.value] += 1
    return LinkSummary(
        parent_items=len(p_items), parent_items_carried=len(carried_items),
        parent_items_kept=len(kept_items), parent_items_trimmed=len(carried_items - kept_items),
        parent_items_dropped=len([i for i in p_items if i not in carried_items]), child_items=len(c_items),
        child_items_local=len(local_items), parent_units=len(pair.p_units), parent_units_dropped=len(dropped),
        child_units=len(pair.c_units), child_units_added=len(added),
        retention=round(sum(item_kept.values()) / max(1, sum(item_total.values())), 4), relations=dict(relations),
    )


__all__ = ["link_letters", "relation_of"]
