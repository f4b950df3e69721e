"""Slant's analysis library: pure Python, no Qt.

Public API::

    analysis.analyze(text, *, outlet=None, title=None, date=None) -> ArticleAnalysis
    analysis.compare([ArticleAnalysis, ...]) -> Comparison

The spaCy model and VADER load lazily on the first call, once per process.
"""
from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

from .results import SCHEMA, ArticleAnalysis, Comparison  # noqa: E402
# eager: the subpackage and the function share the name "compare"; binding the function here, before
# any ``analysis.compare.*`` submodule import, keeps ``analysis.compare`` the function.
from .compare import compare  # noqa: E402

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import analyze, analyzer_version

__all__ = ["SCHEMA", "ArticleAnalysis", "Comparison", "analyze", "analyzer_version", "compare", "__version__"]

_LAZY = {"analyze": "pipeline", "analyzer_version": "pipeline"}


def __getattr__(name: str) -> Any:
    """``analyze`` and ``analyzer_version`` import the pipeline on first use, so ``import analysis.sources`` (the
    window's start-up path) does not pull in the whole pipeline."""
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
