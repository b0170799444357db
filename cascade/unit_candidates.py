"""Candidate parent units for each child unit of a long pair, so the cost of linking grows with the
two letters' sizes and not with their product.

The parent's units are indexed once (shingle → units holding it). A child unit's candidates are the
parent units with most idf-weighted votes from its shingles, where a shingle held by more than
`max_units` parent units (the letter's own boilerplate: "đoàn viên, thanh niên" in a youth-union
plan) does not vote — the max-frequency filter of passim and text-dedup, inside one pair. A child
unit made only of such shingles votes with them after all, each for its first `max_units` units.
Scoring (cascade.align) then looks at these candidates only.
"""

import heapq
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from typing import Generic, TypeVar

Shingle = TypeVar("Shingle", bound=Hashable)


class ParentUnitIndex(Generic[Shingle]):
    """Shingle → parent units, built once per parent letter and reused for every child unit."""

    def __init__(self, parent_shingles: Sequence[frozenset[Shingle]], max_units: int = 24) -> None:
        postings: dict[Shingle, list[int]] = defaultdict(list)
        for i, shingles in enumerate(parent_shingles):
            for g in shingles:
                postings[g].append(i)
        self.postings = dict(postings)
        self.max_units = max_units
        self.visits = 0  # posting entries read, for bench/

    def candidates(self, child: frozenset[Shingle], weight: Mapping[Shingle, float], k: int) -> list[int]:
        """Up to `k` parent units, most weighted votes first (ties by position)."""
        votes: dict[int, float] = defaultdict(float)
        frequent = []
        for g in child:
            units = self.postings.get(g)
            if not units:
                continue
            if len(units) > self.max_units:
                frequent.append(g)
                continue
            w = weight[g]
            self.visits += len(units)
            for i in units:
                votes[i] += w
        if not votes:
            for g in frequent:
                units = self.postings[g][: self.max_units]
                self.visits += len(units)
                for i in units:
                    votes[i] += weight[g]
        return heapq.nsmallest(k, votes, key=lambda i: (-votes[i], i))


__all__ = ["ParentUnitIndex"]
