"""Where each zone of a letter begins and ends: header, "Kính gửi", body, closing, footer."""

import re
from collections.abc import Sequence

from models import Recipient
from parsers import patterns as P
from parsers.items import classify_line
from parsers.lines import SEGMENT_SPLIT_RE, Line, is_upper


def header_end(lines: Sequence[Line], stop: int) -> int:
    """Index after the last header line, scanning the letter's opening lines (no "Kính gửi")."""
    end = 0
    in_subject = False
    subject_lines = 0
    first_table = next((ln.table for ln in lines[:stop] if ln.text), None)
    for i in range(stop):
        line = lines[i]
        t = line.text
        if not t:
            in_subject = in_subject and subject_lines == 0
            continue
        if first_table is not None and line.table == first_table:
            end = i + 1
            continue
        if any(r.search(t) for r in (P.NATIONAL_RE, P.MOTTO_RE, P.PARTY_HEADER_RE)) or P.STAR_RE.match(t) \
                or P.RULE_RE.match(t) or P.SO_LINE_RE.match(t) or P.PLACE_DATE_RE.search(t):
            end = i + 1
            continue
        if P.VV_RE.match(t):
            in_subject, subject_lines, end = True, 1, i + 1  # the V/v line carries its own text
            continue
        if P.TITLE_RE.match(t):
            in_subject, subject_lines, end = True, 0, i + 1
            continue
        if in_subject and subject_lines == 0 and len(t) <= 250 and classify_line(line)[0] != "item":
            subject_lines += 1  # the first line after a title is its summary, whatever verb opens it
            end = i + 1
            continue
        if classify_line(line)[0] == "item" or P.PREAMBLE_OPENER_RE.match(t) or P.KINH_GUI_RE.match(t):
            break
        if in_subject and len(t) <= 250 and subject_lines < 3:
            subject_lines += 1
            end = i + 1
            continue
        if is_upper(t) and len(t) <= 120:
            end = i + 1
            continue
        break
    return end


def read_recipients(lines: Sequence[Line], kg: int, stop: int) -> tuple[list[Recipient], int]:
    """Entries of "Kính gửi": inline, or one per following line until the one ending in "."."""
    out: list[Recipient] = []
    m = P.KINH_GUI_RE.match(lines[kg].text)
    rest = (m.group("rest") if m else "").strip(" *:")
    done = False
    heading_raw = lines[kg].raw  # kept with the first entry so no source text is lost
    if rest:
        out.append(Recipient(text=rest.lstrip("-–• ").strip(), raw=heading_raw))
        heading_raw, done = "", rest.endswith(".")
    j = kg + 1
    while j < stop and not done:
        line = lines[j]
        if line.blank:
            j += 1
            continue
        kind = classify_line(line)[0]
        if kind == "item" or P.PREAMBLE_OPENER_RE.match(line.text):
            break
        is_entry = kind == "bullet" or (len(line.text) <= 150 and not (out and out[-1].text.endswith(".")))
        if not is_entry or (kind != "bullet" and not out and len(line.text) > 150):
            break
        b = P.BULLET_RE.match(line.text)
        raw = f"{heading_raw}\n{line.raw}" if heading_raw else line.raw
        out.append(Recipient(text=(b.group("text") if b else line.text).strip(), raw=raw))
        heading_raw = ""
        j += 1
        done = line.text.rstrip("*").endswith(".")
    if heading_raw:
        return out, kg  # a bare "Kính gửi:" with no entries: leave it to the body
    return out, j


def footer_start(lines: Sequence[Line], body_start: int) -> int:
    """Where "Nơi nhận" or the signature block begins, searched in the last lines only."""
    content = [i for i in range(body_start, len(lines)) if lines[i].text]
    window = content[-30:]
    starts = []
    for i in window:
        for seg in SEGMENT_SPLIT_RE.split(lines[i].text):
            seg = seg.strip()
            if P.NOI_NHAN_RE.match(seg) or (P.SIGN_AUTH_RE.match(seg) and is_upper(seg)) \
                    or (P.POSITION_RE.match(seg) and is_upper(seg) and len(seg) <= 60):
                starts.append(i)
                break
    return min(starts) if starts else len(lines)


_CLOSING_VERB_RE = re.compile(r"\b(?:đề\s+nghị|yêu\s+cầu|trên\s+đây|triển\s+khai\s+thực\s+hiện)\b", re.I)


def closing_start(body: Sequence[Line]) -> int:
    """First line of the closing paragraphs that follow the last item ("Trên đây là …", "… thực hiện./."),
    or len(body) when there are none. Only a run of plain paragraphs at the very end qualifies."""
    trailing: list[int] = []
    for i in range(len(body) - 1, -1, -1):
        if body[i].blank:
            continue
        if classify_line(body[i])[0] != "para":
            break
        trailing.insert(0, i)
    for pos, i in enumerate(trailing):
        text = body[i].text
        opener = P.CLOSING_OPENER_RE.match(text)
        end_marked = P.END_MARK_RE.search(text) and _CLOSING_VERB_RE.search(text)
        if (opener or end_marked) and len(trailing) - pos <= 6:
            return i
    return len(body)
