"""One article as a pane: a header (outlet, title, date, score badges) over the highlighted text.

The text is a read-only ``QTextEdit`` holding exactly ``ArticleAnalysis.text``; highlights are layout
formats from a ``QSyntaxHighlighter`` (they never change the document, so toggling a category is a
cheap re-highlight). Boilerplate is greyed and can be collapsed (its blocks hidden, never removed).
Click a highlight, or move to it with Tab / Shift+Tab and press Enter, to explain it.

Where each part lives: this module the pane (content, loading long texts in turns, badges' figures,
display options, findings, selections, find); ``pane_header.py`` the header and its badges;
``article_view.py`` the text view (clicks, keys, copy, the margin bar); ``span_highlighter.py`` the
highlighter. The names are re-exported here.
"""
from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QFrame, QTextEdit, QVBoxLayout, QWidget

from analysis.compare.outliers import MIN_COUNT, attribution_count, unnamed_count, wilson
from analysis.measures.tone import TONE_SCALE

from .. import highlight as hl
from ..display_breaks import display_text
from ..models.article_model import CANCELLED, DONE, FAILED, PENDING, RUNNING, Entry
from .article_view import ArticleView
from .pane_header import ElidedLabel, PaneHeader, metric_badges
from .span_highlighter import SpanHighlighter

__all__ = ["TEXT_FAMILIES", "ArticlePane", "ArticleView", "ElidedLabel", "PaneHeader", "SpanHighlighter",
           "metric_badges"]

TEXT_FAMILIES = ["Source Serif 4", "Charter", "Georgia", "Noto Serif", "DejaVu Serif"]


class ArticlePane(QFrame):
    spanActivated = Signal(str, object)  # entry key, HighlightSpan
    sentenceActivated = Signal(str, int)  # entry key, sentence index (or -1 outside any body sentence)
    closeRequested = Signal(str)
    hideRequested = Signal(str)
    moveRequested = Signal(str, int)
    editRequested = Signal(str)
    scrolled = Signal(str)
    escaped = Signal(str)
    contentShown = Signal(str)  # text and analysis of the entry are now in the view

    def __init__(self, entry: Entry, parent: QWidget | None = None, scheduler: Any = None):
        super().__init__(parent)
        self.scheduler = scheduler  # callable(fn): run fn soon (the window spreads heavy work over turns)
        self._content_dirty = False
        self._loading: tuple[str, int] | None = None  # (text, next offset) while a long text goes in
        self.setObjectName("articlePane")
        self.setFrameShape(QFrame.StyledPanel)
        self.setMinimumWidth(170)
        self.entry = entry
        self.key = entry.key
        self.analysis = None
        self._text: str | None = None
        self._index = hl.SpanIndex([])
        self._sentence_starts: list[int] = []
        self._extra: dict[str, list[QTextEdit.ExtraSelection]] = {}
        self._enabled: set[str] = set(hl.load_styles())
        self._collapse = False
        self._dark = False
        self._outliers: set[str] = set()
        self.current: hl.HighlightSpan | None = None
        self.category_counts: dict[str, int] = {}
        self.hidden_blocks = 0

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.header = PaneHeader(self)
        lay.addWidget(self.header)
        self.view = ArticleView(self)
        self.view.setObjectName("articleText")
        lay.addWidget(self.view, 1)
        self.highlighter = SpanHighlighter(self.view.document())
        self.highlighter.visible_blocks = self._visible_blocks
        self.view.hover_text = self._hover_text

        act = self.header.actions
        act["left"].triggered.connect(lambda: self.moveRequested.emit(self.key, -1))
        act["right"].triggered.connect(lambda: self.moveRequested.emit(self.key, +1))
        act["edit"].triggered.connect(lambda: self.editRequested.emit(self.key))
        act["hide"].triggered.connect(lambda: self.hideRequested.emit(self.key))
        self.header.close_button.clicked.connect(lambda: self.closeRequested.emit(self.key))
        self.view.offsetClicked.connect(self._on_click)
        self.view.offsetActivated.connect(self._on_activated)
        self.view.navigate = self.next_finding
        self.view.escaped.connect(lambda: self.escaped.emit(self.key))
        self.view.verticalScrollBar().valueChanged.connect(lambda _v: self.scrolled.emit(self.key))
        self.set_entry(entry)

    # ------------------------------------------------------------------ content
    def set_entry(self, entry: Entry) -> None:
        self.entry = entry
        self.key = entry.key
        a = entry.article
        h = self.header
        h.outlet.setText(entry.label)
        self.view.setAccessibleName(f"Text of {entry.label}")
        self.setAccessibleName(f"Article: {entry.label}")
        title = a.title or (entry.analysis.title if entry.analysis else None) or ""
        h.set_title(title if title != entry.label else "")
        h.date.setText(a.date or "date unknown")
        status = {PENDING: "Waiting for analysis…", RUNNING: "Analysing…", FAILED: f"Analysis failed: {entry.error}",
                  CANCELLED: "Not analysed (cancelled). Use Analysis › Analyse again.", DONE: ""}.get(entry.status, "")
        if entry.status == DONE and entry.analysis is not None and entry.analysis.warnings:
            status = "Note: " + "; ".join(entry.analysis.warnings)
        h.status.setText(status)
        h.status.setProperty("state", entry.status)
        h.status.setVisible(bool(status))
        h.status.style().unpolish(h.status)
        h.status.style().polish(h.status)
        self._update_badges()
        if entry.text != self._text or entry.analysis is not self.analysis:
            # The text and its highlights are heavier: the window runs them one pane per event-loop turn.
            if not self._content_dirty:
                self._content_dirty = True
                (self.scheduler or (lambda fn: fn()))(self._sync_content)

    TEXT_CHUNK = 12_000  # characters inserted per event-loop turn for long articles

    def _sync_content(self) -> None:
        """Bring the view up to date with the entry: text first (long texts in chunks, one per turn), then
        the highlights. Re-schedules itself until done."""
        if not self._content_dirty:
            return
        entry = self.entry
        if entry.text != self._text:
            if self._loading is None or self._loading[0] is not entry.text and self._loading[0] != entry.text:
                self._begin_text(entry.text)
            if not self._continue_text():
                (self.scheduler or (lambda fn: fn()))(self._sync_content)
                return
        if entry.analysis is not self.analysis:
            self._set_analysis(entry.analysis)
        self._content_dirty = False
        self.contentShown.emit(self.key)

    def is_idle(self) -> bool:
        """True when the text and all highlights of the current entry are on screen."""
        return not self._content_dirty and self.highlighter.is_idle()

    def _begin_text(self, text: str) -> None:
        self._text = None
        self.analysis = None
        self._index = hl.SpanIndex([])
        self.highlighter.set_buckets({})
        plan = self.entry.plan
        # the worker's render plan already knows the text's display breaks; otherwise find them here
        self.view.offsets = plan.offsets if plan is not None and plan.text is text else hl.OffsetMap(text)
        self.view.source_text = text
        # Insert with the paragraph format already set: every block gets it without a second layout pass
        # (formatting the whole document after setPlainText costs ~50 ms more on a long article).
        doc = self.view.document()
        doc.clear()
        bf = QTextBlockFormat()
        bf.setBottomMargin(7)
        bf.setLineHeight(118, QTextBlockFormat.ProportionalHeight.value)
        QTextCursor(doc).setBlockFormat(bf)
        self._extra.clear()
        self._apply_extra()
        # an enormous line is shown in display paragraphs (desktop.display_breaks); the text stays the same
        self._loading = (text, display_text(text, self.view.offsets.breaks), 0)

    def _continue_text(self) -> bool:
        """Insert the next chunk (cut at a line end); True when the whole text is in."""
        text, shown, pos = self._loading
        end = len(shown) if self.scheduler is None else min(len(shown), pos + self.TEXT_CHUNK)
        if end < len(shown):
            nl = shown.rfind("\n", pos, end)
            end = nl + 1 if nl > pos else end
        cursor = QTextCursor(self.view.document())
        cursor.movePosition(QTextCursor.End)
        cursor.insertText(shown[pos:end])
        if pos == 0:
            self.view.moveCursor(QTextCursor.Start)
            self.view.verticalScrollBar().setValue(0)
        if end < len(shown):
            self._loading = (text, shown, end)
            return False
        self._loading = None
        self._text = text
        return True

    def _set_analysis(self, analysis: Any) -> None:
        self.analysis = analysis
        self.current = None
        if analysis is None:
            self.category_counts = {}
            self._index = hl.SpanIndex([])
            self._sentence_starts = []
            self.highlighter.set_buckets({})
            return
        plan = self.entry.plan if self.entry.plan is not None and self.entry.plan.fits(analysis) else None
        if plan is None:  # normally prepared by the worker; computed here only as a fallback
            plan = hl.render_plan(analysis)
        self._index = plan.index
        self.category_counts = dict(plan.counts)
        self._sentence_starts = [s.start for s in analysis.sentences]
        self.highlighter.set_buckets(plan.buckets)
        if self._collapse or self.hidden_blocks:
            self._apply_collapse()

    def _visible_blocks(self) -> tuple[int, int]:
        top = self.view.cursorForPosition(QPoint(0, 0)).blockNumber()
        bottom = self.view.cursorForPosition(QPoint(0, self.view.viewport().height())).blockNumber()
        return top, bottom

    def _update_badges(self) -> None:
        a = self.entry.analysis
        badges = self.header.badges
        self.header.badge_box.setVisible(not self.badges_hidden)
        for w in badges.values():
            w.setVisible(a is not None)
        if a is None:
            return
        c = a.counts
        # Every figure carries its count: a share of one attribution is not "100%" of anything much.
        n_loaded, n_hedges = c.loaded_terms or len(a.loaded_terms), c.hedges or len(a.hedges)
        badges["loaded"].setText(f"loaded {c.loaded_per_1000_words:.1f} ({n_loaded})")
        badges["loaded"].setToolTip(f"Loaded (judging) words per 1,000 words of body text: {n_loaded} in {c.words:,} "
                                    "words")
        badges["hedges"].setText(f"hedges {c.hedges_per_1000_words:.1f} ({n_hedges})")
        badges["hedges"].setToolTip(f"Hedges (could, reportedly, speculation...) per 1,000 words: {n_hedges} in "
                                    f"{c.words:,} words")
        n_attr = attribution_count(a)
        if n_attr:
            k = unnamed_count(a) if a.attributions else round(c.unnamed_source_share * n_attr)
            lo, hi = wilson(k, n_attr)
            few = n_attr < MIN_COUNT
            badges["unnamed"].setText(f"unnamed {k} of {n_attr}" if few else f"unnamed {k / n_attr:.0%} ({k} of {n_attr})")
            badges["unnamed"].setToolTip(
                f"Unnamed sources: {k} of {n_attr} attribution{'s' if n_attr != 1 else ''} name no source the reader "
                f"can check (95% range {lo:.0%}–{hi:.0%})" + ("; too few to compare with other outlets" if few else ""))
        else:
            badges["unnamed"].setText("unnamed –")
            badges["unnamed"].setToolTip("Unnamed sources: no attributions in this article")
        badges["tone"].setText(f"tone {a.tone.mean:+.2f}")
        badges["tone"].setToolTip(f"Average tone of the {c.sentences} sentences, {TONE_SCALE}")
        for name, w in badges.items():
            w.setProperty("outlier", name in self._outliers)
            w.style().unpolish(w)
            w.style().polish(w)

    badges_hidden = False  # Spot the slant hides the figures until Reveal (they would give the answers away)

    def set_badges_hidden(self, hidden: bool) -> None:
        self.badges_hidden = hidden
        self._update_badges()

    def set_outliers(self, metrics: set[str]) -> None:
        """Badges to mark as standing out from the story median (names: loaded, unnamed, hedges, tone)."""
        self._outliers = set(metrics)
        self._update_badges()

    # ------------------------------------------------------------------ display options
    def set_enabled_categories(self, enabled: set[str]) -> None:
        self._enabled = set(enabled)
        self.highlighter.set_enabled(self._enabled)

    def set_dark(self, dark: bool) -> None:
        self._dark = dark
        self.highlighter.set_dark(dark)

    def set_text_font(self, pt: int) -> None:
        f = QFont(self.view.font())
        f.setFamilies(TEXT_FAMILIES)
        f.setPointSizeF(pt)
        self.view.setFont(f)
        self.view.document().setDefaultFont(f)

    def set_collapse_boilerplate(self, collapse: bool) -> None:
        if collapse != self._collapse:
            self._collapse = collapse
            self._apply_collapse()

    def _apply_collapse(self) -> None:
        doc = self.view.document()
        spans = [(self.view.offsets.to_qt(b.start), self.view.offsets.to_qt(b.end))
                 for b in (self.analysis.boilerplate if self.analysis else ())]
        starts = [s for s, _ in spans]
        hidden, lo, hi = 0, None, None
        block = doc.begin()
        while block.isValid():
            bs, be = block.position(), block.position() + max(0, block.length() - 1)
            i = bisect.bisect_right(starts, bs) - 1
            inside = be > bs and i >= 0 and spans[i][0] <= bs and spans[i][1] >= be
            visible = not (self._collapse and inside)
            if block.isVisible() != visible:
                block.setVisible(visible)
                lo = bs if lo is None else lo
                hi = bs + block.length()
            hidden += 0 if visible else 1
            block = block.next()
        if lo is not None:
            doc.markContentsDirty(lo, hi - lo)
            self.view.viewport().update()
        self.hidden_blocks = hidden

    # ------------------------------------------------------------------ findings and sentences
    def spans_at(self, offset: int) -> list[hl.HighlightSpan]:
        return [s for s in self._index.at(offset, self._enabled) if s.category in hl.FINDING_CATEGORIES]

    def findings(self) -> list[hl.HighlightSpan]:
        return self._index.findings(self._enabled)

    def all_findings(self) -> list[hl.HighlightSpan]:
        """Every finding span of the shown analysis, whatever the legend shows (the exercise scores them)."""
        return self._index.findings()

    def set_exercise_marks(self, marks: list[tuple[int, int, QTextCharFormat]]) -> None:
        """Spot the slant: marks drawn over the text (Python offsets, a format each); [] clears them."""
        self._extra["exercise"] = [self._formatted(s, e, f) for s, e, f in marks]
        self._apply_extra()

    def _formatted(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        c = QTextCursor(self.view.document())
        c.setPosition(self.view.offsets.to_qt(start))
        c.setPosition(self.view.offsets.to_qt(end), QTextCursor.KeepAnchor)
        sel.cursor = c
        sel.format = fmt
        return sel

    def sentence_at(self, offset: int) -> int:
        if self.analysis is None:
            return -1
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.analysis.sentences[i].end:
            return i
        return -1

    def _hover_text(self, offset: int) -> str | None:
        found = self.spans_at(offset)
        if not found:
            return None
        s = found[0]
        st = hl.style(s.category)
        return f"{st.label}: “{self._text[s.start:s.end]}” (click for details)"

    def _on_click(self, offset: int) -> None:
        found = self.spans_at(offset)
        if found:
            self.select_span(found[0], scroll=False)  # first: the window then explains the span, not the sentence
        else:
            self.current = None
        self.sentenceActivated.emit(self.key, self.sentence_at(offset))
        if found:
            self.spanActivated.emit(self.key, found[0])

    def _on_activated(self, start: int, end: int) -> None:
        for s in self.spans_at(start):
            if s.start == start and s.end == end:
                self.sentenceActivated.emit(self.key, self.sentence_at(start))
                self.spanActivated.emit(self.key, s)
                return
        self._on_click(start)

    def next_finding(self, step: int) -> bool:
        """Select the next (+1) or previous (-1) finding; False at either end (the focus may move on)."""
        items = self.findings()
        if not items:
            return False
        cursor = self.view.textCursor()
        if self.current in items and cursor.hasSelection():
            i = items.index(self.current) + step
        else:
            here = self.view.offsets.to_py(cursor.selectionStart())
            starts = [x.start for x in items]
            i = bisect.bisect_left(starts, here) if step > 0 else bisect.bisect_left(starts, here) - 1
        if not 0 <= i < len(items):
            return False
        target = items[i]
        self.select_span(target)
        self.sentenceActivated.emit(self.key, self.sentence_at(target.start))
        self.spanActivated.emit(self.key, target)
        return True

    def select_span(self, span: hl.HighlightSpan, scroll: bool = True) -> None:
        """Select the words of a span (the keyboard caret goes there)."""
        self.current = span
        self.select_range(span.start, span.end, scroll)

    def select_range(self, start: int, end: int, scroll: bool = True) -> None:
        c = QTextCursor(self.view.document())
        c.setPosition(self.view.offsets.to_qt(start))
        c.setPosition(self.view.offsets.to_qt(end), QTextCursor.KeepAnchor)
        self.view.setTextCursor(c)
        if scroll:
            self.scroll_to(start)

    def scroll_to(self, offset: int, fraction: float = 0.3) -> None:
        """Scroll so that ``offset`` sits ``fraction`` of the way down the view."""
        c = QTextCursor(self.view.document())
        c.setPosition(self.view.offsets.to_qt(offset))
        block = c.block()
        if not block.isVisible():
            self.set_collapse_boilerplate(False)
        rect = self.view.cursorRect(c)
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - int(self.view.viewport().height() * fraction))

    def y_of(self, offset: int) -> int:
        c = QTextCursor(self.view.document())
        c.setPosition(self.view.offsets.to_qt(offset))
        return self.view.cursorRect(c).top()

    def top_offset(self) -> int:
        """Python offset of the first character visible at the top of the view."""
        c = self.view.cursorForPosition(QPoint(20, 4))
        return self.view.offsets.to_py(c.position())

    def _selection(self, start: int, end: int, colour: QColor, bold: bool = False) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        c = QTextCursor(self.view.document())
        c.setPosition(self.view.offsets.to_qt(start))
        c.setPosition(self.view.offsets.to_qt(end), QTextCursor.KeepAnchor)
        sel.cursor = c
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        if bold:
            fmt.setProperty(QTextFormat.FullWidthSelection, False)
        sel.format = fmt
        return sel

    def _apply_extra(self) -> None:
        sels = []
        for name in ("aligned", "exercise", "find"):
            sels.extend(self._extra.get(name, []))
        self.view.setExtraSelections(sels)
        self.view.viewport().update()

    def mark_sentence(self, index: int | None, scroll: bool = False) -> None:
        """Mark one body sentence as aligned (None clears). Scrolls it into view when asked."""
        if index is None or self.analysis is None or not 0 <= index < len(self.analysis.sentences):
            self._extra.pop("aligned", None)
            self.view.sidebar_ranges = []
            self._apply_extra()
            return
        s = self.analysis.sentences[index]
        self._extra["aligned"] = [self._selection(s.start, s.end, hl.ui_colour("aligned", self._dark))]
        self.view.sidebar_ranges = [(self.view.offsets.to_qt(s.start), self.view.offsets.to_qt(s.end))]
        self._apply_extra()
        if scroll:
            self.scroll_to(s.start)

    def find(self, needle: str) -> list[int]:
        """Mark every case-insensitive occurrence of ``needle``; returns their Python offsets."""
        self._extra.pop("find", None)
        hits: list[int] = []
        if needle and self._text:
            low, n = self._text.lower(), needle.lower()
            i = low.find(n)
            while i >= 0 and len(hits) < 5000:
                hits.append(i)
                i = low.find(n, i + max(1, len(n)))
            colour = hl.ui_colour("find", self._dark)
            self._extra["find"] = [self._selection(h, h + len(needle), colour) for h in hits]
        self._apply_extra()
        return hits
