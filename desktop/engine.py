"""The analysis engines the window's workers call; no Qt here, so ``slant`` can start one before Qt loads.

``ProcessBackend`` (the default) drives ``desktop.analysis_server`` over pipes. spaCy holds the GIL for
long stretches, so analysing in the window's process would stall the UI (measured with
bench/bench_gui.py on six articles, ~49,000 words, 10 ms heartbeat, 2 CPUs: worst UI-thread gap 297 ms
in a thread, 46-73 ms with the process). The server loads the model once, then forks a second worker
on machines with more than one core, so two articles are analysed at once
(``desktop.analysis_server.worker_processes``). Requests are concurrent: each gets an id and a
``concurrent.futures.Future``; one reader thread hands replies to their futures. If the process dies,
what it still owed fails with a message and the next request starts a new one.

Watchdog: the server sends a heartbeat line every ``HEARTBEAT_S`` seconds (from a thread of its own, so a
long analysis does not silence it). When it owes replies and has sent nothing for ``timeout`` seconds
(``$SLANT_SERVER_TIMEOUT``, default 30; ``STARTUP_TIMEOUT_S`` before its first heartbeat, while it loads the
model), and uses no CPU either, it is taken as not responding (stopped with SIGSTOP, deadlocked): it is killed,
its requests fail with ``NOT_RESPONDING`` and the next request starts a new server. ``cancel_pending()``
(the window's Cancel) does the same at once when the server has not been heard from lately.

``ThreadBackend`` (``SLANT_ANALYSIS_BACKEND=thread``) analyses in this process: simpler, for tests.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from analysis.results import ArticleAnalysis, Comparison

PROJECT_ROOT = Path(__file__).resolve().parent.parent
HEARTBEAT_S = 1.0  # how often the server says it is alive (desktop.analysis_server)
DEFAULT_TIMEOUT_S = 30.0
STARTUP_TIMEOUT_S = 180.0  # before the first heartbeat: loading the model on a busy machine
NOT_RESPONDING = ("The analysis server is not responding (no sign of life for {s:.0f} seconds), so it was "
                  "stopped. Analysis › Analyse again (Ctrl+R) starts a new one.")


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process ``pid`` has used, from /proc (Linux); None elsewhere or when gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def server_timeout() -> float:
    try:
        value = float(os.environ.get("SLANT_SERVER_TIMEOUT", DEFAULT_TIMEOUT_S))
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return value if value > 0 else DEFAULT_TIMEOUT_S


class AnalysisError(RuntimeError):
    """An article could not be analysed; ``str(err)`` is the message for the user."""


def article_payload(article: Any) -> dict[str, Any]:
    return {"text": article.text, "id": article.id, "outlet": article.outlet, "title": article.title,
            "date": article.date, "notes": list(article.notes or ()), "path": article.path}


def chain(source: Future, target: Future | None = None, convert: Callable[[Any], Any] = lambda r: r) -> Future:
    """Complete ``target`` (a new future when None) with ``convert(source.result())`` once ``source`` is
    done; an exception of either, or a cancelled ``source``, fails ``target``. Returns ``target``."""
    out: Future = Future() if target is None else target

    def done(f: Future) -> None:
        try:
            if f.cancelled():
                raise AnalysisError("The analysis was cancelled.")
            out.set_result(convert(f.result()))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on ``out``
            out.set_exception(exc)

    source.add_done_callback(done)
    return out


def _checked(reply: dict[str, Any]) -> dict[str, Any]:
    if not reply.get("ok"):
        raise AnalysisError(reply.get("error") or "analysis failed")
    return reply


def _decoded(reply: dict[str, Any], cls: type) -> Any:
    """The result in ``reply``, in ``analysis.wire``'s column form (the server is always this tree's own:
    ``desktop.analysis_server``). The reply's columns are dropped as soon as they are decoded."""
    from analysis.wire import decode

    return decode(cls, _checked(reply).pop("columns"))


def _analysis(reply: dict[str, Any]) -> ArticleAnalysis:
    from analysis.results import ArticleAnalysis

    return _decoded(reply, ArticleAnalysis)


def _comparison(reply: dict[str, Any]) -> Comparison:
    from analysis.results import Comparison

    return _decoded(reply, Comparison)


class ProcessBackend:
    """One long-lived analysis server process, shared by all runs and windows."""

    def __init__(self, processes: int | None = None, timeout: float | None = None) -> None:
        from .analysis_server import worker_processes

        self.parallelism = processes or worker_processes()
        self.timeout = timeout or server_timeout()
        self._proc: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()  # the process and the pending table
        self._write_lock = threading.Lock()  # one request line at a time on stdin
        self._pending: dict[int, tuple[subprocess.Popen[str], Future]] = {}
        self._progress: dict[int, Callable[[float], None]] = {}  # request id -> progress callback
        self._next_id = 0
        self._stderr_tail: deque[str] = deque(maxlen=30)
        self.version: str | None = None

    # -- the process
    def prestart(self) -> None:
        """Start the server now: it loads the model while the window is built (on the other core)."""
        with self._lock:
            self._running_locked()

    def _running_locked(self) -> subprocess.Popen[str]:
        if self._proc is None or self._proc.poll() is not None:
            self._proc = self._start()
        return self._proc

    def _start(self) -> subprocess.Popen[str]:
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
        env.pop("QT_QPA_PLATFORM", None)
        proc = subprocess.Popen(
            [sys.executable, "-m", "desktop.analysis_server", "--processes", str(self.parallelism)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", bufsize=1, env=env, cwd=str(PROJECT_ROOT),
        )
        proc.slant_heard = time.monotonic()  # type: ignore[attr-defined] - last sign of life
        proc.slant_ready = False  # type: ignore[attr-defined] - a heartbeat has come (the model is loaded)
        threading.Thread(target=self._drain_stderr, args=(proc,), daemon=True, name="slant-server-stderr").start()
        threading.Thread(target=self._read_replies, args=(proc,), daemon=True, name="slant-server-replies").start()
        threading.Thread(target=self._watch, args=(proc,), daemon=True, name="slant-server-watchdog").start()
        return proc

    def _silent_for(self, proc: subprocess.Popen[str]) -> float:
        return time.monotonic() - getattr(proc, "slant_heard", time.monotonic())

    def _owes(self, proc: subprocess.Popen[str]) -> bool:
        with self._lock:
            return any(p is proc for p, _ in self._pending.values())

    def _watch(self, proc: subprocess.Popen[str]) -> None:
        """Kill the server when it owes replies and has been silent too long (see the module docstring).
        CPU time the server spends counts as a sign of life too (where the system tells it): C code that
        holds Python's lock for long (a huge text in one process) can delay a heartbeat, while a stopped
        or deadlocked server uses none."""
        cpu, sampled = cpu_seconds(proc.pid), time.monotonic()
        while proc.poll() is None:
            time.sleep(min(0.5, self.timeout / 4))
            now_cpu = cpu_seconds(proc.pid)
            if now_cpu is not None and cpu is not None and now_cpu > cpu:
                # it ran since the last sample: alive then (not necessarily now: it may have just been stopped)
                proc.slant_heard = max(getattr(proc, "slant_heard", 0.0), sampled)  # type: ignore[attr-defined]
            cpu, sampled = now_cpu, time.monotonic()
            limit = self.timeout if getattr(proc, "slant_ready", False) else max(self.timeout, STARTUP_TIMEOUT_S)
            silent = self._silent_for(proc)
            if silent > limit and self._owes(proc):
                self._give_up(proc, NOT_RESPONDING.format(s=silent))
                return

    def _give_up(self, proc: subprocess.Popen[str], message: str) -> None:
        """Kill ``proc`` and fail what it owes with ``message`` (the next request starts a new server)."""
        proc.slant_end_message = message  # type: ignore[attr-defined] - what the reply reader reports
        self._kill(proc)
        self._fail_pending(proc, message)

    def cancel_pending(self) -> None:
        """The user cancelled: a server that owes replies and has not been heard from for a few heartbeats is
        stuck (a healthy one would have sent one), so it is stopped now and what it owes fails; a healthy
        server finishes what it is doing."""
        with self._lock:
            proc = self._proc
        if proc is None or proc.poll() is not None or not self._owes(proc):
            return
        asked = time.monotonic()
        deadline = asked + 3 * HEARTBEAT_S + 0.5
        while time.monotonic() < deadline and proc.poll() is None:
            if getattr(proc, "slant_heard", 0.0) > asked:
                return  # alive: it finishes what it is doing
            time.sleep(0.1)
        if proc.poll() is None and self._owes(proc):
            self._give_up(proc, "The analysis was cancelled; the analysis server was not responding and was stopped.")

    def _drain_stderr(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            self._stderr_tail.append(line.rstrip())

    def _read_replies(self, proc: subprocess.Popen[str]) -> None:
        assert proc.stdout is not None
        try:
            for line in proc.stdout:
                proc.slant_heard = time.monotonic()  # type: ignore[attr-defined]
                try:
                    reply = json.loads(line)
                except ValueError:
                    continue
                finally:
                    del line  # a reply may be tens of MB: not kept while it is decoded
                if not isinstance(reply, dict):
                    continue
                if reply.get("heartbeat"):
                    proc.slant_ready = True  # type: ignore[attr-defined]
                    continue
                if "ok" not in reply and "progress" in reply:  # a progress line, before the reply
                    self._report(reply)
                    continue
                with self._lock:
                    self._progress.pop(reply.get("id"), None)
                    entry = self._pending.pop(reply.get("id"), None)
                if entry is not None:
                    entry[1].set_result(reply)
        except (OSError, ValueError):
            pass
        # The process ended: whatever it still owed fails (instead of waiting for ever).
        try:
            proc.wait(timeout=1)
        except subprocess.TimeoutExpired:
            pass
        tail = "\n".join(list(self._stderr_tail)[-5:])
        message = getattr(proc, "slant_end_message", None)
        self._fail_pending(proc, message or "The analysis process stopped unexpectedly." + (f"\n{tail}" if tail else ""))

    def _report(self, reply: dict[str, Any]) -> None:
        with self._lock:
            callback = self._progress.get(reply.get("id"))
        if callback is not None:
            try:
                callback(float(reply["progress"]))
            except Exception:  # noqa: BLE001 - a listener's error must not stop the reader
                pass

    def _fail_pending(self, proc: subprocess.Popen[str], message: str) -> None:
        with self._lock:
            owed = [i for i, (p, _) in self._pending.items() if p is proc]
            futures = [self._pending.pop(i)[1] for i in owed]
            for i in owed:
                self._progress.pop(i, None)
        for fut in futures:
            if not fut.done():
                fut.set_exception(AnalysisError(message))

    # -- requests
    def submit_request(self, msg: dict[str, Any], progress: Callable[[float], None] | None = None) -> Future:
        """Send ``msg``; the future gets the server's reply (a dict with ``ok``). ``progress`` is called
        (in a reader thread) with the fraction done whenever the server reports one."""
        fut: Future = Future()
        with self._lock:
            proc = self._running_locked()
            self._next_id += 1
            ident = self._next_id
            self._pending[ident] = (proc, fut)
            if progress is not None:
                self._progress[ident] = progress
        line = json.dumps(dict(msg, id=ident)) + "\n"  # ASCII: lone surrogates survive
        try:
            with self._write_lock:
                assert proc.stdin is not None
                proc.stdin.write(line)
                proc.stdin.flush()
        except (OSError, ValueError) as exc:
            self._kill(proc)
            self._fail_pending(proc, f"The analysis process stopped unexpectedly ({exc}).")
        return fut

    def request(self, msg: dict[str, Any]) -> dict[str, Any]:
        return _checked(self.submit_request(msg).result())

    def submit(self, article: Any, progress: Callable[[float], None] | None = None) -> Future:
        """Analyse ``article`` in the server; the future gets its ``ArticleAnalysis``; ``progress`` gets
        the fraction done now and then (long articles)."""
        request = {"cmd": "analyze", "article": article_payload(article)}
        return chain(self.submit_request(request, progress), convert=_analysis)

    def warm(self) -> str:
        self.version = self.request({"cmd": "warm"}).get("version")
        return self.version or ""

    def analyze(self, article: Any, progress: Callable[[float], None] | None = None) -> ArticleAnalysis:
        return self.submit(article, progress).result()

    def compare(self, analyses: list[ArticleAnalysis]) -> Comparison:
        from analysis.wire import encode

        reply = self.submit_request({"cmd": "compare", "columns": [encode(a) for a in analyses]})
        return _comparison(reply.result())

    def _kill(self, proc: subprocess.Popen[str]) -> None:
        with self._lock:
            if self._proc is proc:
                self._proc = None
        try:
            proc.kill()
            proc.wait(timeout=5)
        except Exception:  # noqa: BLE001 - already gone
            pass

    def shutdown(self) -> None:
        with self._lock:
            proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=2)
        except Exception:  # noqa: BLE001
            proc.kill()


class ThreadBackend:
    """Analysis in this process, one article at a time (holds the GIL for long stretches: see above)."""

    version: str | None = None
    parallelism = 1

    def warm(self) -> str:
        from analysis import nlp
        from analysis.pipeline import analyzer_version

        nlp.get_nlp()
        nlp.get_vader()
        self.version = analyzer_version()
        return self.version

    def prestart(self) -> None:
        pass  # nothing to start: the model loads on the first request (or warm-up)

    def analyze(self, article: Any, progress: Callable[[float], None] | None = None) -> ArticleAnalysis:
        from .lexicon_guard import analyze_article  # a broken user lexicon: built-in ones, with a note

        return analyze_article(article, progress=progress)

    def compare(self, analyses: list[ArticleAnalysis]) -> Comparison:
        from analysis import compare

        return compare(analyses)

    def shutdown(self) -> None:
        pass


_backend: ProcessBackend | ThreadBackend | None = None
_backend_lock = threading.Lock()


def backend() -> ProcessBackend | ThreadBackend:
    """The process-wide backend (the server process is shared by every window and test)."""
    global _backend
    with _backend_lock:
        if _backend is None:
            kind = os.environ.get("SLANT_ANALYSIS_BACKEND", "process").lower()
            _backend = ThreadBackend() if kind == "thread" else ProcessBackend()
            import atexit

            atexit.register(_backend.shutdown)
        return _backend


def current_backend() -> ProcessBackend | ThreadBackend | None:
    return _backend
