"""Parents found by content when no citation says it: among many near-identical cousins, across tiers
(a district found under its province, then its communes under it), same-tier parents, thin evidence,
and the bounded cost of the capped trigram index."""

import random
from pathlib import Path

import numpy as np
import pytest
from letter_factory import SENTENCES
from letter_factory import numbered_items as _items
from letter_factory import party_letter as _letter

from cascade.corpus import CorpusSettings, build_index, detect_parents
from cascade.trigram_index import TrigramIndex, letter_trigrams, text_trigrams
from parsers import parse_letter


def _folder(tmp_path: Path, cousins: int) -> dict[str, str]:
    """A province letter, `cousins` district letters that each keep most of it and add a local
    sentence naming their district, and one commune letter under district 0 with no citation."""
    rng = random.Random(5)
    files = {"tinh.txt": _letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, _items(SENTENCES))}
    district_bodies = []
    for k in range(cousins):
        kept = [s for s in SENTENCES if rng.random() < 0.8]
        local = f"Huyện ủy huyện Phú Riềng {k} giao Văn phòng theo dõi, tổng hợp kết quả từng tháng ở xã {k}"
        body = _items([*kept, local])
        district_bodies.append(body)
        files[f"huyen-{k:02d}.txt"] = _letter(f"HUYỆN ỦY PHÚ RIỀNG {k}", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 30 + k, 5, body)
    commune = [line for line in district_bodies[0] if rng.random() < 0.85]
    commune += ["9. Đảng ủy xã rà soát danh sách hộ nghèo để hỗ trợ sửa chữa nhà ở trước mùa mưa."]
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", None, 7, 9, commune)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return files


def test_child_without_citation_finds_its_district_among_many_cousins(tmp_path: Path) -> None:
    files = _folder(tmp_path, cousins=40)
    letters = {name: parse_letter(tmp_path / name) for name in files}
    nodes = detect_parents(letters, jobs=1)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["huyen-00.txt"]
    link = nodes["xa.txt"].parents[0]
    assert link.evidence.value == "content" and 0 < link.confidence <= 1
    # every district letter is put under the province by content as well
    assert all([p.parent for p in nodes[f"huyen-{k:02d}.txt"].parents] == ["tinh.txt"] for k in range(40))


def test_votes_visit_at_most_max_postings_letters_per_trigram(tmp_path: Path) -> None:
    files = _folder(tmp_path, cousins=30)
    letters = {name: parse_letter(tmp_path / name) for name in files}
    index = build_index(letters, CorpusSettings(max_postings=8), jobs=1)
    child = index.number["xa.txt"]
    index.votes(child)
    assert 0 < index.visits <= 8 * len(index.grams[child])
    assert "huyen-00.txt" in index.candidates("xa.txt", 8)


def test_a_letter_may_implement_one_of_its_own_tier(tmp_path: Path) -> None:
    """The Politburo's resolution implemented by the National Assembly's Party delegation: both central."""
    body = _items(SENTENCES[:6])
    (tmp_path / "nq.txt").write_text(_letter("BAN CHẤP HÀNH TRUNG ƯƠNG", None, 57, 1, body), encoding="utf-8")
    (tmp_path / "kh.txt").write_text(_letter("ĐẢNG ĐOÀN QUỐC HỘI", None, 3, 20, body[:10]), encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in ("nq.txt", "kh.txt")}
    nodes = detect_parents(letters, jobs=1)
    assert [p.parent for p in nodes["kh.txt"].parents] == ["nq.txt"]
    assert not nodes["nq.txt"].parents


def test_two_identical_candidates_make_thin_evidence(tmp_path: Path) -> None:
    body = _items(SENTENCES)
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(_letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, body), encoding="utf-8")
    (tmp_path / "c.txt").write_text(_letter("HUYỆN ỦY ĐỒNG PHÚ", None, 30, 5, body[:12]), encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt")}
    nodes = detect_parents(letters, jobs=1)
    assert nodes["c.txt"].parents and any(f.startswith("thin-evidence") for f in nodes["c.txt"].flags)
    assert nodes["c.txt"].parents[0].confidence < 0.8


def test_trigrams_are_stable_and_partitioned_builds_agree(tmp_path: Path) -> None:
    files = _folder(tmp_path, cousins=6)
    letters = {name: parse_letter(tmp_path / name) for name in files}
    grams = {p: letter_trigrams(letter) for p, letter in letters.items()}
    assert np.array_equal(text_trigrams(["một hai ba bốn"]), text_trigrams(["một hai ba bốn"]))
    one = TrigramIndex.build(grams, max_postings=4, parts=1)
    many = TrigramIndex.build(grams, max_postings=4, parts=5)
    for path in letters:
        assert one.candidates(path, 5) == many.candidates(path, 5)
        assert np.allclose(one.weights[one.number[path]], many.weights[many.number[path]])


STOCK = "Duy trì hoạt động của các tổ hòa giải ở thôn, ấp, phấn đấu đạt tỷ lệ cao số hộ tham gia"


def _headerless(body: list[str]) -> str:
    return "\n".join(["Kính gửi: Các chi bộ trực thuộc.", "Đề nghị các chi bộ thực hiện tốt một số nội dung sau:",
                      *body])


@pytest.mark.parametrize("district", ["HUYỆN ỦY ĐỒNG PHÚ", "HUYỆN UỶ ĐỒNG PHÚ"])  # both tone placements
def test_the_body_named_above_the_issuer_beats_a_cousin_holding_more_text(tmp_path: Path, district: str) -> None:
    """A short commune letter, mostly local, under 'ĐẢNG BỘ HUYỆN ĐỒNG PHÚ': a neighbouring district
    that carried the same provincial items and wrote the same stock sentence holds more of its text."""
    files = {
        "tinh.txt": _letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, _items(SENTENCES)),
        "dong-phu.txt": _letter(district, "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 31, 5,
                                _items([*SENTENCES[:5], "Huyện ủy giao Văn phòng tổng hợp kết quả ở xã Tân Lập"])),
        "bu-dang.txt": _letter("HUYỆN ỦY BÙ ĐĂNG", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC", 44, 5, _items([*SENTENCES[:5], STOCK])),
        "xa.txt": _letter("ĐẢNG ỦY XÃ TÂN LẬP", "ĐẢNG BỘ HUYỆN ĐỒNG PHÚ", 7, 9,
                          _items([SENTENCES[1], STOCK, "Đảng ủy xã rà soát danh sách hộ nghèo ở thôn Bàu Ké"])),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    index = build_index(letters, jobs=1)
    assert index.containment("xa.txt", "bu-dang.txt") > index.containment("xa.txt", "dong-phu.txt")
    nodes = detect_parents(letters, index=index)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["dong-phu.txt"]
    assert any("names the body above it" in r for r in nodes["xa.txt"].parents[0].reasons)


def test_a_child_that_keeps_its_parent_whole_and_adds_items_finds_it(tmp_path: Path) -> None:
    """Longer than its parent is not derived from the child: a headerless letter that keeps its
    district's letter whole and adds its own items is put under it, not under a cousin."""
    district = _items([*SENTENCES[:6], "Huyện ủy giao Văn phòng tổng hợp kết quả ở xã Tân Lập"])
    files = {
        "tinh.txt": _letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, _items(SENTENCES)),
        "dong-phu.txt": _letter("HUYỆN ỦY ĐỒNG PHÚ", None, 31, 5, district),
        "bu-dang.txt": _letter("HUYỆN ỦY BÙ ĐĂNG", None, 44, 5, _items([*SENTENCES[:5], SENTENCES[7]])),
        "xa.txt": _headerless([*district, "8. Chi bộ thôn Bàu Ké họp bàn việc sửa chữa nhà văn hóa thôn."]),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    nodes = detect_parents(letters, jobs=1)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["dong-phu.txt"]


def test_a_headerless_descendant_is_not_taken_for_the_central_letters_parent(tmp_path: Path) -> None:
    files = {
        "tw.txt": _letter("BAN CHẤP HÀNH TRUNG ƯƠNG", None, 8371, 1, _items(SENTENCES)),
        "tinh.txt": _letter("TỈNH ỦY BÌNH PHƯỚC", None, 120, 2, _items(SENTENCES[:7])),
        "xa.txt": _headerless(_items([*SENTENCES[:6], "Chi bộ thôn Bàu Ké họp bàn việc sửa chữa nhà văn hóa"])),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    nodes = detect_parents(letters, jobs=1)
    assert not nodes["tw.txt"].parents
    assert [p.parent for p in nodes["tinh.txt"].parents] == ["tw.txt"]
    assert [p.parent for p in nodes["xa.txt"].parents] == ["tinh.txt"]
