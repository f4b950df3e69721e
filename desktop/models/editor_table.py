"""What the lexicon editor's tables have in common: the rows of one lexicon (built-in and the user's) with an
on/off switch in the first column, greyed when off, and every change saved at once.

``EditorTableModel`` holds ``store`` (``analysis.user_lexicon.UserLexicon``, ``analysis.user_hedges.UserHedges``:
``rows()``, ``row(key)``, ``set_enabled``, ``delete``, ``save``, ``reload``). A subclass names its columns
(``HEADERS``), how a row is identified (``key_of``) and what each column shows (``texts``). Each change goes
through ``_commit``: made in memory, saved, the table updated, ``changed`` emitted with the saved file's path;
on any failure the store is read again from its files (so the table shows what is in effect) and the error
raised. A checkbox click that cannot be saved is reported through ``problem``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from analysis.lexicons import LexiconError

ON = 0  # the on/off switch's column in every editor table
KEY_ROLE = int(Qt.UserRole.value) + 1
ROW_ROLE = int(Qt.UserRole.value) + 2
Index = QModelIndex | QPersistentModelIndex
# roles as plain ints: comparing PySide6 enums costs microseconds, and a view asks thousands of times
_DISPLAY, _CHECK, _TOOLTIP, _FOREGROUND = (int(r.value) for r in (Qt.DisplayRole, Qt.CheckStateRole, Qt.ToolTipRole,
                                                                  Qt.ForegroundRole))


def source_text(row: Any) -> str:
    """Where a row comes from, in words: "built-in", "yours" (the editor's file) or "yours (<file>)"."""
    if row.source == "builtin":
        return "built-in"
    return "yours" if row.editable or row.origin.endswith("_editor.toml") else f"yours ({row.origin})"


class EditorTableModel(QAbstractTableModel):
    changed = Signal(str)  # the lexicon file was saved (its path): analyse again
    problem = Signal(str)  # a change from the table itself (the checkbox) could not be made

    HEADERS: tuple[str, ...] = ()
    # A switched row is updated where it stands (dataChanged); False: the whole table is reset, as after
    # every other change (a tab that updates its buttons on a reset wants that).
    SWITCH_IN_PLACE = True

    def __init__(self, store: Any, parent: Any = None):
        super().__init__(parent)
        self.store = store
        self._load_rows()

    # -- what a subclass says
    def key_of(self, row: Any) -> Any:
        raise NotImplementedError

    def texts(self, row: Any) -> tuple[str, ...]:
        """The text of each column (the switch's column: "")."""
        raise NotImplementedError

    def tooltip(self, r: int, col: int) -> str | None:
        return self._display(r)[col] or None

    # -- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Horizontal and int(role) == _DISPLAY:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        role = int(role)
        if not index.isValid():
            return None
        r, col = index.row(), index.column()
        if role == _DISPLAY:
            return self._display(r)[col]
        if role == _CHECK:
            return (Qt.Checked if self._rows[r].enabled else Qt.Unchecked) if col == ON else None
        if role == _TOOLTIP:
            return self.tooltip(r, col)
        if role == _FOREGROUND:
            return None if self._rows[r].enabled else QApplication.palette().brush(QPalette.Disabled, QPalette.Text)
        if role == KEY_ROLE:
            return self.key_of(self._rows[r])
        if role == ROW_ROLE:
            return self._rows[r]
        return None

    def _display(self, r: int) -> tuple[str, ...]:
        cached = self._texts.get(r)
        if cached is None:
            cached = self._texts[r] = self.texts(self._rows[r])
        return cached

    def flags(self, index: Index) -> Qt.ItemFlags:
        if not index.isValid():
            return Qt.NoItemFlags
        flags = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if index.column() == ON:
            flags |= Qt.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.EditRole) -> bool:
        if int(role) != _CHECK or index.column() != ON or not index.isValid():
            return False
        on = value if isinstance(value, bool) else Qt.CheckState(value) == Qt.Checked
        try:
            self.set_enabled(self.key_of(self._rows[index.row()]), on)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.problem.emit(str(exc))
            return False
        return True

    # -- what the editor does (each change is saved at once; errors are raised, nothing half-done)
    def row_of(self, key: Any) -> int:
        return self._index[key]

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def set_enabled(self, key: Any, on: bool) -> None:
        self._commit(lambda: self.store.set_enabled(key, on), key if self.SWITCH_IN_PLACE else None)

    def delete(self, key: Any) -> None:
        self._commit(lambda: self.store.delete(key))

    def reload(self) -> None:
        """Read the files again (they may have been edited outside Slant). ``LexiconError`` when one is broken."""
        try:
            self.store.reload()
        finally:
            self._reset()

    def _commit(self, change: Any, key: Any = None) -> Any:
        """Make ``change`` in memory, save it, update the table (only row ``key`` when given) and say so; on
        any failure reload the store from its files (so the table shows what is in effect) and raise."""
        try:
            result = change()
            path = self.store.save()
        except BaseException:
            self.store.reload()
            self._reset()
            raise
        if key is not None and key in self._index:
            i = self._index[key]
            self._rows[i] = self.store.row(key)
            self._texts.pop(i, None)
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.HEADERS) - 1))
        else:
            self._reset()
        self.changed.emit(str(path))
        return result

    def _load_rows(self) -> None:
        self._rows: list[Any] = self.store.rows()
        self._index: dict[Any, int] = {self.key_of(r): i for i, r in enumerate(self._rows)}
        self._texts: dict[int, tuple[str, ...]] = {}

    def _reset(self) -> None:
        self.beginResetModel()
        self._load_rows()
        self.endResetModel()
