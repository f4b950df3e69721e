"""Tone per body sentence, article aggregates, and the tone toward each named entity.

VADER gives each word of its lexicon a valence. Raw VADER reads news as too friendly: it calls about a
third of news sentences positive where people call about one in ten positive, because words like
"support", "agreement" or "help" carry valence in plain reports of events. The tone model
(``resources/tone/model.json``, fitted by ``bench/fit_tone.py`` on NewsMTSC train) is a multinomial
logistic regression over VADER's word valences and a news lexicon, placed in the sentence's parse
(``tone_features.py``): in the writer's words or in someone's quoted speech, and, toward a person,
whether the word is what the person does or has done to them, describes them, or sits elsewhere in
the sentence. Its intercept is the news prior: with no strong wording a sentence reads neutral.

A tone is in [-1, 1] with VADER's convention, which the rest of Slant uses: from +0.05 positive, to
-0.05 negative; the model's most likely class decides the side, how clearly it wins how far
(``probabilities_to_tone``).
Each word's share is measured by taking it out: ``weight`` = tone with the word - tone without it.
"""
from __future__ import annotations

import bisect
import json
import math
import sys
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
# The words for the two ends of the tone scale, used by every view (window, dashboard, PDF, HTML, CLI), so
# they never disagree. "Positive"/"negative" is what VADER measures and what a 15-year-old reads plainly;
# "friendly"/"hostile" would claim a stance towards someone that a sentiment score does not show.
TONE_WORDS = {"up": "positive", "down": "negative", "middle": "neutral"}
TONE_SCALE = f"from -1 ({TONE_WORDS['down']}) to +1 ({TONE_WORDS['up']})"


def tone_word(score: float) -> str:
    """A tone score in words: positive from +0.05, negative from -0.05, else neutral (VADER's thresholds)."""
    return TONE_WORDS["up"] if score >= POSITIVE else TONE_WORDS["down"] if score <= NEGATIVE else TONE_WORDS["middle"]


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


def probabilities_to_tone(p_neg: float, p_neu: float, p_pos: float) -> float:
    """The tone in [-1, 1] from the three class probabilities: the class with the highest decides the
    side of ±0.05 (so "positive from +0.05" holds exactly), and how clearly it wins decides how far
    beyond: 0.05 + 0.95 × (its probability - the runner-up's). A neutral sentence gets
    0.1 × (P(positive) - P(negative)), which stays inside ±0.05."""
    if p_pos > p_neu and p_pos >= p_neg:
        return 0.05 + 0.95 * (p_pos - max(p_neu, p_neg))
    if p_neg > p_neu and p_neg > p_pos:
        return -(0.05 + 0.95 * (p_neg - max(p_neu, p_pos)))
    return 0.1 * (p_pos - p_neg)


@dataclass(frozen=True)
class Block:
    """One fitted regression: intercepts (with the decision offsets added) and weights for negative and
    positive; neutral's logit is 0."""

    names: tuple[str, ...]
    b_neg: float
    b_pos: float
    w_neg: tuple[float, ...]
    w_pos: tuple[float, ...]

    @classmethod
    def from_json(cls, data: dict, expected: tuple[str, ...], where: str) -> Block:
        names = tuple(data["features"])
        if names != expected:
            raise ModelFileError(f"{where}: the weights were fitted for other inputs than this code computes "
                                 f"({', '.join(sorted(set(names) ^ set(expected))) or 'order differs'}); "
                                 "refit with bench/fit_tone.py")
        w = data["weights"]
        off = data["offsets"]
        return cls(names, float(data["intercept"]["negative"]) + float(off["negative"]),
                   float(data["intercept"]["positive"]) + float(off["positive"]),
                   tuple(float(w[n]["negative"]) for n in names), tuple(float(w[n]["positive"]) for n in names))

    def tone(self, x: Sequence[float]) -> float:
        """The tone for inputs ``x``."""
        ln = self.b_neg + sum(a * b for a, b in zip(self.w_neg, x))
        lp = self.b_pos + sum(a * b for a, b in zip(self.w_pos, x))
        return self.tone_from_logits(ln, lp)

    @staticmethod
    def tone_from_logits(ln: float, lp: float) -> float:
        m = max(ln, lp, 0.0)
        en, ep, e0 = math.exp(ln - m), math.exp(lp - m), math.exp(-m)
        z = en + ep + e0
        return probabilities_to_tone(en / z, e0 / z, ep / z)


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


Linear = tuple[float, float, list[tuple[float, float]]]


def _linear(block: Block, parts: tf.Parts, offset: int = 0) -> Linear:
    """What ``parts`` add to the two logits: (from inputs not tied to a word, ..., each word's share).
    The per-word inputs are numbered absolutely, those not tied to a word from ``offset``. Input 0,
    VADER's compound, is left out (``_evaluate`` adds it)."""
    const, vecs = parts
    wn, wp = block.w_neg, block.w_pos
    ln = sum(wn[offset + j] * a for j, a in enumerate(const) if a and offset + j)
    lp = sum(wp[offset + j] * a for j, a in enumerate(const) if a and offset + j)
    shares = [(sum(wn[j] * a for j, a in v), sum(wp[j] * a for j, a in v)) if v else (0.0, 0.0) for v in vecs]
    return ln, lp, shares


def _evaluate(block: Block, r: tf.SentenceReading, pieces: Sequence[Linear]) -> tuple[float, tuple[Contribution, ...]]:
    """The tone, and each word's share: the tone with it minus the tone without it, strongest first.

    The logits are linear in the inputs, so a word's share of them is worked out once and taken away;
    only VADER's compound (input 0) is recomputed without the word."""
    wn0, wp0 = block.w_neg[0], block.w_pos[0]
    ln0 = block.b_neg + sum(p[0] for p in pieces)
    lp0 = block.b_pos + sum(p[1] for p in pieces)
    shares = pieces[0][2] if len(pieces) == 1 else [
        (sum(p[2][k][0] for p in pieces), sum(p[2][k][1] for p in pieces)) for k in range(len(r.words))]
    ln0 += sum(d for d, _ in shares)
    lp0 += sum(d for _, d in shares)

    def tone_of(ln: float, lp: float, vader_sum: float) -> float:
        c = tf.vader_compound(vader_sum, r.punct)
        return block.tone_from_logits(ln + wn0 * c, lp + wp0 * c)

    full = tone_of(ln0, lp0, r.vader_sum)
    out = []
    for k, w in enumerate(r.words):
        dn, dp = shares[k]
        # a probability moves by at most a quarter of a logit's change, and the tone by at most about
        # twice that: a word whose share cannot reach MIN_CONTRIBUTION is skipped (unless it tips the
        # sentence from one class into another, which a share this small does only at the very edge)
        if not w.valence and abs(dn) + abs(dp) < MIN_CONTRIBUTION:
            continue
        d = full - tone_of(ln0 - dn, lp0 - dp, r.vader_sum - w.valence)
        if abs(d) >= MIN_CONTRIBUTION:
            out.append(Contribution(w.start, w.end, sys.intern(w.text), round(d, 4)))  # one copy of each word
    out.sort(key=lambda c: (-abs(c.weight), c.start))
    # rounded as the JSON stores it, like VADER's score and the shares: a result and its saved copy are equal
    return round(full, 4), tuple(out[:MAX_CONTRIBUTIONS])


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
    arrays = tf.doc_arrays(ctx.doc)
    offset = len(tf.SENTENCE_FEATURES)
    out = []
    for i, sent in enumerate(sents):
        r = tf.read_sentence(vader, sent, model.speech_verbs, arrays)
        r.words = [w for w in r.words if w.valence or w.lemma in model.lexicon]  # the others count for nothing
        sp = tf.sentence_parts(r, model.lexicon)
        tone, contributions = _evaluate(model.sentence, r, [_linear(model.sentence, sp)])
        targets = []
        shared = None  # the sentence inputs' share of the target model's logits, the same for every mention
        for m in by_sentence.get(i, ()):
            tr = tf.read_target(r, m.span.start, m.span.end)
            if tr is None:
                continue
            shared = shared or _linear(model.target, sp)
            own = _linear(model.target, tf.target_parts(r, tr, model.lexicon), offset)
            t, why = _evaluate(model.target, r, [shared, own])
            targets.append(TargetTone(m.entity, m.span.start, m.span.end, t, why))
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
