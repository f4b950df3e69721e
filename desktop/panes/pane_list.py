"""The library on the side: every loaded article, a checkbox for which are compared, drag to reorder."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView, QMenu, QPushButton,
                               QVBoxLayout, QWidget)

from ..models.article_model import MAX_PANES, ArticleListModel


class PaneList(QFrame):
    openRequested = Signal()
    pasteRequested = Signal()
    editRequested = Signal(str)
    removeRequested = Signal(str)
    showRequested = Signal(str)

    def __init__(self, model: ArticleListModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paneList")
        self.model = model
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        lay.setSpacing(4)
        title = QLabel("Articles")
        title.setObjectName("sideTitle")
        lay.addWidget(title)
        hint = QLabel(f"Tick up to {MAX_PANES} to compare. Drag to reorder.")
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.view = QListView()
        self.view.setObjectName("articleList")
        self.view.setModel(model)
        self.view.setDragDropMode(QAbstractItemView.InternalMove)
        self.view.setDefaultDropAction(Qt.MoveAction)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu)
        self.view.doubleClicked.connect(lambda idx: self.showRequested.emit(model.data(idx, model.KeyRole)))
        self.view.setUniformItemSizes(True)
        lay.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton("Open…")
        self.open_button.setToolTip("Open .txt or .md files (Ctrl+O)")
        self.paste_button = QPushButton("Paste…")
        self.paste_button.setToolTip("Paste an article's text (Ctrl+V)")
        self.open_button.clicked.connect(self.openRequested)
        self.paste_button.clicked.connect(self.pasteRequested)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.paste_button)
        lay.addLayout(buttons)

    def current_key(self) -> str | None:
        idx = self.view.currentIndex()
        return self.model.data(idx, self.model.KeyRole) if idx.isValid() else None

    def _menu(self, pos: QPoint) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        key = self.model.data(idx, self.model.KeyRole)
        entry = self.model.entry(key)
        menu = QMenu(self)
        menu.addAction("Show in panes" if not entry.compared else "Hide from panes",
                       lambda: self.model.set_compared(key, not entry.compared))
        menu.addAction("Edit outlet, title, date…", lambda: self.editRequested.emit(key))
        menu.addAction("Move up", lambda: self.model.move(key, self.model.row_of(key) - 1))
        menu.addAction("Move down", lambda: self.model.move(key, self.model.row_of(key) + 1))
        menu.addSeparator()
        menu.addAction("Close article", lambda: self.removeRequested.emit(key))
        menu.exec(self.view.viewport().mapToGlobal(pos))
