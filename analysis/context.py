"""What every measure receives: the one parsed ``Doc`` plus which parts of the text are body.

The orchestrator builds one ``DocContext`` per article and hands it to each measure function.
Measures must ignore tokens in boilerplate (``ctx.in_body``) and report offsets into ``ctx.text``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .results import BoilerplateSpan

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan, Token


@dataclass
class DocContext:
    text: str
    doc: Doc
    boilerplate: tuple[BoilerplateSpan, ...]
    headline: tuple[int, int] | None = None  # char range of the headline, if one was found
    _starts: list[int] = field(default_factory=list, repr=False)
    _ends: list[int] = field(default_factory=list, repr=False)
    # What one measure works out and another needs too (e.g. the paired quotation marks), keyed by
    # the function that computed it: each is computed once per article.
    shared: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        spans = sorted(self.boilerplate, key=lambda b: b.start)
        self._starts = [b.start for b in spans]
        self._ends = [b.end for b in spans]

    def in_boilerplate(self, start: int, end: int | None = None) -> bool:
        """True when the char range [start, end) overlaps page furniture."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._starts, end - 1) - 1
        while i >= 0:
            if self._ends[i] > start:
                return True
            if self._starts[i] < start - 10_000:  # spans do not nest; no need to look further back
                break
            i -= 1
        return False

    def in_body(self, start: int, end: int | None = None) -> bool:
        return not self.in_boilerplate(start, end)

    def token_in_body(self, token: Token) -> bool:
        return self.in_body(token.idx, token.idx + len(token.text))

    def span_in_body(self, span: SpacySpan) -> bool:
        return self.in_body(span.start_char, span.end_char)

    @cached_property
    def body_sentences(self) -> list[SpacySpan]:
        """Sentences with at least one word, outside boilerplate, trimmed of surrounding white space."""
        out = []
        for sent in self.doc.sents:
            words = [t for t in sent if not t.is_space]
            if not words:
                continue
            trimmed = self.doc[words[0].i : words[-1].i + 1]
            if self.span_in_body(trimmed):
                out.append(trimmed)
        return out

    @property
    def body_words(self) -> list[Token]:
        """The word tokens of the body sentences (a new list each time: a 10 MB article has 1.7 million)."""
        return [t for s in self.body_sentences for t in s if _is_word(t)]

    @cached_property
    def body_word_count(self) -> int:
        """``len(body_words)``, without holding a Python object per token."""
        return sum(1 for s in self.body_sentences for t in s if _is_word(t))

    @cached_property
    def ents(self) -> tuple[SpacySpan, ...]:
        """``doc.ents``, built once: spaCy builds the tuple anew (a walk over every token) on each access,
        and so does ``Span.ents`` (it filters ``doc.ents``), which inside a loop over a long article's
        sentences made the analysis quadratic in its length."""
        return tuple(self.doc.ents)

    @cached_property
    def _ent_starts(self) -> list[int]:
        return [e.start for e in self.ents]

    def ents_in(self, span: SpacySpan) -> list[SpacySpan]:
        """``span.ents`` (the entities wholly inside ``span``), found by binary search."""
        ents = self.ents
        i = bisect.bisect_left(self._ent_starts, span.start)
        out = []
        while i < len(ents) and ents[i].start < span.end:
            if ents[i].end <= span.end:
                out.append(ents[i])
            i += 1
        return out

    def is_headline(self, start: int, end: int) -> bool:
        return self.headline is not None and start >= self.headline[0] and end <= self.headline[1]


def _is_word(t: Token) -> bool:
    return not (t.is_punct or t.is_space) and any(c.isalnum() for c in t.text)
