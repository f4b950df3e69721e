"""Differences between outlets (placeholder until the comparison lands)."""
from __future__ import annotations

from collections.abc import Sequence

from ..results import ArticleAnalysis, Comparison


def compare(analyses: Sequence[ArticleAnalysis]) -> Comparison:
    return Comparison(tuple(a.id for a in analyses), (), {}, (), (), ())
