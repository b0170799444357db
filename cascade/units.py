"""Flatten a letter into the units alignment works on, and cut units into sentences.

Units, in document order: the preamble paragraphs (`preamble/K`), then the numbered items' lead
paragraphs and blocks (`1.3`, `1.3/2`) — or, in a letter with no numbered items, its body paragraphs
(`body/K`) — then the closing paragraphs (`closing/K`). A body paragraph stands for itself as an item:
it is what a prose letter says, as the numbered items are what a plan says.

A file with attachments (a Quyết định and the Kế hoạch it issues) gives the units of every part, in
document order; their ids are unique across parts (see README, "Parts"), so a link can reach any of them.
The articles of a decision that issues its attachment ("Điều 1. Ban hành kèm theo Quyết định này Kế
hoạch …", "Điều 2. … có hiệu lực …", "Điều 3. … chịu trách nhiệm thi hành") frame that attachment as a
preamble frames a letter (zone `decision`): what the file says is the attachment.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from cascade.memo import per_letter
from cascade.tokens import SECTION_WORDS
from models import Block, Item, ItemKind, Letter, Paragraph, PartKind
from parsers.normalise import matching_form
from parsers.patterns import loose

ITEM, PREAMBLE, BODY, CLOSING, DECISION = "item", "preamble", "body", "closing", "decision"


@dataclass(frozen=True)
class Unit:
    """One alignable unit: an item's lead paragraph, one block or one paragraph, with its place in the letter."""

    id: str
    item: str  # id of the numbered item it belongs to ("1.3/2/1" → "1.3"); a paragraph's own id
    text: str
    order: int  # position in document order
    is_item: bool  # an item's lead paragraph, or a body paragraph of a prose letter
    container: str | None  # id of the item or block it sits in; None at the top of the letter
    zone: str = ITEM  # item | preamble | body | closing
    part: int = 0  # the document of the file it belongs to (Letter.parts): 0 the letter, 1… its attachments

    @property
    def frame(self) -> bool:
        """Preamble and closing frame what a letter says (and an issuing decision's articles what its
        attachment says); items and body paragraphs are what it says."""
        return self.zone in (PREAMBLE, CLOSING, DECISION)


@per_letter(list)
def letter_units(letter: Letter, frame: bool = True) -> list[Unit]:
    """Every unit of the letter in document order; `frame=False` leaves out the frame (preamble, closing,
    an issuing decision's articles). Remembered per letter (`cascade.memo`)."""
    out: list[Unit] = []

    def paragraphs(ps: list[Paragraph], zone: str) -> None:
        for k, p in enumerate(ps, start=1):
            pid = p.id or f"{zone}/{k}"
            out.append(Unit(pid, pid, p.text, len(out), zone == BODY, None, zone=zone))

    wrapper = _issuing_decision(letter)

    def zone_of(item: Item) -> str:
        return DECISION if wrapper and item.part == 0 else ITEM

    def blocks(item: Item, bs: list[Block], container: str) -> None:
        for b in bs:
            out.append(Unit(b.id, item.id, b.text, len(out), False, container, zone=zone_of(item), part=item.part))
            blocks(item, b.blocks, b.id)

    def items(its: list[Item], container: str | None) -> None:
        for it in its:
            if not frame and zone_of(it) == DECISION:
                continue
            out.append(Unit(it.id, it.id, it.text, len(out), True, container, zone=zone_of(it), part=it.part))
            blocks(it, it.blocks, it.id)
            items(it.items, it.id)

    if frame:
        paragraphs(letter.preamble, PREAMBLE)
    items(letter.items, None)
    paragraphs(letter.body, BODY)
    if frame:
        paragraphs(letter.closing, CLOSING)
    return out


_GROUPINGS = (ItemKind.PART, ItemKind.CHAPTER, ItemKind.SECTION)


def groupings(letter: Letter) -> set[str]:
    """Ids of the legal containers (Phần, Chương, Mục) that only group the articles under them: a heading with
    no text of its own beside its articles. Their heading names what the articles say ("MỤC I. NHỮNG QUY ĐỊNH
    CHUNG", "Chương I QUY ĐỊNH CHUNG", heldout 11), so two letters in the same legal form share it whatever
    they say: the articles carry the links, the grouping none."""
    out: set[str] = set()

    def walk(its: list[Item]) -> None:
        for it in its:
            if it.kind in _GROUPINGS and it.items and not it.blocks:
                out.add(it.id)
            walk(it.items)

    walk(letter.items)
    return out


_ISSUES_RE = re.compile(r"\bkèm\s+theo\b", re.I)


def _issuing_decision(letter: Letter) -> bool:
    """The file is a decision (only articles) whose first article issues an attachment filed with it."""
    own = letter.part_items(0)
    issued = any(p.kind is PartKind.ATTACHMENT and p.issued_with for p in letter.parts)
    return bool(issued and own and all(it.kind is ItemKind.ARTICLE for it in own)
                and _ISSUES_RE.search(matching_form(own[0].text)))


# A sentence ends at . ! ? ; (and at a colon that opens a capitalised clause) followed by white space —
# not after a short capitalised abbreviation ("TP. Hồ Chí Minh") or a number's dot ("Điều 3. …" keeps
# its label in the item, never in the text).
_END_RE = re.compile(r"(?<=[.!?;…])\s+|(?<=:)\s+(?=[A-ZĐÀ-Ỹ\"“(])")
_ABBREV_END_RE = re.compile(r"(?:^|\s)(?:[A-ZĐ][A-Za-zĐđ]{0,2}|v\.v|tr|Tr|TS|ThS|PGS|GS)\.$")
MIN_SENTENCE_WORDS = 3  # a shorter piece ("Mục đích.") rides with its neighbour


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of `text`; together they cover it."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=65536)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: a parent letter's units are cut once for all of its children."""
    cuts = [0]
    for m in _END_RE.finditer(text):
        if _ABBREV_END_RE.search(text[max(0, m.start() - 5) : m.start()]):
            continue
        cuts.append(m.end())
    cuts.append(len(text))
    merged: list[tuple[int, int]] = []
    for a, b in pairwise(cuts):
        if b <= a:
            continue
        short = merged and (_words(text[a:b]) < MIN_SENTENCE_WORDS
                            or _words(text[merged[-1][0] : merged[-1][1]]) < MIN_SENTENCE_WORDS)
        if short:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return tuple(merged)


def _words(text: str) -> int:
    return len(re.findall(r"[^\W_]+", text))


# "Thực hiện Công văn số … của … về việc tiếp tục …," — the citing phrase runs to the end of the
# subject that follows the citation.
_SUBJECT_AFTER_RE = re.compile(r"^[\s,]*(?:[“\"]?\s*(?:về\s+việc|v/v|về)\b[^,;:”\"]*[”\"]?)?", re.I)
_CITING_OPENER_RE = re.compile(r"^\s*(?:Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Thi\s+hành|Theo|Tiếp\s+theo|Xét)\b", re.I)
FRAME_REST_WORDS = 4  # a citing sentence with fewer words besides the citation is all frame

# The formula an amending text opens and closes each change with ("Sửa đổi, bổ sung điểm b khoản 3 Điều 11 … như
# sau:", "Bổ sung hướng dẫn tại khoản 1 Điều 22 …", "Bãi bỏ khổ thứ 7 …", "Các nội dung sửa đổi, bổ sung Thông tư
# số …"; bench/heldout_pairs 18): every change says it, so its words tell no change from another and carry links
# between unrelated ones; what a change names (the khoản, the Điều, the document) and says is its content. OCR'd
# forms ("Sửa déi, bé sung", "Bồ sung", "b6 sung") are the same words.
_VERB = (rf"(?:{loose('sửa')}\s+[đd][^\W\d_]{{1,2}}|b[^\s,]{{1,2}}\s+sung|{loose('bãi bỏ')}|{loose('thay thế')}"
         rf"(?:\s+cho)?|{loose('hủy bỏ')}|{loose('huỷ bỏ')}|{loose('đính chính')}|{loose('bỏ')})")
_AMENDING_OPENER_RE = re.compile(
    rf"^\s*(?:(?:các\s+)?{loose('nội dung')}\s+)?{_VERB}(?:\s*(?:,|và|hoặc)\s*{_VERB})*"
    rf"(?:\s+(?:{loose('hướng dẫn')}|{loose('quy định')}|{loose('nội dung')})(?:\s+(?:{loose('tại')}|{loose('về')}))?)?"
    rf"(?=\s+(?:(?:các|{loose('một số')})\s+)?(?:{loose('điểm')}|{loose('khoản')}|{loose('khổ')}|{loose('điều')}|"
    rf"{loose('tiết')}|{loose('mục')}|{loose('chương')}|{loose('phụ lục')}|{loose('mẫu')}|{loose('dòng')}|"
    rf"{loose('cụm từ')}|{loose('ví dụ')}|{loose('thông tư')}|{loose('nghị định')}|{loose('quyết định')}|"
    rf"{loose('nghị quyết')}|{loose('luật')}|{loose('chỉ thị')})(?![^\W\d_]))", re.I)
_AMENDING_CLOSER_RE = re.compile(rf"\s(?:{loose('như sau')}|{loose('sau đây')})\s*:?\s*(?=[“\"]|$)", re.I)


def frame_masks(letter: Letter, units: list[Unit]) -> dict[str, list[tuple[int, int]]]:
    """Character spans of unit texts that frame the letter instead of carrying its content, so they are
    never evidence of a link: in paragraphs, lead-ins (a sentence ending in ":", "… một số nội dung
    sau:") and the phrase citing another document (the citation with its subject; the whole sentence if
    little else is left); a plan's stock section heading ("TỔ CHỨC THỰC HIỆN", "MỤC ĐÍCH, YÊU CẦU"); in any
    unit, an amending text's formula ("Sửa đổi, bổ sung hướng dẫn tại" … "như sau:") around what a change names."""
    cited: dict[str, list[tuple[int, int]]] = {}
    for c in letter.citations:
        cited.setdefault(c.where, []).append((c.start, c.end))
    out: dict[str, list[tuple[int, int]]] = {}
    for u in units:
        spans: list[tuple[int, int]] = []
        for a, b in sentence_spans(u.text):
            if m := _AMENDING_OPENER_RE.match(u.text, a, b):
                spans.append((a, m.end()))
                if c := _AMENDING_CLOSER_RE.search(u.text, m.end(), b):  # "… như sau:" ends that formula
                    spans.append((c.start(), c.end()))
        if u.zone == ITEM:
            words = matching_form(u.text).split() if u.is_item and len(u.text) <= 80 else []
            if words and all(w.strip(",.:;") in SECTION_WORDS for w in words):
                spans.append((0, len(u.text)))
        else:
            for a, b in sentence_spans(u.text):
                sentence = u.text[a:b].rstrip()
                if sentence.endswith(":"):
                    spans.append((a, b))
                    continue
                ends = [e for s, e in cited.get(u.id, []) if a <= s < b]
                if not ends or not _CITING_OPENER_RE.match(sentence):
                    continue
                end = max(ends)
                end += _SUBJECT_AFTER_RE.match(u.text[end:b]).end()  # type: ignore[union-attr]
                spans.append((a, b) if _words(u.text[end:b]) < FRAME_REST_WORDS else (a, end))
        if spans:
            out[u.id] = spans
    return out
