"""Classroom > Spot the slant: the exercise, on the window's own panes, highlight layer and results.

Flow: **Start** hides the highlights (and the dashboard and the detail panel, which would give the answers
away) and turns blind mode on when the lesson says so. Students select words in a pane and mark them
(Ctrl+M / the toolbar's "Mark as loaded", Ctrl+Shift+M "Mark as unnamed source", or the right-click menu);
marks are drawn in a neutral style. **Reveal** (F8) scores the marks (``analysis.lesson.score``) against the
findings of the lesson's revealed categories, switches those categories on in the panes (a missed finding in
its usual style), frames what was found in green and underlines extra marks in dashed grey; the exercise
panel shows the score ("Found 3 of 5 · 2 extra marks: …") and every item, and clicking one explains it in the
detail panel. The teacher can **accept** an extra word (a one-line reason: it becomes a finding of the lesson,
rule ``lesson:<word>``) or **dismiss** a finding (a note: it stays visible, greyed, and leaves the figures).

The lesson's decisions act on the results, not on the view: each article's analysis is replaced in the
article model by ``analysis.lesson.apply_lesson(raw, lesson)``, so the panes, the badges, the dashboard, the
comparison and every export show the same figures (and the sheets say how many findings were dismissed).
The lesson lives in the comparison file (``ComparisonFiles.lesson``): File > Save writes a lesson file.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QMenu, QToolBar

from analysis import lesson as ls
from analysis.lesson import Finding, Lesson, Mark

from .. import highlight as hl
from .decisions import TeacherDecisions
from .panel import ExercisePanel, _q, explain, fill_panel, mark_format

if TYPE_CHECKING:
    from ..main_window import MainWindow
    from ..panes.article_pane import ArticlePane


class Exercise(TeacherDecisions, QObject):
    changed = Signal()
    revealed_round = Signal(object)  # analysis.lesson.Round after each Reveal (and after accept / dismiss)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self.lesson = Lesson()
        self.active = False
        self.revealed = False
        self.round: ls.Round | None = None
        self._raw: dict[str, Any] = {}  # entry key -> the analyser's result
        self._shown: dict[str, Any] = {}  # entry key -> that result with the lesson applied (what the model holds)
        # tests replace these two: (word) -> reason or None, (text) -> note or None
        self.ask_reason = self._ask_reason
        self.ask_note = self._ask_note
        self.panel = ExercisePanel()
        self.panel.hide()
        window.reading_splitter.addWidget(self.panel)
        self.panel.itemChosen.connect(self._explain)
        self.panel.accept_button.clicked.connect(self.accept_chosen)
        self.panel.dismiss_button.clicked.connect(self.dismiss_chosen)
        self.actions = self._build_actions()
        window.model.entryChanged.connect(self._on_entry)
        window.pane_area.contentShown.connect(self.redraw)
        window.pane_area.rebuilt.connect(self._setup_panes)
        window.legend_model.enabledChanged.connect(self._keep_categories)
        window.comparisons.lessonLoaded.connect(self.load_lesson)
        self._update_actions()

    # ================================================================== actions, menu, toolbar
    def _build_actions(self) -> dict[str, QAction]:
        w = self.w

        def act(name: str, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
            a = QAction(text, w)
            a.setObjectName(f"exercise_{name}")
            if shortcut:
                a.setShortcut(QKeySequence(shortcut))
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            a.triggered.connect(slot)
            w.addAction(a)
            return a

        a = {
            "start": act("start", "&Spot the slant (exercise)", self.toggle, None,
                         "Hide the highlights; students mark the loaded words and unnamed sources, then Reveal"),
            "mark_loaded": act("mark_loaded", "Mark as &loaded", lambda: self.mark_selection(ls.LOADED), "Ctrl+M",
                               "Mark the selected words as loaded"),
            "mark_source": act("mark_source", "Mark as &unnamed source", lambda: self.mark_selection(ls.UNNAMED_SOURCE),
                               "Ctrl+Shift+M", "Mark the selected words as an unnamed source"),
            "unmark": act("unmark", "&Remove mark", self.unmark_selection, None, "Remove the mark under the selection"),
            "reveal": act("reveal", "&Reveal", self.reveal, "F8",
                          "Show which marks found a finding, which findings were missed and which marks are extra"),
            "new_round": act("new_round", "&New round", self.new_round, None,
                             "Hide the highlights again and clear the marks (the scores stay in the lesson)"),
            "accept": act("accept", "&Accept as a good catch…", self.accept_chosen, None,
                          "Make a student's extra word a finding of this lesson, with your reason"),
            "dismiss": act("dismiss", "&Dismiss finding…", self.dismiss_chosen, None,
                           "Set a finding aside for this lesson with a note: greyed, out of the figures"),
            "settings": act("settings", "Lesson &settings…", self.settings_dialog, None,
                            "Blind or not, and which kinds of finding Reveal shows, in which order"),
            "export_words": act("export_words", "&Export accepted words to my lexicon…", self.export_words, None,
                                "Write the lesson's accepted words to a user loaded-terms file"),
        }
        a["start"].setCheckable(True)
        # the Classroom menu (other classroom tools may have made it already)
        menu = next((m.menu() for m in w.menuBar().actions() if m.menu() is not None
                     and m.text().replace("&", "") == "Classroom"), None) or w.menuBar().addMenu("&Classroom")
        menu.addAction(a["start"])
        for k in ("mark_loaded", "mark_source", "unmark", "reveal", "new_round", None, "accept", "dismiss",
                  "export_words", None, "settings"):
            menu.addSeparator() if k is None else menu.addAction(a[k])
        tb = QToolBar("Spot the slant", w)
        tb.setObjectName("exerciseToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        for k in ("mark_loaded", "mark_source", "reveal", "new_round", "start"):
            tb.addAction(a[k])
        w.addToolBar(tb)
        tb.hide()
        self.toolbar = tb
        return a

    def _update_actions(self) -> None:
        a = self.actions
        a["start"].setChecked(self.active)
        a["start"].setText("End the exercise" if self.active else "&Spot the slant (exercise)")
        for k in ("mark_loaded", "mark_source", "unmark", "reveal", "new_round"):
            a[k].setEnabled(self.active)
        a["accept"].setEnabled(self.revealed)
        a["dismiss"].setEnabled(self.revealed)
        a["export_words"].setEnabled(bool(self.lesson.accepted))
        self.panel.accept_button.setEnabled(self.revealed)
        self.panel.dismiss_button.setEnabled(self.revealed)

    # ================================================================== starting and ending
    def toggle(self, *_: Any) -> None:
        self.end() if self.active else self.start()

    def start(self) -> None:
        w = self.w
        self.active, self.revealed, self.round = True, False, None
        self._store(self.lesson)  # a lesson section from now on: File > Save writes a lesson file
        if self.lesson.blind and not w.blinding.on:
            w.actions_by_name["blind"].setChecked(True)
        w.tabs.setCurrentIndex(0)
        w.tabs.setTabEnabled(1, False)  # the dashboard would give the answers away
        w.legend.hide()  # and so would the legend's counts
        w.detail.hide()
        self.panel.show()
        self.toolbar.show()
        self._setup_panes()
        self._keep_categories()
        self._fill_panel()
        self._update_actions()
        w.status_label.setText("Spot the slant: select words and mark them (Ctrl+M loaded, Ctrl+Shift+M unnamed "
                               "source); Reveal (F8) when the class is done.")
        self.changed.emit()

    def end(self) -> None:
        w = self.w
        self.active = self.revealed = False
        w.tabs.setTabEnabled(1, True)
        w.legend.show()
        w.detail.show()
        self.panel.hide()
        self.toolbar.hide()
        w.pane_area.set_enabled_categories(w.legend_model.enabled_set())
        self._keep_categories()
        self.redraw()
        self._update_actions()
        self.changed.emit()

    def new_round(self) -> None:
        self._store(dataclasses.replace(self.lesson, marks=()))
        self.revealed, self.round = False, None
        self.w.detail.hide()
        self._keep_categories()
        self._fill_panel()
        self.redraw()
        self._update_actions()

    def _keep_categories(self) -> None:
        """While the exercise runs the panes show no highlight and no figures, then after Reveal only the
        revealed categories (and the figures)."""
        hide = self.active and not self.revealed
        for pane in self.w.panes.values():
            if pane.badges_hidden != hide:
                pane.set_badges_hidden(hide)
        if self.active:
            self.w.pane_area.set_enabled_categories(set(self.lesson.reveal) if self.revealed else set())

    # ================================================================== the lesson
    def _store(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.w.comparisons.lesson = lesson
        self.w.session.changed()

    def load_lesson(self, lesson: Lesson | None) -> None:
        """A lesson file was opened (or a session restored): its decisions, marks and scores come back."""
        if self.active:
            self.end()
        self.lesson = lesson or Lesson()
        self.round = self.lesson.rounds[-1] if self.lesson.rounds else None
        if lesson is not None:
            if lesson.blind != self.w.blinding.on:
                self.w.actions_by_name["blind"].setChecked(lesson.blind)
            self.w.status_label.setText(
                f"Lesson: {len(lesson.accepted)} accepted word(s), {len(lesson.dismissed)} dismissed finding(s), "
                f"{len(lesson.rounds)} round(s). Classroom › Spot the slant continues it.")
        self._reapply()
        self._update_actions()

    def _changes_results(self) -> bool:
        return bool(self.lesson.accepted or self.lesson.dismissed)

    def _on_entry(self, key: str) -> None:
        """A new analysis for an article: keep it, and give the model the lesson's version of it."""
        e = self.w.model.entry(key)
        if e is None or e.analysis is None or e.analysis is self._shown.get(key):
            return
        self._raw[key] = e.analysis
        shown = ls.apply_lesson(e.analysis, self.lesson) if self._changes_results() else e.analysis
        self._shown[key] = shown
        if shown is not e.analysis:
            self.w.model.update(key, analysis=shown, plan=None)

    def _reapply(self) -> None:
        """The lesson changed: every article's results again from the analyser's (nothing re-analysed)."""
        model, changed = self.w.model, False
        for key, raw in list(self._raw.items()):
            e = model.entry(key)
            if e is None:
                self._raw.pop(key, None)
                self._shown.pop(key, None)
                continue
            if e.analysis is not self._shown.get(key):
                continue  # a newer analysis is on its way through _on_entry
            shown = ls.apply_lesson(raw, self.lesson)
            if shown is not e.analysis:
                self._shown[key] = shown
                model.update(key, analysis=shown, plan=None)
                changed = True
        if changed:
            self.w.analysis.compare_again()  # same articles, other findings: the comparison is made again
            self.w.pane_area.update_counts()
        self.redraw()

    # ================================================================== marking
    def _target(self) -> ArticlePane | None:
        panes = self.w.ordered_panes()
        key = self.w.pane_area.current_key()
        first = [p for p in panes if p.key == key] + [p for p in panes if p.key != key]
        return next((p for p in first if p.view.textCursor().hasSelection() and p.analysis is not None), None)

    def _selection(self, pane: ArticlePane) -> tuple[int, int]:
        c = pane.view.textCursor()
        s, e = pane.view.offsets.to_py(c.selectionStart()), pane.view.offsets.to_py(c.selectionEnd())
        text = pane.analysis.text
        while s > 0 and text[s - 1].isalnum():  # whole words: a half-selected word counts whole
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return s, e

    def mark_selection(self, kind: str) -> Mark | None:
        if not self.active:
            return None
        pane = self._target()
        if pane is None:
            self.w.status_label.setText("Select words in an article first, then mark them.")
            return None
        s, e = self._selection(pane)
        if e <= s:
            return None
        return self.add_mark(pane, s, e, kind)

    def add_mark(self, pane: ArticlePane, start: int, end: int, kind: str) -> Mark:
        aid = pane.analysis.id
        mark = Mark(aid, start, end, kind, pane.analysis.text[start:end])
        kept = tuple(m for m in self.lesson.marks
                     if not (m.article_id == aid and m.start < end and start < m.end))  # a new mark replaces
        self._store(dataclasses.replace(self.lesson, marks=kept + (mark,)))
        cursor = pane.view.textCursor()
        if cursor.hasSelection():  # the mark shows at once, not hidden under the selection
            cursor.clearSelection()
            pane.view.setTextCursor(cursor)
        if self.revealed:
            self._rescore()
        else:
            self._fill_panel()
        self.redraw(pane.key)
        self.w.status_label.setText(f"Marked {_q(mark.text)} as {ls.MARK_LABELS[kind]} "
                                    f"({len(self.lesson.marks)} mark{'s' if len(self.lesson.marks) != 1 else ''}).")
        return mark

    def unmark_selection(self) -> None:
        pane = self._target() or next(iter(self.w.ordered_panes()), None)
        if pane is None or pane.analysis is None:
            return
        c = pane.view.textCursor()
        s, e = pane.view.offsets.to_py(c.selectionStart()), pane.view.offsets.to_py(c.selectionEnd())
        aid = pane.analysis.id
        kept = tuple(m for m in self.lesson.marks if not (m.article_id == aid and m.start < max(e, s + 1)
                                                          and s < m.end))
        if len(kept) != len(self.lesson.marks):
            self._store(dataclasses.replace(self.lesson, marks=kept))
            if self.revealed:
                self._rescore()
            else:
                self._fill_panel()
            self.redraw(pane.key)

    # ================================================================== reveal and score
    def findings(self) -> list[Finding]:
        """The findings of the compared articles as the panes show them (blinded in blind mode), from the
        same results and the same span rules as the highlights (``highlight.spans``)."""
        out: list[Finding] = []
        for e in self.w.model.compared():
            shown = self.w.shown_entry(e.key)
            a = shown.analysis if shown is not None else None
            if a is None:
                continue
            for s in hl.spans(a):
                if s.category in hl.FINDING_CATEGORIES:
                    out.append(Finding(a.id, s.start, s.end, s.category, getattr(s.payload, "rule", "") or "",
                                       a.text[s.start:s.end], getattr(s.payload, "why", "") or ""))
        return out

    def valid_marks(self) -> list[Mark]:
        """The marks that still sit on their words in the shown texts (a mark made on the blind text does
        not fit the same article shown with its name, or after it was edited): only those are scored."""
        texts = {}
        for e in self.w.model.compared():
            shown = self.w.shown_entry(e.key)
            if shown is not None and shown.analysis is not None:
                texts[shown.analysis.id] = shown.analysis.text
        return [m for m in self.lesson.marks if texts.get(m.article_id, "")[m.start:m.end] == m.text]

    def reveal(self) -> ls.Round | None:
        if not self.active:
            return None
        r = ls.score(self.valid_marks(), self.findings(), self.lesson.reveal)
        self.round, self.revealed = r, True
        self._store(self.lesson.with_round(r))
        self._after_score()
        return r

    def _rescore(self) -> None:
        """Marks, accepted words or dismissed findings changed after Reveal: this round's score again."""
        r = ls.score(self.valid_marks(), self.findings(), self.lesson.reveal, at=self.round.at if self.round else None)
        self.round = r
        rounds = self.lesson.rounds[:-1] if self.lesson.rounds else ()
        self._store(dataclasses.replace(self.lesson, rounds=rounds + (r,)))
        self._after_score()

    def _after_score(self) -> None:
        self._keep_categories()
        self.w.detail.show()
        self._fill_panel()
        self.redraw()
        self._update_actions()
        self.revealed_round.emit(self.round)
        self.changed.emit()

    # ================================================================== drawing
    def _labels(self) -> dict[str, tuple[str, str]]:
        """Article id (as shown) -> (entry key, outlet label as shown)."""
        out = {}
        for e in self.w.model.compared():
            shown = self.w.shown_entry(e.key)
            if shown is not None and shown.analysis is not None:
                out[shown.analysis.id] = (e.key, shown.label)
        return out

    def _dismissed_shown(self, key: str) -> list[tuple[int, int, ls.DismissedFinding]]:
        """The lesson's dismissed findings of one entry, at their offsets in the shown text."""
        e = self.w.model.entry(key)
        if e is None or e.analysis is None or not self.lesson.dismissed:
            return []
        remap = self.w.blinding.remap(key)
        raw = self._raw.get(key)
        out = []
        for d in self.lesson.dismissed:
            if d.article_id != e.analysis.id:
                continue
            spans = [(d.start, d.end)]
            if raw is not None and d.category not in ls.MARK_KINDS[ls.LOADED] + (ls.HEDGE,):
                # a dismissed source or reporting verb takes its whole attribution out: grey both halves
                for a in raw.attributions:
                    halves = [(a.cue.start, a.cue.end)] + ([(a.source.start, a.source.end)] if a.source else [])
                    if a.rule == d.rule and (d.start, d.end) in halves:
                        spans = halves
                        break
            for s0, t0 in spans:
                s, t = (remap(s0, "start"), remap(t0, "end")) if remap else (s0, t0)
                if t > s:
                    out.append((s, t, d))
        return out

    def redraw(self, only: str | None = None) -> None:
        dark = self.w.dark
        found_keys = ({f.key for a in self.round.articles for f in a.found} if self.revealed and self.round else set())
        extra = ({m for a in self.round.articles for m in a.extra} if self.revealed and self.round else set())
        for key, pane in self.w.panes.items():
            if only is not None and key != only:
                continue
            if pane.analysis is None:
                pane.set_exercise_marks([])
                continue
            aid, text = pane.analysis.id, pane.analysis.text
            marks = [m for m in self.lesson.marks if m.article_id == aid and text[m.start:m.end] == m.text]
            items: list[tuple[int, int, QTextCharFormat]] = []
            for s, e, _d in self._dismissed_shown(key):
                items.append((s, e, mark_format("dismissed", dark)))
            if self.active:
                if self.revealed:
                    for f in self.findings_of(pane):
                        if f.key in found_keys:
                            items.append((f.start, f.end, mark_format("found", dark)))
                    items += [(m.start, m.end, mark_format("extra", dark)) for m in marks if m in extra]
                else:
                    items += [(m.start, m.end, mark_format("mark", dark)) for m in marks]
            n = len(pane.analysis.text)
            pane.set_exercise_marks([(s, min(e, n), f) for s, e, f in items if s < n])

    def findings_of(self, pane: ArticlePane) -> list[Finding]:
        aid = pane.analysis.id
        return [Finding(aid, s.start, s.end, s.category, getattr(s.payload, "rule", "") or "")
                for s in pane.all_findings()]

    def _setup_panes(self) -> None:
        """Every pane (new ones too): the right-click menu and hover texts of the exercise."""
        for pane in self.w.panes.values():
            view = pane.view
            if view.property("exerciseReady"):
                continue
            view.setProperty("exerciseReady", True)
            original = view.hover_text
            view.hover_text = lambda off, p=pane, o=original: self._hover(p, off) or (o(off) if o else None)
            view.setContextMenuPolicy(Qt.CustomContextMenu)
            view.customContextMenuRequested.connect(lambda pos, p=pane: self._context_menu(p, pos))
        self._keep_categories()
        self.redraw()

    def _hover(self, pane: ArticlePane, offset: int) -> str | None:
        for s, e, d in self._dismissed_shown(pane.key):
            if s <= offset < e:
                return f"Dismissed for this lesson: {d.note}" if d.note else "Dismissed for this lesson"
        if self.active and pane.analysis is not None:
            for m in self.lesson.marks:
                if m.article_id == pane.analysis.id and m.start <= offset < m.end:
                    if self.revealed and self.round and any(m in a.extra for a in self.round.articles):
                        return f"Marked as {ls.MARK_LABELS[m.kind]}: the analysis found nothing here (extra)"
                    return f"Marked as {ls.MARK_LABELS[m.kind]}"
        return None

    def _context_menu(self, pane: ArticlePane, pos: Any) -> None:
        menu = self.context_menu(pane, pos)
        menu.exec(pane.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def context_menu(self, pane: ArticlePane, pos: Any) -> QMenu:
        """The text's right-click menu (Copy, Select all) with the exercise's actions at ``pos``."""
        view = pane.view
        menu: QMenu = view.createStandardContextMenu(pos)
        if self.active:
            menu.addSeparator()
            for k in ("mark_loaded", "mark_source", "unmark", "reveal"):
                menu.addAction(self.actions[k])
            off = view.char_at(pos)
            if self.revealed and off is not None and pane.analysis is not None:
                mark = self._extra_at(pane, off)
                if mark is not None and mark.kind == ls.LOADED:
                    menu.addAction(f"Accept {_q(mark.text, 30)} as a good catch…",
                                   lambda m=mark: self.accept_mark(m))
                span = next(iter(pane.spans_at(off)), None)
                if span is not None:
                    menu.addAction(f"Dismiss {_q(pane.analysis.text[span.start:span.end], 30)} for this lesson…",
                                   lambda p=pane, s=span: self.dismiss_span(p.key, s))
        return menu

    def _extra_at(self, pane: ArticlePane, offset: int) -> Mark | None:
        if not self.round:
            return None
        aid = pane.analysis.id
        return next((m for a in self.round.articles for m in a.extra
                     if m.article_id == aid and m.start <= offset < m.end), None)

    # ================================================================== the panel
    def _fill_panel(self) -> None:
        fill_panel(self)

    def _explain(self, data: dict) -> None:
        explain(self, data)
