"""Coverage: which sentence of one article reports what a sentence of another reports.

Every body sentence becomes a TF-IDF vector over its content words (lower-cased, stop words, numbers and
punctuation dropped, plural and -ed/-ing endings folded: "attends"/"attended"/"attending" -> "attend").
Document frequency counts sentences across all the articles of the story, so the words every sentence
shares ("Kishida", "NATO", "summit") weigh little and the facts a sentence adds weigh much. Similarity is
the cosine of two vectors. A sentence's counterpart in another article is its most similar sentence
there, when the similarity reaches ``THRESHOLD``; below it, the content is "not reported there".

Vectors are built once per sentence and compared through an inverted index (word -> sentences that use
it), so the work grows with the words two articles share, not with the product of their lengths.

"Only here": body sentences (not the headline, at least ``MIN_CONTENT_WORDS`` content words) that have no
counterpart in any other article.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from ..nlp import get_tokenizer
from ..results import AlignedSentence, ArticleAnalysis, OnlyHere

THRESHOLD = 0.2
MIN_CONTENT_WORDS = 5

Vector = dict[str, float]


def fold(word: str) -> str:
    """A crude English stemmer for matching, not display: folds plurals and -ed/-ing endings."""
    w = word
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("es") and w[-3] in "sxz":
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w


def sentence_terms(a: ArticleAnalysis) -> list[list[str]]:
    """Content words (folded) of each of the article's body sentences, in order."""
    if not a.sentences:
        return []
    nlp = get_tokenizer()
    stops = nlp.Defaults.stop_words
    out = []
    for doc in nlp.tokenizer.pipe(a.text[s.start : s.end] for s in a.sentences):
        terms = []
        for t in doc:
            if t.is_punct or t.is_space or t.like_num or t.is_stop:
                continue
            w = t.lower_.replace("’", "'")
            if w.endswith("'s"):
                w = w[:-2]
            w = w.strip("'\"“”‘’-–—")
            if len(w) < 2 or w in stops or not any(c.isalpha() for c in w):
                continue
            terms.append(fold(w))
        out.append(terms)
    return out


def tfidf(all_terms: list[list[list[str]]]) -> list[list[Vector]]:
    """Unit-length TF-IDF vectors; document frequency over every sentence of every article."""
    df: Counter[str] = Counter()
    n = 0
    for article in all_terms:
        for terms in article:
            df.update(set(terms))
            n += 1
    idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
    vectors = []
    for article in all_terms:
        vecs = []
        for terms in article:
            tf = Counter(terms)
            v = {w: (1.0 + math.log(c)) * idf[w] for w, c in tf.items()}
            norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
            vecs.append({w: x / norm for w, x in v.items()})
        vectors.append(vecs)
    return vectors


def _index(vecs: list[Vector]) -> dict[str, list[tuple[int, float]]]:
    index: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, v in enumerate(vecs):
        for w, x in v.items():
            index[w].append((j, x))
    return index


def align(
    analyses: Sequence[ArticleAnalysis], threshold: float = THRESHOLD
) -> tuple[tuple[AlignedSentence, ...], tuple[OnlyHere, ...]]:
    if not analyses:
        return (), ()
    all_terms = [sentence_terms(a) for a in analyses]
    vectors = tfidf(all_terms)
    indexes = [_index(v) for v in vectors]
    aligned: list[AlignedSentence] = []
    only: list[OnlyHere] = []
    for ai, a in enumerate(analyses):
        for si, v in enumerate(vectors[ai]):
            counterparts: dict[str, int | None] = {}
            similarity: dict[str, float] = {}
            for bi, b in enumerate(analyses):
                if bi == ai:
                    continue
                scores: dict[int, float] = defaultdict(float)
                index = indexes[bi]
                for w, x in v.items():
                    for j, y in index.get(w, ()):
                        scores[j] += x * y
                if scores:
                    j, best = max(scores.items(), key=lambda kv: (kv[1], -kv[0]))
                else:
                    j, best = -1, 0.0
                best = min(best, 1.0)
                counterparts[b.id] = j if best >= threshold and j >= 0 else None
                similarity[b.id] = best
            aligned.append(AlignedSentence(a.id, si, counterparts, similarity))
            sent = a.sentences[si]
            if (
                len(analyses) > 1
                and not sent.is_headline
                and len(all_terms[ai][si]) >= MIN_CONTENT_WORDS
                and all(c is None for c in counterparts.values())
            ):
                only.append(OnlyHere(a.id, si, sent.start, sent.end, a.text[sent.start : sent.end]))
    return tuple(aligned), tuple(only)
