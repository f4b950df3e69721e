"""The Glossary window: every highlight and number in plain words, for students.

Opened from Help > Glossary, from the "What is this?" link of every highlight in the detail panel,
from the "?" beside each legend row (or its context menu) and from the "?" links of the dashboard::

    open_glossary(window, "hedge")     # one Glossary per main window, raised and scrolled to the entry

The text is ``analysis.glossary.to_html`` (the same HTML the PDF and the HTML export print); the
index on the left lists the entries by group, the search field filters it. Print…, Save as PDF… and
Save as HTML… use ``desktop.glossary_print``.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from analysis import glossary

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def entry_id_for(target: str) -> str:
    """An entry id from an id, a key ("category:hedge") or a link ("glossary:hedge"); "" when unknown."""
    if target.startswith(glossary.LINK_SCHEME):
        target = target[len(glossary.LINK_SCHEME):]
    if ":" in target:
        e = glossary.entry_for(target)
        return e.id if e else ""
    return target if any(e.id == target for e in glossary.entries()) else ""


class GlossaryDialog(QDialog):
    """A non-modal window: index and search on the left, the glossary text on the right."""

    entryShown = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("glossaryDialog")
        self.setWindowTitle("Glossary: what the highlights and numbers mean")
        self.setModal(False)
        self.current_entry = ""
        outer = QVBoxLayout(self)
        split = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(split, 1)

        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("glossarySearch")
        self.search.setPlaceholderText("Search the glossary…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._open_first_match)
        sl.addWidget(self.search)
        self.index = QListWidget()
        self.index.setObjectName("glossaryIndex")
        self.index.setWordWrap(True)  # long titles wrap instead of being cut
        self.index.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.index.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.index.itemActivated.connect(self._on_item)
        self.index.itemClicked.connect(self._on_item)
        sl.addWidget(self.index, 1)
        split.addWidget(side)

        self.text = QTextBrowser()
        self.text.setObjectName("glossaryText")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._on_anchor)
        self.text.document().setDocumentMargin(12)
        self._dark: bool | None = None
        self._apply_palette()
        split.addWidget(self.text)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 650])

        buttons = QHBoxLayout()
        for name, label, slot in (("glossaryPrint", "&Print…", self.print_glossary),
                                  ("glossaryPdf", "Save as P&DF…", lambda: self.save_as("pdf")),
                                  ("glossaryHtml", "Save as &HTML…", lambda: self.save_as("html"))):
            b = QPushButton(label)
            b.setObjectName(name)
            b.setAutoDefault(False)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        outer.addLayout(buttons)

        self._fill_index()
        for seq, step in ((QKeySequence.StandardKey.ZoomIn, 1), ("Ctrl+=", 1), (QKeySequence.StandardKey.ZoomOut, -1)):
            QShortcut(QKeySequence(seq), self, lambda s=step: self.text.zoomIn(s))
        self.resize(940, 660)

    def _apply_palette(self) -> None:
        """The text, with its greys readable on the current (light or dark) background."""
        dark = self.text.palette().color(QPalette.ColorRole.Base).lightness() < 128
        if dark == self._dark:
            return
        self._dark = dark
        self.text.document().setDefaultStyleSheet(glossary.css(dark))
        self.text.setHtml(glossary.to_html(standalone=False))
        if self.current_entry:
            self.text.scrollToAnchor(self.current_entry)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_palette()
        super().changeEvent(event)

    # ---------------------------------------------------------------------------------------- index

    def _fill_index(self) -> None:
        self.index.clear()
        for group, items in glossary.groups():
            head = QListWidgetItem(group)
            head.setFlags(Qt.ItemFlag.NoItemFlags)
            f = head.font()
            f.setBold(True)
            head.setFont(f)
            self.index.addItem(head)
            for e in items:
                it = QListWidgetItem("   " + e.title)
                it.setData(ENTRY_ROLE, e.id)
                it.setToolTip(e.short)
                self.index.addItem(it)

    def _items(self) -> list[QListWidgetItem]:
        return [self.index.item(i) for i in range(self.index.count())]

    def _filter(self, needle: str) -> None:
        """Show the entries whose text contains every word typed (and their group headings)."""
        words = needle.lower().split()
        visible_groups = set()
        for it in self._items():
            eid = it.data(ENTRY_ROLE)
            if not eid:
                continue
            e = glossary.entry(eid)
            hay = " ".join((e.title, e.short, e.plain, e.example, e.why, e.fine, e.how, e.measures, e.limits)).lower()
            hide = bool(words) and not all(w in hay for w in words)
            it.setHidden(hide)
            if not hide:
                visible_groups.add(e.group)
        for it in self._items():
            if not it.data(ENTRY_ROLE):
                it.setHidden(it.text() not in visible_groups)

    def _open_first_match(self) -> None:
        for it in self._items():
            if it.data(ENTRY_ROLE) and not it.isHidden():
                self.show_entry(it.data(ENTRY_ROLE))
                return

    def _on_item(self, item: QListWidgetItem) -> None:
        eid = item.data(ENTRY_ROLE)
        if eid:
            self.show_entry(eid)

    def _on_anchor(self, url: QUrl) -> None:
        target = url.fragment() or url.toString()
        eid = entry_id_for(target)
        if eid:
            self.show_entry(eid)

    # ----------------------------------------------------------------------------------- public API

    def show_entry(self, target: str) -> bool:
        """Scroll to an entry (id, key or "glossary:" link) and select it in the index; False if unknown."""
        eid = entry_id_for(target)
        if not eid:
            return False
        self.current_entry = eid
        self._room_below()
        self.text.scrollToAnchor(eid)
        for it in self._items():
            if it.data(ENTRY_ROLE) == eid:
                self.index.setCurrentItem(it)
                self.index.scrollToItem(it)
                break
        self.entryShown.emit(eid)
        return True

    def top_entry(self) -> str:
        """The id of the entry whose heading is nearest the top of the visible text (for tests)."""
        bar = self.text.verticalScrollBar().value()
        doc = self.text.document()
        best = ""
        block = doc.begin()
        while block.isValid():
            names = [n for f in block.textFormats() for n in f.format.toCharFormat().anchorNames()]
            if names:
                y = doc.documentLayout().blockBoundingRect(block).top()
                if y <= bar + 4:
                    best = names[0]
                else:
                    break
            block = block.next()
        return best

    def _room_below(self) -> None:
        """Space after the last entry, so that even the last one can be scrolled to the top."""
        root = self.text.document().rootFrame()
        fmt = root.frameFormat()
        room = max(0, self.text.viewport().height() - 40)
        if abs(fmt.bottomMargin() - room) > 1:
            fmt.setBottomMargin(room)
            root.setFrameFormat(fmt)

    def print_glossary(self) -> None:
        from desktop.glossary_print import print_glossary

        try:
            print_glossary(self)
        except Exception as exc:  # noqa: BLE001 - a printer problem is a message, not a crash
            QMessageBox.warning(self, "Glossary", f"Printing failed: {exc}")

    def save_as(self, fmt: str, path: str | None = None) -> str | None:
        """Save the glossary as PDF or HTML (asks for a file name unless ``path`` is given)."""
        from analysis.export.target import ExportTargetError
        from desktop.glossary_print import export_glossary

        if path is None:
            filt = "PDF (*.pdf)" if fmt == "pdf" else "Web page (*.html *.htm)"
            path, _ = QFileDialog.getSaveFileName(self, "Save the glossary", f"slant-glossary.{fmt}", filt)
            if not path:
                return None
        try:
            return str(export_glossary(path, fmt))
        except (ExportTargetError, OSError) as exc:
            QMessageBox.warning(self, "Glossary", f"The glossary was not saved: {exc}")
            return None


def open_glossary(owner: Any, target: str = "") -> GlossaryDialog:
    """The owner's one Glossary window, shown, raised and (when ``target`` names one) at that entry."""
    dlg = getattr(owner, "_glossary_dialog", None)
    if dlg is None:
        dlg = GlossaryDialog(owner if isinstance(owner, QWidget) else None)
        owner._glossary_dialog = dlg
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    if target:
        dlg.show_entry(target)
    return dlg
