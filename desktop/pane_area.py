"""The pane area: the compared articles side by side, one ``ArticlePane`` each, in the list model's order.

It owns the panes (made and dropped as the model's compared set changes), runs their heavy UI jobs one
per event-loop turn, scrolls them together, marks outliers and aligned sentences, and counts highlights
for the legend. It knows nothing of menus, files or the analysis process.
"""
from __future__ import annotations

import bisect
import time
from collections import deque
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QSplitter, QVBoxLayout, QWidget

from .models.article_model import ArticleListModel, Entry
from .models.legend_model import LegendModel
from .panes.article_pane import ArticlePane, metric_badges

MIN_CHARS_PER_LINE = 28  # a pane never gets narrower than this; beyond it the pane area scrolls sideways

EMPTY_TEXT = ("No article is shown.\n\nOpen files (Ctrl+O), paste an article (Ctrl+V) or drop "
              "files here. Tick articles in the list on the left to compare them.")


class PaneArea(QWidget):
    spanActivated = Signal(str, object)  # key, HighlightSpan
    sentenceActivated = Signal(str, int)  # key, sentence index
    closeRequested = Signal(str)
    editRequested = Signal(str)
    escaped = Signal(str)
    contentShown = Signal(str)  # an article's text and highlights are now on screen
    rebuilt = Signal()  # the set or order of panes changed

    def __init__(self, model: ArticleListModel, legend_model: LegendModel, font_pt: int, dark: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.legend_model = legend_model
        self.font_pt = font_pt
        self.dark = dark
        self.collapse = False  # hide page furniture
        self.sync = False  # scroll together
        self.hold = False  # while True, rebuilds wait (one rebuild for a batch of added articles)
        self.panes: dict[str, ArticlePane] = {}
        # what a pane shows of an entry: the entry itself, or its blinded copy in blind mode (desktop.blinding)
        self.present: Any = lambda entry: entry
        self.comparison: Any = None
        self._align_for: Any = None
        self._align_index: dict[tuple[str, int], dict[str, int | None]] = {}
        self._syncing = False
        self._sync_source: str | None = None

        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.setChildrenCollapsible(False)
        # The panes sit in a sideways-scrolling area: on a small screen (a 1280x720 projector) or with six
        # articles they keep a readable width and the area scrolls, instead of squeezing the panes or
        # growing the window past the screen.
        self.scroll = QScrollArea()
        self.scroll.setObjectName("paneScroll")
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.scroll.setWidget(self.splitter)
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyLabel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.empty_label, 1)

        self._ui_jobs: deque = deque()
        self._ui_timer = QTimer(self, singleShot=True, interval=0)
        self._ui_timer.timeout.connect(self._run_ui_jobs)
        self.sync_timer = QTimer(self, singleShot=True, interval=15)
        self.sync_timer.timeout.connect(self._sync_scroll_now)
        self.update_empty()

    # -- which panes
    def rebuild(self) -> None:
        if self.hold:
            return
        wanted = list(self.model.compared())
        keys = [e.key for e in wanted]
        for key in list(self.panes):
            if key not in keys:
                pane = self.panes.pop(key)
                pane.hide()
                pane.setParent(None)
                pane.deleteLater()
        count_changed = False
        for i, e in enumerate(wanted):
            pane = self.panes.get(e.key)
            if pane is None:
                pane = self._make_pane(e)
                self.panes[e.key] = pane
                count_changed = True
            if self.splitter.indexOf(pane) != i:
                self.splitter.insertWidget(i, pane)
        if count_changed or len(self.splitter.sizes()) != len(wanted):
            n = max(1, len(wanted))
            total = max(self.scroll.viewport().width(), 600)
            self.splitter.setSizes([max(total // n, self.pane_min_width())] * n)
        for i, e in enumerate(wanted):
            pane = self.panes[e.key]
            pane.header.actions["left"].setEnabled(i > 0)
            pane.header.actions["right"].setEnabled(i < len(wanted) - 1)
        self.update_min_widths()
        self.update_empty()
        self.update_outliers()
        self.update_counts()
        self.rebuilt.emit()

    def _make_pane(self, entry: Entry) -> ArticlePane:
        pane = ArticlePane(self.present(entry), scheduler=self.schedule_ui)
        pane.contentShown.connect(self._on_content_shown)
        pane.set_text_font(self.font_pt)
        pane.set_dark(self.dark)
        pane.set_enabled_categories(self.legend_model.enabled_set())
        pane.set_collapse_boilerplate(self.collapse)
        pane.spanActivated.connect(self.spanActivated)
        pane.sentenceActivated.connect(self.sentenceActivated)
        pane.closeRequested.connect(self.closeRequested)
        pane.hideRequested.connect(lambda k: self.model.set_compared(k, False))
        pane.moveRequested.connect(self.model.move_among_compared)
        pane.editRequested.connect(self.editRequested)
        pane.scrolled.connect(self._on_pane_scrolled)
        pane.escaped.connect(self.escaped)
        return pane

    def update_empty(self) -> None:
        has = bool(self.model.compared())
        self.scroll.setVisible(has)
        self.empty_label.setVisible(not has)

    def pane_min_width(self) -> int:
        """About MIN_CHARS_PER_LINE characters of article text, plus the pane's margins and scroll bar."""
        pane = next(iter(self.panes.values()), None)
        if pane is None:
            return 240
        fm = pane.view.fontMetrics()
        chrome = pane.view.verticalScrollBar().sizeHint().width() + 2 * pane.view.frameWidth() + 24
        return fm.averageCharWidth() * MIN_CHARS_PER_LINE + chrome + int(pane.view.document().documentMargin() * 2)

    def update_min_widths(self) -> None:
        """Each pane keeps a readable width (and never less than its header needs, so no chip clips)."""
        w = self.pane_min_width()
        for pane in self.panes.values():
            pane.setMinimumWidth(max(w, pane.header.minimumSizeHint().width()))

    def ordered(self) -> list[ArticlePane]:
        return [self.panes[e.key] for e in self.model.compared() if e.key in self.panes]

    def by_label(self, text: str) -> ArticlePane | None:
        """The first shown pane whose outlet/title contains ``text`` (case-insensitive)."""
        for pane in self.ordered():
            if text.lower() in pane.entry.label.lower():
                return pane
        return None

    def on_entry_changed(self, key: str) -> None:
        pane = self.panes.get(key)
        entry = self.model.entry(key)
        if pane is not None and entry is not None:
            pane.set_entry(self.present(entry))

    def represent(self) -> None:
        """Show every pane's entry again through ``present`` (blind mode switched on or off)."""
        for key, pane in self.panes.items():
            entry = self.model.entry(key)
            if entry is not None:
                pane.set_entry(self.present(entry))

    def current_key(self) -> str | None:
        """The pane holding the keyboard focus."""
        fw = QApplication.focusWidget()
        for key, pane in self.panes.items():
            if fw is not None and pane.isAncestorOf(fw):
                return key
        return None

    def focus_pane(self, step: int) -> str | None:
        """F6 / Shift+F6: move the keyboard focus to the next / previous article; returns a status line."""
        panes = self.ordered()
        if not panes:
            return None
        fw = QApplication.focusWidget()
        keys = [p.key for p in panes]
        key = next((p.key for p in panes if fw is not None and p.isAncestorOf(fw)), None)
        i = (keys.index(key) + step) % len(keys) if key in keys else (0 if step > 0 else len(keys) - 1)
        panes[i].view.setFocus()
        return f"{panes[i].entry.label}: Tab goes from finding to finding, Enter explains, Esc clears."

    # -- heavy UI jobs, one per turn
    def schedule_ui(self, fn: Any) -> None:
        """Run ``fn`` on a later event-loop turn; heavy UI jobs (one pane's text or highlights) run one per
        turn so the window stays responsive while many long articles arrive at once."""
        self._ui_jobs.append(fn)
        if not self._ui_timer.isActive():
            self._ui_timer.start()

    def _run_ui_jobs(self) -> None:
        deadline = time.perf_counter() + 0.010
        while self._ui_jobs:
            job = self._ui_jobs.popleft()
            try:
                job()
            except RuntimeError:  # its pane was closed meanwhile
                pass
            if time.perf_counter() > deadline:
                break
        if self._ui_jobs:
            self._ui_timer.start()

    def highlighting_done(self) -> bool:
        return not self._ui_jobs and all(p.is_idle() for p in self.panes.values())

    def _on_content_shown(self, key: str) -> None:
        self.update_counts()
        self.contentShown.emit(key)

    # -- what every pane shows
    def update_counts(self) -> None:
        counts: dict[str, int] = {}
        for pane in self.panes.values():
            for cat, n in pane.category_counts.items():
                counts[cat] = counts.get(cat, 0) + n
        self.legend_model.set_counts(counts)

    def set_enabled_categories(self, enabled: set[str]) -> None:
        for pane in self.panes.values():
            pane.set_enabled_categories(enabled)

    def set_font(self, pt: int) -> None:
        self.font_pt = pt
        for pane in self.panes.values():
            pane.set_text_font(pt)
        self.update_min_widths()

    def set_collapse(self, on: bool) -> None:
        self.collapse = on
        for pane in self.panes.values():
            pane.set_collapse_boilerplate(on)

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        for pane in self.panes.values():
            pane.set_dark(dark)

    def set_comparison(self, comparison: Any) -> None:
        self.comparison = comparison
        self.update_outliers()

    def update_outliers(self) -> None:
        if self.comparison is None:
            return
        ids = {e.analysis.id: e.key for e in self.model.compared() if e.analysis is not None}
        marks: dict[str, set[str]] = {k: set() for k in ids.values()}
        for row in self.comparison.metrics:
            badge = metric_badges(row.metric)
            if badge:
                for aid in row.outliers:
                    if aid in ids:
                        marks[ids[aid]].add(badge)
        for key, pane in self.panes.items():
            pane.set_outliers(marks.get(key, set()))

    # -- aligned sentences
    def counterparts(self, article_id: str, index: int) -> dict[str, int | None]:
        if self.comparison is None:
            return {}
        if self._align_for is not self.comparison:
            self._align_index = {(a.article, a.sentence): dict(a.counterparts) for a in self.comparison.alignment}
            self._align_for = self.comparison
        return self._align_index.get((article_id, index), {})

    def mark_counterparts(self, key: str, article_id: str, index: int) -> None:
        """Mark sentence ``index`` of pane ``key`` and its counterparts in the other panes (-1: clear)."""
        for pane in self.panes.values():
            pane.mark_sentence(None)
        if index < 0 or key not in self.panes:
            return
        self.panes[key].mark_sentence(index)
        by_id = {e.analysis.id: e.key for e in self.model.compared() if e.analysis is not None}
        for aid, idx in self.counterparts(article_id, index).items():
            k = by_id.get(aid)
            if k in self.panes and idx is not None:
                self.panes[k].mark_sentence(idx, scroll=True)

    def clear_marks(self) -> None:
        for pane in self.panes.values():
            pane.mark_sentence(None)
            c = pane.view.textCursor()
            c.clearSelection()
            pane.view.setTextCursor(c)

    # -- scrolling together
    def set_sync(self, on: bool) -> None:
        self.sync = on
        if on:
            first = next(iter(self.ordered()), None)
            if first is not None:
                self._on_pane_scrolled(first.key)

    def _on_pane_scrolled(self, key: str) -> None:
        if self._syncing or not self.sync:
            return
        self._sync_source = key
        self.sync_timer.start()

    def _sync_scroll_now(self) -> None:
        """Scroll the other panes so that content aligned with the top of the source pane sits level."""
        key = self._sync_source
        src = self.panes.get(key) if key else None
        if src is None or src.analysis is None:
            return
        self._syncing = True
        try:
            sents = src.analysis.sentences
            top = src.top_offset()
            first = max(0, bisect.bisect_right([x.end for x in sents], top))  # first sentence not above the top
            window = range(first, min(len(sents), first + 60))
            aligned = {i: self.counterparts(src.analysis.id, i) for i in window}
            src_bar = src.view.verticalScrollBar()
            frac = src_bar.value() / max(1, src_bar.maximum())
            for pane in self.panes.values():
                if pane is src or pane.analysis is None:
                    continue
                bar = pane.view.verticalScrollBar()
                anchor = next(((i, c[pane.analysis.id]) for i, c in aligned.items()
                               if c.get(pane.analysis.id) is not None), None)
                if anchor is None:
                    bar.setValue(round(frac * bar.maximum()))
                    continue
                i, j = anchor
                bar.setValue(bar.value() + pane.y_of(pane.analysis.sentences[j].start) - src.y_of(sents[i].start))
        finally:
            self._syncing = False
