"""Light and dark appearance: the Fusion style, a palette, and the QSS in resources/styles/."""
from __future__ import annotations

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
    p = QPalette()
    if dark:
        colours = {
            QPalette.Window: "#202124", QPalette.WindowText: "#E8EAED", QPalette.Base: "#1E1F22",
            QPalette.AlternateBase: "#2A2B2F", QPalette.Text: "#E8EAED", QPalette.Button: "#2D2F33",
            QPalette.ButtonText: "#E8EAED", QPalette.Highlight: "#3B6FB6", QPalette.HighlightedText: "#FFFFFF",
            QPalette.ToolTipBase: "#2D2F33", QPalette.ToolTipText: "#E8EAED", QPalette.Link: "#8AB4F8",
            QPalette.PlaceholderText: "#9AA0A6", QPalette.Mid: "#3C4043", QPalette.Dark: "#17181A",
        }
    else:
        colours = {
            QPalette.Window: "#F6F7F9", QPalette.WindowText: "#1F2328", QPalette.Base: "#FFFFFF",
            QPalette.AlternateBase: "#F1F3F4", QPalette.Text: "#1F2328", QPalette.Button: "#FFFFFF",
            QPalette.ButtonText: "#1F2328", QPalette.Highlight: "#BBD3F5", QPalette.HighlightedText: "#000000",
            QPalette.ToolTipBase: "#FFFFFF", QPalette.ToolTipText: "#1F2328", QPalette.Link: "#0B57D0",
            QPalette.PlaceholderText: "#80868B", QPalette.Mid: "#D0D4D9", QPalette.Dark: "#A0A4A8",
        }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.Disabled, QPalette.Text, QColor("#80868B"))
    p.setColor(QPalette.Disabled, QPalette.WindowText, QColor("#80868B"))
    p.setColor(QPalette.Disabled, QPalette.ButtonText, QColor("#80868B"))
    return p


def stylesheet(dark: bool) -> str:
    name = "dark.qss" if dark else "light.qss"
    base = (resources.files("resources") / "styles" / "base.qss").read_text(encoding="utf-8")
    return base + "\n" + (resources.files("resources") / "styles" / name).read_text(encoding="utf-8")


def apply(app: QApplication, theme: str = "auto") -> bool:
    """Apply 'light', 'dark' or 'auto' (follow the system); returns True when dark."""
    dark = system_prefers_dark() if theme == "auto" else theme == "dark"
    app.setStyle("Fusion")
    app.setPalette(_palette(dark))
    app.setStyleSheet(stylesheet(dark))
    return dark
