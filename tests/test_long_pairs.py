"""Long pairs: past `prune_above_units` parent units, each child unit is scored against its best-voted
parent units only (cascade.unit_candidates); the links must be those of scoring every unit pair."""

import dataclasses
import random

from cascade.align import DEFAULT_SETTINGS, align_units
from cascade.tokens import tokenize
from cascade.unit_candidates import ParentUnitIndex
from cascade.units import Unit

_TEXT = ("tuyên truyền thực hiện nghị quyết đại hội đảng bộ các cấp cán bộ đảng viên nhân dân kinh tế xã hội "
         "phát triển bền vững quốc phòng an ninh chuyển đổi số khoa học công nghệ đổi mới sáng tạo giáo dục "
         "đào tạo nguồn nhân lực chất lượng cao văn hóa thể thao du lịch môi trường đất đai tài nguyên")
WORDS = _TEXT.split(" ")


def _units(texts: list[str]) -> list[Unit]:
    return [Unit(f"{k // 5 + 1}/{k % 5 + 1}", str(k // 5 + 1), t, k, False, str(k // 5 + 1))
            for k, t in enumerate(texts)]


def test_pruned_candidates_give_the_links_of_every_unit_pair() -> None:
    rng = random.Random(2)
    parent = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))) + "." for _ in range(240)]
    child = []
    for text in parent:
        if rng.random() < 0.2:
            continue
        words = text.rstrip(".").split()
        if rng.random() < 0.4:
            words = words[: max(6, len(words) * 2 // 3)]
        child.append(" ".join(words) + ".")
    rng.shuffle(child)
    p_units, c_units = _units(parent), _units(child)
    p_tokens = [tokenize(u.text) for u in p_units]
    c_tokens = [tokenize(u.text) for u in c_units]
    pruned = align_units(p_units, c_units, p_tokens, c_tokens, DEFAULT_SETTINGS)
    every = align_units(p_units, c_units, p_tokens, c_tokens,
                        dataclasses.replace(DEFAULT_SETTINGS, prune_above_units=10**9))
    assert len(parent) > DEFAULT_SETTINGS.prune_above_units
    assert {(m.parent, m.child) for m in pruned} == {(m.parent, m.child) for m in every}


def test_boilerplate_shingles_do_not_vote() -> None:
    common = frozenset({("đảng", "viên")})
    parent = [common | {("a", str(k))} for k in range(10)]
    index = ParentUnitIndex(parent, max_units=3)
    weight = {g: 1.0 for s in parent for g in s}
    assert index.candidates(common | {("a", "7")}, weight, 2) == [7]
    assert index.visits == 1
    # a unit made only of boilerplate still gets candidates
    assert index.candidates(common, weight, 2) == [0, 1]
