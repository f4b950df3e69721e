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

Where each part lives:

* ``palette.py`` - :class:`ChartPalette` and the Okabe-Ito colours;
* ``painting.py`` - helpers every chart shares (font metrics on the device, pens, grid steps, the title);
* ``bar_chart.py`` - :func:`paint_bar_chart`, :func:`bar_chart_height`, the outlier marks;
* ``tone_strip.py`` - :func:`paint_tone_strip`, :func:`tone_color`, :func:`tone_mood`;
* ``image.py`` - :func:`render_to_image`;
* ``widgets.py`` - :class:`BarChartWidget` and :class:`ToneStripWidget` (hover, clicks, accessibility).
"""
from __future__ import annotations

from .bar_chart import HIGH_MARK, LOW_MARK, BarLayout, bar_chart_height, paint_bar_chart
from .image import render_to_image
from .palette import OKABE_ITO, ChartPalette
from .tone_strip import StripLayout, paint_tone_strip, tone_color, tone_mood
from .widgets import BarChartWidget, ToneStripWidget

__all__ = [
    "HIGH_MARK",
    "LOW_MARK",
    "OKABE_ITO",
    "BarChartWidget",
    "BarLayout",
    "ChartPalette",
    "StripLayout",
    "ToneStripWidget",
    "bar_chart_height",
    "paint_bar_chart",
    "paint_tone_strip",
    "render_to_image",
    "tone_color",
    "tone_mood",
]
