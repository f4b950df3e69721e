"""A lesson: the classroom part of a comparison file (``"lesson"`` section), and the Spot-the-slant score.

A lesson holds what a teacher decided and what the class did, never analysis results:

- ``blind``: whether the outlets are hidden (Outlet A, B, …) during the lesson;
- ``reveal``: the highlight categories the exercise reveals, in the order they are revealed (the keys of
  ``resources/styles/highlights.toml``, as plain strings: ``"loaded_term"``, ``"source_anonymous"``, …);
- ``accepted``: words a student marked that the analysis did not find, accepted by the teacher as a good
  catch with a one-line reason. In this lesson each becomes a loaded-word finding with rule
  ``lesson:<word>`` (``accepted_terms``), and it can be written to the user's lexicon folder
  (``export_user_lexicon``);
- ``dismissed``: findings the teacher set aside for this lesson with a note ("not slanted here"). They stay
  visible (greyed, with the note) but leave the figures (``apply_lesson`` recomputes the counts without them,
  and says in the article's warnings how many were dismissed, so every sheet says it too);
- ``marks``: the students' current marks (so a saved lesson reopens with them);
- ``rounds``: the score of each Reveal.

Scoring (``score``): a mark counts as *found* when it overlaps a finding of a revealed category of its own
kind (a "loaded" mark finds loaded words, opinion phrases and scare quotes; an "unnamed source" mark finds
anonymous and vague sources). The score is found ÷ (found + missed), always shown with its count
("3 of 5"); marks that overlap no finding are *extra*, listed beside the score, never subtracted.

Pure: no Qt, no spaCy at import (``apply_lesson`` imports the pipeline's count function when called).
"""
from __future__ import annotations

import dataclasses
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .categories import (  # (highlight category keys, shared with desktop/highlight.py)
    CUE_CHARGED, CUE_NEUTRAL, HEDGE, LOADED_TERM, OPINION, SCARE_QUOTE, SOURCE_ANONYMOUS, SOURCE_NAMED, SOURCE_VAGUE,
)
from .categories import FINDING_CATEGORIES as CATEGORIES

LESSON_VERSION = 1

# What a student can mark, and which categories each kind of mark can find.
LOADED = "loaded"
UNNAMED_SOURCE = "unnamed_source"
MARK_KINDS: dict[str, tuple[str, ...]] = {
    LOADED: (LOADED_TERM, OPINION, SCARE_QUOTE),
    UNNAMED_SOURCE: (SOURCE_ANONYMOUS, SOURCE_VAGUE),
}
MARK_LABELS = {LOADED: "loaded word", UNNAMED_SOURCE: "unnamed source"}
DEFAULT_REVEAL = (LOADED_TERM, OPINION, SCARE_QUOTE, SOURCE_ANONYMOUS, SOURCE_VAGUE)

LESSON_CATEGORY = "lesson"  # the loaded-terms category of accepted words (a user lexicon file defines it)
RULE_PREFIX = "lesson:"
MAX_ITEMS = 100_000  # marks, findings or words in one lesson: far beyond a class, short of a hostile file
MAX_TEXT = 2_000  # characters of one reason, note or word
MAX_WORD, MAX_WORD_WORDS = 80, 6  # an accepted word or phrase


class LessonError(ValueError):
    """A lesson section that cannot be read; the message says where and why in a sentence."""


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


# ============================================================================== the parts of a lesson
@dataclass(frozen=True)
class Mark:
    """A student's mark: ``[start, end)`` of the article's text as shown in the exercise."""

    article_id: str
    start: int
    end: int
    kind: str  # LOADED or UNNAMED_SOURCE
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article_id, "start": self.start, "end": self.end, "kind": self.kind, "text": self.text}

    @classmethod
    def from_dict(cls, d: Any, where: str = "a mark") -> Mark:
        d = _table(d, where)
        kind = d.get("kind")
        if not isinstance(kind, str) or kind not in MARK_KINDS:
            raise LessonError(f"{where}: \"kind\" must be one of {', '.join(MARK_KINDS)}, not {kind!r}.")
        start, end = _span(d, where)
        return cls(_text(d, "article", where), start, end, kind, _text(d, "text", where, required=False))


@dataclass(frozen=True)
class Finding:
    """A finding as the exercise scores it: a highlight span of a category, with its explanation."""

    article_id: str
    start: int
    end: int
    category: str
    rule: str = ""
    text: str = ""
    explanation: str = ""

    @property
    def key(self) -> str:
        return finding_key(self.article_id, self.start, self.end, self.category, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article_id, "start": self.start, "end": self.end, "category": self.category,
                "rule": self.rule, "text": self.text, "explanation": self.explanation}

    @classmethod
    def from_dict(cls, d: Any, where: str = "a finding") -> Finding:
        d = _table(d, where)
        start, end = _span(d, where)
        return cls(_text(d, "article", where), start, end, _category(d, where), _text(d, "rule", where, False),
                   _text(d, "text", where, False), _text(d, "explanation", where, False))


def finding_key(article_id: str, start: int, end: int, category: str, rule: str = "") -> str:
    """The stable key of a finding: article id, character span, category and the rule that fired."""
    return f"{article_id}:{start}-{end}:{category}:{rule}"


@dataclass(frozen=True)
class AcceptedWord:
    word: str
    reason: str
    category: str = LOADED_TERM
    by: str | None = None
    at: str | None = None

    @property
    def rule(self) -> str:
        return RULE_PREFIX + _norm_word(self.word)

    def to_dict(self) -> dict[str, Any]:
        return _signed({"word": self.word, "reason": self.reason, "category": self.category}, self.by, self.at)

    @classmethod
    def from_dict(cls, d: Any, where: str = "an accepted word") -> AcceptedWord:
        d = _table(d, where)
        word = _text(d, "word", where)
        if not _norm_word(word):
            raise LessonError(f"{where}: \"word\" is empty.")
        return cls(word, _text(d, "reason", where), _category(d, where, LOADED_TERM),
                   _text(d, "by", where, False) or None, _text(d, "at", where, False) or None)


@dataclass(frozen=True)
class DismissedFinding:
    article_id: str
    start: int
    end: int
    category: str
    rule: str
    note: str
    text: str = ""
    by: str | None = None
    at: str | None = None

    @property
    def key(self) -> str:
        return finding_key(self.article_id, self.start, self.end, self.category, self.rule)

    def to_dict(self) -> dict[str, Any]:
        return _signed({"article": self.article_id, "start": self.start, "end": self.end, "category": self.category,
                        "rule": self.rule, "text": self.text, "note": self.note}, self.by, self.at)

    @classmethod
    def from_dict(cls, d: Any, where: str = "a dismissed finding") -> DismissedFinding:
        d = _table(d, where)
        start, end = _span(d, where)
        return cls(_text(d, "article", where), start, end, _category(d, where), _text(d, "rule", where, False),
                   _text(d, "note", where, False), _text(d, "text", where, False),
                   _text(d, "by", where, False) or None, _text(d, "at", where, False) or None)


@dataclass(frozen=True)
class ArticleScore:
    article_id: str
    found: tuple[Finding, ...] = ()
    missed: tuple[Finding, ...] = ()
    extra: tuple[Mark, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article_id, "found_count": len(self.found), "missed_count": len(self.missed),
                "extra_count": len(self.extra), "found": [f.to_dict() for f in self.found],
                "missed": [f.to_dict() for f in self.missed], "extra": [m.to_dict() for m in self.extra]}

    @classmethod
    def from_dict(cls, d: Any, where: str = "an article's score") -> ArticleScore:
        d = _table(d, where)
        out = cls(_text(d, "article", where),
                  tuple(Finding.from_dict(x, f"{where}, found {i}") for i, x in enumerate(_list(d, "found", where), 1)),
                  tuple(Finding.from_dict(x, f"{where}, missed {i}") for i, x in enumerate(_list(d, "missed", where), 1)),
                  tuple(Mark.from_dict(x, f"{where}, extra {i}") for i, x in enumerate(_list(d, "extra", where), 1)))
        for name, items in (("found", out.found), ("missed", out.missed), ("extra", out.extra)):
            n = d.get(f"{name}_count", len(items))
            if n != len(items):
                raise LessonError(f"{where}: \"{name}_count\" says {n!r} but {len(items)} are listed.")
        return out


@dataclass(frozen=True)
class Round:
    """One Reveal: when, which categories were scored, and per article what was found, missed and extra."""

    at: str
    revealed: tuple[str, ...]
    articles: tuple[ArticleScore, ...] = ()

    @property
    def found(self) -> int:
        return sum(len(a.found) for a in self.articles)

    @property
    def missed(self) -> int:
        return sum(len(a.missed) for a in self.articles)

    @property
    def extra(self) -> int:
        return sum(len(a.extra) for a in self.articles)

    @property
    def share(self) -> float | None:
        """found ÷ (found + missed); None when there was nothing to find."""
        n = self.found + self.missed
        return self.found / n if n else None

    def summary(self) -> str:
        """"Found 3 of 5 · 2 extra marks": the count always beside the share."""
        n = self.found + self.missed
        head = f"Found {self.found} of {n}" if n else "Nothing to find in the revealed categories"
        if self.extra:
            head += f" · {self.extra} extra mark{'s' if self.extra != 1 else ''}"
        return head

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "revealed": list(self.revealed), "found": self.found, "missed": self.missed,
                "extra": self.extra, "articles": [a.to_dict() for a in self.articles]}

    @classmethod
    def from_dict(cls, d: Any, where: str = "a round") -> Round:
        d = _table(d, where)
        revealed = _categories(d.get("revealed", []), f"{where}, \"revealed\"")
        arts = tuple(ArticleScore.from_dict(x, f"{where}, article {i}")
                     for i, x in enumerate(_list(d, "articles", where), 1))
        out = cls(_text(d, "at", where), revealed, arts)
        for name in ("found", "missed", "extra"):
            if name in d and d[name] != getattr(out, name):
                raise LessonError(f"{where}: \"{name}\" says {d[name]!r} but the articles add up to "
                                  f"{getattr(out, name)}.")
        return out


@dataclass(frozen=True)
class Lesson:
    blind: bool = True
    reveal: tuple[str, ...] = DEFAULT_REVEAL
    accepted: tuple[AcceptedWord, ...] = ()
    dismissed: tuple[DismissedFinding, ...] = ()
    marks: tuple[Mark, ...] = ()
    rounds: tuple[Round, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False)  # a newer Slant's fields, kept

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = dict(self.extra)
        d.update({"version": LESSON_VERSION, "blind": self.blind, "reveal": list(self.reveal),
                  "accepted": [a.to_dict() for a in self.accepted],
                  "dismissed": [x.to_dict() for x in self.dismissed],
                  "marks": [m.to_dict() for m in self.marks],
                  "rounds": [r.to_dict() for r in self.rounds]})
        return d

    @classmethod
    def from_dict(cls, d: Any, where: str = "The lesson section") -> Lesson:
        if not isinstance(d, dict):
            raise LessonError(f"{where} is not a table of fields.")
        version = d.get("version", LESSON_VERSION)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise LessonError(f"{where} has no valid version ({version!r}).")
        blind = d.get("blind", True)
        if not isinstance(blind, bool):
            raise LessonError(f"{where}: \"blind\" must be true or false.")
        reveal = _categories(d.get("reveal", list(DEFAULT_REVEAL)), f"{where}, \"reveal\"")
        if len(set(reveal)) != len(reveal):
            raise LessonError(f"{where}: \"reveal\" names a category twice.")
        accepted = tuple(AcceptedWord.from_dict(x, f"{where}, accepted word {i}")
                         for i, x in enumerate(_list(d, "accepted", where), 1))
        dismissed = tuple(DismissedFinding.from_dict(x, f"{where}, dismissed finding {i}")
                          for i, x in enumerate(_list(d, "dismissed", where), 1))
        marks = tuple(Mark.from_dict(x, f"{where}, mark {i}") for i, x in enumerate(_list(d, "marks", where), 1))
        rounds = tuple(Round.from_dict(x, f"{where}, round {i}") for i, x in enumerate(_list(d, "rounds", where), 1))
        known = {"version", "blind", "reveal", "accepted", "dismissed", "marks", "rounds"}
        return cls(blind, reveal, accepted, dismissed, marks, rounds, {k: v for k, v in d.items() if k not in known})

    # -- changes (a lesson is immutable: each returns a new one)
    def accept(self, word: str, reason: str, *, by: str | None = None, at: str | None = None) -> Lesson:
        norm = _norm_word(word)
        if not norm:
            raise LessonError("An accepted word cannot be empty.")
        if len(norm) > MAX_WORD or len(norm.split()) > MAX_WORD_WORDS:
            raise LessonError(f"“{norm[:40]}…” is too long to accept as a loaded word: a word or a phrase of at most "
                              f"{MAX_WORD_WORDS} words is accepted.")
        kept = tuple(a for a in self.accepted if _norm_word(a.word) != norm)
        return dataclasses.replace(self, accepted=kept + (AcceptedWord(" ".join(word.split()), reason.strip(),
                                                                       by=by, at=at or _now()),))

    def dismiss(self, finding: Finding | DismissedFinding, note: str, *, by: str | None = None,
                at: str | None = None) -> Lesson:
        item = DismissedFinding(finding.article_id, finding.start, finding.end, finding.category, finding.rule,
                                note.strip(), finding.text, by=by, at=at or _now())
        kept = tuple(x for x in self.dismissed if x.key != item.key)
        return dataclasses.replace(self, dismissed=kept + (item,))

    def undismiss(self, key: str) -> Lesson:
        return dataclasses.replace(self, dismissed=tuple(x for x in self.dismissed if x.key != key))

    def with_round(self, r: Round) -> Lesson:
        return dataclasses.replace(self, rounds=self.rounds + (r,))

    def dismissed_keys(self) -> dict[str, DismissedFinding]:
        return {x.key: x for x in self.dismissed}


# ============================================================================== scoring
def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(marks: Iterable[Mark], findings: Iterable[Finding], revealed: Sequence[str],
          *, dismissed: Iterable[str] = (), at: str | None = None) -> Round:
    """Score the marks against the findings of the revealed categories (dismissed keys left out).

    A finding is *found* when a mark of a kind that can find its category overlaps it by at least one
    character; otherwise it is *missed*. A mark overlapping no such finding is *extra*. Revealed categories
    that no mark can find (hedges, reporting verbs) are shown by the window but not scored.
    """
    revealed_set = set(revealed)
    gone = set(dismissed)
    scored = [f for f in findings if f.category in revealed_set and f.key not in gone
              and any(f.category in cats for cats in MARK_KINDS.values())]
    marks = list(marks)
    by_article: dict[str, tuple[list[Finding], list[Finding], list[Mark]]] = {}
    order: list[str] = []

    def slot(aid: str) -> tuple[list[Finding], list[Finding], list[Mark]]:
        if aid not in by_article:
            by_article[aid] = ([], [], [])
            order.append(aid)
        return by_article[aid]

    for f in sorted(scored, key=lambda f: (f.article_id, f.start, f.end)):
        hit = any(m.article_id == f.article_id and f.category in MARK_KINDS.get(m.kind, ())
                  and _overlaps(m.start, m.end, f.start, f.end) for m in marks)
        slot(f.article_id)[0 if hit else 1].append(f)
    for m in sorted(marks, key=lambda m: (m.article_id, m.start, m.end)):
        cats = MARK_KINDS.get(m.kind, ())
        if not any(f.article_id == m.article_id and f.category in cats and _overlaps(m.start, m.end, f.start, f.end)
                   for f in scored):
            slot(m.article_id)[2].append(m)
    arts = tuple(ArticleScore(aid, tuple(by_article[aid][0]), tuple(by_article[aid][1]), tuple(by_article[aid][2]))
                 for aid in order)
    return Round(at or _now(), tuple(c for c in revealed), arts)


def mark_state(marks: Iterable[Mark], r: Round) -> dict[Mark, str]:
    """Each mark -> "found" or "extra" in a round (for drawing the marks after Reveal)."""
    extra = {m for a in r.articles for m in a.extra}
    return {m: ("extra" if m in extra else "found") for m in marks}


# ============================================================================== accepted words as findings
def _norm_word(word: str) -> str:
    return " ".join(word.split()).lower()


def word_pattern(word: str) -> re.Pattern[str] | None:
    """Case-insensitive, whole-word pattern for an accepted word or phrase (any whitespace between words)."""
    parts = [re.escape(p) for p in word.split()]
    if not parts:
        return None
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def accepted_terms(analysis: Any, accepted: Iterable[AcceptedWord]) -> tuple[Any, ...]:
    """The accepted words of a lesson as loaded-term findings in one article (rule ``lesson:<word>``).

    Matching is case-insensitive and whole-word on the analysed text. The window holds results, not the
    spaCy ``Doc``, so this is not the lexicon's lemma-based PhraseMatcher: an accepted "slam" does not also
    find "slammed" (export the words to the user lexicon for that). Page furniture and words already
    found as loaded are skipped, so nothing is counted twice.
    """
    from .results import LoadedTerm

    text = analysis.text
    taken = [(t.start, t.end) for t in analysis.loaded_terms]
    furniture = [(b.start, b.end) for b in analysis.boilerplate]
    out: list[LoadedTerm] = []
    for a in accepted:
        pat = word_pattern(a.word)
        if pat is None:
            continue
        for m in pat.finditer(text):
            s, e = m.span()
            if any(_overlaps(s, e, x, y) for x, y in taken + furniture):
                continue
            taken.append((s, e))
            why = (f"Accepted in this lesson as a loaded word: {a.reason}" if a.reason
                   else "Accepted in this lesson as a loaded word.")
            out.append(LoadedTerm(s, e, m.group(0), LESSON_CATEGORY, 0.5, why, (), a.rule))
    return tuple(sorted(out, key=lambda t: (t.start, t.end)))


# ============================================================================== dismissed findings
def _loaded_highlight(term: Any) -> str:
    rule, cat = (term.rule or "").lower(), (term.category or "").lower()
    if "scare" in rule or "scare" in cat:
        return SCARE_QUOTE
    return OPINION if cat == "opinion" else LOADED_TERM


def _is_dismissed(keys: set[str], aid: str, start: int, end: int, categories: Iterable[str], rule: str) -> bool:
    return any(finding_key(aid, start, end, c, rule) in keys for c in categories)


def apply_lesson(analysis: Any, lesson: Lesson) -> Any:
    """One article's results as the lesson shows them: its accepted words added as findings, its dismissed
    findings taken out of the lists and the counts (recomputed by the pipeline's own ``counts``), and a
    warning saying how many were dismissed (every sheet prints an article's warnings).

    A dismissed loaded word or hedge leaves its list; a dismissed source or reporting verb takes its
    attribution out (so the unnamed-source share loses it from both its count and its total).
    """
    from .pipeline import counts

    aid = analysis.id
    keys = {x.key for x in lesson.dismissed if x.article_id == aid}
    added = accepted_terms(analysis, lesson.accepted) if lesson.accepted else ()
    if not keys and not added:
        return analysis
    loaded = [t for t in analysis.loaded_terms
              if not _is_dismissed(keys, aid, t.start, t.end, (_loaded_highlight(t),), t.rule)]
    n_dismissed = len(analysis.loaded_terms) - len(loaded)
    loaded = tuple(sorted(loaded + [t for t in added
                                    if not _is_dismissed(keys, aid, t.start, t.end, (LOADED_TERM,), t.rule)],
                          key=lambda t: (t.start, t.end)))
    attrs = []
    for a in analysis.attributions:
        cue = _is_dismissed(keys, aid, a.cue.start, a.cue.end, (CUE_NEUTRAL, CUE_CHARGED), a.rule)
        src = a.source is not None and _is_dismissed(
            keys, aid, a.source.start, a.source.end, (SOURCE_NAMED, SOURCE_ANONYMOUS, SOURCE_VAGUE), a.rule)
        if cue or src:
            n_dismissed += 1
        else:
            attrs.append(a)
    hedges = tuple(h for h in analysis.hedges if not _is_dismissed(keys, aid, h.start, h.end, (HEDGE,), h.rule))
    n_dismissed += len(analysis.hedges) - len(hedges)
    c = counts(analysis.counts.words, analysis.sentences, loaded, hedges, tuple(attrs))
    warnings = tuple(analysis.warnings)
    if n_dismissed:
        warnings += (dismissed_line(n_dismissed),)
    return dataclasses.replace(analysis, loaded_terms=loaded, attributions=tuple(attrs), hedges=hedges, counts=c,
                               warnings=warnings)


def dismissed_line(n: int) -> str:
    return (f"{n} finding{'s' if n != 1 else ''} dismissed by the teacher for this lesson "
            "(left out of the figures).")


# ============================================================================== export to the user lexicon
def _toml_str(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def user_lexicon_toml(accepted: Sequence[AcceptedWord], name: str = "lesson") -> str:
    """The accepted words as a user ``loaded_terms`` file (the built-in file's shape, its own category)."""
    lines = ["# Words accepted as loaded in a Slant lesson (Classroom > Spot the slant), written by Slant.",
             "# Edit or delete freely: this file only adds to the built-in lexicon, never changes it.", "",
             "[meta]", f"name = {_toml_str('loaded_terms')}", f"version = {_toml_str('1')}",
             f"source = {_toml_str(f'Accepted by a teacher in the lesson {name!r}')}",
             f"licence = {_toml_str('the user’s own')}", "",
             f"[categories.{LESSON_CATEGORY}]", f"label = {_toml_str('Accepted in a lesson')}",
             "explanation = " + _toml_str("A word a student marked as loaded and the teacher accepted, with the "
                                          "teacher's reason."), ""]
    seen: set[str] = set()
    for a in accepted:
        term = _norm_word(a.word)
        if not term or term in seen:
            continue
        seen.add(term)
        lines += ["[[term]]", f"term = {_toml_str(term)}", f"category = {_toml_str(LESSON_CATEGORY)}",
                  "weight = 0.5", f"why = {_toml_str(a.reason or 'Accepted as loaded in a lesson.')}",
                  "alternatives = []", ""]
    return "\n".join(lines)


def _slug(name: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    return s[:40] or "lesson"


def export_user_lexicon(accepted: Sequence[AcceptedWord], name: str = "lesson",
                        folder: str | Path | None = None) -> Path:
    """Write the accepted words to ``loaded_terms_lesson_<name>.toml`` in the user's lexicon folder
    (``analysis.lexicons.user_dir()``), atomically. The built-in lexicon is never written to."""
    from . import lexicons
    from .export.atomic import write_bytes

    if not accepted:
        raise LessonError("This lesson has no accepted words to export.")
    target_dir = Path(folder) if folder is not None else lexicons.user_dir()
    builtin = Path(str(lexicons._builtin_dir())).resolve()
    resolved = target_dir.resolve()
    if resolved == builtin or builtin in resolved.parents:
        raise LessonError("The user lexicon folder is the built-in lexicon's folder; Slant never writes there. "
                          "Set SLANT_LEXICON_DIR to another folder.")
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"loaded_terms_lesson_{_slug(name)}.toml"
    write_bytes(path, user_lexicon_toml(accepted, name).encode("utf-8"))
    return path


# ============================================================================== checking helpers
def _signed(d: dict[str, Any], by: str | None, at: str | None) -> dict[str, Any]:
    """A teacher's decision as saved: who made it and when, only when known."""
    if by:
        d["by"] = by
    if at:
        d["at"] = at
    return d


def _table(d: Any, where: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise LessonError(f"{where} is not a table of fields.")
    return d


def _list(d: dict[str, Any], key: str, where: str) -> list[Any]:
    v = d.get(key, [])
    if not isinstance(v, list):
        raise LessonError(f"{where}: \"{key}\" must be a list.")
    if len(v) > MAX_ITEMS:
        raise LessonError(f"{where}: \"{key}\" holds {len(v)} items; a lesson holds at most {MAX_ITEMS}.")
    return v


def _text(d: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    v = d.get(key)
    if v is None and not required:
        return ""
    if not isinstance(v, str) or (required and not v.strip()):
        raise LessonError(f"{where}: \"{key}\" must be a non-empty text." if required
                          else f"{where}: \"{key}\" must be text.")
    if len(v) > MAX_TEXT and key not in ("text", "explanation"):
        raise LessonError(f"{where}: \"{key}\" is longer than {MAX_TEXT} characters.")
    return v


def _int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) or (isinstance(v, float) and math.isfinite(v) and v == int(v))


def _span(d: dict[str, Any], where: str) -> tuple[int, int]:
    s, e = d.get("start"), d.get("end")
    if not (_int(s) and _int(e)) or not 0 <= int(s) < int(e):
        raise LessonError(f"{where}: \"start\" and \"end\" must be whole numbers with 0 ≤ start < end "
                          f"(found {s!r} and {e!r}).")
    return int(s), int(e)


def _category(d: dict[str, Any], where: str, default: str | None = None) -> str:
    v = d.get("category", default)
    if v not in CATEGORIES:
        raise LessonError(f"{where}: \"category\" must be one of {', '.join(CATEGORIES)}, not {v!r}.")
    return v


def _categories(v: Any, where: str) -> tuple[str, ...]:
    if not isinstance(v, list) or not all(isinstance(c, str) for c in v):
        raise LessonError(f"{where} must be a list of category names.")
    bad = [c for c in v if c not in CATEGORIES]
    if bad:
        raise LessonError(f"{where} names unknown categories ({', '.join(bad)}); known: {', '.join(CATEGORIES)}.")
    return tuple(v)
