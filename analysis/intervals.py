"""Does a character range overlap any of many others? In O(log n), for measures that ask it per token.

``any(a < hi and lo < b for a, b in spans)`` asked once per match is quadratic in the article's length:
on a 10 MB article (tens of thousands of cues) such checks took minutes. ``Intervals(spans)`` answers the
same questions from the spans sorted by start and the running maximum of their ends.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable


class Intervals:
    """A fixed set of half-open character ranges ``(start, end)``."""

    __slots__ = ("_starts", "_max_end")

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end: list[int] = []  # the largest end among the first i + 1 spans (by start)
        top = None
        for _, b in ordered:
            top = b if top is None or b > top else top
            self._max_end.append(top)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, lo: int, hi: int) -> bool:
        """``any(a < hi and lo < b for a, b in spans)``: some span starts before ``hi`` and ends after ``lo``
        (with ``lo == hi``: some span holds ``lo`` strictly inside)."""
        j = bisect.bisect_left(self._starts, hi)  # spans [0, j) start before hi
        return j > 0 and self._max_end[j - 1] > lo

    def starts_in(self, lo: int, hi: int) -> bool:
        """``any(lo <= a < hi for a, _ in spans)``: some span starts in ``[lo, hi)``."""
        i = bisect.bisect_left(self._starts, lo)
        return i < len(self._starts) and self._starts[i] < hi
