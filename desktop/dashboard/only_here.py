"""The dashboard's "Only one outlet reports" tab: claims only one outlet makes, most distinct first, under a
line saying how much each outlet shares with the others."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..models.dashboard_models import OnlyHereModel
from .parts import HelpMaker, Section, ViewMaker, label


class OnlyHereSection(Section):
    """The only-here table (``view``) of ``model`` under the coverage line (``coverage_label``)."""

    def __init__(self, model: OnlyHereModel, make_view: ViewMaker, make_help: HelpMaker):
        view = make_view("onlyHereTable", model, "What only one outlet reports", rows=True)
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        coverage_label = label("", "intro", "coverageSummary")
        lay.addWidget(coverage_label)
        lay.addWidget(view, 1)
        super().__init__(
            "Claims only one outlet makes, most distinct first: people, numbers, places or sources no other outlet "
            "has, and allegations from sources it does not name. Sentences that say what others say in other "
            "words are not listed. Click one to read it in its article.",
            box,
            "No claim here is made by one outlet alone.",
            help_link=make_help("section:only_here"),
        )
        self.model, self.view, self.coverage_label = model, view, coverage_label

    def set_coverage(self, cov: str) -> None:
        """``cov``: how much each outlet shares with the others ("" hides the line)."""
        self.coverage_label.setText(f"How much each outlet shares with the others: {cov}." if cov else "")
        self.coverage_label.setVisible(bool(cov))
