"""The projector view's steps: which highlight categories each one reveals, and what its caption says.

No widgets here: a lesson file's reveal order is checked with ``reveal_steps`` before any view exists.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import highlight as hl


@dataclass(frozen=True)
class RevealGroup:
    categories: tuple[str, ...]
    title: str  # "loaded words": what the caption says is shown
    explanation: str  # in plain words, for a 14-year-old


# The names a reveal order may use (a lesson file stores them); any single highlight category key
# ("source_anonymous", "cue_charged", ...) may be used too.
REVEAL_GROUPS: dict[str, RevealGroup] = {
    "loaded": RevealGroup((hl.LOADED, hl.SCARE), "loaded words",
                          "words that carry a judgement, where a plainer word would report the same fact"),
    "opinion": RevealGroup((hl.OPINION,), "opinion phrases",
                           "the writer's own judgement, often a whole phrase (\"long overdue\")"),
    "sources": RevealGroup((hl.SOURCE_NAMED, hl.SOURCE_ANONYMOUS, hl.SOURCE_VAGUE), "the sources",
                           "who said it: a named person, someone unnamed, or nobody in particular"),
    "verbs": RevealGroup((hl.CUE_NEUTRAL, hl.CUE_CHARGED), "reporting verbs",
                         "\"said\" only reports; \"claimed\" or \"slammed\" tells you what to think"),
    "hedges": RevealGroup((hl.HEDGE,), "hedges",
                          "words that make a statement less certain (\"could\", \"reportedly\")"),
    "tone": RevealGroup((hl.TONE,), "sentence tone",
                        "blue behind sentences that sound positive, orange behind negative ones"),
}
DEFAULT_REVEAL_ORDER: tuple[str, ...] = ("loaded", "opinion", "sources", "verbs", "hedges")

NONE_STEP, ALL_STEP = "none", "all"
ALWAYS = frozenset({hl.BOILERPLATE})  # page furniture stays greyed at every step (it is no finding)


@dataclass(frozen=True)
class RevealStep:
    name: str  # "none", a group or category name, or "all"
    categories: frozenset[str]
    caption: str  # the big line: "Now: loaded words — words that carry a judgement…"
    title: str


def _group(name: str) -> RevealGroup:
    if name in REVEAL_GROUPS:
        return REVEAL_GROUPS[name]
    styles = hl.load_styles()
    if name in styles and name != hl.BOILERPLATE:
        st = styles[name]
        return RevealGroup((name,), st.label.lower(), st.description.split(". ")[0].rstrip("."))
    known = ", ".join([*REVEAL_GROUPS, *(k for k in styles if k != hl.BOILERPLATE)])
    raise ValueError(f"Unknown highlight kind to reveal: {name!r}. Known: {known}.")


def reveal_steps(order: Sequence[str] = DEFAULT_REVEAL_ORDER) -> list[RevealStep]:
    """No highlights, then each name of ``order`` on its own, then all of them together. Raises
    ``ValueError`` naming the known kinds for an unknown or repeated name, or an empty order."""
    names = [str(n).strip() for n in order]
    if not names:
        raise ValueError("The reveal order is empty: name at least one kind of highlight to reveal.")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise ValueError(f"The reveal order names {', '.join(dupes)} more than once.")
    groups = [(n, _group(n)) for n in names]
    steps = [RevealStep(NONE_STEP, frozenset(), "No highlights yet — read the articles: what do you notice?",
                        "no highlights")]
    for name, g in groups:
        steps.append(RevealStep(name, frozenset(g.categories), f"Now: {g.title} — {g.explanation}", g.title))
    every = frozenset().union(*(g.categories for _n, g in groups))
    titles = [g.title for _n, g in groups]
    listed = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
    steps.append(RevealStep(ALL_STEP, every, f"All together — {listed}", "all highlights"))
    return steps


def page_ranges(count: int, per_page: int) -> list[range]:
    """Indices of the articles shown together: [0, 1, 2], [3, 4] for five articles three at a time."""
    per_page = max(1, per_page)
    return [range(i, min(count, i + per_page)) for i in range(0, count, per_page)] or [range(0)]
