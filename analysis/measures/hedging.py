"""Hedging and speculation: "could", "reportedly", "speculation is rising", "if confirmed" ...

Driven by ``resources/lexicons/hedges.toml`` (plus the user's ``hedges*.toml``): each entry is a set of
spaCy token patterns with a kind and a plain-words reason. One ``Matcher`` per ``Vocab`` is built on first
use and reused; the parse's tags keep "May 22" (a month) apart from "may" (a modal verb).

A hedge inside a quotation ("We could see a deal soon," the minister said) is the speaker's, not the
outlet's, and is not counted, as for loaded terms; a short quoted phrase (a scare quote) still counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .. import lexicons
from ..context import DocContext
from ..results import Hedge
from . import PerVocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Span as SpacySpan
    from spacy.vocab import Vocab

LEXICON = "hedges"


@dataclass(frozen=True)
class HedgeEntry:
    id: str
    kind: str
    why: str
    unless_next: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Compiled:
    gate: Matcher  # one pattern per attribute: the words some hedge cannot do without
    triggers: dict[tuple[str, str], frozenset[str]]  # ("LOWER", "could") -> keys of the entries it may start
    by_entry: dict[str, Matcher]  # entry key -> a Matcher with that entry's patterns only
    ungated: Matcher | None  # patterns with no usable gate word: run over the whole text
    entries: dict[str, HedgeEntry]  # match key -> entry


def entries() -> list[tuple[HedgeEntry, list[list[dict[str, Any]]]]]:
    """Every hedge entry in effect (built-in, then the user's) with its token patterns; a user file's
    ``disabled = ["could", ...]`` switches those entries off (by id)."""
    out = []
    layers = lexicons.load_all(LEXICON)
    off = {str(i) for data in layers for i in data.get("disabled", [])}
    for data in layers:
        for raw in data.get("hedge", []):
            if str(raw["id"]) in off:
                continue
            entry = HedgeEntry(
                id=str(raw["id"]),
                kind=str(raw["kind"]),
                why=str(raw.get("why", "")),
                unless_next=frozenset(w.lower() for w in raw.get("unless_next", [])),
            )
            out.append((entry, [list(p) for p in raw["patterns"]]))
    return out


# Words too common to tell where a hedge might be: never used as a pattern's gate word.
_COMMON = frozenset({"be", "to", "there", "if", "the", "a", "an", "have", "do", "that", "it", "of"})


def gate_words(pattern: list[dict[str, Any]]) -> tuple[str, frozenset[str]] | None:
    """A word the pattern cannot match without, as ("LOWER" or "LEMMA", its possible values); None if
    every required token is too common to be worth gating on."""
    for spec in pattern:
        if spec.get("OP") not in (None, "+"):
            continue
        for attr in ("LOWER", "ORTH", "TEXT", "LEMMA"):
            value = spec.get(attr)
            if isinstance(value, str):
                values = [value]
            elif isinstance(value, dict) and set(value) == {"IN"}:
                values = list(value["IN"])
            else:
                continue
            if attr == "LEMMA":
                key, vals = "LEMMA", frozenset(str(v) for v in values)
            else:  # ORTH / TEXT are case-sensitive; gating on their lower case finds a superset
                key, vals = "LOWER", frozenset(str(v).lower() for v in values)
            if not {v.lower() for v in vals} & _COMMON:
                return key, vals
    return None


def _build(vocab: Vocab, _signature: tuple) -> _Compiled:
    from spacy.matcher import Matcher

    by_key: dict[str, HedgeEntry] = {}
    by_patterns: dict[str, list] = {}
    for entry, patterns in entries():
        key = f"hedge:{entry.id}"
        by_key[key] = entry  # a user entry with a built-in id replaces it
        by_patterns[key] = patterns
    gates: dict[str, set[str]] = {"LOWER": set(), "LEMMA": set()}
    triggers: dict[tuple[str, str], set[str]] = {}
    by_entry: dict[str, Matcher] = {}
    ungated: Matcher | None = None
    for key, patterns in by_patterns.items():
        gated = []
        for p in patterns:
            g = gate_words(p)
            if g is None:
                ungated = ungated or Matcher(vocab)
                ungated.add(key, [p])
                continue
            gated.append(p)
            gates[g[0]].update(g[1])
            for word in g[1]:
                triggers.setdefault((g[0], word), set()).add(key)
        if gated:
            by_entry[key] = Matcher(vocab)
            by_entry[key].add(key, gated)
    gate = Matcher(vocab)
    for attr, words in gates.items():
        if words:
            gate.add(attr, [[{attr: {"IN": sorted(words)}}]])
    return _Compiled(gate, {k: frozenset(v) for k, v in triggers.items()}, by_entry, ungated, by_key)


_compiled: PerVocab[_Compiled] = PerVocab(_build, limit=8)


def clear_cache() -> None:
    """Forget the built matchers (after the user edits a lexicon)."""
    _compiled.clear()


SPEECH_MIN_WORDS = 4  # a shorter quotation is a scare quote or a title: the outlet's choice


def _speech_tokens(ctx: DocContext) -> bytearray:
    """1 for each token inside a quotation of at least ``SPEECH_MIN_WORDS`` words (someone's words),
    with the quotation marks loaded terms paired (found once per article)."""
    from .loaded_terms import quotes_of

    doc = ctx.doc
    inside = bytearray(len(doc))
    for q in quotes_of(ctx):
        words = sum(1 for t in doc[q.open + 1 : q.close] if any(c.isalnum() for c in t.text))
        if words >= SPEECH_MIN_WORDS:
            inside[q.open + 1 : q.close] = b"\x01" * (q.close - q.open - 1)
    return inside


def find_hedges(ctx: DocContext) -> tuple[Hedge, ...]:
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = ctx.doc
    if not len(doc):
        return ()
    signature = lexicons.user_signature(LEXICON)  # a changed user file takes effect at once
    compiled = _compiled.get(doc.vocab, signature, signature)
    strings = doc.vocab.strings
    # A Matcher's cost grows with its number of patterns and sets. A one-pattern gate finds the words
    # some hedge needs; only the entries those words can start are run, and only on their sentence.
    todo: dict[int, tuple[SpacySpan, set[str]]] = {}
    for _, i, _ in compiled.gate(doc):
        tok = doc[i]
        keys = compiled.triggers.get(("LOWER", tok.lower_), frozenset()) | compiled.triggers.get(
            ("LEMMA", tok.lemma_), frozenset()
        )
        if not keys:
            continue
        sent = tok.sent
        todo.setdefault(sent.start, (sent, set()))[1].update(keys)
    found: list[tuple[int, int, int]] = []
    for sent, keys in todo.values():
        for key in keys:
            found.extend((m, s + sent.start, e + sent.start) for m, s, e in compiled.by_entry[key](sent))
    if compiled.ungated is not None:
        found.extend(compiled.ungated(doc))
    spans = []
    for match_id, start, end in found:
        entry = compiled.entries[strings[match_id]]
        if entry.unless_next and end < len(doc) and doc[end].lower_ in entry.unless_next:
            continue
        spans.append(Span(doc, start, end, label=match_id))
    speech = _speech_tokens(ctx)
    out = []
    for span in filter_spans(spans):  # longest wins where matches overlap
        if not ctx.span_in_body(span):
            continue
        if speech[span.start] and speech[span.end - 1]:
            continue  # a speaker's own hedge inside a quotation, not the outlet's
        entry = compiled.entries[span.label_]
        out.append(
            Hedge(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                kind=entry.kind,
                why=entry.why,
                rule=f"lexicon:{LEXICON}/{entry.id}",
            )
        )
    return tuple(out)
