"""The students' glossary parses, and every measure the app can show has an entry (no Qt here).

The lists come from the code and data that define what the app shows, so a new highlight category,
measure, cue class, source type or sentence kind without a glossary entry fails here."""
import tomllib
import typing
from html.parser import HTMLParser
from importlib import resources

import pytest

from analysis import glossary, lexicons
from analysis.compare.outliers import METRICS
from analysis.measures.sentence_kind import KINDS
from analysis.results import CueClass, SourceType


def _highlight_categories() -> list[str]:
    raw = tomllib.loads((resources.files("resources") / "styles" / "highlights.toml").read_text("utf-8"))
    return list(raw["category"])  # every legend row: the finding kinds, page furniture and sentence tone


SHOWN = (
    [f"category:{c}" for c in _highlight_categories()]
    + [f"metric:{m.key}" for m in METRICS]
    + [f"cue_class:{c}" for c in lexicons.load_builtin("reporting_verbs")["class"]]
    + [f"cue_class:{c}" for c in typing.get_args(CueClass)]
    + [f"source_type:{s}" for s in typing.get_args(SourceType)]
    + [f"kind:{k}" for k in KINDS]
)


def test_glossary_parses_with_source_and_licence():
    meta = glossary.meta()
    assert meta["name"] == "glossary"
    for key in ("version", "source", "licence"):
        assert str(meta[key]).strip()
    assert len(glossary.entries()) >= 20


@pytest.mark.parametrize("key", sorted(set(SHOWN)))
def test_every_category_measure_and_kind_has_an_entry(key):
    e = glossary.entry_for(key)
    assert e is not None, f"{key} has no entry in resources/glossary.toml"
    assert e.plain and e.example and e.why and e.fine and e.ask


def test_the_readability_numbers_say_what_they_measure_and_their_limits():
    for m in ("flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "words_per_sentence"):
        e = glossary.entry_for(f"metric:{m}")
        assert e.measures and e.limits, m


def test_the_topics_the_brief_names_are_explained():
    assert "whistle" in glossary.entry_for("category:source_anonymous").fine  # when unnamed sources are legitimate
    said = glossary.entry_for("cue_class:doubt")
    assert "“claimed”" in said.title and "“said”" in said.title
    assert "1 of 1" in glossary.entry("too_few").title and "too few to compare" in glossary.entry("too_few").plain
    assert glossary.entry_for("section:only_here").id == "only_one_outlet"


def test_links_name_an_entry():
    assert glossary.link("category:hedge") == "glossary:hedge"
    assert glossary.link("metric:gunning_fog") == "glossary:fog_index"
    assert glossary.link("category:no_such_thing") == ""


def test_a_malformed_glossary_names_the_entry_and_the_problem():
    good = (resources.files("resources") / "glossary.toml").read_text("utf-8")
    with pytest.raises(glossary.GlossaryError, match="hedge.*missing example"):
        glossary.parse(good.replace("example = '''“The new rules could cost", "examples = '''“x", 1))
    with pytest.raises(glossary.GlossaryError, match="explained by two entries"):
        glossary.parse(good.replace('keys = ["category:opinion"]', 'keys = ["category:hedge"]'))
    with pytest.raises(glossary.GlossaryError, match="lacks licence"):
        glossary.parse(good.replace('licence = "MIT, Slant project"', ""))


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.names, self.hrefs, self.text = set(), [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("name"):
            self.names.add(a["name"])
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])

    def handle_data(self, data):
        self.text.append(data)


def test_html_has_an_anchor_per_entry_and_every_link_lands():
    p = _Anchors()
    p.feed(glossary.to_html())
    assert p.names == {e.id for e in glossary.entries()}
    assert p.hrefs and all(h.startswith("#") and h[1:] in p.names for h in p.hrefs)
    text = " ".join(p.text)
    for e in glossary.entries():
        assert e.title in text
    assert "<script" not in glossary.to_html()


def test_the_glossary_names_no_demo_outlet_or_byline():
    """Blind mode shows the glossary too: no outlet name, short form or byline of the demo may appear in it."""
    import re

    from analysis.sources import load_seeds

    text = glossary.to_html()
    names = set()
    for a in load_seeds():
        for who in (a.outlet, a.byline):
            if who:
                names.add(who)
                names.update(w for w in re.findall(r"[A-Z][A-Za-z]{3,}", who) if w not in ("News",))
    assert names and not [n for n in sorted(names) if n in text]
