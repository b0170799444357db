"""A short parent line the child says in several places is linked where the headings above it match the
parent's own (bench/heldout_pairs 04, 05: 'Phần thi cá nhân' under the rounds and again under the prizes)."""

import pytest
from letter_factory import A, B, item, pair

from cascade.linking import link_letters
from cascade.repeats import context_similarity, mentions_of_short_lines

ROUNDS = "Hình thức tổ chức các vòng thi trực tuyến"
PRIZES = "Cơ cấu giải thưởng và tiền thưởng"


def _links(tmp_path, child_lines):
    parent_lines = [*item("I.", ROUNDS), *item("1.", "Phần thi cá nhân"), *item("2.", A), *item("II.", B)]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    return parent, child, {(lk.parent, lk.child) for lk in link_letters(parent, child).links}


def test_a_short_line_said_twice_is_linked_under_the_heading_like_its_own(tmp_path):
    child_lines = [*item("I.", ROUNDS), *item("1.", "Phần thi cá nhân"), *item("2.", A),
                   *item("II.", PRIZES), *item("1.", "Phần thi cá nhân"), *item("2.", B)]
    _, _, links = _links(tmp_path, child_lines)
    assert ("I.1", "I.1") in links
    assert ("I.1", "II.1") not in links, "the prizes' 'Phần thi cá nhân' names the round, it does not carry it"


def test_a_short_line_said_twice_under_equal_headings_stays_linked_to_both(tmp_path):
    child_lines = [*item("I.", ROUNDS), *item("1.", "Phần thi cá nhân"), *item("2.", A),
                   *item("II.", ROUNDS), *item("1.", "Phần thi cá nhân"), *item("2.", B)]
    _, _, links = _links(tmp_path, child_lines)
    assert {("I.1", "I.1"), ("I.1", "II.1")} <= links


def test_only_short_lines_compete():
    assert mentions_of_short_lines([], [], [], [], [], 12) == set()


def test_context_similarity_is_a_cosine_of_weighted_words():
    idf = {"a": 1.0, "b": 1.0, "c": 2.0}
    assert context_similarity(frozenset("ab"), frozenset("ab"), idf) == pytest.approx(1.0)
    assert context_similarity(frozenset("ab"), frozenset("c"), idf) == 0.0
    assert context_similarity(frozenset(), frozenset("c"), idf) == 0.0
    assert 0 < context_similarity(frozenset("abc"), frozenset("c"), idf) < 1

