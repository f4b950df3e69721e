"""A pane's text: the read-only ``QTextEdit`` holding the article, which turns clicks, Tab / Shift+Tab and
Enter into offsets in the user's text, copies the user's text, and draws the margin bar beside aligned
sentences."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QTextEdit, QToolTip, QWidget

from .. import highlight as hl


class ArticleView(QTextEdit):
    """The read-only text of one article. Emits offsets in Python ``str`` units."""

    offsetClicked = Signal(int)  # a plain click (not a drag-selection)
    offsetActivated = Signal(int, int)  # keyboard: a finding span [start, end) chosen with Tab/Enter
    escaped = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setLineWrapMode(QTextEdit.WidgetWidth)
        self.setWordWrapMode(QTextOption.WordWrap)  # never break inside a word
        self.setFrameShape(QFrame.NoFrame)
        self.setMouseTracking(True)
        self.document().setDocumentMargin(14)
        self.offsets = hl.OffsetMap("")
        self.source_text = ""  # the article's text as given (the document may hold display breaks)
        self._press: QPoint | None = None
        self.hover_text = None  # callable(offset) -> str | None, set by the pane
        self.navigate = None  # callable(step) -> bool, set by the pane
        self.setTabChangesFocus(False)
        self.setAcceptDrops(False)  # files dropped on a pane go to the window
        self.viewport().setAcceptDrops(False)
        self.sidebar_ranges: list[tuple[int, int]] = []  # qt ranges marked with a margin bar (aligned)

    def char_at(self, pos: QPoint) -> int | None:
        """Python offset of the character under a viewport point, or None off the text."""
        cursor = self.cursorForPosition(pos)
        p = cursor.position()
        rect = self.cursorRect(cursor)
        if pos.x() < rect.x() and p > 0:
            p -= 1
        doc = self.document()
        if p >= doc.characterCount() - 1:
            p = max(0, doc.characterCount() - 2)
        if not doc.findBlock(p).isValid():
            return None
        return self.offsets.to_py(p)

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt API
        """Copy gives the user's text: without the display-only breaks of an enormous line."""
        if not self.offsets.breaks:
            return super().createMimeDataFromSelection()
        c = self.textCursor()
        mime = QMimeData()
        mime.setText(self.source_text[self.offsets.to_py(c.selectionStart()):self.offsets.to_py(c.selectionEnd())])
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        if event.button() == Qt.LeftButton and self._press is not None and \
                (pos - self._press).manhattanLength() < 4:
            off = self.char_at(pos)
            if off is not None:
                self.offsetClicked.emit(off)
        self._press = None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        super().mouseMoveEvent(event)
        if event.buttons():
            return
        off = self.char_at(event.position().toPoint())
        tip = self.hover_text(off) if (self.hover_text and off is not None) else None
        self.viewport().setCursor(Qt.PointingHandCursor if tip else Qt.IBeamCursor)
        if tip:
            QToolTip.showText(event.globalPosition().toPoint(), tip, self.viewport())
        else:
            QToolTip.hideText()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key_Tab, Qt.Key_Backtab) and not (mods & (Qt.ControlModifier | Qt.AltModifier)):
            step = -1 if (key == Qt.Key_Backtab or mods & Qt.ShiftModifier) else +1
            # Tab goes from finding to finding; past the last one it moves the focus on as usual.
            if not (self.navigate and self.navigate(step)):
                super().focusNextPrevChild(step > 0)
            return
        if key == Qt.Key_Escape:
            self.escaped.emit()
            return
        if key in (Qt.Key_Return, Qt.Key_Enter):
            c = self.textCursor()
            if c.hasSelection():
                self.offsetActivated.emit(self.offsets.to_py(c.selectionStart()), self.offsets.to_py(c.selectionEnd()))
            else:
                self.offsetClicked.emit(self.offsets.to_py(c.position()))
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802
        # While the text has the focus, Tab is handled in keyPressEvent (finding to finding).
        return False if self.hasFocus() else super().focusNextPrevChild(next)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self.sidebar_ranges:
            return
        # A bar in the left margin beside aligned sentences: visible without colour.
        painter = QPainter(self.viewport())
        painter.setPen(QPen(self.palette().text().color(), 3))
        for a, b in self.sidebar_ranges:
            ca, cb = QTextCursor(self.document()), QTextCursor(self.document())
            ca.setPosition(a)
            cb.setPosition(max(a, b - 1))
            top, bottom = self.cursorRect(ca).top(), self.cursorRect(cb).bottom()
            if bottom < 0 or top > self.viewport().height():
                continue
            painter.drawLine(5, top + 1, 5, bottom - 1)
        painter.end()
