"""Article text and metadata out of saved web pages (trafilatura) and Word files (python-docx).

Each reader returns ``Extracted``: the article text, whatever metadata the file carries and notes for
the user (what was cut). The original file is never written to.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field

from .decoding import SourceError, check_encoding, decode

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
DOCX_SUFFIXES = (".docx",)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_LOOKS_LIKE_HTML = re.compile(r"\A\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                              re.I | re.S)


@dataclass
class Extracted:
    text: str
    meta: dict[str, str] = field(default_factory=dict)  # outlet, title, byline, date, url
    notes: list[str] = field(default_factory=list)
    encoding: str | None = None


def looks_like_html(text: str) -> bool:
    """A whole web page (pasted page source, or a page saved without .html): starts like one."""
    return bool(_LOOKS_LIKE_HTML.match(text[:4096]))


def decode_html(data: bytes, name: str, encoding: str | None = None,
                declared: str | None = None) -> tuple[str, list[str], str]:
    """Bytes of a page -> text: the user's choice, else a byte-order mark / UTF-8, else the charset the
    server (``declared``) or the page's own ``<meta charset>`` names, else detection."""
    if encoding:
        return decode(data, name, encoding)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, name)
    try:
        return data.decode("utf-8"), [], "utf-8"
    except UnicodeDecodeError:
        pass
    for cand in (declared, _meta_charset(data)):
        if not cand:
            continue
        try:
            enc = check_encoding(cand)
            return data.decode(enc), [], enc
        except (SourceError, UnicodeDecodeError, LookupError):
            continue
    return decode(data, name)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii", "replace") if m else None


def extract_html(page: str, name: str, url: str | None = None) -> Extracted:
    """The main text of a web page and its title, site name (outlet), author (byline) and date."""
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - a dependency; named for a broken install
        raise SourceError(f"Cannot read web pages: the trafilatura library is missing ({exc}).") from exc
    try:
        doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a message, not a crash
        raise SourceError(f"{name} could not be read as a web page ({type(exc).__name__}: {exc}).") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise SourceError(f"No article text was found in the web page {name}. Copy the article's text from "
                          "your browser and paste it instead.")
    meta: dict[str, str] = {}
    for key, attr in (("title", "title"), ("outlet", "sitename"), ("byline", "author"), ("date", "date")):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[key] = " ".join(value.split())
    if "outlet" in meta and meta["outlet"].startswith("@"):  # a Twitter handle is all some pages give
        meta["outlet"] = meta["outlet"][1:]
    if url:
        meta["url"] = url
    total = len(page)
    notes = [f"web page: kept {len(text):,} of {total:,} characters of the page (menus, scripts and "
             "markup left out by the extractor; the file itself is unchanged)"]
    return Extracted(text=text, meta=meta, notes=notes)


def extract_docx(data: bytes, name: str) -> Extracted:
    """Paragraph text of a Word file (one paragraph per line), with its title and author properties."""
    try:
        import docx
    except ImportError as exc:  # pragma: no cover
        raise SourceError(f"Cannot read Word files: the python-docx library is missing ({exc}).") from exc
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a damaged or mislabelled file
        raise SourceError(f"{name} is not a Word (.docx) file Slant can read ({type(exc).__name__}). Save it "
                          "again as .docx, or as plain text.") from exc
    paragraphs = [p.text for p in document.paragraphs]
    while paragraphs and not paragraphs[-1].strip():
        paragraphs.pop()
    while paragraphs and not paragraphs[0].strip():
        paragraphs.pop(0)
    text = "\n".join(paragraphs)
    meta: dict[str, str] = {}
    props = document.core_properties
    for key, value in (("title", props.title), ("byline", props.author)):
        # "python-docx" is the author of that library's blank template, not of the article
        if isinstance(value, str) and value.strip() and value.strip() != "python-docx":
            meta[key] = value.strip()
    notes = []
    if document.tables:
        notes.append(f"Word file: {len(document.tables)} table(s) not included (paragraph text only)")
    return Extracted(text=text, meta=meta, notes=notes, encoding=None)
