"""How long one article pane takes to show a 1 MB article on a single line, with and without the
display-only paragraph breaks (``desktop.display_breaks``), and the worst pause of the event loop meanwhile.

    .venv/bin/python bench/bench_pane.py [--mb 1] [--only breaks|no-breaks] [--timeout 600]

The text: filler sentences on one line, then a demo article (one line too) with its real analysis moved to
the end, so the highlights sit past hundreds of display paragraphs. A pane (offscreen, 700x900) gets the
text and analysis as the window gives them (the same one-job-per-turn scheduler), and this script measures
until the text and every highlight are in. ``no-breaks`` shows the same text as one paragraph (the code
before the breaks): Qt lays out the whole megabyte again at every chunk inserted, every resize and repaint.
A 10 ms heartbeat timer measures the longest gap between two turns of the event loop. A small pane is shown
first, so that imports, styles and fonts are loaded as in a running window.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def shifted(obj, by: int):
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: shifted(getattr(obj, f.name), by) for f in dataclasses.fields(obj) if f.name != "text"}
        if {"start", "end"} <= {f.name for f in dataclasses.fields(obj)} and isinstance(obj.start, int):
            changes["start"], changes["end"] = obj.start + by, obj.end + by
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, (tuple, list)):
        return type(obj)(shifted(v, by) for v in obj)
    return obj


def one_line_analysis(megabytes: float):
    import analysis

    seed = " ".join(sorted((ROOT / "seeds").glob("001_*.txt"))[0].read_text(encoding="utf-8").split())
    tail = analysis.analyze(seed)
    unit = "The committee met on Tuesday and the meeting ended at noon as planned. "
    filler = unit * int(megabytes * 1_000_000 // len(unit))
    return dataclasses.replace(shifted(tail, len(filler)), text=filler + tail.text)


def show(big, breaks: bool, timeout: float) -> tuple[float, float, int]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop import display_breaks, highlight as hl
    from desktop.models.article_model import DONE
    from desktop.panes.article_pane import ArticlePane
    from analysis.sources import article_from_text

    app = QApplication.instance() or QApplication([])
    original = display_breaks.display_breaks
    if not breaks:
        display_breaks.display_breaks = lambda text: []
    try:
        jobs: deque = deque()
        runner = QTimer()
        runner.setInterval(0)

        def run_jobs() -> None:
            deadline = time.perf_counter() + 0.010
            while jobs and time.perf_counter() < deadline:
                jobs.popleft()()
            if not jobs:
                runner.stop()

        runner.timeout.connect(run_jobs)

        def schedule(fn) -> None:
            jobs.append(fn)
            if not runner.isActive():
                runner.start()

        from desktop.models.article_model import Entry as ModelEntry

        entry = ModelEntry(article_from_text(big.text), analysis=big, status=DONE)
        entry.plan = hl.render_plan(big)  # the worker prepares it off the UI thread
        last, worst = [time.perf_counter()], [0.0]

        def beat() -> None:
            now = time.perf_counter()
            worst[0] = max(worst[0], now - last[0] - 0.010)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.timeout.connect(beat)
        heartbeat.start(10)
        t0 = time.perf_counter()
        pane = ArticlePane(entry, scheduler=schedule)
        pane.resize(700, 900)
        pane.show()
        while not (pane.analysis is not None and pane.is_idle()):
            app.processEvents()
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError(f"not shown after {timeout:.0f} s")
        pane.view.viewport().repaint()
        elapsed = time.perf_counter() - t0
        heartbeat.stop()
        blocks = pane.view.document().blockCount()
        pane.close()
        pane.deleteLater()
        return elapsed, worst[0] * 1000, blocks
    finally:
        display_breaks.display_breaks = original


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--only", choices=("breaks", "no-breaks"))
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    big = one_line_analysis(args.mb)
    show(one_line_analysis(0.01), True, args.timeout)  # warm up: modules, styles and fonts, as in a running window
    print(f"{len(big.text):,} characters on one line, {len(big.loaded_terms)} loaded terms at the end")
    for name in ([args.only] if args.only else ["breaks", "no-breaks"]):
        try:
            elapsed, gap, blocks = show(big, name == "breaks", args.timeout)
            print(f"{name:<10} shown with highlights in {elapsed:7.2f} s, worst event-loop gap {gap:7.0f} ms, "
                  f"{blocks} paragraphs in the pane", flush=True)
        except TimeoutError as exc:
            print(f"{name:<10} {exc}", flush=True)


if __name__ == "__main__":
    main()
