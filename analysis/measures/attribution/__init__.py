"""Attribution: who a text says its information comes from, and how it introduces them.

For every reporting cue ("said", "claimed", "according to", "citing", "quoted as saying", "-Sources" at
the end of a headline ...) Slant reports:

- the cue and its class (neutral / doubt / credence / emotive / speculative / state_of_mind), from
  ``resources/lexicons/reporting_verbs.toml``; an adverb such as "bizarrely" makes any cue emotive.
  ``state_of_mind`` ("believes", "wants", "hopes", "in his view") is what someone thinks or wants, not
  something said: it is kept apart and never counted as a claim from a source;
- the source phrase, found in the dependency parse (the subject of the verb, the object of "according to"
  and of "citing", the "by" agent of a passive), and its type: ``named`` (a person, organisation, outlet
  or state), ``anonymous`` (specific but unnamed: "a government spokesman"), ``vague`` ("observers",
  "reports") or ``none`` ("it was learned that"), using named entities and
  ``resources/lexicons/source_nouns.toml``;
- for "he said", the person "he" is, when the text makes it plain (``resolved_source``);
- whether the cue introduces a direct quotation, and the quotation's span.

"Citing X" and "X cited by Y" are cues whose source is X, the party whose information is passed on:
"Kyodo reported, citing government sources" gives two attributions, "reported" (Kyodo, named) and
"citing" (government sources, anonymous). When the cited party is already the source of another cue
("according to government sources cited by Kyodo") the "cited by" is folded into that one's ``why``.

A verb is a cue only in a reporting frame: with a "that"/clause complement, in "X, Kishida said", with a
"by" agent, in an impersonal passive, next to a quotation, or (for "call", "describe" ...) as
"X called Y Z" / "X described Y as Z". Statements, requests and stances also report with an object or a
"to" clause ("denied the report", "urged Congress to act", "wants a recount"), phrasal verbs with their
preposition ("called for"), documents with what they show ("polls show"). Nouns are cues with their owner
("Trump's claim that", "in Mr. Connolly's view", ``nominal``) or with a light verb ("issued a statement",
"made the case for", ``support``), adjectives of certainty or feeling with what they are about ("was sure
that", "is critical of": states of mind, ``support``), verbs of feeling with the one who feels as object
("that worries parents": a state of mind of the parents, ``support``), punctuation with a speaker (a colon before a
quotation, "PENCE:" at the start of a line, "— Name" after a quotation, ``punctuation``). In "Ms. Chen, who
said ...", the source is "who", resolved to the noun it stands for, like "he". Words inside a
quotation (or after "NAME:") are the speaker's own and never a second attribution. The matchers are built
once per ``Vocab`` and reused.

A verb the tagger read as a plural noun ("House panel votes to", "court rules against", "..., the doctor
maintains.") is still a cue when what follows is that verb's frame (``misread``).

Modules: ``lexicon`` (the TOML tables and the Matcher), ``frames`` (when a verb reports, and its speaker),
``misread``, ``nominal``, ``support`` (verb + noun, adjectives), ``punctuation``, ``sources`` (the source phrase and its type), ``quotes``, ``cues`` (the
record of one cue), ``resolve`` (who "he" or "the mayor" is, "cited by" folding).
"""
from __future__ import annotations

from ...context import DocContext
from ...intervals import Intervals
from ...results import Attribution
from .cues import _Cue, _headline_cue, _make_cue, speaker_outside_quote
from .frames import _can_speak, _complement, _cue_tokens, _frame_end, _phrasal_particle, _verb_cue
from .misread import misread_verb_cues
from .nested import drop_nested
from .nominal import in_document_cues, nominal_cues
from .punctuation import clause_colon_cues, dash_credit_cues, speaker_colon_cues
from .lexicon import CLASSES, SOURCES, STATE_OF_MIND, VERBS, clear_cache, lexicon, lexicon_and_matcher
from .quotes import _direct_quote, _inside_quotation, _quotation_around, _quotes, _wrapped_in_quotes
from .resolve import _fold_passive_cites, _resolve_pronouns, _resolve_titles
from .sources import _child, _is_source_noun, _span
from .support import adjective_cues, affect_cues, holding_cues, stance_noun_cues, support_cues

__all__ = ["CLASSES", "SOURCES", "STATE_OF_MIND", "VERBS", "clear_cache", "find_attributions", "lexicon", "lexicon_and_matcher"]


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def find_attributions(ctx: DocContext) -> tuple[Attribution, ...]:
    doc = ctx.doc
    if not len(doc):
        return ()
    lex, matcher = lexicon_and_matcher(doc.vocab)
    strings = doc.vocab.strings
    by_key: dict[str, list[tuple[int, int]]] = {}
    for match_id, start, end in matcher(doc):
        by_key.setdefault(strings[match_id], []).append((start, end))

    quotes = _quotes(ctx, [doc[s] for s, _ in by_key.get("QUOTE_MARK", [])])
    quote_starts = [q[0] for q in quotes]
    cues: list[_Cue] = []
    taken: set[int] = set()

    def quote_near(lo: int, hi: int) -> bool:
        return bool(quotes) and _direct_quote(ctx, quotes, quote_starts, lo, hi) is not None

    for start, end in by_key.get("QUOTED_AS", []):
        quote_tok = doc[start]
        if quote_tok.i in taken or not ctx.in_body(quote_tok.idx, doc[end - 1].idx + 1):
            continue
        taken.update({start, end - 1})
        middle = [t for t in doc[start + 1 : end - 2] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if middle:  # "Kyodo quoted officials as saying": the quoted are the source; the cue is "quoted"
            heads = [t for t in middle if not (start < t.head.i < end - 2)]
            src = (heads or middle)[-1]
            cue_toks = [quote_tok]
        else:  # "Kyodo's sources were quoted as saying"
            src = _child(quote_tok, "nsubjpass") or _child(quote_tok, "nsubj")
            cue_toks = [quote_tok, doc[end - 1]]
        cues.append(_make_cue(ctx, lex, cue_toks, "neutral", src, "rule:quoted-as-saying", doc[start], None,
                              _complement(quote_tok) + _complement(doc[end - 1]),
                              within=(start + 1, end - 2) if middle else None))

    colons = [doc[s] for s, _ in by_key.get("COLON", [])]
    speakers = speaker_colon_cues(ctx, lex, Intervals(()), colons)
    spoken = Intervals((c.cue_end, _paragraph_end(ctx.text, c.cue_end)) for c in speakers)
    for start, end in sorted(set(by_key.get("VERB", []))):  # a verb may match by lemma and by form
        verb = doc[start]
        if verb.i in taken or not ctx.token_in_body(verb) or (quotes and _wrapped_in_quotes(quotes, quote_starts, verb)):
            continue
        if quotes and _inside_quotation(quotes, quote_starts, verb):
            continue
        if spoken.overlaps(verb.idx, verb.idx):
            continue  # "PENCE: I think ...": a transcript speaker's own words, like a quotation
        found = _verb_cue(verb, lex, quote_near)
        if found is None:
            continue
        src, rule, impersonal = found
        toks, adverb = _cue_tokens(verb, lex, impersonal)
        lemma = lex.lemma(verb)
        particle = _phrasal_particle(verb, lex)
        if particle is not None:  # "called for", "pointed to": the preposition is part of the cue
            toks = sorted({*toks, *(t for t in doc[verb.i + 1 : particle.i + 1] if t.i == particle.i or t.dep_ in ("advmod", "prt"))}, key=lambda t: t.i)
            cls = lex.phrasal[(lemma, particle.lower_)]
        else:
            cls = lex.verb_class[lemma]
        if adverb is not None and cls != STATE_OF_MIND:
            cls = "emotive"
        else:
            adverb = None
        cue = _make_cue(ctx, lex, toks, cls, src, rule, verb, adverb, _complement(verb), lemma=lemma)
        if particle is not None:
            cue.rules.insert(1, f"lexicon:{VERBS}/frame.phrasal/{lemma} {particle.lower_}")
        cue.frame_end = _frame_end(verb)
        if lemma == "cite" and rule == "rule:cited-noun":
            cue.rules.append("passive-cite")
        cues.append(cue)

    for key, rule in (("ACCORDING", "rule:according-to"), ("BASED_ON", "rule:based-on")):
        for start, end in by_key.get(key, []):
            prep = doc[end - 1]
            if not ctx.in_body(doc[start].idx, prep.idx + len(prep.text)):
                continue
            obj = _child(prep, "pobj")
            if obj is None:  # "according to show insiders": the parser read "show" as a verb
                obj = next((t for t in prep.subtree if t.i > prep.i and t.pos_ in ("NOUN", "PROPN")), None)
            if key == "BASED_ON" and not (obj is not None and _is_source_noun(obj, lex)):
                continue  # "based on the idea that ..." is not an attribution
            cues.append(_make_cue(ctx, lex, [doc[start], prep], "neutral", obj, rule, doc[start], None, []))

    def in_quote(tok) -> bool:
        return bool(quotes) and _inside_quotation(quotes, quote_starts, tok)

    def taken(with_sources: bool = False) -> Intervals:
        """The spans the cues so far take (and their sources'), as ``Intervals``: an overlap check per
        match over a list was quadratic."""
        spans = [(c.cue_start, c.cue_end) for c in cues]
        if with_sources:
            spans += [c.source_span for c in cues if c.source_span]
        return Intervals(spans)

    def anchors() -> set[int]:
        return {c.anchor.i for c in cues}

    cues.extend(support_cues(ctx, lex, by_key.get("SUPPORT", []), taken(), in_quote, anchors(), _can_speak))
    cues.extend(adjective_cues(ctx, lex, by_key.get("STANCE_ADJ", []), taken(), in_quote, anchors(), _can_speak))
    cues.extend(stance_noun_cues(ctx, lex, by_key.get("STANCE_NOUN", []), taken(), in_quote, anchors(), _can_speak))
    cues.extend(affect_cues(ctx, lex, by_key.get("AFFECT_VERB", []), taken(), in_quote, anchors()))
    cues.extend(holding_cues(ctx, lex, by_key.get("HOLDING", []), taken(), in_quote, anchors(), _can_speak))
    cues.extend(misread_verb_cues(ctx, lex, by_key.get("NOUN_VERB", []), taken(with_sources=True), in_quote, _can_speak))
    cues.extend(nominal_cues(ctx, lex, by_key.get("NOMINAL", []), taken(with_sources=True), in_quote, anchors()))
    cues.extend(in_document_cues(ctx, lex, by_key.get("IN_DOCUMENT", []), taken(with_sources=True), in_quote, anchors()))
    spans = taken(with_sources=True)  # before the clause colons: a speaker's colon gives way to the cues above
    cues.extend(clause_colon_cues(ctx, lex, taken(), _can_speak, colons))
    cues.extend(c for c in speakers if not spans.overlaps(c.source_span[0], c.source_span[1]))
    cues.extend(dash_credit_cues(ctx, lex, [doc[s] for s, _ in by_key.get("DASH", [])]))

    headline = _headline_cue(ctx, lex)
    if headline is not None:
        cues.append(headline)

    cues.sort(key=lambda c: c.cue_start)
    cues = drop_nested(cues)
    if quotes:
        for c in cues:
            head = c.pronoun or c.source_head
            if head is not None and c.source_span is not None and not _inside_quotation(quotes, quote_starts, c.anchor):
                around = _quotation_around(quotes, quote_starts, head)
                if around is not None and around[1] <= c.anchor.idx:
                    speaker_outside_quote(ctx, lex, c, around)
    _fold_passive_cites(cues)
    _resolve_pronouns(ctx, cues)
    _resolve_titles(ctx, cues)

    out = []
    for c in cues:
        lo = min(c.cue_start, c.source_span[0]) if c.source_span else c.cue_start
        hi = max(c.cue_end, c.source_span[1], c.frame_end) if c.source_span else max(c.cue_end, c.frame_end)
        quote = _direct_quote(ctx, quotes, quote_starts, lo, hi) if quotes else None
        out.append(
            Attribution(
                cue=_span(ctx, c.cue_start, c.cue_end),
                cue_class=c.cue_class,  # type: ignore[arg-type]
                source=_span(ctx, *c.source_span) if c.source_span else None,
                source_type=c.source_type,  # type: ignore[arg-type]
                direct_quote=quote is not None,
                quote=_span(ctx, *quote) if quote else None,
                resolved_source=c.resolved,
                why=" ".join(c.why),
                rule=" + ".join(r for r in c.rules if r != "passive-cite"),
            )
        )
    return tuple(out)

