"""Tone: VADER compound score per body sentence, article aggregates, and tone toward each entity."""
from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence

from ..context import DocContext
from ..nlp import get_vader
from ..results import EntityTone, Mention, Sentence, Tone

# VADER's own thresholds for calling a text positive or negative.
POSITIVE = 0.05
NEGATIVE = -0.05
# The words for the two ends of the tone scale, used by every view (window, dashboard, PDF, HTML, CLI), so
# they never disagree. "Positive"/"negative" is what VADER measures and what a 15-year-old reads plainly;
# "friendly"/"hostile" would claim a stance towards someone that a sentiment score does not show.
TONE_WORDS = {"up": "positive", "down": "negative", "middle": "neutral"}
TONE_SCALE = f"from -1 ({TONE_WORDS['down']}) to +1 ({TONE_WORDS['up']})"


def tone_word(score: float) -> str:
    """A tone score in words: positive from +0.05, negative from -0.05, else neutral (VADER's thresholds)."""
    return TONE_WORDS["up"] if score >= POSITIVE else TONE_WORDS["down"] if score <= NEGATIVE else TONE_WORDS["middle"]
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def sentence_tones(ctx: DocContext) -> tuple[Sentence, ...]:
    vader = get_vader()
    out = []
    for sent in ctx.body_sentences:
        score = vader.polarity_scores(" ".join(sent.text.split()))["compound"]
        out.append(Sentence(sent.start_char, sent.end_char, float(score), ctx.is_headline(sent.start_char, sent.end_char)))
    return tuple(out)


def tone(sentences: tuple[Sentence, ...], mentions: Sequence[Mention] = ()) -> Tone:
    """Article aggregates, and the tone toward each person, organisation, country or group: the mean
    over the body sentences that mention it. Entities are the naming measure's keys, so "Kishida",
    "Kishida's" and "Fumio Kishida" count as one person (even where the recogniser called one of them
    an organisation), and "US" and "United States" as one country."""
    if not sentences:
        return Tone(0.0, 0.0, 0.0, ())
    scores = [s.tone for s in sentences]
    n = len(scores)
    starts = [s.start for s in sentences]
    hits: dict[str, set[int]] = defaultdict(set)
    labels: dict[str, str] = {}
    for m in mentions:
        if m.label not in ENTITY_LABELS:
            continue
        i = bisect.bisect_right(starts, m.span.start) - 1  # the sentence it is in (binary search)
        if i < 0 or m.span.end > sentences[i].end:
            continue
        hits[m.entity].add(i)
        labels[m.entity] = m.label
    by_entity = [
        EntityTone(key, labels[key], len(idx), sum(scores[i] for i in idx) / len(idx), tuple(sorted(idx)))
        for key, idx in hits.items()
    ]
    by_entity.sort(key=lambda e: (-e.mentions, e.entity))
    return Tone(
        mean=sum(scores) / n,
        positive_share=sum(1 for s in scores if s >= POSITIVE) / n,
        negative_share=sum(1 for s in scores if s <= NEGATIVE) / n,
        by_entity=tuple(by_entity),
    )
