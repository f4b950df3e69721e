"""Spreadsheet safety: text that a spreadsheet would run as a formula is made inert.

OWASP "CSV Injection": a cell beginning with ``=``, ``+``, ``-``, ``@``, tab or carriage return may be
executed as a formula by Excel, LibreOffice or Google Sheets. Such text gets a leading apostrophe
(shown by spreadsheets as plain text); numbers stay numbers because only ``str`` values are touched.
"""
from __future__ import annotations

from typing import Any

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def is_formula_like(value: Any) -> bool:
    """True for text a spreadsheet could run as a formula."""
    return isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES)
