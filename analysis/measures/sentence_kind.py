"""Sentence kinds: is each body sentence reported speech, the writer's opinion, or a factual report?

The distinction is the one news readers are taught (and BABE's ``label_opinion`` draws): a report says
what happened; reported speech says what someone said; an opinion is the writer judging. Each sentence
gets one kind and the cue that decided it, in plain words, checked in this order:

1. **speech** when the sentence is mostly a quotation: at least half of its words stand inside
   quotation marks (the same pairing the loaded-terms measure uses).
2. **opinion** when the writer, in their own voice (outside quotation marks and outside what a
   speaker is reported to say), judges: an opinion phrase ("long overdue", "deserves credit"), a
   loaded word or scare quote, a slanted reporting verb of doubt or emotion ("claimed", "slammed"),
   the first person ("we", "our", "I") or the second ("you": the writer addresses the reader), a
   prescription with "should", "must" or "ought to", the writer's own reading of how things seem
   ("apparently", "seems to", "perhaps"), a conversational contraction ("it's", "don't": news reports
   write "it is", "do not"), a question (rhetorical in a news text) or an exclamation, a view ascribed to
   nobody in particular ("many believe", "some fear": nobody can be asked, so it is the writer's
   generalisation; "Smith believes" reports Smith's view). A reporting verb colours a statement when it
   introduces one: "claimed", "alleged" always; an emotive verb ("warned", "slammed") with a quotation or
   a clause, not with only an object ("accused the firm of fraud", "praised the vote" name an act).
3. **speech** when an attribution cue carries the sentence: the cue is the main verb ("X said that
   ..."), or "according to"/"citing" hangs from it, so what follows is somebody's account.
4. **report** otherwise.

A loaded word inside what a speaker is reported to say ("Critics said the plan was a disaster") is
the speaker's, not the writer's: the sentence is speech. What a speaker is reported to say or think
is a clause ("said the plan was ...", "believes it will ...") or a label they gave ("called the plan a disaster");
an object or a "to" clause ("rejected the wasteful plan", "wants to end the draconian rules") is named
in the writer's own words, so a loaded word there is the writer's. Rules only, no weights fitted to any corpus.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..context import DocContext
from ..results import Attribution, Hedge, LoadedTerm, Sentence
from .loaded_terms import quotes_of

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Span as SpacySpan, Token

KINDS = ("speech", "opinion", "report")
# A sentence is "mostly a quotation" when at least this share of its words is inside quotation marks.
QUOTED_SHARE = 0.5
# Cue classes that show the writer's view of a statement ("claimed", "slammed"); see attribution.
CHARGED_CUES = frozenset({"doubt", "emotive"})
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
PRESCRIPTIVE = frozenset({"should", "must", "ought"})
# Contractions outside quotation marks: the conversational voice of a column, not of a report.
CONTRACTIONS = frozenset({"n't", "n’t", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'m", "’m", "'d", "’d"})
# The writer's own reading of how things seem or probably are (hedging measure kinds and words).
INTERPRETING_HEDGES = frozenset({"appearance"})
GUESSING_WORDS = frozenset({"perhaps", "probably", "presumably", "maybe", "arguably", "surely"})
# Dependency relations under which a clause is what a verb of saying (or thinking) says: a whole
# statement ("said the plan was a disaster", "believes it will fail"). An object or a "to" clause
# ("criticized the bloated budget", "wants to end the draconian rules") is not a statement: the words
# that name the thing or the act are the writer's own choice.
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
# Verbs that give something a name: "called the plan a disaster", "described it as reckless" pass on
# the speaker's label, so the label (object, predicate, "as" phrase) is the speaker's word.
LABELLING_LEMMAS = frozenset({"call", "describe", "term", "characterize", "characterise", "label", "brand", "dub"})
LABEL_DEPS = frozenset({"dobj", "obj", "oprd", "xcomp", "prep"})
# Holders of a state of mind that name nobody: "many believe", "some fear", "few doubt". Nobody can be
# asked, so the view is the writer's own generalisation ("Smith believes", "critics fear" report a view).
UNNAMED_HOLDERS = frozenset({
    "many", "some", "few", "most", "others", "everyone", "everybody", "nobody", "people", "all", "none",
})
# How a cue carries its sentence: the cue is the root, or hangs from it in one of these relations.
CARRYING_DEPS = frozenset({"ROOT", "parataxis", "conj", "advcl", "prep", "pcomp", "ccomp"})


def _word(tok: Token) -> bool:
    return tok.is_alpha or (not (tok.is_punct or tok.is_space) and any(c.isalnum() for c in tok.text))


def _cue_tokens(sent: SpacySpan, attributions: Sequence[Attribution]) -> list[tuple[Attribution, Token]]:
    """Attributions whose cue lies in the sentence, with the cue's first word token."""
    out = []
    for a in attributions:
        if not (sent.start_char <= a.cue.start and a.cue.end <= sent.end_char):
            continue
        tok = next((t for t in sent if t.idx >= a.cue.start and _word(t)), None)
        if tok is not None:
            out.append((a, tok))
    return out


def _carries(tok: Token, sent: SpacySpan) -> bool:
    """True when the cue's verb is the sentence's main verb or a clause beside it (not a detail deep in it)."""
    hops = 0
    while tok.dep_ != "ROOT" and hops < 3:
        if tok.dep_ not in CARRYING_DEPS and tok.dep_ not in ("pobj", "agent", "aux"):
            return False
        tok = tok.head
        hops += 1
    return tok.dep_ == "ROOT" and tok.sent.start == sent.sent.start


def _content_tokens(cues: list[tuple[Attribution, Token]]) -> set[int]:
    """Token indices of what the sentence's speakers are reported to say (the clauses under their cues)."""
    inside: set[int] = set()
    for _, tok in cues:
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        labels = verb.lemma_.lower() in LABELLING_LEMMAS
        for child in verb.children:
            if child.dep_ in CONTENT_DEPS or (labels and child.dep_ in LABEL_DEPS):
                inside.update(t.i for t in child.subtree)
    return inside


def _colours_statement(a: Attribution, tok: Token) -> bool:
    """True when a charged cue shows the writer's view of what was said, not just names what someone did.

    A doubting verb ("claimed", "alleged") always distances the writer from the claim, and an adverb
    of the writer's ("bizarrely declared") always judges. An emotive verb does so when it stands in for
    "said" before a statement: with a quotation or a clause ("warned that ...", "... , she fumed").
    With only an object ("accused the company of fraud", "praised the vote", "threatened to sue") it is
    the ordinary name of an act that happened, which news reports state as fact."""
    if a.cue_class == "doubt" or "/emotive_adverbs/" in a.rule:
        return True
    if a.direct_quote or a.quote is not None:
        return True
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if any(c.dep_ in CONTENT_DEPS for c in verb.children):
        return True
    return verb.dep_ == "parataxis"  # "The plan, she fumed, is a disaster."


def classify(
    sent: SpacySpan,
    quoted: bytearray,
    loaded: Sequence[LoadedTerm],
    attributions: Sequence[Attribution],
    hedges: Sequence[Hedge] = (),
) -> tuple[str, str]:
    """(kind, reason) for one body sentence."""
    words = [t for t in sent if _word(t)]
    if not words:
        return "report", "no words to judge: counted as a report"
    in_quotes = sum(1 for t in words if quoted[t.i])
    if in_quotes / len(words) >= QUOTED_SHARE:
        return "speech", f"mostly a quotation: {in_quotes} of {len(words)} words are inside quotation marks"

    cues = _cue_tokens(sent, attributions)
    reported = _content_tokens(cues)

    def writers(start_tok: int, end_tok: int) -> bool:
        return not any(quoted[i] for i in range(start_tok, end_tok)) and not any(
            i in reported for i in range(start_tok, end_tok)
        )

    doc = sent.doc
    # 2. the writer judging, in their own voice
    for t in loaded:
        if not (sent.start_char <= t.start and t.end <= sent.end_char):
            continue
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        scare = t.category == "scare_quote"
        if scare or writers(span.start, span.end):
            kind = "opinion phrase" if t.category == "opinion" else ("scare quote" if scare else "loaded word")
            return "opinion", f"the writer's own judgement: {kind} “{' '.join(t.text.split())}”"
    for a, tok in cues:
        if a.cue_class in CHARGED_CUES and writers(tok.i, tok.i + 1) and _colours_statement(a, tok):
            return "opinion", f"the writer colours what was said: “{' '.join(a.cue.text.split())}” ({a.cue_class})"
    for a, tok in cues:
        if a.cue_class != "state_of_mind" or a.source is None or not writers(tok.i, tok.i + 1):
            continue
        held = _source_words(a)
        holder = [w.lower() for w in held.split()]
        if holder and all(w in UNNAMED_HOLDERS for w in holder):
            return "opinion", (
                f"the writer says what “{held}” {' '.join(a.cue.text.split())}"
                " without naming anyone: the writer's own generalisation"
            )
    for t in words:
        if quoted[t.i] or t.i in reported:
            continue
        low = t.lower_
        if low in FIRST_PERSON and t.pos_ == "PRON" or (low in ("my", "our") and t.dep_ == "poss"):
            return "opinion", f"the writer speaks in the first person: “{t.text}”"
        if low in SECOND_PERSON and t.pos_ == "PRON":
            return "opinion", f"the writer addresses the reader: “{t.text}”"
        if low in PRESCRIPTIVE and t.tag_ == "MD":
            return "opinion", f"the writer prescribes what should happen: “{t.text}”"
        if low in CONTRACTIONS or (low in ("'s", "’s") and t.tag_ == "VBZ"):
            prev = doc[t.i - 1].text if t.i > sent.start else ""
            return "opinion", f"the writer uses a conversational contraction: “{prev}{t.text}”"
    for h in hedges:
        if not (sent.start_char <= h.start and h.end <= sent.end_char):
            continue
        span = doc.char_span(h.start, h.end, alignment_mode="expand")
        if span is None or not writers(span.start, span.end):
            continue
        text = " ".join(h.text.split())
        if h.kind in INTERPRETING_HEDGES or text.lower() in GUESSING_WORDS:
            return "opinion", f"the writer offers their own reading of events: “{text}”"
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is not None and not quoted[last.i] and last.i not in reported and last.text in ("?", "!"):
        what = "asks the reader a question" if last.text == "?" else "exclaims"
        return "opinion", f"the writer {what} in their own voice"

    # 3. somebody's account
    for a, tok in cues:
        if _carries(tok, sent):
            source = _source_words(a) if a.source is not None else "an unnamed source"
            return "speech", f"an attributed account: “{' '.join(a.cue.text.split())}” ({' '.join(source.split())})"
    if in_quotes:
        return "report", f"a report with a short quotation ({in_quotes} of {len(words)} words quoted)"
    return "report", "a factual report: no quotation, attribution or judgement by the writer"


def sentence_kinds(
    ctx: DocContext,
    sentences: Sequence[Sentence],
    loaded: Sequence[LoadedTerm],
    attributions: Sequence[Attribution],
    hedges: Sequence[Hedge] = (),
) -> tuple[Sentence, ...]:
    """``sentences`` (the tone measure's, one per body sentence) with ``kind`` and ``kind_reason`` set."""
    doc = ctx.doc
    quoted = bytearray(len(doc))
    for q in quotes_of(ctx):
        quoted[q.open : q.close + 1] = b"\x01" * (q.close - q.open + 1)
    by_start = {s.start_char: s for s in ctx.body_sentences}
    starts = [s.start for s in sentences]

    def grouped(items: Sequence, start_of) -> list[list]:
        """Findings per sentence (by where they start), so each sentence looks only at its own."""
        groups: list[list] = [[] for _ in sentences]
        for item in items:
            i = bisect.bisect_right(starts, start_of(item)) - 1
            if i >= 0:
                groups[i].append(item)
        return groups

    loaded_by = grouped(loaded, lambda t: t.start)
    cues_by = grouped(attributions, lambda a: a.cue.start)
    hedges_by = grouped(hedges, lambda h: h.start)
    out = []
    for i, s in enumerate(sentences):
        sent = by_start.get(s.start)
        if sent is None:
            out.append(s)
            continue
        kind, reason = classify(sent, quoted, loaded_by[i], cues_by[i], hedges_by[i])
        out.append(replace(s, kind=kind, kind_reason=reason))
    return tuple(out)


def kind_counts(sentences: Sequence[Sentence]) -> dict[str, int]:
    """How many sentences are of each kind (sentences without a kind, from older results, are left out)."""
    counts = dict.fromkeys(KINDS, 0)
    for s in sentences:
        if s.kind in counts:
            counts[s.kind] += 1
    return counts


def _source_words(a) -> str:
    """The source as written, or for "who"/"which"/"that" the phrase it stands for."""
    text = " ".join(a.source.text.split())
    if text.lower() in ("who", "which", "that") and a.resolved_source:
        return a.resolved_source
    return text
