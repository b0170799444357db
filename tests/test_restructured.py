"""Real lower tiers restructure and paraphrase: a sentence said in other words whose closest parent unit
stands out, the task the parent gives the child's own issuer, an issuing decision framing its plan,
links at the level of the child's sections — and the hand-made evaluation pairs in tests/eval_pairs."""

import dataclasses
import json
from pathlib import Path

import pytest
from letter_factory import CHILD_HEADER, FUNDS, REFORM, REFORM_AND_FUNDS_BULLET, item, pair

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters, prepare
from cascade.mandate import assignment_units, issuer_names
from cascade.units import letter_units
from models import Strength
from parsers import parse_letter

SPREAD = ("Tổ chức tuyên truyền sâu rộng trong cán bộ, đảng viên và Nhân dân về ý nghĩa của phong trào trồng cây "
          "xanh, bảo vệ rừng đầu nguồn và ứng phó với biến đổi khí hậu.")
PRESS = ("Các cơ quan báo chí tăng cường thông tin về các mô hình hay, cách làm hiệu quả trong bảo vệ môi trường, "
         "kịp thời biểu dương tập thể, cá nhân tiêu biểu.")
# The parent gives the child's issuer (Huyện ủy Bù Đăng, see letter_factory.CHILD_HEADER) its task …
TASK = ("Huyện ủy Bù Đăng chủ trì, phối hợp với Ban Quản lý rừng phòng hộ xây dựng phương án trồng mới 20.000 "
        "cây xanh ở vùng đầu nguồn, bảo đảm hoàn thành trong quý III năm 2024.")
# … and the child carries it out in its own words (hardly a word pair in common).
TASK_DONE = ("Giao Hạt Kiểm lâm huyện khảo sát diện tích đất trống tại các xã vùng sâu, lập kế hoạch trồng cây "
             "rừng đầu nguồn và báo cáo Ban Thường vụ trước tháng 9 năm 2024.")


def _assignment_pair(tmp_path, **child_parts):
    return pair(tmp_path, item("1.", SPREAD) + item("2.", PRESS) + item("3.", TASK),
                item("1.", SPREAD) + item("2.", PRESS) + item("3.", TASK_DONE), **child_parts)


def test_the_task_the_parent_gives_the_childs_issuer_is_linked_to_where_the_child_carries_it_out(tmp_path):
    parent, child = _assignment_pair(tmp_path)
    result = link_letters(parent, child)
    link = next(lk for lk in result.links if lk.parent == "3")
    assert link.child == "3"
    assert link.strength is Strength.PARAPHRASED and link.score < DEFAULT_SETTINGS.distinct_min  # shown as weak
    assert link.sentences, "the assignment's sentence and the child sentence it went to"
    assert ("3", "3") in {(il.parent_item, il.child_item) for il in result.item_links}


def test_an_assignment_needs_the_childs_name_and_its_citation_of_the_parent(tmp_path):
    nameless = CHILD_HEADER[1:]  # the header without "HUYỆN ỦY BÙ ĐĂNG"
    parent, child = _assignment_pair(tmp_path, child_parts={"header": nameless, "signature": None})
    assert not issuer_names(child)
    assert "3" not in {lk.parent for lk in link_letters(parent, child).links}
    uncited = ("Ban Thường vụ Huyện ủy đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau đây về công tác "
               "trồng cây, bảo vệ rừng:")
    parent, child = _assignment_pair(tmp_path, child_preamble=uncited)
    assert "3" not in {lk.parent for lk in link_letters(parent, child).links}


@pytest.mark.parametrize(("text", "named"), [
    ("Huyện ủy Bù Đăng chủ trì tổ chức thực hiện.", True),
    ("Giao Huyện ủy Bù Đăng chủ trì tổ chức thực hiện.", True),
    ("Ban Tuyên giáo Tỉnh ủy chủ trì; phối hợp với Huyện ủy Bù Đăng rà soát.", True),
    ("Đoàn kiểm tra của Tỉnh ủy làm việc với Huyện ủy Bù Đăng và các xã.", False),  # mentioned, not acting
    ("Huyện ủy Bù Đăng Mới chủ trì tổ chức thực hiện.", False),  # a longer name: another body
    ("Huyện ủy Bù Gia Mập chủ trì tổ chức thực hiện.", False),
])
def test_a_parent_unit_names_the_child_issuer_only_as_the_one_who_acts(tmp_path, text, named):
    parent, child = pair(tmp_path, item("1.", SPREAD) + item("2.", text), item("1.", SPREAD))
    prep = prepare(parent, child)
    found = {prep.p_units[k].id for k in assignment_units(prep.p_units, prep.p_tokens, issuer_names(child))}
    assert found == ({"2"} if named else set())


def test_names_that_only_say_what_kind_of_body_are_no_names(tmp_path):
    kind_only = {"header": ("ĐẢNG ỦY", "*", "Số 45-CV/ĐU"), "signature": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Văn C")}
    _, child = pair(tmp_path, item("1.", SPREAD), item("1.", SPREAD), child_parts=kind_only)
    assert issuer_names(child) == []


def test_a_sentence_whose_closest_parent_unit_is_not_distinct_is_not_linked(tmp_path):
    """The sentence that `test_prose` links by its distinct closest parent unit, now with that unit's text
    also in a third parent item: two parent units are as close, so neither is taken by key terms alone."""
    first, second, bullet = REFORM, FUNDS, REFORM_AND_FUNDS_BULLET
    child_lines = item("1.", "Nhiệm vụ của Ủy ban", f"- {bullet}")
    parent_lines = item("1.", "Hoàn thiện thể chế", f"- {first}") + item("2.", "Tăng cường đầu tư", f"- {second}")
    parent, child = pair(tmp_path, parent_lines, child_lines)
    assert "2/1" in {lk.parent for lk in link_letters(parent, child).links}
    parent, child = pair(tmp_path, parent_lines + item("3.", "Huy động nguồn lực", f"- {second}"), child_lines)
    assert {lk.parent for lk in link_letters(parent, child).links} == {"1/1"}
    # with no margin asked, the closer of the two is taken again
    no_margin = dataclasses.replace(DEFAULT_SETTINGS, distinct_margin=0.0)
    assert len({lk.parent for lk in link_letters(parent, child, no_margin).links}) == 2


DECISION = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 512/QĐ-UBND
Đồng Tháp, ngày 20 tháng 3 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch phòng, chống hạn hán, thiếu nước, xâm nhập mặn mùa khô năm 2024

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;
Thực hiện Công văn số 1802/VPCP-NN ngày 12/3/2024 của Văn phòng Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống hạn hán, thiếu nước, xâm nhập mặn mùa khô năm 2024.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Tài nguyên và Môi trường, Chủ tịch Ủy ban nhân dân các \
huyện, thành phố chịu trách nhiệm thi hành Quyết định này.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Nguyễn Văn Phú

KẾ HOẠCH
Phòng, chống hạn hán, thiếu nước, xâm nhập mặn mùa khô năm 2024
(Ban hành kèm theo Quyết định số 512/QĐ-UBND ngày 20/3/2024 của Chủ tịch Ủy ban nhân dân tỉnh)

I. MỤC ĐÍCH, YÊU CẦU
1. Chủ động ứng phó với hạn hán, thiếu nước, xâm nhập mặn, bảo đảm nước sinh hoạt cho Nhân dân.
II. NHIỆM VỤ
1. Sở Tài nguyên và Môi trường theo dõi chặt chẽ diễn biến nguồn nước, dự báo sớm tình hình hạn hán.
2. Ủy ban nhân dân các huyện, thành phố rà soát, bố trí kinh phí vận hành các công trình trữ nước.
"""


def test_an_issuing_decisions_articles_frame_the_plan_it_issues(tmp_path):
    path = tmp_path / "qd.txt"
    path.write_text(DECISION, encoding="utf-8")
    letter = parse_letter(path)
    zones = {u.id: u.zone for u in letter_units(letter)}
    assert {zones[a] for a in ("Điều 1", "Điều 2", "Điều 3")} == {"decision"}
    assert zones["II.1"] == "item"
    assert not any(u.id.startswith("Điều") for u in letter_units(letter, frame=False))
    result = link_letters(letter, letter)  # the file against itself
    assert {il.parent_item for il in result.item_links} == {"I.1", "II.1", "II.2"}
    assert result.summary.child_items == 3  # the plan's items; its stock headings and the articles frame it


def test_a_sections_sub_items_taking_one_parent_item_are_reported_at_the_section_only_if_it_takes_it_too(tmp_path):
    lead = "Nâng cao nhận thức, đổi mới tư duy về phát triển khoa học, công nghệ và chuyển đổi số quốc gia"
    bullets = ["Tuyên truyền sâu rộng trong toàn xã hội về vai trò của khoa học, công nghệ, đổi mới sáng tạo và "
               "chuyển đổi số đối với sự phát triển của đất nước.",
               "Người đứng đầu cấp ủy, chính quyền trực tiếp phụ trách, chỉ đạo công tác chuyển đổi số tại cơ quan, "
               "đơn vị mình và chịu trách nhiệm về kết quả thực hiện."]
    parent_lines = item("1.", lead, *(f"- {b}" for b in bullets))
    local_lead = "Nhiệm vụ riêng của các chi bộ trực thuộc trong năm 2024"
    local_bullets = ["Xây dựng lịch sinh hoạt chuyên đề hằng quý tại nhà văn hóa các thôn, ấp trên địa bàn.",
                     "Phân công đảng viên theo dõi hộ gia đình, báo cáo kết quả về Văn phòng Huyện ủy."]
    child_lines = item("1.", local_lead) + [f"{c}) {b}" for c, b in zip("abcd", [*bullets, *local_bullets],
                                                                        strict=True)]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    item_links = {(il.parent_item, il.child_item) for il in link_letters(parent, child).item_links}
    assert item_links == {("1", "1.a"), ("1", "1.b")}  # the section's heading is its own: not lifted


def test_a_sub_items_reuse_of_another_parent_item_inside_a_whole_section_stays_a_unit_link(tmp_path):
    lead = "Hoàn thiện thể chế về phát triển khoa học, công nghệ và đổi mới sáng tạo"
    bullets = ["Rà soát, sửa đổi các quy định về đầu tư công, mua sắm công đối với hoạt động nghiên cứu khoa học.",
               "Xây dựng cơ chế thử nghiệm có kiểm soát đối với công nghệ mới, mô hình kinh doanh mới.",
               "Cải cách cơ chế quản lý tài chính trong thực hiện nhiệm vụ khoa học và công nghệ."]
    other = ("Có cơ chế ưu đãi về đất đai, tín dụng, thuế trong nghiên cứu, thử nghiệm, ứng dụng, phát triển sản "
             "phẩm, dịch vụ công nghệ số.")
    parent_lines = item("1.", lead, *(f"- {b}" for b in bullets)) + item("2.", "Phát triển doanh nghiệp công nghệ",
                                                                        f"- {other}")
    merged = f"{bullets[2][:-1]}; {other[0].lower()}{other[1:]}"
    child_lines = [*item("1.", lead), f"a) {bullets[0]}", f"b) {bullets[1]}", f"c) {merged}"]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    result = link_letters(parent, child)
    assert ("2/1", "1.c") in {(lk.parent, lk.child) for lk in result.links}
    assert {(il.parent_item, il.child_item) for il in result.item_links} == {("1", "1")}


EVAL_PAIRS = Path(__file__).parent / "eval_pairs"
HELDOUT_PAIRS = Path(__file__).parent.parent / "bench" / "heldout_pairs"


# Unseen pairs scored as found and not studied yet, whose gold names units the parser does not produce
# yet: strict, so the mark must go when the parser learns them.
NOT_YET_LABELLED = {
    "08_qd22-ttg_kh3210-ubnd-tphcm": ("the city's plan labels 0.93 of its child items as the gold does: "
                                       "its decision's Điều 1-3, under a spaced-out header, are not read"),
}


@pytest.mark.parametrize("d", [
    *sorted(p for p in EVAL_PAIRS.iterdir() if p.is_dir()),
    *(pytest.param(p, marks=pytest.mark.xfail(reason=NOT_YET_LABELLED[p.name], strict=True))
      if p.name in NOT_YET_LABELLED else p for p in sorted(HELDOUT_PAIRS.iterdir()) if p.is_dir())],
    ids=lambda p: p.name)
def test_the_built_and_held_out_evaluation_pairs_are_parsed_to_the_labels_their_gold_names(d):
    """tests/eval_pairs holds pairs built by hand for issue 12 (a real parent, a child written the way a
    province would), bench/heldout_pairs real pairs kept apart from the dev pairs; bench/curves.py scores
    both apart from the dev pairs, and their gold must keep naming units the parser produces."""
    gold = json.loads((d / "gold.json").read_text(encoding="utf-8"))
    parent, child = parse_letter(d / "parent.txt"), parse_letter(d / "child.txt")
    p_ids = {u.id for u in letter_units(parent)}
    c_ids = {u.id for u in letter_units(child)}
    assert {p for p, _ in gold["item_links"]} | set(gold["dropped"]) <= p_ids
    assert {c for _, c in gold["item_links"]} | set(gold["local"]) <= c_ids
