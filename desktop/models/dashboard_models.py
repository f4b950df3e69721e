"""Qt item models behind the comparison dashboard (no widgets here).

Every model is built from the article analyses and the story's :class:`~analysis.results.Comparison`.
A cell that refers to a place in a text answers :data:`JUMP_ROLE` with ``(article_id, start, end)``
(character offsets into that ``ArticleAnalysis.text``), so a view can send the reader there.

Outliers are marked twice: a tinted background (colour) and a "▲"/"▼" after the number (no colour
needed), plus a tooltip in plain words.
"""
from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from analysis.compare.outliers import evidence_text, short_count
from analysis.results import ArticleAnalysis, Comparison, DistinctiveWord, MetricRow, NamingRow, OnlyHere

from ..charts import ChartPalette

JUMP_ROLE = Qt.ItemDataRole.UserRole + 1  # (article_id, start, end) | None
OUTLIER_ROLE = Qt.ItemDataRole.UserRole + 2  # "high" | "low" | None
ARTICLE_ROLE = Qt.ItemDataRole.UserRole + 3  # article id the cell belongs to | None
VALUE_ROLE = Qt.ItemDataRole.UserRole + 4  # the raw number (for sorting and tests) | None

HIGH, LOW = "▲", "▼"
UNNAMED = ("anonymous", "vague", "none")
MISSING = "–"
HEADER_WRAP = 24  # characters per header line

Index = QModelIndex | QPersistentModelIndex
Jump = tuple[str, int, int]


# --------------------------------------------------------------------------------------------- helpers


def article_labels(analyses: Sequence[ArticleAnalysis], order: Sequence[str] = ()) -> dict[str, str]:
    """Article id -> the name shown on screen; two articles from one outlet become "X" and "X (2)"."""
    by_id = {a.id: a for a in analyses}
    ids = [i for i in order if i in by_id] or [a.id for a in analyses]
    seen: dict[str, int] = {}
    out = {}
    for i in ids:
        base = by_id[i].label
        seen[base] = seen.get(base, 0) + 1
        out[i] = base if seen[base] == 1 else f"{base} ({seen[base]})"
    return out


def format_metric(metric: str, value: float | None) -> str:
    """A metric value as a reader wants to see it: shares as percentages, tone signed, counts whole."""
    return MISSING if value is None else metric_value_format(metric).format(value)


def metric_value_format(metric: str) -> str:
    """The ``str.format`` pattern matching :func:`format_metric` (for chart labels)."""
    if metric.endswith("_share"):
        return "{:.0%}"
    if metric.startswith("tone"):
        return "{:+.2f}"
    if metric in ("words", "sentences"):
        return "{:,.0f}"
    return "{:.1f}"


def _in_boilerplate(a: ArticleAnalysis, start: int, end: int) -> bool:
    return any(b.start < end and start < b.end for b in a.boilerplate)


def first_finding(a: ArticleAnalysis, metric: str) -> Jump | None:
    """Where in the article a reader sees what ``metric`` measures (its first example), if anywhere.

    Loaded terms, hedges and unnamed sources: the first one in the text. Tone: the sentence with the
    strongest tone in the metric's direction. Reading difficulty: the longest sentence.
    """
    if "loaded" in metric and a.loaded_terms:
        t = min(a.loaded_terms, key=lambda t: t.start)
        return (a.id, t.start, t.end)
    if "hedge" in metric and a.hedges:
        h = min(a.hedges, key=lambda h: h.start)
        return (a.id, h.start, h.end)
    if ("unnamed" in metric or "anonymous" in metric) and a.attributions:
        unnamed = [x for x in a.attributions if x.source_type in UNNAMED]
        if unnamed:
            x = min(unnamed, key=lambda x: (x.source or x.cue).start)
            span = x.source or x.cue
            return (a.id, span.start, span.end)
        return None
    body = [s for s in a.sentences if not s.is_headline] or list(a.sentences)
    if not body:
        return None
    if metric == "negative_share" or (metric.startswith("tone") and a.tone.mean < 0):
        s = min(body, key=lambda s: s.tone)
        return (a.id, s.start, s.end) if s.tone < 0 else None
    if metric.startswith("tone"):
        s = max(body, key=lambda s: s.tone)
        return (a.id, s.start, s.end) if s.tone > 0 else None
    if metric in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "words_per_sentence"):
        s = max(body, key=lambda s: s.end - s.start)
        return (a.id, s.start, s.end)
    return None


@lru_cache(maxsize=256)
def _word_pattern(word: str, prefix: bool) -> re.Pattern[str]:
    parts = [re.escape(p).replace("'", "['’]") for p in word.split()]
    body = r"\s+".join(parts)
    return re.compile(r"(?<!\w)" + body + (r"\w*" if prefix else r"(?!\w)"), re.IGNORECASE)


def first_occurrence(a: ArticleAnalysis, word: str) -> Jump | None:
    """The first place ``word`` (as the distinctive-words list spells it: lower case) is used in the body.

    Searches the body sentences (never the boilerplate) for the whole word, then for a word starting
    with it (a lemma such as "claim" finds "claimed")."""
    word = word.strip()
    if not word:
        return None
    spans = [(s.start, s.end) for s in a.sentences] or [(0, len(a.text))]
    for prefix in (False, True):
        pat = _word_pattern(word, prefix)
        for start, end in spans:
            for m in pat.finditer(a.text, start, end):
                if not _in_boilerplate(a, m.start(), m.end()):
                    return (a.id, m.start(), m.end())
    return None


def first_mention(a: ArticleAnalysis, entity: str, phrases: Sequence[str] = ()) -> Jump | None:
    """The first naming of ``entity`` in the article: the whole phrase ("Chinese dictator Xi Jinping").

    ``phrases`` are the namings the comparison lists for this article (``NamingRow.by_article``); they
    also find mentions filed under another key that the comparison merged into ``entity`` ("Zelensky"
    into "Volodymyr Zelensky")."""
    wanted = set(phrases)
    ms = [m for m in a.mentions if m.entity == entity or _one_line(m.phrase.text) in wanted]
    if not ms:
        return None
    m = min(ms, key=lambda m: m.phrase.start)
    return (a.id, m.phrase.start, m.phrase.end)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Base(QAbstractTableModel):
    """Shared plumbing: fixed column titles, a chart palette for tints, alignment for numbers."""

    headers: tuple[str, ...] = ()
    header_tips: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._palette = ChartPalette.light()

    def set_chart_palette(self, palette: ChartPalette) -> None:
        self._palette = palette
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers())

    def _rows(self) -> Sequence:
        raise NotImplementedError

    def _headers(self) -> Sequence[str]:
        return self.headers

    def _header_tip(self, section: int) -> str:
        return self.header_tips[section] if section < len(self.header_tips) else ""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        heads = self._headers()
        if not 0 <= section < len(heads):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # long outlet names break onto two lines instead of being cut off
            return textwrap.fill(heads[section], HEADER_WRAP) if len(heads[section]) > HEADER_WRAP else heads[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section) or None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def jump(self, row: int, column: int = 0) -> Jump | None:
        """The place in a text that cell (row, column) refers to, if any."""
        return self.index(row, column).data(JUMP_ROLE)

    def set_results(self, analyses: Sequence[ArticleAnalysis], comparison: Comparison | None) -> None:
        """Show these analyses (in the comparison's article order) and this comparison."""
        self.beginResetModel()
        self._by_id = {a.id: a for a in analyses}
        order = comparison.articles if comparison else [a.id for a in analyses]
        self._labels = article_labels(analyses, order)
        self._load(comparison)
        self.endResetModel()

    def _load(self, comparison: Comparison | None) -> None:
        """Build the rows from ``comparison`` (``self._by_id`` and ``self._labels`` are already set)."""
        raise NotImplementedError


# ------------------------------------------------------------------------------------------- metrics


class MetricsTableModel(_Base):
    """Rows: the metrics. Columns: "What is measured", one per outlet (``outlet_column(id)``), then
    "Story median" (``median_column``) and "A higher number means" (plain words)."""

    def __init__(self, analyses: Sequence[ArticleAnalysis] = (), comparison: Comparison | None = None, parent=None):
        super().__init__(parent)
        self.set_results(analyses, comparison)

    def _load(self, comparison: Comparison | None) -> None:
        self._ids = list(self._labels)
        self._metrics: tuple[MetricRow, ...] = comparison.metrics if comparison else ()
        self._jumps: dict[tuple[int, int], Jump | None] = {}

    @property
    def article_ids(self) -> list[str]:
        return list(self._ids)

    def _rows(self) -> Sequence[MetricRow]:
        return self._metrics

    def _headers(self) -> list[str]:
        return ["What is measured", *(self._labels[i] for i in self._ids), "Story median", "A higher number means"]

    def _header_tip(self, section: int) -> str:
        if section == 0:
            return "Hover over a measure to see what a high value means."
        if section == len(self._ids) + 1:
            return "The middle value of all the outlets: half are above it, half below."
        if section == len(self._ids) + 2:
            return "What it says about an article when this number is high."
        return "Click a number to see an example in this outlet's text."

    def outlet_column(self, article_id: str) -> int:
        return self._ids.index(article_id) + 1

    @property
    def median_column(self) -> int:
        return len(self._ids) + 1

    def metric_row(self, metric: str) -> int:
        return [m.metric for m in self._metrics].index(metric)

    def metric_at(self, row: int) -> str:
        """The metric key of a row ("" outside the table)."""
        return self._metrics[row].metric if 0 <= row < len(self._metrics) else ""

    def direction(self, row: MetricRow, article_id: str) -> str | None:
        if article_id not in row.outliers or article_id not in row.values:
            return None
        return "high" if row.values[article_id] > row.median else "low"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._metrics[index.row()]
        col = index.column()
        n = len(self._ids)
        aid = self._ids[col - 1] if 1 <= col <= n else None
        value = row.values.get(aid) if aid else (row.median if col == n + 1 else None)
        direction = self.direction(row, aid) if aid else None

        if col == n + 2:  # "A higher number means"
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return row.higher_means or MISSING
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._palette.muted
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return row.label
            text = format_metric(row.metric, value)
            if aid and value is not None:  # the count behind the value: "100% (1 of 1, too few)"
                extra = [x for x in (short_count(row, aid), "too few" if aid in row.too_few else "") if x]
                if extra:
                    text += f" ({', '.join(extra)})"
            if direction:
                text += f" {HIGH if direction == 'high' else LOW}"
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._tooltip(row, aid, value, direction, col)
            evidence = evidence_text(row, aid) if aid and value is not None else ""
            return f"{tip} Based on {evidence}." if evidence and tip else tip
        if role == Qt.ItemDataRole.ForegroundRole and aid and (aid in row.too_few or aid in row.excluded):
            return self._palette.muted
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == 0:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and direction:
            return self._palette.outlier_tint
        if role == Qt.ItemDataRole.FontRole and (direction or col == n + 1):
            f = QFont()
            f.setBold(bool(direction))
            f.setItalic(col == n + 1)
            return f
        if role == OUTLIER_ROLE:
            return direction
        if role == ARTICLE_ROLE:
            return aid
        if role == VALUE_ROLE:
            return value
        if role == JUMP_ROLE and aid and aid in self._by_id:
            key = (index.row(), col)
            if key not in self._jumps:
                self._jumps[key] = first_finding(self._by_id[aid], row.metric)
            return self._jumps[key]
        return None

    def _tooltip(self, row: MetricRow, aid: str | None, value, direction, col: int) -> str:
        means = f"Higher means {row.higher_means}." if row.higher_means else ""
        if col == 0:
            return f"{row.label}. {means}".strip()
        median = format_metric(row.metric, row.median)
        if aid is None:
            return f"Story median: {median}. Half of the outlets are above it, half below."
        name = self._labels[aid]
        if value is None:
            return f"{name}: not measured here (for example: no quotes or claims to count)."
        parts = [f"{name}: {format_metric(row.metric, value)} (story median {median})."]
        if direction == "high":
            parts.append(f"{HIGH} Much higher than the other outlets.")
        elif direction == "low":
            parts.append(f"{LOW} Much lower than the other outlets.")
        if means:
            parts.append(means)
        return " ".join(parts)


# ---------------------------------------------------------------------------------- distinctive words


class DistinctiveWordsModel(_Base):
    """Words an outlet uses much more than the others. With ``article_id``: only that outlet's words
    (columns Word, Times used, How unusual); without: every outlet's (an "Outlet" column first)."""

    def __init__(
        self,
        analyses: Sequence[ArticleAnalysis] = (),
        comparison: Comparison | None = None,
        article_id: str | None = None,
        parent=None,
    ):
        super().__init__(parent)
        self._article_id = article_id
        self.set_results(analyses, comparison)

    def _load(self, comparison: Comparison | None) -> None:
        distinct = comparison.distinctive if comparison else {}
        ids = [self._article_id] if self._article_id else list(self._labels)
        self._items: list[tuple[str, DistinctiveWord]] = [
            (aid, w) for aid in ids if aid in self._labels for w in distinct.get(aid, ())
        ]
        self._jumps: dict[int, Jump | None] = {}

    def _rows(self):
        return self._items

    def _headers(self) -> list[str]:
        cols = ["Word", "Times used", "How unusual"]
        return cols if self._article_id else ["Outlet", *cols]

    def _header_tip(self, section: int) -> str:
        name = self._headers()[section]
        if name == "How unusual":
            return "How much more this outlet uses the word than the others (a z-score: above 2 is unusual)."
        if name == "Times used":
            return "How often the word appears in this outlet's article."
        return ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        aid, w = self._items[index.row()]
        col = self._headers()[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"Outlet": self._labels.get(aid, aid), "Word": w.word, "Times used": str(w.count),
                    "How unusual": f"{w.z:.1f}"}[col]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                f"{self._labels.get(aid, aid)} uses “{w.word}” {w.count} time{'s' if w.count != 1 else ''}, "
                f"much more than the other outlets (z = {w.z:.1f}; above 2 is unusual). Click to see it in the text."
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col in ("Times used", "How unusual"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ARTICLE_ROLE:
            return aid
        if role == VALUE_ROLE:
            return {"Times used": w.count, "How unusual": w.z}.get(col)
        if role == JUMP_ROLE and aid in self._by_id:
            r = index.row()
            if r not in self._jumps:
                self._jumps[r] = first_occurrence(self._by_id[aid], w.word)
            return self._jumps[r]
        return None


# -------------------------------------------------------------------------------------------- naming


class NamingModel(_Base):
    """Rows: entities (people, countries, events). Columns: "Who or what", then one per outlet with the
    phrases that outlet uses for it ("not mentioned" when it does not)."""

    MAX_PHRASES = 3

    def __init__(self, analyses: Sequence[ArticleAnalysis] = (), comparison: Comparison | None = None, parent=None):
        super().__init__(parent)
        self._only_differences = False
        self.set_results(analyses, comparison)

    def _load(self, comparison: Comparison | None) -> None:
        self._ids = list(self._labels)
        self._all: tuple[NamingRow, ...] = comparison.naming if comparison else ()
        self._filter()

    def _filter(self) -> None:
        self._shown = [r for r in self._all if r.differs or not self._only_differences]
        self._jumps: dict[tuple[int, int], Jump | None] = {}

    def set_only_differences(self, only: bool) -> None:
        """Show only the entities the outlets name differently."""
        if only == self._only_differences:
            return
        self.beginResetModel()
        self._only_differences = only
        self._filter()
        self.endResetModel()

    @property
    def article_ids(self) -> list[str]:
        return list(self._ids)

    @property
    def total_rows(self) -> int:
        return len(self._all)

    def _rows(self):
        return self._shown

    def _headers(self) -> list[str]:
        return ["Who or what", *(self._labels[i] for i in self._ids)]

    def _header_tip(self, section: int) -> str:
        if section == 0:
            return "People, countries, organisations and events the articles mention."
        return "How this outlet names them. Click to see the first time it does."

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        col = index.column()
        aid = self._ids[col - 1] if col >= 1 else None
        phrases = row.by_article.get(aid, ()) if aid else ()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return f"{row.entity} ≠" if row.differs else row.entity
            if not phrases:
                return "not mentioned"
            shown = list(phrases[: self.MAX_PHRASES])
            extra = len(phrases) - len(shown)
            return "; ".join(shown) + (f" (+{extra} more)" if extra else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == 0:
                note = " The outlets name this differently (≠)." if row.differs else ""
                return f"{row.entity}.{note}"
            if not phrases:
                return f"{self._labels[aid]} does not mention {row.entity}."
            return f"{self._labels[aid]} calls it: " + "; ".join(f"“{p}”" for p in phrases)
        if role == Qt.ItemDataRole.FontRole and col == 0 and row.differs:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ForegroundRole and col >= 1 and not phrases:
            return self._palette.muted
        if role == ARTICLE_ROLE:
            return aid
        if role == JUMP_ROLE and aid in self._by_id and phrases:
            key = (index.row(), col)
            if key not in self._jumps:
                self._jumps[key] = first_mention(self._by_id[aid], row.entity, phrases)
            return self._jumps[key]
        return None


# ----------------------------------------------------------------------------------------- only here


def coverage_text(comparison: Comparison | None, labels: dict[str, str]) -> str:
    """How much each outlet shares with the others, in words ("Kyodo News: 7 of 17 sentences shared ...")."""
    parts = []
    for c in getattr(comparison, "coverage", ()) or ():
        if c.article not in labels or not c.sentences:
            continue
        claims = f", {c.claims_only_here} claim{'s' if c.claims_only_here != 1 else ''} only it makes" \
            if c.claims_only_here else ""
        parts.append(f"{labels[c.article]}: {c.shared} of {c.sentences} sentences shared with another outlet{claims}")
    return "; ".join(parts)


class OnlyHereModel(_Base):
    """What only one outlet reports: claims ranked most distinct first (outlet, sentence, why it is listed),
    each row jumping to its sentence."""

    headers = ("Outlet", "What only this outlet reports", "Why it is listed")
    header_tips = ("", "A claim no other article reports, most distinct first. Click to read it in place.",
                   "What sets it apart: people, numbers, places or sources no other outlet has, or an allegation "
                   "from a source it does not name.")

    def __init__(self, analyses: Sequence[ArticleAnalysis] = (), comparison: Comparison | None = None, parent=None):
        super().__init__(parent)
        self.set_results(analyses, comparison)

    def _load(self, comparison: Comparison | None) -> None:
        # comparison.only_here is ranked (analysis/compare/claims.py): keep that order
        self._items: list[OnlyHere] = [o for o in (comparison.only_here if comparison else ()) if o.article in self._labels]

    def _rows(self):
        return self._items

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        o = self._items[index.row()]
        reasons = "; ".join(getattr(o, "reasons", ()) or ())
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._labels[o.article], _one_line(o.text), reasons)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            why = f" Listed because it {reasons}." if reasons else ""
            return f"Only {self._labels[o.article]} reports this.{why} Click to read it in the article."
        if role == ARTICLE_ROLE:
            return o.article
        if role == JUMP_ROLE:
            return (o.article, o.start, o.end)
        return None
        o = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels[o.article] if index.column() == 0 else _one_line(o.text)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Only {self._labels[o.article]} reports this. Click to read it in the article."
        if role == ARTICLE_ROLE:
            return o.article
        if role == JUMP_ROLE:
            return (o.article, o.start, o.end)
        return None
