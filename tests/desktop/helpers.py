"""Helpers for desktop tests: where a span is on screen, and pixel checks on grabbed images."""
from __future__ import annotations

import threading

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QTextCursor

SHOTS = "/tmp/slant-test-shots"


def span_rect(pane, start: int, end: int) -> QRect:
    """The viewport rectangle covering [start, end) (first line of it), after scrolling it into view."""
    pane.scroll_to(start, 0.4)
    view = pane.view
    ca, cb = QTextCursor(view.document()), QTextCursor(view.document())
    ca.setPosition(view.offsets.to_qt(start))
    cb.setPosition(view.offsets.to_qt(end))
    ra, rb = view.cursorRect(ca), view.cursorRect(cb)
    right = rb.x() if rb.top() == ra.top() else view.viewport().width() - 4
    return QRect(ra.x(), ra.top(), max(2, right - ra.x()), ra.height())


def span_point(pane, start: int, end: int) -> QPoint:
    r = span_rect(pane, start, end)
    return QPoint(r.x() + max(1, r.width() // 2), r.center().y())


def count_near(image: QImage, rect: QRect, colour: str, tolerance: int = 40) -> int:
    """Pixels inside ``rect`` within ``tolerance`` (sum of channel differences) of ``colour``."""
    target = QColor(colour)
    img = image.convertToFormat(QImage.Format_RGB32)
    n = 0
    rect = rect.intersected(img.rect())
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            c = img.pixelColor(x, y)
            if abs(c.red() - target.red()) + abs(c.green() - target.green()) + abs(c.blue() - target.blue()) <= tolerance:
                n += 1
    return n


def save(image, name: str) -> str:
    import os

    os.makedirs(SHOTS, exist_ok=True)
    path = f"{SHOTS}/{name}.png"
    image.save(path)
    return path


class GatedEngine:
    """An in-process engine whose analyses wait at a gate: lets a test act while a run is in progress."""

    def __init__(self, fail_on: str | None = None):
        from desktop.engine import ThreadBackend

        self.inner = ThreadBackend()
        self.gate = threading.Event()
        self.gate.set()
        self.entered = threading.Event()
        self.fail_on = fail_on
        self.analysed: list[str] = []

    def warm(self):
        return self.inner.warm()

    def analyze(self, article):
        self.entered.set()
        self.gate.wait(30)
        if self.fail_on and self.fail_on in (article.outlet or ""):
            raise RuntimeError("the analyser broke on purpose")
        self.analysed.append(article.id)
        return self.inner.analyze(article)

    def compare(self, analyses):
        return self.inner.compare(analyses)

    def shutdown(self):
        pass


def settle(qtbot, window, timeout: int = 60000) -> None:
    from desktop.models.article_model import PENDING, RUNNING

    qtbot.waitUntil(lambda: window.is_settled() and window.comparison is not None and not any(
        e.status in (PENDING, RUNNING) for e in window.model.entries()) and window.highlighting_done(),
        timeout=timeout)


