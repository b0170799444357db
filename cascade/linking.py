"""link_letters: align two letters, diff every link, judge relations and strength, roll links up to the
items the child works at, and warn when the pair does not look like a parent and its child."""

from collections import defaultdict
from dataclasses import dataclass, field
from operator import attrgetter

from cascade.align import DEFAULT_SETTINGS, AlignSettings, UnitMatch, align, moved_links
from cascade.citecheck import check_citation
from cascade.closings import drop_spans, shared_closing
from cascade.deferrals import article_citations, deferral_links
from cascade.diff import EditScript, edit_script, word_counts
from cascade.gc_pause import pausing_collector
from cascade.item_sources import main_sources, reused_phrases, without_echoes
from cascade.mandate import (
    addressed_duties,
    assignment_units,
    issuer_names,
    kind_names,
    recipient_names,
    reminded_duties,
)
from cascade.memo import per_letter
from cascade.names import is_name_line
from cascade.short_items import handed_down
from cascade.splits import article_ids, article_points, list_heading_links, stock_heading_links
from cascade.tokens import (
    DAMAGED_MIN_SHARE,
    Token,
    damaged_share,
    defined_abbreviations,
    initial_abbreviations,
    tokenize,
)
from cascade.units import Unit, frame_masks, groupings, letter_units
from models import (
    CitationStatus,
    ItemLink,
    Letter,
    Link,
    LinkResult,
    LinkSummary,
    PairWarning,
    PairWarningCode,
    Relation,
    SentenceLink,
    SpanKind,
    Strength,
    Tier,
)

_STRENGTH_RANK = {Strength.COPIED: 0, Strength.ADAPTED: 1, Strength.PARAPHRASED: 2, Strength.DEFERRED: 3}
# strengths whose links carry no parent sentence word for word: their relation is `paraphrased`
_IN_OTHER_WORDS = frozenset({Strength.PARAPHRASED, Strength.DEFERRED})
_TIER_RANK = {Tier.CENTRAL: 0, Tier.PROVINCE: 1, Tier.DISTRICT: 2, Tier.COMMUNE: 3}


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
        return sum(map(bool, map(_WORD, tokens)))
    if among and max(among) >= len(tokens):
        among = {k for k in among if k < len(tokens)}
    return sum(map(bool, map(_WORD, map(tokens.__getitem__, among))))


_WORD = attrgetter("word")


def _matching(units: list[Unit], tokens: list[list[Token]], masks: dict[str, list[tuple[int, int]]]
              ) -> tuple[list[list[Token]], list[list[int]]]:
    """Each unit's tokens outside its frame spans, with their character offsets."""
    kept: list[list[Token]] = []
    starts: list[list[int]] = []
    for unit, toks in zip(units, tokens, strict=True):
        spans = masks.get(unit.id, [])
        ks: list[Token] = []
        ss: list[int] = []
        at = 0
        for t in toks:
            surface = t.surface
            # a token's word starts after the white space in front of it (only a text's first token has any)
            start = at + (len(surface) - len(surface.lstrip())) if surface[:1].isspace() else at
            at += len(surface)
            if t.word and not (spans and any(a <= start < b for a, b in spans)):
                ks.append(t)
                ss.append(start)
        kept.append(ks)
        starts.append(ss)
    return kept, starts


@dataclass
class _Pair:
    """Everything known about the two letters while they are being linked."""

    p_units: list[Unit]
    c_units: list[Unit]
    p_tokens: list[list[Token]]
    c_tokens: list[list[Token]]
    matches: list[UnitMatch]
    scripts: dict[tuple[int, int], EditScript]
    p_framed: set[int]  # units with nothing but frame text: neither carried nor dropped, neither linked nor local
    c_framed: set[int]
    runs: dict[tuple[str, str], bool] = field(default_factory=dict)  # (parent item, child item) has word runs
    pointed: set[tuple[str, str]] = field(default_factory=set)  # (parent item, child item): the child names it

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


def strength_of(match: UnitMatch, settings: AlignSettings = DEFAULT_SETTINGS) -> Strength:
    """Word runs covering most of the child unit: copied; some: adapted. Key terms alone: by the closest
    sentence pair — a sentence carried (nearly) word for word inside a longer unit is copied or adapted,
    a duty said in other words is paraphrased; a short point found in order inside a longer child unit
    (`cascade.short_items`) is adapted. A rules heading that carries out an item the parent left
    to the rules (`cascade.deferrals`) has no words of the parent to weigh: deferred."""
    if match.deferred:
        return Strength.DEFERRED
    if match.contained:
        return Strength.ADAPTED  # the point's words, in runs, inside a longer duty of the child's own
    if match.held:
        return Strength.ADAPTED  # the heading's words are stock: what it holds is the evidence
    if match.by_runs:
        return Strength.COPIED if match.child_cov >= settings.copied_min else Strength.ADAPTED
    best = max((s.cosine for s in match.sentences), default=0.0)
    if best >= settings.copied_sentence_min:
        return Strength.COPIED
    return Strength.ADAPTED if best >= settings.adapted_sentence_min else Strength.PARAPHRASED


def score_of(match: UnitMatch) -> float:
    """The link's confidence: its word-run coverage or its key-term share, whichever is stronger; for a
    deferral, the share of the heading's words the deferring item holds (`UnitMatch.terms`)."""
    return round(min(1.0, max(match.child_cov if match.by_runs else 0.0, match.terms)), 4)


@dataclass(frozen=True)
class Prepared:
    """Both letters as alignment sees them: units, their tokens (for the diff) and their matching tokens
    (frame text masked out) with character offsets."""

    p_units: list[Unit]
    c_units: list[Unit]
    p_tokens: list[list[Token]]
    c_tokens: list[list[Token]]
    p_match: list[list[Token]]
    c_match: list[list[Token]]
    p_starts: list[list[int]]
    c_starts: list[list[int]]


_Side = tuple[list[list[Token]], list[list[Token]], list[list[int]]]  # tokens, matching tokens, their offsets


def _copy_side(side: _Side) -> _Side:
    return tuple([list(x) for x in part] for part in side)  # type: ignore[return-value]


@per_letter(_copy_side)
def _side(letter: Letter, abbreviations: tuple[tuple[str, tuple[str, ...]], ...], ocr: bool) -> _Side:
    """One letter's tokens, matching tokens and offsets, given the pair's abbreviations that occur in
    it. Remembered per letter: a parent meets every child, and a unit's tokens depend only on its text
    and the abbreviations in it, so the same abbreviations in the letter give the same tokens."""
    units = letter_units(letter)
    abbr = {k: list(v) for k, v in abbreviations}
    tokens = [tokenize(u.text, abbr, fold_marks=ocr) for u in units]
    match, starts = _matching(units, tokens, frame_masks(letter, units))
    return tokens, match, starts


def _occurring(abbreviations: dict[str, list[str]], units: list[Unit]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((k, tuple(v)) for k, v in abbreviations.items() if any(k in u.text for u in units)))


def prepare(parent: Letter, child: Letter, settings: AlignSettings = DEFAULT_SETTINGS) -> Prepared:
    p_units, c_units = letter_units(parent), letter_units(child)
    texts = [u.text for u in p_units + c_units]
    defined = defined_abbreviations(texts)
    abbreviations = initial_abbreviations(texts, defined) | defined
    ocr = bool(parent.source.ocr_pages or child.source.ocr_pages)  # OCR slips are orthographic, not edits
    # and so are the marks a wrong font table garbles, differently on each side (cascade.tokens.damaged_share)
    ocr = ocr or any(damaged_share(" ".join(u.text for u in units)) >= DAMAGED_MIN_SHARE
                     for units in (p_units, c_units))
    p_tokens, p_match, p_starts = _side(parent, _occurring(abbreviations, p_units), ocr)
    c_tokens = [tokenize(u.text, abbreviations, fold_marks=ocr) for u in c_units]
    c_match, c_starts = _matching(c_units, c_tokens, frame_masks(child, c_units))
    # the closing sentence both letters end their last item with frames them, as their closings do
    p_tail, c_tail = shared_closing(p_units, c_units, p_match, p_starts, c_match, c_starts, settings.closing_same_min,
                                    2 * settings.short_shingles)
    p_match, p_starts = drop_spans(p_match, p_starts, p_tail)
    c_match, c_starts = drop_spans(c_match, c_starts, c_tail)
    return Prepared(p_units, c_units, p_tokens, c_tokens, p_match, c_match, p_starts, c_starts)


@pausing_collector
def link_letters(parent: Letter, child: Letter, settings: AlignSettings = DEFAULT_SETTINGS) -> LinkResult:
    """Which child units came from which parent units, and what happened to their words."""
    prep = prepare(parent, child, settings)
    p_units, c_units, p_tokens, c_tokens = prep.p_units, prep.c_units, prep.p_tokens, prep.c_tokens
    p_match, c_match = prep.p_match, prep.c_match
    citation = check_citation(parent, child)
    # The task the parent gives the child's issuer, when the child says it implements the parent.
    implements = citation.status in (CitationStatus.EXACT, CitationStatus.NEAR)
    names = issuer_names(child)
    assignments = frozenset(assignment_units(p_units, p_tokens, names)) if implements else frozenset()
    own_acts = frozenset(assignment_units(c_units, c_tokens, names)) if assignments else frozenset()
    deferrals = deferral_links(parent, child, p_units, c_units, settings.deferral_min, settings.deferral_min_terms,
                               2 * settings.short_shingles, settings.deferral_dated_min) if implements else []
    # The parent's articles the child names by number ("quy định tại Điều 2 Quyết định số 22/2013/QĐ-TTg").
    cited = article_citations(parent, p_units, c_units)
    # The duties the parent lists for the bodies the child is addressed to, when the child implements it.
    # (or for every body of the child's own kind and tier, the child among them: its own duties, relayed alike)
    duties = frozenset(addressed_duties(p_units, recipient_names(child) + kind_names(child))) if implements \
        else frozenset()
    # Duties the child gives a body the parent charges too, or its counterpart a tier down (cascade.short_items),
    # when the child implements the parent.
    handed = handed_down(p_units, c_units, p_tokens, 2 * settings.short_shingles, settings.name_capitalised,
                         settings.handed_run_min) if implements else []
    matches = sorted(align(p_units, c_units, p_match, c_match, prep.p_starts, prep.c_starts, settings, assignments,
                           deferrals, cited, duties, own_acts, handed,
                           frozenset(x for x in (parent.header.symbol, child.header.symbol) if x)),
                     key=lambda m: (m.parent, m.child))
    # A Chương or Mục heading over articles groups them; its words are the legal form's, not a source: it is
    # neither linked nor dropped, as a frame line.
    p_group = {k for k, u in enumerate(p_units) if u.item in groupings(parent)}
    c_group = {k for k, u in enumerate(c_units) if u.item in groupings(child)}
    matches = [m for m in matches if m.parent not in p_group and m.child not in c_group]
    # A legal article headed by a stock heading that carries out the parent's section of that heading
    # (cascade.splits): scored by the share of its sub-items that take that section's units.
    matches += [UnitMatch(i, j, 0.0, 0.0, share, False, held=True)
                for i, j, share in stock_heading_links(parent, child, p_units, c_units,
                                                       [(m.parent, m.child) for m in matches],
                                                       settings.stock_heading_min_items)]
    # A heading over a list restating a parent item's list stands for that item's heading (cascade.splits).
    matches += [UnitMatch(i, j, 0.0, 0.0, share, False, held=True)
                for i, j, share in list_heading_links(parent, child, p_units, c_units,
                                                      [(m.parent, m.child) for m in matches],
                                                      settings.list_heading_min_items, settings.list_heading_share,
                                                      settings.lift_share)]
    # A follow-up of the same office telling its addressees to carry the earlier letter out by its number covers
    # the earlier letter's duties it restates nowhere else (cascade.mandate): named, no words to weigh.
    if settings.reminder_links:
        linked = {(m.parent, m.child) for m in matches}
        matches += [UnitMatch(i, j, 0.0, 0.0, 0.0, False)
                    for i, j in reminded_duties(parent, child, p_units, c_units, linked)]
    matches.sort(key=lambda m: (m.parent, m.child))
    scripts = {(m.parent, m.child): edit_script(p_tokens[m.parent], c_tokens[m.child]) for m in matches}
    pair = _Pair(p_units, c_units, p_tokens, c_tokens, matches, scripts,
                 {k for k, t in enumerate(p_match) if not t} | p_group,
                 {k for k, t in enumerate(c_match) if not t} | c_group,
                 pointed={(p_units[i].item, c_units[j].item) for i, j in cited})
    for m in matches:
        key = (p_units[m.parent].item, c_units[m.child].item)
        pair.runs[key] = pair.runs.get(key, False) or m.by_runs
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
        strength = strength_of(m, settings)
        relation = Relation.PARAPHRASED if strength in _IN_OTHER_WORDS else relation_of(
            counts.get(SpanKind.TRIMMED, (0, 0))[0], counts.get(SpanKind.ADDED, (0, 0))[1],
            sum(counts.get(SpanKind.LOCALISED, (0, 0))))
        links.append(
            Link(
                parent=p_units[m.parent].id, child=c_units[m.child].id, relation=relation,
                split=per_parent[m.parent] > 1, merged=per_child[m.child] > 1,
                moved=(m.parent, m.child) in moved, similarity=round(m.child_cov, 4),
                kept_share=round(min(1.0, _words(p_tokens[m.parent], script.kept_parent) / p_words), 4),
                added_share=round(min(1.0, counts.get(SpanKind.ADDED, (0, 0))[1] / c_words), 4),
                score=score_of(m), strength=strength,
                sentences=[SentenceLink(parent_start=s.parent_span[0], parent_end=s.parent_span[1],
                                        child_start=s.child_span[0], child_end=s.child_span[1], similarity=s.cosine)
                           for s in m.sentences],
                diff=script.spans,
            )
        )
    dropped = [u.id for k, u in enumerate(p_units) if k not in per_parent and k not in pair.p_framed]
    added = [u.id for k, u in enumerate(c_units) if k not in per_child and k not in pair.c_framed]
    item_links = _item_links(pair, links, settings, article_ids(child))
    summary = _summary(pair, links, item_links, dropped, added)
    result = LinkResult(parent=parent, child=child, links=links, item_links=item_links, dropped=dropped,
                        added=added, citation_check=citation, summary=summary)
    result.warnings = pair_warnings(result, pair)
    return result


def _child_tree(units: list[Unit]) -> dict[str, list[str]]:
    """Numbered item → its descendant items, in document order."""
    parent_of = {u.id: u.container for u in units if u.is_item and u.zone == "item"}
    out: dict[str, list[str]] = defaultdict(list)
    for item in parent_of:
        up = parent_of.get(item)
        while up is not None:
            out[up].append(item)
            up = parent_of.get(up)
    return out


def _lifts(pair: _Pair, sources: dict[str, set[str]], main: dict[str, set[str]], settings: AlignSettings
           ) -> dict[tuple[str, str], str | None]:
    """(parent item, child item) → the child item it is reported at, or None when it is not reported.

    A child item whose sub-items mostly take the same parent item (the child split that item into many),
    and that takes it itself (or most of all its sub-items do), implements it as a whole: the links of
    its sub-items to that parent item are reported on it. Inside such an item a sub-item's resemblance
    to another parent item by key terms alone is shared vocabulary, not a source, and a phrase a
    sub-item that takes the whole's source also reuses from another parent item is a detail of that
    sub-item, not what the child carried: both stay unit links. A sub-item that takes only another
    parent item keeps that link (by word runs). A sub-item counts for the parent item it restates
    (`item_sources.main_sources`), not for every item it borrows a line from. Outermost items first."""
    lift: dict[tuple[str, str], str | None] = {}
    leads: dict[str | None, list[str]] = defaultdict(list)  # item → the lead texts of its direct sub-items
    for u in pair.c_units:
        if u.is_item and u.zone == "item":
            leads[u.container].append(u.text)
    for item, below in _child_tree(pair.c_units).items():
        with_content = [d for d in below if d in sources]
        if len(with_content) < 2:
            continue
        # A section whose sub-items are the bodies that act ("1.1. Ủy ban nhân dân Thành phố:", "1.2. Ủy ban
        # nhân dân quận, huyện:", "1.3. Ủy ban nhân dân xã, phường, thị trấn:") hands a parent item out body by
        # body: its sub-items taking the same item do not make the section its restatement.
        by_body = all(is_name_line(t, 2 * settings.short_shingles, settings.name_capitalised) for t in leads[item])
        counts: dict[str, int] = defaultdict(int)
        for d in with_content:
            for p in sources[d] & main.get(d, sources[d]):
                counts[p] += 1
        # … and the item itself takes it too (its lead or its own blocks: the section heading copied), or
        # most of all its sub-items do: a few sub-items of a section with a heading of its own taking the
        # same parent item are just that.
        whole = {p for p, n in counts.items() if n >= 2 and n >= settings.lift_share * len(with_content)
                 and (p in sources.get(item, ()) or (n >= settings.lift_share * len(below) and not by_body))}
        for d in below:
            for p in sources.get(d, ()):
                # a sub-item that names the article (or opens under the item naming it) says its own part of it
                if (p, d) in lift or (p, d) in pair.pointed:
                    continue
                if p in whole:
                    lift[(p, d)] = item
                elif whole and (not pair.runs.get((p, d)) or whole & sources[d]):
                    lift[(p, d)] = None
    return lift


def _ids(pair: _Pair, m: UnitMatch) -> tuple[str, str]:
    return pair.p_units[m.parent].id, pair.c_units[m.child].id


def _item_links(pair: _Pair, links: list[Link], settings: AlignSettings,
                articles: frozenset[str] = frozenset()) -> list[ItemLink]:
    """Roll unit links up to items at the level the child works at; words are counted once however many
    links carry them. Preamble and closing paragraphs frame the letters and stay unit links only."""
    by_key = {(lk.parent, lk.child): lk for lk in links}
    content = [m for m in pair.matches if not pair.p_units[m.parent].frame and not pair.c_units[m.child].frame]
    main = main_sources(pair.c_units, pair.p_units, content, score_of, lambda k: _words(pair.c_tokens[k]))
    content = without_echoes(pair.c_units, pair.p_units, content, main, score_of, settings.copied_min)
    content = reused_phrases(content, lambda m: by_key[_ids(pair, m)].kept_share,
                             lambda m: by_key[_ids(pair, m)].strength is Strength.COPIED, settings.whole_min)
    sources: dict[str, set[str]] = defaultdict(set)
    for m in content:
        sources[pair.c_units[m.child].item].add(pair.p_units[m.parent].item)
    lift = _lifts(pair, sources, main, settings)
    in_articles = article_points(lift, articles)
    grouped: dict[tuple[str, str], list[UnitMatch]] = defaultdict(list)
    for m in content:
        p_item, c_item = pair.p_units[m.parent].item, pair.c_units[m.child].item
        at = lift.get((p_item, c_item), c_item)
        if m.deferred:
            # a rules heading names the part of the item it settles: it is reported there, whatever
            # the section around it is reported at
            grouped[(p_item, c_item)].append(m)
        if at is not None and not (m.deferred and at == c_item):
            grouped[(p_item, at)].append(m)
        if (p_item, c_item) in in_articles and not m.deferred:
            # a khoản or điểm of a child article: reported there as well as at the article
            grouped[(p_item, c_item)].append(m)
    out = []
    for (p_item, c_item), ms in grouped.items():
        p_members = {k for k, u in enumerate(pair.p_units) if u.item == p_item}
        c_items = {pair.c_units[m.child].item for m in ms} | {c_item}
        c_members = {k for k, u in enumerate(pair.c_units) if u.item in c_items}
        kept = pair.kept(p_members, c_members)
        matched = pair.matched(c_members, p_members)
        p_total = sum(_words(pair.p_tokens[k]) for k in p_members)
        p_kept = sum(_words(pair.p_tokens[k], kept.get(k, set())) for k in p_members)
        c_total = sum(_words(pair.c_tokens[k]) for k in c_members)
        c_matched = sum(_words(pair.c_tokens[k], matched.get(k, set())) for k in c_members)
        unit_links = [by_key[(pair.p_units[m.parent].id, pair.c_units[m.child].id)] for m in ms]
        strength = min((lk.strength for lk in unit_links), key=_STRENGTH_RANK.__getitem__)
        relation = Relation.PARAPHRASED if strength in _IN_OTHER_WORDS else relation_of(
            p_total - p_kept, c_total - c_matched, int(pair.localised(p_members, c_members)))
        out.append(ItemLink(parent_item=p_item, child_item=c_item, units=len(ms),
                            kept_share=round(p_kept / max(1, p_total), 4), relation=relation,
                            score=max(lk.score for lk in unit_links if lk.strength is strength), strength=strength))
    order_p = {u.id: u.order for u in pair.p_units}
    order_c = {u.id: u.order for u in pair.c_units}
    return sorted(out, key=lambda x: (order_p.get(x.parent_item, 0), order_c.get(x.child_item, 0)))


def _summary(pair: _Pair, links: list[Link], item_links: list[ItemLink], dropped: list[str],
             added: list[str]) -> LinkSummary:
    framed_items_p = _framed_items(pair.p_units, pair.p_framed)
    framed_items_c = _framed_items(pair.c_units, pair.c_framed)
    p_items = [u.id for u in pair.p_units if u.is_item and not u.frame and u.id not in framed_items_p]
    c_items = [u.id for u in pair.c_units if u.is_item and not u.frame and u.id not in framed_items_c]
    content = [m for m in pair.matches if not pair.p_units[m.parent].frame and not pair.c_units[m.child].frame]
    carried_items = {pair.p_units[m.parent].item for m in content} & set(p_items)
    linked_child_items = {pair.c_units[m.child].item for m in content}
    # An item is kept whole if all its words went down, whichever child items they went to.
    kept = pair.kept(set(range(len(pair.p_units))))
    item_total: dict[str, int] = defaultdict(int)
    item_kept: dict[str, int] = defaultdict(int)
    for k, u in enumerate(pair.p_units):
        if u.frame or u.item in framed_items_p:
            continue
        item_total[u.item] += _words(pair.p_tokens[k])
        item_kept[u.item] += _words(pair.p_tokens[k], kept.get(k, set()))
    kept_items = {i for i in carried_items if item_kept[i] >= item_total[i]}
    local_items = [c for c in c_items if c not in linked_child_items]
    relations: dict[str, int] = defaultdict(int)
    for link in links:
        relations[link.relation.value] += 1
    p_count = len(pair.p_units) - len(pair.p_framed)
    c_count = len(pair.c_units) - len(pair.c_framed)
    return LinkSummary(
        parent_items=len(p_items), parent_items_carried=len(carried_items),
        parent_items_kept=len(kept_items), parent_items_trimmed=len(carried_items - kept_items),
        parent_items_dropped=len([i for i in p_items if i not in carried_items]), child_items=len(c_items),
        child_items_local=len(local_items), parent_units=p_count, parent_units_dropped=len(dropped),
        child_units=c_count, child_units_added=len(added),
        retention=round(sum(item_kept.values()) / max(1, sum(item_total.values())), 4), relations=dict(relations),
    )


def _framed_items(units: list[Unit], framed: set[int]) -> set[str]:
    """Items all of whose units are frame text (a stock section heading with nothing of its own)."""
    by_item: dict[str, list[int]] = defaultdict(list)
    for k, u in enumerate(units):
        by_item[u.item].append(k)
    return {item for item, ks in by_item.items() if all(k in framed for k in ks)}


def pair_warnings(result: LinkResult, pair: _Pair, settings: AlignSettings = DEFAULT_SETTINGS) -> list[PairWarning]:
    """`reversed`: the child is of a higher tier or dated before the parent; `unrelated`: the child cites
    something else (or nothing) and little of its text comes from the parent. A child that cites the
    parent (exactly or nearly) says itself which way the pair goes: tiers read from the headers do not
    overrule it (a joint plan of a city newspaper and the central Youth Union reads as a province letter,
    the rules issued with it as central)."""
    out: list[PairWarning] = []
    p, c = result.parent, result.child
    pr, cr = _TIER_RANK.get(p.tier), _TIER_RANK.get(c.tier)
    cites_parent = result.citation_check.status in (CitationStatus.EXACT, CitationStatus.NEAR)
    if pr is not None and cr is not None and cr < pr and not cites_parent:
        out.append(PairWarning(code=PairWarningCode.REVERSED,
                               message=f"the child letter is of a higher tier ({c.tier.value}) "
                                       f"than the parent ({p.tier.value})"))
    if p.header.date and c.header.date and c.header.date < p.header.date:
        out.append(PairWarning(code=PairWarningCode.REVERSED,
                               message=f"the child letter is dated {c.header.date.isoformat()}, "
                                       f"before the parent ({p.header.date.isoformat()})"))
    content = [k for k, u in enumerate(pair.c_units) if not u.frame and k not in pair.c_framed]
    total = sum(_words(pair.c_tokens[k]) for k in content)
    matched = pair.matched(set(content), set(range(len(pair.p_units))))
    explained = sum(_words(pair.c_tokens[k], matched.get(k, set())) for k in content) / max(1, total)
    status = result.citation_check.status
    if status in (CitationStatus.UNRELATED, CitationStatus.NONE) and explained < settings.unrelated_max:
        cites = "cites something else" if status is CitationStatus.UNRELATED else "cites nothing of the parent"
        out.append(PairWarning(code=PairWarningCode.UNRELATED,
                               message=f"the child {cites} and only {explained:.0%} of its words come from the parent"))
    return out


__all__ = ["Prepared", "link_letters", "prepare", "relation_of"]
