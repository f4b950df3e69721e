"""Peak memory and time of analysing one very large article, through the analysis server the app uses.

Run: .venv/bin/python bench/bench_memory.py [--quick] [--only NAME ...] [--timeout S]
Not part of ``make test`` (a 10 MB article takes minutes); ``make bench`` runs it.

Inputs (generated from the demo articles; written to a temporary file and read with
``analysis.sources.read_article``, as File > Open does):
    article-1mb, article-10mb   the five seeds repeated, paragraphs and full stops as in a real article
    nostop-1mb, nostop-5mb      the same words with every full stop, ?, ! and line break removed
    line-1mb, line-10mb         the seeds on one single line (full stops kept, no line break)
    emoji-1mb, emoji-10mb       emoji only, no white space (one token per character; 10 MB: 2.5 million emoji)
``--quick`` runs the 1 MB inputs only.

For each input a fresh analysis server is started (``desktop.engine.ProcessBackend``: the same process,
protocol and fork of helpers as the window), the article is sent, and this process decodes the reply
into an ``ArticleAnalysis`` and prepares its highlights (``desktop.highlight.render_plan``), as the
window's worker does. Memory: proportional set size (PSS, ``Pss:`` of ``/proc/<pid>/smaps_rollup``:
pages shared between processes are counted once in the sum), summed over this process, the server and
its helpers, sampled every ``--interval`` seconds (0.25; reading smaps_rollup of four processes
ten times a second took as much CPU as the analysis itself); the peak of the sum is printed, with each
process's own peak and each process's share at the moment the sum peaked, when the parse and the
measures were done and the reply decoded (seconds from the request), and the load average (1 minute)
at the start and the end. Targets (issue 10): under 1.5 GB for
any 10 MB input, under 800 MB for 1 MB. This process stands for the window without its widgets: Qt's
own memory for showing the text is not in these figures.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MB = 1_000_000
LIMITS = {1: 800, 5: 1500, 10: 1500}  # MB of text -> MB of PSS (issue 10)
INPUTS = {
    "article-1mb": ("article", 1), "nostop-1mb": ("nostop", 1), "line-1mb": ("line", 1),
    "emoji-1mb": ("emoji", 1),
    "article-10mb": ("article", 10), "nostop-5mb": ("nostop", 5), "line-10mb": ("line", 10),
    "emoji-10mb": ("emoji", 10),
}
QUICK = ("article-1mb", "nostop-1mb", "line-1mb", "emoji-1mb")


def generate(kind: str, megabytes: int) -> str:
    """About ``megabytes`` MB of UTF-8 text of the given shape."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "seeds").glob("*.txt")))
    if kind == "emoji":
        unit = "😀🙂🎉👍🔥🚀"
    elif kind == "nostop":
        unit = " ".join(seeds.replace(".", " ").replace("?", " ").replace("!", " ").split()) + " "
    elif kind == "line":
        unit = " ".join(seeds.split()) + " "
    else:
        unit = seeds + "\n\n"
    size = megabytes * MB
    reps = size // len(unit.encode("utf-8")) + 1
    text = unit * reps
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return out


class Sampler(threading.Thread):
    """Peak of the PSS summed over this process and the server's process tree."""

    def __init__(self, server_pid: int):
        super().__init__(daemon=True)
        self.server_pid, self.peak_kb, self.stop = server_pid, 0, threading.Event()
        self.peaks: dict[str, int] = {}  # each process's own peak: "client", "server", "helper <pid>"
        self.at_peak: dict[str, int] = {}  # each process's PSS when the sum peaked

    def sample(self) -> int:
        parts = {"client": pss_kb(os.getpid())}
        for p in descendants(self.server_pid):
            parts["server" if p == self.server_pid else f"helper {p}"] = pss_kb(p)
        for name, kb in parts.items():
            self.peaks[name] = max(self.peaks.get(name, 0), kb)
        total = sum(parts.values())
        if total > self.peak_kb:
            self.peak_kb, self.at_peak = total, parts
        return total

    def breakdown(self) -> str:
        own = ", ".join(f"{name} {kb / 1024:.0f}" for name, kb in self.peaks.items())
        at = ", ".join(f"{name} {kb / 1024:.0f}" for name, kb in self.at_peak.items())
        return f"{own}; at the peak of the sum: {at}"

    interval = 0.25

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            self.sample()


def run_one(name: str, timeout: float) -> tuple[float, float, str]:
    from analysis.sources import read_article
    from desktop.cache import AnalysisCache
    from desktop.engine import ProcessBackend
    from desktop.highlight import render_plan

    kind, megabytes = INPUTS[name]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.txt"
        path.write_text(generate(kind, megabytes), encoding="utf-8")
        article = read_article(str(path))
    # The server lowers its helpers' priority by 10 so the window stays responsive; here there is no window,
    # and on a busy machine a helper at nice 10 (15 under ``nice -n 5``) got a tenth of a core at best.
    os.environ.setdefault("SLANT_WORKER_NICE", "0")
    engine = ProcessBackend()
    try:
        engine.warm()
        sampler = Sampler(engine._proc.pid)  # noqa: SLF001 - the bench looks inside on purpose
        sampler.sample()
        sampler.start()
        shown = [-1]
        stages: dict[str, float] = {}  # when the parse and the measures were done (progress reports)

        def progress(fraction: float) -> None:
            from analysis.pipeline import PARSE_SHARE

            now = time.perf_counter() - t0
            if fraction >= PARSE_SHARE - 1e-6:
                stages.setdefault("parsed", now)
            if fraction >= 0.999:
                stages.setdefault("measured", now)
            step = int(fraction * 10)
            if step > shown[0]:
                shown[0] = step
                print(f"   {name}: {fraction:4.0%} after {time.perf_counter() - t0:6.1f} s", file=sys.stderr, flush=True)

        t0 = time.perf_counter()
        try:
            fut = engine.submit(article, progress=progress)
        except TypeError:  # an engine without progress reports (the code before them)
            fut = engine.submit(article)
        load = os.getloadavg()[0]
        try:
            result = fut.result(timeout=timeout)
            stages["decoded"] = time.perf_counter() - t0
            with tempfile.TemporaryDirectory() as cache_dir:  # as the window's worker: cache, then plan
                stored = AnalysisCache(cache_dir).put(article, result)
            plan = render_plan(result)
            note = (f"{len(result.sentences)} sentences, {len(plan.spans)} highlights"
                    f"{'' if stored else ', too big for the cache'}")
            del result, plan
        except Exception as exc:  # noqa: BLE001 - printed in the table
            note = f"FAILED: {type(exc).__name__}: {str(exc)[:80]}"
        elapsed = time.perf_counter() - t0
        sampler.sample()
        sampler.stop.set()
        sampler.join()
        load = f"load {load:.1f}-{os.getloadavg()[0]:.1f}"
        times = ", ".join(f"{k} at {v:.0f} s" for k, v in stages.items())
        return elapsed, sampler.peak_kb / 1024, (f"{note}; {times}; {load}; peak MB per process: "
                                                 f"{sampler.breakdown()}")
    finally:
        engine.shutdown()
        if engine._proc is not None and engine._proc.poll() is None:  # noqa: SLF001
            engine._proc.kill()  # noqa: SLF001


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="the 1 MB inputs only")
    ap.add_argument("--only", nargs="*", choices=sorted(INPUTS), help="these inputs")
    ap.add_argument("--timeout", type=float, default=3600, help="seconds to wait for one analysis")
    ap.add_argument("--interval", type=float, default=0.25, help="seconds between two memory samples")
    args = ap.parse_args()
    Sampler.interval = args.interval
    names = args.only or (QUICK if args.quick else list(INPUTS))
    print(f"{'input':<14}{'time':>9}{'peak PSS':>11}{'limit':>8}  result")
    for name in names:
        elapsed, peak_mb, note = run_one(name, args.timeout)
        limit = LIMITS[INPUTS[name][1]]
        verdict = "ok" if peak_mb < limit and not note.startswith("FAILED") else "OVER"
        print(f"{name:<14}{elapsed:8.1f}s{peak_mb:8.0f} MB{limit:5d} MB  {verdict}: {note}", flush=True)


if __name__ == "__main__":
    main()
