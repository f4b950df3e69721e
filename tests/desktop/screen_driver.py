"""Runs the real app on a screen of a given size for ``test_screen_fit`` (Qt's offscreen platform reads the
screen from ``QT_QPA_PLATFORM=offscreen:configfile=...``, fixed when the QApplication is made, hence a
separate process).

Starts as a user would (first run: the demo articles), waits until every pane shows its highlights, then
prints one JSON line describing what is on screen (window, panes, chips, detail panel, scroll bar), saves
``window.grab()`` to the PNG named on the command line, adds a sixth article, scales the interface up with
Ctrl+Plus, and reports again.
"""
from __future__ import annotations

import json
import sys

from driver_common import run, settled


def rect(w, window, upto=None) -> list[int]:
    """A widget's rectangle in window coordinates, cut to what its ancestors (up to ``upto``) let be seen."""
    from PySide6.QtCore import QPoint, QRect

    top_left = w.mapTo(window, QPoint(0, 0))
    r = QRect(top_left, w.size())
    p = w.parentWidget()
    stop = upto.parentWidget() if upto is not None else window
    while p is not None and p is not stop and p is not window:
        r = r.intersected(QRect(p.mapTo(window, QPoint(0, 0)), p.size()))
        p = p.parentWidget()
    return [r.x(), r.y(), r.width(), r.height()]


def describe(window) -> dict:
    from PySide6.QtGui import QGuiApplication

    avail = window.screen().availableGeometry() if window.screen() else QGuiApplication.primaryScreen().availableGeometry()
    fg = window.frameGeometry()
    area = window.pane_area
    panes = []
    for pane in window.ordered_panes():
        area.scroll.ensureWidgetVisible(pane, 0, 0)  # scrolled into view, as a reader would
        QGuiApplication.processEvents()
        h = pane.header
        fm = pane.view.fontMetrics()
        panes.append({
            "label": pane.entry.label,
            "shown_label": h.outlet.text(),
            "rect": rect(pane, window),
            "full_rect": [*pane.mapTo(window, pane.rect().topLeft()).toTuple(), pane.width(), pane.height()],
            "chars_per_line": pane.view.viewport().width() / max(1, fm.averageCharWidth()),
            "header": rect(h, window),
            "chips": [{"text": b.text(), "rect": rect(b, window), "width": b.width(),
                       "needs": b.sizeHint().width(), "visible": b.isVisible()} for b in h.badges.values()],
        })
    area.scroll.horizontalScrollBar().setValue(0)
    QGuiApplication.processEvents()
    # where the chips are in the grab (taken scrolled to the left), cut to what the pane area shows
    grab_chips = [{"pane": pane.entry.label, "text": b.text(), "rect": rect(b, window), "width": b.width(),
                   "in_pane": rect(b, window, upto=pane), "header": rect(pane.header, window)}
                  for pane in window.ordered_panes() for b in pane.header.badges.values()]
    return {
        "grab_chips": grab_chips,
        "available": [avail.x(), avail.y(), avail.width(), avail.height()],
        "frame": [fg.x(), fg.y(), fg.width(), fg.height()],
        "size": [window.width(), window.height()],
        "panes": panes,
        "scroll_max": area.scroll.horizontalScrollBar().maximum(),
        "viewport": rect(area.scroll.viewport(), window),
        "detail": rect(window.detail, window),
        "detail_font_px": window.detail.fontInfo().pixelSize(),
        "legend": rect(window.legend, window),
        "legend_font_px": window.legend.fontInfo().pixelSize(),
        "outlet_font_px": window.ordered_panes()[0].header.outlet.fontInfo().pixelSize(),
        "chip_font_px": window.ordered_panes()[0].header.badges["loaded"].fontInfo().pixelSize(),
        "status": rect(window.statusBar(), window),
    }


def main(png: str) -> int:
    from PySide6.QtCore import QTimer

    from desktop.app import create_app, launch_window

    app = create_app()
    window = launch_window([])
    state = {"step": 0}

    def tick() -> None:
        if not settled(window):
            QTimer.singleShot(50, tick)
            return
        if state["step"] == 0:
            state["step"] = 1
            print(json.dumps({"first": describe(window)}), flush=True)
            window.grab().save(png)
            window.add_pasted("A sixth article, typed by hand. The minister said the talks went well.\n",
                              outlet="A sixth outlet with a rather long name for a pane title")
            QTimer.singleShot(50, tick)
        elif state["step"] == 1:
            state["step"] = 2
            print(json.dumps({"sixth": describe(window)}), flush=True)
            for _ in range(3):
                window.actions_by_name["zoom_in"].trigger()
            QTimer.singleShot(50, tick)
        else:
            print(json.dumps({"scaled": describe(window), "font_pt": window.font_pt}), flush=True)
            window.grab().save(png.replace(".png", "-scaled.png"))
            window.close()
            app.quit()

    QTimer.singleShot(0, tick)
    return run(app, window)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
