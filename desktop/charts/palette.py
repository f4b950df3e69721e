"""The colours of every chart: Okabe-Ito based, colour-blind safe, light or dark."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

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


@dataclass(frozen=True)
class ChartPalette:
    """The colours of every chart. ``light()`` and ``dark()`` give Okabe-Ito based sets; ``is_dark`` says which
    one a palette is (also after ``for_palette`` put a widget's own background and text in)."""

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
    is_dark: bool = False

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
            is_dark=False,
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
            is_dark=True,
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
