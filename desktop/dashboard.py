"""The comparison dashboard: how the outlets differ, in numbers, charts and words.

Usage (main window)::

    panel = DashboardPanel()
    panel.jumpRequested.connect(lambda article_id, start, end: ...)   # scroll that pane to text[start:end]
    panel.set_results(analyses, comparison)                          # after every analysis run
    panel.show_section("numbers")                                    # optional: pick a tab

Sections (tabs): "At a glance" (bar charts per outlet and the tone along each article), "All the
numbers" (every metric, story median, outliers), "Words each outlet prefers", "Who gets called what",
"Only one outlet reports". With fewer than two articles the panel shows an empty state instead.

Styling: widgets carry object names (``dashboardPanel``, ``dashboardTabs``, ``dashboardEmpty``,
``dashboardTitle``, ``storyWarning``, ``coverageSummary``, ``metricsTable``, ``namingTable``, ``onlyHereTable``, ``distinctiveTable``,
``barChart``, ``toneStrip``) and a dynamic property ``role`` (``"heading"``, ``"intro"``, ``"empty"``, ``"warning"``)
for the window's .qss; nothing here sets a stylesheet.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from analysis.compare.outliers import evidence_text, short_count
from analysis.measures.tone import TONE_WORDS
from analysis.results import ArticleAnalysis, Comparison, MetricRow

from .charts import BarChartWidget, ChartPalette, ToneStripWidget
from .glossary_links import glossary_menu, help_link
from .models.dashboard_models import (
    JUMP_ROLE,
    DistinctiveWordsModel,
    MetricsTableModel,
    NamingModel,
    OnlyHereModel,
    coverage_text,
    article_labels,
    first_finding,
    format_metric,
    metric_value_format,
)

EMPTY_TEXT = "Load at least two articles to compare."
EMPTY_DETAIL = (
    "This dashboard shows how outlets tell the same story differently: how often they use judging "
    "words, how many claims come from unnamed sources, how they name people, and what only one of them reports."
)
SECTIONS = ("glance", "numbers", "words", "naming", "only_here")
TAB_TITLES = ("At a glance", "All the numbers", "Words each outlet prefers", "Who gets called what",
              "Only one outlet reports")  # one per section, in the same order


@dataclass(frozen=True)
class ChartSpec:
    metric: str
    title: str
    caption: str
    value: Callable[[ArticleAnalysis], float | None]
    missing: str = ""  # why an article has no bar


CHARTS: tuple[ChartSpec, ...] = (
    ChartSpec(
        "loaded_per_1000_words",
        "Loaded words (per 1,000 words)",
        "Words like “dictator” or “bizarrely” that judge people or events instead of just describing them.",
        lambda a: a.counts.loaded_per_1000_words,
    ),
    ChartSpec(
        "unnamed_source_share",
        "Claims from unnamed sources",
        "Out of all quotes and claims, the share whose source is not named (“sources said”, “rumours”).",
        lambda a: a.counts.unnamed_source_share if a.counts.statements else None,
        "no quotes or claims",
    ),
    ChartSpec(
        "hedges_per_1000_words",
        "Hedging words (per 1,000 words)",
        "Words like “could”, “reportedly”, “speculation”: signs the outlet is not sure.",
        lambda a: a.counts.hedges_per_1000_words,
    ),
    ChartSpec(
        "tone_mean",
        "Overall tone",
        f"Above 0: the wording is {TONE_WORDS['up']} on average. Below 0: {TONE_WORDS['down']}.",
        lambda a: a.tone.mean,
    ),
)


def _label(text: str, role: str, object_name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setProperty("role", role)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if object_name:
        lab.setObjectName(object_name)
    if role == "heading":
        f = QFont(lab.font())
        f.setBold(True)
        f.setPointSizeF(f.pointSizeF() * 1.2 if f.pointSizeF() > 0 else 12)
        lab.setFont(f)
    if role == "intro":
        lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class JumpTableView(QTableView):
    """A read-only table whose cells can be activated with a click or Enter/Space (``cellActivated``)."""

    cellActivated = Signal(QModelIndex)

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        # rows grow with wrapped text, and follow column width changes by themselves
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(round(self.fontMetrics().height() * 1.9))
        self.horizontalHeader().setHighlightSections(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.clicked.connect(self.cellActivated)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentIndex().isValid():
            self.cellActivated.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class _Section(QWidget):
    """Intro text, then either the content or an empty-state message."""

    def __init__(self, intro: str, content: QWidget, empty_text: str, parent: QWidget | None = None,
                 help_link: QLabel | None = None):
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(8)
        self.intro = _label(intro, "intro", "dashboardIntro")
        lay.addWidget(self.intro)
        if help_link is not None:  # "What do these figures mean? (glossary)"
            lay.addWidget(help_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.content = content
        lay.addWidget(content, 1)
        self.empty = _label(empty_text, "empty", "sectionEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.empty, 1)
        self.set_empty(True)

    def set_empty(self, empty: bool, text: str | None = None) -> None:
        if text is not None:
            self.empty.setText(text)
        self.content.setVisible(not empty)
        self.empty.setVisible(empty)


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


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
        self._bar_ids: dict[str, list[str]] = {}

        self.metrics_model = MetricsTableModel(parent=self)
        self.naming_model = NamingModel(parent=self)
        self.only_here_model = OnlyHereModel(parent=self)
        self.distinctive_models: dict[str, DistinctiveWordsModel] = {}

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self._stack = QStackedWidget()
        outer.addWidget(self._stack)

        # --- empty state
        empty = QWidget()
        el = QVBoxLayout(empty)
        el.addStretch(1)
        self.empty_label = _label(EMPTY_TEXT, "heading", "dashboardEmpty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        el.addWidget(self.empty_label)
        detail = _label(EMPTY_DETAIL, "intro", "dashboardEmptyDetail")
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
        self.title_label = _label("", "heading", "dashboardTitle")
        self.title_label.setContentsMargins(12, 0, 12, 0)
        cl.addWidget(self.title_label)
        # "probably a different story" (analysis/compare/topic.py): said before any figure
        self.warning_label = _label("", "warning", "storyWarning")
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

        self._build_glance()
        self._build_numbers()
        self._build_words()
        self._build_naming()
        self._build_only_here()
        self._apply_palette()
        self._stack.setCurrentIndex(0)

    # ----------------------------------------------------------------------------------- building

    def _build_glance(self) -> None:
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        self.bar_charts: dict[str, BarChartWidget] = {}
        for i, spec in enumerate(CHARTS):
            w = BarChartWidget()
            w.setProperty("metric", spec.metric)
            w.barClicked.connect(lambda idx, m=spec.metric: self._bar_clicked(m, idx))
            self.bar_charts[spec.metric] = w
            cell = QVBoxLayout()
            cell.addWidget(w)
            cell.addWidget(self._help(f"metric:{spec.metric}", f"What is “{spec.title}”?", f"chartHelp_{spec.metric}"),
                           0, Qt.AlignmentFlag.AlignRight)
            grid.addLayout(cell, i // 2, i % 2)
        lay.addLayout(grid)
        heading = QHBoxLayout()
        heading.addWidget(_label("How the tone changes along each article", "heading", "sectionHeading"), 1)
        heading.addWidget(self._help("category:tone", "What is tone?", "chartHelp_tone_strip"))
        lay.addLayout(heading)
        lay.addWidget(
            _label(
                f"Each bar is one sentence, in reading order: up for {TONE_WORDS['up']} wording, down for "
                f"{TONE_WORDS['down']} wording, taller for stronger. Click a bar to read that sentence.",
                "intro",
                "dashboardIntro",
            )
        )
        self.strip_grid = QGridLayout()
        self.strip_grid.setHorizontalSpacing(24)
        self.strip_grid.setVerticalSpacing(6)
        lay.addLayout(self.strip_grid)
        lay.addStretch(1)
        self.tone_strips: dict[str, ToneStripWidget] = {}
        self.glance = _Section(
            "The four measures people ask about first. Each bar is one outlet; the dashed line is the story "
            "median (the middle outlet). A hatched bar marked ▲ or ▼ is far above or below the others. "
            "Click a bar to see an example in that outlet's text.",
            _scroll(body),
            EMPTY_TEXT,
            help_link=self._help("section:glance"),
        )
        self.tabs.addTab(self.glance, TAB_TITLES[0])

    def _build_numbers(self) -> None:
        self.metrics_view = self._jump_view("metricsTable", self.metrics_model, "Every measure for every outlet")
        self.numbers = _Section(
            "Every measure for every outlet. ▲ and a tinted cell: far above the other outlets; ▼: far below. "
            "The story median is the middle value. Hover over a measure to see what it means; click a "
            "number to see an example in the text.",
            self.metrics_view,
            EMPTY_TEXT,
            help_link=self._help("section:numbers"),
        )
        self.metrics_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.metrics_view.customContextMenuRequested.connect(self._metric_menu_at)
        self.tabs.addTab(self.numbers, TAB_TITLES[1])

    def _build_words(self) -> None:
        body = QWidget()
        self.words_grid = QGridLayout(body)
        self.words_grid.setContentsMargins(0, 0, 0, 0)
        self.words_grid.setHorizontalSpacing(16)
        self.words_grid.setVerticalSpacing(16)
        self.words = _Section(
            "Words each outlet uses much more than the others. They often show what an outlet cares about "
            "or how it frames the story. “How unusual” above 2 means clearly more than the others. Click a "
            "word to see where it is used.",
            _scroll(body),
            "No outlet uses any word much more than the others.",
            help_link=self._help("section:words"),
        )
        self.tabs.addTab(self.words, TAB_TITLES[2])

    def _build_naming(self) -> None:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.only_diff_box = QCheckBox("Only show names the outlets use differently (≠)")
        self.only_diff_box.setObjectName("namingOnlyDifferences")
        self.only_diff_box.toggled.connect(self._only_differences)
        lay.addWidget(self.only_diff_box)
        self.naming_view = self._jump_view("namingTable", self.naming_model,
                                           "How each outlet names each person, country or event")
        lay.addWidget(self.naming_view, 1)
        self.naming = _Section(
            "The same person, country or event can be named very differently: “Xi Jinping”, “Chinese "
            "President Xi” or “Chinese dictator Xi Jinping”. ≠ marks the ones the outlets name differently. "
            "Click a name to see where the outlet first uses it.",
            box,
            "No person, country or event is named in more than one article.",
            help_link=self._help("section:naming"),
        )
        self.tabs.addTab(self.naming, TAB_TITLES[3])

    def _build_only_here(self) -> None:
        self.only_here_view = self._jump_view("onlyHereTable", self.only_here_model, "What only one outlet reports",
                                              rows=True)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        self.coverage_label = _label("", "intro", "coverageSummary")
        lay.addWidget(self.coverage_label)
        lay.addWidget(self.only_here_view, 1)
        self.only_here = _Section(
            "Claims only one outlet makes, most distinct first: people, numbers, places or sources no other outlet "
            "has, and allegations from sources it does not name. Sentences that say what others say in other "
            "words are not listed. Click one to read it in its article.",
            box,
            "No claim here is made by one outlet alone.",
            help_link=self._help("section:only_here"),
        )
        self.tabs.addTab(self.only_here, TAB_TITLES[4])

    def _help(self, key: str, text: str = "What do these figures mean? (glossary)", name: str = "") -> QLabel:
        """A "What is this?" link to the glossary (``glossaryRequested``), kept in ``help_links`` by name."""
        name = name or f"sectionHelp_{key.partition(':')[2]}"
        lab = help_link(key, text, name, self.glossaryRequested.emit) or QLabel("")
        self.help_links[name] = lab
        return lab

    def _metric_menu_at(self, pos: QPoint) -> None:
        """"All the numbers": a row's context menu opens the glossary at that measure."""
        menu = glossary_menu(self, f"metric:{self.metrics_model.metric_at(self.metrics_view.indexAt(pos).row())}",
                             self.glossaryRequested.emit)
        if menu is not None:
            menu.popup(self.metrics_view.viewport().mapToGlobal(pos))

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
        cov = coverage_text(comparison, {a.id: self._labels[a.id] for a in shown if a.id in self._labels})
        self.coverage_label.setText(f"How much each outlet shares with the others: {cov}." if cov else "")
        self.coverage_label.setVisible(bool(cov))
        self._fill_charts(shown, comparison)
        self._fill_words(shown, comparison)
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
        self._clear_charts()
        self._clear_words()
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

    # ------------------------------------------------------------------------------------- charts

    def _metric(self, key: str) -> MetricRow | None:
        if self._comparison is None:
            return None
        return next((m for m in self._comparison.metrics if m.metric == key), None)

    def _clear_charts(self) -> None:
        for w in self.bar_charts.values():
            w.setData(w.accessibleName() or "", [])
        for w in self.tone_strips.values():
            self.strip_grid.removeWidget(w)
            w.deleteLater()
        self.tone_strips = {}
        self._bar_ids: dict[str, list[str]] = {}

    def _fill_charts(self, shown: list[ArticleAnalysis], comparison: Comparison) -> None:
        self._clear_charts()
        for spec in CHARTS:
            row = self._metric(spec.metric)
            bars, ids, missing, tips = [], [], [], []
            for a in shown:
                value = row.values.get(a.id) if row is not None else spec.value(a)
                if value is None:
                    missing.append(self._labels[a.id])
                    continue
                bars.append((self._labels[a.id], float(value)))
                ids.append(a.id)
                evidence = evidence_text(row, a.id) if row is not None else ""
                evidence = f" ({evidence})" if evidence else ""
                tips.append(f"{self._labels[a.id]}: {format_metric(spec.metric, value)}{evidence}. "
                            "Click to see an example.")
            median = row.median if row is not None else (statistics.median(v for _, v in bars) if bars else None)
            outliers = {self._labels[i] for i in (row.outliers if row is not None else ()) if i in self._labels}
            caption = spec.caption
            if missing:
                caption += f" Not shown: {', '.join(missing)} ({spec.missing or 'not measured'})."
            too_few = {self._labels[i] for i in (row.too_few if row is not None else ()) if i in self._labels}
            if too_few:
                caption += f" Outlined: too few {row.count_unit or 'item'}s to compare."
            if row is not None and row.intervals:
                caption += " Whiskers: the share's plausible range (95%)."
            self.bar_charts[spec.metric].setData(
                spec.title,
                bars,
                median=median if bars else None,
                outliers=outliers,
                value_format=metric_value_format(spec.metric),
                caption=caption,
                tooltips=tips,
                intervals={self._labels[i]: iv for i, iv in (row.intervals.items() if row is not None else ())
                           if i in self._labels},
                too_few=too_few,
                notes={self._labels[i]: short_count(row, i) for i in ids if row is not None and short_count(row, i)},
            )
            self.bar_charts[spec.metric].setToolTip(caption)
            self._bar_ids[spec.metric] = ids
        for i, a in enumerate(shown):
            strip = ToneStripWidget()
            strip.setData(self._labels[a.id], [s.tone for s in a.sentences])
            strip.sentenceClicked.connect(lambda idx, aid=a.id: self._sentence_clicked(aid, idx))
            self.tone_strips[a.id] = strip
            self.strip_grid.addWidget(strip, i // 2, i % 2)

    def _bar_clicked(self, metric: str, index: int) -> None:
        ids = self._bar_ids.get(metric, [])
        if 0 <= index < len(ids):
            jump = first_finding(self._analyses[ids[index]], metric)
            if jump:
                self.jumpRequested.emit(*jump)

    def _sentence_clicked(self, article_id: str, index: int) -> None:
        a = self._analyses.get(article_id)
        if a is not None and 0 <= index < len(a.sentences):
            s = a.sentences[index]
            self.jumpRequested.emit(article_id, s.start, s.end)

    # -------------------------------------------------------------------------------------- words

    def _clear_words(self) -> None:
        while self.words_grid.count():
            item = self.words_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for m in self.distinctive_models.values():
            m.deleteLater()
        self.distinctive_models = {}

    def _fill_words(self, shown: list[ArticleAnalysis], comparison: Comparison) -> None:
        self._clear_words()
        cols = 3 if len(shown) > 4 else 2
        for i, a in enumerate(shown):
            box = QGroupBox(self._labels[a.id])
            box.setObjectName("distinctiveBox")
            lay = QVBoxLayout(box)
            model = DistinctiveWordsModel(shown, comparison, article_id=a.id, parent=self)
            model.set_chart_palette(self._chart_palette())
            self.distinctive_models[a.id] = model
            if model.rowCount():
                view = self._jump_view("distinctiveTable", model, f"Words {self._labels[a.id]} prefers", rows=True)
                hh = view.horizontalHeader()
                hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
                for c in (1, 2):
                    hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
                rows = min(model.rowCount(), 10)
                view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
                view.setFixedHeight(
                    int(hh.sizeHint().height() + view.verticalHeader().defaultSectionSize() * rows + 2 * view.frameWidth() + 2)
                )
                lay.addWidget(view)
            else:
                lay.addWidget(_label("No word stands out: this outlet uses the same words as the others.", "empty"))
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.words_grid.addWidget(box, i // cols, i % cols, Qt.AlignmentFlag.AlignTop)
        self.words_grid.setRowStretch((len(shown) - 1) // cols + 1, 1)

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

    def _only_differences(self, only: bool) -> None:
        self.naming_model.set_only_differences(only)

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
