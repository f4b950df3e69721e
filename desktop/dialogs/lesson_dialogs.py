"""Spot the slant: the teacher's two small dialogs (accept a student's word with a reason, dismiss a finding
with a note). Each asks for one line of text; OK stays off until something is typed."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from analysis.lesson import MAX_TEXT

from .buttons import ok_cancel


class OneLineDialog(QDialog):
    def __init__(self, title: str, intro: str, placeholder: str, ok_text: str, parent: QWidget | None = None,
                 name: str = "oneLineDialog"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName(name)
        self.resize(560, 150)
        lay = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMaxLength(MAX_TEXT)
        lay.addWidget(self.edit)
        self.buttons = ok_cancel(self, ok_text)
        lay.addWidget(self.buttons)
        self.edit.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.edit.text().strip()))

    def text(self) -> str:
        return " ".join(self.edit.text().split())


def accept_word_dialog(word: str, parent: QWidget | None = None) -> OneLineDialog:
    return OneLineDialog(
        "Accept as a good catch",
        f"“{word}” was not found by the analysis. Accepted, it becomes a loaded word of this lesson (rule "
        f"lesson:{' '.join(word.lower().split())}) and shows as a finding from now on. Say in one line why it is "
        "loaded here: the class will read it.",
        "Why it is loaded, e.g. “makes the plan sound sneaky”", "Accept", parent, "acceptWordDialog")


def dismiss_dialog(text: str, parent: QWidget | None = None) -> OneLineDialog:
    return OneLineDialog(
        "Dismiss this finding for the lesson",
        f"“{text}” stays visible, greyed with your note, and leaves the figures of this lesson; the sheets say "
        "how many findings were dismissed. Say in one line why.",
        "e.g. “not slanted here: it is the minister's own word, quoted”", "Dismiss", parent, "dismissDialog")


class LessonSettingsDialog(QDialog):
    """Classroom > Lesson settings: blind or not, and which highlight categories Reveal shows, in which order
    (drag to reorder; the order is kept in the lesson file for stepping through them)."""

    def __init__(self, blind: bool, reveal: tuple[str, ...], categories: list[tuple[str, str]],
                 parent: QWidget | None = None):
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QListWidget, QListWidgetItem

        super().__init__(parent)
        self.setWindowTitle("Lesson settings")
        self.setObjectName("lessonSettingsDialog")
        lay = QVBoxLayout(self)
        self.blind = QCheckBox("Blind outlets during the lesson (Outlet A, B, …)")
        self.blind.setChecked(blind)
        lay.addWidget(self.blind)
        intro = QLabel("Reveal shows the ticked kinds of finding, in this order (drag to reorder). Students can mark "
                       "loaded words and unnamed sources; the other kinds are shown but not scored.")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("lessonReveal")
        self.list.setDragDropMode(QAbstractItemView.InternalMove)
        labels = dict(categories)
        for key in list(reveal) + [k for k, _ in categories if k not in reveal]:
            if key not in labels:
                continue
            item = QListWidgetItem(labels[key])
            item.setData(Qt.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if key in reveal else Qt.Unchecked)
            self.list.addItem(item)
        lay.addWidget(self.list)
        self.buttons = ok_cancel(self)
        lay.addWidget(self.buttons)

    def reveal(self) -> tuple[str, ...]:
        from PySide6.QtCore import Qt

        items = [self.list.item(i) for i in range(self.list.count())]
        return tuple(i.data(Qt.UserRole) for i in items if i.checkState() == Qt.Checked)
