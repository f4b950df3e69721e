"""The array versions of the model's attribute ruler and lemmatizer annotate every token exactly as the stock
components do, so no finding changes with them (analysis/array_components.py)."""
from __future__ import annotations

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from analysis import nlp
from analysis.array_components import ArrayAttributeRuler, ArrayLemmatizer, use_array_components

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]

ODD_TEXTS = [
    "",
    " ",
    "\n\n",
    "There is a cat. There's a dog, and there were two. It gets better; he got it. Do it! I did have it.",
    "I ain't going. You ain't seen nothing. Ain't nobody here. It ain'T so.",
    "Whom did she tell? That which is done. Those who wait. Which one? This is it; that was them.",
    "\U0001F600" * 40 + " ok",
    "A  \n  b\t\tc \n\n  ",
    "it's it . It'S IT. To be or not to be: 'tis the question.",
    "Prime Minister Fumio Kishida said on Tuesday that the talks, which began in 2019, had stalled.",
]


@pytest.fixture(scope="module")
def seeds_text():
    from analysis.sources import load_seeds

    return "\n\n".join(a.text.strip() for a in load_seeds())


@pytest.fixture(scope="module")
def stock_pipeline():
    """The same pipeline as Slant's, with the model's own attribute ruler and lemmatizer."""
    nlp.get_nlp()  # registers Slant's components
    ref = nlp.load_base_model()
    ref.add_pipe("slant_line_breaks", before="parser")
    ref.add_pipe("slant_long_sentences", before="parser")
    return ref


def _same_annotations(a, b) -> None:
    assert [t.text for t in a] == [t.text for t in b]
    x, y = a.to_array(ATTRS), b.to_array(ATTRS)
    diff = numpy.flatnonzero((x != y).any(axis=1)) if len(a) else []
    assert not len(diff), [(a[i].text, a[i].pos_, b[i].pos_, str(a[i].morph), str(b[i].morph), a[i].lemma_,
                            b[i].lemma_) for i in diff[:5]]


def test_slant_uses_the_array_versions():
    kinds = dict(nlp.get_nlp().pipeline)
    assert isinstance(kinds["attribute_ruler"], ArrayAttributeRuler)
    assert kinds["attribute_ruler"].rules  # every pattern of the model is evaluated, none left to the stock one
    assert isinstance(kinds["lemmatizer"], ArrayLemmatizer)


def test_every_token_is_annotated_as_the_stock_components_do(stock_pipeline, seeds_text, monkeypatch):
    monkeypatch.setattr(ArrayAttributeRuler, "SMALL", 0)  # short texts through the arrays too
    ours = nlp.get_nlp()
    for text in [*nlp.chunks(seeds_text), *ODD_TEXTS]:
        _same_annotations(ours(text), stock_pipeline(text))


def test_a_parsed_article_is_the_same_doc_either_way(stock_pipeline, seeds_text):
    """Through ``parse`` (pieces, joining): the same Doc as the stock components give."""
    _same_annotations(nlp.parse(seeds_text), nlp.parse(seeds_text, stock_pipeline))


def _ruler_pipeline(patterns):
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return blank, ruler


RULES = [
    {"patterns": [[{"IS_ALPHA": True}]], "attrs": {"TAG": "W", "POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": {"IN": ["the", "a"]}}]], "attrs": {"TAG": "DT", "POS": "DET", "MORPH": "Definite=Def"}},
    # a later rule wins over an earlier one for the same attribute
    {"patterns": [[{"LOWER": "a"}]], "attrs": {"MORPH": "Definite=Ind", "LEMMA": "one"}},
    {"patterns": [[{"TAG": "W", "LOWER": {"NOT_IN": ["cat", "dog"]}}]], "attrs": {"POS": "ADJ"}},
    {"patterns": [[{"LOWER": "ca"}, {"LOWER": {"REGEX": "^n'?t$"}}]], "attrs": {"LEMMA": "can"}, "index": 0},
    {"patterns": [[{"ORTH": "big"}, {"ORTH": "cat"}], [{"ORTH": "small"}, {"ORTH": "dog"}]],
     "attrs": {"POS": "PROPN"}, "index": -1},
    {"patterns": [[{"IS_PUNCT": True}], [{"TEXT": "!"}]], "attrs": {"POS": "PUNCT", "TAG": "."}},
]


def test_rules_of_every_kind_the_array_ruler_reads_give_the_stock_result():
    """Equality, IN, NOT_IN, REGEX, flags, two-token patterns, a negative index, later rules winning."""
    text = "The big cat and a small dog. A dog ca n't sleep; the cat can't! big cat big cat"
    blank, stock = _ruler_pipeline(RULES)
    fast = ArrayAttributeRuler().adopt(stock)
    fast.SMALL = 0
    assert fast.rules is not None
    _same_annotations(fast(blank.make_doc(text)), stock(blank.make_doc(text)))
    assert fast(blank.make_doc("a small dog"))[0].lemma_ == "one"
    assert fast(blank.make_doc("a small dog"))[2].pos_ == "PROPN"


def test_a_rule_it_cannot_evaluate_leaves_the_work_to_the_stock_ruler():
    blank, stock = _ruler_pipeline([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    fast = ArrayAttributeRuler().adopt(stock)
    assert fast.rules is None
    assert fast(blank.make_doc("very very good"))[1].pos_ == "ADV"


def test_use_array_components_is_done_once():
    pipeline = nlp.get_nlp()
    before = pipeline.pipe_names
    use_array_components(pipeline)
    assert pipeline.pipe_names == before
    assert not isinstance(pipeline.get_pipe("attribute_ruler").stock, ArrayAttributeRuler)
