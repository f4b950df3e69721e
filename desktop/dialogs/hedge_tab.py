"""The lexicon editor's Hedges tab: the hedges Slant looks for ("could", "reportedly", "in the cards"), each
with its kind, reason and on/off switch; Add and Edit (a phrase, a kind and a reason) for the user's own,
Delete for those. Saved at once to ``hedges_editor.toml`` (``analysis.user_hedges``)."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.lexicons import LexiconError

from ..models.lexicon_model import ON, ROW_ROLE, HedgeModel

WORDS, KIND, REASON, SOURCE = 1, 2, 3, 4


class HedgeDialog(QDialog):
    """Add or edit one of the user's hedges; a problem keeps the form open with what was typed."""

    def __init__(self, parent: QWidget, kinds: list[str], save: Callable[..., str], row: Any = None):
        super().__init__(parent)
        self.setObjectName("hedgeDialog")
        self.setWindowTitle("Edit hedge" if row is not None else "Add a hedge")
        self._save = save
        self.saved_id: str | None = None
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
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B3261E;")
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow("&Phrase:", self.phrase)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Reason:", self.why)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.saved_id = self._save(self.phrase.text(), self.kind.currentData(), self.why.toPlainText())
        except (ValueError, LexiconError, OSError) as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()


class HedgesTab(QWidget):
    def __init__(self, model: HedgeModel, show_problem: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.show_problem = show_problem
        self.form: HedgeDialog | None = None
        self.table = QTableView()
        self.table.setObjectName("hedgeTable")
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
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

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.table and event.type() == QEvent.KeyPress and not event.modifiers():
            slot = {Qt.Key_Space: self.toggle_selected, Qt.Key_Delete: self.delete_selected,
                    Qt.Key_Return: self.edit_selected, Qt.Key_Enter: self.edit_selected}.get(event.key())
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    def selected(self) -> Any:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def select(self, hid: str) -> None:
        self.table.selectRow(self.model.row_of(hid))

    def _update_buttons(self) -> None:
        row = self.selected()
        self.switch_button.setEnabled(row is not None)
        self.switch_button.setText("Switch &on" if row is not None and not row.enabled else "Switch &off")
        self.edit_button.setEnabled(row is not None and row.editable)
        self.delete_button.setEnabled(row is not None and row.editable)

    def _open_form(self, row: Any) -> None:
        if row is None:
            save = self.model.add_hedge
        else:
            def save(*values: Any) -> str:
                return self.model.edit_hedge(row.id, *values)
        self.form = HedgeDialog(self, self.model.hedges.kinds, save, row)
        self.form.accepted.connect(lambda: self.form.saved_id and self.select(self.form.saved_id))
        self.form.open()

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None and row.editable:
            self._open_form(row)
        elif row is not None:
            self.show_problem(f"{row.id!r} is not one of your hedges: it can be switched off, not changed.")

    def toggle_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.model.set_enabled(row.id, not row.enabled)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.show_problem(str(exc))
            return
        self.select(row.id)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.model.delete(row.id)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.show_problem(str(exc))
