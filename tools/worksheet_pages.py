"""Regenerate the README's page images of the demo worksheet and its answer key.

    .venv/bin/python tools/worksheet_pages.py [--out resources/screenshots]

Analyses the five demo articles, writes the worksheet and the answer key as PDF (the same code as
``slant export --worksheet`` / ``--answer-key``), prints their page counts and renders page 1 of each with
poppler's ``pdftoppm -png -r 60`` to ``worksheet-p1.png`` and ``answer-key-p1.png``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "resources" / "screenshots"))
    args = parser.parse_args(argv)
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install poppler-utils", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from pypdf import PdfReader

    from analysis import compare
    from analysis.pipeline import analyze_article
    from analysis.sources import load_seeds, seed_story, with_source
    from desktop.exporting import ExportOptions, export

    analyses = [with_source(analyze_article(a), a) for a in load_seeds()]
    comparison = compare(analyses)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for kind, name in (("worksheet", "worksheet-p1"), ("answer_key", "answer-key-p1")):
            pdf = Path(tmp) / f"{kind}.pdf"
            export("pdf", pdf, analyses, comparison, ExportOptions(worksheet=kind, story=seed_story()))
            print(f"{kind}: {len(PdfReader(str(pdf)).pages)} pages")
            subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(out / name)], check=True)
            print(out / f"{name}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
