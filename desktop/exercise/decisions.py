"""Spot the slant: the teacher's decisions (accept an extra word, dismiss a finding, lesson settings, export the
accepted words), as a part of the ``Exercise`` controller."""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from analysis import lesson as ls
from analysis.lesson import Finding, Mark

from .. import highlight as hl
from .panel import _q

if TYPE_CHECKING:
    from ..main_window import MainWindow


class TeacherDecisions:
    w: MainWindow
    lesson: Any
    round: Any
    revealed: bool
    active: bool

    def _ask_reason(self, word: str) -> str | None:
        from ..dialogs.lesson_dialogs import accept_word_dialog

        dlg = accept_word_dialog(word, self.w)
        return dlg.text() if dlg.exec() else None

    def _ask_note(self, text: str) -> str | None:
        from ..dialogs.lesson_dialogs import dismiss_dialog

        dlg = dismiss_dialog(text, self.w)
        return dlg.text() if dlg.exec() else None

    def accept_chosen(self) -> None:
        data = self.panel.chosen()
        if data and data.get("state") == "extra" and self.round:
            mark = next((m for a in self.round.articles for m in a.extra if m.article_id == data["article"]
                         and (m.start, m.end) == (data["start"], data["end"])), None)
            if mark is not None:
                self.accept_mark(mark)
                return
        self.w.show_info("Choose an extra mark in the exercise panel (or right-click it in the text) to accept it.")

    def accept_mark(self, mark: Mark) -> bool:
        if mark.kind != ls.LOADED:
            self.w.show_info("Only words marked as loaded can be accepted into the lesson's word list.")
            return False
        try:
            self.lesson.accept(mark.text, "check")  # too long for a word? say so before asking for a reason
        except ls.LessonError as exc:
            self.w.show_info(str(exc))
            return False
        reason = self.ask_reason(mark.text)
        if not reason:
            return False
        self._store(self.lesson.accept(mark.text, reason))
        self._reapply()
        if self.revealed:
            self._rescore()
        self._update_actions()
        self.w.status_label.setText(f"Accepted {_q(mark.text)}: a loaded word of this lesson from now on.")
        return True

    def dismiss_chosen(self) -> None:
        w = self.w
        data = self.panel.chosen()
        if data and data.get("state") in ("found", "missed") and data.get("key") in w.panes:
            pane = w.panes[data["key"]]
            span = next((s for s in pane.all_findings() if (s.start, s.end, s.category) ==
                         (data["start"], data["end"], data["category"])), None)
            if span is not None:
                self.dismiss_span(data["key"], span)
                return
        if w.detail.span is not None and w.detail_key in w.panes:
            self.dismiss_span(w.detail_key, w.detail.span)
            return
        w.show_info("Click a finding (in the text or the exercise panel) first, then dismiss it.")

    def dismiss_span(self, key: str, span: hl.HighlightSpan) -> bool:
        """Dismiss a finding shown in pane ``key`` (offsets of the shown text) for this lesson."""
        real = self._real_finding(key, span)
        if real is None:
            return False
        note = self.ask_note(real.text)
        if not note:
            return False
        self._store(self.lesson.dismiss(real, note))
        self._reapply()
        if self.revealed:
            self._rescore()
        self.w.detail.clear_detail() if hasattr(self.w.detail, "clear_detail") else None
        self.w.status_label.setText(f"Dismissed {_q(real.text)} for this lesson: greyed, out of the figures.")
        return True

    def _real_finding(self, key: str, span: hl.HighlightSpan) -> Finding | None:
        """The finding in the article's real text (a dismissal must not depend on blind mode's letters)."""
        e = self.w.model.entry(key)
        if e is None or e.analysis is None:
            return None
        a = e.analysis
        rule = getattr(span.payload, "rule", "") or ""
        remap = self.w.blinding.remap(key)
        for s in hl.spans(a):
            if s.category != span.category or (getattr(s.payload, "rule", "") or "") != rule:
                continue
            start, end = (remap(s.start, "start"), remap(s.end, "end")) if remap else (s.start, s.end)
            if (start, end) == (span.start, span.end):
                return Finding(a.id, s.start, s.end, s.category, rule, a.text[s.start:s.end])
        return None

    def settings_dialog(self) -> None:
        from ..dialogs.lesson_dialogs import LessonSettingsDialog

        cats = [(k, st.label) for k, st in hl.load_styles().items() if k in ls.CATEGORIES]
        dlg = LessonSettingsDialog(self.lesson.blind, self.lesson.reveal, cats, self.w)
        if dlg.exec():
            self.set_settings(dlg.blind.isChecked(), dlg.reveal())

    def set_settings(self, blind: bool, reveal: tuple[str, ...]) -> None:
        self._store(dataclasses.replace(self.lesson, blind=blind, reveal=tuple(reveal)))
        if self.active and blind != self.w.blinding.on:
            self.w.actions_by_name["blind"].setChecked(blind)
        if self.revealed:
            self._rescore()
        else:
            self._fill_panel()

    def export_words(self) -> None:
        w = self.w
        try:
            path = ls.export_user_lexicon(self.lesson.accepted, w.comparisons.name() or "lesson")
        except (ls.LessonError, OSError) as exc:
            w.show_error(f"Could not export the accepted words: {exc}")
            return
        n = len(self.lesson.accepted)
        w.show_info(f"Wrote {n} accepted word{'s' if n != 1 else ''} to {path}. They are part of your lexicon "
                    "from the next analysis on (the built-in lexicon is unchanged).")
