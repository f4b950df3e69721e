"""Exports from the app and the CLI: every format from the seeds, read back with real readers."""
from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from analysis.export.blind import name_variants

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def story(seed_articles):
    from analysis import compare
    from analysis.pipeline import analyze_article
    from analysis.sources import with_source

    analyses = [with_source(analyze_article(a), a) for a in seed_articles]  # with bylines, as the app does
    return analyses, compare(analyses)


@pytest.fixture(scope="module")
def exported(story, tmp_path_factory):
    """The seeds exported once in every format (default options)."""
    from desktop.exporting import ExportOptions, export

    folder = tmp_path_factory.mktemp("export")
    paths = {"pdf": folder / "s.pdf", "html": folder / "s.html", "xlsx": folder / "s.xlsx",
             "csv": folder / "s.zip", "json": folder / "s.json"}
    for fmt, path in paths.items():
        export(fmt, path, *story, ExportOptions())
    return paths


def squash(s: str) -> str:
    """Text without white space or soft hyphenation: PDF extraction breaks lines anywhere."""
    return re.sub(r"\s+", "", s).replace("\u00ad", "")


def pdf_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)


# ------------------------------------------------------------------------------------------------ PDF


def test_pdf_holds_outlets_metrics_and_every_flagged_word(story, exported):
    analyses, comparison = story
    reader = pypdf.PdfReader(str(exported["pdf"]))
    assert len(reader.pages) > len(analyses)  # overview + one section (at least a page) per article
    text = squash(pdf_text(exported["pdf"]))
    for a in analyses:
        assert squash(a.outlet) in text, a.outlet
    for m in comparison.metrics:
        assert squash(m.label) in text, m.label
    flagged = [t.text for a in analyses for t in a.loaded_terms]
    assert flagged, "the seeds have loaded terms"
    for word in flagged:
        assert squash(word).replace("“", "").replace("”", "") in text.replace("“", "").replace("”", ""), word
    assert "Page1of" in text and f"Page{len(reader.pages)}of{len(reader.pages)}" in text
    from analysis import analyzer_version

    assert squash(analyzer_version()) in text
    assert "Legend" in text and "Glossary" in text


def test_pdf_shows_what_only_one_outlet_reports(story, exported):
    _, comparison = story
    text = squash(pdf_text(exported["pdf"]))
    assert comparison.only_here
    for o in comparison.only_here[:5]:
        assert squash(o.text)[:40] in text


def test_pdf_is_a_real_pdf_with_embedded_fonts(exported):
    reader = pypdf.PdfReader(str(exported["pdf"]))
    fonts = set()
    for page in reader.pages[:3]:
        res = page.get("/Resources") or {}
        for f in (res.get("/Font") or {}).values():
            fonts.add(str(f.get_object().get("/BaseFont")))
    assert any("DejaVu" in f for f in fonts)
    assert reader.metadata.title and "Slant" in reader.metadata.title


# ----------------------------------------------------------------------------------------------- HTML


class Marks(HTMLParser):
    """Collects the text inside each <mark data-h> per article section; notes anything external."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section = None
        self.stack: list[tuple[str, dict]] = []
        self.texts: dict[tuple[str, str], list[str]] = {}
        self.cats: dict[tuple[str, str], str] = {}
        self.external: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        for key in ("src", "href"):
            if a.get(key) and re.match(r"(https?:)?//", a[key]):
                self.external.append(a[key])
        if tag == "section" and (a.get("id") or "").startswith("article-"):
            self.section = a["id"]
        self.stack.append((tag, a))
        if tag == "mark" and "data-h" in a and self.section:
            self.texts.setdefault((self.section, a["data-h"]), [])
            self.cats[(self.section, a["data-h"])] = a.get("data-cat", "")

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for t, a in self.stack:
            if t == "mark" and "data-h" in a and self.section:
                self.texts[(self.section, a["data-h"])].append(data)


def test_html_is_self_contained_and_marks_every_highlight(story, exported):
    from desktop import highlight as hl

    analyses, comparison = story
    html = exported["html"].read_text("utf-8")
    p = Marks()
    p.feed(html)
    p.close()
    assert p.scripts == 0 and p.external == []
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    for n, a in enumerate(analyses, 1):
        spans = hl.spans(a)
        for hid, sp in enumerate(spans):
            if sp.category in (hl.TONE, hl.BOILERPLATE):
                continue
            key = (f"article-{n}", str(hid))
            assert key in p.texts, (a.outlet, sp.category, a.text[sp.start:sp.end])
            assert "".join(p.texts[key]) == a.text[sp.start:sp.end]
            assert p.cats[key] == sp.category
        assert a.outlet in html
    for m in comparison.metrics:
        assert m.label in html


def test_both_sheets_explain_their_terms_in_the_glossarys_own_words(exported):
    """The sheet's glossary is the students' glossary (resources/glossary.toml): each listed entry's title and
    one-line explanation, in the HTML and the PDF alike, so an explanation is written in one place."""
    from html import escape

    from analysis import glossary
    from analysis.export.sheet import GLOSSARY_ENTRIES

    html = exported["html"].read_text("utf-8")
    listed = re.search(r'<dl class="glossary">\n(.*?)</dl>', html, re.S).group(1)
    entries = [glossary.entry(i) for i in GLOSSARY_ENTRIES]
    assert listed == "".join(f"<dt>{escape(e.title)}</dt><dd>{escape(e.short)}</dd>\n" for e in entries)
    pdf = squash(pdf_text(exported["pdf"]))
    glossary_part = pdf[pdf.rindex("Glossary"):]
    for e in entries:
        assert squash(e.title) + "." + squash(e.short) in glossary_part, e.id


def test_html_category_choice_and_no_texts(story, tmp_path):
    from desktop.exporting import ExportOptions, export

    path = tmp_path / "hedges.html"
    export("html", path, *story, ExportOptions(categories=frozenset({"hedge"})))
    html = path.read_text("utf-8")
    cats = set(re.findall(r'<mark class="hl" data-cat="([a-z_]+)" data-h=', html))
    assert cats == {"hedge"}
    export("html", path, *story, ExportOptions(include_texts=False))
    html = path.read_text("utf-8")
    assert 'class="text"' not in html
    analyses, _ = story
    assert analyses[1].text[200:260] not in html


# ------------------------------------------------------------------------------------- XLSX, CSV, JSON


def test_xlsx_counts_match_the_analysis(story, exported):
    openpyxl = pytest.importorskip("openpyxl")
    analyses, comparison = story
    wb = openpyxl.load_workbook(exported["xlsx"])
    assert wb.sheetnames[:8] == ["Summary", "Articles", "Loaded terms", "Attributions", "Hedges",
                                 "Distinctive words", "Entity naming", "Only here"]
    summary = wb["Summary"]
    header = [c.value for c in summary[1]]
    assert header[:2] == ["Metric", "Key"] and "Story median" in header and "Outliers" in header
    assert [a.outlet for a in analyses] == header[2:2 + len(analyses)]
    assert summary.max_row - 1 == len(comparison.metrics)
    for sheet, attr in (("Loaded terms", "loaded_terms"), ("Attributions", "attributions"), ("Hedges", "hedges")):
        rows = list(wb[sheet].iter_rows(min_row=2, values_only=True))
        for a in analyses:
            assert sum(1 for r in rows if r[0] == a.id) == len(getattr(a, attr)), (sheet, a.outlet)


def test_csv_zip_has_the_same_tables_as_the_xlsx(exported):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(exported["xlsx"])
    with zipfile.ZipFile(exported["csv"]) as z:
        names = z.namelist()
        assert len(names) == len(wb.sheetnames) - 1  # no "About" sheet in CSV
        summary = list(csv.reader(io.StringIO(z.read("summary.csv").decode("utf-8-sig"), newline="")))
    assert summary[0] == [c.value for c in wb["Summary"][1]]
    assert len(summary) == wb["Summary"].max_row


def test_json_is_the_analyze_schema(story, exported):
    from analysis.document import document, from_document

    data = json.loads(exported["json"].read_text("utf-8"))
    assert data == json.loads(json.dumps(document(*story)))
    analyses, _ = from_document(data)
    assert [a.outlet for a in analyses] == [a.outlet for a in story[0]]


# ------------------------------------------------------------------------------------------ blind mode


def _identity(a) -> list[str]:
    """What names an article: its outlet's forms and its byline (seeds.toml gives both)."""
    return name_variants(a.outlet) + name_variants(a.byline)


def _names(terms, text: str) -> list[str]:
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text, re.I)]


def _blind_sections(fmt: str, path: Path, n: int) -> tuple[str, list[str]]:
    """(the whole export as text, the text of each article's own part: its PDF pages, its HTML section,
    its rows in every sheet)."""
    if fmt == "pdf":
        pages = [" ".join((p.extract_text() or "").split()) for p in pypdf.PdfReader(str(path)).pages]
        starts = [i for i, p in enumerate(pages) if re.match(r"\d+\. Outlet [A-Z]\b", p)]
        assert len(starts) == n
        ends = starts[1:] + [next(i for i, p in enumerate(pages) if p.startswith("Legend"))]
        return " ".join(pages), [" ".join(pages[s:e]) for s, e in zip(starts, ends)]
    if fmt == "html":
        html = path.read_text("utf-8")
        sections = re.findall(r'<section class="article" id="article-\d+">(.*?)</section>', html, re.S)
        return _html_text(html), [_html_text(x) for x in sections]
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    whole, parts = [], [[] for _ in range(n)]
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells = [str(c) for c in row if c is not None]
            whole.append(" ".join(cells))
            for k in range(n):
                if f"Outlet {chr(65 + k)}" in cells:
                    parts[k].append(" ".join(cells))
    return "\n".join(whole), ["\n".join(p) for p in parts]


def _html_text(html: str) -> str:
    class P(HTMLParser):
        def __init__(self):
            super().__init__()
            self.out = []

        def handle_data(self, data):
            self.out.append(data)

    p = P()
    p.feed(html)
    return " ".join(" ".join(p.out).split())


@pytest.mark.parametrize("fmt", ["pdf", "html", "xlsx"])
def test_blind_export_hides_each_articles_identity_and_keeps_cited_outlets(story, tmp_path, fmt):
    """Read back: no part of a blind sheet names an article's own outlet, byline or publisher blurb; the
    outlets it cites as sources stay; who was who is not on the student's sheet."""
    from desktop.exporting import SUFFIXES, ExportOptions, export

    analyses, _ = story
    path = tmp_path / f"blind{SUFFIXES[fmt]}"
    export(fmt, path, *story, ExportOptions(blind=True))
    whole, parts = _blind_sections(fmt, path, len(analyses))
    for k, (a, part) in enumerate(zip(analyses, parts)):
        label = f"Outlet {chr(65 + k)}"
        assert label in part
        assert _names(_identity(a), part) == [], (fmt, label)
        cited_elsewhere = " ".join(b.text for b in analyses if b is not a)
        hidden = [t for t in _identity(a) if not _names([t], cited_elsewhere)]
        assert _names(hidden, whole) == [], (fmt, a.outlet)  # nowhere in the file
    for gone in ("Author: Kazuyuki", "Follow Frances", "told Reuters", "news agency founded", "No time to read"):
        assert gone not in whole, (fmt, gone)
    assert "Kyodo News similarly reported" in whole.replace("’", "'").replace("Japan's ", "") or fmt == "xlsx"
    assert "Kyodo" in parts[1] and "Kyodo" in parts[4]  # Outlet B and E cite Kyodo: findings, kept
    assert "Who was who" not in whole


def test_answer_key_reveals_who_was_who_at_the_end(story, tmp_path):
    from desktop.exporting import ExportOptions, export

    analyses, _ = story
    key = tmp_path / "key.html"
    export("html", key, *story, ExportOptions(answer_key=True))
    text = _html_text(key.read_text("utf-8"))
    reveal = text[text.index("Who was who"):]
    assert "Outlet B Breitbart News Frances Martel" in reveal
    assert "Outlet E Voice of America (Reuters) Reuters" in reveal
    assert "told Reuters" not in text  # the articles themselves stay blind
    pdf = tmp_path / "key.pdf"
    export("pdf", pdf, *story, ExportOptions(answer_key=True))
    assert "Whowaswho(answerkey)" in squash(pdf_text(pdf))


# ------------------------------------------------------------------------------------- failures, CLI


def test_failed_export_keeps_the_old_file(story, tmp_path, monkeypatch):
    import errno

    from analysis.export import atomic
    from desktop.exporting import ExportOptions, export

    for fmt in ("pdf", "xlsx"):
        path = tmp_path / f"old.{fmt}"
        path.write_bytes(b"the previous good export")
        monkeypatch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "disk full")))
        with pytest.raises(OSError):
            export(fmt, path, *story, ExportOptions())
        monkeypatch.undo()
        assert path.read_bytes() == b"the previous good export"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_cli_export_writes_the_same_as_the_app(tmp_path):
    import subprocess
    import sys

    out = tmp_path / "cli.xlsx"
    root = Path(__file__).resolve().parents[2]
    r = subprocess.run([sys.executable, "-m", "desktop.cli", "export", "--format", "xlsx", "-o", str(out)],
                       cwd=root, capture_output=True, text=True, timeout=300,
                       env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0, r.stderr
    openpyxl = pytest.importorskip("openpyxl")
    assert openpyxl.load_workbook(out).sheetnames[0] == "Summary"


def _css_rules(page: str) -> list[tuple[list[str], str]]:
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    style = re.sub(r"/\*.*?\*/", "", style, flags=re.S)
    return [([s.strip() for s in sel.split(",")], body) for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", style)]


def _matches(selector: str, tag: str, attrs: dict[str, str]) -> bool:
    """A compound CSS selector (tag, .class, [attr="v"]; no combinators) against one element."""
    m = re.fullmatch(r"([a-z0-9]*)((?:\.[\w-]+)*)((?:\[[\w-]+(?:=\"[^\"]*\")?\])*)", selector)
    if not m:
        return False
    name, classes, attr_part = m.groups()
    if name and name != tag:
        return False
    have = set(attrs.get("class", "").split())
    if not {c for c in classes.split(".") if c} <= have:
        return False
    for key, _, value in re.findall(r"\[([\w-]+)(=\"([^\"]*)\")?\]", attr_part):
        if key not in attrs:
            return False
        wanted = re.search(rf"\[{key}=\"([^\"]*)\"\]", attr_part)
        if wanted and attrs[key] != wanted.group(1):
            return False
    return True


def test_html_page_furniture_is_greyed_as_its_legend_says(story, exported):
    """The legend promises greyed page furniture: a CSS rule must reach the element the text uses for it,
    with the same declarations as the legend's swatch (read back from the HTML)."""
    from desktop import highlight as hl

    page = exported["html"].read_text(encoding="utf-8")

    class Elements(HTMLParser):
        def __init__(self):
            super().__init__()
            self.found = []

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if "hl" in (a.get("class") or "").split():
                self.found.append((tag, {k: v or "" for k, v in a.items()}))

    p = Elements()
    p.feed(page)
    furniture = [(t, a) for t, a in p.found if a.get("data-cat") == hl.BOILERPLATE]
    assert furniture, "the seeds have page furniture"
    rules = _css_rules(page)
    wanted = hl.css(hl.BOILERPLATE).split(";")[0]  # "color: #..."
    for tag, attrs in furniture[:3] + p.found[:20]:
        styled = [body for sels, body in rules if any(_matches(s, tag, attrs) for s in sels)]
        assert styled, (tag, attrs)
        if attrs["data-cat"] == hl.BOILERPLATE:
            assert any(wanted in body for body in styled), styled


OFF_TOPIC = ("Chef Marguerite Dubois opened her new bakery in Lyon on Saturday, serving croissants from a "
             "recipe she learned in Marseille.\n\nThe Michelin Guide inspector Paul Renard said the pastries were "
             "among the best in Provence, and the Lyon Chamber of Commerce welcomed the opening.\n\n"
             "Dubois said she will hire four apprentices from the Institut Paul Bocuse next spring.")


def test_exports_show_the_counts_and_the_different_story_warning(story, tmp_path):
    import csv
    import io
    import zipfile

    import openpyxl

    from analysis import analyze, compare
    from desktop.exporting import ExportOptions, export

    from dataclasses import replace

    analyses, _ = story
    # the first demo article with a single attribution, unnamed (a share of 100% on one item)
    seed = analyses[0]
    one = next(x for x in seed.attributions if x.source_type != "named" and x.cue_class != "state_of_mind")
    analyses = [replace(seed, attributions=(one,), counts=replace(seed.counts, attributions=1, states_of_mind=0,
                                                                  unnamed_source_share=1.0, unnamed_sources=1)),
                *analyses[1:]]
    bakery = analyze(OFF_TOPIC, id="bakery", outlet="Food Weekly")
    arts = [*analyses, bakery]
    comparison = compare(arts)
    assert comparison.off_topic == ("bakery",)
    paths = {f: tmp_path / f"s.{ext}" for f, ext in (("html", "html"), ("xlsx", "xlsx"), ("csv", "zip"),
                                                      ("json", "json"))}
    for fmt, path in paths.items():
        export(fmt, path, arts, comparison, ExportOptions())
    html = paths["html"].read_text("utf-8")
    assert "Different story?" in html and "“Food Weekly” is probably a different story" in html
    # one attribution: its 100% carries "1 of 1 attribution" and "too few to compare"
    assert "1 of 1 attribution; 95% range 21%–100%; too few to compare" in html
    wb = openpyxl.load_workbook(paths["xlsx"])
    ev = wb["Evidence"]
    header = [c.value for c in ev[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ev.iter_rows(min_row=2)]
    row = next(r for r in rows if r["Key"] == "unnamed_source_share" and r["Article"] == analyses[0].id)
    assert (row["Counted"], row["Out of"], row["Too few to compare"]) == (1, 1, True)
    bakery_rows = [r for r in rows if r["Article"] == "bakery"]
    assert bakery_rows and all(r["Left out of the median"] for r in bakery_rows)
    with zipfile.ZipFile(paths["csv"]) as z:
        name = next(n for n in z.namelist() if "evidence" in n.lower())
        lines = list(csv.reader(io.StringIO(z.read(name).decode("utf-8-sig"))))
    assert any("1 of 1 attribution" in cell for line in lines for cell in line)
    data = json.loads(paths["json"].read_text("utf-8"))
    text = json.dumps(data)
    assert '"unnamed_sources"' in text and '"too_few"' in text and "probably a different story" in text
