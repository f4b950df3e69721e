"""Spot the slant: how marks look (neutral, found, extra, dismissed) and the panel under the panes with the
score and every found / missed / extra item."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from analysis import lesson as ls

from .. import highlight as hl

# Marks and states: neutral before Reveal, then found (a green frame: Okabe-Ito bluish green), extra (dashed
# grey), dismissed (greyed). Each has a non-colour cue too (underline style, weight, italics).
FOUND_COLOUR = "#009E73"
STYLES: dict[str, dict[str, Any]] = {
    "mark": {"bg": ("#DCE3EC", "#3A4352"), "line": ("#44546A", "#B8C4D6"), "under": "solid"},
    "found": {"bg": ("#D2F0E6", "#1F4A3D"), "line": (FOUND_COLOUR, "#4FD1A8"), "under": "solid", "frame": True,
              "bold": True},
    "extra": {"bg": ("#EDEDED", "#3A3A3C"), "line": ("#6E6E6E", "#B0B0B0"), "under": "dash"},
    "dismissed": {"bg": ("#EFEFEF", "#2C2C2E"), "fg": ("#8C8C8C", "#8C8C8C"), "line": ("#A0A0A0", "#707070"),
                  "under": "dot", "italic": True},
}


def mark_format(state: str, dark: bool = False) -> QTextCharFormat:
    st = STYLES[state]
    fmt = QTextCharFormat()
    bg = st["bg"][1 if dark else 0]
    if bg:
        fmt.setBackground(QColor(bg))
    if "fg" in st:
        fmt.setForeground(QColor(st["fg"][1 if dark else 0]))
    fmt.setUnderlineStyle(QTextCharFormat.DashUnderline if st["under"] == "dash" else
                          QTextCharFormat.DotLine if st["under"] == "dot" else QTextCharFormat.SingleUnderline)
    fmt.setUnderlineColor(QColor(st["line"][1 if dark else 0]))
    if st.get("frame"):
        fmt.setFontOverline(True)  # overline + underline: the window's frame (as for boxed categories)
    if st.get("bold"):
        fmt.setFontWeight(QFont.Bold)
    if st.get("italic"):
        fmt.setFontItalic(True)
    return fmt


def _q(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= limit else text[:limit - 1] + "…") + "”"


class ExercisePanel(QFrame):
    """Under the panes while the exercise runs: what to do, the score, and every found / missed / extra item."""

    itemChosen = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exercisePanel")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 6, 8, 6)
        self.score = QLabel()
        self.score.setObjectName("exerciseScore")
        self.score.setWordWrap(True)
        self.score.setTextFormat(Qt.RichText)
        lay.addWidget(self.score)
        self.items = QListWidget()
        self.items.setObjectName("exerciseItems")
        self.items.itemActivated.connect(self._chosen)
        self.items.itemClicked.connect(self._chosen)
        lay.addWidget(self.items, 1)
        row = QHBoxLayout()
        self.accept_button = QPushButton("Accept as a good catch…")
        self.accept_button.setObjectName("exerciseAccept")
        self.dismiss_button = QPushButton("Dismiss finding…")
        self.dismiss_button.setObjectName("exerciseDismiss")
        row.addWidget(self.accept_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        lay.addLayout(row)

    def _chosen(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.UserRole)
        if isinstance(data, dict):
            self.itemChosen.emit(data)

    def chosen(self) -> dict | None:
        item = self.items.currentItem()
        data = item.data(Qt.UserRole) if item is not None else None
        return data if isinstance(data, dict) else None


def fill_panel(ex: Any) -> None:
    """The panel for the exercise's state: what to do before Reveal, then the score and every item."""
    p = ex.panel
    p.items.clear()
    if not ex.revealed or ex.round is None:
        n = len(ex.lesson.marks)
        cats = ", ".join(hl.style(c).label.lower() for c in ex.lesson.reveal if c in hl.load_styles())
        p.score.setText(f"<b>Spot the slant.</b> Select words in an article and mark the loaded words and the "
                        f"unnamed sources. {n} mark{'s' if n != 1 else ''} so far. Reveal (F8) will show: "
                        f"{html.escape(cats)}.")
        return
    r = ex.round
    extras = [m for a in r.articles for m in a.extra]
    head = html.escape(r.summary())
    if extras:
        head += ": " + html.escape(", ".join(_q(m.text, 30) for m in extras[:8])) + ("…" if len(extras) > 8 else "")
    share = f" ({r.share:.0%})" if r.share is not None and r.found + r.missed >= 5 else ""
    dismissed = len(ex.lesson.dismissed)
    tail = (f"<br>{dismissed} finding{'s' if dismissed != 1 else ''} dismissed by the teacher for this lesson."
            if dismissed else "")
    p.score.setText(f"<b>{head}</b>{share}. Extra marks are listed, not subtracted. Click an item to see why."
                    + tail)
    labels = ex._labels()

    def add(state: str, aid: str, start: int, end: int, text: str, extra: dict) -> None:
        key, outlet = labels.get(aid, (None, "?"))
        sign = {"found": "✓ found", "missed": "✗ missed", "extra": "+ extra", "dismissed": "– dismissed"}[state]
        item = QListWidgetItem(f"{sign} · {outlet} · {_q(text)}" + (f" — {extra['label']}" if extra.get("label")
                                                                  else ""))
        item.setData(Qt.UserRole, {"state": state, "key": key, "article": aid, "start": start, "end": end,
                                   "text": text, **extra})
        p.items.addItem(item)

    for a in r.articles:
        for f in a.found:
            add("found", f.article_id, f.start, f.end, f.text, {"category": f.category, "rule": f.rule,
                                                                 "label": hl.style(f.category).label})
        for f in a.missed:
            add("missed", f.article_id, f.start, f.end, f.text, {"category": f.category, "rule": f.rule,
                                                                  "label": hl.style(f.category).label})
        for m in a.extra:
            add("extra", m.article_id, m.start, m.end, m.text, {"kind": m.kind,
                                                                 "label": f"marked as {ls.MARK_LABELS[m.kind]}"})
    for d in ex.lesson.dismissed:
        p.items.addItem(QListWidgetItem(f"– dismissed · {_q(d.text or d.rule)} — {d.note}"))

def explain(ex: Any, data: dict) -> None:
    """An item of the panel: select its words and explain them in the detail panel."""
    w, key = ex.w, data.get("key")
    pane = w.panes.get(key) if key else None
    if pane is None:
        return
    pane.select_range(data["start"], data["end"])
    if data["state"] in ("found", "missed"):
        span = next((s for s in pane.all_findings() if s.start == data["start"] and s.end == data["end"]
                     and s.category == data["category"]), None)
        if span is not None:
            w.show_span(key, span)
            return
    w.detail.show_html(f"<p><b>{html.escape(_q(data['text']))}</b> was marked as "
                       f"{html.escape(ls.MARK_LABELS.get(data.get('kind', ''), 'slanted'))}, but the analysis "
                       "found no finding of the revealed kinds here. The teacher can accept it as a good catch "
                       "(with a reason): it then counts as a loaded word in this lesson.</p>")
