"""Small "What is this?" links and menu items that open the students' glossary at an entry.

Used by the legend, the dashboard and the detail panel. Each takes a glossary key ("category:hedge",
"metric:gunning_fog", "section:naming") and calls ``on_entry(entry_id)`` when activated; the main window
connects that to ``desktop.dialogs.glossary.open_glossary``.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from analysis import glossary


def entry_of(href: str) -> str:
    """The entry id of a "glossary:<id>" link ("" for any other link)."""
    return href[len(glossary.LINK_SCHEME):] if href.startswith(glossary.LINK_SCHEME) else ""


def help_link(key: str, text: str, object_name: str, on_entry: Callable[[str], None],
              tip: str = "") -> QLabel | None:
    """A small link label to the entry explaining ``key``; None when the glossary has no entry for it."""
    href = glossary.link(key)
    if not href:
        return None
    lab = QLabel(f"<a href='{href}'>{text}</a>")
    lab.setObjectName(object_name)
    lab.setProperty("role", "intro")
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    lab.setToolTip(tip or "Opens the glossary: what this is, in plain words")
    lab.linkActivated.connect(lambda h: on_entry(entry_of(h)) if entry_of(h) else None)
    return lab


def glossary_menu(parent: QWidget, key: str, on_entry: Callable[[str], None]) -> QMenu | None:
    """A context menu with "What is this? (glossary)"; None when the glossary has no entry for ``key``."""
    href = glossary.link(key)
    if not href:
        return None
    menu = QMenu(parent)
    menu.addAction("What is this? (glossary)").triggered.connect(lambda: on_entry(entry_of(href)))
    return menu
