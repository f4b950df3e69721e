"""The main window: the article library and legend on the left, the articles side by side with the
detail panel below them, and the comparison dashboard in a second tab.

The window only composes its parts, each in its own module with its own controller:
``library`` (opening, pasting, closing, details), ``pane_area`` (the panes side by side),
``find_bar``, ``message_bar``, ``analysis_runs`` (runs, progress and the comparison), ``detail_navigation``
(what the detail panel explains, jumping to findings), ``dashboard_tab`` (the Dashboard tab),
``export_menu`` (Export and Print), ``help_menu``, ``session`` (save and restore) and ``actions`` (menus
and toolbar). It holds no analysis logic.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QIcon, QPixmap, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSplitter, QTabWidget, QVBoxLayout, QWidget

from . import screen_fit, theme
from . import highlight as hl
from .actions import build_actions, build_menus
from .analysis_runs import AnalysisRuns
from .blinding import Blinding
from .cache import AnalysisCache
from .comparison_io import ComparisonFiles
from .dashboard_tab import DashboardTab
from .detail_navigation import DetailNavigation
from .export_menu import ExportMenu
from .find_bar import FindBar
from .library import FILE_FILTER, ArticleLibrary  # noqa: F401 - FILE_FILTER kept importable from here
from .message_bar import Action, MessageBar
from .models.article_model import MAX_PANES, ArticleListModel, Entry
from .models.legend_model import LegendModel
from .pane_area import PaneArea
from .panes.article_pane import ArticlePane
from .panes.detail_panel import DetailPanel
from .panes.legend import LegendWidget
from .panes.pane_list import PaneList
from .projector import ProjectorView
from .reading import Reading
from .session import SessionKeeper
from .settings import Settings
from .workers import AnalysisManager


def app_icon() -> QIcon:
    from importlib import resources

    data = (resources.files("resources") / "icons" / "slant.svg").read_bytes()
    pix = QPixmap()
    pix.loadFromData(data, "SVG")
    return QIcon(pix)


def _splitter(orientation: Qt.Orientation, name: str, *parts: tuple[QWidget, int],
              collapsible: bool = True) -> QSplitter:
    """A splitter named ``name`` holding each (widget, stretch factor) of ``parts`` in order."""
    splitter = QSplitter(orientation)
    splitter.setObjectName(name)
    for i, (widget, stretch) in enumerate(parts):
        splitter.addWidget(widget)
        splitter.setStretchFactor(i, stretch)
    splitter.setChildrenCollapsible(collapsible)
    return splitter


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
        self.font_pt = settings.font_size()
        self.setAcceptDrops(True)

        self.undo_stack = QUndoStack(self)  # Edit > Undo / Redo: closing articles, article details
        self.reading = Reading(self)  # Open URL…, Reopen with encoding…, undoable details (desktop.reading)
        self._build_ui()
        self.navigation = DetailNavigation(self)  # what the detail panel explains, jumping to findings
        self.exports = ExportMenu(self)  # File > Export…, File > Print…
        self.session = SessionKeeper(self)
        self.comparisons = ComparisonFiles(self)
        self.library = ArticleLibrary(self)
        self.analysis = AnalysisRuns(self)
        self.blinding = Blinding(self)  # View > Blind outlets: what every view shows of the articles
        self.projector = ProjectorView(self)  # View > Projector view: borrows the pane area while shown
        self._build_status_bar()
        self.actions_by_name = build_actions(self)
        build_menus(self, self.actions_by_name)
        if self.actions_by_name["blind"].isChecked():
            self.blinding.set_on(True)
        self.pane_area.collapse = self.actions_by_name["collapse"].isChecked()
        self.pane_area.sync = self.actions_by_name["sync"].isChecked()
        self._connect()
        from .exercise import Exercise

        self.exercise = Exercise(self)  # Classroom > Spot the slant (desktop.exercise)
        self.session.restore_layout()
        screen_fit.apply_scale(self, self.font_pt)
        self.report_settings()

    def report_settings(self) -> None:
        """One line when damaged saved settings were ignored (desktop.settings validates every value)."""
        problems = self.settings.take_problems()
        if problems:
            self.show_info(problems)

    # ================================================================== construction
    def _build_ui(self) -> None:
        self.pane_list = PaneList(self.model)
        self.legend = LegendWidget(self.legend_model)
        self.legend.set_dark(self.dark)
        self.side_splitter = side = _splitter(Qt.Vertical, "sideSplitter", (self.pane_list, 1), (self.legend, 1))

        self.pane_area = PaneArea(self.model, self.legend_model, self.font_pt, self.dark)
        self.detail = DetailPanel()
        self.detail.set_dark(self.dark)
        self.reading_splitter = reading = _splitter(Qt.Vertical, "readingSplitter", (self.pane_area, 3),
                                                    (self.detail, 1), collapsible=False)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(reading, "Articles")
        self.dashboard_tab = DashboardTab(self)  # built the first time it is shown (start-up stays fast)
        self.tabs.addTab(self.dashboard_tab.holder, "Dashboard")

        self.message_bar = MessageBar()
        self.find_bar = FindBar(panes=self.ordered_panes)
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(4)
        cl.addWidget(self.message_bar)
        cl.addWidget(self.find_bar)
        cl.addWidget(self.tabs, 1)

        self.main_splitter = main = _splitter(Qt.Horizontal, "mainSplitter", (side, 0), (centre, 1), collapsible=False)
        wrapper = QWidget()
        wl = QVBoxLayout(wrapper)
        wl.setContentsMargins(6, 6, 6, 0)
        wl.addWidget(main)
        self.setCentralWidget(wrapper)

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.status_label = QLabel("")
        self.status_label.setObjectName("statusLabel")
        self.progress = self.analysis.progress
        self.cancel_button = self.analysis.cancel_button
        self.model_label = self.analysis.model_label
        sb.addWidget(self.status_label, 1)
        sb.addPermanentWidget(self.progress)
        sb.addPermanentWidget(self.cancel_button)
        sb.addPermanentWidget(self.model_label)

    def _connect(self) -> None:
        lib, area = self.library, self.pane_area
        self.analysis.comparisonChanged.connect(self._on_comparison)
        self.analysis.settled.connect(self.analysisSettled)
        self.model.comparedChanged.connect(area.rebuild)
        self.model.limitReached.connect(lambda: self.show_info(
            f"At most {MAX_PANES} articles are shown side by side: untick one in the list first."))
        self.model.entryChanged.connect(area.on_entry_changed)
        self.model.rowsInserted.connect(lambda *_: self.session.changed())
        self.model.rowsRemoved.connect(lambda *_: self.session.changed())
        self.model.rowsMoved.connect(lambda *_: self.session.changed())
        self.legend_model.enabledChanged.connect(self._on_categories_changed)
        self.detail.glossaryRequested.connect(self.show_glossary)
        self.legend.glossaryRequested.connect(self.show_glossary)
        self.pane_list.openRequested.connect(lib.open_dialog)
        self.pane_list.pasteRequested.connect(lambda: lib.paste_dialog(""))
        self.pane_list.editRequested.connect(lib.edit_metadata)
        self.pane_list.removeRequested.connect(self.close_article)
        self.pane_list.showRequested.connect(lib.show_entry)
        area.rebuilt.connect(self._on_panes_rebuilt)
        area.contentShown.connect(self.contentShown)
        area.spanActivated.connect(self.navigation.show_span)
        area.sentenceActivated.connect(self.navigation.on_sentence)
        area.closeRequested.connect(self.close_article)
        area.editRequested.connect(lib.edit_metadata)
        area.escaped.connect(lambda _k: (area.clear_marks(), self.show_overview()))
        self.tabs.currentChanged.connect(lambda _i: self.dashboard_tab.fill_if_shown())
        # view settings belong to a saved comparison too: a change may make it "modified"
        self.tabs.currentChanged.connect(lambda _i: self.session.changed())
        self.legend_model.enabledChanged.connect(self.session.changed)
        self.session.timer.timeout.connect(self.comparisons.update_title)

    def _on_panes_rebuilt(self) -> None:
        self.analysis.compare_soon()
        self.session.changed()
        if self.isVisible():
            screen_fit.keep_on_screen(self)  # a sixth article never grows the window past the screen

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        screen_fit.keep_on_screen(self)

    # ================================================================== the parts' public faces
    @property
    def panes(self) -> dict[str, ArticlePane]:
        return self.pane_area.panes

    @property
    def comparison(self) -> Any:
        return self.analysis.comparison

    @property
    def _comparison_for(self) -> tuple[str, ...] | None:
        return self.analysis.comparison_for

    @property
    def _find_hits(self) -> list[tuple[str, int]]:
        return self.find_bar.hits

    @property
    def _sync_timer(self) -> Any:
        return self.pane_area.sync_timer

    def pane(self, key: str) -> ArticlePane | None:
        return self.panes.get(key)

    def pane_by_label(self, text: str) -> ArticlePane | None:
        return self.pane_area.by_label(text)

    def ordered_panes(self) -> list[ArticlePane]:
        return self.pane_area.ordered()

    def highlighting_done(self) -> bool:
        return self.pane_area.highlighting_done()

    def schedule_ui(self, fn: Any) -> None:
        self.pane_area.schedule_ui(fn)

    def is_settled(self) -> bool:
        return self.analysis.is_settled()

    def add_articles(self, articles: list[Any], pasted: bool = False) -> list[Entry]:
        return self.library.add_articles(articles, pasted)

    def open_files(self, paths: list[str], **reading: Any) -> tuple[list[Entry], list[str]]:
        """``reading``: encoding, meta_file and metadata, as ``ArticleLibrary.open_files`` takes them."""
        return self.library.open_files(paths, **reading)

    def add_pasted(self, text: str, outlet: str | None = None, title: str | None = None,
                   date: str | None = None) -> Entry | None:
        return self.library.add_pasted(text, outlet=outlet, title=title, date=date)

    def close_article(self, key: str, confirm: bool = True) -> bool:
        return self.library.close_article(key, confirm)

    def set_metadata(self, key: str, **meta: str | None) -> None:
        self.library.set_metadata(key, **meta)

    def load_seeds(self) -> None:
        self.library.load_seeds()

    def save_session(self) -> None:
        self.session.save()

    def restore_session(self) -> int:
        return self.session.restore()

    def find_all(self, needle: str) -> int:
        return self.find_bar.find_all(needle)

    def find_step(self, step: int) -> None:
        self.find_bar.find_step(step)

    def focus_pane(self, step: int) -> None:
        status = self.pane_area.focus_pane(step)
        if status:
            self.status_label.setText(status)

    @property
    def detail_key(self) -> str | None:
        """The article the detail panel explains (None: the overview)."""
        return self.navigation.key

    def forget_detail(self, key: str) -> None:
        self.navigation.forget(key)

    def show_span(self, key: str, span: hl.HighlightSpan) -> None:
        self.navigation.show_span(key, span)

    def on_sentence(self, key: str, index: int) -> None:
        self.navigation.on_sentence(key, index)

    def show_overview(self) -> None:
        self.navigation.show_overview()

    def select_first(self, category: str = hl.LOADED, label: str | None = None, text: str | None = None) -> bool:
        return self.navigation.select_first(category, label, text)

    @property
    def dashboard(self) -> Any:
        """The dashboard panel once built (see ``dashboard_tab``), else None."""
        return self.dashboard_tab.panel

    @property
    def dashboard_holder(self) -> QWidget:
        return self.dashboard_tab.holder

    def ensure_dashboard(self) -> Any:
        return self.dashboard_tab.ensure()

    def show_dashboard(self) -> None:
        self.dashboard_tab.show()

    def export_dialog(self) -> None:
        self.exports.export_dialog()

    # ================================================================== closing
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.session.save_layout()
        self.session.save()
        self.session.end()
        self.manager.shutdown()
        super().closeEvent(event)

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

    # ================================================================== comparison, blind mode, categories
    def _on_comparison(self, comparison: Any) -> None:
        self.dashboard_tab.mark_stale()
        self.pane_area.set_comparison(comparison)
        self.navigation.refresh()

    def _on_categories_changed(self) -> None:
        self.pane_area.set_enabled_categories(self.legend_model.enabled_set())
        self.settings.set_categories(self.legend_model.enabled())

    def shown_entry(self, key: str) -> Any:
        """An entry as the views show it (blinded in blind mode)."""
        return self.blinding.entry(self.model.entry(key))

    @property
    def shown_comparison(self) -> Any:
        return self.blinding.comparison(self.comparison)

    def refresh_views(self) -> None:
        """Blind mode switched: the detail panel and the dashboard show the articles again."""
        self.navigation.forget_span()
        self.navigation.refresh()
        self.dashboard_tab.mark_stale()

    # ================================================================== view options
    def set_font_size(self, pt: int) -> None:
        from .settings import MAX_FONT_PT, MIN_FONT_PT

        self.font_pt = max(MIN_FONT_PT, min(MAX_FONT_PT, pt))
        self.pane_area.set_font(self.font_pt)
        factor = screen_fit.apply_scale(self, self.font_pt)  # the whole interface, not only the text
        self.settings.set_font_size(self.font_pt)
        self.session.changed()
        self.status_label.setText(f"Text size {self.font_pt} pt · interface {factor:.0%}")
        self.navigation.refresh()

    def set_sync(self, on: bool) -> None:
        self.settings.set_flag("sync_scroll", on)
        self.pane_area.set_sync(on)
        self.session.changed()

    def set_collapse(self, on: bool) -> None:
        self.pane_area.set_collapse(on)
        self.settings.set_flag("collapse_boilerplate", on)
        self.session.changed()

    def toggle_full_screen(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    def set_theme(self, name: str) -> None:
        self.settings.set_theme(name)
        self.dark = theme.apply(QApplication.instance(), name)
        self.pane_area.set_dark(self.dark)
        self.detail.set_dark(self.dark)
        self.legend.set_dark(self.dark)
        screen_fit.apply_scale(self, self.font_pt)
        self.navigation.refresh()

    # ================================================================== messages
    def show_error(self, message: str, actions: list[Action] | tuple = ()) -> None:
        self.message_bar.show_message(message, "error", actions)
        self.status_label.setText(message.splitlines()[0][:160])

    def show_info(self, message: str, actions: list[Action] | tuple = ()) -> None:
        self.message_bar.show_message(message, "info", actions)

    # ================================================================== help
    def show_glossary(self, entry_id: str = "") -> Any:
        """Help > Glossary, and every "What is this?" link: the glossary window, at ``entry_id``."""
        from .dialogs.glossary import open_glossary

        return open_glossary(self, entry_id)
