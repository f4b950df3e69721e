"""The Help menu's own windows: About Slant, and How to read the highlights (every highlight style with its
description and cue, from ``resources/styles/highlights.toml``). The Glossary is ``dialogs/glossary.py``."""
from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from . import highlight as hl


def about(parent: QWidget) -> None:
    from analysis import __version__

    QMessageBox.about(parent, "About Slant",
                      f"<h3>Slant {__version__}</h3><p>Several outlets' versions of one news story side by side, "
                      "with the words that make them differ explained.</p>")


def howto(parent: QWidget) -> None:
    rows = "".join(f"<tr><td><b>{html.escape(s.label)}</b></td><td>{html.escape(s.description)} "
                   f"<i>({html.escape(s.cue)})</i></td></tr>" for s in hl.load_styles().values())
    box = QMessageBox(parent)
    box.setWindowTitle("How to read the highlights")
    box.setTextFormat(Qt.RichText)
    box.setText(f"<table cellpadding=3>{rows}</table><p>Click any highlight for the details.</p>")
    box.exec()
