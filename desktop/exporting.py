"""Export the comparison: one entry point for the app (File > Export..., File > Print) and ``slant export``.

    export(fmt, path, analyses, comparison, options)   fmt in pdf | html | xlsx | csv | json
    print_sheet(analyses, comparison, parent)           the PDF's pages through the platform print dialog

What each format holds:

- ``json``: ``analysis.document.document(analyses, comparison)``, the ``slant analyze --format json``
  schema (always the full texts; ``categories`` does not filter it; blind mode renames outlets).
- ``xlsx``: sheets Summary (metrics per outlet, story median, outliers), Articles, Loaded terms,
  Attributions, Hedges, Distinctive words, Entity naming, Only here, About; filters and frozen headers.
- ``csv``: the same tables; PATH ``x.zip`` -> one ZIP of CSVs; a folder (or PATH without suffix) -> one
  CSV per table in it; ``x.csv`` -> Summary in x.csv, the others beside it as ``x-<table>.csv``.
- ``html`` and ``pdf``: the comparison sheet (overview, per-outlet charts, only-here list, one section per
  article with its highlighted text, legend, glossary).

Every file is written atomically (temp file in the same folder, fsync, rename): a failure leaves any old
file as it was; the CSV files of one export are written all or nothing. Before anything is computed the
target is checked (``analysis.export.target.check_target``, shared by ``slant export -o`` and the export
dialog): a device, FIFO, socket, folder (but for the CSV folder form), empty name or one of the input
articles (``ExportOptions.protect``) is refused with ``ExportTargetError``; a symlink is written through.
Write failures raise ``OSError``; a cancelled export raises ``ExportCancelled``.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.document import document
from analysis.export import ExportCancelled, atomic
from analysis.export.blind import blind as blind_results
from analysis.export.blind import who_was_who
from analysis.export.sheet import Sheet, build_sheet
from analysis.export.spreadsheet import write_csv, write_xlsx
from analysis.export.tables import Table, all_tables
from analysis.export.target import ExportTargetError, check_target
from analysis.pipeline import analyzer_version
from analysis.results import ArticleAnalysis, Comparison

FORMATS = ("pdf", "html", "xlsx", "csv", "json")
FORMAT_NAMES = {
    "pdf": "PDF comparison sheet (*.pdf)",
    "html": "Web page, one file (*.html)",
    "xlsx": "Excel workbook (*.xlsx)",
    "csv": "CSV tables in a ZIP (*.zip)",
    "json": "JSON, Slant analysis schema (*.json)",
}
SUFFIXES = {"pdf": ".pdf", "html": ".html", "xlsx": ".xlsx", "csv": ".zip", "json": ".json"}

Progress = Callable[[int, str], None]
__all__ = ["ExportTargetError", "ExportOptions", "export", "validate_target", "print_sheet"]


@dataclass(frozen=True)
class ExportOptions:
    include_texts: bool = True
    blind: bool = False
    answer_key: bool = False  # blind, plus "who was who" at the end (for the teacher, never the students)
    labels: tuple[tuple[str, str], ...] = ()  # blind letters by article id, as the window shows them
    categories: frozenset[str] | None = None  # highlight category keys (desktop.highlight); None = all
    story: str | None = None  # a line naming the story; default: built from what every article names
    protect: tuple[str, ...] = ()  # the input articles' paths: never written over
    # a classroom worksheet instead of the sheet (PDF and HTML only): "worksheet" (for the students,
    # always blind) or "answer_key" (the worksheet's key: findings marked, answers, who was who)
    worksheet: str = ""


WORKSHEET_KINDS = ("worksheet", "answer_key")
WORKSHEET_FORMATS = ("pdf", "html")


def validate_target(fmt: str, path: str | Path | None, options: ExportOptions | None = None) -> Path:
    """The one check of an export target, for the CLI, the dialog and ``export`` itself.
    Raises ``ExportTargetError`` with a message for the user."""
    # (A CSV export's side files, named after its tables, are checked again once the tables are built.)
    return check_target(path, fmt, options.protect if options else ())


def prepare(analyses: Sequence[ArticleAnalysis], comparison: Comparison, options: ExportOptions
            ) -> tuple[list[ArticleAnalysis], Comparison]:
    """The results as exported: renamed "Outlet A/B/..." in blind mode."""
    if options.blind or options.answer_key:
        return blind_results(analyses, comparison, dict(options.labels) or None)
    return list(analyses), comparison


def reveal_rows(analyses: Sequence[ArticleAnalysis], options: ExportOptions) -> list[tuple[str, str, str, str]]:
    """Who was who, from the results before blinding: only for an answer key."""
    if not options.answer_key:
        return []
    return [(r.label, r.outlet, r.byline, r.site) for r in who_was_who(analyses, dict(options.labels) or None)]


def make_sheet(analyses: Sequence[ArticleAnalysis], comparison: Comparison, options: ExportOptions,
               reveal: Sequence[tuple[str, str, str, str]] = ()) -> Sheet:
    """The comparison sheet (HTML and PDF content) for already prepared results."""
    from desktop import highlight as hl

    return build_sheet(
        analyses, comparison,
        spans_of=hl.spans, styles=hl.load_styles(), paint_order=hl.PAINT_ORDER, version=analyzer_version(),
        categories=options.categories, include_texts=options.include_texts,
        blind=options.blind or options.answer_key, story=options.story, reveal=reveal,
    )


def html_text(sheet: Sheet) -> str:
    from analysis.export.html import render_html
    from desktop import highlight as hl

    styles = hl.load_styles()

    def tone_css(score: float) -> str | None:
        tc = hl.tone_colour(score)
        if tc is None:
            return None
        c = tc[0].lstrip("#")
        return f"background-color: rgba({int(c[0:2], 16)}, {int(c[2:4], 16)}, {int(c[4:6], 16)}, {tc[1]:.2f})"

    css_for = {k: hl.css(k) for k in styles if k != hl.TONE}
    css_for[hl.BOILERPLATE] += " font-size: .85em;"
    return render_html(sheet, css_for=css_for, tone_css=tone_css, labels_for={k: s.label for k, s in styles.items()})


def _about(options: ExportOptions, n: int) -> list[tuple[str, str]]:
    from datetime import datetime

    return [
        ("Made with", "Slant: compares several outlets' versions of one news story"),
        ("Analyser version", analyzer_version()),
        ("Generated", datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("Articles", str(n)),
        ("Outlet names", ("hidden (blind mode: Outlet A, B, ...); who was who is on the Answer key sheet"
                          if options.answer_key else "hidden (blind mode: Outlet A, B, ...)" if options.blind
                          else "shown")),
        ("Summary", "Each metric per outlet, the story median and the outliers (outlets far from the others)."),
        ("Articles sheet", "One row per article: counts, densities, tone, readability."),
        ("Loaded terms", "Charged words and labels, with the rule that fired, why, and neutral alternatives."),
        ("Attributions", "Reporting verbs (cue), their class, the source and its type (named/anonymous/vague/none)."),
        ("Hedges", "Words of speculation and uncertainty."),
        ("Distinctive words", "Words an outlet uses more than the others (weighted log-odds z-score)."),
        ("Entity naming", "How each outlet names the same person, country or event."),
        ("Only here", "Sentences whose content no other outlet reports."),
        ("Offsets", "Start/End are character positions in the article text of the JSON export."),
        ("Text cells", "Text that begins with = + - @ is stored as text (never a formula)."),
    ]


def export(fmt: str, path: str | Path, analyses: Sequence[ArticleAnalysis], comparison: Comparison,
           options: ExportOptions | None = None, *, progress: Progress | None = None,
           cancelled: Callable[[], bool] | None = None) -> None:
    """Write ``fmt`` to ``path`` atomically. Raises ``ExportTargetError`` for a target that must not be
    written (see ``validate_target``), ``OSError`` when the file cannot be written, ``ExportCancelled``
    when ``cancelled()`` turned true first, ``ValueError`` for an unknown format."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")
    options = options or ExportOptions()
    validate_target(fmt, path, options)
    report = progress or (lambda pct, msg: None)
    is_cancelled = cancelled or (lambda: False)

    def check() -> None:
        if is_cancelled():
            raise ExportCancelled()

    report(0, "Preparing")
    if options.worksheet:
        _export_worksheet(fmt, path, analyses, comparison, options, report, check)
        report(100, "Done")
        return
    reveal = reveal_rows(analyses, options)
    analyses, comparison = prepare(analyses, comparison, options)
    check()
    if fmt == "json":
        doc = document(analyses, comparison)
        if reveal:
            doc["answer_key"] = [dict(zip(("shown_as", "outlet", "byline", "site"), row)) for row in reveal]
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        check()
        atomic.write_text(path, text)
    elif fmt in ("xlsx", "csv"):
        tables = all_tables(analyses, comparison, options.categories)
        if reveal:
            tables.append(Table("Answer key", "Who was who (answer key)", ("Shown as", "Outlet", "Byline", "Site"),
                                ("text",) * 4, [list(r) for r in reveal]))
        check()
        if fmt == "xlsx":
            write_xlsx(path, tables, _about(options, len(analyses)))
        else:
            check_target(path, fmt, options.protect, tables)  # the side files by their real names
            write_csv(path, tables)
    elif fmt == "html":
        text = html_text(make_sheet(analyses, comparison, options, reveal))
        check()
        atomic.write_text(path, text)
    else:
        from desktop import export_pdf

        sheet = make_sheet(analyses, comparison, options, reveal)
        data = export_pdf.render_pdf(sheet, progress=report, cancelled=is_cancelled)
        check()
        atomic.write_bytes(path, data)
    report(100, "Done")


def make_worksheet(analyses: Sequence[ArticleAnalysis], comparison: Comparison, options: ExportOptions):
    """The worksheet or its answer key (``options.worksheet``) for results as analysed (blinded here)."""
    from analysis.export.worksheet import build_worksheet
    from desktop import highlight as hl

    from desktop.export_worksheet import fit_pages

    if options.worksheet not in WORKSHEET_KINDS:
        raise ValueError(f"unknown worksheet kind {options.worksheet!r} (choose one of {', '.join(WORKSHEET_KINDS)})")

    def build(answer_key: bool):
        return build_worksheet(analyses, comparison, spans_of=hl.spans, version=analyzer_version(),
                               paint_order=hl.PAINT_ORDER, labels=dict(options.labels) or None,
                               answer_key=answer_key, styles=hl.load_styles(), story=options.story)

    student = build(False)
    kept = fit_pages(student)  # the student's sheet stays a short handout (PDF and HTML alike) ...
    if options.worksheet == "worksheet":
        return student
    key = build(True)
    for art in key.articles:  # ... and its key answers exactly its questions
        art.questions = art.questions[:kept.get(art.id, len(art.questions))]
    return key


def worksheet_html(ws) -> str:
    from analysis.export.worksheet_html import render_worksheet_html
    from desktop import highlight as hl

    styles = hl.load_styles()
    return render_worksheet_html(ws, css_for={k: hl.css(k) for k in styles if k not in (hl.TONE, hl.BOILERPLATE)},
                                 labels_for={k: s.label for k, s in styles.items()})


def _export_worksheet(fmt: str, path: str | Path, analyses: Sequence[ArticleAnalysis], comparison: Comparison,
                      options: ExportOptions, report: Progress, check: Callable[[], None]) -> None:
    if fmt not in WORKSHEET_FORMATS:
        raise ValueError(f"a worksheet is written as {' or '.join(WORKSHEET_FORMATS)}, not {fmt}")
    ws = make_worksheet(analyses, comparison, options)
    check()
    if fmt == "html":
        atomic.write_text(path, worksheet_html(ws))
    else:
        from desktop.export_worksheet import render_worksheet_pdf

        data = render_worksheet_pdf(ws, progress=report, cancelled=check_cancel(check))
        check()
        atomic.write_bytes(path, data)


def check_cancel(check: Callable[[], None]) -> Callable[[], bool]:
    """``check()`` (raises when cancelled) as a ``cancelled()`` predicate."""
    def cancelled() -> bool:
        try:
            check()
        except ExportCancelled:
            return True
        return False
    return cancelled


def print_sheet(analyses: Sequence[ArticleAnalysis], comparison: Comparison, parent=None,
                options: ExportOptions | None = None) -> bool:
    """File > Print: the platform print dialog, then the same pages as the PDF. True when printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    options = options or ExportOptions()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Slant comparison sheet")
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print comparison sheet")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(printer, analyses, comparison, options)


def print_to(printer, analyses: Sequence[ArticleAnalysis], comparison: Comparison,
             options: ExportOptions | None = None) -> bool:
    """Paint the sheet on a configured ``QPrinter`` (also used by tests with a PDF-file printer)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPainter

    from desktop import export_pdf

    options = options or ExportOptions()
    reveal = reveal_rows(analyses, options)
    analyses, comparison = prepare(analyses, comparison, options)
    sheet = make_sheet(analyses, comparison, options, reveal)
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    from desktop.qt_messages import collapsed_font_warnings

    with collapsed_font_warnings():  # one line instead of a flood for scripts no font shapes
        sd = export_pdf.SheetDocument(sheet, printer)
        sd.build()
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            sd.paint(painter, printer.newPage)
        finally:
            painter.end()
    return True
