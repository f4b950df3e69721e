"""Edit an article's outlet, title, date and byline."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

FIELDS = (("outlet", "&Outlet:"), ("title", "&Title:"), ("date", "&Date:"), ("byline", "&Byline:"))


class MetadataDialog(QDialog):
    def __init__(self, article: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Article details")
        self.setObjectName("metadataDialog")
        self.resize(520, 220)
        lay = QVBoxLayout(self)
        if article.path:
            src = QLabel(f"File: {article.path}")
            src.setWordWrap(True)
            lay.addWidget(src)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            e = QLineEdit(getattr(article, name) or "")
            e.setObjectName(f"meta_{name}")
            form.addRow(label, e)
            self.edits[name] = e
        lay.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def values(self) -> dict[str, str | None]:
        return {name: (e.text().strip() or None) for name, e in self.edits.items()}
