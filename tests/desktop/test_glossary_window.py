"""The students' glossary in the window: reached from every highlight's detail, the legend, the dashboard and
Help > Glossary, opened at the right entry; printable as PDF and HTML (from the window and `slant glossary`).

Set SLANT_UPDATE_SCREENSHOTS=1 to rewrite resources/screenshots/glossary.png."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QMenu, QTextBrowser

from analysis import glossary
from desktop import highlight as hl
from desktop.panes.detail_panel import Other, describe_span, span_glossary_key
from helpers import span_point

pypdf = pytest.importorskip("pypdf")
ROOT = Path(__file__).resolve().parents[2]


def anchor_point(browser: QTextBrowser, href: str) -> QPoint:
    """Where the link ``href`` is drawn in ``browser``'s viewport (scrolled into view first)."""
    doc = browser.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            if frag.charFormat().anchorHref() == href:
                from PySide6.QtGui import QTextCursor

                cur = QTextCursor(doc)
                cur.setPosition(frag.position() + min(1, frag.length() - 1))
                browser.setTextCursor(cur)
                browser.ensureCursorVisible()
                return browser.cursorRect(cur).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href} in the panel")


def glossary_links(browser: QTextBrowser) -> list[str]:
    out, block = [], browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            h = it.fragment().charFormat().anchorHref()
            if h.startswith(glossary.LINK_SCHEME):
                out.append(h)
            it += 1
        block = block.next()
    return out


def first_span(win, pred):
    for pane in win.ordered_panes():
        for s in hl.spans(pane.analysis):
            if pred(s):
                return pane, s
    raise AssertionError("no such highlight in the demo")


CASES = (  # a highlight of the demo, and the entry its "What is this?" opens
    (lambda s: s.category == hl.CUE_CHARGED and s.payload.cue_class == "doubt", "claimed_vs_said"),
    (lambda s: s.category == hl.HEDGE, "hedge"),
    (lambda s: s.category == hl.SOURCE_ANONYMOUS, "unnamed_source"),
    (lambda s: s.category == hl.CUE_NEUTRAL and s.payload.cue_class == "state_of_mind", "state_of_mind"),
    (lambda s: s.category == hl.LOADED, "loaded_word"),
)


def test_what_is_this_in_a_highlights_detail_opens_the_glossary_there(seeds_window, qtbot):
    win = seeds_window
    for pred, expected in CASES:
        pane, span = first_span(win, pred)
        with qtbot.waitSignal(win.spanShown, timeout=5000):
            qtbot.mouseClick(pane.view.viewport(), Qt.LeftButton, pos=span_point(pane, span.start, span.end))
        href = f"glossary:{expected}"
        assert href in glossary_links(win.detail), expected
        pos = anchor_point(win.detail, href)
        with qtbot.waitSignal(win.detail.glossaryRequested, timeout=3000) as sig:
            qtbot.mouseClick(win.detail.viewport(), Qt.LeftButton, pos=pos)
        assert sig.args == [expected]
        dlg = win._glossary_dialog
        qtbot.waitUntil(dlg.isVisible, timeout=3000)
        assert dlg.current_entry == expected
        assert dlg.top_entry() == expected  # scrolled so that the entry's heading is at the top
        assert dlg.index.currentItem().text().strip() == glossary.entry(expected).title

    # a sentence's detail links to tone and to its kind
    pane = win.ordered_panes()[0]
    i = next(n for n, s in enumerate(pane.analysis.sentences) if s.kind == "speech")
    pane.select_range(0, 0)  # a click on plain text: no highlight selected
    win.on_sentence(pane.key, i)
    links = glossary_links(win.detail)
    assert "glossary:tone" in links and "glossary:kind_speech" in links

    # "The story at a glance" links each measure it ranks
    win.show_overview()
    links = glossary_links(win.detail)
    assert {"glossary:loaded_word", "glossary:unnamed_source", "glossary:hedge"} <= set(links)

    # every finding of the demo carries a link to an existing entry
    arts = [p.analysis for p in win.ordered_panes()]
    seen = set()
    for a in arts:
        for s in hl.spans(a):
            if s.category not in hl.FINDING_CATEGORIES:
                continue
            html = describe_span(a.id, a.id, a, s, [Other(b.id, b.id, b) for b in arts if b is not a][:1], None)
            entry = glossary.entry_for(span_glossary_key(s))
            assert entry is not None, span_glossary_key(s)
            assert f"href='glossary:{entry.id}'>What is this?</a>" in html
            seen.add(s.category)
    assert len(seen) >= 7  # the demo has nearly every kind
    for category in hl.FINDING_CATEGORIES:  # and the kinds it lacks have entries too
        assert glossary.entry_for(f"category:{category}") is not None, category


def test_legend_rows_and_the_help_menu_open_the_glossary(seeds_window, qtbot, tmp_path):
    win = seeds_window
    legend = win.legend
    assert set(legend.help_links) == set(hl.load_styles())  # every row has its "?"
    for key in (hl.LOADED, hl.SOURCE_VAGUE, hl.TONE, hl.BOILERPLATE):
        q = legend.help_links[key]
        assert q.isVisible()
        with qtbot.waitSignal(legend.glossaryRequested, timeout=3000):
            qtbot.mouseClick(q, Qt.LeftButton, pos=q.rect().center())
        assert win._glossary_dialog.current_entry == glossary.entry_for(f"category:{key}").id
    # the row's context menu says the same
    box = legend.boxes[hl.HEDGE]
    box.customContextMenuRequested.emit(QPoint(4, 4))
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    with qtbot.waitSignal(legend.glossaryRequested, timeout=3000) as sig:
        menu.actions()[0].trigger()
    menu.close()
    assert sig.args == ["hedge"] and win._glossary_dialog.current_entry == "hedge"
    _help_menu_search_and_save_as_pdf(win, qtbot, tmp_path)


def test_dashboard_links_open_their_entries(seeds_window, qtbot):
    win = seeds_window
    win.show_dashboard()
    dash = win.dashboard
    qtbot.waitUntil(lambda: not dash.is_empty(), timeout=10000)
    dash.show_section("glance")
    for name, expected in (("chartHelp_unnamed_source_share", "unnamed_source"),
                           ("chartHelp_tone_mean", "tone"), ("sectionHelp_glance", "median_outlier")):
        q = dash.help_links[name]
        qtbot.waitUntil(q.isVisible, timeout=3000)
        with qtbot.waitSignal(dash.glossaryRequested, timeout=3000):
            qtbot.mouseClick(q, Qt.LeftButton, pos=q.rect().center())
        assert win._glossary_dialog.current_entry == expected, name
    dash.show_section("naming")
    q = dash.help_links["sectionHelp_naming"]
    qtbot.waitUntil(q.isVisible, timeout=3000)
    qtbot.mouseClick(q, Qt.LeftButton, pos=q.rect().center())
    assert win._glossary_dialog.current_entry == "naming"
    # "All the numbers": a measure's context menu
    dash.show_section("numbers")
    view = dash.metrics_view
    row = dash.metrics_model.metric_row("gunning_fog")
    view.customContextMenuRequested.emit(view.visualRect(dash.metrics_model.index(row, 0)).center())
    menu = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMenu) and w.isVisible())
    menu.actions()[0].trigger()
    menu.close()
    assert win._glossary_dialog.current_entry == "fog_index"
    # every chart and every tab has its link
    assert {f"chartHelp_{m}" for m in dash.bar_charts} <= set(dash.help_links)
    from desktop.dashboard import SECTIONS

    for s in SECTIONS:  # a new tab without a glossary entry fails here
        assert glossary.entry_for(f"section:{s}") is not None, s
        assert dash.help_links[f"sectionHelp_{s}"].text(), s


def _help_menu_search_and_save_as_pdf(win, qtbot, tmp_path):
    win.actions_by_name["glossary"].trigger()
    dlg = win._glossary_dialog
    qtbot.waitUntil(dlg.isVisible, timeout=3000)
    qtbot.keyClicks(dlg.search, "whistle")
    shown = [dlg.index.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(dlg.index.count())
             if not dlg.index.item(i).isHidden() and dlg.index.item(i).data(Qt.ItemDataRole.UserRole + 1)]
    assert shown == ["unnamed_source"]
    qtbot.keyClick(dlg.search, Qt.Key_Return)
    assert dlg.current_entry == "unnamed_source"
    out = dlg.save_as("pdf", str(tmp_path / "glossary.pdf"))
    assert out and pypdf.PdfReader(out).pages
    if os.environ.get("SLANT_UPDATE_SCREENSHOTS"):
        dlg.search.clear()
        dlg.resize(1100, 720)
        dlg.show_entry("claimed_vs_said")
        qtbot.wait(50)  # let the resize lay the text out before grabbing (screenshot only)
        dlg.show_entry("claimed_vs_said")
        assert dlg.grab().save(str(ROOT / "resources" / "screenshots" / "glossary.png"))


def _pdf_text(path) -> str:
    # Qt's PDF text comes back with tabs and line breaks between words: compare without white space
    return "".join("".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages).split())


def test_glossary_pdf_and_html_from_the_command_line(qapp, tmp_path, capsys):
    from desktop.cli import main

    pdf = tmp_path / "glossary.pdf"
    assert main(["glossary", "-o", str(pdf)]) == 0
    reader = pypdf.PdfReader(str(pdf))
    assert len(reader.pages) >= 5
    text = _pdf_text(pdf)
    for e in glossary.entries():
        assert "".join(e.title.split()) in text, e.title
    assert "whistle-blower" in text and "toodifferentlyinwards" not in text
    # File > Print's path: the same pages on a printer (here one that prints to a PDF file)
    from PySide6.QtPrintSupport import QPrinter

    from desktop.glossary_print import print_to

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_to(printer)
    assert "Slantedreportingverb" in _pdf_text(tmp_path / "printed.pdf")
    html = tmp_path / "glossary.html"
    assert main(["glossary", "-o", str(html)]) == 0
    page = html.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and all(f'name="{e.id}"' in page for e in glossary.entries())
    # the export target checks of `slant export`: a folder, a device and an unknown kind are refused
    capsys.readouterr()
    (tmp_path / "out.pdf").mkdir()
    assert main(["glossary", "-o", str(tmp_path / "out.pdf")]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert (tmp_path / "out.pdf").is_dir()
    assert main(["glossary", "-o", "/dev/null", "--format", "pdf"]) == 2
    assert main(["glossary", "-o", str(tmp_path / "g.txt")]) == 2
    assert not (tmp_path / "g.txt").exists()
