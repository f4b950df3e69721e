"""Classroom > Spot the slant, driven as a class would: blind demo, marks, Reveal, the teacher's decisions,
the lesson file saved and reopened in another window.

With ``SLANT_UPDATE_SCREENSHOTS=1`` the test also writes ``resources/screenshots/exercise-before.png`` and
``exercise-after.png`` (the README's pictures)."""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from analysis import lesson as ls
from desktop import highlight as hl

ROOT = Path(__file__).resolve().parents[2]
LOADED_KIND = {hl.LOADED, hl.OPINION, hl.SCARE}
SOURCE_KIND = {hl.SOURCE_ANONYMOUS, hl.SOURCE_VAGUE}


def expected_findings(win) -> list[tuple[str, int, int, str]]:
    """What the analysis says a class can find, read from the results themselves (not from the exercise):
    every loaded term (loaded / opinion / scare quotes) and every anonymous or vague source, as shown."""
    out = []
    for e in win.model.compared():
        a = win.shown_entry(e.key).analysis
        for t in a.loaded_terms:
            out.append((a.id, t.start, t.end, hl.loaded_category(t)))
        for x in a.attributions:
            if x.source is not None and x.source_type in ("anonymous", "vague", "none"):
                out.append((a.id, x.source.start, x.source.end, hl.source_category(x)))
    return [f for f in out if f[3] in LOADED_KIND | SOURCE_KIND]


def plain_word(pane, near: int) -> tuple[int, int]:
    """A word of the body, in or after the sentence at ``near``, that no finding touches."""
    a = pane.analysis
    taken = [(s.start, s.end) for s in pane.all_findings()] + [(b.start, b.end) for b in a.boilerplate]
    for body in [s for s in a.sentences if s.end > near]:
        for m in re.finditer(r"(?<![^\W\d_])[a-z]{6,}(?![^\W\d_])", a.text[body.start:body.end]):
            s, e = body.start + m.start(), body.start + m.end()
            if not any(x < e and s < y for x, y in taken):
                return s, e
    raise AssertionError("no plain word after the marked one")


def badge_count(pane) -> int:
    return int(re.search(r"\((\d+)\)", pane.header.badges["loaded"].text()).group(1))


def shoot(win, name: str) -> None:
    if os.environ.get("SLANT_UPDATE_SCREENSHOTS"):
        win.grab().save(str(ROOT / "resources" / "screenshots" / f"{name}.png"))


def test_a_whole_spot_the_slant_lesson(make_window, qtbot, tmp_path, monkeypatch):
    from helpers import settle, span_point

    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path / "lexicons"))
    win = make_window()
    settle(qtbot, win)
    ex = win.exercise
    ex.actions["start"].trigger()
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    assert ex.active and win.blinding.on  # a lesson is blind unless the teacher says otherwise
    assert not win.tabs.isTabEnabled(1) and ex.toolbar.isVisible() and ex.panel.isVisible()
    panes = win.ordered_panes()
    assert all(p.highlighter._enabled == set() for p in panes)  # nothing highlighted while the class looks
    assert all(p.header.outlet.text().startswith("Outlet ") for p in panes)

    # a student marks a loaded word (keyboard) and a plain word (toolbar button)
    pane = next(p for p in panes if sum(s.category == hl.LOADED for s in p.all_findings()) >= 2)
    target = next(s for s in pane.all_findings() if s.category == hl.LOADED)
    pane.view.setFocus()
    pane.select_range(target.start, target.end)
    qtbot.keyClick(pane.view, Qt.Key_M, Qt.ControlModifier)
    assert len(ex.lesson.marks) == 1 and ex.lesson.marks[0].text == pane.analysis.text[target.start:target.end]
    s, e = plain_word(pane, target.end)
    word = pane.analysis.text[s:e]
    pane.select_range(s, e)
    ex.actions["mark_loaded"].trigger()
    assert [m.text for m in ex.lesson.marks] == [pane.analysis.text[target.start:target.end], word]
    assert len(pane._extra["exercise"]) == 2  # drawn, in the neutral style
    assert not pane.header.badge_box.isVisible() and not win.legend.isVisible()  # no figures to give it away
    pane.scroll_to(target.start)
    shoot(win, "exercise-before")

    # Reveal: the score is what the analysis says
    qtbot.keyClick(pane.view, Qt.Key_F8)
    r = ex.round
    assert r is not None and ex.revealed and r is ex.lesson.rounds[-1]
    expected = expected_findings(win)
    found = [f for f in expected if f[0] == pane.analysis.id and f[3] in LOADED_KIND
             and f[1] < target.end and target.start < f[2]]
    assert (r.found, r.missed, r.extra) == (len(found), len(expected) - len(found), 1)
    assert f"Found {len(found)} of {len(expected)} · 1 extra mark" in ex.panel.score.text()
    assert word in ex.panel.score.text()  # the extra marks are listed beside the score
    assert all(p.highlighter._enabled == set(ex.lesson.reveal) for p in panes)  # missed: their usual style
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    assert pane.header.badge_box.isVisible()
    pane.scroll_to(target.start)
    shoot(win, "exercise-after")

    # each item explains itself in the detail panel
    items = [ex.panel.items.item(i) for i in range(ex.panel.items.count())]
    missed_item = next(i for i in items if i.data(Qt.UserRole)["state"] == "missed")
    ex.panel.items.setCurrentItem(missed_item)
    ex.panel._chosen(missed_item)
    assert win.detail.isVisible() and win.detail.span is not None
    assert win.detail.span.category == missed_item.data(Qt.UserRole)["category"]

    # the teacher accepts the extra word: a finding of this lesson from now on
    extra_item = next(i for i in items if i.data(Qt.UserRole)["state"] == "extra")
    ex.panel.items.setCurrentItem(extra_item)
    ex.ask_reason = lambda w: "makes the plan sound bigger than it is"
    qtbot.mouseClick(ex.panel.accept_button, Qt.LeftButton)
    assert [a.word for a in ex.lesson.accepted] == [word]
    real = win.model.entry(pane.key).analysis
    assert any(t.rule == f"lesson:{word.lower()}" and "bigger than it is" in t.why for t in real.loaded_terms)
    qtbot.waitUntil(lambda: any(x.start == s and x.end == e and x.category == hl.LOADED
                                for x in pane.all_findings()), timeout=30000)
    assert ex.round.extra == 0 and any(f.start == s for a in ex.round.articles for f in a.found)
    accepted_item = next(ex.panel.items.item(i) for i in range(ex.panel.items.count())
                         if ex.panel.items.item(i).data(Qt.UserRole)["state"] == "found"
                         and ex.panel.items.item(i).data(Qt.UserRole)["start"] == s)
    ex.panel._chosen(accepted_item)  # it explains itself with the teacher's reason
    assert "bigger than it is" in win.detail.toPlainText()
    assert (ex.round.found + ex.round.missed) == len(expected_findings(win))

    # and dismisses a missed loaded word: greyed with the note, out of the figures
    before = win.model.entry(pane.key).analysis.counts.loaded_terms
    assert badge_count(pane) == before
    victim = next(x for x in pane.all_findings() if x.category == hl.LOADED and not
                  (x.start < target.end and target.start < x.end) and x.start != s)
    ex.ask_note = lambda text: "the minister's own word, quoted"
    menu = ex.context_menu(pane, span_point(pane, victim.start, victim.end))  # right-click on the word
    (dismiss,) = [a for a in menu.actions() if a.text().startswith("Dismiss ")]
    assert pane.analysis.text[victim.start:victim.end] in dismiss.text()
    dismiss.trigger()
    after = win.model.entry(pane.key).analysis
    assert after.counts.loaded_terms == before - 1
    assert any("1 finding dismissed by the teacher for this lesson" in w for w in after.warnings)
    qtbot.waitUntil(lambda: badge_count(pane) == before - 1, timeout=30000)
    qtbot.waitUntil(lambda: not any((x.start, x.end) == (victim.start, victim.end) and x.category == hl.LOADED
                                    for x in pane.all_findings()), timeout=30000)
    greyed = [sel for sel in pane._extra["exercise"]
              if sel.cursor.selectionStart() == pane.view.offsets.to_qt(victim.start)]
    assert greyed and greyed[0].format.foreground().color().name() == ex_grey()
    assert "the minister's own word" in ex._hover(pane, victim.start)
    # the comparison (dashboard, sheets) is made again from the lesson's figures
    qtbot.waitUntil(lambda: win.comparison is not None and _loaded_metric(win, after.id) is not None
                    and abs(_loaded_metric(win, after.id) - after.counts.loaded_per_1000_words) < 1e-3,
                    timeout=90000)
    from desktop.exporting import export

    export("html", tmp_path / "sheet.html", win.analysis.compared_analyses(), win.comparison)
    assert "1 finding dismissed by the teacher for this lesson" in (tmp_path / "sheet.html").read_text("utf-8")
    pypdf = pytest.importorskip("pypdf")
    export("pdf", tmp_path / "sheet.pdf", win.analysis.compared_analyses(), win.comparison)
    pdf_text = " ".join(" ".join(pg.extract_text() for pg in pypdf.PdfReader(str(tmp_path / "sheet.pdf")).pages).split())
    assert "1 finding dismissed by the teacher for this lesson" in pdf_text

    # dismissing an unnamed source takes its attribution out of the share; both halves stay, greyed
    src = next(x for x in pane.all_findings() if x.category in SOURCE_KIND)
    cue_start = src.payload.cue.start
    c0 = win.model.entry(pane.key).analysis.counts
    assert ex.dismiss_span(pane.key, src)
    after = win.model.entry(pane.key).analysis
    assert (after.counts.unnamed_sources, after.counts.statements) == (c0.unnamed_sources - 1, c0.statements - 1)
    assert any("2 findings dismissed" in w for w in after.warnings)
    starts = {sel.cursor.selectionStart() for sel in pane._extra["exercise"]
              if sel.format.foreground().color().name() == ex_grey()}
    assert {pane.view.offsets.to_qt(src.start), pane.view.offsets.to_qt(cue_start)} <= starts

    # saved as a lesson file, reopened in another window: the same lesson
    path = tmp_path / "class.slant"
    assert win.comparisons.write_to(str(path))
    saved = json.loads(path.read_text("utf-8"))["lesson"]
    assert saved["accepted"][0]["word"] == word and saved["dismissed"][0]["note"].startswith("the minister")
    assert saved["rounds"][-1]["found"] == ex.round.found
    win2 = make_window(seeds=False)
    assert win2.comparisons.open_path(str(path), confirm=False)
    settle(qtbot, win2)
    assert win2.exercise.lesson == ex.lesson
    assert win2.blinding.on
    pane2 = win2.ordered_panes()[[p.key for p in panes].index(pane.key)]
    again = win2.model.entry(pane2.key).analysis
    assert again.counts == after.counts and again.loaded_terms == after.loaded_terms
    win2.exercise.actions["start"].trigger()
    assert [m.text for m in win2.exercise.lesson.marks] == [m.text for m in ex.lesson.marks]
    assert "the minister's own word" in win2.exercise._hover(pane2, victim.start)  # still greyed with its note
    win2.exercise.actions["start"].trigger()  # the exercise ends (a toggle)

    # at the projector the reopened lesson steps through its own categories, in its order, blind
    pj = win2.projector
    qtbot.keyClick(win2, Qt.Key_F5)
    qtbot.waitUntil(lambda: pj.active, timeout=5000)
    assert pj.reveal_order == win2.exercise.lesson.reveal
    seen = []
    for _ in win2.exercise.lesson.reveal:
        qtbot.keyClick(pj, Qt.Key_PageDown)  # a clicker's "next"
        seen.append(set(pj.current.categories))
    assert seen == [{c} for c in win2.exercise.lesson.reveal]
    assert all(p.header.outlet.text().startswith("Outlet ") for p in pj.shown_panes())
    qtbot.keyClick(pj, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not pj.active, timeout=5000)

    # the accepted words go to the user's lexicon folder, never the built-in one
    ex.actions["export_words"].trigger()
    (written,) = (tmp_path / "lexicons").glob("loaded_terms_lesson_*.toml")
    assert f'term = "{word.lower()}"' in written.read_text("utf-8")


def test_an_unsaved_lesson_comes_back_with_the_session(make_window, qtbot, tmp_path):
    """Nothing is lost: marks and decisions of a lesson not yet saved to a file survive a restart."""
    from helpers import settle

    settings = tmp_path / "session.ini"
    win = make_window(settings_file=settings)
    settle(qtbot, win)
    win.exercise.set_settings(True, (hl.SOURCE_VAGUE, hl.SOURCE_ANONYMOUS, hl.LOADED))  # sources first
    win.exercise.start()
    pane = win.ordered_panes()[0]
    target = pane.all_findings()[0]
    pane.select_range(target.start, target.end)
    win.exercise.actions["mark_source"].trigger()
    assert len(win.exercise.lesson.marks) == 1
    win.save_session()
    again = make_window(settings_file=settings, seeds=False)
    again.restore_session()
    assert again.exercise.lesson == win.exercise.lesson and again.comparisons.lesson == win.exercise.lesson
    assert again.exercise.lesson.reveal == (hl.SOURCE_VAGUE, hl.SOURCE_ANONYMOUS, hl.LOADED)


def test_the_teachers_dialogs_want_one_line(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.dialogs.lesson_dialogs import accept_word_dialog, dismiss_dialog

    for dlg in (accept_word_dialog("scheme"), dismiss_dialog("dictator")):
        qtbot.addWidget(dlg)
        ok = dlg.buttons.button(QDialogButtonBox.Ok)
        assert not ok.isEnabled()
        qtbot.keyClicks(dlg.edit, "  quoted   from the minister ")
        assert ok.isEnabled() and dlg.text() == "quoted from the minister"
    from PySide6.QtWidgets import QLabel

    dlg = accept_word_dialog("Scheme")
    qtbot.addWidget(dlg)
    assert "lesson:scheme" in dlg.findChild(QLabel).text()  # says what the word becomes

    from desktop.dialogs.lesson_dialogs import LessonSettingsDialog

    cats = [(k, st.label) for k, st in hl.load_styles().items() if k in ls.CATEGORIES]
    settings = LessonSettingsDialog(True, ("source_anonymous", "loaded_term"), cats)
    qtbot.addWidget(settings)
    assert settings.reveal() == ("source_anonymous", "loaded_term")  # the lesson's order first
    settings.list.item(0).setCheckState(Qt.Unchecked)
    settings.list.item(settings.list.count() - 1).setCheckState(Qt.Checked)
    assert settings.reveal() == ("loaded_term", settings.list.item(settings.list.count() - 1).data(Qt.UserRole))


def ex_grey() -> str:
    from desktop.exercise import STYLES

    return STYLES["dismissed"]["fg"][0].lower()


def _loaded_metric(win, article_id: str) -> float | None:
    for row in win.comparison.metrics:
        if "loaded" in row.metric:
            return row.values.get(article_id)
    return None
