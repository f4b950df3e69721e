"""Blind mode in the window (View > Blind outlets): every part shows "Outlet A", "B", ... and blinded texts.

The articles themselves never change (the session and comparison files keep the real texts): this
controller gives the views a blinded copy of each entry (``entry()``), of the compared analyses
(``analyses()``) and of the comparison (``comparison()``), made by ``analysis.export.blind`` - the same
redaction as the exports, so a highlight, a dashboard row and a sheet all point at the same words. The
letters follow the library's order and are the ones the exports use while blind mode is on.
"""
from __future__ import annotations

import dataclasses
import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox

from analysis.export.blind import blind, blind_article, blind_label

from .models.article_model import Entry

if TYPE_CHECKING:
    from .main_window import MainWindow

WAITING_TEXT = "(Hidden in blind mode until the article is analysed.)"


class Blinding(QObject):
    changed = Signal(bool)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.model = window.model
        self.on = False
        self._articles: dict[tuple[str, str], tuple[Any, Any, Any]] = {}  # (key, label) -> (analysis, blinded, remap)
        self._comparison: tuple[Any, tuple, Any] | None = None  # (comparison, labels, blinded)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.rowsMoved):
            sig.connect(lambda *_: self._relabel())

    # -- what the views get
    def labels(self) -> dict[str, str]:
        """Entry key -> "Outlet A", ... in the library's order."""
        return {e.key: blind_label(i) for i, e in enumerate(self.model.entries())}

    def id_labels(self) -> tuple[tuple[str, str], ...]:
        """(article id, letter) of the analysed entries: the exports use the same letters."""
        labels = self.labels()
        return tuple((e.analysis.id, labels[e.key]) for e in self.model.entries() if e.analysis is not None)

    def entry(self, e: Entry | None) -> Any:
        """The entry as the views show it: itself, or in blind mode a copy with its identity hidden."""
        if e is None or not self.on:
            return e
        label = self.labels().get(e.key, "Outlet ?")
        analysis = self._blinded(e.key, e.analysis, label) if e.analysis is not None else None
        article = dataclasses.replace(
            e.article, outlet=label, title=analysis.title if analysis is not None else None, byline=None,
            path=None, url=None, fetched=None, notes=(), text=analysis.text if analysis is not None else WAITING_TEXT)
        return dataclasses.replace(e, article=article, analysis=analysis, plan=None)

    def analyses(self) -> list[Any]:
        """The compared articles' analyses as the dashboard shows them."""
        out = [self.entry(e).analysis for e in self.model.compared() if e.analysis is not None]
        return out

    def comparison(self, comparison: Any) -> Any:
        if comparison is None or not self.on:
            return comparison
        labels = self.id_labels()
        if self._comparison and self._comparison[0] is comparison and self._comparison[1] == labels:
            return self._comparison[2]
        real = [e.analysis for e in self.model.compared() if e.analysis is not None]
        blinded = blind(real, comparison, dict(labels))[1]
        self._comparison = (comparison, labels, blinded)
        return blinded

    def _blinded(self, key: str, analysis: Any, label: str) -> Any:
        cached = self._articles.get((key, label))
        if cached is not None and cached[0] is analysis:
            return cached[1]
        blinded, remap, _ident = blind_article(analysis, label)
        self._articles[(key, label)] = (analysis, blinded, remap)
        return blinded

    def remap(self, key: str) -> Any:
        """Offsets of the entry's real text -> the shown (blinded) one: a callable ``(pos, side)``, or None
        when blind mode is off (the offsets are the same)."""
        e = self.model.entry(key)
        if not self.on or e is None or e.analysis is None:
            return None
        label = self.labels().get(e.key, "Outlet ?")
        self._blinded(key, e.analysis, label)
        return self._articles[(key, label)][2]

    # -- switching
    def set_on(self, on: bool) -> None:
        on = bool(on)
        if on == self.on:
            return
        self.on = on
        w = self.window
        w.settings.set_flag("blind_outlets", on)
        self._articles.clear()
        self._comparison = None
        self.model.set_blind_labels(self.labels() if on else None)
        w.pane_area.present = self.entry
        w.pane_area.represent()
        w.refresh_views()
        action = w.actions_by_name.get("reveal") if hasattr(w, "actions_by_name") else None
        if action is not None:
            action.setEnabled(on)
        w.status_label.setText("Blind mode: outlets are called Outlet A, B, …; View › Reveal who was who shows them."
                               if on else "Blind mode off: outlet names shown.")
        self.changed.emit(on)

    def _relabel(self) -> None:
        if self.on:
            self.model.set_blind_labels(self.labels())
            self.window.pane_area.represent()

    # -- the reveal
    def reveal_rows(self) -> list[tuple[str, str, str, str]]:
        """(letter, outlet, byline, site) of every article in the library."""
        labels = self.labels()
        rows = []
        for e in self.model.entries():
            a = e.article
            rows.append((labels[e.key], e.label, a.byline or "", a.url or ""))
        return rows

    def reveal_html(self) -> str:
        cells = "".join("<tr>" + "".join(f"<td>{html.escape(c or '–')}</td>" for c in row) + "</tr>"
                        for row in self.reveal_rows())
        return ("<p><b>Who was who</b></p><table cellpadding=4><tr><th align=left>Shown as</th>"
                "<th align=left>Outlet</th><th align=left>Byline</th><th align=left>Address</th></tr>"
                f"{cells}</table><p>Blind mode stays on until you switch it off (View › Blind outlets).</p>")

    def reveal(self) -> None:
        box = QMessageBox(self.window)
        box.setWindowTitle("Who was who")
        box.setTextFormat(Qt.RichText)
        box.setText(self.reveal_html())
        box.setObjectName("revealBox")
        box.open()
