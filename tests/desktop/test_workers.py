"""Background analysis: the analysis process answers like the library does; errors come back as messages."""
from __future__ import annotations

import pytest

from analysis.sources import article_from_text

from desktop.engine import AnalysisError, ProcessBackend

TEXT = "Rumours are circulating that the minister could resign, sources said.\n"


@pytest.fixture(scope="module")
def process_backend():
    b = ProcessBackend()
    yield b
    b.shutdown()


def test_process_backend_analyses_like_the_library(process_backend):
    from analysis.pipeline import analyze_article

    art = article_from_text(TEXT, outlet="Daily 😀", title="Minister")
    got = process_backend.analyze(art)
    assert got.to_dict() == analyze_article(art).to_dict()
    cmp = process_backend.compare([got])
    assert cmp.articles == (got.id,)
    from analysis import compare

    assert cmp.to_dict() == compare([got]).to_dict()


def test_results_travel_in_the_compact_column_form(process_backend):
    """The server's reply holds the result as columns with a string table (analysis.wire), not one
    object per finding, and decodes to the same analysis, odd characters included."""
    from analysis.pipeline import analyze_article
    from desktop.engine import article_payload

    art = article_from_text("Critics claimed 😀 the plan was a “disaster”, sources said.\ud800\n" * 3, outlet="X")
    reply = process_backend.request({"cmd": "analyze", "article": article_payload(art)})
    assert "columns" in reply and "analysis" not in reply
    expected = analyze_article(art)
    assert reply["columns"]["strings"].count(expected.attributions[0].why) == 1  # sent once, not three times
    assert process_backend.analyze(art).to_dict() == expected.to_dict()


def test_process_backend_reports_errors_and_keeps_serving(process_backend):
    with pytest.raises(AnalysisError):
        process_backend.request({"cmd": "no-such-command"})
    art = article_from_text(TEXT)
    assert process_backend.analyze(art).text == TEXT


def test_process_backend_restarts_after_a_crash(process_backend, seed_articles):
    import threading

    art = article_from_text(TEXT)
    process_backend.analyze(art)
    process_backend._proc.kill()  # dies while idle: the next request starts a new process
    process_backend._proc.wait()
    assert process_backend.analyze(art).text == TEXT

    # Dies in the middle of a long analysis: that request fails with a message instead of hanging.
    long = article_from_text("\n".join(a.text for a in seed_articles) * 8)
    proc = process_backend._proc
    killer = threading.Timer(0.5, proc.kill)
    killer.start()
    try:
        with pytest.raises(AnalysisError, match="stopped unexpectedly"):
            process_backend.analyze(long)
    finally:
        killer.cancel()
    assert process_backend.analyze(art).text == TEXT


def test_process_backend_answers_concurrent_requests_each_with_its_own_result(process_backend):
    # Several articles in flight at once (the server analyses two at a time): replies come back in any
    # order and each must reach the request it answers.
    arts = [article_from_text(f"Officials in town number {i} said the bridge {'could' if i % 2 else 'will'} "
                              f"reopen on day {i}.\n", outlet=f"Paper {i}") for i in range(5)]
    futures = [process_backend.submit(a) for a in arts]
    results = [f.result(timeout=120) for f in futures]
    assert [r.text for r in results] == [a.text for a in arts]
    assert [r.outlet for r in results] == [f"Paper {i}" for i in range(5)]
    assert [bool(r.hedges) for r in results] == [bool(i % 2) for i in range(5)]


def test_server_helpers_do_not_outlive_the_server():
    import os
    import subprocess
    import time

    b = ProcessBackend(processes=2)
    try:
        b.analyze(article_from_text(TEXT))
        server = b._proc.pid
        helpers = subprocess.run(["pgrep", "-P", str(server)], capture_output=True, text=True).stdout.split()
        assert len(helpers) == 2  # forked after the model loaded
        b._proc.kill()  # the server dies without a word: its helpers notice and exit
        b._proc.wait()
        deadline = time.monotonic() + 20
        alive = helpers
        while alive and time.monotonic() < deadline:
            alive = [p for p in alive if os.path.exists(f"/proc/{p}")
                     and open(f"/proc/{p}/stat").read().split()[2] != "Z"]
            time.sleep(0.2)
        assert not alive
    finally:
        b.shutdown()


class _Manual:
    """A concurrent engine whose analyses finish when the test says so."""

    parallelism = 2

    def __init__(self):
        import threading
        from concurrent.futures import Future

        self._future = Future
        self.lock = threading.Lock()
        self.submitted: list[tuple[object, object]] = []

    def submit(self, article):
        fut = self._future()
        with self.lock:
            self.submitted.append((article, fut))
        return fut

    def finish(self, i):
        from analysis.pipeline import analyze_article

        article, fut = self.submitted[i]
        fut.set_result(analyze_article(article))


def _wait(cond, timeout=30.0):
    import time

    deadline = time.monotonic() + timeout
    while not cond():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_a_run_keeps_parallelism_articles_in_flight_and_cancel_starts_no_more(qtbot):
    from desktop.workers import AnalysisManager

    engine = _Manual()
    manager = AnalysisManager(None, engine=engine)
    arts = [article_from_text(f"The council met on day {i}.\n", outlet=f"Paper {i}") for i in range(5)]
    done = []
    manager.articleDone.connect(lambda key, *_: done.append(key))
    manager.analyze([(f"k{i}", a) for i, a in enumerate(arts)])
    _wait(lambda: len(engine.submitted) == 2)
    engine.finish(1)  # the second finishes first: the third starts at once
    qtbot.waitUntil(lambda: done == ["k1"], timeout=30000)
    _wait(lambda: len(engine.submitted) == 3)
    with qtbot.waitSignal(manager.runFinished, timeout=30000) as sig:
        manager.cancel()
        engine.finish(0)
        engine.finish(2)
    assert sig.args == [True]
    assert len(engine.submitted) == 3  # nothing started after the cancel
    assert sorted(done) == ["k0", "k1", "k2"]


def test_a_new_run_shares_the_analysis_a_stale_run_has_under_way(qtbot):
    from desktop.workers import AnalysisManager

    engine = _Manual()
    manager = AnalysisManager(None, engine=engine)
    art = article_from_text("The council met on Monday.\n", outlet="Paper")
    manager.analyze([("a", art)])
    _wait(lambda: len(engine.submitted) == 1)
    results = []
    manager.articleDone.connect(lambda key, article, result, *_: results.append((key, result)))
    manager.analyze([("a", art)])  # e.g. the user re-opened the same article
    with qtbot.waitSignal(manager.runFinished, timeout=30000):
        engine.finish(0)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=30000)
    assert len(engine.submitted) == 1  # analysed once, delivered to both runs
    assert results[0][1] is results[1][1]


def test_a_worker_killed_mid_analysis_fails_that_article_with_a_message_and_the_server_goes_on(seed_articles):
    import subprocess
    import threading

    b = ProcessBackend(processes=2)
    try:
        b.analyze(article_from_text(TEXT))
        helpers = subprocess.run(["pgrep", "-P", str(b._proc.pid)], capture_output=True, text=True).stdout.split()
        assert helpers
        long = article_from_text("\n".join(a.text for a in seed_articles) * 8)
        future = b.submit(long)
        killer = threading.Timer(0.5, lambda: [subprocess.run(["kill", "-9", p]) for p in helpers])
        killer.start()
        try:
            with pytest.raises(AnalysisError, match="stopped unexpectedly"):
                future.result(timeout=120)
        finally:
            killer.cancel()
        assert b.analyze(article_from_text(TEXT)).text == TEXT  # served on, no restart needed
    finally:
        b.shutdown()


def test_the_server_reports_progress_on_a_long_article_before_its_reply(process_backend, seed_articles):
    # Progress lines come from a forked helper (two workers) or the server itself (one), both through
    # the server's own output, and never garble a reply.
    long = article_from_text("\n\n".join(a.text for a in seed_articles) * 6)
    seen: list[float] = []
    result = process_backend.submit(long, progress=seen.append).result(timeout=900)
    assert result.text == long.text
    assert len(seen) >= 2 and seen == sorted(seen) and all(0 < f <= 1 for f in seen)
    assert not process_backend._progress  # the listener is forgotten with the reply


def test_the_window_shows_how_far_a_long_article_has_got(make_window, qtbot):
    from helpers import GatedEngine

    class ReportingEngine(GatedEngine):
        def analyze(self, article, progress=None):
            if progress is not None and not self.entered.is_set():
                progress(0.4)
            return super().analyze(article)

    engine = ReportingEngine()
    engine.gate.clear()
    win = make_window(engine=engine, cached=False)
    qtbot.waitUntil(engine.entered.is_set, timeout=30000)
    qtbot.waitUntil(lambda: "40%" in win.status_label.text(), timeout=30000)
    assert win.status_label.text().startswith("Analysing ")
    engine.gate.set()
