"""``analysis.intervals.Intervals`` answers exactly what the per-span ``any(...)`` it replaced answered."""
from __future__ import annotations

from hypothesis import given, strategies as st

from analysis.intervals import Intervals

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(-2, 95), st.integers(0, 20))
def test_same_answers_as_checking_every_span(items, lo, width):
    hi = lo + width
    index = Intervals(items)
    assert index.overlaps(lo, hi) == any(a < hi and lo < b for a, b in items)
    assert index.overlaps(lo, lo) == any(a < lo < b for a, b in items)
    assert index.starts_in(lo, hi) == any(lo <= a < hi for a, _ in items)


def test_empty_set_overlaps_nothing():
    assert not Intervals(()).overlaps(0, 10) and not Intervals([]).starts_in(0, 10)
