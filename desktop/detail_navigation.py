"""What the detail panel explains, and moving to what it talks about.

A click on a highlight explains that finding (``show_span``); a click on plain text explains the sentence
and marks its counterparts in the other panes (``on_sentence``); Escape or "← The story at a glance" shows
the overview (``show_overview``). The panel's links and the dashboard's rows jump to words in an article
(``jump_to``, ``jump_to_article_id``), and ``select_first`` selects and explains the first finding of a
kind (the demo, the projector, tests). ``refresh`` explains the same thing again after the comparison,
the text size, the theme or blind mode changed.

Everything shown goes through the window's blinding (``window.shown_entry``, ``window.shown_comparison``),
so in blind mode the panel never names an outlet.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from . import highlight as hl
from .panes.detail_panel import Other, describe_overview, describe_sentence, describe_span

if TYPE_CHECKING:
    from .main_window import MainWindow


class DetailNavigation(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.detail = window.detail
        self.key: str | None = None  # the article the panel explains (None: the overview)
        self.sentence: int | None = None  # the sentence it explains, when it explains one and no highlight
        self.detail.jumpRequested.connect(self.jump_to)
        self.detail.overviewRequested.connect(self.show_overview)

    def _others(self, key: str | None) -> list[Other]:
        w = self.window
        return [Other(e.key, e.label, e.analysis) for e in map(w.blinding.entry, w.model.compared())
                if e.key != key and e.analysis is not None]

    # ------------------------------------------------------------------ what the panel explains
    def show_span(self, key: str, span: hl.HighlightSpan) -> None:
        w = self.window
        entry = w.shown_entry(key)
        pane = w.panes.get(key)
        if entry is None or entry.analysis is None or pane is None:
            return
        self.key = key
        sentence = pane.sentence_at(span.start)
        body = describe_span(key, entry.label, entry.analysis, span, self._others(key), w.shown_comparison,
                             sentence)
        self.detail.show_html(body, span)
        self.sentence = None
        w.spanShown.emit(key, span)

    def on_sentence(self, key: str, index: int) -> None:
        """A sentence was selected: mark it and its counterparts in the other panes."""
        w = self.window
        entry = w.model.entry(key)
        if entry is None or entry.analysis is None:
            return
        w.pane_area.mark_counterparts(key, entry.analysis.id, index)
        if index < 0:
            return
        # A click on plain text (no highlight) explains the sentence instead.
        pane = w.panes[key]
        if not pane.view.textCursor().hasSelection():
            self.key = key
            self.sentence = index
            self._show_sentence(key, index)

    def _show_sentence(self, key: str, index: int) -> None:
        entry = self.window.shown_entry(key)
        if entry is not None and entry.analysis is not None:
            self.detail.show_html(describe_sentence(key, entry.label, entry.analysis, index, self._others(key),
                                                    self.window.shown_comparison))

    def show_overview(self) -> None:
        self.key = None
        self.sentence = None
        self.detail.show_html(describe_overview(self._others(None), self.window.shown_comparison))

    def refresh(self) -> None:
        """Explain the same finding, sentence or overview again (the comparison, text size or theme changed)."""
        key = self.key
        if key is None or key not in self.window.panes:
            self.show_overview()
            return
        if self.detail.span is not None:
            self.show_span(key, self.detail.span)
        elif self.sentence is not None:
            self._show_sentence(key, self.sentence)

    def forget(self, key: str) -> None:
        """An article was closed: the detail panel no longer explains it."""
        if self.key == key:
            self.key = None
            self.detail.span = None

    def forget_span(self) -> None:
        """The shown text changed (blind mode switched): a highlight's offsets belong to the other text."""
        if self.detail.span is not None and self.key in self.window.panes:
            self.detail.span = None
            self.key = None

    # ------------------------------------------------------------------ moving to the words
    def jump_to(self, key: str, start: int, end: int) -> None:
        w = self.window
        pane = w.panes.get(key)
        if pane is None:
            return
        w.tabs.setCurrentIndex(0)
        pane.select_range(start, end)
        pane.view.setFocus()
        idx = pane.sentence_at(start)
        if idx >= 0:
            pane.mark_sentence(idx)

    def jump_to_article_id(self, article_id: str, start: int, end: int) -> None:
        for e in self.window.model.compared():
            if e.analysis is not None and e.analysis.id == article_id:
                self.jump_to(e.key, start, end)
                return

    def select_first(self, category: str = hl.LOADED, label: str | None = None, text: str | None = None) -> bool:
        """Select and explain the first finding of a category (optionally in one outlet / with given words)."""
        w = self.window
        panes: list[Any] = [w.pane_by_label(label)] if label else w.ordered_panes()
        for pane in panes:
            if pane is None:
                continue
            for s in pane.findings():
                if s.category != category:
                    continue
                if text and pane.analysis.text[s.start:s.end].lower() != text.lower():
                    continue
                pane.select_span(s)
                self.on_sentence(pane.key, pane.sentence_at(s.start))
                self.show_span(pane.key, s)
                return True
        return False
