"""The disk cache: a relaunch finds the analyses; damaged or foreign entries are ignored, never fatal."""
from __future__ import annotations

import pytest

from analysis.sources import article_from_text

from desktop.cache import AnalysisCache


@pytest.fixture(scope="module")
def sample():
    from analysis.pipeline import analyze_article

    art = article_from_text("Officials said the talks in Geneva were useful.\nThe minister claimed victory.\n",
                            outlet="Geneva Daily", title="Talks")
    return art, analyze_article(art)


def test_round_trip_and_keyed_by_metadata_and_version(tmp_path, sample):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    assert cache.get(art) is None
    assert cache.put(art, result)
    assert cache.get(art).to_dict() == result.to_dict()  # floats are stored rounded, as to_dict gives them
    assert cache.get(art.with_meta(outlet="Other")) is None  # metadata is part of the key
    assert AnalysisCache(tmp_path, version="something-else").get(art) is None


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"version": 1}', b"\xff\xfe\x00garbage",
                                    b'{"version": "x", "analysis": {"id": 3}}'])
def test_damaged_entries_are_ignored_and_removed(tmp_path, sample, damage):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    cache.put(art, result)
    path = cache._path(art)
    path.write_bytes(damage)
    assert cache.get(art) is None
    assert not path.exists()
    assert cache.put(art, result) and cache.get(art).to_dict() == result.to_dict()


def test_entries_written_before_the_column_form_still_load(tmp_path, sample):
    """Entries hold the analysis in analysis.wire's column form; one written by an older Slant as
    ``to_dict()`` under "analysis" is still read (and a damaged column entry is dropped, then rewritten)."""
    import json

    art, result = sample
    cache = AnalysisCache(tmp_path)
    assert cache.put(art, result)
    path = cache._path(art)
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert "columns" in stored and "analysis" not in stored
    path.write_text(json.dumps({"version": cache.version, "analysis": result.to_dict()}), encoding="utf-8")
    assert cache.get(art).to_dict() == result.to_dict()
    stored["columns"]["rows"]["sentences"]["rows"]["start"].pop()  # one column a value short
    path.write_text(json.dumps(stored), encoding="utf-8")
    assert cache.get(art) is None and not path.exists()
    assert cache.put(art, result) and cache.get(art).to_dict() == result.to_dict()


def test_unwritable_folder_is_not_fatal(tmp_path, sample):
    art, result = sample
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AnalysisCache(blocker / "sub")
    assert cache.put(art, result) is False
    assert cache.get(art) is None


def test_comparison_cache(tmp_path, sample):
    from analysis import compare

    _, result = sample
    cache = AnalysisCache(tmp_path)
    assert cache.get_comparison([result]) is None
    cmp = compare([result])
    assert cache.put_comparison([result], cmp)
    assert cache.get_comparison([result]).to_dict() == cmp.to_dict()
    next(tmp_path.glob("cmp-*.json")).write_text("{]")
    assert cache.get_comparison([result]) is None


def test_tests_never_use_the_real_cache_or_settings():
    import os

    from desktop.cache import default_directory
    from desktop.settings import Settings

    assert "slant-desktop-tests-" in os.environ["SLANT_CACHE_DIR"]
    assert str(default_directory()).startswith(os.environ["SLANT_CACHE_DIR"])
    assert Settings().path.startswith(os.environ["SLANT_SETTINGS_DIR"])


def _articles(n):
    return [article_from_text(f"Officials in town {i} said the bridge could reopen.\n", outlet=f"Paper {i}")
            for i in range(n)]


def test_the_cache_stays_within_its_size_and_drops_the_least_recently_used(tmp_path, sample):
    import os
    import time

    import dataclasses

    _, result = sample
    arts = _articles(6)
    results = [dataclasses.replace(result, id=a.id) for a in arts]
    probe = AnalysisCache(tmp_path / "probe")
    probe.put(arts[0], results[0])
    entry = probe.size()[1]
    cache = AnalysisCache(tmp_path / "c", max_bytes=int(entry * 3.5))  # room for three entries
    for i, art in enumerate(arts[:3]):
        assert cache.put(art, results[i])
        os.utime(cache._path(art), (time.time() - 100 + i, time.time() - 100 + i))  # put in this order
    assert cache.get(arts[0]) is not None  # read now: the most recently used
    assert cache.put(arts[3], results[3])  # over the limit: the least recently used (arts[1]) goes
    entries, size = cache.size()
    assert size <= cache.max_bytes and entries == 3
    assert cache.get(arts[1]) is None
    assert all(cache.get(a) is not None for a in (arts[0], arts[2], arts[3]))


def test_cache_size_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SLANT_CACHE_MAX_MB", "1.5")
    assert AnalysisCache(tmp_path).max_bytes == 1_500_000
    for bad in ("lots", "nan", ""):
        monkeypatch.setenv("SLANT_CACHE_MAX_MB", bad)
        assert AnalysisCache(tmp_path).max_bytes == 200_000_000


def test_a_truncated_entry_is_analysed_again(tmp_path, sample):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    cache.put(art, result)
    path = cache._path(art)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert cache.get(art) is None and not path.exists()


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_fifo_or_folder_in_the_cache_never_hangs(tmp_path, sample, kind):
    import os
    import threading

    art, result = sample
    cache = AnalysisCache(tmp_path)
    path = cache._path(art)
    other = tmp_path / "cmp-0000000000000000000000000000000000000000.json"
    for p in (path, other):
        os.mkfifo(p) if kind == "fifo" else p.mkdir()
    outcome = {}

    def use():
        outcome["get"] = cache.get(art)
        outcome["size"] = cache.size()
        outcome["put"] = cache.put(art, result)
        outcome["clear"] = cache.clear()

    t = threading.Thread(target=use, daemon=True)
    t.start()
    t.join(30)
    assert not t.is_alive(), "the cache blocked on a special file"
    assert outcome["get"] is None and outcome["size"] == (0, 0)
    assert other.exists()  # not ours to remove: left alone


def test_clear_says_what_it_freed(tmp_path, sample):
    art, result = sample
    cache = AnalysisCache(tmp_path)
    cache.put(art, result)
    (tmp_path / "notes.txt").write_text("not a cache entry")
    entries, size = cache.size()
    assert entries == 1 and size > 0
    assert cache.clear() == size
    assert cache.size() == (0, 0) and cache.get(art) is None
    assert (tmp_path / "notes.txt").exists()


@pytest.mark.parametrize("answer", ["yes", "cancel"])
def test_clear_analysis_cache_from_the_menu_asks_first(make_window, qtbot, monkeypatch, answer):
    from PySide6.QtWidgets import QMessageBox

    win = make_window()
    from helpers import settle

    settle(qtbot, win)
    cache = win.manager.cache
    entries, size = cache.size()
    assert entries >= 5
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.Yes if answer == "yes" else QMessageBox.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    action = win.actions_by_name["clear_cache"]
    menu = next(m.menu() for m in win.menuBar().actions() if m.text() == "&Analysis")
    assert action in menu.actions() and action.text().replace("&", "") == "Clear analysis cache…"
    action.trigger()
    assert len(asked) == 1 and f"{entries} saved analyses" in asked[0]
    from desktop.dialogs.clear_cache import human_size

    assert human_size(size) in asked[0]
    if answer == "yes":
        assert cache.size() == (0, 0)
        assert "Analysis cache cleared" in win.message_bar.label.text()
    else:
        assert cache.size() == (entries, size)
