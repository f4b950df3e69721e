"""Window benchmark: launch-to-window, launch-to-highlights (cold and cached), worst UI-thread gap.

    .venv/bin/python bench/bench_gui.py                 # all measurements
    .venv/bin/python bench/bench_gui.py --backend thread # same, analysis in a thread (for comparison)

Each measurement launches a fresh Python process (offscreen Qt, throw-away settings), so the times
include the interpreter, Qt and the window, exactly as ``slant`` would. Times are taken by this parent
process from the moment it starts the child until the child reports:
  window      the main window is shown and has painted once
  engine_ready  the analysis server has loaded spaCy, the model, lexicons and textstat (the floor of a
              cold launch: nothing can be analysed before it)
  highlights  every shown article has its analysis on screen
  settled     the comparison is in too (dashboard filled)

The UI-gap run opens six long articles (the seeds repeated and shuffled, about 50,000 words together)
and runs a 10 ms heartbeat QTimer on the UI thread from launch until everything is settled; the worst
gap is the longest time between two ticks minus the 10 ms period. Targets: window <= 1 s,
highlights <= 3 s cold and <= 1 s cached, no gap over 100 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"window": 1.0, "highlights_cold": 3.0, "highlights_cached": 1.0, "gap_ms": 100.0}


# ------------------------------------------------------------------------------------------- child


def long_articles(n: int = 6, words: int = 50_000):
    """Six distinct long articles built from the seeds' body paragraphs, ~``words`` words together."""
    import random

    from analysis.sources import article_from_text, load_seeds

    seeds = load_seeds()
    paragraphs = [p for a in seeds for p in a.text.split("\n") if len(p.split()) >= 12]
    per = words // n
    out = []
    for i in range(n):
        rng = random.Random(i)
        chosen, count = [], 0
        while count < per:
            p = rng.choice(paragraphs)
            chosen.append(p)
            count += len(p.split())
        text = f"Long benchmark article {i + 1}\n" + "\n".join(chosen) + "\n"
        out.append(article_from_text(text, outlet=f"Outlet {chr(65 + i)}", title=f"Benchmark article {i + 1}"))
    return out


def child(mode: str) -> int:
    """Run the real window; print JSON events on stdout (times are taken by the parent)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    def emit(event: str, **data) -> None:
        sys.stdout.write(json.dumps({"event": event, **data}) + "\n")
        sys.stdout.flush()

    from desktop.app import start_engine

    start_engine()  # as ``slant`` does: the analysis process starts before Qt is imported

    from PySide6.QtCore import QElapsedTimer, QTimer

    from desktop.app import create_app, launch_window
    from desktop.models.article_model import DONE

    app = create_app()
    window = launch_window(articles=long_articles() if mode == "long" else (), screenshot=mode != "long",
                           size=(1600, 1000))
    QTimer.singleShot(0, lambda: emit("window"))

    beat = QElapsedTimer()
    beat.start()
    gaps: list[float] = []
    period = 10

    def tick() -> None:
        gaps.append(beat.restart())

    heart = QTimer()
    heart.setInterval(period)
    heart.timeout.connect(tick)
    heart.start()

    state = {"highlights": False, "first": False}

    def check() -> None:
        shown = window.model.compared()
        if not state["first"] and any(e.status == DONE and e.key in window.panes for e in shown):
            state["first"] = True
            emit("first_highlights")
        if not state["highlights"] and shown and all(e.status == DONE and e.key in window.panes
                                                      and window.panes[e.key].analysis is e.analysis for e in shown):
            state["highlights"] = True
            emit("highlights", cached=all(e.from_cache for e in shown))

    window.manager.modelReady.connect(lambda _v: emit("engine_ready"))
    window.model.entryChanged.connect(lambda _k: QTimer.singleShot(0, check))
    window.contentShown.connect(lambda _k: check())

    def settled() -> None:
        check()
        heart.stop()
        worst = max(gaps[1:], default=0) - period  # the first tick includes start-up
        emit("settled", worst_gap_ms=max(0.0, worst), ticks=len(gaps),
             over_50=sum(1 for g in gaps[1:] if g - period > 50), over_100=sum(1 for g in gaps[1:] if g - period > 100),
             words=sum(e.analysis.counts.words for e in window.model.entries() if e.analysis))
        QTimer.singleShot(0, app.quit)

    window.analysisSettled.connect(lambda: QTimer.singleShot(50, lambda: settled() if window.is_settled() else None))
    QTimer.singleShot(600_000, app.quit)
    app.exec()
    from desktop.workers import AnalysisManager

    AnalysisManager.stop_all()
    return 0


# ------------------------------------------------------------------------------------------ parent


def launch(mode: str, cache_dir: str, backend: str) -> dict[str, float | dict]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SLANT_CACHE_DIR=cache_dir,
               SLANT_SETTINGS_DIR=tempfile.mkdtemp(prefix="slant-bench-settings-"), SLANT_ANALYSIS_BACKEND=backend)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", mode], cwd=str(ROOT), env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out: dict[str, float | dict] = {}
    assert proc.stdout is not None
    for line in proc.stdout:
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        out[msg["event"]] = time.perf_counter() - t0
        out[msg["event"] + "_data"] = msg
    proc.wait(timeout=600)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--child", choices=("seeds", "long"))
    ap.add_argument("--backend", choices=("process", "thread"), default="process")
    ap.add_argument("--skip-long", action="store_true")
    args = ap.parse_args(argv)
    if args.child:
        return child(args.child)

    # Python normally caches compiled modules (__pycache__) after the first launch; an environment with
    # PYTHONDONTWRITEBYTECODE would recompile Slant's ~40 modules on every launch (~0.15 s) and measure
    # something no user sees. Compile them once, as a normal first launch would.
    import compileall

    for package in ("analysis", "desktop"):
        compileall.compile_dir(str(ROOT / package), quiet=1)
    cache = tempfile.mkdtemp(prefix="slant-bench-cache-")
    print(f"Slant window benchmark (backend: {args.backend}, offscreen, {os.cpu_count()} CPUs)")
    cold = launch("seeds", cache, args.backend)
    cached = launch("seeds", cache, args.backend)
    rows = [
        ("launch -> window (cold)", cold.get("window"), TARGETS["window"]),
        ("launch -> analysis server loaded, cold", cold.get("engine_ready"), None),
        ("launch -> first article highlighted, cold", cold.get("first_highlights"), None),
        ("launch -> highlights, cold cache", cold.get("highlights"), TARGETS["highlights_cold"]),
        ("launch -> window (cached)", cached.get("window"), TARGETS["window"]),
        ("launch -> highlights, cached", cached.get("highlights"), TARGETS["highlights_cached"]),
        ("launch -> comparison settled, cold", cold.get("settled"), None),
        ("launch -> comparison settled, cached", cached.get("settled"), None),
    ]
    ok = True
    for label, value, target in rows:
        if value is None:
            print(f"  {label:<40} did not happen")
            ok = False
            continue
        verdict = "" if target is None else ("  ok" if value <= target else f"  OVER target {target:.1f} s")
        ok &= target is None or value <= target
        print(f"  {label:<40} {value:6.2f} s{verdict}")
    gap_cold = cold.get("settled_data", {}).get("worst_gap_ms")
    if gap_cold is not None:
        print(f"  worst UI gap, seeds cold                  {gap_cold:6.0f} ms")
    if not args.skip_long:
        long = launch("long", tempfile.mkdtemp(prefix="slant-bench-cache-"), args.backend)
        data = long.get("settled_data", {})
        gap = data.get("worst_gap_ms")
        if gap is None:
            print("  long run did not finish")
            ok = False
        else:
            verdict = "ok" if gap <= TARGETS["gap_ms"] else f"OVER target {TARGETS['gap_ms']:.0f} ms"
            ok &= gap <= TARGETS["gap_ms"]
            print(f"  six long articles: {data.get('words')} words analysed in {long['settled']:.1f} s")
            print(f"  worst UI-thread gap (10 ms heartbeat)     {gap:6.0f} ms  {verdict}"
                  f"  (gaps > 50 ms: {data.get('over_50')}, > 100 ms: {data.get('over_100')}, "
                  f"ticks: {data.get('ticks')})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
