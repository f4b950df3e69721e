"""Exports of the comparison (pure Python, no Qt): tables for CSV/XLSX, the HTML sheet, blind mode,
atomic writes and spreadsheet-formula safety. The PDF is painted by ``desktop/export_pdf.py`` from the
same ``sheet.Sheet`` the HTML renders; ``desktop/exporting.py`` is the one entry point."""


class ExportCancelled(Exception):
    """The export was cancelled before anything was written."""
