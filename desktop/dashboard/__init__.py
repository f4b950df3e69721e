"""The comparison dashboard: how the outlets differ, in numbers, charts and words.

Usage (main window)::

    panel = DashboardPanel()
    panel.jumpRequested.connect(lambda article_id, start, end: ...)   # scroll that pane to text[start:end]
    panel.set_results(analyses, comparison)                          # after every analysis run
    panel.show_section("numbers")                                    # optional: pick a tab

Sections (tabs): "At a glance" (bar charts per outlet and the tone along each article), "All the
numbers" (every metric, story median, outliers), "Words each outlet prefers", "Who gets called what",
"Only one outlet reports". With fewer than two articles the panel shows an empty state instead.

Where each part lives: ``panel.py`` the panel (empty state, title, warning, tabs, jumps); one module per
tab: ``glance.py`` (the charts and what they show), ``numbers.py``, ``words.py``, ``naming.py``,
``only_here.py``; ``parts.py`` the building blocks they share (labels, the jump table, a section).

Styling: widgets carry object names (``dashboardPanel``, ``dashboardTabs``, ``dashboardEmpty``,
``dashboardTitle``, ``storyWarning``, ``coverageSummary``, ``metricsTable``, ``namingTable``, ``onlyHereTable``, ``distinctiveTable``,
``barChart``, ``toneStrip``) and a dynamic property ``role`` (``"heading"``, ``"intro"``, ``"empty"``, ``"warning"``)
for the window's .qss; nothing here sets a stylesheet.
"""
from __future__ import annotations

from .glance import CHARTS, ChartSpec
from .panel import EMPTY_DETAIL, SECTIONS, TAB_TITLES, DashboardPanel
from .parts import EMPTY_TEXT, JumpTableView

__all__ = [
    "CHARTS",
    "EMPTY_DETAIL",
    "EMPTY_TEXT",
    "SECTIONS",
    "TAB_TITLES",
    "ChartSpec",
    "DashboardPanel",
    "JumpTableView",
]
