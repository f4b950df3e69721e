"""The paged text document the PDF exports are built in, for one paint device (PDF writer or printer):
page geometry, building blocks (formats, paragraphs, headings, tables, charts as objects), the article
text with the window's highlight formats, headings kept with their text, and painting the pages with a
footer ("Page x of n"). ``SheetDocument`` (the comparison sheet) and ``WorksheetDocument`` fill it."""
from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from analysis.export import ExportCancelled
from analysis.export.sheet import Node, Sheet
from desktop import highlight as hl

from .chart_objects import CHART_OBJECT, ChartObjects
from .fonts import UI_FAMILIES, font

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")
MARGIN_MM = 16.0
FOOTER_MM = 9.0
DPI = 300


class PagedDocument:
    """Builds a QTextDocument for one paint device and paints its pages; subclasses write ``_build``."""

    def __init__(self, sheet: Sheet, device: QPagedPaintDevice, *, cancelled: Callable[[], bool] | None = None,
                 progress: Callable[[int, str], None] | None = None):
        self.sheet = sheet
        self.device = device
        self.cancelled = cancelled or (lambda: False)
        self.progress = progress or (lambda pct, msg: None)
        self.dpi = device.logicalDpiY() or DPI
        self.px_per_mm = self.dpi / 25.4
        self.doc = QTextDocument()
        self.doc.setUndoRedoEnabled(False)
        self.doc.documentLayout().setPaintDevice(device)
        self.doc.setDefaultFont(font(UI_FAMILIES, 9.5))
        self.doc.setDocumentMargin(0)
        self.charts = ChartObjects()
        self.doc.documentLayout().registerHandler(CHART_OBJECT, self.charts)
        self.cursor = QTextCursor(self.doc)
        self._fmt_cache: dict[str, QTextCharFormat] = {}
        self._groups: list[list[int | None]] = []  # [heading block position, end position] per section
        page = device.pageLayout().fullRectPixels(round(self.dpi))
        self.page_w, self.page_h = float(page.width()), float(page.height())
        self.margin = MARGIN_MM * self.px_per_mm
        self.footer = FOOTER_MM * self.px_per_mm
        self.body_w = self.page_w - 2 * self.margin
        self.body_h = self.page_h - 2 * self.margin - self.footer
        self.doc.setPageSize(QSizeF(self.body_w, self.body_h))

    # --- small helpers
    def fmt(self, size: float = 9.5, *, bold: bool = False, italic: bool = False, colour: str | None = None,
            families: list[str] | None = None) -> QTextCharFormat:
        f = QTextCharFormat()
        f.setFont(font(families or UI_FAMILIES, size, bold=bold, italic=italic))
        if colour:
            f.setForeground(QColor(colour))
        return f

    def block(self, *, top: float = 0.0, bottom: float = 0.0, page_break: bool = False,
              align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, keep_with_next: bool = False) -> None:
        bf = QTextBlockFormat()
        bf.setTopMargin(top * self.px_per_mm)
        bf.setBottomMargin(bottom * self.px_per_mm)
        bf.setAlignment(align)
        if page_break:
            bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        if keep_with_next:
            bf.setNonBreakableLines(True)
        self.cursor.insertBlock(bf, self.fmt())

    def para(self, text: str, fmt: QTextCharFormat | None = None, **block) -> None:
        self.block(**block)
        self.cursor.insertText(text, fmt or self.fmt())

    def heading(self, text: str, level: int = 1, *, page_break: bool = False) -> None:
        size = {0: 20, 1: 15, 2: 11.5}[level]
        self._close_group()
        self.block(top=0 if page_break or level == 0 else (5 if level == 1 else 3.5), bottom=1.5, page_break=page_break)
        self._groups.append([self.cursor.block().position(), None])
        self.cursor.insertText(text, self.fmt(size, bold=True))

    def _close_group(self) -> None:
        if self._groups and self._groups[-1][1] is None:
            self._groups[-1][1] = self.cursor.position()

    def keep_together(self) -> None:
        """Headings never end a page: a section that fits on one page starts on a new page rather than
        being split, and a longer one starts where at least a few lines fit under its heading."""
        layout = self.doc.documentLayout()
        min_room = 40 * self.px_per_mm
        for start, end in self._groups:
            head = self.doc.findBlock(start)
            top = layout.blockBoundingRect(head).top()
            after = self.doc.findBlock(max(start, end))
            bottom = layout.blockBoundingRect(after).top() if end is not None else top
            page_top = int(top // self.body_h)
            room = (page_top + 1) * self.body_h - top
            height = bottom - top
            if page_top == 0 and top < 1:
                continue
            split = int(max(top, bottom - 1) // self.body_h) != page_top
            if (split and height < self.body_h * 0.9) or room < min_room:
                if head.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                    continue
                bf = head.blockFormat()
                bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                bf.setTopMargin(0)
                QTextCursor(head).setBlockFormat(bf)

    def table(self, headers: list[str], rows: list[list[str]], *, widths: list[float] | None = None,
              cell_fmt: Callable[[int, int], tuple[QTextCharFormat | None, str | None]] | None = None,
              header: bool = True, size: float = 8.5, padding: float = 0.55) -> QTextTable:
        tf = QTextTableFormat()
        tf.setBorder(0.6 * self.px_per_mm / 4)
        tf.setBorderBrush(QBrush(QColor("#9a9a9a")))
        tf.setBorderCollapse(True)
        tf.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        tf.setCellPadding(padding * self.px_per_mm)
        tf.setCellSpacing(0)
        tf.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        tf.setTopMargin(1 * self.px_per_mm)
        tf.setBottomMargin(1.5 * self.px_per_mm)
        if widths:
            tf.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, w) for w in widths])
        n_rows = len(rows) + (1 if header else 0)
        if header:
            tf.setHeaderRowCount(1)
        t = self.cursor.insertTable(n_rows, len(headers) if header else len(rows[0]), tf)
        if header:
            for j, h in enumerate(headers):
                c = t.cellAt(0, j)
                cf = QTextTableCellFormat()
                cf.setBackground(QColor("#e9e9e9"))
                c.setFormat(cf)
                c.firstCursorPosition().insertText(h, self.fmt(size, bold=True))
        off = 1 if header else 0
        for i, row in enumerate(rows):
            for j, val in enumerate(row):
                c = t.cellAt(i + off, j)
                f, bg = cell_fmt(i, j) if cell_fmt else (None, None)
                if bg:
                    cf = QTextTableCellFormat()
                    cf.setBackground(QColor(bg))
                    c.setFormat(cf)
                cur = c.firstCursorPosition()
                if isinstance(val, list):  # runs: [(text, format), ...]
                    for text, run_fmt in val:
                        cur.insertText(text, run_fmt)
                else:
                    cur.insertText(val, f or self.fmt(size))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        return t

    def check(self) -> None:
        if self.cancelled():
            raise ExportCancelled()

    # --- content
    def build(self) -> QTextDocument:
        """Fill the document. One edit block: Qt lays the document out once at the end, not per insert."""
        self.cursor.beginEditBlock()
        try:
            self._build()
            self._close_group()
        finally:
            self.cursor.endEditBlock()
        self.keep_together()
        self.progress(70, "Laid out")
        return self.doc

    def _build(self) -> None:
        raise NotImplementedError

    # --- article text with highlights
    def _format_for(self, node: Node) -> QTextCharFormat:
        c = node.category or ""
        if c == "tone":
            # highlights.toml: sentence tone is a screen-only cue ("not printed in black and white"); on paper
            # a grey wash would only hide the other marks. The tone strips on the overview pages carry it.
            return QTextCharFormat()
        f = self._fmt_cache.get(c)
        if f is None:
            f = hl.char_format(c)
            if c == hl.BOILERPLATE:
                f.setFontPointSize(8)
            self._fmt_cache[c] = f
        return f

    def _write_tree(self, node: Node, text: str, fmt: QTextCharFormat) -> None:
        pos = node.start
        ins = self._insert_text
        for child in node.children:
            if child.start > pos:
                ins(text[pos:child.start], fmt)
            f = QTextCharFormat(fmt)
            f.merge(self._format_for(child))
            self._write_tree(child, text, f)
            pos = child.end
        if node.end > pos:
            ins(text[pos:node.end], fmt)

    def _insert_text(self, text: str, fmt: QTextCharFormat) -> None:
        """Article text: blank lines become paragraph spacing (the block format's bottom margin)."""
        if "\n" in text:
            text = _BLANK_LINES.sub("\n", text)
            if self._last_newline and text.startswith("\n"):
                text = text[1:]
        if text:
            self.cursor.insertText(text, fmt)
            self._last_newline = text.endswith("\n")

    # --- painting
    def paint(self, painter: QPainter, new_page: Callable[[], bool]) -> int:
        """Paint every page (``new_page()`` starts the next one); returns the number of pages."""
        pages = self.doc.pageCount()
        s = self.sheet
        foot_font = font(UI_FAMILIES, 7.5)
        fm = QFontMetricsF(foot_font, self.device)
        left = f"{s.title} · generated {s.generated} · analyser {s.version}"
        for p in range(pages):
            self.check()
            if p and not new_page():
                raise OSError("the printer could not start a new page")
            painter.save()
            painter.translate(self.margin, self.margin - p * self.body_h)
            clip = QRectF(0, p * self.body_h, self.body_w, self.body_h)
            self.doc.drawContents(painter, clip)
            painter.restore()
            # footer: what, when, which version; page x of n
            y = self.page_h - self.margin - fm.height()
            painter.save()
            painter.setFont(foot_font)
            painter.setPen(QPen(QColor("#9a9a9a"), max(1.0, self.px_per_mm * 0.15)))
            painter.drawLine(int(self.margin), int(y - fm.height() * 0.4), int(self.page_w - self.margin),
                             int(y - fm.height() * 0.4))
            painter.setPen(QColor("#444444"))
            number = f"Page {p + 1} of {pages}"
            nw = fm.horizontalAdvance(number)
            painter.drawText(QRectF(self.margin, y, self.body_w - nw - 2 * self.px_per_mm, fm.height()),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                             fm.elidedText(left, Qt.TextElideMode.ElideMiddle, self.body_w - nw - 4 * self.px_per_mm))
            painter.drawText(QRectF(self.margin, y, self.body_w, fm.height()),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), number)
            painter.restore()
            self.progress(70 + round(30 * (p + 1) / pages), f"Page {p + 1} of {pages}")
        return pages
