"""Near-miss citations weighed as a whole (how closely number and date agree, with the child's text
and header), among many letters of one issuer code; and the rare vote that keeps a district with
much text of its own among the candidates when the capped postings leave it out."""

from pathlib import Path

import numpy as np
from letter_factory import SENTENCES

from cascade.corpus import CorpusSettings, build_index, detect_parents
from models.corpus import ParentEvidence
from parsers import parse_letter

SHARED = SENTENCES[:6]  # text every district carries from the province


def _own(k: int) -> list[str]:
    """Two items only district `k` writes (its place, its villages, its figures)."""
    return [f"Huyện ủy huyện Phú Riềng {k} giao Văn phòng theo dõi, tổng hợp kết quả từng tháng ở thôn {k} "
            f"và ấp {k + 7}",
            f"Phấn đấu đến cuối năm {k + 40} chi bộ của huyện Phú Riềng {k} đạt tiêu chuẩn trong sạch, vững mạnh"]


def _letter(issuer: str, symbol: str, date: str, body: list[str], cite: str | None = None,
            above: str | None = None) -> str:
    head = [f"{above}\t\tĐẢNG CỘNG SẢN VIỆT NAM", issuer] if above else [f"{issuer}\t\tĐẢNG CỘNG SẢN VIỆT NAM"]
    preamble = (f"Thực hiện Công văn số {cite} của Ban Thường vụ Huyện ủy về việc tuyên truyền, " if cite else "")
    preamble += "Ban Thường vụ đề nghị các cơ quan, đơn vị thực hiện tốt một số nội dung sau:"
    items = [f"{n}. {s}." for n, s in enumerate(body, 1)]
    return "\n".join([*head, "*", f"Số {symbol}\t\tPhú Riềng, {date}", "V/v tuyên truyền",
                      "Kính gửi: Các cơ quan, đơn vị.", preamble, *items])


def _districts(tmp_path: Path, n: int, number: callable, day: callable) -> dict[str, str]:
    files = {}
    for k in range(n):
        files[f"huyen-{k:02d}.txt"] = _letter(f"HUYỆN ỦY PHÚ RIỀNG {k}", f"{number(k)}-CV/HU",
                                              f"ngày {day(k)} tháng 6 năm 2024", [*SHARED, *_own(k)])
    return files


def _detect(tmp_path: Path, files: dict[str, str]) -> dict:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    return detect_parents(letters, jobs=1)


def test_a_far_number_of_the_right_date_is_found_among_many_letters_of_that_day(tmp_path: Path) -> None:
    """Thirty district committees write '…-CV/HU' on one day; the commune cites its district's letter
    with a number far off (217 for 66) and the right date: the one holding its text is the parent,
    even though the date lookup alone is bounded to fewer letters than that day holds."""
    files = _districts(tmp_path, 30, number=lambda k: 100 + 7 * k, day=lambda k: 5)
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 12 tháng 6 năm 2024",
                              [*SHARED[:4], *_own(23)], cite="1-CV/HU ngày 05/6/2024")
    nodes = _detect(tmp_path, files)
    link = nodes["xa.txt"].parents[0]
    assert (link.parent, link.evidence) == ("huyen-23.txt", ParentEvidence.NEAR_CITATION)
    assert nodes["xa.txt"].citation_status.value == "near"


def test_another_office_s_letter_of_the_cited_symbol_loses_to_the_one_holding_the_text(tmp_path: Path) -> None:
    """'137-CV/HU of 5 June' is another district's letter; the commune's own district wrote 127 that
    day (a digit slipped) and holds its text, its own items included: weighed as a whole, the slip wins."""
    files = _districts(tmp_path, 2, number=lambda k: (127, 137)[k], day=lambda k: 5)
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 12 tháng 6 năm 2024", [*SHARED, *_own(0)],
                              cite="137-CV/HU ngày 05/6/2024", above="ĐẢNG BỘ HUYỆN PHÚ RIỀNG 0")
    nodes = _detect(tmp_path, files)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["huyen-00.txt"]
    assert nodes["xa.txt"].parents[0].evidence is ParentEvidence.NEAR_CITATION


def test_an_exact_citation_outweighs_a_little_more_text_in_a_near_one(tmp_path: Path) -> None:
    """The cited letter (symbol and date as written) holds somewhat less of the child's text than a
    letter one number off: the exact citation stands."""
    files = _districts(tmp_path, 2, number=lambda k: (40, 41)[k], day=lambda k: 5)
    files["huyen-00.txt"] = _letter("HUYỆN ỦY PHÚ RIỀNG 0", "40-CV/HU", "ngày 5 tháng 6 năm 2024", SHARED)
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 12 tháng 6 năm 2024",
                              [*SHARED, _own(1)[0]], cite="40-CV/HU ngày 05/6/2024")
    nodes = _detect(tmp_path, files)
    assert [p.parent for p in nodes["xa.txt"].parents] == ["huyen-00.txt"]
    assert nodes["xa.txt"].parents[0].evidence is ParentEvidence.CITATION


def test_the_next_number_of_the_register_is_a_slip(tmp_path: Path) -> None:
    """1110 cited for 1109 (two characters differ, one step in the register), the dates ten days
    apart: still a near miss, said so in the reasons."""
    files = _districts(tmp_path, 1, number=lambda k: 1109, day=lambda k: 2)
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 20 tháng 6 năm 2024", [*SHARED, *_own(0)],
                              cite="1110-CV/HU ngày 12/6/2024")
    nodes = _detect(tmp_path, files)
    link = nodes["xa.txt"].parents[0]
    assert (link.parent, link.evidence) == ("huyen-00.txt", ParentEvidence.NEAR_CITATION)
    assert any("slip" in r for r in link.reasons)


def test_a_letter_cut_from_the_capped_postings_is_voted_for_by_its_rare_text(tmp_path: Path) -> None:
    """With a cap of 4 letters per trigram, the shared text votes only for the four most general
    districts; the district that added most of its own is voted for by the text few letters hold."""
    files = _districts(tmp_path, 8, number=lambda k: 30 + k, day=lambda k: 5)
    files["huyen-07.txt"] = _letter("HUYỆN ỦY PHÚ RIỀNG 7", "37-CV/HU", "ngày 5 tháng 6 năm 2024",
                                    [*SHARED, *_own(7), *_own(17), *_own(27)])
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 12 tháng 6 năm 2024", [*SHARED, _own(7)[0]])
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    letters = {name: parse_letter(tmp_path / name) for name in files}
    index = build_index(letters, CorpusSettings(max_postings=4), jobs=1)
    assert "huyen-07.txt" not in index.candidates("xa.txt", 3)
    assert "huyen-07.txt" in index.candidates("xa.txt", 3, rare=2)
    only_above = np.array([p.startswith("huyen-00") for p in index.paths])
    assert "huyen-07.txt" not in index.candidates("xa.txt", 3, rare=2, eligible=only_above)
    assert 0 < index.family_containment("xa.txt", "huyen-07.txt") <= 1
    assert index.family_containment("xa.txt", "huyen-00.txt") < index.family_containment("xa.txt", "huyen-07.txt")


def test_the_date_lookup_keeps_the_letters_holding_the_text_not_the_first_by_path(tmp_path: Path) -> None:
    """Forty district committees write '…-CV/HU' on the cited day, more than the date lookup keeps;
    another office's letter has the cited symbol and date and holds much of the commune's text (so
    the content vote is not consulted). The lookup ranks that day's letters by the text they hold:
    the commune's own district, whose number the clerk miswrote, is among them and wins."""
    files = _districts(tmp_path, 40, number=lambda k: 100 + 7 * k, day=lambda k: 5)
    files["huyen-05.txt"] = _letter("HUYỆN ỦY PHÚ RIỀNG 5", "1-CV/HU", "ngày 5 tháng 6 năm 2024", [*SHARED, *_own(5)])
    files["xa.txt"] = _letter("ĐẢNG ỦY XÃ ĐỨC LIỄU", "7-CV/ĐU", "ngày 12 tháng 6 năm 2024",
                              [*SHARED, *_own(37)], cite="1-CV/HU ngày 05/6/2024")
    nodes = _detect(tmp_path, files)
    assert nodes["xa.txt"].parents[0].parent == "huyen-37.txt"
