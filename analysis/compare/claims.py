"""What only one outlet reports: claims, ranked by how distinct they are, each with its reason.

Candidates are the unmatched sentences of ``alignment.align`` (no counterpart in any other article).
Most of them are not news a reader needs flagged: the same fact in other words ("Diggers are set to roll
in next spring"), colour, background. A candidate is listed only for what sets it apart, in plain words:

- a claim or allegation resting on a source it does not name ("Insiders say ...", "Some say ...") -
  the kind of claim a reader most needs to know only one outlet carries (weight 3; "an allegation"
  when it rests on unnamed people ("insiders", "some"), a slanted reporting verb or judging words, "a
  claim" when the source is an unnamed office or document);
- a named source no other outlet quotes or mentions (2.5);
- what unnamed people are said to believe ("Critics believe ..."; 2): a state of mind is never counted as
  a claim from an unnamed source, but it is still something only this outlet reports;
- a person no other outlet mentions (2), an organisation, place or group (1.5);
- a number no other outlet gives (1.5), compared as values ("1,200", "twelve", "$12 million");
- judging words (loaded terms) in it (1; never enough on its own).

A candidate is listed when its weights add up to at least ``MIN_SCORE`` (1.5); the list is ranked by
that score (a candidate less like any sentence elsewhere wins a tie). States of mind ("she believes")
are not sources. Names count against every mention in the other articles, so a person another outlet
names in a different sentence is not "only here".

``coverage`` says, per article, how many of its body sentences have a counterpart in another article,
and with which: the share of a story an outlet tells in common with the others.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..results import AlignedSentence, ArticleAnalysis, Coverage, OnlyHere
from .facts import SentenceFacts, numbers_in, sentence_facts
from .naming import merge_keys

MIN_SCORE = 1.5
W_UNNAMED, W_SOURCE, W_PERSON, W_NAME, W_NUMBER, W_LOADED = 3.0, 2.5, 2.0, 1.5, 1.5, 1.0
W_BELIEF = 2.0  # what unnamed people are said to think ("Critics believe ..."): a state of mind, not a source
CHARGED_CUES = {"doubt", "emotive", "speculative"}
UNNAMED = {"anonymous", "vague", "none"}


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"


def _article_names(analyses: Sequence[ArticleAnalysis], merged: dict[str, str] | None = None) -> dict[str, set[str]]:
    if merged is None:
        merged = merge_keys(analyses)
    return {a.id: {merged.get(m.entity, m.entity) for m in a.mentions} for a in analyses}


def _article_numbers(a: ArticleAnalysis, facts: list[SentenceFacts] | None = None) -> set[float]:
    """Every number the article gives (its sentences' numbers, from ``facts`` when given)."""
    out: set[float] = set()
    if facts is not None:
        for f in facts:
            out |= f.numbers.keys()
        return out
    for s in a.sentences:
        out |= numbers_in(a.text[s.start : s.end]).keys()
    return out


def _mentioned_elsewhere(written: str, key: str, others: list[ArticleAnalysis], names: dict[str, set[str]]) -> bool:
    """True when another article names it: same story key, or its last word (a surname) in their text."""
    if any(key in names[b.id] for b in others):
        return True
    last = written.replace("’", "'").split()[-1].removesuffix("'s")
    return len(last) > 2 and any(re.search(rf"\b{re.escape(last)}\b", b.text) for b in others)


def _people_word(src: str) -> bool:
    s = " ".join(src.split()).lower()
    return " " not in s and s.endswith("s") and s not in ("some", "others", "reports")


def _a_person(written: str, a: ArticleAnalysis) -> bool:
    """Say "whom" only for a name that is surely a person's: two words or more ("Ellen Tanaka"), or the
    surname of one the article gives in full ("Scholz" after "Olaf Scholz"); the recogniser sometimes calls a
    place or a website a person ("Kyiv", "Twitter")."""
    if len(written.split()) >= 2:
        return True
    return any(m.label == "PERSON" and len(m.span.text.split()) >= 2 and written in m.span.text.split()
               for m in a.mentions)


def _unnamed_phrase(src: str) -> str:
    s = " ".join(src.split())
    if _people_word(s):
        return f"unnamed {s.lower()}"  # "unnamed insiders"
    if s.lower() in ("some", "others", "many"):
        return f"unnamed people (“{s} say”)"
    return f"a source it does not name ({_quote(s)})"


def _written_source(at) -> str:
    """The source as written; for "who"/"which"/"that" the phrase it stands for ("critics, who say")."""
    if at.source is None:
        return ""
    if at.source.text.lower() in ("who", "which", "that") and at.resolved_source:
        return at.resolved_source
    return at.source.text


def explain(a: ArticleAnalysis, i: int, f: SentenceFacts, others: list[ArticleAnalysis],
            names: dict[str, set[str]], numbers: dict[str, set[float]]) -> tuple[float, list[str]]:
    """(score, reasons in plain words) for one unmatched sentence of ``a``."""
    s = a.sentences[i]
    inside = lambda x: s.start <= x.start < s.end  # noqa: E731
    loaded = [t for t in a.loaded_terms if inside(t)]
    score, reasons, used = 0.0, [], set()
    for at in a.attributions:
        if not inside(at.cue):
            continue
        if getattr(at, "cue_class", "") == "state_of_mind":
            # "Critics believe ...": not a claim from a source (never counted as one), but what unnamed
            # people are said to think is still something only this outlet reports
            if at.source_type in UNNAMED and at.source is not None and not reasons:
                reasons.append(f"what {_unnamed_phrase(_written_source(at))} are said to believe, which no other outlet "
                               "reports")
                score += W_BELIEF
            continue
        if at.source_type in UNNAMED:
            src = _written_source(at)
            people = _people_word(src)  # "insiders", "sources", "critics": unnamed people, not an office
            charged = bool(loaded) or at.cue_class in CHARGED_CUES or at.source_type == "vague" or people
            kind = "an allegation" if charged else "a claim"
            whom = _unnamed_phrase(src) if src else "no source at all"
            reasons.append(f"{kind} from {whom} that no other outlet carries")
            score += W_UNNAMED
            break
        if at.source is not None:
            as_written = _written_source(at)
            key = next((k for k, (_, w) in f.names.items() if w in as_written or as_written in w), None)
            written = f.names[key][1] if key else at.resolved_source or as_written
            if not _mentioned_elsewhere(written, key or written, others, names):
                reasons.append(f"quotes {written}, whom no other outlet quotes or mentions")
                score += W_SOURCE
                if key:
                    used.add(key)
                break
    listed = 0
    for key, (label, written) in f.names.items():
        if label == "NORP":  # "Chinese", "Lithuanian": a word about a group, not a name of its own
            continue
        if key in used or listed >= 2 or _mentioned_elsewhere(written, key, others, names):
            continue
        if label == "PERSON" and _a_person(written, a):
            reasons.append(f"names {written}, whom no other outlet mentions")
            score += W_PERSON
        else:
            # "the Labour Party", "the Riverside Residents Association"; but "Berlin", "Twitter"
            the = "the " if label in ("ORG", "FAC", "LOC") and len(written.split()) >= 2 \
                and not written.lower().startswith("the ") else ""
            reasons.append(f"names {the}{written}, which no other outlet mentions")
            score += W_NAME
        listed += 1
    figures = [w for v, w in f.numbers.items() if not any(v in numbers[b.id] for b in others)]
    if figures:
        reasons.append(("gives the figure " if len(figures) == 1 else "gives the figures ")
                       + ", ".join(figures[:3]) + (", which no other outlet gives" if len(figures) == 1
                                                   else ", which no other outlet gives"))
        score += W_NUMBER
    if loaded:
        words = ", ".join(_quote(t.text) for t in loaded[:3])
        reasons.append(f"judging word{'s' if len(loaded) > 1 else ''} {words} in a sentence no other outlet has")
        score += W_LOADED
    return score, reasons


def rank_claims(
    analyses: Sequence[ArticleAnalysis],
    aligned: Sequence[AlignedSentence],
    unmatched: Sequence[OnlyHere],
    min_score: float = MIN_SCORE,
    facts: list[list[SentenceFacts]] | None = None,
    merged: dict[str, str] | None = None,
) -> tuple[tuple[OnlyHere, ...], tuple[Coverage, ...]]:
    """The listed claims (most distinct first) and each article's coverage. ``facts`` and ``merged``:
    the story's ``sentence_facts`` and ``merge_keys``, when the caller has them already."""
    if len(analyses) < 2:
        return (), tuple(Coverage(a.id, sum(1 for s in a.sentences if not s.is_headline), 0) for a in analyses)
    if merged is None:
        merged = merge_keys(analyses)
    if facts is None:
        facts = sentence_facts(analyses, merged)
    index = {a.id: k for k, a in enumerate(analyses)}
    names = _article_names(analyses, merged)
    numbers = {a.id: _article_numbers(a, facts[k]) for k, a in enumerate(analyses)}
    best_sim = {(al.article, al.sentence): max(al.similarity.values(), default=0.0) for al in aligned}
    claims: list[tuple[float, int, int, OnlyHere]] = []
    for o in unmatched:
        k = index[o.article]
        a = analyses[k]
        others = [b for b in analyses if b.id != a.id]
        score, reasons = explain(a, o.sentence, facts[k][o.sentence], others, names, numbers)
        if score < min_score:
            continue
        score += 0.1 * (1.0 - best_sim.get((o.article, o.sentence), 0.0))  # less like anything elsewhere first
        claims.append((-score, k, o.sentence, OnlyHere(o.article, o.sentence, o.start, o.end, o.text,
                                                        tuple(reasons), round(score, 3))))
    claims.sort(key=lambda t: t[:3])
    listed = tuple(c for *_, c in claims)
    per_article: dict[str, int] = {}
    for c in listed:
        per_article[c.article] = per_article.get(c.article, 0) + 1
    coverage = []
    by_sentence = {(al.article, al.sentence): al for al in aligned}
    for a in analyses:
        body = [i for i, s in enumerate(a.sentences) if not s.is_headline]
        shared_with = {b.id: 0 for b in analyses if b.id != a.id}
        shared = 0
        for i in body:
            al = by_sentence.get((a.id, i))
            if al is None:
                continue
            hit = [b for b, j in al.counterparts.items() if j is not None]
            shared += bool(hit)
            for b in hit:
                shared_with[b] = shared_with.get(b, 0) + 1
        coverage.append(Coverage(a.id, len(body), shared, shared_with, per_article.get(a.id, 0)))
    return listed, tuple(coverage)
