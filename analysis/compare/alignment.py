"""Coverage: which sentence of one article reports what a sentence of another reports.

Every body sentence becomes a TF-IDF vector over its content words (lower-cased, stop words, numbers and
punctuation dropped, stemmed with NLTK's Snowball English stemmer: "attends"/"attended"/"attending" ->
"attend", "discussion"/"discussed" -> "discuss").
Document frequency counts sentences across all the articles of the story, so the words every sentence
shares ("Kishida", "NATO", "summit") weigh little and the facts a sentence adds weigh much. Similarity is
the cosine of two vectors. A sentence's counterpart in another article is its most similar sentence
there that passes the match rule; without one, the content is "not reported there".

Match rule (``_matches``): words alone are weak evidence ("Insiders say the vote was a done deal" shares
only "vote" with "The council voted 5-2"), so a pair matches when
  - the similarity reaches ``THRESHOLD`` (0.2) and the two share at least ``MIN_SHARED`` (2) content words,
    or one name, number or time (facts.py: people, organisations, places, numbers as values, "spring"); or
  - the similarity reaches ``ANCHOR_THRESHOLD`` (0.1) and they share at least two names or numbers: a
    paraphrase with the same people and figures ("Harbor Point will put up 300 homes" / "Harbor Point
    Partners will build 300 homes").
Names, words and times the whole story is about (in more than a fifth of all sentences and more than 3:
"Kishida", "NATO", "fire", "Sunday") are not counted as shared: they tell no two sentences apart (they
still count in the similarity, with the low weight TF-IDF gives them).

Vectors are built once per sentence and compared through an inverted index (word -> sentences that use
it), so the work grows with the words two articles share, not with the product of their lengths.

Unmatched: body sentences (not the headline, at least ``MIN_CONTENT_WORDS`` content words) that have no
counterpart in any other article. Which of them are claims worth listing is ``claims.py``'s job.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ..nlp import get_tokenizer
from ..results import AlignedSentence, ArticleAnalysis, OnlyHere
from .facts import SentenceFacts, sentence_facts
from .textcache import text_cache

THRESHOLD = 0.2
ANCHOR_THRESHOLD = 0.1
MIN_SHARED = 2
COMMON_SHARE = 0.2
MIN_CONTENT_WORDS = 3

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
    return [list(terms) for terms in _sentence_terms(a.text, tuple((s.start, s.end) for s in a.sentences))]


@text_cache(max_chars=4_000_000)  # a story of long articles, not 64 texts of any length
def _sentence_terms(text: str, bounds: tuple[tuple[int, int], ...]) -> tuple[tuple[str, ...], ...]:
    """``sentence_terms`` of one article, kept: a comparison is recomputed whenever one article of the
    story is added, edited or closed, and the others need not be read again."""
    nlp = get_tokenizer()
    stops = nlp.Defaults.stop_words
    out = []
    for doc in nlp.tokenizer.pipe(text[s:e] for s, e in bounds):
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
        out.append(tuple(terms))
    return tuple(out)


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


def _rare_anchors(facts: list[list[SentenceFacts]]) -> list[list[SentenceFacts]]:
    """The same facts without the names the whole story is about ("Kishida", "NATO" in most sentences):
    a name in more than ``COMMON_SHARE`` of the sentences (and more than 3) tells no two sentences apart."""
    df: Counter[str] = Counter(k for article in facts for f in article for k in f.names)
    n = sum(len(article) for article in facts)
    common = {k for k, d in df.items() if d > max(3, COMMON_SHARE * n)}
    tdf: Counter[str] = Counter(t for article in facts for f in article for t in f.times)
    common_times = {t for t, d in tdf.items() if d > max(3, COMMON_SHARE * n)}
    if not common and not common_times:
        return facts
    return [[SentenceFacts({k: v for k, v in f.names.items() if k not in common}, f.numbers, f.times - common_times)
             for f in article] for article in facts]


def _common_terms(all_terms: list[list[list[str]]]) -> set[str]:
    """Words in more than ``COMMON_SHARE`` of the story's sentences (and more than 3): "fire", "plant"."""
    df: Counter[str] = Counter(w for article in all_terms for terms in article for w in set(terms))
    n = sum(len(article) for article in all_terms)
    return {w for w, d in df.items() if d > max(3, COMMON_SHARE * n)}


def _matches(score: float, shared_words: int, fa: SentenceFacts, fb: SentenceFacts, threshold: float) -> bool:
    anchors = len(fa.names.keys() & fb.names.keys()) + len(fa.numbers.keys() & fb.numbers.keys())
    if score >= threshold and (shared_words >= MIN_SHARED or anchors >= 1 or fa.times & fb.times):
        return True
    return score >= min(threshold, ANCHOR_THRESHOLD) and anchors >= 2


def align(
    analyses: Sequence[ArticleAnalysis], threshold: float = THRESHOLD,
    facts: list[list[SentenceFacts]] | None = None,
) -> tuple[tuple[AlignedSentence, ...], tuple[OnlyHere, ...]]:
    """Every body sentence's counterparts, and the unmatched sentences (see the module docstring).
    ``facts``: the story's ``sentence_facts``, when the caller has them already."""
    if not analyses:
        return (), ()
    all_terms = [sentence_terms(a) for a in analyses]
    facts = _rare_anchors(facts if facts is not None else sentence_facts(analyses))
    common = _common_terms(all_terms)
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
                shared: dict[int, int] = defaultdict(int)
                index = indexes[bi]
                for w, x in v.items():
                    for j, y in index.get(w, ()):
                        scores[j] += x * y
                        shared[j] += w not in common
                # numbers and names can match sentences that share no word stem ("5-2" / "five to two")
                mine = facts[ai][si]
                if mine.names or mine.numbers:
                    for j, f in enumerate(facts[bi]):
                        if j not in scores and (mine.names.keys() & f.names.keys() or mine.numbers.keys() & f.numbers.keys()):
                            scores[j] = 0.0
                ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
                match = next((j for j, sc in ranked
                              if _matches(min(sc, 1.0), shared[j], mine, facts[bi][j], threshold)), None)
                best = min(scores[match], 1.0) if match is not None else (min(ranked[0][1], 1.0) if ranked else 0.0)
                counterparts[b.id] = match
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
