"""Spreadsheet exports (no Qt): the tables, CSV and XLSX read back, and formula neutralisation."""
from __future__ import annotations

import csv
import io
import tomllib
import zipfile
from dataclasses import replace

import pytest

from analysis import analyze, compare
from analysis.export.safe import DANGEROUS_PREFIXES
from analysis.export.spreadsheet import file_stem, write_csv, write_xlsx, xlsx_bytes
from analysis.export.tables import all_tables

from pathlib import Path

SEEDS_TOML = Path(__file__).resolve().parents[2] / "seeds" / "seeds.toml"
OUTLETS = {a["file"][:3]: a["outlet"] for a in tomllib.loads(SEEDS_TOML.read_text("utf-8"))["article"]}


@pytest.fixture(scope="module")
def story(seed_analyses):
    analyses = [replace(a, outlet=OUTLETS[k]) for k, a in sorted(seed_analyses.items())]
    return analyses, compare(analyses)


@pytest.fixture(scope="module")
def tables(story):
    return all_tables(*story)


def by_name(tables):
    return {t.name: t for t in tables}


def test_tables_hold_every_finding_of_the_analysis(story, tables):
    analyses, comparison = story
    t = by_name(tables)
    assert list(t) == ["Summary", "Articles", "Loaded terms", "Attributions", "Hedges", "Distinctive words",
                       "Entity naming", "Only here", "Shared sentences", "Evidence", "Sentences"]
    for a in analyses:
        assert sum(1 for r in t["Loaded terms"].rows if r[0] == a.id) == len(a.loaded_terms)
        assert sum(1 for r in t["Attributions"].rows if r[0] == a.id) == len(a.attributions)
        assert sum(1 for r in t["Hedges"].rows if r[0] == a.id) == len(a.hedges)
        # every sentence with its kind and the cue that decided it; the article row counts each kind
        sentences = [r for r in t["Sentences"].rows if r[0] == a.id]
        assert len(sentences) == len(a.sentences)
        assert {r[3] for r in sentences} <= {"reported speech", "opinion", "factual report"}
        assert all(r[4] for r in sentences)
        row = next(r for r in t["Articles"].rows if r[0] == a.id)
        h = t["Articles"].headers
        kinds = [row[h.index(k)] for k in ("Reported speech (sentences)", "Opinion (sentences)",
                                           "Factual report (sentences)")]
        assert kinds == [a.counts.speech_sentences, a.counts.opinion_sentences, a.counts.report_sentences]
        assert sum(kinds) == row[h.index("Sentences")]
        assert sum(1 for r in t["Distinctive words"].rows if r[0] == a.id) == len(comparison.distinctive.get(a.id, ()))
    assert len(t["Only here"].rows) == len(comparison.only_here)
    # every loaded term's words are in the table, against the right outlet
    terms = {(r[1], r[2]) for r in t["Loaded terms"].rows}
    for a in analyses:
        for lt in a.loaded_terms:
            assert (a.outlet, lt.text) in terms


def test_summary_has_each_metric_with_numbers_median_and_outliers(story, tables):
    analyses, comparison = story
    summary = by_name(tables)["Summary"]
    assert summary.headers[2:2 + len(analyses)] == tuple(a.outlet for a in analyses)
    assert len(summary.rows) == len(comparison.metrics) > 0
    for row, m in zip(summary.rows, comparison.metrics):
        assert row[1] == m.metric
        values = row[2:2 + len(analyses)]
        assert all(v is None or isinstance(v, float) for v in values)
        assert values == [m.values.get(a.id) for a in analyses]
        assert row[2 + len(analyses)] == m.median
        outliers = {o.strip() for o in row[3 + len(analyses)].split(",") if o.strip()}
        assert outliers == {a.outlet for a in analyses if a.id in m.outliers}


def test_a_comparison_read_back_without_metrics_exports_the_same_summary(story, tables):
    analyses, comparison = story
    bare = replace(comparison, metrics=())
    summary = by_name(all_tables(analyses, bare))["Summary"]
    assert summary.rows == by_name(tables)["Summary"].rows


def test_xlsx_opens_with_sheets_headers_filters_frozen_rows_and_numbers(story, tables, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    analyses, _ = story
    path = tmp_path / "sheet.xlsx"
    write_xlsx(path, tables, [("Analyser version", "x")])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [t.name for t in tables] + ["About"]
    for t in tables:
        ws = wb[t.name]
        assert tuple(c.value for c in ws[1]) == t.headers
        assert ws.max_row == len(t.rows) + 1
        assert ws.freeze_panes in ("A2", "B2")
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:")
    lt = wb["Loaded terms"]
    for a in analyses:
        assert sum(1 for r in lt.iter_rows(min_row=2, values_only=True) if r[0] == a.id) == len(a.loaded_terms)
    words = wb["Articles"]
    col = [c.value for c in words[1]].index("Words") + 1
    for i, a in enumerate(analyses, 2):
        cell = words.cell(row=i, column=col)
        assert cell.data_type == "n" and cell.value == a.counts.words


def test_csv_zip_round_trips_every_table(tables, tmp_path):
    path = tmp_path / "tables.zip"
    write_csv(path, tables)
    with zipfile.ZipFile(path) as z:
        assert sorted(z.namelist()) == sorted(f"{file_stem(t)}.csv" for t in tables)
        for t in tables:
            rows = list(csv.reader(io.StringIO(z.read(f"{file_stem(t)}.csv").decode("utf-8-sig"), newline="")))
            assert tuple(rows[0]) == t.headers
            assert len(rows) == len(t.rows) + 1
            for got, want in zip(rows[1:], t.rows):
                for g, w in zip(got, want):
                    if w is None:
                        assert g == ""
                    elif isinstance(w, bool):
                        assert g == ("true" if w else "false")
                    elif isinstance(w, (int, float)):
                        assert float(g) == pytest.approx(w, abs=1e-4)
                    elif w.startswith(DANGEROUS_PREFIXES):
                        assert g == "'" + w
                    else:
                        assert g == w


def test_csv_with_a_csv_path_writes_the_summary_there_and_the_rest_beside_it(tables, tmp_path):
    written = write_csv(tmp_path / "story.csv", tables)
    assert written[0] == tmp_path / "story.csv"
    assert {p.name for p in written[1:]} == {f"story-{file_stem(t)}.csv" for t in tables[1:]}
    assert all(p.exists() for p in written)
    folder = write_csv(tmp_path / "out", tables)
    assert {p.name for p in folder} == {f"{file_stem(t)}.csv" for t in tables}


HOSTILE = ('=HYPERLINK("http://x","y") is what the page said.\n'
           "@SUM(1) appeared in the comments.\n"
           "-2+3 is not a formula. +1 neither.\n"
           "Officials said the plan was a disaster, sources familiar with the matter said.")


@pytest.fixture(scope="module")
def hostile():
    a = analyze(HOSTILE, outlet='=HYPERLINK("http://x","y")', title="@SUM(1)", id="-evil")
    b = analyze("The minister said the talks went well. Critics claimed the deal was a disaster.", outlet="+Other",
                id="ok")
    return all_tables([a, b], compare([a, b]))


def test_hostile_text_stays_inert_in_csv(hostile, tmp_path):
    path = tmp_path / "h.zip"
    write_csv(path, hostile)
    seen = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            for row in csv.reader(io.StringIO(z.read(name).decode("utf-8-sig"), newline="")):
                for value in row:
                    assert not value.startswith(DANGEROUS_PREFIXES) or _is_number(value), (name, value)
                    seen += value.startswith("'=HYPERLINK") or value.startswith("'@SUM")
    assert seen > 0


def test_hostile_text_stays_inert_in_xlsx(hostile):
    openpyxl = pytest.importorskip("openpyxl")
    data = xlsx_bytes(hostile)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(name) and b"<f " not in z.read(name), name
    wb = openpyxl.load_workbook(io.BytesIO(data))
    found = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
                if isinstance(c.value, str) and c.value.startswith(DANGEROUS_PREFIXES):
                    assert c.data_type == "s" and c.quotePrefix, (ws.title, c.coordinate, c.value)
                    found += 1
    assert found > 0
    # numbers stay numbers next to the hostile text
    summary = wb["Summary"]
    assert any(c.data_type == "n" for row in summary.iter_rows(min_row=2) for c in row)


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def test_category_choice_leaves_out_tables_of_unchosen_findings(story):
    names = [t.name for t in all_tables(*story, categories=frozenset({"hedge"}))]
    assert "Hedges" in names and "Loaded terms" not in names and "Attributions" not in names
    assert "Summary" in names


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_a_separator_inside_a_cell_cannot_start_a_formula_in_another_locale(delimiter):
    """Spreadsheets in semicolon locales split CSV on ';' (others on tab or '|'): a cell 'cost;=1+1' would
    become 'cost' and a live formula '=1+1'. The separator gets an apostrophe after it, so no reader sees a
    field that starts a formula; a comma reader gets the text with that apostrophe only."""
    from analysis.export.spreadsheet import table_csv
    from analysis.export.tables import Table

    cells = ["cost;=1+1", "x\t+2", "a|@SUM(1)", "b, -3+x", "plain; text", "ok"]
    t = Table("T", "t", tuple("abcdef"), ("text",) * 6, [cells])
    text = table_csv(t).decode("utf-8-sig")
    for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        for value in row:
            assert not value.lstrip().startswith(DANGEROUS_PREFIXES), (delimiter, value)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[1] == ["cost;'=1+1", "x\t'+2", "a|'@SUM(1)", "b, -3+x", "plain; text", "ok"]
