"""Hedging and speculation: modal verbs, hearsay, rumour, forecasts, conditions; on the seeds and own sentences."""
from __future__ import annotations

import pytest

import analysis
from analysis.lexicons import load_builtin


def hedges(text: str):
    return analysis.analyze(text).hedges


def texts(found) -> list[str]:
    return [h.text for h in found]


def test_aggregator_rewrite_has_the_highest_hedge_density(seed_analyses):
    density = {k: a.counts.hedges_per_1000_words for k, a in seed_analyses.items()}
    top = max(density, key=density.get)
    assert top == "002", density
    others = sorted((v for k, v in density.items() if k != "002"), reverse=True)
    assert density["002"] > others[0]


def test_seed_002_speculation_is_found(seed_analyses):
    a = seed_analyses["002"]
    found = {h.text.lower(): h.kind for h in a.hedges}
    assert found["speculation is rising"] == "speculation"
    assert found["rumors circulating"] == "speculation"
    assert found["if confirmed"] == "condition"
    assert found["could"] == "modal"
    assert sum(1 for h in a.hedges if h.text.lower() == "could") >= 3


def test_offsets_and_explanations(seed_analyses):
    for a in seed_analyses.values():
        for h in a.hedges:
            assert a.text[h.start : h.end] == h.text
            assert h.why and h.rule.startswith("lexicon:hedges/")


def test_the_month_may_is_not_a_hedge(seed_analyses):
    a = seed_analyses["002"]
    may22 = a.text.index("May 22")
    assert not any(h.start <= may22 < h.end for h in a.hedges)
    assert hedges("The summit opened on May 22 in Vilnius.") == ()
    assert texts(hedges("The minister may resign next week.")) == ["may"]


def test_modal_could_but_not_could_not():
    assert texts(hedges("Kishida could attend the summit.")) == ["could"]
    assert hedges("Kishida could not attend the summit because of the election.") == ()


def test_might_the_noun_is_not_a_hedge():
    assert hedges("Russia showed its military might in the parade.") == ()
    assert texts(hedges("Russia might hold a parade.")) == ["might"]


def test_longest_match_wins():
    (h,) = hedges("The office would likely open next year.")
    assert h.text == "would likely"


@pytest.mark.parametrize(
    ("text", "hedge", "kind"),
    [
        ("The minister reportedly told the parliament that he would stay.", "reportedly", "reportedly"),
        ("The company allegedly hid the losses.", "allegedly", "reportedly"),
        ("The minister is said to be furious about the leak.", "is said to", "reportedly"),
        ("Speculation is mounting that the prime minister will resign.", "Speculation is mounting", "speculation"),
        ("Rumours swirling in Tokyo put the date in July.", "Rumours swirling", "speculation"),
        ("There is growing expectation that the talks will succeed.", "There is growing expectation", "speculation"),
        ("The talks are expected to cover trade.", "are expected to", "expectation"),
        ("The deal, if confirmed, would be the largest this year.", "if confirmed", "condition"),
        ("The new office could potentially open in Tokyo.", "could potentially", "modal"),
        ("The move is possibly the biggest shift in decades.", "possibly", "likelihood"),
        ("Russia and China appear to be strengthening ties.", "appear to", "appearance"),
        ("Russia and China look to be strengthening ties.", "look to be", "appearance"),
    ],
)
def test_hedge_kinds(text, hedge, kind):
    found = hedges(text)
    assert [(h.text, h.kind) for h in found] == [(hedge, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Kishida is scheduled to visit Berlin on Friday.",
        "Kishida is set to meet Scholz on Friday.",
        "Talks are slated to take place in Vilnius.",
        "Kishida plans to attend the summit.",
        "Kishida said he would attend the summit.",
        "The talks were held in Tokyo.",
    ],
)
def test_scheduled_facts_and_plain_statements_are_not_hedges(text):
    assert hedges(text) == ()


def test_no_hedges_in_boilerplate(seed_analyses):
    for a in seed_analyses.values():
        spans = [(b.start, b.end) for b in a.boilerplate]
        for h in a.hedges:
            assert not any(s < h.end and h.start < e for s, e in spans)


def test_every_entry_has_kind_reason_and_patterns():
    data = load_builtin("hedges")
    assert data["meta"]["licence"]
    ids = [e["id"] for e in data["hedge"]]
    assert len(ids) == len(set(ids))
    for entry in data["hedge"]:
        assert entry["kind"] and entry["why"].strip() and entry["patterns"], entry["id"]


def test_user_hedges_extend_the_lexicon(tmp_path, monkeypatch):
    from analysis.measures import hedging

    (tmp_path / "hedges_mine.toml").write_text(
        '[meta]\nname = "hedges_mine"\nversion = "1"\nsource = "me"\nlicence = "CC0"\n\n'
        '[[hedge]]\nid = "in-the-cards"\nkind = "likelihood"\nwhy = "An idiom for maybe."\n'
        'patterns = [[{LOWER = "in"}, {LOWER = "the"}, {LOWER = "cards"}]]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("SLANT_LEXICON_DIR", str(tmp_path))
    hedging.clear_cache()
    try:
        found = hedges("A visit to Kyiv is in the cards for July.")
        assert [(h.text, h.kind, h.rule) for h in found] == [("in the cards", "likelihood", "lexicon:hedges/in-the-cards")]
    finally:
        monkeypatch.delenv("SLANT_LEXICON_DIR")
        hedging.clear_cache()
    assert hedges("A visit to Kyiv is in the cards for July.") == ()


def test_empty_and_odd_text():
    for text in ("", " ", "could", "MAY", "🙂 could 🙂", "\u202ecould\u202c"):
        assert isinstance(hedges(text), tuple)


def test_a_speakers_hedge_inside_a_quotation_is_not_the_outlets():
    text = '"We could see a deal as early as next week," the minister said. Talks could resume on Monday.'
    hedges = analysis.analyze(text).hedges
    assert [(h.text, h.start) for h in hedges] == [("could", text.index("could resume"))]


def test_a_hedge_in_a_short_quoted_phrase_still_counts():
    text = 'The ministry called the deal "possible" at best, officials said.'
    assert [h.text for h in analysis.analyze(text).hedges] == ["possible"]
