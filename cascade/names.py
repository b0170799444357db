"""Lines that only name a body: evidence of a mention, never of a source.

A plan's who-does-what heading ("Trung ương Đoàn TNCS Hồ Chí Minh") is found inside any child paragraph
that names the same body ("Giải khuyến khích: Bằng khen của Trung ương Đoàn TNCS Hồ Chí Minh …"), and a
signature line the parser left among the items ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN") inside the parent's
closing request ("Ban Bí thư Trung ương Đoàn đề nghị …"): word runs cover the short side whole
(bench/heldout_pairs 01, 06). A name line links to a name line — the same office's heading in both
letters, the tier words mapped — and to nothing longer.
"""

import re

from cascade.units import Unit
from parsers.lexicon import ORGANISATION_RE
from parsers.normalise import normalise_tones

_WORD_RE = re.compile(r"[^\W\d_]+")
NAME_MAX_WORDS = 12  # a heading-sized line (cascade.align: twice `short_shingles` word pairs)
NAME_CAPITALISED = 0.75  # share of capitalised words from which a mixed-case line is a name


def is_name_line(text: str) -> bool:
    """A short line that is a body's (or a place's) name: mostly capitalised words ("Trung ương Đoàn TNCS Hồ
    Chí Minh", "Hà Nội"), or a known organisation covering most of it ("BAN BÍ THƯ TRUNG ƯƠNG ĐOÀN", "Ban
    Tuyên giáo Tỉnh ủy"); never an all-capitals section heading ("TỔ CHỨC THỰC HIỆN", "GIẢI THƯỞNG")."""
    words = _WORD_RE.findall(text)
    if not words or len(words) > NAME_MAX_WORDS:
        return False
    plain = normalise_tones(text.strip().rstrip(".:;"))
    m = ORGANISATION_RE.match(plain)
    if m and len(_WORD_RE.findall(m.group(0))) * 2 >= len(words):
        return True
    if text.isupper():
        return False
    return sum(w[0].isupper() for w in words) >= NAME_CAPITALISED * len(words) and words[0][0].isupper()


def name_mentions(parent: list[Unit], child: list[Unit], links: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The links between a name line and a unit that is not one (frame units left alone)."""
    p_name: dict[int, bool] = {}
    c_name: dict[int, bool] = {}
    out = set()
    for i, j in links:
        if parent[i].frame or child[j].frame:
            continue
        if i not in p_name:
            p_name[i] = is_name_line(parent[i].text)
        if j not in c_name:
            c_name[j] = is_name_line(child[j].text)
        if p_name[i] != c_name[j]:
            out.add((i, j))
    return out


__all__ = ["is_name_line", "name_mentions"]
