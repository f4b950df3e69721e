"""Readability of the article body with textstat, on spaCy's sentence split.

textstat finds sentences by looking for full stops, so a headline or subheading without one would
glue onto the next sentence and make a 200-word "sentence". We give textstat one line per body
sentence, each closed with a full stop when it has none (only in the copy given to textstat).
"""
from __future__ import annotations

import threading
from importlib import resources

from ..context import DocContext
from ..results import Readability

_lock = threading.Lock()
_ready = False


def _install_fast_cmudict_reader() -> None:
    """Give NLTK a CMU dictionary reader that parses the file in one pass.

    textstat asks for ``nltk.corpus.cmudict.dict()``; NLTK's stock reader streams the 135,000 lines
    through a corpus view, about 2 s on this project's machines, paid by every cold start. This reader
    (a subclass, registered through NLTK's own ``LazyCorpusLoader``) returns the same dictionary from
    the same file in about a tenth of that.
    """
    import nltk.corpus
    from nltk.corpus.reader import CMUDictCorpusReader
    from nltk.corpus.util import LazyCorpusLoader

    class FastCMUDictReader(CMUDictCorpusReader):
        def dict(self):  # noqa: A003 - NLTK's name
            out: dict[str, list[list[str]]] = {}
            for fileid in self.fileids():
                with self.open(fileid) as stream:
                    for line in stream.read().splitlines():
                        pieces = line.split()
                        if pieces:
                            out.setdefault(pieces[0].lower(), []).append(pieces[2:])
            return out

    nltk.corpus.cmudict = LazyCorpusLoader("cmudict", FastCMUDictReader, ["cmudict"])


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


def readability(ctx: DocContext) -> Readability:
    words = len(ctx.body_words)
    sentences = len(ctx.body_sentences)
    if words == 0 or sentences == 0:
        return Readability(0.0, 0.0, 0.0, 0.0)
    ts = _textstat()
    body = body_for_textstat(ctx)
    return Readability(
        flesch_reading_ease=float(ts.flesch_reading_ease(body)),
        flesch_kincaid_grade=float(ts.flesch_kincaid_grade(body)),
        gunning_fog=float(ts.gunning_fog(body)),
        words_per_sentence=words / sentences,
    )
