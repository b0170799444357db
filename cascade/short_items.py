"""Short evidence the word-run and key-term linkers miss: a short parent point carried inside one longer
child sentence, and a duty handed one tier down that shares one distinctive phrase.

A parent often lists what a body pays for or does as short points ("2. Bảo hiểm y tế.", "16. Trợ cấp ưu đãi
trong giáo dục, đào tạo.", "a) Phải phá dỡ để xây mới nhà ở;"), and the child folds them into its own
duties ("Phối hợp … để mua, cấp và báo giảm thẻ bảo hiểm y tế cho đối tượng …", "Quản lý chi trả trợ cấp
ưu đãi giáo dục và trang cấp dụng cụ chỉnh hình …"). Word runs and key terms see too little of such a
point to link it (a few word pairs inside a long unit, a sentence below `sentence_min_terms`): its words
are there, in order, but they are a small part of the child unit.

This pass scores containment from the point's side: the idf-weighted share of the point's content words
(tone-canonical keys, `cascade.tokens`; function words, tier and organisation words and figures left out)
found in the child unit in the point's order, in runs of at least two words adjacent in both — a word
found alone anywhere in a long duty is no evidence. A point is linked to the child unit that holds most of
it when no other child unit holds nearly as much: points naming stock words of the letter ("Người có công
giúp đỡ cách mạng") are found in many duties and say nothing about which one.

A duty handed down a tier is restated for the body that does it in the child's own words ("Bộ Lao động –
Thương binh và Xã hội tổng hợp … dự toán … đã phân bổ và giao …" → under "Điều 4. Sở Lao động - Thương binh và
Xã hội có nhiệm vụ": "Căn cứ vào Quyết định giao dự toán …, Giám đốc Sở … phân bổ …"). A phrase found in one
parent unit only is no evidence on its own (round 7 measured 4 right links and 19 wrong across the real pairs);
it is when that parent unit names, as the one who acts (`cascade.mandate.assignment_units`), the body a child
heading gives the duty to — the same body, or its counterpart a tier below or above ("Bộ" / "Sở" / "Phòng" of
the same field).
"""

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import pairwise

from cascade.mandate import assignment_units
from cascade.names import DUTY_TAIL_RE, is_name_line, without_names
from cascade.tokens import ORG_HEADS, ORG_KEY, TIER_KEY, Token, keys_of_text
from cascade.units import Unit
from parsers.normalise import matching_form

# Words that carry no content of a point: function words, and the words that name bodies and tiers (a
# point and a duty of different bodies share them whatever they say).
_IGNORED = frozenset((
    "và", "của", "các", "những", "với", "cho", "trong", "là", "được", "để", "theo", "tại", "về", "do", "này",
    "đó", "có", "một", "từ", "đến", "khi", "đối", "hoặc", "như",
    "bộ", "sở", "phòng", "ủy", "ban", "cục", "vụ", "nhân", "dân", "cơ", "quan", "đơn", "vị", "thành", "phố",
    "trung", "ương", TIER_KEY, ORG_KEY,
))


def content_keys(text: str) -> list[str]:
    """A unit's content words, in order, as matching keys, the known bodies' names left out
    (`cascade.names.without_names`: "Lao động - Thương binh và Xã hội" is no beneficiary "thương binh")."""
    return list(_content_keys(text))


@lru_cache(maxsize=65536)
def _content_keys(text: str) -> tuple[str, ...]:
    """Cached: every pass over short points and handed-down duties reads the same units' keys."""
    return tuple(k for k in keys_of_text(without_names(text)) if k not in _IGNORED)


def run_containment(point: list[str], unit: list[str], weight: dict[str, float]) -> float:
    """Weight of `point`'s words found in `unit` in order, counting only runs of at least two words that
    are adjacent in both (an LCS over runs). `point` is short: the table is len(point) × len(unit)."""
    n, m = len(point), len(unit)
    prefix = [0.0]
    for k in point:
        prefix.append(prefix[-1] + weight[k])
    run = [[0] * (m + 1) for _ in range(n + 1)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    present = set(unit)
    for i in range(1, n + 1):
        a = point[i - 1]
        if a not in present:
            # no run ends on this word: each cell is the best above it (a row never decreases left to right)
            best[i] = best[i - 1]
            continue
        row, prev_run, best_row, best_up = run[i], run[i - 1], best[i], best[i - 1]
        for j in range(1, m + 1):
            if a == unit[j - 1]:
                row[j] = prev_run[j - 1] + 1
            v = best_up[j] if best_up[j] > best_row[j - 1] else best_row[j - 1]
            for length in range(2, row[j] + 1):
                v = max(v, best[i - length][j - length] + prefix[i] - prefix[i - length])
            best_row[j] = v
    return best[n][m]


# Both letters' content keys per unit, the idf weights, the child units holding each adjacent word pair.
Tables = tuple[list[list[str]], list[list[str]], dict[str, float], dict[tuple[str, str], set[int]]]


class PairTables:
    """The containment tables of one pair, built on first need: most pairs leave no parent point untaken, and
    a folder run then pays nothing for them."""

    def __init__(self, parent: list[Unit], child: list[Unit]) -> None:
        self._parent, self._child, self._tables = parent, child, None

    def get(self) -> Tables:
        if self._tables is None:
            self._tables = containment_tables(self._parent, self._child)
        return self._tables


def contained_points(parent: list[Unit], child: list[Unit], taken: set[int], max_words: int, share_min: float,
                     rival_max: float, tables: PairTables | None = None) -> list[tuple[int, int, float]]:
    """(parent unit, child unit, containment) for each short parent point nothing took (`taken`: parent
    units already linked) that one child unit contains: a numbered item's lead with no blocks or sub-items,
    of 2 to `max_words` content words, neither a section title in capitals nor a body's name
    (`cascade.names`), whose best child unit holds `share_min` of its weight while the next best holds at
    most `rival_max` times as much."""
    has_inside = {u.container for u in parent if u.container is not None}
    open_points = [i for i, u in enumerate(parent)
                   if i not in taken and u.is_item and not u.frame and u.id not in has_inside and not u.text.isupper()]
    if not open_points:
        return []
    p_keys, c_keys, weight, holders = (tables or PairTables(parent, child)).get()
    points = [i for i in open_points
              if 2 <= len(p_keys[i]) <= max_words and not is_name_line(parent[i].text, max_words)]
    if not points:
        return []
    return _held_alone(points, p_keys, c_keys, weight, holders, share_min, rival_max)


def containment_tables(parent: list[Unit], child: list[Unit]) -> Tables:
    """Both letters' content keys per unit, their idf weights over both letters' units, and the child units
    holding each adjacent pair of content words: built once a pair for the short points and the leads."""
    p_keys = [content_keys(u.text) for u in parent]
    c_keys = [[] if u.frame else content_keys(u.text) for u in child]
    df: Counter[str] = Counter()
    for keys in (*p_keys, *c_keys):
        df.update(set(keys))
    n = len(p_keys) + len(c_keys)
    weight = {k: math.log(1 + n / d) for k, d in df.items()}
    # child units by the adjacent content-word pairs they hold: a point is scored only where one of its pairs is
    holders: dict[tuple[str, str], set[int]] = defaultdict(set)
    for j, (u, keys) in enumerate(zip(child, c_keys, strict=True)):
        if not u.frame:
            for pair in pairwise(keys):
                holders[pair].add(j)
    return p_keys, c_keys, weight, holders


def _held_alone(points: list[int], p_keys: list[list[str]], c_keys: list[list[str]], weight: dict[str, float],
                holders: dict[tuple[str, str], set[int]], share_min: float, rival_max: float
                ) -> list[tuple[int, int, float]]:
    """(parent unit, child unit, containment) for each of `points` whose best (longer) child unit holds
    `share_min` of its weight in runs while the next best holds at most `rival_max` times as much."""
    out = []
    for i in points:
        point = p_keys[i]
        mass = math.fsum(weight[k] for k in point)
        where = sorted(set().union(*(holders.get(pair, set()) for pair in pairwise(point))))
        scores = sorted(((run_containment(point, c_keys[j], weight) / mass, j) for j in where
                         if len(c_keys[j]) > len(point)), key=lambda s: (-s[0], s[1]))
        if not scores or scores[0][0] < share_min:
            continue
        rival = scores[1][0] if len(scores) > 1 else 0.0
        if rival <= rival_max * scores[0][0]:
            out.append((i, scores[0][1], round(min(1.0, scores[0][0]), 4)))
    return out


# Another letter named by its symbol: the State's number, optional year, kind and issuer ("Chỉ thị số 25/CT-BYT",
# "Quyết định số 4210/QĐ-BYT") or the Party's number, kind and issuer ("Chỉ thị số 18-CT/TU").
_SYMBOL_RE = re.compile(r"(?<![\w/-])\d{1,5}(?:/(?:\d{4}/)?[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+"
                        r"|-[A-ZĐ]+/[A-ZĐ][A-Za-zĐđ0-9]*)")


def contained_leads(parent: list[Unit], child: list[Unit], taken: set[int], min_words: int, share_min: float,
                    rival_max: float, own: frozenset[str] = frozenset(), tables: PairTables | None = None
                    ) -> list[tuple[int, int, float]]:
    """(parent unit, child unit, containment) for a parent item's lead sentence over its points (more than
    `min_words` content words) that nothing took, restated in order inside one child sentence — the child
    opens its own longer sentence with the parent's clause ("Để bảo đảm sử dụng quỹ … hợp lý, hiệu quả; nâng
    cao trách nhiệm …, Bộ Y tế:" → "Để bảo đảm việc sử dụng nguồn kinh phí … hợp lý, hiệu quả, nâng cao trách
    nhiệm …, BHXH các tỉnh có văn bản đề nghị …"), scored and bounded as the short points are. With it goes
    each point under that lead that names another letter by its symbol (not one of `own`: the two letters'
    symbols) the child unit names too: the part of the lead the child carries out ("Chỉ thị số 25/CT-BYT")."""
    has_inside = {u.container for u in parent if u.container is not None}
    open_leads = [i for i, u in enumerate(parent)
                  if i not in taken and u.is_item and not u.frame and u.id in has_inside and not u.text.isupper()]
    if not open_leads:
        return []
    p_keys, c_keys, weight, holders = (tables or PairTables(parent, child)).get()
    leads = [i for i in open_leads if len(p_keys[i]) > min_words]
    out = _held_alone(leads, p_keys, c_keys, weight, holders, share_min, rival_max) if leads else []
    for i, j, share in list(out):
        named = set(_SYMBOL_RE.findall(child[j].text)) - own
        lead = parent[i].id
        for k, u in enumerate(parent):
            inside = u.item.startswith(lead + ".") and not u.frame
            if inside and k not in taken and named & set(_SYMBOL_RE.findall(u.text)):
                out.append((k, j, share))
    return out


_WORD_RE = re.compile(r"[^\W\d_]+")
_DATE_WORDS = frozenset({"ngày", "tháng", "năm"})
_HEADS = tuple(sorted(h.lower() for h in ORG_HEADS))  # "bộ", "phòng", "sở": one body's heads at three tiers


def _heading_body(text: str) -> tuple[str, ...]:
    """The body a child heading gives its duties to, as matching-form words ("Điều 4. Sở Lao động - Thương binh
    và Xã hội có nhiệm vụ" → sở lao động thương binh và xã hội), its plural "các" left out."""
    words = tuple(matching_form(w) for w in _WORD_RE.findall(DUTY_TAIL_RE.sub("", text)))
    return words[1:] if words[:1] == ("các",) else words


def handed_down(parent: list[Unit], child: list[Unit], parent_tokens: list[list[Token]], name_words: int,
                capitalised: float, run_min: int) -> list[tuple[int, int]]:
    """(parent unit, child unit) candidates of a duty handed down: the child unit sits under a heading that only
    names a body (`cascade.names.is_name_line`, at most `name_words` words, `capitalised`), the parent unit names
    that body or its counterpart at another tier as the one who acts, and the two share a run of `run_min`
    content words (`content_keys`, no date among them) that no other parent unit holds. `parent_tokens`: the
    parent's full tokens (`assignment_units` reads its clauses from them)."""
    inside = {u.container for u in child if u.container is not None}
    container = {u.id: u.container for u in child}
    p_runs: list[set[tuple[str, ...]]] = []  # read on the first heading that names an acting body
    holders: Counter[tuple[str, ...]] = Counter()
    c_runs: dict[int, set[tuple[str, ...]]] = {}  # read once, whatever the headings above a unit
    out: list[tuple[int, int]] = []
    for h in child:
        if h.frame or not h.is_item or h.id not in inside or not is_name_line(h.text, name_words, capitalised):
            continue
        body = _heading_body(h.text)
        if len(body) < 2:
            continue
        names = [body] + [(head, *body[1:]) for head in _HEADS if body[0] in _HEADS and head != body[0]]
        actors = sorted(assignment_units(parent, parent_tokens, names))
        if not actors:
            continue
        if not p_runs:
            p_runs = [set() if u.frame else _runs(content_keys(u.text), run_min) for u in parent]
            holders.update(r for runs in p_runs for r in runs)
        for j, u in enumerate(child):
            up = u.container
            while up is not None and up != h.id:
                up = container.get(up)
            if up is None or u.frame:
                continue
            if j not in c_runs:
                c_runs[j] = _runs(content_keys(u.text), run_min)
            out += [(i, j) for i in actors if any(holders[r] == 1 for r in c_runs[j] & p_runs[i])]
    return sorted(set(out))


def _runs(keys: list[str], n: int) -> set[tuple[str, ...]]:
    """The runs of `n` content words, those through a date left out: a date the two letters share is the
    deadline pass's evidence (`cascade.align.deadline_links`), weighed there against the other steps setting it."""
    return {run for k in range(len(keys) - n + 1)
            if not _DATE_WORDS.intersection(run := tuple(keys[k:k + n])) and not any(w.isdigit() for w in run)}


__all__ = ["PairTables", "contained_leads", "contained_points", "containment_tables", "content_keys",
           "handed_down", "run_containment"]
