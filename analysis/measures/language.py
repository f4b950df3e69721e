"""Is this English? Share of word tokens that are common English function words.

Running English prose has roughly 40-50 % function words ("the", "of", "and", "said" ...); other
languages, even in Latin script, share few of them. Below 15 % the text is flagged as not English:
it is still analysed, but the lexicons and the parser are English-only, so findings are unreliable.
"""
from __future__ import annotations

import unicodedata

from ..context import DocContext
from ..results import Language

THRESHOLD = 0.15
MIN_WORDS = 8


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def detect_language(ctx: DocContext) -> Language:
    from spacy.lang.en.stop_words import STOP_WORDS

    tokens = [t for sent in ctx.body_sentences for t in sent if not t.is_punct and any(c.isalpha() for c in t.text)]
    letters = [c for t in tokens for c in t.text if c.isalpha()]
    if not letters:
        return Language(False, 0.0, "No words found: there is nothing to analyse.")
    latin = sum(1 for c in letters if _is_latin(c)) / len(letters)
    words = [t for t in tokens if t.is_alpha]
    share = sum(1 for t in words if t.lower_ in STOP_WORDS) / len(words) if words else 0.0
    if latin < 0.5:
        return Language(
            False,
            share,
            "This text is mostly not in the Latin alphabet, so it is not English: Slant's word lists and "
            "grammar rules are for English, so its findings here are unreliable.",
        )
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
