"""The comparison sheet as PDF, with Qt's own writer (QPdfWriter + QTextDocument), no browser.

The content is ``analysis.export.sheet.Sheet`` (the same object the HTML export renders). Article text is
laid out by ``QTextDocument`` with the window's highlight formats (``desktop.highlight.char_format``:
colour tint + underline style + weight/italic + overline for boxed sources), so a printed page reads in
black and white. Charts are ``desktop.charts`` painted as vector objects inside the document.

Where each part lives (``desktop/pdf/``): ``fonts.py`` the fonts and ``missing_glyphs``; ``document.py``
the paged document (building blocks, highlighted article text, page breaks, painting pages with their
footer); ``sheet.py`` what the comparison sheet says (``SheetDocument``); ``chart_objects.py`` charts as
objects in the document. This module writes the PDF (``render_pdf``) and keeps the names other code
imports from here.

Threads: painting on a ``QPdfWriter`` and using ``QTextDocument``/``QImage`` outside the GUI thread is
allowed by Qt (no QPixmap, no widgets are used here), so the export dialog runs this in a worker.
A ``QGuiApplication`` must exist (``ensure_app`` creates an offscreen one when there is none).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter

from analysis.export.sheet import Sheet
from desktop.pdf.chart_objects import CHART_INDEX, CHART_OBJECT
from desktop.pdf.document import DPI, FOOTER_MM, MARGIN_MM, PagedDocument
from desktop.pdf.fonts import BODY_FAMILIES, FONT_PACKAGES, UI_FAMILIES, font, missing_glyphs
from desktop.pdf.sheet import SheetDocument

__all__ = [
    "BODY_FAMILIES",
    "CHART_INDEX",
    "CHART_OBJECT",
    "DPI",
    "FONT_PACKAGES",
    "FOOTER_MM",
    "MARGIN_MM",
    "UI_FAMILIES",
    "PagedDocument",
    "SheetDocument",
    "ensure_app",
    "font",
    "missing_glyphs",
    "render_pdf",
    "setup_pdf_writer",
]


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new ``QApplication`` (offscreen when there is no display).

    A QApplication rather than a bare QGuiApplication, so widgets (dialogs, the window) can still be
    made later in the same process."""
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1] or ["slant"])
    return app  # type: ignore[return-value]


def setup_pdf_writer(writer: QPdfWriter, sheet: Sheet) -> None:
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{sheet.title}: {sheet.story}")
    writer.setCreator(f"Slant {sheet.version}")


def render_pdf(sheet: Sheet, *, progress: Callable[[int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None, document: type[SheetDocument] = SheetDocument) -> bytes:
    """The whole sheet as PDF bytes (write them with ``analysis.export.atomic``), laid out by ``document``
    (the worksheet passes its own). Qt's font warnings for scripts no installed font shapes come out as one
    line (``desktop.qt_messages``); others pass."""
    from desktop.qt_messages import collapsed_font_warnings

    ensure_app()
    with collapsed_font_warnings():
        return _render_pdf(sheet, document, progress=progress, cancelled=cancelled)


def _render_pdf(sheet: Sheet, document: type[SheetDocument], *, progress: Callable[[int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    setup_pdf_writer(writer, sheet)
    sd = document(sheet, writer, cancelled=cancelled, progress=progress)
    sd.build()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("Qt could not start the PDF writer")
    try:
        sd.paint(painter, writer.newPage)
    finally:
        painter.end()
    buf.close()
    return bytes(data.data())
