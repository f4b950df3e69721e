"""The message bar: errors and notices shown inside the window (never a crash, never a lost article)."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class MessageBar(QFrame):
    """Errors and notices shown inside the window (never a crash, never a lost article)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        # always rich text: messages are HTML-escaped, and a one-line message with no tag would otherwise
        # be shown as plain text with its escapes visible ("article&#x27;s")
        self.label.setTextFormat(Qt.RichText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)
        self.messages: list[str] = []
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.messages.append(text)
        shown = self.messages[-3:]
        more = len(self.messages) - len(shown)
        body = "<br>".join(html.escape(m).replace("\n", "<br>") for m in shown)
        if more:
            body += f"<br><i>…and {more} earlier message{'s' if more > 1 else ''}</i>"
        self.label.setText(body)
        width = max(400, (self.parentWidget().width() if self.parentWidget() else 900) - 60)
        self.label.setMinimumHeight(self.label.heightForWidth(width) + self.label.fontMetrics().descent() + 4)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def dismiss(self) -> None:
        self.messages.clear()
        self.hide()
