"""Turn analysis results into highlight spans and text formats.

The styles come from ``resources/styles/highlights.toml`` (the single source the window and the
exports read). This module is the only place that knows which finding becomes which category:

    spans(analysis) -> [HighlightSpan(start, end, category, payload, role), ...]
    char_format(category, dark=False) -> QTextCharFormat
    tone_format(score, dark=False) -> QTextCharFormat | None

Qt is imported lazily, so ``load_styles()``/``spans()`` work without a QApplication.
"""
from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtGui import QColor, QTextCharFormat

    from analysis.results import ArticleAnalysis

# Category keys (stable: settings store them, tests and exports use them): analysis/categories.py.
from analysis.categories import (  # noqa: E402
    BOILERPLATE, CUE_CHARGED, CUE_NEUTRAL, FINDING_CATEGORIES, HEDGE, OPINION, SOURCE_ANONYMOUS, SOURCE_NAMED,
    SOURCE_VAGUE, TONE,
)
from analysis.categories import LOADED_TERM as LOADED  # noqa: E402
from analysis.categories import SCARE_QUOTE as SCARE  # noqa: E402
# When spans overlap, the later category in this order is drawn on top (its underline wins).
PAINT_ORDER = (TONE, BOILERPLATE, HEDGE, CUE_NEUTRAL, CUE_CHARGED, SOURCE_VAGUE, SOURCE_ANONYMOUS, SOURCE_NAMED,
               SCARE, OPINION, LOADED)
# When a click lands on overlapping spans, the most specific finding is shown first.
CLICK_PRIORITY = (LOADED, OPINION, SCARE, CUE_CHARGED, SOURCE_ANONYMOUS, SOURCE_VAGUE, SOURCE_NAMED, CUE_NEUTRAL, HEDGE)

UNDERLINES = ("solid", "dash", "dot", "wave", "double", "none")
BOXES = ("none", "solid", "dash", "dot")


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    description: str
    light: str
    dark: str
    order: int = 99
    fill: bool = False
    fill_alpha: float = 0.0
    fill_light: str | None = None
    fill_dark: str | None = None
    underline: str = "none"
    box: str = "none"
    bold: bool = False
    italic: bool = False
    cue: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def colour(self, dark: bool = False) -> str:
        return self.dark if dark else self.light

    def fill_colour(self, dark: bool = False) -> str:
        return (self.fill_dark if dark else self.fill_light) or self.colour(dark)


_STYLE_FIELDS = {"label", "description", "light", "dark", "order", "fill", "fill_alpha", "fill_light", "fill_dark",
                 "underline", "box", "bold", "italic", "cue"}


def _style(key: str, raw: dict[str, Any]) -> Style:
    known = {k: v for k, v in raw.items() if k in _STYLE_FIELDS}
    known.setdefault("label", key.replace("_", " ").capitalize())
    known.setdefault("description", "")
    known.setdefault("light", "#000000")
    known.setdefault("dark", known["light"])
    if known.get("underline", "none") not in UNDERLINES:
        known["underline"] = "solid"
    if known.get("box", "none") not in BOXES:
        known["box"] = "solid"
    known["fill_alpha"] = float(known.get("fill_alpha", 0.0))
    return Style(key=key, extra={k: v for k, v in raw.items() if k not in _STYLE_FIELDS}, **known)


@lru_cache(maxsize=1)
def _raw() -> dict[str, Any]:
    data = (resources.files("resources") / "styles" / "highlights.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))


@lru_cache(maxsize=1)
def load_styles() -> dict[str, Style]:
    """Finding categories in legend order (key -> Style)."""
    cats = _raw().get("category", {})
    styles = [_style(k, v) for k, v in cats.items()]
    return {s.key: s for s in sorted(styles, key=lambda s: s.order)}


@lru_cache(maxsize=1)
def ui_styles() -> dict[str, Style]:
    """Interface marks (aligned sentence, find match, current highlight)."""
    return {k: _style(k, v) for k, v in _raw().get("ui", {}).items()}


def style(category: str) -> Style:
    return load_styles()[category]


# ---------------------------------------------------------------------------------------------- spans


@dataclass(frozen=True, slots=True)
class HighlightSpan:
    """One highlighted stretch of ``analysis.text`` (Python str offsets). Slots: a 10 MB article has
    hundreds of thousands."""

    start: int
    end: int
    category: str
    payload: Any = field(compare=False)  # LoadedTerm / Attribution / Hedge / Sentence / BoilerplateSpan
    role: str = ""  # for attributions: "cue" or "source"
    index: int = -1  # position of the payload in its result list


def loaded_category(term: Any) -> str:
    rule = (getattr(term, "rule", "") or "").lower()
    cat = (getattr(term, "category", "") or "").lower()
    if "scare" in rule or "scare" in cat:
        return SCARE
    return OPINION if cat == "opinion" else LOADED


def cue_category(attribution: Any) -> str:
    # a thought or wish ("believes", "wants") is no charged way of reporting speech
    return CUE_NEUTRAL if attribution.cue_class in ("neutral", "state_of_mind") else CUE_CHARGED


def source_category(attribution: Any) -> str:
    return {"named": SOURCE_NAMED, "anonymous": SOURCE_ANONYMOUS}.get(attribution.source_type, SOURCE_VAGUE)


def spans(analysis: ArticleAnalysis) -> list[HighlightSpan]:
    """All highlight spans of one article, sorted by start. Empty result lists give no spans."""
    n = len(analysis.text)
    out: list[HighlightSpan] = []

    def add(start: int, end: int, category: str, payload: Any, role: str = "", index: int = -1) -> None:
        start, end = max(0, int(start)), min(n, int(end))
        if end > start:
            out.append(HighlightSpan(start, end, category, payload, role, index))

    for i, s in enumerate(analysis.sentences):
        add(s.start, s.end, TONE, s, index=i)
    for i, b in enumerate(analysis.boilerplate):
        add(b.start, b.end, BOILERPLATE, b, index=i)
    for i, t in enumerate(analysis.loaded_terms):
        add(t.start, t.end, loaded_category(t), t, index=i)
    for i, a in enumerate(analysis.attributions):
        add(a.cue.start, a.cue.end, cue_category(a), a, "cue", i)
        if a.source is not None:
            add(a.source.start, a.source.end, source_category(a), a, "source", i)
    for i, h in enumerate(analysis.hedges):
        add(h.start, h.end, HEDGE, h, index=i)
    out.sort(key=lambda s: (s.start, -s.end))
    return out


class SpanIndex:
    """Spans of one article, looked up by offset (for clicks and keyboard navigation)."""

    def __init__(self, items: list[HighlightSpan]):
        self.items = sorted(items, key=lambda s: (s.start, -s.end))
        self._starts = [s.start for s in self.items]
        self._max_len = max((s.end - s.start for s in self.items), default=0)

    def at(self, offset: int, categories: set[str] | None = None) -> list[HighlightSpan]:
        """Spans containing ``offset``, most specific finding first (tone/boilerplate last)."""
        hi = bisect.bisect_right(self._starts, offset)
        lo = bisect.bisect_left(self._starts, offset - self._max_len)
        found = [s for s in self.items[lo:hi] if s.start <= offset < s.end
                 and (categories is None or s.category in categories)]
        rank = {c: i for i, c in enumerate(CLICK_PRIORITY)}
        found.sort(key=lambda s: (rank.get(s.category, 99), s.end - s.start))
        return found

    def findings(self, categories: set[str] | None = None) -> list[HighlightSpan]:
        """Finding spans (no tone, no boilerplate) in reading order, for Tab-style navigation."""
        return [s for s in self.items if s.category in FINDING_CATEGORIES
                and (categories is None or s.category in categories)]


# ------------------------------------------------------------------------------------- render plans

_BLOCK_BREAK = re.compile("[\n\u2029]")  # where QTextDocument starts a new block


def block_starts(text: str, breaks: list[int] | None = None) -> list[int]:
    """Python offsets where each QTextDocument block of ``text`` starts (with display ``breaks``, see
    ``OffsetMap``, each of those starts one too)."""
    starts = [0] + [m.end() for m in _BLOCK_BREAK.finditer(text)]
    return sorted(starts + list(breaks)) if breaks else starts


def bucket_spans(spans: list[HighlightSpan], text: str, offsets: OffsetMap | None = None
                 ) -> dict[int, list[tuple[int, int, str, float]]]:
    """Spans grouped by text block: block number -> [(qt start, qt end, category, tone score)], in paint order."""
    offsets = offsets or OffsetMap(text)
    starts = block_starts(text, offsets.breaks)
    order = {c: i for i, c in enumerate(PAINT_ORDER)}
    buckets: dict[int, list[tuple[int, int, str, float]]] = {}
    for s in spans:
        score = float(getattr(s.payload, "tone", 0.0) or 0.0) if s.category == TONE else 0.0
        item = (offsets.to_qt(s.start), offsets.to_qt(s.end), s.category, score)
        b0 = bisect.bisect_right(starts, s.start) - 1
        b1 = bisect.bisect_right(starts, max(s.start, s.end - 1)) - 1
        for n in range(max(0, b0), b1 + 1):
            buckets.setdefault(n, []).append(item)
    for items in buckets.values():
        items.sort(key=lambda t: order.get(t[2], 0))
    return buckets


@dataclass
class RenderPlan:
    """Everything a pane needs to show one analysis, computed off the UI thread (see desktop.workers)."""

    text: str
    spans: list[HighlightSpan]
    index: SpanIndex
    counts: dict[str, int]
    buckets: dict[int, list[tuple[int, int, str, float]]]
    offsets: OffsetMap

    def fits(self, analysis: Any) -> bool:
        return analysis is not None and (self.text is analysis.text or self.text == analysis.text)


def render_plan(analysis: ArticleAnalysis) -> RenderPlan:
    items = spans(analysis)
    counts: dict[str, int] = {}
    for s in items:
        counts[s.category] = counts.get(s.category, 0) + 1
    offsets = OffsetMap(analysis.text)
    return RenderPlan(analysis.text, items, SpanIndex(items), counts, bucket_spans(items, analysis.text, offsets),
                      offsets)


# ------------------------------------------------------------------------------- Python <-> Qt offsets


class OffsetMap:
    """Python str offsets (code points) <-> positions in the pane's QTextDocument.

    They differ after characters outside the Basic Multilingual Plane (emoji, rare CJK), which take two
    UTF-16 units, and after the display-only paragraph breaks a pane puts into enormous lines
    (``desktop.display_breaks``: ``breaks`` are the offsets of ``text`` each break stands before). A normal
    text (no astral character, no line over 3,000 characters) maps 1:1 at no cost.
    """

    _ASTRAL = re.compile("[\U00010000-\U0010FFFF]")

    def __init__(self, text: str, breaks: list[int] | None = None):
        from .display_breaks import display_breaks

        self.breaks = display_breaks(text) if breaks is None else list(breaks)
        astral = [] if text.isascii() else [m.start() for m in self._ASTRAL.finditer(text)]
        # Every extra unit in the document is a threshold t: offsets >= t move one place on. An astral
        # character at i adds its second unit (t = i + 1); a break before b adds one (t = b). On a tie the
        # astral character comes first in the document.
        marks = sorted([(i + 1, 0) for i in astral] + [(b, 1) for b in self.breaks])
        self._thresholds = [t for t, _ in marks]
        # document position of the k-th extra unit is t + k; a position maps back past the unit when it
        # is at (astral: the second half of a pair belongs to its character) or after (a break) that unit
        self._qt = [t + k + kind for k, (t, kind) in enumerate(marks)]

    def to_qt(self, offset: int) -> int:
        if not self._thresholds:
            return offset
        return offset + bisect.bisect_right(self._thresholds, offset)

    def to_py(self, position: int) -> int:
        if not self._thresholds:
            return position
        return position - bisect.bisect_right(self._qt, position)


# ------------------------------------------------------------------------------------------ Qt formats


def qcolor(hex_colour: str, alpha: float = 1.0) -> QColor:
    from PySide6.QtGui import QColor

    c = QColor(hex_colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def blend(hex_colour: str, alpha: float, base: str) -> QColor:
    """The colour as it looks at ``alpha`` over ``base`` (opaque: text documents ignore alpha in print)."""
    from PySide6.QtGui import QColor

    a, b = QColor(hex_colour), QColor(base)
    mix = lambda x, y: round(x * alpha + y * (1 - alpha))  # noqa: E731
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()))


LIGHT_BASE = "#FFFFFF"
DARK_BASE = "#1E1F22"


def char_format(category: str, dark: bool = False, scale: float = 1.0) -> QTextCharFormat:
    """The format for one finding category (colour + underline + weight + box-as-overline)."""
    from PySide6.QtGui import QFont, QTextCharFormat

    st = style(category)
    fmt = QTextCharFormat()
    base = DARK_BASE if dark else LIGHT_BASE
    if category == BOILERPLATE:
        fmt.setForeground(qcolor(st.colour(dark)))
        fmt.setFontItalic(True)
        return fmt
    if st.fill and st.fill_alpha > 0:
        fmt.setBackground(blend(st.fill_colour(dark), st.fill_alpha * scale, base))
    under = {
        "solid": QTextCharFormat.SingleUnderline,
        "dash": QTextCharFormat.DashUnderline,
        "dot": QTextCharFormat.DotLine,
        "wave": QTextCharFormat.WaveUnderline,
        "double": QTextCharFormat.SingleUnderline,
    }.get(st.underline)
    if under is not None:
        fmt.setUnderlineStyle(under)
        fmt.setUnderlineColor(qcolor(st.colour(dark)))
    if st.box != "none" or st.underline == "double":
        fmt.setFontOverline(st.box != "none")
        if st.underline == "double":
            # Qt has no double underline: a dash-dot underline reads as a second, distinct line style.
            fmt.setUnderlineStyle(QTextCharFormat.DashDotLine)
    if st.bold:
        fmt.setFontWeight(QFont.Bold)
    if st.italic:
        fmt.setFontItalic(True)
    return fmt


def tone_colour(score: float, dark: bool = False) -> tuple[str, float] | None:
    """(hex colour, alpha) for a sentence's tone background, or None when the tone is near neutral."""
    st = style(TONE)
    threshold = float(st.extra.get("threshold", 0.05))
    if abs(score) < threshold:
        return None
    max_alpha = float(st.extra.get("max_alpha_dark" if dark else "max_alpha_light", 0.2))
    if score > 0:
        colour = st.colour(dark)
    else:
        colour = st.extra.get("negative_dark" if dark else "negative_light", "#E69F00")
    return colour, max_alpha * min(1.0, abs(score))


def tone_format(score: float, dark: bool = False) -> QTextCharFormat | None:
    from PySide6.QtGui import QTextCharFormat

    tc = tone_colour(score, dark)
    if tc is None:
        return None
    fmt = QTextCharFormat()
    fmt.setBackground(blend(tc[0], tc[1], DARK_BASE if dark else LIGHT_BASE))
    return fmt


def ui_colour(name: str, dark: bool = False) -> QColor:
    st = ui_styles()[name]
    return blend(st.colour(dark), st.fill_alpha or 1.0, DARK_BASE if dark else LIGHT_BASE)


# ------------------------------------------------------------------------------------------------ CSS


def css(category: str, dark: bool = False) -> str:
    """CSS declarations for one category (for HTML views and exports that want them)."""
    st = style(category)
    parts: list[str] = []
    if category == BOILERPLATE:
        return f"color: {st.colour(dark)}; font-style: italic;"
    if st.fill and st.fill_alpha > 0:
        c = st.fill_colour(dark).lstrip("#")
        r, g, b = int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
        parts.append(f"background-color: rgba({r}, {g}, {b}, {st.fill_alpha:.2f})")
    if st.box != "none":
        parts.append(f"border: 1px {dict(solid='solid', dash='dashed', dot='dotted')[st.box]} {st.colour(dark)}")
        parts.append("border-radius: 2px")
    if st.underline != "none" and st.box == "none":  # a box already frames the words
        style_css = {"solid": "solid", "dash": "dashed", "dot": "dotted", "wave": "wavy", "double": "double"}
        parts.append(f"text-decoration: underline {style_css[st.underline]} {st.colour(dark)}")
    if st.bold:
        parts.append("font-weight: bold")
    if st.italic:
        parts.append("font-style: italic")
    return "; ".join(parts) + ";"
