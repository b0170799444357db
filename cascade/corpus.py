"""Which letter implements which, across a folder: citations first (exact, then near misses), content
for the rest, with a confidence and the evidence; plus flags analysts ask for (citations that point
nowhere, near-miss citations, letters copied from a sibling rather than from their parent, parents
found on thin evidence).

Content pairing is two-stage: candidates come from idf-weighted votes in a capped inverted index of word
trigrams (`cascade.trigram_index`: cost per letter bounded whatever the folder's size), as many as the
largest group of siblings needs so near-identical cousins cannot crowd the parent out; then each
candidate allowed by the tier and date rules is scored exactly (weighted share of the child's trigrams
it holds), and the best is told apart from the runner-up by the text where the two differ — siblings and
cousins share their parent's text and differ in their local text.
"""

import bisect
import datetime as dt
import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache

import networkx as nx
import numpy as np

from cascade.citecheck import edit_distance
from cascade.letter_facts import CitedFacts, LetterFacts, letter_facts
from cascade.letter_store import LetterStore
from cascade.trigram_index import ShardVoters, TrigramIndex, labels_of, letter_features
from cascade.units import letter_units
from models import Letter, NodeStatus, Tier
from models.corpus import FolderCitationStatus, LetterNode, ParentEvidence, ParentLink
from models.packed import unpack
from parsers.normalise import normalise_tones
from parsers.workers import map_bounded

TIER_RANK = {Tier.CENTRAL: 0, Tier.PROVINCE: 1, Tier.DISTRICT: 2, Tier.COMMUNE: 3}


@dataclass(frozen=True)
class CorpusSettings:
    """Thresholds for pairing letters by content (weighted share of the child's word trigrams found
    in the candidate parent); measured on generated cascades by bench/run.py."""

    content_min: float = 0.30  # a parent found by content must hold this share of the child's text …
    # … but a candidate exactly one known tier above a child that cites nothing needs only this much: a
    # commune that localises its district's letter without citing it keeps a fifth to a third of it, and a
    # letter one tier up is where it comes from; two tiers up or the same tier, it is as often a cousin.
    # Measured (bench/parents.py --no-minhash, seed 0): no citation 0.945 → 0.961 at 1,111 letters, 0.921 →
    # 0.930 at 3,034, 0.897 → 0.901 at 10,921; parents by content alone among 357 real documents
    # (bench/false_parents.py, nearly all invented) 15 → the same 15, where 0.25 for every candidate gave
    # 22, 0.2 for every one 29, 0.15 one tier up 17.
    adjacent_content_min: float = 0.2
    near_content_min: float = 0.15  # a near-miss citation needs only this much text in common …
    # … and either hold this share of the child's text unit by unit (`TrigramIndex.unit_containment`) or
    # have this share of its own text in the child: unrelated letters share stock phrases, patches of many
    # units, not whole units. Measured: parents found by content alone among 307 real documents from
    # different sources (bench/false_parents.py), unit share median 0.18 (0.10–0.22 but for 5), own
    # share in the child median 0.05; right content parents in a generated folder of 1,111 letters, unit
    # share 5th percentile 0.37, own share 0.17. These floors drop 8 of those 22 and no generated parent.
    unit_content_min: float = 0.2
    content_cover_min: float = 0.1
    named_content_min: float = 0.15  # … and so does a letter of the body the child's header names above it
    named_candidates: int = 16  # letters of that body scored, whatever their votes (dated closest before)
    near_days: int = 7  # a cited date this close to the parent's supports a near miss …
    slip_days: int = 3  # … and this close, a slip (see `_agreement`)
    cite_weight: float = 0.15  # per agreeing part of a near-miss citation (number, date), against shared text …
    exact_weight: float = 0.45  # … and for the symbol and date exactly as cited: a chance match of both is rare
    max_postings: int = 64  # a trigram votes for at most this many letters (the most general ones)
    candidates: int = 48  # candidates scored exactly per letter, at least …
    candidates_per_sibling: int = 2  # … and this many per child of the largest family found by citations
    max_candidates: int = 256
    rare_candidates: int = 16  # … and this many best voted by the text few letters share (uncapped trigrams),
    # of a known tier that may be above the child's
    tier_bonus: float = 0.03  # a parent known to be a tier above breaks near-ties of shared text
    derived_margin: float = 0.25  # a candidate is never the parent when it holds this much less of the child
    same_tier_penalty: float = 0.2  # a candidate of the child's own known tier
    other_body_penalty: float = 0.5  # a candidate of the level the child's header names above it, elsewhere
    # (a penalty, not a ban: a superior line can be misread)
    other_place_penalty: float = 0.5  # a candidate of the child's own tier and territorial level, another place
    # (a commune does not carry out a neighbouring commune's letter): as the line above, a penalty (0.5:
    # 3,034 letters, no citation 0.916 → 0.921; 1,111 and 10,921 unchanged)
    nearest_bonus: float = 0.02  # per tier rank of a parent above the child: the nearest tier wins ties
    family_of: int = 5  # the known children and parents of this many best-voted candidates are scored too
    tie_margin: float = 0.1  # candidates this close to the best are told apart by their own text …
    tie_candidates: int = 6  # … at most this many
    unit_weight: float = 1.0  # weight, in the score, of the child's share held unit by unit (see below)
    cover_weight: float = 0.2  # weight of the candidate's share that the child holds (see `_weigh`)
    own_weight: float = 0.5  # weight of a candidate's share of text of its own
    lineage_weight: float = 0.5  # weight of the child's share in the candidate's own parent
    family_weight: float = 0.5  # weight of the child's share of text few letters hold (a family's own)
    proposals: int = 4  # best candidates per letter kept in case the first would close a cycle
    exact_enough: float = 0.5  # an exact citation whose letter holds this share: near misses are only looked up
    thin_share: float = 0.45  # below this share of the child's text, a content parent is thin evidence
    thin_decisive: float = 0.4  # … or when it holds no more than this share of what tells it from the runner-up …
    thin_margin: float = 0.05  # … or when its score is less than this over the runner-up's
    sibling_overlap: float = 0.5  # share of a child's local text also in a sibling's local text
    sibling_min_trigrams: int = 8
    # Bounds that keep a folder of near-copies linear: a near-miss citation is weighed against at
    # most this many letters of the cited kind and issuer (closest number, then closest date), a
    # letter is compared with at most this many siblings dated closest before it, and a flag names
    # at most this many siblings (the rest are counted).
    near_candidates: int = 16
    near_scan: int = 128  # … of at most this many letters looked at, closest date first
    sibling_candidates: int = 64
    sibling_flags: int = 3


DEFAULT_CORPUS_SETTINGS = CorpusSettings()
Key = tuple[str, str, str]
# Detection reads each letter's facts (cascade.letter_facts), never the letter: in a folder run the
# letters stay packed. Below, `letters` is a mapping of those facts by path.
Facts = Mapping[str, LetterFacts]
Labels = Callable[[str], np.ndarray]  # a letter's `TrigramIndex.unit_labels`


def symbol_key(number: str | None, doc_type: str | None, issuer: str | None) -> Key | None:
    """(number without leading zeros, type, issuer), upper-cased: Party and state notations agree."""
    if not number or not doc_type or not issuer:
        return None
    return number.lstrip("0") or "0", doc_type.upper(), issuer.upper()


# Evidence that outweighs a small difference in shared text: the child's own header names the body
# above it ("ĐẢNG BỘ TỈNH BÌNH PHƯỚC" over "HUYỆN ỦY ĐỒNG PHÚ"), and this candidate is that body.
_PLACE_BONUS = 0.1
_BODY_WORDS_RE = re.compile(r"\b(?:ĐẢNG BỘ|ĐẢNG ỦY|ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\b")
_COMMITTEE_RE = re.compile(r"\b(TỈNH|HUYỆN|THÀNH|THỊ|QUẬN) ỦY\b")
_LEVEL_OF_COMMITTEE = {"TỈNH": "TỈNH", "HUYỆN": "HUYỆN", "THÀNH": "THÀNH PHỐ", "THỊ": "THỊ XÃ", "QUẬN": "QUẬN"}


@lru_cache(maxsize=1 << 16)
def _place_of(line: str | None) -> str:
    """A body's level and place: 'ĐẢNG BỘ HUYỆN ĐỒNG PHÚ', 'HUYỆN ỦY ĐỒNG PHÚ' and 'UBND HUYỆN ĐỒNG PHÚ' all
    give 'HUYỆN ĐỒNG PHÚ', never 'TỈNH …': the level tells a district from the province it lies in. Tone
    placement is canonical first, so the older spelling 'UỶ BAN', 'HUYỆN UỶ' reads the same."""
    text = _COMMITTEE_RE.sub(lambda m: _LEVEL_OF_COMMITTEE[m.group(1)], normalise_tones((line or "").upper()))
    return " ".join(_BODY_WORDS_RE.sub(" ", text).split())


def _named_above(letter: LetterFacts) -> str | None:
    """The body the letter's superior-body line names ('ĐẢNG BỘ HUYỆN X' → 'HUYỆN X'), if any."""
    above = _place_of(letter.header.parent_issuer)
    return above if len(above.split()) >= 2 else None


def _bodies_of(letter: LetterFacts) -> set[str]:
    """The bodies a letter speaks for: its issuer and, for a department, the committee it issues for."""
    h = letter.header
    # The line over a committee ("ĐẢNG BỘ HUYỆN X" over "ĐẢNG ỦY XÃ Y") names the body above the
    # letter, not the letter's own; the committee over a department ("TỈNH ỦY X" over "BAN TUYÊN GIÁO")
    # is its own body.
    own = [h.issuer] + ([h.parent_issuer] if h.parent_issuer and not h.parent_issuer.upper().startswith("ĐẢNG BỘ")
                        else [])
    return {place for place in map(_place_of, (x for x in own if x)) if len(place.split()) >= 2}


_UNIT_LEVELS = {"TỈNH", "HUYỆN", "QUẬN", "THỊ", "THÀNH", "XÃ", "PHƯỜNG"}  # territorial units (THỊ XÃ, THÀNH PHỐ …)


def _other_body(child: LetterFacts, candidate: LetterFacts) -> bool:
    """Does the child's header name a body above it of the candidate's level but another place
    ('ĐẢNG BỘ HUYỆN X' over the child, the candidate from HUYỆN Y)? A commune implements its own
    district's letters, not a neighbouring district's, however much of the provincial text both carry."""
    above = _named_above(child)
    if above is None or above.split()[0] not in _UNIT_LEVELS:
        return False  # a ministry's or a department's sub-unit may well carry out another body's letter
    level = above.split()[0]
    bodies = _bodies_of(candidate)
    return above not in bodies and any(b.split()[0] == level for b in bodies)


def _other_place(child: LetterFacts, candidate: LetterFacts) -> bool:
    """Do the child and the candidate speak for territorial bodies of one level in different places
    ('XÃ LONG LIỄU' and 'XÃ AN QUẢN')? Such letters are neighbours, never parent and child; the same
    place (the commune's Party committee and its People's Committee) may well be."""
    def places(letter: LetterFacts) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for body in _bodies_of(letter):
            if body.split()[0] in _UNIT_LEVELS:
                out[body.split()[0]].add(body)
        return out

    mine, theirs = places(child), places(candidate)
    return any(level in theirs and not (bodies & theirs[level]) for level, bodies in mine.items())


def _names_parent(child: LetterFacts, candidate: LetterFacts) -> bool:
    """Does the child's superior-body line name the candidate's body (its issuer, or the committee a
    department issues for)?"""
    above = _named_above(child)
    return above is not None and above in _bodies_of(candidate)


def _tier_ok(parent: LetterFacts, child: LetterFacts) -> bool:
    """A letter is never implemented by one of a higher tier; the same tier is allowed, as real letters
    do it (the Politburo's resolution → the National Assembly's Party delegation's plan; a province's
    plan → a provincial department's)."""
    p, c = TIER_RANK.get(parent.tier), TIER_RANK.get(child.tier)
    return p is None or c is None or p <= c


def _above(parent: LetterFacts, child: LetterFacts) -> bool:
    p, c = TIER_RANK.get(parent.tier), TIER_RANK.get(child.tier)
    return p is not None and c is not None and p < c


def _right_above(parent: LetterFacts, child: LetterFacts) -> bool:
    """Is the parent's known tier exactly one above the child's (a district's letter over a commune's)?
    Where a letter comes from when it says nothing of its source."""
    p, c = TIER_RANK.get(parent.tier), TIER_RANK.get(child.tier)
    return p is not None and c is not None and p == c - 1


def _content_floor(parent: LetterFacts, child: LetterFacts, named: bool, settings: CorpusSettings) -> float:
    """The share of the child's text a content parent must hold: less for a letter of the body the
    child's header names above it, and for a letter right above a child that cites nothing."""
    if named:
        return settings.named_content_min
    if not child.implemented and _right_above(parent, child):
        return min(settings.adjacent_content_min, settings.content_min)
    return settings.content_min


def _date_ok(parent: LetterFacts, child: LetterFacts) -> bool:
    """A letter implements an earlier one (or one of the same day)."""
    pd, cd = parent.header.date, child.header.date
    return pd is None or cd is None or pd <= cd


def _days(a: dt.date | None, b: dt.date | None) -> int | None:
    return abs((a - b).days) if a and b else None


def build_index(letters: Mapping[str, Letter], settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
                trigrams: Mapping[str, np.ndarray] | None = None, executor: Executor | None = None,
                jobs: int | None = None) -> TrigramIndex:
    """The trigram index of a folder, with which unit holds each of a letter's trigrams (what detection
    scores candidates by). Letters are tokenized on `executor` (e.g. a Dask cluster's; a `LetterStore`'s
    letters are shipped packed), else in `jobs` local processes (default one per core; forked, they
    read a `LetterStore`'s spool themselves), one letter open at a time, and the postings partitions are
    built there too; `trigrams` (from `letter_trigrams`) saves tokenizing those letters again, all but
    their units, and a `LetterStore`'s letters whose parse worker computed their `letter_features`
    (cascade.pipeline) are not opened at all (the store lets go of those features once the index holds
    them)."""
    grams = dict(trigrams or {})
    labels: dict[str, np.ndarray] = {}
    for p, g in grams.items():
        labels[p] = labels_of(g, [u.text for u in letter_units(letters[p], frame=False)])
    if isinstance(letters, LetterStore):  # the features the parse workers computed (`letter_features`)
        for p in letters:
            found = letters.features(p)
            if found is not None and p not in grams:
                grams[p], labels[p] = found
    missing = [p for p in letters if p not in grams]
    chunks = [missing[k:k + 64] for k in range(0, len(missing), 64)]
    jobs = jobs or os.cpu_count() or 1
    if executor is not None:
        store = letters if isinstance(letters, LetterStore) else None
        shipped = ([store.packed(p) for p in c] if store is not None else [letters[p] for p in c] for c in chunks)
        _collect(chunks, map_bounded(executor, _features_of, shipped), grams, labels)
    elif jobs > 1 and len(chunks) > 1 and multiprocessing.get_start_method() == "fork":
        global _POOL_LETTERS
        _POOL_LETTERS = letters  # inherited by the forked workers, never pickled
        try:
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                _collect(chunks, pool.map(_inherited_features, chunks), grams, labels)
        finally:
            _POOL_LETTERS = {}
    else:
        _collect(chunks, ([letter_features(letters[p]) for p in c] for c in chunks), grams, labels)
    source = letters.facts if isinstance(letters, LetterStore) else lambda p: letters[p]
    rank = {p: TIER_RANK.get(source(p).tier, len(TIER_RANK)) for p in letters}
    index = TrigramIndex.build({p: grams[p] for p in letters}, max_postings=settings.max_postings, rank=rank,
                               executor=executor, labels={p: labels[p] for p in letters})
    if isinstance(letters, LetterStore):
        letters.drop_features()
    return index


_POOL_LETTERS: Mapping[str, Letter] = {}


def _collect(chunks: list[list[str]], found: Iterable[list[tuple[np.ndarray, np.ndarray]]],
             grams: dict[str, np.ndarray], labels: dict[str, np.ndarray]) -> None:
    for chunk, features in zip(chunks, found, strict=True):
        for p, (g, lab) in zip(chunk, features, strict=True):
            grams[p], labels[p] = g, lab


def _features_of(letters: list[Letter | bytes]) -> list[tuple[np.ndarray, np.ndarray]]:
    return [letter_features(unpack(x) if isinstance(x, bytes) else x) for x in letters]


def _inherited_features(paths: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    out = [letter_features(_POOL_LETTERS[p]) for p in paths]
    if isinstance(_POOL_LETTERS, LetterStore):
        _POOL_LETTERS.release()  # one chunk's letters open at a time
    return out


@dataclass(frozen=True)
class _Proposal:
    child: str
    parent: str
    score: float  # share, plus the tier and place bonuses: what ranks the candidates
    share: float
    known: bool  # both tiers known
    runner_up: str | None
    above: bool
    margin: float  # score over the runner-up's (the best proposal only)
    rank: int  # 0 for the child's best candidate


def detect_parents(letters: Mapping[str, Letter], settings: CorpusSettings = DEFAULT_CORPUS_SETTINGS,
                   index: TrigramIndex | None = None, executor: Executor | None = None,
                   jobs: int | None = None) -> dict[str, LetterNode]:
    """A node per letter with its parents (evidence, confidence, reasons), children and flags. The index
    is built on `executor` or in `jobs` processes (see `build_index`); the voting and the exact scores
    run here, at a bounded cost per letter, from each letter's facts (`LetterStore.facts`) and the
    index: a letter is opened only to label its units when the index was built without them."""
    index = built = index or build_index(letters, settings, executor=executor, jobs=jobs)

    def labels(path: str) -> np.ndarray:
        stored = built.stored_labels(path)
        return stored if stored is not None else built.unit_labels(
            path, [u.text for u in letter_units(letters[path], frame=False)])

    facts: dict[str, LetterFacts] = ({p: letters.facts(p) for p in letters} if isinstance(letters, LetterStore)
                                     else {p: letter_facts(letter) for p, letter in letters.items()})
    by_key: dict[Key, list[str]] = defaultdict(list)
    by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]] = defaultdict(list)  # for near misses, by date
    for path, letter in facts.items():
        h = letter.header
        key = symbol_key(h.number, h.doc_type, h.issuer_code)
        if key:
            by_key[key].append(path)
            if h.date:
                by_kind[key[1:]].append((h.date, path))
    by_body: dict[str, list[tuple[dt.date, str]]] = defaultdict(list)  # letters of each body, by date
    for path, letter in facts.items():
        for body in _bodies_of(letter):
            by_body[body].append((letter.header.date or dt.date.min, path))
    for dated in (*by_kind.values(), *by_body.values()):
        dated.sort()
    named_by = _named_by(facts, by_key)
    nodes = {path: _node(path, letter) for path, letter in facts.items()}
    graph = nx.DiGraph()  # parent → child, to refuse cycles
    graph.add_nodes_from(facts)
    pending_content: list[str] = []
    for path, letter in facts.items():
        node = nodes[path]
        cited = letter.implemented
        node.cited = [c.symbol for c in cited if c.symbol]
        statuses = []
        for c in cited:
            status, link = _resolve_citation(path, letter, c, facts, by_key, by_kind, index, settings, labels)
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
    # As many candidates as the largest family found by citations needs: its siblings share most of
    # the parent's text and would otherwise fill every slot.
    family = max((graph.out_degree(p) for p in graph), default=0)
    k = min(settings.max_candidates, max(settings.candidates, settings.candidates_per_sibling * family + 8))
    # Top-down, a tier at a time (unknown tiers last): a letter's candidates include the known children
    # and parents of its best-voted ones, so a district paired a tier above is there for its communes.
    # A letter whose best candidate is of unknown tier waits for the last round: that letter is first
    # placed under its own parent, and is passed over if it turns out to be a descendant (a headerless
    # commune letter holds much of the central text, but is not where a central letter comes from).
    unplaced = len(TIER_RANK)
    levels: dict[int, list[str]] = defaultdict(list)
    for path in pending_content:
        levels[TIER_RANK.get(facts[path].tier, unplaced)].append(path)
    deferred: list[_Proposal] = []
    masks = _source_masks(facts, index)
    # The votes run where the postings are: a shard of the letters per Dask worker (each returns its
    # tops, merged here), or in this process; the exact scores run here.
    voters = ShardVoters(index, executor) if executor is not None else None
    for level in sorted({*levels, unplaced}):
        if voters is not None and levels.get(level):
            index.vote_on(levels[level], k, settings.rare_candidates, masks[level], voters)
        proposals = [p for path in levels.get(level, [])
                     for p in _content_proposals(path, facts, index, settings, k, graph, labels,
                                                 _named_letters(path, facts[path], by_body, settings),
                                                 masks[level])]
        rounds = [proposals]
        if level < unplaced:
            waiting = {p.child for p in proposals if p.rank == 0 and facts[p.parent].tier is Tier.UNKNOWN}
            deferred += [p for p in proposals if p.child in waiting]
            rounds = [[p for p in proposals if p.child not in waiting]]
        else:
            rounds.append(deferred)  # once the letters of unknown tier are placed
        for batch in rounds:
            # Most confident first; a candidate that would close a cycle, or that its own parent puts
            # below the child's tier, is passed over.
            for prop in sorted(batch, key=lambda x: (-x.score, x.child, x.parent)):
                node = nodes[prop.child]
                if node.parents or prop.parent in named_by.get(prop.child, ()) \
                        or nx.has_path(graph, prop.child, prop.parent):
                    continue
                floor = _placed_rank(prop.parent, facts, graph)
                if floor is not None and floor > TIER_RANK.get(facts[prop.child].tier, unplaced):
                    continue
                decisive = index.decisiveness(prop.child, prop.parent, prop.runner_up) if prop.runner_up else 1.0
                node.parents.append(_content_link(prop, decisive, facts))
                graph.add_edge(prop.parent, prop.child)
                _flag_other_source(node, nodes[prop.parent])
                if (prop.share < settings.thin_share or decisive <= settings.thin_decisive
                        or prop.margin < settings.thin_margin):
                    node.flags.append(f"thin-evidence: {node.parents[0].reasons[-1]}")
    for path, node in nodes.items():
        for p in node.parents:
            nodes[p.parent].children.append(path)
    _flag_sibling_copies(nodes, index, facts, settings)
    return nodes


def _named_by(letters: Facts, by_key: Mapping[Key, list[str]]) -> dict[str, set[str]]:
    """Which letters name each letter in a citation of any role (a mention too), where the symbol is the
    only one of its kind in the folder and a cited date agrees: a letter is never placed, by content,
    under a letter that names it, which was written after it (a contest's rules "ban hành kèm theo" its
    plan share most of the plan's text and, undated, would otherwise be its parent)."""
    out: dict[str, set[str]] = defaultdict(set)
    for path, letter in letters.items():
        for c in (*letter.implemented, *letter.mentioned):
            key = symbol_key(c.number, c.doc_type, c.issuer_code)
            found = by_key.get(key, []) if key else []
            if len(found) != 1 or found[0] == path:
                continue
            date = letters[found[0]].header.date
            if c.date is None or date is None or c.date == date:
                out[found[0]].add(path)
    return out


def _placed_rank(path: str, letters: Facts, graph: nx.DiGraph) -> int | None:
    """The rank of the nearest known tier above a letter of unknown tier, once it is placed (a
    headerless letter under a district's is a district's or below); None when nothing above is known."""
    seen = {path}
    while letters[path].tier is Tier.UNKNOWN:
        above = [p for p in graph.predecessors(path) if p not in seen]
        if not above:
            return None
        path = above[0]
        seen.add(path)
    return TIER_RANK.get(letters[path].tier)


def _named_letters(path: str, letter: LetterFacts, by_body: dict[str, list[tuple[dt.date, str]]],
                   settings: CorpusSettings) -> list[str]:
    """Letters of the body the child's header names above it ('ĐẢNG BỘ HUYỆN X' over 'ĐẢNG ỦY XÃ Y'),
    dated on or before the child, closest first, at most `named_candidates`: the vote may rank them
    low when the child is short and mostly local, or when cousins hold the same inherited text."""
    above = _named_above(letter)
    dated = by_body.get(above, []) if above else []
    if not dated:
        return []
    day = letter.header.date
    end = bisect.bisect_right(dated, (day, "\uffff")) if day else len(dated)
    return [p for _, p in dated[:end][::-1][: settings.named_candidates] if p != path]


def _source_masks(letters: Facts, index: TrigramIndex) -> dict[int, np.ndarray]:
    """Per child tier rank (unknown: the last), the letters the rare vote may add: of a known tier
    above the child's (any known tier but the lowest, for a child of unknown tier). A letter of
    unknown tier that holds the child's rare text is as often a sibling (communes localise their
    district's letter the same way) as a parent, and the full vote and its family find it anyway."""
    unknown = len(TIER_RANK)
    rank = np.array([TIER_RANK.get(letters[p].tier, unknown) for p in index.paths])
    return {r: rank < min(r, unknown - 1) for r in range(unknown + 1)}


def _content_proposals(path: str, letters: Facts, index: TrigramIndex, settings: CorpusSettings,
                       k: int, graph: nx.DiGraph, unit_labels: Labels, named: Sequence[str] = (),
                       sources: np.ndarray | None = None) -> list[_Proposal]:
    """Every candidate that may be the child's parent by content, each with how clearly it beats the
    next best (stage two: exact shares of the candidates the vote found, of the letters its header
    names, and of their families)."""
    voted = index.candidates(path, k, settings.rare_candidates, sources)
    labels = unit_labels(path)
    scored = _score_candidates(path, list(dict.fromkeys([*voted, *named])), letters, index, settings, labels,
                               set(named))
    # Stage two and a half: the known children and parents of the best scored, scored too (a district
    # the vote's cap left out is found under its province).
    seen = {x[2] for x in scored}
    family = [x for top in scored[:settings.family_of] for x in (*graph.successors(top[2]),
                                                                   *graph.predecessors(top[2])) if x not in seen]
    scored += _score_candidates(path, list(dict.fromkeys(family)), letters, index, settings, labels)
    scored.sort(key=lambda x: (-x[0], x[2]))
    scored = _rerank_near_ties(path, scored, index, settings, graph, letters)
    out = []
    best = max((x[0] for x in scored), default=0.0)
    for n, (score, share, cand, known, above) in enumerate(scored[:settings.proposals]):
        rival = scored[1][2] if n == 0 and len(scored) > 1 else scored[0][2] if n else None
        # the order after the near-tie rules is the order of preference: scores follow it
        rank_score = best - 1e-6 * n if n == 0 else min(score, best - 1e-6 * n)
        margin = score - scored[1][0] if n == 0 and len(scored) > 1 else 1.0 if n == 0 else 0.0
        out.append(_Proposal(path, cand, rank_score, share, known, rival, above, margin, n))
    return out


def _score_candidates(path: str, candidates: list[str], letters: Facts, index: TrigramIndex,
                      settings: CorpusSettings, labels: np.ndarray, named: Set[str] = frozenset()
                      ) -> list[tuple[float, float, str, bool, bool]]:
    """(score, share, candidate, both tiers known, candidate a tier above) of each allowed candidate;
    a candidate the child's header names (`named`) needs less text in common, as a near citation does.
    `labels` tell which of the child's units holds each of its trigrams (`TrigramIndex.unit_labels`)."""
    child = letters[path]
    scored = []
    for cand in candidates:
        if cand == path:
            continue
        parent = letters[cand]
        if not (_tier_ok(parent, child) and _date_ok(parent, child)):
            continue
        share = index.containment(path, cand)
        if share < _content_floor(parent, child, cand in named, settings):
            continue
        copied = index.unit_containment(path, cand, labels)
        if (cand not in named and copied < settings.unit_content_min
                and index.containment(cand, path) < settings.content_cover_min):
            continue
        above = _above(parent, child)
        # Direction, where the tiers do not tell it: a letter mostly made of the child's text that
        # holds far less of the child's is the child's own child (or a sibling that copied it). A
        # candidate merely shorter than the child is not: a child that keeps its parent whole and adds
        # its own items is longer than its parent.
        back = 0.0 if above else index.containment(cand, path)  # (only then worth computing)
        if back - share > settings.derived_margin:
            continue
        score, known = _weigh(path, cand, share, above, letters, index, settings, labels, copied)
        scored.append((score, share, cand, known, above))
    return scored


def _weigh(path: str, cand: str, share: float, above: bool, letters: Facts, index: TrigramIndex,
           settings: CorpusSettings, labels: np.ndarray, copied: float | None = None) -> tuple[float, bool]:
    """(score, both tiers known) of a candidate parent by its text and its place: the child's share
    held unit by unit (`copied`, when the caller has it), the tier and the body its header names."""
    child, parent = letters[path], letters[cand]
    known = child.tier is not Tier.UNKNOWN and parent.tier is not Tier.UNKNOWN
    # The same known tier is allowed (real letters do it) but a letter a tier above that holds
    # most of the text is the likelier source: communes do not direct their neighbours.
    # Among parents that hold the text equally, the nearest tier above: a commune implements its
    # district's letter, which carries the province's text.
    nearest = settings.nearest_bonus * TIER_RANK[parent.tier] if above else 0.0
    # A commune is the lowest tier: a letter implementing a commune's is of the same tier, known or not.
    same_tier = (known and not above) or (child.tier is Tier.UNKNOWN and parent.tier is Tier.COMMUNE)
    # A parent holds whole the units the child copied from it; a cousin, patches of many.
    if copied is None:
        copied = index.unit_containment(path, cand, labels) if settings.unit_weight else share
    text = (1 - settings.unit_weight) * share + settings.unit_weight * copied
    # A parent's text is mostly in its child, a fat letter's (a district that added many stock
    # sentences, a long commune letter) barely: that fat letter also holds the stock sentences the child
    # added, and would win on the child's share alone (0.2: 10,921 letters, no citation 0.883 → 0.897).
    if settings.cover_weight:
        text += settings.cover_weight * index.containment(cand, path)
    score = (text + settings.tier_bonus * above + nearest + _PLACE_BONUS * _names_parent(child, parent)
             - settings.same_tier_penalty * same_tier - settings.other_body_penalty * _other_body(child, parent)
             - settings.other_place_penalty * (known and child.tier is parent.tier and _other_place(child, parent)))
    return score, known


def _rerank_near_ties(path: str, scored: list, index: TrigramIndex, settings: CorpusSettings,
                      graph: nx.DiGraph, letters: Facts) -> list:
    """Among candidates within `tie_margin` of the best:
    - the one with least text of its own (held neither by the child nor by the other close
      candidates) comes first: a parent's text is carried by its children, while a sibling or cousin
      has local text nobody else holds;
    - the family's text: the child's share of what at most `max_postings` letters hold (a family's own
      wording, passed down), not what hundreds share (a province's text all its districts carry,
      stock sentences every office writes; squared idf, used before, lifted exactly those: a stock
      sentence is rarer than a province's text, so it decided between cousins);
    - lineage: inherited text is in the parent's own parent too, so a candidate whose known parent
      holds more of the child's text comes first (a cousin in another province has another province
      above it). A candidate with no known parent counts as the best lineage among the others."""
    if len(scored) < 2:
        return scored
    close = [x for x in scored[:settings.tie_candidates] if x[0] >= scored[0][0] - settings.tie_margin]
    if len(close) < 2:
        return scored
    cands = [x[2] for x in close]
    own = {cand: index.own_share(cand, [path, *(o for o in cands if o != cand)]) for cand in cands}
    # Lineage is never more than the candidate's own share of the child: text of the child that the
    # candidate's parent holds and the candidate lacks did not come through the candidate. And a candidate
    # whose known parent is another close candidate takes that one's lineage: its own would be that
    # candidate's share, so the signal always sided with the lower generation (the child's sibling over
    # their common parent); between the two it is now neutral. (Both, after `adjacent_content_min`: no
    # citation 0.961 → 0.961 at 1,111 letters, 0.930 → 0.939 at 3,034, 0.901 → 0.901 at 10,921.)
    share = {x[2]: x[1] for x in close}

    def above(cand: str) -> list[str]:
        seen, todo, out = {cand, path}, [cand], []
        while todo:
            for p in graph.predecessors(todo.pop()):
                if p not in seen:
                    seen.add(p)
                    (todo if p in share else out).append(p)
        return out

    lineage = {cand: _capped(max((index.containment(path, p) for p in above(cand)), default=None), share[cand])
               for cand in cands}
    known = [v for v in lineage.values() if v is not None]
    top = max(known, default=0.0)
    family = {cand: index.family_containment(path, cand) for cand in cands}
    day = letters[path].header.date

    def key(x: tuple) -> tuple:
        line = lineage[x[2]]
        # equal evidence: the letter dated closest before the child (an office implements the latest
        # instruction it received), then the path
        gap = _days(letters[x[2]].header.date, day)
        value = (x[0] - settings.own_weight * own[x[2]] + settings.lineage_weight * (top if line is None else line)
                 + settings.family_weight * family[x[2]])
        return not named[x[2]], -round(value, 9), gap if gap is not None else 1 << 20, x[2]

    # A candidate the child's superior-body line names comes first among the close ones: that line tells
    # cousins apart, and the signals above weigh text, where a cousin with less text of its own beat it
    # (no citation 0.939 → 0.941 at 3,034 letters, 0.901 → 0.904 at 10,921; 1,111 unchanged).
    named = {cand: _names_parent(letters[path], letters[cand]) for cand in cands}
    reranked = sorted(close, key=key)
    return reranked + scored[len(close):]


def _capped(value: float | None, cap: float) -> float | None:
    return None if value is None else min(value, cap)


def _content_link(prop: _Proposal, decisive: float, letters: Facts) -> ParentLink:
    """The confidence is the share of the child's text in the parent, scaled down when the runner-up
    explains the text where the two differ about as well (siblings, cousins, the child's own child)."""
    child, parent = letters[prop.child], letters[prop.parent]
    reasons = [f"{prop.share:.0%} of its text (weighted word trigrams) is in {prop.parent}"]
    if prop.above:
        reasons.append(f"tier {parent.tier.value} above {child.tier.value}")
    if _names_parent(child, parent):
        reasons.append(f"its header names the body above it ({child.header.parent_issuer})")
    if prop.runner_up:
        reasons.append(f"against the runner-up {prop.runner_up}, {decisive:.0%} of the text where the two "
                       "differ sides with it")
    else:
        reasons.append("no other candidate holds enough of its text")
    confidence = min(1.0, prop.share) * (0.5 + 0.5 * decisive)
    return ParentLink(parent=prop.parent, evidence=ParentEvidence.CONTENT, confidence=round(confidence, 3),
                      reasons=reasons)


def _flag_other_source(node: LetterNode, parent: LetterNode) -> None:
    """A child that says it carries out a letter the folder lacks, paired by content with a letter that
    carries out another one, is at best a distant relative of it (the next year's rules under last
    year's; a commune under the province when its district's letter is missing): flagged, and its
    confidence halved."""
    if node.citation_status is not FolderCitationStatus.MISSING_IN_FOLDER or not parent.cited:
        return
    if set(parent.cited) & set(node.cited):
        return
    link = node.parents[-1]
    link.confidence = round(link.confidence / 2, 3)
    link.reasons.append(f"it carries out {', '.join(node.cited)}, not in the folder; {parent.path} carries out "
                        f"{', '.join(parent.cited)}")
    node.flags.append(f"other-source: carries out {', '.join(node.cited)}, which is not in the folder, and its "
                      f"content parent carries out {', '.join(parent.cited)}")


def _node(path: str, letter: LetterFacts) -> LetterNode:
    h = letter.header
    return LetterNode(path=path, format=letter.format, status=NodeStatus.PARSED, symbol=h.symbol,
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
                     by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]], settings: CorpusSettings,
                     index: TrigramIndex, letters: Facts) -> list[str]:
    """Letters of the cited kind and issuer whose number is one character off or the register's next
    or previous number, or whose date is within `near_days` of the cited date: at most `near_scan` of
    each looked at (the closest dates first), of which the `near_candidates` holding most of the child's
    text are kept. Looked up, not scanned, so a folder of a thousand letters of one issuer stays
    linear; ranked by text, not by path, because one day holds dozens of such letters when every
    district committee writes '…-CV/HU'."""
    limit, scan = settings.near_candidates, settings.near_scan

    def closest(paths: Iterable[str]) -> list[str]:
        def gap(p: str) -> tuple[int, str]:
            days = _days(letters[p].header.date, cited)
            return (days if days is not None else 1 << 20), p
        return sorted(paths, key=gap)

    def best(paths: list[str]) -> list[str]:
        if len(paths) <= limit:
            return paths
        return sorted(paths, key=lambda p: -index.containment(path, p))[:limit]

    dated = by_kind.get(key[1:], [])
    numbers = _one_off(key[0])
    if key[0].isdigit():
        numbers |= {str(int(key[0]) + d) for d in (-1, 1) if int(key[0]) + d > 0}
    slipped = {p for n in numbers for p in by_key.get((n, key[1], key[2]), ()) if p != path}
    out = best(closest(slipped)[:scan])
    if cited is not None and dated:
        # walk out from the cited date in both directions, nearest first
        right = bisect.bisect_left(dated, (cited, ""))
        left = right - 1
        close: list[str] = []
        window = dt.timedelta(days=settings.near_days)
        while len(close) < scan and (left >= 0 or right < len(dated)):
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
        out += [p for p in best(close) if p not in out]
    return out


def _number_slip(cited: str, other: str) -> bool:
    """Is `other` a slip of the pen away from the cited number: one character dropped, changed or
    added, two neighbours swapped, or the next or previous number of the register (1109 for 1110)?"""
    if edit_distance(cited, other) <= 1:
        return True
    if len(cited) == len(other):
        diff = [k for k in range(len(cited)) if cited[k] != other[k]]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and cited[diff[0]] == other[diff[1]] \
                and cited[diff[1]] == other[diff[0]]:
            return True
    return cited.isdigit() and other.isdigit() and abs(int(cited) - int(other)) == 1


def _agreement(key: Key, cited: dt.date | None, other: Key, date: dt.date | None,
               settings: CorpusSettings) -> tuple[float, float, int | None]:
    """How closely a letter's symbol and date agree with a citation of the same kind and issuer:
    (number part, date part, days apart), each part 1 when it agrees, 0.5 a slip away (a number one
    slip off; a date a few days off), 0.25 for a date within `near_days`, else 0."""
    number = 1.0 if other[0] == key[0] else 0.5 if _number_slip(key[0], other[0]) else 0.0
    days = _days(date, cited)
    when = (0.0 if days is None or days > settings.near_days else 1.0 if days == 0
            else 0.5 if days <= settings.slip_days else 0.25)
    return number, when, days


def _citation_pool(path: str, key: Key, c: CitedFacts, letters: Facts, by_key: dict[Key, list[str]],
                   by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]], index: TrigramIndex,
                   settings: CorpusSettings, voted: bool) -> list[str]:
    """Letters a citation may mean: of its symbol (any date), of a number one character off, dated within
    `near_days` (closest first, bounded), and, with `voted`, those of the cited kind and issuer among
    the letters the content vote ranks first: when a day's letters of one issuer code are many (every
    district committee writes '…-CV/HU'), the one that holds the child's text is among them."""
    pool = [p for p in by_key.get(key, []) if p != path]
    pool += _near_candidates(path, key, c.date, by_key, by_kind, settings, index, letters)
    if voted:
        for other in index.candidates(path, settings.candidates):
            h = letters[other].header
            other_key = symbol_key(h.number, h.doc_type, h.issuer_code)
            if other_key is not None and other_key[1:] == key[1:]:
                pool.append(other)
    return list(dict.fromkeys(pool))


def _resolve_citation(path: str, letter: LetterFacts, c: CitedFacts, letters: Facts,
                      by_key: dict[Key, list[str]], by_kind: dict[tuple[str, str], list[tuple[dt.date, str]]],
                      index: TrigramIndex, settings: CorpusSettings, unit_labels: Labels
                      ) -> tuple[FolderCitationStatus, ParentLink | None]:
    """The letter a citation means, weighed as a whole: how closely each candidate's number and date
    agree with the citation (`_agreement`), with how much of the child's text it holds unit by unit and
    the body the child's header names (`_weigh`). An exact symbol and date is not taken blindly:
    numbers restart each year (state) or term (Party) and every district committee writes '…/HU', so
    a letter of another office with that symbol loses to one a slip away that holds the child's text."""
    key = symbol_key(c.number, c.doc_type, c.issuer_code)
    if key is None:
        return FolderCitationStatus.NONE, None
    exact = [p for p in by_key.get(key, []) if p != path and not _days(letters[p].header.date, c.date)]
    strong = any(index.containment(path, p) >= settings.exact_enough or _names_parent(letter, letters[p])
                 for p in exact)
    pool = _citation_pool(path, key, c, letters, by_key, by_kind, index, settings, voted=not strong)
    # a near miss outweighs the exact symbol and date only by holding more of the child's text: the
    # rest are not weighed (the cost of a citation stays that of a few candidates)
    floor = max([index.containment(path, p) for p in exact] + [settings.near_content_min])
    allowed = []
    for other in pool:
        parent = letters[other]
        h = parent.header
        other_key = symbol_key(h.number, h.doc_type, h.issuer_code)
        if other_key is None:
            continue
        number, when, days = _agreement(key, c.date, other_key, h.date, settings)
        is_exact = other in exact
        if not is_exact and ((not number and not when) or not _date_ok(parent, letter)):
            continue
        share = index.containment(path, other)
        if is_exact or share >= floor:
            allowed.append((share, other, days, number, when, is_exact))
    weighed = [(0.0, *x) for x in allowed]
    if len(allowed) > 1:
        labels = unit_labels(path)
        weighed = []
        for share, other, days, number, when, is_exact in allowed:
            text, _ = _weigh(path, other, share, _above(letters[other], letter), letters, index, settings, labels)
            cite = settings.exact_weight if is_exact else settings.cite_weight * (number + when)
            weighed.append((text + cite, share, other, days, number, when, is_exact))
    if not weighed:
        return FolderCitationStatus.MISSING_IN_FOLDER, None
    _, share, best, days, number, when, is_exact = max(weighed, key=lambda x: (x[0], x[2]))
    cited = f"cites {c.symbol}" + (f" of {c.date}" if c.date else "")
    if is_exact:
        return FolderCitationStatus.EXACT, ParentLink(
            parent=best, evidence=ParentEvidence.CITATION, confidence=1.0,
            reasons=[cited, f"{share:.0%} of its text is in {best}"])
    h = letters[best].header
    why = [cited + f"; the folder has {h.symbol}" + (f" of {h.date}" if h.date else ""),
           ("same number" if number == 1 else "number one slip off" if number else "another number")
           + (", same date" if days == 0 else f", dates {days} day(s) apart" if days is not None else ""),
           f"same issuer {key[2]} and kind {key[1]}", f"{share:.0%} of its text is in {best}"]
    return FolderCitationStatus.NEAR, ParentLink(parent=best, evidence=ParentEvidence.NEAR_CITATION,
                                                 confidence=round(0.5 + 0.4 * min(1, share * 2), 3), reasons=why)


def _flag_sibling_copies(nodes: dict[str, LetterNode], index: TrigramIndex, letters: Facts,
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
        local = {k: index.local(k, parent_path) for k in kids}
        for i, a in enumerate(kids):
            if len(local[a]) < settings.sibling_min_trigrams:
                continue
            da = letters[a].header.date
            # siblings that may be a's source: the ones before it in date order, and same-day or undated ones after
            after = [b for b in kids[i + 1 :] if da is None or letters[b].header.date in (None, da)]
            pool = kids[max(0, i - settings.sibling_candidates) : i][::-1] + after[: settings.sibling_candidates]
            found = []
            for b in pool[: 2 * settings.sibling_candidates]:
                common = int(np.isin(local[a], local[b], assume_unique=True).sum())
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
