"""The projector view (View > Projector view, F5; Esc leaves): the comparison for a classroom.

Full screen, black on white with thick marks and big type, two or three articles at a time, and one kind
of highlight revealed at a time with a big caption saying what is shown ("Now: loaded words — …"). It is
driven by the keyboard or a presentation clicker (clickers send Page Down / Page Up, sometimes the arrow
keys, and B or "." to blank the screen):

    Page Down, Right, Space   next step        Page Up, Left, Backspace   previous step
    B or "."                  blank screen      Home / End                 first / last step
    ] / [ (Ctrl+Page Down/Up) next / previous articles, same step
    Up / Down                 scroll the shown articles                    D   explanation panel
    S                         the figures (the comparison dashboard, scaled the same; S or a step key goes back)
    Ctrl+Plus / Minus / 0     everything larger / smaller / as it was      Esc leave

The steps go through the reveal order for the first articles, then again for the next ones: no highlights,
then each category of ``reveal_order`` on its own, then all of them together.

Nothing is computed again and nothing is copied: while it is open the view borrows the window's own pane
area and detail panel (the same panes, highlight layer, results and blind mode), shows only the categories
of the current step through the panes' category filter, and scales everything together with
``screen_fit.apply_scale`` plus ``resources/styles/projector.qss``. Leaving gives them back as they were
(which categories the legend shows, text size, colours, pane widths and scroll positions).
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from .. import highlight as hl
from .. import screen_fit, theme
from .key import FILL_SCALE, FlowLayout, KeySwatch
from .steps import ALWAYS, DEFAULT_REVEAL_ORDER, RevealStep, page_ranges, reveal_steps

if TYPE_CHECKING:
    from ..main_window import MainWindow


def projector_qss(factor: float = 1.0) -> str:
    """``resources/styles/projector.qss`` with its pixel sizes (border widths, paddings) times ``factor``;
    ``screen_fit.apply_scale`` scales its point sizes (fonts) the same way."""
    qss = (resources.files("resources") / "styles" / "projector.qss").read_text(encoding="utf-8")
    return re.sub(r"(\d+)px\b", lambda m: f"{max(1, round(int(m.group(1)) * factor))}px", qss)


NEXT_KEYS = {Qt.Key_PageDown, Qt.Key_Right, Qt.Key_Space}
PREV_KEYS = {Qt.Key_PageUp, Qt.Key_Left, Qt.Key_Backspace}
BLANK_KEYS = {Qt.Key_B, Qt.Key_Period}
FIGURES_KEY = Qt.Key_S
HELP_LINE = "PgDn / → / Space next · PgUp / ← back · ] [ next / previous articles · S figures · B blank · Esc leave"


class ProjectorView(QWidget):
    """A full-screen window of its own that borrows the main window's pane area and detail panel while
    it is shown. ``enter()`` / ``leave()``; ``set_reveal_order(order)`` (a lesson file's order)."""

    stepChanged = Signal(int, int)  # page, step
    blankChanged = Signal(bool)
    entered = Signal()
    left = Signal()

    def __init__(self, window: MainWindow, reveal_order: Sequence[str] = DEFAULT_REVEAL_ORDER,
                 per_page: int | None = None):
        super().__init__(window, Qt.Window)
        self.setObjectName("projector")
        self.setWindowTitle("Slant: projector view")
        self.main = window
        self.dark = False  # black on white: what a projector in a lit room shows best
        self.reveal_order: tuple[str, ...] = ()
        self.steps: list[RevealStep] = []
        self.set_reveal_order(reveal_order)
        self.per_page_wanted = per_page
        self.per_page = per_page or 3
        self.page = 0
        self.step = 0
        self.blank = False
        self.figures = False  # the dashboard is on the wall instead of the articles (S)
        self.active = False
        self.text_pt = 20.0
        self._saved: dict[str, Any] = {}
        self.key_labels: dict[str, QLabel] = {}
        self._last_applied: tuple[int, int] | None = None
        self._build()

    # ================================================================== construction
    def _build(self) -> None:
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        self.content = QWidget()
        self.content.setObjectName("projectorContent")
        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(18, 10, 18, 8)
        lay.setSpacing(8)
        self.caption = QLabel()
        self.caption.setObjectName("projectorCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.RichText)
        lay.addWidget(self.caption)
        self.key_strip = QWidget()
        self.key_strip.setObjectName("projectorKey")
        self.key_layout = FlowLayout(self.key_strip, spacing=28)
        self.key_layout.setContentsMargins(0, 0, 0, 0)
        sp = QSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        sp.setHeightForWidth(True)
        self.key_strip.setSizePolicy(sp)
        lay.addWidget(self.key_strip)
        self.body = QSplitter(Qt.Vertical)
        self.body.setObjectName("projectorBody")
        self.body.setChildrenCollapsible(False)
        lay.addWidget(self.body, 1)
        self.footer = QLabel()
        self.footer.setObjectName("projectorFooter")
        self.footer.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        lay.addWidget(self.footer)
        self.stack.addWidget(self.content)

        self.figures_page = QWidget()  # holds the window's own dashboard while it is shown here
        self.figures_page.setObjectName("projectorFigures")
        self.figures_page.setAttribute(Qt.WA_StyledBackground, True)
        fl = QVBoxLayout(self.figures_page)
        fl.setContentsMargins(18, 10, 18, 8)
        self.stack.addWidget(self.figures_page)

        self.blank_page = QWidget()
        self.blank_page.setObjectName("projectorBlank")
        self.blank_page.setAttribute(Qt.WA_StyledBackground, True)
        self.stack.addWidget(self.blank_page)
        self.content.setAttribute(Qt.WA_StyledBackground, True)
        self.setAttribute(Qt.WA_StyledBackground, True)
        # the light palette whatever the window's theme: scroll bars and anything the style sheet leaves to
        # the palette are light too (the borrowed widgets take the window's palette back when they return)
        self.setPalette(theme.palette(False))

    # ================================================================== the public face
    def set_reveal_order(self, order: Sequence[str]) -> None:
        """The kinds of highlight to reveal, in order (group names of ``REVEAL_GROUPS`` or highlight category
        keys). A bad order raises ``ValueError`` and leaves the current one in place."""
        steps = reveal_steps(order)
        self.reveal_order = tuple(str(n).strip() for n in order)
        self.steps = steps
        self.step = min(getattr(self, "step", 0), len(steps) - 1)
        if getattr(self, "active", False):
            self._apply()

    def _follow_lesson(self) -> None:
        """A lesson file's order of categories (Classroom › Lesson settings) is the order the projector steps
        through; without a lesson, or with one whose order this version cannot show, the current order stays."""
        lesson = getattr(getattr(self.main, "comparisons", None), "lesson", None)
        order = tuple(getattr(lesson, "reveal", ()) or ())
        if order and order != self.reveal_order:
            try:
                self.set_reveal_order(order)
            except ValueError as e:
                self.main.status_label.setText(f"Projector view: the lesson's order is not used ({e}).")

    @property
    def current(self) -> RevealStep:
        return self.steps[self.step]

    def pages(self) -> list[range]:
        return page_ranges(len(self.main.ordered_panes()), self.per_page)

    def shown_panes(self) -> list[Any]:
        panes = self.main.ordered_panes()
        return [panes[i] for i in self.pages()[self.page] if i < len(panes)]

    def enter(self) -> None:
        """Show the projector view full screen on the projector's screen."""
        if self.active:
            return
        w = self.main
        area = w.pane_area
        self._saved = {
            "reading_sizes": w.reading_splitter.sizes(),
            "pane_sizes": area.splitter.sizes(),
            "hscroll": area.scroll.horizontalScrollBar().value(),
            "vscroll": {k: p.view.verticalScrollBar().value() for k, p in area.panes.items()},
            "detail_visible": w.detail.isVisibleTo(w),
            "collapse": area.collapse,
        }
        self.active = True
        self._follow_lesson()
        screen = self.target_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        geo = screen.geometry() if screen is not None else w.geometry()
        self.text_pt = self.default_text_pt(geo.height())
        self.body.addWidget(area)
        self.body.addWidget(w.detail)
        self.body.setStretchFactor(0, 4)
        self.body.setStretchFactor(1, 1)
        w.detail.hide()  # shown when a highlight is clicked (or with D)
        area.set_dark(self.dark)
        area.set_collapse(True)  # page furniture takes no room on the wall (it is never removed)
        w.detail.set_dark(self.dark)
        for pane in area.panes.values():
            pane.header.menu_button.hide()
            pane.header.close_button.hide()
        self._scale(self.text_pt, geo.width())
        area.rebuilt.connect(self._on_rebuilt)
        w.spanShown.connect(self._on_span_shown)
        area.contentShown.connect(self._on_content)
        self.set_blank(False)
        self._apply()
        QApplication.instance().installEventFilter(self)
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self.setFocus()
        w.status_label.setText("Projector view: Page Down for the next step, Esc to leave.")
        self.entered.emit()

    def leave(self) -> None:
        """Back to the window, as it was."""
        if not self.active:
            return
        self.show_figures(False)
        self.active = False
        self._last_applied = None
        QApplication.instance().removeEventFilter(self)
        w, area = self.main, self.main.pane_area
        for sig, slot in ((area.rebuilt, self._on_rebuilt), (w.spanShown, self._on_span_shown),
                          (area.contentShown, self._on_content)):
            try:
                sig.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.blank = False
        self.hide()
        saved = self._saved
        w.reading_splitter.insertWidget(0, area)
        w.reading_splitter.insertWidget(1, w.detail)
        w.detail.setVisible(saved.get("detail_visible", True))
        for pane in area.panes.values():
            pane.show()
            pane.header.menu_button.show()
            pane.header.close_button.show()
            pane.highlighter.set_fill_scale(1.0)
        area.set_font(w.font_pt)
        area.set_collapse(saved.get("collapse", area.collapse))
        area.set_dark(w.dark)
        w.detail.set_dark(w.dark)
        area.set_enabled_categories(w.legend_model.enabled_set())
        if len(saved.get("pane_sizes", [])) == len(area.panes):
            area.splitter.setSizes(saved["pane_sizes"])
        w.reading_splitter.setSizes(saved.get("reading_sizes", w.reading_splitter.sizes()))
        area.update_min_widths()
        QApplication.processEvents()  # lay the panes out before their scroll positions come back
        for key, value in saved.get("vscroll", {}).items():
            if key in area.panes:
                area.panes[key].view.verticalScrollBar().setValue(value)
        area.scroll.horizontalScrollBar().setValue(saved.get("hscroll", 0))
        w.status_label.setText("Left the projector view.")
        w.activateWindow()
        w.raise_()
        self.left.emit()

    def next_step(self) -> None:
        if self.step < len(self.steps) - 1:
            self.step += 1
        elif self.page < len(self.pages()) - 1:
            self.page, self.step = self.page + 1, 0
        self._apply()

    def previous_step(self) -> None:
        if self.step > 0:
            self.step -= 1
        elif self.page > 0:
            self.page, self.step = self.page - 1, len(self.steps) - 1
        self._apply()

    def home(self) -> None:
        self.page, self.step = 0, 0
        self._apply()

    def end(self) -> None:
        self.page, self.step = len(self.pages()) - 1, len(self.steps) - 1
        self._apply()

    def next_page(self, step: int = +1) -> None:
        """The next (+1) or previous (-1) articles, at the same step."""
        self.page = max(0, min(len(self.pages()) - 1, self.page + step))
        self._apply()

    def go_to(self, page: int, step: int) -> None:
        self.page = max(0, min(len(self.pages()) - 1, page))
        self.step = max(0, min(len(self.steps) - 1, step))
        self._apply()

    def explain_first(self, text: str | None = None) -> bool:
        """Explain the first finding of the current step in the articles on screen (optionally with the given
        words), as a click on it would: the explanation panel opens below the articles."""
        cats = [c for c in hl.CLICK_PRIORITY if c in self.current.categories]
        for pane in self.shown_panes():
            for cat in cats:
                if self.main.select_first(cat, label=pane.entry.label, text=text):
                    return True
        return False

    def set_blank(self, on: bool) -> None:
        """A black screen (B or "."), to talk without the slide; the same key brings it back."""
        self.blank = bool(on)
        self.stack.setCurrentWidget(self.blank_page if self.blank else
                                    self.figures_page if self.figures else self.content)
        self.blankChanged.emit(self.blank)

    def show_figures(self, on: bool) -> None:
        """The comparison dashboard (charts, every figure with its count) on the wall, scaled with the rest
        (S). It is the window's own dashboard, borrowed like the panes and given back after."""
        w = self.main
        if on and not self.figures:
            panel = w.ensure_dashboard()
            if panel is None:
                return
            w.dashboard_tab.fill()
            self.figures_page.layout().addWidget(panel)
            self.figures = True
        elif not on and self.figures:
            if w.dashboard is not None:
                w.dashboard_holder.layout().addWidget(w.dashboard)
            self.figures = False
        else:
            return
        self.set_blank(False)

    def set_text_size(self, pt: float) -> None:
        """Everything larger or smaller together (Ctrl+Plus / Ctrl+Minus in the projector view)."""
        self._scale(pt, self.width())
        self._apply()

    # ================================================================== sizes
    def target_screen(self) -> Any:
        """With a second screen (a projector beside a laptop), the one the window is not on."""
        screens = QGuiApplication.screens()
        here = self.main.screen() or QGuiApplication.primaryScreen()
        others = [s for s in screens if s is not here]
        return others[0] if others else here

    @staticmethod
    def default_text_pt(screen_height: int) -> float:
        """Article text about 1/48 of the screen high: 22 pt on 1080 lines, 15 pt on 720."""
        return float(max(14, min(32, round(screen_height / 48))))

    def _scale(self, pt: float, width: int) -> None:
        from ..settings import MAX_FONT_PT, MIN_FONT_PT

        self.text_pt = float(max(MIN_FONT_PT, min(max(MAX_FONT_PT, 40), pt)))
        factor = screen_fit.scale_factor(self.text_pt)
        screen_fit.apply_scale(self, self.text_pt, projector_qss(factor))
        self.main.pane_area.set_font(round(self.text_pt))
        if self.per_page_wanted is None:
            self.per_page = self.fitting_per_page(width)
        self.page = min(self.page, len(self.pages()) - 1)

    def fitting_per_page(self, width: int) -> int:
        """Three articles when each keeps about 32 characters a line (28 is the window's least), else two."""
        area = self.main.pane_area
        pane = next(iter(area.panes.values()), None)
        fm = pane.view.fontMetrics() if pane is not None else QFontMetrics(self.font())
        comfortable = fm.averageCharWidth() * 32 + 80
        return max(2, min(3, (width - 40) // max(1, comfortable)))

    # ================================================================== showing a step
    def _apply(self) -> None:
        if not self.active:
            return
        area = self.main.pane_area
        panes = self.main.ordered_panes()
        pages = self.pages()
        self.page = max(0, min(self.page, len(pages) - 1))
        shown = set(pages[self.page])
        categories = set(self.current.categories) | ALWAYS
        for i, pane in enumerate(panes):
            pane.setVisible(i in shown)
            if i in shown:
                pane.highlighter.set_fill_scale(FILL_SCALE)
                pane.set_enabled_categories(categories)
        visible = [p for p in panes if p.isVisibleTo(area)]
        if visible:
            total = max(area.scroll.viewport().width(), self.width() - 40)
            area.splitter.setSizes([total // len(visible) if p.isVisibleTo(area) else 0 for p in panes])
            area.scroll.horizontalScrollBar().setValue(0)
        self._show_caption()
        self._show_key()
        if self.step > 0 and (self.page, self.step) != self._last_applied:
            QTimer.singleShot(0, self.bring_findings_into_view)  # once the panes have their new widths
        self._last_applied = (self.page, self.step)
        self.stepChanged.emit(self.page, self.step)

    def visible_findings(self, pane: Any) -> list[Any]:
        """The findings of the current step in the part of ``pane`` on screen."""
        view = pane.view
        top = pane.top_offset()
        bottom = view.offsets.to_py(view.cursorForPosition(QPoint(20, view.viewport().height() - 4)).position())
        return [s for s in pane.findings() if top <= s.start < bottom]

    def bring_findings_into_view(self) -> None:
        """A pane showing none of the step's findings scrolls to its first one ("now the sources": every
        article shows one), so the class never looks at a stretch with nothing marked."""
        if not self.active:
            return
        for pane in self.shown_panes():
            items = pane.findings()
            if items and not self.visible_findings(pane):
                pane.scroll_to(items[0].start, 0.25)

    def _show_caption(self) -> None:
        head, _, rest = self.current.caption.partition(" — ")
        self.caption.setText(f"<b>{html.escape(head)}</b>" + (f" — {html.escape(rest)}" if rest else ""))
        pages = self.pages()
        r = pages[self.page]
        n = len(self.main.ordered_panes())
        which = (f"Articles {r.start + 1}–{r.stop} of {n}" if len(r) > 1 else f"Article {r.start + 1} of {n}") \
            if n else "No articles"
        self.footer.setText(f"{which}   ·   step {self.step + 1} of {len(self.steps)}   ·   {HELP_LINE}")

    def _show_key(self) -> None:
        """One sample per category shown, with how many there are in the articles on screen."""
        while self.key_layout.count():
            item = self.key_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        counts: dict[str, int] = {}
        for pane in self.shown_panes():
            for cat, k in pane.category_counts.items():
                counts[cat] = counts.get(cat, 0) + k
        styles = hl.load_styles()
        shown = [c for c in styles if c in self.current.categories]
        self.key_labels: dict[str, QLabel] = {}
        for cat in shown:
            sw = KeySwatch(cat)
            sw.setObjectName("projectorSwatch")
            label = QLabel(f"{styles[cat].label} {counts.get(cat, 0)}" if cat != hl.TONE else styles[cat].label)
            label.setObjectName("projectorKeyLabel")
            label.setToolTip(f"{styles[cat].description} Marked with: {styles[cat].cue}.")
            self.key_layout.addWidget(sw)
            self.key_layout.addWidget(label)
            self.key_labels[cat] = label
        if not shown:
            label = QLabel("Highlights come one kind at a time: Page Down.")
            label.setObjectName("projectorKeyLabel")
            self.key_layout.addWidget(label)

    # ================================================================== events
    def _on_rebuilt(self) -> None:
        for pane in self.main.pane_area.panes.values():
            pane.header.menu_button.hide()
            pane.header.close_button.hide()
        self._apply()

    def _on_content(self, _key: str) -> None:
        self._show_key()  # the counts come with the highlights

    def _on_span_shown(self, key: str, span: Any) -> None:
        """A click on a highlight explains it here too; the word stays in sight above the explanation."""
        self.show_detail(True)
        pane = self.main.panes.get(key)
        if pane is not None:
            QApplication.processEvents()  # the articles are shorter now
            y = pane.y_of(span.start)
            if not 0 <= y < pane.view.viewport().height() - pane.view.fontMetrics().lineSpacing():
                pane.scroll_to(span.start, 0.3)

    def show_detail(self, on: bool) -> None:
        """The explanation panel below the articles (a clicked highlight, or D)."""
        detail = self.main.detail
        if on and not detail.isVisibleTo(self):
            detail.show()
            total = sum(self.body.sizes()) or self.body.height()
            self.body.setSizes([total * 7 // 10, total - total * 7 // 10])
        elif not on:
            detail.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if self.active and obj is self.main and event.type() == QEvent.Close:
            self.leave()  # the window closes (and saves its layout) with its own panes in place
            return False
        if not (self.active and obj.isWidgetType() and obj.window() is self):
            return False
        if event.type() == QEvent.ShortcutOverride and self.handles(event):
            event.accept()  # the projector's key, not a window shortcut (Ctrl+Plus scales the projector)
            return True
        if event.type() == QEvent.KeyPress:
            return self.handle_key(event)
        return False

    def handles(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.ControlModifier:
            return key in (Qt.Key_Plus, Qt.Key_Equal, Qt.Key_Minus, Qt.Key_0, Qt.Key_PageDown, Qt.Key_PageUp) or \
                (key == Qt.Key_B and bool(mods & Qt.ShiftModifier))
        return key in NEXT_KEYS | PREV_KEYS | BLANK_KEYS | {Qt.Key_Escape, Qt.Key_Home, Qt.Key_End, Qt.Key_Up,
                                                             Qt.Key_Down, Qt.Key_D, Qt.Key_BracketLeft,
                                                             Qt.Key_BracketRight, FIGURES_KEY}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.ControlModifier)
        if key == Qt.Key_Escape:
            self.leave()
        elif ctrl and key in (Qt.Key_Plus, Qt.Key_Equal):
            self.set_text_size(self.text_pt + 2)
        elif ctrl and key == Qt.Key_Minus:
            self.set_text_size(self.text_pt - 2)
        elif ctrl and key == Qt.Key_0:
            self.set_text_size(self.default_text_pt(self.height()))
        elif ctrl and mods & Qt.ShiftModifier and key == Qt.Key_B:
            self.main.actions_by_name["blind"].toggle()
        elif key in BLANK_KEYS and not ctrl:
            self.set_blank(not self.blank)
        elif self.blank and key in NEXT_KEYS | PREV_KEYS | {Qt.Key_Home, Qt.Key_End}:
            self.set_blank(False)  # back to the slide first; the next press moves on
        elif key == FIGURES_KEY and not ctrl:
            self.show_figures(not self.figures)
        elif self.figures and key in NEXT_KEYS | PREV_KEYS | {Qt.Key_Home, Qt.Key_End}:
            self.show_figures(False)  # back to the articles first, at the step they were at
        elif (ctrl and key == Qt.Key_PageDown) or key == Qt.Key_BracketRight:
            self.next_page(+1)
        elif (ctrl and key == Qt.Key_PageUp) or key == Qt.Key_BracketLeft:
            self.next_page(-1)
        elif key in NEXT_KEYS:
            self.next_step()
        elif key in PREV_KEYS:
            self.previous_step()
        elif key == Qt.Key_Home:
            self.home()
        elif key == Qt.Key_End:
            self.end()
        elif key in (Qt.Key_Down, Qt.Key_Up):
            for pane in self.shown_panes():
                bar = pane.view.verticalScrollBar()
                bar.setValue(bar.value() + (1 if key == Qt.Key_Down else -1) * pane.view.viewport().height() // 3)
        elif key == Qt.Key_D and not ctrl:
            self.show_detail(not self.main.detail.isVisibleTo(self))
        else:
            return False
        return True

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self.leave()  # closed by the window manager (Alt+F4): the window gets its panes back
        super().closeEvent(event)
