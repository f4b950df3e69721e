"""The list of loaded articles (the session): a Qt item model, separate from any widget.

Each row is an ``Entry``: the article (text + metadata), its analysis once done, its status, and
whether it is compared (shown as a pane). Panes, the pane list and the dashboard all read this model.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QObject, Qt, Signal

from analysis.results import ArticleAnalysis
from analysis.sources import file_name

MAX_PANES = 6
MIME = "application/x-slant-entry-keys"

PENDING, RUNNING, DONE, FAILED, CANCELLED = "pending", "running", "done", "failed", "cancelled"
STATUS_TEXT = {PENDING: "waiting", RUNNING: "analysing…", DONE: "", FAILED: "analysis failed",
               CANCELLED: "not analysed (cancelled)"}

_keys = itertools.count(1)


@dataclass
class Entry:
    article: Any  # analysis.sources.Article
    key: str = field(default_factory=lambda: f"a{next(_keys)}")
    analysis: ArticleAnalysis | None = None
    plan: Any = None  # desktop.highlight.RenderPlan of the analysis, prepared by the worker
    status: str = PENDING
    error: str | None = None
    compared: bool = True
    from_cache: bool = False
    pasted: bool = False  # text came from the clipboard (kept in the session), not from a file

    @property
    def label(self) -> str:
        """What to call the article on screen: outlet, title, file name, else its first words."""
        a = self.article
        if a.outlet or a.title:
            return a.outlet or a.title
        if a.path:
            return file_name(a.path)
        head = a.text[:400] if a.text[:400].strip() else a.text.lstrip()[:400]  # never split a megabyte
        first = " ".join(next((ln for ln in head.splitlines() if ln.strip()), "").split())
        return (first[:40].rsplit(" ", 1)[0] + "…") if len(first) > 40 else (first or a.id)

    @property
    def text(self) -> str:
        if self.analysis is not None:
            return self.analysis.text
        return self.article.text.replace("\r\n", "\n").replace("\r", "\n")


class ArticleListModel(QAbstractListModel):
    KeyRole = Qt.UserRole + 1
    EntryRole = Qt.UserRole + 2
    StatusRole = Qt.UserRole + 3

    comparedChanged = Signal()  # the set or order of compared articles changed
    limitReached = Signal()  # someone tried to show more than MAX_PANES articles
    entryChanged = Signal(str)  # key: article metadata, analysis or status changed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._entries: list[Entry] = []
        self.blind_labels: dict[str, str] | None = None  # blind mode: "Outlet A"... by entry key (desktop.blinding)

    def set_blind_labels(self, labels: dict[str, str] | None) -> None:
        self.blind_labels = labels
        if self._entries:
            self.dataChanged.emit(self.index(0), self.index(len(self._entries) - 1),
                                  [Qt.DisplayRole, Qt.ToolTipRole])

    def display_label(self, e: Entry) -> str:
        if self.blind_labels is not None:
            return self.blind_labels.get(e.key, "Outlet ?")
        return e.label

    # -- Qt model API
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: QModelIndex, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        e = self._entries[index.row()]
        if role == Qt.DisplayRole:
            status = STATUS_TEXT.get(e.status, "")
            label = self.display_label(e)
            return f"{label}  ({status})" if status else label
        if role == Qt.ToolTipRole:
            if self.blind_labels is not None:  # blind mode: nothing that names the outlet
                return self.display_label(e) + ("" if not e.error else f"\nError: {e.error}")
            a = e.article
            lines = [e.label]
            if a.title and a.title != e.label:
                lines.append(a.title)
            if a.date:
                lines.append(a.date)
            if a.path:
                lines.append(a.path)
            if e.error:
                lines.append(f"Error: {e.error}")
            return "\n".join(lines)
        if role == Qt.CheckStateRole:
            return Qt.Checked if e.compared else Qt.Unchecked
        if role == self.KeyRole:
            return e.key
        if role == self.EntryRole:
            return e
        if role == self.StatusRole:
            return e.status
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.EditRole) -> bool:
        if role == Qt.CheckStateRole and index.isValid():
            checked = value in (Qt.Checked, Qt.Checked.value, 2, True)
            return self.set_compared(self._entries[index.row()].key, checked)
        return False

    def flags(self, index: QModelIndex) -> Qt.ItemFlags:
        base = Qt.ItemIsEnabled | Qt.ItemIsDropEnabled
        if not index.isValid():
            return base
        return base | Qt.ItemIsSelectable | Qt.ItemIsUserCheckable | Qt.ItemIsDragEnabled

    def supportedDropActions(self) -> Qt.DropActions:
        return Qt.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        keys = [self._entries[i.row()].key for i in indexes if i.isValid()]
        data.setData(MIME, QByteArray("\n".join(keys).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex) -> bool:
        if action != Qt.MoveAction or not data.hasFormat(MIME):
            return False
        keys = bytes(data.data(MIME)).decode().split("\n")
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._entries)
        for key in keys:
            src = self.row_of(key)
            if src < 0:
                continue
            self.move(key, row if row <= src else row - 1)
            row = self.row_of(key) + 1
        return False  # we moved the rows ourselves: the view must not remove anything

    # -- entries
    def entries(self) -> list[Entry]:
        return list(self._entries)

    def compared(self) -> list[Entry]:
        """Entries shown as panes, in order (at most MAX_PANES)."""
        return [e for e in self._entries if e.compared][:MAX_PANES]

    def entry(self, key: str) -> Entry | None:
        for e in self._entries:
            if e.key == key:
                return e
        return None

    def row_of(self, key: str) -> int:
        for i, e in enumerate(self._entries):
            if e.key == key:
                return i
        return -1

    def add(self, article: Any, *, compared: bool | None = None, pasted: bool = False) -> Entry:
        if compared is None:
            compared = sum(1 for e in self._entries if e.compared) < MAX_PANES
        entry = Entry(article=article, compared=compared, pasted=pasted)
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self.endInsertRows()
        if compared:
            self.comparedChanged.emit()
        return entry

    def insert(self, entry: Entry, row: int) -> Entry:
        """Put an entry (e.g. one closed and brought back by Undo) at ``row``, keeping its analysis."""
        row = max(0, min(len(self._entries), row))
        if entry.compared and sum(1 for e in self._entries if e.compared) >= MAX_PANES:
            entry.compared = False
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.insert(row, entry)
        self.endInsertRows()
        if entry.compared:
            self.comparedChanged.emit()
        return entry

    def remove(self, key: str) -> bool:
        row = self.row_of(key)
        if row < 0:
            return False
        was_compared = self._entries[row].compared
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._entries[row]
        self.endRemoveRows()
        if was_compared:
            self.comparedChanged.emit()
        return True

    def clear(self) -> None:
        self.beginResetModel()
        self._entries.clear()
        self.endResetModel()
        self.comparedChanged.emit()

    def move(self, key: str, to_row: int) -> bool:
        src = self.row_of(key)
        to_row = max(0, min(len(self._entries) - 1, to_row))
        if src < 0 or src == to_row:
            return False
        dest = to_row + 1 if to_row > src else to_row  # Qt's beginMoveRows counts before removal
        if not self.beginMoveRows(QModelIndex(), src, src, QModelIndex(), dest):
            return False
        entry = self._entries.pop(src)
        self._entries.insert(to_row, entry)
        self.endMoveRows()
        if entry.compared:
            self.comparedChanged.emit()
        return True

    def move_among_compared(self, key: str, step: int) -> bool:
        """Swap a shown pane with its neighbour among the shown panes (step -1 left, +1 right)."""
        shown = [e.key for e in self._entries if e.compared]
        if key not in shown:
            return False
        i = shown.index(key) + step
        if not 0 <= i < len(shown):
            return False
        return self.move(key, self.row_of(shown[i]))

    def set_compared(self, key: str, compared: bool) -> bool:
        row = self.row_of(key)
        if row < 0 or self._entries[row].compared == compared:
            return False
        if compared and sum(1 for e in self._entries if e.compared) >= MAX_PANES:
            self.limitReached.emit()
            return False
        self._entries[row].compared = compared
        idx = self.index(row)
        self.dataChanged.emit(idx, idx, [Qt.CheckStateRole])
        self.comparedChanged.emit()
        return True

    def update(self, key: str, **changes: Any) -> Entry | None:
        """Change fields of an entry (status, analysis, error, article...) and tell the views."""
        row = self.row_of(key)
        if row < 0:
            return None
        entry = self._entries[row]
        for name, value in changes.items():
            setattr(entry, name, value)
        idx = self.index(row)
        self.dataChanged.emit(idx, idx)
        self.entryChanged.emit(key)
        return entry
