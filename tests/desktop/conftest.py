"""Desktop test setup: offscreen Qt (tests/conftest.py), throw-away settings and cache folders, and the
seed analyses computed once per session and put in a shared cache so each window shows them at once."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

_SESSION_DIR: Path | None = None


def pytest_configure(config):
    import tempfile

    global _SESSION_DIR
    _SESSION_DIR = Path(tempfile.mkdtemp(prefix="slant-desktop-tests-"))
    # Never the user's real settings or cache, even for code that reads the environment directly.
    os.environ["SLANT_SETTINGS_DIR"] = str(_SESSION_DIR / "settings")
    os.environ["SLANT_CACHE_DIR"] = str(_SESSION_DIR / "cache")


def pytest_unconfigure(config):
    if _SESSION_DIR is not None:
        shutil.rmtree(_SESSION_DIR, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_articles():
    from analysis.sources import load_seeds

    return load_seeds()


@pytest.fixture(scope="session")
def seed_cache_dir(seed_articles, tmp_path_factory) -> Path:
    """A cache folder holding the analyses of the five seeds and their comparison (computed once, here)."""
    from analysis.pipeline import analyze_article
    from desktop.cache import AnalysisCache

    folder = tmp_path_factory.mktemp("seed-cache")
    cache = AnalysisCache(folder)
    from analysis import compare

    analyses = [analyze_article(art) for art in seed_articles]
    for art, result in zip(seed_articles, analyses):
        assert cache.put(art, result)
    assert cache.put_comparison(analyses, compare(analyses))
    return folder


@pytest.fixture
def make_window(qtbot, tmp_path, seed_cache_dir):
    """Factory: a MainWindow with its own settings; by default the seeds' cache is copied in."""
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop import theme

    from desktop.cache import AnalysisCache
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.workers import AnalysisManager
    from helpers import GatedEngine, settle  # noqa: F401

    made = []

    def make(engine=None, cached: bool = True, settings_file: Path | None = None, seeds: bool = True):
        cache_dir = tmp_path / f"cache{len(made)}"
        if cached:
            shutil.copytree(seed_cache_dir, cache_dir)
        settings = Settings(QSettings(str(settings_file or tmp_path / "slant.ini"), QSettings.IniFormat))
        engine = engine or GatedEngine()
        manager = AnalysisManager(AnalysisCache(cache_dir), engine=engine)
        dark = theme.apply(QApplication.instance(), "light")  # what people see: the app's own style
        win = MainWindow(settings, manager=manager, dark=dark)
        win.engine = engine
        qtbot.addWidget(win)
        win.resize(1500, 950)
        if seeds:
            win.load_seeds()
        win.show()
        win.activateWindow()  # keyboard focus works as on a desktop
        qtbot.waitUntil(win.isActiveWindow, timeout=5000)
        made.append(win)
        return win

    yield make
    for win in made:
        win.manager.cancel()
        if hasattr(win, "engine"):
            win.engine.gate.set()
    QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def seeds_window(make_window, qtbot):
    from helpers import settle

    win = make_window()
    settle(qtbot, win)
    return win
