"""A short printable worksheet for a class, and its answer key, built from one comparison's findings.

    build_worksheet(analyses, comparison, spans_of=highlight.spans, ...) -> Worksheet

The worksheet shows each article **blind** (``blind.py``: "Outlet A", "B", ...) and only in **excerpts**:
per article the one or two passages richest in findings (whole sentences of one paragraph, at most
``MAX_EXCERPT`` characters each and ``MAX_CHARS`` in all, never headlines, page furniture or passages cut in
blind mode, never the whole article). Under each article come three to five **questions** built from the
findings inside its excerpts, so each can be answered from what the student sees:

- loaded words: "Underline two words in Outlet B's excerpt that carry a judgement ... What plainer word could
  replace each?" (answer: the words, the word-list entry or rule that fired, why, and the alternatives);
- a reporting verb that judges ("claimed", "warned"), set beside a plain one another outlet uses on the
  sheet ("Outlet B writes 'claimed' where Outlet D writes 'said' ...");
- a source that is not named ("sources familiar with the matter") or nobody at all ("it was learned");
- scare quotes, hedges, the writer's opinion phrases;
- how two outlets name the same person when one of the names carries a finding ("Leftist American
  President Joe Biden" beside "US President Joe Biden");
- and, when an excerpt has too few of those, who the named source is and which verb reports it.

Every question keeps its answer (for the key) and the findings it rests on (``Question.marks``). The answer
key has the same excerpts with the findings marked (the window's highlight categories), the answers and
who was who; the student's worksheet never names an outlet.

Pure Python: the highlight categories come from ``spans_of`` (``desktop.highlight.spans``), as for the sheet.
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..results import ArticleAnalysis, Comparison
from .blind import LINK_REMOVED, REMOVED, REPORTER, blind, who_was_who
from .sheet import Node, build_tree

MAX_EXCERPT = 520  # characters of one excerpt (a run of whole sentences of one paragraph)
MAX_CHARS = 660  # characters of all excerpts of one article
MIN_QUESTIONS, MAX_QUESTIONS = 3, 4  # per article (the demo's five articles then fit on 2-4 pages)

LOADED, OPINION, SCARE = "loaded_term", "opinion", "scare_quote"
CUE_NEUTRAL, CUE_CHARGED = "cue_neutral", "cue_charged"
NAMED, ANONYMOUS, VAGUE = "source_named", "source_anonymous", "source_vague"
HEDGE = "hedge"
MARKED = (LOADED, OPINION, SCARE, CUE_NEUTRAL, CUE_CHARGED, NAMED, ANONYMOUS, VAGUE, HEDGE)

# How much a finding makes a passage worth showing (judgement words and slanted attribution first).
WEIGHTS = {LOADED: 3.0, OPINION: 3.0, SCARE: 3.0, CUE_CHARGED: 3.0, ANONYMOUS: 2.5, VAGUE: 2.5, HEDGE: 1.5,
           NAMED: 0.5, CUE_NEUTRAL: 0.5}
# The question a category makes possible (a passage offering more kinds of question is worth more).
KIND_OF = {LOADED: "loaded", OPINION: "opinion", SCARE: "scare", CUE_CHARGED: "verb", ANONYMOUS: "unnamed",
           VAGUE: "unnamed", HEDGE: "hedge", NAMED: "named", CUE_NEUTRAL: "plain_verb"}
KIND_BONUS = {"named": 1.0, "plain_verb": 0.5}  # fallback questions: worth less than a finding's own question
SHORT_ANSWERS = ("scare", "hedge", "named", "plain_verb")  # one line to write on; the others two
_BLIND_MARKERS = (REMOVED, LINK_REMOVED, REPORTER, "[about ")

NOTHING = ("No excerpt: Slant found nothing in this article to ask about (no loaded words, slanted verbs, unnamed "
           "sources or hedges), or it is too short to show only a part of it.")
INSTRUCTIONS = (
    "Each excerpt below comes from a different outlet's report of the same story. The outlets' names are "
    "hidden: they are called Outlet A, B, C... Read each excerpt, mark the words as the questions ask "
    "(underline, circle, box), then write your answers on the lines.")


@dataclass(frozen=True)
class Mark:
    """A finding inside an excerpt (offsets into ``Excerpt.text``)."""

    start: int
    end: int
    category: str
    text: str
    why: str  # plain words: why it is marked, and the neutral alternatives where there are some
    rule: str = ""  # which word-list entry or rule fired, in words ("word list: “bombast”")
    payload: Any = field(default=None, compare=False, repr=False)
    role: str = ""


@dataclass
class Excerpt:
    start: int  # in the (blind) article text
    end: int
    text: str
    marks: list[Mark]
    tree: Node  # the marks nested for painting (``sheet.build_tree``), over ``text``
    cut_before: bool  # the paragraph goes on before / after the excerpt ("…")
    cut_after: bool


@dataclass(frozen=True)
class Question:
    kind: str  # loaded, opinion, scare, verb, unnamed, hedge, naming, named, plain_verb
    text: str
    answer: str
    marks: tuple[Mark, ...]  # the findings the answer rests on
    lines: int = 2  # blank lines to write on

    def __post_init__(self) -> None:
        if self.kind in SHORT_ANSWERS:
            object.__setattr__(self, "lines", 1)


@dataclass
class WorksheetArticle:
    id: str
    label: str  # "Outlet A"
    excerpts: list[Excerpt]
    questions: list[Question]
    body_chars: int  # characters of the article's body (to show an excerpt is not the whole article)


@dataclass
class Worksheet:
    title: str
    story: str
    generated: str
    version: str
    articles: list[WorksheetArticle]
    instructions: str = INSTRUCTIONS
    answer_key: bool = False
    reveal: list[tuple[str, str, str, str]] = field(default_factory=list)  # answer key only
    legend: list[tuple[str, str, str]] = field(default_factory=list)  # (category, label, cue) on the key
    blind: bool = True  # the worksheet is always blind (the PDF footer and tests read it)

    @property
    def labels(self) -> list[str]:
        return [a.label for a in self.articles]


# ------------------------------------------------------------------------------------------ findings


def rule_words(rule: str, role: str = "") -> str:
    """"lexicon:loaded_terms/bombast" -> 'word list entry “bombast”'; "rule:scare-quote" -> 'rule: scare quote'.
    For a source (``role`` "source") the entry that typed it ("lexicon:source_nouns/anonymous/official")."""
    parts = [p.strip() for p in (rule or "").split(" + ") if p.strip()]
    if role == "source":
        nouns = [p for p in parts if "source_nouns" in p or p.startswith("rule:named")]
        if not nouns:
            return ""
        first = nouns[-1]
        if first.startswith("rule:named"):
            return "rule: a name"
        return f"source word “{first.rsplit('/', 1)[-1].replace('_', ' ')}”"
    first = parts[0] if parts else ""
    if first.startswith("lexicon:"):
        return f"word list entry “{first.rsplit('/', 1)[-1].replace('_', ' ')}”"
    if first.startswith("rule:"):
        return "rule: " + first[5:].replace("-", " ")
    return first


def _first_sentence(s: str) -> str:
    s = " ".join((s or "").split())
    m = re.match(r"(.+?[.!?])(\s|$)", s)
    return m.group(1) if m else s


def _why(category: str, payload: Any, role: str) -> str:
    if role == "source":
        return {NAMED: "Named source: readers can check who said it.",
                ANONYMOUS: "The source is not named: readers cannot check who said it.",
                VAGUE: "Pinned on nobody in particular, so nobody answers for it."}.get(category, "")
    why = _first_sentence(getattr(payload, "why", "") or "")
    why = re.sub(r"^“[^”]*”:\s*", "", why)  # "“claimed”: The verb ..." -> "The verb ..."
    why = why[:1].upper() + why[1:]
    if not why and category == HEDGE:
        why = f"A hedge ({getattr(payload, 'kind', '')}): it makes the statement less certain."
    alts = tuple(getattr(payload, "alternatives", ()) or ())
    if alts:
        why += f" Instead: {', '.join(alts)}."
    elif category == CUE_CHARGED:
        why += " A plain verb: said."
    return why.strip()


def _usable(text: str, start: int, end: int, furniture: list[tuple[int, int]]) -> bool:
    piece = text[start:end]
    if any(m in piece for m in _BLIND_MARKERS):
        return False
    return not any(s < end and start < e for s, e in furniture)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


@dataclass
class _Candidate:
    start: int
    end: int
    para: int
    weight: float  # the findings' weights
    kinds: frozenset[str]  # the kinds of question its findings allow


def _inside(spans: Sequence[Any], start: int, end: int) -> list[Any]:
    return [sp for sp in spans if sp.category in MARKED and start <= sp.start and sp.end <= end
            and not (sp.category == NAMED and getattr(sp.payload, "cue_class", "") == "state_of_mind")]


def _marks_in(spans: Sequence[Any], text: str, start: int, end: int) -> list[Mark]:
    out = []
    for sp in spans:
        if sp.category in MARKED and start <= sp.start and sp.end <= end:
            payload = sp.payload
            out.append(Mark(sp.start - start, sp.end - start, sp.category, text[sp.start:sp.end],
                            _why(sp.category, payload, getattr(sp, "role", "")),
                            rule_words(getattr(payload, "rule", "") or "", getattr(sp, "role", "")), payload,
                            getattr(sp, "role", "")))
    return out


def _kind(sp: Any) -> str | None:
    """The question a highlight span allows (a statement from nobody at all: "it was learned")."""
    p = sp.payload
    if getattr(p, "cue_class", "") == "state_of_mind":
        return None  # a thought or wish: no statement to ask about
    if sp.category in (CUE_NEUTRAL, CUE_CHARGED) and getattr(sp, "role", "") == "cue" and p.source is None:
        return "unnamed"
    return KIND_OF.get(sp.category)


def _value(chosen: Sequence[_Candidate]) -> float:
    """How good a set of excerpts is for the sheet: its findings, the kinds of question they allow (once
    each), less a little for length (the sheet must stay short)."""
    kinds = frozenset().union(*(c.kinds for c in chosen))
    return (sum(c.weight for c in chosen) + sum(KIND_BONUS.get(k, 3.0) for k in kinds)
            - sum(c.end - c.start for c in chosen) / 250.0)


def candidates(a: ArticleAnalysis, spans: Sequence[Any]) -> list[_Candidate]:
    """Runs of whole body sentences inside one paragraph, each at most ``MAX_EXCERPT`` characters, with
    at least one finding."""
    furniture = [(b.start, b.end) for b in a.boilerplate]
    paras = _paragraphs(a.text)
    sents = [s for s in a.sentences if not s.is_headline and a.text[s.start:s.end].strip()]
    out = []
    for p, (ps, pe) in enumerate(paras):
        inner = [s for s in sents if ps <= s.start and s.end <= pe]
        for i in range(len(inner)):
            for j in range(i, len(inner)):
                start, end = inner[i].start, inner[j].end
                if end - start > MAX_EXCERPT or not _usable(a.text, start, end, furniture):
                    break
                inside = _inside(spans, start, end)
                if inside:
                    kinds = frozenset(k for k in map(_kind, inside) if k)
                    out.append(_Candidate(start, end, p, sum(WEIGHTS[sp.category] for sp in inside), kinds))
    return out


def choose_excerpts(a: ArticleAnalysis, spans: Sequence[Any]) -> list[tuple[int, int]]:
    """The one or two (for a thin article three) passages of ``a`` richest in findings (``_value``), in reading order, from different
    paragraphs, ``MAX_CHARS`` at most together and never the whole body."""
    cands = candidates(a, spans)
    if not cands:
        return []
    body = _body_chars(a)
    options: list[list[_Candidate]] = [[c] for c in cands if c.end - c.start < body]
    for i, c in enumerate(cands):
        for d in cands[i + 1:]:
            if d.para != c.para and (c.end - c.start) + (d.end - d.start) <= min(MAX_CHARS, body - 1):
                options.append([c, d])
    if not options:
        return []
    best = max(options, key=lambda o: (_value(o), -o[0].start))
    if len(frozenset().union(*(c.kinds for c in best))) < MIN_QUESTIONS:
        # a thin article: a third short passage when it allows another kind of question (the best
        # passage of each paragraph only, so this stays small)
        top: dict[int, _Candidate] = {}
        for c in cands:
            if c.para not in top or _value([c]) > _value([top[c.para]]):
                top[c.para] = c
        tops = list(top.values())
        for i, c in enumerate(tops):
            for j, d in enumerate(tops[i + 1:], i + 1):
                for e in tops[j + 1:]:
                    trio = [c, d, e]
                    if sum(x.end - x.start for x in trio) <= min(MAX_CHARS, body - 1):
                        options.append(trio)
        best = max(options, key=lambda o: (min(len(frozenset().union(*(c.kinds for c in o))), MIN_QUESTIONS),
                                           _value(o), -o[0].start))
    return sorted((c.start, c.end) for c in best)


def _body_chars(a: ArticleAnalysis) -> int:
    return sum(s.end - s.start for s in a.sentences if not s.is_headline)


# ------------------------------------------------------------------------------------------ questions


def _q(s: str) -> str:
    """Words quoted on the sheet: outer quotation marks and end punctuation dropped, an unpaired one too."""
    inner = " ".join(s.split()).strip("“”\"").rstrip(".,;:").strip("“”\"")
    if inner.count("“") != inner.count("”"):
        inner = inner.replace("“", "").replace("”", "")
    return f"“{inner}”"


def _opening(text: str, mark: Mark, words: int = 7) -> str:
    """The first words of the sentence holding ``mark`` (to point at it in a question)."""
    ends = list(_SENTENCE_END.finditer(text[:mark.start]))
    start = ends[-1].end() if ends else 0
    ws = text[start:].split()
    return " ".join(ws[:words]).strip("“”\"") + ("…" if len(ws) > words else "")


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+|\n+")


def _answer_lines(marks: Sequence[Mark]) -> str:
    seen, out = set(), []
    for m in marks:
        key = (" ".join(m.text.split()).lower(), m.category)
        if key in seen:
            continue
        seen.add(key)
        rule = f" ({m.rule})" if m.rule else ""
        out.append(f"{_q(m.text)}{rule}: {m.why}")
    return " ".join(out)


def _all_marks(art: WorksheetArticle) -> list[tuple[Excerpt, Mark]]:
    return [(ex, m) for ex in art.excerpts for m in ex.marks]


def _source_of(payload: Any) -> str | None:
    src = getattr(payload, "source", None)
    return getattr(src, "text", None) if src is not None else None


def questions_for(art: WorksheetArticle, others: Sequence[WorksheetArticle], mentions: Sequence[Any] = (),
                  other_mentions: dict[str, Sequence[Any]] | None = None, limit: int = MAX_QUESTIONS,
                  same_fact: Sequence[SameFact] = ()) -> list[Question]:
    """Three to ``limit`` questions on ``art``'s excerpts, each with its answer from the findings in them."""
    L = art.label
    marks = _all_marks(art)
    by_cat: dict[str, list[tuple[Excerpt, Mark]]] = {}
    for ex, m in marks:
        by_cat.setdefault(m.category, []).append((ex, m))
    qs: list[Question] = []

    loaded = by_cat.get(LOADED, [])
    if loaded:
        words = list(dict.fromkeys(" ".join(m.text.split()).lower() for _, m in loaded))
        n = min(2, len(words))
        what = "two words" if n == 2 else "a word"
        carry = "carry" if n == 2 else "carries"
        qs.append(Question("loaded", f"Underline {what} in {L}'s excerpt that {carry} a judgement rather than report "
                           f"a fact. What plainer word could replace {'each' if n == 2 else 'it'}?",
                           _answer_lines([m for _, m in loaded]), tuple(m for _, m in loaded)))

    for pair in same_fact[:1]:
        qs.append(_same_fact_question(pair))
    asked = {id(m) for q in qs for m in q.marks}  # a finding one question is about is not asked again

    charged = [(ex, m) for ex, m in by_cat.get(CUE_CHARGED, [])]
    if charged:
        ex, m = charged[0]
        plain = [(o, om) for o in others for _, om in _all_marks(o)
                 if om.category == CUE_NEUTRAL and getattr(om.payload, "cue_class", "") == "neutral"
                 and len(om.text) > 2 and om.text.lower() not in ("according to",)]
        src = (getattr(m.payload, "resolved_source", None) or _source_of(m.payload) or "").lower()
        same_source = [p for p in plain if src and (getattr(p[1].payload, "resolved_source", None)
                                                    or _source_of(p[1].payload) or "").lower() == src]
        said = same_source or [p for p in plain if p[1].text.lower() == "said"] or plain
        if said:
            # the same source if another outlet has it; else a plain "said", from a different outlet each time
            o, om = said[(ord(L[-1]) - 65) % len(said)] if not same_source else said[0]
            text = (f"{L} writes {_q(m.text)} where {o.label} writes {_q(om.text)}. What does {_q(m.text)} tell "
                    f"the reader that {_q(om.text)} does not?")
            answer = _answer_lines([m]) + f" {_q(om.text)} ({o.label}) only passes on what was said."
            qs.append(Question("verb", text, answer, (m, om)))
        else:
            src = _source_of(m.payload)
            who = f"what {_q(src)} said" if src else "what was said"
            qs.append(Question("verb", f"Which verb does {L} use to report {who}? Does it judge the statement? "
                               "Which plainer verb could replace it?", _answer_lines([m]), (m,)))

    unnamed = [(ex, m) for ex, m in by_cat.get(ANONYMOUS, []) + by_cat.get(VAGUE, [])
               if m.role == "source" and id(m) not in asked]
    if unnamed:
        ex, m = min(unnamed, key=lambda em: (em[1].category != ANONYMOUS, em[1].start))
        kind = "not named" if m.category == ANONYMOUS else "nobody in particular"
        qs.append(Question("unnamed", f"Who is the source of the statement that begins “{_opening(ex.text, m)}”? "
                           "Is the source named? Why does that matter?",
                           f"{_q(m.text)}: {kind}. {m.why} An unnamed source can be fair (to protect someone), but "
                           "the article should say why.", (m,)))
    else:
        nobody = [(ex, m) for ex, m in marks if m.category in (CUE_NEUTRAL, CUE_CHARGED)
                  and getattr(m.payload, "source", 1) is None and getattr(m.payload, "cue_class", "") != "state_of_mind"]
        if nobody:
            ex, m = nobody[0]
            qs.append(Question("unnamed", f"The sentence that begins “{_opening(ex.text, m)}” reports something. "
                               "Who says so? Does the excerpt tell you?",
                               f"Nobody is named: {_q(m.text)} passes on information without saying where it came "
                               "from, so readers cannot check it.", (m,)))

    scare = [(ex, m) for ex, m in by_cat.get(SCARE, []) if id(m) not in asked]
    if scare:
        m = scare[0][1]
        qs.append(Question("scare", f"Why are the words {_q(m.text)} in quotation marks in {L}'s excerpt? Is anyone "
                           "quoted as saying them?", _answer_lines([m]), (m,)))

    naming = _naming_question(art, others, mentions, other_mentions or {})
    if naming is not None:
        qs.append(naming)

    hedges = by_cat.get(HEDGE, [])
    if hedges:
        qs.append(Question("hedge", f"Find {'two words or phrases' if len(hedges) > 1 else 'a word or phrase'} in "
                           f"{L}'s excerpt that make{'' if len(hedges) > 1 else 's'} a statement less certain. "
                           f"What would the sentence claim without {'them' if len(hedges) > 1 else 'it'}?",
                           _answer_lines([m for _, m in hedges]), tuple(m for _, m in hedges)))

    opinion = by_cat.get(OPINION, [])
    if opinion:
        qs.append(Question("opinion", f"Find a phrase in which {L}'s writer gives their own opinion. Rewrite the "
                           "sentence as a plain report.", _answer_lines([m for _, m in opinion]),
                           tuple(m for _, m in opinion)))

    if len(qs) < MIN_QUESTIONS:
        named = [(ex, m) for ex, m in by_cat.get(NAMED, []) if m.role == "source"
                 and getattr(m.payload, "cue_class", "") != "state_of_mind"]
        if named:
            ex, m = named[0]
            qs.append(Question("named", f"Who is the source of the statement that begins “{_opening(ex.text, m)}”? "
                               "Is the source named?", f"{_q(m.text)}: named. {m.why}", (m,), 1))
    if len(qs) < MIN_QUESTIONS:
        plain = [(ex, m) for ex, m in by_cat.get(CUE_NEUTRAL, []) if getattr(m.payload, "cue_class", "") == "neutral"]
        if plain:
            ex, m = plain[0]
            qs.append(Question("plain_verb", f"Which verb or phrase reports where the information in the sentence "
                               f"that begins “{_opening(ex.text, m)}” comes from? Does it judge the statement?",
                               _answer_lines([m]), (m,), 1))
    return qs[:limit]


@dataclass(frozen=True)
class SameFact:
    """Two outlets' sentences reporting the same thing, both on the sheet (``comparison.alignment``)."""

    label: str  # this outlet's letter
    opening: str  # the first words of its sentence
    marks: tuple[Mark, ...]  # the findings in its sentence
    other: str
    other_opening: str
    other_marks: tuple[Mark, ...]


TELLING = (LOADED, OPINION, SCARE, CUE_CHARGED, ANONYMOUS, VAGUE, HEDGE)  # what makes two tellings differ


def _same_fact_question(p: SameFact) -> Question:
    def side(label: str, marks: Sequence[Mark]) -> str:
        return f"{label}: " + (_answer_lines(marks) if marks else "plain wording, nothing marked.")

    text = (f"{p.label} and {p.other} report the same thing: compare {p.label}'s sentence that begins "
            f"“{p.opening}” with {p.other}'s that begins “{p.other_opening}”. Which sounds more certain or more "
            "loaded? Which words make the difference?")
    return Question("same_fact", text, side(p.label, p.marks) + " " + side(p.other, p.other_marks),
                    tuple(p.marks) + tuple(p.other_marks))


def same_facts(arts: Sequence[WorksheetArticle], analyses: Sequence[ArticleAnalysis], comparison: Comparison
               ) -> dict[str, list[SameFact]]:
    """Per article: sentences on the sheet that another outlet's sentence on the sheet matches (the
    comparison's alignment), the most similar first; each pair is asked once, by the outlet whose sentence
    has findings (the first of the two when both have)."""
    by_id = {a.id: a for a in analyses}
    sheet = {art.id: art for art in arts}
    order = {art.id: k for k, art in enumerate(arts)}

    def place(aid: str, k: int):
        a, art = by_id.get(aid), sheet.get(aid)
        if a is None or art is None or not 0 <= k < len(a.sentences):
            return None
        s = a.sentences[k]
        for ex in art.excerpts:
            if ex.start <= s.start and s.end <= ex.end:
                marks = tuple(m for m in ex.marks if m.category in TELLING
                              and s.start <= ex.start + m.start and ex.start + m.end <= s.end
                              and (m.role == "source" or m.category not in (ANONYMOUS, VAGUE)))
                return art, _opening(ex.text, Mark(s.start - ex.start, s.start - ex.start, "", "", "")), marks
        return None

    found: dict[tuple[str, str], tuple[float, SameFact, str]] = {}
    for al in comparison.alignment:
        mine = place(al.article, al.sentence)
        if mine is None:
            continue
        for other_id, j in al.counterparts.items():
            theirs = place(other_id, j) if j is not None else None
            if theirs is None or other_id == al.article:
                continue
            (a1, o1, m1), (a2, o2, m2) = sorted([mine, theirs], key=lambda t: order[t[0].id])
            if not m1 and not m2:
                continue
            if not m1:
                (a1, o1, m1), (a2, o2, m2) = (a2, o2, m2), (a1, o1, m1)
            sim = al.similarity.get(other_id, 0.0)
            key = tuple(sorted((a1.id, a2.id)))
            if key not in found or sim > found[key][0]:
                found[key] = (sim, SameFact(a1.label, o1, m1, a2.label, o2, m2), a1.id)
    out: dict[str, list[SameFact]] = {}
    for sim, fact, aid in sorted(found.values(), key=lambda t: -t[0]):
        out.setdefault(aid, []).append(fact)
    return out


def _naming_question(art: WorksheetArticle, others: Sequence[WorksheetArticle], mentions: Sequence[Any],
                     other_mentions: dict[str, Sequence[Any]]) -> Question | None:
    """Two outlets name the same person differently on the sheet, and a finding sits in this one's name."""
    judged = [(ex, m) for ex, m in _all_marks(art) if m.category in (LOADED, OPINION)]
    for ex in art.excerpts:
        for men in mentions:
            ph = men.phrase
            if not (ex.start <= ph.start and ph.end <= ex.end):
                continue
            inside = [m for e2, m in judged if e2 is ex and ph.start - ex.start <= m.start and m.end <= ph.end - ex.start]
            if not inside:
                continue
            for o in others:
                for om in other_mentions.get(o.id, ()):
                    if om.entity != men.entity or len(om.phrase.text.split()) < 2:
                        continue
                    if not any(e.start <= om.phrase.start and om.phrase.end <= e.end for e in o.excerpts):
                        continue
                    if om.phrase.text.lower() == ph.text.lower():
                        continue
                    text = (f"{art.label} writes {_q(ph.text)}; {o.label} writes {_q(om.phrase.text)}. What do the "
                            f"words {art.label} puts in front of the name tell the reader?")
                    answer = _answer_lines(inside) + f" {o.label} names the same person without that judgement."
                    return Question("naming", text, answer, tuple(inside))
    return None


# ------------------------------------------------------------------------------------------ building


def build_worksheet(
    analyses: Sequence[ArticleAnalysis],
    comparison: Comparison,
    *,
    spans_of: Callable[[ArticleAnalysis], Iterable[Any]],
    version: str,
    paint_order: Sequence[str] = MARKED,
    labels: dict[str, str] | None = None,
    answer_key: bool = False,
    styles: dict[str, Any] | None = None,
    story: str | None = None,
    now: _dt.datetime | None = None,
    already_blind: bool = False,
) -> Worksheet:
    """The worksheet (or, with ``answer_key``, its key) for ``analyses`` as analysed (not yet blinded:
    they are blinded here, with ``labels`` as the window shows them). ``spans_of`` gives the highlight
    spans (``desktop.highlight.spans``); ``styles`` the highlight styles for the key's legend."""
    reveal = [(r.label, r.outlet, r.byline, r.site) for r in who_was_who(analyses, labels)] if answer_key else []
    if not already_blind:
        analyses, comparison = blind(analyses, comparison, labels)
    rank = {c: k for k, c in enumerate(paint_order)}
    arts: list[WorksheetArticle] = []
    for a in analyses:
        spans = [sp for sp in spans_of(a) if sp.category in MARKED]
        excerpts = []
        for start, end in choose_excerpts(a, spans):
            marks = _marks_in(spans, a.text, start, end)
            tree = build_tree(end - start, [(m.start, m.end, m.category, i, None) for i, m in enumerate(marks)], rank)
            para = next(((ps, pe) for ps, pe in _paragraphs(a.text) if ps <= start < pe), (start, end))
            excerpts.append(Excerpt(start, end, a.text[start:end], marks, tree,
                                    a.text[para[0]:start].strip() != "", a.text[end:para[1]].strip() != ""))
        arts.append(WorksheetArticle(a.id, a.outlet or a.id, excerpts, [], _body_chars(a)))
    mentions = {a.id: tuple(getattr(a, "mentions", ())) for a in analyses}
    facts = same_facts(arts, analyses, comparison)
    for art in arts:
        others = [o for o in arts if o is not art]
        art.questions = questions_for(art, others, mentions[art.id], mentions, same_fact=facts.get(art.id, ()))
    now = now or _dt.datetime.now().astimezone()
    legend = []
    if answer_key and styles:
        legend = [(k, st.label, st.cue) for k, st in styles.items() if k in MARKED]
    title = "Slant worksheet: answer key" if answer_key else "Slant worksheet"
    return Worksheet(title, story or f"{len(arts)} versions of one story", now.strftime("%Y-%m-%d %H:%M %Z").strip(),
                     version, arts, answer_key=answer_key, reveal=reveal, legend=legend)
