"""Cues made of a verb and a noun, or of an adjective: a light verb whose object names what was said
("issued a statement", "made the case", "expressed concern", "raised questions"), "made it clear that",
"as she put it", and an adjective of certainty, feeling or stance with what it is about ("was sure that",
"are afraid that", "has been critical of"), and a verb of feeling whose object feels it ("that worries
parents"), and a view or doubt someone has about something ("has no illusions about"). The nouns,
adjectives and verbs are in ``reporting_verbs.toml`` (``[frame.support]``, ``[adjective.*]``,
``[affect_verb.*]``, ``[frame.holding]``); the noun's class is its ``[nominal.*]`` class when it has one."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ...context import DocContext
from ...intervals import Intervals
from .cues import _Cue, _make_cue
from .frames import _complement, _subject, _that_follows, not_yet_said
from .lexicon import STATE_OF_MIND, VERBS, _Lexicon
from .sources import _child

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# "made it clear that", "made it plain", "made known"
_MAKE_PLAIN = frozenset({"clear", "plain", "known", "obvious"})
# verbs an adjective of feeling or certainty hangs on: "was sure", "seemed confident", "remains opposed"
_LINKING = frozenset({"be", "seem", "remain", "feel", "become", "appear", "grow", "sound", "look", "stay"})
# what an adjective of stance is about: "critical of", "worried about", "opposed to", "confident in"
_ADJ_PREPS = frozenset({"of", "about", "over", "to", "with", "in", "on", "toward", "towards", "at", "for"})


_REFERRING = frozenset({"the", "this", "that", "these", "those", "such"})


def _nested(tok: Token, anchors: set[int]) -> bool:
    """Inside what another cue reports: "he said he was skeptical", "X may be reluctant, Schiff said",
    "police say he made threats". What the speaker says about himself is part of the speaker's words."""
    chain = [tok, *tok.ancestors]
    for t in chain[1:]:
        if t.i in anchors:
            return True
    return any(c.i in anchors and c.dep_ in ("parataxis", "ccomp") for t in chain for c in t.children)


def _out_of_reach(ctx: DocContext, tok: Token, inside_quote: Callable[[Token], bool], anchors: set[int],
                  nested_from: Token | None = None) -> bool:
    """Page furniture, inside a quotation, or inside what another cue reports (checked from
    ``nested_from``, the word the frame hangs on, when it is not ``tok`` itself): no cue of these kinds."""
    return not ctx.token_in_body(tok) or inside_quote(tok) or _nested(nested_from or tok, anchors)


def _lexicon_cue(ctx: DocContext, lex: _Lexicon, toks: list[Token], cls: str, holder: Token, rule: str,
                 anchor: Token, complement: list[tuple[int, int]], entry: str, why: str) -> _Cue:
    """A cue found through one of the verb lexicon's other tables (``entry``, e.g. "adjective/sure"): that
    entry leads its rules and ``why`` replaces the verb class's reason."""
    cue = _make_cue(ctx, lex, toks, cls, holder, rule, anchor, None, complement)
    cue.rules.insert(0, f"lexicon:{VERBS}/{entry}")
    cue.why[0] = why
    return cue


_ABOUT = frozenset({"for", "against", "about", "on", "of", "over", "to", "regarding", "concerning"})


def _about(prep: Token) -> bool:
    """"about the cost", "on trade", not "on Friday" or "in Leeds" (when and where, not what)."""
    if prep.dep_ != "prep" or prep.lower_ not in _ABOUT:
        return False
    obj = _child(prep, "pobj")
    return obj is None or obj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC")


# nouns for a run of things said: "a flurry of tweets", "a series of statements", "a barrage of attacks"
_RUN = frozenset({"series", "flurry", "barrage", "string", "stream", "volley", "torrent", "spate", "round", "raft"})


def _of_a_run(obj: Token) -> Token:
    """The noun after "a flurry of", "a series of" (what the run is made of), or the object itself."""
    if obj.lemma_.lower() not in _RUN:
        return obj
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    inner = _child(of, "pobj") if of is not None else None
    return inner if inner is not None else obj


def _has_content(noun: Token, verb: Token, reporting: frozenset[str] | dict = frozenset()) -> bool:
    """What was said follows: "a statement calling ...", "the case that/for ...", "concern about ...", a
    clause on the verb, or a colon."""
    if any(c.dep_ in ("acl", "relcl", "ccomp") and c.i > noun.i for c in noun.children):
        return True
    if any(_about(c) and c.i > noun.i for c in noun.children):
        return True
    if any(c.i > noun.i and (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in reporting))
           for c in verb.children):
        return True  # "issued a statement saying ...", not "made the remark after X declared ..."
    if any(_about(c) and c.i == noun.right_edge.i + 1 for c in verb.children):
        return True  # "made the case for Clinton": the parser hung "for" on the verb
    nxt = noun.i + 1
    return nxt < len(noun.doc) and noun.doc[nxt].text in (":", ",")


def support_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                 inside_quote: Callable[[Token], bool], verb_cue_heads: set[int],
                 can_speak: Callable[..., bool]) -> list[_Cue]:
    doc = ctx.doc
    out = []
    for start, _ in matches:
        verb = doc[start]
        if verb.i in verb_cue_heads or _out_of_reach(ctx, verb, inside_quote, verb_cue_heads):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or not_yet_said(verb):
            continue
        lemma = verb.lemma_.lower()
        plain = next((c for c in verb.children if c.dep_ in ("oprd", "ccomp", "acomp", "xcomp") and c.lower_ in _MAKE_PLAIN), None)
        obj = _child(verb, "dobj")
        if lemma == "make" and plain is not None and (obj is None or obj.lower_ == "it"):
            cls, key, last = "neutral", "make it clear", plain  # "made it clear (that)", "made clear"
        elif obj is None:
            continue
        elif lemma == "put" and obj.lower_ == "it" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("as", "how") for c in verb.children):
            cls, key, last = "neutral", "as X put it", obj  # "as one adviser put it"
        else:
            obj = _of_a_run(obj)  # "unleashed a flurry of tweets": the tweets
            noun = obj.lemma_.lower()
            cls = lex.nominal.get(noun) or lex.nominal.get(obj.lower_) or lex.support_nouns.get(noun) or lex.support_nouns.get(obj.lower_)
            if cls is None or (noun == "case" and lemma != "make"):
                continue
            det = _child(obj, "det")
            if det is not None and det.lower_ in _REFERRING and not _has_content(obj, verb, lex.verb_class):
                continue  # "made the comments on Friday": a statement the text has reported already
            key, last = f"{lemma} {obj.lemma_.lower()}", obj
        subj = _subject(verb, lex.verb_class)
        if subj is None or not can_speak(subj, lex):  # a known speaker: "the plan raised questions" is no one's words
            continue
        if subj.lower_ == "it":
            continue
        toks = list(doc[verb.i : last.i + 1]) if 0 < last.i - verb.i <= 4 else [verb, last]
        if taken.overlaps(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
            continue
        out.append(_lexicon_cue(
            ctx, lex, toks, cls, subj, "rule:support-verb", verb, _complement(verb) + (_complement(obj) if obj is not None else []),
            f"frame.support/{key}",
            f"“{' '.join(t.text for t in toks)}”: a verb and a noun that together say someone spoke or took a stand. "
            f"{lex.class_why.get(cls, '')}"))
    return out


def adjective_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                   inside_quote: Callable[[Token], bool], anchors: set[int], can_speak: Callable[..., bool]) -> list[_Cue]:
    doc = ctx.doc
    out = []
    for start, _ in matches:
        adj = doc[start]
        cls = lex.adjectives.get(adj.lower_)
        if cls is None or _out_of_reach(ctx, adj, inside_quote, anchors):
            continue
        if adj.dep_ in ("acomp", "oprd") and adj.head.lemma_.lower() in _LINKING:
            holder = adj.head
            subj = _subject(holder, lex.verb_class)
        elif adj.pos_ == "VERB" and adj.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in adj.children):
            holder = adj  # "are convinced that", "is determined to": parsed as a passive
            subj = _child(adj, "nsubjpass")
        else:
            continue
        about = any(c.dep_ in ("ccomp", "xcomp") for c in adj.children) or any(
            c.dep_ == "prep" and c.lower_ in _ADJ_PREPS and c.i > adj.i for c in adj.children) or _that_follows(adj)
        if not about:
            continue
        if subj is None or subj.lower_ == "it" or not can_speak(subj, lex):
            continue
        if taken.overlaps(adj.idx, adj.idx + len(adj.text)):
            continue
        out.append(_lexicon_cue(ctx, lex, [adj], cls, subj, "rule:stance-adjective", adj, _complement(adj),
                                f"adjective/{adj.lower_}", f"“{adj.text}”: {lex.class_why.get(cls, '')}"))
    return out


_STANCE_PREPS = frozenset({"of", "for", "against"})


def stance_noun_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                     inside_quote: Callable[[Token], bool], anchors: set[int], can_speak: Callable[..., bool]) -> list[_Cue]:
    """"Kaine is a staunch opponent of the death penalty", "A passionate defender of the network, Mr.
    Schultz likened ...": what someone is, as a stance on something (``[stance_noun.*]``)."""
    doc = ctx.doc
    out = []
    for start, _ in matches:
        noun = doc[start]
        cls = lex.stance_nouns.get(noun.lemma_.lower())
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS and c.i > noun.i), None)
        if cls is None or prep is None or _out_of_reach(ctx, noun, inside_quote, anchors):
            continue
        head = noun.head
        if noun.dep_ == "attr" and head.lemma_.lower() in _LINKING:
            subj = _subject(head, lex.verb_class)
        elif noun.dep_ == "appos":
            subj = head  # "Ms. Ward, a longtime critic of the plan"
        elif noun.dep_ == "npadvmod" and head.pos_ in ("VERB", "AUX"):
            subj = _child(head, "nsubj")  # "A passionate defender of RT, Mr. Schultz likened ..."
        else:
            continue
        if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.lower_ == "it" or not can_speak(subj, lex):
            continue
        if taken.overlaps(noun.idx, prep.idx + len(prep.text)):
            continue
        out.append(_lexicon_cue(ctx, lex, [noun, prep], cls, subj, "rule:stance-noun", noun, [],
                                f"stance_noun/{noun.lemma_.lower()}",
                                f"“{noun.text} {prep.text}”: where someone stands. {lex.class_why.get(cls, '')}"))
    return out


_FEELER_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you"})
_FEELER_LABELS = frozenset({"PERSON", "NORP", "ORG"})


def _can_feel(tok: Token, lex: _Lexicon) -> bool:
    """An object that is a person or a group: a name, "him", "officials" (the source lexicon's people and
    bodies) or a plural ("environmentalists", "parents"), not "the harbour" or "the budget"."""
    if tok.pos_ == "PRON":
        return tok.lower_ in _FEELER_PRONOUNS
    lemma = tok.lemma_.lower()
    return tok.ent_type_ in _FEELER_LABELS or tok.pos_ == "PROPN" or tok.tag_ == "NNS" or any(
        lemma in s or tok.lower_ in s for s in (lex.anonymous, lex.vague, lex.roles, lex.institution))


def affect_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                inside_quote: Callable[[Token], bool], anchors: set[int]) -> list[_Cue]:
    """"That worries environmentalists", "The ruling angered parents": a verb of feeling whose object is a
    person or group says what they feel (``[affect_verb.*]``); the object holds the state of mind."""
    doc = ctx.doc
    out = []
    for start, _ in matches:
        verb = doc[start]
        cls = lex.affect_verbs.get(verb.lemma_.lower())
        if cls is None or verb.i in anchors or _out_of_reach(ctx, verb, inside_quote, anchors):
            continue
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            continue  # "were unsettled by the protests": an adjective of feeling, not this frame
        obj = _child(verb, "dobj")
        if obj is None or not _can_feel(obj, lex):
            continue
        if taken.overlaps(verb.idx, verb.idx + len(verb.text)):
            continue
        out.append(_lexicon_cue(
            ctx, lex, [verb], cls, obj, "rule:affected-object", verb, [], f"affect_verb/{verb.lemma_.lower()}",
            f"“{verb.text}”: a verb of feeling; “{obj.text}” is the one who feels it. {lex.class_why.get(cls, '')}"))
    return out


_HELD_ABOUT = frozenset({"about", "on", "over", "regarding", "concerning", "toward", "towards"})


def holding_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                 inside_quote: Callable[[Token], bool], anchors: set[int], can_speak: Callable[..., bool]) -> list[_Cue]:
    """"She has no illusions about Putin", "voters have reservations about him", "had the same position on
    climate": a view, doubt or worry someone has about something (``[frame.holding]``), a state of mind."""
    doc = ctx.doc
    out = []
    for start, _ in matches:
        noun = doc[start]
        verb = noun.head
        if verb.lemma_.lower() != "have" or verb.pos_ not in ("VERB", "AUX") or verb.i in anchors:
            continue
        if _out_of_reach(ctx, noun, inside_quote, anchors, nested_from=verb):
            continue
        about = any(c.dep_ == "prep" and c.lower_ in _HELD_ABOUT and c.i > noun.i for c in noun.children) or any(
            c.dep_ in ("acl", "ccomp") and any(t.lower_ == "that" and t.dep_ == "mark" for t in c.children) for c in noun.children)
        if not about:
            continue
        subj = _subject(verb, lex.verb_class)
        if subj is None or subj.lower_ == "it" or not can_speak(subj, lex):
            continue
        toks = list(doc[verb.i : noun.i + 1]) if 0 < noun.i - verb.i <= 4 else [verb, noun]
        if taken.overlaps(toks[0].idx, toks[-1].idx + len(toks[-1].text)):
            continue
        out.append(_lexicon_cue(
            ctx, lex, toks, STATE_OF_MIND, subj, "rule:holding", verb, [], f"frame.holding/{noun.lemma_.lower()}",
            f"“{' '.join(t.text for t in toks)}”: a view, doubt or worry someone has. {lex.class_why.get(STATE_OF_MIND, '')}"))
    return out
