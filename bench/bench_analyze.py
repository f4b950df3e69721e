"""Words per second of analysis.analyze() against the bare spaCy pipeline on the same texts.

Run: .venv/bin/python bench/bench_analyze.py [--repeat N]
Target: ratio (analyze / bare spaCy) >= 0.8, i.e. Slant's measures cost at most a quarter of the parse.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis import analyze, compare  # noqa: E402
from analysis import nlp as nlp_mod  # noqa: E402
from analysis.sources import load_seeds  # noqa: E402


def corpus(repeat: int) -> list[str]:
    """The five seeds, each repeated to article length (long enough to swamp per-call overhead)."""
    return [("\n\n".join([a.text] * repeat)) for a in load_seeds()]


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def best_of(n: int, fn) -> float:
    best = float("inf")
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=4, help="copies of each seed per article")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    texts = corpus(args.repeat)
    n_words = words(texts)
    bare = nlp_mod.load_base_model()
    bare.max_length = max(len(t) for t in texts) + 1  # the bare baseline reads each text whole
    slant_nlp = nlp_mod.get_nlp()
    # warm up: model caches, lexicon matchers, VADER, the CMU dictionary
    analyze(texts[0][:2000])
    bare(texts[0][:2000])

    t_bare = best_of(args.rounds, lambda: [bare(t) for t in texts])
    t_parse = best_of(args.rounds, lambda: [nlp_mod.parse(t, slant_nlp) for t in texts])
    results: list = []
    t_analyze = best_of(args.rounds, lambda: results.__setitem__(slice(None), [analyze(t) for t in texts]))
    t_compare = best_of(args.rounds, lambda: compare(results))

    wps_bare = n_words / t_bare
    wps_analyze = n_words / t_analyze
    print(f"texts: {len(texts)}, words: {n_words}")
    print(f"bare spaCy pipeline : {wps_bare:9.0f} words/s  ({t_bare:.2f} s)")
    print(f"Slant parse only    : {n_words / t_parse:9.0f} words/s  ({t_parse:.2f} s)")
    print(f"analysis.analyze()  : {wps_analyze:9.0f} words/s  ({t_analyze:.2f} s)")
    print(f"ratio analyze/bare  : {wps_analyze / wps_bare:9.2f}   (target >= 0.80)")
    print(f"analysis.compare()  : {t_compare * 1000:9.0f} ms for {len(results)} articles")


if __name__ == "__main__":
    main()
