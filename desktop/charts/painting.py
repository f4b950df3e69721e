"""Painting helpers shared by every chart: fonts and metrics measured on the painter's device, pens,
round grid steps, value formatting and the title line."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from .palette import ChartPalette


class Metrics:
    """Font metrics measured on the painter's device (so a PDF page and a screen agree)."""

    def __init__(self, painter: QPainter, font: QFont):
        device = painter.device()
        self.fm = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
        self.line = self.fm.height()

    def width(self, text: str) -> float:
        return self.fm.horizontalAdvance(text)

    def elide(self, text: str, width: float) -> str:
        return self.fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))


def chart_fonts(painter: QPainter) -> tuple[QFont, QFont, QFont]:
    """(normal, bold, small) derived from the painter's current font."""
    base = QFont(painter.font())
    bold = QFont(base)
    bold.setBold(True)
    small = QFont(base)
    if base.pointSizeF() > 0:
        small.setPointSizeF(base.pointSizeF() * 0.85)
    elif base.pixelSize() > 0:
        small.setPixelSize(max(1, round(base.pixelSize() * 0.85)))
    return base, bold, small


def make_pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color)
    pen.setWidthF(width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def nice_step(span: float, target: int = 4) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def format_value(value_format: str, value: float) -> str:
    try:
        return value_format.format(value)
    except (ValueError, IndexError, KeyError):
        return f"{value:.1f}"


def draw_title(painter: QPainter, rect: QRectF, title: str, bold: QFont, palette: ChartPalette) -> float:
    """Draw the title at the top of ``rect``; return its height (0 when there is no title)."""
    if not title:
        return 0.0
    m = Metrics(painter, bold)
    painter.setFont(bold)
    painter.setPen(palette.text)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), m.line),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        m.elide(title, rect.width()),
    )
    return m.line * 1.35
