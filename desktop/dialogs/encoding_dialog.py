"""Reopen with encoding…: read an article's file again with the encoding the user picks, with a preview."""
from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from analysis.decoding import SourceError, check_encoding, encoding_label

from .buttons import ok_cancel

# (codec, what to call it): the encodings news texts are found in, most common first
CHOICES = (
    ("utf-8", "UTF-8"), ("cp1252", "Windows-1252 (Western European)"), ("latin-1", "Latin-1 (ISO-8859-1)"),
    ("iso8859-15", "Latin-9 (ISO-8859-15)"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16 LE (no mark)"),
    ("utf-16-be", "UTF-16 BE (no mark)"), ("utf-32", "UTF-32"), ("cp932", "Shift-JIS (Japanese, Windows)"),
    ("euc_jp", "EUC-JP (Japanese)"), ("gb18030", "GB18030 (Chinese, simplified)"), ("big5", "Big5 (Chinese, traditional)"),
    ("euc_kr", "EUC-KR (Korean)"), ("cp1251", "Windows-1251 (Cyrillic)"), ("koi8_r", "KOI8-R (Russian)"),
    ("cp1250", "Windows-1250 (Central European)"), ("cp1253", "Windows-1253 (Greek)"), ("cp1254", "Windows-1254 (Turkish)"),
    ("cp1256", "Windows-1256 (Arabic)"), ("mac_roman", "Mac Roman"),
)
PREVIEW_BYTES = 4000


class EncodingDialog(QDialog):
    """``data``: the file's first bytes (for the preview); ``current``: the codec used now."""

    def __init__(self, name: str, data: bytes, current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Reopen with encoding")
        self.setObjectName("encodingDialog")
        self.resize(620, 420)
        self.data = data[:PREVIEW_BYTES]
        lay = QVBoxLayout(self)
        info = QLabel(f"{name} was read as {encoding_label(current)}. If letters look wrong, pick the encoding "
                      "the file was saved in; the preview shows its start. The file itself is not changed.")
        info.setWordWrap(True)
        lay.addWidget(info)
        form = QFormLayout()
        self.combo = QComboBox()
        self.combo.setObjectName("encodingCombo")
        self.combo.setEditable(True)  # any codec Python knows can be typed
        for codec, label in CHOICES:
            self.combo.addItem(label, codec)
        form.addRow("&Encoding:", self.combo)
        lay.addLayout(form)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("encodingPreview")
        self.preview.setReadOnly(True)
        lay.addWidget(self.preview, 1)
        self.buttons = ok_cancel(self, "Reopen")
        lay.addWidget(self.buttons)
        self.combo.currentTextChanged.connect(self._update)
        start = next((i for i, (codec, _l) in enumerate(CHOICES) if codec != current), 0)
        self.combo.setCurrentIndex(start)
        self._update()

    def encoding(self) -> str:
        i = self.combo.currentIndex()
        if i >= 0 and self.combo.itemText(i) == self.combo.currentText():
            return self.combo.itemData(i)
        return self.combo.currentText().strip()

    def _update(self) -> None:
        ok = True
        try:
            enc = check_encoding(self.encoding())
            text = self.data.decode(enc, errors="replace")
        except (SourceError, LookupError) as exc:
            text, ok = str(exc), False
        self.preview.setPlainText(text)
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(ok)
