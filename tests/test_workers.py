"""The bounded map the folder stages use on an executor: results in order, never more than the window
of tasks in flight, items drawn lazily, a failure raised to the caller."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.workers import map_bounded, workers_of


class Gauge:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0

    def task(self, x: int) -> int:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        time.sleep(0.001 * (x % 3))
        with self.lock:
            self.now -= 1
        return x * x


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(0, 100), max_size=60), st.integers(1, 6))
def test_results_come_in_order_and_in_flight_stays_within_the_window(items: list[int], window: int) -> None:
    gauge = Gauge()
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(map_bounded(pool, gauge.task, items, window=window))
    assert got == [x * x for x in items]
    assert gauge.most <= window


def test_items_are_drawn_lazily() -> None:
    drawn: list[int] = []

    def source():
        for k in range(100):
            drawn.append(k)
            yield k

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = map_bounded(pool, abs, source(), window=4)
        assert next(results) == 0
        assert len(drawn) <= 5
        assert list(results) == list(range(1, 100))


def test_a_failing_task_raises_and_the_rest_is_cancelled() -> None:
    def boom(x: int) -> int:
        if x == 3:
            raise ValueError("bad item 3")
        return x

    with ThreadPoolExecutor(max_workers=2) as pool, pytest.raises(ValueError, match="bad item 3"):
        list(map_bounded(pool, boom, range(50), window=4))


def test_a_pool_says_how_many_workers_it_has() -> None:
    with ThreadPoolExecutor(max_workers=3) as pool:
        assert workers_of(pool) == 3
