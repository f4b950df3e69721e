"""Is this English? Share of word tokens that are common English function words.

Running English prose has roughly 40-50 % function words ("the", "of", "and", "said" ...); other
languages, even in Latin script, share few of them. Below 15 % the text is flagged as not English:
it is still analysed, but the lexicons and the parser are English-only, so findings are unreliable.
"""
from __future__ import annotations

from ..context import DocContext
from ..results import Language

THRESHOLD = 0.15
MIN_WORDS = 8


def detect_language(ctx: DocContext) -> Language:
    from spacy.lang.en.stop_words import STOP_WORDS

    words = [t for t in ctx.doc if t.is_alpha and ctx.token_in_body(t)]
    if not words:
        return Language(False, 0.0, "No words found: there is nothing to analyse.")
    share = sum(1 for t in words if t.lower_ in STOP_WORDS) / len(words)
    if len(words) < MIN_WORDS:
        return Language(True, share, "Too short to tell the language; analysed as English.")
    if share < THRESHOLD:
        return Language(
            False,
            share,
            "This text does not look like English: Slant's word lists and grammar rules are for English, "
            "so its findings here are unreliable.",
        )
    return Language(True, share, "")
