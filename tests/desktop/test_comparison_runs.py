"""The comparison follows the latest findings, even when they change while a comparison is being made."""
from __future__ import annotations

import threading

from helpers import GatedEngine, settle


class SlowCompare(GatedEngine):
    """Comparisons wait at their own gate, so a test can change the findings while one is computed."""

    def __init__(self):
        super().__init__()
        self.compare_gate = threading.Event()
        self.compare_gate.set()
        self.compared = 0
        self.comparing = threading.Event()

    def compare(self, analyses):
        self.comparing.set()
        self.compare_gate.wait(30)
        self.compared += 1
        return super().compare(analyses)


def test_findings_changed_while_a_comparison_is_made_get_a_new_comparison(make_window, qtbot):
    engine = SlowCompare()
    win = make_window(engine=engine)
    settle(qtbot, win)
    runs = win.analysis
    win.manager.cache = None  # the findings change in this story: each comparison is really made
    engine.comparing.clear()
    runs.compare_timer.setInterval(3000)  # the result of the first request arrives before the second is sent
    before = engine.compared
    engine.compare_gate.clear()
    runs.compare_again()  # e.g. a teacher accepts a word: same articles, other findings
    qtbot.waitUntil(engine.comparing.is_set, timeout=10000)  # the first comparison is being made
    runs.compare_again()  # and dismisses a finding while it is computed
    with qtbot.waitSignal(runs.comparisonChanged, timeout=30000):
        engine.compare_gate.set()  # the first result arrives: it must not stand for the second request
    assert runs.compare_wanted
    qtbot.waitUntil(lambda: engine.compared == before + 2 and runs.is_settled(), timeout=30000)
    assert not runs.compare_wanted
