"""A text of several megabytes is analysed in sections (``analysis.sections``): the findings index the
whole text, names are keyed across sections, and the whole-text figures are those of the whole text.
The tests make sections small (``SLANT_SECTION_CHARS``) so that the demo articles are several."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import analyze, sections
from analysis.results import BoilerplateSpan


@pytest.fixture(scope="module")
def seeds_text():
    from analysis.sources import load_seeds

    return "\n\n".join(a.text.strip() for a in load_seeds())


@pytest.fixture(scope="module")
def whole(seeds_text):
    return analyze(seeds_text)


def test_an_article_is_one_section_and_a_long_text_is_cut_at_paragraphs(seeds_text):
    assert sections.bounds(seeds_text) == [(0, len(seeds_text))]
    cut = sections.bounds(seeds_text, 6000)
    assert len(cut) == 3 and cut[0][0] == 0 and cut[-1][1] == len(seeds_text)
    assert all(a[1] == b[0] for a, b in zip(cut, cut[1:]))  # nothing left out, nothing twice
    assert all(seeds_text[end - 1] == "\n" for _, end in cut[:-1])  # at a paragraph or line break


def test_sections_find_what_the_whole_text_finds(seeds_text, whole, monkeypatch):
    """Cut at paragraph breaks, the demo articles give the same findings, names, tone toward each person,
    counts, readability and language check as read whole."""
    monkeypatch.setenv("SLANT_SECTION_CHARS", "6000")
    cut = analyze(seeds_text)
    assert cut.text == whole.text
    for name in ("loaded_terms", "attributions", "hedges", "mentions", "sentences", "tone", "counts",
                 "readability", "language", "boilerplate", "title"):
        assert getattr(cut, name) == getattr(whole, name), name


def test_every_offset_indexes_the_whole_text(seeds_text, monkeypatch):
    monkeypatch.setenv("SLANT_SECTION_CHARS", "2500")
    a = analyze(seeds_text)
    assert len(sections.bounds(seeds_text)) >= 6
    spans = [(t.start, t.end, t.text) for t in a.loaded_terms + a.hedges]
    spans += [(x.cue.start, x.cue.end, x.cue.text) for x in a.attributions]
    spans += [(x.source.start, x.source.end, x.source.text) for x in a.attributions if x.source]
    spans += [(m.phrase.start, m.phrase.end, m.phrase.text) for m in a.mentions]
    spans += [(c.start, c.end, c.text) for s in a.sentences for c in s.contributions]
    assert spans and all(a.text[s:e] == t for s, e, t in spans)
    assert [s.start for s in a.sentences] == sorted(s.start for s in a.sentences)
    late = [m for m in a.mentions if m.span.start > len(seeds_text) // 2]
    assert late  # the later sections' findings are there, moved into the whole text


def test_a_name_written_in_full_in_one_section_keys_it_in_the_others(monkeypatch):
    filler = "\n\n".join(f"The committee met for the {n}th time on the budget and the schedule." for n in range(40))
    first = "Prime Minister Fumio Kishida arrived in Tokyo on Monday for the talks."
    later = "Kishida said the talks would resume in May, and Kishida thanked the hosts."
    text = f"{first}\n\n{filler}\n\n{later}\n"
    monkeypatch.setenv("SLANT_SECTION_CHARS", "2000")
    assert len(sections.bounds(text)) >= 2
    a = analyze(text)
    keys = {m.entity for m in a.mentions if "Kishida" in m.span.text}
    assert keys == {"Fumio Kishida"}
    kishida = [e for e in a.tone.by_entity if "Kishida" in e.entity]
    assert len(kishida) == 1 and kishida[0].mentions == 2  # two sentences, in two sections
    assert all(t.entity == "Fumio Kishida" for s in a.sentences for t in s.targets if "Kishida" in t.entity)
    # read on its own, the later section knows only the surname: the whole text's key came from the merge
    alone = analyze(later)
    assert {m.entity for m in alone.mentions} == {"Kishida"}


def test_progress_runs_once_from_start_to_end_across_sections(seeds_text, monkeypatch):
    monkeypatch.setenv("SLANT_SECTION_CHARS", "4000")
    seen: list[float] = []
    analyze(seeds_text, progress=seen.append)
    assert seen == sorted(seen) and 0 < seen[0] < 0.3 and seen[-1] == 1.0


def test_page_furniture_across_a_cut_is_cut_with_it():
    spans = (BoilerplateSpan(0, 10, "Share this", "share"), BoilerplateSpan(95, 110, "Advertisement 12", "ad"))
    assert sections.local_boilerplate(spans, 0, 100) == (BoilerplateSpan(0, 10, "Share this", "share"),
                                                          BoilerplateSpan(95, 100, "Adver", "ad"))
    assert sections.local_boilerplate(spans, 100, 200) == (BoilerplateSpan(0, 10, "tisement 1", "ad"),)


PARAGRAPHS = st.sampled_from([
    "Prime Minister Fumio Kishida said the talks could resume, officials said.",
    "“It is a disaster,” Kishida told reporters. Critics claimed the plan was reckless.",
    "Kishida's aides, who declined to be named, said he believed the deal was close",
    "TOKYO (Reuters) - Share this article\nAdvertisement",
    "😀" * 300, "x" * 700, "word " * 150, "\ud800 lone \udfff surrogates", "\n", " ", "Sources said so.",
])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PARAGRAPHS, min_size=3, max_size=40).map("\n\n".join))
def test_any_text_cut_into_sections_gives_a_sound_result(text):
    """Sections of 2,000 characters (the smallest allowed) over texts of every shape: no error, and every
    offset indexes the whole text."""
    old = os.environ.get("SLANT_SECTION_CHARS")
    os.environ["SLANT_SECTION_CHARS"] = "2000"
    try:
        a = analyze(text)
    finally:
        if old is None:
            del os.environ["SLANT_SECTION_CHARS"]
        else:
            os.environ["SLANT_SECTION_CHARS"] = old
    assert a.text == text
    spans = [(t.start, t.end, t.text) for t in a.loaded_terms + a.hedges + a.boilerplate]
    spans += [(x.cue.start, x.cue.end, x.cue.text) for x in a.attributions]
    spans += [(m.span.start, m.span.end, m.span.text) for m in a.mentions]
    spans += [(c.start, c.end, c.text) for s in a.sentences for c in s.contributions]
    assert all(0 <= s <= e <= len(text) and a.text[s:e] == t for s, e, t in spans)
    ends = [(s.start, s.end) for s in a.sentences]
    assert all(0 <= s < e <= len(text) for s, e in ends) and ends == sorted(ends)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(ends, ends[1:]))  # no sentence twice across a cut
