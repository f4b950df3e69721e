"""Is this a web page's code rather than an article's text?

Slant reads plain text. A saved web page (HTML) opened as text still gets analysed, nothing of it is
dropped, but its tags, scripts and styles count as words and sentences, so the figures mean little.
This check counts HTML tags (a tag name such as ``p``, ``div`` or ``script`` between
angle brackets) and says so when they make up a noticeable part of the text; a stray ``<br>`` in a
Markdown file, "<3" or "a < b" in prose does not count. (The standard library's ``html.parser`` is
not used: on text such as "<a<a<a..." it takes quadratic time, and any text can reach this check.)
"""
from __future__ import annotations

import re

# Tags of web pages and article markup; other <words> (e.g. "<Name>" placeholders) are not counted.
HTML_TAGS = frozenset(
    "html head body title meta link script style noscript iframe div span p a b i u em strong small br hr "
    "img picture source figure figcaption ul ol li dl dt dd table thead tbody tr td th h1 h2 h3 h4 h5 h6 "
    "article section header footer nav aside main blockquote pre code form input button label select "
    "option svg path time".split()
)
MIN_TAGS = 4
MIN_SHARE = 0.02  # of the text's characters inside counted tags
NOTE = (
    "This looks like a web page's HTML code, not the article's text: Slant reads plain text, so tags and "
    "page code are analysed as words and the figures mean little. Copy the article's text from the browser "
    "and paste it (Ctrl+V), or save the page as text."
)


# An opening, closing or self-closing tag; attributes are bounded so the scan stays linear.
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,15})(?:[\s/][^<>]{0,2000})?>")
_DOCTYPE = re.compile(r"\A\s*<!doctype\s+html", re.IGNORECASE)


def markup_note(text: str) -> str:
    """``NOTE`` when ``text`` is a web page's code (or mostly HTML markup), else ""."""
    if "<" not in text:
        return ""
    if _DOCTYPE.match(text):
        return NOTE
    tags = 0
    tag_chars = 0
    for m in _TAG.finditer(text):
        if m.group(1).lower() in HTML_TAGS:
            tags += 1
            tag_chars += m.end() - m.start()
    if tags >= MIN_TAGS and tag_chars >= MIN_SHARE * len(text):
        return NOTE
    return ""
