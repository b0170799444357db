"""Rules that keep parent detection from inventing parents: letters that share stock phrases patch by
patch are not parent and child, and a commune does not carry out a neighbouring commune's letter,
however much of its text that neighbour holds."""

import random
from pathlib import Path

from letter_factory import SENTENCES
from letter_factory import numbered_items as items
from letter_factory import party_letter as letter

from cascade.corpus import DEFAULT_CORPUS_SETTINGS, build_index, detect_parents
from parsers import parse_letter

_ONSETS = ("b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "ph", "qu", "s", "t", "th", "tr", "v", "x")
_RIMES = ("a", "ai", "am", "an", "ang", "ao", "en", "eo", "i", "im", "in", "o", "oi", "ong", "u", "ui", "ung", "ưa")


def _words(rng: random.Random, n: int) -> list[str]:
    return [rng.choice(_ONSETS) + rng.choice(_RIMES) for _ in range(n)]


def _parse(tmp_path: Path, files: dict[str, str]) -> dict:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name: parse_letter(tmp_path / name) for name in files}


def test_patches_of_shared_phrases_across_units_do_not_make_a_parent(tmp_path: Path) -> None:
    """Two letters of unrelated bodies on related subjects: each of the child's items borrows a phrase
    of one of the other's items and says the rest in its own words. A third of the child's text is in
    the other letter, but no unit of it is: that is how unrelated real letters resemble each other
    (stock phrases of a campaign), not how a child copies its parent."""
    rng = random.Random(11)
    other = [" ".join(_words(rng, 24)) for _ in range(30)]
    patched = [" ".join(s.split()[:13] + _words(rng, 11)) for s in other[:6]]
    copied = other[:4] + [" ".join(_words(rng, 24)) for _ in range(2)]
    letters = _parse(tmp_path, {
        "tinh.txt": letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, items(other)),
        "xa-patches.txt": letter("ĐẢNG ỦY XÃ TÂN LẬP", None, 7, 9, items(patched)),
        "xa-copies.txt": letter("ĐẢNG ỦY XÃ THUẬN LỢI", None, 8, 9, items(copied)),
    })
    index = build_index(letters, jobs=1)
    # the patched letter shares enough text to pass the plain share floor: only the unit rule stops it
    assert index.containment("xa-patches.txt", "tinh.txt") >= DEFAULT_CORPUS_SETTINGS.content_min
    nodes = detect_parents(letters, index=index, jobs=1)
    assert not nodes["xa-patches.txt"].parents
    # a letter that copies whole items of the same letter is its child
    assert [p.parent for p in nodes["xa-copies.txt"].parents] == ["tinh.txt"]


def test_a_commune_is_placed_under_its_district_not_a_neighbour_holding_more_of_it(tmp_path: Path) -> None:
    """Commune A keeps part of its district's letter and adds much local text, which the neighbouring
    commune B, writing earlier, holds too (A copied it): B holds all of A, the district less. A
    commune's letter carries out its district's, never a neighbour's."""
    rng = random.Random(3)
    district = items(SENTENCES)
    local = [f"Đảng ủy xã giao chi bộ thôn {k} " + " ".join(_words(rng, 10)) for k in range(1, 5)]
    commune_a = district[: len(district) // 2] + items(local)
    commune_b = commune_a + items([" ".join(_words(rng, 20)) for _ in range(3)])
    letters = _parse(tmp_path, {
        "huyen.txt": letter("HUYỆN ỦY ĐỒNG PHÚ", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 40, 3, district),
        "xa-b.txt": letter("ĐẢNG ỦY XÃ TÂN LẬP", None, 12, 5, commune_b),
        "xa-a.txt": letter("ĐẢNG ỦY XÃ THUẬN LỢI", None, 9, 8, commune_a),
    })
    index = build_index(letters, jobs=1)
    assert index.containment("xa-a.txt", "xa-b.txt") > index.containment("xa-a.txt", "huyen.txt")
    nodes = detect_parents(letters, index=index, jobs=1)
    assert [p.parent for p in nodes["xa-a.txt"].parents] == ["huyen.txt"]
