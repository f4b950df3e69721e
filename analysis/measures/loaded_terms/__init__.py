"""Loaded terms: words the outlet chose that carry a judgement, a feeling or a side.

Two sources of findings:

* The curated lexicon ``resources/lexicons/loaded_terms.toml`` (plus the user's
  ``loaded_terms*.toml`` files, merged in). Entries are lemmas, matched with two spaCy
  ``PhraseMatcher``\\ s built once per ``Vocab``: one on ``LEMMA`` (so "slammed" finds "slam") and one
  on ``LOWER`` (the term as written and any listed ``forms``; this catches words the tagger lemmatises
  oddly, e.g. "left" in "far-left" becoming "leave"). An entry may restrict parts of speech and may
  name a context check that reads the parse:

  - ``label``: a political label is not flagged when it is part of a proper name: capitalised in the
    middle of a sentence ("Conservative rule", "the Left-Wing Alliance") or followed by a party word
    ("Conservative Party").
  - ``person``: words with an everyday meaning ("conservative estimate", "liberal democracy") are
    flagged only when stuck on a person: the word modifies (through amod/compound links) a PERSON
    entity or a person's title ("conservative Prime Minister Kishida"), or stands beside a person as
    an apposition or predicate.
  - ``government``: "regime" counts only when it names a government, not "sanctions regime".
  - ``unattributed``: euphemisms are not flagged when the parse makes them what a speaker says or
    calls something ("Moscow called it a special military operation").

* The scare-quote rule (``rule:scare-quote``): a phrase of 1-3 words in quotation marks (straight
  or curly, double or single) that nobody is quoted as saying. A scare quote holds a name or a label
  (a noun or an adjective); longer quotes, quotes holding a verb of a clause ("to “dominate the
  streets”") or a speaker's "I"/"we"/"you" are pieces of someone's sentence, whose speaker may be named
  a sentence away. A quote right after a verb of naming ("called Powell “a real stiff”") is the name
  someone gave, and after "so-called" the distancing word is the finding. Quotation marks are paired by their
  shape and the spacing around them; a quoted phrase is someone's words when the dependency parse
  makes it the content of a verb of saying (its clause, object or "as"/"of" phrase: Biden asserted
  that Kyiv had to "clean up corruption"; he described it as a "war crime"), and it is a name when it
  follows a verb of naming ("a document known as the ...") or is written in title case. Neither is a
  scare quote. Quotes introduced by a colon and quotes that open a sentence are speech, not scare
  quotes. A quote whose only link to a verb of saying is as its subject ("the 'experts' said") is
  still the writer's.

Words inside quotations are not flagged by the lexicon. Slant measures the outlet's own voice: a
loaded word inside a speaker's quotation is the speaker's, and it is reported by the attribution
measure as a quote with its source. Flagging it as the outlet's word choice would blame the outlet
for accurately quoting someone (the "bitter lesson" in a quoted speech, the "unwavering support" in
a quoted ministry statement). Inside a scare quote the whole quoted phrase is one finding, not also
its words. Boilerplate (``ctx.in_body``) is skipped; headlines are the outlet's words and count.

Lexicons are cached; the cache key includes the user's lexicon files (path, size, mtime), so adding
or editing a user file takes effect on the next call. ``clear_cache()`` drops everything.

Modules: ``lexicon`` (reading and validating the TOML), ``matchers`` (the spaCy matchers per vocab),
``quotes`` (pairing quotation marks; is a span someone's words), ``scare`` (the scare-quote rule),
``context_rules`` (the context checks); this file finds the terms.
"""
from __future__ import annotations

from ...context import DocContext
from ...results import LoadedTerm
from .context_rules import _context_ok
from .lexicon import (
    BUILTIN_ORIGIN,
    CONTEXTS,
    NAME,
    Entry,
    Lexicon,
    ScareRule,
    build_lexicon,
    load_lexicon,
    norm_term,
)
from .matchers import clear_cache, compiled_for
from .quotes import Quote, find_quotes, is_speech, quotes_of
from .scare import SCARE_RULE, scare_quotes

__all__ = [
    "BUILTIN_ORIGIN", "CONTEXTS", "NAME", "SCARE_RULE", "Entry", "Lexicon", "Quote", "ScareRule",
    "build_lexicon", "category_info", "clear_cache", "compiled_for", "find_loaded_terms", "find_quotes",
    "is_speech", "load_lexicon", "norm_term", "quotes_of", "scare_quotes",
]


def find_loaded_terms(ctx: DocContext) -> tuple[LoadedTerm, ...]:
    doc = ctx.doc
    if len(doc) == 0:
        return ()
    comp = compiled_for(doc.vocab)
    rule = comp.lexicon.scare
    quotes = quotes_of(ctx)
    found = scare_quotes(ctx, quotes, rule)

    # Token ranges inside quotation marks: the speaker's words (or the scare quote), not the outlet's.
    quoted = bytearray(len(doc))
    for q in quotes:
        quoted[q.open + 1 : q.close] = b"\x01" * (q.close - q.open - 1)

    def inside_quote(start: int, end: int) -> bool:
        return bool(quoted[start] and quoted[end - 1])

    candidates: dict[tuple[int, int], Entry] = {}
    for match_id, start, end in [*comp.lemma(doc), *comp.lower(doc)]:
        entry = comp.entries.get(match_id)
        if entry is None:
            continue
        prev = candidates.get((start, end))
        if prev is not None and prev.weight >= entry.weight:
            continue
        span = doc[start:end]
        if entry.pos and span.root.pos_ not in entry.pos:
            continue
        if inside_quote(start, end):
            continue
        if not ctx.in_body(span.start_char, span.end_char):
            continue
        if not _context_ok(entry, span, ctx, rule):
            continue
        candidates[(start, end)] = entry

    # Overlaps: keep the longest match (then the heavier one).
    taken = bytearray(len(doc))
    for (start, end), entry in sorted(candidates.items(), key=lambda kv: (-(kv[0][1] - kv[0][0]), -kv[1].weight, kv[0][0])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        span = doc[start:end]
        found.append(
            LoadedTerm(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                category=entry.category,
                weight=entry.weight,
                why=entry.why,
                alternatives=entry.alternatives,
                rule=entry.rule,
            )
        )
    found.sort(key=lambda t: (t.start, t.end))
    return tuple(found)


def category_info(name: str) -> dict[str, str]:
    """Label and plain-words explanation of a category (for the window and exports)."""
    return load_lexicon().categories.get(name, {"label": name.replace("_", " "), "explanation": ""})
