"""The dashboard's "At a glance" tab: a bar chart for each of the four measures people ask about first
(one bar per outlet, the story median, outliers) and the tone along each article. Clicking a bar shows an
example in that outlet's text; clicking a sentence's column shows that sentence."""
from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from analysis.compare.outliers import evidence_text, short_count
from analysis.measures.tone import TONE_WORDS
from analysis.results import ArticleAnalysis, Comparison

from ..charts import BarChartWidget, ToneStripWidget
from ..models.dashboard_models import first_finding, format_metric, metric_value_format
from .parts import EMPTY_TEXT, HelpMaker, Section, label, scroll


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


class GlanceSection(Section):
    """The bar charts (``bar_charts`` by metric) and tone strips (``tone_strips`` by article id).

    ``jump(article_id, start, end)`` is called with the place in the text a click asks for."""

    def __init__(self, make_help: HelpMaker, jump: Callable[[str, int, int], None]):
        body = QWidget()
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(12)
        bar_charts: dict[str, BarChartWidget] = {}
        for i, spec in enumerate(CHARTS):
            w = BarChartWidget()
            w.setProperty("metric", spec.metric)
            bar_charts[spec.metric] = w
            cell = QVBoxLayout()
            cell.addWidget(w)
            cell.addWidget(make_help(f"metric:{spec.metric}", f"What is “{spec.title}”?", f"chartHelp_{spec.metric}"),
                           0, Qt.AlignmentFlag.AlignRight)
            grid.addLayout(cell, i // 2, i % 2)
        lay.addLayout(grid)
        heading = QHBoxLayout()
        heading.addWidget(label("How the tone changes along each article", "heading", "sectionHeading"), 1)
        heading.addWidget(make_help("category:tone", "What is tone?", "chartHelp_tone_strip"))
        lay.addLayout(heading)
        lay.addWidget(
            label(
                f"Each bar is one sentence, in reading order: up for {TONE_WORDS['up']} wording, down for "
                f"{TONE_WORDS['down']} wording, taller for stronger. Click a bar to read that sentence.",
                "intro",
                "dashboardIntro",
            )
        )
        strip_grid = QGridLayout()
        strip_grid.setHorizontalSpacing(24)
        strip_grid.setVerticalSpacing(6)
        lay.addLayout(strip_grid)
        lay.addStretch(1)
        super().__init__(
            "The four measures people ask about first. Each bar is one outlet; the dashed line is the story "
            "median (the middle outlet). A hatched bar marked ▲ or ▼ is far above or below the others. "
            "Click a bar to see an example in that outlet's text.",
            scroll(body),
            EMPTY_TEXT,
            help_link=make_help("section:glance"),
        )
        self._jump = jump
        self.bar_charts = bar_charts
        self.strip_grid = strip_grid
        self.tone_strips: dict[str, ToneStripWidget] = {}
        self._analyses: dict[str, ArticleAnalysis] = {}
        self._bar_ids: dict[str, list[str]] = {}
        for metric, w in bar_charts.items():
            w.barClicked.connect(lambda idx, m=metric: self._bar_clicked(m, idx))

    def clear(self) -> None:
        for w in self.bar_charts.values():
            w.setData(w.accessibleName() or "", [])
        for w in self.tone_strips.values():
            self.strip_grid.removeWidget(w)
            w.deleteLater()
        self.tone_strips = {}
        self._bar_ids = {}

    def fill(self, shown: list[ArticleAnalysis], comparison: Comparison, labels: dict[str, str]) -> None:
        """One bar per outlet in ``shown`` (named by ``labels``), from ``comparison``'s metric rows."""
        self.clear()
        self._analyses = {a.id: a for a in shown}
        for spec in CHARTS:
            row = next((m for m in comparison.metrics if m.metric == spec.metric), None)
            bars, ids, missing, tips = [], [], [], []
            for a in shown:
                value = row.values.get(a.id) if row is not None else spec.value(a)
                if value is None:
                    missing.append(labels[a.id])
                    continue
                bars.append((labels[a.id], float(value)))
                ids.append(a.id)
                evidence = evidence_text(row, a.id) if row is not None else ""
                evidence = f" ({evidence})" if evidence else ""
                tips.append(f"{labels[a.id]}: {format_metric(spec.metric, value)}{evidence}. "
                            "Click to see an example.")
            median = row.median if row is not None else (statistics.median(v for _, v in bars) if bars else None)
            outliers = {labels[i] for i in (row.outliers if row is not None else ()) if i in labels}
            caption = spec.caption
            if missing:
                caption += f" Not shown: {', '.join(missing)} ({spec.missing or 'not measured'})."
            too_few = {labels[i] for i in (row.too_few if row is not None else ()) if i in labels}
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
                intervals={labels[i]: iv for i, iv in (row.intervals.items() if row is not None else ())
                           if i in labels},
                too_few=too_few,
                notes={labels[i]: short_count(row, i) for i in ids if row is not None and short_count(row, i)},
            )
            self.bar_charts[spec.metric].setToolTip(caption)
            self._bar_ids[spec.metric] = ids
        for i, a in enumerate(shown):
            strip = ToneStripWidget()
            strip.setData(labels[a.id], [s.tone for s in a.sentences])
            strip.sentenceClicked.connect(lambda idx, aid=a.id: self._sentence_clicked(aid, idx))
            self.tone_strips[a.id] = strip
            self.strip_grid.addWidget(strip, i // 2, i % 2)

    def _bar_clicked(self, metric: str, index: int) -> None:
        ids = self._bar_ids.get(metric, [])
        if 0 <= index < len(ids):
            jump = first_finding(self._analyses[ids[index]], metric)
            if jump:
                self._jump(*jump)

    def _sentence_clicked(self, article_id: str, index: int) -> None:
        a = self._analyses.get(article_id)
        if a is not None and 0 <= index < len(a.sentences):
            s = a.sentences[index]
            self._jump(article_id, s.start, s.end)
