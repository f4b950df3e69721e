"""Is every article about the same story? A pasted article that shares almost no names with the others.

Names: the people, organisations, places and groups an article mentions (``ArticleAnalysis.mentions``
with labels PERSON, ORG, GPE, LOC, NORP, FAC), merged across articles as the naming table merges them
("Kishida" = "Fumio Kishida", "WASHINGTON" = "Washington"). For each article: how many of its names
also appear in at least one other article.

An article is flagged as probably a different story when it names at least ``MIN_NAMES`` (3) different
names and at most ``MAX_SHARED_SHARE`` (10%) of them - and never more than one - appear in any other
article, while the other articles do share names among themselves (with only two articles that share
nothing, both are named: which one is off the story cannot be told).

What happens then (the choice a careful reader would make): the article stays in the window and in every
table with all its findings - nothing is dropped - but it is left out of each metric's median and
outliers, and the comparison carries a warning naming it. Its values would otherwise move the "middle
of the story" towards a story that is not this one, and make the real articles look unusual.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..results import ArticleAnalysis
from .naming import merge_keys

NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
MIN_NAMES = 3
MAX_SHARED_SHARE = 0.1


def story_names(analyses: Sequence[ArticleAnalysis]) -> dict[str, set[str]]:
    """Article id -> the story-level keys of the names it mentions."""
    merged = merge_keys(analyses)
    out: dict[str, set[str]] = {}
    for a in analyses:
        out[a.id] = {merged.get(m.entity, m.entity).casefold() for m in a.mentions if m.label in NAME_LABELS}
    return out


def shared_names(analyses: Sequence[ArticleAnalysis]) -> dict[str, tuple[int, int]]:
    """Article id -> (names also in another article, names in all)."""
    names = story_names(analyses)
    users: dict[str, set[str]] = defaultdict(set)
    for aid, ns in names.items():
        for n in ns:
            users[n].add(aid)
    return {aid: (sum(1 for n in ns if len(users[n]) > 1), len(ns)) for aid, ns in names.items()}


def _is_apart(shared: int, total: int) -> bool:
    return total >= MIN_NAMES and shared <= 1 and shared <= MAX_SHARED_SHARE * total


def off_topic(analyses: Sequence[ArticleAnalysis]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(ids of articles that are probably a different story, warnings in plain words naming them)."""
    if len(analyses) < 2:
        return (), ()
    counts = shared_names(analyses)
    apart = [a for a in analyses if _is_apart(*counts[a.id])]
    if not apart:
        return (), ()
    if len(apart) == len(analyses):
        if len(analyses) == 2:
            x, y = analyses
            return (), (f"“{x.label}” and “{y.label}” share almost no names (people, organisations, places): "
                        "they may be about different stories, so their differences may not be about slant.",)
        return (), ("The articles share almost no names (people, organisations, places) with one another: they "
                    "may be about different stories.",)
    ids, warnings = [], []
    for a in apart:
        shared, total = counts[a.id]
        ids.append(a.id)
        warnings.append(
            f"“{a.label}” is probably a different story: it shares {shared} of its {total} names (people, "
            "organisations, places) with the other articles. Its findings are shown, but it is left out of "
            "the story's medians and outliers."
        )
    return tuple(ids), tuple(warnings)
