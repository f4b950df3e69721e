"""A pane's header: outlet, title, date, the article menu and close button, and the score badges (with
``metric_badges``, which badge shows a comparison metric's outlier mark)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from analysis.measures.tone import TONE_SCALE


def _badge(text: str, tip: str, name: str) -> QLabel:
    lab = QLabel(text)
    lab.setObjectName("badge")
    lab.setProperty("metric", name)
    lab.setToolTip(tip)
    return lab


class PaneHeader(QFrame):
    """Outlet, title, date and score badges. Fixed line counts keep the texts of all panes aligned."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paneHeader")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 4, 8)
        lay.setSpacing(2)
        top = QHBoxLayout()
        top.setSpacing(0)
        self.outlet = ElidedLabel()
        self.outlet.setObjectName("paneOutlet")
        top.addWidget(self.outlet, 1)
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("pane_menu")
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip("Move, edit or hide this article")
        self.menu_button.setAccessibleName("Article menu")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.InstantPopup)
        self.menu = QMenu(self.menu_button)
        self.menu_button.setMenu(self.menu)
        self.actions = {
            "left": self.menu.addAction("Move left"),
            "right": self.menu.addAction("Move right"),
            "edit": self.menu.addAction("Edit outlet, title, date…"),
            "hide": self.menu.addAction("Hide (keep in the list)"),
        }
        top.addWidget(self.menu_button)
        self.close_button = QToolButton()
        self.close_button.setObjectName("pane_close")
        self.close_button.setText("✕")
        self.close_button.setToolTip("Close this article")
        self.close_button.setAccessibleName("Close this article")
        self.close_button.setAutoRaise(True)
        top.addWidget(self.close_button)
        lay.addLayout(top)
        self.title = _TwoLineLabel()
        self.title.setObjectName("paneTitle")
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        self.title.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        lay.addWidget(self.title)
        self.date = ElidedLabel()
        self.date.setObjectName("paneDate")
        lay.addWidget(self.date)
        self.badges = {
            "loaded": _badge("", "Loaded (judging) words per 1,000 words of body text", "loaded"),
            "hedges": _badge("", "Hedges (could, reportedly, speculation...) per 1,000 words", "hedges"),
            "unnamed": _badge("", "Unnamed sources: share of statements whose source is anonymous, vague or "
                                  "missing", "unnamed"),
            "tone": _badge("", f"Average tone of the sentences, {TONE_SCALE}", "tone"),
        }
        self.badge_box = QWidget()
        grid = QVBoxLayout(self.badge_box)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setSpacing(3)
        for names in (("loaded", "hedges"), ("unnamed", "tone")):
            row = QHBoxLayout()
            row.setSpacing(4)
            for n in names:
                row.addWidget(self.badges[n])
            row.addStretch(1)
            grid.addLayout(row)
        lay.addWidget(self.badge_box)
        self.status = QLabel()
        self.status.setObjectName("paneStatus")
        self.status.setWordWrap(True)
        self.status.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        lay.addWidget(self.status)

    def set_title(self, text: str) -> None:
        """Two lines at most (the full title is in the tooltip)."""
        self.title.fit_height()
        self.title.setToolTip(text)
        self.title.setText(text)


class _TwoLineLabel(QLabel):
    """The pane's headline: always two lines high, also after Ctrl+Plus/Minus changed its font."""

    def fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 2 + 2)

    def changeEvent(self, event: Any) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self.fit_height()


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" when too narrow; the full text is in the tooltip."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setMinimumWidth(30)

    def setText(self, text: str) -> None:  # noqa: N802
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(10, self.width() - 2))
        QLabel.setText(self, shown)


def metric_badges(metric: str) -> str | None:
    """Comparison metric name -> badge name (for outlier marks)."""
    m = metric.lower()
    if "loaded" in m:
        return "loaded"
    if "unnamed" in m or "anonymous" in m:
        return "unnamed"
    if "hedge" in m:
        return "hedges"
    if m.startswith("tone") or m == "tone_mean":
        return "tone"
    return None
