"""The dashboard's building blocks: labels with a styling role, the table whose cells jump to the text,
a tab's section (intro, content or an empty-state message) and a frameless scroll area."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

EMPTY_TEXT = "Load at least two articles to compare."

# What the panel hands its tabs: ``make_help(key, text=..., name=...)`` makes a "What is this?" glossary link
# (kept in the panel's ``help_links``); ``make_view(object_name, model, name, rows=False)`` a table whose
# activated cells jump to their place in the text.
HelpMaker = Callable[..., QLabel]
ViewMaker = Callable[..., "JumpTableView"]


def label(text: str, role: str, object_name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setProperty("role", role)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        lab.setObjectName(object_name)
    if role == "heading":
        f = QFont(lab.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2 if f.pointSizeF() > 0 else 12)
        lab.setFont(f)
    if role == "intro":
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class JumpTableView(QTableView):
    """A read-only table whose cells can be activated with a click or Enter/Space (``cellActivated``)."""

    cellActivated = Signal(QModelIndex)

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        # rows grow with wrapped text, and follow column width changes by themselves
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(round(self.fontMetrics().height() * 1.9))
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clicked.connect(self.cellActivated)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self.cellActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class Section(QWidget):
    """Intro text, then either the content or an empty-state message."""

    def __init__(self, intro: str, content: QWidget, empty_text: str, parent: QWidget | None = None,
                 help_link: QLabel | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)
        self.intro = label(intro, "intro", "dashboardIntro")
        lay.addWidget(self.intro)
        if help_link is not None:  # "What do these figures mean? (glossary)"
            lay.addWidget(help_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.content = content
        lay.addWidget(content, 1)
        self.empty = label(empty_text, "empty", "sectionEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty, 1)
        self.set_empty(True)

    def set_empty(self, empty: bool, text: str | None = None) -> None:
        if text is not None:
            self.empty.setText(text)
        self.content.setVisible(not empty)
        self.empty.setVisible(empty)


def scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area
