"""A parent item carried by the khoản and điểm of one child article.

The roll-up that reports a child section taking one parent item whole at the section (`linking._lifts`)
fits a plan: "1. <the parent's lead>" over "a) b) c)" holding its bullets is that item relabelled
(tests/test_prose.py). A legal article is not restated whole that way: its khoản and điểm are cited one by
one ("điểm a khoản 2 Điều 2"), so each is the child's own place for the part it carries — the six amounts
of a resolution's point in the six điểm of "Điều 2 … 2. Mức hỗ trợ a) … b) …", its employers' 1% → 0% and
12 months in "Điều 5. 1. … 2. … 3. …" (bench/heldout_pairs 13). The points of a child article keep their
links to such a parent item as well as the article."""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from cascade.tokens import SECTION_WORDS, fold
from cascade.units import ITEM, Unit, groupings
from models import ItemKind, Letter
from parsers.normalise import matching_form


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


def article_points(lift: Mapping[tuple[str, str], str | None], articles: frozenset[str]) -> set[tuple[str, str]]:
    """(parent item, child point) pairs the roll-up reported at an enclosing child article: they are
    reported at the point too."""
    return {key for key, at in lift.items() if at is not None and at != key[1] and at in articles}


# A stock section heading ("TỔ CHỨC THỰC HIỆN") is masked out of the evidence (cascade.units.frame_masks): each
# letter frames itself. A legal article is the exception: "Điều 6. Tổ chức thực hiện", whose khoản carry out one by
# one the duties of the parent's "III. TỔ CHỨC THỰC HIỆN", is where the child carries that section, and articles are
# cited whole (bench/heldout_pairs 08, 10, 13). A plan section of that name on both sides is each plan's own frame
# (the dev and built pairs: NQ 57 IV → III in both dev pairs, KH 389 IV → IV), as is a Mục that only groups articles.
def _bare(text: str) -> tuple[str, ...]:
    """Words without their marks, so an OCR'd heading ("TO CHỨC THỰC HIỆN") reads as the printed one."""
    return tuple(fold(w) for w in matching_form(text).split())


_BARE_SECTION_WORDS = frozenset(w for s in SECTION_WORDS for w in _bare(s))
_STOCK_MAX_CHARS = 80  # as cascade.units.frame_masks: a longer line is not a heading


def _stock(text: str) -> tuple[str, ...] | None:
    words = tuple(w.strip(",.:;") for w in _bare(text)) if len(text) <= _STOCK_MAX_CHARS else ()
    return words if words and all(w in _BARE_SECTION_WORDS for w in words) else None


def _under(units: Sequence[Unit]) -> dict[int, set[int]]:
    """Item lead unit → the units below it (its blocks, its sub-items and theirs)."""
    lead = {u.id: k for k, u in enumerate(units) if u.is_item}
    up = {u.id: u.container for u in units}
    out: dict[int, set[int]] = {}
    for k, u in enumerate(units):
        at = u.container
        while at is not None:
            if at in lead:
                out.setdefault(lead[at], set()).add(k)
            at = up.get(at)
    return out


def stock_heading_links(parent: Letter, child: Letter, p_units: Sequence[Unit], c_units: Sequence[Unit],
                        linked: Iterable[tuple[int, int]], min_items: int) -> list[tuple[int, int, float]]:
    """(parent heading unit, child heading unit, share of the child heading's sub-items linked into the parent's
    section) for the same stock section heading on both sides, one of them a legal article, neither a grouping
    Mục or Chương, when at least `min_items` of the child heading's sub-items take units of the parent section."""
    p_art, c_art = article_ids(parent), article_ids(child)
    p_group, c_group = groupings(parent), groupings(child)
    p_heads = [(k, _stock(u.text)) for k, u in enumerate(p_units)
               if u.is_item and u.zone == ITEM and u.id not in p_group]
    c_heads = [(k, _stock(u.text)) for k, u in enumerate(c_units)
               if u.is_item and u.zone == ITEM and u.id not in c_group]
    p_heads = [(k, w) for k, w in p_heads if w]
    c_heads = [(k, w) for k, w in c_heads if w]
    if not p_heads or not c_heads:
        return []
    p_under, c_under = _under(p_units), _under(c_units)
    pairs = set(linked)
    out: list[tuple[int, int, float]] = []
    for i, words in p_heads:
        for j, other in c_heads:
            if words != other or not (p_units[i].id in p_art or c_units[j].id in c_art):
                continue
            below_p, below_c = p_under.get(i, set()), c_under.get(j, set())
            items = {c_units[b].item for b in below_c}
            taken = {c_units[b].item for a, b in pairs if a in below_p and b in below_c}
            if items and len(taken) >= min_items:
                out.append((i, j, len(taken) / len(items)))
    return out


# A heading over a list that restates a parent item's list ("1. Ban hành mới các mẫu sau:" / "a) … g)" carrying
# "1. Ban hành kèm theo Thông tư này các mẫu sau:" / "a) … g)"; "2. Bổ sung hướng dẫn về lập hóa đơn …:" / "a) b)"
# carrying "2. Sửa đổi, bổ sung Điều 4 …:" / "a) b)", bench/heldout_pairs 18): the child works at that item, its
# heading standing for the parent's, whatever words the headings share.
def _chains(units: Sequence[Unit], group: set[str]) -> tuple[dict[int, list[str]], list[list[tuple[int, str]]]]:
    """Each item lead's direct sub-items (a grouping Chương or Mục lists none), and for each unit the (item lead,
    direct sub-item of it the unit sits in) pairs up its chain of items."""
    lead = {u.id: k for k, u in enumerate(units) if u.is_item and u.zone == ITEM}
    up = {u.id: u.container for u in units if u.is_item and u.zone == ITEM}
    lists: dict[int, list[str]] = {}
    for item, container in up.items():
        if container in lead and container not in group:
            lists.setdefault(lead[container], []).append(item)
    chains: list[list[tuple[int, str]]] = []
    for u in units:
        chain: list[tuple[int, str]] = []
        at: str | None = u.item if u.item in up else None
        while at is not None and up.get(at) is not None:
            container = up[at]
            if container in lead and lead[container] in lists:
                chain.append((lead[container], at))
            at = container
        chains.append(chain)
    return lists, chains


def list_heading_links(parent: Letter, child: Letter, p_units: Sequence[Unit], c_units: Sequence[Unit],
                       linked: Iterable[tuple[int, int]], min_items: int, child_share: float, parent_share: float
                       ) -> list[tuple[int, int, float]]:
    """(parent item lead, child item lead, share of the child's sub-items linked there) for a child item whose
    direct sub-items (at least `min_items`, and `child_share` of them) take direct sub-items of one parent item
    (`parent_share` of those), neither lead linked yet, neither a grouping Chương or Mục nor a stock section heading,
    each item the other's only such match."""
    pairs = list(linked)
    p_linked, c_linked = {a for a, _ in pairs}, {b for _, b in pairs}
    p_lists, p_chains = _chains(p_units, groupings(parent))
    c_lists, c_chains = _chains(c_units, groupings(child))
    hits: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for a, b in pairs:
        if p_units[a].frame or c_units[b].frame:
            continue
        for i, x in p_chains[a]:
            for j, y in c_chains[b]:
                hits.setdefault((i, j), set()).add((x, y))
    found: list[tuple[int, int, float]] = []
    for (i, j), hit in hits.items():
        if i in p_linked or j in c_linked or p_units[i].frame or c_units[j].frame:
            continue
        if _stock(p_units[i].text) or _stock(c_units[j].text):
            continue  # a plan's stock section ("NHIỆM VỤ, GIẢI PHÁP") frames its own plan, as above
        p_subs, c_subs = p_lists[i], c_lists[j]
        c_taking, p_taken = {y for _, y in hit}, {x for x, _ in hit}
        if min(len(p_subs), len(c_subs)) >= min_items and len(c_taking) >= max(min_items, child_share * len(c_subs)) \
                and len(p_taken) >= parent_share * len(p_subs):
            found.append((i, j, len(c_taking) / len(c_subs)))
    by_p = Counter(i for i, _, _ in found)
    by_c = Counter(j for _, j, _ in found)
    return sorted((i, j, share) for i, j, share in found if by_p[i] == 1 and by_c[j] == 1)
