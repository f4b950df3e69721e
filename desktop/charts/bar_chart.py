"""The bar chart: one horizontal bar per outlet, the story median as a dashed line, outliers marked with a
hatched bar, a bold label and a "▲ outlier" / "▼ outlier" text (readable in black and white print)."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QFont, QFontMetricsF, QPainter, QTransform

from .painting import Metrics, chart_fonts, draw_title, format_value, make_pen, nice_step
from .palette import ChartPalette

HIGH_MARK = "▲ outlier"
LOW_MARK = "▼ outlier"


@dataclass(frozen=True)
class BarLayout:
    """Where the bar chart put things (used by the widget for hover and clicks, and by tests)."""

    bar_rects: tuple[QRectF, ...]
    row_rects: tuple[QRectF, ...]
    median_x: float | None
    zero_x: float


def paint_bar_chart(
    painter: QPainter,
    rect: QRectF,
    title: str,
    bars: Sequence[tuple[str, float]],
    *,
    median: float | None = None,
    outliers: set[str] | frozenset[str] = frozenset(),
    value_format: str = "{:.1f}",
    palette: ChartPalette | None = None,
    caption: str = "",
    intervals: dict[str, tuple[float, float]] | None = None,
    too_few: set[str] | frozenset[str] = frozenset(),
    notes: dict[str, str] | None = None,
) -> BarLayout:
    """Horizontal bars, one per ``(label, value)``; ``outliers`` holds labels to mark.

    The median is drawn as a dashed vertical line labelled under the bars. Negative values grow left
    from a zero line. ``caption`` (optional) is a one-line explanation under the chart.
    ``intervals`` (label -> (low, high)) draws each share's 95% range as a whisker across its bar;
    ``too_few`` holds labels whose value rests on too few items: drawn as an empty outline, never a
    confident bar, with "too few" after the value; ``notes`` (label -> "3 of 12") follow the value.
    """
    intervals = intervals or {}
    notes = notes or {}
    palette = palette or ChartPalette.light()
    rect = QRectF(rect)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        normal, bold, small = chart_fonts(painter)
        mn, mb, ms = Metrics(painter, normal), Metrics(painter, bold), Metrics(painter, small)
        unit = mn.line
        thin = max(1.0, unit / 16)

        top = rect.top() + draw_title(painter, rect, title, bold, palette)
        bottom = rect.bottom() - (ms.line * 1.2 if caption else 0.0)

        if not bars:
            painter.setFont(normal)
            painter.setPen(palette.muted)
            painter.drawText(
                QRectF(rect.left(), top, rect.width(), max(unit, bottom - top)),
                int(Qt.AlignmentFlag.AlignCenter),
                "Nothing to show yet",
            )
            return BarLayout((), (), None, rect.left())

        axis_h = ms.line * 1.3  # the row under the bars with the median label
        values = [float(v) for _, v in bars]
        texts = [format_value(value_format, v) for v in values]
        for k, (label, _) in enumerate(bars):
            extra = [x for x in (notes.get(label, ""), "too few" if label in too_few else "") if x]
            if extra:
                texts[k] += " (" + ", ".join(extra) + ")"
        marks = []
        for (label, v) in bars:
            if label in outliers:
                marks.append(LOW_MARK if median is not None and v < median else HIGH_MARK)
            else:
                marks.append("")

        label_w = min(max(mb.width(lbl) for lbl, _ in bars) + unit * 0.6, rect.width() * 0.34)
        shown = [f"{t}  {m}" if m else t for t, m in zip(texts, marks)]
        value_w = max(mb.width(t) for t in shown) + unit * 0.8
        bar_left = rect.left() + label_w
        bar_right = rect.right() - value_w
        if bar_right - bar_left < unit * 3:  # too narrow: squeeze the labels
            label_w = max(unit * 2, rect.width() * 0.2)
            bar_left = rect.left() + label_w
            bar_right = max(bar_left + unit, rect.right() - value_w)

        ends = [x for lbl, _ in bars for x in intervals.get(lbl, ())]
        lo = min([0.0, *values, *ends] + ([median] if median is not None else []))
        hi = max([0.0, *values, *ends] + ([median] if median is not None else []))
        if hi == lo:
            hi = lo + 1.0
        span = hi - lo

        def x_of(v: float) -> float:
            return bar_left + (v - lo) / span * (bar_right - bar_left)

        n = len(bars)
        avail = max(unit, bottom - top - axis_h)
        row_h = min(max(avail / n, unit * 1.1), unit * 2.4)
        bar_h = row_h * 0.62
        zero_x = x_of(0.0)

        # light grid lines at round values
        step = nice_step(span)
        painter.setPen(make_pen(palette.grid, thin))
        g = math.ceil(lo / step) * step
        while g <= hi + 1e-9:
            gx = x_of(g)
            painter.drawLine(QPointF(gx, top), QPointF(gx, top + row_h * n))
            g += step

        bar_rects, row_rects = [], []
        hatch = QBrush(palette.background, Qt.BrushStyle.BDiagPattern)
        hatch.setTransform(QTransform.fromScale(max(1.0, unit / 12), max(1.0, unit / 12)))  # same look at any dpi
        for i, ((label, v), mark) in enumerate(zip(bars, marks)):
            y = top + i * row_h
            row_rects.append(QRectF(rect.left(), y, rect.width(), row_h))
            is_out = bool(mark)
            # label
            painter.setFont(bold if is_out else normal)
            painter.setPen(palette.text)
            fm = mb if is_out else mn
            painter.drawText(
                QRectF(rect.left(), y, label_w - unit * 0.4, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                fm.elide(label, label_w - unit * 0.4),
            )
            # bar
            x1, x2 = sorted((zero_x, x_of(v)))
            br = QRectF(x1, y + (row_h - bar_h) / 2, max(x2 - x1, thin), bar_h)
            bar_rects.append(br)
            color = palette.outlier if is_out else palette.bar
            if label in too_few:  # thin evidence: an outline, not a confident bar
                painter.setPen(make_pen(palette.muted, thin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(br)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRect(br)
            if label in intervals:  # the 95% range as a whisker with end ticks
                a, b = (x_of(e) for e in intervals[label])
                cy = y + row_h / 2
                painter.setPen(make_pen(palette.text, thin * 1.5))
                painter.drawLine(QPointF(a, cy), QPointF(b, cy))
                for e in (a, b):
                    painter.drawLine(QPointF(e, cy - bar_h * 0.4), QPointF(e, cy + bar_h * 0.4))
            if is_out:  # a hatch survives greyscale printing
                painter.setBrush(hatch)
                painter.drawRect(br)
                painter.setPen(make_pen(palette.text, thin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(br)
            # value and outlier mark
            painter.setPen(palette.muted if label in too_few else palette.text)
            painter.setFont(bold if is_out else normal)
            painter.drawText(
                QRectF(bar_right + unit * 0.4, y, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown[i],
            )

        rows_bottom = top + row_h * n
        # zero line when some values are negative
        if lo < 0:
            painter.setPen(make_pen(palette.zero, thin * 1.5))
            painter.drawLine(QPointF(zero_x, top), QPointF(zero_x, rows_bottom))
        else:
            painter.setPen(make_pen(palette.grid.darker(130), thin))
            painter.drawLine(QPointF(bar_left, rows_bottom), QPointF(bar_right, rows_bottom))

        median_x = None
        if median is not None:
            median_x = x_of(median)
            pen = make_pen(palette.median, thin * 2, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([3.0, 2.5])
            painter.setPen(pen)
            painter.drawLine(QPointF(median_x, top - row_h * 0.1), QPointF(median_x, rows_bottom + ms.line * 0.25))
            label = f"story median {format_value(value_format, median)}"
            painter.setFont(small)
            painter.setPen(palette.text)
            lw = ms.width(label) + unit * 0.2
            lx = min(max(median_x - lw / 2, bar_left), max(bar_left, bar_right + value_w - lw))
            painter.drawText(
                QRectF(lx, rows_bottom + ms.line * 0.25, lw, ms.line),
                int(Qt.AlignmentFlag.AlignCenter),
                label,
            )
        if caption:
            painter.setFont(small)
            painter.setPen(palette.muted)
            painter.drawText(
                QRectF(rect.left(), rows_bottom + axis_h, rect.width(), ms.line),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                ms.elide(caption, rect.width()),
            )
        return BarLayout(tuple(bar_rects), tuple(row_rects), median_x, zero_x)
    finally:
        painter.restore()


def bar_chart_height(painter_or_font: QPainter | QFont, n_bars: int, *, title: bool = True, caption: bool = False) -> float:
    """A comfortable height for ``n_bars`` bars with the given font (for PDF layout and size hints)."""
    font = painter_or_font.font() if isinstance(painter_or_font, QPainter) else painter_or_font
    device = painter_or_font.device() if isinstance(painter_or_font, QPainter) else None
    line = (QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)).height()
    return line * (1.35 * title + 1.7 * max(1, n_bars) + 1.4 + 1.2 * caption)
