"""Background analysis: the analysis process answers like the library does; errors come back as messages."""
from __future__ import annotations

import pytest

from analysis.sources import article_from_text

from desktop.workers import AnalysisError, ProcessBackend

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
