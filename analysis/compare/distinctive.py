"""Distinctive words per article: weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5.

Each article i is compared with the rest of the story j (all other articles pooled). For a word w with
counts y_iw, y_jw, article sizes n_i, n_j and a Dirichlet prior alpha_w (summing to alpha_0):

    delta_w = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log((y_jw + a_w) / (n_j + a_0 - y_jw - a_w))
    var     ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var)

The prior is informative: a_w = a_0 * (pooled count of w / pooled words), the word's share in all the
articles together. alpha_0 = ALPHA0_SHARE * pooled words, 0.1 by default: the prior weighs a tenth
of the story's text. News articles are short (a few hundred words each). With alpha_0 as large as the
data (alpha_0 = N, a common default for large corpora) nothing in five such articles reaches z = 1.96;
at 0.1 a word must be used several times by one outlet and rarely by the others to pass (on the seeds:
"biden" and "washington" for 000, "ukraine" and "russian" for 001, "sources" for 004), and lowering it
further mostly adds words used twice. The shrinkage towards the story's average is the point of the method.

Words: body sentences only (boilerplate is never in ``ArticleAnalysis.sentences``), tokenised with the
blank English tokenizer (no model), lower-cased, without punctuation, numbers, stop words and
possessive endings. Returned: words with z >= 1.96 (two-sided 5% level), most distinctive first.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from ..nlp import get_tokenizer
from ..results import ArticleAnalysis, DistinctiveWord
from .textcache import text_cache

ALPHA0_SHARE = 0.1
Z_MIN = 1.96
TOP = 25


def body_words(a: ArticleAnalysis) -> list[str]:
    """Lower-cased content words of the article's body sentences."""
    if not a.sentences:
        return []
    return list(_body_words(a.text, tuple((s.start, s.end) for s in a.sentences)))


@text_cache(max_chars=4_000_000)  # a story of long articles, not 64 texts of any length
def _body_words(text: str, bounds: tuple[tuple[int, int], ...]) -> tuple[str, ...]:
    """``body_words`` of one article, kept for the next comparison of the same story."""
    tok = get_tokenizer().tokenizer
    texts = [text[s:e] for s, e in bounds]
    words: list[str] = []
    for doc in tok.pipe(texts):
        for t in doc:
            if t.is_punct or t.is_space or t.like_num or t.is_stop or t.is_digit:
                continue
            w = t.lower_.replace("’", "'")
            if w.endswith("'s"):
                w = w[:-2]
            w = w.strip("'\"“”‘’-–—")
            if len(w) < 2 or not any(c.isalpha() for c in w) or w in _stop_words():
                continue
            words.append(w)
    return tuple(words)


def _stop_words() -> frozenset[str]:
    return get_tokenizer().Defaults.stop_words  # type: ignore[no-any-return]


def log_odds(
    counts: dict[str, Counter[str]], alpha0_share: float = ALPHA0_SHARE
) -> dict[str, dict[str, tuple[float, int]]]:
    """z-score and count of every word of every group, each group against all the others pooled."""
    pooled: Counter[str] = Counter()
    for c in counts.values():
        pooled.update(c)
    n = sum(pooled.values())
    out: dict[str, dict[str, tuple[float, int]]] = {}
    if n == 0:
        return {k: {} for k in counts}
    a0 = alpha0_share * n
    for key, c in counts.items():
        n_i = sum(c.values())
        n_j = n - n_i
        scores: dict[str, tuple[float, int]] = {}
        if n_i == 0 or n_j == 0:
            out[key] = scores
            continue
        for w, y_i in c.items():
            y_j = pooled[w] - y_i
            a_w = a0 * pooled[w] / n
            delta = math.log((y_i + a_w) / (n_i + a0 - y_i - a_w)) - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w))
            var = 1.0 / (y_i + a_w) + 1.0 / (y_j + a_w)
            scores[w] = (delta / math.sqrt(var), y_i)
        out[key] = scores
    return out


def distinctive_words(
    analyses: Sequence[ArticleAnalysis], top: int = TOP, z_min: float = Z_MIN
) -> dict[str, tuple[DistinctiveWord, ...]]:
    counts = {a.id: Counter(body_words(a)) for a in analyses}
    if len(analyses) < 2:
        return {a.id: () for a in analyses}
    scores = log_odds(counts)
    result = {}
    for key, words in scores.items():
        ranked = sorted(((z, w, c) for w, (z, c) in words.items() if z >= z_min), key=lambda t: (-t[0], t[1]))
        result[key] = tuple(DistinctiveWord(w, z, c) for z, w, c in ranked[:top])
    return result
