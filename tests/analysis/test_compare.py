"""compare(): metrics and outliers, distinctive words, naming across outlets, alignment and only-here."""
from __future__ import annotations

import dataclasses
import json
from collections import Counter

import pytest

import analysis
from analysis.compare import compare
from analysis.compare.alignment import align
from analysis.compare.distinctive import distinctive_words, log_odds
from analysis.compare.naming import merge_keys, naming_rows
from analysis.compare.outliers import METRICS, metric_rows, outliers
from analysis.results import (
    ArticleAnalysis,
    Comparison,
    Counts,
    Language,
    Mention,
    Readability,
    Sentence,
    Span,
    Tone,
)

WAR = "Russia's war in Ukraine"


def article(aid: str, lines: list[str], mentions=(), words=None, headline=False, **counts) -> ArticleAnalysis:
    """An ArticleAnalysis built by hand: one body sentence per line."""
    text = "\n".join(lines)
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        sentences.append(Sentence(pos, pos + len(line), 0.0, headline and i == 0))
        pos += len(line) + 1
    n = words if words is not None else len(text.split())
    base = dict(loaded_per_1000_words=0.0, hedges_per_1000_words=0.0, unnamed_source_share=0.0)
    base.update(counts)
    return ArticleAnalysis(
        id=aid, outlet=None, title=None, date=None, text=text, language=Language(True, 1.0),
        boilerplate=(), sentences=tuple(sentences), tone=Tone(0.0, 0.0, 0.0),
        loaded_terms=(), attributions=(), hedges=(), readability=Readability(60.0, 8.0, 10.0, 15.0),
        counts=Counts(words=n, sentences=len(lines), **base), mentions=tuple(mentions),
    )


def mention(entity: str, name: str, phrase: str | None = None, label: str = "PERSON") -> Mention:
    phrase = phrase or name
    start = phrase.index(name)
    mods = tuple(phrase[:start].split())
    return Mention(entity, label, Span(start, start + len(name), name), Span(0, len(phrase), phrase), mods)


def sentence_index(a: ArticleAnalysis, needle: str) -> int:
    hits = [i for i, s in enumerate(a.sentences) if needle in a.text[s.start : s.end]]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


@pytest.fixture(scope="module")
def seeds_compared(seed_analyses) -> Comparison:
    return compare(list(seed_analyses.values()))


# --- empty and odd inputs -------------------------------------------------------------------------


def test_no_articles():
    c = compare([])
    assert c.articles == () and c.naming == () and c.alignment == () and c.only_here == ()
    assert all(row.values == {} and row.outliers == () for row in c.metrics)
    json.dumps(c.to_dict())


def test_one_article_has_nothing_to_compare_with(seed_analyses):
    c = compare([seed_analyses["001"]])
    assert c.articles == ("001",)
    assert c.only_here == () and c.naming == ()
    assert all(not d for d in c.distinctive.values())
    assert all(row.outliers == () for row in c.metrics)
    assert {row.metric for row in c.metrics} == {m.key for m in METRICS}
    assert all(set(al.counterparts) == set() for al in c.alignment)


def test_articles_without_body_text(seed_analyses):
    empty = analysis.analyze("", id="empty")
    junk = analysis.analyze("Connect with us\n\nAccessibility links\n", id="junk")
    c = compare([empty, junk, seed_analyses["003"]])
    assert c.articles == ("empty", "junk", "003")
    for row in c.metrics:
        assert "empty" not in row.values and "junk" not in row.values
    assert Comparison.from_dict(json.loads(json.dumps(c.to_dict()))).to_dict() == c.to_dict()
    assert compare([empty]).articles == ("empty",)


def test_same_article_twice_is_compared_once(seed_analyses):
    c = compare([seed_analyses["002"], seed_analyses["002"], seed_analyses["003"]])
    assert c.articles == ("002", "003")


# --- metrics and outliers -------------------------------------------------------------------------


def test_outlier_rule_on_hand_made_numbers():
    assert outliers({"a": 1.0, "b": 2.0, "c": 30.0}, floor=3.0) == ("c",)
    # tight others (MAD 0) and a clear difference
    assert outliers({"a": 5.0, "b": 5.0, "c": 5.0, "d": 12.0}, floor=3.0) == ("d",)
    # a difference below the floor never counts, however tight the others are
    assert outliers({"a": 5.0, "b": 5.0, "c": 5.0, "d": 6.0}, floor=3.0) == ()
    # spread-out values: nobody stands out
    assert outliers({"a": 2.0, "b": 10.0, "c": 18.0, "d": 26.0, "e": 34.0}, floor=3.0) == ()
    # with two articles there is no telling which one is unusual
    assert outliers({"a": 0.0, "b": 100.0}, floor=3.0) == ()
    # low outliers count too
    assert outliers({"a": 60.0, "b": 62.0, "c": 61.0, "d": 59.0, "e": 5.0}, floor=10.0) == ("e",)


def test_metric_rows_mark_the_article_that_stands_out():
    arts = [
        article("a", ["One line here."], words=400, loaded_per_1000_words=2.0, hedges_per_1000_words=4.0),
        article("b", ["One line here."], words=420, loaded_per_1000_words=3.0, hedges_per_1000_words=5.0),
        article("c", ["One line here."], words=380, loaded_per_1000_words=25.0, hedges_per_1000_words=4.5,
                loaded_terms=10),
        article("d", ["One line here."], words=410, loaded_per_1000_words=2.5, hedges_per_1000_words=40.0,
                hedges=16),
    ]
    rows = {r.metric: r for r in metric_rows(arts)}
    loaded = rows["loaded_per_1000_words"]
    assert loaded.values == {"a": 2.0, "b": 3.0, "c": 25.0, "d": 2.5}
    assert loaded.median == pytest.approx(2.75)
    assert loaded.outliers == ("c",)
    assert rows["hedges_per_1000_words"].outliers == ("d",)
    assert rows["words"].outliers == ()
    for row in rows.values():
        assert row.label and row.higher_means
    # the same rate resting on two loaded terms is too thin to stand out
    arts[2] = dataclasses.replace(arts[2], counts=dataclasses.replace(arts[2].counts, loaded_terms=2))
    assert next(r for r in metric_rows(arts) if r.metric == "loaded_per_1000_words").outliers == ()


def test_unnamed_share_ignores_articles_without_attributions():
    arts = [
        article("a", ["x y z."], unnamed_source_share=0.0),
        dataclasses.replace(article("b", ["x y z."], unnamed_source_share=0.5),
                            counts=Counts(3, 1, 0.0, 0.0, 0.5, attributions=4)),
    ]
    row = next(r for r in metric_rows(arts) if r.metric == "unnamed_source_share")
    assert row.values == {"b": 0.5}


def test_seed_metrics_cover_every_article(seeds_compared, seed_analyses):
    for row in seeds_compared.metrics:
        if row.metric != "unnamed_source_share":
            assert set(row.values) == set(seed_analyses)
        assert set(row.outliers) <= set(row.values)


def test_raising_one_seeds_density_makes_it_the_outlier(seed_analyses):
    arts = [dataclasses.replace(a, counts=dataclasses.replace(a.counts, hedges_per_1000_words=5.0 + i * 0.5))
            for i, a in enumerate(seed_analyses.values())]
    arts[1] = dataclasses.replace(arts[1], counts=dataclasses.replace(arts[1].counts, hedges_per_1000_words=30.0))
    row = next(r for r in compare(arts).metrics if r.metric == "hedges_per_1000_words")
    assert row.outliers == (arts[1].id,)


# --- distinctive words ----------------------------------------------------------------------------


def test_log_odds_direction_on_hand_made_counts():
    counts = {
        "tax": Counter({"tax": 30, "cut": 20, "economy": 10, "war": 1}),
        "war": Counter({"war": 30, "troops": 20, "economy": 10, "tax": 1}),
        "mix": Counter({"economy": 10, "tax": 5, "war": 5, "weather": 5}),
    }
    z = log_odds(counts)
    assert z["tax"]["tax"][0] > 1.96 and z["tax"]["cut"][0] > 1.96
    assert z["war"]["war"][0] > 1.96 and z["war"]["troops"][0] > 1.96
    assert z["tax"]["war"][0] < 0 and z["war"]["tax"][0] < 0
    assert abs(z["tax"]["economy"][0]) < abs(z["tax"]["tax"][0])
    assert z["tax"]["tax"][1] == 30


def test_distinctive_words_from_text_skip_stop_words_numbers_and_punctuation():
    a = article("a", ["The tariffs and the tariffs, tariffs again: 2024 tariffs!"] * 6 + ["The budget was discussed."])
    b = article("b", ["The soldiers and the soldiers, soldiers again: 2024 soldiers!"] * 6 + ["The budget was discussed."])
    c = article("c", ["The budget was discussed and the budget was passed."] * 4)
    d = distinctive_words([a, b, c])
    assert [w.word for w in d["a"]][:1] == ["tariffs"]
    assert [w.word for w in d["b"]][:1] == ["soldiers"]
    words = {w.word for ws in d.values() for w in ws}
    assert not words & {"the", "and", "2024", ",", "!", "again"}
    assert all(w.z >= 1.96 for ws in d.values() for w in ws)
    for ws in d.values():
        assert [w.z for w in ws] == sorted((w.z for w in ws), reverse=True)


def test_distinctive_words_on_seeds(seeds_compared, seed_analyses):
    assert set(seeds_compared.distinctive) == set(seed_analyses)
    for key, words in seeds_compared.distinctive.items():
        text = seed_analyses[key].text.lower()
        for w in words:
            assert w.count >= 1 and w.word in text


# --- naming across outlets ------------------------------------------------------------------------


def test_kishida_keys_merge_across_articles():
    arts = [
        article("a", ["Kishida spoke."], [mention("Kishida", "Kishida")]),
        article("b", ["Prime Minister Fumio Kishida spoke."], [mention("Fumio Kishida", "Fumio Kishida", "Prime Minister Fumio Kishida")]),
        article("c", ["conservative Prime Minister Kishida Fumio spoke."],
                [mention("Kishida Fumio", "Kishida Fumio", "conservative Prime Minister Kishida Fumio")]),
        article("d", ["Fumio Kishida spoke."], [mention("Fumio Kishida", "Fumio Kishida")]),
    ]
    merged = merge_keys(arts)
    assert merged["Kishida"] == merged["Kishida Fumio"] == merged["Fumio Kishida"] == "Fumio Kishida"
    rows = [r for r in naming_rows(arts) if "Kishida" in r.entity]
    assert len(rows) == 1
    row = rows[0]
    assert set(row.by_article) == {"a", "b", "c", "d"}
    assert row.by_article["c"] == ("conservative Prime Minister Kishida Fumio",)
    assert row.differs  # "conservative" is a label the others lack


def test_an_ambiguous_surname_is_not_merged():
    arts = [
        article("a", ["x"], [mention("Joe Biden", "Joe Biden")]),
        article("b", ["x"], [mention("Hunter Biden", "Hunter Biden")]),
        article("c", ["x"], [mention("Biden", "Biden")]),
    ]
    merged = merge_keys(arts)
    assert merged["Joe Biden"] != merged["Hunter Biden"]
    assert merged["Biden"] == "Biden"


def test_titles_alone_do_not_make_a_difference():
    arts = [
        article("a", ["x"], [mention("Joe Biden", "Joe Biden", "US President Joe Biden")]),
        article("b", ["x"], [mention("Joe Biden", "Joe Biden", "President Joe Biden"), mention("United States", "US", label="GPE")]),
    ]
    row = next(r for r in naming_rows(arts) if r.entity == "Joe Biden")
    assert not row.differs


def test_seed_naming_rows(seeds_compared):
    rows = {r.entity: r for r in seeds_compared.naming}
    biden = rows["Joe Biden"]
    assert biden.label == "PERSON" and biden.differs
    assert "Leftist American President Joe Biden" in biden.by_article["001"]
    assert "US President Joe Biden" in biden.by_article["000"]

    xi = rows["Xi Jinping"]  # named by one article only, but with a label
    assert set(xi.by_article) == {"001"} and xi.by_article["001"] == ("Chinese dictator Xi Jinping",)

    kishida = [r for r in seeds_compared.naming if "Kishida" in r.entity]
    assert len(kishida) == 1 and set(kishida[0].by_article) == {"000", "001", "002", "003", "004"}
    assert kishida[0].differs
    assert "conservative Prime Minister Kishida Fumio" in kishida[0].by_article["001"]

    war = rows[WAR]
    assert war.label == "EVENT" and war.differs
    assert set(war.by_article) >= {"000", "001", "003", "004"}
    assert "the Russian “special operation”" in war.by_article["001"]
    assert "the Ukraine crisis" in war.by_article["004"]

    assert not rows["Japan"].differs
    # label words differ first: rows that differ come before rows that do not
    flags = [r.differs for r in seeds_compared.naming]
    assert flags == sorted(flags, reverse=True)


def test_plain_single_article_names_make_no_row(seeds_compared):
    # 003 alone names Keir Starmer, with nothing but a title and a nationality in front
    assert not any(r.entity == "Keir Starmer" for r in seeds_compared.naming)


# --- alignment and only-here ----------------------------------------------------------------------


def test_alignment_finds_the_counterpart_in_another_seed(seeds_compared, seed_analyses):
    a001, a000, a003 = seed_analyses["001"], seed_analyses["000"], seed_analyses["003"]
    by_key = {(al.article, al.sentence): al for al in seeds_compared.alignment}

    first_ever = by_key[("001", sentence_index(a001, "was the first ever for a Japanese prime minister"))]
    assert first_ever.counterparts["000"] == sentence_index(a000, "made history as the first Japanese Prime Minister")
    assert first_ever.similarity["000"] >= 0.2

    inseparable = by_key[("001", sentence_index(a001, "are inseparable"))]
    assert inseparable.counterparts["003"] == sentence_index(a003, "Europe is inseparable")


def test_every_body_sentence_is_aligned(seeds_compared, seed_analyses):
    for key, a in seed_analyses.items():
        mine = [al for al in seeds_compared.alignment if al.article == key]
        assert [al.sentence for al in mine] == list(range(len(a.sentences)))
        for al in mine:
            assert set(al.counterparts) == set(seed_analyses) - {key}
            for other, j in al.counterparts.items():
                assert j is None or 0 <= j < len(seed_analyses[other].sentences)
                assert 0.0 <= al.similarity[other] <= 1.0


def test_only_here(seeds_compared, seed_analyses):
    only = {(o.article, o.sentence) for o in seeds_compared.only_here}
    a001, a003 = seed_analyses["001"], seed_analyses["003"]
    assert ("001", sentence_index(a001, "relies on Russia for much of its energy")) in only
    # attending the NATO summit is what every outlet reports
    assert ("001", sentence_index(a001, "making arrangements to attend the scheduled NATO summit")) not in only
    assert ("003", sentence_index(a003, "left for Washington on Wednesday to attend a NATO summit")) not in only
    for o in seeds_compared.only_here:
        a = seed_analyses[o.article]
        assert a.text[o.start : o.end] == o.text
        assert not a.sentences[o.sentence].is_headline


def test_only_here_skips_headlines_and_short_lines():
    shared = "The central bank raised interest rates by half a point on Tuesday to fight inflation."
    a = article("a", ["Rates Rise Sharply As Bank Acts On Prices Today", shared, "Markets fell.",
                      "Farmers in the northern provinces protested against new fertiliser subsidies yesterday."],
                headline=True)
    b = article("b", ["Bank rates rise", "On Tuesday the central bank raised interest rates by half a point to fight inflation."])
    aligned, only = align([a, b])
    texts = {o.text for o in only if o.article == "a"}
    assert texts == {"Farmers in the northern provinces protested against new fertiliser subsidies yesterday."}
    first = next(al for al in aligned if al.article == "a" and al.sentence == 1)
    assert first.counterparts["b"] == 1 and first.similarity["b"] > 0.5
    farmers = next(al for al in aligned if al.article == "a" and al.sentence == 3)
    assert farmers.counterparts["b"] is None


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Leaders discussed closer cooperation between the two nations on Monday.",
         "The discussion was about how the national governments cooperate, officials explained."),
        ("The minister resigned after the investigation into the donations.",
         "Investigators looked into donated money; the resignation of the minister followed."),
    ],
)
def test_alignment_matches_a_sentence_reworded_with_related_word_forms(one, other):
    # Same facts in other word forms ("discussed"/"discussion", "resigned"/"resignation").
    cod = "Fishermen in the south staged a protest about new quotas for cod."
    a = article("a", [one, cod])
    b = article("b", [other, "A separate report covered rainfall across the western hills last month."])
    aligned, only = align([a, b])
    first = next(al for al in aligned if al.article == "a" and al.sentence == 0)
    assert first.counterparts["b"] == 0
    assert {o.text for o in only if o.article == "a"} == {cod}


def test_comparison_is_plain_json(seeds_compared):
    d = json.loads(json.dumps(seeds_compared.to_dict()))
    assert d["articles"] == ["000", "001", "002", "003", "004"]
    assert Comparison.from_dict(d).to_dict() == d
