"""What the detail panel says, built from the analysis results alone."""
from __future__ import annotations

from analysis.results import NamingRow

from desktop import highlight as hl
from desktop.panes.detail_panel import Other, _naming_row, describe_overview, describe_span


def _plain(html: str) -> str:
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(html)
    return doc.toPlainText()


def test_naming_row_found_when_the_comparison_merged_the_key():
    rows = [NamingRow("Fumio Kishida", "PERSON", {"a": ("Kishida Fumio",), "b": ("Fumio Kishida",)}, True),
            NamingRow("Xi Jinping", "PERSON", {"a": ("Chinese dictator Xi Jinping",)}, True)]
    assert _naming_row("Fumio Kishida", "a", [], rows) is rows[0]
    assert _naming_row("Kishida Fumio", "a", [], rows) is rows[0]  # same words, other order
    assert _naming_row("Xi", "a", ["Chinese dictator Xi Jinping"], rows) is rows[1]  # by this article's wording
    assert _naming_row("Joe Biden", "a", ["Biden"], rows) is None


def test_named_source_shows_how_the_others_name_the_same_person(qapp, seed_articles):
    from analysis import compare
    from analysis.pipeline import analyze_article

    analyses = [analyze_article(a) for a in seed_articles]
    cmp = compare(analyses)
    bb = analyses[1]
    mention = next((m for m in bb.mentions if "Kishida" in m.entity), None)
    assert mention is not None
    span = hl.HighlightSpan(mention.span.start, mention.span.end, hl.SOURCE_NAMED,
                            next(a for a in bb.attributions if a.source is not None))
    others = [Other(a.id, a.outlet, a) for a in analyses if a is not bb]
    text = _plain(describe_span("001", bb.outlet, bb, span, others, cmp))
    assert "How the other outlets handle it" in text
    assert text.count("does not mention") < len(others)  # the others' wording is found despite "Kishida Fumio"
    assert "Prime Minister Fumio Kishida" in text


def test_overview_without_comparison_says_it_is_coming(qapp, seed_analyses):
    a = seed_analyses["001"]
    text = _plain(describe_overview([Other("k", "Breitbart", a)], None))
    assert "Comparing the articles" in text


def test_empty_results_do_not_break_the_panel(qapp, seed_analyses):
    from dataclasses import replace

    a = replace(seed_analyses["001"], loaded_terms=(), attributions=(), hedges=(), mentions=())
    assert hl.spans(a)  # tone and boilerplate still
    text = _plain(describe_overview([Other("k", "X", a), Other("j", "Y", a)], None))
    assert "The story at a glance" in text and "Comparing the articles" in text


def test_headline_credit_is_explained_not_shown_as_a_dash_verb(qapp, seed_analyses):
    reuters = seed_analyses["004"]
    credit = next(a for a in reuters.attributions if a.headline_credit)
    span = hl.HighlightSpan(credit.source.start, credit.source.end, hl.SOURCE_ANONYMOUS, credit)
    text = _plain(describe_span("004", "Reuters", reuters, span, [], None))
    assert "at the end of the headline" in text
    assert "Reporting verb “-”" not in text
    assert "Source: “Sources”" in text and "not name" in text


def test_a_state_of_mind_is_explained_as_its_own_kind(qapp):
    from analysis import analyze

    a = analyze("Officials said the bridge would reopen in May. Many commuters believe the city has no plan.")
    att = next(x for x in a.attributions if x.cue_class == "state_of_mind")
    span = hl.HighlightSpan(att.cue.start, att.cue.end, hl.cue_category(att), att, role="cue")
    text = _plain(describe_span("a", "A", a, span, [], None))
    assert "A thought, wish or plan “believe”" in text
    assert "not counted as a claim from a source" in text
    assert hl.cue_category(att) == hl.CUE_NEUTRAL  # not shown as a charged reporting verb


def test_glance_never_ranks_an_outlet_first_on_one_attribution(qapp, seed_analyses):
    # Issue 9: "The story at a glance" ranked an outlet first for unnamed sources at "100% of statements"
    # when it had exactly one attribution. Demo article 000 has exactly one attribution, and it is unnamed.
    from dataclasses import replace

    from analysis import compare

    arts = list(seed_analyses.values())
    # demo article 000 as it was analysed when the issue was filed: one attribution, unnamed
    seed = seed_analyses["000"]
    one = next(x for x in seed.attributions if x.source_type != "named" and x.cue_class != "state_of_mind")
    thin = replace(seed, attributions=(one,), counts=replace(seed.counts, attributions=1, states_of_mind=0,
                                                               unnamed_source_share=1.0, unnamed_sources=1))
    # make every other outlet's share lower, so that only the one attribution would top the list
    arts = [thin if a.id == "000" else replace(a, attributions=tuple(x for x in a.attributions if x.source_type == "named")
                                               + tuple(x for x in a.attributions if x.source_type != "named")[:1])
            for a in arts]
    cmp = compare(arts)
    row = next(r for r in cmp.metrics if r.metric == "unnamed_source_share")
    assert max(row.values, key=row.values.get) == "000"  # it has the highest share
    others = [Other(a.id, f"Outlet {a.id}", a) for a in arts]
    lines = _plain(describe_overview(others, cmp)).splitlines()
    line = lines[lines.index("Most claims from unnamed sources") + 1]
    assert not line.startswith("Outlet 000")
    assert "attributions" in line and " of " in line  # the leader's share comes with its count
    assert "Outlet 000" not in line or "too few to compare" in line
    assert "000" in row.too_few and "000" not in row.outliers
    # when only thin figures are left, the line says so instead of ranking anyone
    only_thin = compare([thin, *[replace(a, attributions=(), counts=replace(a.counts, attributions=0, states_of_mind=0))
                                 for a in arts if a is not thin]])
    lines = _plain(describe_overview([Other(a.id, f"Outlet {a.id}", a) for a in arts], only_thin)).splitlines()
    line = lines[lines.index("Most claims from unnamed sources") + 1]
    assert line.startswith("too few to compare: Outlet 000 (1 of 1 attribution)")


def test_opinion_phrase_is_its_own_highlight_and_is_explained(qapp):
    import analysis

    a = analysis.analyze("The council deserves credit for the library. The reform is long overdue.")
    opinion = [s for s in hl.spans(a) if s.category == hl.OPINION]
    assert [a.text[s.start:s.end] for s in opinion] == ["deserves credit", "long overdue"]
    text = _plain(describe_span("x", "Test", a, opinion[1], [], None))
    assert "Opinion" in text and "Why it matters" in text and "Plainer wording" in text


def test_sentence_panel_says_its_kind_why_and_how_many_share_it(qapp):
    import analysis
    from desktop.panes.detail_panel import describe_sentence

    a = analysis.analyze("The reform is long overdue. The mayor said the vote would be held in May. "
                         "The council met on Tuesday.")
    assert [s.kind for s in a.sentences] == ["opinion", "speech", "report"]
    text = _plain(describe_sentence("x", "Test", a, 0, [], None))
    assert "Kind of sentence: Opinion" in text and "long overdue" in text
    assert "1 of 3 sentences" in text
    text = _plain(describe_sentence("x", "Test", a, 1, [], None))
    assert "Reported speech" in text and "said" in text


def test_a_sentence_says_which_words_moved_its_tone_and_toward_whom(qapp):
    from analysis import analyze
    from desktop.panes.detail_panel import describe_sentence

    a = analyze("Critics attacked the plan, but praised Smith for her candour.")
    text = _plain(describe_sentence("k", "Daily", a, 0, [], None))
    assert "VADER's word list alone scores it +0.40" in text
    assert "“praised” made this more positive (+" in text and "“attacked” made this more negative (-" in text
    assert "Toward Smith: positive" in text and "“praised” made this more positive toward Smith (+" in text


def test_a_sentence_analysed_before_the_tone_model_still_shows(qapp):
    from analysis.results import Sentence
    from dataclasses import replace

    from analysis import analyze
    from desktop.panes.detail_panel import describe_sentence

    a = analyze("The meeting is scheduled for July.")
    old = replace(a, sentences=(Sentence(a.sentences[0].start, a.sentences[0].end, 0.0),))
    text = _plain(describe_sentence("k", "Daily", old, 0, [], None))
    assert "Tone +0.00 (neutral)" in text
    assert "Words that moved" not in text and "alone scores it" not in text and "Toward" not in text
