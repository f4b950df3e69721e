"""Quotations: pairing quotation marks, and the quotation next to a reporting frame."""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from ...context import DocContext

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

OPEN_QUOTES = ("“", "„", "«")
CLOSE_QUOTES = ("”", "»")
# '' (two apostrophes) is how some wire feeds and archives write a double quotation mark
STRAIGHT_QUOTES = ('"', "''")
_FRAME_GAP = " \t\n,:;–—-"  # what may stand between a quotation and the "X said" next to it
DASHES = frozenset({"―", "—", "–", "--", "-"})
# what the cue Matcher looks for as a dash: a dash, or a closing quote and a dash the tokenizer kept
# together ("”―")
DASH_FORMS = sorted({*DASHES, *(q + d for q in (*CLOSE_QUOTES, *STRAIGHT_QUOTES, "’") for d in DASHES if len(q + d) == 2)})


def _quotes(ctx: DocContext, marks: list[Token]) -> list[tuple[int, int]]:
    """Char ranges of quotations (marks included), pairing curly quotes and alternating straight ones
    within a paragraph."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    open_straight = False
    text = ctx.text
    for tok in marks:
        ch = tok.text
        if open_at is not None and "\n\n" in text[open_at : tok.idx]:
            open_at = None
        if ch in OPEN_QUOTES or (ch in STRAIGHT_QUOTES and open_at is None):
            open_at = tok.idx
            open_straight = ch in STRAIGHT_QUOTES
        elif open_at is not None and (ch in CLOSE_QUOTES or (ch in STRAIGHT_QUOTES and open_straight)):
            out.append((open_at, tok.idx + len(ch)))
            open_at = None
    return out


def _direct_quote(ctx: DocContext, quotes: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> tuple[int, int] | None:
    """The quotation right before ("'...,' NHK claimed") or right after ("Abe wrote: '...'") the frame
    [lo, hi) on the same line with nothing but punctuation between. A quotation that ends with a full
    stop belongs to the sentence before, not to this frame. None when the frame sits inside a quotation."""
    text = ctx.text
    i = bisect.bisect_right(starts, lo) - 1
    if i >= 0 and quotes[i][1] > lo:  # the cue is itself inside a quotation
        return None
    if i >= 0:
        q_start, q_end = quotes[i]
        gap = text[q_end:lo]
        inner = text[q_start:q_end].strip("\"“”„«»'").rstrip()
        if "\n" not in gap and not gap.strip(_FRAME_GAP) and not inner.endswith("."):
            return quotes[i]
    j = bisect.bisect_left(starts, hi)
    if j < len(quotes):
        gap = text[hi : quotes[j][0]]
        if "\n" not in gap and not gap.strip(_FRAME_GAP):
            return quotes[j]
    return None


def _wrapped_in_quotes(quotes: list[tuple[int, int]], starts: list[int], tok: Token) -> bool:
    """A word standing alone in quotation marks (NATO had “confirmed”) is quoted, not used by the writer."""
    i = bisect.bisect_right(starts, tok.idx) - 1
    return i >= 0 and quotes[i][1] - quotes[i][0] <= len(tok.text) + 3 and quotes[i][1] > tok.idx




def _inside_quotation(quotes: list[tuple[int, int]], starts: list[int], tok: Token) -> bool:
    """The word is inside a quotation: "“I think we will win,” Kishida said" — "think" is Kishida's own
    word, passed on whole by "said"; the writer attributes nothing with it."""
    i = bisect.bisect_right(starts, tok.idx) - 1
    return i >= 0 and quotes[i][0] < tok.idx and tok.idx + len(tok.text) < quotes[i][1]


def _quotation_around(quotes: list[tuple[int, int]], starts: list[int], tok: Token) -> tuple[int, int] | None:
    i = bisect.bisect_right(starts, tok.idx) - 1
    if i >= 0 and quotes[i][0] < tok.idx and tok.idx + len(tok.text) < quotes[i][1]:
        return quotes[i]
    return None
