"""Find page furniture (menus, share bars, teasers, repeated captions) as spans; nothing is removed.

Works line by line on the raw text before parsing, driven by ``resources/lexicons/boilerplate.toml``.
Also finds the headline: the first line of five or more words without a full stop, ahead of the body.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .lexicons import load_builtin
from .results import BoilerplateSpan

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$")


@dataclass(frozen=True)
class Line:
    start: int  # offset of the first non-blank character
    end: int  # offset after the last non-blank character
    text: str  # trimmed

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class _Rules:
    lines: dict[str, str]  # casefolded line -> reason
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    list_headings: frozenset[str]
    list_reason: str
    teaser_headings: frozenset[str]
    teaser_reason: str
    layout_tokens: frozenset[str]
    layout_reason: str
    caption: re.Pattern[str]
    caption_reason: str
    repeat_min_words: int
    repeat_reason: str
    section_max_words: int
    section_reason: str


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_builtin("boilerplate")
    lines: dict[str, str] = {}
    for group in data.get("line", []):
        for t in group["texts"]:
            lines[t.strip().casefold()] = group["reason"]
    patterns = tuple((re.compile(p["regex"]), p["reason"]) for p in data.get("pattern", []))
    fold = lambda xs: frozenset(_key(x.strip()) for x in xs)  # noqa: E731 - the same key as a line's
    return _Rules(
        lines=lines,
        patterns=patterns,
        list_headings=fold(data["list_heading"]["texts"]),
        list_reason=data["list_heading"]["reason"],
        teaser_headings=fold(data["teaser_heading"]["texts"]),
        teaser_reason=data["teaser_heading"]["reason"],
        layout_tokens=frozenset(data["layout"]["tokens"]),
        layout_reason=data["layout"]["reason"],
        caption=re.compile(data["caption"]["credit_regex"], re.IGNORECASE),
        caption_reason=data["caption"]["reason"],
        repeat_min_words=int(data["repeat"]["min_words"]),
        repeat_reason=data["repeat"]["reason"],
        section_max_words=int(data["section_label"]["max_words"]),
        section_reason=data["section_label"]["reason"],
    )


def split_lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def _is_sentence(line: Line) -> bool:
    return bool(_TERMINAL.search(line.text))


def _key(text: str) -> str:
    return text.casefold().rstrip(":").strip()


def detect(text: str) -> tuple[tuple[BoilerplateSpan, ...], tuple[int, int] | None]:
    """Return (boilerplate spans, headline char range or None) for ``text``."""
    rules = _rules()
    lines = split_lines(text)
    reasons: dict[int, str] = {}  # line index -> reason

    def mark(i: int, reason: str) -> None:
        reasons.setdefault(i, reason)

    i = 0
    while i < len(lines):
        line = lines[i]
        key = _key(line.text)
        reason = rules.lines.get(line.text.casefold()) or rules.lines.get(key)
        if reason:
            mark(i, reason)
        else:
            for pattern, reason in rules.patterns:
                if pattern.fullmatch(line.text):
                    mark(i, reason)
                    break
        if key in rules.list_headings:
            mark(i, rules.list_reason)
            j = i + 1
            # the list: short lines that are not sentences, until a real paragraph
            while j < len(lines) and lines[j].words <= 20 and not (lines[j].words > 12 and _is_sentence(lines[j])):
                mark(j, rules.list_reason)
                j += 1
            i = j
            continue
        if key in rules.teaser_headings:
            mark(i, rules.teaser_reason)
            if i + 1 < len(lines) and key_not_heading(lines[i + 1], rules) and lines[i + 1].words <= 20:
                mark(i + 1, rules.teaser_reason)
        if line.text in rules.layout_tokens:
            neighbours = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines[k].text in rules.layout_tokens]
            if neighbours:
                mark(i, rules.layout_reason)
        if i not in reasons and rules.caption.search(line.text) and line.words <= 60:
            mark(i, rules.caption_reason)
        i += 1

    # A caption printed twice in a row (caption + alt text). Only an exact pair of neighbouring lines
    # counts: repeated body paragraphs (a pasted article twice, a long test text) are never furniture.
    norms = [" ".join(line.text.split()).casefold() for line in lines]
    tally = Counter(norms)
    for i in range(1, len(lines)):
        if norms[i] == norms[i - 1] and tally[norms[i]] == 2 and lines[i].words >= rules.repeat_min_words:
            mark(i - 1, rules.repeat_reason)
            mark(i, rules.repeat_reason)

    # Short lines wedged between furniture ("Reuters" between an image placeholder and the publisher blurb).
    for i, line in enumerate(lines):
        if i in reasons or line.words > 4 or _is_sentence(line):
            continue
        if (i - 1) in reasons and (i + 1) in reasons:
            mark(i, reasons[i + 1])

    headline = _find_headline(lines, reasons, rules)
    if headline is not None:
        # short labels above the headline (section names, menus) are furniture too
        for i in range(headline):
            if i not in reasons and lines[i].words <= rules.section_max_words and not _is_sentence(lines[i]):
                mark(i, rules.section_reason)

    spans = tuple(
        BoilerplateSpan(lines[i].start, lines[i].end, lines[i].text, reason) for i, reason in sorted(reasons.items())
    )
    head_range = (lines[headline].start, lines[headline].end) if headline is not None else None
    return spans, head_range


def key_not_heading(line: Line, rules: _Rules) -> bool:
    k = _key(line.text)
    return k not in rules.teaser_headings and k not in rules.list_headings


def _find_headline(lines: list[Line], reasons: dict[int, str], rules: _Rules) -> int | None:
    """The first non-furniture line, if it reads as a headline (5-30 words, no closing full stop)."""
    for i, line in enumerate(lines[:8]):
        if i in reasons:
            continue
        if line.words <= rules.section_max_words and not _is_sentence(line):
            continue  # a section label; the headline may follow
        if 5 <= line.words <= 30 and not line.text.endswith((".", "!", "…", ":", ";")):
            return i
        return None
    return None
