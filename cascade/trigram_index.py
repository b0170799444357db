"""Word trigrams of letters as compact numpy arrays, and the inverted index that finds, for one letter,
the letters holding most of its text, at a cost per letter that does not grow with the folder.

- A trigram is one 64-bit hash of three matching keys (stable across processes and runs, so letters
  can be hashed where they are parsed and the index can be split over machines).
- Postings are partitioned by hash (`parts`), each a CSR array: the index of a national corpus is a
  matter of partitions, and one partition is built at a time.
- Max-frequency cap (passim's and text-dedup's filter, made safe for cascades): a trigram shared by more
  than `max_postings` letters keeps only the `max_postings` most *general* of them, the letters whose
  text is most widely shared (mean idf lowest). A frequent trigram was written once, high in the cascade,
  and copied below; the cap keeps the letters that can be a source of it and drops the copies, so a
  provincial letter whose whole text its thousand descendants share still gets the votes of its
  districts, and visits per letter stay bounded by (trigrams of the letter) × `max_postings`.
- Votes are weighted by idf (log(1 + n / df), df counted before the cap).
"""

import hashlib
from concurrent.futures import Executor
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np

from cascade.tokens import keys_of_text
from cascade.units import letter_units
from models import Letter

_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xC2B2AE3D27D4EB4F)
EMPTY = np.empty(0, dtype=np.uint64)


@lru_cache(maxsize=1 << 18)
def key_hash(key: str) -> int:
    """A 64-bit hash of one matching key, the same in every process."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


def text_trigrams(texts: list[str]) -> np.ndarray:
    """Sorted unique trigram hashes of the texts (trigrams never span two texts)."""
    parts = []
    for text in texts:
        keys = keys_of_text(text)
        if len(keys) < 3:
            continue
        h = np.fromiter((key_hash(k) for k in keys), dtype=np.uint64, count=len(keys))
        parts.append((h[:-2] * _M1 + h[1:-1]) * _M2 + h[2:])  # uint64 arithmetic wraps: a hash
    return np.unique(np.concatenate(parts)) if parts else EMPTY


def letter_trigrams(letter: Letter) -> np.ndarray:
    """The letter's word trigrams over its content units (items, blocks, prose body): the text a child
    carries, not its frame (addressees, preamble formulas)."""
    return text_trigrams(_content_texts(letter))


def letter_features(letter: Letter) -> tuple[np.ndarray, np.ndarray]:
    """(`letter_trigrams`, which content unit holds each: `labels_of`), computed together where the
    letter is open (a worker), so parent detection never opens the letter again."""
    texts = _content_texts(letter)
    grams = text_trigrams(texts)
    return grams, labels_of(grams, texts)


def _content_texts(letter: Letter) -> list[str]:
    return [u.text for u in letter_units(letter, frame=False)]  # content, not the frame


def labels_of(grams: np.ndarray, units: list[str]) -> np.ndarray:
    """For each of `grams` (a letter's trigrams), which of its content units (`units`, the texts that
    `letter_trigrams` read) holds it (the last one, for a trigram several units hold); as small an
    integer type as the number of units allows."""
    labels = np.zeros(len(grams), dtype=np.int32)
    if len(grams):
        for k, text in enumerate(units):
            own = text_trigrams([text])
            pos = np.searchsorted(grams, own)
            pos[pos == len(grams)] = 0
            labels[pos[grams[pos] == own]] = k
    return labels.astype(np.uint16) if len(units) <= 1 << 16 else labels


@dataclass
class _Part:
    """Postings of the trigrams whose hash falls in one partition."""

    vocab: np.ndarray  # uint64, sorted: trigrams held by two letters or more
    df: np.ndarray  # int32: letters holding each, before the cap
    offsets: np.ndarray  # int64, len(vocab) + 1, into docs
    docs: np.ndarray  # int32 letter numbers, at most max_postings per trigram, most general first

    def lookup(self, grams: np.ndarray) -> np.ndarray:
        """Vocabulary positions of `grams` (-1 where a trigram is held by one letter only)."""
        if not len(self.vocab):
            return np.full(len(grams), -1, dtype=np.int64)
        pos = np.searchsorted(self.vocab, grams)
        pos[pos == len(self.vocab)] = 0
        return np.where(self.vocab[pos] == grams, pos, -1)

    @property
    def nbytes(self) -> int:
        return self.vocab.nbytes + self.df.nbytes + self.offsets.nbytes + self.docs.nbytes


def _partition(grams: np.ndarray, parts: int) -> np.ndarray:
    return (grams % np.uint64(parts)).astype(np.int64) if parts > 1 else np.zeros(len(grams), dtype=np.int64)


def _split(grams: list[np.ndarray], part: int, parts: int) -> tuple[np.ndarray, np.ndarray]:
    """One partition's entries: (sorted trigrams, letter numbers)."""
    subsets = [g[_partition(g, parts) == part] if parts > 1 else g for g in grams]
    sizes = np.fromiter((len(s) for s in subsets), dtype=np.int64, count=len(subsets))
    flat = np.concatenate(subsets) if subsets else EMPTY
    letters = np.repeat(np.arange(len(subsets), dtype=np.int32), sizes)
    order = np.argsort(flat, kind="stable")
    return flat[order], letters[order]


def _frequencies(flat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(trigrams held by two letters or more, how many letters hold each) of one sorted partition."""
    starts, counts = _groups(flat)
    keep = counts >= 2
    return flat[starts[keep]], counts[keep].astype(np.int32)


def _postings(job: tuple) -> "_Part":
    """One partition's postings, each trigram's letters ordered tier first, most general next, and cut
    to `cap`."""
    flat, letters, vocab, df, generality, tier, cap = job
    starts, counts = _groups(flat)
    group = np.repeat(np.arange(len(starts)), counts)
    keep = counts[group] >= 2
    letters, group, generality, tier = letters[keep], group[keep], generality[keep], tier[keep]
    order = np.lexsort((letters, generality, tier, group))
    letters, group = letters[order], group[order]
    first = np.flatnonzero(np.r_[True, group[1:] != group[:-1]]) if len(group) else np.empty(0, dtype=np.int64)
    position = np.arange(len(group)) - np.repeat(first, np.diff(np.r_[first, len(group)]))
    docs = letters[position < cap].astype(np.int32)
    offsets = np.zeros(len(vocab) + 1, dtype=np.int64)
    np.cumsum(np.minimum(df, cap).astype(np.int64), out=offsets[1:])
    return _Part(vocab, df, offsets, docs)


def _groups(sorted_grams: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if not len(sorted_grams):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, sorted_grams[1:] != sorted_grams[:-1]])
    return starts, np.diff(np.r_[starts, len(sorted_grams)])


def _top(votes: np.ndarray, k: int) -> list[int]:
    """The `k` letters of most votes (more than none), most first, ties by number (also at the k-th
    place, so the top of a folder is the merge of the tops of its shards: `merge_tops`)."""
    return [int(j) for j in _top_of(votes, k)]


def _top_of(votes: np.ndarray, k: int) -> np.ndarray:
    nonzero = np.flatnonzero(votes > 0)
    if len(nonzero) > k:
        kth = -np.partition(-votes[nonzero], k - 1)[k - 1]
        nonzero = nonzero[votes[nonzero] >= kth]  # every letter tied at the k-th place, cut below by number
    return nonzero[np.lexsort((nonzero, -votes[nonzero]))][:k]


def merge_tops(tops: list[tuple[np.ndarray, np.ndarray]], k: int) -> list[int]:
    """The `k` best of several shards' (letter numbers, votes) tops, most first, ties by number: the
    same letters `_top` finds over the whole folder, since a letter's votes are counted whole in its
    own shard."""
    if not tops:
        return []
    letters = np.concatenate([t[0] for t in tops]).astype(np.int64)
    votes = np.concatenate([t[1] for t in tops])
    return [int(j) for j in letters[np.lexsort((letters, -votes))][:k]]


@dataclass
class Shard:
    """The capped postings of letters `lo`..`hi` only (every partition's, cut to those letters, in the
    same order): what one worker holds. A letter's votes are summed over the same entries in the same
    order as in the whole index, so they are bit for bit the same."""

    lo: int
    hi: int
    parts: list[_Part]
    max_postings: int

    @classmethod
    def of(cls, index: "TrigramIndex", lo: int, hi: int) -> "Shard":
        parts = []
        for part in index.parts:
            inside = (part.docs >= lo) & (part.docs < hi)
            counts = np.add.reduceat(inside, part.offsets[:-1]) if len(part.docs) else np.zeros(len(part.vocab))
            counts = np.where(np.diff(part.offsets) > 0, counts, 0)  # reduceat reads one entry on an empty range
            offsets = np.zeros(len(part.vocab) + 1, dtype=np.int64)
            np.cumsum(counts, out=offsets[1:])
            parts.append(_Part(part.vocab, part.df, offsets, (part.docs[inside] - lo).astype(np.int32)))
        return cls(lo, hi, parts, index.max_postings)

    def tops(self, query: tuple) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """For one query letter (number, trigrams, weights, k, rare, eligible mask over this shard or
        None): this shard's `k` best (letter numbers, votes) by the full vote and its `rare` best by
        the trigrams the cap left whole."""
        letter, g, w, k, rare, eligible = query
        full, whole = _vote_arrays(self.parts, g, w, self.max_postings, self.hi - self.lo)[:2]
        if self.lo <= letter < self.hi:
            full[letter - self.lo] = whole[letter - self.lo] = 0.0
        if eligible is not None:
            whole = np.where(eligible, whole, 0.0)
        best, few = _top_of(full, k), _top_of(whole, rare) if rare else np.empty(0, dtype=np.int64)
        return (best + self.lo, full[best]), (few + self.lo, whole[few])

    @property
    def nbytes(self) -> int:
        return sum(p.offsets.nbytes + p.docs.nbytes for p in self.parts)


def _vote_arrays(parts: list[_Part], g: np.ndarray, w: np.ndarray, cap: int,
                 n: int) -> tuple[np.ndarray, np.ndarray, int]:
    """(votes of every trigram within the cap, votes of the trigrams whose postings the cap left whole,
    entries visited) of the letters numbered 0..n-1 in `parts`, for a letter's trigrams `g` of weights `w`."""
    which = _partition(g, len(parts))
    docs, vals, whole = [], [], []
    for k, part in enumerate(parts):
        sel = np.flatnonzero(which == k) if len(parts) > 1 else np.arange(len(g))
        pos = part.lookup(g[sel])
        found = pos >= 0
        pos = pos[found]
        starts = part.offsets[pos]
        lengths = part.offsets[pos + 1] - starts
        docs.append(part.docs[ragged(starts, lengths)])
        vals.append(np.repeat(w[sel[found]], lengths))
        whole.append(np.repeat(part.df[pos] <= cap, lengths))
    flat = np.concatenate(docs)
    weights = np.concatenate(vals)
    out = np.bincount(flat, weights=weights, minlength=n)
    keep = np.concatenate(whole)
    rare = np.bincount(flat[keep], weights=weights[keep], minlength=n)
    return out, rare, len(flat)


def ragged(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenated ranges start..start+length, without a Python loop."""
    total = int(lengths.sum())
    if not total:
        return np.empty(0, dtype=np.int64)
    shift = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
    return shift + np.arange(total, dtype=np.int64)


@dataclass
class TrigramIndex:
    """Every letter's trigrams and weights, and the capped postings; letters are numbered in the order
    of `paths`."""

    paths: list[str]
    grams: list[np.ndarray]  # per letter, sorted unique uint64
    weights: list[np.ndarray]  # per letter, idf of each trigram (float32)
    mass: np.ndarray  # per letter, sum of its weights
    generality: np.ndarray  # per letter, mean idf of its trigrams (lower: more widely shared text)
    parts: list[_Part]
    max_postings: int
    number: dict[str, int] = field(default_factory=dict)
    labels: list[np.ndarray] | None = None  # per letter, `labels_of` its trigrams, when given to `build`
    visits: int = 0  # posting entries read by `votes`, for bench/
    voted: int = 0  # letters `votes` was asked about
    voted_elsewhere: dict[tuple, list[int]] = field(default_factory=dict)  # `vote_on` results, by query
    # (letter, child) → mask of the child's trigrams the letter holds, the most recent `HELD_KEPT`: detection
    # asks about the same child and candidate in several of its steps (a third of its searches were repeats)
    _held_masks: dict[tuple[int, int], np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    HELD_KEPT = 4096  # masks kept (a few KB each)

    def _held(self, letter: int, child: int) -> np.ndarray:
        """`holds(letter, grams of child)`, remembered (read-only: callers never change a mask)."""
        key = (letter, child)
        mask = self._held_masks.get(key)
        if mask is None:
            mask = self.holds(letter, self.grams[child])
            mask.flags.writeable = False
            if len(self._held_masks) >= self.HELD_KEPT:
                del self._held_masks[next(iter(self._held_masks))]
            self._held_masks[key] = mask
        return mask

    def shards(self, count: int) -> list[Shard]:
        """The postings cut into `count` shards of consecutive letters (one per worker)."""
        bounds = np.linspace(0, len(self.paths), max(1, count) + 1).astype(int)
        return [Shard.of(self, int(lo), int(hi)) for lo, hi in pairwise(bounds)]

    def vote_on(self, paths: list[str], k: int, rare: int, eligible: np.ndarray | None,
                shards: "ShardVoters") -> None:
        """Run the votes of `paths` (as `candidates(path, k, rare, eligible)` would) on the shards'
        workers, each returning its own tops, merged here; `candidates` then answers from them."""
        queries = [(self.number[p], self.grams[self.number[p]], self.weights[self.number[p]], k, rare)
                   for p in paths]
        for (i, *_), per_shard in zip(queries, shards.tops(queries, eligible), strict=True):
            out = merge_tops([t[0] for t in per_shard], k)
            if rare:
                seen = set(out)
                out += [j for j in merge_tops([t[1] for t in per_shard], rare) if j not in seen]
            self.voted_elsewhere[(i, k, rare, None if eligible is None else eligible.tobytes())] = out

    @classmethod
    def build(cls, trigrams: dict[str, np.ndarray], max_postings: int = 64, parts: int = 0,
              rank: dict[str, int] | None = None, executor: Executor | None = None,
              labels: dict[str, np.ndarray] | None = None) -> "TrigramIndex":
        """Index letters' trigram arrays (`letter_trigrams`), with which unit holds each (`labels`, from
        `letter_features`) when given. `rank` (a letter's tier, 0 = central; a
        higher number for unknown) orders the capped postings before generality: the tiers that can
        be sources first. `parts` (default: one per ~4 M entries) bounds the working memory of the
        build: one partition is sorted at a time, here or, with `executor` (local processes or a Dask
        cluster's), one per task."""
        paths = list(trigrams)
        grams = [trigrams[p] for p in paths]
        n = len(paths)
        entries = sum(len(g) for g in grams)
        parts = parts or max(1, -(-entries // 4_000_000))
        solo = np.float32(np.log1p(n))
        run = executor.map if executor is not None else map
        # Pass 1: document frequency of the shared trigrams, hence every letter's weights.
        firsts = (_split(grams, part, parts)[0] for part in range(parts))
        shared = list(run(_frequencies, list(firsts) if executor is not None else firsts))
        weights = []
        for g in grams:
            w = np.full(len(g), solo, dtype=np.float32)
            which = _partition(g, parts)
            for part, (vocab, df) in enumerate(shared):
                sel = np.flatnonzero(which == part) if parts > 1 else np.arange(len(g))
                if not len(sel) or not len(vocab):
                    continue
                sub = g[sel]
                pos = np.searchsorted(vocab, sub)
                pos[pos == len(vocab)] = 0
                hit = vocab[pos] == sub
                w[sel[hit]] = np.log1p(n / df[pos[hit]]).astype(np.float32)
            weights.append(w)
        mass = np.fromiter((float(w.sum(dtype=np.float64)) for w in weights), dtype=np.float64, count=n)
        sizes = np.fromiter((len(g) for g in grams), dtype=np.float64, count=n)
        generality = np.divide(mass, sizes, out=np.full(n, float(solo)), where=sizes > 0)
        tier = np.array([(rank or {}).get(p, 0) for p in paths], dtype=np.int64)

        def pass_two(part: int) -> tuple:
            flat, letters = _split(grams, part, parts)
            vocab, df = shared[part]
            return flat, letters, vocab, df, generality[letters], tier[letters], max_postings

        # Pass 2: postings, each capped to its most general letters (one partition at a time here).
        jobs = [pass_two(part) for part in range(parts)] if executor is not None else map(pass_two, range(parts))
        built = list(run(_postings, jobs))
        return cls(paths, grams, weights, mass, generality, built, max_postings,
                   {p: k for k, p in enumerate(paths)}, [labels[p] for p in paths] if labels is not None else None)

    @property
    def nbytes(self) -> int:
        letters = sum(g.nbytes + w.nbytes for g, w in zip(self.grams, self.weights, strict=True))
        letters += sum(x.nbytes for x in self.labels or ())
        return letters + sum(p.nbytes for p in self.parts) + self.mass.nbytes + self.generality.nbytes

    def votes(self, letter: int) -> np.ndarray:
        """Per letter, the idf-weighted count of this letter's trigrams it holds (within the cap)."""
        return self._votes(letter)[0]

    def _votes(self, letter: int) -> tuple[np.ndarray, np.ndarray]:
        """(votes of every trigram within the cap, votes of the trigrams whose postings the cap left
        whole) per letter: the second is what a letter is owed for the text few letters share."""
        out, rare, visited = _vote_arrays(self.parts, self.grams[letter], self.weights[letter], self.max_postings,
                                          len(self.paths))
        self.visits += visited
        self.voted += 1
        out[letter] = rare[letter] = 0.0
        return out, rare

    def candidates(self, path: str, k: int, rare: int = 0, eligible: np.ndarray | None = None) -> list[str]:
        """The `k` letters with most votes for `path`'s text, most first (ties by path), then the
        `rare` best voted by the trigrams the cap left whole, if not among them. The cap keeps a
        frequent trigram's most general letters, so a letter with much text of its own (a district
        that added its own items) loses the votes of the text it shares with hundreds of cousins;
        what only its own family shares still votes for it in full. `eligible` (a mask over the
        letters, in the order of `paths`) limits those `rare` ones."""
        i = self.number[path]
        key = (i, k, rare, None if eligible is None else eligible.tobytes())
        if key in self.voted_elsewhere:
            return [self.paths[j] for j in self.voted_elsewhere.pop(key)]
        full, whole = self._votes(i)
        out = _top(full, k)
        if rare:
            if eligible is not None:
                whole = np.where(eligible, whole, 0.0)
            seen = set(out)
            out += [j for j in _top(whole, rare) if j not in seen]
        return [self.paths[j] for j in out]

    def containment(self, child: str, parent: str) -> float:
        """Weighted share of the child's trigrams that the parent holds."""
        i, j = self.number[child], self.number[parent]
        total = self.mass[i]
        if not total:
            return 0.0
        return float(self.weights[i][self._held(j, i)].sum(dtype=np.float64) / total)

    def family_containment(self, child: str, parent: str) -> float:
        """As `containment`, over the child's trigrams that at most `max_postings` letters hold (the
        ones whose postings the cap left whole): a family's own text, which its members pass down,
        and not what hundreds of letters share (the text of a province's letter all its districts
        carry, stock sentences every office writes). 0 when the child has none."""
        i, j = self.number[child], self.number[parent]
        w = self.weights[i]
        rare = w >= np.float32(np.log1p(len(self.paths) / self.max_postings))
        total = float(w[rare].sum(dtype=np.float64))
        return float(w[rare & self._held(j, i)].sum(dtype=np.float64) / total) if total else 0.0

    def holds(self, letter: int, grams: np.ndarray) -> np.ndarray:
        """Mask of `grams` that the letter holds."""
        own = self.grams[letter]
        if not len(own) or not len(grams):
            return np.zeros(len(grams), dtype=bool)
        pos = np.searchsorted(own, grams)
        pos[pos == len(own)] = 0
        return own[pos] == grams

    def local(self, letter: str, without: str) -> np.ndarray:
        """The letter's trigrams that `without` does not hold (its local text against a parent)."""
        i = self.number[letter]
        return self.grams[i][~self._held(self.number[without], i)]

    def decisiveness(self, child: str, best: str, rival: str) -> float:
        """Of the child's trigram weight held by exactly one of two candidates, the share held by `best`:
        1.0 when everything that tells them apart (their local text) sides with it, 0.5 when nothing
        tells them apart."""
        i = self.number[child]
        w = self.weights[i]
        in_best, in_rival = self._held(self.number[best], i), self._held(self.number[rival], i)
        ours = float(w[in_best & ~in_rival].sum(dtype=np.float64))
        theirs = float(w[in_rival & ~in_best].sum(dtype=np.float64))
        return ours / (ours + theirs) if ours + theirs > 0 else 0.5

    def own_share(self, letter: str, others: list[str]) -> float:
        """Weighted share of the letter's trigrams that none of `others` holds."""
        i = self.number[letter]
        g, w = self.grams[i], self.weights[i]
        held = np.zeros(len(g), dtype=bool)
        for other in others:
            held |= self._held(self.number[other], i)
        return float(w[~held].sum(dtype=np.float64) / self.mass[i]) if self.mass[i] else 0.0

    def unit_labels(self, letter: str, units: list[str]) -> np.ndarray:
        """For each of the letter's trigrams, which of its content units (`units`, the texts that
        `letter_trigrams` read) holds it (the last one, for a trigram several units hold)."""
        return labels_of(self.grams[self.number[letter]], units)

    def stored_labels(self, letter: str) -> np.ndarray | None:
        """The letter's `unit_labels`, when the index was built with them."""
        return self.labels[self.number[letter]] if self.labels is not None else None

    def unit_containment(self, child: str, parent: str, labels: np.ndarray) -> float:
        """As `containment`, with each of the child's units counted by the square of its share held:
        a parent holds the units a child copied whole (or trimmed), while a cousin that copied the same
        source with other trims and edits, and shares a stock sentence or two by coincidence, holds
        patches of many units."""
        i, j = self.number[child], self.number[parent]
        w = self.weights[i].astype(np.float64)
        total = w.sum()
        if not total:
            return 0.0
        held = np.bincount(labels, weights=w * self._held(j, i))
        mass = np.bincount(labels, weights=w)
        share = np.divide(held, mass, out=np.zeros_like(held), where=mass > 0)
        return float((mass * share * share).sum() / total)


def _shard_tops(shard: Shard, queries: list[tuple], eligible: np.ndarray | None) -> list:
    mask = eligible[shard.lo:shard.hi] if eligible is not None else None
    return [shard.tops((*q, mask)) for q in queries]


class ShardVoters:
    """Where the shards live and vote: in this process, or each held by one worker of a Dask cluster
    (scattered once; every batch of queries is sent to every shard, and only the tops come back)."""

    BATCH = 64  # query letters per task

    def __init__(self, index: TrigramIndex, executor: Executor | None = None, count: int | None = None) -> None:
        client = getattr(executor, "_client", None)
        workers = sorted(client.scheduler_info().get("workers", {})) if client is not None else []
        shards = index.shards(count or max(1, len(workers)))
        self.client = client
        if client is not None:
            self.held = [client.scatter(s, workers=[workers[n % len(workers)]], broadcast=False)
                         for n, s in enumerate(shards)]
        else:
            self.held = shards

    def tops(self, queries: list[tuple], eligible: np.ndarray | None) -> list[list]:
        """Per query, each shard's (full tops, rare tops)."""
        batches = [queries[k:k + self.BATCH] for k in range(0, len(queries), self.BATCH)]
        if self.client is not None:
            futures = [[self.client.submit(_shard_tops, s, b, eligible, pure=False) for s in self.held]
                       for b in batches]
            answers = [[f.result() for f in row] for row in futures]
        else:
            answers = [[_shard_tops(s, b, eligible) for s in self.held] for b in batches]
        return [list(per) for row in answers for per in zip(*row, strict=True)]
