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
from analysis.export.blind import blind, blind_label, name_variants
from analysis.results import Span

SEEDS_TOML = Path(__file__).resolve().parents[2] / "seeds" / "seeds.toml"
OUTLETS = {a["file"][:3]: a["outlet"] for a in tomllib.loads(SEEDS_TOML.read_text("utf-8"))["article"]}


@pytest.fixture(scope="module")
def story(seed_analyses):
    analyses = [replace(a, outlet=OUTLETS[k]) for k, a in sorted(seed_analyses.items())]
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
    assert "Voice of America" in name_variants("Voice of America (Reuters)")
    assert name_variants(None) == []


def test_blind_hides_every_outlet_name_and_keeps_offsets_exact(story):
    analyses, comparison = story
    out, comp = blind(analyses, comparison)
    assert [a.outlet for a in out] == [f"Outlet {c}" for c in "ABCDE"]
    dump = json.dumps([a.to_dict() for a in out] + [comp.to_dict()], ensure_ascii=False)
    for name in OUTLETS.values():
        for variant in name_variants(name):
            assert not re.search(rf"(?<!\w){re.escape(variant)}(?!\w)", dump, re.I), variant
    for before, after in zip(analyses, out):
        assert after.id == before.id
        assert len(after.loaded_terms) == len(before.loaded_terms)
        assert len(after.attributions) == len(before.attributions)
        for s in _spans(after):
            assert 0 <= s.start <= s.end <= len(after.text)
            if hasattr(s, "text"):
                assert after.text[s.start:s.end] == s.text
    for o in comp.only_here:
        art = next(a for a in out if a.id == o.article)
        assert art.text[o.start:o.end] == o.text


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
