"""The worksheet and its answer key as one editable HTML file.

Plain, standalone HTML (inline CSS, no scripts, no outside requests) that a teacher can open in a browser
or a word processor (LibreOffice Writer, Word) and edit: headings, paragraphs, ordered lists and ruled
writing lines (grey underscores, which any word processor keeps).
Wide line spacing leaves room to underline and circle words. The answer key marks the findings with the
window's highlight styles (``css_for`` from ``desktop.highlight.css``), as the comparison sheet does.
"""
from __future__ import annotations

from html import escape

from .html import FONT_STACK, _tree_html
from .worksheet import NOTHING, Worksheet

CSS = """
:root { color-scheme: light; }
body { font-family: %(fonts)s; color: #111; background: #fff; margin: 0 auto; max-width: 46rem;
       padding: 1.2rem 1.5rem; line-height: 1.5; font-size: 11pt; }
h1 { font-size: 17pt; margin: 0 0 .1rem; }
h2 { font-size: 13pt; margin: 1.1rem 0 .3rem; border-bottom: 1.5px solid #111; padding-bottom: .1rem; }
.meta { color: #555; font-size: 9pt; margin: 0 0 .4rem; }
.name { margin: .5rem 0 .6rem; }
.instructions { font-size: 10.5pt; margin: .3rem 0 .5rem; }
.excerpt { font-family: "DejaVu Serif", Georgia, "Noto Serif", "Noto Serif CJK JP", serif; font-size: 11.5pt;
           line-height: 2.0; margin: .2rem 0 .4rem; padding: 0 .6rem; border-left: 3px solid #999; }
ol.questions { margin: .2rem 0 .4rem 1.2rem; padding: 0; }
ol.questions li { margin: .35rem 0 .1rem; }
p.line { margin: 0; line-height: 2.1; color: #8a8a8a; white-space: nowrap; overflow: hidden; }
.answer { margin: .15rem 0 .35rem; font-size: 10pt; }
.answer strong { color: #333; }
mark { background: none; color: inherit; padding: 0 1px; }
table { border-collapse: collapse; width: 100%%; font-size: 10pt; margin: .3rem 0; }
th, td { border: 1px solid #aaa; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
@media print {
  body { max-width: none; padding: 0; }
  section.article { break-inside: auto; }
  .excerpt, ol.questions li { break-inside: avoid; }
  section.reveal { break-before: page; }
}
"""

LINE = "_" * 80  # a writing line: underscores, which every browser and word processor shows as a rule


def render_worksheet_html(ws: Worksheet, *, css_for: dict[str, str] | None = None,
                          labels_for: dict[str, str] | None = None) -> str:
    """The student's worksheet (``ws.answer_key`` False: no marks, lines to write on, no outlet names) or
    the answer key (marks, answers, who was who)."""
    css_for = css_for or {}
    labels_for = labels_for or {}
    key = ws.answer_key
    out: list[str] = []
    w = out.append
    w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
    w("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
    w(f"<meta name=\"generator\" content=\"Slant {escape(ws.version)}\">\n")
    w(f"<title>{escape(ws.title)}: {escape(ws.story)}</title>\n<style>{CSS % {'fonts': FONT_STACK}}")
    for cat, decl in (css_for.items() if key else ()):  # the student's sheet has no marks
        w(f".hl[data-cat=\"{cat}\"], .swatch-{cat} {{ {decl} }}\n")
    w("</style>\n</head>\n<body>\n<header>\n")
    w(f"<h1>{escape(ws.title)}</h1>\n<p class=\"meta\">{escape(ws.story)} · made with Slant {escape(ws.version)} on "
      f"{escape(ws.generated)}</p>\n")
    if key:
        w("<p class=\"instructions\">For the teacher. The same excerpts as on the students' worksheet, with what "
          "Slant found marked in them, the answers, and at the end who was who.</p>\n")
    else:
        w("<p class=\"name\">Name: ______________________________ &nbsp; Class: __________ &nbsp; Date: __________</p>\n")
        w(f"<p class=\"instructions\">{escape(ws.instructions)}</p>\n")
    w("</header>\n")
    for art in ws.articles:
        w(f"<section class=\"article\">\n<h2>{escape(art.label)}</h2>\n")
        if not art.excerpts:
            w(f"<p class=\"meta\">{escape(NOTHING)}</p>\n")
        for ex in art.excerpts:
            w("<p class=\"excerpt\">")
            if ex.cut_before:
                w("… ")
            if key:
                notes = {i: (f"{m.why} ({m.rule})" if m.rule else m.why) for i, m in enumerate(ex.marks)}
                _tree_html(ex.tree, ex.text, w, notes, labels_for, lambda score: None)
            else:
                w(escape(ex.text))
            if ex.cut_after:
                w(" …")
            w("</p>\n")
        w("<ol class=\"questions\">\n")
        for q in art.questions:
            w(f"<li>{escape(q.text)}")
            if key:
                w(f"<p class=\"answer\"><strong>Answer:</strong> {escape(q.answer)}</p>")
            else:
                w("".join(f"<p class=\"line\">{LINE}</p>" for _ in range(q.lines)))
            w("</li>\n")
        w("</ol>\n</section>\n")
    if key and ws.legend:
        w("<section class=\"legend\">\n<h2>How the findings are marked</h2>\n<table>\n<tr><th>Looks like</th>"
          "<th>Means</th><th>Mark without colour</th></tr>\n")
        for cat, label, cue in ws.legend:
            w(f"<tr><td><mark class=\"hl\" data-cat=\"{escape(cat)}\">{escape(label.lower())}</mark></td>"
              f"<td>{escape(label)}</td><td>{escape(cue)}</td></tr>\n")
        w("</table>\n</section>\n")
    if key and ws.reveal:
        w("<section class=\"reveal\">\n<h2>Who was who (answer key)</h2>\n<table>\n"
          "<tr><th>Shown as</th><th>Outlet</th><th>Byline</th><th>Site</th></tr>\n")
        for row in ws.reveal:
            w("<tr>" + "".join(f"<td>{escape(c or '–')}</td>" for c in row) + "</tr>\n")
        w("</table>\n</section>\n")
    w("</body>\n</html>\n")
    return "".join(out)
