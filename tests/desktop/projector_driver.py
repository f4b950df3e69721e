"""Runs the real app's projector view on a screen of a given size for ``test_projector`` (Qt's offscreen
platform reads the screen from ``QT_QPA_PLATFORM=offscreen:configfile=...`` when the QApplication is made,
hence a separate process).

Starts as a user would (first run: the demo articles), waits until every pane shows its highlights, enters
the projector view at its second step (the loaded words) with one explained, prints one JSON line
describing what is on screen (screen, projector, shown panes with their headers and chips, caption, key,
footer, explanation panel) and saves ``projector.grab()`` to the PNG named on the command line; then does
the same in blind mode at the last step of the last articles.
"""
from __future__ import annotations

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from driver_common import run, settled  # noqa: E402  (beside this script)


def describe(window) -> dict:
    from PySide6.QtGui import QFontMetrics, QGuiApplication

    from screen_driver import rect

    pj = window.projector
    screen = pj.screen().geometry()
    QGuiApplication.processEvents()

    def label(lab) -> dict:
        fm = QFontMetrics(lab.font())
        return {"rect": rect(lab, pj), "width": lab.width(), "height": lab.height(), "text": lab.text(),
                "advance": fm.horizontalAdvance(lab.text()), "needs_height": lab.heightForWidth(lab.width())
                if lab.wordWrap() else lab.sizeHint().height(), "font_px": lab.fontInfo().pixelSize()}

    panes = []
    for pane in pj.shown_panes():
        h = pane.header
        fm = pane.view.fontMetrics()
        panes.append({
            "label": pane.entry.label,
            "rect": rect(pane, pj),
            "full_rect": [*pane.mapTo(pj, pane.rect().topLeft()).toTuple(), pane.width(), pane.height()],
            "header": rect(h, pj),
            "outlet": {**label(h.outlet), "full": h.outlet.full_text()},
            "date": {**label(h.date), "full": h.date.full_text()},
            "title": label(h.title),
            "chars_per_line": pane.view.viewport().width() / max(1, fm.averageCharWidth()),
            "text_px": pane.view.fontInfo().pixelSize(),
            "chips": [{"text": b.text(), "rect": rect(b, pj), "in_pane": rect(b, pj, upto=pane), "width": b.width(),
                       "needs": b.sizeHint().width(), "visible": b.isVisible()} for b in h.badges.values()],
        })
    hidden = [p.entry.label for p in window.ordered_panes() if not p.isVisibleTo(pj)]
    return {
        "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
        "projector": [pj.x(), pj.y(), pj.width(), pj.height()],
        "full_screen": pj.isFullScreen(),
        "step": pj.step, "page": pj.page, "steps": len(pj.steps),
        "panes": panes,
        "hidden": hidden,
        "scroll_max": window.pane_area.scroll.horizontalScrollBar().maximum(),
        "caption": label(pj.caption),
        "footer": label(pj.footer),
        "key": [label(lab) for lab in pj.key_labels.values()],
        "detail": rect(window.detail, pj) if window.detail.isVisibleTo(pj) else None,
        "detail_font_px": window.detail.fontInfo().pixelSize(),
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
        pj = window.projector
        if state["step"] == 0:
            state["step"] = 1
            window.actions_by_name["projector"].trigger()
            pj.go_to(0, 1)
            QTimer.singleShot(100, tick)
        elif state["step"] == 1:
            state["step"] = 2
            pj.explain_first("dictator") or pj.explain_first()
            QTimer.singleShot(100, tick)
        elif state["step"] == 2:
            state["step"] = 3
            print(json.dumps({"loaded": describe(window)}), flush=True)
            pj.grab().save(png)
            window.actions_by_name["blind"].setChecked(True)
            pj.end()
            QTimer.singleShot(100, tick)
        else:
            print(json.dumps({"blind_all": describe(window)}), flush=True)
            pj.grab().save(png.replace(".png", "-blind-all.png"))
            pj.leave()
            window.close()
            app.quit()

    QTimer.singleShot(0, tick)
    return run(app, window)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
