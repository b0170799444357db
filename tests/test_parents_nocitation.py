"""Parents of letters that cite nothing: a commune that localises its district's letter without citing
it keeps a fifth to a third of its text, and a letter exactly one known tier above is where it comes
from (`CorpusSettings.adjacent_content_min`). The same share two tiers up, at the child's own tier, or
for a child that says which letter it carries out, is not enough (`content_min`)."""

import random
from pathlib import Path

import pytest
from letter_factory import numbered_items as items
from letter_factory import party_letter as letter

from cascade.corpus import DEFAULT_CORPUS_SETTINGS, CorpusSettings, build_index, detect_parents
from parsers import parse_letter

_ONSETS = ("b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "ph", "qu", "s", "t", "th", "tr", "v", "x")
_RIMES = ("a", "ai", "am", "an", "ang", "ao", "en", "eo", "i", "im", "in", "o", "oi", "ong", "u", "ui", "ung", "ưa")
_CHILD = "ĐẢNG ỦY XÃ THUẬN LỢI"


def _sentences(rng: random.Random, n: int) -> list[str]:
    return [" ".join(rng.choice(_ONSETS) + rng.choice(_RIMES) for _ in range(20)) for _ in range(n)]


def _folder(tmp_path: Path, source_issuer: str, lead: list[str] = ()) -> dict:
    """A letter of `source_issuer` and a commune letter (no superior-body line, so its header names no
    parent) that keeps three of its twelve items whole and adds six of its own: about a quarter of the
    commune's text is in the source letter."""
    rng = random.Random(5)
    source = _sentences(rng, 12)
    child = [*lead, *items(source[:3] + _sentences(rng, 6))]
    files = {"source.txt": letter(source_issuer, None, 40, 3, items(source)),
             "xa.txt": letter(_CHILD, None, 9, 8, child)}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return {name: parse_letter(tmp_path / name) for name in files}


def _share_between_floors(letters: dict) -> float:
    """The child's share in the source, checked to lie where only the adjacent floor admits it."""
    share = build_index(letters, jobs=1).containment("xa.txt", "source.txt")
    assert DEFAULT_CORPUS_SETTINGS.adjacent_content_min <= share < DEFAULT_CORPUS_SETTINGS.content_min
    return share


def test_a_district_letter_right_above_a_commune_that_cites_nothing_is_its_parent(tmp_path: Path) -> None:
    letters = _folder(tmp_path, "HUYỆN ỦY ĐỒNG PHÚ")
    _share_between_floors(letters)
    node = detect_parents(letters, jobs=1)["xa.txt"]
    assert [p.parent for p in node.parents] == ["source.txt"]
    assert node.parents[0].evidence.value == "content"
    # found on a quarter of the text: reported as thin evidence, for an analyst to check
    assert any(f.startswith("thin-evidence") for f in node.flags)
    # the setting is what admits it: at the general floor the commune stays without a parent
    strict = CorpusSettings(adjacent_content_min=DEFAULT_CORPUS_SETTINGS.content_min)
    assert not detect_parents(letters, strict, jobs=1)["xa.txt"].parents


@pytest.mark.parametrize("issuer", ["TỈNH ỦY BÌNH PHƯỚC", "ĐẢNG ỦY XÃ TÂN LẬP"], ids=["two-tiers-up", "same-tier"])
def test_the_same_share_two_tiers_up_or_at_the_same_tier_is_not_a_parent(tmp_path: Path, issuer: str) -> None:
    letters = _folder(tmp_path, issuer)
    _share_between_floors(letters)
    assert not detect_parents(letters, jobs=1)["xa.txt"].parents


def test_a_child_that_cites_a_letter_the_folder_lacks_needs_the_general_share(tmp_path: Path) -> None:
    """It says what it carries out, and that is not the district letter found: a quarter of shared
    text does not make it the parent (it would with three-tenths, flagged other-source)."""
    lead = ["Thực hiện Công văn số 777-CV/HU ngày 01/3/2024 của Huyện ủy Đồng Phú về công tác tuyên truyền,"]
    letters = _folder(tmp_path, "HUYỆN ỦY ĐỒNG PHÚ", lead)
    node = detect_parents(letters, jobs=1)["xa.txt"]
    assert node.citation_status.value == "missing-in-folder"
    assert not node.parents


def test_a_sibling_under_the_childs_own_parent_does_not_win_the_near_tie(tmp_path: Path) -> None:
    """The district's propaganda department carries out (cites) the district committee's letter, keeping it
    whole and adding an item of its own; a commune keeps the same letter and cites nothing. The department
    holds all of the commune's inherited text, as the committee does, and is of the same tier: only the
    lineage tells them apart, and the department's known parent is the committee itself, so the
    department may not claim the committee's share as its lineage (before, the commune went under it)."""
    rng = random.Random(7)
    province, district, department, commune = (_sentences(rng, n) for n in (10, 5, 1, 3))
    files = {
        "tinh.txt": letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 1, items(province)),
        "huyen.txt": letter("HUYỆN ỦY ĐỒNG PHÚ", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 40, 3,
                            ["Thực hiện Công văn số 120-CV/TU ngày 01/6/2024 của Tỉnh ủy,",
                             *items(province[:5] + district)]),
        "ban.txt": letter("BAN TUYÊN GIÁO HUYỆN ỦY", "HUYỆN ỦY ĐỒNG PHÚ", 12, 4,
                          ["Thực hiện Công văn số 40-CV/HU ngày 03/6/2024 của Huyện ủy Đồng Phú,",
                           *items(province[:5] + district + department)]),
        "xa.txt": letter(_CHILD, None, 9, 8, items(province[:5] + district + commune)),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    index = build_index(letters, jobs=1)
    assert index.containment("xa.txt", "ban.txt") >= index.containment("xa.txt", "huyen.txt") - 0.01
    nodes = detect_parents(letters, index=index, jobs=1)
    assert [p.parent for p in nodes["ban.txt"].parents] == ["huyen.txt"]
    assert [p.parent for p in nodes["xa.txt"].parents] == ["huyen.txt"]


def test_the_body_the_childs_header_names_wins_the_near_tie_over_the_province(tmp_path: Path) -> None:
    """A commune under the line 'ĐẢNG BỘ HUYỆN ĐỒNG PHÚ' keeps only the province's items of its district's
    letter, which adds as many of its own: the province's letter holds as much of the commune's text and
    has no text the commune lacks, so the text signals of a near tie side with it. The header names the
    district, and the district is what the commune carries out."""
    rng = random.Random(9)
    province, district, commune = (_sentences(rng, n) for n in (6, 6, 2))
    files = {
        "tinh.txt": letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 1, items(province)),
        "huyen.txt": letter("HUYỆN ỦY ĐỒNG PHÚ", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 40, 3,
                            ["Thực hiện Công văn số 120-CV/TU ngày 01/6/2024 của Tỉnh ủy,",
                             *items(province + district)]),
        "xa.txt": letter(_CHILD, "ĐẢNG BỘ HUYỆN ĐỒNG PHÚ", 9, 8, items(province + commune)),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    index = build_index(letters, jobs=1)
    assert abs(index.containment("xa.txt", "tinh.txt") - index.containment("xa.txt", "huyen.txt")) < 0.02
    nodes = detect_parents(letters, index=index, jobs=1)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["huyen.txt"]
