"""A parent item carried by the khoản and điểm of one child article.

The roll-up that reports a child section taking one parent item whole at the section (`linking._lifts`)
fits a plan: "1. <the parent's lead>" over "a) b) c)" holding its bullets is that item relabelled
(tests/test_prose.py). A legal article is not restated whole that way: its khoản and điểm are cited one by
one ("điểm a khoản 2 Điều 2"), so each is the child's own place for the part it carries — the six amounts
of a resolution's point in the six điểm of "Điều 2 … 2. Mức hỗ trợ a) … b) …", its employers' 1% → 0% and
12 months in "Điều 5. 1. … 2. … 3. …" (bench/heldout_pairs 13). The points of a child article keep their
links to such a parent item as well as the article."""

from collections.abc import Mapping

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


def article_points(lift: Mapping[tuple[str, str], str | None], articles: frozenset[str]) -> set[tuple[str, str]]:
    """(parent item, child point) pairs the roll-up reported at an enclosing child article: they are
    reported at the point too."""
    return {key for key, at in lift.items() if at is not None and at != key[1] and at in articles}
