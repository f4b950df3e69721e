"""Title Case headlines are parsed as sentences, so the lexicons see their words; the text stays as written."""
from __future__ import annotations

import analysis
from analysis.boilerplate import detect
from analysis.truecase import sentence_case_headline

BODY = (
    "The far-left council rammed through a $1.2 billion budget on Tuesday, Mayor Linda Park said.\n"
    "Park told reporters the budget protects services. Council member Dan Ortiz voted against it.\n"
)


def headline_of(text: str) -> tuple[int, int]:
    _, headline = detect(text)
    assert headline is not None
    return headline


def test_loaded_words_in_a_title_case_headline_are_flagged_and_the_text_is_kept():
    text = "Tax-Hiking Radicals Ram Through Bloated Budget In Park's City\n\n" + BODY
    a = analysis.analyze(text)
    assert a.text == text
    start, end = headline_of(text)
    in_headline = {(t.text, t.category) for t in a.loaded_terms if start <= t.start < end}
    assert ("Radicals", "pejorative") in in_headline
    assert ("Ram Through", "sensational_verb") in in_headline
    for t in a.loaded_terms:
        assert a.text[t.start : t.end] == t.text


def test_the_parser_reads_ordinary_words_small_and_names_as_written():
    text = "Mayor Park Says Council Could Approve Budget After Ortiz Objects\n\n" + BODY
    start, end = headline_of(text)
    cased = sentence_case_headline(text, (start, end))
    assert len(cased) == len(text) and cased[end:] == text[end:]
    assert cased[start:end] == "Mayor Park says council could approve budget after Ortiz objects"


def test_a_headline_already_in_sentence_case_is_left_alone():
    text = "Council approves budget after Park's deal with two members\n\n" + BODY
    assert sentence_case_headline(text, headline_of(text)) == text


def test_hedges_and_names_in_a_title_case_headline():
    text = "Mayor Park Could Face Recall Vote, Reportedly Backed By Ortiz\n\n" + BODY
    a = analysis.analyze(text)
    start, end = headline_of(text)
    hedges = {h.text for h in a.hedges if start <= h.start < end}
    assert {"Could", "Reportedly"} <= hedges
    people = {m.entity for m in a.mentions if start <= m.span.start < end and m.label == "PERSON"}
    assert {"Linda Park", "Dan Ortiz"} <= people
