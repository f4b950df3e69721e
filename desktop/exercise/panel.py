"""Spot the slant: how marks look (neutral, found, extra, dismissed) and the panel under the panes with the
score and every found / missed / extra item."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

# Marks and states: neutral before Reveal, then found (a green frame: Okabe-Ito bluish green), extra (dashed
# grey), dismissed (greyed). Each has a non-colour cue too (underline style, weight, italics).
FOUND_COLOUR = "#009E73"
STYLES: dict[str, dict[str, Any]] = {
    "mark": {"bg": ("#DCE3EC", "#3A4352"), "line": ("#44546A", "#B8C4D6"), "under": "solid"},
    "found": {"bg": ("#D2F0E6", "#1F4A3D"), "line": (FOUND_COLOUR, "#4FD1A8"), "under": "solid", "frame": True,
              "bold": True},
    "extra": {"bg": ("#EDEDED", "#3A3A3C"), "line": ("#6E6E6E", "#B0B0B0"), "under": "dash"},
    "dismissed": {"bg": ("#EFEFEF", "#2C2C2E"), "fg": ("#8C8C8C", "#8C8C8C"), "line": ("#A0A0A0", "#707070"),
                  "under": "dot", "italic": True},
}


def mark_format(state: str, dark: bool = False) -> QTextCharFormat:
    st = STYLES[state]
    fmt = QTextCharFormat()
    bg = st["bg"][1 if dark else 0]
    if bg:
        fmt.setBackground(QColor(bg))
    if "fg" in st:
        fmt.setForeground(QColor(st["fg"][1 if dark else 0]))
    fmt.setUnderlineStyle(QTextCharFormat.DashUnderline if st["under"] == "dash" else
                          QTextCharFormat.DotLine if st["under"] == "dot" else QTextCharFormat.SingleUnderline)
    fmt.setUnderlineColor(QColor(st["line"][1 if dark else 0]))
    if st.get("frame"):
        fmt.setFontOverline(True)  # overline + underline: the window's frame (as for boxed categories)
    if st.get("bold"):
        fmt.setFontWeight(QFont.Bold)
    if st.get("italic"):
        fmt.setFontItalic(True)
    return fmt


def _q(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[:limit - 1] + "…") + "”"


class ExercisePanel(QFrame):
    """Under the panes while the exercise runs: what to do, the score, and every found / missed / extra item."""

    itemChosen = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.score = QLabel()
        self.score.setObjectName("exerciseScore")
        self.score.setWordWrap(True)
        self.score.setTextFormat(Qt.RichText)
        lay.addWidget(self.score)
        self.items = QListWidget()
        self.items.setObjectName("exerciseItems")
        self.items.itemActivated.connect(self._chosen)
        self.items.itemClicked.connect(self._chosen)
        lay.addWidget(self.items, 1)
        row = QHBoxLayout()
        self.accept_button = QPushButton("Accept as a good catch…")
        self.accept_button.setObjectName("exerciseAccept")
        self.dismiss_button = QPushButton("Dismiss finding…")
        self.dismiss_button.setObjectName("exerciseDismiss")
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _chosen(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.UserRole)
        if isinstance(data, dict):
            self.itemChosen.emit(data)

    def chosen(self) -> dict | None:
        item = self.items.currentItem()
        data = item.data(Qt.UserRole) if item is not None else None
        return data if isinstance(data, dict) else None
