"""The one parser of document symbols (số, ký hiệu), shared by the header's "Số" line and by citations.

A symbol is written the Party way, number-TYPE/ISSUER ("1383-CV/BTGTU", 36-HD/VPTW), or the state way,
number/[year/]CODE-CODE ("125/KH-UBND", "12/UBND-VX" for a công văn, "30/2020/NĐ-CP", Nghị định 30/2020).
Real copies add: spaces around the separators ("04 -CT/TU", "4144 /GDĐT – VP"), en dashes, unit codes with
digits ("847/UBND-VX1", "ĐĐQH15"), a hyphen lost in PDF-to-text, Party or state ("337KH/TWĐTNMTTN", "92 BC/TWĐTN…",
"61/2018/NĐCP", "1961/QĐUBND"), a number with a letter ("30c/NQ-CP", "30a/2008/NĐ-CP"), and a number left blank in
drafts ("/TB-UBND", "CV/TWĐTNBTG"). `SYMBOL` finds them in running text;
`parse_symbol` reads one into its parts and a canonical spelling.
"""

import re
from dataclasses import dataclass

from parsers.kinds import TYPE_CODES, kind_of_code
from parsers.patterns import ABBR, DASH, SP, SYM_UP, YEAR

_TYPE_ALT = "|".join(sorted((re.escape(c) for c in TYPE_CODES), key=len, reverse=True))
# A glued date after a code: a document list's cells run together ("19/2018/TT-BGDĐT10/10/2018BỘ GIÁO DỤC").
GLUED_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
# A code's digits ("VX1", "ĐĐQH15") never begin such a date.
# An ampersand joins two fields' letters inside a code ("BGD&ĐT", "SNN&PTNT").
_ABBR = rf"[{SYM_UP}](?:[{SYM_UP}a-zđ]|&(?=[{SYM_UP}])|(?!\d{{1,2}}/\d{{1,2}}/\d{{4}})\d)*"
# A code never is one capital before a space and another capital word: "QĐ-UBDT - U BAN DÂN T C" is the symbol,
# then a broken font's heading ("ỦY BAN" that lost its marked letters).
_NOT_HEADING = rf"(?![{SYM_UP}][ \t]+[{SYM_UP}])"
_ISSUER = rf"{_ABBR}(?:{SP}{DASH}{SP}{_NOT_HEADING}{_ABBR})*"
_END = rf"(?:(?![{SYM_UP}a-zđ0-9/])|(?={GLUED_DATE}))"

# A number, perhaps with one letter before its separator ("30c/NQ-CP", Nghị quyết 30c of 2011).
_NO = r"\d{1,5}(?:[a-zđ](?=[ \t]*[-/\u2010-\u2015\u2212]))?"
# Named groups carry a prefix so the fragment can sit inside a bigger pattern.
PARTY = rf"{_NO}{SP}{DASH}{SP}{_ABBR}{SP}/{SP}{_ISSUER}"
# The hyphen lost (PDF-to-text): only with a known type code, so "5 KH/…" is never a stray number.
PARTY_GLUED = rf"\d{{1,5}}[ \t]?(?:{_TYPE_ALT}){SP}/{SP}{_ISSUER}"
# A hyphen where the Party's slash belongs: "Nghị quyết số 18-NQ-TW" (18-NQ/TW). Only a known type code, then a
# Party committee's code (…TW, …TU, …HU, …ĐU), so no state symbol or date reads as one.
PARTY_COMMITTEE = rf"(?:[{SYM_UP}]{{0,8}}(?:TW|TƯ|TU|HU|QU|ĐU)|ThU)"
PARTY_DASHED = rf"\d{{1,5}}{SP}{DASH}{SP}(?:{_TYPE_ALT}){SP}{DASH}{SP}{PARTY_COMMITTEE}(?![{SYM_UP}a-zđ0-9/\-])"
_DASHED_RE = re.compile(rf"^(?P<no>\d{{1,5}})-(?P<type>{_TYPE_ALT})-(?P<issuer>{PARTY_COMMITTEE})$")
# A joint act may put its type before a second slash: "19/2008/NQLT/CP-UBTUMTTQVN" (a liên tịch resolution).
_JOINT = r"[A-ZĐ]{1,4}LT"
# "Giáo dục và Đào tạo" may be written with a space before its ĐT: "01/2016/TT-BGD ĐT", "23/2015/TTLT-BGD ĐT-BNV".
_CODE = rf"{_ABBR}(?:(?<=GD) ĐT(?![A-ZĐa-zđ]))?"
# A National Assembly's act may be written with a space before its legislature's number: "Luật … số 83/2015/QH 13"
# (QH13); a legislature has one or two digits, and nothing numeric follows.
_LEGISLATURE = r"(?:(?<=QH)[ \t](?:1\d|[1-9])(?![\d/.,]\d|\d))"
# A dashed state symbol may end with its legislature's number spaced off too: "819/NQ – UVBTVQH 14" (UVBTVQH14).
STATE = (rf"{_NO}{SP}/{SP}(?:{YEAR}{SP}/{SP})?(?:{_JOINT}{SP}/{SP})?{_CODE}(?:{SP}{DASH}{SP}{_NOT_HEADING}{_CODE})+"
         rf"{_LEGISLATURE}?")
# One code group only ("938/BKHCNKHTC", "45/UBND"): weak, so callers accept it only after "số".
STATE_SHORT = rf"{_NO}{SP}/{SP}(?:{YEAR}{SP}/{SP})?{_ABBR}{_LEGISLATURE}?"
SYMBOL = rf"(?:{PARTY}|{PARTY_GLUED}|{STATE}){_END}"
SYMBOL_RE = re.compile(SYMBOL)


@dataclass(frozen=True)
class Symbol:
    text: str  # canonical: spaces out, dashes "-", the Party hyphen restored ("337-KH/TWĐTNMTTN")
    number: str | None
    year: int | None
    doc_type: str | None  # the type code; "CV" for a state công văn, which has none
    issuer_code: str | None  # the issuer part; joint issuers stay together ("VPCP-BNV")
    party: bool  # written the Party way (number-TYPE/ISSUER)
    typed: bool  # the type code is one of the table's, or the Party form says it is a type

    @property
    def kind(self) -> str | None:
        return kind_of_code(self.doc_type, "party" if self.party else "state")


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", re.sub(DASH, "-", s))


_PART = rf"{ABBR}(?:&{ABBR})*"  # a code of the symbol, its ampersand and all ("BGD&ĐT")
_PARTY_PARTS_RE = re.compile(rf"^(?P<no>\d{{1,5}}[a-zđ]?)?-?(?P<type>{ABBR})/(?P<issuer>{_PART}(?:-{_PART})*)$")
_STATE_PARTS_RE = re.compile(rf"^(?P<no>\d{{1,5}}[a-zđ]?)?/(?:(?P<year>{YEAR})/)?(?:(?P<joint>{_JOINT})/)?"
                             rf"(?P<code>{_PART}(?:-{_PART})*)$")
# A state code whose hyphen a PDF lost ("QĐUBND", "NĐCP", "TTVPCP"): a type code, then an issuer that is
# unmistakably one (the People's Committee and Council, the Government and its office, a ministry "B…" or a
# department "S…" of three letters or more), so a công văn's own code ("UBND", "BCĐ", "HĐND") is never split.
_GLUED_ISSUER_RE = re.compile(rf"^(?:UBND|HĐND|CP|TTg|VPCP|QH|UBTVQH\d*|[BS][{SYM_UP}]{{2,9}})$")
_STATE_TYPES = sorted(TYPE_CODES, key=len, reverse=True)
_GLUED_RE = re.compile(rf"^(?P<no>\d{{1,5}})(?P<type>{_TYPE_ALT})/")


def parse_symbol(written: str) -> Symbol | None:
    """Read one symbol as written (number may be missing); None when it is not a symbol's shape.

    >>> s = parse_symbol("04 -CT/TU"); (s.text, s.doc_type, s.issuer_code, s.party)
    ('04-CT/TU', 'CT', 'TU', True)
    >>> s = parse_symbol("847/UBND-VX1"); (s.text, s.doc_type, s.issuer_code)
    ('847/UBND-VX1', 'CV', 'UBND')
    >>> parse_symbol("337KH/TWĐTNMTTN").text, parse_symbol("/ TB-UBND").text
    ('337-KH/TWĐTNMTTN', '/TB-UBND')
    >>> parse_symbol("61/2018/NĐCP").text, parse_symbol("1961/QĐUBND").doc_type, parse_symbol("45/UBND").text
    ('61/2018/NĐ-CP', 'QĐ', '45/UBND')
    >>> parse_symbol("30c/NQ-CP").number, parse_symbol("12/BCĐ").issuer_code
    ('30c', 'BCĐ')
    >>> s = parse_symbol("19/2008/NQLT/CP-UBTUMTTQVN"); (s.doc_type, s.issuer_code, s.year)
    ('NQLT', 'CP-UBTUMTTQVN', 2008)
    >>> s = parse_symbol("18-NQ-TW"); (s.text, s.party, s.doc_type)
    ('18-NQ/TW', True, 'NQ')
    """
    text = _squash(written).rstrip(".,;:)")
    dashed = _DASHED_RE.match(text)
    if dashed:
        text = f"{dashed['no']}-{dashed['type']}/{dashed['issuer']}"
    glued = _GLUED_RE.match(text)
    if glued:
        text = f"{glued['no']}-{text[len(glued['no']):]}"
    m = _PARTY_PARTS_RE.match(text)
    if m and "/" in text and (text.find("/") > text.find("-") or not m["no"]):
        doc_type, issuer = m["type"], m["issuer"]
        return Symbol(text=text, number=m["no"], year=None, doc_type=doc_type, issuer_code=issuer, party=True,
                      typed=True)
    m = _STATE_PARTS_RE.match(text)
    if m:
        groups = m["code"].split("-")
        if m["joint"]:
            return Symbol(text=text, number=m["no"], year=int(m["year"]) if m["year"] else None,
                          doc_type=m["joint"], issuer_code=m["code"], party=False, typed=True)
        if len(groups) == 1 and groups[0] not in TYPE_CODES:
            split = next((c for c in _STATE_TYPES if groups[0].startswith(c)
                          and _GLUED_ISSUER_RE.match(groups[0][len(c):])), None)
            if split:
                groups = [split, groups[0][len(split):]]
                text = text[: len(text) - len(m["code"])] + "-".join(groups)
        typed = groups[0] in TYPE_CODES
        if (typed and len(groups) > 1) or len(groups) > 2:
            doc_type, issuer = groups[0], "-".join(groups[1:])
        else:  # a state công văn: "12/UBND-VX" is issuer, then the drafting unit; no type code
            doc_type, issuer = "CV", groups[0]
        return Symbol(text=text, number=m["no"], year=int(m["year"]) if m["year"] else None, doc_type=doc_type,
                      issuer_code=issuer, party=False, typed=typed)
    return None
