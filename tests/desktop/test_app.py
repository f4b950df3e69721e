"""Starting the app: first run shows the seeds, later runs the last session; --screenshot renders a
PNG offscreen; without a display the command explains what to do instead of crashing."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from desktop import highlight as hl
from desktop.app import open_initial

from helpers import count_near, settle

ROOT = Path(__file__).resolve().parents[2]


def test_first_run_opens_the_seeds_then_the_session_is_restored(make_window, qtbot, tmp_path):
    ini = tmp_path / "first.ini"
    win = make_window(settings_file=ini, seeds=False)
    open_initial(win, [], win.settings)
    assert [e.article.id for e in win.model.entries()] == ["000", "001", "002", "003", "004"]
    settle(qtbot, win)
    win.close_article(win.model.entries()[0].key)
    win.close()
    again = make_window(settings_file=ini, seeds=False)
    open_initial(again, [], again.settings)
    assert [e.article.id for e in again.model.entries()] == ["001", "002", "003", "004"]
    settle(qtbot, again)


def test_files_on_the_command_line_win_over_the_session(make_window, qtbot, tmp_path):
    path = tmp_path / "one.txt"
    path.write_text("The minister said the talks went well.\n", encoding="utf-8")
    win = make_window(seeds=False)
    open_initial(win, [str(path), str(tmp_path / "missing.txt")], win.settings)
    assert [e.article.path for e in win.model.entries()] == [str(path)]
    assert "missing.txt" in win.message_bar.label.text()


def _env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(SLANT_SETTINGS_DIR=str(tmp_path / "settings"), **extra)
    return env


def test_no_display_gives_advice_not_a_crash(tmp_path):
    done = subprocess.run([sys.executable, "-m", "desktop.cli"], cwd=ROOT, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "xvfb-run" in done.stderr and "--screenshot" in done.stderr


def test_screenshot_renders_the_window_offscreen(tmp_path, seed_cache_dir):
    cache = tmp_path / "cache"
    shutil.copytree(seed_cache_dir, cache)
    out = tmp_path / "detail.png"
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "--screenshot", str(out), "--view", "detail"],
                          cwd=ROOT, env=_env(tmp_path, SLANT_CACHE_DIR=str(cache)), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1600, 1000)
    # The loaded-word colour is on screen (the "dictator" highlight and the legend swatch).
    assert count_near(img, img.rect(), hl.style(hl.LOADED).light, 30) > 20


def test_detail_screenshot_explains_dictator(seeds_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from desktop.app import _finish_screenshot

    class App:
        code = None

        def processEvents(self):  # noqa: N802
            QApplication.processEvents()

        def exit(self, code):
            App.code = code

    out = tmp_path / "detail.png"
    seeds_window.resize(1600, 1000)
    _finish_screenshot(App(), seeds_window, str(out), "detail")
    qtbot.waitUntil(lambda: App.code is not None, timeout=10000)
    assert App.code == 0 and out.exists()
    text = seeds_window.detail.toPlainText()
    assert "“dictator”" in text and "Breitbart" in text
