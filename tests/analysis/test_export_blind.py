"""Blind mode: outlet names hidden everywhere, every offset still exact."""
from __future__ import annotations

import dataclasses
import json
import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from analysis import compare
from analysis.export.blind import blind, blind_label, identity_lines, name_variants, who_was_who
from analysis.results import Span

SEEDS_TOML = Path(__file__).resolve().parents[2] / "seeds" / "seeds.toml"
META = {a["file"][:3]: a for a in tomllib.loads(SEEDS_TOML.read_text("utf-8"))["article"]}
OUTLETS = {k: m["outlet"] for k, m in META.items()}


@pytest.fixture(scope="module")
def story(seed_analyses):
    analyses = [replace(a, outlet=META[k]["outlet"], byline=META[k].get("byline")) for k, a in sorted(seed_analyses.items())]
    return analyses, compare(analyses)


def _spans(obj):
    """Every (start, end, text) dataclass inside ``obj`` (text may be absent)."""
    if dataclasses.is_dataclass(obj):
        names = {f.name for f in dataclasses.fields(obj)}
        if {"start", "end"} <= names:
            yield obj
        for f in dataclasses.fields(obj):
            yield from _spans(getattr(obj, f.name))
    elif isinstance(obj, (tuple, list)):
        for v in obj:
            yield from _spans(v)


def test_labels_are_letters_in_input_order():
    assert [blind_label(i) for i in (0, 1, 25, 26)] == ["Outlet A", "Outlet B", "Outlet Z", "Outlet AA"]


def test_short_forms_of_a_name_are_hidden_too():
    assert set(name_variants("Kyodo News")) == {"Kyodo News", "Kyodo"}
    assert {"Voice of America", "Reuters", "VOA"} <= set(name_variants("Voice of America (Reuters)"))
    assert "Kyodo" not in " ".join(name_variants("Aggregator (rewrite of a Kyodo report)")[1:])
    assert name_variants(None) == []


def _identity_terms(meta: dict) -> list[str]:
    """What names one demo article: its outlet's forms and its byline (from seeds.toml)."""
    terms = name_variants(meta["outlet"])
    if meta.get("byline"):
        terms.append(meta["byline"])
    return terms


def _strings(obj):
    """Every string inside a result object (headline, entity names, notes...), the text excluded."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            if f.name != "text" or not hasattr(obj, "counts"):
                yield from _strings(getattr(obj, f.name))
    elif isinstance(obj, (tuple, list)):
        for v in obj:
            yield from _strings(v)
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, str):
        yield obj


def test_no_line_of_a_blind_demo_article_names_its_outlet_or_byline(story):
    analyses, comparison = story
    out, comp = blind(analyses, comparison)
    assert [a.outlet for a in out] == [f"Outlet {c}" for c in "ABCDE"]
    for before, after in zip(analyses, out):
        terms = _identity_terms(META[before.id])
        assert identity_lines(after.text, terms) == [], before.outlet
        leaks = [s for s in _strings(after) if identity_lines(s, terms)]
        assert leaks == [], before.outlet
        assert after.byline is None and after.url is None and after.file is None
        for s in _spans(after):
            assert 0 <= s.start <= s.end <= len(after.text)
            if hasattr(s, "text"):
                assert after.text[s.start:s.end] == s.text
        # no finding is lost outside the cut passages
        assert len(after.sentences) == len(before.sentences)
    for o in comp.only_here:
        art = next(a for a in out if a.id == o.article)
        assert art.text[o.start:o.end] == o.text
    for n in comp.naming:  # an outlet's own mentions of itself are not listed under its letter
        for aid, phrases in n.by_article.items():
            assert not identity_lines(n.entity, _identity_terms(META[aid])), (n.entity, aid)


def test_blind_demo_cuts_author_lines_follow_lines_furniture_and_the_publisher_paragraph(story):
    analyses, comparison = story
    out, _comp = blind(analyses, comparison)
    texts = {a.id: a.text for a in out}
    assert "Author:" not in texts["000"] and "Connect with us" not in texts["000"]
    assert "Follow" not in texts["001"]
    assert "No time to read" not in texts["002"] and "Previous Article" not in texts["002"]
    assert "Related coverage" not in texts["003"] and "(Kyodo)" not in texts["003"]
    assert "told Outlet E." in texts["004"]
    assert "[about Outlet E: removed in blind mode]" in texts["004"]
    for word in ("1851", "Thomson", "Toronto", "16x9", "XS"):
        assert word not in texts["004"], word


def test_other_outlets_cited_as_sources_stay_as_written(story):
    analyses, comparison = story
    out, _comp = blind(analyses, comparison)
    texts = {a.id: a.text for a in out}
    assert "Japan’s Kyodo News similarly reported" in texts["001"]
    assert "Kyodo claimed" in texts["001"]
    assert "cited by Kyodo News" in texts["002"] and "The Wall Street Journal" in texts["002"]
    assert "Kyodo reported, citing government sources" in texts["004"]
    src = [x.source.text for x in next(a for a in out if a.id == "001").attributions if x.source]
    assert "Kyodo" in src  # the finding itself still names the cited outlet


WIRE = """TOKYO (Reuters) - Japan will send its prime minister to the summit, the sources told Reuters on Monday.
By Jane Doe and Kenji Sato

Kyodo News reported earlier that the trip was likely, and the Associated Press said talks went on.
"We are preparing," a spokesman told Reuters. More at https://www.reuters.com/world/japan-summit-2024.
Reuters is a news agency founded in 1851, owned by Thomson Reuters, based in Toronto.

Reporting by Jane Doe; Editing by John Roe
© 2024 Reuters. All rights reserved.
Follow us on Twitter @Reuters
"""

AGENCY = """TOKYO, July 10 (Kyodo) -- Japan's prime minister will attend the summit, government sources said.
The officials spoke on condition of anonymity, Kyodo News has learned. Reuters reported a similar plan.
About Kyodo: Kyodo News is a news agency founded in 1945 and based in Tokyo.
Copyright 2024 Kyodo News
"""


def test_hand_made_articles_with_bylines_datelines_and_footers():
    from analysis import analyze

    a = replace(analyze(WIRE, outlet="Reuters", id="w"), byline="Jane Doe and Kenji Sato",
                url="https://www.reuters.com/world/japan-summit-2024")
    b = analyze(AGENCY, outlet="Kyodo News", id="k")
    (ba, bb), _ = blind([a, b], compare([a, b]))
    assert identity_lines(ba.text, ["Reuters", "Jane Doe", "Kenji Sato", "reuters.com", "Thomson", "1851"]) == []
    assert identity_lines(bb.text, ["Kyodo", "1945"]) == []
    assert ba.text.startswith("TOKYO (Outlet A) - ")
    assert "told Outlet A on Monday" in ba.text
    assert "Kyodo News reported earlier" in ba.text and "the Associated Press said" in ba.text
    assert "[about Outlet A: removed in blind mode]" in ba.text
    assert bb.text.startswith("TOKYO, July 10 (Outlet B) -- ")
    assert "Outlet B has learned" in bb.text and "Reuters reported a similar plan" in bb.text
    assert "[about Outlet B: removed in blind mode]" in bb.text
    for art in (ba, bb):
        for s in _spans(art):
            if hasattr(s, "text"):
                assert art.text[s.start:s.end] == s.text
    cues = [x.cue.text for x in ba.attributions]
    assert "told" in cues  # "the sources told Reuters" is still an attribution, now to "Outlet A"


def test_reveal_says_who_was_who(story):
    analyses, _ = story
    rows = who_was_who(analyses)
    assert [(r.label, r.outlet) for r in rows][:2] == [("Outlet A", "JAPAN Forward"), ("Outlet B", "Breitbart News")]


def test_blind_rewrites_a_name_inside_the_text_and_moves_later_spans():
    from analysis import analyze

    text = "Breitbart News reported that the dictator said so. Breitbart later claimed more."
    a = analyze(text, outlet="Breitbart News", id="x")
    b = analyze("The minister said the talks went well.", outlet="Kyodo News", id="y")
    (ba, bb), _ = blind([a, b], compare([a, b]))
    assert ba.text == "Outlet A reported that the dictator said so. Outlet A later claimed more."
    for s in _spans(ba):
        if isinstance(s, Span) or hasattr(s, "text"):
            assert ba.text[s.start:s.end] == s.text
    assert bb.outlet == "Outlet B"


def test_blind_drops_the_web_address_and_the_byline(story):
    analyses, comparison = story
    sourced = [replace(a, url=f"https://{OUTLETS[a.id].split()[0].lower()}.example/story", byline="Frances Martel",
                       fetched="2024-07-10T09:30:00+00:00") for a in analyses]
    out, _comp = blind(sourced, comparison)
    assert all(a.url is None and a.byline is None for a in out)


def test_short_forms_are_names_not_common_words():
    """"The Times" hides "Times" and "THE TIMES", never "three times"; a byline "Staff" hides nobody."""
    from analysis import analyze

    text = ("The minister said it three times. The Times reported that the talks went on.\n"
            "Embassy staff said little.\nTHE TIMES\n")
    a = replace(analyze(text, outlet="The Times", id="t"), byline="Staff")
    (b,), _ = blind([a], compare([a]))
    assert "three times" in b.text and "Embassy staff said" in b.text
    assert "Outlet A reported" in b.text
    assert identity_lines(b.text, ["Times"]) == ["The minister said it three times. Outlet A reported that the talks went on."]
