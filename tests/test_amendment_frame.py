"""The formula an amending text opens each change with ("Sửa đổi, bổ sung hướng dẫn tại khoản 2 Điều 16 … như sau:",
"Bãi bỏ …", OCR'd "Sửa déi, bé sung") frames the change as a lead-in frames a letter: every change of the text says
it, so it is no evidence that two changes are one (bench/heldout_pairs 18). What the change names and says links."""

import pytest
from letter_factory import item, pair

from cascade.linking import link_letters
from cascade.units import frame_masks, letter_units

# Two changes of one circular, in unrelated matters
INVOICE = ("“b) Người bán phải lập hóa đơn khi bán hàng hóa, cung ứng dịch vụ, kể cả hàng hóa dùng để khuyến mại, "
           "quảng cáo, hàng mẫu, biếu, tặng, trao đổi và tiêu dùng nội bộ.”")
REFUND = ("“c) Cá nhân cư trú có số thuế nộp thừa được hoàn thuế hoặc bù trừ vào kỳ khai thuế tiếp theo khi nộp "
          "tờ khai quyết toán thuế thu nhập cá nhân cho cơ quan thuế quản lý trực tiếp.”")
# A change of the child's own (another khoản of the same Điều), under the same formula
OWN = ("“Trường hợp tổ chức trả thu nhập đã chấm dứt hoạt động thì cơ quan thuế căn cứ cơ sở dữ liệu của ngành "
       "để xem xét hồ sơ quyết toán mà không bắt buộc phải có chứng từ khấu trừ.”")


def _pair(tmp_path, formula: str):
    parent = [*item("1.", f"{formula} điểm b, c khoản 1 Điều 16 như sau:"), INVOICE,
              *item("2.", "Sửa đổi điểm c khoản 3 Điều 25 như sau:"), REFUND]
    child = [*item("1.", "Người bán lập hóa đơn khi bán hàng hóa, cung ứng dịch vụ, kể cả hàng hóa dùng để khuyến mại, "
                         "quảng cáo, hàng mẫu, biếu, tặng, trao đổi và tiêu dùng nội bộ."),
             *item("2.", f"{formula} điểm b.2.1, khoản 2 Điều 16 như sau:"), OWN]
    return pair(tmp_path, parent, child)


@pytest.mark.parametrize("formula", ["Sửa đổi, bổ sung hướng dẫn tại", "Sửa đổi, bổ sung", "Bổ sung hướng dẫn tại",
                                     "Sửa đổi"])
def test_the_amendment_formula_alone_links_no_change_to_another(tmp_path, formula):
    parent, child = _pair(tmp_path, formula)
    links = {(il.parent_item, il.child_item) for il in link_letters(parent, child).item_links}
    assert ("1", "1") in links  # the change the child restates
    assert not {lk for lk in links if lk[1] == "2"}, links  # its own change shares the formula and "Điều 16" only


@pytest.mark.parametrize("formula", ["Sửa đổi, bổ sung", "Sửa déi, bé sung", "Bồ sung"])
def test_the_formula_is_masked_but_what_the_change_names_is_not(tmp_path, formula):
    parent, _ = _pair(tmp_path, formula)
    units = letter_units(parent)
    lead = next(u for u in units if u.id == "1")
    masked = [lead.text[a:b].strip() for a, b in frame_masks(parent, units)[lead.id]]
    assert masked == [formula, "như sau:"]
    assert "điểm b, c khoản 1 Điều 16" in lead.text.replace(formula, "")


@pytest.mark.parametrize("text", ["Bổ sung nguồn lực cho các xã khó khăn trong năm 2024.",
                                  "Sửa chữa nhà ở cho hộ nghèo như sau:",
                                  "Tổ chức hội nghị sơ kết theo tỷ lệ như sau:"])
def test_words_of_the_formula_outside_an_amendment_are_content(tmp_path, text):
    parent, _ = pair(tmp_path, [*item("1.", text)], [*item("1.", text)])
    units = letter_units(parent)
    assert "1" not in frame_masks(parent, units)
