"""The ``slant`` command.

    slant [FILE ...]                         open the window (the demo seeds when no file is given)
    slant --screenshot PATH [FILE ...]       render the window after analysis to a PNG and exit
    slant analyze [FILE ...] [--format json|csv|text]
    slant export --format pdf|html|xlsx|csv|json -o PATH [FILE ...]

``analyze`` needs no Qt at all; ``export`` needs Qt only for PDF (offscreen, no display needed).
With no FILE, ``analyze`` and ``export`` use the five demo seeds.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence

ANALYZE_FORMATS = ("json", "csv", "text")
EXPORT_FORMATS = ("pdf", "html", "xlsx", "csv", "json")


def _load_articles(files: Sequence[str]):
    from analysis.sources import SourceError, load_seeds, read_article

    if not files:
        return load_seeds(), []
    arts, errors = [], []
    for f in files:
        try:
            arts.append(read_article(f))
        except SourceError as exc:
            errors.append(str(exc))
    return arts, errors


# Articles longer than this (characters) report their progress on stderr while they are analysed.
PROGRESS_CHARS = 200_000


def progress_printer(label: str, stream=None):
    """A progress callback that prints "slant: analysing LABEL… 40%" to ``stream`` (stderr): on a terminal
    one line updated in place, else a line every 10 %."""
    stream = stream or sys.stderr
    tty = bool(getattr(stream, "isatty", lambda: False)())
    shown = [-1]

    def report(fraction: float) -> None:
        pct = int(fraction * 100)
        step = pct if tty else pct // 10 * 10
        if step <= shown[0]:
            return
        shown[0] = step
        end = "\r" if tty and pct < 100 else "\n"
        stream.write(f"slant: analysing {label}… {step}%{end}")
        stream.flush()

    return report


def analyse_all(files: Sequence[str]):
    """(analyses, comparison, errors) for FILEs, or for the seeds when none is given. Long articles
    report their progress on stderr."""
    from analysis import compare
    from analysis.pipeline import analyze_article
    from analysis.sources import file_name

    arts, errors = _load_articles(files)
    analyses = []
    for a in arts:
        label = a.outlet or (file_name(a.path) if a.path else a.id)
        report = progress_printer(label) if len(a.text) > PROGRESS_CHARS else None
        analyses.append(analyze_article(a, progress=report))
        if report is not None:
            report(1.0)
    return analyses, compare(analyses), errors


def _text_report(analyses, comparison) -> str:
    out = io.StringIO()
    w = out.write
    w(f"Slant: {len(analyses)} article{'' if len(analyses) == 1 else 's'}\n\n")
    header = f"{'article':<34}{'words':>7}{'loaded/1k':>11}{'hedges/1k':>11}{'unnamed':>9}{'tone':>7}{'FRE':>7}\n"
    w(header)
    w("-" * (len(header) - 1) + "\n")
    for a in analyses:
        c = a.counts
        w(
            f"{a.label[:33]:<34}{c.words:>7}{c.loaded_per_1000_words:>11.1f}{c.hedges_per_1000_words:>11.1f}"
            f"{c.unnamed_source_share:>9.0%}{a.tone.mean:>7.2f}{a.readability.flesch_reading_ease:>7.1f}\n"
        )
    for a in analyses:
        w(f"\n== {a.label}\n")
        for warning in a.warnings:
            w(f"  ! {warning}\n")
        for t in a.loaded_terms:
            w(f"  loaded  {t.text!r:<28} {t.category:<20} {t.why}\n")
        for at in a.attributions:
            src = at.source.text if at.source else "-"
            if at.resolved_source:
                src += f" = {at.resolved_source}"
            w(f"  cue     {at.cue.text!r:<28} {at.cue_class:<12} source: {src} ({at.source_type})\n")
        for h in a.hedges:
            w(f"  hedge   {h.text!r:<28} {h.kind}\n")
    if comparison.only_here:
        w("\nOnly one outlet reports:\n")
        labels = {a.id: a.label for a in analyses}
        for o in comparison.only_here:
            w(f"  [{labels.get(o.article, o.article)}] {' '.join(o.text.split())}\n")
    return out.getvalue()


def _csv_report(analyses) -> str:
    """One row per article: the export's "Articles" table, formula-safe (analysis.export)."""
    from analysis.export.spreadsheet import table_csv
    from analysis.export.tables import articles_table

    return table_csv(articles_table(analyses)).decode("utf-8-sig")


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.document import document

    analyses, comparison, errors = analyse_all(args.files)
    for e in errors:
        print(f"slant: {e}", file=sys.stderr)
    if not analyses:
        return 1
    if args.format == "json":
        json.dump(document(analyses, comparison), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        sys.stdout.write(_csv_report(analyses))
    else:
        sys.stdout.write(_text_report(analyses, comparison))
    return 1 if errors else 0


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.exporting import ExportOptions, export

    analyses, comparison, errors = analyse_all(args.files)
    for e in errors:
        print(f"slant: {e}", file=sys.stderr)
    if not analyses:
        return 1
    story = None
    if not args.files:
        from analysis.sources import seed_story

        story = seed_story()
    options = ExportOptions(include_texts=not args.no_texts, blind=args.blind, story=story)
    try:
        export(args.format, args.output, analyses, comparison, options)
    except OSError as exc:
        print(f"slant: could not write {args.output}: {exc}", file=sys.stderr)
        return 1
    print(args.output)
    return 1 if errors else 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in ("analyze", "export"):
        parser = argparse.ArgumentParser(prog=f"slant {argv[0]}")
        parser.add_argument("files", nargs="*", metavar="FILE", help="articles (.txt/.md); default: the demo seeds")
        if argv[0] == "analyze":
            parser.add_argument("--format", choices=ANALYZE_FORMATS, default="text")
            args = parser.parse_args(argv[1:])
            return cmd_analyze(args)
        parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
        parser.add_argument("-o", "--output", required=True, metavar="PATH")
        parser.add_argument("--no-texts", action="store_true", help="leave out the full article texts")
        parser.add_argument("--blind", action="store_true", help="hide outlet names (Outlet A, B, ...)")
        args = parser.parse_args(argv[1:])
        return cmd_export(args)

    parser = argparse.ArgumentParser(prog="slant", description="Compare news articles side by side.",
                                     epilog="Subcommands: 'slant analyze --help', 'slant export --help'.")
    parser.add_argument("files", nargs="*", metavar="FILE", help="articles to open (.txt/.md)")
    parser.add_argument("--screenshot", metavar="PATH", help="render the window to PATH (PNG) after analysis and exit")
    parser.add_argument("--view", choices=("main", "detail", "dashboard"), default="main",
                        help="with --screenshot: what to show")
    args = parser.parse_args(argv)
    from desktop.app import run

    return run(args.files, screenshot=args.screenshot, view=args.view)


def entry() -> int:
    try:
        return main()
    except BrokenPipeError:  # output piped into head & co.
        return 0


if __name__ == "__main__":
    sys.exit(entry())
