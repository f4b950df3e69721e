"""CSV and XLSX writers for the tables in ``tables.py``.

Both neutralise text a spreadsheet would run as a formula (OWASP "CSV Injection"): a text cell that
starts with ``=``, ``+``, ``-``, ``@``, tab or carriage return

- in CSV gets a leading apostrophe (``safe.cell``), the form spreadsheets show as plain text;
- in XLSX is stored as an explicit string cell with Excel's "quote prefix" flag, which is exactly what
  Excel itself stores when a user types ``'=...``: the text reads as the article wrote it and is never
  evaluated. No formula (``<f>``) element is ever written.

Numbers stay numbers (only ``str`` values are touched) and get a number format in XLSX.

CSV output for one PATH (see ``write_csv``):

- ``PATH.zip``: one ZIP archive holding one CSV per table (``summary.csv``, ``loaded_terms.csv`` ...);
- an existing folder or a PATH without a suffix: that folder (created if needed), one CSV per table;
- ``PATH.csv`` (any other suffix): PATH holds the Summary table, the others go beside it as
  ``<stem>-<table>.csv`` (``sheet.csv``, ``sheet-loaded_terms.csv``, ...).

CSV files are UTF-8 with a byte-order mark (so Excel reads accents, Japanese and emoji correctly),
comma-separated, RFC 4180 quoting, ``\\r\\n`` line ends; yes/no as ``true``/``false``. A ``;``, tab or ``|``
inside a text cell followed by a formula character gets an apostrophe after it (``cost;'=1+1``,
``safe.cell``): spreadsheets in semicolon locales split CSV on ``;`` and would run the rest as a formula. The files of one
export are written all or nothing (``atomic.write_many``): a full disk never leaves a partial set.
"""
from __future__ import annotations

import contextlib
import csv
import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .atomic import atomic_write, write_bytes, write_many
from .safe import cell, is_formula_like
from .tables import Table

# Characters XML 1.0 cannot hold (openpyxl refuses them): C0 controls except tab, LF, CR.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EXCEL_CELL_LIMIT = 32767


def file_stem(table: Table) -> str:
    return re.sub(r"[^a-z0-9]+", "_", table.name.lower()).strip("_")


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return round(value, 4)
    return cell(value)


def table_csv(table: Table) -> bytes:
    out = io.StringIO(newline="")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([cell(h) for h in table.headers])
    for row in table.rows:
        w.writerow([_csv_value(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def write_csv(path: str | os.PathLike[str], tables: Sequence[Table]) -> list[Path]:
    """Write the tables as CSV (layout by PATH, see the module docstring); return the files written."""
    p = Path(path)
    if p.suffix.lower() == ".zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for t in tables:
                z.writestr(f"{file_stem(t)}.csv", table_csv(t))
        write_bytes(p, buf.getvalue())
        return [p]
    targets = csv_files_for(p, tables)
    data = [table_csv(t) for t in tables]
    made_folder = False
    if p.is_dir() or not p.suffix:
        made_folder = not p.exists()
        p.mkdir(parents=True, exist_ok=True)
    try:
        write_many(list(zip(targets, data)))  # all or nothing: never a partial set
    except BaseException:
        if made_folder:
            with contextlib.suppress(OSError):
                p.rmdir()
        raise
    return targets


def csv_files_for(path: str | os.PathLike[str], tables: Sequence[Table]) -> list[Path]:
    """Where ``write_csv`` puts each table for a non-ZIP PATH (for callers that want to list them)."""
    p = Path(path)
    if p.is_dir() or not p.suffix:
        return [p / f"{file_stem(t)}.csv" for t in tables]
    return [p] + [p.with_name(f"{p.stem}-{file_stem(t)}.csv") for t in tables[1:]]


# --------------------------------------------------------------------------------------------- XLSX

NUMBER_FORMATS = {"int": "#,##0", "num": "0.0", "num3": "+0.00;-0.00;0.00", "pct": "0%"}


def _set(ws, row: int, col: int, value: Any, kind: str):
    from openpyxl.cell.cell import TYPE_STRING

    c = ws.cell(row=row, column=col)
    if value is None:
        return c
    if isinstance(value, str):
        text = _ILLEGAL_XML.sub("\ufffd", value)[:EXCEL_CELL_LIMIT]
        c.value = text
        c.data_type = TYPE_STRING  # never a formula, whatever the text starts with
        if is_formula_like(text):
            c.quotePrefix = True
        return c
    c.value = value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and kind in NUMBER_FORMATS:
        c.number_format = NUMBER_FORMATS[kind]
    return c


def xlsx_bytes(tables: Sequence[Table], about: Sequence[tuple[str, Any]] = ()) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    head_font = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E8E8E8")
    outlier_font = Font(bold=True)
    for t in tables:
        ws = wb.create_sheet(_sheet_name(t.name))
        for j, h in enumerate(t.headers, 1):
            c = _set(ws, 1, j, h, "text")
            c.font, c.fill = head_font, head_fill
        widths = [len(h) for h in t.headers]
        for i, row in enumerate(t.rows, 2):
            row_kind = t.row_kinds[i - 2] if t.row_kinds else None
            for j, v in enumerate(row, 1):
                kind = t.kinds[j - 1]
                if row_kind and kind == "num":
                    kind = row_kind
                c = _set(ws, i, j, v, kind)
                if isinstance(v, str):
                    widths[j - 1] = max(widths[j - 1], min(len(v), 60))
                    if len(v) > 60:
                        c.alignment = Alignment(wrap_text=True, vertical="top")
                elif v is not None:
                    widths[j - 1] = max(widths[j - 1], 8)
        if t.name == "Summary":
            _mark_outliers(ws, t, outlier_font)
        for j, w in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(j)].width = max(8, min(w + 2, 62))
        ws.freeze_panes = "A2" if t.name != "Summary" else "B2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(t.headers))}{max(1, len(t.rows) + 1)}"
    if about:
        ws = wb.create_sheet("About")
        for i, (k, v) in enumerate(about, 1):
            _set(ws, i, 1, k, "text").font = head_font
            _set(ws, i, 2, v, "text")
        ws.column_dimensions["A"].width = 24
        ws.column_dimensions["B"].width = 100
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _mark_outliers(ws, t: Table, font) -> None:
    """Bold the outlier values in the Summary sheet (the Outliers column says it in words too)."""
    n_outlets = len(t.headers) - 5
    for i, row in enumerate(t.rows, 2):
        outliers = {s.strip() for s in (row[3 + n_outlets] or "").split(",") if s.strip()}
        for j in range(n_outlets):
            if t.headers[2 + j] in outliers:
                ws.cell(row=i, column=3 + j).font = font


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", " ", name)[:31]


def write_xlsx(path: str | os.PathLike[str], tables: Sequence[Table], about: Sequence[tuple[str, Any]] = ()) -> None:
    data = xlsx_bytes(tables, about)
    with atomic_write(path, "wb") as f:
        f.write(data)
