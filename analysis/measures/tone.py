"""Tone: VADER compound score per body sentence, article aggregates, and tone toward each entity."""
from __future__ import annotations

import bisect
from collections import defaultdict

from ..context import DocContext
from ..nlp import get_vader
from ..results import EntityTone, Sentence, Tone

# VADER's own thresholds for calling a text positive or negative.
POSITIVE = 0.05
NEGATIVE = -0.05
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def sentence_tones(ctx: DocContext) -> tuple[Sentence, ...]:
    vader = get_vader()
    out = []
    for sent in ctx.body_sentences:
        score = vader.polarity_scores(" ".join(sent.text.split()))["compound"]
        out.append(Sentence(sent.start_char, sent.end_char, float(score), ctx.is_headline(sent.start_char, sent.end_char)))
    return tuple(out)


def entity_key(ent) -> str:
    """A canonical name: strip a possessive, a leading article and surrounding punctuation."""
    text = " ".join(ent.text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip(" \"'“”‘’()")


def tone(ctx: DocContext, sentences: tuple[Sentence, ...]) -> Tone:
    if not sentences:
        return Tone(0.0, 0.0, 0.0, ())
    scores = [s.tone for s in sentences]
    n = len(scores)
    starts = [s.start for s in sentences]
    hits: dict[tuple[str, str], set[int]] = defaultdict(set)
    # one pass over the entities, each placed in its sentence by binary search (Span.ents per sentence
    # would rescan every entity of the document for every sentence: quadratic on long texts)
    for ent in ctx.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        i = bisect.bisect_right(starts, ent.start_char) - 1
        if i < 0 or ent.end_char > sentences[i].end:
            continue
        key = entity_key(ent)
        if key:
            hits[(key, ent.label_)].add(i)
    by_entity = [
        EntityTone(key, label, len(idx), sum(scores[i] for i in idx) / len(idx), tuple(sorted(idx)))
        for (key, label), idx in hits.items()
    ]
    by_entity.sort(key=lambda e: (-e.mentions, e.entity))
    return Tone(
        mean=sum(scores) / n,
        positive_share=sum(1 for s in scores if s >= POSITIVE) / n,
        negative_share=sum(1 for s in scores if s <= NEGATIVE) / n,
        by_entity=tuple(by_entity),
    )
