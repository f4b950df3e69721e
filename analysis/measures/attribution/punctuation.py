"""Cues made of punctuation: a speaker's name and a colon ("PENCE: Well, look ...", "Poll: Voters ..."),
a clause and a colon before a quotation ("The senator was blunt: “We will not back down.”"), and a
dash with a name after a quotation ("“... our greatest shame.” ― Sonya Herridge")."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ...context import DocContext
from ...intervals import Intervals
from .cues import _Cue, _make_cue
from .lexicon import _Lexicon
from .quotes import CLOSE_QUOTES, DASHES, OPEN_QUOTES, STRAIGHT_QUOTES
from .sources import _type_why

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Token

# words before a colon at the start of a line that label the text, not a speaker
LABELS = frozenset({
    "note", "update", "updated", "editor", "editors", "photo", "photos", "video", "watch", "read", "related",
    "abstract", "breaking", "source", "sources", "credit", "credits", "caption", "image", "correction",
    "clarification", "disclaimer", "tags", "topics", "share", "transcript", "summary", "background",
    "context", "analysis", "opinion", "exclusive", "live", "warning", "q", "a", "by", "from", "to", "subject",
    "date", "sent", "cc", "re", "fw", "fwd", "title", "question", "answer", "part", "chapter", "step",
    "example", "contents", "more", "see", "also", "listen", "follow", "contact", "email", "tel", "phone",
    "latest",  # "The Latest: Trump urges ...", a running story's label
})
# a name holds no verb and no preposition but "of" ("The Gap Goes On:", "Stealth Over Health:" are headings)
_NAME_PREPS = frozenset({"of", "de", "van", "von", "al"})
_QUOTE_MARKS = (*OPEN_QUOTES, *CLOSE_QUOTES, *STRAIGHT_QUOTES, "'", "‘", "’")
_LINE_END = re.compile("\n")
_TWO_WORDS = re.compile(r"\S\s+\S")  # what ``len(rest.split()) >= 2`` asks, without slicing the line


def _named_words(ctx: DocContext, lex: _Lexicon, toks: list[Token]) -> str | None:
    """The source type of a short label before a colon or after a dash, or None when it is no speaker."""
    words = [t for t in toks if not t.is_space]
    if not 1 <= len(words) <= 5 or any(t.is_punct and t.text not in (".", "'", "’") for t in words):
        return None
    if any(t.lower_.strip(".") in LABELS and not _initial(t, words) for t in words):
        return None
    if any(t.tag_ in ("VBZ", "VBD", "VBP", "MD") or (t.pos_ == "ADP" and t.lower_ not in _NAME_PREPS) for t in words):
        return None
    alpha = [t for t in words if t.is_alpha]
    if not alpha or not all(t.text[0].isupper() for t in alpha if t.lower_ not in ("de", "van", "von", "al", "of", "the")):
        return None
    head = alpha[-1].lemma_.lower()
    if head in lex.document or alpha[-1].lower_ in lex.document or head in lex.vague:
        return "vague"
    if head in lex.anonymous or head in lex.roles:
        return "anonymous"
    return "named"


def _initial(tok: Token, words: list[Token]) -> bool:
    """"A." in "Julie A. Diaz": a middle initial inside a name, not the label "A:" of a Q&A."""
    return len(words) > 2 and tok is not words[0] and tok is not words[-1] and len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _punct_cue(ctx: DocContext, lex: _Lexicon, cue_tok: Token, src: tuple[int, int], stype: str, rule: str, why: str) -> _Cue:
    return _Cue(cue_tok.idx, cue_tok.idx + len(cue_tok.text), "neutral", None, src, stype, [rule],
                [why, _type_why(ctx, lex, stype, src)], cue_tok)


def speaker_colon_cues(ctx: DocContext, lex: _Lexicon, taken: Intervals, colons: list[Token]) -> list[_Cue]:
    """"PENCE: Well, look ..." (a transcript), "Pence: Flowers Won't Be at Debate" (a headline):
    a name at the start of a line and a colon, then what that person said. ``colons``: the colon tokens
    (from the cue Matcher)."""
    doc, text = ctx.doc, ctx.text
    out = []
    # line ends, found once: searching the text around each colon was quadratic on a text of one long line
    breaks = [m.start() for m in _LINE_END.finditer(text)]
    for tok in colons:
        if not ctx.token_in_body(tok):
            continue
        k = bisect.bisect_left(breaks, tok.idx)
        line_start = breaks[k - 1] + 1 if k else 0
        line_end = breaks[k] if k < len(breaks) else len(text)
        if not _TWO_WORDS.search(text, tok.idx + 1, line_end):  # at least two words after the colon
            continue
        first, words = tok.i, 0
        while first > 0 and doc[first - 1].idx >= line_start and words <= 5:
            first -= 1
            t = doc[first]
            words += t.text not in _QUOTE_MARKS and not t.is_space
        if words > 5:
            continue  # more than five words before the colon: no speaker's name (_named_words)
        toks = [t for t in doc[first : tok.i] if t.text not in _QUOTE_MARKS and not t.is_space]
        if not toks or toks[0].i > first + 2:
            continue
        stype = _named_words(ctx, lex, toks)
        if stype is None:
            continue
        span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        if taken.overlaps(span[0], span[1]):
            continue
        out.append(_punct_cue(ctx, lex, tok, span, stype, "rule:speaker-colon",
                              "A name and a colon at the start of a line: what follows is what that speaker said."))
    return out


def dash_credit_cues(ctx: DocContext, lex: _Lexicon, dashes: list[Token]) -> list[_Cue]:
    """"“... our greatest shame.” ― Sonya Herridge": a quotation credited with a dash and a name after it.
    ``dashes``: the dash tokens, alone or glued to a closing quote (from the cue Matcher)."""
    doc, text = ctx.doc, ctx.text
    out = []
    for tok in dashes:
        # the tokenizer may keep the closing quote and the dash together ("”―")
        glued = len(tok.text) == 2 and tok.text[0] in (*CLOSE_QUOTES, *STRAIGHT_QUOTES, "’") and tok.text[1] in DASHES
        if (tok.text not in DASHES and not glued) or not ctx.token_in_body(tok) or ctx.is_headline(tok.idx, tok.idx + 1):
            continue
        before = text[max(0, tok.idx - 3) : tok.idx + (1 if glued else 0)].rstrip()
        if not before or before[-1] not in (*CLOSE_QUOTES, *STRAIGHT_QUOTES, "’", "'"):
            continue
        toks = []
        for t in doc[tok.i + 1 : tok.i + 8]:
            if t.is_space and "\n" in t.text:
                break
            if t.is_space and not toks:
                continue  # "― Name" with a no-break space after the dash
            if t.text in _QUOTE_MARKS or (t.is_punct and t.text not in (".", "'", "’")) or t.is_space:
                break
            toks.append(t)
        while toks and toks[-1].text == ".":
            toks.pop()
        if not toks or "\n" in text[tok.idx : toks[-1].idx]:
            continue
        stype = _named_words(ctx, lex, toks)
        if stype is None:
            continue
        span = (toks[0].idx, toks[-1].idx + len(toks[-1].text))
        cue = _punct_cue(ctx, lex, tok, span, stype, "rule:dash-credit",
                         "A dash and a name after a quotation credit the quotation to that person.")
        if glued:
            cue.cue_start += 1  # the dash, not the closing quote
        out.append(cue)
    return out


def clause_colon_cues(ctx: DocContext, lex: _Lexicon, taken: Intervals, can_speak, colons: list[Token]) -> list[_Cue]:
    """"The senator was blunt: “We will not back down.”": a clause about a speaker, a colon, and a
    quotation (on the same line or opening the next paragraph). The source is the clause's subject."""
    doc, text = ctx.doc, ctx.text
    out = []
    for tok in colons:
        if not ctx.token_in_body(tok):
            continue
        after = text[tok.idx + 1 : tok.idx + 8].lstrip()
        if not after.startswith((*OPEN_QUOTES, *STRAIGHT_QUOTES, "‘")):
            continue
        sent = tok.sent
        if taken.starts_in(sent.start_char, tok.idx):
            continue  # "He said: “...”": the verb is the cue already
        root = next((t for t in doc[sent.start : tok.i] if t.dep_ == "ROOT" or t.head.i >= tok.i), None)
        if root is None or root.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i), None)
        if subj is None or not can_speak(subj, lex):
            continue
        first = root.i
        for c in root.children:  # keep the verb group: "was blunt", "had this to say"
            if c.dep_ in ("aux", "auxpass", "neg") and c.i < first and c.i > subj.i:
                first = c.i
        cue_toks = list(doc[first : tok.i + 1]) if tok.i - first <= 5 else [tok]
        cue = _make_cue(ctx, lex, cue_toks, "neutral", subj, "rule:clause-colon-quote", tok, None, [])
        cue.why[0] = "A colon after a sentence about a speaker introduces that speaker's words in quotation marks."
        out.append(cue)
    return out
