"""Tone per body sentence, article aggregates, and the tone toward each named entity.

VADER gives each word of its lexicon a valence. Raw VADER reads news as too friendly: it calls about a
third of news sentences positive where people call about one in ten positive, because words like
"support", "agreement" or "help" carry valence in plain reports of events. The tone model
(``resources/tone/model.json``, fitted by ``bench/fit_tone.py`` on NewsMTSC train) is a multinomial
logistic regression over VADER's word valences and a news lexicon, placed in the sentence's parse
(``tone_features.py``): in the writer's words or in someone's quoted speech, and, toward a person,
whether the word is what the person does or has done to them, describes them, or sits elsewhere in
the sentence. Its intercept is the news prior: with no strong wording a sentence reads neutral.

A tone is P(positive) - P(negative), stretched so that the model's class thresholds fall at ±0.05
(VADER's own convention, which the rest of Slant uses): from +0.05 positive, to -0.05 negative.
Each word's share is measured by taking it out: ``weight`` = tone with the word - tone without it.
"""
from __future__ import annotations

import bisect
import json
import math
import threading
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..context import DocContext
from ..nlp import get_vader
from ..results import Contribution, EntityTone, Mention, Sentence, TargetTone, Tone
from . import tone_features as tf

# From here a tone is called positive / negative (VADER's convention; the model's thresholds map here).
POSITIVE = 0.05
NEGATIVE = -0.05
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
MODEL_FILE = ("tone", "model.json")
# Where the fit script writes the file (the source tree); the app reads it through importlib.resources.
MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / MODEL_FILE[0] / MODEL_FILE[1]
MAX_CONTRIBUTIONS = 6  # words kept per tone: the strongest ones
MIN_CONTRIBUTION = 0.005

_lock = threading.Lock()
_model: ToneModel | None = None


class ModelFileError(RuntimeError):
    pass


def score_to_tone(score: float, t_pos: float, t_neg: float) -> float:
    """Stretch P(positive) - P(negative) in [-1, 1] so the class thresholds land on ±0.05 (monotone)."""
    if score >= 0:
        if score < t_pos:
            return 0.05 * score / t_pos
        return min(1.0, 0.05 + 0.95 * (score - t_pos) / (1.0 - t_pos)) if t_pos < 1 else 1.0
    s = -score
    if s < t_neg:
        return -0.05 * s / t_neg
    return -min(1.0, 0.05 + 0.95 * (s - t_neg) / (1.0 - t_neg)) if t_neg < 1 else -1.0


@dataclass(frozen=True)
class Block:
    """One fitted regression: intercepts and weights for negative and positive (neutral is 0)."""

    names: tuple[str, ...]
    b_neg: float
    b_pos: float
    w_neg: tuple[float, ...]
    w_pos: tuple[float, ...]
    t_pos: float
    t_neg: float

    @classmethod
    def from_json(cls, data: dict, expected: tuple[str, ...], where: str) -> Block:
        names = tuple(data["features"])
        if names != expected:
            raise ModelFileError(f"{where}: the weights were fitted for other inputs than this code computes "
                                 f"({', '.join(sorted(set(names) ^ set(expected))) or 'order differs'}); "
                                 "refit with bench/fit_tone.py")
        w = data["weights"]
        return cls(names, float(data["intercept"]["negative"]), float(data["intercept"]["positive"]),
                   tuple(float(w[n]["negative"]) for n in names), tuple(float(w[n]["positive"]) for n in names),
                   float(data["thresholds"]["positive"]), float(data["thresholds"]["negative"]))

    def score(self, x: Sequence[float]) -> float:
        """P(positive) - P(negative) for inputs ``x``."""
        ln = self.b_neg + sum(a * b for a, b in zip(self.w_neg, x))
        lp = self.b_pos + sum(a * b for a, b in zip(self.w_pos, x))
        m = max(ln, lp, 0.0)
        en, ep, e0 = math.exp(ln - m), math.exp(lp - m), math.exp(-m)
        return (ep - en) / (en + ep + e0)

    def tone(self, x: Sequence[float]) -> float:
        return score_to_tone(self.score(x), self.t_pos, self.t_neg)


@dataclass(frozen=True)
class ToneModel:
    speech_verbs: frozenset[str]
    sentence: Block
    target: Block
    lexicon: dict[str, tuple[float, float]]  # the news lexicon: lemma -> (positive, negative)
    meta: dict


def parse_model(raw: bytes | str, where: str = "resources/tone/model.json") -> ToneModel:
    try:
        data = json.loads(raw)
        return ToneModel(
            frozenset(data["speech_verbs"]),
            Block.from_json(data["sentence"], tf.SENTENCE_FEATURES, where + " [sentence]"),
            Block.from_json(data["target"], tf.SENTENCE_FEATURES + tf.TARGET_FEATURES, where + " [target]"),
            {k: (float(v[0]), float(v[1])) for k, v in data["news_lexicon"].items()},
            data.get("meta", {}),
        )
    except ModelFileError:
        raise
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise ModelFileError(f"{where} is not a valid tone model: {exc!r}") from exc


def get_model() -> ToneModel:
    """The shipped weights, read once (on first use, never at import)."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from importlib import resources

                raw = resources.files("resources").joinpath(*MODEL_FILE).read_bytes()
                _model = parse_model(raw)
    return _model


def _explain(block: Block, r: tf.SentenceReading, parts, full: float) -> tuple[Contribution, ...]:
    """Each word's share: the tone with it minus the tone without it; the strongest first."""
    const, vecs = parts
    out = []
    for k, w in enumerate(r.words):
        if not w.valence and not any(vecs[k]):
            continue
        d = full - block.tone(tf.assemble(r, const, vecs, k))
        if abs(d) >= MIN_CONTRIBUTION:
            out.append(Contribution(w.start, w.end, w.text, round(d, 4)))
    out.sort(key=lambda c: (-abs(c.weight), c.start))
    return tuple(out[:MAX_CONTRIBUTIONS])


def sentence_tones(ctx: DocContext, mentions: Sequence[Mention] = ()) -> tuple[Sentence, ...]:
    """Tone of every body sentence, and toward every named entity mentioned in it."""
    sents = ctx.body_sentences
    if not sents:
        return ()
    model = get_model()
    vader = get_vader()
    starts = [s.start_char for s in sents]
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.label not in ENTITY_LABELS:
            continue
        i = bisect.bisect_right(starts, m.span.start) - 1
        if i >= 0 and m.span.end <= sents[i].end_char:
            by_sentence[i].append(m)
    out = []
    for i, sent in enumerate(sents):
        r = tf.read_sentence(vader, sent, model.speech_verbs)
        sp = tf.sentence_parts(r, model.lexicon)
        tone = model.sentence.tone(tf.assemble(r, *sp))
        contributions = _explain(model.sentence, r, sp, tone)
        targets = []
        for m in by_sentence.get(i, ()):
            tr = tf.read_target(r, m.span.start, m.span.end)
            if tr is None:
                continue
            parts = tf.add_parts(sp, tf.target_parts(r, tr, model.lexicon))
            t = model.target.tone(tf.assemble(r, *parts))
            targets.append(TargetTone(m.entity, m.span.start, m.span.end, t, _explain(model.target, r, parts, t)))
        out.append(Sentence(sent.start_char, sent.end_char, tone, ctx.is_headline(sent.start_char, sent.end_char),
                            vader=round(r.vader, 4), contributions=contributions, targets=tuple(targets)))
    return tuple(out)


def tone(sentences: tuple[Sentence, ...], mentions: Sequence[Mention] = ()) -> Tone:
    """Article aggregates, and the tone toward each person, organisation, country or group: the mean
    over the body sentences that mention it of what each says about it (``Sentence.targets``; a
    sentence without them, as in results written before targets existed, counts with its own tone).
    Entities are the naming measure's keys, so "Kishida", "Kishida's" and "Fumio Kishida" count as one
    person (even where the recogniser called one of them an organisation), and "US" and "United
    States" as one country."""
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

    def toward(key: str, i: int) -> float:
        own = [t.tone for t in sentences[i].targets if t.entity == key]
        return sum(own) / len(own) if own else scores[i]

    by_entity = [
        EntityTone(key, labels[key], len(idx), sum(toward(key, i) for i in idx) / len(idx), tuple(sorted(idx)))
        for key, idx in hits.items()
    ]
    by_entity.sort(key=lambda e: (-e.mentions, e.entity))
    return Tone(
        mean=sum(scores) / n,
        positive_share=sum(1 for s in scores if s >= POSITIVE) / n,
        negative_share=sum(1 for s in scores if s <= NEGATIVE) / n,
        by_entity=tuple(by_entity),
    )
