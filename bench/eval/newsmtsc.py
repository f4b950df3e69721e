"""NewsMTSC (Hamborg & Donnay 2021), real-world dev split: tone toward a named person.

One item per line: the sentence and its primary target (the target whose ``Input.gid`` is the line's
``primary_gid``), labelled 2.0 negative, 4.0 neutral, 6.0 positive by people. The other targets of a
line (21 lines have two or three) are not scored.
- Tone toward the person: analyse the sentence; take the mention (``result.mentions``) that overlaps the
  target's span most; its entity key gives ``tone.by_entity``'s mean for that entity. With no
  overlapping mention, or an entity without a tone (e.g. a pronoun target, "He"), it falls back to the
  tone of the analysis sentence that holds the target. The score becomes a class with the app's own
  thresholds (``analysis.measures.tone``: positive at >= POSITIVE, negative at <= NEGATIVE).
- Sentence tone: the tone of the analysis sentence holding the target, against the same labels.
Macro-F1 over the three classes. Baseline: raw VADER compound of the whole line, ±0.05.
"""
from __future__ import annotations

import json
from pathlib import Path

from . import scoring
from .common import TimedAnalyser

FILE = Path("newsmtsc") / "dev.jsonl"
LABELS = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
CLASSES = ("negative", "neutral", "positive")
TARGET = 0.65


def load(folder: Path, limit: int | None = None) -> list[dict]:
    items = []
    with open(folder / FILE, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            targets = rec["targets"]
            target = next((t for t in targets if t.get("Input.gid") == rec["primary_gid"]), targets[0])
            items.append({"text": rec["sentence_normalized"], "start": target["from"], "end": target["to"],
                          "mention": target["mention"], "label": LABELS[float(target["polarity"])]})
            if limit is not None and len(items) >= limit:
                break
    return items


def classify(score: float, positive: float, negative: float) -> str:
    return "positive" if score >= positive else "negative" if score <= negative else "neutral"


def app_thresholds() -> tuple[float, float]:
    from analysis.measures import tone

    return tone.POSITIVE, tone.NEGATIVE


def sentence_tone(result, start: int) -> float:
    """Tone of the analysis sentence that holds character ``start`` (else the nearest before it, else
    the article's mean)."""
    best = None
    for s in result.sentences:
        if s.start <= start:
            best = s
        if s.start <= start < s.end:
            return s.tone
    return best.tone if best is not None else result.tone.mean


def tone_toward(result, start: int, end: int) -> tuple[float, bool]:
    """(score, True) from ``tone.by_entity`` through the mention overlapping [start, end); else the
    sentence's tone and False."""
    best, best_n = None, 0
    for m in result.mentions:
        n = min(end, m.span.end) - max(start, m.span.start)
        if n > best_n:
            best, best_n = m, n
    if best is not None:
        for e in result.tone.by_entity:
            if e.entity == best.entity:
                return e.mean, True
    return sentence_tone(result, start), False


def evaluate(folder: Path, limit: int | None = None) -> dict:
    items = load(folder, limit)
    analyse = TimedAnalyser()
    results = [analyse(it["text"]) for it in items]
    pos, neg = app_thresholds()
    gold = [it["label"] for it in items]

    toward, resolved = [], 0
    for it, res in zip(items, results):
        score, via_entity = tone_toward(res, it["start"], it["end"])
        resolved += via_entity
        toward.append(classify(score, pos, neg))
    sent = [classify(sentence_tone(res, it["start"]), pos, neg) for it, res in zip(items, results)]

    from analysis.nlp import get_vader

    vader = get_vader()
    raw = [classify(vader.polarity_scores(it["text"])["compound"], 0.05, -0.05) for it in items]

    def mrow(measure, system, pred, target=None, note=""):
        p, r, f = scoring.macro_prf(gold, pred, CLASSES)
        return scoring.row(measure, system, p, r, f, n=len(gold), target=target, note=note)

    m_person, m_sent = "tone toward the person (macro-F1, 3 classes)", "sentence tone (macro-F1, 3 classes)"
    rows = [
        mrow(m_person, "Slant", toward, TARGET,
             f"{resolved} of {len(items)} through the target's entity, the rest the sentence's tone"),
        mrow(m_person, "raw VADER on the sentence (±0.05)", raw),
        mrow(m_sent, "Slant", sent, TARGET),
        mrow(m_sent, "raw VADER on the sentence (±0.05)", raw),
    ]
    confusion = {g: {p: sum(1 for a, b in zip(gold, toward) if a == g and b == p) for p in CLASSES} for g in CLASSES}
    share = {c: round(sum(1 for p in sent if p == c) / len(sent), 3) if sent else 0.0 for c in CLASSES}
    gold_share = {c: round(sum(1 for g in gold if g == c) / len(gold), 3) if gold else 0.0 for c in CLASSES}
    return {"corpus": "newsmtsc", "file": str(folder / FILE), "items": len(items), "rows": rows,
            "class_shares": {"people": gold_share, "Slant sentence tone": share},
            "details": {"tone toward the person, people (rows) by Slant (columns)": confusion},
            "throughput": analyse.throughput()}
