"""No lost work: comparison files in the window, undo of closing, pasted articles asking first, crash
recovery (in-process and with the real app killed by SIGKILL), the export message, damaged settings."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import save, settle

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
PASTED = ("Officials met in Geneva on Monday to discuss the ceasefire.\r\n"
          "The minister said the talks were “useful”, according to a statement. 日本語 😀\n")


def state(win) -> dict:
    """What a person would call the comparison: articles (text, details, origin), order, which are shown,
    and the view settings."""
    return {"articles": [(e.article, e.compared, e.pasted) for e in win.model.entries()],
            "categories": win.legend_model.enabled(), "font": win.font_pt,
            "furniture": win.actions_by_name["collapse"].isChecked(),
            "sync": win.actions_by_name["sync"].isChecked(), "tab": win.tabs.currentIndex()}


def dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def settings_at(path: Path):
    from desktop.settings import Settings

    return Settings(QSettings(str(path), QSettings.IniFormat))


def click_when_shown(label: str) -> None:
    """Answer the next modal dialog by clicking its button ``label`` (the event loop runs inside exec)."""
    def answer() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, answer)
            return
        next(b for b in box.buttons() if b.text().replace("&", "") == label).click()
    QTimer.singleShot(0, answer)


# ============================================================================ comparison files
def test_a_comparison_with_six_articles_round_trips_in_the_window(make_window, qtbot, tmp_path):
    win = make_window()
    win.add_pasted(PASTED, outlet="Geneva Daily", title="Talks", date="2 May")
    settle(qtbot, win)
    keys = [e.key for e in win.model.entries()]
    assert len(keys) == 6
    win.model.move(keys[5], 0)  # the pasted article first
    win.model.set_compared(keys[2], False)  # one hidden
    win.set_metadata(keys[1], outlet="Breitbart (edited)", byline="Someone Else")
    first_cat = win.legend_model.keys()[0]
    win.legend_model.set_enabled(first_cat, False)
    win.set_font_size(14)
    win.actions_by_name["collapse"].setChecked(True)
    path = tmp_path / "kishida story.slant"
    assert win.comparisons.write_to(str(path))
    qtbot.waitUntil(lambda: win.windowTitle().startswith("kishida story.slant"), timeout=30000)
    assert not win.isWindowModified()

    other = make_window(seeds=False)
    assert other.comparisons.open_path(str(path))
    settle(qtbot, other)
    assert state(other) == state(win)
    assert [p.entry.label for p in other.ordered_panes()] == [p.entry.label for p in win.ordered_panes()]
    # results are not read from the file: the unchanged seeds come from the cache, the rest is analysed again
    by_outlet = {e.article.outlet: e for e in other.model.entries()}
    assert by_outlet["Kyodo News"].from_cache and by_outlet["Kyodo News"].analysis is not None
    assert by_outlet["Geneva Daily"].analysis is not None
    assert other.windowTitle().startswith("kishida story.slant") and not other.isWindowModified()

    other.set_font_size(15)  # a change since it was opened
    qtbot.waitUntil(other.isWindowModified, timeout=3000)


def test_a_comparison_from_another_machine_keeps_its_texts(make_window, qtbot, tmp_path):
    win = make_window()
    settle(qtbot, win)
    path = tmp_path / "elsewhere.slant"
    assert win.comparisons.write_to(str(path))
    raw = json.loads(path.read_text(encoding="utf-8"))
    for a in raw["articles"]:
        a["path"] = "/home/someone-else/news/" + a["file"]  # no such files here
    path.write_text(json.dumps(raw), encoding="utf-8")

    ini = tmp_path / "machine2.ini"
    other = make_window(seeds=False, settings_file=ini)
    assert other.comparisons.open_path(str(path))
    settle(qtbot, other)
    assert [e.label for e in other.model.entries()] == [e.label for e in win.model.entries()]
    assert all(e.pasted for e in other.model.entries())  # the texts live in Slant now, not in files here
    other.save_session()
    again = make_window(seeds=False, settings_file=ini)
    assert again.restore_session() == 5
    assert [e.article.text for e in again.model.entries()] == [e.article.text for e in win.model.entries()]


def test_a_slant_file_given_as_a_file_opens_the_comparison(make_window, qtbot, tmp_path):
    win = make_window()
    settle(qtbot, win)
    path = tmp_path / "story.slant"
    assert win.comparisons.write_to(str(path))
    other = make_window(seeds=False)
    other.open_files([str(path)])  # `slant story.slant`, File > Open or a drop
    assert [e.article for e in other.model.entries()] == [e.article for e in win.model.entries()]
    assert other.comparisons.path == str(path)


def test_a_damaged_comparison_file_gives_a_message_and_changes_nothing(make_window, qtbot, tmp_path):
    win = make_window()
    before = [e.key for e in win.model.entries()]
    for name, content in (("garbage.slant", b"\x00\x01PK\x03\x04 not json"),
                          ("half.slant", b'{"format": "slant.comparison", "version": 1, "articles": [{"te'),
                          ("future.slant", json.dumps({"format": "slant.comparison", "version": 9,
                                                       "articles": []}).encode())):
        (tmp_path / name).write_bytes(content)
        assert not win.comparisons.open_path(str(tmp_path / name))
        assert win.message_bar.isVisible()
        assert "Could not open the comparison" in win.message_bar.label.text()
        assert [e.key for e in win.model.entries()] == before
    assert "Update Slant" in win.message_bar.label.text()


def test_saving_where_it_cannot_go_says_why_and_changes_nothing(seeds_window, tmp_path):
    win = seeds_window
    article = win.model.entries()[0].article
    before = Path(article.path).read_bytes()
    for target, words in ((article.path, "one of the input articles"), (str(tmp_path), "is a folder"),
                          (str(tmp_path / "missing" / "c.slant"), "does not exist")):
        assert not win.comparisons.write_to(target)
        assert words in win.message_bar.label.text()
    assert Path(article.path).read_bytes() == before and win.comparisons.path is None


def test_opening_a_comparison_over_unsaved_pasted_text_asks_first(make_window, qtbot, tmp_path):
    win = make_window()
    settle(qtbot, win)
    path = tmp_path / "c.slant"
    assert win.comparisons.write_to(str(path))
    fresh = make_window(seeds=False)
    fresh.add_pasted(PASTED, outlet="Typed")
    answers = []
    fresh.comparisons.ask_unsaved = lambda: answers.append(1) or "cancel"
    assert not fresh.comparisons.open_path(str(path))
    assert answers and [e.article.outlet for e in fresh.model.entries()] == ["Typed"]


# ============================================================================ undo, pasted articles
def test_undo_brings_back_a_closed_article_with_its_analysis(seeds_window, qtbot):
    win = seeds_window
    entry = win.model.entries()[1]
    analysis = entry.analysis
    win.close_article(entry.key)
    assert win.model.entry(entry.key) is None and entry.key not in win.panes
    assert win.actions_by_name["undo"].isEnabled()
    win.panes[win.model.entries()[0].key].view.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Z, Qt.ControlModifier)  # Ctrl+Z
    qtbot.waitUntil(lambda: entry.key in win.panes, timeout=30000)
    assert win.model.entries()[1] is entry and entry.analysis is analysis  # same place, not analysed again
    assert [p.entry.key for p in win.ordered_panes()][1] == entry.key
    win.actions_by_name["redo"].trigger()
    assert win.model.entry(entry.key) is None


def test_a_pasted_article_asks_before_it_is_closed(make_window, qtbot):
    win = make_window(seeds=False)
    entry = win.add_pasted(PASTED, outlet="Typed by hand")
    click_when_shown("Keep it")
    assert not win.close_article(entry.key)
    assert win.model.entry(entry.key) is entry
    click_when_shown("Close article")
    assert win.close_article(entry.key)
    assert win.model.rowCount() == 0
    win.actions_by_name["undo"].trigger()
    assert win.model.entry(entry.key) is entry and entry.article.text == PASTED


def test_a_file_article_closes_without_asking(seeds_window):
    win = seeds_window
    win.library.ask_discard = lambda _e: pytest.fail("a file's article asked before closing")
    assert win.close_article(win.model.entries()[0].key)


# ============================================================================ crash recovery (in-process)
def crashed_settings(make_window, qtbot, ini: Path, comparison: Path | None = None):
    """A window that pastes an article and saves its session, then 'dies': its marker stays behind with
    a process id that no longer runs."""
    win = make_window(settings_file=ini)
    win.session.begin()
    settle(qtbot, win)
    if comparison is not None:
        assert win.comparisons.write_to(str(comparison))
    win.add_pasted(PASTED, outlet="Typed by hand")
    win.save_session()
    s = settings_at(ini)
    s.set_running_marker({"pid": dead_pid()})
    s.sync()
    return win


def test_after_a_crash_the_next_start_says_what_it_restored(make_window, qtbot, tmp_path):
    ini = tmp_path / "crash.ini"
    crashed_settings(make_window, qtbot, ini)
    win = make_window(seeds=False, settings_file=ini)
    win.session.open_initial([])
    assert win.model.rowCount() == 6
    assert any(e.pasted and e.article.text == PASTED for e in win.model.entries())
    text = win.message_bar.label.text()
    assert "Slant did not close normally last time; restored 6 articles, including 1 pasted." in text
    qtbot.waitUntil(lambda: win.message_bar.height() > 20, timeout=30000)
    save(win.message_bar.grab().toImage(), "message-bar-crash-restore")
    save(win.grab().toImage(), "window-crash-restore")
    # a normal close clears the marker: the next start is quiet
    win.close()
    quiet = make_window(seeds=False, settings_file=ini)
    quiet.session.open_initial([])
    assert quiet.model.rowCount() == 6 and not quiet.message_bar.isVisible()


def test_unsaved_changes_to_a_named_comparison_are_offered_back(make_window, qtbot, tmp_path):
    ini = tmp_path / "crash.ini"
    saved = tmp_path / "lesson.slant"
    crashed_settings(make_window, qtbot, ini, comparison=saved)
    win = make_window(seeds=False, settings_file=ini)
    win.session.open_initial([])
    assert win.model.rowCount() == 6 and win.comparisons.path == str(saved)
    assert "unsaved changes to “lesson.slant” are back" in win.message_bar.label.text()
    assert win.message_bar.button("Save") and win.message_bar.button("Save as…")
    qtbot.waitUntil(win.isWindowModified, timeout=30000)
    save(win.message_bar.grab().toImage(), "message-bar-unsaved-comparison")
    win.message_bar.button("Open saved version").click()  # the user's choice: the file as saved
    assert win.model.rowCount() == 5 and not win.isWindowModified()


def test_after_a_crash_files_given_do_not_swallow_the_crashed_session(make_window, qtbot, tmp_path):
    ini = tmp_path / "crash.ini"
    crashed_settings(make_window, qtbot, ini)
    win = make_window(seeds=False, settings_file=ini)
    one = sorted((ROOT / "seeds").glob("002_*.txt"))[0]
    win.session.open_initial([str(one)])
    assert win.model.rowCount() == 1
    assert "were not opened because files were given" in win.message_bar.label.text()
    win.message_bar.button("Restore them").click()
    assert win.model.rowCount() == 6  # the given file is not added twice
    assert any(e.article.text == PASTED for e in win.model.entries())
    assert settings_at(ini).recovered_session() == []


# ============================================================================ the real app, killed
DRIVER = ROOT / "tests" / "desktop" / "crash_driver.py"


def run_driver(mode: str, env: dict, timeout: int = 180) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(DRIVER), mode], env=env, cwd=str(ROOT), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def test_killing_the_app_after_pasting_loses_nothing(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               SLANT_SETTINGS_DIR=str(tmp_path / "settings"), SLANT_CACHE_DIR=str(tmp_path / "cache"))
    first = run_driver("paste", env)
    try:
        line = first.stdout.readline()  # READY once the pasted article's session is on disk
        assert line.strip() == "READY", first.stderr.read() if first.poll() is not None else line
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    finally:
        try:
            os.killpg(first.pid, signal.SIGKILL)  # the analysis process it started, if still there
        except ProcessLookupError:
            pass
    second = run_driver("report", env)
    try:
        out, err = second.communicate(timeout=180)
    finally:
        try:
            os.killpg(second.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert second.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    texts = [a["text"] for a in report["articles"]]
    assert len(texts) == 6 and any("typed in by hand" in t for t in texts)
    pasted = [a for a in report["articles"] if a["pasted"]]
    assert [a["outlet"] for a in pasted] == ["Typed by hand"]
    assert "Slant did not close normally last time; restored 6 articles, including 1 pasted." in report["messages"]


# ============================================================================ after an export
class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def test_after_an_export_the_window_says_where_the_file_went(seeds_window, qtbot, tmp_path, monkeypatch):
    from desktop.export_dialog import ExportDialog

    win = seeds_window
    target = tmp_path / "out" / "sheet.html"
    target.parent.mkdir()

    def run(dlg):  # what a person does in the dialog: choose HTML and a path, press Export
        dlg.set_format("html")
        dlg.path_edit.setText(str(target))
        with qtbot.waitSignal(dlg.exported, timeout=60000):
            dlg.start()
        return dlg.result()

    monkeypatch.setattr(ExportDialog, "exec", run)
    win.export_dialog()
    assert target.exists()
    assert f"Exported the comparison to {target}" in win.message_bar.label.text()
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "handle")
    try:
        win.message_bar.button("Open").click()
        win.message_bar.button("Show in folder").click()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [u.toLocalFile() for u in catcher.urls] == [str(target), str(target.parent)]
    qtbot.waitUntil(lambda: win.message_bar.height() > 20, timeout=30000)
    save(win.message_bar.grab().toImage(), "message-bar-export")


# ============================================================================ damaged settings
def test_damaged_settings_give_messages_not_tracebacks(make_window, qtbot, tmp_path):
    ini = tmp_path / "damaged.ini"
    ini.write_bytes(b"[session]\narticles=\"[{\\\"path\\\": 5}, {\\\"text\\\": 7}, 3, {\\\"path\\\": \\\"/no/such.txt\\\"}]\"\n"
                    b"running=\"{\\\"pid\\\": \\\"x\\\"}\"\ncomparison=\"[[[\"\nrecovered=\"{}\"\n"
                    b"[view]\nfont_pt=huge\ncategories=\"not json\"\n\xff\xfe\x00garbage=\x01\n")
    win = make_window(seeds=False, settings_file=ini)
    win.session.open_initial([])
    assert win.model.rowCount() == 0
    text = win.message_bar.label.text()
    assert "Could not reopen an article from the last session" in text and "such.txt" in text


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

FUZZ_EXAMPLES = int(os.environ.get("SLANT_FUZZ_EXAMPLES", "200"))
KEYS = ["session/articles", "session/running", "session/comparison", "session/recovered", "view/font_pt",
        "view/categories", "view/theme", "view/sync_scroll", "files/recent", "files/last_dir", "splitters/main",
        "window/geometry"]
json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(
        ["path", "text", "id", "text_id", "outlet", "shown", "compared", "pid", "fingerprint", "x"]), inner,
        max_size=4)), max_leaves=8)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=300), values=st.dictionaries(st.sampled_from(KEYS), json_value, max_size=6))
def test_fuzz_the_settings_loader(tmp_path_factory, raw, values):
    """Whatever the settings file holds (random bytes, or valid INI with wrong JSON inside), reading every
    setting and every session entry gives values or SourceError sentences, never another exception."""
    from analysis.sources import SourceError
    from desktop.session import article_from_item

    folder = tmp_path_factory.mktemp("fuzz")
    ini = folder / "slant.ini"
    writer = settings_at(ini)
    for k, v in values.items():
        writer._s.setValue(k, json.dumps(v))
    writer.sync()
    with open(ini, "ab") as f:
        f.write(raw)  # and damage the file after it
    s = settings_at(ini)
    for read in (s.geometry, s.window_state, s.font_size, s.theme, s.categories, s.recent_files, s.last_directory,
                 s.session, s.running_marker, s.session_comparison, s.recovered_session, s.has_session):
        read()
    s.splitter("main")
    s.flag("sync_scroll")
    for item in s.session() + s.recovered_session():
        try:
            article_from_item(item)
        except SourceError:
            pass


# ============================================================================ text typed into the paste dialog
def test_text_typed_into_the_paste_dialog_survives_a_crash(make_window, qtbot, tmp_path):
    from desktop.dialogs.paste_dialog import PasteDialog

    typed = PASTED.replace("\r\n", "\n")  # a text box keeps lines, not line-end characters
    ini = tmp_path / "draft.ini"
    win = make_window(seeds=False, settings_file=ini)
    seen = {}

    def type_then_look() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, PasteDialog):
            QTimer.singleShot(20, type_then_look)
            return
        try:
            dlg.outlet.setText("Typed Times")
            dlg.text.setPlainText(typed)
            # while the dialog is still open the text is already in the settings file
            qtbot.waitUntil(lambda: settings_at(ini).paste_draft().get("text") == typed, timeout=5000)
            seen["draft"] = settings_at(ini).paste_draft()
            # the app dies here: keep a copy of the settings file as it is at this moment
            (tmp_path / "at-crash.ini").write_bytes(ini.read_bytes())
        finally:
            dlg.reject()

    QTimer.singleShot(0, type_then_look)
    assert win.library.paste_dialog("") is None
    assert seen["draft"]["outlet"] == "Typed Times"
    assert settings_at(ini).paste_draft() == {}  # closed normally: forgotten

    crashed = tmp_path / "at-crash.ini"
    s = settings_at(crashed)
    s.set_running_marker({"pid": dead_pid()})
    s.sync()
    after = make_window(seeds=False, settings_file=crashed)
    after.session.open_initial([])
    assert "Text you were pasting when Slant stopped" in after.message_bar.label.text()

    def accept() -> None:
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, PasteDialog):
            QTimer.singleShot(20, accept)
            return
        seen["offered"] = dlg.values()
        dlg.accept()

    QTimer.singleShot(0, accept)
    after.message_bar.button("Paste it now").click()
    assert seen["offered"]["text"] == typed and seen["offered"]["outlet"] == "Typed Times"
    assert (typed, "Typed Times") in [(e.article.text, e.article.outlet) for e in after.model.entries()]
    assert settings_at(crashed).paste_draft() == {}
