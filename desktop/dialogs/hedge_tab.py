"""The lexicon editor's Hedges tab: the hedges Slant looks for ("could", "reportedly", "in the cards"), each
with its kind, reason and on/off switch; Add and Edit (a phrase, a kind and a reason) for the user's own,
Delete for those. Saved at once to ``hedges_editor.toml`` (``analysis.user_hedges``)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models.editor_table import ON, ROW_ROLE
from ..models.hedge_model import KIND, REASON, SOURCE, WORDS, HedgeModel
from .lexicon_tab import EntryForm, LexiconTab, setup_table


class HedgeDialog(EntryForm):
    """Add or edit one of the user's hedges; a problem keeps the form open with what was typed."""

    def __init__(self, parent: QWidget, kinds: list[str], save: Callable[..., str], row: Any = None):
        super().__init__(parent, save)
        self.setObjectName("hedgeDialog")
        self.setWindowTitle("Edit hedge" if row is not None else "Add a hedge")
        self.phrase = QLineEdit(row.words if row is not None else "")
        self.phrase.setPlaceholderText("the words, e.g. \"in the cards\" (any capitals)")
        self.kind = QComboBox()
        for k in kinds:
            self.kind.addItem(k, k)
        if row is not None:
            self.kind.setCurrentIndex(max(0, self.kind.findData(row.kind)))
        self.why = QPlainTextEdit(row.why if row is not None else "")
        self.why.setPlaceholderText("In plain words: what do these words do to the statement?")
        self.why.setTabChangesFocus(True)
        self.why.setFixedHeight(80)
        form = QFormLayout()
        form.addRow("&Phrase:", self.phrase)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Reason:", self.why)
        self.finish(form, 520)

    def values(self) -> tuple[str, str, str]:
        return (self.phrase.text(), self.kind.currentData(), self.why.toPlainText())


class HedgesTab(LexiconTab, QWidget):
    def __init__(self, model: HedgeModel, show_problem: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.show_problem = show_problem
        self.form: HedgeDialog | None = None
        self.table = QTableView()
        self.table.setObjectName("hedgeTable")
        self.table.setModel(model)
        setup_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setSectionResizeMode(REASON, QHeaderView.Stretch)
        for col, width in ((ON, 40), (WORDS, 220), (KIND, 110), (SOURCE, 90)):
            header.resizeSection(col, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.installEventFilter(self)
        model.modelReset.connect(self._update_buttons)

        self.add_button = QPushButton("&Add…")
        self.add_button.setToolTip("Add a hedge of your own: the words, their kind and why they hedge")
        self.add_button.clicked.connect(lambda: self._open_form(None))
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.switch_button = QPushButton("Switch &off")
        self.switch_button.clicked.connect(self.toggle_selected)
        self.delete_button = QPushButton("&Delete")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.switch_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # -- the hooks of LexiconTab
    def row_key(self, row: Any) -> str:
        return row.id

    def not_editable(self, row: Any) -> str:
        return f"{row.id!r} is not one of your hedges: it can be switched off, not changed."

    def add_entry(self, *values: Any) -> str:
        return self.model.add_hedge(*values)

    def edit_entry(self, key: Any, *values: Any) -> str:
        return self.model.edit_hedge(key, *values)

    def make_form(self, row: Any, save: Callable[..., Any]) -> HedgeDialog:
        return HedgeDialog(self, self.model.hedges.kinds, save, row)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, hid: str) -> None:
        self.table.selectRow(self.model.row_of(hid))
