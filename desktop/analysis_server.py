"""The analysis worker process: ``python -m desktop.analysis_server``.

Why a process: spaCy's tokenizer and parser are C code that holds Python's GIL for long stretches
(we measured UI pauses of ~0.5 s with analysis in a thread), so the window's thread would stall.
A separate process has its own GIL; the window talks to it from a QRunnable over pipes.

Protocol: one JSON object per line on stdin/stdout.
    -> {"id": n, "cmd": "analyze", "article": {text, id, outlet, title, date, notes}}
    <- {"id": n, "ok": true, "analysis": ArticleAnalysis.to_dict()} | {"id": n, "ok": false, "error": "..."}
    -> {"id": n, "cmd": "compare", "analyses": [ArticleAnalysis.to_dict(), ...]}
    <- {"id": n, "ok": true, "comparison": Comparison.to_dict()}
    -> {"id": n, "cmd": "warm"}           loads the model; <- {"id": n, "ok": true, "version": "..."}
No Qt here.
"""
from __future__ import annotations

import json
import os
import sys
import traceback


def _handle(msg: dict) -> dict:
    cmd = msg.get("cmd")
    if cmd == "warm":
        from analysis import nlp
        from analysis.pipeline import analyzer_version

        from analysis.pipeline import analyze

        nlp.get_nlp()
        nlp.get_vader()
        analyze("Officials said the talks could resume, according to a statement.")  # builds the matchers
        return {"ok": True, "version": analyzer_version()}
    if cmd == "analyze":
        from analysis.pipeline import analyze_article
        from analysis.sources import Article

        a = msg["article"]
        article = Article(text=a["text"], id=a["id"], outlet=a.get("outlet"), title=a.get("title"),
                          date=a.get("date"), notes=tuple(a.get("notes") or ()))
        return {"ok": True, "analysis": analyze_article(article).to_dict()}
    if cmd == "compare":
        from analysis import compare
        from analysis.results import ArticleAnalysis

        analyses = [ArticleAnalysis.from_dict(d) for d in msg["analyses"]]
        return {"ok": True, "comparison": compare(analyses).to_dict()}
    return {"ok": False, "error": f"unknown command {cmd!r}"}


def main() -> int:
    try:  # the window's process comes first when the CPU is busy
        os.nice(int(os.environ.get("SLANT_WORKER_NICE", "10")))
    except (AttributeError, OSError, ValueError):
        pass
    out = sys.stdout
    sys.stdout = sys.stderr  # stray prints from libraries must not corrupt the protocol
    if "--warm" in sys.argv[1:]:  # load the model before the first request arrives
        try:
            _handle({"cmd": "warm"})
        except Exception:  # the first real request reports the problem
            traceback.print_exc()
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            msg = json.loads(line)
        except ValueError:
            continue
        try:
            reply = _handle(msg)
        except Exception as exc:  # report, keep serving
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "trace": traceback.format_exc()}
        reply["id"] = msg.get("id")
        out.write(json.dumps(reply) + "\n")  # ASCII: lone surrogates survive
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
