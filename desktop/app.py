"""Start the window: ``run(files, screenshot=None, view="main")`` (called by ``slant``).

Qt is imported and the window shown before anything loads spaCy; the language model loads in the
background afterwards (in the analysis process, see ``desktop.workers``).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence

SCREENSHOT_SIZE = (1600, 1000)
SCREENSHOT_TIMEOUT_MS = 240_000
WARM_UP_DELAY_MS = 1500
SWITCH_INTERVAL_S = 0.001
NO_DISPLAY_MESSAGE = (
    "slant: no display found (DISPLAY / WAYLAND_DISPLAY are not set), so the window cannot open.\n"
    "  - on a server, run it under a virtual display:  xvfb-run -a slant\n"
    "  - or render the window to an image instead:     slant --screenshot window.png\n"
    "  - or use the command line:                      slant analyze FILE ..."
)
T0 = time.perf_counter()  # as early as the module is imported (the benchmark reads it)


def display_available() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux") or "bsd" in sys.platform:
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def create_app():
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    QCoreApplication.setOrganizationName("Slant")
    QCoreApplication.setApplicationName("Slant")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "slant"])
    app.setApplicationDisplayName("Slant")
    return app


def open_initial(window, files: Sequence[str], settings, force_seeds: bool = False, reading=None) -> None:
    """FILES when given; else the last session; on first run (or for screenshots) the demo seeds. After a
    crash the window says what it restored (``desktop.session``). ``reading``: the command line's reading
    options (encoding, meta_file, outlet...)."""
    window.session.open_initial(files, force_seeds=force_seeds, reading=reading)


def start_engine() -> None:
    """Start the analysis process first thing, before Qt is even imported: it needs about two seconds to
    load the language model, which it does on the other core while this process builds the window.
    (A cached launch never waits for it.)"""
    from .engine import backend

    backend().prestart()


def launch_window(files: Sequence[str] = (), screenshot: bool = False, articles: Sequence = (), size=None,
                  reading=None):
    """Theme, window, initial articles, show, then the background model warm-up. Needs a QApplication."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    start_engine()  # already running when started by ``run``

    from . import theme
    from .main_window import MainWindow
    from .settings import Settings

    app = QApplication.instance()
    # Worker threads (cache reads, result decoding) must hand the GIL back to the UI thread quickly.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    settings = Settings()
    dark = theme.apply(app, "light" if screenshot else settings.theme())
    window = MainWindow(settings, dark=dark)
    if screenshot or size:
        from .screen_fit import available, first_size, virtual_screen

        # a screenshot is the preferred size, or the screen's when smaller (a 1280x720 projector)
        if size or virtual_screen():
            window.resize(*(size or SCREENSHOT_SIZE))
        else:
            window.resize(first_size(available(window), preferred=SCREENSHOT_SIZE))
    if articles:
        window.add_articles(list(articles))
    else:
        open_initial(window, files, settings, force_seeds=screenshot, reading=reading)
    window.show()
    # The model loads in the background once the window is up and cached results are shown (an analysis
    # that needs it starts the analysis process at once anyway).
    QTimer.singleShot(WARM_UP_DELAY_MS, window.manager.warm_up)
    return window


def _finish_screenshot(app, window, path: str, view: str) -> None:
    """Once every pane shows its text and highlights: set up the requested view, then grab."""
    from PySide6.QtCore import QTimer

    from . import highlight as hl

    state = {"prepared": False}

    def step() -> None:
        if not window.highlighting_done():
            QTimer.singleShot(50, step)
            return
        if not state["prepared"]:
            state["prepared"] = True
            if view == "detail":
                if not window.select_first(hl.LOADED, label="Breitbart", text="dictator"):
                    if not window.select_first(hl.LOADED):
                        window.select_first(hl.CUE_CHARGED)
            elif view == "dashboard":
                window.show_dashboard()
            elif view == "projector":  # at the second step (the loaded words), the first one explained
                window.projector.enter()
                window.projector.go_to(0, 1)
                window.projector.explain_first("dictator") or window.projector.explain_first()
            elif view == "projector-figures":  # the figures on the wall (S in the projector view)
                window.projector.enter()
                window.projector.show_figures(True)
            QTimer.singleShot(250, step)
            return
        app.processEvents()
        ok = (window.projector if view.startswith("projector") else window).grab().save(path)
        if not ok:
            print(f"slant: could not write {path}", file=sys.stderr)
        app.exit(0 if ok else 1)

    step()


def run(files: Sequence[str], screenshot: str | None = None, view: str = "main", reading=None,
        blind: bool = False) -> int:
    if screenshot:
        if not display_available():
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if not os.environ.get("SLANT_SETTINGS_DIR"):  # never touch the user's settings
            os.environ["SLANT_SETTINGS_DIR"] = tempfile.mkdtemp(prefix="slant-shot-")
    elif not display_available():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 2
    start_engine()

    from PySide6.QtCore import QTimer

    app = create_app()
    window = launch_window(files, screenshot=bool(screenshot), reading=reading)
    if blind:
        window.actions_by_name["blind"].setChecked(True)
    if screenshot:
        done = {"fired": False}

        def settled() -> None:
            if not done["fired"]:
                done["fired"] = True
                _finish_screenshot(app, window, screenshot, view)

        window.analysisSettled.connect(settled)
        if window.is_settled() and not window.model.rowCount():
            QTimer.singleShot(0, settled)

        def timeout() -> None:
            if not done["fired"]:
                print("slant: analysis did not finish in time; saving the window as it is", file=sys.stderr)
                settled()

        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
    code = app.exec()
    window.manager.shutdown()
    from .workers import AnalysisManager

    AnalysisManager.stop_all()
    return code
