"""Quotation marks paired into quotes, and whether a span is what a verb of saying says.

Shared by the loaded-terms measure (words inside a speaker's quote are the speaker's; scare quotes)
and the hedging measure (through ``quotes_of``, computed once per article).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ...context import DocContext

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span as SpacySpan, Token

# Dependency relations through which a quote is what a verb of saying says.
CONTENT_DEPS = frozenset(
    {"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "parataxis", "dep", "intj", "acomp", "npadvmod"}
)
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "oprd"})
CONTENT_PREPS = frozenset({"as", "of", "about"})
# Words that introduce a source rather than what it says: a quote under them names the source.
SOURCING_LEMMAS = frozenset({"cite", "accord", "quote", "base", "attribute"})
SMALL_TITLE_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "at", "or", "with"})

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
SINGLE_OPEN = frozenset("‘‹")
SINGLE_CLOSE = frozenset("’›")
DOUBLE_AMBIG = frozenset('"″')
SINGLE_AMBIG = frozenset("'")
OPEN_CONTEXT = frozenset("([{—–-/")


@dataclass(frozen=True)
class Quote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark


def _char_before(text: str, idx: int) -> str:
    return text[idx - 1] if idx > 0 else " "


def _char_after(text: str, idx: int) -> str:
    return text[idx] if idx < len(text) else " "


def _role(tok: Token, text: str) -> tuple[str, str] | None:
    """(family, "open"/"close") for a quotation mark, or None when it cannot be told (an apostrophe)."""
    ch = tok.text
    if len(ch) != 1:
        return None
    if ch in DOUBLE_OPEN:
        return ("double", "open")
    if ch in DOUBLE_CLOSE:
        return ("double", "close")
    if ch in SINGLE_OPEN:
        return ("single", "open")
    if ch in SINGLE_CLOSE:
        return ("single", "close")
    if ch in DOUBLE_AMBIG or ch in SINGLE_AMBIG:
        family = "double" if ch in DOUBLE_AMBIG else "single"
        before = _char_before(text, tok.idx)
        after = _char_after(text, tok.idx + 1)
        if (before.isspace() or before in OPEN_CONTEXT) and not after.isspace():
            return (family, "open")
        if not before.isspace():
            return (family, "close")
    return None


def quotes_of(ctx: DocContext) -> list[Quote]:
    """The article's paired quotation marks, found once and shared (loaded terms, hedges)."""
    if "quotes" not in ctx.shared:
        from .matchers import compiled_for

        ctx.shared["quotes"] = find_quotes(ctx.doc, compiled_for(ctx.doc.vocab).quotes)
    return ctx.shared["quotes"]


def find_quotes(doc: Doc, quote_matcher: Any) -> list[Quote]:
    """Pair quotation marks into quotes, by shape and spacing; unclosed marks are dropped."""
    text = doc.text
    open_at: dict[str, int | None] = {"double": None, "single": None}
    out = []
    for _, start, _end in quote_matcher(doc):
        role = _role(doc[start], text)
        if role is None:
            continue
        family, kind = role
        if kind == "open":
            open_at[family] = start
        elif open_at[family] is not None:
            out.append(Quote(open_at[family], start))
            open_at[family] = None
    out.sort(key=lambda q: q.open)
    return out


def _words(span: SpacySpan) -> list[Token]:
    return [t for t in span if any(c.isalnum() for c in t.text)]


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def is_speech(span: SpacySpan, say: frozenset[str], naming: frozenset[str], *, clause_only: bool = False) -> bool:
    """True when the parse makes ``span`` what a verb of saying says, or the name a naming verb gives.

    Walk up from the span's root to the first verb of saying or naming. The span is speech when it
    hangs from that verb as its clause, object or "as"/"of"/"about" phrase. It is not speech when it
    is the verb's subject ("the 'experts' said"), or when the path passes a sourcing word ("citing
    unnamed 'government sources'", "according to"): there the quote names a source, in the writer's
    words. The small English model often reads "said in 2021 that ..." as a relative clause on the
    date; a path that comes through such a "that" clause under a preposition still counts as content.
    With ``clause_only`` (for words without quotation marks) a verb of saying must take the span in
    its clause ("said it was a ..."), not as its object: "praised the special military operation"
    does not make the phrase the praiser's words.
    """
    if len(span) == 0:
        return False
    child = span.root
    tok = child.head
    via_that_clause = False
    for _ in range(12):
        if tok is child:
            break
        lemma = tok.lemma_.lower()
        if lemma in SOURCING_LEMMAS:
            return False
        if _is_verbal(tok) and (lemma in say or lemma in naming):
            if clause_only and lemma not in naming and child.dep_ not in CLAUSE_DEPS:
                return False
            if child.dep_ in CONTENT_DEPS:
                return True
            if child.dep_ == "prep" and (child.lower_ in CONTENT_PREPS or via_that_clause):
                return True
            return False  # the quote is the speaker or a circumstance, not what is said
        if tok.dep_ in ("relcl", "acl", "ccomp") and any(c.lower_ == "that" and c.i < tok.i for c in tok.children):
            via_that_clause = True
        child, tok = tok, tok.head
    return False


def _is_title(words: list[Token]) -> bool:
    caps = [w for w in words if w.lower_ not in SMALL_TITLE_WORDS]
    if not caps or not all(w.text[:1].isupper() for w in caps):
        return False
    return len(words) >= 2 or caps[0].pos_ == "PROPN"


def _opens_sentence(tok: Token) -> bool:
    """True when only spaces and punctuation stand between the sentence start and ``tok``."""
    doc = tok.doc
    i = tok.i
    while True:
        if doc[i].is_sent_start or i == 0:
            return True
        i -= 1
        if not (doc[i].is_space or doc[i].is_punct):
            return False
