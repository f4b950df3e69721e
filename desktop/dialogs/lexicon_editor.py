"""Tools > Lexicon editor…: the loaded-word and hedge lists for teachers.

A table of every loaded term, built-in and the user's own, by category (a category filter and a search
box): its on/off switch, term, category, reason, alternatives and where it comes from. Add, Edit (a small
form), Switch off/on, Delete (the user's own terms only), Import CSV and Export CSV. Built-in terms are
read-only apart from their switch. Every change is written at once to the user's lexicon folder
(``analysis.user_lexicon``; the built-in lexicon is never written) and the open articles are analysed
again with it (``on_change``, the window's ``AnalysisRuns.reanalyse``). A second tab does the same for
hedges (``desktop.dialogs.hedge_tab``, ``analysis.user_hedges``).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from analysis.lexicons import LexiconError
from analysis.user_hedges import UserHedges
from analysis.user_lexicon import CsvImportError, Key, UserLexicon

from ..models.hedge_model import HedgeModel
from ..models.lexicon_model import (
    ALTERNATIVES,
    CATEGORY,
    ON,
    REASON,
    ROW_ROLE,
    SOURCE,
    TERM,
    LexiconFilter,
    LexiconModel,
)
from .hedge_tab import HedgesTab
from .lexicon_tab import EntryForm, LexiconTab, setup_table

MAX_LISTED_PROBLEMS = 12


def shown_path(path: Any) -> str:
    """A path as people read it: the home folder as ``~``."""
    text, home = str(path), str(Path.home())
    return "~" + text[len(home):] if home not in ("", "/") and text.startswith(home + os.sep) else text


class TermDialog(EntryForm):
    """Add or edit one of the user's terms. ``save`` (the model's add/edit) is called on OK; a problem it
    raises is shown in the form, which stays open with what was typed."""

    def __init__(self, parent: QWidget, categories: dict[str, str], save: Callable[..., Key],
                 row: Any = None, category: str = ""):
        super().__init__(parent, save)
        self.setObjectName("termDialog")
        self.setWindowTitle("Edit term" if row is not None else "Add a term")
        self.term = QLineEdit(row.term if row is not None else "")
        self.term.setPlaceholderText("a word or phrase, in its dictionary form (\"slam\" also finds \"slammed\")")
        self.category = QComboBox()
        for name, label in sorted(categories.items(), key=lambda kv: kv[1].lower()):
            self.category.addItem(label, name)
        wanted = row.category if row is not None else category
        if wanted and self.category.findData(wanted) >= 0:
            self.category.setCurrentIndex(self.category.findData(wanted))
        self.reason = QPlainTextEdit(row.reason if row is not None else "")
        self.reason.setPlaceholderText("In plain words: what does this word do to the reader?")
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(80)
        self.alternatives = QLineEdit("; ".join(row.alternatives) if row is not None else "")
        self.alternatives.setPlaceholderText("neutral wording, separated by ;")
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0.0, 1.0)
        self.weight.setSingleStep(0.1)
        self.weight.setDecimals(2)
        self.weight.setValue(row.weight if row is not None else 0.5)
        self.weight.setToolTip("How loaded: about 0.3 mild, 0.5 clearly opinionated, 0.8 strong")
        self.error.setObjectName("termError")

        form = QFormLayout()
        form.addRow("&Term:", self.term)
        form.addRow("&Category:", self.category)
        form.addRow("&Reason:", self.reason)
        form.addRow("&Alternatives:", self.alternatives)
        form.addRow("&Weight:", self.weight)
        self.finish(form, 560)

    def values(self) -> tuple[str, str, str, list[str], float]:
        alts = [a.strip() for a in self.alternatives.text().split(";") if a.strip()]
        return (self.term.text(), self.category.currentData(), self.reason.toPlainText(), alts,
                round(self.weight.value(), 2))


class LexiconEditor(LexiconTab, QDialog):
    def __init__(self, parent: QWidget | None = None, lexicon: UserLexicon | None = None,
                 on_change: Callable[[], None] | None = None, hedges: UserHedges | None = None):
        super().__init__(parent)
        self.setObjectName("lexiconEditor")
        self.setWindowTitle("Lexicon editor")
        self.on_change = on_change
        self.model = LexiconModel(lexicon if lexicon is not None else UserLexicon(), self)
        self.hedge_model = HedgeModel(hedges if hedges is not None else UserHedges(self.model.lexicon.folder), self)
        self.proxy = LexiconFilter(self)
        self.proxy.setSourceModel(self.model)
        self.form: TermDialog | None = None

        intro = QLabel("The words Slant marks as loaded or as hedges, with the reason it gives. Built-in entries "
                       "can be switched off; your own can be added, edited and deleted. Changes are saved at once "
                       f"in your lexicon folder <code>{shown_path(self.model.lexicon.folder)}</code> and the open "
                       "articles are analysed again; the built-in lexicons are never changed.")
        intro.setObjectName("lexiconIntro")
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.category = QComboBox()
        self.category.setObjectName("lexiconCategory")
        self._fill_categories()
        self.category.currentIndexChanged.connect(lambda _i: self._filter())
        self.search = QLineEdit()
        self.search.setObjectName("lexiconSearch")
        self.search.setPlaceholderText("Search terms, reasons and alternatives")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._filter())
        self.count = QLabel("")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("00000 of 00000 terms") + 8)
        top = QHBoxLayout()
        top.addWidget(QLabel("&Category:", buddy=self.category))
        top.addWidget(self.category)
        top.addWidget(self.search, 1)
        top.addWidget(self.count)

        self.table = QTableView()
        self.table.setObjectName("lexiconTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TERM, Qt.AscendingOrder)
        setup_table(self.table)
        header = self.table.horizontalHeader()
        # fixed starting widths (sizing 1,000 rows to their contents on every change would be slow)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.Stretch)
        header.resizeSection(ON, 40)
        header.resizeSection(SOURCE, 90)
        header.resizeSection(TERM, 150)
        header.resizeSection(CATEGORY, 140)
        header.resizeSection(ALTERNATIVES, 220)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.installEventFilter(self)  # Space switches, Delete deletes, Enter edits the selected term
        QShortcut(QKeySequence.Find, self, self.search.setFocus)

        def button(text: str, slot: Callable[[], Any], tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.add_button = button("&Add…", self.add_term, "Add a loaded word of your own")
        self.edit_button = button("&Edit…", self.edit_selected, "Change your term's reason, alternatives or category")
        self.switch_button = button("Switch &off", self.toggle_selected, "Switch the selected term off or on")
        self.delete_button = button("&Delete", self.delete_selected, "Delete your own term (built-in terms are switched off)")
        self.import_button = button("&Import CSV…", self.import_dialog, "Add terms from a CSV file (all rows or none)")
        self.export_button = button("E&xport CSV…", self.export_dialog, "Save the terms shown as a CSV file")
        close = button("Close", self.close, "")
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.switch_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (self.import_button, self.export_button):
            buttons.addWidget(b)

        self.message = QLabel("")
        self.message.setObjectName("lexiconMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        words = QWidget()
        words_layout = QVBoxLayout(words)
        words_layout.setContentsMargins(0, 6, 0, 0)
        words_layout.addLayout(top)
        words_layout.addWidget(self.table, 1)
        words_layout.addLayout(buttons)
        self.hedges_tab = HedgesTab(self.hedge_model, self.show_problem)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("lexiconTabs")
        self.tabs.addTab(words, "&Loaded words")
        self.tabs.addTab(self.hedges_tab, "&Hedges")
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close, 0, Qt.AlignBottom)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        self.model.changed.connect(self._on_saved)
        self.hedge_model.changed.connect(self._on_saved)
        self.hedge_model.problem.connect(self.show_problem)
        self.model.problem.connect(self.show_problem)
        self.model.modelReset.connect(self._filter)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.resize(1100, 640)
        self._filter()

    @property
    def term_dialog(self) -> TermDialog | None:
        """The term form last opened (the Loaded words tab's ``form``)."""
        return self.form

    # -- the view
    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem("All categories", "")
        for name, label in sorted(self.model.lexicon.categories.items(), key=lambda kv: kv[1].lower()):
            self.category.addItem(label, name)
        i = self.category.findData(current) if current else 0
        self.category.setCurrentIndex(max(0, i))
        self.category.blockSignals(False)

    def set_category(self, name: str) -> None:
        self.category.setCurrentIndex(max(0, self.category.findData(name)))

    def _filter(self) -> None:
        self.proxy.set_category(self.category.currentData() or "")
        self.proxy.set_search(self.search.text())
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} terms" if shown != total else f"{total} terms")
        self._update_buttons()

    def selected(self) -> Any:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            return None
        return index.siblingAtColumn(ON).data(ROW_ROLE)

    def select(self, key: Key) -> None:
        source = self.model.index(self.model.row_of(key), TERM)
        index = self.proxy.mapFromSource(source)
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.PositionAtCenter)
        self._update_buttons()

    def show_problem(self, text: str) -> None:
        self.message.setStyleSheet("color: #B3261E;")
        self.message.setText(text)

    def show_note(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _on_saved(self, path: str) -> None:
        self._fill_categories()
        if self.on_change is not None:
            self.on_change()
            self.show_note(f"Saved to {shown_path(path)}; the open articles are being analysed again.")
        else:
            self.show_note(f"Saved to {shown_path(path)}.")

    # -- the hooks of LexiconTab (the Loaded words tab)
    def row_key(self, row: Any) -> Key:
        return row.key

    def can_edit(self, row: Any) -> bool:
        return row.source == "user"

    def not_editable(self, row: Any) -> str:
        return (f"{row.term!r} is a built-in term: it can be switched off, not changed. "
                "Switch it off and add your own term instead.")

    def add_entry(self, *values: Any) -> Key:
        return self.model.add_term(*values)

    def edit_entry(self, key: Any, *values: Any) -> Key:
        return self.model.edit_term(key, *values)

    def make_form(self, row: Any, save: Callable[..., Any]) -> TermDialog:
        return TermDialog(self, self.model.lexicon.categories, save, row, category=self.category.currentData() or "")

    # -- the actions
    def add_term(self) -> None:
        self._open_form(None)

    def import_csv(self, path: str) -> int | None:
        try:
            n = self.model.import_csv(path)
        except CsvImportError as exc:
            lines = [f"line {n}: {m}" if n else m for n, m in exc.problems]
            more = len(lines) - MAX_LISTED_PROBLEMS
            listed = "\n".join(lines[:MAX_LISTED_PROBLEMS]) + (f"\n… and {more} more" if more > 0 else "")
            self.show_problem(f"Nothing was imported from {path}: fix these rows and import it again.\n{listed}")
            return None
        except (LexiconError, OSError) as exc:
            self.show_problem(f"Nothing was imported from {path}: {exc}")
            return None
        if n == 0:
            self.show_note(f"Imported {path}: every row was already as the file says; nothing changed.")
        return n

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import terms from CSV", "", "CSV files (*.csv);;All files (*)")
        if path:
            n = self.import_csv(path)
            if n:
                self.show_note(f"Imported {n} change{'s' if n != 1 else ''} from {path}; "
                               "the open articles are being analysed again.")

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export terms to CSV", "loaded-terms.csv", "CSV files (*.csv)")
        if not path:
            return
        try:
            n = self.model.export_csv(path, self.proxy.keys())
        except OSError as exc:
            self.show_problem(f"Could not write {path}: {exc}")
            return
        self.show_note(f"Exported {n} term{'s' if n != 1 else ''} to {path}.")


def open_lexicon_editor(window: Any) -> LexiconEditor | None:
    """Show the window's lexicon editor (one at a time, not modal); a user file that cannot be read is
    reported in the window's message bar instead."""
    editor = getattr(window, "lexicon_editor", None)
    if editor is not None and not editor.isVisible():
        try:
            editor.model.reload()  # the files may have changed since it was closed
            editor.hedge_model.reload()
        except LexiconError as exc:
            window.show_error(f"The lexicon editor cannot open: {exc}")
            return None
    if editor is None:
        try:
            lexicon, hedges = UserLexicon(), UserHedges()
        except LexiconError as exc:
            window.show_error(f"The lexicon editor cannot open: {exc}")
            return None
        editor = LexiconEditor(window, lexicon, on_change=window.analysis.reanalyse, hedges=hedges)
        window.lexicon_editor = editor
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor
