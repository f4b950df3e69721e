"""Paste an article: its text plus outlet, title and date."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from .buttons import ok_cancel


class PasteDialog(QDialog):
    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Paste an article")
        self.setObjectName("pasteDialog")
        self.resize(720, 560)
        lay = QVBoxLayout(self)
        intro = QLabel("Paste the article's text below. Outlet, title and date are optional but make the "
                       "comparison easier to read.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        self.outlet = QLineEdit()
        self.outlet.setPlaceholderText("e.g. Kyodo News")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("the headline")
        self.date = QLineEdit()
        self.date.setPlaceholderText("e.g. 10 July 2024")
        form.addRow("&Outlet:", self.outlet)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Date:", self.date)
        lay.addLayout(form)
        self.text = QPlainTextEdit()
        self.text.setObjectName("pasteText")
        self.text.setPlaceholderText("Paste the article text here (Ctrl+V)")
        self.text.setPlainText(text)
        lay.addWidget(self.text, 1)
        self.buttons = ok_cancel(self, "Add article")
        lay.addWidget(self.buttons)
        self.text.textChanged.connect(self._validate)
        self._validate()
        self._guess_title()
        (self.outlet if text.strip() else self.text).setFocus()

    def _guess_title(self) -> bool:
        """Prefill the title with the first line when it looks like a headline (not for a pasted web page:
        its title comes from the page)."""
        from analysis.formats import looks_like_html

        if looks_like_html(self.text.toPlainText()):
            return False
        first = next((ln.strip() for ln in self.text.toPlainText().splitlines() if ln.strip()), "")
        if first and len(first) <= 160 and not first.endswith((".", ":")):
            self.title_edit.setText(first)
            return True
        return False

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.text.toPlainText().strip()))

    def values(self) -> dict[str, str | None]:
        def clean(w: QLineEdit) -> str | None:
            return w.text().strip() or None

        return {"text": self.text.toPlainText(), "outlet": clean(self.outlet), "title": clean(self.title_edit),
                "date": clean(self.date)}
