"""Readability of the article body with textstat, on spaCy's sentence split.

textstat finds sentences by looking for full stops, so a headline or subheading without one would
glue onto the next sentence and make a 200-word "sentence". We give textstat one line per body
sentence, each closed with a full stop when it has none (only in the copy given to textstat).
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any

from ..context import DocContext
from ..results import Readability

_lock = threading.Lock()
_cmu_lock = threading.Lock()
_ready = False


class CMUDict(Mapping):
    """NLTK's ``cmudict.dict()`` (word -> list of pronunciations, each a list of phones), read-only.

    Built from one regular-expression pass over the file; a word's phone strings are split only when
    it is looked up. textstat looks up each word of an article once, so a cold start pays about
    0.15 s instead of the 0.5 s of splitting all 135,000 lines up front (2 s with NLTK's own reader).
    """

    _LINE = re.compile(r"^(\S+)[ \t]+\d+[ \t]+(.*)$", re.MULTILINE)  # WORD  n  PHONES

    def __init__(self, text: str) -> None:
        raw: dict[str, list[str]] = {}
        for word, phones in self._LINE.findall(text):
            raw.setdefault(word.lower(), []).append(phones)
        self._raw = raw

    def __getitem__(self, word: str) -> list[list[str]]:
        return [p.split() for p in self._raw[word]]

    def __contains__(self, word: object) -> bool:
        return word in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def _install_fast_cmudict_reader() -> None:
    """Give NLTK a CMU dictionary reader whose ``dict()`` is a ``CMUDict`` (same content, built fast).

    textstat asks for ``nltk.corpus.cmudict.dict()``; NLTK's stock reader streams the 135,000 lines
    through a corpus view, about 2 s on this project's machines, paid by every cold start. This reader
    (a subclass, registered through NLTK's own ``LazyCorpusLoader``) reads the same file.
    """
    import nltk.corpus
    from nltk.corpus.reader import CMUDictCorpusReader
    from nltk.corpus.util import LazyCorpusLoader

    class FastCMUDictReader(CMUDictCorpusReader):
        def dict(self):  # noqa: A003 - NLTK's name
            return _cmudict(self)

    nltk.corpus.cmudict = LazyCorpusLoader("cmudict", FastCMUDictReader, ["cmudict"])


_cmu: CMUDict | None = None


def _cmudict(reader: Any) -> CMUDict:
    """The one CMUDict of this process (textstat's and ``english_word``'s), read on first use."""
    global _cmu
    with _cmu_lock:
        if _cmu is None:
            with reader.open(reader.fileids()[0]) as stream:
                _cmu = CMUDict(stream.read())
        return _cmu


def english_word(word: str) -> bool:
    """True when ``word`` (any case) is an entry of the CMU Pronouncing Dictionary (134,000 English
    words, many names among them)."""
    _textstat()
    import nltk.corpus

    return word.lower() in nltk.corpus.cmudict.dict()


def _textstat():
    """textstat, with NLTK pointed at the CMU dictionary Slant ships (no download, works offline)."""
    global _ready
    import textstat

    with _lock:
        if not _ready:
            import nltk

            data_dir = str(resources.files("resources") / "nltk_data")
            if data_dir not in nltk.data.path:
                nltk.data.path.insert(0, data_dir)
            _install_fast_cmudict_reader()
            _ready = True
    return textstat


def body_for_textstat(ctx: DocContext) -> str:
    lines = []
    for sent in ctx.body_sentences:
        s = " ".join(sent.text.split())
        if not s.endswith((".", "!", "?", "…", '."', ".”", "?”", "!”", '?"', '!"')):
            s += "."
        lines.append(s)
    return "\n".join(lines)


def readability_of(body: str, words: int, sentences: int) -> Readability:
    """The figures for ``body`` as ``body_for_textstat`` writes it (one body sentence a line; the lines of
    a text's parts joined with line breaks give the whole text's), with its ``words`` and ``sentences``."""
    if words == 0 or sentences == 0:
        return Readability(0.0, 0.0, 0.0, 0.0)
    ts = _textstat()
    return Readability(
        flesch_reading_ease=float(ts.flesch_reading_ease(body)),
        flesch_kincaid_grade=float(ts.flesch_kincaid_grade(body)),
        gunning_fog=float(ts.gunning_fog(body)),
        words_per_sentence=words / sentences,
    )
