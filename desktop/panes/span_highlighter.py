"""A pane's highlights: a ``QSyntaxHighlighter`` that paints the findings' spans as layout formats (they never
change the document, so toggling a category is a cheap re-highlight), merging overlapping categories,
re-highlighting a long article in slices so the window never freezes."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .. import highlight as hl


class SpanHighlighter(QSyntaxHighlighter):
    """Paints highlight spans as layout formats, merging overlapping categories in PAINT_ORDER.

    Spans are bucketed by text block once, so painting a block only looks at its own spans. A full
    re-highlight (new analysis, legend toggle, theme) runs in slices of at most ``SLICE_MS`` on the UI
    thread, the visible blocks first, so a long article never freezes the window.
    """

    SLICE_MS = 12
    idle = Signal()

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._buckets: dict[int, list[tuple[int, int, str, float]]] = {}  # block number -> spans (qt offsets)
        self._enabled: set[str] = set(hl.load_styles())
        self._dark = False
        self._fill_scale = 1.0  # background tints times this (the projector view's stronger marks)
        self._formats: dict[Any, QTextCharFormat | None] = {}
        self._merged: dict[tuple, QTextCharFormat | None] = {}
        self._order = {c: i for i, c in enumerate(hl.PAINT_ORDER)}
        self._pending: list[int] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)
        self.visible_blocks = None  # callable () -> (first, last) block numbers on screen, set by the view

    # ------------------------------------------------------------------ inputs
    def set_buckets(self, buckets: dict[int, list[tuple[int, int, str, float]]]) -> None:
        """Spans already grouped by block (``highlight.bucket_spans``); repaints in slices."""
        had = bool(self._buckets)
        self._buckets = buckets
        if buckets or had:
            self.refresh()

    def set_enabled(self, enabled: set[str]) -> None:
        if enabled != self._enabled:
            self._enabled = set(enabled)
            self._merged.clear()
            self.refresh()

    def set_dark(self, dark: bool) -> None:
        if dark != self._dark:
            self._dark = dark
            self._formats.clear()
            self._merged.clear()
            self.refresh()

    def set_fill_scale(self, scale: float) -> None:
        """Draw the categories' background tints ``scale`` times as strong (1.0: as in highlights.toml)."""
        if scale != self._fill_scale:
            self._fill_scale = scale
            self._formats.clear()
            self._merged.clear()
            self.refresh()

    # ------------------------------------------------------------------ sliced re-highlighting
    def is_idle(self) -> bool:
        return not self._pending

    def refresh(self) -> None:
        """Re-highlight every block: the visible ones now, the rest in later slices."""
        count = self.document().blockCount()
        first, last = (self.visible_blocks() if self.visible_blocks else (0, 0))
        first, last = max(0, first), min(count - 1, max(first, last))
        visible = list(range(first, last + 1))
        rest = [n for n in range(count) if n < first or n > last]
        self._pending = list(reversed(visible + rest))  # pop() from the end: visible first
        self._step()

    def _step(self) -> None:
        doc = self.document()
        deadline = time.perf_counter() + self.SLICE_MS / 1000
        while self._pending:
            block = doc.findBlockByNumber(self._pending.pop())
            if block.isValid():
                self.rehighlightBlock(block)
            if time.perf_counter() > deadline:
                break
        if self._pending:
            self._timer.start()
        else:
            self.idle.emit()

    # ------------------------------------------------------------------ painting one block
    def _format(self, category: str, score: float) -> QTextCharFormat | None:
        key: Any = (category, round(score * 20) / 20) if category == hl.TONE else category
        if key not in self._formats:
            self._formats[key] = (hl.tone_format(key[1], self._dark) if category == hl.TONE
                                  else hl.char_format(category, self._dark, self._fill_scale))
        return self._formats[key]

    def _merge(self, keys: tuple) -> QTextCharFormat | None:
        if keys not in self._merged:
            fmt: QTextCharFormat | None = None
            for category, score in keys:
                f = self._format(category, score)
                if f is None:
                    continue
                if fmt is None:
                    fmt = QTextCharFormat(f)
                else:
                    fmt.merge(f)
            self._merged[keys] = fmt
        return self._merged[keys]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt API
        items = self._buckets.get(self.currentBlock().blockNumber())
        if not items:
            return
        bpos = self.currentBlock().position()
        bend = bpos + len(text)
        active = [t for t in items if t[2] in self._enabled and t[1] > bpos and t[0] < bend]
        if not active:
            return
        cuts = sorted({bpos, bend, *(max(bpos, t[0]) for t in active), *(min(bend, t[1]) for t in active)})
        for a, b in zip(cuts, cuts[1:]):
            if b <= a:
                continue
            keys = tuple((t[2], round(t[3] * 20) / 20 if t[2] == hl.TONE else 0.0)
                         for t in active if t[0] <= a and t[1] >= b)
            if keys:
                fmt = self._merge(keys)
                if fmt is not None:
                    self.setFormat(a - bpos, b - a, fmt)
