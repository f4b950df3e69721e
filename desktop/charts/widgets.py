"""The charts on screen: widgets that paint a chart, say what is under the mouse and which bar or sentence
was clicked, and describe themselves to screen readers."""
from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from analysis.measures.tone import TONE_WORDS

from .bar_chart import BarLayout, bar_chart_height, paint_bar_chart
from .painting import format_value
from .palette import ChartPalette
from .tone_strip import StripLayout, paint_tone_strip, tone_mood


class _ChartWidget(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._palette_override: ChartPalette | None = None
        self._layout = None

    def chartPalette(self) -> ChartPalette:  # noqa: N802 - Qt naming
        return self._palette_override or ChartPalette.for_palette(self.palette())

    def setChartPalette(self, palette: ChartPalette | None) -> None:  # noqa: N802
        self._palette_override = palette
        self.update()

    def _line(self) -> float:
        return QFontMetricsF(self.font()).height()

    def _content_rect(self) -> QRectF:
        m = self._line() * 0.4
        return QRectF(self.rect()).adjusted(m, m, -m, -m)

    def _paint_background(self, painter: QPainter) -> None:
        painter.fillRect(self.rect(), self.chartPalette().background)

    def _paint(self, painter: QPainter) -> None:
        raise NotImplementedError

    def _paint_on(self, device) -> None:
        painter = QPainter(device)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def paintEvent(self, event) -> None:  # noqa: N802
        self._paint_on(self)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._layout = None
        super().resizeEvent(event)

    def _ensure_layout(self) -> None:
        """Lay the chart out for the current size without waiting for a paint event (hit tests)."""
        if self._layout is None and self.width() > 0 and self.height() > 0:
            self._paint_on(QImage(self.size(), QImage.Format.Format_ARGB32))

    def _rects(self, name: str) -> Sequence[QRectF]:
        """The layout's ``name`` rectangles (``bar_rects``, ``row_rects``, ...), laid out if need be."""
        self._ensure_layout()
        return () if self._layout is None else getattr(self._layout, name)

    def _rect(self, name: str, index: int) -> QRectF | None:
        rects = self._rects(name)
        return rects[index] if 0 <= index < len(rects) else None

    def _index_at(self, name: str, pos: QPointF) -> int | None:
        return next((i for i, r in enumerate(self._rects(name)) if r.contains(pos)), None)


class BarChartWidget(_ChartWidget):
    """A bar chart on screen. ``barClicked(index)`` says which bar was clicked."""

    barClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("barChart")
        self._title = ""
        self._bars: list[tuple[str, float]] = []
        self._median: float | None = None
        self._outliers: frozenset[str] = frozenset()
        self._format = "{:.1f}"
        self._caption = ""
        self._tooltips: list[str] = []
        self._intervals: dict[str, tuple[float, float]] = {}
        self._too_few: frozenset[str] = frozenset()
        self._notes: dict[str, str] = {}
        self._layout: BarLayout | None = None

    def setData(  # noqa: N802
        self,
        title: str,
        bars: Sequence[tuple[str, float]],
        *,
        median: float | None = None,
        outliers: set[str] | frozenset[str] = frozenset(),
        value_format: str = "{:.1f}",
        caption: str = "",
        tooltips: Sequence[str] = (),
        intervals: dict[str, tuple[float, float]] | None = None,
        too_few: set[str] | frozenset[str] = frozenset(),
        notes: dict[str, str] | None = None,
    ) -> None:
        self._intervals, self._too_few, self._notes = dict(intervals or {}), frozenset(too_few), dict(notes or {})
        self._title, self._bars, self._median = title, list(bars), median
        self._outliers, self._format, self._caption = frozenset(outliers), value_format, caption
        self._tooltips = list(tooltips)
        self._layout = None
        summary = "; ".join(
            f"{lbl} {format_value(value_format, v)}{' (' + self._notes[lbl] + ')' if lbl in self._notes else ''}"
            f"{' (too few to compare)' if lbl in self._too_few else ''}{' (outlier)' if lbl in self._outliers else ''}"
            for lbl, v in self._bars
        )
        if median is not None:
            summary += f"; story median {format_value(value_format, median)}"
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802
        h = bar_chart_height(self.font(), len(self._bars), caption=bool(self._caption)) + self._line() * 0.8
        return QSize(480, math.ceil(h))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, self.sizeHint().height())

    def _paint(self, painter: QPainter) -> None:
        self._paint_background(painter)
        painter.setFont(self.font())
        self._layout = paint_bar_chart(
            painter,
            self._content_rect(),
            self._title,
            self._bars,
            median=self._median,
            outliers=self._outliers,
            value_format=self._format,
            palette=self.chartPalette(),
            caption=self._caption,
            intervals=self._intervals,
            too_few=self._too_few,
            notes=self._notes,
        )

    def barRect(self, index: int) -> QRectF | None:  # noqa: N802
        """Where bar ``index`` is drawn (widget coordinates)."""
        return self._rect("bar_rects", index)

    def _row_at(self, pos: QPointF) -> int | None:
        return self._index_at("row_rects", pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        i = self._row_at(event.position())
        tip = ""
        if i is not None:
            tip = self._tooltips[i] if i < len(self._tooltips) else f"{self._bars[i][0]}: {format_value(self._format, self._bars[i][1])}"
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor if i is not None else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            i = self._row_at(event.position())
            if i is not None:
                self.barClicked.emit(i)
        super().mouseReleaseEvent(event)


class ToneStripWidget(_ChartWidget):
    """One article's tone sentence by sentence. ``sentenceClicked(index)`` on a click."""

    sentenceClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("toneStrip")
        self._title = ""
        self._tones: list[float] = []
        self._selected: int | None = None
        self._layout: StripLayout | None = None

    def setData(self, title: str, tones: Sequence[float]) -> None:  # noqa: N802
        self._title, self._tones, self._selected = title, [float(t) for t in tones], None
        self._layout = None
        moods = [tone_mood(t) for t in self._tones]
        positive, negative = moods.count(TONE_WORDS["up"]), moods.count(TONE_WORDS["down"])
        self.setAccessibleName(f"Tone along {title}")
        self.setAccessibleDescription(
            f"{len(self._tones)} sentences: {positive} {TONE_WORDS['up']}, {negative} {TONE_WORDS['down']}, "
            f"{len(self._tones) - positive - negative} {TONE_WORDS['middle']}"
        )
        self.update()

    def tones(self) -> list[float]:
        return list(self._tones)

    def setSelected(self, index: int | None) -> None:  # noqa: N802
        self._selected = index
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, math.ceil(self._line() * 7.0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, math.ceil(self._line() * 5.5))

    def _paint(self, painter: QPainter) -> None:
        self._paint_background(painter)
        painter.setFont(self.font())
        self._layout = paint_tone_strip(
            painter, self._content_rect(), self._title, self._tones, palette=self.chartPalette(), selected=self._selected
        )

    def columnRect(self, index: int) -> QRectF | None:  # noqa: N802
        """Where sentence ``index`` is drawn (widget coordinates)."""
        return self._rect("column_rects", index)

    def _column_at(self, pos: QPointF) -> int | None:
        return self._index_at("column_rects", pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        i = self._column_at(event.position())
        if i is None:
            self.setToolTip("")
        else:
            t = self._tones[i]
            self.setToolTip(f"Sentence {i + 1}: {tone_mood(t)} wording ({t:+.2f}). Click to read it.")
        self.setCursor(Qt.CursorShape.PointingHandCursor if i is not None else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            i = self._column_at(event.position())
            if i is not None:
                self.setSelected(i)
                self.sentenceClicked.emit(i)
        super().mouseReleaseEvent(event)
