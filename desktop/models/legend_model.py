"""Which highlight categories are shown: a checkable list model the legend widget displays."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Qt, Signal

from .. import highlight


class LegendModel(QAbstractListModel):
    KeyRole = Qt.UserRole + 1
    StyleRole = Qt.UserRole + 2
    CountRole = Qt.UserRole + 3

    enabledChanged = Signal()

    def __init__(self, enabled: dict[str, bool] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._styles = list(highlight.load_styles().values())
        self._enabled = {s.key: True for s in self._styles}
        self._enabled.update({k: v for k, v in (enabled or {}).items() if k in self._enabled})
        self._counts: dict[str, int] = {}

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._styles)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        st = self._styles[index.row()]
        if role == Qt.DisplayRole:
            return st.label
        if role == Qt.ToolTipRole:
            return f"{st.description}\n\nMarked with: {st.cue}."
        if role == Qt.CheckStateRole:
            return Qt.Checked if self._enabled[st.key] else Qt.Unchecked
        if role == self.KeyRole:
            return st.key
        if role == self.StyleRole:
            return st
        if role == self.CountRole:
            return self._counts.get(st.key)
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role == Qt.CheckStateRole and index.isValid():
            key = self._styles[index.row()].key
            return self.set_enabled(key, value in (Qt.Checked, Qt.Checked.value, 2, True))
        return False

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        return Qt.ItemIsEnabled | Qt.ItemIsUserCheckable | Qt.ItemIsSelectable

    def keys(self) -> list[str]:
        return [s.key for s in self._styles]

    def is_enabled(self, key: str) -> bool:
        return self._enabled.get(key, True)

    def enabled(self) -> dict[str, bool]:
        return dict(self._enabled)

    def enabled_set(self) -> set[str]:
        return {k for k, v in self._enabled.items() if v}

    def set_enabled(self, key: str, on: bool) -> bool:
        if key not in self._enabled or self._enabled[key] == on:
            return False
        self._enabled[key] = on
        row = self.keys().index(key)
        self.dataChanged.emit(self.index(row), self.index(row), [Qt.CheckStateRole])
        self.enabledChanged.emit()
        return True

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        if self._styles:
            self.dataChanged.emit(self.index(0), self.index(len(self._styles) - 1), [self.CountRole])
