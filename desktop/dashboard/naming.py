"""The dashboard's "Who gets called what" tab: how each outlet names each person, country or event, with a
switch to show only the names the outlets use differently."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ..models.dashboard_models import NamingModel
from .parts import HelpMaker, Section, ViewMaker


class NamingSection(Section):
    """The naming table (``view``) of ``model`` and its "only differences" box (``only_diff_box``)."""

    def __init__(self, model: NamingModel, make_view: ViewMaker, make_help: HelpMaker):
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        only_diff_box = QCheckBox("Only show names the outlets use differently (≠)")
        only_diff_box.setObjectName("namingOnlyDifferences")
        only_diff_box.toggled.connect(model.set_only_differences)
        lay.addWidget(only_diff_box)
        view = make_view("namingTable", model, "How each outlet names each person, country or event")
        lay.addWidget(view, 1)
        super().__init__(
            "The same person, country or event can be named very differently: “Xi Jinping”, “Chinese "
            "President Xi” or “Chinese dictator Xi Jinping”. ≠ marks the ones the outlets name differently. "
            "Click a name to see where the outlet first uses it.",
            box,
            "No person, country or event is named in more than one article.",
            help_link=make_help("section:naming"),
        )
        self.model, self.view, self.only_diff_box = model, view, only_diff_box
