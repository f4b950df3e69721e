"""The lexicon editor's table: every loaded term (built-in and the user's) with its on/off switch, and a
filter by category and search text. The data and its file live in ``analysis.user_lexicon``; each change
is saved at once, and ``changed`` tells the window to analyse the open articles again."""
from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from analysis.lexicons import LexiconError
from analysis.user_lexicon import Key, Row, UserLexicon

ON, TERM, CATEGORY, REASON, ALTERNATIVES, SOURCE = range(6)
HEADERS = ("On", "Term", "Category", "Reason", "Alternatives", "Source")
KEY_ROLE = int(Qt.UserRole.value) + 1
ROW_ROLE = int(Qt.UserRole.value) + 2
Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _CHECK, _TOOLTIP, _FOREGROUND = (int(r.value) for r in (Qt.DisplayRole, Qt.CheckStateRole, Qt.ToolTipRole,
                                                                  Qt.ForegroundRole))
_KEY, _ROW = KEY_ROLE, ROW_ROLE


def source_text(row: Row) -> str:
    if row.source == "builtin":
        return "built-in"
    return "yours" if row.editable or row.origin.endswith("_editor.toml") else f"yours ({row.origin})"


class LexiconModel(QAbstractTableModel):
    changed = Signal(str)  # the lexicon file was saved (its path): analyse again
    problem = Signal(str)  # a change from the table itself (the checkbox) could not be made

    def __init__(self, lexicon: UserLexicon | None = None, parent: Any = None):
        super().__init__(parent)
        self.lexicon = lexicon if lexicon is not None else UserLexicon()
        self._rows: list[Row] = self.lexicon.rows()
        self._index: dict[Key, int] = {r.key: i for i, r in enumerate(self._rows)}
        self._texts: dict[int, tuple[str, ...]] = {}

    # -- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        # roles as plain ints: comparing PySide6 enums costs microseconds, and a view asks thousands of times
        role = int(role)
        if not index.isValid():
            return None
        r, col = index.row(), index.column()
        if role == _DISPLAY:
            return self._display(r)[col]
        if role == _CHECK:
            return (Qt.Checked if self._rows[r].enabled else Qt.Unchecked) if col == ON else None
        if role == _TOOLTIP:
            row = self._rows[r]
            if col == ON:
                return "Switched on: the analysis finds it" if row.enabled else "Switched off: the analysis ignores it"
            if col == SOURCE:
                return f"From {row.origin}"
            return self._display(r)[col] or None
        if role == _FOREGROUND:
            return None if self._rows[r].enabled else QApplication.palette().brush(QPalette.Disabled, QPalette.Text)
        if role == _KEY:
            return self._rows[r].key
        if role == _ROW:
            return self._rows[r]
        return None

    def _display(self, r: int) -> tuple[str, ...]:
        cached = self._texts.get(r)
        if cached is None:
            row = self._rows[r]
            cached = self._texts[r] = ("", row.term, self.lexicon.categories.get(row.category, row.category),
                                       row.reason, "; ".join(row.alternatives), source_text(row))
        return cached

    def flags(self, index: Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == ON:
            flags |= Qt.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.EditRole) -> bool:
        if role != Qt.CheckStateRole or index.column() != ON or not index.isValid():
            return False
        on = Qt.CheckState(value) == Qt.Checked if not isinstance(value, bool) else value
        try:
            self.set_enabled(self._rows[index.row()].key, on)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.problem.emit(str(exc))
            return False
        return True

    # -- what the editor does (each change is saved at once; errors are raised, nothing half-done)
    def row_of(self, key: Key) -> int:
        return self._index[key]

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rows(self) -> list[Row]:
        return list(self._rows)

    def add_term(self, term: str, category: str, reason: str, alternatives: list[str],
                 weight: float = 0.5) -> Key:
        return self._commit(lambda: self.lexicon.put_term(term, category, reason, alternatives, weight))

    def edit_term(self, key: Key, term: str, category: str, reason: str, alternatives: list[str],
                  weight: float) -> Key:
        enabled = self.lexicon.row(key).enabled
        return self._commit(lambda: self.lexicon.put_term(term, category, reason, alternatives, weight,
                                                          enabled, replace=key))

    def set_enabled(self, key: Key, on: bool) -> None:
        self._commit(lambda: self.lexicon.set_enabled(key, on), key)

    def delete(self, key: Key) -> None:
        self._commit(lambda: self.lexicon.delete(key))

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

    def reload(self) -> None:
        """Read the files again (they may have been edited outside Slant). ``LexiconError`` when one is broken."""
        try:
            self.lexicon.reload()
        finally:
            self._reset()

    def _commit(self, change: Any, key: Key | None = None) -> Any:
        """Make ``change`` in memory, save it, update the table and say so; on any failure reload the
        lexicon from its files (so the table shows what is in effect) and raise."""
        try:
            result = change()
            path = self.lexicon.save()
        except BaseException:
            self.lexicon.reload()
            self._reset()
            raise
        if key is not None and key in self._index:
            i = self._index[key]
            self._rows[i] = self.lexicon.row(key)
            self._texts.pop(i, None)
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(HEADERS) - 1))
        else:
            self._reset()
        self.changed.emit(str(path))
        return result

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = self.lexicon.rows()
        self._index = {r.key: i for i, r in enumerate(self._rows)}
        self._texts = {}
        self.endResetModel()


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


HEDGE_HEADERS = ("On", "Finds", "Kind", "Reason", "Source")


class HedgeModel(QAbstractTableModel):
    """The hedges (built-in and the user's) with their on/off switch; each change saved at once
    (``analysis.user_hedges``), then ``changed``."""
    changed = Signal(str)
    problem = Signal(str)

    def __init__(self, hedges: Any = None, parent: Any = None):
        from analysis.user_hedges import UserHedges

        super().__init__(parent)
        self.hedges = hedges if hedges is not None else UserHedges()
        self._rows = self.hedges.rows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEDGE_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and int(role) == _DISPLAY:
            return HEDGE_HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        role = int(role)
        if not index.isValid():
            return None
        row, col = self._rows[index.row()], index.column()
        if role in (_DISPLAY, _TOOLTIP):
            source = "built-in" if row.source == "builtin" else ("yours" if row.editable else f"yours ({row.origin})")
            text = ("", row.words, row.kind, row.why, source)[col]
            return text if role == _DISPLAY or text else None
        if role == _CHECK and col == ON:
            return Qt.Checked if row.enabled else Qt.Unchecked
        if role == _FOREGROUND and not row.enabled:
            return QApplication.palette().brush(QPalette.Disabled, QPalette.Text)
        if role == _ROW:
            return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable | (Qt.ItemIsUserCheckable if index.column() == ON else Qt.NoItemFlags)

    def setData(self, index: Index, value: Any, role: int = Qt.EditRole) -> bool:
        if int(role) != _CHECK or index.column() != ON or not index.isValid():
            return False
        on = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.Checked
        try:
            self.set_enabled(self._rows[index.row()].id, on)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.problem.emit(str(exc))
            return False
        return True

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def row_of(self, hid: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.id == hid)

    def add_hedge(self, phrase: str, kind: str, why: str) -> str:
        return self._commit(lambda: self.hedges.put_hedge(phrase, kind, why))

    def edit_hedge(self, hid: str, phrase: str, kind: str, why: str) -> str:
        return self._commit(lambda: self.hedges.put_hedge(phrase, kind, why, replace=hid))

    def set_enabled(self, hid: str, on: bool) -> None:
        self._commit(lambda: self.hedges.set_enabled(hid, on))

    def delete(self, hid: str) -> None:
        self._commit(lambda: self.hedges.delete(hid))

    def reload(self) -> None:
        try:
            self.hedges.reload()
        finally:
            self._reset()

    def _commit(self, change: Any) -> Any:
        try:
            result = change()
            path = self.hedges.save()
        except BaseException:
            self.hedges.reload()
            self._reset()
            raise
        self._reset()
        self.changed.emit(str(path))
        return result

    def _reset(self) -> None:
        self.beginResetModel()
        self._rows = self.hedges.rows()
        self.endResetModel()
