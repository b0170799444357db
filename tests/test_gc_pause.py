"""A folder run collects less often while it runs, and leaves the collector as it found it."""

import gc

from cascade.gc_pause import YOUNG_OBJECTS, collecting_less


def test_collecting_less_sets_aside_what_exists_and_restores_the_collector():
    before = gc.get_threshold()
    try:
        with collecting_less():
            assert gc.get_threshold()[0] == YOUNG_OBJECTS
            assert gc.get_threshold()[1:] == before[1:]
            assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() == 0
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_collecting_less_restores_the_collector_when_the_run_fails():
    before = gc.get_threshold()
    try:
        with collecting_less():
            raise KeyError("boom")
    except KeyError:
        pass
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
