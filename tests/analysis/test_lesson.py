"""Lessons (analysis.lesson): Spot-the-slant scoring, accepted words, dismissed findings, the lesson section."""
from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from analysis import comparison_file as cf
from analysis import lesson as ls
from analysis.lesson import Finding, Lesson, Mark

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("The dictator slammed the plan. Sources said the summit could fail. Officials said the talks were a farce. "
        "Kishida said the meeting went well.")


def F(start, end, category=ls.LOADED_TERM, aid="a", rule="r"):
    return Finding(aid, start, end, category, rule)


# ---------------------------------------------------------------------------------------------- scoring
def test_found_missed_and_extra_from_overlap():
    findings = [F(0, 5), F(10, 15), F(20, 25), F(30, 40, ls.SOURCE_ANONYMOUS)]
    marks = [Mark("a", 3, 4, ls.LOADED),  # inside the first finding
             Mark("a", 14, 18, ls.LOADED),  # overlaps the end of the second by one character
             Mark("a", 15, 20, ls.LOADED),  # touches 2nd and 3rd but overlaps neither: extra
             Mark("a", 31, 33, ls.UNNAMED_SOURCE)]
    r = ls.score(marks, findings, ls.DEFAULT_REVEAL)
    assert (r.found, r.missed, r.extra) == (3, 1, 1)
    assert r.share == pytest.approx(3 / 4)
    assert r.summary() == "Found 3 of 4 · 1 extra mark"
    (art,) = r.articles
    assert [f.start for f in art.missed] == [20]
    assert [(m.start, m.end) for m in art.extra] == [(15, 20)]


def test_a_mark_of_the_wrong_kind_finds_nothing_and_is_extra():
    r = ls.score([Mark("a", 0, 5, ls.UNNAMED_SOURCE)], [F(0, 5)], ls.DEFAULT_REVEAL)
    assert (r.found, r.missed, r.extra) == (0, 1, 1)


def test_only_revealed_categories_count_and_marks_stay_in_their_article():
    findings = [F(0, 5), F(0, 5, ls.SOURCE_VAGUE, aid="b"), F(8, 9, ls.OPINION)]
    marks = [Mark("b", 0, 5, ls.LOADED), Mark("a", 8, 9, ls.LOADED)]
    r = ls.score(marks, findings, [ls.LOADED_TERM])  # opinion and sources not revealed
    assert (r.found, r.missed, r.extra) == (0, 1, 2)
    assert r.summary() == "Found 0 of 1 · 2 extra marks"


def test_extras_are_not_subtracted_and_nothing_to_find_gives_no_share():
    r = ls.score([Mark("a", 0, 2, ls.LOADED)] * 3 + [Mark("a", 50, 52, ls.LOADED)], [F(0, 5)], ls.DEFAULT_REVEAL)
    assert r.share == 1.0 and r.extra == 1
    empty = ls.score([Mark("a", 0, 2, ls.LOADED)], [], ls.DEFAULT_REVEAL)
    assert empty.share is None and empty.summary().startswith("Nothing to find")


def test_dismissed_findings_are_not_scored():
    f1, f2 = F(0, 5), F(10, 15)
    r = ls.score([Mark("a", 0, 5, ls.LOADED)], [f1, f2], ls.DEFAULT_REVEAL, dismissed=[f2.key])
    assert (r.found, r.missed) == (1, 0)


def test_unscorable_revealed_categories_are_left_out():
    r = ls.score([], [F(0, 5, ls.HEDGE), F(7, 9, ls.SOURCE_NAMED)], [ls.HEDGE, ls.SOURCE_NAMED])
    assert (r.found, r.missed) == (0, 0)


# ---------------------------------------------------------------------------------------------- round trip
def sample_lesson() -> Lesson:
    f = F(4, 12, rule="lexicon:loaded_terms/dictator")
    r = ls.score([Mark("a", 4, 12, ls.LOADED, "dictator"), Mark("a", 25, 29, ls.LOADED, "plan")], [f, F(13, 20)],
                 [ls.LOADED_TERM, ls.SOURCE_ANONYMOUS], at="2026-12-01T15:00:00+00:00")
    lesson = Lesson(blind=True, reveal=(ls.SOURCE_ANONYMOUS, ls.LOADED_TERM),
                    marks=(Mark("a", 4, 12, ls.LOADED, "dictator"),))
    lesson = lesson.with_round(r).accept("plan", "a neutral word here, but the class argued it frames the deal",
                                         by="Ms Ito", at="2026-12-01T15:01:00+00:00")
    return lesson.dismiss(F(13, 20), "quoted from the minister", at="2026-12-01T15:02:00+00:00")


def test_lesson_round_trips_through_json_exactly():
    lesson = sample_lesson()
    d = json.loads(json.dumps(lesson.to_dict()))
    again = Lesson.from_dict(d)
    assert again == lesson
    assert again.to_dict() == lesson.to_dict()
    assert again.rounds[0].summary() == "Found 1 of 2 · 1 extra mark"


def test_the_lesson_section_round_trips_in_a_comparison_file(tmp_path):
    from analysis.sources import article_from_text

    art = article_from_text(TEXT, outlet="Geneva Daily")
    doc = cf.ComparisonDocument(articles=[cf.SavedArticle.from_article(art, pasted=True, shown=True)],
                                lesson=sample_lesson())
    cf.save(tmp_path / "lesson.slant", doc)
    back = cf.load(tmp_path / "lesson.slant")
    assert back.lesson == doc.lesson and back.notes == [] and back.sections == {}
    assert back.fingerprint() == doc.fingerprint()
    assert json.loads(cf.dumps(back))["lesson"] == json.loads(cf.dumps(doc))["lesson"]


@pytest.mark.parametrize("damage, words", [
    ("not a table", "not a table"),
    ({"blind": "yes"}, "\"blind\" must be true or false"),
    ({"reveal": ["loaded_term", "sparkles"]}, "unknown categories (sparkles)"),
    ({"marks": [{"article": "a", "start": 9, "end": 3, "kind": "loaded"}]}, "mark 1: \"start\" and \"end\""),
    ({"marks": [{"article": "a", "start": 0, "end": 3, "kind": ["loaded"]}]}, "\"kind\" must be one of"),
    ({"accepted": [{"word": " ", "reason": "x"}]}, "accepted word 1"),
    ({"rounds": [{"at": "t", "revealed": [], "found": 4, "articles": []}]}, "\"found\" says 4"),
])
def test_a_damaged_lesson_says_where_and_keeps_the_articles(damage, words):
    from analysis.sources import article_from_text

    doc = cf.ComparisonDocument(articles=[cf.SavedArticle.from_article(article_from_text(TEXT), pasted=True,
                                                                        shown=True)])
    raw = json.loads(cf.dumps(doc))
    raw["lesson"] = damage
    back = cf.loads(json.dumps(raw))
    assert back.lesson is None and len(back.articles) == 1 and back.articles[0].text == TEXT
    (note,) = [n for n in back.notes if "lesson" in n]
    assert words in note and "articles are open" in note
    assert json.loads(cf.dumps(back))["lesson"] == damage  # saved back unchanged, nothing lost


def test_a_whole_paragraph_is_no_word_to_accept():
    with pytest.raises(ls.LessonError, match="at most 6 words"):
        Lesson().accept("the prime minister said on Thursday that talks went well", "x")
    assert Lesson().accept("ram  through", "forceful").accepted[0].rule == "lesson:ram through"


def test_lesson_categories_are_the_highlight_categories():
    styles = tomllib.loads((ROOT / "resources/styles/highlights.toml").read_text(encoding="utf-8"))["category"]
    assert set(ls.CATEGORIES) <= set(styles)


# ---------------------------------------------------------------------------------------------- on real results
@pytest.fixture(scope="module")
def analysed():
    import analysis

    return analysis.analyze(TEXT)


def test_an_accepted_word_becomes_a_finding_in_this_lesson(analysed):
    assert not any(t.text.lower() == "plan" for t in analysed.loaded_terms)
    lesson = Lesson().accept("Plan", "frames the deal as one side's scheme")
    shown = ls.apply_lesson(analysed, lesson)
    (term,) = [t for t in shown.loaded_terms if t.rule == "lesson:plan"]
    assert TEXT[term.start:term.end] == "plan" and "frames the deal" in term.why
    assert shown.counts.loaded_terms == analysed.counts.loaded_terms + 1
    assert shown.counts.loaded_per_1000_words > analysed.counts.loaded_per_1000_words
    # whole words only, and a word the analysis already flags is not counted twice
    again = ls.apply_lesson(analysed, Lesson().accept("dict", "x").accept("dictator", "y"))
    assert again.loaded_terms == analysed.loaded_terms


def test_dismissed_findings_leave_the_figures_and_the_sheet_says_so(analysed):
    term = next(t for t in analysed.loaded_terms if t.text == "farce")
    src = next(a for a in analysed.attributions if a.source and a.source.text == "Officials")
    lesson = (Lesson()
              .dismiss(Finding(analysed.id, term.start, term.end, ls.LOADED_TERM, term.rule, term.text), "quoted")
              .dismiss(Finding(analysed.id, src.source.start, src.source.end, ls.SOURCE_ANONYMOUS, src.rule),
                       "named in the next paragraph"))
    shown = ls.apply_lesson(analysed, lesson)
    assert shown.counts.loaded_terms == analysed.counts.loaded_terms - 1
    assert (shown.counts.unnamed_sources, shown.counts.statements) == (analysed.counts.unnamed_sources - 1,
                                                                       analysed.counts.statements - 1)
    assert shown.counts.unnamed_source_share == pytest.approx(1 / 2)
    assert "2 findings dismissed by the teacher for this lesson" in " ".join(shown.warnings)
    assert shown.text == analysed.text  # the text itself is never touched
    # another article's dismissals change nothing here
    other = Lesson().dismiss(Finding("other", term.start, term.end, ls.LOADED_TERM, term.rule), "x")
    assert ls.apply_lesson(analysed, other) is analysed


def test_dismissed_line_is_in_the_spreadsheet_tables(analysed):
    """The XLSX/CSV "Articles" table carries each article's warnings (the HTML and PDF sheets are checked by
    tests/desktop/test_exercise.py, which has Qt for the highlight styles)."""
    from analysis import compare
    from analysis.export.tables import all_tables

    term = analysed.loaded_terms[0]
    shown = ls.apply_lesson(analysed, Lesson().dismiss(
        Finding(analysed.id, term.start, term.end, ls.LOADED_TERM, term.rule), "quoted"))
    tables = all_tables([shown], compare([shown]))
    cells = [str(v) for t in tables for row in t.rows for v in row]
    assert any("1 finding dismissed by the teacher for this lesson" in c for c in cells)
    plain = all_tables([analysed], compare([analysed]))
    assert not any("dismissed" in str(v) for t in plain for row in t.rows for v in row)


def test_accepted_words_export_as_a_valid_user_lexicon_never_the_builtin(tmp_path):
    from analysis.measures.loaded_terms.lexicon import _validate_categories, _validate_terms

    lesson = Lesson().accept("scheme", "makes a plan sound \"sneaky\"").accept("ram  through", "forceful")
    path = ls.export_user_lexicon(lesson.accepted, "Kishida & NATO", folder=tmp_path / "lex")
    assert path.name == "loaded_terms_lesson_kishida_nato.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    cats = _validate_categories(data, str(path))
    entries = _validate_terms(data, str(path), cats)
    assert [(e.term, e.why) for e, _ in entries] == [("scheme", "makes a plan sound \"sneaky\""),
                                                     ("ram through", "forceful")]
    builtin = ROOT / "resources" / "lexicons"
    before = {p.name: p.read_bytes() for p in builtin.iterdir() if p.is_file()}
    with pytest.raises(ls.LessonError, match="never writes there"):
        ls.export_user_lexicon(lesson.accepted, folder=builtin)
    assert {p.name: p.read_bytes() for p in builtin.iterdir() if p.is_file()} == before


def test_slant_analyze_on_a_lesson_file_applies_the_lesson(analysed, tmp_path):
    import subprocess
    import sys

    from analysis.sources import article_from_text

    term = next(t for t in analysed.loaded_terms if t.text == "farce")
    art = article_from_text(TEXT, outlet="Geneva Daily")
    lesson = Lesson().accept("plan", "frames the deal").dismiss(
        Finding(art.id, term.start, term.end, ls.LOADED_TERM, term.rule, term.text), "quoted")
    cf.save(tmp_path / "class.slant", cf.ComparisonDocument(
        articles=[cf.SavedArticle.from_article(art, pasted=True, shown=True)], lesson=lesson))
    out = subprocess.run([sys.executable, "-m", "desktop.cli", "analyze", "--format", "json",
                          str(tmp_path / "class.slant")], capture_output=True, text=True, cwd=ROOT, check=True)
    (doc,) = json.loads(out.stdout)["articles"]
    rules = [t["rule"] for t in doc["loaded_terms"]]
    assert "lesson:plan" in rules and term.rule not in rules
    assert doc["counts"]["loaded_terms"] == analysed.counts.loaded_terms
    assert any("1 finding dismissed by the teacher" in w for w in doc["warnings"])
