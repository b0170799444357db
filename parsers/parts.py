"""The documents inside one file: the letter itself, then each document it issues or carries.

A Quyết định that issues a Kế hoạch "ban hành kèm theo", a Nghị quyết with its Chương trình hành động, a
Kế hoạch with its Thể lệ or Phụ lục, a công văn sending a draft report for comment: each part gets its own
heading, item tree and footer. A part begins
- at an attachment's title block, found from its issuing line "(Ban hành kèm theo Quyết định số …)";
- at a "PHỤ LỤC …" heading;
- after a footer ("Nơi nhận", signature) that is followed by more numbered text: what follows is another
  document (its title, often its own header).
The first part is the letter; its header is read as before. Nothing here depends on the wording of one file.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from parsers import patterns as P
from parsers.items import classify_line
from parsers.lines import Line, is_upper

_SEAL_RE = re.compile(r"^\s*[(\[]\s*(?:dấu|đã\s+ký|ký|chữ\s+ký)\b", re.I)
# A document-type title alone on its line ("KẾ HOẠCH", "THỂ LỆ", "QUY CHẾ"): in a body, an attachment begins.
# Not "QUYẾT ĐỊNH" / "NGHỊ QUYẾT": a decision writes its operative verb that way above its own Điều 1.
_STANDALONE_TITLE_RE = re.compile(
    rf"^(?:{'|'.join(t for t in P.DOC_TYPE_TITLES if t not in ('QUYẾT ĐỊNH', 'NGHỊ QUYẾT'))}"
    r"|THỂ\s+LỆ|ĐỀ\s+CƯƠNG|ĐIỀU\s+LỆ|NỘI\s+QUY)$"
)
_NOTE_RE = re.compile(r"^\s*[(\[][^()\[\]]{1,60}[)\]]\s*$")
_NAME_RE = re.compile(rf"^(?:[{P.UP}][{P.VN_LOWER}]*\.?\s+){{1,5}}[{P.UP}][{P.VN_LOWER}]*$")
_TITLE_WORDS = sorted((*P.DOC_TYPE_TITLES, "THỂ LỆ", "ĐỀ CƯƠNG", "ĐIỀU LỆ", "DỰ THẢO", "DANH MỤC", "DANH SÁCH",
                       "NỘI QUY", "TÀI LIỆU"), key=len, reverse=True)


@dataclass
class PartRange:
    """Lines [start, end) of one part; its heading (title, subject, issuing line) is [start, heading_end)."""

    start: int
    end: int
    heading_end: int
    label: str
    issued_with: int | None = None  # index of the "(Ban hành kèm theo …)" line


def _text(lines: Sequence[Line], i: int) -> str:
    return lines[i].text


def _is_header_line(t: str) -> bool:
    """Lines of a document header that may stand before an attachment's title."""
    return bool(P.NATIONAL_RE.search(t) or P.MOTTO_RE.search(t) or P.PARTY_HEADER_RE.search(t)
                or P.STAR_RE.match(t) or P.RULE_RE.match(t) or P.SO_LINE_RE.match(t) or P.PLACE_DATE_RE.search(t))


def _is_footer_start(t: str) -> bool:
    return bool(P.NOI_NHAN_RE.match(t) or (P.SIGN_AUTH_RE.match(t) and is_upper(t)))


def _footer_end(lines: Sequence[Line], kinds: Sequence[str], i: int, stop: int) -> int:
    """First line after the footer (cc list, signature, signer, seal notes) that begins at line i."""
    mode = ""
    k = i
    while k < stop:
        line = lines[k]
        t = line.text
        if not t or P.RULE_RE.match(t):
            k += 1
            continue
        kind = kinds[k]
        if P.NOI_NHAN_RE.match(t):
            mode = "cc"
        elif mode == "cc" and kind != "item" and (kind == "bullet" or (len(t) <= 110 and not is_upper(t))):
            if re.match(r"^(?:[-–+•]\s*)?Lưu\b", t):
                mode = "cc-done"
        elif (P.SIGN_AUTH_RE.match(t) or P.POSITION_RE.match(t)) and is_upper(t) and len(t) <= 80:
            mode = "sig"
        elif P.SIGNED_NOTE_RE.match(t) or _SEAL_RE.match(t) or (_NOTE_RE.match(t) and mode):
            pass  # "(Đã ký)", "(Dấu …)", "(để báo cáo)"
        elif mode == "sig" and is_upper(t) and len(t) <= 60:
            pass  # the position over two lines
        elif mode and _NAME_RE.match(t) and len(t) <= 40:
            mode = "signed"  # in a flattened two-column footer the name may follow the cc list
        else:
            break
        k += 1
    return k


def _substantive(lines: Sequence[Line], kinds: Sequence[str], start: int, stop: int, titled: bool = False) -> bool:
    """Does [start, stop) hold a document body: a numbered item, or (`titled`: under an upper-case title)
    a few full paragraphs?"""
    long_lines = 0
    first = next((i for i in range(start, stop) if lines[i].text), None)
    if first is None:
        return False
    for i in range(first, stop):
        t = lines[i].text
        if not t:
            continue
        if kinds[i] == "item":
            return True
        long_lines += len(t) > 80
        if titled and long_lines >= 3 and is_upper(lines[first].text):
            return True
    return False


def _item_follows(lines: Sequence[Line], kinds: Sequence[str], i: int, stop: int) -> bool:
    """A numbered item within the next few lines (a title, its subject, an issuing line, then the items)."""
    seen = 0
    for j in range(i + 1, stop):
        if not lines[j].text:
            continue
        if kinds[j] == "item":
            return True
        seen += 1
        if seen > 5:
            return False
    return False


def _has_body(lines: Sequence[Line], kinds: Sequence[str], start: int, stop: int) -> bool:
    """Does the part before a new part's start hold anything but header lines (a table frame, a title)?"""
    for i in range(start, stop):
        t = lines[i].text
        if t and (kinds[i] == "item" or _is_footer_start(t) or
                  (len(t) > 80 and not _is_header_line(t) and not t.startswith("|"))):
            return True
    return False


def _title_start(lines: Sequence[Line], kinds: Sequence[str], w: int, floor: int) -> int | None:
    """The upper-case title line above an issuing line (over at most four subject lines), or None."""
    k = w - 1
    seen = 0
    title = None
    while k >= floor and seen < 6:
        t = _text(lines, k)
        if not t:
            k -= 1
            continue
        kind = kinds[k]
        if kind in ("item", "bullet") or len(t) > 250 or _is_footer_start(t):
            break
        if is_upper(t) or P.ANNEX_RE.match(t):
            title = k
        elif title is not None:
            break  # a sentence above the title block
        seen += 1
        k -= 1
    return title


def _back_over_header(lines: Sequence[Line], kinds: Sequence[str], start: int, floor: int) -> int:
    """Extend a part's start back over the header lines (national title, issuer, Số, date) above its title,
    never past a page break or into the footer above."""
    k = start
    j = start - 1
    while j >= floor:
        line = lines[j]
        t = line.text
        if line.noise == "page":
            break
        if not t:
            j -= 1
            continue
        if _is_header_line(t) or (is_upper(t) and len(t) <= 80 and not P.SIGN_AUTH_RE.match(t)
                                  and not P.POSITION_RE.match(t) and kinds[j] == "para"):
            k = j
            j -= 1
            continue
        break
    return k


def _upper_words(t: str) -> str:
    """The leading upper-case words of a line ("DỰ THẢO BÁO CÁO Kết quả …" → "DỰ THẢO BÁO CÁO")."""
    words = []
    for w in t.replace("/", " ").replace(".", " ").split():
        if not is_upper(w + w) and not re.fullmatch(r"[\d()\-–,:]+", w):
            break
        words.append(w)
    return " ".join(words).strip(" ,:-–")


def _label(lines: Sequence[Line], start: int, heading_end: int) -> str:
    """Printed words naming a part: "PHỤ LỤC 1A", "Phụ lục 2", "KẾ HOẠCH", "THỂ LỆ", or its title's words."""
    for i in range(start, heading_end):
        a = P.ANNEX_RE.match(_text(lines, i))
        if a:
            words = re.sub(r"\s+", " ", a.group("word"))
            return f"{words} {a.group('no')}" if a.group("no") else words
    for i in range(start, heading_end):
        t = _text(lines, i)
        if not t or _is_header_line(t):
            continue
        for w in _TITLE_WORDS:
            if t.startswith(w) and (len(t) == len(w) or not t[len(w)].isalpha()):
                return w
        head = _upper_words(t)
        if len(head.split()) >= 2 and (is_upper(t) or lines[i].md_level):
            return " ".join(head.split()[:10])
    return "PHỤ LỤC"


def _heading_end(lines: Sequence[Line], kinds: Sequence[str], start: int, stop: int) -> tuple[int, int | None]:
    """End of an attachment's heading: its header lines, title, subject lines and issuing line."""
    k = start
    subject = 0
    titled = False
    while k < stop:
        t = _text(lines, k)
        if not t:
            k += 1
            continue
        kind = kinds[k]
        if kind == "item" or (kind == "bullet" and not lines[k].lost_bullet) or P.KINH_GUI_RE.match(t):
            break
        if P.ISSUED_WITH_RE.match(t) and len(t) <= 300:
            issued = k
            k += 1
            if "(" in t and ")" not in t[t.index("(") :]:
                while k < stop and _text(lines, k) and ")" not in _text(lines, k) and k - issued < 3:
                    k += 1
                k += 1 if k < stop and ")" in _text(lines, k) else 0
            return min(k, stop), issued
        if _is_header_line(t):
            k += 1
            continue
        if not titled and (is_upper(t) or P.ANNEX_RE.match(t) or _upper_words(t) or lines[k].md_level):
            titled = True
        elif titled and is_upper(t) and subject == 0:
            pass  # the title goes on
        elif titled and subject < 4 and len(t) <= 250:
            subject += 1
        else:
            break
        k += 1
    return min(k, stop), None


def find_parts(lines: Sequence[Line], body_start: int) -> list[PartRange]:
    """Split the lines into parts; `body_start` is where the letter's own header ends."""
    n = len(lines)
    kinds = [classify_line(line)[0] for line in lines]
    first_content = next((i for i in range(body_start, n) if lines[i].text), n)
    starts: dict[int, int | None] = {}  # part start → its issuing line
    floor = first_content + 1
    for i in range(floor, n):
        t = lines[i].text
        if not t or lines[i].table is not None:
            continue
        if P.ISSUED_WITH_RE.match(t) and len(t) <= 300:
            title = _title_start(lines, kinds, i, floor)
            if title is not None:
                starts[_back_over_header(lines, kinds, title, floor)] = i
        elif P.ANNEX_RE.match(t) and len(t) <= 200 and kinds[i] != "item":
            starts.setdefault(_back_over_header(lines, kinds, i, floor), None)
        elif _STANDALONE_TITLE_RE.match(t) and _item_follows(lines, kinds, i, n) \
                and "item" in kinds[floor:i]:
            starts.setdefault(_back_over_header(lines, kinds, i, floor), None)  # "KẾ HOẠCH" alone, its items below
        elif _is_footer_start(t):
            end = _footer_end(lines, kinds, i, n)
            nxt = next((j for j in range(end, n) if lines[j].text), n)
            if nxt < n and _substantive(lines, kinds, nxt, n, titled=True):
                starts.setdefault(nxt, None)
    ordered = sorted(s for s in starts if s > first_content)
    merged: list[int] = []
    for s in ordered:
        if merged and s - merged[-1] <= 6 and not _substantive(lines, kinds, merged[-1], s):
            continue  # one heading found twice (after the footer and at its issuing line)
        if not _has_body(lines, kinds, merged[-1] if merged else 0, s):
            continue  # nothing but a header or a table frame before it: the file is that document
        merged.append(s)
    bounds = [0, *merged, n]
    parts = [PartRange(0, bounds[1], body_start, "")]
    for s, e in pairwise(bounds[1:]):
        heading_end, issued = _heading_end(lines, kinds, s, e)
        if issued is None:
            issued = next((starts[x] for x in starts if s <= x < heading_end and starts[x] is not None), None)
        parts.append(PartRange(s, e, heading_end, _label(lines, s, heading_end), issued))
    return parts
