"""The evaluation harness (bench/eval, ``make eval``): its scoring on hand-made gold/pred examples, and a
run on a few items of each corpus when the corpora are there (they are not in a user's clone)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from types import SimpleNamespace as NS  # noqa: E402

from bench.eval import babe, newsmtsc, polnear, scoring  # noqa: E402
from bench.eval.common import eval_dir  # noqa: E402
from bench.eval.run import CORPORA, evaluate  # noqa: E402


def test_word_tokens_are_lowercase_words_with_inner_apostrophes_and_hyphens_kept():
    assert scoring.words("The far-left Mayor didn't SAY it - twice.") == {"the", "far-left", "mayor", "didn't", "say", "it", "twice"}


def test_words_inside_spans_take_every_token_the_span_touches():
    text = "Critics slammed the radical plan."
    # "slammed" (8-15) and a span over part of "radical" (20-23) and the space before it
    assert scoring.words_inside(text, [(8, 15), (19, 23)]) == {"slammed", "radical"}
    assert scoring.words_inside(text, []) == set()


def test_micro_averaged_word_scores_sum_counts_over_sentences():
    prf = scoring.PRF()
    prf.add({"radical", "slammed"}, {"radical"})  # 1 right, 1 missed
    prf.add({"lie"}, {"claimed", "lie", "very"})  # 1 right, 2 wrong
    prf.add(set(), set())
    assert (prf.tp, prf.n_pred, prf.n_gold) == (2, 4, 3)
    assert prf.precision == pytest.approx(0.5)
    assert prf.recall == pytest.approx(2 / 3)
    assert prf.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert scoring.PRF().f1 == 0.0


def test_macro_f1_averages_the_classes():
    gold = [True, True, False, False]
    # calling everything slanted: slanted P 0.5 R 1 F1 2/3; not slanted P 0 R 0 F1 0 -> macro 1/3
    p, r, f = scoring.macro_prf(gold, [True] * 4, (True, False))
    assert (p, r, f) == pytest.approx((0.25, 0.5, 1 / 3))
    assert scoring.macro_prf(gold, gold, (True, False)) == pytest.approx((1.0, 1.0, 1.0))
    gold3 = ["negative", "neutral", "positive", "neutral"]
    pred3 = ["negative", "neutral", "neutral", "neutral"]
    # negative 1/1/1; neutral P 2/3 R 1 F1 0.8; positive 0
    assert scoring.macro_prf(gold3, pred3, ("negative", "neutral", "positive"))[2] == pytest.approx((1 + 0.8 + 0) / 3)


def test_spans_match_one_to_one_by_overlap_largest_first():
    gold = [((0, 10),), ((20, 25),), ((40, 45), (50, 55))]
    pred = [((5, 12),), ((8, 9),), ((52, 53),), ((30, 35),)]
    # pred 0 shares 5 chars with gold 0, pred 1 one char: only pred 0 is matched to gold 0;
    # pred 2 overlaps gold 2's second fragment; pred 3 and gold 1 stay unmatched
    assert scoring.match_spans(gold, pred) == [(0, 0), (2, 2)]
    prf = scoring.span_prf(gold, pred)
    assert (prf.tp, prf.n_pred, prf.n_gold) == (2, 4, 3)


def test_brat_lines_with_discontinuous_spans_parse():
    raw = "T1\tSource 0 5\tSmith\nT2\tCue 6 10;12 15\tsaid and\nE1\tAttribution:T3 Cue:T2\n"
    assert polnear.parse_ann(raw) == [("Source", ((0, 5),), "Smith"), ("Cue", ((6, 10), (12, 15)), "said and")]


def test_the_regular_expression_baseline_finds_cue_and_source():
    text = "The mayor met voters. Officials said the plan was ready. “It works,” said Linda Park."
    cues, sources = polnear.baseline(text)
    assert [text[c[0][0]:c[0][1]] for c in cues] == ["said", "said"]
    assert [text[s[0][0]:s[0][1]] for s in sources] == ["Officials", "Linda Park"]


def _span(start, end):
    return NS(start=start, end=end)


def test_babe_predicts_words_of_loaded_terms_and_of_doubt_or_emotive_cues_only():
    text = "Critics claimed the radical plan failed, officials said, and Smith slammed it."

    def at(word):
        return _span(text.index(word), text.index(word) + len(word))

    result = NS(
        text=text,
        loaded_terms=[at("radical")],
        attributions=[NS(cue=at("claimed"), cue_class="doubt"), NS(cue=at("said"), cue_class="neutral"),
                      NS(cue=at("slammed"), cue_class="emotive")],
    )
    assert babe.predicted_words(result) == {"claimed", "radical", "slammed"}


def test_babe_opinion_comes_from_sentence_kinds_and_is_unknown_without_them():
    assert babe.predicted_opinion(NS(sentences=[NS(tone=0.0), NS(tone=0.1)])) is None
    assert babe.predicted_opinion(NS(sentences=[NS(kind="speech"), NS(kind="opinion")])) is True
    assert babe.predicted_opinion(NS(sentences=[NS(kind="speech"), NS(kind="report")])) is False


def test_newsmtsc_reads_tone_through_the_overlapping_mention_else_the_sentence():
    result = NS(
        sentences=[NS(start=0, end=40, tone=-0.5), NS(start=41, end=80, tone=0.3)],
        mentions=[NS(entity="Priebus", span=_span(5, 12)), NS(entity="Trump", span=_span(45, 50))],
        tone=NS(mean=-0.1, by_entity=[NS(entity="Priebus", mean=0.6), NS(entity="Trump", mean=-0.2)]),
    )
    assert newsmtsc.tone_toward(result, 5, 12) == (0.6, True)
    assert newsmtsc.tone_toward(result, 44, 50) == (-0.2, True)
    # a pronoun with no mention: the tone of the sentence holding it
    assert newsmtsc.tone_toward(result, 60, 62) == (0.3, False)
    assert newsmtsc.classify(0.05, 0.05, -0.05) == "positive"
    assert newsmtsc.classify(-0.05, 0.05, -0.05) == "negative"
    assert newsmtsc.classify(0.049, 0.05, -0.05) == "neutral"


needs_corpora = pytest.mark.skipif(not eval_dir().is_dir(), reason="evaluation corpora not present (../shared/eval)")


@needs_corpora
@pytest.mark.parametrize("name", sorted(set(CORPORA) - {"alignment"}))  # alignment: its own test below
def test_the_harness_runs_on_a_few_items_of_each_corpus(name, tmp_path, monkeypatch):
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))  # no user terms, as in make eval
    report = evaluate(name, eval_dir(), limit=3)
    assert report["items"] == 3
    figures = [r for r in report["rows"] if r["f1"] is not None]
    assert any(r["system"] == "Slant" for r in figures)
    assert any(r["system"] != "Slant" for r in figures)
    for r in figures:
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= r[key] <= 1.0, (r, key)
    assert report["throughput"]["words"] > 0 and report["throughput"]["words_per_second"] > 0
    if name == "polnear":
        assert report["offset_check"]["mismatched"] == 0


def test_the_alignment_set_scores_listed_claims_against_the_written_labels(tmp_path, monkeypatch):
    # Ships with the repository: runs without ../shared/eval.
    from bench.eval import alignment

    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    stories = alignment.load()
    assert {s["name"] for s in stories} >= {"demo", "local_story", "plant_fire"}
    report = evaluate("alignment", eval_dir(), limit=2)  # the two small hand-written stories
    assert report["items"] == sum(len(s["claims"]) for s in stories[:2])
    rows = {r["system"]: r for r in report["rows"]}
    listed, before = rows["Slant: listed claims"], rows["every unmatched sentence (before)"]
    for r in rows.values():
        assert 0.0 <= r["precision"] <= 1.0 and 0.0 <= r["recall"] <= 1.0
    # listing claims, not every unmatched sentence, is more precise
    assert listed["precision"] > before["precision"]
    assert report["class_shares"]["listed"] < report["class_shares"]["unmatched (before)"]
