"""View > Blind outlets: every part of the window calls the outlets Outlet A, B, ... and hides who they are."""
from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTextEdit

from analysis.export.blind import identity_lines, name_variants


def _identity(article) -> list[str]:
    return name_variants(article.outlet) + name_variants(article.byline)


def _widget_text(root) -> str:
    """Everything a widget tree shows as text: labels, text views, every cell and header of item views."""
    parts = []
    for w in [root, *root.findChildren(QLabel), *root.findChildren(QTextEdit), *root.findChildren(QAbstractItemView)]:
        if isinstance(w, QLabel):
            parts.append(w.text())
        elif isinstance(w, QTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(m.rowCount()):
                for c in range(m.columnCount()):
                    parts.append(str(m.index(r, c).data() or ""))
                    parts.append(str(m.index(r, c).data(3) or ""))  # tooltip
            for c in range(m.columnCount()):
                parts.append(str(m.headerData(c, 1) or ""))
    return "\n".join(parts)


def _hidden_terms(entries) -> list[str]:
    """Each article's identity terms that no other article cites (those must appear nowhere)."""
    out = []
    for e in entries:
        others = " ".join(o.article.text for o in entries if o is not e)
        out += [t for t in _identity(e.article)
                if not re.search(rf"(?<!\w){re.escape(t)}(?!\w)", others, re.I)]
    return out


def test_blind_outlets_hides_every_outlet_in_panes_library_detail_and_dashboard(seeds_window, qtbot):
    win = seeds_window
    entries = win.model.entries()
    act = win.actions_by_name["blind"]
    assert act.isCheckable() and not act.isChecked() and not win.actions_by_name["reveal"].isEnabled()
    act.setChecked(True)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    assert win.actions_by_name["reveal"].isEnabled()

    letters = {e.key: f"Outlet {chr(65 + i)}" for i, e in enumerate(entries)}
    for pane in win.ordered_panes():
        real = win.model.entry(pane.key).article
        assert pane.header.outlet.text() == letters[pane.key]
        text = pane.view.toPlainText()
        assert identity_lines(text, _identity(real)) == [], real.outlet
        assert identity_lines(_widget_text(pane.header), _identity(real)) == [], real.outlet
        for s in pane.findings():  # the highlights point at the same words in the blinded text
            assert pane.analysis.text[s.start:s.end] == text[s.start:s.end] or "\u2029" in text[s.start:s.end]
    shown = [win.model.index(r).data() for r in range(win.model.rowCount())]
    assert shown == [letters[e.key] for e in entries]

    hidden = _hidden_terms(entries)
    assert "Breitbart" in hidden and "Frances Martel" in hidden and "Reuters" in hidden
    assert win.select_first("loaded_term")
    detail = win.detail.toPlainText()
    assert "Outlet" in detail
    assert identity_lines(detail, hidden) == []

    win.show_dashboard()
    qtbot.waitUntil(lambda: win.dashboard is not None and "Outlet A" in _widget_text(win.dashboard), timeout=30000)
    dash = _widget_text(win.dashboard)
    assert identity_lines(dash, hidden) == []
    assert "Kyodo" in dash or "Kyodo" in " ".join(p.view.toPlainText() for p in win.ordered_panes())

    # the reveal, in the window only
    rows = win.blinding.reveal_rows()
    assert ("Outlet B", "Breitbart News", "Frances Martel", "") in rows
    assert "Breitbart News" in win.blinding.reveal_html()

    # exports made from the window while blind use the same letters
    from desktop.export_dialog import ExportDialog

    dlg = ExportDialog(win.analysis.compared_analyses(), win.comparison, parent=win, blind=win.blinding.on,
                       labels=win.blinding.id_labels())
    qtbot.addWidget(dlg)
    opts = dlg.options()
    assert opts.blind and dict(opts.labels)["001"] == "Outlet B" and not opts.answer_key

    act.setChecked(False)
    qtbot.waitUntil(win.highlighting_done, timeout=30000)
    assert [p.header.outlet.text() for p in win.ordered_panes()][1] == "Breitbart News"
    assert "Follow Frances Martel" in win.ordered_panes()[1].view.toPlainText()
