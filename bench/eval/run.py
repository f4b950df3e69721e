"""How right Slant's findings are on annotated news (``make eval``).

Run: .venv/bin/python bench/eval/run.py [CORPUS ...] [--limit N] [--json] [--misses]
Corpora are read from ``$SLANT_EVAL_DIR``, else ``../shared/eval`` beside the repository; nothing is
copied into the repository. User lexicons are switched off (an empty ``SLANT_LEXICON_DIR``).
Prints, per corpus, precision, recall and F1 of each measure beside plain baselines on the same items,
the targets of issue 9, and the throughput of ``analysis.analyze`` (words per second).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable as a package root
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    __package__ = "bench.eval"

from bench.eval.common import eval_dir, use_empty_user_lexicons  # noqa: E402

# The registry: corpus name -> module under bench/eval/ with ``evaluate(folder, limit=None) -> dict``
# returning {"corpus", "items", "rows": [scoring.row(...)], "throughput": {...}, ...}.
# "alignment" reads no corpus from the folder: its small aligned test set ships in bench/eval/data/alignment/.
CORPORA = {
    "alignment": "bench.eval.alignment",
    "babe": "bench.eval.babe",
    "newsmtsc": "bench.eval.newsmtsc",
    "polnear": "bench.eval.polnear",
}


SHIPPED = {"alignment"}  # test sets that ship with the repository (no corpus folder needed)


def evaluate(name: str, folder: Path, limit: int | None = None) -> dict:
    import importlib

    t0 = time.perf_counter()
    out = importlib.import_module(CORPORA[name]).evaluate(folder, limit)
    out["wall_seconds"] = round(time.perf_counter() - t0, 1)
    return out


def _fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def print_details(details: dict) -> None:
    for title, value in details.items():
        print(f"  {title}:")
        if isinstance(value, dict):
            for k, v in value.items():
                print(f"    {k:>9}: " + "  ".join(f"{c} {n}" for c, n in v.items()))
        else:
            print("    " + (", ".join(f"{w!r} {n}" for w, n in value) or "(none)"))


def print_table(report: dict, misses: bool = False) -> None:
    print(f"== {report['corpus']}: {report['items']} items  ({report.get('file') or report.get('folder', '')})")
    width = max(len(r["system"]) for r in report["rows"])
    measure = None
    for r in report["rows"]:
        if r["measure"] != measure:
            measure = r["measure"]
            print(f"  {measure}")
            print(f"    {'system':<{width}}  {'  P   ':>6}  {'  R   ':>6}  {'  F1  ':>6}  target")
        target = f"{r['target']:.2f}" if r["target"] is not None else ""
        if r["f1"] is None:
            print(f"    {r['system']:<{width}}  {r['note']}   {target}")
            continue
        note = f"  ({r['note']})" if r["note"] else ""
        print(f"    {r['system']:<{width}}  {_fmt(r['precision'])}  {_fmt(r['recall'])}  {_fmt(r['f1'])}  {target:>6}{note}")
    if "offset_check" in report:
        oc = report["offset_check"]
        print(f"  offset check: {oc['spans'] - oc['mismatched']} of {oc['spans']} annotated spans match the text at their offsets")
        for ex in oc["examples"]:
            print(f"    mismatch: {ex}")
    if "class_shares" in report:
        print("  class shares: " + "; ".join(f"{k} {v}" for k, v in report["class_shares"].items()))
    if misses and report.get("details"):
        print_details(report["details"])
    tp = report["throughput"]
    print(f"  throughput: {tp['words_per_second']} words/s of analyze() ({tp['words']} words in {tp['texts']} texts, "
          f"{tp['seconds']} s; {report['wall_seconds']} s in all)")
    print()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpora", nargs="*", metavar="CORPUS",
                    help=f"which corpora (default all): {', '.join(CORPORA)}")
    ap.add_argument("--limit", type=int, default=None, help="only the first N items of each corpus")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    ap.add_argument("--misses", action="store_true",
                    help="also list the most frequent misses and false finds (to learn kinds of wording, not to copy)")
    args = ap.parse_args(argv)
    unknown = [c for c in args.corpora if c not in CORPORA]
    if unknown:
        ap.error(f"no corpus named {', '.join(unknown)}; choose from {', '.join(CORPORA)}")
    folder = eval_dir()
    if not folder.is_dir() and set(args.corpora or CORPORA) - SHIPPED:
        print(f"No evaluation corpora at {folder}: set SLANT_EVAL_DIR to the folder holding babe/, newsmtsc/ "
              "and polnear/.", file=sys.stderr)
        return 2
    use_empty_user_lexicons()
    t0 = time.perf_counter()
    reports = []
    for name in args.corpora or list(CORPORA):
        report = evaluate(name, folder, args.limit)
        reports.append(report)
        if not args.json:
            print_table(report, args.misses)
    if not args.json:
        from analysis import analyzer_version

        print(f"analyser {analyzer_version()} (no user lexicons); {time.perf_counter() - t0:.0f} s in all")
    if args.json:
        from analysis import analyzer_version

        json.dump({"analyzer_version": analyzer_version(), "limit": args.limit, "corpora": reports}, sys.stdout,
                  indent=2, ensure_ascii=False)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
