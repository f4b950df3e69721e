"""Analysis > Clear analysis cache…: says how much it frees, asks, then clears (``desktop.cache``)."""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from ..cache import AnalysisCache


def human_size(n: int) -> str:
    if n < 1_000:
        return f"{n} bytes"
    if n < 1_000_000:
        return f"{n / 1_000:.0f} kB"
    return f"{n / 1_000_000:.1f} MB"


def confirmation_text(entries: int, size: int) -> str:
    return (f"Clear the analysis cache? It holds {entries} saved "
            f"{'analysis' if entries == 1 else 'analyses'} ({human_size(size)}); clearing it frees "
            f"{human_size(size)} on disk.\n\nNothing you opened is lost: articles are analysed again "
            "when they are next shown, which takes longer the first time.")


def clear_cache(parent: QWidget, cache: AnalysisCache | None, notify: Any = None) -> int | None:
    """Ask, then clear ``cache``. Returns the bytes freed, or None when nothing was cleared. ``notify``
    (e.g. the window's ``show_info``) is told the outcome."""
    if cache is None:
        return None
    entries, size = cache.size()
    if entries == 0:
        if notify:
            notify("The analysis cache is already empty.")
        return None
    answer = QMessageBox.question(parent, "Clear analysis cache", confirmation_text(entries, size),
                                  QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
    if answer != QMessageBox.Yes:
        return None
    freed = cache.clear()
    if notify:
        notify(f"Analysis cache cleared: {human_size(freed)} freed.")
    return freed
