"""Charts drawn with QPainter only (no QtCharts), for widgets, images and PDF pages alike.

Two kinds of chart:

* :func:`paint_bar_chart` - one horizontal bar per outlet, the story median as a dashed line, outliers
  marked with a hatched bar, a bold label and a "▲ outlier" / "▼ outlier" text (readable in black and
  white print, not only through colour).
* :func:`paint_tone_strip` - the tone of one article sentence by sentence: a small column per sentence,
  up for positive wording, down for negative wording, blue/orange around a zero line.

Every size is derived from the painter's font metrics on the painter's own device, so the same call
draws correctly on a screen widget, a high-DPI image and a 1200-dpi ``QPdfWriter`` page. Colours come
from :class:`ChartPalette` (Okabe-Ito, colour-blind safe), light or dark.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from analysis.measures.tone import TONE_WORDS, tone_word

# Okabe & Ito (2008), "Color Universal Design": distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}

HIGH_MARK = "▲ outlier"
LOW_MARK = "▼ outlier"


@dataclass(frozen=True)
class ChartPalette:
    """The colours of every chart. ``light()`` and ``dark()`` give Okabe-Ito based sets."""

    background: QColor
    text: QColor
    muted: QColor  # axis labels, captions
    grid: QColor
    bar: QColor
    outlier: QColor
    median: QColor
    positive: QColor  # positive tone
    negative: QColor  # negative tone
    zero: QColor
    outlier_tint: QColor  # background of an outlier cell in a table
    dark: bool = False

    @classmethod
    def light(cls) -> ChartPalette:
        return cls(
            background=QColor("#ffffff"),
            text=QColor("#1a1a1a"),
            muted=QColor("#5c5c5c"),
            grid=QColor("#e3e3e3"),
            bar=QColor(OKABE_ITO["blue"]),
            outlier=QColor(OKABE_ITO["vermillion"]),
            median=QColor("#1a1a1a"),
            positive=QColor(OKABE_ITO["blue"]),
            negative=QColor(OKABE_ITO["orange"]),  # as the window's sentence tone (highlights.toml)
            zero=QColor("#4d4d4d"),
            outlier_tint=QColor("#fbe3cf"),
            dark=False,
        )

    @classmethod
    def dark(cls) -> ChartPalette:
        return cls(
            background=QColor("#202124"),
            text=QColor("#ececec"),
            muted=QColor("#b0b0b0"),
            grid=QColor("#3a3b3f"),
            bar=QColor(OKABE_ITO["sky_blue"]),
            outlier=QColor(OKABE_ITO["orange"]),
            median=QColor("#ececec"),
            positive=QColor(OKABE_ITO["sky_blue"]),
            negative=QColor(OKABE_ITO["orange"]),
            zero=QColor("#c8c8c8"),
            outlier_tint=QColor("#5a3a12"),
            dark=True,
        )

    @classmethod
    def for_palette(cls, palette: QPalette) -> ChartPalette:
        """Light or dark to match a widget's palette, with the palette's own background and text."""
        is_dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        base = cls.dark() if is_dark else cls.light()
        return _replace(
            base,
            background=palette.color(QPalette.ColorRole.Base),
            text=palette.color(QPalette.ColorRole.Text),
        )


def _replace(p: ChartPalette, **changes) -> ChartPalette:
    from dataclasses import replace

    return replace(p, **changes)


# ----------------------------------------------------------------------------------------------- helpers


class _Metrics:
    """Font metrics measured on the painter's device (so a PDF page and a screen agree)."""

    def __init__(self, painter: QPainter, font: QFont):
        device = painter.device()
        self.fm = QFontMetricsF(font, device) if device is not None else QFontMetricsF(font)
        self.line = self.fm.height()

    def width(self, text: str) -> float:
        return self.fm.horizontalAdvance(text)

    def elide(self, text: str, width: float) -> str:
        return self.fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0.0, width))


def _fonts(painter: QPainter) -> tuple[QFont, QFont, QFont]:
    """(normal, bold, small) derived from the painter's current font."""
    base = QFont(painter.font())
    bold = QFont(base)
    bold.setBold(True)
    small = QFont(base)
    if base.pointSizeF() > 0:
        small.setPointSizeF(base.pointSizeF() * 0.85)
    elif base.pixelSize() > 0:
        small.setPixelSize(max(1, round(base.pixelSize() * 0.85)))
    return base, bold, small


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color)
    pen.setWidthF(width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def _nice_step(span: float, target: int = 4) -> float:
    if span <= 0:
        return 1.0
    raw = span / target
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _format(value_format: str, value: float) -> str:
    try:
        return value_format.format(value)
    except (ValueError, IndexError, KeyError):
        return f"{value:.1f}"


def _draw_title(painter: QPainter, rect: QRectF, title: str, bold: QFont, palette: ChartPalette) -> float:
    """Draw the title at the top of ``rect``; return its height (0 when there is no title)."""
    if not title:
        return 0.0
    m = _Metrics(painter, bold)
    painter.setFont(bold)
    painter.setPen(palette.text)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), m.line),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        m.elide(title, rect.width()),
    )
    return m.line * 1.35


# ------------------------------------------------------------------------------------------ bar chart


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
        normal, bold, small = _fonts(painter)
        mn, mb, ms = _Metrics(painter, normal), _Metrics(painter, bold), _Metrics(painter, small)
        unit = mn.line
        thin = max(1.0, unit / 16)

        top = rect.top() + _draw_title(painter, rect, title, bold, palette)
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
        texts = [_format(value_format, v) for v in values]
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
        step = _nice_step(span)
        painter.setPen(_pen(palette.grid, thin))
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
                painter.setPen(_pen(palette.muted, thin))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(br)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRect(br)
            if label in intervals:  # the 95% range as a whisker with end ticks
                a, b = (x_of(e) for e in intervals[label])
                cy = y + row_h / 2
                painter.setPen(_pen(palette.text, thin * 1.5))
                painter.drawLine(QPointF(a, cy), QPointF(b, cy))
                for e in (a, b):
                    painter.drawLine(QPointF(e, cy - bar_h * 0.4), QPointF(e, cy + bar_h * 0.4))
            if is_out:  # a hatch survives greyscale printing
                painter.setBrush(hatch)
                painter.drawRect(br)
                painter.setPen(_pen(palette.text, thin))
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
            painter.setPen(_pen(palette.zero, thin * 1.5))
            painter.drawLine(QPointF(zero_x, top), QPointF(zero_x, rows_bottom))
        else:
            painter.setPen(_pen(palette.grid.darker(130), thin))
            painter.drawLine(QPointF(bar_left, rows_bottom), QPointF(bar_right, rows_bottom))

        median_x = None
        if median is not None:
            median_x = x_of(median)
            pen = _pen(palette.median, thin * 2, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern([3.0, 2.5])
            painter.setPen(pen)
            painter.drawLine(QPointF(median_x, top - row_h * 0.1), QPointF(median_x, rows_bottom + ms.line * 0.25))
            label = f"story median {_format(value_format, median)}"
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


# ----------------------------------------------------------------------------------------- tone strip


def tone_mood(tone: float) -> str:
    """A sentence's tone in words (``analysis.measures.tone.tone_word``: the same words as the sheets)."""
    return tone_word(tone)


def tone_color(tone: float, palette: ChartPalette) -> QColor:
    """Diverging colour: ``negative`` for negative wording, ``positive`` for positive, paler near 0."""
    t = max(-1.0, min(1.0, float(tone)))
    end = palette.positive if t >= 0 else palette.negative
    k = 0.25 + 0.75 * abs(t)  # never fully invisible
    bg = palette.background
    return QColor(
        round(bg.red() + (end.red() - bg.red()) * k),
        round(bg.green() + (end.green() - bg.green()) * k),
        round(bg.blue() + (end.blue() - bg.blue()) * k),
    )


@dataclass(frozen=True)
class StripLayout:
    column_rects: tuple[QRectF, ...]  # one per sentence, the full clickable height
    zero_y: float


def paint_tone_strip(
    painter: QPainter,
    rect: QRectF,
    title: str,
    tones: Sequence[float],
    *,
    palette: ChartPalette | None = None,
    selected: int | None = None,
    show_scale: bool = True,
) -> StripLayout:
    """The tone of one article, sentence by sentence (``tones`` in [-1, 1], in reading order).

    Each sentence is a column growing up (positive) or down (negative) from a zero line, coloured on a
    blue/orange diverging scale, so direction is readable without colour. ``selected`` outlines one column.
    """
    palette = palette or ChartPalette.light()
    rect = QRectF(rect)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        normal, bold, small = _fonts(painter)
        ms = _Metrics(painter, small)
        unit = _Metrics(painter, normal).line
        thin = max(1.0, unit / 16)
        top = rect.top() + _draw_title(painter, rect, title, bold, palette)
        scale_w = max(ms.width(TONE_WORDS["up"]), ms.width(TONE_WORDS["down"])) + unit * 0.5 if show_scale else 0.0
        foot_h = ms.line * 1.1 if show_scale else 0.0
        plot = QRectF(rect.left() + scale_w, top, max(unit, rect.width() - scale_w), max(unit, rect.bottom() - top - foot_h))
        zero_y = plot.center().y()
        half = plot.height() / 2 - thin

        # frame and zero line
        painter.setPen(_pen(palette.grid, thin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(plot)
        if show_scale:
            painter.setFont(small)
            painter.setPen(palette.muted)
            align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            lw = scale_w - unit * 0.3
            painter.drawText(QRectF(rect.left(), plot.top(), lw, ms.line), align, TONE_WORDS["up"])
            if plot.height() > ms.line * 3.2:  # room for a middle label
                painter.drawText(QRectF(rect.left(), zero_y - ms.line / 2, lw, ms.line), align, "0")
            painter.drawText(QRectF(rect.left(), plot.bottom() - ms.line, lw, ms.line), align, TONE_WORDS["down"])

        cols = []
        n = len(tones)
        if n == 0:
            painter.setFont(small)
            painter.setPen(palette.muted)
            painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter), "No sentences")
        else:
            w = plot.width() / n
            gap = min(w * 0.18, unit * 0.25) if w > 3 else 0.0
            painter.setPen(Qt.PenStyle.NoPen)
            for i, t in enumerate(tones):
                t = max(-1.0, min(1.0, float(t)))
                x = plot.left() + i * w
                cols.append(QRectF(x, plot.top(), w, plot.height()))
                h = max(abs(t) * half, thin)  # a neutral sentence is a hairline, not nothing
                r = QRectF(x + gap / 2, zero_y - h if t >= 0 else zero_y, max(w - gap, thin), h)
                painter.setBrush(tone_color(t, palette))
                painter.drawRect(r)
            if selected is not None and 0 <= selected < n:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(_pen(palette.text, thin * 2))
                painter.drawRect(cols[selected].adjusted(thin, thin, -thin, -thin))
        painter.setPen(_pen(palette.zero, thin * 1.5))
        painter.drawLine(QPointF(plot.left(), zero_y), QPointF(plot.right(), zero_y))
        if show_scale:
            painter.setFont(small)
            painter.setPen(palette.muted)
            painter.drawText(
                QRectF(plot.left(), plot.bottom(), plot.width(), foot_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                "first sentence",
            )
            painter.drawText(
                QRectF(plot.left(), plot.bottom(), plot.width(), foot_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                "last sentence",
            )
        return StripLayout(tuple(cols), zero_y)
    finally:
        painter.restore()


# ------------------------------------------------------------------------------------------- images


def render_to_image(
    draw: Callable[[QPainter, QRectF], object],
    size: QSize | tuple[int, int],
    *,
    palette: ChartPalette | None = None,
    scale: float = 1.0,
    font: QFont | None = None,
) -> QImage:
    """Render a chart into a new ``QImage``: ``draw(painter, rect)`` paints into ``rect``.

    ``scale`` makes a sharper image (device pixel ratio); the background is the palette's.
    Example: ``render_to_image(lambda p, r: paint_bar_chart(p, r, "Tone", bars), (600, 300))``.
    """
    if isinstance(size, tuple):
        size = QSize(*size)
    palette = palette or ChartPalette.light()
    img = QImage(round(size.width() * scale), round(size.height() * scale), QImage.Format.Format_ARGB32)
    img.setDevicePixelRatio(scale)
    img.fill(palette.background)
    painter = QPainter(img)
    try:
        if font is not None:
            painter.setFont(font)
        draw(painter, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return img


# ------------------------------------------------------------------------------------------ widgets


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
            f"{lbl} {_format(value_format, v)}{' (' + self._notes[lbl] + ')' if lbl in self._notes else ''}"
            f"{' (too few to compare)' if lbl in self._too_few else ''}{' (outlier)' if lbl in self._outliers else ''}"
            for lbl, v in self._bars
        )
        if median is not None:
            summary += f"; story median {_format(value_format, median)}"
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
            tip = self._tooltips[i] if i < len(self._tooltips) else f"{self._bars[i][0]}: {_format(self._format, self._bars[i][1])}"
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
