"""Python's cycle collector paused for one pair's work.

Linking a pair and writing its page and Word file make hundreds of thousands of short-lived objects
(tokens, shingles, diff spans, XML strings), freed by reference counting as they go; what keeps
triggering the cycle collector is only their count, and each of its full passes walks every object
the process holds — in a folder run, every parsed letter of the folder (a link worker inherits them
all). Measured on a folder of 1,111 letters, a fifth of the CPU of linking went to those passes. The
collector is off while one pair is worked on and back on after, so whatever cycles the pair left are
still collected, once per pair instead of many times.

A folder run also collects less often overall (`YOUNG_OBJECTS`): each link worker sets its start-up
heap aside once started (`settle_worker`), and the main process does the same for the run
(`collecting_less`, in cascade.pipeline)."""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

# Young objects between two collections in a folder run's processes (Python's default: 700). A pair's
# work leaves tens of thousands of objects alive for a while (its two letters opened, their units),
# so at the default each pair was walked by several young and middle passes before most of it died;
# measured (gc callbacks) on a folder of 1,111 letters: a link worker spent 1.2 s of its 14 s of CPU
# collecting at 700, 0.45-0.52 s at 100,000 with its start-up heap frozen; the main process 1.13 s, then
# 0.28 s. The cost: cyclic garbage waits for up to that many allocations (a pair's worth) to be freed.
YOUNG_OBJECTS = 100_000


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside (unless it was already off, which stays as it was)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def pausing_collector(fn: Callable[P, R]) -> Callable[P, R]:
    """`fn` run with the cycle collector paused (see `collector_paused`)."""

    @wraps(fn)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return fn(*args, **kwargs)

    return run


def settle_worker() -> None:
    """In a worker process once it has started: what start-up made (the modules, the letters' index)
    lives as long as the process, so it is collected once and set aside (`gc.freeze`), so the full
    passes walk only what the work made; and collections come every `YOUNG_OBJECTS`."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])


@contextmanager
def collecting_less() -> Iterator[None]:
    """The same for a stretch of this process (a folder run in the main process): what exists on
    entry set aside, collections every `YOUNG_OBJECTS`; both undone on exit (the threshold as it
    was; every frozen object back in the oldest generation)."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
