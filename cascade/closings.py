"""A closing both letters end their last item with: never evidence of a link.

A letter often ends its last duty with a sentence addressed to its readers ("Đề nghị các đơn vị quan tâm,
phối hợp thực hiện. Trân trọng cảm ơn.", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị
phản ánh kịp thời …"), and the parser keeps it in the item when nothing sets it apart (no line of its own,
no './.'). When both letters do so with the same words, that sentence links their last items on its own —
as `copied` when the rest is short (bench/heldout_pairs 16 as found: 'Trân trọng cảm ơn.' kept as a block of
the last item on both sides, 3 → 3). Such a shared tail is the letters' frame, as their closings are.

A tail counts as a closing only where the two last items differ before it: a child that copies the parent's
last item (the generated cascades do, sentence by sentence) shares the sentences before the tail too, and
keeps every word as evidence. And each of its sentences is glued after other text of its paragraph, or is a
short line: a long paragraph of its own that ends both items is a duty the child copied (the generated
cascades' copied last blocks).
"""

from itertools import pairwise

from cascade.tokens import Token
from cascade.units import Unit, sentence_spans

Spans = dict[int, list[tuple[int, int]]]  # unit index → character spans masked


def _last_item_sentences(units: list[Unit], match: list[list[Token]], starts: list[list[int]]
                         ) -> list[tuple[int, tuple[int, int], frozenset]]:
    """The sentences of the letter's last content item (its lead and blocks, in order): unit index, span,
    and the word pairs of its matching keys."""
    content = [k for k, u in enumerate(units) if not u.frame]
    if not content:
        return []
    item = units[content[-1]].item
    out = []
    for k in content:
        if units[k].item != item:
            continue
        for a, b in sentence_spans(units[k].text):
            keys = [key for t, s in zip(match[k], starts[k], strict=True) if a <= s < b for key in t.keys]
            out.append((k, (a, b), frozenset(pairwise(keys))))
    return out


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def shared_closing(p_units: list[Unit], c_units: list[Unit], p_match: list[list[Token]], p_starts: list[list[int]],
                   c_match: list[list[Token]], c_starts: list[list[int]], same_min: float, short_pairs: int
                   ) -> tuple[Spans, Spans]:
    """The spans of the sentences both letters end their last item with (word pairs alike at `same_min` or
    more), when the sentences before them differ and each is glued after other text of its paragraph or is a
    line of fewer than `short_pairs` word pairs; empty when there is no such tail."""
    ps = _last_item_sentences(p_units, p_match, p_starts)
    cs = _last_item_sentences(c_units, c_match, c_starts)
    n = 0
    while n < min(len(ps), len(cs)) - 1 and ps[-1 - n][2] and _jaccard(ps[-1 - n][2], cs[-1 - n][2]) >= same_min:
        n += 1
    # the item's own words come first on both sides, and they differ: a copied item shares them too
    if n == 0 or _jaccard(ps[-1 - n][2], cs[-1 - n][2]) >= same_min:
        return {}, {}
    # a closing is glued to the duty's paragraph, or a short line of its own: a long paragraph both end with
    # is a duty the child copied (the generated cascades' last blocks, 30-85 word pairs)
    tail = [(ps[len(ps) - n + i], cs[len(cs) - n + i]) for i in range(n)]
    if not all(_glued_or_short(p, short_pairs) and _glued_or_short(c, short_pairs) for p, c in tail):
        return {}, {}
    p_out: Spans = {}
    c_out: Spans = {}
    for (pk, p_span, _), (ck, c_span, _) in tail:
        p_out.setdefault(pk, []).append(p_span)
        c_out.setdefault(ck, []).append(c_span)
    return p_out, c_out


def _glued_or_short(sentence: tuple[int, tuple[int, int], frozenset], short_pairs: int) -> bool:
    _, (start, _), pairs = sentence
    return start > 0 or len(pairs) < short_pairs


def drop_spans(match: list[list[Token]], starts: list[list[int]], spans: Spans
               ) -> tuple[list[list[Token]], list[list[int]]]:
    """The matching tokens and offsets without those inside the spans (new lists: a letter's own are shared
    by all its pairs)."""
    if not spans:
        return match, starts
    match, starts = list(match), list(starts)
    for k, ss in spans.items():
        kept = [(t, s) for t, s in zip(match[k], starts[k], strict=True) if not any(a <= s < b for a, b in ss)]
        match[k] = [t for t, _ in kept]
        starts[k] = [s for _, s in kept]
    return match, starts
