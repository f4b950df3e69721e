"""Scoring shared by every corpus: word tokens, precision/recall/F1, macro-F1, span matching by overlap.

Pure functions, no corpus and no analysis imports, so the test can check them on hand-made examples.
"""
from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# A word token: letters/digits, with inner apostrophes and hyphens kept ("didn't", "Trump's", "far-left" are
# one word each), the same on the gold and the predicted side. (Splitting at hyphens gives 0.227 instead
# of 0.239 on BABE dev today; this way reproduces the development figure, 0.24.)
WORD = re.compile(r"\w+(?:['’-]\w+)*")

Fragments = tuple[tuple[int, int], ...]  # a span as character ranges (brat allows discontinuous spans)


def word_tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, lowercase word)`` for every word token of ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]


def words(text: str) -> set[str]:
    """The set of lowercase word tokens of ``text``."""
    return {w for _, _, w in word_tokens(text)}


def words_inside(text: str, spans: Iterable[tuple[int, int]]) -> set[str]:
    """The lowercase word tokens of ``text`` that overlap any of ``spans`` (character ranges)."""
    spans = [(s, e) for s, e in spans if e > s]
    return {w for s, e, w in word_tokens(text) if any(s < se and ss < e for ss, se in spans)}


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def add(self, gold: set, pred: set) -> None:
        """Add one item's sets (micro-averaging: counts are summed over items)."""
        self.tp += len(gold & pred)
        self.n_pred += len(pred)
        self.n_gold += len(gold)

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def macro_prf(gold: Sequence[Hashable], pred: Sequence[Hashable], labels: Sequence[Hashable]) -> tuple[float, float, float]:
    """Macro-averaged precision, recall and F1 over ``labels``: each class scored one-against-the-rest,
    then the plain mean of the per-class figures (a class never predicted has precision 0)."""
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    ps, rs, fs = [], [], []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        n_pred = sum(1 for p in pred if p == label)
        n_gold = sum(1 for g in gold if g == label)
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        ps.append(p)
        rs.append(r)
        fs.append(f1(p, r))
    n = len(labels)
    return sum(ps) / n, sum(rs) / n, sum(fs) / n


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters two spans share (each may have several fragments)."""
    return sum(max(0, min(ae, be) - max(as_, bs)) for as_, ae in a for bs, be in b)


def match_spans(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> list[tuple[int, int]]:
    """One-to-one greedy matching by character overlap: every (gold, predicted) pair that shares at
    least one character is ranked by the characters shared (larger first; ties by position), and a pair
    is taken when neither side is matched yet. Returns the matched ``(gold index, pred index)`` pairs."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            n = overlap(g, p)
            if n > 0:
                pairs.append((-n, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return sorted(out)


def span_prf(gold: Sequence[Fragments], pred: Sequence[Fragments]) -> PRF:
    """Precision/recall counts of predicted spans against gold spans, matched one-to-one by overlap."""
    return PRF(tp=len(match_spans(gold, pred)), n_pred=len(pred), n_gold=len(gold))


def row(measure: str, system: str, precision: float, recall: float, f1_: float, *, n: int, target: float | None = None,
        note: str = "") -> dict:
    """One line of the results table (also the JSON shape)."""
    return {"measure": measure, "system": system, "precision": round(precision, 4), "recall": round(recall, 4),
            "f1": round(f1_, 4), "n": n, "target": target, "note": note}


def prf_row(measure: str, system: str, prf: PRF, *, n: int, target: float | None = None, note: str = "") -> dict:
    return row(measure, system, prf.precision, prf.recall, prf.f1, n=n, target=target, note=note)


def unavailable(measure: str, system: str, why: str, *, n: int = 0, target: float | None = None) -> dict:
    """A row whose figure cannot be computed yet (e.g. a result field the analysis does not produce)."""
    return {"measure": measure, "system": system, "precision": None, "recall": None, "f1": None, "n": n,
            "target": target, "note": why}
