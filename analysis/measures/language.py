"""Is this English? Share of word tokens that are common English function words.

Running English prose has roughly 40-50 % function words ("the", "of", "and", "said" ...); other
languages, even in Latin script, share few of them. Below 15 % the text is flagged as not English:
it is still analysed, but the lexicons and the parser are English-only, so findings are unreliable.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from ..context import DocContext
from ..results import Language

THRESHOLD = 0.15
MIN_WORDS = 8


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


@dataclass(frozen=True, slots=True)
class LanguageCounts:
    """What the language check counts in a text: letters (and how many are Latin), words of letters only
    (and how many are English stop words). Counts of two parts of a text add up (``+``) to the whole's."""

    letters: int = 0
    latin: int = 0
    words: int = 0
    stop_words: int = 0

    def __add__(self, other: LanguageCounts) -> LanguageCounts:
        return LanguageCounts(self.letters + other.letters, self.latin + other.latin,
                              self.words + other.words, self.stop_words + other.stop_words)


def language_counts(ctx: DocContext) -> LanguageCounts:
    from spacy.lang.en.stop_words import STOP_WORDS

    letters = latin = words = stop = 0
    for sent in ctx.body_sentences:
        for t in sent:
            if t.is_punct or not any(c.isalpha() for c in t.text):
                continue
            for c in t.text:
                if c.isalpha():
                    letters += 1
                    latin += _is_latin(c)
            if t.is_alpha:
                words += 1
                stop += t.lower_ in STOP_WORDS
    return LanguageCounts(letters, latin, words, stop)


def language_from(counts: LanguageCounts) -> Language:
    """The verdict on counts made by ``language_counts`` (of one text, or summed over its parts)."""
    if not counts.letters:
        return Language(False, 0.0, "No words found: there is nothing to analyse.")
    latin = counts.latin / counts.letters
    share = counts.stop_words / counts.words if counts.words else 0.0
    words = counts.words
    if latin < 0.5:
        return Language(
            False,
            share,
            "This text is mostly not in the Latin alphabet, so it is not English: Slant's word lists and "
            "grammar rules are for English, so its findings here are unreliable.",
        )
    if words < MIN_WORDS:
        return Language(True, share, "Too short to tell the language; analysed as English.")
    if share < THRESHOLD:
        return Language(
            False,
            share,
            "This text does not look like English: Slant's word lists and grammar rules are for English, "
            "so its findings here are unreliable.",
        )
    return Language(True, share, "")
