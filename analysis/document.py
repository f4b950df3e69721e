"""The JSON document Slant writes (``slant analyze --format json`` and the JSON export)."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .pipeline import analyzer_version
from .results import SCHEMA, ArticleAnalysis, Comparison


def document(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "analyzer_version": analyzer_version(),
        "articles": [a.to_dict() for a in analyses],
        "comparison": comparison.to_dict(),
    }


def from_document(data: dict[str, Any]) -> tuple[list[ArticleAnalysis], Comparison]:
    if data.get("schema") != SCHEMA:
        raise ValueError(f"not a Slant analysis document (schema {data.get('schema')!r}, expected {SCHEMA!r})")
    return [ArticleAnalysis.from_dict(a) for a in data["articles"]], Comparison.from_dict(data["comparison"])
