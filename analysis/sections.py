"""Analysing a text of several megabytes in sections, so that memory stays bounded.

An ordinary article is one section: the whole text is parsed into one ``Doc`` and every measure reads
it. A text longer than ``section_chars()`` (1,000,000 characters: a novel's length, far beyond any news
article) is cut into sections of at most that many characters, at a paragraph break where there is
one (``analysis.nlp.chunks``); each section is parsed and measured on its own, its ``Doc`` let go, and
its findings kept with their offsets moved into the whole text (``Part``, ``merge``). The peak memory is
then one section's parse and measures plus the findings so far, instead of the whole text's ``Doc`` and
every measure's working memory at once (measured on a 10 MB article: see README, Performance).

What differs from reading the text whole: nothing a rule sees within a paragraph. A quotation or an
attribution running across a section's cut is read as two, and a name is keyed across sections by the
naming measure's own rules (``naming.unify_keys``: "Kishida" in a later section is "Fumio Kishida"
written in an earlier one). Readability, the language check, the counts and the tone aggregates are
computed over the whole text exactly as for one section.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from .measures.language import LanguageCounts
from .measures.naming import unify_keys
from .results import Attribution, BoilerplateSpan, Hedge, LoadedTerm, Mention, Sentence, TargetTone

SECTION_CHARS = 1_000_000
MIN_SECTION_CHARS = 2_000


def section_chars() -> int:
    """The longest section: ``$SLANT_SECTION_CHARS`` (tests set it small), else ``SECTION_CHARS``."""
    from .nlp import env_size

    return env_size("SLANT_SECTION_CHARS", SECTION_CHARS, MIN_SECTION_CHARS)


def bounds(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """The sections of ``text`` as (start, end) character offsets: one for a text of at most ``size``
    characters, else cut where ``analysis.nlp.chunks`` cuts (a paragraph break, else a line break, else
    a sentence end...)."""
    from .nlp import chunks

    size = size or section_chars()
    if len(text) <= size:
        return [(0, len(text))]
    out, start = [], 0
    for piece in chunks(text, size):
        out.append((start, start + len(piece)))
        start += len(piece)
    return out


def local_boilerplate(spans: Sequence[BoilerplateSpan], start: int, end: int) -> tuple[BoilerplateSpan, ...]:
    """The page furniture of ``text[start:end]``, with offsets into that section (cut at its edges)."""
    if start == 0 and all(b.end <= end for b in spans):
        return tuple(spans)  # the whole text, or a first section holding all of it
    out = []
    for b in spans:
        if b.end <= start or b.start >= end:
            continue
        s, e = max(b.start, start), min(b.end, end)
        out.append(BoilerplateSpan(s - start, e - start, b.text[s - b.start : e - b.start], b.reason))
    return tuple(out)


@dataclass
class Part:
    """What the measures found in one section, with offsets into the whole text once ``merge``d (or
    into the section, ``offset`` characters in, before)."""

    offset: int
    loaded: tuple[LoadedTerm, ...]
    attributions: tuple[Attribution, ...]
    hedges: tuple[Hedge, ...]
    mentions: tuple[Mention, ...]
    sentences: tuple[Sentence, ...]
    language: LanguageCounts
    textstat_body: str  # the body sentences as ``readability.body_for_textstat`` writes them
    words: int  # body words
    body_sentences: int


def merge(parts: Sequence[Part]) -> Part:
    """One ``Part`` for the whole text: each part's findings moved by its offset and put in order, and
    the names keyed across parts (``naming.unify_keys``). Consumes ``parts`` (each is emptied as it is
    taken, so its findings are not held twice)."""
    if len(parts) == 1 and parts[0].offset == 0:
        return parts[0]
    out: dict[str, list[Any]] = {"loaded": [], "attributions": [], "hedges": [], "mentions": [], "sentences": []}
    language, words, body_sentences, bodies = LanguageCounts(), 0, 0, []
    for part in parts:
        for name, found in out.items():
            found.extend(shifted(x, part.offset) for x in getattr(part, name))
            setattr(part, name, ())
        language = language + part.language
        words += part.words
        body_sentences += part.body_sentences
        bodies.append(part.textstat_body)
        part.textstat_body = ""
    keys = unify_keys(out["mentions"])
    mentions = tuple(_rekeyed(m, keys) for m in out["mentions"])
    sentences = tuple(_with_target_keys(s, keys) for s in out["sentences"])
    return Part(0, tuple(out["loaded"]), tuple(out["attributions"]), tuple(out["hedges"]), mentions, sentences,
                language, "\n".join(b for b in bodies if b), words, body_sentences)


def _rekeyed(m: Mention, keys: dict[str, tuple[str, str]]) -> Mention:
    key, label = keys.get(m.entity, (m.entity, m.label))
    return m if (key, label) == (m.entity, m.label) else replace(m, entity=key, label=label)


def _with_target_keys(s: Sentence, keys: dict[str, tuple[str, str]]) -> Sentence:
    if not s.targets or all(keys.get(t.entity, (t.entity,))[0] == t.entity for t in s.targets):
        return s
    targets: list[TargetTone] = [replace(t, entity=keys[t.entity][0]) if t.entity in keys else t for t in s.targets]
    return replace(s, targets=tuple(targets))


@lru_cache(maxsize=None)
def _plan(cls: type) -> tuple[tuple[str, str], ...]:
    """Which fields of a result class hold offsets, from the field types the wire format reads
    (``wire._layout``): ("start"/"end": "offset"; a nested result or None: "one"; a tuple of them: "many")."""
    from .wire import _layout

    kinds = {"record": "one", "records": "many"}
    return tuple((name, "offset" if kind == "scalar" else kinds[kind]) for name, kind, _ in _layout(cls)
                 if kind in kinds or (kind == "scalar" and name in ("start", "end")))


def shifted(obj: Any, delta: int) -> Any:
    """``obj`` (a result dataclass) with every character offset in it, nested ones too, moved by
    ``delta``."""
    if not delta:
        return obj
    changes: dict[str, Any] = {}
    for name, kind in _plan(type(obj)):
        value = getattr(obj, name)
        if kind == "offset":
            changes[name] = value + delta
        elif kind == "one":
            if value is not None:
                changes[name] = shifted(value, delta)
        elif value:
            changes[name] = tuple(shifted(v, delta) for v in value)
    return replace(obj, **changes) if changes else obj
