"""The comparison sheet as one self-contained HTML file.

Inline CSS, inline SVG charts, no scripts, no external requests (a Content-Security-Policy forbids them),
so it opens anywhere, offline, and prints cleanly (each article starts on a new page). Every highlight is a
``<mark class="hl" data-cat="CATEGORY" data-h="N" title="why">`` element; a highlight that crosses
another is split into pieces sharing ``data-h``. The styles (colour + underline/box/weight) are the
window's, passed in from ``desktop.highlight``.
"""
from __future__ import annotations

from ..measures.tone import TONE_WORDS
from collections.abc import Callable
from html import escape

from .sheet import Chart, Node, Sheet

FONT_STACK = ('"DejaVu Sans", "Noto Sans", "Segoe UI", "Helvetica Neue", Arial, "Noto Sans CJK JP", '
              '"Hiragino Sans", "Yu Gothic", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Color Emoji", '
              '"Apple Color Emoji", "Segoe UI Emoji", sans-serif')

BASE_CSS = """
:root { color-scheme: light; }
body { font-family: %(fonts)s; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 60rem;
       padding: 1.5rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .2rem; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #1a1a1a; padding-bottom: .15rem; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
.meta, .note { color: #555; font-size: .85rem; }
.story { font-size: 1.1rem; margin: .2rem 0 .6rem; }
table { border-collapse: collapse; width: 100%%; font-size: .88rem; margin: .4rem 0 .8rem; }
th, td { border: 1px solid #bbb; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.outlier { font-weight: bold; background: #fbe3cf; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); gap: .6rem 1.2rem; }
.charts svg { width: 100%%; height: auto; }
ul.only li { margin-bottom: .25rem; }
.article .headline { font-weight: bold; font-size: 1.05rem; margin: .3rem 0; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .95rem; line-height: 1.7;
        unicode-bidi: plaintext; }
ul.only li, .findings td { unicode-bidi: plaintext; }
mark { background: none; color: inherit; padding: 0 1px; }
.findings { font-size: .85rem; }
.findings td:first-child { white-space: nowrap; }
.legend td.sample { white-space: nowrap; }
dl.glossary dt { font-weight: bold; margin-top: .4rem; }
dl.glossary dd { margin-left: 1.2rem; }
footer { margin-top: 2rem; color: #555; font-size: .8rem; border-top: 1px solid #bbb; padding-top: .4rem; }
@media print {
  body { max-width: none; padding: 0; }
  section.article, section.legend { break-before: page; }
  .charts { grid-template-columns: 1fr 1fr; }
  tr, li { break-inside: avoid; }
  span.tone { background: none !important; }  /* tone is a screen cue (highlights.toml); see the tone strips */
}
"""


def render_html(
    sheet: Sheet,
    *,
    css_for: dict[str, str],
    tone_css: Callable[[float], str | None],
    labels_for: dict[str, str] | None = None,
) -> str:
    """``css_for``: category -> CSS declarations (``highlight.css``); ``tone_css(score)``: background for a
    sentence's tone, or None; ``labels_for``: category -> legend label (shown in tooltips)."""
    labels_for = labels_for or {}
    out: list[str] = []
    w = out.append
    title = f"{sheet.title}: {sheet.story}"
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:\">\n")
    w("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
    w(f"<meta name=\"generator\" content=\"Slant {escape(sheet.version)}\">\n")
    w(f"<title>{escape(title)}</title>\n<style>{BASE_CSS % {'fonts': FONT_STACK}}")
    for cat, decl in css_for.items():
        # ".hl", not "mark.hl": page furniture is a <span class="hl boilerplate"> (it is no highlight to mark)
        w(f".hl[data-cat=\"{cat}\"], .swatch-{cat} {{ {decl} }}\n")
    w("</style>\n</head>\n<body>\n")

    w("<header>\n")
    w(f"<h1>{escape(sheet.title)}</h1>\n<p class=\"story\">{escape(sheet.story)}</p>\n")
    w(f"<p class=\"meta\">Generated {escape(sheet.generated)} · Slant analyser version {escape(sheet.version)}"
      f"{' · outlet names hidden (blind mode)' if sheet.blind else ''}</p>\n</header>\n")

    # ---------------------------------------------------------------- overview
    w("<section class=\"overview\">\n<h2>Overview</h2>\n")
    for warning in sheet.warnings:
        w(f"<p class=\"warning\"><strong>Different story?</strong> {escape(warning)}</p>\n")
    w("<h3>The outlets</h3>\n<table class=\"outlets\">\n")
    w("<tr><th>Outlet</th><th>Headline</th><th>Date (as the text supports it)</th><th>Words</th></tr>\n")
    for label, headline, date, words in sheet.outlets:
        w(f"<tr><td>{escape(label)}</td><td>{escape(headline)}</td><td>{escape(date)}</td>"
          f"<td class=\"num\">{escape(words)}</td></tr>\n")
    w("</table>\n")

    if sheet.metrics:
        w("<h3>Metrics</h3>\n<table class=\"metrics\">\n<tr><th>Metric</th>")
        w("".join(f"<th>{escape(lbl)}</th>" for lbl in sheet.labels))
        w("<th>Story median</th><th>A high value means</th></tr>\n")
        for m in sheet.metrics:
            w(f"<tr><td>{escape(m.label)}</td>")
            evidence = m.evidence or ("",) * len(m.cells)
            for cell, flag, ev in zip(m.cells, m.outlier_flags, evidence):
                small = f"<br><small class=\"count\">{escape(ev)}</small>" if ev else ""
                if flag:
                    arrow = "▲" if flag == "high" else "▼"
                    w(f"<td class=\"num outlier\" title=\"outlier ({flag})\">{escape(cell)} {arrow}{small}</td>")
                else:
                    w(f"<td class=\"num\">{escape(cell)}{small}</td>")
            w(f"<td class=\"num\">{escape(m.median)}</td><td>{escape(m.higher_means)}</td></tr>\n")
        w("</table>\n<p class=\"note\">▲ / ▼ bold on a tint: an outlier, well above / below the other outlets. Under "
          "each value: what it rests on; a share's 95% range; “too few to compare” when fewer than 3 attributions "
          "or sentences stand behind it (never called an outlier).</p>\n")
    if sheet.charts:
        w("<h3>Per-outlet charts</h3>\n<div class=\"charts\">\n")
        for ch in sheet.charts:
            w(svg_bar_chart(ch))
        w("</div>\n")
    strips = [(a.label, a.tones) for a in sheet.articles if a.tones]
    if strips:
        w("<h3>Tone along each article</h3>\n<p class=\"note\">Each column is one sentence, in reading order: up "
          f"for {TONE_WORDS['up']} wording, down for {TONE_WORDS['down']} wording.</p>\n<div class=\"charts\">\n")
        for label, tones in strips:
            w(svg_tone_strip(label, tones))
        w("</div>\n")

    w("<h3>Only this outlet reports</h3>\n")
    if sheet.coverage:
        w(f"<p class=\"note\">Sentences each outlet shares with at least one other: "
          f"{escape(sheet.coverage_line())}.</p>\n")
    if sheet.claims:
        shown, more = sheet.claims_shown()
        w("<p class=\"note\">Claims only one outlet makes, most distinct first: people, numbers, places or sources "
          "no other outlet has, and allegations from sources it does not name. The same fact in other words is not "
          "listed.</p>\n<table class=\"only\">\n<tr><th>Outlet</th><th>Claim</th><th>Why it is listed</th></tr>\n")
        for label, sentence, why in shown:
            w(f"<tr><td>{escape(label)}</td><td>{escape(sentence)}</td><td>{escape(why)}</td></tr>\n")
        w("</table>\n")
        if more:
            w(f"<details><summary>{more} more claim{'s' if more > 1 else ''}</summary>\n<table class=\"only\">\n")
            for label, sentence, why in sheet.claims[len(shown):]:
                w(f"<tr><td>{escape(label)}</td><td>{escape(sentence)}</td><td>{escape(why)}</td></tr>\n")
            w("</table>\n</details>\n")
    elif sheet.only_here:
        for label, shown_s, rest in sheet.only_here_shown():
            w(f"<p><strong>{escape(label)}</strong></p>\n<ul class=\"only\">\n")
            w("".join(f"<li>{escape(x)}</li>\n" for x in shown_s + rest))
            w("</ul>\n")
    else:
        w("<p class=\"note\">Nothing: no claim here is made by one outlet alone "
          "(or the comparison found no sentence unique to one outlet).</p>\n")

    if sheet.naming:
        w("<h3>How each outlet names the same thing</h3>\n<table class=\"naming\">\n<tr><th>Who or what</th>"
          "<th>Outlet</th><th>Named as</th></tr>\n")
        for entity, by in sheet.naming:
            for k, (label, phrases) in enumerate(by):
                first = f"<td rowspan=\"{len(by)}\">{escape(entity)}</td>" if k == 0 else ""
                w(f"<tr>{first}<td>{escape(label)}</td><td>{escape(phrases)}</td></tr>\n")
        w("</table>\n")
    if sheet.distinctive:
        w("<h3>Distinctive words</h3>\n<table class=\"distinctive\">\n<tr><th>Outlet</th>"
          "<th>Words it uses more than the others</th></tr>\n")
        for label, words in sheet.distinctive:
            w(f"<tr><td>{escape(label)}</td><td>{escape(', '.join(words))}</td></tr>\n")
        w("</table>\n")
    w("</section>\n")

    # ---------------------------------------------------------------- articles
    for n, art in enumerate(sheet.articles, 1):
        w(f"<section class=\"article\" id=\"article-{n}\">\n<h2>{n}. {escape(art.label)}</h2>\n")
        if art.title:
            w(f"<p class=\"headline\">{escape(' '.join(art.title.split()))}</p>\n")
        if art.date:
            w(f"<p class=\"meta\">{escape(art.date)}</p>\n")
        if art.source:
            w(f"<p class=\"meta source\">{escape(art.source)}</p>\n")
        w(f"<p class=\"meta\">{escape(art.summary)}</p>\n")
        for warning in art.warnings:
            w(f"<p class=\"note\">⚠ {escape(warning)}</p>\n")
        notes = {h.hid: h.note for h in art.highlights}
        if sheet.include_texts:
            w("<div class=\"text\">")
            _tree_html(art.tree, art.text, w, notes, labels_for, tone_css)
            w("</div>\n")
        if art.findings:
            w("<h3>What to look at in this article</h3>\n<table class=\"findings\">\n<tr><th>Highlight</th>"
              "<th>Words</th><th>Why it is marked</th></tr>\n")
            for f in art.findings:
                times = f" ×{f.count}" if f.count > 1 else ""
                w(f"<tr><td>{escape(labels_for.get(f.category, f.category))}</td><td><span class=\"swatch-"
                  f"{escape(f.category)}\">{escape(f.text)}</span>{times}</td><td>{escape(f.note)}</td></tr>\n")
            w("</table>\n")
        w("</section>\n")

    # ---------------------------------------------------------------- answer key: who was who
    if sheet.reveal:
        w("<section class=\"reveal\">\n<h2>Who was who (answer key)</h2>\n<table class=\"reveal\">\n"
          "<tr><th>Shown as</th><th>Outlet</th><th>Byline</th><th>Site</th></tr>\n")
        for row in sheet.reveal:
            w("<tr>" + "".join(f"<td>{escape(c or '–')}</td>" for c in row) + "</tr>\n")
        w("</table>\n</section>\n")

    # ---------------------------------------------------------------- legend and glossary
    w("<section class=\"legend\">\n<h2>Legend</h2>\n<table class=\"legend\">\n<tr><th>Looks like</th><th>Means</th>"
      "<th>Mark without colour</th><th>What it is</th></tr>\n")
    for e in sheet.legend:
        w(f"<tr><td class=\"sample\"><mark class=\"hl\" data-cat=\"{escape(e.key)}\">{escape(e.sample)}</mark></td>"
          f"<td>{escape(e.label)}</td><td>{escape(e.cue)}</td><td>{escape(e.description)}</td></tr>\n")
    w("</table>\n<h2>Glossary</h2>\n<dl class=\"glossary\">\n")
    for term, meaning in sheet.glossary:
        w(f"<dt>{escape(term)}</dt><dd>{escape(meaning)}</dd>\n")
    w("</dl>\n</section>\n")
    w(f"<footer>Made with Slant {escape(sheet.version)} on {escape(sheet.generated)}. Highlights are found by rules "
      "and word lists, not by judging the outlets: each one says why it was flagged.</footer>\n</body>\n</html>\n")
    return "".join(out)


def _tree_html(node: Node, text: str, w, notes: dict[int, str], labels_for: dict[str, str],
               tone_css: Callable[[float], str | None]) -> None:
    pos = node.start
    for child in node.children:
        if child.start > pos:
            w(escape(text[pos:child.start]))
        _open(child, w, notes, labels_for, tone_css)
        _tree_html(child, text, w, notes, labels_for, tone_css)
        w(_close(child))
        pos = child.end
    if node.end > pos:
        w(escape(text[pos:node.end]))


def _open(node: Node, w, notes, labels_for, tone_css) -> None:
    c = node.category
    if c == "tone":
        css = tone_css(node.tone or 0.0)
        w(f"<span class=\"tone\" style=\"{escape(css)}\">" if css else "<span class=\"tone\">")
    elif c == "boilerplate":
        w("<span class=\"hl boilerplate\" data-cat=\"boilerplate\" title=\"page furniture, not counted\">")
    else:
        tip = labels_for.get(c, c)
        if notes.get(node.hid):
            tip += ": " + notes[node.hid]
        w(f"<mark class=\"hl\" data-cat=\"{escape(c or '')}\" data-h=\"{node.hid}\" title=\"{escape(tip)}\">")


def _close(node: Node) -> str:
    return "</span>" if node.category in ("tone", "boilerplate") else "</mark>"


def svg_bar_chart(chart: Chart, width: int = 520) -> str:
    """A horizontal bar chart like the window's: median dashed, outliers hatched, bold and marked ▲/▼."""
    row_h, label_w, value_w, top = 24, 170, 110, 26
    n = len(chart.bars)
    height = top + n * row_h + 30
    values = [v for _, v in chart.bars] + [e for _, a, b in chart.intervals for e in (a, b)]
    intervals = {label: (a, b) for label, a, b in chart.intervals}
    notes = dict(chart.notes)
    lo = min([0.0, *values, *([chart.median] if chart.median is not None else [])])
    hi = max([0.0, *values, *([chart.median] if chart.median is not None else [])])
    if hi == lo:
        hi = lo + 1.0
    x0, x1 = label_w, width - value_w

    def x(v: float) -> float:
        return x0 + (v - lo) / (hi - lo) * (x1 - x0)

    def fmt(v: float) -> str:
        try:
            return chart.value_format.format(v)
        except (ValueError, IndexError, KeyError):
            return f"{v:.1f}"

    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" "
             f"aria-label=\"{escape(chart.title)}\" font-size=\"12\">",
             "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
             "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#D55E00\"/>"
             "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"2\"/></pattern></defs>",
             f"<text x=\"0\" y=\"15\" font-weight=\"bold\">{escape(chart.title)}</text>"]
    zx = x(0.0)
    for i, (label, v) in enumerate(chart.bars):
        y = top + i * row_h
        out = label in chart.outliers
        weight = " font-weight=\"bold\"" if out else ""
        parts.append(f"<text x=\"{x0 - 6}\" y=\"{y + 16}\" text-anchor=\"end\"{weight}>{escape(_clip(label, 22))}</text>")
        a, b = sorted((zx, x(v)))
        fill = "url(#hatch)\" stroke=\"#1a1a1a" if out else "#0072B2"
        if label in chart.too_few:  # thin evidence: an outline, never a confident bar
            fill = "none\" stroke=\"#5c5c5c"
        parts.append(f"<rect x=\"{a:.1f}\" y=\"{y + 4}\" width=\"{max(b - a, 1):.1f}\" height=\"15\" fill=\"{fill}\"/>")
        if label in intervals:  # the share's 95% range as a whisker
            ia, ib = (x(e) for e in intervals[label])
            parts.append(f"<path d=\"M{ia:.1f} {y + 11.5}H{ib:.1f}M{ia:.1f} {y + 6}V{y + 17}M{ib:.1f} {y + 6}V{y + 17}\" "
                         "stroke=\"#1a1a1a\" stroke-width=\"1.5\" fill=\"none\"/>")
        mark = ""
        extra = [t for t in (notes.get(label, ""), "too few" if label in chart.too_few else "") if t]
        if extra:
            mark = " (" + ", ".join(extra) + ")"
        if out:
            mark += "  ▲ outlier" if chart.median is None or v >= chart.median else "  ▼ outlier"
        parts.append(f"<text x=\"{x1 + 6}\" y=\"{y + 16}\"{weight}>{escape(fmt(v) + mark)}</text>")
    base = top + n * row_h
    parts.append(f"<line x1=\"{zx:.1f}\" y1=\"{top}\" x2=\"{zx:.1f}\" y2=\"{base}\" stroke=\"#4d4d4d\"/>")
    if chart.median is not None:
        mx = x(chart.median)
        parts.append(f"<line x1=\"{mx:.1f}\" y1=\"{top - 2}\" x2=\"{mx:.1f}\" y2=\"{base + 4}\" stroke=\"#1a1a1a\" "
                     "stroke-width=\"2\" stroke-dasharray=\"4 3\"/>")
        parts.append(f"<text x=\"{mx:.1f}\" y=\"{base + 18}\" text-anchor=\"middle\" font-size=\"11\">"
                     f"story median {escape(fmt(chart.median))}</text>")
    parts.append("</svg>\n")
    return "".join(parts)


def svg_tone_strip(label: str, tones, width: int = 520, height: int = 92) -> str:
    """One article's tone sentence by sentence (like the window's strip): blue up, orange down."""
    top, left, plot_h = 22, 58, height - 40
    n = max(1, len(tones))
    col = (width - left) / n
    zero = top + plot_h / 2
    parts = [f"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" "
             f"aria-label=\"Tone along {escape(label)}\" font-size=\"11\">",
             f"<text x=\"0\" y=\"14\" font-weight=\"bold\" font-size=\"12\">{escape(label)}</text>",
             f"<rect x=\"{left}\" y=\"{top}\" width=\"{width - left}\" height=\"{plot_h}\" fill=\"none\" "
             "stroke=\"#e3e3e3\"/>",
             f"<text x=\"{left - 4}\" y=\"{top + 10}\" text-anchor=\"end\" fill=\"#5c5c5c\">{TONE_WORDS['up']}</text>",
             f"<text x=\"{left - 4}\" y=\"{top + plot_h - 2}\" text-anchor=\"end\" fill=\"#5c5c5c\">{TONE_WORDS['down']}</text>"]
    for i, t in enumerate(tones):
        t = max(-1.0, min(1.0, float(t)))
        h = max(abs(t) * (plot_h / 2 - 1), 0.8)
        y = zero - h if t >= 0 else zero
        colour = "#0072B2" if t >= 0 else "#D55E00"
        opacity = 0.3 + 0.7 * abs(t)
        parts.append(f"<rect x=\"{left + i * col + col * 0.1:.1f}\" y=\"{y:.1f}\" width=\"{max(col * 0.8, 0.8):.1f}\" "
                     f"height=\"{h:.1f}\" fill=\"{colour}\" fill-opacity=\"{opacity:.2f}\"/>")
    parts.append(f"<line x1=\"{left}\" y1=\"{zero}\" x2=\"{width}\" y2=\"{zero}\" stroke=\"#4d4d4d\"/>")
    parts.append(f"<text x=\"{left}\" y=\"{height - 4}\" fill=\"#5c5c5c\">first sentence</text>"
                 f"<text x=\"{width}\" y=\"{height - 4}\" text-anchor=\"end\" fill=\"#5c5c5c\">last sentence</text>")
    parts.append("</svg>\n")
    return "".join(parts)


def _clip(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"
