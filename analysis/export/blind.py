"""Blind mode for the classroom: each article's own identity hidden, its outlet called "Outlet A", "B", ...

What gives an article away is more than its outlet label: its name in its own text ("told Reuters" in
Reuters' article, "(Kyodo)" under Kyodo's photo), short forms ("Kyodo" for "Kyodo News", "VOA"), the
byline and author lines ("Author: Kazuyuki Sakamoto", "Follow Frances Martel on Facebook"), links to its
own site, copyright lines, a paragraph about the publisher ("Reuters is a news agency founded in 1851 ...")
and the page furniture of its site's template ("No time to read? Get a summary").

``blind()`` hides exactly that, per article:

- page furniture (the spans ``analysis.boilerplate`` finds) and identity lines (author lines, "Follow X",
  copyright lines, short lines naming the byline) are cut, shown as ``[removed in blind mode]``;
- a passage describing the outlet itself is cut whole, shown as ``[about Outlet B: removed in blind mode]``
  (renaming the name inside it would still give it away);
- the article's own name, its short forms and its site become its letter; links to its own site become
  ``[link removed]``; a person's byline named elsewhere becomes ``[reporter]``.

Other outlets named in an article ("Japan's Kyodo News similarly reported" in Breitbart's text) stay as
written: a citation is a finding, not an identity.

The redaction is a mapped edit of spans: every finding is moved to the same words in the blinded text
(``text[start:end] == span.text`` still holds); a finding inside a cut passage goes with it. Sentences are
never dropped (alignment refers to them by index); one inside a cut passage points at its marker. The
figures (counts, tone, readability) are those of the article as analysed.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ..results import ArticleAnalysis, Comparison

REMOVED = "[removed in blind mode]"
LINK_REMOVED = "[link removed]"
REPORTER = "[reporter]"


def about_marker(label: str) -> str:
    return f"[about {label}: removed in blind mode]"


def blind_label(index: int) -> str:
    letters = string.ascii_uppercase
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = letters[rem] + name
    return f"Outlet {name}"


def name_variants(outlet: str | None) -> list[str]:
    """The forms of an outlet's name worth hiding: the full name, without a parenthesis, without "The" in
    front or "News" at the end, a short name in parentheses ("Voice of America (Reuters)": "Reuters")
    and the initials of a name of three or more words ("VOA")."""
    if not outlet or not outlet.strip():
        return []
    full = " ".join(outlet.split())
    forms = {full}
    base = re.sub(r"\s*\(.*?\)\s*", " ", full).strip()
    forms.add(base)
    for inner in re.findall(r"\(([^()]*)\)", full):
        if 1 <= len(inner.split()) <= 3 and inner[:1].isupper():  # a name, not "(rewrite of a Kyodo report)"
            forms.add(inner.strip())
    for f in list(forms):
        g = re.sub(r"^the\s+", "", f, flags=re.I)
        forms.add(g)
        forms.add(re.sub(r"\s+(news|media|online)$", "", g, flags=re.I))
    words = base.split()
    if len(words) >= 3:
        forms.add("".join(w[0] for w in words if w[:1].isalpha()).upper())
    return sorted((f for f in forms if len(f) >= 3), key=len, reverse=True)


def site_forms(url: str | None) -> list[str]:
    """"https://www.breitbart.com/x" -> ["breitbart.com", "breitbart"]."""
    if not url:
        return []
    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    host = re.sub(r"^(www\d?|m|amp|mobile)\.", "", host)
    if not host:
        return []
    forms = {host}
    parts = host.split(".")
    # the name part: the label before the public suffix ("kyodonews" in english.kyodonews.net, "bbc" in bbc.co.uk)
    core = parts[-3] if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "ne", "or", "ac"} \
        else (parts[-2] if len(parts) >= 2 else parts[0])
    if len(core) >= 4:
        forms.add(core)
    return sorted(forms, key=len, reverse=True)


def byline_people(byline: str | None, outlet_forms: Sequence[str]) -> tuple[list[str], list[str]]:
    """(people, organisations) named in a byline: "Jane Doe and John Roe, Reuters" -> people and "Reuters"."""
    if not byline or not byline.strip():
        return [], []
    people, orgs = [], []
    known = {f.casefold() for f in outlet_forms}
    text = re.sub(r"^\s*(by|author:?|written by)\s+", "", " ".join(byline.split()), flags=re.I)
    for part in re.split(r"\s*(?:,|;|&|\band\b|\|)\s*", text):
        part = part.strip()
        if len(part) < 3:
            continue
        if part.casefold() in _NOT_A_NAME:
            continue  # "Staff", "Agencies": no one's identity, and common words in a text
        if part.casefold() in known or len(part.split()) == 1:
            orgs.append(part)  # "Reuters", "AFP": an agency, hidden like the outlet's own name
        else:
            people.append(part)
    return people, orgs


_NOT_A_NAME = {"staff", "staff writer", "staff reporter", "editor", "editors", "editorial", "editorial board",
               "admin", "agencies", "agency", "wires", "newsroom", "news desk", "desk", "team", "correspondent",
               "our correspondent", "reporter", "web desk", "online desk"}


@dataclass(frozen=True)
class Identity:
    """What names one article: the strings hidden in its own text."""
    label: str
    outlet: str | None
    names: tuple[str, ...]  # outlet forms, site forms, organisations in the byline -> the label
    people: tuple[str, ...]  # people in the byline -> "[reporter]"
    sites: tuple[str, ...]  # hosts and site names: links containing one are removed

    def terms(self) -> tuple[str, ...]:
        return self.names + self.people


def identity_of(a: ArticleAnalysis, label: str) -> Identity:
    outlet_forms = name_variants(a.outlet)
    sites = site_forms(a.url)
    people, orgs = byline_people(a.byline, outlet_forms)
    names = []
    for n in [*outlet_forms, *sites, *[v for o in orgs for v in name_variants(o)]]:
        if n.casefold() not in {x.casefold() for x in names}:
            names.append(n)
    squashed = {re.sub(r"\W", "", n).lower() for n in outlet_forms if len(n) >= 4}
    return Identity(label, a.outlet, tuple(sorted(names, key=len, reverse=True)), tuple(people),
                    tuple(sorted(set(sites) | squashed, key=len, reverse=True)))


def _alternation(terms: Sequence[str], any_case: bool = False) -> re.Pattern[str] | None:
    """A pattern for whole-word ``terms``. Names are matched as written, in capitals ("KYODO") or with a
    capital first letter ("Breitbart" for the site name "breitbart"), not in any case: "Times" must not
    hide "three times"."""
    terms = [t for t in terms if t.strip()]
    if not terms:
        return None
    forms = {f for t in terms for f in (t, t.upper(), t[:1].upper() + t[1:], t.title())} if not any_case else set(terms)
    alts = sorted({re.escape(f) for f in forms}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")(?!\w)", re.I if any_case else 0)


# Lines that say who wrote or published the article (matched on the stripped line).
_AUTHOR_LINE = re.compile(
    r"^(?:by|authors?|written by|words by|story by|reported by|reporting by|additional reporting by|editing by|"
    r"edited by|compiled by|writer|correspondent)\b\s*[:\-–—]?\s*\S", re.I)
_FOLLOW_LINE = re.compile(r"^follow\b.{0,120}?\b(?:on|at)\b|^follow\s+@", re.I)
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s*\d{4}|copyright\b)|all rights reserved", re.I)
# A passage about the publisher: its name near the start and words that describe an organisation.
_ABOUT = re.compile(
    r"\b(?:founded|established|owned by|headquartered|based in|news agency|wire service|subsidiary|"
    r"publisher of|publishes|broadcaster|is (?:a|an|the) (?:\w+ ){0,3}(?:news|media|newspaper|agency|"
    r"organi[sz]ation|company|outlet|website|service)|about us)\b", re.I)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|jp|news|co\.uk|info|io)"
                  r"\b(?:/[^\s<>\"')\]]*)?|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b", re.I)


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    new: str
    cut: bool  # a passage removed (findings inside it go too), not a name renamed


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(line) + 1


def redactions(a: ArticleAnalysis, ident: Identity) -> list[Edit]:
    """The edits that hide ``a``'s identity, sorted and not overlapping."""
    text = a.text
    names = _alternation(ident.names)
    people = _alternation(ident.people)
    anyone = _alternation(ident.terms())
    cuts: list[tuple[int, int, bool]] = []  # (start, end, is a passage about the outlet)
    for b in a.boilerplate:  # the site's template identifies it too
        cuts.append((b.start, b.end, "publisher" in b.reason))
    for s, e, line in _lines(text):
        named = bool(anyone and anyone.search(line))
        if len(line) <= 200 and (_AUTHOR_LINE.match(line) or _FOLLOW_LINE.match(line) or _COPYRIGHT_LINE.search(line)):
            cuts.append((s, e, False))
        elif people and people.search(line) and len(line) <= 80:
            cuts.append((s, e, False))  # "Frances Martel | Washington"
        elif named and names and _ABOUT.search(line) and (m := names.search(line)) and m.start() <= 60:
            cuts.append((s, e, True))  # "Reuters is a news agency founded in 1851 ..."
        elif names and names.fullmatch(line.strip(" \t•·|-–—:()[]")):
            cuts.append((s, e, False))  # a line that is only the name: a credit or a logo's alt text
    merged: list[list[Any]] = []
    for s, e, about in sorted(cuts):
        if merged and not text[merged[-1][1]:s].strip():
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] = merged[-1][2] or about
        else:
            merged.append([s, e, about])
    edits = [Edit(s, e, about_marker(ident.label) if about else REMOVED, True) for s, e, about in merged]
    starts = [x.start for x in edits]

    def free(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, s) - 1
        if i >= 0 and edits[i].end > s:
            return False
        j = bisect.bisect_left(starts, s)
        return not (j < len(edits) and edits[j].start < e)

    small: list[Edit] = []
    sites = [re.sub(r"\W", "", x).lower() for x in ident.sites]
    for m in _URL.finditer(text):
        squashed = re.sub(r"\W", "", m.group(0)).lower()
        if any(x and x in squashed for x in sites) and free(m.start(), m.end()):
            small.append(Edit(m.start(), m.end(), LINK_REMOVED, True))
    taken = sorted((x.start, x.end) for x in small)

    def clear(s: int, e: int) -> bool:
        return free(s, e) and not any(ts < e and s < te for ts, te in taken)

    for pattern, new in ((names, ident.label), (people, REPORTER)):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if clear(m.start(), m.end()):
                small.append(Edit(m.start(), m.end(), new, False))
                taken.append((m.start(), m.end()))
    return sorted(edits + small, key=lambda x: x.start)


class Remap:
    """Moves offsets of the original text to the blinded one."""

    def __init__(self, edits: Sequence[Edit]):
        self.edits = list(edits)
        self.starts = [x.start for x in self.edits]
        self.cum: list[int] = []
        d = 0
        for x in self.edits:
            d += len(x.new) - (x.end - x.start)
            self.cum.append(d)

    def __call__(self, pos: int, side: str) -> int:
        i = bisect.bisect_right(self.starts, pos) - 1
        if side == "end" and i >= 0 and pos == self.edits[i].start:
            i -= 1  # an end touching the next edit stays before it
        if i < 0:
            return pos
        x = self.edits[i]
        before = self.cum[i - 1] if i else 0
        if pos >= x.end:
            return pos + self.cum[i]
        if pos == x.start:
            return pos + before
        return x.start + before + (len(x.new) if side == "end" else 0)  # inside an edit: snap outwards

    def cut(self, s: int, e: int) -> bool:
        """Whether [s, e) touches a removed passage or link (its findings go with it)."""
        i = bisect.bisect_left(self.starts, max(e, s + 1)) - 1
        while i >= 0 and self.edits[i].end > s:
            if self.edits[i].cut:
                return True
            i -= 1
        return False


def apply(text: str, edits: Sequence[Edit]) -> str:
    out, last = [], 0
    for x in edits:
        out.append(text[last:x.start])
        out.append(x.new)
        last = x.end
    out.append(text[last:])
    return "".join(out)


def _has_span(obj: Any) -> bool:
    return dataclasses.is_dataclass(obj) and {"start", "end"} <= {f.name for f in dataclasses.fields(obj)}


def _is_cut(obj: Any, remap: Remap) -> bool:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        if _has_span(obj) and remap.cut(obj.start, obj.end):
            return True
        return any(_is_cut(getattr(obj, f.name), remap) for f in dataclasses.fields(obj))
    return False


_KEEP = {"id", "article", "articles", "category", "rule", "kind", "cue_class", "source_type", "label"}


def _walk(obj: Any, fix: Callable[[str], str], remap: Remap | None, new_text: str | None,
          drop_cut: bool = True) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            if f.name in _KEEP:
                continue
            if f.name == "text" and isinstance(obj, ArticleAnalysis):
                continue
            # sentences are kept (alignment refers to them by index), other findings in a cut passage go
            changes[f.name] = _walk(getattr(obj, f.name), fix, remap, new_text, f.name != "sentences")
        if remap is not None and _has_span(obj):
            start, end = remap(obj.start, "start"), remap(obj.end, "end")
            changes["start"], changes["end"] = start, max(start, end)
            if "text" in changes and new_text is not None:
                changes["text"] = new_text[start:max(start, end)]
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, str):
        return fix(obj)
    if isinstance(obj, (tuple, list)):
        items = [v for v in obj if not (drop_cut and remap is not None and _is_cut(v, remap))]
        walked = [_walk(v, fix, remap, new_text) for v in items]
        return tuple(walked) if isinstance(obj, tuple) else walked
    if isinstance(obj, dict):  # keys are article ids: kept
        return {k: _walk(v, fix, remap, new_text) for k, v in obj.items()}
    return obj


def fixer(ident: Identity) -> Callable[[str], str]:
    """Hides the article's identity in a short string (a headline, an entity name, a note)."""
    names, people = _alternation(ident.names), _alternation(ident.people)
    sites = [re.sub(r"\W", "", x).lower() for x in ident.sites]

    def fix(s: str) -> str:
        s = _URL.sub(lambda m: LINK_REMOVED if any(x and x in re.sub(r"\W", "", m.group(0)).lower() for x in sites)
                     else m.group(0), s)
        if names:
            s = names.sub(ident.label, s)
        if people:
            s = people.sub(REPORTER, s)
        return s

    return fix


def names_identity(ident: Identity, s: str) -> bool:
    pattern = _alternation(ident.terms())
    return bool(pattern and pattern.search(s))


@dataclass(frozen=True)
class Reveal:
    """Who was who: for the window's reveal and the answer key, never for the student's sheet."""
    label: str
    outlet: str
    byline: str
    site: str


def who_was_who(analyses: Sequence[ArticleAnalysis], labels: Mapping[str, str] | None = None) -> list[Reveal]:
    out = []
    for i, a in enumerate(analyses):
        site = (urlsplit(a.url).hostname or a.url) if a.url else ""
        out.append(Reveal((labels or {}).get(a.id) or blind_label(i), a.outlet or a.file or a.title or a.id,
                          a.byline or "", site or ""))
    return out


def blind_article(a: ArticleAnalysis, label: str) -> tuple[ArticleAnalysis, Remap, Identity]:
    """One article blinded on its own (the window blinds each pane's article this way)."""
    ident = identity_of(a, label)
    edits = redactions(a, ident)
    remap = Remap(edits)
    new_text = apply(a.text, edits)
    b = _walk(a, fixer(ident), remap, new_text)
    b = dataclasses.replace(b, text=new_text, outlet=label, file=None, url=None, byline=None, fetched=None)
    return b, remap, ident


def blind(analyses: Sequence[ArticleAnalysis], comparison: Comparison, labels: Mapping[str, str] | None = None
          ) -> tuple[list[ArticleAnalysis], Comparison]:
    """Each article's identity hidden in its own text and labels ("Outlet A", "B", ... in input order, or
    ``labels[article id]`` as the window shows them); other outlets cited as sources kept as written.
    Every offset still points at the same words."""
    out: list[ArticleAnalysis] = []
    per: dict[str, tuple[Remap, str, Identity]] = {}
    for i, a in enumerate(analyses):
        b, remap, ident = blind_article(a, (labels or {}).get(a.id) or blind_label(i))
        out.append(b)
        per[a.id] = (remap, b.text, ident)

    def fix_for(aid: str) -> Callable[[str], str]:
        return fixer(per[aid][2]) if aid in per else (lambda s: s)

    only = []
    for o in comparison.only_here:
        if o.article not in per:
            continue
        remap, new_text, ident = per[o.article]
        if remap.cut(o.start, o.end):
            continue
        only.append(_walk(o, fixer(ident), remap, new_text))
    # an outlet's own name among its distinctive words would give it away; another outlet's name is a finding
    distinctive = {k: tuple(w for w in ws if k not in per or not names_identity(per[k][2], w.word))
                   for k, ws in comparison.distinctive.items()}
    naming = []
    for n in comparison.naming:
        by = {k: tuple(fix_for(k)(p) for p in v) for k, v in n.by_article.items()
              if not (k in per and names_identity(per[k][2], n.entity))}
        if by:
            naming.append(dataclasses.replace(n, by_article=by))

    def fix_all(s: str) -> str:
        for _remap, _text, ident in per.values():
            s = fixer(ident)(s)
        return s

    warnings = []
    for w in getattr(comparison, "warnings", ()):
        for a, b in zip(analyses, out):  # the warning names the article by its label: use the blind one
            w = w.replace(f"“{a.label}”", f"“{b.outlet}”")
        warnings.append(fix_all(w))
    comp = dataclasses.replace(comparison, warnings=tuple(warnings), metrics=_walk(comparison.metrics, fix_all, None, None),
                               distinctive=distinctive, naming=tuple(naming), only_here=tuple(only))
    return out, comp


def identity_lines(text: str, ident_terms: Sequence[str]) -> list[str]:
    """The lines of ``text`` that name one of ``ident_terms`` in any case (for tests and checks)."""
    pattern = _alternation(ident_terms, any_case=True)
    if pattern is None:
        return []
    return [line for line in text.splitlines() if pattern.search(line)]
