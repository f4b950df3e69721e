"""Find across every shown article: the bar (Ctrl+F, F3, Shift+F3, Esc) and the list of matches it steps
through. The panes are asked through a callable, so the bar knows nothing of how they are laid out."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QFrame):
    searched = Signal(str)
    step = Signal(int)

    def __init__(self, parent: QWidget | None = None, panes: Callable[[], list[Any]] | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self._panes = panes or (lambda: [])
        self.hits: list[tuple[str, int]] = []  # (pane key, offset) of every match, in reading order
        self.pos = -1
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel("Find in all articles:"))
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("word or phrase")
        self.edit.setClearButtonEnabled(True)
        lay.addWidget(self.edit, 1)
        self.count = QLabel("")
        lay.addWidget(self.count)
        for glyph, step, tip in (("↑", -1, "Previous match (Shift+F3)"), ("↓", +1, "Next match (F3, Enter)")):
            b = QToolButton()
            b.setText(glyph)
            b.setToolTip(tip)
            b.clicked.connect(lambda _c=False, s=step: self.step.emit(s))
            lay.addWidget(b)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self.edit.textChanged.connect(self.searched)
        self.edit.returnPressed.connect(lambda: self.step.emit(+1))
        self.edit.installEventFilter(self)
        self.searched.connect(self.find_all)
        self.step.connect(self.find_step)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(obj, event)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.searched.emit(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.searched.emit("")

    # -- searching
    def find_all(self, needle: str) -> int:
        self.hits = []
        self.pos = -1
        for pane in self._panes():
            for off in pane.find(needle):
                self.hits.append((pane.key, off))
        n = len(self.hits)
        if needle:
            arts = len({k for k, _ in self.hits})
            self.count.setText(f"{n} match{'es' if n != 1 else ''} in {arts} article{'s' if arts != 1 else ''}"
                               if n else "no match")
        else:
            self.count.setText("")
        return n

    def find_step(self, step: int) -> None:
        if not self.hits:
            if not self.isVisible():
                self.open_bar()
            return
        self.pos = (self.pos + step) % len(self.hits)
        key, off = self.hits[self.pos]
        panes = {p.key: p for p in self._panes()}
        if key in panes:
            panes[key].select_range(off, off + len(self.edit.text()))
        self.count.setText(f"{self.pos + 1} of {len(self.hits)}")
