"""What the comparison sheet says, laid out in the paged document: the story and the outlets, every
measure, the charts, what only one outlet reports, naming and distinctive words, one section per article
with its full text highlighted and a table of what to look at, a legend and glossary. The content is
``analysis.export.sheet.Sheet`` (the same object the HTML export renders)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QFontMetricsF, QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextLength, QTextTableFormat

from analysis.export.sheet import ArticleSection, Node
from analysis.measures.tone import TONE_WORDS
from desktop import highlight as hl

from .chart_objects import chart_height
from .document import PagedDocument
from .fonts import BODY_FAMILIES, FONT_PACKAGES, UI_FAMILIES, font, missing_glyphs


class SheetDocument(PagedDocument):
    """The comparison sheet (``analysis.export.sheet.Sheet``) as a paged document."""

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
        h = chart_height(chart_font, self.dpi, n_bars, bar_chart_height)
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
