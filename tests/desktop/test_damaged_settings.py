"""A damaged settings file or an unreadable file in the last session never stops a launch: what is wrong is
dropped with a one-line message and defaults are used; File > Open keeps every good file of a batch."""
from __future__ import annotations

import json

from PySide6.QtCore import QSettings

from desktop.settings import Settings

PASTED = "The council approved the budget on Tuesday, the mayor said."


def damaged(path):
    s = QSettings(str(path), QSettings.IniFormat)
    s.setValue("session/articles", json.dumps([
        {"path": 5},  # wrong type
        {"text": PASTED, "outlet": 7, "title": ["x"], "compared": "maybe", "id": {"a": 1}},
        "not a dict",
        {"path": None, "text": None},
    ]))
    s.setValue("splitters/main", "[1e309, 5]")
    s.setValue("splitters/side", "[NaN, 3]")
    s.setValue("splitters/reading", '["a", -4]')
    s.setValue("view/font_pt", "1e309")
    s.setValue("view/theme", 42)
    s.setValue("view/categories", '{"loaded": "yes", "5": [1]}')
    s.setValue("files/recent", "[5, null, \"/tmp/a.txt\"]")
    s.setValue("files/last_dir", "[1, 2]")
    s.sync()
    return path


def test_every_reader_returns_valid_values_from_a_damaged_file(tmp_path):
    settings = Settings(QSettings(str(damaged(tmp_path / "slant.ini")), QSettings.IniFormat))
    for name in ("main", "side", "reading"):
        sizes = settings.splitter(name)
        assert all(isinstance(x, int) and 0 <= x < 100_000 for x in sizes), sizes
    assert settings.font_size() == 11
    assert settings.theme() == "auto"
    assert all(isinstance(v, bool) for v in settings.categories().values())
    assert settings.recent_files() == ["/tmp/a.txt"]
    session = settings.session()
    assert len(session) == 1  # only the pasted text survives; {"path": 5} and the empty item are dropped
    item = session[0]
    assert item["text"] == PASTED
    assert item.get("outlet") is None and item.get("title") is None and item.get("id") is None
    assert isinstance(item.get("compared", True), bool)
    problems = settings.take_problems()
    assert problems and "\n" not in problems and "settings" in problems.lower()
    assert settings.take_problems() is None  # reported once


def test_the_window_starts_on_damaged_settings_and_says_what_was_dropped(make_window, tmp_path):
    win = make_window(settings_file=damaged(tmp_path / "slant.ini"), seeds=False)
    assert win.restore_session() == 1
    entry = win.model.entries()[0]
    assert entry.article.text == PASTED and entry.article.outlet is None
    assert win.main_splitter.sizes() and all(s >= 0 for s in win.main_splitter.sizes())
    assert "settings" in win.message_bar.label.text().lower()


def test_a_file_of_the_last_session_that_fails_in_any_way_does_not_stop_the_launch(make_window, tmp_path,
                                                                                  monkeypatch):
    import desktop.session as mw

    good = tmp_path / "good.txt"
    good.write_text(PASTED, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xef\xbb\xbfok \xff\xfe")
    real = mw.read_article

    def flaky(path, **meta):
        if str(path).endswith("bad.txt"):
            raise UnicodeDecodeError("utf-8", b"\xff", 3, 4, "invalid start byte")
        return real(path, **meta)

    monkeypatch.setattr(mw, "read_article", flaky)
    ini = tmp_path / "slant.ini"
    s = QSettings(str(ini), QSettings.IniFormat)
    s.setValue("session/articles", json.dumps([{"path": str(bad)}, {"path": str(good)}]))
    s.sync()
    win = make_window(settings_file=ini, seeds=False)
    assert win.restore_session() == 1
    assert win.model.entries()[0].article.path == str(good)
    assert "bad.txt" in win.message_bar.label.text()


def test_open_keeps_the_good_files_of_a_batch_when_one_raises_anything(make_window, tmp_path, monkeypatch):
    import analysis.sources as mw

    paths = []
    for name in ("one.txt", "bad.txt", "two.txt"):
        p = tmp_path / name
        p.write_text(f"{name}: {PASTED}", encoding="utf-8")
        paths.append(str(p))
    real = mw.read_article

    def flaky(path, **meta):
        if str(path).endswith("bad.txt"):
            raise RuntimeError("something nobody expected")
        return real(path, **meta)

    monkeypatch.setattr(mw, "read_article", flaky)
    win = make_window(seeds=False)
    added, errors = win.open_files(paths)
    assert sorted(e.article.path for e in added) == sorted([paths[0], paths[2]])
    assert len(errors) == 1 and "bad.txt" in errors[0]
    assert "bad.txt" in win.message_bar.label.text()


KEYS = ("session/articles", "splitters/main", "splitters/side", "view/font_pt", "view/theme", "view/categories",
        "files/recent", "files/last_dir", "view/sync_scroll")


def test_fuzzed_settings_never_raise_and_always_give_valid_values(tmp_path):
    """Hypothesis: any JSON-ish or text value under any key; every reader returns its documented type."""
    from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

    scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20)
    json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                               | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=12)
    raw = st.one_of(json_values.map(lambda v: json.dumps(v)), st.text(max_size=40),
                    st.integers(-2**31, 2**31 - 1), st.binary(max_size=20))
    counter = {"n": 0}

    @hsettings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.dictionaries(st.sampled_from(KEYS), raw, max_size=len(KEYS)))
    def check(values):
        counter["n"] += 1
        q = QSettings(str(tmp_path / f"fuzz{counter['n'] % 7}.ini"), QSettings.IniFormat)
        q.clear()
        for k, v in values.items():
            q.setValue(k, v)
        s = Settings(q)
        assert all(isinstance(x, int) and 0 <= x for x in s.splitter("main") + s.splitter("side"))
        assert 7 <= s.font_size() <= 28
        assert isinstance(s.theme(), str) and s.theme() in ("auto", "light", "dark")
        assert all(isinstance(k, str) and isinstance(v, bool) for k, v in s.categories().items())
        assert all(isinstance(p, str) for p in s.recent_files())
        assert isinstance(s.last_directory(), str)
        assert isinstance(s.flag("sync_scroll"), bool)
        for item in s.session():
            assert isinstance(item.get("path") or item.get("text"), str)
            for k in ("outlet", "title", "date", "byline", "id", "text_id"):
                assert item.get(k) is None or isinstance(item[k], str)
            assert isinstance(item.get("compared", True), bool)
        s.take_problems()

    check()
    assert counter["n"] >= 300
