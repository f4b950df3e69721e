"""The message bar: errors and notices shown inside the window (never a crash, never a lost article).

A message may carry actions (``[("Open", callback), ("Show in folder", callback)]``): they appear as
buttons beside it while it is one of the messages shown.
"""
from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

Action = tuple[str, Callable[[], object]]
SHOWN = 3


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
        self.button_box = QHBoxLayout()
        self.button_box.setSpacing(4)
        lay.addLayout(self.button_box)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)
        self.messages: list[str] = []
        self._actions: list[Sequence[Action]] = []
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str, kind: str = "error", actions: Sequence[Action] = ()) -> None:
        self.messages.append(text)
        self._actions.append(tuple(actions))
        shown = self.messages[-SHOWN:]
        more = len(self.messages) - len(shown)
        body = "<br>".join(html.escape(m).replace("\n", "<br>") for m in shown)
        if more:
            body += f"<br><i>…and {more} earlier message{'s' if more > 1 else ''}</i>"
        self.label.setText(body)
        self._set_buttons(next((a for a in reversed(self._actions[-SHOWN:]) if a), ()))
        width = max(400, (self.parentWidget().width() if self.parentWidget() else 900) - 60
                    - sum(b.sizeHint().width() + 4 for b in self.buttons))
        self.label.setMinimumHeight(self.label.heightForWidth(width) + self.label.fontMetrics().descent() + 4)
        self.setProperty("kind", kind)
        for w in (self, self.label):  # the label's colour depends on the bar's kind too
            w.style().unpolish(w)
            w.style().polish(w)
        self.show()

    def _set_buttons(self, actions: Sequence[Action]) -> None:
        for b in self.buttons:
            self.button_box.removeWidget(b)
            b.deleteLater()
        self.buttons = []
        for text, callback in actions:
            b = QPushButton(text)
            b.setObjectName("messageAction")
            b.clicked.connect(lambda _c=False, cb=callback: cb())
            self.button_box.addWidget(b)
            self.buttons.append(b)

    def button(self, text: str) -> QPushButton | None:
        """The action button labelled ``text`` (ignoring the & of a shortcut), if shown."""
        return next((b for b in self.buttons if b.text().replace("&", "") == text), None)

    def dismiss(self) -> None:
        self.messages.clear()
        self._actions.clear()
        self._set_buttons(())
        self.hide()


def open_path(path: str) -> bool:
    """Open a file (or folder) with the desktop's application for it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(path)))


def show_in_folder(path: str) -> bool:
    """Open the folder holding ``path`` in the desktop's file manager (a folder export: the folder itself)."""
    from pathlib import Path

    p = Path(path)
    return open_path(str(p if p.is_dir() else p.parent))
