"""The worksheet and its answer key as PDF, with the comparison sheet's machinery (``export_pdf``).

``WorksheetDocument`` is a ``SheetDocument`` that lays out an ``analysis.export.worksheet.Worksheet``
instead of a sheet: the same fonts, page size, margins, footer ("Page x of n") and highlight formats
(``desktop.highlight.char_format``, so the key's marks survive black-and-white printing). Writing lines
are horizontal rules (Qt's ``<hr>``), the excerpts get double line spacing for underlining and circling.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPdfWriter, QTextBlockFormat, QTextCursor, QTextFormat, QTextLength

from analysis.export.worksheet import NOTHING, Worksheet
from desktop import export_pdf
from desktop.export_pdf import BODY_FAMILIES, SheetDocument


class WorksheetDocument(SheetDocument):
    def _build(self) -> None:
        ws: Worksheet = self.sheet  # type: ignore[assignment]
        key = ws.answer_key
        self.cursor.setBlockFormat(QTextBlockFormat())
        self.cursor.insertText(ws.title, self.fmt(16, bold=True))
        self.para(f"{ws.story} · made with Slant {ws.version} on {ws.generated}", self.fmt(8, colour="#555555"),
                  top=0.5)
        if key:
            self.para("For the teacher. The same excerpts as on the students' worksheet, with what Slant found "
                      "marked in them, the answers, and at the end who was who.", self.fmt(9.5), top=1.5)
        else:
            self.para("Name: ______________________________   Class: __________   Date: __________",
                      self.fmt(10), top=2.5)
            self.para(ws.instructions, self.fmt(9.5), top=2)
        for art in ws.articles:
            self.check()
            self.heading(art.label, 2)
            if not art.excerpts:
                self.para(NOTHING, self.fmt(9, italic=True, colour="#555555"), top=1)
            for ex in art.excerpts:
                self._excerpt(ex, key)
            for n, q in enumerate(art.questions, 1):
                self.block(top=1.0)
                self.cursor.insertText(f"{n}. ", self.fmt(10, bold=True))
                self.cursor.insertText(q.text, self.fmt(10))
                if key:
                    self.block(top=0.6)
                    self.cursor.insertText("Answer: ", self.fmt(9, bold=True, colour="#333333"))
                    self.cursor.insertText(q.answer, self.fmt(9, colour="#222222"))
                else:
                    for _ in range(q.lines):
                        self._line()
        if key and ws.legend:
            self.heading("How the findings are marked", 2)
            rows = [[label.lower(), label, cue] for _, label, cue in ws.legend]

            def cell_fmt(i: int, j: int):
                if j == 0:
                    f = self.fmt(9.5, families=BODY_FAMILIES)
                    f.merge(self._format_for(_Cat(ws.legend[i][0])))
                    return f, None
                return None, None

            self.table(["Looks like", "Means", "Mark without colour"], rows, widths=[30, 35, 35], cell_fmt=cell_fmt)
        if key and ws.reveal:
            self.heading("Who was who (answer key)", 1)
            self.table(["Shown as", "Outlet", "Byline", "Site"], [[c or "–" for c in row] for row in ws.reveal],
                       widths=[16, 36, 24, 24])
        self.progress(60, "Laid out")

    def keep_together(self) -> None:
        """A short handout: sections flow on (no section starts a new page just to stay whole); only a heading
        with too little room under it moves to the next page."""
        layout = self.doc.documentLayout()
        min_room = 32 * self.px_per_mm
        for start, _end in self._groups:
            head = self.doc.findBlock(start)
            top = layout.blockBoundingRect(head).top()
            room = (int(top // self.body_h) + 1) * self.body_h - top
            if top > 1 and room < min_room:
                bf = head.blockFormat()
                bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                bf.setTopMargin(0)
                QTextCursor(head).setBlockFormat(bf)

    def _excerpt(self, ex, key: bool) -> None:
        bf = QTextBlockFormat()
        bf.setTopMargin(1.5 * self.px_per_mm)
        bf.setBottomMargin(0.5 * self.px_per_mm)
        bf.setLeftMargin(4 * self.px_per_mm)
        bf.setLineHeight(165 if not key else 150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        self.cursor.insertBlock(bf, self.fmt())
        base = self.fmt(10.5, families=BODY_FAMILIES)
        text = " ".join(ex.text.split("\n"))
        if ex.cut_before:
            self.cursor.insertText("… ", base)
        self._last_newline = True
        if key:
            self._write_tree(ex.tree, text, base)
        else:
            self.cursor.insertText(text, base)
        if ex.cut_after:
            self.cursor.insertText(" …", base)

    def _line(self) -> None:
        """A ruled line to write on (an empty block with a full-width horizontal rule)."""
        bf = QTextBlockFormat()
        bf.setTopMargin(4.2 * self.px_per_mm)
        bf.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                       QTextLength(QTextLength.Type.PercentageLength, 100))
        self.cursor.insertBlock(bf, self.fmt(2))


class _Cat:
    """Just enough of ``sheet.Node`` for ``SheetDocument._format_for``."""

    def __init__(self, category: str):
        self.category = category


MAX_PAGES = 4  # a worksheet is a short handout


def page_count(ws: Worksheet) -> int:
    """How many A4 pages ``ws`` takes as PDF (laid out, not painted)."""
    export_pdf.ensure_app()
    buf = QBuffer(QByteArray())
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    export_pdf.setup_pdf_writer(writer, ws)  # type: ignore[arg-type]
    doc = WorksheetDocument(ws, writer)  # type: ignore[arg-type]
    doc.build()
    return doc.doc.pageCount()


def fit_pages(ws: Worksheet, max_pages: int = MAX_PAGES) -> dict[str, int]:
    """Drop the last (least telling) questions of the articles with the most, never below ``MIN_QUESTIONS``,
    until the student's worksheet fits on ``max_pages``. Returns the questions kept per article id (apply
    them to the answer key too, so the two match)."""
    from analysis.export.worksheet import MIN_QUESTIONS

    from desktop.qt_messages import collapsed_font_warnings

    with collapsed_font_warnings():
        while page_count(ws) > max_pages:
            longest = max(ws.articles, key=lambda a: len(a.questions))
            if len(longest.questions) <= MIN_QUESTIONS:
                break
            longest.questions = longest.questions[:-1]
    return {a.id: len(a.questions) for a in ws.articles}


def render_worksheet_pdf(ws: Worksheet, *, progress: Callable[[int, str], None] | None = None,
                         cancelled: Callable[[], bool] | None = None) -> bytes:
    """The worksheet (or its key) as PDF bytes, A4 like the comparison sheet."""
    return export_pdf.render_pdf(ws, progress=progress, cancelled=cancelled,  # type: ignore[arg-type]
                                 document=WorksheetDocument)
