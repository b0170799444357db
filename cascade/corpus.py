"""Which letter implements which, across a folder: citations first (exact, then near misses), content
for the rest, with a confidence and the evidence; plus flags analysts ask for (citations that point
nowhere, near-miss citations, letters copied from a sibling rather than from their parent).

Candidate parents for content come from an inverted index over each letter's rarest word trigrams
(passim's n-gram index idea), so the cost grows with the number of letters, not its square.
"""

import bisect
import datetime as dt
import heapq
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx

from cascade.citecheck import edit_distance
from cascade.tokens import keys_of, tokenize
from cascade.units import letter_units
from models import Citation, CitationRole, Letter, Tier
from models.corpus import FolderCitationStatus, LetterNode, ParentEvidence, ParentLink

TIER_RANK = {Tier.CENTRAL: 0, Tier.PROVINCE: 1, Tier.DISTRICT: 2, Tier.COMMUNE: 3}


@dataclass(frozen=True)
class CorpusSettings:
    """Thresholds for pairing letters by content (weighted share of the child's word trigrams found
    in the candidate parent); see bench/ for how they were measured."""

    content_min: float = 0.30  # a parent found by content must hold this share of the child's text
    near_content_min: float = 0.15  # a near-miss citation needs only this much text in common
    near_days: int = 7  # a cited date this close to the parent's supports a near miss
    sample_size: int = 64  # rarest trigrams per letter used to find candidates
    candidates: int = 12  # candidates scored exactly per letter
    sibling_overlap: float = 0.5  # share of a child's local text also in a sibling's local text
    sibling_min_trigrams: int = 8
    # Bounds that keep a folder of near-copies linear: a near-miss citation is weighed against at
    # most this many letters of the cited kind and issuer (closest number, then closest date), a
    # letter is compared with at most this many siblings dated closest before it, and a flag names
    # at most this many siblings (the rest are counted).
    near_candidates: int = 16
    sibling_candidates: int = 64
    sibling_flags: int = 3


DEFAULT_CORPUS_SETTINGS = CorpusSettings()
Key = tuple[str, str, str]


def symbol_key(number: str | None, doc_type: str | None, issuer: str | None) -> Key | None:
    """(number without leading zeros, type, issuer), upper-cased: Party and state notations agree."""
    if not number or not doc_type or not issuer:
        return None
    return number.lstrip("0") or "0", doc_type.upper(), issuer.upper()


def _trigrams(letter: Letter, vocabulary: dict[str, int]) -> frozenset[int]:
    """Word trigrams as single ints (three 21-bit key ids): a third of the memory of string tuples,
    which matters at ten thousand letters."""
    out: set[int] = set()
    for unit in letter_units(letter, frame=False):  # the content a child carries, not its frame
        ids = [vocabulary.setdefault(k, len(vocabulary)) & _ID_MASK for k in keys_of(tokenize(unit.text))]
        out.update((a << 42) | (b << 21) | c for a, b, c in zip(ids, ids[1:], ids[2:], strict=False))
    return frozenset(out)


_ID_MASK = (1 << 21) - 1


@dataclass
class _Index:
    trigrams: dict[str, frozenset[int]]
    postings: dict[int, list[str]]  # only trigrams shared by two letters or more
    idf: dict[int, float]  # likewise; a trigram of one letter weighs `solo_idf`
    mass: dict[str, float]
    solo_idf: float

    @classmethod
    def build(cls, letters: Mapping[str, Letter]) -> "_Index":
        vocabulary: dict[str, int] = {}
        trigrams = {path: _trigrams(letter, vocabulary) for path, letter in letters.items()}
        seen: set[int] = set()
        shared: set[int] = set()
        for grams in trigrams.values():
            shared |= grams & seen
            seen |= grams
        del seen
        postings: dict[int, list[str]] = defaultdict(list)
        for path, grams in trigrams.items():
            for g in grams & shared:
                postings[g].append(path)
        n = max(1, len(trigrams))
        idf = {g: math.log(1 + n / len(p)) for g, p in postings.items()}
        solo = math.log(1 + n)
        mass = {path: sum(idf.get(g, solo) for g in grams) for path, grams in trigrams.items()}
        return cls(trigrams, dict(postings), idf, mass, solo)

    def containment(self, child: str, parent: str) -> float:
        """Weighted share of the child's trigrams that the parent holds (a trigram both hold is shared,
        so it has its own weight)."""
        total = self.mass[child]
        if not total:
            return 0.0
        idf = self.idf
        return sum(idf[g] for g in self.trigrams[child] & self.trigrams[parent]) / total

    def candidates(self, child: str, settings: CorpusSettings) -> list[str]:
        """Letters sharing the child's sampled trigrams, most votes first. Half the sample is the
        rarest trigrams (what the child shares with few letters: its own children, its parent's local
        text), half a hash-ordered draw of the rest, so a parent whose text all its children share
        still gets votes."""
        grams = self.trigrams[child]
        shared = [g for g in grams if g in self.postings]
        half = settings.sample_size // 2
        rarest = heapq.nsmallest(half, shared, key=lambda g: (len(self.postings[g]), g))
        chosen = set(rarest)
        drawn = heapq.nsmallest(half, (g for g in shared if g not in chosen), key=hash_gram)
        votes: dict[str, int] = defaultdict(int)
        for g in (*rarest, *drawn):
            for other in self.postings[g]:
                if other != child:
                    votes[other] += 1
        return sorted(votes, key=lambda p: (-votes[p], p))


def hash_gram(gram: int) -> int:
    """A hash that is the same in every process and run, to draw a sample of trigrams."""
    return zlib.crc32(gram.to_bytes(8, "little"))


def _implemented(letter: Letter) -> list[Citation]:
    seen: set[str] = set()
    out = []
    for c in letter.citations:
        if c.role is CitationRole.IMPLEMENTS and c.symbol and c.symbol not in seen:
            seen.add(c.symbol)
            out.append(c)
    return out


# Evidence that outweighs a small difference in shared text: the child's own header names the body
# above it ("ĐẢNG BỘ TỈNH BÌNH PHƯỚC" over "HUYỆN ỦY ĐỒNG PHÚ"), and this candidate is that body.
_PLACE_BONUS = 0.1
_UNIT_WORDS_RE = re.compile(r"\b(?:ĐẢNG BỘ|ĐẢNG ỦY|TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|ỦY BAN NHÂN DÂN|UBND|TỈNH|THÀNH PHỐ|"
                            r"HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\b")


def _place_of(line: str | None) -> str:
    return " ".join(_UNIT_WORDS_RE.sub(" ", (line or "").upper()).split())


def _names_parent(child: Letter, candidate: Letter) -> bool:
    """Does the child's superior-body line name the candidate's place (issuer lines or place)?"""
    above = _place_of(child.header.parent_issuer)
    if len(above) < 3:
        return False
    h = candidate.header
    return any(above == _place_of(x) for x in (h.issuer, h.parent_issuer, h.place) if x)


def _tier_ok(parent: Letter, child: Letter) -> bool:
    p, c = TIER_RANK.get(parent.tier), TIER_RANK.get(child.tier)
    return p is None or c is None or p < c


def _date_ok(parent: Letter, child: Letter) -> bool:
    pd, cd = parent.header.date, child.header.date
    return pd is None or cd is None or pd <= cd


def _days(a: dt.date | None, b: dt.date | None) -> int | None:
    return abs((a - b).days) if a and b else None


def detect_parents(letters: Mapping[str, Letter],
                   settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS) -> dict[str, LetterNode]:
    """A node per letter with its parents (evidence, confidence, reasons), children and flags."""
    index = _Index.build(letters)
    by_key: dict[Key, list[str]] = defaultdict(list)
    by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)  # for near misses, by date
    for path, letter in letters.items():
        h = letter.header
        key = symbol_key(h.number, h.doc_type, h.issuer_code)
        if key:
            by_key[key].append(path)
            if h.date:
                by_kind[key[1:]].append((h.date, path))
    for dated in by_kind.values():
        dated.sort()
    nodes = {path: _node(path, letter) for path, letter in letters.items()}
    graph = nx.DiGraph()  # parent → child, to refuse cycles
    graph.add_nodes_from(letters)
    pending_content: list[str] = []
    for path, letter in letters.items():
        node = nodes[path]
        cited = _implemented(letter)
        node.cited = [c.symbol for c in cited if c.symbol]
        statuses = []
        for c in cited:
            status, link = _resolve_citation(path, letter, c, letters, by_key, by_kind, index, settings)
            statuses.append(status)
            if link and not any(p.parent == link.parent for p in node.parents):
                node.parents.append(link)
                graph.add_edge(link.parent, path)
            if status is FolderCitationStatus.MISSING_IN_FOLDER:
                node.flags.append(f"missing-in-folder: cites {c.symbol}, which is not in the folder")
            elif status is FolderCitationStatus.NEAR and link:
                node.flags.append(f"near-citation: cites {c.symbol} but the folder has {nodes[link.parent].symbol}"
                                  f" ({link.parent})")
        order = [FolderCitationStatus.EXACT, FolderCitationStatus.NEAR, FolderCitationStatus.MISSING_IN_FOLDER]
        node.citation_status = min(statuses, key=order.index) if statuses else FolderCitationStatus.NONE
        if not node.parents:
            pending_content.append(path)
    # Content pairing, most confident first, never closing a cycle.
    proposals = []
    for path in pending_content:
        child = letters[path]
        allowed = []
        for other in index.candidates(path, settings):
            if _tier_ok(letters[other], child) and _date_ok(letters[other], child):
                allowed.append(other)
                if len(allowed) == settings.candidates:
                    break
        for cand in allowed:
            share = index.containment(path, cand)
            if share >= settings.content_min:
                known = child.tier is not Tier.UNKNOWN and letters[cand].tier is not Tier.UNKNOWN
                proposals.append((known, share + _PLACE_BONUS * _names_parent(child, letters[cand]), path, cand))
    # A parent whose tier is known to be above the child's beats any letter of unknown tier (which
    # could be the child's own child); then the larger share of the child's text wins.
    for _, share, path, cand in sorted(proposals, key=lambda x: (not x[0], -x[1], x[2], x[3])):
        node = nodes[path]
        if node.parents or nx.has_path(graph, path, cand):
            continue
        reasons = [f"{share:.0%} of its text (weighted word trigrams) is in {cand}"]
        child, parent = letters[path], letters[cand]
        if child.tier is not Tier.UNKNOWN and parent.tier is not Tier.UNKNOWN:
            reasons.append(f"tier {parent.tier.value} above {child.tier.value}")
        node.parents.append(ParentLink(parent=cand, evidence=ParentEvidence.CONTENT, confidence=round(share, 3),
                                       reasons=reasons))
        graph.add_edge(cand, path)
    for path, node in nodes.items():
        for p in node.parents:
            nodes[p.parent].children.append(path)
    _flag_sibling_copies(nodes, index, letters, settings)
    return nodes


def _node(path: str, letter: Letter) -> LetterNode:
    h = letter.header
    fmt = letter.source.format.value + ("+ocr" if letter.source.ocr_pages else "")
    return LetterNode(path=path, format=fmt, status="parsed", symbol=h.symbol,
                      date=h.date.isoformat() if h.date else None, issuer=h.issuer, tier=letter.tier,
                      subject=h.subject)


_NUMBER_CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _one_off(number: str) -> set[str]:
    """Every number one edit (a character dropped, changed or added) away, without leading zeros."""
    out = set()
    for i in range(len(number) + 1):
        if i < len(number):
            out.add(number[:i] + number[i + 1 :])
        for ch in _NUMBER_CHARS:
            if i < len(number):
                out.add(number[:i] + ch + number[i + 1 :])
            out.add(number[:i] + ch + number[i:])
    out.discard(number)
    return {n.lstrip("0") or "0" for n in out if n}


def _near_candidates(path: str, key: Key, cited: dt.date | None, by_key: dict[Key, list[str]],
                     by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]], settings: CorpusSettings) -> list[str]:
    """Letters of the cited kind and issuer whose number is one character off, or whose date is
    within `near_days` of the cited date, closest first and at most `near_candidates` of each:
    looked up, not scanned, so a folder of a thousand letters of one issuer stays linear."""
    limit = settings.near_candidates
    by_number = sorted(p for n in _one_off(key[0]) for p in by_key.get((n, key[1], key[2]), ()) if p != path)
    out = by_number[:limit]
    dated = by_kind.get(key[1:], [])
    if cited is not None and dated:
        # walk out from the cited date in both directions, nearest first
        right = bisect.bisect_left(dated, (cited, ""))
        left = right - 1
        close: list[str] = []
        window = dt.timedelta(days=settings.near_days)
        while len(close) < limit and (left >= 0 or right < len(dated)):
            before = cited - dated[left][0] if left >= 0 else None
            after = dated[right][0] - cited if right < len(dated) else None
            if after is not None and (before is None or after <= before):
                day, other = dated[right]
                right += 1
            else:
                day, other = dated[left]
                left -= 1
            if abs(day - cited) > window:
                break
            if other != path:
                close.append(other)
        out += [p for p in close if p not in out]
    return out


def _resolve_citation(path: str, letter: Letter, c: Citation, letters: Mapping[str, Letter],
                      by_key: dict[Key, list[str]], by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]],
                      index: _Index, settings: CorpusSettings) -> tuple[FolderCitationStatus, ParentLink | None]:
    key = symbol_key(c.number, c.doc_type, c.issuer_code)
    if key is None:
        return FolderCitationStatus.NONE, None
    exact = [p for p in by_key.get(key, []) if p != path]
    if exact:
        # Numbers restart each year (state) or term (Party): prefer the one whose date fits.
        best = min(exact, key=lambda p: (_days(letters[p].header.date, c.date) or 0, p))
        days = _days(letters[best].header.date, c.date)
        share = index.containment(path, best)
        if days:
            return FolderCitationStatus.NEAR, ParentLink(
                parent=best, evidence=ParentEvidence.NEAR_CITATION, confidence=round(0.6 + 0.4 * min(1, share * 2), 3),
                reasons=[f"cites {c.symbol} of {c.date}, the folder's {c.symbol} is dated "
                         f"{letters[best].header.date} ({days} day(s) apart)",
                         f"{share:.0%} of its text is in {best}"])
        return FolderCitationStatus.EXACT, ParentLink(
            parent=best, evidence=ParentEvidence.CITATION, confidence=1.0,
            reasons=[f"cites {c.symbol}" + (f" of {c.date}" if c.date else ""),
                     f"{share:.0%} of its text is in {best}"])
    near = []
    for other in _near_candidates(path, key, c.date, by_key, by_kind, settings):
        parent = letters[other]
        h = parent.header
        other_key = symbol_key(h.number, h.doc_type, h.issuer_code)
        if other == path or other_key is None:
            continue
        days = _days(h.date, c.date)
        close_number = edit_distance(other_key[0], key[0]) <= 1
        if not (close_number or (days is not None and days <= settings.near_days)):
            continue
        share = index.containment(path, other)
        if share >= settings.near_content_min:
            why = [f"cites {c.symbol}" + (f" of {c.date}" if c.date else "") + f"; the folder has {h.symbol}"
                   + (f" of {h.date}" if h.date else ""),
                   "number one character off" if close_number else f"dates {days} day(s) apart",
                   f"same issuer {key[2]} and kind {key[1]}", f"{share:.0%} of its text is in {other}"]
            near.append((share, other, why))
    if near:
        share, other, why = max(near, key=lambda x: (x[0] + _PLACE_BONUS * _names_parent(letter, letters[x[1]]), x[1]))
        return FolderCitationStatus.NEAR, ParentLink(parent=other, evidence=ParentEvidence.NEAR_CITATION,
                                                     confidence=round(0.5 + 0.4 * min(1, share * 2), 3), reasons=why)
    return FolderCitationStatus.MISSING_IN_FOLDER, None


def _flag_sibling_copies(nodes: dict[str, LetterNode], index: _Index, letters: Mapping[str, Letter],
                         settings: CorpusSettings) -> None:
    """A child whose local text (what is not in the parent) is largely a sibling's local text was
    copied from that sibling; the later letter is flagged (both, when the dates do not tell). Each
    child is compared with the `sibling_candidates` siblings dated closest before it (or on the same
    day), and its flag names the `sibling_flags` closest copies and counts the others."""
    far = dt.date.max
    for parent_path, parent in nodes.items():
        kids = sorted(parent.children, key=lambda k: (letters[k].header.date or far, k))
        if len(kids) < 2:
            continue
        local = {k: index.trigrams[k] - index.trigrams[parent_path] for k in kids}
        for i, a in enumerate(kids):
            if len(local[a]) < settings.sibling_min_trigrams:
                continue
            da = letters[a].header.date
            # siblings that may be a's source: the ones before it in date order, and same-day or undated ones after
            after = [b for b in kids[i + 1 :] if da is None or letters[b].header.date in (None, da)]
            pool = kids[max(0, i - settings.sibling_candidates) : i][::-1] + after[: settings.sibling_candidates]
            found = []
            for b in pool[: 2 * settings.sibling_candidates]:
                common = len(local[a] & local[b])
                share = common / len(local[a])
                if share < settings.sibling_overlap or common < settings.sibling_min_trigrams:
                    continue
                db = letters[b].header.date
                if da and db and da < db:
                    continue  # a is the earlier letter: b copied a, flagged in b's turn
                found.append((-share, b))
            found.sort()
            for minus_share, b in found[: settings.sibling_flags]:
                nodes[a].flags.append(f"copied-from-sibling: {-minus_share:.0%} of its local text is also in {b}")
            if len(found) > settings.sibling_flags:
                nodes[a].flags.append(f"copied-from-sibling: also {len(found) - settings.sibling_flags} more "
                                      "siblings hold most of its local text")
