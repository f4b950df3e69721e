"""Time of each export format for six long articles (about 50,000 words together).

Run: .venv/bin/python bench/bench_export.py [--words 50000]
The six articles are the five seeds plus a sixth made of all five, each repeated to article length; they
are analysed first (not timed), then each format is exported to a temporary folder (best of 2 runs).
Works offscreen with no display. Target: seconds, not minutes, for every format.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import analyze, compare  # noqa: E402
from analysis.sources import load_seeds  # noqa: E402


def articles(total_words: int) -> list[tuple[str, str]]:
    seeds = load_seeds()
    texts = [(a.outlet or a.id, a.text) for a in seeds]
    texts.append(("Compilation", "\n\n".join(a.text for a in seeds)))
    per = total_words / len(texts)
    out = []
    for outlet, text in texts:
        n = max(1, round(per / max(1, len(text.split()))))
        out.append((outlet, "\n\n".join([text] * n)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--runs", type=int, default=2)
    args = ap.parse_args()

    from desktop.export_pdf import ensure_app
    from desktop.exporting import SUFFIXES, ExportOptions, export

    ensure_app()
    arts = articles(args.words)
    t0 = time.perf_counter()
    analyses = [analyze(text, outlet=outlet, id=f"{i:03d}") for i, (outlet, text) in enumerate(arts)]
    comparison = compare(analyses)
    t_an = time.perf_counter() - t0
    words = sum(a.counts.words for a in analyses)
    findings = sum(len(a.loaded_terms) + len(a.attributions) + len(a.hedges) for a in analyses)
    print(f"{len(analyses)} articles, {words:,} body words, {findings:,} findings (analysis: {t_an:.1f} s, not timed below)")
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("pdf", "html", "xlsx", "csv", "json"):
            best = float("inf")
            path = Path(tmp) / f"bench{SUFFIXES[fmt]}"
            for _ in range(args.runs):
                t = time.perf_counter()
                export(fmt, path, analyses, comparison, ExportOptions())
                best = min(best, time.perf_counter() - t)
            size = path.stat().st_size
            extra = ""
            if fmt == "pdf":
                try:
                    import pypdf

                    extra = f", {len(pypdf.PdfReader(str(path)).pages)} pages"
                except ImportError:
                    pass
            print(f"  {fmt:<5} {best:6.2f} s   {size / 1e6:6.2f} MB{extra}")
        t = time.perf_counter()
        export("pdf", Path(tmp) / "blind.pdf", analyses, comparison, ExportOptions(blind=True))
        print(f"  pdf, blind mode {time.perf_counter() - t:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
