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
# verbs whose object is something said to or about their subject by others: "faced questions about",
# "drew criticism", "received warnings", "came under criticism" is not one (no object)
RECEIVING = frozenset({"face", "draw", "receive", "attract", "field", "weather", "endure", "shrug", "dodge", "ignore"})
_GIVER_PREPS = frozenset({"from", "by"})
# what someone can face, draw or receive that is only ever said ("faced an existential threat", "drew
# attacks" can be physical): the nouns of the received frame
RECEIVED = frozenset({"criticism", "question", "accusation", "allegation", "complaint", "call", "demand", "rebuke",
                      "condemnation", "warning", "claim"})


def _giver(noun: Token, lex: _Lexicon) -> Token | None:
    """Who made a statement named by a noun with no owner: "criticism from Republicans", "a letter from
    the mayor", "a statement by the ministry" (a person, body or group the lexicons know, not "from 1998")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in _GIVER_PREPS and prep.i > noun.i:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL"):
                continue
            lemma = obj.lemma_.lower()
            if obj.ent_type_ in ("PERSON", "ORG", "NORP") or (obj.pos_ == "PRON" and obj.lower_ in ("him", "her", "them", "us", "me")) or any(
                    lemma in s or obj.lower_ in s for s in (lex.anonymous, lex.vague, lex.institution, lex.roles)):
                return obj
    return None


# nouns whose compound is a kind, not an owner: "a bank account", "a Twitter account" (not "his account of")
_KIND_COMPOUND = frozenset({"account"})


def _compound_owner(noun: Token, lex: _Lexicon) -> Token | None:
    """"a New York Times report", "police claims", "the Quinnipiac poll": a name or a speaker in front
    of the noun owns it like a possessive."""
    if noun.lemma_.lower() in _KIND_COMPOUND:
        return None
    for c in noun.children:
        if c.dep_ == "compound" and c.i < noun.i and (c.ent_type_ in ("PERSON", "ORG", "NORP") or c.lemma_.lower() in lex.institution
                                                       or c.lemma_.lower() in lex.roles or c.lemma_.lower() in lex.anonymous):
            return c
    return None


def _speaking_noun_ok(noun: Token) -> bool:
    """"faced questions about the fund", "drew sharp criticism": the noun is plural or has an adjective
    or content ("faced a question" alone is too thin to say who spoke), and is not "no ..."."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return False  # "faced no obvious threat", "received no response": nothing was said
    return noun.tag_ == "NNS" or any(c.dep_ in ("amod", "prep", "acl", "relcl") for c in noun.children)


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


_POSSESSIVE = frozenset({"'s", "’s"})


def _possessor_before(noun: Token) -> Token | None:
    """"Tulsa police’s earlier claim" when the parser read "’s" as a verb: the noun right before the
    possessive ending, with only adjectives between it and the cue noun."""
    doc = noun.doc
    k = noun.i - 1
    while k >= 0 and noun.i - k <= 3 and doc[k].pos_ in ("ADJ", "ADV") and doc[k].dep_ in ("amod", "advmod"):
        k -= 1
    if k < 1 or doc[k].lower_ not in _POSSESSIVE:
        return None
    owner = doc[k - 1]
    return owner if owner.pos_ in ("NOUN", "PROPN") else None


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
        owner = _child(noun, "poss") or _possessor_before(noun)
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
            if owner is None and cls == STATE_OF_MIND:
                continue  # "in his eyes", "in her view" are someone's; "in the public eye" is nobody's mind
            cue_toks = list(doc[prep.i : noun.i + 1])
            if src is None and cls != STATE_OF_MIND:
                src = _child(prep.head, "nsubj")
                if src is None:
                    continue
            rule = "rule:nominal-in"
        elif owner is None:
            giver = (_giver(noun, lex) or _compound_owner(noun, lex)) if cls != STATE_OF_MIND else None
            if giver is not None:  # "criticism from Republicans", "repeated warnings from his attorney"
                src, rule = giver, "rule:nominal-from"
            elif lemma in RECEIVED and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING and _speaking_noun_ok(noun):
                rule = "rule:nominal-received"  # "has faced questions about", "drew sharp criticism"
                if cls == "emotive":
                    cls = "neutral"  # the text says criticism was made; it does not colour anyone's words
                # "faced heavy criticism from the media": the parser may hang "from ..." on the verb
                src = _giver(noun.head, lex)
            elif lemma not in UNOWNED or not _content(noun):
                continue
            else:
                rule = "rule:nominal-unowned"
        elif not _content(noun):
            continue
        cue = _make_cue(ctx, lex, cue_toks, cls, src, rule, noun, None, [])
        cue.rules.insert(0, f"lexicon:{VERBS}/nominal/{lemma}")
        cue.why[0] = f"“{' '.join(t.text for t in cue_toks)}”: {lex.class_why.get(cls, '')}"
        out.append(cue)
    return out


def in_document_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                     inside_quote, verb_cue_heads: set[int]) -> list[_Cue]:
    """"In the latest poll, Clinton leads", "by one estimate": a figure credited to a poll, study or
    estimate. The preposition is the cue (like "according to"), the document the source. Not when the
    verb the phrase hangs on is a cue already ("found in a study that ..." is that verb's)."""
    doc = ctx.doc
    out = []
    seen: set[int] = set()
    for start, _ in matches:
        noun = doc[start]
        prep = noun.head
        if prep.lower_ == "of" and prep.head.pos_ in ("NUM", "PRON") and prep.head.dep_ == "pobj" and prep.head.head.lower_ == "in":
            prep = prep.head.head  # "in one of the first polls": the poll is still where the figure comes from
        if prep.lower_ not in ("in", "by") or prep.dep_ != "prep" or prep.i in seen or not ctx.token_in_body(prep) or inside_quote(prep):
            continue
        seen.add(prep.i)
        if prep.head.i in verb_cue_heads or taken.overlaps(prep.idx, noun.idx + len(noun.text)):
            continue
        if prep.lower_ == "by" and not any(c.dep_ == "det" and c.lower_ in ("one", "some", "another", "several", "most", "many", "this", "that", "its", "their") or c.dep_ in ("poss", "nummod") for c in noun.children):
            continue  # "by one estimate", "by their count"; not "divided by the census", "by analysis"
        cue = _make_cue(ctx, lex, [prep], "neutral", noun, "rule:in-document", prep, None, [])
        cue.rules.insert(0, f"lexicon:{VERBS}/frame.in_document/{noun.lemma_.lower()}")
        cue.why[0] = f"“{prep.text} … {noun.text}”: {lex.in_document_why}"
        out.append(cue)
    return out
