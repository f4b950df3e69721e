"""What a sentence is about, for matching and for "only one outlet reports": its names and its numbers.

- Names: the people, organisations, places and groups the article's mentions find inside the sentence,
  under their story-level key (``naming.merge_keys``: "Ward" = "Linda Ward"). A one-word name at the very
  start of a sentence that the article never writes capitalised elsewhere is not trusted ("Diggers are set
  to roll in": capitalised only because it starts the sentence).
- Times: weekdays, months and seasons the sentence names ("next spring"), for matching only.
- Numbers: every number the sentence gives, as a value, so "5-2" and "five votes to two" both give {5, 2},
  "$12 million" and "12m" both 12,000,000; 0 and 1 are left out (too common to tell anything apart).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..nlp import get_tokenizer
from ..results import ArticleAnalysis
from .naming import merge_keys
from .textcache import text_cache

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "thousand": 1000,
}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "spring", "summer",
    "autumn", "winter", "yesterday", "tomorrow", "tonight",
}
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_NUM = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class SentenceFacts:
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # story key -> (label, as written)
    numbers: dict[float, str] = field(default_factory=dict)  # value -> as written
    times: set[str] = field(default_factory=set)  # "tuesday", "spring": when it happens (matching only)


def _value(text: str) -> float | None:
    t = text.replace(",", "")
    try:
        return float(t)
    except ValueError:
        return None


_MAYBE_NUMBER = re.compile(r"\d|\b(?:" + "|".join(sorted(WORD_NUMBERS)) + r")\b", re.IGNORECASE)


def numbers_in(text: str) -> dict[float, str]:
    """Number values in a piece of text -> how it wrote them."""
    return dict(_numbers_in(text))


@text_cache(max_chars=1_000_000)  # sentences: thousands of them, not megabytes
def _numbers_in(text: str) -> tuple[tuple[float, str], ...]:
    """``numbers_in`` as items, kept for texts seen before: alignment and the claims ranking read the same
    sentences, and a comparison is recomputed whenever an article is added, edited or closed."""
    if not _MAYBE_NUMBER.search(text):
        return ()  # no digit and no number word: nothing to tokenize
    out: dict[float, str] = {}
    doc = get_tokenizer().tokenizer(text)
    toks = list(doc)
    for i, t in enumerate(toks):
        low = t.lower_
        nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
        values: list[float] = []
        if low in WORD_NUMBERS and low not in ("hundred", "thousand"):
            values = [float(WORD_NUMBERS[low])]
        elif any(c.isdigit() for c in low):
            found = _NUM.findall(low)
            values = [v for v in (_value(x) for x in found) if v is not None]
            suffix = low[len(found[-1]):] if found and low.startswith(found[-1]) else ""
            if len(values) == 1 and suffix in SCALES:
                values = [values[0] * SCALES[suffix]]
        if not values:
            continue
        if len(values) == 1 and nxt in SCALES:
            values = [values[0] * SCALES[nxt]]
            shown = doc[i : i + 2].text
        else:
            shown = t.text
        if i > 0 and toks[i - 1].text in ("$", "£", "€"):
            shown = toks[i - 1].text + shown
        elif i > 0 and toks[i - 1].lower_ in MONTHS:  # a date: "July 9"
            shown = f"{toks[i - 1].text} {shown}"
        for v in values:
            if v not in (0.0, 1.0):
                out.setdefault(v, shown)
    return tuple(out.items())


def _trusted(a: ArticleAnalysis, start: int, sent_start: int, surface: str) -> bool:
    if " " in surface.strip() or start > sent_start:
        return True
    # One word opening the sentence: a name only if the article writes it capitalised elsewhere too.
    return any(m.start() != start for m in re.finditer(rf"\b{re.escape(surface)}\b", a.text))


def sentence_facts(analyses: Sequence[ArticleAnalysis], merged: dict[str, str] | None = None) -> list[list[SentenceFacts]]:
    """Per article, per body sentence: its names (story-level keys) and numbers. ``merged``: the story's
    ``merge_keys``, when the caller has it already."""
    if merged is None:
        merged = merge_keys(analyses)
    out = []
    for a in analyses:
        facts = [SentenceFacts() for _ in a.sentences]
        starts = [s.start for s in a.sentences]
        for m in a.mentions:
            if m.label not in NAME_LABELS:
                continue
            i = _sentence_of(starts, m.span.start)
            if i is None or m.span.end > a.sentences[i].end:
                continue
            if not _trusted(a, m.span.start, a.sentences[i].start, m.span.text):
                continue
            key = merged.get(m.entity, m.entity)
            facts[i].names.setdefault(key, (m.label, m.span.text))
        for i, s in enumerate(a.sentences):
            facts[i].numbers = numbers_in(a.text[s.start : s.end])
            facts[i].times = {w for w in re.findall(r"[a-z]+", a.text[s.start : s.end].lower()) if w in TIME_WORDS}
        out.append(facts)
    return out


def _sentence_of(starts: list[int], pos: int) -> int | None:
    import bisect

    i = bisect.bisect_right(starts, pos) - 1
    return i if i >= 0 else None
