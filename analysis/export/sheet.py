"""The comparison sheet as plain data: what the HTML and the PDF both show, in the same order.

``build_sheet`` gathers the overview (story, outlets, metrics with medians and outliers, chart data,
"only this outlet reports", naming, distinctive words), one section per article with its text as a tree
of highlight spans, the legend and a short glossary. The HTML writer (``html.py``) and the PDF painter
(``desktop/export_pdf.py``) render this same object, so the two never disagree on content.

Highlight spans and styles come from outside (the caller passes ``desktop.highlight``'s ``spans`` and
styles), so the category of each finding is decided in one place for the window and every export.
"""
from __future__ import annotations

import datetime as _dt
import heapq
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..glossary import entry as glossary_entry
from ..results import ArticleAnalysis, Comparison
from ..measures.tone import TONE_WORDS
from ..compare.outliers import evidence_text, short_count
from .tables import format_metric, is_share, metric_rows

# Metrics drawn as per-outlet bar charts (key, chart title, value format for the chart).
CHART_METRICS = (
    ("loaded_per_1000_words", "Loaded terms per 1,000 words", "{:.1f}"),
    ("unnamed_source_share", "Unnamed or vague sources (share of statements)", "{:.0%}"),
    ("hedges_per_1000_words", "Hedges per 1,000 words", "{:.1f}"),
    ("tone_mean", f"Average tone (-1 {TONE_WORDS['down']} … +1 {TONE_WORDS['up']})", "{:+.2f}"),
)

# The sheet's short glossary: the entries of the students' glossary (``resources/glossary.toml``, read
# through ``analysis.glossary``) that explain what the sheet shows, each as its title and one-line ``short``.
# The explanations are written there once; the window's Glossary and ``slant glossary`` print them in full.
GLOSSARY_ENTRIES = ("loaded_word", "scare_quotes", "reporting_verb", "claimed_vs_said", "named_source",
                    "unnamed_source", "vague_source", "state_of_mind", "hedge", "tone", "reading_ease",
                    "median_outlier", "distinctive_words", "page_furniture")


def sheet_glossary() -> tuple[tuple[str, str], ...]:
    """(term, meaning) for each of ``GLOSSARY_ENTRIES``, in that order."""
    return tuple((e.title, e.short) for e in map(glossary_entry, GLOSSARY_ENTRIES))


@dataclass
class Node:
    """A highlighted stretch of an article's text; ``children`` lie inside it (a tree, no crossings)."""

    start: int
    end: int
    category: str | None  # None for the root
    hid: int = -1  # the highlight's number within its article; pieces of a split highlight share it
    tone: float | None = None
    children: list[Node] = field(default_factory=list)


@dataclass(frozen=True)
class LegendEntry:
    key: str
    label: str
    description: str
    cue: str
    sample: str


@dataclass(frozen=True)
class Chart:
    metric: str
    title: str
    bars: tuple[tuple[str, float], ...]
    median: float | None
    outliers: frozenset[str]
    value_format: str
    intervals: tuple[tuple[str, float, float], ...] = ()  # (outlet label, low, high): a share's 95% range
    too_few: frozenset[str] = frozenset()  # outlet labels whose value rests on too few items
    notes: tuple[tuple[str, str], ...] = ()  # (outlet label, "1 of 1")


@dataclass(frozen=True)
class MetricLine:
    metric: str
    label: str
    cells: tuple[str, ...]  # formatted, one per outlet ("–" when the metric does not apply)
    outlier_flags: tuple[str, ...]  # "", "high" or "low" per outlet
    median: str
    higher_means: str
    evidence: tuple[str, ...] = ()  # per outlet: "1 of 1 attribution; 95% range 21%–100%; too few to compare"


@dataclass(frozen=True)
class Highlight:
    """One highlight of an article (for tooltips, the findings list and tests)."""

    hid: int
    category: str
    text: str
    note: str


@dataclass(frozen=True)
class Finding:
    """A line of the findings list: identical highlights (same kind, words, reason) counted once."""

    category: str
    text: str
    note: str
    count: int


@dataclass
class ArticleSection:
    id: str
    label: str
    title: str | None
    date: str | None
    text: str
    tree: Node
    highlights: list[Highlight]
    findings: list[Finding]
    tones: tuple[float, ...]
    warnings: tuple[str, ...]
    summary: str
    source: str = ""  # byline, web address and when it was fetched, in words ("" when none is known)


def source_line(a: ArticleAnalysis) -> str:
    """"By Jane Doe · https://… · fetched 2024-07-10 09:30 +00:00": who wrote it and where it came from."""
    parts = []
    if a.byline:
        parts.append(f"By {a.byline}")
    if a.url:
        parts.append(a.url)
    if a.fetched:
        parts.append(f"fetched {a.fetched.replace('T', ' ')}")
    return " · ".join(parts)


@dataclass
class Sheet:
    title: str
    story: str
    subjects: tuple[str, ...]
    generated: str
    version: str
    blind: bool
    outlets: list[tuple[str, str, str, str]]  # label, headline, date, words
    metrics: list[MetricLine]
    charts: list[Chart]
    only_here: list[tuple[str, list[str]]]  # outlet label, sentences
    naming: list[tuple[str, list[tuple[str, str]]]]  # entity, [(outlet label, phrases)]
    distinctive: list[tuple[str, list[str]]]  # outlet label, words
    articles: list[ArticleSection]
    legend: list[LegendEntry]
    glossary: tuple[tuple[str, str], ...] = field(default_factory=sheet_glossary)
    include_texts: bool = True
    warnings: tuple[str, ...] = ()  # comparison-level: "“X” is probably a different story ..."
    claims: list[tuple[str, str, str]] = field(default_factory=list)  # ranked: outlet label, sentence, why listed
    coverage: list[tuple[str, int, int]] = field(default_factory=list)  # outlet label, sentences shared, body sentences
    # answer key only (never on the student's sheet): (letter, outlet, byline, site) per article
    reveal: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def labels(self) -> list[str]:
        return [o[0] for o in self.outlets]

    def claims_shown(self, limit: int = 12) -> tuple[list[tuple[str, str, str]], int]:
        """The ``limit`` most distinct claims (ranked) and how many more there are."""
        return self.claims[:limit], max(0, len(self.claims) - limit)

    def coverage_line(self) -> str:
        """"Kyodo News 7 of 17 · Breitbart News 18 of 34": sentences each outlet shares with another."""
        return " · ".join(f"{label} {shared} of {n}" for label, shared, n in self.coverage)

    def only_here_shown(self, limit: int = 5) -> list[tuple[str, list[str], list[str]]]:
        """(outlet, the first ``limit`` sentences only it reports, the rest) - a handout shows the first few."""
        return [(label, sents[:limit], sents[limit:]) for label, sents in self.only_here]


# ------------------------------------------------------------------------------------------ the tree


def build_tree(n: int, spans: Iterable[tuple[int, int, str, int, float | None]], rank: dict[str, int]) -> Node:
    """Nest highlight spans ``(start, end, category, hid, tone)`` into a tree over ``[0, n)``.

    Spans sort by start, then longer first, then paint order (lower layers outside). A span that crosses
    the end of the one it starts in is split there; both pieces keep its ``hid``.
    """
    heap = [(s, -e, rank.get(c, 0), i, (s, e, c, h, t)) for i, (s, e, c, h, t) in enumerate(spans)
            if 0 <= s < e <= n]
    heapq.heapify(heap)
    root = Node(0, n, None)
    stack = [root]
    counter = len(heap)
    while heap:
        _, _, _, _, (s, e, c, h, t) = heapq.heappop(heap)
        while len(stack) > 1 and stack[-1].end <= s:
            stack.pop()
        top = stack[-1]
        if e > top.end:  # crosses its container: keep the part inside, queue the rest
            counter += 1
            heapq.heappush(heap, (top.end, -e, rank.get(c, 0), counter, (top.end, e, c, h, t)))
            e = top.end
            if e <= s:
                continue
        node = Node(s, e, c, h, t)
        top.children.append(node)
        stack.append(node)
    return root


# ------------------------------------------------------------------------------------------ building


def _describe(category: str, payload: Any, role: str) -> str:
    """One plain-words line for the findings list."""
    if role in ("cue", "source") and payload is not None:
        src = payload.source.text if payload.source is not None else None
        if role == "source":
            note = {"named": "Named source", "anonymous": "Not named", "vague": "Nobody in particular"}.get(
                payload.source_type, "No source")
            # a headline credit's cue is the dash itself ("... Summit -Sources"): say so instead of quoting "-"
            note += (", credited at the end of the headline" if payload.headline_credit
                     else f" for \u201c{payload.cue.text}\u201d")
        else:
            note = payload.why or (f"{payload.cue_class.capitalize()} reporting verb; "
                                   + (f"source: {src} ({payload.source_type})" if src else "no source given"))
        if payload.direct_quote and role == "cue" and not payload.why:
            note += "; introduces a direct quote"
        return note
    why = getattr(payload, "why", "") or getattr(payload, "kind", "") or ""
    alts = getattr(payload, "alternatives", ()) or ()
    if alts:
        why += f" Instead: {', '.join(alts)}."
    return why


# Findings worth listing under an article (plain verbs and named sources are marked in the text only).
LISTED = ("loaded_term", "opinion", "scare_quote", "cue_charged", "source_anonymous", "source_vague", "hedge")


def _kinds_line(c: Any) -> str:
    """" · sentences: 3 of 20 opinion, 5 of 20 reported speech, 12 of 20 factual report" (empty for
    results made before sentence kinds)."""
    n = c.speech_sentences + c.opinion_sentences + c.report_sentences
    if not n:
        return ""
    return (f" · sentences: {c.opinion_sentences} of {c.sentences} opinion, {c.speech_sentences} of {c.sentences}"
            f" reported speech, {c.report_sentences} of {c.sentences} factual report")


def _story(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> tuple[str, ...]:
    """Entities that every article names (the story's common subjects), at most six."""
    ids = {a.id for a in analyses}
    common = [n.entity for n in comparison.naming if ids <= {k for k, v in n.by_article.items() if v}]
    return tuple(common[:6])


def build_sheet(
    analyses: Sequence[ArticleAnalysis],
    comparison: Comparison,
    *,
    spans_of: Callable[[ArticleAnalysis], Iterable[Any]],
    styles: dict[str, Any],
    paint_order: Sequence[str],
    version: str,
    categories: frozenset[str] | None = None,
    include_texts: bool = True,
    blind: bool = False,
    story: str | None = None,
    now: _dt.datetime | None = None,
    reveal: Sequence[tuple[str, str, str, str]] = (),
) -> Sheet:
    """``spans_of(a)`` yields objects with start, end, category, payload, role (``desktop.highlight.spans``);
    ``styles`` maps category key -> object with label, description, cue (``highlight.load_styles()``)."""
    labels = {a.id: a.label for a in analyses}
    ids = [a.id for a in analyses]
    rows = metric_rows(analyses, comparison)

    metrics: list[MetricLine] = []
    for m in rows:
        flags = []
        for i in ids:
            v = m.values.get(i)
            flags.append("" if i not in m.outliers or v is None else ("high" if v >= m.median else "low"))
        metrics.append(MetricLine(m.metric, m.label, tuple(format_metric(m.metric, m.values.get(i)) for i in ids),
                                  tuple(flags), format_metric(m.metric, m.median), m.higher_means,
                                  tuple(evidence_text(m, i) if i in m.values else "" for i in ids)))
    by_key = {m.metric: m for m in rows}
    charts = []
    for key, title, fmt in CHART_METRICS:
        m = by_key.get(key)
        if m is None:
            continue
        bars = tuple((labels[i], float(m.values[i])) for i in ids if m.values.get(i) is not None)
        charts.append(Chart(key, title, bars, m.median, frozenset(labels[o] for o in m.outliers if o in labels),
                            "{:.0%}" if is_share(key) else fmt,
                            tuple((labels[i], lo, hi) for i, (lo, hi) in m.intervals.items() if i in labels),
                            frozenset(labels[i] for i in m.too_few if i in labels),
                            tuple((labels[i], short_count(m, i)) for i in ids if short_count(m, i))))

    only: dict[str, list[str]] = {}
    for o in comparison.only_here:
        only.setdefault(o.article, []).append(" ".join(o.text.split()))
    only_here = [(labels[i], only[i]) for i in ids if i in only]

    naming = []
    for n in comparison.naming:
        if not n.differs:
            continue
        naming.append((n.entity, [(labels[i], " | ".join(n.by_article[i])) for i in ids if n.by_article.get(i)]))
    distinctive = [(labels[i], [w.word for w in comparison.distinctive.get(i, ())[:10]]) for i in ids
                   if comparison.distinctive.get(i)]

    rank = {c: k for k, c in enumerate(paint_order)}
    wanted = (lambda c: True) if categories is None else (lambda c: c in categories)
    sections = []
    for a in analyses:
        items, highlights = [], []
        for hid, sp in enumerate(spans_of(a)):
            if not wanted(sp.category):
                continue
            tone = getattr(sp.payload, "tone", None) if sp.category == "tone" else None
            items.append((sp.start, sp.end, sp.category, hid, tone))
            if sp.category not in ("tone", "boilerplate"):
                highlights.append(Highlight(hid, sp.category, a.text[sp.start:sp.end],
                                            _describe(sp.category, sp.payload, getattr(sp, "role", ""))))
        findings: dict[tuple[str, str, str], int] = {}
        order = {k: i for i, k in enumerate(LISTED)}
        for h in highlights:
            if h.category in order:
                key = (h.category, " ".join(h.text.split()), h.note)
                findings[key] = findings.get(key, 0) + 1
        listed = [Finding(cat, text, note, n) for (cat, text, note), n in
                  sorted(findings.items(), key=lambda kv: order[kv[0][0]])]
        c = a.counts
        summary = (f"{c.words:,} words · {len(a.loaded_terms)} loaded terms · {len(a.attributions)} attributions "
                   f"({c.unnamed_source_share:.0%} unnamed or vague) · {len(a.hedges)} hedges · tone {a.tone.mean:+.2f}"
                   f" · reading ease {a.readability.flesch_reading_ease:.0f}" + _kinds_line(c))
        sections.append(ArticleSection(a.id, a.label, a.title, a.date, a.text, build_tree(len(a.text), items, rank),
                                       highlights, listed, tuple(s.tone for s in a.sentences), a.warnings, summary,
                                       source_line(a)))

    legend = []
    for key, st in styles.items():
        if key == "tone" or not wanted(key):
            continue
        legend.append(LegendEntry(key, st.label, st.description, st.cue, _SAMPLES.get(key, st.label.lower())))

    subjects = _story(analyses, comparison)
    if story is None:
        story = f"{len(analyses)} versions of one story" if len(analyses) != 1 else "One article"
        if subjects:
            story += ": " + ", ".join(subjects)
    now = now or _dt.datetime.now().astimezone()
    return Sheet(
        title="Slant comparison sheet",
        story=story,
        subjects=subjects,
        generated=now.strftime("%Y-%m-%d %H:%M %Z").strip(),
        version=version,
        blind=blind,
        outlets=[(a.label, " ".join((a.title or "").split()) or "–", a.date or "–", f"{a.counts.words:,}")
                 for a in analyses],
        metrics=metrics,
        charts=charts,
        only_here=only_here,
        naming=naming,
        distinctive=distinctive,
        articles=sections,
        legend=legend,
        include_texts=include_texts,
        warnings=tuple(getattr(comparison, "warnings", ())),
        claims=[(labels[o.article], " ".join(o.text.split()), "; ".join(o.reasons)) for o in comparison.only_here
                if o.article in labels],
        coverage=[(labels[c.article], c.shared, c.sentences) for c in getattr(comparison, "coverage", ())
                  if c.article in labels and c.sentences],
        reveal=list(reveal),
    )


_SAMPLES = {
    "loaded_term": "dictator",
    "opinion": "long overdue",
    "scare_quote": "“special operation”",
    "cue_neutral": "said",
    "cue_charged": "claimed",
    "source_named": "Prime Minister Kishida",
    "source_anonymous": "sources familiar with the matter",
    "source_vague": "observers",
    "hedge": "could",
    "boilerplate": "Connect with us",
}
