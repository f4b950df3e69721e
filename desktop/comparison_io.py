"""File > Save / Save As… / Open Comparison…: the window's side of comparison files.

The file format (load, save, checks) is ``analysis.comparison_file`` (no Qt). This controller turns the
window's state into a ``ComparisonDocument`` and back, remembers which file the comparison belongs to and
whether it changed since it was saved (the window title shows ``name*``), and asks before unsaved work
would be replaced.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox

from analysis import comparison_file as cf
from analysis.sources import SourceError, read_article

from .models.article_model import MAX_PANES

if TYPE_CHECKING:
    from .main_window import MainWindow

FILTER = f"Slant comparisons (*{cf.SUFFIX});;All files (*)"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


class ComparisonFiles(QObject):
    lessonLoaded = Signal(object)  # the lesson of a file just opened (analysis.lesson.Lesson), or None

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        self.saved_fingerprint: str | None = None
        self.saved_ids: set[str] = set()  # ids of the articles in the file as last saved or opened
        self.choices: dict[str, Any] = {}
        self.sections: dict[str, Any] = {}  # parts of the file this version does not use: written back as they were
        self.lesson: Any = None  # analysis.lesson.Lesson of a lesson file (desktop.exercise keeps it up to date)

    # -- the window's state as a document
    def document(self) -> cf.ComparisonDocument:
        w = self.window
        from analysis import analyzer_version

        articles = [cf.SavedArticle.from_article(e.article, pasted=e.pasted, shown=e.compared)
                    for e in w.model.entries()]
        view = {"categories": w.legend_model.enabled(), "font_pt": w.font_pt,
                "hide_furniture": w.actions_by_name["collapse"].isChecked(),
                "scroll_together": w.actions_by_name["sync"].isChecked(),
                "tab": "dashboard" if w.tabs.currentIndex() == 1 else "articles"}
        try:
            version = analyzer_version()
        except Exception:  # noqa: BLE001 - informative only
            version = None
        return cf.ComparisonDocument(articles=articles, view=view, choices=dict(self.choices),
                                     sections=dict(self.sections), name=self.name(), analyzer_version=version,
                                     lesson=self.lesson)

    def name(self) -> str | None:
        return Path(self.path).stem if self.path else None

    def is_modified(self) -> bool:
        """Changed since it was last saved or opened (only a comparison with a file can be)."""
        return bool(self.path) and self.document().fingerprint() != self.saved_fingerprint

    def update_title(self) -> None:
        w = self.window
        if self.path:
            w.setWindowTitle(f"{Path(self.path).name}[*] — Slant")
            w.setWindowModified(self.is_modified())
        else:
            w.setWindowTitle("Slant: compare news articles")
            w.setWindowModified(False)

    # -- saving
    def save(self) -> bool:
        if not self.path:
            return self.save_as()
        return self.write_to(self.path)

    def save_as(self) -> bool:
        w = self.window
        start = self.path or str(Path(w.settings.last_directory() or Path.home()) / f"comparison{cf.SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(w, "Save comparison", start, FILTER)
        if not path:
            return False
        if not Path(path).suffix:
            path += cf.SUFFIX
        return self.write_to(path)

    def write_to(self, path: str) -> bool:
        from analysis import __version__

        from analysis.export.target import ExportTargetError, check_target

        w = self.window
        doc = self.document()
        try:
            # never over a device, a folder or one of the open articles' own files
            check_target(path, "json", protect=[e.article.path for e in w.model.entries() if not e.pasted])
            cf.save(path, doc, saved_by=f"Slant {__version__}")
        except ExportTargetError as exc:
            w.show_error(f"Could not save the comparison: {exc}")
            return False
        except OSError as exc:
            w.show_error(f"Could not save the comparison to {Path(path).name}: {exc.strerror or exc}. "
                         "Nothing was changed; your articles are still open.")
            return False
        self.path = str(Path(path).absolute())
        self.saved_fingerprint = doc.fingerprint()
        self.saved_ids = {a.id for a in doc.articles}
        w.settings.set_last_directory(str(Path(self.path).parent))
        w.session.changed()
        self.update_title()
        w.status_label.setText(f"Saved the comparison to {self.path}")
        return True

    # -- opening
    def open_dialog(self) -> None:
        w = self.window
        path, _ = QFileDialog.getOpenFileName(w, "Open comparison", w.settings.last_directory(), FILTER)
        if path:
            self.open_path(path)

    def has_unsaved_work(self) -> bool:
        """Opening another comparison would lose something: unsaved changes to a named comparison, or
        pasted articles that are in no file."""
        if self.path:
            return self.is_modified()
        return any(e.pasted for e in self.window.model.entries())

    def ask_unsaved(self) -> str:
        """Save, discard or cancel (tests replace this)."""
        w = self.window
        what = (f"The changes to “{Path(self.path).name}” are not saved." if self.path
                else "Some open articles were pasted and are saved nowhere else.")
        box = QMessageBox(QMessageBox.Warning, "Unsaved work", what + " Save them before opening another comparison?",
                          QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, w)
        box.setDefaultButton(QMessageBox.Save)
        answer = box.exec()
        return {QMessageBox.Save: SAVE, QMessageBox.Discard: DISCARD}.get(answer, CANCEL)

    def open_path(self, path: str, confirm: bool = True) -> bool:
        w = self.window
        try:
            doc = cf.load(path)
        except cf.ComparisonFileError as exc:
            w.show_error(f"Could not open the comparison: {exc}")
            return False
        if confirm and self.has_unsaved_work():
            answer = self.ask_unsaved()
            if answer == CANCEL or (answer == SAVE and not self.save()):
                return False
        self.apply(doc)
        self.path = str(Path(path).absolute())
        now = self.document()
        self.saved_fingerprint = now.fingerprint()
        self.saved_ids = {a.id for a in now.articles}
        w.settings.set_last_directory(str(Path(self.path).parent))
        w.session.changed()
        self.update_title()
        if doc.notes:
            w.show_info("\n".join(doc.notes))
        w.status_label.setText(f"Opened {Path(path).name}: {len(doc.articles)} article"
                               f"{'s' if len(doc.articles) != 1 else ''}")
        return True

    def apply(self, doc: cf.ComparisonDocument) -> None:
        """Replace the open articles and view with the document's. Analyses come from the cache or are
        made again; nothing of the file's is taken as a result."""
        w = self.window
        w.undo_stack.clear()  # a closed article of the previous comparison does not come back into this one
        w.model.clear()
        w.forget_detail(w.detail_key or "")
        w.pane_area.hold = True
        try:
            shown = 0
            for saved in doc.articles:
                art = saved.to_article()
                compare = saved.shown and shown < MAX_PANES
                shown += compare
                w.model.add(art, compared=compare, pasted=not _file_holds(art.path, art.text))
        finally:
            w.pane_area.hold = False
        w.pane_area.rebuild()
        self.choices = dict(doc.choices)
        self.sections = dict(doc.sections)
        self.lesson = doc.lesson
        self._apply_view(doc.view)
        w.library.after_add()
        self.lessonLoaded.emit(doc.lesson)

    def _apply_view(self, view: dict[str, Any]) -> None:
        w = self.window
        for key, on in view.get("categories", {}).items():
            if key in w.legend_model.keys():
                w.legend_model.set_enabled(key, on)
        if "font_pt" in view:
            w.set_font_size(view["font_pt"])
        if "hide_furniture" in view:
            w.actions_by_name["collapse"].setChecked(view["hide_furniture"])
        if "scroll_together" in view:
            w.actions_by_name["sync"].setChecked(view["scroll_together"])
        if "tab" in view:
            w.tabs.setCurrentIndex(1 if view["tab"] == "dashboard" else 0)

    # -- what the session remembers
    def session_info(self) -> dict[str, Any]:
        info: dict[str, Any] = {"path": self.path, "fingerprint": self.saved_fingerprint,
                                "ids": sorted(self.saved_ids), "choices": self.choices,
                                "sections": self.sections} if self.path else {}
        if self.lesson is not None:  # a lesson not yet saved to a file comes back after a restart too
            info["lesson"] = self.lesson.to_dict()
        return info

    def restore_session_info(self, info: dict[str, Any]) -> None:
        path = info.get("path")
        if isinstance(path, str) and path:
            self.path = path
            fp = info.get("fingerprint")
            self.saved_fingerprint = fp if isinstance(fp, str) else None
            ids = info.get("ids")
            self.saved_ids = {i for i in ids if isinstance(i, str)} if isinstance(ids, list) else set()
            self.choices = info["choices"] if isinstance(info.get("choices"), dict) else {}
            self.sections = info["sections"] if isinstance(info.get("sections"), dict) else {}
        if isinstance(info.get("lesson"), dict):
            from analysis.lesson import Lesson, LessonError

            try:
                self.lesson = Lesson.from_dict(info["lesson"])
            except LessonError:
                self.sections.setdefault("lesson", info["lesson"])  # kept as it was, like a file's
            self.lessonLoaded.emit(self.lesson)


def _file_holds(path: str | None, text: str) -> bool:
    """Whether the article's file is on this disk with this very text (else the text lives only in Slant)."""
    if not path:
        return False
    try:
        return read_article(path).text == text
    except (SourceError, OSError, ValueError):
        return False
