"""The tables behind the spreadsheet exports (XLSX sheets and CSV files are the same tables).

Values are plain Python: ``str`` for text, ``int``/``float`` for numbers (never numbers formatted as
text), ``bool`` for yes/no, ``None`` for empty. Formula neutralisation happens in the writers.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..compare import outliers
from ..compare.outliers import negative_count, unnamed_count
from ..results import ArticleAnalysis, Comparison, MetricRow

# Column kinds drive number formats in XLSX: "text", "int", "num" (1 decimal), "num3", "pct", "bool".


@dataclass(frozen=True)
class Table:
    name: str  # sheet name and CSV file stem
    title: str
    headers: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""
    row_kinds: tuple[str, ...] = ()  # Summary only: the number kind of each row's values


def metric_rows(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> tuple[MetricRow, ...]:
    """The comparison's metric rows; computed from the analyses by the same rule if it has none
    (a comparison read back without its metrics)."""
    if comparison.metrics or not analyses:
        return comparison.metrics
    return outliers.metric_rows(analyses)


def is_share(metric: str) -> bool:
    return metric.endswith("share") or metric.endswith("_shares")


def metric_kind(metric: str) -> str:
    if is_share(metric):
        return "pct"
    if metric in ("words", "sentences", "attributions", "loaded_terms", "hedges"):
        return "int"
    if "tone" in metric:
        return "num3"
    return "num"


def format_metric(metric: str, value: float | None) -> str:
    """How a metric value reads on a sheet (HTML/PDF)."""
    if value is None:
        return "–"
    kind = metric_kind(metric)
    if kind == "pct":
        return f"{value:.0%}"
    if kind == "int":
        return f"{value:,.0f}"
    if kind == "num3":
        return f"{value:+.2f}"
    return f"{value:.1f}"


def labels_of(analyses: Sequence[ArticleAnalysis]) -> dict[str, str]:
    return {a.id: a.label for a in analyses}


def summary_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    labels = labels_of(analyses)
    ids = [a.id for a in analyses]
    headers = ("Metric", "Key", *[labels[i] for i in ids], "Story median", "Outliers", "A high value means")
    rows, kinds_per_row = [], []
    for m in metric_rows(analyses, comparison):
        kind = metric_kind(m.metric)
        rows.append([m.label, m.metric, *[m.values.get(i) for i in ids], m.median,
                     ", ".join(labels.get(o, o) for o in m.outliers), m.higher_means])
        kinds_per_row.append(kind)
    kinds = ("text", "text", *["num"] * len(ids), "num", "text", "text")
    note = ("Outliers: outlets whose value stands apart from the others on this story, on at least 3 attributions "
            "or sentences; the counts behind every value are in the Evidence table.")
    if getattr(comparison, "warnings", ()):
        note += " " + " ".join(comparison.warnings)
    return Table("Summary", "Metrics per outlet, with the story median and the outliers", headers, kinds, rows,
                 note=note,
                 row_kinds=tuple(kinds_per_row))


def articles_table(analyses: Sequence[ArticleAnalysis]) -> Table:
    headers = ("Article", "Outlet", "Title", "Date", "Words", "Sentences", "Loaded terms", "Loaded per 1,000 words",
               "Hedges", "Hedges per 1,000 words", "Attributions", "Unnamed source share", "Tone (mean)",
               "Positive sentences", "Negative sentences", "Reading ease (Flesch)", "Grade level (Flesch-Kincaid)",
               "Gunning fog", "Words per sentence", "English", "Warnings", "Byline", "URL", "Fetched", "Encoding",
               "Unnamed sources", "Negative sentence count",
               "Reported speech (sentences)", "Opinion (sentences)", "Factual report (sentences)")
    kinds = ("text", "text", "text", "text", "int", "int", "int", "num", "int", "num", "int", "pct", "num3",
             "pct", "pct", "num", "num", "num", "num", "bool", "text", "text", "text", "text", "text", "int", "int",
             "int", "int", "int")
    rows = []
    for a in analyses:
        c, r, t = a.counts, a.readability, a.tone
        rows.append([a.id, a.label, a.title, a.date, c.words, c.sentences, len(a.loaded_terms),
                     c.loaded_per_1000_words, len(a.hedges), c.hedges_per_1000_words, len(a.attributions),
                     c.unnamed_source_share, t.mean, t.positive_share, t.negative_share, r.flesch_reading_ease,
                     r.flesch_kincaid_grade, r.gunning_fog, r.words_per_sentence, a.language.is_english,
                     "; ".join(a.warnings), a.byline, a.url, a.fetched, a.encoding, unnamed_count(a),
                     negative_count(a), c.speech_sentences, c.opinion_sentences, c.report_sentences])
    return Table("Articles", "One row per article", headers, kinds, rows,
                 note="Sentence kinds count out of the Sentences column (e.g. 12 of 40 sentences are opinion).")


KIND_LABELS = {"speech": "reported speech", "opinion": "opinion", "report": "factual report"}


def sentences_table(analyses: Sequence[ArticleAnalysis]) -> Table:
    """One row per body sentence: its kind (speech, opinion, report), the cue that decided it, its tone."""
    headers = ("Article", "Outlet", "Sentence", "Kind", "Why this kind", "Headline", "Tone", "Text", "Start", "End")
    kinds = ("text", "text", "int", "text", "text", "bool", "num3", "text", "int", "int")
    rows = [[a.id, a.label, i, KIND_LABELS.get(s.kind, s.kind or None), s.kind_reason or None, s.is_headline, s.tone,
             " ".join(a.text[s.start : s.end].split()), s.start, s.end]
            for a in analyses for i, s in enumerate(a.sentences)]
    return Table("Sentences", "Each sentence: reported speech, the writer's opinion, or a factual report",
                 headers, kinds, rows)


def loaded_terms_table(analyses: Sequence[ArticleAnalysis]) -> Table:
    headers = ("Article", "Outlet", "Term", "Category", "Weight", "Why it matters", "Neutral alternatives",
               "Rule", "Start", "End")
    kinds = ("text", "text", "text", "text", "num", "text", "text", "text", "int", "int")
    rows = [[a.id, a.label, t.text, t.category, t.weight, t.why, "; ".join(t.alternatives), t.rule, t.start, t.end]
            for a in analyses for t in a.loaded_terms]
    return Table("Loaded terms", "Loaded terms: charged words and labels", headers, kinds, rows)


def attributions_table(analyses: Sequence[ArticleAnalysis]) -> Table:
    headers = ("Article", "Outlet", "Cue", "Cue class", "Source", "Source type", "Resolved source",
               "Direct quote", "Quote", "Why", "Rule", "Cue start", "Cue end")
    kinds = ("text", "text", "text", "text", "text", "text", "text", "bool", "text", "text", "text", "int", "int")
    rows = [[a.id, a.label, at.cue.text, at.cue_class, at.source.text if at.source else None, at.source_type,
             at.resolved_source, at.direct_quote, at.quote.text if at.quote else None, at.why, at.rule,
             at.cue.start, at.cue.end]
            for a in analyses for at in a.attributions]
    return Table("Attributions", "Who says so: reporting verbs and their sources", headers, kinds, rows)


def hedges_table(analyses: Sequence[ArticleAnalysis]) -> Table:
    headers = ("Article", "Outlet", "Hedge", "Kind", "Why", "Rule", "Start", "End")
    kinds = ("text", "text", "text", "text", "text", "text", "int", "int")
    rows = [[a.id, a.label, h.text, h.kind, h.why, h.rule, h.start, h.end] for a in analyses for h in a.hedges]
    return Table("Hedges", "Hedging and speculation", headers, kinds, rows)


def distinctive_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    labels = labels_of(analyses)
    headers = ("Article", "Outlet", "Rank", "Word", "z-score", "Count")
    kinds = ("text", "text", "int", "text", "num", "int")
    rows = []
    for a in analyses:
        for rank, w in enumerate(comparison.distinctive.get(a.id, ()), 1):
            rows.append([a.id, labels[a.id], rank, w.word, w.z, w.count])
    return Table("Distinctive words", "Words each outlet uses more than the others (weighted log-odds, z-score)",
                 headers, kinds, rows)


def naming_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    labels = labels_of(analyses)
    headers = ("Entity", "Type", "Outlets differ", "Article", "Outlet", "How it is named")
    kinds = ("text", "text", "bool", "text", "text", "text")
    rows = []
    for n in comparison.naming:
        for a in analyses:
            phrases = n.by_article.get(a.id)
            if phrases:
                rows.append([n.entity, n.label, n.differs, a.id, labels[a.id], " | ".join(phrases)])
    return Table("Entity naming", "How each outlet names the same people, countries and events", headers, kinds, rows)


def only_here_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    labels = labels_of(analyses)
    headers = ("Article", "Outlet", "Sentence", "What only this outlet reports", "Start", "End", "Rank",
               "Why it is listed", "Score")
    kinds = ("text", "text", "int", "text", "int", "int", "int", "text", "num")
    rows = [[o.article, labels.get(o.article, o.article), o.sentence, " ".join(o.text.split()), o.start, o.end, rank,
             "; ".join(o.reasons), o.score]
            for rank, o in enumerate(comparison.only_here, 1)]
    shared = "; ".join(f"{labels.get(c.article, c.article)}: {c.shared} of {c.sentences} sentences shared"
                       for c in getattr(comparison, "coverage", ()) if c.sentences)
    note = ("Claims only one outlet makes, most distinct first (people, numbers, places or sources no other outlet "
            "has; allegations from unnamed sources). " + (f"Sentences each outlet shares with the others: {shared}."
                                                            if shared else ""))
    return Table("Only here", "What only one outlet reports", headers, kinds, rows, note=note.strip())


def coverage_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    """How many body sentences each outlet shares with the others (a counterpart in at least one)."""
    labels = labels_of(analyses)
    ids = [a.id for a in analyses]
    headers = ("Article", "Outlet", "Body sentences", "Shared with another outlet", "Claims only it makes",
               *[f"Shared with {labels[i]}" for i in ids])
    kinds = ("text", "text", "int", "int", "int", *["int"] * len(ids))
    rows = [[c.article, labels.get(c.article, c.article), c.sentences, c.shared, c.claims_only_here,
             *[c.shared_with.get(i) for i in ids]]
            for c in getattr(comparison, "coverage", ())]
    return Table("Shared sentences", "How much of each article the other outlets also report", headers, kinds, rows)


def evidence_table(analyses: Sequence[ArticleAnalysis], comparison: Comparison) -> Table:
    """What each metric value rests on: one row per metric and article, with the count, the share's
    95% range, and whether it is too few to compare or left out of the median (analysis/compare/outliers.py)."""
    from ..compare.outliers import evidence_text

    labels = labels_of(analyses)
    headers = ("Metric", "Key", "Article", "Outlet", "Value", "Counted", "Out of", "Unit", "95% range low",
               "95% range high", "Too few to compare", "Left out of the median", "In words")
    kinds = ("text", "text", "text", "text", "num", "int", "int", "text", "pct", "pct", "bool", "bool", "text")
    rows = []
    for m in metric_rows(analyses, comparison):
        for a in analyses:
            if a.id not in m.values:
                continue
            iv = m.intervals.get(a.id)
            rows.append([m.label, m.metric, a.id, labels[a.id], m.values[a.id], m.hits.get(a.id), m.counts.get(a.id),
                         m.count_unit, iv[0] if iv else None, iv[1] if iv else None, a.id in m.too_few,
                         a.id in m.excluded, evidence_text(m, a.id)])
    note = ("A value resting on fewer than 3 attributions or sentences (or 100 words for a rate) is too few to "
            "compare: it is shown, but never called an outlier or ranked first.")
    warnings = getattr(comparison, "warnings", ())
    if warnings:
        note += " " + " ".join(warnings)
    return Table("Evidence", "What each figure rests on: counts, ranges, too few to compare", headers, kinds, rows,
                 note=note)


def all_tables(analyses: Sequence[ArticleAnalysis], comparison: Comparison,
               categories: frozenset[str] | None = None) -> list[Table]:
    """Every table, in sheet order. ``categories`` (highlight category keys, None = all) leaves out the
    tables of finding types none of whose categories was chosen (keys as in highlights.toml)."""
    def want(*keys: str) -> bool:
        return categories is None or any(k in categories for k in keys)

    tables = [summary_table(analyses, comparison), articles_table(analyses)]
    if want("loaded_term", "scare_quote", "opinion"):
        tables.append(loaded_terms_table(analyses))
    if want("cue_neutral", "cue_charged", "source_named", "source_anonymous", "source_vague"):
        tables.append(attributions_table(analyses))
    if want("hedge"):
        tables.append(hedges_table(analyses))
    tables += [distinctive_table(analyses, comparison), naming_table(analyses, comparison),
               only_here_table(analyses, comparison), coverage_table(analyses, comparison),
               evidence_table(analyses, comparison), sentences_table(analyses)]
    return tables
