"""Each metric across the story: every article's value, the median, and which articles stand out.

Outlier rule (robust, works for 2-6 articles). For a metric with values x_1..x_n:

    median  m = median(x)
    MAD       = median(|x_i - m|)
    robust z  = |x_i - m| / (1.4826 * MAD)     (the modified z-score of Iglewicz & Hoaglin, 1993;
                                                1.4826 makes MAD estimate a standard deviation)

An article is an outlier when BOTH
    1. robust z > 3.5 (Iglewicz & Hoaglin's cut-off; when MAD is 0 - most articles agree exactly -
       any article off the median passes this test), and
    2. |x_i - m| >= the metric's floor: the smallest difference a reader would notice
       (e.g. 3 loaded terms per 1000 words, 0.1 of tone, 10 points of reading ease),
       so that tiny differences never count however tight the other articles are.

With two articles nothing is an outlier: both sit at the same distance from their median, and which
one is "unusual" cannot be told. Articles without body text (0 words) are left out of every metric;
articles without attributions are left out of the unnamed-source share.
"""
from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..results import ArticleAnalysis, MetricRow

MAD_SCALE = 1.4826
CUTOFF = 3.5


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    higher_means: str
    value: Callable[[ArticleAnalysis], float]
    floor: float
    applies: Callable[[ArticleAnalysis], bool] = lambda a: True


METRICS: tuple[Metric, ...] = (
    Metric(
        "loaded_per_1000_words", "Loaded terms per 1000 words",
        "more charged or labelling words", lambda a: a.counts.loaded_per_1000_words, 3.0,
    ),
    Metric(
        "hedges_per_1000_words", "Hedges per 1000 words",
        "more speculation and hedging (could, reportedly, rumours)", lambda a: a.counts.hedges_per_1000_words, 3.0,
    ),
    Metric(
        "unnamed_source_share", "Share of unnamed or vague sources",
        "more claims rest on sources the reader cannot check", lambda a: a.counts.unnamed_source_share, 0.15,
        applies=lambda a: a.counts.statements > 0,
    ),
    Metric("tone_mean", "Average tone", "a more positive tone (below 0: negative)", lambda a: a.tone.mean, 0.1),
    Metric(
        "negative_share", "Share of negative sentences", "more sentences with a negative tone",
        lambda a: a.tone.negative_share, 0.15,
    ),
    Metric(
        "flesch_reading_ease", "Reading ease (Flesch)", "easier to read",
        lambda a: a.readability.flesch_reading_ease, 10.0,
    ),
    Metric(
        "flesch_kincaid_grade", "School grade needed (Flesch-Kincaid)", "harder to read: more years of school needed",
        lambda a: a.readability.flesch_kincaid_grade, 2.0,
    ),
    Metric(
        "gunning_fog", "Fog index (Gunning)", "harder to read: longer sentences and words",
        lambda a: a.readability.gunning_fog, 2.0,
    ),
    Metric(
        "words_per_sentence", "Words per sentence", "longer sentences", lambda a: a.readability.words_per_sentence, 5.0,
    ),
    Metric("words", "Words in the article body", "a longer article", lambda a: float(a.counts.words), 150.0),
)


def outliers(values: dict[str, float], floor: float) -> tuple[str, ...]:
    """Ids whose value stands out from the others (rule in the module docstring), in input order."""
    if len(values) < 3:
        return ()
    xs = list(values.values())
    m = statistics.median(xs)
    mad = statistics.median(abs(x - m) for x in xs)
    out = []
    for key, x in values.items():
        dist = abs(x - m)
        if dist < floor or dist == 0:
            continue
        if mad == 0 or dist / (MAD_SCALE * mad) > CUTOFF:
            out.append(key)
    return tuple(out)


def metric_rows(analyses: Sequence[ArticleAnalysis]) -> tuple[MetricRow, ...]:
    with_body = [a for a in analyses if a.counts.words > 0]
    rows = []
    for metric in METRICS:
        values = {a.id: float(metric.value(a)) for a in with_body if metric.applies(a)}
        median = statistics.median(values.values()) if values else 0.0
        rows.append(
            MetricRow(
                metric=metric.key,
                label=metric.label,
                values=values,
                median=float(median),
                outliers=outliers(values, metric.floor),
                higher_means=metric.higher_means,
            )
        )
    return tuple(rows)
