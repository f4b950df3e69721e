"""Charts inside the PDF's text document: vector objects that paint with ``desktop.charts`` where the
document places them, and the bar chart's height measured at the page's resolution."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QFont, QImage, QPainter, QPyTextObject, QTextCharFormat, QTextFormat

from .fonts import UI_FAMILIES, font

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_INDEX = QTextFormat.Property.UserProperty + 1


class ChartObjects(QPyTextObject):
    """Vector charts inside the text document: each object paints with ``desktop.charts``."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[tuple[Callable[[QPainter, QRectF], object], QSizeF]] = []

    def add(self, draw: Callable[[QPainter, QRectF], object], size: QSizeF) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setObjectType(CHART_OBJECT)
        fmt.setProperty(CHART_INDEX, len(self.items))
        self.items.append((draw, size))
        return fmt

    def intrinsicSize(self, doc, pos, fmt):  # noqa: N802 - Qt API
        return self.items[int(fmt.property(CHART_INDEX))][1]

    def drawObject(self, painter, rect, doc, pos, fmt):  # noqa: N802 - Qt API
        draw, _ = self.items[int(fmt.property(CHART_INDEX))]
        painter.save()
        painter.setFont(font(UI_FAMILIES, 8.5))
        draw(painter, QRectF(rect))
        painter.restore()


def chart_height(f: QFont, dpi: float, n_bars: int, bar_chart_height) -> float:
    """``charts.bar_chart_height`` measured at the page's resolution (via a painter on a tiny image)."""
    img = QImage(4, 4, QImage.Format.Format_ARGB32)
    dpm = round(dpi / 0.0254)
    img.setDotsPerMeterX(dpm)
    img.setDotsPerMeterY(dpm)
    p = QPainter(img)
    try:
        p.setFont(f)
        return bar_chart_height(p, n_bars)
    finally:
        p.end()
