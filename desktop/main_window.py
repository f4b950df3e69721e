"""The main window: the article library and legend on the left, the articles side by side with the
detail panel below them, and the comparison dashboard in a second tab.

The window holds no analysis logic: it keeps the article list model, asks ``AnalysisManager`` for
analyses and comparisons (off the UI thread), and shows what comes back.
"""
from __future__ import annotations

import bisect
import dataclasses
import html
import time
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon, QKeySequence,
                           QPixmap)
from PySide6.QtWidgets import (QApplication, QFileDialog, QFrame, QHBoxLayout, QLabel, QLineEdit, QMainWindow,
                               QMessageBox, QPlainTextEdit, QProgressBar, QPushButton, QSplitter, QTabWidget,
                               QTextEdit, QToolButton, QVBoxLayout, QWidget)

from analysis.sources import SUPPORTED_SUFFIXES, SourceError, article_from_text, file_name, read_article, text_id

from . import highlight as hl
from . import theme
from .cache import AnalysisCache
from .dialogs.metadata_dialog import MetadataDialog
from .dialogs.paste_dialog import PasteDialog
from .models.article_model import CANCELLED, DONE, FAILED, MAX_PANES, PENDING, RUNNING, ArticleListModel, Entry
from .models.legend_model import LegendModel
from .panes.article_pane import ArticlePane, metric_badges
from .panes.detail_panel import DetailPanel, Other, describe_overview, describe_sentence, describe_span
from .panes.legend import LegendWidget
from .panes.pane_list import PaneList
from .settings import Settings
from .dialogs.clear_cache import clear_cache
from .workers import AnalysisManager

FILE_FILTER = "Articles (" + " ".join(f"*{s}" for s in SUPPORTED_SUFFIXES) + ");;All files (*)"


class MessageBar(QFrame):
    """Errors and notices shown inside the window (never a crash, never a lost article)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        # always rich text: messages are HTML-escaped, and a one-line message with no tag would otherwise
        # be shown as plain text with its escapes visible ("article&#x27;s")
        self.label.setTextFormat(Qt.RichText)
        self.label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        lay.addWidget(self.label, 1)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.clicked.connect(self.dismiss)
        lay.addWidget(close)
        self.messages: list[str] = []
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        self.messages.append(text)
        shown = self.messages[-3:]
        more = len(self.messages) - len(shown)
        body = "<br>".join(html.escape(m).replace("\n", "<br>") for m in shown)
        if more:
            body += f"<br><i>…and {more} earlier message{'s' if more > 1 else ''}</i>"
        self.label.setText(body)
        width = max(400, (self.parentWidget().width() if self.parentWidget() else 900) - 60)
        self.label.setMinimumHeight(self.label.heightForWidth(width) + self.label.fontMetrics().descent() + 4)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def dismiss(self) -> None:
        self.messages.clear()
        self.hide()


class FindBar(QFrame):
    searched = Signal(str)
    step = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("findBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel("Find in all articles:"))
        self.edit = QLineEdit()
        self.edit.setObjectName("findEdit")
        self.edit.setPlaceholderText("word or phrase")
        self.edit.setClearButtonEnabled(True)
        lay.addWidget(self.edit, 1)
        self.count = QLabel("")
        lay.addWidget(self.count)
        for glyph, step, tip in (("↑", -1, "Previous match (Shift+F3)"), ("↓", +1, "Next match (F3, Enter)")):
            b = QToolButton()
            b.setText(glyph)
            b.setToolTip(tip)
            b.clicked.connect(lambda _c=False, s=step: self.step.emit(s))
            lay.addWidget(b)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.clicked.connect(self.close_bar)
        lay.addWidget(close)
        self.edit.textChanged.connect(self.searched)
        self.edit.returnPressed.connect(lambda: self.step.emit(+1))
        self.edit.installEventFilter(self)
        self.hide()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.KeyPress and event.key() == Qt.Key_Escape:
            self.close_bar()
            return True
        return super().eventFilter(obj, event)

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        if self.edit.text():
            self.searched.emit(self.edit.text())

    def close_bar(self) -> None:
        self.hide()
        self.searched.emit("")


def app_icon() -> QIcon:
    from importlib import resources

    data = (resources.files("resources") / "icons" / "slant.svg").read_bytes()
    pix = QPixmap()
    pix.loadFromData(data, "SVG")
    return QIcon(pix)


def _guarded_dashboard() -> tuple[Any, str | None]:
    try:
        from .dashboard import DashboardPanel

        return DashboardPanel, None
    except Exception as exc:  # noqa: BLE001 - the window must open without it
        return None, f"{type(exc).__name__}: {exc}"


class MainWindow(QMainWindow):
    analysisSettled = Signal()  # every article finished (or failed / cancelled) and the comparison is in
    spanShown = Signal(str, object)  # entry key, HighlightSpan shown in the detail panel
    contentShown = Signal(str)  # an article's text and highlights are now on screen

    def __init__(self, settings: Settings, cache: AnalysisCache | None = None,
                 manager: AnalysisManager | None = None, dark: bool = False):
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Slant: compare news articles")
        self.setWindowIcon(app_icon())
        self.settings = settings
        self.dark = dark
        self.model = ArticleListModel(self)
        self.legend_model = LegendModel(settings.categories(), self)
        self.manager = manager or AnalysisManager(cache if cache is not None else AnalysisCache(), self)
        self.comparison: Any = None
        self._comparison_for: tuple[str, ...] | None = None
        self._compare_wanted = False
        self.panes: dict[str, ArticlePane] = {}
        self.font_pt = settings.font_size()
        self._syncing = False
        self._find_hits: list[tuple[str, int]] = []
        self._find_pos = -1
        self._detail_key: str | None = None
        self._detail_sentence: int | None = None
        self._dashboard_stale = False
        self._hold_rebuild = False
        self._align_for: Any = None
        self._align_index: dict[tuple[str, int], dict[str, int | None]] = {}
        self._restoring = False
        self.setAcceptDrops(True)

        self._build_ui()
        self._build_actions()
        self._connect()
        self._restore_layout()

        self._schedule_timer = QTimer(self, singleShot=True, interval=0)
        self._schedule_timer.timeout.connect(self._schedule_analysis)
        self._compare_timer = QTimer(self, singleShot=True, interval=30)
        self._compare_timer.timeout.connect(self._schedule_comparison)
        self._session_timer = QTimer(self, singleShot=True, interval=400)
        self._session_timer.timeout.connect(self.save_session)
        self._ui_jobs: deque = deque()
        self._ui_timer = QTimer(self, singleShot=True, interval=0)
        self._ui_timer.timeout.connect(self._run_ui_jobs)
        self._sync_timer = QTimer(self, singleShot=True, interval=15)
        self._sync_timer.timeout.connect(self._sync_scroll_now)
        self._sync_source: str | None = None

    # ================================================================== construction
    def _build_ui(self) -> None:
        self.pane_list = PaneList(self.model)
        self.legend = LegendWidget(self.legend_model)
        self.legend.set_dark(self.dark)
        side = QSplitter(Qt.Vertical)
        side.setObjectName("sideSplitter")
        side.addWidget(self.pane_list)
        side.addWidget(self.legend)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        self.side_splitter = side

        self.pane_splitter = QSplitter(Qt.Horizontal)
        self.pane_splitter.setObjectName("paneSplitter")
        self.pane_splitter.setChildrenCollapsible(False)
        self.empty_label = QLabel("No article is shown.\n\nOpen files (Ctrl+O), paste an article (Ctrl+V) or drop "
                                  "files here. Tick articles in the list on the left to compare them.")
        self.empty_label.setAlignment(Qt.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("emptyLabel")

        self.detail = DetailPanel()
        self.detail.set_dark(self.dark)
        reading = QSplitter(Qt.Vertical)
        reading.setObjectName("readingSplitter")
        panes_holder = QWidget()
        ph = QVBoxLayout(panes_holder)
        ph.setContentsMargins(0, 0, 0, 0)
        ph.addWidget(self.pane_splitter, 1)
        ph.addWidget(self.empty_label, 1)
        reading.addWidget(panes_holder)
        reading.addWidget(self.detail)
        reading.setStretchFactor(0, 3)
        reading.setStretchFactor(1, 1)
        reading.setChildrenCollapsible(False)
        self.reading_splitter = reading

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(reading, "Articles")
        # The dashboard is built the first time it is shown (start-up stays fast).
        self.dashboard: Any = None
        self.dashboard_holder = QWidget()
        self.dashboard_holder.setObjectName("dashboardHolder")
        QVBoxLayout(self.dashboard_holder).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.dashboard_holder, "Dashboard")

        self.message_bar = MessageBar()
        self.find_bar = FindBar()
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(4)
        cl.addWidget(self.message_bar)
        cl.addWidget(self.find_bar)
        cl.addWidget(self.tabs, 1)

        main = QSplitter(Qt.Horizontal)
        main.setObjectName("mainSplitter")
        main.addWidget(side)
        main.addWidget(centre)
        main.setStretchFactor(0, 0)
        main.setStretchFactor(1, 1)
        main.setChildrenCollapsible(False)
        self.main_splitter = main
        wrapper = QWidget()
        wl = QVBoxLayout(wrapper)
        wl.setContentsMargins(6, 6, 6, 0)
        wl.addWidget(main)
        self.setCentralWidget(wrapper)

        sb = self.statusBar()
        self.status_label = QLabel("")
        self.status_label.setObjectName("statusLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("analysisProgress")
        self.progress.setVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Stop the analysis after the article being analysed now")
        self.cancel_button.setVisible(False)
        self.model_label = QLabel("")
        self.model_label.setObjectName("modelLabel")
        sb.addWidget(self.status_label, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        sb.addPermanentWidget(self.model_label)
        self._update_empty()

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "", checkable: bool = False,
                checked: bool = False) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            seqs = shortcut if isinstance(shortcut, list) else [shortcut]
            act.setShortcuts([QKeySequence(s) for s in seqs])
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        if checkable:
            act.setCheckable(True)
            act.setChecked(checked)
            act.toggled.connect(slot)
        else:
            act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _build_actions(self) -> None:
        a = self.actions_by_name = {}
        a["open"] = self._action("&Open…", self.open_dialog, QKeySequence.Open, "Open article files (.txt, .md)")
        a["paste"] = self._action("&Paste article…", self.paste_action, QKeySequence.Paste,
                                  "Paste an article's text as a new article")
        a["export"] = self._action("&Export…", self.export_dialog, "Ctrl+E", "Export the comparison (PDF, HTML, "
                                   "spreadsheet, CSV, JSON)")
        a["print"] = self._action("P&rint…", self.print_sheet, QKeySequence.Print, "Print the comparison sheet")
        a["close"] = self._action("&Close article", self.close_current, QKeySequence.Close, "Close the current article")
        a["quit"] = self._action("&Quit", self.close, QKeySequence.Quit)
        a["find"] = self._action("&Find in all articles…", self.find_bar.open_bar, QKeySequence.Find)
        a["next_pane"] = self._action("Next article", lambda: self.focus_pane(+1), "F6")
        a["prev_pane"] = self._action("Previous article", lambda: self.focus_pane(-1), "Shift+F6")
        a["find_next"] = self._action("Find &next", lambda: self.find_step(+1), QKeySequence.FindNext)
        a["find_prev"] = self._action("Find p&revious", lambda: self.find_step(-1), QKeySequence.FindPrevious)
        a["edit_meta"] = self._action("Article &details…", self.edit_current, "Ctrl+I",
                                      "Edit the outlet, title and date of the current article")
        a["zoom_in"] = self._action("&Larger text", lambda: self.set_font_size(self.font_pt + 1),
                                    [QKeySequence.ZoomIn, "Ctrl+="])
        a["zoom_out"] = self._action("&Smaller text", lambda: self.set_font_size(self.font_pt - 1), QKeySequence.ZoomOut)
        a["zoom_reset"] = self._action("&Normal text size", lambda: self.set_font_size(11), "Ctrl+0")
        a["fullscreen"] = self._action("&Full screen", self.toggle_full_screen, [QKeySequence.FullScreen, "F11"],
                                       checkable=True)
        a["sync"] = self._action("Scroll articles &together", self._set_sync, "Ctrl+L",
                                 "Scrolling one article scrolls the others to the matching content",
                                 checkable=True, checked=self.settings.flag("sync_scroll", False))
        a["collapse"] = self._action("&Hide page furniture", self._set_collapse, "Ctrl+H",
                                     "Collapse menus, share buttons and other page furniture (never removed)",
                                     checkable=True, checked=self.settings.flag("collapse_boilerplate", False))
        a["articles_tab"] = self._action("&Articles", lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        a["dashboard_tab"] = self._action("&Dashboard", self.show_dashboard, "Ctrl+2")
        a["reanalyse"] = self._action("Analyse &again", self.reanalyse, "Ctrl+R",
                                      "Analyse articles that were cancelled or failed")
        a["cancel"] = self._action("&Cancel analysis", self.cancel_analysis, None, "Stop the running analysis")
        a["clear_cache"] = self._action("C&lear analysis cache…", lambda: clear_cache(
            self, self.manager.cache, self.show_info), None, "Delete the saved analyses (asks first)")
        a["theme_auto"] = self._action("Follow &system", lambda: self.set_theme("auto"))
        a["theme_light"] = self._action("&Light", lambda: self.set_theme("light"))
        a["theme_dark"] = self._action("&Dark", lambda: self.set_theme("dark"))
        a["about"] = self._action("&About Slant", self.about)
        a["howto"] = self._action("&How to read the highlights", self.howto, QKeySequence.HelpContents)
        a["find_next"].setShortcutContext(Qt.WindowShortcut)
        exporting = self._exporting_available()
        a["print"].setEnabled(exporting)
        a["export"].setEnabled(exporting)

        def add(target, keys) -> None:  # a menu or the toolbar; None is a separator
            for k in keys:
                if k is None:
                    target.addSeparator()
                else:
                    target.addAction(a[k])

        mb = self.menuBar()
        f = mb.addMenu("&File")
        add(f, ("open",))
        self.recent_menu = f.addMenu("Open &recent")
        self._refresh_recent()
        add(f, ("paste", None, "export", "print", None, "close", "quit"))
        add(mb.addMenu("&Edit"), ("find", "find_next", "find_prev", None, "edit_meta"))
        v = mb.addMenu("&View")
        add(v, ("articles_tab", "dashboard_tab", "next_pane", "prev_pane", None, "zoom_in", "zoom_out", "zoom_reset",
                None, "sync", "collapse"))
        add(v.addMenu("&Colours"), ("theme_auto", "theme_light", "theme_dark"))
        add(v, (None, "fullscreen"))
        add(mb.addMenu("&Analysis"), ("reanalyse", "cancel", None, "clear_cache"))
        add(mb.addMenu("&Help"), ("howto", "about"))

        tb = self.addToolBar("Main")
        tb.setObjectName("mainToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonTextOnly)
        add(tb, ("open", "paste", None, "find", "zoom_out", "zoom_in", None, "sync", "collapse", None,
                 "dashboard_tab", "export"))
        for k, text in (("zoom_in", "A+"), ("zoom_out", "A−"), ("open", "Open…"), ("paste", "Paste…"), ("find", "Find"),
                        ("sync", "Scroll together"), ("collapse", "Hide page furniture"),
                        ("dashboard_tab", "Dashboard"), ("export", "Export…")):
            a[k].setIconText(text)

    def _connect(self) -> None:
        m = self.manager
        m.busyChanged.connect(self._on_busy)
        m.runStarted.connect(self._on_run_started)
        m.articleStarted.connect(self._on_article_started)
        m.articleProgress.connect(lambda key, fraction: self.status_label.setText(
            f"Analysing {self.model.entry(key).label}… {fraction:.0%}") if self.model.entry(key) else None)
        m.articleDone.connect(self._on_article_done)
        m.articleFailed.connect(self._on_article_failed)
        m.progress.connect(self._on_progress)
        m.runFinished.connect(self._on_run_finished)
        m.comparisonReady.connect(self._on_comparison)
        m.comparisonFailed.connect(self._on_comparison_failed)
        m.modelReady.connect(lambda _v: self.model_label.setText("Language model ready"))
        m.modelFailed.connect(self._on_model_failed)
        self.cancel_button.clicked.connect(self.cancel_analysis)
        self.model.comparedChanged.connect(self._rebuild_panes)
        self.model.limitReached.connect(lambda: self.show_info(
            f"At most {MAX_PANES} articles are shown side by side: untick one in the list first."))
        self.model.entryChanged.connect(self._on_entry_changed)
        self.model.rowsInserted.connect(lambda *_: self._session_changed())
        self.model.rowsRemoved.connect(lambda *_: self._session_changed())
        self.model.rowsMoved.connect(lambda *_: self._session_changed())
        self.legend_model.enabledChanged.connect(self._on_categories_changed)
        self.detail.jumpRequested.connect(self.jump_to)
        self.detail.overviewRequested.connect(self.show_overview)
        self.pane_list.openRequested.connect(self.open_dialog)
        self.pane_list.pasteRequested.connect(lambda: self.paste_dialog(""))
        self.pane_list.editRequested.connect(self.edit_metadata)
        self.pane_list.removeRequested.connect(self.close_article)
        self.pane_list.showRequested.connect(self._show_entry)
        self.tabs.currentChanged.connect(lambda i: self._fill_dashboard() if i == 1 else None)
        self.find_bar.searched.connect(self.find_all)
        self.find_bar.step.connect(self.find_step)

    # ================================================================== layout persistence
    def _restore_layout(self) -> None:
        geo = self.settings.geometry()
        if geo is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1500, 940)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        for name, sp, default in (("main", self.main_splitter, [250, 1250]),
                                  ("side", self.side_splitter, [240, 420]),
                                  ("reading", self.reading_splitter, [640, 250])):
            sizes = self.settings.splitter(name)
            sp.setSizes(sizes if len(sizes) == sp.count() and all(s > 0 for s in sizes) else default)

    def save_layout(self) -> None:
        s = self.settings
        s.set_geometry(self.saveGeometry())
        s.set_window_state(self.saveState())
        s.set_splitter("main", self.main_splitter.sizes())
        s.set_splitter("side", self.side_splitter.sizes())
        s.set_splitter("reading", self.reading_splitter.sizes())
        s.set_categories(self.legend_model.enabled())
        s.set_font_size(self.font_pt)
        s.set_flag("sync_scroll", self.actions_by_name["sync"].isChecked())
        s.set_flag("collapse_boilerplate", self.actions_by_name["collapse"].isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        self.save_session()
        self.settings.sync()
        self.manager.shutdown()
        super().closeEvent(event)

    # ================================================================== session
    def save_session(self) -> None:
        if self._restoring:
            return
        items = []
        for e in self.model.entries():
            a = e.article
            item: dict[str, Any] = {"outlet": a.outlet, "title": a.title, "date": a.date, "byline": a.byline,
                                    "compared": e.compared, "id": a.id}
            if a.path and not e.pasted:
                item["path"] = a.path
                item["text_id"] = text_id(a.text)
            else:
                item["text"] = a.text
            items.append(item)
        self.settings.set_session(items)

    def _session_changed(self) -> None:
        self._session_timer.start()

    def restore_session(self) -> int:
        """Reopen the last session's articles. Returns how many were restored."""
        self._restoring = True
        errors = []
        try:
            for item in self.settings.session():
                meta = {k: item.get(k) for k in ("outlet", "title", "date", "byline")}
                try:
                    if item.get("path"):
                        art = read_article(item["path"]).with_meta(**meta)
                        if item.get("id") and item.get("text_id") == text_id(art.text):
                            art = art.with_meta(id=item["id"])  # same text: keep its id (e.g. the seeds' "001")
                        pasted = False
                    else:
                        art = article_from_text(str(item.get("text") or ""), **meta)
                        if item.get("id"):
                            art = art.with_meta(id=item["id"])
                        pasted = True
                except SourceError as exc:
                    errors.append(f"Could not reopen an article from the last session: {exc}")
                    continue
                self.model.add(art, compared=bool(item.get("compared", True)), pasted=pasted)
        finally:
            self._restoring = False
        for msg in errors:
            self.show_error(msg)
        self._after_add()
        return self.model.rowCount()

    def load_seeds(self) -> None:
        from analysis.sources import load_seeds

        try:
            arts = load_seeds()
        except (SourceError, OSError, KeyError, ValueError) as exc:
            self.show_error(f"Could not load the demo articles: {exc}")
            return
        self.add_articles(arts)

    # ================================================================== adding and removing articles
    def add_articles(self, articles: list[Any], pasted: bool = False) -> list[Entry]:
        shown = len(self.model.compared())
        added = []
        open_texts = {e.article.text: e.label for e in self.model.entries()}
        self._hold_rebuild = True  # one pane rebuild for the whole batch
        try:
            self._add_each(articles, open_texts, shown, added, pasted)
        finally:
            self._hold_rebuild = False
        self._rebuild_panes()
        if len(self.model.compared()) >= MAX_PANES and any(not e.compared for e in added):
            self.show_info(f"At most {MAX_PANES} articles are shown side by side; the others are in the list on "
                           "the left (tick one to show it, untick another to make room).")
        self._after_add()
        return added

    def _add_each(self, articles: list[Any], open_texts: dict[str, str], shown: int, added: list[Entry],
                  pasted: bool) -> None:
        for art in articles:
            same = open_texts.get(art.text)
            if same is not None:
                self.show_info(f"“{same}” is already open with the same text; it was not added twice.")
                continue
            open_texts[art.text] = art.outlet or art.title or (art.path or art.id)
            compare = shown < MAX_PANES
            shown += compare
            added.append(self.model.add(art, compared=compare, pasted=pasted))

    def _after_add(self) -> None:
        self._update_empty()
        self._schedule_timer.start()
        self._session_changed()

    def open_files(self, paths: list[str]) -> tuple[list[Entry], list[str]]:
        """Read files into new articles. Unreadable ones give a message; the rest are added."""
        arts, errors = [], []
        for p in paths:
            try:
                arts.append(read_article(p))
                self.settings.add_recent_file(p)
            except SourceError as exc:
                errors.append(str(exc))
        for e in errors:
            self.show_error(e)
        if paths:
            self.settings.set_last_directory(str(Path(paths[-1]).parent))
            self._refresh_recent()
        return (self.add_articles(arts) if arts else []), errors

    def open_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", self.settings.last_directory(), FILE_FILTER)
        if paths:
            self.open_files(paths)

    def _refresh_recent(self) -> None:
        menu = self.recent_menu
        menu.clear()
        recent = self.settings.recent_files()
        for p in recent:
            act = menu.addAction(Path(p).name)
            act.setToolTip(p)
            act.triggered.connect(lambda _c=False, path=p: self.open_files([path]))
        if recent:
            menu.addSeparator()
            menu.addAction("Clear list", lambda: (self.settings.clear_recent_files(), self._refresh_recent()))
        menu.setEnabled(bool(recent))

    def paste_action(self) -> None:
        """Ctrl+V: paste into the focused text field if there is one, else open the paste dialog prefilled."""
        fw = QApplication.focusWidget()
        if isinstance(fw, QLineEdit) or (isinstance(fw, (QPlainTextEdit, QTextEdit)) and not fw.isReadOnly()):
            fw.paste()
            return
        self.paste_dialog(QGuiApplication.clipboard().text())

    def paste_dialog(self, text: str = "") -> Entry | None:
        dlg = PasteDialog(text, self)
        if dlg.exec() != PasteDialog.Accepted:
            return None
        v = dlg.values()
        return self.add_pasted(v["text"], outlet=v["outlet"], title=v["title"], date=v["date"])

    def add_pasted(self, text: str, outlet: str | None = None, title: str | None = None,
                   date: str | None = None) -> Entry | None:
        try:
            art = article_from_text(text, outlet=outlet, title=title, date=date)
        except SourceError as exc:
            self.show_error(str(exc))
            return None
        added = self.add_articles([art], pasted=True)
        return added[0] if added else None

    def close_article(self, key: str) -> None:
        self.model.remove(key)
        if self._detail_key == key:
            self._detail_key = None
            self.detail.span = None
        self._update_empty()
        self._schedule_timer.start()

    def close_current(self) -> None:
        key = self._current_key()
        if key:
            self.close_article(key)

    def _current_key(self) -> str | None:
        fw = QApplication.focusWidget()
        for key, pane in self.panes.items():
            if fw is not None and pane.isAncestorOf(fw):
                return key
        return self._detail_key or self.pane_list.current_key()

    def edit_current(self) -> None:
        key = self._current_key()
        if key:
            self.edit_metadata(key)

    def edit_metadata(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is None:
            return
        dlg = MetadataDialog(entry.article, self)
        if dlg.exec() == MetadataDialog.Accepted:
            self.set_metadata(key, **dlg.values())

    def set_metadata(self, key: str, **meta: str | None) -> None:
        """Change an article's outlet/title/date/byline: the view updates, no re-analysis needed."""
        entry = self.model.entry(key)
        if entry is None:
            return
        article = entry.article.with_meta(**meta)
        changes: dict[str, Any] = {"article": article}
        if entry.analysis is not None:
            changes["analysis"] = dataclasses.replace(entry.analysis, outlet=article.outlet,
                                                      title=article.title or entry.analysis.title, date=article.date)
            if self.manager.cache is not None:
                self.manager.cache.put(article, changes["analysis"])
        self.model.update(key, **changes)
        self._session_changed()
        self._compare_timer.start()

    def _show_entry(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is not None and not entry.compared:
            self.model.set_compared(key, True)

    # ================================================================== drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    # ================================================================== panes
    def _rebuild_panes(self) -> None:
        if self._hold_rebuild:
            return
        wanted = [e for e in self.model.compared()]
        keys = [e.key for e in wanted]
        for key in list(self.panes):
            if key not in keys:
                pane = self.panes.pop(key)
                pane.hide()
                pane.setParent(None)
                pane.deleteLater()
        count_changed = False
        for i, e in enumerate(wanted):
            pane = self.panes.get(e.key)
            if pane is None:
                pane = self._make_pane(e)
                self.panes[e.key] = pane
                count_changed = True
            if self.pane_splitter.indexOf(pane) != i:
                self.pane_splitter.insertWidget(i, pane)
        if count_changed or len(self.pane_splitter.sizes()) != len(wanted):
            n = max(1, len(wanted))
            total = max(self.pane_splitter.width(), 600)
            self.pane_splitter.setSizes([total // n] * n)
        for i, e in enumerate(wanted):
            pane = self.panes[e.key]
            pane.header.actions["left"].setEnabled(i > 0)
            pane.header.actions["right"].setEnabled(i < len(wanted) - 1)
        self._update_empty()
        self._update_outliers()
        self._update_counts()
        self._compare_timer.start()
        self._session_changed()

    def schedule_ui(self, fn: Any) -> None:
        """Run ``fn`` on a later event-loop turn; heavy UI jobs (one pane's text or highlights) run one per
        turn so the window stays responsive while many long articles arrive at once."""
        self._ui_jobs.append(fn)
        if not self._ui_timer.isActive():
            self._ui_timer.start()

    def _run_ui_jobs(self) -> None:
        deadline = time.perf_counter() + 0.010
        while self._ui_jobs:
            job = self._ui_jobs.popleft()
            try:
                job()
            except RuntimeError:  # its pane was closed meanwhile
                pass
            if time.perf_counter() > deadline:
                break
        if self._ui_jobs:
            self._ui_timer.start()

    def _on_content_shown(self, key: str) -> None:
        self._update_counts()
        self.contentShown.emit(key)

    def _make_pane(self, entry: Entry) -> ArticlePane:
        pane = ArticlePane(entry, scheduler=self.schedule_ui)
        pane.contentShown.connect(self._on_content_shown)
        pane.set_text_font(self.font_pt)
        pane.set_dark(self.dark)
        pane.set_enabled_categories(self.legend_model.enabled_set())
        pane.set_collapse_boilerplate(self.actions_by_name["collapse"].isChecked())
        pane.spanActivated.connect(self.show_span)
        pane.sentenceActivated.connect(self.on_sentence)
        pane.closeRequested.connect(self.close_article)
        pane.hideRequested.connect(lambda k: self.model.set_compared(k, False))
        pane.moveRequested.connect(self.model.move_among_compared)
        pane.editRequested.connect(self.edit_metadata)
        pane.scrolled.connect(self._on_pane_scrolled)
        pane.escaped.connect(lambda _k: (self._clear_marks(), self.show_overview()))
        return pane

    def _update_empty(self) -> None:
        has = bool(self.model.compared())
        self.pane_splitter.setVisible(has)
        self.empty_label.setVisible(not has)

    def pane(self, key: str) -> ArticlePane | None:
        return self.panes.get(key)

    def pane_by_label(self, text: str) -> ArticlePane | None:
        """The first shown pane whose outlet/title contains ``text`` (case-insensitive)."""
        for pane in self.ordered_panes():
            if text.lower() in pane.entry.label.lower():
                return pane
        return None

    def ordered_panes(self) -> list[ArticlePane]:
        return [self.panes[e.key] for e in self.model.compared() if e.key in self.panes]

    def _on_entry_changed(self, key: str) -> None:
        pane = self.panes.get(key)
        entry = self.model.entry(key)
        if pane is not None and entry is not None:
            pane.set_entry(entry)

    # ================================================================== analysis
    def _schedule_analysis(self) -> None:
        """Analyse every article without a result or marked to be analysed again (its old highlights stay
        until the new ones arrive); a run in progress is replaced (it stops between articles)."""
        todo = [e for e in self.model.entries()
                if (e.analysis is None or e.status == PENDING) and e.status not in (FAILED, CANCELLED)]
        todo.sort(key=lambda e: not e.compared)  # shown articles first
        if not todo:
            if not self.manager.is_busy():
                self._compare_timer.start()
            return
        for e in todo:
            if e.status != PENDING:
                self.model.update(e.key, status=PENDING)
        self.manager.analyze([(e.key, e.article) for e in todo])

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.actions_by_name["cancel"].setEnabled(busy)

    def _on_run_started(self, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.status_label.setText(f"Analysing {total} article{'s' if total != 1 else ''}…")

    def _on_article_started(self, key: str) -> None:
        entry = self.model.entry(key)
        if entry is None:
            return
        self.model.update(key, status=RUNNING)
        done = self.progress.value()
        self.progress.setFormat(f"{done} of {self.progress.maximum()}: {entry.label[:28]}")
        text = f"Analysing {entry.label}…"
        if not self.manager.model_ready:
            text += " (loading the language model first)"
        self.status_label.setText(text)

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
        self.model.update(key, analysis=analysis, plan=plan, status=DONE, error=None, from_cache=cached)
        self._update_counts()
        self._compare_timer.start()

    def _on_article_failed(self, key: str, article: Any, message: str) -> None:
        entry = self.model.entry(key)
        if entry is None or entry.article.text != article.text:
            return
        self.model.update(key, status=FAILED, error=message)
        self.show_error(f"Could not analyse {entry.label}: {message}")

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
            self.status_label.setText("Analysis cancelled. Analysis › Analyse again (Ctrl+R) resumes it.")
        else:
            self.status_label.setText("Analysis finished.")
        self._compare_timer.start()
        self._check_settled()

    def cancel_analysis(self) -> None:
        if self.manager.is_busy():
            self.manager.cancel()
            self.cancel_button.setEnabled(False)
            self.status_label.setText("Cancelling: finishing the articles being analysed…")

    def reanalyse(self) -> None:
        """Analyse again what failed or was cancelled, and what an older analyser produced (e.g. before
        the user edited a lexicon file while the app was open)."""
        version = self.manager.cache.version if self.manager.cache is not None else None
        for e in self.model.entries():
            stale = version is not None and e.analysis is not None and e.analysis.analyzer_version != version
            if e.status in (FAILED, CANCELLED) or stale:
                self.model.update(e.key, status=PENDING, error=None)
        self._schedule_timer.start()

    def _on_model_failed(self, message: str) -> None:
        self.model_label.setText("Language model missing")
        self.show_error(f"The language model could not be loaded, so articles cannot be analysed:\n{message}")

    # ================================================================== comparison
    def _compared_analyses(self) -> list[Any]:
        return [e.analysis for e in self.model.compared() if e.analysis is not None]

    def _schedule_comparison(self) -> None:
        entries = self.model.compared()
        if any(e.status in (PENDING, RUNNING) for e in entries):
            return  # wait for the rest
        analyses = self._compared_analyses()
        ident = tuple(f"{a.id}|{a.outlet}|{a.title}|{a.date}|{a.analyzer_version}" for a in analyses)
        if ident == self._comparison_for and not self._compare_wanted:
            self._check_settled()
            return
        self._comparison_for = ident
        self._compare_wanted = True
        if not analyses:
            self._on_comparison(None)
            return
        self.manager.compare(analyses)

    def _on_comparison(self, comparison: Any) -> None:
        self._compare_wanted = False
        self.comparison = comparison
        self._dashboard_stale = True
        if self.tabs.currentIndex() == 1:
            self._fill_dashboard()
        self._update_outliers()
        self._refresh_detail()
        self._check_settled()

    def ensure_dashboard(self) -> Any:
        """Create the dashboard panel (or a placeholder when its module is unavailable) once."""
        if self.dashboard is not None or self.dashboard_holder.layout().count():
            return self.dashboard
        cls, err = _guarded_dashboard()
        if cls is not None:
            try:
                self.dashboard = cls(self.dashboard_holder)
            except Exception as exc:  # noqa: BLE001
                err = f"{type(exc).__name__}: {exc}"
        if self.dashboard is not None:
            self.dashboard.jumpRequested.connect(self.jump_to_article_id)
            self.dashboard_holder.layout().addWidget(self.dashboard)
        else:
            label = QLabel("The comparison dashboard is not available in this build." + (f"\n\n({err})" if err else ""))
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            self.dashboard_holder.layout().addWidget(label)
        return self.dashboard

    def _fill_dashboard(self) -> None:
        """Hand the results to the dashboard; done when it is shown, so reading never waits for it."""
        self.ensure_dashboard()
        if self.dashboard is None or not self._dashboard_stale:
            return
        self._dashboard_stale = False
        try:
            self.dashboard.set_results(self._compared_analyses(), self.comparison)
        except Exception as exc:  # noqa: BLE001 - a dashboard bug must not break reading
            self.show_error(f"The dashboard could not show the comparison: {exc}")

    def _on_comparison_failed(self, message: str) -> None:
        self._compare_wanted = False
        self.show_error(f"The comparison failed: {message}")
        self._check_settled()

    def _update_outliers(self) -> None:
        if self.comparison is None:
            return
        ids = {e.analysis.id: e.key for e in self.model.compared() if e.analysis is not None}
        marks: dict[str, set[str]] = {k: set() for k in ids.values()}
        for row in self.comparison.metrics:
            badge = metric_badges(row.metric)
            if badge:
                for aid in row.outliers:
                    if aid in ids:
                        marks[ids[aid]].add(badge)
        for key, pane in self.panes.items():
            pane.set_outliers(marks.get(key, set()))

    def is_settled(self) -> bool:
        return (not self.manager.is_busy()
                and not any(e.status in (PENDING, RUNNING) for e in self.model.entries())
                and not self._compare_wanted and not self._schedule_timer.isActive()
                and not self._compare_timer.isActive())

    def _check_settled(self) -> None:
        if self.is_settled():
            self.analysisSettled.emit()

    # ================================================================== highlights, detail, alignment
    def _on_categories_changed(self) -> None:
        enabled = self.legend_model.enabled_set()
        for pane in self.panes.values():
            pane.set_enabled_categories(enabled)
        self.settings.set_categories(self.legend_model.enabled())

    def _update_counts(self) -> None:
        counts: dict[str, int] = {}
        for pane in self.panes.values():
            for cat, n in pane.category_counts.items():
                counts[cat] = counts.get(cat, 0) + n
        self.legend_model.set_counts(counts)

    def highlighting_done(self) -> bool:
        return not self._ui_jobs and all(p.is_idle() for p in self.panes.values())

    def _others(self, key: str) -> list[Other]:
        return [Other(e.key, e.label, e.analysis) for e in self.model.compared()
                if e.key != key and e.analysis is not None]

    def show_span(self, key: str, span: hl.HighlightSpan) -> None:
        entry = self.model.entry(key)
        pane = self.panes.get(key)
        if entry is None or entry.analysis is None or pane is None:
            return
        self._detail_key = key
        sentence = pane.sentence_at(span.start)
        body = describe_span(key, entry.label, entry.analysis, span, self._others(key), self.comparison, sentence)
        self.detail.show_html(body, span)
        self._detail_sentence = None
        self.spanShown.emit(key, span)

    def on_sentence(self, key: str, index: int) -> None:
        """A sentence was selected: mark it and its counterparts in the other panes."""
        entry = self.model.entry(key)
        if entry is None or entry.analysis is None:
            return
        for pane in self.panes.values():
            pane.mark_sentence(None)
        if index < 0:
            return
        self.panes[key].mark_sentence(index)
        counterparts = self._counterparts(entry.analysis.id, index)
        by_id = {e.analysis.id: e.key for e in self.model.compared() if e.analysis is not None}
        for aid, idx in counterparts.items():
            k = by_id.get(aid)
            if k in self.panes and idx is not None:
                self.panes[k].mark_sentence(idx, scroll=True)
        # A click on plain text (no highlight) explains the sentence instead.
        pane = self.panes[key]
        if not pane.view.textCursor().hasSelection():
            self._detail_key = key
            self._detail_sentence = index
            self.detail.show_html(describe_sentence(key, entry.label, entry.analysis, index, self._others(key),
                                                    self.comparison))

    def _clear_marks(self) -> None:
        for pane in self.panes.values():
            pane.mark_sentence(None)
            c = pane.view.textCursor()
            c.clearSelection()
            pane.view.setTextCursor(c)

    def focus_pane(self, step: int) -> None:
        """F6 / Shift+F6: move the keyboard focus to the next / previous article."""
        panes = self.ordered_panes()
        if not panes:
            return
        fw = QApplication.focusWidget()
        keys = [p.key for p in panes]
        key = next((p.key for p in panes if fw is not None and p.isAncestorOf(fw)), None)
        i = (keys.index(key) + step) % len(keys) if key in keys else (0 if step > 0 else len(keys) - 1)
        panes[i].view.setFocus()
        self.status_label.setText(f"{panes[i].entry.label}: Tab goes from finding to finding, Enter explains, Esc clears.")

    def _counterparts(self, article_id: str, index: int) -> dict[str, int | None]:
        if self.comparison is None:
            return {}
        if self._align_for is not self.comparison:
            self._align_index = {(a.article, a.sentence): dict(a.counterparts) for a in self.comparison.alignment}
            self._align_for = self.comparison
        return self._align_index.get((article_id, index), {})

    def show_overview(self) -> None:
        self._detail_key = None
        self._detail_sentence = None
        others = [Other(e.key, e.label, e.analysis) for e in self.model.compared() if e.analysis is not None]
        self.detail.show_html(describe_overview(others, self.comparison))

    def _refresh_detail(self) -> None:
        key = self._detail_key
        if key is None or key not in self.panes:
            self.show_overview()
            return
        if self.detail.span is not None:
            self.show_span(key, self.detail.span)
        elif self._detail_sentence is not None:
            entry = self.model.entry(key)
            if entry is not None and entry.analysis is not None:
                self.detail.show_html(describe_sentence(key, entry.label, entry.analysis, self._detail_sentence,
                                                        self._others(key), self.comparison))

    def jump_to(self, key: str, start: int, end: int) -> None:
        pane = self.panes.get(key)
        if pane is None:
            return
        self.tabs.setCurrentIndex(0)
        pane.select_range(start, end)
        pane.view.setFocus()
        idx = pane.sentence_at(start)
        if idx >= 0:
            pane.mark_sentence(idx)

    def jump_to_article_id(self, article_id: str, start: int, end: int) -> None:
        for e in self.model.compared():
            if e.analysis is not None and e.analysis.id == article_id:
                self.jump_to(e.key, start, end)
                return

    def select_first(self, category: str = hl.LOADED, label: str | None = None, text: str | None = None) -> bool:
        """Select and explain the first finding of a category (optionally in one outlet / with given words)."""
        panes = [self.pane_by_label(label)] if label else self.ordered_panes()
        for pane in panes:
            if pane is None:
                continue
            for s in pane.findings():
                if s.category != category:
                    continue
                if text and pane.analysis.text[s.start:s.end].lower() != text.lower():
                    continue
                pane.select_span(s)
                self.on_sentence(pane.key, pane.sentence_at(s.start))
                self.show_span(pane.key, s)
                return True
        return False

    # ================================================================== scrolling together
    def _set_sync(self, on: bool) -> None:
        self.settings.set_flag("sync_scroll", on)
        if on:
            first = next(iter(self.ordered_panes()), None)
            if first is not None:
                self._on_pane_scrolled(first.key)

    def _on_pane_scrolled(self, key: str) -> None:
        if self._syncing or not self.actions_by_name["sync"].isChecked():
            return
        self._sync_source = key
        self._sync_timer.start()

    def _sync_scroll_now(self) -> None:
        """Scroll the other panes so that content aligned with the top of the source pane sits level."""
        key = self._sync_source
        src = self.panes.get(key) if key else None
        if src is None or src.analysis is None:
            return
        self._syncing = True
        try:
            sents = src.analysis.sentences
            top = src.top_offset()
            first = max(0, bisect.bisect_right([x.end for x in sents], top))  # first sentence not above the top
            window = range(first, min(len(sents), first + 60))
            aligned = {i: self._counterparts(src.analysis.id, i) for i in window}
            src_bar = src.view.verticalScrollBar()
            frac = src_bar.value() / max(1, src_bar.maximum())
            for pane in self.panes.values():
                if pane is src or pane.analysis is None:
                    continue
                bar = pane.view.verticalScrollBar()
                anchor = next(((i, c[pane.analysis.id]) for i, c in aligned.items()
                               if c.get(pane.analysis.id) is not None), None)
                if anchor is None:
                    bar.setValue(round(frac * bar.maximum()))
                    continue
                i, j = anchor
                bar.setValue(bar.value() + pane.y_of(pane.analysis.sentences[j].start) - src.y_of(sents[i].start))
        finally:
            self._syncing = False

    # ================================================================== find
    def find_all(self, needle: str) -> int:
        self._find_hits = []
        self._find_pos = -1
        for pane in self.ordered_panes():
            for off in pane.find(needle):
                self._find_hits.append((pane.key, off))
        n = len(self._find_hits)
        if needle:
            arts = len({k for k, _ in self._find_hits})
            self.find_bar.count.setText(f"{n} match{'es' if n != 1 else ''} in {arts} article{'s' if arts != 1 else ''}"
                                        if n else "no match")
        else:
            self.find_bar.count.setText("")
        return n

    def find_step(self, step: int) -> None:
        if not self._find_hits:
            if not self.find_bar.isVisible():
                self.find_bar.open_bar()
            return
        self._find_pos = (self._find_pos + step) % len(self._find_hits)
        key, off = self._find_hits[self._find_pos]
        n = len(self.find_bar.edit.text())
        self.panes[key].select_range(off, off + n)
        self.find_bar.count.setText(f"{self._find_pos + 1} of {len(self._find_hits)}")

    # ================================================================== view options
    def set_font_size(self, pt: int) -> None:
        from .settings import MAX_FONT_PT, MIN_FONT_PT

        self.font_pt = max(MIN_FONT_PT, min(MAX_FONT_PT, pt))
        for pane in self.panes.values():
            pane.set_text_font(self.font_pt)
        self.settings.set_font_size(self.font_pt)
        self.status_label.setText(f"Text size {self.font_pt} pt")

    def _set_collapse(self, on: bool) -> None:
        for pane in self.panes.values():
            pane.set_collapse_boilerplate(on)
        self.settings.set_flag("collapse_boilerplate", on)

    def toggle_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def set_theme(self, name: str) -> None:
        self.settings.set_theme(name)
        self.dark = theme.apply(QApplication.instance(), name)
        for pane in self.panes.values():
            pane.set_dark(self.dark)
        self.detail.set_dark(self.dark)
        self.legend.set_dark(self.dark)
        self._refresh_detail()

    def show_dashboard(self) -> None:
        self.tabs.setCurrentIndex(1)

    # ================================================================== messages
    def show_error(self, message: str) -> None:
        self.message_bar.show_message(message, "error")
        self.status_label.setText(message.splitlines()[0][:160])

    def show_info(self, message: str) -> None:
        self.message_bar.show_message(message, "info")

    # ================================================================== export / print (guarded)
    def _exporting_available(self) -> bool:
        try:
            import desktop.exporting  # noqa: F401

            return True
        except Exception:  # noqa: BLE001
            return False

    def _export_inputs(self) -> tuple[list[Any], Any] | None:
        analyses = self._compared_analyses()
        if not analyses or self.comparison is None:
            self.show_info("Nothing to export yet: wait for the analysis to finish.")
            return None
        return analyses, self.comparison

    def export_dialog(self) -> None:
        inputs = self._export_inputs()
        if inputs is None:
            return
        try:
            from .export_dialog import ExportDialog
        except Exception as exc:  # noqa: BLE001
            self.show_error(f"Export is not available in this build ({exc}).")
            return
        try:
            dlg = ExportDialog(inputs[0], inputs[1], parent=self,
                               default_dir=self.settings.last_directory() or None)
            dlg.exec()
        except Exception as exc:  # noqa: BLE001
            self.show_error(f"Export failed: {exc}")

    def print_sheet(self) -> None:
        inputs = self._export_inputs()
        if inputs is None:
            return
        try:
            from .exporting import print_sheet

            print_sheet(inputs[0], inputs[1], parent=self)
        except Exception as exc:  # noqa: BLE001
            self.show_error(f"Printing failed: {exc}")

    # ================================================================== help
    def about(self) -> None:
        from analysis import __version__

        QMessageBox.about(self, "About Slant",
                          f"<h3>Slant {__version__}</h3><p>Several outlets' versions of one news story side by side, "
                          "with the words that make them differ explained.</p>")

    def howto(self) -> None:
        rows = "".join(f"<tr><td><b>{html.escape(s.label)}</b></td><td>{html.escape(s.description)} "
                       f"<i>({html.escape(s.cue)})</i></td></tr>" for s in hl.load_styles().values())
        box = QMessageBox(self)
        box.setWindowTitle("How to read the highlights")
        box.setTextFormat(Qt.RichText)
        box.setText(f"<table cellpadding=3>{rows}</table><p>Click any highlight for the details.</p>")
        box.exec()

