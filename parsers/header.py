"""The header facts: issuer and its parent body, motto, number/symbol, place and date, title, subject."""

import datetime as dt
import re
from collections.abc import Sequence

from models import Header, ParseWarning
from parsers import patterns as P
from parsers.lexicon import DOC_TYPE_CODES
from parsers.lines import SEGMENT_SPLIT_RE, Line, is_upper
from parsers.normalise import clean_text

_DRAFT_BLANK_RE = re.compile(r"(?P<a>\bSố\s*:?|\bngày|\btháng)[ \t\u00a0]{2,}(?=[-–/]|tháng|năm)", re.I)


def split_header_segments(lines: Sequence[Line]) -> list[str]:
    segs = []
    for line in lines:
        for seg in SEGMENT_SPLIT_RE.split(_DRAFT_BLANK_RE.sub(r"\g<a> ", line.raw)):
            text = clean_text(seg)
            if text:
                segs.append(text)
    return segs


_ADMIN_START_RE = re.compile(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU|VÀ)\b")
_ADMIN_ANY_RE = re.compile(r"\b(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)\b")


def _issuer_lines(candidates: list[str]) -> list[str]:
    """Join organisation names broken over two lines ("ỦY BAN NHÂN DÂN" / "TỈNH BÌNH PHƯỚC")."""
    out: list[str] = []
    for c in candidates:
        if out and ((_ADMIN_START_RE.match(c) and not _ADMIN_ANY_RE.search(out[-1].replace("ỦY BAN", "")))
                    or out[-1].endswith((",", " VÀ")) or c.startswith("VÀ ")):
            out[-1] = f"{out[-1]} {c}"
        else:
            out.append(c)
    return out


def _parse_symbol(header: Header, so: re.Match[str]) -> None:
    no, sep, tail = so.group("no"), so.group("sep"), so.group("tail").rstrip(".,;")
    written = f"{no or ''}{'-' if sep != '/' else '/'}{tail}"
    header.symbol = re.sub(r"\s+", "", written)
    header.number = no
    if sep != "/":
        m = re.match(rf"(?P<type>{P.ABBR}){P.SP}/{P.SP}(?P<issuer>.+)$", tail)
        if m:
            header.doc_type, header.issuer_code = m.group("type"), m.group("issuer")
        return
    groups = [g for g in re.split(rf"{P.DASH}|/", tail) if g]
    groups = [g for g in groups if not re.fullmatch(P.YEAR, g)]
    if not groups:
        return
    if groups[0] in DOC_TYPE_CODES and len(groups) > 1:
        # joint issuers stay together: "02/2011/TTLT-VPCP-BNV" → VPCP-BNV
        header.doc_type, header.issuer_code = groups[0], "-".join(groups[1:])
    else:  # state công văn: "12/UBND-VX" — issuer, then drafting unit; no type code
        header.doc_type, header.issuer_code = "CV", groups[0]


def read_header(lines: Sequence[Line], warnings: list[ParseWarning]) -> Header:
    header = Header(raw="\n".join(ln.raw for ln in lines).strip("\n"))
    segs = split_header_segments(lines)
    issuer_candidates: list[str] = []
    subject: list[str] = []
    in_subject = False
    seen_marker = False
    for seg in segs:
        if P.NATIONAL_RE.search(seg) or P.MOTTO_RE.search(seg) or P.PARTY_HEADER_RE.search(seg):
            header.motto.append(seg)
            in_subject = False
            continue
        if P.STAR_RE.match(seg) or P.RULE_RE.match(seg):
            seen_marker = True
            in_subject = False
            continue
        so = P.SO_LINE_RE.match(seg)
        if so and header.symbol is None:
            _parse_symbol(header, so)
            seen_marker, in_subject = True, False
            continue
        pd = P.PLACE_DATE_RE.search(seg)
        if pd and header.place is None:
            header.place = pd.group("place").strip()
            if pd.group("d") and pd.group("m"):
                try:
                    header.date = dt.date(int(pd.group("y")), int(pd.group("m")), int(pd.group("d")))
                except ValueError:
                    warnings.append(ParseWarning(code="bad-date", message=f"impossible date in {seg!r}"))
            else:
                warnings.append(ParseWarning(code="incomplete-date", message=f"date left blank: {seg!r}"))
            in_subject = False
            continue
        vv = P.VV_RE.match(seg)
        if vv:
            subject, in_subject, seen_marker = [vv.group("subject").strip()], True, True
            continue
        title = P.TITLE_RE.match(seg)
        if title and header.title is None:
            header.title, in_subject, seen_marker = title.group("title"), True, True
            subject = []
            continue
        if in_subject:
            subject.append(seg)
            continue
        if (is_upper(seg) and not seen_marker) or (is_upper(seg) and not issuer_candidates):
            issuer_candidates.append(seg)
    if subject:
        header.subject = " ".join(subject)
    orgs = _issuer_lines(issuer_candidates)
    if orgs:
        header.issuer = orgs[-1]
        header.parent_issuer = orgs[-2] if len(orgs) > 1 else None
    if header.doc_type is None and header.title:
        header.doc_type = P.TITLE_CODES.get(header.title)
    return header
