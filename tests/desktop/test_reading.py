"""The window's inputs: Open URL… (off the UI thread), Reopen with encoding…, undoable article details,
the encoding shown, web pages and Word files through File > Open."""
import http.server
import socket
import threading
from functools import partial
from pathlib import Path

import pytest
from helpers import settle

from desktop.models.article_model import DONE

PAGES = Path(__file__).resolve().parents[1] / "analysis" / "data" / "pages"
FRENCH = "Le café était fermé, a déclaré le maire. « Très bien », répondit l'élève.\n"


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(PAGES)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_open_url_fetches_off_the_ui_thread_and_adds_the_article(make_window, qtbot, server):
    win = make_window(seeds=False)
    url = f"{server}/semantic.html"
    with qtbot.waitSignal(win.reading.fetchFinished, timeout=30000) as sig:
        win.reading.fetch(url)
        assert win.status_label.text().startswith("Fetching")  # the window is not blocked meanwhile
    assert sig.args == [url, True]
    entry = win.model.entries()[0]
    assert entry.article.outlet == "Harbour Gazette" and entry.article.url == url and entry.article.fetched
    settle(qtbot, win)
    assert entry.analysis.url == url and entry.analysis.byline == "Maria Okafor"
    # the session keeps it (its text, URL and fetch time)
    win.save_session()
    item = win.settings.session()[0]
    assert item["url"] == url and item["fetched"] == entry.article.fetched and "Harbour" not in item.get("path", "")


def test_a_dead_port_is_one_message_and_the_window_goes_on(make_window, qtbot):
    win = make_window(seeds=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    with qtbot.waitSignal(win.reading.fetchFinished, timeout=30000) as sig:
        win.open_files([url])
    assert sig.args == [url, False]
    assert win.message_bar.isVisible()
    shown = win.message_bar.messages[-1]
    assert "Could not fetch" in shown and "save the page" in shown
    assert win.model.rowCount() == 0


def test_url_dialog_accepts_only_web_addresses(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.dialogs.url_dialog import UrlDialog

    dlg = UrlDialog("not an address")
    qtbot.addWidget(dlg)
    ok = dlg.buttons.button(QDialogButtonBox.Ok)
    assert not ok.isEnabled()
    dlg.edit.setText(" https://example.org/story ")
    assert ok.isEnabled() and dlg.url() == "https://example.org/story"


def test_reopen_with_encoding_rereads_the_file_and_keeps_its_details(make_window, qtbot, tmp_path):
    f = tmp_path / "mairie.txt"
    f.write_bytes(FRENCH.encode("cp1252"))
    win = make_window(seeds=False)
    (entry,), errors = win.open_files([str(f)])
    assert errors == []
    assert entry.article.text == FRENCH and entry.article.encoding == "cp1252"
    win.set_metadata(entry.key, outlet="Le Courrier")
    settle(qtbot, win)
    # the user says it is really Mac Roman (wrong, but their choice): the text is read again that way
    assert win.reading.reopen_with_encoding(entry.key, "mac_roman")
    e = win.model.entry(entry.key)
    assert e.article.text == FRENCH.encode("cp1252").decode("mac_roman")
    assert e.article.encoding == "mac_roman" and e.article.encoding_chosen and e.article.outlet == "Le Courrier"
    settle(qtbot, win)
    assert win.model.entry(entry.key).status == DONE
    assert win.model.entry(entry.key).analysis.text == e.article.text
    assert win.model.entry(entry.key).analysis.encoding == "mac_roman"
    # and back; an impossible choice is a message, nothing changes
    assert win.reading.reopen_with_encoding(entry.key, "cp1252")
    assert win.model.entry(entry.key).article.text == FRENCH
    assert not win.reading.reopen_with_encoding(entry.key, "utf-8")
    assert "not valid UTF-8" in win.message_bar.messages[-1]
    assert win.model.entry(entry.key).article.text == FRENCH


def test_encoding_dialog_previews_the_choice(qtbot):
    from desktop.dialogs.encoding_dialog import EncodingDialog

    dlg = EncodingDialog("mairie.txt", FRENCH.encode("cp1252"), "utf-8")
    qtbot.addWidget(dlg)
    idx = dlg.combo.findData("cp1252")
    dlg.combo.setCurrentIndex(idx)
    assert dlg.encoding() == "cp1252" and dlg.preview.toPlainText() == FRENCH
    dlg.combo.setEditText("klingon")
    assert "not a text encoding" in dlg.preview.toPlainText()


def test_details_edit_is_undoable_and_the_dialog_shows_the_encoding(make_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QLabel

    from desktop.dialogs.metadata_dialog import MetadataDialog

    f = tmp_path / "mairie.txt"
    f.write_bytes(FRENCH.encode("cp1252"))
    win = make_window(seeds=False)
    (entry,), _ = win.open_files([str(f)])
    settle(qtbot, win)
    dlg = MetadataDialog(entry.article, win)
    qtbot.addWidget(dlg)
    shown = " ".join(w.text() for w in dlg.findChildren(QLabel, "metaSource"))
    assert "Windows-1252" in shown and "detected" in shown
    assert set(dlg.edits) == {"outlet", "title", "date", "byline", "url"}
    win.reading.change_details(entry.key, {"outlet": "Le Courrier", "byline": "M. Dupont", "url": "https://x.example/a",
                                           "title": None, "date": None})
    e = win.model.entry(entry.key)
    assert (e.article.outlet, e.article.byline, e.analysis.byline, e.analysis.url) == (
        "Le Courrier", "M. Dupont", "M. Dupont", "https://x.example/a")
    win.actions_by_name["undo"].trigger()
    e = win.model.entry(entry.key)
    assert e.article.outlet is None and e.article.byline is None and e.analysis.byline is None
    win.actions_by_name["redo"].trigger()
    assert win.model.entry(entry.key).article.outlet == "Le Courrier"


def test_file_open_reads_web_pages_and_word_files(make_window, qtbot, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Officials said on Friday that the talks would resume next week.")
    d.core_properties.author = "Jane Doe"
    word = tmp_path / "story.docx"
    d.save(str(word))
    win = make_window(seeds=False)
    added, errors = win.open_files([str(PAGES / "divsoup.html"), str(word)])
    assert errors == [] and [e.article.outlet for e in added] == ["River Valley Courier", None]
    assert added[1].article.byline == "Jane Doe"
    settle(qtbot, win)
    assert all(e.status == DONE for e in win.model.entries())
    from desktop.main_window import FILE_FILTER

    for pattern in ("*.html", "*.htm", "*.docx", "*.txt", "*.md"):
        assert pattern in FILE_FILTER


def test_a_broken_file_in_the_last_session_is_a_message_and_the_rest_reopens(make_window, qtbot, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Officials said on Friday that the talks would resume.", encoding="utf-8")
    broken = tmp_path / "broken.txt"
    broken.write_text("Kishida said the summit went well.", encoding="utf-8")
    win = make_window(seeds=False)
    win.open_files([str(good), str(broken)])
    win.save_session()
    settings_file = tmp_path / "slant.ini"
    win.settings.sync()
    broken.write_bytes(b"\xef\xbb\xbfKishida said \xff the summit went well.")  # edited elsewhere
    again = make_window(seeds=False, settings_file=settings_file, cached=False)
    assert again.restore_session() == 1
    assert "broken.txt" in again.message_bar.messages[-1] and "not valid UTF-8" in again.message_bar.messages[-1]


def test_command_line_reading_options_reach_the_window(make_window, qtbot, tmp_path):
    from desktop.app import open_initial

    f = tmp_path / "latin.txt"
    f.write_bytes(FRENCH.encode("latin-1"))
    win = make_window(seeds=False)
    open_initial(win, [str(f)], win.settings, reading={"encoding": "latin-1", "meta_file": None, "outlet": "Le Courrier"})
    art = win.model.entries()[0].article
    assert art.text == FRENCH and art.encoding == "latin-1" and art.encoding_chosen and art.outlet == "Le Courrier"
