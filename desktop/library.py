"""The article library: opening files, pasting text, the recent-files menu, closing articles and editing
their details. It adds to and removes from the window's ``ArticleListModel``; the panes follow the model."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMenu, QMessageBox, QPlainTextEdit, QTextEdit

from analysis.fetch import is_url
from analysis.sources import SUPPORTED_SUFFIXES, SourceError, article_from_text, read_articles, with_source

from .dialogs.paste_dialog import PasteDialog
from .models.article_model import MAX_PANES, Entry

if TYPE_CHECKING:
    from .main_window import MainWindow

FILE_FILTER = "Articles (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ");;All files (*)"
COMPARISON_SUFFIX = ".slant"
DRAFT_DELAY_MS = 400


class CloseArticleCommand(QUndoCommand):
    """Closing an article, undoable: Undo puts the same entry (text, details, analysis) back where it was."""

    def __init__(self, library: ArticleLibrary, entry: Entry, row: int):
        super().__init__(f"Close “{library.model.display_label(entry)}”")
        self.library, self.entry, self.row = library, entry, row

    def redo(self) -> None:
        self.library.remove_entry(self.entry.key)

    def undo(self) -> None:
        self.library.reinsert_entry(self.entry, self.row)


class ArticleLibrary(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.settings = window.settings
        self.recent_menu: QMenu | None = None

    # -- adding
    def add_articles(self, articles: list[Any], pasted: bool = False) -> list[Entry]:
        w = self.window
        shown = len(self.model.compared())
        added: list[Entry] = []
        open_texts = {e.article.text: e.label for e in self.model.entries()}
        w.pane_area.hold = True  # one pane rebuild for the whole batch
        try:
            self._add_each(articles, open_texts, shown, added, pasted)
        finally:
            w.pane_area.hold = False
        w.pane_area.rebuild()
        if len(self.model.compared()) >= MAX_PANES and any(not e.compared for e in added):
            w.show_info(f"At most {MAX_PANES} articles are shown side by side; the others are in the list on "
                        "the left (tick one to show it, untick another to make room).")
        self.after_add()
        return added

    def _add_each(self, articles: list[Any], open_texts: dict[str, str], shown: int, added: list[Entry],
                  pasted: bool) -> None:
        for art in articles:
            same = open_texts.get(art.text)
            if same is not None:
                self.window.show_info(f"“{same}” is already open with the same text; it was not added twice.")
                continue
            open_texts[art.text] = art.outlet or art.title or (art.path or art.id)
            compare = shown < MAX_PANES
            shown += compare
            added.append(self.model.add(art, compared=compare, pasted=pasted))

    def after_add(self) -> None:
        w = self.window
        w.pane_area.update_empty()
        w.analysis.schedule()
        w.session.changed()

    def load_seeds(self) -> None:
        from analysis.sources import load_seeds

        try:
            arts = load_seeds()
        except (SourceError, OSError, KeyError, ValueError) as exc:
            self.window.show_error(f"Could not load the demo articles: {exc}")
            return
        self.add_articles(arts)

    # -- files
    def open_files(self, paths: list[str], encoding: str | None = None, meta_file: str | None = None,
                   **meta: Any) -> tuple[list[Entry], list[str]]:
        """Read files into new articles (a metadata file beside them applies); web addresses are fetched
        in the background. Unreadable ones give a message; the rest are added."""
        w = self.window
        comparisons = [p for p in paths if str(p).lower().endswith(COMPARISON_SUFFIX)]
        for p in comparisons[:1]:  # a comparison replaces the open articles: one at a time
            w.comparisons.open_path(str(p))
        paths = [p for p in paths if p not in comparisons]
        for url in [p for p in paths if is_url(p)]:
            w.reading.fetch(url, encoding=encoding, **meta)
        paths = [p for p in paths if not is_url(p)]
        arts, errors = read_articles(paths, encoding=encoding, meta_file=meta_file, **meta)  # one message a file
        for a in arts:
            if a.path:
                self.settings.add_recent_file(a.path)
        for e in errors:
            self.window.show_error(e)
        if paths:
            self.settings.set_last_directory(str(Path(paths[-1]).parent))
            self.refresh_recent()
        return (self.add_articles(arts) if arts else []), errors

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Open articles", self.settings.last_directory(),
                                                FILE_FILTER)
        if paths:
            self.open_files(paths)

    def refresh_recent(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        recent = self.settings.recent_files()
        for p in recent:
            act = menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, path=p: self.open_files([path]))
        if recent:
            menu.addSeparator()
            menu.addAction("Clear list", lambda: (self.settings.clear_recent_files(), self.refresh_recent()))
        menu.setEnabled(bool(recent))

    # -- pasting
    def paste_action(self) -> None:
        """Ctrl+V: paste into the focused text field if there is one, else open the paste dialog prefilled."""
        fw = QApplication.focusWidget()
        if isinstance(fw, QLineEdit) or (isinstance(fw, (QPlainTextEdit, QTextEdit)) and not fw.isReadOnly()):
            fw.paste()
            return
        self.paste_dialog(QGuiApplication.clipboard().text())

    def paste_dialog(self, text: str = "", draft: dict[str, Any] | None = None) -> Entry | None:
        """The paste dialog. What is typed or pasted into it is kept in the settings as it is typed (after a
        crash the next start offers it back) and forgotten once the dialog is closed."""
        dlg = PasteDialog(text if draft is None else str(draft.get("text") or ""), self.window)
        if draft:
            dlg.outlet.setText(draft.get("outlet") or "")
            dlg.title_edit.setText(draft.get("title") or "")
            dlg.date.setText(draft.get("date") or "")
        timer = QTimer(dlg, singleShot=True, interval=DRAFT_DELAY_MS)
        timer.timeout.connect(lambda: self._keep_draft(dlg.values()))
        for edit in (dlg.outlet, dlg.title_edit, dlg.date):
            edit.textChanged.connect(timer.start)
        dlg.text.textChanged.connect(timer.start)
        try:
            accepted = dlg.exec() == PasteDialog.Accepted
        finally:
            timer.stop()
            self.settings.set_paste_draft(None)
            self.settings.sync()
        if not accepted:
            return None
        v = dlg.values()
        return self.add_pasted(v["text"], outlet=v["outlet"], title=v["title"], date=v["date"])

    def _keep_draft(self, values: dict[str, str | None]) -> None:
        self.settings.set_paste_draft(values if (values.get("text") or "").strip() else None)
        self.settings.sync()

    def add_pasted(self, text: str, outlet: str | None = None, title: str | None = None,
                   date: str | None = None) -> Entry | None:
        try:
            art = article_from_text(text, outlet=outlet, title=title, date=date)
        except SourceError as exc:
            self.window.show_error(str(exc))
            return None
        added = self.add_articles([art], pasted=True)
        return added[0] if added else None

    # -- closing (undoable; a pasted article asks first)
    def close_article(self, key: str, confirm: bool = True) -> bool:
        """Close an article; Edit > Undo brings it back. A pasted article, whose text is nowhere else,
        asks first. Returns whether it was closed."""
        w = self.window
        entry = self.model.entry(key)
        if entry is None:
            return False
        if confirm and self.only_here(entry) and not self.ask_discard(entry):
            return False
        w.undo_stack.push(CloseArticleCommand(self, entry, self.model.row_of(key)))
        w.status_label.setText(f"Closed {self.model.display_label(entry)}. Edit › Undo (Ctrl+Z) brings it back.")
        return True

    def only_here(self, entry: Entry) -> bool:
        """The article's text exists nowhere on disk: pasted (or from a comparison made elsewhere) and not
        in the comparison file as last saved."""
        return entry.pasted and entry.article.id not in self.window.comparisons.saved_ids

    def ask_discard(self, entry: Entry) -> bool:
        """Ask before closing a pasted article (tests replace this)."""
        box = QMessageBox(QMessageBox.Question, "Close an article saved nowhere else",
                          f"“{self.model.display_label(entry)}” is saved nowhere on disk (it was pasted or fetched).\n\nClose it? Edit › Undo "
                          "(Ctrl+Z) brings it back until Slant is closed; File › Save keeps it in a comparison file.",
                          QMessageBox.NoButton, self.window)
        close = box.addButton("Close article", QMessageBox.DestructiveRole)
        box.addButton("Keep it", QMessageBox.RejectRole)
        box.exec()
        return box.clickedButton() is close

    def remove_entry(self, key: str) -> None:
        w = self.window
        self.model.remove(key)
        w.forget_detail(key)
        w.pane_area.update_empty()
        w.analysis.schedule()

    def reinsert_entry(self, entry: Entry, row: int) -> None:
        w = self.window
        if self.model.entry(entry.key) is not None:
            return
        wanted = entry.compared
        self.model.insert(entry, row)
        if wanted and not entry.compared:
            w.show_info(f"“{self.model.display_label(entry)}” is back in the list; {MAX_PANES} articles are already side by side, "
                        "so tick it to show it.")
        w.pane_area.update_empty()
        w.analysis.schedule()

    def current_key(self) -> str | None:
        w = self.window
        return w.pane_area.current_key() or w.detail_key or w.pane_list.current_key()

    def close_current(self) -> None:
        key = self.current_key()
        if key:
            self.close_article(key)

    # -- details (outlet, title, date, byline)
    def edit_current(self) -> None:
        key = self.current_key()
        if key:
            self.edit_metadata(key)

    def edit_metadata(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is None:
            return
        self.window.reading.edit_details(key)  # undoable (Edit > Undo)

    def set_metadata(self, key: str, **meta: str | None) -> None:
        """Change an article's outlet/title/date/byline: the view updates, no re-analysis needed."""
        w = self.window
        entry = self.model.entry(key)
        if entry is None:
            return
        article = entry.article.with_meta(**meta)
        changes: dict[str, Any] = {"article": article}
        if entry.analysis is not None:
            changes["analysis"] = with_source(dataclasses.replace(
                entry.analysis, outlet=article.outlet, title=article.title or entry.analysis.title, date=article.date),
                article)
            if w.manager.cache is not None:
                w.manager.cache.put(article, changes["analysis"])
        self.model.update(key, **changes)
        w.session.changed()
        w.analysis.compare_soon()

    def show_entry(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is not None and not entry.compared:
            self.model.set_compared(key, True)
