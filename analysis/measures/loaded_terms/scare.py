"""The scare-quote rule (``rule:scare-quote``): a short quoted phrase nobody is quoted as saying."""
from __future__ import annotations

from ...context import DocContext
from ...results import LoadedTerm
from .lexicon import ScareRule
from .quotes import Quote, _is_title, _opens_sentence, _words, is_speech

SCARE_RULE = "rule:scare-quote"


def _mentions_words(doc, open_i: int, rule: ScareRule) -> bool:
    """True when the quote follows a noun that names words ("the phrase", "the term", "his slogan"),
    or hangs from one as its apposition: the writer is talking about the words, not using them."""
    before = doc[open_i - 1] if open_i > 0 else None
    if before is not None and before.is_punct and open_i > 1:
        before = doc[open_i - 2]  # "the term, “X”"
    if before is not None and before.lemma_.lower() in rule.mention_nouns:
        return True
    inner = doc[open_i + 1] if open_i + 1 < len(doc) else None
    head = inner.head if inner is not None else None
    return bool(head is not None and head.i < open_i and head.lemma_.lower() in rule.mention_nouns
                and inner.dep_ in ("appos", "compound", "attr"))


def scare_quotes(ctx: DocContext, quotes: list[Quote], rule: ScareRule) -> list[LoadedTerm]:
    doc = ctx.doc
    out = []
    for q in quotes:
        inner = doc[q.open + 1 : q.close]
        words = _words(inner)
        if not words or len(words) > rule.max_words:
            continue
        if any("\n" in t.text or "\n" in t.whitespace_ for t in inner):
            continue
        start, end = doc[q.open].idx, doc[q.close].idx + len(doc[q.close].text)
        if not ctx.in_body(start, end):
            continue
        if not any(t.is_alpha for t in words):
            continue
        if _opens_sentence(doc[q.open]):
            continue  # a quote that opens its sentence is speech ("“No deal,” he said.")
        before = doc[q.open - 1] if q.open > 0 else None
        if before is not None and before.text in (":",):
            continue
        if _is_title(words) or any(t.ent_type_ in ("WORK_OF_ART", "LAW") for t in words):
            continue
        if _mentions_words(doc, q.open, rule):
            continue  # "the word “hoax”", "the slogan “America First”": words talked about, not used
        phrase = doc[words[0].i : words[-1].i + 1]
        if is_speech(phrase, rule.say_verbs, rule.naming_verbs):
            continue
        shown = " ".join(phrase.text.split())
        out.append(
            LoadedTerm(
                start=start,
                end=end,
                text=ctx.text[start:end],
                category="scare_quote",
                weight=rule.weight,
                why=rule.why.replace("{text}", shown),
                alternatives=rule.alternatives,
                rule=SCARE_RULE,
            )
        )
    return out
