"""Blind mode for the classroom: outlets become "Outlet A", "Outlet B", ... everywhere.

Not only the labels: an outlet's name also turns up in its own text ("Follow ... on Breitbart News"),
in headlines, entity names and distinctive words. ``blind()`` returns new result objects in which every
occurrence of each outlet's name (and its short forms: "Kyodo News" -> "Kyodo") is replaced by the
outlet's letter, with every character offset moved accordingly, so every exporter works unchanged on
the blinded results and ``text[start:end] == span.text`` still holds.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import string
from collections.abc import Callable, Sequence
from typing import Any

from ..results import ArticleAnalysis, Comparison, DistinctiveWord

_ID_FIELDS = {"id", "article", "articles"}


def blind_label(index: int) -> str:
    letters = string.ascii_uppercase
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = letters[rem] + name
    return f"Outlet {name}"


def name_variants(outlet: str | None) -> list[str]:
    """The forms of an outlet's name worth hiding: the full name, without a parenthesis, without
    "The" in front or "News" at the end."""
    if not outlet or not outlet.strip():
        return []
    full = " ".join(outlet.split())
    forms = {full}
    base = re.sub(r"\s*\(.*?\)\s*", " ", full).strip()
    forms.add(base)
    for f in list(forms):
        g = re.sub(r"^the\s+", "", f, flags=re.I)
        forms.add(g)
        forms.add(re.sub(r"\s+(news|media|online)$", "", g, flags=re.I))
    return sorted((f for f in forms if len(f) >= 3), key=len, reverse=True)


class _Offsets:
    """Maps offsets of the original text to the rewritten one."""

    def __init__(self, repl: list[tuple[int, int, int]]):  # (old_start, old_end, new_length), sorted
        self.starts = [r[0] for r in repl]
        self.repl = repl
        self.cum: list[int] = []  # delta after each replacement
        d = 0
        for s, e, n in repl:
            d += n - (e - s)
            self.cum.append(d)

    def __call__(self, pos: int, side: str) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return pos
        s, e, n = self.repl[i]
        before = self.cum[i - 1] if i else 0
        if pos >= e:
            return pos + self.cum[i]
        if pos == s:
            return pos + before
        # inside a replaced name: snap outwards
        return s + before + (n if side == "end" else 0)


def _rewrite(text: str, pattern: re.Pattern[str] | None, names: dict[str, str]) -> tuple[str, _Offsets]:
    if pattern is None:
        return text, _Offsets([])
    out, repl, last = [], [], 0
    for m in pattern.finditer(text):
        new = names[m.group(0).casefold()]
        out.append(text[last:m.start()])
        out.append(new)
        repl.append((m.start(), m.end(), len(new)))
        last = m.end()
    out.append(text[last:])
    return "".join(out), _Offsets(repl)


def _walk(obj: Any, fix: Callable[[str], str], remap: _Offsets | None, new_text: str | None) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {}
        names = {f.name for f in dataclasses.fields(obj)}
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if f.name in _ID_FIELDS:
                continue
            if f.name == "text" and isinstance(obj, ArticleAnalysis):
                continue
            changes[f.name] = _walk(v, fix, remap, new_text)
        if remap is not None and {"start", "end"} <= names:
            start, end = remap(obj.start, "start"), remap(obj.end, "end")
            changes["start"], changes["end"] = start, end
            if "text" in names and new_text is not None:
                changes["text"] = new_text[start:end]
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, str):
        return fix(obj)
    if isinstance(obj, tuple):
        return tuple(_walk(v, fix, remap, new_text) for v in obj)
    if isinstance(obj, list):
        return [_walk(v, fix, remap, new_text) for v in obj]
    if isinstance(obj, dict):  # keys are article ids: kept
        return {k: _walk(v, fix, remap, new_text) for k, v in obj.items()}
    return obj


def blind(analyses: Sequence[ArticleAnalysis], comparison: Comparison
          ) -> tuple[list[ArticleAnalysis], Comparison]:
    """Outlets renamed "Outlet A", "Outlet B", ... in input order; their names hidden in all text."""
    names: dict[str, str] = {}
    labels: dict[str, str] = {}
    for i, a in enumerate(analyses):
        labels[a.id] = blind_label(i)
        for v in name_variants(a.outlet):
            names.setdefault(v.casefold(), labels[a.id])
    pattern = None
    if names:
        alts = sorted(names, key=len, reverse=True)
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in alts) + r")(?!\w)", re.I)

    def fix(s: str) -> str:
        return pattern.sub(lambda m: names[m.group(0).casefold()], s) if pattern else s

    out: list[ArticleAnalysis] = []
    remaps: dict[str, tuple[_Offsets, str]] = {}
    for a in analyses:
        new_text, remap = _rewrite(a.text, pattern, names)
        remaps[a.id] = (remap, new_text)
        b = _walk(a, fix, remap, new_text)
        # a web address names its site, and a reporter's name often gives the outlet away: both go too
        out.append(dataclasses.replace(b, text=new_text, outlet=labels[a.id], file=None, url=None, byline=None))

    # Comparison: strings fixed; only-here spans moved within their article's text; distinctive words
    # that are an outlet's name dropped (they would give it away).
    only = []
    for o in comparison.only_here:
        remap, new_text = remaps.get(o.article, (None, None))
        only.append(_walk(o, fix, remap, new_text))
    distinctive = {
        k: tuple(_walk(w, fix, None, None) for w in ws if not _names_outlet(w, pattern))
        for k, ws in comparison.distinctive.items()
    }
    warnings = []
    for w in getattr(comparison, "warnings", ()):
        for a in analyses:  # the warning names the article by its label: use the blind one
            w = w.replace(f"“{a.label}”", f"“{labels[a.id]}”")
        warnings.append(fix(w))
    comp = dataclasses.replace(
        comparison,
        warnings=tuple(warnings),
        metrics=_walk(comparison.metrics, fix, None, None),
        distinctive=distinctive,
        naming=_walk(comparison.naming, fix, None, None),
        only_here=tuple(only),
    )
    return out, comp


def _names_outlet(w: DistinctiveWord, pattern: re.Pattern[str] | None) -> bool:
    return bool(pattern and pattern.search(w.word))
