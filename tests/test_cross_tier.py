"""Real cross-tier cascades (bench/heldout_pairs 08-10: a Prime Minister's decision, a city's plan, a
ministry's follow-up letter, a ministry's circular): the layouts and link classes they showed, each built
in code after the real example."""

from letter_factory import build_letter

from cascade.units import letter_units


def test_a_point_printed_with_its_khoans_path_is_that_khoans_point(tmp_path):
    # the city's plan: "2.1. Bước 1:" / "2.1.a. Thành lập Ban Chỉ đạo …:" / "2.1.b. Hướng dẫn …:" / "2.2. Bước 2: …"
    body = [
        "1. Trình tự lập và phê duyệt danh sách",
        "1.1. Bước 1:",
        "1.1.a. Thành lập tổ công tác ở từng xã, phường:",
        "Ủy ban nhân dân xã thành lập tổ công tác gồm cán bộ địa chính, lao động và đại diện các đoàn thể.",
        "1.1.b. Hướng dẫn và tiếp nhận hồ sơ:",
        "Các thôn, tổ dân phố phổ biến tiêu chuẩn và nhận đơn của các hộ gia đình.",
        "1.2. Bước 2: Kiểm tra hiện trạng nhà ở của từng hộ có đơn.",
        "2. Yêu cầu kỹ thuật",
        "2.1. Yêu cầu về chất lượng:",
        "2.1.a) Sở Xây dựng thiết kế tối thiểu 03 mẫu nhà ở điển hình.",
        "2.1.b) Nhà ở sau khi xây dựng phải bảo đảm diện tích tối thiểu 30 m2.",
    ]
    letter = build_letter(tmp_path, "plan.txt", body)
    ids = [u.id for u in letter_units(letter) if u.is_item]
    assert ids == ["1", "1.1", "1.1.a", "1.1.b", "1.2", "2", "2.1", "2.1.a", "2.1.b"]
    point = next(u for u in letter_units(letter) if u.id == "1.1.a")
    assert point.text.startswith("Thành lập tổ công tác")
