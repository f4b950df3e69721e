"""Export from the app: the dialog runs the export on a worker with progress and cancel; printing; Unicode."""
from __future__ import annotations

import threading
import unicodedata

import pytest

pypdf = pytest.importorskip("pypdf")

UNICODE_TEXT = (
    "Kishida met Zelensky in Kyiv.\n"
    "日本の岸田文雄首相は北大西洋条約機構（NATO）の首脳会議に出席する。\n"
    "Премьер-министр Японии Фумио Кисида примет участие в саммите НАТО.\n"
    "ראש ממשלת יפן ישתתף בפסגת נאט\"ו.\n"
    "سيحضر رئيس وزراء اليابان قمة حلف الناتو.\n"
    "Reactions online: 😀 👍🏽 🇯🇵 🎌\n"
)


def pdf_words(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages).split())


@pytest.fixture(scope="module")
def small_story():
    from analysis import analyze, compare

    a = analyze("Officials said the dictator could visit. Critics claimed the plan was a disaster.",
                outlet="Alpha Times", id="a")
    b = analyze("The minister said the talks went well and the visit is expected next month.",
                outlet="Beta Post", id="b")
    return [a, b], compare([a, b])


def test_export_dialog_writes_a_pdf_from_a_worker_thread(qtbot, tmp_path, small_story):
    from desktop.export_dialog import ExportDialog

    dlg = ExportDialog(*small_story, default_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.set_format("pdf")
    target = tmp_path / "sheet.pdf"
    dlg.path_edit.setText(str(target))
    with qtbot.waitSignal(dlg.exported, timeout=60000) as blocker:
        dlg.start()
        assert dlg.is_running() and dlg.progress.isVisible() is not None
    assert blocker.args == [str(target)]
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.progress.value() == 100 or not dlg.is_running()
    text = pdf_words(target)
    assert "Alpha Times" in text and "Beta Post" in text


def test_export_dialog_options_reach_the_export(qtbot, tmp_path, small_story):
    from desktop.export_dialog import ExportDialog

    dlg = ExportDialog(*small_story, default_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.set_format("html")
    assert dlg.path_edit.text().endswith(".html")
    dlg.blind_check.setChecked(True)
    dlg.texts_check.setChecked(False)
    dlg.category_checks["loaded_term"].setChecked(False)
    opts = dlg.options()
    assert opts.blind and not opts.include_texts
    assert opts.categories is not None and "loaded_term" not in opts.categories and "hedge" in opts.categories
    with qtbot.waitSignal(dlg.exported, timeout=60000):
        dlg.start()
    html = (tmp_path / "slant-comparison.html").read_text("utf-8")
    assert "Alpha Times" not in html and "Outlet A" in html
    assert 'data-cat="loaded_term" data-h' not in html


def test_cancel_stops_the_export_and_writes_nothing(qtbot, tmp_path, small_story, monkeypatch):
    import desktop.export_dialog as mod
    from analysis.export import ExportCancelled

    started = threading.Event()

    def slow_export(fmt, path, analyses, comparison, options, *, progress, cancelled):
        progress(5, "working")
        started.set()
        while not cancelled():  # the real exporters check cancelled() between steps the same way
            threading.Event().wait(0.01)
        raise ExportCancelled()

    monkeypatch.setattr(mod, "export", slow_export)
    dlg = mod.ExportDialog(*small_story, default_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.set_format("xlsx")
    dlg.start()
    assert dlg.is_running() and not dlg.export_button.isEnabled()
    qtbot.waitUntil(started.is_set, timeout=10000)
    with qtbot.waitSignal(dlg.job.signals.cancelled, timeout=10000):
        dlg.cancel_button.click()  # Cancel while running cancels the job, then closes
    assert not dlg.is_running()
    assert not (tmp_path / "slant-comparison.xlsx").exists()
    assert "cancelled" in dlg.status.text().lower()
    assert dlg.result() == dlg.DialogCode.Rejected


def test_real_pdf_export_cancelled_before_painting_writes_nothing(tmp_path, small_story):
    from analysis.export import ExportCancelled
    from desktop.exporting import ExportOptions, export

    target = tmp_path / "never.pdf"
    with pytest.raises(ExportCancelled):
        export("pdf", target, *small_story, ExportOptions(), cancelled=lambda: True)
    assert not target.exists()


def test_a_write_error_is_shown_in_the_dialog(qtbot, tmp_path, small_story, monkeypatch):
    import errno

    from analysis.export import atomic
    from desktop.export_dialog import ExportDialog

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    dlg = ExportDialog(*small_story, default_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.set_format("json")
    dlg.path_edit.setText(str(tmp_path / "sheet.json"))
    if dlg.job is None:
        dlg.start()
    # the job may fail before a signal blocker could connect, so wait for what the user sees
    qtbot.waitUntil(lambda: "Could not write" in dlg.status.text(), timeout=30000)
    assert "No space left" in dlg.status.text()
    assert dlg.export_button.isEnabled()
    assert list(tmp_path.iterdir()) == []


def test_the_dialog_refuses_what_the_command_line_refuses(qtbot, tmp_path, small_story):
    """Same check as `slant export -o`: a FIFO, an input article, a folder and an empty name are refused
    before anything runs, with a message in the dialog; nothing is replaced."""
    import os
    import stat

    from desktop.export_dialog import ExportDialog

    art = tmp_path / "article.txt"
    art.write_text("The user's own article.", encoding="utf-8")
    folder = tmp_path / "a-folder.json"
    folder.mkdir()
    dlg = ExportDialog(*small_story, default_dir=tmp_path, protect=[str(art)])
    qtbot.addWidget(dlg)
    dlg.set_format("json")
    cases = [(str(art), "input article"), (str(folder), "is a folder"), ("  ", "no file name")]
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.json")
        cases.append((str(tmp_path / "pipe.json"), "not a regular file"))
    for target, words in cases:
        dlg.path_edit.setText(target)
        dlg.start()
        assert dlg.job is None, target
        assert words in dlg.status.text(), dlg.status.text()
    assert art.read_text(encoding="utf-8") == "The user's own article."
    if hasattr(os, "mkfifo"):
        assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.json").st_mode)


def test_print_to_a_pdf_printer_gives_the_same_pages(qtbot, tmp_path, small_story):
    from PySide6.QtPrintSupport import QPrinter

    from desktop.exporting import print_to

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert print_to(printer, *small_story)
    text = pdf_words(out)
    assert "Alpha Times" in text and "dictator" in text and "Legend" in text


def test_unicode_articles_render_with_real_glyphs(tmp_path):
    from analysis import analyze, compare
    from desktop.export_pdf import FONT_PACKAGES, ensure_app, missing_glyphs
    from desktop.exporting import ExportOptions, export

    ensure_app()
    missing = missing_glyphs(UNICODE_TEXT)
    assert not missing, f"no font for {missing!r}: install the Debian packages {', '.join(FONT_PACKAGES)}"
    a = analyze(UNICODE_TEXT, outlet="Мир 日本", id="u")
    b = analyze("Kishida said he would attend.", outlet="Plain", id="p")
    target = tmp_path / "unicode.pdf"
    export("pdf", target, [a, b], compare([a, b]), ExportOptions())
    text = "".join(p.extract_text() for p in pypdf.PdfReader(str(target)).pages)
    # NFKC: the CJK font shares glyphs between ideographs and Kangxi radicals ("⽥" U+2F65 / "田" U+7530), so
    # the PDF's text map may name the radical; both are the same drawn glyph.
    compact = unicodedata.normalize("NFKC", "".join(text.split()))
    assert "岸田文雄" in compact  # real CJK glyphs with their Unicode mapping
    assert "Кисида" in compact
    assert "no font on this computer" not in text
    fonts = set()
    for page in pypdf.PdfReader(str(target)).pages:
        for f in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    assert any("CJK" in f for f in fonts), fonts


def test_missing_glyphs_finds_characters_no_font_has():
    from desktop.export_pdf import ensure_app, missing_glyphs

    ensure_app()
    # an Egyptian hieroglyph: none of the fonts Slant relies on has one (a real gap, not a broken check)
    assert missing_glyphs("\U00013000 abc") == ["\U00013000"]
    assert missing_glyphs("plain ASCII") == []
