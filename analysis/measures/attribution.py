"""Attribution (placeholder until the rules land)."""
from __future__ import annotations

from ..context import DocContext
from ..results import Attribution


def find_attributions(ctx: DocContext) -> tuple[Attribution, ...]:
    return ()
