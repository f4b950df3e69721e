"""The window's ways of reading articles beyond File > Open: Open URL… (fetched off the UI thread),
Reopen with encoding…, and undoable edits of an article's details.

``Reading(window)`` is created by the main window; its menu actions call ``open_url_dialog``,
``reopen_with_encoding`` and ``edit_details`` with a line each. Fetching follows the pattern of
``desktop.workers``: a ``QRunnable`` on a ``QThreadPool``, its signals on a ``QObject`` created on the
UI thread (queued connections), never touching a widget from the worker.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QUndoCommand

from analysis.sources import META_FIELDS, SourceError, article_from_url, read_article, read_bytes

from .dialogs.encoding_dialog import PREVIEW_BYTES, EncodingDialog
from .dialogs.metadata_dialog import MetadataDialog
from .dialogs.url_dialog import UrlDialog
from .models.article_model import PENDING


class FetchSignals(QObject):
    done = Signal(str, object)  # url, Article
    failed = Signal(str, str)  # url, message (one sentence)


class FetchJob(QRunnable):
    def __init__(self, url: str, signals: FetchSignals, meta: dict[str, Any]):
        super().__init__()
        self.setAutoDelete(True)
        self.url, self.signals, self.meta = url, signals, meta

    def run(self) -> None:
        try:
            art = article_from_url(self.url, **self.meta)
        except SourceError as exc:
            self.signals.failed.emit(self.url, str(exc))
        except Exception as exc:  # noqa: BLE001 - a message, never a dead worker
            self.signals.failed.emit(self.url, f"Could not open {self.url} ({type(exc).__name__}: {exc}).")
        else:
            self.signals.done.emit(self.url, art)


class MetadataCommand(QUndoCommand):
    """Change an article's details; undo puts the previous ones back."""

    def __init__(self, window: Any, key: str, before: dict[str, Any], after: dict[str, Any]):
        label = after.get("outlet") or after.get("title") or "article"
        super().__init__(f"Edit details of {label}")
        self.window, self.key, self.before, self.after = window, key, before, after

    def redo(self) -> None:
        self.window.set_metadata(self.key, **self.after)

    def undo(self) -> None:
        self.window.set_metadata(self.key, **self.before)


class Reading(QObject):
    fetchFinished = Signal(str, bool)  # url, ok (for tests and the status bar)

    def __init__(self, window: Any):
        super().__init__(window)
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)  # fetches never hold up the analysis pool
        self.signals = FetchSignals(self)
        self.signals.done.connect(self._fetched)
        self.signals.failed.connect(self._fetch_failed)
        self.pending: set[str] = set()

    # ---------------------------------------------------------------- URLs
    def open_url_dialog(self) -> None:
        dlg = UrlDialog("", self.window)
        if dlg.exec() == UrlDialog.Accepted:
            self.fetch(dlg.url())

    def fetch(self, url: str, **meta: Any) -> None:
        url = url.strip()
        if url in self.pending:
            return
        self.pending.add(url)
        self.window.status_label.setText(f"Fetching {url}…")
        self.pool.start(FetchJob(url, self.signals, {k: v for k, v in meta.items() if v is not None}))

    def _fetched(self, url: str, article: Any) -> None:
        self.pending.discard(url)
        self.window.add_articles([article])
        self.window.status_label.setText(f"Fetched {url}")
        self.fetchFinished.emit(url, True)

    def _fetch_failed(self, url: str, message: str) -> None:
        self.pending.discard(url)
        self.window.show_error(message)
        self.fetchFinished.emit(url, False)

    def wait(self, ms: int = 30000) -> bool:
        return self.pool.waitForDone(ms)

    # ---------------------------------------------------------------- encoding
    def reopen_with_encoding(self, key: str | None, encoding: str | None = None) -> bool:
        """Read the article's file again with ``encoding`` (asked for when None). Its details stay; the
        analysis is redone. Returns whether it was reopened."""
        w = self.window
        entry = w.model.entry(key) if key else None
        if entry is None or not entry.article.path:
            w.show_info("Reopen with encoding works on articles opened from a file; choose one first.")
            return False
        art = entry.article
        if encoding is None:
            try:
                head = read_bytes(art.path)[:PREVIEW_BYTES]
            except SourceError as exc:
                w.show_error(str(exc))
                return False
            dlg = EncodingDialog(entry.label, head, art.encoding, w)
            if dlg.exec() != EncodingDialog.Accepted:
                return False
            encoding = dlg.encoding()
        keep = {k: getattr(art, k) for k in META_FIELDS}
        try:
            new = read_article(art.path, encoding=encoding)
        except SourceError as exc:
            w.show_error(str(exc))
            return False
        new = new.with_meta(**{k: v for k, v in keep.items() if v is not None})
        w.model.update(key, article=new, analysis=None, plan=None, error=None, from_cache=False,
                       status=PENDING)
        w.library.after_add()  # schedules the analysis and saves the session
        return True

    # ---------------------------------------------------------------- details
    def edit_details(self, key: str) -> None:
        entry = self.window.model.entry(key)
        if entry is None:
            return
        dlg = MetadataDialog(entry.article, self.window)
        if dlg.exec() == MetadataDialog.Accepted:
            self.change_details(key, dlg.values())

    def change_details(self, key: str, values: dict[str, Any]) -> None:
        """Apply new details as one undoable step (Edit > Undo)."""
        entry = self.window.model.entry(key)
        if entry is None:
            return
        before = {k: getattr(entry.article, k, None) for k in values}
        if before == values:
            return
        self.window.undo_stack.push(MetadataCommand(self.window, key, before, dict(values)))
