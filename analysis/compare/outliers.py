"""Each metric across the story: every article's value, the median, and which articles stand out.

Outlier rule (robust, works for 2-6 articles). For a metric with values x_1..x_n:

    median  m = median(x)
    MAD       = median(|x_i - m|)
    robust z  = |x_i - m| / (1.4826 * MAD)     (the modified z-score of Iglewicz & Hoaglin, 1993;
                                                1.4826 makes MAD estimate a standard deviation)

An article is an outlier when ALL of
    1. robust z > 3.5 (Iglewicz & Hoaglin's cut-off; when MAD is 0 - most articles agree exactly -
       any article off the median passes this test),
    2. |x_i - m| >= the metric's floor: the smallest difference a reader would notice
       (e.g. 3 loaded terms per 1000 words, 0.1 of tone, 10 points of reading ease),
       so that tiny differences never count however tight the other articles are,
    3. the value rests on enough evidence (below), and
    4. for shares: the median lies outside the article's Wilson 95% interval (the share could not
       plausibly be the story's usual one by chance of a few sentences).

Thin evidence. Every value carries the count it rests on (``MetricRow.counts``: attributions for the
unnamed-source share, sentences for tone and reading measures, words for rates per 1000 words) and,
for shares and rates, how many items were counted (``MetricRow.hits``: "1 of 1 attribution",
"4 loaded terms in 812 words"). A value resting on fewer than ``MIN_COUNT`` (3) attributions or
sentences, or fewer than ``MIN_WORDS`` (100) words for a rate per 1000 words, is "too few to compare"
(``MetricRow.too_few``): it is shown with its count but takes no part in the median, is never an
outlier and is never ranked first. A high share or rate also needs at least ``MIN_COUNT`` counted items
to be an outlier or ranked first (two loaded terms in a short article are not "the most loaded").
Shares get Wilson's score interval (Wilson 1927), which stays inside 0..1 and is honest for small n:
1 of 1 gives 21%-100%, 9 of 12 gives 47%-91%.

With two articles nothing is an outlier: both sit at the same distance from their median, and which
one is "unusual" cannot be told. Articles without body text (0 words) are left out of every metric;
articles without attributions are left out of the unnamed-source share. Articles flagged as probably a
different story (``topic.py``) keep their values but are left out of the median and the outliers
(``MetricRow.excluded``).
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from ..results import ArticleAnalysis, MetricRow

MAD_SCALE = 1.4826
CUTOFF = 3.5
MIN_COUNT = 3  # attributions, sentences, or counted findings
MIN_WORDS = 100  # for rates per 1000 words: a tenth of the unit
Z95 = 1.959964
NEGATIVE = -0.05  # analysis.measures.tone.NEGATIVE (kept here so compare never imports a measure)


def claim_attributions(a: ArticleAnalysis) -> list:
    """Attributions of claims: states of mind ("she believes") are not claims from a source."""
    return [x for x in a.attributions if x.cue_class != "state_of_mind"]


def unnamed_count(a: ArticleAnalysis) -> int:
    if not a.attributions:  # old results kept only the counts
        return a.counts.unnamed_sources or round(a.counts.unnamed_source_share * a.counts.statements)
    return sum(1 for x in claim_attributions(a) if x.source_type != "named")


def attribution_count(a: ArticleAnalysis) -> int:
    # Old results kept only the count: fall back to it when the list is absent.
    return len(claim_attributions(a)) if a.attributions else a.counts.statements


def unnamed_share(a: ArticleAnalysis) -> float:
    n = attribution_count(a)
    if not a.attributions:
        return a.counts.unnamed_source_share
    return unnamed_count(a) / n if n else 0.0


def negative_count(a: ArticleAnalysis) -> int:
    if a.sentences:
        return sum(1 for s in a.sentences if s.tone <= NEGATIVE)
    return round(a.tone.negative_share * a.counts.sentences)


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    higher_means: str
    value: Callable[[ArticleAnalysis], float]
    floor: float
    applies: Callable[[ArticleAnalysis], bool] = lambda a: True
    count: Callable[[ArticleAnalysis], int] | None = None  # what the value rests on
    count_unit: str = ""
    min_count: int = 0
    hits: Callable[[ArticleAnalysis], int] | None = None  # shares and rates: items counted
    hit_unit: str = ""
    share: bool = False  # hits / count: gets a Wilson interval


def _sentences(a: ArticleAnalysis) -> int:
    return a.counts.sentences


def _words(a: ArticleAnalysis) -> int:
    return a.counts.words


METRICS: tuple[Metric, ...] = (
    Metric(
        "loaded_per_1000_words", "Loaded terms per 1000 words",
        "more charged or labelling words", lambda a: a.counts.loaded_per_1000_words, 3.0,
        count=_words, count_unit="word", min_count=MIN_WORDS,
        hits=lambda a: a.counts.loaded_terms or len(a.loaded_terms), hit_unit="loaded term",
    ),
    Metric(
        "hedges_per_1000_words", "Hedges per 1000 words",
        "more speculation and hedging (could, reportedly, rumours)", lambda a: a.counts.hedges_per_1000_words, 3.0,
        count=_words, count_unit="word", min_count=MIN_WORDS,
        hits=lambda a: a.counts.hedges or len(a.hedges), hit_unit="hedge",
    ),
    Metric(
        "unnamed_source_share", "Share of unnamed or vague sources",
        "more claims rest on sources the reader cannot check", unnamed_share, 0.15,
        applies=lambda a: attribution_count(a) > 0,
        count=attribution_count, count_unit="attribution", min_count=MIN_COUNT,
        hits=unnamed_count, hit_unit="unnamed", share=True,
    ),
    Metric("tone_mean", "Average tone", "a more positive tone (below 0: negative)", lambda a: a.tone.mean, 0.1,
           count=_sentences, count_unit="sentence", min_count=MIN_COUNT),
    Metric(
        "negative_share", "Share of negative sentences", "more sentences with a negative tone",
        lambda a: a.tone.negative_share, 0.15,
        count=_sentences, count_unit="sentence", min_count=MIN_COUNT,
        hits=negative_count, hit_unit="negative", share=True,
    ),
    Metric(
        "flesch_reading_ease", "Reading ease (Flesch)", "easier to read",
        lambda a: a.readability.flesch_reading_ease, 10.0,
        count=_sentences, count_unit="sentence", min_count=MIN_COUNT,
    ),
    Metric(
        "flesch_kincaid_grade", "School grade needed (Flesch-Kincaid)", "harder to read: more years of school needed",
        lambda a: a.readability.flesch_kincaid_grade, 2.0,
        count=_sentences, count_unit="sentence", min_count=MIN_COUNT,
    ),
    Metric(
        "gunning_fog", "Fog index (Gunning)", "harder to read: longer sentences and words",
        lambda a: a.readability.gunning_fog, 2.0,
        count=_sentences, count_unit="sentence", min_count=MIN_COUNT,
    ),
    Metric(
        "words_per_sentence", "Words per sentence", "longer sentences", lambda a: a.readability.words_per_sentence, 5.0,
        count=_sentences, count_unit="sentence", min_count=MIN_COUNT,
    ),
    Metric("words", "Words in the article body", "a longer article", lambda a: float(a.counts.words), 150.0,
           count=_words, count_unit="word"),
)


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval of the share k/n (95% by default); (0, 1) when n is 0."""
    if n <= 0:
        return 0.0, 1.0
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def outliers(values: dict[str, float], floor: float) -> tuple[str, ...]:
    """Ids whose value stands out from the others (rules 1 and 2 of the module docstring), in input order."""
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


def _plural(n: int, unit: str) -> str:
    if not unit:
        return str(n)
    if unit == "unnamed" or unit == "negative":
        return f"{n:,} {unit}"
    return f"{n:,} {unit}" + ("" if n == 1 else "s")


def count_text(row: MetricRow, aid: str) -> str:
    """The evidence behind one value in plain words: "1 of 1 attribution", "3 of 12 sentences",
    "4 loaded terms in 812 words", "over 12 sentences"; "" when the row carries no counts (old results)."""
    if aid not in row.counts:
        return ""
    n = row.counts[aid]
    if aid in row.hits:
        k = row.hits[aid]
        if row.count_unit in ("attribution", "sentence"):  # a share
            return f"{k:,} of {_plural(n, row.count_unit)}"
        return f"{_plural(k, row.hit_unit)} in {_plural(n, row.count_unit)}"
    if row.metric == "words":
        return ""
    return f"over {_plural(n, row.count_unit)}"


def short_count(row: MetricRow, aid: str) -> str:
    """A chart's short note: "1 of 1" for shares, "12 in 920 words" for rates, "" otherwise."""
    if aid not in row.counts or aid not in row.hits:
        return ""
    k, n = row.hits[aid], row.counts[aid]
    if row.count_unit in ("attribution", "sentence"):
        return f"{k} of {n}"
    return f"{k} in {n:,} words"


def interval_text(row: MetricRow, aid: str) -> str:
    """"95% range 21%-100%" for shares, "" otherwise."""
    iv = row.intervals.get(aid)
    if iv is None:
        return ""
    return f"95% range {iv[0]:.0%}–{iv[1]:.0%}"


def evidence_text(row: MetricRow, aid: str) -> str:
    """Count, interval and "too few to compare", as one parenthesis-ready phrase."""
    parts = [p for p in (count_text(row, aid), interval_text(row, aid)) if p]
    if aid in row.too_few:
        parts.append("too few to compare")
    if aid in row.excluded:
        parts.append("left out of the median: probably a different story")
    return "; ".join(parts)


def can_rank(row: MetricRow, aid: str) -> bool:
    """May this article be ranked first (or last) on this metric? Not on too few items, not when left out,
    and for shares and rates not on fewer than ``MIN_COUNT`` counted items."""
    if aid in row.too_few or aid in row.excluded or aid not in row.values:
        return False
    if aid in row.hits and row.hits[aid] < MIN_COUNT:
        return False
    return True


def metric_rows(analyses: Sequence[ArticleAnalysis], excluded: Collection[str] = ()) -> tuple[MetricRow, ...]:
    """One row per metric. ``excluded``: article ids kept in ``values`` but left out of median and outliers."""
    with_body = [a for a in analyses if a.counts.words > 0]
    rows = []
    for metric in METRICS:
        applying = [a for a in with_body if metric.applies(a)]
        values = {a.id: float(metric.value(a)) for a in applying}
        counts = {a.id: int(metric.count(a)) for a in applying} if metric.count else {}
        hits = {a.id: int(metric.hits(a)) for a in applying} if metric.hits else {}
        intervals = {i: wilson(hits[i], counts[i]) for i in values} if metric.share else {}
        too_few = tuple(i for i in values if counts and counts[i] < metric.min_count)
        left_out = tuple(i for i in values if i in excluded)
        eligible = {i: v for i, v in values.items() if i not in too_few and i not in left_out}
        basis = eligible or values
        median = float(statistics.median(basis.values())) if basis else 0.0
        out = []
        for i in outliers(eligible, metric.floor):
            if hits and eligible[i] > median and hits[i] < MIN_COUNT:
                continue  # a high share or rate on one or two findings
            if intervals and intervals[i][0] <= median <= intervals[i][1]:
                continue  # the story's usual share is within this article's range
            out.append(i)
        rows.append(
            MetricRow(
                metric=metric.key,
                label=metric.label,
                values=values,
                median=median,
                outliers=tuple(out),
                higher_means=metric.higher_means,
                counts=counts,
                count_unit=metric.count_unit,
                hits=hits,
                hit_unit=metric.hit_unit,
                intervals=intervals,
                too_few=too_few,
                excluded=left_out,
            )
        )
    return tuple(rows)
