"""The window's actions, menus and toolbar, in one place: each action is named (``window.actions_by_name``)
so tests, menus and the toolbar refer to the same object. To add a menu item, add an action in
``build_actions`` and its name to the menu's list in ``build_menus``."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from . import help_menu
from .dialogs.clear_cache import clear_cache

if TYPE_CHECKING:
    from .main_window import MainWindow


def make_action(window: MainWindow, text: str, slot: Any, shortcut: Any = None, tip: str = "",
                checkable: bool = False, checked: bool = False) -> QAction:
    act = QAction(text, window)
    if shortcut is not None:
        seqs = shortcut if isinstance(shortcut, list) else [shortcut]
        act.setShortcuts([QKeySequence(s) for s in seqs])
    if tip:
        act.setStatusTip(tip)
        act.setToolTip(tip)
    if checkable:
        act.setCheckable(True)
        act.setChecked(checked)
        act.toggled.connect(slot)
    else:
        act.triggered.connect(slot)
    window.addAction(act)
    return act


def exporting_available() -> bool:
    try:
        import desktop.exporting  # noqa: F401

        return True
    except Exception:  # noqa: BLE001
        return False


def _lexicon_editor(w: MainWindow) -> None:
    from .dialogs.lexicon_editor import open_lexicon_editor  # imported when first used, not at start-up

    open_lexicon_editor(w)


def build_actions(w: MainWindow) -> dict[str, QAction]:
    def act(*args: Any, **kw: Any) -> QAction:
        return make_action(w, *args, **kw)

    lib, runs = w.library, w.analysis
    a: dict[str, QAction] = {}
    a["open"] = act("&Open…", lib.open_dialog, QKeySequence.Open, "Open article files (text, saved web pages, Word)")
    a["open_url"] = act("Open &URL…", w.reading.open_url_dialog, "Ctrl+Shift+O", "Fetch an article's web page")
    a["reencode"] = act("Reopen with &encoding…", lambda: w.reading.reopen_with_encoding(lib.current_key()), None,
                        "Read the current article's file again in another text encoding")
    a["paste"] = act("&Paste article…", lib.paste_action, QKeySequence.Paste, "Paste an article's text as a new article")
    files = w.comparisons
    a["save"] = act("&Save", files.save, QKeySequence.Save, "Save the comparison (articles, details, view) to a file")
    a["save_as"] = act("Save &As…", files.save_as, QKeySequence.SaveAs, "Save the comparison under a new name")
    a["open_comparison"] = act("Open &Comparison…", files.open_dialog, "Ctrl+Shift+O",
                               "Open a saved comparison (.slant) in place of the open articles")
    a["undo"] = w.undo_stack.createUndoAction(w, "&Undo")
    a["undo"].setShortcuts(QKeySequence.Undo)
    a["redo"] = w.undo_stack.createRedoAction(w, "&Redo")
    a["redo"].setShortcuts(QKeySequence.Redo)
    w.addActions([a["undo"], a["redo"]])
    a["export"] = act("&Export…", w.exports.export_dialog, "Ctrl+E", "Export the comparison (PDF, HTML, spreadsheet, CSV, JSON)")
    a["print"] = act("P&rint…", w.exports.print_sheet, QKeySequence.Print, "Print the comparison sheet")
    a["close"] = act("&Close article", lib.close_current, QKeySequence.Close, "Close the current article")
    a["quit"] = act("&Quit", w.close, QKeySequence.Quit)
    a["find"] = act("&Find in all articles…", w.find_bar.open_bar, QKeySequence.Find)
    a["next_pane"] = act("Next article", lambda: w.focus_pane(+1), "F6")
    a["prev_pane"] = act("Previous article", lambda: w.focus_pane(-1), "Shift+F6")
    a["find_next"] = act("Find &next", lambda: w.find_step(+1), QKeySequence.FindNext)
    a["find_prev"] = act("Find p&revious", lambda: w.find_step(-1), QKeySequence.FindPrevious)
    a["edit_meta"] = act("Article &details…", lib.edit_current, "Ctrl+I",
                         "Edit the outlet, title and date of the current article")
    a["zoom_in"] = act("&Larger text", lambda: w.set_font_size(w.font_pt + 1), [QKeySequence.ZoomIn, "Ctrl+="])
    a["zoom_out"] = act("&Smaller text", lambda: w.set_font_size(w.font_pt - 1), QKeySequence.ZoomOut)
    a["zoom_reset"] = act("&Normal text size", lambda: w.set_font_size(11), "Ctrl+0")
    a["fullscreen"] = act("&Full screen", w.toggle_full_screen, [QKeySequence.FullScreen, "F11"], checkable=True)
    a["sync"] = act("Scroll articles &together", w.set_sync, "Ctrl+L",
                    "Scrolling one article scrolls the others to the matching content",
                    checkable=True, checked=w.settings.flag("sync_scroll", False))
    a["collapse"] = act("&Hide page furniture", w.set_collapse, "Ctrl+H",
                        "Collapse menus, share buttons and other page furniture (never removed)",
                        checkable=True, checked=w.settings.flag("collapse_boilerplate", False))
    a["blind"] = act("&Blind outlets", w.blinding.set_on, "Ctrl+Shift+B",
                     "Classroom: call the outlets Outlet A, B, … and hide their names, bylines, sites and page "
                     "furniture everywhere", checkable=True, checked=w.settings.flag("blind_outlets", False))
    a["reveal"] = act("&Reveal who was who…", w.blinding.reveal, None, "Blind mode: show which outlet is which")
    a["reveal"].setEnabled(False)
    a["projector"] = act("&Projector view", w.projector.enter, "F5", "Classroom: full screen, big type, a few "
                         "articles at a time, one kind of highlight at a time (Page Down next, B blank, Esc leave)")
    a["articles_tab"] = act("&Articles", lambda: w.tabs.setCurrentIndex(0), "Ctrl+1")
    a["dashboard_tab"] = act("&Dashboard", w.show_dashboard, "Ctrl+2")
    a["reanalyse"] = act("Analyse &again", runs.reanalyse, "Ctrl+R", "Analyse articles that were cancelled or failed")
    a["clear_cache"] = act("C&lear analysis cache…", lambda: clear_cache(w, w.manager.cache, w.show_info), None,
                           "Delete the saved analyses (asks first)")
    a["lexicon_editor"] = act("&Lexicon editor…", lambda: _lexicon_editor(w), None,
                              "See, add, switch off and edit the loaded words the analysis looks for")
    a["cancel"] = act("&Cancel analysis", runs.cancel, None, "Stop the running analysis")
    a["theme_auto"] = act("Follow &system", lambda: w.set_theme("auto"))
    a["theme_light"] = act("&Light", lambda: w.set_theme("light"))
    a["theme_dark"] = act("&Dark", lambda: w.set_theme("dark"))
    a["about"] = act("&About Slant", lambda: help_menu.about(w))
    a["howto"] = act("&How to read the highlights", lambda: help_menu.howto(w), QKeySequence.HelpContents)
    a["glossary"] = act("&Glossary", lambda: w.show_glossary(""), None,
                        "Every highlight and number in plain words, printable (for students)")
    a["find_next"].setShortcutContext(Qt.WindowShortcut)
    exporting = exporting_available()
    a["print"].setEnabled(exporting)
    a["export"].setEnabled(exporting)
    return a


def _add(target: Any, actions: dict[str, QAction], keys: tuple) -> None:
    """Add named actions to a menu or toolbar; None is a separator."""
    for k in keys:
        if k is None:
            target.addSeparator()
        else:
            target.addAction(actions[k])


def build_menus(w: MainWindow, a: dict[str, QAction]) -> None:
    mb = w.menuBar()
    f = mb.addMenu("&File")
    _add(f, a, ("open", "open_url", "open_comparison"))
    w.library.recent_menu = f.addMenu("Open &recent")
    w.library.refresh_recent()
    _add(f, a, ("paste", "reencode", None, "save", "save_as", None, "export", "print", None, "close", "quit"))
    _add(mb.addMenu("&Edit"), a, ("undo", "redo", None, "find", "find_next", "find_prev", None, "edit_meta"))
    v = mb.addMenu("&View")
    _add(v, a, ("articles_tab", "dashboard_tab", "next_pane", "prev_pane", None, "zoom_in", "zoom_out", "zoom_reset",
                None, "sync", "collapse", None, "blind", "reveal", "projector"))
    _add(v.addMenu("&Colours"), a, ("theme_auto", "theme_light", "theme_dark"))
    _add(v, a, (None, "fullscreen"))
    _add(mb.addMenu("&Analysis"), a, ("reanalyse", "cancel", None, "clear_cache"))
    _add(mb.addMenu("&Tools"), a, ("lexicon_editor",))
    _add(mb.addMenu("&Help"), a, ("howto", "glossary", "about"))

    tb = w.addToolBar("Main")
    tb.setObjectName("mainToolbar")
    tb.setMovable(False)
    tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
    _add(tb, a, ("open", "paste", None, "find", "zoom_out", "zoom_in", None, "sync", "collapse", None,
                 "dashboard_tab", "export"))
    for k, text in (("zoom_in", "A+"), ("zoom_out", "A−"), ("open", "Open…"), ("paste", "Paste…"), ("find", "Find"),
                    ("sync", "Scroll together"), ("collapse", "Hide page furniture"),
                    ("dashboard_tab", "Dashboard"), ("export", "Export…")):
        a[k].setIconText(text)
