"""Worksheets and answer keys of the demo as PDF and HTML, read back: 2-4 pages, blind, the key reveals."""
from __future__ import annotations

import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.export.blind import name_variants

pypdf = pytest.importorskip("pypdf")

SEEDS_TOML = Path(__file__).resolve().parents[2] / "seeds" / "seeds.toml"
SEED_META = tomllib.loads(SEEDS_TOML.read_text("utf-8"))["article"]


@pytest.fixture(scope="module")
def story(seed_articles):
    from analysis import compare
    from analysis.pipeline import analyze_article
    from analysis.sources import with_source

    analyses = [with_source(analyze_article(a), a) for a in seed_articles]
    return analyses, compare(analyses)


@pytest.fixture(scope="module")
def files(story, tmp_path_factory):
    from desktop.exporting import ExportOptions, export

    folder = tmp_path_factory.mktemp("worksheet")
    out = {}
    for kind in ("worksheet", "answer_key"):
        for fmt in ("pdf", "html"):
            out[kind, fmt] = folder / f"{kind}.{fmt}"
            export(fmt, out[kind, fmt], *story, ExportOptions(worksheet=kind))
    return out


def _words(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return _words(" ".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages))


def html_text(path: Path) -> str:
    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.out = []

        def handle_data(self, data):
            self.out.append(data)

    p = P()
    p.feed(path.read_text("utf-8"))
    return _words(" ".join(p.out))


def _identity(meta: dict) -> list[str]:
    """What names a demo article (from seeds/seeds.toml): its outlet's forms, its byline, its site."""
    terms = name_variants(meta["outlet"])
    if meta.get("byline"):
        terms += [meta["byline"]] + [w for w in meta["byline"].split() if len(w) > 3]
    if meta.get("url"):
        terms.append(re.sub(r"^https?://(www\.)?", "", meta["url"]).split("/")[0])
    return terms


def _names(terms, text):
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text, re.I)]


def test_the_worksheet_pdf_is_two_to_four_pages_and_the_key_has_every_answer(story, files):
    pages = len(pypdf.PdfReader(str(files["worksheet", "pdf"])).pages)
    assert 2 <= pages <= 4
    ws = pdf_text(files["worksheet", "pdf"])
    for k in range(len(story[0])):
        assert f"Outlet {chr(65 + k)}" in ws
    assert "Name:" in ws and "Answer:" not in ws
    key = pdf_text(files["answer_key", "pdf"])
    assert key.count("Answer:") >= 3 * len(story[0])


@pytest.mark.parametrize("fmt", ["pdf", "html"])
def test_the_worksheet_names_no_outlet_byline_or_site_and_the_key_reveals_them(story, files, fmt):
    read = pdf_text if fmt == "pdf" else html_text
    student = read(files["worksheet", fmt])
    analyses, _ = story
    for meta, a in zip(SEED_META, analyses):
        cited_elsewhere = " ".join(b.text for b in analyses if b is not a)  # other outlets cite Kyodo: kept
        hidden = [t for t in _identity(meta) if not _names([t], cited_elsewhere)]
        assert _names(hidden, student) == [], (fmt, meta["outlet"])
    for gone in ("Author: Kazuyuki", "Follow Frances", "told Reuters", "news agency founded", "No time to read"):
        assert gone not in student
    assert "Who was who" not in student
    key = read(files["answer_key", fmt])
    reveal = key[key.index("Who was who"):]
    for meta in SEED_META:
        assert meta["outlet"] in reveal, meta["outlet"]
    assert "Frances Martel" in reveal


def test_the_html_worksheet_is_plain_editable_html_with_lines_to_write_on(files):
    html = files["worksheet", "html"].read_text("utf-8")
    assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
    assert html.count('class="line"') >= 10
    assert 'class="excerpt"' in html and "<ol class=\"questions\">" in html
    key = files["answer_key", "html"].read_text("utf-8")
    assert '<mark class="hl" data-cat="loaded_term"' in key  # the findings marked as on the sheet


def test_the_key_answers_exactly_the_worksheets_questions_and_a_long_sheet_is_cut_to_fit(story):
    from desktop.export_worksheet import fit_pages, page_count
    from desktop.exporting import ExportOptions, make_worksheet

    student = make_worksheet(*story, ExportOptions(worksheet="worksheet"))
    key = make_worksheet(*story, ExportOptions(worksheet="answer_key"))
    assert [[q.text for q in a.questions] for a in student.articles] == \
        [[q.text for q in a.questions] for a in key.articles]
    assert page_count(student) <= 4
    before = sum(len(a.questions) for a in student.articles)
    fit_pages(student, max_pages=3)
    after = [len(a.questions) for a in student.articles]
    assert page_count(student) <= 3 or all(n == 3 for n in after)
    assert min(after) >= 3 and sum(after) <= before


def test_cli_worksheet_and_answer_key(story, tmp_path, monkeypatch, capsys):
    from desktop import cli

    monkeypatch.setattr(cli, "analyse_all", lambda files, args=None: (*story, []))
    out = tmp_path / "ws.html"
    assert cli.main(["export", "--worksheet", "--format", "html", "-o", str(out)]) == 0
    assert "Slant worksheet" in out.read_text("utf-8") and "Who was who" not in out.read_text("utf-8")
    key = tmp_path / "key.html"
    assert cli.main(["export", "--answer-key", "--format", "html", "-o", str(key)]) == 0
    assert "Slant worksheet: answer key" in key.read_text("utf-8") and "Who was who" in key.read_text("utf-8")
    sheet = tmp_path / "sheet.html"  # the whole blind sheet with the reveal is still there: --reveal
    assert cli.main(["export", "--reveal", "--format", "html", "-o", str(sheet)]) == 0
    assert "Slant comparison sheet" in sheet.read_text("utf-8") and "Who was who" in sheet.read_text("utf-8")
    assert cli.main(["export", "--worksheet", "--format", "xlsx", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert "pdf or html" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_export_dialog_offers_the_worksheet_and_its_key(qtbot, story, tmp_path):
    from desktop.export_dialog import ExportDialog

    dlg = ExportDialog(*story, default_dir=tmp_path)
    qtbot.addWidget(dlg)
    dlg.set_format("xlsx")
    dlg.set_kind("answer_key")
    assert dlg.fmt() == "pdf" and dlg.path_edit.text().endswith("slant-answer-key.pdf")
    assert not dlg.blind_check.isEnabled() and dlg.options().worksheet == "answer_key"
    assert not dlg.format_box.model().item(2).isEnabled()  # no XLSX worksheet
    dlg.set_format("html")
    target = tmp_path / "key.html"
    dlg.path_edit.setText(str(target))
    with qtbot.waitSignal(dlg.exported, timeout=60000):
        dlg.start()
    assert "Who was who" in target.read_text("utf-8")
    dlg2 = ExportDialog(*story, default_dir=tmp_path)
    qtbot.addWidget(dlg2)
    dlg2.set_kind("worksheet")
    assert dlg2.options().worksheet == "worksheet"
    dlg2.set_kind("")
    assert dlg2.options().worksheet == "" and dlg2.blind_check.isEnabled()
    assert dlg2.path_edit.text().endswith("slant-comparison.pdf")
