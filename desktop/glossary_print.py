"""The students' glossary on paper: PDF (Qt's own writer, no browser), HTML, and the printer.

    export_glossary(path, fmt=None)   check the target (analysis/export/target.py), render, write atomically
    render_pdf() -> bytes             the glossary as an A4 PDF
    print_glossary(parent)            the platform print dialog, then the same pages
    cmd_glossary(args)                ``slant glossary -o glossary.pdf|.html``

The text is ``analysis.glossary.to_html`` (the same HTML the glossary window shows), laid out by a
``QTextDocument``; ``QTextDocument.print_`` breaks it into pages and numbers them.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from analysis import glossary
from analysis.export import atomic
from analysis.export.target import ExportTargetError, check_target

FORMATS = ("pdf", "html")
TITLE = "Slant glossary: what the highlights and numbers mean"


def format_for(path: str | Path, fmt: str | None = None) -> str:
    """"pdf" or "html": ``fmt`` when given, else from the file name; ``ExportTargetError`` otherwise."""
    if fmt:
        if fmt not in FORMATS:
            raise ExportTargetError(f"The glossary can be written as PDF or HTML, not {fmt}.")
        return fmt
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix in ("htm", "html"):
        return "html"
    if suffix == "pdf":
        return "pdf"
    raise ExportTargetError(f"{Path(path).name or path}: give a name ending in .pdf or .html (or --format pdf|html).")


def document(links: bool = True):
    """A ``QTextDocument`` holding the whole glossary (needs a Q(Gui)Application)."""
    from PySide6.QtGui import QTextDocument

    from desktop.export_pdf import UI_FAMILIES, font

    doc = QTextDocument()
    doc.setDefaultFont(font(UI_FAMILIES, 10.5))
    doc.setDefaultStyleSheet(glossary.CSS)
    doc.setHtml(glossary.to_html(title=TITLE, standalone=False, links=links))
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, TITLE)
    return doc


def _setup(device, margin_mm: float = 0.0) -> None:
    """A4 portrait. ``QTextDocument.print_`` keeps 2 cm round the text itself, so the PDF needs no more."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize

    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(QMarginsF(*(margin_mm,) * 4), QPageLayout.Unit.Millimeter)


def render_pdf() -> bytes:
    """The glossary as PDF bytes (A4, numbered pages)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPdfWriter

    from analysis import __version__
    from desktop.export_pdf import ensure_app
    from desktop.qt_messages import collapsed_font_warnings

    ensure_app()
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buf)
    writer.setResolution(300)
    _setup(writer)
    writer.setTitle(TITLE)
    writer.setCreator(f"Slant {__version__}")
    with collapsed_font_warnings():
        document().print_(writer)
    buf.close()
    out = bytes(data.data())
    if not out.startswith(b"%PDF"):
        raise OSError("Qt's PDF writer produced no PDF")
    return out


def render_html() -> str:
    return glossary.to_html(title=TITLE)


def export_glossary(path: str | Path, fmt: str | None = None) -> Path:
    """Write the glossary to ``path`` (PDF or HTML, from ``fmt`` or the suffix). The target is checked
    first (no device, FIFO, folder, missing folder); the write is atomic. Returns the path written."""
    fmt = format_for(path, fmt)
    target = check_target(path, fmt)
    if fmt == "pdf":
        atomic.write_bytes(target, render_pdf())
    else:
        atomic.write_text(target, render_html())
    return target


def print_glossary(parent=None) -> bool:
    """The platform print dialog, then the glossary's pages. True when printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Slant glossary")
    _setup(printer, 5.0)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the glossary")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(printer)


def print_to(printer) -> bool:
    """Print the glossary on a configured ``QPrinter``."""
    from desktop.qt_messages import collapsed_font_warnings

    with collapsed_font_warnings():
        document().print_(printer)
    return True


def add_parser(sub_argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="slant glossary",
                                     description="Write the students' glossary (every highlight and number in "
                                                 "plain words) as a printable PDF or an HTML page.")
    parser.add_argument("-o", "--output", required=True, metavar="PATH", help="glossary.pdf or glossary.html")
    parser.add_argument("--format", choices=FORMATS, help="default: from the file name")
    return parser.parse_args(sub_argv)


def cmd_glossary(argv: list[str]) -> int:
    from .cli import write_and_report

    args = add_parser(argv)
    return write_and_report(lambda: export_glossary(args.output, args.format), args.output)
