"""The dashboard's "All the numbers" tab: every measure for every outlet, the story median and outliers.
A row's context menu opens the glossary at that measure."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt

from ..glossary_links import glossary_menu
from ..models.dashboard_models import MetricsTableModel
from .parts import EMPTY_TEXT, HelpMaker, Section, ViewMaker


class NumbersSection(Section):
    """The metrics table (``view``) of ``model``; ``glossary(entry_key)`` opens a measure's entry."""

    def __init__(self, model: MetricsTableModel, make_view: ViewMaker, make_help: HelpMaker,
                 glossary: Callable[[str], None]):
        view = make_view("metricsTable", model, "Every measure for every outlet")
        super().__init__(
            "Every measure for every outlet. ▲ and a tinted cell: far above the other outlets; ▼: far below. "
            "The story median is the middle value. Hover over a measure to see what it means; click a "
            "number to see an example in the text.",
            view,
            EMPTY_TEXT,
            help_link=make_help("section:numbers"),
        )
        self.model, self.view = model, view
        self._glossary = glossary
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._metric_menu_at)

    def _metric_menu_at(self, pos: QPoint) -> None:
        """"All the numbers": a row's context menu opens the glossary at that measure."""
        menu = glossary_menu(self, f"metric:{self.model.metric_at(self.view.indexAt(pos).row())}", self._glossary)
        if menu is not None:
            menu.popup(self.view.viewport().mapToGlobal(pos))
