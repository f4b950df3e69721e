"""The dashboard's "Words each outlet prefers" tab: one box per outlet with the words it uses much more
than the others (its distinctive words); clicking a word shows where it is used."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QHeaderView, QSizePolicy, QVBoxLayout, QWidget

from analysis.results import ArticleAnalysis, Comparison

from ..charts import ChartPalette
from ..models.dashboard_models import DistinctiveWordsModel
from .parts import HelpMaker, Section, ViewMaker, label, scroll


class WordsSection(Section):
    """The boxes (in ``grid``), one ``DistinctiveWordsModel`` per article id in ``models``."""

    def __init__(self, make_view: ViewMaker, make_help: HelpMaker):
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        super().__init__(
            "Words each outlet uses much more than the others. They often show what an outlet cares about "
            "or how it frames the story. “How unusual” above 2 means clearly more than the others. Click a "
            "word to see where it is used.",
            scroll(body),
            "No outlet uses any word much more than the others.",
            help_link=make_help("section:words"),
        )
        self.grid = grid
        self._make_view = make_view
        self.models: dict[str, DistinctiveWordsModel] = {}

    def clear(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for m in self.models.values():
            m.deleteLater()
        self.models = {}

    def fill(self, shown: list[ArticleAnalysis], comparison: Comparison, labels: dict[str, str],
             palette: ChartPalette) -> None:
        self.clear()
        cols = 3 if len(shown) > 4 else 2
        for i, a in enumerate(shown):
            box = QGroupBox(labels[a.id])
            box.setObjectName("distinctiveBox")
            lay = QVBoxLayout(box)
            model = DistinctiveWordsModel(shown, comparison, article_id=a.id, parent=self)
            model.set_chart_palette(palette)
            self.models[a.id] = model
            if model.rowCount():
                view = self._make_view("distinctiveTable", model, f"Words {labels[a.id]} prefers", rows=True)
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
                lay.addWidget(label("No word stands out: this outlet uses the same words as the others.", "empty"))
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self.grid.addWidget(box, i // cols, i % cols, Qt.AlignmentFlag.AlignTop)
        self.grid.setRowStretch((len(shown) - 1) // cols + 1, 1)
