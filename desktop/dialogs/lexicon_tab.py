"""What the lexicon editor's two tabs (loaded words, hedges) have in common: the entry form's frame (an error
line, OK/Cancel, a save that keeps the form open on a problem), the table's setup and keys, the buttons'
state and the Edit / Switch / Delete actions. Each tab says how a row is identified (``row_key``: a term's
``key``, a hedge's ``id``), which rows it may edit, and how to make its form."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from analysis.lexicons import LexiconError

from .buttons import ok_cancel


class EntryForm(QDialog):
    """Add or edit one of the user's entries. ``save`` (the model's add/edit) is called on OK with
    ``values()``; a problem it raises is shown in the form, which stays open with what was typed."""

    def __init__(self, parent: QWidget, save: Callable[..., Any]):
        super().__init__(parent)
        self._save = save
        self.saved: Any = None
        self.error = QLabel("")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #B3261E;")
        self.error.setVisible(False)

    def finish(self, form: QFormLayout, width: int) -> None:
        """Lay out ``form`` above the error line and the OK/Cancel buttons."""
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(width, self.sizeHint().height())

    def values(self) -> tuple[Any, ...]:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.saved = self._save(*self.values())
        except (ValueError, LexiconError, OSError) as exc:
            self.error.setText(str(exc))
            self.error.setVisible(True)
            return
        super().accept()


def setup_table(table: QTableView) -> None:
    """One row selected at a time, no editing in place, no row numbers."""
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)


class LexiconTab:
    """Mixed into a QWidget holding ``table``, ``model`` (with ``set_enabled`` and ``delete`` by row key),
    ``edit_button``, ``switch_button`` and ``delete_button`` and a ``show_problem(text)``. Space switches,
    Delete deletes and Enter edits the selected row once the table's events are filtered through this."""

    form: EntryForm | None = None

    # -- what each tab says
    def row_key(self, row: Any) -> Any:
        raise NotImplementedError

    def can_edit(self, row: Any) -> bool:
        return bool(row.editable)

    def not_editable(self, row: Any) -> str:
        """Why ``row`` cannot be edited, for the message line."""
        raise NotImplementedError

    def add_entry(self, *values: Any) -> Any:
        raise NotImplementedError

    def edit_entry(self, key: Any, *values: Any) -> Any:
        raise NotImplementedError

    def make_form(self, row: Any, save: Callable[..., Any]) -> EntryForm:
        raise NotImplementedError

    def selected(self) -> Any:
        raise NotImplementedError

    def select(self, key: Any) -> None:
        raise NotImplementedError

    # -- shared
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if watched is self.table and event.type() == QEvent.KeyPress and not event.modifiers():
            slot = {Qt.Key_Space: self.toggle_selected, Qt.Key_Delete: self.delete_selected,
                    Qt.Key_Return: self.edit_selected, Qt.Key_Enter: self.edit_selected}.get(event.key())
            if slot is not None:
                slot()
                return True
        return super().eventFilter(watched, event)

    def _update_buttons(self) -> None:
        row = self.selected()
        self.switch_button.setEnabled(row is not None)
        self.switch_button.setText("Switch &on" if row is not None and not row.enabled else "Switch &off")
        self.edit_button.setEnabled(row is not None and self.can_edit(row))
        self.delete_button.setEnabled(row is not None and row.editable)

    def _open_form(self, row: Any) -> None:
        if row is None:
            save = self.add_entry
        else:
            key = self.row_key(row)

            def save(*values: Any) -> Any:
                return self.edit_entry(key, *values)
        self.form = self.make_form(row, save)
        self.form.accepted.connect(self._form_saved)
        self.form.open()

    def _form_saved(self) -> None:
        form = self.form
        if form is not None and form.saved is not None:
            self.select(form.saved)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None and self.can_edit(row):
            self._open_form(row)
        elif row is not None:
            self.show_problem(self.not_editable(row))

    def toggle_selected(self) -> None:
        row = self._change_selected(lambda key, row: self.model.set_enabled(key, not row.enabled))
        if row is not None:
            self.select(self.row_key(row))

    def delete_selected(self) -> None:
        self._change_selected(lambda key, _row: self.model.delete(key))

    def _change_selected(self, change: Callable[[Any, Any], Any]) -> Any:
        """Apply ``change(key, row)`` to the selected row; the row, or None (nothing selected, or a problem,
        which is shown)."""
        row = self.selected()
        if row is None:
            return None
        try:
            change(self.row_key(row), row)
        except (ValueError, KeyError, LexiconError, OSError) as exc:
            self.show_problem(str(exc))
            return None
        return row
