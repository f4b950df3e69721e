"""The detail panel: what a highlight is, why it matters, which rule fired, and what the others do.

``describe_span`` / ``describe_sentence`` build the HTML from analysis results alone (testable without
a window); ``DetailPanel`` shows it and turns links into ``jumpRequested(key, start, end)``.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from analysis import glossary
from analysis.compare.outliers import can_rank, count_text, evidence_text
from analysis.measures.tone import TONE_WORDS
from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from .. import highlight as hl
from ..charts import tone_mood

CUE_CLASS_TEXT = {
    "neutral": "a plain reporting verb: it says who said it and nothing more",
    "doubt": "it casts doubt on the statement before you read it (\"claimed\", \"insisted\")",
    "credence": "it lends the statement extra credit (\"revealed\", \"confirmed\", \"pointed out\")",
    "emotive": "it adds emotion to how something was said (\"slammed\", \"blasted\", \"fumed\")",
    "speculative": "it presents talk or guesses as the source (\"is rumoured\", \"speculation\")",
    "state_of_mind": ("not something anyone said, but what the text says a person thinks, wants, hopes, fears or "
                      "plans (\"believes\", \"wants\"). Nobody can see inside someone's head, so ask how the "
                      "writer knows. It is not counted as a claim from a source"),
}
SOURCE_TYPE_TEXT = {
    "named": "named: readers can check who said it",
    "anonymous": "anonymous: the article does not say who it is, so readers cannot check",
    "vague": "vague: pinned on no one in particular (\"some say\", \"observers\")",
    "none": "none: the statement is not attributed to anyone",
}
EMPTY_HTML = """
<h3>Click a highlighted word</h3>
<p>Each article is shown with its findings marked. Click a marked word, or put the cursor in an article
and press <b>Tab</b> to go from one finding to the next, to see here what it is, why it matters, which
rule found it, and how the other outlets handle the same thing.</p>
<p>Click any sentence to mark the matching sentences in the other articles.</p>
"""


@dataclass
class Other:
    """Another compared article: its entry key, on-screen label and analysis."""

    key: str
    label: str
    analysis: Any


def esc(text: Any) -> str:
    return html.escape(" ".join(str(text).split()))


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _link(key: str, start: int, end: int, text: str) -> str:
    return f'<a href="jump:{key}:{start}:{end}">{esc(text)}</a>'


def what_is(key: str, text: str = "What is this?") -> str:
    """A link to the glossary entry explaining ``key`` ("category:hedge", "cue_class:doubt", "kind:opinion");
    "" when the glossary has none."""
    href = glossary.link(key)
    return f"<a class='glossary' href='{esc(href)}'>{esc(text)}</a>" if href else ""


def span_glossary_key(span: hl.HighlightSpan) -> str:
    """What a highlight is, as a glossary key: a reporting verb by its class (“claimed” is doubt, “believes” a
    state of mind), everything else by its highlight category."""
    p = span.payload
    if span.category in (hl.CUE_NEUTRAL, hl.CUE_CHARGED) and getattr(p, "cue_class", ""):
        return f"cue_class:{p.cue_class}"
    return f"category:{span.category}"


def _rule_html(rule: str) -> str:
    if not rule:
        return "<p class='muted'>No rule name was recorded for this finding.</p>"
    where = ""
    if rule.startswith("lexicon:"):
        name = rule[len("lexicon:"):].split("/", 1)[0]
        where = (f" An entry in the <b>{esc(name)}</b> word list (resources/lexicons/{esc(name)}.toml), which you can "
                 "read and extend.")
    elif rule.startswith("rule:"):
        where = " A pattern rule in Slant's analysis code."
    return f"<p><span class='code'>{esc(rule)}</span>.{where}</p>"


def _alignment_index(comparison: Any) -> dict[tuple[str, int], Any]:
    if comparison is None:
        return {}
    return {(a.article, a.sentence): a for a in comparison.alignment}


def counterparts_html(this_key: str, analysis: Any, sentence: int, others: list[Other], comparison: Any) -> str:
    """The matching sentence in each other article, or "not reported by X"."""
    if sentence < 0 or not others:
        return ""
    aligned = _alignment_index(comparison).get((analysis.id, sentence))
    if comparison is None or not comparison.alignment:
        return "<p class='muted'>Sentence matching is not available yet (the comparison is still running or found nothing).</p>"
    rows = []
    for o in others:
        idx = aligned.counterparts.get(o.analysis.id) if aligned is not None else None
        if idx is None or not 0 <= idx < len(o.analysis.sentences):
            rows.append(f"<tr><td class='who'>{esc(o.label)}</td><td class='muted'>not reported</td></tr>")
            continue
        s = o.analysis.sentences[idx]
        sim = aligned.similarity.get(o.analysis.id) if aligned is not None else None
        simtxt = f" <span class='muted'>(match {sim:.0%})</span>" if isinstance(sim, (int, float)) else ""
        rows.append(f"<tr><td class='who'>{esc(o.label)}</td><td>"
                    f"{_link(o.key, s.start, s.end, _short(o.analysis.text[s.start:s.end]))}{simtxt}</td></tr>")
    return "<table class='others'>" + "".join(rows) + "</table>"


def _entities_at(analysis: Any, start: int, end: int) -> list[Any]:
    out = []
    for m in analysis.mentions:
        lo, hi = min(m.phrase.start, m.span.start), max(m.phrase.end, m.span.end)
        if lo < end and start < hi:
            out.append(m)
    return out


def _naming_row(entity: str, article_id: str, phrases: list[str], rows: Any) -> Any:
    """The comparison's naming row for an entity; the comparison may merge keys ("Kishida Fumio" and
    "Fumio Kishida"), so match by key, then by the same words in any order, then by this article's wording."""
    rows = list(rows)
    for r in rows:
        if r.entity == entity:
            return r
    words = sorted(entity.lower().split())
    for r in rows:
        if sorted(r.entity.lower().split()) == words:
            return r
    wanted = {" ".join(p.split()).lower() for p in phrases}
    for r in rows:
        if wanted & {" ".join(p.split()).lower() for p in r.by_article.get(article_id, ())}:
            return r
    return None


def naming_html(analysis: Any, start: int, end: int, others: list[Other], comparison: Any) -> str:
    """How each other article names the entity this span is about."""
    mentions = _entities_at(analysis, start, end)
    if not mentions:
        return ""
    parts = []
    rows = comparison.naming if comparison is not None else ()
    for entity in dict.fromkeys(m.entity for m in mentions):
        here = [" ".join(analysis.text[m.phrase.start:m.phrase.end].split()) for m in mentions if m.entity == entity]
        row = _naming_row(entity, analysis.id, here, rows)
        name = row.entity if row is not None else entity
        keys = {entity, name}
        lines = []
        for o in others:
            if row is not None and o.analysis.id in row.by_article:
                names = list(row.by_article[o.analysis.id])
            else:
                names = list(dict.fromkeys(
                    " ".join(o.analysis.text[m.phrase.start:m.phrase.end].split())
                    for m in o.analysis.mentions if m.entity in keys))
            if names:
                first = next((m for m in o.analysis.mentions if m.entity in keys or
                              " ".join(o.analysis.text[m.phrase.start:m.phrase.end].split()) in names), None)
                shown = ", ".join(f"“{esc(n)}”" for n in names[:4])
                if first is not None:
                    shown = f'<a href="jump:{o.key}:{first.phrase.start}:{first.phrase.end}">{shown}</a>'
                lines.append(f"<tr><td class='who'>{esc(o.label)}</td><td>{shown}</td></tr>")
            else:
                lines.append(f"<tr><td class='who'>{esc(o.label)}</td><td class='muted'>does not mention "
                             f"{esc(name)}</td></tr>")
        own = list(row.by_article.get(analysis.id, ())) if row is not None else []
        own = list(dict.fromkeys([here[0], *own]))[:4]
        parts.append(f"<p>This article calls <b>{esc(name)}</b> " + ", ".join(f"“{esc(n)}”" for n in own)
                     + ". The others:</p>"
                     "<table class='others'>" + "".join(lines) + "</table>")
    return "".join(parts)


def same_term_html(span: hl.HighlightSpan, analysis: Any, others: list[Other]) -> str:
    term = span.payload
    words = analysis.text[span.start:span.end].lower()
    users = []
    for o in others:
        hits = [t for t in o.analysis.loaded_terms
                if (term.rule and t.rule == term.rule) or t.text.lower() == words]
        if hits:
            users.append(f"{_link(o.key, hits[0].start, hits[0].end, o.label)} ({len(hits)}×)")
    if not others:
        return ""
    if users:
        return "<p>Also used by: " + ", ".join(users) + ".</p>"
    return "<p>None of the other articles use this word.</p>"


def describe_span(key: str, label: str, analysis: Any, span: hl.HighlightSpan, others: list[Other],
                  comparison: Any, sentence: int = -1) -> str:
    st = hl.style(span.category)
    words = analysis.text[span.start:span.end]
    p = span.payload
    out = [f"<h3><span class='swatch'>{esc(st.label)}</span> “{esc(words)}” "
           f"<span class='muted'>in {esc(label)}</span></h3>",
           f"<p class='what'>{esc(st.description)} {what_is(span_glossary_key(span))}</p>"]
    why = getattr(p, "why", "") or ""
    if span.category in (hl.LOADED, hl.OPINION, hl.SCARE):
        out.append(f"<h4>Why it matters</h4><p>{esc(why or st.description)}</p>")
        if p.category:
            out.append(f"<p class='muted'>Kind: {esc(p.category.replace('_', ' '))}</p>")
        if p.alternatives:
            alts = ", ".join(f"“{esc(a)}”" for a in p.alternatives)
            out.append(f"<h4>Plainer wording</h4><p>{alts}</p>")
        else:
            out.append("<h4>Plainer wording</h4><p class='muted'>No single neutral word: a plain report would "
                       "describe what happened instead.</p>")
    elif span.category in (hl.CUE_NEUTRAL, hl.CUE_CHARGED, hl.SOURCE_NAMED, hl.SOURCE_ANONYMOUS, hl.SOURCE_VAGUE):
        src = p.source.text if p.source is not None else None
        out.append("<h4>Who said it</h4>")
        if p.headline_credit:
            out.append("<p>Credited with a dash at the end of the headline, the way wire services say where a "
                       "story comes from.</p>")
        else:
            kind = "A thought, wish or plan" if p.cue_class == "state_of_mind" else "Reporting verb"
            out.append(f"<p>{kind} “{esc(p.cue.text)}”: "
                       f"{esc(CUE_CLASS_TEXT.get(p.cue_class, p.cue_class))}.</p>")
        src_txt = f"“{esc(src)}”" if src else "no source given"
        resolved = f" (that is, {esc(p.resolved_source)})" if p.resolved_source else ""
        out.append(f"<p>Source: {src_txt}{resolved}, {esc(SOURCE_TYPE_TEXT.get(p.source_type, p.source_type))}. "
                   f"{what_is('source_type:' + p.source_type, 'About this kind of source')}</p>")
        if p.quote is not None:
            out.append(f"<p class='muted'>Direct quote: “{esc(_short(p.quote.text, 160))}”</p>")
        if why:
            out.append(f"<h4>Why it matters</h4><p>{esc(why)}</p>")
    elif span.category == hl.HEDGE:
        out.append(f"<h4>Why it matters</h4><p>{esc(why or st.description)}</p>")
        if p.kind:
            out.append(f"<p class='muted'>Kind of hedge: {esc(p.kind.replace('_', ' '))}</p>")
    out.append("<h4>What found it</h4>" + _rule_html(getattr(p, "rule", "") or ""))

    others_html = []
    if span.category in (hl.LOADED, hl.OPINION, hl.SCARE):
        others_html.append(same_term_html(span, analysis, others))
    others_html.append(naming_html(analysis, span.start, span.end, others, comparison))
    if sentence >= 0:
        cp = counterparts_html(key, analysis, sentence, others, comparison)
        if cp:
            others_html.append("<p><b>The closest sentence elsewhere:</b></p>" + cp)
    body = "".join(h for h in others_html if h)
    right = ("<h4>How the other outlets handle it</h4>" + body) if others and body else ""
    return two_columns("".join(out), right + BACK_LINK)


def two_columns(left: str, right: str) -> str:
    """Side by side when there is something for the right column (the panel is wide and short)."""
    if not right:
        return left
    return ("<table width='100%' cellspacing='0' cellpadding='0'><tr>"
            f"<td width='50%' valign='top' style='padding-right: 18px;'>{left}</td>"
            f"<td width='50%' valign='top'>{right}</td></tr></table>")


SENTENCE_KIND_TEXT = {
    "speech": ("Reported speech", "mostly somebody's words or account, attributed to them"),
    "opinion": ("Opinion", "the writer judges in their own voice"),
    "report": ("Factual report", "says what happened, without quotation or the writer's judgement"),
}


def kind_html(s: Any, analysis: Any) -> str:
    """The sentence's kind, the cue that decided it, and how many of the article's sentences share it."""
    kind = getattr(s, "kind", "")
    if kind not in SENTENCE_KIND_TEXT:
        return ""
    name, meaning = SENTENCE_KIND_TEXT[kind]
    same = sum(1 for x in analysis.sentences if getattr(x, "kind", "") == kind)
    why = f" Decided by: {esc(s.kind_reason)}." if s.kind_reason else ""
    return (f"<h4>Kind of sentence: {esc(name)}</h4><p>{esc(meaning)}.{why} {what_is('kind:' + kind)}</p>"
            f"<p class='muted'>{same} of {len(analysis.sentences)} sentences in this article are "
            f"{esc(name.lower())}.</p>")


def _moved(c: Any, toward: str = "") -> str:
    """One word's share of a tone in plain words: "'praised' made this more positive toward Smith (+0.31)"
    (the one tone wording of ``analysis.measures.tone.TONE_WORDS``)."""
    way = f"more {TONE_WORDS['up']}" if c.weight > 0 else f"more {TONE_WORDS['down']}"
    who = f" toward {esc(toward)}" if toward else ""
    return f"“{esc(c.text)}” made this {way}{who} ({c.weight:+.2f})"


def tone_html(s: Any) -> str:
    """Why a sentence reads as it does: VADER's own score, the words that moved the tone, and the tone
    toward each named person, organisation or country in it (from what the sentence says about them)."""
    out = []
    vader = getattr(s, "vader", None)
    if vader is not None:
        out.append(f"<p class='muted'>VADER's word list alone scores it {vader:+.2f}; Slant's tone model, "
                   "fitted on news sentences people labelled, reads most plain reports of events as neutral.</p>")
    moved = getattr(s, "contributions", ())
    if moved:
        out.append("<p><b>Words that moved the tone</b> (how much lower or higher it would be without each):</p><ul>"
                   + "".join(f"<li>{_moved(c)}</li>" for c in moved[:4]) + "</ul>")
    elif vader is not None:
        out.append("<p>No word in it carries tone for the model.</p>")
    seen: set[str] = set()
    rows = []
    for t in getattr(s, "targets", ()):
        if t.entity in seen:
            continue
        seen.add(t.entity)
        same = [x for x in s.targets if x.entity == t.entity]
        value = sum(x.tone for x in same) / len(same)
        why = "; ".join(_moved(c, t.entity) for c in t.contributions[:3]) or "no word here is about them"
        rows.append(f"<li><b>Toward {esc(t.entity)}</b>: {tone_mood(value)} ({value:+.2f}). {why}.</li>")
    if rows:
        out.append("<p><b>Tone toward who is named</b> (from what the sentence says about each, "
                   f"not its overall mood): {what_is('topic:tone_toward')}</p><ul>" + "".join(rows) + "</ul>")
    return "".join(out)


def describe_sentence(key: str, label: str, analysis: Any, sentence: int, others: list[Other], comparison: Any) -> str:
    s = analysis.sentences[sentence]
    tone = s.tone
    mood = tone_mood(tone)
    out = [f"<h3>Sentence <span class='muted'>in {esc(label)}</span></h3>",
           f"<p class='quote'>{esc(_short(analysis.text[s.start:s.end], 400))}</p>",
           f"<p>Tone {tone:+.2f} ({mood}). <span class='muted'>{esc(hl.style(hl.TONE).description)}</span> "
           f"{what_is('category:tone')}</p>",
           tone_html(s)]
    out.append(kind_html(s, analysis))
    cp = counterparts_html(key, analysis, sentence, others, comparison)
    right = ("<h4>The closest sentence in the other articles</h4>" + cp) if cp else ""
    return two_columns("".join(out), right + BACK_LINK)


OVERVIEW_METRICS = (
    # metric, what a high value means in plain words, how to print a value, which highlight to jump to
    ("loaded_per_1000_words", "Most judging words (loaded terms)", "{:.1f} per 1,000 words", "loaded_terms"),
    ("unnamed_source_share", "Most claims from unnamed sources", "{:.0%} of statements", "attributions"),
    ("hedges_per_1000_words", "Most hedging and guesswork", "{:.1f} per 1,000 words", "hedges"),
)


def _first_finding(o: Other, kind: str) -> tuple[int, int] | None:
    a = o.analysis
    if kind == "loaded_terms" and a.loaded_terms:
        return a.loaded_terms[0].start, a.loaded_terms[0].end
    if kind == "hedges" and a.hedges:
        return a.hedges[0].start, a.hedges[0].end
    if kind == "attributions":
        unnamed = [x for x in a.attributions if x.source_type != "named" and x.cue_class != "state_of_mind"]
        if unnamed:
            span = unnamed[0].source or unnamed[0].cue
            return span.start, span.end
    return None


def describe_overview(articles: list[Other], comparison: Any) -> str:
    """The story at a glance: who stands out on the measures people ask about first."""
    out = ["<h3>The story at a glance</h3>"]
    if not articles:
        return EMPTY_HTML
    rows = {m.metric: m for m in (comparison.metrics if comparison is not None else ())}
    by_id = {o.analysis.id: o for o in articles}
    lines = []
    for metric, title, fmt, kind in OVERVIEW_METRICS:
        row = rows.get(metric)
        if row is None or not row.values or len(articles) < 2:
            continue
        # Only an outlet whose figure rests on enough evidence is ranked first (analysis/compare/outliers.py).
        ranked = {i: v for i, v in row.values.items() if can_rank(row, i) and i in by_id}
        top = max(ranked.values()) if ranked else 0.0
        leaders = [by_id[i] for i, v in ranked.items() if v == top]
        if not leaders or top <= 0:
            thin = [i for i, v in row.values.items() if v > 0 and i in by_id and not can_rank(row, i)]
            if thin:
                who = ", ".join(f"{esc(by_id[i].label)} ({esc(count_text(row, i))})" for i in thin)
                lines.append(f"<tr><td class='who'>{esc(title)}</td><td class='muted'>"
                             f"{what_is('topic:evidence', 'too few to compare')}: {who}</td></tr>")
            continue
        names = []
        for o in leaders:
            where = _first_finding(o, kind)
            names.append(_link(o.key, where[0], where[1], o.label) if where else esc(o.label))
        marker = " <b>(stands out)</b>" if any(o.analysis.id in row.outliers for o in leaders) else ""
        evidence = "; ".join(e for e in (evidence_text(row, o.analysis.id) for o in leaders) if e)
        evidence = f" <span class='muted'>({esc(evidence)})</span>" if evidence else ""
        lines.append(f"<tr><td class='who'>{esc(title)}</td><td>{', '.join(names)}: "
                     f"{esc(fmt.format(top))}"
                     f"{evidence}{marker} <span class='muted'>(middle of the story: {esc(fmt.format(row.median))})"
                     f"</span> {what_is('metric:' + metric, 'what is this?')}</td></tr>")
    tone = rows.get("tone_mean")
    toned = {i: v for i, v in (tone.values.items() if tone is not None else ()) if can_rank(tone, i) and i in by_id}
    if len(toned) >= 2 and len(articles) >= 2:
        lo_id = min(toned, key=toned.get)
        hi_id = max(toned, key=toned.get)
        lines.append(f"<tr><td class='who'>Tone</td><td>most positive {esc(by_id[hi_id].label)} "
                     f"({tone.values[hi_id]:+.2f}, {esc(count_text(tone, hi_id))}), most negative "
                     f"{esc(by_id[lo_id].label)} ({tone.values[lo_id]:+.2f}, {esc(count_text(tone, lo_id))}) "
                     f"{what_is('metric:tone_mean', 'what is this?')}</td></tr>")
    if comparison is not None:
        for w in getattr(comparison, "warnings", ()):
            lines.insert(0, f"<tr><td class='who'>Different story?</td><td><b>{esc(w)}</b></td></tr>")
    if comparison is not None:
        differs = [r for r in comparison.naming if r.differs]
        if differs:
            lines.append(f"<tr><td class='who'>Naming</td><td>{len(differs)} people, places or events are named "
                         "differently (see the Dashboard, or click a name)</td></tr>")
        if comparison.only_here:
            n = len(comparison.only_here)
            top = comparison.only_here[0]
            who = by_id[top.article].label if top.article in by_id else top.article
            why = f": the most distinct, in {esc(who)}, {esc(top.reasons[0])}" if getattr(top, "reasons", ()) else ""
            lines.append(f"<tr><td class='who'>Only one outlet</td><td>{n} claim{'s' if n != 1 else ''} only one "
                         f"outlet makes{why} (see the Dashboard) {what_is('section:only_here', 'what is this?')}</td></tr>")
    if lines:
        out.append("<table class='others'>" + "".join(lines) + "</table>")
    elif comparison is None:
        out.append("<p class='muted'>Comparing the articles…</p>")
    out.append("<p class='muted'>Click a highlighted word for what it is and why it matters, or any sentence to see "
               "how the other outlets report it. <b>Tab</b> in an article goes from one finding to the next.</p>")
    return "".join(out)


BACK_LINK = "<p><a href='overview:'>← The story at a glance</a></p>"


class DetailPanel(QTextBrowser):
    jumpRequested = Signal(str, int, int)  # entry key, start, end
    overviewRequested = Signal()
    glossaryRequested = Signal(str)  # a glossary entry id ("What is this?")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        self.span: hl.HighlightSpan | None = None
        self.set_dark(False)
        self.clear_detail()

    def set_dark(self, dark: bool) -> None:
        from ..theme import detail_css

        self.document().setDefaultStyleSheet(detail_css(dark))

    def clear_detail(self) -> None:
        self.span = None
        self.setHtml(EMPTY_HTML)

    def show_html(self, body: str, span: hl.HighlightSpan | None = None) -> None:
        self.span = span
        self.setHtml(body)

    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("overview:"):
            self.overviewRequested.emit()
            return
        if text.startswith(glossary.LINK_SCHEME):
            self.glossaryRequested.emit(text[len(glossary.LINK_SCHEME):])
            return
        if text.startswith("jump:"):
            try:
                _, key, start, end = text.split(":")
                self.jumpRequested.emit(key, int(start), int(end))
            except ValueError:
                pass
