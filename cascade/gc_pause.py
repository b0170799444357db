"""Python's cycle collector paused for one pair's work.

Linking a pair and writing its page and Word file make hundreds of thousands of short-lived objects
(tokens, shingles, diff spans, XML strings), freed by reference counting as they go; what keeps
triggering the cycle collector is only their count, and each of its full passes walks every object
the process holds — in a folder run, every parsed letter of the folder (a link worker inherits them
all). Measured on a folder of 1,111 letters, a fifth of the CPU of linking went to those passes. The
collector is off while one pair is worked on and back on after, so whatever cycles the pair left are
still collected, once per pair instead of many times."""

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


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
