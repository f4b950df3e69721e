"""The dashboard panel: the empty state, the title and "different story?" warning, and the five tabs (each
in its own module); it hands every tab the new comparison and turns clicks into ``jumpRequested``."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from analysis.results import ArticleAnalysis, Comparison

from ..charts import BarChartWidget, ChartPalette, ToneStripWidget
from ..glossary_links import help_link
from ..models.dashboard_models import (
    JUMP_ROLE,
    DistinctiveWordsModel,
    MetricsTableModel,
    NamingModel,
    OnlyHereModel,
    article_labels,
    coverage_text,
)
from .glance import GlanceSection
from .naming import NamingSection
from .numbers import NumbersSection
from .only_here import OnlyHereSection
from .parts import EMPTY_TEXT, JumpTableView, label
from .words import WordsSection

EMPTY_DETAIL = (
    "This dashboard shows how outlets tell the same story differently: how often they use judging "
    "words, how many claims come from unnamed sources, how they name people, and what only one of them reports."
)
SECTIONS = ("glance", "numbers", "words", "naming", "only_here")
TAB_TITLES = ("At a glance", "All the numbers", "Words each outlet prefers", "Who gets called what",
              "Only one outlet reports")  # one per section, in the same order


class DashboardPanel(QWidget):
    """Compare the loaded articles. Call :meth:`set_results`; listen to :attr:`jumpRequested`."""

    jumpRequested = Signal(str, int, int)  # article_id, start, end (offsets into that article's text)
    glossaryRequested = Signal(str)  # a glossary entry id: a "What is this?" link or a measure's context menu

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dashboardPanel")
        self.help_links: dict[str, QLabel] = {}
        self._analyses: dict[str, ArticleAnalysis] = {}
        self._comparison: Comparison | None = None
        self._order: list[str] = []
        self._labels: dict[str, str] = {}

        self.metrics_model = MetricsTableModel(parent=self)
        self.naming_model = NamingModel(parent=self)
        self.only_here_model = OnlyHereModel(parent=self)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._stack = QStackedWidget()
        outer.addWidget(self._stack)

        # --- empty state
        empty = QWidget()
        el = QVBoxLayout(empty)
        el.addStretch(1)
        self.empty_label = label(EMPTY_TEXT, "heading", "dashboardEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(self.empty_label)
        detail = label(EMPTY_DETAIL, "intro", "dashboardEmptyDetail")
        detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        detail.setMaximumWidth(640)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(detail, 4)
        row.addStretch(1)
        el.addLayout(row)
        el.addStretch(2)
        self._stack.addWidget(empty)

        # --- content
        content = QWidget()
        cl = QVBoxLayout(content)
        cl.setContentsMargins(0, 6, 0, 0)
        cl.setSpacing(4)
        self.title_label = label("", "heading", "dashboardTitle")
        self.title_label.setContentsMargins(12, 0, 12, 0)
        cl.addWidget(self.title_label)
        # "probably a different story" (analysis/compare/topic.py): said before any figure
        self.warning_label = label("", "warning", "storyWarning")
        self.warning_label.setContentsMargins(12, 0, 12, 0)
        bold = QFont(self.warning_label.font())
        bold.setBold(True)
        self.warning_label.setFont(bold)
        self.warning_label.setVisible(False)
        cl.addWidget(self.warning_label)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dashboardTabs")
        self.tabs.setDocumentMode(True)
        cl.addWidget(self.tabs, 1)
        self._stack.addWidget(content)

        # --- the tabs, in the order of SECTIONS
        self.glance = GlanceSection(self._help, self.jumpRequested.emit)
        self.numbers = NumbersSection(self.metrics_model, self._jump_view, self._help, self.glossaryRequested.emit)
        self.words = WordsSection(self._jump_view, self._help)
        self.naming = NamingSection(self.naming_model, self._jump_view, self._help)
        self.only_here = OnlyHereSection(self.only_here_model, self._jump_view, self._help)
        for section, title in zip((self.glance, self.numbers, self.words, self.naming, self.only_here), TAB_TITLES):
            self.tabs.addTab(section, title)
        self.metrics_view = self.numbers.view
        self.naming_view, self.only_diff_box = self.naming.view, self.naming.only_diff_box
        self.only_here_view, self.coverage_label = self.only_here.view, self.only_here.coverage_label
        self._apply_palette()
        self._stack.setCurrentIndex(0)

    @property
    def bar_charts(self) -> dict[str, BarChartWidget]:
        """"At a glance": the bar chart of each metric."""
        return self.glance.bar_charts

    @property
    def tone_strips(self) -> dict[str, ToneStripWidget]:
        """"At a glance": the tone strip of each article id shown."""
        return self.glance.tone_strips

    @property
    def distinctive_models(self) -> dict[str, DistinctiveWordsModel]:
        """"Words each outlet prefers": the model of each article id shown."""
        return self.words.models

    def _help(self, key: str, text: str = "What do these figures mean? (glossary)", name: str = "") -> QLabel:
        """A "What is this?" link to the glossary (``glossaryRequested``), kept in ``help_links`` by name."""
        name = name or f"sectionHelp_{key.partition(':')[2]}"
        lab = help_link(key, text, name, self.glossaryRequested.emit) or QLabel("")
        self.help_links[name] = lab
        return lab

    # ---------------------------------------------------------------------------------- public API

    def set_results(self, analyses: Sequence[ArticleAnalysis], comparison: Comparison | None) -> None:
        """Show a new comparison (``analyses`` as analysed, ``comparison = analysis.compare(analyses)``).

        With fewer than two articles, or no comparison, the panel shows its empty state."""
        analyses = list(analyses)
        self._analyses = {a.id: a for a in analyses}
        self._comparison = comparison
        order = [i for i in (comparison.articles if comparison else ()) if i in self._analyses]
        self._order = order or [a.id for a in analyses]
        shown = [self._analyses[i] for i in self._order]
        if comparison is None or len(shown) < 2:
            self.clear()
            return
        self._labels = article_labels(shown, self._order)
        self.title_label.setText(f"How the {len(shown)} outlets differ: " + ", ".join(self._labels.values()))
        warnings = tuple(getattr(comparison, "warnings", ()) or ())
        self.warning_label.setText(" ".join(f"Different story? {w}" for w in warnings))
        self.warning_label.setVisible(bool(warnings))

        self.metrics_model.set_results(shown, comparison)
        self.naming_model.set_results(shown, comparison)
        self.only_here_model.set_results(shown, comparison)
        self.only_here.set_coverage(
            coverage_text(comparison, {a.id: self._labels[a.id] for a in shown if a.id in self._labels}))
        self.glance.fill(shown, comparison, self._labels)
        self.words.fill(shown, comparison, self._labels, self._chart_palette())
        self._fit_tables()

        self.glance.set_empty(False)
        self.numbers.set_empty(not comparison.metrics, "The measures are not ready yet.")
        has_words = any(comparison.distinctive.get(i) for i in self._order)
        self.words.set_empty(not has_words)
        self.naming.set_empty(self.naming_model.total_rows == 0)
        self.only_here.set_empty(self.only_here_model.rowCount() == 0)
        self._set_tab_counts()
        self._stack.setCurrentIndex(1)

    def clear(self) -> None:
        """Back to the empty state ("Load at least two articles to compare")."""
        self._comparison = None
        self.warning_label.setVisible(False)
        for model in (self.metrics_model, self.naming_model, self.only_here_model):
            model.set_results([], None)
        self.glance.clear()
        self.words.clear()
        for section in (self.glance, self.numbers, self.words, self.naming, self.only_here):
            section.set_empty(True)
        self._set_tab_counts()
        self._stack.setCurrentIndex(0)

    def is_empty(self) -> bool:
        """True while the empty state is shown."""
        return self._stack.currentIndex() == 0

    def show_section(self, name: str) -> None:
        """Switch to a tab: one of "glance", "numbers", "words", "naming", "only_here"."""
        self.tabs.setCurrentIndex(SECTIONS.index(name))

    def current_section(self) -> str:
        return SECTIONS[self.tabs.currentIndex()]

    # -------------------------------------------------------------------------------------- misc

    def _fit_tables(self) -> None:
        mh = self.metrics_view.horizontalHeader()
        mh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        last = self.metrics_model.columnCount() - 1
        mh.setSectionResizeMode(last, QHeaderView.ResizeMode.Interactive)
        mh.resizeSection(last, max(220, self.fontMetrics().horizontalAdvance("x") * 48))
        nh = self.naming_view.horizontalHeader()
        nh.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        nh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        oh = self.only_here_view.horizontalHeader()
        oh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        oh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        oh.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        oh.resizeSection(2, max(240, self.fontMetrics().horizontalAdvance("x") * 52))

    def _set_tab_counts(self) -> None:
        empty = self._comparison is None
        counts = {
            2: 0 if empty else sum(len(self._comparison.distinctive.get(i, ())) for i in self._order),
            3: 0 if empty else self.naming_model.total_rows,
            4: 0 if empty else self.only_here_model.rowCount(),
        }
        for i, name in enumerate(TAB_TITLES):
            n = counts.get(i)
            self.tabs.setTabText(i, f"{name} ({n})" if n else name)

    def _jump_view(self, object_name: str, model: QAbstractItemModel, name: str, *, rows: bool = False) -> JumpTableView:
        """A table of ``model`` whose activated cells jump to their place in the text (one cell or row selected)."""
        view = JumpTableView(object_name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows if rows
                                  else QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAccessibleName(name)
        view.cellActivated.connect(self._activate)
        return view

    def _activate(self, index: QModelIndex) -> None:
        jump = index.data(JUMP_ROLE)
        if jump:
            self.jumpRequested.emit(*jump)

    def _chart_palette(self) -> ChartPalette:
        return ChartPalette.for_palette(self.palette())

    def _apply_palette(self) -> None:
        p = self._chart_palette()
        for m in (self.metrics_model, self.naming_model, self.only_here_model, *self.distinctive_models.values()):
            m.set_chart_palette(p)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)
