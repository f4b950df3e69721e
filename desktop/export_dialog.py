"""File > Export...: choose a format and options, export on a worker thread with progress and cancel.

    ExportDialog(analyses, comparison, parent).exec()

The export runs in a ``QRunnable`` on ``QThreadPool.globalInstance()``; it talks to the dialog only through
signals of a separate ``QObject`` (``ExportSignals``, no parent, so it outlives a closed dialog) and never
touches a widget. Cancel sets an event the exporter checks between steps; nothing is written then.
"""
from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from analysis.export import ExportCancelled
from analysis.results import ArticleAnalysis, Comparison
from desktop import export_pdf  # noqa: F401 - applies the shiboken None guard before heavy Qt use
from desktop.exporting import (
    FORMAT_NAMES,
    FORMATS,
    SUFFIXES,
    WORKSHEET_FORMATS,
    ExportOptions,
    ExportTargetError,
    export,
    validate_target,
)


# What to export: the comparison sheet, or a classroom worksheet or its answer key (ExportOptions.worksheet).
KINDS = (("Comparison sheet", ""), ("Worksheet for students (blind)", "worksheet"),
         ("Worksheet answer key (for the teacher)", "answer_key"))


class ExportSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(str)  # the path written
    failed = Signal(str)  # a message for the user
    cancelled = Signal()


class ExportJob(QRunnable):
    """One export on a pool thread. ``cancel()`` is thread-safe."""

    def __init__(self, fmt: str, path: str, analyses: Sequence[ArticleAnalysis], comparison: Comparison,
                 options: ExportOptions):
        super().__init__()
        self.setAutoDelete(False)  # the dialog keeps a reference; Python owns the object
        self.fmt, self.path, self.analyses, self.comparison, self.options = fmt, path, list(analyses), comparison, options
        self.signals = ExportSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            export(self.fmt, self.path, self.analyses, self.comparison, self.options,
                   progress=lambda pct, msg: self.signals.progress.emit(int(pct), msg),
                   cancelled=self._cancel.is_set)
        except ExportCancelled:
            self.signals.cancelled.emit()
        except ExportTargetError as exc:
            self.signals.failed.emit(str(exc))
        except OSError as exc:
            self.signals.failed.emit(f"Could not write {Path(self.path).name}: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - reported to the user, never crashes the app
            self.signals.failed.emit(f"The export failed: {type(exc).__name__}: {exc}")
        else:
            self.signals.finished.emit(self.path)


class ExportDialog(QDialog):
    """Format, file, options; Export runs in the background with a progress bar and a Cancel button."""

    exported = Signal(str)

    def __init__(self, analyses: Sequence[ArticleAnalysis], comparison: Comparison, parent: QWidget | None = None,
                 *, default_dir: str | Path | None = None, protect: Sequence[str | None] = (),
                 blind: bool = False, labels: Sequence[tuple[str, str]] = ()):
        super().__init__(parent)
        from desktop import highlight as hl

        self.setWindowTitle("Export comparison")
        self.setObjectName("exportDialog")
        self.analyses, self.comparison = list(analyses), comparison
        self.job: ExportJob | None = None
        self.exported_path: str | None = None
        self._close_when_done = False
        self._dir = Path(default_dir) if default_dir else Path.home()
        self.protect = tuple(str(p) for p in protect if p)  # the open articles' files: never written over

        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kindBox")
        for label, kind in KINDS:
            self.kind_box.addItem(label, kind)
        self.kind_box.setToolTip("Worksheet: a short blind handout (excerpts richest in findings, questions on them, "
                                 "lines to write on). Answer key: the same with the findings marked, the answers "
                                 "and who was who. Both as PDF or HTML (the HTML opens in a word processor).")
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        form.addRow("&What:", self.kind_box)
        self.format_box = QComboBox()
        self.format_box.setObjectName("formatBox")
        for fmt in FORMATS:
            self.format_box.addItem(FORMAT_NAMES[fmt], fmt)
        self.format_box.currentIndexChanged.connect(self._format_changed)
        form.addRow("&Format:", self.format_box)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(self._dir / f"slant-comparison{SUFFIXES['pdf']}"))
        self.path_edit.setObjectName("pathEdit")
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        save_label = QLabel("&Save to:")
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, row)
        layout.addLayout(form)

        opts = QGroupBox("Options")
        ol = QVBoxLayout(opts)
        self.texts_check = QCheckBox("Include the full article &texts with their highlights")
        self.texts_check.setChecked(True)
        self.blind_check = QCheckBox("&Blind outlet names (Outlet A, B, …) for classroom use")
        self.blind_check.setToolTip("Each article's outlet, byline, site and page furniture are hidden everywhere: "
                                    "labels, headlines, article texts and tables. Other outlets cited as sources "
                                    "stay.")
        self.key_check = QCheckBox("Add an answer &key: who was who, at the end (for the teacher, not the students)")
        self.key_check.setEnabled(False)
        self.blind_check.toggled.connect(self.key_check.setEnabled)
        self.blind_check.toggled.connect(lambda on: on or self.key_check.setChecked(False))
        ol.addWidget(self.texts_check)
        ol.addWidget(self.blind_check)
        ol.addWidget(self.key_check)
        self.labels = tuple(labels)  # the window's blind letters, so the sheet calls each outlet the same
        self.blind_check.setChecked(blind)
        self.cats_group = QGroupBox("Highlights to include")
        grid = QGridLayout(self.cats_group)
        self.category_checks: dict[str, QCheckBox] = {}
        for i, (key, st) in enumerate(hl.load_styles().items()):
            cb = QCheckBox(st.label)
            cb.setChecked(True)
            cb.setToolTip(f"{st.description} ({st.cue})")
            self.category_checks[key] = cb
            grid.addWidget(cb, i // 2, i % 2)
        ol.addWidget(self.cats_group)
        layout.addWidget(opts)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setVisible(False)
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setObjectName("exportButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._format_changed()

    # ------------------------------------------------------------------ options
    def fmt(self) -> str:
        return self.format_box.currentData()

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(FORMATS.index(fmt))

    def kind(self) -> str:
        """"" (the comparison sheet), "worksheet" or "answer_key"."""
        return self.kind_box.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_box.setCurrentIndex([k for _, k in KINDS].index(kind))

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind()
        model = self.format_box.model()
        for i, fmt in enumerate(FORMATS):  # a worksheet is PDF or HTML
            model.item(i).setEnabled(not kind or fmt in WORKSHEET_FORMATS)
        if kind and self.fmt() not in WORKSHEET_FORMATS:
            self.set_format("pdf")
        p = Path(self.path_edit.text())
        stem = {"": "slant-comparison", "worksheet": "slant-worksheet", "answer_key": "slant-answer-key"}
        if p.stem in stem.values():
            self.path_edit.setText(str(p.with_name(stem[kind] + SUFFIXES[self.fmt()])))
        self._format_changed()

    def options(self) -> ExportOptions:
        chosen = frozenset(k for k, cb in self.category_checks.items() if cb.isChecked())
        cats = None if len(chosen) == len(self.category_checks) else chosen
        return ExportOptions(include_texts=self.texts_check.isChecked(), blind=self.blind_check.isChecked(),
                             answer_key=self.blind_check.isChecked() and self.key_check.isChecked(),
                             labels=self.labels,
                             categories=cats, protect=self.protect, worksheet=self.kind())

    @Slot()
    def _format_changed(self) -> None:
        fmt = self.fmt()
        p = Path(self.path_edit.text() or f"slant-comparison{SUFFIXES[fmt]}")
        self.path_edit.setText(str(p.with_suffix(SUFFIXES[fmt])))
        sheet = fmt in ("pdf", "html")
        worksheet = bool(self.kind())  # always blind, excerpts only, every kind of finding
        self.texts_check.setEnabled(sheet and not worksheet)
        self.blind_check.setEnabled(not worksheet)
        self.key_check.setEnabled(not worksheet and self.blind_check.isChecked())
        self.cats_group.setEnabled(fmt != "json" and not worksheet)
        self.cats_group.setToolTip("" if fmt != "json" else "JSON always holds every finding (the analysis schema).")

    @Slot()
    def _browse(self) -> None:
        fmt = self.fmt()
        path, _ = QFileDialog.getSaveFileName(self, "Export comparison", self.path_edit.text(), FORMAT_NAMES[fmt])
        if path:
            if not Path(path).suffix:
                path += SUFFIXES[fmt]
            self.path_edit.setText(path)

    # ------------------------------------------------------------------ running
    def is_running(self) -> bool:
        return self.job is not None

    @Slot()
    def start(self) -> None:
        if self.job is not None:
            return
        path = self.path_edit.text().strip()
        options = self.options()
        try:  # the same check as ``slant export -o``: no device, folder, empty name or input article
            target = validate_target(self.fmt(), path, options)
        except ExportTargetError as exc:
            self.status.setText(str(exc))
            return
        self.job = ExportJob(self.fmt(), str(target), self.analyses, self.comparison, options)
        sig = self.job.signals
        sig.progress.connect(self._on_progress)
        sig.finished.connect(self._on_finished)
        sig.failed.connect(self._on_failed)
        sig.cancelled.connect(self._on_cancelled)
        self._set_running(True)
        self.status.setText("Exporting…")
        QThreadPool.globalInstance().start(self.job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.status.setText("Cancelling…")

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.export_button.setEnabled(not running)
        for w in (self.kind_box, self.format_box, self.path_edit, self.texts_check, self.blind_check, self.key_check,
                  self.cats_group):
            w.setEnabled(not running)
        self.key_check.setEnabled(not running and self.blind_check.isChecked())
        if not running:
            self._format_changed()

    @Slot(int, str)
    def _on_progress(self, pct: int, message: str) -> None:
        self.progress.setValue(pct)
        self.status.setText(message)

    @Slot(str)
    def _on_finished(self, path: str) -> None:
        self.job = None
        self.exported_path = path
        self._set_running(False)
        self.status.setText(f"Saved {path}")
        self.exported.emit(path)
        self.accept()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.job = None
        self._set_running(False)
        self.status.setText(message)
        if self._close_when_done:
            super().reject()

    @Slot()
    def _on_cancelled(self) -> None:
        self.job = None
        self._set_running(False)
        self.status.setText("Export cancelled; nothing was written.")
        if self._close_when_done:
            super().reject()

    def reject(self) -> None:
        """Cancel while exporting (the dialog closes once the worker has stopped); otherwise close."""
        if self.job is not None:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()
