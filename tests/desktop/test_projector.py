"""View > Projector view: full screen, big type, a few articles at a time and one kind of highlight at a time,
driven by the keys a presentation clicker sends; Esc gives the window back as it was. The last tests run the
real app on a 1920x1080 offscreen screen (``projector_driver.py``) and check its geometry and screenshot."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QTextEdit

from analysis.export.blind import identity_lines
from desktop import highlight as hl
from desktop.projector import DEFAULT_REVEAL_ORDER, REVEAL_GROUPS, page_ranges, reveal_steps

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "desktop" / "projector_driver.py"
FINDINGS = set(hl.FINDING_CATEGORIES)


# ---------------------------------------------------------------------------------------------- steps
def test_default_steps_reveal_one_kind_at_a_time_then_all():
    steps = reveal_steps()
    assert [s.name for s in steps] == ["none", *DEFAULT_REVEAL_ORDER, "all"]
    assert steps[0].categories == frozenset() and steps[0].caption.startswith("No highlights")
    loaded = steps[1]
    assert loaded.categories == {hl.LOADED, hl.SCARE}
    assert loaded.caption == "Now: loaded words — words that carry a judgement, where a plainer word would report " \
                             "the same fact"
    assert steps[3].categories == {hl.SOURCE_NAMED, hl.SOURCE_ANONYMOUS, hl.SOURCE_VAGUE}
    assert steps[-1].categories == FINDINGS  # the default order covers every kind of finding
    for a, b in zip(steps[1:-1], steps[2:-1]):
        assert not a.categories & b.categories  # each step shows its own kind


def test_a_teachers_order_may_name_groups_or_single_categories_and_bad_orders_are_refused():
    steps = reveal_steps(["hedges", "source_anonymous", "loaded"])
    assert [s.name for s in steps] == ["none", "hedges", "source_anonymous", "loaded", "all"]
    assert steps[2].categories == {hl.SOURCE_ANONYMOUS}
    assert steps[2].caption.startswith("Now: anonymous source — A source the article does not name")
    assert steps[-1].categories == {hl.HEDGE, hl.SOURCE_ANONYMOUS, hl.LOADED, hl.SCARE}
    assert steps[-1].caption == "All together — hedges, anonymous source and loaded words"
    with pytest.raises(ValueError, match="Unknown highlight kind to reveal: 'slant'. Known: loaded, opinion"):
        reveal_steps(["loaded", "slant"])
    with pytest.raises(ValueError, match="more than once"):
        reveal_steps(["loaded", "hedges", "loaded"])
    with pytest.raises(ValueError, match="empty"):
        reveal_steps([])
    with pytest.raises(ValueError):
        reveal_steps(["boilerplate"])  # page furniture is no finding to reveal
    assert set(REVEAL_GROUPS) >= {"loaded", "opinion", "sources", "verbs", "hedges", "tone"}


def test_articles_are_shown_a_page_at_a_time():
    assert page_ranges(5, 3) == [range(0, 3), range(3, 5)]
    assert page_ranges(4, 2) == [range(0, 2), range(2, 4)]
    assert page_ranges(2, 3) == [range(0, 2)]
    assert page_ranges(0, 3) == [range(0)]


# ------------------------------------------------------------------------------------ in the window
def formatted_at(pane, offset: int) -> bool:
    """Whether the highlight layer paints anything at a Python offset of the pane's text."""
    doc = pane.view.document()
    pos = pane.view.offsets.to_qt(offset)
    block = doc.findBlock(pos)
    rel = pos - block.position()
    return any(r.start <= rel < r.start + r.length for r in block.layout().formats())


def painted_categories(pane) -> tuple[set[str], set[str]]:
    """(categories painted, categories present but not painted) in a pane, judged on findings that overlap
    no finding of another category and no page furniture (so what is painted there is theirs alone)."""
    spans = [s for s in hl.spans(pane.analysis) if s.category != hl.TONE]
    painted, unpainted = set(), set()
    for s in spans:
        if s.category not in FINDINGS:
            continue
        if any(o.category != s.category and o.start < s.end and s.start < o.end for o in spans):
            continue
        (painted if formatted_at(pane, s.start) else unpainted).add(s.category)
    return painted, unpainted


def shown(win, pj):
    return [p for p in win.ordered_panes() if p.isVisibleTo(pj)]


def wait_painted(qtbot, win):
    qtbot.waitUntil(lambda: all(p.is_idle() for p in win.ordered_panes()), timeout=20000)


def visible_categories(qtbot, win, pj) -> set[str]:
    wait_painted(qtbot, win)
    out: set[str] = set()
    for pane in shown(win, pj):
        painted, unpainted = painted_categories(pane)
        assert not painted & unpainted, pane.entry.label
        out |= painted
    return out


def test_projector_steps_through_the_categories_with_clicker_keys_and_esc_gives_the_window_back(seeds_window,
                                                                                                qtbot):
    win = seeds_window
    pj = win.projector
    before = {
        "legend": win.legend_model.enabled(),
        "font": win.font_pt,
        "outlet_px": win.ordered_panes()[0].header.outlet.fontInfo().pixelSize(),
        "chip_px": win.ordered_panes()[0].header.badges["loaded"].fontInfo().pixelSize(),
        "text_pt": win.ordered_panes()[0].view.font().pointSizeF(),
        "sizes": win.pane_area.splitter.sizes(),
        "tab": win.tabs.currentIndex(),
        "compared": [e.key for e in win.model.compared()],
    }
    assert visible_categories(qtbot, win, pj) >= {hl.LOADED, hl.HEDGE, hl.SOURCE_NAMED}  # the window shows all

    qtbot.keyClick(win, Qt.Key_F5)
    qtbot.waitUntil(pj.isActiveWindow, timeout=5000)
    assert pj.active and pj.isFullScreen() and pj.step == 0 and pj.page == 0
    assert win.pane_area.window() is pj and win.detail.window() is pj  # the same panes, borrowed
    per_page = pj.per_page
    assert per_page in (2, 3) and len(shown(win, pj)) == per_page
    assert pj.caption.text().startswith("<b>No highlights")
    assert visible_categories(qtbot, win, pj) == set()
    # everything is larger together: the article text, the pane headers and their chips
    pane0 = win.ordered_panes()[0]
    assert pane0.view.font().pointSizeF() > before["text_pt"]
    assert pane0.header.outlet.fontInfo().pixelSize() > before["outlet_px"]
    assert pane0.header.badges["loaded"].fontInfo().pixelSize() > before["chip_px"]
    assert pj.caption.fontInfo().pixelSize() > pane0.header.outlet.fontInfo().pixelSize() * 0.8

    qtbot.keyClick(pj, Qt.Key_PageDown)  # a clicker's "next"
    assert pj.current.name == "loaded" and "Now: loaded words" in pj.caption.text()
    assert visible_categories(qtbot, win, pj) == {hl.LOADED, hl.SCARE} & visible_kinds(win, pj)
    assert hl.LOADED in visible_categories(qtbot, win, pj)
    # each article with loaded words shows one of them (it scrolled to its first one when none was in view)
    with_loaded = [p for p in shown(win, pj) if p.category_counts.get(hl.LOADED)]
    assert with_loaded
    qtbot.waitUntil(lambda: all(pj.visible_findings(p) for p in with_loaded), timeout=5000)
    counts = sum(p.category_counts.get(hl.LOADED, 0) for p in shown(win, pj))
    assert pj.key_labels[hl.LOADED].text() == f"Loaded word {counts}"

    qtbot.keyClick(pj, Qt.Key_Right)
    assert pj.current.name == "opinion" and "Now: opinion phrases" in pj.caption.text()
    assert visible_categories(qtbot, win, pj) <= {hl.OPINION}

    qtbot.keyClick(pj, Qt.Key_Space)
    assert pj.current.name == "sources" and "Now: the sources" in pj.caption.text()
    assert hl.SOURCE_NAMED in visible_categories(qtbot, win, pj) <= {hl.SOURCE_NAMED, hl.SOURCE_ANONYMOUS,
                                                                         hl.SOURCE_VAGUE}

    # the keys reach the projector even while an article's text has the keyboard focus
    text = shown(win, pj)[0].view
    text.setFocus()
    cursor_before = text.textCursor().position()
    qtbot.keyClick(text, Qt.Key_Right)
    assert pj.current.name == "verbs" and text.textCursor().position() == cursor_before
    assert visible_categories(qtbot, win, pj) <= {hl.CUE_NEUTRAL, hl.CUE_CHARGED}
    qtbot.keyClick(text, Qt.Key_Left)  # back
    assert pj.current.name == "sources"
    qtbot.keyClick(pj, Qt.Key_PageUp)
    assert pj.current.name == "opinion"

    # B (or ".") blanks the screen and brings it back; a "next" while blank only brings it back
    qtbot.keyClick(pj, Qt.Key_B)
    assert pj.blank and pj.stack.currentWidget() is pj.blank_page
    image = pj.grab().toImage()
    assert QColor(image.pixel(image.width() // 2, image.height() // 2)).lightness() < 10
    qtbot.keyClick(pj, Qt.Key_B)
    assert not pj.blank and pj.stack.currentWidget() is pj.content
    qtbot.keyClick(pj, Qt.Key_Period)
    assert pj.blank
    qtbot.keyClick(pj, Qt.Key_PageDown)
    assert not pj.blank and pj.current.name == "opinion"

    # the steps run through the reveal order for the first articles, then for the next ones
    qtbot.keyClick(pj, Qt.Key_End)
    assert pj.current.name == "all" and pj.page == len(pj.pages()) - 1
    assert [p.key for p in shown(win, pj)] == before["compared"][pj.page * per_page:]
    assert "All together" in pj.caption.text()
    assert visible_categories(qtbot, win, pj) == visible_kinds(win, pj)
    qtbot.keyClick(pj, Qt.Key_Home)
    assert (pj.page, pj.step) == (0, 0)
    for _ in range(len(pj.steps)):
        qtbot.keyClick(pj, Qt.Key_PageDown)
    assert (pj.page, pj.step) == (1, 0)  # past "all": the next articles, from no highlights again
    assert f"Articles {per_page + 1}–" in pj.footer.text()
    qtbot.keyClick(pj, Qt.Key_PageUp)
    assert (pj.page, pj.step) == (0, len(pj.steps) - 1)
    qtbot.keyClick(pj, Qt.Key_BracketRight)  # the next articles at the same step
    assert (pj.page, pj.step) == (1, len(pj.steps) - 1)
    qtbot.keyClick(pj, Qt.Key_BracketLeft)
    assert pj.page == 0

    # a click on a highlight explains it below the articles
    qtbot.keyClick(pj, Qt.Key_Home)
    qtbot.keyClick(pj, Qt.Key_PageDown)
    assert not win.detail.isVisibleTo(pj)
    assert pj.explain_first()
    assert win.detail.isVisibleTo(pj) and "Why it matters" in win.detail.toPlainText()

    qtbot.keyClick(pj, Qt.Key_Escape)
    assert not pj.isVisible() and not pj.active
    assert win.pane_area.parentWidget() is win.reading_splitter and win.reading_splitter.indexOf(win.pane_area) == 0
    assert win.reading_splitter.indexOf(win.detail) == 1 and win.detail.isVisibleTo(win)
    assert all(p.isVisibleTo(win) for p in win.ordered_panes())
    assert win.legend_model.enabled() == before["legend"] and win.font_pt == before["font"]
    assert [e.key for e in win.model.compared()] == before["compared"] and win.tabs.currentIndex() == before["tab"]
    assert win.ordered_panes()[0].view.font().pointSizeF() == before["text_pt"]
    assert win.ordered_panes()[0].header.outlet.fontInfo().pixelSize() == before["outlet_px"]
    assert win.ordered_panes()[0].header.badges["loaded"].fontInfo().pixelSize() == before["chip_px"]
    assert win.pane_area.splitter.sizes() == before["sizes"]
    assert all(p.header.close_button.isVisibleTo(p) for p in win.ordered_panes())
    painted = set()
    wait_painted(qtbot, win)
    for pane in win.ordered_panes():
        painted |= painted_categories(pane)[0]
    assert painted >= {hl.LOADED, hl.HEDGE, hl.SOURCE_NAMED, hl.CUE_NEUTRAL}  # the legend's choice again


def visible_kinds(win, pj) -> set[str]:
    """The finding categories the shown articles have at all (where one alone can be seen)."""
    out = set()
    for pane in shown(win, pj):
        painted, unpainted = painted_categories(pane)
        out |= painted | unpainted
    return out


def _widget_text(root) -> str:
    parts = []
    for w in [*root.findChildren(QLabel), *root.findChildren(QTextEdit)]:
        parts.append(w.text() if isinstance(w, QLabel) else w.toPlainText())
        parts.append(w.toolTip())
    return "\n".join(parts)


def test_projector_in_blind_mode_names_no_outlet_and_follows_the_teachers_order(seeds_window, qtbot):
    win = seeds_window
    win.set_theme("dark")  # the projector stays black on white all the same
    win.actions_by_name["blind"].setChecked(True)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    pj = win.projector
    pj.set_reveal_order(["hedges", "source_anonymous"])
    with pytest.raises(ValueError):
        pj.set_reveal_order(["hedges", "nonsense"])
    assert [s.name for s in pj.steps] == ["none", "hedges", "source_anonymous", "all"]  # a bad order changes nothing
    win.actions_by_name["projector"].trigger()
    qtbot.waitUntil(pj.isActiveWindow, timeout=5000)
    image = pj.grab().toImage()
    for pane in shown(win, pj):
        view = pane.view.viewport()
        top_left = view.mapTo(pj, view.rect().topLeft())
        shades = [QColor(image.pixel(top_left.x() + x, top_left.y() + y)).lightness()
                  for x in range(0, view.width(), 9) for y in range(0, view.height(), 9)]
        assert sum(v > 240 for v in shades) > 0.8 * len(shades), pane.entry.label  # white paper
        assert min(shades) < 40, pane.entry.label  # black type
    qtbot.keyClick(pj, Qt.Key_PageDown)
    assert pj.current.name == "hedges" and visible_categories(qtbot, win, pj) == {hl.HEDGE}
    qtbot.keyClick(pj, Qt.Key_PageDown)
    assert visible_categories(qtbot, win, pj) <= {hl.SOURCE_ANONYMOUS}
    qtbot.keyClick(pj, Qt.Key_PageDown)
    assert pj.current.name == "all" and visible_categories(qtbot, win, pj) == {hl.HEDGE, hl.SOURCE_ANONYMOUS} & \
        visible_kinds(win, pj)
    hidden_names = ["JAPAN Forward", "Breitbart", "Frances Martel", "Voice of America", "VOA", "Reuters",
                    "Kyodo News"]
    for page in range(len(pj.pages())):
        pj.go_to(page, len(pj.steps) - 1)
        wait_painted(qtbot, win)
        assert [p.header.outlet.text() for p in shown(win, pj)][0] == f"Outlet {chr(65 + page * pj.per_page)}"
        headers = "\n".join(_widget_text(p.header) for p in shown(win, pj))
        assert identity_lines(headers + "\n" + _widget_text(pj.content), ["Breitbart", "JAPAN Forward",
                                                                          "Frances Martel"]) == []
        for pane in shown(win, pj):
            real = win.model.entry(pane.key).article
            own = [t for t in hidden_names if t.lower() in (real.outlet + " " + (real.byline or "")).lower()]
            assert identity_lines(pane.view.toPlainText(), [t for t in own if t != "Kyodo News"]) == [], real.outlet
    # Ctrl+Plus / Ctrl+Minus scale everything in the projector together
    pane = shown(win, pj)[0]

    def sizes() -> list[int]:
        widgets = [pane.view, pane.header.outlet, pane.header.badges["hedges"], pj.caption, pj.footer,
                   next(iter(pj.key_labels.values()))]
        for w in widgets:
            w.ensurePolished()
        return [w.fontInfo().pixelSize() for w in widgets]

    first = sizes()
    qtbot.keyClick(pj, Qt.Key_Plus, Qt.ControlModifier)
    larger = sizes()
    assert all(b > a for a, b in zip(first, larger)), (first, larger)
    assert win.font_pt == 11  # the window's own Ctrl+Plus did not fire
    qtbot.keyClick(pj, Qt.Key_Minus, Qt.ControlModifier)
    assert sizes() == first
    # S puts the figures on the wall: the window's own dashboard, blind and scaled with the rest
    step = (pj.page, pj.step)
    dash_px = win.ensure_dashboard().font().pixelSize(), win.ensure_dashboard().fontInfo().pixelSize()
    qtbot.keyClick(pj, Qt.Key_S)
    dash = win.dashboard
    assert pj.figures and pj.stack.currentWidget() is pj.figures_page and dash.window() is pj
    qtbot.waitUntil(lambda: "Outlet A" in _widget_text(dash), timeout=30000)
    assert identity_lines(_widget_text(dash), ["Breitbart", "JAPAN Forward", "Frances Martel"]) == []
    title = next(lb for lb in dash.findChildren(QLabel) if lb.isVisibleTo(dash) and lb.text())
    title.ensurePolished()
    assert title.fontInfo().pixelSize() > dash_px[1]  # scaled like everything else on the wall
    qtbot.keyClick(pj, Qt.Key_PageDown)  # a step key goes back to the articles, at the same step
    assert not pj.figures and pj.stack.currentWidget() is pj.content and (pj.page, pj.step) == step
    assert dash.parent() is win.dashboard_holder  # given back to the window
    # Ctrl+Shift+B from the projector switches blind mode off (the window's own action)
    qtbot.keyClick(pj, Qt.Key_B, Qt.ControlModifier | Qt.ShiftModifier)
    assert not win.blinding.on and not pj.blank
    qtbot.keyClick(pj, Qt.Key_Escape)
    assert not pj.active
    assert win.ordered_panes()[0].view.font().pointSizeF() == win.font_pt


# ------------------------------------------------------------------------------- 1920x1080, for real
def inside(r, outer) -> bool:
    x, y, w, h = r
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


@pytest.fixture(scope="module")
def at_1080(tmp_path_factory, seed_cache_dir):
    tmp = tmp_path_factory.mktemp("projector")
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "Projector", "x": 0, "y": 0, "width": 1920, "height": 1080,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    shutil.copytree(seed_cache_dir, tmp / "cache")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", PYTHONPATH=str(ROOT),
               SLANT_SETTINGS_DIR=str(tmp / "settings"), SLANT_CACHE_DIR=str(tmp / "cache"))
    png = tmp / "projector-1920x1080.png"
    done = subprocess.run([sys.executable, str(DRIVER), str(png)], env=env, cwd=str(ROOT), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    report = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            report.update(json.loads(line))
    return report, png


@pytest.mark.parametrize("state", ["loaded", "blind_all"])
def test_projector_at_1920x1080_fills_the_screen_with_nothing_clipped(at_1080, state):
    report = at_1080[0][state]
    screen = report["screen"]
    assert screen == [0, 0, 1920, 1080]
    assert report["full_screen"] and report["projector"] == screen  # never wider than the screen
    assert len(report["panes"]) == 3 if state == "loaded" else len(report["panes"]) == 2
    assert report["scroll_max"] == 0  # the articles shown fit side by side: no sideways scrolling
    assert report["caption"]["font_px"] >= 30 and report["caption"]["needs_height"] <= report["caption"]["height"]
    assert inside(report["caption"]["rect"], screen) and inside(report["footer"]["rect"], screen)
    assert report["footer"]["advance"] <= report["footer"]["width"]
    for key in report["key"]:
        assert key["advance"] <= key["width"] and inside(key["rect"], screen), key
    if report["detail"] is not None:
        assert inside(report["detail"], screen) and report["detail"][3] >= 150
    for p in report["panes"]:
        assert p["rect"] == p["full_rect"] and inside(p["rect"], screen), p["label"]  # whole and on screen
        assert p["rect"][3] >= 450, p["label"]
        assert p["text_px"] >= 26 and p["chars_per_line"] >= 32, p["label"]  # big, still readable lines
        assert p["outlet"]["font_px"] >= 32
        for lab in ("outlet", "date"):  # one line, shortened with "…" when too long (the tooltip has it all)
            shown_text, full = p[lab]["text"], p[lab]["full"]
            assert shown_text == full or (shown_text.endswith("…") and full.startswith(shown_text[:-1])), shown_text
            assert p[lab]["advance"] <= p[lab]["width"]
        assert p["title"]["needs_height"] <= p["title"]["height"], p["title"]
        for chip in p["chips"]:
            assert chip["visible"] and chip["width"] >= chip["needs"], (p["label"], chip)
            assert chip["in_pane"] == chip["rect"] and inside(chip["rect"], p["header"]), (p["label"], chip)
    if state == "blind_all":
        assert [p["label"] for p in report["panes"]] == ["Outlet D", "Outlet E"]
        assert len(report["key"]) == len(FINDINGS)  # every kind's sample, wrapped onto lines


def test_projector_screenshot_shows_whole_chips_and_panes(at_1080):
    report, png = at_1080
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1920, 1080)
    loaded = report["loaded"]
    for p in loaded["panes"]:
        x, y, w, h = p["rect"]
        mid = y + h // 2
        # the pane's black frame is drawn on both sides: nothing cut it off
        assert QColor(image.pixel(x + 1, mid)).lightness() < 60, p["label"]
        assert QColor(image.pixel(x + w - 2, mid)).lightness() < 60, p["label"]
        for chip in p["chips"]:
            cx, cy, cw, ch = chip["rect"]
            right = min(QColor(image.pixel(cx + cw - i, cy + ch // 2)).lightness() for i in (1, 2, 3))
            left = min(QColor(image.pixel(cx + i, cy + ch // 2)).lightness() for i in (0, 1, 2))
            assert right < 80 and left < 80, (p["label"], chip["text"])  # both borders drawn: the chip is whole
    # black on white: the caption's strip is white with black text
    cx, cy, cw, ch = loaded["caption"]["rect"]
    shades = [QColor(image.pixel(x, y)).lightness() for x in range(cx, cx + cw, 7) for y in range(cy, cy + ch, 5)]
    assert max(shades) > 245 and min(shades) < 20
    if os.environ.get("SLANT_UPDATE_SCREENSHOTS"):  # regenerate the README's picture from this run
        shutil.copy(png, ROOT / "resources" / "screenshots" / "projector-1920x1080.png")


def test_with_a_second_screen_the_projector_opens_on_the_one_the_window_is_not_on(make_window, monkeypatch):
    from desktop.projector import view

    win = make_window(seeds=False)
    here = win.screen()
    other = object()  # a second screen (a projector beside the laptop)
    assert win.projector.target_screen() is here  # one screen: that one
    monkeypatch.setattr(view.QGuiApplication, "screens", staticmethod(lambda: [here, other]))
    assert win.projector.target_screen() is other
    monkeypatch.setattr(view.QGuiApplication, "screens", staticmethod(lambda: [other, here]))
    assert win.projector.target_screen() is other


def test_closing_the_window_from_the_projector_gives_its_panes_back_first(make_window, qtbot):
    win = make_window(seeds=False)
    win.add_pasted("The minister said the talks went well.\n", outlet="A typed article")
    pj = win.projector
    pj.enter()
    assert win.pane_area.window() is pj
    win.close()
    assert not pj.active and not pj.isVisible()
    assert win.pane_area.parentWidget() is win.reading_splitter
