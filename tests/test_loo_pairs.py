"""bench/loo_pairs.py: the grid point scoring a pair is chosen on the other pairs only."""

from bench.loo_pairs import grid_points, leave_one_out, parse_grid
from cascade.align import DEFAULT_SETTINGS


def test_the_held_out_pair_does_not_choose_its_own_settings():
    keys = ["a", "b", "c"]
    # point 1 is best for a alone; point 2 for b and c
    f1s = [{"a": 0.5, "b": 0.5, "c": 0.5}, {"a": 1.0, "b": 0.0, "c": 0.0}, {"a": 0.0, "b": 0.9, "c": 0.9}]
    loo = leave_one_out(keys, f1s)
    assert loo["a"] == (2, 0.0)  # b and c pick point 2, where a scores 0
    assert loo["b"] == (0, 0.5)  # a and c tie points 0 and 1 at 0.5: the shipped point wins the tie
    assert loo["c"] == (0, 0.5)


def test_the_shipped_settings_come_first_even_when_the_grid_lacks_them():
    axes = parse_grid(["distinct_min=0.3,0.4", "assignment_links=false"])
    points = grid_points(axes)
    assert points[0] == {"distinct_min": DEFAULT_SETTINGS.distinct_min, "assignment_links": True}
    assert {"distinct_min": 0.3, "assignment_links": False} in points and len(points) == 3
