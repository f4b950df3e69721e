"""Tools > Lexicon editor: a teacher adds a loaded word with its reason and alternative, and the open article
shows it as a finding at once; switching a built-in word off removes its highlight; CSV goes out and comes
back through the model; the built-in lexicon file is never written."""
from __future__ import annotations

import csv
import hashlib
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.models.article_model import DONE
from desktop.dialogs.lexicon_editor import LexiconEditor
from desktop.models.lexicon_model import ON, TERM, LexiconModel

TEXT = ("The council's new harbour plan is pure codswallop, one councillor said on Monday. "
        "The dictator of the port authority did not reply to questions about the cost.")
BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "lexicons" / "loaded_terms.toml"
SHOT = Path(__file__).resolve().parents[2] / "resources" / "screenshots" / "lexicon-editor.png"


@pytest.fixture
def lexdir(tmp_path, monkeypatch):
    folder = tmp_path / "lexicons"
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(folder))
    return folder


def pane_words(win, key) -> set[str]:
    pane = win.panes[key]
    return {pane._text[s.start:s.end].lower() for s in pane.findings() if s.category.startswith("loaded")}


def open_with_article(make_window, qtbot):
    win = make_window(seeds=False, cached=False)
    entry = win.add_pasted(TEXT, outlet="Harbour News")
    qtbot.waitUntil(lambda: win.model.entry(entry.key).status == DONE and entry.key in win.panes
                    and bool(win.panes[entry.key].findings()), timeout=120000)
    win.actions_by_name["lexicon_editor"].trigger()
    editor = win.lexicon_editor
    qtbot.waitExposed(editor)
    return win, entry.key, editor


def test_a_term_added_in_the_editor_is_a_finding_in_the_open_article(make_window, qtbot, lexdir):
    before = hashlib.sha256(BUILTIN.read_bytes()).hexdigest()
    win, key, editor = open_with_article(make_window, qtbot)
    assert "dictator" in pane_words(win, key) and "codswallop" not in pane_words(win, key)

    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    form = editor.term_dialog
    qtbot.waitExposed(form)
    form.term.setText("codswallop")
    form.category.setCurrentIndex(form.category.findData("emotive_noun"))
    form.reason.setPlainText("Calls what someone did dishonest trickery without showing what they did.")
    form.alternatives.setText("secret dealings; say what was done")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert not form.isVisible()
    assert (lexdir / "loaded_terms_editor.toml").is_file()
    assert editor.selected().term == "codswallop" and editor.selected().source == "user"

    qtbot.waitUntil(lambda: "codswallop" in pane_words(win, key), timeout=60000)
    found = next(t for t in win.model.entry(key).analysis.loaded_terms if t.text.lower() == "codswallop")
    assert found.why == "Calls what someone did dishonest trickery without showing what they did."
    assert found.alternatives == ("secret dealings", "say what was done")
    qtbot.waitUntil(lambda: win.analysis.is_settled() and win.analysis.comparison is not None, timeout=60000)
    assert win.analysis.compared_analyses()[0].analyzer_version == win.manager.cache.version

    # a built-in term: read-only except its switch; switching it off takes its highlight away
    editor.search.setText("dictator")
    editor.set_category("pejorative")
    terms = [editor.proxy.index(i, TERM).data() for i in range(editor.proxy.rowCount())]
    assert "dictator" in terms and "codswallop" not in terms  # its reason or alternatives may mention it too
    at = terms.index("dictator")
    editor.table.selectRow(at)
    row = editor.selected()
    assert (row.term, row.source) == ("dictator", "builtin")
    assert not editor.edit_button.isEnabled() and not editor.delete_button.isEnabled()
    assert editor.switch_button.isEnabled() and "off" in editor.switch_button.text()
    qtbot.mouseClick(editor.switch_button, Qt.LeftButton)
    assert editor.proxy.index(at, ON).data(Qt.CheckStateRole) == Qt.Unchecked
    qtbot.waitUntil(lambda: "dictator" not in pane_words(win, key), timeout=60000)
    assert "codswallop" in pane_words(win, key)

    # and on again, with the table's own checkbox
    assert editor.proxy.setData(editor.proxy.index(at, ON), Qt.Checked, Qt.CheckStateRole)
    qtbot.waitUntil(lambda: "dictator" in pane_words(win, key), timeout=60000)
    assert hashlib.sha256(BUILTIN.read_bytes()).hexdigest() == before



def test_hedges_switched_off_and_added_in_the_editor_change_the_open_article(make_window, qtbot, lexdir):
    from desktop import highlight as hl

    win = make_window(seeds=False, cached=False)
    entry = win.add_pasted("The mayor could resign this week. A new harbour plan is in the cards, aides said.",
                           outlet="Harbour News")
    key = entry.key

    def hedged() -> set[str]:
        pane = win.panes[key]
        return {pane._text[s.start:s.end].lower() for s in pane.findings() if s.category == hl.HEDGE}

    qtbot.waitUntil(lambda: key in win.panes and "could" in hedged(), timeout=120000)
    assert "in the cards" not in hedged()
    win.actions_by_name["lexicon_editor"].trigger()
    editor = win.lexicon_editor
    editor.tabs.setCurrentWidget(editor.hedges_tab)
    tab = editor.hedges_tab
    tab.select("could")
    assert not tab.edit_button.isEnabled() and tab.switch_button.isEnabled()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key_Space)
    qtbot.waitUntil(lambda: "could" not in hedged(), timeout=60000)

    qtbot.mouseClick(tab.add_button, Qt.LeftButton)
    form = tab.form
    form.phrase.setText("in the cards")
    form.kind.setCurrentIndex(form.kind.findData("likelihood"))
    form.why.setPlainText("An idiom for \"maybe\": it guesses at what will happen.")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert not form.isVisible() and tab.selected().words == "in the cards" and tab.delete_button.isEnabled()
    qtbot.waitUntil(lambda: "in the cards" in hedged(), timeout=60000)
    found = next(h for h in win.model.entry(key).analysis.hedges if h.text.lower() == "in the cards")
    assert found.why == "An idiom for \"maybe\": it guesses at what will happen."
    assert "could" not in hedged()


def test_the_editor_as_a_teacher_sees_it(qtbot, tmp_path, monkeypatch):
    """The picture in the README (written there with SLANT_UPDATE_SCREENSHOTS=1): a teacher's own term and a
    switched-off built-in one among the dramatic nouns; the folder is shown the way the teacher knows it."""
    monkeypatch.delenv("SLANT_LEXICON_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ".local" / "share"))
    editor = LexiconEditor()
    qtbot.addWidget(editor)
    editor.model.add_term("codswallop", "emotive_noun",
                          "Calls what someone did dishonest trickery without showing what they did.",
                          ["secret dealings", "say what was done"], 0.7)
    editor.model.set_enabled(("scourge", "emotive_noun"), False)
    editor.resize(1100, 560)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_category("emotive_noun")
    editor.select(("codswallop", "emotive_noun"))
    assert "~/.local/share/slant/lexicons" in editor.findChild(QLabel, "lexiconIntro").text()
    assert editor.edit_button.isEnabled() and editor.delete_button.isEnabled()
    shown = {editor.proxy.index(i, TERM).data(): editor.proxy.index(i, ON).data(Qt.CheckStateRole)
             for i in range(editor.proxy.rowCount())}
    assert shown["codswallop"] == Qt.Checked and shown["scourge"] == Qt.Unchecked
    assert editor.table.visualRect(editor.table.currentIndex()).intersects(editor.table.viewport().rect())
    image = editor.grab()
    if os.environ.get("SLANT_UPDATE_SCREENSHOTS"):
        assert image.save(str(SHOT))


def test_the_form_keeps_what_was_typed_when_it_is_refused(qtbot, lexdir):
    editor = LexiconEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.add_button, Qt.LeftButton)
    form = editor.term_dialog
    form.term.setText("dictator")
    form.category.setCurrentIndex(form.category.findData("pejorative"))
    form.reason.setPlainText("My own reason.")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert form.isVisible() and "built-in" in form.error.text()
    assert form.term.text() == "dictator" and form.reason.toPlainText() == "My own reason."
    form.term.setText("codswallop")
    form.reason.setPlainText("")
    qtbot.mouseClick(form.buttons.button(QDialogButtonBox.Ok), Qt.LeftButton)
    assert form.isVisible() and "reason" in form.error.text()
    assert not (lexdir / "loaded_terms_editor.toml").exists()


def test_csv_export_and_import_through_the_model(qtbot, lexdir, tmp_path):
    model = LexiconModel()
    changes = []
    model.changed.connect(changes.append)
    total = model.rowCount()
    key = model.add_term("codswallop", "emotive_noun", "Trickery, said without proof.", ["dealings"], 0.6)
    model.set_enabled(("regime", "pejorative"), False)
    assert model.rowCount() == total + 1 and len(changes) == 2
    out = tmp_path / "mine.csv"
    assert model.export_csv(out, [key, ("regime", "pejorative")]) == 2
    rows = list(csv.DictReader(out.read_bytes().decode("utf-8-sig").splitlines()))
    assert [(r["term"], r["reason"], r["alternatives"], r["weight"], r["enabled"], r["source"]) for r in rows] == [
        ("codswallop", "Trickery, said without proof.", "dealings", "0.6", "true", "user"),
        ("regime", model.lexicon.row(("regime", "pejorative")).reason,
         "; ".join(model.lexicon.row(("regime", "pejorative")).alternatives), "0.6", "false", "builtin")]
    model.delete(key)
    model.set_enabled(("regime", "pejorative"), True)
    assert model.rowCount() == total and model.lexicon.row(("regime", "pejorative")).enabled

    assert model.import_csv(out) == 2
    row = model.row_at(model.row_of(key))
    assert (row.reason, row.alternatives, row.weight, row.enabled) == ("Trickery, said without proof.",
                                                                       ("dealings",), 0.6, True)
    assert model.data(model.index(model.row_of(("regime", "pejorative")), ON), Qt.CheckStateRole) == Qt.Unchecked

    bad = tmp_path / "bad.csv"
    bad.write_text("term,category,reason\nhoopla,emotive_noun,Fuss.\nballyhoo,emotive_noun,\n", encoding="utf-8")
    from analysis.user_lexicon import CsvImportError

    saved = (lexdir / "loaded_terms_editor.toml").read_bytes()
    with pytest.raises(CsvImportError) as err:
        model.import_csv(bad)
    assert [n for n, _ in err.value.problems] == [3]
    assert (lexdir / "loaded_terms_editor.toml").read_bytes() == saved  # the good row was not imported either
    assert not any(r.term == "hoopla" for r in model.rows())


def test_the_editor_lists_the_bad_rows_of_a_csv_it_did_not_import(qtbot, lexdir, tmp_path):
    editor = LexiconEditor()
    qtbot.addWidget(editor)
    bad = tmp_path / "class.csv"
    bad.write_text("term,category,reason,enabled\nhoopla,emotive_noun,Fuss.,true\n"
                   "ballyhoo,emotive_noun,Noise.,perhaps\nrigmarole,chaos,Fuss.,\n", encoding="utf-8")
    rows = editor.model.rowCount()
    assert editor.import_csv(str(bad)) is None
    text = editor.message.text()
    assert "Nothing was imported" in text and "line 3: 'enabled'" in text and "line 4: unknown category 'chaos'" in text
    assert editor.model.rowCount() == rows and not (lexdir / "loaded_terms_editor.toml").exists()


def test_the_keyboard_switches_deletes_and_edits(qtbot, lexdir):
    editor = LexiconEditor()
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    key = editor.model.add_term("codswallop", "emotive_noun", "Trickery.", ["dealings"])
    editor.select(("dictator", "pejorative"))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key_Space)
    assert not editor.model.lexicon.row(("dictator", "pejorative")).enabled
    qtbot.keyClick(editor.table, Qt.Key_Delete)  # a built-in term is never deleted: the editor says why
    assert editor.model.lexicon.has(("dictator", "pejorative")) and "switched off" in editor.message.text()
    editor.select(key)
    qtbot.keyClick(editor.table, Qt.Key_Return)
    assert editor.term_dialog is not None and editor.term_dialog.term.text() == "codswallop"
    editor.term_dialog.reject()
    qtbot.keyClick(editor.table, Qt.Key_Delete)
    assert not editor.model.lexicon.has(key)


@pytest.mark.parametrize("which", ["terms", "hedges"])
def test_a_click_on_the_switch_of_either_table_saves_and_greys_the_row(qtbot, lexdir, which):
    """Both tables of the editor (loaded words, hedges) share one model: the On column's checkbox switches an
    entry off and saves at once, the row turns grey, its key and row are at hand, and "Source" says whose it is."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.models.editor_table import KEY_ROLE, ROW_ROLE
    from desktop.models.hedge_model import HedgeModel

    if which == "terms":
        model, key = LexiconModel(), ("regime", "pejorative")
        own = model.add_term("codswallop", "emotive_noun", "Trickery, said without proof.", ["dealings"])
    else:
        model = HedgeModel()
        key = model.row_at(0).id
        own = model.add_hedge("in the cards", model.hedges.kinds[0], "Says it may happen without saying who expects it.")
    saved = []
    model.changed.connect(saved.append)
    cell = model.index(model.row_of(key), ON)
    assert model.data(cell, Qt.CheckStateRole) == Qt.Checked and model.data(cell, Qt.ForegroundRole) is None
    assert model.setData(cell, Qt.Unchecked, Qt.CheckStateRole)
    cell = model.index(model.row_of(key), ON)
    assert len(saved) == 1 and Path(saved[0]).is_file() and Path(saved[0]).parent == lexdir
    assert model.data(cell, Qt.CheckStateRole) == Qt.Unchecked and not model.data(cell, ROW_ROLE).enabled
    assert model.data(cell, Qt.ForegroundRole) == QApplication.palette().brush(QPalette.Disabled, QPalette.Text)
    assert model.data(cell, KEY_ROLE) == key
    source = model.columnCount() - 1
    assert model.headerData(source, Qt.Horizontal, Qt.DisplayRole) == "Source"
    assert model.data(model.index(model.row_of(key), source), Qt.DisplayRole) == "built-in"
    assert model.data(model.index(model.row_of(own), source), Qt.DisplayRole) == "yours"
    assert not model.setData(model.index(0, 1), Qt.Unchecked, Qt.CheckStateRole)  # only the On column switches
