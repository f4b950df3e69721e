"""A PDF of an article in scripts the installed fonts lack (Devanagari, Thai) does not flood stderr with
Qt's font warnings: they come out as one line, while any other Qt message still gets through."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r'''
import sys
from PySide6.QtCore import qWarning
from analysis import analyze, compare
from desktop import export_pdf
from desktop.exporting import ExportOptions, export

build = export_pdf.SheetDocument.build


def build_and_warn(self):
    qWarning("a real problem that must be seen")  # a message of another kind, during the export
    return build(self)


export_pdf.SheetDocument.build = build_and_warn

text = ("नई दिल्ली में प्रधानमंत्री ने कहा कि वार्ता जारी रहेगी। " * 10 + "\n"
        + "นายกรัฐมนตรีกล่าวว่าการเจรจาจะดำเนินต่อไป " * 10 + "\nOfficials said the talks would go on.")
a = analyze(text, outlet="Script Times", id="a")
b = analyze("The minister said the talks went well.", outlet="Beta", id="b")
export("pdf", sys.argv[1], [a, b], compare([a, b]), ExportOptions())
'''


def test_font_warnings_are_collapsed_into_one_line_and_real_ones_pass(tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.pdf")], capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [line for line in out.stderr.splitlines() if line.strip()]
    assert "a real problem that must be seen" in out.stderr
    font_lines = [line for line in lines if "font" in line.lower()]
    assert len(font_lines) <= 1, font_lines[:5]
    assert len(lines) <= 3, lines[:10]
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
