"""Spreadsheet safety: text that a spreadsheet would run as a formula is made inert.

OWASP "CSV Injection": a cell beginning with ``=``, ``+``, ``-``, ``@``, tab or carriage return may be
executed as a formula by Excel, LibreOffice or Google Sheets. Such text gets a leading apostrophe
(shown by spreadsheets as plain text); numbers stay numbers because only ``str`` values are touched.

A CSV reader in another locale splits on another character: Excel and LibreOffice in most of Europe split
on ``;`` (some tools on tab or ``|``), so ``cost;=1+1`` becomes the cells ``cost`` and ``=1+1``, a live
formula, whatever the quoting (quotes count only at the start of a field). ``cell`` therefore also puts
an apostrophe after such a separator when a formula character follows it (``cost;'=1+1``).
"""
from __future__ import annotations

import re
from typing import Any

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


FOREIGN_SEPARATORS = ";\t|"
_INNER_FORMULA = re.compile(r"([;\t|])(?=[ \u00a0]*[=+\-@])")


def cell(value: Any) -> Any:
    """A CSV cell's text made inert (see the module docstring); other values unchanged."""
    if not isinstance(value, str):
        return value
    if any(sep in value for sep in FOREIGN_SEPARATORS):
        value = _INNER_FORMULA.sub(r"\1'", value)
    if value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def is_formula_like(value: Any) -> bool:
    """True for text a spreadsheet could run as a formula."""
    return isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES)
