"""Array versions of two stock components of the English model, with the same output, at a fraction of the
cost: the attribute ruler and the lemmatizer.

Measured on the benchmark's texts (``bench/bench_analyze.py``, 12,683 tokens), the model's attribute ruler
took 0.5 s of the 4.3 s the pipeline takes (12 %): spaCy's ``Matcher`` tries each of its 179 one-token
patterns (a tag's part of speech and morphology; a few words by tag or dependency) on every token, about
40 µs a token. Each of those patterns is a test of a few token attributes, so here it is one numpy
comparison over all tokens at once. The lemmatizer sets each token's lemma in a Python loop (0.13 s);
a lemma depends only on the word, its part of speech and its morphology (the stock lemmatizer caches it
by just that key), so here it is worked out once per distinct key.

Both read everything from the loaded model's own components (its patterns, tables, settings), so they
follow the model, not a copy of it. Where a component uses anything this module does not evaluate the
same way (a pattern with an operator, a fuzzy match or an extension attribute, a lemmatizer mode other than "rule" or
"lookup"), the stock component runs instead. ``tests/analysis/test_array_components.py`` checks that
every token attribute equals the stock pipeline's, on the demo articles and on odd texts.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

ATTRIBUTE_RULER = "slant_array_attribute_ruler"
LEMMATIZER = "slant_array_lemmatizer"


def register() -> None:
    from spacy.language import Language

    if ATTRIBUTE_RULER in Language.factories:
        return

    @Language.factory(ATTRIBUTE_RULER)
    def _make_ruler(nlp: Language, name: str) -> ArrayAttributeRuler:
        return ArrayAttributeRuler()

    @Language.factory(LEMMATIZER)
    def _make_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
        return ArrayLemmatizer()


def use_array_components(nlp: Language) -> None:
    """Put the array versions in place of ``nlp``'s attribute ruler and lemmatizer (same names, same place
    in the pipeline); each keeps the stock component it replaces and runs it where it cannot do the same."""
    register()
    for name, factory in (("attribute_ruler", ATTRIBUTE_RULER), ("lemmatizer", LEMMATIZER)):
        if name not in nlp.pipe_names:
            continue
        stock = nlp.get_pipe(name)
        if isinstance(stock, (ArrayAttributeRuler, ArrayLemmatizer)):
            continue
        nlp.replace_pipe(name, factory).adopt(stock)


# token attributes the Matcher compares as string ids (or 0/1 flags), the same values ``Doc.to_array`` gives
_READABLE = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE", "PREFIX", "SUFFIX"}
_WRITABLE = ("POS", "TAG", "MORPH", "LEMMA", "DEP")


class ArrayAttributeRuler:
    """spaCy's ``AttributeRuler.__call__`` as array operations: every pattern is matched on the attributes
    before any is applied, and where patterns set the same attribute of a token, the one added last wins
    (spaCy sorts the matches by pattern and applies them in that order)."""

    # below this many tokens the stock ruler is quicker (about 40 µs a token against about 3 ms a Doc)
    SMALL = 100

    def __init__(self) -> None:
        self.stock: Any = None
        self.rules: list[tuple[list[list[list[tuple[int, str, Any]]]], int, list[tuple[int, int]]]] | None = None
        self.read: list[int] = []
        self.write: list[int] = []

    def adopt(self, stock: Any) -> ArrayAttributeRuler:
        self.stock = stock
        self.rules = self._compile(stock)
        return self

    def _compile(self, stock: Any) -> list | None:
        from spacy import attrs as A
        from spacy.strings import get_string_id

        read: set[int] = set()
        writable = {getattr(A, n) for n in _WRITABLE}
        rules = []
        for i, entry in enumerate(stock.patterns):
            attrs = stock.attrs[i]
            index = stock.indices[i]
            if any(not isinstance(a, int) or a not in writable for a in attrs):
                return None
            alternatives = []
            for pattern in entry["patterns"]:
                if not pattern or not (-len(pattern) <= index < len(pattern)):
                    return None  # spaCy raises for this; let it
                tests = []
                for token in pattern:
                    one = []
                    for key, value in token.items():
                        key = key.upper() if isinstance(key, str) else key
                        if key == "TEXT":
                            key = "ORTH"
                        # a lexeme flag (IS_SPACE, IS_PUNCT...): ids below 64; IS_SENT_START is not one
                        flag = isinstance(key, str) and key.startswith("IS_") and getattr(A, key, 64) < 64
                        if not isinstance(key, str) or (key not in _READABLE and not flag):
                            return None
                        attr = getattr(A, key)
                        if flag:
                            if not isinstance(value, bool):
                                return None
                            one.append((attr, "==", int(value)))
                        elif isinstance(value, str):
                            one.append((attr, "==", get_string_id(value)))
                        elif isinstance(value, dict) and value:
                            for op, values in value.items():
                                if op == "REGEX" and isinstance(values, str):
                                    one.append((attr, op, re.compile(values)))
                                elif op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in values):
                                    one.append((attr, op, tuple(get_string_id(v) for v in values)))
                                else:
                                    return None
                        else:
                            return None
                        read.add(attr)
                    tests.append(one)
                alternatives.append(tests)
            rules.append((alternatives, index, sorted(attrs.items())))
        self.read, self.write = sorted(read), sorted({a for r in rules for a, _ in r[2]})
        return rules

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None or len(doc) < self.SMALL:
            return self.stock(doc)
        n = len(doc)
        if not self.write:
            return doc
        import numpy

        values = doc.to_array(self.read) if self.read else numpy.zeros((n, 0), dtype="uint64")
        values = values.reshape(n, len(self.read))
        column = {a: values[:, k] for k, a in enumerate(self.read)}
        out = doc.to_array(self.write).reshape(n, len(self.write))
        where = {a: k for k, a in enumerate(self.write)}
        cache: dict[tuple, Any] = {}
        for alternatives, index, attrs in self.rules:
            hit = numpy.zeros(n, dtype=bool)
            for tests in alternatives:
                k = len(tests)
                if k > n:
                    continue
                starts = numpy.ones(n - k + 1, dtype=bool)
                for j, one in enumerate(tests):
                    for attr, op, value in one:
                        key = (attr, op, value)
                        mask = cache.get(key)
                        if mask is None:
                            mask = cache[key] = self._test(doc, column[attr], op, value)
                        starts &= mask[j : j + n - k + 1]
                target = index if index >= 0 else k + index
                hit[target : target + n - k + 1] |= starts
            if hit.any():
                for attr, value in attrs:
                    out[hit, where[attr]] = value
        doc.from_array(self.write, out)
        return doc

    @staticmethod
    def _test(doc: Doc, column: Any, op: str, value: Any) -> Any:
        """Which tokens pass one test, as the Matcher's predicates decide it (on string ids, or on the
        string for a regular expression)."""
        import numpy

        if op == "==":
            return column == value
        if op == "REGEX":
            distinct, inverse = numpy.unique(column, return_inverse=True)
            strings = doc.vocab.strings
            passed = numpy.array([bool(value.search(strings[int(h)])) for h in distinct], dtype=bool)
            return passed[inverse.reshape(-1)]
        mask = numpy.isin(column, numpy.array(value, dtype="uint64"))
        return ~mask if op == "NOT_IN" else mask


class ArrayLemmatizer:
    """spaCy's ``Lemmatizer.__call__`` with each lemma worked out once per (word, part of speech,
    morphology): the stock lemmatizer's own cache key, on which its "rule" and "lookup" modes depend alone."""

    # lemmas remembered across documents, by key; forgotten all at once past this many (a few MB)
    MEMO_SIZE = 50_000

    def __init__(self) -> None:
        self.stock: Any = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def adopt(self, stock: Any) -> ArrayLemmatizer:
        self.stock = stock
        self.memo = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        stock = self.stock
        if stock.mode not in ("rule", "lookup") or type(stock).__call__ is not _stock_lemmatizer_call():
            return stock(doc)
        n = len(doc)
        if n == 0:
            return doc
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not stock._validated:
            return stock(doc)  # the first call checks the tables, as spaCy's does
        array = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(n, 4)
        todo = numpy.arange(n) if stock.overwrite else numpy.flatnonzero(array[:, 3] == 0)
        if not len(todo):
            return doc
        keys, first, inverse = numpy.unique(array[todo, :3], axis=0, return_index=True, return_inverse=True)
        strings = doc.vocab.strings
        memo = self.memo
        if len(memo) > self.MEMO_SIZE:
            memo.clear()
        lemmas = numpy.empty(len(keys), dtype="uint64")
        for k, (key, i) in enumerate(zip(map(tuple, keys.tolist()), first.tolist())):
            lemma = memo.get(key)
            if lemma is None:
                lemma = memo[key] = strings.add(stock.lemmatize(doc[int(todo[i])])[0])
            lemmas[k] = lemma
        array[todo, 3] = lemmas[inverse.reshape(-1)]
        doc.from_array([LEMMA], array[:, 3:4])
        return doc


def _stock_lemmatizer_call() -> Any:
    from spacy.pipeline import Lemmatizer

    return Lemmatizer.__call__
