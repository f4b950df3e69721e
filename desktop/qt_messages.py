"""Qt's log messages around a PDF export: the flood of font warnings is collapsed into one line.

Laying out a script no installed font shapes (Devanagari, Thai, ... without their Noto fonts) makes Qt log
"OpenType support missing for <font>, script N" once per font and script: 94 to 141 lines for one article,
which bury a real error. ``collapsed_font_warnings()`` installs a Qt message handler for the duration of
the export that counts those (category ``qt.text.font.*``, and Qt's older uncategorised wording) and
passes every other message on unchanged (to the handler that was there before, e.g. pytest-qt's, or to
stderr in Qt's own format). At the end one line says how many were collapsed and why (the PDF itself
notes characters that have no font at all, ``export_pdf.missing_glyphs``).

The handler is process-wide (Qt has one); concurrent exports share it (counted entries and exits).
"""
from __future__ import annotations

import contextlib
import sys
import threading
from collections.abc import Iterator

from PySide6.QtCore import QtMsgType, qFormatLogMessage, qInstallMessageHandler

FONT_CATEGORY_PREFIX = "qt.text.font"
FONT_WORDING = ("OpenType support missing", "Font family", "QFontDatabase")
SUMMARY = ("slant: Qt reported {n} font warning{s} while making the PDF (left out here): the installed fonts "
           "cannot shape some scripts of the articles, which may print imperfectly; fonts-noto-core covers most.")

_lock = threading.Lock()
_state = {"depth": 0, "previous": None, "count": 0}


def is_font_warning(mode: QtMsgType, category: str | None, message: str) -> bool:
    if mode not in (QtMsgType.QtWarningMsg, QtMsgType.QtInfoMsg, QtMsgType.QtDebugMsg):
        return False  # critical and fatal messages always get through
    if category and category.startswith(FONT_CATEGORY_PREFIX):
        return True
    return message.startswith(FONT_WORDING) and "font" in message.lower()


def _handler(mode, context, message) -> None:
    category = getattr(context, "category", None)
    if is_font_warning(mode, category, message):
        with _lock:
            _state["count"] += 1
        return
    previous = _state["previous"]
    if previous is not None:
        previous(mode, context, message)
    else:
        print(qFormatLogMessage(mode, context, message), file=sys.stderr)


@contextlib.contextmanager
def collapsed_font_warnings(report=None) -> Iterator[None]:
    """Within the block Qt's font warnings are counted, not printed; others pass. ``report(line)`` gets the
    one summary line at the end (default: stderr), only when something was collapsed."""
    with _lock:
        if _state["depth"] == 0:
            _state["count"] = 0
            _state["previous"] = qInstallMessageHandler(_handler)
        _state["depth"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            last = _state["depth"] == 0
            n = _state["count"] if last else 0
            if last:
                qInstallMessageHandler(_state["previous"])
                _state["previous"] = None
        if n:
            line = SUMMARY.format(n=n, s="" if n == 1 else "s")
            (report or (lambda text: print(text, file=sys.stderr)))(line)
