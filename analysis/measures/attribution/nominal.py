"""Nominal cues: a noun that names something said or thought ("statement", "claim", "view"), with the
one it belongs to: "Trump's claim that ...", "in Mr. Connolly's view", "In a statement, the ministry ...",
and for claims and rumours also without an owner ("claims that ...", "rumours of ...": no source)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...context import DocContext
from ...intervals import Intervals
from .cues import _Cue, _make_cue
from .lexicon import STATE_OF_MIND, VERBS, _Lexicon
from .sources import _child

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# claims and rumours pass something on even when the text says nobody made them
UNOWNED = frozenset({"claim", "allegation", "rumor", "rumour", "speculation", "accusation", "report", "suggestion"})
_CONTENT_PREPS = frozenset({"about", "of", "on", "against", "over"})


def _when_or_where(prep: Token) -> bool:
    """"his remarks on Saturday", "her speech in Ohio": when or where, not what was said."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is not None and obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC")


def _content(noun: Token) -> bool:
    """Something said follows the noun: a "that" clause, "about/of ...", or a colon."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(t.lower_ == "that" and t.dep_ == "mark" for t in c.children):
            return True
        if c.dep_ in ("acl", "ccomp") and c.i > noun.i and c.tag_ != "VBN" and c.dep_ == "ccomp":
            return True
        if c.dep_ == "prep" and c.lower_ in _CONTENT_PREPS and c.i > noun.i and not _when_or_where(c):
            return True
    nxt = noun.i + 1
    if nxt < len(doc) and doc[nxt].text == ":":
        return True
    head = noun.head
    # "His concern is that ...": the noun is the subject of "is" with a clause
    return noun.dep_ == "nsubj" and head.lemma_ == "be" and any(c.dep_ in ("ccomp", "attr") for c in head.children)


def nominal_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                 inside_quote, verb_cue_heads: set[int]) -> list[_Cue]:
    doc = ctx.doc
    out = []
    for start, _ in matches:
        noun = doc[start]
        lemma = noun.lemma_.lower()
        cls = lex.nominal.get(lemma) or lex.nominal.get(noun.lower_)
        if cls is None or not ctx.token_in_body(noun) or inside_quote(noun):
            continue
        if taken.overlaps(noun.idx, noun.idx + len(noun.text)):
            continue
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in verb_cue_heads:
            continue  # "a spokesman's statement said": the verb is the cue, the statement part of the source
        owner = _child(noun, "poss")
        if owner is not None and owner.lower_ in ("its",) and lemma not in UNOWNED:
            continue
        rule = "rule:nominal-owner"
        cue_toks = [noun]
        src = owner
        prep = noun.head if noun.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in ("in", "by") and prep.head.pos_ in ("VERB", "AUX") and (
            owner is not None or prep.head.i not in verb_cue_heads
        ):
            # "in a statement", "in his view", "by his account": the phrase is the cue
            if prep.head.i in verb_cue_heads:
                continue  # "said in a statement": "said" is the cue already
            cue_toks = list(doc[prep.i : noun.i + 1])
            if src is None and cls != STATE_OF_MIND:
                src = _child(prep.head, "nsubj")
                if src is None:
                    continue
            rule = "rule:nominal-in"
        elif owner is None:
            if lemma not in UNOWNED or not _content(noun):
                continue
            rule = "rule:nominal-unowned"
        elif not _content(noun):
            continue
        cue = _make_cue(ctx, lex, cue_toks, cls, src, rule, noun, None, [])
        cue.rules.insert(0, f"lexicon:{VERBS}/nominal/{lemma}")
        cue.why[0] = f"“{' '.join(t.text for t in cue_toks)}”: {lex.class_why.get(cls, '')}"
        out.append(cue)
    return out
