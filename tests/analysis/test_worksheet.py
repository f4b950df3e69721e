"""Worksheets: blind excerpts richest in findings, questions built from them, answers that match them."""
from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

import analysis
from analysis import compare
from analysis.export.blind import REMOVED, name_variants
from analysis.export.worksheet import (
    MAX_CHARS,
    MAX_EXCERPT,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    build_worksheet,
)
from analysis.export.worksheet_html import render_worksheet_html
from desktop import highlight as hl  # no Qt at import: spans() and load_styles() are plain Python

SEEDS_TOML = Path(__file__).resolve().parents[2] / "seeds" / "seeds.toml"
META = {a["file"][:3]: a for a in tomllib.loads(SEEDS_TOML.read_text("utf-8"))["article"]}


@pytest.fixture(scope="module")
def story(seed_analyses):
    analyses = [replace(a, outlet=META[k]["outlet"], byline=META[k].get("byline")) for k, a in sorted(seed_analyses.items())]
    return analyses, compare(analyses)


def _build(story, answer_key=False):
    return build_worksheet(*story, spans_of=hl.spans, version="test", answer_key=answer_key, styles=hl.load_styles())


@pytest.fixture(scope="module")
def sheet(story):
    return _build(story)


@pytest.fixture(scope="module")
def key(story):
    return _build(story, answer_key=True)


def _identity(a) -> list[str]:
    terms = name_variants(a.outlet)
    if a.byline:
        terms += [a.byline] + [w for w in a.byline.split() if len(w) > 3]
    return terms


def _names(terms, text):
    return [t for t in terms if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", text, re.I)]


def _plain(s: str) -> str:
    return re.sub(r"[“”\"]", "", " ".join(s.split())).strip(".,")


def test_excerpts_are_short_passages_of_whole_sentences_never_the_whole_article(story, sheet):
    analyses, _ = story
    for a, art in zip(analyses, sheet.articles):
        assert 1 <= len(art.excerpts) <= 3, art.label
        assert sum(len(ex.text) for ex in art.excerpts) <= MAX_CHARS
        assert sum(len(ex.text) for ex in art.excerpts) < art.body_chars
        for ex in art.excerpts:
            assert len(ex.text) <= MAX_EXCERPT and "\n" not in ex.text  # one paragraph
            assert REMOVED not in ex.text and "[about" not in ex.text
            assert ex.marks, "an excerpt is chosen for its findings"
            for m in ex.marks:
                assert ex.text[m.start:m.end] == m.text


def test_excerpts_leave_out_page_furniture_and_headlines(story, sheet):
    analyses, _ = story
    from analysis.export.blind import blind

    blinded, _ = blind(*story)
    for b, art in zip(blinded, sheet.articles):
        heads = [(s.start, s.end) for s in b.sentences if s.is_headline]
        for ex in art.excerpts:
            assert b.text[ex.start:ex.end] == ex.text
            assert not any(f.start < ex.end and ex.start < f.end for f in b.boilerplate)
            assert not any(s < ex.end and ex.start < e for s, e in heads)


def test_the_paragraph_richest_in_findings_is_chosen_over_plain_ones():
    text = ("The ministers met in Geneva on Tuesday. They discussed trade and the weather.\n\n"
            "The summit ended on Wednesday with a joint statement. The next meeting is in May.\n\n"
            "Critics claimed the dictator's bombast was a disgrace, sources familiar with the matter said. "
            "The talks could reportedly collapse.\n\n"
            "The delegations flew home on Thursday. A new round is planned for the autumn.\n")
    a = replace(analysis.analyze(text, id="x"), outlet="Geneva Daily")
    b = replace(analysis.analyze("The ministers met in Geneva. Officials said the talks went well.", id="y"),
                outlet="Other Post")
    ws = build_worksheet([a, b], compare([a, b]), spans_of=hl.spans, version="t")
    art = ws.articles[0]
    shown = " ".join(ex.text for ex in art.excerpts)
    assert "dictator" in shown and "bombast" in shown
    assert "flew home" not in shown and "weather" not in shown
    kinds = {q.kind for q in art.questions}
    assert {"loaded", "verb", "unnamed"} <= kinds
    assert "Geneva Daily" not in render_worksheet_html(ws)


def test_three_to_five_questions_per_article_each_about_its_excerpts(sheet):
    for art in sheet.articles:
        assert MIN_QUESTIONS <= len(art.questions) <= min(5, MAX_QUESTIONS), art.label
        shown = [m for ex in art.excerpts for m in ex.marks]
        for q in art.questions:
            assert art.label in q.text or "“" in q.text  # it says which excerpt, or quotes its words
            assert q.marks and any(m in shown for m in q.marks), q.text  # built from this excerpt's findings
            for m in q.marks:  # every finding it names is on the sheet (this excerpt or a compared one)
                assert any(m in ex.marks for o in sheet.articles for ex in o.excerpts)


def test_answers_name_the_findings_their_rule_and_the_plainer_words(sheet):
    seen = set()
    for art in sheet.articles:
        for q in art.questions:
            seen.add(q.kind)
            for m in q.marks[:1]:
                assert _plain(m.text) in _plain(q.answer)
            if q.kind == "loaded":
                for m in q.marks:  # each loaded word of the excerpt, its list entry, its alternatives
                    alts = getattr(m.payload, "alternatives", ())
                    assert m.rule and m.rule in q.answer
                    assert all(alt in q.answer for alt in alts), (m.text, alts)
            if q.kind == "verb":
                charged = q.marks[0]
                assert charged.category == "cue_charged"
                assert charged.payload.cue_class in ("doubt", "emotive", "speculative", "credence")
            if q.kind == "unnamed" and q.marks[0].role == "source":
                assert q.marks[0].payload.source_type in ("anonymous", "vague")
    # the demo's findings give every main kind of question somewhere on the sheet
    assert {"loaded", "verb", "unnamed", "hedge", "scare"} <= seen


def test_questions_compare_outlets_on_the_same_sheet(sheet):
    compared = [q for art in sheet.articles for q in art.questions
                if q.kind in ("verb", "naming", "same_fact") and len(q.marks) > 1]
    assert compared, "at least one question sets two outlets' wording side by side"
    for q in compared:
        labels = re.findall(r"Outlet [A-Z]", q.text)
        assert len(set(labels)) == 2
        for m in q.marks:
            assert _plain(m.text) in _plain(q.answer)


def test_same_fact_questions_pair_sentences_the_comparison_aligned(story, sheet):
    """The demo's B and C both report that Kishida may attend (aligned sentences, both on the sheet): the
    question sets them side by side and the answer names what differs (hedges in one, scare quotes in the other)."""
    same = [q for art in sheet.articles for q in art.questions if q.kind == "same_fact"]
    assert same
    for q in same:
        openings = re.findall(r"begins “([^”]+?)…?”", q.text)
        assert len(openings) == 2
        texts = {art.label: " ".join(ex.text for ex in art.excerpts) for art in sheet.articles}
        first, second = re.findall(r"Outlet [A-Z]", q.text)[:2]
        assert openings[0].rstrip("…") in texts[first] and openings[1].rstrip("…") in texts[second]
        assert {m.category for m in q.marks} & {"hedge", "loaded_term", "scare_quote", "cue_charged"}


def test_worksheet_never_names_the_outlets_and_the_key_reveals_them(story, sheet, key):
    analyses, _ = story
    student = render_worksheet_html(sheet)
    for a in analyses:
        cited_elsewhere = " ".join(b.text for b in analyses if b is not a)
        hidden = [t for t in _identity(a) if not _names([t], cited_elsewhere)]
        assert _names(hidden, student) == [], a.outlet
    assert "Who was who" not in student and "Answer:" not in student
    teacher = render_worksheet_html(key)
    reveal = teacher[teacher.index("Who was who"):]
    for a in analyses:
        assert a.outlet in reveal.replace("&#x27;", "'")
    assert teacher.count("Answer:") == sum(len(art.questions) for art in key.articles)
    assert 'data-cat="loaded_term"' in teacher and 'data-cat="loaded_term"' not in student


def test_an_article_without_findings_gets_no_excerpt_and_says_so():
    a = replace(analysis.analyze("The ministers met in Geneva on Tuesday. The meeting lasted two hours.", id="p"),
                outlet="Plain Gazette")
    b = replace(analysis.analyze("Critics claimed the dictator's plan could fail, sources said. The talks end on Friday.",
                                 id="q"),
                outlet="Loud Herald")
    ws = build_worksheet([a, b], compare([a, b]), spans_of=hl.spans, version="t")
    assert ws.articles[0].excerpts == [] and ws.articles[0].questions == []
    html = render_worksheet_html(ws)
    assert "found nothing in this article" in html.replace("\n", " ") and "Plain Gazette" not in html and "Loud Herald" not in html
    assert ws.articles[1].questions
