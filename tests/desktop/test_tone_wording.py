"""The window and the sheets use the same words for the two ends of the tone scale (one shared place,
analysis.measures.tone.TONE_WORDS): a teacher comparing the dashboard with a printed sheet reads the same."""
from __future__ import annotations

import re

from helpers import settle

from analysis.measures.tone import TONE_WORDS

OTHER_WORDINGS = ("friendly", "hostile", "favourable", "unfavourable")


def _tone_texts_in_window(win):
    from PySide6.QtWidgets import QLabel, QWidget

    texts = []
    for w in win.findChildren(QWidget):
        for t in (w.toolTip(), w.text() if isinstance(w, QLabel) else ""):
            if t and "tone" in t.lower() or any(f" {word}" in (t or "") for word in TONE_WORDS.values()):
                texts.append(t)
    return texts


def test_window_and_sheets_name_the_ends_of_the_tone_scale_alike(make_window, qtbot, tmp_path):
    from pypdf import PdfReader

    from desktop import charts
    from desktop.exporting import ExportOptions, export

    win = make_window()
    settle(qtbot, win)
    win.ensure_dashboard()
    window_texts = " ".join(_tone_texts_in_window(win)).lower()
    assert TONE_WORDS["up"] in window_texts and TONE_WORDS["down"] in window_texts
    assert charts.tone_mood(0.6) == TONE_WORDS["up"] and charts.tone_mood(-0.6) == TONE_WORDS["down"]

    analyses = [e.analysis for e in win.model.compared()]
    html_path, pdf_path = tmp_path / "s.html", tmp_path / "s.pdf"
    options = ExportOptions(include_texts=False)
    export("html", html_path, analyses, win.comparison, options)
    export("pdf", pdf_path, analyses, win.comparison, options)
    html = html_path.read_text(encoding="utf-8")
    pdf = " ".join(" ".join(p.extract_text() for p in PdfReader(str(pdf_path)).pages).split())
    # the tone strips' scale labels and their explanation, in both sheets
    labels = re.findall(r"<text [^>]*fill=\"#5c5c5c\">(\w+)</text>", html)
    assert TONE_WORDS["up"] in labels and TONE_WORDS["down"] in labels
    for sheet in (html, pdf):
        explained = re.search(r"up for (\w+) wording, down for (\w+)", sheet)
        assert explained and explained.groups() == (TONE_WORDS["up"], TONE_WORDS["down"])
        glossary = re.search(r"Tone\W+How (\w+) or (\w+)", re.sub(r"<[^>]+>", " ", sheet))
        assert glossary and set(glossary.groups()) == {TONE_WORDS["up"], TONE_WORDS["down"]}
    for other in OTHER_WORDINGS:
        assert other not in window_texts
        assert f">{other}<" not in html and f"for {other} wording" not in pdf
