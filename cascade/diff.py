"""Word diff between a parent unit and a child unit: an edit script of spans that never cuts inside
a syllable, tells spelling noise (orthographic) and tier substitutions (localised) from real change
(trimmed, added), and rebuilds both texts exactly.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from cascade.tokens import LOCALISATION_WORDS, ORG_KEY, TIER_KEY, Token, fold, tokenize
from models import DiffSpan, SpanKind

# The keys a tier word and a state body's head share across tiers: swapping one is localising.
_SWAPPED_KEYS = ((TIER_KEY,), (ORG_KEY,))


def _groups(parent: list[Token], child: list[Token]) -> list[tuple[list[int], list[int]]]:
    """Aligned token groups (1:1, or 1:n where an abbreviation meets its long form), in order."""
    pkeys = [(k, i) for i, t in enumerate(parent) for k in t.keys]
    ckeys = [(k, j) for j, t in enumerate(child) for k in t.keys]
    matcher = SequenceMatcher(None, [k for k, _ in pkeys], [k for k, _ in ckeys], autojunk=False)
    pairs: dict[int, set[int]] = {}
    matched_p: dict[int, int] = {}
    matched_c: dict[int, int] = {}
    for block in matcher.get_matching_blocks():
        for n in range(block.size):
            i, j = pkeys[block.a + n][1], ckeys[block.b + n][1]
            pairs.setdefault(i, set()).add(j)
            matched_p[i] = matched_p.get(i, 0) + 1
            matched_c[j] = matched_c.get(j, 0) + 1
    groups: list[tuple[list[int], list[int]]] = []
    for i in sorted(pairs):
        js = sorted(pairs[i])
        if matched_p[i] != len(parent[i].keys) or any(matched_c[j] != len(child[j].keys) for j in js):
            continue  # only part of an expanded abbreviation matched: not an alignment
        if js != list(range(js[0], js[-1] + 1)):
            continue  # a group must cover a contiguous run of child tokens
        if groups and js == groups[-1][1] and i == groups[-1][0][-1] + 1:
            groups[-1][0].append(i)  # n:1 — consecutive parent tokens meet one child abbreviation
            continue
        if groups and js[0] <= groups[-1][1][-1]:
            continue  # keep groups in order on both sides, so spans rebuild both texts
        groups.append(([i], js))
    return groups


def _one_key(tokens: list[Token]) -> bool:
    return all(len(t.keys) == 1 for t in tokens)


def _blocks(parent: list[Token], child: list[Token]) -> list[tuple[int, int, int]]:
    """Matching blocks (parent start, child start, length) of two token lists of one key each."""
    matcher = SequenceMatcher(None, [t.keys[0] for t in parent], [t.keys[0] for t in child], autojunk=False)
    return [(a, b, size) for a, b, size in matcher.get_matching_blocks() if size]


def _equal_kind(ps: list[Token], cs: list[Token]) -> SpanKind:
    """Aligned tokens: identical, a tier word swapped (localised), or spelling noise (orthographic)."""
    if "".join(t.surface for t in ps) == "".join(t.surface for t in cs):
        return SpanKind.EQUAL
    if len(ps) == len(cs) and any(p.keys in _SWAPPED_KEYS and fold(p.form) != fold(c.form)
                                  for p, c in zip(ps, cs, strict=True)):
        return SpanKind.LOCALISED
    return SpanKind.ORTHOGRAPHIC


def _is_localisation(ps: list[Token], cs: list[Token], before: Token | None) -> bool:
    """A substitution of tier/organisation words or of the place names they govern."""
    if not ps or not cs or len(ps) > 6 or len(cs) > 6:
        return False

    def ok(t: Token) -> bool:
        return t.form in LOCALISATION_WORDS or t.word[:1].isupper()

    if not all(ok(t) for t in ps + cs):
        return False
    anchored = before is not None and (before.keys == (TIER_KEY,) or before.form in LOCALISATION_WORDS)
    return anchored or (any(t.form in LOCALISATION_WORDS for t in ps) and any(t.form in LOCALISATION_WORDS for t in cs))


@dataclass(frozen=True)
class EditScript:
    """The spans, and which tokens each side carried over (for figures that union several links)."""

    spans: list[DiffSpan]
    kept_parent: frozenset[int]  # parent token indices carried into the child (equal/orthographic/localised)
    matched_child: frozenset[int]  # child token indices that came from the parent


class _Spans:
    """Spans being built: a run of one kind grows piece by piece and becomes a DiffSpan once, at the end."""

    def __init__(self) -> None:
        self.runs: list[tuple[SpanKind, list[str], list[str]]] = []

    def add(self, kind: SpanKind, parent: str, child: str) -> None:
        if not parent and not child:
            return
        runs = self.runs
        if runs and runs[-1][0] is kind:
            runs[-1][1].append(parent)
            runs[-1][2].append(child)
        else:
            runs.append((kind, [parent], [child]))

    def spans(self) -> list[DiffSpan]:
        return [DiffSpan.model_construct(kind=kind, parent="".join(ps), child="".join(cs))
                for kind, ps, cs in self.runs]


def edit_script(parent: list[Token], child: list[Token]) -> EditScript:
    if len(parent) == len(child) and [t.surface for t in parent] == [t.surface for t in child]:
        # the same text: one equal span (the same surfaces tokenize to the same keys)
        text = "".join(t.surface for t in parent)
        kept_same = frozenset(k for k, t in enumerate(parent) if t.keys)
        spans = [DiffSpan.model_construct(kind=SpanKind.EQUAL, parent=text, child=text)] if text else []
        return EditScript(spans, kept_same, kept_same)
    out = _Spans()
    kept: set[int] = set()
    matched: set[int] = set()
    pi = cj = 0

    def gap(p_end: int, c_end: int) -> None:
        if pi == p_end and cj == c_end:
            return
        ps, cs = parent[pi:p_end], child[cj:c_end]
        before = parent[pi - 1] if pi > 0 else None
        p_text, c_text = "".join(t.surface for t in ps), "".join(t.surface for t in cs)
        if p_text == c_text:  # e.g. punctuation-only text on both sides
            out.add(SpanKind.EQUAL, p_text, c_text)
        elif _is_localisation(ps, cs, before):
            out.add(SpanKind.LOCALISED, p_text, c_text)
            kept.update(range(pi, p_end))
            matched.update(range(cj, c_end))
        else:
            out.add(SpanKind.TRIMMED, p_text, "")
            out.add(SpanKind.ADDED, "", c_text)

    if _one_key(parent) and _one_key(child):
        # 1:1 groups, a matching block at a time
        for a, b, size in _blocks(parent, child):
            gap(a, b)
            for n in range(size):
                p, c = parent[a + n], child[b + n]
                ps, cs = p.surface, c.surface
                if ps == cs:
                    out.add(SpanKind.EQUAL, ps, cs)
                elif p.keys in _SWAPPED_KEYS and fold(p.form) != fold(c.form):
                    out.add(SpanKind.LOCALISED, ps, cs)
                else:
                    out.add(SpanKind.ORTHOGRAPHIC, ps, cs)
            kept.update(range(a, a + size))
            matched.update(range(b, b + size))
            pi, cj = a + size, b + size
    else:
        for p_idx, c_idx in _groups(parent, child):
            gap(p_idx[0], c_idx[0])
            ps_ = [parent[i] for i in p_idx]
            cs_ = [child[j] for j in c_idx]
            out.add(_equal_kind(ps_, cs_), "".join(t.surface for t in ps_), "".join(t.surface for t in cs_))
            kept.update(p_idx)
            matched.update(c_idx)
            pi, cj = p_idx[-1] + 1, c_idx[-1] + 1
    gap(len(parent), len(child))
    return EditScript(out.spans(), frozenset(kept), frozenset(matched))


def diff_tokens(parent: list[Token], child: list[Token]) -> list[DiffSpan]:
    return edit_script(parent, child).spans


def diff_texts(parent: str, child: str, abbreviations: dict[str, list[str]] | None = None) -> list[DiffSpan]:
    """Edit script from `parent` to `child`; `"".join(s.parent)` == parent and likewise for child.

    >>> [(s.kind.value, s.parent, s.child) for s in diff_texts("của tỉnh Bình Phước", "của huyện Bình Phước")]
    [('equal', 'của ', 'của '), ('localised', 'tỉnh ', 'huyện '), ('equal', 'Bình Phước', 'Bình Phước')]
    """
    return diff_tokens(tokenize(parent, abbreviations), tokenize(child, abbreviations))


_WORD_RE = re.compile(r"[^\W_]+")


def word_counts(spans: list[DiffSpan]) -> dict[SpanKind, tuple[int, int]]:
    """Words per span kind on the (parent, child) side."""
    out: dict[SpanKind, tuple[int, int]] = {}
    for s in spans:
        p, c = len(_WORD_RE.findall(s.parent)), len(_WORD_RE.findall(s.child))
        a, b = out.get(s.kind, (0, 0))
        out[s.kind] = (a + p, b + c)
    return out
