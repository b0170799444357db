"""The task a parent letter gives the child's issuer: parent units that name the issuer as the one who acts.

A higher tier assigns work by naming who does it ("Đảng đoàn Quốc hội lãnh đạo, chỉ đạo rà soát …",
"Ban cán sự đảng Chính phủ lãnh đạo, chỉ đạo xây dựng chương trình hành động …", "Giao Tỉnh đoàn Quảng Nam
chủ trì tổ chức …", "… phối hợp với Đảng đoàn Quốc hội thể chế hoá …"). The lower tier's letter is how that
body carries its task out, often in its own words. Such a unit is the child's *assignment*: when the
child cites the parent as what it implements and no child unit took an assignment by the ordinary
evidence, `cascade.align.assigned` links it to the child sentences closest to it.

The issuer's names are read from the child's header (the issuer and the body above it, "TỈNH ỦY BÌNH
PHƯỚC / BAN TUYÊN GIÁO") and its signature block (the collective it signs for, "TM. BAN THƯỜNG VỤ TỈNH
ĐOÀN"); names that only say what kind of body it is ("Tỉnh đoàn", "Đảng ủy", "Trung ương") are left out,
and without a name nothing is an assignment. A name counts in *actor position* only: it opens a clause,
after nothing but words that assign or name the body's Party organ ("Giao", "Đề nghị", "Ban cán sự
đảng", "phối hợp với" …), and ends there, so "Chính phủ số" (digital government), "Đề án … của Chính
phủ" or "Ban Tuyên giáo Trung ương" (for a child that is a Ban Tuyên giáo) never make one.
"""

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from cascade.memo import TEXTS_REMEMBERED
from cascade.tokens import Token
from cascade.units import Unit, sentence_spans
from models import Letter, Tier
from parsers.normalise import matching_form

# Words of the collective a letter is signed or issued for, not of the body's name: "BAN CHẤP HÀNH ĐOÀN
# TỈNH QUẢNG NAM" is Đoàn tỉnh Quảng Nam, "BAN THƯỜNG VỤ TỈNH ĐOÀN" is Tỉnh đoàn.
_COLLECTIVE_RE = re.compile(
    r"^\s*(?:(?:TM|KT|TL|TUQ|Q)\s*[./]\s*)?(?:BAN\s+CHẤP\s+HÀNH|BCH|BAN\s+THƯỜNG\s+VỤ|BTV|BAN\s+BÍ\s+THƯ|"
    r"THƯỜNG\s+TRỰC)?\s*", re.I)
# Words that only say what kind of body it is or at which tier ("Tỉnh đoàn", "Đảng ủy", "Trung ương"): a
# name made of them alone is any body of that kind, not the child's.
KIND_WORDS = frozenset({
    "tỉnh", "huyện", "xã", "phường", "quận", "thị", "trấn", "thành", "phố", "trung", "ương", "tw", "ủy", "đảng",
    "đoàn", "bộ", "ban", "sở", "phòng", "chi", "cục", "vụ", "văn", "các", "cơ",
})
# Words that may stand before the name at the start of a clause: who assigns, the body's Party organ, how
# it takes part.
ACTOR_LEAD = frozenset({
    "giao", "đề", "nghị", "yêu", "cầu", "ban", "cán", "sự", "đảng", "đoàn", "ủy", "thường", "vụ", "trực",
    "chủ", "trì", "phối", "hợp", "với", "và", "các", "tổ", "lãnh", "đạo",
})
MIN_NAME_WORDS = 2  # a one-word name ("Sở") names a kind of body, not this one


def issuer_names(letter: Letter) -> list[tuple[str, ...]]:
    """The child's own names as matching-form words: its issuer and the body that issuer belongs to (the
    header's two lines, "TỈNH ỦY BÌNH PHƯỚC / BAN TUYÊN GIÁO") and the collective its signature signs for."""
    out: list[tuple[str, ...]] = []
    signed_for = letter.signature.body if letter.signature else None
    for text in (letter.header.issuer, letter.header.parent_issuer, signed_for):
        if not text:
            continue
        name = _COLLECTIVE_RE.sub("", text.split("(")[0])
        words = tuple(matching_form(w) for w in re.findall(r"[^\W\d_]+", name))
        if len(words) >= MIN_NAME_WORDS and not set(words) <= KIND_WORDS and words not in out:
            out.append(words)
    return out


def assignment_units(units: list[Unit], tokens: list[list[Token]], names: list[tuple[str, ...]]) -> set[int]:
    """Indices of the parent units that name one of `names` in actor position (in any word order of the
    name: "Tỉnh đoàn Quảng Nam" ~ "Đoàn tỉnh Quảng Nam")."""
    if not names:
        return set()
    bags = [(len(n), Counter(n)) for n in names]
    out: set[int] = set()
    for k, (unit, toks) in enumerate(zip(units, tokens, strict=True)):
        if unit.frame or not toks:
            continue
        clauses, after_comma = _clauses(unit.text, toks)
        if any(_in_actor_position(clause, bags) and not _listed(clauses, after_comma, n, bags)
               for n, clause in enumerate(clauses)):
            out.add(k)
    # "c) Bộ Tài chính:" over its duties ("Phối hợp với Bộ Xây dựng bố trí vốn …", Quyết định 22/2013/QĐ-TTg 8.1):
    # a heading that names the body gives it everything listed under it.
    heads = {units[k].id for k in out if units[k].is_item and units[k].text.rstrip().endswith(":")}
    inside: set[str] = set()
    for k, u in enumerate(units):  # document order: a container comes before what it holds
        if not u.frame and (u.container in heads or u.container in inside):
            inside.add(u.id)
            out.add(k)
    return out


def _listed(clauses: list[list[tuple[str, bool]]], after_comma: list[bool], n: int,
            bags: list[tuple[int, Counter[str]]]) -> bool:
    """Clause `n` is one name of a list of bodies ("Chủ trì, phối hợp với Bộ Tài chính, Bộ Xây dựng, Bộ Lao động
    - Thương binh và Xã hội cân đối …", Quyết định 22/2013/QĐ-TTg 8.1.b): the name ends the clause and a name
    stands next to it across the comma, in a list that opens with a partner's word ("với", "cùng") — a partner
    among others of the body that leads, not the one who acts. "Giao Huyện ủy A, Huyện ủy B chủ trì …" assigns both."""
    words = clauses[n]
    if not any(len(words) >= size and Counter(f for f, _ in words[-size:]) == bag for size, bag in bags):
        return False
    before = n > 0 and after_comma[n] and clauses[n - 1][-1][1]
    after = n + 1 < len(clauses) and after_comma[n + 1] and clauses[n + 1][0][1]
    if not (before or after):
        return False
    first = n
    while first > 0 and after_comma[first]:
        first -= 1
    return any(f in _PARTNER_WORDS for clause in clauses[first:n + 1] for f, _ in clause)


_PARTNER_WORDS = frozenset({"với", "cùng"})  # "phối hợp với …", "cùng …": who takes part, not who leads


_CLAUSES: dict[str, tuple[list[list[tuple[str, bool]]], list[bool]]] = {}
_CLAUSES_MAX = 16384


def _clauses(text: str, tokens: list[Token]) -> tuple[list[list[tuple[str, bool]]], list[bool]]:
    """The words of each clause of a unit (matching form, written with a capital), its sentences cut
    again after commas. Cached by text (a token's surface, word and form follow from the text alone,
    whatever abbreviations or mark folding set its keys): a parent's units meet every child."""
    found = _CLAUSES.get(text)
    if found is None:
        if len(_CLAUSES) >= _CLAUSES_MAX:
            _CLAUSES.clear()
        found = _CLAUSES[text] = _cut_clauses(text, tokens)
    return found


def _cut_clauses(text: str, tokens: list[Token]) -> tuple[list[list[tuple[str, bool]]], list[bool]]:
    """The clauses, and for each whether it follows a comma (not a sentence's end)."""
    ends = [b for _, b in sentence_spans(text)]
    out: list[list[tuple[str, bool]]] = [[]]
    comma = [False]
    at = 0
    sentence = 0
    for t in tokens:
        start = at
        at += len(t.surface)
        if sentence < len(ends) and start >= ends[sentence]:
            while sentence < len(ends) and start >= ends[sentence]:
                sentence += 1
            out.append([])
            comma.append(False)
        if t.form:
            out[-1].append((t.form, t.word[:1].isupper()))
        if t.surface.rstrip().endswith(","):
            out.append([])
            comma.append(True)
    kept = [k for k, c in enumerate(out) if c]
    return [out[k] for k in kept], [comma[k] for k in kept]


def _in_actor_position(words: list[tuple[str, bool]], bags: list[tuple[int, Counter[str]]]) -> bool:
    """The clause opens with the name, after lead words only, and the name ends there: a capitalised word
    after it would make it part of a longer name ("Ban Tuyên giáo" in "Ban Tuyên giáo Trung ương")."""
    forms = [f for f, _ in words]
    for n, bag in bags:
        for start in range(len(forms) - n + 1):
            end = start + n
            # a window whose first word is not in the name cannot be the name: skip counting it
            if forms[start] in bag and Counter(forms[start:end]) == bag and (end == len(words)
                                                                               or not words[end][1]):
                return True
            if forms[start] not in ACTOR_LEAD:
                break
    return False


# The duties a parent lists under a heading that names the bodies a child letter is addressed to ("2.
# Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" over a) … h), Quyết định
# 22/2013/QĐ-TTg; the Bộ Xây dựng's follow-up letter 'Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc
# Trung ương', bench/heldout_pairs 09). An intermediate body relays to its addressees the duties the parent
# gives them, in its own words: it is how it carries out its own task ("hướng dẫn …, đôn đốc, kiểm tra"), which
# is the letter's occasion, not one of its items.
_HEADING_MAX_WORDS = 24  # a heading names who acts and what kind of list follows; a longer lead is a duty itself


def recipient_names(letter: Letter) -> list[tuple[str, ...]]:
    """The child's addressees as matching-form words ("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố …"),
    names that only say a kind of body left out."""
    out: list[tuple[str, ...]] = []
    for r in letter.recipients:
        words = tuple(matching_form(w) for w in re.findall(r"[^\W\d_]+", r.text))
        if len(words) >= MIN_NAME_WORDS and not set(words) <= KIND_WORDS and words not in out:
            out.append(words)
    return out


# How a parent names every body of one kind at one tier, for the duties it gives them all ("2. Trách nhiệm
# của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", Quyết định 22/2013/QĐ-TTg): a child of that kind
# and tier (the city's Ủy ban nhân dân, issuer code UBND, whose plan carries the decision out, bench/heldout_pairs
# 08) is one of them, whatever its own name.
_BODIES_AT_TIER: dict[tuple[str, Tier], tuple[str, ...]] = {
    ("UBND", Tier.PROVINCE): ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "Ủy ban nhân dân cấp tỉnh",
                              "Ủy ban nhân dân các tỉnh, thành phố"),
    ("UBND", Tier.DISTRICT): ("Ủy ban nhân dân cấp huyện", "Ủy ban nhân dân các quận, huyện, thị xã, thành phố",
                              "Ủy ban nhân dân các huyện, thị xã, thành phố"),
    ("UBND", Tier.COMMUNE): ("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân các xã, phường, thị trấn"),
    ("TU", Tier.PROVINCE): ("các tỉnh ủy, thành ủy trực thuộc Trung ương", "các tỉnh ủy, thành ủy"),
    ("HU", Tier.DISTRICT): ("các huyện ủy, thị ủy, thành ủy", "các huyện ủy, thị ủy, thành ủy trực thuộc tỉnh ủy"),
}


def kind_names(letter: Letter) -> list[tuple[str, ...]]:
    """The names by which a parent addresses every body of the child's kind at the child's tier."""
    phrases = _BODIES_AT_TIER.get(((letter.header.issuer_code or "").upper(), letter.tier), ())
    return [tuple(matching_form(w) for w in re.findall(r"[^\W\d_]+", p)) for p in phrases]


def addressed_duties(units: list[Unit], names: list[tuple[str, ...]]) -> set[int]:
    """Indices of the parent units listed under an item whose heading names one of `names` word for word
    (the heading itself left out): the duties the parent gives the child's addressees."""
    if not names:
        return set()
    heads: set[str] = set()
    for u in units:
        if not u.is_item or u.frame:
            continue
        words = _heading_words(u.text)
        if len(words) <= _HEADING_MAX_WORDS and not u.text.rstrip().endswith(".") and any(
                _contains(words, n) for n in names):
            heads.add(u.id)
    if not heads:
        return set()
    inside: dict[str, bool] = {}
    for u in units:  # document order: an item's container comes before it
        below_head = u.container is not None and (u.container in heads or inside.get(u.container, False))
        inside[u.id] = u.id not in heads and ((u.item in heads and not u.is_item) or below_head)
    return {k for k, u in enumerate(units) if inside.get(u.id) and not u.frame}


@lru_cache(maxsize=TEXTS_REMEMBERED)
def _heading_words(text: str) -> tuple[str, ...]:
    """A unit's words in matching form. Cached by text: a parent's items are read for each of its children."""
    return tuple(matching_form(w) for w in re.findall(r"[^\W\d_]+", text))


def _contains(words: Sequence[str], name: tuple[str, ...]) -> bool:
    n = len(name)
    return any(tuple(words[k:k + n]) == name for k in range(len(words) - n + 1))


# A child item telling its addressees to carry a letter out, by the letter's number ("Chỉ đạo Sở Y tế … thực hiện
# nghiêm túc Công văn số 6087/BYT-KCB ngày 27/9/2013 …", bench/heldout_pairs 16).
_CARRY_OUT_RE = re.compile(
    r"thực\s+hiện(?:\s+(?:nghiêm\s+túc|nghiêm|tốt|đúng|đầy\s+đủ|có\s+hiệu\s+quả))?\s+"
    r"(?P<kind>(?:[^\W\d_]+\s+){1,4}?)số\s+(?P<symbol>\d[\w/.\-]*)", re.I)


def office_of(symbol: str | None) -> str:
    """The issuing office a symbol names, its number (and year) left out: "6087/BYT-KCB" → "BYT-KCB",
    "22/2013/QĐ-TTg" → "QĐ-TTg", "12-CV/BTGTU" → "CV/BTGTU"."""
    return re.sub(r"^\d+(?:/\d{4})?[/-]", "", (symbol or "").strip())


def _names_parent(said: str, parent: Letter) -> bool:
    """The symbol said is the parent's whole symbol, trailing punctuation aside: a reminder names it in full."""
    said = said.rstrip(".,;").lower()
    symbol = (parent.header.symbol or "").lower()
    return bool(symbol) and said == symbol


def reminded_duties(parent: Letter, child: Letter, p_units: list[Unit], c_units: list[Unit],
                    linked: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """(parent unit, child unit): a follow-up of the same office (the two symbols' office alike) whose one item
    tells its addressees to carry the earlier letter out by its number covers the earlier letter's top-level
    duties it restates nowhere else (no unit of the item or under it linked to a child content unit): the lead
    unit of each. Letters of other offices name what they implement in many items ("… thực hiện Nghị quyết số
    57-NQ/TW", 11 items of the dev plan 01), restating its parts in their own words: there the naming says
    nothing about which part."""
    office = office_of(parent.header.symbol)
    if not office or office != office_of(child.header.symbol):
        return []
    naming = [j for j, u in enumerate(c_units) if not u.frame and any(
        _names_parent(m.group("symbol"), parent) for m in _CARRY_OUT_RE.finditer(u.text))]
    if len(naming) != 1:
        return []
    restated = {p_units[i].item for i, j in linked if not c_units[j].frame}
    out = []
    for i, u in enumerate(p_units):
        if not u.is_item or u.frame or u.container is not None or u.zone != "item":
            continue
        if any(r == u.item or r.startswith(u.item + ".") for r in restated):
            continue
        out.append((i, naming[0]))
    return out
