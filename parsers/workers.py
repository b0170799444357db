"""A bounded, in-order map on any `concurrent.futures` executor (local processes or a Dask cluster's),
shared by the folder stages that can run on an executor: parsing here, the trigram index and linking in
`cascade`.

`Executor.map` submits every task at once: on a Dask cluster that pickles every argument up front
(100k pairs' letters held twice, by the client and the in-process scheduler) and keeps every result
on the workers until the client reaches it. A window of tasks in flight keeps both bounded by the
window, not the folder, and yields results in submission order, so reports do not depend on it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from typing import Any, TypeVar

T = TypeVar("T")

WINDOW_PER_WORKER = 8  # tasks in flight per worker: enough to hide the round trip, few enough to bound memory


def workers_of(executor: Executor) -> int:
    """How many workers `executor` has (a Dask client's current workers, a pool's max_workers), 1 if
    it does not say."""
    client = getattr(executor, "_client", None)
    if client is not None:
        try:
            return max(1, len(client.scheduler_info().get("workers", {})))
        except Exception:  # a client that cannot say: one worker's window
            return 1
    return max(1, int(getattr(executor, "_max_workers", 1) or 1))


def map_bounded(executor: Executor, fn: Callable[..., T], items: Iterable[Any],
                window: int | None = None) -> Iterator[T]:
    """`fn(item)` for each of `items` on `executor`, in order, with at most `window` tasks in flight
    (default WINDOW_PER_WORKER per worker). `items` is consumed lazily, so a generator of payloads is
    never built whole."""
    window = max(1, window or WINDOW_PER_WORKER * workers_of(executor))
    pending: deque[Future[T]] = deque()
    source = iter(items)
    try:
        for item in source:
            pending.append(executor.submit(fn, item))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:  # a consumer that stopped early, or a task that raised
            future.cancel()
