"""The legend: one row per highlight category with a live sample of its style, a count and a toggle."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from .. import highlight as hl
from ..glossary_links import glossary_menu, help_link
from ..models.legend_model import LegendModel


class Swatch(QWidget):
    """A word drawn with exactly the format the article panes use for a category."""

    def __init__(self, category: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.category = category
        self.dark = False
        self.setFixedSize(QSize(44, 22))
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(2)
        self._rebuild()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._rebuild()
        self.update()

    def _rebuild(self) -> None:
        self._doc.clear()
        c = QTextCursor(self._doc)
        if self.category == hl.TONE:
            for score, word in ((-0.8, "ab"), (0.8, "cd")):
                fmt = hl.tone_format(score, self.dark) or QTextCharFormat()
                c.insertText(word, fmt)
        else:
            c.insertText("abc", hl.char_format(self.category, self.dark))
        f = self.font()
        self._doc.setDefaultFont(f)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.translate(4, 0)
        self._doc.drawContents(p)
        p.end()


class LegendWidget(QFrame):
    glossaryRequested = Signal(str)  # a glossary entry id: a row's "?" or its "What is this?" context menu

    def __init__(self, model: LegendModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("legend")
        self.model = model
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        title = QLabel("Highlights")
        title.setObjectName("sideTitle")
        outer.addWidget(title)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        outer.addLayout(grid)
        outer.addStretch(1)
        self.boxes: dict[str, QCheckBox] = {}
        self.counts: dict[str, QLabel] = {}
        self.swatches: dict[str, Swatch] = {}
        self.help_links: dict[str, QLabel] = {}
        for row in range(model.rowCount()):
            idx = model.index(row)
            key = model.data(idx, LegendModel.KeyRole)
            box = QCheckBox(model.data(idx, Qt.DisplayRole))
            box.setObjectName(f"legend_{key}")
            box.setToolTip(model.data(idx, Qt.ToolTipRole))
            box.setChecked(model.is_enabled(key))
            box.toggled.connect(lambda on, k=key: self.model.set_enabled(k, on))
            sw = Swatch(key)
            sw.setToolTip(model.data(idx, Qt.ToolTipRole))
            count = QLabel("")
            count.setObjectName("legendCount")
            count.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            grid.addWidget(box, row, 0)
            grid.addWidget(sw, row, 1)
            grid.addWidget(count, row, 2)
            self.boxes[key], self.counts[key], self.swatches[key] = box, count, sw
            q = help_link(f"category:{key}", "?", f"legendHelp_{key}", self.glossaryRequested.emit,
                          f"What is “{model.data(idx, Qt.DisplayRole)}”? Opens the glossary.")
            if q is not None:  # "?" and the row's context menu open the glossary at this kind
                grid.addWidget(q, row, 3)
                self.help_links[key] = q
                for w in (box, sw):
                    w.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
                    w.customContextMenuRequested.connect(lambda pos, k=key, w=w: self._menu(k, w, pos))
        grid.setColumnStretch(0, 1)
        model.dataChanged.connect(self._sync)

    def _menu(self, key: str, widget: QWidget, pos: QPoint) -> None:
        menu = glossary_menu(self, f"category:{key}", self.glossaryRequested.emit)
        if menu is not None:
            menu.popup(widget.mapToGlobal(pos))

    def _sync(self, top: QModelIndex = QModelIndex(), bottom: QModelIndex = QModelIndex(), roles=()) -> None:
        for row in range(self.model.rowCount()):
            idx = self.model.index(row)
            key = self.model.data(idx, LegendModel.KeyRole)
            box = self.boxes[key]
            if box.isChecked() != self.model.is_enabled(key):
                box.blockSignals(True)
                box.setChecked(self.model.is_enabled(key))
                box.blockSignals(False)
            n = self.model.data(idx, LegendModel.CountRole)
            self.counts[key].setText("" if n is None or key in (hl.TONE,) else str(n))

    def set_dark(self, dark: bool) -> None:
        for sw in self.swatches.values():
            sw.set_dark(dark)
