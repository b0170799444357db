"""Per-letter memory for what is read off a parsed letter again and again while a folder is linked and
reported: a pair's linking, its verdicts, its page and its Word file each flatten both letters, and a
parent meets every one of its children (in a worker, its children come one after the other)."""

import weakref
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

R = TypeVar("R")
MAX_LETTERS = 256  # letters remembered per function: a parent and its children, with room to spare
# Unit texts remembered per function that reads a text the same way for every pair (`functools.lru_cache`):
# a parent's units (tens to a few hundred) meet its children one after another, each child's units passing
# through once; a bound, so a worker linking a large folder does not keep every text it has read.
TEXTS_REMEMBERED = 8192


def per_letter(copy: Callable[[Any], R]) -> Callable[[Callable[..., R]], Callable[..., R]]:
    """Remember `fn(letter, *args)` for the last letters it was asked about; each caller gets its own
    `copy` of the answer (it may change it). A parsed letter is not changed afterwards (nothing in
    cascade does), so the answer stays right for as long as the letter lives; the entry holds the letter
    weakly and is checked against it, so a new letter at a dead one's address never gets its answer."""

    def wrap(fn: Callable[..., R]) -> Callable[..., R]:
        memory: dict[tuple[Any, ...], tuple[weakref.ref[Any], R]] = {}

        @wraps(fn)
        def remembered(letter: Any, *args: Any, **kwargs: Any) -> R:
            key = (id(letter), *args, *sorted(kwargs.items()))
            hit = memory.get(key)
            if hit is not None and hit[0]() is letter:
                return copy(hit[1])
            value = fn(letter, *args, **kwargs)
            if len(memory) >= MAX_LETTERS:
                memory.clear()
            memory[key] = (weakref.ref(letter), copy(value))
            return value

        remembered.forget = memory.clear  # type: ignore[attr-defined]
        return remembered

    return wrap
