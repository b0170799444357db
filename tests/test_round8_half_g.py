"""Half G's classes, built in code: a portal's bracketed web address before a lead that names the letter ("(site.vn)
Theo Công văn số …, UBND huyện đề nghị …"); a body that issues its letter after the clause naming what it carries out
("Thực hiện …; các văn bản …, Ban Chỉ đạo … tỉnh vừa ban hành Công văn số …"); committees named by their task, then
their level ("Hội đồng nghĩa vụ quân sự xã Ngọc Sơn"); a page's pointer to its attached letter; "vừa ra thông báo";
the Prime Minister as a state body; the issuer's own unit named alone in "Nơi nhận"; a Party symbol with a hyphen
where its slash belongs ("18-NQ-TW"); a legal database's status note ("… bị bãi bỏ, thay thế bởi …"); the
instructions of named bodies joined by "và" to the documents carried out."""

from hypothesis import given, settings
from hypothesis import strategies as st
from letter_factory import parse_lines

from models import CitationRole, System, Tier
from parsers.citations import find_citations
from parsers.tier import tier_from_own_level_recipients

LEVELS = [("tỉnh", Tier.PROVINCE), ("huyện", Tier.DISTRICT), ("xã", Tier.COMMUNE), ("phường", Tier.COMMUNE),
          ("thị trấn", Tier.COMMUNE), ("quận", Tier.DISTRICT)]


def _roles(text: str) -> dict[str, bool]:
    return {c.symbol: c.implements for c in find_citations(text, with_roles=True) if c.symbol}


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["hocmon.gov.vn", "www.baotayninh.vn", "sotp.hanoi.gov.vn", "tinhuy.org.vn"]),
       st.integers(100, 9999), st.sampled_from(["Công văn", "Kế hoạch", "Thông báo"]))
def test_a_bracketed_web_address_before_a_lead_that_names_the_letter(site, no, kind):
    code = {"Công văn": "UBND", "Kế hoạch": "KH-UBND", "Thông báo": "TB-UBND"}[kind]
    letter = parse_lines(["20/7/2022 16:18",
                          f"({site}) Theo {kind} số {no}/{code} ngày 18/7/2022, UBND huyện đề nghị Thủ trưởng các "
                          "phòng, ban, ngành thuộc huyện, Chủ tịch UBND các xã - thị trấn tổ chức thực hiện tổng vệ "
                          "sinh triệt nơi sinh sản của muỗi."])
    assert letter.header.symbol == f"{no}/{code}"
    assert (letter.header.issuer, letter.tier) == ("UBND huyện", Tier.DISTRICT)
    assert f"{no}/{code}" not in {c.symbol for c in letter.citations}


def _after_sources(level: str, news: str) -> list[str]:
    return [f"Thực hiện Công điện số 570/CĐ-TTg ngày 02/5/2021 của Thủ tướng Chính phủ về việc chấn chỉnh công tác "
            "phòng, chống dịch COVID-19; Chỉ thị số 12-CT/TU ngày 05/5/2021 của Ban Thường vụ Tỉnh ủy về các biện "
            f"pháp cấp bách; các văn bản chỉ đạo có liên quan của Trung ương, Ban Chỉ đạo phòng, chống dịch bệnh "
            f"COVID-19 {level} {news}ban hành Công văn số 1246/UBND-VX về tăng cường công tác phòng, chống dịch "
            "yêu cầu các cơ quan thực hiện một số nhiệm vụ cụ thể như sau:"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(LEVELS))
def test_a_body_that_issues_its_letter_after_the_clause_of_its_sources(level):
    word, tier = level
    letter = parse_lines(_after_sources(word, "vừa "))
    assert letter.header.symbol == "1246/UBND-VX"
    assert letter.header.issuer == f"Ban Chỉ đạo phòng, chống dịch bệnh COVID-19 {word}"
    assert letter.tier is tier
    roles = {c.symbol: c.role for c in letter.citations}
    assert roles == {"570/CĐ-TTg": CitationRole.IMPLEMENTS, "12-CT/TU": CitationRole.IMPLEMENTS}


def test_without_news_of_the_day_the_issuing_after_the_sources_is_not_read_as_the_letter():
    assert parse_lines(_after_sources("tỉnh", "đã ")).header.symbol is None


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["Hội đồng nghĩa vụ quân sự", "Ban Chỉ đạo xây dựng nông thôn mới", "Ban Chỉ huy Quân sự",
                        "Hội đồng Thi đua - Khen thưởng"]),
       st.sampled_from(LEVELS), st.sampled_from(["", " Ngọc Sơn", " Thạch Hà"]))
def test_a_committee_named_by_its_task_then_its_level_speaks(body, level, name):
    word, tier = level
    letter = parse_lines([f"Căn cứ hướng dẫn số 688/HD – BCH ngày 10/10/2018 của ban CHQS huyện Thạch Hà V/v tuyển "
                          f"chọn và gọi công dân nhập ngũ. Sáng ngày 07/11 {body} {word}{name} phối hợp với Trạm y tế "
                          "tổ chức khám sơ tuyển thanh niên trong độ tuổi thực hiện nghĩa vụ quân sự."])
    assert letter.tier is tier
    assert {c.symbol: c.role for c in letter.citations} == {"688/HD-BCH": CitationRole.IMPLEMENTS}


def test_a_committee_that_names_the_units_it_tasks_is_not_the_speaker():
    letter = parse_lines(["Yêu cầu Ban Chỉ đạo phòng, chống dịch bệnh các huyện thực hiện ngay các biện pháp sau."])
    assert letter.tier is not Tier.DISTRICT


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["Cụ thể xem trong công văn số {s} trong file đính kèm",
                        "Chi tiết nội dung của Công văn số {s} tại đây.", "Xem toàn văn Công văn số {s} tại đây"]),
       st.integers(100, 9999))
def test_a_pointer_to_the_attached_letter_names_it(pointer, no):
    letter = parse_lines(["Phối hợp chỉ đạo công tác khuyến nông", "", pointer.format(s=f"{no}/BNN-KN")])
    assert letter.header.symbol == f"{no}/BNN-KN"
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_a_pointer_to_a_document_the_text_carries_out_is_not_the_letter():
    letter = parse_lines(["Thực hiện Công văn số 2092/BNN-KN ngày 12/3/2024 của Bộ, Trung tâm đề nghị các trạm triển "
                          "khai ngay.", "", "Cụ thể xem trong công văn số 2092/BNN-KN trong file đính kèm"])
    assert letter.header.symbol is None


def test_a_body_that_issues_a_notice_by_ra_thong_bao_speaks():
    letter = parse_lines(["Văn phòng Chính phủ vừa ra thông báo Kết luận của Phó Thủ tướng Chính phủ tại Phiên họp "
                          "thứ ba của Tổ Công tác cải cách thủ tục hành chính."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


def test_the_prime_minister_is_a_state_body():
    letter = parse_lines(["Lập Ban chỉ đạo do Thủ tướng đứng đầu", "",
                          "Thủ tướng vừa ký quyết định thành lập Ban chỉ đạo thực hiện thí điểm không tổ chức HĐND "
                          "huyện, quận, phường."])
    assert (letter.tier, letter.system) == (Tier.CENTRAL, System.STATE)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(LEVELS), st.booleans(), st.booleans())
def test_the_issuers_own_unit_named_alone_in_the_recipients(level, superior, subordinates):
    word, tier = level
    above = {Tier.COMMUNE: "UBND huyện (b/c);", Tier.DISTRICT: "UBND tỉnh (b/c);", Tier.PROVINCE: "Bộ Nội vụ;"}[tier]
    below = {Tier.COMMUNE: "Các tổ dân phố;", Tier.DISTRICT: "UBND các xã, thị trấn;",
             Tier.PROVINCE: "UBND các huyện, thị xã;"}[tier]
    own = [f"Thường trực Đảng ủy, HĐND, UBND {word};", f"MTTQ, các đoàn thể {word};"]
    entries = [*([above] if superior else []), *own, *([below] if subordinates else []), "Lưu: VT."]
    assert tier_from_own_level_recipients(entries)[0] is tier


def test_named_units_and_sets_of_units_in_the_recipients_say_nothing():
    assert tier_from_own_level_recipients(["UBND xã Tân Lập;", "UBND các xã, phường;", "Lưu: VT."])[0] is Tier.UNKNOWN


def test_a_ward_notice_placed_by_its_recipients():
    letter = parse_lines(["Thông báo kết luận thống nhất phương án di chuyển bia và mộ, phường Dương Nội", "",
                          "Người ký văn bản: ", "", "Lã Quang Thức", "", "Nơi nhận: ", "",
                          "- Thường trực Đảng ủy, HĐND, UBND phường;", "", "- MTTQ, các đoàn thể phường;", "",
                          "- Tập đoàn Nam Cường;", "", "- Lưu: VT.", "", "Nội dung thông báo: ", "",
                          "Giải quyết kiến nghị nhận mộ và thống nhất phương án di chuyển ngôi bia đá."])
    assert letter.tier is Tier.COMMUNE


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 999), st.sampled_from(["NQ", "CT", "KL", "HD", "KH"]), st.sampled_from(["TW", "TU", "HU", "ĐU"]),
       st.sampled_from(["-", " - ", "–"]))
def test_a_party_symbol_with_a_hyphen_where_its_slash_belongs(no, kind, committee, dash):
    text = f"Thực hiện văn bản số {no}{dash}{kind}{dash}{committee} ngày 16 tháng 6 năm 2022 của cấp ủy cấp trên."
    assert [c.symbol for c in find_citations(text)] == [f"{no}-{kind}/{committee}"]


def test_hyphenated_state_codes_and_dates_are_not_party_symbols():
    assert find_citations("Ngày 18-11-2002, số 12-KH-UBND và mã 45-AB-TW được ghi.") == []


def _status(own: str, other: str) -> list[str]:
    return [f"Quyết định {own}", "",
            f"Quyết định {own} bổ sung thủ tục hành chính đã được thay thế bởi Quyết định {other} và được áp dụng "
            "kể từ ngày 25/08/2015.", "", "ỦY BAN NHÂN DÂN", "TỈNH BẮC GIANG", "-------", "",
            f"Số: {own}", "", "Bắc Giang, ngày 14 tháng 5 năm 2009", "", "QUYẾT ĐỊNH", "",
            "Căn cứ Quyết định số 81/QĐ-UBND ngày 20/3/2009 của Chủ tịch UBND tỉnh;"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(["đã được thay thế bởi", "bị bãi bỏ, thay thế bởi", "đã được sửa đổi, bổ sung bởi"]))
def test_a_legal_databases_status_note_on_the_letter_is_no_citation(phrase):
    lines = _status("119/QĐ-UBND", "366/QĐ-UBND")
    lines[2] = lines[2].replace("đã được thay thế bởi", phrase)
    letter = parse_lines(lines)
    assert letter.header.symbol == "119/QĐ-UBND"
    assert {c.symbol for c in letter.citations if c.symbol} == {"81/QĐ-UBND"}


def test_a_letter_saying_another_document_was_replaced_keeps_both():
    text = ("Căn cứ Quyết định số 12/QĐ-UBND ngày 02/3/2020 đã được thay thế bởi Quyết định số 34/QĐ-UBND ngày "
            "05/6/2021 của UBND tỉnh.")
    letter = parse_lines(["ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "", "Số: 5/TB-UBND", "", "THÔNG BÁO", "", text])
    assert {"12/QĐ-UBND", "34/QĐ-UBND"} <= {c.symbol for c in letter.citations}


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5), st.lists(st.integers(10, 9999), min_size=1, max_size=4, unique=True))
def test_the_instructions_of_named_bodies_and_the_documents_joined_to_them(n_bodies, numbers):
    bodies = ", ".join(["Bộ Chính trị", "Ban Bí thư", "Chính phủ", "Thủ tướng Chính phủ", "Ban Thường vụ Tỉnh ủy"]
                       [:n_bodies])
    docs = ", ".join(f"Thông báo số {no}/TB-UBND ngày 02/02/2021" for no in numbers)
    text = (f"Chủ tịch UBND huyện yêu cầu các cơ quan tiếp tục triển khai thực hiện nghiêm các chỉ đạo của {bodies} "
            f"và {docs} của UBND tỉnh về tăng cường công tác phòng, chống dịch. Theo Kết luận số 7/TB-VPCP, các xã "
            "báo cáo.")
    roles = _roles(text)
    assert all(roles[f"{no}/TB-UBND"] for no in numbers)
    assert roles["7/TB-VPCP"] is False


def _chasing(answered: bool) -> list[str]:
    rest = ("Sở đã trình nội dung trên đúng hạn." if answered else
            "Tuy nhiên, đến nay qua kiểm tra, rà soát Sở Tài nguyên và Môi trường chưa trình nội dung trên.")
    return ["Ngày 08/4/2021, Văn phòng UBND tỉnh ban hành Văn bản số 404/VPUBND-TCD-NC thông báo ý kiến chỉ đạo của "
            "Chủ tịch UBND tỉnh, giao Sở Tài nguyên và Môi trường trả lời đơn của công dân.", "", rest, "",
            "Văn phòng UBND tỉnh đề nghị Sở Tài nguyên và Môi trường khẩn trương trình nội dung trên trước ngày "
            "30/8/2021."]


def test_a_letter_that_chases_an_earlier_one_is_not_that_letter():
    letter = parse_lines(_chasing(answered=False))
    assert letter.header.symbol is None
    assert {c.symbol: c.role for c in letter.citations} == {"404/VPUBND-TCD-NC": CitationRole.MENTIONS}
    assert letter.tier is Tier.PROVINCE


def test_a_reported_letter_not_chased_stays_the_texts_own():
    assert parse_lines(_chasing(answered=True)).header.symbol == "404/VPUBND-TCD-NC"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from([("Công an", LEVELS), ("Bảo hiểm xã hội", LEVELS[:2]), ("Viện kiểm sát nhân dân", LEVELS[:2]),
                        ("Tòa án nhân dân", LEVELS[:2]), ("Thanh tra", LEVELS[:2]), ("Chi cục Thuế", LEVELS[1:2]),
                        ("Cục Thuế", LEVELS[:1]), ("Chi cục Kiểm lâm", LEVELS[:2])]).flatmap(
           lambda b: st.tuples(st.just(b[0]), st.sampled_from(b[1]))),
       st.booleans(), st.sampled_from(["vừa ký quyết định", "đã phát hành hướng dẫn", "đề nghị", "thông báo"]))
def test_state_bodies_outside_the_committees_speak_at_their_level(body_level, named, verb):
    body, (word, tier) = body_level
    name = {"tỉnh": " Quảng Nam", "huyện": " Thạch Hà", "quận": " Cầu Giấy"}.get(word, " Tân Lập") if named else ""
    letter = parse_lines([f"{body} {word}{name} {verb} các cơ quan, đơn vị trên địa bàn thực hiện ngay việc rà soát, "
                          "báo cáo kết quả trước ngày 30/6/2024."])
    assert (letter.tier, letter.system) == (tier, System.STATE)


def test_the_activity_of_inspection_is_no_body():
    letter = parse_lines(["Tăng cường công tác thanh tra tổ chức kiểm tra việc chấp hành pháp luật trong năm 2024."])
    assert letter.tier is Tier.UNKNOWN
