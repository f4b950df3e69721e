"""Long work off the UI thread: analysis, comparison, model warm-up.

Architecture (as in qutebrowser/napari): each job is a ``QRunnable`` on a ``QThreadPool``; its signals
live on a separate ``QObject`` (``JobSignals``) created on the UI thread, so results arrive through
queued connections. Workers never touch a widget. ``AnalysisManager`` owns the pool, a generation
counter per kind of job and a cancel flag per run: starting a new run cancels the previous one
(checked between articles), and results of stale runs are dropped (progress) or re-checked by the
receiver against the current article (results).

Engines (``desktop.engine``): by default the analysis runs in a separate server process (spaCy holds
the GIL), two articles at a time where there are two cores; the runnable's thread waits for the
replies, then decodes each result and prepares its ``RenderPlan`` (highlight spans, index, per-block
grouping) so the UI thread only paints. The UI process also sets ``sys.setswitchinterval(0.001)``
(desktop.app) so its own worker threads yield the GIL quickly.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from analysis.results import ArticleAnalysis, Comparison

from .cache import AnalysisCache
from .engine import AnalysisError, article_payload, backend, chain, current_backend
from .highlight import render_plan
from .lexicon_guard import lexicon_notes


# ------------------------------------------------------------------------------------------- jobs


class JobSignals(QObject):
    """Signals of the runnables (a QRunnable is not a QObject). Every signal carries the generation."""

    started = Signal(int, int)  # generation, number of articles
    articleStarted = Signal(int, str)  # generation, key
    articleProgress = Signal(int, str, float)  # generation, key, fraction of the article analysed
    articleDone = Signal(int, str, object, object, bool, object)  # gen, key, Article, ArticleAnalysis, cached, plan
    articleFailed = Signal(int, str, object, str)  # generation, key, Article, message
    finished = Signal(int, bool)  # generation, cancelled
    comparisonDone = Signal(int, object)  # generation, Comparison
    comparisonFailed = Signal(int, str)
    warmed = Signal(str)  # analyser version
    warmFailed = Signal(str)


def work_key(article: Any) -> str:
    """Identity of an analysis request (text and metadata), to share one analysis between runs."""
    payload = json.dumps(article_payload(article), sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()


class InFlight:
    """Analyses under way, shared by all runs of one manager.

    ``start(article)`` returns ``(future, fresh)``: a run that needs an article a stale run is already
    analysing gets that run's future (``fresh`` False) instead of analysing it a second time. Engines
    with ``submit(article) -> Future`` (the analysis server) take ``parallelism`` requests at once;
    an engine with only ``analyze(article)`` is called in the caller's thread, one article at a time
    across runs.
    """

    def __init__(self, engine: Any) -> None:
        self.engine = engine
        self.concurrent = callable(getattr(engine, "submit", None))
        self.parallelism = max(1, int(getattr(engine, "parallelism", 1))) if self.concurrent else 1
        self._lock = threading.Lock()
        self._serial = threading.Lock()
        self._futures: dict[str, Future] = {}
        self._listeners: dict[str, list[Callable[[float], None]]] = {}
        method = getattr(engine, "submit" if self.concurrent else "analyze", None)
        self.reports_progress = _accepts(method, "progress")

    def start(self, article: Any, progress: Callable[[float], None] | None = None) -> tuple[Future, bool]:
        """``progress`` is called (from another thread) with the fraction done, when the engine reports it;
        a run that joins an analysis under way gets its reports too."""
        key = work_key(article)
        with self._lock:  # held briefly: never while writing to the server (a reply may need this lock)
            if progress is not None:
                self._listeners.setdefault(key, []).append(progress)
            fut = self._futures.get(key)
            if fut is not None:
                return fut, False
            fut = Future()
            self._futures[key] = fut
        fut.add_done_callback(lambda f: self._forget(key, f))
        extra = {"progress": lambda fraction: self._report(key, fraction)} if self.reports_progress else {}
        if self.concurrent:
            try:
                chain(self.engine.submit(article, **extra), fut)
            except Exception as exc:  # noqa: BLE001 - reported by the run
                fut.set_exception(exc)
        else:
            with self._serial:
                try:
                    fut.set_result(self.engine.analyze(article, **extra))
                except Exception as exc:  # noqa: BLE001 - reported by the run
                    fut.set_exception(exc)
        return fut, True

    def _report(self, key: str, fraction: float) -> None:
        with self._lock:
            listeners = list(self._listeners.get(key, ()))
        for listener in listeners:
            listener(fraction)

    def _forget(self, key: str, fut: Future) -> None:
        with self._lock:
            if self._futures.get(key) is fut:
                del self._futures[key]
                self._listeners.pop(key, None)


def _accepts(method: Any, name: str) -> bool:
    """True when ``method`` takes a keyword argument ``name`` (engines made for tests may not)."""
    import inspect

    try:
        params = inspect.signature(method).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


POLL_S = 0.2  # how often a waiting run looks at its cancel flag
CANCEL_GRACE_S = 3.0  # after Cancel, how long the articles under way may take to finish before the run ends


class AnalysisJob(QRunnable):
    """Analyse articles: cached ones first (instant), then the rest, ``parallelism`` at a time.

    Cancelling stops new articles from starting; the ones under way get ``CANCEL_GRACE_S`` to finish (and
    are cached), then the run ends anyway (a stuck engine never keeps a run "running")."""

    def __init__(self, generation: int, jobs: list[tuple[str, Any]], cache: AnalysisCache | None,
                 work: InFlight, cancel: threading.Event, signals: JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.generation, self.jobs, self.cache, self.work = generation, jobs, cache, work
        self.cancel, self.signals = cancel, signals

    def _cached(self, key: str, article: Any) -> bool:
        hit = self.cache.get(article) if self.cache is not None else None
        if hit is not None:
            self.signals.articleDone.emit(self.generation, key, article, hit, True, render_plan(hit))
        return hit is not None

    def run(self) -> None:
        gen, sig = self.generation, self.signals
        cancelled = False
        cancel_at = 0.0
        try:
            sig.started.emit(gen, len(self.jobs))
            todo = deque((key, article) for key, article in self.jobs if not self._cached(key, article))
            running: dict[Future, tuple[str, Any, bool]] = {}
            while todo or running:
                while todo and len(running) < self.work.parallelism:
                    if self.cancel.is_set():
                        cancelled = True
                        todo.clear()
                        break
                    key, article = todo.popleft()
                    if self._cached(key, article):  # a stale run may have finished it meanwhile
                        continue
                    sig.articleStarted.emit(gen, key)
                    fut, fresh = self.work.start(
                        article, lambda fraction, key=key: _emit(sig.articleProgress, gen, key, fraction))
                    running[fut] = (key, article, fresh)
                if not running:
                    break
                done, _ = wait(list(running), timeout=POLL_S, return_when=FIRST_COMPLETED)
                if not done:
                    if self.cancel.is_set():
                        cancel_at = cancel_at or time.monotonic()
                        if time.monotonic() - cancel_at > CANCEL_GRACE_S:
                            cancelled = True  # stop waiting: what is still under way is abandoned
                            break
                    continue
                for fut in done:
                    key, article, fresh = running.pop(fut)
                    try:
                        result = fut.result()
                    except Exception as exc:  # noqa: BLE001 - reported to the user, the run goes on
                        sig.articleFailed.emit(gen, key, article, _message(exc))
                        continue
                    if fresh and self.cache is not None:
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
    articleProgress = Signal(str, float)  # key, fraction of the article analysed (long articles)
    articleDone = Signal(str, object, object, bool, object)  # key, Article, ArticleAnalysis, from cache, RenderPlan
    articleFailed = Signal(str, object, str)  # key, Article, message
    progress = Signal(int, int)  # done, total (current run)
    runFinished = Signal(bool)  # cancelled
    comparisonReady = Signal(object)  # Comparison
    comparisonFailed = Signal(str)
    modelReady = Signal(str)
    modelFailed = Signal(str)
    busyChanged = Signal(bool)
    lexiconProblem = Signal(str)  # a user lexicon file could not be used (once per problem and run)

    def __init__(self, cache: AnalysisCache | None = None, parent: QObject | None = None,
                 engine: Any = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self.cache = cache
        self.engine = engine or backend()
        self.pool = pool or QThreadPool.globalInstance()
        self.signals = JobSignals(self)  # lives on the UI thread
        self.signals.started.connect(self._on_started)
        self.signals.articleStarted.connect(self._on_article_started)
        self.signals.articleProgress.connect(self._on_article_progress)
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
        self.work = InFlight(self.engine)  # analyses under way, shared across runs
        self._running: set[int] = set()
        self._total = 0
        self._done = 0
        self.model_ready = False
        self.last_run_started = 0.0
        self._lexicon_problems: set[str] = set()

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
        self._lexicon_problems.clear()
        self._total, self._done = len(jobs), 0
        self._running.add(self._generation)
        self.last_run_started = time.perf_counter()
        self.busyChanged.emit(True)
        self.pool.start(AnalysisJob(self._generation, list(jobs), self.cache, self.work, self._cancel,
                                    self.signals))
        return self._generation

    def cancel(self) -> None:
        """Nothing more starts; the articles under way get a short grace to finish. A stuck analysis
        server is stopped at once (``engine.cancel_pending``), so Cancel always ends the run."""
        self._cancel.set()
        stop_stuck = getattr(self.engine, "cancel_pending", None)
        if callable(stop_stuck):
            threading.Thread(target=stop_stuck, daemon=True, name="slant-cancel").start()

    def compare(self, analyses: list[ArticleAnalysis]) -> int:
        self._compare_generation += 1
        self.pool.start(CompareJob(self._compare_generation, list(analyses), self.engine, self.signals, self.cache))
        return self._compare_generation

    def shutdown(self) -> None:
        self._cancel.set()

    @staticmethod
    def stop_all(timeout_ms: int = 5000) -> None:
        """At exit: stop the analysis process (pending requests fail fast) and wait for the workers."""
        engine = current_backend()
        if engine is not None:
            engine.shutdown()
        QThreadPool.globalInstance().waitForDone(timeout_ms)

    # -- relays (UI thread)
    def _on_started(self, gen: int, total: int) -> None:
        if gen == self._generation:
            self.runStarted.emit(total)
            self.progress.emit(0, total)

    def _on_article_started(self, gen: int, key: str) -> None:
        if gen == self._generation:
            self.articleStarted.emit(key)

    def _on_article_progress(self, gen: int, key: str, fraction: float) -> None:
        if gen == self._generation:
            self.articleProgress.emit(key, fraction)

    def _count(self, gen: int) -> None:
        if gen == self._generation:
            self._done += 1
            self.progress.emit(self._done, self._total)

    def _on_done(self, gen: int, key: str, article: Any, result: ArticleAnalysis, cached: bool, plan: Any) -> None:
        # Results of a stale run are still offered: the receiver keeps them only if the article is unchanged.
        self._count(gen)
        self.articleDone.emit(key, article, result, cached, plan)
        for problem in lexicon_notes(getattr(result, "warnings", ())):
            if problem not in self._lexicon_problems:
                self._lexicon_problems.add(problem)
                self.lexiconProblem.emit(f"{problem}. The built-in lexicons were used; fix or remove the file, "
                                         "then Analyse again.")

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
