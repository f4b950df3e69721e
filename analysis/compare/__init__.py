"""Differences between outlets: ``compare(analyses) -> Comparison``.

- ``metrics`` (outliers.py): each metric per article, the story's median, outliers by a robust rule;
- ``distinctive`` (distinctive.py): each article's distinctive words, weighted log-odds with an
  informative Dirichlet prior (Monroe, Colaresi & Quinn 2008);
- ``off_topic`` / ``warnings`` (topic.py): an article that shares almost no names with the others is
  probably a different story: flagged, and left out of the medians (its findings stay);
- ``naming`` (naming.py): how each article names the same person, organisation, country or event;
- ``alignment`` (alignment.py): each body sentence's counterpart in the other articles by TF-IDF cosine
  similarity backed by shared names, numbers and times;
- ``only_here`` / ``coverage`` (claims.py): the claims only one article makes, ranked by what is distinct
  (people, numbers, places, sources no other outlet has; an unnamed-source allegation found nowhere else),
  each with its reasons in plain words; and how many sentences each article shares with the others.

Works for any number of articles: with none or one, the cross-article parts are empty. An article
given twice (same id) is compared once.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..results import ArticleAnalysis, Comparison
from .alignment import align
from .claims import rank_claims
from .distinctive import distinctive_words
from .facts import sentence_facts
from .naming import merge_keys, naming_rows
from .outliers import metric_rows
from .topic import off_topic

__all__ = ["compare"]


def compare(analyses: Sequence[ArticleAnalysis]) -> Comparison:
    unique: dict[str, ArticleAnalysis] = {}
    for a in analyses:
        unique.setdefault(a.id, a)
    items = list(unique.values())
    merged = merge_keys(items)
    facts = sentence_facts(items, merged)  # read once, for the alignment and the claims ranking
    alignment, unmatched = align(items, facts=facts)
    only_here, coverage = rank_claims(items, alignment, unmatched, facts=facts, merged=merged)
    apart, warnings = off_topic(items)
    return Comparison(
        articles=tuple(unique),
        metrics=metric_rows(items, excluded=apart),
        distinctive=distinctive_words(items),
        naming=naming_rows(items),
        alignment=alignment,
        only_here=only_here,
        off_topic=apart,
        warnings=warnings,
        coverage=coverage,
    )
