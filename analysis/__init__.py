"""Slant's analysis library: pure Python, no Qt.

Public API::

    analysis.analyze(text, *, outlet=None, title=None, date=None) -> ArticleAnalysis
    analysis.compare([ArticleAnalysis, ...]) -> Comparison

The spaCy model and VADER load lazily on the first call, once per process.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .results import SCHEMA, ArticleAnalysis, Comparison  # noqa: E402
from .pipeline import analyze, analyzer_version  # noqa: E402
from .compare import compare  # noqa: E402

__all__ = ["SCHEMA", "ArticleAnalysis", "Comparison", "analyze", "analyzer_version", "compare", "__version__"]
