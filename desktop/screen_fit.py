"""The window fits the screen it is on, and Ctrl+Plus/Minus scale the whole interface.

- The first size comes from the screen's available geometry (a 1280x720 projector gets a window that fits
  it, a large monitor at most ``PREFERRED_SIZE``); a saved geometry from a larger screen is brought back
  inside the current one.
- Nothing inside may push the window past the screen: the panes scroll sideways (``desktop.pane_area``),
  and ``keep_on_screen`` shrinks the window back if a minimum size ever exceeds it.
- ``apply_scale`` scales the window's fonts (panes' headers, chips, legend, library, detail panel,
  dashboard, tabs) with the text size: the style sheet's point sizes and the window's base font.
"""
from __future__ import annotations

import os
import re
from typing import Any

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QGuiApplication

PREFERRED_SIZE = (1500, 940)
BASE_TEXT_PT = 11  # the article text size at which the interface has its normal size


def virtual_screen() -> bool:
    """Qt's offscreen platform without a configured screen (its made-up 800x800 screen): nothing to fit.
    ``QT_QPA_PLATFORM=offscreen:configfile=...`` gives it a real size (tests, screenshots of a projector)."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return QGuiApplication.platformName() == "offscreen" and "configfile=" not in platform


def available(widget: Any = None) -> QRect:
    screen = widget.screen() if widget is not None and widget.screen() is not None else QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED_SIZE)


def frame_extra(window: Any) -> QSize:
    """What the window manager's frame adds around the window (0 before the first show)."""
    fg, g = window.frameGeometry(), window.geometry()
    return QSize(max(0, fg.width() - g.width()), max(0, fg.height() - g.height()))


def first_size(avail: QRect, extra: QSize = QSize(0, 0), preferred: tuple[int, int] = PREFERRED_SIZE) -> QSize:  # noqa: B008
    return QSize(min(preferred[0], avail.width() - extra.width()), min(preferred[1], avail.height() - extra.height()))


def place_first(window: Any) -> None:
    """The first size, from the screen's available geometry, centred on it."""
    if virtual_screen():
        window.resize(*PREFERRED_SIZE)
        return
    avail = available(window)
    size = first_size(avail, frame_extra(window))
    window.resize(size)
    window.move(avail.x() + (avail.width() - size.width()) // 2, avail.y() + (avail.height() - size.height()) // 2)


def keep_on_screen(window: Any) -> None:
    """Bring the window's frame inside the available geometry (smaller, then moved in)."""
    if window.isFullScreen() or window.isMaximized() or virtual_screen():
        return
    avail = available(window)
    extra = frame_extra(window)
    w = min(window.width(), avail.width() - extra.width())
    h = min(window.height(), avail.height() - extra.height())
    if (w, h) != (window.width(), window.height()):
        window.resize(w, h)
    fg = window.frameGeometry()
    x = min(max(fg.x(), avail.x()), avail.right() + 1 - fg.width())
    y = min(max(fg.y(), avail.y()), avail.bottom() + 1 - fg.height())
    if (x, y) != (fg.x(), fg.y()):
        window.move(x, y)


def scale_factor(text_pt: float) -> float:
    return max(0.6, min(3.0, text_pt / BASE_TEXT_PT))


def scaled_stylesheet(qss: str, factor: float) -> str:
    """Every ``Npt`` font size of a style sheet times ``factor``."""
    return re.sub(r"(\d+(?:\.\d+)?)pt\b", lambda m: f"{float(m.group(1)) * factor:.2f}pt", qss)


def apply_scale(window: Any, text_pt: float, extra_qss: str = "") -> float:
    """Scale the window's interface with the text size; returns the factor. At the normal size the window
    uses the application's font and style sheet unchanged. ``extra_qss`` (the projector view's high-contrast
    rules) is added after the theme's and scaled with it."""
    from . import theme

    factor = scale_factor(text_pt)
    if not hasattr(window, "_base_font"):
        window._base_font = QFont(QGuiApplication.font())
    if abs(factor - 1.0) < 1e-3 and not extra_qss:
        window.setStyleSheet("")
        window.setFont(window._base_font)
    else:
        f = QFont(window._base_font)
        if f.pointSizeF() > 0:
            f.setPointSizeF(f.pointSizeF() * factor)
        else:
            f.setPixelSize(max(6, round(f.pixelSize() * factor)))
        window.setFont(f)
        # Under a style sheet a parent's font does not reach every child, so the base size is a rule too;
        # the style sheet's own sizes (pane titles, chips...) follow, scaled, and win by specificity.
        # Widgets with a font of their own keep it: the article text (its own size, Ctrl+Plus) and the
        # dashboard's headings (1.2 times the base).
        pt = f.pointSizeF()
        base = (f"QWidget {{ font-size: {pt:.2f}pt; }}\n"
                f"QLabel[role=\"heading\"] {{ font-size: {pt * 1.2:.2f}pt; font-weight: 700; }}\n"
                f"QTextEdit#articleText {{ font-size: {text_pt:.2f}pt; }}\n") if pt > 0 else ""
        window.setStyleSheet(base + scaled_stylesheet(theme.stylesheet(window.dark) + "\n" + extra_qss, factor))
    window.ui_scale = factor
    return factor
