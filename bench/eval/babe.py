"""BABE SG1 (Spinde et al. 2021): which words are slanted, is the sentence slanted, opinion or fact.

Rows: those with ``label_bias`` Biased or Non-biased (``No agreement`` left out), every measure.
- Word F1: per sentence, the set of lowercase word tokens (``scoring.WORD``). Predicted: every token
  inside a loaded term (any category) or inside the cue of an attribution of class ``doubt`` or
  ``emotive``. Gold: the tokens of ``biased_words``. Micro-averaged: true/false positives and misses
  are summed over all sentences, then precision, recall and F1 are computed once.
- Sentence slanted: gold Biased; predicted slanted when any word is predicted. Macro-F1 over the two
  classes (slanted, not slanted).
- Opinion vs factual: gold opinionated for "Expresses writer’s opinion" and "Somewhat factual but also
  opinionated", factual for "Entirely factual", "No agreement" left out. Predicted opinionated when any
  body sentence of the analysis has ``kind == "opinion"`` (``speech`` and ``report`` count as factual).
  Macro-F1 over the two classes.
Baselines on the same rows: the MBIC bias word list (Media-Bias-Group, Apache-2.0, in
``../shared/lexicon-sources``) and VADER's word list (VADER lexicon entries with |valence| >= 1.5):
a word is predicted when it is on the list, a sentence slanted or opinionated when it has one.
"""
from __future__ import annotations

import ast
import csv
from collections import Counter
from pathlib import Path

from . import scoring
from .common import TimedAnalyser

FILE = Path("babe") / "final_labels_SG1.csv"
OPINIONATED = {"Expresses writer’s opinion", "Somewhat factual but also opinionated"}
FACTUAL = {"Entirely factual"}
SLANTED_CUE_CLASSES = {"doubt", "emotive"}
VADER_MIN_VALENCE = 1.5
TARGETS = {"word": 0.45, "sentence": 0.72, "opinion": 0.75}
DETAILS = 40  # most frequent misses listed (``run.py --misses``): to learn kinds of wording, not to copy


def load(folder: Path, limit: int | None = None) -> list[dict]:
    """The Biased / Non-biased rows: text, slanted (bool), gold word set, opinion (True/False/None)."""
    path = folder / FILE
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter=";"))
    items = []
    for r in rows:
        if r["label_bias"] not in ("Biased", "Non-biased"):
            continue
        gold_words: set[str] = set()
        for w in ast.literal_eval(r["biased_words"] or "[]"):
            gold_words |= scoring.words(str(w))
        op = r["label_opinion"]
        items.append({
            "text": r["text"],
            "slanted": r["label_bias"] == "Biased",
            "words": gold_words,
            "opinion": True if op in OPINIONATED else False if op in FACTUAL else None,
        })
        if limit is not None and len(items) >= limit:
            break
    return items


def predicted_words(result) -> set[str]:
    """Word tokens inside a loaded term or a doubt/emotive reporting verb, as the window highlights them."""
    spans = [(t.start, t.end) for t in result.loaded_terms]
    spans += [(a.cue.start, a.cue.end) for a in result.attributions if a.cue_class in SLANTED_CUE_CLASSES]
    return scoring.words_inside(result.text, spans)


def predicted_opinion(result) -> bool | None:
    """True when any body sentence is an opinion; None when the analysis gives sentences no kind yet."""
    kinds = [getattr(s, "kind", None) for s in result.sentences]
    if not kinds or all(k is None for k in kinds):
        return None
    return any(k == "opinion" for k in kinds)


def mbic_words(folder: Path) -> set[str] | None:
    path = folder.parent / "lexicon-sources" / "media-bias-group-bias-words.txt"
    if not path.is_file():
        return None
    return {w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines() if w.strip()}


def vader_words() -> set[str]:
    from analysis.nlp import get_vader

    return {w.lower() for w, v in get_vader().lexicon.items() if abs(v) >= VADER_MIN_VALENCE}


def _sentence_rows(measure, system, gold, pred, *, target=None, note=""):
    p, r, f = scoring.macro_prf(gold, pred, (True, False))
    return scoring.row(measure, system, p, r, f, n=len(gold), target=target, note=note)


def evaluate(folder: Path, limit: int | None = None) -> dict:
    items = load(folder, limit)
    analyse = TimedAnalyser()
    results = [analyse(it["text"]) for it in items]

    lists = {"MBIC bias word list": mbic_words(folder), f"VADER word list (|valence| >= {VADER_MIN_VALENCE})": vader_words()}
    rows: list[dict] = []
    m_word, m_sent, m_op = "slanted words (word F1, micro)", "sentence slanted (macro-F1)", "opinion vs factual (macro-F1)"

    # Slant
    word = scoring.PRF()
    pred_sets = []
    missed, wrong = Counter(), Counter()
    for it, res in zip(items, results):
        pred = predicted_words(res)
        pred_sets.append(pred)
        word.add(it["words"], pred)
        missed.update(it["words"] - pred)
        wrong.update(pred - it["words"])
    rows.append(scoring.prf_row(m_word, "Slant", word, n=len(items), target=TARGETS["word"]))
    for name, wl in lists.items():
        if wl is None:
            rows.append(scoring.unavailable(m_word, name, "list not found in ../shared/lexicon-sources"))
            continue
        base = scoring.PRF()
        for it in items:
            base.add(it["words"], scoring.words(it["text"]) & wl)
        rows.append(scoring.prf_row(m_word, name, base, n=len(items)))

    gold_sent = [it["slanted"] for it in items]
    rows.append(_sentence_rows(m_sent, "Slant", gold_sent, [bool(p) for p in pred_sets], target=TARGETS["sentence"]))
    for name, wl in lists.items():
        if wl is not None:
            rows.append(_sentence_rows(m_sent, name, gold_sent, [bool(scoring.words(it["text"]) & wl) for it in items]))
    rows.append(_sentence_rows(m_sent, "every sentence slanted", gold_sent, [True] * len(items)))

    op_items = [(it, res) for it, res in zip(items, results) if it["opinion"] is not None]
    gold_op = [it["opinion"] for it, _ in op_items]
    pred_op = [predicted_opinion(res) for _, res in op_items]
    if op_items and all(p is not None for p in pred_op):
        rows.append(_sentence_rows(m_op, "Slant", gold_op, pred_op, target=TARGETS["opinion"],
                                   note="from each sentence's kind"))
    else:
        rows.append(scoring.unavailable(m_op, "Slant", "not available yet: sentences have no \"kind\"",
                                        n=len(op_items), target=TARGETS["opinion"]))
    for name, wl in lists.items():
        if wl is not None:
            rows.append(_sentence_rows(m_op, name, gold_op, [bool(scoring.words(it["text"]) & wl) for it, _ in op_items]))
    from analysis.nlp import get_vader

    vader = get_vader()
    rows.append(_sentence_rows(m_op, "VADER |compound| >= 0.05", gold_op,
                               [abs(vader.polarity_scores(it["text"])["compound"]) >= 0.05 for it, _ in op_items]))
    details = {"words people marked that Slant missed": missed.most_common(DETAILS),
               "words Slant marked that people did not": wrong.most_common(DETAILS)}
    return {"corpus": "babe", "file": str(folder / FILE), "items": len(items), "rows": rows,
            "details": details, "throughput": analyse.throughput()}
