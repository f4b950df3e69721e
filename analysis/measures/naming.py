"""Entity mentions with their naming phrases (placeholder until the rules land)."""
from __future__ import annotations

from ..context import DocContext
from ..results import Mention


def find_mentions(ctx: DocContext) -> tuple[Mention, ...]:
    return ()
