"""Edit an article's outlet, title, date, byline and web address (undoable: see desktop.reading)."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from .buttons import ok_cancel

FIELDS = (("outlet", "&Outlet:"), ("title", "&Title:"), ("date", "&Date:"), ("byline", "&Byline:"),
          ("url", "&Web address:"))


def source_description(article: Any) -> list[str]:
    """Where the text came from, in words: file, web address and fetch time, encoding."""
    lines = []
    if article.path:
        lines.append(f"File: {article.path}")
    if getattr(article, "fetched", None):
        lines.append(f"Fetched from {article.url} on {article.fetched.replace('T', ' ')}")
    label = getattr(article, "encoding_label", None)
    if label:
        how = "as you chose" if getattr(article, "encoding_chosen", False) else "detected"
        lines.append(f"Encoding: {label} ({how}; File > Reopen with encoding… to change it)")
    return lines


class MetadataDialog(QDialog):
    def __init__(self, article: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setObjectName("metadataDialog")
        self.resize(560, 260)
        lay = QVBoxLayout(self)
        for line in source_description(article):
            src = QLabel(line)
            src.setObjectName("metaSource")
            src.setWordWrap(True)
            lay.addWidget(src)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            e = QLineEdit(getattr(article, name, None) or "")
            e.setObjectName(f"meta_{name}")
            form.addRow(label, e)
            self.edits[name] = e
        lay.addLayout(form)
        buttons = ok_cancel(self)
        lay.addWidget(buttons)

    def values(self) -> dict[str, str | None]:
        return {name: (e.text().strip() or None) for name, e in self.edits.items()}
