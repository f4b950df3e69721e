"""Hedging (placeholder until the rules land)."""
from __future__ import annotations

from ..context import DocContext
from ..results import Hedge


def find_hedges(ctx: DocContext) -> tuple[Hedge, ...]:
    return ()
