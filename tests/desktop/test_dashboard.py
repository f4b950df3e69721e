"""The comparison dashboard: tables, outlier cues, charts, empty states and jumps into the text."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from analysis.results import (
    ArticleAnalysis,
    BoilerplateSpan,
    Comparison,
    Counts,
    DistinctiveWord,
    Language,
    LoadedTerm,
    Mention,
    MetricRow,
    NamingRow,
    OnlyHere,
    Readability,
    Sentence,
    Span,
    Tone,
)
from desktop.charts import ChartPalette
from desktop.dashboard import EMPTY_TEXT, DashboardPanel
from desktop.models.dashboard_models import (
    JUMP_ROLE,
    OUTLIER_ROLE,
    MetricsTableModel,
    first_occurrence,
)

# ------------------------------------------------------------------------------ a hand-made story


def _article(aid: str, outlet: str, boiler: str, sentences: list[tuple[str, float]], *, loaded=(), mentions=()):
    """An ArticleAnalysis whose offsets are computed from the text (findings given as strings)."""
    text = boiler + " ".join(s for s, _ in sentences)
    sents, pos = [], len(boiler)
    for s, tone in sentences:
        start = text.index(s, pos)
        sents.append(Sentence(start, start + len(s), tone))
        pos = start + len(s)

    def span(phrase: str, after: int = len(boiler)) -> Span:
        start = text.index(phrase, after)
        return Span(start, start + len(phrase), phrase)

    terms = tuple(
        LoadedTerm(s.start, s.end, s.text, "label", 1.0, "judges", (), f"lexicon:test/{w}")
        for w in loaded
        for s in [span(w)]
    )
    ments = []
    for entity, phrase, name in mentions:
        p = span(phrase)
        n = span(name, p.start)
        ments.append(Mention(entity, "PERSON", n, p, tuple(phrase[: len(phrase) - len(name)].split())))
    bp = (BoilerplateSpan(0, len(boiler), boiler, "share buttons"),) if boiler else ()
    words = len(text[len(boiler):].split())
    tones = [t for _, t in sentences]
    return ArticleAnalysis(
        id=aid,
        outlet=outlet,
        title=None,
        date=None,
        text=text,
        language=Language(True, 1.0),
        boilerplate=bp,
        sentences=tuple(sents),
        tone=Tone(sum(tones) / len(tones), 0.0, 0.0),
        loaded_terms=terms,
        attributions=(),
        hedges=(),
        readability=Readability(60.0, 8.0, 10.0, 12.0),
        counts=Counts(words, len(sents), 1000.0 * len(terms) / words, 0.0, 0.0, 0, len(terms), 0),
        mentions=tuple(ments),
    )


@pytest.fixture()
def story():
    a = _article(
        "a1",
        "Daily Bugle",
        "Dictator quiz! Share this page\n",
        [
            ("Chinese dictator Xi Jinping met Kishida.", -0.6),
            ("Xi warned Japan.", -0.3),
            ("Critics called the talks a disaster.", -0.7),
        ],
        loaded=("dictator", "disaster"),
        mentions=[("Xi Jinping", "Chinese dictator Xi Jinping", "Xi Jinping"), ("Xi Jinping", "Xi", "Xi")],
    )
    b = _article(
        "b2",
        "Morning Post",
        "",
        [
            ("President Xi Jinping met Prime Minister Kishida.", 0.0),
            ("The talks were calm.", 0.4),
            ("Officials said the meeting went well.", 0.5),
        ],
        mentions=[("Xi Jinping", "President Xi Jinping", "Xi Jinping")],
    )
    c = _article(
        "c3",
        "Evening Star",
        "",
        [
            ("Xi Jinping and Kishida met in Tokyo.", 0.0),
            ("Sources said the talks could continue.", 0.1),
            ("Only the Star noticed the rain.", 0.0),
        ],
        # filed under another key than the comparison's row: the phrase still finds it
        mentions=[("Xi", "Xi Jinping", "Xi Jinping")],
    )
    only = c.text.index("Only the Star")
    comparison = Comparison(
        articles=("a1", "b2", "c3"),
        metrics=(
            MetricRow("loaded_per_1000_words", "Loaded terms per 1000 words", {"a1": 105.3, "b2": 0.0, "c3": 0.0},
                      0.0, ("a1",), "more charged or labelling words"),
            MetricRow("tone_mean", "Average tone", {"a1": -0.53, "b2": 0.3, "c3": 0.03}, 0.03, (),
                      "a more positive tone (below 0: negative)"),
            MetricRow("flesch_reading_ease", "Reading ease (Flesch)", {"a1": 5.0, "b2": 60.0, "c3": 62.0}, 60.0,
                      ("a1",), "easier to read"),
        ),
        distinctive={
            "a1": (DistinctiveWord("dictator", 3.1, 1), DistinctiveWord("disaster", 2.5, 1)),
            "b2": (DistinctiveWord("officials", 2.2, 1),),
            "c3": (),
        },
        naming=(
            NamingRow("Xi Jinping", "PERSON", {"a1": ("Chinese dictator Xi Jinping", "Xi"),
                                               "b2": ("President Xi Jinping",), "c3": ("Xi Jinping",)}, True),
            NamingRow("Tokyo", "GPE", {"c3": ("Tokyo",)}, False),
        ),
        alignment=(),
        only_here=(OnlyHere("c3", 2, only, only + len("Only the Star noticed the rain."),
                            "Only the Star noticed the rain."),),
    )
    return [a, b, c], comparison


@pytest.fixture()
def panel(qtbot, story):
    p = DashboardPanel()
    qtbot.addWidget(p)
    p.resize(1400, 900)
    p.set_results(*story)
    p.show()
    qtbot.waitExposed(p)
    return p


def _click_cell(qtbot, view, row: int, column: int) -> None:
    index = view.model().index(row, column)
    view.scrollTo(index)
    rect = view.visualRect(index)
    assert rect.isValid(), "cell not visible"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _text(analyses, jump) -> str:
    aid, start, end = jump
    return {a.id: a for a in analyses}[aid].text[start:end]


# ------------------------------------------------------------------------------------------ tests


def test_metrics_table_has_a_row_per_metric_and_a_column_per_outlet(panel, story):
    analyses, comparison = story
    model = panel.metrics_view.model()
    assert model.rowCount() == len(comparison.metrics)
    heads = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert heads[1:4] == ["Daily Bugle", "Morning Post", "Evening Star"]
    assert "Story median" in heads
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [m.label for m in comparison.metrics]
    # values and the median, formatted as readers expect
    tone = model.metric_row("tone_mean")
    assert model.index(tone, model.outlet_column("a1")).data() == "-0.53"
    assert model.index(tone, model.median_column).data() == "+0.03"


def test_outlier_cells_are_marked_by_colour_and_by_a_text_cue(panel):
    model = panel.metrics_model
    loaded = model.metric_row("loaded_per_1000_words")
    ease = model.metric_row("flesch_reading_ease")
    high = model.index(loaded, model.outlet_column("a1"))
    low = model.index(ease, model.outlet_column("a1"))
    plain = model.index(loaded, model.outlet_column("b2"))
    assert high.data(OUTLIER_ROLE) == "high" and high.data().endswith("▲")
    assert low.data(OUTLIER_ROLE) == "low" and low.data().endswith("▼")
    assert plain.data(OUTLIER_ROLE) is None and not plain.data().endswith(("▲", "▼"))
    assert high.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert plain.data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Much higher" in high.data(Qt.ItemDataRole.ToolTipRole)
    assert "more charged or labelling words" in high.data(Qt.ItemDataRole.ToolTipRole)
    assert "Much lower" in low.data(Qt.ItemDataRole.ToolTipRole)


def test_outlier_tint_follows_the_light_or_dark_palette(qapp, story):
    model = MetricsTableModel(*story)
    cell = model.index(model.metric_row("loaded_per_1000_words"), model.outlet_column("a1"))
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == ChartPalette.light().outlier_tint
    model.set_chart_palette(ChartPalette.dark())
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == ChartPalette.dark().outlier_tint


def test_clicking_only_here_row_jumps_to_that_sentence(qtbot, panel, story):
    analyses, _ = story
    panel.show_section("only_here")
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        _click_cell(qtbot, panel.only_here_view, 0, 1)
    assert blocker.args[0] == "c3"
    assert _text(analyses, blocker.args) == "Only the Star noticed the rain."


def test_enter_on_a_selected_row_jumps_too(qtbot, panel, story):
    analyses, _ = story
    panel.show_section("only_here")
    view = panel.only_here_view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert _text(analyses, blocker.args) == "Only the Star noticed the rain."


def test_clicking_a_naming_cell_jumps_to_that_outlets_first_naming(qtbot, panel, story):
    analyses, _ = story
    panel.show_section("naming")
    model = panel.naming_view.model()
    assert model.index(0, 0).data().startswith("Xi Jinping")
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        _click_cell(qtbot, panel.naming_view, 0, 1)  # Daily Bugle
    assert blocker.args[0] == "a1"
    assert _text(analyses, blocker.args) == "Chinese dictator Xi Jinping"
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        _click_cell(qtbot, panel.naming_view, 0, 3)  # Evening Star: mention filed under "Xi"
    assert blocker.args[0] == "c3"
    assert _text(analyses, blocker.args) == "Xi Jinping"
    # an outlet that does not mention the entity says so and has nowhere to jump
    tokyo_bugle = model.index(1, 1)
    assert tokyo_bugle.data() == "not mentioned"
    assert tokyo_bugle.data(JUMP_ROLE) is None


def test_naming_filter_keeps_only_entities_named_differently(qtbot, panel):
    model = panel.naming_view.model()
    assert model.rowCount() == 2
    panel.only_diff_box.setChecked(True)
    assert model.rowCount() == 1
    assert model.index(0, 0).data().startswith("Xi Jinping")


def test_distinctive_word_jumps_to_its_first_use_in_the_body_not_the_boilerplate(qtbot, panel, story):
    analyses, _ = story
    bugle = analyses[0]
    model = panel.distinctive_models["a1"]
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["dictator", "disaster"]
    jump = model.index(0, 0).data(JUMP_ROLE)
    assert _text(analyses, jump) == "dictator"
    assert jump[1] > len("Dictator quiz! Share this page\n")  # "Dictator quiz!" is page furniture
    # the Evening Star has no distinctive words: its box says so instead of an empty table
    assert panel.distinctive_models["c3"].rowCount() == 0
    assert first_occurrence(bugle, "nowhere") is None


def test_clicking_a_metric_cell_jumps_to_an_example(qtbot, panel, story):
    analyses, _ = story
    panel.show_section("numbers")
    model = panel.metrics_model
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        _click_cell(qtbot, panel.metrics_view, model.metric_row("loaded_per_1000_words"), model.outlet_column("a1"))
    assert _text(analyses, blocker.args) == "dictator"


def test_charts_show_each_outlet_with_median_and_outliers(qtbot, panel):
    chart = panel.bar_charts["loaded_per_1000_words"]
    assert [label for label, _ in chart.bars()] == ["Daily Bugle", "Morning Post", "Evening Star"]
    assert "Daily Bugle 105.3 (outlier)" in chart.accessibleDescription()
    assert "story median 0.0" in chart.accessibleDescription()
    assert set(panel.tone_strips) == {"a1", "b2", "c3"}
    assert panel.tone_strips["a1"].tones() == [-0.6, -0.3, -0.7]


def test_clicking_a_bar_or_a_tone_strip_sentence_jumps(qtbot, panel, story):
    analyses, _ = story
    panel.show_section("glance")
    chart = panel.bar_charts["loaded_per_1000_words"]
    rect = chart.barRect(0)
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert _text(analyses, blocker.args) == "dictator"
    strip = panel.tone_strips["b2"]
    col = strip.columnRect(2)
    with qtbot.waitSignal(panel.jumpRequested) as blocker:
        qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=col.center().toPoint())
    assert _text(analyses, blocker.args) == "Officials said the meeting went well."


@pytest.mark.parametrize("n", [0, 1])
def test_fewer_than_two_articles_show_the_empty_state(qtbot, story, n):
    analyses, _ = story
    p = DashboardPanel()
    qtbot.addWidget(p)
    p.show()
    kept = analyses[:n]
    p.set_results(kept, Comparison(tuple(a.id for a in kept), (), {}, (), (), ()))
    assert p.is_empty()
    assert p.empty_label.isVisible() and p.empty_label.text() == EMPTY_TEXT
    assert p.metrics_model.rowCount() == 0


def test_panel_goes_back_to_empty_and_returns(qtbot, panel, story):
    analyses, comparison = story
    assert not panel.is_empty()
    panel.set_results(analyses[:1], comparison)
    assert panel.is_empty() and panel.empty_label.isVisible()
    assert panel.tone_strips == {}
    panel.set_results(analyses, comparison)
    assert not panel.is_empty()
    assert panel.metrics_model.rowCount() == 3


def test_sections_without_content_explain_themselves(qtbot, story):
    analyses, comparison = story
    bare = Comparison(comparison.articles, comparison.metrics, {}, (), (), ())
    p = DashboardPanel()
    qtbot.addWidget(p)
    p.set_results(analyses, bare)
    p.show()
    for section in (p.words, p.naming, p.only_here):  # tabs not shown: ask "hidden?", not "visible?"
        assert not section.empty.isHidden()
        assert section.empty.text()
        assert section.content.isHidden()
    assert not p.numbers.content.isHidden() and p.numbers.empty.isHidden()


# ---------------------------------------------------------------------------- with the real seeds


def test_real_seeds_fill_the_dashboard_and_every_jump_lands_on_its_text(qtbot, seed_analyses):
    import analysis

    analyses = list(seed_analyses.values())
    comparison = analysis.compare(analyses)
    p = DashboardPanel()
    qtbot.addWidget(p)
    p.set_results(analyses, comparison)
    by_id = {a.id: a for a in analyses}

    model = p.metrics_model
    assert model.rowCount() == len(comparison.metrics) > 0
    assert model.article_ids == [a.id for a in analyses]
    for row in comparison.metrics:
        for aid in row.outliers:
            cell = model.index(model.metric_row(row.metric), model.outlet_column(aid))
            assert cell.data(OUTLIER_ROLE) in ("high", "low")
            assert cell.data().endswith(("▲", "▼"))

    only = p.only_here_model
    assert only.rowCount() == len(comparison.only_here)
    for r in range(only.rowCount()):
        aid, start, end = only.index(r, 1).data(JUMP_ROLE)
        assert " ".join(by_id[aid].text[start:end].split()) == only.index(r, 1).data()

    naming = p.naming_model
    jumps = 0
    for r, row in enumerate(comparison.naming):
        for c, aid in enumerate(naming.article_ids, start=1):
            jump = naming.index(r, c).data(JUMP_ROLE)
            if aid in row.by_article:
                assert jump is not None, (row.entity, aid)
                assert " ".join(by_id[aid].text[jump[1]:jump[2]].split()) in row.by_article[aid]
                jumps += 1
            else:
                assert jump is None
    assert jumps > 0

    for aid, words in comparison.distinctive.items():
        m = p.distinctive_models[aid]
        for r, w in enumerate(words):
            jump = m.index(r, 0).data(JUMP_ROLE)
            assert jump is not None, (aid, w.word)
            assert by_id[aid].text[jump[1]:jump[2]].lower().replace("’", "'").startswith(w.word[:3])


def test_only_one_outlet_tab_lists_ranked_claims_with_reasons_and_shared_counts(qtbot, seed_analyses):
    import analysis

    analyses = list(seed_analyses.values())
    comparison = analysis.compare(analyses)
    p = DashboardPanel()
    qtbot.addWidget(p)
    p.set_results(analyses, comparison)
    p.show_section("only_here")
    model = p.only_here_model
    assert model.columnCount() == 3 and model.headerData(2, Qt.Orientation.Horizontal) == "Why it is listed"
    assert 0 < model.rowCount() == len(comparison.only_here) < 46  # claims, not every unmatched sentence
    for r, o in enumerate(comparison.only_here):  # in rank order, each with its reason in words
        assert model.index(r, 1).data() == " ".join(o.text.split())
        assert model.index(r, 2).data() == "; ".join(o.reasons) and "no other outlet" in model.index(r, 2).data()
    text = p.coverage_label.text()
    assert text.startswith("How much each outlet shares with the others:")
    for c in comparison.coverage:
        assert f"{c.shared} of {c.sentences} sentences shared" in text
