"""The projector's key: a sample of each category shown (drawn with the panes' own format) and its count,
laid out in lines that wrap, so the last step's key (every category) never widens the view past its screen."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from .. import highlight as hl
from ..panes.legend import Swatch

FILL_SCALE = 2.2  # background tints this much stronger than in the window: a projector washes colours out


class KeySwatch(Swatch):
    """The legend's sample word (drawn with the panes' own format), sized to the projector's font."""

    def __init__(self, category: str, parent: QWidget | None = None):
        super().__init__(category, parent)
        self._fit()

    def _fit(self) -> None:
        self._rebuild()
        size = self._doc.size().toSize()
        self.setFixedSize(size.width() + 8, size.height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._fit()

    def _rebuild(self) -> None:
        if self.category == hl.TONE:
            super()._rebuild()
            return
        self._doc.clear()  # the same strong tint as the panes show here
        fmt = hl.char_format(self.category, False, FILL_SCALE)
        if not fmt.hasProperty(QTextFormat.ForegroundBrush):
            fmt.setForeground(QColor("#000000"))  # black on white, also when the window is dark
        QTextCursor(self._doc).insertText("word", fmt)
        self._doc.setDefaultFont(self.font())


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the width runs out (Qt's flow layout example):
    the key of the last step (every category) never widens the projector past its screen."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 14):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, i: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientations:  # noqa: N802
        return Qt.Orientations(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (or only measure); returns the height they take. A swatch and its
        label are kept on one line (an item is wrapped together with the one before it when that is a
        swatch)."""
        m = self.contentsMargins()
        left, right = rect.x() + m.left(), rect.right() - m.right()
        x, y, line = left, rect.y() + m.top(), 0
        items = [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]
        k = 0
        while k < len(items):
            group = [items[k]]
            if isinstance(items[k].widget(), Swatch) and k + 1 < len(items):
                group.append(items[k + 1])
            hints = [i.sizeHint() for i in group]
            width = sum(h.width() for h in hints) + self._gap // 2 * (len(group) - 1)
            if x > left and x + width > right + 1:
                x, y, line = left, y + line + self._gap // 2, 0
            for item, hint in zip(group, hints):
                if move:
                    item.setGeometry(QRect(QPoint(x, y), hint))
                x += hint.width() + self._gap // 2
                line = max(line, hint.height())
            x += self._gap - self._gap // 2
            k += len(group)
        return y + line - rect.y() + m.bottom()
