"""What the subprocess drivers (screen_driver, projector_driver, crash_driver) share: when the window has
finished its work, and how a driver's app runs and stops its analysis server."""
from __future__ import annotations

from typing import Any


def settled(window: Any) -> bool:
    """Every article analysed and highlighted, and the comparison made."""
    from desktop.models.article_model import PENDING, RUNNING

    return (window.is_settled() and window.comparison is not None and window.highlighting_done()
            and not any(e.status in (PENDING, RUNNING) for e in window.model.entries()))


def run(app: Any, window: Any) -> int:
    """The event loop until the driver quits it; then the analysis server and its workers are stopped."""
    from desktop.workers import AnalysisManager

    code = app.exec()
    window.manager.shutdown()
    AnalysisManager.stop_all()
    return code
