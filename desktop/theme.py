"""Light and dark appearance: the Fusion style, a palette, and the QSS in resources/styles/."""
from __future__ import annotations

import tomllib
from importlib import resources

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def system_prefers_dark() -> bool:
    try:
        return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    except AttributeError:  # Qt < 6.5
        return QGuiApplication.palette().window().color().lightness() < 128


def _palette(dark: bool) -> QPalette:
    data = tomllib.loads(_read("palette.toml"))["dark" if dark else "light"]
    p = QPalette()
    for role_name, colour in data.items():
        if role_name == "Disabled":
            continue
        role = getattr(QPalette.ColorRole, role_name, None)
        if role is not None:
            p.setColor(role, QColor(colour))
    disabled = QColor(data.get("Disabled", "#80868B"))
    for role in (QPalette.Text, QPalette.WindowText, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, disabled)
    return p


def palette(dark: bool) -> QPalette:
    """The light or dark palette (the projector view keeps the light one whatever the theme)."""
    return _palette(dark)


def _read(name: str) -> str:
    return (resources.files("resources") / "styles" / name).read_text(encoding="utf-8")


def detail_css(dark: bool) -> str:
    """The detail panel's HTML style sheet."""
    return _read("detail_dark.css" if dark else "detail_light.css")


def stylesheet(dark: bool) -> str:
    return _read("base.qss") + "\n" + _read("dark.qss" if dark else "light.qss")


def apply(app: QApplication, theme: str = "auto") -> bool:
    """Apply 'light', 'dark' or 'auto' (follow the system); returns True when dark."""
    dark = system_prefers_dark() if theme == "auto" else theme == "dark"
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(stylesheet(dark))
    return dark
