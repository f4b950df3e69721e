"""The analysis worker process: ``python -m desktop.analysis_server``.

Why a process: spaCy's tokenizer and parser are C code that holds Python's GIL for long stretches
(we measured UI pauses of ~0.5 s with analysis in a thread), so the window's thread would stall.
A separate process has its own GIL; the window talks to it from a QRunnable over pipes.

Workers: the server loads the model, lexicons and dictionaries first, then (on Linux/BSD with more
than one core) forks helper processes that share what it loaded, copy-on-write, so two articles are
analysed at once at no extra start-up cost (spaCy's own ``nlp.pipe(n_process=...)`` forks the same
way). Replies can come back in any order; each carries its request's id. Helpers exit when the
server goes away. ``SLANT_ANALYSIS_PROCESSES`` sets the number of workers (1: none forked).

Protocol: one JSON object per line on stdin/stdout.
    -> {"id": n, "cmd": "analyze", "article": {text, id, outlet, title, date, notes}}
    <- {"id": n, "ok": true, "columns": analysis.wire.encode(ArticleAnalysis)} | {"id": n, "ok": false, "error": "..."}
    -> {"id": n, "cmd": "compare", "columns": [analysis.wire.encode(ArticleAnalysis), ...]}
    <- {"id": n, "ok": true, "columns": analysis.wire.encode(Comparison)}
    -> {"id": n, "cmd": "warm"}           loads the model; <- {"id": n, "ok": true, "version": "..."}
    <- {"heartbeat": true}                every second once the model is loaded (desktop.engine's watchdog)
While an article is analysed the server may send progress lines before its reply (no "ok" key):
    <- {"id": n, "progress": 0.4}         the fraction done (about every 1 % and at most 4 times a second)
Helpers send theirs through a pipe of their own to the server, which writes them out with its replies
(a helper writing to the window's pipe could land in the middle of a long reply). No Qt here.
Results travel in ``analysis.wire``'s column form (one list per field, every string once), not as
``to_dict()``: a 10 MB article's result as one JSON object per finding took gigabytes in each process.
"""
from __future__ import annotations

import gc
import json
import os
import sys
import threading
import time
import traceback

MAX_DEFAULT_PROCESSES = 2
PROGRESS_INTERVAL = 0.25  # seconds between two progress lines of one request
# a reply this long (about a 170,000-character article) came from work big enough to give its memory back
# after; for a normal article the full collection (130-170 ms with the model loaded) would cost more than
# the memory it returns
RELEASE_AFTER_CHARS = 1_000_000
_progress_out = None  # this process's way to send a progress line: set by main() and in each helper


def worker_processes() -> int:
    """How many analyses run at once: ``$SLANT_ANALYSIS_PROCESSES``, else 2 where the CPU has two cores
    and processes can fork (Linux, BSD), else 1. More would mostly cost memory: the window needs a core."""
    env = os.environ.get("SLANT_ANALYSIS_PROCESSES", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    if not (sys.platform.startswith("linux") or "bsd" in sys.platform):
        return 1
    return max(1, min(MAX_DEFAULT_PROCESSES, os.cpu_count() or 1))


def _handle(msg: dict) -> dict:
    cmd = msg.get("cmd")
    if cmd == "warm":
        from desktop.lexicon_guard import warm_up

        return {"ok": True, "version": warm_up()}  # loads the model, builds the matchers
    if cmd == "analyze":
        from analysis.sources import Article
        from desktop.lexicon_guard import analyze_article  # a broken user lexicon: built-in ones, with a note

        from analysis.wire import encode

        a = msg.pop("article")  # the request's copy of the text goes with the article
        article = Article(text=a["text"], id=a["id"], outlet=a.get("outlet"), title=a.get("title"),
                          date=a.get("date"), notes=tuple(a.get("notes") or ()), path=a.get("path"))
        del a
        # encoded straight from the result (no ``to_dict()`` tree); the parsed Doc is gone by now
        return {"ok": True, "columns": encode(analyze_article(article, progress=_reporter(msg.get("id"))))}
    if cmd == "compare":
        from analysis import compare
        from analysis.results import ArticleAnalysis
        from analysis.wire import decode, encode

        analyses = [decode(ArticleAnalysis, d) for d in msg.pop("columns")]
        return {"ok": True, "columns": encode(compare(analyses))}
    return {"ok": False, "error": f"unknown command {cmd!r}"}


def _reporter(ident: object):
    """A progress callback for request ``ident`` that sends a line now and then (or None: nobody listens)."""
    out = _progress_out
    if out is None or ident is None:
        return None
    last = [0.0, -1.0]  # time, fraction of the last line sent

    def report(fraction: float) -> None:
        now = time.monotonic()
        if fraction - last[1] < 0.01 or now - last[0] < PROGRESS_INTERVAL:
            return
        last[0], last[1] = now, fraction
        try:
            out(json.dumps({"id": ident, "progress": round(fraction, 3)}))
        except OSError:
            pass

    return report


def _serve(msg: dict) -> str:
    """One request -> its reply line (errors are replies too: the server keeps serving)."""
    try:
        reply = _handle(msg)
    except Exception as exc:  # noqa: BLE001 - reported to the window
        reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
    reply["id"] = msg.get("id")
    line = json.dumps(reply)  # ASCII: lone surrogates survive
    del reply
    if len(line) >= RELEASE_AFTER_CHARS:
        release_memory()
    return line


def release_memory() -> None:
    """Give the memory a finished request freed back to the system. The C allocator keeps freed memory
    for later use; after the parse of a 10 MB article (hundreds of MB of C arrays and Python objects)
    that would stay in this process's footprint while the window decodes the reply. ``malloc_trim`` is
    glibc's (Linux); elsewhere nothing is done."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _helper_init(server_pid: int, progress_fd: int | None = None) -> None:
    """In each forked helper: never write to the window's pipe (progress lines go to the server through
    ``progress_fd``; one short ``write`` each, so two helpers' lines never mix), and exit when the server
    is gone."""
    global _progress_out
    if progress_fd is not None:
        _progress_out = lambda line: os.write(progress_fd, (line + "\n").encode("ascii"))  # noqa: E731
    os.dup2(2, 1)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)

    def watch() -> None:
        while os.getppid() == server_pid:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="slant-helper-watchdog").start()


def _start_helpers(processes: int, progress_fd: int | None = None):
    """A pool of ``processes`` forked helpers, or None (one process, or forking unavailable).

    ``concurrent.futures.ProcessPoolExecutor`` rather than ``multiprocessing.Pool``: when a helper dies
    (killed, out of memory), the executor fails the requests it held (``BrokenProcessPool``) where a
    ``Pool`` would lose them and leave the window waiting for ever."""
    if processes < 2:
        return None
    try:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_helper_init, initargs=(os.getpid(), progress_fd))
        pool.submit(int).result()  # fork the helpers now, while this process has no other thread
        return pool
    except (ValueError, OSError):
        traceback.print_exc()
        return None


def _start_heartbeat(send, interval: float | None = None) -> None:
    """A sign of life every ``interval`` seconds, from its own thread (a long analysis does not stop it)."""
    from desktop.engine import HEARTBEAT_S

    period = interval or HEARTBEAT_S
    line = json.dumps({"heartbeat": True})

    def beat() -> None:
        while True:
            try:
                send(line)
            except (OSError, ValueError):  # the window closed its end
                return
            time.sleep(period)

    threading.Thread(target=beat, daemon=True, name="slant-heartbeat").start()


def _relay_progress(fd: int, send) -> None:
    """The helpers' progress lines, passed on to the window with the replies."""
    with os.fdopen(fd, "r", encoding="ascii", errors="replace") as lines:
        for line in lines:
            if line.strip():
                send(line.strip())


def _error_reply(ident: object, exc: BaseException) -> str:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        message = ("The analysis stopped unexpectedly: a worker process was killed (perhaps the computer ran "
                   "out of memory). Analyse again to retry.")
    else:
        from analysis.sources import SourceError

        message = str(exc) if isinstance(exc, SourceError) else f"{type(exc).__name__}: {exc}"  # a user's message
    return json.dumps({"id": ident, "ok": False, "error": message})


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    processes = 1
    if "--processes" in args:
        try:
            processes = max(1, int(args[args.index("--processes") + 1]))
        except (IndexError, ValueError):
            processes = 1
    out = sys.stdout
    sys.stdout = sys.stderr  # stray prints from libraries must not corrupt the protocol
    write_lock = threading.Lock()

    def send(line: str) -> None:
        with write_lock:
            out.write(line)  # not ``line + "\n"``: a reply may be tens of MB, no second copy of it
            out.write("\n")
            out.flush()

    global _progress_out
    _progress_out = send

    # Load everything before the first request (and before forking, so helpers share it). The cyclic
    # garbage collector is off while loading (nothing loaded is garbage) and what was loaded is frozen
    # before forking, so neither start-up nor the helpers' collections touch those objects (CPython's
    # advice for fork without exec: gc.disable early, gc.freeze before fork, gc.enable after).
    gc.disable()
    warmed = True
    try:
        _handle({"cmd": "warm"})
    except Exception:  # noqa: BLE001 - every request reports the problem (e.g. the model is missing)
        traceback.print_exc()
        warmed = False
    # Start-up ran at normal priority (a cold launch waits for it); the analyses run below the window's
    # process, so it stays responsive while both cores analyse.
    try:
        os.nice(int(os.environ.get("SLANT_WORKER_NICE", "10")))
    except (AttributeError, OSError, ValueError):
        pass
    gc.freeze()
    pool = None
    if warmed and processes > 1:
        progress_r, progress_w = os.pipe()
        pool = _start_helpers(processes, progress_w)
        threading.Thread(target=_relay_progress, args=(progress_r, send), daemon=True,
                         name="slant-progress").start()
    gc.enable()
    _start_heartbeat(send)  # only now: no thread may run while the helpers are forked

    def delivered(fut, ident) -> None:
        try:
            send(fut.result())
        except BaseException as exc:  # noqa: BLE001 - a helper died: this request fails, the server goes on
            send(_error_reply(ident, exc))

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        if pool is not None and msg.get("cmd") in ("analyze", "compare"):
            try:
                fut = pool.submit(_serve, msg)
            except Exception:  # noqa: BLE001 - broken pool: serve here, one at a time, from now on
                traceback.print_exc()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
            else:
                fut.add_done_callback(lambda f, i=msg.get("id"): delivered(f, i))
                continue
        send(_serve(msg))
    if pool is not None:  # the window closed its end: pending work is of no use
        pool.shutdown(wait=False, cancel_futures=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
