"""What a parsed document is — the letter, a portal copy, a portal summary, a transcription — and whether it
is Vietnamese administrative text at all.

Nothing that reads as Vietnamese administrative text is refused: a copy or a summary is still evidence
(its citations and its own identity count). Refused are only files with no text, and text in another
language or in no language (code, tables of numbers).
"""

import re
import string

from models import IdentitySource, Letter, LetterForm, ParseWarning, RawDocument, SourceFormat, WarningCode
from parsers import patterns as P
from parsers.kinds import kind_names
from parsers.lexicon import ORGANISATION_RE
from parsers.normalise import clean_text
from parsers.zones import OFFICE_ARTEFACTS

_WORD_RE = re.compile(r"[^\W\d_]+")
_VN_MARKED_RE = re.compile(
    "[" + "".join(sorted(set(P.VN_LOWER + P.VN_UPPER) - set(string.ascii_letters))) + "]"
)
# Vietnamese syllables of administrative text as OCR leaves them with the marks stripped ("cong van so").
_VN_BARE_TEXT = (
    "va cua cac theo ngay thang nam so ve viec thuc hien cong van ban tinh huyen xa uy dang trong nhung duoc "
    "khong nguoi dan de nghi tren tai voi cho mot nay hoach ke quyet dinh chi thi thong bao huong truong phong "
    "nhan bo doan hoi chinh tri quan ly xay dung phat trien kinh te ubnd hdnd gui noi cu tuyen truyen thanh pho "
    "phuong lam cap tac nhiem vu gia dao tao giao duc hanh dong cuoc tham tuong dieu khoan diem muc luat nghi "
    "dinh thong tu kinh gui ngay thang nam"
)
_VN_BARE = frozenset(_VN_BARE_TEXT.split())
_KIND_RE = re.compile("|".join(k.replace(" ", r"\s+") for k in kind_names()), re.I)
_MARKDOWN_RE = re.compile(r"^\s*#{1,6}\s|\*\*\S|\\[-*#_]", re.M)
_PDF_RE = re.compile(r"\f|\(cid:\d+\)")
_GLUED_SYMBOL_RE = re.compile(r"^\s*Số\s*:?\s*\d{1,5}\s?[A-ZĐ][A-ZĐa-z]*/", re.M)


def _text(raw: RawDocument) -> str:
    return "\n".join(b.text for b in raw.blocks)


def refusal_reason(raw: RawDocument, letter: Letter) -> str | None:
    """Why the document is not a letter, or None when it is (or may be) Vietnamese administrative text."""
    text = clean_text(_text(raw))
    words = _WORD_RE.findall(text[:50_000])  # a long document is judged by its first pages
    if not words:
        return "not a letter: no text in it (empty, or only white space and symbols)"
    h = letter.header
    if h.motto or (h.identity_from is IdentitySource.HEADER and h.symbol) or (
            letter.items and (letter.recipients or letter.signature)):
        return None  # the format itself says letter, whatever a paragraph holds
    vietnamese = sum(1 for w in words if _VN_MARKED_RE.search(w) or w.lower() in _VN_BARE)
    share = vietnamese / len(words)
    if share < 0.3:
        return (f"not a letter: the text is not Vietnamese (only {vietnamese} of its {len(words)} words are), "
                "so it is another language or not prose")
    if not administrative_marks(text, letter) and len(words) < _PLAIN_WORDS:
        marked = sum(1 for w in words if _VN_MARKED_RE.search(w))
        if len(words) < _PLAIN_MIN_WORDS or marked / len(words) < _PLAIN_MARKED_SHARE:
            return ("not a letter: no header, 'Kính gửi', numbered items, 'Nơi nhận', signature, document, body or "
                    "date found, and too few Vietnamese words to be prose")
    return None


# A short text that names nothing administrative is still accepted when it is Vietnamese prose: a sentence of a few
# words, most of them marked as only Vietnamese marks them ("Hội nghị tỉnh Hà Nam đã tổ chức tại hội trường.").
# Shorter, or mostly unmarked (a few bare words a foreign text shares: "so", "do"), it is no document.
_PLAIN_WORDS = 20
_PLAIN_MIN_WORDS = 3
_PLAIN_MARKED_SHARE = 0.5


def administrative_marks(text: str, letter: Letter) -> bool:
    """The text shows a letter's structure, or names a kind of document, a body or a date."""
    h = letter.header
    structural = bool(letter.items or letter.recipients or letter.cc or letter.signature or letter.citations
                      or h.symbol or h.number or h.issuer or h.date or h.title or h.subject)
    return structural or bool(_KIND_RE.search(text) or ORGANISATION_RE.search(text) or P.DATE_RE.search(text))


def _short(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _transcription_marks(raw: RawDocument, letter: Letter, wrapped: bool) -> list[str]:
    text = _text(raw)
    marks = ["lines cut at a fixed width (PDF-to-text)"] if wrapped else []
    source = raw.source
    if source.ocr_pages:
        marks.append(f"OCR of {source.ocr_pages} scanned page{'s' if source.ocr_pages > 1 else ''}")
    elif source.format in (SourceFormat.PDF, SourceFormat.IMAGE):
        marks.append(f"read from a {source.format.value.upper()}")
    if len(_MARKDOWN_RE.findall(text)) >= 2:
        marks.append("Markdown marks (#, **, \\-)")
    if _PDF_RE.search(text):
        marks.append("PDF-to-text marks (form feeds, (cid:…) glyphs)")
    if _GLUED_SYMBOL_RE.search(letter.header.raw):
        marks.append(f"a symbol that lost its hyphen ({letter.header.symbol})")
    if re.search(r"^\s*(?:Y\s+BAN|[A-ZĐ](?: [A-ZĐ]){2,})\b", letter.header.raw, re.M):
        marks.append("OCR damage in the issuer lines")
    return marks


def classify_form(raw: RawDocument, letter: Letter, furniture: list[str], wrapped: bool = False
                  ) -> tuple[LetterForm, str]:
    """The letter's form and why, from its header block, its page furniture and where its identity stood.

    `furniture` names the kinds of furniture found ("page title", "posting time", …), in order; `wrapped`
    says the body's lines were cut at a fixed width.
    """
    h = letter.header
    header_block = bool(h.motto or h.title or (h.identity_from is IdentitySource.HEADER and (h.symbol or h.date)))
    kinds = [k for k in dict.fromkeys(furniture) if k not in OFFICE_ARTEFACTS]
    if h.identity_from is IdentitySource.LEAD and not header_block and not letter.items:
        lead = next((w.message.split(" read from the lead: ", 1)[-1] for w in letter.warnings
                     if w.code.value == "identity-from-prose"), "")
        reason = f"portal summary: prose that reports the letter, {_short(lead.strip(chr(39)))}"
        return LetterForm.PORTAL_SUMMARY, reason
    marks = _transcription_marks(raw, letter, wrapped)
    if marks and header_block:
        return LetterForm.TRANSCRIPTION, f"transcription: {', '.join(marks)}"
    if kinds:
        return LetterForm.PORTAL_COPY, f"portal copy: {', '.join(kinds)} around the letter's text"
    if raw.source.format in (SourceFormat.HTML, SourceFormat.MHTML):
        return LetterForm.PORTAL_COPY, "portal copy: a saved web page"
    if not header_block and not administrative_marks(clean_text(_text(raw)), letter):
        letter.warnings.append(ParseWarning(
            code=WarningCode.NO_HEADER,
            message="plain Vietnamese prose: no body, kind of document, number or date is named in it"))
        return LetterForm.PORTAL_COPY, (f"portal copy: Vietnamese prose that names no body, document or date "
                                        f"({_short(clean_text(_text(raw)), 50)!r})")
    if not header_block:
        first = next((p.text for p in [*letter.preamble, *letter.body, *letter.closing]), "")
        opening = letter.recipients[0].text if letter.recipients else first
        return LetterForm.PORTAL_COPY, (f"portal copy: the letter's text without its header block (it opens "
                                        f"{_short(opening, 50)!r})")
    found = [name for name, ok in (("issuer", h.issuer), ("number", h.symbol), ("date", h.date),
                                   ("items", letter.items), ("signature", letter.signature)) if ok]
    return LetterForm.LETTER, f"letter: header block as issued ({', '.join(found) or 'markers only'})"
