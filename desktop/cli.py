"""The ``slant`` command.

    slant [FILE|URL ...]                     open the window (the demo seeds when no file is given)
    slant --screenshot PATH [FILE ...]       render the window after analysis to a PNG and exit
    slant analyze [FILE|URL ...] [--format json|csv|text]
    slant export --format pdf|html|xlsx|csv|json -o PATH [FILE|URL ...]
    slant export --worksheet|--answer-key --format pdf|html -o PATH [FILE|URL ...]
    slant glossary -o glossary.pdf|glossary.html   the students' glossary, printable

FILE is a text (.txt/.md, any encoding), a saved web page (.html/.htm), a Word file (.docx) or a saved
comparison (.slant: its shown articles); URL an http(s) address, fetched and extracted like a saved page. Reading options (all three commands):
``--encoding ENC`` (decode files with ENC), ``--meta FILE`` (a metadata file in the seeds.toml format;
by default a ``slant.toml`` or ``seeds.toml`` beside the files is used), and for one article
``--outlet``, ``--title``, ``--byline``, ``--date``.

``analyze`` needs no Qt at all; ``export`` needs Qt only for PDF (offscreen, no display needed).
With no FILE, ``analyze`` and ``export`` use the five demo seeds.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable, Sequence

ANALYZE_FORMATS = ("json", "csv", "text")
EXPORT_FORMATS = ("pdf", "html", "xlsx", "csv", "json")


META_OPTIONS = ("outlet", "title", "byline", "date")


def _add_input_options(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group("reading the articles")
    g.add_argument("--encoding", metavar="ENC", help="decode the files with ENC (e.g. cp1252, shift_jis, utf-16); "
                   "default: detected")
    g.add_argument("--meta", metavar="FILE", help="metadata file ([[article]] tables with file, outlet, byline, "
                   "date, title, url); default: slant.toml or seeds.toml beside the files")
    for name in META_OPTIONS:
        g.add_argument(f"--{name}", metavar=name.upper(), help=f"the article's {name} (one FILE or URL only)")


def _reading(args: argparse.Namespace | None) -> tuple[dict, str | None]:
    """(metadata given on the command line, an error message or None)."""
    if args is None:
        return {}, None
    meta = {k: getattr(args, k, None) for k in META_OPTIONS if getattr(args, k, None)}
    if meta and len(args.files) != 1:
        opts = ", ".join(f"--{k}" for k in meta)
        verb = "describe" if len(meta) > 1 else "describes"
        return meta, f"{opts} {verb} one article: give exactly one FILE or URL (or use --meta for several)."
    return meta, None


def _load_articles(files: Sequence[str], args: argparse.Namespace | None = None):
    from analysis.sources import SourceError, load_seeds, read_articles

    meta, problem = _reading(args)
    if problem:
        return [], [problem]
    encoding = getattr(args, "encoding", None)
    if not files:
        return load_seeds(), []
    saved, errors = _comparison_articles([f for f in files if str(f).lower().endswith(".slant")])
    files = [f for f in files if not str(f).lower().endswith(".slant")]
    if not files:
        return saved, errors
    try:
        arts, more = read_articles(files, encoding=encoding, meta_file=getattr(args, "meta", None), **meta)
    except SourceError as exc:  # pragma: no cover - read_articles collects per-article errors
        return saved, errors + [str(exc)]
    return saved + arts, errors + more


def _comparison_articles(paths: Sequence[str]):
    """The shown articles of saved comparisons (.slant), in their pane order; a damaged file: one line."""
    from analysis import comparison_file as cf

    arts, errors = [], []
    for p in paths:
        try:
            arts += [s.to_article() for s in cf.load(p).articles if s.shown]
        except cf.ComparisonFileError as exc:
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


def analyse_all(files: Sequence[str], args: argparse.Namespace | None = None):
    """(analyses, comparison, errors) for FILEs and URLs, or for the seeds when none is given. Long
    articles report their progress on stderr."""
    from analysis import compare
    from analysis.pipeline import analyze_article
    from analysis.sources import SourceError, file_name, with_source

    arts, errors = _load_articles(files, args)
    analyses = []
    for a in arts:
        label = a.outlet or (file_name(a.path) if a.path else a.id)
        report = progress_printer(label) if len(a.text) > PROGRESS_CHARS else None
        try:
            analyses.append(with_source(analyze_article(a, progress=report), a))
        except SourceError as exc:  # an article of a comparison file too long to analyse
            errors.append(str(exc))
            continue
        if report is not None:
            report(1.0)
    analyses = _with_lessons(analyses, [f for f in files if str(f).lower().endswith(".slant")])
    return analyses, compare(analyses), errors


def _with_lessons(analyses, paths: Sequence[str]):
    """A lesson file's accepted words and dismissed findings act on its articles' results, as in the window
    (``analysis.lesson.apply_lesson``: the sheets then say how many findings were dismissed)."""
    from analysis import comparison_file as cf
    from analysis.lesson import apply_lesson

    for p in paths:
        try:
            lesson = cf.load(p).lesson
        except cf.ComparisonFileError:
            continue  # already reported when its articles were read
        if lesson is not None:
            analyses = [apply_lesson(a, lesson) for a in analyses]
    return analyses


def _text_report(analyses, comparison) -> str:
    out = io.StringIO()
    w = out.write
    w(f"Slant: {len(analyses)} article{'' if len(analyses) == 1 else 's'}\n\n")
    header = f"{'article':<34}{'words':>7}{'loaded/1k':>11}{'hedges/1k':>11}{'unnamed':>15}{'tone':>7}{'FRE':>7}\n"
    w(header)
    w("-" * (len(header) - 1) + "\n")
    from analysis.compare.outliers import MIN_COUNT, attribution_count, unnamed_count

    for a in analyses:
        c = a.counts
        n = attribution_count(a)
        # the share with its count; "1 of 1" alone when too few to make a share of
        unnamed = "–" if not n else (f"{unnamed_count(a)} of {n}" if n < MIN_COUNT
                                     else f"{unnamed_count(a) / n:.0%} ({unnamed_count(a)}/{n})")
        w(
            f"{a.label[:33]:<34}{c.words:>7}{c.loaded_per_1000_words:>11.1f}{c.hedges_per_1000_words:>11.1f}"
            f"{unnamed:>15}{a.tone.mean:>7.2f}{a.readability.flesch_reading_ease:>7.1f}\n"
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
            if o.reasons:
                w(f"      why: {'; '.join(o.reasons)}\n")
    for c in comparison.coverage:
        if c.sentences:
            w(f"  {labels_of(analyses).get(c.article, c.article)}: {c.shared} of {c.sentences} sentences shared with "
              "another outlet\n")
    return out.getvalue()


def labels_of(analyses) -> dict[str, str]:
    return {a.id: a.label for a in analyses}


def _csv_report(analyses) -> str:
    """One row per article: the export's "Articles" table, formula-safe (analysis.export)."""
    from analysis.export.spreadsheet import table_csv
    from analysis.export.tables import articles_table

    return table_csv(articles_table(analyses)).decode("utf-8-sig")


def cmd_analyze(args: argparse.Namespace) -> int:
    from analysis.document import document

    analyses, comparison, errors = analyse_all(args.files, args)
    for e in errors:
        print(f"slant: {e}", file=sys.stderr)
    if not analyses:
        return 1
    if args.blind:
        from analysis.export.blind import blind

        analyses, comparison = blind(analyses, comparison)
    if args.format == "json":
        json.dump(document(analyses, comparison), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.format == "csv":
        sys.stdout.write(_csv_report(analyses))
    else:
        sys.stdout.write(_text_report(analyses, comparison))
    return 1 if errors else 0


def worksheet_kind(args: argparse.Namespace) -> str:
    """``--worksheet`` -> "worksheet"; ``--answer-key`` as PDF or HTML -> "answer_key" (the worksheet's key);
    otherwise "" (the comparison sheet; ``--answer-key`` as XLSX/CSV/JSON adds who was who to it)."""
    if args.worksheet:
        return "worksheet"
    if args.answer_key and args.format in ("pdf", "html"):
        return "answer_key"
    return ""


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.exporting import ExportOptions, ExportTargetError, export, validate_target

    if args.worksheet and args.format not in ("pdf", "html"):
        print("slant: a worksheet is written as pdf or html (--format pdf|html)", file=sys.stderr)
        return 2
    if args.worksheet and args.answer_key:
        print("slant: --worksheet and --answer-key write two files: run the command once for each", file=sys.stderr)
        return 2
    protect = tuple(args.files)
    try:  # refuse a bad -o before minutes of analysis
        validate_target(args.format, args.output, ExportOptions(protect=protect))
    except ExportTargetError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    analyses, comparison, errors = analyse_all(args.files, args)
    for e in errors:
        print(f"slant: {e}", file=sys.stderr)
    if not analyses:
        return 1
    story = None
    if not args.files:
        from analysis.sources import seed_story

        story = seed_story()
    options = ExportOptions(include_texts=not args.no_texts, blind=args.blind,
                            answer_key=args.answer_key or args.reveal, story=story, protect=protect,
                            worksheet=worksheet_kind(args))
    def write() -> str:
        export(args.format, args.output, analyses, comparison, options)
        return args.output

    return write_and_report(write, args.output) or (1 if errors else 0)


def write_and_report(write: Callable[[], object], output: str) -> int:
    """Run ``write`` (it returns the path written) and say how it went, as every ``slant`` writer does:
    the path on stdout and 0; a refused target (exit 2) or a failed write (exit 1) in one line on stderr."""
    from analysis.export.target import ExportTargetError

    try:
        written = write()
    except ExportTargetError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"slant: could not write {output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(written)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "glossary":  # the students' glossary as PDF or HTML (desktop/glossary_print.py)
        from desktop.glossary_print import cmd_glossary

        return cmd_glossary(argv[1:])
    if argv and argv[0] in ("analyze", "export"):
        parser = argparse.ArgumentParser(prog=f"slant {argv[0]}")
        parser.add_argument("files", nargs="*", metavar="FILE|URL",
                            help="articles (.txt/.md, .html/.htm, .docx, or http(s) addresses); default: the demo seeds")
        _add_input_options(parser)
        if argv[0] == "analyze":
            parser.add_argument("--format", choices=ANALYZE_FORMATS, default="text")
            parser.add_argument("--blind", action="store_true",
                                help="hide each article's outlet, byline, site and page furniture (Outlet A, B, ...)")
            args = parser.parse_args(argv[1:])
            return cmd_analyze(args)
        parser.add_argument("--format", choices=EXPORT_FORMATS, required=True)
        parser.add_argument("-o", "--output", required=True, metavar="PATH")
        parser.add_argument("--no-texts", action="store_true", help="leave out the full article texts")
        parser.add_argument("--blind", action="store_true",
                            help="hide each article's outlet, byline, site and page furniture (Outlet A, B, ...)")
        parser.add_argument("--worksheet", action="store_true",
                            help="a short blind worksheet for students (pdf|html): excerpts richest in findings "
                                 "and questions on them")
        parser.add_argument("--answer-key", action="store_true",
                            help="for the teacher: as pdf|html the worksheet's answer key (findings marked, answers, "
                                 "who was who); as xlsx|csv|json the blind tables plus who was who")
        parser.add_argument("--reveal", action="store_true",
                            help="the whole comparison sheet, blind, with who was who at the end (for the teacher)")
        args = parser.parse_args(argv[1:])
        return cmd_export(args)

    parser = argparse.ArgumentParser(prog="slant", description="Compare news articles side by side.",
                                     epilog="Subcommands: 'slant analyze --help', 'slant export --help', "
                                            "'slant glossary --help'.")
    parser.add_argument("files", nargs="*", metavar="FILE|URL", help="articles to open (.txt/.md, .html/.htm, "
                        ".docx, or http(s) addresses)")
    _add_input_options(parser)
    parser.add_argument("--screenshot", metavar="PATH", help="render the window to PATH (PNG) after analysis and exit")
    parser.add_argument("--view", choices=("main", "detail", "dashboard", "projector", "projector-figures"), default="main",
                        help="with --screenshot: what to show")
    parser.add_argument("--blind", action="store_true",
                        help="start in blind mode (View > Blind outlets): outlets shown as Outlet A, B, ...")
    args = parser.parse_args(argv)
    meta, problem = _reading(args)
    if problem:
        parser.error(problem)
    from desktop.app import run

    reading = dict(meta, encoding=args.encoding, meta_file=args.meta)
    return run(args.files, screenshot=args.screenshot, view=args.view, reading=reading, blind=args.blind)


def entry() -> int:
    from analysis.lexicons import LexiconError

    try:
        return main()
    except BrokenPipeError:  # output piped into head & co.
        return 0
    except LexiconError as exc:  # a user lexicon file is broken: say which and what, no traceback
        print(f"slant: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(entry())
