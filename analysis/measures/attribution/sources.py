"""Sources: the source's own phrase in the parse, and its type (named, anonymous, vague, none)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...context import DocContext
from ...results import Span
from .lexicon import SOURCES, _Lexicon

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "his", "her", "my", "our"})  # "her" only as a possessor
OTHER_PRONOUNS = frozenset({"it", "they", "you", "its", "their", "your"})
# Parts of a noun phrase that are not the source's name: relative clauses, appositions, asides.
_PHRASE_EXCLUDE = frozenset({"relcl", "acl", "advcl", "appos", "parataxis", "punct", "prep_agent"})
_HEADLINE_DASHES = "-–—"


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
            if child.dep_ in ("compound", "amod") and child.pos_ == "VERB" and child.i == child.sent.start:
                continue  # "Said Ellis: ...", "Added one aide, ...": the verb the parser hung on the speaker is the cue
            if within is not None and not within[0] <= child.i < within[1]:
                continue
            out.append(child)
            stack.append(child)
    lo = min(t.i for t in out)
    hi = max(t.i for t in out)
    doc = head.doc
    kept = {t.i for t in out}
    # a noun phrase does not reach over a verb outside it ("Ana Ruiz, the mayor's rival, called for ..., as
    # well": "well" hangs on the name, the phrase still ends before "called")
    over = [i for i in range(head.i + 1, hi + 1) if i not in kept and doc[i].pos_ in ("VERB", "AUX")]
    if over:
        hi = max(i for i in kept if i < over[0])
    over = [i for i in range(lo, head.i) if i not in kept and doc[i].pos_ in ("VERB", "AUX")]
    if over:
        lo = min(i for i in kept if i > over[-1])
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    return [doc[i] for i in range(lo, hi + 1)]


_DATELINE_DASHES = frozenset({"—", "--", "–", "-", "―"})


def past_dateline(tok: Token) -> Token | None:
    """"WASHINGTON -- President Obama said", "CLEVELAND (AP) — Donald Trump said": the parser may take
    the dateline (the place a story was filed from, in capitals at the start of the first paragraph) for
    the subject. The dateline is never the source; the subject after its dash is (None when there is none)."""
    doc = tok.doc
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) >= 3):
        return tok
    text = doc.text
    line_start = text.rfind("\n", 0, tok.idx) + 1
    if any(ch.isalpha() and not ch.isupper() for ch in text[line_start:tok.idx]):
        return tok
    dash = next((t for t in doc[tok.i + 1 : tok.i + 8] if t.text in _DATELINE_DASHES), None)
    if dash is None or any(t.pos_ in ("VERB", "AUX") for t in doc[tok.i : dash.i]):
        return tok
    head = tok.head
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.i > dash.i:
            return c
    return next((c for c in tok.children if c.dep_ == "appos" and c.i > dash.i), None)


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


_NAMES_KEY = "slant.attribution.names"


def names_in(doc) -> frozenset[str]:
    """The words the text uses as names somewhere (a proper noun, or a word of a person's, organisation's
    or group's name), worked out once per ``Doc``."""
    names = doc.user_data.get(_NAMES_KEY)
    if names is None:
        names = frozenset(t.text for t in doc if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "NORP"))
        doc.user_data[_NAMES_KEY] = names
    return names


def name_used_elsewhere(tok: Token) -> bool:
    """"Trump believes the polls are rigged.": a capitalised word the small model tagged as a common noun
    (or even a verb: "Trump openly admires ...") that the text uses as a name elsewhere ("Donald Trump
    said ..."). It happens most often first in a sentence, where every word has a capital."""
    return tok.pos_ in ("NOUN", "VERB") and tok.text[:1].isupper() and tok.text in names_in(tok.doc)


INSIDE_PREPS = frozenset({"at", "from", "inside", "within"})
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
    owner = _child(head, "poss")
    lemma = head.lemma_.lower()
    if owner is not None and owner.pos_ != "PRON" and (lemma in lex.document or lemma in lex.nominal):
        # "A spokesman's statement said": the one who made the statement is the source
        stype, span, rule, person = _classify(owner, lex, within)
        return stype, span, f"{rule}+owner-of-{lemma}", person
    phrase = _phrase_tokens(head, within)
    span = _tokens_span(phrase)
    appos = _child(head, "appos")
    # "The bill's sponsor, Senator Tom Hale, said": the name is in the apposition. When the head is
    # the name itself ("Maria Chen, director of the Green Action Fund, said"), the head is the source.
    if appos is not None and appos.left_edge.i - phrase[-1].i > 2:
        appos = None  # the parser hung a phrase from further on ("voters expect Clinton to win the debate,
        # the first of the campaign") on the source; an apposition follows its noun
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
    if lemma in lex.document or lower in lex.document:
        # "a petition asking for ...", "the letter says": a document speaks for whoever made it. The
        # source is the document; its type is its maker's when the sentence says who that is
        # ("a petition signed by residents", "the association collected signatures on a petition"),
        # otherwise a specific text whose author the reader is not told (anonymous), never "nobody in
        # particular" (reports and studies with no maker are vague: they are listed under [vague]).
        maker = _maker(head, lex)
        if maker is not None:
            stype, _, rule, person = _classify(maker, lex)
            return stype, span, f"{rule}+maker-of-{lemma}", person
        return "anonymous", span, f"lexicon:{SOURCES}/document/{lemma}", None
    if name_used_elsewhere(head):
        return "named", span, "rule:name-used-elsewhere", None
    return "vague", span, "rule:unspecific-source", None


def _maker(doc_head: Token, lex: _Lexicon) -> Token | None:
    """Who made a document, when the sentence says so: the "by" agent of "signed/written/filed by X",
    or the speaking subject of the verb the document is the object of ("X launched a petition", "X
    collected signatures on a petition")."""
    for c in doc_head.children:
        if c.dep_ == "acl":
            agent = _child(c, "agent")
            obj = _child(agent, "pobj") if agent is not None else None
            if obj is not None:
                return obj
    tok = doc_head
    for _ in range(3):  # up through "signatures on a petition" to the verb
        if tok.dep_ in ("dobj", "pobj", "prep") and tok.head is not tok:
            tok = tok.head
            if tok.pos_ in ("VERB", "AUX"):
                subj = _child(tok, "nsubj")
                if subj is not None and subj.pos_ in ("NOUN", "PROPN") and (
                    _is_name(subj) or any(subj.lemma_.lower() in s for s in (lex.anonymous, lex.vague, lex.institution, lex.roles))
                ):
                    return subj
                return None
        else:
            return None
    return None



def _is_source_noun(tok: Token, lex: _Lexicon) -> bool:
    lemma = tok.lemma_.lower()
    return _is_name(tok) or any(lemma in s or tok.lower_ in s for s in (lex.anonymous, lex.vague, lex.institution))


def _type_why(ctx: DocContext, lex: _Lexicon, stype: str, span: tuple[int, int] | None) -> str:
    base = lex.type_why.get(stype, "")
    if span is None:
        return base
    return f"Source “{' '.join(ctx.text[span[0]:span[1]].split())}”: {stype}. {base}"

