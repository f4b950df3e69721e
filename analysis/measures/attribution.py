"""Attribution: who a text says its information comes from, and how it introduces them.

For every reporting cue ("said", "claimed", "according to", "citing", "quoted as saying", "-Sources" at
the end of a headline ...) Slant reports:

- the cue and its class (neutral / doubt / credence / emotive / speculative), from
  ``resources/lexicons/reporting_verbs.toml``; an adverb such as "bizarrely" makes any cue emotive;
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
"X called Y Z" / "X described Y as Z". The matchers are built once per ``Vocab`` and reused.
"""
from __future__ import annotations

import bisect
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from .. import lexicons
from ..context import DocContext
from ..results import Attribution, Span
from . import PerVocab

if TYPE_CHECKING:  # pragma: no cover
    from spacy.matcher import Matcher
    from spacy.tokens import Token
    from spacy.vocab import Vocab

VERBS = "reporting_verbs"
SOURCES = "source_nouns"
CLASSES = ("neutral", "doubt", "credence", "emotive", "speculative")
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "we"})
OTHER_PRONOUNS = frozenset({"it", "they", "you"})
RELATIVES = frozenset({"who", "that", "which", "whom"})
OPEN_QUOTES = ("“", "„", "«")
CLOSE_QUOTES = ("”", "»")
STRAIGHT_QUOTES = ('"',)
# Parts of a noun phrase that are not the source's name: relative clauses, appositions, asides.
_PHRASE_EXCLUDE = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "punct", "prep_agent"})
_FRAME_GAP = " \t\n,:;–—-"  # what may stand between a quotation and the "X said" next to it
_HEADLINE_DASHES = "-–—"
# what may stand between a verb and its "that" clause: "asserted in 2021 that", "said on Thursday that"
_ASIDE_DEPS = frozenset({"prep", "pobj", "det", "nummod", "amod", "compound", "npadvmod", "advmod"})

SOURCE_TYPE_WHY = {
    "named": "The source is named, so the reader can check who is speaking.",
    "none": "No source is given: the text reports the information without saying who it comes from.",
}


@dataclass(frozen=True)
class _Lexicon:
    verb_class: dict[str, str]
    class_why: dict[str, str]
    characterise: frozenset[str]
    passive_only: frozenset[str]
    instruction: frozenset[str]
    emotive_adverbs: frozenset[str]
    adverb_why: str
    anonymous: frozenset[str]
    anonymous_markers: tuple[str, ...]
    institution: frozenset[str]
    document: frozenset[str]
    roles: frozenset[str]
    vague: frozenset[str]
    type_why: dict[str, str]


def lexicon() -> _Lexicon:
    """The reporting-verb and source-noun lexicons in effect (built-in plus the user's files)."""
    return _lexicon(lexicons.user_signature(VERBS, SOURCES))


@lru_cache(maxsize=4)
def _lexicon(signature: tuple) -> _Lexicon:
    verb_class: dict[str, str] = {}
    class_why: dict[str, str] = {}
    characterise: set[str] = set()
    passive_only: set[str] = set()
    instruction: set[str] = set()
    adverbs: set[str] = set()
    adverb_why = ""
    for data in lexicons.load_all(VERBS):
        for cls, table in data.get("class", {}).items():
            if cls not in CLASSES:
                raise lexicons.LexiconError(f"{VERBS}: unknown cue class {cls!r} (use one of {', '.join(CLASSES)})")
            if table.get("why"):
                class_why[cls] = table["why"]
            for lemma in table.get("lemmas", []):
                verb_class[lemma.lower()] = cls
        frames = data.get("frame", {})
        characterise.update(w.lower() for w in frames.get("characterise", {}).get("lemmas", []))
        passive_only.update(w.lower() for w in frames.get("passive_only", {}).get("lemmas", []))
        instruction.update(w.lower() for w in frames.get("instruction", {}).get("lemmas", []))
        adv = data.get("emotive_adverbs", {})
        adverbs.update(w.lower() for w in adv.get("words", []))
        adverb_why = adv.get("why", adverb_why)
    src: dict[str, set[str]] = {
        "anonymous": set(), "institution": set(), "document": set(), "roles": set(), "vague": set()
    }
    markers: list[str] = []
    type_why = dict(SOURCE_TYPE_WHY)
    for data in lexicons.load_all(SOURCES):
        for key in src:
            src[key].update(w.lower() for w in data.get(key, {}).get("heads", []))
        markers.extend(p.lower() for p in data.get("anonymous_markers", {}).get("phrases", []))
        for key in ("anonymous", "vague"):
            if data.get(key, {}).get("why"):
                type_why[key] = " ".join(data[key]["why"].split())
    return _Lexicon(
        verb_class=verb_class,
        class_why={k: " ".join(v.split()) for k, v in class_why.items()},
        characterise=frozenset(characterise),
        passive_only=frozenset(passive_only),
        instruction=frozenset(instruction),
        emotive_adverbs=frozenset(adverbs),
        adverb_why=" ".join(adverb_why.split()),
        anonymous=frozenset(src["anonymous"]),
        anonymous_markers=tuple(dict.fromkeys(markers)),
        institution=frozenset(src["institution"]),
        document=frozenset(src["document"]),
        roles=frozenset(src["roles"]),
        vague=frozenset(src["vague"]),
        type_why=type_why,
    )


def _build_matcher(vocab: Vocab, lex: _Lexicon) -> Matcher:
    from spacy.matcher import Matcher

    m = Matcher(vocab)
    # one pattern with a set, not one pattern per verb: a Matcher's cost grows with its pattern count
    m.add("VERB", [[{"LEMMA": {"IN": sorted(lex.verb_class)}, "POS": "VERB"}]])
    m.add("ACCORDING", [[{"LOWER": "according"}, {"LOWER": "to"}]])
    m.add("BASED_ON", [[{"LOWER": "based"}, {"LOWER": "on"}]])
    m.add("QUOTED_AS", [[{"LEMMA": "quote", "POS": "VERB"}, {"OP": "*", "IS_PUNCT": False, "LEMMA": {"NOT_IN": ["say", "."]}}, {"LOWER": "as"}, {"LEMMA": "say"}]], greedy="FIRST")
    m.add("QUOTE_MARK", [[{"ORTH": {"IN": [*OPEN_QUOTES, *CLOSE_QUOTES, *STRAIGHT_QUOTES]}}]])
    return m


_matcher: PerVocab[Matcher] = PerVocab(_build_matcher, limit=8)


def lexicon_and_matcher(vocab: Vocab) -> tuple[_Lexicon, Matcher]:
    """The lexicons in effect and the cue Matcher built from them for this vocabulary (both rebuilt
    when a user file changes)."""
    signature = lexicons.user_signature(VERBS, SOURCES)
    lex = _lexicon(signature)
    return lex, _matcher.get(vocab, signature, lex)


def clear_cache() -> None:
    """Forget the loaded lexicons and built matchers (after the user edits a lexicon)."""
    _matcher.clear()
    _lexicon.cache_clear()


# --------------------------------------------------------------------------------------------------
# Internal record of one cue while the article is read


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


def _span(ctx: DocContext, start: int, end: int) -> Span:
    return Span(start, end, ctx.text[start:end])


def _tokens_span(tokens: list[Token]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _phrase_tokens(head: Token, within: tuple[int, int] | None = None) -> list[Token]:
    """The source's own noun phrase: the head and its modifiers, without relative clauses and asides
    (and, when the parse is known to be off, only tokens ``within`` the given token range)."""
    out = [head]
    stack = [head]
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.dep_ in _PHRASE_EXCLUDE or child.dep_ == "agent":
                continue
            if within is not None and not within[0] <= child.i < within[1]:
                continue
            out.append(child)
            stack.append(child)
    lo = min(t.i for t in out)
    hi = max(t.i for t in out)
    doc = head.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return [doc[i] for i in range(lo, hi + 1)]


def _child(tok: Token, *deps: str) -> Token | None:
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def _person_name(tokens: list[Token]) -> str | None:
    """The PERSON entity among ``tokens`` (its text without a possessive), if there is one."""
    doc = tokens[0].doc
    for t in tokens:
        if t.ent_type_ == "PERSON":
            start = t.i
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1
            end = t.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return _clean_name(doc[start:end].text)
    return None


def _clean_name(text: str) -> str:
    text = " ".join(text.split())
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip(" \"'“”‘’()")


def _is_name(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ in NAMED_LABELS


INSIDE_PREPS = frozenset({"at", "from", "inside", "within"})
# "declined to say", "refused to comment", "failed to explain": the source said nothing
NOT_SAYING = frozenset({"decline", "refuse", "fail", "neglect", "omit", "hesitate"})
# An apposition names the source only when it is a name of a person or body, not a party or nationality
# ("The mayor, a Democrat, said" is still the mayor).
APPOS_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "FAC"})
INDEFINITE = frozenset({"a", "an", "one", "some", "another", "several", "two", "three", "many"})


def _inside_organisation(head: Token) -> bool:
    """"Analysts at Barclays", "experts from the WHO": particular people of a named organisation,
    who are not named themselves (anonymous, not nobody in particular)."""
    return any(
        prep.dep_ == "prep" and prep.lower_ in INSIDE_PREPS and any(t.ent_type_ == "ORG" for t in prep.subtree)
        for prep in head.children
    )


MAKER_PREPS = frozenset({"by", "from", "of"})
MAKER_LABELS = frozenset({"PERSON", "ORG"})


def _made_by_name(head: Token) -> bool:
    """True when a document names its maker: "a report by Reuters", "analysis from the CBO"
    (a person or organisation; "a report from Japan" or "a poll of voters" do not name one)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in MAKER_PREPS:
            if any(t.ent_type_ in MAKER_LABELS for t in prep.subtree):
                return True
    return False


def _classify(head: Token, lex: _Lexicon, within: tuple[int, int] | None = None) -> tuple[str, tuple[int, int], str, str | None]:
    """(source type, char span of the source phrase, rule, PERSON name) for a non-pronoun source."""
    phrase = _phrase_tokens(head, within)
    span = _tokens_span(phrase)
    appos = _child(head, "appos")
    # "The bill's sponsor, Senator Tom Hale, said": the name is in the apposition. When the head is
    # the name itself ("Maria Chen, director of the Green Action Fund, said"), the head is the source.
    if appos is not None and not (_is_name(head) and head.pos_ == "PROPN"):
        appos_phrase = _phrase_tokens(appos)
        if any(
            t.ent_type_ in APPOS_NAME_LABELS or (t.pos_ == "PROPN" and not t.ent_type_)
            for t in appos_phrase
            if t.pos_ in ("PROPN", "NOUN")
        ):
            return "named", _tokens_span(appos_phrase), "rule:named-apposition", _person_name(appos_phrase)
    lemma = head.lemma_.lower().lstrip(_HEADLINE_DASHES)
    lower = head.lower_
    if head.ent_type_ in NAMED_LABELS and head.pos_ in ("PROPN", "NOUN", "ADJ"):
        return "named", span, f"rule:named-entity/{head.ent_type_}", _person_name(phrase)
    described = [*phrase]
    for c in head.children:  # "the sources, who asked not to be named"
        if c.dep_ == "relcl":
            described.extend(c.subtree)
    # "citing two people with knowledge of the plans": the small model often hangs the phrase that
    # describes the source on the verb; a prepositional phrase right after the source still describes it.
    if head.head is not head:
        after = phrase[-1].i + 1
        described.extend(t for c in head.head.children if c.dep_ == "prep" and c.i == after for t in c.subtree)
    full = " ".join(" ".join(t.lower_ for t in sorted(described, key=lambda t: t.i)).split())
    for marker in lex.anonymous_markers:
        if marker in full:
            return "anonymous", span, f"lexicon:{SOURCES}/anonymous_markers/{marker}", None
    if lemma in lex.anonymous or lower in lex.anonymous:
        return "anonymous", span, f"lexicon:{SOURCES}/anonymous/{lemma}", None
    if lemma in lex.roles or lower in lex.roles:  # "the mayor": may be resolved to a name later
        return "anonymous", span, f"lexicon:{SOURCES}/roles/{lemma}", None
    if (lemma in lex.document or lower in lex.document) and _made_by_name(head):
        return "named", span, f"lexicon:{SOURCES}/document/{lemma}+maker", None
    if (lemma in lex.vague or lower in lex.vague) and _inside_organisation(head):
        return "anonymous", span, f"lexicon:{SOURCES}/vague/{lemma}+organisation", None
    if lemma in lex.vague or lower in lex.vague:
        return "vague", span, f"lexicon:{SOURCES}/vague/{lemma}", None
    if lemma in lex.institution or lower in lex.institution:
        # "the Japanese Foreign Ministry" is one body; "a Facebook group", "one Tokyo newspaper" is
        # some body of that kind, which the text does not name.
        indefinite = any(c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in head.children)
        if not indefinite and any(_is_name(t) for t in phrase if t is not head):
            return "named", span, f"lexicon:{SOURCES}/institution/{lemma}+name", None
        return "anonymous", span, f"lexicon:{SOURCES}/institution/{lemma}", None
    if head.pos_ == "PROPN":
        return "named", span, "rule:proper-noun", _person_name(phrase)
    return "vague", span, "rule:unspecific-source", None


# --------------------------------------------------------------------------------------------------
# Quotations


def _quotes(ctx: DocContext, marks: list[Token]) -> list[tuple[int, int]]:
    """Char ranges of quotations (marks included), pairing curly quotes and alternating straight ones
    within a paragraph."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    open_straight = False
    text = ctx.text
    for tok in marks:
        ch = tok.text
        if open_at is not None and "\n\n" in text[open_at : tok.idx]:
            open_at = None
        if ch in OPEN_QUOTES or (ch in STRAIGHT_QUOTES and open_at is None):
            open_at = tok.idx
            open_straight = ch in STRAIGHT_QUOTES
        elif open_at is not None and (ch in CLOSE_QUOTES or (ch in STRAIGHT_QUOTES and open_straight)):
            out.append((open_at, tok.idx + len(ch)))
            open_at = None
    return out


def _direct_quote(ctx: DocContext, quotes: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> tuple[int, int] | None:
    """The quotation right before ("'...,' NHK claimed") or right after ("Abe wrote: '...'") the frame
    [lo, hi) on the same line with nothing but punctuation between. A quotation that ends with a full
    stop belongs to the sentence before, not to this frame. None when the frame sits inside a quotation."""
    text = ctx.text
    i = bisect.bisect_right(starts, lo) - 1
    if i >= 0 and quotes[i][1] > lo:  # the cue is itself inside a quotation
        return None
    if i >= 0:
        q_start, q_end = quotes[i]
        gap = text[q_end:lo]
        inner = text[q_start + 1 : q_end - 1].rstrip()
        if "\n" not in gap and not gap.strip(_FRAME_GAP) and not inner.endswith("."):
            return quotes[i]
    j = bisect.bisect_left(starts, hi)
    if j < len(quotes):
        gap = text[hi : quotes[j][0]]
        if "\n" not in gap and not gap.strip(_FRAME_GAP):
            return quotes[j]
    return None


def _wrapped_in_quotes(quotes: list[tuple[int, int]], starts: list[int], tok: Token) -> bool:
    """A word standing alone in quotation marks (NATO had “confirmed”) is quoted, not used by the writer."""
    i = bisect.bisect_right(starts, tok.idx) - 1
    return i >= 0 and quotes[i][1] - quotes[i][0] <= len(tok.text) + 3 and quotes[i][1] > tok.idx


# --------------------------------------------------------------------------------------------------
# Cue frames


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subject(verb: Token, reporting: Container[str] = ()) -> Token | None:
    """The speaker of an active reporting verb, following "and" and "to" back to the shared subject.

    "The researchers acknowledged that the trial included few children, and said ...": the parser
    joins "said" to "included", inside what was acknowledged; a reporting verb joined to a verb that
    is itself reported shares the subject of the reporting verb above (``reporting``: their lemmas)."""
    tok = verb
    for _ in range(4):
        subj = _child(tok, "nsubj")
        if subj is not None:
            if subj.lower_ in RELATIVES and tok.dep_ == "relcl":
                return tok.head
            return subj
        if (tok.dep_ in ("conj", "xcomp") or (tok.dep_ == "advcl" and tok.tag_ == "VBG")) and tok.head.pos_ in ("VERB", "AUX"):
            head = tok.head
            if (
                tok is verb
                and tok.dep_ == "conj"
                and head.dep_ == "ccomp"
                and head.lemma_.lower() not in reporting
                and head.head.lemma_.lower() in reporting
            ):
                head = head.head
            tok = head
            continue
        if tok is not verb and tok.dep_ == "relcl" and tok.head.pos_ in ("NOUN", "PROPN"):
            # "Biden, whose son has been ..., asserted that": the parser hung "asserted" on the
            # relative clause; the speaker is the noun the clause describes
            return tok.head
        return None
    return None


def _that_follows(verb: Token) -> bool:
    """"asserted in 2021 that ...": a "that" clause opens within a few words after the verb, with only a
    time or place phrase between (for when the parser attached the clause elsewhere)."""
    doc = verb.doc
    for k in range(verb.i + 1, min(verb.i + 7, len(doc))):
        tok = doc[k]
        if tok.lower_ == "that" and tok.tag_ in ("IN", "WDT"):
            return True
        if tok.is_sent_start or not (tok.dep_ in _ASIDE_DEPS or tok.ent_type_ in ("DATE", "TIME")):
            return False
    return False


def _verb_cue(verb: Token, lex: _Lexicon, quote_near: Callable[[int, int], bool]) -> tuple[Token | None, str, bool] | None:
    """For a reporting verb in a reporting frame: (source head or None, rule, impersonal passive).
    None when the verb is not used to report anything here."""
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in NOT_SAYING:
        return None  # "refused to say how many": nothing was said
    passive = "auxpass" in deps or "nsubjpass" in deps
    agent = _child(verb, "agent")
    agent_obj = _child(agent, "pobj") if agent is not None else None
    has_clause = bool(deps & {"ccomp", "parataxis"})
    if lemma in lex.passive_only:
        subj = _child(verb, "nsubjpass")
        if passive and (subj is None or subj.lower_ == "it") and has_clause:
            return None, "rule:impersonal-passive", True
        return None
    if lemma in lex.characterise and lemma != "describe":
        as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if not ("oprd" in deps or as_prep or (lemma == "describe" and has_clause)):
            return None
        if agent_obj is not None:
            return agent_obj, "rule:by-agent", False
        subj = None if passive else _subject(verb)
        if subj is None:
            return None  # "collectively called IP4" names something; nobody is reported
        return subj, "rule:nsubj-source", False
    if lemma == "describe":
        as_prep = any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)
        if not (as_prep or has_clause or "oprd" in deps):
            return None
        subj = None if passive else _subject(verb)
        if agent_obj is not None:
            return agent_obj, "rule:by-agent", False
        return (subj, "rule:nsubj-source", False) if subj is not None else None
    if lemma == "cite":
        obj = _child(verb, "dobj")
        if not passive and obj is not None and verb.dep_ != "acl":
            return obj, "rule:cited-object", False
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, "rule:cited-noun", False
        return None
    if agent_obj is not None:
        return agent_obj, "rule:by-agent", False
    if passive:
        if lemma in lex.instruction and "xcomp" in deps and not has_clause:
            return None  # "staff were told to work from home": an instruction, not a statement
        subj = _child(verb, "nsubjpass")
        impersonal = subj is None or subj.lower_ == "it" or "xcomp" in deps or has_clause
        if impersonal and (has_clause or "xcomp" in deps):
            return None, "rule:impersonal-passive", True
        return None
    subj = _subject(verb, lex.verb_class)
    if has_clause or _that_follows(verb):
        if subj is not None:
            return subj, "rule:nsubj-source", False
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head, "rule:reduced-clause-source", False  # "Multiple media outlets reported that ..."
        prev = _noun_before(verb)
        if prev is not None:
            return prev, "rule:noun-before-verb", False  # "... and reports claimed in April that ..."
        return None, "rule:no-source", False
    if subj is None:
        return None
    # "Kyodo News reported, citing ..., that ...": a reporting verb the parser hung under another verb.
    # Not when that other verb reports it: in "the minister said the talks would continue" the clause
    # is what was said, and "continue" reports nothing.
    reported = verb.head is not verb and verb.head.lemma_.lower() in lex.verb_class
    if verb.dep_ in ("ccomp", "parataxis") and not deps & {"dobj", "attr", "oprd"} and not reported:
        return subj, "rule:parenthetical-source", False
    lo = min(subj.left_edge.idx, verb.idx) if subj.i < verb.i else verb.idx
    hi = max(verb.idx + len(verb.text), subj.idx + len(subj.text))
    if quote_near(lo, hi):
        return subj, "rule:quote-frame", False  # '"...,” Stoltenberg said in February'
    return None


def _noun_before(verb: Token) -> Token | None:
    """The noun right before the verb (an adverb may stand between), when the parse found no subject."""
    k = verb.i - 1
    doc = verb.doc
    while k >= 0 and doc[k].pos_ == "ADV" and verb.i - k <= 2:
        k -= 1
    if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].tag_ != "POS" and not doc[k].is_sent_end:
        return doc[k]
    return None


def _cue_tokens(verb: Token, lex: _Lexicon, impersonal: bool) -> tuple[list[Token], Token | None]:
    """The tokens shown as the cue (verb, particle, emotive adverb, passive auxiliary) and the adverb."""
    toks = [verb]
    adverb = None
    for c in verb.children:
        if c.dep_ == "prt":
            toks.append(c)
        elif c.dep_ == "advmod" and c.lower_ in lex.emotive_adverbs and abs(c.i - verb.i) <= 2:
            toks.append(c)
            adverb = c
        elif impersonal and c.dep_ == "auxpass" and c.i < verb.i:
            toks.append(c)
    return toks, adverb


def _frame_end(verb: Token) -> int:
    """Where "X told reporters in Tokyo" ends: the verb's objects and prepositional asides after it."""
    end = verb.idx + len(verb.text)
    for c in verb.rights:
        if c.dep_ in ("dobj", "dative", "prep", "npadvmod", "advmod", "prt"):
            r = c.right_edge
            end = max(end, r.idx + len(r.text))
    return end


def _complement(verb: Token) -> list[tuple[int, int]]:
    out = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis", "xcomp", "oprd"):
            out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out


# --------------------------------------------------------------------------------------------------
# The measure


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

    for start, end in by_key.get("VERB", []):
        verb = doc[start]
        if verb.i in taken or not ctx.token_in_body(verb) or (quotes and _wrapped_in_quotes(quotes, quote_starts, verb)):
            continue
        found = _verb_cue(verb, lex, quote_near)
        if found is None:
            continue
        src, rule, impersonal = found
        toks, adverb = _cue_tokens(verb, lex, impersonal)
        lemma = verb.lemma_.lower()
        cls = "emotive" if adverb is not None else lex.verb_class[lemma]
        cue = _make_cue(ctx, lex, toks, cls, src, rule, verb, adverb, _complement(verb), lemma=lemma)
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
            if key == "BASED_ON" and not (obj is not None and _is_source_noun(obj, lex)):
                continue  # "based on the idea that ..." is not an attribution
            cues.append(_make_cue(ctx, lex, [doc[start], prep], "neutral", obj, rule, doc[start], None, []))

    headline = _headline_cue(ctx, lex)
    if headline is not None:
        cues.append(headline)

    cues.sort(key=lambda c: c.cue_start)
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


def _is_source_noun(tok: Token, lex: _Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return _is_name(tok) or any(lemma in s or tok.lower_ in s for s in (lex.anonymous, lex.vague, lex.institution))


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
    if pronoun is None:
        why.append(_type_why(ctx, lex, stype, span))
    return _Cue(cue_start, cue_end, cls, src, span, stype, rules, why, anchor, pronoun, complement, None, person)


def _type_why(ctx: DocContext, lex: _Lexicon, stype: str, span: tuple[int, int] | None) -> str:
    base = lex.type_why.get(stype, "")
    if span is None:
        return base
    return f"Source “{' '.join(ctx.text[span[0]:span[1]].split())}”: {stype}. {base}"


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


def _fold_passive_cites(cues: list[_Cue]) -> None:
    """'according to government sources cited by Kyodo': one attribution (the sources), noting Kyodo."""
    by_head = {c.source_head.i: c for c in cues if c.source_head is not None and "passive-cite" not in c.rules}
    for c in list(cues):
        if "passive-cite" not in c.rules or c.source_head is None:
            continue
        other = by_head.get(c.source_head.i)
        if other is not None:
            agent = _child(c.anchor, "agent")
            obj = _child(agent, "pobj") if agent is not None else None
            if obj is not None:
                relay = " ".join(obj.doc[obj.left_edge.i : obj.right_edge.i + 1].text.split())
                other.why.append(f"The text says {relay} passed these sources on (“{c.anchor.text} by {relay}”).")
            other.rules.append("rule:cited-by-folded")
            cues.remove(c)


def _name_keys(ents) -> set[str]:
    """Surnames of the people an antecedent could be: PERSON entities, and title-case ORG entities
    (the small model often tags a surname such as "Biden" as an organisation; "NATO" is not one)."""
    keys = set()
    for e in ents:
        name = _clean_name(e.text)
        if not name:
            continue
        if e.label_ == "PERSON" or (
            e.label_ == "ORG" and all(t.pos_ == "PROPN" for t in e) and not name.isupper() and len(e) <= 3
        ):
            keys.add(name.split()[-1].lower())
    return keys


def _sentence_index(starts: list[int], char: int) -> int:
    return bisect.bisect_right(starts, char) - 1


def _resolve_titles(ctx: DocContext, cues: list[_Cue]) -> None:
    """"The mayor said" -> Linda Park, when the article introduced exactly one person as "Mayor ..."
    before it (the title right in front of the name, or at the start of the recognised name)."""
    lex = lexicon()
    doc = ctx.doc
    for c in cues:
        if c.source_type != "anonymous" or c.source_span is None or c.pronoun is not None:
            continue
        span = doc.char_span(*c.source_span, alignment_mode="expand")
        words = [t.lower_ for t in span if not (t.is_punct or t.is_space)] if span is not None else []
        if len(words) < 2 or words[0] != "the":
            continue
        if " ".join(words[1:]) not in lex.roles and words[-1] not in lex.roles:
            continue
        title = words[1:]
        n = len(title)
        people: dict[str, str] = {}
        for e in ctx.ents:
            if e.label_ != "PERSON" or e.end_char > c.cue_start or not ctx.span_in_body(e):
                continue
            inside = [t.lower_ for t in e[:n]] == title and len(e) > n
            before = e.start >= n and [t.lower_ for t in doc[e.start - n : e.start]] == title
            if inside or before:
                name = _clean_name(e[n:].text if inside else e.text)
                people[name.split()[-1].lower()] = name
        if len(people) != 1:
            continue
        (name,) = people.values()
        shown = " ".join(span.text.split())
        c.source_type = "named"
        c.resolved = name
        c.person = name
        c.rules.append("rule:title-introduced-earlier")
        c.why.append(f"Source “{shown}” is {name}, introduced earlier with that title: named. {lex.type_why['named']}")


def _resolve_pronouns(ctx: DocContext, cues: list[_Cue]) -> None:
    """"He added" -> the person, only when the text makes it plain; otherwise left unresolved."""
    sents = ctx.body_sentences
    if not sents:
        return
    starts = [s.start_char for s in sents]
    lex = lexicon()
    for n, c in enumerate(cues):
        if c.pronoun is None:
            continue
        if c.pronoun.lower_ in OTHER_PRONOUNS:
            c.rules.append("rule:pronoun-unresolved")
            c.why.append(f"Source “{c.pronoun.text}”: vague. The pronoun does not say who is meant.")
            continue
        si = _sentence_index(starts, c.pronoun.idx)
        name = None
        rule = ""
        if si >= 0:
            # 1. a person named earlier in the same sentence, outside what is being reported
            inside = c.complement

            def outside(e) -> bool:
                return not any(a <= e.start_char < b for a, b in inside)

            before = [e for e in ctx.ents_in(sents[si]) if e.end_char <= c.pronoun.idx and outside(e)]
            same = [e for e in before if e.label_ == "PERSON"]
            keys = _name_keys(before)
            if len(keys) == 1 and same:
                name, rule = _clean_name(same[-1].text), "rule:pronoun-same-sentence"
            elif not keys:
                # 2. the nearest earlier sentence (up to two back) that mentions a person
                for back in (1, 2):
                    if si - back < 0:
                        break
                    prev = sents[si - back]
                    prev_ents = ctx.ents_in(prev)
                    persons = [e for e in prev_ents if e.label_ == "PERSON"]
                    pkeys = _name_keys(prev_ents)
                    earlier = [
                        p.person for p in cues[:n]
                        if p.person and prev.start_char <= p.cue_start < prev.end_char
                    ]
                    if earlier:
                        name, rule = earlier[-1], "rule:pronoun-previous-speaker"
                        break
                    if pkeys:
                        if len(pkeys) == 1 and persons:
                            name, rule = _clean_name(persons[-1].text), "rule:pronoun-previous-person"
                        break
        if name:
            c.resolved = name
            c.person = name
            c.rules.append(rule)
            c.why.append(
                f"Source “{c.pronoun.text}” refers to {name}: named. {lex.type_why['named']}"
            )
        else:
            c.rules.append("rule:pronoun-unresolved")
            c.why.append(
                f"Source “{c.pronoun.text}”: a person the article has introduced, but Slant could not tell "
                "for sure which one, so it does not guess."
            )
