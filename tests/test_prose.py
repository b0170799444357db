"""Prose letters (no numbered items), after a real central → province pair: the body paragraphs are units
with ids, linked and diffed, and every report shows them; strength, score and the sentence map of a
link; links at the level the child works at; warnings for pairs that look unrelated or reversed."""

import csv
import dataclasses
import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from letter_factory import FUNDS, REFORM, REFORM_AND_FUNDS_BULLET, item, pair
from typer.testing import CliRunner

from cascade.align import DEFAULT_SETTINGS
from cascade.linking import link_letters
from cascade.reports.docx_redline import render_docx
from cascade.reports.explorer import unpack
from cascade.reports.html import render_html
from cascade.reports.markdown import render_markdown
from cascade.tokens import initial_abbreviations, keys_of, tokenize
from cascade.units import sentence_spans
from cli import app
from models import Relation, Strength
from parsers import parse_letter

CENTRAL_DIRECTIVE = (
    "Giao Bộ Tài nguyên và Môi trường chủ trì, phối hợp với Bộ Nông nghiệp và Phát triển nông thôn theo dõi chặt "
    "chẽ diễn biến nguồn nước, dự báo sớm tình hình hạn hán, thiếu nước, xâm nhập mặn để kịp thời thông tin cho "
    "người dân và chính quyền các cấp chủ động ứng phó."
)
# localised (Bộ → Sở), a clause left out, a deadline added: modified
PROVINCE_DIRECTIVE = (
    "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Sở Nông nghiệp và Phát triển nông thôn theo dõi chặt "
    "chẽ diễn biến nguồn nước, dự báo sớm tình hình hạn hán, thiếu nước, xâm nhập mặn để kịp thời thông tin cho "
    "người dân, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/3/2024."
)
CENTRAL_FUNDS = ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo rà soát, bố trí kinh phí vận "
                 "hành các công trình trữ nước, bảo đảm nước sinh hoạt cho Nhân dân, nhất là ở vùng sâu, vùng xa.")
PROVINCE_FUNDS = ("Ủy ban nhân dân các huyện, thành phố chỉ đạo rà soát, bố trí kinh phí vận hành các công trình "
                  "trữ nước, bảo đảm nước sinh hoạt cho Nhân dân, nhất là ở vùng sâu, vùng xa.")

CENTRAL = f"""VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1802/VPCP-NN
Hà Nội, ngày 12 tháng 3 năm 2024
V/v chủ động phòng, chống hạn hán, thiếu nước, xâm nhập mặn

Kính gửi:
- Bộ Tài nguyên và Môi trường;
- Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.

Xét báo cáo của Bộ Nông nghiệp và Phát triển nông thôn về tình hình hạn hán, thiếu nước, xâm nhập mặn mùa khô năm \
2024, Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:

{CENTRAL_DIRECTIVE}

{CENTRAL_FUNDS}

Nơi nhận:
- Như trên;
- Lưu: VT, NN.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Nguyễn Sỹ Hiệp
"""

PROVINCE = f"""ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 345/UBND-KT
Đồng Tháp, ngày 18 tháng 3 năm 2024
V/v triển khai phòng, chống hạn hán, thiếu nước, xâm nhập mặn

Kính gửi:
- Sở Tài nguyên và Môi trường;
- Ủy ban nhân dân các huyện, thành phố.

Thực hiện Công văn số 1802/VPCP-NN ngày 12/3/2024 của Văn phòng Chính phủ về việc chủ động phòng, chống hạn \
hán, thiếu nước, xâm nhập mặn, Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:

{PROVINCE_DIRECTIVE}

{PROVINCE_FUNDS}

Đề nghị các cơ quan, đơn vị triển khai thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, KT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Phước Thiện
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    (tmp_path / "letters" / "trung-uong").mkdir(parents=True)
    (tmp_path / "letters" / "tinh").mkdir()
    parent = tmp_path / "letters" / "trung-uong" / "1802-VPCP-NN.txt"
    child = tmp_path / "letters" / "tinh" / "345-UBND-KT.txt"
    parent.write_text(CENTRAL, encoding="utf-8")
    child.write_text(PROVINCE, encoding="utf-8")
    return parent, child


@pytest.fixture
def result(files):
    return link_letters(parse_letter(files[0]), parse_letter(files[1]))


def test_a_prose_letter_has_preamble_body_and_closing_with_ids(files):
    child = parse_letter(files[1])
    assert child.items == []
    assert [p.id for p in child.preamble] == ["preamble/1"]
    assert child.preamble[0].text.startswith("Thực hiện Công văn số 1802/VPCP-NN")
    assert [(p.id, p.text) for p in child.body] == [("body/1", PROVINCE_DIRECTIVE), ("body/2", PROVINCE_FUNDS)]
    assert [p.id for p in child.closing] == ["closing/1"]
    parent = parse_letter(files[0])
    assert [p.text for p in parent.body] == [CENTRAL_DIRECTIVE, CENTRAL_FUNDS]
    assert parent.preamble[0].text.endswith("có ý kiến như sau:")  # a lead-in is preamble


def test_the_directive_paragraph_is_linked_localised_or_modified(result):
    link = next(lk for lk in result.links if lk.child == "body/1")
    assert link.parent == "body/1"
    assert link.relation in (Relation.LOCALISED, Relation.MODIFIED)
    assert link.relation is Relation.MODIFIED  # Bộ → Sở, a clause left out, a deadline added
    assert ("Bộ", "Sở") in {(s.parent.strip(), s.child.strip()) for s in link.diff if s.kind.value == "localised"}
    assert link.strength in (Strength.COPIED, Strength.ADAPTED) and 0.5 < link.score <= 1.0
    funds = next(lk for lk in result.links if lk.child == "body/2")
    assert funds.parent == "body/2" and funds.relation is Relation.TRIMMED  # tỉnh → huyện, "trực thuộc Trung ương" out


def test_prose_paragraphs_count_as_items_in_the_summary(result):
    s = result.summary
    assert s.parent_items == 2 and s.parent_items_carried == 2  # not "0 of 0"
    assert s.child_items == 2 and s.child_items_local == 0
    assert {(il.parent_item, il.child_item) for il in result.item_links} == {("body/1", "body/1"),
                                                                              ("body/2", "body/2")}


def test_the_lead_ins_frame_the_letters_and_are_not_compared(result):
    assert "preamble/1" not in result.dropped and "preamble/1" not in result.added
    assert all(not lk.parent.startswith("preamble") and not lk.child.startswith("preamble") for lk in result.links)
    assert "closing/1" in result.added  # the child's own closing sentence is local text


def test_every_link_report_shows_the_prose_link(result):
    md = render_markdown(result)
    assert "### Parent item `body/1` → `body/1`" in md
    assert "- `body/1` → `body/1` (modified, " in md
    assert "~~Bộ~~ _Sở_" in md
    html = render_html(result, lang="en")
    assert 'id="p-body/1"' in html and "body/1 → body/1" in html
    assert "sentence: «Giao Bộ Tài nguyên" in html
    with zipfile.ZipFile(io.BytesIO(render_docx(result, lang="en"))) as z:
        comments = z.read("word/comments.xml").decode("utf-8")
        document = z.read("word/document.xml").decode("utf-8")
    assert "From the higher-tier unit(s): body/1 (modified" in comments
    assert "Sở" in document and "Tài nguyên" in document and "<w:del " in document


def test_the_folder_reports_show_the_prose_link(files, tmp_path):
    out = tmp_path / "report"
    res = CliRunner().invoke(app, ["analyse", str(files[0].parents[1]), "-o", str(out), "--no-cache",
                                   "--format", "html,pairs,docx,md,csv"])
    assert res.exit_code == 0, res.output
    index = (out / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="[^"]*gzip[^"]*" id="[^"]*">(.*?)</script>', index, re.S)
    data = "\n".join(line for block in blocks for line in unpack(block))  # the explorer's packed data
    assert "body/1" in data and "Giao Bộ Tài nguyên" in data
    assert '"body/1","modified"' in data  # the matrix cell: modified
    assert "sửa đổi" in index  # and its label, in Vietnamese
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "body/1" in md
    links = list(csv.DictReader(io.StringIO((out / "links.csv").read_text(encoding="utf-8-sig"))))
    assert {(r["parent_unit"], r["child_unit"], r["relation"]) for r in links} >= {("body/1", "body/1", "modified")}
    assert {r["strength"] for r in links} <= {"copied", "adapted", "paraphrased"}
    assert list(out.glob("pairs/*.docx")) and list(out.glob("pairs/*.html"))


# --- warnings -------------------------------------------------------------------------------------------


def test_a_reversed_pair_is_warned_about(files):
    res = CliRunner().invoke(app, ["link", str(files[1]), str(files[0]), "--format", "json"])
    assert res.exit_code == 0
    assert "warning:" in res.stderr and "(reversed)" in res.stderr
    result = link_letters(parse_letter(files[1]), parse_letter(files[0]))
    messages = [w.message for w in result.warnings if w.code == "reversed"]
    assert any("higher tier (central)" in m for m in messages)
    assert any("dated 2024-03-12, before the parent" in m for m in messages)


def test_an_unrelated_pair_is_warned_about(tmp_path):
    parent, child = pair(tmp_path, item("1.", "Tổ chức hội nghị quán triệt Nghị quyết cho cán bộ chủ chốt trong "
                                              "tháng 6 năm 2024 bằng hình thức trực tuyến."),
                         item("1.", "Rà soát, sửa chữa hệ thống kênh mương nội đồng trước mùa mưa lũ, bảo đảm "
                                    "an toàn cho các hộ dân ven sông."),
                         child_preamble="Thực hiện Kế hoạch số 77-KH/TU ngày 02/4/2024 của Tỉnh ủy về công tác "
                                        "phòng chống thiên tai, Ban Thường vụ Huyện ủy đề nghị:")
    result = link_letters(parent, child)
    assert result.links == []
    assert [w.code for w in result.warnings] == ["unrelated"]
    assert "cites something else" in result.warnings[0].message


def test_a_real_child_gets_no_warning(result):
    assert result.warnings == []


# --- sentences, abbreviations, levels ------------------------------------------------------------------


def test_sentences_split_at_full_stops_and_semicolons_not_after_abbreviations():
    text = "Tổ chức hội nghị tại TP. Hồ Chí Minh vào tháng 6; mời đại biểu các tỉnh. Báo cáo kết quả trước ngày 30."
    spans = sentence_spans(text)
    assert [text[a:b].strip() for a, b in spans] == [
        "Tổ chức hội nghị tại TP. Hồ Chí Minh vào tháng 6;", "mời đại biểu các tỉnh.",
        "Báo cáo kết quả trước ngày 30."]


@given(st.text(alphabet="abc đ.;:!? \nXY", max_size=80))
def test_sentences_cover_the_text_in_order(text):
    spans = sentence_spans(text)
    assert all(a < b for a, b in spans)
    assert all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1))
    if text:
        assert spans[0][0] == 0 and spans[-1][1] == len(text)


def test_abbreviations_are_read_from_the_initials_the_letters_spell_out():
    texts = ["phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
             "nghiên cứu khoa học, công nghệ, đổi mới sáng tạo trong doanh nghiệp",
             "đột phá phát triển KH,CN,ĐMST và chuyển đổi số quốc gia"]
    found = initial_abbreviations(texts)
    assert found["ĐMST"] == ["đổi", "mới", "sáng", "tạo"] and found["KH"] == ["khoa", "học"]
    keys = keys_of(tokenize(texts[2], found))
    assert keys[4:12] == ["khoa", "học", "công", "nghệ", "đổi", "mới", "sáng", "tạo"]
    assert "II" not in initial_abbreviations(["II. NỘI DUNG", "ịi ịi"])  # roman numerals are labels


def test_a_sentence_carried_into_a_long_child_unit_links_it(tmp_path):
    """Restructuring: a child bullet gathers sentences of two parent items; the second source is found by
    its sentence (key terms) although word runs explain the bullet from the first."""
    first = ("Rà soát, sửa đổi, bổ sung các quy định về đầu tư công, mua sắm công đối với hoạt động nghiên cứu khoa "
             "học, bảo đảm thủ tục đơn giản, thuận lợi cho nhà khoa học và doanh nghiệp.")
    second = ("Hình thành các quỹ đầu tư mạo hiểm cho khởi nghiệp sáng tạo, ươm tạo công nghệ và chuyển đổi số "
              "với sự tham gia của các doanh nghiệp lớn trong nước và ngoài nước.")
    child_bullet = (first.rstrip(".") + "; " + second[0].lower() + second[1:-1] + "; đề xuất bổ sung vào chương "
                    "trình xây dựng luật năm 2025 của Quốc hội.")
    parent, child = pair(tmp_path, item("1.", "Hoàn thiện thể chế", f"- {first}") + item("2.", "Tăng cường đầu tư",
                                                                                         f"- {second}"),
                         item("1.", "Nhiệm vụ của Ủy ban", f"- {child_bullet}"))
    result = link_letters(parent, child)
    sources = {lk.parent: lk for lk in result.links if lk.child == "1/1"}
    assert set(sources) == {"1/1", "2/1"}
    second_link = sources["2/1"]
    assert second_link.sentences, "the sentence pair behind the link"
    s = second_link.sentences[0]
    assert child.items[0].blocks[0].text[s.child_start : s.child_end].startswith("hình thành các quỹ")
    assert {(il.parent_item, il.child_item) for il in result.item_links} >= {("1", "1"), ("2", "1")}


def test_a_child_item_that_splits_one_parent_item_is_linked_to_it_as_a_whole(tmp_path):
    lead = "Nâng cao nhận thức, đổi mới tư duy về phát triển khoa học, công nghệ và chuyển đổi số quốc gia"
    bullets = ["Tuyên truyền sâu rộng trong toàn xã hội về vai trò của khoa học, công nghệ, đổi mới sáng tạo và "
               "chuyển đổi số đối với sự phát triển của đất nước.",
               "Người đứng đầu cấp ủy, chính quyền trực tiếp phụ trách, chỉ đạo công tác chuyển đổi số tại cơ quan, "
               "đơn vị mình và chịu trách nhiệm về kết quả thực hiện.",
               "Đưa kết quả thực hiện nhiệm vụ chuyển đổi số là tiêu chí đánh giá, xếp loại cán bộ và tổ chức "
               "đảng hằng năm."]
    parent_lines = item("1.", lead, *(f"- {b}" for b in bullets))
    child_lines = item("1.", lead) + [f"{c}) {b}" for c, b in zip("abc", bullets, strict=True)]
    parent, child = pair(tmp_path, parent_lines, child_lines)
    result = link_letters(parent, child)
    assert {lk.child for lk in result.links} >= {"1", "1.a", "1.b", "1.c"}  # unit links stay fine-grained
    assert {(il.parent_item, il.child_item) for il in result.item_links} == {("1", "1")}


def test_a_paraphrased_link_is_shown_as_such_never_as_kept(tmp_path):
    """A further source said in other words: linked by key terms alone — its cosine is under
    `sentence_min`, but its closest parent sentence stands out from every other parent unit's
    (`distinct_min`, `distinct_margin`) — relation and strength `paraphrased`, and the reports say so."""
    first, second, bullet = REFORM, FUNDS, REFORM_AND_FUNDS_BULLET
    parent, child = pair(tmp_path, item("1.", "Hoàn thiện thể chế", f"- {first}") + item("2.", "Tăng cường đầu tư",
                                                                                         f"- {second}"),
                         item("1.", "Nhiệm vụ của Ủy ban", f"- {bullet}"))
    without_distinct = dataclasses.replace(DEFAULT_SETTINGS, distinct_min=2.0)
    assert {lk.parent for lk in link_letters(parent, child, without_distinct).links} == {"1/1"}
    result = link_letters(parent, child)
    link = next(lk for lk in result.links if lk.parent == "2/1")
    assert link.strength is Strength.PARAPHRASED and link.relation is Relation.PARAPHRASED
    assert DEFAULT_SETTINGS.distinct_min <= link.score < DEFAULT_SETTINGS.sentence_min
    item_link = next(il for il in result.item_links if il.parent_item == "2")
    assert item_link.relation is Relation.PARAPHRASED and item_link.strength is Strength.PARAPHRASED
    assert "(paraphrased, paraphrased " in render_markdown(result)
    assert 'class="rel paraphrased"' in render_html(result)
