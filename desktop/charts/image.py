"""Rendering a chart into an image (for the README's pictures, exports and tests)."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont, QImage, QPainter

from .palette import ChartPalette


def render_to_image(
    draw: Callable[[QPainter, QRectF], object],
    size: QSize | tuple[int, int],
    *,
    palette: ChartPalette | None = None,
    scale: float = 1.0,
    font: QFont | None = None,
) -> QImage:
    """Render a chart into a new ``QImage``: ``draw(painter, rect)`` paints into ``rect``.

    ``scale`` makes a sharper image (device pixel ratio); the background is the palette's.
    Example: ``render_to_image(lambda p, r: paint_bar_chart(p, r, "Tone", bars), (600, 300))``.
    """
    if isinstance(size, tuple):
        size = QSize(*size)
    palette = palette or ChartPalette.light()
    img = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(scale)
    img.fill(palette.background)
    painter = QPainter(img)
    try:
        if font is not None:
            painter.setFont(font)
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return img
