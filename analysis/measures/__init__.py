"""The measures: each reads one ``DocContext`` and returns its findings."""
from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any, Callable, Generic, Hashable, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from spacy.vocab import Vocab

T = TypeVar("T")


class PerVocab(Generic[T]):
    """Something built once per spaCy ``Vocab`` (a measure's matchers), shared between threads.

    ``get(vocab)`` builds with ``build(vocab, *args)`` on first use and returns the same object after;
    ``variant`` tells apart builds for one vocab from different inputs (e.g. a lexicon's signature).
    The vocab is kept with what was built for it, so a recycled ``id()`` never returns a stale build.
    With ``limit``, the whole cache is dropped once it holds that many builds."""

    def __init__(self, build: Callable[..., T], limit: int | None = None) -> None:
        self._build = build
        self._limit = limit
        self._lock = threading.Lock()
        self._built: dict[tuple[int, Hashable], tuple[Vocab, T]] = {}

    def get(self, vocab: Vocab, variant: Hashable = None, *args: Any) -> T:
        key = (id(vocab), variant)
        with self._lock:
            hit = self._built.get(key)
            if hit is not None and hit[0] is vocab:
                return hit[1]
            value = self._build(vocab, *args)
            if self._limit is not None and len(self._built) >= self._limit:
                self._built.clear()
            self._built[key] = (vocab, value)
            return value

    def clear(self) -> None:
        with self._lock:
            self._built.clear()
