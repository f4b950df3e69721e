"""Highlight spans and styles: every finding becomes a span with the right category; styles come from
highlights.toml with a non-colour cue each; Python and Qt offsets agree on texts with emoji."""
from __future__ import annotations

import tomllib
from importlib import resources

from analysis.results import Attribution, Hedge, LoadedTerm, Span

from desktop import highlight as hl


def test_every_category_has_colours_and_a_non_colour_cue():
    styles = hl.load_styles()
    assert set(hl.FINDING_CATEGORIES) <= set(styles)
    assert {hl.BOILERPLATE, hl.TONE} <= set(styles)
    cues = set()
    for key in hl.FINDING_CATEGORIES:
        st = styles[key]
        assert st.label and st.description and st.cue
        assert st.light.startswith("#") and st.dark.startswith("#")
        mark = (st.underline, st.box, st.bold, st.italic)
        assert mark != ("none", "none", False, False), f"{key} relies on colour alone"
        cues.add(mark)
    # In black-and-white print every finding category still looks different.
    assert len(cues) == len(hl.FINDING_CATEGORIES)


def test_named_and_anonymous_sources_differ_in_colour_and_mark():
    named, anon = hl.style(hl.SOURCE_NAMED), hl.style(hl.SOURCE_ANONYMOUS)
    assert named.light != anon.light and named.dark != anon.dark
    assert (named.underline, named.box, named.italic) != (anon.underline, anon.box, anon.italic)


def test_toml_is_the_single_source(tmp_path):
    raw = tomllib.loads((resources.files("resources") / "styles" / "highlights.toml").read_text("utf-8"))
    assert raw["meta"]["licence"]
    assert hl.style(hl.LOADED).light == raw["category"]["loaded_term"]["light"]
    assert "#D55E00" in hl.css(hl.LOADED).upper()


def _analysis(seed_analyses):
    return seed_analyses["001"]


def test_spans_cover_every_finding(seed_analyses):
    a = seed_analyses["001"]
    spans = hl.spans(a)
    by_cat: dict[str, int] = {}
    for s in spans:
        assert 0 <= s.start < s.end <= len(a.text)
        by_cat[s.category] = by_cat.get(s.category, 0) + 1
    assert by_cat.get(hl.TONE, 0) == len(a.sentences)
    assert by_cat.get(hl.BOILERPLATE, 0) == len(a.boilerplate)
    assert by_cat.get(hl.HEDGE, 0) == len(a.hedges)
    assert by_cat.get(hl.LOADED, 0) + by_cat.get(hl.SCARE, 0) == len(a.loaded_terms)
    cues = by_cat.get(hl.CUE_NEUTRAL, 0) + by_cat.get(hl.CUE_CHARGED, 0)
    assert cues == len(a.attributions)


def test_category_mapping_rules():
    term = LoadedTerm(0, 5, "x", "pejorative", 1.0, "why", rule="lexicon:loaded_terms/x")
    scare = LoadedTerm(0, 5, "x", "scare_quote", 1.0, "why", rule="rule:scare-quote")
    assert hl.loaded_category(term) == hl.LOADED and hl.loaded_category(scare) == hl.SCARE
    opinion = LoadedTerm(0, 5, "x", "opinion", 0.5, "why", rule="lexicon:loaded_terms/long overdue")
    assert hl.loaded_category(opinion) == hl.OPINION
    cue = Span(10, 17, "claimed")
    doubt = Attribution(cue, "doubt", Span(0, 3, "NHK"), "named", False)
    plain = Attribution(cue, "neutral", Span(0, 7, "sources"), "anonymous", False)
    nobody = Attribution(cue, "speculative", None, "none", False)
    assert hl.cue_category(doubt) == hl.CUE_CHARGED and hl.cue_category(plain) == hl.CUE_NEUTRAL
    assert hl.source_category(doubt) == hl.SOURCE_NAMED
    assert hl.source_category(plain) == hl.SOURCE_ANONYMOUS
    assert hl.source_category(nobody) == hl.SOURCE_VAGUE


def test_span_index_prefers_the_specific_finding():
    text_len = 40
    items = [hl.HighlightSpan(0, text_len, hl.TONE, None), hl.HighlightSpan(5, 12, hl.HEDGE, Hedge(5, 12, "could", "modal")),
             hl.HighlightSpan(8, 12, hl.LOADED, None)]
    idx = hl.SpanIndex(items)
    assert [s.category for s in idx.at(9)] == [hl.LOADED, hl.HEDGE, hl.TONE]
    assert [s.category for s in idx.at(6)] == [hl.HEDGE, hl.TONE]
    assert idx.at(30) == [items[0]]
    assert [s.category for s in idx.findings()] == [hl.HEDGE, hl.LOADED]


def test_offset_map_round_trips_with_emoji():
    text = "a😀 b 😀😀 dictator ok"
    m = hl.OffsetMap(text)
    utf16 = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        q = m.to_qt(i)
        assert q == len(text[:i].encode("utf-16-le")) // 2
        assert m.to_py(q) == i
    assert len(utf16) // 2 == m.to_qt(len(text))
    plain = hl.OffsetMap("no astral characters")
    assert plain.to_qt(7) == 7 and plain.to_py(7) == 7


def test_qt_formats_follow_the_styles(qapp):
    from PySide6.QtGui import QFont, QTextCharFormat

    f = hl.char_format(hl.LOADED)
    assert f.fontWeight() == QFont.Bold
    assert f.underlineStyle() == QTextCharFormat.SingleUnderline
    assert f.underlineColor().name().upper() == hl.style(hl.LOADED).light.upper()
    assert hl.char_format(hl.CUE_CHARGED).underlineStyle() == QTextCharFormat.WaveUnderline
    assert hl.char_format(hl.SOURCE_NAMED).fontOverline()  # the "box"
    dark = hl.char_format(hl.LOADED, dark=True)
    assert dark.underlineColor().name().upper() == hl.style(hl.LOADED).dark.upper()
    assert hl.tone_format(0.0) is None
    pos, neg = hl.tone_format(0.8), hl.tone_format(-0.8)
    assert pos.background().color() != neg.background().color()


def test_blocks_match_the_text_document(qapp):
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = "Head 😀 line\nSecond\u2028same block\u2029Third\x0cstill\n\nFifth 😀😀 end"
    doc = QTextDocument()
    QTextCursor(doc).insertText(text)
    starts = hl.block_starts(text)
    assert len(starts) == doc.blockCount()
    m = hl.OffsetMap(text)
    for n, start in enumerate(starts):
        assert doc.findBlockByNumber(n).position() == m.to_qt(start)


def test_render_plan_buckets_every_span(seed_analyses):
    a = seed_analyses["002"]
    plan = hl.render_plan(a)
    assert plan.fits(a)
    assert sum(plan.counts.values()) == len(plan.spans)
    starts = hl.block_starts(a.text)
    for s in plan.spans:
        block = max(i for i, b in enumerate(starts) if b <= s.start)
        assert any(item[2] == s.category and item[0] == s.start for item in plan.buckets[block])
