"""The scare-quote rule (``rule:scare-quote``): a short quoted phrase nobody is quoted as saying."""
from __future__ import annotations

from ...context import DocContext
from ...results import LoadedTerm
from .lexicon import ScareRule
from .quotes import Quote, _is_title, _opens_sentence, _words, is_speech

SCARE_RULE = "rule:scare-quote"


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
