"""The spaCy matchers for the lexicon in effect, built once per ``Vocab``.

Two ``PhraseMatcher``\\ s: one on ``LEMMA`` (so "slammed" finds "slam") and one on ``LOWER`` (the term as
written and any listed ``forms``; this catches words the tagger lemmatises oddly, e.g. "left" in
"far-left" becoming "leave"), plus a ``Matcher`` for quotation-mark tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ... import lexicons
from .. import PerVocab
from .lexicon import NAME, Entry, Lexicon, _load, load_lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


@dataclass
class _Compiled:
    lexicon: Lexicon
    lemma: Any  # PhraseMatcher(attr="LEMMA")
    lower: Any  # PhraseMatcher(attr="LOWER")
    quotes: Any  # Matcher for quotation-mark tokens
    entries: dict[int, Entry]  # match id -> entry


def _pattern_doc(vocab: Vocab, text: str, lemma: bool) -> Doc:
    from spacy.tokens import Doc

    from ...nlp import get_tokenizer

    tokens = get_tokenizer().tokenizer(text)
    doc = Doc(vocab, words=[t.text for t in tokens], spaces=[bool(t.whitespace_) for t in tokens])
    if lemma:
        for t in doc:
            t.lemma_ = t.lower_
    return doc


def _compile(vocab: Vocab, lex: Lexicon) -> _Compiled:
    from spacy.matcher import Matcher, PhraseMatcher

    lemma_m = PhraseMatcher(vocab, attr="LEMMA")
    lower_m = PhraseMatcher(vocab, attr="LOWER")
    entries: dict[int, Entry] = {}
    for entry in lex.entries:
        key = f"{NAME}|{entry.category}|{entry.term}"
        match_id = vocab.strings.add(key)
        entries[match_id] = entry
        lemma_m.add(key, [_pattern_doc(vocab, entry.term, lemma=True)])
        surface = dict.fromkeys((entry.term, *entry.forms))
        lower_m.add(key, [_pattern_doc(vocab, s, lemma=False) for s in surface])
    quotes = Matcher(vocab)
    quotes.add("QUOTE_MARK", [[{"IS_QUOTE": True}]])
    return _Compiled(lex, lemma_m, lower_m, quotes, entries)


_compiled: PerVocab[_Compiled] = PerVocab(_compile, limit=8)


def compiled_for(vocab: Vocab) -> _Compiled:
    """Matchers for the lexicon in effect, built once per ``Vocab`` (and rebuilt when the lexicon changes)."""
    lex = load_lexicon()
    return _compiled.get(vocab, lex.signature, lex)


def clear_cache() -> None:
    """Forget loaded lexicons and built matchers (after changing lexicon files in a running process)."""
    _load.cache_clear()
    lexicons.load_builtin.cache_clear()
    _compiled.clear()
