"""Display-only paragraph breaks for enormous lines (no Qt here, so workers can compute them).

Qt lays out a text block (a paragraph) as a whole: a 1 MB article on one single line is one block, and
every insertion, resize or repaint re-lays the whole megabyte, which freezes the pane. A pane therefore
shows a line longer than ``MAX_LINE`` characters wrapped into display paragraphs of about ``TARGET``
characters, cut at a safe point: after a sentence end, else after white space, else (a wall of emoji or
one endless "word") between two characters that do not belong to one visible symbol.

The breaks exist only on screen. The user's text is unchanged: ``desktop.highlight.OffsetMap`` maps
every offset of the text to its place in the pane (highlights, find, selection, clicks, the detail panel)
and back, and copying from the pane gives the original text (``ArticleView``). A text without such long
lines (every normal article) gets no break and is shown exactly as it is.
"""
from __future__ import annotations

import re
import unicodedata

MAX_LINE = 3_000  # a line longer than this is shown in display paragraphs
TARGET = 2_000  # about this many characters per display paragraph
SLACK = 500  # a safe point is looked for within TARGET +/- SLACK

_LONG_LINE = re.compile("[^\n\u2029]{%d,}" % (MAX_LINE + 1))
_SENTENCE_END = re.compile("[.!?…。！？][\"'”’»)\\]]*\\s+")
_SPACE = re.compile(r"\s+")
_JOINERS = {"\u200d", "\ufe0e", "\ufe0f", "\u20e3"}


def display_breaks(text: str) -> list[int]:
    """Offsets of ``text`` before which the pane starts a display paragraph (sorted, none in short lines)."""
    out: list[int] = []
    for m in _LONG_LINE.finditer(text):
        pos, end = m.span()
        while end - pos > MAX_LINE:
            pos = _safe_point(text, pos + TARGET - SLACK, pos + TARGET + SLACK)
            out.append(pos)
    return out


def _safe_point(text: str, lo: int, hi: int) -> int:
    """A break offset in (lo, hi]: after the last sentence end there, else after the last white space, else
    near the middle between two characters that are not one symbol (emoji with joiners or modifiers)."""
    window = text[lo:hi]
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(window):
            pass
        if last is not None and last.end() > 0:
            return lo + last.end()
    cut = lo + SLACK
    while cut < hi and not _between_symbols(text, cut):
        cut += 1
    return cut


def _between_symbols(text: str, i: int) -> bool:
    """Whether a break before ``text[i]`` would not split a visible symbol."""
    ch, prev = text[i], text[i - 1]
    if ch in _JOINERS or prev == "\u200d" or unicodedata.category(ch) in ("Mn", "Mc", "Me"):
        return False
    if "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U000e0020" <= ch <= "\U000e007f":  # skin tones, flag tags
        return False
    if "\U0001f1e6" <= ch <= "\U0001f1ff" and "\U0001f1e6" <= prev <= "\U0001f1ff":  # a flag's two letters
        run = i
        while run > 0 and "\U0001f1e6" <= text[run - 1] <= "\U0001f1ff":
            run -= 1
        return (i - run) % 2 == 0
    return True


def display_text(text: str, breaks: list[int]) -> str:
    """``text`` as the pane holds it: a line break before each offset in ``breaks``."""
    if not breaks:
        return text
    parts, last = [], 0
    for b in breaks:
        parts.append(text[last:b])
        last = b
    parts.append(text[last:])
    return "\n".join(parts)
