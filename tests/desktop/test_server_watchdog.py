"""A stopped analysis server (SIGSTOP) never leaves articles "running" for ever: a watchdog notices that it
sends no sign of life while it owes replies, stops it and fails those requests with a message; the next
request starts a new server. Cancel does cancel, even when the server does not answer."""
from __future__ import annotations

import os
import signal
import time

import pytest

from analysis.sources import article_from_text

from desktop.engine import AnalysisError, ProcessBackend

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs SIGSTOP")

TEXT = "Officials said the talks could resume next week, according to a statement.\n"


def stop(proc):
    os.kill(proc.pid, signal.SIGSTOP)


def test_a_stopped_server_is_reported_and_replaced(qtbot):
    b = ProcessBackend(processes=1, timeout=3.0)
    try:
        assert b.analyze(article_from_text(TEXT)).text == TEXT
        first = b._proc
        stop(first)
        started = time.monotonic()
        future = b.submit(article_from_text("The council met on Monday, the mayor said.\n"))
        with pytest.raises(AnalysisError, match="not responding"):
            future.result(timeout=60)
        assert time.monotonic() - started < 30
        qtbot.waitUntil(lambda: first.poll() is not None, timeout=10000)  # stopped for good, not left behind
        assert b.analyze(article_from_text(TEXT)).text == TEXT  # a new server answers
        assert b._proc is not first
    finally:
        b.shutdown()


def test_cancel_cancels_even_when_the_server_does_not_answer(qtbot):
    from desktop.workers import AnalysisManager

    b = ProcessBackend(processes=1, timeout=600.0)  # the watchdog is not what ends this run
    try:
        b.analyze(article_from_text(TEXT))
        first = b._proc
        stop(first)
        manager = AnalysisManager(None, engine=b)
        started = []
        manager.articleStarted.connect(started.append)
        manager.analyze([("k", article_from_text("The council met on Monday, the mayor said.\n"))])
        qtbot.waitUntil(lambda: started == ["k"], timeout=10000)
        with qtbot.waitSignal(manager.runFinished, timeout=30000) as sig:
            manager.cancel()
        assert sig.args == [True]
        assert not manager.is_busy()
        qtbot.waitUntil(lambda: first.poll() is not None, timeout=10000)  # the stuck server was stopped
        assert b.analyze(article_from_text(TEXT)).text == TEXT
    finally:
        b.shutdown()


def test_a_busy_server_that_misses_heartbeats_is_not_killed_but_a_stopped_one_is(qtbot):
    """CPU time counts as a sign of life (C code holding Python's lock can delay heartbeats on a huge text);
    a stopped process uses none."""
    import subprocess
    import sys
    from concurrent.futures import Future

    from desktop.engine import cpu_seconds

    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        if cpu_seconds(busy.pid) is None:
            pytest.skip("no per-process CPU time on this system")
        b = ProcessBackend(processes=1, timeout=1.0)
        busy.slant_heard = time.monotonic()
        busy.slant_ready = True
        owed: Future = Future()
        b._pending[1] = (busy, owed)  # it owes a reply and never sends a heartbeat
        import threading

        threading.Thread(target=b._watch, args=(busy,), daemon=True).start()
        deadline = time.monotonic() + 4
        while time.monotonic() < deadline:
            assert busy.poll() is None and not owed.done()  # working: left alone
            qtbot.wait(200)
        stop(busy)
        qtbot.waitUntil(lambda: busy.poll() is not None, timeout=15000)
        with pytest.raises(AnalysisError, match="not responding"):
            owed.result(timeout=5)
    finally:
        busy.kill()
        busy.wait()
