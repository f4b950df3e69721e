"""The PDF's fonts: DejaVu (Latin, Greek, Cyrillic, Hebrew, Arabic), Noto Serif/Sans CJK (Japanese, Chinese,
Korean) and Noto Color Emoji, i.e. the Debian packages fonts-dejavu-core, fonts-noto-cjk and
fonts-noto-color-emoji. Qt embeds the subsets it uses. ``missing_glyphs`` checks, by laying text out
with Qt, which characters would still come out as empty boxes."""
from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout

BODY_FAMILIES = ["DejaVu Serif", "Noto Serif CJK JP", "DejaVu Sans", "Noto Sans CJK JP", "Noto Color Emoji"]
UI_FAMILIES = ["DejaVu Sans", "Noto Sans CJK JP", "Noto Color Emoji"]
FONT_PACKAGES = ("fonts-dejavu-core", "fonts-noto-cjk", "fonts-noto-color-emoji")


def font(families: list[str], size: float, *, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(families)
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    f.setStyleHint(QFont.StyleHint.Serif if families is BODY_FAMILIES else QFont.StyleHint.SansSerif)
    # No ligatures: "ﬁ"/"ﬄ" glyphs would make copied or searched words differ from the article ("baﬄing").
    for tag in ("liga", "clig"):
        f.setFeature(QFont.Tag(tag), 0)
    return f


def missing_glyphs(text: str, families: list[str] | None = None) -> list[str]:
    """Characters of ``text`` that Qt would draw as an empty box (no installed font has them).

    Lays out each distinct non-ASCII character with the sheet's font (and Qt's font fallback) and looks for
    glyph 0 (".notdef") in the resulting glyph runs. Needs a Q(Gui)Application.
    """
    chars = sorted({ch for ch in text if ord(ch) > 0x7F and ch.isprintable() and not ch.isspace()
                    and not (0xFE00 <= ord(ch) <= 0xFE0F) and ord(ch) not in (0x200D, 0x200C)})
    missing = []
    f = font(families or BODY_FAMILIES, 12)
    for ch in chars:
        layout = QTextLayout(ch, f)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        runs = layout.glyphRuns()
        if not runs or any(0 in run.glyphIndexes() for run in runs):
            missing.append(ch)
    return missing
