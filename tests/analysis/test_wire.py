"""The column form results travel in between the analysis server and the window (``analysis.wire``):
what the window decodes must be exactly what ``from_dict(to_dict())`` gives, for any text."""
from __future__ import annotations

import copy
import json

import pytest

import analysis
from analysis import compare
from analysis.results import ArticleAnalysis, Comparison, LoadedTerm, Sentence
from analysis.wire import decode, encode


def _over_json(obj):
    """What the other process receives: the column form written to JSON and read back."""
    return json.loads(json.dumps(encode(obj)))


def test_demo_articles_round_trip_exactly(seed_analyses):
    assert sum(len(r.loaded_terms) + len(r.attributions) + len(r.hedges) for r in seed_analyses.values()) > 20
    for key, result in seed_analyses.items():
        expected = ArticleAnalysis.from_dict(json.loads(json.dumps(result.to_dict())))
        got = decode(ArticleAnalysis, _over_json(result))
        assert got == expected, key
        assert got.to_dict() == result.to_dict(), key  # floats rounded as to_dict rounds them
        assert len(got.sentences) == len(result.sentences) > 5, key


def test_comparison_round_trips_exactly(seed_analyses):
    cmp = compare(list(seed_analyses.values()))
    assert decode(Comparison, _over_json(cmp)) == Comparison.from_dict(json.loads(json.dumps(cmp.to_dict())))


@pytest.mark.parametrize("text", ["", "   \n\n", "Café 😀🙂 said the mayor.\ud800 Lone \udfff surrogates.",
                                  "🎉" * 50, "He claimed it was a so-called \"reform\".\n\nShe said nothing."])
def test_odd_texts_round_trip(text):
    result = analysis.analyze(text, outlet=None, title="T\udc80")
    got = decode(ArticleAnalysis, _over_json(result))
    assert got == ArticleAnalysis.from_dict(json.loads(json.dumps(result.to_dict())))
    assert got.text == result.text


def test_each_string_is_sent_and_held_once():
    why = "A loaded word: it judges instead of describing."
    terms = tuple(LoadedTerm(i * 10, i * 10 + 4, "mob", "pejorative", 0.7, why, ("crowd", "group")) for i in range(500))
    result = ArticleAnalysis(
        id="x", outlet=None, title=None, date=None, text="mob " * 1300, language=None, boilerplate=(),
        sentences=(Sentence(0, 4, 0.25, contributions=()),), tone=None, loaded_terms=terms, attributions=(),
        hedges=(), readability=None, counts=None)
    wire = _over_json(result)
    assert wire["strings"].count(why) == 1 and len(json.dumps(wire)) < len(json.dumps(result.to_dict())) / 3
    got = decode(ArticleAnalysis, wire)
    assert got == result
    assert len({id(t.why) for t in got.loaded_terms}) == 1  # one shared string, not 500 copies


def test_damaged_or_foreign_data_is_refused_with_value_error(seed_analyses):
    wire = _over_json(seed_analyses["000"])
    with pytest.raises(ValueError):
        decode(Comparison, copy.deepcopy(wire))
    broken = copy.deepcopy(wire)
    broken["rows"]["loaded_terms"]["rows"]["start"].pop()
    with pytest.raises(ValueError):
        decode(ArticleAnalysis, broken)
    with pytest.raises(ValueError):
        decode(ArticleAnalysis, seed_analyses["000"].to_dict())
