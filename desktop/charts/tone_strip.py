"""The tone strip: the tone of one article sentence by sentence, a small column per sentence, up for
positive wording, down for negative wording, blue/orange around a zero line."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from analysis.measures.tone import TONE_WORDS, tone_word

from .painting import Metrics, chart_fonts, draw_title, make_pen
from .palette import ChartPalette


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
        normal, bold, small = chart_fonts(painter)
        ms = Metrics(painter, small)
        unit = Metrics(painter, normal).line
        thin = max(1.0, unit / 16)
        top = rect.top() + draw_title(painter, rect, title, bold, palette)
        scale_w = max(ms.width(TONE_WORDS["up"]), ms.width(TONE_WORDS["down"])) + unit * 0.5 if show_scale else 0.0
        foot_h = ms.line * 1.1 if show_scale else 0.0
        plot = QRectF(rect.left() + scale_w, top, max(unit, rect.width() - scale_w), max(unit, rect.bottom() - top - foot_h))
        zero_y = plot.center().y()
        half = plot.height() / 2 - thin

        # frame and zero line
        painter.setPen(make_pen(palette.grid, thin))
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
                painter.setPen(make_pen(palette.text, thin * 2))
                painter.drawRect(cols[selected].adjusted(thin, thin, -thin, -thin))
        painter.setPen(make_pen(palette.zero, thin * 1.5))
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
