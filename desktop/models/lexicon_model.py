"""The lexicon editor's table: every loaded term (built-in and the user's) with its on/off switch, and a
filter by category and search text. The data and its file live in ``analysis.user_lexicon``; each change
is saved at once, and ``changed`` tells the window to analyse the open articles again."""
from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt

from analysis.user_lexicon import Key, Row, UserLexicon

from .editor_table import KEY_ROLE, ON, ROW_ROLE, EditorTableModel, Index, source_text

__all__ = ["ALTERNATIVES", "CATEGORY", "KEY_ROLE", "ON", "REASON", "ROW_ROLE", "SOURCE", "TERM", "LexiconFilter",
           "LexiconModel"]

TERM, CATEGORY, REASON, ALTERNATIVES, SOURCE = range(1, 6)


class LexiconModel(EditorTableModel):
    HEADERS = ("On", "Term", "Category", "Reason", "Alternatives", "Source")

    def __init__(self, lexicon: UserLexicon | None = None, parent: Any = None):
        self.lexicon = lexicon if lexicon is not None else UserLexicon()
        super().__init__(self.lexicon, parent)

    def key_of(self, row: Row) -> Key:
        return row.key

    def texts(self, row: Row) -> tuple[str, ...]:
        return ("", row.term, self.lexicon.categories.get(row.category, row.category), row.reason,
                "; ".join(row.alternatives), source_text(row))

    def tooltip(self, r: int, col: int) -> str | None:
        row = self._rows[r]
        if col == ON:
            return "Switched on: the analysis finds it" if row.enabled else "Switched off: the analysis ignores it"
        if col == SOURCE:
            return f"From {row.origin}"
        return super().tooltip(r, col)

    def add_term(self, term: str, category: str, reason: str, alternatives: list[str],
                 weight: float = 0.5) -> Key:
        return self._commit(lambda: self.lexicon.put_term(term, category, reason, alternatives, weight))

    def edit_term(self, key: Key, term: str, category: str, reason: str, alternatives: list[str],
                  weight: float) -> Key:
        enabled = self.lexicon.row(key).enabled
        return self._commit(lambda: self.lexicon.put_term(term, category, reason, alternatives, weight,
                                                          enabled, replace=key))

    def import_csv(self, path: str | os.PathLike[str]) -> int:
        """Import a CSV file (``CsvImportError`` lists its bad rows by line; nothing changes then)."""
        count = [0]

        def run() -> None:
            count[0] = self.lexicon.import_csv(path)

        self._commit(run)
        return count[0]

    def export_csv(self, path: str | os.PathLike[str], keys: list[Key] | None = None) -> int:
        rows = self._rows if keys is None else [self._rows[self._index[k]] for k in keys]
        return self.lexicon.export_csv(path, rows)


class LexiconFilter(QSortFilterProxyModel):
    """Rows of one category (or all) whose term, reason or alternatives contain the search text."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.category = ""
        self.search = ""
        self.setSortCaseSensitivity(Qt.CaseInsensitive)

    def set_category(self, category: str) -> None:
        self._refilter(lambda: setattr(self, "category", category))

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "search", " ".join(text.lower().split())))

    def _refilter(self, change: Any) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+ (invalidateFilter is deprecated there)
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: Row = model.row_at(source_row)
        if self.category and row.category != self.category:
            return False
        if self.search:
            hay = " ".join((row.term, row.reason, " ".join(row.alternatives))).lower()
            return self.search in hay
        return True

    def lessThan(self, left: Index, right: Index) -> bool:
        model, col = self.sourceModel(), left.column()
        if col == ON:
            return model.row_at(left.row()).enabled < model.row_at(right.row()).enabled
        a, b = model._display(left.row())[col].lower(), model._display(right.row())[col].lower()
        return a < b if a != b else left.row() < right.row()

    def keys(self) -> list[Key]:
        return [self.index(i, 0).data(KEY_ROLE) for i in range(self.rowCount())]
