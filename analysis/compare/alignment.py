"""Coverage: which sentence of one article reports what a sentence of another reports.

Every body sentence becomes a TF-IDF vector over its content words (lower-cased, stop words, numbers and
punctuation dropped, stemmed with NLTK's Snowball English stemmer: "attends"/"attended"/"attending" ->
"attend", "discussion"/"discussed" -> "discuss").
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
from functools import lru_cache
from typing import Any

from ..nlp import get_tokenizer
from ..results import AlignedSentence, ArticleAnalysis, OnlyHere

THRESHOLD = 0.2
MIN_CONTENT_WORDS = 5

Vector = dict[str, float]


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import EnglishStemmer  # nltk is textstat's dependency, loaded by readability

    return EnglishStemmer()


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word's stem, for matching, not display: the Snowball (Porter2) English stemmer folds
    inflections and derivations ("discussed"/"discussion" -> "discuss", "cooperate"/"cooperation")."""
    return _stemmer().stem(word)


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
