"""The internal record of one cue while the article is read, and how a cue and its source are described."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...context import DocContext
from .lexicon import SOURCES, VERBS, _Lexicon
from .sources import OTHER_PRONOUNS, PERSON_PRONOUNS, _HEADLINE_DASHES, _classify, _tokens_span, _type_why, past_dateline

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token


@dataclass
class _Cue:
    cue_start: int  # char offsets
    cue_end: int
    cue_class: str
    source_head: Token | None
    source_span: tuple[int, int] | None  # char offsets
    source_type: str
    rules: list[str]
    why: list[str]
    anchor: Token  # a token of the cue, for sentence lookup
    pronoun: Token | None = None
    complement: list[tuple[int, int]] = field(default_factory=list)  # char ranges of what is reported
    resolved: str | None = None
    person: str | None = None  # the source's PERSON name, when it has one
    frame_end: int = 0  # end of the verb's own objects and asides ("told reporters in Tokyo")



def _make_cue(
    ctx: DocContext,
    lex: _Lexicon,
    cue_toks: list[Token],
    cls: str,
    src: Token | None,
    rule: str,
    anchor: Token,
    adverb: Token | None,
    complement: list[tuple[int, int]],
    lemma: str | None = None,
    within: tuple[int, int] | None = None,
) -> _Cue:
    cue_start, cue_end = _tokens_span(cue_toks)
    cue_text = ctx.text[cue_start:cue_end]
    rules = []
    if lemma is not None:
        rules.append(f"lexicon:{VERBS}/{lemma}")
    if adverb is not None:
        rules.append(f"lexicon:{VERBS}/emotive_adverbs/{adverb.lower_}")
    rules.append(rule)
    if adverb is not None:
        why = [f"“{adverb.text}” colours the reporting verb. {lex.adverb_why}"]
    elif lemma is not None:
        why = [f"“{cue_text}”: {lex.class_why.get(cls, '')}"]
    else:
        why = [f"“{cue_text}” is a plain way to say where information comes from."]
    pronoun = None
    person = None
    if src is not None:
        src = past_dateline(src)
    if src is None:
        span = None
        stype = "none"
    elif src.pos_ == "PRON" and src.lower_ in PERSON_PRONOUNS | OTHER_PRONOUNS:
        span = (src.idx, src.idx + len(src.text))
        pronoun = src
        stype = "named" if src.lower_ in PERSON_PRONOUNS else "vague"
    else:
        stype, span, src_rule, person = _classify(src, lex, within)
        rules.append(src_rule)
    resolved = None
    relative = _relative_subject(anchor, src) if src is not None and pronoun is None else None
    if relative is not None and span is not None:
        # "Mr. Kamin, who emphasized that ...": the source's words are "who"; its type and name are those
        # of the noun it stands for, as for "he"
        meant = " ".join(ctx.text[span[0]:span[1]].split())
        resolved = person or meant
        span = (relative.idx, relative.idx + len(relative.text))
        rules.append("rule:relative-pronoun")
        why.append(f"Source “{relative.text}” stands for “{meant}”: {stype}. {lex.type_why.get(stype, '')}")
    elif pronoun is None:
        why.append(_type_why(ctx, lex, stype, span))
    return _Cue(cue_start, cue_end, cls, src, span, stype, rules, why, anchor, pronoun, complement, resolved, person)


_RELATIVES = frozenset({"who", "that", "which"})


def _relative_subject(verb: Token, antecedent: Token) -> Token | None:
    """"Mr. Kamin, who emphasized that", "the AP, which first reported": the relative pronoun that is the
    subject of the cue's clause about ``antecedent`` (following "and" back to the clause's own verb)."""
    if antecedent.pos_ not in ("NOUN", "PROPN"):
        return None
    tok = verb
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            if subj.lower_ in _RELATIVES and tok.dep_ == "relcl" and tok.head.i == antecedent.i:
                return subj
            return None
        if tok.dep_ in ("conj", "xcomp") and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head
            continue
        return None
    return None



def _headline_cue(ctx: DocContext, lex: _Lexicon) -> _Cue | None:
    """Wire-style headline credit: "Japan's Kishida Considers Joining NATO Summit -Sources"."""
    if ctx.headline is None:
        return None
    h_start, h_end = ctx.headline
    doc = ctx.doc
    toks = [t for t in doc.char_span(h_start, h_end, alignment_mode="expand") or [] if not t.is_space]
    # the last dash that follows a space and is followed by at most three words up to the end
    for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
        tok = toks[k]
        if not tok.text or tok.text[0] not in _HEADLINE_DASHES:
            continue
        if tok.idx == 0 or not ctx.text[tok.idx - 1].isspace():
            return None
        cue_start, cue_end = tok.idx, tok.idx + 1
        src_start = cue_end if len(tok.text) > 1 else (toks[k + 1].idx if k + 1 < len(toks) else h_end)
        src_text = ctx.text[src_start:h_end].strip()
        words = src_text.split()
        if not words or len(words) > 3 or not all(w.replace("'", "").replace(".", "").isalpha() for w in words):
            return None
        head_word = words[-1].lower()
        singular = head_word[:-1] if head_word.endswith("s") else head_word
        if singular in lex.anonymous or head_word in lex.anonymous:
            stype, why_key = "anonymous", f"lexicon:{SOURCES}/anonymous/{singular}"
        elif singular in lex.vague or head_word in lex.vague:
            stype, why_key = "vague", f"lexicon:{SOURCES}/vague/{singular}"
        elif words[0][0].isupper() and head_word not in ("report", "reports"):
            stype, why_key = "named", "rule:headline-name"
        else:
            return None
        span = (src_start, src_start + len(src_text))
        why = [
            "A dash and a source at the end of a headline is how wire services credit who the story comes from.",
            _type_why(ctx, lex, stype, span),
        ]
        return _Cue(cue_start, cue_end, "neutral", None, span, stype, ["rule:headline-credit", why_key], why, tok)
    return None



_SPEAKER_POS = frozenset({"PROPN", "NOUN", "PRON"})


def speaker_outside_quote(ctx: DocContext, lex: _Lexicon, cue: _Cue, quote: tuple[int, int]) -> bool:
    """"“We will achieve justice,” Chief Jordan said": the parser took a word inside the quotation for
    the subject. The speaker is the name between the quotation and the verb ("Chief Jordan said"), or
    right after the verb ("said Mr. Hale"). Re-points the cue's source; False when no such word."""
    doc = ctx.doc
    verb = cue.anchor
    # the word right before the verb ("Chief Chuck Jordan said"), an adverb aside
    k = verb.i - 1
    while k > 0 and doc[k].pos_ == "ADV" and doc[k].idx >= quote[1]:
        k -= 1
    prev = doc[k] if k >= 0 and doc[k].idx >= quote[1] else None
    src = prev if prev is not None and prev.pos_ in _SPEAKER_POS and prev.ent_type_ not in ("DATE", "TIME") else None
    if src is None and not ctx.text[quote[1] : verb.idx].strip(" \t,;:–—-"):
        for t in doc[verb.i + 1 : verb.i + 6]:  # '“…,” said Mr. Hale'
            if t.is_punct or t.is_space or t.pos_ in ("ADP", "SCONJ", "AUX", "VERB") or t.ent_type_ in ("DATE", "TIME"):
                break
            if t.pos_ in _SPEAKER_POS:
                src = t
                while src.head.i > src.i and src.head.i < verb.i + 8 and src.dep_ == "compound":
                    src = src.head
                break
    if src is None or (src.pos_ == "PRON" and src.lower_ not in PERSON_PRONOUNS | OTHER_PRONOUNS):
        return False
    cue.source_head = src
    cue.person = None
    if src.pos_ == "PRON":
        cue.source_span = (src.idx, src.idx + len(src.text))
        cue.pronoun = src
        cue.source_type = "named" if src.lower_ in PERSON_PRONOUNS else "vague"
        rule = "rule:pronoun"
    else:
        cue.pronoun = None
        cue.source_type, cue.source_span, rule, cue.person = _classify(src, lex)
    cue.rules = [r for r in cue.rules if not r.startswith(("rule:named", "rule:proper", "rule:unspecific", f"lexicon:{SOURCES}"))]
    cue.rules += ["rule:speaker-outside-quote", rule]
    cue.why = [cue.why[0], _type_why(ctx, lex, cue.source_type, cue.source_span)]
    return True
