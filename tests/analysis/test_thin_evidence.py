"""Figures never overstate thin evidence: counts beside every value, a minimum count, Wilson intervals,
"too few to compare", and an article about a different story kept out of the medians."""
from __future__ import annotations

import dataclasses
import json

import pytest

from analysis.compare import compare
from analysis.compare.outliers import MIN_COUNT, can_rank, count_text, evidence_text, metric_rows, wilson
from analysis.results import (
    ArticleAnalysis,
    Attribution,
    Comparison,
    Counts,
    Language,
    Mention,
    MetricRow,
    Readability,
    Sentence,
    Span,
    Tone,
)


def attribution(named: bool, cue_class: str = "neutral") -> Attribution:
    return Attribution(Span(0, 4, "said"), cue_class, Span(5, 9, "them"), "named" if named else "anonymous", False)


def story_article(aid: str, named: int, unnamed: int, sentences: int = 12, names=("Jane Ward", "Millbrook",
                  "City Council"), state_of_mind: int = 0) -> ArticleAnalysis:
    lines = [f"Sentence number {i} of the story about the council vote." for i in range(sentences)]
    text = "\n".join(lines)
    sents, pos = [], 0
    for line in lines:
        sents.append(Sentence(pos, pos + len(line), -0.3))
        pos += len(line) + 1
    attrs = ([attribution(True)] * named + [attribution(False)] * unnamed
             + [attribution(False, "state_of_mind")] * state_of_mind)
    words = len(text.split())
    mentions = tuple(Mention(n, "PERSON" if " " in n and n[0] != "C" else "GPE", Span(0, len(n), n), Span(0, len(n), n))
                     for n in names)
    n_attr = len(attrs)
    return ArticleAnalysis(
        id=aid, outlet=aid.title(), title=None, date=None, text=text, language=Language(True, 1.0),
        boilerplate=(), sentences=tuple(sents), tone=Tone(-0.3, 0.0, 1.0), loaded_terms=(),
        attributions=tuple(attrs), hedges=(), readability=Readability(60.0, 8.0, 10.0, 12.0),
        counts=Counts(words, sentences, 0.0, 0.0, (unnamed + state_of_mind) / n_attr if n_attr else 0.0,
                      attributions=n_attr),
        mentions=mentions,
    )


def _row(rows, key: str) -> MetricRow:
    return next(r for r in rows if r.metric == key)


def test_wilson_interval_is_honest_for_small_counts():
    lo, hi = wilson(1, 1)
    assert lo == pytest.approx(0.207, abs=0.002) and hi == 1.0
    lo, hi = wilson(9, 12)
    assert 0.46 < lo < 0.48 and 0.90 < hi < 0.92
    assert wilson(0, 0) == (0.0, 1.0)


def test_one_attribution_at_100_percent_is_never_ranked_or_an_outlier():
    # The case from issue 9: one outlet had exactly one attribution, unnamed, so "100% of statements".
    arts = [story_article("wire", named=6, unnamed=1), story_article("local", named=5, unnamed=1),
            story_article("gazette", named=7, unnamed=0), story_article("tabloid", named=0, unnamed=1)]
    row = _row(metric_rows(arts), "unnamed_source_share")
    assert row.values["tabloid"] == 1.0  # the value keeps its meaning
    assert row.counts["tabloid"] == 1 and row.hits["tabloid"] == 1
    assert count_text(row, "tabloid") == "1 of 1 attribution"
    assert count_text(row, "wire") == "1 of 7 attributions"
    assert "tabloid" in row.too_few and "tabloid" not in row.outliers
    assert not can_rank(row, "tabloid")
    assert "too few to compare" in evidence_text(row, "tabloid")
    assert "95% range 21%–100%" in evidence_text(row, "tabloid")
    assert row.median == pytest.approx(1 / 7)  # the median of the three that have enough attributions


def test_a_share_needs_three_attributions_and_an_interval_clear_of_the_median():
    base = [story_article(f"o{i}", named=9, unnamed=1) for i in range(3)]
    two = story_article("two", named=0, unnamed=2)
    row = _row(metric_rows([*base, two]), "unnamed_source_share")
    assert "two" in row.too_few and row.outliers == ()
    # 3 of 3 unnamed: enough attributions, but the Wilson range (44%-100%) is clear of the median 10%
    three = story_article("three", named=0, unnamed=3)
    row = _row(metric_rows([*base, three]), "unnamed_source_share")
    assert row.outliers == ("three",) and can_rank(row, "three")
    assert count_text(row, "three") == "3 of 3 attributions"


def test_states_of_mind_are_not_unnamed_sources():
    a = story_article("a", named=3, unnamed=0, state_of_mind=4)
    row = _row(metric_rows([a]), "unnamed_source_share")
    assert row.values["a"] == 0.0 and row.counts["a"] == 3 and row.hits["a"] == 0


def test_sentence_measures_carry_their_count_and_too_few_sentences_are_not_compared():
    arts = [story_article(f"o{i}", 5, 0) for i in range(3)] + [story_article("short", 5, 0, sentences=2)]
    rows = metric_rows(arts)
    neg = _row(rows, "negative_share")
    assert count_text(neg, "o1") == "12 of 12 sentences" and neg.intervals["o1"][1] == 1.0
    tone = _row(rows, "tone_mean")
    assert count_text(tone, "short") == "over 2 sentences" and "short" in tone.too_few


def test_counts_survive_json_and_old_json_still_loads():
    arts = [story_article(f"o{i}", 4, 1) for i in range(3)]
    c = compare(arts)
    d = json.loads(json.dumps(c.to_dict()))
    row = next(r for r in d["metrics"] if r["metric"] == "unnamed_source_share")
    assert row["counts"]["o0"] == 5 and row["hits"]["o0"] == 1 and len(row["intervals"]["o0"]) == 2
    back = Comparison.from_dict(d)
    assert back.to_dict() == d
    assert isinstance(back.metrics[2].intervals["o0"], tuple)
    # JSON written before these fields existed
    for r in d["metrics"]:
        for k in ("counts", "count_unit", "hits", "hit_unit", "intervals", "too_few", "excluded"):
            r.pop(k)
    d.pop("off_topic"), d.pop("warnings")
    old = Comparison.from_dict(d)
    assert old.metrics[2].counts == {} and old.warnings == () and count_text(old.metrics[2], "o0") == ""
    counts = arts[0].counts.to_dict()
    counts.pop("unnamed_sources")
    assert Counts.from_dict(counts).unnamed_sources == 0


def test_an_article_that_shares_no_names_is_flagged_and_left_out_of_the_medians():
    story = [story_article(f"o{i}", 8, 0) for i in range(3)]
    other = story_article("recipes", 0, 4, names=("Gordon Blue", "Paris", "Le Cordon", "Lyon"))
    c = compare([*story, other])
    assert c.off_topic == ("recipes",)
    assert len(c.warnings) == 1 and "“Recipes” is probably a different story" in c.warnings[0]
    assert "0 of its 4 names" in c.warnings[0]
    row = next(r for r in c.metrics if r.metric == "unnamed_source_share")
    assert row.values["recipes"] == 1.0  # still shown
    assert row.excluded == ("recipes",) and row.median == 0.0 and row.outliers == ()
    assert "different story" in evidence_text(row, "recipes")
    # the same articles all about one story: no warning
    assert compare(story).warnings == () and compare(story).off_topic == ()


def test_two_articles_sharing_no_names_are_both_named_but_nothing_is_dropped():
    a = story_article("a", 3, 0)
    b = story_article("b", 3, 0, names=("Gordon Blue", "Paris", "Le Cordon"))
    c = compare([a, b])
    assert c.off_topic == () and len(c.warnings) == 1 and "“A” and “B”" in c.warnings[0]


def test_seed_comparison_is_not_flagged_as_different_stories(seed_analyses):
    c = compare(list(seed_analyses.values()))
    assert c.off_topic == () and c.warnings == ()
    for row in c.metrics:
        assert set(row.counts) == set(row.values)
    assert MIN_COUNT == 3
