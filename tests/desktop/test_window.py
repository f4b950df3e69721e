"""The main window as a person uses it: seeds in panes, click a highlight, legend, add/close articles,
errors, cancel."""
from __future__ import annotations


import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop import highlight as hl
from desktop.models.article_model import CANCELLED, DONE, FAILED

from helpers import GatedEngine, count_near, save, settle, span_point, span_rect

ARTICLE = ("Officials met in Geneva on Monday to discuss the ceasefire.\n"
           "The minister said the talks were useful, according to a statement.\n")


def labels(win) -> list[str]:
    return [p.entry.label for p in win.ordered_panes()]


def dictator(win):
    pane = win.pane_by_label("Breitbart")
    assert pane is not None
    spans = [s for s in pane.findings() if s.category == hl.LOADED
             and pane.analysis.text[s.start:s.end].lower() == "dictator"]
    assert spans, "the loaded-terms lexicon should flag 'dictator' in the Breitbart article"
    return pane, spans[0]


def test_seeds_open_in_panes(seeds_window):
    win = seeds_window
    assert labels(win) == ["JAPAN Forward", "Breitbart News", "Aggregator (rewrite of a Kyodo report)",
                           "Kyodo News", "Voice of America (Reuters)"]
    for pane in win.ordered_panes():
        assert pane.entry.status == DONE
        raw = pane.view.document().toRawText().replace("\u2029", "\n")
        assert raw == pane.analysis.text  # the whole text, boilerplate included, offsets 1:1
        assert pane.header.badges["loaded"].isVisible()
        assert pane.header.badges["loaded"].text().startswith("loaded ")
    assert win.model.rowCount() == 5
    assert win.tabs.count() == 2


def test_click_on_dictator_explains_it(seeds_window, qtbot):
    win = seeds_window
    pane, span = dictator(win)
    with qtbot.waitSignal(win.spanShown, timeout=5000) as sig:
        qtbot.mouseClick(pane.view.viewport(), Qt.LeftButton, pos=span_point(pane, span.start, span.end))
    key, shown = sig.args
    assert key == pane.key and shown.category == hl.LOADED
    text = win.detail.toPlainText()
    assert "“dictator”" in text and "Breitbart" in text
    assert span.payload.why.split()[0] in text  # the lexicon's plain-words reason
    assert span.payload.rule in text  # which entry fired
    for alt in span.payload.alternatives:
        assert alt in text
    assert "How the other outlets handle it" in text
    save(win.grab(), "window_detail_dictator")


def test_keyboard_tab_reaches_a_highlight(seeds_window, qtbot):
    win = seeds_window
    pane, span = dictator(win)
    win.actions_by_name["next_pane"].trigger()  # F6: keyboard focus into the first article
    assert win.ordered_panes()[0].view.hasFocus()
    pane.view.setFocus()
    pane.select_range(0, 0)
    with qtbot.waitSignal(win.spanShown, timeout=5000) as sig:
        qtbot.keyClick(pane.view, Qt.Key_Tab)
    first = sig.args[1]
    assert first == pane.findings()[0]
    with qtbot.waitSignal(win.spanShown, timeout=5000) as sig:
        qtbot.keyClick(pane.view, Qt.Key_Tab)
    assert sig.args[1].start >= first.start and sig.args[1] != first
    with qtbot.waitSignal(win.spanShown, timeout=5000) as sig:
        qtbot.keyClick(pane.view, Qt.Key_Backtab)
    assert sig.args[1] == first
    assert "“" in win.detail.toPlainText()
    # Tab reaches "dictator" eventually and explains it.
    for _ in range(len(pane.findings())):
        if pane.current == span:
            break
        qtbot.keyClick(pane.view, Qt.Key_Tab)
    assert pane.current == span and "dictator" in win.detail.toPlainText()
    qtbot.keyClick(pane.view, Qt.Key_Escape)
    assert "The story at a glance" in win.detail.toPlainText()
    # Past the last finding, Tab leaves the article (keyboard users are never trapped).
    pane.select_span(pane.findings()[-1])
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key_Tab)
    assert not pane.view.hasFocus()


def test_legend_toggle_removes_highlights_on_screen(seeds_window, qtbot):
    win = seeds_window
    pane, span = dictator(win)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    rect = span_rect(pane, span.start, span.end).adjusted(-2, -2, 2, 4)
    colour = hl.style(hl.LOADED).light  # the underline colour
    before = pane.view.viewport().grab().toImage()
    save(before, "legend_on")
    assert count_near(before, rect, colour) > 5

    box = win.legend.boxes[hl.LOADED]
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not win.legend_model.is_enabled(hl.LOADED)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    rect = span_rect(pane, span.start, span.end).adjusted(-2, -2, 2, 4)  # unbolded: the lines may reflow
    after = pane.view.viewport().grab().toImage()
    save(after, "legend_off")
    assert count_near(after, rect, colour) == 0
    # Other categories stay: a hedge elsewhere in the same pane is still painted.
    assert win.legend_model.is_enabled(hl.HEDGE)

    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))
    assert win.legend_model.is_enabled(hl.LOADED)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    rect = span_rect(pane, span.start, span.end).adjusted(-2, -2, 2, 4)
    again = pane.view.viewport().grab().toImage()
    save(again, "legend_on_again")
    assert count_near(again, rect, colour) > 5
    assert win.settings.categories()[hl.LOADED] is True


def test_open_file_from_menu_adds_a_pane(seeds_window, qtbot, tmp_path, monkeypatch):
    win = seeds_window
    path = tmp_path / "geneva.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(path)], "")))
    win.actions_by_name["open"].trigger()
    assert len(win.ordered_panes()) == 6
    qtbot.waitUntil(lambda: win.model.entries()[-1].status == DONE, timeout=60000)
    assert win.ordered_panes()[-1].view.document().toRawText().replace("\u2029", "\n") == ARTICLE
    assert str(path.resolve()) in win.settings.recent_files()


def _answer_paste_dialog(qtbot, expected_text: str, outlet: str, seen: dict):
    def answer():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, answer)
            return
        seen["text"] = dlg.text.toPlainText()
        dlg.outlet.setText(outlet)
        dlg.buttons.button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(0, answer)


def test_ctrl_v_opens_prefilled_paste_dialog_and_adds_a_pane(seeds_window, qtbot):
    win = seeds_window
    QGuiApplication.clipboard().setText(ARTICLE)
    pane = win.ordered_panes()[0]
    pane.view.setFocus()  # read-only text: Ctrl+V means "new article from the clipboard"
    seen: dict = {}
    _answer_paste_dialog(qtbot, ARTICLE, "Geneva Daily", seen)
    qtbot.keyClick(pane.view, Qt.Key_V, Qt.ControlModifier)
    assert seen["text"] == ARTICLE
    assert labels(win)[-1] == "Geneva Daily"
    qtbot.waitUntil(lambda: win.model.entries()[-1].status == DONE, timeout=60000)


def test_ctrl_v_in_a_text_field_pastes_there(seeds_window, qtbot):
    win = seeds_window
    QGuiApplication.clipboard().setText("Kishida")
    win.find_bar.open_bar()
    qtbot.keyClick(win.find_bar.edit, Qt.Key_V, Qt.ControlModifier)
    assert win.find_bar.edit.text() == "Kishida"
    assert win.model.rowCount() == 5  # no new article
    assert "match" in win.find_bar.count.text()


def test_dropping_a_file_adds_a_pane(seeds_window, qtbot, tmp_path):
    win = seeds_window
    path = tmp_path / "dropped.md"
    path.write_text(ARTICLE, encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(QPoint(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()  # the window takes files
    drop = QDropEvent(QPointF(300, 300), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(win, drop)
    assert len(win.ordered_panes()) == 6
    assert win.model.entries()[-1].article.path == str(path)


def test_closing_a_pane(seeds_window, qtbot):
    win = seeds_window
    pane = win.pane_by_label("Kyodo News")
    qtbot.mouseClick(pane.header.close_button, Qt.LeftButton)
    assert "Kyodo News" not in labels(win)
    assert len(win.ordered_panes()) == 4 and win.model.rowCount() == 4


def test_hiding_and_reordering_panes(seeds_window, qtbot):
    win = seeds_window
    pane = win.pane_by_label("Kyodo News")
    pane.header.actions["hide"].trigger()
    assert "Kyodo News" not in labels(win) and win.model.rowCount() == 5  # still in the library
    win.model.set_compared(pane.key, True)
    assert "Kyodo News" in labels(win)
    bb = win.pane_by_label("Breitbart")
    bb.header.actions["left"].trigger()
    assert labels(win)[0] == "Breitbart News"


def test_failed_file_read_shows_error_and_keeps_the_rest(seeds_window, qtbot, tmp_path):
    win = seeds_window
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x00binary")
    missing = tmp_path / "nowhere.txt"
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    added, errors = win.open_files([str(binary), str(missing), str(good)])
    assert len(errors) == 2 and len(added) == 1
    assert win.message_bar.isVisible()
    shown = win.message_bar.label.text()
    assert "photo.txt" in shown and "nowhere.txt" in shown
    assert win.isVisible()
    assert len(win.ordered_panes()) == 6  # the five seeds and the good file
    save(win.grab(), "window_error")


def test_a_single_error_message_shows_its_apostrophes_not_escapes(seeds_window):
    from PySide6.QtGui import QTextDocument

    bar = seeds_window.message_bar
    bar.show_message("bin.txt looks like a binary file, not text. Paste the article's text.")
    doc = QTextDocument()
    doc.setHtml(bar.label.text())
    assert bar.label.textFormat() == Qt.RichText  # the escaped text is rendered, not shown raw
    assert doc.toPlainText() == "bin.txt looks like a binary file, not text. Paste the article's text."
    bar.dismiss()


def test_analysis_error_is_shown_and_other_articles_stay(make_window, qtbot):
    engine = GatedEngine(fail_on="Breitbart")
    win = make_window(engine=engine, cached=False)
    settle(qtbot, win, timeout=120000)
    bb = win.pane_by_label("Breitbart")
    assert bb.entry.status == FAILED
    assert "broke on purpose" in win.message_bar.label.text()
    assert all(p.entry.status == DONE for p in win.ordered_panes() if p is not bb)
    assert bb.header.status.isVisible() and "failed" in bb.header.status.text()


def test_cancel_stops_a_running_analysis(make_window, qtbot):
    engine = GatedEngine()
    engine.gate.clear()  # the first article waits at the gate
    win = make_window(engine=engine, cached=False)
    qtbot.waitUntil(engine.entered.is_set, timeout=30000)
    assert win.manager.is_busy() and win.cancel_button.isVisible()
    with qtbot.waitSignal(win.manager.runFinished, timeout=60000) as sig:
        qtbot.mouseClick(win.cancel_button, Qt.LeftButton)
        engine.gate.set()  # the article being analysed finishes; nothing after it starts
    assert sig.args == [True]
    assert len(engine.analysed) <= 1
    statuses = [e.status for e in win.model.entries()]
    assert statuses.count(CANCELLED) >= 4
    assert "cancelled" in win.status_label.text().lower()
    # Analyse again resumes the rest.
    win.actions_by_name["reanalyse"].trigger()
    settle(qtbot, win, timeout=120000)
    assert all(e.status == DONE for e in win.model.entries())


def test_new_input_cancels_stale_run(make_window, qtbot, tmp_path):
    engine = GatedEngine()
    engine.gate.clear()
    win = make_window(engine=engine, cached=False)
    qtbot.waitUntil(engine.entered.is_set, timeout=30000)
    first_gen = win.manager.generation
    win.add_pasted(ARTICLE, outlet="Geneva Daily")
    engine.gate.set()
    settle(qtbot, win, timeout=120000)
    assert win.manager.generation > first_gen
    assert all(e.status == DONE for e in win.model.entries())
    # Every article was analysed once: the stale run stopped after its current article.
    assert len(engine.analysed) == len(set(engine.analysed)) == 6


def test_editing_metadata_updates_the_view(seeds_window, qtbot):
    win = seeds_window
    pane = win.pane_by_label("Kyodo News")
    win.set_metadata(pane.key, outlet="Kyodo (English)", title="Kishida leaves for NATO", date="2024-07-10")
    assert pane.header.outlet.full_text() == "Kyodo (English)"
    assert pane.header.title.text() == "Kishida leaves for NATO"
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    assert pane.analysis.outlet == "Kyodo (English)"
    # The comparison (dashboard, overview) is redone with the new name.
    settle(qtbot, win)
    assert any("Kyodo (English)" in ident for ident in win._comparison_for)
    row = win.model.row_of(pane.key)
    assert win.model.data(win.model.index(row)).startswith("Kyodo (English)")


def test_selecting_a_sentence_marks_its_counterparts(seeds_window, qtbot):
    win = seeds_window
    ids = {p.analysis.id: p for p in win.ordered_panes()}
    aligned = next((a for a in win.comparison.alignment
                    if a.article in ids and any(v is not None for v in a.counterparts.values())), None)
    if aligned is None:
        pytest.skip("the comparison found no aligned sentences")
    src = ids[aligned.article]
    s = src.analysis.sentences[aligned.sentence]
    qtbot.mouseClick(src.view.viewport(), Qt.LeftButton, pos=span_point(src, s.start, min(s.end, s.start + 3)))
    assert src._extra.get("aligned")
    for aid, idx in aligned.counterparts.items():
        if aid in ids and idx is not None:
            assert ids[aid]._extra.get("aligned"), f"counterpart in {ids[aid].entry.label} not marked"
    assert "closest sentence" in win.detail.toPlainText().lower()


def test_find_across_panes_and_text_size(seeds_window, qtbot):
    win = seeds_window
    n = win.find_all("Kishida")
    assert n > 10
    assert len({k for k, _ in win._find_hits}) == 5
    pt = win.font_pt
    win.actions_by_name["zoom_in"].trigger()
    assert win.font_pt == pt + 1
    assert win.ordered_panes()[0].view.font().pointSizeF() == pt + 1


def test_session_is_restored(make_window, qtbot, tmp_path):
    ini = tmp_path / "session.ini"
    win = make_window(settings_file=ini)
    settle(qtbot, win)
    kyodo = win.pane_by_label("Kyodo News")
    win.model.set_compared(kyodo.key, False)
    win.add_pasted(ARTICLE, outlet="Geneva Daily")
    win.close()
    again = make_window(settings_file=ini, seeds=False)
    assert again.restore_session() == 6
    entries = again.model.entries()
    assert [e.label for e in entries][-1] == "Geneva Daily"
    assert not next(e for e in entries if e.label == "Kyodo News").compared
    assert [e.article.id for e in entries][:5] == ["000", "001", "002", "003", "004"]
    settle(qtbot, again)


def test_dashboard_tab_receives_results(seeds_window, qtbot):
    win = seeds_window
    win.show_dashboard()
    assert win.tabs.currentIndex() == 1
    if win.dashboard is None:
        pytest.skip("dashboard module not available")
    assert not win.dashboard.is_empty()
    pane = win.pane_by_label("Kyodo")
    win.dashboard.jumpRequested.emit(pane.analysis.id, 0, 5)
    assert win.tabs.currentIndex() == 0
    assert pane.view.textCursor().selectionStart() == 0


def test_page_furniture_collapses_but_stays_in_the_text(seeds_window, qtbot):
    win = seeds_window
    pane = win.pane_by_label("Voice of America")
    assert pane.analysis.boilerplate
    before = pane.view.document().toRawText()
    win.actions_by_name["collapse"].setChecked(True)
    assert pane.hidden_blocks > 0
    doc = pane.view.document()
    first = pane.analysis.boilerplate[0]
    assert not doc.findBlock(pane.view.offsets.to_qt(first.start)).isVisible()
    assert doc.toRawText() == before  # hidden, never removed
    assert win.settings.flag("collapse_boilerplate") is True
    win.actions_by_name["collapse"].setChecked(False)
    assert pane.hidden_blocks == 0


def test_scroll_together_follows_aligned_content(seeds_window, qtbot):
    win = seeds_window
    panes = {p.analysis.id: p for p in win.ordered_panes()}
    pair = next(((a, aid, idx) for a in win.comparison.alignment if a.article in panes and a.sentence > 3
                 for aid, idx in a.counterparts.items() if idx is not None and aid in panes), None)
    if pair is None:
        pytest.skip("no aligned sentences to scroll by")
    aligned, other_id, other_idx = pair
    src, dst = panes[aligned.article], panes[other_id]
    win.actions_by_name["sync"].setChecked(True)
    s = src.analysis.sentences[aligned.sentence]
    src.scroll_to(s.start, 0.0)
    qtbot.waitUntil(lambda: not win._sync_timer.isActive(), timeout=30000)
    target = dst.analysis.sentences[other_idx]
    # The counterpart now sits level with the sentence at the top of the source pane.
    assert abs(dst.y_of(target.start) - src.y_of(s.start)) <= dst.view.fontMetrics().lineSpacing() * 2 or \
        dst.view.verticalScrollBar().value() in (0, dst.view.verticalScrollBar().maximum())


def test_metadata_dialog_edits_the_article(seeds_window, qtbot):
    win = seeds_window
    pane = win.pane_by_label("Kyodo News")

    def answer():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, answer)
            return
        assert dlg.edits["outlet"].text() == "Kyodo News"
        dlg.edits["date"].setText("10 July 2024")
        dlg.accept()

    QTimer.singleShot(0, answer)
    pane.header.actions["edit"].trigger()
    assert pane.header.date.full_text() == "10 July 2024"
    assert win.model.entry(pane.key).article.date == "10 July 2024"


def test_library_drag_reorders_the_panes(seeds_window, qtbot):
    win = seeds_window
    model = win.model
    last = model.entries()[-1]
    mime = model.mimeData([model.index(model.rowCount() - 1)])
    model.dropMimeData(mime, Qt.MoveAction, 0, 0, model.index(-1))
    assert model.entries()[0] is last
    assert labels(win)[0] == last.label
    rows = [model.data(model.index(i)) for i in range(model.rowCount())]
    assert rows[0].startswith(last.label)


def test_layout_and_preferences_persist(make_window, qtbot, tmp_path):
    ini = tmp_path / "layout.ini"
    win = make_window(settings_file=ini)
    settle(qtbot, win)
    win.main_splitter.setSizes([330, 1170])
    win.set_font_size(14)
    win.legend_model.set_enabled(hl.HEDGE, False)
    win.actions_by_name["sync"].setChecked(True)
    sizes = win.main_splitter.sizes()
    win.close()
    again = make_window(settings_file=ini, seeds=False)
    assert again.main_splitter.sizes() == sizes
    assert again.font_pt == 14
    assert not again.legend_model.is_enabled(hl.HEDGE)
    assert again.actions_by_name["sync"].isChecked()


def test_at_most_six_panes(seeds_window, qtbot, tmp_path):
    win = seeds_window
    win.add_pasted(ARTICLE, outlet="Sixth")
    seventh = win.add_pasted(ARTICLE + "More.\n", outlet="Seventh")
    assert len(win.ordered_panes()) == 6
    assert not seventh.compared
    row = win.model.row_of(seventh.key)
    win.model.setData(win.model.index(row), Qt.Checked, Qt.CheckStateRole)  # ticking it in the library
    assert not win.model.entry(seventh.key).compared
    assert "At most 6" in win.message_bar.label.text()


def test_overview_names_who_stands_out(seeds_window, qtbot):
    win = seeds_window
    win.show_overview()
    text = win.detail.toPlainText()
    assert "The story at a glance" in text
    loaded = next(m for m in win.comparison.metrics if m.metric == "loaded_per_1000_words")
    top_id = max(loaded.values, key=loaded.values.get)
    top = next(p for p in win.ordered_panes() if p.analysis.id == top_id)
    lines = text.splitlines()
    row = lines.index(next(ln for ln in lines if ln.startswith("Most judging words")))
    assert top.entry.label in lines[row + 1]  # the table's next cell
    # Its name links to that outlet's first loaded word.
    win.detail.jumpRequested.emit(top.key, top.analysis.loaded_terms[0].start, top.analysis.loaded_terms[0].end)
    assert top.view.textCursor().selectedText() == top.analysis.loaded_terms[0].text


def test_the_same_text_is_not_opened_twice(seeds_window, qtbot, seed_articles):
    win = seeds_window
    added, errors = win.open_files([seed_articles[1].path])
    assert added == [] and errors == []
    assert win.model.rowCount() == 5
    assert "already open" in win.message_bar.label.text()


def test_closing_the_window_during_analysis_is_clean(make_window, qtbot):
    engine = GatedEngine()
    engine.gate.clear()
    win = make_window(engine=engine, cached=False)
    qtbot.waitUntil(engine.entered.is_set, timeout=30000)
    win.close()  # saves the session, cancels the run
    engine.gate.set()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(60000)
    assert len(engine.analysed) <= 1  # nothing after the article in progress
    assert len(win.settings.session()) == 5


def test_analyse_again_applies_a_lexicon_file_added_while_the_app_runs(make_window, qtbot, tmp_path, monkeypatch):
    # A teacher adds her own term while the window is open; Analyse again shows it highlighted and
    # explained, and the comparison is redone under the new analyser version.
    lexdir = tmp_path / "lexicons"
    lexdir.mkdir()
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(lexdir))
    win = make_window()
    settle(qtbot, win)
    reuters = win.pane_by_label("Reuters")
    assert not any(s.category == hl.LOADED and "unusually" in reuters.analysis.text[s.start:s.end].lower()
                   for s in hl.spans(reuters.analysis))
    old_version = reuters.analysis.analyzer_version
    (lexdir / "loaded_terms_class.toml").write_text(
        '[meta]\nname = "loaded_terms_class"\nversion = "1"\nsource = "class 9b"\nlicence = "CC0"\n\n'
        '[[term]]\nterm = "unusually"\ncategory = "emotive_adverb"\nweight = 0.4\n'
        'why = "Tells the reader the stance is out of the ordinary instead of showing it."\n'
        'alternatives = []\n', encoding="utf-8")
    win.actions_by_name["reanalyse"].trigger()
    qtbot.waitUntil(lambda: reuters.analysis.analyzer_version != old_version, timeout=120000)
    settle(qtbot, win, timeout=120000)
    found = [t for t in reuters.analysis.loaded_terms if t.text.lower() == "unusually"]
    assert found and found[0].category == "emotive_adverb" and "out of the ordinary" in found[0].why
    assert any(s.category == hl.LOADED and s.payload == found[0] for s in hl.spans(reuters.analysis))
    assert all(e.analysis.analyzer_version == reuters.analysis.analyzer_version for e in win.model.entries())
    assert all(old_version not in ident for ident in win._comparison_for)
