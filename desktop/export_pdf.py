"""The comparison sheet as PDF, with Qt's own writer (QPdfWriter + QTextDocument), no browser.

The content is ``analysis.export.sheet.Sheet`` (the same object the HTML export renders). Article text is
laid out by ``QTextDocument`` with the window's highlight formats (``desktop.highlight.char_format``:
colour tint + underline style + weight/italic + overline for boxed sources), so a printed page reads in
black and white. Charts are ``desktop.charts`` painted as vector objects inside the document.

Fonts: DejaVu (Latin, Greek, Cyrillic, Hebrew, Arabic), Noto Serif/Sans CJK (Japanese, Chinese, Korean)
and Noto Color Emoji, i.e. the Debian packages fonts-dejavu-core, fonts-noto-cjk and
fonts-noto-color-emoji. Qt embeds the subsets it uses. ``missing_glyphs`` checks, by laying text out
with Qt, which characters would still come out as empty boxes.

Threads: painting on a ``QPdfWriter`` and using ``QTextDocument``/``QImage`` outside the GUI thread is
allowed by Qt (no QPixmap, no widgets are used here), so the export dialog runs this in a worker.
A ``QGuiApplication`` must exist (``ensure_app`` creates an offscreen one when there is none).
"""
from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (  # noqa: E402
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
    QPen,
    QPyTextObject,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLayout,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from analysis.export import ExportCancelled  # noqa: E402
from analysis.export.sheet import ArticleSection, Node, Sheet  # noqa: E402
from analysis.measures.tone import TONE_WORDS  # noqa: E402
from desktop import highlight as hl  # noqa: E402

BODY_FAMILIES = ["DejaVu Serif", "Noto Serif CJK JP", "DejaVu Sans", "Noto Sans CJK JP", "Noto Color Emoji"]
UI_FAMILIES = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Color Emoji"]
FONT_PACKAGES = ("fonts-dejavu-core", "fonts-noto-cjk", "fonts-noto-color-emoji")

_BLANK_LINES = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")
MARGIN_MM = 16.0
FOOTER_MM = 9.0
DPI = 300


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


def font(families: list[str], size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(families)
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    f.setStyleHint(QFont.StyleHint.Serif if families is BODY_FAMILIES else QFont.StyleHint.SansSerif)
    # No ligatures: "ﬁ"/"ﬄ" glyphs would make copied or searched words differ from the article ("baﬄing").
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
    return f


def missing_glyphs(text: str, families: list[str] | None = None) -> list[str]:
    """Characters of ``text`` that Qt would draw as an empty box (no installed font has them).

    Lays out each distinct non-ASCII character with the sheet's font (and Qt's font fallback) and looks for
    glyph 0 (".notdef") in the resulting glyph runs. Needs a Q(Gui)Application.
    """
    chars = sorted({ch for ch in text if ord(ch) > 0x7F and ch.isprintable() and not ch.isspace()
                    and not (0xFE00 <= ord(ch) <= 0xFE0F) and ord(ch) not in (0x200D, 0x200C)})
    missing = []
    f = font(families or BODY_FAMILIES, 12)
    for ch in chars:
        layout = QTextLayout(ch, f)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        if not runs or any(0 in run.glyphIndexes() for run in runs):
            missing.append(ch)
    return missing


# ------------------------------------------------------------------------------------- chart objects

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
CHART_INDEX = QTextFormat.Property.UserProperty + 1


class _ChartObjects(QPyTextObject):
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


# ------------------------------------------------------------------------------------------ document


class SheetDocument:
    """Builds the QTextDocument for one paint device (PDF writer or printer) and paints its pages."""

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
        self.charts = _ChartObjects()
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
        s = self.sheet
        self.cursor.setBlockFormat(QTextBlockFormat())
        self.cursor.insertText(s.title, self.fmt(20, bold=True))
        self.para(s.story, self.fmt(12.5), top=1)
        meta = f"Generated {s.generated} · Slant analyser version {s.version}"
        if s.blind:
            meta += " · outlet names hidden (blind mode)"
        self.para(meta, self.fmt(8.5, colour="#555555"), top=1, bottom=0)

        for warning in s.warnings:
            self.para("Different story? " + warning, self.fmt(9.5, bold=True, colour="#8a3b00"), top=1)
        self.heading("The outlets", 2)
        self.table(["Outlet", "Headline", "Date (as the text supports it)", "Words"],
                   [list(o) for o in s.outlets], widths=[22, 44, 26, 8], size=8, padding=0.4)
        if s.metrics:
            self._metrics()
        if s.charts:
            self._charts()
        self._only_here()
        if s.naming:
            self.heading("How each outlet names the same thing", 2)
            rows = [[entity if k == 0 else "", label, phrases] for entity, by in s.naming
                    for k, (label, phrases) in enumerate(by)]
            table = self.table(["Who or what", "Outlet", "Named as"], rows, widths=[22, 24, 54])
            r = 1
            for _, by in s.naming:
                if len(by) > 1:
                    table.mergeCells(r, 0, len(by), 1)
                r += len(by)
        if s.distinctive:
            self.heading("Distinctive words", 2)
            self.table(["Outlet", "Words it uses more than the others"],
                       [[label, ", ".join(words)] for label, words in s.distinctive], widths=[24, 76])
        self.progress(10, "Overview laid out")
        for k, art in enumerate(s.articles):
            self.check()
            self._article(k + 1, art)
            self.progress(10 + round(60 * (k + 1) / max(1, len(s.articles))), f"Laid out {art.label}")
        if s.reveal:  # the answer key only; a student's sheet never has it
            self.heading("Who was who (answer key)", 1, page_break=True)
            self.table(["Shown as", "Outlet", "Byline", "Site"], [[c or "–" for c in row] for row in s.reveal],
                       widths=[16, 36, 24, 24])
        self._legend()

    def _metrics(self) -> None:
        s = self.sheet
        self.heading("Metrics", 2)
        labels = s.labels
        rows = []
        for m in s.metrics:
            cells = [f"{c} {'▲' if f == 'high' else '▼'}" if f else c for c, f in zip(m.cells, m.outlier_flags)]
            if m.evidence:  # what each value rests on, small under it
                cells = [[(c, self.fmt(8, bold=bool(f))), ("\n" + ev, self.fmt(6.5, colour="#555555"))] if ev else c
                         for c, ev, f in zip(cells, m.evidence, m.outlier_flags)]
            label = [(m.label, self.fmt(8))]
            if m.higher_means:
                label.append(("\nhigher: " + m.higher_means, self.fmt(6.5, colour="#555555")))
            rows.append([label, *cells, m.median])
        n = len(labels)
        first = 36.0
        w = (100 - first - 9) / max(1, n)

        def cell_fmt(i: int, j: int):
            if 1 <= j <= n and s.metrics[i].outlier_flags[j - 1]:
                return self.fmt(8, bold=True), "#fbe3cf"
            return None, None

        self.table(["Metric", *labels, "Story median"], rows, widths=[first, *[w] * n, 9], cell_fmt=cell_fmt,
                   size=8, padding=0.4)
        self.para("▲ / ▼ in bold on a tint: an outlier, well above / below the other outlets on this story. Under each "
                  "value: what it rests on; “too few to compare” when fewer than 3 attributions or sentences stand "
                  "behind it.",
                  self.fmt(7.5, colour="#444444"), bottom=1)

    def _charts(self) -> None:
        from desktop.charts import bar_chart_height, paint_bar_chart, paint_tone_strip

        s = self.sheet
        self.heading("Per-outlet charts", 2, )
        chart_font = font(UI_FAMILIES, 8.5)
        col_w = self.body_w / 2 - 2 * self.px_per_mm
        n_bars = max((len(c.bars) for c in s.charts), default=1)
        h = _chart_height(chart_font, self.dpi, n_bars, bar_chart_height)
        tf = QTextTableFormat()
        tf.setBorder(0)
        tf.setCellPadding(0.8 * self.px_per_mm)
        tf.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        rows = (len(s.charts) + 1) // 2
        t = self.cursor.insertTable(rows, 2, tf)
        for k, ch in enumerate(s.charts):
            def draw(p: QPainter, r: QRectF, ch=ch) -> None:
                paint_bar_chart(p, r, ch.title, list(ch.bars), median=ch.median, outliers=set(ch.outliers),
                                intervals={lbl: (a, b) for lbl, a, b in ch.intervals}, too_few=set(ch.too_few),
                                notes=dict(ch.notes),
                                value_format=ch.value_format)
            obj = self.charts.add(draw, QSizeF(col_w, h))
            t.cellAt(k // 2, k % 2).firstCursorPosition().insertText("\ufffc", obj)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        arts = [a for a in s.articles if a.tones]
        if arts:
            self.heading("Tone along each article", 2)
            self.para(f"Each column is one sentence, in reading order: up for {TONE_WORDS['up']} wording, down for "
                      f"{TONE_WORDS['down']} wording.", self.fmt(7.5, colour="#444444"))
            strip_h = QFontMetricsF(chart_font, self.device).height() * 4.6
            tf2 = QTextTableFormat(tf)
            t2 = self.cursor.insertTable((len(arts) + 1) // 2, 2, tf2)
            for k, a in enumerate(arts):
                def draw_strip(p: QPainter, r: QRectF, a=a) -> None:
                    paint_tone_strip(p, r, a.label, list(a.tones))
                obj = self.charts.add(draw_strip, QSizeF(col_w, strip_h))
                t2.cellAt(k // 2, k % 2).firstCursorPosition().insertText("\ufffc", obj)
            self.cursor.movePosition(QTextCursor.MoveOperation.End)

    def _only_here(self) -> None:
        s = self.sheet
        self.heading("Only this outlet reports", 2)
        if s.coverage:
            self.para("Sentences each outlet shares with at least one other: " + s.coverage_line() + ".",
                      self.fmt(8.5, colour="#444444"))
        if not s.claims and not s.only_here:
            self.para("Nothing: no claim here is made by one outlet alone.", self.fmt(9))
            return
        if s.claims:
            shown, more = s.claims_shown()
            self.para("Claims only one outlet makes, most distinct first (people, numbers, places or sources no other "
                      "outlet has; allegations from sources it does not name).", self.fmt(8.5, colour="#444444"))
            rows = [[label, sentence, [(why, self.fmt(7.5, colour="#333333"))]] for label, sentence, why in shown]
            if more:
                rows.append(["", f"… and {more} more (all are in the HTML, XLSX and CSV exports).", ""])
            self.table(["Outlet", "Claim", "Why it is listed"], rows, widths=[18, 52, 30], size=8)
            return
        for label, sentences, rest in s.only_here_shown():
            self.para(label, self.fmt(9.5, bold=True), top=1.2)
            for sent in sentences:
                self.para("•  " + sent, self.fmt(9, families=BODY_FAMILIES))

    # --- articles
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

    def _article(self, n: int, art: ArticleSection) -> None:
        self.heading(f"{n}. {art.label}", 1, page_break=True)
        if art.title:
            self.para(" ".join(art.title.split()), self.fmt(11.5, bold=True, families=BODY_FAMILIES), bottom=0.5)
        if art.date:
            self.para(art.date, self.fmt(8.5, colour="#555555"))
        if art.source:
            self.para(art.source, self.fmt(8.5, colour="#555555"))
        self.para(art.summary, self.fmt(8.5, colour="#333333"), bottom=1.5)
        for warning in art.warnings:
            self.para("⚠ " + warning, self.fmt(8.5, italic=True, colour="#8a4b00"))
        missing = missing_glyphs(art.text)
        if missing:
            self.para("Some characters of this article have no font on this computer and show as boxes ("
                      + " ".join(missing[:12]) + "). Install the fonts: " + ", ".join(FONT_PACKAGES) + ".",
                      self.fmt(8.5, italic=True, colour="#8a4b00"))
        if self.sheet.include_texts:
            bf = QTextBlockFormat()
            bf.setBottomMargin(2.2 * self.px_per_mm)
            self._last_newline = True
            bf.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            self.cursor.insertBlock(bf, self.fmt())
            base = self.fmt(10, families=BODY_FAMILIES)
            self._write_tree(art.tree, art.text, base)
        if art.findings:
            self.heading("What to look at in this article", 2)
            labels = {k: st.label for k, st in hl.load_styles().items()}
            rows = [[labels.get(f.category, f.category), f.text + (f"  ×{f.count}" if f.count > 1 else ""), f.note]
                    for f in art.findings]

            def cell_fmt(i: int, j: int):
                if j == 1:
                    f = QTextCharFormat(self.fmt(8.5, families=BODY_FAMILIES))
                    f.merge(self._format_for(Node(0, 0, art.findings[i].category)))
                    return f, None
                return self.fmt(7.5 if j == 2 else 8), None

            self.table(["Highlight", "Words", "Why it is marked"], rows, widths=[17, 24, 59], cell_fmt=cell_fmt)

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

    # --- legend and glossary
    def _legend(self) -> None:
        s = self.sheet
        self.heading("Legend", 1, page_break=True)
        self.para("Each kind of highlight has a colour and a mark that survives black-and-white printing.",
                  self.fmt(9), bottom=1)
        rows = [[e.sample, e.label, e.cue, e.description] for e in s.legend]

        def cell_fmt(i: int, j: int):
            if j == 0:
                f = QTextCharFormat(self.fmt(10, families=BODY_FAMILIES))
                f.merge(self._format_for(Node(0, 0, s.legend[i].key)))
                return f, None
            return None, None

        self.table(["Looks like", "Means", "Mark without colour", "What it is"], rows, widths=[22, 16, 17, 45],
                   cell_fmt=cell_fmt)
        self.heading("Glossary", 1)
        for term, meaning in s.glossary:
            self.block(top=1.2)
            self.cursor.insertText(term + ". ", self.fmt(9.5, bold=True))
            self.cursor.insertText(meaning, self.fmt(9.5))

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


def _chart_height(f: QFont, dpi: float, n_bars: int, bar_chart_height) -> float:
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


def setup_pdf_writer(writer: QPdfWriter, sheet: Sheet) -> None:
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(f"{sheet.title}: {sheet.story}")
    writer.setCreator(f"Slant {sheet.version}")


def render_pdf(sheet: Sheet, *, progress: Callable[[int, str], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> bytes:
    """The whole sheet as PDF bytes (write them with ``analysis.export.atomic``). Qt's font warnings for
    scripts no installed font shapes come out as one line (``desktop.qt_messages``); others pass."""
    from desktop.qt_messages import collapsed_font_warnings

    ensure_app()
    with collapsed_font_warnings():
        return _render_pdf(sheet, progress=progress, cancelled=cancelled)


def _render_pdf(sheet: Sheet, *, progress: Callable[[int, str], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    setup_pdf_writer(writer, sheet)
    sd = SheetDocument(sheet, writer, cancelled=cancelled, progress=progress)
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
