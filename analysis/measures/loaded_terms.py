"""Loaded terms (placeholder until the lexicon lands)."""
from __future__ import annotations

from ..context import DocContext
from ..results import LoadedTerm


def find_loaded_terms(ctx: DocContext) -> tuple[LoadedTerm, ...]:
    return ()
