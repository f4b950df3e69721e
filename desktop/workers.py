"""Long work off the UI thread: analysis, comparison, model warm-up.

Architecture (as in qutebrowser/napari): each job is a ``QRunnable`` on a ``QThreadPool``; its signals
live on a separate ``QObject`` (``JobSignals``) created on the UI thread, so results arrive through
queued connections. Workers never touch a widget. ``AnalysisManager`` owns the pool, a generation
counter per kind of job and a cancel flag per run: starting a new run cancels the previous one
(checked between articles), and results of stale runs are dropped (progress) or re-checked by the
receiver against the current article (results).

Backends: spaCy holds the GIL for long stretches, so by default the analysis itself runs in a child
process (``desktop.analysis_server``, niced) that a runnable drives over pipes; the runnable's thread
just waits on the pipe, then decodes the result and prepares its ``RenderPlan`` (highlight spans,
index, per-block grouping) so the UI thread only paints. ``SLANT_ANALYSIS_BACKEND=thread`` runs the
analysis in-process instead. Measured with bench/bench_gui.py (six articles, ~49,000 words, 10 ms
heartbeat, 2 shared CPUs): worst UI-thread gap 297 ms with the thread backend (17 gaps over 100 ms),
46-60 ms with the process backend (none over 100 ms). The UI process also sets
``sys.setswitchinterval(0.001)`` (desktop.app) so its own worker threads yield the GIL quickly.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from analysis.results import ArticleAnalysis, Comparison

from .cache import AnalysisCache
from .highlight import render_plan

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class AnalysisError(RuntimeError):
    """An article could not be analysed; ``str(err)`` is the message for the user."""


def _article_payload(article: Any) -> dict[str, Any]:
    return {"text": article.text, "id": article.id, "outlet": article.outlet, "title": article.title,
            "date": article.date, "notes": list(article.notes or ())}


# ---------------------------------------------------------------------------------------- backends


class ProcessBackend:
    """One long-lived analysis process, shared by all runs; one request at a time (a lock)."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._next_id = 0
        self._stderr_tail: deque[str] = deque(maxlen=30)
        self.version: str | None = None

    def prestart(self) -> None:
        """Start the process now and let it load the model at once, in parallel with the window being
        built (the machine's other core), instead of on the first request."""
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start(warm=True)

    def _start(self, warm: bool = False) -> subprocess.Popen[str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        env.pop("QT_QPA_PLATFORM", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.analysis_server", *(["--warm"] if warm else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", bufsize=1, env=env, cwd=str(PROJECT_ROOT),
        )
        threading.Thread(target=self._drain_stderr, args=(proc,), daemon=True).start()
        return proc

    def _drain_stderr(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self._stderr_tail.append(line.rstrip())

    def request(self, msg: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            if self._proc is None or self._proc.poll() is not None:
                self._proc = self._start()
            self._next_id += 1
            msg = dict(msg, id=self._next_id)
            try:
                assert self._proc.stdin is not None and self._proc.stdout is not None
                self._proc.stdin.write(json.dumps(msg) + "\n")
                self._proc.stdin.flush()
                line = self._proc.stdout.readline()
            except (OSError, ValueError) as exc:
                self._kill_locked()
                raise AnalysisError(f"The analysis process stopped unexpectedly ({exc}).") from exc
            if not line:
                tail = "\n".join(list(self._stderr_tail)[-5:])
                self._kill_locked()
                raise AnalysisError("The analysis process stopped unexpectedly." + (f"\n{tail}" if tail else ""))
            reply = json.loads(line)
            if not reply.get("ok"):
                raise AnalysisError(reply.get("error") or "analysis failed")
            return reply

    def warm(self) -> str:
        self.version = self.request({"cmd": "warm"}).get("version")
        return self.version or ""

    def analyze(self, article: Any) -> ArticleAnalysis:
        reply = self.request({"cmd": "analyze", "article": _article_payload(article)})
        return ArticleAnalysis.from_dict(reply["analysis"])

    def compare(self, analyses: list[ArticleAnalysis]) -> Comparison:
        reply = self.request({"cmd": "compare", "analyses": [a.to_dict() for a in analyses]})
        return Comparison.from_dict(reply["comparison"])

    def _kill_locked(self) -> None:
        if self._proc is not None:
            try:
                self._proc.kill()
                self._proc.wait(timeout=5)
            except Exception:
                pass
            self._proc = None

    def shutdown(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=2)
        except Exception:
            proc.kill()


class ThreadBackend:
    """Analysis in this process (simpler; holds the GIL for long stretches - see module doc)."""

    version: str | None = None

    def warm(self) -> str:
        from analysis import nlp
        from analysis.pipeline import analyzer_version

        nlp.get_nlp()
        nlp.get_vader()
        self.version = analyzer_version()
        return self.version

    def prestart(self) -> None:
        pass  # nothing to start: the model loads on the first request (or warm-up)

    def analyze(self, article: Any) -> ArticleAnalysis:
        from analysis.pipeline import analyze_article

        return analyze_article(article)

    def compare(self, analyses: list[ArticleAnalysis]) -> Comparison:
        from analysis import compare

        return compare(analyses)

    def shutdown(self) -> None:
        pass


_backend: ProcessBackend | ThreadBackend | None = None


def backend() -> ProcessBackend | ThreadBackend:
    """The process-wide backend (the child process is shared by every window and test)."""
    global _backend
    if _backend is None:
        kind = os.environ.get("SLANT_ANALYSIS_BACKEND", "process").lower()
        _backend = ThreadBackend() if kind == "thread" else ProcessBackend()
        import atexit

        atexit.register(_backend.shutdown)
    return _backend


# ------------------------------------------------------------------------------------------- jobs


class JobSignals(QObject):
    """Signals of the runnables (a QRunnable is not a QObject). Every signal carries the generation."""

    started = Signal(int, int)  # generation, number of articles
    articleStarted = Signal(int, str)  # generation, key
    articleDone = Signal(int, str, object, object, bool, object)  # gen, key, Article, ArticleAnalysis, cached, plan
    articleFailed = Signal(int, str, object, str)  # generation, key, Article, message
    finished = Signal(int, bool)  # generation, cancelled
    comparisonDone = Signal(int, object)  # generation, Comparison
    comparisonFailed = Signal(int, str)
    warmed = Signal(str)  # analyser version
    warmFailed = Signal(str)


class AnalysisJob(QRunnable):
    """Analyse articles one after the other: cached ones first (instant), then the rest."""

    def __init__(self, generation: int, jobs: list[tuple[str, Any]], cache: AnalysisCache | None,
                 engine: Any, cancel: threading.Event, signals: JobSignals, lock: threading.Lock | None = None):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.jobs, self.cache, self.engine = generation, jobs, cache, engine
        self.cancel, self.signals = cancel, signals
        self.lock = lock or threading.Lock()

    def run(self) -> None:
        gen, sig = self.generation, self.signals
        cancelled = False
        try:
            sig.started.emit(gen, len(self.jobs))
            todo = []
            for key, article in self.jobs:
                hit = self.cache.get(article) if self.cache is not None else None
                if hit is not None:
                    sig.articleDone.emit(gen, key, article, hit, True, render_plan(hit))
                else:
                    todo.append((key, article))
            for key, article in todo:
                # One article at a time across runs: a new run waits for the stale run's current article,
                # then finds it in the cache instead of analysing it twice.
                with self.lock:
                    if self.cancel.is_set():
                        cancelled = True
                        break
                    hit = self.cache.get(article) if self.cache is not None else None
                    if hit is not None:
                        sig.articleDone.emit(gen, key, article, hit, True, render_plan(hit))
                        continue
                    sig.articleStarted.emit(gen, key)
                    try:
                        result = self.engine.analyze(article)
                    except Exception as exc:  # noqa: BLE001 - reported to the user, the run goes on
                        sig.articleFailed.emit(gen, key, article, _message(exc))
                        continue
                    if self.cache is not None:
                        self.cache.put(article, result)
                # Highlight spans, their index and per-block grouping are prepared here, off the UI thread.
                sig.articleDone.emit(gen, key, article, result, False, render_plan(result))
            cancelled = cancelled or self.cancel.is_set()
        except RuntimeError:  # the window (and its signal object) went away: stop quietly
            return
        finally:
            _emit(sig.finished, gen, cancelled)


class CompareJob(QRunnable):
    def __init__(self, generation: int, analyses: list[ArticleAnalysis], engine: Any, signals: JobSignals,
                 cache: AnalysisCache | None = None):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.analyses, self.engine, self.signals = generation, analyses, engine, signals
        self.cache = cache

    def run(self) -> None:
        try:
            result = self.cache.get_comparison(self.analyses) if self.cache is not None else None
            if result is None:
                result = self.engine.compare(self.analyses)
                if self.cache is not None:
                    self.cache.put_comparison(self.analyses, result)
        except Exception as exc:  # noqa: BLE001
            _emit(self.signals.comparisonFailed, self.generation, _message(exc))
            return
        _emit(self.signals.comparisonDone, self.generation, result)


class WarmJob(QRunnable):
    def __init__(self, engine: Any, signals: JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.engine, self.signals = engine, signals

    def run(self) -> None:
        try:
            version = self.engine.warm()
        except Exception as exc:  # noqa: BLE001
            _emit(self.signals.warmFailed, _message(exc))
            return
        _emit(self.signals.warmed, version)


def _emit(signal: Any, *args: Any) -> None:
    """Emit from a worker; the receiver may be gone when the window closed meanwhile."""
    try:
        signal.emit(*args)
    except RuntimeError:
        pass


def _message(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, AnalysisError):
        return text
    return f"{type(exc).__name__}: {text}"


# ----------------------------------------------------------------------------------------- manager


class AnalysisManager(QObject):
    """The UI thread's handle on background analysis. All signals arrive on the UI thread."""

    runStarted = Signal(int)  # number of articles
    articleStarted = Signal(str)  # key
    articleDone = Signal(str, object, object, bool, object)  # key, Article, ArticleAnalysis, from cache, RenderPlan
    articleFailed = Signal(str, object, str)  # key, Article, message
    progress = Signal(int, int)  # done, total (current run)
    runFinished = Signal(bool)  # cancelled
    comparisonReady = Signal(object)  # Comparison
    comparisonFailed = Signal(str)
    modelReady = Signal(str)
    modelFailed = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, cache: AnalysisCache | None = None, parent: QObject | None = None,
                 engine: Any = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.cache = cache
        self.engine = engine or backend()
        self.pool = pool or QThreadPool.globalInstance()
        self.signals = JobSignals(self)  # lives on the UI thread
        self.signals.started.connect(self._on_started)
        self.signals.articleStarted.connect(self._on_article_started)
        self.signals.articleDone.connect(self._on_done)
        self.signals.articleFailed.connect(self._on_failed)
        self.signals.finished.connect(self._on_finished)
        self.signals.comparisonDone.connect(self._on_comparison)
        self.signals.comparisonFailed.connect(self._on_comparison_failed)
        self.signals.warmed.connect(self._on_warmed)
        self.signals.warmFailed.connect(self.modelFailed)
        self._generation = 0
        self._compare_generation = 0
        self._cancel = threading.Event()
        self._article_lock = threading.Lock()  # one article analysed at a time, across runs
        self._running: set[int] = set()
        self._total = 0
        self._done = 0
        self.model_ready = False
        self.last_run_started = 0.0

    # -- state
    @property
    def generation(self) -> int:
        return self._generation

    def is_busy(self) -> bool:
        return self._generation in self._running

    # -- commands
    def warm_up(self) -> None:
        self.pool.start(WarmJob(self.engine, self.signals))

    def analyze(self, jobs: list[tuple[str, Any]]) -> int:
        """Start a run over ``jobs`` [(key, Article)], cancelling any run in progress."""
        self._cancel.set()
        self._generation += 1
        self._cancel = threading.Event()
        self._total, self._done = len(jobs), 0
        self._running.add(self._generation)
        self.last_run_started = time.perf_counter()
        self.busyChanged.emit(True)
        self.pool.start(AnalysisJob(self._generation, list(jobs), self.cache, self.engine, self._cancel,
                                    self.signals, self._article_lock))
        return self._generation

    def cancel(self) -> None:
        """Stop after the article being analysed now; nothing after it starts."""
        self._cancel.set()

    def compare(self, analyses: list[ArticleAnalysis]) -> int:
        self._compare_generation += 1
        self.pool.start(CompareJob(self._compare_generation, list(analyses), self.engine, self.signals, self.cache))
        return self._compare_generation

    def shutdown(self) -> None:
        self._cancel.set()

    @staticmethod
    def stop_all(timeout_ms: int = 5000) -> None:
        """At exit: stop the analysis process (pending requests fail fast) and wait for the workers."""
        if _backend is not None:
            _backend.shutdown()
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    # -- relays (UI thread)
    def _on_started(self, gen: int, total: int) -> None:
        if gen == self._generation:
            self.runStarted.emit(total)
            self.progress.emit(0, total)

    def _on_article_started(self, gen: int, key: str) -> None:
        if gen == self._generation:
            self.articleStarted.emit(key)

    def _count(self, gen: int) -> None:
        if gen == self._generation:
            self._done += 1
            self.progress.emit(self._done, self._total)

    def _on_done(self, gen: int, key: str, article: Any, result: ArticleAnalysis, cached: bool, plan: Any) -> None:
        # Results of a stale run are still offered: the receiver keeps them only if the article is unchanged.
        self._count(gen)
        self.articleDone.emit(key, article, result, cached, plan)

    def _on_failed(self, gen: int, key: str, article: Any, message: str) -> None:
        self._count(gen)
        self.articleFailed.emit(key, article, message)

    def _on_finished(self, gen: int, cancelled: bool) -> None:
        self._running.discard(gen)
        if gen == self._generation:
            self.busyChanged.emit(False)
            self.runFinished.emit(cancelled)

    def _on_comparison(self, gen: int, comparison: Comparison) -> None:
        if gen == self._compare_generation:
            self.comparisonReady.emit(comparison)

    def _on_comparison_failed(self, gen: int, message: str) -> None:
        if gen == self._compare_generation:
            self.comparisonFailed.emit(message)

    def _on_warmed(self, version: str) -> None:
        self.model_ready = True
        self.modelReady.emit(version)
