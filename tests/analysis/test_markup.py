"""A web page's HTML opened as an article is analysed, kept whole, and flagged as such."""
from __future__ import annotations

import pytest

import analysis
from analysis.measures.markup import markup_note

PAGE = (
    "<!DOCTYPE html>\n<html><head><title>Summit</title><script>var x = 1;</script></head>\n"
    "<body><nav><a href='/'>Home</a></nav><article><h1>Leaders meet</h1>\n"
    "<p>Officials said on Monday that the talks <b>could</b> resume.</p></article></body></html>\n"
)


def test_a_saved_web_page_is_flagged_and_kept_whole():
    a = analysis.analyze(PAGE)
    assert a.text == PAGE
    assert any("web page's HTML code" in w for w in a.warnings)
    assert any("paste" in w for w in a.warnings)  # says what to do instead


@pytest.mark.parametrize(
    "text",
    [
        "<div><p>Officials said the plan <em>could</em> fail.</p><p>Critics disagreed.</p></div>",
        "<html><body><p>Broken <b>html said officials",
    ],
)
def test_html_fragments_without_a_doctype_are_flagged(text):
    assert markup_note(text)


@pytest.mark.parametrize(
    "text",
    [
        "The home side scored <3 goals, and in maths a < b > c holds. " * 5,
        "Officials said the plan would fail.<br>\n" + "More plain prose follows here, as written. " * 40,
        "Replace <Name> with the minister's name, <Date> with the day and <Place> with the city. " * 3,
        "Officials said on Monday that the talks could resume.",
    ],
)
def test_prose_with_angle_brackets_is_not_flagged(text):
    assert markup_note(text) == ""
    assert not any("HTML" in w for w in analysis.analyze(text).warnings)


def test_pathological_brackets_are_checked_in_linear_time():
    # Not flagged, and answered: html.parser takes minutes on text like this (quadratic).
    assert markup_note("<a" * 200_000) == ""
    assert markup_note("<p " + "x" * 500_000) == ""
