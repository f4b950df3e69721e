"""Analysis runs as the window sees them: which articles to analyse, the progress bar and Cancel in the
status bar, results arriving into the model, and the comparison once every shown article is done.
The work itself happens off the UI thread in ``AnalysisManager``."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton

from analysis.sources import file_name, with_source

from .models.article_model import CANCELLED, DONE, FAILED, PENDING, RUNNING

if TYPE_CHECKING:
    from .main_window import MainWindow


class AnalysisRuns(QObject):
    comparisonChanged = Signal(object)  # the new comparison (or None)
    settled = Signal()  # every article finished (or failed / cancelled) and the comparison is in

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.manager = window.manager
        self.comparison: Any = None
        self.comparison_for: tuple[str, ...] | None = None
        self.compare_wanted = False
        # "compare again" requests, counted: a result computed for an older request must not clear a newer one
        # (the same articles with other findings, e.g. a teacher's decision, while a comparison is computed)
        self._wants = 0
        self._asked = 0

        self.progress = QProgressBar()
        self.progress.setObjectName("analysisProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the analysis after the article being analysed now")
        self.cancel_button.setVisible(False)
        self.model_label = QLabel("")
        self.model_label.setObjectName("modelLabel")

        self.schedule_timer = QTimer(self, singleShot=True, interval=0)
        self.schedule_timer.timeout.connect(self._schedule_analysis)
        self.compare_timer = QTimer(self, singleShot=True, interval=30)
        self.compare_timer.timeout.connect(self._schedule_comparison)

        m = self.manager
        m.busyChanged.connect(self._on_busy)
        m.runStarted.connect(self._on_run_started)
        m.articleStarted.connect(self._on_article_started)
        m.articleProgress.connect(self._on_article_progress)
        m.articleDone.connect(self._on_article_done)
        m.articleFailed.connect(self._on_article_failed)
        m.progress.connect(self._on_progress)
        m.runFinished.connect(self._on_run_finished)
        m.comparisonReady.connect(self._on_comparison)
        m.comparisonFailed.connect(self._on_comparison_failed)
        m.modelReady.connect(lambda _v: self.model_label.setText("Language model ready"))
        m.modelFailed.connect(self._on_model_failed)
        m.lexiconProblem.connect(self.window.show_error)
        self.cancel_button.clicked.connect(self.cancel)

    def _status(self, text: str) -> None:
        self.window.status_label.setText(text)

    def schedule(self) -> None:
        """Analyse what needs it on the next event-loop turn (many changes in a row give one run)."""
        self.schedule_timer.start()

    def compare_soon(self) -> None:
        self.compare_timer.start()

    def compare_again(self) -> None:
        """The same articles' findings changed (not their text or analyser): make the comparison again."""
        self._wants += 1
        self.compare_wanted = True
        self.compare_soon()

    # -- analysing
    def _schedule_analysis(self) -> None:
        """Analyse every article without a result or marked to be analysed again (its old highlights stay
        until the new ones arrive); a run in progress is replaced (it stops between articles)."""
        todo = [e for e in self.model.entries()
                if (e.analysis is None or e.status == PENDING) and e.status not in (FAILED, CANCELLED)]
        todo.sort(key=lambda e: not e.compared)  # shown articles first
        if not todo:
            if not self.manager.is_busy():
                self.compare_timer.start()
            return
        for e in todo:
            if e.status != PENDING:
                self.model.update(e.key, status=PENDING)
        self.manager.analyze([(e.key, e.article) for e in todo])

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.window.actions_by_name["cancel"].setEnabled(busy)

    def _on_run_started(self, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._status(f"Analysing {total} article{'s' if total != 1 else ''}…")

    def _on_article_progress(self, key: str, fraction: float) -> None:
        entry = self.model.entry(key)
        if entry is not None:
            self._status(f"Analysing {entry.label}… {fraction:.0%}")

    def _on_article_started(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is None:
            return
        self.model.update(key, status=RUNNING)
        done = self.progress.value()
        self.progress.setFormat(f"{done} of {self.progress.maximum()}: {self.model.display_label(entry)[:28]}")
        text = f"Analysing {self.model.display_label(entry)}…"
        if not self.manager.model_ready:
            text += " (loading the language model first)"
        self._status(text)

    def _on_article_done(self, key: str, article: Any, analysis: Any, cached: bool, plan: Any = None) -> None:
        entry = self.model.entry(key)
        if entry is None:
            return
        if entry.article != article:
            if entry.article.text != article.text or entry.article.id != article.id:
                return  # stale: the text changed since this run started; the new run will deliver
            a = entry.article
            analysis = dataclasses.replace(analysis, outlet=a.outlet, title=a.title or analysis.title, date=a.date)
        name = file_name(entry.article.path) if entry.article.path else None
        if analysis.file != name:  # a cached result of the same text read from another file, or pasted
            analysis = dataclasses.replace(analysis, file=name)
        analysis = with_source(analysis, entry.article)  # byline, URL, fetch time, encoding
        self.model.update(key, analysis=analysis, plan=plan, status=DONE, error=None, from_cache=cached)
        self.window.pane_area.update_counts()
        self.compare_timer.start()

    def _on_article_failed(self, key: str, article: Any, message: str) -> None:
        entry = self.model.entry(key)
        if entry is None or entry.article.text != article.text:
            return
        self.model.update(key, status=FAILED, error=message)
        self.window.show_error(f"Could not analyse {self.model.display_label(entry)}: {message}")

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done} of {total} analysed")

    def _on_run_finished(self, cancelled: bool) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        if cancelled:
            for e in self.model.entries():
                if e.status in (PENDING, RUNNING):
                    self.model.update(e.key, status=CANCELLED)
            self._status("Analysis cancelled. Analysis › Analyse again (Ctrl+R) resumes it.")
        else:
            self._status("Analysis finished.")
        self.compare_timer.start()
        self.check_settled()

    def cancel(self) -> None:
        if self.manager.is_busy():
            self.manager.cancel()
            self.cancel_button.setEnabled(False)
            self._status("Cancelling: finishing the articles being analysed…")

    def reanalyse(self) -> None:
        """Analyse again what failed or was cancelled, and what an older analyser produced (e.g. before
        the user edited a lexicon file while the app was open)."""
        version = self.manager.cache.version if self.manager.cache is not None else None
        for e in self.model.entries():
            stale = version is not None and e.analysis is not None and e.analysis.analyzer_version != version
            if e.status in (FAILED, CANCELLED) or stale:
                self.model.update(e.key, status=PENDING, error=None)
        self.schedule_timer.start()

    def _on_model_failed(self, message: str) -> None:
        self.model_label.setText("Language model missing")
        self.window.show_error(f"The language model could not be loaded, so articles cannot be analysed:\n{message}")

    # -- comparing
    def compared_analyses(self) -> list[Any]:
        return [e.analysis for e in self.model.compared() if e.analysis is not None]

    def _schedule_comparison(self) -> None:
        entries = self.model.compared()
        if any(e.status in (PENDING, RUNNING) for e in entries):
            return  # wait for the rest
        analyses = self.compared_analyses()
        ident = tuple(f"{a.id}|{a.outlet}|{a.title}|{a.date}|{a.analyzer_version}" for a in analyses)
        if ident == self.comparison_for and not self.compare_wanted:
            self.check_settled()
            return
        self.comparison_for = ident
        self.compare_wanted = True
        self._asked = self._wants
        if not analyses:
            self._on_comparison(None)
            return
        self.manager.compare(analyses)

    def _on_comparison(self, comparison: Any) -> None:
        self.compare_wanted = self._asked != self._wants  # asked again while this one was computed
        if self.compare_wanted:
            self.compare_soon()
        self.comparison = comparison
        self.comparisonChanged.emit(comparison)
        self.check_settled()

    def _on_comparison_failed(self, message: str) -> None:
        self.compare_wanted = self._asked != self._wants
        if self.compare_wanted:
            self.compare_soon()
        self.window.show_error(f"The comparison failed: {message}")
        self.check_settled()

    def is_settled(self) -> bool:
        return (not self.manager.is_busy()
                and not any(e.status in (PENDING, RUNNING) for e in self.model.entries())
                and not self.compare_wanted and not self.schedule_timer.isActive()
                and not self.compare_timer.isActive())

    def check_settled(self) -> None:
        if self.is_settled():
            self.settled.emit()
