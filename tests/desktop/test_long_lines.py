"""An article on one enormous line: the pane shows it in display paragraphs (never one megabyte-long
paragraph, which Qt re-lays out as a whole and freezes on), while every highlight, selection and copy
still points at the user's unchanged text."""
from __future__ import annotations

import dataclasses
import threading

import pytest

from desktop import highlight as hl
from desktop.display_breaks import MAX_LINE, display_breaks, display_text

MB = 1_000_000


def _shifted(obj, by: int):
    """``obj`` (an analysis result) with every start/end moved ``by`` characters on."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {f.name: _shifted(getattr(obj, f.name), by) for f in dataclasses.fields(obj)
                   if f.name != "text"}
        names = {f.name for f in dataclasses.fields(obj)}
        if {"start", "end"} <= names and isinstance(obj.start, int):
            changes["start"], changes["end"] = obj.start + by, obj.end + by
        return dataclasses.replace(obj, **changes)
    if isinstance(obj, (tuple, list)):
        return type(obj)(_shifted(v, by) for v in obj)
    return obj


@pytest.fixture(scope="module")
def one_line_article(seed_texts):
    """A 1 MB article on one line: filler sentences, then a real article analysed by Slant (its findings
    sit past several hundred display breaks)."""
    import analysis

    seed = " ".join(seed_texts["001"].split())
    tail = analysis.analyze(seed)
    filler_unit = "The committee met on Tuesday and the meeting ended at noon 🙂 as planned. "
    filler = filler_unit * (MB // len(filler_unit))
    text = filler + tail.text
    assert "\n" not in text and len(text) > MB
    big = dataclasses.replace(_shifted(tail, len(filler)), text=text)
    return big, len(filler)


def test_offsets_follow_display_breaks_and_emoji(qapp):
    from PySide6.QtGui import QTextCursor, QTextDocument

    unit = "Flags 🇯🇵🇺🇸 and 👍🏽 thumbs. A family 👨‍👩‍👧 came. "
    text = "Head line\n" + unit * 300 + "\n" + "😀" * 5000 + "\nend"
    breaks = display_breaks(text)
    assert breaks, "a line over MAX_LINE characters is broken for display"
    m = hl.OffsetMap(text)
    assert m.breaks == breaks
    doc = QTextDocument()
    QTextCursor(doc).insertText(display_text(text, breaks))
    shown = doc.toPlainText()
    assert shown.replace("\n", "") == text.replace("\n", "")  # only line breaks added, nothing else
    for i in range(0, len(text) + 1):
        q = m.to_qt(i)
        assert m.to_py(q) == i
        if i < len(text):
            c = QTextCursor(doc)
            c.setPosition(q)
            c.setPosition(m.to_qt(i + 1), QTextCursor.KeepAnchor)
            selected = c.selectedText()  # Qt shows a paragraph end as U+2029
            assert selected == "\u2029" if text[i] == "\n" else selected.rstrip("\u2029") == text[i]
    starts = hl.block_starts(text, m.breaks)
    assert len(starts) == doc.blockCount()
    for n, start in enumerate(starts):
        assert doc.findBlockByNumber(n).position() == m.to_qt(start)
    assert max(b - a for a, b in zip(starts, starts[1:] + [len(text)])) <= MAX_LINE + 1  # characters
    # sentence ends are preferred; a wall of emoji is never cut inside a flag, a skin tone or a family
    line_breaks = [b for b in breaks if b < text.index("😀" * 10)]
    assert all(text[b - 2:b] == ". " for b in line_breaks)
    for b in breaks:
        assert text[b] not in ("\u200d", "\U0001f3fd") and text[b - 1] != "\u200d"


def test_a_normal_article_gets_no_display_breaks(seed_texts):
    for text in seed_texts.values():
        assert display_breaks(text) == [] and hl.OffsetMap(text).breaks == []


def test_a_1mb_single_line_article_opens_with_highlights_at_the_right_words(make_window, qtbot, tmp_path,
                                                                             one_line_article):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    big, prefix = one_line_article

    class FixedEngine:  # the analysis of this text, as the analysis server would send it
        gate = threading.Event()

        def warm(self):
            return big.analyzer_version

        def analyze(self, article):
            assert article.text == big.text
            return dataclasses.replace(big, id=article.id)

        def compare(self, analyses):
            from desktop.engine import ThreadBackend

            return ThreadBackend().compare(analyses)

        def shutdown(self):
            pass

    win = make_window(engine=FixedEngine(), cached=False, seeds=False)
    path = tmp_path / "one-line.txt"
    path.write_text(big.text, encoding="utf-8")
    ticks = [0]
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: ticks.__setitem__(0, ticks[0] + 1))
    heartbeat.start(0)
    win.open_files([str(path)])
    pane = next(iter(win.ordered_panes()))
    # the event loop keeps turning while the megabyte goes in (the text is loaded over many turns)
    qtbot.waitUntil(lambda: pane.analysis is not None and pane.is_idle(), timeout=120000)
    heartbeat.stop()
    assert ticks[0] > 10
    doc = pane.view.document()
    assert doc.blockCount() > 300
    longest = max(doc.findBlockByNumber(n).length() for n in range(doc.blockCount()))
    assert longest <= 2 * MAX_LINE + 1  # UTF-16 units: no megabyte-long paragraph for Qt to lay out

    findings = pane.findings()
    assert findings and all(f.start >= prefix for f in findings)
    for f in findings[-5:] + findings[:5]:
        pane.select_span(f)
        assert pane.view.textCursor().selectedText() == big.text[f.start:f.end]
    loaded = next(t for t in big.loaded_terms)
    assert any(s.category in hl.FINDING_CATEGORIES for s in pane.spans_at(loaded.start))
    # clicking on the word's place maps back to it
    c = pane.view.textCursor()
    c.setPosition(pane.view.offsets.to_qt(loaded.start))
    assert pane.view.offsets.to_py(c.position()) == loaded.start
    # copying across display breaks gives the user's text, without the added breaks
    start = prefix - 3000
    pane.select_range(start, prefix + 200)
    pane.view.copy()
    assert QApplication.clipboard().text() == big.text[start:prefix + 200]
    # find marks the words where they are
    hits = pane.find(loaded.text)
    assert loaded.start in hits


def test_an_11mb_article_is_refused_in_the_window_with_the_reason(make_window, tmp_path):
    win = make_window(cached=False, seeds=False)
    big = tmp_path / "big.txt"
    big.write_text("The council met on Tuesday and agreed the budget.\n" * (11 * MB // 50 + 1), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("The council met on Tuesday and agreed the budget.\n", encoding="utf-8")
    added, errors = win.open_files([str(big), str(small)])
    assert [e.article.path for e in added] == [str(small)]  # the other file of the batch still opens
    assert errors and errors[0].startswith("big.txt holds 11.0 MB of text; Slant analyses articles of up to 10 MB")
    shown = win.message_bar.label.text()
    assert "big.txt holds 11.0 MB of text" in shown and "Split it into parts of at most 10 MB" in shown
