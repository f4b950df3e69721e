"""Read a Title Case headline as the sentence it is, for the parser only.

"Tax-Hiking Radicals Ram Through Bloated Budget": in Title Case every word looks like a name to the
English model, so it tags them all as proper nouns, gives them no dictionary form ("Radicals" stays
"Radicals") and the lexicons' rules cannot see "radical" or "ram through". Truecasing such text
before tagging is the usual remedy in NLP; Slant does it for the parse only: the parser reads a
copy of the text in which the headline's ordinary words start with a small letter, and the analysis
keeps the user's text exactly as written (``nlp.parse`` puts the original words back).

A headline word keeps its capital when it is the first word, written in capitals ("NATO"), mixed
case ("McDonald"), or written with a capital inside sentences of the article ("Kishida", "Senate").
Otherwise it gets a small letter when the article uses it in small letters, or it is a common
function word, or an English dictionary word (CMU Pronouncing Dictionary); a word the article gives
no clue about and no dictionary knows stays as it is.
"""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_MID_SENTENCE_BEFORE = re.compile(r"[^\W_]|[,;:(–—-]")  # what comes before a word inside a sentence
TITLE_SHARE = 0.7  # share of a headline's content words that start with a capital in Title Case


def _title_form(word: str) -> bool:
    return word[:1].isupper() and (len(word) == 1 or word[1:].islower()) and len(word[:1].lower()) == 1


def _body_usage(text: str, start: int, end: int) -> tuple[set[str], set[str]]:
    """(words used in small letters, Title-form words used inside a sentence) outside the headline."""
    lower: set[str] = set()
    mid_caps: set[str] = set()
    for lo, hi in ((0, start), (end, len(text))):
        for m in _WORD.finditer(text, lo, hi):
            w = m.group()
            if w.islower():
                lower.add(w)
            elif _title_form(w):
                before = text[max(lo, m.start() - 3) : m.start()].rstrip(" \t")
                if before and _MID_SENTENCE_BEFORE.fullmatch(before[-1]):
                    mid_caps.add(w)
    return lower, mid_caps


def sentence_case_headline(text: str, headline: tuple[int, int] | None) -> str:
    """``text`` with a Title Case headline in sentence case (same length, same characters otherwise);
    ``text`` itself when there is no headline or it is not in Title Case."""
    if headline is None:
        return text
    from spacy.lang.en.stop_words import STOP_WORDS

    from .measures.readability import english_word

    start, end = headline
    words = list(_WORD.finditer(text, start, end))
    content = [m.group() for m in words if m.group().lower() not in STOP_WORDS]
    capitalised = [w for w in content if w[:1].isupper()]
    if len(content) < 2 or len(capitalised) < TITLE_SHARE * len(content):
        return text
    lower, mid_caps = _body_usage(text, start, end)
    head = list(text[start:end])
    changed = False
    for m in words[1:]:
        w = m.group()
        if not _title_form(w) or w in mid_caps:
            continue
        small = w.lower()
        if small in lower or small in STOP_WORDS or english_word(small):
            head[m.start() - start] = w[0].lower()
            changed = True
    if not changed:
        return text
    return text[:start] + "".join(head) + text[end:]
