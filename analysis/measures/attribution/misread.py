"""Reporting frames the small English model misreads.

Two are fixed where ``frames`` reads a verb: a name and its label read as two objects or as one noun phrase
("branded North Korea an 'outlaw nation'", "calls Obamacare 'crazy system'": ``_names_and_labels``), and a
verb of saying written before its speaker ("Said Ellis: ...", "Added one aide, ...": ``_inverted_speaker``).

The third has its own cues: reporting verbs the tagger read as plural nouns (or, in Title Case, as names).

"House panel votes to hold ...", "Federal court rules against ...", "Sanders Vows To Eliminate ...",
"Trump charges that ...", "..., the candidate's former doctor maintains.": a word ending in "-s" right
after a noun can be a plural noun ("tax rules", "talking points") or the verb of that noun ("the court
rules"). Headlines, which drop "the" and "has", are where the small English model most often takes the
verb for a noun; it then hangs the speaker on it as a compound ("court rules"), and the verb's frame
(what was said or decided) is lost.

The word is read as the verb when all of these hold:

- its "-s" form is the present tense of a verb in ``reporting_verbs.toml``;
- the noun phrase right before it is hung on it by the parse, and its noun can speak (a person, body or
  document: not "tax" in "tax rules");
- what follows is what that verb takes: "that ..." (a clause), "to" and a verb for a verb of intention,
  decision or request ("votes to hold", "plans to employ"), the preposition of its phrasal frame ("rules
  against"), a quotation mark or colon, or the end of the sentence after a comma ("..., the doctor
  maintains.").

"Percentage points to 4.2" ("to" and no verb), "member states to counter" ("state" is left out: as a
noun it names countries), "DNC rules permit" (a verb follows, so "rules" is the subject) stay nouns.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ...context import DocContext
from ...intervals import Intervals
from .cues import _Cue, _make_cue
from .lexicon import _base_forms, _Lexicon
from .sources import name_used_elsewhere

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# as a plural noun these name things, not acts of saying: "member states", "the talks", "news posts"
_NOUN_FIRST = frozenset({"state", "talk", "post", "point", "answer", "order", "term", "note", "document", "detail"})
_NOUN_PHRASE = frozenset({"compound", "nsubj", "amod", "poss", "det", "nmod", "nummod"})
_FULL_STOP = frozenset({".", "!"})
_QUOTE_OR_COLON = frozenset({":", "“", '"', "‘", "'"})


# verbs of saying a writer may put first, before their speaker: "Said Ellis: ...", "Added one aide, ..."
INVERTED = frozenset({"say", "add", "write", "explain", "note", "ask", "reply", "answer", "recall", "warn"})


def _inverted_speaker(verb: Token) -> Token | None:
    """"Said Ellis: '…'", "Said one aide, '…'": a verb of saying first in its sentence, then its speaker, then
    a comma or colon and what was said. The speaker is the first noun of that phrase that is not inside
    another noun's phrase ("one aide" -> "aide", "Mr. Hale" -> "Hale", "the mayor of Leeds" -> "mayor")."""
    doc = verb.doc
    if verb.i != verb.sent.start or not verb.is_title or verb.i + 2 >= len(doc):
        return None
    phrase = []
    for t in doc[verb.i + 1 : verb.i + 9]:
        if t.text in (",", ":"):
            break
        phrase.append(t)
    else:
        return None
    end = verb.i + len(phrase) + 1  # the comma or colon
    if not phrase or end + 1 >= len(doc) or doc[end + 1].is_space:
        return None
    if any(t.pos_ in ("VERB", "AUX", "PART") for t in phrase):
        return None  # "Said to be the richest man in town, he ...": a participle, not a speaker
    inside = {t.i for t in phrase}
    heads = [t for t in phrase if t.pos_ in ("NOUN", "PROPN") and not (t.head.i in inside and t.dep_ in ("compound", "pobj", "poss"))]
    return heads[0] if heads else None


def _names_and_labels(verb: Token) -> bool:
    """"branded North Korea an 'outlaw nation'", "calls Obamacare 'crazy system'": the parser read the thing
    named and its label as two objects, or as one noun phrase with the label in quotation marks after a name."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) >= 2:
        return True
    for obj in objects:
        toks = list(obj.subtree)
        for k, t in enumerate(toks[1:], 1):
            if t.is_quote and t.is_left_punct and toks[k - 1].pos_ == "PROPN":
                return True
    return False


def present_tense_lemma(word: str, lex: _Lexicon) -> str | None:
    """The reporting verb whose present tense ("vows", "charges", "denies") ``word`` is, or None."""
    w = word.lower()
    if not w.endswith("s"):
        return None
    return next((lemma for lemma in _base_forms(w) if lemma in lex.verb_class and lemma not in _NOUN_FIRST), None)


def _phrase_start(tok: Token) -> int:
    """Where the noun phrase before ``tok`` starts: the parse hangs its words ("the candidate's former
    doctor") on ``tok`` itself when it reads ``tok`` as the noun."""
    return min((c.left_edge.i for c in tok.lefts if c.dep_ in _NOUN_PHRASE), default=tok.i)


def _takes(tok: Token, lemma: str, lex: _Lexicon) -> bool:
    """What follows the word is the verb's frame."""
    doc = tok.doc
    if tok.i + 1 >= len(doc):
        return False
    nxt = doc[tok.i + 1]
    low = nxt.lower_
    if low == "that" and tok.i + 2 < len(doc) and doc[tok.i + 2].pos_ not in ("VERB", "AUX"):
        return True  # "charges that countries ...", not "claims that were debunked" (a relative clause)
    if low == "to" and (lemma in lex.to_clause or lemma in lex.object_frame):
        after = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        return after is not None and (after.tag_ == "VB" or (after.is_title and after.pos_ in ("VERB", "PROPN") and after.tag_ != "NNPS"))
    if (lemma, low) in lex.phrasal:
        return True
    if nxt.text in _QUOTE_OR_COLON:
        return True
    if nxt.text in _FULL_STOP:  # a full stop of its own ("Mr." is one token): the sentence ends
        # "..., the candidate's former doctor maintains.": the speaker and verb set off after a comma
        left = _phrase_start(tok)
        return left > 0 and doc[left - 1].text == ","
    return False


def misread_verb_cues(ctx: DocContext, lex: _Lexicon, matches: list[tuple[int, int]], taken: Intervals,
                      inside_quote: Callable[[Token], bool], can_speak: Callable[..., bool]) -> list[_Cue]:
    """Cues for reporting verbs the tagger read as plural nouns (see the module's docstring)."""
    doc = ctx.doc
    out = []
    for start, _ in matches:
        tok = doc[start]
        lemma = present_tense_lemma(tok.text, lex)
        if lemma is None or tok.i == 0 or not ctx.token_in_body(tok) or inside_quote(tok):
            continue
        # the noun phrase right before it ("court", "the mayor's chief of staff"), hung on it by the parse
        speaker = next((c for c in tok.lefts if c.dep_ in ("compound", "nsubj") and c.right_edge.i == tok.i - 1), None)
        if speaker is None or speaker.pos_ not in ("NOUN", "PROPN"):
            continue
        if not _takes(tok, lemma, lex):
            continue
        nxt = doc[tok.i + 1]
        sentence_end = nxt.text in _FULL_STOP
        # after a comma and before the full stop ("..., the doctor maintains.") the word can only be a verb,
        # and its subject any noun; elsewhere the noun must be one that speaks ("court rules against", not
        # "tax rules against")
        if not (can_speak(speaker, lex, tok if sentence_end else None) or name_used_elsewhere(speaker)):
            continue
        if taken.overlaps(tok.idx, tok.idx + len(tok.text)):
            continue
        complement = [] if sentence_end else [(nxt.idx, tok.sent.end_char)]
        cls = lex.phrasal.get((lemma, nxt.lower_), lex.verb_class[lemma])
        toks = [tok, nxt] if (lemma, nxt.lower_) in lex.phrasal else [tok]
        cue = _make_cue(ctx, lex, toks, cls, speaker, "rule:verb-read-as-noun", tok, None, complement, lemma=lemma)
        if cue.source_span is not None:  # the whole phrase, not just the noun the parse hung on the verb
            cue.source_span = (min(cue.source_span[0], doc[_phrase_start(tok)].idx), cue.source_span[1])
        cue.why[0] = (f"“{tok.text}” is the verb here, though it looks like a plural noun (as often in headlines): "
                      f"what comes before it says who. {lex.class_why.get(cls, '')}")
        out.append(cue)
    return out
