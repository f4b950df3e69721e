"""Runs the real app offscreen for ``test_session.test_killing_the_app_after_pasting_loses_nothing``.

``paste``: start as a user would (first run: the demo articles), paste an article, print READY once the
session holding it is on disk, then wait to be killed. ``report``: start as a user would and print, as one
JSON line, the articles the window holds and the messages it shows; then close normally.
"""
from __future__ import annotations

import json
import sys

from driver_common import run

PASTED = "This article was typed in by hand.\nIt exists nowhere on disk, so Slant must keep it.\n"


def main(mode: str) -> int:
    from PySide6.QtCore import QTimer

    from desktop.app import create_app, launch_window

    app = create_app()
    window = launch_window([])
    if mode == "paste":
        # the window saves its session 400 ms after a change; once that has run, the text is on disk
        window.session.timer.timeout.connect(lambda: print("READY", flush=True))
        window.add_pasted(PASTED, outlet="Typed by hand")
    else:
        def report() -> None:
            arts = [{"outlet": e.article.outlet, "text": e.article.text, "pasted": e.pasted}
                    for e in window.model.entries()]
            print(json.dumps({"articles": arts, "messages": window.message_bar.messages}), flush=True)
            window.close()
            app.quit()
        QTimer.singleShot(0, report)
    return run(app, window)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
