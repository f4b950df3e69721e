"""File > Open URL…: the address of an article's web page."""
from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from analysis.fetch import is_url

from .buttons import ok_cancel


class UrlDialog(QDialog):
    def __init__(self, url: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Open a web page")
        self.setObjectName("urlDialog")
        self.resize(620, 160)
        lay = QVBoxLayout(self)
        intro = QLabel("The address of the article's page (https://…). Slant fetches the page once, keeps its "
                       "article text and notes when it was fetched. Offline, save the page in your browser and "
                       "open the file instead.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.edit = QLineEdit()
        self.edit.setObjectName("urlEdit")
        self.edit.setPlaceholderText("https://")
        if not url:
            clip = QGuiApplication.clipboard().text().strip()
            url = clip if is_url(clip) and "\n" not in clip else ""
        self.edit.setText(url)
        lay.addWidget(self.edit)
        self.buttons = ok_cancel(self, "Fetch")
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(is_url(self.edit.text()))

    def url(self) -> str:
        return self.edit.text().strip()
