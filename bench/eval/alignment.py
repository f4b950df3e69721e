"""``make eval`` row for "What only one outlet reports": precision and recall of the listed claims.

Test set: ``bench/eval/data/alignment/stories.toml`` - three multi-outlet stories (the five demo articles,
the 3-outlet local council story of the tests, a 3-outlet plant fire written for this set), with, per
story, the sentences that make a claim only one outlet makes ("claims") and the ones a careful reader
could call either way ("ignore": neither right nor wrong when listed). All written by the Slant
developers, shipped with the repository (nothing from ``../shared/eval``).

Scoring, per sentence (story, article, sentence index):
- listed claims: ``compare(...).only_here`` against the gold claims: precision, recall, F1;
- top-ranked: the first k listed per story, k = that story's number of gold claims (precision = recall
  at k when k items are listed);
- baseline: every body sentence without a counterpart in another article (what the window listed before
  claims were ranked; ``alignment.align``'s unmatched sentences).
"""
from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from .common import REPO, TimedAnalyser
from .scoring import PRF, prf_row

DATA = Path(__file__).parent / "data" / "alignment" / "stories.toml"
MEASURE = "what only one outlet reports (claims, per sentence)"


def _sentence_of(a, piece: str) -> int:
    hits = [i for i, s in enumerate(a.sentences) if piece in a.text[s.start : s.end]]
    if len(hits) != 1:
        raise ValueError(f"{a.id}: {piece!r} is in {len(hits)} sentences (must be in exactly one)")
    return hits[0]


def load(path: Path = DATA) -> list[dict]:
    with open(path, "rb") as f:
        return tomllib.load(f)["story"]


def evaluate(folder: Path | None = None, limit: int | None = None) -> dict:
    from analysis.compare import compare
    from analysis.compare.alignment import align

    analyse = TimedAnalyser()
    stories = load()[: limit or None]
    listed, topk, baseline = PRF(), PRF(), PRF()
    details: dict[str, list[tuple[str, int]]] = {"missed claims": [], "listed, not claims": []}
    n_items = 0
    for story in stories:
        arts = [analyse((REPO / path).read_text("utf-8")) for path in story["articles"].values()]
        ids = list(story["articles"])
        arts = [dataclasses.replace(a, id=i, outlet=i) for a, i in zip(arts, ids)]
        by_id = {a.id: a for a in arts}
        gold = {(aid, _sentence_of(by_id[aid], piece)) for aid, piece in story["claims"]}
        ignore = {(aid, _sentence_of(by_id[aid], piece)) for aid, piece in story.get("ignore", ())}
        comparison = compare(arts)
        ranked = [(o.article, o.sentence) for o in comparison.only_here]
        _, unmatched = align(arts)
        plain = [(o.article, o.sentence) for o in unmatched]
        n_items += len(gold)

        def score(pred: list[tuple[str, int]], prf: PRF) -> None:
            counted = {p for p in pred if p not in ignore}
            prf.add(gold, counted)

        score(ranked, listed)
        score(ranked[: len(gold)], topk)
        score(plain, baseline)
        for aid, i in sorted(gold - set(ranked)):
            s = by_id[aid].sentences[i]
            details["missed claims"].append((f"{story['name']}/{aid}: {' '.join(by_id[aid].text[s.start:s.end].split())[:90]}", 1))
        for aid, i in ranked:
            if (aid, i) not in gold and (aid, i) not in ignore:
                s = by_id[aid].sentences[i]
                details["listed, not claims"].append(
                    (f"{story['name']}/{aid}: {' '.join(by_id[aid].text[s.start:s.end].split())[:90]}", 1))
    rows = [
        prf_row(MEASURE, "Slant: listed claims", listed, n=n_items),
        prf_row(MEASURE, "Slant: top-ranked (k = claims per story)", topk, n=n_items),
        prf_row(MEASURE, "every unmatched sentence (before)", baseline, n=n_items),
    ]
    return {"corpus": "alignment", "items": n_items, "file": str(DATA.relative_to(REPO)), "rows": rows,
            "throughput": analyse.throughput(), "details": details,
            "class_shares": {"stories": len(stories), "listed": listed.n_pred, "unmatched (before)": baseline.n_pred}}
