"""Cues inside what another cue reports: "Clinton said she thinks ...", "Earnest said Obama has long
called for ...". The reported clause holds the outer source's words, as a quotation does: the inner verb
is part of what was said, not a second attribution (the information comes from the outer source, and
"said she thinks" is one statement, not a statement and a state of mind). A reporting verb that colours
the statement ("claimed", "slammed") stays a finding wherever it stands: the word choice is what matters.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import STATE_OF_MIND

if TYPE_CHECKING:  # pragma: no cover
    from .cues import _Cue

# classes whose word choice is itself a finding (see the BABE "slanted words" measure and the window)
_KEPT_CLASSES = frozenset({"doubt", "emotive"})
_CONCESSIVE = frozenset({"though", "although", "while", "whereas"})


def _outer(cue: _Cue, anchors: dict[int, _Cue]) -> _Cue | None:
    """The cue whose reported clause (a ``ccomp`` of its verb) holds this cue's anchor, if any. A verb the
    parser put inside that clause but whose speaker is the outer cue's own ("Rendell said he'd battled
    pneumonia and called it common": "called" is Rendell's, joined to "said") is not inside it."""
    tok = cue.anchor
    if tok.tag_ == "VBG" and tok.dep_ == "advcl":
        return None  # "said he did not believe it, arguing that ...": the parser hangs the speaker's own
        # second act ("arguing", "saying", "adding") inside the clause
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in tok.children):
        return None  # "Lynch said the barriers fall, though she noted that ...": a second statement the
        # writer adds, set against the first, not part of what was said
    if (
        tok.dep_ == "conj" and tok.head.dep_ == "ccomp" and tok.head.head.i in anchors
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in tok.children)
    ):
        return None  # "Ward says the plan would work and experts say it would fail": the parser joins the
        # second speaker's verb to what the first one said; with its own named speaker it is a second statement
    for _ in range(12):
        head = tok.head
        if head is tok:
            return None
        if tok.dep_ == "relcl" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            return None  # "the matter, which was first reported by Kyodo": the writer's aside, not the speaker's
        if tok.dep_ == "ccomp" and head.i in anchors and anchors[head.i] is not cue:
            outer = anchors[head.i]
            if cue.anchor.i < outer.anchor.i:
                # "Kyodo News reported, citing ..., that Kishida was planning": what is reported follows
                # the verb that reports it; the parser hung the report on the thought it reports
                return None
            same_source = cue.source_head is not None and outer.source_head is not None and cue.source_head.i == outer.source_head.i
            return None if same_source else outer
        tok = head
    return None


def _named_state_of_mind(cue: _Cue) -> bool:
    """What a person named in the text thinks, wants or expects ("the rumours suggested the summit could
    focus on Ukraine, with President Zelenskiy anticipated to attend"): a claim about that person's mind,
    worth its own finding even inside someone else's report (the reader should ask how the outer source
    knows). "She thinks", "the council hopes" stay part of the outer statement: no person is named."""
    return cue.cue_class == STATE_OF_MIND and cue.person is not None and cue.pronoun is None


def drop_nested(cues: list[_Cue]) -> list[_Cue]:
    """The cues that are not inside another cue's reported clause (doubt and emotive ones, and the state of
    mind of a named person, always kept)."""
    anchors = {c.anchor.i: c for c in cues}
    return [c for c in cues if c.cue_class in _KEPT_CLASSES or _named_state_of_mind(c) or _outer(c, anchors) is None]
