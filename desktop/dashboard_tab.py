"""The window's Dashboard tab: the comparison dashboard (``desktop.dashboard``), built the first time it is
shown and given the results only while it is shown, so start-up and reading never wait for it.

``holder`` is the tab's page; ``panel`` the ``DashboardPanel`` once built (None before, or when its module
cannot be loaded: then the page says so and the window works without it). ``mark_stale`` is called when
the comparison or blind mode changes; ``fill`` hands the results over. The projector borrows ``panel``
and gives it back to ``holder``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .main_window import MainWindow

TAB_INDEX = 1  # the tab after "Articles"


def _guarded_dashboard() -> tuple[Any, str | None]:
    try:
        from .dashboard import DashboardPanel

        return DashboardPanel, None
    except Exception as exc:  # noqa: BLE001 - the window must open without it
        return None, f"{type(exc).__name__}: {exc}"


class DashboardTab(QObject):
    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.panel: Any = None
        self.holder = QWidget()
        self.holder.setObjectName("dashboardHolder")
        QVBoxLayout(self.holder).setContentsMargins(0, 0, 0, 0)
        self.stale = False

    def is_current(self) -> bool:
        return self.window.tabs.currentIndex() == TAB_INDEX

    def show(self) -> None:
        self.window.tabs.setCurrentIndex(TAB_INDEX)

    def ensure(self) -> Any:
        """Create the dashboard panel (or a placeholder when its module is unavailable) once."""
        if self.panel is not None or self.holder.layout().count():
            return self.panel
        w = self.window
        cls, err = _guarded_dashboard()
        if cls is not None:
            try:
                self.panel = cls(self.holder)
            except Exception as exc:  # noqa: BLE001
                err = f"{type(exc).__name__}: {exc}"
        if self.panel is not None:
            self.panel.jumpRequested.connect(w.navigation.jump_to_article_id)
            self.panel.glossaryRequested.connect(w.show_glossary)
            self.holder.layout().addWidget(self.panel)
        else:
            label = QLabel("The comparison dashboard is not available in this build." + (f"\n\n({err})" if err else ""))
            label.setAlignment(Qt.AlignCenter)
            label.setWordWrap(True)
            self.holder.layout().addWidget(label)
        return self.panel

    def fill(self) -> None:
        """Hand the results to the dashboard; done when it is shown, so reading never waits for it."""
        self.ensure()
        if self.panel is None or not self.stale:
            return
        self.stale = False
        w = self.window
        try:
            self.panel.set_results(w.blinding.analyses(), w.shown_comparison)
        except Exception as exc:  # noqa: BLE001 - a dashboard bug must not break reading
            w.show_error(f"The dashboard could not show the comparison: {exc}")

    def fill_if_shown(self) -> None:
        if self.is_current():
            self.fill()

    def mark_stale(self) -> None:
        """The results changed: fill again now when the tab is shown, else when it is next shown."""
        self.stale = True
        self.fill_if_shown()
