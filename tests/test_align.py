"""cascade.linking.link_letters on letters built in code: one test per relation and flag, the dropped
and local units, renumbering, the summary figures, and the floor on the sample pair scored with
../shared/eval/score_links.py."""

import importlib.util
import json
import unicodedata
from pathlib import Path

import pytest
from letter_factory import (
    A_EXPANDED,
    A_MODIFIED,
    A_TRIMMED,
    LOCAL,
    A,
    B,
    C,
    D,
    child_text,
    item,
    pair,
    parent_text,
    write_letter,
)
from typer.testing import CliRunner

from cascade.linking import link_letters
from cli import app
from models import LinkResult, Relation, SpanKind
from parsers import parse_letter

NOISY_PARENT = ("Chú trọng các lĩnh vực văn hoá, xã hội, môi trường, bảo đảm an sinh xã hội, đời sống nhân dân; "
                "tổ chức triển khai quyết liệt phong trào thi đua “Xóa nhà tạm, nhà dột nát”.")
NOISY_CHILD = ("Chú trọng các lĩnh vực văn hóa, xã hội, môi trường, bảo đảm an sinh xã hội, đời sống Nhân dân; tổ chức "
               'triển khai quyết liệt phong trào thi đua "Xóa nhà tạm, nhà dột nát".')
LOCALISED_PARENT = ("Tuyên truyền những kết quả nổi bật của tỉnh trong những tháng đầu năm 2024; phát huy vai trò "
                    "của Tỉnh ủy trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ phát triển kinh tế - xã hội.")
LOCALISED_CHILD = LOCALISED_PARENT.replace("của tỉnh", "của huyện").replace("Tỉnh ủy", "Huyện ủy")
S1 = ("Tổ chức tốt công tác thông tin, tuyên truyền bằng các hình thức phù hợp như báo chí, hội nghị, đội ngũ báo "
      "cáo viên.")
S2 = "Kịp thời định hướng dư luận xã hội, đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng."
LEAD = "Công tác tuyên truyền năm 2024:"


def linked(tmp_path: Path, parent_items, child_items) -> LinkResult:
    parent, child = pair(tmp_path, parent_items, child_items)
    return link_letters(parent, child)


def pairs(result: LinkResult) -> set[tuple[str, str]]:
    return {(link.parent, link.child) for link in result.links}


def the_link(result: LinkResult, parent: str, child: str):
    found = [link for link in result.links if (link.parent, link.child) == (parent, child)]
    assert len(found) == 1, f"no single link {parent} → {child} in {sorted(pairs(result))}"
    return found[0]


def non_equal(link) -> list[tuple[str, str, str]]:
    return [(s.kind.value, s.parent, s.child) for s in link.diff if s.kind is not SpanKind.EQUAL]


def assert_summary_consistent(result: LinkResult) -> None:
    s = result.summary
    parent_items = [i.id for i in result.parent.walk_items()]
    child_items = [i.id for i in result.child.walk_items()]
    assert s.parent_items == len(parent_items)
    assert s.child_items == len(child_items)
    assert s.parent_items_carried + s.parent_items_dropped == s.parent_items
    assert s.parent_items_carried == len({il.parent_item for il in result.item_links})
    assert s.parent_items_kept + s.parent_items_trimmed <= s.parent_items_carried
    assert s.child_items_local == len(set(child_items) - {il.child_item for il in result.item_links})
    assert s.parent_units_dropped == len(result.dropped)
    assert s.child_units_added == len(result.added)
    assert s.parent_units == s.parent_units_dropped + len({link.parent for link in result.links})
    assert s.child_units == s.child_units_added + len({link.child for link in result.links})
    assert sum(s.relations.values()) == len(result.links)
    assert 0.0 <= s.retention <= 1.0
    for link in result.links:
        assert 0.0 <= link.kept_share <= 1.0 and 0.0 <= link.added_share <= 1.0 and 0.0 <= link.similarity <= 1.0
        assert "".join(sp.child for sp in link.diff)  # the diff rebuilds a non-empty child text
    for il in result.item_links:
        assert 0.0 <= il.kept_share <= 1.0
        assert il.units >= 1


# --- relations -----------------------------------------------------------------------------------------


def test_identical_units_are_kept(tmp_path):
    r = linked(tmp_path, item("1.", A) + item("2.", B), item("1.", A) + item("2.", B))
    assert pairs(r) == {("1", "1"), ("2", "2")}
    for link in r.links:
        assert link.relation is Relation.KEPT
        assert (link.kept_share, link.added_share, link.similarity) == (1.0, 0.0, 1.0)
        assert not (link.split or link.merged or link.moved)
        assert [s.kind for s in link.diff] == [SpanKind.EQUAL]
    assert r.dropped == [] and r.added == []
    assert r.summary.retention == 1.0
    assert r.summary.parent_items_kept == 2
    assert [(il.parent_item, il.child_item, il.relation) for il in r.item_links] == [
        ("1", "1", Relation.KEPT), ("2", "2", Relation.KEPT)]
    assert_summary_consistent(r)


def test_spelling_noise_only_is_kept(tmp_path):
    """hoà/hòa, nhân dân/Nhân dân, curly/straight quotes, and a child file saved in NFD."""
    p = write_letter(tmp_path, "parent.txt", parent_text(item("1.", NOISY_PARENT)))
    c = write_letter(tmp_path, "child.txt", unicodedata.normalize("NFD", child_text(item("1.", NOISY_CHILD))))
    r = link_letters(parse_letter(p), parse_letter(c))
    link = the_link(r, "1", "1")
    assert link.relation is Relation.KEPT
    assert {k for k, _, _ in non_equal(link)} == {"orthographic"}
    assert [(a.strip(), b.strip()) for _, a, b in non_equal(link)] == [
        ("hoá,", "hóa,"), ("nhân", "Nhân"), ("đua “", 'đua "'), ("nát”.", 'nát".')]
    assert link.kept_share == 1.0 and link.added_share == 0.0
    assert_summary_consistent(r)


def test_abbreviation_the_letter_defines_counts_as_kept(tmp_path):
    defining = ("Đẩy mạnh công tác phòng, chống tham nhũng, tiêu cực (PCTNTC) trong cán bộ, đảng viên, công chức, viên "
                "chức và người lao động.")
    using = ("Tuyên truyền kết quả thực hiện công tác PCTNTC ở các sở, ban, ngành, địa phương; biểu dương các tập thể, "
             "cá nhân tiêu biểu trong công tác này.")
    r = linked(tmp_path, item("1.", defining) + item("2.", using),
               item("1.", defining) + item("2.", using.replace("PCTNTC", "phòng, chống tham nhũng, tiêu cực")))
    link = the_link(r, "2", "2")
    assert link.relation is Relation.KEPT
    assert [(k, a.strip(), b.strip()) for k, a, b in non_equal(link)] == [
        ("orthographic", "PCTNTC", "phòng, chống tham nhũng, tiêu cực")]


def test_only_tier_words_swapped_is_localised(tmp_path):
    r = linked(tmp_path, item("1.", LOCALISED_PARENT), item("1.", LOCALISED_CHILD))
    link = the_link(r, "1", "1")
    assert link.relation is Relation.LOCALISED
    assert [(k, a.strip(), b.strip()) for k, a, b in non_equal(link)] == [
        ("localised", "tỉnh", "huyện"), ("localised", "Tỉnh", "Huyện")]
    assert link.kept_share == 1.0 and link.added_share == 0.0
    assert r.item_links[0].relation is Relation.LOCALISED
    assert r.summary.parent_items_kept == 1  # kept whole up to localisation
    assert_summary_consistent(r)


def test_clause_left_out_is_trimmed(tmp_path):
    r = linked(tmp_path, item("1.", A), item("1.", A_TRIMMED))
    link = the_link(r, "1", "1")
    assert link.relation is Relation.TRIMMED
    assert [s.parent.strip() for s in link.diff if s.kind is SpanKind.TRIMMED] == [
        "đề cao vai trò, trách nhiệm của cấp ủy đảng, chính quyền các cấp."]
    assert not [s for s in link.diff if s.kind is SpanKind.ADDED]
    assert 0.5 < link.kept_share < 1.0 and link.added_share == 0.0
    assert r.summary.parent_items_trimmed == 1 and r.summary.parent_items_kept == 0
    assert r.summary.retention == link.kept_share
    assert_summary_consistent(r)


def test_local_words_added_is_expanded(tmp_path):
    r = linked(tmp_path, item("1.", A), item("1.", A_EXPANDED))
    link = the_link(r, "1", "1")
    assert link.relation is Relation.EXPANDED
    assert [s.child.strip() for s in link.diff if s.kind is SpanKind.ADDED] == [
        "gắn với kỷ niệm 30 năm thành lập huyện và phát động phong trào thi đua."]
    assert not [s for s in link.diff if s.kind is SpanKind.TRIMMED]
    assert link.kept_share == 1.0 and 0.0 < link.added_share < 0.5
    assert_summary_consistent(r)


def test_trimmed_and_added_is_modified(tmp_path):
    r = linked(tmp_path, item("1.", A), item("1.", A_MODIFIED))
    link = the_link(r, "1", "1")
    assert link.relation is Relation.MODIFIED
    kinds = {s.kind for s in link.diff}
    assert {SpanKind.TRIMMED, SpanKind.ADDED} <= kinds
    assert link.kept_share < 1.0 and link.added_share > 0.0
    assert r.item_links[0].relation is Relation.MODIFIED
    assert r.summary.relations == {"modified": 1}
    assert_summary_consistent(r)


# --- flags ---------------------------------------------------------------------------------------------

SPLIT_PARENT = item("1.", LEAD, f"- {S1} {S2}", f"- {C}")
SPLIT_CHILD = item("1.", LEAD, f"- {S1}", f"- {S2}", f"- {C}")


def test_one_bullet_split_over_two_child_bullets(tmp_path):
    r = linked(tmp_path, SPLIT_PARENT, SPLIT_CHILD)
    assert pairs(r) == {("1", "1"), ("1/1", "1/1"), ("1/1", "1/2"), ("1/2", "1/3")}
    for child in ("1/1", "1/2"):
        link = the_link(r, "1/1", child)
        assert link.split and not link.merged and not link.moved
        assert link.relation is Relation.TRIMMED  # each half leaves the other sentence out
        assert link.similarity == 1.0
    assert not the_link(r, "1/2", "1/3").split
    assert r.dropped == [] and r.added == []
    assert_summary_consistent(r)


def test_split_unit_carries_every_word_down(tmp_path):
    r = linked(tmp_path, SPLIT_PARENT, SPLIT_CHILD)
    assert r.summary.retention == 1.0
    assert [(il.parent_item, il.child_item, il.kept_share, il.relation) for il in r.item_links] == [
        ("1", "1", 1.0, Relation.KEPT)]


MERGE_PARENT = item("1.", LEAD, f"- {S1}", f"- {S2}", f"- {C}")
MERGE_CHILD = item("1.", LEAD, f"- {S1} {S2}", f"- {C}")


def test_two_bullets_merged_into_one_child_bullet(tmp_path):
    r = linked(tmp_path, MERGE_PARENT, MERGE_CHILD)
    assert pairs(r) == {("1", "1"), ("1/1", "1/1"), ("1/2", "1/1"), ("1/3", "1/2")}
    for parent in ("1/1", "1/2"):
        link = the_link(r, parent, "1/1")
        assert link.merged and not link.split and not link.moved
        assert link.kept_share == 1.0
    assert not the_link(r, "1/3", "1/2").merged
    assert r.dropped == [] and r.added == []
    assert r.summary.retention == 1.0
    assert_summary_consistent(r)


def test_merged_item_with_no_new_word_is_kept(tmp_path):
    r = linked(tmp_path, MERGE_PARENT, MERGE_CHILD)
    assert [(il.parent_item, il.child_item, il.relation) for il in r.item_links] == [("1", "1", Relation.KEPT)]


def test_reordered_sections_flag_the_moved_links(tmp_path):
    r = linked(tmp_path, item("1.", A, f"- {C}", f"- {D}") + item("2.", B),
               item("1.", B) + item("2.", A, f"- {C}", f"- {D}"))
    assert pairs(r) == {("1", "2"), ("1/1", "2/1"), ("1/2", "2/2"), ("2", "1")}
    assert {(link.parent, link.child) for link in r.links if link.moved} == {("2", "1")}
    assert all(link.relation is Relation.KEPT for link in r.links)
    assert {(il.parent_item, il.child_item) for il in r.item_links} == {("1", "2"), ("2", "1")}
    assert_summary_consistent(r)


def test_one_item_moved_to_the_front(tmp_path):
    r = linked(tmp_path, item("1.", A) + item("2.", B) + item("3.", C) + item("4.", D),
               item("1.", C) + item("2.", A) + item("3.", B) + item("4.", D))
    assert pairs(r) == {("1", "2"), ("2", "3"), ("3", "1"), ("4", "4")}
    assert [(link.parent, link.child) for link in r.links if link.moved] == [("3", "1")]


def test_same_order_flags_nothing_moved(tmp_path):
    r = linked(tmp_path, item("1.", A) + item("2.", B) + item("3.", C), item("1.", A) + item("2.", B) + item("3.", C))
    assert not any(link.moved for link in r.links)


# --- dropped, added, renumbered ------------------------------------------------------------------------


def test_dropped_local_and_renumbered_items(tmp_path):
    """Parent 3 is left out, child 3 comes from parent 4, child 4 is local."""
    r = linked(tmp_path, item("1.", A) + item("2.", B) + item("3.", C) + item("4.", D),
               item("1.", A) + item("2.", B) + item("3.", D) + item("4.", LOCAL))
    assert pairs(r) == {("1", "1"), ("2", "2"), ("4", "3")}
    assert r.dropped == ["3"]
    assert r.added == ["4"]
    assert not any(link.child == "4" for link in r.links)
    assert [(il.parent_item, il.child_item) for il in r.item_links] == [("1", "1"), ("2", "2"), ("4", "3")]
    assert not the_link(r, "4", "3").moved
    s = r.summary
    assert (s.parent_items, s.parent_items_carried, s.parent_items_dropped) == (4, 3, 1)
    assert (s.child_items, s.child_items_local) == (4, 1)
    assert_summary_consistent(r)


def test_dropped_bullet_trims_its_item(tmp_path):
    r = linked(tmp_path, item("1.", A, f"- {C}", f"- {D}") + item("2.", B), item("1.", A, f"- {D}") + item("2.", B))
    assert pairs(r) == {("1", "1"), ("1/2", "1/1"), ("2", "2")}
    assert r.dropped == ["1/1"]
    assert r.summary.parent_units_dropped == 1 and r.summary.parent_items_dropped == 0
    assert {il.parent_item: il.relation for il in r.item_links} == {"1": Relation.TRIMMED, "2": Relation.KEPT}
    assert 0.0 < r.summary.retention < 1.0
    assert_summary_consistent(r)


def test_unrelated_child_letter_links_nothing(tmp_path):
    r = linked(tmp_path, item("1.", A) + item("2.", B), item("1.", LOCAL) + item("2.", D))
    assert r.links == [] and r.item_links == []
    assert r.dropped == ["1", "2"] and r.added == ["1", "2"]
    assert r.summary.retention == 0.0 and r.summary.parent_items_dropped == 2
    assert_summary_consistent(r)


def test_local_bullets_inside_a_linked_item_are_added(tmp_path):
    r = linked(tmp_path, item("1.", A, f"- {C}"), item("1.", A, f"- {C}", f"- {LOCAL}"))
    assert pairs(r) == {("1", "1"), ("1/1", "1/1")}
    assert r.added == ["1/2"]
    assert r.summary.child_items_local == 0  # the item itself came from the parent
    assert_summary_consistent(r)


# --- the sample pair -----------------------------------------------------------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared"
REPO = Path(__file__).resolve().parents[1]


def _score_module():
    path = SHARED / "eval" / "score_links.py"
    if not path.is_file() or not (SHARED / "eval" / "gold_samples.json").is_file():
        pytest.skip(f"{SHARED} is missing: clone the shared folder beside the repository")
    spec = importlib.util.spec_from_file_location("score_links", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample_run() -> tuple[dict, dict, dict]:
    """(gold, the JSON `cascade link` prints for the sample pair, its score)."""
    score_links = _score_module()
    gold = json.loads((SHARED / "eval" / "gold_samples.json").read_text(encoding="utf-8"))
    seeds = SHARED / "seeds" if (SHARED / "seeds").is_dir() else REPO / "samples"
    parent, child = seeds / gold["parent"]["file"], seeds / gold["child"]["file"]
    res = CliRunner().invoke(app, ["link", str(parent), str(child), "--format", "json"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.stdout)
    return gold, result, score_links.score(gold, result)


def test_sample_pair_scores_at_the_floor(sample_run):
    _, _, score = sample_run
    assert score["item_links"][2] == 1.0, score
    assert score["unit_links"][2] >= 0.98, score
    assert score["parent_units"][2] == 1.0 and score["child_units"][2] == 1.0, score


def test_sample_pair_dropped_local_and_citation(sample_run):
    gold, result, _ = sample_run
    carried = {il["parent_item"] for il in result["item_links"]}
    assert {"1.4", "1.7"} <= set(result["dropped"])
    assert "1.4" not in carried and "1.7" not in carried
    assert result["summary"]["parent_items_dropped"] == 2
    assert "4" in result["added"]
    assert "4" not in {il["child_item"] for il in result["item_links"]}
    assert result["summary"]["child_items_local"] == 1
    check = result["citation_check"]
    assert check["status"] == "near"
    assert check["cited_symbol"] == "1232-CV/BTGTU" and check["parent_symbol"] == gold["parent"]["header"]["symbol"]


def test_sample_pair_summary_is_consistent(sample_run):
    _, result, _ = sample_run
    assert_summary_consistent(LinkResult.model_validate(result))
