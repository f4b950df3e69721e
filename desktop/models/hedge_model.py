"""The lexicon editor's Hedges table: every hedge (built-in and the user's) with its on/off switch. The data
and its file live in ``analysis.user_hedges``; each change is saved at once, then ``changed``."""
from __future__ import annotations

from typing import Any

from .editor_table import EditorTableModel, source_text

WORDS, KIND, REASON, SOURCE = range(1, 5)


class HedgeModel(EditorTableModel):
    HEADERS = ("On", "Finds", "Kind", "Reason", "Source")
    SWITCH_IN_PLACE = False  # the Hedges tab updates its buttons when the table is reset

    def __init__(self, hedges: Any = None, parent: Any = None):
        from analysis.user_hedges import UserHedges

        self.hedges = hedges if hedges is not None else UserHedges()
        super().__init__(self.hedges, parent)

    def key_of(self, row: Any) -> str:
        return row.id

    def texts(self, row: Any) -> tuple[str, ...]:
        return ("", row.words, row.kind, row.why, source_text(row))

    def add_hedge(self, phrase: str, kind: str, why: str) -> str:
        return self._commit(lambda: self.hedges.put_hedge(phrase, kind, why))

    def edit_hedge(self, hid: str, phrase: str, kind: str, why: str) -> str:
        return self._commit(lambda: self.hedges.put_hedge(phrase, kind, why, replace=hid))
